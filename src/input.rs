//! Reading input files (scenarios, usage files, snapshots, price books, plan JSON, secrets) into
//! text and typed values, bounded and quiet: every file has a size limit ([`Limit`]), checked
//! while reading so that `/dev/zero` or an endless FIFO cannot exhaust memory; text must be UTF-8;
//! and parse errors name the file, the key, the line and the column and say what is allowed, but
//! never quote the file's contents (a token file given as a snapshot must not leak into an error).

use std::cell::Cell;
use std::fmt;
use std::io::Read;
use std::path::Path;

use anyhow::{anyhow, bail, Context, Result};
use serde::de::{self, DeserializeOwned, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;
use serde_json::{Map, Value};

use crate::redact;

/// A kind of input file and the most obs-cost reads of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limit {
    /// What the file is, for errors (`scenario`, `usage snapshot`).
    pub what: &'static str,
    /// The largest file read, in bytes.
    pub max_bytes: u64,
}

const MIB: u64 = 1024 * 1024;

/// A scenario file (the bundled ones are under 12 KiB).
pub const SCENARIO: Limit = Limit { what: "scenario", max_bytes: MIB };
/// An `estimate --aws-usage` file.
pub const AWS_USAGE: Limit = Limit { what: "usage file", max_bytes: MIB };
/// A usage snapshot (`usage.snapshot`, `--usage`, `--actual`): 10,000 top metrics take about
/// 0.6 MiB, so 2 MiB holds some 30,000 (YAML costs the parser up to 30 bytes of memory per byte).
pub const SNAPSHOT: Limit = Limit { what: "usage snapshot", max_bytes: 2 * MIB };
/// One price-book file (the bundled us-east-1 book is 86 KiB).
pub const PRICE_BOOK: Limit = Limit { what: "price-book file", max_bytes: 2 * MIB };
/// A plan JSON (`report --from`, `plan --compare-to`, a golden): the bundled ones are under 200 KiB.
pub const PLAN_JSON: Limit = Limit { what: "plan JSON", max_bytes: 8 * MIB };
/// A bearer-token or password file.
pub const SECRET: Limit = Limit { what: "secret file", max_bytes: 64 * 1024 };
/// A `--ca-file` PEM bundle.
pub const CA_FILE: Limit = Limit { what: "CA certificate file", max_bytes: MIB };

/// A size in the units the limits are documented in.
pub fn human_bytes(bytes: u64) -> String {
    if bytes >= MIB && bytes % MIB == 0 {
        format!("{} MiB", bytes / MIB)
    } else if bytes >= 1024 && bytes % 1024 == 0 {
        format!("{} KiB", bytes / 1024)
    } else {
        format!("{bytes} bytes")
    }
}

/// Reads at most `limit.max_bytes` of a file; a larger file (or an endless one such as
/// `/dev/zero`) is an error naming the limit, read no further.
pub fn read_bytes(path: &Path, limit: Limit) -> Result<Vec<u8>> {
    let file = std::fs::File::open(path).with_context(|| format!("cannot read {} '{}'", limit.what, path.display()))?;
    if file.metadata().is_ok_and(|m| m.is_dir()) {
        bail!("cannot read {} '{}': it is a directory\nhint: give a file", limit.what, path.display());
    }
    let mut bytes = Vec::new();
    file.take(limit.max_bytes + 1)
        .read_to_end(&mut bytes)
        .with_context(|| format!("cannot read {} '{}'", limit.what, path.display()))?;
    if bytes.len() as u64 > limit.max_bytes {
        bail!(
            "{} '{}' is larger than {}, the most obs-cost reads of a {}; nothing of it was used\nhint: check that the path names the right file",
            limit.what,
            path.display(),
            human_bytes(limit.max_bytes),
            limit.what
        );
    }
    Ok(bytes)
}

/// Reads a UTF-8 text file of at most `limit.max_bytes`.
pub fn read_text(path: &Path, limit: Limit) -> Result<String> {
    let bytes = read_bytes(path, limit)?;
    String::from_utf8(bytes).map_err(|e| {
        anyhow!(
            "{} '{}' is not UTF-8 text (invalid byte at offset {}); its contents are not shown\nhint: check that the path names a {} file",
            limit.what,
            path.display(),
            e.utf8_error().valid_up_to(),
            limit.what
        )
    })
}

/// Reads and parses a YAML file; `limit.what` names the kind of file in errors ("usage file").
pub fn read_yaml<T: DeserializeOwned>(path: &Path, limit: Limit) -> Result<T> {
    let text = read_text(path, limit)?;
    parse_yaml(&text, path, limit.what)
}

