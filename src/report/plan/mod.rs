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

use super::wording::{self, lower_bound, payback_cell, phase_name};
use super::{unsupported, Format, Render};
use crate::i18n::Locale;
use crate::plan::actual::ActualComparison;
use crate::plan::switch::SwitchPoint;
use crate::plan::uncertainty::{PhaseUncertainty, TornadoRow};
use crate::plan::{PhasePlan, Plan};
use crate::tr;
use crate::units::group_thousands;

/// The renderer of a plan in a format and locale (the HTML report is [`Html`], which takes a
/// generation time).
pub fn renderer(format: Format, locale: &Locale) -> Result<Box<dyn Render<Plan>>> {
    Ok(match format {
        Format::Table => Box::new(table::Table { locale: locale.clone() }),
        Format::Json => Box::new(json::Json),
        Format::Markdown => Box::new(markdown::Markdown { locale: locale.clone() }),
        Format::Csv => Box::new(csv::Csv),
        other => return unsupported("a plan", other, &[Format::Table, Format::Json, Format::Markdown, Format::Csv]),
    })
}

/// Header of the phase summary (message ids).
pub const SUMMARY_HEADER: [&str; 13] = [
    "col-phase",
    "col-moves",
    "col-aws-per-month",
    "col-self-hosted-per-month",
    "col-one-time",
    "col-infra-delta",
    "col-ops-saved",
    "col-downtime-saved",
    "col-productivity",
    "col-net-slash-month",
    "col-payback",
    "col-npv",
    "col-decision",
];

/// Header of the switch-point table, message ids.
pub const SWITCH_HEADER: [&str; 6] = [
    "col-phase",
    "col-dau-net-zero-short",
    "col-dau-net-threshold-short",
    "col-dau-searched",
    "col-team-net-zero-short",
    "col-team-net-threshold-short",
];

/// Header of the tornado table, message ids.
pub const TORNADO_HEADER: [&str; 6] =
    ["col-assumption", "col-low", "col-high", "col-net-at-low", "col-net-at-high", "col-swing"];

/// A header of message ids in the locale's words.
pub fn header<const N: usize>(l: &Locale, ids: [&str; N]) -> [String; N] {
    ids.map(|id| l.t(id))
}

/// AWS cost, marked as a lower bound when some usage is unknown.
pub fn aws_cell(l: &Locale, p: &PhasePlan) -> String {
    lower_bound(l, p.aws_monthly_usd.0, p.aws_unknown_line_items)
}

/// A phase's number and name: `1 monitoring`.
pub fn phase_label(l: &Locale, phase: u32, name: &str) -> String {
    format!("{phase} {}", phase_name(l, name))
}

/// The engineer-weeks and dual-running weeks a phase's one-time cost prices (phases 1..N); in a
/// single-phase plan saved before they were written, the phase's own.
pub fn weeks_priced(plan: &Plan, ph: &PhasePlan) -> (rust_decimal::Decimal, rust_decimal::Decimal) {
    plan.weeks_priced(ph).unwrap_or((ph.engineer_weeks.0, ph.dual_running_weeks.0))
}

/// One summary row.
pub fn summary_row(l: &Locale, p: &PhasePlan) -> [String; 13] {
    let moves = if p.moves.is_empty() { "-".to_string() } else { wording::workloads(l, &p.moves) };
    [
        phase_label(l, p.phase, &p.name),
        moves,
        aws_cell(l, p),
        l.money(p.self_hosted_monthly_usd.0),
        l.money(p.one_time_cost_usd.0),
        l.money(p.roi.infra_delta_usd.0),
        l.money(p.roi.ops_labor_saved_usd.0),
        l.money(p.roi.downtime_saved_usd.0),
        l.money(p.roi.productivity_gained_usd.0),
        l.money(p.net_monthly_benefit_usd.0),
        payback_cell(l, p.payback_months),
        l.money(p.npv_usd.0),
        wording::phase_decision(l, p),
    ]
}

/// The cells of a phase's switch points after its label: DAU at net $0 and at the threshold, DAU
/// searched up to (`none` when the plan has no DAU), team size at net $0 and at the threshold.
pub fn switch_point_cells(l: &Locale, sp: &SwitchPoint, none: &str) -> [String; 5] {
    let dau = |v: Option<crate::units::Exact>| v.map(|d| group_thousands(d.0, 0));
    let team = |v: Option<u32>| v.map(|t| t.to_string());
    [
        wording::crossing(l, dau(sp.dau_net_zero), sp.dau_net_zero_status),
        wording::crossing(l, dau(sp.dau_net_1000), sp.dau_net_1000_status),
        dau(sp.dau_searched_max).unwrap_or_else(|| none.to_string()),
        wording::crossing(l, team(sp.team_net_zero), sp.team_net_zero_status),
        wording::crossing(l, team(sp.team_net_1000), sp.team_net_1000_status),
    ]
}

