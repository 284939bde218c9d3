//! The product's steps after release (issue 21), decided here once for both faces:
//! labels printed (each bag's preparation time and beyond-use), the NK product received
//! (its IDs matched against the order's, "infuse by" from its release or thaw), and the
//! check at the bedside — the bag's label code and the patient's wristband against the
//! order, before the `administered` step is signed. The store reads the facts and signs
//! inside one transaction; this module only decides.

use chrono::{NaiveDateTime, TimeDelta};
use serde::{Deserialize, Serialize};

use crate::domain::people::{Administration, Event, Step};
use crate::domain::product::{BagCode, BagCodeProblem, Unit, units};
use crate::engine::Report;
use crate::order::Order;
use crate::regimen::Drug;
use crate::stagger::AdministrationProblem;

/// The drug key of the NK cells in an administration record.
pub const NK_KEY: &str = "nk-cells";

/// An instant as the register's details hold it: UTC, from this workstation's local time.
pub fn utc_text(local: NaiveDateTime) -> String {
    crate::stagger::instant_latest(&chrono::Local, local).format("%Y-%m-%dT%H:%M:%SZ").to_string()
}

/// A detail's instant in this workstation's local time.
pub fn local_of(text: &str) -> Option<NaiveDateTime> {
    crate::domain::calendar::parse_instant(text).ok().map(|t| crate::stagger::local(&chrono::Local, t))
}

/// The labels' step detail for `units` of `order` (prepared at each bag's signed preparation,
/// else `now`), and each bag's beyond-use.
pub fn labelled_detail(held: &Held, chain: &[Event], now: NaiveDateTime) -> Labelled {
    let prepared = |bag: u32| -> Option<NaiveDateTime> {
        prepared_of(chain, held.order.revision, bag).into_iter().filter(|p| p.ok).map(|p| p.at).next_back()
    };
    let bags = crate::domain::product::units(&held.report)
        .iter()
        .map(|u| {
            let at = prepared(u.number).unwrap_or(now);
            let b = crate::domain::product::beyond_use(u.drug, &held.order.settings, Some(at));
            LabelledBag {
                bag: u.number,
                drug: u.drug.key().to_owned(),
                prepared_at: utc_text(at),
                beyond_use: b.until.map(utc_text),
                storage: b.storage.key().to_owned(),
            }
        })
        .collect();
    Labelled { bags }
}

/// The detail of a `prepared` step: the vials used (lot, expiry), what was measured and its
/// deviation from the target, and the bag when the step is for one bag (else the whole order).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct PreparedDetail {
    #[serde(default)]
    pub vials: Vec<crate::domain::gs1::Vial>,
    #[serde(default)]
    pub measured: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bag: Option<u32>,
    /// The measured volume (a mass divided by the density), mL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub volume_ml: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target_ml: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deviation_pct: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tolerance_pct: Option<f64>,
}

/// A signed preparation, as the worksheet prints it.
#[derive(Debug, Clone, PartialEq)]
pub struct PreparedRecord {
    pub detail: PreparedDetail,
    pub by: String,
    pub at: NaiveDateTime,
    pub ok: bool,
}

/// The preparations signed for `bag` of `revision` (and those signed for the whole order).
pub fn prepared_of(chain: &[Event], revision: u32, bag: u32) -> Vec<PreparedRecord> {
    chain
        .iter()
        .filter(|e| e.step == Step::Prepared && e.revision == revision)
        .filter_map(|e| {
            let detail = if e.detail.trim().is_empty() {
                PreparedDetail::default()
            } else {
                serde_json::from_str::<PreparedDetail>(&e.detail).ok()?
            };
            (detail.bag.is_none() || detail.bag == Some(bag)).then(|| PreparedRecord {
                detail,
                by: e.person.clone(),
                at: e.at,
                ok: e.ok,
            })
        })
        .collect()
}

/// One bag's line in a `labelled` step.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LabelledBag {
    pub bag: u32,
    pub drug: String,
    pub prepared_at: String,
    /// None: the pharmacy completes it by hand ("CADUCIDAD: a completar por farmacia").
    pub beyond_use: Option<String>,
    pub storage: String,
}

/// The detail of a `labelled` step.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Labelled {
    pub bags: Vec<LabelledBag>,
}

