//! Criteria to treat (issue 13, first part: the domain only). Laboratory
//! values with their units, converted once to one unit per test; the
//! eligibility rules of protocol inclusion 9 and exclusion 19 evaluated as
//! met / not met / not entered with the value, the threshold and the date;
//! Cockcroft-Gault creatinine clearance; and the EU trastuzumab rule for
//! withholding on a fall in LVEF. Thresholds are data ([`ELIGIBILITY`],
//! [`LVEF_HOLD_EU`]), each citing its source. Nothing here words a result:
//! the presentation will.
//!
//! The engine evaluates them ([`crate::engine::calculate_with`]); the order
//! refuses a cycle-1 sheet with a criterion open and not overridden.

use chrono::NaiveDate;

use crate::domain::rounding::round_decimals;

/// Compared at 6 decimals, as written: 1.5 × ULN 1.2 is 1.8, not 1.7999999999999998,
/// so a value printed equal to its limit is decided as equal.
fn at_least(value: f64, limit: f64) -> bool {
    round_decimals(value, 6) >= round_decimals(limit, 6)
}

fn at_most(value: f64, limit: f64) -> bool {
    round_decimals(value, 6) <= round_decimals(limit, 6)
}

pub use crate::domain::lab::{LabCode, LabUnit};

mod plausible;
pub use plausible::{PLAUSIBLE, Plausible, ULN_PLAUSIBLE, UnitMixUp, is_plausible, plausible, uln_plausible};

/// Why a laboratory value as typed cannot be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LabProblem {
    NotANumber,
    /// No unit, or one this test is never reported in.
    UnknownUnit,
    /// A unit that reads two ways ("/mm3" without a power, "10^3" without per-what, "mmol/L" for bilirubin).
    AmbiguousUnit,
    /// Not `CODE=VALUE UNIT@YYYY-MM-DD`.
    NotALabEntry,
    /// A code that is not one of the tests the rules read.
    UnknownTest,
    /// The date after `@` is not an ISO date.
    NotADate,
    /// A count per microlitre with a point or comma before three digits ([`reads_as_thousands`]).
    ThousandsSeparator,
}

/// µmol/L per mg/dL of creatinine (clinical-facts.md, "Cockcroft-Gault").
pub const CREATININE_UMOL_PER_MG_DL: f64 = 88.4;
/// µmol/L per mg/dL of bilirubin (molar mass 584.7 g/mol: 1 mg/dL = 17.1 µmol/L).
pub const BILIRUBIN_UMOL_PER_MG_DL: f64 = 17.1;

/// The unit as typed, folded: lower case, no spaces, "µ"/"μ"/"u"/"mc" as one, "x"/"×"/"*" as one.
/// Superscript powers as the program itself prints them ("× 10⁹/L", "10³/µL")
/// read as "x10^9/l" and "10^3/ul".
fn fold_unit(unit: &str) -> String {
    let mut out = String::new();
    for c in unit.chars().filter(|c| !c.is_whitespace()) {
        match c {
            'µ' | 'μ' => out.push('u'),
            '×' | '*' => out.push('x'),
            '⁹' => out.push_str("^9"),
            '³' => out.push_str("^3"),
            '⁶' => out.push_str("^6"),
            'é' | 'è' | 'É' | 'È' => out.push('e'),
            '·' => {}
            c => out.extend(c.to_lowercase()),
        }
    }
    out.replace("mcl", "ul").replace("x^", "^").replace("^^", "^").replace("xx", "x")
}

/// A count per microlitre ("cells/µL", "/mm³"): a point or a comma in it may be
/// a thousands separator (spanish-practice.md: "1.500 cells/µL" is 1500).
fn is_per_microlitre(folded: &str) -> bool {
    matches!(
        folded,
        "cells/ul"
            | "/ul"
            | "/mm^3"
            | "/mm3"
            | "cells/mm3"
            | "cells/mm^3"
            | "celulas/ul"
            | "cel/ul"
            | "cellules/ul"
    )
}

