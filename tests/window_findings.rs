//! Issue 18, what the Spanish pharmacist and nurse found walking the real
//! window (egui_kittest, headless): keystrokes that landed in another field
//! when an error line came or went above it; an LVEF or a laboratory value
//! half typed that gave full doses; a double-check that never re-entered the
//! LVEF; a verifier who saw the previous verifier's entries; criteria results
//! beyond the right edge; override rows that pushed Export and Print off the
//! screen; a correct cyclophosphamide date flagged red.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::float_cmp)] // tests may fail loudly

#[path = "common/eligible.rs"]
mod eligible;
#[path = "common/scratch.rs"]
mod scratch;

use chrono::NaiveDateTime;
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use nkact_dose::app::{AppState, Mode, Preferences};
use nkact_dose::gui::GuiApp;

use eframe::egui;

fn fixed_now() -> NaiveDateTime {
    NaiveDateTime::parse_from_str("2026-03-01 10:00", "%Y-%m-%d %H:%M").unwrap()
}

fn harness_sized(width: f32, height: f32) -> Harness<'static, GuiApp> {
    let register = scratch::root().join(format!("nkact-window-findings-{}.sqlite3", std::process::id()));
    let prefs = Preferences {
        register_path: Some(register),
        lang: Some(nkact_dose::locale::Lang::En),
        ..Preferences::default()
    };
    let app = GuiApp::new(AppState::new(prefs, fixed_now));
    let mut h = Harness::builder()
        .with_size(egui::vec2(width, height))
        .with_max_steps(12)
        .build_ui_state(|ui, app: &mut GuiApp| app.ui(ui), app);
    h.run();
    h
}

fn harness() -> Harness<'static, GuiApp> {
    harness_sized(1280.0, 1000.0)
}

fn type_only(h: &mut Harness<'static, GuiApp>, label: &str, text: &str) {
    h.get_by_role_and_label(Role::TextInput, label).focus();
    h.run();
    h.get_by_role_and_label(Role::TextInput, label).type_text(text);
    h.run();
}

fn type_into(h: &mut Harness<'static, GuiApp>, label: &str, text: &str) {
    type_only(h, label, text);
    h.key_press(egui::Key::Enter);
    h.run();
}

/// The first warning acknowledged, then the double-check screen opened.
fn open_check(h: &mut Harness<'static, GuiApp>) {
    let warning = h.state().state.report().unwrap().warnings.first().map(|w| w.kind.clone());
    if let Some(w) = warning {
        h.get_by_role_and_label(Role::CheckBox, &nkact_dose::present::Words::english().warning(&w))
            .click_accesskit();
        h.run();
    }
    h.get_by_role_and_label(Role::Button, "Double-check").click_accesskit();
    h.run();
}

/// The double-check of `fill`'s order, as a nurse types it; `latest_lvef` is what she reads.
fn double_check(h: &mut Harness<'static, GuiApp>, latest_lvef: &str) {
    open_check(h);
    assert_eq!(h.state().state.mode, Mode::DoubleCheck);
    type_into(h, "Verifier name", "Enf. Carmen Ruiz");
    h.get_by_role_and_label(
        Role::CheckBox,
        "I confirmed the name, record number and date of birth on every bag label",
    )
    .click_accesskit();
    h.run();
    for (label, text) in [
        ("Re-entered weight (kg)", "70"),
        ("Re-entered height (cm)", "170"),
        ("Re-entered NK cells", "2e8"),
        ("Cyclophosphamide (mg)", "1092"),
        ("Trastuzumab (mg)", "560"),
        ("Pertuzumab (mg)", "840"),
        ("Interleukin-2 (aldesleukin) (units)", "910000"),
        ("Latest LVEF (%), from the report", latest_lvef),
        ("Baseline LVEF (%), from the report", "62"),
    ] {
        type_into(h, label, text);
    }
    h.get_by_role_and_label(Role::Button, "Compare").click_accesskit();
    h.run();
}

fn shows(h: &Harness<'static, GuiApp>, text: &str) -> bool {
    h.query_all_by_label_contains(text).next().is_some()
}

