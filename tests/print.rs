//! Printing against a real CUPS server with a virtual PDF printer
//! (`.ci/run` installs and starts it: Debian's cups and printer-driver-cups-pdf,
//! queue NKACT_PDF). CUPS converts the PDF to PostScript and back; this test
//! compares the printed page with the exported one at printer resolution with
//! the glyph-aware metric of tests/common/ink.rs, and the text on the exported
//! sheet. (An earlier version compared at 30 dpi, where poppler draws 300-dpi
//! bitmap glyphs so coarsely that correct text looked wrong.)

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::float_cmp)] // tests may fail loudly

#[path = "common/eligible.rs"]
mod eligible;
#[path = "common/scratch.rs"]
mod scratch;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

mod common {
    pub mod ink;
}

use common::ink::{Page, compare};
use nkact_dose::print::{PrintJob, wait_for_job};
use nkact_dose::register::{Filter, Register, RegisterAction};

const BIN: &str = env!("CARGO_BIN_EXE_nkact-dose");
const QUEUE: &str = "NKACT_PDF";

fn dir(name: &str) -> PathBuf {
    let d = scratch::root().join(format!("nkact-print-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

/// True when the CUPS PDF queue is there; in CI (CI=true) it must be.
fn cups_ready() -> bool {
    let ready = Command::new("lpstat")
        .arg("-e")
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).lines().any(|l| l.trim() == QUEUE))
        .unwrap_or(false);
    if !ready && std::env::var("CI").is_ok() {
        panic!("CUPS queue {QUEUE} missing: .ci/run sets it up");
    }
    if !ready {
        eprintln!("CUPS queue {QUEUE} not set up here (see README, Printing): test skipped");
    }
    ready
}

fn order_args(out: &Path, register: &Path) -> Vec<String> {
    [
        "order",
        "--weight",
        "70",
        "--height",
        "170",
        "--cycle",
        "1",
        "--day1",
        "2026-03-02",
        "--nk-cells",
        "2e8",
        "--name",
        "María José Núñez",
        "--patient-id",
        "HC-0012345",
        "--dob",
        "1968-05-14",
        "--allergies",
        "none known",
        "--acknowledged-by",
        "Farm. A. García",
        "--print",
        "--printer",
        QUEUE,
    ]
    .into_iter()
    .map(String::from)
    .chain(eligible::args("2026-03-02"))
    .chain([
        "--out".to_owned(),
        out.to_string_lossy().into_owned(),
        "--register".into(),
        register.to_string_lossy().into_owned(),
    ])
    .collect()
}

/// Page count from pdfinfo.
fn pages(pdf: &Path) -> usize {
    let out = Command::new("pdfinfo").arg(pdf).output().expect("pdfinfo (poppler-utils) installed");
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .find_map(|l| l.strip_prefix("Pages:").map(|n| n.trim().parse().unwrap()))
        .unwrap()
}

/// Page 1 rendered grey at printer resolution (300 dpi), binarised.
fn render(pdf: &Path, dir: &Path, name: &str) -> Page {
    let prefix = dir.join(name);
    let status = Command::new("pdftocairo")
        .args(["-png", "-gray", "-r", "300", "-f", "1", "-l", "1", "-singlefile"])
        .arg(pdf)
        .arg(&prefix)
        .status()
        .unwrap();
    assert!(status.success());
    Page::load(&prefix.with_extension("png")).unwrap()
}

#[test]
// Shows: REQ-PRINT-001
fn a_print_reaches_the_cups_pdf_printer_and_matches_the_order() {
    if !cups_ready() {
        return;
    }
    let d = dir("cups");
    // cups-pdf writes to the job owner's home (from the password database, not $HOME),
    // or to its anonymous folder.
    let mut spools: Vec<PathBuf> =
        vec![PathBuf::from("/root/PDF"), PathBuf::from("/var/spool/cups-pdf/ANONYMOUS")];
    if let Some(home) = std::env::var_os("HOME") {
        spools.push(PathBuf::from(home).join("PDF"));
    }
    let pdfs = || -> Vec<PathBuf> {
        spools
            .iter()
            .filter_map(|d| std::fs::read_dir(d).ok())
            .flat_map(|r| r.filter_map(|e| e.ok()).map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|e| e == "pdf"))
            .collect()
    };
    let before = pdfs();
    let ours = d.join("ours.pdf");
    let register = d.join("register.sqlite3");
    let out = Command::new(BIN).env("LC_ALL", "C.UTF-8").args(order_args(&ours, &register)).output().unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{stdout}\n{}", String::from_utf8_lossy(&out.stderr));
    // "Sent to printer NKACT_PDF as job NKACT_PDF-12"
    let id = stdout
        .split_whitespace()
        .find(|w| w.starts_with(&format!("{QUEUE}-")))
        .expect("job id printed")
        .to_owned();
    wait_for_job(&PrintJob { id: id.clone() }, Duration::from_secs(90)).unwrap();
    // cups-pdf writes its output when the job completes.
    // Our job's output is named after its title, which holds the order ID: another
    // job printed meanwhile (another test, another user) is not mistaken for ours.
    let order_id = Register::open(&register).unwrap().list(&Filter::default()).unwrap()[0].order_id.clone();
    let start = Instant::now();
    let printed = loop {
        let ours_printed = |p: &PathBuf| {
            !before.contains(p) && p.file_name().is_some_and(|n| n.to_string_lossy().contains(&order_id))
        };
        if let Some(p) = pdfs().into_iter().find(ours_printed) {
            break p;
        }
        assert!(start.elapsed() < Duration::from_secs(30), "no output from cups-pdf in {spools:?}");
        std::thread::sleep(Duration::from_millis(200));
    };
    std::thread::sleep(Duration::from_millis(500));
    // Same number of pages; the same page glyph for glyph, compared at printer
    // resolution (a coarse rendering of bitmap glyphs would misread correct text).
    assert_eq!(pages(&printed), pages(&ours), "page count");
    let a = render(&ours, &d, "ours");
    let b = render(&printed, &d, "printed");
    assert!(a.width.abs_diff(b.width) <= 4 && a.height.abs_diff(b.height) <= 4, "page size");
    let v = compare(&a, &b);
    eprintln!("printed vs ordered page: {v:?}");
    assert!(v.ink > 10_000, "the order page has ink");
    assert!(v.agrees(), "the printed page differs from the order: {v:?}");
    // Text is checked on the exported sheet, which always keeps its text layer
    // (a print-to-PDF queue may turn text into bitmaps).
    let t = Command::new("pdftotext").arg(&ours).arg("-").output().unwrap();
    let t = String::from_utf8_lossy(&t.stdout);
    for expected in ["1092 mg", "560 mg", "840 mg", "WITHIN RANGE", "NCT05385705", "HC-0012345"] {
        assert!(t.contains(expected), "sheet text lacks {expected:?}:\n{t}");
    }
    // Recorded as exported and printed.
    let actions: Vec<RegisterAction> = Register::open(&register)
        .unwrap()
        .list(&Filter::default())
        .unwrap()
        .iter()
        .map(|e| e.action)
        .collect();
    assert!(
        actions.contains(&RegisterAction::Printed) && actions.contains(&RegisterAction::Exported),
        "{actions:?}"
    );
}