/// Whether `number` as typed, with `unit`, could be a count written with a
/// thousands separator: a point or a comma followed by exactly three digits in
/// a count per microlitre ("1.500 cells/µL", "1,500/mm³"). Such a value is
/// refused, never guessed: the trial record itself writes "1.500 cells/microL"
/// for 1500, while a decimal reading gives 1.5.
pub fn reads_as_thousands(number: &str, unit: &str) -> bool {
    let n = number.trim();
    let Some(at) = n.find(['.', ',']) else { return false };
    let after = &n[at + 1..];
    is_per_microlitre(&fold_unit(unit)) && after.len() == 3 && after.chars().all(|c| c.is_ascii_digit())
}

/// A value in `unit` converted to the test's own unit ([`LabCode::unit`]).
/// Units as Spanish laboratories report them and as US laboratories do; a unit
/// that could be read two ways is refused, never guessed.
pub fn to_canonical(code: LabCode, value: f64, unit: &str) -> Result<f64, LabProblem> {
    let u = fold_unit(unit);
    let per_nl = |u: &str| -> Option<f64> {
        Some(match u {
            "x10^9/l" | "x109/l" | "10^9/l" | "/nl" | "x10^3/ul" | "x103/ul" | "10^3/ul" | "k/ul" => 1.0,
            u if is_per_microlitre(u) => 1e-3,
            _ => return None,
        })
    };
    let factor = match code {
        LabCode::Anc | LabCode::Lymphocytes | LabCode::Platelets => {
            if matches!(u.as_str(), "/mm" | "10^3" | "x10^3" | "x10^9" | "10^9" | "x10") {
                return Err(LabProblem::AmbiguousUnit);
            }
            per_nl(&u).ok_or(LabProblem::UnknownUnit)?
        }
        LabCode::Haemoglobin => match u.as_str() {
            "g/dl" => 1.0,
            "g/l" => 0.1,
            "mmol/l" => return Err(LabProblem::AmbiguousUnit),
            _ => return Err(LabProblem::UnknownUnit),
        },
        LabCode::Bilirubin => match u.as_str() {
            "mg/dl" => 1.0,
            "umol/l" => 1.0 / BILIRUBIN_UMOL_PER_MG_DL,
            "mmol/l" | "mg/l" => return Err(LabProblem::AmbiguousUnit),
            _ => return Err(LabProblem::UnknownUnit),
        },
        LabCode::Creatinine => match u.as_str() {
            "mg/dl" => 1.0,
            "umol/l" => 1.0 / CREATININE_UMOL_PER_MG_DL,
            "mmol/l" | "mg/l" => return Err(LabProblem::AmbiguousUnit),
            _ => return Err(LabProblem::UnknownUnit),
        },
        LabCode::Ast | LabCode::Alt => match u.as_str() {
            "u/l" | "iu/l" | "ui/l" => 1.0,
            "ukat/l" => return Err(LabProblem::AmbiguousUnit),
            _ => return Err(LabProblem::UnknownUnit),
        },
        LabCode::Inr => match u.as_str() {
            "" | "ratio" => 1.0,
            _ => return Err(LabProblem::UnknownUnit),
        },
        LabCode::Albumin => match u.as_str() {
            "g/l" => 1.0,
            "g/dl" => 10.0,
            _ => return Err(LabProblem::UnknownUnit),
        },
    };
    if !value.is_finite() || value < 0.0 {
        return Err(LabProblem::NotANumber);
    }
    Ok(value * factor)
}

/// Reads `CODE=VALUE UNIT@YYYY-MM-DD` as the command line takes it
/// (`anc=1.8 x10^9/L@2026-11-25`, `creatinine=85 umol/L@2026-11-25`,
/// `inr=1.1@2026-11-25`), the value with a point or a comma, converted to the
/// test's own unit. The text as typed stays with the caller.
pub fn parse_lab(text: &str) -> Result<LabResult, LabProblem> {
    let (code, rest) = text.split_once('=').ok_or(LabProblem::NotALabEntry)?;
    let code = LabCode::from_key(code.trim().to_ascii_lowercase().as_str()).ok_or(LabProblem::UnknownTest)?;
    let (measure, date) = rest.rsplit_once('@').ok_or(LabProblem::NotALabEntry)?;
    let date = NaiveDate::parse_from_str(date.trim(), "%Y-%m-%d").map_err(|_| LabProblem::NotADate)?;
    let measure = measure.trim();
    let end = measure.find(|c: char| !(c.is_ascii_digit() || c == '.' || c == ',')).unwrap_or(measure.len());
    let (number, unit) = measure.split_at(end);
    if reads_as_thousands(number, unit) {
        return Err(LabProblem::ThousandsSeparator);
    }
    let value = crate::input::parse_decimal(number).ok_or(LabProblem::NotANumber)?;
    Ok(LabResult { code, value: to_canonical(code, value, unit)?, typed: measure.to_owned(), date })
}

