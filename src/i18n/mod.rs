//! The language of the human-readable outputs (`--lang en|ko`): the message catalogs
//! (`i18n/<lang>/obs-cost.ftl`, Fluent, one per language, compiled into the binary), the choice of
//! language from the flag or the environment, money in US dollars with optional won beside it
//! (`money`), and the translation of the English sentences a plan document carries (`recognise`).
//! Machine formats (JSON, CSV headers, enum values) never go through here.

pub mod catalog;
#[cfg(test)]
mod catalog_tests;
pub mod money;
pub mod recognise;

use std::fmt;

use rust_decimal::Decimal;

pub use money::Fx;

/// A language obs-cost writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    /// English, the catalogs' reference and the language of the plan document's sentences.
    #[default]
    En,
    /// Korean.
    Ko,
}

impl Lang {
    /// Every language, the reference first.
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Ko];

    /// The BCP 47 tag, as `<html lang>` takes it.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Ko => "ko",
        }
    }

    /// The language a POSIX locale name asks for (`ko_KR.UTF-8`, `ko`), if it is one obs-cost
    /// writes; `C`, `POSIX` and other languages give `None`.
    pub fn from_locale_name(name: &str) -> Option<Lang> {
        let code = name.split(['_', '.', '@', '-']).next().unwrap_or_default();
        match code.to_ascii_lowercase().as_str() {
            "ko" => Some(Lang::Ko),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// The language from the environment when `--lang` (and `OBS_COST_LANG`, which clap reads
    /// for it) is not given: the first set of `LC_ALL`, `LC_MESSAGES`, `LANG` decides, as POSIX
    /// orders them; a Korean locale gives Korean, anything else English.
    pub fn from_env_vars(get: impl Fn(&str) -> Option<String>) -> Lang {
        ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .filter_map(|k| get(k).filter(|v| !v.is_empty()))
            .next()
            .and_then(|v| Lang::from_locale_name(&v))
            .unwrap_or_default()
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.tag())
    }
}

/// How the human-readable formats write: the language, and the won amounts to show beside the
/// dollar amounts (`--currency KRW --fx-rate N`). Renderers get one and take every word from it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Locale {
    /// The language.
    pub lang: Lang,
    /// The exchange rate to show won beside dollars, if given.
    pub fx: Option<Fx>,
}

impl Locale {
    /// A locale of `lang` without won.
    pub fn new(lang: Lang) -> Locale {
        Locale { lang, fx: None }
    }

    /// English without won: what the machine formats and the tests of English output use.
    pub fn english() -> Locale {
        Locale::default()
    }

    /// Whether this is Korean.
    pub fn is_ko(&self) -> bool {
        self.lang == Lang::Ko
    }

    /// The message `id` without arguments.
    pub fn t(&self, id: &str) -> String {
        catalog::format(self.lang, id, &[])
    }

    /// The message `id` for HTML text: markup in ids ending `-html` kept (the catalogs are ours and
    /// those messages take no arguments), `&`, `<` and `>` escaped in the others. Templates write
    /// it with `|safe`.
    pub fn h(&self, id: &str) -> String {
        let text = self.t(id);
        if id.ends_with("-html") {
            text
        } else {
            text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
        }
    }

    /// The message `id` with its arguments (already formatted text).
    pub fn tr(&self, id: &str, args: &[(&str, String)]) -> String {
        catalog::format(self.lang, id, args)
    }

    /// An amount of US dollars to the cent (`$1,234.50`), with won beside it when a rate is given
    /// (`$1,234.50 (₩1,703,610)`).
    pub fn money(&self, usd: Decimal) -> String {
        money::amount(usd, self.fx.as_ref())
    }

    /// The sentence saying how won amounts were computed, when they are shown.
    pub fn fx_note(&self) -> Option<String> {
        self.fx.as_ref().map(|fx| fx.note(self))
    }

    /// An English sentence of the plan document in this language (itself in English, or when no
    /// catalog pattern recognises it).
    pub fn doc(&self, english: &str) -> String {
        match self.lang {
            Lang::En => english.to_string(),
            Lang::Ko => recognise::translate(self.lang, english).unwrap_or_else(|| english.to_string()),
        }
    }

    /// A line item's name (`Custom metrics (first 10K)`) in this language.
    pub fn item(&self, english: &str) -> String {
        match self.lang {
            Lang::En => english.to_string(),
            Lang::Ko => recognise::item(self.lang, english),
        }
    }

    /// A term (`Multi-AZ`, `manageable`, a phase or workload name) in this language; a name the
    /// user chose stays as written.
    pub fn term(&self, english: &str) -> String {
        match self.lang {
            Lang::En => english.to_string(),
            Lang::Ko => recognise::term(self.lang, english),
        }
    }

    /// A unit (`GB-month`, `metric-month`) in this language.
    pub fn unit(&self, english: &str) -> String {
        self.doc(english)
    }
}

/// `tr!(loc, "id", name = value, ...)`: the message `id` with each value formatted by `Display`.
#[macro_export]
macro_rules! tr {
    ($loc:expr, $id:expr $(, $name:ident = $value:expr)* $(,)?) => {
        $loc.tr($id, &[$((stringify!($name), ($value).to_string())),*])
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_language_comes_from_the_locale_variables_in_posix_order() {
        let env = |pairs: &'static [(&'static str, &'static str)]| {
            move |k: &str| pairs.iter().find(|(n, _)| *n == k).map(|(_, v)| v.to_string())
        };
        assert_eq!(Lang::from_env_vars(env(&[("LANG", "ko_KR.UTF-8")])), Lang::Ko);
        assert_eq!(Lang::from_env_vars(env(&[("LANG", "ko_KR.UTF-8"), ("LC_ALL", "C")])), Lang::En);
        assert_eq!(Lang::from_env_vars(env(&[("LC_MESSAGES", "ko"), ("LANG", "en_US.UTF-8")])), Lang::Ko);
        assert_eq!(Lang::from_env_vars(env(&[("LC_ALL", ""), ("LANG", "ko_KR")])), Lang::Ko);
        assert_eq!(Lang::from_env_vars(env(&[("LANG", "de_DE.UTF-8")])), Lang::En);
        assert_eq!(Lang::from_env_vars(env(&[])), Lang::En);
    }
}