#[test]
// Shows: REQ-PRINT-001
fn printing_with_cups_down_fails_clearly_and_records_nothing() {
    let d = dir("down");
    let register = d.join("register.sqlite3");
    let mut args = order_args(&d.join("ours.pdf"), &register);
    // Print only: no --out, so nothing but the print could be recorded.
    let pos = args.iter().position(|a| a == "--out").unwrap();
    args.drain(pos..pos + 2);
    // The CUPS client finds no scheduler at this socket, exactly as when CUPS is stopped.
    let out = Command::new(BIN)
        .env("LC_ALL", "C.UTF-8")
        .env("CUPS_SERVER", d.join("no-cups.sock"))
        .args(&args)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(3), "{stderr}");
    assert!(stderr.contains("print service") && stderr.contains("not printed"), "{stderr}");
    assert!(out.stdout.is_empty() || !String::from_utf8_lossy(&out.stdout).contains("Recorded"));
    let recorded =
        Register::open(&register).map(|mut r| r.list(&Filter::default()).unwrap().len()).unwrap_or(0);
    assert_eq!(recorded, 0, "a failed print is not recorded");
}

#[test]
fn printing_leaves_no_temporary_file_behind() {
    // Regression: the sheet went through a predictable file in the temporary
    // folder, which a planted symlink could redirect and a killed run left
    // behind. It now goes to lp on its standard input.
    if !cups_ready() {
        return;
    }
    let d = dir("notemp");
    let tmp = d.join("tmp");
    std::fs::create_dir_all(&tmp).unwrap();
    let register = d.join("register.sqlite3");
    let mut args = order_args(&d.join("ours.pdf"), &register);
    let pos = args.iter().position(|a| a == "--out").unwrap();
    args.drain(pos..pos + 2);
    let out = Command::new(BIN).env("LC_ALL", "C.UTF-8").env("TMPDIR", &tmp).args(&args).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(std::fs::read_dir(&tmp).unwrap().count(), 0, "nothing left in the temporary folder");
}

