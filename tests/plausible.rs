//! Issue 18, criteria to treat as the independent clinical oracle found them:
//! an impossible value (a wrong unit) is refused, never read as "met"; a value
//! that just fails is never written as if it met its limit; the eligible sex;
//! results dated after today; a thousands separator in a count per µL; the
//! superscript units the program itself prints. Through the built binary, and
//! a property over every test and every accepted unit.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::float_cmp)] // tests may fail loudly

#[path = "common/eligible.rs"]
mod eligible;
#[path = "common/scratch.rs"]
mod scratch;

use std::process::{Command, Output};

use chrono::NaiveDate;
use nkact_dose::clinical::{RawClinical, RawLab, validate_clinical};
use nkact_dose::criteria::{self, Context, LabCode, PLAUSIBLE};
use nkact_dose::error::Problem;
use nkact_dose::locale::Lang;
use nkact_dose::present::Words;
use proptest::prelude::*;

const BIN: &str = env!("CARGO_BIN_EXE_nkact-dose");
const DAY1: &str = "2026-11-20";

fn run(args: &[String]) -> Output {
    let register = scratch::root().join(format!("nkact-plausible-register-{}.sqlite3", std::process::id()));
    Command::new(BIN)
        .env("LC_ALL", "C.UTF-8")
        .env("NKACT_DOSE_REGISTER", register)
        .args(args)
        .output()
        .expect("binary runs")
}

fn s(v: &[&str]) -> Vec<String> {
    v.iter().map(|x| (*x).to_owned()).collect()
}

fn calc(extra: &[String], json: bool) -> Output {
    let mut args = s(&["calc", "--weight", "70", "--height", "170", "--cycle", "1", "--day1", DAY1]);
    if json {
        args.push("--json".into());
    }
    args.extend(s(&["--dob", "1968-05-14"]));
    args.extend(extra.iter().cloned());
    run(&args)
}

/// The eligible options with the entry for `code` (a `--lab` or `--uln` value) replaced.
fn with(option: &str, entry: &str) -> Vec<String> {
    let mut a = eligible::args(DAY1);
    let (code, _) = entry.split_once('=').unwrap();
    let at = a
        .iter()
        .enumerate()
        .position(|(i, x)| i > 0 && a[i - 1] == option && x.starts_with(&format!("{code}=")));
    match at {
        Some(i) => a[i] = entry.to_owned(),
        None => a.extend([option.to_owned(), entry.to_owned()]),
    }
    a
}

fn lab_day() -> String {
    eligible::lab_day(DAY1)
}

#[test]
fn values_no_test_can_take_are_refused_naming_the_value_and_the_likely_unit() {
    // (option, entry, words the refusal must hold) — the oracle's cases (issue 18).
    let d = lab_day();
    let rows: Vec<(&str, String, &str)> = vec![
        ("--lab", format!("anc=800 x10^9/L@{d}"), "1000-fold"),
        ("--lab", format!("platelets=80000 x10^9/L@{d}"), "1000-fold"),
        ("--lab", format!("anc=1200 10³/µL@{d}"), "1000-fold"),
        ("--lab", format!("hb=85 g/dL@{d}"), "10-fold"),
        ("--lab", format!("albumin=20 g/dL@{d}"), "10-fold"),
        ("--lab", format!("albumin=25 g/dL@{d}"), "10-fold"),
        ("--lab", format!("creatinine=80 mg/dL@{d}"), "88-fold"),
        ("--uln", "creatinine=88 mg/dL".to_owned(), "88-fold"),
        ("--uln", "bilirubin=20 mg/dL".to_owned(), "17-fold"),
        ("--uln", "inr=12".to_owned(), "check the value"),
    ];
    for (option, entry, says) in rows {
        let o = calc(&with(option, &entry), true);
        let err = String::from_utf8_lossy(&o.stderr);
        assert_eq!(o.status.code(), Some(2), "{entry} was accepted: {err}");
        assert!(o.stdout.is_empty(), "{entry}: a refused value gave output");
        let (_, value) = entry.split_once('=').unwrap();
        let value = value.split('@').next().unwrap();
        assert!(err.contains(value), "{entry}: the message does not name the value: {err}");
        assert!(err.contains(says), "{entry}: {says:?} not in {err}");
    }
    // A baseline LVEF of 6 % (60 with a digit lost).
    let mut a = eligible::args(DAY1);
    let at = a.iter().position(|x| x == "--lvef-baseline").unwrap();
    a[at + 1] = "6".into();
    let o = calc(&a, true);
    assert_eq!(o.status.code(), Some(2), "{}", String::from_utf8_lossy(&o.stderr));
}

