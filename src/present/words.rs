//! Wording: the domain's facts (fields, drugs, amounts, dates, warnings,
//! errors) turned into the words of one language. Every sentence comes whole
//! from the translation files ([`crate::present::i18n`]); this module only
//! chooses the message and writes the numbers and dates it carries. Numbers
//! follow ISMP ([`crate::present::numfmt`]) with the document's decimal mark.

use chrono::{Datelike, NaiveDate, NaiveDateTime};

use crate::bsa::BsaFormula;
use crate::engine::{
    DoseLine, Measure, NkState, Phase, PhaseReason, VialCount, WarningKind, WeightChange, Working,
};
use crate::error::{Field, InputError, Problem};
use crate::present::i18n::Words;
use crate::present::numfmt;
use crate::regimen::{Diluent, DoseUnit, Drug, NK_ACT_BC, Route};
use crate::{id, msg, msg_some};

/// The program's name (never translated).
pub const PROGRAM: &str = "nkact-dose";

impl Words {
    // ------------------------------------------------------------ numbers

    /// A number with at most `max` decimals, ISMP style, with this document's decimal mark.
    pub fn num(&self, value: f64, max: usize) -> String {
        self.marked(numfmt::decimal(value, max))
    }

    /// A number already written with a point, given this document's mark.
    fn marked(&self, written: String) -> String {
        match self.mark.char() {
            '.' => written,
            c => written.replace('.', &c.to_string()),
        }
    }

    fn pow10(&self, value: f64) -> String {
        self.marked(numfmt::power_of_ten(value))
    }

    fn millions(&self, value: f64) -> String {
        self.marked(numfmt::millions(value))
    }

    // ------------------------------------------------------------ names

    pub fn window_title(&self) -> String {
        self.msg(msg!("window-title", "program" => PROGRAM, "regimen" => NK_ACT_BC.name, "protocol" => NK_ACT_BC.protocol))
    }

