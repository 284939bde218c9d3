//! Headless GUI tests (egui_kittest, no GPU): the form driven by accessible
//! labels, as a screen reader or a person would find the fields.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::float_cmp)] // tests may fail loudly

#[path = "common/eligible.rs"]
mod eligible;
#[path = "common/scratch.rs"]
mod scratch;

use chrono::NaiveDateTime;
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use nkact_dose::app::{Action, AppState, Mode, Preferences};
use nkact_dose::gui::GuiApp;
use nkact_dose::present::Words;

use eframe::egui;

fn fixed_now() -> NaiveDateTime {
    NaiveDateTime::parse_from_str("2026-03-01 10:00", "%Y-%m-%d %H:%M").unwrap()
}

fn harness() -> Harness<'static, GuiApp> {
    harness_with_register(scratch::root().join(format!("nkact-gui-register-{}.sqlite3", std::process::id())))
}

fn harness_with_register(register: std::path::PathBuf) -> Harness<'static, GuiApp> {
    let prefs = Preferences {
        register_path: Some(register),
        lang: Some(nkact_dose::locale::Lang::En),
        ..Preferences::default()
    };
    let app = GuiApp::new(AppState::new(prefs, fixed_now));
    let mut h = Harness::builder()
        .with_size(egui::vec2(1280.0, 1000.0))
        .with_max_steps(12)
        .build_ui_state(|ui, app: &mut GuiApp| app.ui(ui), app);
    h.run();
    h
}

/// Types into the text field with this accessible name and leaves it focused
/// (a measure typed this way is still "being typed": the results are provisional).
fn type_only(h: &mut Harness<'static, GuiApp>, label: &str, text: &str) {
    h.get_by_role_and_label(Role::TextInput, label).focus();
    h.run();
    h.get_by_role_and_label(Role::TextInput, label).type_text(text);
    h.run();
}

/// Types into the field and finishes it with Enter, as a person moving on does.
fn type_into(h: &mut Harness<'static, GuiApp>, label: &str, text: &str) {
    type_only(h, label, text);
    h.key_press(egui::Key::Enter);
    h.run();
}

fn shows(h: &Harness<'static, GuiApp>, text: &str) -> bool {
    h.query_all_by_label_contains(text).next().is_some()
}

/// Clicks through the accessibility API, as a screen reader does (works when scrolled out of view).
fn press(h: &mut Harness<'static, GuiApp>, role: Role, label: &str) {
    h.get_by_role_and_label(role, label).click_accesskit();
    h.run();
}

fn fill_typical(h: &mut Harness<'static, GuiApp>) {
    type_into(h, "Weight (kg)", "70");
    type_into(h, "Height (cm)", "170");
    type_into(h, "Cycle", "1");
}

#[test]
fn every_field_and_button_has_an_accessible_name() {
    let mut h = harness();
    fill_typical(&mut h);
    for label in [
        "Weight (kg)",
        "Height (cm)",
        "NK cells",
        "Cycle",
        "Day 1 date",
        "Patient name",
        "Hospital record number",
        "Allergies",
        "Date of birth",
    ] {
        assert!(h.query_by_role_and_label(Role::TextInput, label).is_some(), "no text field named {label:?}");
    }
    for label in ["Export PDF…", "Double-check", "Save…", "Open…"] {
        assert!(h.query_by_role_and_label(Role::Button, label).is_some(), "no button named {label:?}");
    }
}

#[test]
fn typing_weight_and_height_shows_the_doses() {
    let mut h = harness();
    assert!(shows(&h, "No doses"), "nothing is calculated before input");
    fill_typical(&mut h);
    // Protocol × Facts Mosteller 170/70 = 1.8181 → 1.82 m².
    for expected in [
        "1.82 m²",
        "1092 mg",
        "600 mg/m² × 1.82 m² = 1092 mg",
        "560 mg",
        "840 mg",
        "910\u{2009}000 units",
        "PENDING",
    ] {
        assert!(shows(&h, expected), "window does not show {expected:?}");
    }
}

#[test]
fn invalid_input_shows_the_field_error_and_no_dose() {
    let mut h = harness();
    type_into(&mut h, "Weight (kg)", "7O");
    type_into(&mut h, "Height (cm)", "170");
    type_into(&mut h, "Cycle", "1");
    assert!(shows(&h, "Weight (kg): \"7O\" is not a number. Accepted: a weight in kg"), "field error shown");
    assert!(shows(&h, "No doses"));
    for dose in [" mg", "units", "m²:"] {
        assert!(!shows(&h, &format!("1092{dose}")), "a dose is shown from invalid input");
    }
    assert!(!shows(&h, "560 mg"));
    // Metres for centimetres.
    let mut h = harness();
    type_into(&mut h, "Weight (kg)", "70");
    type_into(&mut h, "Height (cm)", "1,70");
    type_into(&mut h, "Cycle", "1");
    assert!(shows(&h, "looks like metres: enter the height in centimetres (1.7 m = 170 cm)"));
    assert!(!shows(&h, "1092 mg"));
}

#[test]
fn the_window_requires_the_cycle_to_be_typed() {
    // The command line defaults to cycle 1; the window does not, so a forgotten cycle cannot load a cycle-3 patient.
    let mut h = harness();
    type_into(&mut h, "Weight (kg)", "70");
    type_into(&mut h, "Height (cm)", "170");
    assert!(shows(&h, "No doses"));
    assert!(!shows(&h, "1092 mg"));
    type_into(&mut h, "Cycle", "3");
    assert!(shows(&h, "420 mg"), "cycle 3: maintenance 6 mg/kg × 70 kg");
    assert!(!shows(&h, "1092 mg"), "no cyclophosphamide after cycle 1");
}

#[test]
fn nk_edges_show_one_unmistakable_state() {
    // Protocol: 5 × 10⁷ – 5 × 10⁸ cells, both ends allowed.
    for (typed, state) in [
        ("5e7", "WITHIN RANGE"),
        ("4.99e7", "OUT OF RANGE"),
        ("5e8", "WITHIN RANGE"),
        ("5.01e8", "OUT OF RANGE"),
        ("", "PENDING"),
    ] {
        let mut h = harness();
        fill_typical(&mut h);
        if !typed.is_empty() {
            type_into(&mut h, "NK cells", typed);
        }
        assert!(shows(&h, state), "{typed:?} should show {state}");
        for other in ["WITHIN RANGE", "OUT OF RANGE", "PENDING"].iter().filter(|o| **o != state) {
            assert!(!shows(&h, other), "{typed:?} shows {other} too");
        }
    }
}

