//! Rounding as the regimen's rules need it: to an increment, or to a number
//! of decimals, halves away from zero, guarded against binary noise. Writing
//! the rounded number is the presentation's job ([`crate::present::numfmt`]).

/// Rounds `value` to the nearest multiple of `increment`, halves away from zero.
///
/// The quotient is first rounded to 6 decimals so that binary noise
/// (600 × 1.82 = 1092.0000000000002) cannot push a value across a half.
pub fn round_to_increment(value: f64, increment: f64) -> f64 {
    let quotient = ((value / increment) * 1e6).round() / 1e6;
    let rounded = quotient.round() * increment;
    // Re-round to the increment's own decimals so 0.1-steps print cleanly.
    round_decimals(rounded, decimals_of(increment).max(0))
}

/// Rounds to `decimals` places, halves away from zero, with the same noise guard.
pub fn round_decimals(value: f64, decimals: i32) -> f64 {
    let scale = 10f64.powi(decimals);
    let scaled = ((value * scale) * 1e6).round() / 1e6;
    scaled.round() / scale
}

/// How many decimals a step such as 0.5, 1 or 0.25 needs to be written exactly.
fn decimals_of(step: f64) -> i32 {
    (0..=6)
        .find(|&d| {
            let scaled = step * 10f64.powi(d);
            (scaled - scaled.round()).abs() < 1e-9
        })
        .unwrap_or(6)
}
