//! Benchmarks (`cargo bench`): the engine for one patient, one order sheet,
//! saving and loading an order, and the whole `calc` and `order` processes.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a benchmark may fail loudly

use std::hint::black_box;
use std::process::Command;

use chrono::NaiveDateTime;
use criterion::{Criterion, criterion_group, criterion_main};
use nkact_dose::engine::calculate;
use nkact_dose::input::{RawInputs, validate};
use nkact_dose::order::{self, Order, Patient};
use nkact_dose::settings::Settings;

const BIN: &str = env!("CARGO_BIN_EXE_nkact-dose");

fn now() -> NaiveDateTime {
    NaiveDateTime::parse_from_str("2026-02-20 09:30", "%Y-%m-%d %H:%M").unwrap()
}

fn raw() -> RawInputs {
    RawInputs {
        weight: "70,5".into(),
        height: "170".into(),
        nk_cells: "2.5x10^8".into(),
        day1: "2026-03-02".into(),
        previous_weight: "72".into(),
        ..RawInputs::default()
    }
}

fn sample_order() -> Order {
    let mut o = Order::new(now(), Settings::default());
    o.inputs = raw();
    o.patient = Patient {
        name: "María José Núñez-Ibáñez".into(),
        identifier: "HC-0012345".into(),
        date_of_birth: "1968-05-14".into(),
        allergies: "none known".into(),
    };
    let report = o.report().unwrap();
    o.acknowledge_all(&report, "Farm. A. García", &[], now());
    o
}

fn benches(c: &mut Criterion) {
    let settings = Settings::default();
    c.bench_function("engine: validate + calculate one patient", |b| {
        let r = raw();
        b.iter(|| calculate(&validate(black_box(&r)).unwrap(), &settings).unwrap())
    });
    let o = sample_order();
    let pdf = nkact_dose::sheet::render(&o, now()).unwrap();
    println!("order sheet size: {} bytes", pdf.len());
    c.bench_function("order sheet: render one PDF", |b| {
        b.iter(|| nkact_dose::sheet::render(black_box(&o), now()).unwrap())
    });
    let dir = std::env::temp_dir().join(format!("nkact-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("order.json");
    c.bench_function("order file: save + load", |b| {
        b.iter(|| {
            order::save(black_box(&o), &path).unwrap();
            order::load(&path).unwrap()
        })
    });
    let mut group = c.benchmark_group("process");
    group.sample_size(20);
    group.bench_function("nkact-dose calc --json", |b| {
        b.iter(|| {
            let out = Command::new(BIN)
                .args(["calc", "--weight", "70,5", "--height", "170", "--day1", "2026-03-02", "--json"])
                .output()
                .unwrap();
            assert!(out.status.success());
        })
    });
    let pdf_path = dir.join("sheet.pdf");
    group.bench_function("nkact-dose order", |b| {
        b.iter(|| {
            let out = Command::new(BIN)
                .args([
                    "order",
                    "--weight",
                    "70,5",
                    "--height",
                    "170",
                    "--day1",
                    "2026-03-02",
                    "--nk-cells",
                    "2e8",
                    "--name",
                    "María José Núñez",
                    "--patient-id",
                    "HC-1",
                    "--dob",
                    "1968-05-14",
                    "--allergies",
                    "none known",
                    "--acknowledged-by",
                    "A",
                    "--force",
                    "--out",
                ])
                .arg(&pdf_path)
                .output()
                .unwrap();
            assert!(out.status.success());
        })
    });
    group.finish();
}

criterion_group!(engine, benches);
criterion_main!(engine);
