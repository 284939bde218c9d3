//! Criteria to treat, against the trial record and published values: each
//! eligibility rule at its edge, Cockcroft-Gault against its published
//! vectors, units converted as laboratories report them, and the EU
//! trastuzumab LVEF rule at its edges. Each row cites its source.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::float_cmp)] // tests may fail loudly

use chrono::NaiveDate;
use nkact_dose::criteria::{
    Context, CriterionNote, CriterionState, LVEF_HOLD_EU, LabCode, LabProblem, LabResult, cockcroft_gault,
    evaluate, lvef_withholds, to_canonical,
};

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

/// Every test within its limits, taken 2 days before the first treatment (2026-11-25).
fn good() -> Vec<LabResult> {
    let at = d("2026-11-23");
    [
        (LabCode::Anc, 2.0),
        (LabCode::Lymphocytes, 1.2),
        (LabCode::Platelets, 150.0),
        (LabCode::Haemoglobin, 11.0),
        (LabCode::Bilirubin, 0.8),
        (LabCode::Ast, 30.0),
        (LabCode::Alt, 30.0),
        (LabCode::Creatinine, 0.8),
        (LabCode::Inr, 1.0),
        (LabCode::Albumin, 38.0),
    ]
    .into_iter()
    .map(|(code, value)| LabResult { code, value, typed: String::new(), date: at })
    .collect()
}

fn ctx() -> Context {
    Context {
        uln: vec![
            (LabCode::Bilirubin, 1.2),
            (LabCode::Ast, 40.0),
            (LabCode::Alt, 40.0),
            (LabCode::Creatinine, 1.1),
            (LabCode::Inr, 1.2),
        ],
        female: true,
        sex_known: true,
        age_years: Some(55),
        weight_kg: Some(65.0),
        lvef: Some((60.0, d("2026-11-20"))),
        first_treatment: Some(d("2026-11-25")),
        ..Context::default()
    }
}

fn state_of(results: &[LabResult], ctx: &Context, code: &str) -> CriterionState {
    evaluate(results, ctx).into_iter().find(|c| c.code == code).unwrap().state
}

fn with(code: LabCode, value: f64) -> Vec<LabResult> {
    let mut r = good();
    for x in &mut r {
        if x.code == code {
            x.value = value;
        }
    }
    r
}

#[test]
// Shows: REQ-CRIT-001
fn every_rule_at_its_edge() {
    use CriterionState::{Met, NotMet};
    let c = ctx();
    // (test, value, code, expected, source)
    let rows: &[(LabCode, f64, &str, CriterionState, &str)] = &[
        (LabCode::Anc, 1.5, "anc", Met, "NCT05385705 inclusion 9: ANC ≥ 1 500/µL"),
        (LabCode::Anc, 1.49, "anc", NotMet, "NCT05385705 inclusion 9: ANC ≥ 1 500/µL"),
        (LabCode::Lymphocytes, 1.0, "lymphocytes", Met, "NCT05385705 inclusion 9: lymphocytes ≥ 1 000/µL"),
        (LabCode::Lymphocytes, 0.99, "lymphocytes", NotMet, "NCT05385705 inclusion 9"),
        (LabCode::Platelets, 100.0, "platelets", Met, "NCT05385705 inclusion 9: platelets ≥ 100 000/µL"),
        (LabCode::Platelets, 99.0, "platelets", NotMet, "NCT05385705 inclusion 9"),
        (LabCode::Haemoglobin, 9.0, "hb", Met, "NCT05385705 inclusion 9: Hb ≥ 9.0 g/dL"),
        (LabCode::Haemoglobin, 8.9, "hb", NotMet, "NCT05385705 inclusion 9"),
        // ULN 1.2 mg/dL: 1.5 × ULN = 1.8; 1.51 × ULN = 1.812.
        (LabCode::Bilirubin, 1.8, "bilirubin", Met, "NCT05385705 inclusion 9: bilirubin ≤ 1.5 × ULN"),
        (LabCode::Bilirubin, 1.812, "bilirubin", NotMet, "NCT05385705 inclusion 9"),
        // ULN 40 U/L: 3 × ULN = 120.
        (LabCode::Ast, 120.0, "ast", Met, "NCT05385705 inclusion 9: AST ≤ 3 × ULN"),
        (LabCode::Ast, 121.0, "ast", NotMet, "NCT05385705 inclusion 9"),
        (LabCode::Alt, 121.0, "alt", NotMet, "NCT05385705 inclusion 9: ALT ≤ 3 × ULN"),
        // ULN 1.2: 1.5 × ULN = 1.8.
        (LabCode::Inr, 1.8, "inr", Met, "NCT05385705 inclusion 9: INR ≤ 1.5 × ULN"),
        (LabCode::Inr, 1.81, "inr", NotMet, "NCT05385705 inclusion 9"),
        (LabCode::Albumin, 25.0, "albumin", Met, "NCT05385705 inclusion 9, read as 2.5 g/dL = 25 g/L"),
        (LabCode::Albumin, 24.9, "albumin", NotMet, "NCT05385705 inclusion 9"),
    ];
    for (code, value, key, expected, source) in rows {
        assert_eq!(state_of(&with(*code, *value), &c, key), *expected, "{key} {value}: {source}");
    }
    assert!(evaluate(&good(), &c).iter().all(|x| x.state == Met), "{:?}", evaluate(&good(), &c));
}

