//! The Prometheus queries inside Grafana dashboard JSON: the classic model (`panels[]`, nested and
//! collapsed rows' `panels[]`, pre-5.0 `rows[].panels[]`, `templating.list[]`,
//! `annotations.list[]`), the v1 resource (`spec` holds the classic model) and the v2 resource
//! (`spec.elements`, `spec.variables`, `spec.annotations`); library panels (from the dashboard's
//! `__elements`, from library-panel files or from Grafana's API); and datasources at panel and
//! query level (`{type, uid}`, a name, `${DS_...}` inputs, datasource variables, mixed), so that
//! Loki, Tempo, SQL and other queries are skipped. No I/O (see `grafana_api`).

use std::collections::BTreeMap;

use serde_json::Value;

use super::promql::Vars;
use super::Unparsed;

/// Datasource plugin ids that speak PromQL.
const PROMQL_PLUGINS: &[&str] = &[
    "prometheus",
    "grafana-amazonprometheus-datasource",
    "grafana-azureprometheus-datasource",
    "victoriametrics-metrics-datasource",
    "victoriametrics-datasource",
];

/// Words in a legacy datasource *name* that mean it is not Prometheus.
const OTHER_NAMES: &[&str] = &[
    "loki",
    "tempo",
    "jaeger",
    "zipkin",
    "elastic",
    "opensearch",
    "influx",
    "graphite",
    "mysql",
    "postgres",
    "mssql",
    "cloudwatch",
    "pyroscope",
    "redis",
    "clickhouse",
    "testdata",
    "-- grafana --",
    "-- dashboard --",
];

/// A query found in a dashboard.
#[derive(Debug, Clone)]
pub struct Query {
    /// `dashboard "T" (uid U), panel "P" (id N), query A`, `..., variable job`, ...
    pub source: String,
    /// The expression, before variable substitution.
    pub expr: String,
    /// A templating (variable) query: `label_values(...)` and `query_result(...)` apply.
    pub variable: bool,
    /// The dashboard's static variables.
    pub vars: Vars,
}

/// Library panels by uid: `(name, model)`.
pub type LibraryPanels = BTreeMap<String, (String, Value)>;

/// What the datasource of a panel or query is.
#[derive(Debug, Clone, PartialEq)]
enum Ds {
    /// Not given: the enclosing panel's, or the dashboard default.
    Inherit,
    /// Speaks PromQL, or is the default (most often Prometheus).
    PromQl,
    /// Each query says.
    Mixed,
    /// Another plugin.
    Other,
}

/// Where datasource variables and `${DS_...}` inputs point.
#[derive(Default)]
struct DsNames {
    plugins: BTreeMap<String, String>,
}

impl DsNames {
    fn plugin_kind(plugin: &str) -> Ds {
        match plugin {
            p if PROMQL_PLUGINS.contains(&p) => Ds::PromQl,
            "datasource" | "-- Mixed --" => Ds::Mixed,
            _ => Ds::Other,
        }
    }

    /// A datasource reference given as text: a variable, a uid or a legacy name.
    fn text(&self, s: &str) -> Ds {
        let var = s.trim_start_matches("${").trim_start_matches('$').trim_end_matches('}');
        let var = var.trim_start_matches("[[").trim_end_matches("]]");
        let var = var.split(':').next().unwrap_or(var);
        if s.starts_with('$') || s.starts_with("[[") {
            return match self.plugins.get(var) {
                Some(p) => Self::plugin_kind(p),
                None => Ds::PromQl,
            };
        }
        match s {
            "" => Ds::Inherit,
            "-- Mixed --" => Ds::Mixed,
            "default" => Ds::PromQl,
            _ => {
                let lower = s.to_ascii_lowercase();
                if OTHER_NAMES.iter().any(|w| lower.contains(w)) {
                    Ds::Other
                } else {
                    Ds::PromQl
                }
            }
        }
    }

    fn kind(&self, ds: Option<&Value>) -> Ds {
        match ds {
            None | Some(Value::Null) => Ds::Inherit,
            Some(Value::String(s)) => self.text(s),
            Some(Value::Object(o)) => {
                let uid = o.get("uid").and_then(Value::as_str).unwrap_or("");
                match o.get("type").and_then(Value::as_str) {
                    _ if uid == "-- Mixed --" => Ds::Mixed,
                    Some("__expr__") | Some("grafana") => Ds::Other,
                    Some(t) if t.starts_with('$') => self.text(t),
                    Some(t) => Self::plugin_kind(t),
                    None if uid.is_empty() => Ds::Inherit,
                    None => self.text(uid),
                }
            }
            Some(_) => Ds::Other,
        }
    }
}

