//! The plan document's renderers, one per format (`table`, `markdown`, `csv`, `json`, and `html`
//! with its `charts`), and the cells, labels and notes the human-readable ones share (here, and
//! for the used-series section in `used`), so that every format says the same thing. Pure.

pub mod charts;
pub mod csv;
pub mod html;
pub mod json;
pub mod markdown;
pub mod table;
pub mod used;

use anyhow::Result;

pub use html::Html;

use super::wording::{self, lower_bound, payback_cell};
use super::{unsupported, Format, Render};
use crate::plan::actual::ActualComparison;
use crate::plan::switch::SwitchPoint;
use crate::plan::uncertainty::{PhaseUncertainty, TornadoRow};
use crate::plan::{PhasePlan, Plan};
use crate::units::{group_thousands, usd};

/// The renderer of a plan in a format (the HTML report is [`Html`], which takes a generation time).
pub fn renderer(format: Format) -> Result<Box<dyn Render<Plan>>> {
    Ok(match format {
        Format::Table => Box::new(table::Table),
        Format::Json => Box::new(json::Json),
        Format::Markdown => Box::new(markdown::Markdown),
        Format::Csv => Box::new(csv::Csv),
        other => return unsupported("a plan", other, &[Format::Table, Format::Json, Format::Markdown, Format::Csv]),
    })
}

/// Header of the phase summary.
pub const SUMMARY_HEADER: [&str; 13] = [
    "Phase",
    "Moves",
    "AWS/month",
    "Self-hosted/month",
    "One-time",
    "Infra delta",
    "Ops saved",
    "Downtime saved",
    "Productivity",
    "Net/month",
    "Payback",
    "NPV",
    "Decision",
];

/// AWS cost, marked as a lower bound when some usage is unknown.
pub fn aws_cell(p: &PhasePlan) -> String {
    lower_bound(p.aws_monthly_usd.0, p.aws_unknown_line_items)
}

/// What a phase's one-time cost is made of, with the weeks each amount prices (phases 1..N):
/// `labor $33,230.77 (phases 1-4: 16 engineer-weeks) + dual running $3,201.30 (16 weeks)`.
pub fn one_time_parts(plan: &Plan, ph: &PhasePlan) -> String {
    let phases = if ph.phase == 1 { "phase 1".to_string() } else { format!("phases 1-{}", ph.phase) };
    match plan.weeks_priced(ph) {
        Some((weeks, dual)) => format!(
            "labor {} ({phases}: {} engineer-weeks) + dual running {} ({} weeks)",
            usd(ph.migration_labor_usd.0),
            group_thousands(weeks, 2),
            usd(ph.dual_running_usd.0),
            group_thousands(dual, 2)
        ),
        None => {
            format!("labor {} + dual running {} ({phases})", usd(ph.migration_labor_usd.0), usd(ph.dual_running_usd.0))
        }
    }
}

/// One summary row.
pub fn summary_row(p: &PhasePlan) -> [String; 13] {
    let moves = if p.moves.is_empty() {
        "-".to_string()
    } else {
        p.moves.iter().map(|w| w.as_str()).collect::<Vec<_>>().join(", ")
    };
    [
        format!("{} {}", p.phase, p.name),
        moves,
        aws_cell(p),
        usd(p.self_hosted_monthly_usd.0),
        usd(p.one_time_cost_usd.0),
        usd(p.roi.infra_delta_usd.0),
        usd(p.roi.ops_labor_saved_usd.0),
        usd(p.roi.downtime_saved_usd.0),
        usd(p.roi.productivity_gained_usd.0),
        usd(p.net_monthly_benefit_usd.0),
        payback_cell(p.payback_months),
        usd(p.npv_usd.0),
        wording::phase_decision(p),
    ]
}

/// The cells of a phase's switch points after its label: DAU at net $0 and at the threshold, DAU
/// searched up to (`none` when the plan has no DAU), team size at net $0 and at the threshold.
pub fn switch_point_cells(sp: &SwitchPoint, none: &str) -> [String; 5] {
    let dau = |v: Option<crate::units::Exact>| v.map(|d| group_thousands(d.0, 0));
    let team = |v: Option<u32>| v.map(|t| t.to_string());
    [
        wording::crossing(dau(sp.dau_net_zero), sp.dau_net_zero_status),
        wording::crossing(dau(sp.dau_net_1000), sp.dau_net_1000_status),
        dau(sp.dau_searched_max).unwrap_or_else(|| none.to_string()),
        wording::crossing(team(sp.team_net_zero), sp.team_net_zero_status),
        wording::crossing(team(sp.team_net_1000), sp.team_net_1000_status),
    ]
}

