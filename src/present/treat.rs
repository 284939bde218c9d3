//! Wording for the criteria to treat and the administration order (issue 13):
//! each criterion's value, limit, date, state and reason; the heart check and
//! a withheld antibody; infusion times, pump rates and observation; the NK
//! product's identity lines; what the site has not set, marked for the
//! pharmacist to fill in by hand.

use chrono::NaiveDate;

use crate::criteria::{Condition, Criterion, CriterionNote, CriterionState, LabCode};
use crate::engine::{Cardiac, Infusion, InfusionBasis, Observation};
use crate::present::i18n::Words;
use crate::{id, msg};

impl Words {
    /// A percentage: "55 %".
    pub fn pct(&self, value: f64) -> String {
        self.pct_to(value, 1)
    }

    /// A percentage with at most `decimals` decimals, rounded as the criteria decide.
    fn pct_to(&self, value: f64, decimals: usize) -> String {
        let v = crate::rounding::round_decimals(value, decimals as i32);
        self.msg(msg!("measure-pct", "n" => self.num(v, decimals)))
    }

    /// The line a pharmacist fills in by hand where the site has set nothing.
    pub fn fill_in(&self) -> String {
        self.msg(msg!("fill-in"))
    }

    /// "per site protocol", for supportive care and observation not set.
    pub fn per_site_protocol(&self) -> String {
        self.msg(msg!("per-site-protocol"))
    }

    // ------------------------------------------------------------ criteria

    /// A value in a lab code's unit with at most `decimals` decimals: "1.8 × 10⁹/L", "1.1" (INR).
    pub(crate) fn lab_value(&self, code: LabCode, value: f64, decimals: usize) -> String {
        let unit = code.unit().symbol();
        // Rounded as the criteria decide (half away from zero, on the decimal
        // value), not as the binary float formats: 1.805 is written 1.81, never 1.8.
        let n = self.num(crate::rounding::round_decimals(value, decimals as i32), decimals);
        if unit.is_empty() { n } else { format!("{n} {unit}") }
    }

    /// A criterion's name: "ANC", "Creatinine", "LVEF", "Age", "Laboratory dates".
    /// A criterion's name by its code (a laboratory test's code, or `age`, `sex`, `lvef`,
    /// `lab-dates`); an unknown code is shown as it is.
    pub fn criterion_name(&self, code: &str) -> String {
        let id = match code {
            "anc" => id!("crit-anc"),
            "lymphocytes" => id!("crit-lymphocytes"),
            "platelets" => id!("crit-platelets"),
            "hb" => id!("crit-hb"),
            "bilirubin" => id!("crit-bilirubin"),
            "ast" => id!("crit-ast"),
            "alt" => id!("crit-alt"),
            "creatinine" => id!("crit-creatinine"),
            "inr" => id!("crit-inr"),
            "albumin" => id!("crit-albumin"),
            "lvef" => id!("crit-lvef"),
            "age" => id!("crit-age"),
            "sex" => id!("crit-sex"),
            "lab-dates" => id!("crit-lab-dates"),
            other => return other.to_owned(),
        };
        self.t(id)
    }

    pub fn criterion_state(&self, state: CriterionState) -> String {
        self.t(match state {
            CriterionState::Met => id!("crit-state-met"),
            CriterionState::NotMet => id!("crit-state-not-met"),
            CriterionState::NotEntered => id!("crit-state-not-entered"),
        })
    }

    /// The value as held: "1.8 × 10⁹/L", "62 %", "55 years", "—"; a
    /// laboratory value typed in another unit or form shows the text as typed
    /// first ("71 µmol/L = 0.8032 mg/dL"), and a value near its limit keeps the
    /// decimals that make the comparison read true ("1.499 × 10⁹/L", never "1.5").
    pub fn criterion_value(&self, c: &Criterion) -> String {
        if c.code == "sex" {
            return self.t(match c.state {
                CriterionState::Met => id!("crit-sex-female"),
                CriterionState::NotMet => id!("crit-sex-male"),
                CriterionState::NotEntered => id!("crit-no-value"),
            });
        }
        let Some(v) = c.value else { return self.msg(msg!("crit-no-value")) };
        match (c.code, LabCode::from_key(c.code)) {
            (_, Some(code)) => {
                let held = self.lab_value(code, v, c.decimals_to_show(2));
                match c.typed.as_deref() {
                    Some(typed) if !same_text(typed, &held) => format!("{typed} = {held}"),
                    _ => held,
                }
            }
            ("lvef", _) => self.pct_to(v, c.decimals_to_show(1)),
            ("age", _) => self.msg(msg!("crit-age-years", "n" => v)),
            _ => self.num(v, 2),
        }
    }

