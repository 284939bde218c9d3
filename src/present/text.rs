//! Every string a person reads: the window, the order sheet and the command
//! line take their words from here and nowhere else, so a Spanish interface is
//! a translation of this one module. Numbers are written by
//! [`crate::numfmt`] (ISMP rules: no trailing zeros, leading zeros, "units"
//! never "IU", a space before the unit, no comma or point digit grouping).

use chrono::NaiveDate;

use crate::bsa::BsaFormula;
use crate::engine::{DoseLine, NkState, Phase, PhaseReason, VialCount, WeightChange};
use crate::error::{Field, InputError, Problem};
use crate::numfmt::{decimal, millions, power_of_ten};
use crate::regimen::{Basis, Diluent, DoseUnit, Drug, DrugRule, NK_ACT_BC, Range, Route};

// ---------------------------------------------------------------- names

pub const PROGRAM: &str = "nkact-dose";
pub const REGIMEN_TITLE: &str = "NK-ACT-BC: allogeneic NK cells with trastuzumab and pertuzumab";

pub fn window_title() -> String {
    format!("{PROGRAM} · {} ({})", NK_ACT_BC.name, NK_ACT_BC.protocol)
}

pub fn field_label(field: Field) -> &'static str {
    match field {
        Field::Weight => "Weight (kg)",
        Field::Height => "Height (cm)",
        Field::BsaFormula => "BSA formula",
        Field::BsaCap => "BSA cap (m²)",
        Field::NkCells => "NK cells",
        Field::Cycle => "Cycle",
        Field::Day1 => "Day 1 date",
        Field::LastTrastuzumab => "Last trastuzumab date",
        Field::LastPertuzumab => "Last pertuzumab date",
        Field::PreviousWeight => "Previous dosing weight (kg)",
        Field::Settings => "Settings",
        Field::PatientName => "Patient name",
        Field::PatientId => "Hospital record number",
        Field::DateOfBirth => "Date of birth",
        Field::Allergies => "Allergies",
        Field::IssuedBy => "Issued by",
        Field::AcknowledgedBy => "Acknowledged by",
        Field::Verifier => "Verifier name",
        Field::Reason => "Reason",
    }
}

/// The command-line option for a field.
pub fn field_option(field: Field) -> &'static str {
    match field {
        Field::Weight => "--weight",
        Field::Height => "--height",
        Field::BsaFormula => "--bsa-formula",
        Field::BsaCap => "--bsa-cap",
        Field::NkCells => "--nk-cells",
        Field::Cycle => "--cycle",
        Field::Day1 => "--day1",
        Field::LastTrastuzumab => "--last-trastuzumab",
        Field::LastPertuzumab => "--last-pertuzumab",
        Field::PreviousWeight => "--previous-weight",
        Field::Settings => "settings",
        Field::PatientName => "--name",
        Field::PatientId => "--patient-id",
        Field::DateOfBirth => "--dob",
        Field::Allergies => "--allergies",
        Field::IssuedBy => "--issued-by",
        Field::AcknowledgedBy => "--acknowledged-by",
        Field::Verifier => "verifier",
        Field::Reason => "--reason",
    }
}

pub fn drug_name(drug: Drug) -> &'static str {
    match drug {
        Drug::Cyclophosphamide => "Cyclophosphamide",
        Drug::Trastuzumab => "Trastuzumab",
        Drug::Pertuzumab => "Pertuzumab",
        Drug::Interleukin2 => "Interleukin-2 (aldesleukin)",
    }
}

pub fn route_name(route: Route) -> &'static str {
    match route {
        Route::Intravenous => "intravenous (IV)",
        Route::Subcutaneous => "subcutaneous",
    }
}

pub fn formula_name(formula: BsaFormula) -> &'static str {
    match formula {
        BsaFormula::Mosteller => "Mosteller",
        BsaFormula::DuBois => "DuBois & DuBois",
        BsaFormula::Haycock => "Haycock",
        BsaFormula::GehanGeorge => "Gehan & George",
        BsaFormula::Boyd => "Boyd",
    }
}

fn formula_expression(formula: BsaFormula, h: f64, w_kg: f64) -> String {
    let (h, w) = (decimal(h, 2), decimal(w_kg, 2));
    match formula {
        BsaFormula::Mosteller => format!("√({h} cm × {w} kg / 3600)"),
        BsaFormula::DuBois => format!("0.007184 × {h}^0.725 × {w}^0.425"),
        BsaFormula::Haycock => format!("0.024265 × {h}^0.3964 × {w}^0.5378"),
        BsaFormula::GehanGeorge => format!("0.0235 × {h}^0.42246 × {w}^0.51456"),
        BsaFormula::Boyd => {
            let g = decimal(w_kg * 1000.0, 0);
            format!("G = {w} kg × 1000 g/kg = {g} g; 0.0003207 × {h}^0.3 × G^(0.7285 − 0.0188 × log10 G)")
        }
    }
}

pub fn diluent_name(diluent: Diluent) -> &'static str {
    match diluent {
        Diluent::SodiumChloride09 => "sodium chloride 0.9 %",
    }
}

pub fn unit_symbol(unit: DoseUnit) -> &'static str {
    match unit {
        DoseUnit::Mg => "mg",
        DoseUnit::Units => "units",
    }
}

// ---------------------------------------------------------------- numbers

/// A dose or amount with its unit: "1092 mg", "910 000 units (0.91 million units)".
pub fn amount(value: f64, unit: DoseUnit) -> String {
    match unit {
        DoseUnit::Mg => format!("{} mg", decimal(value, 2)),
        DoseUnit::Units if value >= 1e5 => {
            format!("{} units ({} million units)", decimal(value, 0), millions(value))
        }
        DoseUnit::Units => format!("{} units", decimal(value, 0)),
    }
}

/// A dose in large type: "1092 mg", "910 000 units" (the millions stay in the working).
pub fn amount_large(value: f64, unit: DoseUnit) -> String {
    match unit {
        DoseUnit::Mg => amount(value, unit),
        DoseUnit::Units => format!("{} units", decimal(value, 0)),
    }
}

/// A short amount for a label or table cell: "1092 mg", "0.91 million units".
pub fn amount_short(value: f64, unit: DoseUnit) -> String {
    match unit {
        DoseUnit::Units if value >= 1e5 => format!("{} million units", millions(value)),
        _ => amount(value, unit),
    }
}

/// A per-m² or per-kg rate: "600 mg/m²", "5 × 10⁵ units/m²", "8 mg/kg".
fn rate(value: f64, unit: DoseUnit, per: &str) -> String {
    let number = if value >= 1e5 { power_of_ten(value) } else { decimal(value, 3) };
    format!("{number} {}/{per}", unit_symbol(unit))
}

pub fn concentration(per_ml: f64, unit: DoseUnit) -> String {
    match unit {
        DoseUnit::Units if per_ml >= 1e5 => format!("{} million units/mL", millions(per_ml)),
        _ => format!("{} {}/mL", decimal(per_ml, 3), unit_symbol(unit)),
    }
}