/// A complete cycle-1 order, every criterion met (Day 1 2026-03-09).
fn fill(h: &mut Harness<'static, GuiApp>) {
    for (label, text) in [
        ("Patient name", "Lucía Gómez"),
        ("Hospital record number", "HC-8"),
        ("Date of birth", "1975-07-07"),
        ("Allergies", "none known"),
        ("Your name (issued by)", "Farm. A. García"),
        ("Weight (kg)", "70"),
        ("Height (cm)", "170"),
        ("Cycle", "1"),
        ("NK cells", "2e8"),
        ("Day 1 date", "2026-03-09"),
    ] {
        type_into(h, label, text);
    }
    h.state_mut().state.order.clinical = eligible::clinical("2026-03-09");
    h.run();
}

/// Every string leaf of a JSON value, with its path.
fn leaves(v: &serde_json::Value, path: String, out: &mut Vec<(String, String)>) {
    match v {
        serde_json::Value::Object(m) => {
            for (k, x) in m {
                leaves(x, format!("{path}.{k}"), out);
            }
        }
        serde_json::Value::Array(a) => {
            for (i, x) in a.iter().enumerate() {
                leaves(x, format!("{path}[{i}]"), out);
            }
        }
        other => out.push((path, other.to_string())),
    }
}

fn order_leaves(h: &Harness<'static, GuiApp>) -> Vec<(String, String)> {
    let mut out = Vec::new();
    leaves(&serde_json::to_value(&h.state().state.order).unwrap(), String::new(), &mut out);
    out
}

#[test]
fn keystrokes_stay_in_their_field_while_an_error_comes_and_goes_above_it() {
    // Issue 18 (harm): re-typing the NK count as 180000000 while an error line appeared above put
    // the digits into the NK product ID and left the count empty. Every text field of the form
    // below the date of birth, typed into while the date of birth's error line appears and
    // disappears above it, takes every keystroke itself and changes no other field.
    let mut h = harness();
    fill(&mut h);
    let filled = h.state().state.order.clone();
    let count = h.query_all_by_role(Role::TextInput).count();
    assert!(count > 30, "the form's fields are found ({count})");
    let mut tried = 0;
    for i in 0..count {
        h.state_mut().state.order = filled.clone();
        h.run();
        let node = h.query_all_by_role(Role::TextInput).nth(i).unwrap();
        let label = node.accesskit_node().label().unwrap_or_default();
        // The fields above the date of birth do not move.
        if ["Patient name", "Hospital record number", "Date of birth"].contains(&label.as_str()) {
            continue;
        }
        node.focus();
        h.run();
        let before = order_leaves(&h);
        for (k, c) in "97".chars().enumerate() {
            // The error line under the date of birth appears, then goes.
            h.state_mut().state.order.patient.date_of_birth =
                if k % 2 == 0 { "1975-13-99" } else { "1975-07-07" }.into();
            h.run();
            h.event(egui::Event::Text(c.to_string()));
            h.run();
        }
        h.state_mut().state.order.patient.date_of_birth = "1975-07-07".into();
        h.run();
        let after = order_leaves(&h);
        // The fields a person types (the acknowledgements follow the date of birth, toggled here).
        let typed_leaf = |p: &str| {
            [
                ".inputs",
                ".clinical",
                ".patient.name",
                ".patient.identifier",
                ".patient.allergies",
                ".trial",
                ".issued_by",
            ]
            .iter()
            .any(|k| p.starts_with(k))
        };
        let changed: Vec<_> = before.iter().zip(&after).filter(|(a, b)| a != b && typed_leaf(&a.0)).collect();
        assert!(changed.len() <= 1, "field {i} ({label:?}): typing changed {changed:?}");
        let typed = h.query_all_by_role(Role::TextInput).nth(i).unwrap().value().unwrap_or_default();
        assert!(typed.contains("97"), "field {i} ({label:?}) holds {typed:?}: keystrokes went elsewhere");
        if let Some((_, (_, new))) = changed.first() {
            assert!(new.contains("97"), "field {i} ({label:?}): {new}");
        }
        tried += 1;
    }
    assert!(tried > 25, "{tried} fields tried");
}

