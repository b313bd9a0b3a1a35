//! The metric names one expression reads: Grafana variable substitution (global interval and range
//! variables, a dashboard's static variables by their first value, `$var`, `${var}`,
//! `${var:format}`, `[[var]]`), parsing with `promql-parser`, the `__name__` matchers that select
//! names (negative ones are not a use), Grafana's `label_values(q, l)` and `query_result(q)`
//! variable queries, and a tolerant scanner for what the parser still rejects. No I/O.

use std::collections::{BTreeMap, BTreeSet};

use promql_parser::label::{MatchOp, Matcher};
use promql_parser::parser::{self, Expr, VectorSelector};

/// Stands for a variable whose value only Grafana knows, inside names and label values. Names
/// starting with `__` are reserved by Prometheus, so no real metric carries it.
pub const MARKER: &str = "__obsvar__";
/// Longest expression parsed; longer ones are listed as unparsed.
pub const MAX_EXPR_CHARS: usize = 65_536;
/// Deepest nesting of parentheses, braces and brackets parsed.
pub const MAX_NESTING: usize = 200;

/// Grafana's global variables and the values substituted for them (only their syntax matters for
/// finding names). `_ms`, `_s` and date variables are numbers; the others durations or text.
const GLOBALS: &[(&str, &str)] = &[
    ("__interval_ms", "60000"),
    ("__interval", "1m"),
    ("interval", "1m"),
    ("__rate_interval_ms", "60000"),
    ("__rate_interval", "1m"),
    ("rate_interval", "1m"),
    ("__range_ms", "86400000"),
    ("__range_s", "86400"),
    ("__range", "1d"),
    ("resolution", "1"),
    ("__from", "0"),
    ("__to", "0"),
    ("__dashboard", "dashboard"),
    ("__user", "user"),
    ("__org", "1"),
    ("__name", "name"),
    ("__timezone", "utc"),
];

/// Values of the variables one dashboard defines statically (custom, constant, interval and
/// textbox variables, by their first value). Query variables are unknown.
#[derive(Debug, Clone, Default)]
pub struct Vars {
    known: BTreeMap<String, String>,
}

impl Vars {
    /// Records a variable's value; values Grafana computes (`$__all`, `$__auto...`) stay unknown.
    pub fn set(&mut self, name: &str, value: &str) {
        if !value.contains('$') && !name.is_empty() {
            self.known.insert(name.to_string(), value.to_string());
        }
    }

    fn get(&self, name: &str) -> Option<&str> {
        if let Some(v) = self.known.get(name) {
            return Some(v);
        }
        GLOBALS.iter().find(|(n, _)| *n == name).map(|(_, v)| *v)
    }
}

/// What an expression reads.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Reads {
    /// Metric names selected exactly.
    pub names: BTreeSet<String>,
    /// Anchored regular expressions selecting names (`__name__=~`, names built from variables),
    /// to match against the server's metric names.
    pub patterns: BTreeSet<String>,
    /// Why part of the expression could not be resolved to names (a name that is only a variable,
    /// a parse error): listed in `unparsed_expressions`, never dropped.
    pub problem: Option<String>,
}

/// A variable reference found in an expression: byte range and the variable's name.
struct VarRef {
    start: usize,
    end: usize,
    name: String,
}

fn word_char(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'_'
}

