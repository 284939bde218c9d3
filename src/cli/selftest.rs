//! `nkact-dose selftest`: the operational qualification a pharmacy runs on every workstation
//! after installing or updating (issue 22). It needs no other tool: the reference cases the
//! binary carries ([`crate::domain::qualification`]), a sheet rendered in each language and
//! its seal read back from the PDF, the fonts, and the register — reachable and intact — when
//! one is configured. It says pass or fail per case with the version, the binary's SHA-256,
//! the date and the workstation, and exits 1 on any failure. `--out` writes the report as a
//! PDF; `--as` signs its results in the register (a `qualified` step).

use std::ffi::OsString;
use std::io::Write;

use chrono::NaiveDateTime;
use serde::Serialize;
use sha2::{Digest, Sha256};

use super::{Outcome, Usage, error_line};
use crate::domain::qualification::{self, CaseResult};
use crate::msg;
use crate::present::Words;
use crate::present::words::{PROGRAM, quoted_inner};

#[derive(Debug, clap::Args)]
pub(super) struct SelftestCli {
    /// The report as JSON on stdout
    #[arg(long)]
    json: bool,
    /// Also write the report as a PDF
    #[arg(long, value_name = "FILE.pdf")]
    out: Option<OsString>,
    /// Run this case set (the embedded set's shape) instead of the embedded one: for validation
    #[arg(long, value_name = "FILE.json")]
    cases: Option<OsString>,
    /// The order register to check (default: $NKACT_DOSE_REGISTER when set; none: not checked)
    #[arg(long, value_name = "URL|PATH")]
    register: Option<OsString>,
    /// The pharmacist who ran it: the results are signed in the register
    #[arg(long = "as", value_name = "NAME", requires = "register")]
    person: Option<OsString>,
    #[arg(long, value_name = "FILE")]
    secret_file: Option<OsString>,
    /// Language of the report: en, es or ca
    #[arg(long, value_name = "LANG")]
    lang: Option<OsString>,
}

#[derive(Debug)]
pub struct SelftestArgs {
    cli: SelftestCli,
    pub words: Words,
}

pub(super) fn args(cli: SelftestCli) -> Result<SelftestArgs, Usage> {
    let words = super::register::words_for_lang(cli.lang.as_ref())?;
    Ok(SelftestArgs { cli, words })
}

/// The whole report.
#[derive(Debug, Serialize)]
struct Report {
    program: &'static str,
    version: &'static str,
    binary_sha256: String,
    date: String,
    workstation: String,
    passed: bool,
    cases: Vec<CaseResult>,
}

fn binary_sha256() -> String {
    match std::env::current_exe().and_then(std::fs::read) {
        Ok(bytes) => Sha256::digest(&bytes).iter().map(|b| format!("{b:02x}")).collect(),
        Err(e) => format!("unreadable: {e}"),
    }
}

fn workstation() -> String {
    ["/proc/sys/kernel/hostname", "/etc/hostname"]
        .iter()
        .find_map(|p| std::fs::read_to_string(p).ok())
        .or_else(|| std::env::var("COMPUTERNAME").ok())
        .map(|h| h.trim().chars().filter(|c| !c.is_control()).take(64).collect())
        .unwrap_or_else(|| "unknown".to_owned())
}

fn result(id: &str, source: &str, passed: bool, expected: &str, got: String) -> CaseResult {
    CaseResult { id: id.to_owned(), source: source.to_owned(), passed, expected: expected.to_owned(), got }
}

