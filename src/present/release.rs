//! Wording for the release workflow's refusals ([`crate::order::release`]),
//! the same sentence in the window and on the command line.

use crate::domain::people::PersonProblem;
use crate::msg;
use crate::order::release::Refusal;
use crate::present::i18n::Words;
use crate::present::words::quoted_inner;

impl Words {
    /// Why the order was not released, worded.
    pub fn refusal(&self, r: &Refusal) -> String {
        match r {
            Refusal::Invalid(errors) => {
                let mut s = self.msg(msg!("refuse-invalid"));
                for e in errors {
                    s.push('\n');
                    s.push_str(&self.input_error(e));
                }
                s
            }
            Refusal::NkOutOfRange => self.msg(msg!("refuse-nk-out-of-range", "range" => self.nk_range())),
            Refusal::CriteriaOpen(n) => self.msg(msg!("refuse-criteria-open", "count" => *n)),
            Refusal::Unacknowledged(n) => self.msg(msg!("refuse-unacknowledged", "count" => *n)),
            Refusal::SignInNeeded => self.msg(msg!("refuse-sign-in")),
            Refusal::WrongRole { name, role, .. } => self.msg(msg!("refuse-person", "why" => self.person_problem(&PersonProblem::WrongRole(*role), name))),
            Refusal::OverrideUnsigned { code, by } => self.msg(msg!("refuse-override-unsigned", "code" => code.clone(), "name" => quoted_inner(by, 60))),
            Refusal::TrialRequired => self.msg(msg!("refuse-trial-required")),
            Refusal::IdentityClash { subject, record, held_subject, held_record } => {
                if held_subject.trim().eq_ignore_ascii_case(subject.trim()) {
                    self.msg(msg!("refuse-subject-clash", "subject" => subject.clone(), "held" => held_record.clone(), "record" => record.clone()))
                } else {
                    self.msg(msg!("refuse-record-clash", "record" => record.clone(), "held" => held_subject.clone(), "subject" => subject.clone()))
                }
            }
            Refusal::TooEarly { start, next } => self.msg(msg!("refuse-too-early", "start" => self.datetime(*start), "earliest" => self.datetime(next.earliest))),
            Refusal::StaleStaggerOverride { given_for, now_previous } => self.msg(msg!("refuse-stale-stagger", "given" => given_for.clone(), "now" => now_previous.clone())),
            Refusal::StaggerUnchecked => {
                self.msg(msg!("refuse-stagger-unchecked", "why" => self.msg(msg!("not-recorded-no-location"))))
            }
            Refusal::RegisterNeeded => self.msg(msg!("refuse-register-needed")),
        }
    }
}
