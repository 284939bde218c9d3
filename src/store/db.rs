//! The register's two engines behind one small interface: SQLite (bundled,
//! the embedded default for one workstation) and PostgreSQL (shared by a
//! pharmacy's workstations). SQL is written once with `$1`, `$2` … placeholders
//! and plain types both engines read alike (BIGINT, DOUBLE PRECISION, TEXT);
//! values cross as [`Value`]. Only locking and triggers differ ([`Engine`]).

use std::time::Duration;

/// Which engine a connection talks to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Engine {
    Sqlite,
    Postgres,
}

/// A value bound to, or read from, a statement. Nulls carry their type, as
/// PostgreSQL checks every parameter's type.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Int(Option<i64>),
    Real(Option<f64>),
    Text(Option<String>),
}

impl Value {
    pub fn int(&self) -> Option<i64> {
        match self {
            Value::Int(v) => *v,
            Value::Real(v) => v.map(|f| f as i64),
            Value::Text(t) => t.as_deref().and_then(|t| t.parse().ok()),
        }
    }

    pub fn real(&self) -> Option<f64> {
        match self {
            Value::Real(v) => *v,
            Value::Int(v) => v.map(|i| i as f64),
            Value::Text(t) => t.as_deref().and_then(|t| t.parse().ok()),
        }
    }

    pub fn text(&self) -> Option<String> {
        match self {
            Value::Text(t) => t.clone(),
            Value::Int(v) => v.map(|i| i.to_string()),
            Value::Real(v) => v.map(|f| f.to_string()),
        }
    }

    /// The value as canonical JSON, for the hash chain: the same in both engines.
    pub fn json(&self) -> serde_json::Value {
        match self {
            Value::Int(Some(i)) => serde_json::Value::from(*i),
            Value::Real(Some(f)) => {
                serde_json::Number::from_f64(*f).map_or(serde_json::Value::Null, Into::into)
            }
            Value::Text(Some(t)) => serde_json::Value::from(t.as_str()),
            _ => serde_json::Value::Null,
        }
    }
}

impl From<i64> for Value {
    fn from(v: i64) -> Self {
        Value::Int(Some(v))
    }
}
impl From<u32> for Value {
    fn from(v: u32) -> Self {
        Value::Int(Some(i64::from(v)))
    }
}
impl From<&str> for Value {
    fn from(v: &str) -> Self {
        Value::Text(Some(v.to_owned()))
    }
}
impl From<String> for Value {
    fn from(v: String) -> Self {
        Value::Text(Some(v))
    }
}
impl From<Option<String>> for Value {
    fn from(v: Option<String>) -> Self {
        Value::Text(v)
    }
}
impl From<Option<f64>> for Value {
    fn from(v: Option<f64>) -> Self {
        Value::Real(v)
    }
}

pub type Row = Vec<Value>;

/// What went wrong, classified for the person at the workstation.
#[derive(Debug, Clone, PartialEq)]
pub enum DbError {
    /// Another program holds the database locked, or the server's lock wait ran out.
    Locked,
    /// The database or its folder cannot be written.
    ReadOnly,
    /// Not a register, or damaged.
    Corrupt(String),
    /// The server cannot be reached, refused the connection, went away, or did not answer in time.
    Connection(String),
    /// The server refused the login.
    Login(String),
    /// A unique key was already taken.
    Duplicate(String),
    /// The append-only guard refused a change.
    AppendOnly,
    /// A record that must be signed by someone who has not signed in here (their name).
    NotSignedIn(String),
    /// The link to the server would not be private or its identity is not proven.
    Insecure(String),
    Other(String),
}

/// How long a workstation waits for the server before saying so.
pub const CONNECT_TIMEOUT: Duration = Duration::from_secs(5);
/// The advisory lock every write to a PostgreSQL register takes first.
pub const PG_WRITE_LOCK: i64 = 7_272_002;
/// The longest a statement or a lock may wait on the server.
pub const STATEMENT_TIMEOUT_MS: u32 = 10_000;
/// The longest a workstation waits for any answer from the server (its own statement and
/// lock limits come first on a server that answers; this one catches a server that stopped).
pub const ANSWER_TIMEOUT: Duration = Duration::from_millis(STATEMENT_TIMEOUT_MS as u64 + 5_000);

