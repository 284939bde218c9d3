//! The program in Spanish, as a Spanish pharmacy reads it: the sheet written by
//! the real binary (`order --lang es`) read back with no English left in it
//! (labels, working, days, dates, warnings, signatures, footer), numbers with
//! the decimal comma stated once, and an order file acknowledged in English by
//! an earlier version reopening in Spanish with its acknowledgements intact.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // tests may fail loudly

#[path = "common/eligible.rs"]
mod eligible;
#[path = "common/scratch.rs"]
mod scratch;

use std::path::{Path, PathBuf};
use std::process::Command;

use chrono::NaiveDateTime;
use nkact_dose::locale::Lang;

const BIN: &str = env!("CARGO_BIN_EXE_nkact-dose");

/// English words that are not Spanish words: none may be left on a Spanish sheet.
const ENGLISH: &[&str] = &[
    "day",
    "days",
    "cycle",
    "page",
    "of",
    "weight",
    "height",
    "loading",
    "maintenance",
    "dose",
    "doses",
    "units",
    "unit",
    "cells",
    "vial",
    "vials",
    "signature",
    "generated",
    "fingerprint",
    "rounded",
    "nearest",
    "within",
    "after",
    "before",
    "acknowledged",
    "reason",
    "patient",
    "allergies",
    "none",
    "known",
    "order",
    "pharmacy",
    "sheet",
    "schedule",
    "working",
    "route",
    "draw",
    "bag",
    "infusion",
    "prescriber",
    "pharmacist",
    "validation",
    "independent",
    "verified",
    "warnings",
    "warning",
    "the",
    "and",
    "with",
    "mon",
    "tue",
    "wed",
    "thu",
    "fri",
    "sat",
    "sun",
    "jan",
    "feb",
    "apr",
    "aug",
    "dec",
    "intravenous",
    "subcutaneous",
    "sodium",
    "chloride",
    "million",
    "pending",
    "range",
    "out",
    "not",
    "set",
    "per",
    "site",
    "manual",
    "record",
    "number",
    "birth",
    "diagnosis",
    "positive",
    "metastatic",
    "breast",
    "cancer",
    "basis",
    "revision",
    "supersedes",
    "next",
    "window",
    "once",
    "from",
    "to",
    "over",
    "measurable",
    "minimum",
    "dilute",
    "check",
    "time",
    "date",
    "name",
    "issued",
    "by",
    "at",
    "is",
    "under",
    "only",
    "since",
    "last",
    "re-load",
    "reload",
    "flat",
    "capped",
    "uncapped",
    "point",
    "comma",
    "numbers",
    "interleukin",
    "aldesleukin",
    "cyclophosphamide",
    "timing",
    "stock",
];

fn at(s: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap()
}

