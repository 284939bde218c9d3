//! Nothing lost: a save interrupted between writing the temporary file and
//! the rename leaves the previous file whole; saving where it cannot be saved
//! says why and leaves the window's data untouched.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::float_cmp)] // tests may fail loudly

#[path = "common/scratch.rs"]
mod scratch;
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
    let d = scratch::root().join(format!("nkact-files-{name}-{}", std::process::id()));
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
// Shows: REQ-FILE-001
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
    let message = nkact_dose::present::Words::english().file_error(&result.unwrap_err());
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

// ---------------------------------------------------------------- findings (issue 10)

fn full_order() -> Order {
    let mut o = order_with_weight("70,5");
    o.patient.name = "María José Núñez".into();
    o.patient.identifier = "HC-0012345".into();
    o.patient.date_of_birth = "1968-05-14".into();
    o.patient.allergies = "none known".into();
    o.inputs.cycle = "2".into();
    o.inputs.day1 = "2026-03-23".into();
    o.inputs.last_trastuzumab = "2026-03-02".into();
    o.issued_by = "Farm. A. García".into();
    o
}

#[test]
// Shows: REQ-FILE-001
fn single_bit_flips_never_load_changed_content() {
    // Regression: 37 of 400 single-bit flips loaded with changed content and no complaint.
    let d = dir("flips");
    let path = d.join("order.json");
    let original = full_order();
    order::save(&original, &path).unwrap();
    let bytes = std::fs::read(&path).unwrap();
    let bits = bytes.len() * 8;
    let mut loaded_changed = 0;
    let mut refused = 0;
    // Every bit of the file, spread: 1000 flips in a deterministic stride.
    let flips = 1000.min(bits);
    for k in 0..flips {
        let bit = k * bits / flips + (k * 7) % 8;
        let mut b = bytes.clone();
        let byte = bit / 8 % b.len();
        b[byte] ^= 1 << (bit % 8);
        match order::parse(&b, &path) {
            Ok(o) if o == original => {}
            Ok(_) => loaded_changed += 1,
            Err(_) => refused += 1,
        }
    }
    assert_eq!(loaded_changed, 0, "{loaded_changed} flips loaded changed content ({refused} refused)");
    // A flip in the content says what happened.
    let mut b = bytes.clone();
    let at = String::from_utf8_lossy(&bytes).find("70,5").unwrap();
    b[at] ^= 0x02; // "7" -> "5": still a valid weight
    let e = order::parse(&b, &path).unwrap_err();
    assert!(matches!(e, FileError::Changed { .. }), "{e}");
    assert!(nkact_dose::present::Words::english().file_error(&e).contains("changed or damaged"), "{e}");
}

#[test]
fn oversized_files_are_refused_before_they_are_read_whole() {
    // Regression: a 1 GB file took 2 GB of memory; /dev/zero was read until allocation failed.
    let d = dir("oversized");
    let path = d.join("big.json");
    let mut big = b"{\"format\": \"nkact-dose-order\", \"pad\": \"".to_vec();
    big.resize(2 * 1024 * 1024, b'x');
    std::fs::write(&path, &big).unwrap();
    let e = order::load(&path).unwrap_err();
    assert!(matches!(e, FileError::TooLarge { .. }), "{e}");
    let start = std::time::Instant::now();
    let e = order::load(std::path::Path::new("/dev/zero")).unwrap_err();
    assert!(start.elapsed() < std::time::Duration::from_secs(2), "read /dev/zero for {:?}", start.elapsed());
    assert!(matches!(e, FileError::NotRegular { .. } | FileError::TooLarge { .. }), "{e}");
}

#[test]
fn files_missing_any_field_are_refused_naming_it() {
    // Regression: files missing `verification`, `diluent` or `bag_volume_ml` loaded with
    // silent defaults.
    let d = dir("missing");
    let path = d.join("order.json");
    order::save(&full_order(), &path).unwrap();
    let saved: serde_json::Value = serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
    type Remove = fn(&mut serde_json::Value);
    let cases: [(&str, Remove); 4] = [
        ("verification", |v| {
            v.as_object_mut().unwrap().remove("verification");
        }),
        ("diluent", |v| {
            v["settings"]["products"][1].as_object_mut().unwrap().remove("diluent");
        }),
        ("bag_volume_ml", |v| {
            v["settings"]["products"][1].as_object_mut().unwrap().remove("bag_volume_ml");
        }),
        ("issued_content", |v| {
            v.as_object_mut().unwrap().remove("issued_content");
        }),
    ];
    for (field, remove) in cases {
        let mut v = saved.clone();
        remove(&mut v);
        std::fs::write(&path, serde_json::to_vec_pretty(&v).unwrap()).unwrap();
        let e = order::load(&path).unwrap_err().to_string();
        assert!(e.contains(field), "{field}: {e}");
    }
}

