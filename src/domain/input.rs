//! The one boundary where text typed by a person becomes validated, typed
//! values. The form and the command line hold strings as typed
//! ([`RawInputs`]); [`validate`] turns them into [`Inputs`] or a list of
//! errors, one per field. Nothing downstream parses or re-checks.
//!
//! Accepted forms:
//! - weight, height, previous weight, BSA cap: `70.5` or `70,5` (one decimal mark, no exponent),
//!   optionally followed by the field's own unit as the program prints it (`70,5 kg`, `170 cm`, `2 m²`);
//! - NK count: `2e8`, `2.5E8`, `2,5e8`, `2.5x10^8`, `2.5×10^8`, `2.5 x 10^8`, `2.5 × 10⁸`, plain digits;
//! - dates: ISO `YYYY-MM-DD`;
//! - cycle: a whole number.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::bsa::BsaFormula;
use crate::error::{Field, InputError, Problem};
use crate::regimen::{NK_ACT_BC, Range};
use crate::units::{Cells, Centimetres, Kilograms, SquareMetres};

/// The inputs as a person typed them. Empty string = not given.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawInputs {
    pub weight: String,
    pub height: String,
    /// A formula key (`mosteller`, …); empty means Mosteller.
    pub bsa_formula: String,
    pub bsa_cap: String,
    pub nk_cells: String,
    /// Empty means cycle 1.
    pub cycle: String,
    pub day1: String,
    pub last_trastuzumab: String,
    pub last_pertuzumab: String,
    pub previous_weight: String,
}

impl RawInputs {
    /// The text typed into `field`.
    pub fn get(&self, field: Field) -> &str {
        match field {
            Field::Weight => &self.weight,
            Field::Height => &self.height,
            Field::BsaFormula => &self.bsa_formula,
            Field::BsaCap => &self.bsa_cap,
            Field::NkCells => &self.nk_cells,
            Field::Cycle => &self.cycle,
            Field::Day1 => &self.day1,
            Field::LastTrastuzumab => &self.last_trastuzumab,
            Field::LastPertuzumab => &self.last_pertuzumab,
            Field::PreviousWeight => &self.previous_weight,
            // Not typed into the dose form: patient, people, criteria and settings have their own.
            _ => "",
        }
    }

    /// The text of `field`, to edit.
    pub fn get_mut(&mut self, field: Field) -> Option<&mut String> {
        Some(match field {
            Field::Weight => &mut self.weight,
            Field::Height => &mut self.height,
            Field::BsaFormula => &mut self.bsa_formula,
            Field::BsaCap => &mut self.bsa_cap,
            Field::NkCells => &mut self.nk_cells,
            Field::Cycle => &mut self.cycle,
            Field::Day1 => &mut self.day1,
            Field::LastTrastuzumab => &mut self.last_trastuzumab,
            Field::LastPertuzumab => &mut self.last_pertuzumab,
            Field::PreviousWeight => &mut self.previous_weight,
            _ => return None,
        })
    }
}

/// Validated inputs: every value inside its hard limits.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Inputs {
    pub weight: Kilograms,
    pub height: Centimetres,
    pub bsa_formula: BsaFormula,
    pub bsa_cap: Option<SquareMetres>,
    /// `None`: the count is pending.
    pub nk_cells: Option<Cells>,
    pub cycle: u32,
    pub day1: Option<NaiveDate>,
    pub last_trastuzumab: Option<NaiveDate>,
    pub last_pertuzumab: Option<NaiveDate>,
    pub previous_weight: Option<Kilograms>,
}

