//! The plan as one self-contained HTML report (`obs-cost report`): askama template
//! (`templates/report.html`) filled with pre-formatted text and inline SVG charts from `svg`.
//! No JavaScript, no external resource: the file can be mailed and opened offline. Pure: it reads
//! a [`PlanView`] (the plan JSON) and returns the HTML; `cmd::report` writes the file.
//!
//! Escaping: askama escapes every `{{ }}` value; the charts are the only `|safe` content, and
//! `svg` escapes all the text it puts in them.

use std::collections::BTreeMap;

use anyhow::{Context, Result};
use askama::Template;
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;

use super::plan_view::{CurveView, LineItemView, PhaseView, PlanView, ServiceView, ThresholdsView, D};
use super::svg::{self, BarSeries, Line, Marker, Size, TornadoRow, TreeNode};
use crate::units::{group_thousands, unit_price, usd};

/// Tornado rows shown.
const TORNADO_ROWS: usize = 8;
/// AWS services drawn as their own stack segment; the rest are summed as "other AWS services".
const SERVICES_DRAWN: usize = 6;

fn f(d: D) -> f64 {
    d.0.to_f64().unwrap_or(0.0)
}

fn money(d: D) -> String {
    usd(d.0)
}

fn num(d: D, dp: u32) -> String {
    group_thousands(d.0, dp)
}

fn decision_words(d: &str) -> &str {
    match d {
        "migrate_now" => "migrate now",
        "migrate_gradually" => "migrate gradually",
        "stay" => "stay self-hosted",
        "keep_compose" => "keep Compose (stay self-hosted)",
        "consider_aws" => "consider AWS",
        "migrate_to_aws" => "migrate to AWS",
        "gradual_migration" => "gradual migration",
        other => other,
    }
}

/// Display name of a service key of the cost engine.
fn service_name(key: &str) -> String {
    match key {
        "cloudwatch_metrics" => "CloudWatch metrics",
        "cloudwatch_alarms" => "CloudWatch alarms",
        "cloudwatch_dashboards" => "CloudWatch dashboards",
        "cloudwatch_logs" => "CloudWatch Logs",
        "xray" => "X-Ray",
        "managed_prometheus" => "Managed Prometheus",
        "managed_grafana" => "Managed Grafana",
        "rds" => "RDS",
        "elasticache" => "ElastiCache",
        "fargate" => "ECS Fargate",
        "load_balancers" => "Load balancers",
        "nat_gateways" => "NAT gateways",
        "data_transfer" => "Data transfer",
        "ec2" => "EC2",
        "ebs" => "EBS",
        other => other,
    }
    .to_string()
}

/// A table row of strings.
pub struct Row(pub Vec<String>);

impl Row {
    /// The cells.
    pub fn cells(&self) -> &[String] {
        &self.0
    }

    /// The first cell (the row header).
    pub fn head(&self) -> &str {
        self.0.first().map_or("", String::as_str)
    }

    /// Every cell but the first.
    pub fn rest(&self) -> &[String] {
        self.0.get(1..).unwrap_or(&[])
    }
}

/// A signed percentage, or a dash.
fn percent(v: Option<D>) -> String {
    match v {
        Some(v) if v.0 > Decimal::ZERO => format!("+{}%", num(v, 2)),
        Some(v) => format!("{}%", num(v, 2)),
        None => "—".into(),
    }
}

/// The forecast-vs-actual rows, one per compared quantity, then one total per phase.
fn actual_rows(p: &PlanView) -> Vec<Row> {
    let Some(c) = &p.actual_comparison else { return Vec::new() };
    let mut rows = Vec::new();
    for ph in &c.phases {
        let label = format!("Phase {} {}", ph.phase, ph.name);
        for s in &ph.services {
            for (i, q) in s.quantities.iter().enumerate() {
                let first = i == 0;
                let extrapolated = if q.actual_extrapolated { " (extrapolated)" } else { "" };
                rows.push(Row(vec![
                    label.clone(),
                    if first { service_name(&s.service) } else { String::new() },
                    format!("{} ({})", q.name, q.unit),
                    q.forecast.map_or_else(|| "unknown".into(), |v| num(v, 4)),
                    q.actual.map_or_else(|| "not measured".into(), |v| format!("{}{extrapolated}", num(v, 4))),
                    percent(q.error_percent),
                    if first { money(s.forecast_monthly_usd) } else { String::new() },
                    if first { money(s.actual_monthly_usd) } else { String::new() },
                    if first { percent(s.error_percent) } else { String::new() },
                ]));
            }
        }
        rows.push(Row(vec![
            label,
            "Total compared".into(),
            String::new(),
            String::new(),
            String::new(),
            String::new(),
            money(ph.forecast_monthly_usd),
            money(ph.actual_monthly_usd),
            percent(ph.error_percent),
        ]));
    }
    rows
}