/// The deepest nesting a YAML file may have (flow brackets, or `- - -` on one line): obs-cost's
/// formats nest fewer than 10 levels, and a deeper file would cost the parser time and memory
/// before failing.
pub const MAX_YAML_DEPTH: usize = 64;

/// Refuses YAML nested deeper than [`MAX_YAML_DEPTH`], scanning the text before it is parsed.
pub fn check_yaml_depth(text: &str, path: &Path, what: &str) -> Result<()> {
    let (mut depth, mut quote, mut escaped) = (0usize, None::<char>, false);
    for (n, line) in text.lines().enumerate() {
        // Block sequences opened on one line: `- - - x`.
        let mut dashes = 0;
        let mut rest = line.trim_start();
        while let Some(r) = rest.strip_prefix("- ").or_else(|| rest.strip_prefix("? ")) {
            dashes += 1;
            rest = r.trim_start();
        }
        let mut worst = dashes;
        for (col, c) in line.char_indices() {
            match quote {
                Some(q) => {
                    if escaped {
                        escaped = false;
                    } else if c == '\\' && q == '"' {
                        escaped = true;
                    } else if c == q {
                        quote = None;
                    }
                }
                None => match c {
                    '#' if col == 0 || line[..col].ends_with([' ', '\t']) => break,
                    '"' | '\'' => quote = Some(c),
                    '[' | '{' => {
                        depth += 1;
                        worst = worst.max(depth);
                    }
                    ']' | '}' => depth = depth.saturating_sub(1),
                    _ => {}
                },
            }
            if worst > MAX_YAML_DEPTH {
                bail!(
                    "invalid {what} {}:{}:{}: nested deeper than {MAX_YAML_DEPTH} levels, which no {what} is\nhint: {}",
                    path.display(),
                    n + 1,
                    col + 1,
                    format_hint(what)
                );
            }
        }
        if quote == Some('\'') {
            // A single-quoted scalar may span lines; a stray apostrophe in a plain scalar may not
            // be a quote at all: do not let it hide the brackets of the lines after it.
            quote = None;
        }
    }
    Ok(())
}

/// Parses YAML text read from `path`: errors give file, line and column, and the parser's message
/// with any quoted contents of the file scrubbed; a string with a terminal control character is
/// refused with its key (see [`reject_control_characters`]), and so is a file nested too deep.
pub fn parse_yaml<T: DeserializeOwned>(text: &str, path: &Path, what: &str) -> Result<T> {
    check_yaml_depth(text, path, what)?;
    let value: serde_yaml::Value = serde_yaml::from_str(text).map_err(|err| yaml_error(&err, path, what))?;
    reject_control_characters(&value, path, what)?;
    serde_yaml::from_str(text).map_err(|err| yaml_error(&err, path, what))
}

/// Where the format of a kind of file is documented, for the `hint:` line of its parse errors.
pub fn format_hint(what: &str) -> &'static str {
    match what {
        "scenario" => "see scenarios/example.yaml, which shows every key",
        "usage file" => "see examples/aws-usage.yaml, which shows every key",
        "usage snapshot" => "give a file written by `obs-cost measure` (format: src/measure/mod.rs)",
        "price-book file" | "price book file" => "see pricing-data/README.md for the price-book format",
        _ => "give a file written by `obs-cost plan --format json`",
    }
}

/// A located, scrubbed error for a YAML parse failure, with a `hint:` line.
pub fn yaml_error(err: &serde_yaml::Error, path: &Path, what: &str) -> anyhow::Error {
    let message = err.to_string();
    let hint = format_hint(what);
    match err.location() {
        Some(loc) => {
            // serde_yaml appends " at line L column C"; show it first, compiler-style.
            let suffix = format!(" at line {} column {}", loc.line(), loc.column());
            let message = message.strip_suffix(&suffix).unwrap_or(&message);
            anyhow!(
                "invalid {what} {}:{}:{}: {}\nhint: {hint}",
                path.display(),
                loc.line(),
                loc.column(),
                redact::scrub_parse_error(message)
            )
        }
        None => anyhow!("invalid {what} {}: {}\nhint: {hint}", path.display(), redact::scrub_parse_error(&message)),
    }
}

/// A scrubbed error for a JSON parse failure (`what` names the file), with a `hint:` line.
pub fn json_error(err: &serde_json::Error, what: &str, hint: &str) -> anyhow::Error {
    anyhow!("{what} is not valid JSON: {}\nhint: {hint}", redact::scrub_parse_error(&err.to_string()))
}

