//! The translation files: every message the program asks for exists in every
//! language, with the same placeables; every file parses; every message
//! formats without an error in every language. A missing Spanish sentence
//! would otherwise show an English one on a Spanish sheet.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // tests may fail loudly

use std::collections::{BTreeMap, BTreeSet};

use fluent_syntax::ast;

#[path = "common/sources.rs"]
mod sources;
use nkact_dose::locale::Lang;
use nkact_dose::present::Words;
use nkact_dose::present::i18n::{Arg, SOURCES};

/// Message id → the variables its value and attributes reference.
fn messages(lang: Lang, source: &str) -> BTreeMap<String, BTreeSet<String>> {
    let resource = match fluent_syntax::parser::parse(source) {
        Ok(r) => r,
        Err((_, errors)) => panic!("{}.ftl does not parse: {errors:?}", lang.key()),
    };
    let mut out = BTreeMap::new();
    for entry in resource.body {
        if let ast::Entry::Message(m) = entry {
            let mut vars = BTreeSet::new();
            if let Some(v) = &m.value {
                pattern_vars(v, &mut vars);
            }
            out.insert(m.id.name.to_owned(), vars);
        }
    }
    out
}

fn pattern_vars(p: &ast::Pattern<&str>, out: &mut BTreeSet<String>) {
    for el in &p.elements {
        if let ast::PatternElement::Placeable { expression } = el {
            expression_vars(expression, out);
        }
    }
}

fn expression_vars(e: &ast::Expression<&str>, out: &mut BTreeSet<String>) {
    match e {
        ast::Expression::Select { selector, variants } => {
            inline_vars(selector, out);
            for v in variants {
                pattern_vars(&v.value, out);
            }
        }
        ast::Expression::Inline(i) => inline_vars(i, out),
    }
}

fn inline_vars(i: &ast::InlineExpression<&str>, out: &mut BTreeSet<String>) {
    match i {
        ast::InlineExpression::VariableReference { id } => {
            out.insert(id.name.to_owned());
        }
        ast::InlineExpression::Placeable { expression } => expression_vars(expression, out),
        _ => {}
    }
}

fn all() -> Vec<(Lang, BTreeMap<String, BTreeSet<String>>)> {
    SOURCES.iter().map(|(lang, source)| (*lang, messages(*lang, source))).collect()
}