/// A laboratory result: its value in the test's own unit, the value and unit
/// as typed (shown beside the converted value), and the day it was taken.
#[derive(Debug, Clone, PartialEq)]
pub struct LabResult {
    pub code: LabCode,
    pub value: f64,
    /// The value with its unit as the person typed it, trimmed: "71 µmol/L".
    pub typed: String,
    pub date: NaiveDate,
}

/// Cockcroft-Gault creatinine clearance, mL/min:
/// (140 − age) × weight / (72 × serum creatinine mg/dL), × 0.85 for women
/// (Cockcroft & Gault, Nephron 1976; clinical-facts.md). `None` when the
/// creatinine is zero or the age is 140 or more.
pub fn cockcroft_gault(age_years: u32, weight_kg: f64, creatinine_mg_dl: f64, female: bool) -> Option<f64> {
    let years_left = 140.0 - f64::from(age_years);
    if creatinine_mg_dl <= 0.0 || years_left <= 0.0 || !weight_kg.is_finite() {
        return None;
    }
    let clearance = years_left * weight_kg / (72.0 * creatinine_mg_dl);
    Some(if female { clearance * 0.85 } else { clearance })
}

/// How a threshold compares.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Limit {
    /// The value must be at least this (in the test's unit).
    AtLeast(f64),
    /// The value must be at most this many times the site's upper limit of normal.
    AtMostUln(f64),
}

/// One eligibility rule: a test, its limit, and its source.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rule {
    pub code: LabCode,
    pub limit: Limit,
    /// The limit under a condition that relaxes it (Gilbert's syndrome, liver metastases).
    pub relaxed: Option<(Condition, Limit)>,
    pub source: &'static str,
}

/// A documented condition that changes a limit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Condition {
    Gilbert,
    LiverMetastases,
}

/// The laboratory rules of the trial record (NCT05385705, inclusion 9). The
/// record writes counts with points as thousands separators ("1.500
/// cells/microL"); they are 1.5, 1.0 and 100 × 10⁹/L here.
pub const ELIGIBILITY: [Rule; 9] = [
    Rule {
        code: LabCode::Anc,
        limit: Limit::AtLeast(1.5),
        relaxed: None,
        source: "NCT05385705 inclusion 9: ANC ≥ 1 500 cells/µL",
    },
    Rule {
        code: LabCode::Lymphocytes,
        limit: Limit::AtLeast(1.0),
        relaxed: None,
        source: "NCT05385705 inclusion 9: lymphocytes ≥ 1 000 cells/µL",
    },
    Rule {
        code: LabCode::Platelets,
        limit: Limit::AtLeast(100.0),
        relaxed: None,
        source: "NCT05385705 inclusion 9: platelets ≥ 100 000/µL",
    },
    Rule {
        code: LabCode::Haemoglobin,
        limit: Limit::AtLeast(9.0),
        relaxed: None,
        source: "NCT05385705 inclusion 9: haemoglobin ≥ 9.0 g/dL",
    },
    Rule {
        code: LabCode::Bilirubin,
        limit: Limit::AtMostUln(1.5),
        relaxed: Some((Condition::Gilbert, Limit::AtMostUln(3.0))),
        source: "NCT05385705 inclusion 9: total bilirubin ≤ 1.5 × ULN (≤ 3 × ULN with Gilbert's syndrome)",
    },
    Rule {
        code: LabCode::Ast,
        limit: Limit::AtMostUln(3.0),
        relaxed: Some((Condition::LiverMetastases, Limit::AtMostUln(5.0))),
        source: "NCT05385705 inclusion 9: AST ≤ 3 × ULN (≤ 5 × ULN with liver metastases)",
    },
    Rule {
        code: LabCode::Alt,
        limit: Limit::AtMostUln(3.0),
        relaxed: Some((Condition::LiverMetastases, Limit::AtMostUln(5.0))),
        source: "NCT05385705 inclusion 9: ALT ≤ 3 × ULN (≤ 5 × ULN with liver metastases)",
    },
    Rule {
        code: LabCode::Inr,
        limit: Limit::AtMostUln(1.5),
        relaxed: None,
        source: "NCT05385705 inclusion 9: INR ≤ 1.5 × ULN",
    },
    // The record writes "≥ 25 g/dL", which cannot be (normal albumin is 3.5–5 g/dL):
    // the intended value is 2.5 g/dL = 25 g/L (criteria-to-treat.md).
    Rule {
        code: LabCode::Albumin,
        limit: Limit::AtLeast(25.0),
        relaxed: None,
        source: "NCT05385705 inclusion 9: albumin ≥ 25 g/L (record: \"25 g/dL\", read as 2.5 g/dL)",
    },
];

