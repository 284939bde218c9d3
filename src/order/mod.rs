//! The order: a plain serde value holding the inputs as typed, the patient
//! details, the settings used, acknowledgements and the verification record.
//! Doses are never stored: they are recomputed from the inputs on open, so a
//! file can never carry a stale or edited dose. How an order is stored
//! ([`save`], [`load`]) and drawn (the sheet, the window) lives elsewhere.

pub mod bedside;
pub mod doublecheck;
pub mod faults;
pub mod release;
pub mod seal;

use std::io::Write;
use std::path::{Path, PathBuf};

use chrono::{Datelike, NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};

use crate::clinical::{RawClinical, validate_clinical};
use crate::criteria::Criterion;
use crate::engine::{Report, Warning, WarningKind, calculate_with};
use crate::error::{Field, InputError, Problem};
use crate::input::{RawInputs, validate};
use crate::locale::{DecimalMark, Lang};
use crate::settings::Settings;

mod file;
#[allow(unused_imports)]
use file::*;
pub use file::{FileError, load, parse, save, to_bytes, write_atomic, write_atomic_with};

/// The file format name and version this program writes and reads.
pub const FORMAT: &str = "nkact-dose-order";
/// Version 2 added revisions, reasons, failed checks and the checksum.
/// Version 3 stores no display text (acknowledgements are codes and values)
/// and records the sheet's language and decimal mark. Versions 1 and 2 still open.
pub const FORMAT_VERSION: u32 = 3;
/// The largest order file read; anything larger is refused before parsing.
pub const MAX_FILE_BYTES: u64 = 1024 * 1024;

/// Patient details as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Patient {
    pub name: String,
    /// A second identifier: the hospital record number.
    pub identifier: String,
    /// ISO date of birth.
    pub date_of_birth: String,
    /// Free text; "none known" must be typed, never defaulted.
    pub allergies: String,
}

impl Patient {
    /// The text slot for a command-line option (`--name`, `--patient-id`, `--dob`, `--allergies`).
    pub fn option_mut(&mut self, option: &str) -> Option<&mut String> {
        Some(match option {
            "--name" => &mut self.name,
            "--patient-id" => &mut self.identifier,
            "--dob" => &mut self.date_of_birth,
            "--allergies" => &mut self.allergies,
            _ => return None,
        })
    }

    /// Every detail an order sheet needs (ASCO/ONS: full name, a second
    /// identifier, allergies), each normalised at the identity boundary
    /// ([`crate::identity`]); the date of birth a real past date.
    pub fn validate(&self, today: NaiveDate) -> Result<ValidPatient, Vec<InputError>> {
        let mut errors = Vec::new();
        let mut take = |field: Field, value: &str| match crate::identity::normalise(field, value) {
            Ok(v) if v.is_empty() => {
                errors.push(InputError::new(field, value, Problem::Missing));
                String::new()
            }
            Ok(v) => v,
            Err(e) => {
                errors.push(e);
                String::new()
            }
        };
        let name = take(Field::PatientName, &self.name);
        let identifier = take(Field::PatientId, &self.identifier);
        let allergies = take(Field::Allergies, &self.allergies);
        let dob = parse_birth_date(&self.date_of_birth, today);
        match dob {
            Ok(date_of_birth) if errors.is_empty() => {
                Ok(ValidPatient { name, identifier, date_of_birth, allergies })
            }
            Ok(_) => Err(errors),
            Err(e) => {
                errors.push(e);
                Err(errors)
            }
        }
    }
}

/// Patient details after the identity boundary: normalised, checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidPatient {
    pub name: String,
    pub identifier: String,
    pub date_of_birth: NaiveDate,
    pub allergies: String,
}

/// A date of birth: ISO, from 1900, not after `today`.
pub fn parse_birth_date(text: &str, today: NaiveDate) -> Result<NaiveDate, InputError> {
    let field = Field::DateOfBirth;
    let date = crate::input::iso_date(field, text)?;
    if date.year() < 1900 || date > today {
        return Err(InputError::new(field, text, Problem::DateOutOfRange));
    }
    Ok(date)
}

/// A warning the person acknowledged: which warning (its code and the values
/// it concerned), who, when, and why where the warning asks for a reason.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Acknowledgement {
    pub code: String,
    pub detail: String,
    pub by: String,
    pub at: NaiveDateTime,
    pub reason: Option<String>,
}

impl Acknowledgement {
    /// True when this acknowledges `w` as it stands now.
    pub fn covers(&self, w: &Warning) -> bool {
        self.code == w.code && self.detail == w.detail && (!w.needs_reason || self.reason.is_some())
    }
}

