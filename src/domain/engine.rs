//! The dose engine: validated [`Inputs`] and [`Settings`] in, a [`Report`]
//! out, with the working for every number. It evaluates the regimen table in
//! [`crate::regimen`]; it holds no dose, day or limit of its own.
//!
//! Rounding rules (README, "Rounding"):
//! - BSA is rounded to 2 decimals, half away from zero; the optional cap is
//!   applied after rounding and reported whenever it bites.
//! - mg doses are rounded to the nearest multiple of the rounding increment
//!   (default 1 mg); units are rounded to a whole unit. The unrounded value
//!   stays in the working.
//! - Volumes: to 0.1 mL at 10 mL and over, 0.01 mL from 1 mL, 0.001 mL below.

use chrono::NaiveDate;

use crate::bsa::BsaFormula;
use crate::clinical::Clinical;
use crate::criteria::{Context, Criterion, LvefHoldRule, evaluate, lvef_withholds};
use crate::domain::rounding::{round_decimals, round_to_increment};
use crate::error::InputError;
use crate::input::Inputs;
use crate::regimen::{Basis, Cycles, Diluent, DoseUnit, Drug, DrugRule, NK_ACT_BC, Range, Route};
use crate::settings::{ProductSettings, Settings};

/// BSA as calculated and as used for dosing.
#[derive(Debug, Clone, PartialEq)]
pub struct BsaResult {
    pub formula: BsaFormula,
    /// Straight from the formula.
    pub unrounded_m2: f64,
    /// Rounded to 2 decimals.
    pub rounded_m2: f64,
    /// What the doses use: rounded, then capped.
    pub used_m2: f64,
    /// The cap, when it bit.
    pub cap_applied_m2: Option<f64>,
    /// The measures the formula used.
    pub height_cm: f64,
    pub weight_kg: f64,
}

/// Why an antibody dose is a loading or a maintenance dose.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PhaseReason {
    /// Cycle 1 always loads.
    FirstCycle,
    /// Interval since the last dose within the maintenance window.
    IntervalWithin { last: NaiveDate, day1: NaiveDate, days: i64, max_days: i64 },
    /// Interval longer than the maintenance window: re-load.
    IntervalExceeded { last: NaiveDate, day1: NaiveDate, days: i64, max_days: i64 },
    /// Cycle ≥ 2 without Day 1 or last-dose date: maintenance, unchecked.
    IntervalNotChecked,
}

/// Loading or maintenance, and why.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Phase {
    pub loading: bool,
    pub reason: PhaseReason,
}

/// Vials of one size.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct VialCount {
    pub size: f64,
    pub count: u32,
}

/// How a dose is prepared from the stocked product.
#[derive(Debug, Clone, PartialEq)]
pub struct Preparation {
    pub concentration_per_ml: f64,
    /// Volume of stock to draw, rounded for measuring (see the module rules).
    pub volume_ml: f64,
    pub vials: Vec<VialCount>,
    pub diluent: Option<Diluent>,
    pub bag_volume_ml: Option<f64>,
    /// How long the infusion runs, and the pump rate; `None` where the site has not set a time.
    pub infusion: Option<Infusion>,
    /// The stock volume is under the measurable minimum.
    pub too_small: bool,
    pub min_measurable_ml: f64,
    /// With a configured dilution step: (diluted concentration per mL, volume to draw).
    pub diluted: Option<(f64, f64)>,
}

/// Why an infusion runs as long as it does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InfusionBasis {
    /// A loading (first) dose.
    Loading,
    /// A maintenance dose.
    Maintenance,
    /// Trastuzumab maintenance, the previous infusion well tolerated: the short time.
    Tolerated,
    /// Trastuzumab maintenance, the previous infusion not well tolerated: the loading time.
    NotTolerated,
    /// Trastuzumab maintenance, tolerance not recorded: the loading time, to be safe.
    ToleranceNotRecorded,
    /// A drug with one dose (cyclophosphamide): the time the site set.
    Site,
}

