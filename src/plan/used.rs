//! What the rules and dashboards read, priced: for metrics on CloudWatch every phase is priced
//! shipping every series and shipping only the used ones ([`SeriesPricing`]; the scenario's
//! `mapping.cloudwatch_series` picks the one its totals use), and the plan's `used_series` section
//! ([`UsedSeries`]): used against unused series with their provenance, what the unused series cost
//! a month on CloudWatch and on Amazon Managed Prometheus, shared among the largest unused metric
//! names so that the shares add up to those costs, and the expressions that could not be parsed.
//! Prices are applied through `Engine` (the cost engine), never here.

use anyhow::{Context, Result};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::engine::{Engine, Priced};
use super::measured::{without, ValueSource};
use crate::measure::UnparsedExpression;
use crate::scenario::{MetricsTarget, SeriesSelection, Workload};
use crate::units::{group_thousands, round_cents, Exact, Money};

/// The usage key of the used series.
pub const USED_SERIES_KEY: &str = "usage.metrics.series_used_by_rules_and_dashboards";

/// How the unused series are priced (shown with them).
pub const METHOD: &str = "The unused series are what shipping every series adds over shipping the used ones: on CloudWatch, the custom metrics between the used count and the active count, the top of the tier ladder. Their cost is the difference between the metrics workload priced both ways (custom metrics and PutMetricData requests, with the scenario's free tier and tiers), and each unused metric gets a share in proportion to its series: the average price of that band, not the average over every series (which would charge them the free tier and the first tiers the used series already fill) nor the marginal price at the tier the total reaches (which undercounts when the band spans tiers). Amazon Managed Prometheus ingests and stores every sample whatever reads it: there the unused series cost AMP priced with every sample minus AMP with the used series' share of the samples (samples in proportion to series), shared the same way. Shares are rounded to the cent so that the rows add up exactly to both totals. From the phase that moves compute to AWS, a phase's ship-all minus ship-used also holds the agents' traffic those series' datapoints make on the way to CloudWatch (NAT gateway data processed, or VPC endpoint GB), which is not shared among the metrics here.";

/// One phase's AWS side with metrics on CloudWatch, priced shipping every series and shipping
/// only the series rules and dashboards read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SeriesPricing {
    /// `all` or `used`: which of the two the phase's totals use (`mapping.cloudwatch_series`).
    pub chosen: SeriesSelection,
    /// Custom metrics when shipping every active series (null: the active series are unknown).
    pub all_series: Option<Exact>,
    /// Custom metrics when shipping the used series (null: not measured nor given).
    pub used_series: Option<Exact>,
    /// The phase's AWS total a month shipping every series (null: the active series are unknown).
    pub ship_all_aws_monthly_usd: Option<Money>,
    /// The phase's AWS total a month shipping the used series (null: the used series are unknown).
    pub ship_used_aws_monthly_usd: Option<Money>,
    /// Other line items of the phase whose usage is unknown: when above 0, both totals are lower
    /// bounds (their difference is still exact).
    pub unknown_line_items: usize,
    /// Ship every series − ship the used series, a month, from the two totals as written (null
    /// when either is unknown).
    pub difference_monthly_usd: Option<Money>,
}

/// An unused metric name and its share of what the unused series cost.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UnusedMetric {
    /// Metric name.
    pub name: String,
    /// Its series.
    pub series: Exact,
    /// Its share of `cloudwatch_unused_monthly_usd` (null: unknown).
    pub cloudwatch_monthly_usd: Option<Money>,
    /// Its share of `managed_prometheus_unused_monthly_usd` (null: unknown).
    pub managed_prometheus_monthly_usd: Option<Money>,
}

/// The unused series not listed by name, and their share.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UnusedRest {
    /// Series.
    pub series: Exact,
    /// Their share of `cloudwatch_unused_monthly_usd` (null: unknown).
    pub cloudwatch_monthly_usd: Option<Money>,
    /// Their share of `managed_prometheus_unused_monthly_usd` (null: unknown).
    pub managed_prometheus_monthly_usd: Option<Money>,
}

