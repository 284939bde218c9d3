//! Releasing the order shown: what the register says of it (read off the frame), sign-in, overrides by whoever gives them, and the one release workflow called for export and print.

#[allow(unused_imports)]
use super::*;

impl AppState {
    /// Records an action; a message saying so, or a warning that it was not recorded.
    pub(super) fn record(
        &self,
        order: &Order,
        report: &Report,
        action: RegisterAction,
        by: Option<&str>,
    ) -> Result<String, String> {
        let w = self.words();
        let Some(path) = self.register_path() else { return Err(w.msg(msg!("not-recorded-no-location"))) };
        // A failed check (signed by who checked); a sheet issued goes through the release workflow.
        Register::connect(&path.to_string_lossy())
            .and_then(|mut r| match by {
                Some(by) => r.record_by(order, report, action, self.now(), by),
                None => r.record(order, report, action, self.now()),
            })
            .map(|_| w.recorded(action, &path))
            .map_err(|e| w.not_recorded(&e))
    }

    /// Whether the register knows people, from the register's last answer (read off the
    /// frame, [`crate::ui::watch`]); until it answers, what it said before.
    pub fn register_has_people(&mut self) -> bool {
        if let Some(Ok(p)) = self.watch.answer() {
            self.sign_in.register_has_people = Some(p.has_people);
        }
        self.sign_in.register_has_people.unwrap_or(false)
    }

    /// The register's server is reached over an unencrypted link (from its last answer).
    pub fn register_link_unencrypted(&self) -> bool {
        matches!(self.watch.answer(), Some(Ok(p)) if p.unencrypted_link)
    }

    /// "Next patient may start from …" for the cohort and subject typed, from the register's last answer.
    pub fn next_start_line(&mut self) -> Option<String> {
        let cohort = crate::stagger::Cohort::from_key(&self.order.trial.cohort)?;
        let w = self.words();
        match self.watch.answer()? {
            Ok(p) => Some(w.next_start_line(cohort, p.next.as_ref())),
            Err(e) => Some(w.register_error(e)),
        }
    }

    /// Asks the register again about this order when what its answer depends on
    /// changed (never on a mere repaint); called once per frame, before drawing.
    pub fn refresh_watch(&mut self) {
        let report = self.report().ok();
        let key = self.register_path().map(|path| crate::ui::watch::Key {
            location: path.to_string_lossy().into_owned(),
            subject: self.order.trial.subject.trim().to_owned(),
            cohort: self.order.trial.cohort.clone(),
            record: self.order.patient.identifier.trim().to_owned(),
            cycle: report.as_ref().map(|r| r.inputs.cycle).unwrap_or(0),
            day1: report.as_ref().and_then(|r| r.inputs.day1),
            start: report.as_ref().and_then(|r| r.first_treatment()),
            stagger_override: self.order.stagger_override.as_ref().map(|o| o.previous_subject.clone()),
            generation: self.watch.generation,
        });
        self.watch.refresh(key, &self.order, report.as_ref(), self.now());
    }

    /// The trial's rules across patients as the register last answered: a refusal, or
    /// why they cannot be checked. A register that cannot be read refuses an order of a
    /// cohort: the rule is never skipped silently.
    pub(super) fn trial_refusal(&self) -> Result<(), SheetError> {
        let w = self.words();
        let cohort = crate::stagger::Cohort::from_key(&self.order.trial.cohort);
        if self.register_path().is_none() {
            return match cohort {
                Some(_) => Err(SheetError::StaggerUnchecked(w.msg(msg!("not-recorded-no-location")))),
                None => Ok(()),
            };
        }
        match self.watch.answer() {
            None => Err(SheetError::StaggerUnchecked(w.msg(msg!("g-register-checking")))),
            Some(Err(e)) if cohort.is_some() || self.sign_in.person.is_some() => {
                Err(SheetError::StaggerUnchecked(w.register_error(e)))
            }
            Some(Err(_)) => Ok(()),
            Some(Ok(p)) => match &p.refusal {
                None => Ok(()),
                Some(Refusal::TooEarly { start, next }) => {
                    Err(SheetError::TooEarly { start: *start, earliest: next.earliest })
                }
                Some(r) => Err(SheetError::Refused(r.clone())),
            },
        }
    }

