//! The domain: the regimen table, units, the one validation boundary, BSA and
//! the dose engine. It returns facts (numbers, kinds, codes), never sentences,
//! and imports nothing from the layers above it (order, store, present,
//! output, ui, cli); `tests/layers.rs` fails if it does.

pub mod bsa;
pub mod calendar;
pub mod clinical;
pub mod clock;
pub mod criteria;
pub mod engine;
pub mod error;
pub mod gs1;
pub mod identity;
pub mod input;
pub mod lab;
pub mod locale;
pub mod people;
pub mod product;
pub mod qualification;
pub mod regimen;
pub mod rounding;
pub mod settings;
pub mod stagger;
pub mod units;
