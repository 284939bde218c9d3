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
use crate::settings::Settings;
use crate::{id, msg};
pub use order::run_order;

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

/// The options that feed the engine, shared by `calc` and `order`.
#[derive(Debug, clap::Args)]
struct DoseOptions {
    /// Body weight in kg, 70.5 or 70,5 (required)
    #[arg(long, value_name = "KG", allow_hyphen_values = true)]
    weight: Option<OsString>,
    /// Height in cm (required)
    #[arg(long, value_name = "CM", allow_hyphen_values = true)]
    height: Option<OsString>,
    /// mosteller (default), dubois, haycock, gehan-george, boyd
    #[arg(long, value_name = "NAME")]
    bsa_formula: Option<OsString>,
    /// Cap the BSA used for dosing, in m² (no cap by default)
    #[arg(long, value_name = "M2", allow_hyphen_values = true)]
    bsa_cap: Option<OsString>,
    /// NK product count: 2e8, 2.5x10^8, 200000000 (leave the option out while pending)
    #[arg(long, value_name = "COUNT", allow_hyphen_values = true)]
    nk_cells: Option<OsString>,
    /// Cycle number (calc: 1 when not given; order: required)
    #[arg(long, value_name = "N", allow_hyphen_values = true)]
    cycle: Option<OsString>,
    /// Day 1 date, YYYY-MM-DD (calc: no dates when not given; order: required)
    #[arg(long, value_name = "YYYY-MM-DD", allow_hyphen_values = true)]
    day1: Option<OsString>,
    /// Date of the last trastuzumab dose (cycle 2 on)
    #[arg(long, value_name = "YYYY-MM-DD", allow_hyphen_values = true)]
    last_trastuzumab: Option<OsString>,
    /// Date of the last pertuzumab dose (cycle 2 on)
    #[arg(long, value_name = "YYYY-MM-DD", allow_hyphen_values = true)]
    last_pertuzumab: Option<OsString>,
    /// Weight the last doses were based on, in kg
    #[arg(long, value_name = "KG", allow_hyphen_values = true)]
    previous_weight: Option<OsString>,
    /// Language of the output and the sheet: en, es or ca (default: from the system locale, else en)
    #[arg(long, value_name = "LANG")]
    lang: Option<OsString>,
    /// Decimal mark of printed numbers: point or comma (default: the language's usual mark)
    #[arg(long, value_name = "MARK")]
    decimal_mark: Option<OsString>,
    /// Date of birth, YYYY-MM-DD (the age criterion and the creatinine clearance; order: required)
    #[arg(long, value_name = "YYYY-MM-DD", allow_hyphen_values = true)]
    dob: Option<OsString>,
    /// A laboratory result, repeatable: anc, lymphocytes, platelets, hb, bilirubin, ast, alt,
    /// creatinine, inr, albumin; e.g. "anc=1.8 x10^9/L@2026-11-25", "creatinine=85 umol/L@2026-11-25"
    #[arg(long, value_name = "CODE=VALUE UNIT@YYYY-MM-DD")]
    lab: Vec<OsString>,
    /// The site's upper limit of normal, repeatable: "bilirubin=1.2 mg/dL", "ast=40 U/L"
    #[arg(long, value_name = "CODE=VALUE UNIT")]
    uln: Vec<OsString>,
    /// The latest LVEF (%) with its date: "58@2026-11-20"
    #[arg(long, value_name = "PCT@YYYY-MM-DD")]
    lvef: Option<OsString>,
    /// The LVEF before treatment (%)
    #[arg(long, value_name = "PCT")]
    lvef_baseline: Option<OsString>,
    /// female or male (the creatinine clearance)
    #[arg(long, value_name = "SEX")]
    sex: Option<OsString>,
    /// Documented liver metastases (AST/ALT up to 5 × ULN)
    #[arg(long)]
    liver_metastases: bool,
    /// Known Gilbert's syndrome (bilirubin up to 3 × ULN)
    #[arg(long)]
    gilbert: bool,
    /// Was the previous antibody infusion well tolerated? yes or no (trastuzumab maintenance over 30 or 90 min)
    #[arg(long, value_name = "yes|no")]
    previous_infusion_tolerated: Option<OsString>,
    /// The day chosen for cyclophosphamide, within Day -5 to Day -3 (YYYY-MM-DD)
    #[arg(long, value_name = "YYYY-MM-DD", allow_hyphen_values = true)]
    cyclophosphamide_date: Option<OsString>,
    /// When the cyclophosphamide starts, HH:MM (the trial's stagger rule; default 00:00, the earliest)
    #[arg(long, value_name = "HH:MM")]
    cyclophosphamide_time: Option<OsString>,
    /// The NK cell product's (or donor's) identifier
    #[arg(long, value_name = "ID")]
    nk_product_id: Option<OsString>,
    /// The NK cell bag's identifier
    #[arg(long, value_name = "ID")]
    nk_bag_id: Option<OsString>,
    /// When the NK cell product was released or thawed: "YYYY-MM-DD HH:MM"
    #[arg(long, value_name = "YYYY-MM-DD HH:MM")]
    nk_released_at: Option<OsString>,
    /// A site settings file (JSON) laid over the defaults: infusion, observation, supportive care, LVEF rule
    #[arg(long, value_name = "FILE.json")]
    site_settings: Option<OsString>,
}

