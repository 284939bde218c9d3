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
pub const SCHEMA_VERSION: i32 = 1;

/// What was done with an order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum RegisterAction {
    Exported,
    Printed,
    Reprinted,
}

impl RegisterAction {
    pub fn key(self) -> &'static str {
        match self {
            RegisterAction::Exported => "exported",
            RegisterAction::Printed => "printed",
            RegisterAction::Reprinted => "reprinted",
        }
    }

    fn from_key(key: &str) -> Option<Self> {
        [RegisterAction::Exported, RegisterAction::Printed, RegisterAction::Reprinted]
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
}

impl std::fmt::Display for RegisterError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&crate::text::register_error(self))
    }
}

impl std::error::Error for RegisterError {}

/// The register, open.
pub struct Register {
    conn: Connection,
    path: PathBuf,
}

/// The default location: the user's data folder for this program.
pub fn default_path() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("NKACT_DOSE_REGISTER") {
        return Some(PathBuf::from(p));
    }
    eframe::storage_dir("nkact-dose").map(|d| d.join("register.sqlite3"))
}

impl Register {
    /// Opens (creating if needed) and migrates the register at `path`.
    pub fn open(path: &Path) -> Result<Self, RegisterError> {
        let err = |e: rusqlite::Error| classify(path, e);
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|e| io_error(path, &e))?;
        }
        let conn = Connection::open(path).map_err(err)?;
        conn.busy_timeout(std::time::Duration::from_millis(1500)).map_err(err)?;
        let mut register = Register { conn, path: path.to_owned() };
        register.migrate()?;
        Ok(register)
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    fn migrate(&mut self) -> Result<(), RegisterError> {
        let path = self.path.clone();
        let err = |e: rusqlite::Error| classify(&path, e);
        let version: i32 = self.conn.query_row("PRAGMA user_version", [], |r| r.get(0)).map_err(err)?;
        if version > SCHEMA_VERSION {
            return Err(RegisterError::Newer(path, version));
        }
        let tx = self.conn.transaction().map_err(err)?;
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
                CREATE INDEX entries_at ON entries(at);
                PRAGMA user_version = 1;",
            )
            .map_err(err)?;
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
        let doses: Vec<RecordedDose> = report
            .doses
            .iter()
            .map(|d| RecordedDose {
                drug: d.drug.key().to_owned(),
                dose: d.dose,
                unit: crate::text::unit_symbol(d.unit).to_owned(),
            })
            .collect();
        let doses_json =
            serde_json::to_string(&doses).map_err(|e| RegisterError::Other(path.clone(), e.to_string()))?;
        let order_json =
            serde_json::to_string(order).map_err(|e| RegisterError::Other(path.clone(), e.to_string()))?;
        let nk_state = match report.nk.map(|n| n.state) {
            None => "not-in-cycle",
            Some(NkState::Pending) => "pending",
            Some(NkState::WithinRange) => "within-range",
            Some(NkState::OutOfRange) => "out-of-range",
        };
        let tx = self.conn.transaction().map_err(err)?;
        tx.execute(
            "INSERT INTO entries (order_id, fingerprint, patient_name, patient_id, cycle, day1, doses, nk_count,
                nk_state, verifier, verified_at, issued_by, action, at, order_json)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)",
            params![
                order.order_id,
                order.fingerprint(),
                order.patient.name.trim(),
                order.patient.identifier.trim(),
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
                        verifier, verified_at, issued_by, action, at
                 FROM entries
                 WHERE (?1 = '' OR instr(lower(patient_id), lower(?1)) > 0)
                   AND (?2 IS NULL OR substr(at, 1, 10) = ?2)
                 ORDER BY at DESC, id DESC",
            )
            .map_err(err)?;
        let date = filter.date.map(|d| d.format("%Y-%m-%d").to_string());
        let rows = stmt
            .query_map(params![filter.patient_id.trim(), date], |r| {
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
            .map_err(|e| RegisterError::Corrupt(self.path.clone(), e.to_string()))
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
