//! The order sheet read back as a pharmacist reads it: text extracted from the
//! PDF, never byte comparisons.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::float_cmp)] // tests may fail loudly

#[path = "common/eligible.rs"]
mod eligible;
#[path = "common/scratch.rs"]
mod scratch;

use std::path::PathBuf;

use chrono::NaiveDateTime;
use nkact_dose::input::RawInputs;
use nkact_dose::order::{Order, Patient, Verification};
use nkact_dose::settings::{Paper, Settings};
use nkact_dose::sheet::{SheetError, export_pdf, render};

fn at(s: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap()
}

fn patient() -> Patient {
    Patient {
        name: "María José Núñez-Ibáñez".into(),
        identifier: "HC-0012345".into(),
        date_of_birth: "1968-05-14".into(),
        allergies: "none known".into(),
    }
}

fn raw(weight: &str, height: &str) -> RawInputs {
    RawInputs {
        weight: weight.into(),
        height: height.into(),
        day1: "2026-03-02".into(),
        ..RawInputs::default()
    }
}

/// An order with every warning acknowledged by a named pharmacist.
fn order(inputs: RawInputs) -> Order {
    let now = at("2026-02-20 09:15");
    let mut o = Order::new(now, Settings::default());
    o.patient = patient();
    o.inputs = inputs;
    if !o.inputs.day1.is_empty() {
        o.clinical = eligible::clinical(&o.inputs.day1);
        o.created = o.created.max(eligible::known_at(&o.inputs.day1));
    }
    o.issued_by = "Dr. L. Martín".into();
    let report = o.report().unwrap();
    o.acknowledge_all(&report, "Farm. A. García", &[], now);
    o
}

