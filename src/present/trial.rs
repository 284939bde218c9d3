//! Wording for the shared register's people and signed steps, and for the
//! trial's rules across patients.

use crate::present::i18n::Words;
use crate::stagger::Cohort;
use crate::stagger::NextStart;
use crate::{id, msg, msg_some};

impl Words {
    /// Why a vial's scan or typed lot was not taken, worded.
    pub fn gs1_problem(&self, p: &crate::domain::gs1::Gs1Problem) -> String {
        use crate::domain::gs1::Gs1Problem;
        let q = |t: &str| crate::present::words::quoted_inner(t, 24);
        self.msg(match p {
            Gs1Problem::Empty => msg!("gs1-empty"),
            Gs1Problem::TooLong => msg!("gs1-too-long"),
            Gs1Problem::NotGs1(start) => msg!("gs1-not-gs1", "start" => q(start)),
            Gs1Problem::BadCharacter { at, found } => {
                msg!("gs1-bad-character", "at" => *at, "found" => q(&found.to_string()))
            }
            Gs1Problem::UnknownAi(ai) => msg!("gs1-unknown-ai", "ai" => q(ai)),
            Gs1Problem::Truncated(ai) => msg!("gs1-truncated", "ai" => ai.clone()),
            Gs1Problem::CheckDigit { found, expected } => {
                msg!("gs1-check-digit", "found" => *found, "expected" => *expected)
            }
            Gs1Problem::BadExpiry(t) => msg!("gs1-bad-expiry", "found" => q(t)),
            Gs1Problem::FieldTooLong(ai) => msg!("gs1-too-long-field", "ai" => ai.clone()),
            Gs1Problem::Repeated(ai) => msg!("gs1-repeated", "ai" => ai.clone()),
            Gs1Problem::Missing { ai, lost_gs: true } => msg!("gs1-lost-separator", "ai" => ai.clone()),
            Gs1Problem::Missing { ai, lost_gs: false } => msg!("gs1-missing", "ai" => ai.clone()),
            Gs1Problem::Expired(d) => msg!("gs1-expired", "expiry" => self.date_plain(*d)),
            Gs1Problem::BadLot => msg!("gs1-bad-lot"),
        })
    }

    /// Why a person could not act, worded.
    pub fn person_problem(&self, p: &crate::domain::people::PersonProblem, name: &str) -> String {
        use crate::domain::people::PersonProblem;
        let name = crate::present::words::quoted_inner(name, 60);
        match p {
            PersonProblem::Unknown => self.msg(msg!("person-unknown", "name" => name)),
            PersonProblem::WrongSecret => self.msg(msg!("person-wrong-secret", "name" => name)),
            // The role in this language's words, never the register's key (issue 18).
            PersonProblem::WrongRole(r) => {
                self.msg(msg!("person-wrong-role", "name" => name, "role" => self.role_name(r.key())))
            }
            PersonProblem::SamePerson => self.msg(msg!("person-same", "name" => name)),
            PersonProblem::Exists => self.msg(msg!("person-exists", "name" => name)),
            PersonProblem::AlreadyInitialised => self.msg(msg!("person-already-initialised")),
            PersonProblem::NoPeople => self.msg(msg!("person-no-people")),
            PersonProblem::LockedOut => self.msg(
                msg!("person-locked", "name" => name, "max" => crate::domain::people::MAX_FAILED_SIGN_INS),
            ),
            PersonProblem::LastAdministrator => self.msg(msg!("person-last-admin", "name" => name)),
            PersonProblem::LooksLike(other) => self.msg(
                msg!("person-looks-like", "name" => name, "other" => crate::present::words::quoted_inner(other, 60)),
            ),
            PersonProblem::WeakSecret => {
                self.msg(msg!("person-weak-secret", "min" => crate::domain::people::MIN_SECRET_CHARS))
            }
        }
    }

    /// An override refused for the signer's role, saying who may give one.
    pub fn override_refused(&self, p: &crate::domain::people::PersonProblem, name: &str) -> String {
        self.msg(msg!("override-refused", "why" => self.person_problem(p, name)))
    }

    pub fn cohort_name(&self, c: Cohort) -> String {
        self.t(match c {
            Cohort::LeadIn => id!("cohort-lead-in"),
            Cohort::Expansion => id!("cohort-expansion"),
        })
    }

