//! The Administration view's state (issue 21): the bedside check and its signature, and the
//! bag labels and preparation worksheet of a registered order printed from the Register view.
//! The rules are the order layer's ([`crate::order::bedside`]); this face collects and says.

#[allow(unused_imports)]
use super::*;

use crate::id;
use crate::order::bedside::BedsideScan;
use crate::register::NotGiven;

impl AppState {
    pub(super) fn apply_administer(&mut self, action: Action) {
        match action {
            Action::ShowAdminister(order_id) => {
                // A new bedside check starts empty: nothing scanned for another bag stays.
                let nurse = std::mem::take(&mut self.administer.nurse);
                self.administer =
                    AdministerView { order_id, nurse, focus_scan: true, ..AdministerView::default() };
                self.mode = Mode::Administer;
            }
            Action::CloseAdminister => {
                self.administer = AdministerView::default();
                self.mode = Mode::Register;
            }
            Action::SubmitAdminister => {
                self.submit_administer();
                self.administer.focus_scan = true;
            }
            Action::PrintLabels(id) => {
                let message = self.print_product_paper(id, true);
                self.register_view.message = Some(message);
            }
            Action::PrintWorksheet(id) => {
                let message = self.print_product_paper(id, false);
                self.register_view.message = Some(message);
            }
            _ => {}
        }
    }

    /// Checks the scanned bag and wristband against the order and signs the administration.
    fn submit_administer(&mut self) {
        let w = self.words();
        let now = self.now();
        let v = &mut self.administer;
        let nurse_secret = std::mem::take(&mut v.nurse_secret);
        let prescriber_secret = std::mem::take(&mut v.prescriber_secret);
        v.outcome = None;
        v.overridable = false;
        let Some(path) = self.register_path() else {
            self.administer.outcome = Some((false, w.msg(msg!("not-recorded-no-location"))));
            return;
        };
        let v = self.administer.clone();
        let refuse = |s: &mut Self, m: String| s.administer.outcome = Some((false, m));
        for (field, value) in [
            (id!("g-adm-order"), &v.order_id),
            (id!("g-adm-wristband"), &v.wristband),
            (id!("g-adm-bag"), &v.bag_code),
            (id!("g-adm-nurse"), &v.nurse),
        ] {
            if value.trim().is_empty() {
                return refuse(self, w.msg(msg!("g-adm-missing", "field" => w.t(field))));
            }
        }
        let at = match v.at.trim() {
            "" => now,
            t => match crate::clinical::parse_date_time(crate::error::Field::AdministeredAt, t) {
                Ok(t) => t,
                Err(e) => return refuse(self, w.input_error(&e)),
            },
        };
        let mut reg = match Register::connect(&path.to_string_lossy()) {
            Ok(r) => r,
            Err(e) => return refuse(self, w.register_error(&e)),
        };
        let order_id = v.order_id.trim().to_owned();
        reg.attempting(crate::register::Step::Administered.key(), &order_id);
        let nurse = match reg.authenticate(v.nurse.trim(), &nurse_secret, now) {
            Ok(Ok(p)) => p,
            Ok(Err(p)) => return refuse(self, w.person_problem(&p, &v.nurse)),
            Err(e) => return refuse(self, w.register_error(&e)),
        };
        let overriding = !v.reason.trim().is_empty() || !v.prescriber.trim().is_empty();
        let prescriber = if overriding {
            if v.reason.trim().is_empty() || v.prescriber.trim().is_empty() {
                return refuse(self, w.msg(msg!("g-adm-override-incomplete")));
            }
            reg.attempting(crate::register::Step::Override.key(), &order_id);
            match reg.authenticate(v.prescriber.trim(), &prescriber_secret, now) {
                Ok(Ok(p)) => Some(p),
                Ok(Err(p)) => return refuse(self, w.person_problem(&p, &v.prescriber)),
                Err(e) => return refuse(self, w.register_error(&e)),
            }
        } else {
            None
        };
        let scan = BedsideScan {
            bag_code: &v.bag_code,
            wristband: &v.wristband,
            at,
            now,
            override_by: prescriber.as_ref().map(|p| (v.reason.as_str(), p.name.as_str())),
        };
        match reg.administer(&order_id, &scan, &nurse, prescriber.as_ref()) {
            Ok(Ok((_, given))) => {
                let drug = w.given_name(&given.drug);
                let mut said = w.msg(
                    msg!("administered-ok", "drug" => drug, "day" => given.day, "name" => nurse.name.clone()),
                );
                for r in &given.overridden {
                    said.push('\n');
                    said.push_str(&w.msg(msg!("administered-overridden", "what" => w.bedside_refusal(r))));
                }
                // Ready for the next bag: what was scanned for this one does not stay.
                let a = &mut self.administer;
                a.bag_code.clear();
                a.wristband.clear();
                a.at.clear();
                a.reason.clear();
                a.prescriber.clear();
                a.outcome = Some((true, said));
            }
            Ok(Err(NotGiven::Bedside(refusals))) => {
                self.administer.overridable =
                    refusals.iter().all(crate::order::bedside::BedsideRefusal::overridable);
                refuse(self, w.bedside_refusals(&refusals));
            }
            Ok(Err(NotGiven::Person(p, name))) => refuse(self, w.person_problem(&p, &name)),
            Err(e) => refuse(self, w.register_error(&e)),
        }
    }

