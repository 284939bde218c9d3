//! The blind double-check: the verifier proves who they are, then their entries are compared.

#[allow(unused_imports)]
use super::*;

impl AppState {
    /// The verifier proves who they are, then every item is compared and the result
    /// recorded; one sequence, in the order a second checker works.
    pub(super) fn submit_double_check(&mut self) {
        self.check.not_recorded = None;
        let Ok(report) = self.report() else {
            // The window offers the double-check only on a valid order.
            self.mode = Mode::Form;
            return;
        };
        // Unit doses are typed in the unit the window shows them in (millions of units in Spanish).
        self.check.second.units_in_millions = self.words().units_in_millions();
        // In a register that knows people, the verifier proves who they are before anything is compared.
        let w = self.words();
        let secret = std::mem::take(&mut self.check.verifier_secret);
        self.check.sign_error = None;
        let signer = if self.register_has_people() {
            let name = self.check.second.verifier.trim().to_owned();
            let Some(path) = self.register_path() else { return };
            let order_id = self.order.order_id.clone();
            match Register::connect(&path.to_string_lossy()).and_then(|mut r| {
                r.attempting(crate::register::Step::DoubleChecked.key(), &order_id);
                r.authenticate(&name, &secret, self.now())
            }) {
                Ok(Ok(p)) if crate::register::Step::DoubleChecked.roles().contains(&p.role) => Some(p),
                Ok(Ok(p)) => {
                    let problem = crate::register::PersonProblem::WrongRole(p.role);
                    self.check.clear_entries(false);
                    self.check.sign_error = Some(w.person_problem(&problem, &p.name));
                    return;
                }
                Ok(Err(problem)) => {
                    self.check.clear_entries(false);
                    self.check.sign_error = Some(w.person_problem(&problem, &name));
                    return;
                }
                Err(e) => {
                    self.check.sign_error = Some(w.register_error(&e));
                    return;
                }
            }
        } else {
            None
        };
        let tolerance = self.order.settings.double_check_tolerance_pct;
        let (first, clinical) = (&self.order.inputs, &self.order.clinical);
        match compare(first, clinical, &self.order.issued_by, &report, &self.check.second, tolerance) {
            Ok(()) => {
                let at = self.now();
                // The signed double-check: refused when this person issued or checked the order already.
                if let Some(p) = &signer {
                    match self.sign_check(p, true, "") {
                        Ok(()) => {}
                        Err(message) => {
                            self.check.clear_entries(false);
                            self.check.sign_error = Some(message);
                            return;
                        }
                    }
                }
                let verifier = match &signer {
                    Some(p) => p.name.clone(),
                    None => {
                        crate::identity::normalise(crate::error::Field::Verifier, &self.check.second.verifier)
                            .unwrap_or_default()
                    }
                };
                self.order.verification = Some(Verification { verifier, at });
                self.verified_inputs = Some(Checked::of(&self.order));
                self.check.mismatches.clear();
                self.check.second = SecondEntry::default();
                self.mode = Mode::Form;
                // The verification shows in its one fixed place, from the order itself.
                self.notice = None;
            }
            Err(list) => {
                self.order.verification = None;
                self.verified_inputs = None;
                // Blind: only which items differ, never a value from the order.
                self.check.mismatches = list.clone();
                let items: Vec<String> = list.iter().filter_map(|m| m.item_key()).collect();
                if let (Some(p), false) = (&signer, items.is_empty()) {
                    // A failed check is signed too: who, when, which items (never the values).
                    if let Err(message) = self.sign_check(p, false, &items.join(",")) {
                        self.check.sign_error = Some(message);
                    }
                }
                if !items.is_empty() {
                    let failed = crate::order::FailedCheck {
                        verifier: crate::identity::normalise(
                            crate::error::Field::Verifier,
                            &self.check.second.verifier,
                        )
                        .unwrap_or_else(|_| self.check.second.verifier.trim().to_owned()),
                        at: self.now(),
                        items,
                    };
                    self.order.failed_checks.push(failed);
                    let order = self.order.clone();
                    let by = signer.as_ref().map(|p| p.name.clone());
                    if let Err(warning) =
                        self.record(&order, &report, RegisterAction::CheckFailed, by.as_deref())
                    {
                        self.check.not_recorded = Some(warning);
                    }
                }
            }
        }
    }
}
