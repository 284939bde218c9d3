//! The order: a plain serde value holding the inputs as typed, the patient
//! details, the settings used, acknowledgements and the verification record.
//! Doses are never stored: they are recomputed from the inputs on open, so a
//! file can never carry a stale or edited dose. How an order is stored
//! ([`save`], [`load`]) and drawn (the sheet, the window) lives elsewhere.

use std::io::Write;
use std::path::{Path, PathBuf};

use chrono::{Datelike, NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};

use crate::engine::{Report, calculate};
use crate::error::{Field, InputError, Problem};
use crate::input::{RawInputs, validate};
use crate::settings::Settings;

/// The file format name and version this program writes and reads.
pub const FORMAT: &str = "nkact-dose-order";
pub const FORMAT_VERSION: u32 = 1;

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
    /// identifier, allergies): all present, the date of birth a real past date.
    pub fn validate(&self, today: NaiveDate) -> Result<NaiveDate, Vec<InputError>> {
        let mut errors = Vec::new();
        let required = [
            (Field::PatientName, &self.name),
            (Field::PatientId, &self.identifier),
            (Field::Allergies, &self.allergies),
        ];
        for (field, value) in required {
            if value.trim().is_empty() {
                errors.push(InputError::new(field, value.as_str(), Problem::Missing));
            }
        }
        let dob = parse_birth_date(&self.date_of_birth, today);
        match dob {
            Ok(d) if errors.is_empty() => Ok(d),
            Ok(_) => Err(errors),
            Err(e) => {
                errors.push(e);
                Err(errors)
            }
        }
    }
}

/// A date of birth: ISO, from 1900, not after `today`.
pub fn parse_birth_date(text: &str, today: NaiveDate) -> Result<NaiveDate, InputError> {
    let field = Field::DateOfBirth;
    let t = text.trim();
    if t.is_empty() {
        return Err(InputError::new(field, text, Problem::Missing));
    }
    let date = NaiveDate::parse_from_str(t, "%Y-%m-%d")
        .ok()
        .filter(|_| t.len() == 10)
        .ok_or_else(|| InputError::new(field, text, Problem::NotADate))?;
    if date.year() < 1900 || date > today {
        return Err(InputError::new(field, text, Problem::DateOutOfRange));
    }
    Ok(date)
}

/// A warning the person acknowledged, and who and when.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Acknowledgement {
    pub code: String,
    pub message: String,
    pub by: String,
    pub at: NaiveDateTime,
}

/// An independent double-check that matched.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Verification {
    pub verifier: String,
    pub at: NaiveDateTime,
}

/// One order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Order {
    pub format: String,
    pub format_version: u32,
    pub order_id: String,
    pub created: NaiveDateTime,
    /// Who issued the order (the prescriber or pharmacist at the workstation).
    pub issued_by: String,
    pub patient: Patient,
    pub inputs: RawInputs,
    pub settings: Settings,
    pub acknowledged: Vec<Acknowledgement>,
    pub verification: Option<Verification>,
}

impl Order {
    /// A new, empty order created at `now`.
    pub fn new(now: NaiveDateTime, settings: Settings) -> Self {
        Order {
            format: FORMAT.to_owned(),
            format_version: FORMAT_VERSION,
            order_id: order_id(now),
            created: now,
            issued_by: String::new(),
            patient: Patient::default(),
            inputs: RawInputs::default(),
            settings,
            acknowledged: Vec::new(),
            verification: None,
        }
    }

    /// Validates the inputs and runs the engine.
    pub fn report(&self) -> Result<Report, Vec<InputError>> {
        let inputs = validate(&self.inputs)?;
        calculate(&inputs, &self.settings).map_err(|e| vec![e])
    }

    /// A short fingerprint of what determines the doses and who they are for,
    /// printed on the sheet so a reprint can be matched to its order:
    /// 64-bit FNV-1a over the canonical JSON of the ID, patient, inputs and
    /// settings, written as two groups of four hex digits.
    pub fn fingerprint(&self) -> String {
        #[derive(Serialize)]
        struct Content<'a> {
            order_id: &'a str,
            patient: &'a Patient,
            inputs: &'a RawInputs,
            settings: &'a Settings,
        }
        let content = Content {
            order_id: &self.order_id,
            patient: &self.patient,
            inputs: &self.inputs,
            settings: &self.settings,
        };
        let bytes = serde_json::to_vec(&content).unwrap_or_default();
        let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
        for b in bytes {
            hash ^= u64::from(b);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
        let folded = (hash >> 32) ^ (hash & 0xffff_ffff);
        format!("{:04X}-{:04X}", folded >> 16, folded & 0xffff)
    }

    /// Records that `by` acknowledged every warning of `report` at `at`.
    pub fn acknowledge_all(&mut self, report: &Report, by: &str, at: NaiveDateTime) {
        self.acknowledged = report
            .warnings
            .iter()
            .map(|w| Acknowledgement {
                code: w.code.clone(),
                message: w.message.clone(),
                by: by.to_owned(),
                at,
            })
            .collect();
    }