/// An open connection.
pub enum Conn {
    Sqlite(rusqlite::Connection),
    Postgres(Box<crate::store::pg::PgClient>),
}

/// `$1` … placeholders as SQLite numbers them (`?1` …).
fn sqlite_sql(sql: &str) -> String {
    let mut out = String::with_capacity(sql.len());
    let mut chars = sql.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '$' && chars.peek().is_some_and(char::is_ascii_digit) {
            out.push('?');
        } else {
            out.push(c);
        }
    }
    out
}

fn sqlite_params(values: &[Value]) -> Vec<rusqlite::types::Value> {
    values
        .iter()
        .map(|v| match v {
            Value::Int(Some(i)) => rusqlite::types::Value::Integer(*i),
            Value::Real(Some(f)) => rusqlite::types::Value::Real(*f),
            Value::Text(Some(t)) => rusqlite::types::Value::Text(t.clone()),
            _ => rusqlite::types::Value::Null,
        })
        .collect()
}

fn sqlite_row(r: &rusqlite::Row<'_>, n: usize) -> rusqlite::Result<Row> {
    use rusqlite::types::ValueRef;
    (0..n)
        .map(|i| {
            Ok(match r.get_ref(i)? {
                ValueRef::Null => Value::Text(None),
                ValueRef::Integer(v) => Value::Int(Some(v)),
                ValueRef::Real(v) => Value::Real(Some(v)),
                ValueRef::Text(t) => Value::Text(Some(String::from_utf8_lossy(t).into_owned())),
                ValueRef::Blob(b) => Value::Text(Some(String::from_utf8_lossy(b).into_owned())),
            })
        })
        .collect()
}

fn pg_params(values: &[Value]) -> Vec<Box<dyn tokio_postgres::types::ToSql + Sync>> {
    values
        .iter()
        .map(|v| -> Box<dyn tokio_postgres::types::ToSql + Sync> {
            match v {
                Value::Int(i) => Box::new(*i),
                Value::Real(f) => Box::new(*f),
                Value::Text(t) => Box::new(t.clone()),
            }
        })
        .collect()
}

fn pg_row(r: &tokio_postgres::Row) -> Result<Row, DbError> {
    use tokio_postgres::types::Type;
    let bad = |e: tokio_postgres::Error| DbError::Corrupt(e.to_string());
    (0..r.len())
        .map(|i| {
            let t = r.columns()[i].type_().clone();
            Ok(if t == Type::VOID {
                Value::Text(None)
            } else if t == Type::INT8 {
                Value::Int(r.try_get(i).map_err(bad)?)
            } else if t == Type::INT4 {
                Value::Int(r.try_get::<_, Option<i32>>(i).map_err(bad)?.map(i64::from))
            } else if t == Type::BOOL {
                Value::Int(r.try_get::<_, Option<bool>>(i).map_err(bad)?.map(i64::from))
            } else if t == Type::FLOAT8 {
                Value::Real(r.try_get(i).map_err(bad)?)
            } else {
                Value::Text(r.try_get(i).map_err(bad)?)
            })
        })
        .collect()
}

fn classify_sqlite(e: rusqlite::Error) -> DbError {
    use rusqlite::ErrorCode;
    if let rusqlite::Error::FromSqlConversionFailure(..) | rusqlite::Error::InvalidColumnType(..) = e {
        return DbError::Corrupt(e.to_string());
    }
    let text = e.to_string();
    if text.contains("append-only") {
        return DbError::AppendOnly;
    }
    match e.sqlite_error_code() {
        Some(ErrorCode::DatabaseBusy) | Some(ErrorCode::DatabaseLocked) => DbError::Locked,
        Some(ErrorCode::ReadOnly) | Some(ErrorCode::CannotOpen) | Some(ErrorCode::PermissionDenied) => {
            DbError::ReadOnly
        }
        Some(ErrorCode::NotADatabase) | Some(ErrorCode::DatabaseCorrupt) => DbError::Corrupt(text),
        // Only a key given twice is a duplicate; a trigger or a CHECK that refused is said as it is.
        Some(ErrorCode::ConstraintViolation) => match e {
            rusqlite::Error::SqliteFailure(f, _)
                if f.extended_code == rusqlite::ffi::SQLITE_CONSTRAINT_UNIQUE
                    || f.extended_code == rusqlite::ffi::SQLITE_CONSTRAINT_PRIMARYKEY =>
            {
                DbError::Duplicate(text)
            }
            _ => DbError::Other(text),
        },
        _ => DbError::Other(text),
    }
}