    fn field_id(field: Field) -> &'static str {
        match field {
            Field::Weight => id!("field-weight"),
            Field::Height => id!("field-height"),
            Field::BsaFormula => id!("field-bsa-formula"),
            Field::BsaCap => id!("field-bsa-cap"),
            Field::NkCells => id!("field-nk-cells"),
            Field::Cycle => id!("field-cycle"),
            Field::Day1 => id!("field-day1"),
            Field::LastTrastuzumab => id!("field-last-trastuzumab"),
            Field::LastPertuzumab => id!("field-last-pertuzumab"),
            Field::PreviousWeight => id!("field-previous-weight"),
            Field::Settings => id!("field-settings"),
            Field::PatientName => id!("field-patient-name"),
            Field::PatientId => id!("field-patient-id"),
            Field::DateOfBirth => id!("field-date-of-birth"),
            Field::Allergies => id!("field-allergies"),
            Field::IssuedBy => id!("field-issued-by"),
            Field::AcknowledgedBy => id!("field-acknowledged-by"),
            Field::Verifier => id!("field-verifier"),
            Field::Reason => id!("field-reason"),
            Field::Lab => id!("field-lab"),
            Field::Uln => id!("field-uln"),
            Field::Lvef => id!("field-lvef"),
            Field::LvefDate => id!("field-lvef-date"),
            Field::LvefBaseline => id!("field-lvef-baseline"),
            Field::Sex => id!("field-sex"),
            Field::PreviousInfusionTolerated => id!("field-previous-infusion-tolerated"),
            Field::CyclophosphamideDate => id!("field-cyclophosphamide-date"),
            Field::NkProductId => id!("field-nk-product-id"),
            Field::NkBagId => id!("field-nk-bag-id"),
            Field::NkReleasedAt => id!("field-nk-released-at"),
            Field::AdministeredAt => id!("field-administered-at"),
            Field::Override => id!("field-override"),
            Field::Subject => id!("field-subject"),
        }
    }

    /// A field's label, as the form shows it and errors name it.
    pub fn field_label(&self, field: Field) -> String {
        self.t(Self::field_id(field))
    }

    /// The grammatical gender of a field's label (`masculine`, `feminine`), for agreement.
    fn field_gender(&self, field: Field) -> String {
        self.attribute(Self::field_id(field), "gender").unwrap_or_else(|| "masculine".to_owned())
    }

    pub fn drug_name(&self, drug: Drug) -> String {
        self.t(match drug {
            Drug::Cyclophosphamide => id!("drug-cyclophosphamide"),
            Drug::Trastuzumab => id!("drug-trastuzumab"),
            Drug::Pertuzumab => id!("drug-pertuzumab"),
            Drug::Interleukin2 => id!("drug-interleukin2"),
        })
    }

    pub fn route_name(&self, route: Route) -> String {
        self.t(match route {
            Route::Intravenous => id!("route-intravenous"),
            Route::Subcutaneous => id!("route-subcutaneous"),
        })
    }

    pub fn formula_name(&self, formula: BsaFormula) -> String {
        self.t(match formula {
            BsaFormula::Mosteller => id!("formula-mosteller"),
            BsaFormula::DuBois => id!("formula-dubois"),
            BsaFormula::Haycock => id!("formula-haycock"),
            BsaFormula::GehanGeorge => id!("formula-gehan-george"),
            BsaFormula::Boyd => id!("formula-boyd"),
        })
    }

    pub fn diluent_name(&self, diluent: Diluent) -> String {
        match diluent {
            Diluent::SodiumChloride09 => self.msg(msg!("diluent-nacl-09", "pct" => self.num(0.9, 1))),
        }
    }

    pub fn paper_name(&self, paper: crate::settings::Paper) -> String {
        self.t(match paper {
            crate::settings::Paper::A4 => id!("paper-a4"),
            crate::settings::Paper::Letter => id!("paper-letter"),
        })
    }

    pub fn lang_name(&self, lang: crate::locale::Lang) -> String {
        self.t(match lang {
            crate::locale::Lang::En => id!("lang-en"),
            crate::locale::Lang::Es => id!("lang-es"),
            crate::locale::Lang::Ca => id!("lang-ca"),
        })
    }

    pub fn decimal_mark_name(&self, mark: crate::locale::DecimalMark) -> String {
        self.t(match mark {
            crate::locale::DecimalMark::Point => id!("decimal-mark-point"),
            crate::locale::DecimalMark::Comma => id!("decimal-mark-comma"),
        })
    }

    // ------------------------------------------------------------ amounts

    /// Whether this language writes large unit counts in millions rather than
    /// grouped digits (the translators' choice, `large-units-style`).
    pub fn units_in_millions(&self) -> bool {
        self.msg(msg!("large-units-style")) == "millions"
    }

    /// Units in millions: "0,91 millones de unidades", the millions to `decimals`.
    fn million_units(&self, value: f64, decimals: usize) -> String {
        self.msg(
            msg!("amount-million-units", "millions" => self.num(value / 1e6, decimals), "m" => value / 1e6),
        )
    }

    /// A dose with its unit: "1092 mg", "910 000 units (0.91 million units)".
    pub fn amount(&self, value: f64, unit: DoseUnit) -> String {
        match unit {
            DoseUnit::Units if value >= 1e5 && self.units_in_millions() => self.million_units(value, 3),
            DoseUnit::Mg => self.msg(msg!("amount-mg", "n" => self.num(value, 2))),
            DoseUnit::Units if value >= 1e5 => self.msg(msg!("amount-units-millions", "n" => self.num(value, 0), "millions" => self.millions(value), "m" => value / 1e6)),
            DoseUnit::Units => self.msg(msg!("amount-units", "n" => self.num(value, 0))),
        }
    }

    /// A dose in large type: "1092 mg", "910 000 units" (the millions stay in the working).
    pub fn amount_large(&self, value: f64, unit: DoseUnit) -> String {
        match unit {
            DoseUnit::Mg => self.amount(value, unit),
            DoseUnit::Units if value >= 1e5 && self.units_in_millions() => self.million_units(value, 3),
            DoseUnit::Units => self.msg(msg!("amount-units", "n" => self.num(value, 0))),
        }
    }

    /// A short amount for a label or a cell: "1092 mg", "0.91 million units".
    pub fn amount_short(&self, value: f64, unit: DoseUnit) -> String {
        match unit {
            DoseUnit::Units if value >= 1e5 => {
                self.msg(msg!("amount-million-units", "millions" => self.millions(value), "m" => value / 1e6))
            }
            _ => self.amount(value, unit),
        }
    }

    /// An unrounded amount in the working, to 4 decimals (units to 2).
    fn amount_exact(&self, value: f64, unit: DoseUnit) -> String {
        match unit {
            // To the unit: six decimals of a million.
            DoseUnit::Units if value >= 1e5 && self.units_in_millions() => self.million_units(value, 6),
            DoseUnit::Mg => self.msg(msg!("amount-mg", "n" => self.num(value, 4))),
            DoseUnit::Units => self.msg(msg!("amount-units", "n" => self.num(value, 2))),
        }
    }

    /// A rate: "600 mg/m²", "5 × 10⁵ units/m²", "8 mg/kg".
    fn rate(&self, value: f64, unit: DoseUnit, per_m2: bool) -> String {
        if unit == DoseUnit::Units && per_m2 && value >= 1e5 && self.units_in_millions() {
            let millions = self.num(value / 1e6, 3);
            return self.msg(msg!("rate-million-units-per-m2", "millions" => millions, "m" => value / 1e6));
        }
        let n = if value >= 1e5 { self.pow10(value) } else { self.num(value, 3) };
        self.msg(match (unit, per_m2) {
            (DoseUnit::Mg, true) => msg!("rate-mg-per-m2", "n" => n),
            (DoseUnit::Mg, false) => msg!("rate-mg-per-kg", "n" => n),
            (DoseUnit::Units, true) => msg!("rate-units-per-m2", "n" => n),
            (DoseUnit::Units, false) => msg!("rate-units-per-kg", "n" => n),
        })
    }

    pub fn concentration(&self, per_ml: f64, unit: DoseUnit) -> String {
        match unit {
            DoseUnit::Units if per_ml >= 1e5 => self.msg(
                msg!("concentration-million-units", "millions" => self.millions(per_ml), "m" => per_ml / 1e6),
            ),
            DoseUnit::Units => self.msg(msg!("concentration-units", "n" => self.num(per_ml, 3))),
            DoseUnit::Mg => self.msg(msg!("concentration-mg", "n" => self.num(per_ml, 3))),
        }
    }

    pub fn volume(&self, ml: f64) -> String {
        self.msg(msg!("volume-ml", "n" => self.num(ml, 3)))
    }

    pub fn kg(&self, value: f64) -> String {
        self.msg(msg!("measure-kg", "n" => self.num(value, 2)))
    }

    pub fn cm(&self, value: f64) -> String {
        self.msg(msg!("measure-cm", "n" => self.num(value, 2)))
    }

    pub fn m2(&self, value: f64) -> String {
        self.msg(msg!("measure-m2", "n" => self.num(value, 2)))
    }

    /// "2 × 10⁸ cells (200 million)".
    pub fn cells(&self, count: f64) -> String {
        self.msg(
            msg!("cells", "pow" => self.pow10(count), "millions" => self.millions(count), "m" => count / 1e6),
        )
    }

    pub fn nk_range(&self) -> String {
        self.msg(msg!("nk-range", "min" => self.pow10(NK_ACT_BC.nk.min_cells), "max" => self.pow10(NK_ACT_BC.nk.max_cells)))
    }

    /// "1 vial of 420 mg + 2 vials of 150 mg".
    pub fn vials(&self, vials: &[VialCount], unit: DoseUnit) -> String {
        if vials.is_empty() {
            return self.msg(msg!("vials-none"));
        }
        let parts: Vec<String> = vials
            .iter()
            .map(|v| {
                self.msg(msg!("vials-of", "count" => v.count, "size" => self.amount_short(v.size, unit)))
            })
            .collect();
        parts.join(" + ")
    }

    // ------------------------------------------------------------ days and dates

    /// A protocol day: "Day -5", "Día 1".
    pub fn day_label(&self, day: i32) -> String {
        self.msg(msg!("day-label", "day" => day.to_string()))
    }

    /// The placeables every date message gets: ISO, day, month in letters, year.
    fn date_parts(&self, date: NaiveDate) -> (String, String, String, String) {
        (
            date.format("%Y-%m-%d").to_string(),
            date.day().to_string(),
            self.msg(msg!("month-short", "m" => date.month())),
            date.year().to_string(),
        )
    }

    /// A calendar date with its weekday, so a weekend shows at a glance:
    /// "2026-12-01 (Tue)" in English, "1 dic 2026 (mar)" in Spanish.
    pub fn date(&self, date: NaiveDate) -> String {
        let (iso, day, month, year) = self.date_parts(date);
        let weekday = self.msg(msg!("weekday-short", "d" => date.weekday().number_from_monday()));
        self.msg(
            msg!("date", "iso" => iso, "day" => day, "month" => month, "year" => year, "weekday" => weekday),
        )
    }

    /// A date without its weekday, inside a sentence: "2026-12-01", "1 dic 2026".
    pub fn date_plain(&self, date: NaiveDate) -> String {
        let (iso, day, month, year) = self.date_parts(date);
        self.msg(msg!("date-plain", "iso" => iso, "day" => day, "month" => month, "year" => year))
    }

    /// A date and time: "2026-12-01 14:05", "1 dic 2026 14:05".
    pub fn datetime(&self, t: NaiveDateTime) -> String {
        let (iso, day, month, year) = self.date_parts(t.date());
        let time = t.format("%H:%M").to_string();
        self.msg(
            msg!("datetime", "iso" => iso, "day" => day, "month" => month, "year" => year, "time" => time),
        )
    }

    pub fn day_with_date(&self, day: i32, when: Option<NaiveDate>) -> String {
        match when {
            Some(d) => self.msg(msg!("day-with-date", "day" => self.day_label(day), "date" => self.date(d))),
            None => self.day_label(day),
        }
    }

    /// The days of a dose, or for a once-only window "once, on one day from … to …".
    pub fn dose_days(&self, line: &DoseLine) -> String {
        match (line.once_within, line.days.first(), line.days.last()) {
            (true, Some(first), Some(last)) if line.days.len() > 1 => self.msg(msg!("days-once-within", "first" => self.day_with_date(first.0, first.1), "last" => self.day_with_date(last.0, last.1))),
            _ => {
                let days: Vec<String> = line.days.iter().map(|(d, date)| self.day_with_date(*d, *date)).collect();
                days.join(", ")
            }
        }
    }

    /// "1 day", "35 days".
    pub fn days_count(&self, n: i64) -> String {
        self.msg(msg!("days-count", "n" => n))
    }

    /// What happens on a schedule day.
    pub fn event(&self, e: crate::engine::Event) -> String {
        use crate::engine::Event;
        match e {
            Event::Dose(d) => self.drug_name(d),
            Event::DoseWindow(d) => self.msg(msg!("event-window", "drug" => self.drug_name(d))),
            Event::NkInfusion => self.msg(msg!("event-nk-infusion")),
            Event::NextCycle => self.msg(msg!("event-next-cycle")),
            Event::Withheld(d) => self.msg(msg!("event-withheld", "drug" => self.drug_name(d))),
        }
    }

    // ------------------------------------------------------------ working

    fn formula_expression(&self, formula: BsaFormula, h: f64, w_kg: f64) -> String {
        let (h, w) = (self.num(h, 2), self.num(w_kg, 2));
        let c = |v: f64, d: usize| self.num(v, d);
        match formula {
            BsaFormula::Mosteller => format!("√({h} cm × {w} kg / 3600)"),
            BsaFormula::DuBois => format!("{} × {h}^{} × {w}^{}", c(0.007184, 6), c(0.725, 3), c(0.425, 3)),
            BsaFormula::Haycock => {
                format!("{} × {h}^{} × {w}^{}", c(0.024265, 6), c(0.3964, 4), c(0.5378, 4))
            }
            BsaFormula::GehanGeorge => {
                format!("{} × {h}^{} × {w}^{}", c(0.0235, 4), c(0.42246, 5), c(0.51456, 5))
            }
            BsaFormula::Boyd => self.msg(msg!("bsa-boyd-expression", "h" => h,
                    "w" => w,
                    "g" => self.num(w_kg * 1000.0, 0),
                    "k" => c(0.0003207, 7),
                    "a" => c(0.3, 1),
                    "b" => c(0.7285, 4),
                    "s" => c(0.0188, 4))),
        }
    }

    /// The BSA working: formula, numbers, rounding, and the cap when it bit.
    pub fn bsa_working(&self, bsa: &crate::engine::BsaResult) -> String {
        let base = self.msg(msg!("bsa-working", "formula" => self.formula_name(bsa.formula),
                "expression" => self.formula_expression(bsa.formula, bsa.height_cm, bsa.weight_kg),
                "unrounded" => self.num(bsa.unrounded_m2, 4),
                "rounded" => self.m2(bsa.rounded_m2)));
        match bsa.cap_applied_m2 {
            Some(cap) => self.msg(msg!("bsa-working-capped", "working" => base, "cap" => self.m2(cap), "rounded" => self.m2(bsa.rounded_m2))),
            None => base,
        }
    }

    pub fn phase_label(&self, phase: Phase) -> String {
        self.t(if phase.loading { id!("phase-loading") } else { id!("phase-maintenance") })
    }

    pub fn phase_reason(&self, phase: Phase) -> String {
        match phase.reason {
            PhaseReason::FirstCycle => self.msg(msg!("phase-first-cycle")),
            PhaseReason::IntervalWithin { last, day1, days, max_days } => {
                self.msg(msg!("phase-within", "last" => self.date_plain(last),
                    "day1" => self.date_plain(day1),
                    "days" => days,
                    "max" => max_days,
                    "reload" => max_days + 1))
            }
            PhaseReason::IntervalExceeded { last, day1, days, max_days } => {
                self.msg(msg!("phase-exceeded", "last" => self.date_plain(last),
                    "day1" => self.date_plain(day1),
                    "days" => days,
                    "max" => max_days,
                    "reload" => max_days + 1))
            }
            PhaseReason::IntervalNotChecked => self.msg(msg!("phase-not-checked")),
        }
    }

    /// The dose working: formula, numbers, result, phase, rounding.
    pub fn dose_working(&self, d: &DoseLine) -> String {
        let unit = d.unit;
        let exact = self.amount_exact(d.unrounded, unit);
        let formula = match d.working {
            Working::PerSquareMetre { rate, bsa_m2, uncapped: None } => self.msg(msg!("working-product", "rate" => self.rate(rate, unit, true), "basis" => self.m2(bsa_m2), "result" => exact)),
            Working::PerSquareMetre { rate, bsa_m2, uncapped: Some((bsa, dose)) } => self.msg(msg!("working-product-capped", "rate" => self.rate(rate, unit, true),
                    "basis" => self.m2(bsa_m2),
                    "result" => exact,
                    "uncapped_bsa" => self.m2(bsa),
                    "uncapped_dose" => self.amount(dose, unit))),
            Working::PerKilogram { rate, weight_kg } => self.msg(msg!("working-product", "rate" => self.rate(rate, unit, false), "basis" => self.kg(weight_kg), "result" => exact)),
            Working::Flat { amount } => self.msg(msg!("working-flat", "amount" => self.amount(amount, unit))),
        };
        let phase = d.phase.map(|p| self.phase_label(p));
        let rounded = (d.unrounded - d.dose).abs() > 1e-9;
        match (phase, rounded) {
            (Some(p), true) => self.msg(msg!("working-phase-rounded", "formula" => formula,
                    "phase" => p,
                    "dose" => self.amount(d.dose, unit),
                    "increment" => self.amount(d.increment, unit))),
            (Some(p), false) => self.msg(msg!("working-phase", "formula" => formula, "phase" => p)),
            (None, true) => self.msg(msg!("working-rounded", "formula" => formula,
                    "dose" => self.amount(d.dose, unit),
                    "increment" => self.amount(d.increment, unit))),
            (None, false) => formula,
        }
    }

    /// "910 000 units ÷ 1.1 million units/mL = 0.827 mL".
    pub fn volume_working(&self, d: &DoseLine) -> String {
        let p = &d.preparation;
        format!(
            "{} ÷ {} = {}",
            self.amount_short(d.dose, d.unit),
            self.concentration(p.concentration_per_ml, d.unit),
            self.volume(p.volume_ml)
        )
    }

    /// IL-2's Day-2 timing against the NK infusion.
    pub fn after_nk_line(&self, hours: u32, nk_day: i32) -> String {
        self.msg(msg!("after-nk", "day" => self.day_label(nk_day), "hours" => hours))
    }

    pub fn bag(&self, diluent: Option<Diluent>, bag_ml: Option<f64>) -> String {
        match (diluent, bag_ml) {
            (Some(d), Some(v)) => {
                self.msg(msg!("bag-in", "volume" => self.volume(v), "diluent" => self.diluent_name(d)))
            }
            (Some(d), None) => self
                .msg(msg!("bag-diluent-fill", "diluent" => self.diluent_name(d), "fill" => self.fill_in())),
            (None, Some(v)) => self.msg(msg!("bag-volume", "volume" => self.volume(v))),
            (None, None) => self.fill_in(),
        }
    }

    pub fn too_small_line(&self, line: &DoseLine) -> String {
        let p = &line.preparation;
        match p.diluted {
            Some((c, v)) => self.msg(msg!("too-small-dilute", "volume" => self.volume(p.volume_ml),
                    "min" => self.volume(p.min_measurable_ml),
                    "concentration" => self.concentration(c, line.unit),
                    "draw" => self.volume(v))),
            None => self.msg(msg!("too-small-no-step", "volume" => self.volume(p.volume_ml), "min" => self.volume(p.min_measurable_ml))),
        }
    }

    pub fn nk_state(&self, state: NkState) -> String {
        self.t(match state {
            NkState::Pending => id!("nk-pending"),
            NkState::WithinRange => id!("nk-within-range"),
            NkState::OutOfRange => id!("nk-out-of-range"),
        })
    }

    pub fn nk_line(&self, count: Option<f64>, state: NkState) -> String {
        match (count, state) {
            (Some(c), NkState::WithinRange) => {
                self.msg(msg!("nk-line-within", "cells" => self.cells(c), "range" => self.nk_range()))
            }
            (Some(c), _) => self.msg(msg!("nk-line-out", "pow" => self.nearest_limit_distinct(c),
                    "count" => self.num(c, 0),
                    "range" => self.nk_range())),
            (None, _) => self.msg(msg!("nk-line-pending", "range" => self.nk_range())),
        }
    }

    /// The NK count in large type: "2 × 10⁸ cells", or "PENDING".
    pub fn nk_large(&self, count: Option<f64>, state: NkState) -> String {
        match (count, state) {
            (Some(c), NkState::WithinRange) => self.msg(msg!("nk-large", "pow" => self.pow10(c))),
            (Some(c), _) => self.msg(msg!("nk-large", "pow" => self.nearest_limit_distinct(c))),
            (None, _) => self.nk_state(NkState::Pending),
        }
    }

    fn nearest_limit_distinct(&self, c: f64) -> String {
        let n = NK_ACT_BC.nk;
        let limit = if c < n.min_cells { n.min_cells } else { n.max_cells };
        self.marked(numfmt::power_of_ten_distinct(c, limit))
    }

    /// The change printed to 2 decimals, the precision the flag is decided on.
    pub fn weight_change_line(&self, wc: &WeightChange) -> String {
        self.msg(msg!("weight-change-line", "from" => self.kg(wc.previous_kg),
                "to" => self.kg(wc.current_kg),
                "pct" => self.num(crate::rounding::round_decimals(wc.change_pct, 2), 2),
                "threshold" => self.num(wc.threshold_pct, 2)))
    }

    // ------------------------------------------------------------ warnings

    /// A warning, worded from its kind and values.
    pub fn warning(&self, kind: &WarningKind) -> String {
        match kind {
            WarningKind::SoftLimit { measure, value, range } => {
                self.msg(match measure {
                    Measure::Weight => msg!("warn-weight-soft", "value" => self.kg(*value), "min" => self.num(range.min, 1), "max" => self.kg(range.max)),
                    Measure::Height => msg!("warn-height-soft", "value" => self.cm(*value), "min" => self.num(range.min, 1), "max" => self.cm(range.max)),
                    Measure::Bsa => msg!("warn-bsa-soft", "value" => self.m2(*value), "min" => self.num(range.min, 2), "max" => self.m2(range.max)),
                })
            }
            WarningKind::IntervalNotChecked { drug } => {
                self.msg(msg!("warn-interval-not-checked", "drug" => self.drug_name(*drug)))
            }
            WarningKind::IntervalTooShort { drug, last, day1, days, min_days } => self.msg(msg!("warn-interval-too-short", "drug" => self.drug_name(*drug),
                    "last" => self.date_plain(*last),
                    "day1" => self.date_plain(*day1),
                    "days" => *days,
                    "min" => *min_days)),
            WarningKind::VolumeTooSmall { drug, volume_ml, min_ml } => self.msg(msg!("warn-volume-too-small", "drug" => self.drug_name(*drug), "volume" => self.volume(*volume_ml), "min" => self.volume(*min_ml))),
            WarningKind::BsaCapLowersDose { cap_m2, uncapped_m2, doses } => {
                let list: Vec<String> = doses
                    .iter()
                    .map(|d| {
                        self.msg(msg!("warn-bsa-cap-dose", "drug" => self.drug_name(d.drug),
                                "uncapped" => self.amount_short(d.uncapped, d.unit),
                                "capped" => self.amount_short(d.capped, d.unit)))
                    })
                    .collect();
                self.msg(msg!("warn-bsa-cap", "cap" => self.m2(*cap_m2), "uncapped" => self.m2(*uncapped_m2), "doses" => list.join("; ")))
            }
            WarningKind::LastDoseIgnored { drug, date } => self.msg(msg!("warn-last-dose-ignored", "drug" => self.drug_name(*drug), "date" => self.date_plain(*date))),
            WarningKind::NkNotThisCycle { cycle } => self.msg(msg!("warn-nk-not-this-cycle", "cycle" => *cycle)),
            WarningKind::WeightChange(wc) => {
                self.msg(msg!("warn-weight-change", "change" => self.weight_change_line(wc)))
            }
            WarningKind::AgeUnder18 { age, date_of_birth } => {
                self.msg(msg!("warn-age-under-18", "age" => *age, "dob" => self.date_plain(*date_of_birth)))
            }
            WarningKind::AllergyNamesDrug { drugs } => {
                let names: Vec<String> = drugs.iter().map(|d| self.drug_name(*d)).collect();
                let antibodies = drugs.iter().any(|d| matches!(d, Drug::Trastuzumab | Drug::Pertuzumab));
                let drugs = names.join(", ");
                self.msg(if antibodies {
                    msg!("warn-allergy-antibody", "drugs" => drugs)
                } else {
                    msg!("warn-allergy", "drugs" => drugs)
                })
            }
            WarningKind::AllergiesMixScripts => self.msg(msg!("warn-allergies-mixed-scripts")),
            WarningKind::NameMixesScripts { name } => {
                self.msg(msg!("warn-name-mixed-scripts", "name" => quoted_inner(name, 100)))
            }
            WarningKind::LvefOld { date, day1, days, max_days } => self.msg(msg!("warn-lvef-old", "date" => self.date_plain(*date),
                    "day1" => self.date_plain(*day1),
                    "days" => *days,
                    "max" => *max_days)),
            WarningKind::LvefMissing { cycle } => self.msg(msg!("warn-lvef-missing", "cycle" => *cycle)),
            WarningKind::LvefBaselineMissing { latest_pct, below_pct } => self.msg(msg!("warn-lvef-baseline-missing", "latest" => self.pct(*latest_pct), "below" => self.pct(*below_pct))),
            WarningKind::Day1BeforeOrderDate { day1, order_date } => self.msg(msg!("warn-day1-before-order", "day1" => self.date_plain(*day1), "order_date" => self.date_plain(*order_date))),
            WarningKind::WindowBeforeOrderDate { drug, last, order_date } => self.msg(msg!("warn-window-before-order", "drug" => self.drug_name(*drug), "last" => self.date_plain(*last), "order_date" => self.date_plain(*order_date))),
        }
    }

    // ------------------------------------------------------------ input errors

    /// What a field accepts, for error messages and hints.
    pub fn accepted(&self, field: Field) -> String {
        let l = NK_ACT_BC.limits;
        let max_chars = crate::identity::max_chars(field);
        match field {
            Field::Weight | Field::PreviousWeight => self.msg(msg!("accepted-weight", "min" => self.num(l.weight_kg_hard.min, 1),
                    "max" => self.num(l.weight_kg_hard.max, 1))),
            Field::Height => self.msg(msg!("accepted-height", "min" => self.num(l.height_cm_hard.min, 1), "max" => self.num(l.height_cm_hard.max, 1))),
            Field::BsaCap => self.msg(msg!("accepted-bsa-cap", "min" => self.num(l.bsa_cap_m2_hard.min, 2), "max" => self.num(l.bsa_cap_m2_hard.max, 2))),
            Field::BsaFormula => {
                let keys: Vec<&str> = BsaFormula::ALL.iter().map(|f| f.key()).collect();
                self.msg(msg!("accepted-bsa-formula", "keys" => keys.join(", ")))
            }
            Field::NkCells => self.msg(msg!("accepted-nk-cells")),
            Field::Cycle => self.msg(msg!("accepted-cycle", "max" => l.cycle_max.to_string())),
            Field::Day1 | Field::LastTrastuzumab | Field::LastPertuzumab => self.msg(msg!("accepted-date", "first" => l.first_year.to_string(), "last" => l.last_year.to_string())),
            Field::Settings => self.msg(msg!("accepted-settings")),
            Field::PatientName => self.msg(msg!("accepted-patient-name", "max" => max_chars)),
            Field::PatientId => self.msg(msg!("accepted-patient-id", "max" => max_chars)),
            Field::IssuedBy | Field::AcknowledgedBy | Field::Verifier => {
                self.msg(msg!("accepted-person", "max" => max_chars))
            }
            Field::Reason => self.msg(msg!("accepted-reason", "max" => max_chars)),
            Field::DateOfBirth => self.msg(msg!("accepted-date-of-birth")),
            Field::Allergies => self.msg(msg!("accepted-allergies", "max" => max_chars)),
            Field::Lab => {
                let codes: Vec<&str> = crate::criteria::LabCode::ALL.iter().map(|c| c.key()).collect();
                self.msg(msg!("accepted-lab", "codes" => codes.join(", ")))
            }
            Field::Uln => {
                let codes: Vec<&str> = crate::criteria::LabCode::ALL.iter().map(|c| c.key()).collect();
                self.msg(msg!("accepted-uln", "codes" => codes.join(", ")))
            }
            Field::Lvef | Field::LvefBaseline => {
                let (min, max) = crate::clinical::LVEF_RANGE_PCT;
                self.msg(msg!("accepted-lvef", "min" => self.num(min, 0), "max" => self.num(max, 0)))
            }
            Field::LvefDate => self.msg(msg!("accepted-date", "first" => l.first_year.to_string(), "last" => l.last_year.to_string())),
            Field::Sex => self.msg(msg!("accepted-sex")),
            Field::PreviousInfusionTolerated => self.msg(msg!("accepted-yes-no")),
            Field::CyclophosphamideDate => self.msg(msg!("accepted-cyclophosphamide-date")),
            Field::NkProductId | Field::NkBagId => self.msg(msg!("accepted-product-id", "max" => max_chars)),
            Field::NkReleasedAt | Field::AdministeredAt => self.msg(msg!("accepted-date-time")),
            Field::Override => self.msg(msg!("accepted-override")),
            Field::Subject => self.msg(msg!("accepted-product-id", "max" => max_chars)),
        }
    }

    /// One rejected value, as a whole sentence: the field, the value as typed
    /// and what is wrong, then what the field accepts.
    pub fn input_error(&self, e: &InputError) -> String {
        let sentence = self.problem_sentence(e, self.field_label(e.field), self.field_gender(e.field));
        self.msg(msg!("error-with-accepted", "error" => sentence, "accepted" => self.accepted(e.field)))
    }

    /// A laboratory result or ULN refused in the window, in the window's terms:
    /// the test's name and the value as typed in its row, never the command
    /// line's `CODE=VALUE UNIT@DATE` (issue 18); a missing date or value says which.
    pub fn window_lab_error(&self, e: &InputError) -> String {
        let (code, rest) = e.value.split_once('=').unwrap_or(("", e.value.as_str()));
        let (measure, date) = match rest.rsplit_once('@') {
            Some((m, d)) => (m, d),
            None => (rest, ""),
        };
        let name = crate::criteria::LabCode::from_key(code.trim().to_lowercase().as_str())
            .map(|c| self.criterion_name(c.key()))
            .unwrap_or_else(|| code.to_owned());
        let uln = e.field == Field::Uln;
        let label = if uln { self.msg(msg!("g-uln-of", "test" => name)) } else { name };
        let gender = "masculine".to_owned();
        let sentence = match &e.problem {
            Problem::Missing if measure.trim().is_empty() => {
                self.msg(msg!("g-lab-missing-value", "test" => label))
            }
            Problem::Missing => self.msg(msg!("g-lab-missing-date", "test" => label)),
            Problem::NotADate | Problem::InFuture | Problem::DateOutOfRange => {
                let shown = InputError::new(e.field, date.trim(), e.problem.clone());
                self.problem_sentence(&shown, label, gender)
            }
            _ => {
                let shown = InputError::new(e.field, measure.trim(), e.problem.clone());
                self.problem_sentence(&shown, label, gender)
            }
        };
        let accepted = self.t(if uln { id!("g-accepted-uln") } else { id!("g-accepted-lab") });
        self.msg(msg!("error-with-accepted", "error" => sentence, "accepted" => accepted))
    }

    /// What is wrong with a value, as a sentence naming `label` and the value.
    fn problem_sentence(&self, e: &InputError, label: String, gender: String) -> String {
        let value = quoted_inner(&e.value, 40);
        let typed = crate::input::parse_decimal(&e.value);
        let words = self;
        macro_rules! base {
            ($id:literal) => {
                words.msg(msg_some!($id, "label" => label.clone(), "gender" => gender.clone(), "value" => value.clone()))
            };
        }
        match &e.problem {
            Problem::Missing => base!("error-missing"),
            Problem::NotANumber => base!("error-not-a-number"),
            Problem::NotPositive => base!("error-not-positive"),
            Problem::BelowMin => base!("error-below-min"),
            Problem::AboveMax => base!("error-above-max"),
            Problem::LooksLikeMetres => match typed {
                Some(v) => self.msg(msg!("error-metres", "label" => label.clone(), "value" => value.clone(), "m" => self.num(v, 3), "cm" => self.num(v * 100.0, 1))),
                None => base!("error-metres-plain"),
            },
            Problem::LooksLikeMillimetres => match typed {
                Some(v) => self.msg(msg!("error-millimetres", "label" => label.clone(), "value" => value.clone(), "mm" => self.num(v, 2), "cm" => self.num(v / 10.0, 3))),
                None => base!("error-millimetres-plain"),
            },
            Problem::LooksLikeGrams => match typed {
                Some(v) => self.msg(msg!("error-grams", "label" => label.clone(), "value" => value.clone(), "g" => self.num(v, 2), "kg" => self.num(v / 1000.0, 5))),
                None => base!("error-grams-plain"),
            },
            Problem::NotAWholeNumber => base!("error-not-whole"),
            Problem::NotADate => base!("error-not-a-date"),
            Problem::DateOutOfRange => base!("error-date-out-of-range"),
            Problem::NotBeforeDay1 => self.msg(msg!("error-not-before-day1", "label" => label.clone(), "value" => value.clone(), "day1" => self.field_label(Field::Day1))),
            Problem::UnknownFormula => base!("error-unknown-formula"),
            Problem::BadSetting => base!("error-bad-setting"),
            Problem::ForbiddenCharacters(chars) => self.msg(msg!("error-forbidden-characters", "label" => label.clone(), "value" => value.clone(), "chars" => self.char_names(chars))),
            Problem::RightToLeft => base!("error-right-to-left"),
            Problem::InvisibleOnly => base!("error-invisible-only"),
            Problem::TooLong { max } => self.msg(msg!("error-too-long", "label" => label.clone(), "max" => *max)),
            Problem::Unprintable(chars) => self.msg(msg!("error-unprintable", "label" => label.clone(), "value" => value.clone(), "chars" => self.char_names(chars))),
            Problem::TooManyDecimals { max } => self.msg(msg!("error-too-many-decimals", "label" => label.clone(), "value" => value.clone(), "max" => *max)),
            Problem::NotAWholeCount => base!("error-not-whole-count"),
            Problem::StrayMarks => base!("error-stray-marks"),
            Problem::Placeholder => base!("error-placeholder"),
            Problem::UnknownUnit => base!("error-unknown-unit"),
            Problem::AmbiguousUnit => base!("error-ambiguous-unit"),
            Problem::NotALabEntry => base!("error-not-a-lab-entry"),
            Problem::UnknownTest => base!("error-unknown-test"),
            Problem::Repeated => base!("error-repeated"),
            Problem::NotOneOf => base!("error-not-one-of"),
            Problem::OutsideWindow => base!("error-outside-window"),
            Problem::NotADateTime => base!("error-not-a-date-time"),
            Problem::NothingToOverride => base!("error-nothing-to-override"),
            Problem::Implausible { code, canonical, uln } => self.implausible(*code, *canonical, *uln, &label, &value),
            Problem::ThousandsSeparator => base!("error-thousands-separator"),
            Problem::InFuture => base!("error-in-future"),
            Problem::NonexistentLocalTime => base!("error-nonexistent-local-time"),
            Problem::AmbiguousLocalTime => base!("error-ambiguous-local-time"),
        }
    }

    /// A laboratory value (or ULN) outside its test's plausible range, with the
    /// range and the unit mix-up that most likely explains it.
    fn implausible(
        &self,
        code: crate::criteria::LabCode,
        canonical: f64,
        uln: bool,
        label: &str,
        value: &str,
    ) -> String {
        use crate::criteria::{UnitMixUp, plausible, uln_plausible};
        let p = if uln { uln_plausible(code) } else { plausible(code) };
        let hint = self.t(match p.mix_up {
            UnitMixUp::CountsPerMicrolitre => id!("hint-counts-per-microlitre"),
            UnitMixUp::GramsPerDecilitreOrLitre => id!("hint-grams-per-decilitre-or-litre"),
            UnitMixUp::MicromolesOrMilligrams => id!("hint-micromoles-or-milligrams"),
            UnitMixUp::Value => id!("hint-value"),
        });
        macro_rules! implausible {
            ($id:literal) => {
                msg!($id,
                    "label" => label.to_owned(),
                    "value" => value.to_owned(),
                    "canonical" => self.lab_value(code, canonical, 4),
                    "low" => self.lab_value(code, p.low, 2),
                    "high" => self.lab_value(code, p.high, 2),
                    "hint" => hint
                )
            };
        }
        self.msg(if uln { implausible!("error-implausible-uln") } else { implausible!("error-implausible") })
    }

    /// Characters named for a person: "U+200B (zero-width space), "Ж" (U+0416)".
    pub fn char_names(&self, chars: &[char]) -> String {
        chars
            .iter()
            .take(8)
            .map(|c| {
                let cp = u32::from(*c);
                let id = match cp {
                    0x09 => Some(id!("char-tab")),
                    0x0A => Some(id!("char-line-feed")),
                    0x0D => Some(id!("char-carriage-return")),
                    0x1B => Some(id!("char-escape")),
                    0x7F => Some(id!("char-delete")),
                    0x85 => Some(id!("char-next-line")),
                    0xAD => Some(id!("char-soft-hyphen")),
                    0x200B => Some(id!("char-zero-width-space")),
                    0x200C => Some(id!("char-zero-width-non-joiner")),
                    0x200D => Some(id!("char-zero-width-joiner")),
                    0x200E | 0x200F => Some(id!("char-direction-mark")),
                    0x202A..=0x202E | 0x2066..=0x2069 => Some(id!("char-bidi-override")),
                    0x2060 => Some(id!("char-word-joiner")),
                    0xFEFF => Some(id!("char-zero-width-no-break-space")),
                    _ => None,
                };
                match id {
                    Some(id) => format!("U+{cp:04X} ({})", self.t(id)),
                    None if c.is_control() || cp < 0x20 => format!("U+{cp:04X}"),
                    None => format!("\"{c}\" (U+{cp:04X})"),
                }
            })
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// A double-check difference, worded without any value from the order.
    pub fn mismatch(&self, m: &crate::doublecheck::Mismatch) -> String {
        use crate::doublecheck::Mismatch;
        match m {
            Mismatch::NoVerifier => self.msg(msg!("mismatch-no-verifier")),
            Mismatch::SamePerson => self.msg(msg!("mismatch-same-person")),
            Mismatch::IdentityNotConfirmed => self.msg(msg!("mismatch-identity")),
            Mismatch::Measure { field } => {
                self.msg(msg!("mismatch-measure", "label" => self.field_label(*field)))
            }
            Mismatch::Dose { drug } => self.msg(msg!("mismatch-dose", "drug" => self.drug_name(*drug))),
        }
    }

    /// "NKACT-… rev. 2"; revision 1 is the ID alone.
    pub fn order_id(&self, order: &crate::order::Order) -> String {
        if order.revision <= 1 {
            order.order_id.clone()
        } else {
            self.msg(msg!("order-id-revision", "id" => order.order_id.clone(), "revision" => order.revision))
        }
    }
}

