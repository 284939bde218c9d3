//! Signatures only their signer can make, an anchored chain, and sheets that prove
//! themselves (issue 20), on both engines, through the program as a ward runs it:
//! - someone holding the database account forges a nurse's double-check, a whole new
//!   administrator, or edits the last record, each with the chain hash recomputed exactly
//!   as the program computes it: `verify` names each (the chain alone would say intact);
//! - the last records deleted: `verify` alone cannot see it, `verify --against` a signed
//!   checkpoint or a sheet kept outside can;
//! - `register verify-sheet` says of the PDF and of 300-dpi renders of the printed page
//!   (poppler, Ghostscript, MuPDF) whether it is current, superseded, a reprint, never
//!   recorded, from another register, or printed before the register was changed.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // tests may fail loudly

#[path = "common/eligible.rs"]
mod eligible;
#[path = "common/pg.rs"]
mod pg;
#[path = "common/scratch.rs"]
mod scratch;
#[path = "common/ward.rs"]
mod ward;

use std::path::{Path, PathBuf};
use std::process::Output;

use ward::{Ward, ok};

const ADMIN: (&str, &str) = ("Admin Farmacia", "marble-Orchid-47-lantern");
const PHARMACIST: (&str, &str) = ("Ana Ruiz", "violet-Harbor-92-compass");
const NURSE: (&str, &str) = ("Luis Gil", "amber-Falcon-31-meadow");

fn text(o: &Output) -> String {
    format!("{}{}", String::from_utf8_lossy(&o.stdout), String::from_utf8_lossy(&o.stderr))
}

fn run(w: &Ward, args: &[&str]) -> Output {
    w.command("Europe/Madrid", args).output().unwrap()
}

/// A register with an administrator, a pharmacist and a nurse.
fn staffed(w: &Ward) {
    let admin = w.secret(ADMIN.0, ADMIN.1);
    let o = run(w, &["register", "init", "--admin", ADMIN.0, "--secret-file", &admin]);
    ok(&o);
    assert!(text(&o).contains("fingerprint"), "init prints the root key's fingerprint: {}", text(&o));
    for (who, role) in [(PHARMACIST, "pharmacist"), (NURSE, "nurse")] {
        let s = w.secret(who.0, who.1);
        ok(&run(
            w,
            &[
                "register",
                "people",
                "add",
                who.0,
                "--role",
                role,
                "--secret-file",
                &s,
                "--as",
                ADMIN.0,
                "--as-secret-file",
                &admin,
            ],
        ));
    }
}

fn day1() -> String {
    (nkact_dose::clock::now_local().date() + chrono::Days::new(7)).format("%Y-%m-%d").to_string()
}

/// The arguments of a cycle-1 order for the ward's one trial patient (subject S-01, record
/// HC-100: one patient, so the trial's stagger rule between patients does not apply) written to `out`.
fn order_args(out: &Path, trial: bool) -> Vec<String> {
    let d1 = day1();
    let mut args: Vec<String> = [
        "order",
        "--weight",
        "70",
        "--height",
        "170",
        "--nk-cells",
        "2e8",
        "--dob",
        "1975-07-07",
        "--allergies",
        "none known",
        "--cycle",
        "1",
        "--force",
    ]
    .map(String::from)
    .to_vec();
    args.extend(["--name".into(), "Lucía Gómez".into(), "--patient-id".into(), "HC-100".into()]);
    if trial {
        args.extend(["--subject".into(), "S-01".into(), "--cohort".into(), "expansion".into()]);
    }
    args.extend(["--day1".into(), d1.clone()]);
    args.extend(["--out".into(), out.to_string_lossy().into_owned()]);
    args.extend(eligible::args(&d1));
    args
}

/// Issues a cycle-1 order as the pharmacist, its sheet written to `TAG.pdf`; the sheet's path.
fn issue(w: &Ward, tag: &str) -> PathBuf {
    let out = w.dir.join(format!("{tag}.pdf"));
    let secret = w.secret(PHARMACIST.0, PHARMACIST.1);
    let mut args = order_args(&out, true);
    args.extend(["--as".into(), PHARMACIST.0.into(), "--secret-file".into(), secret]);
    let refs: Vec<&str> = args.iter().map(String::as_str).collect();
    ok(&run(w, &refs));
    out
}

// ------------------------------------------------------------------ the database, by hand

