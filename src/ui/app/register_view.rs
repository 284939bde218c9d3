//! The Register view's state: a page of entries, reopening and reprinting one, and steps signed on the open order.

#[allow(unused_imports)]
use super::*;

impl AppState {
    pub(super) fn refresh_register(&mut self) {
        let w = self.words();
        let v = &mut self.register_view;
        let date = match v.date.trim() {
            "" => None,
            d => match crate::input::parse_date(crate::error::Field::Day1, d) {
                Ok(date) => Some(date),
                Err(_) => {
                    v.message = Some(w.msg(msg!("g-register-bad-date")));
                    return;
                }
            },
        };
        let filter = Filter {
            patient_id: v.patient_id.clone(),
            date,
            limit: REGISTER_PAGE,
            offset: v.page * REGISTER_PAGE,
            ..Filter::default()
        };
        let Some(path) = self.register_path() else {
            self.register_view.message = Some(w.msg(msg!("not-recorded-no-location")));
            return;
        };
        match Register::connect(&path.to_string_lossy()).and_then(|mut r| r.list(&filter)) {
            Ok(entries) => {
                self.register_view.entries = entries;
                self.register_view.message = None;
            }
            Err(e) => {
                self.register_view.entries.clear();
                self.register_view.message = Some(w.register_error(&e));
            }
        }
    }

    pub(super) fn stored_order(&self, id: i64) -> Result<Order, String> {
        let w = self.words();
        let path = self.register_path().ok_or_else(|| w.msg(msg!("not-recorded-no-location")))?;
        // A record edited outside the program is neither reopened nor reprinted.
        Register::connect(&path.to_string_lossy()).map_err(|e| w.register_error(&e)).and_then(|mut r| {
            r.order_to_reprint(id)
                .map_err(|e| w.register_error(&e))?
                .map_err(|id| w.msg(msg!("reprint-refused-broken", "id" => id)))
        })
    }

    pub(super) fn reopen(&mut self, id: i64) {
        let w = self.words();
        match self.stored_order(id) {
            Ok(order) => {
                self.show_order(order);
                let id = self.order.order_id.clone();
                self.notice = Some(Notice::Info(w.msg(msg!("g-reopened", "id" => id))));
            }
            Err(e) => self.register_view.message = Some(e),
        }
    }

    /// Prints a registered order again: recomputed from its stored inputs,
    /// checked as any sheet is, recorded as a reprint with the same fingerprint.
    pub(super) fn reprint(&mut self, id: i64) {
        let order = match self.stored_order(id) {
            Ok(o) => o,
            Err(e) => {
                self.register_view.message = Some(e);
                return;
            }
        };
        match self.print_order(&order, RegisterAction::Reprinted) {
            Ok(message) => {
                self.register_view.message = Some(message);
                self.printing.reprint_fallback = None;
            }
            Err(message) => {
                self.register_view.message = Some(message);
                // The print service said no: offer the same sheet as a PDF instead.
                self.printing.reprint_fallback = Some(order);
            }
        }
        self.refresh_register_keep_message();
    }

    /// Records the double-check as a signed step, and shows it with the open order.
    pub(super) fn sign_check(
        &mut self,
        p: &crate::register::Person,
        ok: bool,
        detail: &str,
    ) -> Result<(), String> {
        self.sign_step(crate::register::Step::DoubleChecked, p, ok, detail)
    }

    /// Signs a step of the open order in the register, now, as `p`; on success the
    /// step is added to the order's chain as shown.
    pub(super) fn sign_step(
        &mut self,
        step: crate::register::Step,
        p: &crate::register::Person,
        ok: bool,
        detail: &str,
    ) -> Result<(), String> {
        let w = self.words();
        let path = self.register_path().ok_or_else(|| w.msg(msg!("not-recorded-no-location")))?;
        let (id, revision, at) = (self.order.order_id.clone(), self.order.revision, self.now());
        match Register::connect(&path.to_string_lossy())
            .and_then(|mut r| r.sign(&id, revision, step, p, ok, detail, at))
        {
            Ok(Ok(_)) => {
                self.order.chain.push(crate::order::SignedStep {
                    step: step.key().to_owned(),
                    person: p.name.clone(),
                    role: p.role.key().to_owned(),
                    at,
                    ok,
                });
                Ok(())
            }
            Ok(Err(problem)) => Err(w.person_problem(&problem, &p.name)),
            Err(e) => Err(w.register_error(&e)),
        }
    }

    pub(super) fn refresh_register_keep_message(&mut self) {
        let message = self.register_view.message.take();
        self.refresh_register();
        if self.register_view.message.is_none() {
            self.register_view.message = message;
        }
    }
}