fn dir(name: &str) -> PathBuf {
    let d = scratch::root().join(format!("nkact-spanish-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn pdf_text(path: &Path) -> String {
    let bytes = std::fs::read(path).unwrap();
    let doc =
        printpdf::PdfDocument::parse(&bytes, &printpdf::PdfParseOptions::default(), &mut Vec::new()).unwrap();
    doc.extract_text().into_iter().flatten().collect::<Vec<_>>().join(" ")
}

/// The English words left in `text` (the program's own name aside).
fn english_left(text: &str) -> Vec<String> {
    let text = text.replace("nkact-dose", "");
    // Hashes and identifiers (a chain head, an order ID's random part) are hexadecimal, not
    // language: "…b6b2dec28…" holds "dec" by chance.
    let text: String = text
        .split(' ')
        .filter(|t| {
            !(t.len() >= 12 && t.chars().filter(|c| c.is_ascii_hexdigit()).count() * 10 >= t.len() * 9)
        })
        .collect::<Vec<_>>()
        .join(" ");
    let mut out: Vec<String> = text
        .split(|c: char| !(c.is_alphabetic() || c == '-'))
        .map(|w| w.trim_matches('-').to_lowercase())
        .filter(|w| ENGLISH.contains(&w.as_str()))
        .collect();
    out.sort();
    out.dedup();
    out
}

/// `order --lang es` with the patient and people of a Spanish ward.
fn order_es(d: &Path, name: &str, extra: &[&str]) -> (PathBuf, String) {
    let out = d.join(format!("{name}.pdf"));
    let mut args = vec![
        "order",
        "--lang",
        "es",
        "--weight",
        "70",
        "--height",
        "170",
        "--cycle",
        "1",
        "--day1",
        "2026-12-01",
        "--name",
        "María José Núñez-Ibáñez",
        "--patient-id",
        "HC-0012345",
        "--dob",
        "1968-05-14",
        "--allergies",
        "ninguna conocida",
        "--issued-by",
        "Dra. L. Martín",
        "--acknowledged-by",
        "Farm. A. García",
    ];
    args.extend(eligible::leaked("2026-12-01"));
    for pair in extra.chunks(2) {
        match args.iter().position(|a| *a == pair[0]) {
            Some(p) if pair.len() == 2 => args[p + 1] = pair[1],
            _ => args.extend_from_slice(pair),
        }
    }
    args.extend(["--out", out.to_str().unwrap(), "--register"]);
    let register = d.join("register.sqlite3");
    args.push(register.to_str().unwrap());
    let o = Command::new(BIN).env("LC_ALL", "C.UTF-8").args(&args).output().unwrap();
    assert_eq!(o.status.code(), Some(0), "{name}: {}", String::from_utf8_lossy(&o.stderr));
    (out, String::from_utf8_lossy(&o.stdout).into_owned())
}

#[test]
// Shows: REQ-I18N-001
fn a_spanish_sheet_has_no_english_left() {
    let d = dir("sheets");
    let long_name = "María de los Ángeles Fernández-Castañeda Ruiz de Alarcón y Peñalosa-Güell";
    let cases: Vec<(&str, Vec<&str>)> = vec![
        ("tipica", vec!["--nk-cells", "2e8"]),
        ("nk-pendiente", vec![]),
        (
            "recarga",
            vec![
                "--cycle",
                "4",
                "--day1",
                "2026-12-14",
                "--last-trastuzumab",
                "2026-11-09",
                "--last-pertuzumab",
                "2026-11-23",
                "--weight",
                "82",
                "--height",
                "171",
            ],
        ),
        (
            "dos-paginas",
            vec!["--name", long_name, "--paper", "letter", "--weight", "58,5", "--height", "163"],
        ),
    ];
    for (name, extra) in cases {
        let (pdf, stdout) = order_es(&d, name, &extra);
        assert!(
            english_left(&stdout).is_empty(),
            "{name}: English on the terminal {:?}\n{stdout}",
            english_left(&stdout)
        );
        let t = pdf_text(&pdf);
        let left = english_left(&t);
        assert!(left.is_empty(), "{name}: English words left on the sheet {left:?}\n{t}");
        // Spanish practice: the title, day-first dates with the month in letters, the decimal comma stated.
        for expected in ["Hoja de prescripción", "Día 1", "dic 2026", "Superficie corporal", "NHC"] {
            assert!(t.contains(expected), "{name}: no {expected:?}\n{t}");
        }
        assert!(t.contains("coma"), "{name}: the decimal mark is not stated\n{t}");
        assert!(!t.contains("2026-12-01"), "{name}: an ISO date on a Spanish sheet\n{t}");
    }
    let t = pdf_text(&d.join("tipica.pdf"));
    assert!(t.contains("1,82 m²"), "{t}");
    assert!(!t.contains("1.82"), "a decimal point in a document that uses the comma\n{t}");
    // Spanish safety documents never group digits: the IL-2 dose in words (spanish-practice.md).
    assert!(t.contains("0,91 millones de unidades") && !t.contains("910\u{2009}000"), "{t}");
    assert!(t.contains("Día 1 (1 dic 2026, martes)"), "{t}");
    assert!(
        t.contains("Fecha de nacimiento 14 may 1968") && !t.contains("1968,"),
        "a weekday on a date of birth\n{t}"
    );
    assert!(!t.contains(" UI") && !t.contains(" SC "), "an error-prone abbreviation\n{t}");
    let t = pdf_text(&d.join("recarga.pdf"));
    assert!(t.contains("RECARGA"), "{t}");
    // A long name, cycle 1 with its criteria table and NK lines: more than one page, each numbered.
    let t = pdf_text(&d.join("dos-paginas.pdf"));
    let pages = (2..=4).find(|n| t.contains(&format!("{n} de {n}"))).expect("pages numbered 'N de N'");
    for k in 1..=pages {
        assert!(t.contains(&format!("Página {k} de {pages}")), "page {k}\n{t}");
    }
}

#[test]
fn the_decimal_mark_is_a_setting_used_throughout_one_document() {
    let d = dir("mark");
    let (pdf, _) = order_es(&d, "punto", &["--decimal-mark", "point", "--nk-cells", "2e8"]);
    let t = pdf_text(&pdf);
    assert!(t.contains("1.82 m²"), "{t}");
    assert!(!t.contains("1,82"), "{t}");
    // English with a comma, when a site sets it.
    let o = Command::new(BIN)
        .env("LC_ALL", "C.UTF-8")
        .args(["calc", "--weight", "70", "--height", "170", "--decimal-mark", "comma"])
        .output()
        .unwrap();
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(out.contains("BSA: 1,82 m²"), "{out}");
    // Input accepts both marks whatever the output uses.
    let o = Command::new(BIN)
        .env("LC_ALL", "C.UTF-8")
        .args(["calc", "--lang", "es", "--weight", "70,0", "--height", "170.0"])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
}

#[test]
fn the_language_comes_from_the_option_then_the_locale_then_english() {
    let calc = |env: &[(&str, &str)], extra: &[&str]| {
        let mut c = Command::new(BIN);
        c.env_remove("LANG").env_remove("LC_ALL").env_remove("LC_MESSAGES");
        for (k, v) in env {
            c.env(k, v);
        }
        c.args(["calc", "--weight", "70", "--height", "170"]).args(extra);
        let o = c.output().unwrap();
        (
            o.status.code(),
            String::from_utf8_lossy(&o.stdout).into_owned(),
            String::from_utf8_lossy(&o.stderr).into_owned(),
        )
    };
    let (_, out, _) = calc(&[("LANG", "es_ES.UTF-8")], &[]);
    assert!(out.contains("Ciclofosfamida"), "{out}");
    let (_, out, _) = calc(&[("LANG", "es_ES.UTF-8")], &["--lang", "en"]);
    assert!(out.contains("Cyclophosphamide"), "{out}");
    let (_, out, _) = calc(&[("LANG", "fr_FR.UTF-8")], &[]);
    assert!(out.contains("Cyclophosphamide"), "{out}");
    let (_, out, _) = calc(&[], &["--lang", "ca"]);
    assert!(out.contains("Ciclofosfamida") && out.contains("Cicle"), "{out}");
    let (code, out, err) = calc(&[], &["--lang", "fr"]);
    assert_eq!(code, Some(2));
    assert!(out.is_empty());
    assert!(err.contains("--lang") && err.contains("es"), "{err}");
    // Errors in the chosen language, naming the field and what it accepts.
    let o = Command::new(BIN)
        .env("LC_ALL", "C.UTF-8")
        .args(["calc", "--lang", "es", "--weight", "abc", "--height", "170"])
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(2));
    assert!(err.contains("Peso (kg)") && err.contains("abc") && err.contains("Se admite"), "{err}");
    // JSON keys and codes are identifiers, the same in every language; ISO dates stay.
    let (_, out, _) = calc(&[], &["--lang", "es", "--json", "--day1", "2026-12-01", "--cycle", "1"]);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["doses"][0]["drug"], "cyclophosphamide");
    assert_eq!(v["schedule"][0]["date"], "2026-11-26");
}