    /// The limit it was held to: "≥ 1.5 × 10⁹/L", "≤ 1.5 × ULN (1.2 mg/dL) = 1.8 mg/dL".
    pub fn criterion_threshold(&self, c: &Criterion) -> String {
        if c.code == "sex" {
            return self.msg(msg!("crit-limit-sex"));
        }
        let code = LabCode::from_key(c.code);
        let d = c.decimals_to_show(2);
        let sign = if c.at_most { "≤" } else { "≥" };
        let limit = match (c.uln, code, c.threshold) {
            (Some((k, Some(uln))), Some(code), Some(t)) => self.msg(msg!("crit-limit-uln", "sign" => sign,
                    "k" => self.num(k, 2),
                    "uln" => self.lab_value(code, uln, 2),
                    "limit" => self.lab_value(code, t, d))),
            (Some((k, None)), _, _) => {
                self.msg(msg!("crit-limit-uln-missing", "sign" => sign, "k" => self.num(k, 2)))
            }
            (None, Some(code), Some(t)) => format!("{sign} {}", self.lab_value(code, t, d)),
            (None, None, Some(t)) => match c.code {
                "lvef" => format!("{sign} {}", self.pct_to(t, c.decimals_to_show(1))),
                "age" => format!("{sign} {}", self.msg(msg!("crit-age-years", "n" => t))),
                "lab-dates" => self.msg(msg!("crit-limit-lab-dates", "days" => t)),
                _ => format!("{sign} {}", self.num(t, 2)),
            },
            _ => self.msg(msg!("crit-no-value")),
        };
        if c.code == "creatinine" {
            self.msg(msg!("crit-limit-creatinine", "limit" => limit, "clearance" => self.num(crate::criteria::MIN_CREATININE_CLEARANCE_ML_MIN, 0)))
        } else {
            limit
        }
    }

    /// Why a criterion stands as it does, when there is more to say than its state.
    pub fn criterion_note(&self, c: &Criterion, clearance_weight_kg: f64) -> Option<String> {
        Some(match c.note? {
            CriterionNote::TooOld { days, max_days } => {
                self.msg(msg!("crit-note-too-old", "days" => days, "max" => max_days))
            }
            CriterionNote::AfterTreatment => self.msg(msg!("crit-note-after-treatment")),
            CriterionNote::NoUln => self.msg(msg!("crit-note-no-uln")),
            CriterionNote::Relaxed(Condition::Gilbert) => self.msg(msg!("crit-note-gilbert")),
            CriterionNote::Relaxed(Condition::LiverMetastases) => self.msg(msg!("crit-note-liver-metastases")),
            CriterionNote::ByClearance => self.msg(msg!("crit-note-clearance", "clearance" => self.num(crate::rounding::round_decimals(c.clearance_ml_min.unwrap_or(0.0), 1), 1),
                    "weight" => self.kg(clearance_weight_kg))),
            CriterionNote::ClearanceNeedsAgeSexWeight => self.msg(msg!("crit-note-clearance-needs")),
            CriterionNote::NoTreatmentDate => self.msg(msg!("crit-note-no-treatment-date")),
        })
    }

    /// The date a criterion's value was taken, or a dash.
    pub fn criterion_date(&self, c: &Criterion) -> String {
        c.date.map(|d| self.date_plain(d)).unwrap_or_else(|| self.msg(msg!("crit-no-value")))
    }

    /// What the labs' dates were judged against.
    pub fn first_treatment_line(
        &self,
        chosen: Option<NaiveDate>,
        window: Option<(NaiveDate, NaiveDate)>,
    ) -> String {
        match (chosen, window) {
            (Some(d), _) => self.msg(msg!("crit-basis-chosen", "date" => self.date_plain(d))),
            (None, Some((a, b))) => self
                .msg(msg!("crit-basis-window", "first" => self.date_plain(a), "last" => self.date_plain(b))),
            (None, None) => self.msg(msg!("crit-basis-none")),
        }
    }

    // ------------------------------------------------------------ heart

