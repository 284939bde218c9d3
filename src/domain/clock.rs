//! The one place the program reads the clock. Everything else takes the time
//! as an argument, so tests and order sheets are deterministic.

use chrono::NaiveDateTime;

/// The local wall-clock time, to the second.
#[allow(clippy::disallowed_methods)]
pub fn now_local() -> NaiveDateTime {
    let now = chrono::Local::now().naive_local();
    now.with_nanosecond_zero()
}

trait ZeroNanos {
    fn with_nanosecond_zero(self) -> Self;
}

impl ZeroNanos for NaiveDateTime {
    fn with_nanosecond_zero(self) -> Self {
        use chrono::Timelike;
        self.with_nanosecond(0).unwrap_or(self)
    }
}
