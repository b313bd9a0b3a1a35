//! The plan's `usage` section: every usage value the plan used, with where it came from, and the
//! top metrics by series with what each adds a month as CloudWatch custom metrics and on Amazon
//! Managed Prometheus. Prices are applied through `Engine` (the cost engine), never here.

use anyhow::Result;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::engine::Engine;
use crate::scenario::{Estimate, MetricsTarget, SeriesSelection, Usage};
use crate::units::{Exact, Money};

/// How the per-metric costs are computed (shown with them).
pub const TOP_METRICS_METHOD: &str = "What each metric adds a month: the metrics workload priced with and without its series (active series reduced by them, samples per second in proportion), with the scenario's free-tier setting and tiers; on CloudWatch every series becomes a custom metric (as with mapping.cloudwatch_series: all), on Amazon Managed Prometheus its samples are ingested and stored.";

/// Where a usage value came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ValueSource {
    /// Given inline in the scenario.
    Scenario,
    /// Measured by `obs-cost measure` (the scenario's `usage.snapshot` or `--usage`).
    Snapshot,
}

/// One usage value and its provenance.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UsageValue {
    /// Key path in the scenario (`usage.metrics.active_series`).
    pub key: String,
    /// Low end (the value itself when exact).
    pub low: Exact,
    /// Expected value: what every deterministic figure uses.
    pub expected: Exact,
    /// High end (the value itself when exact).
    pub high: Exact,
    /// `scenario` (given inline in the scenario) or `snapshot` (measured by `obs-cost measure`).
    pub source: ValueSource,
    /// The PromQL query that measured it; null when given in the scenario.
    #[serde(default)]
    pub query: Option<String>,
    /// Seconds of data the measurement covers; null when given in the scenario.
    #[serde(default)]
    pub window_seconds: Option<u64>,
    /// Whether the value was scaled from a shorter history; null when given in the scenario.
    #[serde(default)]
    pub extrapolated: Option<bool>,
}

/// One of the metric names with the most series.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TopMetricCost {
    /// Metric name.
    pub name: String,
    /// Its series.
    pub series: Exact,
    /// What its series add a month as CloudWatch custom metrics (null: active series unknown).
    pub cloudwatch_monthly_usd: Option<Money>,
    /// What its samples add a month on Amazon Managed Prometheus (null: samples unknown).
    pub managed_prometheus_monthly_usd: Option<Money>,
}

/// The usage section of the plan (empty in plans of builds before it: `source` is then empty).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct UsageSection {
    /// Where the usage came from, in words (`given in the scenario`, or the snapshot file).
    pub source: String,
    /// The snapshot file named by the scenario or `--usage`, if any.
    #[serde(default)]
    pub snapshot: Option<String>,
    /// Every usage value, in the scenario's order.
    pub values: Vec<UsageValue>,
    /// The metric names with the most series, largest first (empty: the usage has none).
    #[serde(default)]
    pub top_metrics: Vec<TopMetricCost>,
    /// How the per-metric costs were computed.
    #[serde(default)]
    pub top_metrics_method: String,
}

/// The usage with `series` taken out of the metrics workload: active series reduced by them,
/// samples per second in proportion (`None` when the active series are unknown or none).
pub(super) fn without(usage: &Usage, series: Decimal) -> Option<Usage> {
    let mut u = usage.clone();
    let m = u.metrics.as_mut()?;
    let total = m.active_series?.expected();
    if total <= Decimal::ZERO {
        return None;
    }
    let left = (total - series).max(Decimal::ZERO);
    let share = left / total;
    m.active_series = Some(Estimate::exact(left));
    if let Some(sps) = m.samples_per_second {
        m.samples_per_second = Some(Estimate::exact(sps.expected() * share));
    }
    Some(u)
}

