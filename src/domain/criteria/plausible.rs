//! What a laboratory value can plausibly be, per test and for its upper limit of normal,
//! and the unit mix-up that most likely explains one that cannot.

#[allow(unused_imports)]
use super::*;

/// What a unit mix-up most likely explains a value outside its plausible range.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnitMixUp {
    /// Cells per microlitre and × 10⁹/L (or 10³/µL) differ 1000-fold.
    CountsPerMicrolitre,
    /// g/dL and g/L differ 10-fold.
    GramsPerDecilitreOrLitre,
    /// µmol/L and mg/dL differ 17.1-fold (bilirubin) or 88.4-fold (creatinine).
    MicromolesOrMilligrams,
    /// No unit to confuse: the value itself is mistyped.
    Value,
}

/// The values a test can plausibly take in a person being treated, in the
/// test's own unit. Outside it a value is a typing or unit error and is
/// refused, never evaluated: a count typed in cells/µL with the unit
/// × 10⁹/L would otherwise read as "met" (issue 18).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Plausible {
    pub code: LabCode,
    pub low: f64,
    pub high: f64,
    pub mix_up: UnitMixUp,
    /// Why these bounds.
    pub reason: &'static str,
}

/// Plausible results. The bounds are wide on purpose (any value a laboratory
/// could report for an adult in treatment passes) and sit far from the
/// eligibility limits, so that no real result is refused; they catch the
/// 10-, 17-, 88- and 1000-fold errors of a wrong unit.
pub const PLAUSIBLE: [Plausible; 10] = [
    Plausible {
        code: LabCode::Anc,
        low: 0.0,
        high: 100.0,
        mix_up: UnitMixUp::CountsPerMicrolitre,
        reason: "ANC above 100 × 10⁹/L is beyond leukaemic counts; 1000-fold is the cells/µL reading",
    },
    Plausible {
        code: LabCode::Lymphocytes,
        low: 0.0,
        high: 100.0,
        mix_up: UnitMixUp::CountsPerMicrolitre,
        reason: "lymphocytes above 100 × 10⁹/L are beyond leukaemic counts; 1000-fold is the cells/µL reading",
    },
    Plausible {
        code: LabCode::Platelets,
        low: 1.0,
        high: 2000.0,
        mix_up: UnitMixUp::CountsPerMicrolitre,
        reason: "platelets are 150–400 × 10⁹/L normally; below 1 or above 2000 × 10⁹/L is a 1000-fold unit error",
    },
    Plausible {
        code: LabCode::Haemoglobin,
        low: 3.0,
        high: 25.0,
        mix_up: UnitMixUp::GramsPerDecilitreOrLitre,
        reason: "haemoglobin is 12–16 g/dL normally; outside 3–25 g/dL is a g/L value read as g/dL or the reverse",
    },
    Plausible {
        code: LabCode::Bilirubin,
        low: 0.0,
        high: 50.0,
        mix_up: UnitMixUp::MicromolesOrMilligrams,
        reason: "total bilirubin above 50 mg/dL (855 µmol/L) is not seen in treated adults; µmol/L read as mg/dL is 17-fold",
    },
    Plausible {
        code: LabCode::Ast,
        low: 0.0,
        high: 20000.0,
        mix_up: UnitMixUp::Value,
        reason: "AST above 20 000 U/L exceeds the highest reported in acute liver failure",
    },
    Plausible {
        code: LabCode::Alt,
        low: 0.0,
        high: 20000.0,
        mix_up: UnitMixUp::Value,
        reason: "ALT above 20 000 U/L exceeds the highest reported in acute liver failure",
    },
    Plausible {
        code: LabCode::Creatinine,
        low: 0.1,
        high: 20.0,
        mix_up: UnitMixUp::MicromolesOrMilligrams,
        reason: "serum creatinine is 0.5–1.1 mg/dL in women; above 20 mg/dL (1768 µmol/L) or below 0.1 is µmol/L and mg/dL confused (88.4-fold)",
    },
    Plausible {
        code: LabCode::Inr,
        low: 0.5,
        high: 20.0,
        mix_up: UnitMixUp::Value,
        reason: "INR is about 1 without anticoagulation; outside 0.5–20 it is not a measured INR",
    },
    Plausible {
        code: LabCode::Albumin,
        low: 10.0,
        high: 60.0,
        mix_up: UnitMixUp::GramsPerDecilitreOrLitre,
        reason: "serum albumin is 35–50 g/L; outside 10–60 g/L is g/dL and g/L confused (10-fold)",
    },
];

/// Plausible upper limits of normal a site may give, in the test's own unit.
/// Only the tests whose rule is a multiple of the ULN take one; published
/// reference intervals fall well inside these bounds.
pub const ULN_PLAUSIBLE: [Plausible; 5] = [
    Plausible {
        code: LabCode::Bilirubin,
        low: 0.3,
        high: 3.0,
        mix_up: UnitMixUp::MicromolesOrMilligrams,
        reason: "bilirubin ULNs are 1.0–1.2 mg/dL (17–21 µmol/L)",
    },
    Plausible {
        code: LabCode::Ast,
        low: 10.0,
        high: 200.0,
        mix_up: UnitMixUp::Value,
        reason: "AST ULNs are 30–50 U/L",
    },
    Plausible {
        code: LabCode::Alt,
        low: 10.0,
        high: 200.0,
        mix_up: UnitMixUp::Value,
        reason: "ALT ULNs are 30–56 U/L",
    },
    Plausible {
        code: LabCode::Creatinine,
        low: 0.3,
        high: 3.0,
        mix_up: UnitMixUp::MicromolesOrMilligrams,
        reason: "creatinine ULNs are 0.9–1.3 mg/dL (80–115 µmol/L)",
    },
    Plausible {
        code: LabCode::Inr,
        low: 0.8,
        high: 2.0,
        mix_up: UnitMixUp::Value,
        reason: "INR ULNs are 1.1–1.3",
    },
];

/// The plausible range of a result of `code`.
pub fn plausible(code: LabCode) -> Plausible {
    PLAUSIBLE.into_iter().find(|p| p.code == code).unwrap_or(Plausible {
        code,
        low: 0.0,
        high: f64::MAX,
        mix_up: UnitMixUp::Value,
        reason: "",
    })
}

/// The plausible range of a site's ULN for `code` (a test whose rule takes no
/// ULN: its results' range, since such a ULN is never used).
pub fn uln_plausible(code: LabCode) -> Plausible {
    ULN_PLAUSIBLE.into_iter().find(|p| p.code == code).unwrap_or_else(|| plausible(code))
}

/// Whether `value` (in the test's unit) lies within `p`, both ends allowed.
pub fn is_plausible(p: &Plausible, value: f64) -> bool {
    value >= p.low && value <= p.high
}
