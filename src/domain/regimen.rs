//! The NK-ACT-BC regimen as data: doses, days, limits, product defaults and
//! thresholds, in one reviewed table. Every value cites where it came from:
//! "Protocol" is the trial record NCT05385705 (shared/protocol), "Facts" is
//! shared/reference/clinical-facts.md, which quotes the EU SmPC / US PI.
//! The engine evaluates this table; no other module restates a number in it.
//!
//! Product values are only the *defaults* of editable settings
//! ([`crate::settings::Settings`]): a site's pharmacy manual may differ.

use serde::{Deserialize, Serialize};

/// A drug of the regimen, in administration order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, PartialOrd, Ord)]
#[serde(rename_all = "kebab-case")]
pub enum Drug {
    Cyclophosphamide,
    Trastuzumab,
    Pertuzumab,
    #[serde(rename = "interleukin-2")]
    Interleukin2,
}

impl Drug {
    /// The stable machine name, as in `--json` output and saved files.
    pub fn key(self) -> &'static str {
        match self {
            Drug::Cyclophosphamide => "cyclophosphamide",
            Drug::Trastuzumab => "trastuzumab",
            Drug::Pertuzumab => "pertuzumab",
            Drug::Interleukin2 => "interleukin-2",
        }
    }
}

/// The unit a dose is ordered in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DoseUnit {
    /// Milligrams ("mg").
    Mg,
    /// International units, always written "units" (ISMP: never "IU" or "U").
    Units,
}

/// How a drug is given.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Route {
    Intravenous,
    Subcutaneous,
}

/// What a dose is proportional to.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Basis {
    /// Amount per square metre of body-surface area.
    PerSquareMetre(f64),
    /// Amount per kilogram of actual body weight; loading and maintenance.
    PerKilogram { loading: f64, maintenance: f64 },
    /// A flat amount; loading and maintenance.
    Flat { loading: f64, maintenance: f64 },
}

/// When in a cycle a drug is given (protocol day numbers; there is no Day 0).
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Timing {
    /// One dose on any one day from `first` to `last`, both included.
    OnceWithin { first: i32, last: i32 },
    /// One dose on each of these days.
    OnDays(&'static [i32]),
}

impl Timing {
    /// Every protocol day the drug may be given on.
    pub fn days(self) -> Vec<i32> {
        match self {
            Timing::OnceWithin { first, last } => (first..=last).filter(|d| *d != 0).collect(),
            Timing::OnDays(days) => days.to_vec(),
        }
    }
}

/// Which cycles a drug is part of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cycles {
    FirstOnly,
    Every,
}

/// One drug's dosing rule.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct DrugRule {
    pub drug: Drug,
    pub basis: Basis,
    pub unit: DoseUnit,
    pub route: Route,
    pub timing: Timing,
    pub cycles: Cycles,
    /// For antibodies: the longest interval since the last dose, in days, at
    /// which the maintenance dose is still given; longer re-loads.
    pub max_maintenance_interval_days: Option<i64>,
    /// For antibodies: an interval since the last dose shorter than this many
    /// days is too soon for the next dose and needs a reasoned acknowledgement.
    pub min_interval_days: Option<i64>,
    /// A dose that must follow the NK infusion within this many hours on the
    /// NK day (IL-2 on Day 2); never before the cells.
    pub after_nk_within_hours: Option<u32>,
    pub source: &'static str,
}

/// A closed range of plain numbers (both ends allowed).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Range {
    pub min: f64,
    pub max: f64,
}

impl Range {
    pub fn contains(self, value: f64) -> bool {
        value >= self.min && value <= self.max
    }
}

/// Hard limits reject an input; soft limits accept it with a warning that must
/// be acknowledged before an order leaves the program.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Limits {
    pub weight_kg_hard: Range,
    pub weight_kg_soft: Range,
    pub height_cm_hard: Range,
    pub height_cm_soft: Range,
    pub bsa_m2_soft: Range,
    /// The range a typed BSA cap must fall in.
    pub bsa_cap_m2_hard: Range,
    /// Cycle numbers accepted.
    pub cycle_max: u32,
    /// Dates accepted (years, both included).
    pub first_year: i32,
    pub last_year: i32,
}

/// The NK cell product's acceptance range (absolute count, both ends allowed).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct NkRule {
    pub min_cells: f64,
    pub max_cells: f64,
    pub day: i32,
    pub cycles: Cycles,
    pub source: &'static str,
}