impl Words {
    // ------------------------------------------------------------ refusals, files, register, printing

    /// Why no sheet was made.
    pub fn sheet_error(&self, e: &crate::order::faults::SheetError) -> String {
        use crate::order::faults::SheetError;
        match e {
            SheetError::Invalid(errors) => {
                let mut s = self.msg(msg!("refuse-invalid"));
                for e in errors {
                    s.push('\n');
                    // A laboratory row is named by its test, as the form shows it.
                    if matches!(e.field, Field::Lab | Field::Uln) {
                        s.push_str(&self.window_lab_error(e));
                    } else {
                        s.push_str(&self.input_error(e));
                    }
                }
                s
            }
            SheetError::NkOutOfRange => self.msg(msg!("refuse-nk-out-of-range", "range" => self.nk_range())),
            SheetError::Unacknowledged(n) => self.msg(msg!("refuse-unacknowledged", "count" => *n)),
            SheetError::Font => self.msg(msg!("refuse-font")),
            SheetError::File(e) => self.file_error(e),
            SheetError::StillTyping => self.msg(msg!("refuse-still-typing")),
            SheetError::CriteriaOpen(n) => self.msg(msg!("refuse-criteria-open", "count" => *n)),
            SheetError::SignInNeeded => self.msg(msg!("refuse-sign-in")),
            SheetError::Refused(r) => self.refusal(r),
            SheetError::StaggerUnchecked(why) => {
                self.msg(msg!("refuse-stagger-unchecked", "why" => why.clone()))
            }
            SheetError::TooEarly { start, earliest } => self.msg(msg!("refuse-too-early", "start" => self.datetime(*start), "earliest" => self.datetime(*earliest))),
        }
    }

