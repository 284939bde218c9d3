//! The JSON report of `calc --json`: codes, numbers and ISO dates, never display text.

#[allow(unused_imports)]
use super::*;

/// The `--json` shape: the keys the dose-engine issue names, and more.
#[derive(Debug, Serialize)]
pub struct JsonReport {
    pub regimen: &'static str,
    pub protocol: &'static str,
    pub cycle: u32,
    pub bsa_m2: f64,
    pub bsa_formula: &'static str,
    pub bsa_unrounded_m2: f64,
    pub bsa_cap_applied_m2: Option<f64>,
    pub bsa_working: String,
    pub doses: Vec<JsonDose>,
    pub nk_cells: Option<JsonNk>,
    pub nk_state: &'static str,
    pub schedule: Vec<JsonDay>,
    pub weight_change_pct: Option<f64>,
    pub warnings: Vec<String>,
    /// Each warning with its code, and whether its acknowledgement needs a reason.
    pub warning_codes: Vec<JsonWarning>,
    pub protocol_checks_pass: bool,
    /// Options `calc` defaulted because they were not given (`cycle`: 1; `day1`: no dates).
    pub defaults_used: Vec<&'static str>,
    /// Cycle 1: the criteria to treat, each met, not met or not entered. Empty from cycle 2.
    pub criteria: Vec<JsonCriterion>,
    /// True when every criterion is met (cycle 1), or there are none (cycle 2 on).
    pub criteria_met: bool,
    /// The heart check before the antibodies.
    pub cardiac: Option<JsonCardiac>,
}

#[derive(Debug, Serialize)]
pub struct JsonCriterion {
    pub code: &'static str,
    /// `met`, `not-met` or `not-entered`.
    pub state: &'static str,
    /// In `unit`; creatinine in mg/dL.
    pub value: Option<f64>,
    /// The limit applied, in `unit` (a multiple of ULN already multiplied out).
    pub threshold: Option<f64>,
    /// `at-least` or `at-most`.
    pub comparison: &'static str,
    pub unit: &'static str,
    pub date: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub clearance_ml_min: Option<f64>,
    /// Why it stands so, in words.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    pub source: &'static str,
}

#[derive(Debug, Serialize)]
pub struct JsonCardiac {
    pub baseline_lvef_pct: Option<f64>,
    pub latest_lvef_pct: Option<f64>,
    pub latest_lvef_date: Option<String>,
    pub withhold: bool,
    pub hold_min_fall_points: f64,
    pub hold_below_pct: f64,
    pub rule_source: &'static str,
    pub line: String,
}

#[derive(Debug, Serialize)]
pub struct JsonWarning {
    pub code: String,
    /// The values the warning concerns, as its acknowledgement records them.
    pub detail: String,
    pub message: String,
    pub needs_reason: bool,
}

#[derive(Debug, Serialize)]
pub struct JsonDose {
    pub drug: &'static str,
    /// Absent when the dose is withheld.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub dose: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unrounded: Option<f64>,
    pub unit: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub loading: Option<bool>,
    pub route: &'static str,
    pub days: Vec<i32>,
    pub dates: Vec<Option<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub working: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub volume_ml: Option<f64>,
    pub too_small_to_measure: bool,
    /// Antibodies: withheld this cycle for a fall in LVEF (no dose).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub withheld: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub withheld_reason: Option<String>,
    /// Shortest and longest infusion time, minutes (absent: not set by the site, or not infused).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub infusion_minutes: Option<[u32; 2]>,
    /// Pump rate for the shortest and the longest time, mL/h.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub infusion_rate_ml_h: Option<[f64; 2]>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub observation: Option<String>,
    /// Cyclophosphamide: the day chosen within its window.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub chosen_date: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct JsonNk {
    pub count: f64,
    pub min: f64,
    pub max: f64,
    pub within_range: bool,
}

#[derive(Debug, Serialize)]
pub struct JsonDay {
    pub day: i32,
    pub date: Option<String>,
}

