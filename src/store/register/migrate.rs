//! The schema: created on first open, migrated from every older version in one transaction.

#[allow(unused_imports)]
use super::*;

/// The indexes the release workflow's lookups use (issue 20: the previous patient was a
/// full scan, 0.9–2.4 s at 1 000 000 entries): cycle-1 sheets by Day 1, sheets that named a
/// cohort, and subjects whatever their case. Created on open when missing, on both engines.
const LOOKUP_INDEXES: &str = "
CREATE INDEX IF NOT EXISTS entries_cycle_day1 ON entries(cycle, day1, id);
CREATE INDEX IF NOT EXISTS entries_cohort ON entries(cohort);
CREATE INDEX IF NOT EXISTS entries_subject_upper ON entries(upper(subject));
";

impl Register {
    /// Brings the schema to [`SCHEMA_VERSION`] in one transaction that first
    /// takes the write lock (SQLite: BEGIN IMMEDIATE; PostgreSQL: an advisory
    /// lock), so two workstations starting at once migrate once.
    pub(super) fn migrate(&mut self) -> Result<(), RegisterError> {
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
                        tx.batch(SCHEMA_V5)?;
                        tx.batch(patient_index_ddl(Engine::Postgres))?;
                        tx.batch(&append_only_ddl(Engine::Postgres))?;
                        tx.exec("INSERT INTO meta (key, value) VALUES ('schema', $1)", &[SCHEMA_VERSION.to_string().into()])?;
                    } else if version < 5 {
                        tx.batch(SCHEMA_V5)?;
                        tx.batch(&append_only_ddl_for(Engine::Postgres, &["keys"]))?;
                        tx.exec("UPDATE meta SET value = $1 WHERE key = 'schema'", &[SCHEMA_VERSION.to_string().into()])?;
                    }
                    // Only when missing: creating an index locks the table against writes.
                    let present = tx
                        .query("SELECT count(*) FROM pg_indexes WHERE indexname = 'entries_cycle_day1' AND schemaname = current_schema()", &[])?
                        .first()
                        .and_then(|r| r[0].int())
                        .unwrap_or(0);
                    if present == 0 {
                        tx.batch(LOOKUP_INDEXES)?;
                    }
                    Register::ensure_trace_index(tx)?;
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
    /// One step per old version, in order, in one transaction: kept together so the
    /// path from any version to the current one reads top to bottom.
    pub(super) fn migrate_sqlite(&mut self) -> Result<(), RegisterError> {
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
                    version = if has(tx, "keys")? {
                        5
                    } else if has(tx, "chain")? {
                        4
                    } else if column(tx, "lang")? {
                        3
                    } else if has(tx, "orders")? {
                        2
                    } else {
                        1
                    };
                }
                // A version this program never wrote, or one whose tables are not there: said as
                // such, never a raw SQL error from a migration that cannot apply (issue 20).
                if version < 0 || (version > 0 && !has(tx, "entries")?) {
                    return Err(DbError::Corrupt(format!("schema version {version} without the register's tables")));
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
                }
                if version < 5 {
                    // Version 5: signing keys, and every link's signature (none on older links).
                    tx.batch(SCHEMA_V5)?;
                    tx.batch(&append_only_ddl(Engine::Sqlite))?;
                    tx.batch(&format!("PRAGMA user_version = {SCHEMA_VERSION};"))?;
                }
                tx.batch(LOOKUP_INDEXES)?;
                Register::ensure_trace_index(tx)?;
                Ok(())
            })
            .map_err(|e| match e {
                DbError::Other(d) if d.starts_with("newer:") => {
                    RegisterError::Newer(path.clone(), d[6..].parse().unwrap_or(0))
                }
                e => from_db(&path, e),
            })
    }
}