/// Validates every field; returns all the errors, one per bad field, in form order.
/// A value holding a control character (a line feed, a tab) is refused
/// whatever it spells: "2\ne8" is not a cell count.
pub fn validate(raw: &RawInputs) -> Result<Inputs, Vec<InputError>> {
    let controls: Vec<InputError> = Field::ALL
        .iter()
        .filter_map(|f| {
            let text = raw.get(*f);
            let bad: Vec<char> = text.chars().filter(|c| c.is_control()).collect();
            (!bad.is_empty()).then(|| InputError::new(*f, text, Problem::ForbiddenCharacters(bad)))
        })
        .collect();
    if !controls.is_empty() {
        return Err(controls);
    }
    let weight = parse_weight(&raw.weight);
    let height = parse_height(&raw.height);
    let bsa_formula = parse_formula(&raw.bsa_formula);
    let bsa_cap = optional(&raw.bsa_cap, parse_bsa_cap);
    let previous_weight = optional(&raw.previous_weight, parse_previous_weight);
    let cycle = parse_cycle(&raw.cycle);
    let day1 = optional(&raw.day1, |s| parse_date(Field::Day1, s));
    let last_t = optional(&raw.last_trastuzumab, |s| parse_date(Field::LastTrastuzumab, s));
    let last_p = optional(&raw.last_pertuzumab, |s| parse_date(Field::LastPertuzumab, s));
    let nk_cells = optional(&raw.nk_cells, parse_nk_cells);

    // A last dose on or after Day 1 cannot be: the interval would be zero or negative.
    let before_day1 = |field: Field, last: Result<Option<NaiveDate>, InputError>| match (&day1, last) {
        (Ok(Some(d1)), Ok(Some(l))) if l >= *d1 => {
            Err(InputError::new(field, raw.get(field), Problem::NotBeforeDay1))
        }
        (_, other) => other,
    };
    let last_t = before_day1(Field::LastTrastuzumab, last_t);
    let last_p = before_day1(Field::LastPertuzumab, last_p);

    match (weight, height, bsa_formula, bsa_cap, previous_weight, cycle, day1, last_t, last_p, nk_cells) {
        (
            Ok(weight),
            Ok(height),
            Ok(bsa_formula),
            Ok(bsa_cap),
            Ok(previous_weight),
            Ok(cycle),
            Ok(day1),
            Ok(last_trastuzumab),
            Ok(last_pertuzumab),
            Ok(nk_cells),
        ) => Ok(Inputs {
            weight,
            height,
            bsa_formula,
            bsa_cap,
            nk_cells,
            cycle,
            day1,
            last_trastuzumab,
            last_pertuzumab,
            previous_weight,
        }),
        (w, h, f, c, p, cy, d, lt, lp, nk) => {
            let mut errors = Vec::new();
            push_err(&mut errors, w);
            push_err(&mut errors, h);
            push_err(&mut errors, f);
            push_err(&mut errors, c);
            push_err(&mut errors, p);
            push_err(&mut errors, cy);
            push_err(&mut errors, d);
            push_err(&mut errors, lt);
            push_err(&mut errors, lp);
            push_err(&mut errors, nk);
            Err(errors)
        }
    }
}

fn push_err<T>(errors: &mut Vec<InputError>, result: Result<T, InputError>) {
    if let Err(e) = result {
        errors.push(e);
    }
}

fn optional<T>(
    text: &str,
    parse: impl FnOnce(&str) -> Result<T, InputError>,
) -> Result<Option<T>, InputError> {
    if text.trim().is_empty() { Ok(None) } else { parse(text).map(Some) }
}

/// A plain decimal: digits, then at most one `.` or `,` followed by digits.
/// No sign, no exponent, no grouping: `70.5`, `70,5`, `170`.
pub fn parse_decimal(text: &str) -> Option<f64> {
    let t = text.trim();
    if t.is_empty() || t.len() > 24 {
        return None;
    }
    let (int_part, frac_part) = match t.split_once(['.', ',']) {
        Some((i, f)) => (i, Some(f)),
        None => (t, None),
    };
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if !digits(int_part) || frac_part.is_some_and(|f| !digits(f)) {
        return None;
    }
    let normal = match frac_part {
        Some(f) => format!("{int_part}.{f}"),
        None => int_part.to_owned(),
    };
    normal.parse::<f64>().ok().filter(|v| v.is_finite())
}

fn in_range(field: Field, text: &str, value: f64, range: Range) -> Result<f64, InputError> {
    if value <= 0.0 {
        Err(InputError::new(field, text, Problem::NotPositive))
    } else if value < range.min {
        Err(InputError::new(field, text, Problem::BelowMin))
    } else if value > range.max {
        Err(InputError::new(field, text, Problem::AboveMax))
    } else {
        Ok(value)
    }
}

/// The most decimals a measure may be typed with: what the working prints, so
/// the working always shows the value actually used.
pub const MEASURE_DECIMALS: usize = 2;

/// The unit a measure field is typed in, which may follow the number as the
/// program prints it ("70,5 kg"); any other unit is refused, never converted.
fn unit_of(field: Field) -> &'static [&'static str] {
    match field {
        Field::Weight | Field::PreviousWeight => &["kg"],
        Field::Height => &["cm"],
        Field::BsaCap => &["m²", "m2"],
        _ => &[],
    }
}