#[test]
fn an_lvef_or_a_lab_value_half_typed_gives_provisional_doses_and_nothing_can_leave() {
    // Issue 18 (harm): "6" on the way to "60" showed full antibody doses with Export enabled.
    for (label, text) in [("Baseline LVEF (%)", "6"), ("LVEF (%)", "5"), ("Platelets", "1")] {
        let mut h = harness();
        fill(&mut h);
        // The field is emptied first, as a person re-typing it does.
        match label {
            "Baseline LVEF (%)" => h.state_mut().state.order.clinical.lvef_baseline.clear(),
            "LVEF (%)" => h.state_mut().state.order.clinical.lvef.clear(),
            _ => h
                .state_mut()
                .state
                .order
                .clinical
                .lab_mut(nkact_dose::criteria::LabCode::Platelets)
                .measure
                .clear(),
        }
        h.run();
        let node = h.query_all_by_role_and_label(Role::TextInput, label).next().unwrap();
        node.focus();
        h.run();
        h.query_all_by_role_and_label(Role::TextInput, label).next().unwrap().type_text(text);
        h.run();
        assert!(h.state().state.printable().is_err(), "{label}: a sheet could leave while {text:?} is typed");
        assert!(!h.state().state.checkable(), "{label}: a double-check could start");
        // Doses, when shown, are marked provisional.
        if shows(&h, "560 mg") {
            assert!(shows(&h, "PROVISIONAL"), "{label}: doses without PROVISIONAL");
        }
    }
}

#[test]
fn the_double_check_re_enters_the_lvef_and_a_new_verifier_starts_from_empty_fields() {
    let mut h = harness();
    fill(&mut h);
    // The order's LVEF is 62 %: 26 is a different echocardiogram.
    double_check(&mut h, "26");
    assert!(h.state().state.order.verification.is_none(), "a different LVEF passed the double-check");
    let mismatches = h.state().state.check.mismatches.clone();
    assert!(
        mismatches
            .contains(&nkact_dose::doublecheck::Mismatch::Measure { field: nkact_dose::error::Field::Lvef }),
        "{mismatches:?}"
    );
    // Another verifier takes over: nothing the first one typed, and no line about it, stays.
    type_into(&mut h, "Verifier name", " (2)");
    let second = &h.state().state.check.second;
    assert!(second.weight.is_empty() && second.lvef.is_empty() && !second.identity_confirmed, "{second:?}");
    assert!(second.bag_doses.iter().all(|(_, d)| d.is_empty()), "{second:?}");
    assert!(h.state().state.check.mismatches.is_empty());
}

#[test]
fn at_1024_by_768_every_criterion_result_and_the_export_buttons_are_in_view() {
    // Issue 18 (harm): the result column (met / NOT MET) was beyond the right edge at 1024 × 768,
    // and twelve override rows pushed Export and Print below the bottom.
    let mut h = harness_sized(1024.0, 768.0);
    fill(&mut h);
    // Every criterion open: nothing entered but one value, so the overrides are invited.
    h.state_mut().state.order.clinical = Default::default();
    h.state_mut().state.order.clinical.lvef = "62".into();
    h.state_mut().state.order.clinical.lvef_date = "2026-02-27".into();
    h.run();
    let view = {
        let s = &h.state().state;
        let r = s.report().unwrap();
        nkact_dose::present::model::Presentation::of(&r, &s.order.warnings(&r), &s.words())
    };
    let criteria = view.criteria.expect("a cycle-1 order shows its criteria");
    for row in &criteria.rows {
        let text = row.state.to_string();
        let nodes: Vec<_> = h.query_all_by_label(&text).collect();
        assert!(!nodes.is_empty(), "{text:?} not shown");
        for n in nodes {
            assert!(n.rect().max.x <= 1024.0 + 0.5, "{} {text:?} ends at x = {}", row.name, n.rect().max.x);
        }
    }
    for button in ["Export PDF…", "Print…"] {
        let r = h.get_by_role_and_label(Role::Button, button).rect();
        assert!(r.max.y <= 768.0 && r.min.y >= 0.0, "{button} at {r:?}, outside 1024 × 768");
    }
}

#[test]
fn no_reason_is_invited_for_criteria_before_any_is_entered() {
    let mut h = harness();
    fill(&mut h);
    h.state_mut().state.order.clinical = Default::default();
    h.run();
    assert!(shows(&h, "Enter the criteria to treat in the form"));
    assert!(h.query_all_by_role_and_label(Role::Button, "Override").next().is_none());
}

