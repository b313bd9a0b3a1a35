//! "What your rules and dashboards read", the way every human-readable format says it: the lines
//! and rows the table and Markdown share, and the view the HTML report fills its section with
//! (used against unused series, the per-phase choice between shipping every series and shipping
//! the used ones, the largest unused metrics with their shares, provenance, the expressions not
//! parsed). When the plan has no used-series count, every format says how to measure it.

use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;

use super::html::Row;
use crate::i18n::Locale;
use crate::plan::measured::ValueSource;
use crate::plan::used::{SeriesPricing, UsedSeries};
use crate::plan::Plan;
use crate::report::svg;
use crate::report::wording::{lower_bound, phase_name};
use crate::scenario::SeriesSelection;
use crate::tr;
use crate::units::{group_thousands, Exact, Money};

/// The section's title, in every format.
pub fn title(l: &Locale) -> String {
    l.t("used-title")
}

/// What to run to get the used series.
pub fn how_to_measure(l: &Locale) -> String {
    l.t("used-how-to-measure")
}

/// Unparsed expressions listed in the table and Markdown (the HTML report and the JSON list all).
const TEXT_UNPARSED: usize = 10;
/// Characters of an unparsed expression shown in the table and Markdown.
const TEXT_EXPR_CHARS: usize = 160;
/// Metric names listed in the HTML report (the JSON lists all).
const HTML_NAMES: usize = 2_000;
/// Unparsed expressions listed in the HTML report (the JSON lists all).
const HTML_UNPARSED: usize = 500;

fn unknown_money(l: &Locale, m: Option<Money>) -> String {
    m.map_or_else(|| l.t("unknown"), |m| l.money(m.0))
}

fn series(e: Exact) -> String {
    group_thousands(e.0, 0)
}