fn text_of(pdf: &[u8]) -> String {
    let doc =
        printpdf::PdfDocument::parse(pdf, &printpdf::PdfParseOptions::default(), &mut Vec::new()).unwrap();
    // Lines are joined with spaces: a phrase that wraps in its box still reads as one.
    doc.extract_text().into_iter().flatten().collect::<Vec<_>>().join(" ")
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = scratch::root().join(format!("nkact-sheet-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// `qpdf --check` when qpdf is installed; CI (CI=true) installs it and requires it.
fn qpdf_check(path: &std::path::Path) {
    match std::process::Command::new("qpdf").arg("--check").arg(path).output() {
        Ok(o) => assert!(o.status.success(), "qpdf --check failed: {}", String::from_utf8_lossy(&o.stdout)),
        Err(_) if std::env::var("CI").is_err() => eprintln!("qpdf not installed: structure check skipped"),
        Err(e) => panic!("qpdf is required in CI: {e}"),
    }
}

#[test]
// Shows: REQ-WORK-001, REQ-SHEET-001
fn typical_sheet_carries_what_a_pharmacist_checks() {
    let mut inputs = raw("70", "170");
    inputs.nk_cells = "2e8".into();
    let pdf = render(&order(inputs), at("2026-02-20 09:30")).unwrap();
    let t = text_of(&pdf);
    let expect = [
        // Header, on every page.
        "Pharmacy order sheet",
        "NCT05385705",
        "VHIO20002",
        "Page 1 of 2",
        "Page 2 of 2",
        // Patient: accented Spanish names survive extraction.
        "María José Núñez-Ibáñez",
        "HC-0012345",
        "1968-05-14",
        "none known",
        // Doses (Protocol × Facts Mosteller 1.8181 → 1.82 m²), with units and routes.
        "1092 mg",
        "600 mg/m² × 1.82 m² = 1092 mg",
        "560 mg",
        "8 mg/kg × 70 kg = 560 mg",
        "840 mg",
        "910\u{2009}000 units",
        "5 × 10⁵ units/m²",
        "subcutaneous",
        "intravenous (IV)",
        // Dates next to day labels (Day 1 = 2026-03-02; Day -5 = 2026-02-25).
        "Day -5",
        "2026-02-25",
        "2026-03-02",
        "2026-03-07",
        // NK: powers of ten and words, and the range.
        "2 × 10⁸ cells (200 million)",
        "within 5 × 10⁷ – 5 × 10⁸",
        "WITHIN RANGE",
        // Products (label facts).
        "250 mL in sodium chloride 0.9 %",
        "over 90 min",
        "TOO SMALL TO MEASURE",
        // Criteria to treat (issue 13), the heart, how each product is given.
        "Criteria to treat (cycle 1)",
        "≥ 1.5 × 10⁹/L",
        "≤ 1.8 mg/dL (1.5 × ULN; ULN 1.2 mg/dL)",
        "Every criterion met.",
        "Heart (LVEF)",
        "166.7 mL/h (bag volume 250 mL over 90 min; the drug's volume not added)",
        "at least 6 h from the start of the first infusion",
        "30 to 60 min after each pertuzumab infusion ends, before starting trastuzumab",
        "in separate bags, one after the other in either order",
        "per site protocol",
        "NOT CHOSEN: pharmacist to write the date",
        "Identity check at the bedside",
        // Acknowledged warnings, and by whom.
        "acknowledged by Farm. A. García",
        // Signatures.
        "Prescriber",
        "Pharmacist validation",
        "Independent double-check",
    ];
    let missing: Vec<&str> = expect.iter().copied().filter(|e| !t.contains(e)).collect();
    assert!(missing.is_empty(), "missing {missing:?} in:\n{t}");
}

#[test]
// Shows: REQ-ISMP-001
fn sheet_never_writes_unsafe_abbreviations_or_trailing_zeros() {
    let mut inputs = raw("70,5", "170,5");
    inputs.nk_cells = "2,5e8".into();
    let t = text_of(&render(&order(inputs), at("2026-02-20 09:30")).unwrap());
    // The program's own version (semver) is not a dose.
    let t = t.replace(concat!("nkact-dose ", env!("CARGO_PKG_VERSION")), "nkact-dose");
    for bad in ["IU", "cc ", " cc", "µg", " SC", " SQ", "1,0", "1.092"] {
        assert!(!t.contains(bad), "{bad:?} in:\n{t}");
    }
    // A trailing ".0" is a digit, a point, a zero, then no further digit.
    let chars: Vec<char> = t.chars().collect();
    for w in chars.windows(4) {
        let trailing = w[0].is_ascii_digit() && w[1] == '.' && w[2] == '0' && !w[3].is_ascii_digit();
        assert!(!trailing, "trailing zero near {:?}", w.iter().collect::<String>());
    }
}

#[test]
fn reload_cycle_says_why_and_uses_the_loading_doses() {
    let mut inputs = raw("82", "171");
    inputs.cycle = "4".into();
    inputs.day1 = "2026-05-11".into();
    inputs.last_trastuzumab = "2026-04-06".into(); // 35 days: > 28 → re-load (Facts, EU SmPC)
    inputs.last_pertuzumab = "2026-03-30".into(); // 42 days: ≥ 42 → re-load (Facts)
    inputs.previous_weight = "70".into();
    let t = text_of(&render(&order(inputs), at("2026-05-08 12:00")).unwrap());
    for e in [
        "656 mg",
        "8 mg/kg × 82 kg = 656 mg",
        "35 days since the last dose",
        "re-load at ≥ 29 days",
        "42 days since",
        "re-load at ≥ 42 days",
        "840 mg",
        "Cycle",
        "17.14 %",
        "≥ 10 %",
    ] {
        assert!(t.contains(e), "missing {e:?} in:\n{t}");
    }
    assert!(!t.contains("Cyclophosphamide"), "cycle 4 has no cyclophosphamide");
}

#[test]
fn pending_nk_is_printed_as_pending_with_the_release_range() {
    let t = text_of(&render(&order(raw("64", "158")), at("2026-02-20 09:30")).unwrap());
    assert!(t.contains("PENDING"), "{t}");
    assert!(t.contains("pending: must be within 5 × 10⁷ – 5 × 10⁸ cells at product release"), "{t}");
}

#[test]
fn double_check_block_is_prefilled_when_verified() {
    let mut o = order(raw("70", "170"));
    o.verification = Some(Verification { verifier: "Enf. Carmen Ruiz".into(), at: at("2026-02-20 10:05") });
    let t = text_of(&render(&o, at("2026-02-20 10:10")).unwrap());
    assert!(t.contains("Verified by Enf. Carmen Ruiz at 2026-02-20 10:05"), "{t}");
}

#[test]
fn same_order_and_time_give_the_same_text() {
    let o = order(raw("70", "170"));
    let a = text_of(&render(&o, at("2026-02-20 09:30")).unwrap());
    let b = text_of(&render(&o, at("2026-02-20 09:30")).unwrap());
    assert_eq!(a, b);
    assert!(a.contains("generated 2026-02-20 09:30"));
    assert!(a.contains(&o.fingerprint()));
}

#[test]
fn invalid_input_out_of_range_nk_or_unacknowledged_warnings_write_no_file() {
    let dir = temp_dir("refuse");
    let now = at("2026-02-20 09:30");
    // Invalid weight.
    let mut bad = order(raw("70", "170"));
    bad.inputs.weight = "7O".into();
    let path = dir.join("invalid.pdf");
    assert!(matches!(export_pdf(&bad, now, &path, false), Err(SheetError::Invalid(_))));
    assert!(!path.exists());
    // Missing allergies (must be typed, never defaulted).
    let mut no_allergies = order(raw("70", "170"));
    no_allergies.patient.allergies = " ".into();
    assert!(matches!(export_pdf(&no_allergies, now, &path, false), Err(SheetError::Invalid(_))));
    assert!(!path.exists());
    // NK out of range, both sides.
    for count in ["4.99e7", "5.01e8"] {
        let mut inputs = raw("70", "170");
        inputs.nk_cells = count.into();
        let o = order(inputs);
        let path = dir.join(format!("nk-{count}.pdf"));
        assert!(matches!(export_pdf(&o, now, &path, false), Err(SheetError::NkOutOfRange)), "{count}");
        assert!(!path.exists());
    }
    // Warnings not acknowledged.
    let mut unack = order(raw("70", "170"));
    unack.acknowledged.clear();
    assert!(matches!(export_pdf(&unack, now, &path, false), Err(SheetError::Unacknowledged(_))));
    assert!(!path.exists());
    assert_eq!(std::fs::read_dir(&dir).unwrap().count(), 0, "no temporary files left behind");
}

#[test]
fn an_existing_file_is_replaced_only_when_asked() {
    let dir = temp_dir("replace");
    let path = dir.join("order.pdf");
    std::fs::write(&path, b"previous").unwrap();
    let o = order(raw("70", "170"));
    let now = at("2026-02-20 09:30");
    assert!(export_pdf(&o, now, &path, false).is_err());
    assert_eq!(std::fs::read(&path).unwrap(), b"previous");
    export_pdf(&o, now, &path, true).unwrap();
    assert!(std::fs::read(&path).unwrap().starts_with(b"%PDF"));
    qpdf_check(&path);
}

#[test]
fn sheets_pass_qpdf_and_stay_small() {
    let dir = temp_dir("qpdf");
    let now = at("2026-02-20 09:30");
    let mut long = order(raw("58,5", "163"));
    long.patient.name = "María de los Ángeles Fernández-Castañeda Ruiz de Alarcón y Peñalosa-Güell".into();
    long.settings.paper = Paper::Letter;
    let mut typical = raw("70", "170");
    typical.nk_cells = "2e8".into();
    let mut maintenance = raw("70", "170");
    maintenance.cycle = "2".into();
    maintenance.last_trastuzumab = "2026-02-09".into();
    maintenance.last_pertuzumab = "2026-02-09".into();
    // Cycle 1 carries the criteria table and the NK product: two pages; a maintenance cycle one.
    // A long name on shorter Letter paper, with the seal at every page's foot (issue 20), runs
    // to a third page for the signatures block, kept whole.
    for (name, o, pages) in
        [("typical", order(typical), 2), ("maintenance", order(maintenance), 1), ("long-letter", long, 3)]
    {
        let path = dir.join(format!("{name}.pdf"));
        export_pdf(&o, now, &path, false).unwrap();
        let size = std::fs::metadata(&path).unwrap().len();
        assert!(size < 60_000, "{name}: {size} bytes (target under 60 KB)");
        qpdf_check(&path);
        let t = text_of(&std::fs::read(&path).unwrap());
        // A long one on Letter runs on, numbered on every page.
        for page in 1..=pages {
            assert!(t.contains(&format!("Page {page} of {pages}")), "{name} page {page}:\n{t}");
        }
        assert!(!t.contains(&format!("Page 1 of {}", pages + 1)), "{name}: more pages than expected");
    }
}

// ---------------------------------------------------------------- findings (issue 9)

/// A word and its box: x0, y0, x1, y1 (points, from the top left), text.
type WordBox = (f64, f64, f64, f64, String);

/// Words with their boxes, per page, from `pdftotext -bbox` (poppler): (page width, words).
fn word_boxes(pdf: &std::path::Path) -> Option<Vec<(f64, Vec<WordBox>)>> {
    let out = match std::process::Command::new("pdftotext").arg("-bbox").arg(pdf).arg("-").output() {
        Ok(o) if o.status.success() => o,
        _ if std::env::var("CI").is_err() => {
            eprintln!("pdftotext not installed: layout check skipped");
            return None;
        }
        Err(e) => panic!("pdftotext is required in CI: {e}"),
        Ok(o) => panic!("pdftotext failed: {}", String::from_utf8_lossy(&o.stderr)),
    };
    let html = String::from_utf8_lossy(&out.stdout).into_owned();
    let attr = |tag: &str, name: &str| -> f64 {
        let k = format!("{name}=\"");
        let i = tag.find(&k).unwrap() + k.len();
        tag[i..].split('"').next().unwrap().parse().unwrap()
    };
    let mut pages = Vec::new();
    for page in html.split("<page ").skip(1) {
        let width = attr(page, "width");
        let mut words = Vec::new();
        for w in page.split("<word ").skip(1) {
            let (tag, rest) = w.split_once('>').unwrap();
            let text = rest.split("</word>").next().unwrap().replace("&amp;", "&");
            words.push((attr(tag, "xMin"), attr(tag, "yMin"), attr(tag, "xMax"), attr(tag, "yMax"), text));
        }
        pages.push((width, words));
    }
    Some(pages)
}

#[test]
// Shows: REQ-SHEET-001
fn long_identity_text_wraps_inside_the_page_and_every_page_names_the_patient() {
    // Regression: a long allergy list without spaces ran off the right edge; a long record
    // number printed over the date of birth; page 2 had no patient name or record number.
    let mut inputs = raw("160", "185");
    inputs.nk_cells = "2e8".into();
    inputs.previous_weight = "140".into();
    inputs.bsa_cap = "2".into();
    let mut o = order(inputs);
    o.patient.identifier = "HC-2026-000000000000123456789".into();
    o.patient.allergies = format!("{}-END", "penicilina/amoxicilina/cefalosporinas/".repeat(7));
    o.settings.paper = Paper::Letter;
    let report = o.report().unwrap();
    let reasons: Vec<(String, String)> = o
        .warnings(&report)
        .iter()
        .filter(|w| w.needs_reason)
        .map(|w| {
            (w.code.clone(), "confirmed on the ward scale and stadiometer today by two nurses".to_owned())
        })
        .collect();
    o.acknowledge_all(&report, "Farm. A. García", &reasons, at("2026-02-20 09:15"));
    let d = temp_dir("wrap");
    let path = d.join("long.pdf");
    export_pdf(&o, at("2026-02-20 09:30"), &path, false).unwrap();
    let Some(pages) = word_boxes(&path) else { return };
    assert!(pages.len() >= 2, "this order is meant to take two pages, took {}", pages.len());
    let margin = 13.0 * 72.0 / 25.4;
    for (n, (width, words)) in pages.iter().enumerate() {
        for (x0, _, x1, _, text) in words {
            assert!(
                *x0 >= margin - 1.0 && *x1 <= width - margin + 1.0,
                "page {}: {text:?} at {x0}..{x1}",
                n + 1
            );
        }
        let page_text: String = words.iter().map(|w| w.4.as_str()).collect::<Vec<_>>().join(" ");
        for needed in ["María", "Núñez-Ibáñez", "HC-2026-000000000000123456789", "1968-05-14"] {
            assert!(page_text.contains(needed), "page {} lacks {needed:?}", n + 1);
        }
        // No two words overprint.
        for (i, a) in words.iter().enumerate() {
            for b in &words[i + 1..] {
                let overlap_x = a.0.max(b.0) < a.2.min(b.2) - 0.5;
                let overlap_y = a.1.max(b.1) < a.3.min(b.3) - 0.5;
                assert!(!(overlap_x && overlap_y), "page {}: {:?} overprints {:?}", n + 1, a.4, b.4);
            }
        }
    }
    let all: String = pages.iter().flat_map(|p| p.1.iter().map(|w| w.4.clone())).collect();
    assert!(all.contains("-END"), "the end of the allergy list is printed");
    assert!(all.contains("confirmedonthewardscale"), "reasons are printed");
}

#[test]
fn the_nk_block_shows_the_count_in_large_type_with_the_state_beside_it() {
    let mut inputs = raw("70", "170");
    inputs.nk_cells = "2e8".into();
    let t = text_of(&render(&order(inputs), at("2026-02-20 09:30")).unwrap());
    assert!(t.contains("NK cells  [WITHIN RANGE] 2 × 10⁸ cells"), "{t}");
}

#[test]
fn a_reload_shows_a_badge_and_the_dates_behind_it() {
    let mut inputs = raw("82", "171");
    inputs.cycle = "4".into();
    inputs.day1 = "2026-05-11".into();
    inputs.last_trastuzumab = "2026-04-06".into();
    inputs.last_pertuzumab = "2026-04-20".into();
    let t = text_of(&render(&order(inputs), at("2026-05-08 12:00")).unwrap());
    assert!(t.contains("Trastuzumab  [RE-LOAD] 656 mg"), "{t}");
    assert!(
        t.contains("last dose 2026-04-06, Day 1 2026-05-11: 35 days since the last dose > 28 days"),
        "{t}"
    );
    assert!(t.contains("Last trastuzumab dose 2026-04-06"), "{t}");
    assert!(!t.contains("Pertuzumab  [RE-LOAD]"), "21 days: pertuzumab maintenance");
}

#[test]
fn in_every_language_no_word_overprints_another_or_leaves_the_page() {
    // Regression: Spanish and Catalan dates with the weekday written out ran into the
    // schedule's event column, and the Spanish title printed over the order ID.
    use nkact_dose::locale::Lang;
    let d = temp_dir("langs");
    for lang in Lang::ALL {
        // Revision 12 too: "Orden … rev. 12" is longer, and the Spanish title ran into it (issue 18).
        for (name, weight, paper, revision) in [
            ("typical", "70", Paper::A4, 1),
            ("heavy", "160", Paper::Letter, 1),
            ("revised", "70", Paper::A4, 12),
        ] {
            let mut inputs = raw(weight, "170");
            inputs.nk_cells = "2e8".into();
            inputs.day1 = "2026-11-25".into();
            let mut o = order(inputs);
            o.revision = revision;
            o.lang = lang;
            o.decimal_mark = lang.usual_decimal_mark();
            o.settings.paper = paper;
            let report = o.report().unwrap();
            let reasons: Vec<(String, String)> = o
                .warnings(&report)
                .iter()
                .filter(|w| w.needs_reason)
                .map(|w| (w.code.clone(), "confirmed on the ward scale today".to_owned()))
                .collect();
            o.acknowledge_all(&report, "Farm. A. García", &reasons, at("2026-02-20 09:15"));
            let path = d.join(format!("{}-{name}.pdf", lang.key()));
            export_pdf(&o, at("2026-02-20 09:30"), &path, false).unwrap();
            let Some(pages) = word_boxes(&path) else { return };
            let margin = 13.0 * 72.0 / 25.4;
            for (n, (width, words)) in pages.iter().enumerate() {
                for (x0, _, x1, _, text) in words {
                    assert!(
                        *x0 >= margin - 1.0 && *x1 <= width - margin + 1.0,
                        "{}: {text:?} off the page",
                        lang.key()
                    );
                }
                for (i, a) in words.iter().enumerate() {
                    for b in &words[i + 1..] {
                        let overlap_x = a.0.max(b.0) < a.2.min(b.2) - 0.5;
                        let overlap_y = a.1.max(b.1) < a.3.min(b.3) - 0.5;
                        assert!(
                            !(overlap_x && overlap_y),
                            "{} {name} page {}: {:?} overprints {:?}",
                            lang.key(),
                            n + 1,
                            a.4,
                            b.4
                        );
                    }
                }
            }
        }
    }
}
