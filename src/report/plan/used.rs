//! "What your rules and dashboards read", the way every human-readable format says it: the lines
//! and rows the table and Markdown share, and the view the HTML report fills its section with
//! (used against unused series, the per-phase choice between shipping every series and shipping
//! the used ones, the largest unused metrics with their shares, provenance, the expressions not
//! parsed). When the plan has no used-series count, every format says how to measure it.

use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;

use super::html::Row;
use crate::plan::measured::ValueSource;
use crate::plan::used::{SeriesPricing, UsedSeries};
use crate::plan::Plan;
use crate::report::svg;
use crate::report::wording::lower_bound;
use crate::scenario::SeriesSelection;
use crate::units::{group_thousands, usd, Exact, Money};

/// The section's title, in every format.
pub const TITLE: &str = "What your rules and dashboards read";

/// What to run to get the used series.
pub const HOW_TO_MEASURE: &str = "obs-cost measure --prometheus URL --grafana-dashboards DIR --rule-files 'GLOB' -o usage.yaml (or --grafana URL --grafana-token-file FILE for Grafana's API)";

/// Unparsed expressions listed in the table and Markdown (the HTML report and the JSON list all).
const TEXT_UNPARSED: usize = 10;
/// Characters of an unparsed expression shown in the table and Markdown.
const TEXT_EXPR_CHARS: usize = 160;
/// Metric names listed in the HTML report (the JSON lists all).
const HTML_NAMES: usize = 2_000;
/// Unparsed expressions listed in the HTML report (the JSON lists all).
const HTML_UNPARSED: usize = 500;

fn unknown_money(m: Option<Money>) -> String {
    m.map_or_else(|| "unknown".into(), |m| usd(m.0))
}

fn series(e: Exact) -> String {
    group_thousands(e.0, 0)
}

/// `text` on one line without control characters (a dashboard is not trusted), at most `max`
/// characters (`…` when cut).
pub fn one_line(text: &str, max: usize) -> String {
    let clean: String = text.chars().map(|c| if c.is_control() { ' ' } else { c }).collect();
    if clean.chars().count() > max {
        clean.chars().take(max).collect::<String>() + "…"
    } else {
        clean
    }
}

/// The sentence when the plan has no used-series count, or `None` when it has one.
pub fn missing(p: &Plan) -> Option<String> {
    match &p.used_series {
        None => Some(format!(
            "{TITLE}: not recorded in this plan (saved by an older build); plan it again with this build."
        )),
        Some(u) if u.used_series.is_none() => Some(format!(
            "{TITLE}: not measured, so the series nobody reads are not priced. Measure them with {HOW_TO_MEASURE} and plan with that snapshot, or give usage.metrics.series_used_by_rules_and_dashboards in the scenario."
        )),
        Some(_) => None,
    }
}

/// Used against active series, with the share: `265 of 2,235 active series (11.9%)`.
fn used_of_active(u: &UsedSeries) -> String {
    match (u.used_series, u.active_series) {
        (Some(used), Some(active)) if active.0 > Decimal::ZERO => format!(
            "{} of {} active series ({}%)",
            series(used),
            series(active),
            group_thousands(used.0 / active.0 * Decimal::ONE_HUNDRED, 1)
        ),
        (Some(used), Some(active)) => format!("{} of {} active series", series(used), series(active)),
        (Some(used), None) => format!("{} series (active series unknown)", series(used)),
        _ => "unknown".into(),
    }
}

/// Where the used count came from, in words.
pub fn provenance(u: &UsedSeries) -> String {
    match u.source {
        Some(ValueSource::Scenario) => "given in the scenario".into(),
        Some(ValueSource::Snapshot) => format!(
            "measured by obs-cost measure: {} ({}, {})",
            u.query.as_deref().unwrap_or("query not recorded"),
            window(u.window_seconds),
            if u.extrapolated == Some(true) { "extrapolated" } else { "not extrapolated" }
        ),
        None => "unknown".into(),
    }
}

