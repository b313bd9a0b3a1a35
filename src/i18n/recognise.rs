//! Translating the English sentences a plan document carries (mapping explanations, notes, the
//! decision-tree path, methods, line-item names, units). The plan JSON is language-neutral and
//! stays byte-identical whatever `--lang` says, and `report --from` reads any saved plan; so the
//! words are translated where they are shown: each `doc-*` message of the English catalog is the
//! exact pattern of one sentence the planner writes, recognised by matching it (its variables
//! become the captured text), then written with the same id and arguments in the target language.
//! Arguments whose variable starts with `t_` are terms (`Multi-AZ`, `unknown`, a phase or decision
//! name) and are translated too (`atom-*` messages, then `doc-*` ones); `t_head` matches as much
//! as it can, so a sentence that grows a tail per phase is translated one tail at a time. A test holds every sentence
//! of every bundled scenario's plan to a pattern, so a new English sentence without its messages
//! fails the build's tests instead of silently staying English.

use std::collections::HashMap;
use std::sync::OnceLock;

use regex::{Regex, RegexSet};

use super::catalog::{self, EN};
use super::Lang;

/// One recognisable English sentence.
struct Pattern {
    id: String,
    /// The variables in the order they appear in the English text.
    vars: Vec<String>,
    regex: Regex,
    /// Characters of literal text: the more, the more specific the pattern.
    literal: usize,
    /// Whether it has a `t_head` (a sentence with a tail appended): tried before the others.
    head: bool,
}

struct Recogniser {
    patterns: Vec<Pattern>,
    set: RegexSet,
    /// English text of each `atom-*` message → its id.
    atoms: HashMap<String, String>,
}

const OPEN: char = '\u{E000}';
const CLOSE: char = '\u{E001}';

fn recogniser() -> &'static Recogniser {
    static R: OnceLock<Recogniser> = OnceLock::new();
    R.get_or_init(|| {
        let messages = catalog::messages(EN).unwrap_or_default();
        let mut patterns = Vec::new();
        let mut atoms = HashMap::new();
        for (id, vars) in &messages {
            if id.starts_with("atom-") {
                atoms.insert(catalog::format(Lang::En, id, &[]), id.clone());
                continue;
            }
            if !id.starts_with("doc-") {
                continue;
            }
            let vars: Vec<String> = vars.iter().cloned().collect();
            let args: Vec<(&str, String)> =
                vars.iter().enumerate().map(|(i, v)| (v.as_str(), format!("{OPEN}{i}{CLOSE}"))).collect();
            let text = catalog::format(Lang::En, id, &args);
            if let Some(p) = compile(id, &vars, &text) {
                patterns.push(p);
            }
        }
        let set = RegexSet::new(patterns.iter().map(|p| p.regex.as_str())).unwrap_or_else(|_| RegexSet::empty());
        Recogniser { patterns, set, atoms }
    })
}

/// The pattern of a message formatted with markers in place of its variables.
fn compile(id: &str, vars: &[String], text: &str) -> Option<Pattern> {
    let mut re = String::from("(?s)^");
    let mut order = Vec::new();
    let mut literal = 0;
    let mut rest = text;
    while let Some(start) = rest.find(OPEN) {
        let (lit, tail) = rest.split_at(start);
        re.push_str(&regex::escape(lit));
        literal += lit.chars().count();
        let tail = &tail[OPEN.len_utf8()..];
        let end = tail.find(CLOSE)?;
        let index: usize = tail[..end].parse().ok()?;
        let name = vars.get(index)?;
        re.push_str(if name == "t_head" { "(.*)" } else { "(.*?)" });
        order.push(name.clone());
        rest = &tail[end + CLOSE.len_utf8()..];
    }
    re.push_str(&regex::escape(rest));
    literal += rest.chars().count();
    re.push('$');
    let head = order.iter().any(|v| v == "t_head");
    Some(Pattern { id: id.to_string(), vars: order, regex: Regex::new(&re).ok()?, literal, head })
}

