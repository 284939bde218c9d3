//! The command line: arguments in, text or JSON out, and the exit code decided
//! in one place ([`Outcome`]). The engine does the work; this module parses
//! options and draws the report.

use std::ffi::OsString;
use std::io::Write;

use serde::Serialize;

use crate::clinical::{RawClinical, validate_clinical};
use crate::engine::{NkState, Report, calculate_with};
use crate::error::Field;
use crate::input::{RawInputs, validate};
use crate::locale::{DecimalMark, Lang};
use crate::present::Words;
use crate::present::model::Presentation;
use crate::present::words::{PROGRAM, quoted_inner};
use crate::regimen::DoseUnit;

pub mod order;
pub mod register;
pub mod selftest;
use crate::settings::Settings;
use crate::{id, msg};
pub use order::run_order;

mod json;
pub use json::*;

mod text;
pub use text::render_text;

mod args;
#[allow(unused_imports)]
use args::*;
pub use args::{field_option, parse_args};

/// How a run ended; the only place exit codes are chosen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Computed, and every protocol check passed.
    Ok,
    /// Computed, but a protocol check failed.
    ProtocolCheckFailed,
    /// Invalid input or usage; nothing was printed on stdout.
    Invalid,
    /// The window could not open, a file could not be written, or the print service failed.
    Failed,
    /// The sheet left the program (written or printed) but was NOT recorded in the register.
    NotRecorded,
}

impl Outcome {
    pub fn code(self) -> u8 {
        match self {
            Outcome::Ok => 0,
            Outcome::ProtocolCheckFailed => 1,
            Outcome::Invalid => 2,
            Outcome::Failed => 3,
            Outcome::NotRecorded => 4,
        }
    }
}

