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
    /// How the products are given and checked beyond the doses (issue 13).
    /// Left out of a saved order while it is the default, so orders saved
    /// before it existed read back unchanged.
    #[serde(default, skip_serializing_if = "AdministrationSettings::is_default")]
    pub administration: AdministrationSettings,
    /// How the pharmacy prepares and labels (issue 21). Left out while it is the default.
    #[serde(default, skip_serializing_if = "PreparationSettings::is_default")]
    pub preparation: PreparationSettings,
}

/// The label stock the pharmacy prints bag labels on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "kebab-case")]
pub enum LabelStock {
    /// One 100 × 60 mm label per page (a label printer).
    #[default]
    #[serde(rename = "100x60")]
    Label100x60,
    /// A4 sheets of eight 105 × 74 mm labels (2 × 4).
    #[serde(rename = "a4-sheet")]
    A4Sheet,
}

/// A site's own stability of a prepared product: hours after preparation at a storage
/// condition, from its aseptic validation (fills or replaces the regimen's row).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SiteStability {
    pub drug: Drug,
    pub storage: crate::regimen::Storage,
    pub hours: f64,
}

/// A product stock's density, g/mL (from its own documentation; the site's value).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Density {
    pub drug: Drug,
    pub g_per_ml: f64,
}

/// How the pharmacy prepares, measures and labels.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct PreparationSettings {
    /// A measured volume (or mass) may differ from the target by this much (percent).
    /// Default 5 %: the limit most volumetric preparations met in Moss et al., Am J
    /// Health-Syst Pharm 2022 (doi 10.1093/ajhp/zxab414), 91.9 % within 5 %; a site setting.
    pub measure_tolerance_pct: f64,
    /// Where prepared doses are kept until given.
    pub storage: crate::regimen::Storage,
    /// The site's stability rows (its aseptic validation), over the regimen's table.
    pub stability: Vec<SiteStability>,
    /// Density of each product's stock (g/mL), for weighing a preparation; none: weighing is
    /// not offered for it (never an invented density).
    pub density: Vec<Density>,
    pub labels: LabelStock,
}

impl Default for PreparationSettings {
    fn default() -> Self {
        PreparationSettings {
            measure_tolerance_pct: 5.0,
            storage: crate::regimen::Storage::Refrigerated,
            stability: Vec::new(),
            density: Vec::new(),
            labels: LabelStock::Label100x60,
        }
    }
}

impl PreparationSettings {
    pub fn is_default(&self) -> bool {
        *self == PreparationSettings::default()
    }

    /// The hours `drug` keeps at `storage` after preparation, and where that comes from:
    /// the site's row, else the regimen's table; none when neither gives a value.
    pub fn stability_hours(
        &self,
        drug: Drug,
        storage: crate::regimen::Storage,
    ) -> (Option<f64>, &'static str) {
        if let Some(row) = self.stability.iter().find(|r| r.drug == drug && r.storage == storage) {
            return (Some(row.hours), "site setting (its aseptic validation)");
        }
        match crate::regimen::stability(drug, storage) {
            Some(row) => (row.hours.map(f64::from), row.source),
            None => (None, "not set"),
        }
    }

    pub fn density(&self, drug: Drug) -> Option<f64> {
        self.density.iter().find(|d| d.drug == drug).map(|d| d.g_per_ml)
    }
}

/// What a site sets about giving the products: the LVEF hold rule, how old an
/// LVEF may be, observation after later trastuzumab infusions, the NK
/// product's handling, and supportive care. Empty text means "per site
/// protocol" on the sheet: nothing is invented.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct AdministrationSettings {
    /// Withhold the antibodies when LVEF has fallen at least this many points from baseline…
    pub lvef_hold_min_fall_points: f64,
    /// …and is below this (%).
    pub lvef_hold_below_pct: f64,
    /// An LVEF older than this many days before Day 1 needs a reason.
    pub lvef_max_age_days: u32,
    /// Pertuzumab maintenance is infused over the product's maintenance time up to this (min).
    pub pertuzumab_maintenance_max_minutes: u32,
    /// Observation after later trastuzumab infusions, minutes; none: per site protocol.
    pub trastuzumab_later_observation_minutes: Option<u32>,
    /// The latest time the NK cells may be infused, in hours after release or thaw; none: not set.
    pub nk_max_hours_after_release: Option<f64>,
    /// Route and infusion set for the NK cells, as the site's manual says.
    pub nk_route_and_set: String,
    pub antiemetic: String,
    pub hydration: String,
    pub premedication: String,
}