#[derive(Debug, clap::Args)]
#[command(after_help = CLI_EXIT_CODES)]
struct CalcCli {
    #[command(flatten)]
    dose: DoseOptions,
    /// Print one JSON object
    #[arg(long)]
    json: bool,
}

#[derive(Debug, clap::Args)]
#[command(after_help = CLI_EXIT_CODES)]
struct OrderCli {
    #[command(flatten)]
    dose: DoseOptions,
    /// The patient's full name
    #[arg(long, value_name = "TEXT")]
    name: Option<OsString>,
    /// The hospital record number
    #[arg(long, value_name = "TEXT")]
    patient_id: Option<OsString>,
    /// Allergies, or "none known" typed out
    #[arg(long, value_name = "TEXT")]
    allergies: Option<OsString>,
    /// Who issues the order
    #[arg(long, value_name = "NAME")]
    issued_by: Option<OsString>,
    /// Who read and acknowledges the warnings (required when there are any)
    #[arg(long, value_name = "NAME")]
    acknowledged_by: Option<OsString>,
    /// Why a warning is acknowledged, for the warnings that need a reason (repeatable)
    #[arg(long, value_name = "CODE=TEXT")]
    reason: Vec<OsString>,
    /// The prescriber's reason to go ahead with a criterion to treat not met or not entered
    /// (repeatable; recorded as --issued-by's): anc="reason"
    #[arg(long = "override", value_name = "CODE=REASON")]
    overrides: Vec<OsString>,
    /// Sign as this person (a register that knows people); the secret from --secret-file or NKACT_DOSE_SECRET
    #[arg(long = "as", value_name = "NAME")]
    signer: Option<OsString>,
    /// A file holding the signer's secret (password or PIN)
    #[arg(long, value_name = "FILE")]
    secret_file: Option<OsString>,
    /// The trial subject number
    #[arg(long, value_name = "ID")]
    subject: Option<OsString>,
    /// lead-in or expansion
    #[arg(long, value_name = "COHORT")]
    cohort: Option<OsString>,
    /// A principal investigator's reason to start before the trial's stagger rule allows
    #[arg(long, value_name = "REASON")]
    stagger_override: Option<OsString>,
    /// Where to write the PDF (optional with --print)
    #[arg(long, value_name = "FILE.pdf")]
    out: Option<OsString>,
    /// Replace an existing --out file
    #[arg(long)]
    force: bool,
    /// Send the sheet to the print service
    #[arg(long)]
    print: bool,
    /// The printer (default: the system's default printer)
    #[arg(long, value_name = "NAME", requires = "print")]
    printer: Option<OsString>,
    /// The order register (default: $NKACT_DOSE_REGISTER, else the user's data folder)
    #[arg(long, value_name = "PATH")]
    register: Option<OsString>,
    /// a4 (default) or letter
    #[arg(long, value_name = "SIZE")]
    paper: Option<OsString>,
}

// Parsed once per process: the variants' sizes do not matter.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, clap::Subcommand)]
enum Sub {
    /// Print the doses with the working (--json for JSON)
    Calc(CalcCli),
    /// Write and/or print the pharmacy order sheet, recorded in the order register
    Order(OrderCli),
    /// The order register: people, signed steps, list, show, reprint, verify, next-start
    Register(register::RegisterCli),
    /// Print a shell completion script
    Completions {
        /// bash, zsh, fish, elvish or powershell
        shell: clap_complete::Shell,
    },
}

