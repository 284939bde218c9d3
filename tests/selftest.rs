//! `nkact-dose selftest`, the operational qualification (issue 22): the installed binary
//! runs the reference cases it carries, a sheet in each language read back, the fonts and
//! the register; it says pass or fail per case with the version, the binary's SHA-256, the
//! date and the workstation, and exits non-zero naming a case that fails — shown here by
//! feeding it a case set with one wrong expectation, not by breaking the program.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // tests may fail loudly

#[path = "common/scratch.rs"]
mod scratch;

use std::process::{Command, Output};

use sha2::{Digest, Sha256};

fn selftest(args: &[&str]) -> (Output, std::time::Duration) {
    let started = std::time::Instant::now();
    let o = Command::new(env!("CARGO_BIN_EXE_nkact-dose"))
        .env("LC_ALL", "C.UTF-8")
        .env_remove("NKACT_DOSE_REGISTER")
        .arg("selftest")
        .args(args)
        .output()
        .unwrap();
    (o, started.elapsed())
}

#[test]
// Shows: REQ-SELF-001
fn the_installed_binary_qualifies_itself_and_says_what_it_ran() {
    let (o, took) = selftest(&["--json"]);
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(took.as_secs_f64() < 10.0, "under 10 s: {took:?}");
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["passed"], true);
    assert_eq!(v["version"], env!("CARGO_PKG_VERSION"));
    let binary = std::fs::read(env!("CARGO_BIN_EXE_nkact-dose")).unwrap();
    let sha: String = Sha256::digest(&binary).iter().map(|b| format!("{b:02x}")).collect();
    assert_eq!(v["binary_sha256"], sha, "the SHA-256 of the binary that ran");
    assert!(!v["workstation"].as_str().unwrap().is_empty());
    let ids: Vec<&str> = v["cases"].as_array().unwrap().iter().map(|c| c["id"].as_str().unwrap()).collect();
    let embedded = nkact_dose::domain::qualification::embedded();
    for c in &embedded.cases {
        assert!(ids.contains(&c.id.as_str()), "{} was run", c.id);
    }
    for id in ["sheet-en", "sheet-es", "sheet-ca", "fonts"] {
        assert!(ids.contains(&id), "{id} was run: {ids:?}");
    }
    // In words, in Spanish, with a PDF report.
    let d = scratch::root().join(format!("selftest-{}", std::process::id()));
    std::fs::create_dir_all(&d).unwrap();
    let pdf = d.join("oq.pdf");
    let (o, _) = selftest(&["--lang", "es", "--out", pdf.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
    let text = String::from_utf8_lossy(&o.stdout);
    assert!(text.contains("CORRECTO  bsa-mosteller-170-70"), "{text}");
    assert!(text.contains(&sha), "{text}");
    assert!(std::fs::read(&pdf).unwrap().starts_with(b"%PDF-"), "the report is a PDF");
}

#[test]
// Shows: REQ-SELF-001
fn a_case_with_a_wrong_expectation_fails_naming_it() {
    let d = scratch::root().join(format!("selftest-broken-{}", std::process::id()));
    std::fs::create_dir_all(&d).unwrap();
    let mut set: serde_json::Value =
        serde_json::from_str(nkact_dose::domain::qualification::EMBEDDED).unwrap();
    let case = set["cases"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .find(|c| c["id"] == "dose-cycle1-trastuzumab")
        .unwrap();
    case["expected"] = serde_json::json!(561.0);
    let f = d.join("broken.json");
    std::fs::write(&f, serde_json::to_string(&set).unwrap()).unwrap();
    let (o, _) = selftest(&["--cases", f.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1), "a failed case fails the run");
    let text = String::from_utf8_lossy(&o.stdout);
    assert!(text.contains("FAIL  dose-cycle1-trastuzumab: expected 561, got 560"), "{text}");
    assert_eq!(text.matches("FAIL ").count(), 1, "only that case fails:\n{text}");
    assert!(text.contains("1 of "), "{text}");
    // A register that is configured is checked: an unreachable one fails the run too.
    let (o, _) = selftest(&["--register", "postgres://nkact@127.0.0.1:1/register?sslmode=disable"]);
    assert_eq!(o.status.code(), Some(1), "{}", String::from_utf8_lossy(&o.stdout));
    assert!(String::from_utf8_lossy(&o.stdout).contains("FAIL  register"));
    // A reachable one passes.
    let (o, _) = selftest(&["--register", d.join("register.sqlite3").to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stdout));
    assert!(String::from_utf8_lossy(&o.stdout).contains("PASS  register"));
}
