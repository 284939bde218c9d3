//! The register at scale (issues 12 and 20): builds a register of 1 000 000
//! entries (NKACT_BENCH_ENTRIES to change it; a SQLite file kept under target/
//! and reused, or the PostgreSQL database at NKACT_BENCH_REGISTER), every
//! hundredth a cycle-1 sheet of a trial patient with its Day 1 and cohort, then
//! measures the first page (50 entries, newest first), a filter by record
//! number (each under 50 ms), the previous-patient lookup behind `next-start`
//! and a cycle-1 order's stagger check (each under 10 ms), a recall by lot and an NK
//! product's trace (issue 21: each under 50 ms; 20 000 prepared steps carry 2 000 lots,
//! 10 000 NK receipts, added once), and one `verify`
//! of the whole chain (its time printed; its memory is measured on the
//! program, see the README). `cargo bench --bench register`.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a benchmark may fail loudly

use std::hint::black_box;
use std::path::PathBuf;

use chrono::{NaiveDateTime, TimeDelta};
use criterion::{Criterion, criterion_group, criterion_main};
use nkact_dose::order::release::{Ledger, preview};
use nkact_dose::order::{Order, Patient};
use nkact_dose::register::{Filter, Register, RegisterAction};
use nkact_dose::settings::Settings;
use nkact_dose::stagger::Cohort;

fn start() -> NaiveDateTime {
    NaiveDateTime::parse_from_str("2026-01-01 08:00", "%Y-%m-%d %H:%M").unwrap()
}

/// Cycle 2 orders (no criteria table), one per record number HC-0000000 …, a minute apart;
/// every hundredth a cycle-1 sheet of trial subject S-k (expansion) with its Day 1.
fn order(k: usize) -> Order {
    let mut o = Order::new(start(), Settings::default());
    o.patient = Patient {
        name: "María José Núñez-Ibáñez".into(),
        identifier: format!("HC-{k:07}"),
        date_of_birth: "1968-05-14".into(),
        allergies: "none known".into(),
    };
    o.inputs.weight = "70".into();
    o.inputs.height = "170".into();
    o.inputs.cycle = "2".into();
    o.issued_by = "Farm. A. García".into();
    o
}

fn register(entries: usize) -> String {
    let path = std::env::var("NKACT_BENCH_REGISTER").unwrap_or_else(|_| {
        PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join(format!("target/bench-register-v5b-{entries}.sqlite3"))
            .to_string_lossy()
            .into_owned()
    });
    let mut reg = Register::connect(&path).unwrap();
    let have =
        reg.list(&Filter { limit: 1, ..Filter::default() }).unwrap().first().map_or(0, |e| e.id as usize);
    if have < entries {
        let built = std::time::Instant::now();
        let template = order(0);
        let report = template.report().unwrap();
        let mut k = have;
        while k < entries {
            let batch: Vec<_> = (k..(k + 10_000).min(entries))
                .map(|i| {
                    let mut o = template.clone();
                    o.patient.identifier = format!("HC-{i:07}");
                    o.order_id = nkact_dose::order::order_id(start());
                    let at = start() + TimeDelta::minutes(i as i64);
                    if i % 100 == 0 {
                        o.inputs.cycle = "1".into();
                        o.inputs.day1 = (at.date() + TimeDelta::days(7)).format("%Y-%m-%d").to_string();
                        o.trial.subject = format!("S-{i}");
                        o.trial.cohort = "expansion".into();
                        let r = o.report().unwrap();
                        return (o, r, RegisterAction::Exported, at);
                    }
                    (o, report.clone(), RegisterAction::Exported, at)
                })
                .collect();
            k += batch.len();
            reg.record_many(&batch).unwrap();
        }
        eprintln!("built a register of {entries} entries in {:.0} s", built.elapsed().as_secs_f64());
    }
    path
}