/// An infusion's time and pump rate.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Infusion {
    /// Shortest and longest time, minutes (equal when one time is set).
    pub minutes: (u32, u32),
    pub basis: InfusionBasis,
    /// Bag volume ÷ time, mL/h, for the shortest and the longest time; `None` without a bag volume.
    pub rate_ml_h: Option<(f64, f64)>,
}

/// How long to watch the patient after a product.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Observation {
    /// After each pertuzumab infusion, before trastuzumab: this many minutes (least, most).
    BeforeNext { minutes: (u32, u32) },
    /// After the first trastuzumab infusion: this many hours from its start.
    FromStartHours(u32),
    /// After later trastuzumab infusions, as the site sets it.
    Minutes(u32),
    /// After later trastuzumab infusions, not set: per site protocol.
    PerSiteProtocol,
}

/// One dose, ready to order.
#[derive(Debug, Clone, PartialEq)]
pub struct DoseLine {
    pub drug: Drug,
    pub unit: DoseUnit,
    pub route: Route,
    /// The dose to give, rounded.
    pub dose: f64,
    pub unrounded: f64,
    /// The rounded dose the BSA before the cap would have given, when a cap applied to this dose.
    pub uncapped: Option<f64>,
    /// Antibodies only.
    pub phase: Option<Phase>,
    /// Protocol days, with calendar dates when Day 1 is known.
    pub days: Vec<(i32, Option<NaiveDate>)>,
    /// True when the drug is given once on any one of `days`.
    pub once_within: bool,
    /// On the NK day, this dose follows the NK infusion within this many hours.
    pub after_nk_within_hours: Option<u32>,
    /// The formula and the numbers it used.
    pub working: Working,
    /// The rounding step the dose was rounded to (mg increment, or 1 unit).
    pub increment: f64,
    pub preparation: Preparation,
    /// How long to watch the patient after it.
    pub observation: Option<Observation>,
    /// An antibody withheld for a fall in LVEF ([`Report::cardiac`]): no dose is given.
    pub withheld: bool,
    /// A once-only dose with its day chosen (cyclophosphamide): the protocol day and date.
    pub chosen_day: Option<(i32, NaiveDate)>,
}

/// How a dose was worked out: the formula's kind and the numbers it used.
/// The result (`unrounded`) and the rounding (`dose`, `increment`) are on the
/// [`DoseLine`]; the presentation writes all of it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Working {
    /// rate × BSA used. With a cap that bit: the BSA before the cap and the
    /// rounded dose it would have given.
    PerSquareMetre { rate: f64, bsa_m2: f64, uncapped: Option<(f64, f64)> },
    /// rate × weight.
    PerKilogram { rate: f64, weight_kg: f64 },
    /// A flat amount.
    Flat { amount: f64 },
}

/// Which measure a soft limit concerns.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Measure {
    Weight,
    Height,
    Bsa,
}

/// One dose a BSA cap lowered.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CappedDose {
    pub drug: Drug,
    pub unit: DoseUnit,
    pub uncapped: f64,
    pub capped: f64,
}