    /// Records the principal investigator's (or prescriber's) override of the stagger rule:
    /// who, when, why, and the earliest start it overrides; printed on the sheet.
    pub(super) fn stagger_override(&mut self) {
        let w = self.words();
        let Ok(report) = self.report() else { return };
        let Some(cohort) = crate::stagger::Cohort::from_key(&self.order.trial.cohort) else { return };
        // In a register that knows people, only a signed-in investigator or prescriber may.
        let by = match (&self.sign_in.person, self.sign_in.register_has_people) {
            (Some(p), _) if crate::register::Step::Override.roles().contains(&p.role) => p.name.clone(),
            (Some(p), _) => {
                let problem = crate::register::PersonProblem::WrongRole(p.role);
                self.override_error = Some(w.override_refused(&problem, &p.name));
                return;
            }
            (None, Some(true)) => {
                self.override_error = Some(w.msg(msg!("refuse-sign-in")));
                return;
            }
            (None, _) => {
                match crate::identity::normalise(crate::error::Field::IssuedBy, &self.order.issued_by) {
                    Ok(n) if !n.is_empty() => n,
                    _ => {
                        self.notice = Some(Notice::Error(w.msg(msg!("g-override-needs"))));
                        return;
                    }
                }
            }
        };
        let reason = match crate::identity::normalise(crate::error::Field::Reason, &self.stagger_reason) {
            Ok(r) if !r.is_empty() => r,
            Ok(_) => return,
            Err(e) => {
                self.notice = Some(Notice::Error(w.input_error(&e)));
                return;
            }
        };
        let next = match self.watch.answer() {
            Some(Ok(p)) => match &p.refusal {
                Some(Refusal::TooEarly { next, .. }) => Some((**next).clone()),
                _ => None,
            },
            _ => None,
        };
        if let (Some(n), true) = (next, report.inputs.cycle == 1) {
            let _ = cohort;
            // Signed by whoever gives it, as it was given, when the order is released (issue 19).
            if let Some(p) = self.sign_in.person.clone() {
                self.add_giver(p);
            }
            self.order.stagger_override = Some(crate::order::StaggerOverride {
                by,
                at: self.now(),
                reason,
                earliest: n.earliest,
                previous_subject: n.previous.subject,
            });
            self.stagger_reason.clear();
            self.override_error = None;
        }
    }

    /// Keeps who gave an override, proved, for the release to sign it as theirs.
    pub(super) fn add_giver(&mut self, p: crate::register::Person) {
        let key = crate::register::name_key(&p.name);
        self.givers.retain(|g| crate::register::name_key(&g.name) != key);
        self.givers.push(p);
    }

    pub(super) fn sign_in(&mut self) {
        let w = self.words();
        let secret = std::mem::take(&mut self.sign_in.secret);
        let name = self.sign_in.name.trim().to_owned();
        let Some(path) = self.register_path() else { return };
        let order_id = self.order.order_id.clone();
        let result = Register::connect(&path.to_string_lossy()).and_then(|mut r| {
            r.attempting("sign-in", &order_id);
            r.authenticate(&name, &secret, self.now())
        });
        match result {
            Ok(Ok(p)) => {
                self.order.issued_by = p.name.clone();
                self.sign_in.person = Some(p);
                self.sign_in.error = None;
                self.sign_in.focus_export = true;
                // What was said before signing in no longer stands.
                self.notice = None;
                self.override_error = None;
            }
            Ok(Err(problem)) => {
                self.sign_in.error = Some(w.person_problem(&problem, &name));
            }
            Err(e) => self.sign_in.error = Some(w.register_error(&e)),
        }
    }

    /// Whether the sheet may be exported now, and if not why.
    pub fn printable(&self) -> Result<Report, SheetError> {
        self.report().map_err(SheetError::Invalid)?;
        if self.editing_measure {
            return Err(SheetError::StillTyping);
        }
        // In a register that knows people, an order is signed by someone who proved who they
        // are, and whose role may issue it (issue 19: a signed-in nurse could export).
        let has_people = match self.watch.answer() {
            Some(Ok(p)) => p.has_people,
            _ => self.sign_in.register_has_people == Some(true),
        };
        if has_people {
            match &self.sign_in.person {
                None => return Err(SheetError::SignInNeeded),
                Some(p) if !crate::register::Step::Issued.roles().contains(&p.role) => {
                    return Err(SheetError::Refused(Refusal::WrongRole {
                        name: p.name.clone(),
                        role: p.role,
                        step: crate::register::Step::Issued,
                    }));
                }
                Some(_) => {}
            }
        }
        let report = sheet::printable(&self.order, self.now().date())?;
        self.trial_refusal()?;
        Ok(report)
    }

    pub(super) fn print_current(&mut self) {
        self.release_current(None);
    }

