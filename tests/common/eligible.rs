//! Criteria to treat all met, for tests whose subject is something else: a
//! cycle-1 order is refused without them (issue 13). Every laboratory value
//! comfortably inside its protocol limit (NCT05385705 inclusion 9), taken on
//! Day -5, which is within 7 days of every day of the cyclophosphamide window;
//! the site's upper limits of normal; LVEF 62 % (exclusion 19: < 50 %); female.
//! The results are dated Day -10: within 7 days of every day of the
//! cyclophosphamide window (Day -5 … Day -3), and as early as possible so that
//! a test's order date (its clock) is rarely before them (a result dated after
//! today is refused).
#![allow(dead_code)]

use chrono::{Days, NaiveDate};
use nkact_dose::clinical::{RawClinical, RawLab, RawUln};

const LABS: [(&str, &str); 10] = [
    ("anc", "2.5 x10^9/L"),
    ("lymphocytes", "1.4 x10^9/L"),
    ("platelets", "220 x10^9/L"),
    ("hb", "12.1 g/dL"),
    ("bilirubin", "0.6 mg/dL"),
    ("ast", "24 U/L"),
    ("alt", "21 U/L"),
    ("creatinine", "0.8 mg/dL"),
    ("inr", "1.0"),
    ("albumin", "41 g/L"),
];

const ULN: [(&str, &str); 5] = [
    ("bilirubin", "1.2 mg/dL"),
    ("ast", "40 U/L"),
    ("alt", "40 U/L"),
    ("creatinine", "1.1 mg/dL"),
    ("inr", "1.2"),
];

/// Day -5 of a cycle whose Day 1 is `day1` (ISO).
pub fn day_minus_5(day1: &str) -> String {
    before(day1, 5)
}

/// Day -10 of a cycle whose Day 1 is `day1` (ISO): when the fixture's results are taken.
pub fn lab_day(day1: &str) -> String {
    before(day1, 10)
}

/// When the fixture's results were known: Day -10 at 08:00. An order fixture
/// created before then moves its creation there, since a result dated after
/// the order's date is refused.
pub fn known_at(day1: &str) -> chrono::NaiveDateTime {
    let d = NaiveDate::parse_from_str(&lab_day(day1), "%Y-%m-%d").expect("an ISO date");
    d.and_hms_opt(8, 0, 0).expect("a time")
}

fn before(day1: &str, days: u64) -> String {
    let d = NaiveDate::parse_from_str(day1, "%Y-%m-%d").expect("an ISO Day 1");
    d.checked_sub_days(Days::new(days)).expect("a date").format("%Y-%m-%d").to_string()
}

/// The criteria inputs, as the window holds them.
pub fn clinical(day1: &str) -> RawClinical {
    let on = lab_day(day1);
    RawClinical {
        labs: LABS
            .iter()
            .map(|(code, measure)| RawLab {
                code: (*code).into(),
                measure: (*measure).into(),
                date: on.clone(),
            })
            .collect(),
        uln: ULN
            .iter()
            .map(|(code, measure)| RawUln { code: (*code).into(), measure: (*measure).into() })
            .collect(),
        lvef: "62".into(),
        lvef_date: on.clone(),
        lvef_baseline: "62".into(),
        sex: "female".into(),
        ..RawClinical::default()
    }
}

/// The same, as command-line options.
pub fn args(day1: &str) -> Vec<String> {
    let on = lab_day(day1);
    let mut out = Vec::new();
    for (code, measure) in LABS {
        out.push("--lab".to_owned());
        out.push(format!("{code}={measure}@{on}"));
    }
    for (code, measure) in ULN {
        out.push("--uln".to_owned());
        out.push(format!("{code}={measure}"));
    }
    out.extend(["--lvef".to_owned(), format!("62@{on}"), "--lvef-baseline".to_owned(), "62".to_owned()]);
    out.extend(["--sex".to_owned(), "female".to_owned()]);
    out
}

/// [`args`] for option lists of `&str` (kept for the test run).
pub fn leaked(day1: &str) -> Vec<&'static str> {
    args(day1).into_iter().map(|s| &*Box::leak(s.into_boxed_str())).collect()
}
