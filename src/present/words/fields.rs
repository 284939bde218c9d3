//! Fields and what is wrong with them: each field's label and gender, and the sentence for every input problem.

#[allow(unused_imports)]
use super::*;

impl Words {
    pub(super) fn field_id(field: Field) -> &'static str {
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
    pub(super) fn field_gender(&self, field: Field) -> String {
        self.attribute(Self::field_id(field), "gender").unwrap_or_else(|| "masculine".to_owned())
    }

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
    pub(super) fn problem_sentence(&self, e: &InputError, label: String, gender: String) -> String {
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
    pub(super) fn implausible(
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
}
