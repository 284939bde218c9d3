//! Identity text: names, the record number, allergies and the names of the
//! people who issue, acknowledge and verify an order. This is the one
//! boundary where such text is normalised (Unicode NFC, trimmed) and where
//! text that could not be printed faithfully, or that could pass for another
//! patient's, is refused with a message naming the problem.
//!
//! Refused everywhere: control characters (C0, C1, DEL: line feeds, tabs,
//! escape sequences, U+0085), format characters (zero-width spaces and
//! joiners, U+FEFF, U+2060, soft hyphens, bidirectional overrides and
//! isolates), unassigned and private-use characters, right-to-left letters
//! (the sheet cannot yet lay them out in their reading order), values made only
//! of invisible characters, and values over a field's length limit. The record
//! number is further limited to ASCII letters, digits, spaces, `-`, `/` and `.`,
//! so a look-alike letter from another script cannot make two record numbers
//! print the same. A name that mixes scripts (a Cyrillic "А" among Latin
//! letters) is accepted but flagged, to be confirmed by a person.

use unicode_normalization::UnicodeNormalization;
use unicode_script::{Script, UnicodeScript};

use crate::error::{Field, InputError, Problem};

/// The longest value accepted for each identity field, in characters.
pub fn max_chars(field: Field) -> usize {
    match field {
        Field::PatientId | Field::NkProductId | Field::NkBagId => 30,
        Field::Allergies | Field::Settings => 300,
        _ => 100,
    }
}

/// Normalises identity text for `field`: NFC, trimmed of white space at both
/// ends. An empty result is `Ok("")`: whether a field is required is the
/// caller's rule, not this one's.
pub fn normalise(field: Field, text: &str) -> Result<String, InputError> {
    let err = |p| InputError::new(field, text, p);
    let mut bad: Vec<char> = Vec::new();
    let mut rtl = false;
    for c in text.chars() {
        if is_refused(c) {
            if !bad.contains(&c) {
                bad.push(c);
            }
        } else if is_right_to_left(c) {
            rtl = true;
        }
    }
    if !bad.is_empty() {
        return Err(err(Problem::ForbiddenCharacters(bad)));
    }
    if rtl {
        return Err(err(Problem::RightToLeft));
    }
    let normal: String = text.nfc().collect::<String>().trim().to_owned();
    // Whitespace alone is simply empty; other characters that draw nothing are refused.
    if !normal.is_empty() && normal.chars().all(|c| c.is_whitespace() || is_invisible(c)) {
        return Err(err(Problem::InvisibleOnly));
    }
    if normal.is_empty() {
        return Ok(normal);
    }
    // Accents with nothing to sit on, or stacked so deep they hide what is under them.
    let mut run = 0;
    let mut previous_base = false;
    // Counted on the decomposed form: NFC may have folded one accent into its letter.
    for c in normal.nfd() {
        if is_combining(c) {
            run += 1;
            if !previous_base || run > MAX_MARKS {
                return Err(err(Problem::StrayMarks));
            }
        } else {
            run = 0;
            previous_base = !c.is_whitespace();
        }
    }
    let max = max_chars(field);
    if normal.chars().count() > max {
        return Err(err(Problem::TooLong { max }));
    }
    if matches!(field, Field::PatientId | Field::NkProductId | Field::NkBagId)
        && let Some(c) = normal
            .chars()
            .find(|c| !(c.is_ascii_uppercase() || c.is_ascii_digit() || matches!(c, ' ' | '-' | '/' | '.')))
    {
        return Err(err(Problem::ForbiddenCharacters(vec![c])));
    }
    if let Some(problem) = placeholder(field, &normal) {
        return Err(err(problem));
    }
    Ok(normal)
}

/// The most combining marks one letter may carry (Vietnamese uses two).
const MAX_MARKS: usize = 3;

/// A value that stands in for the information rather than giving it: a name
/// or a reason without letters (a reason of fewer than 3), a record number without a digit or letter,
/// an allergy entry such as "?", "unknown" or "NKA" (the allergies are
/// written out, or "none known").
fn placeholder(field: Field, text: &str) -> Option<Problem> {
    let letters = text.chars().filter(|c| c.is_alphabetic()).count();
    match field {
        Field::PatientName | Field::IssuedBy | Field::AcknowledgedBy | Field::Verifier if letters < 1 => {
            Some(Problem::Placeholder)
        }
        Field::Reason if letters < 3 => Some(Problem::Placeholder),
        Field::PatientId | Field::NkProductId | Field::NkBagId
            if !text.chars().any(|c| c.is_ascii_alphanumeric()) =>
        {
            Some(Problem::Placeholder)
        }
        Field::Allergies => {
            let folded: String =
                text.chars().filter(|c| c.is_alphanumeric() || *c == ' ').collect::<String>().to_lowercase();
            // English and Spanish stand-ins: "NKA", "NKDA", "NAMC" (no alergias medicamentosas conocidas).
            const VAGUE: [&str; 15] = [
                "",
                "x",
                "no",
                "na",
                "nil",
                "nka",
                "nkda",
                "namc",
                "unknown",
                "desconocido",
                "desconocida",
                "desconocidas",
                "ns",
                "nc",
                "0",
            ];
            (VAGUE.contains(&folded.trim()) || letters == 0).then_some(Problem::Placeholder)
        }
        _ => None,
    }
}