#[test]
fn a_correct_cyclophosphamide_date_is_not_flagged_for_another_fields_error() {
    let mut h = harness();
    fill(&mut h);
    type_into(&mut h, "Cyclophosphamide date", "2026-03-04");
    assert!(h.state().state.report().is_ok());
    // Another field in error: the date keeps no error of its own.
    h.state_mut().state.order.inputs.weight = "7o".into();
    h.run();
    assert!(!shows(&h, "Cyclophosphamide date: \"2026-03-04\""), "the date is flagged");
    // A Day 1 in error: the window cannot be judged, so the date is not flagged either.
    h.state_mut().state.order.inputs.weight = "70".into();
    h.state_mut().state.order.inputs.day1 = "2026-3-9".into();
    h.run();
    assert!(!shows(&h, "Cyclophosphamide date: \"2026-03-04\""), "the date is flagged for Day 1's error");
}

#[test]
fn a_lab_error_in_the_window_names_the_test_and_the_row_not_the_command_line() {
    let mut h = harness();
    fill(&mut h);
    h.state_mut().state.order.clinical.lab_mut(nkact_dose::criteria::LabCode::Anc).date.clear();
    h.run();
    assert!(shows(&h, "the value is there but not the date"), "a missing date says so");
    assert!(!shows(&h, "CODE=VALUE"), "command-line syntax in the window");
    h.state_mut().state.order.clinical = eligible::clinical("2026-03-09");
    h.state_mut().state.order.clinical.lab_mut(nkact_dose::criteria::LabCode::Anc).measure =
        "800 x10^9/L".into();
    h.run();
    assert!(shows(&h, "1000-fold"), "an impossible count names the likely unit mix-up");
}

#[test]
fn escape_cancels_the_check_and_leaves_nothing_typed() {
    let mut h = harness();
    fill(&mut h);
    open_check(&mut h);
    type_into(&mut h, "Verifier name", "Enf. Carmen Ruiz");
    type_only(&mut h, "Re-entered weight (kg)", "71");
    h.key_press(egui::Key::Escape);
    h.run();
    assert_eq!(h.state().state.mode, Mode::Form, "Escape cancels the double-check");
    assert!(
        h.state().state.check.second.weight.is_empty() && h.state().state.check.second.verifier.is_empty()
    );
}

#[test]
fn escape_in_a_field_keeps_the_keyboard_there() {
    let mut h = harness();
    fill(&mut h);
    type_only(&mut h, "Weight (kg)", "");
    h.key_press(egui::Key::Escape);
    h.run();
    assert!(
        h.get_by_role_and_label(Role::TextInput, "Weight (kg)").is_focused(),
        "Escape dropped the keyboard focus"
    );
}

#[test]
fn a_new_order_offers_no_path_named_after_the_previous_patient() {
    let mut h = harness();
    fill(&mut h);
    h.state_mut().state.files.show_path_input = true;
    h.state_mut().state.files.path_input = "/tmp/NKACT-x-HC-8.pdf".into();
    h.state_mut().state.apply(nkact_dose::app::Action::NewOrder);
    h.run();
    assert!(h.state().state.files.path_input.is_empty());
}

#[test]
fn the_window_takes_its_language_from_the_command_line() {
    // `nkact-dose --lang es` was refused though --help showed --lang (issue 18).
    let bin = env!("CARGO_BIN_EXE_nkact-dose");
    let o = std::process::Command::new(bin).args(["--lang", "zz"]).output().unwrap();
    assert_eq!(o.status.code(), Some(2), "an unknown language is a usage error");
    match nkact_dose::cli::parse_args(["--lang", "es"]) {
        Ok(nkact_dose::cli::Command::Window(Some(nkact_dose::locale::Lang::Es))) => {}
        other => panic!("--lang es did not open the window in Spanish: {other:?}"),
    }
}

