//! Units in types: patient measures and drug amounts are different types, so a
//! weight can never be passed where a dose is expected. Each constructor refuses
//! values that are not finite and positive; range limits are checked by `input`.

use serde::{Deserialize, Serialize};

macro_rules! quantity {
    ($(#[$doc:meta])* $name:ident, $accessor:ident) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, PartialOrd, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(f64);

        impl $name {
            /// The value, if it is finite and greater than zero.
            pub fn new(value: f64) -> Option<Self> {
                (value.is_finite() && value > 0.0).then_some(Self(value))
            }

            /// The plain number, in the unit the type names.
            pub fn $accessor(self) -> f64 {
                self.0
            }
        }
    };
}

quantity!(
    /// Body weight in kilograms.
    Kilograms, kg
);
quantity!(
    /// Body height in centimetres.
    Centimetres, cm
);
quantity!(
    /// Body-surface area in square metres.
    SquareMetres, m2
);
quantity!(
    /// An absolute count of cells (the NK product).
    Cells, count
);

/// Combining marks (accents after NFKD decomposition).
pub fn is_combining(c: char) -> bool {
    matches!(u32::from(c), 0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F)
}
