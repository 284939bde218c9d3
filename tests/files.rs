//! Nothing lost: a save interrupted between writing the temporary file and
//! the rename leaves the previous file whole; saving where it cannot be saved
//! says why and leaves the window's data untouched.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::float_cmp)] // tests may fail loudly

use std::io;
use std::path::{Path, PathBuf};

use chrono::NaiveDateTime;
use nkact_dose::app::{Action, AppState, Notice, Preferences};
use nkact_dose::order::{self, FileError, Order, write_atomic_with};
use nkact_dose::settings::Settings;

fn now() -> NaiveDateTime {
    NaiveDateTime::parse_from_str("2026-03-01 10:00", "%Y-%m-%d %H:%M").unwrap()
}

fn dir(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("nkact-files-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn order_with_weight(w: &str) -> Order {
    let mut o = Order::new(now(), Settings::default());
    o.inputs.weight = w.into();
    o.inputs.height = "170".into();
    o
}

fn only_file(d: &Path) -> Vec<String> {
    std::fs::read_dir(d).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect()
}

#[test]
fn a_save_interrupted_before_the_rename_leaves_the_old_file_intact() {
    let d = dir("interrupt");
    let path = d.join("order.json");
    let old = order_with_weight("70");
    order::save(&old, &path).unwrap();
    let new = order_with_weight("80");
    let bytes = serde_json::to_vec_pretty(&new).unwrap();
    // The crash: the temporary file is written and flushed, then the process "dies" before the rename.
    let result = write_atomic_with(&path, &bytes, true, |tmp| {
        assert!(tmp.exists(), "the temporary file was written first");
        Err(io::Error::other("simulated crash before rename"))
    });
    assert!(matches!(result, Err(FileError::Io { .. })));
    assert_eq!(order::load(&path).unwrap(), old, "the previous file is intact and readable");
    assert_eq!(only_file(&d), vec!["order.json"], "no temporary file left behind");
    // A later save succeeds.
    order::save(&new, &path).unwrap();
    assert_eq!(order::load(&path).unwrap(), new);
}

#[test]
fn a_full_disk_leaves_the_old_file_and_says_why() {
    let d = dir("full");
    let path = d.join("order.json");
    let old = order_with_weight("70");
    order::save(&old, &path).unwrap();
    // ENOSPC (28) as the disk would report it.
    let result = write_atomic_with(&path, b"{}", true, |_| Err(io::Error::from_raw_os_error(28)));
    let message = result.unwrap_err().to_string();
    assert!(message.contains("order.json") && message.contains("Nothing was changed"), "{message}");
    assert_eq!(order::load(&path).unwrap(), old);
}

fn app_with_order() -> AppState {
    let mut app = AppState::new(Preferences::default(), now);
    app.order.inputs.weight = "70".into();
    app.order.inputs.height = "170".into();
    app.order.patient.name = "Lucía Gómez".into();
    app
}

#[test]
fn saving_into_a_missing_directory_says_why_and_keeps_the_window_data() {
    let mut app = app_with_order();
    let before = app.order.clone();
    let gone = dir("gone").join("no-such-folder").join("order.json");
    app.apply(Action::SaveTo(gone.clone()));
    match &app.notice {
        Some(Notice::Error(m)) => {
            assert!(m.contains("no-such-folder") && m.contains("Nothing was changed"), "{m}")
        }
        other => panic!("expected an error notice, got {other:?}"),
    }
    assert_eq!(app.order, before);
    assert!(!gone.exists());
}

#[cfg(target_os = "linux")]
#[test]
fn saving_into_a_read_only_filesystem_says_why_and_keeps_the_window_data() {
    // /proc refuses new files even for root (CI runs as root, which ignores chmod).
    let mut app = app_with_order();
    let before = app.order.clone();
    app.apply(Action::SaveTo(PathBuf::from("/proc/nkact-order.json")));
    assert!(
        matches!(&app.notice, Some(Notice::Error(m)) if m.contains("/proc/nkact-order.json")),
        "{:?}",
        app.notice
    );
    assert_eq!(app.order, before);
}

#[test]
fn opening_a_file_that_is_gone_changes_nothing() {
    let mut app = app_with_order();
    let before = app.order.clone();
    app.apply(Action::OpenFrom(dir("open-gone").join("missing.json")));
    assert!(matches!(&app.notice, Some(Notice::Error(_))));
    assert_eq!(app.order, before);
}

#[test]
fn unknown_or_missing_fields_are_refused() {
    let d = dir("fields");
    let path = d.join("order.json");
    let o = order_with_weight("70");
    let mut v = serde_json::to_value(&o).unwrap();
    v["inputs"]["surprise"] = serde_json::json!("x");
    std::fs::write(&path, serde_json::to_vec(&v).unwrap()).unwrap();
    let e = order::load(&path).unwrap_err().to_string();
    assert!(e.contains("surprise"), "{e}");
    let mut v = serde_json::to_value(&o).unwrap();
    v["inputs"].as_object_mut().unwrap().remove("weight");
    std::fs::write(&path, serde_json::to_vec(&v).unwrap()).unwrap();
    let e = order::load(&path).unwrap_err().to_string();
    assert!(e.contains("weight"), "{e}");
    // Settings that cannot be used (a zero concentration) are refused too.
    let mut v = serde_json::to_value(&o).unwrap();
    v["settings"]["products"][0]["concentration_per_ml"] = serde_json::json!(0.0);
    std::fs::write(&path, serde_json::to_vec(&v).unwrap()).unwrap();
    assert!(order::load(&path).is_err());
}