/// The detail of a `received` step (the NK product on arrival).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Receipt {
    pub product: String,
    pub bag: String,
    pub released_at: String,
    /// None: the site has not set the product's hours after release or thaw.
    pub infuse_by: Option<String>,
    pub temperature: String,
    pub integrity: String,
}

/// What a bedside administration adds to its step, on the line after the administration.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BedsideDetail {
    pub bag: Option<u32>,
    pub code: String,
    pub wristband: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub overrides: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prescriber: Option<String>,
}

/// Compares identifiers as people and scanners write them: case, spaces and the
/// scanner's CR/LF do not count.
pub fn same_id(a: &str, b: &str) -> bool {
    let fold = |s: &str| {
        s.chars().filter(|c| !c.is_whitespace() && !c.is_control()).collect::<String>().to_uppercase()
    };
    !fold(a).is_empty() && fold(a) == fold(b)
}

/// Why the NK product cannot be received for this order.
#[derive(Debug, Clone, PartialEq)]
pub enum ReceiptProblem {
    /// The order names no NK product or bag: issue a revision that names them.
    OrderNamesNone,
    /// The product ID received is not the order's (received, ordered).
    OtherProduct(String, String),
    /// The bag ID received is not the order's (received, ordered).
    OtherBag(String, String),
    /// A condition field left empty (which).
    Missing(&'static str),
    /// Released or thawed after now.
    ReleasedInFuture,
}

/// Checks a receipt of the NK product against the order; returns the step's detail.
#[allow(clippy::too_many_arguments)]
pub fn receive(
    order: &Order,
    report: &Report,
    product: &str,
    bag: &str,
    released_at: NaiveDateTime,
    temperature: &str,
    integrity: &str,
    now: NaiveDateTime,
) -> Result<Receipt, ReceiptProblem> {
    let ordered = report.nk_product.as_ref();
    let (Some(op), Some(ob)) =
        (ordered.and_then(|p| p.product_id.clone()), ordered.and_then(|p| p.bag_id.clone()))
    else {
        return Err(ReceiptProblem::OrderNamesNone);
    };
    if !same_id(product, &op) {
        return Err(ReceiptProblem::OtherProduct(bounded(product), op));
    }
    if !same_id(bag, &ob) {
        return Err(ReceiptProblem::OtherBag(bounded(bag), ob));
    }
    if temperature.trim().is_empty() {
        return Err(ReceiptProblem::Missing("temperature"));
    }
    if integrity.trim().is_empty() {
        return Err(ReceiptProblem::Missing("integrity"));
    }
    if released_at > now {
        return Err(ReceiptProblem::ReleasedInFuture);
    }
    let hours = order.settings.administration.nk_max_hours_after_release;
    let infuse_by = hours
        .and_then(|h| TimeDelta::try_minutes((h * 60.0).round() as i64))
        .and_then(|d| released_at.checked_add_signed(d));
    Ok(Receipt {
        product: op,
        bag: ob,
        released_at: utc_text(released_at),
        infuse_by: infuse_by.map(utc_text),
        temperature: bounded(temperature),
        integrity: bounded(integrity),
    })
}

fn bounded(t: &str) -> String {
    t.trim().chars().filter(|c| !c.is_control()).take(80).collect()
}

/// An order's revision as the register holds it.
pub struct Held {
    pub order: Order,
    pub report: Report,
}

/// What the register holds that the bedside check reads (read inside the transaction that
/// signs the administration).
pub struct BedsideFacts {
    /// The order being given, at its latest revision.
    pub order: Held,
    /// The order the scanned label names, at the label's revision, when the register holds it.
    pub bag_order: Option<Held>,
    /// The latest revision of the label's order.
    pub bag_latest: Option<u32>,
    /// Every signed step of the order being given (all revisions), oldest first.
    pub chain: Vec<Event>,
}

/// What the nurse scanned and typed.
#[derive(Clone, Copy)]
pub struct BedsideScan<'a> {
    pub bag_code: &'a str,
    pub wristband: &'a str,
    /// When it is given (local time).
    pub at: NaiveDateTime,
    pub now: NaiveDateTime,
    /// An override: the reason and the prescriber who gave it (proved by the face).
    pub override_by: Option<(&'a str, &'a str)>,
}