/// Label defaults for a drug product.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ProductDefaults {
    pub drug: Drug,
    /// Concentration after reconstitution, in dose unit per mL.
    pub concentration_per_ml: f64,
    /// Vial contents, in the dose unit.
    pub vial_sizes: &'static [f64],
    pub diluent: Option<Diluent>,
    pub bag_volume_ml: Option<f64>,
    pub infusion_minutes_loading: Option<u32>,
    pub infusion_minutes_maintenance: Option<u32>,
    pub source: &'static str,
}

/// Infusion diluents named by the labels.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Diluent {
    /// Sodium chloride 0.9 % (the labels forbid glucose for both antibodies).
    SodiumChloride09,
}

/// The whole regimen.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Regimen {
    pub name: &'static str,
    pub protocol: &'static str,
    pub sponsor_code: &'static str,
    pub cycle_length_days: i64,
    /// Drug rules in administration order.
    pub drugs: [DrugRule; 4],
    pub nk: NkRule,
    pub limits: Limits,
    pub products: [ProductDefaults; 4],
    /// Recalculate when weight changed by this percentage or more.
    pub weight_change_threshold_pct: f64,
    /// Volumes under this many mL cannot be measured reliably.
    pub min_measurable_ml: f64,
    /// mg doses are rounded to this increment by default.
    pub mg_rounding_increment: f64,
}

/// Observation after each pertuzumab infusion before trastuzumab, minutes
/// (Facts / criteria-to-treat.md: "Observe 30–60 min after each pertuzumab
/// infusion before trastuzumab or chemotherapy", US PI).
pub const PERTUZUMAB_OBSERVATION_MINUTES: (u32, u32) = (30, 60);
/// Observation from the start of the first trastuzumab infusion, hours
/// (EU SmPC, quoted in Eur J Hosp Pharm 2018;25:331; criteria-to-treat.md).
pub const TRASTUZUMAB_FIRST_OBSERVATION_HOURS: u32 = 6;

