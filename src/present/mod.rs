//! Presentation: turns the domain's facts into the words and numbers a
//! person reads, in the language chosen. Window, terminal and PDF draw what
//! this layer returns; none of them words a dose on its own.

pub mod numfmt;
pub mod text;
