//! What independent testing found around the numbers (issue 9), each pinned by
//! a test named after it. Domain and command-line findings here; the window's
//! in tests/gui.rs, the sheet's in tests/sheet.rs. Expected values are
//! arithmetic on the protocol and label facts, shown in each test.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::float_cmp)] // tests may fail loudly

use chrono::NaiveDateTime;
use nkact_dose::bsa::{BsaFormula, round_exact, round_m2};
use nkact_dose::engine::{Report, calculate};
use nkact_dose::error::Problem;
use nkact_dose::input::{RawInputs, validate};
use nkact_dose::order::{Order, Patient};
use nkact_dose::present::Words;
use nkact_dose::settings::Settings;
use nkact_dose::units::{Centimetres, Kilograms};

fn at(s: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap()
}

fn raw(weight: &str, height: &str) -> RawInputs {
    RawInputs { weight: weight.into(), height: height.into(), cycle: "1".into(), ..RawInputs::default() }
}

/// A warning as English words it.
fn said(w: &nkact_dose::engine::Warning) -> String {
    Words::english().warning(&w.kind)
}

fn report(r: &RawInputs) -> Report {
    calculate(&validate(r).unwrap_or_else(|e| panic!("{e:?}")), &Settings::default()).unwrap()
}

fn later_cycle(day1: &str, last_t: &str, last_p: &str) -> RawInputs {
    RawInputs {
        cycle: "3".into(),
        day1: day1.into(),
        last_trastuzumab: last_t.into(),
        last_pertuzumab: last_p.into(),
        ..raw("70", "170")
    }
}

fn order(inputs: RawInputs, patient: Patient) -> Order {
    let mut o = Order::new(at("2026-03-01 09:00"), Settings::default());
    o.inputs = inputs;
    o.patient = patient;
    o.issued_by = "Farm. A. García".into();
    o
}

fn adult() -> Patient {
    Patient {
        name: "Ana Ruiz".into(),
        identifier: "HC-8".into(),
        date_of_birth: "1970-01-01".into(),
        allergies: "none known".into(),
    }
}

// ------------------------------------------------------------ could harm a patient

#[test]
// Shows: REQ-DOSE-003
fn the_interval_behind_loading_or_maintenance_prints_both_dates() {
    // Facts (EU SmPC): > 28 days since the last trastuzumab → re-load. 2026-11-09 → 2026-12-14 is 35 days.
    let r = report(&later_cycle("2026-12-14", "2026-11-09", "2026-11-23"));
    let t = r.dose(nkact_dose::regimen::Drug::Trastuzumab).unwrap();
    let reason = Words::english().phase_reason(t.phase.unwrap());
    assert!(reason.contains("last dose 2026-11-09, Day 1 2026-12-14: 35 days"), "{reason}");
    assert!(reason.contains("> 28 days") && reason.contains("RE-LOAD"), "{reason}");
    assert_eq!(t.dose, 560.0, "8 mg/kg × 70 kg");
    // The command line prints the dates in the working and a badge.
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_nkact-dose"))
        .env("LC_ALL", "C.UTF-8")
        .args(["calc", "--weight", "70", "--height", "170", "--cycle", "3", "--day1", "2026-12-14"])
        .args(["--last-trastuzumab", "2026-11-09", "--last-pertuzumab", "2026-11-23"])
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("Trastuzumab: 560 mg (loading dose) [RE-LOAD]"), "{text}");
    assert!(text.contains("last dose 2026-11-09, Day 1 2026-12-14"), "{text}");
}