/// Grafana's variable syntax at `i` (which holds `$` or `[`): `$name`, `${name}`,
/// `${name.field}`, `${name:format}`, `[[name]]`, `[[name:format]]`.
fn var_at(s: &[u8], i: usize) -> Option<VarRef> {
    let word_end = |from: usize| {
        let mut j = from;
        while s.get(j).copied().is_some_and(word_char) {
            j += 1;
        }
        j
    };
    let name_of = |a: usize, b: usize| String::from_utf8_lossy(s.get(a..b).unwrap_or_default()).into_owned();
    let at = *s.get(i)?;
    if at == b'$' {
        if s.get(i + 1) == Some(&b'{') {
            let end = word_end(i + 2);
            if end == i + 2 {
                return None;
            }
            let close = s.get(end..)?.iter().position(|&c| c == b'}')? + end;
            if !matches!(s.get(end), Some(b'}' | b':' | b'.')) {
                return None;
            }
            return Some(VarRef { start: i, end: close + 1, name: name_of(i + 2, end) });
        }
        let end = word_end(i + 1);
        return (end > i + 1).then(|| VarRef { start: i, end, name: name_of(i + 1, end) });
    }
    if at == b'[' && s.get(i + 1) == Some(&b'[') {
        let end = word_end(i + 2);
        if end == i + 2 {
            return None;
        }
        let close = s.get(end..)?.windows(2).position(|w| w == b"]]")? + end;
        if !matches!(s.get(end), Some(b']' | b':')) {
            return None;
        }
        return Some(VarRef { start: i, end: close + 2, name: name_of(i + 2, end) });
    }
    None
}

/// How unknown variables in expression position are replaced: a number first (`topk($k, x)`,
/// `> $threshold`), a label-name-like identifier on the second try (`by ($label)`).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Bare {
    Number,
    Identifier,
}

/// Replaces every variable reference by something the PromQL parser accepts: inside `[...]`
/// always `1m` (a range's length does not change which names are read); inside a string the
/// variable's value (escaped) or [`MARKER`]; inside `{...}` outside a string the value, or nothing
/// for an unknown variable (`{$filters}`); glued to a name (`node_${x}_total`) the value or the
/// marker; elsewhere the value, or `1` / the marker (see [`Bare`]).
fn substitute(expr: &str, vars: &Vars, bare: Bare) -> String {
    let s = expr.as_bytes();
    let mut out = String::with_capacity(expr.len() + 16);
    let (mut quote, mut braces, mut brackets) = (None::<u8>, 0usize, 0usize);
    let mut i = 0;
    let mut copied = 0;
    while let Some(&c) = s.get(i) {
        if let Some(q) = quote {
            if c == b'\\' && q != b'`' {
                i += 2;
                continue;
            }
            if c == q {
                quote = None;
                i += 1;
                continue;
            }
            if c == b'$' || c == b'[' {
                if let Some(v) = var_at(s, i) {
                    out.push_str(&expr[copied..v.start]);
                    match vars.get(&v.name) {
                        Some(value) if q == b'`' => out.push_str(value),
                        Some(value) => out.push_str(&value.replace('\\', "\\\\").replace(q as char, "\\\"")),
                        None => out.push_str(MARKER),
                    }
                    i = v.end;
                    copied = i;
                    continue;
                }
            }
            i += 1;
            continue;
        }
        if c == b'$' || (c == b'[' && s.get(i + 1) == Some(&b'[')) {
            if let Some(v) = var_at(s, i) {
                out.push_str(&expr[copied..v.start]);
                let before = v.start.checked_sub(1).and_then(|p| s.get(p));
                let glued = before.copied().is_some_and(word_char) || s.get(v.end).copied().is_some_and(word_char);
                match (vars.get(&v.name), brackets > 0, braces > 0) {
                    (_, true, _) => out.push_str("1m"),
                    (Some(value), _, _) => out.push_str(value),
                    (None, _, _) if glued => out.push_str(MARKER),
                    (None, _, true) => {
                        // `{a="b", $filters}`: drop the reference and one comma next to it.
                        let trimmed = out.trim_end();
                        if trimmed.ends_with(',') {
                            out.truncate(trimmed.len() - 1);
                        } else {
                            let rest = s.get(v.end..).unwrap_or_default();
                            let skip = rest.iter().take_while(|c| c.is_ascii_whitespace()).count();
                            if rest.get(skip) == Some(&b',') {
                                i = v.end + skip + 1;
                                copied = i;
                                continue;
                            }
                        }
                    }
                    (None, _, false) => out.push_str(if bare == Bare::Number { "1" } else { MARKER }),
                }
                i = v.end;
                copied = i;
                continue;
            }
        }
        match c {
            b'"' | b'\'' | b'`' => quote = Some(c),
            b'{' => braces += 1,
            b'}' => braces = braces.saturating_sub(1),
            b'[' => brackets += 1,
            b']' => brackets = brackets.saturating_sub(1),
            _ => {}
        }
        i += 1;
    }
    out.push_str(&expr[copied..]);
    out
}