/// Creatinine: ≤ 1.5 × ULN, or a Cockcroft-Gault clearance of at least this (mL/min).
pub const CREATININE_ULN_MULTIPLE: f64 = 1.5;
/// NCT05385705 inclusion 9: "creatinine ≤ 1.5 × ULN or creatinine clearance ≥ 50 mL/min".
pub const MIN_CREATININE_CLEARANCE_ML_MIN: f64 = 50.0;
/// NCT05385705 exclusion 19: "LVEF < 50 %".
pub const MIN_LVEF_PCT: f64 = 50.0;
/// NCT05385705 inclusion 9: labs within 7 days before the first study treatment (cyclophosphamide).
pub const LAB_MAX_AGE_DAYS: i64 = 7;

/// Met, not met, or not entered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CriterionState {
    Met,
    NotMet,
    NotEntered,
}

impl CriterionState {
    /// `met`, `not-met`, `not-entered` (JSON and files).
    pub fn key(self) -> &'static str {
        match self {
            CriterionState::Met => "met",
            CriterionState::NotMet => "not-met",
            CriterionState::NotEntered => "not-entered",
        }
    }
}

/// Why a criterion stands as it does, beyond its value and threshold.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum CriterionNote {
    /// Taken more than [`LAB_MAX_AGE_DAYS`] days before the (latest possible) first treatment.
    TooOld { days: i64, max_days: i64 },
    /// Taken after the (earliest possible) first treatment: not a value before treatment.
    AfterTreatment,
    /// A multiple-of-ULN rule with no upper limit of normal entered.
    NoUln,
    /// A limit relaxed by a documented condition.
    Relaxed(Condition),
    /// Creatinine above 1.5 × ULN (or no ULN), decided on the Cockcroft-Gault clearance.
    ByClearance,
    /// Creatinine above 1.5 × ULN (or no ULN), and the clearance cannot be worked out
    /// (age, sex or weight missing).
    ClearanceNeedsAgeSexWeight,
    /// The 7-day rule cannot be checked: no Day 1 or cyclophosphamide date.
    NoTreatmentDate,
}

/// A criterion as evaluated: the value used, the threshold it was held to, and the date.
#[derive(Debug, Clone, PartialEq)]
pub struct Criterion {
    /// `anc`, …, `creatinine`, `lvef`, `age`, `lab-dates`.
    pub code: &'static str,
    pub state: CriterionState,
    /// In the test's unit (for creatinine: mg/dL; the clearance is in `clearance_ml_min`).
    pub value: Option<f64>,
    /// A laboratory value as typed, with its unit ("71 µmol/L"), shown beside `value`.
    pub typed: Option<String>,
    /// The limit applied, in the test's unit (an ULN multiple already multiplied out).
    pub threshold: Option<f64>,
    /// True when the value must be at most the threshold; false: at least.
    pub at_most: bool,
    /// For a multiple-of-ULN rule: the multiple and the site's ULN, when entered.
    pub uln: Option<(f64, Option<f64>)>,
    pub date: Option<NaiveDate>,
    /// Creatinine only: the Cockcroft-Gault clearance, when it was needed and could be worked out.
    pub clearance_ml_min: Option<f64>,
    pub note: Option<CriterionNote>,
    pub source: &'static str,
}

