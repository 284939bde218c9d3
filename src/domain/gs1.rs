//! A vial's GS1 code as a keyboard-wedge scanner types it (issue 21): the element string of
//! the pack's Data Matrix — product (AI 01, GTIN-14 with its check digit), expiry (17,
//! YYMMDD, day 00 meaning the month's last day), batch (10), serial (21), and Spain's
//! national code (712) — read at one boundary. What is unambiguous is normalised (the
//! scanner's `]d2` symbology prefix, a trailing CR/LF); anything else is refused in words,
//! never guessed: a lost group separator, a character the keyboard layout turned into
//! another, a wrong check digit, an impossible date.
//!
//! Sources: GS1 General Specifications (AIs 01, 10, 17, 21; the mod-10 check digit; FNC1
//! written as GS, ASCII 29, after a variable-length field); EU Delegated Regulation
//! 2016/161 arts. 4–5 (the safety feature's data); `../shared/reference/traceability-and-trust.md`.

use chrono::{Datelike, NaiveDate};

/// The group separator a scanner sends for FNC1.
pub const GS: char = '\u{1d}';
/// The longest element string read (a pack's Data Matrix holds well under this).
const MAX_LEN: usize = 200;

/// What a pack's code says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PackCode {
    /// GTIN-14, check digit verified.
    pub gtin: String,
    pub expiry: NaiveDate,
    pub batch: String,
    pub serial: Option<String>,
    /// Spain's national code (AI 712), when the pack carries it.
    pub national: Option<String>,
}

impl PackCode {
    /// The element string a pack's Data Matrix carries (fixed fields first, GS after each
    /// variable field but the last), as [`parse`] reads it: `parse(&c.element_string()) == Ok(c)`.
    /// The expiry is written with its day (a day-00 code reads back as the month's last day).
    pub fn element_string(&self) -> String {
        let mut s = format!("01{}17{}", self.gtin, self.expiry.format("%y%m%d"));
        let variable: Vec<(&str, &str)> = [
            ("10", Some(self.batch.as_str())),
            ("21", self.serial.as_deref()),
            ("712", self.national.as_deref()),
        ]
        .into_iter()
        .filter_map(|(ai, v)| v.map(|v| (ai, v)))
        .collect();
        for (i, (ai, v)) in variable.iter().enumerate() {
            if i > 0 {
                s.push(GS);
            }
            s.push_str(ai);
            s.push_str(v);
        }
        s
    }
}

/// Why a scan was not read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Gs1Problem {
    /// Nothing was scanned.
    Empty,
    /// Longer than any pack code.
    TooLong,
    /// It does not start with a GS1 element string (what it starts with, bounded).
    NotGs1(String),
    /// A character outside GS1's character set at this place (1-based): the keyboard
    /// layout may have turned it into another.
    BadCharacter { at: usize, found: char },
    /// An application identifier this program does not read (the digits).
    UnknownAi(String),
    /// A fixed-length field shorter than it must be (its AI).
    Truncated(String),
    /// The GTIN's check digit does not match (the digit found, the digit expected).
    CheckDigit { found: u32, expected: u32 },
    /// Not a date (the six digits).
    BadExpiry(String),
    /// A variable field is longer than GS1 allows (its AI).
    FieldTooLong(String),
    /// An AI given twice (its AI).
    Repeated(String),
    /// The code lacks a field a pack's code carries (its AI). When a variable field holds
    /// what looks like the missing AI, the separator after it was probably lost (`lost_gs`).
    Missing { ai: String, lost_gs: bool },
    /// The lot expired before the preparation's date (its expiry).
    Expired(NaiveDate),
    /// A lot typed by hand that GS1 could not carry (empty, over 20 characters, or a
    /// character outside its set).
    BadLot,
}

/// One vial used in a preparation: from its scanned code, or its lot and expiry typed by hand.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Vial {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gtin: Option<String>,
    pub lot: String,
    pub expiry: NaiveDate,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub serial: Option<String>,
}

impl Vial {
    /// A vial from its scanned code, refused when it expired before `on` (the preparation's date).
    pub fn scanned(scan: &str, on: NaiveDate) -> Result<Vial, Gs1Problem> {
        let p = parse(scan)?;
        Vial { gtin: Some(p.gtin), lot: p.batch, expiry: p.expiry, serial: p.serial }.in_date(on)
    }

    /// A vial whose lot and expiry were typed by hand.
    pub fn typed(lot: &str, expiry: NaiveDate, on: NaiveDate) -> Result<Vial, Gs1Problem> {
        let lot = lot.trim();
        if lot.is_empty() || lot.chars().count() > 20 || !lot.chars().all(is_cset82) {
            return Err(Gs1Problem::BadLot);
        }
        Vial { gtin: None, lot: lot.to_owned(), expiry, serial: None }.in_date(on)
    }

    fn in_date(self, on: NaiveDate) -> Result<Vial, Gs1Problem> {
        if self.expiry < on { Err(Gs1Problem::Expired(self.expiry)) } else { Ok(self) }
    }
}

/// GS1's character set 82 (the characters a batch or serial may hold).
fn is_cset82(c: char) -> bool {
    c.is_ascii_alphanumeric() || "!\"%&'()*+,-./:;<=>?_".contains(c)
}