#[derive(Debug, clap::Parser)]
#[command(
    name = "nkact-dose",
    version,
    about = "Doses, working and the pharmacy order sheet for the NK-ACT-BC regimen (NCT05385705).\nWith no command, opens the window.",
    after_help = CLI_AFTER_HELP,
    subcommand_required = false
)]
struct Cli {
    #[command(subcommand)]
    command: Option<Sub>,
    /// The window's language: en, es or ca (default: the last one chosen, else the system locale)
    #[arg(long, value_name = "LANG")]
    lang: Option<OsString>,
}

/// The exit codes, for every `--help` (one text, written once).
macro_rules! exit_codes {
    () => {
        "Exit codes:
  0  computed (and for order: written or printed, and recorded); every protocol check passed
  1  computed, but a protocol check failed (NK count out of range): no sheet
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
  nkact-dose help calc | help order                       every option of a command
  --lang en|es|ca            language of the output and the sheet (default: system locale)

",
    exit_codes!()
);

/// The command-line option for a field.
pub fn field_option(field: Field) -> &'static str {
    match field {
        Field::Weight => "--weight",
        Field::Height => "--height",
        Field::BsaFormula => "--bsa-formula",
        Field::BsaCap => "--bsa-cap",
        Field::NkCells => "--nk-cells",
        Field::Cycle => "--cycle",
        Field::Day1 => "--day1",
        Field::LastTrastuzumab => "--last-trastuzumab",
        Field::LastPertuzumab => "--last-pertuzumab",
        Field::PreviousWeight => "--previous-weight",
        Field::Settings => "settings",
        Field::PatientName => "--name",
        Field::PatientId => "--patient-id",
        Field::DateOfBirth => "--dob",
        Field::Allergies => "--allergies",
        Field::IssuedBy => "--issued-by",
        Field::AcknowledgedBy => "--acknowledged-by",
        Field::Verifier => "verifier",
        Field::Reason => "--reason",
        Field::Lab => "--lab",
        Field::Uln => "--uln",
        Field::Lvef | Field::LvefDate => "--lvef",
        Field::LvefBaseline => "--lvef-baseline",
        Field::Sex => "--sex",
        Field::PreviousInfusionTolerated => "--previous-infusion-tolerated",
        Field::CyclophosphamideDate => "--cyclophosphamide-date",
        Field::NkProductId => "--nk-product-id",
        Field::NkBagId => "--nk-bag-id",
        Field::NkReleasedAt => "--nk-released-at",
        Field::AdministeredAt => "--at",
        Field::Override => "--override",
        Field::Subject => "--subject",
    }
}

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

/// `--lang` as a language, or a usage error worded in the system's language.
fn lang_option(v: &Option<OsString>) -> Result<Option<Lang>, Usage> {
    let fallback = Words::new(crate::locale::system_lang(|k| std::env::var(k).ok()), None);
    match value(&fallback, "--lang", v)? {
        None => Ok(None),
        Some(v) => Lang::from_key(v.trim().to_ascii_lowercase().as_str()).map(Some).ok_or_else(|| {
            Usage(error_line(&fallback, &fallback.msg(msg!("cli-bad-lang", "value" => quoted_inner(&v, 40)))))
        }),
    }
}

/// The language of a run: `--lang` when given, else the system locale's, else English.
fn words_for(d: &DoseOptions) -> Result<Words, Usage> {
    let system = crate::locale::system_lang(|k| std::env::var(k).ok());
    let lang = lang_option(&d.lang)?.unwrap_or(system);
    let base = Words::new(lang, None);
    let mark = match value(&base, "--decimal-mark", &d.decimal_mark)? {
        None => None,
        Some(v) => Some(DecimalMark::from_key(v.trim().to_ascii_lowercase().as_str()).ok_or_else(|| {
            Usage(error_line(&base, &base.msg(msg!("cli-bad-decimal-mark", "value" => quoted_inner(&v, 40)))))
        })?),
    };
    Ok(Words::new(lang, mark))
}

