//! The order register: every order exported or printed, recorded in a local
//! SQLite database (rusqlite with its bundled SQLite: nothing to install).
//! This is the one place patient data is kept on purpose, as the pharmacy's
//! record. Writes are transactions; the schema has a version
//! (`PRAGMA user_version`) and migrations.

use std::path::{Path, PathBuf};

use chrono::{NaiveDateTime, TimeZone};
use rusqlite::{Connection, ErrorCode};

use crate::store::db::{Conn, DbError, Engine, Row, Tx, Value};

use crate::domain::calendar::parse_instant;
pub use crate::domain::people::{
    Administration, Event, MIN_SECRET_CHARS, OverrideDetail, Person, PersonProblem, Role, Step, name_key,
};
use crate::engine::{NkState, Report};
use crate::order::Order;
pub use crate::order::faults::{NotAFile, RecordedDose, RegisterError};
pub use crate::stagger::NextStart;

/// The schema this program writes; older registers are migrated on open.
/// Version 2 added revisions, the `orders` table whose primary key makes an
/// order ID and revision unique to one content, failed double-checks, and
/// triggers that keep entries append-only.
/// Version 4 (issue 12): both engines; subject and cohort; a hash chain over
/// every record; people and their signed steps.
pub const SCHEMA_VERSION: i32 = crate::order::faults::REGISTER_SCHEMA_VERSION;

/// How long a SQLite register waits for another program's write before saying it is locked.
pub const BUSY_WAIT: std::time::Duration = std::time::Duration::from_millis(5000);

pub use crate::order::release::RegisterAction;

mod entries;

mod migrate;

/// Checkpoints and sheets: anchors of the chain kept outside the database.
mod anchors;
/// Each person's signing key, sealed under their secret; the keyring of this process.
mod keys;
mod people;
/// The product after release: labels, the NK receipt, the bedside check, the trace.
mod product;
pub(in crate::store) use product::sign_step_in;
pub use product::{LotUse, NkTrace, NotGiven, OverrideCount, TraceStep};
/// Who may have made each record: the signatures `verify` checks.
mod trust;
pub use keys::fingerprint_of_public;

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
    /// The trial subject number and cohort, as the order named them.
    pub subject: String,
    pub cohort: String,
    /// A later revision of the same order was recorded.
    pub superseded: bool,
    /// The record still matches its link in the chain (read by `list` and `entry`; a record
    /// edited outside the program is shown marked and is not reprinted).
    pub intact: bool,
}

/// Which entries to list.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    /// The start of the record number (case-insensitive); empty for all.
    pub patient_id: String,
    /// Only entries made on this date.
    pub date: Option<chrono::NaiveDate>,
    /// Only entries made on or after this date.
    pub since: Option<chrono::NaiveDate>,
    /// A page: at most this many entries (0: all), after skipping `offset`.
    pub limit: u32,
    pub offset: u32,
}

/// The default location: `$NKACT_DOSE_REGISTER`, else `register.sqlite3` in
/// the program's data folder ([`data_dir`]), for both faces.
pub fn default_path() -> Option<PathBuf> {
    default_path_in(data_dir("nkact-dose"))
}

/// The program's data folder, where the window keeps its preferences too: the
/// same folder eframe's `storage_dir` names (Linux `$XDG_DATA_HOME/<app>` or
/// `~/.local/share/<app>`; macOS `~/Library/Application Support/<app>`;
/// Windows `%APPDATA%\<app>\data`), found here so that the command line
/// reaches the register without the window's crates (issue 19).
pub fn data_dir(app_id: &str) -> Option<PathBuf> {
    if cfg!(target_os = "windows") {
        return std::env::var_os("APPDATA").map(|p| PathBuf::from(p).join(app_id).join("data"));
    }
    if cfg!(target_os = "macos") {
        return std::env::home_dir().map(|p| {
            p.join("Library")
                .join("Application Support")
                .join(app_id.replace(|c: char| c.is_ascii_whitespace(), "-"))
        });
    }
    std::env::var_os("XDG_DATA_HOME")
        .map(PathBuf::from)
        .filter(|p| p.is_absolute())
        .or_else(|| std::env::home_dir().map(|p| p.join(".local").join("share")))
        .map(|p| p.join(app_id.to_lowercase().replace(|c: char| c.is_ascii_whitespace(), "")))
}

