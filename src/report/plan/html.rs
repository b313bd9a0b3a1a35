//! The plan as one self-contained HTML report (`obs-cost report`): askama template
//! (`templates/report.html`) filled with pre-formatted text and inline SVG charts (`charts`).
//! No JavaScript, no external resource: the file can be mailed and opened offline. Pure: it reads
//! the [`Plan`] as written (so a saved plan renders to the same bytes as a fresh one) and returns
//! the HTML; `cmd::report` writes the file.
//!
//! Escaping: askama escapes every `{{ }}` value; the charts are the only `|safe` content, and
//! `svg` escapes all the text it puts in them.

use anyhow::{Context, Result};
use askama::Template;
use rust_decimal::Decimal;

use super::charts::{self, best_phase};
use super::used::{self, window, UsedView};
use super::{actual_rows, aws_cell, uncertainty_cells, ActualStyle};
use crate::cost::ServiceCost;
use crate::plan::measured::ValueSource;
use crate::plan::{PhasePlan, Plan};
use crate::report::wording::{self, decision, outcome, payback_text, phase_decision, service_name};
use crate::report::{line_cells, Render};
use crate::roi::Decision;
use crate::scenario::MetricsTarget;
use crate::units::{group_thousands, usd, Exact, Money};

/// The plan as the HTML report; `generated` is the generation time to print (from
/// `SOURCE_DATE_EPOCH`), or `None` to print none, so that identical inputs give identical bytes.
pub struct Html {
    /// The generation time to print, if any.
    pub generated: Option<String>,
}

impl Render<Plan> for Html {
    fn render(&self, p: &Plan) -> Result<String> {
        render(&p.as_written()?, self.generated.as_deref())
    }
}

fn money(m: Money) -> String {
    usd(m.0)
}

fn num(e: Exact, dp: u32) -> String {
    group_thousands(e.0, dp)
}

/// A table row of strings.
pub struct Row(pub Vec<String>);

impl Row {
    /// The first cell (the row header).
    pub fn head(&self) -> &str {
        self.0.first().map_or("", String::as_str)
    }

    /// Every cell but the first.
    pub fn rest(&self) -> &[String] {
        self.0.get(1..).unwrap_or(&[])
    }
}

/// The forecast-vs-actual table in the report.
const ACTUAL_HTML: ActualStyle = ActualStyle {
    phase: |n, name| format!("Phase {n} {name}"),
    service: |key| service_name(key).to_string(),
    total: "Total compared",
    none: "—",
};

/// A service's line items, formatted.
pub struct ServiceTable {
    /// Service display name.
    pub name: String,
    /// Its monthly total.
    pub total: String,
    /// name, quantity, unit, unit price, monthly.
    pub items: Vec<[String; 5]>,
}