/// Parses the arguments after the program name, as the operating system gave
/// them: bytes that are not UTF-8 are a usage error, never a crash.
pub fn parse_args<I, T>(args: I) -> Result<Command, Usage>
where
    I: IntoIterator<Item = T>,
    T: Into<OsString> + Clone,
{
    use clap::{CommandFactory, Parser};
    let argv = std::iter::once(OsString::from(PROGRAM)).chain(args.into_iter().map(Into::into));
    let cli = match Cli::try_parse_from(argv) {
        Ok(c) => c,
        Err(e) => {
            use clap::error::ErrorKind;
            return match e.kind() {
                ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => {
                    Ok(Command::Print(e.render().to_string()))
                }
                _ => Err(Usage(clip_usage(&e.render().to_string()))),
            };
        }
    };
    match cli.command {
        None => Ok(Command::Window(lang_option(&cli.lang)?)),
        Some(Sub::Completions { shell }) => {
            let mut buf = Vec::new();
            clap_complete::generate(shell, &mut Cli::command(), PROGRAM, &mut buf);
            Ok(Command::Print(String::from_utf8_lossy(&buf).into_owned()))
        }
        Some(Sub::Calc(c)) => {
            let words = words_for(&c.dose)?;
            Ok(Command::Calc(CalcArgs {
                raw: raw_inputs(&words, &c.dose)?,
                clinical: raw_clinical(&words, &c.dose)?,
                dob: value(&words, "--dob", &c.dose.dob)?,
                site_settings: value(&words, "--site-settings", &c.dose.site_settings)?,
                json: c.json,
                words,
            }))
        }
        Some(Sub::Order(o)) => order_args(o),
        Some(Sub::Register(r)) => Ok(Command::Register(register::args(r)?)),
    }
}

/// Keeps a usage message readable: a 100 kB value is not echoed back whole.
fn clip_usage(message: &str) -> String {
    const MAX: usize = 2000;
    let message = message.trim_end();
    if message.chars().count() <= MAX {
        return message.to_owned();
    }
    let mut out: String = message.chars().take(MAX).collect();
    out.push('…');
    out
}

/// An option's value as text: present, UTF-8 and not empty, or a usage error
/// naming the option. `None` when the option was not given.
fn value(w: &Words, option: &str, v: &Option<OsString>) -> Result<Option<String>, Usage> {
    let Some(v) = v else { return Ok(None) };
    let usage = |message: String| Usage(error_line(w, &message));
    let Some(s) = v.to_str() else {
        let shown = quoted_inner(&v.to_string_lossy(), 40);
        return Err(usage(w.msg(msg!("cli-not-utf8", "option" => option, "value" => shown))));
    };
    if s.trim().is_empty() {
        let label = option_label(option)
            .map(|f| w.msg(msg!("cli-empty-value-label", "label" => w.field_label(f))))
            .unwrap_or_default();
        return Err(usage(w.msg(msg!("cli-empty-value", "label" => label, "option" => option))));
    }
    // A flag taken as this option's value means the value was forgotten.
    if s.starts_with("--") && !option_takes_hyphen_values(option) {
        return Err(usage(w.msg(msg!("cli-missing-value", "option" => option))));
    }
    Ok(Some(s.to_owned()))
}

/// The field of a command-line option, when it is a field's.
fn option_label(option: &str) -> Option<Field> {
    Field::ALL.into_iter().chain(Field::PEOPLE_AND_PATIENT).find(|f| field_option(*f) == option)
}

/// Options whose values may start with a hyphen (numbers and dates: the
/// validator then names the field and what it accepts).
fn option_takes_hyphen_values(option: &str) -> bool {
    Field::ALL.iter().any(|f| field_option(*f) == option)
}

fn raw_inputs(w: &Words, d: &DoseOptions) -> Result<RawInputs, Usage> {
    let mut raw = RawInputs::default();
    let pairs: [(Field, &Option<OsString>); 10] = [
        (Field::Weight, &d.weight),
        (Field::Height, &d.height),
        (Field::BsaFormula, &d.bsa_formula),
        (Field::BsaCap, &d.bsa_cap),
        (Field::NkCells, &d.nk_cells),
        (Field::Cycle, &d.cycle),
        (Field::Day1, &d.day1),
        (Field::LastTrastuzumab, &d.last_trastuzumab),
        (Field::LastPertuzumab, &d.last_pertuzumab),
        (Field::PreviousWeight, &d.previous_weight),
    ];
    for (field, v) in pairs {
        if let (Some(v), Some(slot)) = (value(w, field_option(field), v)?, raw.get_mut(field)) {
            *slot = v;
        }
    }
    Ok(raw)
}