/// The id and arguments of the most specific English pattern `text` matches: a pattern with a
/// tail (`t_head`) first, then the one with the most literal text.
pub fn recognise(text: &str) -> Option<(String, Vec<(String, String)>)> {
    recognise_among(text, false)
}

/// [`recognise`] among the price-tier qualifiers (`doc-tier-*`, which only a line item's name
/// carries) or among every other sentence: `{ $begin } to { $end }` would otherwise take any
/// sentence with a " to " in it.
pub(crate) fn recognise_among(text: &str, tiers: bool) -> Option<(String, Vec<(String, String)>)> {
    let r = recogniser();
    let best = r
        .set
        .matches(text)
        .into_iter()
        .filter_map(|i| r.patterns.get(i))
        .filter(|p| p.id.starts_with("doc-tier-") == tiers)
        .max_by(|a, b| (a.head, a.literal).cmp(&(b.head, b.literal)).then_with(|| b.id.cmp(&a.id)))?;
    let caps = best.regex.captures(text)?;
    let args = best
        .vars
        .iter()
        .enumerate()
        .map(|(i, v)| (v.clone(), caps.get(i + 1).map_or("", |m| m.as_str()).to_string()))
        .collect();
    Some((best.id.clone(), args))
}

/// A term in `lang`: an `atom-*` message whose English text it is, else a recognised sentence,
/// else the term as it is (a name the user chose).
pub fn term(lang: Lang, english: &str) -> String {
    if let Some(id) = recogniser().atoms.get(english) {
        return catalog::format(lang, id, &[]);
    }
    if let Some((rest, last)) = number_list(english) {
        return catalog::format(lang, "list-and", &[("rest", rest.into()), ("last", last.into())]);
    }
    if let Some(text) = phase_list(lang, english) {
        return text;
    }
    translate(lang, english).unwrap_or_else(|| english.to_string())
}

/// The plan comparison's phase lists (`phase 3`, `phases 1-5`, `phases 1, 3`) in `lang`.
fn phase_list(lang: Lang, text: &str) -> Option<String> {
    let digits = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_digit());
    if let Some(n) = text.strip_prefix("phase ").filter(|n| digits(n)) {
        return Some(catalog::format(lang, "phase-list-one", &[("phase", n.into())]));
    }
    let rest = text.strip_prefix("phases ")?;
    if let Some((first, last)) = rest.split_once('-').filter(|(a, b)| digits(a) && digits(b)) {
        return Some(catalog::format(lang, "phase-list-range", &[("first", first.into()), ("last", last.into())]));
    }
    rest.split(", ").all(digits).then(|| catalog::format(lang, "phase-list-some", &[("phases", rest.into())]))
}

/// A list of numbers the planner writes `3, 4 and 5` (phases), split before its last item.
fn number_list(text: &str) -> Option<(&str, &str)> {
    let (rest, last) = text.rsplit_once(" and ")?;
    let numbers = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_digit());
    (numbers(last) && rest.split(", ").all(numbers)).then_some((rest, last))
}

/// `english` (one sentence of the plan document) in `lang`, if a pattern recognises it.
pub fn translate(lang: Lang, english: &str) -> Option<String> {
    write(lang, recognise(english)?)
}

/// A price tier (`first 10K`, `10K to 250K`) in `lang`, if a tier pattern recognises it.
fn translate_tier(lang: Lang, english: &str) -> Option<String> {
    write(lang, recognise_among(english, true)?)
}

/// A recognised sentence written in `lang`, its terms translated.
fn write(lang: Lang, (id, args): (String, Vec<(String, String)>)) -> Option<String> {
    let args: Vec<(&str, String)> = args
        .iter()
        .map(|(name, v)| (name.as_str(), if name.starts_with("t_") { term(lang, v) } else { v.clone() }))
        .collect();
    Some(catalog::format(lang, &id, &args))
}

