//! The order register: records, survives reopening, filters, migrates, and
//! refuses a database it cannot use with a clear message.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::float_cmp)] // tests may fail loudly

#[path = "common/eligible.rs"]
mod eligible;
#[path = "common/scratch.rs"]
mod scratch;

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
    let d = scratch::root().join(format!("nkact-register-{name}-{}", std::process::id()));
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
    assert!(english(&e).contains("damaged or not a register"), "{e}");
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
        assert!(english(&e).contains("keeps nothing"), "{path:?}: {e}");
    }
}

#[test]
fn a_folder_or_a_broken_link_is_named_for_what_it_is() {
    // Regression: a register path that is a directory or a dangling symlink was reported as
    // "read-only".
    let d = dir("notafile");
    let e = Register::open(&d).err().expect("a folder is refused");
    assert!(english(&e).contains("folder"), "{e}");
    let link = d.join("dangling.sqlite3");
    std::os::unix::fs::symlink(d.join("nowhere/at/all"), &link).unwrap();
    let e = Register::open(&link).err().expect("a broken link is refused");
    assert!(english(&e).contains("link to nothing"), "{e}");
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
// Shows: REQ-REG-001
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

// ---------------------------------------------------------------- issue 12: chain, people, stagger

/// Edits a recorded dose behind the program's back, as someone with database access could.
fn tamper(loc: &str, id: i64) {
    let sql = format!("UPDATE entries SET doses = replace(doses, '1092', '1192') WHERE id = {id}");
    if loc.starts_with("postgres") {
        let mut c = postgres::Client::connect(loc, postgres::NoTls).unwrap();
        c.batch_execute(&format!(
            "ALTER TABLE entries DISABLE TRIGGER ALL; {sql}; ALTER TABLE entries ENABLE TRIGGER ALL;"
        ))
        .unwrap();
    } else {
        let c = rusqlite::Connection::open(loc).unwrap();
        c.execute_batch(&format!("DROP TRIGGER entries_append_only_update; {sql};")).unwrap();
    }
}

on_both_engines!(a_dose_edited_in_the_database_is_found_by_verify);
fn a_dose_edited_in_the_database_is_found_by_verify(loc: &str) {
    let mut reg = Register::connect(loc).unwrap();
    let mut ids = Vec::new();
    for (k, who) in ["Ana Ruiz", "Luis Gil", "Eva Sanz"].iter().enumerate() {
        let o = order(&format!("HC-{k}"), who, "70");
        ids.push(
            reg.record(&o, &o.report().unwrap(), RegisterAction::Exported, at("2026-03-01 10:00")).unwrap(),
        );
    }
    let ok = reg.verify().unwrap();
    assert_eq!((ok.checked, ok.first_bad.clone()), (3, None));
    // The program itself cannot change a record.
    drop(reg);
    tamper(loc, ids[1]);
    let mut reg = Register::connect(loc).unwrap();
    let found = reg.verify().unwrap();
    assert_eq!(found.first_bad, Some((ids[1], "entries".to_owned())), "{found:?}");
    // Every link is read; only the edited record is broken (issue 20: verify lists every break).
    assert_eq!(found.checked, 3);
    assert_eq!(found.bad, vec![(ids[1], "entries".to_owned())]);
    assert!(
        reg.entry(ids[1]).unwrap().doses.iter().any(|d| d.dose == 1192.0),
        "the edit is there, and found"
    );
}

on_both_engines!(people_sign_each_step_and_nobody_checks_their_own_order);
fn people_sign_each_step_and_nobody_checks_their_own_order(loc: &str) {
    use nkact_dose::register::{PersonChange, PersonProblem, Role, Step};
    let now = at("2026-03-01 09:00");
    let mut reg = Register::connect(loc).unwrap();
    assert!(!reg.has_people().unwrap());
    reg.init("Admin Farmacia", "admin-secret-1-Qv7x", now).unwrap().unwrap();
    assert_eq!(
        reg.init("Someone Else", "another-secret-Wq1e", now).unwrap(),
        Err(PersonProblem::AlreadyInitialised)
    );
    // A wrong PIN is refused and recorded; never the PIN itself.
    assert_eq!(reg.authenticate("Admin Farmacia", "123456", now).unwrap(), Err(PersonProblem::WrongSecret));
    assert_eq!(reg.failed_logins("admin farmacia").unwrap(), 1);
    let admin = reg.authenticate("admin  FARMACIA", "admin-secret-1-Qv7x", now).unwrap().unwrap();
    for (name, role) in [
        ("Dra. L. Martín", Role::Prescriber),
        ("Farm. A. García", Role::Pharmacist),
        ("Farm. B. Soler", Role::Pharmacist),
        ("Téc. C. Vidal", Role::Technician),
        ("Enf. D. Ruiz", Role::Nurse),
    ] {
        reg.manage_person(&admin, name, PersonChange::Add(role, "secret-123-Kd8w"), now).unwrap().unwrap();
    }
    assert_eq!(
        reg.manage_person(&admin, "Enf. D. Ruiz", PersonChange::Add(Role::Nurse, "x-123456"), now).unwrap(),
        Err(PersonProblem::Exists)
    );
    assert_eq!(
        reg.manage_person(&admin, "Short Pin", PersonChange::Add(Role::Nurse, "123"), now).unwrap(),
        Err(PersonProblem::WeakSecret)
    );
    let p = |reg: &mut Register, name: &str| reg.authenticate(name, "secret-123-Kd8w", now).unwrap().unwrap();
    let (doctor, pharm_a, pharm_b, tech, nurse) = (
        p(&mut reg, "Dra. L. Martín"),
        p(&mut reg, "Farm. A. García"),
        p(&mut reg, "Farm. B. Soler"),
        p(&mut reg, "Téc. C. Vidal"),
        p(&mut reg, "Enf. D. Ruiz"),
    );
    // Only an administrator manages people.
    assert_eq!(
        reg.manage_person(&nurse, "X Y", PersonChange::Disable, now).unwrap(),
        Err(PersonProblem::WrongRole(Role::Nurse))
    );
    let id = "NKACT-TEST-1";
    reg.sign(id, 1, Step::Issued, &pharm_a, true, "", now).unwrap().unwrap();
    // The issuer cannot validate (nor double-check) their own order.
    assert_eq!(
        reg.sign(id, 1, Step::Validated, &pharm_a, true, "", now).unwrap(),
        Err(PersonProblem::SamePerson)
    );
    // A role that may not sign a step is refused.
    assert_eq!(
        reg.sign(id, 1, Step::Validated, &nurse, true, "", now).unwrap(),
        Err(PersonProblem::WrongRole(Role::Nurse))
    );
    reg.sign(id, 1, Step::Validated, &pharm_b, true, "", now).unwrap().unwrap();
    // One person, one check per order.
    assert_eq!(
        reg.sign(id, 1, Step::Prepared, &pharm_b, true, "", now).unwrap(),
        Err(PersonProblem::SamePerson)
    );
    reg.sign(id, 1, Step::Prepared, &tech, true, "bags re-entered", now).unwrap().unwrap();
    // A failed check is recorded too, and the same person may then pass it.
    reg.sign(id, 1, Step::DoubleChecked, &nurse, false, "trastuzumab", now).unwrap().unwrap();
    reg.sign(id, 1, Step::DoubleChecked, &nurse, true, "", now).unwrap().unwrap();
    reg.sign(id, 1, Step::Administered, &nurse, true, "interleukin-2 day 2 at 2026-03-03T10:00:00", now)
        .unwrap()
        .unwrap();
    let chain = reg.chain_of(id).unwrap();
    let steps: Vec<(Step, &str, bool)> = chain.iter().map(|e| (e.step, e.person.as_str(), e.ok)).collect();
    assert_eq!(
        steps,
        [
            (Step::Issued, "Farm. A. García", true),
            (Step::Validated, "Farm. B. Soler", true),
            (Step::Prepared, "Téc. C. Vidal", true),
            (Step::DoubleChecked, "Enf. D. Ruiz", false),
            (Step::DoubleChecked, "Enf. D. Ruiz", true),
            (Step::Administered, "Enf. D. Ruiz", true),
        ]
    );
    let _ = doctor;
    // A disabled person can no longer act.
    reg.manage_person(&admin, "Enf. D. Ruiz", PersonChange::Disable, now).unwrap().unwrap();
    // Said as a wrong secret: a refusal tells nothing about who exists (issue 20).
    assert_eq!(
        reg.authenticate("Enf. D. Ruiz", "secret-123-Kd8w", now).unwrap(),
        Err(PersonProblem::WrongSecret)
    );
    assert!(reg.people().unwrap().iter().any(|p| p.name == "Enf. D. Ruiz" && !p.active));
    // Every person change and signature is in the chain.
    assert_eq!(reg.verify().unwrap().first_bad, None);
}

on_both_engines!(the_next_patient_may_start_after_the_previous_ones_window);
fn the_next_patient_may_start_after_the_previous_ones_window(loc: &str) {
    use nkact_dose::register::{Role, Step};
    use nkact_dose::stagger::Cohort;
    let now = at("2026-03-01 09:00");
    let mut reg = Register::connect(loc).unwrap();
    assert!(reg.next_start(Cohort::Expansion, "S-02").unwrap().is_none(), "no previous patient");
    let mut o = order("HC-1", "Ana Ruiz", "70");
    o.trial.subject = "S-01".into();
    o.trial.cohort = "expansion".into();
    reg.record(&o, &o.report().unwrap(), RegisterAction::Exported, now).unwrap();
    // Day 1 2026-03-02: Day 6 is 2026-03-07. Without a recorded time, the end of that day.
    let n = reg.next_start(Cohort::Expansion, "S-02").unwrap().unwrap();
    assert_eq!(n.previous.subject, "S-01");
    assert_eq!(n.earliest, at("2026-03-10 00:00"), "the end of Day 6 is the midnight closing it");
    assert!(!n.previous.il2_recorded);
    // The nurse records the Day 6 IL-2 at 10:00: the next start is 48 h later (trial record).
    reg.init("Admin", "admin-secret-Qv7x-0", now).unwrap().unwrap();
    let admin = reg.authenticate("Admin", "admin-secret-Qv7x-0", now).unwrap().unwrap();
    reg.manage_person(
        &admin,
        "Enf. D. Ruiz",
        nkact_dose::register::PersonChange::Add(Role::Nurse, "secret-123-Kd8w"),
        now,
    )
    .unwrap()
    .unwrap();
    let nurse = reg.authenticate("Enf. D. Ruiz", "secret-123-Kd8w", now).unwrap().unwrap();
    reg.sign(
        &o.order_id,
        1,
        Step::Administered,
        &nurse,
        true,
        "interleukin-2 day 6 at 2026-03-07T10:00:00",
        now,
    )
    .unwrap()
    .unwrap();
    let n = reg.next_start(Cohort::Expansion, "S-02").unwrap().unwrap();
    assert_eq!(n.earliest, at("2026-03-09 10:00"));
    assert!(n.previous.il2_recorded);
    // Lead-in: the previous patient's 28-day TLT window from Day 1 (2026-03-02 + 28 days).
    let n = reg.next_start(Cohort::LeadIn, "S-02").unwrap().unwrap();
    assert_eq!(n.earliest, at("2026-03-30 00:00"));
    // The patient's own earlier orders are not "the previous patient".
    assert!(reg.next_start(Cohort::Expansion, "S-01").unwrap().is_none());
}

on_both_engines!(two_workstations_issue_fifty_orders_each_at_once);
fn two_workstations_issue_fifty_orders_each_at_once(loc: &str) {
    drop(Register::connect(loc).unwrap());
    let barrier = std::sync::Arc::new(std::sync::Barrier::new(2));
    let handles: Vec<_> = (0..2)
        .map(|w| {
            let loc = loc.to_owned();
            let barrier = barrier.clone();
            std::thread::spawn(move || {
                // Each workstation has its own connection.
                let mut reg = Register::connect(&loc).unwrap();
                let orders: Vec<Order> =
                    (0..50).map(|k| order(&format!("HC-{w}-{k}"), "Ana Ruiz", "70")).collect();
                barrier.wait();
                for o in &orders {
                    reg.record(o, &o.report().unwrap(), RegisterAction::Exported, at("2026-03-01 10:00"))
                        .unwrap();
                }
            })
        })
        .collect();
    for h in handles {
        h.join().unwrap();
    }
    let mut reg = Register::connect(loc).unwrap();
    let all = reg.list(&Filter::default()).unwrap();
    assert_eq!(all.len(), 100);
    let ids: std::collections::HashSet<&str> = all.iter().map(|e| e.order_id.as_str()).collect();
    assert_eq!(ids.len(), 100, "order IDs unique across workstations");
    let chain = reg.verify().unwrap();
    assert_eq!((chain.checked, chain.first_bad), (100, None));
}

#[test]
fn a_sqlite_register_on_a_network_file_system_is_refused() {
    use nkact_dose::register::network_fs_in;
    let mountinfo = "22 1 0:21 / / rw,relatime - ext4 /dev/sda1 rw\n\
        40 22 0:35 / /mnt/pharmacy rw,relatime - nfs4 server:/export rw,vers=4.2\n\
        41 22 0:36 / /mnt/smb\\040share rw - cifs //srv/share rw\n";
    let p = |s: &str| std::path::PathBuf::from(s);
    assert_eq!(network_fs_in(mountinfo, &p("/mnt/pharmacy/register")).as_deref(), Some("nfs4"));
    assert_eq!(network_fs_in(mountinfo, &p("/mnt/smb share/x")).as_deref(), Some("cifs"));
    assert_eq!(network_fs_in(mountinfo, &p("/home/ana")), None);
    assert_eq!(network_fs_in(mountinfo, &p("/mnt/pharmacyX")), None);
}

#[test]
fn a_server_that_is_not_there_is_said_so_quickly() {
    // Nothing listens on port 9 (discard) of loopback: refused at once, never a hang.
    let started = std::time::Instant::now();
    let e = Register::connect("postgres://nkact:x@127.0.0.1:9/nkact").err().expect("refused");
    assert!(matches!(e, RegisterError::Connection(..)), "{e:?}");
    assert!(started.elapsed() < std::time::Duration::from_secs(8));
    assert!(!e.to_string().contains(":x@"), "the password is never shown: {e}");
    if let Some(url) = pg::base_url() {
        let wrong = url.replace("nkact-test", "not-the-password");
        let e = Register::connect(&wrong).err().expect("refused");
        assert!(matches!(e, RegisterError::Login(..) | RegisterError::Connection(..)), "{e:?}");
    }
}

/// A register error as the English face words it (errors carry kinds; `present` words them).
fn english(e: &RegisterError) -> String {
    nkact_dose::present::Words::english().register_error(e)
}
