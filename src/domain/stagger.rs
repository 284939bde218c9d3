//! The trial's rules across patients (trial record, "Detailed Description";
//! criteria-to-treat.md): the next patient's first treatment may not start
//! before the previous patient's safety window has passed. Pure rules on
//! instants: every time is an instant in UTC, "48 hours" is elapsed time (a
//! clock change in between neither shortens nor lengthens it), and local
//! times are turned into instants in a time zone passed in, refusing a local
//! time that does not exist or exists twice there. The register supplies the
//! previous patient.

use chrono::{DateTime, NaiveDate, NaiveDateTime, NaiveTime, TimeDelta, TimeZone, Utc};

pub use crate::domain::calendar::{LocalTimeProblem, end_of_day, instant, instant_latest, local};

/// The trial's two cohorts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cohort {
    /// Safety lead-in (6 patients): one patient at a time, each after the previous one's TLT period.
    LeadIn,
    /// Expansion: 48 h between the previous patient's last IL-2 and the next one's cyclophosphamide.
    Expansion,
}

impl Cohort {
    pub fn key(self) -> &'static str {
        match self {
            Cohort::LeadIn => "lead-in",
            Cohort::Expansion => "expansion",
        }
    }

    pub fn from_key(key: &str) -> Option<Cohort> {
        match key.trim().to_ascii_lowercase().as_str() {
            "lead-in" | "leadin" | "safety-lead-in" => Some(Cohort::LeadIn),
            "expansion" => Some(Cohort::Expansion),
            _ => None,
        }
    }
}

/// Trial record: "at least 48 hours between the last subcutaneous IL-2 dose of the previous
/// patient and the first cyclophosphamide dose of the next" (expansion).
pub const EXPANSION_GAP_HOURS: i64 = 48;
/// Trial record: the next lead-in patient starts "after the TLT period (28 days)" of the previous
/// one is complete; counted from the previous patient's Day 1 (the record does not say: a
/// reviewed default, printed with the result).
pub const LEAD_IN_TLT_DAYS: i64 = 28;

/// Which wait applies between the previous patient and the next.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gap {
    /// 28 days from the previous patient's Day 1: the previous patient (or the next) is in
    /// the safety lead-in, whose toxicity window must close before anyone else starts.
    LeadInTlt,
    /// 48 hours of elapsed time after the previous patient's last IL-2: both in expansion.
    Expansion48h,
}

/// The wait between a previous patient of cohort `previous` (`None`: not recorded) and a
/// next patient of cohort `next`. The trial record expands only after the lead-in's
/// toxicity evaluation, so a lead-in patient on either side means the 28-day window; a
/// previous patient whose cohort the register does not hold gets the stricter wait.
pub fn gap(next: Cohort, previous: Option<Cohort>) -> Gap {
    match (next, previous) {
        (Cohort::Expansion, Some(Cohort::Expansion)) => Gap::Expansion48h,
        _ => Gap::LeadInTlt,
    }
}

/// The previous patient, as the register knows them.
#[derive(Debug, Clone, PartialEq)]
pub struct Previous {
    pub subject: String,
    /// The previous patient's cohort, as their order named it.
    pub cohort: Option<Cohort>,
    pub day1: NaiveDate,
    /// The last IL-2 dose: the instant recorded at administration, else the end of its planned day.
    pub last_il2: DateTime<Utc>,
    /// True when `last_il2` is a recorded administration, false when it is the planned day's end.
    pub il2_recorded: bool,
}

/// The earliest instant the next patient's cyclophosphamide may start, and the wait applied.
pub fn earliest_start<Tz: TimeZone>(zone: &Tz, next: Cohort, previous: &Previous) -> (DateTime<Utc>, Gap) {
    let g = gap(next, previous.cohort);
    let at = match g {
        Gap::Expansion48h => previous.last_il2 + TimeDelta::hours(EXPANSION_GAP_HOURS),
        // Days on the calendar: the TLT period ends at local midnight 28 days after Day 1.
        Gap::LeadInTlt => {
            instant_latest(zone, (previous.day1 + TimeDelta::days(LEAD_IN_TLT_DAYS)).and_time(NaiveTime::MIN))
        }
    };
    (at, g)
}

/// How far from its planned day an administration may be recorded, in days (either side):
/// a dose given just after midnight, or recorded against a day moved by a day. A
/// reviewed default (issue 18), not a protocol value.
pub const ADMINISTRATION_TOLERANCE_DAYS: i64 = 1;