/// NK-ACT-BC, NCT05385705.
pub const NK_ACT_BC: Regimen = Regimen {
    name: "NK-ACT-BC",
    // Protocol: "NCT ID: NCT05385705"; sponsor's org_study_id "VHIO20002".
    protocol: "NCT05385705",
    sponsor_code: "VHIO20002",
    // Protocol: antibodies "every 3 weeks (Q3W)".
    cycle_length_days: 21,
    drugs: [
        DrugRule {
            drug: Drug::Cyclophosphamide,
            basis: Basis::PerSquareMetre(600.0),
            unit: DoseUnit::Mg,
            route: Route::Intravenous,
            timing: Timing::OnceWithin { first: -5, last: -3 },
            cycles: Cycles::FirstOnly,
            max_maintenance_interval_days: None,
            min_interval_days: None,
            after_nk_within_hours: None,
            source: "Protocol, Study treatment: \"single dose of 600mg/m2 IV between days -5 and -3 before NK cell infusion\"",
        },
        DrugRule {
            drug: Drug::Trastuzumab,
            basis: Basis::PerKilogram { loading: 8.0, maintenance: 6.0 },
            unit: DoseUnit::Mg,
            route: Route::Intravenous,
            timing: Timing::OnDays(&[1]),
            cycles: Cycles::Every,
            // Facts, trastuzumab missed dose (EU SmPC): interval <= 28 days -> 6 mg/kg; > 28 days -> re-load 8 mg/kg.
            max_maintenance_interval_days: Some(28),
            // Protocol: maintenance "every 3 weeks" (21 days). Under 14 days is too soon for a
            // Q3W dose: threshold set by the findings review (issue 9), pending clinical review.
            min_interval_days: Some(14),
            after_nk_within_hours: None,
            source: "Protocol, Interventions: \"8mg/kg IV for the loading dose on Day 1, and 6mg/kg IV for the maintenance dose every 3 weeks\"",
        },
        DrugRule {
            drug: Drug::Pertuzumab,
            basis: Basis::Flat { loading: 840.0, maintenance: 420.0 },
            unit: DoseUnit::Mg,
            route: Route::Intravenous,
            timing: Timing::OnDays(&[1]),
            cycles: Cycles::Every,
            // Facts, pertuzumab: interval < 6 weeks -> 420 mg; >= 6 weeks (42 days) -> re-load 840 mg.
            max_maintenance_interval_days: Some(41),
            // As trastuzumab: Protocol Q3W; under 14 days is too soon (issue 9, pending clinical review).
            min_interval_days: Some(14),
            after_nk_within_hours: None,
            source: "Protocol, Interventions: \"840mg IV for the loading dose on Day 1, and 420 mg IV for the maintenance dose every 3 weeks\"",
        },
        DrugRule {
            drug: Drug::Interleukin2,
            basis: Basis::PerSquareMetre(5.0e5),
            unit: DoseUnit::Units,
            route: Route::Subcutaneous,
            timing: Timing::OnDays(&[2, 4, 6]),
            cycles: Cycles::FirstOnly,
            max_maintenance_interval_days: None,
            min_interval_days: None,
            // Protocol: "IL-2 (Proleukin) will be administered on Day 2 (within 24h after NK infusion)".
            after_nk_within_hours: Some(24),
            source: "Protocol, Interventions: \"IL-2 (Proleukin) ... on Day 2 (within 24h after NK infusion), 4 and 6 as a subcutaneous dose of 5x105 UI/m2\"",
        },
    ],
    nk: NkRule {
        min_cells: 5.0e7,
        max_cells: 5.0e8,
        // Protocol: NK product "will be infused on Day 2"; given with the
        // cycle-1 lymphodepletion and IL-2, so cycle 1 only.
        day: 2,
        cycles: Cycles::FirstOnly,
        source: "Protocol, Study treatment: \"NKs at a minimum dose of 5x107 NKc and at a maximum dose limit of 5x108 NKc\"",
    },
    limits: Limits {
        // Hard and soft limits: engineering defaults set by the dose-engine issue, not protocol values.
        weight_kg_hard: Range { min: 20.0, max: 300.0 },
        weight_kg_soft: Range { min: 40.0, max: 150.0 },
        height_cm_hard: Range { min: 100.0, max: 250.0 },
        height_cm_soft: Range { min: 140.0, max: 200.0 },
        bsa_m2_soft: Range { min: 1.3, max: 2.5 },
        // Facts, BSA capping: sites that cap use 2.0 m²; a cap outside 1-3 m² is a typing error.
        bsa_cap_m2_hard: Range { min: 1.0, max: 3.0 },
        // Protocol: 35 months' duration is about 50 three-week cycles; 100 leaves room.
        cycle_max: 100,
        first_year: 2020,
        last_year: 2099,
    },
    products: [
        ProductDefaults {
            drug: Drug::Cyclophosphamide,
            // Facts: reconstituted with sodium chloride 0.9 % -> 20 mg/mL; 200 mg (EU), 500 mg, 1 g, 2 g vials.
            concentration_per_ml: 20.0,
            vial_sizes: &[200.0, 500.0, 1000.0, 2000.0],
            // The labels in Facts give no bag volume or infusion time: set them from the site's manual.
            diluent: None,
            bag_volume_ml: None,
            infusion_minutes_loading: None,
            infusion_minutes_maintenance: None,
            source: "Facts, Products: cyclophosphamide (label)",
        },
        ProductDefaults {
            drug: Drug::Trastuzumab,
            // Facts: 150 mg vial + 7.2 mL water -> 21 mg/mL; 420 mg vials also 21 mg/mL; 250 mL NaCl 0.9 %;
            // loading over 90 min, maintenance over 30 min if the previous dose was well tolerated.
            concentration_per_ml: 21.0,
            vial_sizes: &[150.0, 420.0],
            diluent: Some(Diluent::SodiumChloride09),
            bag_volume_ml: Some(250.0),
            infusion_minutes_loading: Some(90),
            infusion_minutes_maintenance: Some(30),
            source: "Facts, Products: trastuzumab IV (EU SmPC)",
        },
        ProductDefaults {
            drug: Drug::Pertuzumab,
            // Facts: 420 mg / 14 mL vial (30 mg/mL); 250 mL NaCl 0.9 %; 840 mg over 60 min, 420 mg over 30-60 min.
            concentration_per_ml: 30.0,
            vial_sizes: &[420.0],
            diluent: Some(Diluent::SodiumChloride09),
            bag_volume_ml: Some(250.0),
            infusion_minutes_loading: Some(60),
            infusion_minutes_maintenance: Some(30),
            source: "Facts, Products: pertuzumab (EU SmPC)",
        },
        ProductDefaults {
            drug: Drug::Interleukin2,
            // Facts: vial holds 22 million units; 1.2 mL sterile water -> 18 million units per mL.
            concentration_per_ml: 18.0e6,
            vial_sizes: &[22.0e6],
            diluent: None,
            bag_volume_ml: None,
            infusion_minutes_loading: None,
            infusion_minutes_maintenance: None,
            source: "Facts, Products: aldesleukin (Proleukin)",
        },
    ],
    // Facts, Weight change: recalculate when weight changed by 10 % (adults).
    weight_change_threshold_pct: 10.0,
    // Dose-engine issue: default measurable minimum 0.1 mL.
    min_measurable_ml: 0.1,
    // Dose-engine issue: mg doses to the nearest whole mg by default.
    mg_rounding_increment: 1.0,
};

