//! The window: its state ([`app`]) and its drawing ([`gui`]).

pub mod app;
pub mod gui;