#[test]
fn a_count_that_just_fails_is_never_written_as_its_limit() {
    // 1499 cells/µL = 1.499 × 10⁹/L < 1.5 (NCT05385705 inclusion 9): it used to print "1.5 ≥ 1.5 NOT MET".
    let o = calc(&with("--lab", &format!("anc=1499 cells/µL@{}", lab_day())), false);
    let out = String::from_utf8_lossy(&o.stdout);
    let line = out.lines().find(|l| l.contains("ANC")).unwrap_or_else(|| panic!("no ANC line in {out}"));
    assert!(line.contains("1499 cells/µL = 1.499 × 10⁹/L"), "{line}");
    assert!(line.contains("≥ 1.5 × 10⁹/L"), "{line}");
    assert!(line.contains("NOT MET"), "{line}");
    // A creatinine typed in µmol/L shows as typed, and converted (clinical-facts.md: 88.4 µmol/L per mg/dL).
    let o = calc(&with("--lab", &format!("creatinine=71 µmol/L@{}", lab_day())), false);
    let out = String::from_utf8_lossy(&o.stdout);
    let line = out.lines().find(|l| l.contains("Creatinine")).unwrap();
    assert!(line.contains("71 µmol/L = 0.8 mg/dL"), "{line}");
}

#[test]
fn a_man_does_not_meet_the_eligible_sex() {
    // NCT05385705 eligibility: "Eligible Sex: FEMALE".
    let mut a = eligible::args(DAY1);
    let at = a.iter().position(|x| x == "--sex").unwrap();
    a[at + 1] = "male".into();
    let v: serde_json::Value = serde_json::from_slice(&calc(&a, true).stdout).unwrap();
    let sex = v["criteria"].as_array().unwrap().iter().find(|c| c["code"] == "sex").unwrap();
    assert_eq!(sex["state"], "not-met");
    assert_eq!(v["criteria_met"], false);
    let v: serde_json::Value = serde_json::from_slice(&calc(&eligible::args(DAY1), true).stdout).unwrap();
    assert_eq!(v["criteria_met"], true);
}

#[test]
fn results_dated_after_today_are_refused() {
    let tomorrow = nkact_dose::clock::now_local().date().succ_opt().unwrap().to_string();
    for (option, entry) in
        [("--lab", format!("anc=2.5 x10^9/L@{tomorrow}")), ("--lvef", format!("62@{tomorrow}"))]
    {
        let mut a = eligible::args(DAY1);
        if option == "--lvef" {
            let at = a.iter().position(|x| x == "--lvef").unwrap();
            a[at + 1] = entry.clone();
        } else {
            a = with(option, &entry);
        }
        let o = calc(&a, true);
        let err = String::from_utf8_lossy(&o.stderr);
        assert_eq!(o.status.code(), Some(2), "{entry}: {err}");
        assert!(err.contains("after today"), "{err}");
    }
}

#[test]
fn a_point_or_comma_before_three_digits_in_a_count_per_microlitre_is_refused() {
    // spanish-practice.md: the record itself writes "1.500 cells/microL" for 1500.
    for entry in ["anc=1.500 cells/µL", "anc=1,500 /mm³", "lymphocytes=1.000 células/µL"] {
        let o = calc(&with("--lab", &format!("{entry}@{}", lab_day())), true);
        let err = String::from_utf8_lossy(&o.stderr);
        assert_eq!(o.status.code(), Some(2), "{entry}: {err}");
        assert!(err.contains("thousands"), "{entry}: {err}");
    }
    // Without the mark, and a decimal before other than three digits, read as typed.
    for entry in ["anc=1500 cells/µL", "anc=1.5 x10^9/L", "anc=1.55 x10^9/L"] {
        let o = calc(&with("--lab", &format!("{entry}@{}", lab_day())), true);
        assert_eq!(o.status.code(), Some(0), "{entry}: {}", String::from_utf8_lossy(&o.stderr));
    }
}

