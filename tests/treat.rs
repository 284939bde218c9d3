//! Criteria to treat and a complete administration order (issue 13), end to
//! end through the built binary: the criteria in `calc --json`, an `order`
//! refused with a criterion open unless overridden, antibodies withheld for a
//! fall in LVEF, infusion times and rates, observation, the site settings
//! file. Thresholds come from the trial record (NCT05385705) and the EU
//! labels (clinical-facts.md, criteria-to-treat.md), cited per row.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::float_cmp)] // tests may fail loudly

#[path = "common/eligible.rs"]
mod eligible;
#[path = "common/scratch.rs"]
mod scratch;

use std::path::PathBuf;
use std::process::{Command, Output};

const BIN: &str = env!("CARGO_BIN_EXE_nkact-dose");
const DAY1: &str = "2026-12-01";

fn dir(name: &str) -> PathBuf {
    let d = scratch::root().join(format!("nkact-treat-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn run(args: &[String]) -> Output {
    let register = scratch::root().join(format!("nkact-treat-register-{}.sqlite3", std::process::id()));
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

/// `calc --json` for cycle 1 on DAY1 with these criteria options.
fn calc_json(extra: &[String]) -> serde_json::Value {
    let mut args =
        s(&["calc", "--json", "--weight", "70", "--height", "170", "--cycle", "1", "--day1", DAY1]);
    args.extend(s(&["--dob", "1968-05-14"]));
    args.extend(extra.iter().cloned());
    let o = run(&args);
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
    serde_json::from_slice(&o.stdout).unwrap()
}

fn criterion<'a>(v: &'a serde_json::Value, code: &str) -> &'a serde_json::Value {
    v["criteria"].as_array().unwrap().iter().find(|c| c["code"] == code).unwrap()
}

/// The eligible options with one `--lab` replaced.
fn with_lab(code: &str, entry: &str) -> Vec<String> {
    let mut a = eligible::args(DAY1);
    let at = a.iter().position(|x| x.starts_with(&format!("{code}="))).unwrap();
    a[at] = entry.to_owned();
    a
}

#[test]
fn calc_reports_every_criterion_with_its_state_value_threshold_and_date() {
    let v = calc_json(&eligible::args(DAY1));
    let codes: Vec<&str> =
        v["criteria"].as_array().unwrap().iter().map(|c| c["code"].as_str().unwrap()).collect();
    for code in [
        "anc",
        "lymphocytes",
        "platelets",
        "hb",
        "bilirubin",
        "ast",
        "alt",
        "creatinine",
        "inr",
        "albumin",
        "lvef",
        "age",
        "lab-dates",
    ] {
        assert!(codes.contains(&code), "{code} missing: {codes:?}");
    }
    for c in v["criteria"].as_array().unwrap() {
        assert_eq!(c["state"], "met", "{c}");
        for key in ["value", "threshold", "date"] {
            assert!(c.get(key).is_some(), "{key} missing in {c}");
        }
    }
    assert_eq!(criterion(&v, "anc")["value"], 2.5);
    assert_eq!(criterion(&v, "anc")["threshold"], 1.5);
    assert_eq!(criterion(&v, "anc")["date"], "2026-11-21");
    // NCT05385705 inclusion 9: bilirubin ≤ 1.5 × ULN; the ULN typed is 1.2 mg/dL → 1.8.
    assert_eq!(criterion(&v, "bilirubin")["threshold"], 1.8);
    assert_eq!(v["criteria_met"], true);
    // No laboratory value entered: none of them is "met" (the age comes from --dob).
    let v = calc_json(&[]);
    for c in v["criteria"].as_array().unwrap().iter().filter(|c| c["code"] != "age") {
        assert_ne!(c["state"], "met", "{c}");
    }
    assert_eq!(criterion(&v, "anc")["state"], "not-entered");
    assert_eq!(v["criteria_met"], false);
    // From cycle 2 there are no eligibility criteria.
    let o = run(&s(&["calc", "--json", "--weight", "70", "--height", "170", "--cycle", "2"]));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["criteria"].as_array().unwrap().len(), 0);
}

