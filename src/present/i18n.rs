//! The translation files and how a message is looked up. Words live in
//! `locales/<lang>.ftl` (Project Fluent), one file per language, embedded at
//! build time; whole sentences with placeables, plural and gender selectors
//! and translator comments live there, with the translator. Code asks for a
//! message by id and passes the values; it never glues a sentence from
//! fragments. `tests/i18n.rs` checks that every id the code asks for exists in
//! every language, with the same placeables.
//!
//! Numbers reach Fluent already written by [`crate::present::numfmt`] (ISMP
//! rules and the document's decimal mark); only counts that select a plural
//! (`$n`, `$days`, `$count`, `$m` for millions) are passed as numbers.

use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

use crate::locale::{DecimalMark, Lang};

/// The translation files, as built into the program.
pub const SOURCES: [(Lang, &str); 3] = [
    (Lang::En, include_str!("../../locales/en.ftl")),
    (Lang::Es, include_str!("../../locales/es.ftl")),
    (Lang::Ca, include_str!("../../locales/ca.ftl")),
];

type Bundle = FluentBundle<FluentResource>;

fn bundle(lang: Lang) -> Option<&'static Bundle> {
    static BUNDLES: OnceLock<Vec<(Lang, Bundle)>> = OnceLock::new();
    let all = BUNDLES.get_or_init(|| {
        SOURCES
            .iter()
            .filter_map(|(lang, source)| {
                // A file with a syntax error still gives the messages it could read;
                // tests/i18n.rs fails on any error.
                let resource = match FluentResource::try_new((*source).to_owned()) {
                    Ok(r) => r,
                    Err((r, _)) => r,
                };
                let id: unic_langid::LanguageIdentifier = lang.key().parse().ok()?;
                let mut b = FluentBundle::new_concurrent(vec![id]);
                // egui and the PDF font draw Unicode isolation marks as boxes.
                b.set_use_isolating(false);
                let _ = b.add_resource(resource);
                Some((*lang, b))
            })
            .collect()
    });
    all.iter().find(|(l, _)| *l == lang).map(|(_, b)| b)
}

/// A value passed to a message: text already written, or a number that a
/// plural selector decides on.
#[derive(Debug, Clone)]
pub enum Arg {
    Text(String),
    Number(f64),
}

impl From<String> for Arg {
    fn from(s: String) -> Self {
        Arg::Text(s)
    }
}
impl From<&str> for Arg {
    fn from(s: &str) -> Self {
        Arg::Text(s.to_owned())
    }
}
impl From<&String> for Arg {
    fn from(s: &String) -> Self {
        Arg::Text(s.clone())
    }
}
impl From<i64> for Arg {
    fn from(n: i64) -> Self {
        Arg::Number(n as f64)
    }
}
impl From<u32> for Arg {
    fn from(n: u32) -> Self {
        Arg::Number(f64::from(n))
    }
}
impl From<i32> for Arg {
    fn from(n: i32) -> Self {
        Arg::Number(f64::from(n))
    }
}
impl From<f64> for Arg {
    fn from(n: f64) -> Self {
        Arg::Number(n)
    }
}
impl From<usize> for Arg {
    fn from(n: usize) -> Self {
        Arg::Number(n as f64)
    }
}

/// The words of one language, and the decimal mark numbers are written with.
/// One `Words` serves one document or one frame, so a document never mixes marks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Words {
    pub lang: Lang,
    pub mark: DecimalMark,
}

impl Default for Words {
    fn default() -> Self {
        Words::new(Lang::En, None)
    }
}

impl Words {
    /// The words of `lang`; numbers with `mark`, or the language's usual mark when the site set none.
    pub fn new(lang: Lang, mark: Option<DecimalMark>) -> Self {
        Words { lang, mark: mark.unwrap_or(lang.usual_decimal_mark()) }
    }

    /// English with a decimal point.
    pub fn english() -> Self {
        Words::new(Lang::En, None)
    }

    /// A message without placeables.
    pub fn t(&self, id: &str) -> String {
        self.ta(id, &[])
    }

    /// A message with its placeables. A message missing from this language
    /// falls back to English, then to its id (tests fail on either).
    pub fn ta(&self, id: &str, args: &[(&str, Arg)]) -> String {
        let mut fargs = FluentArgs::new();
        for (name, value) in args {
            match value {
                Arg::Text(s) => fargs.set(*name, FluentValue::from(s.clone())),
                Arg::Number(n) => fargs.set(*name, FluentValue::from(*n)),
            }
        }
        for lang in [self.lang, Lang::En] {
            let Some(b) = bundle(lang) else { continue };
            let Some(pattern) = b.get_message(id).and_then(|m| m.value()) else { continue };
            let mut errors = Vec::new();
            return b.format_pattern(pattern, Some(&fargs), &mut errors).into_owned();
        }
        id.to_owned()
    }

    /// An attribute of a message (`.gender` of a field label), if the language has it.
    pub fn attribute(&self, id: &str, attribute: &str) -> Option<String> {
        let b = bundle(self.lang)?;
        let pattern = b.get_message(id)?.get_attribute(attribute)?.value();
        let mut errors = Vec::new();
        Some(b.format_pattern(pattern, None, &mut errors).into_owned())
    }

    /// Formatting problems of one message with these values (missing
    /// placeables, unknown references): empty when it formats cleanly.
    pub fn check(&self, id: &str, args: &[(&str, Arg)]) -> Vec<String> {
        let Some(b) = bundle(self.lang) else { return vec![format!("no bundle for {}", self.lang.key())] };
        let Some(pattern) = b.get_message(id).and_then(|m| m.value()) else {
            return vec![format!("{id}: missing in {}", self.lang.key())];
        };
        let mut fargs = FluentArgs::new();
        for (name, value) in args {
            match value {
                Arg::Text(s) => fargs.set(*name, FluentValue::from(s.clone())),
                Arg::Number(n) => fargs.set(*name, FluentValue::from(*n)),
            }
        }
        let mut errors = Vec::new();
        let _ = b.format_pattern(pattern, Some(&fargs), &mut errors);
        errors.iter().map(|e| format!("{id}: {e:?}")).collect()
    }
}
