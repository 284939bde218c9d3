//! The order: a plain serde value holding the inputs as typed, the patient
//! details, the settings used, acknowledgements and the verification record.
//! Doses are never stored: they are recomputed from the inputs on open, so a
//! file can never carry a stale or edited dose. How an order is stored
//! ([`save`], [`load`]) and drawn (the sheet, the window) lives elsewhere.

pub mod doublecheck;
pub mod faults;
pub mod release;

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

/// Why a file could not be read or written.
#[derive(Debug)]
pub enum FileError {
    Io {
        path: PathBuf,
        error: std::io::Error,
    },
    Exists {
        path: PathBuf,
    },
    Corrupt {
        path: PathBuf,
        detail: String,
    },
    WrongFormat {
        path: PathBuf,
        found: String,
    },
    WrongVersion {
        path: PathBuf,
        found: u32,
    },
    Invalid {
        path: PathBuf,
        errors: Vec<InputError>,
    },
    /// The content does not match its checksum: changed or damaged.
    Changed {
        path: PathBuf,
    },
    /// Larger than an order file can be.
    TooLarge {
        path: PathBuf,
        max: u64,
    },
    /// Not a regular file (a device, a folder, a symbolic link).
    NotRegular {
        path: PathBuf,
    },
}

/// Writes `bytes` to `path` through a private temporary file (mode 0600, an
/// unpredictable name, created exclusively) in the same directory, flushed to
/// disk, then renamed over `path`: a crash or a failed write leaves the old
/// file whole, and nobody else can read or replace what is being written.
/// Refuses to replace an existing file unless `overwrite`, and refuses any
/// target that is not a regular file (a device, a folder, a symbolic link).
/// `before_rename` runs between the write and the rename (tests inject
/// failures there).
pub fn write_atomic_with(
    path: &Path,
    bytes: &[u8],
    overwrite: bool,
    before_rename: impl FnOnce(&Path) -> std::io::Result<()>,
) -> Result<(), FileError> {
    let io = |error| FileError::Io { path: path.to_owned(), error };
    match std::fs::symlink_metadata(path) {
        Ok(m) if !m.file_type().is_file() => return Err(FileError::NotRegular { path: path.to_owned() }),
        Ok(_) if !overwrite => return Err(FileError::Exists { path: path.to_owned() }),
        Ok(_) => {}
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
        Err(e) => return Err(io(e)),
    }
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_owned(),
        _ => PathBuf::from("."),
    };
    let mut tmp =
        tempfile::Builder::new().prefix(TMP_PREFIX).suffix(TMP_SUFFIX).tempfile_in(&dir).map_err(io)?;
    if let Ok(now) = tmp.as_file().metadata().and_then(|m| m.modified()) {
        remove_stale_temporaries(&dir, tmp.path(), now);
    }
    tmp.write_all(bytes).map_err(io)?;
    tmp.as_file().sync_all().map_err(io)?;
    before_rename(tmp.path()).map_err(io)?;
    // The temporary file is removed when `tmp` drops on any error below.
    if overwrite {
        tmp.persist(path).map_err(|e| io(e.error))?;
    } else {
        tmp.persist_noclobber(path).map_err(|e| {
            if e.error.kind() == std::io::ErrorKind::AlreadyExists {
                FileError::Exists { path: path.to_owned() }
            } else {
                io(e.error)
            }
        })?;
    }
    // Make the rename itself durable.
    if let Ok(d) = std::fs::File::open(&dir) {
        let _ = d.sync_all();
    }
    Ok(())
}

const TMP_PREFIX: &str = ".nkact-";
const TMP_SUFFIX: &str = ".tmp";