/// What a warning is about, with the values it concerns. The presentation
/// words it; nothing below it holds a sentence.
#[derive(Debug, Clone, PartialEq)]
pub enum WarningKind {
    /// A measure outside the usual range (but inside the hard limits).
    SoftLimit { measure: Measure, value: f64, range: Range },
    /// Maintenance given without the dates to check for re-loading.
    IntervalNotChecked { drug: Drug },
    /// Fewer days since the last dose than a 3-weekly dose allows.
    IntervalTooShort { drug: Drug, last: NaiveDate, day1: NaiveDate, days: i64, min_days: i64 },
    /// The stock volume is under the measurable minimum and no dilution step is set.
    VolumeTooSmall { drug: Drug, volume_ml: f64, min_ml: f64 },
    /// The BSA cap typed for this order lowers doses.
    BsaCapLowersDose { cap_m2: f64, uncapped_m2: f64, doses: Vec<CappedDose> },
    /// A last-dose date typed for cycle 1, where it is not used.
    LastDoseIgnored { drug: Drug, date: NaiveDate },
    /// An NK count typed for a cycle without NK cells.
    NkNotThisCycle { cycle: u32 },
    /// The weight changed past the recalculation threshold.
    WeightChange(WeightChange),
    /// The patient is under 18 on Day 1 (protocol inclusion 4).
    AgeUnder18 { age: u32, date_of_birth: NaiveDate },
    /// The allergies name drugs of this regimen.
    AllergyNamesDrug { drugs: Vec<Drug> },
    /// The allergies mix letters of different alphabets.
    AllergiesMixScripts,
    /// The patient's name mixes letters of different alphabets.
    NameMixesScripts { name: String },
    /// The latest LVEF is older than the site allows before an antibody dose.
    LvefOld { date: NaiveDate, day1: NaiveDate, days: i64, max_days: u32 },
    /// An antibody cycle after the first with no LVEF entered: the heart was not checked.
    LvefMissing { cycle: u32 },
    /// The latest LVEF is below the hold threshold and no baseline was entered to judge the fall.
    LvefBaselineMissing { latest_pct: f64, below_pct: f64 },
    /// Day 1 is before the order date.
    Day1BeforeOrderDate { day1: NaiveDate, order_date: NaiveDate },
    /// A once-only window ends before the order date.
    WindowBeforeOrderDate { drug: Drug, last: NaiveDate, order_date: NaiveDate },
}

/// The state of the NK product check.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NkState {
    Pending,
    WithinRange,
    OutOfRange,
}

/// The NK product count against the protocol range.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct NkCheck {
    pub count: Option<f64>,
    pub min: f64,
    pub max: f64,
    pub state: NkState,
    pub day: (i32, Option<NaiveDate>),
}

/// What happens on one protocol day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Event {
    Dose(Drug),
    /// The drug's once-only window covers this day.
    DoseWindow(Drug),
    NkInfusion,
    NextCycle,
    /// An antibody withheld this cycle (a fall in LVEF).
    Withheld(Drug),
}

/// One protocol day of the cycle.
#[derive(Debug, Clone, PartialEq)]
pub struct ScheduleDay {
    pub day: i32,
    pub date: Option<NaiveDate>,
    pub events: Vec<Event>,
}

/// Weight now against the weight the last doses were based on.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct WeightChange {
    pub previous_kg: f64,
    pub current_kg: f64,
    pub change_pct: f64,
    pub threshold_pct: f64,
    pub exceeds: bool,
}

/// A condition the person must see, and acknowledge before the order leaves.
/// An acknowledgement is recorded against `code` and `detail`: when the values
/// behind a warning change, the old acknowledgement no longer applies.
#[derive(Debug, Clone, PartialEq)]
pub struct Warning {
    /// A stable key naming the kind of warning (`weight-soft-limit`,
    /// `interval-too-short:trastuzumab`); the command line's `--reason CODE=…`.
    pub code: String,
    /// The values the warning concerns, written canonically (`160`, `2026-11-09/2026-11-10`).
    pub detail: String,
    /// What it is about, with its values, for the presentation to word.
    pub kind: WarningKind,
    /// The acknowledgement must say why (an implausible value, a protocol rule bent).
    pub needs_reason: bool,
}

impl Warning {
    pub fn new(
        code: impl Into<String>,
        detail: impl Into<String>,
        kind: WarningKind,
        needs_reason: bool,
    ) -> Self {
        Warning { code: code.into(), detail: detail.into(), kind, needs_reason }
    }
}

