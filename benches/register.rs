//! The Register view's queries at scale (issue 12): builds a SQLite register
//! of 1 000 000 entries (NKACT_BENCH_ENTRIES to change it; kept under
//! target/ and reused), then measures the first page (50 entries, newest
//! first) and a filter by record number. Target: each under 50 ms.
//! `cargo bench --bench register`.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a benchmark may fail loudly

use std::hint::black_box;
use std::path::PathBuf;

use chrono::{NaiveDateTime, TimeDelta};
use criterion::{Criterion, criterion_group, criterion_main};
use nkact_dose::order::{Order, Patient};
use nkact_dose::register::{Filter, Register, RegisterAction};
use nkact_dose::settings::Settings;

fn start() -> NaiveDateTime {
    NaiveDateTime::parse_from_str("2026-01-01 08:00", "%Y-%m-%d %H:%M").unwrap()
}

/// Cycle 2 orders (no criteria table), one per record number HC-0000000 …, a minute apart.
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

fn register(entries: usize) -> PathBuf {
    let path =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(format!("target/bench-register-{entries}.sqlite3"));
    let mut reg = Register::open(&path).unwrap();
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
                    (o, report.clone(), RegisterAction::Exported, start() + TimeDelta::minutes(i as i64))
                })
                .collect();
            k += batch.len();
            reg.record_many(&batch).unwrap();
        }
        eprintln!("built a register of {entries} entries in {:.0} s", built.elapsed().as_secs_f64());
    }
    path
}

fn bench(c: &mut Criterion) {
    let entries: usize =
        std::env::var("NKACT_BENCH_ENTRIES").ok().and_then(|v| v.parse().ok()).unwrap_or(1_000_000);
    let path = register(entries);
    let mut reg = Register::open(&path).unwrap();
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
        b.iter(|| black_box(Register::open(&path).unwrap()))
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20);
    targets = bench
}
criterion_main!(benches);