#[test]
// Shows: REQ-I18N-001
fn every_language_has_every_message_with_the_same_placeables() {
    let all = all();
    let (_, en) = &all[0];
    // A translation may agree in gender ($gender) or choose "millón"/"millones"
    // ($m) where English needs not, and writes dates from day, month and year
    // where English writes ISO.
    let free: BTreeSet<&str> = ["gender", "m"].into();
    let dates: BTreeSet<&str> = ["date", "date-plain", "datetime"].into();
    let mut problems = Vec::new();
    for (lang, msgs) in &all[1..] {
        for id in en.keys().filter(|id| !msgs.contains_key(*id)) {
            problems.push(format!("{}: missing {id}", lang.key()));
        }
        for id in msgs.keys().filter(|id| !en.contains_key(*id)) {
            problems.push(format!("{}: {id} is not in en.ftl", lang.key()));
        }
        for (id, vars) in msgs {
            let Some(en_vars) = en.get(id) else { continue };
            if dates.contains(id.as_str()) {
                continue;
            }
            let a: BTreeSet<&str> =
                en_vars.iter().map(String::as_str).filter(|v| !free.contains(v)).collect();
            let b: BTreeSet<&str> = vars.iter().map(String::as_str).filter(|v| !free.contains(v)).collect();
            if a != b {
                problems.push(format!("{}: {id} uses {b:?}, English {a:?}", lang.key()));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// The string literals the program passes as message ids.
fn ids_in_code() -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let files = sources::rust_files(&std::path::PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/src")));
    for f in files {
        let text = std::fs::read_to_string(&f).unwrap();
        // `.t("id")`, `.ta("id", …)`, `.ta(\n "id"`, and ids chosen in a match or a table.
        for marker in [".t(", ".ta(", "self.t(match", "w.t(match"] {
            for (i, _) in text.match_indices(marker) {
                let rest = text[i + marker.len()..].trim_start();
                if let Some(id) = rest.strip_prefix('"').and_then(|r| r.split('"').next()) {
                    out.insert(id.to_owned());
                }
            }
        }
        for line in text.lines() {
            let l = line.trim();
            // `Variant => "message-id",` arms and `("message-id", …)` tuples inside words.
            for piece in l.split('"').skip(1).step_by(2) {
                let looks_like_id = piece.contains('-')
                    && piece.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
                    && !piece.starts_with('-');
                let prefixes = [
                    "field-",
                    "drug-",
                    "route-",
                    "formula-",
                    "warn-",
                    "error-",
                    "accepted-",
                    "char-",
                    "g-",
                    "l-",
                    "s-",
                    "nk-",
                    "phase-",
                    "action-",
                    "register-",
                    "print-",
                    "file-",
                    "refuse-",
                    "mismatch-",
                    "rate-",
                    "amount-",
                    "concentration-",
                    "paper-",
                    "lang-",
                    "decimal-mark-",
                    "calc-",
                    "cli-",
                ];
                if looks_like_id && prefixes.iter().any(|p| piece.starts_with(p)) {
                    out.insert(piece.to_owned());
                }
            }
        }
    }
    out
}

#[test]
fn every_id_the_code_asks_for_exists() {
    let all = all();
    let (_, en) = &all[0];
    // Codes and widget ids that share the look of a message id.
    let not_ids: BTreeSet<&str> = [
        "nk-not-this-cycle",
        "nk-cells",
        "bsa-formula",
        "actions-scroll",
        "register-filter",
        "last-dose-ignored",
        "action-key",
        // The trace index's kind of key (issue 21).
        "nk-product",
    ]
    .into();
    let missing: Vec<String> = ids_in_code()
        .into_iter()
        .filter(|id| !en.contains_key(id) && !not_ids.contains(id.as_str()))
        .collect();
    assert!(missing.is_empty(), "asked for but not in en.ftl: {missing:?}");
}

#[test]
fn every_message_formats_cleanly_in_every_language() {
    let all = all();
    let mut problems = Vec::new();
    for (lang, msgs) in &all {
        let w = Words::new(*lang, None);
        for (id, vars) in msgs {
            // Every variable, as a number where a selector may want one.
            let args: Vec<(&str, Arg)> = vars.iter().map(|v| (v.as_str(), Arg::Number(2.0))).collect();
            problems.extend(w.check(id, &args));
            let text = w.ta(id, &args);
            if text.contains("{$") || text.contains("{ $") || text.trim().is_empty() {
                problems.push(format!("{}: {id} formats as {text:?}", lang.key()));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn field_labels_carry_a_gender_in_gendered_languages() {
    for lang in [Lang::Es, Lang::Ca] {
        let w = Words::new(lang, None);
        for id in all()[0].1.keys().filter(|id| id.starts_with("field-")) {
            let g = w.attribute(id, "gender");
            assert!(
                matches!(
                    g.as_deref(),
                    Some("masculine" | "feminine" | "masculine-plural" | "feminine-plural")
                ),
                "{}: {id} has gender {g:?}",
                lang.key()
            );
        }
    }
}

#[test]
fn the_code_asks_for_messages_only_through_the_build_time_check() {
    // Issue 19: ids built with `format!` or passed as plain strings escaped every check but
    // this file's. Now `msg!`/`msg_some!`/`id!` check each id and argument while the
    // program compiles; the lookups by a plain string live in `present/i18n.rs` alone.
    let src = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut found = Vec::new();
    for file in sources::rust_files(&src) {
        if file.ends_with("present/i18n.rs") {
            continue;
        }
        let text = std::fs::read_to_string(&file).unwrap();
        for (n, line) in text.lines().enumerate() {
            let code = line.split("//").next().unwrap_or("");
            let bad = code.contains(".ta(")
                || code.contains(".t(\"")
                || code.contains(".t(&format!")
                || code.contains(".attribute(&format!")
                || code.contains("args![");
            if bad {
                found.push(format!("{}:{}: {}", file.display(), n + 1, line.trim()));
            }
        }
    }
    assert!(found.is_empty(), "messages asked for without the build-time check:\n{}", found.join("\n"));
}