pub fn volume(ml: f64) -> String {
    format!("{} mL", decimal(ml, 3))
}

pub fn minutes(min: u32) -> String {
    format!("{min} min")
}

pub fn kg(value: f64) -> String {
    format!("{} kg", decimal(value, 2))
}

pub fn cm(value: f64) -> String {
    format!("{} cm", decimal(value, 2))
}

pub fn m2(value: f64) -> String {
    format!("{} m²", decimal(value, 2))
}

/// A cell count in powers of ten and in words: "2 × 10⁸ cells (200 million)".
pub fn cells(count: f64) -> String {
    format!("{} cells ({} million)", power_of_ten(count), millions(count))
}

pub fn nk_range() -> String {
    format!("{} – {}", power_of_ten(NK_ACT_BC.nk.min_cells), power_of_ten(NK_ACT_BC.nk.max_cells))
}

pub fn vials(vials: &[VialCount], unit: DoseUnit) -> String {
    if vials.is_empty() {
        return "none".to_owned();
    }
    vials
        .iter()
        .map(|v| {
            let noun = if v.count == 1 { "vial" } else { "vials" };
            format!("{} {noun} of {}", v.count, amount_short(v.size, unit))
        })
        .collect::<Vec<_>>()
        .join(" + ")
}

/// A protocol day label: "Day -5", "Day 1".
pub fn day_label(day: i32) -> String {
    format!("Day {day}")
}

/// A calendar date: ISO, with the weekday so a nurse can see a weekend at a glance.
pub fn date(date: NaiveDate) -> String {
    format!("{} ({})", date.format("%Y-%m-%d"), date.format("%a"))
}

/// The days of a dose: "Day 2 … , Day 4 …", or for a once-only window
/// "once, on one day from Day -5 … to Day -3 …".
pub fn dose_days(line: &DoseLine) -> String {
    let days: Vec<String> = line.days.iter().map(|(d, date)| day_with_date(*d, *date)).collect();
    match (line.once_within, line.days.first(), line.days.last()) {
        (true, Some(first), Some(last)) if line.days.len() > 1 => format!(
            "{L_ONCE_WITHIN} {} {L_TO} {}",
            day_with_date(first.0, first.1),
            day_with_date(last.0, last.1)
        ),
        _ => days.join(", "),
    }
}

pub fn day_with_date(day: i32, when: Option<NaiveDate>) -> String {
    match when {
        Some(d) => format!("{} {}", day_label(day), date(d)),
        None => day_label(day),
    }
}

// ---------------------------------------------------------------- working

pub fn bsa_working(
    formula: BsaFormula,
    h: f64,
    w: f64,
    unrounded: f64,
    rounded: f64,
    cap: Option<f64>,
) -> String {
    let mut s = format!(
        "{}: {} = {} m², rounded to {}",
        formula_name(formula),
        formula_expression(formula, h, w),
        decimal(unrounded, 4),
        m2(rounded)
    );
    if let Some(cap) = cap {
        s.push_str(&format!(
            "; capped at {} (BSA cap typed for this order): doses use {} instead of {}",
            m2(cap),
            m2(cap),
            m2(rounded)
        ));
    }
    s
}

pub fn phase_label(phase: Phase) -> &'static str {
    if phase.loading { "loading dose" } else { "maintenance dose" }
}

pub fn phase_reason(phase: Phase) -> String {
    match phase.reason {
        PhaseReason::FirstCycle => "cycle 1 starts with the loading dose".to_owned(),
        PhaseReason::IntervalWithin { last, day1, days, max_days } => format!(
            "last dose {}, Day 1 {}: {} since the last dose ≤ {}: maintenance (re-load at ≥ {})",
            iso(last),
            iso(day1),
            days_count(days),
            days_count(max_days),
            days_count(max_days + 1)
        ),
        PhaseReason::IntervalExceeded { last, day1, days, max_days } => format!(
            "last dose {}, Day 1 {}: {} since the last dose > {}: RE-LOAD (re-load at ≥ {})",
            iso(last),
            iso(day1),
            days_count(days),
            days_count(max_days),
            days_count(max_days + 1)
        ),
        PhaseReason::IntervalNotChecked => {
            "interval since the last dose not checked (dates not given)".to_owned()
        }
    }
}

/// "1 day", "35 days".
pub fn days_count(n: i64) -> String {
    if n == 1 || n == -1 { format!("{n} day") } else { format!("{n} days") }
}

fn iso(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

/// The badge for a re-load, in the window and on the sheet.
pub const RELOAD_BADGE: &str = "RE-LOAD";

/// IL-2's Day-2 timing against the NK infusion.
pub fn after_nk_line(hours: u32, nk_day: i32) -> String {
    format!("{}: within {hours} h after the NK cell infusion, never before it", day_label(nk_day))
}

#[allow(clippy::too_many_arguments)]
pub fn dose_working(
    rule: &DrugRule,
    per: f64,
    basis_value: Option<f64>,
    unrounded: f64,
    dose: f64,
    increment: f64,
    phase: Option<Phase>,
    cap: Option<(f64, f64)>,
) -> String {
    let unit = rule.unit;
    let mut s = match (rule.basis, basis_value) {
        (Basis::PerSquareMetre(_), Some(bsa)) => {
            let mut s =
                format!("{} × {} = {}", rate(per, unit, "m²"), m2(bsa), amount_exact(unrounded, unit));
            if let Some((uncapped_bsa, uncapped_dose)) = cap {
                s.push_str(&format!(
                    " (BSA capped; uncapped {} would give {})",
                    m2(uncapped_bsa),
                    amount(uncapped_dose, unit)
                ));
            }
            s
        }
        (Basis::PerKilogram { .. }, Some(w)) => {
            format!("{} × {} = {}", rate(per, unit, "kg"), kg(w), amount_exact(unrounded, unit))
        }
        _ => format!("flat dose {}", amount(per, unit)),
    };
    if let Some(p) = phase {
        s.push_str(&format!(" ({})", phase_label(p)));
    }
    if (unrounded - dose).abs() > 1e-9 {
        s.push_str(&format!(", rounded to {} (nearest {})", amount(dose, unit), amount(increment, unit)));
    }
    s
}

/// An unrounded amount in the working, to 4 decimals.
fn amount_exact(value: f64, unit: DoseUnit) -> String {
    match unit {
        DoseUnit::Mg => format!("{} mg", decimal(value, 4)),
        DoseUnit::Units => format!("{} units", decimal(value, 2)),
    }
}

pub fn volume_working(unit: DoseUnit, dose: f64, per_ml: f64, volume_ml: f64) -> String {
    format!("{} ÷ {} = {}", amount_short(dose, unit), concentration(per_ml, unit), volume(volume_ml))
}

pub fn infusion_line(minutes_opt: Option<u32>) -> String {
    match minutes_opt {
        Some(m) => format!("over {}", minutes(m)),
        None => NOT_SET.to_owned(),
    }
}

pub const NOT_SET: &str = "not set (per site pharmacy manual)";

pub fn too_small_line(line: &DoseLine) -> String {
    let p = &line.preparation;
    let mut s =
        format!("{} is under the measurable minimum of {}", volume(p.volume_ml), volume(p.min_measurable_ml));
    match p.diluted {
        Some((c, v)) => {
            s.push_str(&format!(": dilute to {}, then draw {}", concentration(c, line.unit), volume(v)))
        }
        None => s.push_str(": dilute per the site pharmacy manual (no dilution step configured)"),
    }
    s
}

pub fn nk_state(state: NkState) -> &'static str {
    match state {
        NkState::Pending => "PENDING",
        NkState::WithinRange => "WITHIN RANGE",
        NkState::OutOfRange => "OUT OF RANGE",
    }
}

