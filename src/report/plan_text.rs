//! Shared wording of the plan's human-readable views (table and Markdown): cells, labels and
//! notes, so that both formats say the same thing. Pure.

use rust_decimal::Decimal;

use crate::plan::switch::{Crossing, SwitchPoint};
use crate::plan::uncertainty::{PhaseUncertainty, TornadoRow};
use crate::plan::{PhasePlan, Plan};
use crate::units::{group_thousands, usd};

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
    if p.aws_unknown_line_items > 0 {
        format!("≥ {} ({} unknown)", usd(p.aws_monthly_usd), p.aws_unknown_line_items)
    } else {
        usd(p.aws_monthly_usd)
    }
}

/// Payback in months, or "never".
pub fn payback_cell(p: &PhasePlan) -> String {
    match p.payback_months {
        Some(m) => format!("{m} mo"),
        None => "never".into(),
    }
}

/// One summary row.
pub fn summary_row(p: &PhasePlan) -> [String; 13] {
    let moves = if p.moves.is_empty() {
        "-".to_string()
    } else {
        p.moves.iter().map(|w| w.as_str()).collect::<Vec<_>>().join(", ")
    };
    let decision =
        if p.provisional { format!("{} (provisional)", p.decision.as_str()) } else { p.decision.as_str().to_string() };
    [
        format!("{} {}", p.phase, p.name),
        moves,
        aws_cell(p),
        usd(p.self_hosted_monthly_usd),
        usd(p.one_time_cost_usd),
        usd(p.roi.infra_delta_usd),
        usd(p.roi.ops_labor_saved_usd),
        usd(p.roi.downtime_saved_usd),
        usd(p.roi.productivity_gained_usd),
        usd(p.net_monthly_benefit_usd),
        payback_cell(p),
        usd(p.npv_usd),
        decision,
    ]
}

/// A switch point: the value with its direction, or why there is none.
pub fn crossing(value: Option<String>, status: Crossing) -> String {
    match (value, status) {
        (Some(v), Crossing::RisesAbove) => format!("from {v}"),
        (Some(v), Crossing::FallsBelow) => format!("below {v}"),
        (_, Crossing::AlwaysAbove) => "whole range".into(),
        _ => "never within range".into(),
    }
}

/// A DAU switch point.
pub fn dau(v: Option<Decimal>, status: Crossing) -> String {
    crossing(v.map(|d| group_thousands(d, 0)), status)
}

/// The highest DAU a phase was priced at in the switch-point search, `-` without DAU.
pub fn searched(v: Option<Decimal>) -> String {
    v.map_or_else(|| "-".into(), |d| group_thousands(d, 0))
}

/// A team-size switch point.
pub fn team(v: Option<u32>, status: Crossing) -> String {
    crossing(v.map(|t| t.to_string()), status)
}

/// One switch-point row: phase, DAU at net $0 and at the threshold, DAU searched up to, team size
/// at net $0 and at the threshold.
pub fn switch_point_row(sp: &SwitchPoint) -> [String; 6] {
    [
        sp.phase.to_string(),
        dau(sp.dau_net_zero, sp.dau_net_zero_status),
        dau(sp.dau_net_1000, sp.dau_net_1000_status),
        searched(sp.dau_searched_max),
        team(sp.team_net_zero, sp.team_net_zero_status),
        team(sp.team_net_1000, sp.team_net_1000_status),
    ]
}

/// One uncertainty row: phase, net monthly benefit low / expected / high, NPV low / expected / high.
pub fn uncertainty_row(ph: &PhaseUncertainty) -> [String; 7] {
    [
        ph.phase.to_string(),
        usd(ph.net_monthly_benefit_usd.low),
        usd(ph.net_monthly_benefit_usd.expected),
        usd(ph.net_monthly_benefit_usd.high),
        usd(ph.npv_usd.low),
        usd(ph.npv_usd.expected),
        usd(ph.npv_usd.high),
    ]
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
        group_thousands(r.low, 4),
        group_thousands(r.high, 4),
        usd(r.net_at_low_usd),
        usd(r.net_at_high_usd),
        usd(r.swing_usd),
    ]
}