/// [`default_path`] with the data folder given.
pub fn default_path_in(data_dir: Option<PathBuf>) -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("NKACT_DOSE_REGISTER") {
        return Some(PathBuf::from(p));
    }
    data_dir.map(|d| d.join("register.sqlite3"))
}

/// Where a register lives: a file (SQLite) or a server (PostgreSQL URL).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Location {
    File(PathBuf),
    Server(String),
}

impl Location {
    /// `postgres://…` or `postgresql://…` is a server; anything else is a file path.
    pub fn parse(text: &str) -> Location {
        let t = text.trim();
        if t.starts_with("postgres://") || t.starts_with("postgresql://") {
            Location::Server(t.to_owned())
        } else {
            Location::File(PathBuf::from(text))
        }
    }

    /// How the location is named in messages: a path, or the URL without its password.
    pub fn shown(&self) -> PathBuf {
        match self {
            Location::File(p) => p.clone(),
            Location::Server(url) => PathBuf::from(redact(url)),
        }
    }
}

/// A URL with any password replaced by `***`.
pub fn redact(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else { return url.to_owned() };
    // The user information ends at the *last* `@`: a password may hold one (issue 20:
    // "p@ss" showed "ss@host"). A password given as a parameter is masked too.
    let (user, tail) = match rest.rsplit_once('@') {
        Some((userinfo, tail)) => (Some(userinfo.split(':').next().unwrap_or("")), tail),
        None => (None, rest),
    };
    let tail = match tail.split_once('?') {
        Some((path, query)) => {
            let params: Vec<String> = query
                .split('&')
                .map(|kv| match kv.split_once('=') {
                    Some((k, _)) if k.trim().eq_ignore_ascii_case("password") => format!("{k}=***"),
                    _ => kv.to_owned(),
                })
                .collect();
            format!("{path}?{}", params.join("&"))
        }
        None => tail.to_owned(),
    };
    match user {
        Some(user) => format!("{scheme}://{user}:***@{tail}"),
        None => format!("{scheme}://{tail}"),
    }
}

/// The register, open.
pub struct Register {
    conn: Conn,
    path: PathBuf,
    /// What a sign-in is for (the step and the order), recorded with a failed one.
    attempt: (String, String),
}

/// One line of `register people log`: a change to a person, a key enrolled, or a failed sign-in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PeopleLogLine {
    /// The record's number in the chain.
    pub id: i64,
    pub at: NaiveDateTime,
    /// added, disabled, reset, unlocked, key-enrolled, failed-sign-in
    pub kind: String,
    /// The person (as typed, for a failed sign-in).
    pub name: String,
    pub role: String,
    /// Who made the change (empty for a failed sign-in).
    pub by: String,
    /// A key's fingerprint; for a failed sign-in why, the workstation, the step and the order.
    pub detail: String,
}

/// The columns of each record kept in the chain, in the order they are hashed.
pub(super) const ENTRY_COLUMNS: &str = "id, order_id, fingerprint, patient_name, patient_id, cycle, day1, doses, nk_count, \
    nk_state, verifier, verified_at, issued_by, action, at, order_json, revision, lang, subject, cohort";
pub(super) const EVENT_COLUMNS: &str = "id, order_id, revision, step, person, role, ok, detail, at";
const PERSON_COLUMNS: &str = "id, name, name_key, role, action, secret_hash, by_person, at";
/// A person's signing key as enrolled: the public half, the private half sealed, who enrolled it.
const KEY_COLUMNS: &str = "id, name_key, public_key, sealed_key, by_person, at";

/// Every table the chain covers, with its hashed columns.
const CHAINED: [(&str, &str); 4] = [
    ("entries", ENTRY_COLUMNS),
    ("events", EVENT_COLUMNS),
    ("person_events", PERSON_COLUMNS),
    ("keys", KEY_COLUMNS),
];

/// The DDL of schema version 4, for a new register (both engines).
const SCHEMA_V4: &str = include_str!("sql/v4.sql");

