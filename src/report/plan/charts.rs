//! The HTML report's charts, built from the plan: cost by phase and service (stacked bars),
//! cumulative cash flow, cost of ownership and net benefit against DAU, the decision tree and the
//! sensitivity tornado, each with its text alternative and, where the report shows one, the rows
//! of its data table. Drawing is `svg`'s; this file chooses what to draw.

use std::collections::BTreeMap;

use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;

use super::html::Row;
use super::{aws_cell, switch_point_cells};
use crate::i18n::Locale;
use crate::plan::switch::{Crossing, SwitchCurve};
use crate::plan::{PhasePlan, Plan};
use crate::report::svg::{self, BarSeries, Line, Marker, Size, TornadoRow, TreeNode};
use crate::report::wording::{crossing, outcome, phase_name, service_name};
use crate::scenario::OpsBurden;
use crate::tr;
use crate::units::{group_thousands, usd, Exact, Money};

/// Tornado rows shown.
const TORNADO_ROWS: usize = 8;
/// AWS services drawn as their own stack segment; the rest are summed as "other AWS services".
const SERVICES_DRAWN: usize = 6;

/// A chart coordinate.
fn f(d: Decimal) -> f64 {
    d.to_f64().unwrap_or(0.0)
}

/// Money in chart text: dollars only (the won of `--currency KRW` are in the tables).
fn money(m: Money) -> String {
    usd(m.0)
}

fn num(e: Exact, dp: u32) -> String {
    group_thousands(e.0, dp)
}

/// The phase the report is about: the ROI's best, else the last.
pub fn best_phase(p: &Plan) -> Option<&PhasePlan> {
    p.phases.iter().find(|x| x.phase == p.decision_tree.roi_best_phase).or_else(|| p.phases.last())
}

/// Stacked bars of the monthly cost of the baseline and each phase, self-hosted and per AWS
/// service, and the rows of its table.
pub fn cost(l: &Locale, p: &Plan) -> (String, Vec<Row>) {
    let mut categories = vec![l.t("chart-baseline")];
    categories.extend(p.phases.iter().map(|ph| tr!(l, "r-phase-number", phase = ph.phase)));
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
    let aws_of = |ph: &PhasePlan, key: Option<&str>| -> f64 {
        ph.aws_services
            .iter()
            .filter(|s| match key {
                Some(k) => s.service == k,
                None => !drawn.contains(&s.service.as_str()),
            })
            .map(|s| f(s.monthly_usd.0))
            .sum()
    };
    let mut series = vec![BarSeries {
        name: l.t("chart-self-hosted-series"),
        values: std::iter::once(f(p.baseline.self_hosted_monthly_usd.0))
            .chain(p.phases.iter().map(|ph| f(ph.self_hosted_monthly_usd.0)))
            .collect(),
    }];
    for k in &drawn {
        series.push(BarSeries {
            name: tr!(l, "chart-aws-service", service = service_name(l, k)),
            values: std::iter::once(0.0).chain(p.phases.iter().map(|ph| aws_of(ph, Some(k)))).collect(),
        });
    }
    if keys.len() > SERVICES_DRAWN {
        series.push(BarSeries {
            name: l.t("chart-other-aws"),
            values: std::iter::once(0.0).chain(p.phases.iter().map(|ph| aws_of(ph, None))).collect(),
        });
    }
    let mut rows = vec![Row(vec![
        l.t("chart-baseline-all-self-hosted"),
        l.money(p.baseline.self_hosted_monthly_usd.0),
        l.money(Decimal::ZERO),
        l.money(p.baseline.self_hosted_monthly_usd.0),
    ])];
    rows.extend(p.phases.iter().map(|ph| {
        Row(vec![
            tr!(l, "r-phase-label", phase = ph.phase, name = phase_name(l, &ph.name)),
            l.money(ph.self_hosted_monthly_usd.0),
            aws_cell(l, ph),
            l.money(ph.total_monthly_usd.0),
        ])
    }));
    let desc = tr!(
        l,
        "chart-cost-desc",
        baseline = money(p.baseline.self_hosted_monthly_usd),
        totals = p
            .phases
            .iter()
            .map(|ph| tr!(l, "chart-phase-total", phase = ph.phase, total = money(ph.total_monthly_usd)))
            .collect::<Vec<_>>()
            .join(", ")
    );
    let chart = svg::stacked_bars(
        "chart-cost",
        &l.t("chart-cost-title"),
        &desc,
        &l.t("chart-usd-per-month"),
        &categories,
        &series,
        Size { width: 900, height: 420 },
    );
    (chart, rows)
}