/// A run killed between writing its temporary file and the rename leaves that
/// private file behind; the next write in the same folder removes such files
/// once they are an hour older than the one just created (no write takes that
/// long). The file system's own times are compared: the clock is not read here.
fn remove_stale_temporaries(dir: &Path, ours: &Path, now: std::time::SystemTime) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if !(name.starts_with(TMP_PREFIX) && name.ends_with(TMP_SUFFIX)) {
            continue;
        }
        let Ok(meta) = entry.metadata() else { continue };
        let old = meta
            .modified()
            .ok()
            .and_then(|m| now.duration_since(m).ok())
            .is_some_and(|age| age.as_secs() > 3600);
        if meta.is_file() && old && entry.path() != ours {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// [`write_atomic_with`] with nothing between the write and the rename.
pub fn write_atomic(path: &Path, bytes: &[u8], overwrite: bool) -> Result<(), FileError> {
    write_atomic_with(path, bytes, overwrite, |_| Ok(()))
}

/// The order's canonical bytes: what the checksum covers.
fn canonical(order: &Order) -> Result<Vec<u8>, serde_json::Error> {
    serde_json::to_vec(order)
}

/// Saves an order as pretty JSON with a SHA-256 checksum of its content,
/// atomically, replacing any file at `path` (the file dialog has already asked).
pub fn save(order: &Order, path: &Path) -> Result<(), FileError> {
    let json =
        to_bytes(order).map_err(|e| FileError::Corrupt { path: path.to_owned(), detail: e.to_string() })?;
    write_atomic(path, &json, true)
}

/// An order as the file format writes it (pretty JSON with its checksum); the
/// register stores the same bytes, so a stored order is checked like a file.
pub fn to_bytes(order: &Order) -> Result<Vec<u8>, serde_json::Error> {
    let mut value = serde_json::to_value(order)?;
    let checksum = format!("sha256:{}", sha256_hex(&canonical(order)?));
    if let Some(map) = value.as_object_mut() {
        map.insert("checksum".to_owned(), serde_json::Value::String(checksum));
    }
    serde_json::to_vec_pretty(&value)
}

/// Reads an order file: refuses anything but a regular file of at most
/// [`MAX_FILE_BYTES`], then checks format, version, checksum and that every
/// field is present, then that the settings are usable. The inputs are *not*
/// required to be valid (a saved draft may be incomplete); doses are
/// recomputed and validated by [`Order::report`].
pub fn load(path: &Path) -> Result<Order, FileError> {
    use std::io::Read;
    let io = |error| FileError::Io { path: path.to_owned(), error };
    let file = std::fs::File::open(path).map_err(io)?;
    let meta = file.metadata().map_err(io)?;
    if !meta.is_file() {
        return Err(FileError::NotRegular { path: path.to_owned() });
    }
    if meta.len() > MAX_FILE_BYTES {
        return Err(FileError::TooLarge { path: path.to_owned(), max: MAX_FILE_BYTES });
    }
    // Read one byte past the cap: a file that grew since, or lied about its size, is refused too.
    let mut bytes = Vec::new();
    file.take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes).map_err(io)?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(FileError::TooLarge { path: path.to_owned(), max: MAX_FILE_BYTES });
    }
    parse(&bytes, path)
}

/// [`load`] on bytes already read.
pub fn parse(bytes: &[u8], path: &Path) -> Result<Order, FileError> {
    let corrupt = |detail: String| FileError::Corrupt { path: path.to_owned(), detail };
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(FileError::TooLarge { path: path.to_owned(), max: MAX_FILE_BYTES });
    }
    // A key given twice would be read as its last value ("name":"Eve Other","name":"Ana
    // García" opened as Ana García): such a file is refused, never read one way.
    if let Err(e) = serde_json::from_slice::<NoDuplicateKeys>(bytes) {
        return Err(corrupt(e.to_string()));
    }
    let value: serde_json::Value = serde_json::from_slice(bytes).map_err(|e| corrupt(e.to_string()))?;
    // Look at the header first, so a file of another version says so rather
    // than failing on a field it renamed.
    let header = |key: &str| value.get(key).cloned();
    match header("format").as_ref().and_then(|v| v.as_str()) {
        Some(FORMAT) => {}
        other => {
            return Err(FileError::WrongFormat {
                path: path.to_owned(),
                found: other.unwrap_or("").chars().take(40).collect(),
            });
        }
    }
    let order = match header("format_version").and_then(|v| v.as_u64()) {
        Some(1) => v1::migrate(&value).map_err(corrupt)?,
        Some(2) => v2::migrate(value, path)?,
        Some(3) => checked::<Order>(value, path)?,
        Some(v) => {
            return Err(FileError::WrongVersion {
                path: path.to_owned(),
                found: u32::try_from(v).unwrap_or(0),
            });
        }
        None => return Err(corrupt("format_version missing".to_owned())),
    };
    order.settings.validate().map_err(|e| FileError::Invalid { path: path.to_owned(), errors: vec![e] })?;
    Ok(order)
}

