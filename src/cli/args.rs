//! Parsing the arguments (clap) into the commands, every value as typed; problems worded in the run's language.

#[allow(unused_imports)]
use super::*;

/// The options that feed the engine, shared by `calc` and `order`.
#[derive(Debug, clap::Args)]
pub(super) struct DoseOptions {
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
pub(super) struct CalcCli {
    #[command(flatten)]
    dose: DoseOptions,
    /// Print one JSON object
    #[arg(long)]
    json: bool,
}

#[derive(Debug, clap::Args)]
#[command(after_help = CLI_EXIT_CODES)]
pub(super) struct OrderCli {
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
pub(super) enum Sub {
    /// Print the doses with the working (--json for JSON)
    Calc(CalcCli),
    /// Write and/or print the pharmacy order sheet, recorded in the order register
    Order(OrderCli),
    /// The order register: people, signed steps, list, show, reprint, verify, next-start
    Register(register::RegisterCli),
    /// The operational qualification: embedded reference cases, sheets, fonts, the register
    Selftest(super::selftest::SelftestCli),
    /// Print a shell completion script
    Completions {
        /// bash, zsh, fish, elvish or powershell
        shell: clap_complete::Shell,
    },
    /// Write the man pages (nkact-dose.1 and one per command) into a folder: for packaging
    #[command(hide = true)]
    Manpages {
        #[arg(value_name = "DIR")]
        dir: OsString,
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
pub(super) struct Cli {
    #[command(subcommand)]
    command: Option<Sub>,
    /// The window's language: en, es or ca (default: the last one chosen, else the system locale)
    #[arg(long, value_name = "LANG")]
    lang: Option<OsString>,
}

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

/// `--lang` as a language, or a usage error worded in the system's language.
pub(super) fn lang_option(v: &Option<OsString>) -> Result<Option<Lang>, Usage> {
    let fallback = Words::new(crate::locale::system_lang(|k| std::env::var(k).ok()), None);
    match value(&fallback, "--lang", v)? {
        None => Ok(None),
        Some(v) => Lang::from_key(v.trim().to_ascii_lowercase().as_str()).map(Some).ok_or_else(|| {
            Usage(error_line(&fallback, &fallback.msg(msg!("cli-bad-lang", "value" => quoted_inner(&v, 40)))))
        }),
    }
}

/// The language of a run: `--lang` when given, else the system locale's, else English.
pub(super) fn words_for(d: &DoseOptions) -> Result<Words, Usage> {
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
        Some(Sub::Manpages { dir }) => {
            let dir = std::path::PathBuf::from(dir);
            let pages = man_pages(&dir).map_err(|e| Usage(format!("{PROGRAM}: {}: {e}", dir.display())))?;
            Ok(Command::Print(format!("{pages} man pages written to {}\n", dir.display())))
        }
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
        Some(Sub::Selftest(s)) => Ok(Command::Selftest(super::selftest::args(s)?)),
    }
}

/// Writes `nkact-dose.1` and `nkact-dose-COMMAND.1` for every visible command (and
/// `nkact-dose-register-COMMAND.1` for the register's) from the clap definitions.
fn man_pages(dir: &std::path::Path) -> std::io::Result<usize> {
    use clap::CommandFactory;
    std::fs::create_dir_all(dir)?;
    let mut written = 0;
    let mut write = |name: String, cmd: clap::Command| -> std::io::Result<()> {
        let mut buf = Vec::new();
        clap_mangen::Man::new(cmd).title(name.to_uppercase()).render(&mut buf)?;
        std::fs::write(dir.join(format!("{name}.1")), buf)?;
        written += 1;
        Ok(())
    };
    let root = Cli::command();
    write(PROGRAM.to_owned(), root.clone())?;
    for sub in root.get_subcommands().filter(|s| !s.is_hide_set()) {
        let name = format!("{PROGRAM}-{}", sub.get_name());
        write(name.clone(), sub.clone())?;
        for inner in sub.get_subcommands().filter(|s| !s.is_hide_set() && s.get_name() != "help") {
            write(format!("{name}-{}", inner.get_name()), inner.clone())?;
        }
    }
    Ok(written)
}

/// Keeps a usage message readable: a 100 kB value is not echoed back whole.
pub(super) fn clip_usage(message: &str) -> String {
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
pub(super) fn value(w: &Words, option: &str, v: &Option<OsString>) -> Result<Option<String>, Usage> {
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
pub(super) fn option_label(option: &str) -> Option<Field> {
    Field::ALL.into_iter().chain(Field::PEOPLE_AND_PATIENT).find(|f| field_option(*f) == option)
}

/// Options whose values may start with a hyphen (numbers and dates: the
/// validator then names the field and what it accepts).
pub(super) fn option_takes_hyphen_values(option: &str) -> bool {
    Field::ALL.iter().any(|f| field_option(*f) == option)
}

pub(super) fn raw_inputs(w: &Words, d: &DoseOptions) -> Result<RawInputs, Usage> {
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
pub(super) fn raw_clinical(w: &Words, d: &DoseOptions) -> Result<RawClinical, Usage> {
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

/// `order`'s options into its command, one option per line, every value as typed.
/// Long because `order` has that many options.
pub(super) fn order_args(o: OrderCli) -> Result<Command, Usage> {
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