    pub fn file_error(&self, e: &crate::order::FileError) -> String {
        use crate::order::FileError;
        match e {
            FileError::Io { path, error } => {
                self.msg(msg!("file-io", "path" => shown(path), "error" => error.to_string()))
            }
            FileError::Exists { path } => self.msg(msg!("file-exists", "path" => shown(path))),
            FileError::Corrupt { path, detail } => {
                self.msg(msg!("file-corrupt", "path" => shown(path), "detail" => detail.clone()))
            }
            FileError::WrongFormat { path, found } => {
                self.msg(msg!("file-wrong-format", "path" => shown(path), "found" => quoted_inner(found, 40)))
            }
            FileError::WrongVersion { path, found } => self.msg(msg!("file-wrong-version", "path" => shown(path), "found" => *found, "version" => crate::order::FORMAT_VERSION)),
            FileError::Changed { path } => self.msg(msg!("file-changed", "path" => shown(path))),
            FileError::TooLarge { path, max } => {
                self.msg(msg!("file-too-large", "path" => shown(path), "max" => max.to_string()))
            }
            FileError::NotRegular { path } => self.msg(msg!("file-not-regular", "path" => shown(path))),
            FileError::Invalid { path, errors } => {
                let list: Vec<String> = errors.iter().map(|e| self.input_error(e)).collect();
                self.msg(msg!("file-invalid", "path" => shown(path), "errors" => list.join(" ")))
            }
        }
    }