/// Added by version 4 to every register, new or migrated (both engines).
const SCHEMA_V4_CHAIN: &str = include_str!("sql/v4_chain.sql");

/// Added by version 5 to every register (both engines).
const SCHEMA_V5: &str = include_str!("sql/v5.sql");

/// The guard that keeps every record append-only, per engine.
fn append_only_ddl(engine: Engine) -> String {
    append_only_ddl_for(engine, &["entries", "events", "person_events", "chain", "keys"])
}

fn append_only_ddl_for(engine: Engine, tables: &[&str]) -> String {
    match engine {
        Engine::Sqlite => tables
            .iter()
            .map(|t| {
                format!(
                    "CREATE TRIGGER IF NOT EXISTS {t}_append_only_update BEFORE UPDATE ON {t}
                        BEGIN SELECT RAISE(ABORT, 'the order register is append-only'); END;
                     CREATE TRIGGER IF NOT EXISTS {t}_append_only_delete BEFORE DELETE ON {t}
                        BEGIN SELECT RAISE(ABORT, 'the order register is append-only'); END;"
                )
            })
            .collect(),
        Engine::Postgres => {
            let mut s = String::from(
                "CREATE OR REPLACE FUNCTION nkact_append_only() RETURNS trigger AS $f$
                 BEGIN RAISE EXCEPTION 'the order register is append-only'; END $f$ LANGUAGE plpgsql;",
            );
            for t in tables.iter() {
                s.push_str(&format!(
                    "CREATE TRIGGER {t}_append_only BEFORE UPDATE OR DELETE ON {t}
                        FOR EACH ROW EXECUTE FUNCTION nkact_append_only();"
                ));
            }
            s
        }
    }
}

/// The index the record-number filter pages through, per engine (a prefix match that uses it).
fn patient_index_ddl(engine: Engine) -> &'static str {
    match engine {
        Engine::Sqlite => "CREATE INDEX IF NOT EXISTS entries_patient_at ON entries(patient_id, at, id);",
        Engine::Postgres => {
            "CREATE INDEX entries_patient_at ON entries(patient_id text_pattern_ops, at, id);"
        }
    }
}

/// What `verify` found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChainReport {
    /// Links of the chain read (all of them: the check goes on past a break).
    pub checked: u64,
    /// The first record that does not match its hash, its place or its predecessor: (sequence, table).
    pub first_bad: Option<(i64, String)>,
    /// Every such record, in order (`chain` for a link that is missing; `TABLE: signature`
    /// for a record whose signature is missing or not its signer's).
    pub bad: Vec<(i64, String)>,
    /// The last link read: its sequence number and hash (0 and the genesis text when empty).
    pub head: (i64, String),
    /// The fingerprint of the first administrator's key, enrolled at `register init`.
    pub root: Option<String>,
    /// Records from before signatures began (a register from before version 5, or one without people).
    pub unsigned: u64,
}

fn sha256_hex(bytes: &[u8]) -> String {
    use sha2::{Digest, Sha256};
    Sha256::digest(bytes).iter().map(|b| format!("{b:02x}")).collect()
}

/// The hash of a record: its table, its canonical content and the hash before it.
fn chain_hash(prev: &str, tbl: &str, row: &[Value]) -> String {
    let content = serde_json::Value::Array(row.iter().map(Value::json).collect()).to_string();
    sha256_hex(format!("{prev}\n{tbl}\n{content}").as_bytes())
}

/// Hashes a secret with Argon2id and a random salt (PHC string).
pub fn hash_secret(secret: &str) -> Result<String, String> {
    use argon2::password_hash::{PasswordHasher, SaltString, rand_core::OsRng};
    let salt = SaltString::generate(&mut OsRng);
    argon2::Argon2::default()
        .hash_password(secret.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|e| e.to_string())
}

fn secret_matches(secret: &str, phc: &str) -> bool {
    use argon2::password_hash::{PasswordHash, PasswordVerifier};
    PasswordHash::new(phc)
        .is_ok_and(|h| argon2::Argon2::default().verify_password(secret.as_bytes(), &h).is_ok())
}