enum Db {
    Lite(rusqlite::Connection),
    Pg(Box<postgres::Client>),
}

fn db(w: &Ward) -> Db {
    if w.loc.starts_with("postgres") {
        Db::Pg(Box::new(postgres::Client::connect(&w.loc, postgres::NoTls).unwrap()))
    } else {
        Db::Lite(rusqlite::Connection::open(&w.loc).unwrap())
    }
}

impl Db {
    fn batch(&mut self, sql: &str) {
        match self {
            Db::Lite(c) => c.execute_batch(sql).unwrap(),
            Db::Pg(c) => c.batch_execute(sql).unwrap(),
        }
    }

    /// One row of text columns (every column cast to text).
    fn row(&mut self, sql: &str) -> Vec<Option<String>> {
        match self {
            Db::Lite(c) => {
                let mut st = c.prepare(sql).unwrap();
                let n = st.column_count();
                st.query_row([], |r| {
                    Ok((0..n)
                        .map(|i| match r.get_ref(i).unwrap() {
                            rusqlite::types::ValueRef::Null => None,
                            rusqlite::types::ValueRef::Integer(v) => Some(v.to_string()),
                            rusqlite::types::ValueRef::Real(v) => Some(v.to_string()),
                            rusqlite::types::ValueRef::Text(t) => {
                                Some(String::from_utf8_lossy(t).into_owned())
                            }
                            rusqlite::types::ValueRef::Blob(_) => None,
                        })
                        .collect())
                })
                .unwrap()
            }
            Db::Pg(c) => {
                let r = c.query_one(sql, &[]).unwrap();
                (0..r.len()).map(|i| r.get::<_, Option<String>>(i)).collect()
            }
        }
    }

    fn head(&mut self) -> (i64, String) {
        let r = self.row("SELECT CAST(seq AS TEXT) AS s, hash FROM chain ORDER BY chain.seq DESC LIMIT 1");
        (r[0].clone().unwrap().parse().unwrap(), r[1].clone().unwrap())
    }

    fn drop_guards(&mut self) {
        match self {
            Db::Lite(_) => {
                for t in ["entries", "events", "person_events", "chain", "keys"] {
                    self.batch(&format!(
                        "DROP TRIGGER IF EXISTS {t}_append_only_update; DROP TRIGGER IF EXISTS {t}_append_only_delete;"
                    ));
                }
            }
            Db::Pg(_) => {
                for t in ["entries", "events", "person_events", "chain", "keys"] {
                    self.batch(&format!("DROP TRIGGER IF EXISTS {t}_append_only ON {t};"));
                }
            }
        }
    }
}

fn sql_value(v: &serde_json::Value) -> String {
    match v {
        serde_json::Value::String(s) => format!("'{}'", s.replace('\'', "''")),
        serde_json::Value::Null => "NULL".into(),
        other => other.to_string(),
    }
}