#[test]
fn each_rule_at_its_edge_through_the_command_line() {
    // (lab entry, criterion, expected state, source)
    let rows = [
        ("anc=1.5 x10^9/L@2026-11-26", "anc", "met", "NCT05385705 inclusion 9: ANC ≥ 1 500/µL"),
        ("anc=1.49 x10^9/L@2026-11-26", "anc", "not-met", "NCT05385705 inclusion 9"),
        ("anc=1490 cells/uL@2026-11-26", "anc", "not-met", "the same in US units"),
        (
            "platelets=100 x10^9/L@2026-11-26",
            "platelets",
            "met",
            "NCT05385705 inclusion 9: platelets ≥ 100 000/µL",
        ),
        ("platelets=99 x10^9/L@2026-11-26", "platelets", "not-met", "NCT05385705 inclusion 9"),
        ("bilirubin=1.8 mg/dL@2026-11-26", "bilirubin", "met", "NCT05385705 inclusion 9: ≤ 1.5 × ULN 1.2"),
        ("bilirubin=1.812 mg/dL@2026-11-26", "bilirubin", "not-met", "1.51 × ULN"),
        ("hb=90 g/L@2026-11-26", "hb", "met", "NCT05385705 inclusion 9: Hb ≥ 9.0 g/dL = 90 g/L"),
        ("albumin=2.4 g/dL@2026-11-26", "albumin", "not-met", "criteria-to-treat.md: 25 g/L = 2.5 g/dL"),
    ];
    for (entry, code, state, source) in rows {
        let (test, _) = entry.split_once('=').unwrap();
        let v = calc_json(&with_lab(test, entry));
        assert_eq!(criterion(&v, code)["state"], state, "{entry} ({source})");
    }
    // Gilbert's syndrome: bilirubin up to 3 × ULN (NCT05385705 inclusion 9).
    let mut a = with_lab("bilirubin", "bilirubin=3.6 mg/dL@2026-11-26");
    assert_eq!(criterion(&calc_json(&a), "bilirubin")["state"], "not-met");
    a.push("--gilbert".into());
    assert_eq!(criterion(&calc_json(&a), "bilirubin")["state"], "met");
    // LVEF ≥ 50 % (exclusion 19: < 50 %).
    for (lvef, state) in [("50", "met"), ("49", "not-met")] {
        let mut a = eligible::args(DAY1);
        let at = a.iter().position(|x| x.starts_with("62@")).unwrap();
        a[at] = format!("{lvef}@2026-11-26");
        assert_eq!(criterion(&calc_json(&a), "lvef")["state"], state, "LVEF {lvef}");
    }
}

#[test]
fn labs_seven_days_before_cyclophosphamide_count_and_eight_do_not() {
    // NCT05385705 inclusion 9: laboratory values within 7 days before the first study treatment.
    // Cyclophosphamide chosen on Day -4 (2026-11-27): 2026-11-20 is 7 days before, 2026-11-19 is 8.
    for (date, state) in [("2026-11-20", "met"), ("2026-11-19", "not-met")] {
        let mut a = with_lab("anc", &format!("anc=2.5 x10^9/L@{date}"));
        a.extend(s(&["--cyclophosphamide-date", "2026-11-27"]));
        let v = calc_json(&a);
        assert_eq!(criterion(&v, "anc")["state"], state, "{date}");
        assert_eq!(criterion(&v, "lab-dates")["state"], state, "{date}");
        assert_eq!(v["doses"][0]["chosen_date"], "2026-11-27");
    }
    // A day outside Day -5 … Day -3 is refused, naming the field.
    let mut a = s(&["calc", "--weight", "70", "--height", "170", "--cycle", "1", "--day1", DAY1]);
    a.extend(s(&["--cyclophosphamide-date", "2026-11-29"]));
    let o = run(&a);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("Cyclophosphamide date"), "{o:?}");
    assert!(o.stdout.is_empty());
}

