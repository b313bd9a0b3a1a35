//! Used-series analysis: which metric names the alerting rules and Grafana dashboards read (and
//! the recording rules those read, recursively), and how many series they have, against the
//! series nobody reads. Sources: each server's `/api/v1/rules`, `--rule-files`, dashboard files
//! (`--grafana-dashboards`) and Grafana's API (`--grafana`); names from `promql`; counts from
//! `count`. Fills `metrics.used_metric_names`, `metrics.series_used_by_rules_and_dashboards`,
//! `metrics.unused_top_metrics` and `metrics.unparsed_expressions` of the snapshot.

pub mod count;
pub mod grafana;
pub mod grafana_api;
pub mod promql;
pub mod rules;

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use anyhow::Result;
use serde_json::Value;

use super::collect::{MeasureOptions, Progress};
use super::prometheus::{format_time, Client, FaultKind, QueryError};
pub use super::UnparsedExpression as Unparsed;
use super::{FailedQuery, Measured, MetricSeries, NotMeasured, UsageSnapshot};

/// Metric names counted one batch at a time at most; above it only the used names are counted
/// and `unused_top_metrics` is not measured.
pub const MAX_COUNTED_NAMES: usize = 50_000;
/// Characters of an unparsed expression kept in the snapshot.
const MAX_LISTED_EXPR_CHARS: usize = 2_000;

/// Where to find the expressions that read series.
#[derive(Debug, Default)]
pub struct UsedOptions {
    /// `--rule-files` glob patterns (for servers whose rules API is not reachable).
    pub rule_files: Vec<String>,
    /// `--grafana-dashboards` directories.
    pub dashboard_dirs: Vec<PathBuf>,
    /// A client for `--grafana URL` (bearer token from `--grafana-token-file`).
    pub grafana: Option<Client>,
}

/// The analysis' results, before they go into the snapshot.
#[derive(Debug)]
pub struct UsedSeries {
    /// Sorted metric names read.
    pub used_metric_names: Vec<String>,
    /// Series of those names.
    pub series_used: Measured,
    /// The largest names nobody reads; `None` when the server has too many names to count.
    pub unused_top_metrics: Option<Vec<MetricSeries>>,
    /// Expressions not fully resolved to names.
    pub unparsed: Vec<Unparsed>,
    /// Queries that failed under `--allow-partial`.
    pub failed: Vec<FailedQuery>,
    /// Parts not measured.
    pub not_measured: Vec<NotMeasured>,
}

/// Reads at most `limit` bytes of a file as UTF-8; a larger file is an error naming the limit
/// (the one bounded reader of `crate::input`).
pub fn read_limited(path: &Path, limit: u64, what: &'static str) -> Result<String> {
    crate::input::read_text(path, crate::input::Limit { what, max_bytes: limit })
}

/// One expression and what it reads.
struct Parsed {
    source: String,
    expr: String,
    /// The series a recording rule writes; `None` for alerts and dashboard queries (readers).
    record: Option<String>,
    reads: promql::Reads,
}

/// Counts of what was read, for the note of the measured value.
#[derive(Default)]
struct Tally {
    alerts: usize,
    recordings: usize,
    recordings_read: usize,
    dashboards: usize,
    queries: usize,
    variables: usize,
}

fn unparsed(source: &str, expr: &str, error: String) -> Unparsed {
    let mut kept: String = expr.chars().take(MAX_LISTED_EXPR_CHARS).collect();
    if expr.chars().count() > MAX_LISTED_EXPR_CHARS {
        kept.push('…');
    }
    Unparsed { source: source.to_string(), expr: kept, error }
}

/// The expressions read from files and Grafana, before any server is asked.
#[derive(Debug)]
pub struct Sources {
    rules: Vec<rules::Rule>,
    boards: grafana_api::Dashboards,
    problems: Vec<Unparsed>,
}

/// Reads the rule files, dashboard files and Grafana's dashboards (first, so that a bad path or
/// token fails before the servers are measured).
pub fn load(opts: &UsedOptions, progress: Progress<'_>) -> Result<Sources> {
    let mut problems = Vec::new();
    let rules = rules::from_files(&opts.rule_files, &mut problems)?;
    let mut boards = grafana_api::Dashboards::default();
    for dir in &opts.dashboard_dirs {
        grafana_api::from_dir(dir, &mut boards)?;
    }
    if let Some(client) = &opts.grafana {
        grafana_api::from_api(client, &mut boards, progress)?;
    }
    problems.append(&mut boards.unparsed);
    Ok(Sources { rules, boards, problems })
}

