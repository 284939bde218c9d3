//! The pharmacy's locked settings (issue 22): what `/etc/nkact-dose/site.json` sets — the
//! `--site-settings` schema plus the register and the language — wins over a user's own
//! preferences, and the window shows it as set by the pharmacy and does not let it change;
//! the user's preferences still apply to the rest.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::float_cmp)] // tests may fail loudly

use chrono::NaiveDateTime;
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use nkact_dose::app::{Action, AppState, Preferences};
use nkact_dose::gui::GuiApp;
use nkact_dose::locale::Lang;
use nkact_dose::settings::{Paper, Settings, SitePolicy};

use eframe::egui;

fn fixed_now() -> NaiveDateTime {
    NaiveDateTime::parse_from_str("2026-03-01 10:00", "%Y-%m-%d %H:%M").unwrap()
}

const POLICY: &str = r#"{
    "administration": {"nk_max_hours_after_release": 6},
    "paper": "letter",
    "register": "/var/lib/nkact-dose/site-register.sqlite3"
}"#;

/// A user whose own preferences differ from the pharmacy's on every locked setting, and
/// who chose a rounding increment of 5 mg (not locked).
fn user_prefs() -> Preferences {
    let mut settings = Settings::default();
    settings.administration.nk_max_hours_after_release = Some(12.0);
    settings.mg_rounding_increment = 5.0;
    settings.paper = Paper::A4;
    Preferences {
        settings,
        lang: Some(Lang::En),
        register_path: Some("/home/user/my-register.sqlite3".into()),
        ..Preferences::default()
    }
}

#[test]
// Shows: REQ-SITE-001
fn a_locked_setting_wins_over_the_users_preferences_and_the_rest_are_kept() {
    let policy = SitePolicy::from_json(POLICY.as_bytes()).unwrap();
    assert!(policy.locks("administration.nk_max_hours_after_release") && policy.locks("paper"));
    assert!(!policy.locks("mg_rounding_increment"));
    let s = AppState::new(user_prefs(), fixed_now).with_policy(policy);
    assert_eq!(s.prefs.settings.administration.nk_max_hours_after_release, Some(6.0));
    assert_eq!(s.prefs.settings.paper, Paper::Letter);
    assert_eq!(s.order.settings.administration.nk_max_hours_after_release, Some(6.0), "the order uses it");
    assert_eq!(
        s.prefs.settings.mg_rounding_increment, 5.0,
        "the user's own preference where nothing is locked"
    );
    assert_eq!(s.register_path().unwrap().to_string_lossy(), "/var/lib/nkact-dose/site-register.sqlite3");
    // A file with an unknown setting or language is refused, naming it.
    assert!(SitePolicy::from_json(br#"{"nk_hours": 6}"#).is_err());
    assert!(SitePolicy::from_json(br#"{"language": "fr"}"#).is_err());
    assert!(SitePolicy::from_json(br#"{"administration": {"nk_max_hours_after_release": 500}}"#).is_err());
}

#[test]
// Shows: REQ-SITE-001
fn the_window_shows_a_locked_setting_as_set_by_the_pharmacy_and_does_not_change_it() {
    let mut policy = SitePolicy::from_json(POLICY.as_bytes()).unwrap();
    policy.language = Some(Lang::En);
    let app = GuiApp::new(AppState::new(user_prefs(), fixed_now).with_policy(policy));
    let mut h = Harness::builder()
        .with_size(egui::vec2(1280.0, 1000.0))
        .with_max_steps(12)
        .build_ui_state(|ui, app: &mut GuiApp| app.ui(ui), app);
    h.run();
    h.get_by_label("Site settings").click_accesskit();
    h.run();
    // The locked field says so; typing into it and applying changes nothing.
    let locked = "NK cells: latest infusion after release (h) — set by the pharmacy";
    let node = h.get_by_role_and_label(Role::TextInput, locked);
    assert!(node.accesskit_node().is_disabled(), "the locked field is not editable");
    node.focus();
    h.run();
    h.get_by_role_and_label(Role::TextInput, locked).type_text("24");
    h.run();
    // An unlocked one still takes the user's value.
    let rounding = h.get_by_role_and_label(Role::TextInput, "mg rounding increment (mg)");
    assert!(!rounding.accesskit_node().is_disabled());
    h.get_by_role_and_label(Role::Button, "Apply settings").click_accesskit();
    h.run();
    let s = &h.state().state;
    assert_eq!(s.prefs.settings.administration.nk_max_hours_after_release, Some(6.0));
    assert_eq!(s.order.settings.administration.nk_max_hours_after_release, Some(6.0));
    // Neither the paper nor the language changes when asked to.
    h.state_mut().state.apply(Action::SetPaper(Paper::A4));
    h.state_mut().state.apply(Action::SetLang(Lang::Es));
    h.run();
    let s = &h.state().state;
    assert_eq!(s.order.settings.paper, Paper::Letter);
    assert_eq!(s.prefs.lang, Some(Lang::En));
    assert!(
        h.query_by_label_contains("English — set by the pharmacy").is_some(),
        "the language is shown as locked"
    );
}
