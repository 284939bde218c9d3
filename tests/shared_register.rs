//! The shared register end to end through the built binary (issue 12), the
//! same bodies against a SQLite file and against the real PostgreSQL server:
//! people and their secrets, the signed chain from issue to administration,
//! the trial's stagger rule at its edges (expansion 47 h 59 min / 48 h after
//! the previous patient's last IL-2; lead-in 27 / 28 days after the previous
//! patient's Day 1, trial record), the override, `register verify` on a
//! tampered dose, and the JSON of `register list`; the stagger rule across the
//! spring and autumn 2026 clock changes in Madrid, with instants stored in UTC
//! (issue 18).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::float_cmp)] // tests may fail loudly

#[path = "common/eligible.rs"]
mod eligible;
#[path = "common/pg.rs"]
mod pg;
#[path = "common/scratch.rs"]
mod scratch;
#[path = "common/ward.rs"]
mod ward;

use ward::{Ward, ok};

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const BIN: &str = env!("CARGO_BIN_EXE_nkact-dose");

impl Ward {
    /// Runs the program at a workstation in Madrid (the trial's sites: Europe/Madrid).
    fn run(&self, args: &[&str]) -> Output {
        self.run_in("Europe/Madrid", args)
    }

    /// Runs the program at a workstation whose time zone is `tz`.
    fn run_in(&self, tz: &str, args: &[&str]) -> Output {
        self.command(tz, args).output().expect("binary runs")
    }

    /// An order for `subject`, cycle 1, signed by `signer`; extra options last.
    fn order(
        &self,
        subject: &str,
        day1: &str,
        signer: &str,
        secret_file: &str,
        extra: &[&str],
    ) -> (Output, PathBuf) {
        let out = self.dir.join(format!("{subject}-{}.pdf", extra.len()));
        let mut args: Vec<String> = [
            "order",
            "--weight",
            "70",
            "--height",
            "170",
            "--cycle",
            "1",
            "--day1",
            day1,
            "--nk-cells",
            "2e8",
            "--name",
            "Ana Ruiz",
            "--patient-id",
            &format!("HC-{subject}"),
            "--dob",
            "1970-01-01",
            "--allergies",
            "none known",
            "--subject",
            subject,
            "--as",
            signer,
            "--secret-file",
            secret_file,
            "--force",
            "--out",
        ]
        .iter()
        .map(|s| (*s).to_owned())
        .collect();
        args.push(out.to_string_lossy().into_owned());
        args.extend(eligible::args(day1));
        args.extend(extra.iter().map(|s| (*s).to_owned()));
        let refs: Vec<&str> = args.iter().map(String::as_str).collect();
        (self.run(&refs), out)
    }
}

fn refused(o: &Output, says: &str) {
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(2), "{err}");
    assert!(err.contains(says), "{says:?} not in: {err}");
}

fn pdf_text(path: &Path) -> String {
    let bytes = std::fs::read(path).unwrap();
    let doc =
        printpdf::PdfDocument::parse(&bytes, &printpdf::PdfParseOptions::default(), &mut Vec::new()).unwrap();
    doc.extract_text().into_iter().flatten().collect::<Vec<_>>().join(" ")
}

