//! `register worksheet | labels | receive | administer | trace | overrides`, and the
//! prepared step's detail: the product after release (issue 21) from the command line.
//! Every rule is the order layer's ([`crate::order::bedside`]) and the domain's; this face
//! reads arguments, proves who signs, and words the outcome.

#[allow(unused_imports)]
use super::*;

use crate::order::bedside::{self, BedsideScan, PreparedDetail};
use crate::register::NotGiven;

/// The `prepared` step's detail: the vials, and what was measured against the bag's target.
#[allow(clippy::too_many_arguments)]
pub(super) fn prepared_detail(
    w: &Words,
    reg: &mut Register,
    order_id: &str,
    revision: u32,
    bag: Option<u32>,
    measured: Option<&OsString>,
    vials: Vec<crate::domain::gs1::Vial>,
    failed: bool,
) -> Result<String, String> {
    let measured: Option<String> =
        measured.map(|m| m.to_string_lossy().chars().filter(|c| !c.is_control()).take(60).collect());
    let mut detail = PreparedDetail { vials, measured: measured.clone(), bag, ..PreparedDetail::default() };
    if let Some(n) = bag {
        let held = reg
            .held(order_id, Some(revision))
            .map_err(|e| w.register_error(&e))?
            .ok_or_else(|| w.msg(msg!("cli-sign-no-such-order", "order" => quoted_inner(order_id, 60), "revision" => revision)))?;
        let units = crate::domain::product::units(&held.report);
        let unit = units
            .iter()
            .find(|u| u.number == n)
            .ok_or_else(|| w.msg(msg!("cli-no-such-bag", "bag" => n, "count" => units.len())))?;
        if let Some(text) = &measured {
            let m = crate::domain::product::measure(text, unit, &held.order.settings)
                .map_err(|p| w.measure_problem(&p))?;
            if !m.within() && !failed {
                return Err(w.msg(msg!("measure-outside",
                    "value" => text.clone(),
                    "deviation" => w.num(m.deviation_pct, 1),
                    "target" => w.volume(m.target_ml),
                    "tolerance" => w.num(m.tolerance_pct, 1))));
            }
            detail.volume_ml = Some(crate::rounding::round_decimals(m.volume_ml, 3));
            detail.target_ml = Some(m.target_ml);
            detail.deviation_pct = Some(crate::rounding::round_decimals(m.deviation_pct, 2));
            detail.tolerance_pct = Some(m.tolerance_pct);
        }
    }
    if detail == PreparedDetail::default() {
        return Ok(String::new());
    }
    serde_json::to_string(&detail).map_err(|e| e.to_string())
}

/// Proves who signs a product step when the register knows people (`None` when it does not).
fn signer(
    w: &Words,
    reg: &mut Register,
    person: Option<&OsString>,
    secret_file: Option<&OsString>,
    now: NaiveDateTime,
    step: Step,
    order_id: &str,
) -> Result<Option<Person>, String> {
    match reg.has_people() {
        Ok(false) => Ok(None),
        Ok(true) => {
            let Some(name) = person else {
                return Err(w.msg(msg!("cli-product-sign-in", "step" => w.step_name(step.key()))));
            };
            let name = text(w, "--as", name)?;
            reg.attempting(step.key(), order_id);
            authenticate(w, reg, &name, secret_file, now).map(Some)
        }
        Err(e) => Err(w.register_error(&e)),
    }
}

/// Writes or prints a paper; the lines said.
fn deliver(
    w: &Words,
    bytes: &[u8],
    out: Option<&OsString>,
    print: bool,
    printer: Option<&OsString>,
    title: &str,
) -> Result<Vec<String>, String> {
    let mut said = Vec::new();
    if let Some(f) = out {
        let path = std::path::PathBuf::from(f);
        crate::order::write_atomic(&path, bytes, false).map_err(|e| w.file_error(&e))?;
        said.push(w.msg(msg!("paper-written", "path" => crate::present::words::shown(&path))));
    }
    if print {
        let printer = printer.and_then(|p| p.to_str());
        match crate::print::print_pdf(bytes, printer, title) {
            Ok(job) => said.push(w.printed(&job.id, printer)),
            Err(e) => {
                if let Some(f) = out {
                    let _ = std::fs::remove_file(f);
                }
                return Err(w.print_error(&e));
            }
        }
    }
    Ok(said)
}

