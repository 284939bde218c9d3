//! The product after release (issue 21): labels, the NK product's receipt and the bedside
//! administration signed in one transaction each, after the order layer's rule decided
//! ([`crate::order::bedside`]); and the trace: every patient, order and bag that received a
//! lot, and everything done with an NK product.
//!
//! The trace is found through `trace_keys`, an index of lots and NK product IDs written in
//! the same transaction as the signed step that holds them (and built from the steps when a
//! register first gains it). The index only points: what a trace says is read back from the
//! chained, signed step, and a row pointing to a step that does not hold the key shows nothing.

#[allow(unused_imports)]
use super::*;

use crate::order::bedside::{self, BedsideFacts, BedsideRefusal, BedsideScan, Given, Held, Receipt};

/// The index of lots and NK products (both engines); created when missing.
const TRACE_DDL: &str = "
CREATE TABLE IF NOT EXISTS trace_keys (kind TEXT NOT NULL, key TEXT NOT NULL, event_id BIGINT NOT NULL);
CREATE INDEX IF NOT EXISTS trace_keys_key ON trace_keys(kind, key);
";

/// The keys a signed step is found by: each vial's lot of a preparation, the product of
/// an NK receipt. Upper case, trimmed: a recall matches however the lot was typed.
pub(super) fn trace_keys_of(step: &str, detail: &str) -> Vec<(&'static str, String)> {
    let key = |s: &str| s.trim().to_uppercase();
    match step {
        "prepared" => serde_json::from_str::<serde_json::Value>(detail)
            .ok()
            .and_then(|v| v.get("vials").and_then(|v| v.as_array()).cloned())
            .unwrap_or_default()
            .iter()
            .filter_map(|v| v.get("lot").and_then(|l| l.as_str()).map(|l| ("lot", key(l))))
            .collect(),
        "received" => serde_json::from_str::<Receipt>(detail)
            .map(|r| vec![("nk-product", key(&r.product))])
            .unwrap_or_default(),
        _ => Vec::new(),
    }
}

/// One bag that received a lot.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct LotUse {
    pub lot: String,
    pub expiry: String,
    pub gtin: Option<String>,
    pub patient_name: String,
    pub record: String,
    pub subject: String,
    pub order_id: String,
    pub revision: u32,
    pub bag: Option<u32>,
    pub drug: Option<String>,
    pub prepared_at: NaiveDateTime,
    pub prepared_by: String,
    /// When and by whom the bag was given, if it was.
    pub given: Vec<(NaiveDateTime, String)>,
}

/// Everything done with an NK product.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct NkTrace {
    pub product: String,
    pub bag: String,
    pub patient_name: String,
    pub record: String,
    pub subject: String,
    pub order_id: String,
    pub revision: u32,
    /// Every signed step of the order, oldest first: (time, step, signer, role, detail).
    pub steps: Vec<TraceStep>,
}

#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct TraceStep {
    pub at: NaiveDateTime,
    pub step: String,
    pub revision: u32,
    pub person: String,
    pub role: String,
    pub ok: bool,
    pub detail: String,
}

/// Why an administration was not signed.
#[derive(Debug, Clone, PartialEq)]
pub enum NotGiven {
    /// The bedside check refused (every reason; all overridable ones when an override could pass).
    Bedside(Vec<BedsideRefusal>),
    /// The nurse, or the prescriber who overrides, may not sign this (the person's name).
    Person(PersonProblem, String),
}

/// Overrides given, counted by what they overrode.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct OverrideCount {
    pub kind: String,
    pub count: usize,
}