fn fill_for_export(h: &mut Harness<'static, GuiApp>) {
    type_into(h, "Patient name", "Lucía Gómez");
    type_into(h, "Hospital record number", "HC-8");
    type_into(h, "Date of birth", "1975-07-07");
    type_into(h, "Allergies", "none known");
    type_into(h, "Your name (issued by)", "Farm. A. García");
    fill_typical(h);
    type_into(h, "NK cells", "2e8");
    eligible_in_window(h, "2026-03-09");
}

/// Day 1 typed, and criteria to treat all met for it (issue 13: a cycle-1 sheet needs them).
fn eligible_in_window(h: &mut Harness<'static, GuiApp>, day1: &str) {
    let day1_now = h.state().state.order.inputs.day1.clone();
    if day1_now != day1 {
        h.state_mut().state.order.inputs.day1.clear();
        h.run();
        type_into(h, "Day 1 date", day1);
    }
    h.state_mut().state.order.clinical = eligible::clinical(day1);
    h.run();
}

#[test]
fn export_waits_for_every_warning_to_be_acknowledged() {
    let mut h = harness();
    fill_for_export(&mut h);
    assert!(h.state().state.printable().is_err(), "IL-2 tiny-volume warning not yet acknowledged");
    assert!(shows(&h, "must be acknowledged"));
    let warning = h.state().state.report().unwrap().warnings[0].kind.clone();
    let warning = Words::english().warning(&warning);
    press(&mut h, Role::CheckBox, &warning);
    assert!(h.state().state.printable().is_ok(), "acknowledged: export allowed");
    assert_eq!(h.state().state.order.acknowledged[0].by, "Farm. A. García");
    // A new weight changes the working and the warnings: the old acknowledgement no longer counts.
    h.state_mut().state.order.inputs.weight = "150,5".into();
    h.run();
    assert!(h.state().state.printable().is_err());
}

fn double_check(h: &mut Harness<'static, GuiApp>, verifier: &str, weight: &str, cyclophosphamide: &str) {
    double_check_signed(h, verifier, None, weight, cyclophosphamide);
}

/// The double-check; in a register that knows people, the verifier's secret typed after the name.
fn double_check_signed(
    h: &mut Harness<'static, GuiApp>,
    verifier: &str,
    secret: Option<&str>,
    weight: &str,
    cyclophosphamide: &str,
) {
    press(h, Role::Button, "Double-check");
    assert_eq!(h.state().state.mode, Mode::DoubleCheck);
    // The first entries are not on screen while the second person types.
    assert!(!shows(h, "1092 mg"));
    assert!(h.query_by_role_and_label(Role::TextInput, "Weight (kg)").is_none());
    type_into(h, "Verifier name", verifier);
    if let Some(secret) = secret {
        h.state_mut().state.check.verifier_secret = secret.into();
        h.run();
    }
    press(h, Role::CheckBox, "I confirmed the name, record number and date of birth on every bag label");
    type_into(h, "Re-entered weight (kg)", weight);
    type_into(h, "Re-entered height (cm)", "170");
    type_into(h, "Re-entered NK cells", "2.0e8");
    // The LVEF decides whether the antibodies are given: re-entered too (issue 18).
    type_into(h, "Latest LVEF (%), from the report", "62");
    type_into(h, "Baseline LVEF (%), from the report", "62");
    type_into(h, "Cyclophosphamide (mg)", cyclophosphamide);
    type_into(h, "Trastuzumab (mg)", "560");
    type_into(h, "Pertuzumab (mg)", "840");
    type_into(h, "Interleukin-2 (aldesleukin) (units)", "910 000");
    press(h, Role::Button, "Compare");
}

#[test]
// Shows: REQ-CHECK-001
fn a_matching_double_check_records_the_verifier() {
    let mut h = harness();
    fill_for_export(&mut h);
    // 1090 mg is within 1 % of 1092 mg; 70,0 is 70 after parsing.
    double_check(&mut h, "Enf. Carmen Ruiz", "70,0", "1090");
    let v = h.state().state.order.verification.clone().expect("verification recorded");
    assert_eq!(v.verifier, "Enf. Carmen Ruiz");
    assert_eq!(v.at, fixed_now());
    assert_eq!(h.state().state.mode, Mode::Form);
    assert!(shows(&h, "Verified by Enf. Carmen Ruiz at 2026-03-01 10:00"));
    // Editing a measure clears the verification.
    h.state_mut().state.order.inputs.height = "171".into();
    h.run();
    assert!(h.state().state.order.verification.is_none());
}

#[test]
// Shows: REQ-CHECK-001
fn a_mismatched_double_check_records_nothing_and_lists_the_differences() {
    let mut h = harness();
    fill_for_export(&mut h);
    // 1070 mg is 2 % under 1092 mg; 71 kg is not 70 kg.
    double_check(&mut h, "Enf. Carmen Ruiz", "71", "1070");
    assert!(h.state().state.order.verification.is_none());
    assert_eq!(h.state().state.mode, Mode::DoubleCheck);
    assert!(shows(&h, "Weight (kg) does not match the first entry"));
    assert!(shows(&h, "Cyclophosphamide: the bag label dose does not match"));
    // Blind after a mismatch: neither the first entry nor the ordered dose is shown.
    assert!(!shows(&h, "1092") && !shows(&h, "\"70\""));
    // The same person who issued the order cannot verify it.
    let mut h = harness();
    fill_for_export(&mut h);
    double_check(&mut h, "farm. a. garcía", "70", "1092");
    assert!(h.state().state.order.verification.is_none());
}

