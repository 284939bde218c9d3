//! Why an order could not leave or be kept: the register's, the sheet's and
//! the print service's failures as plain values of this layer, so the
//! presentation words them without reaching the layers that raise them
//! (issue 19: `present` imported the store and the output layer to word their
//! errors). The store, the sheet and the printer re-export them.

use std::path::PathBuf;

use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};

use crate::error::InputError;
use crate::order::FileError;

/// The register schema this program writes (the store's `SCHEMA_VERSION`): a register
/// made by a newer program is refused naming both.
pub const REGISTER_SCHEMA_VERSION: i32 = 5;

/// One dose as recorded.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RecordedDose {
    pub drug: String,
    pub dose: f64,
    pub unit: String,
}

/// Why the register could not be used.
#[derive(Debug)]
pub enum RegisterError {
    /// Another program holds the database locked.
    Locked(PathBuf),
    /// The database or its folder cannot be written.
    ReadOnly(PathBuf),
    /// The file is not a register (or is damaged).
    Corrupt(PathBuf, String),
    /// Made by a newer version of this program.
    Newer(PathBuf, i32),
    /// Anything else SQLite or the file system said.
    Other(PathBuf, String),
    /// The location is not a file a register can live in (empty, `:memory:`, a folder,
    /// a symbolic link to nothing, a device).
    NotAFile(PathBuf, NotAFile),
    /// Another order's content is already recorded under this order ID and revision.
    DuplicateId(PathBuf, String),
    /// The server cannot be reached, refused, went away or did not answer in time.
    Connection(PathBuf, String),
    /// The server refused the login.
    Login(PathBuf, String),
    /// A SQLite register on a network file system (its type), where locking is unreliable.
    NetworkFs(PathBuf, String),
    /// A record must be signed by this person, who has not signed in with their secret here.
    NotSignedIn(PathBuf, String),
    /// The link to the register's server would not be encrypted, or the server's identity is
    /// not proven (TLS): nothing was sent.
    Insecure(PathBuf, String),
}

/// Why a register location cannot hold a register.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NotAFile {
    Empty,
    InMemory,
    Folder,
    BrokenLink,
    Special,
}

/// Why no sheet was made.
#[derive(Debug)]
pub enum SheetError {
    /// Inputs or patient details invalid: nothing is printed from them.
    Invalid(Vec<InputError>),
    /// A protocol check failed (NK count out of range).
    NkOutOfRange,
    /// Warnings not yet acknowledged.
    Unacknowledged(usize),
    /// The embedded font did not parse.
    Font,
    /// Writing the file failed.
    File(FileError),
    /// A measure is still being typed: the results are provisional.
    StillTyping,
    /// Cycle 1 criteria to treat not met or not entered, and not overridden.
    CriteriaOpen(usize),
    /// The register knows people: someone must sign in first.
    SignInNeeded,
    /// The trial's stagger rule: this patient would start before the earliest permitted.
    TooEarly { start: NaiveDateTime, earliest: NaiveDateTime },
    /// The stagger rule could not be checked (the register, worded, says why).
    StaggerUnchecked(String),
    /// The release workflow would refuse it (the trial's rules across patients, a signer's role).
    Refused(crate::order::release::Refusal),
}

/// Why a print did not happen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PrintError {
    /// The print service could not be reached (CUPS down, `lp` missing).
    NoService(String),
    /// The service refused the job (no such printer, printer disabled).
    Rejected(String),
    /// No printer was chosen and the print service has no default one.
    NoDefault,
    /// No print service on this system.
    Unsupported,
    /// The job did not finish in time.
    Timeout(String),
    /// The job was cancelled or aborted.
    Failed(String),
}

/// Why a print did not happen: no sheet, or the print service said no.
#[derive(Debug)]
pub enum PrintFailure {
    Sheet(SheetError),
    Print(PrintError),
}

/// The developer's English for each failure (logs and `{e}` in tests); the faces
/// word them with the presentation's words, in the person's language.
macro_rules! developer_display {
    ($($ty:ty),*) => {$(
        impl std::fmt::Display for $ty {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                write!(f, "{self:?}")
            }
        }
        impl std::error::Error for $ty {}
    )*};
}

developer_display!(RegisterError, SheetError, PrintError, PrintFailure, crate::order::FileError);