pub fn nk_line(count: Option<f64>, state: NkState) -> String {
    match (count, state) {
        (Some(c), NkState::WithinRange) => format!("{}: within {}", cells(c), nk_range()),
        (Some(c), _) => format!(
            "{}: OUT OF RANGE, must be within {} cells; do not infuse",
            cells_out_of_range(c),
            nk_range()
        ),
        (None, _) => format!("pending: must be within {} cells at product release", nk_range()),
    }
}

/// The NK count in large type: "2 × 10⁸ cells", or "PENDING".
pub fn nk_large(count: Option<f64>, state: NkState) -> String {
    match (count, state) {
        (Some(c), NkState::WithinRange) => format!("{} cells", power_of_ten(c)),
        (Some(c), _) => format!("{} cells", nearest_limit_distinct(c)),
        (None, _) => nk_state(NkState::Pending).to_owned(),
    }
}

fn nearest_limit_distinct(c: f64) -> String {
    let n = NK_ACT_BC.nk;
    let limit = if c < n.min_cells { n.min_cells } else { n.max_cells };
    crate::numfmt::power_of_ten_distinct(c, limit)
}

/// An out-of-range count, written with the digits that show why it is out:
/// "5.00000001 × 10⁸ cells (500 000 001 cells)".
fn cells_out_of_range(c: f64) -> String {
    format!("{} cells ({} cells)", nearest_limit_distinct(c), decimal(c, 0))
}

/// The change is printed to 2 decimals, the precision the recalculation flag is decided on.
pub fn weight_change_line(wc: &WeightChange) -> String {
    format!(
        "from {} to {}: {} % change (recalculate at ≥ {} %)",
        kg(wc.previous_kg),
        kg(wc.current_kg),
        decimal(crate::rounding::round_decimals(wc.change_pct, 2), 2),
        decimal(wc.threshold_pct, 2)
    )
}

// ---------------------------------------------------------------- warnings

pub fn warn_weight_soft(value: f64, r: Range) -> String {
    format!("Weight {} is outside the usual {} to {}: check it", kg(value), decimal(r.min, 1), kg(r.max))
}

pub fn warn_height_soft(value: f64, r: Range) -> String {
    format!("Height {} is outside the usual {} to {}: check it", cm(value), decimal(r.min, 1), cm(r.max))
}

pub fn warn_bsa_soft(value: f64, r: Range) -> String {
    format!(
        "BSA {} is outside the usual {} to {}: check height and weight",
        m2(value),
        decimal(r.min, 2),
        m2(r.max)
    )
}

pub fn warn_interval_not_checked(drug: Drug) -> String {
    format!(
        "{}: maintenance dose given without checking the interval since the last dose; enter Day 1 and the last {} date to check for re-loading",
        drug_name(drug),
        drug_name(drug).to_lowercase()
    )
}

pub fn warn_volume_too_small(line: &DoseLine) -> String {
    format!(
        "{}: {} is under the measurable minimum of {}; no dilution step is configured",
        drug_name(line.drug),
        volume(line.preparation.volume_ml),
        volume(line.preparation.min_measurable_ml)
    )
}

pub fn warn_interval_too_short(drug: Drug, last: NaiveDate, day1: NaiveDate, days: i64, min: i64) -> String {
    format!(
        "{}: last dose {}, Day 1 {}: only {} since the last dose, under the {} a 3-weekly dose allows; check the dates, and give a reason to go ahead",
        drug_name(drug),
        iso(last),
        iso(day1),
        days_count(days),
        days_count(min)
    )
}

pub fn warn_bsa_cap(cap: f64, uncapped_bsa: f64, lines: &[&DoseLine]) -> String {
    let doses: Vec<String> = lines
        .iter()
        .map(|d| {
            format!(
                "{} {} uncapped, {} capped",
                drug_name(d.drug),
                amount_short(d.uncapped.unwrap_or(d.dose), d.unit),
                amount_short(d.dose, d.unit)
            )
        })
        .collect();
    format!(
        "BSA cap {} typed for this order lowers doses (BSA {} without the cap): {}",
        m2(cap),
        m2(uncapped_bsa),
        doses.join("; ")
    )
}

pub fn warn_last_dose_in_cycle_1(drug: Drug, date: NaiveDate) -> String {
    format!(
        "A last {} date ({}) was entered for cycle 1: cycle 1 always gives the loading dose, so the date is not used; check the cycle",
        drug_name(drug).to_lowercase(),
        iso(date)
    )
}

pub fn warn_age_under_18(age: u32, dob: NaiveDate) -> String {
    format!(
        "The patient is {age} (born {}): the protocol includes patients aged 18 or over; give a reason to go ahead",
        iso(dob)
    )
}

pub fn warn_allergy(drugs: &[Drug]) -> String {
    let names: Vec<&str> = drugs.iter().map(|d| drug_name(*d)).collect();
    let antibodies = drugs.iter().any(|d| matches!(d, Drug::Trastuzumab | Drug::Pertuzumab));
    let why = if antibodies {
        "hypersensitivity to trastuzumab or pertuzumab excludes the patient (protocol exclusion 6)"
    } else {
        "this order gives that drug"
    };
    format!(
        "The allergies name a drug of this regimen ({}): {why}; give a reason to go ahead",
        names.join(", ")
    )
}

pub fn warn_allergies_mixed_scripts() -> String {
    "The allergies mix letters of different alphabets (a Cyrillic or Greek letter that looks Latin): read them again against the patient's record".to_owned()
}

pub fn warn_mixed_scripts(name: &str) -> String {
    format!(
        "The patient's name {name:?} mixes letters of different alphabets (for example a Cyrillic letter that looks Latin): confirm it against the patient's documents"
    )
}

pub fn warn_day1_before_order(day1: NaiveDate, order_date: NaiveDate) -> String {
    format!("Day 1 ({}) is before the order date ({}): check the Day 1 date", iso(day1), iso(order_date))
}