#[test]
fn an_order_acknowledged_in_english_reopens_in_spanish_with_its_acknowledgements() {
    // Written by nkact-dose at commit 71fdb33 (order format version 2), acknowledged in English.
    let fixture =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/order-v2-acknowledged-in-english.json");
    let mut order = nkact_dose::order::load(&fixture).unwrap();
    assert_eq!(order.acknowledged.len(), 3);
    let report = order.report().unwrap();
    assert!(order.all_acknowledged(&report), "every acknowledgement still applies");
    order.lang = Lang::Es;
    order.decimal_mark = Lang::Es.usual_decimal_mark();
    let d = dir("v2");
    let path = d.join("reabierta.pdf");
    // Written before the criteria to treat existed (issue 13): a cycle-1 sheet now needs them.
    let refused = nkact_dose::sheet::export_pdf(&order, at("2026-11-28 10:00"), &path, false);
    assert!(matches!(refused, Err(nkact_dose::sheet::SheetError::CriteriaOpen(_))), "{refused:?}");
    assert!(!path.exists());
    order.clinical = eligible::clinical(&order.inputs.day1);
    order.created = order.created.max(eligible::known_at(&order.inputs.day1));
    let report = order.report().unwrap();
    assert!(order.all_acknowledged(&report), "every acknowledgement still applies");
    nkact_dose::sheet::export_pdf(&order, at("2026-11-28 10:00"), &path, false).unwrap();
    let t = pdf_text(&path);
    // The reasons as typed, the person, and the warnings now worded in Spanish.
    assert!(t.contains("weighed today on the ward scale"), "{t}");
    assert!(t.contains("Farm. A. García"), "{t}");
    assert!(t.contains("160 kg"), "{t}");
    assert!(!t.contains("is outside the usual"), "the English message was kept\n{t}");
    // Saved again, it is format version 3 and carries no display text.
    let again = d.join("again.json");
    nkact_dose::order::save(&order, &again).unwrap();
    let json = std::fs::read_to_string(&again).unwrap();
    assert!(json.contains("\"format_version\": 3"), "{json}");
    assert!(!json.contains("\"message\""), "display text stored in an order file\n{json}");
    assert!(json.contains("\"lang\": \"es\""), "{json}");
}

#[test]
fn the_register_records_the_language_of_each_sheet() {
    let d = dir("register");
    order_es(&d, "registrada", &["--nk-cells", "2e8"]);
    let mut reg = nkact_dose::register::Register::open(&d.join("register.sqlite3")).unwrap();
    let entries = reg.list(&nkact_dose::register::Filter::default()).unwrap();
    assert_eq!(entries.len(), 1);
    assert_eq!(entries[0].lang, Lang::Es);
    assert_eq!(reg.order(entries[0].id).unwrap().lang, Lang::Es);
}
