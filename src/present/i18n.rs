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

// The table `build.rs` reads from the translation files: every id, with the
// arguments its English message reads and the arguments any language reads.
include!(concat!(env!("OUT_DIR"), "/messages.rs"));

const fn same(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

const fn listed(name: &str, list: &[&str]) -> bool {
    let mut i = 0;
    while i < list.len() {
        if same(name, list[i]) {
            return true;
        }
        i += 1;
    }
    false
}

const fn entry(
    id: &str,
) -> Option<&'static (&'static str, &'static [&'static str], &'static [&'static str])> {
    let mut i = 0;
    while i < MESSAGES.len() {
        if same(id, MESSAGES[i].0) {
            return Some(&MESSAGES[i]);
        }
        i += 1;
    }
    None
}

/// Checked while the program compiles (through [`msg!`] and [`id!`]): `id` is a
/// message of every translation file.
// Evaluated only in `const _` items the macros write: a panic here is a build error.
#[allow(clippy::panic)]
#[doc(hidden)]
pub const fn check_id(id: &str) {
    if entry(id).is_none() {
        panic!("no such message id in locales/*.ftl");
    }
}

/// Checked while the program compiles (through [`msg!`]): `id` is a message, every
/// argument given is one it reads, and every argument its English message reads is given.
// Evaluated only in `const _` items the macros write: a panic here is a build error.
#[allow(clippy::panic)]
#[doc(hidden)]
pub const fn check(id: &str, given: &[&str]) {
    let Some((_, needs, reads)) = entry(id) else { panic!("no such message id in locales/*.ftl") };
    let mut i = 0;
    while i < given.len() {
        if !listed(given[i], reads) {
            panic!("an argument this message does not read (misspelt?)");
        }
        i += 1;
    }
    let mut j = 0;
    while j < needs.len() {
        if !listed(needs[j], given) {
            panic!("this message reads an argument that is not given");
        }
        j += 1;
    }
}

/// A message and its values, checked against the translation files while the
/// program compiles. Made by [`msg!`]; worded by [`Words::msg`].
#[derive(Debug, Clone)]
pub struct Msg {
    pub id: &'static str,
    pub args: Vec<(&'static str, Arg)>,
}

/// `msg!("id", "name" => value, …)`: a message whose id and argument names are
/// checked at build time against `locales/*.ftl` (a misspelt id or argument
/// fails `cargo build`).
#[macro_export]
macro_rules! msg {
    ($id:literal $(, $k:literal => $v:expr)* $(,)?) => {{
        const _: () = $crate::present::i18n::check($id, &[$($k),*]);
        $crate::present::i18n::Msg { id: $id, args: vec![$(($k, $crate::present::i18n::Arg::from($v))),*] }
    }};
}

/// Checked while the program compiles (through [`msg_some!`]): `id` is a message and
/// every argument its English message reads is given (others may be given too).
// Evaluated only in `const _` items the macros write: a panic here is a build error.
#[allow(clippy::panic)]
#[doc(hidden)]
pub const fn check_needs(id: &str, given: &[&str]) {
    let Some((_, needs, _)) = entry(id) else { panic!("no such message id in locales/*.ftl") };
    let mut j = 0;
    while j < needs.len() {
        if !listed(needs[j], given) {
            panic!("this message reads an argument that is not given");
        }
        j += 1;
    }
}

/// `msg_some!("id", "name" => value, …)`: as [`msg!`], for a family of messages
/// given the same values (the error sentences all get label, gender and value;
/// each reads those it needs): the id and every argument it reads are checked
/// at build time, a value it does not read is passed and unused.
#[macro_export]
macro_rules! msg_some {
    ($id:literal $(, $k:literal => $v:expr)* $(,)?) => {{
        const _: () = $crate::present::i18n::check_needs($id, &[$($k),*]);
        $crate::present::i18n::Msg { id: $id, args: vec![$(($k, $crate::present::i18n::Arg::from($v))),*] }
    }};
}

/// `id!("id")`: a message id checked at build time, for tables that choose an id
/// (a drug's name, a state's word) and word it later with its values.
#[macro_export]
macro_rules! id {
    ($id:literal) => {{
        const _: () = $crate::present::i18n::check_id($id);
        $id
    }};
}

pub use crate::{id, msg, msg_some};

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

    /// A message checked at build time ([`msg!`]), worded.
    pub fn msg(&self, m: Msg) -> String {
        self.ta(m.id, &m.args)
    }

    /// A message without placeables, by an id checked with [`id!`].
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
