//! nkact-dose: doses, working and the pharmacy order sheet for the NK-ACT-BC
//! regimen (NCT05385705). Everything testable lives here; `main.rs` only
//! chooses between the window and the command line.
//!
//! Data flow: text as typed ([`input::RawInputs`]) → one validation boundary
//! ([`input::validate`]) → the engine ([`engine::calculate`]) evaluating the
//! regimen table ([`regimen::NK_ACT_BC`]) → a [`engine::Report`] that the
//! command line, the window and the order sheet draw. All words a person reads
//! come from [`text`].
#![forbid(unsafe_code)]

pub mod app;
pub mod bsa;
pub mod cli;
pub mod clock;
pub mod doublecheck;
pub mod engine;
pub mod error;
pub mod gui;
pub mod identity;
pub mod input;
pub mod numfmt;
pub mod order;
pub mod print;
pub mod regimen;
pub mod register;
pub mod settings;
pub mod sheet;
pub mod text;
pub mod units;