/// Why an administration time cannot be recorded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AdministrationProblem {
    /// Not a product of this regimen (`interleukin-2`, `cyclophosphamide`, …, `nk-cells`).
    UnknownDrug,
    /// The drug is not given on that protocol day.
    NotAPlannedDay,
    /// The time is not within the planned day (± the tolerance).
    OutsidePlannedDay { planned: NaiveDate, tolerance_days: i64 },
    /// The time is after now.
    InFuture,
}

/// The protocol days `drug` (a regimen key, or `nk-cells`) is given on.
fn planned_days(drug: &str) -> Option<Vec<i32>> {
    let regimen = &crate::regimen::NK_ACT_BC;
    if matches!(drug, "nk-cells" | "nk") {
        return Some(vec![regimen.nk.day]);
    }
    regimen.drugs.iter().find(|r| r.drug.key() == drug).map(|r| r.timing.days())
}

/// Checks an administration recorded for `drug` on protocol `day` of a cycle
/// whose Day 1 is `day1`, at local time `at`, against now (local): the day must be
/// one the drug is given on, the time must fall on that day (± the tolerance),
/// and not in the future (issue 18: an IL-2 recorded in 2030 moved the next
/// patient's earliest start).
pub fn check_administration(
    drug: &str,
    day: i32,
    day1: NaiveDate,
    at: NaiveDateTime,
    now: NaiveDateTime,
) -> Result<(), AdministrationProblem> {
    let days = planned_days(drug).ok_or(AdministrationProblem::UnknownDrug)?;
    if !days.contains(&day) {
        return Err(AdministrationProblem::NotAPlannedDay);
    }
    let planned =
        crate::domain::calendar::date_of_day(day1, day).ok_or(AdministrationProblem::NotAPlannedDay)?;
    if (at.date() - planned).num_days().abs() > ADMINISTRATION_TOLERANCE_DAYS {
        return Err(AdministrationProblem::OutsidePlannedDay {
            planned,
            tolerance_days: ADMINISTRATION_TOLERANCE_DAYS,
        });
    }
    if at > now {
        return Err(AdministrationProblem::InFuture);
    }
    Ok(())
}

/// The previous patient's, for the stagger rule.
#[derive(Debug, Clone, PartialEq)]
pub struct NextStart {
    pub cohort: Cohort,
    pub previous: Previous,
    /// Which wait applied (the previous patient's cohort decides it too).
    pub gap: Gap,
    /// The first instant allowed.
    pub earliest_utc: chrono::DateTime<chrono::Utc>,
    /// The same, in this workstation's local time, for people.
    pub earliest: NaiveDateTime,
    /// The previous patient's last IL-2, in local time.
    pub last_il2_local: NaiveDateTime,
}

/// The previous patient's cycle-1 sheet as the register holds it, with the
/// administrations signed for it: what [`next_start`] decides from.
#[derive(Debug, Clone, PartialEq)]
pub struct PreviousSheet {
    pub subject: String,
    pub record: String,
    pub cohort: Option<Cohort>,
    pub day1: NaiveDate,
    pub administrations: Vec<crate::domain::people::Administration>,
}

/// The earliest start of the next patient of `cohort` after `sheet`'s patient,
/// in `zone`: the last IL-2 is Day 6's, at the instant recorded when it was
/// given, else the end of that day (the later, stricter reading).
pub fn next_start<Z: TimeZone>(zone: &Z, cohort: Cohort, sheet: &PreviousSheet) -> NextStart {
    let day6 = crate::domain::calendar::date_of_day(sheet.day1, 6).unwrap_or(sheet.day1);
    let recorded =
        sheet.administrations.iter().filter(|a| a.drug == "interleukin-2" && a.day == 6).map(|a| a.at).max();
    let previous = Previous {
        subject: sheet.subject.clone(),
        cohort: sheet.cohort,
        day1: sheet.day1,
        last_il2: recorded.unwrap_or_else(|| end_of_day(zone, day6)),
        il2_recorded: recorded.is_some(),
    };
    let (earliest_utc, gap) = earliest_start(zone, cohort, &previous);
    NextStart {
        cohort,
        gap,
        earliest_utc,
        earliest: local(zone, earliest_utc),
        last_il2_local: local(zone, previous.last_il2),
        previous,
    }
}

/// A first treatment at local time `start` in `zone`, as an instant: a time
/// lived twice is taken at its earlier instant, a time that does not exist at
/// the instant after the gap (the stricter reading either way).
pub fn start_instant<Z: TimeZone>(zone: &Z, start: NaiveDateTime) -> DateTime<Utc> {
    match zone.from_local_datetime(&start).earliest() {
        Some(t) => t.with_timezone(&Utc),
        None => instant_latest(zone, start),
    }
}