#[test]
fn a_version_1_order_file_still_opens() {
    // nkact-dose 0.1 files (format version 1, no checksum) open, migrated.
    let d = dir("v1");
    let path = d.join("order.json");
    let o = full_order();
    let mut v = serde_json::to_value(&o).unwrap();
    let m = v.as_object_mut().unwrap();
    for key in ["revision", "failed_checks", "issued_content", "lang", "decimal_mark"] {
        m.remove(key);
    }
    m.insert("format_version".into(), serde_json::json!(1));
    std::fs::write(&path, serde_json::to_vec_pretty(&v).unwrap()).unwrap();
    let loaded = order::load(&path).unwrap();
    assert_eq!(loaded.inputs, o.inputs);
    assert_eq!(loaded.patient, o.patient);
    assert_eq!(loaded.format_version, order::FORMAT_VERSION);
}

#[test]
// Shows: REQ-FILE-001
fn written_files_are_private_and_leave_no_temporary_file() {
    use std::os::unix::fs::PermissionsExt;
    let d = dir("private");
    let path = d.join("order.json");
    order::save(&full_order(), &path).unwrap();
    let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600, "order file mode {mode:o}");
    assert_eq!(only_file(&d), ["order.json"]);
}

#[test]
fn out_onto_anything_but_a_regular_file_is_refused() {
    // Regression: `--out` onto a device node with `--force` replaced the node with a file.
    let d = dir("special");
    let fifo = d.join("fifo");
    assert!(Command::new("mkfifo").arg(&fifo).status().unwrap().success());
    let folder = d.join("folder");
    std::fs::create_dir(&folder).unwrap();
    let target = d.join("target.txt");
    std::fs::write(&target, b"not yours").unwrap();
    let link = d.join("link.pdf");
    std::os::unix::fs::symlink(&target, &link).unwrap();
    for path in [&fifo, &folder, &link] {
        let e = order::write_atomic(path, b"%PDF-1.7", true).unwrap_err();
        assert!(matches!(e, FileError::NotRegular { .. }), "{}: {e}", path.display());
    }
    use std::os::unix::fs::FileTypeExt;
    assert!(std::fs::symlink_metadata(&fifo).unwrap().file_type().is_fifo(), "the FIFO is still a FIFO");
    assert_eq!(std::fs::read(&target).unwrap(), b"not yours");
    assert!(std::fs::symlink_metadata(&link).unwrap().file_type().is_symlink());
}

use std::process::Command;

#[test]
fn a_temporary_file_left_by_a_killed_run_is_removed_by_the_next_write() {
    // A run killed between writing its private temporary file and the rename leaves it;
    // the next write in that folder removes it once it is an hour old.
    let d = dir("stale");
    let stale = d.join(".nkact-AbC123.tmp");
    std::fs::write(&stale, b"patient data").unwrap();
    let f = std::fs::File::options().write(true).open(&stale).unwrap();
    let two_hours_ago =
        std::fs::metadata(&stale).unwrap().modified().unwrap() - std::time::Duration::from_secs(7200);
    f.set_modified(two_hours_ago).unwrap();
    let fresh = d.join(".nkact-Fresh1.tmp");
    std::fs::write(&fresh, b"another run, still writing").unwrap();
    order::save(&full_order(), &d.join("order.json")).unwrap();
    assert!(!stale.exists(), "stale temporary file kept");
    assert!(fresh.exists(), "a fresh temporary file of another run was removed");
}

#[test]
fn a_file_that_names_a_key_twice_is_refused() {
    // Issue 20: `"name":"Eve Other","name":"Ana García"` opened as Ana García. A saved order
    // with a key repeated, anywhere in it, is refused whichever value would have been read.
    let d = dir("duplicate-keys");
    let path = d.join("order.json");
    let mut o = order_with_weight("70");
    o.patient.name = "Ana García".into();
    order::save(&o, &path).unwrap();
    let text = std::fs::read_to_string(&path).unwrap();
    for (what, edited) in [
        (
            "patient name",
            text.replacen("\"name\": \"Ana García\"", "\"name\": \"Eve Other\", \"name\": \"Ana García\"", 1),
        ),
        ("weight", text.replacen("\"weight\": \"70\"", "\"weight\": \"700\", \"weight\": \"70\"", 1)),
    ] {
        assert_ne!(edited, text, "{what}: the edit applies");
        std::fs::write(&path, &edited).unwrap();
        let e = order::load(&path).unwrap_err();
        assert!(matches!(e, FileError::Corrupt { .. }), "{what}: {e}");
        assert!(e.to_string().contains("twice"), "{what}: {e}");
    }
}