/// The price-tier qualifiers `cost` appends to a line item's name (`free tier`, `first 10K`,
/// `10K to 250K`, `over 1M`): `Custom metrics (first 10K)`, `Logs ingested (Standard, free tier)`.
fn split_tier(name: &str) -> Option<(String, &str)> {
    let inner = name.strip_suffix(')')?;
    let open = inner.rfind(" (")?;
    let detail = &inner[open + 2..];
    let (before, tier) = match detail.rfind(", ") {
        Some(i) => (Some(&detail[..i]), &detail[i + 2..]),
        None => (None, detail),
    };
    let is_tier =
        tier == "free tier" || tier.starts_with("first ") || tier.starts_with("over ") || tier.contains(" to ");
    if !is_tier {
        return None;
    }
    let base = match before {
        Some(b) => format!("{} ({b})", &inner[..open]),
        None => inner[..open].to_string(),
    };
    Some((base, tier))
}

/// A line item's name in `lang`: the model's name, then the tier `cost` added, each translated.
pub fn item(lang: Lang, english: &str) -> String {
    // The tier first: `{ $begin } to { $end }` would otherwise take the whole name.
    let Some((base, tier)) = split_tier(english) else {
        return translate(lang, english).unwrap_or_else(|| english.to_string());
    };
    let base = translate(lang, &base).unwrap_or(base);
    let tier = translate_tier(lang, tier).unwrap_or_else(|| tier.to_string());
    match base.strip_suffix(')') {
        Some(open) if open.contains('(') => {
            catalog::format(lang, "item-detail-and-tier", &[("open", open.into()), ("tier", tier)])
        }
        _ => catalog::format(lang, "item-with-tier", &[("item", base), ("tier", tier)]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tiers_split_off_a_line_item_name() {
        assert_eq!(split_tier("Custom metrics (first 10K)"), Some(("Custom metrics".into(), "first 10K")));
        assert_eq!(
            split_tier("Logs ingested (Standard, free tier)"),
            Some(("Logs ingested (Standard)".into(), "free tier"))
        );
        assert_eq!(split_tier("DB instance (db: db.t3.large, Multi-AZ)"), None);
    }

    #[test]
    fn the_most_specific_pattern_wins_and_terms_are_translated() {
        let (id, args) = recognise("DB instance (db: db.t4g.large, Multi-AZ)").unwrap();
        assert_eq!(id, "doc-item-rds-instance");
        assert!(args.contains(&("t_az".to_string(), "Multi-AZ".to_string())), "{args:?}");
        let ko = translate(Lang::Ko, "DB instance (db: db.t4g.large, Multi-AZ)").unwrap();
        assert!(ko.contains("db.t4g.large") && ko.contains("다중 AZ"), "{ko}");
        assert_eq!(item(Lang::Ko, "Custom metrics (first 10K)"), "사용자 지정 지표(처음 10K)");
        assert_eq!(item(Lang::Ko, "Logs ingested (Standard, free tier)"), "로그 수집(Standard, 프리 티어)");
        assert_eq!(term(Lang::Ko, "3, 4 and 5"), "3, 4, 5");
        assert_eq!(term(Lang::En, "3, 4 and 5"), "3, 4 and 5");
        assert_eq!(term(Lang::Ko, "traffic and logs"), "traffic and logs");
        // A sentence with " to " in it is not a price tier.
        assert!(translate(Lang::Ko, "hold up to 392,419 DAU only").is_none());
    }

    #[test]
    fn the_comparisons_phase_lists_are_terms() {
        assert_eq!(term(Lang::Ko, "phase 3"), "3단계");
        assert_eq!(term(Lang::Ko, "phases 1-5"), "1~5단계");
        assert_eq!(term(Lang::Ko, "phases 1, 3"), "1, 3단계");
        assert_eq!(term(Lang::En, "phases 1-5"), "phases 1-5");
        assert_eq!(term(Lang::Ko, "phases of the moon"), "phases of the moon");
    }
}
