//! The command line: arguments in, text or JSON out, and the exit code decided
//! in one place ([`Outcome`]). The engine does the work; this module parses
//! options and draws the report.

use std::ffi::OsString;
use std::io::Write;

use serde::Serialize;

use crate::engine::{Administered, NkState, Report, calculate};
use crate::error::Field;
use crate::input::{RawInputs, validate};
use crate::regimen::DoseUnit;
use crate::register::{self, RegisterAction};
use crate::settings::Settings;
use crate::text;

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
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Command {
    Window,
    /// Help, version or completions: text for stdout, exit 0.
    Print(String),
    Calc(CalcArgs),
    Order(OrderArgs),
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct CalcArgs {
    pub raw: RawInputs,
    pub json: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct OrderArgs {
    pub raw: RawInputs,
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
}

#[derive(Debug, clap::Args)]
#[command(after_help = text::CLI_EXIT_CODES)]
struct CalcCli {
    #[command(flatten)]
    dose: DoseOptions,
    /// Print one JSON object
    #[arg(long)]
    json: bool,
}

#[derive(Debug, clap::Args)]
#[command(after_help = text::CLI_EXIT_CODES)]
struct OrderCli {
    #[command(flatten)]
    dose: DoseOptions,
    /// The patient's full name
    #[arg(long, value_name = "TEXT")]
    name: Option<OsString>,
    /// The hospital record number
    #[arg(long, value_name = "TEXT")]
    patient_id: Option<OsString>,
    /// Date of birth, YYYY-MM-DD
    #[arg(long, value_name = "YYYY-MM-DD", allow_hyphen_values = true)]
    dob: Option<OsString>,
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
    after_help = text::CLI_AFTER_HELP,
    subcommand_required = false
)]
struct Cli {
    #[command(subcommand)]
    command: Option<Sub>,
}

/// Parses the arguments after the program name, as the operating system gave
/// them: bytes that are not UTF-8 are a usage error, never a crash.
pub fn parse_args<I, T>(args: I) -> Result<Command, Usage>
where
    I: IntoIterator<Item = T>,
    T: Into<OsString> + Clone,
{
    use clap::{CommandFactory, Parser};
    let argv = std::iter::once(OsString::from(text::PROGRAM)).chain(args.into_iter().map(Into::into));
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
        None => Ok(Command::Window),
        Some(Sub::Completions { shell }) => {
            let mut buf = Vec::new();
            clap_complete::generate(shell, &mut Cli::command(), text::PROGRAM, &mut buf);
            Ok(Command::Print(String::from_utf8_lossy(&buf).into_owned()))
        }
        Some(Sub::Calc(c)) => Ok(Command::Calc(CalcArgs { raw: raw_inputs(&c.dose)?, json: c.json })),
        Some(Sub::Order(o)) => order_args(o),
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
fn value(option: &str, v: &Option<OsString>) -> Result<Option<String>, Usage> {
    let Some(v) = v else { return Ok(None) };
    let Some(s) = v.to_str() else {
        return Err(Usage(text::cli_not_utf8(option, &v.to_string_lossy())));
    };
    if s.trim().is_empty() {
        return Err(Usage(text::cli_empty_value(option)));
    }
    // A flag taken as this option's value means the value was forgotten.
    if s.starts_with("--") && !option_takes_hyphen_values(option) {
        return Err(Usage(text::cli_missing_value(option)));
    }
    Ok(Some(s.to_owned()))
}

/// Options whose values may start with a hyphen (numbers and dates: the
/// validator then names the field and what it accepts).
fn option_takes_hyphen_values(option: &str) -> bool {
    Field::ALL.iter().any(|f| text::field_option(*f) == option)
}

fn raw_inputs(d: &DoseOptions) -> Result<RawInputs, Usage> {
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
        if let (Some(v), Some(slot)) = (value(text::field_option(field), v)?, raw.get_mut(field)) {
            *slot = v;
        }
    }
    Ok(raw)
}

fn order_args(o: OrderCli) -> Result<Command, Usage> {
    let raw = raw_inputs(&o.dose)?;
    // An order sheet is for one cycle on real dates: neither is defaulted.
    for (field, v) in [(Field::Cycle, &raw.cycle), (Field::Day1, &raw.day1)] {
        if v.is_empty() {
            return Err(Usage(text::cli_order_requires(text::field_option(field))));
        }
    }
    let text_of = |option: &str, v: &Option<OsString>| value(option, v).map(Option::unwrap_or_default);
    let patient = crate::order::Patient {
        name: text_of("--name", &o.name)?,
        identifier: text_of("--patient-id", &o.patient_id)?,
        date_of_birth: text_of("--dob", &o.dob)?,
        allergies: text_of("--allergies", &o.allergies)?,
    };
    let paper = match value("--paper", &o.paper)? {
        None => None,
        Some(v) => Some(match v.trim().to_ascii_lowercase().as_str() {
            "a4" => crate::settings::Paper::A4,
            "letter" => crate::settings::Paper::Letter,
            _ => return Err(Usage(text::cli_bad_paper(&v))),
        }),
    };
    let mut reasons = Vec::new();
    for r in &o.reason {
        let r = value("--reason", &Some(r.clone()))?.unwrap_or_default();
        match r.split_once('=') {
            Some((code, why)) if !code.trim().is_empty() && !why.trim().is_empty() => {
                if reasons.iter().any(|(c, _): &(String, String)| c == code.trim()) {
                    return Err(Usage(text::cli_repeated_reason(code.trim())));
                }
                reasons.push((code.trim().to_owned(), why.trim().to_owned()));
            }
            _ => return Err(Usage(text::cli_bad_reason(&r))),
        }
    }
    let out = value("--out", &o.out)?;
    if let Some(path) = &out
        && !path.to_lowercase().ends_with(".pdf")
    {
        return Err(Usage(text::cli_out_not_pdf(path)));
    }
    let printer = value("--printer", &o.printer)?;
    if let Some(p) = &printer
        && p.chars().any(|c| c.is_whitespace() || c.is_control() || c == '/' || c == '#')
    {
        return Err(Usage(text::cli_bad_printer(p)));
    }
    if out.is_none() && !o.print {
        return Err(Usage(text::cli_out_or_print()));
    }
    Ok(Command::Order(OrderArgs {
        raw,
        patient,
        out,
        print: o.print,
        printer,
        register: value("--register", &o.register)?,
        force: o.force,
        acknowledged_by: text_of("--acknowledged-by", &o.acknowledged_by)?,
        reasons,
        issued_by: text_of("--issued-by", &o.issued_by)?,
        paper,
    }))
}

/// Runs `calc`: prints the report (or JSON) and returns the outcome.
pub fn run_calc(args: &CalcArgs, settings: &Settings, out: &mut dyn Write, err: &mut dyn Write) -> Outcome {
    let report = match compute(&args.raw, settings, err) {
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
        let mut json = JsonReport::from(&report);
        json.defaults_used = defaults.clone();
        match serde_json::to_string_pretty(&json) {
            Ok(s) => s + "\n",
            Err(e) => {
                let _ = writeln!(err, "{} {e}", text::cli_error_prefix());
                return Outcome::Failed;
            }
        }
    } else {
        let mut notes = String::new();
        for key in &defaults {
            notes.push_str(&text::calc_default_note(key));
            notes.push('\n');
        }
        notes + &render_text(&report)
    };
    if out.write_all(body.as_bytes()).is_err() {
        return Outcome::Failed;
    }
    if report.protocol_checks_pass() {
        Outcome::Ok
    } else {
        let _ = writeln!(err, "{}", text::cli_protocol_failed());
        Outcome::ProtocolCheckFailed
    }
}

/// Runs `order`: validates everything, refuses (writing nothing) on invalid
/// input, an out-of-range NK count or unacknowledged warnings, else writes the
/// sheet atomically and/or prints it, and records it in the register.
pub fn run_order(
    args: &OrderArgs,
    settings: &Settings,
    now: chrono::NaiveDateTime,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Outcome {
    use crate::order::Order;
    use crate::sheet::{SheetError, export_pdf};
    let mut order = Order::new(now, settings.clone());
    order.inputs = args.raw.clone();
    order.patient = args.patient.clone();
    if let Some(paper) = args.paper {
        order.settings.paper = paper;
    }
    let person = |field: Field, v: &str| crate::identity::normalise(field, v);
    let issued_by = person(Field::IssuedBy, &args.issued_by);
    let by = person(Field::AcknowledgedBy, &args.acknowledged_by);
    let Some(report) = compute(&args.raw, &order.settings, err) else { return Outcome::Invalid };
    let mut errors: Vec<crate::error::InputError> =
        order.patient.validate(now.date()).err().unwrap_or_default();
    errors.extend(issued_by.as_ref().err().cloned());
    errors.extend(by.as_ref().err().cloned());
    for (_, reason) in &args.reasons {
        errors.extend(person(Field::Reason, reason).err());
    }
    if !errors.is_empty() {
        for e in errors {
            let _ = writeln!(err, "{}", text::cli_field_error(&e));
        }
        return Outcome::Invalid;
    }
    order.issued_by = issued_by.unwrap_or_default();
    let by = by.unwrap_or_default();
    if !report.protocol_checks_pass() {
        let _ = writeln!(err, "{} {}", text::cli_error_prefix(), text::refuse_nk_out_of_range());
        return Outcome::ProtocolCheckFailed;
    }
    let warnings = order.warnings(&report);
    // A reason for a warning this order does not have is a typo, not a formality.
    if let Some((code, _)) = args.reasons.iter().find(|(c, _)| !warnings.iter().any(|w| w.code == *c)) {
        let _ = writeln!(err, "{} {}", text::cli_error_prefix(), text::cli_reason_for_no_warning(code));
        return Outcome::Invalid;
    }
    if !warnings.is_empty() {
        let missing = if by.is_empty() {
            warnings.iter().map(|w| w.code.clone()).collect()
        } else {
            let reasons: Vec<(String, String)> = args
                .reasons
                .iter()
                .map(|(c, r)| (c.clone(), crate::identity::normalise(Field::Reason, r).unwrap_or_default()))
                .collect();
            order.acknowledge_all(&report, &by, &reasons, now)
        };
        if !missing.is_empty() {
            let _ = writeln!(
                err,
                "{} {}",
                text::cli_error_prefix(),
                text::refuse_unacknowledged(warnings.iter().filter(|w| missing.contains(&w.code)).count())
            );
            for w in warnings.iter().filter(|w| missing.contains(&w.code)) {
                let _ = writeln!(err, "  - [{}] {}", w.code, w.message);
                if w.needs_reason {
                    let _ = writeln!(err, "    {}", text::cli_needs_reason(&w.code));
                }
            }
            let _ = writeln!(err, "{}", text::cli_unacknowledged_hint());
            return Outcome::Invalid;
        }
    }
    let register_path = match &args.register {
        Some(p) => Some(std::path::PathBuf::from(p)),
        None => register::default_path(),
    };
    if let (Some(out_path), Some(reg)) = (&args.out, &register_path)
        && same_file(std::path::Path::new(out_path), reg)
    {
        let _ = writeln!(err, "{}", text::cli_out_is_register(out_path));
        return Outcome::Invalid;
    }
    order.issue();
    let mut done = Vec::new();
    if let Some(out_path) = &args.out {
        let path = std::path::Path::new(out_path);
        match export_pdf(&order, now, path, args.force) {
            Ok(()) => {
                let _ = writeln!(out, "{}", text::written(path));
                done.push(RegisterAction::Exported);
            }
            Err(e) => {
                let _ = writeln!(err, "{} {e}", text::cli_error_prefix());
                return match e {
                    SheetError::Invalid(_) | SheetError::Unacknowledged(_) => Outcome::Invalid,
                    SheetError::NkOutOfRange => Outcome::ProtocolCheckFailed,
                    SheetError::File(
                        crate::order::FileError::Exists { .. } | crate::order::FileError::NotRegular { .. },
                    ) => Outcome::Invalid,
                    SheetError::File(_) | SheetError::Font | SheetError::StillTyping => Outcome::Failed,
                };
            }
        }
    }
    let mut outcome = Outcome::Ok;
    if args.print {
        match crate::print::print_sheet(&order, now, args.printer.as_deref()) {
            Ok(job) => {
                let _ = writeln!(out, "{}", text::printed(&job.id, args.printer.as_deref()));
                done.push(RegisterAction::Printed);
            }
            Err(e) => {
                let _ = writeln!(err, "{} {e}", text::cli_error_prefix());
                outcome = Outcome::Failed;
            }
        }
    }
    // Every sheet that left the program is recorded; a register that cannot be
    // written never blocks the order, but says so plainly and with its own exit code.
    if !done.is_empty() {
        match register_path {
            Some(path) => match record(&path, &order, &report, &done, now) {
                Ok(()) => {
                    for action in &done {
                        let _ = writeln!(out, "{}", text::recorded(*action, &path));
                    }
                }
                Err(e) => {
                    let _ = writeln!(err, "{}", text::not_recorded(&e));
                    if outcome == Outcome::Ok {
                        outcome = Outcome::NotRecorded;
                    }
                }
            },
            None => {
                let _ = writeln!(err, "{}", text::not_recorded_no_location());
                if outcome == Outcome::Ok {
                    outcome = Outcome::NotRecorded;
                }
            }
        }
    }
    outcome
}

/// Whether two paths name the same file (or would: the same absolute path).
fn same_file(a: &std::path::Path, b: &std::path::Path) -> bool {
    let absolute = |p: &std::path::Path| {
        std::fs::canonicalize(p).ok().or_else(|| std::env::current_dir().ok().map(|d| d.join(p)))
    };
    match (absolute(a), absolute(b)) {
        (Some(x), Some(y)) => x == y,
        _ => a == b,
    }
}

fn record(
    path: &std::path::Path,
    order: &crate::order::Order,
    report: &Report,
    actions: &[RegisterAction],
    now: chrono::NaiveDateTime,
) -> Result<(), register::RegisterError> {
    let mut reg = register::Register::open(path)?;
    for action in actions {
        reg.record(order, report, *action, now)?;
    }
    Ok(())
}

/// Validates and calculates; on failure writes every error to `err`.
pub fn compute(raw: &RawInputs, settings: &Settings, err: &mut dyn Write) -> Option<Report> {
    let inputs = match validate(raw) {
        Ok(i) => i,
        Err(errors) => {
            for e in errors {
                let _ = writeln!(err, "{}", text::cli_field_error(&e));
            }
            return None;
        }
    };
    match calculate(&inputs, settings) {
        Ok(r) => Some(r),
        Err(e) => {
            let _ = writeln!(err, "{}", text::cli_field_error(&e));
            None
        }
    }
}

/// The report as plain text, for a terminal.
pub fn render_text(r: &Report) -> String {
    let mut s = String::new();
    let mut line = |l: String| {
        s.push_str(&l);
        s.push('\n');
    };
    line(format!(
        "{} ({}) · {} {}",
        text::REGIMEN_TITLE,
        crate::regimen::NK_ACT_BC.protocol,
        text::L_CYCLE,
        r.inputs.cycle
    ));
    line(format!("{}: {}", text::L_BSA, text::m2(r.bsa.used_m2)));
    line(format!("  {}", r.bsa.working));
    for item in r.administration_order() {
        let d = match item {
            Administered::Dose(d) => d,
            Administered::Nk(nk) => {
                line(String::new());
                line(format!(
                    "{}: {} ({})",
                    text::L_NK,
                    text::nk_large(nk.count, nk.state),
                    text::nk_state(nk.state)
                ));
                line(format!("  {}", text::nk_line(nk.count, nk.state)));
                line(format!(
                    "  {}: {}",
                    text::L_ROUTE,
                    text::route_name(crate::regimen::Route::Intravenous)
                ));
                line(format!("  {}: {}", text::L_DAYS, text::day_with_date(nk.day.0, nk.day.1)));
                continue;
            }
        };
        line(String::new());
        let phase = d.phase.map(|p| format!(" ({})", text::phase_label(p))).unwrap_or_default();
        let badge =
            if d.phase.is_some_and(|p| p.loading && p.reason != crate::engine::PhaseReason::FirstCycle) {
                format!(" [{}]", text::RELOAD_BADGE)
            } else {
                String::new()
            };
        line(format!("{}: {}{}{}", text::drug_name(d.drug), text::amount(d.dose, d.unit), phase, badge));
        line(format!("  {}: {}", text::L_WORKING, d.working));
        if let Some(p) = d.phase {
            line(format!("  {}", text::phase_reason(p)));
        }
        line(format!("  {}: {}", text::L_ROUTE, text::route_name(d.route)));
        line(format!("  {}: {}", text::L_DAYS, text::dose_days(d)));
        if let (Some(hours), Some(nk)) = (d.after_nk_within_hours, &r.nk) {
            line(format!("  {}", text::after_nk_line(hours, nk.day.0)));
        }
        let p = &d.preparation;
        line(format!(
            "  {}: {}; {}: {}",
            text::L_STOCK,
            text::concentration(p.concentration_per_ml, d.unit),
            text::L_DRAW,
            p.working
        ));
        if p.too_small {
            line(format!("  {}: {}", text::L_TOO_SMALL, text::too_small_line(d)));
        }
        line(format!("  {}: {}", text::L_VIALS, text::vials(&p.vials, d.unit)));
        // A subcutaneous dose has no bag and no infusion time.
        if d.route == crate::regimen::Route::Intravenous {
            line(format!("  {}: {}", text::L_DILUENT, text::bag(p.diluent, p.bag_volume_ml)));
            line(format!("  {}: {}", text::L_INFUSION, text::infusion_line(p.infusion_minutes)));
        }
    }
    if r.nk.is_none() {
        line(String::new());
        line(format!("{}: {}", text::L_NK, text::L_NOT_IN_CYCLE));
    }
    if let Some(wc) = &r.weight_change {
        line(String::new());
        line(format!("{}: {}", text::L_WEIGHT_CHANGE, text::weight_change_line(wc)));
    }
    line(String::new());
    line(format!("{}:", text::L_SCHEDULE));
    for day in &r.schedule {
        let events: Vec<String> = day.events.iter().map(|e| text::event(*e)).collect();
        line(format!("  {}: {}", text::day_with_date(day.day, day.date), events.join(", ")));
    }
    line(String::new());
    line(format!("{}:", text::L_WARNINGS));
    if r.warnings.is_empty() {
        line(format!("  {}", text::L_NONE));
    }
    for w in &r.warnings {
        let reason = if w.needs_reason { format!(" {}", text::L_NEEDS_REASON) } else { String::new() };
        line(format!("  - [{}]{} {}", w.code, reason, w.message));
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
}

#[derive(Debug, Serialize)]
pub struct JsonWarning {
    pub code: String,
    pub message: String,
    pub needs_reason: bool,
}

#[derive(Debug, Serialize)]
pub struct JsonDose {
    pub drug: &'static str,
    pub dose: f64,
    pub unrounded: f64,
    pub unit: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub loading: Option<bool>,
    pub route: &'static str,
    pub days: Vec<i32>,
    pub dates: Vec<Option<String>>,
    pub working: String,
    pub volume_ml: f64,
    pub too_small_to_measure: bool,
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

impl From<&Report> for JsonReport {
    fn from(r: &Report) -> Self {
        let iso = |d: Option<chrono::NaiveDate>| d.map(|d| d.format("%Y-%m-%d").to_string());
        JsonReport {
            regimen: crate::regimen::NK_ACT_BC.name,
            protocol: crate::regimen::NK_ACT_BC.protocol,
            cycle: r.inputs.cycle,
            bsa_m2: r.bsa.used_m2,
            bsa_formula: r.bsa.formula.key(),
            bsa_unrounded_m2: r.bsa.unrounded_m2,
            bsa_cap_applied_m2: r.bsa.cap_applied_m2,
            bsa_working: r.bsa.working.clone(),
            doses: r
                .doses
                .iter()
                .map(|d| JsonDose {
                    drug: d.drug.key(),
                    dose: d.dose,
                    unrounded: d.unrounded,
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
                    working: d.working.clone(),
                    volume_ml: d.preparation.volume_ml,
                    too_small_to_measure: d.preparation.too_small,
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
            warnings: r.warnings.iter().map(|w| w.message.clone()).collect(),
            warning_codes: r
                .warnings
                .iter()
                .map(|w| JsonWarning {
                    code: w.code.clone(),
                    message: w.message.clone(),
                    needs_reason: w.needs_reason,
                })
                .collect(),
            protocol_checks_pass: r.protocol_checks_pass(),
            defaults_used: Vec::new(),
        }
    }
}
