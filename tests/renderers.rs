//! Renderer independence: the order sheet must look the same whichever
//! renderer puts it on paper. Page 1 of a sheet with both font weights,
//! accented names, superscripts, ×, ≥ and thin spaces is rendered at 300 dpi
//! through the chains a PDF meets on its way to a printer (poppler's two
//! renderers, Ghostscript direct, PDF → PostScript through Ghostscript's
//! ps2write with cups-filters' options, poppler's pdftops at levels 2 and 3 and
//! pdftocairo -ps, each PostScript rendered by Ghostscript, and MuPDF), and each
//! is compared with pdftocairo's rendering by the glyph-aware metric in
//! tests/common/ink.rs. `.ci/run` installs every tool; outside CI a missing
//! tool skips the test with a message.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::float_cmp)] // tests may fail loudly

#[path = "common/scratch.rs"]
mod scratch;
mod common {
    pub mod ink;
}

#[path = "common/eligible.rs"]
mod eligible;

use std::path::{Path, PathBuf};
use std::process::Command;

use chrono::NaiveDateTime;
use common::ink::{Page, compare};
use nkact_dose::input::RawInputs;
use nkact_dose::order::{Order, Patient};
use nkact_dose::settings::Settings;

const DPI: &str = "300";
const GS: &str = "gs -q -dSAFER -dBATCH -dNOPAUSE";

fn at(s: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap()
}