/// One switch-point row: phase, then [`switch_point_cells`].
pub fn switch_point_row(sp: &SwitchPoint) -> [String; 6] {
    let [a, b, c, d, e] = switch_point_cells(sp, "-");
    [sp.phase.to_string(), a, b, c, d, e]
}

/// The cells of a phase's uncertainty after its label: net monthly benefit low / expected / high,
/// NPV low / expected / high.
pub fn uncertainty_cells(ph: &PhaseUncertainty) -> [String; 6] {
    [
        usd(ph.net_monthly_benefit_usd.low.0),
        usd(ph.net_monthly_benefit_usd.expected.0),
        usd(ph.net_monthly_benefit_usd.high.0),
        usd(ph.npv_usd.low.0),
        usd(ph.npv_usd.expected.0),
        usd(ph.npv_usd.high.0),
    ]
}

/// One uncertainty row: phase, then [`uncertainty_cells`].
pub fn uncertainty_row(ph: &PhaseUncertainty) -> [String; 7] {
    let [a, b, c, d, e, f] = uncertainty_cells(ph);
    [ph.phase.to_string(), a, b, c, d, e, f]
}

/// The tornado shown: the last phase and its first eight rows (largest swing first).
pub fn tornado(p: &Plan) -> (u32, Vec<&TornadoRow>) {
    let last = p.phases.last().map_or(0, |x| x.phase);
    (last, p.uncertainty.tornado.iter().filter(|r| r.phase == last).take(8).collect())
}

/// One tornado row: assumption, low, high, net at low, net at high, swing.
pub fn tornado_row(r: &TornadoRow) -> [String; 6] {
    [
        r.key.clone(),
        group_thousands(r.low.0, 4),
        group_thousands(r.high.0, 4),
        usd(r.net_at_low_usd.0),
        usd(r.net_at_high_usd.0),
        usd(r.swing_usd.0),
    ]
}

/// The header lines.
pub fn heading(p: &Plan) -> Vec<String> {
    let mut out = vec![format!(
        "Migration plan: {} ({}, {} hours per month, free tier {}, price book {} snapshot {})",
        p.scenario.name,
        p.region,
        p.hours_per_month.0.normalize(),
        if p.free_tier { "on" } else { "off" },
        p.price_book,
        p.price_book_snapshot
    )];
    let i = &p.inputs;
    out.push(format!(
        "Team {} engineers ({} ops FTE at {}/month loaded), DAU {} growing {}%/month, downtime {}/minute, ops burden {}, metrics to {}, horizon {} months at {}%/year",
        i.engineers,
        group_thousands(i.ops_fte.0, 2),
        usd(i.loaded_monthly_cost_usd.0),
        group_thousands(i.dau.0, 0),
        group_thousands(i.monthly_growth_percent.0, 2),
        usd(i.downtime_cost_per_minute_usd.0),
        i.ops_burden.as_str(),
        i.metrics_target.as_str(),
        i.horizon_months,
        group_thousands(i.annual_discount_rate_percent.0, 2)
    ));
    let b = &p.baseline;
    out.push(format!(
        "Baseline (all self-hosted): {}/month infrastructure, availability {}% = {} min downtime/month ({}), ops labor {}/month",
        lower_bound(b.self_hosted_monthly_usd.0, b.unknown_line_items),
        group_thousands(b.availability_percent.0, 3),
        group_thousands(b.downtime_minutes_per_month.0, 1),
        usd(b.downtime_cost_usd.0),
        usd(b.ops_labor_usd.0)
    ));
    out.extend(metrics_line(p));
    out
}

/// The metrics workload on each target.
pub fn metrics_line(p: &Plan) -> Option<String> {
    if p.metrics_targets.is_empty() {
        return None;
    }
    let parts: Vec<String> = p
        .metrics_targets
        .iter()
        .map(|m| {
            format!(
                "{} {}{}",
                m.target.as_str(),
                lower_bound(m.monthly_usd.0, m.unknown_line_items),
                if m.chosen { " [chosen]" } else { "" }
            )
        })
        .collect();
    Some(format!("Metrics workload alone, per month: {}", parts.join(" vs ")))
}