#[test]
fn save_then_open_round_trips_and_recomputes() {
    let dir = scratch::root().join(format!("nkact-gui-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("order.json");
    let mut h = harness();
    fill_for_export(&mut h);
    let saved = h.state().state.order.clone();
    h.state_mut().state.apply(Action::SaveTo(path.clone()));
    h.state_mut().state.apply(Action::NewOrder);
    h.run();
    assert!(shows(&h, "No doses"));
    h.state_mut().state.apply(Action::OpenFrom(path.clone()));
    h.run();
    assert_eq!(h.state().state.order, saved);
    assert!(shows(&h, "1092 mg"));
    // A corrupt file is refused and changes nothing.
    let corrupt = dir.join("corrupt.json");
    std::fs::write(&corrupt, b"{\"format\": \"nkact-dose-order\", \"format_version\": 1, \"inputs\": 7")
        .unwrap();
    h.state_mut().state.apply(Action::OpenFrom(corrupt));
    h.run();
    assert_eq!(h.state().state.order, saved);
    assert!(shows(&h, "is not a readable order file"));
    // Another format version is refused by name.
    let v4 = dir.join("v4.json");
    std::fs::write(&v4, b"{\"format\": \"nkact-dose-order\", \"format_version\": 4}").unwrap();
    h.state_mut().state.apply(Action::OpenFrom(v4));
    h.run();
    assert!(shows(&h, "format version 4"));
    assert_eq!(h.state().state.order, saved);
}

#[test]
fn an_empty_file_chooser_offers_a_typed_path() {
    let mut h = harness();
    fill_for_export(&mut h);
    h.state_mut().state.apply(Action::ChooserEmpty(nkact_dose::app::FileKind::Save));
    h.run();
    assert!(shows(&h, "type a path below"));
    let dir = scratch::root().join(format!("nkact-gui-typed-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("typed.json");
    type_into(&mut h, "Path", path.to_str().unwrap());
    press(&mut h, Role::Button, "Save order to path");
    assert!(path.exists());
    assert!(nkact_dose::order::load(&path).is_ok());
}

#[test]
fn the_register_view_lists_filters_and_reopens_exported_orders() {
    let dir = scratch::root().join(format!("nkact-gui-reg-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let mut h = harness_with_register(dir.join("register.sqlite3"));
    fill_for_export(&mut h);
    let warning = h.state().state.report().unwrap().warnings[0].kind.clone();
    let warning = Words::english().warning(&warning);
    press(&mut h, Role::CheckBox, &warning);
    h.state_mut().state.apply(Action::ExportTo { path: dir.join("a.pdf"), replace: false });
    h.run();
    assert!(shows(&h, "Recorded as exported"), "export recorded");
    let exported = h.state().state.order.clone();
    press(&mut h, Role::Button, "Register");
    assert_eq!(h.state().state.mode, Mode::Register);
    assert!(shows(&h, "HC-8") && shows(&h, "exported") && shows(&h, &exported.fingerprint()));
    // Filter by another record number: nothing; by this one: the entry.
    type_into(&mut h, "Filter: record number", "HC-9");
    press(&mut h, Role::Button, "Filter");
    assert!(shows(&h, "No entries."));
    h.state_mut().state.register_view.patient_id = "hc-8".into();
    press(&mut h, Role::Button, "Filter");
    assert!(shows(&h, "HC-8"));
    // Reopen: back in the form with the same order, doses recomputed.
    h.state_mut().state.apply(Action::NewOrder);
    h.state_mut().state.apply(Action::ShowRegister);
    h.run();
    let entry = h.state().state.register_view.entries[0].clone();
    // On screen the button reads "Reopen"; its accessible name says which order.
    press(
        &mut h,
        Role::Button,
        &format!("Reopen {} {}", entry.order_id, Words::english().datetime(entry.at)),
    );
    assert_eq!(h.state().state.mode, Mode::Form);
    assert_eq!(h.state().state.order, exported);
    assert!(shows(&h, "1092 mg"));
}

#[test]
fn an_export_arriving_after_the_form_became_invalid_writes_nothing() {
    // The chooser is open while the form stays editable: clearing the cycle meanwhile must not
    // let the export fall back to cycle 1.
    let dir = scratch::root().join(format!("nkact-gui-late-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let mut h = harness_with_register(dir.join("register.sqlite3"));
    fill_for_export(&mut h);
    let warning = h.state().state.report().unwrap().warnings[0].kind.clone();
    let warning = Words::english().warning(&warning);
    press(&mut h, Role::CheckBox, &warning);
    assert!(h.state().state.printable().is_ok());
    h.state_mut().state.order.inputs.cycle.clear();
    let path = dir.join("late.pdf");
    h.state_mut().state.apply(Action::ExportTo { path: path.clone(), replace: true });
    h.run();
    assert!(!path.exists(), "no sheet from a form without a cycle");
    assert!(matches!(h.state().state.notice, Some(nkact_dose::app::Notice::Error(_))));
}

// ---------------------------------------------------------------- findings (issue 9)

fn ack_all_without_reasons(h: &mut Harness<'static, GuiApp>) {
    let report = h.state().state.report().unwrap();
    let pending = h.state().state.order.unacknowledged(&report);
    for w in pending.iter().filter(|w| !w.needs_reason) {
        press(h, Role::CheckBox, &Words::english().warning(&w.kind));
    }
}

#[test]
fn the_verification_state_is_read_from_the_order_after_an_edit_or_a_failed_check() {
    // Regression: "Verified by NAME" stayed on screen after the verification was cleared,
    // while the sheet had an empty double-check box.
    let mut h = harness();
    fill_for_export(&mut h);
    assert!(shows(&h, "NOT VERIFIED"));
    double_check(&mut h, "Enf. Carmen Ruiz", "70", "1092");
    assert!(shows(&h, "Verified by Enf. Carmen Ruiz at 2026-03-01 10:00"));
    assert!(!shows(&h, "NOT VERIFIED"));
    // An edit clears it, on screen too.
    h.state_mut().state.order.inputs.height = "171".into();
    h.run();
    h.run();
    assert!(h.state().state.order.verification.is_none());
    assert!(shows(&h, "NOT VERIFIED") && !shows(&h, "Verified by"), "stale verification on screen");
    // Verified again, then a failed re-check clears it.
    h.state_mut().state.order.inputs.height = "170".into();
    h.run();
    double_check(&mut h, "Enf. Carmen Ruiz", "70", "1092");
    assert!(shows(&h, "Verified by"));
    double_check(&mut h, "Enf. Carmen Ruiz", "71", "1092");
    press(&mut h, Role::Button, "Cancel");
    assert!(h.state().state.order.verification.is_none());
    assert!(shows(&h, "NOT VERIFIED") && !shows(&h, "Verified by"));
}

#[test]
fn a_failed_double_check_names_items_never_values_and_is_recorded() {
    // Regression: after a mismatch the message showed the first entry and the ordered dose.
    let dir = scratch::root().join(format!("nkact-gui-failed-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let mut h = harness_with_register(dir.join("register.sqlite3"));
    fill_for_export(&mut h);
    double_check(&mut h, "Enf. Carmen Ruiz", "71", "1070");
    assert!(shows(&h, "Weight (kg) does not match the first entry"));
    // Neither the first entry (70 kg) nor the ordered dose (1092 mg) is on the check screen.
    for value in ["1092", "\"70\"", "70 kg"] {
        assert!(!shows(&h, value), "shows {value:?}");
    }
    let failed = &h.state().state.order.failed_checks;
    assert_eq!(failed.len(), 1);
    assert_eq!(failed[0].verifier, "Enf. Carmen Ruiz");
    assert_eq!(failed[0].at, fixed_now());
    assert!(
        failed[0].items.contains(&"weight".to_owned())
            && failed[0].items.contains(&"dose:cyclophosphamide".to_owned())
    );
    let entries = nkact_dose::register::Register::open(&dir.join("register.sqlite3"))
        .unwrap()
        .list(&nkact_dose::register::Filter::default())
        .unwrap();
    assert_eq!(entries[0].action, nkact_dose::register::RegisterAction::CheckFailed);
}

#[test]
fn the_verifier_sees_who_the_patient_is_and_must_confirm_it() {
    let mut h = harness();
    fill_for_export(&mut h);
    press(&mut h, Role::Button, "Double-check");
    for shown in ["Lucía Gómez", "HC-8", "1975-07-07"] {
        assert!(shows(&h, shown), "the check screen does not show {shown:?}");
    }
    // Everything right but the identity not confirmed: no verification.
    type_into(&mut h, "Verifier name", "Enf. Carmen Ruiz");
    type_into(&mut h, "Re-entered weight (kg)", "70");
    type_into(&mut h, "Re-entered height (cm)", "170");
    type_into(&mut h, "Re-entered NK cells", "2e8");
    type_into(&mut h, "Cyclophosphamide (mg)", "1092");
    type_into(&mut h, "Trastuzumab (mg)", "560");
    type_into(&mut h, "Pertuzumab (mg)", "840");
    type_into(&mut h, "Interleukin-2 (aldesleukin) (units)", "910000");
    press(&mut h, Role::Button, "Compare");
    assert!(h.state().state.order.verification.is_none());
    assert!(shows(&h, "Confirm the patient's name, record number and date of birth"));
}

#[test]
// Shows: REQ-PEOPLE-001
fn you_cannot_verify_your_own_order_by_spelling_your_name_differently() {
    // Regression: "Ana Ruiz (FH)" issued and "ana ruiz" verified.
    let mut h = harness();
    fill_for_export(&mut h);
    h.state_mut().state.order.issued_by = "Ana Ruiz (FH)".into();
    h.run();
    for spelling in ["ana ruiz", "ANA  RUÍZ", "Ruiz, Ana"] {
        double_check(&mut h, spelling, "70", "1092");
        assert!(h.state().state.order.verification.is_none(), "{spelling:?} verified their own order");
        assert!(shows(&h, "second person"));
        press(&mut h, Role::Button, "Cancel");
    }
}

#[test]
fn the_double_check_re_enters_the_last_dose_dates() {
    // A mistyped last-dose date silently switches 6 ↔ 8 mg/kg: the second person re-enters it.
    let mut h = harness();
    fill_for_export(&mut h);
    let i = &mut h.state_mut().state.order.inputs;
    i.cycle = "3".into();
    i.day1 = "2026-03-02".into();
    i.last_trastuzumab = "2026-02-09".into();
    i.last_pertuzumab = "2026-02-09".into();
    // Cycle 3 needs no laboratory criteria; the LVEF of the cycle-1 helper postdates this Day 1.
    h.state_mut().state.order.clinical = Default::default();
    h.run();
    press(&mut h, Role::Button, "Double-check");
    assert!(h.query_by_role_and_label(Role::TextInput, "Re-entered last trastuzumab date").is_some());
    type_into(&mut h, "Verifier name", "Enf. Carmen Ruiz");
    press(&mut h, Role::CheckBox, "I confirmed the name, record number and date of birth on every bag label");
    type_into(&mut h, "Re-entered weight (kg)", "70");
    type_into(&mut h, "Re-entered height (cm)", "170");
    type_into(&mut h, "Re-entered NK cells", "2e8");
    type_into(&mut h, "Trastuzumab (mg)", "420");
    type_into(&mut h, "Pertuzumab (mg)", "420");
    type_into(&mut h, "Re-entered last trastuzumab date", "2026-01-09");
    type_into(&mut h, "Re-entered last pertuzumab date", "2026-02-09");
    press(&mut h, Role::Button, "Compare");
    assert!(h.state().state.order.verification.is_none());
    assert!(shows(&h, "Last trastuzumab date does not match the first entry"));
}

#[test]
fn a_changed_order_exported_again_is_a_new_revision_and_supersedes_the_old() {
    // Regression: editing after an export and exporting again gave a second, different sheet
    // under the same order ID, neither marked superseded.
    let dir = scratch::root().join(format!("nkact-gui-revision-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let mut h = harness_with_register(dir.join("register.sqlite3"));
    fill_for_export(&mut h);
    ack_all_without_reasons(&mut h);
    h.state_mut().state.apply(Action::ExportTo { path: dir.join("a.pdf"), replace: false });
    h.run();
    assert_eq!(h.state().state.order.revision, 1);
    // The same content again is the same revision.
    h.state_mut().state.apply(Action::ExportTo { path: dir.join("a2.pdf"), replace: false });
    assert_eq!(h.state().state.order.revision, 1);
    h.state_mut().state.order.inputs.weight = "72".into();
    h.run();
    ack_all_without_reasons(&mut h);
    h.state_mut().state.apply(Action::ExportTo { path: dir.join("b.pdf"), replace: false });
    h.run();
    assert_eq!(h.state().state.order.revision, 2);
    let t = std::process::Command::new("pdftotext").arg(dir.join("b.pdf")).arg("-").output();
    if let Some(t) = t.ok().filter(|t| t.status.success()) {
        let t = String::from_utf8_lossy(&t.stdout).replace('\n', " ");
        assert!(t.contains("rev. 2") && t.contains("supersedes revision 1"), "{t}");
    }
    let entries = nkact_dose::register::Register::open(&dir.join("register.sqlite3"))
        .unwrap()
        .list(&nkact_dose::register::Filter::default())
        .unwrap();
    let by_rev = |r: u32| entries.iter().filter(move |e| e.revision == r);
    assert!(by_rev(1).count() == 2 && by_rev(1).all(|e| e.superseded), "{entries:?}");
    assert!(by_rev(2).count() == 1 && by_rev(2).all(|e| !e.superseded), "{entries:?}");
    // The Register view names each sheet's revision and says which was superseded (issue 19).
    press(&mut h, Role::Button, "Register");
    assert!(shows(&h, "rev. 1 — superseded"), "the superseded revision is marked");
    assert!(shows(&h, "rev. 2"));
    // A step on the superseded revision is refused: it would sign a sheet no longer in force.
    let path = dir.join("register.sqlite3");
    {
        use nkact_dose::register::{PersonChange, Register, Role as Job};
        let mut reg = Register::open(&path).unwrap();
        reg.init("Admin", "admin-secret-Qv7x-0", fixed_now()).unwrap().unwrap();
        let admin = reg.authenticate("Admin", "admin-secret-Qv7x-0", fixed_now()).unwrap().unwrap();
        reg.manage_person(
            &admin,
            "Enf. D. Ruiz",
            PersonChange::Add(Job::Nurse, "nurse-pin-1-Lw3z"),
            fixed_now(),
        )
        .unwrap()
        .unwrap();
    }
    let secret = dir.join("nurse.secret");
    std::fs::write(&secret, "nurse-pin-1-Lw3z\n").unwrap();
    let id = h.state().state.order.order_id.clone();
    let sign = |revision: &str| {
        std::process::Command::new(env!("CARGO_BIN_EXE_nkact-dose"))
            .env("LC_ALL", "C.UTF-8")
            .env_remove("NKACT_DOSE_SECRET")
            .args(["register", "sign", &id, "--step", "double-checked", "--as", "Enf. D. Ruiz"])
            .arg("--secret-file")
            .arg(&secret)
            .args(["--revision", revision, "--register"])
            .arg(&path)
            .output()
            .unwrap()
    };
    let o = sign("1");
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(2), "{err}");
    assert!(err.contains("was replaced by revision 2"), "{err}");
    let o = sign("2");
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
}

#[test]
fn partial_typing_shows_provisional_results_and_nothing_can_leave() {
    // Regression: "70" on the way to "70,5" showed a complete 70 kg order.
    let mut h = harness();
    fill_for_export(&mut h);
    ack_all_without_reasons(&mut h);
    assert!(h.state().state.printable().is_ok());
    h.state_mut().state.order.inputs.weight.clear();
    h.run();
    type_only(&mut h, "Weight (kg)", "70");
    assert!(shows(&h, "PROVISIONAL"), "no provisional mark while typing");
    assert!(matches!(h.state().state.printable(), Err(nkact_dose::sheet::SheetError::StillTyping)));
    assert!(!h.state().state.checkable(), "double-check offered on unsettled input");
    // Finished: the marks go, the order may leave.
    h.key_press(egui::Key::Enter);
    h.run();
    ack_all_without_reasons(&mut h);
    assert!(!shows(&h, "PROVISIONAL"));
    assert!(h.state().state.printable().is_ok(), "{:?}", h.state().state.printable().err());
}

#[test]
fn each_ticked_warning_shows_who_and_when_and_reasons_are_required_where_asked() {
    let mut h = harness();
    fill_for_export(&mut h);
    h.state_mut().state.order.inputs.weight = "160".into(); // over the usual 150 kg: needs a reason
    h.run();
    let report = h.state().state.report().unwrap();
    let warnings = h.state().state.order.warnings(&report);
    let soft = warnings.iter().find(|w| w.code == "weight-soft-limit").unwrap().clone();
    // Without a reason the box cannot be ticked.
    press(&mut h, Role::CheckBox, &Words::english().warning(&soft.kind));
    assert!(!h.state().state.order.acknowledged.iter().any(|a| a.code == soft.code));
    type_into(&mut h, &Words::english().warning(&soft.kind), "weighed today on the ward scale");
    press(&mut h, Role::CheckBox, &Words::english().warning(&soft.kind));
    let a = h.state().state.order.acknowledged.iter().find(|a| a.code == soft.code).cloned().unwrap();
    assert_eq!(a.reason.as_deref(), Some("weighed today on the ward scale"));
    assert_eq!(a.by, "Farm. A. García");
    assert!(shows(&h, "— Farm. A. García, 10:00"));
}

#[test]
fn a_status_line_clears_on_the_next_edit() {
    let dir = scratch::root().join(format!("nkact-gui-status-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let mut h = harness_with_register(dir.join("register.sqlite3"));
    fill_for_export(&mut h);
    h.state_mut().state.apply(Action::SaveTo(dir.join("o.json")));
    h.run();
    assert!(shows(&h, "Order saved to"));
    type_into(&mut h, "Allergies", " (rash)");
    assert!(!shows(&h, "Order saved to"), "a stale status line after an edit");
}

#[test]
fn first_launch_says_what_to_enter_not_that_something_is_wrong() {
    let mut h = harness();
    assert!(shows(&h, "No doses yet. Enter the patient"));
    assert!(!shows(&h, "fix the fields marked in red") && !shows(&h, "is required"));
    type_into(&mut h, "Weight (kg)", "7O");
    assert!(shows(&h, "fix the fields marked in red"));
}

#[test]
fn a_new_window_starts_in_the_first_patient_field_and_a_new_order_keeps_the_issuer() {
    let mut h = harness();
    assert!(
        h.get_by_role_and_label(Role::TextInput, "Patient name").is_focused(),
        "focus is not in the form"
    );
    fill_for_export(&mut h);
    // Unsaved work is never discarded without asking.
    press(&mut h, Role::Button, "New order");
    assert!(shows(&h, "not saved or issued. Discard them?"));
    assert_eq!(h.state().state.order.inputs.weight, "70");
    press(&mut h, Role::Button, "Keep editing");
    assert_eq!(h.state().state.order.inputs.weight, "70");
    press(&mut h, Role::Button, "New order");
    press(&mut h, Role::Button, "Discard changes");
    assert_eq!(h.state().state.order.issued_by, "Farm. A. García");
    assert!(h.state().state.order.inputs.weight.is_empty());
    // An empty form starts anew without a question.
    press(&mut h, Role::Button, "New order");
    assert!(!shows(&h, "Discard them?"));
}

/// The lines the presentation model makes of the window's own order.
fn model_lines(h: &Harness<'static, GuiApp>) -> Vec<String> {
    let s = &h.state().state;
    let report = s.report().unwrap();
    let view = nkact_dose::present::model::Presentation::of(&report, &s.order.warnings(&report), &s.words());
    let mut out = vec![view.headline.clone(), view.bsa.line(), view.bsa_working.clone()];
    for item in &view.items {
        out.extend([item.title.clone(), item.large.clone()]);
        out.extend(item.badges.iter().map(|b| b.text.clone()));
        out.extend(item.rows.iter().map(|r| r.line()));
    }
    // The criteria table cell by cell; the heart check and the administration rows whole.
    if let Some(c) = &view.criteria {
        out.extend([c.title.clone(), c.basis.clone(), c.summary.clone()]);
        for r in &c.rows {
            out.extend([r.name.clone(), r.value.clone(), r.limit.clone(), r.state.clone()]);
        }
    }
    out.extend(view.cardiac.iter().map(|r| r.line()));
    out.extend([view.administration_title.clone()]);
    out.extend(view.administration.iter().map(|r| r.line()));
    for d in &view.schedule {
        out.extend([d.day.clone(), d.date.clone(), d.events.clone()]);
    }
    out.extend(view.warnings.iter().map(|x| x.text.clone()));
    out.retain(|l| !l.is_empty());
    out
}

#[test]
fn the_window_shows_every_line_of_the_presentation_model() {
    // The terminal and the sheet are checked against the same model in tests/present.rs.
    let mut h = harness();
    fill_typical(&mut h);
    type_into(&mut h, "Day 1 date", "2026-12-01");
    type_into(&mut h, "NK cells", "2e8");
    for line in model_lines(&h) {
        assert!(shows(&h, &line), "the window does not show {line:?}");
    }
}

#[test]
fn the_window_in_spanish_finds_fields_by_their_spanish_names_and_keeps_the_order() {
    let mut h = harness();
    fill_for_export(&mut h);
    eligible_in_window(&mut h, "2026-03-10");
    // Acknowledge the warnings in English first.
    let report = h.state().state.report().unwrap();
    let warnings = h.state().state.order.warnings(&report);
    assert!(!warnings.is_empty());
    for x in &warnings {
        let text = Words::english().warning(&x.kind);
        if x.needs_reason {
            continue;
        }
        press(&mut h, Role::CheckBox, &text);
    }
    let acknowledged = h.state().state.order.acknowledged.clone();
    assert!(!acknowledged.is_empty());
    let before = h.state().state.order.clone();

    // Switch to Spanish: every string is drawn again, the order and its acknowledgements stay.
    h.state_mut().state.apply(Action::SetLang(nkact_dose::locale::Lang::Es));
    h.run();
    assert_eq!(h.state().state.order.inputs, before.inputs);
    assert_eq!(h.state().state.order.acknowledged, acknowledged);
    for label in ["Peso (kg)", "Talla (cm)", "Células NK", "Ciclo"] {
        let _ = h.get_by_role_and_label(Role::TextInput, label);
    }
    let _ = h.get_by_role_and_label(Role::Button, "Exportar PDF…");
    assert!(shows(&h, "1092 mg"));
    assert!(shows(&h, "0,91 millones de unidades"), "large unit counts in words, never grouped digits");
    assert!(shows(&h, "Ciclofosfamida"));
    assert!(shows(&h, "superficie corporal") || shows(&h, "Superficie corporal"));
    for line in model_lines(&h) {
        assert!(shows(&h, &line), "the Spanish window does not show {line:?}");
    }
    // Typing in Spanish: the fields take a decimal comma, the doses follow.
    h.state_mut().state.order.inputs.weight.clear();
    h.run();
    type_into(&mut h, "Peso (kg)", "70,5");
    assert_eq!(h.state().state.order.inputs.weight, "70,5");
    assert!(shows(&h, "70,5 kg"));
}

#[test]
fn a_reprint_the_printer_refuses_can_be_exported_instead() {
    // Regression: Reprint from the register had no PDF fallback.
    let dir = scratch::root().join(format!("nkact-gui-reprint-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let mut h = harness_with_register(dir.join("register.sqlite3"));
    fill_for_export(&mut h);
    let warning = h.state().state.report().unwrap().warnings[0].kind.clone();
    press(&mut h, Role::CheckBox, &Words::english().warning(&warning));
    h.state_mut().state.apply(Action::ExportTo { path: dir.join("a.pdf"), replace: false });
    h.run();
    press(&mut h, Role::Button, "Register");
    // A printer that does not exist: whether or not a print service runs here, the print is refused.
    h.state_mut().state.prefs.last_printer = Some("NKACT_NO_SUCH_PRINTER".into());
    let id = h.state().state.register_view.entries[0].id;
    h.state_mut().state.apply(Action::Reprint(id));
    h.run();
    assert!(h.state().state.printing.reprint_fallback.is_some(), "no fallback offered");
    let _ = h.get_by_role_and_label(Role::Button, "Export this order's PDF…");
    h.state_mut().state.apply(Action::ExportTo { path: dir.join("reprint.pdf"), replace: false });
    h.run();
    assert!(dir.join("reprint.pdf").exists());
    assert!(shows(&h, "Recorded as reprinted"), "the exported reprint is recorded");
    assert!(h.state().state.printing.reprint_fallback.is_none());
}

#[test]
fn exporting_from_the_form_after_a_refused_reprint_writes_the_order_shown() {
    // Issue 19 (harm): after a refused reprint in the Register view, Export on the form (showing
    // another patient) wrote the reprinted patient's sheet and recorded it as a reprint.
    let dir = scratch::root().join("reprint-leftover");
    std::fs::create_dir_all(&dir).unwrap();
    let mut h = harness_with_register(dir.join("register.sqlite3"));
    fill_for_export(&mut h);
    let warning = h.state().state.report().unwrap().warnings[0].kind.clone();
    press(&mut h, Role::CheckBox, &Words::english().warning(&warning));
    h.state_mut().state.apply(Action::ExportTo { path: dir.join("lucia.pdf"), replace: false });
    h.run();
    press(&mut h, Role::Button, "Register");
    h.state_mut().state.prefs.last_printer = Some("NKACT_NO_SUCH_PRINTER".into());
    let id = h.state().state.register_view.entries[0].id;
    h.state_mut().state.apply(Action::Reprint(id));
    h.run();
    assert!(h.state().state.printing.reprint_fallback.is_some());
    press(&mut h, Role::Button, "Close");
    // Another patient on the form.
    h.state_mut().state.apply(Action::NewOrder);
    h.run();
    fill_for_export(&mut h);
    h.state_mut().state.order.patient.name = "Isabel Pons".into();
    h.state_mut().state.order.patient.identifier = "HC-99".into();
    h.run();
    let warning = h.state().state.report().unwrap().warnings[0].kind.clone();
    press(&mut h, Role::CheckBox, &Words::english().warning(&warning));
    h.state_mut().state.apply(Action::ExportTo { path: dir.join("isabel.pdf"), replace: false });
    h.run();
    let t = std::process::Command::new("pdftotext").arg(dir.join("isabel.pdf")).arg("-").output();
    if let Ok(t) = t {
        let t = String::from_utf8_lossy(&t.stdout);
        assert!(t.contains("Isabel Pons") && !t.contains("Lucía Gómez"), "{t}");
    }
    let entries = nkact_dose::register::Register::open(&dir.join("register.sqlite3"))
        .unwrap()
        .list(&Default::default())
        .unwrap();
    assert_eq!(entries[0].patient_id, "HC-99");
    assert_eq!(entries[0].action, nkact_dose::register::RegisterAction::Exported);
}

#[test]
fn tab_walks_the_form_then_the_actions_and_reaches_the_toolbar_last() {
    // Regression: Tab started in the toolbar (six stops before the first field) and had invisible stops.
    use egui_kittest::kittest::NodeT;
    let mut h = harness();
    let mut order = Vec::new();
    for _ in 0..30 {
        let focused: Vec<String> = h
            .query_all(egui_kittest::kittest::by())
            .filter(|n| n.is_focused())
            .map(|n| n.accesskit_node().label().unwrap_or_default())
            .collect();
        assert_eq!(focused.len(), 1, "one visible focus at a time: {focused:?}");
        order.push(focused[0].clone());
        h.key_press(egui::Key::Tab);
        h.run();
    }
    let at = |label: &str| order.iter().position(|l| l == label).unwrap_or(usize::MAX);
    assert_eq!(order[0], "Patient name");
    assert!(at("Weight (kg)") < at("NK cells"));
    assert!(at("NK cells") < at("New order"), "{order:?}");
    assert!(at("Refresh printers") < at("New order"), "{order:?}");
    assert!(at("Language") < usize::MAX, "{order:?}");
    assert!(!order.iter().any(|l| l.is_empty() || l == "Resize panel"), "an invisible stop: {order:?}");
}

#[test]
fn the_double_check_reads_the_il2_label_in_the_unit_the_order_shows() {
    // Regression: the Spanish order shows "0,91 millones de unidades" but the check field
    // said "(unidades)" and took only 910000: a nurse would reject a correct syringe.
    let mut h = harness();
    fill_for_export(&mut h);
    let report = h.state().state.report().unwrap();
    let w = Words::english().warning(&report.warnings[0].kind);
    press(&mut h, Role::CheckBox, &w);
    h.state_mut().state.apply(Action::SetLang(nkact_dose::locale::Lang::Es));
    h.run();
    h.state_mut().state.apply(Action::StartDoubleCheck);
    h.run();
    type_into(&mut h, "Nombre de quien verifica", "Enf. B. Ruiz");
    press(
        &mut h,
        Role::CheckBox,
        "He confirmado el nombre, el NHC y la fecha de nacimiento en la etiqueta de cada bolsa o jeringa",
    );
    type_into(&mut h, "FEVI más reciente (%), según el informe", "62");
    type_into(&mut h, "FEVI basal (%), según el informe", "62");
    type_into(&mut h, "Peso reintroducido (kg)", "70");
    type_into(&mut h, "Talla reintroducida (cm)", "170");
    type_into(&mut h, "Células NK reintroducidas", "2e8");
    type_into(&mut h, "Ciclofosfamida (mg)", "1092");
    type_into(&mut h, "Trastuzumab (mg)", "560");
    type_into(&mut h, "Pertuzumab (mg)", "840");
    type_into(&mut h, "Aldesleukina (interleucina-2) (millones de unidades)", "0,91");
    press(&mut h, Role::Button, "Comparar");
    assert!(h.state().state.order.verification.is_some(), "{:?}", h.state().state.check.mismatches);
}

#[test]
fn the_window_takes_the_criteria_shows_them_and_records_an_override() {
    let mut h = harness();
    fill_for_export(&mut h);
    let warning = h.state().state.report().unwrap().warnings[0].kind.clone();
    press(&mut h, Role::CheckBox, &Words::english().warning(&warning));
    assert!(h.state().state.printable().is_ok(), "every criterion met: export allowed");
    assert!(shows(&h, "Criteria to treat (cycle 1)"));
    assert!(shows(&h, "Every criterion met."));
    // LVEF typed in its field: 49 % does not meet exclusion 19 (LVEF < 50 %).
    h.state_mut().state.order.clinical.lvef.clear();
    h.run();
    type_into(&mut h, "LVEF (%)", "49");
    assert!(shows(&h, "NOT MET"));
    assert!(matches!(h.state().state.printable(), Err(nkact_dose::sheet::SheetError::CriteriaOpen(1))));
    // The form was briefly invalid (the LVEF emptied): the warning is acknowledged again.
    press(&mut h, Role::CheckBox, &Words::english().warning(&warning));
    // The issuer's reasoned override, typed beside the criterion: the sheet may leave, and says so.
    type_into(&mut h, "LVEF: NOT MET", "Cardiology reviewed: proceed");
    press(&mut h, Role::Button, "Override");
    let o = h.state().state.order.overrides.clone();
    assert_eq!(o.len(), 1);
    assert_eq!((o[0].code.as_str(), o[0].by.as_str()), ("lvef", "Farm. A. García"));
    assert!(shows(&h, "overridden by Farm. A. García"));
    let printable = h.state().state.printable();
    assert!(printable.is_ok(), "{:?}", printable.err());
    // A changed value is a new situation: the override no longer covers it.
    h.state_mut().state.order.clinical.lvef = "48".into();
    h.run();
    assert!(h.state().state.printable().is_err());
}

#[test]
fn the_window_shows_a_withheld_antibody_without_a_dose() {
    let mut h = harness();
    fill_typical(&mut h);
    let s = &mut h.state_mut().state.order;
    s.inputs.cycle = "4".into();
    s.inputs.day1 = "2026-03-23".into();
    s.inputs.last_trastuzumab = "2026-03-02".into();
    s.inputs.last_pertuzumab = "2026-03-02".into();
    s.clinical = Default::default();
    h.run();
    type_into(&mut h, "Baseline LVEF (%)", "61");
    type_into(&mut h, "LVEF (%)", "47");
    type_into(&mut h, "LVEF date", "2026-02-27");
    assert!(shows(&h, "WITHHELD — no dose"));
    assert!(!shows(&h, "420 mg"), "a withheld antibody shows no dose");
    assert!(shows(&h, "repeat the LVEF in about 3 weeks"));
}

#[test]
fn in_a_register_that_knows_people_the_issuer_signs_in_and_the_chain_is_shown() {
    use nkact_dose::register::{PersonChange, Register, Role as Job};
    let dir = scratch::root().join(format!("nkact-gui-people-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("register.sqlite3");
    {
        let mut reg = Register::open(&path).unwrap();
        reg.init("Admin", "admin-secret-Qv7x-0", fixed_now()).unwrap().unwrap();
        let admin = reg.authenticate("Admin", "admin-secret-Qv7x-0", fixed_now()).unwrap().unwrap();
        reg.manage_person(
            &admin,
            "Farm. A. García",
            PersonChange::Add(Job::Pharmacist, "pin-123456-Jm8r"),
            fixed_now(),
        )
        .unwrap()
        .unwrap();
        reg.manage_person(
            &admin,
            "Enf. D. Ruiz",
            PersonChange::Add(Job::Nurse, "nurse-pin-1-Lw3z"),
            fixed_now(),
        )
        .unwrap()
        .unwrap();
    }
    let mut h = harness_with_register(path.clone());
    fill_for_export(&mut h);
    let warning = h.state().state.report().unwrap().warnings[0].kind.clone();
    press(&mut h, Role::CheckBox, &Words::english().warning(&warning));
    assert!(matches!(h.state().state.printable(), Err(nkact_dose::sheet::SheetError::SignInNeeded)));
    assert!(shows(&h, "Sign in to issue:"));
    // A wrong PIN: refused, said, recorded.
    h.state_mut().state.sign_in.name = "Farm. A. García".into();
    h.state_mut().state.sign_in.secret = "000000".into();
    press(&mut h, Role::Button, "Sign in");
    assert!(shows(&h, "does not match"));
    assert!(h.state().state.sign_in.secret.is_empty(), "a secret is not kept once checked");
    h.state_mut().state.sign_in.secret = "pin-123456-Jm8r".into();
    press(&mut h, Role::Button, "Sign in");
    assert!(shows(&h, "Signed in: Farm. A. García (pharmacist)"));
    // A cycle-1 order in a register that applies the trial's rules names its subject and cohort
    // (issue 19: an unanswered cohort skipped the stagger rule in the window).
    assert!(matches!(
        h.state().state.printable(),
        Err(nkact_dose::sheet::SheetError::Refused(nkact_dose::order::release::Refusal::TrialRequired))
    ));
    assert!(shows(&h, "names the trial subject number and the cohort"));
    type_into(&mut h, "Trial subject number", "S-01");
    h.state_mut().state.order.trial.cohort = "expansion".into();
    h.run();
    assert!(h.state().state.printable().is_ok(), "{:?}", h.state().state.printable().err());
    // The double-check by a nurse who proves who she is: a wrong PIN first, then hers.
    double_check_signed(&mut h, "Enf. D. Ruiz", Some("999999"), "70", "1092");
    assert!(h.state().state.order.verification.is_none());
    assert!(shows(&h, "does not match"));
    press(&mut h, Role::Button, "Cancel");
    double_check_signed(&mut h, "Enf. D. Ruiz", Some("nurse-pin-1-Lw3z"), "70", "1092");
    assert_eq!(
        h.state().state.order.verification.as_ref().map(|v| v.verifier.as_str()),
        Some("Enf. D. Ruiz")
    );
    assert!(shows(&h, "Independent double-check: Enf. D. Ruiz (nurse)"));
    h.state_mut().state.apply(Action::ExportTo { path: dir.join("a.pdf"), replace: false });
    h.run();
    assert!(shows(&h, "Issued: Farm. A. García (pharmacist)"), "the chain of the open order is shown");
    let mut reg = Register::open(&path).unwrap();
    assert_eq!(reg.failed_logins("Farm. A. García").unwrap(), 1);
    let chain = reg.chain_of(&h.state().state.order.order_id).unwrap();
    let signed: Vec<(&str, &str, bool)> =
        chain.iter().map(|e| (e.step.key(), e.person.as_str(), e.ok)).collect();
    assert!(signed.contains(&("double-checked", "Enf. D. Ruiz", true)), "{signed:?}");
    assert!(signed.contains(&("issued", "Farm. A. García", true)), "{signed:?}");
    assert_eq!(reg.verify().unwrap().first_bad, None);
}

#[test]
fn the_window_refuses_a_start_before_the_trials_stagger_rule_unless_overridden() {
    use nkact_dose::register::{Register, RegisterAction};
    let dir = scratch::root().join(format!("nkact-gui-stagger-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("register.sqlite3");
    // The previous patient, S-01 (expansion): Day 1 2026-03-02, so Day 6 ends at midnight
    // closing 2026-03-07 and the next patient may start 48 h later (trial record), 2026-03-10 00:00.
    {
        let mut previous =
            nkact_dose::order::Order::new(fixed_now(), nkact_dose::settings::Settings::default());
        previous.inputs.weight = "70".into();
        previous.inputs.height = "170".into();
        previous.inputs.cycle = "1".into();
        previous.inputs.day1 = "2026-03-02".into();
        previous.trial.subject = "S-01".into();
        previous.trial.cohort = "expansion".into();
        let report = previous.report().unwrap();
        Register::open(&path)
            .unwrap()
            .record(&previous, &report, RegisterAction::Exported, fixed_now())
            .unwrap();
    }
    let mut h = harness_with_register(path.clone());
    fill_for_export(&mut h);
    let warning = h.state().state.report().unwrap().warnings[0].kind.clone();
    press(&mut h, Role::CheckBox, &Words::english().warning(&warning));
    type_into(&mut h, "Trial subject number", "S-02");
    h.state_mut().state.order.trial.cohort = "expansion".into();
    h.run();
    assert!(shows(&h, "Next patient (expansion) may start from 2026-03-10 00:00"));
    // This patient's cyclophosphamide window opens 2026-03-04: too early.
    assert!(matches!(h.state().state.printable(), Err(nkact_dose::sheet::SheetError::TooEarly { .. })));
    type_into(&mut h, "Start earlier (principal investigator), reason:", "DSMB agreed an earlier start");
    press(&mut h, Role::Button, "Override");
    let o = h.state().state.order.stagger_override.clone().expect("override recorded");
    assert_eq!((o.by.as_str(), o.previous_subject.as_str()), ("Farm. A. García", "S-01"));
    // The window says the override took (issue 18: it showed nothing), and tells no window
    // user to use a command-line option.
    assert!(shows(&h, "OVERRIDDEN by Farm. A. García"));
    assert!(!shows(&h, "--stagger-override"));
    assert!(h.state().state.printable().is_ok());
    let pdf = dir.join("s02.pdf");
    h.state_mut().state.apply(Action::ExportTo { path: pdf.clone(), replace: false });
    h.run();
    let t = std::process::Command::new("pdftotext").arg(&pdf).arg("-").output();
    if let Ok(t) = t {
        let t = String::from_utf8_lossy(&t.stdout).split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(t.contains("OVERRIDDEN by Farm. A. García") && t.contains("DSMB agreed"), "{t}");
    }
}

#[test]
fn a_register_that_cannot_be_read_never_skips_the_stagger_rule() {
    // The register location is a folder: the rule cannot be checked, so nothing leaves.
    let dir = scratch::root().join(format!("nkact-gui-stagger-unread-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let mut h = harness_with_register(dir.clone());
    fill_for_export(&mut h);
    let warning = h.state().state.report().unwrap().warnings[0].kind.clone();
    press(&mut h, Role::CheckBox, &Words::english().warning(&warning));
    assert!(h.state().state.printable().is_ok(), "no cohort: the rule does not apply");
    h.state_mut().state.order.trial.cohort = "expansion".into();
    h.run();
    assert!(matches!(h.state().state.printable(), Err(nkact_dose::sheet::SheetError::StaggerUnchecked(_))));
    assert!(shows(&h, "stagger rule cannot be checked"));
}