impl Default for AdministrationSettings {
    fn default() -> Self {
        let hold = crate::criteria::LVEF_HOLD_EU;
        AdministrationSettings {
            lvef_hold_min_fall_points: hold.min_fall_points,
            lvef_hold_below_pct: hold.below_pct,
            // Issue 13: "An LVEF older than a configurable interval (default 3 months)"; 3 months = 92 days at most.
            lvef_max_age_days: 92,
            // Facts, pertuzumab (EU SmPC): 420 mg over 30-60 min.
            pertuzumab_maintenance_max_minutes: 60,
            trastuzumab_later_observation_minutes: None,
            nk_max_hours_after_release: None,
            nk_route_and_set: String::new(),
            antiemetic: String::new(),
            hydration: String::new(),
            premedication: String::new(),
        }
    }
}

impl AdministrationSettings {
    pub fn is_default(&self) -> bool {
        *self == AdministrationSettings::default()
    }

    /// The LVEF hold rule as this site sets it.
    pub fn lvef_hold(&self) -> crate::criteria::LvefHoldRule {
        let eu = crate::criteria::LVEF_HOLD_EU;
        let is_eu = (self.lvef_hold_min_fall_points - eu.min_fall_points).abs() < 1e-9
            && (self.lvef_hold_below_pct - eu.below_pct).abs() < 1e-9;
        crate::criteria::LvefHoldRule {
            min_fall_points: self.lvef_hold_min_fall_points,
            below_pct: self.lvef_hold_below_pct,
            source: if is_eu { eu.source } else { "site setting" },
        }
    }
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
            administration: AdministrationSettings::default(),
            preparation: PreparationSettings::default(),
        }
    }
}

/// A bag's volume a site may set, mL: from a 20 mL minibag to a 1 L bag.
/// Outside, a slip of the keyboard (a 5 mL "bag", 2500 mL) that the pump rate would follow.
pub const BAG_ML: (f64, f64) = (20.0, 1000.0);

/// An infusion time a site may set, minutes: at least 15 (shorter is a push, not
/// an infusion) or the label's own time where the label gives one (trastuzumab 90
/// then 30, pertuzumab 60 then 30: EU SmPCs), and at most 240 (4 hours).
pub const INFUSION_MIN: (u32, u32) = (15, 240);

/// Why a site settings file cannot be used.
#[derive(Debug, Clone, PartialEq)]
pub enum SiteFileProblem {
    /// Not JSON, or not an object.
    NotJson(String),
    /// A key this program does not know, or a value of the wrong kind.
    Shape(String),
    /// A value outside what is accepted.
    Invalid(InputError),
}

impl Settings {
    /// A site settings file: a JSON object holding only what the site changes,
    /// laid over the defaults (objects merge key by key; `products` may be an
    /// object keyed by drug, `{"cyclophosphamide": {"bag_volume_ml": 250}}`).
    /// Unknown keys are refused, and the result is validated like any input.
    pub fn from_site_json(bytes: &[u8]) -> Result<Settings, SiteFileProblem> {
        let file: serde_json::Value =
            serde_json::from_slice(bytes).map_err(|e| SiteFileProblem::NotJson(e.to_string()))?;
        if !file.is_object() {
            return Err(SiteFileProblem::NotJson("not a JSON object".to_owned()));
        }
        let mut base =
            serde_json::to_value(Settings::default()).map_err(|e| SiteFileProblem::Shape(e.to_string()))?;
        if let Some(obj) = base.as_object_mut() {
            obj.entry("administration").or_insert_with(|| {
                serde_json::to_value(AdministrationSettings::default()).unwrap_or_default()
            });
            obj.entry("preparation")
                .or_insert_with(|| serde_json::to_value(PreparationSettings::default()).unwrap_or_default());
        }
        merge(&mut base, &file)?;
        let settings: Settings =
            serde_json::from_value(base).map_err(|e| SiteFileProblem::Shape(e.to_string()))?;
        settings.validate().map_err(SiteFileProblem::Invalid)?;
        Ok(settings)
    }
}