/// Classifies a failure of the PostgreSQL connection.
pub fn classify_pg_error(e: &crate::store::pg::PgError) -> DbError {
    use crate::store::pg::PgError;
    match e {
        PgError::Pg(e) => classify_pg(e),
        PgError::Insecure(d) => DbError::Insecure(d.clone()),
        PgError::Address(d) => DbError::Connection(d.clone()),
        PgError::TimedOut(what) => {
            DbError::Connection(format!("no answer from the server within the time allowed ({what})"))
        }
        PgError::Dead => {
            DbError::Connection("the connection was lost after an earlier wait ran out".to_owned())
        }
    }
}

/// Classifies a PostgreSQL error: a connection that broke or timed out is said so,
/// never reported as a recorded write.
pub fn classify_pg(e: &tokio_postgres::Error) -> DbError {
    use tokio_postgres::error::SqlState;
    let text = e.to_string();
    if let Some(db) = e.as_db_error() {
        let code = db.code();
        let detail = format!("{}: {}", code.code(), db.message());
        if db.message().contains("append-only") {
            return DbError::AppendOnly;
        }
        return if *code == SqlState::INVALID_PASSWORD
            || *code == SqlState::INVALID_AUTHORIZATION_SPECIFICATION
        {
            DbError::Login(detail)
        } else if *code == SqlState::UNIQUE_VIOLATION {
            DbError::Duplicate(detail)
        } else if *code == SqlState::LOCK_NOT_AVAILABLE || *code == SqlState::QUERY_CANCELED {
            DbError::Locked
        } else if code.code().starts_with("08") || code.code().starts_with("57") {
            DbError::Connection(detail)
        } else if *code == SqlState::READ_ONLY_SQL_TRANSACTION || *code == SqlState::INSUFFICIENT_PRIVILEGE {
            DbError::ReadOnly
        } else {
            DbError::Other(detail)
        };
    }
    // Not the server's answer: the connection failed, closed or timed out.
    DbError::Connection(text)
}

impl Conn {
    pub fn engine(&self) -> Engine {
        match self {
            Conn::Sqlite(_) => Engine::Sqlite,
            Conn::Postgres(_) => Engine::Postgres,
        }
    }

    /// Connects to PostgreSQL with TLS as `sslmode` asks (verify-full off this machine) and
    /// bounded waits: the connection, each statement, each lock, and each answer
    /// ([`crate::store::pg`]).
    pub fn postgres(url: &str) -> Result<Conn, DbError> {
        let options = format!(
            "-c statement_timeout={STATEMENT_TIMEOUT_MS} -c lock_timeout={STATEMENT_TIMEOUT_MS} -c idle_in_transaction_session_timeout=60000"
        );
        let client = crate::store::pg::PgClient::connect(url, &options, CONNECT_TIMEOUT, ANSWER_TIMEOUT)
            .map_err(|e| classify_pg_error(&e))?;
        Ok(Conn::Postgres(Box::new(client)))
    }

    /// A plain link to a server that is not this machine (`sslmode=disable` given explicitly).
    pub fn unencrypted_remote(&self) -> bool {
        matches!(self, Conn::Postgres(c) if c.link.unencrypted_remote)
    }

    /// Runs statements with no parameters (DDL), in order.
    pub fn batch(&mut self, sql: &str) -> Result<(), DbError> {
        match self {
            Conn::Sqlite(c) => c.execute_batch(sql).map_err(classify_sqlite),
            Conn::Postgres(c) => c.batch_execute(sql).map_err(|e| classify_pg_error(&e)),
        }
    }