fn text<'a>(v: &'a Value, key: &str) -> &'a str {
    v.get(key).and_then(Value::as_str).unwrap_or("")
}

fn list<'a>(v: &'a Value, key: &str) -> &'a [Value] {
    v.get(key).and_then(Value::as_array).map(Vec::as_slice).unwrap_or_default()
}

/// A value as text (variable values may be strings, numbers or lists).
fn value_text(v: Option<&Value>) -> Option<String> {
    match v? {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Array(a) => value_text(a.first()),
        Value::Object(o) => value_text(o.get("value")),
        _ => None,
    }
}

/// True when a JSON document looks like a dashboard (any schema), a library panel, or neither.
pub enum Document<'a> {
    /// A dashboard: the classic model, or a v1/v2 resource.
    Dashboard(&'a Value),
    /// A library panel (`/api/library-elements/:uid` answer or export): uid, name, model.
    LibraryPanel(String, String, &'a Value),
    /// Anything else.
    Other,
}

/// Classifies a JSON document found in a dashboards directory or returned by the API.
pub fn classify(doc: &Value) -> Document<'_> {
    let doc = doc.get("dashboard").filter(|d| d.is_object()).unwrap_or(doc);
    let element = doc.get("result").filter(|r| r.get("model").is_some()).unwrap_or(doc);
    if let (Some(model), Some(uid)) = (element.get("model"), element.get("uid").and_then(Value::as_str)) {
        if element.get("kind").and_then(Value::as_i64).unwrap_or(1) == 1 && model.is_object() {
            return Document::LibraryPanel(uid.to_string(), text(element, "name").to_string(), model);
        }
    }
    let is_dashboard = ["panels", "rows", "templating"].iter().any(|k| doc.get(*k).is_some())
        || doc.get("spec").is_some_and(|s| s.get("elements").is_some() || s.get("panels").is_some());
    if is_dashboard {
        Document::Dashboard(doc)
    } else {
        Document::Other
    }
}

/// Library panels a dashboard carries itself (`__elements` of an export for sharing).
pub fn embedded_library_panels(dashboard: &Value, into: &mut LibraryPanels) {
    if let Some(elements) = dashboard.get("__elements").and_then(Value::as_object) {
        for (uid, e) in elements {
            if let Some(model) = e.get("model").filter(|m| m.is_object()) {
                into.entry(uid.clone()).or_insert_with(|| (text(e, "name").to_string(), model.clone()));
            }
        }
    }
}

/// Library panel uids a dashboard references (classic `libraryPanel.uid`, v2 `LibraryPanel`).
pub fn library_panel_uids(dashboard: &Value) -> Vec<String> {
    fn walk(v: &Value, out: &mut Vec<String>, depth: usize) {
        if depth > 64 {
            return;
        }
        match v {
            Value::Object(o) => {
                if let Some(uid) = o.get("libraryPanel").and_then(|l| l.get("uid")).and_then(Value::as_str) {
                    out.push(uid.to_string());
                }
                for (k, child) in o {
                    if k != "__elements" {
                        walk(child, out, depth + 1);
                    }
                }
            }
            Value::Array(a) => a.iter().for_each(|c| walk(c, out, depth + 1)),
            _ => {}
        }
    }
    let mut out = Vec::new();
    walk(dashboard, &mut out, 0);
    out.sort();
    out.dedup();
    out
}

struct Walker<'a> {
    name: String,
    vars: Vars,
    ds: DsNames,
    library: &'a LibraryPanels,
    out: Vec<Query>,
    unparsed: Vec<Unparsed>,
}