/// A service's line items, formatted.
pub struct ServiceTable {
    /// Service display name.
    pub name: String,
    /// Its monthly total.
    pub total: String,
    /// name, quantity, unit, unit price, monthly.
    pub items: Vec<[String; 5]>,
}

fn line(l: &LineItemView) -> [String; 5] {
    let mark = if l.price_status == "unconfirmed" { " †" } else { "" };
    match (l.quantity, l.monthly_usd) {
        (Some(q), Some(m)) => {
            [l.name.clone(), num(q, 4), l.unit.clone(), format!("{}{mark}", unit_price(l.unit_price_usd.0)), money(m)]
        }
        _ => [
            l.name.clone(),
            "unknown".into(),
            l.unit.clone(),
            format!("{}{mark}", unit_price(l.unit_price_usd.0)),
            format!("depends on usage: {} per {}", unit_price(l.unit_price_usd.0), l.unit),
        ],
    }
}

fn tables(services: &[ServiceView]) -> Vec<ServiceTable> {
    services
        .iter()
        .map(|s| ServiceTable {
            name: service_name(&s.service),
            total: money(s.monthly_usd),
            items: s.line_items.iter().map(line).collect(),
        })
        .collect()
}

/// One phase's line-item tables.
pub struct PhaseTables {
    /// Anchor id.
    pub id: String,
    /// Heading.
    pub title: String,
    /// One sentence of totals.
    pub totals: String,
    /// AWS services.
    pub aws: Vec<ServiceTable>,
    /// What remains self-hosted.
    pub self_hosted: Vec<ServiceTable>,
}

/// The summary's figures.
pub struct Summary {
    /// One-line answer.
    pub headline: String,
    /// ROI rule's decision, in words.
    pub roi_decision: String,
    /// Tree's outcome, in words.
    pub tree_outcome: String,
    /// Whether they agree.
    pub agrees: bool,
    /// The plan's sentence on the comparison.
    pub note: String,
    /// Best phase label.
    pub best_phase: String,
    /// Net monthly benefit (expected).
    pub net: String,
    /// Low (P10) and high (P90).
    pub net_band: String,
    /// Payback.
    pub payback: String,
    /// NPV.
    pub npv: String,
    /// Recommended next phase, one sentence.
    pub next_step: String,
}

/// The report template.
#[derive(Template)]
#[template(path = "report.html")]
pub struct Page {
    /// `<title>`.
    pub title: String,
    /// Scenario name.
    pub name: String,
    /// Scenario description.
    pub description: String,
    /// One line: file, region, price book, hours.
    pub context: String,
    /// "Generated ..." from SOURCE_DATE_EPOCH, or empty.
    pub generated: String,
    /// The program that computed the plan and the one that rendered it.
    pub generated_by: String,
    /// Summary.
    pub summary: Summary,
    /// Where the usage came from.
    pub usage_source: String,
    /// key, value, source, query, window, extrapolated.
    pub usage_rows: Vec<Row>,
    /// name, series, CloudWatch, AMP.
    pub top_metrics: Vec<Row>,
    /// How top metrics are priced.
    pub top_metrics_method: String,
    /// The metrics workload on each target.
    pub metrics_targets: Vec<Row>,
    /// Stacked bars.
    pub cost_chart: String,
    /// label, self-hosted, AWS, total.
    pub cost_rows: Vec<Row>,
    /// Forecast vs actual (`plan --actual`): phase, service, quantity, forecast, actual, error,
    /// forecast cost, actual cost, cost error; empty without it.
    pub actual_rows: Vec<Row>,
    /// Where the actual values come from, and caveats; empty without them.
    pub actual_text: Vec<String>,
    /// Baseline line items.
    pub baseline: Vec<ServiceTable>,
    /// Baseline total sentence.
    pub baseline_totals: String,
    /// Per phase line items.
    pub phase_tables: Vec<PhaseTables>,
    /// ROI rows.
    pub roi_rows: Vec<Row>,
    /// Cash-flow chart.
    pub cash_chart: String,
    /// Its text alternative.
    pub cash_text: String,
    /// Switch chart.
    pub switch_chart: String,
    /// Its text alternative.
    pub switch_text: String,
    /// Net benefit against DAU (inline SVG; empty when the plan has no curve).
    pub switch_net_chart: String,
    /// Its text alternative.
    pub switch_net_text: String,
    /// Switch point rows.
    pub switch_rows: Vec<Row>,
    /// How switch points were computed.
    pub switch_method: String,
    /// Decision tree diagram.
    pub tree_chart: String,
    /// The path, as sentences.
    pub tree_path: Vec<String>,
    /// Tornado chart.
    pub tornado_chart: String,
    /// Which phase the tornado is for.
    pub tornado_phase: String,
    /// Tornado rows.
    pub tornado_rows: Vec<Row>,
    /// P10 / expected / P90 per phase.
    pub uncertainty_rows: Vec<Row>,
    /// How the uncertainty was computed.
    pub uncertainty_method: String,
    /// Every scenario value.
    pub inputs: Vec<Row>,
    /// Price-book regions.
    pub regions: Vec<Row>,
    /// Unconfirmed prices.
    pub unconfirmed: Vec<Row>,
    /// How usage maps to AWS.
    pub mapping: Vec<Row>,
    /// Notes.
    pub notes: Vec<String>,
}