/// The cumulative cash flow of each phase with its break-even month, and its text alternative.
pub fn cash(l: &Locale, p: &Plan) -> (String, String) {
    let lines: Vec<Line> = p
        .phases
        .iter()
        .map(|ph| Line {
            name: tr!(l, "r-phase-label", phase = ph.phase, name = phase_name(l, &ph.name)),
            points: ph.cash_flow.iter().map(|m| (f64::from(m.month), f(m.cumulative_usd.0))).collect(),
            dashed: false,
        })
        .collect();
    let mut markers = Vec::new();
    let mut sentences = Vec::new();
    let best = best_phase(p).map(|b| b.phase);
    for ph in &p.phases {
        match ph.payback_month_in_horizon {
            Some(m) => {
                let y = ph.cash_flow.iter().find(|x| x.month == m).map_or(0.0, |x| f(x.cumulative_usd.0));
                // Every break-even is marked; only the best phase's is labelled, so labels never pile up.
                let label = if Some(ph.phase) == best {
                    tr!(l, "chart-break-even-label", phase = ph.phase, month = m)
                } else {
                    String::new()
                };
                markers.push(Marker { x: f64::from(m), y, label });
                sentences.push(tr!(l, "chart-breaks-even", phase = ph.phase, month = m));
            }
            None => sentences.push(tr!(l, "chart-no-break-even", phase = ph.phase)),
        }
    }
    let text = tr!(l, "chart-cash-desc", months = p.inputs.horizon_months, sentences = sentences.join("; "));
    let chart = svg::lines(
        "chart-cash",
        &l.t("chart-cash-title"),
        &text,
        &l.t("chart-month"),
        true,
        &lines,
        &markers,
        Size { width: 900, height: 420 },
    );
    (chart, text)
}

/// One line per phase over the switch curve's DAU grid: `value(self_hosted, phase_cost)` at each
/// point where the phase could be priced.
fn phase_lines(l: &Locale, c: &SwitchCurve, value: impl Fn(f64, f64) -> f64) -> Vec<Line> {
    c.phases
        .iter()
        .map(|pc| Line {
            name: tr!(l, "r-phase-number", phase = pc.phase),
            points: c
                .dau
                .iter()
                .zip(&c.self_hosted_monthly_usd)
                .zip(&pc.monthly_usd)
                .filter_map(|((d, own), v)| v.map(|v| (f(d.0), value(f(own.0), f(v.0)))))
                .collect(),
            dashed: false,
        })
        .collect()
}

/// The switch curve, when the plan has one (DAU above 0, a build that computes it).
fn curve(p: &Plan) -> Option<&SwitchCurve> {
    Some(&p.switch_curve).filter(|c| !c.dau.is_empty())
}

/// The first and last DAU of the curve, as text.
fn dau_range(c: &SwitchCurve) -> (String, String) {
    let text = |d: Option<&Exact>| d.map_or_else(String::new, |d| num(*d, 0));
    (text(c.dau.first()), text(c.dau.last()))
}