/// `register worksheet` and `register labels`.
pub(super) fn papers(run: &mut Run<'_>, reg: &mut Register, sub: &RegisterSub) -> Outcome {
    let (w, now, out, err) = (run.w, run.now, &mut *run.out, &mut *run.err);
    let (order_id, file, print, printer, labels, person, secret_file) = match sub {
        RegisterSub::Worksheet { order_id, out, print, printer } => {
            (order_id, out, *print, printer, false, None, None)
        }
        RegisterSub::Labels { order_id, out, print, printer, person, secret_file } => {
            (order_id, out, *print, printer, true, person.as_ref(), secret_file.as_ref())
        }
        _ => return Outcome::Invalid,
    };
    if file.is_none() && !print {
        return fail(w, err, &w.msg(msg!("cli-out-or-print")), Outcome::Invalid);
    }
    let by = if labels {
        match signer(w, reg, person, secret_file, now, Step::Labelled, order_id) {
            Ok(p) => p,
            Err(m) => return fail(w, err, &m, Outcome::Invalid),
        }
    } else {
        None
    };
    let held = match reg.held(order_id, None) {
        Ok(Some(h)) => h,
        Ok(None) => {
            return fail(
                w,
                err,
                &w.msg(msg!("cli-no-such-entry", "id" => quoted_inner(order_id, 60))),
                Outcome::Invalid,
            );
        }
        Err(e) => return reg_err(w, err, &e),
    };
    let chain = match reg.chain_of(order_id) {
        Ok(c) => c,
        Err(e) => return reg_err(w, err, &e),
    };
    let papers = crate::output::product::ProductPapers {
        order: &held.order,
        report: &held.report,
        chain: &chain,
        generated: now,
    };
    let pw = crate::present::Words::new(held.order.lang, Some(held.order.decimal_mark));
    let count = crate::domain::product::units(&held.report).len();
    if !labels {
        let bytes = match crate::output::product::worksheet_pdf(&papers) {
            Ok(b) => b,
            Err(e) => return fail(w, err, &w.sheet_error(&e), Outcome::Failed),
        };
        return match deliver(w, &bytes, file.as_ref(), print, printer.as_ref(), &pw.msg(msg!("ws-title"))) {
            Ok(said) => {
                for line in said {
                    let _ = writeln!(out, "{line}");
                }
                Outcome::Ok
            }
            Err(m) => fail(w, err, &m, Outcome::Failed),
        };
    }
    if count == 0 {
        return fail(w, err, &pw.msg(msg!("ws-nothing")), Outcome::Invalid);
    }
    let labelled = bedside::labelled_detail(&held, &chain, now);
    let bytes = match crate::output::product::labels_pdf(&papers, &labelled) {
        Ok(b) => b,
        Err(e) => return fail(w, err, &w.sheet_error(&e), Outcome::Failed),
    };
    let said = match deliver(w, &bytes, file.as_ref(), print, printer.as_ref(), &pw.msg(msg!("lb-title"))) {
        Ok(said) => said,
        Err(m) => return fail(w, err, &m, Outcome::Failed),
    };
    for line in said {
        let _ = writeln!(out, "{line}");
    }
    // Recorded once delivered: a label the register does not hold is refused at the bedside,
    // so labels that could not be recorded are said to be destroyed (the file is removed).
    let detail = serde_json::to_string(&labelled).unwrap_or_default();
    let unrecorded = |why: String| {
        if let Some(f) = file {
            let _ = std::fs::remove_file(f);
        }
        why
    };
    if let Some(p) = &by {
        match reg.sign_product_step(order_id, held.order.revision, Step::Labelled, p, &detail, now) {
            Ok(Ok(_)) => {}
            Ok(Err(problem)) => {
                return fail(w, err, &unrecorded(w.person_problem(&problem, &p.name)), Outcome::NotRecorded);
            }
            Err(e) => {
                let why = w.msg(msg!("labels-unrecorded", "why" => w.register_error(&e)));
                return fail(w, err, &unrecorded(why), Outcome::NotRecorded);
            }
        }
    }
    let _ = writeln!(out, "{}", w.msg(msg!("labels-done", "count" => count, "order" => held.order.order_id.clone(), "revision" => held.order.revision)));
    if by.is_none() {
        let _ = writeln!(out, "{}", w.msg(msg!("labels-not-recorded")));
    }
    Outcome::Ok
}

/// A local time typed as "YYYY-MM-DD HH:MM".
fn time_arg(w: &Words, field: crate::error::Field, v: &OsString) -> Result<NaiveDateTime, String> {
    match v.to_str().map(|t| crate::clinical::parse_date_time(field, t)) {
        Some(Ok(t)) => Ok(t),
        Some(Err(e)) => Err(w.input_error(&e)),
        None => Err(w.msg(
            msg!("cli-not-utf8", "option" => "--at", "value" => quoted_inner(&v.to_string_lossy(), 40)),
        )),
    }
}