impl Walker<'_> {
    fn push(&mut self, source: String, expr: &str, variable: bool) {
        if !expr.trim().is_empty() {
            self.out.push(Query { source, expr: expr.to_string(), variable, vars: self.vars.clone() });
        }
    }

    /// Classic-model variables: static values first (every query may use them), then the
    /// Prometheus query variables.
    fn classic_variables(&mut self, dash: &Value) {
        let vars = list(dash.get("templating").unwrap_or(&Value::Null), "list");
        for v in vars {
            let name = text(v, "name");
            match text(v, "type") {
                "custom" | "interval" => {
                    let first = list(v, "options")
                        .first()
                        .and_then(|o| value_text(o.get("value")))
                        .or_else(|| text(v, "query").split(',').next().map(|s| s.trim().to_string()))
                        .map(|s| s.split(" : ").last().unwrap_or(&s).trim().to_string());
                    if let Some(value) = first.filter(|s| !s.is_empty()) {
                        self.vars.set(name, &value);
                    }
                }
                "constant" | "textbox" => {
                    let value = value_text(v.get("query")).or_else(|| value_text(v.get("current")));
                    if let Some(value) = value {
                        self.vars.set(name, &value);
                    }
                }
                "datasource" => {
                    self.ds.plugins.insert(name.to_string(), text(v, "query").to_string());
                }
                _ => {}
            }
        }
        for v in vars {
            if text(v, "type") != "query" || self.ds.kind(v.get("datasource")) == Ds::Other {
                continue;
            }
            let query = match v.get("query") {
                Some(Value::Object(o)) => o.get("query").and_then(Value::as_str).unwrap_or(""),
                Some(Value::String(s)) => s,
                _ => "",
            };
            let source = format!("{}, variable {}", self.name, text(v, "name"));
            self.push(source, query, true);
        }
    }

    fn annotations(&mut self, annotations: &[Value]) {
        for a in annotations {
            if self.ds.kind(a.get("datasource")) != Ds::Other {
                let source = format!("{}, annotation \"{}\"", self.name, text(a, "name"));
                let expr = text(a, "expr").to_string();
                self.push(source, &expr, false);
            }
        }
    }

    fn panel(&mut self, p: &Value, inherited: &Ds, row: &str, depth: usize) {
        if depth > 32 {
            return;
        }
        let title = text(p, "title");
        let place = if row.is_empty() { String::new() } else { format!(", row \"{row}\"") };
        let mut label = format!("{}{place}, panel \"{title}\"", self.name);
        if let Some(id) = p.get("id").and_then(Value::as_i64) {
            label.push_str(&format!(" (id {id})"));
        }
        let mut model = p;
        if let Some(lib) = p.get("libraryPanel") {
            let uid = text(lib, "uid");
            match self.library.get(uid) {
                Some((name, m)) => {
                    label.push_str(&format!(", library panel \"{name}\""));
                    model = m;
                }
                None if list(p, "targets").is_empty() => {
                    self.unparsed.push(Unparsed {
                        source: format!("{label}, library panel \"{}\" (uid {uid})", text(lib, "name")),
                        expr: String::new(),
                        error: "library panel not found: read dashboards with --grafana URL, or put the library \
                                panel's JSON (GET /api/library-elements/UID) in a --grafana-dashboards directory"
                            .into(),
                    });
                    return;
                }
                None => {}
            }
        }
        let ds = match self.ds.kind(model.get("datasource")) {
            Ds::Inherit => inherited.clone(),
            d => d,
        };
        for t in list(model, "targets") {
            let kind = match self.ds.kind(t.get("datasource")) {
                Ds::Inherit | Ds::Mixed => ds.clone(),
                d => d,
            };
            if kind == Ds::Other {
                continue;
            }
            let source = format!("{label}, query {}", text(t, "refId"));
            self.push(source, text(t, "expr"), false);
        }
        let row_title = if text(p, "type") == "row" { title } else { row };
        for child in list(p, "panels") {
            self.panel(child, &ds, row_title, depth + 1);
        }
    }

    fn classic(&mut self, dash: &Value) {
        if let Some(inputs) = dash.get("__inputs").and_then(Value::as_array) {
            for i in inputs {
                self.ds.plugins.insert(text(i, "name").to_string(), text(i, "pluginId").to_string());
            }
        }
        self.classic_variables(dash);
        self.annotations(list(dash.get("annotations").unwrap_or(&Value::Null), "list"));
        for p in list(dash, "panels") {
            self.panel(p, &Ds::PromQl, "", 0);
        }
        for r in list(dash, "rows") {
            let ds = match self.ds.kind(r.get("datasource")) {
                Ds::Inherit => Ds::PromQl,
                d => d,
            };
            for p in list(r, "panels") {
                self.panel(p, &ds, text(r, "title"), 0);
            }
        }
    }

    /// A v2 `DataQueryKind`: its plugin (v2beta1 `group`, v2alpha1 `kind`) and its `spec`.
    fn v2_query(q: &Value) -> (&str, &Value) {
        let plugin = q.get("group").and_then(Value::as_str).unwrap_or_else(|| text(q, "kind"));
        (plugin, q.get("spec").unwrap_or(&Value::Null))
    }

    fn v2_is_promql(&self, plugin: &str, ds: Option<&Value>) -> bool {
        match (plugin, self.ds.kind(ds)) {
            ("DataQuery" | "", Ds::Other) => false,
            ("DataQuery" | "", _) => true,
            (p, _) => DsNames::plugin_kind(p) == Ds::PromQl,
        }
    }

    fn v2(&mut self, spec: &Value) {
        for v in list(spec, "variables") {
            let s = v.get("spec").unwrap_or(&Value::Null);
            let name = text(s, "name");
            match text(v, "kind") {
                "CustomVariable" | "IntervalVariable" | "ConstantVariable" | "TextVariable" => {
                    let value = list(s, "options")
                        .first()
                        .and_then(|o| value_text(o.get("value")))
                        .or_else(|| value_text(s.get("current")))
                        .or_else(|| text(s, "query").split(',').next().map(|x| x.trim().to_string()));
                    if let Some(value) = value.filter(|x| !x.is_empty()) {
                        self.vars.set(name, &value);
                    }
                }
                "DatasourceVariable" => {
                    self.ds.plugins.insert(name.to_string(), text(s, "pluginId").to_string());
                }
                _ => {}
            }
        }
        for v in list(spec, "variables") {
            if text(v, "kind") != "QueryVariable" {
                continue;
            }
            let s = v.get("spec").unwrap_or(&Value::Null);
            let (plugin, qspec) = Self::v2_query(s.get("query").unwrap_or(&Value::Null));
            let ds = s.get("datasource").or_else(|| s.get("query").and_then(|q| q.get("datasource")));
            if self.v2_is_promql(plugin, ds) {
                let query =
                    value_text(qspec.get("query")).or_else(|| value_text(qspec.get("expr"))).unwrap_or_default();
                let source = format!("{}, variable {}", self.name, text(s, "name"));
                self.push(source, &query, true);
            }
        }
        for a in list(spec, "annotations") {
            let s = a.get("spec").unwrap_or(&Value::Null);
            let (plugin, qspec) = Self::v2_query(s.get("query").unwrap_or(&Value::Null));
            if !plugin.is_empty() && self.v2_is_promql(plugin, s.get("datasource")) {
                let source = format!("{}, annotation \"{}\"", self.name, text(s, "name"));
                self.push(source, text(qspec, "expr"), false);
            }
        }
        let Some(elements) = spec.get("elements").and_then(Value::as_object) else { return };
        for (key, e) in elements {
            let s = e.get("spec").unwrap_or(&Value::Null);
            let label = format!("{}, panel \"{}\" (element {key})", self.name, text(s, "title"));
            match text(e, "kind") {
                "LibraryPanel" => {
                    let lib = s.get("libraryPanel").unwrap_or(&Value::Null);
                    let uid = text(lib, "uid");
                    match self.library.get(uid) {
                        Some((name, model)) => {
                            let model = model.clone();
                            let mut sub = format!("{label}, library panel \"{name}\"");
                            std::mem::swap(&mut self.name, &mut sub);
                            self.panel(&model, &Ds::PromQl, "", 0);
                            std::mem::swap(&mut self.name, &mut sub);
                        }
                        None => self.unparsed.push(Unparsed {
                            source: format!("{label}, library panel \"{}\" (uid {uid})", text(lib, "name")),
                            expr: String::new(),
                            error: "library panel not found: read dashboards with --grafana URL, or put the \
                                    library panel's JSON in a --grafana-dashboards directory"
                                .into(),
                        }),
                    }
                }
                _ => {
                    let queries = s.get("data").and_then(|d| d.get("spec")).map(|d| list(d, "queries"));
                    for q in queries.unwrap_or_default() {
                        let qs = q.get("spec").unwrap_or(&Value::Null);
                        let query = qs.get("query").unwrap_or(&Value::Null);
                        let (plugin, qspec) = Self::v2_query(query);
                        let ds = qs.get("datasource").or_else(|| query.get("datasource"));
                        if self.v2_is_promql(plugin, ds) {
                            let source = format!("{label}, query {}", text(qs, "refId"));
                            self.push(source, text(qspec, "expr"), false);
                        }
                    }
                }
            }
        }
    }
}