/// Why a bag may not be given now. The first six are never overridden.
#[derive(Debug, Clone, PartialEq)]
pub enum BedsideRefusal {
    /// The code is not a label code of this program, or not this order's NK bag.
    UnknownCode(String),
    /// A label code that does not pass its check.
    Damaged(BagCodeProblem),
    /// The wristband is not this order's patient (wristband, the order's record number).
    WrongPatient { wristband: String, record: String },
    /// The bag is another patient's (its record number, the wristband).
    AnotherPatientsBag { bag_record: String, wristband: String },
    /// The bag is of another order of this patient.
    AnotherOrder { order_id: String },
    /// The bag is of an earlier revision (its revision, the latest).
    Superseded { revision: u32, latest: u32 },
    /// The drug is withheld in the order's latest revision.
    Withheld { drug: Drug },
    /// No labels of this bag were printed from the register.
    NotLabelled { bag: u32 },
    /// This bag was already given (when, by whom).
    AlreadyGiven { at: NaiveDateTime, by: String },
    /// The NK product was not received (no `received` step for it).
    NotReceived,
    /// The day or time does not fit the plan.
    Day(AdministrationProblem, String, i32),
    // ---- overridable with a reason and a prescriber
    /// Past the bag's beyond-use date and time.
    PastBeyondUse { until: NaiveDateTime },
    /// The NK bag is past "infuse by".
    PastInfuseBy { infuse_by: NaiveDateTime },
    /// "Infuse by" is not known: the site has not set the NK product's hours.
    InfuseByUnknown,
    /// The Day 2 IL-2 before the NK cells were given.
    Il2BeforeNk,
    /// The Day 2 IL-2 more than `hours` after the NK infusion (given at `nk_at`).
    Il2TooLate { nk_at: NaiveDateTime, hours: u32 },
}

impl BedsideRefusal {
    /// A prescriber may override it with a reason.
    pub fn overridable(&self) -> bool {
        matches!(
            self,
            BedsideRefusal::PastBeyondUse { .. }
                | BedsideRefusal::PastInfuseBy { .. }
                | BedsideRefusal::InfuseByUnknown
                | BedsideRefusal::Il2BeforeNk
                | BedsideRefusal::Il2TooLate { .. }
        )
    }

    /// Its stable key, as counted in the overrides report.
    pub fn key(&self) -> &'static str {
        match self {
            BedsideRefusal::UnknownCode(_) => "unknown-code",
            BedsideRefusal::Damaged(_) => "damaged-code",
            BedsideRefusal::WrongPatient { .. } => "wrong-patient",
            BedsideRefusal::AnotherPatientsBag { .. } => "another-patients-bag",
            BedsideRefusal::AnotherOrder { .. } => "another-order",
            BedsideRefusal::Superseded { .. } => "superseded",
            BedsideRefusal::Withheld { .. } => "withheld",
            BedsideRefusal::NotLabelled { .. } => "not-labelled",
            BedsideRefusal::AlreadyGiven { .. } => "already-given",
            BedsideRefusal::NotReceived => "not-received",
            BedsideRefusal::Day(..) => "day",
            BedsideRefusal::PastBeyondUse { .. } => "past-beyond-use",
            BedsideRefusal::PastInfuseBy { .. } => "past-infuse-by",
            BedsideRefusal::InfuseByUnknown => "infuse-by-unknown",
            BedsideRefusal::Il2BeforeNk => "il2-before-nk",
            BedsideRefusal::Il2TooLate { .. } => "il2-too-late",
        }
    }
}

/// What may be signed: the administration and the bedside facts, as its detail.
#[derive(Debug, Clone, PartialEq)]
pub struct Given {
    pub drug: String,
    pub day: i32,
    pub bag: Option<u32>,
    /// The step's detail (the administration, then the bedside facts).
    pub detail: String,
    /// The refusals overridden (empty when none was needed).
    pub overridden: Vec<BedsideRefusal>,
}

/// The administered steps of `revision` (all when `None`) that passed, with their bedside facts.
fn given(chain: &[Event]) -> impl Iterator<Item = (&Event, Option<Administration>, Option<BedsideDetail>)> {
    chain.iter().filter(|e| e.ok && e.step == Step::Administered).map(|e| {
        let admin = Administration::parse(&e.detail);
        let bedside = e.detail.lines().nth(1).and_then(|l| serde_json::from_str::<BedsideDetail>(l).ok());
        (e, admin, bedside)
    })
}