/// Reads `value` as a `T` exactly as written, and checks its checksum: every
/// field present (serde would read a missing optional field as empty, a silent
/// default) and the content hashing to the checksum it was saved with.
fn checked<T: Serialize + serde::de::DeserializeOwned>(
    mut value: serde_json::Value,
    path: &Path,
) -> Result<T, FileError> {
    let corrupt = |detail: String| FileError::Corrupt { path: path.to_owned(), detail };
    let checksum = value.as_object_mut().and_then(|m| m.remove("checksum"));
    let read: T = serde_json::from_value(value.clone()).map_err(|e| corrupt(e.to_string()))?;
    let again = serde_json::to_value(&read).map_err(|e| corrupt(e.to_string()))?;
    if let Some(missing) = first_difference(&value, &again, "") {
        return Err(corrupt(format!("field {missing} missing or not as written")));
    }
    let bytes = serde_json::to_vec(&read).map_err(|e| corrupt(e.to_string()))?;
    match checksum {
        Some(serde_json::Value::String(c)) if c == format!("sha256:{}", sha256_hex(&bytes)) => Ok(read),
        Some(_) => Err(FileError::Changed { path: path.to_owned() }),
        None => Err(corrupt("checksum missing".to_owned())),
    }
}

/// The path of the first place two JSON values differ (`settings.products[0].bag_volume_ml`).
fn first_difference(a: &serde_json::Value, b: &serde_json::Value, at: &str) -> Option<String> {
    use serde_json::Value;
    match (a, b) {
        (Value::Object(x), Value::Object(y)) => {
            for (k, vb) in y {
                let here = if at.is_empty() { k.clone() } else { format!("{at}.{k}") };
                match x.get(k) {
                    None => return Some(here),
                    Some(va) => {
                        if let Some(d) = first_difference(va, vb, &here) {
                            return Some(d);
                        }
                    }
                }
            }
            x.keys().find(|k| !y.contains_key(*k)).map(|k| format!("{at}.{k}"))
        }
        (Value::Array(x), Value::Array(y)) if x.len() == y.len() => x
            .iter()
            .zip(y)
            .enumerate()
            .find_map(|(i, (va, vb))| first_difference(va, vb, &format!("{at}[{i}]"))),
        (Value::Number(x), Value::Number(y)) if x.as_f64() == y.as_f64() => None,
        _ if a == b => None,
        _ => Some(at.to_owned()),
    }
}

/// Format version 1 (nkact-dose 0.1): no revisions, reasons, failed checks or
/// checksum; acknowledgements matched by message text. Opened and migrated:
/// its acknowledgements are kept for the record but must be given again,
/// since version 1 did not record which values they concerned.
mod v1 {
    use super::*;

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Ack {
        code: String,
        message: String,
        by: String,
        at: NaiveDateTime,
    }

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    struct OrderV1 {
        #[allow(dead_code)]
        format: String,
        #[allow(dead_code)]
        format_version: u32,
        order_id: String,
        created: NaiveDateTime,
        issued_by: String,
        patient: Patient,
        inputs: RawInputs,
        settings: Settings,
        acknowledged: Vec<Ack>,
        verification: Option<Verification>,
    }

    pub(super) fn migrate(value: &serde_json::Value) -> Result<Order, String> {
        let old: OrderV1 = serde_json::from_value(value.clone()).map_err(|e| e.to_string())?;
        // Through version 2: revision 1, no failed checks, and acknowledgements kept with an
        // empty detail (they no longer match a warning, so each is asked for again).
        Ok(super::v2::current(super::v2::OrderV2 {
            format: FORMAT.to_owned(),
            format_version: 2,
            order_id: old.order_id,
            revision: 1,
            created: old.created,
            issued_by: old.issued_by,
            patient: old.patient,
            inputs: old.inputs,
            settings: old.settings,
            acknowledged: old
                .acknowledged
                .into_iter()
                .map(|a| super::v2::Ack {
                    code: a.code,
                    detail: String::new(),
                    message: a.message,
                    by: a.by,
                    at: a.at,
                    reason: None,
                })
                .collect(),
            verification: old.verification,
            failed_checks: Vec::new(),
            issued_content: None,
        }))
    }
}

