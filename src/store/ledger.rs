//! The register as the release workflow's ledger ([`crate::order::release`]):
//! one write transaction per release, serialised across workstations (SQLite
//! `BEGIN IMMEDIATE` takes the database's write lock; PostgreSQL takes the
//! register's advisory lock first), and the reads and writes the workflow asks
//! for inside it. It stores and fetches; the workflow decides.

use std::path::Path;

use chrono::NaiveDateTime;

use crate::domain::people::{Administration, Event, Step};
use crate::engine::Report;
use crate::order::Order;
use crate::order::release::{Ledger, LedgerTx, RegisterAction, StepToSign};
use crate::stagger::{Cohort, PreviousSheet};
use crate::store::db::{DbError, Engine, Tx, Value};
use crate::store::register::{EVENT_COLUMNS, Register, RegisterError, event_of, from_db};

/// The longest a release waits for the releases before it (SQLite; PostgreSQL waits
/// up to its `lock_timeout`, [`crate::store::db::STATEMENT_TIMEOUT_MS`]).
pub const RELEASE_WAIT: std::time::Duration = std::time::Duration::from_secs(30);

enum TxError<X> {
    Db(DbError),
    Work(X),
}

impl<X> From<DbError> for TxError<X> {
    fn from(e: DbError) -> Self {
        TxError::Db(e)
    }
}

impl Ledger for Register {
    type Error = RegisterError;

    fn in_release<T, X: From<RegisterError>>(
        &mut self,
        work: impl FnOnce(&mut dyn LedgerTx<Error = RegisterError>) -> Result<T, X>,
    ) -> Result<T, X> {
        let path = self.path().to_owned();
        // Releases queue behind each other: twenty workstations releasing at once each wait
        // their turn (a release holds the lock for the time of one sheet) rather than fail.
        self.conn_mut().set_busy_wait(RELEASE_WAIT);
        let unencrypted = self.conn_mut().unencrypted_remote();
        let out = self.conn_mut().write(|tx| -> Result<T, TxError<X>> {
            if tx.engine() == Engine::Postgres {
                tx.query(&format!("SELECT pg_advisory_xact_lock({})", crate::store::db::PG_WRITE_LOCK), &[])?;
            }
            let mut ledger = ReleaseTx { tx, path: &path, unencrypted };
            work(&mut ledger).map_err(TxError::Work)
        });
        self.conn_mut().set_busy_wait(crate::store::register::BUSY_WAIT);
        match out {
            Ok(t) => Ok(t),
            Err(TxError::Db(e)) => Err(X::from(from_db(&path, e))),
            Err(TxError::Work(x)) => Err(x),
        }
    }
}

struct ReleaseTx<'t, 'c> {
    tx: &'t mut Tx<'c>,
    path: &'t Path,
    unencrypted: bool,
}

impl ReleaseTx<'_, '_> {
    fn rows(&mut self, sql: &str, params: &[Value]) -> Result<Vec<crate::store::db::Row>, RegisterError> {
        let path = self.path;
        self.tx.query(sql, params).map_err(|e| from_db(path, e))
    }
}

impl LedgerTx for ReleaseTx<'_, '_> {
    type Error = RegisterError;

    fn has_people(&mut self) -> Result<bool, RegisterError> {
        let rows = self.rows("SELECT EXISTS (SELECT 1 FROM person_events)", &[])?;
        Ok(rows.first().and_then(|r| r[0].int()).unwrap_or(0) != 0)
    }

    fn follows_trial(&mut self) -> Result<bool, RegisterError> {
        let rows = self.rows(
            "SELECT EXISTS (SELECT 1 FROM person_events) OR EXISTS (SELECT 1 FROM entries WHERE cohort > '')",
            &[],
        )?;
        Ok(rows.first().and_then(|r| r[0].int()).unwrap_or(0) != 0)
    }