#[test]
fn conditions_relax_their_limits() {
    // NCT05385705 inclusion 9: bilirubin ≤ 3 × ULN with Gilbert's; AST/ALT ≤ 5 × ULN with liver metastases.
    let mut c = ctx();
    assert_eq!(state_of(&with(LabCode::Bilirubin, 3.0), &c, "bilirubin"), CriterionState::NotMet);
    c.gilbert = true;
    assert_eq!(state_of(&with(LabCode::Bilirubin, 3.6), &c, "bilirubin"), CriterionState::Met);
    assert_eq!(state_of(&with(LabCode::Bilirubin, 3.61), &c, "bilirubin"), CriterionState::NotMet);
    assert_eq!(state_of(&with(LabCode::Ast, 200.0), &c, "ast"), CriterionState::NotMet);
    c.liver_metastases = true;
    assert_eq!(state_of(&with(LabCode::Ast, 200.0), &c, "ast"), CriterionState::Met);
    assert_eq!(state_of(&with(LabCode::Alt, 201.0), &c, "alt"), CriterionState::NotMet);
}

#[test]
fn creatinine_passes_on_the_uln_or_on_the_clearance() {
    // NCT05385705 inclusion 9: creatinine ≤ 1.5 × ULN or CrCl ≥ 50 mL/min.
    let mut c = ctx();
    // ULN 1.1: 1.5 × ULN = 1.65 mg/dL.
    assert_eq!(state_of(&with(LabCode::Creatinine, 1.65), &c, "creatinine"), CriterionState::Met);
    // Above 1.5 × ULN: the clearance decides. Woman 55 y: (85 × w / (72 × 1.7)) × 0.85.
    // 49.9 and 50 mL/min at creatinine 1.7 mg/dL need w = 49.9 × 72 × 1.7 / (85 × 0.85) and 50 × …
    let weight_for = |crcl: f64| crcl * 72.0 * 1.7 / (85.0 * 0.85);
    c.weight_kg = Some(weight_for(50.0));
    assert_eq!(state_of(&with(LabCode::Creatinine, 1.7), &c, "creatinine"), CriterionState::Met);
    c.weight_kg = Some(weight_for(49.9));
    assert_eq!(state_of(&with(LabCode::Creatinine, 1.7), &c, "creatinine"), CriterionState::NotMet);
    // Without an age (or sex, or weight), a creatinine above 1.5 × ULN cannot pass: the
    // clearance is not entered, and the criterion says so.
    c.age_years = None;
    assert_eq!(state_of(&with(LabCode::Creatinine, 1.7), &c, "creatinine"), CriterionState::NotEntered);
    c.age_years = Some(55);
    c.sex_known = false;
    assert_eq!(state_of(&with(LabCode::Creatinine, 1.7), &c, "creatinine"), CriterionState::NotEntered);
}

