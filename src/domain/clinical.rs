//! What the pharmacy checks before it releases a cycle, as typed and as
//! validated: laboratory results with their units and dates, the site's
//! upper limits of normal, LVEF, the conditions that relax a limit, whether
//! the previous antibody infusion was tolerated, the day chosen for
//! cyclophosphamide and the NK cell product's identifiers. Like
//! [`crate::input`], text as typed ([`RawClinical`]) becomes typed values
//! ([`Clinical`]) at one boundary ([`validate_clinical`]), or a list of
//! errors, one per bad value, each naming the field, the value and the problem.

use chrono::{NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};

use crate::criteria::{
    LabCode, LabProblem, LabResult, is_plausible, plausible, reads_as_thousands, to_canonical, uln_plausible,
};
use crate::domain::calendar::date_of_day;
use crate::error::{Field, InputError, Problem};
use crate::input::{parse_date, parse_decimal};
use crate::regimen::{NK_ACT_BC, Timing};

/// One laboratory result as typed: the test code, the value with its unit, the date.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawLab {
    pub code: String,
    /// `1.8 x10^9/L`, `85 µmol/L`, `1,1`.
    pub measure: String,
    pub date: String,
}

/// A site's upper limit of normal as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawUln {
    pub code: String,
    pub measure: String,
}

/// The criteria inputs as a person typed them. Empty = not given. Saved in the
/// order file as typed; an order file written before these inputs existed
/// reads as nothing entered (the field is left out when empty).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct RawClinical {
    pub labs: Vec<RawLab>,
    pub uln: Vec<RawUln>,
    /// The latest LVEF, %.
    pub lvef: String,
    pub lvef_date: String,
    /// The LVEF before treatment, %.
    pub lvef_baseline: String,
    /// `female` or `male`.
    pub sex: String,
    pub liver_metastases: bool,
    pub gilbert: bool,
    /// `yes` or `no`.
    pub previous_infusion_tolerated: String,
    pub cyclophosphamide_date: String,
    /// `HH:MM`: when the cyclophosphamide starts (the trial's stagger rule).
    pub cyclophosphamide_time: String,
    pub nk_product_id: String,
    pub nk_bag_id: String,
    /// `YYYY-MM-DD HH:MM`.
    pub nk_released_at: String,
}

impl RawClinical {
    pub fn is_empty(&self) -> bool {
        *self == RawClinical::default()
    }

    /// Reads `CODE=VALUE UNIT@YYYY-MM-DD` (the command line's `--lab`) into its parts.
    pub fn lab_from_text(text: &str) -> Result<RawLab, InputError> {
        let err = |p| InputError::new(Field::Lab, text, p);
        let (code, rest) = text.split_once('=').ok_or_else(|| err(Problem::NotALabEntry))?;
        let (measure, date) = rest.rsplit_once('@').ok_or_else(|| err(Problem::NotALabEntry))?;
        Ok(RawLab {
            code: code.trim().to_owned(),
            measure: measure.trim().to_owned(),
            date: date.trim().to_owned(),
        })
    }

    /// Reads `CODE=VALUE UNIT` (the command line's `--uln`).
    pub fn uln_from_text(text: &str) -> Result<RawUln, InputError> {
        let (code, measure) =
            text.split_once('=').ok_or_else(|| InputError::new(Field::Uln, text, Problem::NotALabEntry))?;
        Ok(RawUln { code: code.trim().to_owned(), measure: measure.trim().to_owned() })
    }

    /// The lab entry for `code`, to edit (the window keeps one per test).
    pub fn lab_mut(&mut self, code: LabCode) -> &mut RawLab {
        let at = match self.labs.iter().position(|l| l.code == code.key()) {
            Some(i) => i,
            None => {
                self.labs.push(RawLab { code: code.key().to_owned(), ..RawLab::default() });
                self.labs.len() - 1
            }
        };
        &mut self.labs[at]
    }

    /// The ULN entry for `code`, to edit.
    pub fn uln_mut(&mut self, code: LabCode) -> &mut RawUln {
        let at = match self.uln.iter().position(|l| l.code == code.key()) {
            Some(i) => i,
            None => {
                self.uln.push(RawUln { code: code.key().to_owned(), ..RawUln::default() });
                self.uln.len() - 1
            }
        };
        &mut self.uln[at]
    }

