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