fn order_in(
    tx: &mut Tx<'_>,
    path: &Path,
    order_id: &str,
    revision: Option<u32>,
) -> Result<Option<Held>, DbError> {
    let rows = match revision {
        Some(r) => tx.query(
            "SELECT order_json FROM entries WHERE order_id = $1 AND revision = $2 ORDER BY id DESC LIMIT 1",
            &[order_id.into(), i64::from(r).into()],
        )?,
        None => tx.query(
            "SELECT order_json FROM entries WHERE order_id = $1 ORDER BY revision DESC, id DESC LIMIT 1",
            &[order_id.into()],
        )?,
    };
    let Some(json) = rows.first().and_then(|r| r[0].text()) else { return Ok(None) };
    let order = crate::order::parse(json.as_bytes(), path).map_err(|e| DbError::Corrupt(format!("{e:?}")))?;
    let report =
        order.report().map_err(|_| DbError::Corrupt(format!("order {order_id} does not calculate")))?;
    Ok(Some(Held { order, report }))
}

fn chain_in(tx: &mut Tx<'_>, order_id: &str) -> Result<Vec<Event>, DbError> {
    let rows = tx.query(
        &format!("SELECT {EVENT_COLUMNS} FROM events WHERE order_id = $1 ORDER BY id"),
        &[order_id.into()],
    )?;
    Ok(rows.iter().filter_map(event_of).collect())
}

/// Appends a signed step (passed) and its trace keys, inside `tx`.
#[allow(clippy::too_many_arguments)]
fn sign_in(
    tx: &mut Tx<'_>,
    path: &Path,
    order_id: &str,
    revision: u32,
    step: Step,
    person: &Person,
    detail: &str,
    at: NaiveDateTime,
) -> Result<i64, DbError> {
    let s = crate::order::release::StepToSign {
        order_id,
        revision,
        step,
        person,
        ok: true,
        detail: detail.to_owned(),
        at,
    };
    sign_step_in(tx, path, &s)
}

/// Appends one signed step and its trace keys, inside `tx`: the one writer of `events` rows
/// (the release workflow's steps, the product's steps, the bedside's).
pub(in crate::store) fn sign_step_in(
    tx: &mut Tx<'_>,
    path: &Path,
    s: &crate::order::release::StepToSign<'_>,
) -> Result<i64, DbError> {
    let values: Vec<Value> = vec![
        s.order_id.into(),
        s.revision.into(),
        s.step.key().into(),
        s.person.name.clone().into(),
        s.person.role.key().into(),
        Value::from(i64::from(s.ok)),
        s.detail.as_str().into(),
        iso(s.at).into(),
    ];
    let key = Register::key_for(tx, path, &s.person.name)?;
    let id = Register::append(tx, "events", EVENT_COLUMNS, values, key.as_ref())?;
    index_step(tx, id, s.step.key(), &s.detail)?;
    Ok(id)
}

/// Writes the trace keys of step `id`.
pub(in crate::store) fn index_step(
    tx: &mut Tx<'_>,
    id: i64,
    step: &str,
    detail: &str,
) -> Result<(), DbError> {
    for (kind, key) in trace_keys_of(step, detail) {
        tx.exec(
            "INSERT INTO trace_keys (kind, key, event_id) VALUES ($1, $2, $3)",
            &[kind.into(), key.into(), Value::from(id)],
        )?;
    }
    Ok(())
}

impl Register {
    /// Creates the trace index when the register lacks it, from the steps it holds.
    pub(super) fn ensure_trace_index(tx: &mut Tx<'_>) -> Result<(), DbError> {
        let exists = match tx.engine() {
            Engine::Sqlite => tx.query("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'trace_keys'", &[])?,
            Engine::Postgres => tx.query(
                "SELECT count(*) FROM information_schema.tables WHERE table_name = 'trace_keys' AND table_schema = current_schema()",
                &[],
            )?,
        }
        .first()
        .and_then(|r| r[0].int())
        .unwrap_or(0)
            > 0;
        if exists {
            return Ok(());
        }
        tx.batch(TRACE_DDL)?;
        tx.batch(&append_only_ddl_for(tx.engine(), &["trace_keys"]))?;
        let rows = tx.query(
            "SELECT id, step, detail FROM events WHERE step IN ('prepared', 'received') ORDER BY id",
            &[],
        )?;
        for r in rows {
            if let (Some(id), Some(step), Some(detail)) = (r[0].int(), r[1].text(), r[2].text()) {
                index_step(tx, id, &step, &detail)?;
            }
        }
        Ok(())
    }