    /// The heart check: "baseline 62 %, latest 58 % on 20 Nov 2026 (down 4 points): given".
    pub fn cardiac_line(&self, c: &Cardiac) -> String {
        let rule = self.msg(msg!("cardiac-rule", "fall" => self.num(c.rule.min_fall_points, 1), "below" => self.pct(c.rule.below_pct)));
        match (c.baseline_pct, c.latest) {
            (_, None) => self.msg(msg!("cardiac-not-entered", "rule" => rule)),
            (None, Some((l, d))) => self.msg(msg!("cardiac-no-baseline", "latest" => self.pct(l), "date" => self.date_plain(d), "rule" => rule)),
            (Some(b), Some((l, d))) => {
                macro_rules! heart {
                    ($id:literal) => {
                        msg!($id,
                            "baseline" => self.pct(b),
                            "latest" => self.pct(l),
                            "date" => self.date_plain(d),
                            "fall" => self.num(b - l, 1),
                            "rule" => rule
                        )
                    };
                }
                self.msg(if c.withhold { heart!("cardiac-withhold") } else { heart!("cardiac-given") })
            }
        }
    }

    /// Why an antibody is withheld, and what next.
    pub fn withheld_reason(&self, c: &Cardiac) -> String {
        let (Some(b), Some((l, d))) = (c.baseline_pct, c.latest) else {
            return self.msg(msg!("withheld-plain"));
        };
        self.msg(msg!("withheld-reason", "baseline" => self.pct(b),
                "latest" => self.pct(l),
                "date" => self.date_plain(d),
                "fall" => self.num(b - l, 1),
                "points" => self.num(c.rule.min_fall_points, 1),
                "below" => self.pct(c.rule.below_pct)))
    }

    // ------------------------------------------------------------ infusion

    /// "over 90 min (loading dose) · 166.7 mL/h (250 mL over 90 min)".
    pub fn infusion(&self, infusion: Option<&Infusion>, bag_ml: Option<f64>) -> String {
        let Some(i) = infusion else { return self.fill_in() };
        let (a, b) = i.minutes;
        let time = if a == b {
            self.msg(msg!("infusion-over", "minutes" => a))
        } else {
            self.msg(msg!("infusion-over-range", "min" => a, "max" => b))
        };
        let basis = self.t(match i.basis {
            InfusionBasis::Loading => id!("infusion-basis-loading"),
            InfusionBasis::Maintenance => id!("infusion-basis-maintenance"),
            InfusionBasis::Tolerated => id!("infusion-basis-tolerated"),
            InfusionBasis::NotTolerated => id!("infusion-basis-not-tolerated"),
            InfusionBasis::ToleranceNotRecorded => id!("infusion-basis-not-recorded"),
            InfusionBasis::Site => id!("infusion-basis-site"),
        });
        let rate = match (i.rate_ml_h, bag_ml) {
            (Some((fast, _)), Some(v)) if a == b => self.msg(msg!("infusion-rate", "rate" => self.num(fast, 1), "volume" => self.volume(v), "minutes" => a)),
            (Some((fast, slow)), Some(v)) => self.msg(msg!("infusion-rate-range", "fast" => self.num(fast, 1),
                    "slow" => self.num(slow, 1),
                    "volume" => self.volume(v),
                    "min" => a,
                    "max" => b)),
            _ => self.msg(msg!("infusion-rate-no-bag")),
        };
        self.msg(msg!("infusion-line", "time" => time, "basis" => basis, "rate" => rate))
    }

    pub fn observation(&self, o: Observation) -> String {
        match o {
            Observation::BeforeNext { minutes: (a, b) } => {
                self.msg(msg!("observe-before-next", "min" => a, "max" => b))
            }
            Observation::FromStartHours(h) => self.msg(msg!("observe-from-start", "hours" => h)),
            Observation::Minutes(m) => self.msg(msg!("observe-minutes", "minutes" => m)),
            Observation::PerSiteProtocol => {
                self.msg(msg!("observe-per-site", "site" => self.per_site_protocol()))
            }
        }
    }
}

/// Whether a value as typed already reads as the value held ("1.8 x10^9/L"
/// and "1.8 × 10⁹/L"): compared on digits and marks only, so a typed value is
/// repeated only when it says something the held one does not.
fn same_text(typed: &str, held: &str) -> bool {
    let number = |s: &str| -> String {
        s.chars()
            .take_while(|c| c.is_ascii_digit() || *c == '.' || *c == ',')
            .map(|c| if c == ',' { '.' } else { c })
            .collect()
    };
    let fold = |s: &str| -> String {
        s.chars()
            .filter(|c| !c.is_whitespace() && *c != '\u{2009}')
            .map(|c| match c {
                '×' | 'x' | 'X' => 'x',
                '⁹' => '9',
                '³' => '3',
                c => c.to_ascii_lowercase(),
            })
            .collect::<String>()
            .replace("^", "")
    };
    let (t, h) = (fold(typed), fold(held));
    let tn = number(&t);
    let hn = number(&h);
    tn.parse::<f64>().ok() == hn.parse::<f64>().ok() && t[tn.len()..] == h[hn.len()..]
}