/// A sheet of a reference order in each language, its seal read back from the PDF.
fn sheets(now: NaiveDateTime) -> Vec<CaseResult> {
    let mut out = Vec::new();
    for lang in crate::locale::Lang::ALL {
        let mut order = crate::order::Order::new(now, crate::settings::Settings::default());
        order.lang = lang;
        order.patient = crate::order::Patient {
            name: "María José Núñez-Ibáñez".into(),
            identifier: "QUALIFICATION-1".into(),
            date_of_birth: "1968-05-14".into(),
            allergies: "none known".into(),
        };
        order.issued_by = "Farm. Qualification".into();
        order.inputs.weight = "70".into();
        order.inputs.height = "170".into();
        order.inputs.cycle = "2".into();
        order.clinical.lvef = "62".into();
        order.clinical.lvef_date = (now.date() - chrono::TimeDelta::days(7)).format("%Y-%m-%d").to_string();
        order.clinical.lvef_baseline = "62".into();
        let id = format!("sheet-{}", lang.key());
        let outcome = order.report().map_err(|e| format!("{} input error(s)", e.len())).and_then(|report| {
            for w in order.unacknowledged(&report) {
                order.acknowledged.push(crate::order::Acknowledgement {
                    code: w.code.clone(),
                    detail: w.detail.clone(),
                    by: order.issued_by.clone(),
                    at: now,
                    reason: Some("qualification".into()),
                });
            }
            let bytes = crate::sheet::render(&order, now).map_err(|e| format!("{e:?}"))?;
            let seal = crate::output::scan::seal_of(&bytes).map_err(|e| format!("{e:?}"))?;
            let want = crate::order::seal::Seal::of(&order);
            if seal.text() == want.text() {
                Ok(format!("{} bytes, seal {}", bytes.len(), seal.fingerprint))
            } else {
                Err(format!("seal read back {} ≠ {}", seal.text(), want.text()))
            }
        });
        out.push(match outcome {
            Ok(got) => {
                result(&id, "a reference order's sheet, rendered and read back", true, "its own seal", got)
            }
            Err(why) => {
                result(&id, "a reference order's sheet, rendered and read back", false, "its own seal", why)
            }
        });
    }
    out
}

/// The embedded fonts draw what the sheets print.
fn fonts() -> CaseResult {
    let sample = "²³⁸×≥≤µ·–—ñÑçÇàèéíïòóúüÁÉÍÓÚ€";
    let missing = crate::sheet::unprintable(sample);
    result(
        "fonts",
        "DejaVu Sans and Sans Bold embedded in the binary",
        missing.is_empty(),
        "every character drawn",
        if missing.is_empty() { "every character drawn".into() } else { format!("missing {missing:?}") },
    )
}

/// The register reachable and intact, when one is configured.
fn register(loc: &str) -> (CaseResult, Option<crate::register::Register>) {
    let shown = crate::register::redact(loc);
    match crate::register::Register::connect(loc) {
        Ok(mut reg) => match reg.verify() {
            Ok(r) if r.bad.is_empty() => (
                result(
                    "register",
                    "the configured order register: reachable, chain and signatures intact",
                    true,
                    "intact",
                    format!("{shown}: {} links intact", r.checked),
                ),
                Some(reg),
            ),
            Ok(r) => (
                result(
                    "register",
                    "the configured order register: reachable, chain and signatures intact",
                    false,
                    "intact",
                    format!("{shown}: {} records do not match", r.bad.len()),
                ),
                Some(reg),
            ),
            Err(e) => (
                result(
                    "register",
                    "the configured order register",
                    false,
                    "intact",
                    format!("{shown}: {e:?}"),
                ),
                None,
            ),
        },
        Err(e) => (
            result(
                "register",
                "the configured order register",
                false,
                "reachable",
                format!("{shown}: {e:?}"),
            ),
            None,
        ),
    }
}