/// What the rules need besides the results.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Context {
    /// The site's upper limits of normal, in each test's unit.
    pub uln: Vec<(LabCode, f64)>,
    pub gilbert: bool,
    pub liver_metastases: bool,
    pub female: bool,
    /// Known sex: the clearance needs it (×0.85 for women).
    pub sex_known: bool,
    pub age_years: Option<u32>,
    /// The weight the clearance uses (actual weight unless a site says otherwise).
    pub weight_kg: Option<f64>,
    /// LVEF in %, with its date.
    pub lvef: Option<(f64, NaiveDate)>,
    /// The day of the first study treatment (the cyclophosphamide dose); while
    /// the day is not chosen, the earliest day it may be given.
    pub first_treatment: Option<NaiveDate>,
    /// While the day is not chosen, the latest day it may be given: a result must
    /// be recent for every day of the window.
    pub first_treatment_latest: Option<NaiveDate>,
}

impl Context {
    fn uln(&self, code: LabCode) -> Option<f64> {
        self.uln.iter().find(|(c, _)| *c == code).map(|(_, v)| *v)
    }

    fn holds(&self, c: Condition) -> bool {
        match c {
            Condition::Gilbert => self.gilbert,
            Condition::LiverMetastases => self.liver_metastases,
        }
    }

    /// Why a result dated `date` is not recent enough, if it is not.
    fn staleness(&self, date: NaiveDate) -> Option<CriterionNote> {
        let earliest = self.first_treatment?;
        let latest = self.first_treatment_latest.unwrap_or(earliest);
        if date > earliest {
            return Some(CriterionNote::AfterTreatment);
        }
        let days = (latest - date).num_days();
        (days > LAB_MAX_AGE_DAYS).then_some(CriterionNote::TooOld { days, max_days: LAB_MAX_AGE_DAYS })
    }
}

/// NCT05385705, "Eligible Sex: FEMALE" (the trial record's eligibility section).
pub const ELIGIBLE_SEX_SOURCE: &str = "NCT05385705 eligibility: eligible sex FEMALE";

/// NCT05385705 inclusion 4: "Age ≥ 18 years".
pub const MIN_AGE_YEARS: u32 = 18;