/// The heart check before the antibodies.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Cardiac {
    pub baseline_pct: Option<f64>,
    pub latest: Option<(f64, NaiveDate)>,
    pub rule: LvefHoldRule,
    /// Trastuzumab and pertuzumab are withheld this cycle.
    pub withhold: bool,
    pub max_age_days: u32,
}

impl Cardiac {
    /// Points fallen from baseline, when both are known.
    pub fn fall_points(&self) -> Option<f64> {
        Some(self.baseline_pct? - self.latest?.0)
    }
}

/// The NK cell product as identified for this order, with the site's handling.
#[derive(Debug, Clone, PartialEq)]
pub struct NkProduct {
    pub product_id: Option<String>,
    pub bag_id: Option<String>,
    pub released_at: Option<chrono::NaiveDateTime>,
    /// The site's limit, hours after release or thaw.
    pub max_hours: Option<f64>,
    /// `released_at` + `max_hours`, when both are known.
    pub infuse_by: Option<chrono::NaiveDateTime>,
    /// As the site's manual says; `None`: not set.
    pub route_and_set: Option<String>,
}

/// Supportive care as the site sets it; `None`: per site protocol.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SupportiveCare {
    pub antiemetic: Option<String>,
    pub hydration: Option<String>,
    pub premedication: Option<String>,
}

/// Everything the engine works out for one patient and cycle.
#[derive(Debug, Clone, PartialEq)]
pub struct Report {
    pub inputs: Inputs,
    pub bsa: BsaResult,
    /// In administration order; drugs not in this cycle are absent.
    pub doses: Vec<DoseLine>,
    /// `None` when the NK product is not part of this cycle.
    pub nk: Option<NkCheck>,
    pub schedule: Vec<ScheduleDay>,
    pub weight_change: Option<WeightChange>,
    pub warnings: Vec<Warning>,
    /// Cycle 1: the eligibility criteria (protocol inclusion 4 and 9, exclusion 19). Empty from cycle 2.
    pub criteria: Vec<Criterion>,
    /// The weight the Cockcroft-Gault clearance used (actual weight), kg.
    pub clearance_weight_kg: f64,
    /// The heart check; `None` when no antibody is given this cycle.
    pub cardiac: Option<Cardiac>,
    /// With the NK cells this cycle.
    pub nk_product: Option<NkProduct>,
    pub supportive: SupportiveCare,
    /// The time the cyclophosphamide starts, when given.
    pub cyclophosphamide_time: Option<chrono::NaiveTime>,
}

/// One entry of the administration order: a dose, or the NK product.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Administered<'a> {
    Dose(&'a DoseLine),
    Nk(&'a NkCheck),
}

impl Report {
    /// The doses and the NK product in administration order: each drug by its
    /// first protocol day, the NK infusion before the drugs of its own day
    /// (IL-2 follows the NK infusion, Protocol).
    pub fn administration_order(&self) -> Vec<Administered<'_>> {
        let mut out = Vec::with_capacity(self.doses.len() + 1);
        let mut nk = self.nk.as_ref();
        for d in &self.doses {
            let first_day = d.days.first().map(|(day, _)| *day).unwrap_or(0);
            if let Some(check) = nk.filter(|n| first_day >= n.day.0) {
                out.push(Administered::Nk(check));
                nk = None;
            }
            out.push(Administered::Dose(d));
        }
        if let Some(check) = nk {
            out.push(Administered::Nk(check));
        }
        out
    }

    /// True when every protocol check passed (a pending NK count passes).
    pub fn protocol_checks_pass(&self) -> bool {
        self.nk.is_none_or(|nk| nk.state != NkState::OutOfRange)
    }

    /// When the first treatment starts: the cyclophosphamide day chosen, at its time
    /// (else 00:00, the earliest), or while not chosen the first day of its window.
    pub fn first_treatment(&self) -> Option<chrono::NaiveDateTime> {
        let cyclo = self.dose(Drug::Cyclophosphamide)?;
        let date = match cyclo.chosen_day {
            Some((_, d)) => d,
            None => cyclo.days.first()?.1?,
        };
        Some(date.and_time(self.cyclophosphamide_time.unwrap_or(chrono::NaiveTime::MIN)))
    }

    /// The criteria to treat not met or not entered (cycle 1).
    pub fn criteria_open(&self) -> Vec<&Criterion> {
        self.criteria.iter().filter(|c| c.state != crate::criteria::CriterionState::Met).collect()
    }

    /// The dose line for `drug`, if given this cycle.
    pub fn dose(&self, drug: Drug) -> Option<&DoseLine> {
        self.doses.iter().find(|d| d.drug == drug)
    }
}

