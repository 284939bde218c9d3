//! The one release workflow (issue 19) end to end, through the built binary,
//! on a SQLite file and on a real PostgreSQL server:
//! - workstations releasing new expansion patients at the same moment
//!   (2, 5 and 20 processes): exactly one passes, the rest are refused by the
//!   stagger rule against the one that passed;
//! - a new start is known by its record number as well as its subject: a
//!   subject number reused for another record is refused;
//! - `kill -9` at random instants while issuing, 100 times per engine: the
//!   register verifies, and no entry lacks its issue signature;
//! - who may issue: a signed-in nurse, technician or investigator is refused,
//!   a pharmacist and a prescriber are not.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // tests may fail loudly

#[path = "common/eligible.rs"]
mod eligible;
#[path = "common/pg.rs"]
mod pg;
#[path = "common/scratch.rs"]
mod scratch;
#[path = "common/ward.rs"]
mod ward;

use ward::{Ward, ok};

use std::process::{Command, Output, Stdio};

/// The program at a workstation in Madrid (the trial's sites), on `w`'s register.
fn command(w: &Ward, args: &[String]) -> Command {
    let refs: Vec<&str> = args.iter().map(String::as_str).collect();
    w.command("Europe/Madrid", &refs)
}

fn s(v: &[&str]) -> Vec<String> {
    v.iter().map(|x| (*x).to_owned()).collect()
}

impl Ward {
    fn run(&self, args: &[String]) -> Output {
        command(self, args).output().expect("binary runs")
    }

    /// A cycle-1 order of the expansion cohort for subject `subject` (record `HC-<record>`).
    fn new_start(&self, subject: &str, record: &str, day1: &str) -> Vec<String> {
        let out = self.dir.join(format!("{subject}-{record}-{day1}.pdf"));
        let mut a = s(&[
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
            "--dob",
            "1970-01-01",
            "--allergies",
            "none known",
            "--issued-by",
            "Farm. A. García",
            "--acknowledged-by",
            "Farm. A. García",
            "--cohort",
            "expansion",
            "--force",
        ]);
        a.extend(s(&["--patient-id", &format!("HC-{record}"), "--subject", subject, "--out"]));
        a.push(out.to_string_lossy().into_owned());
        a.extend(eligible::args(day1));
        a
    }

    /// A cycle-2 order (no trial rule across patients), signed as `signer`.
    fn cycle2(&self, n: usize, signer: &str, secret: &str) -> Vec<String> {
        let out = self.dir.join(format!("c2-{n}.pdf"));
        let mut a = s(&[
            "order",
            "--weight",
            "70",
            "--height",
            "170",
            "--cycle",
            "2",
            "--day1",
            "2026-11-23",
            "--last-trastuzumab",
            "2026-11-02",
            "--last-pertuzumab",
            "2026-11-02",
            "--lvef",
            "62@2026-11-10",
            "--lvef-baseline",
            "62",
            "--name",
            "Ana Ruiz",
            "--dob",
            "1970-01-01",
            "--allergies",
            "none known",
            "--as",
            signer,
            "--secret-file",
            secret,
            "--force",
        ]);
        a.extend(s(&["--patient-id", &format!("HC-K{n}"), "--out"]));
        a.push(out.to_string_lossy().into_owned());
        a
    }

    /// A register with an administrator, a pharmacist, a nurse, a technician, an
    /// investigator and a prescriber; their secret files by role.
    fn with_people(&self) -> Vec<(&'static str, String, String)> {
        let admin = self.secret("admin", "admin-secret-1-Qv7x");
        ok(&self.run(&s(&["register", "init", "--admin", "Admin Farmacia", "--secret-file", &admin])));
        let mut out = Vec::new();
        for (name, role) in [
            ("Farm. A. García", "pharmacist"),
            ("Enf. D. Ruiz", "nurse"),
            ("Téc. P. Soler", "technician"),
            ("Dr. I. Investigador", "investigator"),
            ("Dra. L. Martín", "prescriber"),
        ] {
            let secret = self.secret(name, &format!("{role}-pin-1"));
            ok(&self.run(&s(&[
                "register",
                "people",
                "add",
                name,
                "--role",
                role,
                "--secret-file",
                &secret,
                "--as",
                "Admin Farmacia",
                "--as-secret-file",
                &admin,
            ])));
            out.push((role, name.to_owned(), secret));
        }
        out
    }
}

/// Cycle-1 entries the register lists (as `register list --json` gives them).
fn cycle1_entries(w: &Ward) -> Vec<serde_json::Value> {
    let o = w.run(&s(&["register", "list", "--json"]));
    ok(&o);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let list = v.as_array().cloned().or_else(|| v["entries"].as_array().cloned()).unwrap_or_default();
    list.into_iter().filter(|e| e["cycle"] == 1).collect()
}

