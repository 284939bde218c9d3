//! The independent double-check (ASCO/ONS safety standards): a second
//! professional re-enters the measures without seeing the first entries and
//! types the dose on each prepared bag's label. This module compares; it
//! records nothing itself. A match gives a [`crate::order::Verification`].

use crate::engine::Report;
use crate::error::Field;
use crate::input::{RawInputs, parse_decimal};
use crate::regimen::Drug;

/// What the second person typed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SecondEntry {
    pub verifier: String,
    pub weight: String,
    pub height: String,
    pub nk_cells: String,
    /// The last-dose dates, re-entered from the administration record: they
    /// decide loading or maintenance from cycle 2 on.
    pub last_trastuzumab: String,
    pub last_pertuzumab: String,
    /// The latest and the baseline LVEF, re-entered from the echocardiogram or
    /// MUGA report: they decide whether both antibodies are given (issue 18).
    pub lvef: String,
    pub lvef_baseline: String,
    /// The verifier confirmed name, record number and date of birth against the bag labels.
    pub identity_confirmed: bool,
    /// The dose read from each prepared bag's label, per drug of the cycle.
    pub bag_doses: Vec<(Drug, String)>,
    /// Whether unit doses are typed in millions of units, as the order shows them
    /// in this language ("0,91" for 0,91 millones de unidades), or in units.
    pub units_in_millions: bool,
}

impl SecondEntry {
    /// The typed bag dose for `drug`, to edit.
    pub fn bag_dose_mut(&mut self, drug: Drug) -> &mut String {
        let idx = match self.bag_doses.iter().position(|(d, _)| *d == drug) {
            Some(i) => i,
            None => {
                self.bag_doses.push((drug, String::new()));
                self.bag_doses.len() - 1
            }
        };
        &mut self.bag_doses[idx].1
    }
}

/// One difference between the order and the second entry. It names the item,
/// never the first entry's value or the ordered dose: the check stays blind.
#[derive(Debug, Clone, PartialEq)]
pub enum Mismatch {
    /// The verifier's name is missing, or cannot be accepted as a name.
    NoVerifier,
    /// The verifier is the person who issued the order: not independent.
    SamePerson,
    /// The patient's identity was not confirmed against the bag labels.
    IdentityNotConfirmed,
    /// A re-entered value differs from the first entry (or one side does not parse).
    Measure { field: Field },
    /// A bag's dose is missing, unreadable or outside the tolerance.
    Dose { drug: Drug },
}

impl Mismatch {
    /// The item's key as recorded for a failed check (`weight`, `dose:pertuzumab`);
    /// `None` for a check that was not really attempted (no verifier name).
    pub fn item_key(&self) -> Option<String> {
        match self {
            Mismatch::NoVerifier => None,
            Mismatch::SamePerson => Some("same-person".to_owned()),
            Mismatch::IdentityNotConfirmed => Some("identity-not-confirmed".to_owned()),
            Mismatch::Measure { field } => Some(
                match field {
                    Field::Weight => "weight",
                    Field::Height => "height",
                    Field::NkCells => "nk-cells",
                    Field::LastTrastuzumab => "last-trastuzumab",
                    Field::LastPertuzumab => "last-pertuzumab",
                    Field::Lvef => "lvef",
                    Field::LvefBaseline => "lvef-baseline",
                    _ => "other",
                }
                .to_owned(),
            ),
            Mismatch::Dose { drug } => Some(format!("dose:{}", drug.key())),
        }
    }
}

/// Whether the order's last-dose dates must be re-entered: from cycle 2 on,
/// or whenever a date was entered.
pub fn needs_last_dates(first: &RawInputs) -> bool {
    let later = first.cycle.trim().parse::<u32>().is_ok_and(|c| c >= 2);
    later || !first.last_trastuzumab.trim().is_empty() || !first.last_pertuzumab.trim().is_empty()
}