/// Every eligibility criterion for cycle 1, in protocol order (inclusion 9's
/// tests, creatinine, exclusion 19's LVEF), then age and the labs' dates.
/// A result older than 7 days before the first treatment, or taken after it,
/// does not meet its criterion: its value and date are shown with the reason.
/// One criterion after another, each a few lines, in the protocol's order: kept in one
/// place so the order of the table on the sheet is the order written here.
pub fn evaluate(results: &[LabResult], ctx: &Context) -> Vec<Criterion> {
    let latest = |code: LabCode| results.iter().filter(|r| r.code == code).max_by_key(|r| r.date).cloned();
    let mut out = Vec::new();
    for rule in ELIGIBILITY {
        let relaxed = match rule.relaxed {
            Some((c, relaxed)) if ctx.holds(c) => Some((c, relaxed)),
            _ => None,
        };
        let limit = relaxed.map_or(rule.limit, |(_, l)| l);
        let (threshold, uln) = match limit {
            Limit::AtLeast(v) => (Some(v), None),
            Limit::AtMostUln(k) => {
                let u = ctx.uln(rule.code);
                (u.map(|u| round_decimals(k * u, 6)), Some((k, u)))
            }
        };
        let result = latest(rule.code);
        let stale = result.as_ref().and_then(|r| ctx.staleness(r.date));
        let state = match (&result, threshold) {
            (Some(_), _) if stale.is_some() => CriterionState::NotMet,
            (Some(r), Some(t)) => {
                let ok = match limit {
                    Limit::AtLeast(_) => at_least(r.value, t),
                    Limit::AtMostUln(_) => at_most(r.value, t),
                };
                if ok { CriterionState::Met } else { CriterionState::NotMet }
            }
            _ => CriterionState::NotEntered,
        };
        let note = stale.or_else(|| {
            if result.is_some() && threshold.is_none() {
                Some(CriterionNote::NoUln)
            } else {
                relaxed.map(|(c, _)| CriterionNote::Relaxed(c))
            }
        });
        out.push(Criterion {
            code: rule.code.key(),
            state,
            value: result.as_ref().map(|r| r.value),
            typed: result.as_ref().map(|r| r.typed.clone()),
            threshold,
            at_most: matches!(limit, Limit::AtMostUln(_)),
            uln,
            date: result.as_ref().map(|r| r.date),
            clearance_ml_min: None,
            note,
            source: rule.source,
        });
    }
    out.push(creatinine(latest(LabCode::Creatinine), ctx));
    out.push(Criterion {
        code: "lvef",
        state: match ctx.lvef {
            Some((v, _)) if at_least(v, MIN_LVEF_PCT) => CriterionState::Met,
            Some(_) => CriterionState::NotMet,
            None => CriterionState::NotEntered,
        },
        value: ctx.lvef.map(|(v, _)| v),
        typed: None,
        threshold: Some(MIN_LVEF_PCT),
        at_most: false,
        uln: None,
        date: ctx.lvef.map(|(_, d)| d),
        clearance_ml_min: None,
        note: None,
        source: "NCT05385705 exclusion 19: LVEF < 50 % by echocardiogram or MUGA",
    });
    out.push(Criterion {
        code: "age",
        state: match ctx.age_years {
            Some(a) if a >= MIN_AGE_YEARS => CriterionState::Met,
            Some(_) => CriterionState::NotMet,
            None => CriterionState::NotEntered,
        },
        value: ctx.age_years.map(f64::from),
        typed: None,
        threshold: Some(f64::from(MIN_AGE_YEARS)),
        at_most: false,
        uln: None,
        date: None,
        clearance_ml_min: None,
        note: None,
        source: "NCT05385705 inclusion 4: age ≥ 18 years",
    });
    out.push(Criterion {
        code: "sex",
        state: match (ctx.sex_known, ctx.female) {
            (true, true) => CriterionState::Met,
            (true, false) => CriterionState::NotMet,
            (false, _) => CriterionState::NotEntered,
        },
        value: None,
        typed: None,
        threshold: None,
        at_most: false,
        uln: None,
        date: None,
        clearance_ml_min: None,
        note: None,
        source: ELIGIBLE_SEX_SOURCE,
    });
    // The labs' dates, as one criterion: every result entered is recent.
    let entered: Vec<&Criterion> = out.iter().filter(|c| c.date.is_some() && c.code != "lvef").collect();
    let any_stale = entered
        .iter()
        .any(|c| matches!(c.note, Some(CriterionNote::TooOld { .. } | CriterionNote::AfterTreatment)));
    let oldest = entered.iter().filter_map(|c| c.date).min();
    let (state, note) = match (ctx.first_treatment, oldest) {
        (None, _) => (CriterionState::NotEntered, Some(CriterionNote::NoTreatmentDate)),
        (Some(_), None) => (CriterionState::NotEntered, None),
        (Some(_), Some(_)) if any_stale => (CriterionState::NotMet, None),
        (Some(_), Some(_)) => (CriterionState::Met, None),
    };
    out.push(Criterion {
        code: "lab-dates",
        state,
        value: None,
        typed: None,
        threshold: Some(LAB_MAX_AGE_DAYS as f64),
        at_most: true,
        uln: None,
        date: oldest,
        clearance_ml_min: None,
        note,
        source: "NCT05385705 inclusion 9: laboratory values within 7 days before the first study treatment",
    });
    out
}

