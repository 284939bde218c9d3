//! The laboratory tests the criteria to treat read, and the one unit each is
//! held in: names and units only, below the rules (`criteria`) and the errors
//! (`error`) that both speak of them.

/// A laboratory test the eligibility rules read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum LabCode {
    Anc,
    Lymphocytes,
    Platelets,
    Haemoglobin,
    Bilirubin,
    Ast,
    Alt,
    Creatinine,
    Inr,
    Albumin,
}

/// The one unit each test is held in after the input boundary.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LabUnit {
    /// Cell counts: × 10⁹/L.
    PerNanolitre,
    /// Haemoglobin: g/dL.
    GramsPerDecilitre,
    /// Bilirubin, creatinine: mg/dL.
    MilligramsPerDecilitre,
    /// AST, ALT: U/L (enzyme activity; "IU/L" is the same unit).
    UnitsPerLitre,
    /// INR: a ratio, no unit.
    Ratio,
    /// Albumin: g/L.
    GramsPerLitre,
}

impl LabUnit {
    /// The unit's symbol as the program writes it (`× 10⁹/L`, `g/dL`, …; INR: empty).
    pub fn symbol(self) -> &'static str {
        match self {
            LabUnit::PerNanolitre => "× 10⁹/L",
            LabUnit::GramsPerDecilitre => "g/dL",
            LabUnit::MilligramsPerDecilitre => "mg/dL",
            LabUnit::UnitsPerLitre => "U/L",
            LabUnit::Ratio => "",
            LabUnit::GramsPerLitre => "g/L",
        }
    }
}

impl LabCode {
    pub const ALL: [LabCode; 10] = [
        LabCode::Anc,
        LabCode::Lymphocytes,
        LabCode::Platelets,
        LabCode::Haemoglobin,
        LabCode::Bilirubin,
        LabCode::Ast,
        LabCode::Alt,
        LabCode::Creatinine,
        LabCode::Inr,
        LabCode::Albumin,
    ];

    /// The command-line code: `anc`, `lymphocytes`, `platelets`, `hb`, …
    pub fn key(self) -> &'static str {
        match self {
            LabCode::Anc => "anc",
            LabCode::Lymphocytes => "lymphocytes",
            LabCode::Platelets => "platelets",
            LabCode::Haemoglobin => "hb",
            LabCode::Bilirubin => "bilirubin",
            LabCode::Ast => "ast",
            LabCode::Alt => "alt",
            LabCode::Creatinine => "creatinine",
            LabCode::Inr => "inr",
            LabCode::Albumin => "albumin",
        }
    }

    pub fn from_key(key: &str) -> Option<LabCode> {
        LabCode::ALL.into_iter().find(|c| c.key() == key)
    }

    /// The unit the value is held in.
    pub fn unit(self) -> LabUnit {
        match self {
            LabCode::Anc | LabCode::Lymphocytes | LabCode::Platelets => LabUnit::PerNanolitre,
            LabCode::Haemoglobin => LabUnit::GramsPerDecilitre,
            LabCode::Bilirubin | LabCode::Creatinine => LabUnit::MilligramsPerDecilitre,
            LabCode::Ast | LabCode::Alt => LabUnit::UnitsPerLitre,
            LabCode::Inr => LabUnit::Ratio,
            LabCode::Albumin => LabUnit::GramsPerLitre,
        }
    }
}