/// Calls `f` with every character outside string literals (`"..."`, `'...'`, raw `` `...` ``)
/// and its byte position.
fn outside_strings(text: &str, mut f: impl FnMut(usize, char)) {
    let (mut quote, mut escaped) = (None::<char>, false);
    for (i, c) in text.char_indices() {
        match quote {
            Some(_) if escaped => escaped = false,
            Some(q) if c == '\\' && q != '`' => escaped = true,
            Some(q) if c == q => quote = None,
            Some(_) => {}
            None if matches!(c, '"' | '\'' | '`') => quote = Some(c),
            None => f(i, c),
        }
    }
}

/// Deepest nesting of `(`, `{` and `[` outside strings.
fn nesting(expr: &str) -> usize {
    let (mut depth, mut max) = (0usize, 0usize);
    outside_strings(expr, |_, c| match c {
        '(' | '{' | '[' => {
            depth += 1;
            max = max.max(depth);
        }
        ')' | '}' | ']' => depth = depth.saturating_sub(1),
        _ => {}
    });
    max
}

/// What a Grafana Prometheus variable query reads: `label_values(q, label)` and
/// `query_result(q)` read `q`; `label_values(label)`, `label_names()` and `metrics(re)` read no
/// series (they list names or labels). Anything else is PromQL.
pub fn variable_query(query: &str) -> Option<&str> {
    let q = query.trim();
    let call = |name: &str| -> Option<&str> {
        let rest = q.strip_prefix(name)?.trim_start();
        let inner = rest.strip_prefix('(')?.trim_end().strip_suffix(')')?;
        Some(inner)
    };
    if let Some(inner) = call("label_values") {
        return last_top_level_comma(inner).map(|at| inner[..at].trim());
    }
    if let Some(inner) = call("query_result") {
        return Some(inner.trim());
    }
    if call("label_names").is_some() || call("metrics").is_some() {
        return None;
    }
    Some(q)
}

/// Byte position of the last comma not inside parentheses, braces, brackets or a string.
fn last_top_level_comma(text: &str) -> Option<usize> {
    let (mut depth, mut last) = (0usize, None);
    outside_strings(text, |i, c| match c {
        '(' | '{' | '[' => depth += 1,
        ')' | '}' | ']' => depth = depth.saturating_sub(1),
        ',' if depth == 0 => last = Some(i),
        _ => {}
    });
    last
}

/// The names an expression reads, after variable substitution.
pub fn reads(expr: &str, vars: &Vars) -> Reads {
    if expr.chars().count() > MAX_EXPR_CHARS {
        return Reads {
            problem: Some(format!("longer than {MAX_EXPR_CHARS} characters: not parsed")),
            ..Reads::default()
        };
    }
    if nesting(expr) > MAX_NESTING {
        return Reads {
            problem: Some(format!("nested deeper than {MAX_NESTING} levels: not parsed")),
            ..Reads::default()
        };
    }
    let first = substitute(expr, vars, Bare::Number);
    let parsed = parser::parse(&first).or_else(|err| {
        let second = substitute(expr, vars, Bare::Identifier);
        if second == first {
            Err(err)
        } else {
            parser::parse(&second).map_err(|_| err)
        }
    });
    match parsed {
        Ok(ast) => {
            let mut found = Found::default();
            walk(&ast, &mut found, 0);
            found.into_reads()
        }
        Err(err) => {
            let names = fallback_names(&first);
            let mut found = Found::default();
            for n in names {
                found.name(&n);
            }
            let mut reads = found.into_reads();
            let error = one_line(&err);
            let scanned: Vec<&str> = reads.names.iter().map(String::as_str).collect();
            let note = if scanned.is_empty() {
                "no metric name found".to_string()
            } else {
                format!("names found by the fallback scanner and counted: {}", scanned.join(", "))
            };
            reads.problem = Some(match reads.problem.take() {
                Some(p) => format!("{error} ({note}; {p})"),
                None => format!("{error} ({note})"),
            });
            reads
        }
    }
}