/// A measurement window in words.
pub fn window(seconds: Option<u64>) -> String {
    match seconds {
        None => "—".into(),
        Some(0) => "instant".into(),
        Some(s) if s % 86_400 == 0 => format!("{} days", s / 86_400),
        Some(s) if s % 3600 == 0 => format!("{} hours", s / 3600),
        Some(s) => format!("{s} s"),
    }
}

/// The choice the phases' totals use, in words.
pub fn chosen(s: SeriesSelection) -> &'static str {
    match s {
        SeriesSelection::All => "every series",
        SeriesSelection::Used => "the used series",
    }
}

/// What the unused series cost on CloudWatch and on AMP, one sentence each.
fn cost_sentences(u: &UsedSeries) -> Vec<String> {
    let mut out = Vec::new();
    match (u.cloudwatch_ship_all_monthly_usd, u.cloudwatch_ship_used_monthly_usd) {
        (Some(all), Some(used)) => out.push(format!(
            "CloudWatch, the metrics workload a month: every series {}, only the used series {}: the unused series cost {} a month. This plan ships {} (mapping.cloudwatch_series: {}).",
            lower_bound(all.0, u.cloudwatch_unknown_line_items),
            lower_bound(used.0, u.cloudwatch_unknown_line_items),
            unknown_money(u.cloudwatch_unused_monthly_usd),
            chosen(u.cloudwatch_series),
            u.cloudwatch_series.as_str()
        )),
        _ => out.push(format!(
            "CloudWatch: not priced both ways (the active or used series are unknown, or metrics move in no phase); this plan ships {} (mapping.cloudwatch_series: {}).",
            chosen(u.cloudwatch_series),
            u.cloudwatch_series.as_str()
        )),
    }
    match u.managed_prometheus_monthly_usd {
        Some(amp) => out.push(format!(
            "Amazon Managed Prometheus ingests and stores every sample, whatever reads it: the unused series are {} of its {} a month (drop them before remote write to save it).",
            unknown_money(u.managed_prometheus_unused_monthly_usd),
            lower_bound(amp.0, u.managed_prometheus_unknown_line_items)
        )),
        None => out.push(
            "Amazon Managed Prometheus ingests and stores every sample, whatever reads it (its samples are unknown here, so it is not priced).".into(),
        ),
    }
    out
}

/// The section in lines, for the terminal and Markdown (the tables come from [`phase_rows`] and
/// [`unused_rows`]).
pub fn lines(p: &Plan) -> Vec<String> {
    if let Some(m) = missing(p) {
        return vec![m];
    }
    let Some(u) = &p.used_series else { return Vec::new() };
    let mut out = vec![
        format!(
            "{TITLE}: {} from {} metric name(s); {} series nobody reads.",
            used_of_active(u),
            u.used_metric_names.len(),
            u.unused_series.map_or_else(|| "unknown".into(), series),
        ),
        format!(
            "Used series {}{}.",
            provenance(u),
            u.note.as_deref().map_or_else(String::new, |n| format!("; {}", one_line(n, 400)))
        ),
    ];
    out.extend(cost_sentences(u));
    out.extend(u.notes.iter().map(|n| format!("Note: {n}.")));
    out
}

/// The unparsed expressions for the terminal and Markdown: source, expression, error (the first
/// few, shortened), and a line saying how many more there are.
pub fn unparsed_lines(u: &UsedSeries) -> Vec<String> {
    let n = u.unparsed_expressions.len();
    if n == 0 {
        return vec!["Expressions not parsed: none.".into()];
    }
    let mut out =
        vec![format!("Expressions not parsed: {n} (their metric names may be missing from the used series):")];
    for e in u.unparsed_expressions.iter().take(TEXT_UNPARSED) {
        out.push(format!(
            "{}: `{}`: {}",
            one_line(&e.source, 200),
            one_line(&e.expr, TEXT_EXPR_CHARS),
            one_line(&e.error, 200)
        ));
    }
    if n > TEXT_UNPARSED {
        out.push(format!("… and {} more (every one is in the plan JSON and the HTML report)", n - TEXT_UNPARSED));
    }
    out
}