    pub fn register_error(&self, e: &crate::order::faults::RegisterError) -> String {
        use crate::order::faults::{NotAFile, RegisterError};
        match e {
            RegisterError::Locked(p) => self.msg(msg!("register-locked", "path" => shown(p))),
            RegisterError::ReadOnly(p) => self.msg(msg!("register-read-only", "path" => shown(p))),
            RegisterError::Corrupt(p, d) => {
                self.msg(msg!("register-corrupt", "path" => shown(p), "detail" => d.clone()))
            }
            RegisterError::Newer(p, v) => self.msg(msg!("register-newer", "path" => shown(p), "found" => *v, "version" => crate::order::faults::REGISTER_SCHEMA_VERSION)),
            RegisterError::Other(p, d) => {
                self.msg(msg!("register-other", "path" => shown(p), "detail" => d.clone()))
            }
            RegisterError::NotAFile(p, why) => {
                let path = quoted_inner(&p.to_string_lossy(), 80);
                self.msg(match why {
                    NotAFile::Empty => msg!("register-not-a-file-empty", "path" => path),
                    NotAFile::InMemory => msg!("register-not-a-file-memory", "path" => path),
                    NotAFile::Folder => msg!("register-not-a-file-folder", "path" => path),
                    NotAFile::BrokenLink => msg!("register-not-a-file-broken-link", "path" => path),
                    NotAFile::Special => msg!("register-not-a-file-special", "path" => path),
                })
            }
            RegisterError::DuplicateId(p, id) => {
                self.msg(msg!("register-duplicate-id", "path" => shown(p), "id" => id.clone()))
            }
            RegisterError::Connection(p, d) => {
                self.msg(msg!("register-connection", "path" => shown(p), "detail" => d.clone()))
            }
            RegisterError::Login(p, d) => {
                self.msg(msg!("register-login", "path" => shown(p), "detail" => d.clone()))
            }
            RegisterError::NetworkFs(p, fs) => {
                self.msg(msg!("register-network-fs", "path" => shown(p), "fs" => fs.clone()))
            }
        }
    }