/// The criteria options as typed. Each `--lab`/`--uln` is split into its
/// parts here; whether the parts make sense is the validator's to say.
fn raw_clinical(w: &Words, d: &DoseOptions) -> Result<RawClinical, Usage> {
    let mut c = RawClinical::default();
    let bad = |e: crate::error::InputError| Usage(field_error(w, &e));
    for v in &d.lab {
        let text = value(w, "--lab", &Some(v.clone()))?.unwrap_or_default();
        c.labs.push(RawClinical::lab_from_text(&text).map_err(bad)?);
    }
    for v in &d.uln {
        let text = value(w, "--uln", &Some(v.clone()))?.unwrap_or_default();
        c.uln.push(RawClinical::uln_from_text(&text).map_err(bad)?);
    }
    if let Some(v) = value(w, "--lvef", &d.lvef)? {
        match v.rsplit_once('@') {
            Some((pct, date)) => {
                c.lvef = pct.trim().to_owned();
                c.lvef_date = date.trim().to_owned();
            }
            None => c.lvef = v,
        }
    }
    let text = |option: &str, v: &Option<OsString>| value(w, option, v).map(Option::unwrap_or_default);
    c.lvef_baseline = text("--lvef-baseline", &d.lvef_baseline)?;
    c.sex = text("--sex", &d.sex)?;
    c.liver_metastases = d.liver_metastases;
    c.gilbert = d.gilbert;
    c.previous_infusion_tolerated = text("--previous-infusion-tolerated", &d.previous_infusion_tolerated)?;
    c.cyclophosphamide_date = text("--cyclophosphamide-date", &d.cyclophosphamide_date)?;
    c.cyclophosphamide_time = text("--cyclophosphamide-time", &d.cyclophosphamide_time)?;
    c.nk_product_id = text("--nk-product-id", &d.nk_product_id)?;
    c.nk_bag_id = text("--nk-bag-id", &d.nk_bag_id)?;
    c.nk_released_at = text("--nk-released-at", &d.nk_released_at)?;
    Ok(c)
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

fn order_args(o: OrderCli) -> Result<Command, Usage> {
    let w = words_for(&o.dose)?;
    let w = &w;
    let usage = |message: String| Usage(error_line(w, &message));
    let raw = raw_inputs(w, &o.dose)?;
    // An order sheet is for one cycle on real dates: neither is defaulted.
    for (field, v) in [(Field::Cycle, &raw.cycle), (Field::Day1, &raw.day1)] {
        if v.is_empty() {
            return Err(usage(w.msg(msg!("cli-order-requires", "option" => field_option(field)))));
        }
    }
    let text_of = |option: &str, v: &Option<OsString>| value(w, option, v).map(Option::unwrap_or_default);
    let patient = crate::order::Patient {
        name: text_of("--name", &o.name)?,
        identifier: text_of("--patient-id", &o.patient_id)?,
        date_of_birth: text_of("--dob", &o.dose.dob)?,
        allergies: text_of("--allergies", &o.allergies)?,
    };
    let paper = match value(w, "--paper", &o.paper)? {
        None => None,
        Some(v) => Some(match v.trim().to_ascii_lowercase().as_str() {
            "a4" => crate::settings::Paper::A4,
            "letter" => crate::settings::Paper::Letter,
            _ => return Err(usage(w.msg(msg!("cli-bad-paper", "value" => quoted_inner(&v, 40))))),
        }),
    };
    let mut reasons = Vec::new();
    for r in &o.reason {
        let r = value(w, "--reason", &Some(r.clone()))?.unwrap_or_default();
        match r.split_once('=') {
            Some((code, why)) if !code.trim().is_empty() && !why.trim().is_empty() => {
                if reasons.iter().any(|(c, _): &(String, String)| c == code.trim()) {
                    let code = quoted_inner(code.trim(), 40);
                    return Err(usage(w.msg(msg!("cli-repeated-reason", "value" => code))));
                }
                reasons.push((code.trim().to_owned(), why.trim().to_owned()));
            }
            _ => return Err(usage(w.msg(msg!("cli-bad-reason", "value" => quoted_inner(&r, 40))))),
        }
    }
    let mut overrides = Vec::new();
    for r in &o.overrides {
        let r = value(w, "--override", &Some(r.clone()))?.unwrap_or_default();
        match r.split_once('=') {
            Some((code, why)) if !code.trim().is_empty() && !why.trim().is_empty() => {
                if overrides.iter().any(|(c, _): &(String, String)| c == code.trim()) {
                    let code = quoted_inner(code.trim(), 40);
                    return Err(usage(w.msg(msg!("cli-repeated-override", "value" => code))));
                }
                overrides.push((code.trim().to_owned(), why.trim().to_owned()));
            }
            _ => return Err(usage(w.msg(msg!("cli-bad-override", "value" => quoted_inner(&r, 40))))),
        }
    }
    let out = value(w, "--out", &o.out)?;
    if let Some(path) = &out
        && !path.to_lowercase().ends_with(".pdf")
    {
        return Err(usage(w.msg(msg!("cli-out-not-pdf", "value" => quoted_inner(path, 40)))));
    }
    let printer = value(w, "--printer", &o.printer)?;
    if let Some(p) = &printer
        && p.chars().any(|c| c.is_whitespace() || c.is_control() || c == '/' || c == '#')
    {
        return Err(usage(w.msg(msg!("cli-bad-printer", "value" => quoted_inner(p, 40)))));
    }
    if out.is_none() && !o.print {
        return Err(usage(w.msg(msg!("cli-out-or-print"))));
    }
    let trial = crate::order::Trial {
        subject: text_of("--subject", &o.subject)?,
        cohort: match value(w, "--cohort", &o.cohort)? {
            None => String::new(),
            Some(c) => crate::stagger::Cohort::from_key(&c)
                .map(|c| c.key().to_owned())
                .ok_or_else(|| usage(w.msg(msg!("cli-bad-cohort"))))?,
        },
    };
    Ok(Command::Order(OrderArgs {
        raw,
        signer: value(w, "--as", &o.signer)?,
        secret_file: o.secret_file.clone(),
        trial,
        stagger_override: value(w, "--stagger-override", &o.stagger_override)?,
        clinical: raw_clinical(w, &o.dose)?,
        site_settings: value(w, "--site-settings", &o.dose.site_settings)?,
        overrides,
        patient,
        out,
        print: o.print,
        printer,
        register: value(w, "--register", &o.register)?,
        force: o.force,
        acknowledged_by: text_of("--acknowledged-by", &o.acknowledged_by)?,
        reasons,
        issued_by: text_of("--issued-by", &o.issued_by)?,
        paper,
        words: *w,
    }))
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

/// The presentation model as plain text, for a terminal.
pub fn render_text(v: &Presentation) -> String {
    let mut s = String::new();
    let mut line = |l: String| {
        s.push_str(&l);
        s.push('\n');
    };
    line(v.headline.clone());
    line(v.bsa.line());
    line(format!("  {}", v.bsa_working));
    if let Some(wc) = &v.weight_change {
        line(wc.line());
    }
    if let Some(c) = &v.criteria {
        line(String::new());
        line(format!("{}:", c.title));
        line(format!("  {}", c.basis));
        for row in &c.rows {
            line(format!("  {}", row.line()));
        }
        line(format!("  {}", c.summary));
    }
    if let Some(row) = &v.cardiac {
        line(String::new());
        line(row.line());
    }
    for item in &v.items {
        line(String::new());
        let mut head = format!("{}: {}", item.title, item.large);
        if let Some(tag) = &item.tag {
            head.push_str(&format!(" ({tag})"));
        }
        for b in &item.badges {
            head.push_str(&format!(" [{}]", b.text));
        }
        line(head);
        for row in &item.rows {
            line(format!("  {}", row.line()));
        }
    }
    if let Some(row) = &v.nk_not_in_cycle {
        line(String::new());
        line(row.line());
    }
    line(String::new());
    line(format!("{}:", v.administration_title));
    for row in &v.administration {
        line(format!("  {}", row.line()));
    }
    line(String::new());
    line(format!("{}:", v.schedule_title));
    for day in &v.schedule {
        let when = if day.date.is_empty() { day.day.clone() } else { format!("{} {}", day.day, day.date) };
        line(format!("  {when}: {}", day.events));
    }
    line(String::new());
    line(format!("{}:", v.warnings_title));
    if v.warnings.is_empty() {
        line(format!("  {}", v.none));
    }
    for x in &v.warnings {
        match &x.needs_reason_label {
            Some(label) => line(format!("  - [{}] {label} {}", x.code, x.text)),
            None => line(format!("  - [{}] {}", x.code, x.text)),
        }
    }
    s
}

/// The `--json` shape: the keys the dose-engine issue names, and more.
#[derive(Debug, Serialize)]
pub struct JsonReport {
    pub regimen: &'static str,
    pub protocol: &'static str,
    pub cycle: u32,
    pub bsa_m2: f64,
    pub bsa_formula: &'static str,
    pub bsa_unrounded_m2: f64,
    pub bsa_cap_applied_m2: Option<f64>,
    pub bsa_working: String,
    pub doses: Vec<JsonDose>,
    pub nk_cells: Option<JsonNk>,
    pub nk_state: &'static str,
    pub schedule: Vec<JsonDay>,
    pub weight_change_pct: Option<f64>,
    pub warnings: Vec<String>,
    /// Each warning with its code, and whether its acknowledgement needs a reason.
    pub warning_codes: Vec<JsonWarning>,
    pub protocol_checks_pass: bool,
    /// Options `calc` defaulted because they were not given (`cycle`: 1; `day1`: no dates).
    pub defaults_used: Vec<&'static str>,
    /// Cycle 1: the criteria to treat, each met, not met or not entered. Empty from cycle 2.
    pub criteria: Vec<JsonCriterion>,
    /// True when every criterion is met (cycle 1), or there are none (cycle 2 on).
    pub criteria_met: bool,
    /// The heart check before the antibodies.
    pub cardiac: Option<JsonCardiac>,
}

#[derive(Debug, Serialize)]
pub struct JsonCriterion {
    pub code: &'static str,
    /// `met`, `not-met` or `not-entered`.
    pub state: &'static str,
    /// In `unit`; creatinine in mg/dL.
    pub value: Option<f64>,
    /// The limit applied, in `unit` (a multiple of ULN already multiplied out).
    pub threshold: Option<f64>,
    /// `at-least` or `at-most`.
    pub comparison: &'static str,
    pub unit: &'static str,
    pub date: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub clearance_ml_min: Option<f64>,
    /// Why it stands so, in words.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    pub source: &'static str,
}

#[derive(Debug, Serialize)]
pub struct JsonCardiac {
    pub baseline_lvef_pct: Option<f64>,
    pub latest_lvef_pct: Option<f64>,
    pub latest_lvef_date: Option<String>,
    pub withhold: bool,
    pub hold_min_fall_points: f64,
    pub hold_below_pct: f64,
    pub rule_source: &'static str,
    pub line: String,
}

#[derive(Debug, Serialize)]
pub struct JsonWarning {
    pub code: String,
    /// The values the warning concerns, as its acknowledgement records them.
    pub detail: String,
    pub message: String,
    pub needs_reason: bool,
}

#[derive(Debug, Serialize)]
pub struct JsonDose {
    pub drug: &'static str,
    /// Absent when the dose is withheld.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub dose: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unrounded: Option<f64>,
    pub unit: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub loading: Option<bool>,
    pub route: &'static str,
    pub days: Vec<i32>,
    pub dates: Vec<Option<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub working: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub volume_ml: Option<f64>,
    pub too_small_to_measure: bool,
    /// Antibodies: withheld this cycle for a fall in LVEF (no dose).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub withheld: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub withheld_reason: Option<String>,
    /// Shortest and longest infusion time, minutes (absent: not set by the site, or not infused).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub infusion_minutes: Option<[u32; 2]>,
    /// Pump rate for the shortest and the longest time, mL/h.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub infusion_rate_ml_h: Option<[f64; 2]>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub observation: Option<String>,
    /// Cyclophosphamide: the day chosen within its window.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub chosen_date: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct JsonNk {
    pub count: f64,
    pub min: f64,
    pub max: f64,
    pub within_range: bool,
}

#[derive(Debug, Serialize)]
pub struct JsonDay {
    pub day: i32,
    pub date: Option<String>,
}

impl JsonReport {
    /// The report as JSON: keys and codes are identifiers; `message` and `working` texts are in `w`'s words.
    pub fn new(r: &Report, w: &Words) -> Self {
        let iso = |d: Option<chrono::NaiveDate>| d.map(|d| d.format("%Y-%m-%d").to_string());
        JsonReport {
            regimen: crate::regimen::NK_ACT_BC.name,
            protocol: crate::regimen::NK_ACT_BC.protocol,
            cycle: r.inputs.cycle,
            bsa_m2: r.bsa.used_m2,
            bsa_formula: r.bsa.formula.key(),
            bsa_unrounded_m2: r.bsa.unrounded_m2,
            bsa_cap_applied_m2: r.bsa.cap_applied_m2,
            bsa_working: w.bsa_working(&r.bsa),
            doses: r
                .doses
                .iter()
                .map(|d| JsonDose {
                    drug: d.drug.key(),
                    dose: (!d.withheld).then_some(d.dose),
                    unrounded: (!d.withheld).then_some(d.unrounded),
                    unit: match d.unit {
                        DoseUnit::Mg => "mg",
                        DoseUnit::Units => "units",
                    },
                    loading: d.phase.map(|p| p.loading),
                    route: match d.route {
                        crate::regimen::Route::Intravenous => "intravenous",
                        crate::regimen::Route::Subcutaneous => "subcutaneous",
                    },
                    days: d.days.iter().map(|(day, _)| *day).collect(),
                    dates: d.days.iter().map(|(_, date)| iso(*date)).collect(),
                    working: (!d.withheld).then(|| w.dose_working(d)),
                    volume_ml: (!d.withheld).then_some(d.preparation.volume_ml),
                    too_small_to_measure: !d.withheld && d.preparation.too_small,
                    withheld: d.phase.is_some().then_some(d.withheld),
                    withheld_reason: d.withheld.then(|| {
                        r.cardiac
                            .map(|c| w.withheld_reason(&c))
                            .unwrap_or_else(|| w.msg(msg!("withheld-plain")))
                    }),
                    infusion_minutes: d
                        .preparation
                        .infusion
                        .filter(|_| !d.withheld)
                        .map(|i| [i.minutes.0, i.minutes.1]),
                    infusion_rate_ml_h: d
                        .preparation
                        .infusion
                        .filter(|_| !d.withheld)
                        .and_then(|i| i.rate_ml_h)
                        .map(|(a, b)| [a, b]),
                    observation: d.observation.filter(|_| !d.withheld).map(|o| w.observation(o)),
                    chosen_date: d.chosen_day.map(|(_, date)| date.format("%Y-%m-%d").to_string()),
                })
                .collect(),
            nk_cells: r.nk.and_then(|nk| {
                nk.count.map(|count| JsonNk {
                    count,
                    min: nk.min,
                    max: nk.max,
                    within_range: nk.state == NkState::WithinRange,
                })
            }),
            nk_state: match r.nk.map(|n| n.state) {
                None => "not-in-cycle",
                Some(NkState::Pending) => "pending",
                Some(NkState::WithinRange) => "within-range",
                Some(NkState::OutOfRange) => "out-of-range",
            },
            schedule: r.schedule.iter().map(|d| JsonDay { day: d.day, date: iso(d.date) }).collect(),
            weight_change_pct: r.weight_change.map(|w| crate::rounding::round_decimals(w.change_pct, 2)),
            warnings: r.warnings.iter().map(|x| w.warning(&x.kind)).collect(),
            warning_codes: r
                .warnings
                .iter()
                .map(|x| JsonWarning {
                    code: x.code.clone(),
                    detail: x.detail.clone(),
                    message: w.warning(&x.kind),
                    needs_reason: x.needs_reason,
                })
                .collect(),
            protocol_checks_pass: r.protocol_checks_pass(),
            defaults_used: Vec::new(),
            criteria: r
                .criteria
                .iter()
                .map(|c| JsonCriterion {
                    code: c.code,
                    state: c.state.key(),
                    value: c.value,
                    threshold: c.threshold,
                    comparison: if c.at_most { "at-most" } else { "at-least" },
                    unit: crate::criteria::LabCode::from_key(c.code).map_or(
                        match c.code {
                            "lvef" => "%",
                            "age" => "years",
                            "lab-dates" => "days",
                            _ => "",
                        },
                        |code| code.unit().symbol(),
                    ),
                    date: iso(c.date),
                    clearance_ml_min: c.clearance_ml_min.map(|v| crate::rounding::round_decimals(v, 1)),
                    note: w.criterion_note(c, r.clearance_weight_kg),
                    source: c.source,
                })
                .collect(),
            criteria_met: r.criteria_open().is_empty(),
            cardiac: r.cardiac.map(|c| JsonCardiac {
                baseline_lvef_pct: c.baseline_pct,
                latest_lvef_pct: c.latest.map(|l| l.0),
                latest_lvef_date: iso(c.latest.map(|l| l.1)),
                withhold: c.withhold,
                hold_min_fall_points: c.rule.min_fall_points,
                hold_below_pct: c.rule.below_pct,
                rule_source: c.rule.source,
                line: w.cardiac_line(&c),
            }),
        }
    }
}