/// How a text format (the terminal, Markdown) writes the block.
pub struct TextStyle {
    /// What opens the block.
    pub start: &'static str,
    /// One line of text, with its line end.
    pub line: fn(&str) -> String,
    /// A table of a header and rows, numbers aligned right, with its line end.
    pub table: fn(&[&str], Vec<Vec<String>>) -> String,
}

/// The block in a text format: its lines, the phases priced both ways, the largest unused
/// metrics and the expressions not parsed.
pub fn text(p: &Plan, style: &TextStyle) -> String {
    let mut out = style.start.to_string();
    for l in lines(p) {
        out.push_str(&(style.line)(&l));
    }
    let phases = phase_rows(p);
    if !phases.is_empty() {
        out.push_str(&(style.table)(&PHASE_HEADER, phases.into_iter().map(Vec::from).collect()));
    }
    let Some(u) = p.used_series.as_ref().filter(|_| missing(p).is_none()) else { return out };
    let rows = unused_rows(u);
    if !rows.is_empty() {
        out.push_str(&(style.table)(&UNUSED_HEADER, rows.into_iter().map(Vec::from).collect()));
    }
    for l in unparsed_lines(u) {
        out.push_str(&(style.line)(&l));
    }
    out
}

/// Header of the per-phase table.
pub const PHASE_HEADER: [&str; 5] =
    ["Phase", "AWS, every series", "AWS, used series", "Difference", "Phase total uses"];

/// One row per phase with metrics on CloudWatch: AWS a month shipping every series, shipping the
/// used series, the difference, and which the phase's totals use.
pub fn phase_rows(p: &Plan) -> Vec<[String; 5]> {
    p.phases
        .iter()
        .filter_map(|ph| ph.cloudwatch_series.as_ref().map(|s| (ph, s)))
        .map(|(ph, s): (_, &SeriesPricing)| {
            let total =
                |m: Option<Money>| m.map_or_else(|| "unknown".into(), |m| lower_bound(m.0, s.unknown_line_items));
            [
                format!("{} {}", ph.phase, ph.name),
                total(s.ship_all_aws_monthly_usd),
                total(s.ship_used_aws_monthly_usd),
                unknown_money(s.difference_monthly_usd),
                chosen(s.chosen).to_string(),
            ]
        })
        .collect()
}

/// Header of the unused-metrics table.
pub const UNUSED_HEADER: [&str; 4] = ["Metric nobody reads", "Series", "CloudWatch / month", "AMP / month"];

/// The largest unused metrics with their shares, the rest, and the total: metric, series,
/// CloudWatch, AMP.
pub fn unused_rows(u: &UsedSeries) -> Vec<[String; 4]> {
    let mut rows: Vec<[String; 4]> = u
        .unused_top_metrics
        .iter()
        .map(|t| {
            [
                one_line(&t.name, 200),
                series(t.series),
                unknown_money(t.cloudwatch_monthly_usd),
                unknown_money(t.managed_prometheus_monthly_usd),
            ]
        })
        .collect();
    if let Some(r) = &u.other_unused {
        rows.push([
            if rows.is_empty() { "all unused series".into() } else { "other unused series".into() },
            series(r.series),
            unknown_money(r.cloudwatch_monthly_usd),
            unknown_money(r.managed_prometheus_monthly_usd),
        ]);
    }
    if !u.unused_top_metrics.is_empty() {
        rows.push([
            "total unused".into(),
            u.unused_series.map_or_else(|| "unknown".into(), series),
            unknown_money(u.cloudwatch_unused_monthly_usd),
            unknown_money(u.managed_prometheus_unused_monthly_usd),
        ]);
    }
    rows
}

/// A card of the HTML section.
pub struct Card {
    /// Label.
    pub label: String,
    /// The figure.
    pub value: String,
    /// The line under it.
    pub sub: String,
}

