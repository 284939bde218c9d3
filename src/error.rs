//! The library's one error type for anything a person typed or a file held.
//! Each error names the field, the value as given, and what is accepted; the
//! wording lives in [`crate::text`].

use std::fmt;

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
}

impl Field {
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

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&crate::text::input_error(self))
    }
}

impl std::error::Error for InputError {}