pub use crate::domain::calendar::date_of_day;

mod lines;
#[allow(unused_imports)]
use lines::*;
pub use lines::{choose_vials, measurable_volume};

mod checks;
#[allow(unused_imports)]
use checks::*;

/// Runs the regimen for one patient and cycle, with no criteria inputs
/// (every criterion not entered).
pub fn calculate(inputs: &Inputs, settings: &Settings) -> Result<Report, InputError> {
    calculate_with(inputs, &Clinical::default(), settings)
}

/// Runs the regimen for one patient and cycle, with the criteria to treat.
pub fn calculate_with(
    inputs: &Inputs,
    clinical: &Clinical,
    settings: &Settings,
) -> Result<Report, InputError> {
    settings.validate()?;
    let regimen = &NK_ACT_BC;
    let mut warnings = Vec::new();

    soft_limit(&mut warnings, Measure::Weight, inputs.weight.kg(), regimen.limits.weight_kg_soft);
    soft_limit(&mut warnings, Measure::Height, inputs.height.cm(), regimen.limits.height_cm_soft);

    let bsa = bsa_result(inputs);
    soft_limit(&mut warnings, Measure::Bsa, bsa.rounded_m2, regimen.limits.bsa_m2_soft);

    let mut doses = dose_lines(inputs, clinical, settings, &bsa, &mut warnings);
    cap_and_last_dose_warnings(inputs, &bsa, &doses, &mut warnings);

    let nk = nk_check(inputs, &mut warnings);

    let weight_change = weight_change_of(inputs, settings, &mut warnings);

    let cardiac = cardiac(inputs, clinical, settings, &doses, &mut warnings);
    if cardiac.is_some_and(|c| c.withhold) {
        for d in doses.iter_mut().filter(|d| matches!(d.drug, Drug::Trastuzumab | Drug::Pertuzumab)) {
            d.withheld = true;
        }
    }
    let criteria = if inputs.cycle == 1 { eligibility(inputs, clinical, &doses) } else { Vec::new() };
    let (nk_product, supportive) = product_and_care(nk.is_some(), clinical, settings);
    let schedule = schedule(inputs, &doses, nk.is_some());
    Ok(Report {
        inputs: *inputs,
        bsa,
        doses,
        nk,
        schedule,
        weight_change,
        warnings,
        criteria,
        clearance_weight_kg: inputs.weight.kg(),
        cardiac,
        nk_product,
        supportive,
        cyclophosphamide_time: clinical.cyclophosphamide_time,
    })
}

/// The NK cell count against the protocol's range, when the cells are given this cycle;
/// a count typed for a cycle without NK cells is said.
fn nk_check(inputs: &Inputs, warnings: &mut Vec<Warning>) -> Option<NkCheck> {
    let regimen = &NK_ACT_BC;
    let in_cycle = |cycles: Cycles| cycles == Cycles::Every || inputs.cycle == 1;
    let day = |d: i32| (d, inputs.day1.and_then(|d1| date_of_day(d1, d)));
    let nk = in_cycle(regimen.nk.cycles).then(|| {
        let count = inputs.nk_cells.map(|c| c.count());
        let state = match count {
            None => NkState::Pending,
            Some(c) if c >= regimen.nk.min_cells && c <= regimen.nk.max_cells => NkState::WithinRange,
            Some(_) => NkState::OutOfRange,
        };
        NkCheck {
            count,
            min: regimen.nk.min_cells,
            max: regimen.nk.max_cells,
            state,
            day: day(regimen.nk.day),
        }
    });
    if nk.is_none()
        && let Some(c) = inputs.nk_cells
    {
        warnings.push(Warning::new(
            "nk-not-this-cycle",
            format!("{}", c.count()),
            WarningKind::NkNotThisCycle { cycle: inputs.cycle },
            false,
        ));
    }

    nk
}