/// The HTML report's section, formatted.
#[derive(Default)]
pub struct UsedView {
    /// Why there is nothing to show and how to get it; empty when there is a count.
    pub missing: String,
    /// The opening sentence.
    pub lead: String,
    /// The used/unused bar (inline SVG).
    pub chart: String,
    /// Its text alternative.
    pub chart_text: String,
    /// Used, unused, and their cost on each target.
    pub cards: Vec<Card>,
    /// What the unused series cost on each target, in sentences.
    pub costs: Vec<String>,
    /// Per phase: phase, every series, used series, difference, total uses.
    pub phases: Vec<Row>,
    /// Metric, series, CloudWatch, AMP, one row per unused metric listed by name.
    pub unused: Vec<Row>,
    /// The same for the unused series not listed and for all of them.
    pub unused_totals: Vec<Row>,
    /// How the unused series are priced.
    pub method: String,
    /// Source, query, window, extrapolated, note: label and value.
    pub provenance: Vec<Row>,
    /// Source, expression, error (the first [`HTML_UNPARSED`]).
    pub unparsed: Vec<Row>,
    /// How many more the plan JSON lists, in words; empty when none.
    pub unparsed_more: String,
    /// How many metric names were read.
    pub names_count: usize,
    /// Those names, comma-separated (the first [`HTML_NAMES`]).
    pub names: String,
    /// Caveats.
    pub notes: Vec<String>,
}