#[test]
// Shows: REQ-DOSE-004
fn a_dose_too_soon_after_the_last_needs_a_reasoned_acknowledgement() {
    // Protocol: every 3 weeks. One day after the last dose is no Q3W maintenance dose.
    let r = report(&later_cycle("2026-03-02", "2026-03-01", "2026-02-09"));
    let w = r.warnings.iter().find(|w| w.code == "interval-too-short:trastuzumab").expect("too-soon warning");
    assert!(w.needs_reason);
    assert!(said(w).contains("only 1 day since") && !said(w).contains("1 days"), "{}", said(w));
    assert!(said(w).contains("2026-03-01") && said(w).contains("2026-03-02"), "{}", said(w));
    // 21 days for pertuzumab: no warning.
    assert!(!r.warnings.iter().any(|w| w.code == "interval-too-short:pertuzumab"));
    // 13 days warns, 14 does not (threshold in the regimen table).
    let r = report(&later_cycle("2026-03-15", "2026-03-02", "2026-03-01"));
    assert!(r.warnings.iter().any(|w| w.code == "interval-too-short:trastuzumab"));
    assert!(!r.warnings.iter().any(|w| w.code == "interval-too-short:pertuzumab"));
    // Acknowledging without a reason records nothing for it.
    let mut o = order(later_cycle("2026-03-02", "2026-03-01", "2026-02-09"), adult());
    let r = o.report().unwrap();
    let missing = o.acknowledge_all(&r, "Farm. A. García", &[], at("2026-03-01 09:05"));
    // No LVEF entered for this antibody cycle needs a reason too (issue 18).
    assert_eq!(missing, ["interval-too-short:trastuzumab", "lvef-missing"]);
    assert!(!o.all_acknowledged(&r));
    let reasons = [
        ("interval-too-short:trastuzumab".to_owned(), "previous dose given late, confirmed".to_owned()),
        ("lvef-missing".to_owned(), "echocardiogram booked, cardiology agrees".to_owned()),
    ];
    assert!(o.acknowledge_all(&r, "Farm. A. García", &reasons, at("2026-03-01 09:06")).is_empty());
    assert!(o.all_acknowledged(&r));
}

#[test]
fn il2_day_2_timing_is_stated_on_the_il2_line() {
    // Protocol: IL-2 "on Day 2 (within 24h after NK infusion)".
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_nkact-dose"))
        .env("LC_ALL", "C.UTF-8")
        .args(["calc", "--weight", "70", "--height", "170", "--cycle", "1", "--day1", "2026-03-02"])
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    let il2 = text.split("Interleukin-2 (aldesleukin):").nth(1).unwrap();
    assert!(il2.contains("Day 2: within 24 h after the NK cell infusion, never before it"), "{text}");
}

#[test]
fn a_bsa_cap_that_lowers_a_dose_is_acknowledged_with_both_doses_shown() {
    // Protocol 600 mg/m²: 1.82 m² → 1092 mg; a 1 m² cap typed for this order → 600 mg.
    let mut r = raw("70", "170");
    r.bsa_cap = "1".into();
    let rep = report(&r);
    let w = rep.warnings.iter().find(|w| w.code == "bsa-cap-lowers-dose").expect("cap warning");
    assert!(said(w).contains("Cyclophosphamide 1092 mg uncapped, 600 mg capped"), "{}", said(w));
    assert!(said(w).contains("typed for this order"), "{}", said(w));
    let c = rep.dose(nkact_dose::regimen::Drug::Cyclophosphamide).unwrap();
    assert!(
        Words::english().dose_working(c).contains("uncapped 1.82 m² would give 1092 mg"),
        "{}",
        Words::english().dose_working(c)
    );
    assert!(
        !Words::english().bsa_working(&rep.bsa).contains("site cap"),
        "{}",
        Words::english().bsa_working(&rep.bsa)
    );
    // A cap that does not bite warns of nothing.
    let mut r = raw("70", "170");
    r.bsa_cap = "2".into();
    assert!(!report(&r).warnings.iter().any(|w| w.code == "bsa-cap-lowers-dose"));
}

// ------------------------------------------------------------ a careful reader would catch it

#[test]
fn measures_with_more_decimals_than_printed_are_refused() {
    // Regression: 82.125 kg was used but printed "82.12 kg"; a 1.555 m² cap was used at full
    // precision but printed at 2 decimals.
    for (w, h, cap) in [("82.125", "170", ""), ("82", "170.125", ""), ("82", "170", "1.555")] {
        let mut r = raw(w, h);
        r.bsa_cap = cap.into();
        let errors = validate(&r).unwrap_err();
        assert!(errors.iter().any(|e| e.problem == Problem::TooManyDecimals { max: 2 }), "{errors:?}");
        assert!(
            errors.iter().any(|e| nkact_dose::present::Words::english()
                .input_error(e)
                .contains("more than 2 decimals")),
            "{errors:?}"
        );
    }
    assert!(validate(&raw("82,13", "170,5")).is_ok());
}

