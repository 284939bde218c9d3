//! The product after release (issue 21), on both engines, through the program as a ward
//! runs it and through the window:
//! - every bedside refusal — another patient's bag, a bag of another order, of a superseded
//!   revision, a withheld product, a bag past its beyond-use time, an NK bag past "infuse by",
//!   the Day 2 IL-2 before the NK cells or more than 24 h after them (trial record: "IL-2 …
//!   on Day 2 (within 24h after NK infusion)") — given by the command line and by the
//!   Administration view (egui_kittest) with the same words, nothing signed; an override by a
//!   prescriber with a reason passes and is counted;
//! - the NK product received against the order's IDs, and `register trace --nk-product`;
//! - a lot scanned into the prepared step, and `register trace --lot` (recall);
//! - every label decodes with `dmtxread` from 300-dpi renders by poppler, Ghostscript and
//!   MuPDF, and the decoded content is what `register show --json` says of each bag.

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
use std::process::{Command, Output};

use chrono::{NaiveDateTime, TimeDelta};
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use nkact_dose::app::{Action, AppState, Preferences};
use nkact_dose::gui::GuiApp;
use ward::{Ward, ok};

use eframe::egui;

const ADMIN: (&str, &str) = ("Admin Farmacia", "marble-Orchid-47-lantern");
const PHARMACIST: (&str, &str) = ("Ana Ruiz", "violet-Harbor-92-compass");
const NURSE: (&str, &str) = ("Luis Gil", "amber-Falcon-31-meadow");
const TECHNICIAN: (&str, &str) = ("Pere Soler", "copper-Lagoon-63-willow");
const PRESCRIBER: (&str, &str) = ("Dra. Marta Vidal", "silver-Canyon-58-thistle");

fn text(o: &Output) -> String {
    format!("{}{}", String::from_utf8_lossy(&o.stdout), String::from_utf8_lossy(&o.stderr))
}

/// The program at a workstation in this process's time zone (the window below runs here too).
fn run(w: &Ward, args: &[&str]) -> Output {
    let tz = std::env::var("TZ").unwrap_or_else(|_| "UTC".to_owned());
    w.command(&tz, args).output().unwrap()
}

fn now() -> NaiveDateTime {
    nkact_dose::clock::now_local()
}

fn day(offset: i64) -> String {
    (now().date() + TimeDelta::days(offset)).format("%Y-%m-%d").to_string()
}

