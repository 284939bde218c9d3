//! The trial's stagger rule across clock changes (issue 18): "48 hours" is
//! elapsed time, not wall-clock time; local times that a clock change skips or
//! repeats are refused; the previous patient's cohort decides the wait; an
//! administration time must fall on its planned day and not in the future.
//! Europe/Madrid's 2026 and 2027 changes (EU: last Sunday of March at 01:00
//! UTC, last Sunday of October at 01:00 UTC): 2026-03-29, 2026-10-25,
//! 2027-03-28, 2027-10-31.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // tests may fail loudly

use chrono::{NaiveDate, NaiveDateTime, TimeZone, Utc};
use chrono_tz::Europe::Madrid;
use nkact_dose::stagger::{
    self, AdministrationProblem, Cohort, Gap, LocalTimeProblem, Previous, check_administration,
    earliest_start, instant,
};

fn local(s: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap()
}

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn previous(cohort: Cohort, day1: &str, last_il2_local: &str) -> Previous {
    Previous {
        subject: "S-01".into(),
        cohort: Some(cohort),
        day1: d(day1),
        last_il2: instant(&Madrid, local(last_il2_local)).unwrap(),
        il2_recorded: true,
    }
}

#[test]
// Shows: REQ-STAG-001
fn forty_eight_hours_are_elapsed_time_across_every_madrid_clock_change() {
    // (last IL-2, local; first allowed start, local; the change in between)
    let rows = [
        // Spring 2026: the night of 28-29 March has 23 h, so 48 h later reads 11:00, not 10:00.
        ("2026-03-28 10:00", "2026-03-30 11:00", "2026-03-29 spring forward"),
        // Autumn 2026: the night of 24-25 October has 25 h, so 48 h later reads 09:00.
        ("2026-10-24 10:00", "2026-10-26 09:00", "2026-10-25 fall back"),
        ("2027-03-27 10:00", "2027-03-29 11:00", "2027-03-28 spring forward"),
        ("2027-10-30 10:00", "2027-11-01 09:00", "2027-10-31 fall back"),
        // No change in between: the same wall-clock time.
        ("2026-07-06 10:00", "2026-07-08 10:00", "summer, no change"),
    ];
    for (il2, first, why) in rows {
        let p = previous(Cohort::Expansion, "2026-01-01", il2);
        let (earliest, gap) = earliest_start(&Madrid, Cohort::Expansion, &p);
        assert_eq!(gap, Gap::Expansion48h);
        assert_eq!(stagger::local(&Madrid, earliest), local(first), "{why}");
        assert_eq!((earliest - p.last_il2).num_minutes(), 48 * 60, "{why}: elapsed");
        // One minute before is refused, the first allowed minute is not.
        let before = instant(&Madrid, local(first) - chrono::TimeDelta::minutes(1)).unwrap();
        assert!(before < earliest, "{why}");
        assert!(instant(&Madrid, local(first)).unwrap() >= earliest, "{why}");
    }
}

#[test]
fn local_times_a_clock_change_skips_or_repeats_are_refused() {
    assert_eq!(instant(&Madrid, local("2026-03-29 02:30")), Err(LocalTimeProblem::Nonexistent));
    assert_eq!(instant(&Madrid, local("2027-03-28 02:00")), Err(LocalTimeProblem::Nonexistent));
    assert_eq!(instant(&Madrid, local("2026-10-25 02:30")), Err(LocalTimeProblem::Ambiguous));
    assert_eq!(instant(&Madrid, local("2027-10-31 02:59")), Err(LocalTimeProblem::Ambiguous));
    // Either side of each change is one instant, stored in UTC.
    assert_eq!(
        instant(&Madrid, local("2026-03-29 03:00")).unwrap(),
        Utc.with_ymd_and_hms(2026, 3, 29, 1, 0, 0).unwrap()
    );
    assert_eq!(
        instant(&Madrid, local("2026-10-25 03:00")).unwrap(),
        Utc.with_ymd_and_hms(2026, 10, 25, 2, 0, 0).unwrap()
    );
}

