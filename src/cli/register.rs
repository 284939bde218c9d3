//! `nkact-dose register …`: the shared register from the command line —
//! people, signed steps, the list, one entry, a reprint, the chain check and
//! the trial's next permitted start. Secrets are read from `--secret-file` or
//! `NKACT_DOSE_SECRET`, never from an argument.

use std::ffi::OsString;
use std::io::Write;

use chrono::NaiveDateTime;
use serde::Serialize;

use super::{Outcome, Usage, error_line};
use crate::msg;
use crate::present::Words;
use crate::present::words::quoted_inner;
use crate::register::{Filter, Person, PersonChange, Register, RegisterAction, Role, Step};

mod anchors;
mod people;
mod product;
#[allow(unused_imports)]
use people::*;

#[derive(Debug, clap::Args)]
pub(super) struct RegisterCli {
    /// The order register: a postgres:// URL (shared) or a file path (SQLite; default: $NKACT_DOSE_REGISTER, else the user's data folder)
    #[arg(long, value_name = "URL|PATH", global = true)]
    register: Option<OsString>,
    /// Language of the output: en, es or ca
    #[arg(long, value_name = "LANG", global = true)]
    lang: Option<OsString>,
    #[command(subcommand)]
    command: RegisterSub,
}

#[derive(Debug, clap::Subcommand)]
enum RegisterSub {
    /// Create the first person, an administrator (once)
    Init {
        #[arg(long, value_name = "NAME")]
        admin: OsString,
        /// A file holding the administrator's secret (password or PIN, at least 6 characters)
        #[arg(long, value_name = "FILE")]
        secret_file: Option<OsString>,
    },
    /// Add, disable, reset or list the people who may act (administrator only)
    People {
        #[command(subcommand)]
        command: PeopleSub,
    },
    /// Entries, newest first
    List {
        /// The start of the record number
        #[arg(long, value_name = "ID")]
        patient_id: Option<OsString>,
        #[arg(long, value_name = "YYYY-MM-DD")]
        since: Option<OsString>,
        /// At most this many entries
        #[arg(long, value_name = "N")]
        limit: Option<u32>,
        #[arg(long)]
        json: bool,
    },
    /// One entry with its signed steps
    Show {
        /// The entry's number (from `register list`) or an order ID (its latest sheet)
        id: String,
        #[arg(long)]
        json: bool,
    },
    /// The sheet of an entry again, recorded as a reprint
    Reprint {
        /// The entry's number (from `register list`) or an order ID (its latest sheet)
        id: String,
        #[arg(long, value_name = "FILE.pdf")]
        out: Option<OsString>,
        #[arg(long)]
        print: bool,
        #[arg(long, value_name = "NAME", requires = "print")]
        printer: Option<OsString>,
        /// Who reprints it (needed in a register that knows people)
        #[arg(long = "as", value_name = "NAME")]
        person: Option<OsString>,
        #[arg(long, value_name = "FILE")]
        secret_file: Option<OsString>,
    },
    /// Check the whole hash chain and every signature: exit 0 intact, 1 naming every record that does not match
    Verify {
        /// Checkpoints (`register checkpoint`) or sheets (the PDF, or a scan PNG/JPEG) kept outside
        /// the register: shows whether records were removed or rewritten since
        #[arg(long, value_name = "FILE", num_args = 1..)]
        against: Vec<OsString>,
    },
    /// Write the chain's head, signed by you, to a file kept outside the register
    Checkpoint {
        #[arg(long, value_name = "FILE")]
        out: OsString,
        #[arg(long = "as", value_name = "NAME")]
        person: OsString,
        #[arg(long, value_name = "FILE")]
        secret_file: Option<OsString>,
        /// Replace an existing file
        #[arg(long)]
        force: bool,
    },
    /// What the register says of a sheet: the PDF, or a scan or photo of the printed page (PNG/JPEG)
    VerifySheet {
        file: OsString,
        #[arg(long)]
        json: bool,
    },
    /// When the next patient may start (the trial's stagger rule)
    NextStart {
        #[arg(long, value_name = "lead-in|expansion")]
        cohort: OsString,
        #[arg(long)]
        json: bool,
    },
    /// Sign a step of an order: validated, prepared, double-checked, administered
    Sign {
        order_id: String,
        #[arg(long, value_name = "STEP")]
        step: OsString,
        #[arg(long = "as", value_name = "NAME")]
        person: OsString,
        #[arg(long, value_name = "FILE")]
        secret_file: Option<OsString>,
        /// The order's revision (default 1)
        #[arg(long, value_name = "N", default_value_t = 1)]
        revision: u32,
        /// The check did not pass (recorded as failed)
        #[arg(long)]
        failed: bool,
        /// Administered: the drug, its protocol day and the time given
        #[arg(long, value_name = "DRUG")]
        drug: Option<OsString>,
        #[arg(long, value_name = "N", allow_hyphen_values = true)]
        day: Option<i32>,
        #[arg(long, value_name = "YYYY-MM-DD HH:MM")]
        at: Option<OsString>,
        /// Prepared: a vial's GS1 code as the scanner types it (once per vial)
        #[arg(long = "scan", value_name = "CODE")]
        scans: Vec<OsString>,
        /// Prepared: a vial's lot typed by hand (with --expiry)
        #[arg(long, value_name = "LOT", requires = "expiry")]
        lot: Option<OsString>,
        #[arg(long, value_name = "YYYY-MM-DD", requires = "lot")]
        expiry: Option<OsString>,
        /// Prepared: the volume or mass measured, as written on the worksheet ("26.8 mL", "27.3 g")
        #[arg(long, value_name = "TEXT")]
        measured: Option<OsString>,
        /// Prepared: the bag or syringe this preparation is (its number on the worksheet and label)
        #[arg(long, value_name = "N")]
        bag: Option<u32>,
    },
    /// The preparation worksheet of an order's latest revision (PDF)
    Worksheet {
        order_id: String,
        #[arg(long, value_name = "FILE.pdf")]
        out: Option<OsString>,
        #[arg(long)]
        print: bool,
        #[arg(long, value_name = "NAME", requires = "print")]
        printer: Option<OsString>,
    },
    /// The bag labels of an order's latest revision (PDF), signed as printed by you
    Labels {
        order_id: String,
        #[arg(long, value_name = "FILE.pdf")]
        out: Option<OsString>,
        #[arg(long)]
        print: bool,
        #[arg(long, value_name = "NAME", requires = "print")]
        printer: Option<OsString>,
        #[arg(long = "as", value_name = "NAME")]
        person: Option<OsString>,
        #[arg(long, value_name = "FILE")]
        secret_file: Option<OsString>,
    },
    /// Receive the NK cell product: its IDs against the order's, its condition, its release or thaw time
    Receive {
        order_id: String,
        #[arg(long, value_name = "ID")]
        product: OsString,
        #[arg(long, value_name = "ID")]
        bag: OsString,
        #[arg(long, value_name = "YYYY-MM-DD HH:MM")]
        released_at: OsString,
        /// The temperature on arrival, as read
        #[arg(long, value_name = "TEXT")]
        temperature: OsString,
        /// The bag's integrity on arrival, as seen
        #[arg(long, value_name = "TEXT")]
        integrity: OsString,
        #[arg(long = "as", value_name = "NAME")]
        person: OsString,
        #[arg(long, value_name = "FILE")]
        secret_file: Option<OsString>,
    },
    /// The bedside check (the bag's label code and the wristband against the order), then the administration signed
    Administer {
        order_id: String,
        /// The bag's label code as scanned (or the NK bag's ID)
        #[arg(long, value_name = "CODE")]
        bag_code: OsString,
        /// The patient's wristband (record number) as scanned
        #[arg(long, value_name = "ID")]
        wristband: OsString,
        #[arg(long = "as", value_name = "NAME")]
        person: OsString,
        #[arg(long, value_name = "FILE")]
        secret_file: Option<OsString>,
        /// When it is given (default: now)
        #[arg(long, value_name = "YYYY-MM-DD HH:MM")]
        at: Option<OsString>,
        /// An override: the prescriber's reason (with --prescriber)
        #[arg(long, value_name = "TEXT", requires = "prescriber")]
        reason: Option<OsString>,
        /// An override: the prescriber who gives it (signs in with --prescriber-secret-file)
        #[arg(long, value_name = "NAME", requires = "reason")]
        prescriber: Option<OsString>,
        #[arg(long, value_name = "FILE")]
        prescriber_secret_file: Option<OsString>,
    },
    /// Every patient, order and bag that received a lot, or everything done with an NK product
    Trace {
        #[arg(
            long,
            value_name = "LOT",
            conflicts_with = "nk_product",
            required_unless_present = "nk_product"
        )]
        lot: Option<OsString>,
        #[arg(long, value_name = "ID")]
        nk_product: Option<OsString>,
        #[arg(long)]
        json: bool,
    },
    /// Overrides given (criteria, the stagger rule, the bedside check), counted
    Overrides {
        #[arg(long)]
        json: bool,
    },
}