#[test]
fn a_print_under_a_spanish_locale_is_reported_and_recorded() {
    // Issue 18 (data loss): lp answers "la id solicitada es NKACT_PDF-1" under a
    // Spanish locale, and the English "is" the job ID was read after was not
    // there: every print was reported refused and left out of the register.
    if !cups_ready() {
        return;
    }
    let d = dir("es");
    let register = d.join("register.sqlite3");
    let mut args = order_args(&d.join("ours.pdf"), &register);
    let pos = args.iter().position(|a| a == "--out").unwrap();
    args.drain(pos..pos + 2);
    let out = Command::new(BIN)
        .env("LANG", "es_ES.UTF-8")
        .env("LC_ALL", "es_ES.UTF-8")
        .env("LANGUAGE", "es")
        .args(&args)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{stdout}\n{}", String::from_utf8_lossy(&out.stderr));
    assert!(stdout.contains(&format!("{QUEUE}-")), "no job ID in: {stdout}");
    let actions: Vec<RegisterAction> = Register::open(&register)
        .unwrap()
        .list(&Filter::default())
        .unwrap()
        .iter()
        .map(|e| e.action)
        .collect();
    assert_eq!(actions, [RegisterAction::Printed], "the print is recorded");
}

#[cfg(unix)]
#[test]
fn the_print_command_gets_neither_the_secret_nor_the_register_address() {
    // Issue 20: a stand-in lp recorded NKACT_DOSE_SECRET and the register URL
    // with its password. The stand-in lpstat and lp below record what they got.
    use std::os::unix::fs::PermissionsExt;
    let d = dir("clean-env");
    let bin = d.join("bin");
    std::fs::create_dir_all(&bin).unwrap();
    let seen = d.join("seen-env");
    let script = |name: &str, body: String| {
        let p = bin.join(name);
        std::fs::write(&p, format!("#!/bin/sh\n{body}\n")).unwrap();
        std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o755)).unwrap();
    };
    script("lpstat", "echo 'scheduler is running'".to_owned());
    script(
        "lp",
        format!("env >> '{}'; cat > /dev/null; echo 'request id is FAKE-7 (1 file(s))'", seen.display()),
    );
    let register = d.join("register.sqlite3");
    let mut args = order_args(&d.join("ours.pdf"), &register);
    let pos = args.iter().position(|a| a == "--out").unwrap();
    args.drain(pos..pos + 2);
    let path = format!("{}:{}", bin.display(), std::env::var("PATH").unwrap_or_default());
    let out = Command::new(BIN)
        .env("PATH", path)
        .env("LC_ALL", "C.UTF-8")
        .env("NKACT_DOSE_SECRET", "very-secret-pin-77")
        .env("NKACT_DOSE_SOMETHING_ELSE", "postgres://user:pw-in-url@db.example/reg")
        .args(&args)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let env = std::fs::read_to_string(&seen).unwrap();
    assert!(!env.contains("very-secret-pin-77") && !env.contains("pw-in-url"), "{env}");
    assert!(env.lines().any(|l| l == "LC_ALL=C"), "lp runs under the C locale: {env}");
}