/// The HTML view of the section.
pub fn view(p: &Plan) -> UsedView {
    let mut v = UsedView {
        missing: missing(p)
            .map(|m| m.strip_prefix(&format!("{TITLE}: ")).map_or(m.clone(), str::to_string))
            .unwrap_or_default(),
        phases: phase_rows(p).into_iter().map(|r| Row(r.to_vec())).collect(),
        ..UsedView::default()
    };
    let Some(u) = &p.used_series else { return v };
    let n = u.unparsed_expressions.len();
    if n > HTML_UNPARSED {
        v.unparsed_more =
            format!("… and {} more, listed in the plan JSON (used_series.unparsed_expressions).", n - HTML_UNPARSED);
    }
    v.unparsed = u
        .unparsed_expressions
        .iter()
        .take(HTML_UNPARSED)
        .map(|e| Row(vec![e.source.clone(), e.expr.clone(), e.error.clone()]))
        .collect();
    if !v.missing.is_empty() {
        return v;
    }
    v.lead = format!(
        "Alerting rules, the recording rules they read and dashboards read {}, from {} metric name(s); the other {} series are collected, stored and, on CloudWatch, billed as custom metrics for nobody.",
        used_of_active(u),
        u.used_metric_names.len(),
        u.unused_series.map_or_else(|| "(unknown)".into(), series)
    );
    let used = u.used_series.map_or(0.0, |e| e.0.to_f64().unwrap_or(0.0));
    let unused = u.unused_series.map_or(0.0, |e| e.0.to_f64().unwrap_or(0.0));
    v.chart_text = format!(
        "Active series read by rules and dashboards: {} used, {} unused.",
        u.used_series.map_or_else(|| "unknown".into(), series),
        u.unused_series.map_or_else(|| "unknown".into(), series)
    );
    v.chart = svg::share_bar(
        "chart-used",
        "Active series: read by rules and dashboards, or by nobody",
        &v.chart_text,
        &[("Used".into(), used), ("Unused".into(), unused)],
    );
    v.cards = vec![
        Card {
            label: "Series read by rules and dashboards".into(),
            value: u.used_series.map_or_else(|| "unknown".into(), series),
            sub: used_of_active(u),
        },
        Card {
            label: "Series nobody reads".into(),
            value: u.unused_series.map_or_else(|| "unknown".into(), series),
            sub: format!("{} metric name(s) read", u.used_metric_names.len()),
        },
        Card {
            label: "Unused series on CloudWatch".into(),
            value: unknown_money(u.cloudwatch_unused_monthly_usd),
            sub: format!("a month; this plan ships {}", chosen(u.cloudwatch_series)),
        },
        Card {
            label: "Unused series on Managed Prometheus".into(),
            value: unknown_money(u.managed_prometheus_unused_monthly_usd),
            sub: "a month; AMP ingests every sample".into(),
        },
    ];
    v.costs = cost_sentences(u);
    let mut rows: Vec<Row> = unused_rows(u).into_iter().map(|r| Row(r.to_vec())).collect();
    v.unused_totals = rows.split_off(u.unused_top_metrics.len().min(rows.len()));
    v.unused = rows;
    v.method = u.method.clone();
    v.provenance = vec![
        Row(vec![
            "Source".into(),
            match u.source {
                Some(ValueSource::Scenario) => "given in the scenario".into(),
                Some(ValueSource::Snapshot) => "snapshot (obs-cost measure)".into(),
                None => "unknown".into(),
            },
        ]),
        Row(vec!["Query".into(), u.query.clone().unwrap_or_else(|| "—".into())]),
        Row(vec!["Window".into(), window(u.window_seconds)]),
        Row(vec![
            "Extrapolated".into(),
            match u.extrapolated {
                None => "—".into(),
                Some(true) => "yes".into(),
                Some(false) => "no".into(),
            },
        ]),
        Row(vec!["What was read".into(), u.note.clone().unwrap_or_else(|| "—".into())]),
    ];
    v.names_count = u.used_metric_names.len();
    let mut names = u.used_metric_names.iter().take(HTML_NAMES).cloned().collect::<Vec<_>>().join(", ");
    if v.names_count > HTML_NAMES {
        names.push_str(&format!(" … and {} more (in the plan JSON)", v.names_count - HTML_NAMES));
    }
    v.names = names;
    v.notes = u.notes.clone();
    v
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::measure::UnparsedExpression;

    fn example() -> Plan {
        let text = include_str!("../../../scenarios/expected/example.json");
        Plan::from_json(text).unwrap()
    }

    #[test]
    fn untrusted_text_is_one_line_without_control_characters() {
        assert_eq!(one_line("a\u{1b}[31mb\nc", 100), "a [31mb c");
        assert_eq!(one_line("abcdef", 3), "abc…");
    }

    #[test]
    fn the_unused_series_without_a_list_are_one_row_and_many_expressions_are_capped() {
        let p = example();
        let u = p.used_series.as_ref().unwrap();
        // example.yaml gives the used series but no unused metric names: one row for them all.
        let rows = unused_rows(u);
        assert_eq!(rows.len(), 1, "{rows:?}");
        assert_eq!(rows[0][..3], ["all unused series".to_string(), "18,000".into(), "$3,400.00".into()]);
        let mut many = p.clone();
        let expr = |i: usize| UnparsedExpression { source: format!("rule {i}"), expr: "x{".into(), error: "e".into() };
        many.used_series.as_mut().unwrap().unparsed_expressions = (0..HTML_UNPARSED + 7).map(expr).collect();
        let v = view(&many);
        assert_eq!(v.unparsed.len(), HTML_UNPARSED);
        assert!(v.unparsed_more.contains("… and 7 more"), "{}", v.unparsed_more);
        let text = unparsed_lines(many.used_series.as_ref().unwrap());
        assert_eq!(text.len(), 1 + TEXT_UNPARSED + 1, "{text:?}");
        assert!(text[TEXT_UNPARSED + 1].contains(&format!("and {} more", HTML_UNPARSED + 7 - TEXT_UNPARSED)));
    }

    #[test]
    fn without_a_count_every_format_says_how_to_measure() {
        let mut p = example();
        p.used_series.as_mut().unwrap().used_series = None;
        let m = missing(&p).unwrap();
        assert!(m.contains("not measured") && m.contains(HOW_TO_MEASURE), "{m}");
        assert_eq!(lines(&p).as_slice(), std::slice::from_ref(&m));
        let v = view(&p);
        assert!(v.cards.is_empty() && v.chart.is_empty() && v.missing.starts_with("not measured"), "{}", v.missing);
        p.used_series = None;
        assert!(missing(&p).unwrap().contains("not recorded in this plan"));
    }
}
