//! Presentation: turns the domain's facts into the words and numbers a
//! person reads, in the language chosen. [`model`] builds the lines of a
//! report once; [`words`] words each fact from the translation files
//! ([`i18n`], `locales/*.ftl`); [`numfmt`] writes clinical numbers. Window,
//! terminal and PDF draw what this layer returns.

pub mod i18n;
pub mod model;
pub mod numfmt;
pub mod product;
pub mod release;
pub mod treat;
pub mod trial;
pub mod words;

pub use i18n::Words;