/// The note a plan carries when measured values it uses were scaled to a month from less history
/// than [`crate::measure::MIN_HISTORY_SECONDS`] (a day): which values, and from how little.
pub fn short_history_note(engine: &Engine<'_>) -> Option<String> {
    let inline: std::collections::BTreeSet<String> =
        engine.scenario.usage.entries().into_iter().map(|(k, _)| k).collect();
    let short: Vec<(&String, u64)> = engine
        .measured
        .iter()
        .filter(|(k, p)| p.extrapolated && !inline.contains(*k))
        .filter_map(|(k, p)| p.history_seconds.filter(|h| *h < crate::measure::MIN_HISTORY_SECONDS).map(|h| (k, h)))
        .collect();
    let least = short.iter().map(|(_, h)| *h).min()?;
    let keys: Vec<&str> = short.iter().take(4).map(|(k, _)| k.as_str()).collect();
    let more = if short.len() > 4 { format!(" and {} more", short.len() - 4) } else { String::new() };
    Some(format!(
        "values measured on less than a day of history (as little as {}; a day is the minimum for a monthly figure) are extrapolated to a month and may be far off: {}{more}; measure again once the server holds a day of data",
        humantime::format_duration(std::time::Duration::from_secs(least)),
        keys.join(", ")
    ))
}

/// The usage section: values with provenance and the top metrics priced on both targets.
pub fn compute(engine: &Engine<'_>) -> Result<UsageSection> {
    let usage = &engine.usage;
    // A value given inline in the scenario wins over the measured one.
    let inline: std::collections::BTreeSet<String> =
        engine.scenario.usage.entries().into_iter().map(|(k, _)| k).collect();
    let values: Vec<UsageValue> = usage
        .entries()
        .into_iter()
        .map(|(key, e)| {
            let measured = (!inline.contains(&key)).then(|| engine.measured.get(&key)).flatten();
            UsageValue {
                low: Exact(e.low()),
                expected: Exact(e.expected()),
                high: Exact(e.high()),
                source: if measured.is_some() { ValueSource::Snapshot } else { ValueSource::Scenario },
                query: measured.map(|p| p.query.clone()),
                window_seconds: measured.map(|p| p.window_seconds),
                extrapolated: measured.map(|p| p.extrapolated),
                key,
            }
        })
        .collect();
    let snapshot = usage.snapshot.as_ref().map(|p| p.display().to_string());
    let from_snapshot = values.iter().filter(|v| v.source == ValueSource::Snapshot).count();
    let source = match &snapshot {
        Some(p) => format!(
            "measured by obs-cost measure (snapshot {p}): {from_snapshot} value(s) measured, {} given in the scenario (inline values win)",
            values.len() - from_snapshot
        ),
        None => "given in the scenario".to_string(),
    };
    let mut top_metrics = Vec::new();
    let top = usage.metrics.as_ref().map(|m| m.top_metrics.as_slice()).unwrap_or_default();
    // The usage without its list of top metrics (which no price depends on), so that each metric
    // costs a constant amount of work: the whole section is linear in the number of metrics.
    let mut base = usage.clone();
    if let Some(m) = base.metrics.as_mut() {
        m.top_metrics = Vec::new();
    }
    let mapped = |target: MetricsTarget| {
        let mut s = engine.scenario.clone();
        if let Some(m) = s.usage.metrics.as_mut() {
            m.top_metrics = Vec::new();
        }
        s.mapping.metrics_target = target;
        s.mapping.cloudwatch_series = SeriesSelection::All;
        s
    };
    let (on_cloudwatch, on_amp) = (mapped(MetricsTarget::Cloudwatch), mapped(MetricsTarget::ManagedPrometheus));
    let full_cloudwatch = engine.metrics_costing_for(&on_cloudwatch, &base)?;
    let full_amp = engine.metrics_costing_for(&on_amp, &base)?;
    for t in top {
        let series = t.series.0;
        let reduced = without(&base, series);
        let cost = |scenario: &crate::scenario::Scenario, full: &crate::cost::Costing| -> Result<Option<Decimal>> {
            let Some(reduced) = &reduced else { return Ok(None) };
            let less = engine.metrics_costing_for(scenario, reduced)?;
            if full.unknown_line_items > 0 && full.unknown_line_items != less.unknown_line_items {
                return Ok(None);
            }
            Ok(Some(full.total_monthly_usd - less.total_monthly_usd))
        };
        let cloudwatch_monthly_usd = cost(&on_cloudwatch, &full_cloudwatch)?;
        let managed_prometheus_monthly_usd = cost(&on_amp, &full_amp)?;
        top_metrics.push(TopMetricCost {
            name: t.name.clone(),
            series: Exact(series),
            cloudwatch_monthly_usd: cloudwatch_monthly_usd.map(Money),
            managed_prometheus_monthly_usd: managed_prometheus_monthly_usd.map(Money),
        });
    }
    Ok(UsageSection { source, snapshot, values, top_metrics, top_metrics_method: TOP_METRICS_METHOD.to_string() })
}
