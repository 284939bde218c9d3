//! What the pharmacy makes from an order (issue 21): one bag or syringe per dose to
//! give — cyclophosphamide, trastuzumab, pertuzumab, one IL-2 syringe for each of
//! Days 2, 4 and 6 — numbered across the order ("bag 1 of 6"); each one's beyond-use
//! date and time from the stability table; the code on its label, which names the
//! order, the revision and the bag with a check; and a measured volume or mass against
//! its target. Pure values and functions: the register stores, the faces show.

use chrono::{NaiveDate, NaiveDateTime, TimeDelta};
use sha2::{Digest, Sha256};

use crate::engine::{Preparation, Report};
use crate::regimen::{DoseUnit, Drug, Route, Storage};
use crate::settings::Settings;

/// What a dose is given in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Container {
    Bag,
    Syringe,
}

/// One bag or syringe the pharmacy prepares.
#[derive(Debug, Clone, PartialEq)]
pub struct Unit {
    /// 1-based, across the order.
    pub number: u32,
    /// How many the order has.
    pub of: u32,
    pub drug: Drug,
    /// The protocol day it is given on (the first of its window when given once within days
    /// and no day was chosen), and its date when Day 1 is known.
    pub day: i32,
    pub date: Option<NaiveDate>,
    /// Given once on one day of this window (cyclophosphamide), when no day was chosen.
    pub window: Option<(i32, i32)>,
    pub container: Container,
    pub dose: f64,
    pub unit: DoseUnit,
    pub route: Route,
    pub preparation: Preparation,
}

impl Unit {
    /// The code its label carries.
    pub fn code(&self, order_id: &str, revision: u32) -> BagCode {
        BagCode { order_id: order_id.to_owned(), revision, bag: self.number }
    }
}

/// The bags and syringes of an order, in administration order; a withheld dose has none.
pub fn units(report: &Report) -> Vec<Unit> {
    let mut out = Vec::new();
    for line in report.doses.iter().filter(|d| !d.withheld) {
        let container = match line.route {
            Route::Subcutaneous => Container::Syringe,
            Route::Intravenous => Container::Bag,
        };
        let mut push = |day: i32, date: Option<NaiveDate>, window: Option<(i32, i32)>| {
            out.push(Unit {
                number: 0,
                of: 0,
                drug: line.drug,
                day,
                date,
                window,
                container,
                dose: line.dose,
                unit: line.unit,
                route: line.route,
                preparation: line.preparation.clone(),
            });
        };
        if line.once_within {
            match line.chosen_day {
                Some((day, date)) => push(day, Some(date), None),
                None => {
                    let first = line.days.first().map_or(0, |d| d.0);
                    let last = line.days.last().map_or(0, |d| d.0);
                    push(first, None, Some((first, last)));
                }
            }
        } else {
            for (day, date) in &line.days {
                push(*day, *date, None);
            }
        }
    }
    out.sort_by_key(|u| (u.day, u.drug));
    let of = u32::try_from(out.len()).unwrap_or(u32::MAX);
    for (i, u) in out.iter_mut().enumerate() {
        u.number = u32::try_from(i + 1).unwrap_or(u32::MAX);
        u.of = of;
    }
    out
}

/// A preparation's beyond-use date and time, and where its hours come from.
#[derive(Debug, Clone, PartialEq)]
pub struct BeyondUse {
    pub storage: Storage,
    /// Hours after preparation; `None`: no source and no site value (the label says the
    /// pharmacy completes it by hand).
    pub hours: Option<f64>,
    pub source: &'static str,
    /// The product whose SmPC §6.3 gives the hours; `None`: the site's own value.
    pub product: Option<&'static str>,
    /// Prepared at + hours, when both are known.
    pub until: Option<NaiveDateTime>,
}

/// The beyond-use of `drug` prepared at `prepared_at`, kept as the site keeps it.
pub fn beyond_use(drug: Drug, settings: &Settings, prepared_at: Option<NaiveDateTime>) -> BeyondUse {
    let storage = settings.preparation.storage;
    let (hours, source) = settings.preparation.stability_hours(drug, storage);
    let product = crate::regimen::stability(drug, storage).filter(|r| r.source == source).map(|r| r.product);
    let until = match (hours, prepared_at) {
        (Some(h), Some(at)) => {
            TimeDelta::try_minutes((h * 60.0).round() as i64).and_then(|d| at.checked_add_signed(d))
        }
        _ => None,
    };
    BeyondUse { storage, hours, source, product, until }
}

/// A measured preparation: what was typed, the volume it stands for, and its deviation.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Measured {
    /// As typed: a volume (mL) or a mass (g).
    pub value: f64,
    pub grams: bool,
    /// The volume it stands for (a mass divided by the density).
    pub volume_ml: f64,
    pub target_ml: f64,
    /// (volume − target) ÷ target, percent.
    pub deviation_pct: f64,
    pub tolerance_pct: f64,
}

impl Measured {
    pub fn within(&self) -> bool {
        self.deviation_pct.abs() <= self.tolerance_pct + 1e-9
    }
}

/// Why a measured value cannot be used.
#[derive(Debug, Clone, PartialEq)]
pub enum MeasureProblem {
    /// Not "26.8 mL" or "27.3 g" (what was typed, bounded).
    Unreadable(String),
    /// A mass, but the site set no density for this product.
    NoDensity(Drug),
    /// No volume to measure against.
    NoTarget,
}