fn tables(services: &[ServiceCost]) -> Vec<ServiceTable> {
    services
        .iter()
        .map(|s| ServiceTable {
            name: service_name(&s.service).to_string(),
            total: money(s.monthly_usd),
            items: s.line_items.iter().map(line_cells).collect(),
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
    /// What the reader must not miss: sizes skipped for lack of a price, flagged prices.
    pub warnings: Vec<String>,
    /// How the agents reach AWS and which way is cheaper (empty when compute stays self-hosted).
    pub agents: String,
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
    /// What the rules and dashboards read.
    pub used: UsedView,
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
    /// Derived, unconfirmed and stale prices: id, status, as of, stale, rule or why, source.
    pub flagged: Vec<Row>,
    /// How usage maps to AWS.
    pub mapping: Vec<Row>,
    /// Notes.
    pub notes: Vec<String>,
}

fn summary(p: &Plan) -> Summary {
    let t = &p.decision_tree;
    let best = best_phase(p);
    let band = best.and_then(|b| p.uncertainty.phases.iter().find(|u| u.phase == b.phase));
    let first = p.phases.first();
    let next_step = match (best, first) {
        // A single-phase plan knows nothing of the other phases: it does not say where to start.
        (Some(b), _) if p.selected_phase.is_some() => format!(
            "This plan holds phase {} ({}) only: {}, net {} a month for a one-time {} (phases 1-{}'s labor and dual running). Plan every phase to choose where to start.",
            b.phase,
            b.name,
            decision(b.decision),
            money(b.net_monthly_benefit_usd),
            money(b.one_time_cost_usd),
            b.phase
        ),
        (Some(b), _) if b.decision == Decision::Stay => format!(
            "Stay self-hosted for now: no phase nets at least {} a month. Re-run the plan when usage, team or prices change (see the switch points).",
            money(p.inputs.migrate_gradually_from_usd)
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
    let roi_decision = decision(t.roi_decision).to_string();
    let headline = match best {
        Some(b) if p.selected_phase.is_some() => format!(
            "ROI rule for phase {} {}, the one phase this plan holds: {} (net {} a month). Decision tree: {}.",
            b.phase,
            b.name,
            roi_decision,
            money(b.net_monthly_benefit_usd),
            outcome(t.outcome)
        ),
        Some(b) => format!(
            "ROI rule: {} (best: phase {} {}, net {} a month). Decision tree: {}.",
            roi_decision,
            b.phase,
            b.name,
            money(b.net_monthly_benefit_usd),
            outcome(t.outcome)
        ),
        None => format!("Decision tree: {}.", outcome(t.outcome)),
    };
    Summary {
        headline,
        roi_decision,
        tree_outcome: outcome(t.outcome).to_string(),
        agrees: t.agrees_with_roi,
        note: t.note.clone(),
        best_phase: best.map_or_else(String::new, |b| format!("phase {} ({})", b.phase, b.name)),
        net: best.map_or_else(String::new, |b| money(b.net_monthly_benefit_usd)),
        net_band: band.map_or_else(String::new, |u| {
            format!("{} to {}", money(u.net_monthly_benefit_usd.low), money(u.net_monthly_benefit_usd.high))
        }),
        payback: best.map_or_else(String::new, |b| payback_text(b.payback_months, b.payback_month_in_horizon)),
        npv: best.map_or_else(String::new, |b| money(b.npv_usd)),
        next_step,
        warnings: super::summary_lines(p),
        agents: super::agents_line(p).unwrap_or_default(),
    }
}

fn value3(low: Exact, expected: Exact, high: Exact) -> String {
    if low == expected && expected == high {
        num(expected, 4)
    } else {
        format!("{} (low {}, high {})", num(expected, 4), num(low, 4), num(high, 4))
    }
}

fn phase_tables(p: &Plan, ph: &PhasePlan) -> PhaseTables {
    PhaseTables {
        id: format!("phase-{}", ph.phase),
        title: if ph.moves.is_empty() {
            format!("Phase {}: {} (moves nothing new)", ph.phase, ph.name)
        } else {
            let moves: Vec<&str> = ph.moves.iter().map(|w| w.as_str()).collect();
            format!("Phase {}: {} (moves {})", ph.phase, ph.name, moves.join(", "))
        },
        totals: format!(
            "AWS {} + still self-hosted {} = {} a month; one-time cost {} = {}.",
            aws_cell(ph),
            money(ph.self_hosted_monthly_usd),
            money(ph.total_monthly_usd),
            money(ph.one_time_cost_usd),
            super::one_time_parts(p, ph)
        ),
        aws: tables(&ph.aws_services),
        self_hosted: tables(&ph.self_hosted_services),
    }
}

fn roi_row(ph: &PhasePlan) -> Row {
    Row(vec![
        format!("{} {}", ph.phase, ph.name),
        money(ph.roi.infra_delta_usd),
        money(ph.roi.ops_labor_saved_usd),
        money(ph.roi.downtime_saved_usd),
        money(ph.roi.productivity_gained_usd),
        money(ph.net_monthly_benefit_usd),
        money(ph.one_time_cost_usd),
        payback_text(ph.payback_months, ph.payback_month_in_horizon),
        money(ph.npv_usd),
        phase_decision(ph),
    ])
}

/// Renders the report of a plan as written.
fn render(p: &Plan, generated: Option<&str>) -> Result<String> {
    let (cost_chart, cost_rows) = charts::cost(p);
    let (cash_chart, cash_text) = charts::cash(p);
    let (switch_chart, switch_text, switch_rows) = charts::switch(p);
    let (switch_net_chart, switch_net_text) = charts::switch_net(p);
    let (tornado_chart, tornado_phase, tornado_rows) = charts::tornado(p);
    let u = &p.usage;
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
        usage_source: if u.source.is_empty() { "not recorded in this plan".into() } else { u.source.clone() },
        usage_rows: u
            .values
            .iter()
            .map(|v| {
                Row(vec![
                    v.key.clone(),
                    value3(v.low, v.expected, v.high),
                    match v.source {
                        ValueSource::Scenario => "given in the scenario".into(),
                        ValueSource::Snapshot => "snapshot".into(),
                    },
                    v.query.clone().unwrap_or_else(|| "—".into()),
                    window(v.window_seconds),
                    match v.extrapolated {
                        None => "—".into(),
                        Some(true) => "yes".into(),
                        Some(false) => "no".into(),
                    },
                ])
            })
            .collect(),
        top_metrics: u
            .top_metrics
            .iter()
            .map(|t| {
                Row(vec![
                    t.name.clone(),
                    num(t.series, 0),
                    t.cloudwatch_monthly_usd.map_or_else(|| "unknown".into(), money),
                    t.managed_prometheus_monthly_usd.map_or_else(|| "unknown".into(), money),
                ])
            })
            .collect(),
        top_metrics_method: u.top_metrics_method.clone(),
        metrics_targets: p
            .metrics_targets
            .iter()
            .map(|m| {
                Row(vec![
                    match m.target {
                        MetricsTarget::Cloudwatch => "CloudWatch".into(),
                        MetricsTarget::ManagedPrometheus => "Managed Prometheus + Grafana".into(),
                    },
                    wording::lower_bound(m.monthly_usd.0, m.unknown_line_items),
                    if m.chosen { "yes".into() } else { "no".into() },
                ])
            })
            .collect(),
        used: used::view(p),
        cost_chart,
        cost_rows,
        actual_rows: p
            .actual_comparison
            .as_ref()
            .map(|c| actual_rows(c, &ACTUAL_HTML).into_iter().map(|r| Row(r.to_vec())).collect())
            .unwrap_or_default(),
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
        phase_tables: p.phases.iter().map(|ph| phase_tables(p, ph)).collect(),
        roi_rows: p.phases.iter().map(roi_row).collect(),
        cash_chart,
        cash_text,
        switch_chart,
        switch_text,
        switch_net_chart,
        switch_net_text,
        switch_rows,
        switch_method: p.switch_points_method.clone(),
        tree_chart: charts::tree(p),
        tree_path: p.decision_tree.path.clone(),
        tornado_chart,
        tornado_phase,
        tornado_rows,
        uncertainty_rows: p
            .uncertainty
            .phases
            .iter()
            .map(|u| {
                let mut cells = vec![format!("Phase {}", u.phase)];
                cells.extend(uncertainty_cells(u));
                Row(cells)
            })
            .collect(),
        uncertainty_method: p.uncertainty.method.clone(),
        inputs: p.scenario.inputs.iter().map(|kv| Row(vec![kv.key.clone(), kv.value.clone()])).collect(),
        regions: p
            .price_book_regions
            .iter()
            .map(|r| Row(vec![r.region.clone(), r.location.clone(), r.snapshot.clone()]))
            .collect(),
        flagged: p
            .price_flags
            .prices
            .iter()
            .map(|f| {
                Row(vec![
                    f.id.clone(),
                    f.status.as_str().to_string(),
                    f.as_of.clone(),
                    if f.stale { "yes".into() } else { "no".into() },
                    f.rule.clone().or_else(|| f.note.clone()).unwrap_or_else(|| "—".into()),
                    f.source.clone(),
                ])
            })
            .collect(),
        mapping: p
            .mapping
            .iter()
            .flat_map(|m| {
                m.explanations.iter().map(move |e| Row(vec![m.phase.to_string(), m.workload.as_str().to_string(), e.clone()]))
            })
            .collect(),
        notes: p.notes.clone(),
    };
    page.render().context("cannot render the HTML report; this is a bug in obs-cost, please report it")
}
