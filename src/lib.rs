//! nkact-dose: doses, working and the pharmacy order sheet for the NK-ACT-BC
//! regimen (NCT05385705). Everything testable lives here; `main.rs` only
//! chooses between the window and the command line.
//!
//! Layers, lowest first (README, "Code map"):
//! - [`domain`]: regimen table, units, validation, BSA, the dose engine. Facts, never sentences.
//! - [`order`]: the order as a plain value and its file format; [`store`]: the register.
//!   Both keep codes, numbers and ISO dates, never display text.
//! - [`present`]: the presentation model, the translations (Fluent) and number and date writing.
//! - [`output`] (sheet, print), [`ui`] (window), [`cli`] (command line): the faces.
//!
//! Data flow: text as typed ([`input::RawInputs`]) → one validation boundary
//! ([`input::validate`]) → the engine ([`engine::calculate`]) evaluating the
//! regimen table ([`regimen::NK_ACT_BC`]) → a [`engine::Report`] of facts →
//! the presentation model → window, terminal and sheet.
#![forbid(unsafe_code)]

pub mod cli;
pub mod domain;
pub mod order;
pub mod output;
pub mod present;
pub mod store;
pub mod ui;

// Short paths for the modules people reach for most (`nkact_dose::engine`).
pub use domain::{
    bsa, clinical, clock, criteria, engine, error, identity, input, locale, regimen, rounding, settings,
    stagger, units,
};
pub use order::doublecheck;
pub use output::{print, sheet};
pub use present::{numfmt, words};
pub use store::register;
pub use ui::{app, gui};