/// The chain hash exactly as the program computes it: its table, the record's values as
/// compact JSON, and the hash before it.
fn chain_hash(prev: &str, tbl: &str, row: &[serde_json::Value]) -> String {
    use sha2::{Digest, Sha256};
    let content = serde_json::Value::Array(row.to_vec()).to_string();
    Sha256::digest(format!("{prev}\n{tbl}\n{content}").as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Appends a record with its chain link as the program would, but unsigned (whoever holds
/// the database account cannot sign): the hash is right, the signature is not there.
fn forge(db: &mut Db, tbl: &str, columns: &str, mut values: Vec<serde_json::Value>) -> i64 {
    let (seq, prev) = db.head();
    let id = seq + 1;
    values.insert(0, serde_json::json!(id));
    let list: Vec<String> = values.iter().map(sql_value).collect();
    db.batch(&format!("INSERT INTO {tbl} ({columns}) VALUES ({})", list.join(", ")));
    let hash = chain_hash(&prev, tbl, &values);
    db.batch(&format!(
        "INSERT INTO chain (seq, tbl, prev_hash, hash, signature) VALUES ({id}, '{tbl}', '{prev}', '{hash}', '{}')",
        "ab".repeat(64)
    ));
    id
}

fn verify(w: &Ward, extra: &[&str]) -> Output {
    let mut args = vec!["register", "verify"];
    args.extend(extra);
    run(w, &args)
}

// ------------------------------------------------------------------ forgery

// Shows: REQ-REG-002
fn a_forged_double_check_is_caught(w: &Ward) {
    staffed(w);
    issue(w, "HC-100");
    let mut d = db(w);
    let order = d.row("SELECT order_id FROM entries ORDER BY id DESC LIMIT 1")[0].clone().unwrap();
    let before = verify(w, &[]);
    ok(&before);
    // The chain alone would take it: hash recomputed, no guard dropped (an insert).
    let id = forge(
        &mut d,
        "events",
        "id, order_id, revision, step, person, role, ok, detail, at",
        vec![
            order.into(),
            1.into(),
            "double-checked".into(),
            NURSE.0.into(),
            "nurse".into(),
            1.into(),
            "".into(),
            "2026-12-01T10:00:00Z".into(),
        ],
    );
    let o = verify(w, &[]);
    assert_eq!(o.status.code(), Some(1), "{}", text(&o));
    assert!(text(&o).contains(&format!("record {id} (events: signature)")), "{}", text(&o));
}
on_both_engines!("sig", a_forged_double_check_is_caught);

// Shows: REQ-REG-002
fn a_forged_administrator_and_their_key_are_caught(w: &Ward) {
    staffed(w);
    let mut d = db(w);
    let by = ADMIN.0;
    let p = forge(
        &mut d,
        "person_events",
        "id, name, name_key, role, action, secret_hash, by_person, at",
        vec![
            "Eve Intrusa".into(),
            "eve intrusa".into(),
            "administrator".into(),
            "added".into(),
            "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$AAAA".into(),
            by.into(),
            "2026-12-01T10:00:00Z".into(),
        ],
    );
    let k = forge(
        &mut d,
        "keys",
        "id, name_key, public_key, sealed_key, by_person, at",
        vec![
            "eve intrusa".into(),
            "11".repeat(32).into(),
            "x1:00:00:00".into(),
            by.into(),
            "2026-12-01T10:00:00Z".into(),
        ],
    );
    let o = verify(w, &[]);
    assert_eq!(o.status.code(), Some(1), "{}", text(&o));
    let t = text(&o);
    assert!(t.contains(&format!("record {p} (person_events: signature)")), "{t}");
    assert!(t.contains(&format!("{k} (keys: signature)")), "{t}");
    // The forged administrator cannot sign in either: no key opens with any secret.
    let s = w.secret("Eve Intrusa", "whatever-Secret-55-x");
    let o = run(w, &["register", "people", "list", "--as", "Eve Intrusa", "--as-secret-file", &s]);
    assert_ne!(o.status.code(), Some(0), "{}", text(&o));
}
on_both_engines!("sig", a_forged_administrator_and_their_key_are_caught);

fn an_edited_last_record_is_caught(w: &Ward) {
    staffed(w);
    issue(w, "HC-101");
    let mut d = db(w);
    d.drop_guards();
    // The last record: the issuer's signed step. Its detail edited, its hash recomputed.
    let (seq, _) = d.head();
    let r = d.row(&format!(
        "SELECT order_id, CAST(revision AS TEXT), step, person, role, CAST(ok AS TEXT), detail, at FROM events WHERE id = {seq}"
    ));
    let prev = d.row(&format!("SELECT prev_hash FROM chain WHERE seq = {seq}"))[0].clone().unwrap();
    let values: Vec<serde_json::Value> = vec![
        serde_json::json!(seq),
        r[0].clone().unwrap().into(),
        serde_json::json!(r[1].clone().unwrap().parse::<i64>().unwrap()),
        r[2].clone().unwrap().into(),
        NURSE.0.into(),
        r[4].clone().unwrap().into(),
        serde_json::json!(r[5].clone().unwrap().parse::<i64>().unwrap()),
        r[6].clone().unwrap().into(),
        r[7].clone().unwrap().into(),
    ];
    d.batch(&format!("UPDATE events SET person = '{}' WHERE id = {seq}", NURSE.0));
    d.batch(&format!("UPDATE chain SET hash = '{}' WHERE seq = {seq}", chain_hash(&prev, "events", &values)));
    let o = verify(w, &[]);
    assert_eq!(o.status.code(), Some(1), "{}", text(&o));
    assert!(text(&o).contains(&format!("record {seq} (events: signature)")), "{}", text(&o));
}
on_both_engines!("sig", an_edited_last_record_is_caught);

// ------------------------------------------------------------------ anchors

fn deleting_the_last_records_is_caught_against_a_checkpoint_or_a_sheet(w: &Ward) {
    staffed(w);
    let first = issue(w, "HC-102");
    let admin = w.secret(ADMIN.0, ADMIN.1);
    let cp = w.dir.join("checkpoint.json");
    let cp_s = cp.to_string_lossy().into_owned();
    issue(w, "HC-103");
    let last = issue(w, "HC-104");
    ok(&run(w, &["register", "checkpoint", "--out", &cp_s, "--as", ADMIN.0, "--secret-file", &admin]));
    let first_s = first.to_string_lossy().into_owned();
    let last_s = last.to_string_lossy().into_owned();
    ok(&verify(w, &["--against", &cp_s, &first_s, &last_s]));

    let mut d = db(w);
    d.drop_guards();
    let (seq, _) = d.head();
    for t in ["entries", "events", "person_events", "keys"] {
        d.batch(&format!("DELETE FROM {t} WHERE id > {}", seq - 3));
    }
    d.batch(&format!("DELETE FROM chain WHERE seq > {}", seq - 3));
    // The chain alone: intact. Against what was kept outside: cut short.
    ok(&verify(w, &[]));
    for anchor in [&cp_s, &last_s] {
        let o = verify(w, &["--against", anchor]);
        assert_eq!(o.status.code(), Some(1), "{}", text(&o));
        assert!(text(&o).contains("CUT SHORT"), "{}", text(&o));
    }
    // An earlier sheet still holds: the chain it saw is there.
    ok(&verify(w, &["--against", &first_s]));
}
on_both_engines!("sig", deleting_the_last_records_is_caught_against_a_checkpoint_or_a_sheet);

fn a_rewritten_register_is_caught_against_a_checkpoint(w: &Ward) {
    staffed(w);
    issue(w, "HC-105");
    let admin = w.secret(ADMIN.0, ADMIN.1);
    let cp = w.dir.join("checkpoint.json").to_string_lossy().into_owned();
    ok(&run(w, &["register", "checkpoint", "--out", &cp, "--as", ADMIN.0, "--secret-file", &admin]));
    // Every hash from the first record on recomputed over an edited first record.
    let mut d = db(w);
    d.drop_guards();
    d.batch("UPDATE person_events SET by_person = 'Someone Else' WHERE id = 2");
    let o = verify(w, &["--against", &cp]);
    assert_eq!(o.status.code(), Some(1), "{}", text(&o));
    // A checkpoint whose signature was altered is not taken.
    let mut c: serde_json::Value = serde_json::from_slice(&std::fs::read(&cp).unwrap()).unwrap();
    c["seq"] = serde_json::json!(1);
    let forged = w.dir.join("forged.json");
    std::fs::write(&forged, c.to_string()).unwrap();
    let o = verify(w, &["--against", &forged.to_string_lossy()]);
    assert!(text(&o).contains("NOT signed"), "{}", text(&o));
}
on_both_engines!("sig", a_rewritten_register_is_caught_against_a_checkpoint);

// ------------------------------------------------------------------ sheets that prove themselves

/// Revision 2 of the latest order for `record`, with another weight, written as a sheet.
fn revise(w: &Ward, record: &str, weight: &str) -> PathBuf {
    use nkact_dose::order::release::{Delivered, Reach, RegisterAction, Request, release};
    let mut reg = nkact_dose::register::Register::connect(&w.loc).unwrap();
    let now = nkact_dose::clock::now_local();
    let person = reg.authenticate(PHARMACIST.0, PHARMACIST.1, now).unwrap().unwrap();
    let id = reg
        .list(&nkact_dose::register::Filter { patient_id: record.into(), ..Default::default() })
        .unwrap()[0]
        .id;
    let mut order = reg.order(id).unwrap();
    order.inputs.weight = weight.into();
    let out = w.dir.join(format!("{record}-rev2.pdf"));
    let released = release(
        Reach::Open(&mut reg),
        &Request { order: &order, issuer: Some(&person), givers: &[], stagger_reason: None, now },
        |sheet| {
            nkact_dose::sheet::export_pdf(sheet, now, &out, true).unwrap();
            Delivered { done: vec![RegisterAction::Exported], written: vec![out.clone()], failed: None::<()> }
        },
    );
    let released = released.unwrap_or_else(|_| panic!("revision 2 released"));
    assert_eq!(released.order.revision, 2);
    out
}

/// The PDF and its first page rendered at 300 dpi by each renderer.
fn renders(pdf: &Path) -> Vec<PathBuf> {
    let dir = pdf.parent().unwrap();
    let stem = pdf.file_stem().unwrap().to_string_lossy().into_owned();
    let mut out = vec![pdf.to_owned()];
    let pop = dir.join(format!("{stem}-poppler"));
    let s = std::process::Command::new("pdftoppm")
        .args(["-r", "300", "-f", "1", "-l", "1", "-png", "-singlefile"])
        .arg(pdf)
        .arg(&pop)
        .status()
        .expect("pdftoppm (poppler-utils) is installed");
    assert!(s.success());
    out.push(pop.with_extension("png"));
    let gs = dir.join(format!("{stem}-gs.png"));
    let s = std::process::Command::new("gs")
        .args([
            "-q",
            "-dNOPAUSE",
            "-dBATCH",
            "-dSAFER",
            "-sDEVICE=png16m",
            "-r300",
            "-dFirstPage=1",
            "-dLastPage=1",
        ])
        .arg(format!("-sOutputFile={}", gs.display()))
        .arg(pdf)
        .status()
        .expect("gs (Ghostscript) is installed");
    assert!(s.success());
    out.push(gs);
    let mu = dir.join(format!("{stem}-mupdf.png"));
    let s = std::process::Command::new("mutool")
        .args(["draw", "-q", "-r", "300", "-o"])
        .arg(&mu)
        .arg(pdf)
        .arg("1")
        .status()
        .expect("mutool (MuPDF) is installed");
    assert!(s.success());
    out.push(mu);
    out
}

/// `verify-sheet --json` on the PDF and each render: every one gives `status`.
fn says(w: &Ward, sheets: &[PathBuf], status: &str) {
    for f in sheets {
        let o = run(w, &["register", "verify-sheet", &f.to_string_lossy(), "--json"]);
        let t = text(&o);
        let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap_or_else(|_| panic!("{f:?}: {t}"));
        assert_eq!(v["status"], status, "{f:?}: {t}");
        let code = if matches!(status, "current" | "reprint") { 0 } else { 1 };
        assert_eq!(o.status.code(), Some(code), "{f:?}: {t}");
    }
}

// Shows: REQ-REG-003
fn verify_sheet_classifies_every_case(w: &Ward) {
    staffed(w);
    let pharmacist = w.secret(PHARMACIST.0, PHARMACIST.1);
    // Current.
    let sheet = issue(w, "HC-200");
    let current = renders(&sheet);
    says(w, &current, "current");
    // A reprint of it.
    let reprint = w.dir.join("reprint.pdf");
    let id = db(w).row("SELECT order_id FROM entries ORDER BY id DESC LIMIT 1")[0].clone().unwrap();
    let o = run(
        w,
        &[
            "register",
            "reprint",
            &id,
            "--out",
            &reprint.to_string_lossy(),
            "--as",
            PHARMACIST.0,
            "--secret-file",
            &pharmacist,
        ],
    );
    ok(&o);
    says(w, &renders(&reprint), "reprint");
    // Never recorded: the same patient's order written while its register could not be
    // reached (outside the trial's cohorts, which need the register to check the stagger).
    let loose = w.dir.join("loose.pdf");
    let o = std::process::Command::new(env!("CARGO_BIN_EXE_nkact-dose"))
        .env("LC_ALL", "C.UTF-8")
        .env("TZ", "Europe/Madrid")
        .args(order_args(&loose, false))
        .args(["--acknowledged-by", PHARMACIST.0])
        .args(["--register", "postgres://nkact@127.0.0.1:9/nothing"])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(4), "written, not recorded: {}", text(&o));
    says(w, &renders(&loose), "never-recorded");
    // From another register.
    let other =
        Ward { loc: w.dir.join("other.sqlite3").to_string_lossy().into_owned(), dir: w.dir.join("other") };
    std::fs::create_dir_all(&other.dir).unwrap();
    staffed(&other);
    let foreign = issue(&other, "HC-900");
    says(w, &renders(&foreign), "other-register");
    // Superseded: the order opened again, its weight corrected and released as revision 2
    // (as the window does), through the one release workflow.
    let revised = revise(w, "HC-100", "72");
    says(w, &current, "superseded");
    says(w, &renders(&revised), "current");
    // A register edited after printing: an earlier record's dose changed.
    let mut d = db(w);
    d.drop_guards();
    d.batch("UPDATE entries SET doses = replace(doses, '1092', '1200') WHERE patient_id = 'HC-100'");
    says(w, &current, "changed-after-printing");
    // The edited record is marked where it is listed, and not printed again.
    let o = run(w, &["register", "list"]);
    ok(&o);
    assert!(text(&o).contains("FAILS ITS CHAIN CHECK"), "{}", text(&o));
    let edited = db(w).row("SELECT CAST(min(id) AS TEXT) AS i FROM entries WHERE patient_id = 'HC-100'")[0]
        .clone()
        .unwrap();
    let again = w.dir.join("again.pdf");
    let o = run(
        w,
        &[
            "register",
            "reprint",
            &edited,
            "--out",
            &again.to_string_lossy(),
            "--as",
            PHARMACIST.0,
            "--secret-file",
            &pharmacist,
        ],
    );
    assert_eq!(o.status.code(), Some(3), "{}", text(&o));
    assert!(text(&o).contains("no longer matches"), "{}", text(&o));
    assert!(!again.exists());
}
on_both_engines!("sig", verify_sheet_classifies_every_case);

// ------------------------------------------------------------------ the prepared step's vials (issue 21)

// Shows: REQ-PROD-003
fn the_prepared_step_carries_each_vials_lot_and_refuses_an_expired_one(w: &Ward) {
    staffed(w);
    issue(w, "HC-300");
    let id = db(w).row("SELECT order_id FROM entries ORDER BY id DESC LIMIT 1")[0].clone().unwrap();
    // The technician who prepares (not the pharmacist who issued).
    let admin = w.secret(ADMIN.0, ADMIN.1);
    let secret = w.secret("Pere Soler", "copper-Lagoon-63-willow");
    ok(&run(
        w,
        &[
            "register",
            "people",
            "add",
            "Pere Soler",
            "--role",
            "technician",
            "--secret-file",
            &secret,
            "--as",
            ADMIN.0,
            "--as-secret-file",
            &admin,
        ],
    ));
    let gs = '\u{1d}';
    let sign = |extra: &[&str]| {
        let mut a = vec![
            "register",
            "sign",
            &id,
            "--step",
            "prepared",
            "--as",
            "Pere Soler",
            "--secret-file",
            &secret,
        ];
        a.extend_from_slice(extra);
        run(w, &a)
    };
    // Expired before today: refused, nothing signed.
    let o = sign(&["--scan", "]d20104006381333931172001311012AB34"]);
    assert_eq!(o.status.code(), Some(2), "{}", text(&o));
    assert!(text(&o).contains("expired"), "{}", text(&o));
    // A separator lost by the scanner: refused in words, never misread.
    let o = sign(&["--scan", "010400638133393121SN1231749123110L1"]);
    assert_eq!(o.status.code(), Some(2), "{}", text(&o));
    assert!(text(&o).contains("lost a separator"), "{}", text(&o));
    // Two vials, one scanned and one typed, and the volume measured: signed with the step.
    let scan = format!("]d20104006381333931174912311012AB34{gs}21SN0001\r\n");
    ok(&sign(&["--scan", &scan, "--lot", "L-77", "--expiry", "2049-06-30", "--measured", "54.6 mL"]));
    let shown: serde_json::Value =
        serde_json::from_slice(&run(w, &["register", "show", &id, "--json"]).stdout).unwrap();
    let step = shown["chain"].as_array().unwrap().iter().find(|s| s["step"] == "prepared").unwrap().clone();
    let detail: serde_json::Value = serde_json::from_str(step["detail"].as_str().unwrap()).unwrap();
    assert_eq!(detail["vials"][0]["lot"], "12AB34", "{detail}");
    assert_eq!(detail["vials"][0]["expiry"], "2049-12-31", "{detail}");
    assert_eq!(detail["vials"][0]["gtin"], "04006381333931", "{detail}");
    assert_eq!(detail["vials"][1]["lot"], "L-77", "{detail}");
    assert_eq!(detail["measured"], "54.6 mL", "{detail}");
    // Signed like every step: the chain verifies.
    ok(&verify(w, &[]));
}
on_both_engines!("sig", the_prepared_step_carries_each_vials_lot_and_refuses_an_expired_one);