/// The plan's `used_series` section: what the rules and dashboards read, and what the rest costs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UsedSeries {
    /// Active series (`usage.metrics.active_series`; null: unknown).
    pub active_series: Option<Exact>,
    /// Series the alerting rules, the recording rules they read and the dashboards read
    /// (`usage.metrics.series_used_by_rules_and_dashboards`); null: neither measured nor given.
    pub used_series: Option<Exact>,
    /// Active − used series, at least 0 (null when either is unknown).
    pub unused_series: Option<Exact>,
    /// Where the used count came from: `scenario` or `snapshot` (null when there is none).
    pub source: Option<ValueSource>,
    /// The query that counted the used series (null unless measured).
    pub query: Option<String>,
    /// Seconds of data the count covers, 0 for an instant count (null unless measured).
    pub window_seconds: Option<u64>,
    /// Whether the count was scaled from a shorter history (null unless measured).
    pub extrapolated: Option<bool>,
    /// What the analysis read (rules, dashboards, queries), from the snapshot; null without one.
    pub note: Option<String>,
    /// The metric names rules and dashboards read, sorted (empty when not measured).
    pub used_metric_names: Vec<String>,
    /// `all` or `used`: the series the scenario ships to CloudWatch (`mapping.cloudwatch_series`).
    pub cloudwatch_series: SeriesSelection,
    /// The metrics workload alone on CloudWatch, a month, shipping every series (null: unknown,
    /// or metrics move in no phase).
    pub cloudwatch_ship_all_monthly_usd: Option<Money>,
    /// The same shipping only the used series (null: unknown, or metrics move in no phase).
    pub cloudwatch_ship_used_monthly_usd: Option<Money>,
    /// Other line items of the CloudWatch metrics workload whose usage is unknown: when above 0,
    /// both totals are lower bounds (their difference is still exact).
    pub cloudwatch_unknown_line_items: usize,
    /// What the unused series cost a month on CloudWatch: ship all − ship used, as written.
    pub cloudwatch_unused_monthly_usd: Option<Money>,
    /// The metrics workload alone on Amazon Managed Prometheus + Grafana, a month: AMP ingests
    /// every sample whatever reads it (null: unknown, or metrics move in no phase).
    pub managed_prometheus_monthly_usd: Option<Money>,
    /// Other line items of the AMP + AMG workload whose usage is unknown (the total is then a
    /// lower bound).
    pub managed_prometheus_unknown_line_items: usize,
    /// What the unused series' samples cost of it: AMP with every sample − AMP with the used
    /// series' share of the samples.
    pub managed_prometheus_unused_monthly_usd: Option<Money>,
    /// The largest metric names nothing reads (`usage.metrics.unused_top_metrics`), largest
    /// first, with their shares.
    pub unused_top_metrics: Vec<UnusedMetric>,
    /// The unused series not listed by name and their shares: with the list, they add up to
    /// `cloudwatch_unused_monthly_usd` and `managed_prometheus_unused_monthly_usd` (null: unknown).
    pub other_unused: Option<UnusedRest>,
    /// Expressions the analysis could not fully resolve to metric names, with where they are.
    pub unparsed_expressions: Vec<UnparsedExpression>,
    /// How the unused series are priced.
    pub method: String,
    /// Caveats about the counts.
    pub notes: Vec<String>,
}

/// The custom metrics of a phase's AWS side, when metrics are on CloudWatch in it: `None` when
/// they are not, `Some(None)` when the series are unknown.
fn custom_metrics(p: &Priced) -> Option<Option<Decimal>> {
    p.usage.cloudwatch_metrics.as_ref().map(|m| m.custom_metrics.map(|q| q.0))
}

/// Each phase's AWS side priced both ways, in phase order: `None` for a phase without metrics on
/// CloudWatch. `chosen` is the phase's own costing (the scenario's selection).
pub fn phases(engine: &Engine<'_>) -> Result<Vec<Option<SeriesPricing>>> {
    let chosen = engine.scenario.mapping.cloudwatch_series;
    let all = engine.state_with_series(SeriesSelection::All)?;
    let used = engine.state_with_series(SeriesSelection::Used)?;
    Ok(all
        .iter()
        .zip(&used)
        .map(|(a, u)| {
            let (Some(all_series), Some(used_series)) = (custom_metrics(a), custom_metrics(u)) else {
                return None;
            };
            let total = |p: &Priced, known: bool| known.then(|| round_cents(p.total()));
            let ship_all = total(a, all_series.is_some());
            let ship_used = total(u, used_series.is_some());
            // The custom-metrics and request lines are the unknown ones of a side whose series are.
            let unknown = match (ship_all, ship_used) {
                (Some(_), _) | (None, None) => a.costing.unknown_line_items,
                (None, Some(_)) => u.costing.unknown_line_items,
            };
            Some(SeriesPricing {
                chosen,
                all_series: all_series.map(Exact),
                used_series: used_series.map(Exact),
                ship_all_aws_monthly_usd: ship_all.map(Money),
                ship_used_aws_monthly_usd: ship_used.map(Money),
                unknown_line_items: unknown,
                difference_monthly_usd: ship_all.zip(ship_used).map(|(a, u)| Money(a - u)),
            })
        })
        .collect())
}