#[derive(Debug, clap::Subcommand)]
enum PeopleSub {
    Add {
        name: OsString,
        #[arg(long, value_name = "ROLE")]
        role: OsString,
        /// The new person's secret
        #[arg(long, value_name = "FILE")]
        secret_file: Option<OsString>,
        #[arg(long = "as", value_name = "ADMIN")]
        admin: OsString,
        /// The administrator's secret (else NKACT_DOSE_SECRET)
        #[arg(long, value_name = "FILE")]
        as_secret_file: Option<OsString>,
    },
    Disable {
        name: OsString,
        #[arg(long = "as", value_name = "ADMIN")]
        admin: OsString,
        #[arg(long, value_name = "FILE")]
        as_secret_file: Option<OsString>,
    },
    Reset {
        name: OsString,
        #[arg(long, value_name = "FILE")]
        secret_file: Option<OsString>,
        #[arg(long = "as", value_name = "ADMIN")]
        admin: OsString,
        #[arg(long, value_name = "FILE")]
        as_secret_file: Option<OsString>,
    },
    /// Lift a lockout after too many wrong secrets (administrator only)
    Unlock {
        name: OsString,
        #[arg(long = "as", value_name = "ADMIN")]
        admin: OsString,
        #[arg(long, value_name = "FILE")]
        as_secret_file: Option<OsString>,
    },
    List,
    /// Enrolments, role changes, disables, resets, unlocks and failed sign-ins, with time and signer
    Log {
        #[arg(long)]
        json: bool,
    },
}