/// One switch-point row: phase, then [`switch_point_cells`].
pub fn switch_point_row(l: &Locale, sp: &SwitchPoint) -> [String; 6] {
    let [a, b, c, d, e] = switch_point_cells(l, sp, "-");
    [sp.phase.to_string(), a, b, c, d, e]
}

/// The cells of a phase's uncertainty after its label: net monthly benefit low / expected / high,
/// NPV low / expected / high.
pub fn uncertainty_cells(l: &Locale, ph: &PhaseUncertainty) -> [String; 6] {
    [
        l.money(ph.net_monthly_benefit_usd.low.0),
        l.money(ph.net_monthly_benefit_usd.expected.0),
        l.money(ph.net_monthly_benefit_usd.high.0),
        l.money(ph.npv_usd.low.0),
        l.money(ph.npv_usd.expected.0),
        l.money(ph.npv_usd.high.0),
    ]
}

/// One uncertainty row: phase, then [`uncertainty_cells`].
pub fn uncertainty_row(l: &Locale, ph: &PhaseUncertainty) -> [String; 7] {
    let [a, b, c, d, e, f] = uncertainty_cells(l, ph);
    [ph.phase.to_string(), a, b, c, d, e, f]
}

/// The tornado shown: the last phase and its first eight rows (largest swing first).
pub fn tornado(p: &Plan) -> (u32, Vec<&TornadoRow>) {
    let last = p.phases.last().map_or(0, |x| x.phase);
    (last, p.uncertainty.tornado.iter().filter(|r| r.phase == last).take(8).collect())
}

/// One tornado row: assumption, low, high, net at low, net at high, swing.
pub fn tornado_row(l: &Locale, r: &TornadoRow) -> [String; 6] {
    [
        r.key.clone(),
        group_thousands(r.low.0, 4),
        group_thousands(r.high.0, 4),
        l.money(r.net_at_low_usd.0),
        l.money(r.net_at_high_usd.0),
        l.money(r.swing_usd.0),
    ]
}

/// The header lines.
pub fn heading(l: &Locale, p: &Plan) -> Vec<String> {
    let mut out = vec![tr!(
        l,
        "plan-heading",
        name = p.scenario.name,
        region = p.region,
        hours = p.hours_per_month.0.normalize(),
        free_tier = l.t(if p.free_tier { "on" } else { "off" }),
        book = p.price_book,
        snapshot = p.price_book_snapshot
    )];
    let i = &p.inputs;
    out.push(tr!(
        l,
        "plan-inputs",
        engineers = i.engineers,
        ops_fte = group_thousands(i.ops_fte.0, 2),
        loaded = l.money(i.loaded_monthly_cost_usd.0),
        dau = group_thousands(i.dau.0, 0),
        growth = group_thousands(i.monthly_growth_percent.0, 2),
        downtime = l.money(i.downtime_cost_per_minute_usd.0),
        burden = l.term(i.ops_burden.as_str()),
        target = l.term(i.metrics_target.as_str()),
        horizon = i.horizon_months,
        discount = group_thousands(i.annual_discount_rate_percent.0, 2)
    ));
    let b = &p.baseline;
    out.push(tr!(
        l,
        "plan-baseline",
        infra = lower_bound(l, b.self_hosted_monthly_usd.0, b.unknown_line_items),
        availability = group_thousands(b.availability_percent.0, 3),
        minutes = group_thousands(b.downtime_minutes_per_month.0, 1),
        downtime = l.money(b.downtime_cost_usd.0),
        ops = l.money(b.ops_labor_usd.0)
    ));
    out.extend(metrics_line(l, p));
    out.extend(l.fx_note());
    out
}

/// The metrics workload on each target.
pub fn metrics_line(l: &Locale, p: &Plan) -> Option<String> {
    if p.metrics_targets.is_empty() {
        return None;
    }
    let parts: Vec<String> = p
        .metrics_targets
        .iter()
        .map(|m| {
            let cost = lower_bound(l, m.monthly_usd.0, m.unknown_line_items);
            if m.chosen {
                tr!(l, "plan-metrics-target-chosen", target = l.term(m.target.as_str()), cost = cost)
            } else {
                tr!(l, "plan-metrics-target", target = l.term(m.target.as_str()), cost = cost)
            }
        })
        .collect();
    Some(tr!(l, "plan-metrics-line", targets = parts.join(" vs ")))
}

/// Decision tree and agreement lines.
pub fn tree_lines(l: &Locale, p: &Plan) -> Vec<String> {
    let t = &p.decision_tree;
    let mut out = vec![tr!(l, "plan-tree", outcome = wording::outcome(l, t.outcome))];
    out.extend(t.path.iter().map(|s| format!("  {}", l.doc(s))));
    let note = l.doc(&t.note);
    out.push(if t.agrees_with_roi { note } else { tr!(l, "plan-disagreement", note = note) });
    out
}