fn best_phase(p: &PlanView) -> Option<&PhaseView> {
    p.phases.iter().find(|x| x.phase == p.decision_tree.roi_best_phase).or_else(|| p.phases.last())
}

fn payback(ph: &PhaseView) -> String {
    match (ph.payback_months, ph.payback_month_in_horizon) {
        (Some(1), Some(1)) => "1 month".into(),
        (Some(m), Some(h)) if m == h => format!("{m} months"),
        (Some(m), Some(h)) => format!("{m} months (month {h} with growth)"),
        (Some(m), None) => format!("{m} months (not within the horizon with growth)"),
        (None, Some(h)) => format!("month {h} (with growth)"),
        (None, None) => "never".into(),
    }
}

fn summary(p: &PlanView) -> Summary {
    let t = &p.decision_tree;
    let best = best_phase(p);
    let band = best.and_then(|b| p.uncertainty.phases.iter().find(|u| u.phase == b.phase));
    let first = p.phases.first();
    let next_step = match (best, first) {
        (Some(b), _) if b.decision == "stay" => format!(
            "Stay self-hosted for now: no phase nets at least {} a month. Re-run the plan when usage, team or prices change (see the switch points).",
            money(D(p.inputs.migrate_gradually_from_usd.0))
        ),
        (Some(b), Some(f)) if f.phase == b.phase => format!(
            "Start with phase {} ({}): it nets {} a month for a one-time {}.",
            f.phase,
            f.name,
            money(f.net_monthly_benefit_usd),
            money(f.one_time_cost_usd)
        ),
        (Some(b), Some(f)) if f.net_monthly_benefit_usd.0 >= Decimal::ZERO => format!(
            "Start with phase {} ({}): on its own it nets {} a month for a one-time {}; carry on to phase {} ({}), the best end state.",
            f.phase,
            f.name,
            money(f.net_monthly_benefit_usd),
            money(f.one_time_cost_usd),
            b.phase,
            b.name
        ),
        (Some(b), Some(f)) => format!(
            "Phase {} ({}) is the next step but does not pay on its own (net {} a month): it is worth doing only on the way to phase {} ({}).",
            f.phase,
            f.name,
            money(f.net_monthly_benefit_usd),
            b.phase,
            b.name
        ),
        _ => "The plan has no phase.".into(),
    };
    let roi_decision = decision_words(&t.roi_decision).to_string();
    let headline = match best {
        Some(b) => format!(
            "ROI rule: {} (best: phase {} {}, net {} a month). Decision tree: {}.",
            roi_decision,
            b.phase,
            b.name,
            money(b.net_monthly_benefit_usd),
            decision_words(&t.outcome)
        ),
        None => format!("Decision tree: {}.", decision_words(&t.outcome)),
    };
    Summary {
        headline,
        roi_decision,
        tree_outcome: decision_words(&t.outcome).to_string(),
        agrees: t.agrees_with_roi,
        note: t.note.clone(),
        best_phase: best.map_or_else(String::new, |b| format!("phase {} ({})", b.phase, b.name)),
        net: best.map_or_else(String::new, |b| money(b.net_monthly_benefit_usd)),
        net_band: band.map_or_else(String::new, |u| {
            format!("{} to {}", money(u.net_monthly_benefit_usd.low), money(u.net_monthly_benefit_usd.high))
        }),
        payback: best.map_or_else(String::new, payback),
        npv: best.map_or_else(String::new, |b| money(b.npv_usd)),
        next_step,
    }
}