    pub fn not_recorded(&self, e: &crate::order::faults::RegisterError) -> String {
        self.msg(msg!("not-recorded", "error" => self.register_error(e)))
    }

    pub fn recorded(&self, action: crate::order::release::RegisterAction, path: &std::path::Path) -> String {
        self.msg(msg!("recorded", "action" => self.register_action(action), "path" => shown(path)))
    }

    pub fn register_action(&self, action: crate::order::release::RegisterAction) -> String {
        use crate::order::release::RegisterAction;
        self.t(match action {
            RegisterAction::Exported => id!("action-exported"),
            RegisterAction::Printed => id!("action-printed"),
            RegisterAction::Reprinted => id!("action-reprinted"),
            RegisterAction::CheckFailed => id!("action-check-failed"),
        })
    }

    /// Why a print did not happen, worded.
    pub fn print_failure(&self, e: &crate::order::faults::PrintFailure) -> String {
        match e {
            crate::order::faults::PrintFailure::Sheet(e) => self.sheet_error(e),
            crate::order::faults::PrintFailure::Print(e) => self.print_error(e),
        }
    }

    pub fn print_error(&self, e: &crate::order::faults::PrintError) -> String {
        use crate::order::faults::PrintError;
        match e {
            PrintError::NoService(d) => {
                self.msg(msg!("print-no-service", "detail" => clip(d.trim_end_matches('.'), 200)))
            }
            PrintError::Rejected(d) => {
                self.msg(msg!("print-rejected", "detail" => clip(d.trim_end_matches('.'), 200)))
            }
            PrintError::Unsupported => self.msg(msg!("print-unsupported")),
            PrintError::NoDefault => self.msg(msg!("print-no-default")),
            PrintError::Timeout(job) => self.msg(msg!("print-timeout", "job" => job.clone())),
            PrintError::Failed(job) => self.msg(msg!("print-failed", "job" => job.clone())),
        }
    }