/// `register receive`.
pub(super) fn receive(run: &mut Run<'_>, reg: &mut Register, sub: &RegisterSub) -> Outcome {
    let RegisterSub::Receive {
        order_id,
        product,
        bag,
        released_at,
        temperature,
        integrity,
        person,
        secret_file,
    } = sub
    else {
        return Outcome::Invalid;
    };
    let (w, now, out, err) = (run.w, run.now, &mut *run.out, &mut *run.err);
    let who = match signer(w, reg, Some(person), secret_file.as_ref(), now, Step::Received, order_id) {
        Ok(Some(p)) => p,
        Ok(None) => return fail(w, err, &w.msg(msg!("cli-product-needs-people")), Outcome::Invalid),
        Err(m) => return fail(w, err, &m, Outcome::Invalid),
    };
    let released = match time_arg(w, crate::error::Field::NkReleasedAt, released_at) {
        Ok(t) => t,
        Err(m) => return fail(w, err, &m, Outcome::Invalid),
    };
    let Some((held, _)) = (match reg.nk_receipt_facts(order_id) {
        Ok(f) => f,
        Err(e) => return reg_err(w, err, &e),
    }) else {
        return fail(
            w,
            err,
            &w.msg(msg!("cli-no-such-entry", "id" => quoted_inner(order_id, 60))),
            Outcome::Invalid,
        );
    };
    let lossy = |v: &OsString| v.to_string_lossy().into_owned();
    let receipt = match bedside::receive(
        &held.order,
        &held.report,
        &lossy(product),
        &lossy(bag),
        released,
        &lossy(temperature),
        &lossy(integrity),
        now,
    ) {
        Ok(r) => r,
        Err(p) => return fail(w, err, &w.receipt_problem(&p), Outcome::Invalid),
    };
    let detail = serde_json::to_string(&receipt).unwrap_or_default();
    match reg.sign_product_step(order_id, held.order.revision, Step::Received, &who, &detail, now) {
        Ok(Ok(_)) => {
            let by = receipt.infuse_by.as_deref().and_then(bedside::local_of);
            let line = match by {
                Some(t) => w.msg(
                    msg!("received-infuse-by", "product" => receipt.product.clone(), "by" => w.datetime(t)),
                ),
                None => w.msg(msg!("received-infuse-by-unknown", "product" => receipt.product.clone())),
            };
            let _ = writeln!(out, "{line}");
            Outcome::Ok
        }
        Ok(Err(p)) => fail(w, err, &w.person_problem(&p, &who.name), Outcome::Invalid),
        Err(e) => reg_err(w, err, &e),
    }
}

/// `register administer`: the bedside check, then the step signed (one transaction).
pub(super) fn administer(run: &mut Run<'_>, reg: &mut Register, sub: &RegisterSub) -> Outcome {
    let RegisterSub::Administer {
        order_id,
        bag_code,
        wristband,
        person,
        secret_file,
        at,
        reason,
        prescriber,
        prescriber_secret_file,
    } = sub
    else {
        return Outcome::Invalid;
    };
    let (w, now, out, err) = (run.w, run.now, &mut *run.out, &mut *run.err);
    let nurse = match signer(w, reg, Some(person), secret_file.as_ref(), now, Step::Administered, order_id) {
        Ok(Some(p)) => p,
        Ok(None) => return fail(w, err, &w.msg(msg!("cli-product-needs-people")), Outcome::Invalid),
        Err(m) => return fail(w, err, &m, Outcome::Invalid),
    };
    let given_at = match at {
        Some(t) => match time_arg(w, crate::error::Field::AdministeredAt, t) {
            Ok(t) => t,
            Err(m) => return fail(w, err, &m, Outcome::Invalid),
        },
        None => now,
    };
    let (reason_text, prescriber_person) = match (reason, prescriber) {
        (Some(r), Some(p)) => {
            let reason = r.to_string_lossy().trim().to_owned();
            if reason.is_empty() {
                return fail(w, err, &w.msg(msg!("cli-override-reason-empty")), Outcome::Invalid);
            }
            let name = match text(w, "--prescriber", p) {
                Ok(n) => n,
                Err(m) => return fail(w, err, &m, Outcome::Invalid),
            };
            reg.attempting(Step::Override.key(), order_id);
            match authenticate(w, reg, &name, prescriber_secret_file.as_ref(), now) {
                Ok(p) => (Some(reason), Some(p)),
                Err(m) => return fail(w, err, &m, Outcome::Invalid),
            }
        }
        _ => (None, None),
    };
    let code = bag_code.to_string_lossy();
    let band = wristband.to_string_lossy();
    let scan = BedsideScan {
        bag_code: &code,
        wristband: &band,
        at: given_at,
        now,
        override_by: reason_text.as_deref().zip(prescriber_person.as_ref().map(|p| p.name.as_str())),
    };
    match reg.administer(order_id, &scan, &nurse, prescriber_person.as_ref()) {
        Ok(Ok((_, given))) => {
            let drug = w.given_name(&given.drug);
            let _ = writeln!(
                out,
                "{}",
                w.msg(
                    msg!("administered-ok", "drug" => drug, "day" => given.day, "name" => nurse.name.clone())
                )
            );
            for r in &given.overridden {
                let _ = writeln!(
                    out,
                    "{}",
                    w.msg(msg!("administered-overridden", "what" => w.bedside_refusal(r)))
                );
            }
            Outcome::Ok
        }
        Ok(Err(NotGiven::Bedside(refusals))) => {
            fail(w, err, &w.bedside_refusals(&refusals), Outcome::Invalid)
        }
        Ok(Err(NotGiven::Person(p, name))) => fail(w, err, &w.person_problem(&p, &name), Outcome::Invalid),
        Err(e) => reg_err(w, err, &e),
    }
}

