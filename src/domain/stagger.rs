//! The trial's rules across patients (trial record, "Detailed Description";
//! criteria-to-treat.md): the next patient's first treatment may not start
//! before the previous patient's safety window has passed. Pure rules on
//! dates and times; the register supplies the previous patient.

use chrono::{NaiveDate, NaiveDateTime, NaiveTime, TimeDelta};

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

/// The previous patient, as the register knows them.
#[derive(Debug, Clone, PartialEq)]
pub struct Previous {
    pub subject: String,
    pub day1: NaiveDate,
    /// The last IL-2 dose: the time recorded at administration, else the end of its planned day.
    pub last_il2: NaiveDateTime,
    /// True when `last_il2` is a recorded administration, false when it is the planned day's end.
    pub il2_recorded: bool,
}

/// The earliest the next patient's cyclophosphamide may start.
pub fn earliest_start(cohort: Cohort, previous: &Previous) -> NaiveDateTime {
    match cohort {
        Cohort::Expansion => previous.last_il2 + TimeDelta::hours(EXPANSION_GAP_HOURS),
        Cohort::LeadIn => (previous.day1 + TimeDelta::days(LEAD_IN_TLT_DAYS)).and_time(NaiveTime::MIN),
    }
}

/// The end of a planned day, when no administration time is recorded: the latest it could be.
pub fn end_of_day(date: NaiveDate) -> NaiveDateTime {
    date.and_time(NaiveTime::from_hms_opt(23, 59, 0).unwrap_or(NaiveTime::MIN))
}
