//! The order register: every order exported or printed, recorded in a local
//! SQLite database (rusqlite with its bundled SQLite: nothing to install).
//! This is the one place patient data is kept on purpose, as the pharmacy's
//! record. Writes are transactions; the schema has a version
//! (`PRAGMA user_version`) and migrations.

use std::path::{Path, PathBuf};

use chrono::NaiveDateTime;
use rusqlite::{Connection, ErrorCode, OptionalExtension, params};
use serde::{Deserialize, Serialize};

use crate::engine::{NkState, Report};
use crate::order::Order;

/// The schema this program writes; older registers are migrated on open.
/// Version 2 added revisions, the `orders` table whose primary key makes an
/// order ID and revision unique to one content, failed double-checks, and
/// triggers that keep entries append-only.
pub const SCHEMA_VERSION: i32 = 3;

/// What was done with an order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum RegisterAction {
    Exported,
    Printed,
    Reprinted,
    /// A double-check that did not match (who, when and which items are in the order).
    #[serde(rename = "check-failed")]
    CheckFailed,
}

impl RegisterAction {
    pub fn key(self) -> &'static str {
        match self {
            RegisterAction::Exported => "exported",
            RegisterAction::Printed => "printed",
            RegisterAction::Reprinted => "reprinted",
            RegisterAction::CheckFailed => "check-failed",
        }
    }

    fn from_key(key: &str) -> Option<Self> {
        [
            RegisterAction::Exported,
            RegisterAction::Printed,
            RegisterAction::Reprinted,
            RegisterAction::CheckFailed,
        ]
        .into_iter()
        .find(|a| a.key() == key)
    }
}

/// One dose as recorded.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RecordedDose {
    pub drug: String,
    pub dose: f64,
    pub unit: String,
}

/// One register entry.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    pub id: i64,
    pub order_id: String,
    pub fingerprint: String,
    pub patient_name: String,
    pub patient_id: String,
    pub cycle: u32,
    pub day1: Option<String>,
    pub doses: Vec<RecordedDose>,
    pub nk_count: Option<f64>,
    pub nk_state: String,
    pub verifier: Option<String>,
    pub verified_at: Option<NaiveDateTime>,
    pub issued_by: String,
    pub action: RegisterAction,
    pub at: NaiveDateTime,
    pub revision: u32,
    /// The language the sheet was printed in.
    pub lang: crate::locale::Lang,
    /// A later revision of the same order was recorded.
    pub superseded: bool,
}

/// Which entries to list.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    /// Part of the patient identifier (case-insensitive); empty for all.
    pub patient_id: String,
    /// Only entries made on this date.
    pub date: Option<chrono::NaiveDate>,
}

/// Why the register could not be used.
#[derive(Debug)]
pub enum RegisterError {
    /// Another program holds the database locked.
    Locked(PathBuf),
    /// The database or its folder cannot be written.
    ReadOnly(PathBuf),
    /// The file is not a register (or is damaged).
    Corrupt(PathBuf, String),
    /// Made by a newer version of this program.
    Newer(PathBuf, i32),
    /// Anything else SQLite or the file system said.
    Other(PathBuf, String),
    /// The location is not a file a register can live in (empty, `:memory:`, a folder,
    /// a symbolic link to nothing, a device).
    NotAFile(PathBuf, NotAFile),
    /// Another order's content is already recorded under this order ID and revision.
    DuplicateId(PathBuf, String),
}

/// Why a register location cannot hold a register.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NotAFile {
    Empty,
    InMemory,
    Folder,
    BrokenLink,
    Special,
}

/// The register, open.
pub struct Register {
    conn: Connection,
    path: PathBuf,
}

/// The default location: `$NKACT_DOSE_REGISTER`, else `register.sqlite3` in
/// the program's data folder (which the faces find: [`crate::ui::default_register_path`]).
pub fn default_path_in(data_dir: Option<PathBuf>) -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("NKACT_DOSE_REGISTER") {
        return Some(PathBuf::from(p));
    }
    data_dir.map(|d| d.join("register.sqlite3"))
}