/// True when a name mixes letters of more than one script (Latin with
/// Cyrillic or Greek, say): it may be a look-alike of another patient's name.
pub fn mixes_scripts(text: &str) -> bool {
    let mut first: Option<Script> = None;
    for c in text.chars() {
        let s = c.script();
        if matches!(s, Script::Common | Script::Inherited | Script::Unknown) {
            continue;
        }
        match first {
            None => first = Some(s),
            Some(f) if f != s => return true,
            Some(_) => {}
        }
    }
    false
}

/// Whether two typed names could be the same person, until real sign-in
/// exists: compared word by word after removing case, accents, punctuation
/// and anything in brackets (a role such as "(FH)"). The same person when one
/// name's words are all among the other's: "Ana Ruiz (FH)", "ana  ruíz" and
/// "RUIZ, Ana" are one person. It errs towards "the same", which refuses a
/// double-check rather than letting someone verify their own order.
pub fn same_person(a: &str, b: &str) -> bool {
    let (wa, wb) = (words(a), words(b));
    if wa.is_empty() || wb.is_empty() {
        return wa == wb;
    }
    wa.iter().all(|w| wb.contains(w)) || wb.iter().all(|w| wa.contains(w))
}

/// The folded words of a name, bracketed parts left out.
fn words(text: &str) -> Vec<String> {
    let mut depth = 0usize;
    let mut plain = String::new();
    for c in text.nfkd() {
        match c {
            '(' | '[' | '{' => depth += 1,
            ')' | ']' | '}' => depth = depth.saturating_sub(1),
            _ if depth == 0 => plain.push(c),
            _ => {}
        }
    }
    plain
        .split(|c: char| !c.is_alphanumeric() && !is_combining(c))
        .map(|w| w.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect::<String>())
        .filter(|w| !w.is_empty())
        .collect()
}

pub use crate::domain::units::is_combining;

/// Characters refused in any identity text.
fn is_refused(c: char) -> bool {
    let cp = u32::from(c);
    // U+FFFD: text that was already damaged before it reached us.
    cp == 0xFFFD
        || c.is_control()
        || is_format(c)
        // Private use and noncharacters print as nothing anyone can check.
        || (0xE000..=0xF8FF).contains(&cp)
        || cp >= 0xF0000
        || (0xFDD0..=0xFDEF).contains(&cp)
        || (cp & 0xFFFE) == 0xFFFE
        // Line and paragraph separators.
        || cp == 0x2028
        || cp == 0x2029
}

/// Unicode general category Cf (format) characters that turn up in pasted
/// text: invisible, or reordering what follows.
fn is_format(c: char) -> bool {
    matches!(u32::from(c),
        0x00AD | 0x034F | 0x061C | 0x115F | 0x1160 | 0x17B4 | 0x17B5 | 0x180B..=0x180F
        | 0x200B..=0x200F | 0x202A..=0x202E | 0x2060..=0x206F | 0x3164 | 0xFE00..=0xFE0F
        | 0xFEFF | 0xFFA0 | 0xFFF0..=0xFFFB | 0x1D173..=0x1D17A | 0xE0000..=0xE0FFF)
}

/// Characters that draw nothing (beyond the refused ones): blank-looking letters.
fn is_invisible(c: char) -> bool {
    matches!(u32::from(c), 0x2800 | 0x3000 | 0x2000..=0x200A | 0x205F | 0x00A0 | 0x202F)
}

/// Letters written right to left (Hebrew, Arabic, Syriac, Thaana, N'Ko…).
fn is_right_to_left(c: char) -> bool {
    use unicode_bidi::{BidiClass, bidi_class};
    matches!(bidi_class(c), BidiClass::R | BidiClass::AL)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nfc_and_trim() {
        // "e" + combining acute becomes one "é".
        assert_eq!(normalise(Field::PatientName, "  Jose\u{301} ").unwrap(), "José");
    }

    #[test]
    fn same_person_ignores_case_accents_punctuation_and_roles() {
        assert!(same_person("Ana Ruiz (FH)", "ana ruiz"));
        assert!(same_person("RUIZ, Ana", "Ana  Ruíz"));
        assert!(!same_person("Ana Ruiz", "Ana López"));
        assert!(!same_person("Ana Ruiz", ""));
    }
}