/// A parsed `register` command, run by [`run`].
#[derive(Debug)]
pub struct RegisterArgs {
    cli: RegisterCli,
    pub words: Words,
}

pub(super) fn args(cli: RegisterCli) -> Result<RegisterArgs, Usage> {
    let words = words_for_lang(cli.lang.as_ref())?;
    Ok(RegisterArgs { cli, words })
}

/// The words of a run with `--lang` (else the system's language), or the refusal of a bad one.
pub(super) fn words_for_lang(lang: Option<&OsString>) -> Result<Words, Usage> {
    let system = crate::locale::system_lang(|k| std::env::var(k).ok());
    let lang = match lang.and_then(|l| l.to_str()) {
        Some(l) => crate::locale::Lang::from_key(l.trim()).ok_or_else(|| {
            let w = Words::new(system, None);
            Usage(error_line(&w, &w.msg(msg!("cli-bad-lang", "value" => quoted_inner(l, 40)))))
        })?,
        None => system,
    };
    Ok(Words::new(lang, None))
}

/// An argument as text, or the worded refusal naming its option.
fn text(w: &Words, option: &str, v: &OsString) -> Result<String, String> {
    v.to_str().map(|s| s.trim().to_owned()).ok_or_else(|| {
        w.msg(msg!("cli-not-utf8", "option" => option, "value" => quoted_inner(&v.to_string_lossy(), 40)))
    })
}

/// A secret from a file (a regular file of at most 4 kB; its last line break dropped) or the environment.
pub fn read_secret(w: &Words, file: Option<&OsString>) -> Result<String, String> {
    let secret = match file {
        Some(f) => {
            let path = std::path::Path::new(f);
            match std::fs::metadata(path) {
                Ok(m) if m.is_file() && m.len() <= 4096 => {
                    std::fs::read_to_string(path).map_err(|e| e.to_string())?
                }
                Ok(_) => return Err(w.msg(msg!("cli-secret-file-bad"))),
                Err(e) => return Err(e.to_string()),
            }
        }
        None => std::env::var("NKACT_DOSE_SECRET").map_err(|_| w.msg(msg!("cli-secret-missing")))?,
    };
    let secret = secret.strip_suffix('\n').unwrap_or(&secret);
    let secret = secret.strip_suffix('\r').unwrap_or(secret).to_owned();
    if secret.is_empty() {
        return Err(w.msg(msg!("cli-secret-missing")));
    }
    Ok(secret)
}

/// The register of a run: `--register`, else the default location.
pub fn location(given: Option<&str>) -> Option<String> {
    given
        .map(str::to_owned)
        .or_else(|| crate::register::default_path().map(|p| p.to_string_lossy().into_owned()))
}

/// [`authenticate`] for signing `step` (recorded with a failed sign-in).
pub fn authenticate_for(
    w: &Words,
    reg: &mut Register,
    name: &str,
    secret_file: Option<&OsString>,
    now: NaiveDateTime,
    step: &str,
) -> Result<Person, String> {
    reg.attempting(step, "");
    authenticate(w, reg, name, secret_file, now)
}

/// Opens the register and proves who `name` is with the secret; every failure worded.
pub fn authenticate(
    w: &Words,
    reg: &mut Register,
    name: &str,
    secret_file: Option<&OsString>,
    now: NaiveDateTime,
) -> Result<Person, String> {
    let secret = read_secret(w, secret_file)?;
    match reg.authenticate(name, &secret, now) {
        Ok(Ok(p)) => Ok(p),
        Ok(Err(p)) => Err(w.person_problem(&p, name)),
        Err(e) => Err(w.register_error(&e)),
    }
}