/// The GS1 mod-10 check digit of the digits before it.
pub fn check_digit(body: &str) -> Option<u32> {
    let mut sum = 0;
    for (i, c) in body.chars().rev().enumerate() {
        let d = c.to_digit(10)?;
        sum += if i % 2 == 0 { d * 3 } else { d };
    }
    Some((10 - sum % 10) % 10)
}

/// YYMMDD as GS1 writes an expiry: the year in this century, day 00 the month's last day.
fn expiry(six: &str) -> Option<NaiveDate> {
    let n = |r: std::ops::Range<usize>| six.get(r).and_then(|t| t.parse::<u32>().ok());
    let (yy, mm, dd) = (n(0..2)?, n(2..4)?, n(4..6)?);
    let year = 2000 + i32::try_from(yy).ok()?;
    if dd == 0 {
        let first = NaiveDate::from_ymd_opt(year, mm, 1)?;
        let next = if mm == 12 {
            NaiveDate::from_ymd_opt(year + 1, 1, 1)?
        } else {
            NaiveDate::from_ymd_opt(year, mm + 1, 1)?
        };
        return next.pred_opt().filter(|d| d.month() == first.month());
    }
    NaiveDate::from_ymd_opt(year, mm, dd)
}

/// Reads a scanned element string.
pub fn parse(scan: &str) -> Result<PackCode, Gs1Problem> {
    let trimmed = scan.trim_end_matches(['\r', '\n']);
    if trimmed.trim().is_empty() {
        return Err(Gs1Problem::Empty);
    }
    if trimmed.chars().count() > MAX_LEN {
        return Err(Gs1Problem::TooLong);
    }
    // The symbology identifier a scanner may send first: ]d2 (Data Matrix), ]C1 (GS1-128),
    // ]Q3 (GS1 QR). A leading GS (FNC1 in first position) is the same marker.
    let body = ["]d2", "]C1", "]Q3"].iter().find_map(|p| trimmed.strip_prefix(p)).unwrap_or(trimmed);
    let body = body.strip_prefix(GS).unwrap_or(body);
    if !body.starts_with("01") {
        return Err(Gs1Problem::NotGs1(body.chars().take(12).collect()));
    }
    let offset = trimmed.chars().count() - body.chars().count();
    for (i, c) in body.chars().enumerate() {
        if c != GS && !is_cset82(c) {
            return Err(Gs1Problem::BadCharacter { at: offset + i + 1, found: c });
        }
    }
    let (mut gtin, mut exp, mut batch, mut serial, mut national) = (None, None, None, None, None);
    let mut rest = body;
    while !rest.is_empty() {
        rest = rest.strip_prefix(GS).unwrap_or(rest);
        if rest.is_empty() {
            break;
        }
        let (ai, fixed, max) = if rest.starts_with("712") {
            ("712", None, 20)
        } else {
            match rest.get(..2) {
                Some("01") => ("01", Some(14), 14),
                Some("17") => ("17", Some(6), 6),
                Some("10") => ("10", None, 20),
                Some("21") => ("21", None, 20),
                _ => return Err(Gs1Problem::UnknownAi(rest.chars().take(4).collect())),
            }
        };
        let data = &rest[ai.len()..];
        let (value, after) = match fixed {
            Some(n) => {
                let value = data.get(..n).filter(|v| v.chars().all(|c| c.is_ascii_digit()));
                let Some(value) = value else { return Err(Gs1Problem::Truncated(ai.to_owned())) };
                (value, &data[n..])
            }
            None => {
                let end = data.find(GS).unwrap_or(data.len());
                (&data[..end], &data[end..])
            }
        };
        if value.chars().count() > max {
            return Err(Gs1Problem::FieldTooLong(ai.to_owned()));
        }
        let slot = match ai {
            "01" => &mut gtin,
            "17" => &mut exp,
            "10" => &mut batch,
            "21" => &mut serial,
            _ => &mut national,
        };
        if slot.is_some() {
            return Err(Gs1Problem::Repeated(ai.to_owned()));
        }
        *slot = Some(value.to_owned());
        rest = after;
    }
    let variable: Vec<&String> = [&batch, &serial, &national].into_iter().flatten().collect();
    // A variable field holding what looks like the missing field: its separator was lost.
    let lost = |ai: &str, width: usize| {
        variable.iter().any(|v| {
            v.match_indices(ai).any(|(i, _)| {
                let tail = &v[i + ai.len()..];
                width == 0 || tail.get(..width).is_some_and(|t| t.chars().all(|c| c.is_ascii_digit()))
            })
        })
    };
    let gtin = gtin.ok_or(Gs1Problem::Missing { ai: "01".into(), lost_gs: false })?;
    let Some(exp) = exp else { return Err(Gs1Problem::Missing { ai: "17".into(), lost_gs: lost("17", 6) }) };
    let Some(batch) = batch else {
        return Err(Gs1Problem::Missing { ai: "10".into(), lost_gs: lost("10", 0) });
    };
    let body_digits = &gtin[..13];
    let found = gtin[13..].parse::<u32>().unwrap_or(10);
    let expected = check_digit(body_digits).unwrap_or(10);
    if found != expected {
        return Err(Gs1Problem::CheckDigit { found, expected });
    }
    let expiry = expiry(&exp).ok_or(Gs1Problem::BadExpiry(exp.clone()))?;
    Ok(PackCode { gtin, expiry, batch, serial, national })
}
