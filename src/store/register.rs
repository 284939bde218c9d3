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
    match rest.split_once('@') {
        Some((userinfo, host)) => {
            let user = userinfo.split(':').next().unwrap_or("");
            format!("{scheme}://{user}:***@{host}")
        }
        None => url.to_owned(),
    }
}

/// The register, open.
pub struct Register {
    conn: Conn,
    path: PathBuf,
}

/// The columns of each record kept in the chain, in the order they are hashed.
pub(super) const ENTRY_COLUMNS: &str = "id, order_id, fingerprint, patient_name, patient_id, cycle, day1, doses, nk_count, \
    nk_state, verifier, verified_at, issued_by, action, at, order_json, revision, lang, subject, cohort";
pub(super) const EVENT_COLUMNS: &str = "id, order_id, revision, step, person, role, ok, detail, at";
const PERSON_COLUMNS: &str = "id, name, name_key, role, action, secret_hash, by_person, at";

/// Every table the chain covers, with its hashed columns.
const CHAINED: [(&str, &str); 3] =
    [("entries", ENTRY_COLUMNS), ("events", EVENT_COLUMNS), ("person_events", PERSON_COLUMNS)];

/// The DDL of schema version 4, for a new register (both engines).
const SCHEMA_V4: &str = "
CREATE TABLE entries (
    id BIGINT PRIMARY KEY,
    order_id TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    patient_name TEXT NOT NULL,
    patient_id TEXT NOT NULL,
    cycle BIGINT NOT NULL,
    day1 TEXT,
    doses TEXT NOT NULL,
    nk_count DOUBLE PRECISION,
    nk_state TEXT NOT NULL,
    verifier TEXT,
    verified_at TEXT,
    issued_by TEXT NOT NULL,
    action TEXT NOT NULL,
    at TEXT NOT NULL,
    order_json TEXT NOT NULL,
    revision BIGINT NOT NULL DEFAULT 1,
    lang TEXT NOT NULL DEFAULT 'en',
    subject TEXT NOT NULL DEFAULT '',
    cohort TEXT NOT NULL DEFAULT ''
);
CREATE INDEX entries_at ON entries(at, id);
CREATE TABLE orders (
    order_id TEXT NOT NULL,
    revision BIGINT NOT NULL,
    fingerprint TEXT NOT NULL,
    patient_id TEXT NOT NULL,
    PRIMARY KEY (order_id, revision)
);
";

/// Added by version 4 to every register, new or migrated (both engines).
const SCHEMA_V4_CHAIN: &str = "
CREATE TABLE chain (
    seq BIGINT PRIMARY KEY,
    tbl TEXT NOT NULL,
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL
);
CREATE TABLE events (
    id BIGINT PRIMARY KEY,
    order_id TEXT NOT NULL,
    revision BIGINT NOT NULL,
    step TEXT NOT NULL,
    person TEXT NOT NULL,
    role TEXT NOT NULL,
    ok BIGINT NOT NULL,
    detail TEXT NOT NULL,
    at TEXT NOT NULL
);
CREATE INDEX events_order ON events(order_id, revision);
CREATE TABLE person_events (
    id BIGINT PRIMARY KEY,
    name TEXT NOT NULL,
    name_key TEXT NOT NULL,
    role TEXT NOT NULL,
    action TEXT NOT NULL,
    secret_hash TEXT NOT NULL,
    by_person TEXT NOT NULL,
    at TEXT NOT NULL
);
CREATE INDEX person_events_key ON person_events(name_key, id);
CREATE INDEX entries_subject ON entries(subject, cycle);
";