    /// Steps whose trace keys are not exactly what the signed step holds: (event id, what).
    pub(super) fn trace_index_breaks(&mut self) -> Result<Vec<(i64, String)>, RegisterError> {
        use std::collections::BTreeMap;
        let mut expected: BTreeMap<i64, Vec<(String, String)>> = BTreeMap::new();
        let steps = self
            .conn
            .query("SELECT id, step, detail FROM events WHERE step IN ('prepared', 'received')", &[])
            .map_err(self.db_err())?;
        for r in &steps {
            if let (Some(id), Some(step), Some(detail)) = (r[0].int(), r[1].text(), r[2].text()) {
                let mut keys: Vec<(String, String)> =
                    trace_keys_of(&step, &detail).into_iter().map(|(k, v)| (k.to_owned(), v)).collect();
                keys.sort();
                expected.insert(id, keys);
            }
        }
        let mut actual: BTreeMap<i64, Vec<(String, String)>> = BTreeMap::new();
        let rows =
            self.conn.query("SELECT event_id, kind, key FROM trace_keys", &[]).map_err(self.db_err())?;
        for r in &rows {
            if let (Some(id), Some(kind), Some(key)) = (r[0].int(), r[1].text(), r[2].text()) {
                actual.entry(id).or_default().push((kind, key));
            }
        }
        let mut bad = Vec::new();
        for id in expected.keys().chain(actual.keys()).copied().collect::<std::collections::BTreeSet<_>>() {
            let want = expected.get(&id).cloned().unwrap_or_default();
            let mut have = actual.get(&id).cloned().unwrap_or_default();
            have.sort();
            if want != have {
                bad.push((id, "events: trace index".to_owned()));
            }
        }
        Ok(bad)
    }

    /// The order `order_id` at `revision` (its latest when `None`), as the register holds it.
    pub fn held(&mut self, order_id: &str, revision: Option<u32>) -> Result<Option<Held>, RegisterError> {
        let path = self.path.clone();
        self.conn.write(|tx| order_in(tx, &path, order_id, revision)).map_err(self.db_err())
    }

    /// Signs a step of an order's product (prepared, labelled, received) with its trace keys,
    /// in one transaction; the caller decided it may be signed.
    pub fn sign_product_step(
        &mut self,
        order_id: &str,
        revision: u32,
        step: Step,
        person: &Person,
        detail: &str,
        at: NaiveDateTime,
    ) -> Result<Result<i64, PersonProblem>, RegisterError> {
        let chain = if step.is_check() { self.chain_of(order_id)? } else { Vec::new() };
        if let Err(p) = crate::domain::people::may_sign(step, person, &chain) {
            return Ok(Err(p));
        }
        let path = self.path.clone();
        self.conn
            .write(|tx| sign_in(tx, &path, order_id, revision, step, person, detail, at))
            .map(Ok)
            .map_err(self.db_err())
    }

