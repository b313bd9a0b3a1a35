//! Rule expressions for the used-series analysis: from a server's `/api/v1/rules` (Prometheus, or
//! vmalert behind VictoriaMetrics' `-vmalert.proxyURL`) and from Prometheus rule files
//! (`--rule-files GLOB`, also Kubernetes `PrometheusRule` objects with `spec.groups`).

use std::path::Path;

use anyhow::{bail, Result};
use serde_json::Value;

use super::{read_limited, Unparsed};

/// Largest rule file read.
pub const MAX_RULE_FILE_BYTES: u64 = 16 << 20;

/// One rule's expression.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rule {
    /// Where it is: `rule group "G" (file), record NAME` or `..., alert NAME`.
    pub source: String,
    /// The series a recording rule writes; `None` for an alerting rule.
    pub record: Option<String>,
    /// The PromQL expression.
    pub expr: String,
}

fn source(group: &str, file: &str, place: &str, kind: &str, name: &str) -> String {
    let file = if file.is_empty() { String::new() } else { format!("{file} ") };
    format!("rule group \"{group}\" ({file}{place}), {kind} {name}")
}

/// The rules in a `/api/v1/rules` answer's `data` from `server` (credentials redacted).
pub fn from_api(data: &Value, server: &str) -> Vec<Rule> {
    let mut out = Vec::new();
    for g in data.get("groups").and_then(Value::as_array).into_iter().flatten() {
        let group = g.get("name").and_then(Value::as_str).unwrap_or("");
        let file = g.get("file").and_then(Value::as_str).unwrap_or("");
        for r in g.get("rules").and_then(Value::as_array).into_iter().flatten() {
            let name = r.get("name").and_then(Value::as_str).unwrap_or("");
            let Some(expr) = r.get("query").and_then(Value::as_str) else { continue };
            // vmalert also runs Graphite and VictoriaLogs rules: they read no Prometheus series.
            let ds_type = r.get("datasourceType").or_else(|| g.get("type")).and_then(Value::as_str);
            if ds_type.is_some_and(|t| t != "prometheus") {
                continue;
            }
            let recording = r.get("type").and_then(Value::as_str) == Some("recording");
            let kind = if recording { "record" } else { "alert" };
            out.push(Rule {
                source: source(group, file, &format!("on {server}"), kind, name),
                record: recording.then(|| name.to_string()),
                expr: expr.to_string(),
            });
        }
    }
    out
}

/// The rules of every file matching the `--rule-files` patterns, in path order. A pattern that
/// matches nothing, an unreadable file or one that is not a rule file is an error; a rule without
/// an expression is listed in `unparsed`.
pub fn from_files(patterns: &[String], unparsed: &mut Vec<Unparsed>) -> Result<Vec<Rule>> {
    let mut out = Vec::new();
    for pattern in patterns {
        let paths = glob::glob(pattern).map_err(|e| {
            anyhow::anyhow!("invalid --rule-files pattern '{pattern}': {e}; hint: quote it, e.g. 'rules/*.yml'")
        })?;
        let mut files: Vec<_> = paths.filter_map(|p| p.ok()).filter(|p| p.is_file()).collect();
        files.sort();
        if files.is_empty() {
            bail!("--rule-files '{pattern}' matches no file; hint: check the path, and quote the pattern so the shell does not expand it");
        }
        for file in files {
            out.extend(from_file(&file, unparsed)?);
        }
    }
    Ok(out)
}

fn from_file(path: &Path, unparsed: &mut Vec<Unparsed>) -> Result<Vec<Rule>> {
    let text = read_limited(path, MAX_RULE_FILE_BYTES, "rule file")?;
    let doc: serde_yaml::Value = crate::input::parse_yaml(&text, path, "rule file")?;
    let groups = doc
        .get("groups")
        .or_else(|| doc.get("spec").and_then(|s| s.get("groups")))
        .and_then(serde_yaml::Value::as_sequence);
    let Some(groups) = groups else {
        bail!(
            "rule file '{}' has no `groups:` list; hint: --rule-files takes Prometheus rule files \
             (groups: [{{name, rules: [{{record|alert, expr}}]}}])",
            path.display()
        );
    };
    let file = path.display().to_string();
    let text_of = |v: Option<&serde_yaml::Value>| -> Option<String> {
        match v? {
            serde_yaml::Value::String(s) => Some(s.clone()),
            serde_yaml::Value::Number(n) => Some(n.to_string()),
            _ => None,
        }
    };
    let mut out = Vec::new();
    for g in groups {
        let group = text_of(g.get("name")).unwrap_or_default();
        for r in g.get("rules").and_then(serde_yaml::Value::as_sequence).into_iter().flatten() {
            let record = text_of(r.get("record"));
            let (kind, name) = match &record {
                Some(n) => ("record", n.clone()),
                None => ("alert", text_of(r.get("alert")).unwrap_or_default()),
            };
            let src = source(&group, "", &file, kind, &name);
            match text_of(r.get("expr")) {
                Some(expr) => out.push(Rule { source: src, record, expr }),
                None => unparsed.push(Unparsed { source: src, expr: String::new(), error: "no `expr`".into() }),
            }
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_rules_api_answer() {
        let data: Value = serde_json::from_str(
            r#"{"groups":[{"name":"g","file":"/etc/r.yml","rules":[
              {"type":"alerting","name":"Down","query":"up == 0"},
              {"type":"recording","name":"job:x:sum","query":"sum by (job) (x)"}]}]}"#,
        )
        .unwrap();
        let rules = from_api(&data, "http://p:9090");
        assert_eq!(rules.len(), 2);
        assert_eq!(rules[0].source, "rule group \"g\" (/etc/r.yml on http://p:9090), alert Down");
        assert_eq!(rules[1].record.as_deref(), Some("job:x:sum"));
    }

    #[test]
    fn reads_rule_files_and_names_bad_ones() {
        let dir = tempfile::tempdir().unwrap();
        let good = dir.path().join("a.yml");
        std::fs::write(
            &good,
            "groups:\n- name: g\n  rules:\n  - record: r:x\n    expr: sum(x)\n  - alert: A\n    expr: r:x > 1\n  - alert: NoExpr\n",
        )
        .unwrap();
        let crd = dir.path().join("b.yaml");
        std::fs::write(
            &crd,
            "kind: PrometheusRule\nspec:\n  groups:\n  - name: k\n    rules:\n    - alert: B\n      expr: 1\n",
        )
        .unwrap();
        let mut unparsed = Vec::new();
        let pattern = format!("{}/*.y*ml", dir.path().display());
        let rules = from_files(&[pattern], &mut unparsed).unwrap();
        assert_eq!(rules.iter().map(|r| r.expr.as_str()).collect::<Vec<_>>(), ["sum(x)", "r:x > 1", "1"]);
        assert_eq!(unparsed.len(), 1);
        assert!(unparsed[0].source.ends_with("alert NoExpr"), "{unparsed:?}");

        let bad = dir.path().join("c.yml");
        std::fs::write(&bad, "secret-value: [unclosed\n").unwrap();
        let err = format!("{:#}", from_files(&[bad.display().to_string()], &mut unparsed).unwrap_err());
        assert!(err.contains("c.yml:") && !err.contains("secret-value"), "{err}");
        let err = from_files(&[format!("{}/none*.yml", dir.path().display())], &mut unparsed).unwrap_err();
        assert!(err.to_string().contains("matches no file"), "{err}");
    }
}