impl Register {
    /// Opens (creating if needed, readable by its owner only) and migrates the
    /// register at `path`. Refuses a location that would keep nothing (empty,
    /// `:memory:`, a URI) or is not a file (a folder, a broken link, a device).
    pub fn open(path: &Path) -> Result<Self, RegisterError> {
        let err = |e: rusqlite::Error| classify(path, e);
        let not_a_file = |why| Err(RegisterError::NotAFile(path.to_owned(), why));
        let text = path.to_string_lossy();
        if text.trim().is_empty() {
            return not_a_file(NotAFile::Empty);
        }
        if text.starts_with(':') || text.starts_with("file:") {
            return not_a_file(NotAFile::InMemory);
        }
        match std::fs::symlink_metadata(path) {
            Ok(m) if m.file_type().is_symlink() => match std::fs::metadata(path) {
                Ok(t) if t.is_file() => {}
                Ok(t) if t.is_dir() => return not_a_file(NotAFile::Folder),
                Ok(_) => return not_a_file(NotAFile::Special),
                Err(_) => return not_a_file(NotAFile::BrokenLink),
            },
            Ok(m) if m.is_dir() => return not_a_file(NotAFile::Folder),
            Ok(m) if !m.is_file() => return not_a_file(NotAFile::Special),
            Ok(_) => {}
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
                    create_private_dir(dir).map_err(|e| io_error(path, &e))?;
                }
                create_private_file(path).map_err(|e| io_error(path, &e))?;
            }
            Err(e) => return Err(io_error(path, &e)),
        }
        let conn = Connection::open(path).map_err(err)?;
        conn.busy_timeout(std::time::Duration::from_millis(5000)).map_err(err)?;
        let mut register = Register { conn, path: path.to_owned() };
        register.migrate()?;
        Ok(register)
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Brings the schema to [`SCHEMA_VERSION`] inside one write transaction
    /// taken before the version is read, so racing first writers migrate once.
    /// A register restored from a dump (`user_version` reset to 0) is
    /// recognised by its tables.
    fn migrate(&mut self) -> Result<(), RegisterError> {
        let path = self.path.clone();
        let err = |e: rusqlite::Error| classify(&path, e);
        let tx =
            self.conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate).map_err(err)?;
        let mut version: i32 = tx.query_row("PRAGMA user_version", [], |r| r.get(0)).map_err(err)?;
        if version > SCHEMA_VERSION {
            return Err(RegisterError::Newer(path, version));
        }
        let has = |table: &str| -> Result<bool, rusqlite::Error> {
            tx.query_row(
                "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?1",
                [table],
                |r| r.get::<_, i64>(0),
            )
            .map(|n| n > 0)
        };
        if version == 0 && has("entries").map_err(err)? {
            let has_lang = tx
                .query_row("SELECT count(*) FROM pragma_table_info('entries') WHERE name = 'lang'", [], |r| {
                    r.get::<_, i64>(0)
                })
                .map_err(err)?
                > 0;
            version = match (has("orders").map_err(err)?, has_lang) {
                (true, true) => 3,
                (true, false) => 2,
                _ => 1,
            };
        }
        if version < 1 {
            tx.execute_batch(
                "CREATE TABLE entries (
                    id INTEGER PRIMARY KEY,
                    order_id TEXT NOT NULL,
                    fingerprint TEXT NOT NULL,
                    patient_name TEXT NOT NULL,
                    patient_id TEXT NOT NULL,
                    cycle INTEGER NOT NULL,
                    day1 TEXT,
                    doses TEXT NOT NULL,
                    nk_count REAL,
                    nk_state TEXT NOT NULL,
                    verifier TEXT,
                    verified_at TEXT,
                    issued_by TEXT NOT NULL,
                    action TEXT NOT NULL,
                    at TEXT NOT NULL,
                    order_json TEXT NOT NULL
                );
                CREATE INDEX entries_patient ON entries(patient_id);
                CREATE INDEX entries_at ON entries(at);",
            )
            .map_err(err)?;
        }
        if version < 2 {
            tx.execute_batch(
                "ALTER TABLE entries ADD COLUMN revision INTEGER NOT NULL DEFAULT 1;
                CREATE TABLE IF NOT EXISTS orders (
                    order_id TEXT NOT NULL,
                    revision INTEGER NOT NULL,
                    fingerprint TEXT NOT NULL,
                    patient_id TEXT NOT NULL,
                    PRIMARY KEY (order_id, revision)
                );
                INSERT OR IGNORE INTO orders (order_id, revision, fingerprint, patient_id)
                    SELECT order_id, 1, fingerprint, patient_id FROM entries ORDER BY id;
                CREATE TRIGGER IF NOT EXISTS entries_append_only_update BEFORE UPDATE ON entries
                    BEGIN SELECT RAISE(ABORT, 'the order register is append-only'); END;
                CREATE TRIGGER IF NOT EXISTS entries_append_only_delete BEFORE DELETE ON entries
                    BEGIN SELECT RAISE(ABORT, 'the order register is append-only'); END;",
            )
            .map_err(err)?;
        }
        if version < 3 {
            // The language the sheet was printed in (entries before version 3 were English).
            tx.execute_batch("ALTER TABLE entries ADD COLUMN lang TEXT NOT NULL DEFAULT 'en';")
                .map_err(err)?;
        }
        if version != SCHEMA_VERSION {
            tx.execute_batch(&format!("PRAGMA user_version = {SCHEMA_VERSION};")).map_err(err)?;
        }
        tx.commit().map_err(err)
    }

    /// Records what was done with `order` (its report recomputed by the caller), in one transaction.
    pub fn record(
        &mut self,
        order: &Order,
        report: &Report,
        action: RegisterAction,
        at: NaiveDateTime,
    ) -> Result<i64, RegisterError> {
        let path = self.path.clone();
        let err = |e: rusqlite::Error| classify(&path, e);
        // A withheld antibody is not a dose: it is not recorded as one.
        let doses: Vec<RecordedDose> = report
            .doses
            .iter()
            .filter(|d| !d.withheld)
            .map(|d| RecordedDose {
                drug: d.drug.key().to_owned(),
                dose: d.dose,
                unit: match d.unit {
                    crate::regimen::DoseUnit::Mg => "mg",
                    crate::regimen::DoseUnit::Units => "units",
                }
                .to_owned(),
            })
            .collect();
        let doses_json =
            serde_json::to_string(&doses).map_err(|e| RegisterError::Other(path.clone(), e.to_string()))?;
        let order_json = crate::order::to_bytes(order)
            .map(|b| String::from_utf8_lossy(&b).into_owned())
            .map_err(|e| RegisterError::Other(path.clone(), e.to_string()))?;
        let nk_state = match report.nk.map(|n| n.state) {
            None => "not-in-cycle",
            Some(NkState::Pending) => "pending",
            Some(NkState::WithinRange) => "within-range",
            Some(NkState::OutOfRange) => "out-of-range",
        };
        // The register keeps identity text in its normalised form, so a search finds it.
        let (name, identifier) = match order.patient.validate(order.created.date().max(at.date())) {
            Ok(p) => (p.name, p.identifier),
            Err(_) => (order.patient.name.trim().to_owned(), order.patient.identifier.trim().to_owned()),
        };
        let fingerprint = order.fingerprint();
        let tx =
            self.conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate).map_err(err)?;
        // One content per order ID and revision: a second, different order under
        // the same ID is refused, never recorded beside the first.
        tx.execute(
            "INSERT OR IGNORE INTO orders (order_id, revision, fingerprint, patient_id) VALUES (?1, ?2, ?3, ?4)",
            params![order.order_id, order.revision, fingerprint, identifier],
        )
        .map_err(err)?;
        let stored: String = tx
            .query_row(
                "SELECT fingerprint FROM orders WHERE order_id = ?1 AND revision = ?2",
                params![order.order_id, order.revision],
                |r| r.get(0),
            )
            .map_err(err)?;
        if stored != fingerprint {
            return Err(RegisterError::DuplicateId(
                path.clone(),
                format!("{} rev. {}", order.order_id, order.revision),
            ));
        }
        tx.execute(
            "INSERT INTO entries (order_id, fingerprint, patient_name, patient_id, cycle, day1, doses, nk_count,
                nk_state, verifier, verified_at, issued_by, action, at, order_json, revision, lang)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17)",
            params![
                order.order_id,
                fingerprint,
                name,
                identifier,
                report.inputs.cycle,
                report.inputs.day1.map(|d| d.format("%Y-%m-%d").to_string()),
                doses_json,
                report.nk.and_then(|n| n.count),
                nk_state,
                order.verification.as_ref().map(|v| v.verifier.clone()),
                order.verification.as_ref().map(|v| iso(v.at)),
                order.issued_by.trim(),
                action.key(),
                iso(at),
                order_json,
                order.revision,
                order.lang.key(),
            ],
        )
        .map_err(err)?;
        let id = tx.last_insert_rowid();
        tx.commit().map_err(err)?;
        Ok(id)
    }

    /// Entries, newest first, filtered.
    pub fn list(&self, filter: &Filter) -> Result<Vec<Entry>, RegisterError> {
        let err = |e: rusqlite::Error| classify(&self.path, e);
        let mut stmt = self
            .conn
            .prepare(
                "SELECT id, order_id, fingerprint, patient_name, patient_id, cycle, day1, doses, nk_count, nk_state,
                        verifier, verified_at, issued_by, action, at, revision, lang,
                        EXISTS (SELECT 1 FROM orders o WHERE o.order_id = entries.order_id
                                AND o.revision > entries.revision) AS superseded
                 FROM entries
                 WHERE (?1 = '' OR instr(lower(patient_id), lower(?1)) > 0)
                   AND (?2 IS NULL OR substr(at, 1, 10) = ?2)
                 ORDER BY at DESC, id DESC",
            )
            .map_err(err)?;
        let date = filter.date.map(|d| d.format("%Y-%m-%d").to_string());
        let rows = stmt
            .query_map(params![search_form(&filter.patient_id), date], |r| {
                let doses: String = r.get(7)?;
                let verified_at: Option<String> = r.get(11)?;
                let action: String = r.get(13)?;
                let at: String = r.get(14)?;
                Ok(Entry {
                    id: r.get(0)?,
                    order_id: r.get(1)?,
                    fingerprint: r.get(2)?,
                    patient_name: r.get(3)?,
                    patient_id: r.get(4)?,
                    cycle: r.get(5)?,
                    day1: r.get(6)?,
                    doses: serde_json::from_str(&doses).map_err(|e| unreadable(7, e))?,
                    nk_count: r.get(8)?,
                    nk_state: r.get(9)?,
                    verifier: r.get(10)?,
                    verified_at: verified_at
                        .as_deref()
                        .map(parse_iso)
                        .transpose()
                        .map_err(|e| unreadable(11, e))?,
                    issued_by: r.get(12)?,
                    action: RegisterAction::from_key(&action)
                        .ok_or_else(|| unreadable(13, std::fmt::Error))?,
                    at: parse_iso(&at).map_err(|e| unreadable(14, e))?,
                    revision: r.get(15)?,
                    lang: {
                        let key: String = r.get(16)?;
                        crate::locale::Lang::from_key(&key).ok_or_else(|| unreadable(16, std::fmt::Error))?
                    },
                    superseded: r.get(17)?,
                })
            })
            .map_err(err)?;
        rows.collect::<Result<Vec<Entry>, _>>().map_err(err)
    }

    /// The order stored with entry `id`, checked like an order file.
    pub fn order(&self, id: i64) -> Result<Order, RegisterError> {
        let err = |e: rusqlite::Error| classify(&self.path, e);
        let json: Option<String> = self
            .conn
            .query_row("SELECT order_json FROM entries WHERE id = ?1", [id], |r| r.get(0))
            .optional()
            .map_err(err)?;
        let json = json.ok_or_else(|| RegisterError::Other(self.path.clone(), format!("no entry {id}")))?;
        crate::order::parse(json.as_bytes(), &self.path)
            .map_err(|e| RegisterError::Corrupt(self.path.clone(), format!("{e:?}")))
    }
}

