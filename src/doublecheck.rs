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
    /// The dose read from each prepared bag's label, per drug of the cycle.
    pub bag_doses: Vec<(Drug, String)>,
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

/// One difference between the order and the second entry.
#[derive(Debug, Clone, PartialEq)]
pub enum Mismatch {
    /// The verifier's name is missing.
    NoVerifier,
    /// The verifier is the person who issued the order: not independent.
    SamePerson,
    /// A measure differs (or one side does not parse), as typed on each side.
    Measure { field: Field, first: String, second: String },
    /// A bag's dose is missing, unreadable or outside the tolerance.
    Dose { drug: Drug, ordered: f64, labelled: String, tolerance_pct: f64 },
}

/// Compares the second entry with the order. Measures must match exactly
/// after parsing (70,5 = 70.5); each bag dose must be within `tolerance_pct`
/// of the ordered dose. Returns every difference.
pub fn compare(
    first: &RawInputs,
    issued_by: &str,
    report: &Report,
    second: &SecondEntry,
    tolerance_pct: f64,
) -> Result<(), Vec<Mismatch>> {
    let mut out = Vec::new();
    let verifier = second.verifier.trim();
    if verifier.is_empty() {
        out.push(Mismatch::NoVerifier);
    } else if verifier.eq_ignore_ascii_case(issued_by.trim()) {
        out.push(Mismatch::SamePerson);
    }
    let same_number = |a: &str, b: &str| match (parse_decimal(a), parse_decimal(b)) {
        (Some(x), Some(y)) => (x - y).abs() <= 1e-9 * x.abs().max(1.0),
        _ => false,
    };
    for (field, a, b) in
        [(Field::Weight, &first.weight, &second.weight), (Field::Height, &first.height, &second.height)]
    {
        if !same_number(a, b) {
            out.push(Mismatch::Measure { field, first: a.clone(), second: b.clone() });
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
        out.push(Mismatch::Measure {
            field: Field::NkCells,
            first: first.nk_cells.clone(),
            second: second.nk_cells.clone(),
        });
    }
    for line in &report.doses {
        let typed =
            second.bag_doses.iter().find(|(d, _)| *d == line.drug).map(|(_, s)| s.as_str()).unwrap_or("");
        // Large unit counts may be typed with spaces or thin spaces between groups.
        let cleaned: String = typed.chars().filter(|c| !c.is_whitespace()).collect();
        let within = parse_decimal(&cleaned).is_some_and(|v| {
            line.dose > 0.0 && ((v - line.dose).abs() / line.dose * 100.0) <= tolerance_pct + 1e-9
        });
        if !within {
            out.push(Mismatch::Dose {
                drug: line.drug,
                ordered: line.dose,
                labelled: typed.to_owned(),
                tolerance_pct,
            });
        }
    }
    if out.is_empty() { Ok(()) } else { Err(out) }
}