    /// True when every warning of `report` has been acknowledged.
    pub fn all_acknowledged(&self, report: &Report) -> bool {
        report
            .warnings
            .iter()
            .all(|w| self.acknowledged.iter().any(|a| a.code == w.code && a.message == w.message))
    }
}

/// A new order ID: its creation time and four hex digits that differ for every
/// order this machine creates in the same second (`NKACT-20261124-211700-3F2A`).
/// The suffix is a hash of the process ID plus a per-process counter: distinct
/// by construction within a program, and offset differently in another one.
pub fn order_id(now: NaiveDateTime) -> String {
    use std::sync::atomic::{AtomicU16, Ordering};
    static COUNTER: AtomicU16 = AtomicU16::new(0);
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    let mut hash: u32 = 0x811c_9dc5;
    for b in std::process::id().to_le_bytes() {
        hash ^= u32::from(b);
        hash = hash.wrapping_mul(0x0100_0193);
    }
    let offset = ((hash >> 16) ^ hash) as u16;
    format!("NKACT-{}-{:04X}", now.format("%Y%m%d-%H%M%S"), offset.wrapping_add(n))
}

/// Why a file could not be read or written.
#[derive(Debug)]
pub enum FileError {
    Io { path: PathBuf, error: std::io::Error },
    Exists { path: PathBuf },
    Corrupt { path: PathBuf, detail: String },
    WrongFormat { path: PathBuf, found: String },
    WrongVersion { path: PathBuf, found: u32 },
    Invalid { path: PathBuf, errors: Vec<InputError> },
}

impl std::fmt::Display for FileError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&crate::text::file_error(self))
    }
}

impl std::error::Error for FileError {}

/// Writes `bytes` to `path` through a temporary file in the same directory,
/// flushed to disk, then renamed over `path`: a crash or a failed write
/// leaves the old file whole. Refuses to replace an existing file unless
/// `overwrite`. `before_rename` runs between the write and the rename (tests
/// inject failures there).
pub fn write_atomic_with(
    path: &Path,
    bytes: &[u8],
    overwrite: bool,
    before_rename: impl FnOnce(&Path) -> std::io::Result<()>,
) -> Result<(), FileError> {
    let io = |error| FileError::Io { path: path.to_owned(), error };
    if !overwrite && path.exists() {
        return Err(FileError::Exists { path: path.to_owned() });
    }
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_owned(),
        _ => PathBuf::from("."),
    };
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let result = (|| {
        let mut file = std::fs::File::create(&tmp)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        drop(file);
        before_rename(&tmp)?;
        std::fs::rename(&tmp, path)
    })();
    if let Err(e) = result {
        let _ = std::fs::remove_file(&tmp);
        return Err(io(e));
    }
    Ok(())
}

/// [`write_atomic_with`] with nothing between the write and the rename.
pub fn write_atomic(path: &Path, bytes: &[u8], overwrite: bool) -> Result<(), FileError> {
    write_atomic_with(path, bytes, overwrite, |_| Ok(()))
}

/// Saves an order as pretty JSON, atomically, replacing any file at `path`
/// (the file dialog has already asked).
pub fn save(order: &Order, path: &Path) -> Result<(), FileError> {
    let json = serde_json::to_vec_pretty(order)
        .map_err(|e| FileError::Corrupt { path: path.to_owned(), detail: e.to_string() })?;
    write_atomic(path, &json, true)
}

/// Reads an order file: checks format and version, then that the settings are
/// usable. The inputs are *not* required to be valid (a saved draft may be
/// incomplete); doses are recomputed and validated by [`Order::report`].
pub fn load(path: &Path) -> Result<Order, FileError> {
    let bytes = std::fs::read(path).map_err(|error| FileError::Io { path: path.to_owned(), error })?;
    parse(&bytes, path)
}

/// [`load`] on bytes already read.
pub fn parse(bytes: &[u8], path: &Path) -> Result<Order, FileError> {
    let corrupt = |detail: String| FileError::Corrupt { path: path.to_owned(), detail };
    // Look at the header first, so a file of another version says so rather
    // than failing on a field it renamed.
    #[derive(Deserialize)]
    struct Header {
        format: Option<String>,
        format_version: Option<u32>,
    }
    let header: Header = serde_json::from_slice(bytes).map_err(|e| corrupt(e.to_string()))?;
    match header.format.as_deref() {
        Some(FORMAT) => {}
        other => {
            return Err(FileError::WrongFormat {
                path: path.to_owned(),
                found: other.unwrap_or("").to_owned(),
            });
        }
    }
    match header.format_version {
        Some(FORMAT_VERSION) => {}
        Some(v) => return Err(FileError::WrongVersion { path: path.to_owned(), found: v }),
        None => return Err(corrupt("format_version missing".to_owned())),
    }
    let order: Order = serde_json::from_slice(bytes).map_err(|e| corrupt(e.to_string()))?;
    order.settings.validate().map_err(|e| FileError::Invalid { path: path.to_owned(), errors: vec![e] })?;
    Ok(order)
}