    /// "Next patient (expansion) may start from …, 48 h after S-01's last IL-2 (…, recorded)".
    pub fn next_start_line(&self, cohort: Cohort, next: Option<&NextStart>) -> String {
        let Some(n) = next else {
            return self.msg(msg!("next-start-none", "cohort" => self.cohort_name(cohort)));
        };
        let previous = match n.previous.cohort {
            Some(c) => self.cohort_name(c),
            None => self.msg(msg!("cohort-not-recorded")),
        };
        // Each wording reads the values it needs of these.
        macro_rules! line {
            ($id:literal) => {
                msg_some!($id,
                    "cohort" => self.cohort_name(cohort),
                    "earliest" => self.datetime(n.earliest),
                    "subject" => n.previous.subject.clone(),
                    "il2" => self.datetime(n.last_il2_local),
                    "previous" => previous,
                    "day1" => self.date_plain(n.previous.day1),
                    "hours" => crate::stagger::EXPANSION_GAP_HOURS,
                    "days" => crate::stagger::LEAD_IN_TLT_DAYS
                )
            };
        }
        self.msg(match (n.gap, n.previous.il2_recorded) {
            (crate::stagger::Gap::Expansion48h, true) => line!("next-start-expansion-recorded"),
            (crate::stagger::Gap::Expansion48h, false) => line!("next-start-expansion-planned"),
            (crate::stagger::Gap::LeadInTlt, _) => line!("next-start-lead-in"),
        })
    }

    /// Why an administration time was refused.
    pub fn administration_problem(
        &self,
        p: &crate::stagger::AdministrationProblem,
        drug: &str,
        day: i32,
    ) -> String {
        use crate::stagger::AdministrationProblem;
        let drug = crate::present::words::quoted_inner(drug, 40);
        match p {
            AdministrationProblem::UnknownDrug => self.msg(msg!("admin-unknown-drug", "drug" => drug)),
            AdministrationProblem::NotAPlannedDay => {
                self.msg(msg!("admin-not-a-planned-day", "drug" => drug, "day" => day))
            }
            AdministrationProblem::OutsidePlannedDay { planned, tolerance_days } => {
                self.msg(msg!("admin-outside-planned-day", "drug" => drug,
                    "day" => day,
                    "planned" => self.date_plain(*planned),
                    "tolerance" => *tolerance_days))
            }
            AdministrationProblem::InFuture => self.msg(msg!("admin-in-future", "drug" => drug)),
        }
    }

    /// A signed step's name: "Issued", "Pharmaceutical validation", …
    pub fn step_name(&self, key: &str) -> String {
        use crate::domain::people::Step;
        let Some(step) = Step::from_key(key) else { return key.to_owned() };
        self.t(match step {
            Step::Issued => id!("step-issued"),
            Step::Validated => id!("step-validated"),
            Step::Prepared => id!("step-prepared"),
            Step::DoubleChecked => id!("step-double-checked"),
            Step::Administered => id!("step-administered"),
            Step::Acknowledged => id!("step-acknowledged"),
            Step::Override => id!("step-override"),
            Step::FailedLogin => id!("step-failed-login"),
            Step::Labelled => id!("step-labelled"),
            Step::Received => id!("step-received"),
            Step::Qualified => id!("step-qualified"),
        })
    }

    /// A role in this language's words (the register's key when it names no role).
    pub fn role_name(&self, key: &str) -> String {
        use crate::domain::people::Role;
        let Some(role) = Role::from_key(key) else { return key.to_owned() };
        self.t(match role {
            Role::Administrator => id!("role-administrator"),
            Role::Investigator => id!("role-investigator"),
            Role::Prescriber => id!("role-prescriber"),
            Role::Pharmacist => id!("role-pharmacist"),
            Role::Technician => id!("role-technician"),
            Role::Nurse => id!("role-nurse"),
        })
    }

    /// "Pharmaceutical validation: Farm. B. Soler (pharmacist), 2026-03-01 09:00".
    pub fn signed_line(&self, s: &crate::order::SignedStep) -> String {
        macro_rules! line {
            ($id:literal) => {
                msg!($id,
                    "step" => self.step_name(&s.step),
                    "name" => s.person.clone(),
                    "role" => self.role_name(&s.role),
                    "at" => self.datetime(s.at)
                )
            };
        }
        self.msg(if s.ok { line!("signed-line") } else { line!("signed-line-failed") })
    }

    /// The stagger override as the sheet prints it.
    pub fn stagger_override_line(&self, o: &crate::order::StaggerOverride) -> String {
        self.msg(msg!("stagger-overridden", "earliest" => self.datetime(o.earliest),
                "subject" => o.previous_subject.clone(),
                "by" => o.by.clone(),
                "at" => self.datetime(o.at),
                "reason" => o.reason.clone()))
    }
}