fn cost_chart(p: &PlanView) -> (String, Vec<Row>) {
    let mut categories = vec!["Baseline".to_string()];
    categories.extend(p.phases.iter().map(|ph| format!("Phase {}", ph.phase)));
    // AWS services by their total over the phases, largest first (ties by key).
    let mut totals: BTreeMap<&str, Decimal> = BTreeMap::new();
    for ph in &p.phases {
        for s in &ph.aws_services {
            *totals.entry(&s.service).or_default() += s.monthly_usd.0;
        }
    }
    let mut keys: Vec<(&str, Decimal)> = totals.into_iter().collect();
    keys.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    let drawn: Vec<&str> = keys.iter().take(SERVICES_DRAWN).map(|k| k.0).collect();
    let aws_of = |ph: &PhaseView, key: Option<&str>| -> f64 {
        ph.aws_services
            .iter()
            .filter(|s| match key {
                Some(k) => s.service == k,
                None => !drawn.contains(&s.service.as_str()),
            })
            .map(|s| f(s.monthly_usd))
            .sum()
    };
    let mut series = vec![BarSeries {
        name: "Self-hosted (EC2, EBS, ...)".into(),
        values: std::iter::once(f(p.baseline.self_hosted_monthly_usd))
            .chain(p.phases.iter().map(|ph| f(ph.self_hosted_monthly_usd)))
            .collect(),
    }];
    for k in &drawn {
        series.push(BarSeries {
            name: format!("AWS {}", service_name(k)),
            values: std::iter::once(0.0).chain(p.phases.iter().map(|ph| aws_of(ph, Some(k)))).collect(),
        });
    }
    if keys.len() > SERVICES_DRAWN {
        series.push(BarSeries {
            name: "Other AWS services".into(),
            values: std::iter::once(0.0).chain(p.phases.iter().map(|ph| aws_of(ph, None))).collect(),
        });
    }
    let mut rows = vec![Row(vec![
        "Baseline (all self-hosted)".into(),
        money(p.baseline.self_hosted_monthly_usd),
        money(D(Decimal::ZERO)),
        money(p.baseline.self_hosted_monthly_usd),
    ])];
    rows.extend(p.phases.iter().map(|ph| {
        Row(vec![
            format!("Phase {} {}", ph.phase, ph.name),
            money(ph.self_hosted_monthly_usd),
            aws_cell(ph),
            money(ph.total_monthly_usd),
        ])
    }));
    let desc = format!(
        "Monthly infrastructure cost of the baseline and of each phase, split into what still runs self-hosted and each AWS service. Totals: baseline {}; {}.",
        money(p.baseline.self_hosted_monthly_usd),
        p.phases
            .iter()
            .map(|ph| format!("phase {} {}", ph.phase, money(ph.total_monthly_usd)))
            .collect::<Vec<_>>()
            .join(", ")
    );
    let chart = svg::stacked_bars(
        "chart-cost",
        "Monthly infrastructure cost by phase and service",
        &desc,
        &categories,
        &series,
        Size { width: 900, height: 420 },
    );
    (chart, rows)
}

fn aws_cell(ph: &PhaseView) -> String {
    if ph.aws_unknown_line_items > 0 {
        format!("≥ {} ({} unknown)", money(ph.aws_monthly_usd), ph.aws_unknown_line_items)
    } else {
        money(ph.aws_monthly_usd)
    }
}

fn cash_chart(p: &PlanView) -> (String, String) {
    let lines: Vec<Line> = p
        .phases
        .iter()
        .map(|ph| Line {
            name: format!("Phase {} {}", ph.phase, ph.name),
            points: ph.cash_flow.iter().map(|m| (f64::from(m.month), f(m.cumulative_usd))).collect(),
            dashed: false,
        })
        .collect();
    let mut markers = Vec::new();
    let mut sentences = Vec::new();
    let best = best_phase(p).map(|b| b.phase);
    for ph in &p.phases {
        match ph.payback_month_in_horizon {
            Some(m) => {
                let y = ph.cash_flow.iter().find(|x| x.month == m).map_or(0.0, |x| f(x.cumulative_usd));
                // Every break-even is marked; only the best phase's is labelled, so labels never pile up.
                let label = if Some(ph.phase) == best {
                    format!("break-even, phase {}: month {m}", ph.phase)
                } else {
                    String::new()
                };
                markers.push(Marker { x: f64::from(m), y, label });
                sentences.push(format!("phase {} breaks even in month {m}", ph.phase));
            }
            None => sentences.push(format!("phase {} does not break even within the horizon", ph.phase)),
        }
    }
    let text = format!(
        "Cumulative cash flow over {} months (month 0 = the one-time cost; growth applied, not discounted): {}.",
        p.inputs.horizon_months,
        sentences.join("; ")
    );
    let chart = svg::lines(
        "chart-cash",
        "Cumulative cash flow by phase",
        &text,
        "month",
        true,
        &lines,
        &markers,
        Size { width: 900, height: 420 },
    );
    (chart, text)
}