/// The NK product's identity and "infuse by", and the site's supportive care, as set.
fn product_and_care(
    nk_in_cycle: bool,
    clinical: &Clinical,
    settings: &Settings,
) -> (Option<NkProduct>, SupportiveCare) {
    let a = &settings.administration;
    let text = |t: &str| (!t.trim().is_empty()).then(|| t.to_owned());
    let nk_product = nk_in_cycle.then(|| {
        let max_hours = a.nk_max_hours_after_release;
        NkProduct {
            product_id: clinical.nk_product_id.clone(),
            bag_id: clinical.nk_bag_id.clone(),
            released_at: clinical.nk_released_at,
            max_hours,
            infuse_by: clinical.nk_released_at.zip(max_hours).and_then(|(t, h)| {
                t.checked_add_signed(chrono::TimeDelta::try_minutes((h * 60.0).round() as i64)?)
            }),
            route_and_set: text(&a.nk_route_and_set),
        }
    });
    let supportive = SupportiveCare {
        antiemetic: text(&a.antiemetic),
        hydration: text(&a.hydration),
        premedication: text(&a.premedication),
    };
    (nk_product, supportive)
}

/// Every dose line of this cycle, with the warnings the doses themselves raise.
fn dose_lines(
    inputs: &Inputs,
    clinical: &Clinical,
    settings: &Settings,
    bsa: &BsaResult,
    warnings: &mut Vec<Warning>,
) -> Vec<DoseLine> {
    let regimen = &NK_ACT_BC;
    let in_cycle = |cycles: Cycles| cycles == Cycles::Every || inputs.cycle == 1;
    let day = |d: i32| (d, inputs.day1.and_then(|d1| date_of_day(d1, d)));
    let mut doses = Vec::new();

    for rule in regimen.drugs.iter().filter(|r| in_cycle(r.cycles)) {
        let Some(product) = settings.product(rule.drug) else { continue };
        let phase = phase_for(rule, inputs);
        let key = rule.drug.key();
        match phase.map(|p| p.reason) {
            Some(PhaseReason::IntervalNotChecked) => warnings.push(Warning::new(
                format!("interval-not-checked:{key}"),
                "",
                WarningKind::IntervalNotChecked { drug: rule.drug },
                false,
            )),
            Some(PhaseReason::IntervalWithin { last, day1, days, .. })
                if rule.min_interval_days.is_some_and(|min| days < min) =>
            {
                let min = rule.min_interval_days.unwrap_or(0);
                warnings.push(Warning::new(
                    format!("interval-too-short:{key}"),
                    format!("{last}/{day1}"),
                    WarningKind::IntervalTooShort { drug: rule.drug, last, day1, days, min_days: min },
                    true,
                ));
            }
            _ => {}
        }
        let mut line = dose_line(rule, product, settings, inputs, bsa, phase, &day);
        line.preparation.infusion = infusion(rule.drug, product, settings, phase, clinical);
        line.observation = observation(rule.drug, inputs.cycle, settings);
        if rule.drug == Drug::Cyclophosphamide {
            line.chosen_day = clinical.cyclophosphamide;
        }
        if line.preparation.too_small && line.preparation.diluted.is_none() {
            warnings.push(Warning::new(
                format!("volume-too-small:{key}"),
                format!("{}", line.preparation.volume_ml),
                WarningKind::VolumeTooSmall {
                    drug: line.drug,
                    volume_ml: line.preparation.volume_ml,
                    min_ml: line.preparation.min_measurable_ml,
                },
                false,
            ));
        }
        doses.push(line);
    }
    doses
}

