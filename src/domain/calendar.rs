//! The calendar and the clock's instants, below every rule that uses them: the
//! protocol's day numbering (no Day 0), and local times turned into instants in
//! a time zone passed in (refusing a local time that does not exist or exists
//! twice there). Pure functions; nothing here reads the clock.

use chrono::{DateTime, Days, NaiveDate, NaiveDateTime, NaiveTime, TimeDelta, TimeZone, Utc};

/// The calendar date of a protocol day. There is no Day 0: Day -1 is the day
/// before Day 1, Day 2 the day after.
pub fn date_of_day(day1: NaiveDate, day: i32) -> Option<NaiveDate> {
    let offset = if day < 0 { i64::from(day) } else { i64::from(day) - 1 };
    if offset >= 0 {
        day1.checked_add_days(Days::new(offset.unsigned_abs()))
    } else {
        day1.checked_sub_days(Days::new(offset.unsigned_abs()))
    }
}

/// Why a local time cannot be turned into one instant.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LocalTimeProblem {
    /// Skipped by a clock change (spring forward): 02:30 on 2026-03-29 in Madrid.
    Nonexistent,
    /// Lived twice (fall back): 02:30 on 2026-10-25 in Madrid.
    Ambiguous,
}

/// The instant a local time in `zone` names, or why it names none or two.
pub fn instant<Tz: TimeZone>(zone: &Tz, local: NaiveDateTime) -> Result<DateTime<Utc>, LocalTimeProblem> {
    match zone.from_local_datetime(&local) {
        chrono::LocalResult::Single(t) => Ok(t.with_timezone(&Utc)),
        chrono::LocalResult::Ambiguous(..) => Err(LocalTimeProblem::Ambiguous),
        chrono::LocalResult::None => Err(LocalTimeProblem::Nonexistent),
    }
}

/// The instant a local time names when one must be chosen: the later of two
/// (the safe side for the end of a window), or the first moment after a gap.
pub fn instant_latest<Tz: TimeZone>(zone: &Tz, local: NaiveDateTime) -> DateTime<Utc> {
    match zone.from_local_datetime(&local) {
        chrono::LocalResult::Single(t) => t.with_timezone(&Utc),
        chrono::LocalResult::Ambiguous(_, later) => later.with_timezone(&Utc),
        // In a gap: an hour later always exists (clock changes are at most an hour here).
        chrono::LocalResult::None => instant_latest(zone, local + TimeDelta::hours(1)),
    }
}

/// The local time of an instant in `zone`.
pub fn local<Tz: TimeZone>(zone: &Tz, at: DateTime<Utc>) -> NaiveDateTime {
    at.with_timezone(zone).naive_local()
}

/// The end of a planned day, when no administration time is recorded: the
/// midnight that closes it, the latest a dose that day could have been given.
/// The window then ends on a whole minute that is itself the first allowed
/// ("from 10 Mar 2026, 00:00"), not one minute before it.
pub fn end_of_day<Tz: TimeZone>(zone: &Tz, date: NaiveDate) -> DateTime<Utc> {
    instant_latest(zone, (date + TimeDelta::days(1)).and_time(NaiveTime::MIN))
}

/// A stored time as an instant: `…Z` is UTC; a time without an offset (written
/// before version 0.3) is this workstation's local time.
pub fn parse_instant(s: &str) -> Result<chrono::DateTime<chrono::Utc>, chrono::ParseError> {
    match s.strip_suffix('Z') {
        Some(utc) => NaiveDateTime::parse_from_str(utc, "%Y-%m-%dT%H:%M:%S").map(|t| t.and_utc()),
        None => {
            NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M:%S").map(|t| instant_latest(&chrono::Local, t))
        }
    }
}