    /// Runs `f` in one transaction that takes the write lock first (SQLite:
    /// BEGIN IMMEDIATE; PostgreSQL: the caller locks what it needs).
    pub fn write<T, E: From<DbError>>(
        &mut self,
        f: impl FnOnce(&mut Tx<'_>) -> Result<T, E>,
    ) -> Result<T, E> {
        match self {
            Conn::Sqlite(c) => {
                let tx = c
                    .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)
                    .map_err(classify_sqlite)
                    .map_err(E::from)?;
                let mut t = Tx::Sqlite(tx);
                let out = f(&mut t)?;
                t.commit()?;
                Ok(out)
            }
            Conn::Postgres(c) => {
                let tx = c.transaction().map_err(|e| E::from(classify_pg_error(&e)))?;
                let mut t = Tx::Postgres(tx);
                let out = f(&mut t)?;
                t.commit()?;
                Ok(out)
            }
        }
    }

    /// How long a SQLite write waits for another workstation's transaction before
    /// saying the register is locked (PostgreSQL: its `lock_timeout`).
    pub fn set_busy_wait(&mut self, wait: std::time::Duration) {
        if let Conn::Sqlite(c) = self {
            let _ = c.busy_timeout(wait);
        }
    }

    /// Reads outside an explicit transaction.
    pub fn query(&mut self, sql: &str, params: &[Value]) -> Result<Vec<Row>, DbError> {
        match self {
            Conn::Sqlite(c) => query_sqlite(c, sql, params),
            Conn::Postgres(c) => {
                let p = pg_params(params);
                let refs: Vec<&(dyn tokio_postgres::types::ToSql + Sync)> =
                    p.iter().map(|b| b.as_ref()).collect();
                let rows = c.query(sql, &refs).map_err(|e| classify_pg_error(&e))?;
                rows.iter().map(pg_row).collect()
            }
        }
    }
}

fn query_sqlite(c: &rusqlite::Connection, sql: &str, params: &[Value]) -> Result<Vec<Row>, DbError> {
    let mut stmt = c.prepare_cached(&sqlite_sql(sql)).map_err(classify_sqlite)?;
    let n = stmt.column_count();
    let p = sqlite_params(params);
    let rows =
        stmt.query_map(rusqlite::params_from_iter(p), |r| sqlite_row(r, n)).map_err(classify_sqlite)?;
    rows.collect::<Result<Vec<Row>, _>>().map_err(classify_sqlite)
}

/// A write transaction.
pub enum Tx<'a> {
    Sqlite(rusqlite::Transaction<'a>),
    Postgres(crate::store::pg::PgTx<'a>),
}

impl Tx<'_> {
    pub fn engine(&self) -> Engine {
        match self {
            Tx::Sqlite(_) => Engine::Sqlite,
            Tx::Postgres(_) => Engine::Postgres,
        }
    }

    pub fn exec(&mut self, sql: &str, params: &[Value]) -> Result<u64, DbError> {
        match self {
            Tx::Sqlite(t) => {
                let p = sqlite_params(params);
                t.execute(&sqlite_sql(sql), rusqlite::params_from_iter(p))
                    .map(|n| n as u64)
                    .map_err(classify_sqlite)
            }
            Tx::Postgres(t) => {
                let p = pg_params(params);
                let refs: Vec<&(dyn tokio_postgres::types::ToSql + Sync)> =
                    p.iter().map(|b| b.as_ref()).collect();
                t.execute(sql, &refs).map_err(|e| classify_pg_error(&e))
            }
        }
    }

    pub fn query(&mut self, sql: &str, params: &[Value]) -> Result<Vec<Row>, DbError> {
        match self {
            Tx::Sqlite(t) => query_sqlite(t, sql, params),
            Tx::Postgres(t) => {
                let p = pg_params(params);
                let refs: Vec<&(dyn tokio_postgres::types::ToSql + Sync)> =
                    p.iter().map(|b| b.as_ref()).collect();
                let rows = t.query(sql, &refs).map_err(|e| classify_pg_error(&e))?;
                rows.iter().map(pg_row).collect()
            }
        }
    }

    pub fn batch(&mut self, sql: &str) -> Result<(), DbError> {
        match self {
            Tx::Sqlite(t) => t.execute_batch(sql).map_err(classify_sqlite),
            Tx::Postgres(t) => t.batch_execute(sql).map_err(|e| classify_pg_error(&e)),
        }
    }

    fn commit(self) -> Result<(), DbError> {
        match self {
            Tx::Sqlite(t) => t.commit().map_err(classify_sqlite),
            Tx::Postgres(t) => t.commit().map_err(|e| classify_pg_error(&e)),
        }
    }
}