    /// The bedside check and the `administered` step, in one transaction that holds the write
    /// lock: nobody gives the same bag in between. An override is signed by its prescriber.
    pub fn administer(
        &mut self,
        order_id: &str,
        scan: &BedsideScan<'_>,
        nurse: &Person,
        prescriber: Option<&Person>,
    ) -> Result<Result<(i64, Given), NotGiven>, RegisterError> {
        let path = self.path.clone();
        let missing = || RegisterError::Other(path.clone(), format!("no sheet of order {order_id}"));
        if let Err(p) = crate::domain::people::may_sign(Step::Administered, nurse, &[]) {
            return Ok(Err(NotGiven::Person(p, nurse.name.clone())));
        }
        if let Some(p) = prescriber
            && let Err(problem) = crate::domain::people::may_sign(Step::Override, p, &[])
        {
            return Ok(Err(NotGiven::Person(problem, p.name.clone())));
        }
        self.conn
            .write(|tx| -> Result<Result<(i64, Given), NotGiven>, DbError> {
                if tx.engine() == Engine::Postgres {
                    tx.query(
                        &format!("SELECT pg_advisory_xact_lock({})", crate::store::db::PG_WRITE_LOCK),
                        &[],
                    )?;
                }
                let Some(order) = order_in(tx, &path, order_id, None)? else {
                    return Err(DbError::Other(format!("no-order:{order_id}")));
                };
                let code = crate::domain::product::BagCode::parse(scan.bag_code).ok();
                let (bag_order, bag_latest) = match &code {
                    Some(c) => {
                        let held = order_in(tx, &path, &c.order_id, Some(c.revision))?;
                        let latest = order_in(tx, &path, &c.order_id, None)?.map(|h| h.order.revision);
                        (held, latest)
                    }
                    None => (None, None),
                };
                let chain = chain_in(tx, order_id)?;
                let facts = BedsideFacts { order, bag_order, bag_latest, chain };
                // An override counts only when its prescriber proved who they are.
                let scan =
                    BedsideScan { override_by: scan.override_by.filter(|_| prescriber.is_some()), ..*scan };
                let given = match bedside::check(&facts, &scan) {
                    Ok(g) => g,
                    Err(r) => return Ok(Err(NotGiven::Bedside(r))),
                };
                let revision = facts.order.order.revision;
                if !given.overridden.is_empty()
                    && let (Some(p), Some((reason, _))) = (prescriber, scan.override_by)
                {
                    let kinds: Vec<&str> = given.overridden.iter().map(BedsideRefusal::key).collect();
                    let detail = OverrideDetail::bedside_detail(&kinds.join(","), reason);
                    sign_in(tx, &path, order_id, revision, Step::Override, p, &detail, scan.now)?;
                }
                let id = sign_in(
                    tx,
                    &path,
                    order_id,
                    revision,
                    Step::Administered,
                    nurse,
                    &given.detail,
                    scan.now,
                )?;
                Ok(Ok((id, given)))
            })
            .map_err(|e| match e {
                DbError::Other(d) if d.starts_with("no-order:") => missing(),
                e => from_db(&path, e),
            })
    }

    /// The facts of an NK receipt, checked against the order (its latest revision).
    pub fn nk_receipt_facts(&mut self, order_id: &str) -> Result<Option<(Held, Vec<Event>)>, RegisterError> {
        let path = self.path.clone();
        self.conn
            .write(|tx| -> Result<_, DbError> {
                let Some(held) = order_in(tx, &path, order_id, None)? else { return Ok(None) };
                let chain = chain_in(tx, order_id)?;
                Ok(Some((held, chain)))
            })
            .map_err(self.db_err())
    }

    /// The signed steps the trace index points to for `key` of `kind`, oldest first.
    fn events_by_key(&mut self, kind: &str, key: &str) -> Result<Vec<Event>, RegisterError> {
        let columns = EVENT_COLUMNS.split(", ").map(|c| format!("e.{c}")).collect::<Vec<_>>().join(", ");
        let rows = self
            .conn
            .query(
                &format!(
                    "SELECT {columns} FROM events e JOIN trace_keys t ON t.event_id = e.id \
                     WHERE t.kind = $1 AND t.key = $2 ORDER BY e.id"
                ),
                &[kind.into(), key.into()],
            )
            .map_err(self.db_err())?;
        Ok(rows.iter().filter_map(event_of).collect())
    }