#[test]
fn cockcroft_gault_decides_a_creatinine_above_the_uln_and_names_the_weight() {
    // clinical-facts.md: woman 65 y, 60 kg, 85 µmol/L → 55.25 mL/min ≥ 50: met by clearance.
    // Creatinine ULN 0.6 mg/dL → 1.5 × ULN = 0.9 < 0.96 mg/dL: the clearance decides.
    let mut a = with_lab("creatinine", "creatinine=85 umol/L@2026-11-26");
    let at = a.iter().position(|x| x == "creatinine=1.1 mg/dL").unwrap();
    a[at] = "creatinine=0.6 mg/dL".into();
    let mut args =
        s(&["calc", "--json", "--weight", "60", "--height", "165", "--cycle", "1", "--day1", DAY1]);
    args.extend(s(&["--dob", "1961-11-20"]));
    args.extend(a);
    let o = run(&args);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let c = criterion(&v, "creatinine");
    assert_eq!(c["state"], "met", "{c}");
    assert!((c["clearance_ml_min"].as_f64().unwrap() - 55.25).abs() < 0.06, "{c}");
    assert!(c["note"].as_str().unwrap().contains("actual weight 60 kg"), "{c}");
}

fn order_args(out: &str, extra: &[String]) -> Vec<String> {
    let mut a = s(&[
        "order",
        "--weight",
        "70",
        "--height",
        "170",
        "--cycle",
        "1",
        "--day1",
        DAY1,
        "--nk-cells",
        "2e8",
        "--name",
        "Lucía Gómez",
        "--patient-id",
        "HC-8",
        "--dob",
        "1968-05-14",
        "--allergies",
        "none known",
        "--issued-by",
        "Dra. L. Martín",
        "--acknowledged-by",
        "Farm. A. García",
        "--out",
        out,
    ]);
    a.extend(extra.iter().cloned());
    a
}

fn pdf_text(path: &std::path::Path) -> String {
    let bytes = std::fs::read(path).unwrap();
    let doc =
        printpdf::PdfDocument::parse(&bytes, &printpdf::PdfParseOptions::default(), &mut Vec::new()).unwrap();
    doc.extract_text().into_iter().flatten().collect::<Vec<_>>().join(" ")
}

#[test]
// Shows: REQ-CRIT-001
fn an_order_with_a_criterion_open_exits_2_and_writes_nothing_unless_overridden() {
    let d = dir("override");
    let out = d.join("o.pdf");
    let out_s = out.to_str().unwrap();
    let low = with_lab("platelets", "platelets=92 x10^9/L@2026-11-26");
    // Not met: refused, nothing written, the criterion named.
    let o = run(&order_args(out_s, &low));
    assert_eq!(o.status.code(), Some(2), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(!out.exists());
    assert!(o.stdout.is_empty());
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("[platelets]") && err.contains("NOT MET") && err.contains("--override"), "{err}");
    // Not entered (no labs at all): refused too.
    let o = run(&order_args(out_s, &[]));
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("NOT ENTERED"));
    assert!(!out.exists());
    // An override of a criterion that is met is a mistake, not a formality.
    let mut wrong = low.clone();
    wrong.extend(s(&["--override", "anc=no reason to override this"]));
    let o = run(&order_args(out_s, &wrong));
    assert_eq!(o.status.code(), Some(2));
    assert!(!out.exists());
    // The prescriber's reasoned override: the sheet leaves, and prints who, when and why.
    let mut ok = low;
    ok.extend(s(&["--override", "platelets=Recovering after radiotherapy; haematology agrees"]));
    let o = run(&order_args(out_s, &ok));
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
    let t = pdf_text(&out);
    for expected in [
        "Criteria to treat (cycle 1)",
        "NOT MET",
        "overridden by Dra. L. Martín",
        "Recovering after radiotherapy; haematology agrees",
        "Every criterion met or overridden (1 override, signed below).",
    ] {
        assert!(t.contains(expected), "{expected:?} missing:\n{t}");
    }
}

/// Cycle 4 (maintenance) three weeks after the last antibodies, 70 kg.
const CYCLE4: &[&str] = &[
    "--weight",
    "70",
    "--height",
    "170",
    "--cycle",
    "4",
    "--day1",
    "2026-11-26",
    "--last-trastuzumab",
    "2026-11-05",
    "--last-pertuzumab",
    "2026-11-05",
];

/// `calc --json` for cycle 4 (maintenance) with this baseline and latest LVEF.
fn cycle4(baseline: &str, latest: &str) -> serde_json::Value {
    let mut a = s(&["calc", "--json"]);
    a.extend(s(CYCLE4));
    a.extend(s(&["--lvef-baseline", baseline, "--lvef", &format!("{latest}@2026-11-20")]));
    a.extend(s(&["--previous-infusion-tolerated", "yes"]));
    let o = run(&a);
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
    serde_json::from_slice(&o.stdout).unwrap()
}