#[test]
fn the_superscript_units_the_program_prints_are_accepted() {
    for entry in ["anc=2.5 10³/µL", "anc=2.5 10⁹/L", "anc=2.5 × 10⁹/L", "anc=2.5 ×10⁹/L", "anc=2500 /mm³"]
    {
        let o = calc(&with("--lab", &format!("{entry}@{}", lab_day())), true);
        assert_eq!(o.status.code(), Some(0), "{entry}: {}", String::from_utf8_lossy(&o.stderr));
        let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
        let anc = v["criteria"].as_array().unwrap().iter().find(|c| c["code"] == "anc").unwrap().clone();
        assert_eq!(anc["value"], 2.5, "{entry}");
    }
}

/// The units each test is accepted in, with the factor to its own unit (criteria.rs, `to_canonical`).
fn units(code: LabCode) -> Vec<(&'static str, f64)> {
    match code {
        LabCode::Anc | LabCode::Lymphocytes | LabCode::Platelets => {
            vec![("x10^9/L", 1.0), ("× 10⁹/L", 1.0), ("10³/µL", 1.0), ("cells/µL", 1e-3), ("/mm³", 1e-3)]
        }
        LabCode::Haemoglobin => vec![("g/dL", 1.0), ("g/L", 0.1)],
        LabCode::Bilirubin => vec![("mg/dL", 1.0), ("µmol/L", 1.0 / 17.1)],
        LabCode::Creatinine => vec![("mg/dL", 1.0), ("µmol/L", 1.0 / 88.4)],
        LabCode::Ast | LabCode::Alt => vec![("U/L", 1.0), ("UI/L", 1.0)],
        LabCode::Inr => vec![("", 1.0)],
        LabCode::Albumin => vec![("g/L", 1.0), ("g/dL", 10.0)],
    }
}

/// The first number in `text` (the decimal mark a point).
fn first_number(text: &str) -> f64 {
    let start = text.find(|c: char| c.is_ascii_digit()).unwrap();
    let digits: String = text[start..]
        .chars()
        .take_while(|c| c.is_ascii_digit() || *c == '.' || *c == '\u{2009}')
        .filter(|c| *c != '\u{2009}')
        .collect();
    digits.trim_end_matches('.').parse().unwrap()
}

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 30).unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(
        std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(2000)
    ))]

    /// For every test and every accepted unit: outside the plausible range the
    /// value is refused; inside, it is never written on the other side of its
    /// limit (the value and the limit as written compare as decided).
    #[test]
    fn outside_plausible_is_refused_and_inside_reads_true(
        which in 0usize..10,
        unit_pick in 0usize..5,
        // Either anywhere from 10⁻⁴ to 10⁷ (log-uniform) or within ±0.5 % of the limit.
        near in any::<bool>(),
        log10 in -4.0f64..7.0,
        offset in -0.005f64..0.005,
    ) {
        let p = PLAUSIBLE[which];
        let all = units(p.code);
        let (unit, factor) = all[unit_pick % all.len()];
        // The limits with eligible.rs's ULNs (NCT05385705 inclusion 9).
        let limit = match p.code {
            LabCode::Anc => 1.5,
            LabCode::Lymphocytes => 1.0,
            LabCode::Platelets => 100.0,
            LabCode::Haemoglobin => 9.0,
            LabCode::Albumin => 25.0,
            LabCode::Bilirubin => 1.8,
            LabCode::Ast | LabCode::Alt => 120.0,
            LabCode::Inr => 1.8,
            LabCode::Creatinine => 1.65,
        };
        let canonical_target = if near { limit * (1.0 + offset) } else { 10f64.powf(log10) };
        // Typed with at most 3 decimals, as a laboratory reports it.
        let typed_value = (canonical_target / factor * 1000.0).round() / 1000.0;
        let typed = format!("{typed_value} {unit}");
        if criteria::reads_as_thousands(&format!("{typed_value}"), unit) {
            return Ok(());
        }
        let raw = RawClinical {
            labs: vec![RawLab { code: p.code.key().into(), measure: typed.clone(), date: "2026-11-28".into() }],
            uln: eligible::clinical(DAY1).uln,
            ..RawClinical::default()
        };
        let canonical = typed_value * factor;
        let result = validate_clinical(&raw, None, today());
        if canonical < p.low * (1.0 - 1e-9) || canonical > p.high * (1.0 + 1e-9) {
            let errors = result.expect_err("an implausible value was accepted");
            prop_assert!(
                errors.iter().any(|e| matches!(e.problem, Problem::Implausible { .. })),
                "{typed}: {errors:?}"
            );
        } else if canonical > p.low * (1.0 + 1e-9) && canonical < p.high * (1.0 - 1e-9) {
            let clinical = result.expect("a plausible value was refused");
            let ctx = Context { uln: clinical.uln.clone(), ..Context::default() };
            let crit = criteria::evaluate(&clinical.labs, &ctx);
            let c = crit.iter().find(|c| c.code == p.code.key()).unwrap();
            let decided = c.state != criteria::CriterionState::NotEntered;
            if let (Some(_), Some(_), true) = (c.value, c.threshold, decided) {
                let w = Words::new(Lang::En, None);
                let shown = w.criterion_value(c);
                let held = shown.rsplit(" = ").next().unwrap();
                let limit = w.criterion_threshold(c);
                let (v, l) = (first_number(held), first_number(&limit));
                let reads_met = if c.at_most { v <= l } else { v >= l };
                let met = c.state == criteria::CriterionState::Met;
                prop_assert_eq!(reads_met, met, "{} written {:?} against {:?} ({:?})", typed, shown, limit, c.state);
            }
        }
    }
}

