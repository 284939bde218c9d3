//! The command line: arguments in, text or JSON out, and the exit code decided
//! in one place ([`Outcome`]). The engine does the work; this module parses
//! options and draws the report.

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
    /// The window could not open, or a file could not be written.
    Failed,
}

impl Outcome {
    pub fn code(self) -> u8 {
        match self {
            Outcome::Ok => 0,
            Outcome::ProtocolCheckFailed => 1,
            Outcome::Invalid => 2,
            Outcome::Failed => 3,
        }
    }
}

/// What the command line asked for.
// Parsed once per process: the variants' sizes do not matter.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Command {
    Window,
    Help,
    Version,
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
    pub issued_by: String,
    pub paper: Option<crate::settings::Paper>,
}

/// A usage problem, already worded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Usage(pub String);

const FIELD_OPTIONS: [Field; 10] = Field::ALL;

/// Parses the arguments after the program name.
pub fn parse_args(args: &[String]) -> Result<Command, Usage> {
    let Some(first) = args.first() else { return Ok(Command::Window) };
    let order = match first.as_str() {
        "-h" | "--help" | "help" => return Ok(Command::Help),
        "-V" | "--version" => return Ok(Command::Version),
        "calc" => false,
        "order" => true,
        other => return Err(Usage(text::cli_unknown_command(other))),
    };
    let mut raw = RawInputs::default();
    let mut patient = crate::order::Patient::default();
    let mut json = false;
    let mut force = false;
    let mut out: Option<String> = None;
    let mut acknowledged_by = String::new();
    let mut issued_by = String::new();
    let mut paper = None;
    let mut print = false;
    let mut printer = None;
    let mut register = None;
    let mut seen: Vec<String> = Vec::new();
    let mut it = args[1..].iter();
    while let Some(arg) = it.next() {
        let (name, inline) = match arg.split_once('=') {
            Some((n, v)) if n.starts_with("--") => (n.to_owned(), Some(v.to_owned())),
            _ => (arg.clone(), None),
        };
        if name == "-h" || name == "--help" {
            return Ok(Command::Help);
        }
        if seen.contains(&name) {
            return Err(Usage(text::cli_repeated_option(&name)));
        }
        seen.push(name.clone());
        match name.as_str() {
            "--json" if !order => json = true,
            "--force" if order => force = true,
            "--print" if order => print = true,
            _ => {
                let mut value = || -> Result<String, Usage> {
                    match &inline {
                        Some(v) => Ok(v.clone()),
                        None => it.next().cloned().ok_or_else(|| Usage(text::cli_missing_value(&name))),
                    }
                };
                if let Some(field) = FIELD_OPTIONS.iter().find(|f| text::field_option(**f) == name) {
                    let v = value()?;
                    if let Some(slot) = raw.get_mut(*field) {
                        *slot = v;
                    }
                } else if order && name == "--out" {
                    out = Some(value()?);
                } else if order && name == "--acknowledged-by" {
                    acknowledged_by = value()?;
                } else if order && name == "--printer" {
                    printer = Some(value()?);
                } else if order && name == "--register" {
                    register = Some(value()?);
                } else if order && name == "--issued-by" {
                    issued_by = value()?;
                } else if order && name == "--paper" {
                    let v = value()?;
                    paper = Some(match v.to_ascii_lowercase().as_str() {
                        "a4" => crate::settings::Paper::A4,
                        "letter" => crate::settings::Paper::Letter,
                        _ => return Err(Usage(text::cli_bad_paper(&v))),
                    });
                } else if order && let Some(slot) = patient.option_mut(&name) {
                    *slot = value()?;
                } else {
                    return Err(Usage(text::cli_unknown_option(&name)));
                }
            }
        }
    }
    if order {
        if out.is_none() && !print {
            return Err(Usage(text::cli_missing_value("--out")));
        }
        Ok(Command::Order(OrderArgs {
            raw,
            patient,
            out,
            print,
            printer,
            register,
            force,
            acknowledged_by,
            issued_by,
            paper,
        }))
    } else {
        Ok(Command::Calc(CalcArgs { raw, json }))
    }
}