    /// Drops entries the window left wholly empty.
    pub fn tidy(&mut self) {
        self.labs.retain(|l| !(l.measure.trim().is_empty() && l.date.trim().is_empty()));
        self.uln.retain(|l| !l.measure.trim().is_empty());
    }
}

/// The sex the Cockcroft-Gault formula needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sex {
    Female,
    Male,
}

/// The criteria inputs, validated.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Clinical {
    pub labs: Vec<LabResult>,
    /// In each test's own unit.
    pub uln: Vec<(LabCode, f64)>,
    pub lvef: Option<(f64, NaiveDate)>,
    pub lvef_baseline: Option<f64>,
    pub sex: Option<Sex>,
    pub liver_metastases: bool,
    pub gilbert: bool,
    pub previous_infusion_tolerated: Option<bool>,
    /// The day chosen for cyclophosphamide (a protocol day and its date).
    pub cyclophosphamide: Option<(i32, NaiveDate)>,
    pub cyclophosphamide_time: Option<chrono::NaiveTime>,
    pub nk_product_id: Option<String>,
    pub nk_bag_id: Option<String>,
    pub nk_released_at: Option<NaiveDateTime>,
    /// Known to the order (the patient's), or given to `calc`.
    pub date_of_birth: Option<NaiveDate>,
}

/// The Day 1 the criteria inputs are judged against: the validated one, or,
/// when another input is in error, Day 1 as typed if it is itself a valid date
/// (issue 18: a correct cyclophosphamide date was flagged outside its window
/// whenever any other input was invalid).
pub fn day1_for_criteria(
    inputs: &Result<crate::input::Inputs, Vec<InputError>>,
    raw: &crate::input::RawInputs,
) -> Option<NaiveDate> {
    match inputs {
        Ok(i) => i.day1,
        Err(errors) if errors.iter().any(|e| e.field == Field::Day1) => None,
        Err(_) => crate::input::iso_date(Field::Day1, &raw.day1).ok(),
    }
}

/// The errors of the inputs and of the criteria inputs, as one list. A
/// cyclophosphamide date "outside its window" only because Day 1 is itself in
/// error is left out: Day 1's own error says what to correct, and the date is
/// judged again once it is.
pub fn all_errors(inputs: Option<Vec<InputError>>, clinical: Option<Vec<InputError>>) -> Vec<InputError> {
    let mut errors = inputs.unwrap_or_default();
    let day1_in_error = errors.iter().any(|e| e.field == Field::Day1);
    errors.extend(clinical.unwrap_or_default().into_iter().filter(|e| {
        !(day1_in_error && e.field == Field::CyclophosphamideDate && e.problem == Problem::OutsideWindow)
    }));
    errors
}

/// LVEF accepted, %. Normal is 52–72 % (ASE/EACVI 2015); a patient on
/// trastuzumab with an LVEF under 10 % is not an outpatient, and above 85 % is
/// beyond any echocardiographic or MUGA reading. Outside, a digit was lost or
/// added ("6" for 60): refused (issue 18: a baseline of 6 % was accepted).
pub const LVEF_RANGE_PCT: (f64, f64) = (10.0, 85.0);

fn lab_problem(p: LabProblem) -> Problem {
    match p {
        LabProblem::NotANumber => Problem::NotANumber,
        LabProblem::UnknownUnit => Problem::UnknownUnit,
        LabProblem::AmbiguousUnit => Problem::AmbiguousUnit,
        LabProblem::NotALabEntry => Problem::NotALabEntry,
        LabProblem::UnknownTest => Problem::UnknownTest,
        LabProblem::NotADate => Problem::NotADate,
        LabProblem::ThousandsSeparator => Problem::ThousandsSeparator,
    }
}

/// A value and its unit, `1.8 x10^9/L`, in the test's own unit.
fn measure(code: LabCode, text: &str) -> Result<f64, LabProblem> {
    let t = text.trim();
    let end = t.find(|c: char| !(c.is_ascii_digit() || c == '.' || c == ',')).unwrap_or(t.len());
    let (number, unit) = t.split_at(end);
    if number.is_empty() {
        return Err(LabProblem::NotANumber);
    }
    if reads_as_thousands(number, unit) {
        return Err(LabProblem::ThousandsSeparator);
    }
    let value = parse_decimal(number).ok_or(LabProblem::NotANumber)?;
    to_canonical(code, value, unit)
}

