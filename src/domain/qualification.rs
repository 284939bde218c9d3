//! The reference cases the program carries for its operational qualification (issue 22):
//! BSA formulas against published values, cycle-1 doses, the re-load rules at their edges,
//! the NK range at its edges and the trial's stagger rule at its edges — each with its source,
//! the same values the reference tests check (`tests/reference.rs` runs this set too).
//! `nkact-dose selftest` runs them on the installed binary; `--cases FILE` runs another set
//! of the same shape (how a test shows that a wrong expectation fails, naming the case).

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::bsa::BsaFormula;
use crate::engine::NkState;
use crate::input::{RawInputs, validate};
use crate::regimen::Drug;
use crate::settings::Settings;
use crate::units::{Centimetres, Kilograms};

/// The embedded set.
pub const EMBEDDED: &str = include_str!("qualification.json");

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CaseSet {
    pub format: String,
    pub version: u32,
    pub cases: Vec<Case>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Case {
    pub id: String,
    pub source: String,
    #[serde(flatten)]
    pub kind: CaseKind,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum CaseKind {
    /// The unrounded BSA, m², within `tolerance` of the published value.
    Bsa { height_cm: f64, weight_kg: f64, formula: String, expected: f64, tolerance: f64 },
    /// A dose of a cycle for weight and height as typed.
    Dose { weight: String, height: String, cycle: u32, drug: String, expected: f64 },
    /// Cycle 3 of a 70 kg patient, Day 1 2026-03-02, the last dose this many days before.
    Reload { days_since_last: i64, drug: String, expected_loading: bool, expected: f64 },
    /// The NK count as typed, and its state.
    Nk { cells: String, expected_state: String },
    /// The next patient's start against the previous patient's (instants in UTC).
    Stagger {
        previous_cohort: String,
        next_cohort: String,
        previous_day1: String,
        last_il2: String,
        start: String,
        expected_allowed: bool,
    },
}

/// One case run.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CaseResult {
    pub id: String,
    pub source: String,
    pub passed: bool,
    pub expected: String,
    pub got: String,
}

/// Reads a case set (the embedded one, or a file of the same shape).
pub fn load(json: &str) -> Result<CaseSet, String> {
    let set: CaseSet = serde_json::from_str(json).map_err(|e| e.to_string())?;
    if set.format != "nkact-dose-qualification" || set.version != 1 || set.cases.is_empty() {
        return Err("not a qualification case set (format nkact-dose-qualification, version 1)".to_owned());
    }
    Ok(set)
}

/// The embedded set (always readable: a test reads it too).
pub fn embedded() -> CaseSet {
    load(EMBEDDED).unwrap_or(CaseSet { format: String::new(), version: 0, cases: Vec::new() })
}

fn drug(key: &str) -> Option<Drug> {
    crate::regimen::NK_ACT_BC.drugs.iter().map(|r| r.drug).find(|d| d.key() == key)
}

fn report(raw: &RawInputs) -> Result<crate::engine::Report, String> {
    let inputs = validate(raw).map_err(|e| format!("inputs refused: {} error(s)", e.len()))?;
    crate::engine::calculate(&inputs, &Settings::default()).map_err(|_| "not calculated".to_owned())
}

fn instant(s: &str) -> Result<DateTime<Utc>, String> {
    crate::domain::calendar::parse_instant(s).map_err(|_| format!("not an instant: {s}"))
}

/// Runs one case: (expected, got, passed).
fn run_one(kind: &CaseKind) -> Result<(String, String, bool), String> {
    Ok(match kind {
        CaseKind::Bsa { height_cm, weight_kg, formula, expected, tolerance } => {
            let f = BsaFormula::from_key(formula).ok_or_else(|| format!("unknown formula {formula}"))?;
            let h = Centimetres::new(*height_cm).ok_or("height")?;
            let w = Kilograms::new(*weight_kg).ok_or("weight")?;
            let got = f.compute(h, w);
            (format!("{expected:.4} m²"), format!("{got:.4} m²"), (got - expected).abs() <= *tolerance)
        }
        CaseKind::Dose { weight, height, cycle, drug: d, expected } => {
            let raw = RawInputs {
                weight: weight.clone(),
                height: height.clone(),
                cycle: cycle.to_string(),
                ..RawInputs::default()
            };
            let r = report(&raw)?;
            let dr = drug(d).ok_or_else(|| format!("unknown drug {d}"))?;
            let got = r.dose(dr).map(|l| l.dose).ok_or_else(|| format!("no {d} dose"))?;
            (format!("{expected}"), format!("{got}"), (got - expected).abs() < 1e-9)
        }
        CaseKind::Reload { days_since_last, drug: d, expected_loading, expected } => {
            let day1 = NaiveDate::from_ymd_opt(2026, 3, 2).ok_or("date")?;
            let last = (day1 - chrono::TimeDelta::days(*days_since_last)).format("%Y-%m-%d").to_string();
            let raw = RawInputs {
                weight: "70".into(),
                height: "170".into(),
                cycle: "3".into(),
                day1: "2026-03-02".into(),
                last_trastuzumab: last.clone(),
                last_pertuzumab: last,
                ..RawInputs::default()
            };
            let r = report(&raw)?;
            let dr = drug(d).ok_or_else(|| format!("unknown drug {d}"))?;
            let line = r.dose(dr).ok_or_else(|| format!("no {d} dose"))?;
            let loading = line.phase.is_some_and(|p| p.loading);
            let phase = |l: bool| if l { "loading" } else { "maintenance" };
            (
                format!("{} {expected}", phase(*expected_loading)),
                format!("{} {}", phase(loading), line.dose),
                loading == *expected_loading && (line.dose - expected).abs() < 1e-9,
            )
        }
        CaseKind::Nk { cells, expected_state } => {
            let raw = RawInputs {
                weight: "70".into(),
                height: "170".into(),
                cycle: "1".into(),
                nk_cells: cells.clone(),
                ..RawInputs::default()
            };
            let r = report(&raw)?;
            let state = match r.nk.map(|n| n.state) {
                Some(NkState::WithinRange) => "within-range",
                Some(NkState::OutOfRange) => "out-of-range",
                Some(NkState::Pending) => "pending",
                None => "none",
            };
            (expected_state.clone(), state.to_owned(), state == expected_state)
        }
        CaseKind::Stagger {
            previous_cohort,
            next_cohort,
            previous_day1,
            last_il2,
            start,
            expected_allowed,
        } => {
            use crate::stagger::{Cohort, Previous, earliest_start};
            let cohort = |k: &str| Cohort::from_key(k).ok_or_else(|| format!("unknown cohort {k}"));
            let previous = Previous {
                subject: "S-PREVIOUS".into(),
                cohort: Some(cohort(previous_cohort)?),
                day1: NaiveDate::parse_from_str(previous_day1, "%Y-%m-%d").map_err(|_| "day 1".to_owned())?,
                last_il2: instant(last_il2)?,
                il2_recorded: true,
            };
            let (earliest, _) = earliest_start(&Utc, cohort(next_cohort)?, &previous);
            let allowed = instant(start)? >= earliest;
            let word = |a: bool| if a { "allowed" } else { "refused" };
            (word(*expected_allowed).to_owned(), word(allowed).to_owned(), allowed == *expected_allowed)
        }
    })
}

/// Runs every case; a case that cannot run fails, saying why.
pub fn run(set: &CaseSet) -> Vec<CaseResult> {
    set.cases
        .iter()
        .map(|c| match run_one(&c.kind) {
            Ok((expected, got, passed)) => {
                CaseResult { id: c.id.clone(), source: c.source.clone(), passed, expected, got }
            }
            Err(why) => CaseResult {
                id: c.id.clone(),
                source: c.source.clone(),
                passed: false,
                expected: String::new(),
                got: why,
            },
        })
        .collect()
}