#[test]
fn cockcroft_gault_against_its_published_vectors() {
    // clinical-facts.md, "Cockcroft-Gault": man 55 y, 90 kg, 1.09 mg/dL → 97.48 mL/min.
    let man = cockcroft_gault(55, 90.0, 1.09, false).unwrap();
    assert!((man - 97.48).abs() < 0.005, "{man}");
    // Woman 65 y, 60 kg, 85 µmol/L (÷ 88.4 = 0.9615 mg/dL) → 55.25 mL/min.
    let creat = to_canonical(LabCode::Creatinine, 85.0, "µmol/L").unwrap();
    let woman = cockcroft_gault(65, 60.0, creat, true).unwrap();
    assert!((woman - 55.25).abs() < 0.005, "{woman}");
    assert_eq!(cockcroft_gault(65, 60.0, 0.0, true), None);
}

#[test]
fn labs_older_than_seven_days_do_not_meet_their_criterion() {
    // NCT05385705 inclusion 9: labs within 7 days before the first study treatment.
    let c = ctx();
    let mut r = good();
    r[0].date = d("2026-11-18"); // 7 days before 2026-11-25
    assert_eq!(state_of(&r, &c, "anc"), CriterionState::Met);
    assert_eq!(state_of(&r, &c, "lab-dates"), CriterionState::Met);
    r[0].date = d("2026-11-17"); // 8 days: the value is shown, with why it does not count
    let anc = evaluate(&r, &c).into_iter().find(|x| x.code == "anc").unwrap();
    assert_eq!(anc.state, CriterionState::NotMet);
    assert_eq!(anc.value, Some(2.0));
    assert_eq!(anc.note, Some(CriterionNote::TooOld { days: 8, max_days: 7 }));
    assert_eq!(state_of(&r, &c, "lab-dates"), CriterionState::NotMet);
    r[0].date = d("2026-11-26"); // after the treatment: not a baseline
    assert_eq!(state_of(&r, &c, "anc"), CriterionState::NotMet);
    // While the cyclophosphamide day is not chosen, a result must be recent for every day of
    // the window (Day -5 2026-11-25 to Day -3 2026-11-27): 7 days before the last day at most.
    let mut window = ctx();
    window.first_treatment_latest = Some(d("2026-11-27"));
    r[0].date = d("2026-11-20");
    assert_eq!(state_of(&r, &window, "anc"), CriterionState::Met);
    r[0].date = d("2026-11-19"); // 8 days before Day -3
    assert_eq!(state_of(&r, &window, "anc"), CriterionState::NotMet);
    // No Day 1 at all: the 7-day rule cannot be checked, and says so.
    let mut undated = ctx();
    undated.first_treatment = None;
    assert_eq!(state_of(&good(), &undated, "lab-dates"), CriterionState::NotEntered);
    // No result at all, and no ULN for a ULN rule, are not entered.
    let none: Vec<LabResult> = good().into_iter().filter(|x| x.code != LabCode::Platelets).collect();
    assert_eq!(state_of(&none, &c, "platelets"), CriterionState::NotEntered);
    let mut no_uln = ctx();
    no_uln.uln.retain(|(code, _)| *code != LabCode::Inr);
    assert_eq!(state_of(&good(), &no_uln, "inr"), CriterionState::NotEntered);
}

#[test]
fn lvef_at_fifty() {
    // NCT05385705 exclusion 19: LVEF < 50 %.
    let mut c = ctx();
    c.lvef = Some((50.0, d("2026-11-20")));
    assert_eq!(state_of(&good(), &c, "lvef"), CriterionState::Met);
    c.lvef = Some((49.0, d("2026-11-20")));
    assert_eq!(state_of(&good(), &c, "lvef"), CriterionState::NotMet);
    c.lvef = None;
    assert_eq!(state_of(&good(), &c, "lvef"), CriterionState::NotEntered);
}