fn number(field: Field, text: &str) -> Result<f64, InputError> {
    if text.trim().is_empty() {
        return Err(InputError::new(field, text, Problem::Missing));
    }
    let t = text.trim();
    let t = unit_of(field)
        .iter()
        .find_map(|u| {
            // ASCII lowering keeps every byte where it was, so the prefix is the same length in `t`.
            let lower = t.to_ascii_lowercase();
            lower.strip_suffix(u).and_then(|rest| t.get(..rest.len())).map(str::trim_end)
        })
        .filter(|rest| !rest.is_empty())
        .unwrap_or(t);
    // A leading minus is a number, just not an acceptable one: say so precisely.
    if let Some(rest) = t.strip_prefix('-')
        && parse_decimal(rest).is_some()
    {
        return Err(InputError::new(field, text, Problem::NotPositive));
    }
    let value = parse_decimal(t).ok_or_else(|| InputError::new(field, text, Problem::NotANumber))?;
    let decimals = t.split_once(['.', ',']).map_or(0, |(_, f)| f.len());
    if decimals > MEASURE_DECIMALS {
        return Err(InputError::new(field, text, Problem::TooManyDecimals { max: MEASURE_DECIMALS }));
    }
    Ok(value)
}

fn weight_in(field: Field, text: &str) -> Result<Kilograms, InputError> {
    let value = number(field, text)?;
    let range = NK_ACT_BC.limits.weight_kg_hard;
    if value >= 1000.0 {
        return Err(InputError::new(field, text, Problem::LooksLikeGrams));
    }
    let value = in_range(field, text, value, range)?;
    Kilograms::new(value).ok_or_else(|| InputError::new(field, text, Problem::NotPositive))
}

/// Body weight in kg, within the hard limits.
pub fn parse_weight(text: &str) -> Result<Kilograms, InputError> {
    weight_in(Field::Weight, text)
}

/// The weight the last doses were based on, in kg, within the weight limits.
pub fn parse_previous_weight(text: &str) -> Result<Kilograms, InputError> {
    weight_in(Field::PreviousWeight, text)
}

/// Height in cm, within the hard limits; a value under 3 is reported as metres.
pub fn parse_height(text: &str) -> Result<Centimetres, InputError> {
    let field = Field::Height;
    let value = number(field, text)?;
    if value > 0.0 && value < 3.0 {
        return Err(InputError::new(field, text, Problem::LooksLikeMetres));
    }
    if (1000.0..=2500.0).contains(&value) {
        return Err(InputError::new(field, text, Problem::LooksLikeMillimetres));
    }
    let value = in_range(field, text, value, NK_ACT_BC.limits.height_cm_hard)?;
    Centimetres::new(value).ok_or_else(|| InputError::new(field, text, Problem::NotPositive))
}

/// An optional BSA cap in m².
pub fn parse_bsa_cap(text: &str) -> Result<SquareMetres, InputError> {
    let field = Field::BsaCap;
    let value = number(field, text)?;
    let value = in_range(field, text, value, NK_ACT_BC.limits.bsa_cap_m2_hard)?;
    SquareMetres::new(value).ok_or_else(|| InputError::new(field, text, Problem::NotPositive))
}

/// A BSA formula key; empty means Mosteller.
pub fn parse_formula(text: &str) -> Result<BsaFormula, InputError> {
    if text.trim().is_empty() {
        return Ok(BsaFormula::default());
    }
    BsaFormula::from_key(text)
        .ok_or_else(|| InputError::new(Field::BsaFormula, text, Problem::UnknownFormula))
}

/// The cycle number, 1 to the regimen's maximum; empty means 1.
pub fn parse_cycle(text: &str) -> Result<u32, InputError> {
    let field = Field::Cycle;
    let t = text.trim();
    if t.is_empty() {
        return Ok(1);
    }
    if t.starts_with('-') || t == "0" || t.bytes().all(|b| b == b'0') {
        return Err(InputError::new(field, text, Problem::NotPositive));
    }
    if !t.bytes().all(|b| b.is_ascii_digit()) {
        let problem = if parse_decimal(t).is_some() { Problem::NotAWholeNumber } else { Problem::NotANumber };
        return Err(InputError::new(field, text, problem));
    }
    match t.parse::<u32>() {
        Ok(n) if n <= NK_ACT_BC.limits.cycle_max => Ok(n),
        _ => Err(InputError::new(field, text, Problem::AboveMax)),
    }
}

/// An ISO date, `YYYY-MM-DD`, within the years the regimen accepts.
pub fn parse_date(field: Field, text: &str) -> Result<NaiveDate, InputError> {
    let date = iso_date(field, text)?;
    let limits = NK_ACT_BC.limits;
    if date.year() < limits.first_year || date.year() > limits.last_year {
        return Err(InputError::new(field, text, Problem::DateOutOfRange));
    }
    Ok(date)
}

