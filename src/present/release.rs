//! Wording for the release workflow's refusals ([`crate::order::release`]),
//! the same sentence in the window and on the command line.

use crate::domain::people::PersonProblem;
use crate::order::release::Refusal;
use crate::present::i18n::{Arg, Words};
use crate::present::words::{args, quoted_inner};

impl Words {
    /// Why the order was not released, worded.
    pub fn refusal(&self, r: &Refusal) -> String {
        match r {
            Refusal::Invalid(errors) => {
                let mut s = self.t("refuse-invalid");
                for e in errors {
                    s.push('\n');
                    s.push_str(&self.input_error(e));
                }
                s
            }
            Refusal::NkOutOfRange => self.ta("refuse-nk-out-of-range", args!["range" => self.nk_range()]),
            Refusal::CriteriaOpen(n) => self.ta("refuse-criteria-open", args!["count" => *n]),
            Refusal::Unacknowledged(n) => self.ta("refuse-unacknowledged", args!["count" => *n]),
            Refusal::SignInNeeded => self.t("refuse-sign-in"),
            Refusal::WrongRole { name, role, .. } => self.ta(
                "refuse-person",
                args!["why" => self.person_problem(&PersonProblem::WrongRole(*role), name)],
            ),
            Refusal::OverrideUnsigned { code, by } => self.ta(
                "refuse-override-unsigned",
                args!["code" => code.clone(), "name" => quoted_inner(by, 60)],
            ),
            Refusal::TrialRequired => self.t("refuse-trial-required"),
            Refusal::IdentityClash { subject, record, held_subject, held_record } => {
                if held_subject.trim().eq_ignore_ascii_case(subject.trim()) {
                    self.ta(
                        "refuse-subject-clash",
                        args!["subject" => subject.clone(), "held" => held_record.clone(), "record" => record.clone()],
                    )
                } else {
                    self.ta(
                        "refuse-record-clash",
                        args!["record" => record.clone(), "held" => held_subject.clone(), "subject" => subject.clone()],
                    )
                }
            }
            Refusal::TooEarly { start, next } => self.ta(
                "refuse-too-early",
                args!["start" => self.datetime(*start), "earliest" => self.datetime(next.earliest)],
            ),
            Refusal::StaleStaggerOverride { given_for, now_previous } => self.ta(
                "refuse-stale-stagger",
                args!["given" => given_for.clone(), "now" => now_previous.clone()],
            ),
            Refusal::StaggerUnchecked => {
                self.ta("refuse-stagger-unchecked", args!["why" => self.t("not-recorded-no-location")])
            }
            Refusal::RegisterNeeded => self.t("refuse-register-needed"),
        }
    }
}
