//! A scenario file's values flattened to `(key path, value)` pairs, for the plan's `scenario.inputs`.

/// Every value of a scenario file as `(key path, value)`, in the file's order: nested keys joined
/// with `.`, list entries named by their `name` (or `phase`) when they have one, else by index;
/// a `{low, expected, high}` range stays one value; the `expect:` block is left out.
pub fn inputs(text: &str) -> Vec<(String, String)> {
    use serde_yaml::Value;
    fn scalar(v: &Value) -> String {
        match v {
            Value::Null => "null".into(),
            Value::Bool(b) => b.to_string(),
            Value::Number(n) => n.to_string(),
            Value::String(s) => s.clone(),
            Value::Sequence(items) => format!("[{}]", items.iter().map(scalar).collect::<Vec<_>>().join(", ")),
            Value::Mapping(m) => format!(
                "{{{}}}",
                m.iter().map(|(k, v)| format!("{}: {}", scalar(k), scalar(v))).collect::<Vec<_>>().join(", ")
            ),
            Value::Tagged(t) => scalar(&t.value),
        }
    }
    fn is_range(m: &serde_yaml::Mapping) -> bool {
        m.len() == 3 && ["low", "expected", "high"].iter().all(|k| m.contains_key(*k))
    }
    fn walk(prefix: &str, v: &Value, out: &mut Vec<(String, String)>) {
        match v {
            Value::Mapping(m) if !is_range(m) && !m.is_empty() => {
                // `expect:` is what `scenarios check` holds the plan to, not an input of the plan.
                for (k, v) in m.iter().filter(|(k, _)| !(prefix.is_empty() && k.as_str() == Some("expect"))) {
                    let key = if prefix.is_empty() { scalar(k) } else { format!("{prefix}.{}", scalar(k)) };
                    walk(&key, v, out);
                }
            }
            Value::Sequence(items) if items.iter().any(|i| matches!(i, Value::Mapping(_))) => {
                for (n, item) in items.iter().enumerate() {
                    let label = item.get("name").or_else(|| item.get("phase")).map_or_else(|| n.to_string(), scalar);
                    walk(&format!("{prefix}[{label}]"), item, out);
                }
            }
            other => out.push((prefix.to_string(), scalar(other))),
        }
    }
    let mut out = Vec::new();
    if crate::input::check_yaml_depth(text, std::path::Path::new(""), "scenario").is_err() {
        return out;
    }
    if let Ok(v) = serde_yaml::from_str::<Value>(text) {
        walk("", &v, &mut out);
    }
    out
}