#[derive(Serialize)]
struct JsonEntry {
    id: i64,
    order_id: String,
    revision: u32,
    patient_id: String,
    patient_name: String,
    subject: String,
    cohort: String,
    cycle: u32,
    day1: Option<String>,
    action: &'static str,
    at: String,
    issued_by: String,
    verifier: Option<String>,
    superseded: bool,
    /// The record still matches its link in the chain.
    intact: bool,
    doses: Vec<crate::register::RecordedDose>,
}

impl JsonEntry {
    fn of(e: &crate::register::Entry) -> Self {
        JsonEntry {
            id: e.id,
            order_id: e.order_id.clone(),
            revision: e.revision,
            patient_id: e.patient_id.clone(),
            patient_name: e.patient_name.clone(),
            subject: e.subject.clone(),
            cohort: e.cohort.clone(),
            cycle: e.cycle,
            day1: e.day1.clone(),
            action: e.action.key(),
            at: e.at.format("%Y-%m-%dT%H:%M:%S").to_string(),
            issued_by: e.issued_by.clone(),
            verifier: e.verifier.clone(),
            superseded: e.superseded,
            intact: e.intact,
            doses: e.doses.clone(),
        }
    }
}

#[derive(Serialize)]
struct JsonStep {
    step: &'static str,
    person: String,
    role: String,
    ok: bool,
    detail: String,
    at: String,
}

/// Runs a `register` command.
pub fn run(a: &RegisterArgs, now: NaiveDateTime, out: &mut dyn Write, err: &mut dyn Write) -> Outcome {
    let w = &a.words;
    let given = a.cli.register.as_ref().and_then(|r| r.to_str());
    let Some(loc) = location(given) else {
        return fail(w, err, &w.msg(msg!("not-recorded-no-location")), Outcome::Failed);
    };
    let mut reg = match Register::connect(&loc) {
        Ok(r) => r,
        Err(e) => return fail(w, err, &w.register_error(&e), Outcome::Failed),
    };
    let mut run = Run { w, now, out: &mut *out, err: &mut *err };
    match &a.cli.command {
        RegisterSub::Init { .. } => init_register(&mut run, &mut reg, &a.cli.command),
        RegisterSub::People { command } => people(w, &mut reg, command, now, out, err),
        RegisterSub::List { .. } => list_entries(&mut run, &mut reg, &a.cli.command),
        RegisterSub::Show { .. } => show_entry(&mut run, &mut reg, &a.cli.command),
        RegisterSub::Reprint { .. } => reprint_entry(&mut run, &mut reg, &a.cli.command),
        RegisterSub::Verify { .. } => anchors::verify_register(&mut run, &mut reg, &a.cli.command),
        RegisterSub::Checkpoint { .. } => anchors::write_checkpoint(&mut run, &mut reg, &a.cli.command),
        RegisterSub::VerifySheet { .. } => anchors::verify_sheet(&mut run, &mut reg, &a.cli.command),
        RegisterSub::NextStart { .. } => next_start(&mut run, &mut reg, &a.cli.command),
        RegisterSub::Sign { .. } => sign_step(&mut run, &mut reg, &a.cli.command),
        RegisterSub::Worksheet { .. } | RegisterSub::Labels { .. } => {
            product::papers(&mut run, &mut reg, &a.cli.command)
        }
        RegisterSub::Receive { .. } => product::receive(&mut run, &mut reg, &a.cli.command),
        RegisterSub::Administer { .. } => product::administer(&mut run, &mut reg, &a.cli.command),
        RegisterSub::Trace { .. } => product::trace(&mut run, &mut reg, &a.cli.command),
        RegisterSub::Overrides { .. } => product::overrides(&mut run, &mut reg, &a.cli.command),
    }
}

/// An entry named by its number or by an order ID (the order's latest sheet), or
/// a message in the run's language (issue 18: an order ID gave clap's English
/// "invalid digit found in string").
fn entry_number(w: &Words, reg: &mut Register, id: &str) -> Result<i64, String> {
    let id = id.trim();
    if let Ok(n) = id.parse::<i64>() {
        return Ok(n);
    }
    match reg.latest_entry_of(id) {
        Ok(Some(n)) => Ok(n),
        Ok(None) => {
            Err(w.msg(msg!("cli-no-such-entry", "id" => crate::present::words::quoted_inner(id, 60))))
        }
        Err(e) => Err(w.register_error(&e)),
    }
}

/// What every subcommand writes with: the run's words and clock, and its two streams.
struct Run<'a> {
    w: &'a Words,
    now: NaiveDateTime,
    out: &'a mut dyn Write,
    err: &'a mut dyn Write,
}

/// Says `message` as an error of this run and gives `outcome`.
fn fail(w: &Words, err: &mut dyn Write, message: &str, outcome: Outcome) -> Outcome {
    let _ = writeln!(err, "{}", error_line(w, message));
    outcome
}

/// Says why the register could not be used.
fn reg_err(w: &Words, err: &mut dyn Write, e: &crate::register::RegisterError) -> Outcome {
    fail(w, err, &w.register_error(e), Outcome::Failed)
}