/// Splits `total` among parts of `series` out of `base`, to the cent, so that the parts and the
/// rest add up to `total` exactly: each part is the rounded cumulative share minus the previous
/// one. Returns the parts and the rest (`total` minus the parts).
fn shares(total: Decimal, base: Decimal, series: &[Decimal]) -> (Vec<Decimal>, Decimal) {
    if base <= Decimal::ZERO {
        return (vec![Decimal::ZERO; series.len()], total);
    }
    let mut cumulative = Decimal::ZERO;
    let mut before = Decimal::ZERO;
    let mut parts = Vec::with_capacity(series.len());
    for s in series {
        cumulative += *s;
        let upto = round_cents(total * (cumulative / base));
        parts.push(upto - before);
        before = upto;
    }
    (parts, total - before)
}

/// The used-series section of the plan.
pub fn section(engine: &Engine<'_>) -> Result<UsedSeries> {
    let usage = &engine.usage;
    let m = usage.metrics.clone().unwrap_or_default();
    let active = m.active_series.map(|e| e.expected());
    let used = m.series_used_by_rules_and_dashboards.map(|e| e.expected());
    let inline =
        engine.scenario.usage.metrics.as_ref().is_some_and(|i| i.series_used_by_rules_and_dashboards.is_some());
    let measured = (!inline).then(|| engine.measured.get(USED_SERIES_KEY)).flatten();
    let source = used.map(|_| if measured.is_some() { ValueSource::Snapshot } else { ValueSource::Scenario });
    let mut notes = Vec::new();
    let consistent = !matches!((active, used), (Some(a), Some(u)) if u > a);
    let unused = match (active, used) {
        (Some(a), Some(u)) if u > a => {
            notes.push(format!(
                "the used series ({}) are more than the active series ({}): they were counted at another time; the unused series are taken as 0 and their cost as unknown",
                group_thousands(u, 0),
                group_thousands(a, 0)
            ));
            Some(Decimal::ZERO)
        }
        (Some(a), Some(u)) => Some(a - u),
        _ => None,
    };
    // A count below 0 (a hand-written scenario) counts as none, so that the shares stay shares.
    let listed: Vec<Decimal> = m.unused_top_metrics.iter().map(|t| t.series.0.max(Decimal::ZERO)).collect();
    let listed_sum: Decimal = listed.iter().sum();
    let base = unused.map(|u| {
        if listed_sum > u {
            notes.push(format!(
                "the unused metrics listed have {} series, more than active − used series ({}): they were counted at another time; their shares are taken over the {} listed",
                group_thousands(listed_sum, 0),
                group_thousands(u, 0),
                group_thousands(listed_sum, 0)
            ));
        }
        u.max(listed_sum)
    });
    let moved = engine.moved_in(Workload::Metrics).is_some();
    if !moved {
        notes.push("metrics move in no phase: the used and unused series are not priced".into());
    }
    let (mut cw_all, mut cw_used, mut cw_unused, mut amp_all, mut amp_unused) = (None, None, None, None, None);
    let (mut cw_unknown, mut amp_unknown) = (0, 0);
    if moved {
        let price = |t: MetricsTarget, s: SeriesSelection, u: &crate::scenario::Usage| {
            engine
                .metrics_priced(t, s, u)
                .with_context(|| format!("cannot price the metrics workload on {}", t.as_str()))
        };
        let cents = |p: &Priced| round_cents(p.total());
        let all = price(MetricsTarget::Cloudwatch, SeriesSelection::All, usage)?;
        cw_all = active.map(|_| cents(&all));
        cw_unknown = all.costing.unknown_line_items;
        if used.is_some() {
            let u = price(MetricsTarget::Cloudwatch, SeriesSelection::Used, usage)?;
            cw_used = Some(cents(&u));
            if active.is_none() {
                cw_unknown = u.costing.unknown_line_items;
            }
        }
        cw_unused = cw_all.zip(cw_used).map(|(a, u)| a - u).filter(|_| consistent);
        let amp = price(MetricsTarget::ManagedPrometheus, SeriesSelection::All, usage)?;
        let samples_known =
            |p: &Priced| p.usage.managed_prometheus.as_ref().is_some_and(|a| a.samples_ingested.is_some());
        if samples_known(&amp) {
            amp_all = Some(cents(&amp));
            amp_unknown = amp.costing.unknown_line_items;
            if let Some(reduced) = unused.and_then(|u| without(usage, u)) {
                let less = price(MetricsTarget::ManagedPrometheus, SeriesSelection::All, &reduced)?;
                if consistent
                    && samples_known(&less)
                    && less.costing.unknown_line_items == amp.costing.unknown_line_items
                {
                    amp_unused = Some(cents(&amp) - cents(&less));
                }
            }
        }
    }
    let split = |total: Option<Decimal>| match (total, base) {
        (Some(t), Some(b)) => {
            let (parts, rest) = shares(t, b, &listed);
            (parts.into_iter().map(Some).collect(), Some(rest))
        }
        _ => (vec![None; listed.len()], None),
    };
    let (cw_parts, cw_rest) = split(cw_unused);
    let (amp_parts, amp_rest) = split(amp_unused);
    let unused_top_metrics = m
        .unused_top_metrics
        .iter()
        .zip(&listed)
        .zip(cw_parts.iter().zip(&amp_parts))
        .map(|((t, series), (cw, amp))| UnusedMetric {
            name: t.name.clone(),
            series: Exact(*series),
            cloudwatch_monthly_usd: cw.map(Money),
            managed_prometheus_monthly_usd: amp.map(Money),
        })
        .collect();
    let other_unused = base.map(|b| UnusedRest {
        series: Exact(b - listed_sum),
        cloudwatch_monthly_usd: cw_rest.map(Money),
        managed_prometheus_monthly_usd: amp_rest.map(Money),
    });
    Ok(UsedSeries {
        active_series: active.map(Exact),
        used_series: used.map(Exact),
        unused_series: unused.map(Exact),
        source,
        query: measured.map(|p| p.query.clone()),
        window_seconds: measured.map(|p| p.window_seconds),
        extrapolated: measured.map(|p| p.extrapolated),
        note: measured.and_then(|p| p.note.clone()),
        used_metric_names: m.used_metric_names.clone(),
        cloudwatch_series: engine.scenario.mapping.cloudwatch_series,
        cloudwatch_ship_all_monthly_usd: cw_all.map(Money),
        cloudwatch_ship_used_monthly_usd: cw_used.map(Money),
        cloudwatch_unknown_line_items: cw_unknown,
        cloudwatch_unused_monthly_usd: cw_unused.map(Money),
        managed_prometheus_monthly_usd: amp_all.map(Money),
        managed_prometheus_unknown_line_items: amp_unknown,
        managed_prometheus_unused_monthly_usd: amp_unused.map(Money),
        unused_top_metrics,
        other_unused,
        unparsed_expressions: m.unparsed_expressions.clone(),
        method: METHOD.to_string(),
        notes,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    #[test]
    fn shares_add_up_to_the_total_to_the_cent() {
        // $591.00 over 1,970 unused series: 60, 60, 52 listed, the rest 1,798.
        let (parts, rest) = shares(d("591.00"), d("1970"), &[d("60"), d("60"), d("52")]);
        assert_eq!(parts, [d("18.00"), d("18.00"), d("15.60")]);
        assert_eq!(rest, d("539.40"));
        // Thirds: the cumulative rounding gives 0.33, 0.34, 0.33, never a lost cent.
        let (parts, rest) = shares(d("1.00"), d("3"), &[d("1"), d("1"), d("1")]);
        assert_eq!(parts, [d("0.33"), d("0.34"), d("0.33")]);
        assert_eq!(rest, Decimal::ZERO);
        assert_eq!(parts.iter().sum::<Decimal>() + rest, d("1.00"));
        // Nothing unused: no share, the whole total is the rest.
        let (parts, rest) = shares(d("5.00"), Decimal::ZERO, &[d("1")]);
        assert_eq!((parts, rest), (vec![Decimal::ZERO], d("5.00")));
    }
}
