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

mod warnings;

mod fields;

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

    // ------------------------------------------------------------ warnings

    // ------------------------------------------------------------ input errors

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
            RegisterError::NotSignedIn(p, name) => {
                self.msg(msg!("register-not-signed-in", "path" => shown(p), "name" => quoted_inner(name, 80)))
            }
            RegisterError::Insecure(p, d) => {
                self.msg(msg!("register-insecure", "path" => shown(p), "detail" => d.clone()))
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