fn crossing(value: Option<String>, status: &str) -> String {
    match (value, status) {
        (Some(v), "rises_above") => format!("from {v}"),
        (Some(v), "falls_below") => format!("below {v}"),
        (_, "always_above") => "whole range".into(),
        _ => "never within range".into(),
    }
}

/// One line per phase over the switch curve's DAU grid: `value(self_hosted, phase_cost)` at each
/// point where the phase could be priced.
fn phase_lines(c: &CurveView, value: impl Fn(f64, f64) -> f64) -> Vec<Line> {
    c.phases
        .iter()
        .map(|pc| Line {
            name: format!("Phase {}", pc.phase),
            points: c
                .dau
                .iter()
                .zip(&c.self_hosted_monthly_usd)
                .zip(&pc.monthly_usd)
                .filter_map(|((d, own), v)| v.map(|v| (f(*d), value(f(*own), f(v)))))
                .collect(),
            dashed: false,
        })
        .collect()
}

/// Net monthly benefit of each phase against DAU (self-hosted cost minus the phase's), with the
/// $0 line and the migrate-now threshold: where the lines cross them are the switch points.
fn switch_net_chart(p: &PlanView) -> (String, String) {
    let Some(c) = p.switch_curve.as_ref().filter(|c| !c.dau.is_empty()) else {
        return (String::new(), String::new());
    };
    let threshold = f(p.inputs.migrate_now_above_usd);
    let (lo, hi) = (c.dau.first().map_or(0.0, |d| f(*d)), c.dau.last().map_or(0.0, |d| f(*d)));
    let mut lines = phase_lines(c, |own, phase| own - phase);
    lines.push(Line {
        name: format!("Migrate-now threshold ({})", money(p.inputs.migrate_now_above_usd)),
        points: vec![(lo, threshold), (hi, threshold)],
        dashed: true,
    });
    let markers: Vec<Marker> = p
        .switch_points
        .iter()
        .flat_map(|sp| {
            let zero = sp.dau_net_zero.map(|d| Marker { x: f(d), y: 0.0, label: format!("P{} $0", sp.phase) });
            let now = sp.dau_net_1000.map(|d| Marker { x: f(d), y: threshold, label: format!("P{} now", sp.phase) });
            zero.into_iter().chain(now)
        })
        .collect();
    let text = format!(
        "Net monthly benefit of each phase against DAU ({} to {}, logarithmic), with the $0 line and the migrate-now threshold of {}; the marked points are the switch points in the table below.",
        c.dau.first().map_or_else(String::new, |d| num(*d, 0)),
        c.dau.last().map_or_else(String::new, |d| num(*d, 0)),
        money(p.inputs.migrate_now_above_usd)
    );
    let chart = svg::lines_log_x(
        "chart-switch-net",
        "Net monthly benefit of each phase against DAU",
        &text,
        "daily active users (log scale)",
        true,
        &lines,
        &markers,
        Size { width: 900, height: 420 },
    );
    (chart, text)
}

fn switch_chart(p: &PlanView) -> (String, String, Vec<Row>) {
    let rows = p
        .switch_points
        .iter()
        .map(|sp| {
            Row(vec![
                format!("Phase {}", sp.phase),
                crossing(sp.dau_net_zero.map(|d| num(d, 0)), &sp.dau_net_zero_status),
                crossing(sp.dau_net_1000.map(|d| num(d, 0)), &sp.dau_net_1000_status),
                sp.dau_searched_max.map_or_else(|| "—".into(), |d| num(d, 0)),
                crossing(sp.team_net_zero.map(|t| t.to_string()), &sp.team_net_zero_status),
                crossing(sp.team_net_1000.map(|t| t.to_string()), &sp.team_net_1000_status),
            ])
        })
        .collect();
    let Some(c) = p.switch_curve.as_ref().filter(|c| !c.dau.is_empty()) else {
        return (String::new(), "This plan has no cost-against-DAU series (it was computed by an older obs-cost, or DAU is 0); the table below lists the switch points.".into(), rows);
    };
    // Phases first and the self-hosted reference last, so that each phase has the same colour
    // here as in the net-benefit chart (whose last line is the threshold).
    let self_hosted: Vec<(f64, f64)> =
        c.dau.iter().zip(&c.self_hosted_monthly_usd).map(|(d, v)| (f(*d), f(*v))).collect();
    let mut lines = phase_lines(c, |_, phase| phase);
    lines.push(Line { name: "All self-hosted".into(), points: self_hosted.clone(), dashed: true });
    // The self-hosted cost is linear in DAU between grid points: interpolate at each crossover.
    let self_at = |x: f64| -> f64 {
        for w in self_hosted.windows(2) {
            let ((x0, y0), (x1, y1)) = (w[0], w[1]);
            if x >= x0 && x <= x1 && x1 > x0 {
                return y0 + (y1 - y0) * (x - x0) / (x1 - x0);
            }
        }
        self_hosted.last().map_or(0.0, |p| p.1)
    };
    let mut markers = Vec::new();
    let mut sentences = Vec::new();
    for sp in &p.switch_points {
        if let Some(d) = sp.dau_net_zero {
            let x = f(d);
            markers.push(Marker { x, y: self_at(x), label: format!("P{}: {}", sp.phase, num(d, 0)) });
            sentences.push(format!(
                "phase {} crosses the self-hosted line at {} DAU ({})",
                sp.phase,
                num(d, 0),
                if sp.dau_net_zero_status == "rises_above" { "cheaper above" } else { "cheaper below" }
            ));
        } else {
            sentences.push(format!("phase {}: {}", sp.phase, crossing(None, &sp.dau_net_zero_status)));
        }
    }
    let text = format!(
        "Monthly cost of ownership against DAU ({} to {}, logarithmic): {}. {}.",
        c.dau.first().map_or_else(String::new, |d| num(*d, 0)),
        c.dau.last().map_or_else(String::new, |d| num(*d, 0)),
        c.method,
        sentences.join("; ")
    );
    let chart = svg::lines_log_x(
        "chart-switch",
        "Monthly cost of self-hosted and of each phase against DAU",
        &text,
        "daily active users (log scale)",
        true,
        &lines,
        &markers,
        Size { width: 900, height: 440 },
    );
    (chart, text, rows)
}