/// `register init`.
fn init_register(run: &mut Run<'_>, reg: &mut Register, sub: &RegisterSub) -> Outcome {
    let RegisterSub::Init { admin, secret_file } = sub else { return Outcome::Invalid };
    let (w, now, out, err) = (run.w, run.now, &mut *run.out, &mut *run.err);

    let name = match text(w, "--admin", admin) {
        Ok(n) => n,
        Err(m) => return fail(w, err, &m, Outcome::Invalid),
    };
    if let Err(e) = crate::identity::normalise(crate::error::Field::IssuedBy, &name).and_then(|n| {
        if n.is_empty() {
            Err(crate::error::InputError::new(
                crate::error::Field::IssuedBy,
                "",
                crate::error::Problem::Missing,
            ))
        } else {
            Ok(n)
        }
    }) {
        return fail(w, err, &w.input_error(&e), Outcome::Invalid);
    }
    let secret = match read_secret(w, secret_file.as_ref()) {
        Ok(s) => s,
        Err(m) => return fail(w, err, &m, Outcome::Invalid),
    };
    match reg.init(&name, &secret, now) {
        Ok(Ok(())) => {
            let _ = writeln!(out, "{}", w.msg(msg!("register-initialised", "name" => name.clone())));
            // The root of the register's signatures, for the site to keep outside it.
            if let Ok(Some(fingerprint)) = reg.key_fingerprint(&name) {
                let _ = writeln!(
                    out,
                    "{}",
                    w.msg(msg!("register-root-key", "name" => name, "fingerprint" => fingerprint))
                );
            }
            Outcome::Ok
        }
        Ok(Err(p)) => fail(w, err, &w.person_problem(&p, &name), Outcome::Invalid),
        Err(e) => reg_err(w, err, &e),
    }
}

/// `register list`.
fn list_entries(run: &mut Run<'_>, reg: &mut Register, sub: &RegisterSub) -> Outcome {
    let RegisterSub::List { patient_id, since, limit, json } = sub else { return Outcome::Invalid };
    let (w, out, err) = (run.w, &mut *run.out, &mut *run.err);

    let since = match since.as_ref().map(|s| {
        text(w, "--since", s).ok().and_then(|t| chrono::NaiveDate::parse_from_str(&t, "%Y-%m-%d").ok())
    }) {
        Some(None) => return fail(w, err, &w.msg(msg!("cli-bad-since")), Outcome::Invalid),
        Some(d) => d,
        None => None,
    };
    // A filter that cannot be read is refused, never dropped: it listed every patient (issue 20).
    let patient_id = match patient_id.as_ref().map(|p| text(w, "--patient-id", p)) {
        Some(Ok(p)) => p,
        Some(Err(m)) => return fail(w, err, &m, Outcome::Invalid),
        None => String::new(),
    };
    let filter = Filter { patient_id, since, limit: limit.unwrap_or(0), ..Filter::default() };
    match reg.list(&filter) {
        Ok(entries) if *json => {
            let list: Vec<JsonEntry> = entries.iter().map(JsonEntry::of).collect();
            let _ = writeln!(out, "{}", serde_json::to_string_pretty(&list).unwrap_or_default());
            Outcome::Ok
        }
        Ok(entries) => {
            for e in &entries {
                let _ = writeln!(
                    out,
                    "{}  {}  {} rev. {}  {}  {}  {}  {}  {}",
                    e.id,
                    e.at.format("%Y-%m-%d %H:%M"),
                    quoted_inner(&e.order_id, 80),
                    e.revision,
                    quoted_inner(&e.patient_id, 80),
                    quoted_inner(&e.subject, 80),
                    w.register_action(e.action),
                    w.register_doses(&e.doses),
                    quoted_inner(&e.issued_by, 100)
                );
                if !e.intact {
                    let _ = writeln!(out, "    {}", w.msg(msg!("entry-broken-mark")));
                }
            }
            Outcome::Ok
        }
        Err(e) => reg_err(w, err, &e),
    }
}

