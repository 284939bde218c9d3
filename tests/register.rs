//! The order register: records, survives reopening, filters, migrates, and
//! refuses a database it cannot use with a clear message.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::float_cmp)] // tests may fail loudly

#[path = "common/eligible.rs"]
mod eligible;

#[path = "common/pg.rs"]
mod pg;

use std::path::PathBuf;

use chrono::NaiveDateTime;
use nkact_dose::order::{Order, Patient, Verification};
use nkact_dose::register::{Filter, Register, RegisterAction, RegisterError};
use nkact_dose::settings::Settings;

fn at(s: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap()
}

fn dir(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("nkact-register-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn order(id: &str, name: &str, weight: &str) -> Order {
    let mut o = Order::new(at("2026-03-01 09:00"), Settings::default());
    o.patient = Patient {
        name: name.into(),
        identifier: id.into(),
        date_of_birth: "1970-01-01".into(),
        allergies: "none known".into(),
    };
    o.inputs.weight = weight.into();
    o.inputs.height = "170".into();
    o.inputs.nk_cells = "2e8".into();
    o.inputs.day1 = "2026-03-02".into();
    if !o.inputs.day1.is_empty() {
        o.clinical = eligible::clinical(&o.inputs.day1);
    }
    o.issued_by = "Farm. A. García".into();
    o
}

/// Runs a test body against a SQLite register and against the real PostgreSQL server.
macro_rules! on_both_engines {
    ($name:ident) => {
        mod $name {
            #[test]
            fn sqlite() {
                let d = super::dir(concat!(stringify!($name), "-sqlite"));
                super::$name(&d.join("register.sqlite3").to_string_lossy());
            }
            #[test]
            fn postgres() {
                if let Some(url) = super::pg::fresh(stringify!($name)) {
                    super::$name(&url);
                }
            }
        }
    };
}

on_both_engines!(records_survive_reopening_and_list_newest_first);
fn records_survive_reopening_and_list_newest_first(loc: &str) {
    let a = order("HC-1", "Ana Pérez", "70");
    let mut b = order("HC-2", "Lucía Gómez", "64");
    b.verification = Some(Verification { verifier: "Enf. C. Ruiz".into(), at: at("2026-03-01 10:00") });
    {
        let mut reg = Register::connect(loc).unwrap();
        reg.record(&a, &a.report().unwrap(), RegisterAction::Exported, at("2026-03-01 09:30")).unwrap();
        reg.record(&b, &b.report().unwrap(), RegisterAction::Printed, at("2026-03-01 11:00")).unwrap();
        reg.record(&a, &a.report().unwrap(), RegisterAction::Reprinted, at("2026-03-02 08:00")).unwrap();
    }
    let mut reg = Register::connect(loc).unwrap();
    let all = reg.list(&Filter::default()).unwrap();
    let actions: Vec<RegisterAction> = all.iter().map(|e| e.action).collect();
    assert_eq!(actions, [RegisterAction::Reprinted, RegisterAction::Printed, RegisterAction::Exported]);
    // A reprint carries the same fingerprint as the first issue.
    assert_eq!(all[0].fingerprint, all[2].fingerprint);
    assert_eq!(all[0].fingerprint, a.fingerprint());
    // What an entry holds (Protocol × Facts Mosteller 170/70 → 1.82 m²: cyclophosphamide 1092 mg).
    let first = &all[2];
    assert_eq!(first.patient_name, "Ana Pérez");
    assert_eq!(first.patient_id, "HC-1");
    assert_eq!(first.cycle, 1);
    assert_eq!(first.day1.as_deref(), Some("2026-03-02"));
    assert_eq!(first.nk_count, Some(2e8));
    assert_eq!(first.nk_state, "within-range");
    assert_eq!(first.issued_by, "Farm. A. García");
    assert!(first.doses.iter().any(|d| d.drug == "cyclophosphamide" && d.dose == 1092.0 && d.unit == "mg"));
    assert_eq!(all[1].verifier.as_deref(), Some("Enf. C. Ruiz"));
    assert_eq!(all[1].verified_at, Some(at("2026-03-01 10:00")));
    // The stored order comes back whole.
    assert_eq!(reg.order(first.id).unwrap(), a);
}

on_both_engines!(filters_by_record_number_and_date_a_page_at_a_time);
fn filters_by_record_number_and_date_a_page_at_a_time(loc: &str) {
    let mut reg = Register::connect(loc).unwrap();
    for (id, when) in
        [("HC-1", "2026-03-01 09:00"), ("HC-2", "2026-03-01 10:00"), ("HC-1", "2026-03-05 09:00")]
    {
        let o = order(id, "X", "70");
        reg.record(&o, &o.report().unwrap(), RegisterAction::Exported, at(when)).unwrap();
    }
    // The start of the record number, in any case.
    let by_id = reg.list(&Filter { patient_id: "hc-1".into(), ..Filter::default() }).unwrap();
    assert_eq!(by_id.len(), 2);
    assert!(by_id.iter().all(|e| e.patient_id == "HC-1"));
    assert_eq!(reg.list(&Filter { patient_id: "HC-".into(), ..Filter::default() }).unwrap().len(), 3);
    assert!(reg.list(&Filter { patient_id: "HC-9".into(), ..Filter::default() }).unwrap().is_empty());
    assert!(reg.list(&Filter { patient_id: "%".into(), ..Filter::default() }).unwrap().is_empty());
    let march_1 = chrono::NaiveDate::from_ymd_opt(2026, 3, 1).unwrap();
    let by_date = reg.list(&Filter { date: Some(march_1), ..Filter::default() }).unwrap();
    assert_eq!(by_date.len(), 2);
    let march_5 = chrono::NaiveDate::from_ymd_opt(2026, 3, 5).unwrap();
    let both =
        reg.list(&Filter { patient_id: "HC-1".into(), date: Some(march_5), ..Filter::default() }).unwrap();
    assert_eq!(both.len(), 1);
    let since = reg.list(&Filter { since: Some(march_5), ..Filter::default() }).unwrap();
    assert_eq!(since.len(), 1);
    // Pages, newest first.
    let page1 = reg.list(&Filter { limit: 2, ..Filter::default() }).unwrap();
    let page2 = reg.list(&Filter { limit: 2, offset: 2, ..Filter::default() }).unwrap();
    assert_eq!((page1.len(), page2.len()), (2, 1));
    assert_eq!(page1[0].at, at("2026-03-05 09:00"));
    assert_eq!(page2[0].at, at("2026-03-01 09:00"));
}

#[test]
fn a_corrupt_register_is_refused_with_a_clear_message() {
    let path = dir("corrupt").join("register.sqlite3");
    std::fs::write(&path, b"this is not a database, it is a shopping list").unwrap();
    let e = Register::open(&path).err().expect("refused");
    assert!(matches!(e, RegisterError::Corrupt(..)), "{e:?}");
    assert!(e.to_string().contains("damaged or not a register"), "{e}");
    // Nothing overwrote the file.
    assert_eq!(std::fs::read(&path).unwrap(), b"this is not a database, it is a shopping list");
}

#[test]
fn a_newer_schema_is_refused_not_downgraded() {
    let path = dir("newer").join("register.sqlite3");
    drop(Register::open(&path).unwrap());
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.execute_batch("PRAGMA user_version = 7;").unwrap();
    drop(conn);
    let e = Register::open(&path).err().expect("refused");
    assert!(matches!(e, RegisterError::Newer(_, 7)), "{e:?}");
}

#[test]
fn a_locked_register_says_so_and_records_nothing() {
    let path = dir("locked").join("register.sqlite3");
    drop(Register::open(&path).unwrap());
    // Another program holds a write lock.
    let other = rusqlite::Connection::open(&path).unwrap();
    other.execute_batch("BEGIN EXCLUSIVE;").unwrap();
    let o = order("HC-1", "X", "70");
    let result = Register::open(&path).and_then(|mut r| {
        r.record(&o, &o.report().unwrap(), RegisterAction::Exported, at("2026-03-01 09:00"))
    });
    let e = result.expect_err("locked");
    assert!(matches!(e, RegisterError::Locked(_)), "{e:?}");
    assert!(e.to_string().contains("locked"));
    other.execute_batch("ROLLBACK;").unwrap();
    assert!(Register::open(&path).unwrap().list(&Filter::default()).unwrap().is_empty());
}

#[cfg(target_os = "linux")]
#[test]
fn a_read_only_location_says_so() {
    // /proc refuses new files even for root (CI runs as root, which ignores chmod).
    let e = Register::open(std::path::Path::new("/proc/nkact-register.sqlite3")).err().expect("refused");
    assert!(matches!(e, RegisterError::ReadOnly(_) | RegisterError::Other(..)), "{e:?}");
    assert!(e.to_string().contains("/proc/nkact-register.sqlite3"));
}

#[test]
fn the_cli_records_exports_and_still_exports_when_the_register_is_unusable() {
    let d = dir("cli");
    let bin = env!("CARGO_BIN_EXE_nkact-dose");
    let register = d.join("register.sqlite3");
    let args = |out: &str| {
        vec![
            "order".to_owned(),
            "--weight".into(),
            "70".into(),
            "--height".into(),
            "170".into(),
            "--cycle".into(),
            "1".into(),
            "--day1".into(),
            "2026-03-02".into(),
            "--name".into(),
            "Lucía Gómez".into(),
            "--patient-id".into(),
            "HC-8".into(),
            "--dob".into(),
            "1975-07-07".into(),
            "--allergies".into(),
            "none known".into(),
            "--acknowledged-by".into(),
            "A".into(),
            "--out".into(),
            out.to_owned(),
        ]
        .into_iter()
        .chain(eligible::args("2026-03-02"))
        .collect::<Vec<String>>()
    };
    let out = std::process::Command::new(bin)
        .env("LC_ALL", "C.UTF-8")
        .args(args(d.join("a.pdf").to_str().unwrap()))
        .arg("--register")
        .arg(&register)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stdout).contains("Recorded as exported"));
    let entries = Register::open(&register).unwrap().list(&Filter::default()).unwrap();
    assert_eq!(entries.len(), 1);
    assert_eq!(entries[0].patient_id, "HC-8");
    // A corrupt register: the sheet is still written, with a plain warning.
    let bad = d.join("bad.sqlite3");
    std::fs::write(&bad, b"garbage").unwrap();
    let out = std::process::Command::new(bin)
        .env("LC_ALL", "C.UTF-8")
        .args(args(d.join("b.pdf").to_str().unwrap()))
        .arg("--register")
        .arg(&bad)
        .output()
        .unwrap();
    // Exit 4: written, but not recorded; a script can tell.
    assert_eq!(out.status.code(), Some(4));
    assert!(d.join("b.pdf").exists());
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("NOT recorded"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn orders_created_in_the_same_second_get_different_ids() {
    // Regression: the ID was the creation second alone, so three orders exported in one
    // second shared one ID in the register.
    let now = at("2026-03-01 09:00");
    let ids: std::collections::HashSet<String> =
        (0..50).map(|_| Order::new(now, Settings::default()).order_id).collect();
    assert_eq!(ids.len(), 50);
    assert!(ids.iter().all(|id| id.starts_with("NKACT-20260301-090000-")));
}

// ---------------------------------------------------------------- findings (issue 10)

#[test]
fn a_register_location_that_would_keep_nothing_is_refused() {
    // Regression: `--register ''`, `:memory:` and an empty NKACT_DOSE_REGISTER printed
    // "Recorded" and kept nothing.
    for path in ["", ":memory:", "file::memory:?cache=shared"] {
        let e = Register::open(std::path::Path::new(path)).err().expect("refused");
        assert!(matches!(e, RegisterError::NotAFile(..)), "{path:?}: {e}");
        assert!(e.to_string().contains("keeps nothing"), "{path:?}: {e}");
    }
}

#[test]
fn a_folder_or_a_broken_link_is_named_for_what_it_is() {
    // Regression: a register path that is a directory or a dangling symlink was reported as
    // "read-only".
    let d = dir("notafile");
    let e = Register::open(&d).err().expect("a folder is refused");
    assert!(e.to_string().contains("folder"), "{e}");
    let link = d.join("dangling.sqlite3");
    std::os::unix::fs::symlink(d.join("nowhere/at/all"), &link).unwrap();
    let e = Register::open(&link).err().expect("a broken link is refused");
    assert!(e.to_string().contains("link to nothing"), "{e}");
    assert!(!d.join("nowhere").exists(), "nothing created through the link");
}

#[test]
fn a_register_restored_from_a_dump_keeps_working() {
    // Regression: `sqlite3 old .dump | sqlite3 new` resets user_version to 0; the program then
    // refused every order and printed the whole schema.
    let d = dir("restored");
    let path = d.join("register.sqlite3");
    let o = order("HC-1", "Ana Ruiz", "70");
    let mut reg = Register::open(&path).unwrap();
    reg.record(&o, &o.report().unwrap(), RegisterAction::Exported, at("2026-03-01 10:00")).unwrap();
    drop(reg);
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.execute_batch("PRAGMA user_version = 0;").unwrap();
    drop(conn);
    let mut reg = Register::open(&path).unwrap();
    let o2 = order("HC-2", "Luis Gil", "80");
    reg.record(&o2, &o2.report().unwrap(), RegisterAction::Exported, at("2026-03-01 10:05")).unwrap();
    assert_eq!(reg.list(&Filter::default()).unwrap().len(), 2);
}

#[test]
fn writers_racing_to_create_a_register_lose_no_entry() {
    // Regression: 4 of 5 writers racing to create a new register lost their entries
    // (the schema version was read outside the migration's transaction).
    let d = dir("race");
    let path = d.join("register.sqlite3");
    let writers = 8;
    let barrier = std::sync::Arc::new(std::sync::Barrier::new(writers));
    let handles: Vec<_> = (0..writers)
        .map(|i| {
            let path = path.clone();
            let barrier = barrier.clone();
            std::thread::spawn(move || {
                let o = order(&format!("HC-{i}"), "Ana Ruiz", "70");
                barrier.wait();
                let mut reg = Register::open(&path)?;
                reg.record(&o, &o.report().unwrap(), RegisterAction::Exported, at("2026-03-01 10:00"))
            })
        })
        .collect();
    for h in handles {
        h.join().unwrap().unwrap();
    }
    assert_eq!(Register::open(&path).unwrap().list(&Filter::default()).unwrap().len(), writers);
}

on_both_engines!(one_order_id_cannot_hold_two_patients);
fn one_order_id_cannot_hold_two_patients(loc: &str) {
    // Regression: two processes could get the same order ID for two patients, and the register
    // had no UNIQUE constraint.
    let mut reg = Register::connect(loc).unwrap();
    let a = order("HC-1", "Ana Ruiz", "70");
    let mut b = order("HC-2", "Luis Gil", "80");
    b.order_id = a.order_id.clone();
    reg.record(&a, &a.report().unwrap(), RegisterAction::Exported, at("2026-03-01 10:00")).unwrap();
    // The same order again (printed after export) is fine.
    reg.record(&a, &a.report().unwrap(), RegisterAction::Printed, at("2026-03-01 10:01")).unwrap();
    let e =
        reg.record(&b, &b.report().unwrap(), RegisterAction::Exported, at("2026-03-01 10:02")).unwrap_err();
    assert!(matches!(e, RegisterError::DuplicateId(..)), "{e}");
    assert_eq!(reg.list(&Filter::default()).unwrap().len(), 2);
}

#[test]
fn order_ids_do_not_depend_on_the_process() {
    // Regression: the 4-hex suffix was a hash of the process ID (2536 and 2540 collided).
    let now = at("2026-03-01 10:00");
    let ids: std::collections::HashSet<String> =
        (0..20_000).map(|_| nkact_dose::order::order_id(now)).collect();
    assert_eq!(ids.len(), 20_000);
    // Two processes started in the same second get different IDs.
    let bin = env!("CARGO_BIN_EXE_nkact-dose");
    let d = dir("processes");
    let mut found = Vec::new();
    for k in 0..2 {
        let out = d.join(format!("{k}.pdf"));
        let o = std::process::Command::new(bin)
            .env("LC_ALL", "C.UTF-8")
            .args(["order", "--weight", "70", "--height", "170", "--cycle", "1", "--day1", "2026-12-01"])
            .args(eligible::args("2026-12-01"))
            .args(["--name", "Ana Ruiz", "--patient-id", &format!("HC-{k}"), "--dob", "1970-01-01"])
            .args(["--allergies", "none known", "--acknowledged-by", "A", "--out"])
            .arg(&out)
            .arg("--register")
            .arg(d.join("r.sqlite3"))
            .output()
            .unwrap();
        assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
    }
    for e in Register::open(&d.join("r.sqlite3")).unwrap().list(&Filter::default()).unwrap() {
        found.push(e.order_id);
    }
    assert_eq!(found.len(), 2);
    assert_ne!(found[0], found[1]);
}

#[test]
fn the_register_is_private_and_append_only() {
    use std::os::unix::fs::PermissionsExt;
    let d = dir("private");
    let path = d.join("sub").join("register.sqlite3");
    let o = order("HC-1", "Ana Ruiz", "70");
    let mut reg = Register::open(&path).unwrap();
    reg.record(&o, &o.report().unwrap(), RegisterAction::Exported, at("2026-03-01 10:00")).unwrap();
    let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600, "register mode {mode:o}");
    let dir_mode = std::fs::metadata(path.parent().unwrap()).unwrap().permissions().mode() & 0o777;
    assert_eq!(dir_mode, 0o700, "register folder mode {dir_mode:o}");
    let conn = rusqlite::Connection::open(&path).unwrap();
    assert!(conn.execute("UPDATE entries SET patient_name = 'X'", []).is_err(), "entries can be altered");
    assert!(conn.execute("DELETE FROM entries", []).is_err(), "entries can be deleted");
}