pub fn warn_window_before_order(drug: Drug, last: NaiveDate, order_date: NaiveDate) -> String {
    format!(
        "{}: its whole window ends on {}, before the order date ({}): check the Day 1 date",
        drug_name(drug),
        iso(last),
        iso(order_date)
    )
}

/// "NKACT-… rev. 2"; revision 1 is the ID alone.
pub fn order_id_with_revision(id: &str, revision: u32) -> String {
    if revision <= 1 { id.to_owned() } else { format!("{id} rev. {revision}") }
}

pub fn warn_nk_not_this_cycle(cycle: u32) -> String {
    format!("NK cells are given in cycle 1 only; the count entered is not used in cycle {cycle}")
}

pub fn warn_weight_change(wc: &WeightChange) -> String {
    format!("Weight changed since the last doses: {}", weight_change_line(wc))
}

// ---------------------------------------------------------------- input errors

/// What a field accepts, for error messages and hints.
pub fn accepted(field: Field) -> String {
    let l = NK_ACT_BC.limits;
    match field {
        Field::Weight | Field::PreviousWeight => format!(
            "a weight in kg from {} to {}, written like 70.5 or 70,5",
            decimal(l.weight_kg_hard.min, 1),
            decimal(l.weight_kg_hard.max, 1)
        ),
        Field::Height => format!(
            "a height in cm from {} to {}, written like 170 or 170,5",
            decimal(l.height_cm_hard.min, 1),
            decimal(l.height_cm_hard.max, 1)
        ),
        Field::BsaCap => format!(
            "a cap in m² from {} to {}, like 2 or 2,2; no cap when left out",
            decimal(l.bsa_cap_m2_hard.min, 2),
            decimal(l.bsa_cap_m2_hard.max, 2)
        ),
        Field::BsaFormula => {
            let keys: Vec<&str> = BsaFormula::ALL.iter().map(|f| f.key()).collect();
            format!("one of {}", keys.join(", "))
        }
        Field::NkCells => "a positive cell count such as 2e8, 2.5E8, 2,5e8, 2.5x10^8, 2.5 × 10^8 or 200000000, a whole number of cells; left out while the count is pending".to_owned(),
        Field::Cycle => format!("a whole number from 1 to {}", l.cycle_max),
        Field::Day1 | Field::LastTrastuzumab | Field::LastPertuzumab => format!(
            "a date written YYYY-MM-DD, such as 2026-03-02, in the years {} to {}",
            l.first_year, l.last_year
        ),
        Field::Settings => "positive numbers for every product, rounding and threshold".to_owned(),
        Field::PatientName => format!("the patient's full name, up to {} characters", crate::identity::max_chars(field)),
        Field::PatientId => format!(
            "the hospital record number: capital letters A-Z, digits, spaces, - / and ., up to {} characters",
            crate::identity::max_chars(field)
        ),
        Field::IssuedBy | Field::AcknowledgedBy | Field::Verifier => {
            format!("a person's name, up to {} characters", crate::identity::max_chars(field))
        }
        Field::Reason => {
            format!("a reason in words (3 letters or more), up to {} characters", crate::identity::max_chars(field))
        }
        Field::DateOfBirth => "a date written YYYY-MM-DD, not in the future, from 1900 on".to_owned(),
        Field::Allergies => format!(
            "the allergies written out (not \"?\", \"unknown\" or \"NKA\"), or \"none known\", up to {} characters",
            crate::identity::max_chars(field)
        ),
    }
}

/// What is wrong, worded; unit slips are shown with the value that was typed.
pub fn problem(p: &Problem, value: &str) -> String {
    let typed = crate::input::parse_decimal(value);
    match p {
        Problem::Missing => "is required".to_owned(),
        Problem::NotANumber => "is not a number this field accepts".to_owned(),
        Problem::NotPositive => "must be greater than zero".to_owned(),
        Problem::BelowMin => "is below the lowest value accepted".to_owned(),
        Problem::AboveMax => "is above the highest value accepted".to_owned(),
        Problem::LooksLikeMetres => match typed {
            Some(v) => format!(
                "looks like metres: enter the height in centimetres ({} m = {} cm)",
                decimal(v, 3),
                decimal(v * 100.0, 1)
            ),
            None => "looks like metres: enter the height in centimetres".to_owned(),
        },
        Problem::LooksLikeMillimetres => match typed {
            Some(v) => format!(
                "looks like millimetres: enter the height in centimetres ({} mm = {} cm)",
                decimal(v, 2),
                decimal(v / 10.0, 3)
            ),
            None => "looks like millimetres: enter the height in centimetres".to_owned(),
        },
        Problem::LooksLikeGrams => match typed {
            Some(v) => format!(
                "looks like grams: enter the weight in kilograms ({} g = {} kg)",
                decimal(v, 2),
                decimal(v / 1000.0, 5)
            ),
            None => "looks like grams: enter the weight in kilograms".to_owned(),
        },
        Problem::NotAWholeNumber => "must be a whole number".to_owned(),
        Problem::NotADate => "is not a date (or not a day that exists)".to_owned(),
        Problem::DateOutOfRange => "is outside the years accepted".to_owned(),
        Problem::NotBeforeDay1 => format!("must be before the {}", field_label(Field::Day1)),
        Problem::UnknownFormula => "is not a BSA formula this program knows".to_owned(),
        Problem::BadSetting => "cannot be used".to_owned(),
        Problem::ForbiddenCharacters(chars) => {
            format!("contains characters that cannot be accepted here: {}", char_names(chars))
        }
        Problem::RightToLeft => {
            "contains right-to-left letters, which the order sheet cannot yet print in their reading order"
                .to_owned()
        }
        Problem::InvisibleOnly => "contains only invisible characters: it would print blank".to_owned(),
        Problem::TooLong { max } => format!("is longer than {max} characters"),
        Problem::Unprintable(chars) => format!(
            "contains characters the order sheet's font cannot print (they would show as empty boxes): {}",
            char_names(chars)
        ),
        Problem::TooManyDecimals { max } => match max {
            0 => "must be written without decimals".to_owned(),
            1 => "has more than 1 decimal".to_owned(),
            n => format!("has more than {n} decimals"),
        },
        Problem::NotAWholeCount => {
            "must be a whole number of cells, with at most 15 significant digits".to_owned()
        }
        Problem::StrayMarks => {
            "has accents with no letter under them, or more than 3 on one letter: it would not print as typed"
                .to_owned()
        }
        Problem::Placeholder => "is a placeholder, not the information itself".to_owned(),
    }
}

