//! Property tests: parsing never panics and never lets a value outside the
//! hard limits through; doses are monotonic; files from anywhere are safe to
//! open. CI runs every property at PROPTEST_CASES=10000 (.ci/run).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::float_cmp)] // tests may fail loudly

#[path = "common/scratch.rs"]
mod scratch;
use chrono::{NaiveDate, NaiveDateTime};
use nkact_dose::bsa::BsaFormula;
use nkact_dose::engine::{NkState, calculate};
use nkact_dose::error::Field;
use nkact_dose::input::{self, RawInputs, validate};
use nkact_dose::order::{self, Order, Patient, Verification};
use nkact_dose::regimen::{Drug, NK_ACT_BC};
use nkact_dose::settings::Settings;
use proptest::prelude::*;

/// Strings a person might type, and strings nobody would.
fn typed() -> impl Strategy<Value = String> {
    prop_oneof![
        ".*",
        "[0-9 .,eE+x×^⁰-⁹-]{0,16}",
        "[0-9]{1,4}([.,][0-9]{1,3})?",
        "[0-9]{4}-[0-9]{2}-[0-9]{2}",
        "[0-9](\\.[0-9])?(e|E| x 10\\^|×10\\^)[0-9]{1,3}",
    ]
}

proptest! {
    #[test]
    // Shows: REQ-INPUT-001
    fn parsing_any_text_yields_a_value_inside_the_limits_or_names_the_field(s in typed()) {
        let l = NK_ACT_BC.limits;
        match input::parse_weight(&s) {
            Ok(w) => prop_assert!(l.weight_kg_hard.contains(w.kg())),
            Err(e) => prop_assert_eq!(e.field, Field::Weight),
        }
        match input::parse_previous_weight(&s) {
            Ok(w) => prop_assert!(l.weight_kg_hard.contains(w.kg())),
            Err(e) => prop_assert_eq!(e.field, Field::PreviousWeight),
        }
        match input::parse_height(&s) {
            Ok(h) => prop_assert!(l.height_cm_hard.contains(h.cm())),
            Err(e) => prop_assert_eq!(e.field, Field::Height),
        }
        match input::parse_bsa_cap(&s) {
            Ok(c) => prop_assert!(l.bsa_cap_m2_hard.contains(c.m2())),
            Err(e) => prop_assert_eq!(e.field, Field::BsaCap),
        }
        match input::parse_cycle(&s) {
            Ok(c) => prop_assert!(c >= 1 && c <= l.cycle_max),
            Err(e) => prop_assert_eq!(e.field, Field::Cycle),
        }
        match input::parse_nk_cells(&s) {
            Ok(c) => prop_assert!(c.count().is_finite() && c.count() > 0.0),
            Err(e) => prop_assert_eq!(e.field, Field::NkCells),
        }
        match input::parse_formula(&s) {
            Ok(_) => {}
            Err(e) => prop_assert_eq!(e.field, Field::BsaFormula),
        }
        for field in [Field::Day1, Field::LastTrastuzumab, Field::LastPertuzumab] {
            match input::parse_date(field, &s) {
                Ok(d) => prop_assert!(d.format("%Y").to_string().parse::<i32>().unwrap() >= l.first_year),
                Err(e) => prop_assert_eq!(e.field, field),
            }
        }
        // Every message names its field.
        if let Err(e) = input::parse_weight(&s) {
            prop_assert!(nkact_dose::present::Words::english().input_error(&e).starts_with("Weight (kg)"));
        }
    }

    #[test]
    // Shows: REQ-INPUT-003
    fn whole_forms_of_any_text_never_panic(
        w in typed(), h in typed(), nk in typed(), c in typed(), d1 in typed(), lt in typed(), lp in typed(), cap in typed(), pw in typed(),
    ) {
        let raw = RawInputs { weight: w, height: h, nk_cells: nk, cycle: c, day1: d1, last_trastuzumab: lt, last_pertuzumab: lp, bsa_cap: cap, previous_weight: pw, bsa_formula: String::new() };
        if let Ok(inputs) = validate(&raw) {
            let r = calculate(&inputs, &Settings::default()).unwrap();
            for d in &r.doses {
                prop_assert!(d.dose.is_finite() && d.dose > 0.0);
            }
            let _ = nkact_dose::cli::render_text(&nkact_dose::present::model::Presentation::of(&r, &r.warnings, &nkact_dose::present::Words::english()));
        }
    }

    #[test]
    fn doses_never_decrease_when_weight_or_height_increases(
        w in 20.0f64..300.0, dw in 0.0f64..50.0, h in 100.0f64..250.0, dh in 0.0f64..30.0, f in 0usize..5, cycle in 1u32..4,
    ) {
        let formula = BsaFormula::ALL[f];
        let dose_at = |w: f64, h: f64| {
            let raw = RawInputs {
                weight: format!("{w:.2}"), height: format!("{h:.2}"), bsa_formula: formula.key().into(),
                cycle: cycle.to_string(), ..RawInputs::default()
            };
            let r = calculate(&validate(&raw).unwrap(), &Settings::default()).unwrap();
            let mut doses: Vec<(Drug, f64)> = r.doses.iter().map(|d| (d.drug, d.dose)).collect();
            doses.push((Drug::Cyclophosphamide, r.bsa.used_m2)); // the BSA itself, as a pseudo-dose
            doses
        };
        let base = dose_at(w, h);
        let heavier = dose_at((w + dw).min(300.0), h);
        let taller = dose_at(w, (h + dh).min(250.0));
        for ((a, b), c) in base.iter().zip(&heavier).zip(&taller) {
            prop_assert!(b.1 >= a.1, "{:?} fell from {} to {} when weight rose", a.0, a.1, b.1);
            prop_assert!(c.1 >= a.1, "{:?} fell from {} to {} when height rose", a.0, a.1, c.1);
        }
    }

    #[test]
    fn the_nk_check_agrees_with_the_range(count in prop_oneof![1.0f64..1e12, 4.9e7f64..5.1e7, 4.9e8f64..5.1e8]) {
        // A cell count is a whole number (a fraction is refused: see reference tests).
        let count = count.round();
        let raw = RawInputs { weight: "70".into(), height: "170".into(), nk_cells: format!("{count:e}"), ..RawInputs::default() };
        let inputs = validate(&raw).unwrap();
        let parsed = inputs.nk_cells.unwrap().count();
        let r = calculate(&inputs, &Settings::default()).unwrap();
        let within = (5e7..=5e8).contains(&parsed);
        let state = r.nk.unwrap().state;
        prop_assert_eq!(state == NkState::WithinRange, within);
        prop_assert_eq!(state == NkState::OutOfRange, !within);
        prop_assert_eq!(r.protocol_checks_pass(), within);
    }

    #[test]
    // Shows: REQ-INPUT-003
    fn any_bytes_as_an_order_file_never_panic(bytes in prop_oneof![
        proptest::collection::vec(any::<u8>(), 0..512),
        ".*".prop_map(String::into_bytes),
        // Near-valid files: a real order with one byte changed.
        (0usize..4000, any::<u8>()).prop_map(|(i, b)| {
            let mut v = serde_json::to_vec(&sample_order()).unwrap();
            let n = v.len();
            v[i % n] = b;
            v
        }),
    ]) {
        match order::parse(&bytes, std::path::Path::new("fuzz.json")) {
            Ok(o) => {
                prop_assert!(o.settings.validate().is_ok());
                let _ = o.report();
                let _ = o.fingerprint();
            }
            Err(e) => prop_assert!(!e.to_string().is_empty()),
        }
    }

    #[test]
    fn saving_then_loading_any_order_gives_the_same_order(
        name in ".{0,40}", id in ".{0,20}", allergies in ".{0,40}", w in typed(), h in typed(), nk in typed(),
        minutes in 0i64..5_000_000, verified in any::<bool>(),
    ) {
        let mut o = sample_order();
        o.patient = Patient { name, identifier: id, date_of_birth: "1970-01-01".into(), allergies };
        o.inputs.weight = w;
        o.inputs.height = h;
        o.inputs.nk_cells = nk;
        o.created = base_time() + chrono::Duration::minutes(minutes);
        o.verification = verified.then(|| Verification { verifier: "V".into(), at: o.created });
        let dir = scratch::root().join(format!("nkact-props-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("order.json");
        order::save(&o, &path).unwrap();
        prop_assert_eq!(order::load(&path).unwrap(), o);
    }
}

fn base_time() -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2026, 1, 1).unwrap().and_hms_opt(8, 0, 0).unwrap()
}

fn sample_order() -> Order {
    let mut o = Order::new(base_time(), Settings::default());
    o.inputs = RawInputs { weight: "70".into(), height: "170".into(), ..RawInputs::default() };
    o
}