/// Compares the second entry with the order. Measures must match exactly
/// after parsing (70,5 = 70.5), and so must the latest and baseline LVEF
/// ("60 %" = 60; both empty matches); last-dose dates as dates; each bag dose must be
/// within `tolerance_pct` of the ordered dose; the verifier must not be the
/// issuer (names compared as [`crate::identity::same_person`] does) and must
/// have confirmed the patient's identity. Returns every difference.
/// One comparison per item, in the order the verifier typed them.
pub fn compare(
    first: &RawInputs,
    clinical: &crate::clinical::RawClinical,
    issued_by: &str,
    report: &Report,
    second: &SecondEntry,
    tolerance_pct: f64,
) -> Result<(), Vec<Mismatch>> {
    let mut out = Vec::new();
    match crate::identity::normalise(Field::Verifier, &second.verifier) {
        Ok(v) if v.is_empty() => out.push(Mismatch::NoVerifier),
        Err(_) => out.push(Mismatch::NoVerifier),
        Ok(v) if crate::identity::same_person(&v, issued_by) => out.push(Mismatch::SamePerson),
        Ok(_) => {}
    }
    if !second.identity_confirmed {
        out.push(Mismatch::IdentityNotConfirmed);
    }
    let same_number = |a: &str, b: &str| match (parse_decimal(a), parse_decimal(b)) {
        (Some(x), Some(y)) => (x - y).abs() <= 1e-9 * x.abs().max(1.0),
        _ => false,
    };
    for (field, a, b) in
        [(Field::Weight, &first.weight, &second.weight), (Field::Height, &first.height, &second.height)]
    {
        if !same_number(a, b) {
            out.push(Mismatch::Measure { field });
        }
    }
    let percent = |s: &str| -> Option<Option<f64>> {
        let t = s.trim();
        let t = t.strip_suffix('%').unwrap_or(t).trim();
        if t.is_empty() { Some(None) } else { parse_decimal(t).map(Some) }
    };
    for (field, a, b) in [
        (Field::Lvef, &clinical.lvef, &second.lvef),
        (Field::LvefBaseline, &clinical.lvef_baseline, &second.lvef_baseline),
    ] {
        let same = match (percent(a), percent(b)) {
            (Some(None), Some(None)) => true,
            (Some(Some(x)), Some(Some(y))) => (x - y).abs() <= 1e-9,
            _ => false,
        };
        if !same {
            out.push(Mismatch::Measure { field });
        }
    }
    let nk = |s: &str| {
        if s.trim().is_empty() { Ok(None) } else { crate::input::parse_nk_cells(s).map(|c| Some(c.count())) }
    };
    let nk_same = match (nk(&first.nk_cells), nk(&second.nk_cells)) {
        (Ok(None), Ok(None)) => true,
        (Ok(Some(x)), Ok(Some(y))) => (x - y).abs() <= 1e-9 * x.abs(),
        _ => false,
    };
    if !nk_same {
        out.push(Mismatch::Measure { field: Field::NkCells });
    }
    if needs_last_dates(first) {
        let date = |field: Field, s: &str| {
            if s.trim().is_empty() { Ok(None) } else { crate::input::iso_date(field, s).map(Some) }
        };
        for (field, a, b) in [
            (Field::LastTrastuzumab, &first.last_trastuzumab, &second.last_trastuzumab),
            (Field::LastPertuzumab, &first.last_pertuzumab, &second.last_pertuzumab),
        ] {
            let same = matches!((date(field, a), date(field, b)), (Ok(x), Ok(y)) if x == y);
            if !same {
                out.push(Mismatch::Measure { field });
            }
        }
    }
    // A withheld antibody has no bag to check.
    for line in report.doses.iter().filter(|d| !d.withheld) {
        let typed =
            second.bag_doses.iter().find(|(d, _)| *d == line.drug).map(|(_, s)| s.as_str()).unwrap_or("");
        // Large unit counts may be typed with spaces or thin spaces between groups.
        let cleaned: String = typed.chars().filter(|c| !c.is_whitespace()).collect();
        // Typed in the unit the field names: millions of units where the order shows them so.
        let scale = match line.unit {
            crate::regimen::DoseUnit::Units if second.units_in_millions => 1e6,
            _ => 1.0,
        };
        let within = parse_decimal(&cleaned).map(|v| v * scale).is_some_and(|v| {
            line.dose > 0.0 && ((v - line.dose).abs() / line.dose * 100.0) <= tolerance_pct + 1e-9
        });
        if !within {
            out.push(Mismatch::Dose { drug: line.drug });
        }
    }
    if out.is_empty() { Ok(()) } else { Err(out) }
}