/// Characters named for a person: "U+200B (zero-width space), "Ж" (U+0416)".
pub fn char_names(chars: &[char]) -> String {
    chars
        .iter()
        .take(8)
        .map(|c| {
            let cp = u32::from(*c);
            let name = match cp {
                0x09 => Some("tab"),
                0x0A => Some("line feed"),
                0x0D => Some("carriage return"),
                0x1B => Some("escape"),
                0x7F => Some("delete"),
                0x85 => Some("next line"),
                0xAD => Some("soft hyphen"),
                0x200B => Some("zero-width space"),
                0x200C => Some("zero-width non-joiner"),
                0x200D => Some("zero-width joiner"),
                0x200E | 0x200F => Some("direction mark"),
                0x202A..=0x202E | 0x2066..=0x2069 => Some("bidirectional override"),
                0x2060 => Some("word joiner"),
                0xFEFF => Some("zero-width no-break space"),
                _ => None,
            };
            match name {
                Some(n) => format!("U+{cp:04X} ({n})"),
                None if c.is_control() || cp < 0x20 => format!("U+{cp:04X}"),
                None => format!("\"{c}\" (U+{cp:04X})"),
            }
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// "Weight (kg): "abc" is not a number this field accepts. Accepted: …"
pub fn input_error(e: &InputError) -> String {
    let shown = clip(&e.value, 40);
    format!(
        "{}: {:?} {}. Accepted: {}.",
        field_label(e.field),
        shown,
        problem(&e.problem, &e.value),
        accepted(e.field)
    )
}

/// A short message for next to a form field.
pub fn input_error_short(e: &InputError) -> String {
    format!("{}. Accepted: {}.", capitalise(&problem(&e.problem, &e.value)), accepted(e.field))
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(first) => first.to_uppercase().collect::<String>() + c.as_str(),
        None => String::new(),
    }
}

// ---------------------------------------------------------------- report labels

pub const L_BSA: &str = "BSA";
pub const L_DOSE: &str = "Dose";
pub const L_WORKING: &str = "Working";
pub const L_ROUTE: &str = "Route";
pub const L_ROUTE_DAYS: &str = "Route, day";
pub const L_DAYS: &str = "Day(s)";
pub const L_ONCE_WITHIN: &str = "once, on one day from";
pub const L_TO: &str = "to";
pub const L_PREPARATION: &str = "Preparation";
pub const L_STOCK: &str = "Stock";
pub const L_DRAW: &str = "Draw";
pub const L_VIALS: &str = "Vials";
pub const L_DILUENT: &str = "Bag";
pub const L_INFUSION: &str = "Infusion";
pub const L_NK: &str = "NK cells";
pub const L_SCHEDULE: &str = "Schedule";
pub const L_WARNINGS: &str = "Warnings";
pub const L_WEIGHT_CHANGE: &str = "Weight change";
pub const L_CYCLE: &str = "Cycle";
pub const L_NOT_IN_CYCLE: &str = "not part of this cycle";
pub const L_TOO_SMALL: &str = "TOO SMALL TO MEASURE";
pub const L_NONE: &str = "none";
pub const L_TIMING: &str = "Timing";
pub const L_NEEDS_REASON: &str = "(needs a reason)";

/// What `calc` says when it defaulted an option.
pub fn calc_default_note(key: &str) -> String {
    match key {
        "cycle" => "Note: --cycle not given: cycle 1 assumed (an order sheet requires --cycle).".to_owned(),
        _ => "Note: --day1 not given: no calendar dates (an order sheet requires --day1).".to_owned(),
    }
}

pub fn bag(diluent: Option<Diluent>, bag_ml: Option<f64>) -> String {
    match (diluent, bag_ml) {
        (Some(d), Some(v)) => format!("{} in {}", volume(v), diluent_name(d)),
        (Some(d), None) => diluent_name(d).to_owned(),
        (None, Some(v)) => format!("{} bag", volume(v)),
        (None, None) => NOT_SET.to_owned(),
    }
}

pub fn event(e: crate::engine::Event) -> String {
    use crate::engine::Event;
    match e {
        Event::Dose(d) => drug_name(d).to_owned(),
        Event::DoseWindow(d) => format!("{} window", drug_name(d)),
        Event::NkInfusion => "NK cell infusion".to_owned(),
        Event::NextCycle => "next cycle's Day 1".to_owned(),
    }
}

// ---------------------------------------------------------------- command line

/// The exit codes, for every `--help` (one text, written once).
macro_rules! exit_codes {
    () => {
        "Exit codes:
  0  computed (and for order: written or printed, and recorded); every protocol check passed
  1  computed, but a protocol check failed (NK count out of range): no sheet
  2  invalid input or usage: nothing on stdout, the reason on stderr
  3  a file could not be written, the print service failed, or the window could not open
  4  the sheet was written or printed but NOT recorded in the order register"
    };
}

/// After `calc --help` and `order --help`.
pub const CLI_EXIT_CODES: &str = exit_codes!();

/// After `--help`: the commands in use, and the exit codes.
pub const CLI_AFTER_HELP: &str = concat!(
    "Usage in short:
  nkact-dose                 open the window
  nkact-dose calc  --weight KG --height CM [OPTIONS]      doses with the working
  nkact-dose order --weight KG --height CM --cycle N --day1 YYYY-MM-DD
                   --name TEXT --patient-id TEXT --dob YYYY-MM-DD --allergies TEXT
                   [--acknowledged-by NAME --reason CODE=TEXT …] --out FILE.pdf | --print
  nkact-dose help calc | help order                       every option of a command

",
    exit_codes!()
);

pub fn cli_error_prefix() -> String {
    format!("{PROGRAM}: error:")
}

pub fn cli_field_error(e: &InputError) -> String {
    format!("{} {} ({})", cli_error_prefix(), input_error(e), field_option(e.field))
}

pub fn cli_missing_value(opt: &str) -> String {
    format!("{} option {opt} needs a value (see --help)", cli_error_prefix())
}

pub fn cli_bad_paper(value: &str) -> String {
    format!("{} --paper {:?}: accepted a4 or letter", cli_error_prefix(), clip(value, 40))
}

/// At most `max` characters of a value a person typed, for echoing it back.
pub fn clip(value: &str, max: usize) -> String {
    if value.chars().count() > max {
        format!("{}…", value.chars().take(max).collect::<String>())
    } else {
        value.to_owned()
    }
}

pub fn cli_not_utf8(option: &str, lossy: &str) -> String {
    format!(
        "{} {option} {:?}: not valid UTF-8 text (the bytes shown as U+FFFD could not be read); type it again in a UTF-8 terminal",
        cli_error_prefix(),
        clip(lossy, 40)
    )
}

pub fn cli_empty_value(option: &str) -> String {
    let label = option_label(option).map(|l| format!("{l}: ")).unwrap_or_default();
    format!(
        "{} {label}{option} was given an empty value; give a value, or leave the option out (an empty value is never taken as the default)",
        cli_error_prefix()
    )
}

/// The field label of a command-line option, when it is a field's.
fn option_label(option: &str) -> Option<&'static str> {
    Field::ALL
        .into_iter()
        .chain(Field::PEOPLE_AND_PATIENT)
        .find(|f| field_option(*f) == option)
        .map(field_label)
}

pub fn cli_order_requires(option: &str) -> String {
    format!(
        "{} an order sheet needs {option}: it is never defaulted for an order (calc may leave it out)",
        cli_error_prefix()
    )
}

pub fn cli_bad_reason(value: &str) -> String {
    format!(
        "{} --reason {:?}: write CODE=TEXT, the warning's code and why it is acknowledged (codes: see `nkact-dose calc`)",
        cli_error_prefix(),
        clip(value, 40)
    )
}

pub fn cli_out_or_print() -> String {
    format!("{} order needs --out FILE.pdf, --print, or both", cli_error_prefix())
}

pub fn cli_out_not_pdf(path: &str) -> String {
    format!(
        "{} --out {:?}: the sheet is a PDF; name the file with .pdf at the end (a register or another file is never overwritten)",
        cli_error_prefix(),
        clip(path, 40)
    )
}

pub fn cli_out_is_register(path: &str) -> String {
    format!(
        "{} --out {:?} is the order register itself; choose another file",
        cli_error_prefix(),
        clip(path, 40)
    )
}

pub fn cli_bad_printer(name: &str) -> String {
    format!(
        "{} --printer {:?}: a printer name has no spaces, control characters, / or #",
        cli_error_prefix(),
        clip(name, 40)
    )
}

pub fn cli_reason_for_no_warning(code: &str) -> String {
    format!(
        "--reason given for {:?}, which is not a warning of this order (check the code with `nkact-dose calc`)",
        clip(code, 40)
    )
}

pub fn cli_needs_reason(code: &str) -> String {
    format!("this warning needs a reason: --reason {code}=\"why it is right to go ahead\"")
}

pub fn cli_repeated_reason(code: &str) -> String {
    format!("{} --reason for {:?} given more than once", cli_error_prefix(), clip(code, 40))
}

pub fn cli_window_failed(detail: &str) -> String {
    format!("the window could not open ({detail}); the command line still works: see --help")
}

pub fn cli_protocol_failed() -> String {
    format!("{PROGRAM}: a protocol check failed: see the NK cells line")
}

pub fn cli_io_error(what: &str, err: &std::io::Error) -> String {
    format!("{} {what}: {err}", cli_error_prefix())
}

// ---------------------------------------------------------------- files

/// A path as shown in a message: at most 120 characters, the end kept (the file name).
pub fn shown(path: &std::path::Path) -> String {
    let full = path.display().to_string();
    let n = full.chars().count();
    if n <= 120 { full } else { format!("…{}", full.chars().skip(n - 119).collect::<String>()) }
}

pub fn file_error(e: &crate::order::FileError) -> String {
    use crate::order::FileError;
    match e {
        FileError::Io { path, error } => {
            format!("Could not use {}: {error}. Nothing was changed.", shown(path))
        }
        FileError::Exists { path } => {
            format!("{} already exists; it was not replaced (use --force to replace it).", shown(path))
        }
        FileError::Corrupt { path, detail } => {
            format!("{} is not a readable order file ({detail}). Nothing was changed.", shown(path))
        }
        FileError::WrongFormat { path, found } => {
            format!("{} is not an nkact-dose order (format {found:?}). Nothing was changed.", shown(path))
        }
        FileError::WrongVersion { path, found } => format!(
            "{} is order format version {found}; this program reads version {}. Nothing was changed.",
            shown(path),
            crate::order::FORMAT_VERSION
        ),
        FileError::Changed { path } => format!(
            "{} was changed or damaged since it was saved (its checksum does not match); it was not opened. Nothing was changed.",
            shown(path)
        ),
        FileError::TooLarge { path, max } => format!(
            "{} is larger than an order file can be ({} bytes at most); it was not read. Nothing was changed.",
            shown(path),
            max
        ),
        FileError::NotRegular { path } => format!(
            "{} is not a regular file (a folder, a device or a symbolic link); it was not used. Nothing was changed.",
            shown(path)
        ),
        FileError::Invalid { path, errors } => {
            let list: Vec<String> = errors.iter().map(input_error).collect();
            format!(
                "{} holds values that cannot be used: {}. Nothing was changed.",
                shown(path),
                list.join(" ")
            )
        }
    }
}

// ---------------------------------------------------------------- order sheet

pub const S_TITLE: &str = "Pharmacy order sheet";
pub const S_ORDER: &str = "Order";
pub const S_PAGE: &str = "Page";
pub const S_OF: &str = "of";
pub const S_PATIENT: &str = "Patient";
pub const S_NAME: &str = "Name";
pub const S_RECORD: &str = "Record number";
pub const S_DOB: &str = "Date of birth";
pub const S_ALLERGIES: &str = "Allergies";
pub const S_ORDER_DATE: &str = "Order date";
pub const S_DIAGNOSIS: &str = "Diagnosis";
pub const S_DIAGNOSIS_VALUE: &str = "HER2-positive metastatic breast cancer";
pub const S_ISSUED_BY: &str = "Issued by";
pub const S_BASIS: &str = "Basis of the doses";
pub const S_HEIGHT: &str = "Height";
pub const S_WEIGHT: &str = "Weight";
pub const S_PREVIOUS_WEIGHT: &str = "Previous dosing weight";
pub const S_SCHEDULE: &str = "Schedule, in administration order";
pub const S_DOSES: &str = "Doses, in administration order";
pub const S_PHASE: &str = "Phase";
pub const S_WARNINGS: &str = "Warnings acknowledged";
pub const S_ACK_BY: &str = "acknowledged by";
pub const S_AT: &str = "at";
pub const S_SIGNATURES: &str = "Signatures";
pub const S_PRESCRIBER: &str = "Prescriber";
pub const S_PHARMACIST: &str = "Pharmacist validation";
pub const S_DOUBLE_CHECK: &str = "Independent double-check";
pub const S_SIG_NAME: &str = "Name:";
pub const S_SIG_SIGNATURE: &str = "Signature:";
pub const S_SIG_DATE: &str = "Date and time:";
pub const S_VERIFIED_BY: &str = "Verified by";
pub const S_DOUBLE_CHECK_SCOPE: &str =
    "Checks drug, dose, calculation and its variables, volume, route, rate, cycle and day.";
pub const S_GENERATED: &str = "generated";
pub const S_FINGERPRINT: &str = "fingerprint";
pub const S_NONE_KNOWN_HINT: &str = "none";
pub const S_REVISION: &str = "Revision";
pub const S_LAST_TRASTUZUMAB: &str = "Last trastuzumab dose";
pub const S_LAST_PERTUZUMAB: &str = "Last pertuzumab dose";

pub fn sheet_header_left() -> String {
    format!("{} · {} · {}", NK_ACT_BC.name, NK_ACT_BC.protocol, NK_ACT_BC.sponsor_code)
}

pub fn sheet_cycle(cycle: u32) -> String {
    format!("{L_CYCLE} {cycle}")
}

pub fn sheet_page(page: usize, pages: usize) -> String {
    format!("{S_PAGE} {page} {S_OF} {pages}")
}

pub fn datetime(t: chrono::NaiveDateTime) -> String {
    t.format("%Y-%m-%d %H:%M").to_string()
}

pub fn sheet_footer(version: &str, generated: chrono::NaiveDateTime, fingerprint: &str) -> String {
    format!("{PROGRAM} {version} · {S_GENERATED} {} · {S_FINGERPRINT} {fingerprint}", datetime(generated))
}

pub fn acknowledged_line(message: &str, by: &str, at: chrono::NaiveDateTime, reason: Option<&str>) -> String {
    match reason {
        Some(r) => format!("{message} — {S_ACK_BY} {by} {S_AT} {}; reason: {r}", datetime(at)),
        None => format!("{message} — {S_ACK_BY} {by} {S_AT} {}", datetime(at)),
    }
}

/// After a ticked warning in the window: "— Farm. A. García, 14:05".
pub fn acknowledged_short(by: &str, at: chrono::NaiveDateTime) -> String {
    format!("— {by}, {}", at.format("%H:%M"))
}

/// The identity strip under every page's header.
pub fn sheet_identity_strip(name: &str, record: &str, dob: NaiveDate) -> String {
    format!("{S_PATIENT}: {name} · {S_RECORD}: {record} · {S_DOB}: {}", iso(dob))
}

pub fn revision_line(revision: u32) -> String {
    format!("revision {revision}: supersedes revision {} of this order", revision - 1)
}

pub fn verified_line(verifier: &str, at: chrono::NaiveDateTime) -> String {
    format!("{S_VERIFIED_BY} {verifier} {S_AT} {}", datetime(at))
}

// ---------------------------------------------------------------- export refusals

pub fn refuse_invalid() -> &'static str {
    "No order sheet: fix the inputs marked in error first."
}