/// The guard that keeps every record append-only, per engine.
fn append_only_ddl(engine: Engine) -> String {
    let tables = ["entries", "events", "person_events", "chain"];
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
            for t in tables {
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
    /// Records checked.
    pub checked: u64,
    /// The first record that does not match its hash, its place or its predecessor: (sequence, table).
    pub first_bad: Option<(i64, String)>,
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
        let mut register = Register { conn: Conn::Sqlite(conn), path: path.to_owned() };
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
                let mut register = Register { conn, path: shown };
                register.migrate()?;
                Ok(register)
            }
        }
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

    /// Brings the schema to [`SCHEMA_VERSION`] in one transaction that first
    /// takes the write lock (SQLite: BEGIN IMMEDIATE; PostgreSQL: an advisory
    /// lock), so two workstations starting at once migrate once.
    fn migrate(&mut self) -> Result<(), RegisterError> {
        let path = self.path.clone();
        let err = |e: DbError| from_db(&path, e);
        match self.conn.engine() {
            Engine::Sqlite => self.migrate_sqlite(),
            Engine::Postgres => self
                .conn
                .write(|tx| {
                    tx.query("SELECT pg_advisory_xact_lock(7272001)", &[])?;
                    let has_meta = tx
                        .query("SELECT count(*) FROM information_schema.tables WHERE table_name = 'meta' AND table_schema = current_schema()", &[])?
                        .first()
                        .and_then(|r| r[0].int())
                        .unwrap_or(0)
                        > 0;
                    let version = if has_meta {
                        tx.query("SELECT value FROM meta WHERE key = 'schema'", &[])?
                            .first()
                            .and_then(|r| r[0].int())
                            .unwrap_or(0)
                    } else {
                        0
                    };
                    if version > i64::from(SCHEMA_VERSION) {
                        return Err(DbError::Other(format!("newer:{version}")));
                    }
                    if version < 4 {
                        tx.batch("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);")?;
                        tx.batch(SCHEMA_V4)?;
                        tx.batch(SCHEMA_V4_CHAIN)?;
                        tx.batch(patient_index_ddl(Engine::Postgres))?;
                        tx.batch(&append_only_ddl(Engine::Postgres))?;
                        tx.exec("INSERT INTO meta (key, value) VALUES ('schema', $1)", &[SCHEMA_VERSION.to_string().into()])?;
                    }
                    Ok(())
                })
                .map_err(|e| match e {
                    DbError::Other(d) if d.starts_with("newer:") => {
                        RegisterError::Newer(path.clone(), d[6..].parse().unwrap_or(0))
                    }
                    e => err(e),
                }),
        }
    }

    /// SQLite registers carry their version in `PRAGMA user_version`; a register
    /// restored from a dump (version reset to 0) is recognised by its tables.
    fn migrate_sqlite(&mut self) -> Result<(), RegisterError> {
        let path = self.path.clone();
        self.conn
            .write(|tx| {
                let mut version = tx.query("PRAGMA user_version", &[])?.first().and_then(|r| r[0].int()).unwrap_or(0);
                if version > i64::from(SCHEMA_VERSION) {
                    return Err(DbError::Other(format!("newer:{version}")));
                }
                let has = |tx: &mut Tx<'_>, table: &str| -> Result<bool, DbError> {
                    Ok(tx
                        .query("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = $1", &[table.into()])?
                        .first()
                        .and_then(|r| r[0].int())
                        .unwrap_or(0)
                        > 0)
                };
                let column = |tx: &mut Tx<'_>, name: &str| -> Result<bool, DbError> {
                    Ok(tx
                        .query("SELECT count(*) FROM pragma_table_info('entries') WHERE name = $1", &[name.into()])?
                        .first()
                        .and_then(|r| r[0].int())
                        .unwrap_or(0)
                        > 0)
                };
                if version == 0 && has(tx, "entries")? {
                    version = if has(tx, "chain")? {
                        4
                    } else if column(tx, "lang")? {
                        3
                    } else if has(tx, "orders")? {
                        2
                    } else {
                        1
                    };
                }
                if version == 0 {
                    tx.batch(SCHEMA_V4)?;
                } else if version < 4 {
                    // Versions 1-3: the columns later versions added, then the chain over what is there.
                    if !has(tx, "orders")? {
                        tx.batch(
                            "CREATE TABLE orders (order_id TEXT NOT NULL, revision BIGINT NOT NULL,
                                fingerprint TEXT NOT NULL, patient_id TEXT NOT NULL, PRIMARY KEY (order_id, revision));",
                        )?;
                    }
                    for (name, ddl) in [
                        ("revision", "ALTER TABLE entries ADD COLUMN revision BIGINT NOT NULL DEFAULT 1;"),
                        ("lang", "ALTER TABLE entries ADD COLUMN lang TEXT NOT NULL DEFAULT 'en';"),
                        ("subject", "ALTER TABLE entries ADD COLUMN subject TEXT NOT NULL DEFAULT '';"),
                        ("cohort", "ALTER TABLE entries ADD COLUMN cohort TEXT NOT NULL DEFAULT '';"),
                    ] {
                        if !column(tx, name)? {
                            tx.batch(ddl)?;
                        }
                    }
                    tx.batch(
                        "INSERT OR IGNORE INTO orders (order_id, revision, fingerprint, patient_id)
                            SELECT order_id, revision, fingerprint, patient_id FROM entries ORDER BY id;",
                    )?;
                }
                if version < 4 {
                    tx.batch(SCHEMA_V4_CHAIN)?;
                    tx.batch(patient_index_ddl(Engine::Sqlite))?;
                    tx.batch(&append_only_ddl(Engine::Sqlite))?;
                    // Entries recorded before the chain existed are chained now, in their order.
                    let rows = tx.query(&format!("SELECT {ENTRY_COLUMNS} FROM entries ORDER BY id"), &[])?;
                    let mut prev = GENESIS.to_owned();
                    for row in rows {
                        let hash = chain_hash(&prev, "entries", &row);
                        tx.exec(
                            "INSERT INTO chain (seq, tbl, prev_hash, hash) VALUES ($1, 'entries', $2, $3)",
                            &[row[0].clone(), prev.clone().into(), hash.clone().into()],
                        )?;
                        prev = hash;
                    }
                    tx.batch(&format!("PRAGMA user_version = {SCHEMA_VERSION};"))?;
                }
                Ok(())
            })
            .map_err(|e| match e {
                DbError::Other(d) if d.starts_with("newer:") => {
                    RegisterError::Newer(path.clone(), d[6..].parse().unwrap_or(0))
                }
                e => from_db(&path, e),
            })
    }

    /// Appends one record to `tbl` and to the chain, inside `tx`, which already
    /// holds the write lock: the record's id is the chain's next number.
    pub(super) fn append(
        tx: &mut Tx<'_>,
        tbl: &str,
        columns: &str,
        mut values: Vec<Value>,
    ) -> Result<i64, DbError> {
        if tx.engine() == Engine::Postgres {
            tx.query(&format!("SELECT pg_advisory_xact_lock({})", crate::store::db::PG_WRITE_LOCK), &[])?;
        }
        let head = tx.query("SELECT seq, hash FROM chain ORDER BY seq DESC LIMIT 1", &[])?;
        let (seq, prev) = match head.first() {
            Some(r) => (r[0].int().unwrap_or(0), r[1].text().unwrap_or_default()),
            None => (0, GENESIS.to_owned()),
        };
        let id = seq + 1;
        values.insert(0, Value::from(id));
        let placeholders: Vec<String> = (1..=values.len()).map(|i| format!("${i}")).collect();
        tx.exec(&format!("INSERT INTO {tbl} ({columns}) VALUES ({})", placeholders.join(", ")), &values)?;
        // The hash is over the record as stored, read back: what verify will read.
        let stored = tx.query(&format!("SELECT {columns} FROM {tbl} WHERE id = $1"), &[Value::from(id)])?;
        let row = stored.into_iter().next().ok_or_else(|| DbError::Other("record not stored".to_owned()))?;
        let hash = chain_hash(&prev, tbl, &row);
        tx.exec(
            "INSERT INTO chain (seq, tbl, prev_hash, hash) VALUES ($1, $2, $3, $4)",
            &[Value::from(id), tbl.into(), prev.into(), hash.into()],
        )?;
        Ok(id)
    }

    /// Records what was done with `order` (its report recomputed by the caller), in one transaction.
    pub fn record(
        &mut self,
        order: &Order,
        report: &Report,
        action: RegisterAction,
        at: NaiveDateTime,
    ) -> Result<i64, RegisterError> {
        use crate::order::release::Ledger;
        self.in_release(|tx| tx.record(order, report, action, at))
    }

    /// Records many sheets in one transaction (an import, or building a large
    /// register for the benchmark); each is checked and chained as [`Register::record`] does.
    pub fn record_many(
        &mut self,
        items: &[(Order, Report, RegisterAction, NaiveDateTime)],
    ) -> Result<Vec<i64>, RegisterError> {
        let rows = items
            .iter()
            .map(|(o, r, a, at)| self.entry_row(o, r, *a, *at))
            .collect::<Result<Vec<EntryRow>, RegisterError>>()?;
        self.conn.write(|tx| rows.iter().map(|row| Self::record_in(tx, row)).collect()).map_err(|e| match e {
            DbError::Duplicate(k) => RegisterError::DuplicateId(self.path.clone(), k),
            e => from_db(&self.path, e),
        })
    }

    pub(super) fn record_in(tx: &mut Tx<'_>, row: &EntryRow) -> Result<i64, DbError> {
        // One content per order ID and revision: a second, different order under
        // the same ID is refused, never recorded beside the first.
        let stored = tx.query(
            "SELECT fingerprint FROM orders WHERE order_id = $1 AND revision = $2",
            &[row.order_id.clone().into(), row.revision.into()],
        )?;
        match stored.first().and_then(|r| r[0].text()) {
            Some(f) if f != row.fingerprint => return Err(DbError::Duplicate(row.key.clone())),
            Some(_) => {}
            None => {
                tx.exec(
                    "INSERT INTO orders (order_id, revision, fingerprint, patient_id) VALUES ($1, $2, $3, $4)",
                    &[
                        row.order_id.clone().into(),
                        row.revision.into(),
                        row.fingerprint.clone().into(),
                        row.identifier.clone().into(),
                    ],
                )?;
            }
        }
        Self::append(tx, "entries", ENTRY_COLUMNS, row.values.clone())
    }

    /// The values an entry is stored with.
    fn entry_row(
        &self,
        order: &Order,
        report: &Report,
        action: RegisterAction,
        at: NaiveDateTime,
    ) -> Result<EntryRow, RegisterError> {
        Self::entry_row_at(&self.path, order, report, action, at)
    }

    /// [`Register::entry_row`] for a register at `path`.
    pub(super) fn entry_row_at(
        path: &Path,
        order: &Order,
        report: &Report,
        action: RegisterAction,
        at: NaiveDateTime,
    ) -> Result<EntryRow, RegisterError> {
        let other = |e: String| RegisterError::Other(path.to_owned(), e);
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
        let doses_json = serde_json::to_string(&doses).map_err(|e| other(e.to_string()))?;
        let order_json = crate::order::to_bytes(order)
            .map(|b| String::from_utf8_lossy(&b).into_owned())
            .map_err(|e| other(e.to_string()))?;
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
        let values: Vec<Value> = vec![
            order.order_id.clone().into(),
            fingerprint.clone().into(),
            name.into(),
            identifier.clone().into(),
            report.inputs.cycle.into(),
            Value::Text(report.inputs.day1.map(|d| d.format("%Y-%m-%d").to_string())),
            doses_json.into(),
            report.nk.and_then(|n| n.count).into(),
            nk_state.into(),
            Value::Text(order.verification.as_ref().map(|v| v.verifier.clone())),
            Value::Text(order.verification.as_ref().map(|v| iso(v.at))),
            order.issued_by.trim().into(),
            action.key().into(),
            iso(at).into(),
            order_json.into(),
            order.revision.into(),
            order.lang.key().into(),
            order.trial.subject.trim().into(),
            order.trial.cohort.trim().into(),
        ];
        Ok(EntryRow {
            key: format!("{} rev. {}", order.order_id, order.revision),
            order_id: order.order_id.clone(),
            revision: order.revision,
            fingerprint,
            identifier,
            values,
        })
    }

    /// Entries, newest first, a page at a time: the record-number filter is the
    /// start of the number (capitals, as numbers are written), through an index.
    pub fn list(&mut self, filter: &Filter) -> Result<Vec<Entry>, RegisterError> {
        let engine = self.conn.engine();
        let mut sql = format!(
            "SELECT {ENTRY_COLUMNS},
                EXISTS (SELECT 1 FROM orders o WHERE o.order_id = entries.order_id AND o.revision > entries.revision)
             FROM entries WHERE 1 = 1"
        );
        let mut params: Vec<Value> = Vec::new();
        let prefix = search_form(&filter.patient_id).to_uppercase();
        if !prefix.is_empty() {
            // The whole pattern is one parameter, so both engines search the index by the prefix.
            let (pattern, op) = match engine {
                Engine::Sqlite => (format!("{prefix}*"), "GLOB"),
                Engine::Postgres => (format!("{prefix}%"), "LIKE"),
            };
            params.push(pattern.into());
            // Record numbers hold no GLOB or LIKE wildcards ([A-Z0-9 -/.]); others match nothing.
            sql.push_str(&format!(" AND patient_id {op} ${}", params.len()));
            if prefix.chars().any(|c| matches!(c, '*' | '?' | '[' | ']' | '%' | '_' | '\\')) {
                return Ok(Vec::new());
            }
        }
        // Dates are this workstation's days: from its local midnight to the next, as stored (UTC).
        let midnight = |d: chrono::NaiveDate| iso(d.and_time(chrono::NaiveTime::MIN));
        if let Some(d) = filter.date {
            params.push(midnight(d).into());
            params.push(midnight(d + chrono::TimeDelta::days(1)).into());
            let n = params.len();
            sql.push_str(&format!(" AND at >= ${} AND at < ${n}", n - 1));
        }
        if let Some(d) = filter.since {
            params.push(midnight(d).into());
            sql.push_str(&format!(" AND at >= ${}", params.len()));
        }
        let limit = if filter.limit == 0 { i64::MAX / 2 } else { i64::from(filter.limit) };
        params.push(Value::from(limit));
        params.push(Value::from(i64::from(filter.offset)));
        sql.push_str(&format!(
            " ORDER BY at DESC, id DESC LIMIT ${} OFFSET ${}",
            params.len() - 1,
            params.len()
        ));
        let rows = self.conn.query(&sql, &params).map_err(self.db_err())?;
        rows.iter().map(|r| entry_of(r).map_err(|d| RegisterError::Corrupt(self.path.clone(), d))).collect()
    }

    /// One entry by its number.
    pub fn entry(&mut self, id: i64) -> Result<Entry, RegisterError> {
        let sql = format!(
            "SELECT {ENTRY_COLUMNS},
                EXISTS (SELECT 1 FROM orders o WHERE o.order_id = entries.order_id AND o.revision > entries.revision)
             FROM entries WHERE id = $1"
        );
        let rows = self.conn.query(&sql, &[Value::from(id)]).map_err(self.db_err())?;
        let row =
            rows.first().ok_or_else(|| RegisterError::Other(self.path.clone(), format!("no entry {id}")))?;
        entry_of(row).map_err(|d| RegisterError::Corrupt(self.path.clone(), d))
    }

    /// The order stored with entry `id`, checked like an order file.
    pub fn order(&mut self, id: i64) -> Result<Order, RegisterError> {
        let rows = self
            .conn
            .query("SELECT order_json FROM entries WHERE id = $1", &[Value::from(id)])
            .map_err(self.db_err())?;
        let json = rows
            .first()
            .and_then(|r| r[0].text())
            .ok_or_else(|| RegisterError::Other(self.path.clone(), format!("no entry {id}")))?;
        crate::order::parse(json.as_bytes(), &self.path)
            .map_err(|e| RegisterError::Corrupt(self.path.clone(), format!("{e:?}")))
    }

    /// Checks the whole chain: each record's hash over its content as stored now
    /// and the hash before it, in sequence, with nothing missing.
    pub fn verify(&mut self) -> Result<ChainReport, RegisterError> {
        let chain = self
            .conn
            .query("SELECT seq, tbl, prev_hash, hash FROM chain ORDER BY seq", &[])
            .map_err(self.db_err())?;
        let mut rows_of: std::collections::HashMap<String, std::collections::HashMap<i64, Row>> =
            Default::default();
        for (tbl, cols) in CHAINED {
            let rows = self.conn.query(&format!("SELECT {cols} FROM {tbl}"), &[]).map_err(self.db_err())?;
            rows_of.insert(tbl.to_owned(), rows.into_iter().map(|r| (r[0].int().unwrap_or(-1), r)).collect());
        }
        let mut prev = GENESIS.to_owned();
        let mut checked = 0;
        for (expected_seq, link) in (1_i64..).zip(chain.iter()) {
            let seq = link[0].int().unwrap_or(-1);
            let tbl = link[1].text().unwrap_or_default();
            let bad = Some((seq, tbl.clone()));
            let row = rows_of.get_mut(&tbl).and_then(|m| m.remove(&seq));
            let ok = seq == expected_seq
                && link[2].text().as_deref() == Some(prev.as_str())
                && row.as_ref().is_some_and(|r| link[3].text() == Some(chain_hash(&prev, &tbl, r)));
            if !ok {
                return Ok(ChainReport { checked, first_bad: bad });
            }
            prev = link[3].text().unwrap_or_default();
            checked += 1;
        }
        // A record no link covers was added around the chain.
        let stray = rows_of.iter().flat_map(|(t, m)| m.keys().map(move |id| (*id, t.clone()))).min();
        Ok(ChainReport { checked, first_bad: stray })
    }

    // ------------------------------------------------------------ people

    /// True when the register knows people (after `register init`).
    pub fn has_people(&mut self) -> Result<bool, RegisterError> {
        let rows = self.conn.query("SELECT count(*) FROM person_events", &[]).map_err(self.db_err())?;
        Ok(rows.first().and_then(|r| r[0].int()).unwrap_or(0) > 0)
    }

    /// Everyone, as they stand now (the last change of each).
    pub fn people(&mut self) -> Result<Vec<Person>, RegisterError> {
        Ok(self.people_with_secrets()?.into_iter().map(|(p, _)| p).collect())
    }

    fn people_with_secrets(&mut self) -> Result<Vec<(Person, String)>, RegisterError> {
        let rows = self
            .conn
            .query(
                "SELECT p.name, p.role, p.action, p.secret_hash FROM person_events p
                 WHERE p.id = (SELECT max(q.id) FROM person_events q WHERE q.name_key = p.name_key)
                 ORDER BY p.name_key",
                &[],
            )
            .map_err(self.db_err())?;
        Ok(rows
            .iter()
            .filter_map(|r| {
                let role = Role::from_key(&r[1].text()?)?;
                let person = Person { name: r[0].text()?, role, active: r[2].text()? != "disabled" };
                Some((person, r[3].text()?))
            })
            .collect())
    }

    fn person_event(
        &mut self,
        name: &str,
        role: Role,
        action: &str,
        secret_hash: &str,
        by: &str,
        at: NaiveDateTime,
    ) -> Result<(), RegisterError> {
        let values: Vec<Value> = vec![
            name.trim().into(),
            name_key(name).into(),
            role.key().into(),
            action.into(),
            secret_hash.into(),
            by.into(),
            iso(at).into(),
        ];
        self.conn
            .write(|tx| Self::append(tx, "person_events", PERSON_COLUMNS, values))
            .map_err(self.db_err())?;
        Ok(())
    }

    /// Creates the first person, an administrator. Runs once.
    pub fn init(
        &mut self,
        admin: &str,
        secret: &str,
        at: NaiveDateTime,
    ) -> Result<Result<(), PersonProblem>, RegisterError> {
        if self.has_people()? {
            return Ok(Err(PersonProblem::AlreadyInitialised));
        }
        if secret.chars().count() < MIN_SECRET_CHARS {
            return Ok(Err(PersonProblem::WeakSecret));
        }
        let hash = hash_secret(secret).map_err(|e| RegisterError::Other(self.path.clone(), e))?;
        self.person_event(admin, Role::Administrator, "added", &hash, admin.trim(), at)?;
        Ok(Ok(()))
    }

    /// Checks who is acting, with their secret; a wrong secret is recorded (never the secret).
    pub fn authenticate(
        &mut self,
        name: &str,
        secret: &str,
        at: NaiveDateTime,
    ) -> Result<Result<Person, PersonProblem>, RegisterError> {
        let key = name_key(name);
        let found =
            self.people_with_secrets()?.into_iter().find(|(p, _)| name_key(&p.name) == key && p.active);
        let Some((person, hash)) = found else { return Ok(Err(PersonProblem::Unknown)) };
        if secret_matches(secret, &hash) {
            Ok(Ok(person))
        } else {
            self.sign_event("", 0, Step::FailedLogin, &person, false, "wrong secret", at)?;
            Ok(Err(PersonProblem::WrongSecret))
        }
    }

    /// An administrator adds, disables or resets a person.
    pub fn manage_person(
        &mut self,
        admin: &Person,
        name: &str,
        change: PersonChange<'_>,
        at: NaiveDateTime,
    ) -> Result<Result<(), PersonProblem>, RegisterError> {
        if admin.role != Role::Administrator {
            return Ok(Err(PersonProblem::WrongRole(admin.role)));
        }
        let existing =
            self.people_with_secrets()?.into_iter().find(|(p, _)| name_key(&p.name) == name_key(name));
        match (change, existing) {
            (PersonChange::Add(_, _), Some(_)) => Ok(Err(PersonProblem::Exists)),
            (PersonChange::Add(role, secret), None) => {
                if secret.chars().count() < MIN_SECRET_CHARS {
                    return Ok(Err(PersonProblem::WeakSecret));
                }
                let hash = hash_secret(secret).map_err(|e| RegisterError::Other(self.path.clone(), e))?;
                self.person_event(name, role, "added", &hash, &admin.name, at).map(Ok)
            }
            (_, None) => Ok(Err(PersonProblem::Unknown)),
            (PersonChange::Disable, Some((p, hash))) => {
                self.person_event(&p.name, p.role, "disabled", &hash, &admin.name, at).map(Ok)
            }
            (PersonChange::Reset(secret), Some((p, _))) => {
                if secret.chars().count() < MIN_SECRET_CHARS {
                    return Ok(Err(PersonProblem::WeakSecret));
                }
                let hash = hash_secret(secret).map_err(|e| RegisterError::Other(self.path.clone(), e))?;
                self.person_event(&p.name, p.role, "reset", &hash, &admin.name, at).map(Ok)
            }
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn sign_event(
        &mut self,
        order_id: &str,
        revision: u32,
        step: Step,
        person: &Person,
        ok: bool,
        detail: &str,
        at: NaiveDateTime,
    ) -> Result<i64, RegisterError> {
        use crate::order::release::{Ledger, StepToSign};
        let s = StepToSign { order_id, revision, step, person, ok, detail: detail.to_owned(), at };
        self.in_release(|tx| tx.sign(&s))
    }

    /// Records a signed step of an order, after the checks that make it a
    /// signature: the role may sign the step, and nobody signs two checks of
    /// one order or checks an order they issued. A failed check (`ok` false)
    /// is recorded the same way.
    #[allow(clippy::too_many_arguments)]
    pub fn sign(
        &mut self,
        order_id: &str,
        revision: u32,
        step: Step,
        person: &Person,
        ok: bool,
        detail: &str,
        at: NaiveDateTime,
    ) -> Result<Result<i64, PersonProblem>, RegisterError> {
        let chain = if step.is_check() { self.chain_of(order_id)? } else { Vec::new() };
        if let Err(problem) = crate::domain::people::may_sign(step, person, &chain) {
            return Ok(Err(problem));
        }
        self.sign_event(order_id, revision, step, person, ok, detail, at).map(Ok)
    }

    /// Every signed step of an order, oldest first.
    pub fn chain_of(&mut self, order_id: &str) -> Result<Vec<Event>, RegisterError> {
        let rows = self
            .conn
            .query(
                &format!("SELECT {EVENT_COLUMNS} FROM events WHERE order_id = $1 ORDER BY id"),
                &[order_id.into()],
            )
            .map_err(self.db_err())?;
        Ok(rows.iter().filter_map(event_of).collect())
    }

    /// Fills the order's signed steps (of its revision) from the register, for the sheet to print.
    pub fn attach_chain(&mut self, order: &mut Order) {
        if let Ok(chain) = self.chain_of(&order.order_id) {
            order.chain = chain
                .into_iter()
                .filter(|e| e.revision == order.revision)
                .map(|e| crate::order::SignedStep {
                    step: e.step.key().to_owned(),
                    person: e.person,
                    role: e.role,
                    at: e.at,
                    ok: e.ok,
                })
                .collect();
        }
    }

    /// Records the steps an issuing person signs with the sheet: the issue,
    /// each acknowledgement, each override.
    pub fn sign_issue(
        &mut self,
        order: &Order,
        person: &Person,
        at: NaiveDateTime,
    ) -> Result<(), RegisterError> {
        let mut steps: Vec<(Step, String)> = vec![(Step::Issued, String::new())];
        steps.extend(
            order.acknowledged.iter().map(|a| (Step::Acknowledged, format!("{} {}", a.code, a.detail))),
        );
        // An override is signed by whoever gave it, when they gave it (the window signs a
        // prescriber's then); the issuer signs only their own here.
        let mine = |by: &str| name_key(by) == name_key(&person.name);
        steps.extend(
            order
                .overrides
                .iter()
                .filter(|o| mine(&o.by))
                .map(|o| (Step::Override, OverrideDetail::criterion_detail(&o.code, &o.reason))),
        );
        if let Some(o) = order.stagger_override.as_ref().filter(|o| mine(&o.by)) {
            steps.push((Step::Override, OverrideDetail::stagger_detail(&o.reason)));
        }
        for (step, detail) in steps {
            // The faces refuse an override by a role that may not sign one before the sheet leaves;
            // a refusal here would leave that step unsigned, so it is an error, not a skip.
            if let Err(problem) =
                self.sign(&order.order_id, order.revision, step, person, true, &detail, at)?
            {
                return Err(RegisterError::Other(
                    self.path.clone(),
                    format!("{} not signed: {problem:?}", step.key()),
                ));
            }
        }
        Ok(())
    }

    /// Failed logins recorded for a person (for the administrator, and the tests).
    pub fn failed_logins(&mut self, name: &str) -> Result<usize, RegisterError> {
        let rows = self
            .conn
            .query("SELECT person FROM events WHERE step = 'failed-login'", &[])
            .map_err(self.db_err())?;
        Ok(rows.iter().filter(|r| r[0].text().is_some_and(|p| name_key(&p) == name_key(name))).count())
    }

    // ------------------------------------------------------------ the trial's rules across patients

    /// The trial's stagger rule for `order`: when it is a cycle-1 order of a
    /// cohort whose first treatment would start before the previous patient's
    /// window ends, that start and the window; otherwise `None`. Compared as
    /// instants in this workstation's time zone (a start at a local time lived
    /// twice is taken at its earlier instant: the stricter reading).
    pub fn too_early(
        &mut self,
        order: &Order,
        report: &Report,
    ) -> Result<Option<(NaiveDateTime, NextStart)>, RegisterError> {
        let Some(cohort) = crate::stagger::Cohort::from_key(&order.trial.cohort) else { return Ok(None) };
        let Some(start) = report.first_treatment().filter(|_| report.inputs.cycle == 1) else {
            return Ok(None);
        };
        let start_utc = match chrono::Local.from_local_datetime(&start).earliest() {
            Some(t) => t.with_timezone(&chrono::Utc),
            None => crate::stagger::instant_latest(&chrono::Local, start),
        };
        let next = self.next_start(cohort, order.trial.subject.trim())?;
        Ok(next.filter(|n| start_utc < n.earliest_utc).map(|n| (start, n)))
    }

    /// The previous patient (another subject's most recent cycle-1 sheet) and the
    /// earliest the next patient of `cohort` may start.
    pub fn next_start(
        &mut self,
        cohort: crate::stagger::Cohort,
        excluding_subject: &str,
    ) -> Result<Option<NextStart>, RegisterError> {
        use crate::stagger;
        let zone = chrono::Local;
        let rows = self
            .conn
            .query(
                "SELECT subject, day1, order_id, cohort FROM entries
                 WHERE cycle = 1 AND subject <> '' AND subject <> $1 AND day1 IS NOT NULL
                   AND action IN ('exported', 'printed', 'reprinted')
                 ORDER BY day1 DESC, id DESC LIMIT 1",
                &[excluding_subject.trim().into()],
            )
            .map_err(self.db_err())?;
        let Some(r) = rows.first() else { return Ok(None) };
        let (Some(subject), Some(day1), Some(order_id)) = (r[0].text(), r[1].text(), r[2].text()) else {
            return Ok(None);
        };
        let previous_cohort = r[3].text().and_then(|c| stagger::Cohort::from_key(&c));
        let day1 = chrono::NaiveDate::parse_from_str(&day1, "%Y-%m-%d")
            .map_err(|e| RegisterError::Corrupt(self.path.clone(), e.to_string()))?;
        // The last IL-2: Day 6, at the instant recorded when given, else the end of that day.
        let day6 = crate::engine::date_of_day(day1, 6).unwrap_or(day1);
        let recorded = self
            .chain_of(&order_id)?
            .into_iter()
            .filter(|e| e.ok && e.step == Step::Administered)
            .filter_map(|e| Administration::parse(&e.detail))
            .filter(|a| a.drug == "interleukin-2" && a.day == 6)
            .map(|a| a.at)
            .max();
        let previous = stagger::Previous {
            subject,
            cohort: previous_cohort,
            day1,
            last_il2: recorded.unwrap_or_else(|| stagger::end_of_day(&zone, day6)),
            il2_recorded: recorded.is_some(),
        };
        let (earliest_utc, gap) = stagger::earliest_start(&zone, cohort, &previous);
        Ok(Some(NextStart {
            cohort,
            gap,
            earliest_utc,
            earliest: stagger::local(&zone, earliest_utc),
            last_il2_local: stagger::local(&zone, previous.last_il2),
            previous,
        }))
    }

    /// The latest revision of an order the register holds, if any.
    pub fn latest_revision_of(&mut self, order_id: &str) -> Result<Option<u32>, RegisterError> {
        let rows = self
            .conn
            .query("SELECT max(revision) FROM orders WHERE order_id = $1", &[order_id.into()])
            .map_err(self.db_err())?;
        Ok(rows.first().and_then(|r| r[0].int()).and_then(|n| u32::try_from(n).ok()))
    }

    /// The number of the latest entry of an order, if the register holds one.
    pub fn latest_entry_of(&mut self, order_id: &str) -> Result<Option<i64>, RegisterError> {
        let rows = self
            .conn
            .query("SELECT id FROM entries WHERE order_id = $1 ORDER BY id DESC LIMIT 1", &[order_id.into()])
            .map_err(self.db_err())?;
        Ok(rows.first().and_then(|r| r[0].int()))
    }

    /// The Day 1 of an order the register holds (its latest sheet of `revision`),
    /// or `None` when it holds no sheet of that order and revision.
    pub fn day1_of(
        &mut self,
        order_id: &str,
        revision: u32,
    ) -> Result<Option<Option<chrono::NaiveDate>>, RegisterError> {
        let rows = self
            .conn
            .query(
                "SELECT day1 FROM entries WHERE order_id = $1 AND revision = $2 ORDER BY id DESC LIMIT 1",
                &[order_id.into(), i64::from(revision).into()],
            )
            .map_err(self.db_err())?;
        Ok(rows
            .first()
            .map(|r| r[0].text().and_then(|d| chrono::NaiveDate::parse_from_str(&d, "%Y-%m-%d").ok())))
    }
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
    values: Vec<Value>,
}

/// An administrator's change to a person.
#[derive(Debug, Clone, Copy)]
pub enum PersonChange<'a> {
    Add(Role, &'a str),
    Disable,
    Reset(&'a str),
}

/// The hash before the first record.
const GENESIS: &str = "nkact-dose register";

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