on_both_engines!("nkact-shared", a_trial_pharmacy_from_set_up_to_administration);
fn a_trial_pharmacy_from_set_up_to_administration(w: &Ward) {
    let admin = w.secret("admin", "admin-secret-1-Qv7x");
    let doctor = w.secret("doctor", "doctor-pin-1-Hp2k");
    let pharmacist = w.secret("pharmacist", "pharm-pin-1-Xc5n");
    let nurse = w.secret("nurse", "nurse-pin-1-Lw3z");
    // Before set-up, the register works as today and says so.
    let o = w.run(&["register", "people", "list"]);
    ok(&o);
    assert!(String::from_utf8_lossy(&o.stdout).contains("no people"));
    ok(&w.run(&["register", "init", "--admin", "Admin Farmacia", "--secret-file", &admin]));
    refused(&w.run(&["register", "init", "--admin", "Someone", "--secret-file", &admin]), "once");
    for (name, role, secret) in [
        ("Dra. L. Martín", "prescriber", &doctor),
        ("Farm. A. García", "pharmacist", &pharmacist),
        ("Enf. D. Ruiz", "nurse", &nurse),
    ] {
        ok(&w.run(&[
            "register",
            "people",
            "add",
            name,
            "--role",
            role,
            "--secret-file",
            secret,
            "--as",
            "Admin Farmacia",
            "--as-secret-file",
            &admin,
        ]));
    }
    // Only an administrator manages people.
    refused(
        &w.run(&[
            "register",
            "people",
            "disable",
            "Enf. D. Ruiz",
            "--as",
            "Farm. A. García",
            "--as-secret-file",
            &pharmacist,
        ]),
        "may not",
    );
    let people = String::from_utf8_lossy(&w.run(&["register", "people", "list"]).stdout).into_owned();
    assert!(
        people.contains("Dra. L. Martín · prescriber") && people.contains("Enf. D. Ruiz · nurse"),
        "{people}"
    );

    // An order must now be signed; a wrong PIN is refused and recorded.
    let wrong = w.secret("wrong", "not-her-pin");
    let (o, out) = w.order("S-01", "2026-07-01", "Dra. L. Martín", &wrong, &["--cohort", "expansion"]);
    refused(&o, "does not match");
    assert!(!out.exists());
    let mut reg = nkact_dose::register::Register::connect(&w.loc).unwrap();
    assert_eq!(reg.failed_logins("Dra. L. Martín").unwrap(), 1);
    let (o, out) = w.order("S-01", "2026-07-01", "Dra. L. Martín", &doctor, &["--cohort", "expansion"]);
    ok(&o);
    let t = pdf_text(&out);
    assert!(t.contains("Signed in the register") && t.contains("Issued: Dra. L. Martín (prescriber)"), "{t}");
    assert!(t.contains("Trial subject") && t.contains("S-01"), "{t}");

    // register list --json: the keys the issue names.
    let o = w.run(&["register", "list", "--json"]);
    ok(&o);
    let list: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let e = &list[0];
    for key in ["order_id", "revision", "patient_id", "subject", "cohort", "action", "at", "doses"] {
        assert!(e.get(key).is_some(), "{key} missing: {e}");
    }
    assert_eq!(e["subject"], "S-01");
    assert_eq!(e["cohort"], "expansion");
    let order_id = e["order_id"].as_str().unwrap().to_owned();
    let entry_id = e["id"].as_i64().unwrap().to_string();

    // The chain: the prescriber may not validate; the pharmacist validates, and cannot also double-check.
    refused(
        &w.run(&[
            "register",
            "sign",
            &order_id,
            "--step",
            "validated",
            "--as",
            "Dra. L. Martín",
            "--secret-file",
            &doctor,
        ]),
        "may not",
    );
    refused(
        &w.run(&[
            "register",
            "sign",
            &order_id,
            "--step",
            "double-checked",
            "--as",
            "Dra. L. Martín",
            "--secret-file",
            &doctor,
        ]),
        "may not",
    );
    ok(&w.run(&[
        "register",
        "sign",
        &order_id,
        "--step",
        "validated",
        "--as",
        "Farm. A. García",
        "--secret-file",
        &pharmacist,
    ]));
    refused(
        &w.run(&[
            "register",
            "sign",
            &order_id,
            "--step",
            "double-checked",
            "--as",
            "Farm. A. García",
            "--secret-file",
            &pharmacist,
        ]),
        "another person",
    );
    ok(&w.run(&[
        "register",
        "sign",
        &order_id,
        "--step",
        "double-checked",
        "--as",
        "Enf. D. Ruiz",
        "--secret-file",
        &nurse,
    ]));
    ok(&w.run(&[
        "register",
        "sign",
        &order_id,
        "--step",
        "administered",
        "--as",
        "Enf. D. Ruiz",
        "--secret-file",
        &nurse,
        "--drug",
        "interleukin-2",
        "--day",
        "6",
        "--at",
        "2026-07-06 10:00",
    ]));
    let shown: serde_json::Value =
        serde_json::from_slice(&w.run(&["register", "show", &entry_id, "--json"]).stdout).unwrap();
    let steps: Vec<&str> =
        shown["chain"].as_array().unwrap().iter().map(|s| s["step"].as_str().unwrap()).collect();
    // Each acknowledgement is signed too, by the person who issued.
    assert!(steps.contains(&"acknowledged"), "{shown}");
    let main: Vec<&str> = steps.into_iter().filter(|s| *s != "acknowledged").collect();
    assert_eq!(main, ["issued", "validated", "double-checked", "administered"], "{shown}");
    // A reprint prints the chain.
    let again = w.dir.join("again.pdf");
    // In a register that knows people, a reprint is signed by who makes it (issue 20).
    ok(&w.run(&[
        "register",
        "reprint",
        &entry_id,
        "--out",
        again.to_str().unwrap(),
        "--as",
        "Farm. A. García",
        "--secret-file",
        &pharmacist,
    ]));
    let t = pdf_text(&again);
    assert!(t.contains("Pharmaceutical validation: Farm. A. García (pharmacist)"), "{t}");
    assert!(t.contains("Administered: Enf. D. Ruiz (nurse)"), "{t}");

    // Expansion: the next patient 48 h after S-01's last IL-2 (2026-07-06 10:00) at the earliest.
    let o = w.run(&["register", "next-start", "--cohort", "expansion", "--json"]);
    ok(&o);
    let next: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(next["earliest"], "2026-07-08T10:00:00", "{next}");
    // S-02: Day 1 2026-07-13, cyclophosphamide on Day -5 = 2026-07-08.
    let cyclo = |time: &'static str| -> Vec<&'static str> {
        vec![
            "--cohort",
            "expansion",
            "--cyclophosphamide-date",
            "2026-07-08",
            "--cyclophosphamide-time",
            time,
        ]
    };
    let (o, out) = w.order("S-02", "2026-07-13", "Dra. L. Martín", &doctor, &cyclo("09:59"));
    refused(&o, "before the trial allows");
    assert!(!out.exists());
    let (o, _) = w.order("S-02", "2026-07-13", "Dra. L. Martín", &doctor, &cyclo("10:00"));
    ok(&o);

    // Lead-in: the next patient 28 days after the previous patient's (S-02) Day 1, 2026-07-13.
    let lead_in = |date: &'static str| -> Vec<&'static str> {
        vec!["--cohort", "lead-in", "--cyclophosphamide-date", date]
    };
    let (o, _) = w.order("S-03", "2026-08-14", "Dra. L. Martín", &doctor, &lead_in("2026-08-09"));
    refused(&o, "before the trial allows");
    let (o, _) = w.order("S-03", "2026-08-14", "Dra. L. Martín", &doctor, &lead_in("2026-08-10"));
    ok(&o);
    // The override, with a typed reason, signed and printed.
    let mut early = lead_in("2026-08-09");
    early.extend(["--stagger-override", "DSMB approved an earlier start on 2026-08-05"]);
    let (o, out) = w.order("S-04", "2026-08-14", "Dra. L. Martín", &doctor, &early);
    ok(&o);
    let t = pdf_text(&out);
    assert!(
        t.contains("OVERRIDDEN by Dra. L. Martín") && t.contains("DSMB approved an earlier start"),
        "{t}"
    );

    // A criterion's override is a prescriber's: a pharmacist signing the order may not give one.
    let mut low = vec!["--cohort", "lead-in", "--cyclophosphamide-date", "2026-09-15"];
    low.extend(["--lab", "platelets=92 x10^9/L@2026-09-15", "--override", "platelets=haematology agrees"]);
    let (o, out) = w.order("S-05", "2026-09-19", "Farm. A. García", &pharmacist, &low);
    refused(&o, "may not sign");
    assert!(!out.exists());

    // The chain is intact; an edit behind the program's back is found and named.
    let o = w.run(&["register", "verify"]);
    ok(&o);
    assert!(String::from_utf8_lossy(&o.stdout).contains("intact"));
    drop(reg);
    let sql = format!("UPDATE entries SET doses = replace(doses, '1092', '1192') WHERE id = {entry_id}");
    if w.loc.starts_with("postgres") {
        let mut c = postgres::Client::connect(&w.loc, postgres::NoTls).unwrap();
        c.batch_execute(&format!(
            "ALTER TABLE entries DISABLE TRIGGER ALL; {sql}; ALTER TABLE entries ENABLE TRIGGER ALL;"
        ))
        .unwrap();
    } else {
        let c = rusqlite::Connection::open(&w.loc).unwrap();
        c.execute_batch(&format!("DROP TRIGGER entries_append_only_update; {sql};")).unwrap();
    }
    let o = w.run(&["register", "verify"]);
    assert_eq!(o.status.code(), Some(1));
    let said = String::from_utf8_lossy(&o.stdout);
    assert!(said.contains(&format!("record {entry_id} (entries)")), "{said}");
}