#[test]
// Shows: REQ-BSA-002
fn bsa_rounding_is_decided_on_the_exact_decimal_value() {
    // √(169.156 × 64.064 / 3600) = 1.734999998… (H × W = 10836.809984 < 3600 × 1.735² = 10836.81).
    let (h, w) = (Centimetres::new(169.156).unwrap(), Kilograms::new(64.064).unwrap());
    let unrounded = BsaFormula::Mosteller.compute(h, w);
    assert_eq!(round_m2(BsaFormula::Mosteller, h, w, unrounded), 1.73);
    // 104.1 cm × 104.1 kg: √(104.1² / 3600) = 104.1 / 60 = 1.735 exactly, a true half: 1.74.
    let (h, w) = (Centimetres::new(104.1).unwrap(), Kilograms::new(104.1).unwrap());
    let unrounded = BsaFormula::Mosteller.compute(h, w);
    assert_eq!(round_m2(BsaFormula::Mosteller, h, w, unrounded), 1.74);
    // A few 10⁻⁹ either side of each half.
    for (k, below, above) in
        [(1.735, 1.73, 1.74), (2.005, 2.0, 2.01), (1.815, 1.81, 1.82), (0.995, 0.99, 1.0)]
    {
        assert_eq!(round_exact(k - 3e-9, 2), below, "{k} - 3e-9");
        assert_eq!(round_exact(k + 3e-9, 2), above, "{k} + 3e-9");
    }
}

#[test]
fn a_printed_weight_change_agrees_with_its_flag() {
    // 70.1 → 77.1 kg is 9.9857 %: printed 9.99 %, no recalculation flag (threshold 10 %, Facts).
    let mut r = raw("77,1", "170");
    r.previous_weight = "70,1".into();
    let rep = report(&r);
    let wc = rep.weight_change.unwrap();
    assert!(!wc.exceeds);
    let line = Words::english().weight_change_line(&wc);
    assert!(line.contains("9.99 %"), "{line}");
    assert!(!rep.warnings.iter().any(|w| w.code == "weight-change"));
    // 100.05 → 110.05 kg is 9.995 %: printed 10 %, and flagged.
    let mut r = raw("110,05", "170");
    r.previous_weight = "100,05".into();
    let rep = report(&r);
    let line = Words::english().weight_change_line(&rep.weight_change.unwrap());
    assert!(line.contains(": 10 % change"), "{line}");
    assert!(rep.warnings.iter().any(|w| w.code == "weight-change"));
    assert!(!line.contains('→'), "no arrow glyph: {line}");
}

#[test]
fn an_out_of_range_nk_count_is_printed_with_the_digits_that_show_why() {
    // Protocol maximum 5 × 10⁸: 500 000 001 cells is out, and must not print as "5 × 10⁸".
    let mut r = raw("70", "170");
    r.nk_cells = "500000001".into();
    let rep = report(&r);
    let nk = rep.nk.unwrap();
    let line = Words::english().nk_line(nk.count, nk.state);
    assert!(line.contains("5.00000001 × 10⁸"), "{line}");
    assert!(line.contains("500\u{2009}000\u{2009}001 cells"), "{line}");
    let large = Words::english().nk_large(nk.count, nk.state);
    assert_eq!(large, "5.00000001 × 10⁸ cells");
    // Just under the minimum 5 × 10⁷.
    r.nk_cells = "49999999".into();
    let nk = report(&r).nk.unwrap();
    assert!(Words::english().nk_line(nk.count, nk.state).contains("4.9999999 × 10⁷"));
}

#[test]
fn a_cell_count_is_a_whole_number() {
    for bad in ["2.5", "2.55555555555e3", "1.2345678901234567e8", "123456789012345678"] {
        let mut r = raw("70", "170");
        r.nk_cells = bad.into();
        let errors = validate(&r).unwrap_err();
        assert_eq!(errors[0].problem, Problem::NotAWholeCount, "{bad}");
    }
    for good in ["2.5e8", "2,5e8", "250000000", "2.5 × 10⁸", "250 million"] {
        let mut r = raw("70", "170");
        r.nk_cells = good.into();
        assert_eq!(validate(&r).unwrap().nk_cells.unwrap().count(), 2.5e8, "{good}");
    }
}