/// `register show`.
fn show_entry(run: &mut Run<'_>, reg: &mut Register, sub: &RegisterSub) -> Outcome {
    let RegisterSub::Show { id, json } = sub else { return Outcome::Invalid };
    let (w, out, err) = (run.w, &mut *run.out, &mut *run.err);

    let id = match entry_number(w, reg, id) {
        Ok(n) => n,
        Err(m) => return fail(w, err, &m, Outcome::Invalid),
    };
    let entry = match reg.entry(id) {
        Ok(e) => e,
        Err(e) => return fail(w, err, &w.register_error(&e), Outcome::Invalid),
    };
    let chain = match reg.chain_of(&entry.order_id) {
        Ok(c) => c,
        Err(e) => return reg_err(w, err, &e),
    };
    let steps: Vec<JsonStep> = chain
        .iter()
        .map(|s| JsonStep {
            step: s.step.key(),
            person: s.person.clone(),
            role: s.role.clone(),
            ok: s.ok,
            detail: s.detail.clone(),
            at: s.at.format("%Y-%m-%dT%H:%M:%S").to_string(),
        })
        .collect();
    if *json {
        #[derive(Serialize)]
        struct Shown {
            #[serde(flatten)]
            entry: JsonEntry,
            chain: Vec<JsonStep>,
            /// The bags and syringes of this sheet's order, with their label codes (issue 21).
            bags: Vec<JsonBag>,
        }
        #[derive(Serialize)]
        struct JsonBag {
            bag: u32,
            of: u32,
            drug: &'static str,
            day: i32,
            /// The label's Data Matrix content after its leading FNC1 (GS, ASCII 29, between fields).
            code: String,
            check: String,
        }
        let bags = reg
            .order(id)
            .ok()
            .and_then(|o| o.report().ok().map(|r| (o, r)))
            .map(|(o, r)| {
                crate::domain::product::units(&r)
                    .iter()
                    .map(|u| {
                        let code = u.code(&o.order_id, o.revision);
                        JsonBag {
                            bag: u.number,
                            of: u.of,
                            drug: u.drug.key(),
                            day: u.day,
                            code: code.element_string(),
                            check: code.check(),
                        }
                    })
                    .collect()
            })
            .unwrap_or_default();
        let shown = Shown { entry: JsonEntry::of(&entry), chain: steps, bags };
        let _ = writeln!(out, "{}", serde_json::to_string_pretty(&shown).unwrap_or_default());
    } else {
        let e = JsonEntry::of(&entry);
        // The cohort in the run's language; a step's detail is printed as the register holds it.
        let cohort =
            crate::stagger::Cohort::from_key(&e.cohort).map(|c| w.cohort_name(c)).unwrap_or_default();
        // Text from the register reaches the auditor's terminal escaped and bounded: a record
        // edited outside the program must not carry control or direction marks to the screen.
        let safe = |t: &str| quoted_inner(t, 200);
        if !entry.intact {
            let _ = writeln!(out, "{}", w.msg(msg!("entry-broken-mark")));
        }
        let _ = writeln!(
            out,
            "{} rev. {} · {} · {} · {}",
            safe(&e.order_id),
            e.revision,
            safe(&e.patient_id),
            safe(&e.subject),
            cohort
        );
        let _ = writeln!(out, "{}", w.register_doses(&entry.doses));
        for step in &chain {
            let signed = crate::order::SignedStep {
                step: step.step.key().to_owned(),
                person: safe(&step.person),
                role: safe(&step.role),
                at: step.at,
                ok: step.ok,
            };
            let detail =
                if step.detail.is_empty() { String::new() } else { format!(" · {}", safe(&step.detail)) };
            let _ = writeln!(out, "  {}{detail}", w.signed_line(&signed));
        }
    }
    Outcome::Ok
}