on_both_engines!("nkact-shared", the_stagger_rule_counts_elapsed_hours_across_clock_changes);
fn the_stagger_rule_counts_elapsed_hours_across_clock_changes(w: &Ward) {
    let admin = w.secret("admin", "admin-secret-1-Qv7x");
    let doctor = w.secret("doctor", "doctor-pin-1-Hp2k");
    let nurse = w.secret("nurse", "nurse-pin-1-Lw3z");
    ok(&w.run(&["register", "init", "--admin", "Admin Farmacia", "--secret-file", &admin]));
    for (name, role, secret) in [("Dra. L. Martín", "prescriber", &doctor), ("Enf. D. Ruiz", "nurse", &nurse)]
    {
        ok(&w.run(&[
            "register",
            "people",
            "add",
            name,
            "--role",
            role,
            "--secret-file",
            secret,
            "--as",
            "Admin Farmacia",
            "--as-secret-file",
            &admin,
        ]));
    }
    let sign_il2 = |order_id: &str, at: &str| {
        w.run(&[
            "register",
            "sign",
            order_id,
            "--step",
            "administered",
            "--as",
            "Enf. D. Ruiz",
            "--secret-file",
            &nurse,
            "--drug",
            "interleukin-2",
            "--day",
            "6",
            "--at",
            at,
        ])
    };
    let last_order_id = || -> String {
        let list: serde_json::Value =
            serde_json::from_slice(&w.run(&["register", "list", "--json"]).stdout).unwrap();
        list[0]["order_id"].as_str().unwrap().to_owned()
    };
    // S-01, expansion, Day 1 2026-03-23: Day 6 is 2026-03-28, the day before the spring change.
    let (o, _) = w.order("S-01", "2026-03-23", "Dra. L. Martín", &doctor, &["--cohort", "expansion"]);
    ok(&o);
    let s01 = last_order_id();
    // A time the clocks skipped (02:30 on 2026-03-29 does not exist in Madrid) is refused.
    let o = sign_il2(&s01, "2026-03-29 02:30");
    assert_eq!(o.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&o.stderr).contains("does not exist"),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    // An IL-2 time far from its Day 6, or in the future, is refused and moves nothing.
    for at in ["2026-03-20 10:00", "2030-03-28 10:00"] {
        let o = sign_il2(&s01, at);
        assert_eq!(o.status.code(), Some(2), "{at}: {}", String::from_utf8_lossy(&o.stdout));
    }
    ok(&sign_il2(&s01, "2026-03-28 10:00"));
    // Stored as the instant in UTC (10:00 CET = 09:00 UTC), shown in local time.
    let shown =
        String::from_utf8_lossy(&w.run(&["register", "show", &s01_entry(w), "--json"]).stdout).into_owned();
    assert!(shown.contains("interleukin-2 day 6 at 2026-03-28T09:00:00Z"), "{shown}");
    // 48 h of elapsed time end at 11:00 on 30 March by the (now summer) clock.
    let next: serde_json::Value =
        serde_json::from_slice(&w.run(&["register", "next-start", "--cohort", "expansion", "--json"]).stdout)
            .unwrap();
    assert_eq!(next["earliest"], "2026-03-30T11:00:00", "{next}");
    assert_eq!(next["earliest_utc"], "2026-03-30T09:00:00Z", "{next}");
    // The same register read from a workstation in another zone names the same instant.
    let there: serde_json::Value = serde_json::from_slice(
        &w.run_in("America/New_York", &["register", "next-start", "--cohort", "expansion", "--json"]).stdout,
    )
    .unwrap();
    assert_eq!(there["earliest_utc"], "2026-03-30T09:00:00Z", "{there}");
    // S-02 (expansion), Day 1 2026-04-04: cyclophosphamide on Day -5, 2026-03-30. At 10:30 only
    // 47 h 30 min have passed; at 11:00, 48 h.
    let cyclo = |time: &'static str| -> Vec<&'static str> {
        vec![
            "--cohort",
            "expansion",
            "--cyclophosphamide-date",
            "2026-03-30",
            "--cyclophosphamide-time",
            time,
        ]
    };
    let (o, out) = w.order("S-02", "2026-04-04", "Dra. L. Martín", &doctor, &cyclo("10:30"));
    refused(&o, "before the trial allows");
    assert!(!out.exists());
    let (o, _) = w.order("S-02", "2026-04-04", "Dra. L. Martín", &doctor, &cyclo("11:00"));
    ok(&o);
    // Autumn: S-02's Day 6 is 2026-04-09; an expansion patient after the autumn change.
    // S-03's Day 1 2026-10-31, Day 6 2026-10-24 is not theirs: use S-03 with Day 1 2026-10-19
    // (Day 6 2026-10-24, the day before the change), S-04 48 h later reads 09:00.
    let (o, _) = w.order("S-03", "2026-10-19", "Dra. L. Martín", &doctor, &cyclo_on("2026-10-14", "08:00"));
    ok(&o);
    let s03 = last_order_id();
    // 02:30 on 2026-10-25 happened twice in Madrid: refused, not guessed.
    let o = sign_il2(&s03, "2026-10-25 02:30");
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("twice"), "{}", String::from_utf8_lossy(&o.stderr));
    ok(&sign_il2(&s03, "2026-10-24 10:00"));
    let (o, _) = w.order("S-04", "2026-10-31", "Dra. L. Martín", &doctor, &cyclo_on("2026-10-26", "08:59"));
    refused(&o, "before the trial allows");
    let (o, _) = w.order("S-04", "2026-10-31", "Dra. L. Martín", &doctor, &cyclo_on("2026-10-26", "09:00"));
    ok(&o);
}

