//! Entries: recording sheets (chained), listing and reading them back, and verifying the chain.

#[allow(unused_imports)]
use super::*;

/// The entry's chain link, selected beside it: its previous hash, its hash and table, and the
/// hash of the link before it.
const LINK_OF_ENTRY: &str = "(SELECT c.prev_hash FROM chain c WHERE c.seq = entries.id),
    (SELECT c.hash FROM chain c WHERE c.seq = entries.id),
    (SELECT c.tbl FROM chain c WHERE c.seq = entries.id),
    (SELECT p.hash FROM chain p WHERE p.seq = entries.id - 1)";

/// An entry read with its link (`LINK_OF_ENTRY` after the superseded flag), and whether its
/// record still matches the link: the same check as `verify`, for this one record.
fn entry_checked(r: &Row) -> Result<Entry, String> {
    let mut entry = entry_of(r)?;
    let n = ENTRY_COLUMNS.split(',').count();
    let text = |i: usize| r.get(i).and_then(Value::text);
    let before = if entry.id == 1 { Some(GENESIS.to_owned()) } else { text(n + 4) };
    entry.intact = match (text(n + 1), text(n + 2), text(n + 3), before, r.get(..n)) {
        (Some(prev), Some(hash), Some(tbl), Some(before), Some(row)) => {
            tbl == "entries" && prev == before && hash == chain_hash(&prev, "entries", row)
        }
        _ => false,
    };
    Ok(entry)
}

impl Register {
    /// Appends one record to `tbl` and to the chain, inside `tx`, which already
    /// holds the write lock: the record's id is the chain's next number.
    pub(in crate::store) fn append(
        tx: &mut Tx<'_>,
        tbl: &str,
        columns: &str,
        mut values: Vec<Value>,
        signer: Option<&keys::Signer>,
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
        let signature = signer.map(|s| keys::sign(&s.key, id, tbl, &hash)).unwrap_or_default();
        let name = signer.map(|s| s.name.trim().to_owned()).unwrap_or_default();
        tx.exec(
            "INSERT INTO chain (seq, tbl, prev_hash, hash, signature, signer) VALUES ($1, $2, $3, $4, $5, $6)",
            &[Value::from(id), tbl.into(), prev.into(), hash.into(), signature.into(), name.into()],
        )?;
        Ok(id)
    }