    fn pairings(&mut self, subject: &str, record: &str) -> Result<Vec<(String, String)>, RegisterError> {
        let rows = self.rows(
            "SELECT DISTINCT subject, patient_id FROM entries
             WHERE (upper(subject) = upper($1) AND subject <> '') OR patient_id = $2",
            &[subject.trim().into(), record.into()],
        )?;
        Ok(rows.iter().filter_map(|r| Some((r[0].text()?, r[1].text()?))).collect())
    }

    fn has_cycle1(&mut self, subject: &str, record: &str) -> Result<bool, RegisterError> {
        let rows = self.rows(
            "SELECT EXISTS (SELECT 1 FROM entries WHERE cycle = 1 AND upper(subject) = upper($1) AND patient_id = $2
                AND action IN ('exported', 'printed', 'reprinted'))",
            &[subject.trim().into(), record.into()],
        )?;
        Ok(rows.first().and_then(|r| r[0].int()).unwrap_or(0) != 0)
    }

    fn previous_sheet(
        &mut self,
        subject: &str,
        record: &str,
        day1_at_most: Option<chrono::NaiveDate>,
    ) -> Result<Option<PreviousSheet>, RegisterError> {
        let limit =
            day1_at_most.map(|d| d.format("%Y-%m-%d").to_string()).unwrap_or_else(|| "9999-12-31".to_owned());
        let rows = self.rows(
            "SELECT subject, patient_id, day1, order_id, cohort FROM entries
             WHERE cycle = 1 AND day1 IS NOT NULL AND day1 <= $3
               AND NOT (upper(subject) = upper($1) AND ($2 = '' OR patient_id = $2))
               AND action IN ('exported', 'printed', 'reprinted')
             ORDER BY day1 DESC, id DESC LIMIT 1",
            &[subject.trim().into(), record.into(), limit.into()],
        )?;
        let Some(r) = rows.first() else { return Ok(None) };
        let (Some(subject), Some(record), Some(day1), Some(order_id)) =
            (r[0].text(), r[1].text(), r[2].text(), r[3].text())
        else {
            return Ok(None);
        };
        let cohort = r[4].text().and_then(|c| Cohort::from_key(&c));
        let day1 = chrono::NaiveDate::parse_from_str(&day1, "%Y-%m-%d")
            .map_err(|e| RegisterError::Corrupt(self.path.to_owned(), e.to_string()))?;
        let administrations = self
            .chain_of(&order_id)?
            .into_iter()
            .filter(|e| e.ok && e.step == Step::Administered)
            .filter_map(|e| Administration::parse(&e.detail))
            .collect();
        Ok(Some(PreviousSheet { subject, record, cohort, day1, administrations }))
    }

    fn unencrypted_link(&self) -> bool {
        self.unencrypted
    }

    fn head(&mut self) -> Result<(i64, String), RegisterError> {
        let rows = self.rows("SELECT seq, hash FROM chain ORDER BY seq DESC LIMIT 1", &[])?;
        Ok(rows
            .first()
            .and_then(|r| Some((r[0].int()?, r[1].text()?)))
            .unwrap_or_else(|| (0, crate::store::register::GENESIS.to_owned())))
    }

    fn chain_of(&mut self, order_id: &str) -> Result<Vec<Event>, RegisterError> {
        let rows = self.rows(
            &format!("SELECT {EVENT_COLUMNS} FROM events WHERE order_id = $1 ORDER BY id"),
            &[order_id.into()],
        )?;
        Ok(rows.iter().filter_map(event_of).collect())
    }

    fn record(
        &mut self,
        order: &Order,
        report: &Report,
        action: RegisterAction,
        at: NaiveDateTime,
    ) -> Result<i64, RegisterError> {
        let row = Register::entry_row_at(self.path, order, report, action, at)?;
        let path = self.path;
        Register::record_in(self.tx, path, &row).map_err(|e| match e {
            DbError::Duplicate(_) => RegisterError::DuplicateId(path.to_owned(), row.key.clone()),
            e => from_db(path, e),
        })
    }

    fn sign(&mut self, s: &StepToSign<'_>) -> Result<i64, RegisterError> {
        let path = self.path;
        crate::store::register::sign_step_in(self.tx, path, s).map_err(|e| from_db(path, e))
    }
}
