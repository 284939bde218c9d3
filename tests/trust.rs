//! What an inspector reads from the register (issue 20, first part), on a SQLite
//! file: `verify` lists every broken record, not only the first, reading the
//! register a page at a time; `register show` writes text from the register
//! escaped and bounded, never raw control or direction marks.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // tests may fail loudly

#[path = "common/scratch.rs"]
mod scratch;

use chrono::NaiveDateTime;
use nkact_dose::order::Order;
use nkact_dose::register::{Register, RegisterAction};
use nkact_dose::settings::Settings;

const BIN: &str = env!("CARGO_BIN_EXE_nkact-dose");

fn at(s: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap()
}

fn order(record: &str) -> Order {
    let mut o = Order::new(at("2026-03-01 09:00"), Settings::default());
    o.patient.name = "Ana Ruiz".into();
    o.patient.identifier = record.into();
    o.patient.date_of_birth = "1970-01-01".into();
    o.patient.allergies = "none known".into();
    o.inputs.weight = "70".into();
    o.inputs.height = "170".into();
    o.inputs.cycle = "2".into();
    o.inputs.day1 = "2026-03-09".into();
    o.inputs.last_trastuzumab = "2026-02-16".into();
    o.inputs.last_pertuzumab = "2026-02-16".into();
    o.issued_by = "Farm. A. García".into();
    o
}