/// What the command line asked for.
// Parsed once per process: the variants' sizes do not matter.
#[allow(clippy::large_enum_variant)]
#[derive(Debug)]
pub enum Command {
    /// The window, in this language when `--lang` was given.
    Window(Option<crate::locale::Lang>),
    /// Help, version or completions: text for stdout, exit 0.
    Print(String),
    Calc(CalcArgs),
    Order(OrderArgs),
    /// `register …`: people, signed steps, the list, verify, next start.
    Register(register::RegisterArgs),
    /// `selftest`: the operational qualification.
    Selftest(selftest::SelftestArgs),
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct CalcArgs {
    pub raw: RawInputs,
    /// The criteria inputs as typed (labs, LVEF, …).
    pub clinical: RawClinical,
    /// The date of birth, for the age criterion and the creatinine clearance.
    pub dob: Option<String>,
    /// A site settings file (JSON) laid over the defaults.
    pub site_settings: Option<String>,
    pub json: bool,
    /// The language and decimal mark of what is printed.
    pub words: Words,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct OrderArgs {
    pub raw: RawInputs,
    pub clinical: RawClinical,
    /// The person signing the order in a register that knows people (`--as`).
    pub signer: Option<String>,
    pub secret_file: Option<OsString>,
    pub trial: crate::order::Trial,
    /// A principal investigator's reason to start before the stagger rule allows.
    pub stagger_override: Option<String>,
    pub site_settings: Option<String>,
    /// Overrides of criteria to treat not met or not entered, per criterion code (`CODE=reason`).
    pub overrides: Vec<(String, String)>,
    pub patient: crate::order::Patient,
    /// Where to write the PDF; optional when printing.
    pub out: Option<String>,
    pub print: bool,
    pub printer: Option<String>,
    /// The order register; default: the user's data folder.
    pub register: Option<String>,
    pub force: bool,
    /// Who read and acknowledged the warnings (required when there are any).
    pub acknowledged_by: String,
    /// Reasons for acknowledging, per warning code (`CODE=TEXT`).
    pub reasons: Vec<(String, String)>,
    pub issued_by: String,
    pub paper: Option<crate::settings::Paper>,
    /// The language and decimal mark of the sheet and of what is printed on the terminal.
    pub words: Words,
}

/// A usage problem, already worded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Usage(pub String);

/// The exit codes, for every `--help` (one text, written once).
macro_rules! exit_codes {
    () => {
        "Exit codes:
  0  computed (and for order: written or printed, and recorded); every protocol check passed
  1  computed, but a protocol check failed (NK count out of range): no sheet;
     register verify: a record does not match; selftest: a check failed (named)
  2  invalid input or usage: nothing on stdout, the reason on stderr
  3  a file could not be written, the print service failed, or the window could not open
  4  the sheet was written or printed but NOT recorded in the order register"
    };
}

/// After `calc --help` and `order --help`.
pub const CLI_EXIT_CODES: &str = exit_codes!();

/// After `--help`: the commands in use, and the exit codes. Option names are
/// identifiers and stay as they are in every language.
pub const CLI_AFTER_HELP: &str = concat!(
    "Usage in short:
  nkact-dose                 open the window
  nkact-dose calc  --weight KG --height CM [OPTIONS]      doses with the working
  nkact-dose order --weight KG --height CM --cycle N --day1 YYYY-MM-DD
                   --name TEXT --patient-id TEXT --dob YYYY-MM-DD --allergies TEXT
                   [--acknowledged-by NAME --reason CODE=TEXT …] --out FILE.pdf | --print
  nkact-dose selftest [--json] [--out FILE.pdf]           the operational qualification
  nkact-dose help calc | help order                       every option of a command
  --lang en|es|ca            language of the output and the sheet (default: system locale)

",
    exit_codes!()
);

/// "nkact-dose: error: …" in the words of the run.
pub fn error_line(w: &Words, message: &str) -> String {
    w.msg(msg!("cli-error", "program" => PROGRAM, "message" => message))
}

/// A rejected field, with the option that carried it.
pub fn field_error(w: &Words, e: &crate::error::InputError) -> String {
    error_line(
        w,
        &w.msg(msg!("cli-field-error", "error" => w.input_error(e), "option" => field_option(e.field))),
    )
}

/// The settings of a run: the defaults, or a site settings file laid over them.
pub fn site_settings(w: &Words, path: Option<&str>, defaults: &Settings) -> Result<Settings, String> {
    let Some(path) = path else { return Ok(defaults.clone()) };
    let shown = crate::present::words::shown(std::path::Path::new(path));
    let bytes = match std::fs::metadata(path) {
        Ok(m) if m.is_file() && m.len() <= 256 * 1024 => std::fs::read(path).map_err(|e| e.to_string()),
        Ok(_) => Err(w.msg(msg!("cli-site-settings-not-file"))),
        Err(e) => Err(e.to_string()),
    }
    .map_err(|detail| {
        error_line(
            w,
            &w.msg(msg!("cli-site-settings-unreadable", "path" => shown.clone(), "detail" => detail)),
        )
    })?;
    Settings::from_site_json(&bytes).map_err(|p| {
        let detail = match p {
            crate::settings::SiteFileProblem::NotJson(d) | crate::settings::SiteFileProblem::Shape(d) => d,
            crate::settings::SiteFileProblem::Invalid(e) => w.input_error(&e),
        };
        error_line(w, &w.msg(msg!("cli-site-settings-invalid", "path" => shown.clone(), "detail" => detail)))
    })
}

/// Runs `calc`: prints the report (or JSON) and returns the outcome.
pub fn run_calc(
    args: &CalcArgs,
    settings: &Settings,
    now: chrono::NaiveDateTime,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Outcome {
    let w = &args.words;
    let settings = match site_settings(w, args.site_settings.as_deref(), settings) {
        Ok(s) => s,
        Err(message) => {
            let _ = writeln!(err, "{message}");
            return Outcome::Invalid;
        }
    };
    let dob = match args.dob.as_deref().map(|d| crate::input::iso_date(Field::DateOfBirth, d)).transpose() {
        Ok(d) => d,
        Err(e) => {
            let _ = writeln!(err, "{}", field_error(w, &e));
            return Outcome::Invalid;
        }
    };
    let report = match compute(w, now.date(), &args.raw, &args.clinical, dob, &settings, err) {
        Some(r) => r,
        None => return Outcome::Invalid,
    };
    // calc explores: it may default the cycle and go without dates, but says so.
    let defaults: Vec<&'static str> =
        [(args.raw.cycle.is_empty(), "cycle"), (args.raw.day1.is_empty(), "day1")]
            .into_iter()
            .filter_map(|(missing, key)| missing.then_some(key))
            .collect();
    let body = if args.json {
        let mut json = JsonReport::new(&report, w);
        json.defaults_used = defaults.clone();
        match serde_json::to_string_pretty(&json) {
            Ok(s) => s + "\n",
            Err(e) => {
                let _ = writeln!(err, "{}", error_line(w, &e.to_string()));
                return Outcome::Failed;
            }
        }
    } else {
        let mut notes = String::new();
        for key in &defaults {
            notes.push_str(&w.t(if *key == "cycle" {
                id!("calc-default-cycle")
            } else {
                id!("calc-default-day1")
            }));
            notes.push('\n');
        }
        notes + &render_text(&Presentation::of(&report, &report.warnings, w))
    };
    if out.write_all(body.as_bytes()).is_err() {
        return Outcome::Failed;
    }
    if report.protocol_checks_pass() {
        Outcome::Ok
    } else {
        let _ = writeln!(err, "{}", w.msg(msg!("cli-protocol-failed", "program" => PROGRAM)));
        Outcome::ProtocolCheckFailed
    }
}

/// Validates and calculates; on failure writes every error to `err`.
pub fn compute(
    w: &Words,
    today: chrono::NaiveDate,
    raw: &RawInputs,
    clinical: &RawClinical,
    date_of_birth: Option<chrono::NaiveDate>,
    settings: &Settings,
    err: &mut dyn Write,
) -> Option<Report> {
    let inputs = validate(raw);
    let day1 = crate::clinical::day1_for_criteria(&inputs, raw);
    let (inputs, mut clinical) = match (inputs, validate_clinical(clinical, day1, today)) {
        (Ok(i), Ok(c)) => (i, c),
        (i, c) => {
            for e in crate::clinical::all_errors(i.err(), c.err()) {
                let _ = writeln!(err, "{}", field_error(w, &e));
            }
            return None;
        }
    };
    clinical.date_of_birth = date_of_birth;
    match calculate_with(&inputs, &clinical, settings) {
        Ok(r) => Some(r),
        Err(e) => {
            let _ = writeln!(err, "{}", field_error(w, &e));
            None
        }
    }
}