#[test]
// Shows: REQ-CARD-001
fn a_fall_in_lvef_withholds_both_antibodies_with_no_dose() {
    // Herceptin EU SmPC 4.4: withhold when LVEF falls ≥ 10 points from baseline and below 50 %.
    let rows = [
        ("60", "50", false, "down 10 but not below 50 %"),
        ("60", "49", true, "down 11 and below 50 %"),
        ("59", "49", true, "down 10 and below 50 %"),
        ("58", "49", false, "down 9"),
    ];
    for (baseline, latest, withheld, why) in rows {
        let v = cycle4(baseline, latest);
        for d in v["doses"].as_array().unwrap() {
            assert_eq!(d["withheld"], withheld, "{baseline} → {latest}: {why}\n{d}");
            if withheld {
                assert!(d.get("dose").is_none(), "a withheld antibody has no dose: {d}");
                assert!(
                    d["withheld_reason"].as_str().unwrap().contains("3 weeks")
                        || d["withheld_reason"].as_str().unwrap().contains("withheld"),
                    "{d}"
                );
            } else {
                assert_eq!(d["dose"], 420.0, "{d}");
            }
        }
        assert_eq!(v["cardiac"]["withhold"], withheld);
    }
    // The sheet says WITHHELD and prints no antibody dose.
    let d = dir("withheld");
    let out = d.join("c4.pdf");
    let mut a = s(&["order"]);
    a.extend(s(CYCLE4));
    a.extend(s(&[
        "--lvef-baseline",
        "61",
        "--lvef",
        "47@2026-11-20",
        "--name",
        "Lucía Gómez",
        "--patient-id",
        "HC-8",
        "--dob",
        "1968-05-14",
        "--allergies",
        "none known",
        "--issued-by",
        "Dra. L. Martín",
        // Day 1 is before today: that warning is acknowledged.
        "--acknowledged-by",
        "Farm. A. García",
        "--out",
        out.to_str().unwrap(),
    ]));
    let o = run(&a);
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
    let t = pdf_text(&out);
    assert!(t.contains("WITHHELD"), "{t}");
    assert!(t.contains("repeat the LVEF in about 3 weeks"), "{t}");
    assert!(!t.contains("420 mg"), "a withheld dose was printed:\n{t}");
}

#[test]
fn an_lvef_older_than_three_months_needs_a_reason() {
    // Issue 13: an LVEF older than the configured interval (default 3 months) needs a reason.
    let mut a = s(&["calc", "--json"]);
    a.extend(s(CYCLE4));
    a.extend(s(&["--lvef-baseline", "61", "--lvef", "60@2026-08-20"]));
    let o = run(&a);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let w = v["warning_codes"].as_array().unwrap().iter().find(|w| w["code"] == "lvef-old").unwrap();
    assert_eq!(w["needs_reason"], true);
}