    /// The key that signs a record made by `name`: none in a register where nobody has a key
    /// (no people, or none enrolled since signatures began); otherwise the key `name` opened
    /// when they signed in here, and a refusal when they did not.
    pub(in crate::store) fn key_for(
        tx: &mut Tx<'_>,
        path: &Path,
        name: &str,
    ) -> Result<Option<keys::Signer>, DbError> {
        let signed =
            tx.query("SELECT count(*) FROM keys", &[])?.first().and_then(|r| r[0].int()).unwrap_or(0) > 0;
        if !signed {
            return Ok(None);
        }
        keys::signer(path, name)
            .map(|key| Some(keys::Signer { key, name: name.trim().to_owned() }))
            .ok_or_else(|| DbError::NotSignedIn(name.trim().to_owned()))
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

    /// Records what was done with `order`, signed by `by` (who signed in here) rather than its
    /// issuer: a failed double-check is the checker's record.
    pub fn record_by(
        &mut self,
        order: &Order,
        report: &Report,
        action: RegisterAction,
        at: NaiveDateTime,
        by: &str,
    ) -> Result<i64, RegisterError> {
        let mut row = self.entry_row(order, report, action, at)?;
        row.signer = by.to_owned();
        let path = self.path.clone();
        self.conn.write(|tx| Self::record_in(tx, &path, &row)).map_err(|e| from_db(&path, e))
    }

    /// Reprints a recorded order in one transaction: the sheet learns where it will be
    /// recorded (the next record after the head), `deliver` writes or prints it, and the
    /// reprint is recorded, signed by `by` (who signed in here) in a register that knows
    /// people. Nothing is recorded when `deliver` fails; its error is returned as is.
    pub fn reprint<E>(
        &mut self,
        order: &Order,
        report: &Report,
        by: Option<&Person>,
        at: NaiveDateTime,
        deliver: impl FnOnce(&Order) -> Result<(), E>,
    ) -> Result<Result<i64, E>, RegisterError> {
        let mut row = self.entry_row(order, report, RegisterAction::Reprinted, at)?;
        if let Some(p) = by {
            row.signer = p.name.clone();
        }
        let path = self.path.clone();
        let mut order = order.clone();
        let mut failed: Option<E> = None;
        let unencrypted = self.conn.unencrypted_remote();
        let out = self.conn.write(|tx| -> Result<Option<i64>, DbError> {
            if tx.engine() == Engine::Postgres {
                tx.query(&format!("SELECT pg_advisory_xact_lock({})", crate::store::db::PG_WRITE_LOCK), &[])?;
            }
            let head = tx.query("SELECT seq, hash FROM chain ORDER BY seq DESC LIMIT 1", &[])?;
            let (seq, hash) = head
                .first()
                .and_then(|r| Some((r[0].int()?, r[1].text()?)))
                .unwrap_or_else(|| (0, GENESIS.to_owned()));
            // Refused before anything leaves when the person may not sign here.
            Self::key_for(tx, &path, &row.signer)?;
            order.anchor =
                Some(crate::order::seal::Anchor { seq: seq + 1, head: hash, unencrypted_link: unencrypted });
            if let Err(e) = deliver(&order) {
                failed = Some(e);
                return Err(DbError::Other("not delivered".to_owned()));
            }
            Self::record_in(tx, &path, &row).map(Some)
        });
        match (out, failed) {
            (_, Some(e)) => Ok(Err(e)),
            (Ok(Some(id)), None) => Ok(Ok(id)),
            (Ok(None), None) => Err(RegisterError::Other(path, "not recorded".to_owned())),
            (Err(e), None) => Err(from_db(&path, e)),
        }
    }

    /// The stored order of entry `id`, with its signed steps, to print again; `Ok(Err(id))`
    /// when the record no longer matches its chain link (changed outside the program): it is
    /// neither reprinted nor reopened (issue 20).
    pub fn order_to_reprint(&mut self, id: i64) -> Result<Result<Order, i64>, RegisterError> {
        if !self.entry(id)?.intact {
            return Ok(Err(id));
        }
        let mut order = self.order(id)?;
        self.attach_chain(&mut order);
        Ok(Ok(order))
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
        let path = self.path.clone();
        self.conn.write(|tx| rows.iter().map(|row| Self::record_in(tx, &path, row)).collect()).map_err(|e| {
            match e {
                DbError::Duplicate(k) => RegisterError::DuplicateId(self.path.clone(), k),
                e => from_db(&self.path, e),
            }
        })
    }

    pub(in crate::store) fn record_in(tx: &mut Tx<'_>, path: &Path, row: &EntryRow) -> Result<i64, DbError> {
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
        let key = Self::key_for(tx, path, &row.signer)?;
        Self::append(tx, "entries", ENTRY_COLUMNS, row.values.clone(), key.as_ref())
    }

    /// The values an entry is stored with.
    pub(super) fn entry_row(
        &self,
        order: &Order,
        report: &Report,
        action: RegisterAction,
        at: NaiveDateTime,
    ) -> Result<EntryRow, RegisterError> {
        Self::entry_row_at(&self.path, order, report, action, at)
    }

    /// [`Register::entry_row`] for a register at `path`.
    pub(in crate::store) fn entry_row_at(
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
            signer: order.issued_by.clone(),
            values,
        })
    }

    /// Entries, newest first, a page at a time: the record-number filter is the
    /// start of the number (capitals, as numbers are written), through an index.
    pub fn list(&mut self, filter: &Filter) -> Result<Vec<Entry>, RegisterError> {
        let engine = self.conn.engine();
        let mut sql = format!(
            "SELECT {ENTRY_COLUMNS},
                EXISTS (SELECT 1 FROM entries o WHERE o.order_id = entries.order_id AND o.revision > entries.revision),
                {LINK_OF_ENTRY}
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
        rows.iter()
            .map(|r| entry_checked(r).map_err(|d| RegisterError::Corrupt(self.path.clone(), d)))
            .collect()
    }

    /// One entry by its number.
    pub fn entry(&mut self, id: i64) -> Result<Entry, RegisterError> {
        let sql = format!(
            "SELECT {ENTRY_COLUMNS},
                EXISTS (SELECT 1 FROM entries o WHERE o.order_id = entries.order_id AND o.revision > entries.revision),
                {LINK_OF_ENTRY}
             FROM entries WHERE id = $1"
        );
        let rows = self.conn.query(&sql, &[Value::from(id)]).map_err(self.db_err())?;
        let row =
            rows.first().ok_or_else(|| RegisterError::Other(self.path.clone(), format!("no entry {id}")))?;
        entry_checked(row).map_err(|d| RegisterError::Corrupt(self.path.clone(), d))
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
        // A page of links at a time with the records they cover: memory stays flat however
        // large the register (issue 20: 3.98 GB at 1 000 000 entries when read whole), and
        // every break is listed, each link checked against the hash stored before it so one
        // edit is one break, not a cascade.
        const PAGE: i64 = 5_000;
        let (mut prev, mut expected, mut checked) = (GENESIS.to_owned(), 1_i64, 0_u64);
        let mut bad: Vec<(i64, String)> = Vec::new();
        let mut trust = trust::Trust::default();
        let mut head = (0_i64, GENESIS.to_owned());
        loop {
            let links = self
                .conn
                .query(
                    "SELECT seq, tbl, prev_hash, hash, signature, signer FROM chain WHERE seq >= $1 ORDER BY seq LIMIT $2",
                    &[Value::from(expected), Value::from(PAGE)],
                )
                .map_err(self.db_err())?;
            let (Some(lo), Some(hi)) =
                (links.first().and_then(|l| l[0].int()), links.last().and_then(|l| l[0].int()))
            else {
                break;
            };
            let mut rows_of = self.records_between(lo.min(expected), hi)?;
            for link in &links {
                let seq = link[0].int().unwrap_or(-1);
                let tbl = link[1].text().unwrap_or_default();
                // Links missing before this one: records removed with their links.
                bad.extend((expected..seq).map(|s| (s, "chain".to_owned())));
                let row = rows_of.get_mut(&tbl).and_then(|m| m.remove(&seq));
                let hash = link[3].text().unwrap_or_default();
                let ok = link[2].text().as_deref() == Some(prev.as_str())
                    && row.as_ref().is_some_and(|r| hash == chain_hash(&prev, &tbl, r));
                // Who may have made it: the signature its record needs, by a key the chain enrolled.
                let signature = link[4].text().unwrap_or_default();
                let signer = link[5].text().unwrap_or_default();
                let signed =
                    row.as_ref().is_some_and(|r| trust.check(seq, &tbl, &hash, &signature, &signer, r));
                if !ok {
                    bad.push((seq, tbl));
                } else if !signed {
                    bad.push((seq, format!("{tbl}: signature")));
                }
                prev = hash.clone();
                head = (seq, hash);
                expected = seq + 1;
                checked += 1;
            }
            // A record no link covers was added around the chain.
            bad.extend(rows_of.into_iter().flat_map(|(t, m)| m.into_keys().map(move |id| (id, t.clone()))));
        }
        for (tbl, _) in CHAINED {
            let rows = self
                .conn
                .query(&format!("SELECT id FROM {tbl} WHERE id >= $1 ORDER BY id"), &[Value::from(expected)])
                .map_err(self.db_err())?;
            bad.extend(rows.iter().filter_map(|r| r[0].int()).map(|id| (id, tbl.to_owned())));
        }
        // The recall index holds exactly the keys of the signed steps (issue 21): a row removed
        // would hide a bag from `trace --lot`, a row added would point elsewhere.
        bad.extend(self.trace_index_breaks()?);
        bad.sort();
        bad.dedup();
        Ok(ChainReport {
            checked,
            first_bad: bad.first().cloned(),
            bad,
            head,
            root: trust.root,
            unsigned: trust.unsigned,
        })
    }

    /// The chained records with ids from `lo` to `hi`, by table and id.
    fn records_between(
        &mut self,
        lo: i64,
        hi: i64,
    ) -> Result<std::collections::HashMap<String, std::collections::HashMap<i64, Row>>, RegisterError> {
        let mut rows_of = std::collections::HashMap::new();
        for (tbl, cols) in CHAINED {
            let rows = self
                .conn
                .query(
                    &format!("SELECT {cols} FROM {tbl} WHERE id >= $1 AND id <= $2"),
                    &[Value::from(lo), Value::from(hi)],
                )
                .map_err(self.db_err())?;
            rows_of.insert(tbl.to_owned(), rows.into_iter().map(|r| (r[0].int().unwrap_or(-1), r)).collect());
        }
        Ok(rows_of)
    }

    /// The earliest start of the next patient of `cohort` after the latest patient who is
    /// not `excluding_subject` (empty: anyone), as the release workflow decides it.
    pub fn next_start(
        &mut self,
        cohort: crate::stagger::Cohort,
        excluding_subject: &str,
    ) -> Result<Option<NextStart>, RegisterError> {
        use crate::order::release::Ledger;
        let sheet = self.in_release(|tx| tx.previous_sheet(excluding_subject.trim(), "", None))?;
        Ok(sheet.map(|s| crate::stagger::next_start(&chrono::Local, cohort, &s)))
    }

    /// The latest revision of an order the register holds, if any.
    pub fn latest_revision_of(&mut self, order_id: &str) -> Result<Option<u32>, RegisterError> {
        let rows = self
            .conn
            .query("SELECT max(revision) FROM entries WHERE order_id = $1", &[order_id.into()])
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
