//! What `obs-cost measure` prints on stderr when it is done (not with `-q`): what it found (with
//! the series rules and dashboards read, when the used-series analysis ran), what it did not find
//! and why, and the next command to run.

use std::path::Path;
use std::time::Duration;

use crate::measure::{self, Status, UsageSnapshot};

/// The summary: a first line of what was measured, then what was not (with each reason and fix),
/// then the next commands. Ends with a newline.
pub fn summary(snapshot: &UsageSnapshot, elapsed: Duration, output: Option<&Path>) -> String {
    let measured = |m: &Option<measure::Measured>| m.as_ref().is_some_and(|m| m.status == Status::Ok);
    let mut found = Vec::new();
    if measured(&snapshot.metrics.active_series) {
        found.push("metrics".to_string());
    }
    if let Some(s) = &snapshot.logs.source {
        found.push(format!("logs ({s})"));
    }
    if let Some(s) = &snapshot.traces.source {
        found.push(format!("traces ({s})"));
    }
    for (name, n) in [
        ("database", snapshot.database.len()),
        ("cache", snapshot.cache.len()),
        ("hosts", snapshot.hosts.len()),
        ("containers", snapshot.containers.len()),
    ] {
        if n > 0 {
            found.push(format!("{name} ({n})"));
        }
    }
    if let Some(a) = &snapshot.actual {
        found.push(format!("CloudWatch actuals ({}, {} log group(s))", a.region, a.logs.log_groups.len()));
    }
    let mut out = format!(
        "obs-cost: measured {} from {} server(s) in {:.1}s",
        if found.is_empty() { "nothing".to_string() } else { found.join(", ") },
        snapshot.sources.len(),
        elapsed.as_secs_f64()
    );
    let missing: Vec<&str> = snapshot.not_measured.iter().map(|n| n.component.as_str()).collect();
    if !missing.is_empty() {
        out.push_str(&format!("; not measured: {}", missing.join(", ")));
    }
    if let Some(d) = snapshot.deduplication.as_ref().filter(|d| d.shared_targets > 0) {
        out.push_str(&match d.mode.as_str() {
            "sum_servers" => {
                format!("; {} target(s) shared by several servers ADDED UP (--sum-servers)", d.shared_targets)
            }
            _ => format!("; {} target(s) shared by several servers counted once", d.shared_targets),
        });
    }
    if !snapshot.failed_queries.is_empty() {
        out.push_str(&format!("; {} queries FAILED (see failed_queries)", snapshot.failed_queries.len()));
    }
    if let Some(path) = output {
        out.push_str(&format!("; wrote {}", path.display()));
    }
    out.push('\n');
    out.push_str(&used_series(snapshot));
    for n in &snapshot.not_measured {
        let hint: String = n.hint.chars().filter(|c| !c.is_control()).collect();
        out.push_str(&format!("  not measured: {}: {hint}\n", n.component));
    }
    if !missing.is_empty() {
        out.push_str("  (what was not measured stays unknown in the plan, never $0)\n");
    }
    let file = output.map_or_else(|| "FILE".to_string(), |p| p.display().to_string());
    if output.is_none() {
        out.push_str("next: save the snapshot with -o FILE, then\n");
    } else {
        out.push_str("next:\n");
    }
    if snapshot.sources.is_empty() {
        out.push_str(&format!("  obs-cost plan --scenario SCENARIO.yaml --actual {file}   # forecast vs actual\n"));
    } else {
        out.push_str(&format!("  obs-cost init --usage {file}   # a scenario with your team's values, to edit\n"));
        out.push_str(&format!("  obs-cost plan --usage {file}   # or plan it now with the defaults\n"));
    }
    out
}

/// The used-series analysis' line, when it ran: the series rules and dashboards read against the
/// active series, the metric names, and the expressions it could not parse.
fn used_series(snapshot: &UsageSnapshot) -> String {
    let m = &snapshot.metrics;
    let value = |v: &Option<measure::Measured>| v.as_ref().filter(|v| v.status == Status::Ok).and_then(|v| v.value);
    let Some(used) = value(&m.series_used_by_rules_and_dashboards) else { return String::new() };
    let count = |v: f64| {
        rust_decimal::Decimal::from_f64_retain(v)
            .map_or_else(|| format!("{v}"), |d| crate::units::group_thousands(d, 0))
    };
    let of = value(&m.active_series).map_or_else(String::new, |a| format!(" of {} active", count(a)));
    let names = m.used_metric_names.as_ref().map_or(0, Vec::len);
    let unparsed = m.unparsed_expressions.as_ref().map_or(0, Vec::len);
    format!(
        "  used series: rules and dashboards read {} series{of} ({names} metric names); {}\n",
        count(used),
        if unparsed == 0 {
            "every expression parsed".to_string()
        } else {
            format!("{unparsed} expression(s) not parsed (see metrics.unparsed_expressions)")
        }
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn example() -> UsageSnapshot {
        let text = include_str!("../../examples/usage-snapshot.yaml");
        crate::measure::parse_snapshot(text).unwrap()
    }

    #[test]
    fn says_what_was_found_what_was_not_and_what_to_run_next() {
        let text = summary(&example(), Duration::from_millis(1500), Some(Path::new("usage.yaml")));
        let lines: Vec<&str> = text.lines().collect();
        assert!(lines[0].starts_with("obs-cost: measured metrics, logs (loki), traces (jaeger), database (1), cache (1), hosts (1) from 1 server(s) in 1.5s; not measured: containers; wrote usage.yaml"), "{text}");
        assert!(text.contains("  not measured: containers: no cAdvisor metrics"), "{text}");
        assert_eq!(
            lines[1],
            "  used series: rules and dashboards read 265 series of 2,235 active (81 metric names); every expression parsed"
        );
        assert!(text.contains("\n  obs-cost init --usage usage.yaml   #"), "{text}");
        assert!(text.contains("\n  obs-cost plan --usage usage.yaml   #"), "{text}");
        let stdout = summary(&example(), Duration::ZERO, None);
        assert!(
            stdout.contains("next: save the snapshot with -o FILE, then\n  obs-cost init --usage FILE"),
            "{stdout}"
        );
        // Without the analysis, no used-series line.
        let mut unmeasured = example();
        unmeasured.metrics.series_used_by_rules_and_dashboards = None;
        assert!(!summary(&unmeasured, Duration::ZERO, None).contains("used series:"));
        let mut unparsed = example();
        unparsed.metrics.unparsed_expressions =
            Some(vec![measure::UnparsedExpression { source: "s".into(), expr: "e".into(), error: "x".into() }]);
        assert!(summary(&unparsed, Duration::ZERO, None).contains("1 expression(s) not parsed"));
        let mut actual_only = example();
        actual_only.sources.clear();
        assert!(summary(&actual_only, Duration::ZERO, None).contains("--actual FILE"));
    }
}