/// An independent double-check that matched.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Verification {
    pub verifier: String,
    pub at: NaiveDateTime,
}

/// A double-check that did not match: who, when, and which items differed
/// (never the values: the check stays blind).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FailedCheck {
    pub verifier: String,
    pub at: NaiveDateTime,
    /// Item keys: `weight`, `height`, `nk-cells`, `last-trastuzumab`, `dose:pertuzumab`, …
    pub items: Vec<String>,
}

/// A prescriber's reasoned decision to go ahead with a criterion to treat
/// not met or not entered: which criterion, as it stood (`detail`), who, when, why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Override {
    pub code: String,
    /// The criterion's state, value and date when overridden: if they change, the override no longer applies.
    pub detail: String,
    pub by: String,
    pub at: NaiveDateTime,
    pub reason: String,
}

impl Override {
    /// The canonical detail of a criterion as it stands.
    pub fn detail_of(c: &Criterion) -> String {
        let v = c.value.map(|v| v.to_string()).unwrap_or_default();
        let d = c.date.map(|d| d.to_string()).unwrap_or_default();
        format!("{}/{v}/{d}", c.state.key())
    }

    pub fn covers(&self, c: &Criterion) -> bool {
        self.code == c.code && self.detail == Self::detail_of(c)
    }
}

/// The trial subject and cohort as typed (`lead-in` or `expansion`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Trial {
    pub subject: String,
    pub cohort: String,
}

impl Trial {
    pub fn is_empty(&self) -> bool {
        self.subject.is_empty() && self.cohort.is_empty()
    }
}

/// A principal investigator's decision to start a patient before the trial's
/// stagger rule allows: who, when, why, and the earliest start it overrode.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StaggerOverride {
    pub by: String,
    pub at: NaiveDateTime,
    pub reason: String,
    pub earliest: NaiveDateTime,
    pub previous_subject: String,
}

/// One order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Order {
    pub format: String,
    pub format_version: u32,
    pub order_id: String,
    /// 1 for the first sheet; a sheet issued after the content changed is the next revision.
    pub revision: u32,
    pub created: NaiveDateTime,
    /// Who issued the order (the prescriber or pharmacist at the workstation).
    pub issued_by: String,
    pub patient: Patient,
    pub inputs: RawInputs,
    pub settings: Settings,
    pub acknowledged: Vec<Acknowledgement>,
    pub verification: Option<Verification>,
    pub failed_checks: Vec<FailedCheck>,
    /// The content fingerprint of the last sheet that left the program (exported or printed).
    pub issued_content: Option<String>,
    /// The language the sheet is printed in.
    pub lang: Lang,
    /// The decimal mark the sheet prints numbers with (a site setting).
    pub decimal_mark: DecimalMark,
    /// The criteria to treat as typed (labs, LVEF, …). Left out while empty, so
    /// a format-3 file saved before these existed reads back unchanged.
    #[serde(default, skip_serializing_if = "RawClinical::is_empty")]
    pub clinical: RawClinical,
    /// Overrides of criteria to treat not met or not entered.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub overrides: Vec<Override>,
    /// The trial subject number and cohort.
    #[serde(default, skip_serializing_if = "Trial::is_empty")]
    pub trial: Trial,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stagger_override: Option<StaggerOverride>,
    /// The signed steps the register holds for this order, for the sheet to print (never saved).
    #[serde(skip)]
    pub chain: Vec<SignedStep>,
    /// Where the register records this sheet (its record's number and the chain head before
    /// it), for the sheet to print (never saved).
    #[serde(skip)]
    pub anchor: Option<seal::Anchor>,
}

/// A signed step as the sheet prints it: the step's key, who, in what role, when, whether it passed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SignedStep {
    pub step: String,
    pub person: String,
    pub role: String,
    pub at: NaiveDateTime,
    pub ok: bool,
}

impl Order {
    /// A new, empty order created at `now`.
    pub fn new(now: NaiveDateTime, settings: Settings) -> Self {
        Order {
            format: FORMAT.to_owned(),
            format_version: FORMAT_VERSION,
            order_id: order_id(now),
            revision: 1,
            created: now,
            issued_by: String::new(),
            patient: Patient::default(),
            inputs: RawInputs::default(),
            settings,
            acknowledged: Vec::new(),
            verification: None,
            failed_checks: Vec::new(),
            issued_content: None,
            lang: Lang::En,
            decimal_mark: DecimalMark::Point,
            clinical: RawClinical::default(),
            overrides: Vec::new(),
            trial: Trial::default(),
            stagger_override: None,
            chain: Vec::new(),
            anchor: None,
        }
    }