/// The header lines.
pub fn heading(p: &Plan) -> Vec<String> {
    let mut out = vec![format!(
        "Migration plan: {} ({}, {} hours per month, free tier {}, price book {} snapshot {})",
        p.scenario.name,
        p.region,
        p.hours_per_month.normalize(),
        if p.free_tier { "on" } else { "off" },
        p.price_book,
        p.price_book_snapshot
    )];
    let i = &p.inputs;
    out.push(format!(
        "Team {} engineers ({} ops FTE at {}/month loaded), DAU {} growing {}%/month, downtime {}/minute, ops burden {}, metrics to {}, horizon {} months at {}%/year",
        i.engineers,
        group_thousands(i.ops_fte, 2),
        usd(i.loaded_monthly_cost_usd),
        group_thousands(i.dau, 0),
        group_thousands(i.monthly_growth_percent, 2),
        usd(i.downtime_cost_per_minute_usd),
        i.ops_burden,
        i.metrics_target,
        i.horizon_months,
        group_thousands(i.annual_discount_rate_percent, 2)
    ));
    let b = &p.baseline;
    out.push(format!(
        "Baseline (all self-hosted): {}/month infrastructure{}, availability {}% = {} min downtime/month ({}), ops labor {}/month",
        usd(b.self_hosted_monthly_usd),
        if b.unknown_line_items > 0 { format!(" (≥, {} unknown)", b.unknown_line_items) } else { String::new() },
        group_thousands(b.availability_percent, 3),
        group_thousands(b.downtime_minutes_per_month, 1),
        usd(b.downtime_cost_usd),
        usd(b.ops_labor_usd)
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
                "{} {}{}{}",
                m.target,
                usd(m.monthly_usd),
                if m.unknown_line_items > 0 {
                    format!(" (≥, {} unknown)", m.unknown_line_items)
                } else {
                    String::new()
                },
                if m.chosen { " [chosen]" } else { "" }
            )
        })
        .collect();
    Some(format!("Metrics workload alone, per month: {}", parts.join(" vs ")))
}

/// Decision tree and agreement lines.
pub fn tree_lines(p: &Plan) -> Vec<String> {
    let t = &p.decision_tree;
    let mut out = vec![format!("Decision tree (seed 000): {}", t.outcome)];
    out.extend(t.path.iter().map(|s| format!("  {s}")));
    out.push(format!("{}{}", if t.agrees_with_roi { "" } else { "DISAGREEMENT: " }, t.note));
    out
}

/// Notes and unconfirmed prices.
pub fn notes(p: &Plan) -> Vec<String> {
    let mut out: Vec<String> = p.notes.clone();
    for u in &p.unconfirmed_prices {
        out.push(format!(
            "† unconfirmed price {} ({} {}, {}, as of {}): {}",
            u.id,
            u.service_code,
            u.usage_type,
            u.region,
            u.as_of,
            u.note.as_deref().unwrap_or("not confirmed for this region")
        ));
    }
    out
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

/// A signed percentage, or `-` when it cannot be computed.
pub fn percent(v: Option<Decimal>) -> String {
    match v {
        Some(v) if v > Decimal::ZERO => format!("+{}%", group_thousands(v, 2)),
        Some(v) => format!("{}%", group_thousands(v, 2)),
        None => "-".into(),
    }
}

/// The rows of the forecast-vs-actual table: one per compared quantity (the service's costs on its
/// first row), then one total per phase.
pub fn actual_rows(c: &crate::plan::actual::ActualComparison) -> Vec<[String; 9]> {
    let qty = |v: Option<Decimal>| v.map_or_else(|| "not measured".to_string(), |v| group_thousands(v, 4));
    let mut rows = Vec::new();
    for ph in &c.phases {
        for s in &ph.services {
            for (i, q) in s.quantities.iter().enumerate() {
                let first = i == 0;
                let mark = if q.actual_extrapolated { " (extrapolated)" } else { "" };
                rows.push([
                    format!("{} {}", ph.phase, ph.name),
                    if first { s.service.clone() } else { String::new() },
                    format!("{} ({})", q.name, q.unit),
                    q.forecast.map_or_else(|| "unknown".to_string(), |v| group_thousands(v, 4)),
                    format!("{}{mark}", qty(q.actual)),
                    percent(q.error_percent),
                    if first { usd(s.forecast_monthly_usd) } else { String::new() },
                    if first { usd(s.actual_monthly_usd) } else { String::new() },
                    if first { percent(s.error_percent) } else { String::new() },
                ]);
            }
        }
        rows.push([
            format!("{} {}", ph.phase, ph.name),
            "total compared".into(),
            String::new(),
            String::new(),
            String::new(),
            String::new(),
            usd(ph.forecast_monthly_usd),
            usd(ph.actual_monthly_usd),
            percent(ph.error_percent),
        ]);
    }
    rows
}

/// The lines under the forecast-vs-actual table: where the actuals come from, and caveats.
pub fn actual_lines(c: &crate::plan::actual::ActualComparison) -> Vec<String> {
    let mut out = vec![format!(
        "Actual usage from {} (CloudWatch, {}, {} to {}); error = {}; actual costs use the plan's prices, with the other line items as forecast.",
        c.file, c.region, c.start, c.end, c.error_definition
    )];
    out.extend(c.notes.iter().map(|n| format!("note: {n}")));
    out
}