/// The one date parser: exactly `YYYY-MM-DD` (ten characters, four-digit
/// year, two-digit month and day, no sign, no spaces inside), a day that exists.
pub fn iso_date(field: Field, text: &str) -> Result<NaiveDate, InputError> {
    let t = text.trim();
    let b = t.as_bytes();
    let shape_ok = b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter().enumerate().all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
    let err = |p| InputError::new(field, text, p);
    if !shape_ok {
        return Err(err(if t.is_empty() { Problem::Missing } else { Problem::NotADate }));
    }
    let num = |r: std::ops::Range<usize>| t.get(r).and_then(|s| s.parse::<u32>().ok());
    let (Some(y), Some(m), Some(d)) = (num(0..4), num(5..7), num(8..10)) else {
        return Err(err(Problem::NotADate));
    };
    NaiveDate::from_ymd_opt(y as i32, m, d).ok_or_else(|| err(Problem::NotADate))
}

/// An NK cell count as printed on a product label: `2e8`, `2.5E8`, `2,5e8`,
/// `2.5x10^8`, `2.5×10^8`, `2.5 x 10^8`, `2.5 × 10⁸`, or plain digits.
/// Must be positive and finite; whether it is in the protocol range is a
/// protocol check, not an input error.
pub fn parse_nk_cells(text: &str) -> Result<Cells, InputError> {
    let field = Field::NkCells;
    let err = |p| InputError::new(field, text, p);
    let t: String = text.trim().to_lowercase();
    if t.is_empty() {
        return Err(err(Problem::Missing));
    }
    if t.starts_with('-') {
        return Err(err(Problem::NotPositive));
    }
    // The count may end with its noun, as the program prints it in each language.
    let t = ["cells", "células", "cèl·lules"]
        .iter()
        .find_map(|noun| t.strip_suffix(noun))
        .map(str::trim_end)
        .unwrap_or(&t);
    let (value, whole) = scientific(t).ok_or_else(|| err(Problem::NotANumber))?;
    if !whole {
        return Err(err(Problem::NotAWholeCount));
    }
    Cells::new(value).ok_or_else(|| err(Problem::NotPositive))
}

/// Whether mantissa digits `int_part.frac_part` × 10^`exponent` is a whole
/// number held exactly: no non-zero digit after the decimal point once
/// shifted, and at most 15 significant digits (what a double holds exactly).
fn whole_count(int_part: &str, frac_part: &str, exponent: i32) -> bool {
    let digits: String = format!("{int_part}{frac_part}");
    let significant = digits.trim_start_matches('0').trim_end_matches('0');
    if significant.len() > 15 {
        return false;
    }
    let shift = usize::try_from(exponent.max(0)).unwrap_or(0);
    frac_part.chars().skip(shift).all(|c| c == '0')
}

/// Parses mantissa × 10^exponent in the accepted spellings; also says whether
/// the count is a whole number held exactly.
fn scientific(t: &str) -> Option<(f64, bool)> {
    if t.len() > 40 {
        return None;
    }
    // Split off the mantissa: the longest prefix of digits and one decimal mark.
    let end = t.find(|c: char| !(c.is_ascii_digit() || c == '.' || c == ',')).unwrap_or(t.len());
    let mantissa_text = &t[..end];
    let mantissa = parse_decimal(mantissa_text)?;
    let (int_part, frac_part) = mantissa_text.split_once(['.', ',']).unwrap_or((mantissa_text, ""));
    let rest = t[end..].trim_start();
    let exponent: i32 = if rest.is_empty() {
        0
    } else if ["million", "millones", "milions"].contains(&rest) {
        6
    } else if let Some(e) = rest.strip_prefix('e') {
        small_int(e.strip_prefix('+').unwrap_or(e))?
    } else if let Some(r) = rest.strip_prefix(['x', '×', '*']) {
        let r = r.trim_start().strip_prefix("10")?.trim_start();
        if let Some(e) = r.strip_prefix('^') {
            let e = e.trim_start();
            small_int(e.strip_prefix('+').unwrap_or(e))?
        } else {
            superscript_int(r)?
        }
    } else {
        return None;
    };
    let value = mantissa * 10f64.powi(exponent);
    value.is_finite().then_some((value, whole_count(int_part, frac_part, exponent)))
}

fn small_int(s: &str) -> Option<i32> {
    let s = s.trim();
    (!s.is_empty() && s.len() <= 2 && s.bytes().all(|b| b.is_ascii_digit())).then(|| s.parse().ok()).flatten()
}

fn superscript_int(s: &str) -> Option<i32> {
    const DIGITS: [char; 10] = ['⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'];
    let s = s.trim();
    let mut value: i32 = 0;
    let mut count = 0;
    for c in s.chars() {
        let d = DIGITS.iter().position(|x| *x == c)?;
        value = value * 10 + d as i32;
        count += 1;
        if count > 2 {
            return None;
        }
    }
    (count > 0).then_some(value)
}
