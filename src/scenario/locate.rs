//! Where a key of a YAML file is: the line and column of the value a dotted key path names
//! (`mapping.rds.storage_headroom`, `phases[0].engineer_weeks`, `self_hosted.hosts.app.count`),
//! so that a value that parses but is out of range gets the same `file:line:column` as a syntax
//! error. Owns nothing else.

use std::fmt;

use serde::de::{DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde_yaml::Value;

/// One step of a resolved path: a mapping key or a list index.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Step {
    Key(String),
    Index(usize),
}

/// Splits a dotted key path into its parts: `a.b[0].c` → `a`, `b`, `[0]`, `c`.
fn parts(key: &str) -> Vec<String> {
    let mut out = Vec::new();
    for piece in key.split('.') {
        let mut rest = piece;
        while let Some(open) = rest.find('[') {
            if open > 0 {
                out.push(rest[..open].to_string());
            }
            match rest[open..].find(']') {
                Some(close) => {
                    out.push(rest[open..open + close + 1].to_string());
                    rest = &rest[open + close + 1..];
                }
                None => {
                    out.push(rest[open..].to_string());
                    rest = "";
                }
            }
        }
        if !rest.is_empty() {
            out.push(rest.to_string());
        }
    }
    out
}

/// Resolves a key path against the document: list entries are named by index (`[0]`, `0`) or by
/// their `name` (`app`, `[app]`). Stops at the longest prefix the document has (a key left
/// out, whose default is at fault, is located at its parent).
fn resolve(doc: &Value, key: &str) -> Vec<Step> {
    let mut steps = Vec::new();
    let mut node = doc;
    for part in parts(key) {
        let label = part.strip_prefix('[').and_then(|p| p.strip_suffix(']')).unwrap_or(&part);
        match node {
            Value::Mapping(m) => match m.get(label) {
                Some(next) => {
                    steps.push(Step::Key(label.to_string()));
                    node = next;
                }
                None => break,
            },
            Value::Sequence(items) => {
                let by_label = |item: &Value| matches!(item.get("name"), Some(Value::String(s)) if s == label);
                let index = label.parse::<usize>().ok().or_else(|| items.iter().position(by_label));
                match index.and_then(|i| items.get(i).map(|item| (i, item))) {
                    Some((i, item)) => {
                        steps.push(Step::Index(i));
                        node = item;
                    }
                    None => break,
                }
            }
            _ => break,
        }
    }
    steps
}

const HERE: &str = "obs-cost: the value looked for";

/// Fails on whatever value it is handed: serde_yaml then attaches that value's position.
struct Here;

impl<'de> Visitor<'de> for Here {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(HERE)
    }
    fn visit_bool<E: serde::de::Error>(self, _: bool) -> Result<(), E> {
        Err(E::custom(HERE))
    }
    fn visit_i64<E: serde::de::Error>(self, _: i64) -> Result<(), E> {
        Err(E::custom(HERE))
    }
    fn visit_u64<E: serde::de::Error>(self, _: u64) -> Result<(), E> {
        Err(E::custom(HERE))
    }
    fn visit_f64<E: serde::de::Error>(self, _: f64) -> Result<(), E> {
        Err(E::custom(HERE))
    }
    fn visit_str<E: serde::de::Error>(self, _: &str) -> Result<(), E> {
        Err(E::custom(HERE))
    }
    fn visit_unit<E: serde::de::Error>(self) -> Result<(), E> {
        Err(E::custom(HERE))
    }
    fn visit_none<E: serde::de::Error>(self) -> Result<(), E> {
        Err(E::custom(HERE))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, _: A) -> Result<(), A::Error> {
        Err(serde::de::Error::custom(HERE))
    }
    fn visit_map<A: MapAccess<'de>>(self, _: A) -> Result<(), A::Error> {
        Err(serde::de::Error::custom(HERE))
    }
}

/// Walks down `path`, skipping everything else, and fails at its end.
struct Find<'a>(&'a [Step]);

impl<'de> DeserializeSeed<'de> for Find<'_> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        if self.0.is_empty() {
            d.deserialize_any(Here)
        } else {
            d.deserialize_any(self)
        }
    }
}

impl<'de> Visitor<'de> for Find<'_> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any YAML value")
    }
    fn visit_bool<E>(self, _: bool) -> Result<(), E> {
        Ok(())
    }
    fn visit_i64<E>(self, _: i64) -> Result<(), E> {
        Ok(())
    }
    fn visit_u64<E>(self, _: u64) -> Result<(), E> {
        Ok(())
    }
    fn visit_f64<E>(self, _: f64) -> Result<(), E> {
        Ok(())
    }
    fn visit_str<E>(self, _: &str) -> Result<(), E> {
        Ok(())
    }
    fn visit_unit<E>(self) -> Result<(), E> {
        Ok(())
    }
    fn visit_none<E>(self) -> Result<(), E> {
        Ok(())
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        let (first, rest) = self.0.split_first().map_or((None, &[][..]), |(f, r)| (Some(f), r));
        let mut i = 0;
        loop {
            let found = match first {
                Some(Step::Index(n)) if *n == i => seq.next_element_seed(Find(rest))?,
                _ => seq.next_element::<IgnoredAny>()?.map(|_| ()),
            };
            if found.is_none() {
                return Ok(());
            }
            i += 1;
        }
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let (first, rest) = self.0.split_first().map_or((None, &[][..]), |(f, r)| (Some(f), r));
        while let Some(key) = map.next_key::<Value>()? {
            match first {
                Some(Step::Key(k)) if key.as_str() == Some(k.as_str()) => map.next_value_seed(Find(rest))?,
                _ => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        Ok(())
    }
}

/// The line and column (1-based) of the value `key` names in YAML `text`, or of its closest
/// parent the text has; `None` when the text does not parse or has none of it.
pub fn locate(text: &str, key: &str) -> Option<(usize, usize)> {
    let doc: Value = serde_yaml::from_str(text).ok()?;
    let steps = resolve(&doc, key);
    if steps.is_empty() {
        return None;
    }
    let err = Find(&steps).deserialize(serde_yaml::Deserializer::from_str(text)).err()?;
    err.location().map(|l| (l.line(), l.column()))
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "a: 1\nmapping:\n  rds:\n    storage_headroom: 0\nphases:\n  - phase: 1\n    engineer_weeks: {low: 1, expected: 2, high: 3}\n  - phase: 4\n    name: compute\nself_hosted:\n  hosts:\n    - {name: app, count: 2}\n";

    #[test]
    fn keys_are_located_at_their_value() {
        assert_eq!(locate(TEXT, "a"), Some((1, 4)));
        assert_eq!(locate(TEXT, "mapping.rds.storage_headroom"), Some((4, 23)));
        assert_eq!(locate(TEXT, "phases[0].engineer_weeks"), Some((7, 21)));
        assert_eq!(locate(TEXT, "phases[0].engineer_weeks.high"), Some((7, 49)));
        // A list entry by its index or its name.
        assert_eq!(locate(TEXT, "phases[1].name"), Some((9, 11)));
        assert_eq!(locate(TEXT, "self_hosted.hosts.app.count"), Some((12, 26)));
        assert_eq!(locate(TEXT, "self_hosted.hosts[app].count"), Some((12, 26)));
    }

    #[test]
    fn a_missing_key_is_located_at_its_parent() {
        assert_eq!(locate(TEXT, "mapping.rds.multi_az"), Some((4, 5)));
        assert_eq!(locate(TEXT, "nothing.here"), None);
        assert_eq!(locate("[unclosed", "a"), None);
    }
}