fn tree(p: &PlanView) -> String {
    let t = &p.decision_tree;
    let th = t.thresholds.unwrap_or(ThresholdsView {
        small_team_max: 3,
        mid_team_max: 10,
        low_dau_below: D(Decimal::from(10_000)),
        high_dau_from: D(Decimal::from(100_000)),
    });
    let i = &p.inputs;
    let small = i.engineers <= th.small_team_max;
    let large = i.engineers > th.mid_team_max;
    let mid = !small && !large;
    let low = mid && i.dau.0 < th.low_dau_below.0;
    let high = mid && i.dau.0 >= th.high_dau_from.0;
    let middle = mid && !low && !high;
    let burdensome = i.ops_burden == "burdensome";
    let leaf =
        |label: &str, edge: String, on: bool| TreeNode { label: label.into(), edge, on_path: on, children: vec![] };
    let root = TreeNode {
        label: format!("Team size? ({} engineers)", i.engineers),
        edge: String::new(),
        on_path: true,
        children: vec![
            leaf("Keep Compose", format!("≤ {}", th.small_team_max), small),
            TreeNode {
                label: format!("DAU? ({})", num(i.dau, 0)),
                edge: format!("{} to {}", th.small_team_max + 1, th.mid_team_max),
                on_path: mid,
                children: vec![
                    leaf("Keep Compose", format!("< {}", num(th.low_dau_below, 0)), low),
                    TreeNode {
                        label: format!("Ops burden? ({})", i.ops_burden),
                        edge: "in between".into(),
                        on_path: middle,
                        children: vec![
                            leaf("Keep Compose", "manageable".into(), middle && !burdensome),
                            leaf("Gradual migration", "burdensome".into(), middle && burdensome),
                        ],
                    },
                    leaf("Migrate to AWS", format!("≥ {}", num(th.high_dau_from, 0)), high),
                ],
            },
            leaf("Consider AWS", format!("> {}", th.mid_team_max), large),
        ],
    };
    let desc = format!(
        "The seed's decision tree; this scenario's path is highlighted: {}. Outcome: {}.",
        t.path.join("; "),
        decision_words(&t.outcome)
    );
    svg::decision_tree("chart-tree", "When to switch: the decision tree", &desc, &root)
}

fn tornado(p: &PlanView) -> (String, String, Vec<Row>) {
    let Some(best) = best_phase(p) else { return (String::new(), String::new(), Vec::new()) };
    let rows: Vec<_> = p
        .uncertainty
        .tornado
        .iter()
        .filter(|r| r.phase == best.phase && !r.swing_usd.0.is_zero())
        .take(TORNADO_ROWS)
        .collect();
    let label = format!("phase {} ({})", best.phase, best.name);
    if rows.is_empty() {
        return (String::new(), label, Vec::new());
    }
    let chart_rows: Vec<TornadoRow> = rows
        .iter()
        .map(|r| TornadoRow { label: r.key.clone(), low: f(r.net_at_low_usd), high: f(r.net_at_high_usd) })
        .collect();
    let desc = format!(
        "Net monthly benefit of {label} (expected {}) with one assumption at a time at its low and high value: {}.",
        money(best.net_monthly_benefit_usd),
        rows.iter()
            .map(|r| format!("{} {} to {}", r.key, money(r.net_at_low_usd), money(r.net_at_high_usd)))
            .collect::<Vec<_>>()
            .join("; ")
    );
    let chart = svg::tornado(
        "chart-tornado",
        &format!("Sensitivity of the net monthly benefit, {label}"),
        &desc,
        &chart_rows,
        f(best.net_monthly_benefit_usd),
        Size { width: 900, height: 360 },
    );
    let table = rows
        .iter()
        .map(|r| {
            Row(vec![
                r.key.clone(),
                num(r.low, 4),
                num(r.high, 4),
                money(r.net_at_low_usd),
                money(r.net_at_high_usd),
                money(r.swing_usd),
            ])
        })
        .collect();
    (chart, label, table)
}