fn one_line(text: &str) -> String {
    let line: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    line.chars().take(300).collect()
}

/// Names collected from the AST, before variable-built names become patterns.
#[derive(Default)]
struct Found {
    reads: Reads,
    only_variable: bool,
}

impl Found {
    fn name(&mut self, name: &str) {
        if name.contains(MARKER) {
            self.pattern_from(name, false);
        } else {
            self.reads.names.insert(name.to_string());
        }
    }

    /// A name or regex with variables in it: the literal parts must match, the variable parts may
    /// be anything. A name that is only a variable cannot be resolved.
    fn pattern_from(&mut self, text: &str, is_regex: bool) {
        let literal: String = text.replace(MARKER, "");
        if literal.trim_matches(|c: char| c == '_' || c == '.' || c == '*' || c == '+').is_empty() {
            self.only_variable = true;
            return;
        }
        let parts: Vec<String> =
            text.split(MARKER).map(|p| if is_regex { p.to_string() } else { regex::escape(p) }).collect();
        self.reads.patterns.insert(format!("^(?:{})$", parts.join(".*")));
    }

    fn matcher(&mut self, m: &Matcher) {
        if m.name != "__name__" {
            return;
        }
        match &m.op {
            MatchOp::Equal => self.name(&m.value),
            MatchOp::Re(_) if m.value.contains(MARKER) => self.pattern_from(&m.value, true),
            MatchOp::Re(_) => {
                self.reads.patterns.insert(format!("^(?:{})$", m.value));
            }
            // Selecting every name but some is not a use of the excluded ones.
            MatchOp::NotEqual | MatchOp::NotRe(_) => {}
        }
    }

    fn selector(&mut self, vs: &VectorSelector) {
        if let Some(name) = &vs.name {
            self.name(name);
        }
        for m in &vs.matchers.matchers {
            self.matcher(m);
        }
        for group in &vs.matchers.or_matchers {
            for m in group {
                self.matcher(m);
            }
        }
    }

    fn into_reads(mut self) -> Reads {
        if self.only_variable {
            self.reads.problem = Some(
                "a metric name is a Grafana variable whose value only Grafana knows: its series are not counted".into(),
            );
        }
        self.reads
    }
}

fn walk(e: &Expr, found: &mut Found, depth: usize) {
    if depth > MAX_NESTING * 4 {
        return;
    }
    match e {
        Expr::VectorSelector(vs) => found.selector(vs),
        Expr::MatrixSelector(ms) => found.selector(&ms.vs),
        Expr::Aggregate(a) => {
            walk(&a.expr, found, depth + 1);
            if let Some(p) = &a.param {
                walk(p, found, depth + 1);
            }
        }
        Expr::Unary(u) => walk(&u.expr, found, depth + 1),
        Expr::Binary(b) => {
            walk(&b.lhs, found, depth + 1);
            walk(&b.rhs, found, depth + 1);
        }
        Expr::Paren(p) => walk(&p.expr, found, depth + 1),
        Expr::Subquery(s) => walk(&s.expr, found, depth + 1),
        Expr::Call(c) => {
            for a in &c.args.args {
                walk(a, found, depth + 1);
            }
        }
        Expr::NumberLiteral(_) | Expr::StringLiteral(_) | Expr::Extension(_) => {}
    }
}