/// Runs the analysis against every server, with the expressions of `sources` and those of each
/// server's rules API.
pub fn analyse(servers: &[Client], sources: Sources, m: &MeasureOptions, progress: Progress<'_>) -> Result<UsedSeries> {
    let Sources { rules: file_rules, boards, mut problems } = sources;
    let mut failed: Vec<FailedQuery> = Vec::new();
    let fail = |e: QueryError, failed: &mut Vec<FailedQuery>| -> Result<()> {
        if m.allow_partial {
            failed.push(FailedQuery { source_url: e.url.clone(), query: e.query.clone(), error: e.to_string() });
            Ok(())
        } else {
            Err(e.into())
        }
    };

    // 1. Expressions.
    let mut rule_list = Vec::new();
    for server in servers {
        progress(super::queries::API_RULES);
        match server.get("/api/v1/rules", &[], super::queries::API_RULES) {
            Ok(data) => rule_list.extend(rules::from_api(&data, server.url())),
            Err(e) if matches!(e.kind, FaultKind::Http(400..=499) | FaultKind::Api | FaultKind::Http(501)) => {}
            Err(e) => fail(e, &mut failed)?,
        }
    }
    rule_list.extend(file_rules);

    let mut tally = Tally::default();
    let mut parsed: Vec<Parsed> = Vec::new();
    for r in rule_list {
        match r.record {
            Some(_) => tally.recordings += 1,
            None => tally.alerts += 1,
        }
        let reads = promql::reads(&r.expr, &promql::Vars::default());
        parsed.push(Parsed { source: r.source, expr: r.expr, record: r.record, reads });
    }
    for (origin, d) in &boards.dashboards {
        tally.dashboards += 1;
        let (queries, mut missing) = grafana::queries(d, origin, &boards.library);
        problems.append(&mut missing);
        for q in queries {
            let expr = if q.variable {
                tally.variables += 1;
                match promql::variable_query(&q.expr) {
                    Some(inner) => inner.to_string(),
                    None => continue,
                }
            } else {
                tally.queries += 1;
                q.expr.clone()
            };
            let reads = promql::reads(&expr, &q.vars);
            parsed.push(Parsed { source: q.source, expr: q.expr, record: None, reads });
        }
    }

    // 2. The names each server has (seen in the 15 minutes before `at`).
    let mut names_by_server: Vec<Vec<String>> = Vec::new();
    let params = [("start", format_time(m.at - 900.0)), ("end", format_time(m.at))];
    for server in servers {
        progress(super::queries::API_NAMES);
        match server.get("/api/v1/label/__name__/values", &params, super::queries::API_NAMES) {
            Ok(v) => names_by_server
                .push(v.as_array().into_iter().flatten().filter_map(Value::as_str).map(str::to_string).collect()),
            Err(e) => {
                fail(e, &mut failed)?;
                names_by_server.push(Vec::new());
            }
        }
    }
    let all_names: BTreeSet<&str> = names_by_server.iter().flatten().map(String::as_str).collect();

    // 3. Names read: readers first, then the recording rules they read, recursively.
    let mut outputs: BTreeMap<&str, BTreeSet<String>> = BTreeMap::new();
    let mut used: BTreeSet<String> = BTreeSet::new();
    for p in &parsed {
        let mut names = p.reads.names.clone();
        for pattern in &p.reads.patterns {
            match regex::RegexBuilder::new(pattern).size_limit(1 << 20).build() {
                Ok(re) => names.extend(all_names.iter().filter(|n| re.is_match(n)).map(|n| n.to_string())),
                Err(e) => problems.push(unparsed(
                    &p.source,
                    &p.expr,
                    format!("invalid __name__ regular expression: {}", one_line(&e)),
                )),
            }
        }
        if let Some(problem) = &p.reads.problem {
            problems.push(unparsed(&p.source, &p.expr, problem.clone()));
        }
        match &p.record {
            Some(record) => outputs.entry(record.as_str()).or_default().extend(names),
            None => used.extend(names),
        }
    }
    let mut stack: Vec<String> = used.iter().cloned().collect();
    let mut read_records = BTreeSet::new();
    while let Some(name) = stack.pop() {
        if let Some(inputs) = outputs.get(name.as_str()) {
            read_records.insert(name.clone());
            for i in inputs {
                if used.insert(i.clone()) {
                    stack.push(i.clone());
                }
            }
        }
    }
    tally.recordings_read =
        parsed.iter().filter(|p| p.record.as_ref().is_some_and(|r| read_records.contains(r))).count();

    // 4. Series per name, on every server.
    let mut counts: BTreeMap<String, f64> = BTreeMap::new();
    let mut too_many = false;
    let mut batches = 0;
    for (server, names) in servers.iter().zip(&names_by_server) {
        let to_count: Vec<&str> = if names.len() <= MAX_COUNTED_NAMES {
            names.iter().map(String::as_str).collect()
        } else {
            too_many = true;
            names.iter().map(String::as_str).filter(|n| used.contains(*n)).collect()
        };
        batches += count::batches(&to_count).len();
        match count::count(server, &to_count, m.at, &mut *progress) {
            Ok(c) => {
                for (name, n) in c {
                    *counts.entry(name).or_insert(0.0) += n;
                }
            }
            Err(e) => fail(e, &mut failed)?,
        }
    }

    let series_used: f64 = used.iter().filter_map(|n| counts.get(n)).sum();
    let series_counted: f64 = counts.values().sum();
    let urls: Vec<&str> = servers.iter().map(Client::url).collect();
    let mut note = format!(
        "names read by {} alerting rules, {} dashboard queries and {} variable queries in {} dashboards, and by the \
         {} of {} recording rules those read (their outputs count as used only then); {} of {} series counted by name \
         at `at` in {} batches",
        tally.alerts,
        tally.queries,
        tally.variables,
        tally.dashboards,
        tally.recordings_read,
        tally.recordings,
        super::round_sig(series_used),
        super::round_sig(series_counted),
        batches
    );
    if tally.dashboards == 0 {
        note.push_str("; no dashboard was read (pass --grafana URL or --grafana-dashboards DIR): rules only");
    }
    let mut series = Measured::ok(
        series_used,
        "series",
        format!("{} over metrics.used_metric_names", count::TEMPLATE),
        0,
        &urls.join(", "),
    )
    .with_note(&note);
    if !failed.is_empty() {
        series.status = super::Status::Failed;
        series.value = None;
        series.error = failed.first().map(|f| f.error.clone());
    }

    let mut not_measured = Vec::new();
    let unused_top_metrics = if too_many {
        not_measured.push(NotMeasured {
            component: "metrics.unused_top_metrics".into(),
            hint: format!("more than {MAX_COUNTED_NAMES} metric names: only the used ones were counted"),
        });
        None
    } else {
        let mut top: Vec<MetricSeries> = counts
            .iter()
            .filter(|(n, _)| !used.contains(*n))
            .map(|(n, s)| MetricSeries { name: n.clone(), series: super::round_sig(*s) })
            .collect();
        top.sort_by(|a, b| b.series.total_cmp(&a.series).then_with(|| a.name.cmp(&b.name)));
        top.truncate(m.top);
        Some(top)
    };
    problems.sort_by(|a, b| (&a.source, &a.expr, &a.error).cmp(&(&b.source, &b.expr, &b.error)));
    problems.dedup();
    Ok(UsedSeries {
        used_metric_names: used.into_iter().collect(),
        series_used: series,
        unused_top_metrics,
        unparsed: problems,
        failed,
        not_measured,
    })
}

