//! The window: its state ([`app`]) and its drawing ([`gui`]).

pub mod app;
pub mod gui;
pub mod watch;

/// Where the order register lives unless told otherwise: `$NKACT_DOSE_REGISTER`,
/// else the user's data folder for this program (as eframe names it per system).
pub fn default_register_path() -> Option<std::path::PathBuf> {
    crate::register::default_path()
}
