//! A vial's GS1 code as a keyboard-wedge scanner types it (issue 21, first part): read at one
//! boundary, normalising only what is unambiguous, refusing the rest. Each row cites its source.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // tests may fail loudly

use chrono::NaiveDate;
use nkact_dose::domain::gs1::{GS, Gs1Problem, check_digit, parse};

fn date(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

#[test]
fn check_digits_as_gs1_computes_them() {
    for (body, digit, source) in [
        // GS1 General Specifications §7.9.1, the worked example: GTIN-13 629104150021 → 3.
        ("629104150021", 3, "GS1 General Specifications 7.9.1"),
        // EAN-13 4006381333931 (GS1 check digit calculator; the barcode on a Stabilo pen).
        ("400638133393", 1, "GS1 check digit calculator"),
        // The same as a GTIN-14 with an indicator 0: a leading zero changes nothing.
        ("0400638133393", 1, "GS1 General Specifications 3.4.2 (GTIN-14)"),
    ] {
        assert_eq!(check_digit(body), Some(digit), "{body} ({source})");
    }
}

#[test]
fn a_pack_code_as_scanned() {
    // EU Delegated Regulation 2016/161 art. 4: product code, serial, batch, expiry;
    // the AIM symbology prefix ]d2 and GS (ASCII 29) after each variable field.
    let scan = format!("]d20104006381333931172812311012AB34{GS}21SN0001234\r\n");
    let p = parse(&scan).unwrap();
    assert_eq!(p.gtin, "04006381333931");
    assert_eq!(p.expiry, date("2028-12-31"));
    assert_eq!(p.batch, "12AB34");
    assert_eq!(p.serial.as_deref(), Some("SN0001234"));
    // The usual order on packs: serial before expiry and batch; Spain's national code 712.
    let scan = format!("010400638133393121A1B2C3{GS}1727063010LOT-7/X{GS}712123456");
    let p = parse(&scan).unwrap();
    // GS1 General Specifications 3.4.4: day 00 in an expiry is the month's last day.
    let p2 = parse(&format!("01040063813339311727020010L1{GS}")).unwrap();
    assert_eq!(p2.expiry, date("2027-02-28"));
    let p3 = parse("01040063813339311728020010L1").unwrap();
    assert_eq!(p3.expiry, date("2028-02-29"), "a leap year's February");
    assert_eq!(
        (p.serial.as_deref(), p.batch.as_str(), p.expiry),
        (Some("A1B2C3"), "LOT-7/X", date("2027-06-30"))
    );
    assert_eq!(p.national.as_deref(), Some("123456"));
}

#[test]
fn what_is_not_unambiguous_is_refused() {
    let cases: Vec<(String, Gs1Problem)> = vec![
        ("".into(), Gs1Problem::Empty),
        ("\r\n".into(), Gs1Problem::Empty),
        // A wrong check digit (…931 is right).
        ("0104006381333932172812311012AB34".into(), Gs1Problem::CheckDigit { found: 2, expected: 1 }),
        // Month 13, day 32: not dates.
        ("0104006381333931171313011012AB34".into(), Gs1Problem::BadExpiry("131301".into())),
        ("0104006381333931172801321012AB34".into(), Gs1Problem::BadExpiry("280132".into())),
        // The separator after the serial lost: expiry and batch swallowed by the serial.
        (
            "010400638133393121SN12317280630".to_owned() + "10L1",
            Gs1Problem::Missing { ai: "17".into(), lost_gs: true },
        ),
        // A Spanish keyboard layout turned the symbology prefix's ']' into 'º'.
        ("ºd20104006381333931172812311012AB34".into(), Gs1Problem::NotGs1("ºd2010400638".into())),
        // … and a '-' in a batch into an apostrophe-like character outside GS1's set.
        ("0104006381333931172812311012AB´34".into(), Gs1Problem::BadCharacter { at: 31, found: '´' }),
        // Fields this program does not read, repeated or cut short.
        ("0104006381333931172812319912".into(), Gs1Problem::UnknownAi("9912".into())),
        ("01040063813339311728".into(), Gs1Problem::Truncated("17".into())),
        (format!("0104006381333931172812311012{GS}1034"), Gs1Problem::Repeated("10".into())),
        // No batch: a pack's code carries one.
        ("01040063813339311728123121SN1".into(), Gs1Problem::Missing { ai: "10".into(), lost_gs: false }),
        // A batch longer than GS1's 20 characters.
        ("0104006381333931172812311012345678901234567890X".into(), Gs1Problem::FieldTooLong("10".into())),
    ];
    for (scan, problem) in cases {
        assert_eq!(parse(&scan), Err(problem), "{scan:?}");
    }
    assert_eq!(parse(&"01".repeat(150)), Err(Gs1Problem::TooLong));
}