/// Names under which the regimen's drugs appear in an allergy entry, in
/// English and Spanish, generic stems and brand names (EMA/AEMPS product
/// names, biosimilars and conjugates included), each with the drug it stands
/// for. Matched inside the entry's letters and digits run together, after
/// folding case, accents and look-alike Cyrillic and Greek letters, so
/// "tras-tuzumab" and "trаstuzumab" (Cyrillic а) are caught.
pub const ALLERGY_NAMES: &[(&str, Drug)] = &[
    ("trastuzumab", Drug::Trastuzumab),
    ("herceptin", Drug::Trastuzumab),
    ("herzuma", Drug::Trastuzumab),
    ("ogivri", Drug::Trastuzumab),
    ("kanjinti", Drug::Trastuzumab),
    ("trazimera", Drug::Trastuzumab),
    ("ontruzant", Drug::Trastuzumab),
    ("zercepac", Drug::Trastuzumab),
    ("kadcyla", Drug::Trastuzumab),
    ("enhertu", Drug::Trastuzumab),
    ("pertuzumab", Drug::Pertuzumab),
    ("perjeta", Drug::Pertuzumab),
    ("phesgo", Drug::Pertuzumab),
    ("phosphamid", Drug::Cyclophosphamide),
    ("fosfamid", Drug::Cyclophosphamide),
    ("genoxal", Drug::Cyclophosphamide),
    ("endoxan", Drug::Cyclophosphamide),
    ("cytoxan", Drug::Cyclophosphamide),
    ("aldesleuk", Drug::Interleukin2),
    ("aldesleuc", Drug::Interleukin2),
    ("proleukin", Drug::Interleukin2),
    ("interleuk", Drug::Interleukin2),
    ("interleuc", Drug::Interleukin2),
];

/// The drugs of this regimen that an allergy entry names (protocol
/// exclusion 6: hypersensitivity to trastuzumab and/or pertuzumab; the
/// other drugs are listed too, since a reaction to them matters as much).
pub fn drugs_named_in(allergies: &str) -> Vec<Drug> {
    use unicode_normalization::UnicodeNormalization;
    // Case, accents and look-alike letters folded; words kept apart for IL-2.
    let folded: String = allergies.nfkd().filter_map(fold_lookalike).collect();
    let joined: String = folded.chars().filter(char::is_ascii_alphanumeric).collect();
    let words: Vec<&str> =
        folded.split(|c: char| !c.is_ascii_alphanumeric()).filter(|w| !w.is_empty()).collect();
    let mut out: Vec<Drug> = Vec::new();
    for (name, drug) in ALLERGY_NAMES {
        if joined.contains(name) && !out.contains(drug) {
            out.push(*drug);
        }
    }
    // "IL-2", "IL 2", "IL2" as words (not inside "brazil2").
    let il2 =
        words.iter().enumerate().any(|(i, w)| *w == "il2" || (*w == "il" && words.get(i + 1) == Some(&"2")));
    if il2 && !out.contains(&Drug::Interleukin2) {
        out.push(Drug::Interleukin2);
    }
    out.sort();
    out
}

/// One character folded for matching: ASCII lower case; Cyrillic and Greek
/// letters that look like Latin ones become those; combining marks dropped;
/// anything else kept as a separator.
fn fold_lookalike(c: char) -> Option<char> {
    if crate::domain::units::is_combining(c) {
        return None;
    }
    let latin = match c {
        'а' | 'А' | 'α' | 'Α' => 'a',
        'в' | 'В' | 'β' | 'Β' => 'b',
        'с' | 'С' | 'ϲ' => 'c',
        'е' | 'Е' | 'ε' | 'Ε' => 'e',
        'н' | 'Н' | 'Η' => 'h',
        'і' | 'І' | 'ι' | 'Ι' | 'ӏ' | 'Ӏ' => 'i',
        'ј' | 'Ј' => 'j',
        'к' | 'К' | 'κ' | 'Κ' => 'k',
        'м' | 'М' | 'Μ' => 'm',
        'п' | 'ո' | 'ν' | 'Ν' => 'n',
        'о' | 'О' | 'ο' | 'Ο' => 'o',
        'р' | 'Р' | 'ρ' | 'Ρ' => 'p',
        'ѕ' | 'Ѕ' => 's',
        'т' | 'Т' | 'τ' | 'Τ' => 't',
        'у' | 'У' | 'υ' | 'Υ' => 'y',
        'х' | 'Х' | 'χ' | 'Χ' => 'x',
        'ԛ' => 'q',
        'ԝ' => 'w',
        'ℓ' => 'l',
        c if c.is_ascii() => c.to_ascii_lowercase(),
        c if c.is_alphabetic() => c,
        _ => ' ',
    };
    Some(latin)
}