/// Net monthly benefit of each phase against DAU (self-hosted cost minus the phase's), with the
/// $0 line and the migrate-now threshold: where the lines cross them are the switch points.
pub fn switch_net(l: &Locale, p: &Plan) -> (String, String) {
    let Some(c) = curve(p) else {
        return (String::new(), String::new());
    };
    let threshold = f(p.inputs.migrate_now_above_usd.0);
    let (lo, hi) = (c.dau.first().map_or(0.0, |d| f(d.0)), c.dau.last().map_or(0.0, |d| f(d.0)));
    let mut lines = phase_lines(l, c, |own, phase| own - phase);
    lines.push(Line {
        name: tr!(l, "chart-threshold", threshold = money(p.inputs.migrate_now_above_usd)),
        points: vec![(lo, threshold), (hi, threshold)],
        dashed: true,
    });
    let markers: Vec<Marker> = p
        .switch_points
        .iter()
        .flat_map(|sp| {
            let zero = sp.dau_net_zero.map(|d| Marker {
                x: f(d.0),
                y: 0.0,
                label: tr!(l, "chart-marker-zero", phase = sp.phase),
            });
            let now = sp.dau_net_1000.map(|d| Marker {
                x: f(d.0),
                y: threshold,
                label: tr!(l, "chart-marker-now", phase = sp.phase),
            });
            zero.into_iter().chain(now)
        })
        .collect();
    let (first, last) = dau_range(c);
    let text =
        tr!(l, "chart-switch-net-desc", first = first, last = last, threshold = money(p.inputs.migrate_now_above_usd));
    let chart = svg::lines_log_x(
        "chart-switch-net",
        &l.t("chart-switch-net-title"),
        &text,
        &l.t("chart-dau-log"),
        true,
        &lines,
        &markers,
        Size { width: 900, height: 420 },
    );
    (chart, text)
}

/// The cost of ownership of self-hosted and of each phase against DAU with the crossovers marked,
/// its text alternative, and the switch-point rows.
pub fn switch(l: &Locale, p: &Plan) -> (String, String, Vec<Row>) {
    let rows = p
        .switch_points
        .iter()
        .map(|sp| {
            let mut cells = vec![tr!(l, "r-phase-number", phase = sp.phase)];
            cells.extend(switch_point_cells(l, sp, "—"));
            Row(cells)
        })
        .collect();
    let Some(c) = curve(p) else {
        return (String::new(), l.t("chart-switch-none"), rows);
    };
    // Phases first and the self-hosted reference last, so that each phase has the same colour
    // here as in the net-benefit chart (whose last line is the threshold).
    let self_hosted: Vec<(f64, f64)> =
        c.dau.iter().zip(&c.self_hosted_monthly_usd).map(|(d, v)| (f(d.0), f(v.0))).collect();
    let mut lines = phase_lines(l, c, |_, phase| phase);
    lines.push(Line { name: l.t("chart-all-self-hosted"), points: self_hosted.clone(), dashed: true });
    // The self-hosted cost is linear in DAU between grid points: interpolate at each crossover.
    let self_at = |x: f64| -> f64 {
        for w in self_hosted.windows(2) {
            if let [(x0, y0), (x1, y1)] = *w {
                if x >= x0 && x <= x1 && x1 > x0 {
                    return y0 + (y1 - y0) * (x - x0) / (x1 - x0);
                }
            }
        }
        self_hosted.last().map_or(0.0, |p| p.1)
    };
    let mut markers = Vec::new();
    let mut sentences = Vec::new();
    for sp in &p.switch_points {
        if let Some(d) = sp.dau_net_zero {
            let x = f(d.0);
            markers.push(Marker { x, y: self_at(x), label: format!("P{}: {}", sp.phase, num(d, 0)) });
            sentences.push(tr!(
                l,
                if sp.dau_net_zero_status == Crossing::RisesAbove {
                    "chart-crosses-cheaper-above"
                } else {
                    "chart-crosses-cheaper-below"
                },
                phase = sp.phase,
                dau = num(d, 0)
            ));
        } else {
            sentences.push(tr!(
                l,
                "chart-phase-crossing",
                phase = sp.phase,
                crossing = crossing(l, None, sp.dau_net_zero_status)
            ));
        }
    }
    let (first, last) = dau_range(c);
    let text = tr!(
        l,
        "chart-switch-desc",
        first = first,
        last = last,
        method = l.doc(&c.method),
        sentences = sentences.join("; ")
    );
    let chart = svg::lines_log_x(
        "chart-switch",
        &l.t("chart-switch-title"),
        &text,
        &l.t("chart-dau-log"),
        true,
        &lines,
        &markers,
        Size { width: 900, height: 440 },
    );
    (chart, text, rows)
}