pub fn refuse_nk_out_of_range() -> String {
    format!("No order sheet: the NK cell count is out of range; it must be within {} cells.", nk_range())
}

pub fn refuse_unacknowledged(count: usize) -> String {
    if count == 1 {
        "No order sheet: 1 warning must be acknowledged first.".to_owned()
    } else {
        format!("No order sheet: {count} warnings must be acknowledged first.")
    }
}

pub const REFUSE_STILL_TYPING: &str = "No order sheet yet: a measure is still being typed. Press Tab or Enter to finish the field; the doses shown are provisional until then.";
pub const REFUSE_FONT: &str = "No order sheet: the embedded font could not be loaded.";

pub fn cli_unacknowledged_hint() -> &'static str {
    "read the warnings, then add --acknowledged-by NAME to record that NAME acknowledged them, and --reason CODE=TEXT for each that needs a reason"
}

pub fn written(path: &std::path::Path) -> String {
    format!("Order sheet written to {}", path.display())
}

// ---------------------------------------------------------------- double-check

/// A double-check difference, worded without any value from the order.
pub fn mismatch(m: &crate::doublecheck::Mismatch) -> String {
    use crate::doublecheck::Mismatch;
    match m {
        Mismatch::NoVerifier => "The verifier's name is required.".to_owned(),
        Mismatch::SamePerson => {
            "The double-check must be done by a second person, not the one who issued the order.".to_owned()
        }
        Mismatch::IdentityNotConfirmed => {
            "Confirm the patient's name, record number and date of birth against every bag label.".to_owned()
        }
        Mismatch::Measure { field } => {
            format!(
                "{} does not match the first entry: check the source and re-enter it.",
                field_label(*field)
            )
        }
        Mismatch::Dose { drug } => format!(
            "{}: the bag label dose does not match the order: check the bag and re-enter its dose.",
            drug_name(*drug)
        ),
    }
}