fn one_line(e: &regex::Error) -> String {
    e.to_string().split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Puts the analysis into the snapshot.
pub fn apply(snapshot: &mut UsageSnapshot, used: UsedSeries) {
    let m = &mut snapshot.metrics;
    m.used_metric_names = Some(used.used_metric_names);
    m.series_used_by_rules_and_dashboards = Some(used.series_used);
    m.unused_top_metrics = used.unused_top_metrics;
    m.unparsed_expressions = Some(used.unparsed.into_iter().map(printable).collect());
    snapshot.failed_queries.extend(used.failed);
    snapshot.not_measured.extend(used.not_measured);
}

/// Dashboards and rule files are the team's text: a control character in one (an ANSI escape
/// pasted into a panel title or a query) is written as `\u{1b}`, so that the snapshot, which
/// refuses control characters like every input file, still loads.
fn printable(u: Unparsed) -> Unparsed {
    use crate::redact::escape_control;
    Unparsed { source: escape_control(&u.source), expr: escape_control(&u.expr), error: escape_control(&u.error) }
}

/// The `not_measured` entry when no source of expressions was given.
pub fn not_requested() -> NotMeasured {
    NotMeasured {
        component: "metrics.series_used_by_rules_and_dashboards".into(),
        hint: "pass --grafana URL --grafana-token-file FILE or --grafana-dashboards DIR (and --rule-files GLOB when \
               the server has no rules API) to measure the series rules and dashboards read"
            .into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_of_unparsed_expressions_are_written_out() {
        let u = printable(Unparsed {
            source: "dashboard \u{1b}]0;x\u{7}".into(),
            expr: "up\u{1b}[31m".into(),
            error: "bad\u{9b}".into(),
        });
        assert_eq!(u.source, "dashboard \\u{1b}]0;x\\u{7}");
        assert_eq!(u.expr, "up\\u{1b}[31m");
        assert_eq!(u.error, "bad\\u{9b}");
        assert!(crate::redact::find_control(&format!("{}{}{}", u.source, u.expr, u.error)).is_none());
    }
}