fn percent(field: Field, text: &str) -> Result<f64, InputError> {
    let t = text.trim();
    let t = t.strip_suffix('%').unwrap_or(t).trim_end();
    let v = parse_decimal(t).ok_or_else(|| InputError::new(field, text, Problem::NotANumber))?;
    if v < LVEF_RANGE_PCT.0 {
        return Err(InputError::new(field, text, Problem::BelowMin));
    }
    if v > LVEF_RANGE_PCT.1 {
        return Err(InputError::new(field, text, Problem::AboveMax));
    }
    Ok(v)
}

fn one_of<T: Copy>(field: Field, text: &str, words: &[(&str, T)]) -> Result<Option<T>, InputError> {
    let t = text.trim().to_lowercase();
    if t.is_empty() {
        return Ok(None);
    }
    words
        .iter()
        .find(|(w, _)| *w == t)
        .map(|(_, v)| Some(*v))
        .ok_or_else(|| InputError::new(field, text, Problem::NotOneOf))
}

/// `YYYY-MM-DD HH:MM` (or with a `T`), a local time that names exactly one
/// instant in this workstation's time zone: a time skipped or lived twice by a
/// clock change is refused, never guessed (issue 18).
pub fn parse_date_time(field: Field, text: &str) -> Result<NaiveDateTime, InputError> {
    let t = text.trim();
    let err = |p| InputError::new(field, text, p);
    let (date, time) = t.split_once([' ', 'T']).ok_or_else(|| err(Problem::NotADateTime))?;
    let date = parse_date(field, date).map_err(|e| InputError { problem: Problem::NotADateTime, ..e })?;
    let time =
        chrono::NaiveTime::parse_from_str(time.trim(), "%H:%M").map_err(|_| err(Problem::NotADateTime))?;
    let local = date.and_time(time);
    exists_once(field, text, local)?;
    Ok(local)
}

/// Refuses a local time that a clock change skipped or repeated here.
fn exists_once(field: Field, text: &str, local: NaiveDateTime) -> Result<(), InputError> {
    match crate::stagger::instant(&chrono::Local, local) {
        Ok(_) => Ok(()),
        Err(crate::stagger::LocalTimeProblem::Nonexistent) => {
            Err(InputError::new(field, text, Problem::NonexistentLocalTime))
        }
        Err(crate::stagger::LocalTimeProblem::Ambiguous) => {
            Err(InputError::new(field, text, Problem::AmbiguousLocalTime))
        }
    }
}

/// Validates every criteria input against the cycle's Day 1 (when known);
/// returns all the errors, one per bad value. The words accepted for
/// yes/no and female/male are those of the command line and of the three
/// languages of the window.
///
/// A value outside its test's plausible range ([`crate::criteria::PLAUSIBLE`])
/// is refused, never evaluated; so is a result or an LVEF dated after `today`.
pub fn validate_clinical(
    raw: &RawClinical,
    day1: Option<NaiveDate>,
    today: NaiveDate,
) -> Result<Clinical, Vec<InputError>> {
    let mut errors = Vec::new();
    let mut out =
        Clinical { liver_metastases: raw.liver_metastases, gilbert: raw.gilbert, ..Clinical::default() };
    labs_into(raw, today, &mut out, &mut errors);
    ulns_into(raw, &mut out, &mut errors);
    lvef_into(raw, day1, today, &mut out, &mut errors);
    answers_into(raw, &mut out, &mut errors);
    cyclophosphamide_into(raw, day1, &mut out, &mut errors);
    nk_product_into(raw, &mut out, &mut errors);
    if errors.is_empty() { Ok(out) } else { Err(errors) }
}