/// The first key or string of a JSON document (a plan) with a terminal control character, with
/// its key path, as [`reject_control_characters`] finds them in YAML.
pub fn json_control_character(value: &Value) -> Option<(String, char)> {
    fn walk(prefix: &str, v: &Value) -> Option<(String, char)> {
        match v {
            Value::String(s) => redact::find_control(s).map(|c| (prefix.to_string(), c)),
            Value::Array(items) => items.iter().enumerate().find_map(|(i, item)| walk(&format!("{prefix}[{i}]"), item)),
            Value::Object(map) => map.iter().find_map(|(k, item)| {
                let key = if prefix.is_empty() { k.clone() } else { format!("{prefix}.{k}") };
                match redact::find_control(k) {
                    Some(c) => Some((redact::escape_control(&key), c)),
                    None => walk(&key, item),
                }
            }),
            _ => None,
        }
    }
    walk("", value)
}

/// Checks every string (keys and values) of a YAML document for terminal control characters
/// (ANSI escapes and the like, written as `"\e[31m"` in a quoted scalar): they are refused with the
/// key path, so that no name from a file can reach the terminal and rewrite it.
pub fn reject_control_characters(value: &serde_yaml::Value, path: &Path, what: &str) -> Result<()> {
    fn walk(prefix: &str, v: &serde_yaml::Value) -> Option<(String, char)> {
        use serde_yaml::Value;
        match v {
            Value::String(s) => redact::find_control(s).map(|c| (prefix.to_string(), c)),
            Value::Sequence(items) => {
                items.iter().enumerate().find_map(|(i, item)| walk(&format!("{prefix}[{i}]"), item))
            }
            Value::Mapping(map) => map.iter().find_map(|(k, item)| {
                let name = match k {
                    Value::String(s) => s.clone(),
                    other => serde_yaml::to_string(other).unwrap_or_default().trim().to_string(),
                };
                let key = if prefix.is_empty() { name.clone() } else { format!("{prefix}.{name}") };
                if let Some(c) = redact::find_control(&name) {
                    return Some((redact::escape_control(&key), c));
                }
                walk(&key, item)
            }),
            Value::Tagged(t) => walk(prefix, &t.value),
            _ => None,
        }
    }
    if let Some((key, c)) = walk("", value) {
        bail!(
            "invalid {what} {}: {}: contains the control character {} (an ANSI escape or similar), which obs-cost refuses so that it cannot reach a terminal\nhint: remove it; names and notes are plain text",
            path.display(),
            if key.is_empty() { "the document" } else { &key },
            c.escape_unicode()
        );
    }
    Ok(())
}

/// The most JSON values (objects, arrays, strings, numbers...) of a document read as a tree: a
/// plan JSON with 10,000 top metrics has about 100,000.
pub const MAX_JSON_NODES: usize = 1_000_000;

/// The key under which serde_json (with `arbitrary_precision`) passes a number to `deserialize_any`.
const JSON_NUMBER_TOKEN: &str = "$serde_json::private::Number";

/// Parses JSON text into a tree of at most [`MAX_JSON_NODES`] values (a flat list of a million
/// numbers would otherwise take gigabytes as a `serde_json::Value`).
pub fn parse_json(text: &str) -> serde_json::Result<Value> {
    serde_json::from_str::<BoundedJson>(text).map(|b| b.0)
}

/// Any JSON document (a plan JSON, an API answer) as a `serde_json::Value`, built with a budget of [`MAX_JSON_NODES`] values so
/// that a hostile answer cannot grow the tree without bound.
#[derive(Debug, Clone, PartialEq)]
pub struct BoundedJson(pub Value);

impl<'de> Deserialize<'de> for BoundedJson {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let budget = Cell::new(MAX_JSON_NODES);
        Node { budget: &budget }.deserialize(d).map(BoundedJson)
    }
}

#[derive(Clone, Copy)]
struct Node<'b> {
    budget: &'b Cell<usize>,
}

impl Node<'_> {
    fn spend<E: de::Error>(&self) -> Result<(), E> {
        match self.budget.get().checked_sub(1) {
            Some(left) => {
                self.budget.set(left);
                Ok(())
            }
            None => Err(E::custom(format!(
                "the answer has more than {MAX_JSON_NODES} JSON values, more than obs-cost reads"
            ))),
        }
    }
}