    /// Releases the order shown through the one release workflow
    /// ([`crate::order::release`]): exported to a path, or printed; recorded and signed
    /// with every override by whoever gave it, or nothing recorded and the notice says why.
    pub(super) fn release_current(&mut self, export: Option<(&Path, bool)>) {
        use crate::order::release::{Delivered, Reach, Request, release};
        use crate::output::Undelivered;
        let w = self.words();
        self.sync_sheet_words();
        // The form stays editable while a file chooser is open: check again now.
        if let Err(e) = self.printable() {
            self.notice = Some(Notice::Error(w.sheet_error(&e)));
            return;
        }
        let now = self.now();
        let (mut reg, unreachable) =
            match self.register_path().map(|p| Register::connect(&p.to_string_lossy())) {
                None => (None, None),
                Some(Ok(r)) => (Some(r), None),
                Some(Err(e)) => (None, Some(e)),
            };
        let not_recorded = unreachable.as_ref().map(|e| w.not_recorded(e));
        let reach = match (reg.as_mut(), unreachable) {
            (Some(r), _) => Reach::Open(r),
            (None, Some(e)) => Reach::Unreachable(e),
            (None, None) => Reach::NoLocation,
        };
        let issuer = self.sign_in.person.clone();
        let order = self.order.clone();
        let request = Request {
            order: &order,
            issuer: issuer.as_ref(),
            givers: &self.givers,
            stagger_reason: None,
            now,
        };
        let printer = self.prefs.last_printer.clone();
        let mut said = String::new();
        let outcome = release(reach, &request, |o| {
            let mut d = Delivered { done: Vec::new(), written: Vec::new(), failed: None };
            match export {
                Some((path, replace)) => match sheet::export_pdf(o, now, path, replace) {
                    Ok(()) => {
                        said = w.msg(msg!("written", "path" => crate::present::words::shown(path)));
                        d.done.push(RegisterAction::Exported);
                        d.written.push(path.to_owned());
                    }
                    Err(e) => d.failed = Some(Undelivered::Sheet(e)),
                },
                None => match crate::print::print_sheet(o, now, printer.as_deref()) {
                    Ok(job) => {
                        said = w.printed(&job.id, printer.as_deref());
                        d.done.push(RegisterAction::Printed);
                    }
                    Err(e) => d.failed = Some(Undelivered::Print(e)),
                },
            }
            d
        });
        self.watch.invalidate();
        self.notice = Some(self.released_notice(outcome, said, not_recorded));
    }

    /// What the window says of a release: what left, and whether the register keeps it.
    fn released_notice(
        &mut self,
        outcome: Result<
            crate::order::release::Released<crate::output::Undelivered>,
            crate::order::release::Failure<crate::register::RegisterError, crate::output::Undelivered>,
        >,
        said: String,
        not_recorded: Option<String>,
    ) -> Notice {
        use crate::order::release::Failure;
        use crate::output::Undelivered;
        let w = self.words();
        match outcome {
            Ok(released) => {
                let action = released.delivered.done.first().copied().unwrap_or(RegisterAction::Exported);
                self.order = released.order;
                self.mark_saved();
                match (released.recorded, self.register_path()) {
                    (true, Some(path)) => Notice::Info(format!("{said}. {}", w.recorded(action, &path))),
                    _ => Notice::Error(format!(
                        "{said}. {}",
                        not_recorded.unwrap_or_else(|| w.msg(msg!("not-recorded-no-location")))
                    )),
                }
            }
            Err(Failure::Refused(r)) => Notice::Error(w.refusal(&r)),
            Err(Failure::Register(e)) => {
                Notice::Error(w.msg(msg!("refuse-register", "error" => w.register_error(&e))))
            }
            Err(Failure::Delivery(Undelivered::Sheet(SheetError::File(FileError::Exists { path })))) => {
                self.files.confirm_replace = Some(path.clone());
                Notice::Info(w.msg(msg!("g-confirm-replace", "path" => crate::present::words::shown(&path))))
            }
            Err(Failure::Delivery(Undelivered::Sheet(e))) => Notice::Error(w.sheet_error(&e)),
            Err(Failure::Delivery(Undelivered::Print(e))) => Notice::Error(w.print_failure(&e)),
            Err(Failure::NotRecorded { printed, removed, error }) => {
                let mut m = w.not_recorded(&error);
                for p in &removed {
                    m.push(' ');
                    m.push_str(
                        &w.msg(msg!("not-recorded-removed", "path" => crate::present::words::shown(p))),
                    );
                }
                if printed {
                    m.push(' ');
                    m.push_str(&w.msg(msg!("not-recorded-printed")));
                }
                Notice::Error(m)
            }
        }
    }