/// The tolerant scanner for expressions the parser rejects (after substitution): an identifier
/// directly followed by `{` or `[` is a metric name (perses/metrics-usage does the same with `{`).
/// Strings are skipped; label names inside braces are not identifiers here.
fn fallback_names(expr: &str) -> Vec<String> {
    let s = expr.as_bytes();
    let (mut out, mut i, mut braces) = (Vec::new(), 0usize, 0usize);
    while let Some(&c) = s.get(i) {
        match c {
            b'"' | b'\'' | b'`' => {
                i += 1;
                while let Some(&d) = s.get(i).filter(|&&d| d != c) {
                    i += if d == b'\\' && c != b'`' { 2 } else { 1 };
                }
                i += 1;
            }
            b'{' => {
                braces += 1;
                i += 1;
            }
            b'}' => {
                braces = braces.saturating_sub(1);
                i += 1;
            }
            c if braces == 0 && (c.is_ascii_alphabetic() || c == b'_' || c == b':') => {
                let start = i;
                while s.get(i).is_some_and(|&d| word_char(d) || d == b':') {
                    i += 1;
                }
                let after = s.get(i..).unwrap_or_default().iter().find(|c| !c.is_ascii_whitespace());
                let preceded_by_digit = start.checked_sub(1).and_then(|p| s.get(p)).is_some_and(u8::is_ascii_digit);
                if matches!(after, Some(b'{') | Some(b'[')) && !preceded_by_digit {
                    out.push(String::from_utf8_lossy(s.get(start..i).unwrap_or_default()).into_owned());
                }
            }
            _ => i += 1,
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(expr: &str) -> Vec<String> {
        let r = reads(expr, &Vars::default());
        assert!(r.problem.is_none(), "{expr}: {:?}", r.problem);
        r.names.into_iter().collect()
    }

    #[test]
    fn global_interval_and_range_variables_are_substituted() {
        for expr in [
            "rate(http_requests_total{job=~\"$job\"}[$__rate_interval])",
            "rate(http_requests_total[${__interval}])",
            "increase(http_requests_total[$__range]) / ${__range_s}",
            "max_over_time(http_requests_total[$__range:$__interval])",
            "rate(http_requests_total[${__range}])",
            "rate(http_requests_total[[[interval]]])",
            "http_requests_total offset $__interval",
            "rate(http_requests_total[$__interval_ms]) * $__interval_ms",
        ] {
            assert_eq!(names(expr), ["http_requests_total"], "{expr}");
        }
    }

    #[test]
    fn mimirtool_failure_cases_parse() {
        // Each of these fails in mimirtool's replacement (see its analyze/grafana.go).
        assert_eq!(names("topk($topk, up)"), ["up"]);
        assert_eq!(names("sum(my_metric{$matchers})"), ["my_metric"]);
        assert_eq!(names("sum(my_metric{job=\"a\", $matchers})"), ["my_metric"]);
        assert_eq!(names("sum(my_metric{$matchers, job=\"a\"})"), ["my_metric"]);
        assert_eq!(names("sum by ($group) (rate(x_total[5m]))"), ["x_total"]);
        assert_eq!(names("rate(x_total[${__range}])"), ["x_total"]);
        assert_eq!(names("up > $threshold"), ["up"]);
        assert_eq!(names("sum(rate(node_cpu_seconds_total{instance=~\"${instance:regex}\",mode!=\"idle\"}[$__interval])) by (instance)"), ["node_cpu_seconds_total"]);
        // `!=` on the name is not a use of it (mimirtool counts `up` here).
        let r = reads("{__name__!=\"up\", job=\"x\"}", &Vars::default());
        assert!(r.names.is_empty() && r.patterns.is_empty(), "{r:?}");
        let r = reads("count({__name__!~\"go_.*\"})", &Vars::default());
        assert!(r.names.is_empty() && r.patterns.is_empty(), "{r:?}");
    }

    #[test]
    fn static_variables_take_their_first_value_and_the_longest_name_wins() {
        let mut v = Vars::default();
        v.set("job", "node");
        v.set("job_name", "other");
        v.set("metric", "node_load1");
        v.set("quantile", "0.99");
        let r = reads("histogram_quantile($quantile, rate(${job_name}_x[5m])) + $metric + ${job}_y", &v);
        assert_eq!(r.names.into_iter().collect::<Vec<_>>(), ["node_load1", "node_y", "other_x"]);
        // Inside strings the value is escaped for the string.
        let mut v = Vars::default();
        v.set("re", "a\"b");
        assert_eq!(reads("up{job=~\"$re\"}", &v).names.len(), 1);
    }

    #[test]
    fn name_matchers_become_names_or_patterns() {
        let r = reads("{__name__=\"up\"} or {__name__=~\"go_gc_.*\"}", &Vars::default());
        assert_eq!(r.names.into_iter().collect::<Vec<_>>(), ["up"]);
        assert_eq!(r.patterns.into_iter().collect::<Vec<_>>(), ["^(?:go_gc_.*)$"]);
        // A name built from a query variable is matched on its literal parts.
        let r = reads("rate(node_${dev}_bytes_total[5m])", &Vars::default());
        assert!(r.names.is_empty() && r.problem.is_none(), "{r:?}");
        assert_eq!(r.patterns.into_iter().collect::<Vec<_>>(), ["^(?:node_.*_bytes_total)$"]);
        let r = reads("{__name__=~\"node_$dev\"}", &Vars::default());
        assert_eq!(r.patterns.into_iter().collect::<Vec<_>>(), ["^(?:node_.*)$"]);
        // A name that is only a variable is reported, not guessed.
        let r = reads("{__name__=~\"$metric\"}", &Vars::default());
        assert!(r.names.is_empty() && r.patterns.is_empty());
        assert!(r.problem.unwrap().contains("only Grafana knows"));
        let r = reads("sum(${metric}{job=\"a\"})", &Vars::default());
        assert!(r.problem.is_some());
    }

    #[test]
    fn every_part_of_the_tree_is_read() {
        // promql-parser's own walker skips aggregation parameters.
        assert_eq!(names("topk(scalar(max(k_metric)), y_metric)"), ["k_metric", "y_metric"]);
        assert_eq!(
            names("sum by (job) (rate(a_total[5m])) / on (job) group_left count(b) unless c @ 100"),
            ["a_total", "b", "c"]
        );
        assert_eq!(names("max_over_time((a - b offset 1h)[1h:5m])"), ["a", "b"]);
        assert_eq!(names("label_replace(up, \"x\", \"$1\", \"job\", \"(.*)\")"), ["up"]);
        assert_eq!(names("vector(1)"), Vec::<String>::new());
    }

    #[test]
    fn variable_queries() {
        assert_eq!(
            variable_query("label_values(node_uname_info{job=\"$job\"}, instance)"),
            Some("node_uname_info{job=\"$job\"}")
        );
        assert_eq!(variable_query("label_values(up{a=\"x,y\"}, job)"), Some("up{a=\"x,y\"}"));
        assert_eq!(variable_query("label_values(job)"), None);
        assert_eq!(
            variable_query(" query_result(topk(5, sum by (x) (rate(y_total[5m])))) "),
            Some("topk(5, sum by (x) (rate(y_total[5m])))")
        );
        assert_eq!(variable_query("metrics(node_.*)"), None);
        assert_eq!(variable_query("label_names()"), None);
        assert_eq!(variable_query("up"), Some("up"));
    }

    #[test]
    fn unparseable_expressions_fall_back_and_say_so() {
        let r = reads("sum(rate(http_requests_total{job=\"a\"}[5m]) by", &Vars::default());
        assert_eq!(r.names.iter().collect::<Vec<_>>(), ["http_requests_total"]);
        let p = r.problem.unwrap();
        assert!(p.contains("fallback scanner") && p.contains("http_requests_total"), "{p}");
        // A Loki query read as PromQL finds no name, and says so.
        let r = reads("{job=\"app\"} |= \"error\" | json", &Vars::default());
        assert!(r.names.is_empty());
        assert!(r.problem.unwrap().contains("no metric name found"));
    }

    #[test]
    fn hostile_expressions_are_refused_not_crashed_on() {
        let deep = format!("{}up{}", "(".repeat(10_000), ")".repeat(10_000));
        assert!(reads(&deep, &Vars::default()).problem.unwrap().contains("nested deeper"));
        let long = "a".repeat(MAX_EXPR_CHARS + 1);
        assert!(reads(&long, &Vars::default()).problem.unwrap().contains("longer than"));
        for e in ["$", "${", "${}", "[[", "[[]]", "$$$", "\"unterminated", "up{a=\"\\", "${a:", "[[a"] {
            let _ = reads(e, &Vars::default());
        }
    }
}