/// The cohort and a cyclophosphamide day and time, as `order` options.
fn cyclo_on(date: &'static str, time: &'static str) -> Vec<&'static str> {
    vec!["--cohort", "expansion", "--cyclophosphamide-date", date, "--cyclophosphamide-time", time]
}

/// The register entry of S-01's sheet (the oldest).
fn s01_entry(w: &Ward) -> String {
    let list: serde_json::Value =
        serde_json::from_slice(&w.run(&["register", "list", "--json"]).stdout).unwrap();
    let all = list.as_array().unwrap();
    all.iter().find(|e| e["subject"] == "S-01").unwrap()["id"].as_i64().unwrap().to_string()
}

#[test]
fn secrets_are_never_taken_from_an_argument() {
    let d = ward::dir("nkact-shared", "secret-arg");
    let loc = d.join("r.sqlite3").to_string_lossy().into_owned();
    let o = Command::new(BIN)
        .args(["register", "init", "--admin", "A", "--secret", "pw123456", "--register", &loc])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    // From the environment, it is accepted.
    let o = Command::new(BIN)
        .env("NKACT_DOSE_SECRET", "admin-secret-1-Qv7x")
        .args(["register", "init", "--admin", "Admin", "--register", &loc])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
}

#[test]
fn a_server_that_cannot_be_reached_never_counts_a_sheet_as_recorded() {
    // Nothing listens on loopback port 9: the sheet still leaves, exit 4, and says why.
    let d = ward::dir("nkact-shared", "unreachable");
    let out = d.join("o.pdf");
    let mut args: Vec<String> = [
        "order",
        "--weight",
        "70",
        "--height",
        "170",
        "--cycle",
        "1",
        "--day1",
        "2026-07-01",
        "--nk-cells",
        "2e8",
        "--name",
        "Ana Ruiz",
        "--patient-id",
        "HC-1",
        "--dob",
        "1970-01-01",
        "--allergies",
        "none known",
        "--acknowledged-by",
        "A",
        "--register",
        "postgres://nkact:secret-pw@127.0.0.1:9/nkact",
        "--out",
    ]
    .iter()
    .map(|s| (*s).to_owned())
    .collect();
    args.push(out.to_string_lossy().into_owned());
    args.extend(eligible::args("2026-07-01"));
    let started = std::time::Instant::now();
    let o = Command::new(BIN).env("LC_ALL", "C.UTF-8").args(&args).output().unwrap();
    assert!(started.elapsed() < std::time::Duration::from_secs(10), "no hang");
    assert_eq!(o.status.code(), Some(4), "{}", String::from_utf8_lossy(&o.stderr));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("cannot be reached") && !err.contains("secret-pw"), "{err}");
    assert!(!String::from_utf8_lossy(&o.stdout).contains("Recorded"));
    assert!(out.exists());
}

