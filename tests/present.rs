//! One presentation, three faces: the lines the presentation model makes of a
//! report appear, word for word, on the terminal (`calc`, the real binary) and
//! on the sheet (the PDF read back), in English and in Spanish. The window's
//! half of this is in `tests/gui.rs`.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // tests may fail loudly

#[path = "common/eligible.rs"]
mod eligible;

use std::process::Command;

use chrono::NaiveDateTime;
use nkact_dose::input::RawInputs;
use nkact_dose::locale::Lang;
use nkact_dose::order::{Order, Patient};
use nkact_dose::present::Words;
use nkact_dose::present::model::Presentation;
use nkact_dose::settings::Settings;

const BIN: &str = env!("CARGO_BIN_EXE_nkact-dose");

fn at(s: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap()
}

/// The typical cycle 1 (NK count known) and a cycle-4 re-load.
fn cases() -> Vec<(&'static str, RawInputs, Vec<&'static str>)> {
    let typical = RawInputs {
        weight: "70".into(),
        height: "170".into(),
        cycle: "1".into(),
        day1: "2026-12-01".into(),
        nk_cells: "2e8".into(),
        ..RawInputs::default()
    };
    let reload = RawInputs {
        weight: "82".into(),
        height: "171".into(),
        cycle: "4".into(),
        day1: "2026-12-14".into(),
        last_trastuzumab: "2026-11-09".into(),
        last_pertuzumab: "2026-11-23".into(),
        ..RawInputs::default()
    };
    vec![
        (
            "typical",
            typical,
            vec![
                "--weight",
                "70",
                "--height",
                "170",
                "--cycle",
                "1",
                "--day1",
                "2026-12-01",
                "--nk-cells",
                "2e8",
            ],
        ),
        (
            "reload",
            reload,
            vec![
                "--weight",
                "82",
                "--height",
                "171",
                "--cycle",
                "4",
                "--day1",
                "2026-12-14",
                "--last-trastuzumab",
                "2026-11-09",
                "--last-pertuzumab",
                "2026-11-23",
            ],
        ),
    ]
}

fn order(inputs: RawInputs, lang: Lang) -> Order {
    let now = at("2026-11-28 10:00");
    let mut o = Order::new(now, Settings::default());
    o.lang = lang;
    o.decimal_mark = lang.usual_decimal_mark();
    o.patient = Patient {
        name: "Lucía Gómez Ruiz".into(),
        identifier: "HC-0012345".into(),
        date_of_birth: "1968-05-14".into(),
        allergies: "ninguna conocida".into(),
    };
    o.inputs = inputs;
    if !o.inputs.day1.is_empty() {
        o.clinical = eligible::clinical(&o.inputs.day1);
        o.created = o.created.max(eligible::known_at(&o.inputs.day1));
    }
    o.issued_by = "Dra. L. Martín".into();
    let report = o.report().unwrap();
    o.acknowledge_all(&report, "Farm. A. García", &[], now);
    o
}

/// The lines every face must show: each dose's name, large dose, badges and
/// rows; the BSA and its working; every schedule cell.
fn must_show(v: &Presentation) -> Vec<String> {
    let mut out = vec![v.bsa.value.clone(), v.bsa_working.clone()];
    for item in &v.items {
        out.extend([item.title.clone(), item.large.clone()]);
        out.extend(item.badges.iter().map(|b| b.text.clone()));
        out.extend(item.rows.iter().map(|r| r.value.clone()));
    }
    for d in &v.schedule {
        out.extend([d.day.clone(), d.date.clone(), d.events.clone()]);
    }
    out.retain(|s| !s.is_empty());
    out
}

fn squeeze(s: &str) -> String {
    s.split([' ', '\n', '\t', '\r']).filter(|w| !w.is_empty()).collect::<Vec<_>>().join(" ")
}

fn pdf_text(pdf: &[u8]) -> String {
    let doc =
        printpdf::PdfDocument::parse(pdf, &printpdf::PdfParseOptions::default(), &mut Vec::new()).unwrap();
    doc.extract_text().into_iter().flatten().collect::<Vec<_>>().join(" ")
}

#[test]
fn terminal_and_sheet_show_the_same_lines_in_each_language() {
    for lang in [Lang::En, Lang::Es] {
        let w = Words::new(lang, None);
        for (name, inputs, args) in cases() {
            let o = order(inputs, lang);
            let report = o.report().unwrap();

            // The terminal: `calc` draws the report's own warnings.
            let view = Presentation::of(&report, &report.warnings, &w);
            let mut cmd = Command::new(BIN);
            cmd.env("LC_ALL", "C.UTF-8").arg("calc").args(&args).args(["--lang", lang.key()]);
            let out = cmd.output().unwrap();
            let stdout = squeeze(&String::from_utf8_lossy(&out.stdout));
            for line in must_show(&view) {
                assert!(
                    stdout.contains(&squeeze(&line)),
                    "{name} {}: terminal lacks {line:?}\n{stdout}",
                    lang.key()
                );
            }

            // The sheet.
            let view = Presentation::of(&report, &o.warnings(&report), &w);
            let pdf = nkact_dose::sheet::render(&o, at("2026-11-28 10:05")).unwrap();
            let text = squeeze(&pdf_text(&pdf));
            for line in must_show(&view) {
                assert!(
                    text.contains(&squeeze(&line)),
                    "{name} {}: sheet lacks {line:?}\n{text}",
                    lang.key()
                );
            }
            for x in &view.warnings {
                assert!(text.contains(&squeeze(&x.text)), "{name}: sheet lacks warning {:?}", x.text);
            }
        }
    }
}