#[test]
fn a_maintenance_cycle_without_an_lvef_needs_a_reason() {
    // Issue 18: an LVEF 100 days old needed a reason while no LVEF at all said nothing.
    let cycle4 = |extra: &[&str]| {
        let mut a = s(&[
            "calc",
            "--json",
            "--weight",
            "70",
            "--height",
            "170",
            "--cycle",
            "4",
            "--day1",
            "2026-11-26",
        ]);
        a.extend(s(&["--last-trastuzumab", "2026-11-05", "--last-pertuzumab", "2026-11-05"]));
        a.extend(s(extra));
        let v: serde_json::Value = serde_json::from_slice(&run(&a).stdout).unwrap();
        v["warning_codes"].as_array().unwrap().iter().find(|w| w["code"] == "lvef-missing").cloned()
    };
    let w = cycle4(&[]).expect("no LVEF: a warning");
    assert_eq!(w["needs_reason"], true);
    assert!(cycle4(&["--lvef", "60@2026-11-20", "--lvef-baseline", "61"]).is_none());
}

#[test]
fn site_settings_outside_their_bounds_are_refused() {
    // Issue 18: a 10-minute trastuzumab maintenance (1500 mL/h) was accepted silently.
    let d = scratch::root().join("settings");
    std::fs::create_dir_all(&d).unwrap();
    for (name, json) in [
        ("fast", r#"{"products": {"trastuzumab": {"infusion_minutes_maintenance": 10}}}"#),
        ("fast-loading", r#"{"products": {"pertuzumab": {"infusion_minutes_loading": 20}}}"#),
        ("tiny-bag", r#"{"products": {"cyclophosphamide": {"bag_volume_ml": 5}}}"#),
        ("huge-bag", r#"{"products": {"trastuzumab": {"bag_volume_ml": 2500}}}"#),
        ("slow", r#"{"products": {"cyclophosphamide": {"infusion_minutes_loading": 600}}}"#),
        ("push", r#"{"products": {"cyclophosphamide": {"infusion_minutes_loading": 5}}}"#),
        ("nk-week", r#"{"administration": {"nk_max_hours_after_release": 100}}"#),
    ] {
        let f = d.join(format!("{name}.json"));
        std::fs::write(&f, json).unwrap();
        let mut a = s(&["calc", "--weight", "70", "--height", "170", "--site-settings", f.to_str().unwrap()]);
        a.extend(s(&["--cycle", "2"]));
        let o = run(&a);
        assert_eq!(o.status.code(), Some(2), "{name} accepted: {}", String::from_utf8_lossy(&o.stdout));
    }
    // Inside the bounds: accepted (cyclophosphamide over 60 min in 250 mL, trastuzumab as labelled).
    let f = d.join("ok.json");
    std::fs::write(
        &f,
        r#"{"products": {"cyclophosphamide": {"bag_volume_ml": 250, "infusion_minutes_loading": 60},
            "trastuzumab": {"infusion_minutes_maintenance": 30}}}"#,
    )
    .unwrap();
    let o = run(&s(&[
        "calc",
        "--weight",
        "70",
        "--height",
        "170",
        "--cycle",
        "2",
        "--site-settings",
        f.to_str().unwrap(),
    ]));
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
}