fn staffed(w: &Ward) {
    let admin = w.secret(ADMIN.0, ADMIN.1);
    ok(&run(w, &["register", "init", "--admin", ADMIN.0, "--secret-file", &admin]));
    for (who, role) in
        [(PHARMACIST, "pharmacist"), (NURSE, "nurse"), (TECHNICIAN, "technician"), (PRESCRIBER, "prescriber")]
    {
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

fn site(w: &Ward, json: &str) -> String {
    let f = w.dir.join("site.json");
    std::fs::write(&f, json).unwrap();
    f.to_string_lossy().into_owned()
}

/// Issues a cycle-1 order for trial patient HC-100 (subject S-01) with Day 1 `day1`, its NK
/// product NKP-7 in bag NKB-7-1, as the pharmacist; its order ID.
fn issue_cycle1(w: &Ward, day1: &str, site_json: &str) -> String {
    let out = w.dir.join("c1.pdf");
    let secret = w.secret(PHARMACIST.0, PHARMACIST.1);
    let settings = site(w, site_json);
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
        "--name",
        "Lucía Gómez",
        "--patient-id",
        "HC-100",
        "--subject",
        "S-01",
        "--cohort",
        "expansion",
        "--nk-product-id",
        "NKP-7",
        "--nk-bag-id",
        "NKB-7-1",
    ]
    .map(String::from)
    .to_vec();
    args.extend(["--day1".into(), day1.into(), "--out".into(), out.to_string_lossy().into_owned()]);
    args.extend(["--site-settings".into(), settings]);
    args.extend(eligible::args(day1));
    args.extend(["--as".into(), PHARMACIST.0.into(), "--secret-file".into(), secret]);
    let refs: Vec<&str> = args.iter().map(String::as_str).collect();
    ok(&run(w, &refs));
    latest_order(w, "HC-100")
}

/// Issues a cycle-2 order (trastuzumab and pertuzumab maintenance) for `record`; its order ID.
fn issue_cycle2(w: &Ward, record: &str, name: &str) -> String {
    let out = w.dir.join(format!("{record}-c2.pdf"));
    let secret = w.secret(PHARMACIST.0, PHARMACIST.1);
    let last = day(-20);
    let d1 = day(0);
    let lvef = format!("62@{}", day(-5));
    let args = [
        "order",
        "--weight",
        "70",
        "--height",
        "170",
        "--dob",
        "1970-01-01",
        "--allergies",
        "none known",
        "--cycle",
        "2",
        "--force",
        "--name",
        name,
        "--patient-id",
        record,
        "--day1",
        &d1,
        "--last-trastuzumab",
        &last,
        "--last-pertuzumab",
        &last,
        "--previous-infusion-tolerated",
        "yes",
        "--lvef",
        &lvef,
        "--lvef-baseline",
        "62",
        "--out",
        out.to_str().unwrap(),
        "--as",
        PHARMACIST.0,
        "--secret-file",
        &secret,
    ];
    ok(&run(w, &args));
    latest_order(w, record)
}

fn latest_order(w: &Ward, record: &str) -> String {
    let o = run(w, &["register", "list", "--patient-id", record, "--json"]);
    ok(&o);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    v[0]["order_id"].as_str().unwrap().to_owned()
}

/// `register show --json` of an order's latest sheet.
fn shown(w: &Ward, id: &str) -> serde_json::Value {
    let o = run(w, &["register", "show", id, "--json"]);
    ok(&o);
    serde_json::from_slice(&o.stdout).unwrap()
}

/// The label code of bag `n` of the order's latest sheet, as `register show --json` gives it.
fn code(w: &Ward, id: &str, n: usize) -> String {
    shown(w, id)["bags"][n - 1]["code"].as_str().unwrap().to_owned()
}

fn labels(w: &Ward, id: &str) -> PathBuf {
    let out = w.dir.join(format!("labels-{id}.pdf"));
    let _ = std::fs::remove_file(&out);
    let s = w.secret(TECHNICIAN.0, TECHNICIAN.1);
    ok(&run(
        w,
        &[
            "register",
            "labels",
            id,
            "--out",
            out.to_str().unwrap(),
            "--as",
            TECHNICIAN.0,
            "--secret-file",
            &s,
        ],
    ));
    out
}

/// A new revision of order `id` (latest) with `change` applied, released as the pharmacist.
fn revise(w: &Ward, id: &str, change: impl FnOnce(&mut nkact_dose::order::Order)) {
    use nkact_dose::order::release::{Delivered, Reach, RegisterAction, Request, release};
    let mut reg = nkact_dose::register::Register::connect(&w.loc).unwrap();
    let person = reg.authenticate(PHARMACIST.0, PHARMACIST.1, now()).unwrap().unwrap();
    let entry = reg.latest_entry_of(id).unwrap().unwrap();
    let mut order = reg.order(entry).unwrap();
    change(&mut order);
    let report = order.report().unwrap();
    for warning in order.unacknowledged(&report) {
        order.acknowledged.push(nkact_dose::order::Acknowledgement {
            code: warning.code.clone(),
            detail: warning.detail.clone(),
            by: PHARMACIST.0.into(),
            at: now(),
            reason: Some("reviewed".into()),
        });
    }
    let out = w.dir.join(format!("{id}-rev.pdf"));
    let released = release(
        Reach::Open(&mut reg),
        &Request { order: &order, issuer: Some(&person), givers: &[], stagger_reason: None, now: now() },
        |sheet| {
            nkact_dose::sheet::export_pdf(sheet, now(), &out, true).unwrap();
            Delivered { done: vec![RegisterAction::Exported], written: vec![out.clone()], failed: None::<()> }
        },
    );
    assert!(released.is_ok(), "the revision was released");
}

/// The bedside check from the command line.
fn administer(w: &Ward, id: &str, bag: &str, band: &str, extra: &[&str]) -> Output {
    let s = w.secret(NURSE.0, NURSE.1);
    let mut a = vec![
        "register",
        "administer",
        id,
        "--bag-code",
        bag,
        "--wristband",
        band,
        "--as",
        NURSE.0,
        "--secret-file",
        &s,
    ];
    a.extend_from_slice(extra);
    run(w, &a)
}

/// The bedside check in the window's Administration view: the nurse types (a scanner types)
/// the wristband and the bag's code and signs; (given, what the view says).
fn window_administer(w: &Ward, id: &str, bag: &str, band: &str) -> (bool, String) {
    let prefs = Preferences {
        register_path: Some(PathBuf::from(&w.loc)),
        lang: Some(nkact_dose::locale::Lang::En),
        ..Preferences::default()
    };
    let app = GuiApp::new(AppState::new(prefs, nkact_dose::clock::now_local));
    let mut h = Harness::builder()
        .with_size(egui::vec2(1280.0, 1000.0))
        .with_max_steps(12)
        .build_ui_state(|ui, app: &mut GuiApp| app.ui(ui), app);
    h.run();
    h.state_mut().state.apply(Action::ShowRegister);
    h.run();
    h.get_by_role_and_label(Role::Button, "Administration…").click_accesskit();
    h.run();
    // A keyboard wedge's GS (FNC1) may not reach a text field: typed without it.
    let bag: String = bag.chars().filter(|c| *c != '\u{1d}').collect();
    for (role, label, value) in [
        (Role::TextInput, "Order ID", id),
        (Role::TextInput, "Wristband (record number)", band),
        (Role::TextInput, "Bag label code", bag.as_str()),
        (Role::TextInput, "Nurse", NURSE.0),
        (Role::PasswordInput, "Nurse's secret", NURSE.1),
    ] {
        h.get_by_role_and_label(role, label).focus();
        h.run();
        h.get_by_role_and_label(role, label).type_text(value);
        h.run();
    }
    h.get_by_role_and_label(Role::Button, "Check and sign the administration").click_accesskit();
    h.run();
    let outcome = h.state().state.administer.outcome.clone().expect("the view says what happened");
    assert!(h.state().state.administer.nurse_secret.is_empty(), "the secret does not stay in the field");
    outcome
}

/// Steps signed for an order.
fn steps(w: &Ward, id: &str, step: &str) -> usize {
    shown(w, id)["chain"].as_array().unwrap().iter().filter(|s| s["step"] == step).count()
}

/// A refusal, the same through the window and the command line, and nothing signed.
fn refused(w: &Ward, id: &str, bag: &str, band: &str, says: &str) {
    let before = steps(w, id, "administered");
    let (given, words) = window_administer(w, id, bag, band);
    assert!(!given, "the window refused ({says}): {words}");
    assert!(words.contains(says), "the window says {says:?}: {words}");
    let o = administer(w, id, bag, band, &[]);
    assert_eq!(o.status.code(), Some(2), "{}", text(&o));
    assert!(text(&o).contains(says), "the command line says {says:?}: {}", text(&o));
    let first = words.lines().next().unwrap();
    assert!(text(&o).contains(first), "the same words on both faces:\n{words}\n---\n{}", text(&o));
    assert_eq!(steps(w, id, "administered"), before, "nothing signed");
}

// Shows: REQ-PROD-002, REQ-PROD-004
fn every_bedside_refusal_through_both_faces(w: &Ward) {
    staffed(w);
    // Day 2 (NK cells, then IL-2) is today. The NK product keeps 1 hour after release; a
    // trastuzumab bag keeps 2 seconds (site settings, so the test need not wait a day).
    let id = issue_cycle1(
        w,
        &day(-1),
        r#"{"administration": {"nk_max_hours_after_release": 1},
            "preparation": {"stability": [{"drug": "trastuzumab", "storage": "refrigerated", "hours": 0.0005}]}}"#,
    );
    let bags = shown(w, &id)["bags"].as_array().unwrap().clone();
    let drugs: Vec<&str> = bags.iter().map(|b| b["drug"].as_str().unwrap()).collect();
    assert_eq!(
        drugs,
        ["cyclophosphamide", "trastuzumab", "pertuzumab", "interleukin-2", "interleukin-2", "interleukin-2"],
        "one bag or syringe per dose to give, in order"
    );
    let (trastuzumab, il2_day2) = (code(w, &id, 2), code(w, &id, 4));

    // A code the register never printed a label for.
    refused(w, &id, &trastuzumab, "HC-100", "no label printed for bag 2");
    labels(w, &id);
    refused(w, &id, "HELLO-123", "HC-100", "not a label of this order");
    let damaged = trastuzumab.replacen("9302", "9303", 1);
    refused(w, &id, &damaged, "HC-100", "does not pass its check");
    refused(w, &id, &trastuzumab, "HC-999", "the wristband HC-999 is not this order's patient");
    // Past its beyond-use time (2 seconds after the labels).
    std::thread::sleep(std::time::Duration::from_millis(2500));
    refused(w, &id, &trastuzumab, "HC-100", "This bag expired at");
    // The Day 2 IL-2 before the NK cells.
    refused(w, &id, &il2_day2, "HC-100", "The Day 2 IL-2 is given after the NK cells");
    // The NK bag before its receipt, then past "infuse by" (released 3 h ago, keeps 1 h).
    refused(w, &id, "NKB-7-1", "HC-100", "receipt was not signed");
    let pharm = w.secret(PHARMACIST.0, PHARMACIST.1);
    let released = (now() - TimeDelta::hours(3)).format("%Y-%m-%d %H:%M").to_string();
    let receive = |product: &str, bag: &str| {
        run(
            w,
            &[
                "register",
                "receive",
                &id,
                "--product",
                product,
                "--bag",
                bag,
                "--released-at",
                &released,
                "--temperature",
                "4 °C",
                "--integrity",
                "intact, sealed",
                "--as",
                PHARMACIST.0,
                "--secret-file",
                &pharm,
            ],
        )
    };
    let o = receive("NKP-8", "NKB-7-1");
    assert_eq!(o.status.code(), Some(2), "another product is not received: {}", text(&o));
    assert!(text(&o).contains("do not accept it"), "{}", text(&o));
    ok(&receive("nkp-7", "nkb-7-1"));
    refused(w, &id, "NKB-7-1", "HC-100", "had to be infused by");
    // Another patient's bag, and a bag of another order of this patient.
    let other = issue_cycle2(w, "HC-200", "Marta Soler");
    labels(w, &other);
    refused(w, &id, &code(w, &other, 1), "HC-100", "this bag is for another patient (record HC-200)");
    let second = issue_cycle2(w, "HC-100", "Lucía Gómez");
    labels(w, &second);
    refused(w, &id, &code(w, &second, 1), "HC-100", "belongs to another order of this patient");
    // A bag of a superseded revision; then the antibodies withheld (LVEF down 15 points, 47 %).
    let old = code(w, &other, 1);
    revise(w, &other, |o| o.inputs.weight = "72".into());
    refused(w, &other, &old, "HC-200", "revision 2 replaced it");
    let rev2 = code(w, &other, 1);
    revise(w, &other, |o| {
        o.clinical.lvef_baseline = "62".into();
        o.clinical.lvef = "47".into();
        o.clinical.lvef_date = day(-1);
    });
    refused(w, &other, &rev2, "HC-200", "Trastuzumab is withheld");

    // The NK cells given with a prescriber's reasoned override; counted.
    let doc = w.secret(PRESCRIBER.0, PRESCRIBER.1);
    let override_args = [
        "--reason",
        "sponsor confirmed the product's viability by phone",
        "--prescriber",
        PRESCRIBER.0,
        "--prescriber-secret-file",
        &doc,
    ];
    let o = administer(
        w,
        &id,
        "NKB-7-1",
        "HC-100",
        &["--reason", "x", "--prescriber", NURSE.0, "--prescriber-secret-file", &w.secret(NURSE.0, NURSE.1)],
    );
    assert_eq!(o.status.code(), Some(2), "a nurse does not override: {}", text(&o));
    ok(&administer(w, &id, "NKB-7-1", "HC-100", &override_args));
    let o = run(w, &["register", "overrides", "--json"]);
    ok(&o);
    let counts: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert!(
        counts.as_array().unwrap().iter().any(|c| c["kind"] == "bedside:past-infuse-by" && c["count"] == 1),
        "{counts}"
    );
    refused(w, &id, "NKB-7-1", "HC-100", "was already given");
    // The Day 2 IL-2 after the cells: given through the window (scanned without GS), once.
    let (given, words) = window_administer(w, &id, &il2_day2, "hc-100");
    assert!(given, "{words}");
    refused(w, &id, &il2_day2, "HC-100", "was already given");
    assert_eq!(steps(w, &id, "administered"), 2);
    ok(&run(w, &["register", "verify"]));

    // The chain of identity of the NK product.
    let o = run(w, &["register", "trace", "--nk-product", "NKP-7", "--json"]);
    ok(&o);
    let t: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(t[0]["record"], "HC-100", "{t}");
    assert_eq!(t[0]["bag"], "NKB-7-1", "{t}");
    let kinds: Vec<&str> =
        t[0]["steps"].as_array().unwrap().iter().map(|s| s["step"].as_str().unwrap()).collect();
    for step in ["issued", "labelled", "received", "override", "administered"] {
        assert!(kinds.contains(&step), "{step} in the trace: {kinds:?}");
    }
}
on_both_engines!("bedside", every_bedside_refusal_through_both_faces);