#[test]
fn units_as_laboratories_report_them() {
    // (test, value, unit, in the test's unit; source)
    let rows: &[(LabCode, f64, &str, f64, &str)] = &[
        (LabCode::Anc, 1.8, "x10^9/L", 1.8, "SI"),
        (LabCode::Anc, 1.8, "× 10⁹/L", 1.8, "SI, typographic"),
        (LabCode::Anc, 1800.0, "cells/µL", 1.8, "US: 1 000/µL = 1 × 10⁹/L"),
        (LabCode::Platelets, 150.0, "10^3/uL", 150.0, "US: 10³/µL = 10⁹/L"),
        (LabCode::Platelets, 150_000.0, "/mm3", 150.0, "mm³ = µL"),
        (LabCode::Haemoglobin, 110.0, "g/L", 11.0, "Spanish labs: g/L"),
        (LabCode::Haemoglobin, 11.0, "g/dL", 11.0, "US: g/dL"),
        (LabCode::Creatinine, 88.4, "umol/L", 1.0, "clinical-facts.md: µmol/L ÷ 88.4 = mg/dL"),
        (LabCode::Bilirubin, 17.1, "µmol/L", 1.0, "bilirubin 1 mg/dL = 17.1 µmol/L"),
        (LabCode::Albumin, 2.5, "g/dL", 25.0, "criteria-to-treat.md: 2.5 g/dL = 25 g/L"),
        (LabCode::Ast, 35.0, "UI/L", 35.0, "Spanish labs write UI/L"),
        (LabCode::Inr, 1.1, "", 1.1, "INR has no unit"),
    ];
    for (code, value, unit, expected, source) in rows {
        let got = to_canonical(*code, *value, unit).unwrap();
        assert!((got - expected).abs() < 1e-9, "{code:?} {value} {unit}: {got} ({source})");
    }
    // Units that read two ways are refused, never guessed.
    assert_eq!(to_canonical(LabCode::Anc, 1.8, "x10^9"), Err(LabProblem::AmbiguousUnit));
    assert_eq!(to_canonical(LabCode::Haemoglobin, 7.0, "mmol/L"), Err(LabProblem::AmbiguousUnit));
    assert_eq!(to_canonical(LabCode::Creatinine, 1.0, "mg/L"), Err(LabProblem::AmbiguousUnit));
    assert_eq!(to_canonical(LabCode::Anc, 1.8, ""), Err(LabProblem::UnknownUnit));
    assert_eq!(to_canonical(LabCode::Albumin, 38.0, "mg/dL"), Err(LabProblem::UnknownUnit));
}

#[test]
// Shows: REQ-CARD-001
fn the_eu_lvef_rule_at_its_edges() {
    // Herceptin EU SmPC 4.4 (criteria-to-treat.md): withhold when LVEF falls ≥ 10 points and is below 50 %.
    let rows: &[(f64, f64, bool)] = &[
        (60.0, 49.0, true),  // 11 points, below 50
        (59.0, 49.0, true),  // 10 points, below 50
        (58.0, 49.0, false), // 9 points
        (60.0, 50.0, false), // 10 points, but 50 is not below 50
        (65.0, 49.9, true),
        (55.0, 48.0, false), // 7 points
    ];
    for (baseline, latest, withheld) in rows {
        assert_eq!(lvef_withholds(&LVEF_HOLD_EU, *baseline, *latest), *withheld, "{baseline} → {latest}");
    }
}

#[test]
fn lab_entries_as_the_command_line_will_take_them() {
    // Issue 13's forms: `--lab "anc=1.8 x10^9/L@2026-11-25"`, `--lab "creatinine=85 umol/L@2026-11-25"`.
    let r = nkact_dose::criteria::parse_lab("anc=1.8 x10^9/L@2026-11-25").unwrap();
    assert_eq!((r.code, r.value, r.date), (LabCode::Anc, 1.8, d("2026-11-25")));
    let r = nkact_dose::criteria::parse_lab("creatinine=85 umol/L@2026-11-25").unwrap();
    assert!((r.value - 85.0 / 88.4).abs() < 1e-12);
    let r = nkact_dose::criteria::parse_lab("hb=11,5 g/dL@2026-11-25").unwrap();
    assert_eq!(r.value, 11.5);
    let r = nkact_dose::criteria::parse_lab("inr=1.1@2026-11-25").unwrap();
    assert_eq!(r.value, 1.1);
    use nkact_dose::criteria::parse_lab;
    assert_eq!(parse_lab("anc 1.8@2026-11-25"), Err(LabProblem::NotALabEntry));
    assert_eq!(parse_lab("neutrophils=1.8 x10^9/L@2026-11-25"), Err(LabProblem::UnknownTest));
    assert_eq!(parse_lab("anc=1.8 x10^9/L@25/11/2026"), Err(LabProblem::NotADate));
    assert_eq!(parse_lab("anc=1.8 x10^9/L"), Err(LabProblem::NotALabEntry));
    assert_eq!(parse_lab("anc=abc x10^9/L@2026-11-25"), Err(LabProblem::NotANumber));
    assert_eq!(parse_lab("anc=1.8@2026-11-25"), Err(LabProblem::UnknownUnit));
}