impl JsonReport {
    /// The report as JSON: keys and codes are identifiers; `message` and `working` texts are in `w`'s words.
    /// Field by field, one key per line: long because the JSON has that many keys.
    pub fn new(r: &Report, w: &Words) -> Self {
        let iso = |d: Option<chrono::NaiveDate>| d.map(|d| d.format("%Y-%m-%d").to_string());
        JsonReport {
            regimen: crate::regimen::NK_ACT_BC.name,
            protocol: crate::regimen::NK_ACT_BC.protocol,
            cycle: r.inputs.cycle,
            bsa_m2: r.bsa.used_m2,
            bsa_formula: r.bsa.formula.key(),
            bsa_unrounded_m2: r.bsa.unrounded_m2,
            bsa_cap_applied_m2: r.bsa.cap_applied_m2,
            bsa_working: w.bsa_working(&r.bsa),
            doses: r
                .doses
                .iter()
                .map(|d| JsonDose {
                    drug: d.drug.key(),
                    dose: (!d.withheld).then_some(d.dose),
                    unrounded: (!d.withheld).then_some(d.unrounded),
                    unit: match d.unit {
                        DoseUnit::Mg => "mg",
                        DoseUnit::Units => "units",
                    },
                    loading: d.phase.map(|p| p.loading),
                    route: match d.route {
                        crate::regimen::Route::Intravenous => "intravenous",
                        crate::regimen::Route::Subcutaneous => "subcutaneous",
                    },
                    days: d.days.iter().map(|(day, _)| *day).collect(),
                    dates: d.days.iter().map(|(_, date)| iso(*date)).collect(),
                    working: (!d.withheld).then(|| w.dose_working(d)),
                    volume_ml: (!d.withheld).then_some(d.preparation.volume_ml),
                    too_small_to_measure: !d.withheld && d.preparation.too_small,
                    withheld: d.phase.is_some().then_some(d.withheld),
                    withheld_reason: d.withheld.then(|| {
                        r.cardiac
                            .map(|c| w.withheld_reason(&c))
                            .unwrap_or_else(|| w.msg(msg!("withheld-plain")))
                    }),
                    infusion_minutes: d
                        .preparation
                        .infusion
                        .filter(|_| !d.withheld)
                        .map(|i| [i.minutes.0, i.minutes.1]),
                    infusion_rate_ml_h: d
                        .preparation
                        .infusion
                        .filter(|_| !d.withheld)
                        .and_then(|i| i.rate_ml_h)
                        .map(|(a, b)| [a, b]),
                    observation: d.observation.filter(|_| !d.withheld).map(|o| w.observation(o)),
                    chosen_date: d.chosen_day.map(|(_, date)| date.format("%Y-%m-%d").to_string()),
                })
                .collect(),
            nk_cells: r.nk.and_then(|nk| {
                nk.count.map(|count| JsonNk {
                    count,
                    min: nk.min,
                    max: nk.max,
                    within_range: nk.state == NkState::WithinRange,
                })
            }),
            nk_state: match r.nk.map(|n| n.state) {
                None => "not-in-cycle",
                Some(NkState::Pending) => "pending",
                Some(NkState::WithinRange) => "within-range",
                Some(NkState::OutOfRange) => "out-of-range",
            },
            schedule: r.schedule.iter().map(|d| JsonDay { day: d.day, date: iso(d.date) }).collect(),
            weight_change_pct: r.weight_change.map(|w| crate::rounding::round_decimals(w.change_pct, 2)),
            warnings: r.warnings.iter().map(|x| w.warning(&x.kind)).collect(),
            warning_codes: r
                .warnings
                .iter()
                .map(|x| JsonWarning {
                    code: x.code.clone(),
                    detail: x.detail.clone(),
                    message: w.warning(&x.kind),
                    needs_reason: x.needs_reason,
                })
                .collect(),
            protocol_checks_pass: r.protocol_checks_pass(),
            defaults_used: Vec::new(),
            criteria: r
                .criteria
                .iter()
                .map(|c| JsonCriterion {
                    code: c.code,
                    state: c.state.key(),
                    value: c.value,
                    threshold: c.threshold,
                    comparison: if c.at_most { "at-most" } else { "at-least" },
                    unit: crate::criteria::LabCode::from_key(c.code).map_or(
                        match c.code {
                            "lvef" => "%",
                            "age" => "years",
                            "lab-dates" => "days",
                            _ => "",
                        },
                        |code| code.unit().symbol(),
                    ),
                    date: iso(c.date),
                    clearance_ml_min: c.clearance_ml_min.map(|v| crate::rounding::round_decimals(v, 1)),
                    note: w.criterion_note(c, r.clearance_weight_kg),
                    source: c.source,
                })
                .collect(),
            criteria_met: r.criteria_open().is_empty(),
            cardiac: r.cardiac.map(|c| JsonCardiac {
                baseline_lvef_pct: c.baseline_pct,
                latest_lvef_pct: c.latest.map(|l| l.0),
                latest_lvef_date: iso(c.latest.map(|l| l.1)),
                withhold: c.withhold,
                hold_min_fall_points: c.rule.min_fall_points,
                hold_below_pct: c.rule.below_pct,
                rule_source: c.rule.source,
                line: w.cardiac_line(&c),
            }),
        }
    }
}
