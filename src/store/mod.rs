//! Storage: the order register, in SQLite (one workstation) or PostgreSQL (a
//! pharmacy's workstations), behind one interface. It keeps codes, numbers and
//! ISO dates, never display text.

pub mod db;
pub mod ledger;
pub mod pg;
pub mod register;
