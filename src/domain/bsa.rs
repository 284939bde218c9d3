//! Body-surface-area formulas (clinical-facts.md, "Body-surface area").
//! H is height in cm, W weight in kg; Boyd takes weight in grams.

use serde::{Deserialize, Serialize};

use crate::units::{Centimetres, Kilograms};

/// A published BSA formula.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "kebab-case")]
pub enum BsaFormula {
    /// √(H × W / 3600). Mosteller RD, N Engl J Med 1987;317:1098. The oncology-pharmacy default.
    #[default]
    Mosteller,
    /// 0.007184 × H^0.725 × W^0.425. DuBois D, DuBois EF, Arch Intern Med 1916;17:863.
    #[serde(rename = "dubois")]
    DuBois,
    /// 0.024265 × H^0.3964 × W^0.5378. Haycock GB et al., J Pediatr 1978;93:62.
    Haycock,
    /// 0.0235 × H^0.42246 × W^0.51456. Gehan EA, George SL, Cancer Chemother Rep 1970;54:225.
    GehanGeorge,
    /// 0.0003207 × H^0.3 × G^(0.7285 − 0.0188 × log10 G), G = weight in grams. Boyd E, 1935.
    Boyd,
}

impl BsaFormula {
    /// Every formula, Mosteller first.
    pub const ALL: [BsaFormula; 5] = [
        BsaFormula::Mosteller,
        BsaFormula::DuBois,
        BsaFormula::Haycock,
        BsaFormula::GehanGeorge,
        BsaFormula::Boyd,
    ];

    /// The command-line and file name: `mosteller`, `dubois`, `haycock`, `gehan-george`, `boyd`.
    pub fn key(self) -> &'static str {
        match self {
            BsaFormula::Mosteller => "mosteller",
            BsaFormula::DuBois => "dubois",
            BsaFormula::Haycock => "haycock",
            BsaFormula::GehanGeorge => "gehan-george",
            BsaFormula::Boyd => "boyd",
        }
    }

    /// The formula named by `key`, as [`BsaFormula::key`] writes it (case-insensitive).
    pub fn from_key(key: &str) -> Option<Self> {
        let key = key.trim().to_ascii_lowercase();
        Self::ALL.into_iter().find(|f| f.key() == key)
    }

    /// The unrounded BSA in m².
    pub fn compute(self, height: Centimetres, weight: Kilograms) -> f64 {
        let h = height.cm();
        let w = weight.kg();
        match self {
            BsaFormula::Mosteller => (h * w / 3600.0).sqrt(),
            BsaFormula::DuBois => 0.007184 * h.powf(0.725) * w.powf(0.425),
            BsaFormula::Haycock => 0.024265 * h.powf(0.3964) * w.powf(0.5378),
            BsaFormula::GehanGeorge => 0.0235 * h.powf(0.42246) * w.powf(0.51456),
            BsaFormula::Boyd => {
                // Boyd's exponent takes log10 of the weight in grams, not kilograms.
                let grams = w * 1000.0;
                0.0003207 * h.powf(0.3) * grams.powf(0.7285 - 0.0188 * grams.log10())
            }
        }
    }
}

/// Rounds a BSA to 2 decimals, halves away from zero, deciding on exact
/// decimal values rather than on a binary float:
/// - Mosteller: BSA ≥ b exactly when H × W ≥ 3600 × b², so each half-way
///   boundary b is tested on H × W in exact decimal arithmetic
///   (√(169.156 × 64.064 / 3600) = 1.734999998… gives 1.73, not 1.74);
/// - the power-law formulas have no exact decimal form: the computed value is
///   rounded on its exact decimal expansion, with no tolerance that could push
///   1.734999998 across the half.
pub fn round_m2(formula: BsaFormula, height: Centimetres, weight: Kilograms, unrounded: f64) -> f64 {
    let simple = round_exact(unrounded, 2);
    if formula != BsaFormula::Mosteller {
        return simple;
    }
    mosteller_exact(height.cm(), weight.kg(), simple).unwrap_or(simple)
}

/// Rounds the exact decimal value of `value` to `decimals` places, halves away from zero.
pub fn round_exact(value: f64, decimals: u32) -> f64 {
    use rust_decimal::prelude::ToPrimitive;
    use rust_decimal::{Decimal, RoundingStrategy};
    Decimal::from_f64_retain(value)
        .map(|d| d.round_dp_with_strategy(decimals, RoundingStrategy::MidpointAwayFromZero))
        .and_then(|d| d.to_f64())
        .unwrap_or(value)
}

fn mosteller_exact(h: f64, w: f64, candidate: f64) -> Option<f64> {
    use rust_decimal::Decimal;
    use rust_decimal::prelude::ToPrimitive;
    use std::str::FromStr;
    // The measures as typed: Rust writes the shortest decimal that reads back as the same float.
    let h = Decimal::from_str(&h.to_string()).ok()?;
    let w = Decimal::from_str(&w.to_string()).ok()?;
    let hw = h.checked_mul(w)?;
    let k3600 = Decimal::from(3600);
    let half = Decimal::new(5, 3);
    let step = Decimal::new(1, 2);
    let mut r = Decimal::from_str(&format!("{candidate:.2}")).ok()?;
    // Move the candidate until H × W lies between its two half-way boundaries.
    for _ in 0..4 {
        let up = r.checked_add(half)?;
        let down = r.checked_sub(half)?;
        if hw >= k3600.checked_mul(up.checked_mul(up)?)? {
            r = r.checked_add(step)?;
        } else if down > Decimal::ZERO && hw < k3600.checked_mul(down.checked_mul(down)?)? {
            r = r.checked_sub(step)?;
        } else {
            return r.to_f64();
        }
    }
    r.to_f64()
}
