//! `nkact-dose order`: collects the order from the arguments, proves who signs,
//! and hands it to the one release workflow ([`crate::order::release`]), then
//! says what happened. It decides no rule of its own.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::cli::{OrderArgs, Outcome, compute, error_line, field_error, register, site_settings};
use crate::error::Field;
use crate::order::Order;
use crate::order::release::{Delivered, Failure, Reach, Refusal, Released, Request, release};
use crate::present::Words;
use crate::present::words::quoted_inner;
use crate::register::{Person, Register, RegisterAction, RegisterError};
use crate::settings::Settings;
use crate::sheet::SheetError;

use crate::msg;
use crate::output::Undelivered;

/// Writes the sheet, prints it, or both, and records and signs it in one step.
pub fn run_order(
    args: &OrderArgs,
    settings: &Settings,
    now: chrono::NaiveDateTime,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Outcome {
    let w = &args.words;
    let (order, report) = match collect(args, settings, now, err) {
        Ok(x) => x,
        Err(outcome) => return outcome,
    };
    // The register: who signs, and the trial's rules across patients.
    let location = register::location(args.register.as_deref());
    let mut reg = match location.as_deref().map(Register::connect) {
        Some(Ok(r)) => Some(r),
        Some(Err(e)) if args.signer.is_some() => {
            let _ = writeln!(err, "{}", error_line(w, &w.register_error(&e)));
            return Outcome::Failed;
        }
        Some(Err(e)) => {
            return finish(args, &order, &report, now, Reach::Unreachable(e), None, out, err);
        }
        None => None,
    };
    let signer = match sign_in(args, reg.as_mut(), now, err) {
        Ok(s) => s,
        Err(outcome) => return outcome,
    };
    if let Some(p) = &signer {
        for (given, option) in
            [(&args.issued_by, "--issued-by"), (&args.acknowledged_by, "--acknowledged-by")]
        {
            let given = crate::identity::normalise(Field::IssuedBy, given).unwrap_or_default();
            if !given.is_empty() && crate::register::name_key(&given) != crate::register::name_key(&p.name) {
                let _ = writeln!(
                    err,
                    "{}",
                    error_line(w, &w.msg(msg!("cli-not-the-signer", "option" => option)))
                );
                return Outcome::Invalid;
            }
        }
    }
    let mut order = order;
    if let Some(p) = &signer {
        // The register's spelling of the signer's name on the sheet and in every step.
        let me = crate::register::name_key(&p.name);
        order.issued_by = p.name.clone();
        order
            .acknowledged
            .iter_mut()
            .filter(|a| crate::register::name_key(&a.by) == me)
            .for_each(|a| a.by = p.name.clone());
        order
            .overrides
            .iter_mut()
            .filter(|o| crate::register::name_key(&o.by) == me)
            .for_each(|o| o.by = p.name.clone());
    }
    let reach = match reg.as_mut() {
        Some(r) => Reach::Open(r),
        None => Reach::NoLocation,
    };
    finish(args, &order, &report, now, reach, signer.as_ref(), out, err)
}

/// The order as the arguments give it, acknowledgements and overrides included;
/// every input error named.
fn collect(
    args: &OrderArgs,
    settings: &Settings,
    now: chrono::NaiveDateTime,
    err: &mut dyn Write,
) -> Result<(Order, crate::engine::Report), Outcome> {
    let w = &args.words;
    let settings = site_settings(w, args.site_settings.as_deref(), settings).map_err(|message| {
        let _ = writeln!(err, "{message}");
        Outcome::Invalid
    })?;
    let mut order = Order::new(now, settings);
    order.lang = w.lang;
    order.decimal_mark = w.mark;
    order.inputs = args.raw.clone();
    order.patient = args.patient.clone();
    order.clinical = args.clinical.clone();
    if let Some(paper) = args.paper {
        order.settings.paper = paper;
    }
    let person = |field: Field, v: &str| crate::identity::normalise(field, v);
    let issued_by = person(Field::IssuedBy, &args.issued_by);
    let by = person(Field::AcknowledgedBy, &args.acknowledged_by);
    let dob = crate::order::parse_birth_date(&order.patient.date_of_birth, now.date()).ok();
    let Some(report) = compute(w, now.date(), &args.raw, &order.clinical, dob, &order.settings, err) else {
        return Err(Outcome::Invalid);
    };
    let mut errors: Vec<crate::error::InputError> =
        order.patient.validate(now.date()).err().unwrap_or_default();
    errors.extend(issued_by.as_ref().err().cloned());
    errors.extend(by.as_ref().err().cloned());
    for (_, reason) in args.reasons.iter().chain(&args.overrides) {
        errors.extend(person(Field::Reason, reason).err());
    }
    if let Some(reason) = &args.stagger_override {
        errors.extend(person(Field::Reason, reason).err());
    }
    if !args.trial.subject.is_empty()
        && let Err(e) = crate::identity::normalise(Field::NkProductId, &args.trial.subject)
    {
        errors.push(crate::error::InputError { field: Field::Subject, ..e });
    }
    if !errors.is_empty() {
        for e in errors {
            let _ = writeln!(err, "{}", field_error(w, &e));
        }
        return Err(Outcome::Invalid);
    }
    order.issued_by = issued_by.unwrap_or_default();
    order.trial = args.trial.clone();
    order.trial.subject = order.trial.subject.trim().to_owned();
    // Text the sheet cannot print is named before anything else is asked for.
    if let Err(SheetError::Invalid(errors)) = crate::sheet::checked(&order, now.date()) {
        for e in errors {
            let _ = writeln!(err, "{}", field_error(w, &e));
        }
        return Err(Outcome::Invalid);
    }
    overrides(args, &mut order, &report, now, err)?;
    acknowledgements(args, &mut order, &report, by.unwrap_or_default(), now, err)?;
    if let (Some(out_path), Some(reg)) = (&args.out, register::location(args.register.as_deref()))
        && same_file(Path::new(out_path), Path::new(&reg))
    {
        let message = w.msg(msg!("cli-out-is-register", "value" => quoted_inner(out_path, 40)));
        let _ = writeln!(err, "{}", error_line(w, &message));
        return Err(Outcome::Invalid);
    }
    Ok((order, report))
}

/// `--override CODE="reason"`: each names a criterion not met or not entered, given by the issuer.
fn overrides(
    args: &OrderArgs,
    order: &mut Order,
    report: &crate::engine::Report,
    now: chrono::NaiveDateTime,
    err: &mut dyn Write,
) -> Result<(), Outcome> {
    let w = &args.words;
    let needs_issuer = !args.overrides.is_empty() || args.stagger_override.is_some();
    if needs_issuer && order.issued_by.is_empty() && args.signer.is_none() {
        let _ = writeln!(err, "{}", error_line(w, &w.msg(msg!("cli-override-needs-issuer"))));
        return Err(Outcome::Invalid);
    }
    let by = args.signer.clone().unwrap_or_else(|| order.issued_by.clone());
    let by = crate::identity::normalise(Field::IssuedBy, &by).unwrap_or_default();
    for (code, reason) in &args.overrides {
        let Some(c) = report
            .criteria
            .iter()
            .find(|c| c.code == code.as_str() && c.state != crate::criteria::CriterionState::Met)
        else {
            let e = crate::error::InputError::new(
                Field::Override,
                format!("{code}={reason}"),
                crate::error::Problem::NothingToOverride,
            );
            let _ = writeln!(err, "{}", field_error(w, &e));
            return Err(Outcome::Invalid);
        };
        order.overrides.push(crate::order::Override {
            code: c.code.to_owned(),
            detail: crate::order::Override::detail_of(c),
            by: by.clone(),
            at: now,
            reason: crate::identity::normalise(Field::Reason, reason).unwrap_or_default(),
        });
    }
    Ok(())
}

/// `--acknowledged-by` and `--reason CODE=TEXT`: every warning acknowledged, with a reason where one is needed.
fn acknowledgements(
    args: &OrderArgs,
    order: &mut Order,
    report: &crate::engine::Report,
    by: String,
    now: chrono::NaiveDateTime,
    err: &mut dyn Write,
) -> Result<(), Outcome> {
    let w = &args.words;
    let warnings = order.warnings(report);
    // A reason for a warning this order does not have is a typo, not a formality.
    if let Some((code, _)) = args.reasons.iter().find(|(c, _)| !warnings.iter().any(|w| w.code == *c)) {
        let message = w.msg(msg!("cli-reason-for-no-warning", "value" => quoted_inner(code, 40)));
        let _ = writeln!(err, "{}", error_line(w, &message));
        return Err(Outcome::Invalid);
    }
    // The signer issues, acknowledges and overrides: one person proved, one name.
    let by = match &args.signer {
        Some(signer) => crate::identity::normalise(Field::AcknowledgedBy, signer).unwrap_or(by),
        None => by,
    };
    if !warnings.is_empty() && !by.is_empty() {
        let reasons: Vec<(String, String)> = args
            .reasons
            .iter()
            .map(|(c, r)| (c.clone(), crate::identity::normalise(Field::Reason, r).unwrap_or_default()))
            .collect();
        order.acknowledge_all(report, &by, &reasons, now);
    }
    Ok(())
}

/// `--as NAME`: the person who signs, proved by their secret.
fn sign_in(
    args: &OrderArgs,
    reg: Option<&mut Register>,
    now: chrono::NaiveDateTime,
    err: &mut dyn Write,
) -> Result<Option<Person>, Outcome> {
    let w = &args.words;
    let Some(reg) = reg else { return Ok(None) };
    let has_people = reg.has_people().map_err(|e| {
        let _ = writeln!(err, "{}", error_line(w, &w.register_error(&e)));
        Outcome::Failed
    })?;
    match (&args.signer, has_people) {
        (Some(name), true) => match register::authenticate_for(
            w,
            reg,
            name,
            args.secret_file.as_ref(),
            now,
            crate::register::Step::Issued.key(),
        ) {
            Ok(p) => Ok(Some(p)),
            Err(m) => {
                let _ = writeln!(err, "{}", error_line(w, &m));
                Err(Outcome::Invalid)
            }
        },
        (Some(_), false) => {
            let _ = writeln!(err, "{}", error_line(w, &w.msg(msg!("person-no-people"))));
            Err(Outcome::Invalid)
        }
        (None, true) => {
            let _ = writeln!(err, "{}", error_line(w, &w.msg(msg!("cli-sign-with-as"))));
            Err(Outcome::Invalid)
        }
        (None, false) => {
            let _ = writeln!(err, "{}", w.msg(msg!("register-no-people-note")));
            Ok(None)
        }
    }
}

/// Releases the order and says what happened.
#[allow(clippy::too_many_arguments)]
fn finish(
    args: &OrderArgs,
    order: &Order,
    report: &crate::engine::Report,
    now: chrono::NaiveDateTime,
    reach: Reach<'_, Register>,
    signer: Option<&Person>,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Outcome {
    let w = &args.words;
    let unreachable = match &reach {
        Reach::Unreachable(e) => Some(w.not_recorded(e)),
        Reach::NoLocation => Some(w.msg(msg!("not-recorded-no-location"))),
        Reach::Open(_) => None,
    };
    let reason = args
        .stagger_override
        .as_deref()
        .map(|r| crate::identity::normalise(Field::Reason, r).unwrap_or_default());
    let request = Request { order, issuer: signer, givers: &[], stagger_reason: reason.as_deref(), now };
    let mut job_line = None;
    let result = release(reach, &request, |o| deliver(args, o, now, &mut job_line));
    match result {
        Ok(released) => said_released(w, args, &released, job_line, unreachable, out, err),
        Err(failure) => said_failed(w, order, report, failure, err),
    }
}

/// Writes and prints `order` as the arguments ask.
fn deliver(
    args: &OrderArgs,
    order: &Order,
    now: chrono::NaiveDateTime,
    job: &mut Option<String>,
) -> Delivered<Undelivered> {
    let mut d = Delivered { done: Vec::new(), written: Vec::new(), failed: None };
    if let Some(out_path) = &args.out {
        let path = PathBuf::from(out_path);
        match crate::sheet::export_pdf(order, now, &path, args.force) {
            Ok(()) => {
                d.done.push(RegisterAction::Exported);
                d.written.push(path);
            }
            Err(e) => {
                d.failed = Some(Undelivered::Sheet(e));
                return d;
            }
        }
    }
    if args.print {
        match crate::print::print_sheet(order, now, args.printer.as_deref()) {
            Ok(j) => {
                *job = Some(args.words.printed(&j.id, args.printer.as_deref()));
                d.done.push(RegisterAction::Printed);
            }
            Err(e) => d.failed = Some(Undelivered::Print(e)),
        }
    }
    d
}

fn said_released(
    w: &Words,
    args: &OrderArgs,
    released: &Released<Undelivered>,
    job_line: Option<String>,
    unreachable: Option<String>,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Outcome {
    let d = &released.delivered;
    for path in &d.written {
        let _ = writeln!(out, "{}", w.msg(msg!("written", "path" => crate::present::words::shown(path))));
    }
    if let Some(line) = job_line {
        let _ = writeln!(out, "{line}");
    }
    let mut outcome = Outcome::Ok;
    if let Some(Undelivered::Print(e)) = &d.failed {
        let _ = writeln!(err, "{}", error_line(w, &w.print_failure(e)));
        outcome = Outcome::Failed;
    }
    if released.recorded {
        let path = register::location(args.register.as_deref()).unwrap_or_default();
        for action in &d.done {
            let _ = writeln!(out, "{}", w.recorded(*action, Path::new(&path)));
        }
    } else {
        let _ = writeln!(err, "{}", unreachable.unwrap_or_else(|| w.msg(msg!("not-recorded-no-location"))));
        if outcome == Outcome::Ok {
            outcome = Outcome::NotRecorded;
        }
    }
    outcome
}

fn said_failed(
    w: &Words,
    order: &Order,
    report: &crate::engine::Report,
    failure: Failure<RegisterError, Undelivered>,
    err: &mut dyn Write,
) -> Outcome {
    match failure {
        Failure::Refused(r) => said_refused(w, order, report, &r, err),
        Failure::Register(e) => {
            let _ = writeln!(
                err,
                "{}",
                error_line(w, &w.msg(msg!("refuse-register", "error" => w.register_error(&e))))
            );
            Outcome::Failed
        }
        Failure::Delivery(Undelivered::Sheet(e)) => {
            let _ = writeln!(err, "{}", error_line(w, &w.sheet_error(&e)));
            match e {
                SheetError::Invalid(_)
                | SheetError::Unacknowledged(_)
                | SheetError::CriteriaOpen(_)
                | SheetError::SignInNeeded
                | SheetError::TooEarly { .. }
                | SheetError::Refused(_) => Outcome::Invalid,
                SheetError::StaggerUnchecked(_) => Outcome::Failed,
                SheetError::NkOutOfRange => Outcome::ProtocolCheckFailed,
                SheetError::File(
                    crate::order::FileError::Exists { .. } | crate::order::FileError::NotRegular { .. },
                ) => Outcome::Invalid,
                SheetError::File(_) | SheetError::Font | SheetError::StillTyping => Outcome::Failed,
            }
        }
        Failure::Delivery(Undelivered::Print(e)) => {
            let _ = writeln!(err, "{}", error_line(w, &w.print_failure(&e)));
            Outcome::Failed
        }
        Failure::NotRecorded { printed, removed, error } => {
            let _ = writeln!(err, "{}", w.not_recorded(&error));
            for path in &removed {
                let _ = writeln!(
                    err,
                    "{}",
                    w.msg(msg!("not-recorded-removed", "path" => crate::present::words::shown(path)))
                );
            }
            if printed {
                let _ = writeln!(err, "{}", w.msg(msg!("not-recorded-printed")));
            }
            Outcome::NotRecorded
        }
    }
}

fn said_refused(
    w: &Words,
    order: &Order,
    report: &crate::engine::Report,
    r: &Refusal,
    err: &mut dyn Write,
) -> Outcome {
    match r {
        Refusal::Invalid(errors) => {
            for e in errors {
                let _ = writeln!(err, "{}", field_error(w, e));
            }
            return Outcome::Invalid;
        }
        Refusal::NkOutOfRange => {
            let _ = writeln!(err, "{}", error_line(w, &w.refusal(r)));
            return Outcome::ProtocolCheckFailed;
        }
        Refusal::SignInNeeded => {
            let _ = writeln!(err, "{}", error_line(w, &w.msg(msg!("cli-sign-with-as"))));
            return Outcome::Invalid;
        }
        Refusal::TrialRequired => {
            let _ = writeln!(err, "{}", error_line(w, &w.msg(msg!("cli-trial-required"))));
            return Outcome::Invalid;
        }
        Refusal::TooEarly { start, next } => {
            let line = w.msg(msg!("cli-stagger-refused", "start" => w.datetime(*start), "rule" => w.next_start_line(next.cohort, Some(next))));
            let _ = writeln!(err, "{}", error_line(w, &line));
            return Outcome::Invalid;
        }
        Refusal::StaggerUnchecked | Refusal::RegisterNeeded => {
            let _ = writeln!(err, "{}", error_line(w, &w.refusal(r)));
            return Outcome::Failed;
        }
        _ => {}
    }
    let _ = writeln!(err, "{}", error_line(w, &w.refusal(r)));
    match r {
        Refusal::CriteriaOpen(_) => {
            for c in order.criteria_open(report) {
                let note = w
                    .criterion_note(c, report.clearance_weight_kg)
                    .map(|n| format!(" ({n})"))
                    .unwrap_or_default();
                let _ = writeln!(
                    err,
                    "  - [{}] {}: {} · {} · {}{note}",
                    c.code,
                    w.criterion_name(c.code),
                    w.criterion_state(c.state),
                    w.criterion_value(c),
                    w.criterion_threshold(c)
                );
            }
            let _ = writeln!(err, "{}", w.msg(msg!("cli-criteria-hint")));
        }
        Refusal::Unacknowledged(_) => {
            for x in order.unacknowledged(report) {
                let _ = writeln!(err, "  - [{}] {}", x.code, w.warning(&x.kind));
                if x.needs_reason {
                    let _ =
                        writeln!(err, "    {}", w.msg(msg!("cli-needs-reason", "code" => x.code.clone())));
                }
            }
            let _ = writeln!(err, "{}", w.msg(msg!("cli-unacknowledged-hint")));
        }
        _ => {}
    }
    Outcome::Invalid
}

/// Whether two paths name the same file (or would: the same absolute path).
fn same_file(a: &Path, b: &Path) -> bool {
    let absolute =
        |p: &Path| std::fs::canonicalize(p).ok().or_else(|| std::env::current_dir().ok().map(|d| d.join(p)));
    match (absolute(a), absolute(b)) {
        (Some(x), Some(y)) => x == y,
        _ => a == b,
    }
}