/// A window on a register that knows a prescriber, a pharmacist and a nurse.
fn harness_with_people() -> (Harness<'static, GuiApp>, std::path::PathBuf) {
    use nkact_dose::register::{PersonChange, Register, Role as Job};
    let dir =
        scratch::root().join(format!("people-{:?}", std::thread::current().id()).replace(['(', ')'], ""));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("register.sqlite3");
    {
        let mut reg = Register::open(&path).unwrap();
        reg.init("Admin", "admin-secret-Qv7x-0", fixed_now()).unwrap().unwrap();
        let admin = reg.authenticate("Admin", "admin-secret-Qv7x-0", fixed_now()).unwrap().unwrap();
        for (name, role, secret) in [
            ("Dra. L. Martín", Job::Prescriber, "doctor-pin-1-Hp2k"),
            ("Farm. A. García", Job::Pharmacist, "pin-123456-Jm8r"),
            ("Enf. D. Ruiz", Job::Nurse, "nurse-pin-1-Lw3z"),
        ] {
            reg.manage_person(&admin, name, PersonChange::Add(role, secret), fixed_now()).unwrap().unwrap();
        }
    }
    let prefs = Preferences {
        register_path: Some(path.clone()),
        lang: Some(nkact_dose::locale::Lang::En),
        ..Preferences::default()
    };
    let app = GuiApp::new(AppState::new(prefs, fixed_now));
    let mut h = Harness::builder()
        .with_size(egui::vec2(1280.0, 1000.0))
        .with_max_steps(12)
        .build_ui_state(|ui, app: &mut GuiApp| app.ui(ui), app);
    h.run();
    (h, path)
}

/// Ticks every warning that needs no reason, as the person issuing reads it.
fn tick_warnings(h: &mut Harness<'static, GuiApp>) {
    let report = h.state().state.report().unwrap();
    for x in h.state().state.order.warnings(&report) {
        if !x.needs_reason {
            let text = nkact_dose::present::Words::english().warning(&x.kind);
            h.get_by_role_and_label(Role::CheckBox, &text).click_accesskit();
            h.run();
        }
    }
}

fn sign_in(h: &mut Harness<'static, GuiApp>, name: &str, secret: &str) {
    h.state_mut().state.sign_in.name = name.into();
    h.state_mut().state.sign_in.secret = secret.into();
    h.run();
    h.get_by_role_and_label(Role::Button, "Sign in").click_accesskit();
    h.run();
}

#[test]
fn after_signing_out_the_next_name_goes_into_the_sign_in_field() {
    // The walk: after "Sign out" the next person's name and secret went into the patient's name.
    let (mut h, _) = harness_with_people();
    fill(&mut h);
    sign_in(&mut h, "Farm. A. García", "pin-123456-Jm8r");
    assert!(shows(&h, "Signed in: Farm. A. García"));
    h.get_by_role_and_label(Role::Button, "Sign out").click();
    h.run();
    assert!(h.state().state.sign_in.name.is_empty(), "the previous person's name stays");
    let patient = h.state().state.order.patient.name.clone();
    h.get_by_role_and_label(Role::TextInput, "Sign in to issue:").click();
    h.run();
    h.get_by_role_and_label(Role::TextInput, "Sign in to issue:").type_text("Dra. L. Martín");
    h.run();
    h.key_press(egui::Key::Tab);
    h.run();
    h.event(egui::Event::Text("doctor-pin-1-Hp2k".into()));
    h.run();
    assert_eq!(h.state().state.sign_in.name, "Dra. L. Martín");
    assert_eq!(h.state().state.sign_in.secret, "doctor-pin-1-Hp2k", "Tab goes from the name to the secret");
    assert_eq!(h.state().state.order.patient.name, patient, "typing went into the patient's name");
}