// Shows: REQ-PROD-002
fn the_day2_il2_more_than_24_hours_after_the_nk_cells_is_refused(w: &Ward) {
    staffed(w);
    // Day 2 was yesterday: the NK cells given then at 00:00; the Day 2 IL-2 now (tolerance 1 day).
    let id = issue_cycle1(w, &day(-2), r#"{"administration": {"nk_max_hours_after_release": 48}}"#);
    labels(w, &id);
    let pharm = w.secret(PHARMACIST.0, PHARMACIST.1);
    let yesterday = format!("{} 00:00", day(-1));
    ok(&run(
        w,
        &[
            "register",
            "receive",
            &id,
            "--product",
            "NKP-7",
            "--bag",
            "NKB-7-1",
            "--released-at",
            &yesterday,
            "--temperature",
            "5 °C",
            "--integrity",
            "intact",
            "--as",
            PHARMACIST.0,
            "--secret-file",
            &pharm,
        ],
    ));
    ok(&administer(w, &id, "NKB-7-1", "HC-100", &["--at", &yesterday]));
    refused(w, &id, &code(w, &id, 4), "HC-100", "within 24 hours");
}
on_both_engines!("bedside", the_day2_il2_more_than_24_hours_after_the_nk_cells_is_refused);

// Shows: REQ-PROD-004
fn a_lot_is_traced_to_every_patient_order_and_bag(w: &Ward) {
    staffed(w);
    let id = issue_cycle1(w, &day(-1), "{}");
    let tech = w.secret(TECHNICIAN.0, TECHNICIAN.1);
    let gs = '\u{1d}';
    // Trastuzumab (bag 2): two vials scanned, the volume measured (26.7 mL to draw, 5 %).
    let scan = format!("]d20104006381333931174912311012AB34{gs}21SN0001\r\n");
    let sign = |extra: &[&str]| {
        let mut a = vec![
            "register",
            "sign",
            &id,
            "--step",
            "prepared",
            "--as",
            TECHNICIAN.0,
            "--secret-file",
            &tech,
            "--bag",
            "2",
        ];
        a.extend_from_slice(extra);
        run(w, &a)
    };
    let o = sign(&["--scan", &scan, "--measured", "29.5 mL"]);
    assert_eq!(o.status.code(), Some(2), "10 % over the target is refused: {}", text(&o));
    assert!(text(&o).contains("outside ± 5 %"), "{}", text(&o));
    ok(&sign(&["--scan", &scan, "--lot", "L-77", "--expiry", "2049-06-30", "--measured", "26,9 mL"]));
    for lot in ["12AB34", "12ab34", "L-77"] {
        let o = run(w, &["register", "trace", "--lot", lot, "--json"]);
        ok(&o);
        let t: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
        assert_eq!(t.as_array().unwrap().len(), 1, "{lot}: {t}");
        assert_eq!(
            (t[0]["record"].as_str(), t[0]["order_id"].as_str()),
            (Some("HC-100"), Some(id.as_str())),
            "{t}"
        );
        assert_eq!((t[0]["bag"].as_u64(), t[0]["drug"].as_str()), (Some(2), Some("trastuzumab")), "{t}");
    }
    let o = run(w, &["register", "trace", "--lot", "NOPE-1"]);
    ok(&o);
    assert!(text(&o).contains("No bag"), "{}", text(&o));
    ok(&run(w, &["register", "verify"]));
    // The recall index is checked by `verify`: a row removed by hand (its guard dropped) would
    // hide the bag from a recall; verify names the step.
    let sql = if w.loc.starts_with("postgres") {
        "DROP TRIGGER trace_keys_append_only ON trace_keys; DELETE FROM trace_keys WHERE key = 'L-77'"
    } else {
        "DROP TRIGGER trace_keys_append_only_delete; DELETE FROM trace_keys WHERE key = 'L-77'"
    };
    if w.loc.starts_with("postgres") {
        postgres::Client::connect(&w.loc, postgres::NoTls).unwrap().batch_execute(sql).unwrap();
    } else {
        rusqlite::Connection::open(&w.loc).unwrap().execute_batch(sql).unwrap();
    }
    let o = run(w, &["register", "verify"]);
    assert_eq!(o.status.code(), Some(1), "{}", text(&o));
    assert!(text(&o).contains("events: trace index"), "{}", text(&o));
    // The worksheet prints what was recorded.
    let ws = w.dir.join("ws.pdf");
    ok(&run(w, &["register", "worksheet", &id, "--out", ws.to_str().unwrap()]));
    let o = Command::new("pdftotext").args(["-layout", ws.to_str().unwrap(), "-"]).output().unwrap();
    let t = String::from_utf8_lossy(&o.stdout);
    for expected in ["12AB34", "L-77", "26,9 mL", "Pere Soler"] {
        assert!(t.contains(expected), "{expected} on the worksheet:\n{t}");
    }
}
on_both_engines!("bedside", a_lot_is_traced_to_every_patient_order_and_bag);

/// The labels' pages rendered at 300 dpi by one renderer; the PNG files.
fn render(pdf: &Path, tool: &str) -> Vec<PathBuf> {
    let dir = pdf.with_extension(tool);
    std::fs::create_dir_all(&dir).unwrap();
    let base = dir.join("p");
    let st = match tool {
        "poppler" => Command::new("pdftoppm")
            .args(["-r", "300", "-png", pdf.to_str().unwrap(), base.to_str().unwrap()])
            .status(),
        "gs" => Command::new("gs")
            .args(["-q", "-dSAFER", "-dBATCH", "-dNOPAUSE", "-sDEVICE=pnggray", "-r300"])
            .arg(format!("-sOutputFile={}-%d.png", base.display()))
            .arg(pdf)
            .status(),
        _ => Command::new("mutool")
            .args(["draw", "-q", "-r", "300", "-o"])
            .arg(format!("{}-%d.png", base.display()))
            .arg(pdf)
            .status(),
    };
    assert!(st.unwrap().success(), "{tool} rendered");
    let mut pages: Vec<PathBuf> = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().path()).collect();
    pages.sort_by_key(|p| {
        let s = p.file_stem().unwrap().to_string_lossy().into_owned();
        s.rsplit('-').next().unwrap().parse::<u32>().unwrap_or(0)
    });
    pages
}