/// `register reprint`: the stored order again, in one register transaction (the sheet
/// prints the record it becomes); in a register that knows people, by someone signed in.
fn reprint_entry(run: &mut Run<'_>, reg: &mut Register, sub: &RegisterSub) -> Outcome {
    let RegisterSub::Reprint { id, out: file, print, printer, person, secret_file } = sub else {
        return Outcome::Invalid;
    };
    let (w, now, out, err) = (run.w, run.now, &mut *run.out, &mut *run.err);

    let id = match entry_number(w, reg, id) {
        Ok(n) => n,
        Err(m) => return fail(w, err, &m, Outcome::Invalid),
    };
    if file.is_none() && !print {
        return fail(w, err, &w.msg(msg!("cli-out-or-print")), Outcome::Invalid);
    }
    let by = match reg.has_people() {
        Ok(false) => None,
        Ok(true) => {
            let Some(name) = person.as_ref() else {
                return fail(w, err, &w.msg(msg!("reprint-sign-in")), Outcome::Invalid);
            };
            let name = match text(w, "--as", name) {
                Ok(n) => n,
                Err(m) => return fail(w, err, &m, Outcome::Invalid),
            };
            match authenticate(w, reg, &name, secret_file.as_ref(), now) {
                Ok(p) => Some(p),
                Err(m) => return fail(w, err, &m, Outcome::Invalid),
            }
        }
        Err(e) => return reg_err(w, err, &e),
    };
    // A record that no longer matches its chain link is not printed again (issue 20: a
    // substituted order was reprinted and recorded as a reprint).
    let order = match reg.order_to_reprint(id) {
        Ok(Ok(o)) => o,
        Ok(Err(id)) => {
            return fail(w, err, &w.msg(msg!("reprint-refused-broken", "id" => id)), Outcome::Failed);
        }
        Err(e) => return fail(w, err, &w.register_error(&e), Outcome::Invalid),
    };
    let report = match order.report() {
        Ok(r) => r,
        Err(_) => return fail(w, err, &w.msg(msg!("refuse-invalid-stored")), Outcome::Failed),
    };
    let target = file.as_ref().map(std::path::PathBuf::from);
    let printer = printer.as_ref().and_then(|p| p.to_str());
    let mut said: Vec<String> = Vec::new();
    let recorded = reg.reprint(&order, &report, by.as_ref(), now, |sheet| -> Result<(), String> {
        if let Some(f) = &target {
            crate::sheet::export_pdf(sheet, now, f, false).map_err(|e| w.sheet_error(&e))?;
            said.push(w.msg(msg!("written", "path" => crate::present::words::shown(f))));
        }
        if *print {
            match crate::print::print_sheet(sheet, now, printer) {
                Ok(job) => said.push(w.printed(&job.id, printer)),
                Err(e) => {
                    if let Some(f) = &target {
                        let _ = std::fs::remove_file(f);
                    }
                    return Err(w.print_failure(&e));
                }
            }
        }
        Ok(())
    });
    match recorded {
        Ok(Ok(_)) => {
            for line in said {
                let _ = writeln!(out, "{line}");
            }
            let _ = writeln!(out, "{}", w.recorded(RegisterAction::Reprinted, reg.path()));
            Outcome::Ok
        }
        Ok(Err(m)) => fail(w, err, &m, Outcome::Failed),
        Err(e) => {
            // Delivered, then the register failed: the file goes; paper is said to be withdrawn.
            if let Some(f) = &target {
                let _ = std::fs::remove_file(f);
            }
            for line in said {
                let _ = writeln!(out, "{line}");
            }
            let _ = writeln!(err, "{}", w.not_recorded(&e));
            Outcome::NotRecorded
        }
    }
}

/// `register next-start`.
fn next_start(run: &mut Run<'_>, reg: &mut Register, sub: &RegisterSub) -> Outcome {
    let RegisterSub::NextStart { cohort, json } = sub else { return Outcome::Invalid };
    let (w, out, err) = (run.w, &mut *run.out, &mut *run.err);

    let Some(cohort) = cohort.to_str().and_then(crate::stagger::Cohort::from_key) else {
        return fail(w, err, &w.msg(msg!("cli-bad-cohort")), Outcome::Invalid);
    };
    match reg.next_start(cohort, "") {
        Ok(next) if *json => {
            let v = match &next {
                Some(n) => serde_json::json!({
                    "cohort": cohort.key(),
                    "earliest": n.earliest.format("%Y-%m-%dT%H:%M:%S").to_string(),
                    "earliest_utc": n.earliest_utc.format("%Y-%m-%dT%H:%M:%SZ").to_string(),
                    "wait": match n.gap {
                        crate::stagger::Gap::Expansion48h => "48-hours-after-last-il2",
                        crate::stagger::Gap::LeadInTlt => "28-days-after-day1",
                    },
                    "previous_subject": n.previous.subject,
                    "previous_cohort": n.previous.cohort.map(|c| c.key()),
                    "previous_day1": n.previous.day1.to_string(),
                    "previous_last_il2": n.last_il2_local.format("%Y-%m-%dT%H:%M:%S").to_string(),
                    "previous_last_il2_utc": n.previous.last_il2.format("%Y-%m-%dT%H:%M:%SZ").to_string(),
                    "il2_time_recorded": n.previous.il2_recorded,
                }),
                None => serde_json::json!({ "cohort": cohort.key(), "earliest": null }),
            };
            let _ = writeln!(out, "{}", serde_json::to_string_pretty(&v).unwrap_or_default());
            Outcome::Ok
        }
        Ok(next) => {
            let _ = writeln!(out, "{}", w.next_start_line(cohort, next.as_ref()));
            Outcome::Ok
        }
        Err(e) => reg_err(w, err, &e),
    }
}