#[test]
fn a_lead_in_patient_before_an_expansion_patient_means_the_28_day_window() {
    // Trial record: expansion starts only after the lead-in's toxicity evaluation.
    let p = previous(Cohort::LeadIn, "2026-03-02", "2026-03-07 10:00");
    let (earliest, gap) = earliest_start(&Madrid, Cohort::Expansion, &p);
    assert_eq!(gap, Gap::LeadInTlt);
    assert_eq!(stagger::local(&Madrid, earliest), local("2026-03-30 00:00"));
    // Expansion after expansion: 48 h.
    let p = previous(Cohort::Expansion, "2026-03-02", "2026-03-07 10:00");
    assert_eq!(earliest_start(&Madrid, Cohort::Expansion, &p).1, Gap::Expansion48h);
    // A previous patient whose cohort was not recorded gets the stricter wait.
    let mut p = previous(Cohort::Expansion, "2026-03-02", "2026-03-07 10:00");
    p.cohort = None;
    assert_eq!(earliest_start(&Madrid, Cohort::Expansion, &p).1, Gap::LeadInTlt);
    // Lead-in after anything: 28 days.
    let p = previous(Cohort::Expansion, "2026-03-02", "2026-03-07 10:00");
    assert_eq!(earliest_start(&Madrid, Cohort::LeadIn, &p).1, Gap::LeadInTlt);
}

#[test]
fn the_end_of_a_planned_day_is_the_midnight_that_closes_it() {
    // No time recorded: the latest the Day 6 IL-2 could have been, so the window's first
    // allowed minute is a whole midnight, 48 h of elapsed time later.
    let end = stagger::end_of_day(&Madrid, d("2026-03-07"));
    assert_eq!(stagger::local(&Madrid, end), local("2026-03-08 00:00"));
    // Across the spring change, 48 h after midnight of 28 March is 01:00 on 30 March.
    let end = stagger::end_of_day(&Madrid, d("2026-03-27"));
    let p = Previous {
        subject: "S".into(),
        cohort: Some(Cohort::Expansion),
        day1: d("2026-03-22"),
        last_il2: end,
        il2_recorded: false,
    };
    let (earliest, _) = earliest_start(&Madrid, Cohort::Expansion, &p);
    assert_eq!(stagger::local(&Madrid, earliest), local("2026-03-30 01:00"));
}

#[test]
fn an_administration_time_falls_on_its_planned_day_and_not_in_the_future() {
    let day1 = d("2026-03-02");
    let now = local("2026-03-10 12:00");
    // IL-2 is given on Days 2, 4 and 6 (trial record): Day 6 is 2026-03-07.
    assert_eq!(check_administration("interleukin-2", 6, day1, local("2026-03-07 10:00"), now), Ok(()));
    // ± 1 day is accepted (a dose given after midnight).
    assert_eq!(check_administration("interleukin-2", 6, day1, local("2026-03-08 00:30"), now), Ok(()));
    for (at, day) in [("2026-03-01 10:00", 6), ("2030-03-07 10:00", 6), ("2026-03-09 10:00", 6)] {
        assert!(
            matches!(
                check_administration("interleukin-2", day, day1, local(at), local("2031-01-01 00:00")),
                Err(AdministrationProblem::OutsidePlannedDay { .. })
            ),
            "{at}"
        );
    }
    assert_eq!(
        check_administration("interleukin-2", 6, day1, local("2026-03-07 10:00"), local("2026-03-07 09:00")),
        Err(AdministrationProblem::InFuture)
    );
    assert_eq!(
        check_administration("interleukin-2", 60, day1, local("2026-03-07 10:00"), now),
        Err(AdministrationProblem::NotAPlannedDay)
    );
    assert_eq!(check_administration("nk-cells", 2, day1, local("2026-03-03 11:00"), now), Ok(()));
    assert_eq!(
        check_administration("aspirin", 2, day1, local("2026-03-03 11:00"), now),
        Err(AdministrationProblem::UnknownDrug)
    );
}