#[test]
fn a_prescribers_override_is_signed_when_given_and_a_pharmacist_then_issues() {
    // The walk (issue 19's harm): the prescriber justified a missing value, the pharmacist issued,
    // and the window said "NOT recorded … override not signed: WrongRole(Pharmacist)".
    let (mut h, path) = harness_with_people();
    fill(&mut h);
    h.state_mut().state.order.clinical.labs.retain(|l| l.code != "platelets");
    h.state_mut().state.order.trial.subject = "S-01".into();
    h.state_mut().state.order.trial.cohort = "expansion".into();
    h.run();
    // The pharmacist may not justify: said beside the button, naming who may.
    sign_in(&mut h, "Farm. A. García", "pin-123456-Jm8r");
    h.state_mut().state.override_reasons.insert("platelets".into(), "haematology confirms the count".into());
    h.run();
    h.get_by_role_and_label(Role::Button, "Override").click_accesskit();
    h.run();
    assert!(h.state().state.order.overrides.is_empty());
    assert!(shows(&h, "prescriber or a principal investigator"), "who may justify is said");
    h.get_by_role_and_label(Role::Button, "Sign out").click_accesskit();
    h.run();
    assert!(!shows(&h, "prescriber or a principal investigator"), "the refusal outlived the sign-out");
    // The prescriber justifies: signed now, by her.
    sign_in(&mut h, "Dra. L. Martín", "doctor-pin-1-Hp2k");
    h.state_mut().state.override_reasons.insert("platelets".into(), "haematology confirms the count".into());
    h.run();
    h.get_by_role_and_label(Role::Button, "Override").click_accesskit();
    h.run();
    assert_eq!(h.state().state.order.overrides.len(), 1);
    h.get_by_role_and_label(Role::Button, "Sign out").click_accesskit();
    h.run();
    // The pharmacist issues.
    sign_in(&mut h, "Farm. A. García", "pin-123456-Jm8r");
    tick_warnings(&mut h);
    assert!(h.state().state.printable().is_ok(), "{:?}", h.state().state.printable().err());
    let out = scratch::root().join("override-issued.pdf");
    h.state_mut().state.apply(nkact_dose::app::Action::ExportTo { path: out.clone(), replace: false });
    h.run();
    let notice = format!("{:?}", h.state().state.notice);
    assert!(!notice.contains("NOT recorded") && !notice.contains("WrongRole"), "{notice}");
    let mut reg = nkact_dose::register::Register::open(&path).unwrap();
    let chain = reg.chain_of(&h.state().state.order.order_id).unwrap();
    let steps: Vec<(String, String)> =
        chain.iter().map(|e| (e.step.key().to_owned(), e.person.clone())).collect();
    assert!(steps.contains(&("override".to_owned(), "Dra. L. Martín".to_owned())), "{steps:?}");
    assert!(steps.contains(&("issued".to_owned(), "Farm. A. García".to_owned())), "{steps:?}");
}

#[test]
fn answering_the_cohort_moves_no_field_under_the_pointer() {
    // Issue 18: the "next patient may start from …" line appeared in the form and pushed every field down.
    let mut h = harness();
    fill(&mut h);
    let before = h.get_by_role_and_label(Role::TextInput, "Weight (kg)").rect();
    h.state_mut().state.order.trial.cohort = "expansion".into();
    h.run();
    assert!(shows(&h, "may start"), "the next-start line is shown");
    let after = h.get_by_role_and_label(Role::TextInput, "Weight (kg)").rect();
    assert_eq!(before, after, "the weight field moved");
}

#[test]
fn editing_the_patient_after_the_double_check_clears_the_verification() {
    // The walk: allergies edited after the check kept "Verified by …".
    let mut h = harness();
    fill(&mut h);
    double_check(&mut h, "62");
    assert!(h.state().state.order.verification.is_some(), "{:?}", h.state().state.check.mismatches);
    type_into(&mut h, "Allergies", " and penicillin");
    assert!(h.state().state.order.verification.is_none(), "the verification outlived a change of allergies");
}

#[test]
fn a_signed_in_nurse_cannot_issue_from_the_window() {
    // Issue 19: the window only checked that someone had signed in; a nurse's export was
    // printed as issued by her and the register then refused the signature. The same rule
    // as the command line (tests/release.rs, only_a_pharmacist_or_a_prescriber_issues).
    let (mut h, path) = harness_with_people();
    fill(&mut h);
    h.state_mut().state.order.trial.subject = "S-01".into();
    h.state_mut().state.order.trial.cohort = "expansion".into();
    h.run();
    sign_in(&mut h, "Enf. D. Ruiz", "nurse-pin-1-Lw3z");
    assert!(shows(&h, "Signed in: Enf. D. Ruiz"));
    let refused = h.state().state.printable();
    assert!(
        matches!(
            refused,
            Err(nkact_dose::sheet::SheetError::Refused(
                nkact_dose::order::release::Refusal::WrongRole { .. }
            ))
        ),
        "{refused:?}"
    );
    assert!(shows(&h, "may not sign this step"), "the reason is said where the buttons are");
    let export = h.get_by_role_and_label(Role::Button, "Export PDF…");
    assert!(export.accesskit_node().is_disabled(), "Export stays disabled for a nurse");
    // Forced past the button (a file chooser left open): refused, nothing written, nothing recorded.
    let out = scratch::root().join("nurse-issued.pdf");
    let _ = std::fs::remove_file(&out);
    h.state_mut().state.apply(nkact_dose::app::Action::ExportTo { path: out.clone(), replace: false });
    h.run();
    assert!(!out.exists(), "a sheet left the program");
    let notice = format!("{:?}", h.state().state.notice);
    assert!(notice.contains("may not sign this step") && !notice.contains("NOT recorded"), "{notice}");
    let mut reg = nkact_dose::register::Register::open(&path).unwrap();
    assert!(reg.list(&Default::default()).unwrap().is_empty(), "nothing recorded");
    // The pharmacist signs in: the same order may leave.
    h.get_by_role_and_label(Role::Button, "Sign out").click_accesskit();
    h.run();
    sign_in(&mut h, "Farm. A. García", "pin-123456-Jm8r");
    tick_warnings(&mut h);
    assert!(h.state().state.printable().is_ok(), "{:?}", h.state().state.printable().err());
}

