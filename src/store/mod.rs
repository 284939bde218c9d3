//! Storage: the order register. It keeps codes, numbers and ISO dates, never display text.

pub mod register;