#[test]
fn infusion_times_and_rates_follow_the_dose_and_the_last_infusion() {
    // criteria-to-treat.md: trastuzumab 8 mg/kg over 90 min; 6 mg/kg over 30 min if the previous
    // dose was well tolerated, otherwise about 90; pertuzumab 840 mg over 60, 420 mg over 30–60.
    let minutes = |v: &serde_json::Value, drug: &str| {
        let d = v["doses"].as_array().unwrap().iter().find(|d| d["drug"] == drug).unwrap().clone();
        (d["infusion_minutes"].clone(), d["infusion_rate_ml_h"].clone(), d["observation"].clone())
    };
    let v = calc_json(&eligible::args(DAY1));
    let (t, rate, obs) = minutes(&v, "trastuzumab");
    assert_eq!(t, serde_json::json!([90, 90]));
    // 250 mL over 90 min = 166.7 mL/h.
    assert_eq!(rate, serde_json::json!([166.7, 166.7]));
    assert!(obs.as_str().unwrap().contains("6 h from the start of the first infusion"), "{obs}");
    let (p, _, obs) = minutes(&v, "pertuzumab");
    assert_eq!(p, serde_json::json!([60, 60]));
    assert!(obs.as_str().unwrap().contains("30 to 60 min after each pertuzumab infusion"), "{obs}");
    for (answer, expected) in [(Some("yes"), 30), (Some("no"), 90), (None, 90)] {
        let mut a = s(&[
            "calc",
            "--json",
            "--weight",
            "70",
            "--height",
            "170",
            "--cycle",
            "2",
            "--day1",
            "2026-12-22",
        ]);
        a.extend(s(&["--last-trastuzumab", "2026-12-01", "--last-pertuzumab", "2026-12-01"]));
        if let Some(answer) = answer {
            a.extend(s(&["--previous-infusion-tolerated", answer]));
        }
        let o = run(&a);
        let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
        assert_eq!(minutes(&v, "trastuzumab").0, serde_json::json!([expected, expected]), "{answer:?}");
        let (p, rate, _) = minutes(&v, "pertuzumab");
        assert_eq!(p, serde_json::json!([30, 60]));
        assert_eq!(rate, serde_json::json!([500.0, 250.0]));
    }
    let o = run(&s(&[
        "calc",
        "--weight",
        "70",
        "--height",
        "170",
        "--cycle",
        "2",
        "--previous-infusion-tolerated",
        "maybe",
    ]));
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("\"maybe\""));
}

#[test]
fn ambiguous_or_unknown_units_are_refused_naming_the_value() {
    for (entry, says) in [
        ("anc=1.8 x10^9@2026-11-26", "two ways"),
        ("hb=7.5 mmol/L@2026-11-26", "two ways"),
        ("anc=1.8 kg@2026-11-26", "unit"),
        ("anc=1.8 x10^9/L", "not written"),
        ("ferritin=100 ng/mL@2026-11-26", "test"),
    ] {
        let mut a = s(&["calc", "--weight", "70", "--height", "170", "--cycle", "1", "--day1", DAY1]);
        a.extend(s(&["--lab", entry]));
        let o = run(&a);
        assert_eq!(o.status.code(), Some(2), "{entry}");
        assert!(o.stdout.is_empty(), "{entry}: no dose on stdout");
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(err.contains("--lab") && err.contains(says), "{entry}: {err}");
    }
}

#[test]
fn a_site_settings_file_sets_what_the_sheet_would_otherwise_leave_to_fill_in() {
    let d = dir("site");
    let file = d.join("site.json");
    std::fs::write(
        &file,
        r#"{"administration": {"premedication": "paracetamol 1 g PO 30 min before", "nk_max_hours_after_release": 4,
            "nk_route_and_set": "IV by gravity, no leucocyte filter"},
            "products": {"cyclophosphamide": {"bag_volume_ml": 250, "infusion_minutes_loading": 60}}}"#,
    )
    .unwrap();
    let mut a = s(&[
        "calc",
        "--weight",
        "70",
        "--height",
        "170",
        "--cycle",
        "1",
        "--day1",
        DAY1,
        "--nk-cells",
        "2e8",
    ]);
    a.extend(s(&["--nk-released-at", "2026-12-02 09:30", "--site-settings", file.to_str().unwrap()]));
    let o = run(&a);
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
    let t = String::from_utf8_lossy(&o.stdout);
    for expected in [
        "paracetamol 1 g PO 30 min before",
        "over 60 min (site setting) · 250 mL/h (bag volume 250 mL over 60 min; the drug's volume not added)",
        "by 2026-12-02 13:30 (4 h after release)",
        "IV by gravity, no leucocyte filter",
        "Antiemetic prophylaxis: per site protocol",
    ] {
        assert!(t.contains(expected), "{expected:?} missing:\n{t}");
    }
    // Validated like any input: an unknown key or an unusable value is refused, nothing computed.
    for bad in [
        r#"{"administration": {"premedicaton": "x"}}"#,
        r#"{"administration": {"lvef_hold_below_pct": 0}}"#,
        "not json",
    ] {
        std::fs::write(&file, bad).unwrap();
        let o = run(&a);
        assert_eq!(o.status.code(), Some(2), "{bad}");
        assert!(o.stdout.is_empty());
        assert!(String::from_utf8_lossy(&o.stderr).contains("--site-settings"), "{bad}");
    }
}