/// Notes, then every derived, unconfirmed and stale price used.
pub fn notes(l: &Locale, p: &Plan) -> Vec<String> {
    let mut out: Vec<String> = p.notes.iter().map(|n| l.doc(n)).collect();
    out.extend(p.price_flags.prices.iter().map(|f| wording::flagged_price(l, f)));
    out
}

/// The warnings under the phase summary: sizes skipped for lack of a price (and switch-point
/// searches that stopped), then the flagged prices (counts and the fix).
pub fn summary_lines(l: &Locale, p: &Plan) -> Vec<String> {
    let mut out: Vec<String> =
        p.sizing_warnings.iter().map(|w| tr!(l, "plan-sizing-warning", warning = l.doc(&w.text))).collect();
    out.extend(wording::price_flags_summary(l, &p.price_flags));
    out
}

/// The line saying how the agents reach AWS and which way is cheaper, when compute runs on AWS.
pub fn agents_line(l: &Locale, p: &Plan) -> Option<String> {
    p.agent_transport.as_ref().map(|a| l.doc(&a.text))
}

/// Header of the forecast-vs-actual table (`plan --actual`), message ids.
pub const ACTUAL_HEADER: [&str; 9] = [
    "col-phase",
    "col-service",
    "col-quantity-per-month",
    "col-forecast",
    "col-actual",
    "col-error",
    "col-forecast-cost",
    "col-actual-cost",
    "col-cost-error",
];

/// The label of a phase from its number and name.
pub type PhaseLabel<'a> = Box<dyn Fn(u32, &str) -> String + 'a>;

/// How the forecast-vs-actual table names its parts: the phase label, the service, its total row,
/// and what stands for a percentage that cannot be computed. The table, Markdown and HTML differ
/// only in these.
pub struct ActualStyle<'a> {
    /// The label of a phase from its number and name.
    pub phase: PhaseLabel<'a>,
    /// The name shown for a service key.
    pub service: Box<dyn Fn(&str) -> String + 'a>,
    /// The label of each phase's total row.
    pub total: String,
    /// Shown for a percentage that cannot be computed.
    pub none: String,
}

/// The rows of the forecast-vs-actual table: one per compared quantity (the service's costs on its
/// first row), then one total per phase: phase, service, quantity, forecast, actual, error,
/// forecast cost, actual cost, cost error.
pub fn actual_rows(l: &Locale, c: &ActualComparison, style: &ActualStyle<'_>) -> Vec<[String; 9]> {
    let percent = |v: Option<crate::units::Exact>| v.map_or_else(|| style.none.clone(), |v| wording::percent(v.0));
    let mut rows = Vec::new();
    for ph in &c.phases {
        let label = (style.phase)(ph.phase, &ph.name);
        for s in &ph.services {
            for (i, q) in s.quantities.iter().enumerate() {
                let first = i == 0;
                let actual = |v: crate::units::Exact| {
                    let n = group_thousands(v.0, 4);
                    if q.actual_extrapolated {
                        tr!(l, "actual-extrapolated", value = n)
                    } else {
                        n
                    }
                };
                rows.push([
                    label.clone(),
                    if first { (style.service)(&s.service) } else { String::new() },
                    tr!(l, "actual-quantity", name = l.doc(&q.name), unit = l.unit(&q.unit)),
                    q.forecast.map_or_else(|| l.t("unknown"), |v| group_thousands(v.0, 4)),
                    q.actual.map_or_else(|| l.t("actual-not-measured"), actual),
                    percent(q.error_percent),
                    if first { l.money(s.forecast_monthly_usd.0) } else { String::new() },
                    if first { l.money(s.actual_monthly_usd.0) } else { String::new() },
                    if first { percent(s.error_percent) } else { String::new() },
                ]);
            }
        }
        rows.push([
            label,
            style.total.clone(),
            String::new(),
            String::new(),
            String::new(),
            String::new(),
            l.money(ph.forecast_monthly_usd.0),
            l.money(ph.actual_monthly_usd.0),
            percent(ph.error_percent),
        ]);
    }
    rows
}

/// The style of the forecast-vs-actual table in the terminal and Markdown.
pub fn actual_text(l: &Locale) -> ActualStyle<'_> {
    ActualStyle {
        phase: Box::new(move |n, name| phase_label(l, n, name)),
        service: Box::new(str::to_string),
        total: l.t("actual-total-compared"),
        none: "-".into(),
    }
}

/// The lines under the forecast-vs-actual table: where the actuals come from, and caveats.
pub fn actual_lines(l: &Locale, c: &ActualComparison) -> Vec<String> {
    let mut out = vec![tr!(
        l,
        "actual-source",
        file = c.file,
        region = c.region,
        start = c.start,
        end = c.end,
        error = l.doc(&c.error_definition)
    )];
    out.extend(c.notes.iter().map(|n| tr!(l, "actual-note", note = l.doc(n))));
    out
}