on_both_engines!("nkact-release", simultaneous_new_starts_exactly_one_passes);
// Shows: REQ-STAG-001, REQ-REL-001
fn simultaneous_new_starts_exactly_one_passes(w: &Ward) {
    // The previous patient: expansion, Day 1 2026-07-01 (last IL-2: Day 6, 2026-07-06).
    ok(&w.run(&w.new_start("S-00", "00", "2026-07-01")));
    let mut round = 0;
    for n in [2usize, 5, 20] {
        round += 1;
        // Every new patient would start on Day -5 of 2026-08-0{round}: well after S-00's window,
        // and within 48 h of each other's last IL-2 — so only the first may go.
        let day1 = format!("2026-{:02}-01", 7 + round);
        let children: Vec<_> = (0..n)
            .map(|i| {
                let args = w.new_start(&format!("S-{round}{i:02}"), &format!("{round}{i:02}"), &day1);
                command(w, &args).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().unwrap()
            })
            .collect();
        let outs: Vec<Output> = children.into_iter().map(|c| c.wait_with_output().unwrap()).collect();
        let passed = outs.iter().filter(|o| o.status.code() == Some(0)).count();
        let detail: Vec<String> = outs
            .iter()
            .map(|o| format!("{:?}: {}", o.status.code(), String::from_utf8_lossy(&o.stderr).trim()))
            .collect();
        assert_eq!(passed, 1, "{n} at once: {passed} passed\n{}", detail.join("\n"));
        for o in outs.iter().filter(|o| o.status.code() != Some(0)) {
            let err = String::from_utf8_lossy(&o.stderr);
            assert_eq!(o.status.code(), Some(2), "{err}");
            assert!(err.contains("before the trial allows"), "{err}");
        }
    }
    assert_eq!(cycle1_entries(w).len(), 4, "S-00 and one patient per round");
}

on_both_engines!("nkact-release", a_reused_subject_number_is_not_a_new_patient);
fn a_reused_subject_number_is_not_a_new_patient(w: &Ward) {
    ok(&w.run(&w.new_start("S-01", "01", "2026-07-01")));
    // The same subject number for another record number: refused, never skipped as "the same patient".
    let o = w.run(&w.new_start("S-01", "99", "2026-07-03"));
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(2), "{err}");
    assert!(err.contains("subject S-01 is recorded for record number HC-01"), "{err}");
    // Another subject number for a record already in the trial: refused too.
    let o = w.run(&w.new_start("S-02", "01", "2026-09-01"));
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(2), "{err}");
    assert!(err.contains("record number HC-01 is recorded as subject S-01"), "{err}");
    // A register that follows the trial: a cycle-1 order leaving the cohort unanswered is refused.
    let mut a = w.new_start("S-03", "03", "2026-09-01");
    let at = a.iter().position(|x| x == "--cohort").unwrap();
    a.drain(at..at + 2);
    let o = w.run(&a);
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(2), "{err}");
    assert!(err.contains("names the trial subject and cohort"), "{err}");
    assert_eq!(cycle1_entries(w).len(), 1);
}

on_both_engines!("nkact-release", only_a_pharmacist_or_a_prescriber_issues);
fn only_a_pharmacist_or_a_prescriber_issues(w: &Ward) {
    let people = w.with_people();
    for (role, name, secret) in &people {
        let o = w.run(&w.cycle2(people.len(), name, secret));
        let err = String::from_utf8_lossy(&o.stderr);
        match *role {
            "pharmacist" | "prescriber" => ok(&o),
            _ => {
                assert_eq!(o.status.code(), Some(2), "{role}: {err}");
                assert!(err.contains("may not sign this step"), "{role}: {err}");
                assert!(!err.contains("NOT recorded"), "nothing was recorded, nothing is said of it: {err}");
            }
        }
    }
}

on_both_engines!("nkact-release", a_kill_while_issuing_leaves_both_or_neither);
// Shows: REQ-REL-001
fn a_kill_while_issuing_leaves_both_or_neither(w: &Ward) {
    let people = w.with_people();
    let (_, name, secret) = people.iter().find(|(r, _, _)| *r == "pharmacist").unwrap();
    // How long one release takes here, to spread the kills over it.
    let t0 = std::time::Instant::now();
    ok(&w.run(&w.cycle2(0, name, secret)));
    let span = t0.elapsed().as_micros().max(1000) as u64;
    let kills = 100;
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    for n in 1..=kills {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        let delay = std::time::Duration::from_micros(seed % (span + span / 5));
        let mut child = command(w, &w.cycle2(n, name, secret))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(delay);
        let _ = child.kill();
        let _ = child.wait();
    }
    let o = w.run(&s(&["register", "verify"]));
    ok(&o);
    // Every entry has its issue signature, for its order and revision.
    let entries = w.run(&s(&["register", "list", "--json"]));
    ok(&entries);
    let v: serde_json::Value = serde_json::from_slice(&entries.stdout).unwrap();
    let list = v.as_array().cloned().or_else(|| v["entries"].as_array().cloned()).unwrap_or_default();
    assert!(!list.is_empty());
    eprintln!("{kills} kills over {span} µs: {} of {} releases recorded", list.len() - 1, kills);
    for e in &list {
        let id = e["order_id"].as_str().unwrap();
        let o = w.run(&s(&["register", "show", id, "--json"]));
        ok(&o);
        let shown = String::from_utf8_lossy(&o.stdout);
        assert!(shown.contains("\"issued\""), "entry {id} without its issue signature: {shown}");
    }
}