/// `register trace`.
pub(super) fn trace(run: &mut Run<'_>, reg: &mut Register, sub: &RegisterSub) -> Outcome {
    let RegisterSub::Trace { lot, nk_product, json } = sub else { return Outcome::Invalid };
    let (w, out, err) = (run.w, &mut *run.out, &mut *run.err);
    let safe = |t: &str| quoted_inner(t, 120);
    if let Some(lot) = lot {
        let lot = lot.to_string_lossy();
        if lot.trim().is_empty() {
            return fail(w, err, &w.msg(msg!("cli-trace-empty")), Outcome::Invalid);
        }
        let uses = match reg.trace_lot(&lot) {
            Ok(u) => u,
            Err(e) => return reg_err(w, err, &e),
        };
        if *json {
            let _ = writeln!(out, "{}", serde_json::to_string_pretty(&uses).unwrap_or_default());
        } else if uses.is_empty() {
            let _ = writeln!(out, "{}", w.msg(msg!("trace-lot-none", "lot" => safe(&lot))));
        } else {
            for u in &uses {
                let given = if u.given.is_empty() {
                    w.msg(msg!("trace-not-given"))
                } else {
                    u.given
                        .iter()
                        .map(|(at, by)| w.msg(msg!("ws-signed", "name" => safe(by), "at" => w.datetime(*at))))
                        .collect::<Vec<_>>()
                        .join("; ")
                };
                let _ = writeln!(
                    out,
                    "{}",
                    w.msg(msg!("trace-lot-line",
                    "lot" => safe(&u.lot), "patient" => safe(&u.patient_name), "record" => safe(&u.record),
                    "order" => safe(&u.order_id), "revision" => u.revision,
                    "bag" => u.bag.map_or_else(|| "—".to_owned(), |b| b.to_string()),
                    "drug" => u.drug.clone().unwrap_or_else(|| "—".to_owned()),
                    "prepared" => w.datetime(u.prepared_at), "by" => safe(&u.prepared_by), "given" => given))
                );
            }
        }
        return Outcome::Ok;
    }
    let Some(product) = nk_product else { return Outcome::Invalid };
    let product = product.to_string_lossy();
    let traces = match reg.trace_nk(&product) {
        Ok(t) => t,
        Err(e) => return reg_err(w, err, &e),
    };
    if *json {
        let _ = writeln!(out, "{}", serde_json::to_string_pretty(&traces).unwrap_or_default());
        return Outcome::Ok;
    }
    if traces.is_empty() {
        let _ = writeln!(out, "{}", w.msg(msg!("trace-nk-none", "product" => safe(&product))));
    }
    for t in &traces {
        let _ = writeln!(
            out,
            "{}",
            w.msg(msg!("trace-nk-head", "product" => safe(&t.product), "bag" => safe(&t.bag),
            "patient" => safe(&t.patient_name), "record" => safe(&t.record), "order" => safe(&t.order_id)))
        );
        for s in &t.steps {
            let _ = writeln!(
                out,
                "  {} · rev. {} · {} · {} ({}){}",
                w.datetime(s.at),
                s.revision,
                w.step_name(&s.step),
                safe(&s.person),
                w.role_name(&s.role),
                if s.ok { String::new() } else { format!(" · {}", w.msg(msg!("trace-failed"))) }
            );
        }
    }
    Outcome::Ok
}

/// `register overrides`.
pub(super) fn overrides(run: &mut Run<'_>, reg: &mut Register, sub: &RegisterSub) -> Outcome {
    let RegisterSub::Overrides { json } = sub else { return Outcome::Invalid };
    let (w, out, err) = (run.w, &mut *run.out, &mut *run.err);
    let counts = match reg.override_counts() {
        Ok(c) => c,
        Err(e) => return reg_err(w, err, &e),
    };
    if *json {
        let _ = writeln!(out, "{}", serde_json::to_string_pretty(&counts).unwrap_or_default());
    } else if counts.is_empty() {
        let _ = writeln!(out, "{}", w.msg(msg!("overrides-none")));
    } else {
        for c in &counts {
            let _ = writeln!(out, "{:>6}  {}", c.count, quoted_inner(&c.kind, 80));
        }
    }
    Outcome::Ok
}