    /// Prints the labels (signed as the signed-in person's) or the worksheet of entry `id`'s
    /// order at its latest revision; what happened, in words.
    fn print_product_paper(&mut self, id: i64, labels: bool) -> String {
        let w = self.words();
        let now = self.now();
        let Some(path) = self.register_path() else { return w.msg(msg!("not-recorded-no-location")) };
        let mut reg = match Register::connect(&path.to_string_lossy()) {
            Ok(r) => r,
            Err(e) => return w.register_error(&e),
        };
        let order_id = match reg.entry(id) {
            Ok(e) => e.order_id,
            Err(e) => return w.register_error(&e),
        };
        let (held, chain) = match (reg.held(&order_id, None), reg.chain_of(&order_id)) {
            (Ok(Some(h)), Ok(c)) => (h, c),
            (Err(e), _) | (_, Err(e)) => return w.register_error(&e),
            (Ok(None), _) => return w.msg(msg!("cli-no-such-entry", "id" => order_id)),
        };
        let papers = crate::output::product::ProductPapers {
            order: &held.order,
            report: &held.report,
            chain: &chain,
            generated: now,
        };
        let pw = Words::new(held.order.lang, Some(held.order.decimal_mark));
        let printer = self.prefs.last_printer.clone();
        if !labels {
            return match crate::output::product::worksheet_pdf(&papers) {
                Ok(bytes) => {
                    match crate::print::print_pdf(&bytes, printer.as_deref(), &pw.msg(msg!("ws-title"))) {
                        Ok(job) => w.printed(&job.id, printer.as_deref()),
                        Err(e) => w.print_error(&e),
                    }
                }
                Err(e) => w.sheet_error(&e),
            };
        }
        let has_people = reg.has_people().unwrap_or(true);
        let by = self.sign_in.person.clone();
        if has_people && by.is_none() {
            return w.msg(msg!("g-labels-sign-in"));
        }
        let labelled = crate::order::bedside::labelled_detail(&held, &chain, now);
        let bytes = match crate::output::product::labels_pdf(&papers, &labelled) {
            Ok(b) => b,
            Err(e) => return w.sheet_error(&e),
        };
        let count = crate::domain::product::units(&held.report).len();
        let printed = match crate::print::print_pdf(&bytes, printer.as_deref(), &pw.msg(msg!("lb-title"))) {
            Ok(job) => w.printed(&job.id, printer.as_deref()),
            Err(e) => return w.print_error(&e),
        };
        // Recorded after they printed: a label the register does not hold is refused at the bedside.
        if let Some(p) = &by.filter(|_| has_people) {
            let detail = serde_json::to_string(&labelled).unwrap_or_default();
            match reg.sign_product_step(
                &order_id,
                held.order.revision,
                crate::register::Step::Labelled,
                p,
                &detail,
                now,
            ) {
                Ok(Ok(_)) => {}
                Ok(Err(problem)) => return format!("{printed} {}", w.person_problem(&problem, &p.name)),
                Err(e) => {
                    return format!(
                        "{printed} {}",
                        w.msg(msg!("labels-unrecorded", "why" => w.register_error(&e)))
                    );
                }
            }
        }
        format!(
            "{printed} {}",
            w.msg(msg!("labels-done", "count" => count, "order" => held.order.order_id.clone(), "revision" => held.order.revision))
        )
    }
}