    pub fn printed(&self, job: &str, printer: Option<&str>) -> String {
        match printer {
            Some(p) => self.msg(msg!("printed-to", "printer" => p, "job" => job)),
            None => self.msg(msg!("printed-default", "job" => job)),
        }
    }

    /// The doses a register entry recorded: "Trastuzumab 546 mg, …".
    pub fn register_doses(&self, doses: &[crate::order::faults::RecordedDose]) -> String {
        doses
            .iter()
            .map(|d| {
                let rule = NK_ACT_BC.drugs.iter().find(|r| r.drug.key() == d.drug);
                match rule {
                    Some(r) => format!("{} {}", self.drug_name(r.drug), self.amount_short(d.dose, r.unit)),
                    None => format!("{} {} {}", d.drug, self.num(d.dose, 2), d.unit),
                }
            })
            .collect::<Vec<_>>()
            .join(", ")
    }

    // ------------------------------------------------------------ acknowledgements and verification

    pub fn acknowledged_line(
        &self,
        warning: &str,
        by: &str,
        at: NaiveDateTime,
        reason: Option<&str>,
    ) -> String {
        match reason {
            Some(r) => self.msg(msg!("acknowledged-with-reason", "warning" => warning, "by" => by, "at" => self.datetime(at), "reason" => r)),
            None => {
                self.msg(msg!("acknowledged", "warning" => warning, "by" => by, "at" => self.datetime(at)))
            }
        }
    }