/// Decision tree and agreement lines.
pub fn tree_lines(p: &Plan) -> Vec<String> {
    let t = &p.decision_tree;
    let mut out = vec![format!("Decision tree (seed 000): {}", wording::outcome(t.outcome))];
    out.extend(t.path.iter().map(|s| format!("  {s}")));
    out.push(format!("{}{}", if t.agrees_with_roi { "" } else { "DISAGREEMENT: " }, t.note));
    out
}

/// Notes, then every derived, unconfirmed and stale price used.
pub fn notes(p: &Plan) -> Vec<String> {
    let mut out: Vec<String> = p.notes.clone();
    out.extend(p.price_flags.prices.iter().map(wording::flagged_price));
    out
}

/// The warnings under the phase summary: sizes skipped for lack of a price (and switch-point
/// searches that stopped), then the flagged prices (counts and the fix).
pub fn summary_lines(p: &Plan) -> Vec<String> {
    let mut out: Vec<String> = p.sizing_warnings.iter().map(|w| format!("Warning: {}.", w.text)).collect();
    out.extend(wording::price_flags_summary(&p.price_flags));
    out
}

/// The line saying how the agents reach AWS and which way is cheaper, when compute runs on AWS.
pub fn agents_line(p: &Plan) -> Option<String> {
    p.agent_transport.as_ref().map(|a| a.text.clone())
}

/// Header of the forecast-vs-actual table (`plan --actual`).
pub const ACTUAL_HEADER: [&str; 9] = [
    "Phase",
    "Service",
    "Quantity (per month)",
    "Forecast",
    "Actual",
    "Error",
    "Forecast cost",
    "Actual cost",
    "Cost error",
];

/// How the forecast-vs-actual table names its parts: the phase label, the service, its total row,
/// and what stands for a percentage that cannot be computed. The table, Markdown and HTML differ
/// only in these.
pub struct ActualStyle {
    /// The label of a phase from its number and name.
    pub phase: fn(u32, &str) -> String,
    /// The name shown for a service key.
    pub service: fn(&str) -> String,
    /// The label of each phase's total row.
    pub total: &'static str,
    /// Shown for a percentage that cannot be computed.
    pub none: &'static str,
}

/// The rows of the forecast-vs-actual table: one per compared quantity (the service's costs on its
/// first row), then one total per phase: phase, service, quantity, forecast, actual, error,
/// forecast cost, actual cost, cost error.
pub fn actual_rows(c: &ActualComparison, style: &ActualStyle) -> Vec<[String; 9]> {
    let percent = |v: Option<crate::units::Exact>| v.map_or_else(|| style.none.to_string(), |v| wording::percent(v.0));
    let mut rows = Vec::new();
    for ph in &c.phases {
        let label = (style.phase)(ph.phase, &ph.name);
        for s in &ph.services {
            for (i, q) in s.quantities.iter().enumerate() {
                let first = i == 0;
                let mark = if q.actual_extrapolated { " (extrapolated)" } else { "" };
                rows.push([
                    label.clone(),
                    if first { (style.service)(&s.service) } else { String::new() },
                    format!("{} ({})", q.name, q.unit),
                    q.forecast.map_or_else(|| "unknown".to_string(), |v| group_thousands(v.0, 4)),
                    q.actual
                        .map_or_else(|| "not measured".to_string(), |v| format!("{}{mark}", group_thousands(v.0, 4))),
                    percent(q.error_percent),
                    if first { usd(s.forecast_monthly_usd.0) } else { String::new() },
                    if first { usd(s.actual_monthly_usd.0) } else { String::new() },
                    if first { percent(s.error_percent) } else { String::new() },
                ]);
            }
        }
        rows.push([
            label,
            style.total.into(),
            String::new(),
            String::new(),
            String::new(),
            String::new(),
            usd(ph.forecast_monthly_usd.0),
            usd(ph.actual_monthly_usd.0),
            percent(ph.error_percent),
        ]);
    }
    rows
}

/// The style of the forecast-vs-actual table in the terminal and Markdown.
pub const ACTUAL_TEXT: ActualStyle =
    ActualStyle { phase: |n, name| format!("{n} {name}"), service: str::to_string, total: "total compared", none: "-" };

/// The lines under the forecast-vs-actual table: where the actuals come from, and caveats.
pub fn actual_lines(c: &ActualComparison) -> Vec<String> {
    let mut out = vec![format!(
        "Actual usage from {} (CloudWatch, {}, {} to {}); error = {}; actual costs use the plan's prices, with the other line items as forecast.",
        c.file, c.region, c.start, c.end, c.error_definition
    )];
    out.extend(c.notes.iter().map(|n| format!("note: {n}")));
    out
}