/// Reads "26.8 mL" / "26,8 ml" / "27.3 g" against `unit`'s volume to draw.
pub fn measure(text: &str, unit: &Unit, settings: &Settings) -> Result<Measured, MeasureProblem> {
    let bounded = || text.chars().filter(|c| !c.is_control()).take(30).collect::<String>();
    let t = text.trim().to_lowercase().replace(',', ".");
    let (number, grams) = if let Some(n) = t.strip_suffix("ml") {
        (n.trim().to_owned(), false)
    } else if let Some(n) = t.strip_suffix('g') {
        (n.trim().to_owned(), true)
    } else {
        return Err(MeasureProblem::Unreadable(bounded()));
    };
    let value: f64 = number.parse().map_err(|_| MeasureProblem::Unreadable(bounded()))?;
    if !(value.is_finite() && value > 0.0 && value < 10_000.0) {
        return Err(MeasureProblem::Unreadable(bounded()));
    }
    let target_ml = match unit.preparation.diluted {
        Some((_, v)) => v,
        None => unit.preparation.volume_ml,
    };
    if target_ml.is_nan() || target_ml <= 0.0 {
        return Err(MeasureProblem::NoTarget);
    }
    let volume_ml = if grams {
        let density = settings.preparation.density(unit.drug).ok_or(MeasureProblem::NoDensity(unit.drug))?;
        value / density
    } else {
        value
    };
    let deviation_pct = (volume_ml - target_ml) / target_ml * 100.0;
    Ok(Measured {
        value,
        grams,
        volume_ml,
        target_ml,
        deviation_pct,
        tolerance_pct: settings.preparation.measure_tolerance_pct,
    })
}

/// The code on a bag's label: which order, which revision, which bag, with a check.
///
/// A GS1-style element string using the GS1 internal application identifiers (91–94,
/// "company internal information"): `(92)` revision, 3 digits; `(93)` bag number, 2 digits;
/// `(94)` check, 6 upper-case hexadecimal characters (the first three bytes of the SHA-256
/// of `NKACT-BAG|order|revision|bag`); `(91)` the order ID, last because it is the only one of
/// variable length. The Data Matrix starts with FNC1 and puts GS after each field but the
/// last; a scanner that drops the GS is still read unambiguously (the first three are of fixed
/// width), and any other change fails the check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BagCode {
    pub order_id: String,
    pub revision: u32,
    pub bag: u32,
}

/// Why a scanned bag code was not read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BagCodeProblem {
    Empty,
    /// Not a label code of this program.
    NotABagCode,
    /// The check does not match: a misread or altered code.
    Damaged,
}

impl BagCode {
    /// The 6-character check.
    pub fn check(&self) -> String {
        let digest = Sha256::digest(format!("NKACT-BAG|{}|{}|{}", self.order_id, self.revision, self.bag));
        digest.iter().take(3).map(|b| format!("{b:02X}")).collect()
    }

    /// A label can carry it: revision and bag fit their widths, the order ID is GS1 text.
    pub fn encodable(&self) -> bool {
        self.revision <= 999
            && self.bag <= 99
            && !self.order_id.is_empty()
            && self.order_id.len() <= 90
            && self.order_id.chars().all(|c| c.is_ascii_alphanumeric() || "-._/".contains(c))
    }

    /// The element string, GS (ASCII 29) between fields, without the leading FNC1.
    pub fn element_string(&self) -> String {
        let gs = crate::domain::gs1::GS;
        format!("92{:03}{gs}93{:02}{gs}94{}{gs}91{}", self.revision, self.bag, self.check(), self.order_id)
    }

    /// The same for people, as printed under the code.
    pub fn human(&self) -> String {
        format!("(92){:03} (93){:02} (94){} (91){}", self.revision, self.bag, self.check(), self.order_id)
    }

    /// Reads a scanned label code (as a wedge scanner types it, with or without `]d2`,
    /// FNC1/GS or the trailing CR/LF; or as printed under the code, with parentheses).
    pub fn parse(scan: &str) -> Result<BagCode, BagCodeProblem> {
        let gs = crate::domain::gs1::GS;
        let t = scan.trim_matches(|c: char| c == '\r' || c == '\n' || c == ' ');
        if t.is_empty() {
            return Err(BagCodeProblem::Empty);
        }
        let t = ["]d2", "]C1", "]Q3"].iter().find_map(|p| t.strip_prefix(p)).unwrap_or(t);
        // GS, and the parentheses and spaces of the printed form, separate fields only.
        let flat: String = t.chars().filter(|c| *c != gs && !"() ".contains(*c)).collect();
        let fixed = |s: &str, ai: &str, n: usize| -> Option<(String, usize)> {
            let body = s.strip_prefix(ai)?.get(..n)?;
            Some((body.to_owned(), ai.len() + n))
        };
        let (rev, a) = fixed(&flat, "92", 3).ok_or(BagCodeProblem::NotABagCode)?;
        let rest = &flat[a..];
        let (bag, b) = fixed(rest, "93", 2).ok_or(BagCodeProblem::NotABagCode)?;
        let rest = &rest[b..];
        let (check, c) = fixed(rest, "94", 6).ok_or(BagCodeProblem::NotABagCode)?;
        let order_id = rest[c..].strip_prefix("91").ok_or(BagCodeProblem::NotABagCode)?;
        let digits = |s: &str| s.chars().all(|c| c.is_ascii_digit());
        if !digits(&rev) || !digits(&bag) || order_id.is_empty() {
            return Err(BagCodeProblem::NotABagCode);
        }
        let code = BagCode {
            order_id: order_id.to_owned(),
            revision: rev.parse().map_err(|_| BagCodeProblem::NotABagCode)?,
            bag: bag.parse().map_err(|_| BagCodeProblem::NotABagCode)?,
        };
        if code.check() != check.to_ascii_uppercase() || !code.encodable() {
            return Err(BagCodeProblem::Damaged);
        }
        Ok(code)
    }
}