#[test]
// Shows: REQ-REG-001
fn verify_lists_every_broken_record_not_only_the_first() {
    let d = scratch::root().join(format!("trust-verify-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    let path = d.join("register.sqlite3");
    let mut reg = Register::open(&path).unwrap();
    // More records than one page of the streaming check (5 000), so breaks fall in two pages.
    let items: Vec<_> = (0..6_200)
        .map(|i| {
            let o = order(&format!("HC-{i}"));
            let r = o.report().unwrap();
            (o, r, RegisterAction::Exported, at("2026-03-01 10:00"))
        })
        .collect();
    reg.record_many(&items).unwrap();
    assert_eq!(reg.verify().unwrap().bad, vec![], "intact");
    drop(reg);
    // Three edits made around the program (triggers dropped), far apart.
    let c = rusqlite::Connection::open(&path).unwrap();
    c.execute_batch(
        "DROP TRIGGER IF EXISTS entries_append_only_update;
         UPDATE entries SET doses = replace(doses, '\"dose\":', '\"dose\":1') WHERE id IN (10, 4321, 6100);",
    )
    .unwrap();
    drop(c);
    let mut reg = Register::open(&path).unwrap();
    let report = reg.verify().unwrap();
    let ids: Vec<i64> = report.bad.iter().map(|(id, _)| *id).collect();
    assert_eq!(ids, vec![10, 4321, 6100], "every edit, and only the edits: {:?}", report.bad);
    assert_eq!(report.first_bad, Some((10, "entries".to_owned())));
    // The command line names the first and lists the others.
    let o = std::process::Command::new(BIN)
        .env("LC_ALL", "C.UTF-8")
        .args(["register", "verify", "--register"])
        .arg(&path)
        .output()
        .unwrap();
    let said = String::from_utf8_lossy(&o.stdout);
    assert_eq!(o.status.code(), Some(1), "{said}");
    assert!(
        said.contains("BROKEN at record 10") && said.contains("4321 (entries)") && said.contains("6100"),
        "{said}"
    );
}

#[test]
fn show_escapes_what_the_register_holds() {
    let d = scratch::root().join(format!("trust-show-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    let path = d.join("register.sqlite3");
    let mut reg = Register::open(&path).unwrap();
    let o = order("HC-1");
    reg.record(&o, &o.report().unwrap(), RegisterAction::Exported, at("2026-03-01 10:00")).unwrap();
    drop(reg);
    // A step detail written around the program, with a bidi override and an escape sequence.
    let c = rusqlite::Connection::open(&path).unwrap();
    c.execute(
        "INSERT INTO events (id, order_id, revision, step, person, role, ok, detail, at)
         VALUES (999, ?1, 1, 'validated', 'Eve', 'pharmacist', 1, ?2, '2026-03-01T10:00:00Z')",
        rusqlite::params![o.order_id, "ok \u{202E}lanigiro\u{1b}[31m"],
    )
    .unwrap();
    drop(c);
    let out = std::process::Command::new(BIN)
        .env("LC_ALL", "C.UTF-8")
        .args(["register", "show", &o.order_id, "--register"])
        .arg(&path)
        .output()
        .unwrap();
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(
        !said.contains('\u{202E}') && !said.contains('\u{1b}'),
        "raw marks reached the terminal: {said:?}"
    );
    assert!(said.contains("\\u{202e}"), "the mark is shown escaped: {said}");
}

#[test]
fn a_register_url_never_shows_its_password() {
    use nkact_dose::register::redact;
    for (url, secret) in [
        ("postgres://nkact:s3cret@db.hospital.es:5432/nkact", "s3cret"),
        ("postgres://nkact:p@ss@word@db.hospital.es/nkact", "ss@word"),
        ("postgres://nkact@db.hospital.es/nkact?password=s3cret&sslmode=verify-full", "s3cret"),
        ("postgresql://nkact@db.hospital.es/nkact?sslmode=require&PASSWORD=s3cret", "s3cret"),
        ("postgres://nkact:a?b@db.hospital.es/nkact", "a?b"),
    ] {
        let shown = redact(url);
        assert!(!shown.contains(secret), "{url} shown as {shown}");
        assert!(shown.contains("db.hospital.es"), "{shown}");
    }
    // An unreachable register with the password in the URL: the message never holds it.
    let o = std::process::Command::new(BIN)
        .env("LC_ALL", "C.UTF-8")
        .args(["register", "list", "--register", "postgres://nkact:p@ss@127.0.0.1:1/nkact?password=s3cret"])
        .output()
        .unwrap();
    let said = format!("{}{}", String::from_utf8_lossy(&o.stdout), String::from_utf8_lossy(&o.stderr));
    assert!(!said.contains("ss@") && !said.contains("s3cret"), "{said}");
}

#[test]
fn a_register_of_an_odd_schema_version_is_refused_in_words() {
    for version in [2, -1, 4] {
        let d = scratch::root().join(format!("trust-version-{version}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&d);
        std::fs::create_dir_all(&d).unwrap();
        let path = d.join("register.sqlite3");
        let c = rusqlite::Connection::open(&path).unwrap();
        c.execute_batch(&format!("CREATE TABLE unrelated (x INTEGER); PRAGMA user_version = {version};"))
            .unwrap();
        drop(c);
        let e = Register::open(&path).err().expect("refused");
        let said = nkact_dose::present::Words::english().register_error(&e);
        assert!(
            said.contains("damaged or not a register") && said.contains(&format!("schema version {version}")),
            "{said}"
        );
    }
}

#[test]
fn register_commands_bound_what_they_echo_and_refuse_unreadable_filters() {
    let d = scratch::root().join(format!("trust-bounds-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    let path = d.join("register.sqlite3");
    let mut reg = Register::open(&path).unwrap();
    let o = order("HC-1");
    reg.record(&o, &o.report().unwrap(), RegisterAction::Exported, at("2026-03-01 10:00")).unwrap();
    drop(reg);
    // A record-number filter that is not text: refused, not read as "every patient".
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt;
        let o = std::process::Command::new(BIN)
            .env("LC_ALL", "C.UTF-8")
            .args(["register", "list", "--patient-id"])
            .arg(std::ffi::OsStr::from_bytes(b"HC-\xff"))
            .arg("--register")
            .arg(&path)
            .output()
            .unwrap();
        assert_eq!(o.status.code(), Some(2), "{}", String::from_utf8_lossy(&o.stdout));
        assert!(!String::from_utf8_lossy(&o.stdout).contains("HC-1"));
    }
    // A 120 kB order ID is not echoed back whole.
    let long = "X".repeat(120_000);
    let secret = d.join("s");
    std::fs::write(&secret, "whatever-1\n").unwrap();
    let o = std::process::Command::new(BIN)
        .env("LC_ALL", "C.UTF-8")
        .args(["register", "show", &long, "--register"])
        .arg(&path)
        .output()
        .unwrap();
    assert!(o.stderr.len() < 2_000, "{} bytes echoed", o.stderr.len());
}
