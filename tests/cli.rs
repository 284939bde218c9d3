//! Black-box tests of the built binary: exit codes, stdout, stderr.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::float_cmp)] // tests may fail loudly

#[path = "common/eligible.rs"]
mod eligible;
#[path = "common/scratch.rs"]
mod scratch;

use std::process::{Command, Output};

const BIN: &str = env!("CARGO_BIN_EXE_nkact-dose");

/// Runs the binary with its order register in a temporary folder, never the user's.
fn run(args: &[&str]) -> Output {
    let register = scratch::root().join(format!("nkact-cli-register-{}.sqlite3", std::process::id()));
    Command::new(BIN)
        .env("LC_ALL", "C.UTF-8")
        .env("NKACT_DOSE_REGISTER", register)
        .args(args)
        .output()
        .expect("binary runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

const OK: &[&str] = &["calc", "--weight", "70", "--height", "170"];

#[test]
// Shows: REQ-WORK-001
fn calc_prints_doses_with_working_and_exits_0() {
    let o = run(&[OK, &["--day1", "2026-03-02"][..]].concat());
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = stdout(&o);
    // Protocol 600 mg/m² × Mosteller 1.82 m² (Facts 1.8181) = 1092 mg.
    assert!(out.contains("Cyclophosphamide: 1092 mg"), "{out}");
    assert!(out.contains("600 mg/m² × 1.82 m² = 1092 mg"), "{out}");
    assert!(out.contains("Trastuzumab: 560 mg (loading dose)"), "{out}");
    assert!(out.contains("Pertuzumab: 840 mg (loading dose)"), "{out}");
    assert!(out.contains("910\u{2009}000 units"), "{out}");
    assert!(out.contains("Day -5 2026-02-25 (Wed)"), "{out}");
    assert!(out.contains("PENDING"), "{out}");
}

#[test]
fn calc_json_has_the_documented_keys() {
    let o = run(&[OK, &["--json", "--nk-cells", "2e8"][..]].concat());
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["bsa_m2"], 1.82);
    assert_eq!(v["bsa_formula"], "mosteller");
    let doses = v["doses"].as_array().unwrap();
    let drugs: Vec<&str> = doses.iter().map(|d| d["drug"].as_str().unwrap()).collect();
    assert_eq!(drugs, ["cyclophosphamide", "trastuzumab", "pertuzumab", "interleukin-2"]);
    let il2 = &doses[3];
    assert_eq!(il2["dose"], 910000.0);
    assert_eq!(il2["unit"], "units");
    assert_eq!(il2["route"], "subcutaneous");
    assert_eq!(il2["days"], serde_json::json!([2, 4, 6]));
    assert!(il2.get("loading").is_none());
    let t = &doses[1];
    assert_eq!(t["loading"], true);
    assert_eq!(t["days"], serde_json::json!([1]));
    assert!(t["working"].as_str().unwrap().contains("8 mg/kg × 70 kg"));
    assert_eq!(v["nk_cells"]["count"], 2e8);
    assert_eq!(v["nk_cells"]["min"], 5e7);
    assert_eq!(v["nk_cells"]["max"], 5e8);
    assert_eq!(v["nk_cells"]["within_range"], true);
    assert!(v["warnings"].is_array());
}

#[test]
fn pending_nk_is_null_in_json_and_exits_0() {
    let o = run(&[OK, &["--json"][..]].concat());
    assert_eq!(o.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert!(v["nk_cells"].is_null());
    assert_eq!(v["nk_state"], "pending");
}

#[test]
// Shows: REQ-NK-001
fn nk_out_of_range_exits_1_and_says_why() {
    for count in ["4.99e7", "5.01e8"] {
        let o = run(&[OK, &["--nk-cells", count][..]].concat());
        assert_eq!(o.status.code(), Some(1), "{count}");
        assert!(stdout(&o).contains("OUT OF RANGE"), "{count}");
        assert!(stderr(&o).contains("protocol check failed"));
    }
    for count in ["5e7", "5e8"] {
        assert_eq!(run(&[OK, &["--nk-cells", count][..]].concat()).status.code(), Some(0), "{count}");
    }
}

#[test]
fn cycle_two_json_omits_cycle_one_drugs() {
    let o = run(&[
        OK,
        &[
            "--json",
            "--cycle",
            "2",
            "--day1",
            "2026-03-23",
            "--last-trastuzumab",
            "2026-02-23",
            "--last-pertuzumab",
            "2026-03-02",
        ][..],
    ]
    .concat());
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let doses = v["doses"].as_array().unwrap();
    assert_eq!(doses.len(), 2);
    // 28 days since trastuzumab → maintenance 6 mg/kg × 70 = 420 mg; 21 days since pertuzumab → 420 mg.
    assert_eq!(doses[0]["drug"], "trastuzumab");
    assert_eq!(doses[0]["loading"], false);
    assert_eq!(doses[0]["dose"], 420.0);
    assert_eq!(doses[1]["loading"], false);
}

/// Every field with hostile values: each must exit 2, print nothing on stdout, and name the field.
#[test]
// Shows: REQ-INPUT-001
fn hostile_inputs_exit_2_with_nothing_on_stdout() {
    let numbers = [
        "",
        " ",
        "abc",
        "-70",
        "0",
        "NaN",
        "nan",
        "inf",
        "-inf",
        "1e309",
        "70.5.3",
        "7O",
        "70,5,1",
        "1,000.5",
        "0x46",
        "+70",
        "70 lb", // another unit is refused; "70 kg" is accepted (issue 11)
        "½",
        "٧٠",
        "99999999999999999999999999",
    ];
    let dates = [
        "",
        "abc",
        "2026-02-30",
        "2026-13-01",
        "2026-00-10",
        "26-03-02",
        "2026/03/02",
        "02-03-2026",
        "2026-3-2",
        "1899-01-01",
        "2026-03-02T00:00",
        "NaN",
    ];
    let mut cases: Vec<(&str, &str, &str)> = Vec::new(); // (option, value, field name in message)
    for v in numbers {
        cases.push(("--weight", v, "Weight"));
        cases.push(("--height", v, "Height"));
        cases.push(("--previous-weight", v, "Previous dosing weight"));
        cases.push(("--nk-cells", v, "NK cells"));
        cases.push(("--bsa-cap", v, "BSA cap"));
        cases.push(("--cycle", v, "Cycle"));
    }
    for v in ["1.7", "1,70", "2.5", "1700", "175000", "300.1", "99"] {
        cases.push(("--height", v, "Height"));
    }
    for v in ["19.9", "300.1", "70500", "1000"] {
        cases.push(("--weight", v, "Weight"));
    }
    for v in ["2.5", "101", "1.5e1"] {
        cases.push(("--cycle", v, "Cycle"));
    }
    for v in ["0.9", "3.1", "2e0"] {
        cases.push(("--bsa-cap", v, "BSA cap"));
    }
    for v in ["-2e8", "0", "0e8", "2e8e8", "2 x 10^", "2x10^999", "x10^8", "2,5,e8", "1e400"] {
        cases.push(("--nk-cells", v, "NK cells"));
    }
    for v in dates {
        cases.push(("--day1", v, "Day 1 date"));
        cases.push(("--last-trastuzumab", v, "Last trastuzumab date"));
        cases.push(("--last-pertuzumab", v, "Last pertuzumab date"));
    }
    for v in ["", "mostler", "du bois", "1"] {
        cases.push(("--bsa-formula", v, "BSA formula"));
    }
    let mut failures = Vec::new();
    for (opt, value, name) in &cases {
        // Empty optional fields are "not given", which is fine; required ones must fail.
        let optional_empty = value.trim().is_empty() && !matches!(*opt, "--weight" | "--height");
        if optional_empty {
            continue;
        }
        let mut args: Vec<&str> = vec!["calc", "--weight", "70", "--height", "170", "--day1", "2026-03-02"];
        if let Some(pos) = args.iter().position(|a| a == opt) {
            args[pos + 1] = value;
        } else {
            args.push(opt);
            args.push(value);
        }
        let o = run(&args);
        let err = stderr(&o);
        if o.status.code() != Some(2) || !o.stdout.is_empty() || !err.contains(name) || !err.contains(opt) {
            failures.push(format!(
                "{opt} {value:?}: code {:?}, stdout {:?}, stderr {err:?}",
                o.status.code(),
                stdout(&o)
            ));
        }
    }
    assert!(failures.is_empty(), "{} failures:\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn metres_for_centimetres_says_metres() {
    let o = run(&["calc", "--weight", "70", "--height", "1,70"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("looks like metres"), "{}", stderr(&o));
}

#[test]
fn missing_required_and_usage_errors_exit_2() {
    for args in [
        &["calc"][..],
        &["calc", "--weight", "70"],
        &["calc", "--height", "170"],
        &["calc", "--weight"],
        &["calc", "--weight", "70", "--weight", "71", "--height", "170"],
        &["calc", "--wieght", "70", "--height", "170"],
        &["frobnicate"],
        &["order", "--weight", "70", "--height", "170"],
    ] {
        let o = run(args);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        assert!(o.stdout.is_empty(), "{args:?}");
        assert!(!stderr(&o).is_empty(), "{args:?}");
    }
}

#[test]
fn equals_form_and_decimal_comma_are_accepted() {
    let o = run(&["calc", "--weight=70,5", "--height=170", "--json"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["doses"][1]["dose"], 564.0); // 8 mg/kg × 70.5 kg
}

#[test]
fn help_and_version() {
    let o = run(&["--help"]);
    assert_eq!(o.status.code(), Some(0));
    assert!(stdout(&o).contains("nkact-dose calc"));
    let o = run(&["--version"]);
    assert!(stdout(&o).starts_with("nkact-dose "));
}

fn order_dir(name: &str) -> std::path::PathBuf {
    let dir = scratch::root().join(format!("nkact-cli-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

const PATIENT: &[&str] =
    &["--name", "Lucía Gómez", "--patient-id", "HC-8", "--dob", "1975-07-07", "--allergies", "none known"];

fn order_args<'a>(out: &'a str, extra: &[&'a str]) -> Vec<&'a str> {
    let mut a = vec![
        "order",
        "--weight",
        "70",
        "--height",
        "170",
        "--cycle",
        "1",
        "--day1",
        "2026-03-02",
        "--out",
        out,
    ];
    a.extend_from_slice(PATIENT);
    a.extend(eligible::leaked("2026-03-02"));
    a.extend_from_slice(extra);
    a
}

#[test]
fn order_writes_a_pdf_and_exits_0() {
    let dir = order_dir("ok");
    let out = dir.join("order.pdf");
    let out_s = out.to_str().unwrap();
    let o = run(&order_args(out_s, &["--nk-cells", "2e8", "--acknowledged-by", "Farm. A. García"]));
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(std::fs::read(&out).unwrap().starts_with(b"%PDF"));
    // Existing file: refused without --force, untouched; replaced with --force.
    let before = std::fs::read(&out).unwrap();
    let o = run(&order_args(out_s, &["--nk-cells", "3e8", "--acknowledged-by", "A"]));
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(stderr(&o).contains("already exists"));
    assert_eq!(std::fs::read(&out).unwrap(), before);
    let o = run(&order_args(out_s, &["--nk-cells", "3e8", "--acknowledged-by", "A", "--force"]));
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
}

#[test]
fn order_refuses_and_writes_nothing() {
    let dir = order_dir("refuse");
    let out = dir.join("order.pdf");
    let out_s = out.to_str().unwrap();
    // (extra args, expected exit code, text expected on stderr)
    let cases: &[(&[&str], i32, &str)] = &[
        (&["--nk-cells", "5.01e8", "--acknowledged-by", "A"], 1, "out of range"),
        (&["--nk-cells", "4.99e7", "--acknowledged-by", "A"], 1, "out of range"),
        (&["--weight", "7O", "--acknowledged-by", "A"], 2, "Weight"),
        (&["--acknowledged-by", "A", "--dob", "2099-01-01"], 2, "Date of birth"),
        (&[], 2, "must be acknowledged"),
    ];
    for (extra, code, says) in cases {
        let mut args = order_args(out_s, &[]);
        for pair in extra.chunks(2) {
            if let Some(pos) = args.iter().position(|a| *a == pair[0]) {
                args[pos + 1] = pair[1];
            } else {
                args.extend_from_slice(pair);
            }
        }
        let o = run(&args);
        assert_eq!(o.status.code(), Some(*code), "{extra:?}: {}", stderr(&o));
        assert!(stderr(&o).contains(says), "{extra:?}: {}", stderr(&o));
        assert!(!out.exists(), "{extra:?} wrote a file");
    }
    let mut missing_allergies = order_args(out_s, &["--acknowledged-by", "A"]);
    let pos = missing_allergies.iter().position(|a| *a == "--allergies").unwrap();
    missing_allergies[pos + 1] = "";
    let o = run(&missing_allergies);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("Allergies"), "{}", stderr(&o));
    assert_eq!(std::fs::read_dir(&dir).unwrap().count(), 0, "nothing written, no temporary file left");
}

// ---------------------------------------------------------------- findings (issues 9 and 10)

/// Runs the binary with raw argument bytes.
fn run_os(args: &[std::ffi::OsString]) -> Output {
    let register = scratch::root().join(format!("nkact-cli-register-{}.sqlite3", std::process::id()));
    Command::new(BIN)
        .env("LC_ALL", "C.UTF-8")
        .env("NKACT_DOSE_REGISTER", register)
        .args(args)
        .output()
        .expect("binary runs")
}

fn os(args: &[&str]) -> Vec<std::ffi::OsString> {
    args.iter().map(std::ffi::OsString::from).collect()
}

#[test]
// Shows: REQ-INPUT-003
fn arguments_that_are_not_utf8_exit_2_with_a_message_not_a_panic() {
    use std::os::unix::ffi::OsStringExt;
    // Regression: `calc --weight $'\xff'` and a Latin-1 `--name $'Garc\xeda'` aborted (exit 134).
    let weight =
        [os(&["calc", "--height", "170", "--weight"]), vec![std::ffi::OsString::from_vec(vec![0xff])]]
            .concat();
    let o = run_os(&weight);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(stderr(&o).contains("--weight") && stderr(&o).contains("UTF-8"), "{}", stderr(&o));
    assert!(o.stdout.is_empty());
    let dir = order_dir("latin1");
    let out = dir.join("o.pdf");
    let mut args = os(&order_args(out.to_str().unwrap(), &["--acknowledged-by", "A"]));
    let pos = args.iter().position(|a| a == "--name").unwrap();
    args[pos + 1] = std::ffi::OsString::from_vec(b"Garc\xeda".to_vec());
    let o = run_os(&args);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(stderr(&o).contains("--name"), "{}", stderr(&o));
    assert!(!out.exists());
    // Not UTF-8 where a command is expected.
    let o = run_os(&[std::ffi::OsString::from_vec(vec![b'c', 0xff])]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn a_flag_given_a_value_is_refused_not_read_as_the_flag() {
    // Regression: --force=no replaced a PDF, --print=no printed, --json=no printed JSON.
    let o = run(&[OK, &["--json=no"][..]].concat());
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(o.stdout.is_empty());
    let dir = order_dir("flag-value");
    let out = dir.join("o.pdf");
    let out_s = out.to_str().unwrap();
    std::fs::write(&out, b"keep me").unwrap();
    for flag in ["--force=no", "--print=no"] {
        let o = run(&order_args(out_s, &["--acknowledged-by", "A", flag]));
        assert_eq!(o.status.code(), Some(2), "{flag}: {}", stderr(&o));
        assert_eq!(std::fs::read(&out).unwrap(), b"keep me", "{flag} touched the file");
    }
}

#[test]
fn an_option_never_swallows_a_following_flag() {
    // Regression: `--allergies --force` printed "--force" as the allergies; `--out --force`
    // wrote a file named "--force".
    let dir = order_dir("swallow");
    let out = dir.join("o.pdf");
    let out_s = out.to_str().unwrap();
    let mut args = order_args(out_s, &["--acknowledged-by", "A"]);
    let pos = args.iter().position(|a| *a == "--allergies").unwrap();
    args[pos + 1] = "--force";
    let o = run(&args);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(!out.exists());
    let o = Command::new(BIN)
        .env("LC_ALL", "C.UTF-8")
        .current_dir(&dir)
        .args(["order", "--weight", "70", "--height", "170", "--cycle", "1", "--day1", "2026-12-01"])
        .args(eligible::args("2026-12-01"))
        .args(PATIENT)
        .args(["--acknowledged-by", "A", "--out", "--force"])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(!dir.join("--force").exists(), "a file named --force was written");
}

#[test]
// Shows: REQ-INPUT-002
fn an_explicitly_empty_value_is_an_error_never_the_default() {
    // Regression: --cycle '' gave cycle 1, --bsa-formula '' Mosteller, --nk-cells '' pending,
    // --day1 '' no dates.
    for option in ["--cycle", "--bsa-formula", "--nk-cells", "--day1", "--bsa-cap", "--previous-weight"] {
        let o = run(&[OK, &[option, ""][..]].concat());
        assert_eq!(o.status.code(), Some(2), "{option}: {}", stderr(&o));
        assert!(stderr(&o).contains(option) && stderr(&o).contains("empty"), "{option}: {}", stderr(&o));
        assert!(o.stdout.is_empty(), "{option}");
    }
    let dir = order_dir("empty");
    let out = dir.join("o.pdf");
    for option in ["--name", "--allergies", "--acknowledged-by", "--issued-by", "--register", "--printer"] {
        let mut args = order_args(out.to_str().unwrap(), &["--acknowledged-by", "A"]);
        match args.iter().position(|a| *a == option) {
            Some(pos) => args[pos + 1] = "",
            None => args.extend_from_slice(&[option, ""]),
        }
        let o = run(&args);
        assert_eq!(o.status.code(), Some(2), "{option}: {}", stderr(&o));
        assert!(!out.exists(), "{option}");
    }
}

#[test]
fn every_date_option_goes_through_the_one_date_parser() {
    // Regression: --dob '+1970-1-01' and '1970-01- 1' were accepted and printed verbatim.
    let dir = order_dir("dates");
    let out = dir.join("o.pdf");
    for bad in ["+1970-1-01", "1970-01- 1", "1970-1-1", "70-01-01", "1970/01/01"] {
        let mut args = order_args(out.to_str().unwrap(), &["--acknowledged-by", "A"]);
        let pos = args.iter().position(|a| *a == "--dob").unwrap();
        args[pos + 1] = bad;
        let o = run(&args);
        assert_eq!(o.status.code(), Some(2), "{bad}: {}", stderr(&o));
        assert!(stderr(&o).contains("Date of birth"), "{bad}: {}", stderr(&o));
        assert!(!out.exists());
    }
    for bad in ["+2026-3-02", "2026-03- 2"] {
        let o = run(&[OK, &["--day1", bad][..]].concat());
        assert_eq!(o.status.code(), Some(2), "{bad}");
    }
}

#[test]
fn echoed_values_are_cut_short() {
    // Regression: --paper echoed a 100 kB value back in full.
    let dir = order_dir("paper");
    let long = "x".repeat(100_000);
    let o =
        run(&order_args(dir.join("o.pdf").to_str().unwrap(), &["--acknowledged-by", "A", "--paper", &long]));
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("--paper"));
    assert!(o.stderr.len() < 2_000, "{} bytes of stderr", o.stderr.len());
    let o = run(&[OK, &["--weight", &long][..]].concat());
    assert_eq!(o.status.code(), Some(2));
    assert!(o.stderr.len() < 2_000, "{} bytes of stderr", o.stderr.len());
}

#[test]
fn each_command_has_its_own_help_and_the_help_lists_every_exit_code() {
    let o = run(&["order", "--help"]);
    assert_eq!(o.status.code(), Some(0));
    let help = stdout(&o);
    assert!(help.contains("--patient-id") && help.contains("--reason"), "{help}");
    let o = run(&["calc", "--help"]);
    assert!(stdout(&o).contains("--json") && !stdout(&o).contains("--patient-id"));
    let o = run(&["--help"]);
    let help = stdout(&o);
    for code in ["0  ", "1  ", "2  ", "3  ", "4  "] {
        assert!(help.contains(code), "exit code {code:?} missing from --help:\n{help}");
    }
    let o = run(&["completions", "bash"]);
    assert_eq!(o.status.code(), Some(0));
    assert!(stdout(&o).contains("nkact-dose"));
}

#[test]
fn order_without_cycle_or_day1_is_refused_and_calc_says_what_it_assumed() {
    // Regression: `order` without --cycle gave cycle 1 (cyclophosphamide and loading doses for a
    // possibly cycle-3 patient), and without --day1 a sheet with no dates.
    let dir = order_dir("cycle-day1");
    let out = dir.join("o.pdf");
    for missing in ["--cycle", "--day1"] {
        let mut args = order_args(out.to_str().unwrap(), &["--acknowledged-by", "A"]);
        let pos = args.iter().position(|a| *a == missing).unwrap();
        args.drain(pos..pos + 2);
        let o = run(&args);
        assert_eq!(o.status.code(), Some(2), "{missing}: {}", stderr(&o));
        assert!(stderr(&o).contains(missing), "{}", stderr(&o));
        assert!(!out.exists());
    }
    let o = run(OK);
    assert_eq!(o.status.code(), Some(0));
    assert!(stdout(&o).contains("--cycle not given: cycle 1 assumed"), "{}", stdout(&o));
    assert!(stdout(&o).contains("--day1 not given"), "{}", stdout(&o));
    let o = run(&[OK, &["--json"][..]].concat());
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["defaults_used"], serde_json::json!(["cycle", "day1"]));
}

#[test]
fn calc_prints_the_nk_line_once_with_its_route() {
    // Regression: in cycle 1 the NK line appeared twice and without its route.
    let o = run(&[OK, &["--nk-cells", "2e8"][..]].concat());
    let out = stdout(&o);
    assert_eq!(out.matches("NK cells:").count(), 1, "{out}");
    let nk = out.split("NK cells:").nth(1).unwrap();
    assert!(nk.lines().take(4).any(|l| l.contains("Route, day: intravenous (IV) · Day 2")), "{out}");
}

#[test]
fn a_sheet_left_but_not_recorded_exits_4() {
    // Regression: "NOT recorded" still exited 0, invisible to a script.
    let dir = order_dir("not-recorded");
    let out = dir.join("o.pdf");
    let o = run(&order_args(out.to_str().unwrap(), &["--acknowledged-by", "A", "--register", ":memory:"]));
    assert_eq!(o.status.code(), Some(4), "{}", stderr(&o));
    assert!(stderr(&o).contains("NOT recorded"), "{}", stderr(&o));
    assert!(out.exists(), "the sheet itself was written");
    // An empty NKACT_DOSE_REGISTER keeps nothing either.
    let out2 = dir.join("o2.pdf");
    let o = Command::new(BIN)
        .env("LC_ALL", "C.UTF-8")
        .env("NKACT_DOSE_REGISTER", "")
        .args(order_args(out2.to_str().unwrap(), &["--acknowledged-by", "A"]))
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(4), "{}", stderr(&o));
    assert!(!stdout(&o).contains("Recorded"));
}

#[test]
fn warnings_that_need_a_reason_are_refused_without_one() {
    // Every acknowledgement carries who, when and why: one --acknowledged-by no longer
    // acknowledges a warning that needs a reason. Weight 160 kg is over the usual 150 kg.
    let dir = order_dir("reasons");
    let out = dir.join("o.pdf");
    let mut args = order_args(out.to_str().unwrap(), &["--acknowledged-by", "Farm. A. García"]);
    let pos = args.iter().position(|a| *a == "--weight").unwrap();
    args[pos + 1] = "160";
    let o = run(&args);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("weight-soft-limit") && stderr(&o).contains("needs a reason"),
        "{}",
        stderr(&o)
    );
    assert!(!out.exists());
    // A reason for a warning the order does not have is a typo, refused.
    let mut typo = args.clone();
    typo.extend_from_slice(&["--reason", "wieght-soft-limit=weighed today"]);
    assert_eq!(run(&typo).status.code(), Some(2));
    let mut good = args.clone();
    good.extend_from_slice(&[
        "--reason",
        "weight-soft-limit=weighed today on the ward scale",
        "--reason",
        "bsa-soft-limit=follows from the measured weight",
    ]);
    let o = run(&good);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let t = Command::new("pdftotext").arg(&out).arg("-").output();
    if let Some(t) = t.ok().filter(|t| t.status.success()) {
        let t = String::from_utf8_lossy(&t.stdout).replace('\n', " ");
        assert!(t.contains("weighed today on the ward scale"), "{t}");
    }
}

#[test]
fn out_is_always_a_pdf_and_never_the_register() {
    // Found by an adversarial run: `--out REGISTER --force` replaced the register with a PDF.
    let dir = order_dir("out-register");
    let register = dir.join("reg.sqlite3");
    let reg_s = register.to_str().unwrap();
    let first = dir.join("first.pdf");
    let o = run(&order_args(first.to_str().unwrap(), &["--acknowledged-by", "A", "--register", reg_s]));
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let before = std::fs::read(&register).unwrap();
    let o = run(&order_args(reg_s, &["--acknowledged-by", "A", "--register", reg_s, "--force"]));
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert_eq!(std::fs::read(&register).unwrap(), before, "the register was overwritten");
    // A register that is named like a PDF is still not overwritten by the sheet.
    let pdf_register = dir.join("reg.pdf");
    let p = pdf_register.to_str().unwrap();
    let o =
        run(&order_args(dir.join("x.pdf").to_str().unwrap(), &["--acknowledged-by", "A", "--register", p]));
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let before = std::fs::read(&pdf_register).unwrap();
    let o = run(&order_args(p, &["--acknowledged-by", "A", "--register", p, "--force"]));
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(stderr(&o).contains("register itself"), "{}", stderr(&o));
    assert_eq!(std::fs::read(&pdf_register).unwrap(), before);
}

#[test]
fn a_printer_name_with_control_characters_is_refused_before_printing() {
    let dir = order_dir("printer-name");
    let o = run(&order_args(
        dir.join("o.pdf").to_str().unwrap(),
        &["--acknowledged-by", "A", "--print", "--printer", "NKACT_PDF\n"],
    ));
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(!dir.join("o.pdf").exists());
    let o = run(&["order", "--help"]);
    assert!(stdout(&o).contains("4  the sheet was written or printed but NOT recorded"));
}