/// Format version 2 (nkact-dose 0.2): acknowledgements carried the English
/// message they were shown with. Opened with its checksum checked as it was
/// written, then migrated: the message is dropped (matching always used code
/// and detail, so every acknowledgement stays valid), the language is English
/// and the decimal mark a point, as version 2 printed them.
mod v2 {
    use super::*;

    #[derive(Serialize, Deserialize)]
    #[serde(deny_unknown_fields)]
    pub(super) struct Ack {
        pub(super) code: String,
        pub(super) detail: String,
        pub(super) message: String,
        pub(super) by: String,
        pub(super) at: NaiveDateTime,
        pub(super) reason: Option<String>,
    }

    #[derive(Serialize, Deserialize)]
    #[serde(deny_unknown_fields)]
    pub(super) struct OrderV2 {
        pub(super) format: String,
        pub(super) format_version: u32,
        pub(super) order_id: String,
        pub(super) revision: u32,
        pub(super) created: NaiveDateTime,
        pub(super) issued_by: String,
        pub(super) patient: Patient,
        pub(super) inputs: RawInputs,
        pub(super) settings: Settings,
        pub(super) acknowledged: Vec<Ack>,
        pub(super) verification: Option<Verification>,
        pub(super) failed_checks: Vec<FailedCheck>,
        pub(super) issued_content: Option<String>,
    }

    pub(super) fn migrate(value: serde_json::Value, path: &Path) -> Result<Order, FileError> {
        Ok(current(checked(value, path)?))
    }

    /// A version-2 order as this version holds it.
    pub(super) fn current(old: OrderV2) -> Order {
        Order {
            format: FORMAT.to_owned(),
            format_version: FORMAT_VERSION,
            order_id: old.order_id,
            revision: old.revision,
            created: old.created,
            issued_by: old.issued_by,
            patient: old.patient,
            inputs: old.inputs,
            settings: old.settings,
            acknowledged: old
                .acknowledged
                .into_iter()
                .map(|a| Acknowledgement {
                    code: a.code,
                    detail: a.detail,
                    by: a.by,
                    at: a.at,
                    reason: a.reason,
                })
                .collect(),
            verification: old.verification,
            failed_checks: old.failed_checks,
            issued_content: old.issued_content,
            lang: Lang::En,
            decimal_mark: DecimalMark::Point,
            clinical: RawClinical::default(),
            overrides: Vec::new(),
            trial: Trial::default(),
            stagger_override: None,
            chain: Vec::new(),
        }
    }
}

/// Any JSON value, refused when an object anywhere in it names a key twice.
struct NoDuplicateKeys;

impl<'de> serde::Deserialize<'de> for NoDuplicateKeys {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(NoDuplicateKeysVisitor)
    }
}

struct NoDuplicateKeysVisitor;

impl<'de> serde::de::Visitor<'de> for NoDuplicateKeysVisitor {
    type Value = NoDuplicateKeys;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_bool<E>(self, _: bool) -> Result<NoDuplicateKeys, E> {
        Ok(NoDuplicateKeys)
    }
    fn visit_i64<E>(self, _: i64) -> Result<NoDuplicateKeys, E> {
        Ok(NoDuplicateKeys)
    }
    fn visit_u64<E>(self, _: u64) -> Result<NoDuplicateKeys, E> {
        Ok(NoDuplicateKeys)
    }
    fn visit_f64<E>(self, _: f64) -> Result<NoDuplicateKeys, E> {
        Ok(NoDuplicateKeys)
    }
    fn visit_str<E>(self, _: &str) -> Result<NoDuplicateKeys, E> {
        Ok(NoDuplicateKeys)
    }
    fn visit_unit<E>(self) -> Result<NoDuplicateKeys, E> {
        Ok(NoDuplicateKeys)
    }
    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<NoDuplicateKeys, A::Error> {
        while seq.next_element::<NoDuplicateKeys>()?.is_some() {}
        Ok(NoDuplicateKeys)
    }
    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<NoDuplicateKeys, A::Error> {
        let mut seen = std::collections::BTreeSet::new();
        while let Some(key) = map.next_key::<String>()? {
            if !seen.insert(key.clone()) {
                let shown: String = key.chars().take(40).collect();
                return Err(serde::de::Error::custom(format!("the key \"{shown}\" is given twice")));
            }
            map.next_value::<NoDuplicateKeys>()?;
        }
        Ok(NoDuplicateKeys)
    }
}