impl<'de> DeserializeSeed<'de> for Node<'_> {
    type Value = Value;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Node<'_> {
    type Value = Value;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }
    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Value, E> {
        self.spend()?;
        Ok(Value::Bool(v))
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Value, E> {
        self.spend()?;
        Ok(Value::from(v))
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Value, E> {
        self.spend()?;
        Ok(Value::from(v))
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Value, E> {
        self.spend()?;
        Ok(serde_json::Number::from_f64(v).map_or(Value::Null, Value::Number))
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Value, E> {
        self.spend()?;
        Ok(Value::String(v.to_string()))
    }
    fn visit_string<E: de::Error>(self, v: String) -> Result<Value, E> {
        self.spend()?;
        Ok(Value::String(v))
    }
    fn visit_unit<E: de::Error>(self) -> Result<Value, E> {
        self.spend()?;
        Ok(Value::Null)
    }
    fn visit_none<E: de::Error>(self) -> Result<Value, E> {
        self.visit_unit()
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        d.deserialize_any(self)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        self.spend()?;
        let mut out = Vec::new();
        while let Some(v) = seq.next_element_seed(self)? {
            out.push(v);
        }
        Ok(Value::Array(out))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        self.spend()?;
        let mut out = Map::new();
        while let Some(k) = map.next_key::<String>()? {
            if k == JSON_NUMBER_TOKEN && out.is_empty() {
                let text: String = map.next_value()?;
                return text.parse().map(Value::Number).map_err(de::Error::custom);
            }
            let v = map.next_value_seed(self)?;
            out.insert(k, v);
        }
        Ok(Value::Object(out))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::AwsUsage;

    #[test]
    fn errors_name_file_key_line_and_column() {
        let err = parse_yaml::<AwsUsage>("cloudwatch_logs:\n  ingested_gb: -5\n", Path::new("u.yaml"), "usage file")
            .unwrap_err()
            .to_string();
        assert_eq!(
            err,
            "invalid usage file u.yaml:2:16: cloudwatch_logs.ingested_gb: invalid value: integer `-5`, expected a non-negative finite number\nhint: see examples/aws-usage.yaml, which shows every key"
        );
    }

    #[test]
    fn a_token_file_is_not_echoed() {
        let token = "ghp_16C7e42F292c6912E7710c838347Ae178B4a";
        let err = format!("{:#}", parse_yaml::<AwsUsage>(token, Path::new("t"), "usage file").unwrap_err());
        assert!(!err.contains(token) && !err.contains("16C7e42F"), "{err}");
        let err = format!("{:#}", parse_yaml::<AwsUsage>("hunter2", Path::new("t"), "usage file").unwrap_err());
        assert!(!err.contains("hunter2"), "{err}");
    }

    #[test]
    fn files_are_read_up_to_their_limit() {
        let limit = Limit { what: "test file", max_bytes: 16 };
        let err = format!("{:#}", read_bytes(Path::new("/dev/zero"), limit).unwrap_err());
        assert!(err.contains("larger than 16 bytes") && err.contains("hint:"), "{err}");
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("bin");
        std::fs::write(&p, [0xff, 0xfe, b's', b'e', b'c']).unwrap();
        let err = format!("{:#}", read_text(&p, limit).unwrap_err());
        assert!(err.contains("not UTF-8") && !err.contains("sec"), "{err}");
        assert_eq!(human_bytes(8 * MIB), "8 MiB");
    }

    #[test]
    fn deep_nesting_is_refused_before_parsing() {
        let deep = "[".repeat(MAX_YAML_DEPTH + 1);
        let err = check_yaml_depth(&deep, Path::new("d.yaml"), "scenario").unwrap_err().to_string();
        assert!(err.contains("d.yaml:1:65: nested deeper than 64 levels") && err.contains("hint:"), "{err}");
        let dashes = "- ".repeat(MAX_YAML_DEPTH + 1) + "x";
        assert!(check_yaml_depth(&dashes, Path::new("d.yaml"), "scenario").is_err());
        // Brackets in quotes and comments do not count; every bundled file passes.
        let quoted = format!("a: \"{}\" # {}\nb: '{}'\n", "[".repeat(100), "{".repeat(100), "[".repeat(100));
        check_yaml_depth(&quoted, Path::new("q.yaml"), "scenario").unwrap();
        for dir in ["scenarios", "pricing-data", "examples"] {
            for e in std::fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join(dir)).unwrap() {
                let p = e.unwrap().path();
                if p.extension().is_some_and(|x| x == "yaml") {
                    check_yaml_depth(&std::fs::read_to_string(&p).unwrap(), &p, "scenario").unwrap();
                }
            }
        }
    }

    #[test]
    fn control_characters_are_refused_with_their_key() {
        let v: serde_yaml::Value = serde_yaml::from_str("team: {name: \"a\\e[31mb\"}\n").unwrap();
        let err = reject_control_characters(&v, Path::new("s.yaml"), "scenario").unwrap_err().to_string();
        assert!(err.contains("s.yaml: team.name") && err.contains("\\u{1b}"), "{err}");
        let v: serde_yaml::Value = serde_yaml::from_str("notes: \"line one\\nline two\\tok\"\n").unwrap();
        reject_control_characters(&v, Path::new("s.yaml"), "scenario").unwrap();
    }
}
