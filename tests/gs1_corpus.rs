//! The GS1 reader against an independent corpus (issue 21): 416 element strings a
//! keyboard-wedge scanner could type — valid ones in every field order, with and without the
//! `]d2`/`]C1`/`]Q3` prefix, FNC1 as a leading GS, CR/LF; expired lots; wrong check digits;
//! lost separators; characters a keyboard layout changed; impossible dates; unknown, short,
//! long and repeated fields. Each row's expectation was made by construction in
//! `tests/fixtures/gs1/make_corpus.py` (Python, from the GS1 General Specifications and the
//! reading rules, never from this program's output), and is cited there. Plus the property
//! that formatting a pack code and reading it back gives the same code.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // tests may fail loudly

use chrono::NaiveDate;
use nkact_dose::domain::gs1::{GS, Gs1Problem, PackCode, Vial, check_digit, parse};
use proptest::prelude::*;

fn unescape(s: &str) -> String {
    s.replace("<GS>", &GS.to_string()).replace("<CR>", "\r").replace("<LF>", "\n").replace("<TAB>", "\t")
}

fn date(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

/// The corpus's expectation for a problem, in its own words.
fn expected_problem(expect: &str) -> Gs1Problem {
    let (kind, detail) = expect.split_once(':').unwrap_or((expect, ""));
    let parts: Vec<&str> = detail.splitn(2, ':').collect();
    match kind {
        "empty" => Gs1Problem::Empty,
        "too-long" => Gs1Problem::TooLong,
        "not-gs1" => Gs1Problem::NotGs1(unescape(detail)),
        "bad-character" => {
            let (pos, ch) = detail.split_once(':').unwrap();
            let ch = unescape(ch);
            assert_eq!(ch.chars().count(), 1, "one character in {expect:?}");
            Gs1Problem::BadCharacter { at: pos.parse().unwrap(), found: ch.chars().next().unwrap() }
        }
        "unknown-ai" => Gs1Problem::UnknownAi(unescape(detail)),
        "truncated" => Gs1Problem::Truncated(detail.to_owned()),
        "field-too-long" => Gs1Problem::FieldTooLong(detail.to_owned()),
        "repeated" => Gs1Problem::Repeated(detail.to_owned()),
        "missing" => Gs1Problem::Missing { ai: parts[0].to_owned(), lost_gs: parts[1] == "true" },
        "check-digit" => {
            Gs1Problem::CheckDigit { found: parts[0].parse().unwrap(), expected: parts[1].parse().unwrap() }
        }
        "bad-expiry" => Gs1Problem::BadExpiry(detail.to_owned()),
        "expired" => Gs1Problem::Expired(date(detail)),
        other => panic!("unknown expectation {other:?}"),
    }
}

#[test]
// Shows: REQ-PROD-003
fn every_row_of_the_independent_corpus_reads_as_expected() {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/gs1/corpus.tsv"))
        .unwrap();
    let mut rows = 0;
    let mut kinds = std::collections::BTreeMap::<String, usize>::new();
    let mut wrong = Vec::new();
    for line in text.lines().filter(|l| !l.starts_with('#')).skip(1) {
        let cols: Vec<&str> = line.split('\t').collect();
        assert_eq!(cols.len(), 9, "nine columns: {line:?}");
        let (scan, on, expect) = (unescape(cols[0]), date(cols[1]), cols[2]);
        rows += 1;
        *kinds.entry(expect.split(':').next().unwrap().to_owned()).or_default() += 1;
        let got = Vial::scanned(&scan, on);
        let ok = match expect {
            "ok" => {
                let p = parse(&scan).unwrap_or_else(|e| panic!("{line}: {e:?}"));
                let want = PackCode {
                    gtin: cols[3].to_owned(),
                    expiry: date(cols[4]),
                    batch: cols[5].to_owned(),
                    serial: (!cols[6].is_empty()).then(|| cols[6].to_owned()),
                    national: (!cols[7].is_empty()).then(|| cols[7].to_owned()),
                };
                p == want && got.is_ok()
            }
            e => got.as_ref().err() == Some(&expected_problem(e)),
        };
        if !ok {
            wrong.push(format!("{line}\n    got {:?}", got));
        }
    }
    assert!(wrong.is_empty(), "{} of {rows} rows read otherwise:\n{}", wrong.len(), wrong.join("\n"));
    assert!(rows >= 300, "at least 300 rows: {rows}");
    for kind in ["ok", "expired", "check-digit", "missing", "bad-character", "bad-expiry", "not-gs1"] {
        assert!(kinds.get(kind).copied().unwrap_or(0) >= 8, "{kind}: {kinds:?}");
    }
}

fn cset82() -> impl Strategy<Value = String> {
    proptest::string::string_regex("[A-Za-z0-9!\"%&'()*+,./:;<=>?_-]{1,20}").unwrap()
}

prop_compose! {
    fn pack_code()(body in "[0-9]{13}", y in 2000i32..2099, m in 1u32..=12, d in 1u32..=28,
                   batch in cset82(), serial in proptest::option::of(cset82()),
                   national in proptest::option::of("[0-9]{6,8}")) -> PackCode {
        let gtin = format!("{body}{}", check_digit(&body).unwrap());
        PackCode { gtin, expiry: NaiveDate::from_ymd_opt(y, m, d).unwrap(), batch, serial, national }
    }
}

proptest! {
    /// parse ∘ format = identity, with and without the scanner's prefix and CR/LF.
    #[test]
    // Shows: REQ-PROD-003
    fn reading_back_a_formatted_code_gives_the_same_code(code in pack_code(), prefix in any::<bool>(), crlf in any::<bool>()) {
        let mut scan = code.element_string();
        if prefix { scan = format!("]d2{scan}"); }
        if crlf { scan.push_str("\r\n"); }
        prop_assert_eq!(parse(&scan), Ok(code));
    }
}