fn window(seconds: Option<u64>) -> String {
    match seconds {
        None => "—".into(),
        Some(0) => "instant".into(),
        Some(s) if s % 86_400 == 0 => format!("{} days", s / 86_400),
        Some(s) if s % 3600 == 0 => format!("{} hours", s / 3600),
        Some(s) => format!("{s} s"),
    }
}

fn value3(low: D, expected: D, high: D) -> String {
    if low == expected && expected == high {
        num(expected, 4)
    } else {
        format!("{} (low {}, high {})", num(expected, 4), num(low, 4), num(high, 4))
    }
}

/// Renders the report. `generated` is the generation time to print (from `SOURCE_DATE_EPOCH`),
/// or `None` to print none, so that identical inputs give identical bytes.
pub fn render(p: &PlanView, generated: Option<&str>) -> Result<String> {
    let (cost_chart, cost_rows) = cost_chart(p);
    let (cash_chart, cash_text) = cash_chart(p);
    let (switch_chart, switch_text, switch_rows) = switch_chart(p);
    let (switch_net_chart, switch_net_text) = switch_net_chart(p);
    let (tornado_chart, tornado_phase, tornado_rows) = tornado(p);
    let usage = p.usage.as_ref();
    let page = Page {
        title: format!("obs-cost report: {}", p.scenario.name),
        name: p.scenario.name.clone(),
        description: p.scenario.description.clone().unwrap_or_default(),
        context: format!(
            "Scenario file {} · region {} · price book {} (snapshot {}) · free tier {} · {} hours per month",
            p.scenario.file,
            p.region,
            p.price_book,
            p.price_book_snapshot,
            if p.free_tier { "on" } else { "off" },
            num(p.hours_per_month, 2)
        ),
        generated: generated.map(|g| format!("Generated {g}.")).unwrap_or_default(),
        generated_by: if p.generated_by.is_empty() {
            format!("rendered by obs-cost {}", env!("CARGO_PKG_VERSION"))
        } else {
            format!("plan computed by {}, rendered by obs-cost {}", p.generated_by, env!("CARGO_PKG_VERSION"))
        },
        summary: summary(p),
        usage_source: usage.map_or_else(|| "not recorded in this plan".into(), |u| u.source.clone()),
        usage_rows: usage
            .map(|u| {
                u.values
                    .iter()
                    .map(|v| {
                        Row(vec![
                            v.key.clone(),
                            value3(v.low, v.expected, v.high),
                            if v.source == "scenario" { "given in the scenario".into() } else { v.source.clone() },
                            v.query.clone().unwrap_or_else(|| "—".into()),
                            window(v.window_seconds),
                            match v.extrapolated {
                                None => "—".into(),
                                Some(true) => "yes".into(),
                                Some(false) => "no".into(),
                            },
                        ])
                    })
                    .collect()
            })
            .unwrap_or_default(),
        top_metrics: usage
            .map(|u| {
                u.top_metrics
                    .iter()
                    .map(|t| {
                        Row(vec![
                            t.name.clone(),
                            num(t.series, 0),
                            t.cloudwatch_monthly_usd.map_or_else(|| "unknown".into(), money),
                            t.managed_prometheus_monthly_usd.map_or_else(|| "unknown".into(), money),
                        ])
                    })
                    .collect()
            })
            .unwrap_or_default(),
        top_metrics_method: usage.map(|u| u.top_metrics_method.clone()).unwrap_or_default(),
        metrics_targets: p
            .metrics_targets
            .iter()
            .map(|m| {
                Row(vec![
                    if m.target == "cloudwatch" { "CloudWatch".into() } else { "Managed Prometheus + Grafana".into() },
                    if m.unknown_line_items > 0 {
                        format!("≥ {} ({} unknown)", money(m.monthly_usd), m.unknown_line_items)
                    } else {
                        money(m.monthly_usd)
                    },
                    if m.chosen { "yes".into() } else { "no".into() },
                ])
            })
            .collect(),
        cost_chart,
        cost_rows,
        actual_rows: actual_rows(p),
        actual_text: p.actual_comparison.as_ref().map_or_else(Vec::new, |c| {
            let mut t = vec![format!(
                "Actual usage read from CloudWatch in {} from {} to {} ({}). Error = {}. Actual costs use the plan's prices; the services' other line items keep their forecast quantities.",
                c.region, c.start, c.end, c.file, c.error_definition
            )];
            t.extend(c.notes.iter().cloned());
            t
        }),
        baseline: tables(&p.baseline.services),
        baseline_totals: format!(
            "All self-hosted: {} a month of infrastructure{}, {} of ops labor, {}% availability ({} minutes of downtime, {}).",
            money(p.baseline.self_hosted_monthly_usd),
            if p.baseline.unknown_line_items > 0 {
                format!(" (lower bound: {} line items unknown)", p.baseline.unknown_line_items)
            } else {
                String::new()
            },
            money(p.baseline.ops_labor_usd),
            num(p.baseline.availability_percent, 3),
            num(p.baseline.downtime_minutes_per_month, 1),
            money(p.baseline.downtime_cost_usd)
        ),
        phase_tables: p
            .phases
            .iter()
            .map(|ph| PhaseTables {
                id: format!("phase-{}", ph.phase),
                title: if ph.moves.is_empty() {
                    format!("Phase {}: {} (moves nothing new)", ph.phase, ph.name)
                } else {
                    format!("Phase {}: {} (moves {})", ph.phase, ph.name, ph.moves.join(", "))
                },
                totals: format!(
                    "AWS {} + still self-hosted {} = {} a month; one-time cost {} ({} engineer-weeks in this phase).",
                    aws_cell(ph),
                    money(ph.self_hosted_monthly_usd),
                    money(ph.total_monthly_usd),
                    money(ph.one_time_cost_usd),
                    num(ph.engineer_weeks, 2)
                ),
                aws: tables(&ph.aws_services),
                self_hosted: tables(&ph.self_hosted_services),
            })
            .collect(),
        roi_rows: p
            .phases
            .iter()
            .map(|ph| {
                Row(vec![
                    format!("{} {}", ph.phase, ph.name),
                    money(ph.roi.infra_delta_usd),
                    money(ph.roi.ops_labor_saved_usd),
                    money(ph.roi.downtime_saved_usd),
                    money(ph.roi.productivity_gained_usd),
                    money(ph.net_monthly_benefit_usd),
                    money(ph.one_time_cost_usd),
                    payback(ph),
                    money(ph.npv_usd),
                    format!(
                        "{}{}",
                        decision_words(&ph.decision),
                        if ph.provisional { " (provisional)" } else { "" }
                    ),
                ])
            })
            .collect(),
        cash_chart,
        cash_text,
        switch_chart,
        switch_text,
        switch_net_chart,
        switch_net_text,
        switch_rows,
        switch_method: p.switch_points_method.clone(),
        tree_chart: tree(p),
        tree_path: p.decision_tree.path.clone(),
        tornado_chart,
        tornado_phase,
        tornado_rows,
        uncertainty_rows: p
            .uncertainty
            .phases
            .iter()
            .map(|u| {
                Row(vec![
                    format!("Phase {}", u.phase),
                    money(u.net_monthly_benefit_usd.low),
                    money(u.net_monthly_benefit_usd.expected),
                    money(u.net_monthly_benefit_usd.high),
                    money(u.npv_usd.low),
                    money(u.npv_usd.expected),
                    money(u.npv_usd.high),
                ])
            })
            .collect(),
        uncertainty_method: p.uncertainty.method.clone(),
        inputs: p.scenario.inputs.iter().map(|kv| Row(vec![kv.key.clone(), kv.value.clone()])).collect(),
        regions: p
            .price_book_regions
            .iter()
            .map(|r| Row(vec![r.region.clone(), r.location.clone(), r.snapshot.clone()]))
            .collect(),
        unconfirmed: p
            .unconfirmed_prices
            .iter()
            .map(|u| {
                Row(vec![
                    u.id.clone(),
                    format!("{} {}", u.service_code, u.usage_type),
                    u.region.clone(),
                    u.as_of.clone(),
                    u.note.clone().unwrap_or_else(|| "not confirmed for this region".into()),
                    u.source.clone(),
                ])
            })
            .collect(),
        mapping: p
            .mapping
            .iter()
            .flat_map(|m| m.explanations.iter().map(move |e| Row(vec![m.phase.to_string(), m.workload.clone(), e.clone()])))
            .collect(),
        notes: p.notes.clone(),
    };
    page.render().context("cannot render the HTML report; this is a bug in obs-cost, please report it")
}