/// `register sign`.
fn sign_step(run: &mut Run<'_>, reg: &mut Register, sub: &RegisterSub) -> Outcome {
    let RegisterSub::Sign {
        order_id,
        step,
        person,
        secret_file,
        revision,
        failed,
        drug,
        day,
        at,
        scans,
        lot,
        expiry,
        measured,
        bag,
    } = sub
    else {
        return Outcome::Invalid;
    };
    let (w, now, out, err) = (run.w, run.now, &mut *run.out, &mut *run.err);

    let Some(step) = step
        .to_str()
        .and_then(Step::from_key)
        .filter(|s| matches!(s, Step::Validated | Step::Prepared | Step::DoubleChecked | Step::Administered))
    else {
        return fail(w, err, &w.msg(msg!("cli-bad-step")), Outcome::Invalid);
    };
    let name = match text(w, "--as", person) {
        Ok(n) => n,
        Err(m) => return fail(w, err, &m, Outcome::Invalid),
    };
    // A failed sign-in is recorded with what it was for.
    reg.attempting(step.key(), order_id);
    let who = match authenticate(w, reg, &name, secret_file.as_ref(), now) {
        Ok(p) => p,
        Err(m) => return fail(w, err, &m, Outcome::Invalid),
    };
    // The order and revision must be one the register holds (a typo would sign nothing real).
    let day1 = match reg.day1_of(order_id, *revision) {
        Ok(Some(day1)) => day1,
        Ok(None) => {
            let message =
                w.msg(msg!("cli-sign-no-such-order", "order" => quoted_inner(order_id, 60), "revision" => *revision));
            return fail(w, err, &message, Outcome::Invalid);
        }
        Err(e) => return reg_err(w, err, &e),
    };
    // A later revision replaced this one: its steps would sign a sheet no longer in force.
    match reg.latest_revision_of(order_id) {
        Ok(Some(latest)) if latest > *revision => {
            let message = w.msg(msg!("cli-sign-superseded", "order" => quoted_inner(order_id, 60), "revision" => *revision, "latest" => latest));
            return fail(w, err, &message, Outcome::Invalid);
        }
        Ok(_) => {}
        Err(e) => return reg_err(w, err, &e),
    }
    let detail = match (step, drug, day, at) {
        (Step::Administered, Some(d), Some(day), Some(t)) => {
            let field = crate::error::Field::AdministeredAt;
            let when = match t.to_str().map(|t| crate::clinical::parse_date_time(field, t)) {
                Some(Ok(when)) => when,
                Some(Err(e)) => return fail(w, err, &w.input_error(&e), Outcome::Invalid),
                None => return fail(w, err, &w.msg(msg!("cli-bad-administered")), Outcome::Invalid),
            };
            let drug = d.to_string_lossy().trim().to_ascii_lowercase();
            let checked = match day1 {
                Some(day1) => crate::stagger::check_administration(&drug, *day, day1, when, now),
                None => Err(crate::stagger::AdministrationProblem::NotAPlannedDay),
            };
            if let Err(p) = checked {
                return fail(
                    w,
                    err,
                    &w.administration_problem(&p, &quoted_inner(&drug, 40), *day),
                    Outcome::Invalid,
                );
            }
            // The instant, in UTC: parse_date_time refused a local time lived twice or never.
            let at = crate::stagger::instant_latest(&chrono::Local, when);
            crate::register::Administration { drug, day: *day, at }.detail()
        }
        (Step::Administered, ..) => {
            return fail(w, err, &w.msg(msg!("cli-bad-administered")), Outcome::Invalid);
        }
        // The vials' lots and expiries, and what was measured, are part of the signed step; an
        // expired lot, or a scan that does not read unambiguously, is refused (issue 21).
        (Step::Prepared, ..) => {
            let mut vials = Vec::new();
            for scan in scans {
                match crate::domain::gs1::Vial::scanned(&scan.to_string_lossy(), now.date()) {
                    Ok(v) => vials.push(v),
                    Err(p) => return fail(w, err, &w.gs1_problem(&p), Outcome::Invalid),
                }
            }
            if let (Some(l), Some(e)) = (lot, expiry) {
                let Some(date) =
                    e.to_str().and_then(|e| chrono::NaiveDate::parse_from_str(e.trim(), "%Y-%m-%d").ok())
                else {
                    return fail(
                        w,
                        err,
                        &w.gs1_problem(&crate::domain::gs1::Gs1Problem::BadExpiry(
                            e.to_string_lossy().chars().take(20).collect(),
                        )),
                        Outcome::Invalid,
                    );
                };
                match crate::domain::gs1::Vial::typed(&l.to_string_lossy(), date, now.date()) {
                    Ok(v) => vials.push(v),
                    Err(p) => return fail(w, err, &w.gs1_problem(&p), Outcome::Invalid),
                }
            }
            match product::prepared_detail(
                w,
                reg,
                order_id,
                *revision,
                *bag,
                measured.as_ref(),
                vials,
                *failed,
            ) {
                Ok(d) => d,
                Err(m) => return fail(w, err, &m, Outcome::Invalid),
            }
        }
        _ => String::new(),
    };
    match reg.sign(order_id, *revision, step, &who, !failed, &detail, now) {
        Ok(Ok(_)) => {
            let _ = writeln!(out, "{}", w.msg(msg!("signed", "step" => w.step_name(step.key()), "name" => who.name.clone(), "order" => order_id.clone())));
            Outcome::Ok
        }
        Ok(Err(p)) => fail(w, err, &w.person_problem(&p, &who.name), Outcome::Invalid),
        Err(e) => reg_err(w, err, &e),
    }
}