#[test]
fn day1_before_the_order_date_and_last_dose_dates_in_cycle_1_are_warnings() {
    let mut inputs = raw("70", "170");
    inputs.day1 = "2026-02-27".into(); // the order is dated 2026-03-01
    inputs.last_trastuzumab = "2026-02-01".into();
    let o = order(inputs, adult());
    let r = o.report().unwrap();
    let codes: Vec<String> = o.warnings(&r).into_iter().map(|w| w.code).collect();
    assert!(codes.contains(&"day1-before-order-date".to_owned()), "{codes:?}");
    assert!(codes.contains(&"last-dose-ignored:trastuzumab".to_owned()), "{codes:?}");
    // Day 1 2026-03-03: cyclophosphamide's window (Day -5 to Day -3) ends 2026-02-28, before the order.
    let mut inputs = raw("70", "170");
    inputs.day1 = "2026-03-03".into();
    let o = order(inputs, adult());
    let r = o.report().unwrap();
    let codes: Vec<String> = o.warnings(&r).into_iter().map(|w| w.code).collect();
    assert!(codes.contains(&"window-before-order-date:cyclophosphamide".to_owned()), "{codes:?}");
    assert!(!codes.contains(&"day1-before-order-date".to_owned()), "{codes:?}");
}

#[test]
fn age_under_18_and_an_allergy_to_a_regimen_drug_need_a_reason() {
    // Protocol inclusion 4: age ≥ 18; exclusion 6: hypersensitivity to trastuzumab/pertuzumab.
    let mut inputs = raw("70", "170");
    inputs.day1 = "2026-03-02".into();
    let minor = Patient { date_of_birth: "2008-03-03".into(), ..adult() }; // 17 on Day 1
    let o = order(inputs.clone(), minor);
    let r = o.report().unwrap();
    let w = o.warnings(&r).into_iter().find(|w| w.code == "age-under-18").expect("age warning");
    assert!(w.needs_reason && said(&w).contains("17"), "{}", said(&w));
    let eighteen = Patient { date_of_birth: "2008-03-02".into(), ..adult() }; // 18 on Day 1
    let o = order(inputs.clone(), eighteen);
    let r = o.report().unwrap();
    assert!(!o.warnings(&r).iter().any(|w| w.code == "age-under-18"));
    for allergy in [
        "Trastuzumab (anaphylaxis 2024)",
        "alergia a ciclofosfamida",
        "HERCEPTIN",
        "reacción a IL-2",
        "aldesleucina",
        "Perjeta",
    ] {
        let o = order(inputs.clone(), Patient { allergies: allergy.into(), ..adult() });
        let r = o.report().unwrap();
        let w = o.warnings(&r).into_iter().find(|w| w.code == "allergy-names-regimen-drug");
        assert!(w.as_ref().is_some_and(|w| w.needs_reason), "{allergy:?}");
    }
    // Look-alike letters, hyphens and brand names do not hide a regimen drug.
    for allergy in [
        "tr\u{0430}stuzumab",
        "Her\u{0441}eptin",
        "\u{0399}L-2",
        "tras-tuzumab",
        "Kadcyla",
        "Ogivri",
        "Endoxan",
        "Cytoxan",
        "cyklofosfamid",
    ] {
        let o = order(inputs.clone(), Patient { allergies: allergy.into(), ..adult() });
        let r = o.report().unwrap();
        assert!(o.warnings(&r).iter().any(|w| w.code == "allergy-names-regimen-drug"), "{allergy:?}");
    }
    // The message cites exclusion 6 only for the antibodies.
    let o = order(inputs.clone(), Patient { allergies: "aldesleukin".into(), ..adult() });
    let r = o.report().unwrap();
    let w = o.warnings(&r).into_iter().find(|w| w.code == "allergy-names-regimen-drug").unwrap();
    assert!(!said(&w).contains("exclusion 6") && said(&w).contains("Interleukin-2"), "{}", said(&w));
    for allergy in ["none known", "penicilina", "ilex pollen"] {
        let o = order(inputs.clone(), Patient { allergies: allergy.into(), ..adult() });
        let r = o.report().unwrap();
        assert!(!o.warnings(&r).iter().any(|w| w.code == "allergy-names-regimen-drug"), "{allergy:?}");
    }
}