#[test]
// Shows: REQ-PROD-001
fn every_label_decodes_through_three_renderers_as_the_register_says() {
    let d = ward::dir("bedside", "dmtx");
    let w = Ward { loc: d.join("register.sqlite3").to_string_lossy().into_owned(), dir: d };
    staffed(&w);
    let id = issue_cycle1(&w, &day(7), "{}");
    let pdf = labels(&w, &id);
    let bags = shown(&w, &id)["bags"].as_array().unwrap().clone();
    assert_eq!(bags.len(), 6, "cyclophosphamide, trastuzumab, pertuzumab and three IL-2 syringes");
    for tool in ["poppler", "gs", "mupdf"] {
        let pages = render(&pdf, tool);
        assert_eq!(pages.len(), bags.len(), "{tool}: one label per page on 100 × 60 mm stock");
        for (page, bag) in pages.iter().zip(&bags) {
            let o = Command::new("dmtxread").args(["-N", "1", "-m", "20000"]).arg(page).output().unwrap();
            let decoded = String::from_utf8_lossy(&o.stdout).into_owned();
            assert_eq!(
                decoded,
                bag["code"].as_str().unwrap(),
                "{tool} {}: bag {}",
                page.display(),
                bag["bag"]
            );
            let code = nkact_dose::domain::product::BagCode::parse(&decoded).unwrap();
            assert_eq!(
                (code.order_id.as_str(), u64::from(code.bag)),
                (id.as_str(), bag["bag"].as_u64().unwrap())
            );
        }
    }
}