// ---------------------------------------------------------------- window

pub const G_NEW: &str = "New order";
pub const G_OPEN: &str = "Open…";
pub const G_SAVE: &str = "Save…";
pub const G_DARK: &str = "Dark theme";
pub const G_MEASURES: &str = "Measures";
pub const G_NK_PRODUCT: &str = "NK cell product";
pub const G_ISSUED_BY: &str = "Your name (issued by)";
pub const G_OPTIONAL: &str = "optional";
pub const G_REQUIRED: &str = "Required";
pub const G_CYCLE_HINT: &str = "required: 1, 2, 3…";
pub const G_PATH_HINT: &str = "full path of the file";
pub const G_DATE_HINT: &str = "YYYY-MM-DD";
pub const G_NK_HINT: &str = "cells; empty = pending";
pub const G_ALLERGIES_HINT: &str = "type \"none known\" if none";
pub const G_SITE_SETTINGS: &str = "Site settings";
pub const G_ROUNDING: &str = "mg rounding increment (mg)";
pub const G_IL2_DILUTION: &str = "IL-2 dilution (million units/mL)";
pub const G_APPLY_SETTINGS: &str = "Apply settings";
pub const G_SETTINGS_INVALID: &str = "Settings not applied: use plain positive numbers such as 1 or 0,5.";
pub const G_PAPER: &str = "Paper";
pub const G_NO_DOSES_YET: &str = "No doses yet. Enter the patient, the weight, the height and the cycle: the doses of the NK-ACT-BC regimen appear here with their working.";
pub const G_NOTHING_TO_EXPORT: &str = "Nothing to export or print yet.";
pub const G_NO_PRINTERS: &str =
    "No printers found: export the PDF instead, or ask for a printer to be added.";
pub const G_NO_DOSES: &str =
    "No doses: fix the fields marked in red. Nothing is calculated from incomplete or invalid input.";
pub const G_DOUBLE_CHECK: &str = "Double-check";
pub const G_EXPORT: &str = "Export PDF…";
pub const G_REPLACE: &str = "Replace";
pub const G_ACK_NEEDS_NAME: &str = "Type your name (issued by) to acknowledge warnings.";
pub const G_DOUBLE_CHECK_TITLE: &str = "Independent double-check";
pub const G_DOUBLE_CHECK_INTRO: &str = "Second professional: re-enter the measures from the source, without looking at the first entries, and type the dose printed on each prepared bag's label.";
pub const G_VERIFIER: &str = "Verifier name";
pub const G_PATIENT_ON_LABELS: &str = "Patient: check these against every bag label";
pub const G_CONFIRM_IDENTITY: &str =
    "I confirmed the name, record number and date of birth on every bag label";
