//! Warnings and double-check mismatches, worded from their kinds and values.

#[allow(unused_imports)]
use super::*;

impl Words {
    pub(super) fn nearest_limit_distinct(&self, c: f64) -> String {
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
}