/// A cap that lowers a dose, and last-dose dates given in cycle 1: both said, to be acknowledged.
fn cap_and_last_dose_warnings(
    inputs: &Inputs,
    bsa: &BsaResult,
    doses: &[DoseLine],
    warnings: &mut Vec<Warning>,
) {
    // A cap that lowers a dose is the prescriber's decision for this order: shown, and acknowledged.
    let capped: Vec<CappedDose> = doses
        .iter()
        .filter_map(|d| {
            let uncapped = d.uncapped.filter(|u| *u > d.dose)?;
            Some(CappedDose { drug: d.drug, unit: d.unit, uncapped, capped: d.dose })
        })
        .collect();
    if let (Some(cap), false) = (bsa.cap_applied_m2, capped.is_empty()) {
        warnings.push(Warning::new(
            "bsa-cap-lowers-dose",
            format!("{cap}/{}", bsa.rounded_m2),
            WarningKind::BsaCapLowersDose { cap_m2: cap, uncapped_m2: bsa.rounded_m2, doses: capped },
            false,
        ));
    }
    // Last-dose dates only decide loading or maintenance from cycle 2 on.
    if inputs.cycle == 1 {
        for (drug, date) in
            [(Drug::Trastuzumab, inputs.last_trastuzumab), (Drug::Pertuzumab, inputs.last_pertuzumab)]
        {
            if let Some(date) = date {
                warnings.push(Warning::new(
                    format!("last-dose-ignored:{}", drug.key()),
                    date.to_string(),
                    WarningKind::LastDoseIgnored { drug, date },
                    false,
                ));
            }
        }
    }
}

/// The weight change since the previous weight, and its warning past the site's threshold.
fn weight_change_of(
    inputs: &Inputs,
    settings: &Settings,
    warnings: &mut Vec<Warning>,
) -> Option<WeightChange> {
    let weight_change = inputs.previous_weight.map(|prev| {
        let change_pct = (inputs.weight.kg() - prev.kg()) / prev.kg() * 100.0;
        let threshold_pct = settings.weight_change_threshold_pct;
        // Decide on the value as printed (2 decimals), so the flag and the printed
        // percentage always agree: 9.986 % prints 9.99 % and does not warn.
        let exceeds = round_decimals(change_pct.abs(), 2) >= threshold_pct;
        WeightChange {
            previous_kg: prev.kg(),
            current_kg: inputs.weight.kg(),
            change_pct,
            threshold_pct,
            exceeds,
        }
    });
    if let Some(wc) = weight_change.filter(|wc| wc.exceeds) {
        warnings.push(Warning::new(
            "weight-change",
            format!("{}/{}", wc.previous_kg, wc.current_kg),
            WarningKind::WeightChange(wc),
            false,
        ));
    }

    weight_change
}

fn bsa_result(inputs: &Inputs) -> BsaResult {
    let formula = inputs.bsa_formula;
    let unrounded_m2 = formula.compute(inputs.height, inputs.weight);
    let rounded_m2 = crate::bsa::round_m2(formula, inputs.height, inputs.weight, unrounded_m2);
    let cap = inputs.bsa_cap.map(|c| c.m2());
    let cap_applied_m2 = cap.filter(|c| rounded_m2 > *c);
    let used_m2 = cap_applied_m2.unwrap_or(rounded_m2);
    BsaResult {
        formula,
        unrounded_m2,
        rounded_m2,
        used_m2,
        cap_applied_m2,
        height_cm: inputs.height.cm(),
        weight_kg: inputs.weight.kg(),
    }
}
