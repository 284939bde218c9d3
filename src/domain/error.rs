//! The library's one error type for anything a person typed or a file held.
//! Each error names the field, the value as given, and what is accepted; the
//! wording lives in the presentation layer (`present::words`).

/// An input field, as the window and the command line name it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Field {
    Weight,
    Height,
    BsaFormula,
    BsaCap,
    NkCells,
    Cycle,
    Day1,
    LastTrastuzumab,
    LastPertuzumab,
    PreviousWeight,
    Settings,
    PatientName,
    PatientId,
    DateOfBirth,
    Allergies,
    /// The person issuing the order.
    IssuedBy,
    /// The person acknowledging warnings.
    AcknowledgedBy,
    /// The second professional of the double-check.
    Verifier,
    /// A reason given for acknowledging a warning.
    Reason,
    /// A laboratory result: `CODE=VALUE UNIT@YYYY-MM-DD`.
    Lab,
    /// A site's upper limit of normal: `CODE=VALUE UNIT`.
    Uln,
    /// The latest LVEF (%).
    Lvef,
    /// The date of the latest LVEF.
    LvefDate,
    /// The LVEF before treatment (%).
    LvefBaseline,
    /// female or male.
    Sex,
    /// Whether the previous antibody infusion was well tolerated: yes or no.
    PreviousInfusionTolerated,
    /// The day chosen for cyclophosphamide, within Day -5 to Day -3.
    CyclophosphamideDate,
    /// The NK cell product's (or donor's) identifier.
    NkProductId,
    /// The NK cell bag's identifier.
    NkBagId,
    /// When the NK cell product was released or thawed.
    NkReleasedAt,
    /// A prescriber's override of a criterion to treat: `CODE=reason`.
    Override,
    /// The trial subject number.
    Subject,
    /// When a product was given (`--at`).
    AdministeredAt,
}

impl Field {
    /// The criteria-to-treat inputs (laboratory values, ULNs, LVEF, and the rest of
    /// `RawClinical`), as opposed to the measures, the cycle and the patient.
    pub fn is_criteria_input(self) -> bool {
        matches!(
            self,
            Field::Lab
                | Field::Uln
                | Field::Lvef
                | Field::LvefDate
                | Field::LvefBaseline
                | Field::Sex
                | Field::PreviousInfusionTolerated
                | Field::CyclophosphamideDate
                | Field::NkProductId
                | Field::NkBagId
                | Field::NkReleasedAt
        )
    }

    /// The fields a person types on the order command line, besides [`Field::ALL`].
    pub const PEOPLE_AND_PATIENT: [Field; 7] = [
        Field::PatientName,
        Field::PatientId,
        Field::DateOfBirth,
        Field::Allergies,
        Field::IssuedBy,
        Field::AcknowledgedBy,
        Field::Reason,
    ];

    /// Every input field, in form order.
    pub const ALL: [Field; 10] = [
        Field::Weight,
        Field::Height,
        Field::BsaFormula,
        Field::BsaCap,
        Field::PreviousWeight,
        Field::Cycle,
        Field::Day1,
        Field::LastTrastuzumab,
        Field::LastPertuzumab,
        Field::NkCells,
    ];
}

/// What is wrong with a value.
#[derive(Debug, Clone, PartialEq)]
pub enum Problem {
    /// Required and empty.
    Missing,
    /// Not written as a number this field accepts.
    NotANumber,
    /// Zero or negative where only a positive number makes sense.
    NotPositive,
    /// Below the hard lower limit.
    BelowMin,
    /// Above the hard upper limit.
    AboveMax,
    /// A height under 3: almost surely metres.
    LooksLikeMetres,
    /// A height of 1000 or more: almost surely millimetres.
    LooksLikeMillimetres,
    /// A weight of 1000 or more: almost surely grams.
    LooksLikeGrams,
    /// Not a whole number where one is required.
    NotAWholeNumber,
    /// Not an ISO date (YYYY-MM-DD), or a day that does not exist.
    NotADate,
    /// A date outside the years accepted.
    DateOutOfRange,
    /// A last-dose date on or after Day 1.
    NotBeforeDay1,
    /// A BSA formula name not known.
    UnknownFormula,
    /// A setting that cannot be used (zero, negative, missing product).
    BadSetting,
    /// Characters that cannot be accepted in this field (control, invisible,
    /// reordering, or outside what the field allows), each named.
    ForbiddenCharacters(Vec<char>),
    /// Right-to-left letters: the sheet cannot lay them out in reading order.
    RightToLeft,
    /// Only invisible characters: it would print blank.
    InvisibleOnly,
    /// Longer than the field allows.
    TooLong { max: usize },
    /// Characters the sheet's font has no glyph for: they would print as boxes.
    Unprintable(Vec<char>),
    /// More decimals than the field is printed with.
    TooManyDecimals { max: usize },
    /// A cell count with a fraction, or more digits than can be held exactly.
    NotAWholeCount,
    /// Accents with no letter under them, or stacked too deep to read.
    StrayMarks,
    /// A stand-in ("?", "-", "unknown", "NKA") where the information itself is required.
    Placeholder,
    /// A laboratory unit not known for this test.
    UnknownUnit,
    /// A laboratory unit that reads two ways: refused, never guessed.
    AmbiguousUnit,
    /// Not written `CODE=VALUE UNIT@YYYY-MM-DD` (a ULN: `CODE=VALUE UNIT`).
    NotALabEntry,
    /// A test code that is not one of the tests the rules read.
    UnknownTest,
    /// The same test entered twice for one day (a ULN: twice at all).
    Repeated,
    /// Not one of the words this field accepts (yes/no, female/male).
    NotOneOf,
    /// A date outside the days this drug may be given on.
    OutsideWindow,
    /// Not an ISO date and time (YYYY-MM-DD HH:MM).
    NotADateTime,
    /// An override for a criterion that is met, or not a criterion.
    NothingToOverride,
    /// A laboratory value (or a site's ULN) outside what the test can
    /// plausibly be: `canonical` is the value in the test's own unit.
    Implausible { code: crate::domain::lab::LabCode, canonical: f64, uln: bool },
    /// A count per microlitre written with a point or a comma before exactly
    /// three digits: a thousands separator or a decimal mark, not guessed.
    ThousandsSeparator,
    /// A result or measurement dated after today.
    InFuture,
    /// A local time skipped by a clock change (02:30 on the last Sunday of March in Madrid).
    NonexistentLocalTime,
    /// A local time lived twice (02:30 on the last Sunday of October in Madrid).
    AmbiguousLocalTime,
}

/// One rejected value.
#[derive(Debug, Clone, PartialEq)]
pub struct InputError {
    pub field: Field,
    /// The value as given (trimmed of nothing: what the person typed).
    pub value: String,
    pub problem: Problem,
}

impl InputError {
    pub fn new(field: Field, value: impl Into<String>, problem: Problem) -> Self {
        InputError { field, value: value.into(), problem }
    }
}

/// The developer's English (logs and `{e}` in tests); the faces word an input
/// error with the presentation's words, in the person's language.
impl std::fmt::Display for InputError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{self:?}")
    }
}

impl std::error::Error for InputError {}