#[test]
fn a_connection_lost_mid_run_loses_nothing_already_recorded() {
    let Some(url) = pg::fresh("lost") else { return };
    let mut reg = nkact_dose::register::Register::connect(&url).unwrap();
    let mut o = nkact_dose::order::Order::new(
        chrono::NaiveDateTime::parse_from_str("2025-09-29 09:00", "%Y-%m-%d %H:%M").unwrap(),
        nkact_dose::settings::Settings::default(),
    );
    o.patient = nkact_dose::order::Patient {
        name: "Ana Ruiz".into(),
        identifier: "HC-1".into(),
        date_of_birth: "1970-01-01".into(),
        allergies: "none known".into(),
    };
    o.inputs.weight = "70".into();
    o.inputs.height = "170".into();
    o.inputs.cycle = "2".into();
    let r = o.report().unwrap();
    let at = o.created;
    reg.record(&o, &r, nkact_dose::register::RegisterAction::Exported, at).unwrap();
    // The server ends this workstation's session (a restart, a network cut).
    let db = url.rsplit('/').next().unwrap().to_owned();
    let mut admin = postgres::Client::connect(&pg::base_url().unwrap(), postgres::NoTls).unwrap();
    admin
        .execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND application_name = 'nkact-dose'",
            &[&db],
        )
        .unwrap();
    let e = reg
        .record(&o, &r, nkact_dose::register::RegisterAction::Printed, at)
        .expect_err("the session is gone");
    assert!(matches!(e, nkact_dose::register::RegisterError::Connection(..)), "{e:?}");
    // Reconnected, the first entry is there, and the chain is intact.
    let mut reg = nkact_dose::register::Register::connect(&url).unwrap();
    assert_eq!(reg.list(&nkact_dose::register::Filter::default()).unwrap().len(), 1);
    assert_eq!(reg.verify().unwrap().first_bad, None);
}