#[test]
fn a_bsa_above_3_needs_a_reasoned_acknowledgement() {
    // 250 cm / 300 kg Mosteller = √(75000/3600) = 4.56 m²: implausible, acknowledged with a reason.
    let rep = report(&raw("300", "250"));
    let w = rep.warnings.iter().find(|w| w.code == "bsa-soft-limit").unwrap();
    assert!(w.needs_reason);
}

#[test]
// Shows: REQ-INPUT-001
fn unit_slips_are_explained_with_the_typed_value() {
    // Regression: the grams message used a fixed example instead of the typed value.
    let e = validate(&raw("82000", "170")).unwrap_err();
    assert!(
        nkact_dose::present::Words::english().input_error(&e[0]).contains("82\u{2009}000 g = 82 kg"),
        "{}",
        e[0]
    );
    let e = validate(&raw("70", "1,82")).unwrap_err();
    assert!(nkact_dose::present::Words::english().input_error(&e[0]).contains("1.82 m = 182 cm"), "{}", e[0]);
}

#[test]
fn the_boyd_working_defines_g_in_grams() {
    // Regression: "G = 300 kg × 1000 g/kg = 4.4832 m²".
    let mut r = raw("70", "170");
    r.bsa_formula = "boyd".into();
    let w = Words::english().bsa_working(&report(&r).bsa);
    assert!(w.contains("G = 70 kg × 1000 g/kg = 70\u{2009}000 g;"), "{w}");
    assert!(!w.contains("g/kg = 1.8"), "{w}");
}

#[test]
fn a_number_holding_a_control_character_is_refused() {
    // Found by an adversarial run: "2\ne8" and "2\te8" were read as 2 × 10⁸.
    for (field, value) in [("nk", "2\ne8"), ("nk", "2\te8"), ("weight", "70\r"), ("day1", "2026-03-02\n")] {
        let mut r = raw("70", "170");
        match field {
            "nk" => r.nk_cells = value.into(),
            "weight" => r.weight = value.into(),
            _ => r.day1 = value.into(),
        }
        let errors = validate(&r).unwrap_err();
        assert!(matches!(errors[0].problem, Problem::ForbiddenCharacters(_)), "{value:?}: {errors:?}");
    }
}

#[test]
fn a_measure_typed_as_the_program_prints_it_is_accepted() {
    // Regression: "70.5 kg" and "250 million" were refused although the program writes them so.
    use nkact_dose::input::{parse_bsa_cap, parse_height, parse_nk_cells, parse_weight};
    assert_eq!(parse_weight("70,5 kg").unwrap().kg(), 70.5);
    assert_eq!(parse_weight("70.5kg").unwrap().kg(), 70.5);
    assert_eq!(parse_weight("70 KG").unwrap().kg(), 70.0);
    assert_eq!(parse_height("170 cm").unwrap().cm(), 170.0);
    assert_eq!(parse_bsa_cap("2 m²").unwrap().m2(), 2.0);
    assert_eq!(parse_nk_cells("250 million").unwrap().count(), 2.5e8);
    assert_eq!(parse_nk_cells("250 millones").unwrap().count(), 2.5e8);
    assert_eq!(parse_nk_cells("2 × 10⁸ células").unwrap().count(), 2e8);
    assert_eq!(parse_nk_cells("2 × 10⁸ cells").unwrap().count(), 2e8);
    // Another unit is refused, never converted; a unit alone is no number.
    for (text, f) in [("70 lb", "w"), ("170 m", "h"), ("kg", "w"), ("70 kg kg", "w"), ("170 kg", "h")] {
        let refused = if f == "w" { parse_weight(text).is_err() } else { parse_height(text).is_err() };
        assert!(refused, "{text:?} accepted");
    }
}