#[test]
fn an_override_given_for_one_order_is_not_signed_for_the_next() {
    // The people who gave overrides are kept so the release signs each as theirs; they
    // belong to the order shown. A new order that carries an override in the prescriber's
    // name (opened from a file) is not signed as hers because she gave one for another order.
    let (mut h, path) = harness_with_people();
    fill(&mut h);
    h.state_mut().state.order.clinical.labs.retain(|l| l.code != "platelets");
    h.state_mut().state.order.trial.subject = "S-01".into();
    h.state_mut().state.order.trial.cohort = "expansion".into();
    h.run();
    sign_in(&mut h, "Dra. L. Martín", "doctor-pin-1-Hp2k");
    h.state_mut().state.override_reasons.insert("platelets".into(), "haematology confirms the count".into());
    h.run();
    h.get_by_role_and_label(Role::Button, "Override").click_accesskit();
    h.run();
    let given = h.state().state.order.overrides.clone();
    assert_eq!(given.len(), 1);
    assert_eq!(h.state().state.givers.len(), 1);
    // The next order, with the same override in her name (as a saved file would carry it).
    h.get_by_role_and_label(Role::Button, "Sign out").click_accesskit();
    h.run();
    h.state_mut().state.apply(nkact_dose::app::Action::NewOrder);
    h.run();
    assert!(h.state().state.givers.is_empty(), "the previous order's givers stay");
    fill(&mut h);
    h.state_mut().state.order.clinical.labs.retain(|l| l.code != "platelets");
    h.state_mut().state.order.trial.subject = "S-01".into();
    h.state_mut().state.order.trial.cohort = "expansion".into();
    h.run();
    let report = h.state().state.report().unwrap();
    let c = report.criteria_open().into_iter().find(|c| c.code == "platelets").unwrap().clone();
    let mut o = given[0].clone();
    o.detail = nkact_dose::order::Override::detail_of(&c);
    h.state_mut().state.order.overrides = vec![o];
    h.run();
    sign_in(&mut h, "Farm. A. García", "pin-123456-Jm8r");
    tick_warnings(&mut h);
    let out = scratch::root().join("override-not-hers.pdf");
    let _ = std::fs::remove_file(&out);
    h.state_mut().state.apply(nkact_dose::app::Action::ExportTo { path: out.clone(), replace: true });
    h.run();
    let notice = format!("{:?}", h.state().state.notice);
    assert!(notice.contains("has not signed in to sign it"), "{notice}");
    assert!(!out.exists());
    let mut reg = nkact_dose::register::Register::open(&path).unwrap();
    assert!(reg.list(&Default::default()).unwrap().is_empty());
}

#[test]
fn ticks_by_someone_else_are_asked_again_of_the_person_signed_in() {
    // The release refuses acknowledgements that are not the issuer's; the window shows such
    // ticks unticked rather than ticked-but-refused (a reopened order, a name typed before).
    let (mut h, _) = harness_with_people();
    fill(&mut h);
    h.state_mut().state.order.trial.subject = "S-01".into();
    h.state_mut().state.order.trial.cohort = "expansion".into();
    h.state_mut().state.order.issued_by = "Someone Else".into();
    h.run();
    tick_warnings(&mut h);
    assert!(!h.state().state.order.acknowledged.is_empty());
    sign_in(&mut h, "Farm. A. García", "pin-123456-Jm8r");
    assert!(h.state().state.order.acknowledged.is_empty(), "Someone Else's ticks stay as the pharmacist's");
    tick_warnings(&mut h);
    assert!(h.state().state.order.acknowledged.iter().all(|a| a.by == "Farm. A. García"));
    assert!(h.state().state.printable().is_ok(), "{:?}", h.state().state.printable().err());
}
