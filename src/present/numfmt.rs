//! Writing numbers the way ISMP and the Joint Commission ask, adapted for
//! Spanish sites (clinical-facts.md, "Writing doses safely"): no trailing
//! zeros, always a leading zero, no digit grouping with a comma or a point
//! (either reads as a decimal mark somewhere), a thin space between groups of
//! three for numbers of five digits or more, and large counts as powers of ten.

use crate::domain::rounding::round_decimals;

/// The separator between groups of three digits: U+2009 THIN SPACE (SI, ISO 80000-1).
pub const GROUP_SEPARATOR: char = '\u{2009}';

/// Writes `value` with at most `max_decimals` decimals, no trailing zeros, a
/// leading zero before a bare decimal point, and a thin space between groups
/// of three integer digits when there are five or more of them.
pub fn decimal(value: f64, max_decimals: usize) -> String {
    if !value.is_finite() {
        return "?".to_owned();
    }
    let raw = format!("{:.*}", max_decimals, value.abs());
    let (int_part, frac_part) = match raw.split_once('.') {
        Some((i, f)) => (i.to_owned(), f.trim_end_matches('0').to_owned()),
        None => (raw.clone(), String::new()),
    };
    let negative = value < 0.0 && (int_part.chars().any(|c| c != '0') || !frac_part.is_empty());
    let mut out = String::new();
    if negative {
        out.push('-');
    }
    out.push_str(&group_digits(&int_part));
    if !frac_part.is_empty() {
        out.push('.');
        out.push_str(&frac_part);
    }
    out
}

fn group_digits(int_part: &str) -> String {
    if int_part.len() < 5 {
        return int_part.to_owned();
    }
    let mut out = String::with_capacity(int_part.len() + int_part.len() / 3 * 3);
    for (i, c) in int_part.chars().enumerate() {
        if i > 0 && (int_part.len() - i).is_multiple_of(3) {
            out.push(GROUP_SEPARATOR);
        }
        out.push(c);
    }
    out
}

const SUPERSCRIPTS: [char; 10] = ['⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'];

/// Superscript digits for an exponent: 8 → "⁸", 10 → "¹⁰", -3 → "⁻³".
pub fn superscript(exponent: i32) -> String {
    let mut out = String::new();
    if exponent < 0 {
        out.push('⁻');
    }
    for c in exponent.unsigned_abs().to_string().chars() {
        let digit = c.to_digit(10).unwrap_or(0) as usize;
        out.push(SUPERSCRIPTS[digit]);
    }
    out
}

/// A count as a power of ten: 2e8 → "2 × 10⁸", 2.5e8 → "2.5 × 10⁸", 910 000 → "9.1 × 10⁵".
/// The mantissa keeps up to 3 decimals.
pub fn power_of_ten(value: f64) -> String {
    if !value.is_finite() || value <= 0.0 {
        return decimal(value, 3);
    }
    let mut exponent = value.log10().floor() as i32;
    let mut mantissa = round_decimals(value / 10f64.powi(exponent), 3);
    if mantissa >= 10.0 {
        mantissa /= 10.0;
        exponent += 1;
    }
    format!("{} × 10{}", decimal(mantissa, 3), superscript(exponent))
}

/// A count as a power of ten with enough mantissa decimals to differ from
/// `other` (a limit it was compared with): 5.0000001 × 10⁸ against 5 × 10⁸,
/// never "5 × 10⁸" for a count that broke that limit.
pub fn power_of_ten_distinct(value: f64, other: f64) -> String {
    if !value.is_finite() || value <= 0.0 {
        return decimal(value, 3);
    }
    let exponent = value.log10().floor() as i32;
    let scale = 10f64.powi(exponent);
    for decimals in 3..=15 {
        let m = round_decimals(value / scale, decimals);
        let o = round_decimals(other / scale, decimals);
        if (m - o).abs() > 0.0 || decimals == 15 {
            if m >= 10.0 {
                return power_of_ten(value);
            }
            return format!("{} × 10{}", decimal(m, decimals as usize), superscript(exponent));
        }
    }
    power_of_ten(value)
}

/// A count in millions, for words beside a power of ten: 2e8 → "200", 9.1e5 → "0.91".
pub fn millions(value: f64) -> String {
    decimal(value / 1e6, 3)
}

#[cfg(test)]
#[allow(clippy::float_cmp)] // exact results of rounding are the point
mod tests {
    use super::*;
    use crate::domain::rounding::round_to_increment;

    #[test]
    fn rounding_guards_against_binary_noise() {
        assert_eq!(round_to_increment(600.0 * 1.82, 1.0), 1092.0);
        assert_eq!(round_to_increment(421.5, 1.0), 422.0);
        assert_eq!(round_to_increment(1092.3, 5.0), 1090.0);
        assert_eq!(round_to_increment(54.66, 0.1), 54.7);
    }

    #[test]
    fn superscripts() {
        assert_eq!(superscript(8), "⁸");
        assert_eq!(superscript(10), "¹⁰");
        assert_eq!(superscript(-3), "⁻³");
    }
}