/// A filter as the register stores identifiers: NFC, trimmed.
fn search_form(text: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    text.nfc().collect::<String>().trim().to_owned()
}

/// Creates the register's folder, readable by its owner only when new.
fn create_private_dir(dir: &Path) -> std::io::Result<()> {
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        builder.mode(0o700);
    }
    builder.create(dir)
}

/// Creates an empty register file readable and writable by its owner only
/// (SQLite gives its journal the same permissions); never follows a link.
fn create_private_file(path: &Path) -> std::io::Result<()> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    match options.open(path) {
        Ok(_) => Ok(()),
        // Another writer created it first: that is the register now.
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Ok(()),
        Err(e) => Err(e),
    }
}

fn iso(t: NaiveDateTime) -> String {
    t.format("%Y-%m-%dT%H:%M:%S").to_string()
}

fn parse_iso(s: &str) -> Result<NaiveDateTime, chrono::ParseError> {
    NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M:%S")
}

/// A column that holds something this program did not write: the register is damaged.
fn unreadable(column: usize, e: impl std::error::Error + Send + Sync + 'static) -> rusqlite::Error {
    rusqlite::Error::FromSqlConversionFailure(column, rusqlite::types::Type::Text, Box::new(e))
}

fn io_error(path: &Path, e: &std::io::Error) -> RegisterError {
    match e.kind() {
        std::io::ErrorKind::PermissionDenied | std::io::ErrorKind::ReadOnlyFilesystem => {
            RegisterError::ReadOnly(path.to_owned())
        }
        _ => RegisterError::Other(path.to_owned(), e.to_string()),
    }
}

fn classify(path: &Path, e: rusqlite::Error) -> RegisterError {
    if let rusqlite::Error::FromSqlConversionFailure(..) | rusqlite::Error::InvalidColumnType(..) = e {
        return RegisterError::Corrupt(path.to_owned(), e.to_string());
    }
    let code = e.sqlite_error_code();
    match code {
        Some(ErrorCode::DatabaseBusy) | Some(ErrorCode::DatabaseLocked) => {
            RegisterError::Locked(path.to_owned())
        }
        Some(ErrorCode::ReadOnly) | Some(ErrorCode::CannotOpen) | Some(ErrorCode::PermissionDenied) => {
            RegisterError::ReadOnly(path.to_owned())
        }
        Some(ErrorCode::NotADatabase) | Some(ErrorCode::DatabaseCorrupt) => {
            RegisterError::Corrupt(path.to_owned(), e.to_string())
        }
        _ => RegisterError::Other(path.to_owned(), e.to_string()),
    }
}