/// Creatinine ≤ 1.5 × ULN, or else a Cockcroft-Gault clearance ≥ 50 mL/min.
fn creatinine(result: Option<LabResult>, ctx: &Context) -> Criterion {
    let uln = ctx.uln(LabCode::Creatinine);
    let threshold = uln.map(|u| round_decimals(CREATININE_ULN_MULTIPLE * u, 6));
    let stale = result.as_ref().and_then(|r| ctx.staleness(r.date));
    let within_uln = matches!((&result, threshold), (Some(r), Some(t)) if at_most(r.value, t));
    let clearance = result
        .as_ref()
        .filter(|_| !within_uln && ctx.sex_known)
        .and_then(|r| cockcroft_gault(ctx.age_years?, ctx.weight_kg?, r.value, ctx.female));
    let (state, note) = match (&result, clearance) {
        (None, _) => (CriterionState::NotEntered, None),
        (Some(_), _) if stale.is_some() => (CriterionState::NotMet, stale),
        _ if within_uln => (CriterionState::Met, None),
        (Some(_), Some(c)) if at_least(c, MIN_CREATININE_CLEARANCE_ML_MIN) => {
            (CriterionState::Met, Some(CriterionNote::ByClearance))
        }
        (Some(_), Some(_)) => (CriterionState::NotMet, Some(CriterionNote::ByClearance)),
        (Some(_), None) => (CriterionState::NotEntered, Some(CriterionNote::ClearanceNeedsAgeSexWeight)),
    };
    Criterion {
        code: "creatinine",
        state,
        value: result.as_ref().map(|r| r.value),
        typed: result.as_ref().map(|r| r.typed.clone()),
        threshold,
        at_most: true,
        uln: Some((CREATININE_ULN_MULTIPLE, uln)),
        date: result.as_ref().map(|r| r.date),
        clearance_ml_min: clearance,
        note,
        source: "NCT05385705 inclusion 9: creatinine ≤ 1.5 × ULN or creatinine clearance ≥ 50 mL/min (Cockcroft-Gault)",
    }
}

impl Criterion {
    /// How many decimals (at least `min`, at most 6) the value and its limit
    /// need so that, written, they compare as they were decided: 1.499 is not
    /// written "1.5" beside "≥ 1.5" and NOT MET (decisions are taken at 6
    /// decimals, [`at_least`]). Without both a value and a limit, `min`.
    pub fn decimals_to_show(&self, min: usize) -> usize {
        let (Some(v), Some(t)) = (self.value, self.threshold) else { return min };
        decimals_to_compare(v, t, self.at_most, min)
    }
}

/// The fewest decimals, from `min` to 6, at which `value` and `limit` written
/// compare as they do decided ([`at_least`] / [`at_most`]).
pub fn decimals_to_compare(value: f64, limit: f64, at_most_rule: bool, min: usize) -> usize {
    let decided = if at_most_rule { at_most(value, limit) } else { at_least(value, limit) };
    (min.min(6)..=6)
        .find(|&d| {
            let (v, l) = (round_decimals(value, d as i32), round_decimals(limit, d as i32));
            let reads = if at_most_rule { v <= l } else { v >= l };
            reads == decided
        })
        .unwrap_or(6)
}

/// When a fall in LVEF withholds the antibodies.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LvefHoldRule {
    /// Withhold when LVEF has fallen by at least this many points from baseline…
    pub min_fall_points: f64,
    /// …and is below this (%).
    pub below_pct: f64,
    pub source: &'static str,
}

/// The EU trastuzumab rule (Herceptin SmPC 4.4, criteria-to-treat.md): withhold
/// when LVEF falls ≥ 10 points from baseline and below 50 %; repeat in about 3 weeks.
pub const LVEF_HOLD_EU: LvefHoldRule = LvefHoldRule {
    min_fall_points: 10.0,
    below_pct: 50.0,
    source: "Herceptin EU SmPC 4.4: withhold if LVEF drops ≥ 10 points from baseline and below 50 %",
};

/// Whether trastuzumab and pertuzumab are withheld for this LVEF.
pub fn lvef_withholds(rule: &LvefHoldRule, baseline_pct: f64, latest_pct: f64) -> bool {
    at_least(baseline_pct - latest_pct, rule.min_fall_points) && !at_least(latest_pct, rule.below_pct)
}