impl Register {
    /// Opens (creating if needed, readable by its owner only) and migrates the
    /// SQLite register at `path`. Refuses a location that would keep nothing
    /// (empty, `:memory:`, a URI), is not a file (a folder, a broken link, a
    /// device), or lies on a network file system, where SQLite's locking is
    /// unreliable (the shared case is PostgreSQL).
    pub fn open(path: &Path) -> Result<Self, RegisterError> {
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
                if let Some(fs) = network_fs_of(path) {
                    return Err(RegisterError::NetworkFs(path.to_owned(), fs));
                }
                create_private_file(path).map_err(|e| io_error(path, &e))?;
            }
            Err(e) => return Err(io_error(path, &e)),
        }
        if let Some(fs) = network_fs_of(path) {
            return Err(RegisterError::NetworkFs(path.to_owned(), fs));
        }
        let err = |e: rusqlite::Error| classify(path, e);
        let conn = Connection::open(path).map_err(err)?;
        conn.busy_timeout(BUSY_WAIT).map_err(err)?;
        let mut register =
            Register { conn: Conn::Sqlite(conn), path: path.to_owned(), attempt: Default::default() };
        register.migrate()?;
        Ok(register)
    }

    /// Opens the register at `location`: a `postgres://` URL, or a path (SQLite).
    pub fn connect(location: &str) -> Result<Self, RegisterError> {
        match Location::parse(location) {
            Location::File(p) => Register::open(&p),
            Location::Server(url) => {
                let shown = PathBuf::from(redact(&url));
                let conn = Conn::postgres(&url).map_err(|e| from_db(&shown, e))?;
                let mut register = Register { conn, path: shown, attempt: Default::default() };
                register.migrate()?;
                Ok(register)
            }
        }
    }

    /// Forgets the signing key `name` opened when signing in to the register at `location`
    /// in this process (they signed out).
    pub fn sign_out(location: &str, name: &str) {
        let shown = match Location::parse(location) {
            Location::File(p) => p,
            Location::Server(url) => PathBuf::from(redact(&url)),
        };
        keys::forget(&shown, name);
    }

    /// The location, as messages name it (a PostgreSQL URL without its password).
    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn engine(&self) -> Engine {
        self.conn.engine()
    }

    pub(super) fn conn_mut(&mut self) -> &mut Conn {
        &mut self.conn
    }

    fn db_err(&self) -> impl Fn(DbError) -> RegisterError + '_ {
        move |e| from_db(&self.path, e)
    }

    // ------------------------------------------------------------ people

    // ------------------------------------------------------------ the trial's rules across patients
}

/// A signed step as read back (`None`: a row this program did not write).
pub(super) fn event_of(r: &Row) -> Option<Event> {
    Some(Event {
        id: r[0].int()?,
        order_id: r[1].text()?,
        revision: u32::try_from(r[2].int()?).ok()?,
        step: Step::from_key(&r[3].text()?)?,
        person: r[4].text()?,
        role: r[5].text()?,
        ok: r[6].int()? != 0,
        detail: r[7].text()?,
        at: parse_iso(&r[8].text()?).ok()?,
    })
}

/// An entry ready to store.
pub(super) struct EntryRow {
    pub(super) key: String,
    order_id: String,
    revision: u32,
    fingerprint: String,
    identifier: String,
    /// Who records it, and signs its link (the person who issued the order, or who reprints it).
    pub(super) signer: String,
    values: Vec<Value>,
}