fn merge(base: &mut serde_json::Value, over: &serde_json::Value) -> Result<(), SiteFileProblem> {
    use serde_json::Value;
    match (base, over) {
        (Value::Array(products), Value::Object(by_drug)) => {
            for (drug, fields) in by_drug {
                let slot = products
                    .iter_mut()
                    .find(|p| p.get("drug").and_then(Value::as_str) == Some(drug.as_str()))
                    .ok_or_else(|| SiteFileProblem::Shape(format!("products: unknown drug \"{drug}\"")))?;
                merge(slot, fields)?;
            }
            Ok(())
        }
        (Value::Object(b), Value::Object(o)) => {
            for (k, v) in o {
                match b.get_mut(k) {
                    Some(slot) if slot.is_object() || (slot.is_array() && v.is_object()) => merge(slot, v)?,
                    Some(slot) => *slot = v.clone(),
                    None => return Err(SiteFileProblem::Shape(format!("unknown setting \"{k}\""))),
                }
            }
            Ok(())
        }
        (b, o) => {
            *b = o.clone();
            Ok(())
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
    /// One check per setting, each against its reviewed bounds: long because there are
    /// that many settings, and one list shows that none is left unchecked.
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
                && !(v.is_finite() && (BAG_ML.0..=BAG_ML.1).contains(&v))
            {
                return bad(format!("{name}.bag_volume_ml = {v}"));
            }
            // No faster than the label's own time for this product; an unlabelled time at
            // least a short infusion. At most 4 hours (issue 18: a 10-minute trastuzumab
            // maintenance, 1500 mL/h, was accepted silently).
            let label = NK_ACT_BC.products.iter().find(|x| x.drug == rule.drug);
            for (which, minutes, label_min) in [
                (
                    "infusion_minutes_loading",
                    p.infusion_minutes_loading,
                    label.and_then(|l| l.infusion_minutes_loading),
                ),
                (
                    "infusion_minutes_maintenance",
                    p.infusion_minutes_maintenance,
                    label.and_then(|l| l.infusion_minutes_maintenance),
                ),
            ] {
                let floor = label_min.unwrap_or(INFUSION_MIN.0);
                if let Some(m) = minutes
                    && !(floor..=INFUSION_MIN.1).contains(&m)
                {
                    return bad(format!("{name}.{which} = {m}"));
                }
            }
            if let Some(c) = p.dilute_to_per_ml
                && !(positive(c) && c < p.concentration_per_ml)
            {
                return bad(format!("{name}.dilute_to_per_ml = {c}"));
            }
        }
        let a = &self.administration;
        if !(a.lvef_hold_min_fall_points.is_finite() && (1.0..=50.0).contains(&a.lvef_hold_min_fall_points)) {
            return bad(format!(
                "administration.lvef_hold_min_fall_points = {}",
                a.lvef_hold_min_fall_points
            ));
        }
        if !(a.lvef_hold_below_pct.is_finite() && (20.0..=70.0).contains(&a.lvef_hold_below_pct)) {
            return bad(format!("administration.lvef_hold_below_pct = {}", a.lvef_hold_below_pct));
        }
        if !(1..=366).contains(&a.lvef_max_age_days) {
            return bad(format!("administration.lvef_max_age_days = {}", a.lvef_max_age_days));
        }
        let pertuzumab_min =
            self.product(Drug::Pertuzumab).and_then(|p| p.infusion_minutes_maintenance).unwrap_or(1);
        if !(pertuzumab_min..=240).contains(&a.pertuzumab_maintenance_max_minutes) {
            return bad(format!(
                "administration.pertuzumab_maintenance_max_minutes = {}",
                a.pertuzumab_maintenance_max_minutes
            ));
        }
        if let Some(m) = a.trastuzumab_later_observation_minutes
            && !(1..=720).contains(&m)
        {
            return bad(format!("administration.trastuzumab_later_observation_minutes = {m}"));
        }
        if let Some(h) = a.nk_max_hours_after_release
            // Fresh cell products are given within hours; 72 h bounds any shelf life a
            // sponsor gives after release or thaw (the sponsor's value is the setting).
            && !(h.is_finite() && h > 0.0 && h <= 72.0)
        {
            return bad(format!("administration.nk_max_hours_after_release = {h}"));
        }
        for (name, text) in [
            ("nk_route_and_set", &a.nk_route_and_set),
            ("antiemetic", &a.antiemetic),
            ("hydration", &a.hydration),
            ("premedication", &a.premedication),
        ] {
            match crate::identity::normalise(Field::Settings, text) {
                Ok(v) if v == *text => {}
                _ => {
                    return bad(format!(
                        "administration.{name} = {:?}",
                        text.chars().take(40).collect::<String>()
                    ));
                }
            }
        }
        let p = &self.preparation;
        if !(p.measure_tolerance_pct.is_finite() && (0.1..=20.0).contains(&p.measure_tolerance_pct)) {
            return bad(format!("preparation.measure_tolerance_pct = {}", p.measure_tolerance_pct));
        }
        for row in &p.stability {
            // A prepared dose kept longer than 30 days is not a hospital preparation.
            if !(row.hours.is_finite() && row.hours > 0.0 && row.hours <= 720.0) {
                return bad(format!(
                    "preparation.stability {} {} = {}",
                    row.drug.key(),
                    row.storage.key(),
                    row.hours
                ));
            }
        }
        for d in &p.density {
            if !(d.g_per_ml.is_finite() && (0.5..=2.0).contains(&d.g_per_ml)) {
                return bad(format!("preparation.density {} = {}", d.drug.key(), d.g_per_ml));
            }
        }
        if self.products.len() != NK_ACT_BC.drugs.len() {
            return bad(format!("products: {} entries", self.products.len()));
        }
        Ok(())
    }
}

