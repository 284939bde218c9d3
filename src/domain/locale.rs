//! Which language and which decimal mark a person reads: plain codes, stored
//! in orders and the register as `en`/`es`/`ca` and `point`/`comma`. The
//! words themselves live in the presentation layer's translation files.

use serde::{Deserialize, Serialize};

/// A language the window, the terminal and the sheet can be read in.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    En,
    Es,
    Ca,
}

impl Lang {
    pub const ALL: [Lang; 3] = [Lang::En, Lang::Es, Lang::Ca];

    /// The BCP 47 code: `en`, `es`, `ca`.
    pub fn key(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Es => "es",
            Lang::Ca => "ca",
        }
    }

    pub fn from_key(key: &str) -> Option<Lang> {
        Lang::ALL.into_iter().find(|l| l.key() == key)
    }

    /// The language of a POSIX locale name (`es_ES.UTF-8`, `ca_ES@valencia`,
    /// `en_GB`); `None` for `C`, `POSIX`, empty or a language not translated.
    pub fn from_locale(locale: &str) -> Option<Lang> {
        let lang = locale.split(['_', '.', '@', '-']).next().unwrap_or("").to_ascii_lowercase();
        Lang::from_key(&lang)
    }

    /// The decimal mark this language's readers expect when the site set none.
    pub fn usual_decimal_mark(self) -> DecimalMark {
        match self {
            Lang::En => DecimalMark::Point,
            Lang::Es | Lang::Ca => DecimalMark::Comma,
        }
    }
}

/// The language the system locale names (`LC_ALL`, then `LC_MESSAGES`, then
/// `LANG`, as POSIX orders them), English when none names a known language.
/// The environment is passed in, so tests and callers decide what is read.
pub fn system_lang(var: impl Fn(&str) -> Option<String>) -> Lang {
    ["LC_ALL", "LC_MESSAGES", "LANG"]
        .into_iter()
        .filter_map(|name| var(name).filter(|v| !v.is_empty()))
        .map(|v| Lang::from_locale(&v))
        .next()
        .flatten()
        .unwrap_or_default()
}

/// The decimal mark of printed numbers. A reviewed site setting: one mark per
/// document, stated once on the sheet. Input accepts both marks regardless.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DecimalMark {
    #[default]
    Point,
    Comma,
}

impl DecimalMark {
    pub const ALL: [DecimalMark; 2] = [DecimalMark::Point, DecimalMark::Comma];

    pub fn key(self) -> &'static str {
        match self {
            DecimalMark::Point => "point",
            DecimalMark::Comma => "comma",
        }
    }

    pub fn from_key(key: &str) -> Option<DecimalMark> {
        DecimalMark::ALL.into_iter().find(|m| m.key() == key)
    }

    pub fn char(self) -> char {
        match self {
            DecimalMark::Point => '.',
            DecimalMark::Comma => ',',
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locale_names() {
        assert_eq!(Lang::from_locale("es_ES.UTF-8"), Some(Lang::Es));
        assert_eq!(Lang::from_locale("ca_ES@valencia"), Some(Lang::Ca));
        assert_eq!(Lang::from_locale("en_GB"), Some(Lang::En));
        assert_eq!(Lang::from_locale("C"), None);
        assert_eq!(Lang::from_locale("fr_FR.UTF-8"), None);
        let env = |pairs: &'static [(&'static str, &'static str)]| {
            move |k: &str| pairs.iter().find(|(n, _)| *n == k).map(|(_, v)| (*v).to_owned())
        };
        assert_eq!(system_lang(env(&[("LANG", "es_ES.UTF-8")])), Lang::Es);
        assert_eq!(system_lang(env(&[("LC_ALL", "ca_ES"), ("LANG", "es_ES")])), Lang::Ca);
        assert_eq!(system_lang(env(&[("LC_ALL", ""), ("LANG", "C.UTF-8")])), Lang::En);
        assert_eq!(system_lang(env(&[])), Lang::En);
    }
}