/// An administrator's change to a person.
#[derive(Debug, Clone, Copy)]
pub enum PersonChange<'a> {
    Add(Role, &'a str),
    Disable,
    Reset(&'a str),
    /// Lifts a lockout after too many wrong secrets.
    Unlock,
}

/// The hash before the first record.
pub(in crate::store) const GENESIS: &str = "nkact-dose register";

fn entry_of(r: &Row) -> Result<Entry, String> {
    let text = |i: usize| r[i].text().ok_or_else(|| format!("column {i} empty"));
    Ok(Entry {
        id: r[0].int().ok_or("id")?,
        order_id: text(1)?,
        fingerprint: text(2)?,
        patient_name: text(3)?,
        patient_id: text(4)?,
        cycle: u32::try_from(r[5].int().ok_or("cycle")?).map_err(|e| e.to_string())?,
        day1: r[6].text(),
        doses: serde_json::from_str(&text(7)?).map_err(|e| e.to_string())?,
        nk_count: r[8].real(),
        nk_state: text(9)?,
        verifier: r[10].text(),
        verified_at: r[11].text().as_deref().map(parse_iso).transpose().map_err(|e| e.to_string())?,
        issued_by: text(12)?,
        action: RegisterAction::from_key(&text(13)?).ok_or("action")?,
        at: parse_iso(&text(14)?).map_err(|e| e.to_string())?,
        revision: u32::try_from(r[16].int().ok_or("revision")?).map_err(|e| e.to_string())?,
        lang: crate::locale::Lang::from_key(&text(17)?).ok_or("lang")?,
        subject: r[18].text().unwrap_or_default(),
        cohort: r[19].text().unwrap_or_default(),
        superseded: r[20].int().unwrap_or(0) != 0,
        intact: true,
    })
}

/// The network file system holding `path`, if any (from /proc/self/mountinfo):
/// SQLite's locking cannot be trusted there.
fn network_fs_of(path: &Path) -> Option<String> {
    let info = std::fs::read_to_string("/proc/self/mountinfo").ok()?;
    let dir = path.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let full = std::fs::canonicalize(dir).ok()?;
    network_fs_in(&info, &full)
}

/// The file system type of the longest mount point containing `full`, when it is a network one.
pub fn network_fs_in(mountinfo: &str, full: &Path) -> Option<String> {
    const NETWORK: [&str; 12] = [
        "nfs",
        "nfs4",
        "cifs",
        "smb3",
        "smbfs",
        "ncpfs",
        "afs",
        "9p",
        "fuse.sshfs",
        "glusterfs",
        "ceph",
        "davfs",
    ];
    let mut best: Option<(usize, String)> = None;
    for line in mountinfo.lines() {
        let fields: Vec<&str> = line.split(' ').collect();
        let Some(sep) = fields.iter().position(|f| *f == "-") else { continue };
        let (Some(mount), Some(fstype)) = (fields.get(4), fields.get(sep + 1)) else { continue };
        let mount = mount.replace("\\040", " ");
        if full.starts_with(&mount) && best.as_ref().is_none_or(|(n, _)| mount.len() >= *n) {
            best = Some((mount.len(), (*fstype).to_owned()));
        }
    }
    best.map(|(_, t)| t).filter(|t| NETWORK.contains(&t.as_str()))
}

pub(super) fn from_db(path: &Path, e: DbError) -> RegisterError {
    let p = path.to_owned();
    match e {
        DbError::Locked => RegisterError::Locked(p),
        DbError::ReadOnly => RegisterError::ReadOnly(p),
        DbError::Corrupt(d) => RegisterError::Corrupt(p, d),
        DbError::Connection(d) => RegisterError::Connection(p, d),
        DbError::Login(d) => RegisterError::Login(p, d),
        DbError::Duplicate(d) => RegisterError::DuplicateId(p, d),
        DbError::AppendOnly => RegisterError::Other(p, "the order register is append-only".to_owned()),
        DbError::Other(d) => RegisterError::Other(p, d),
        DbError::NotSignedIn(name) => RegisterError::NotSignedIn(p, name),
        DbError::Insecure(d) => RegisterError::Insecure(p, d),
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

/// A local time as the register stores it: the instant in UTC, `…Z` (issue 18:
/// local times without an offset jumped an hour between workstations in other
/// zones, and across clock changes). A local time lived twice is stored at its
/// earlier instant.
pub(super) fn iso(t: NaiveDateTime) -> String {
    let utc = match chrono::Local.from_local_datetime(&t).earliest() {
        Some(x) => x.with_timezone(&chrono::Utc),
        None => crate::stagger::instant_latest(&chrono::Local, t),
    };
    utc.format("%Y-%m-%dT%H:%M:%SZ").to_string()
}

/// A stored time in this workstation's local time, for people and sheets.
fn parse_iso(s: &str) -> Result<NaiveDateTime, chrono::ParseError> {
    parse_instant(s).map(|t| crate::stagger::local(&chrono::Local, t))
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