    /// After a ticked warning in the window: "— Farm. A. García, 14:05".
    pub fn acknowledged_short(&self, by: &str, at: NaiveDateTime) -> String {
        self.msg(msg!("acknowledged-short", "by" => by, "time" => at.format("%H:%M").to_string()))
    }

    pub fn verified_line(&self, verifier: &str, at: NaiveDateTime) -> String {
        self.msg(msg!("verified-by", "verifier" => verifier, "at" => self.datetime(at)))
    }
}

/// A typed value for echoing inside quotes: at most `max` characters, with
/// control and invisible characters escaped (never printed raw).
pub fn quoted_inner(value: &str, max: usize) -> String {
    let clipped = clip(value, max);
    let debug = format!("{clipped:?}");
    debug[1..debug.len() - 1].to_owned()
}

/// At most `max` characters of a value a person typed, for echoing it back.
pub fn clip(value: &str, max: usize) -> String {
    if value.chars().count() > max {
        format!("{}…", value.chars().take(max).collect::<String>())
    } else {
        value.to_owned()
    }
}

/// A path as shown in a message: at most 120 characters, the end kept (the file name).
pub fn shown(path: &std::path::Path) -> String {
    let full = path.display().to_string();
    let n = full.chars().count();
    if n <= 120 { full } else { format!("…{}", full.chars().skip(n - 119).collect::<String>()) }
}

/// English, for logs, tests and `{e}` in a developer's hands. The faces word
/// errors with the [`Words`] of their language, never with these.
mod english_display {
    use super::Words;
    use std::fmt;

    macro_rules! english {
        ($ty:ty, $method:ident) => {
            impl fmt::Display for $ty {
                fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                    f.write_str(&Words::english().$method(self))
                }
            }
            impl std::error::Error for $ty {}
        };
    }

    english!(crate::error::InputError, input_error);
    english!(crate::order::FileError, file_error);
}
