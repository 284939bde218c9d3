//! Wording for the shared register's people and signed steps, and for the
//! trial's rules across patients.

use crate::present::i18n::{Arg, Words};
use crate::present::words::args;
use crate::register::NextStart;
use crate::stagger::Cohort;

impl Words {
    /// Why a person could not act, worded.
    pub fn person_problem(&self, p: &crate::register::PersonProblem, name: &str) -> String {
        use crate::register::PersonProblem;
        let name = crate::present::words::quoted_inner(name, 60);
        match p {
            PersonProblem::Unknown => self.ta("person-unknown", args!["name" => name]),
            PersonProblem::WrongSecret => self.ta("person-wrong-secret", args!["name" => name]),
            // The role in this language's words, never the register's key (issue 18).
            PersonProblem::WrongRole(r) => self.ta(
                "person-wrong-role",
                args!["name" => name, "role" => self.t(&format!("role-{}", r.key()))],
            ),
            PersonProblem::SamePerson => self.ta("person-same", args!["name" => name]),
            PersonProblem::Exists => self.ta("person-exists", args!["name" => name]),
            PersonProblem::AlreadyInitialised => self.t("person-already-initialised"),
            PersonProblem::NoPeople => self.t("person-no-people"),
            PersonProblem::WeakSecret => {
                self.ta("person-weak-secret", args!["min" => crate::register::MIN_SECRET_CHARS])
            }
        }
    }

    /// An override refused for the signer's role, saying who may give one.
    pub fn override_refused(&self, p: &crate::register::PersonProblem, name: &str) -> String {
        self.ta("override-refused", args!["why" => self.person_problem(p, name)])
    }

    pub fn cohort_name(&self, c: Cohort) -> String {
        self.t(match c {
            Cohort::LeadIn => "cohort-lead-in",
            Cohort::Expansion => "cohort-expansion",
        })
    }

    /// "Next patient (expansion) may start from …, 48 h after S-01's last IL-2 (…, recorded)".
    pub fn next_start_line(&self, cohort: Cohort, next: Option<&NextStart>) -> String {
        let Some(n) = next else {
            return self.ta("next-start-none", args!["cohort" => self.cohort_name(cohort)]);
        };
        let id = match (n.gap, n.previous.il2_recorded) {
            (crate::stagger::Gap::Expansion48h, true) => "next-start-expansion-recorded",
            (crate::stagger::Gap::Expansion48h, false) => "next-start-expansion-planned",
            (crate::stagger::Gap::LeadInTlt, _) => "next-start-lead-in",
        };
        let previous = match n.previous.cohort {
            Some(c) => self.cohort_name(c),
            None => self.t("cohort-not-recorded"),
        };
        self.ta(
            id,
            args![
                "cohort" => self.cohort_name(cohort),
                "earliest" => self.datetime(n.earliest),
                "subject" => n.previous.subject.clone(),
                "il2" => self.datetime(n.last_il2_local),
                "previous" => previous,
                "day1" => self.date_plain(n.previous.day1),
                "hours" => crate::stagger::EXPANSION_GAP_HOURS,
                "days" => crate::stagger::LEAD_IN_TLT_DAYS
            ],
        )
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
            AdministrationProblem::UnknownDrug => self.ta("admin-unknown-drug", args!["drug" => drug]),
            AdministrationProblem::NotAPlannedDay => {
                self.ta("admin-not-a-planned-day", args!["drug" => drug, "day" => day])
            }
            AdministrationProblem::OutsidePlannedDay { planned, tolerance_days } => self.ta(
                "admin-outside-planned-day",
                args![
                    "drug" => drug,
                    "day" => day,
                    "planned" => self.date_plain(*planned),
                    "tolerance" => *tolerance_days
                ],
            ),
            AdministrationProblem::InFuture => self.ta("admin-in-future", args!["drug" => drug]),
        }
    }

    /// A signed step's name: "Issued", "Pharmaceutical validation", …
    pub fn step_name(&self, key: &str) -> String {
        self.t(&format!("step-{key}"))
    }

    /// "Pharmaceutical validation: Farm. B. Soler (pharmacist), 2026-03-01 09:00".
    pub fn signed_line(&self, s: &crate::order::SignedStep) -> String {
        self.ta(
            if s.ok { "signed-line" } else { "signed-line-failed" },
            args![
                "step" => self.step_name(&s.step),
                "name" => s.person.clone(),
                "role" => self.t(&format!("role-{}", s.role)),
                "at" => self.datetime(s.at)
            ],
        )
    }

    /// The stagger override as the sheet prints it.
    pub fn stagger_override_line(&self, o: &crate::order::StaggerOverride) -> String {
        self.ta(
            "stagger-overridden",
            args![
                "earliest" => self.datetime(o.earliest),
                "subject" => o.previous_subject.clone(),
                "by" => o.by.clone(),
                "at" => self.datetime(o.at),
                "reason" => o.reason.clone()
            ],
        )
    }
}