/// The last labels printed of `bag` in `revision`.
pub fn labelled_bag(chain: &[Event], revision: u32, bag: u32) -> Option<LabelledBag> {
    chain
        .iter()
        .filter(|e| e.ok && e.step == Step::Labelled && e.revision == revision)
        .filter_map(|e| serde_json::from_str::<Labelled>(&e.detail).ok())
        .flat_map(|l| l.bags)
        .rfind(|b| b.bag == bag)
}

/// The last receipt of the NK product of `order`.
pub fn receipt_of(chain: &[Event], report: &Report) -> Option<Receipt> {
    let ordered = report.nk_product.as_ref()?;
    let (p, b) = (ordered.product_id.as_deref()?, ordered.bag_id.as_deref()?);
    chain
        .iter()
        .filter(|e| e.ok && e.step == Step::Received)
        .filter_map(|e| serde_json::from_str::<Receipt>(&e.detail).ok())
        .rfind(|r| same_id(&r.product, p) && same_id(&r.bag, b))
}

/// The bedside check. Refusals that are never overridden come first; those a prescriber
/// may override are all returned, and pass when an override is given.
pub fn check(facts: &BedsideFacts, scan: &BedsideScan<'_>) -> Result<Given, Vec<BedsideRefusal>> {
    let order = &facts.order.order;
    let report = &facts.order.report;
    let record = order.patient.identifier.trim().to_owned();
    let wristband = bounded(scan.wristband);
    let code_text = bounded(scan.bag_code);
    let refuse = |r: BedsideRefusal| Err(vec![r]);
    let nk_bag = report.nk_product.as_ref().and_then(|p| p.bag_id.clone());
    let code = BagCode::parse(scan.bag_code);
    let is_nk = code.is_err() && nk_bag.as_deref().is_some_and(|b| same_id(b, scan.bag_code));
    let mut overridable = Vec::new();

    let (drug, day, bag) = if is_nk {
        if !same_id(&wristband, &record) {
            return refuse(BedsideRefusal::WrongPatient { wristband, record });
        }
        if let Some((e, _, _)) =
            given(&facts.chain).find(|(_, a, _)| a.as_ref().is_some_and(|a| a.drug == NK_KEY))
        {
            return refuse(BedsideRefusal::AlreadyGiven { at: e.at, by: e.person.clone() });
        }
        // "Infuse by" from the receipt's release or thaw time, else from the order's own.
        let receipt = receipt_of(&facts.chain, report);
        let infuse_by = receipt
            .as_ref()
            .and_then(|r| r.infuse_by.as_deref().and_then(local_of))
            .or_else(|| report.nk_product.as_ref().and_then(|p| p.infuse_by));
        let late = match infuse_by {
            Some(by) if scan.at > by => Some(BedsideRefusal::PastInfuseBy { infuse_by: by }),
            Some(_) => None,
            None => Some(BedsideRefusal::InfuseByUnknown),
        };
        if receipt.is_none() {
            let mut refusals = vec![BedsideRefusal::NotReceived];
            refusals.extend(late.filter(|r| matches!(r, BedsideRefusal::PastInfuseBy { .. })));
            return Err(refusals);
        }
        overridable.extend(late);
        (NK_KEY.to_owned(), crate::regimen::NK_ACT_BC.nk.day, None)
    } else {
        let code = match code {
            Ok(c) => c,
            Err(BagCodeProblem::Damaged) => return refuse(BedsideRefusal::Damaged(BagCodeProblem::Damaged)),
            Err(_) => return refuse(BedsideRefusal::UnknownCode(code_text)),
        };
        if code.order_id != order.order_id {
            let Some(other) = &facts.bag_order else { return refuse(BedsideRefusal::UnknownCode(code_text)) };
            let bag_record = other.order.patient.identifier.trim().to_owned();
            if !same_id(&bag_record, &wristband) {
                return refuse(BedsideRefusal::AnotherPatientsBag { bag_record, wristband });
            }
            return refuse(BedsideRefusal::AnotherOrder { order_id: code.order_id });
        }
        if !same_id(&wristband, &record) {
            return refuse(BedsideRefusal::WrongPatient { wristband, record });
        }
        let Some(held) = &facts.bag_order else { return refuse(BedsideRefusal::UnknownCode(code_text)) };
        let unit: Option<Unit> = units(&held.report).into_iter().find(|u| u.number == code.bag);
        let Some(unit) = unit else { return refuse(BedsideRefusal::UnknownCode(code_text)) };
        if code.revision < order.revision {
            let withheld = report.doses.iter().any(|d| d.drug == unit.drug && d.withheld)
                || report.dose(unit.drug).is_none();
            if withheld {
                return refuse(BedsideRefusal::Withheld { drug: unit.drug });
            }
            return refuse(BedsideRefusal::Superseded { revision: code.revision, latest: order.revision });
        }
        if code.revision > order.revision {
            return refuse(BedsideRefusal::UnknownCode(code_text));
        }
        let Some(label) = labelled_bag(&facts.chain, code.revision, code.bag) else {
            return refuse(BedsideRefusal::NotLabelled { bag: code.bag });
        };
        let already = given(&facts.chain).find(|(e, _, b)| {
            e.revision == code.revision && b.as_ref().is_some_and(|b| b.bag == Some(code.bag))
        });
        if let Some((e, _, _)) = already {
            return refuse(BedsideRefusal::AlreadyGiven { at: e.at, by: e.person.clone() });
        }
        if let Some(until) = label.beyond_use.as_deref().and_then(local_of)
            && scan.at > until
        {
            overridable.push(BedsideRefusal::PastBeyondUse { until });
        }
        let day = match unit.window {
            // Given once within a window: the window's day of the date it is given on.
            Some((first, last)) => report
                .inputs
                .day1
                .and_then(|d1| {
                    (first..=last)
                        .filter(|d| *d != 0)
                        .find(|d| crate::domain::calendar::date_of_day(d1, *d) == Some(scan.at.date()))
                })
                .unwrap_or(first),
            None => unit.day,
        };
        if let Some(hours) = crate::regimen::NK_ACT_BC
            .drugs
            .iter()
            .find(|r| r.drug == unit.drug)
            .and_then(|r| r.after_nk_within_hours)
            .filter(|_| day == crate::regimen::NK_ACT_BC.nk.day)
        {
            let nk = given(&facts.chain)
                .filter_map(|(_, a, _)| a.filter(|a| a.drug == NK_KEY))
                .map(|a| crate::stagger::local(&chrono::Local, a.at))
                .last();
            match nk {
                Some(nk_at) if nk_at <= scan.at => {
                    if scan.at > nk_at + TimeDelta::hours(i64::from(hours)) {
                        overridable.push(BedsideRefusal::Il2TooLate { nk_at, hours });
                    }
                }
                _ => overridable.push(BedsideRefusal::Il2BeforeNk),
            }
        }
        (unit.drug.key().to_owned(), day, Some(code.bag))
    };

    let day1 = report.inputs.day1;
    let planned = match day1 {
        Some(d1) => crate::stagger::check_administration(&drug, day, d1, scan.at, scan.now),
        None => Err(AdministrationProblem::NotAPlannedDay),
    };
    if let Err(p) = planned {
        return refuse(BedsideRefusal::Day(p, drug, day));
    }
    let override_ok =
        scan.override_by.is_some_and(|(reason, by)| !reason.trim().is_empty() && !by.trim().is_empty());
    if !overridable.is_empty() && !override_ok {
        return Err(overridable);
    }
    let admin = Administration {
        drug: drug.clone(),
        day,
        at: crate::stagger::instant_latest(&chrono::Local, scan.at),
    };
    let bedside = BedsideDetail {
        bag,
        code: code_text,
        wristband,
        overrides: overridable.iter().map(|r| r.key().to_owned()).collect(),
        reason: scan.override_by.filter(|_| !overridable.is_empty()).map(|(r, _)| bounded(r)),
        prescriber: scan.override_by.filter(|_| !overridable.is_empty()).map(|(_, p)| bounded(p)),
    };
    let detail = format!("{}\n{}", admin.detail(), serde_json::to_string(&bedside).unwrap_or_default());
    Ok(Given { drug, day, bag, detail, overridden: overridable })
}