/// The seed's decision tree with this scenario's path highlighted.
pub fn tree(l: &Locale, p: &Plan) -> String {
    let t = &p.decision_tree;
    let th = t.thresholds;
    let i = &p.inputs;
    let small = i.engineers <= th.small_team_max;
    let large = i.engineers > th.mid_team_max;
    let mid = !small && !large;
    let low = mid && i.dau.0 < th.low_dau_below.0;
    let high = mid && i.dau.0 >= th.high_dau_from.0;
    let middle = mid && !low && !high;
    let burdensome = i.ops_burden == OpsBurden::Burdensome;
    let leaf =
        |label: &str, edge: String, on: bool| TreeNode { label: l.t(label), edge, on_path: on, children: vec![] };
    let root = TreeNode {
        label: tr!(l, "tree-team-size", engineers = i.engineers),
        edge: String::new(),
        on_path: true,
        children: vec![
            leaf("tree-keep-compose", format!("≤ {}", th.small_team_max), small),
            TreeNode {
                label: tr!(l, "tree-dau", dau = num(i.dau, 0)),
                edge: tr!(l, "tree-team-range", from = th.small_team_max + 1, to = th.mid_team_max),
                on_path: mid,
                children: vec![
                    leaf("tree-keep-compose", format!("< {}", num(th.low_dau_below, 0)), low),
                    TreeNode {
                        label: tr!(l, "tree-ops-burden", burden = l.term(i.ops_burden.as_str())),
                        edge: l.t("tree-in-between"),
                        on_path: middle,
                        children: vec![
                            leaf("tree-keep-compose", l.term("manageable"), middle && !burdensome),
                            leaf("tree-gradual-migration", l.term("burdensome"), middle && burdensome),
                        ],
                    },
                    leaf("tree-migrate-to-aws", format!("≥ {}", num(th.high_dau_from, 0)), high),
                ],
            },
            leaf("tree-consider-aws", format!("> {}", th.mid_team_max), large),
        ],
    };
    let desc = tr!(
        l,
        "chart-tree-desc",
        path = t.path.iter().map(|s| l.doc(s)).collect::<Vec<_>>().join("; "),
        outcome = outcome(l, t.outcome)
    );
    svg::decision_tree("chart-tree", &l.t("chart-tree-title"), &desc, &root)
}

/// The tornado of the best phase's net monthly benefit, the phase's label, and its rows.
pub fn tornado(l: &Locale, p: &Plan) -> (String, String, Vec<Row>) {
    let Some(best) = best_phase(p) else { return (String::new(), String::new(), Vec::new()) };
    let rows: Vec<_> = p
        .uncertainty
        .tornado
        .iter()
        .filter(|r| r.phase == best.phase && !r.swing_usd.0.is_zero())
        .take(TORNADO_ROWS)
        .collect();
    let label = tr!(l, "r-best-phase", phase = best.phase, name = phase_name(l, &best.name));
    if rows.is_empty() {
        return (String::new(), label, Vec::new());
    }
    let chart_rows: Vec<TornadoRow> = rows
        .iter()
        .map(|r| TornadoRow { label: r.key.clone(), low: f(r.net_at_low_usd.0), high: f(r.net_at_high_usd.0) })
        .collect();
    let desc = tr!(
        l,
        "chart-tornado-desc",
        phase = label,
        expected = money(best.net_monthly_benefit_usd),
        rows = rows
            .iter()
            .map(|r| {
                tr!(l, "chart-tornado-row", key = r.key, low = money(r.net_at_low_usd), high = money(r.net_at_high_usd))
            })
            .collect::<Vec<_>>()
            .join("; ")
    );
    let chart = svg::tornado(
        "chart-tornado",
        &tr!(l, "chart-tornado-title", phase = label),
        &desc,
        &l.t("chart-net-usd"),
        [&l.t("chart-tornado-low"), &l.t("chart-tornado-high")],
        &chart_rows,
        f(best.net_monthly_benefit_usd.0),
        Size { width: 900, height: 360 },
    );
    let table = rows.iter().map(|r| Row(super::tornado_row(l, r).to_vec())).collect();
    (chart, label, table)
}