/// The Prometheus queries of one dashboard (any schema) and what could not be resolved (missing
/// library panels). `origin` names where it came from (a file or the Grafana URL).
pub fn queries(dashboard: &Value, origin: &str, library: &LibraryPanels) -> (Vec<Query>, Vec<Unparsed>) {
    // v1 and v2 resources keep the dashboard in `spec` (the classic model, or `elements`).
    let model = dashboard.get("spec").filter(|s| s.is_object()).unwrap_or(dashboard);
    let meta_uid = dashboard.get("metadata").map(|m| text(m, "name")).unwrap_or("");
    let title = text(model, "title");
    let uid = match text(model, "uid") {
        "" => meta_uid,
        u => u,
    };
    let uid = if uid.is_empty() { String::new() } else { format!(" (uid {uid})") };
    let mut w = Walker {
        name: format!("dashboard \"{title}\"{uid} in {origin}"),
        vars: Vars::default(),
        ds: DsNames::default(),
        library,
        out: Vec::new(),
        unparsed: Vec::new(),
    };
    if model.get("elements").is_some() {
        w.v2(model);
    } else {
        w.classic(model);
    }
    (w.out, w.unparsed)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn exprs(d: &Value, lib: &LibraryPanels) -> Vec<String> {
        queries(d, "test", lib).0.into_iter().map(|q| q.expr).collect()
    }

    #[test]
    fn classic_panels_rows_variables_and_datasources() {
        let d = json!({
            "uid": "abc", "title": "T",
            "__inputs": [{"name": "DS_PROM", "type": "datasource", "pluginId": "prometheus"},
                         {"name": "DS_LOKI", "type": "datasource", "pluginId": "loki"}],
            "templating": {"list": [
                {"type": "query", "name": "job", "datasource": "${DS_PROM}", "query": {"query": "label_values(up, job)", "refId": "A"}},
                {"type": "query", "name": "app", "datasource": {"type": "loki", "uid": "l"}, "query": "label_values(app)"},
                {"type": "custom", "name": "q", "query": "0.99,0.5", "options": [{"value": "0.99"}]}
            ]},
            "annotations": {"list": [{"name": "Annotations & Alerts", "datasource": {"type": "grafana", "uid": "-- Grafana --"}},
                                     {"name": "deploys", "datasource": "${DS_PROM}", "expr": "changes(build_info[5m]) > 0"}]},
            "panels": [
                {"id": 1, "title": "a", "datasource": "${DS_PROM}", "targets": [{"refId": "A", "expr": "a_total"}]},
                {"id": 2, "title": "logs", "datasource": "${DS_LOKI}", "targets": [{"refId": "A", "expr": "{job=\"x\"} |= \"e\""}]},
                {"id": 3, "type": "row", "title": "r", "collapsed": true, "panels": [
                    {"id": 4, "title": "b", "targets": [{"refId": "A", "expr": "b_total"}]}]},
                {"id": 5, "title": "mixed", "datasource": {"type": "datasource", "uid": "-- Mixed --"}, "targets": [
                    {"refId": "A", "datasource": {"type": "prometheus", "uid": "p"}, "expr": "c_total"},
                    {"refId": "B", "datasource": {"type": "loki", "uid": "l"}, "expr": "rate({a=\"b\"}[1m])"},
                    {"refId": "C", "datasource": {"type": "__expr__", "uid": "__expr__"}, "expression": "$A > 1"}]},
                {"id": 6, "title": "sql", "datasource": {"type": "grafana-postgresql-datasource", "uid": "pg"}, "targets": [{"refId": "A", "rawSql": "select 1"}]}
            ],
            "rows": [{"title": "old", "panels": [{"id": 7, "title": "d", "targets": [{"expr": "d_total"}]}]}]
        });
        let (qs, unparsed) = queries(&d, "f.json", &LibraryPanels::new());
        assert!(unparsed.is_empty());
        let e: Vec<&str> = qs.iter().map(|q| q.expr.as_str()).collect();
        assert_eq!(
            e,
            ["label_values(up, job)", "changes(build_info[5m]) > 0", "a_total", "b_total", "c_total", "d_total"]
        );
        assert!(qs[0].variable && !qs[2].variable);
        assert_eq!(qs[3].source, "dashboard \"T\" (uid abc) in f.json, row \"r\", panel \"b\" (id 4), query A");
        assert_eq!(qs[5].source, "dashboard \"T\" (uid abc) in f.json, row \"old\", panel \"d\" (id 7), query ");
    }

    #[test]
    fn library_panels_are_resolved_or_reported() {
        let d = json!({"title": "L", "panels": [{"id": 1, "libraryPanel": {"uid": "lp1", "name": "Shared"}}]});
        let (qs, unparsed) = queries(&d, "t", &LibraryPanels::new());
        assert!(qs.is_empty());
        assert!(unparsed[0].source.contains("library panel \"Shared\" (uid lp1)"), "{unparsed:?}");
        let mut lib = LibraryPanels::new();
        lib.insert("lp1".into(), ("Shared".into(), json!({"targets": [{"refId": "A", "expr": "shared_total"}]})));
        assert_eq!(exprs(&d, &lib), ["shared_total"]);
        // Exported dashboards carry their library panels in __elements.
        let mut embedded = LibraryPanels::new();
        let export = json!({"__elements": {"lp1": {"name": "Shared", "uid": "lp1", "kind": 1, "model": {"targets": [{"expr": "e_total"}]}}}});
        embedded_library_panels(&export, &mut embedded);
        assert_eq!(exprs(&d, &embedded), ["e_total"]);
        assert_eq!(library_panel_uids(&d), ["lp1"]);
    }

    #[test]
    fn v1_and_v2_resources() {
        let v1 = json!({"apiVersion": "dashboard.grafana.app/v1beta1", "kind": "Dashboard", "metadata": {"name": "u1"},
            "spec": {"title": "V1", "panels": [{"targets": [{"expr": "v1_total"}]}]}});
        assert_eq!(exprs(&v1, &LibraryPanels::new()), ["v1_total"]);
        let v2 = json!({"apiVersion": "dashboard.grafana.app/v2beta1", "kind": "Dashboard", "metadata": {"name": "u2"},
        "spec": {"title": "V2",
          "variables": [{"kind": "QueryVariable", "spec": {"name": "inst",
              "query": {"kind": "DataQuery", "group": "prometheus", "version": "v0", "spec": {"query": "label_values(node_uname_info, instance)"}}}},
            {"kind": "CustomVariable", "spec": {"name": "k", "query": "5,10", "options": [{"text": "5", "value": "5"}]}}],
          "elements": {
            "panel-1": {"kind": "Panel", "spec": {"id": 1, "title": "cpu", "data": {"kind": "QueryGroup", "spec": {"queries": [
                {"kind": "PanelQuery", "spec": {"refId": "A", "query": {"kind": "DataQuery", "group": "prometheus", "version": "v0", "spec": {"expr": "topk($k, node_load1)"}}}},
                {"kind": "PanelQuery", "spec": {"refId": "B", "query": {"kind": "DataQuery", "group": "loki", "version": "v0", "spec": {"expr": "{a=\"b\"}"}}}}]}}}},
            "panel-2": {"kind": "Panel", "spec": {"id": 2, "title": "old alpha", "data": {"kind": "QueryGroup", "spec": {"queries": [
                {"kind": "PanelQuery", "spec": {"refId": "A", "datasource": {"type": "prometheus", "uid": "p"}, "query": {"kind": "prometheus", "spec": {"expr": "alpha_total"}}}}]}}}},
            "panel-3": {"kind": "LibraryPanel", "spec": {"id": 3, "title": "lib", "libraryPanel": {"uid": "nope", "name": "Missing"}}}
          }}});
        let (qs, unparsed) = queries(&v2, "t", &LibraryPanels::new());
        let e: Vec<&str> = qs.iter().map(|q| q.expr.as_str()).collect();
        assert_eq!(e, ["label_values(node_uname_info, instance)", "topk($k, node_load1)", "alpha_total"]);
        assert!(qs[0].source.contains("(uid u2)") && qs[0].variable);
        assert_eq!(unparsed.len(), 1);
        assert!(matches!(classify(&v2), Document::Dashboard(_)));
        let lib = json!({"result": {"uid": "x", "name": "N", "kind": 1, "model": {"targets": []}}});
        assert!(matches!(classify(&lib), Document::LibraryPanel(..)));
        assert!(matches!(classify(&json!({"providers": []})), Document::Other));
    }
}