/// Runs the qualification.
pub fn run(a: &SelftestArgs, now: NaiveDateTime, out: &mut dyn Write, err: &mut dyn Write) -> Outcome {
    let w = &a.words;
    let set = match &a.cli.cases {
        Some(f) => {
            match std::fs::read_to_string(f).map_err(|e| e.to_string()).and_then(|t| qualification::load(&t))
            {
                Ok(s) => s,
                Err(e) => {
                    let _ = writeln!(err, "{}", error_line(w, &w.msg(msg!("st-bad-cases", "file" => quoted_inner(&f.to_string_lossy(), 80), "why" => e))));
                    return Outcome::Invalid;
                }
            }
        }
        None => qualification::embedded(),
    };
    let mut cases = qualification::run(&set);
    cases.extend(sheets(now));
    cases.push(fonts());
    let loc = a
        .cli
        .register
        .as_ref()
        .map(|r| r.to_string_lossy().into_owned())
        .or_else(|| std::env::var("NKACT_DOSE_REGISTER").ok().filter(|v| !v.trim().is_empty()));
    let mut reg = None;
    if let Some(loc) = &loc {
        let (r, opened) = register(loc);
        cases.push(r);
        reg = opened;
    }
    let report = Report {
        program: PROGRAM,
        version: env!("CARGO_PKG_VERSION"),
        binary_sha256: binary_sha256(),
        date: now.format("%Y-%m-%d %H:%M").to_string(),
        workstation: workstation(),
        passed: cases.iter().all(|c| c.passed),
        cases,
    };
    // Signed by the pharmacist who ran it: the results' SHA-256 in a `qualified` step.
    let mut signed = None;
    if let (Some(name), Some(reg)) = (&a.cli.person, reg.as_mut()) {
        let name = name.to_string_lossy().trim().to_owned();
        let who = match super::register::authenticate(w, reg, &name, a.cli.secret_file.as_ref(), now) {
            Ok(p) => p,
            Err(m) => {
                let _ = writeln!(err, "{}", error_line(w, &m));
                return Outcome::Invalid;
            }
        };
        let results = serde_json::to_string(&report).unwrap_or_default();
        let digest: String = Sha256::digest(results.as_bytes()).iter().map(|b| format!("{b:02x}")).collect();
        let detail = serde_json::json!({
            "results_sha256": digest, "version": report.version, "binary_sha256": report.binary_sha256,
            "workstation": report.workstation, "passed": report.passed,
        })
        .to_string();
        let order_id = format!("QUALIFICATION-{}", report.workstation);
        match reg.sign_product_step(&order_id, 0, crate::register::Step::Qualified, &who, &detail, now) {
            Ok(Ok(id)) => signed = Some((who.name.clone(), id, digest)),
            Ok(Err(p)) => {
                let _ = writeln!(err, "{}", error_line(w, &w.person_problem(&p, &who.name)));
                return Outcome::Invalid;
            }
            Err(e) => {
                let _ = writeln!(err, "{}", error_line(w, &w.register_error(&e)));
                return Outcome::Failed;
            }
        }
    }
    let lines = text_lines(w, &report, signed.as_ref(), loc.is_none());
    if a.cli.json {
        let _ = writeln!(out, "{}", serde_json::to_string_pretty(&report).unwrap_or_default());
    } else {
        for l in &lines {
            let _ = writeln!(out, "{l}");
        }
    }
    if let Some(f) = &a.cli.out {
        match crate::output::product::report_pdf(w, &w.msg(msg!("st-title")), &lines, now) {
            Ok(bytes) => {
                if let Err(e) = crate::order::write_atomic(std::path::Path::new(f), &bytes, false) {
                    let _ = writeln!(err, "{}", error_line(w, &w.file_error(&e)));
                    return Outcome::Failed;
                }
            }
            Err(e) => {
                let _ = writeln!(err, "{}", error_line(w, &w.sheet_error(&e)));
                return Outcome::Failed;
            }
        }
    }
    if report.passed { Outcome::Ok } else { Outcome::ProtocolCheckFailed }
}

/// The report as lines: the header, each case, the verdict and the signature.
fn text_lines(
    w: &Words,
    r: &Report,
    signed: Option<&(String, i64, String)>,
    no_register: bool,
) -> Vec<String> {
    let mut lines = vec![
        w.msg(msg!("st-title")),
        w.msg(msg!("st-header", "program" => r.program, "version" => r.version, "date" => r.date.clone(), "workstation" => r.workstation.clone())),
        w.msg(msg!("st-binary", "sha" => r.binary_sha256.clone())),
    ];
    for c in &r.cases {
        let line = if c.passed {
            w.msg(msg!("st-pass", "id" => c.id.clone(), "got" => c.got.clone(), "source" => c.source.clone()))
        } else {
            w.msg(msg!("st-fail", "id" => c.id.clone(), "expected" => c.expected.clone(), "got" => c.got.clone(), "source" => c.source.clone()))
        };
        lines.push(line);
    }
    if no_register {
        lines.push(w.msg(msg!("st-no-register")));
    }
    let failed = r.cases.iter().filter(|c| !c.passed).count();
    lines.push(if failed == 0 {
        w.msg(msg!("st-all-passed", "count" => r.cases.len()))
    } else {
        w.msg(msg!("st-failed", "failed" => failed, "count" => r.cases.len()))
    });
    if let Some((name, id, digest)) = signed {
        lines
            .push(w.msg(msg!("st-signed", "name" => name.clone(), "record" => *id, "sha" => digest.clone())));
    }
    lines
}