    /// Every bag that received `lot` (any case), oldest first.
    pub fn trace_lot(&mut self, lot: &str) -> Result<Vec<LotUse>, RegisterError> {
        let key = lot.trim().to_uppercase();
        let mut out = Vec::new();
        for event in self.events_by_key("lot", &key)? {
            let Ok(detail) = serde_json::from_str::<serde_json::Value>(&event.detail) else { continue };
            let bag = detail.get("bag").and_then(|b| b.as_u64()).and_then(|b| u32::try_from(b).ok());
            let Some(held) = self.held(&event.order_id, Some(event.revision))? else { continue };
            let drug = bag
                .and_then(|b| crate::domain::product::units(&held.report).into_iter().find(|u| u.number == b))
                .map(|u| u.drug.key().to_owned());
            let chain = self.chain_of(&event.order_id)?;
            let given: Vec<(NaiveDateTime, String)> = chain
                .iter()
                .filter(|e| e.ok && e.step == Step::Administered && e.revision == event.revision)
                .filter(|e| {
                    let b = e
                        .detail
                        .lines()
                        .nth(1)
                        .and_then(|l| serde_json::from_str::<bedside::BedsideDetail>(l).ok());
                    bag.is_none() || b.is_some_and(|b| b.bag == bag)
                })
                .map(|e| (e.at, e.person.clone()))
                .collect();
            let vials = detail.get("vials").and_then(|v| v.as_array()).cloned().unwrap_or_default();
            // What the signed step holds, not what the index says.
            for v in vials.iter().filter(|v| {
                v.get("lot").and_then(|l| l.as_str()).is_some_and(|l| l.trim().to_uppercase() == key)
            }) {
                out.push(LotUse {
                    lot: v.get("lot").and_then(|l| l.as_str()).unwrap_or_default().to_owned(),
                    expiry: v.get("expiry").and_then(|l| l.as_str()).unwrap_or_default().to_owned(),
                    gtin: v.get("gtin").and_then(|l| l.as_str()).map(str::to_owned),
                    patient_name: held.order.patient.name.clone(),
                    record: held.order.patient.identifier.clone(),
                    subject: held.order.trial.subject.clone(),
                    order_id: event.order_id.clone(),
                    revision: event.revision,
                    bag,
                    drug: drug.clone(),
                    prepared_at: event.at,
                    prepared_by: event.person.clone(),
                    given: given.clone(),
                });
            }
        }
        Ok(out)
    }

    /// The patient, order, bag and every step of each order that received NK product `product`.
    pub fn trace_nk(&mut self, product: &str) -> Result<Vec<NkTrace>, RegisterError> {
        let key = product.trim().to_uppercase();
        let mut out: Vec<NkTrace> = Vec::new();
        for event in self.events_by_key("nk-product", &key)? {
            let Ok(receipt) = serde_json::from_str::<Receipt>(&event.detail) else { continue };
            if receipt.product.trim().to_uppercase() != key
                || out.iter().any(|t| t.order_id == event.order_id)
            {
                continue;
            }
            let Some(held) = self.held(&event.order_id, Some(event.revision))? else { continue };
            let steps = self
                .chain_of(&event.order_id)?
                .into_iter()
                .map(|e| TraceStep {
                    at: e.at,
                    step: e.step.key().to_owned(),
                    revision: e.revision,
                    person: e.person,
                    role: e.role,
                    ok: e.ok,
                    detail: e.detail,
                })
                .collect();
            out.push(NkTrace {
                product: receipt.product,
                bag: receipt.bag,
                patient_name: held.order.patient.name.clone(),
                record: held.order.patient.identifier.clone(),
                subject: held.order.trial.subject.clone(),
                order_id: event.order_id.clone(),
                revision: event.revision,
                steps,
            });
        }
        Ok(out)
    }

    /// Overrides recorded, counted by what they overrode (criteria codes, the stagger rule,
    /// the bedside refusals), most first.
    pub fn override_counts(&mut self) -> Result<Vec<OverrideCount>, RegisterError> {
        let rows = self
            .conn
            .query("SELECT detail FROM events WHERE step = 'override' AND ok = 1", &[])
            .map_err(self.db_err())?;
        let mut counts: std::collections::BTreeMap<String, usize> = std::collections::BTreeMap::new();
        for r in &rows {
            let detail = r[0].text().unwrap_or_default();
            for kind in OverrideDetail::kinds_of(&detail) {
                *counts.entry(kind).or_default() += 1;
            }
        }
        let mut out: Vec<OverrideCount> =
            counts.into_iter().map(|(kind, count)| OverrideCount { kind, count }).collect();
        out.sort_by(|a, b| b.count.cmp(&a.count).then(a.kind.cmp(&b.kind)));
        Ok(out)
    }
}