/// The laboratory results: each read with its unit and date, refused when implausible,
/// in the future or given twice for one day.
fn labs_into(raw: &RawClinical, today: NaiveDate, out: &mut Clinical, errors: &mut Vec<InputError>) {
    for lab in &raw.labs {
        let shown = format!("{}={}@{}", lab.code, lab.measure, lab.date);
        let err = |p| InputError::new(Field::Lab, shown.clone(), p);
        if let Some(bad) = forbidden(&shown) {
            errors.push(err(Problem::ForbiddenCharacters(bad)));
            continue;
        }
        let Some(code) = LabCode::from_key(lab.code.trim().to_lowercase().as_str()) else {
            errors.push(err(Problem::UnknownTest));
            continue;
        };
        if lab.measure.trim().is_empty() || lab.date.trim().is_empty() {
            errors.push(err(Problem::Missing));
            continue;
        }
        let date = match parse_date(Field::Lab, &lab.date) {
            Ok(d) if d > today => {
                errors.push(err(Problem::InFuture));
                continue;
            }
            Ok(d) => d,
            Err(e) => {
                errors.push(err(e.problem));
                continue;
            }
        };
        match measure(code, &lab.measure) {
            Ok(value) if !is_plausible(&plausible(code), value) => {
                errors.push(err(Problem::Implausible { code, canonical: value, uln: false }))
            }
            Ok(value) => {
                if out.labs.iter().any(|r| r.code == code && r.date == date) {
                    errors.push(err(Problem::Repeated));
                } else {
                    out.labs.push(LabResult { code, value, typed: lab.measure.trim().to_owned(), date });
                }
            }
            Err(p) => errors.push(err(lab_problem(p))),
        }
    }
}

/// The site's upper limits of normal, one per test.
fn ulns_into(raw: &RawClinical, out: &mut Clinical, errors: &mut Vec<InputError>) {
    for uln in &raw.uln {
        let shown = format!("{}={}", uln.code, uln.measure);
        let err = |p| InputError::new(Field::Uln, shown.clone(), p);
        if let Some(bad) = forbidden(&shown) {
            errors.push(err(Problem::ForbiddenCharacters(bad)));
            continue;
        }
        let Some(code) = LabCode::from_key(uln.code.trim().to_lowercase().as_str()) else {
            errors.push(err(Problem::UnknownTest));
            continue;
        };
        match measure(code, &uln.measure) {
            Ok(v) if v <= 0.0 => errors.push(err(Problem::NotPositive)),
            Ok(v) if !is_plausible(&uln_plausible(code), v) => {
                errors.push(err(Problem::Implausible { code, canonical: v, uln: true }))
            }
            Ok(v) => {
                if out.uln.iter().any(|(c, _)| *c == code) {
                    errors.push(err(Problem::Repeated));
                } else {
                    out.uln.push((code, v));
                }
            }
            Err(p) => errors.push(err(lab_problem(p))),
        }
    }
}

/// The LVEF with its date (both or neither), before Day 1 and not in the future, and the baseline.
fn lvef_into(
    raw: &RawClinical,
    day1: Option<NaiveDate>,
    today: NaiveDate,
    out: &mut Clinical,
    errors: &mut Vec<InputError>,
) {
    let lvef = (!raw.lvef.trim().is_empty()).then(|| percent(Field::Lvef, &raw.lvef));
    let lvef_date = (!raw.lvef_date.trim().is_empty()).then(|| parse_date(Field::LvefDate, &raw.lvef_date));
    match (lvef, lvef_date) {
        (None, None) => {}
        (Some(Ok(v)), Some(Ok(d))) => match day1 {
            _ if d > today => {
                errors.push(InputError::new(Field::LvefDate, raw.lvef_date.as_str(), Problem::InFuture))
            }
            Some(d1) if d > d1 => {
                errors.push(InputError::new(Field::LvefDate, raw.lvef_date.as_str(), Problem::NotBeforeDay1))
            }
            _ => out.lvef = Some((v, d)),
        },
        (v, d) => {
            match v {
                Some(Err(e)) => errors.push(e),
                None => errors.push(InputError::new(Field::Lvef, "", Problem::Missing)),
                Some(Ok(_)) => {}
            }
            match d {
                Some(Err(e)) => errors.push(e),
                None => errors.push(InputError::new(Field::LvefDate, "", Problem::Missing)),
                Some(Ok(_)) => {}
            }
        }
    }
    if !raw.lvef_baseline.trim().is_empty() {
        match percent(Field::LvefBaseline, &raw.lvef_baseline) {
            Ok(v) => out.lvef_baseline = Some(v),
            Err(e) => errors.push(e),
        }
    }
}

