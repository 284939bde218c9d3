//! Settings a site may change: product concentrations, vial sizes, diluent,
//! bag volume, infusion time, dilution step, rounding increment and
//! thresholds. Defaults come from [`crate::regimen::NK_ACT_BC`]. Settings are
//! a plain serde value: saved with each order and kept as a preference.

use serde::{Deserialize, Serialize};

use crate::error::{Field, InputError, Problem};
use crate::regimen::{Diluent, Drug, NK_ACT_BC};

/// Paper size of the order sheet.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "kebab-case")]
pub enum Paper {
    #[default]
    A4,
    Letter,
}

/// One drug product as the pharmacy stocks it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProductSettings {
    pub drug: Drug,
    /// Concentration of the reconstituted stock, in dose unit per mL.
    pub concentration_per_ml: f64,
    /// Vial contents in the dose unit.
    pub vial_sizes: Vec<f64>,
    pub diluent: Option<Diluent>,
    pub bag_volume_ml: Option<f64>,
    pub infusion_minutes_loading: Option<u32>,
    pub infusion_minutes_maintenance: Option<u32>,
    /// An optional dilution step for tiny volumes: the concentration, in dose
    /// unit per mL, the stock is diluted to before drawing the dose.
    pub dilute_to_per_ml: Option<f64>,
}

/// Everything a site may configure.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Settings {
    /// mg doses are rounded to a multiple of this (mg).
    pub mg_rounding_increment: f64,
    /// Volumes under this (mL) are flagged as too small to measure.
    pub min_measurable_ml: f64,
    /// Weight change (percent) that asks for a recalculation.
    pub weight_change_threshold_pct: f64,
    pub paper: Paper,
    /// A bag's labelled dose may differ from the ordered dose by this much (percent) at the double-check.
    pub double_check_tolerance_pct: f64,
    /// One entry per drug, in administration order.
    pub products: Vec<ProductSettings>,
}

impl Default for Settings {
    fn default() -> Self {
        let r = &NK_ACT_BC;
        Settings {
            mg_rounding_increment: r.mg_rounding_increment,
            min_measurable_ml: r.min_measurable_ml,
            weight_change_threshold_pct: r.weight_change_threshold_pct,
            paper: Paper::A4,
            // Window issue: each bag dose must match the ordered dose within 1 %.
            double_check_tolerance_pct: 1.0,
            products: r
                .products
                .iter()
                .map(|p| ProductSettings {
                    drug: p.drug,
                    concentration_per_ml: p.concentration_per_ml,
                    vial_sizes: p.vial_sizes.to_vec(),
                    diluent: p.diluent,
                    bag_volume_ml: p.bag_volume_ml,
                    infusion_minutes_loading: p.infusion_minutes_loading,
                    infusion_minutes_maintenance: p.infusion_minutes_maintenance,
                    dilute_to_per_ml: None,
                })
                .collect(),
        }
    }
}

fn positive(value: f64) -> bool {
    value.is_finite() && value > 0.0
}

impl Settings {
    /// The product for `drug`, if configured.
    pub fn product(&self, drug: Drug) -> Option<&ProductSettings> {
        self.products.iter().find(|p| p.drug == drug)
    }

    /// Checks that every number is usable: a settings file from elsewhere may
    /// hold zeros, negatives or a missing product.
    pub fn validate(&self) -> Result<(), InputError> {
        let bad = |what: String| Err(InputError::new(Field::Settings, what, Problem::BadSetting));
        if !positive(self.mg_rounding_increment) || self.mg_rounding_increment > 100.0 {
            return bad(format!("mg_rounding_increment = {}", self.mg_rounding_increment));
        }
        if !positive(self.min_measurable_ml) || self.min_measurable_ml > 10.0 {
            return bad(format!("min_measurable_ml = {}", self.min_measurable_ml));
        }
        if !positive(self.weight_change_threshold_pct) || self.weight_change_threshold_pct > 100.0 {
            return bad(format!("weight_change_threshold_pct = {}", self.weight_change_threshold_pct));
        }
        if !(self.double_check_tolerance_pct.is_finite()
            && (0.0..=10.0).contains(&self.double_check_tolerance_pct))
        {
            return bad(format!("double_check_tolerance_pct = {}", self.double_check_tolerance_pct));
        }
        for rule in NK_ACT_BC.drugs {
            let Some(p) = self.product(rule.drug) else {
                return bad(format!("products: {} missing", rule.drug.key()));
            };
            let name = rule.drug.key();
            if !positive(p.concentration_per_ml) {
                return bad(format!("{name}.concentration_per_ml = {}", p.concentration_per_ml));
            }
            if p.vial_sizes.is_empty() || !p.vial_sizes.iter().all(|v| positive(*v)) {
                return bad(format!("{name}.vial_sizes = {:?}", p.vial_sizes));
            }
            if let Some(v) = p.bag_volume_ml
                && !positive(v)
            {
                return bad(format!("{name}.bag_volume_ml = {v}"));
            }
            if let Some(c) = p.dilute_to_per_ml
                && !(positive(c) && c < p.concentration_per_ml)
            {
                return bad(format!("{name}.dilute_to_per_ml = {c}"));
            }
        }
        if self.products.len() != NK_ACT_BC.drugs.len() {
            return bad(format!("products: {} entries", self.products.len()));
        }
        Ok(())
    }
}