pub const G_RE_LAST_T: &str = "Re-entered last trastuzumab date";
pub const G_RE_LAST_P: &str = "Re-entered last pertuzumab date";
pub const G_NOT_VERIFIED: &str = "NOT VERIFIED: no independent double-check recorded for this order";
pub const G_PROVISIONAL: &str = "PROVISIONAL: a measure is still being typed. Finish the field (Tab or Enter) before relying on these doses.";
pub const G_REASON: &str = "Reason";
pub const G_REASON_HINT: &str = "why it is right to go ahead";
pub const G_RE_WEIGHT: &str = "Re-entered weight (kg)";
pub const G_RE_HEIGHT: &str = "Re-entered height (cm)";
pub const G_RE_NK: &str = "Re-entered NK cells";
pub const G_BAG_LABELS: &str = "Doses on the bag labels";
pub const G_COMPARE: &str = "Compare";
pub const G_CANCEL: &str = "Cancel";
pub const G_ORDER_FILES: &str = "nkact-dose order";
pub const G_TYPED_PATH_TITLE: &str = "File path";
pub const G_PATH: &str = "Path";
pub const G_SAVE_TO_PATH: &str = "Save order to path";
pub const G_OPEN_PATH: &str = "Open order from path";
pub const G_EXPORT_TO_PATH: &str = "Export PDF to path";
pub const G_TYPE_A_PATH: &str = "Type a file path first.";
pub const G_NO_CHOOSER: &str =
    "No file was chosen. If no file chooser appeared on this workstation, type a path below.";

pub fn g_bag_label(drug: Drug, unit: DoseUnit) -> String {
    format!("{} ({})", drug_name(drug), unit_symbol(unit))
}

pub fn g_saved(path: &std::path::Path) -> String {
    format!("Order saved to {}", path.display())
}

pub fn g_opened(path: &std::path::Path) -> String {
    format!("Order opened from {}; doses recalculated from its inputs", path.display())
}

pub fn g_confirm_replace(path: &std::path::Path) -> String {
    format!("{} already exists. Replace it?", path.display())
}

// ---------------------------------------------------------------- register and printing

pub fn register_error(e: &crate::register::RegisterError) -> String {
    use crate::register::RegisterError;
    match e {
        RegisterError::Locked(p) => {
            format!("The order register {} is locked by another program.", p.display())
        }
        RegisterError::ReadOnly(p) => {
            format!("The order register {} cannot be written (read-only).", p.display())
        }
        RegisterError::Corrupt(p, d) => {
            format!("The order register {} is damaged or not a register ({d}).", p.display())
        }
        RegisterError::Newer(p, v) => format!(
            "The order register {} has schema version {v}, newer than this program's {}.",
            p.display(),
            crate::register::SCHEMA_VERSION
        ),
        RegisterError::Other(p, d) => format!("The order register {} could not be used: {d}.", p.display()),
        RegisterError::NotAFile(p, why) => {
            use crate::register::NotAFile;
            let what = match why {
                NotAFile::Empty => "an empty path keeps nothing: name a file",
                NotAFile::InMemory => {
                    "an in-memory or URI database keeps nothing after the program ends: name a file"
                }
                NotAFile::Folder => "it is a folder: name a file inside it",
                NotAFile::BrokenLink => "it is a symbolic link to nothing",
                NotAFile::Special => "it is not a regular file",
            };
            format!("The order register {:?} cannot be used: {what}.", clip(&p.to_string_lossy(), 80))
        }
        RegisterError::DuplicateId(p, id) => format!(
            "The order register {} already holds a different order under {id}; this one was not recorded.",
            p.display()
        ),
    }
}

pub fn not_recorded(e: &crate::register::RegisterError) -> String {
    format!("WARNING: this order was NOT recorded in the register. {e}")
}

pub fn recorded(action: crate::register::RegisterAction, path: &std::path::Path) -> String {
    format!("Recorded as {} in the order register {}", register_action(action), path.display())
}

pub fn print_error(e: &crate::print::PrintError) -> String {
    use crate::print::PrintError;
    match e {
        PrintError::NoService(d) => {
            format!(
                "Could not reach the print service (CUPS): {}. The order was not printed.",
                clip(d.trim_end_matches('.'), 200)
            )
        }
        PrintError::Rejected(d) => {
            format!(
                "The print job was refused: {}. The order was not printed.",
                clip(d.trim_end_matches('.'), 200)
            )
        }
        PrintError::Unsupported => {
            "Printing is not available on this system; export the PDF and print it from a viewer.".to_owned()
        }
        PrintError::Timeout(job) => format!("Print job {job} did not complete in time."),
        PrintError::Failed(job) => format!("Print job {job} was cancelled or aborted by the print service."),
    }
}

pub fn not_recorded_no_location() -> String {
    "WARNING: this order was NOT recorded: no data folder for the order register (use --register PATH)."
        .to_owned()
}

pub fn printed(job: &str, printer: Option<&str>) -> String {
    match printer {
        Some(p) => format!("Sent to printer {p} as job {job}"),
        None => format!("Sent to the default printer as job {job}"),
    }
}

pub const G_PRINT: &str = "Print…";
pub const G_PRINTER: &str = "Printer";
pub const G_REFRESH_PRINTERS: &str = "Refresh printers";
pub const G_DEFAULT_PRINTER: &str = "(default printer)";
pub const G_REGISTER: &str = "Register";
pub const G_REGISTER_TITLE: &str = "Order register";
pub const G_REGISTER_AT: &str = "Register file";
pub const G_REGISTER_FILTER_ID: &str = "Filter: record number";
pub const G_REGISTER_FILTER_DATE: &str = "Filter: date";
pub const G_REGISTER_BAD_DATE: &str = "Filter date: write YYYY-MM-DD, or leave it empty.";
pub const G_REGISTER_EMPTY: &str = "No entries.";
pub const G_FILTER: &str = "Filter";
pub const G_CLOSE: &str = "Close";
pub const G_REOPEN: &str = "Reopen";
pub const G_REPRINT: &str = "Reprint";
pub const G_COLUMNS: [&str; 9] =
    ["When", "Action", "Order", "Fingerprint", "Patient", "Record number", "Cycle", "Verified by", "Doses"];

pub const G_PDF_FILES: &str = "PDF";

pub fn paper_name(paper: crate::settings::Paper) -> &'static str {
    match paper {
        crate::settings::Paper::A4 => "A4",
        crate::settings::Paper::Letter => "US Letter",
    }
}

pub fn register_action(action: crate::register::RegisterAction) -> &'static str {
    use crate::register::RegisterAction;
    match action {
        RegisterAction::Exported => "exported",
        RegisterAction::Printed => "printed",
        RegisterAction::Reprinted => "reprinted",
        RegisterAction::CheckFailed => "double-check failed",
    }
}

pub fn g_reopened(order_id: &str) -> String {
    format!("Order {order_id} reopened from the register; doses recalculated from its inputs")
}

pub fn register_doses(doses: &[crate::register::RecordedDose]) -> String {
    let name = |key: &str| {
        NK_ACT_BC.drugs.iter().find(|r| r.drug.key() == key).map(|r| drug_name(r.drug)).unwrap_or("?")
    };
    doses
        .iter()
        .map(|d| format!("{} {} {}", name(&d.drug), decimal(d.dose, 2), d.unit))
        .collect::<Vec<_>>()
        .join(", ")
}