/// Where hospital IT puts the pharmacy's locked settings (the Debian package's conffile).
pub const SITE_POLICY_PATH: &str = "/etc/nkact-dose/site.json";

/// The pharmacy's settings as IT deploys them (issue 22): the `--site-settings` schema plus
/// `register` (the register's location) and `language`. Every setting the file names is
/// locked: the window shows it as set by the pharmacy and a user's own preferences apply only
/// to the rest.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct SitePolicy {
    /// The file's settings laid over the defaults.
    pub settings: Option<Settings>,
    /// The dotted paths the file sets (`administration.nk_max_hours_after_release`,
    /// `products.cyclophosphamide.bag_volume_ml`, `paper` …).
    pub locked: Vec<String>,
    pub register: Option<String>,
    pub language: Option<crate::locale::Lang>,
}

impl SitePolicy {
    /// Reads a policy file's bytes; an empty object locks nothing.
    pub fn from_json(bytes: &[u8]) -> Result<SitePolicy, SiteFileProblem> {
        let mut file: serde_json::Value =
            serde_json::from_slice(bytes).map_err(|e| SiteFileProblem::NotJson(e.to_string()))?;
        let Some(obj) = file.as_object_mut() else {
            return Err(SiteFileProblem::NotJson("not a JSON object".to_owned()));
        };
        let register = match obj.remove("register") {
            None => None,
            Some(serde_json::Value::String(r)) if !r.trim().is_empty() => Some(r.trim().to_owned()),
            Some(_) => {
                return Err(SiteFileProblem::Shape("register: a path or a postgres:// URL".to_owned()));
            }
        };
        let language = match obj.remove("language") {
            None => None,
            Some(serde_json::Value::String(l)) => Some(
                crate::locale::Lang::from_key(&l)
                    .ok_or_else(|| SiteFileProblem::Shape(format!("language: \"{l}\" (en, es or ca)")))?,
            ),
            Some(_) => return Err(SiteFileProblem::Shape("language: en, es or ca".to_owned())),
        };
        let mut locked = Vec::new();
        leaves(&file, String::new(), &mut locked);
        let settings = if locked.is_empty() {
            None
        } else {
            let bytes = serde_json::to_vec(&file).map_err(|e| SiteFileProblem::Shape(e.to_string()))?;
            Some(Settings::from_site_json(&bytes)?)
        };
        Ok(SitePolicy { settings, locked, register, language })
    }