/// Where a prepared product is kept until it is given.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "kebab-case")]
pub enum Storage {
    /// In a refrigerator, 2–8 °C.
    #[default]
    Refrigerated,
    /// At room temperature (not above 30 °C, or as the product's label says).
    Room,
}

impl Storage {
    pub const ALL: [Storage; 2] = [Storage::Refrigerated, Storage::Room];

    pub fn key(self) -> &'static str {
        match self {
            Storage::Refrigerated => "refrigerated",
            Storage::Room => "room",
        }
    }
}

/// How long a prepared dose keeps (after dilution or reconstitution) at one storage
/// condition, with its source. `hours: None`: no source could be read; the site sets it
/// (`preparation.stability` in the site settings) or the label says "to be completed by the
/// pharmacy" — never an invented value.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct StabilityRow {
    pub drug: Drug,
    pub storage: Storage,
    pub hours: Option<u32>,
    /// The product (brand) whose SmPC the row cites.
    pub product: &'static str,
    pub source: &'static str,
}

/// The stability table of the regimen's prepared products (issue 21). Each product's
/// SmPC §6.3 decides; the values below are those the project could read
/// (`shared/reference/traceability-and-trust.md`, "Stability of prepared products").
pub const STABILITY: [StabilityRow; 8] = [
    StabilityRow {
        drug: Drug::Cyclophosphamide,
        storage: Storage::Refrigerated,
        hours: None,
        product: "Genoxal",
        source: "NOT CONFIRMED: the product's SmPC §6.3 could not be read; a site setting",
    },
    StabilityRow {
        drug: Drug::Cyclophosphamide,
        storage: Storage::Room,
        hours: None,
        product: "Genoxal",
        source: "NOT CONFIRMED: the product's SmPC §6.3 could not be read; a site setting",
    },
    StabilityRow {
        drug: Drug::Trastuzumab,
        storage: Storage::Refrigerated,
        hours: Some(24),
        product: "Herceptin",
        source: "Herceptin EU SmPC §6.3 (2011 text): diluted aseptically, may be stored 24 h (not above 30 °C)",
    },
    StabilityRow {
        drug: Drug::Trastuzumab,
        storage: Storage::Room,
        hours: Some(24),
        product: "Herceptin",
        source: "Herceptin EU SmPC §6.3 (2011 text): diluted aseptically, may be stored 24 h (not above 30 °C)",
    },
    StabilityRow {
        drug: Drug::Pertuzumab,
        storage: Storage::Refrigerated,
        hours: Some(24),
        product: "Perjeta",
        source: "Perjeta (Roche medical information, SmPC §6.3): diluted in 0.9 % NaCl, microbiologically not longer than 24 h at 2–8 °C unless prepared under validated aseptic conditions",
    },
    StabilityRow {
        drug: Drug::Pertuzumab,
        storage: Storage::Room,
        hours: None,
        product: "Perjeta",
        source: "Perjeta SmPC §6.3 gives 24 h at ≤ 30 °C as chemical stability only; the microbiological limit at room temperature is the site's",
    },
    StabilityRow {
        drug: Drug::Interleukin2,
        storage: Storage::Refrigerated,
        hours: None,
        product: "Proleukin",
        source: "NOT CONFIRMED: Proleukin SmPC §6.3 could not be read; a site setting",
    },
    StabilityRow {
        drug: Drug::Interleukin2,
        storage: Storage::Room,
        hours: None,
        product: "Proleukin",
        source: "NOT CONFIRMED: Proleukin SmPC §6.3 could not be read; a site setting",
    },
];

/// The stability row of `drug` at `storage`.
pub fn stability(drug: Drug, storage: Storage) -> Option<&'static StabilityRow> {
    STABILITY.iter().find(|r| r.drug == drug && r.storage == storage)
}