    /// Validates the inputs and the criteria inputs and runs the engine. The
    /// patient's date of birth, when valid, gives the age criterion.
    pub fn report(&self) -> Result<Report, Vec<InputError>> {
        let inputs = validate(&self.inputs);
        let day1 = crate::clinical::day1_for_criteria(&inputs, &self.inputs);
        let clinical = validate_clinical(&self.clinical, day1, self.created.date());
        let (inputs, mut clinical) = match (inputs, clinical) {
            (Ok(i), Ok(c)) => (i, c),
            (i, c) => {
                return Err(crate::clinical::all_errors(i.err(), c.err()));
            }
        };
        clinical.date_of_birth = parse_birth_date(&self.patient.date_of_birth, self.created.date()).ok();
        calculate_with(&inputs, &clinical, &self.settings).map_err(|e| vec![e])
    }

    /// The criteria to treat not met or not entered and not overridden as they stand (cycle 1).
    pub fn criteria_open<'r>(&self, report: &'r Report) -> Vec<&'r Criterion> {
        report.criteria_open().into_iter().filter(|c| !self.overrides.iter().any(|o| o.covers(c))).collect()
    }

    /// Every warning of this order: the engine's, then those about the patient
    /// and the order's dates (protocol inclusion 4: age ≥ 18; exclusion 6:
    /// hypersensitivity to trastuzumab or pertuzumab; a name mixing scripts;
    /// Day 1 before the order date).
    pub fn warnings(&self, report: &Report) -> Vec<Warning> {
        let mut out = report.warnings.clone();
        let today = self.created.date();
        if let Ok(p) = self.patient.validate(today) {
            let on = report.inputs.day1.unwrap_or(today);
            if let Some(age) = on.years_since(p.date_of_birth)
                && age < ADULT_AGE_YEARS
            {
                out.push(Warning::new(
                    "age-under-18",
                    p.date_of_birth.to_string(),
                    WarningKind::AgeUnder18 { age, date_of_birth: p.date_of_birth },
                    true,
                ));
            }
            let named = crate::regimen::drugs_named_in(&p.allergies);
            if !named.is_empty() {
                let keys: Vec<&str> = named.iter().map(|d| d.key()).collect();
                out.push(Warning::new(
                    "allergy-names-regimen-drug",
                    keys.join(","),
                    WarningKind::AllergyNamesDrug { drugs: named.clone() },
                    true,
                ));
            }
            if crate::identity::mixes_scripts(&p.allergies) {
                out.push(Warning::new(
                    "allergies-mix-scripts",
                    p.allergies.clone(),
                    WarningKind::AllergiesMixScripts,
                    false,
                ));
            }
            if crate::identity::mixes_scripts(&p.name) {
                out.push(Warning::new(
                    "name-mixes-scripts",
                    p.name.clone(),
                    WarningKind::NameMixesScripts { name: p.name.clone() },
                    false,
                ));
            }
        }
        // A once-only window wholly before the order date cannot be kept.
        for d in report.doses.iter().filter(|d| d.once_within) {
            if let Some((_, Some(last))) = d.days.last()
                && *last < today
            {
                out.push(Warning::new(
                    format!("window-before-order-date:{}", d.drug.key()),
                    last.to_string(),
                    WarningKind::WindowBeforeOrderDate { drug: d.drug, last: *last, order_date: today },
                    false,
                ));
            }
        }
        if let Some(day1) = report.inputs.day1
            && day1 < today
        {
            out.push(Warning::new(
                "day1-before-order-date",
                day1.to_string(),
                WarningKind::Day1BeforeOrderDate { day1, order_date: today },
                false,
            ));
        }
        out
    }

    /// The warnings not yet acknowledged as they stand.
    pub fn unacknowledged(&self, report: &Report) -> Vec<Warning> {
        self.warnings(report).into_iter().filter(|w| !self.acknowledged.iter().any(|a| a.covers(w))).collect()
    }

    /// A short fingerprint of what determines the doses and who they are for,
    /// printed on the sheet so a reprint can be matched to its order:
    /// SHA-256 over the canonical JSON of the ID, revision, patient, inputs and
    /// settings, its first 32 bits written as two groups of four hex digits.
    pub fn fingerprint(&self) -> String {
        #[derive(Serialize)]
        struct Content<'a> {
            order_id: &'a str,
            revision: u32,
            patient: &'a Patient,
            inputs: &'a RawInputs,
            settings: &'a Settings,
            #[serde(skip_serializing_if = "RawClinical::is_empty")]
            clinical: &'a RawClinical,
        }
        let content = Content {
            order_id: &self.order_id,
            revision: self.revision,
            patient: &self.patient,
            inputs: &self.inputs,
            settings: &self.settings,
            clinical: &self.clinical,
        };
        let hex = sha256_hex(&serde_json::to_vec(&content).unwrap_or_default());
        format!("{}-{}", &hex[0..4], &hex[4..8]).to_uppercase()
    }

    /// What a sheet prints, hashed: a sheet issued with other content is a new revision.
    fn content_hash(&self) -> String {
        #[derive(Serialize)]
        struct Content<'a> {
            issued_by: &'a str,
            patient: &'a Patient,
            inputs: &'a RawInputs,
            settings: &'a Settings,
            acknowledged: &'a [Acknowledgement],
            verification: &'a Option<Verification>,
            #[serde(skip_serializing_if = "RawClinical::is_empty")]
            clinical: &'a RawClinical,
            #[serde(skip_serializing_if = "<[Override]>::is_empty")]
            overrides: &'a [Override],
            #[serde(skip_serializing_if = "Trial::is_empty")]
            trial: &'a Trial,
            #[serde(skip_serializing_if = "Option::is_none")]
            stagger_override: &'a Option<StaggerOverride>,
        }
        let content = Content {
            issued_by: &self.issued_by,
            patient: &self.patient,
            inputs: &self.inputs,
            settings: &self.settings,
            acknowledged: &self.acknowledged,
            verification: &self.verification,
            clinical: &self.clinical,
            overrides: &self.overrides,
            trial: &self.trial,
            stagger_override: &self.stagger_override,
        };
        sha256_hex(&serde_json::to_vec(&content).unwrap_or_default())
    }

    /// Call as a sheet is about to leave the program: when a sheet of this
    /// order already left with other content, this one is the next revision.
    /// Returns the revision it superseded, if any.
    pub fn issue(&mut self) -> Option<u32> {
        let now = self.content_hash();
        let superseded = match &self.issued_content {
            Some(before) if *before != now => {
                self.revision += 1;
                Some(self.revision - 1)
            }
            _ => None,
        };
        self.issued_content = Some(self.content_hash());
        superseded
    }

    /// Records that `by` acknowledged every warning of this order at `at`,
    /// with the reasons given per warning code. Returns the codes of warnings
    /// that need a reason and were given none (nothing is recorded for those).
    pub fn acknowledge_all(
        &mut self,
        report: &Report,
        by: &str,
        reasons: &[(String, String)],
        at: NaiveDateTime,
    ) -> Vec<String> {
        let mut missing = Vec::new();
        self.acknowledged = self
            .warnings(report)
            .iter()
            .filter_map(|w| {
                let reason = reasons.iter().find(|(c, _)| *c == w.code).map(|(_, r)| r.clone());
                if w.needs_reason && reason.is_none() {
                    missing.push(w.code.clone());
                    return None;
                }
                Some(Acknowledgement {
                    code: w.code.clone(),
                    detail: w.detail.clone(),
                    by: by.to_owned(),
                    at,
                    reason,
                })
            })
            .collect();
        missing
    }

    /// True when every warning of this order has been acknowledged.
    pub fn all_acknowledged(&self, report: &Report) -> bool {
        self.unacknowledged(report).is_empty()
    }
}

/// Protocol inclusion 4: "Age ≥ 18 years".
pub const ADULT_AGE_YEARS: u32 = 18;

fn sha256_hex(bytes: &[u8]) -> String {
    use sha2::{Digest, Sha256};
    Sha256::digest(bytes).iter().map(|b| format!("{b:02x}")).collect()
}

/// A new order ID: its creation time and 48 random bits
/// (`NKACT-20261124-211700-3F2A9C1B77D0`): unique across processes and
/// workstations without coordination; the register's UNIQUE constraint
/// catches the vanishingly rare collision.
pub fn order_id(now: NaiveDateTime) -> String {
    let random = uuid::Uuid::new_v4().simple().to_string().to_uppercase();
    format!("NKACT-{}-{}", now.format("%Y%m%d-%H%M%S"), &random[..12])
}

const TMP_PREFIX: &str = ".nkact-";
const TMP_SUFFIX: &str = ".tmp";