    /// Whether the file sets this dotted path (or a path above it).
    pub fn locks(&self, path: &str) -> bool {
        self.locked.iter().any(|l| l == path || path.starts_with(&format!("{l}.")))
    }

    /// A user's settings with every locked setting taken from the policy.
    pub fn over(&self, user: &Settings) -> Settings {
        let Some(site) = &self.settings else { return user.clone() };
        let (Ok(mut out), Ok(site_v)) = (settings_value(user), settings_value(site)) else {
            return site.clone();
        };
        for path in &self.locked {
            if let Some(v) = at_path(&site_v, path) {
                set_path(&mut out, path, v.clone());
            }
        }
        from_value(out).filter(|s| s.validate().is_ok()).unwrap_or_else(|| site.clone())
    }
}

/// Settings as a JSON value with products keyed by drug (the site file's shape).
fn settings_value(s: &Settings) -> Result<serde_json::Value, serde_json::Error> {
    let mut v = serde_json::to_value(s)?;
    if let Some(obj) = v.as_object_mut() {
        obj.entry("administration")
            .or_insert_with(|| serde_json::to_value(AdministrationSettings::default()).unwrap_or_default());
        obj.entry("preparation")
            .or_insert_with(|| serde_json::to_value(PreparationSettings::default()).unwrap_or_default());
        if let Some(products) = obj.get("products").and_then(|p| p.as_array()).cloned() {
            let by_drug: serde_json::Map<String, serde_json::Value> =
                products.into_iter().filter_map(|p| Some((p.get("drug")?.as_str()?.to_owned(), p))).collect();
            obj.insert("products".to_owned(), serde_json::Value::Object(by_drug));
        }
    }
    Ok(v)
}

fn from_value(mut v: serde_json::Value) -> Option<Settings> {
    if let Some(products) = v.get_mut("products").and_then(|p| p.as_object_mut()).map(std::mem::take) {
        v["products"] = serde_json::Value::Array(products.into_iter().map(|(_, p)| p).collect());
    }
    serde_json::from_value(v).ok()
}

fn leaves(v: &serde_json::Value, prefix: String, out: &mut Vec<String>) {
    match v.as_object() {
        Some(obj) => {
            for (k, child) in obj {
                let path = if prefix.is_empty() { k.clone() } else { format!("{prefix}.{k}") };
                leaves(child, path, out);
            }
        }
        None if !prefix.is_empty() => out.push(prefix),
        None => {}
    }
}

fn at_path<'a>(v: &'a serde_json::Value, path: &str) -> Option<&'a serde_json::Value> {
    path.split('.').try_fold(v, |v, k| v.get(k))
}

fn set_path(v: &mut serde_json::Value, path: &str, value: serde_json::Value) {
    let Some((head, rest)) = path.split_once('.') else {
        if let Some(obj) = v.as_object_mut() {
            obj.insert(path.to_owned(), value);
        }
        return;
    };
    if let Some(child) = v.as_object_mut().and_then(|o| o.get_mut(head)) {
        set_path(child, rest, value);
    }
}
