//! Identity text at its one boundary: normalised (NFC, trimmed), and refused
//! with a message naming the problem when it would print blank, altered, or
//! as another patient's. Through the library and the built binary.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::float_cmp)] // tests may fail loudly

#[path = "common/eligible.rs"]
mod eligible;
#[path = "common/scratch.rs"]
mod scratch;

use std::process::Command;

use chrono::NaiveDateTime;
use nkact_dose::error::{Field, Problem};
use nkact_dose::identity::normalise;
use nkact_dose::order::{Order, Patient};
use nkact_dose::register::{Filter, Register, RegisterAction};
use nkact_dose::settings::Settings;
use nkact_dose::sheet::SheetError;

const BIN: &str = env!("CARGO_BIN_EXE_nkact-dose");

fn at(s: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap()
}

fn dir(name: &str) -> std::path::PathBuf {
    let d = scratch::root().join(format!("nkact-identity-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn order_with(patient: Patient) -> Order {
    let now = at("2026-03-01 09:00");
    let mut o = Order::new(now, Settings::default());
    o.patient = patient;
    o.inputs.weight = "70".into();
    o.inputs.height = "170".into();
    o.inputs.cycle = "1".into();
    o.inputs.day1 = "2026-03-02".into();
    o.inputs.nk_cells = "2e8".into();
    if !o.inputs.day1.is_empty() {
        o.clinical = eligible::clinical(&o.inputs.day1);
    }
    o.issued_by = "Farm. A. García".into();
    o
}

fn patient(name: &str, id: &str, allergies: &str) -> Patient {
    Patient {
        name: name.into(),
        identifier: id.into(),
        date_of_birth: "1970-01-01".into(),
        allergies: allergies.into(),
    }
}

#[test]
fn invisible_only_identity_text_is_refused() {
    // Regression: a name, record number or allergy made only of U+200B, U+200D, U+FEFF or
    // U+2060 was accepted and printed blank.
    for invisible in ["\u{200B}", "\u{200D}\u{200D}", "\u{FEFF}", "\u{2060}", "\u{3000}", "\u{2800}"] {
        let today = at("2026-03-01 09:00").date();
        for p in [
            patient(invisible, "HC-8", "none known"),
            patient("Ana Ruiz", invisible, "none known"),
            patient("Ana Ruiz", "HC-8", invisible),
        ] {
            let errors = p.validate(today).unwrap_err();
            assert_eq!(errors.len(), 1, "{invisible:?}: {errors:?}");
            assert!(
                matches!(
                    errors[0].problem,
                    Problem::ForbiddenCharacters(_) | Problem::InvisibleOnly | Problem::Missing
                ),
                "{invisible:?}: {errors:?}"
            );
        }
    }
}

#[test]
fn control_format_and_bidi_override_characters_are_refused_by_name() {
    // Regression: LF, TAB, ESC sequences, DEL, U+0085 and U+202E were accepted into identity
    // fields and printed as boxes, escape codes or nothing.
    for (text, named) in [
        ("Ana\nRuiz", "line feed"),
        ("Ana\tRuiz", "tab"),
        ("Ana \u{1b}[31mRuiz", "escape"),
        ("Ana\u{7f}", "delete"),
        ("Ana\u{85}Ruiz", "next line"),
        ("Ana \u{202E}ziuR", "bidirectional override"),
        ("H1\u{200B}23", "zero-width space"),
    ] {
        let e = normalise(Field::PatientName, text).unwrap_err();
        let message = nkact_dose::present::Words::english().input_error(&e);
        assert!(message.contains(named), "{text:?}: {message}");
        assert!(message.contains("Patient name"), "{message}");
    }
}

#[test]
fn identity_text_is_normalised_to_nfc_and_trimmed() {
    // "José" typed with a combining accent is the same name as the precomposed one.
    assert_eq!(normalise(Field::PatientName, "  Jose\u{301} Pérez ").unwrap(), "José Pérez");
    let p =
        patient("Jose\u{301} Pérez", " HC-8 ", "none known").validate(at("2026-03-01 09:00").date()).unwrap();
    assert_eq!(p.name, "José Pérez");
    assert_eq!(p.identifier, "HC-8");
}

#[test]
fn identity_fields_have_length_limits_stated_in_the_error() {
    let long = "A".repeat(101);
    let e = normalise(Field::PatientName, &long).unwrap_err();
    assert_eq!(e.problem, Problem::TooLong { max: 100 });
    assert!(nkact_dose::present::Words::english().input_error(&e).contains("100"), "{e}");
    let e = normalise(Field::PatientId, &"9".repeat(31)).unwrap_err();
    assert!(nkact_dose::present::Words::english().input_error(&e).contains("30"), "{e}");
}

#[test]
fn a_record_number_cannot_hold_a_look_alike_letter() {
    // Regression: a Cyrillic "А" or a hidden zero-width space made a record number print
    // pixel-identical to another patient's, and the register filter missed it.
    for lookalike in ["HC-0012345\u{200B}", "НС-0012345", "HC-００12345"] {
        assert!(normalise(Field::PatientId, lookalike).is_err(), "{lookalike:?} accepted");
    }
    assert_eq!(normalise(Field::PatientId, "HC-0012345").unwrap(), "HC-0012345");
}

#[test]
fn a_name_mixing_scripts_needs_confirmation() {
    // "Аna Ruiz" with a Cyrillic А: accepted, but a warning to acknowledge.
    let o = order_with(patient("\u{0410}na Ruiz", "HC-8", "none known"));
    let r = o.report().unwrap();
    let codes: Vec<String> = o.warnings(&r).into_iter().map(|w| w.code).collect();
    assert!(codes.contains(&"name-mixes-scripts".to_owned()), "{codes:?}");
    let plain = order_with(patient("Ana Ruiz", "HC-8", "none known"));
    let r = plain.report().unwrap();
    assert!(!plain.warnings(&r).iter().any(|w| w.code == "name-mixes-scripts"));
}

#[test]
fn characters_the_font_cannot_print_are_refused_by_name() {
    // Regression: CJK and some emoji printed as empty boxes with exit 0, and vanished from the
    // text layer; Arabic printed in reverse order.
    for (name, expect) in [("王小明", "王"), ("Ana 🧬 Ruiz", "🧬")] {
        let mut o = order_with(patient(name, "HC-8", "none known"));
        let r = o.report().unwrap();
        o.acknowledge_all(&r, "Farm. A. García", &[], at("2026-03-01 09:00"));
        match nkact_dose::sheet::render(&o, at("2026-03-01 09:30")) {
            Err(SheetError::Invalid(errors)) => {
                let message: String =
                    errors.iter().map(|e| nkact_dose::present::Words::english().input_error(e)).collect();
                assert!(message.contains(expect) && message.contains("cannot print"), "{message}");
            }
            other => panic!("{name:?} gave {:?}", other.map(|b| b.len())),
        }
    }
    let e = normalise(Field::PatientName, "محمد علي").unwrap_err();
    assert_eq!(e.problem, Problem::RightToLeft);
    // The binary says so and writes nothing.
    let d = dir("unprintable");
    let out = d.join("o.pdf");
    let o = Command::new(BIN)
        .env("LC_ALL", "C.UTF-8")
        .env("NKACT_DOSE_REGISTER", d.join("r.sqlite3"))
        .args(["order", "--weight", "70", "--height", "170", "--cycle", "1", "--day1", "2026-12-01"])
        .args(eligible::args("2026-12-01"))
        .args([
            "--name",
            "王小明",
            "--patient-id",
            "HC-8",
            "--dob",
            "1970-01-01",
            "--allergies",
            "none known",
        ])
        .args(["--acknowledged-by", "A", "--out"])
        .arg(&out)
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(String::from_utf8_lossy(&o.stderr).contains("王"));
    assert!(!out.exists());
}

#[test]
fn the_register_keeps_and_searches_the_normalised_form() {
    let d = dir("register");
    let path = d.join("r.sqlite3");
    let mut reg = Register::open(&path).unwrap();
    let o = order_with(patient("Jose\u{301} Pérez", "  HC-77 ", "none known"));
    let r = o.report().unwrap();
    reg.record(&o, &r, RegisterAction::Exported, at("2026-03-01 09:30")).unwrap();
    let all = reg.list(&Filter::default()).unwrap();
    assert_eq!(all[0].patient_name, "José Pérez");
    assert_eq!(all[0].patient_id, "HC-77");
    let found = reg.list(&Filter { patient_id: " hc-77".into(), ..Filter::default() }).unwrap();
    assert_eq!(found.len(), 1);
}

#[test]
fn values_that_would_print_blank_altered_or_as_a_stand_in_are_refused() {
    // Found by an adversarial run: accents with no letter, 40 stacked accents, U+FFFD,
    // placeholders such as "." or "?", and a lower-case record number that makes "hc-8" and
    // "HC-8" two patients.
    for (field, text) in [
        (Field::PatientName, "\u{301}\u{301}"),
        (Field::PatientName, "\u{332}"),
        (Field::AcknowledgedBy, "\u{301}"),
        (Field::PatientName, "Ana R\u{301}\u{301}\u{301}\u{301}uiz"),
        (Field::PatientName, "Ana\u{FFFD}Ruiz"),
        (Field::PatientName, "."),
        (Field::PatientName, "1234"),
        (Field::AcknowledgedBy, "-"),
        (Field::Reason, "x"),
        (Field::Reason, "."),
        (Field::PatientId, "..."),
        (Field::PatientId, "hc-8"),
        (Field::Allergies, "?"),
        (Field::Allergies, "unknown"),
        (Field::Allergies, "NKDA"),
        (Field::Allergies, "-"),
    ] {
        assert!(normalise(field, text).is_err(), "{field:?} {text:?} accepted");
    }
    for (field, text) in [
        (Field::PatientName, "Nguyễn Thị Ánh"),
        (Field::AcknowledgedBy, "A"),
        (Field::Reason, "weighed today"),
        (Field::PatientId, "HC-8"),
        (Field::Allergies, "none known"),
        (Field::Allergies, "penicilina"),
    ] {
        assert!(normalise(field, text).is_ok(), "{field:?} {text:?} refused");
    }
}