    /// Prints `order` if it may be printed; records it only when the print service accepted it.
    pub(super) fn print_order(&mut self, order: &Order, action: RegisterAction) -> Result<String, String> {
        let printer = self.prefs.last_printer.clone();
        let now = self.now();
        self.reprint_with(order, action, |sheet, w| {
            let job =
                crate::print::print_sheet(sheet, now, printer.as_deref()).map_err(|e| w.print_failure(&e))?;
            Ok(w.printed(&job.id, printer.as_deref()))
        })
    }

    /// A stored order delivered again (`deliver` prints or writes it, and says what it did)
    /// and recorded as a reprint in one register transaction, signed by whoever is signed in:
    /// the sheet prints the record it becomes.
    fn reprint_with(
        &mut self,
        order: &Order,
        action: RegisterAction,
        deliver: impl FnOnce(&Order, &crate::present::Words) -> Result<String, String>,
    ) -> Result<String, String> {
        let w = self.words();
        let report = sheet::printable(order, self.now().date()).map_err(|e| w.sheet_error(&e))?;
        let Some(path) = self.register_path() else { return Err(w.msg(msg!("not-recorded-no-location"))) };
        let by = self.sign_in.person.clone();
        let mut said = String::new();
        let outcome = Register::connect(&path.to_string_lossy()).and_then(|mut r| {
            r.reprint(order, &report, by.as_ref(), self.now(), |sheet| {
                said = deliver(sheet, &w)?;
                Ok::<(), String>(())
            })
        });
        match outcome {
            Ok(Ok(_)) => Ok(format!("{said}. {}", w.recorded(action, &path))),
            Ok(Err(message)) => Err(message),
            Err(e) if said.is_empty() => Err(w.register_error(&e)),
            Err(e) => Err(format!("{said}. {}", w.not_recorded(&e))),
        }
    }

    pub(super) fn export_to(&mut self, path: &Path, replace: bool) {
        self.files.confirm_replace = None;
        // A reprint the printer refused is exported as stored: the same sheet, recorded as a
        // reprint, and only from the register view, where it was offered. From the form,
        // the order shown is exported, whatever a register view left behind.
        if self.mode == Mode::Register
            && let Some(order) = self.printing.reprint_fallback.clone()
        {
            self.export_reprint(&order, path, replace);
            return;
        }
        self.printing.reprint_fallback = None;
        self.release_current(Some((path, replace)));
    }

    /// Writes a stored order's sheet as a PDF after the printer refused its reprint.
    pub(super) fn export_reprint(&mut self, order: &Order, path: &Path, replace: bool) {
        let now = self.now();
        let target = path.to_owned();
        let message = self.reprint_with(order, RegisterAction::Reprinted, |sheet, w| {
            sheet::export_pdf(sheet, now, &target, replace).map_err(|e| w.sheet_error(&e))?;
            Ok(w.msg(msg!("written", "path" => crate::present::words::shown(&target))))
        });
        if message.is_ok() {
            self.printing.reprint_fallback = None;
        }
        let message = match message {
            Ok(m) | Err(m) => m,
        };
        self.register_view.message = Some(message);
        self.refresh_register_keep_message();
    }

    /// Records the issuer's override of an open criterion, as it stands now, with the reason typed.
    pub(super) fn override_criterion(&mut self, code: &str) {
        let w = self.words();
        let Ok(report) = self.report() else { return };
        let Some(c) = report.criteria_open().into_iter().find(|c| c.code == code) else { return };
        // Signed in, an override is a prescriber's (or an investigator's): a pharmacist may not.
        if let Some(p) = self
            .sign_in
            .person
            .as_ref()
            .filter(|p| !crate::register::Step::Override.roles().contains(&p.role))
        {
            let problem = crate::register::PersonProblem::WrongRole(p.role);
            self.override_error = Some(w.override_refused(&problem, &p.name));
            return;
        }
        let by = crate::identity::normalise(crate::error::Field::IssuedBy, &self.order.issued_by);
        let typed = self.override_reasons.get(code).cloned().unwrap_or_default();
        let reason = crate::identity::normalise(crate::error::Field::Reason, &typed);
        match (by, reason) {
            (Ok(by), Ok(reason)) if !by.is_empty() && !reason.is_empty() => {
                // Signed by whoever gives it, as given, when the order is released (issue 19).
                if let Some(p) = self.sign_in.person.clone() {
                    self.add_giver(p);
                }
                let detail = crate::order::Override::detail_of(c);
                self.order.overrides.retain(|o| o.code != code);
                self.order.overrides.push(crate::order::Override {
                    code: code.to_owned(),
                    detail,
                    by,
                    at: self.now(),
                    reason,
                });
                self.override_error = None;
            }
            (Err(e), _) | (_, Err(e)) => self.override_error = Some(w.input_error(&e)),
            _ => self.override_error = Some(w.msg(msg!("g-override-needs"))),
        }
    }
}