/// Runs `calc`: prints the report (or JSON) and returns the outcome.
pub fn run_calc(args: &CalcArgs, settings: &Settings, out: &mut dyn Write, err: &mut dyn Write) -> Outcome {
    let report = match compute(&args.raw, settings, err) {
        Some(r) => r,
        None => return Outcome::Invalid,
    };
    let body = if args.json {
        match serde_json::to_string_pretty(&JsonReport::from(&report)) {
            Ok(s) => s + "\n",
            Err(e) => {
                let _ = writeln!(err, "{} {e}", text::cli_error_prefix());
                return Outcome::Failed;
            }
        }
    } else {
        render_text(&report)
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
/// sheet atomically.
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
    order.issued_by = args.issued_by.trim().to_owned();
    if let Some(paper) = args.paper {
        order.settings.paper = paper;
    }
    let Some(report) = compute(&args.raw, &order.settings, err) else { return Outcome::Invalid };
    if let Err(errors) = order.patient.validate(now.date()) {
        for e in errors {
            let _ = writeln!(err, "{}", text::cli_field_error(&e));
        }
        return Outcome::Invalid;
    }
    if !report.protocol_checks_pass() {
        let _ = writeln!(err, "{} {}", text::cli_error_prefix(), text::refuse_nk_out_of_range());
        return Outcome::ProtocolCheckFailed;
    }
    let by = args.acknowledged_by.trim();
    if !report.warnings.is_empty() {
        if by.is_empty() {
            let _ = writeln!(
                err,
                "{} {}",
                text::cli_error_prefix(),
                text::refuse_unacknowledged(report.warnings.len())
            );
            for w in &report.warnings {
                let _ = writeln!(err, "  - {}", w.message);
            }
            let _ = writeln!(err, "{}", text::cli_unacknowledged_hint());
            return Outcome::Invalid;
        }
        order.acknowledge_all(&report, by, now);
    }
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
                    SheetError::File(crate::order::FileError::Exists { .. }) => Outcome::Invalid,
                    SheetError::File(_) | SheetError::Font => Outcome::Failed,
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
    // written never blocks the order, but says so plainly.
    if !done.is_empty() {
        let register_path =
            args.register.as_ref().map(std::path::PathBuf::from).or_else(register::default_path);
        match register_path {
            Some(path) => match record(&path, &order, &report, &done, now) {
                Ok(()) => {
                    for action in &done {
                        let _ = writeln!(out, "{}", text::recorded(*action, &path));
                    }
                }
                Err(e) => {
                    let _ = writeln!(err, "{}", text::not_recorded(&e));
                }
            },
            None => {
                let _ = writeln!(err, "{}", text::not_recorded_no_location());
            }
        }
    }
    outcome
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
                    "{}: {} {}",
                    text::L_NK,
                    text::nk_state(nk.state),
                    text::nk_line(nk.count, nk.state)
                ));
                line(format!("  {}: {}", text::L_DAYS, text::day_with_date(nk.day.0, nk.day.1)));
                continue;
            }
        };
        line(String::new());
        let phase = d.phase.map(|p| format!(" ({})", text::phase_label(p))).unwrap_or_default();
        line(format!("{}: {}{}", text::drug_name(d.drug), text::amount(d.dose, d.unit), phase));
        line(format!("  {}: {}", text::L_WORKING, d.working));
        if let Some(p) = d.phase {
            line(format!("  {}", text::phase_reason(p)));
        }
        line(format!("  {}: {}", text::L_ROUTE, text::route_name(d.route)));
        line(format!("  {}: {}", text::L_DAYS, text::dose_days(d)));
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
    line(String::new());
    match &r.nk {
        Some(nk) => line(format!(
            "{}: {} {}",
            text::L_NK,
            text::nk_state(nk.state),
            text::nk_line(nk.count, nk.state)
        )),
        None => line(format!("{}: {}", text::L_NK, text::L_NOT_IN_CYCLE)),
    }
    if let Some(wc) = &r.weight_change {
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
        line(format!("  - {}", w.message));
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
    pub protocol_checks_pass: bool,
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
            weight_change_pct: r.weight_change.map(|w| crate::numfmt::round_decimals(w.change_pct, 2)),
            warnings: r.warnings.iter().map(|w| w.message.clone()).collect(),
            protocol_checks_pass: r.protocol_checks_pass(),
        }
    }
}

/// Version line for `--version`.
pub fn version_line() -> String {
    format!("{} {}", text::PROGRAM, env!("CARGO_PKG_VERSION"))
}