/// Adds, once, the product steps a recall reads: a prepared step with two vials' lots for
/// every 50th order (2 000 lots, each in 10 bags) and an NK receipt for every 100th.
fn product_steps(reg: &mut Register, entries: usize) {
    use nkact_dose::order::release::StepToSign;
    use nkact_dose::register::{Person, Role, Step};
    if !reg.trace_lot("LOT-0001").unwrap().is_empty() {
        return;
    }
    let built = std::time::Instant::now();
    let tech = Person { name: "Bench Tech".into(), role: Role::Technician, active: true };
    let ids: Vec<(String, i64)> = {
        let mut out = Vec::new();
        let mut offset = 0;
        loop {
            let page = reg.list(&Filter { limit: 10_000, offset, ..Filter::default() }).unwrap();
            if page.is_empty() {
                break;
            }
            offset += page.len() as u32;
            out.extend(page.into_iter().map(|e| (e.order_id, e.id)));
        }
        out
    };
    for chunk in ids.iter().enumerate().filter(|(i, _)| i % 50 == 0).collect::<Vec<_>>().chunks(1000) {
        reg.in_release(|tx| -> Result<(), nkact_dose::register::RegisterError> {
            for (i, (order_id, _)) in chunk {
                let lot = format!("LOT-{:04}", (i / 50) % 2000);
                let detail = format!(
                    r#"{{"vials":[{{"lot":"{lot}","expiry":"2030-01-31"}},{{"lot":"X-{i}","expiry":"2030-01-31"}}],"measured":null,"bag":2}}"#
                );
                let at = start();
                tx.sign(&StepToSign { order_id, revision: 1, step: Step::Prepared, person: &tech, ok: true, detail, at })?;
                if i % 100 == 0 {
                    let detail = format!(
                        r#"{{"product":"NKP-{i}","bag":"NKB-{i}","released_at":"2026-01-01T08:00:00Z","infuse_by":null,"temperature":"4","integrity":"ok"}}"#
                    );
                    tx.sign(&StepToSign { order_id, revision: 1, step: Step::Received, person: &tech, ok: true, detail, at })?;
                }
            }
            Ok(())
        })
        .unwrap();
    }
    eprintln!("added the product steps of {entries} entries in {:.0} s", built.elapsed().as_secs_f64());
}

fn bench(c: &mut Criterion) {
    let entries: usize =
        std::env::var("NKACT_BENCH_ENTRIES").ok().and_then(|v| v.parse().ok()).unwrap_or(1_000_000);
    let path = register(entries);
    let mut reg = Register::connect(&path).unwrap();
    product_steps(&mut reg, entries);
    // Recall: every bag that received a lot, with its patient and order (issue 21).
    assert_eq!(reg.trace_lot("lot-0777").unwrap().len(), 10);
    c.bench_function(&format!("register trace --lot at {entries} entries"), |b| {
        b.iter(|| black_box(reg.trace_lot("LOT-0777").unwrap()))
    });
    assert_eq!(reg.trace_nk("NKP-5000").unwrap().len(), 1);
    c.bench_function(&format!("register trace --nk-product at {entries} entries"), |b| {
        b.iter(|| black_box(reg.trace_nk("NKP-5000").unwrap()))
    });
    let page = Filter { limit: 50, ..Filter::default() };
    assert_eq!(reg.list(&page).unwrap().len(), 50);
    c.bench_function(&format!("register first page of 50 at {entries} entries"), |b| {
        b.iter(|| black_box(reg.list(&page).unwrap()))
    });
    let one = Filter { patient_id: format!("hc-{:07}", entries / 2), limit: 50, ..Filter::default() };
    assert_eq!(reg.list(&one).unwrap().len(), 1);
    c.bench_function(&format!("register filter by record number at {entries} entries"), |b| {
        b.iter(|| black_box(reg.list(&one).unwrap()))
    });
    // Opening the register (and checking its schema) is part of every Register view refresh.
    c.bench_function(&format!("register open at {entries} entries"), |b| {
        b.iter(|| black_box(Register::connect(&path).unwrap()))
    });
    // The previous patient (issue 20: a full scan, 1.0–2.4 s at 1 000 000 entries).
    assert!(reg.next_start(Cohort::Expansion, "").unwrap().is_some());
    c.bench_function(&format!("register next-start at {entries} entries"), |b| {
        b.iter(|| black_box(reg.next_start(Cohort::Expansion, "").unwrap()))
    });
    // A cycle-1 order's checks across patients, as the release workflow runs them.
    let mut next = order(entries + 1);
    next.inputs.cycle = "1".into();
    next.inputs.day1 = "2030-01-07".into();
    next.trial.subject = "S-NEW".into();
    next.trial.cohort = "expansion".into();
    let report = next.report().ok();
    let now = start();
    c.bench_function(&format!("register cycle-1 stagger check at {entries} entries"), |b| {
        b.iter(|| black_box(reg.in_release(|t| preview(t, &next, report.as_ref(), now)).unwrap()))
    });
    // One verify of the whole chain, streamed.
    let t = std::time::Instant::now();
    let report = reg.verify().unwrap();
    eprintln!(
        "verify of {} links: {:.1} s, breaks: {}",
        report.checked,
        t.elapsed().as_secs_f64(),
        report.bad.len()
    );
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20);
    targets = bench
}
criterion_main!(benches);