/// Sex and whether the previous infusion was tolerated, in any of the three languages.
fn answers_into(raw: &RawClinical, out: &mut Clinical, errors: &mut Vec<InputError>) {
    let sexes = [
        ("female", Sex::Female),
        ("f", Sex::Female),
        ("mujer", Sex::Female),
        ("dona", Sex::Female),
        ("male", Sex::Male),
        ("m", Sex::Male),
        ("hombre", Sex::Male),
        ("home", Sex::Male),
    ];
    match one_of(Field::Sex, &raw.sex, &sexes) {
        Ok(s) => out.sex = s,
        Err(e) => errors.push(e),
    }
    let yes_no = [("yes", true), ("y", true), ("sí", true), ("si", true), ("no", false), ("n", false)];
    match one_of(Field::PreviousInfusionTolerated, &raw.previous_infusion_tolerated, &yes_no) {
        Ok(v) => out.previous_infusion_tolerated = v,
        Err(e) => errors.push(e),
    }
}

/// The cyclophosphamide day within its window, and its time (one that exists once that day).
fn cyclophosphamide_into(
    raw: &RawClinical,
    day1: Option<NaiveDate>,
    out: &mut Clinical,
    errors: &mut Vec<InputError>,
) {
    if !raw.cyclophosphamide_date.trim().is_empty() {
        match cyclophosphamide_day(&raw.cyclophosphamide_date, day1) {
            Ok(d) => out.cyclophosphamide = Some(d),
            Err(e) => errors.push(e),
        }
    }
    if !raw.cyclophosphamide_time.trim().is_empty() {
        let time = chrono::NaiveTime::parse_from_str(raw.cyclophosphamide_time.trim(), "%H:%M");
        let on_day = |t: chrono::NaiveTime| match out.cyclophosphamide {
            Some((_, d)) => {
                exists_once(Field::CyclophosphamideDate, &raw.cyclophosphamide_time, d.and_time(t))
            }
            None => Ok(()),
        };
        match time {
            Ok(t) if on_day(t).is_err() => {
                if let Err(e) = on_day(t) {
                    errors.push(e);
                }
            }
            Ok(t) => out.cyclophosphamide_time = Some(t),
            Err(_) => errors.push(InputError::new(
                Field::CyclophosphamideDate,
                raw.cyclophosphamide_time.as_str(),
                Problem::NotADateTime,
            )),
        }
    }
}

/// The NK product and bag identifiers and the release time.
fn nk_product_into(raw: &RawClinical, out: &mut Clinical, errors: &mut Vec<InputError>) {
    for (field, text, slot) in [
        (Field::NkProductId, &raw.nk_product_id, &mut out.nk_product_id),
        (Field::NkBagId, &raw.nk_bag_id, &mut out.nk_bag_id),
    ] {
        match crate::identity::normalise(field, text) {
            Ok(v) if v.is_empty() => {}
            Ok(v) => *slot = Some(v),
            Err(e) => errors.push(e),
        }
    }
    if !raw.nk_released_at.trim().is_empty() {
        match parse_date_time(Field::NkReleasedAt, &raw.nk_released_at) {
            Ok(t) => out.nk_released_at = Some(t),
            Err(e) => errors.push(e),
        }
    }
}

fn forbidden(text: &str) -> Option<Vec<char>> {
    let bad: Vec<char> = text.chars().filter(|c| c.is_control()).collect();
    (!bad.is_empty()).then_some(bad)
}

/// The cyclophosphamide day: a date within Day -5 … Day -3 of this cycle.
fn cyclophosphamide_day(text: &str, day1: Option<NaiveDate>) -> Result<(i32, NaiveDate), InputError> {
    let field = Field::CyclophosphamideDate;
    let date = parse_date(field, text)?;
    let Some(day1) = day1 else {
        return Err(InputError::new(field, text, Problem::OutsideWindow));
    };
    let days = NK_ACT_BC
        .drugs
        .iter()
        .find(|r| r.drug == crate::regimen::Drug::Cyclophosphamide)
        .map(|r| r.timing)
        .map(Timing::days)
        .unwrap_or_default();
    days.into_iter()
        .find(|d| date_of_day(day1, *d) == Some(date))
        .map(|d| (d, date))
        .ok_or_else(|| InputError::new(field, text, Problem::OutsideWindow))
}