fn dir(name: &str) -> PathBuf {
    let d = scratch::root().join(format!("nkact-renderers-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

/// A cycle-1 sheet that uses everything the font must draw: both weights,
/// "María José Núñez-Ibáñez", 10⁸, ×, ≥ (the weight-change line), thin spaces.
fn order() -> Order {
    let now = at("2026-02-20 09:15");
    let mut o = Order::new(now, Settings::default());
    o.patient = Patient {
        name: "María José Núñez-Ibáñez".into(),
        identifier: "HC-0012345".into(),
        date_of_birth: "1968-05-14".into(),
        allergies: "penicilina (exantema)".into(),
    };
    o.inputs = RawInputs {
        weight: "70".into(),
        height: "170".into(),
        cycle: "1".into(),
        day1: "2026-03-02".into(),
        nk_cells: "2.5e8".into(),
        previous_weight: "78".into(),
        ..RawInputs::default()
    };
    o.clinical = eligible::clinical(&o.inputs.day1);
    o.issued_by = "Dr. L. Martín".into();
    let report = o.report().unwrap();
    o.acknowledge_all(&report, "Farm. A. García", &[], now);
    o
}

fn tools_ready() -> bool {
    let have = |tool: &str| {
        Command::new("sh")
            .arg("-c")
            .arg(format!("command -v {tool}"))
            .output()
            .is_ok_and(|o| o.status.success())
    };
    let missing: Vec<&str> =
        ["pdftocairo", "pdftoppm", "pdftops", "gs", "mutool"].into_iter().filter(|t| !have(t)).collect();
    if missing.is_empty() {
        return true;
    }
    if std::env::var("CI").is_ok() {
        panic!("renderers missing in CI: {missing:?} (.ci/run installs them)");
    }
    eprintln!("renderers missing here: {missing:?}; test skipped (see .ci/run)");
    false
}

/// Each chain: a name and the shell command that turns in.pdf into NAME.png (page 1).
fn chains() -> Vec<(&'static str, String)> {
    let png = format!("{GS} -sDEVICE=pnggray -r{DPI} -dTextAlphaBits=4 -dGraphicsAlphaBits=4");
    // cups-filters' pdftops filter, Ghostscript renderer, Level 2 PPD at 300 dpi.
    let cups_gs = format!(
        "{GS} -dNOMEDIAATTRS -sDEVICE=ps2write -dShowAcroForm -dLanguageLevel=2 -r300 -dCompressFonts=false -dNoT3CCITT -dNOINTERPOLATE"
    );
    vec![
        ("pdftoppm", format!("pdftoppm -png -gray -r {DPI} -f 1 -l 1 -singlefile in.pdf pdftoppm")),
        ("gs-direct", format!("{png} -dFirstPage=1 -dLastPage=1 -sOutputFile=gs-direct.png in.pdf")),
        (
            "gs-ps2write",
            format!(
                "{cups_gs} -dFirstPage=1 -dLastPage=1 -sOutputFile=c1.ps in.pdf && {png} -sOutputFile=gs-ps2write.png c1.ps"
            ),
        ),
        (
            "pdftops-level2",
            format!(
                "pdftops -level2 -origpagesizes -nocenter -r 300 -f 1 -l 1 in.pdf c2.ps && {png} -sOutputFile=pdftops-level2.png c2.ps"
            ),
        ),
        (
            "pdftops-level3",
            format!(
                "pdftops -level3 -origpagesizes -nocenter -r 300 -f 1 -l 1 in.pdf c3.ps && {png} -sOutputFile=pdftops-level3.png c3.ps"
            ),
        ),
        (
            "pdftocairo-ps",
            format!(
                "pdftocairo -ps -level2 -origpagesizes -nocenter -r 300 -f 1 -l 1 in.pdf c4.ps && {png} -sOutputFile=pdftocairo-ps.png c4.ps"
            ),
        ),
        ("mupdf", format!("mutool draw -q -r {DPI} -c gray -o mupdf.png in.pdf 1")),
    ]
}

fn sh(work: &Path, command: &str) {
    let out = Command::new("sh").arg("-c").arg(command).current_dir(work).output().unwrap();
    assert!(out.status.success(), "{command}: {}", String::from_utf8_lossy(&out.stderr));
}

/// pdftocairo's rendering of page 1 of `pdf`, the reference.
fn reference(work: &Path, pdf: &[u8], name: &str) -> Page {
    std::fs::write(work.join(format!("{name}.pdf")), pdf).unwrap();
    sh(work, &format!("pdftocairo -png -gray -r {DPI} -f 1 -l 1 -singlefile {name}.pdf {name}"));
    Page::load(&work.join(format!("{name}.png"))).unwrap()
}

#[test]
// Shows: REQ-SHEET-001
fn the_sheet_renders_the_same_through_every_print_chain() {
    if !tools_ready() {
        return;
    }
    let work = dir("chains");
    let pdf = nkact_dose::sheet::render(&order(), at("2026-02-20 09:30")).unwrap();
    let reference = reference(&work, &pdf, "in");
    assert!(reference.width >= 2400, "rendered at 300 dpi");
    let mut report = Vec::new();
    let mut failed = Vec::new();
    for (name, command) in chains() {
        sh(&work, &command);
        let page = Page::load(&work.join(format!("{name}.png"))).unwrap();
        let v = compare(&reference, &page);
        report.push(format!(
            "{name:16} {} share {:.3} % of {} ink px, worst cell {} px at {:?}",
            if v.agrees() { "OK  " } else { "DIFF" },
            v.share,
            v.ink,
            v.worst_cell,
            v.worst_at
        ));
        if !v.agrees() {
            failed.push(name);
        }
    }
    eprintln!("{}", report.join("\n"));
    assert!(failed.is_empty(), "chains that print the sheet differently: {failed:?}\n{}", report.join("\n"));
}

#[test]
fn the_metric_catches_one_wrong_digit() {
    // The same order dated a week later differs in one digit of the 8.5-pt
    // order date ("2026-02-20 (Fri)" → "2026-02-27 (Fri)"): the metric must see
    // it, or it could not see a wrong glyph either. The identical sheet must
    // agree with itself.
    if !tools_ready() {
        return;
    }
    let work = dir("planted");
    let o = order();
    let mut later = o.clone();
    later.created = at("2026-02-27 09:15");
    let when = at("2026-02-27 09:30");
    let a = reference(&work, &nkact_dose::sheet::render(&o, when).unwrap(), "a");
    let same = reference(&work, &nkact_dose::sheet::render(&o, when).unwrap(), "same");
    let b = reference(&work, &nkact_dose::sheet::render(&later, when).unwrap(), "b");
    let v = compare(&a, &same);
    assert!(v.agrees() && v.worst_cell == 0, "identical renderings: {v:?}");
    let v = compare(&a, &b);
    eprintln!("one wrong digit: {v:?}");
    assert!(!v.agrees(), "one wrong digit went unseen: {v:?}");
}