fn series_or_unknown(l: &Locale, e: Option<Exact>) -> String {
    e.map_or_else(|| l.t("unknown"), series)
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

/// The sentence when the plan has no used-series count, or `None` when it has one; it starts
/// with the title and `: `.
pub fn missing(l: &Locale, p: &Plan) -> Option<String> {
    match &p.used_series {
        None => Some(tr!(l, "used-missing-old", title = title(l))),
        Some(u) if u.used_series.is_none() => {
            Some(tr!(l, "used-missing-unmeasured", title = title(l), how = how_to_measure(l)))
        }
        Some(_) => None,
    }
}

/// Used against active series, with the share: `265 of 2,235 active series (11.9%)`.
fn used_of_active(l: &Locale, u: &UsedSeries) -> String {
    match (u.used_series, u.active_series) {
        (Some(used), Some(active)) if active.0 > Decimal::ZERO => tr!(
            l,
            "used-of-active",
            used = series(used),
            active = series(active),
            share = group_thousands(used.0 / active.0 * Decimal::ONE_HUNDRED, 1)
        ),
        (Some(used), Some(active)) => tr!(l, "used-of-active-no-share", used = series(used), active = series(active)),
        (Some(used), None) => tr!(l, "used-active-unknown", used = series(used)),
        _ => l.t("unknown"),
    }
}

/// Where the used count came from, in words.
pub fn provenance(l: &Locale, u: &UsedSeries) -> String {
    match u.source {
        Some(ValueSource::Scenario) => l.t("used-src-scenario"),
        Some(ValueSource::Snapshot) => tr!(
            l,
            "used-src-snapshot",
            query = u.query.clone().unwrap_or_else(|| l.t("used-query-not-recorded")),
            window = window(l, u.window_seconds),
            extrapolated =
                l.t(if u.extrapolated == Some(true) { "used-extrapolated" } else { "used-not-extrapolated" })
        ),
        None => l.t("unknown"),
    }
}

/// A measurement window in words.
pub fn window(l: &Locale, seconds: Option<u64>) -> String {
    match seconds {
        None => "—".into(),
        Some(0) => l.t("r-window-instant"),
        Some(s) if s % 86_400 == 0 => tr!(l, "r-window-days", days = s / 86_400),
        Some(s) if s % 3600 == 0 => tr!(l, "r-window-hours", hours = s / 3600),
        Some(s) => tr!(l, "r-window-seconds", seconds = s),
    }
}

/// The choice the phases' totals use, in words.
pub fn chosen(l: &Locale, s: SeriesSelection) -> String {
    l.t(match s {
        SeriesSelection::All => "used-chosen-all",
        SeriesSelection::Used => "used-chosen-used",
    })
}

/// What the unused series cost on CloudWatch and on AMP, one sentence each.
fn cost_sentences(l: &Locale, u: &UsedSeries) -> Vec<String> {
    let mut out = Vec::new();
    match (u.cloudwatch_ship_all_monthly_usd, u.cloudwatch_ship_used_monthly_usd) {
        (Some(all), Some(used)) => out.push(tr!(
            l,
            "used-cw-cost",
            all = lower_bound(l, all.0, u.cloudwatch_unknown_line_items),
            used = lower_bound(l, used.0, u.cloudwatch_unknown_line_items),
            unused = unknown_money(l, u.cloudwatch_unused_monthly_usd),
            chosen = chosen(l, u.cloudwatch_series),
            key = u.cloudwatch_series.as_str()
        )),
        _ => out.push(tr!(
            l,
            "used-cw-unpriced",
            chosen = chosen(l, u.cloudwatch_series),
            key = u.cloudwatch_series.as_str()
        )),
    }
    match u.managed_prometheus_monthly_usd {
        Some(amp) => out.push(tr!(
            l,
            "used-amp-cost",
            unused = unknown_money(l, u.managed_prometheus_unused_monthly_usd),
            total = lower_bound(l, amp.0, u.managed_prometheus_unknown_line_items)
        )),
        None => out.push(l.t("used-amp-unpriced")),
    }
    out
}

/// The section in lines, for the terminal and Markdown (the tables come from [`phase_rows`] and
/// [`unused_rows`]); the first starts with the title and `: `.
pub fn lines(l: &Locale, p: &Plan) -> Vec<String> {
    if let Some(m) = missing(l, p) {
        return vec![m];
    }
    let Some(u) = &p.used_series else { return Vec::new() };
    let mut out = vec![
        // A count given without its names (in a scenario) does not claim "from 0 metric names".
        if u.used_metric_names.is_empty() {
            tr!(
                l,
                "used-head-no-names",
                title = title(l),
                used_of_active = used_of_active(l, u),
                unused = series_or_unknown(l, u.unused_series)
            )
        } else {
            tr!(
                l,
                "used-head",
                title = title(l),
                used_of_active = used_of_active(l, u),
                names = u.used_metric_names.len(),
                unused = series_or_unknown(l, u.unused_series)
            )
        },
        match u.note.as_deref() {
            Some(n) => tr!(l, "used-provenance-note", provenance = provenance(l, u), note = one_line(&l.doc(n), 400)),
            None => tr!(l, "used-provenance", provenance = provenance(l, u)),
        },
    ];
    out.extend(cost_sentences(l, u));
    out.extend(u.notes.iter().map(|n| tr!(l, "used-note", note = l.doc(n))));
    out
}

/// The unparsed expressions for the terminal and Markdown: source, expression, error (the first
/// few, shortened), and a line saying how many more there are.
pub fn unparsed_lines(l: &Locale, u: &UsedSeries) -> Vec<String> {
    let n = u.unparsed_expressions.len();
    if n == 0 {
        return vec![l.t("used-unparsed-none")];
    }
    let mut out = vec![tr!(l, "used-unparsed-count", count = n)];
    for e in u.unparsed_expressions.iter().take(TEXT_UNPARSED) {
        out.push(format!(
            "{}: `{}`: {}",
            one_line(&e.source, 200),
            one_line(&e.expr, TEXT_EXPR_CHARS),
            one_line(&e.error, 200)
        ));
    }
    if n > TEXT_UNPARSED {
        out.push(tr!(l, "used-unparsed-more-text", count = n - TEXT_UNPARSED));
    }
    out
}

/// How a text format (the terminal, Markdown) writes the block.
pub struct TextStyle {
    /// What opens the block, from the section's title.
    pub start: fn(&str) -> String,
    /// One line of text (the section's title given), with its line end.
    pub line: fn(&str, &str) -> String,
    /// A table of a header and rows, numbers aligned right, with its line end.
    pub table: fn(&[String], Vec<Vec<String>>) -> String,
}

/// The block in a text format: its lines, the phases priced both ways, the largest unused
/// metrics and the expressions not parsed.
pub fn text(l: &Locale, p: &Plan, style: &TextStyle) -> String {
    let title = title(l);
    let mut out = (style.start)(&title);
    for line in lines(l, p) {
        out.push_str(&(style.line)(&title, &line));
    }
    let phases = phase_rows(l, p);
    if !phases.is_empty() {
        out.push_str(&(style.table)(&PHASE_HEADER.map(|id| l.t(id)), phases.into_iter().map(Vec::from).collect()));
    }
    let Some(u) = p.used_series.as_ref().filter(|_| missing(l, p).is_none()) else { return out };
    let rows = unused_rows(l, u);
    if !rows.is_empty() {
        out.push_str(&(style.table)(&UNUSED_HEADER.map(|id| l.t(id)), rows.into_iter().map(Vec::from).collect()));
    }
    for line in unparsed_lines(l, u) {
        out.push_str(&(style.line)(&title, &line));
    }
    out
}

/// Header of the per-phase table (message ids).
pub const PHASE_HEADER: [&str; 5] =
    ["col-phase", "col-aws-every-series", "col-aws-used-series", "col-difference", "col-phase-total-uses-short"];

/// One row per phase with metrics on CloudWatch: AWS a month shipping every series, shipping the
/// used series, the difference, and which the phase's totals use.
pub fn phase_rows(l: &Locale, p: &Plan) -> Vec<[String; 5]> {
    p.phases
        .iter()
        .filter_map(|ph| ph.cloudwatch_series.as_ref().map(|s| (ph, s)))
        .map(|(ph, s): (_, &SeriesPricing)| {
            let total =
                |m: Option<Money>| m.map_or_else(|| l.t("unknown"), |m| lower_bound(l, m.0, s.unknown_line_items));
            [
                format!("{} {}", ph.phase, phase_name(l, &ph.name)),
                total(s.ship_all_aws_monthly_usd),
                total(s.ship_used_aws_monthly_usd),
                unknown_money(l, s.difference_monthly_usd),
                chosen(l, s.chosen),
            ]
        })
        .collect()
}

/// Header of the unused-metrics table (message ids).
pub const UNUSED_HEADER: [&str; 4] = ["col-metric-unread", "col-series", "col-cw-per-month", "col-amp-short-per-month"];

/// The largest unused metrics with their shares, the rest, and the total: metric, series,
/// CloudWatch, AMP.
pub fn unused_rows(l: &Locale, u: &UsedSeries) -> Vec<[String; 4]> {
    let mut rows: Vec<[String; 4]> = u
        .unused_top_metrics
        .iter()
        .map(|t| {
            [
                one_line(&t.name, 200),
                series(t.series),
                unknown_money(l, t.cloudwatch_monthly_usd),
                unknown_money(l, t.managed_prometheus_monthly_usd),
            ]
        })
        .collect();
    if let Some(r) = &u.other_unused {
        rows.push([
            l.t(if rows.is_empty() { "used-all-unused" } else { "used-other-unused" }),
            series(r.series),
            unknown_money(l, r.cloudwatch_monthly_usd),
            unknown_money(l, r.managed_prometheus_monthly_usd),
        ]);
    }
    if !u.unused_top_metrics.is_empty() {
        rows.push([
            l.t("used-total-unused"),
            series_or_unknown(l, u.unused_series),
            unknown_money(l, u.cloudwatch_unused_monthly_usd),
            unknown_money(l, u.managed_prometheus_unused_monthly_usd),
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
    /// The line that opens the list of names (with their count).
    pub names_summary: String,
    /// Those names, comma-separated (the first [`HTML_NAMES`]).
    pub names: String,
    /// Caveats.
    pub notes: Vec<String>,
}

/// The HTML view of the section.
pub fn view(l: &Locale, p: &Plan) -> UsedView {
    let prefix = format!("{}: ", title(l));
    let mut v = UsedView {
        missing: missing(l, p).map(|m| m.strip_prefix(&prefix).map_or(m.clone(), str::to_string)).unwrap_or_default(),
        phases: phase_rows(l, p).into_iter().map(|r| Row(r.to_vec())).collect(),
        ..UsedView::default()
    };
    let Some(u) = &p.used_series else { return v };
    let n = u.unparsed_expressions.len();
    if n > HTML_UNPARSED {
        v.unparsed_more = tr!(l, "used-unparsed-more-report", count = n - HTML_UNPARSED);
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
    let unused_text = u.unused_series.map_or_else(|| l.t("used-unknown-paren"), series);
    v.lead = if u.used_metric_names.is_empty() {
        tr!(l, "used-lead-no-names", used_of_active = used_of_active(l, u), unused = unused_text)
    } else {
        tr!(
            l,
            "used-lead",
            used_of_active = used_of_active(l, u),
            names = u.used_metric_names.len(),
            unused = unused_text
        )
    };
    let used = u.used_series.map_or(0.0, |e| e.0.to_f64().unwrap_or(0.0));
    let unused = u.unused_series.map_or(0.0, |e| e.0.to_f64().unwrap_or(0.0));
    v.chart_text = tr!(
        l,
        "used-chart-text",
        used = series_or_unknown(l, u.used_series),
        unused = series_or_unknown(l, u.unused_series)
    );
    v.chart = svg::share_bar(
        "chart-used",
        &l.t("used-chart-title"),
        &v.chart_text,
        &[(l.t("used-legend-used"), used), (l.t("used-legend-unused"), unused)],
    );
    v.cards = vec![
        Card { label: l.t("used-card-used"), value: series_or_unknown(l, u.used_series), sub: used_of_active(l, u) },
        Card {
            label: l.t("used-card-unused"),
            value: series_or_unknown(l, u.unused_series),
            sub: match u.used_metric_names.len() {
                0 => l.t("used-card-unused-sub-no-names"),
                n => tr!(l, "used-card-unused-sub", names = n),
            },
        },
        Card {
            label: l.t("used-card-cw"),
            value: unknown_money(l, u.cloudwatch_unused_monthly_usd),
            sub: tr!(l, "used-card-cw-sub", chosen = chosen(l, u.cloudwatch_series)),
        },
        Card {
            label: l.t("used-card-amp"),
            value: unknown_money(l, u.managed_prometheus_unused_monthly_usd),
            sub: l.t("used-card-amp-sub"),
        },
    ];
    v.costs = cost_sentences(l, u);
    let mut rows: Vec<Row> = unused_rows(l, u).into_iter().map(|r| Row(r.to_vec())).collect();
    v.unused_totals = rows.split_off(u.unused_top_metrics.len().min(rows.len()));
    v.unused = rows;
    v.method = l.doc(&u.method);
    v.provenance = vec![
        Row(vec![
            l.t("col-source"),
            match u.source {
                Some(ValueSource::Scenario) => l.t("used-src-scenario"),
                Some(ValueSource::Snapshot) => l.t("used-prov-snapshot"),
                None => l.t("unknown"),
            },
        ]),
        Row(vec![l.t("col-query"), u.query.clone().unwrap_or_else(|| "—".into())]),
        Row(vec![l.t("col-window"), window(l, u.window_seconds)]),
        Row(vec![
            l.t("col-extrapolated"),
            match u.extrapolated {
                None => "—".into(),
                Some(true) => l.t("yes"),
                Some(false) => l.t("no"),
            },
        ]),
        Row(vec![l.t("used-prov-read"), u.note.as_deref().map_or_else(|| "—".into(), |n| l.doc(n))]),
    ];
    v.names_count = u.used_metric_names.len();
    v.names_summary = tr!(l, "used-names-summary", count = v.names_count);
    let mut names = u.used_metric_names.iter().take(HTML_NAMES).cloned().collect::<Vec<_>>().join(", ");
    if v.names_count > HTML_NAMES {
        names.push(' ');
        names.push_str(&tr!(l, "used-names-more", count = v.names_count - HTML_NAMES));
    }
    v.names = names;
    v.notes = u.notes.iter().map(|n| l.doc(n)).collect();
    v
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::measure::UnparsedExpression;

    fn en() -> Locale {
        Locale::english()
    }

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
        let rows = unused_rows(&en(), u);
        assert_eq!(rows.len(), 1, "{rows:?}");
        assert_eq!(rows[0][..3], ["all unused series".to_string(), "18,000".into(), "$3,400.00".into()]);
        let mut many = p.clone();
        let expr = |i: usize| UnparsedExpression { source: format!("rule {i}"), expr: "x{".into(), error: "e".into() };
        many.used_series.as_mut().unwrap().unparsed_expressions = (0..HTML_UNPARSED + 7).map(expr).collect();
        let v = view(&en(), &many);
        assert_eq!(v.unparsed.len(), HTML_UNPARSED);
        assert!(v.unparsed_more.contains("… and 7 more"), "{}", v.unparsed_more);
        let text = unparsed_lines(&en(), many.used_series.as_ref().unwrap());
        assert_eq!(text.len(), 1 + TEXT_UNPARSED + 1, "{text:?}");
        assert!(text[TEXT_UNPARSED + 1].contains(&format!("and {} more", HTML_UNPARSED + 7 - TEXT_UNPARSED)));
    }

    #[test]
    fn without_a_count_every_format_says_how_to_measure() {
        let mut p = example();
        p.used_series.as_mut().unwrap().used_series = None;
        let m = missing(&en(), &p).unwrap();
        assert!(m.contains("not measured") && m.contains(&how_to_measure(&en())), "{m}");
        assert_eq!(lines(&en(), &p).as_slice(), std::slice::from_ref(&m));
        let v = view(&en(), &p);
        assert!(v.cards.is_empty() && v.chart.is_empty() && v.missing.starts_with("not measured"), "{}", v.missing);
        p.used_series = None;
        assert!(missing(&en(), &p).unwrap().contains("not recorded in this plan"));
    }
}
