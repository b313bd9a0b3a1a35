//! Switch points: for each phase, the DAU and the team size at which the net monthly benefit
//! crosses $0 and the "migrate now" threshold ($1,000 by default), or "never within range".
//! DAU scales usage linearly from the measured point and re-prices AWS (tiers and sizes
//! included); the search is a log-spaced scan followed by bisection.

use anyhow::Result;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::engine::{Engine, Estate};
use super::values::Values;
use crate::roi::Business;
use crate::units::{group_thousands, Exact, Money};

/// How the net benefit meets a threshold across the searched range.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Crossing {
    /// Below the threshold at the low end, at or above it from the value given.
    RisesAbove,
    /// At or above at the low end, below it from the value given.
    FallsBelow,
    /// At or above the threshold across the whole range.
    AlwaysAbove,
    /// Below the threshold across the whole range.
    NeverWithinRange,
}

/// One phase's switch points.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SwitchPoint {
    /// 1-based phase.
    pub phase: u32,
    /// DAU at which the net monthly benefit crosses $0 (null when it does not within range).
    pub dau_net_zero: Option<Exact>,
    /// How it crosses $0 against DAU.
    pub dau_net_zero_status: Crossing,
    /// DAU at which it crosses the "migrate now" threshold.
    pub dau_net_1000: Option<Exact>,
    /// How it crosses the threshold against DAU.
    pub dau_net_1000_status: Crossing,
    /// The highest DAU the search could price this phase at: the end of the searched range, or
    /// lower where the phase cannot be priced beyond it (no priced size); the DAU statuses hold up
    /// to this DAU only (null when the scenario has no DAU, or in plans of builds before it).
    #[serde(default)]
    pub dau_searched_max: Option<Exact>,
    /// Team size at which it crosses $0.
    pub team_net_zero: Option<u32>,
    /// How it crosses $0 against team size.
    pub team_net_zero_status: Crossing,
    /// Team size at which it crosses the "migrate now" threshold.
    pub team_net_1000: Option<u32>,
    /// How it crosses the threshold against team size.
    pub team_net_1000_status: Crossing,
}

/// Monthly cost of ownership against DAU, on the grid the switch points were searched on: what the
/// report draws. Self-hosted minus a phase is that phase's net monthly benefit at that DAU, so the
/// lines cross where `dau_net_zero` is.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SwitchCurve {
    /// What the costs hold.
    pub method: String,
    /// DAU of each point (log-spaced from `switch_points.dau_min` to `dau_max`).
    pub dau: Vec<Exact>,
    /// All self-hosted: infrastructure (scaled linearly) + ops labor + downtime cost, per month.
    pub self_hosted_monthly_usd: Vec<Money>,
    /// Per phase, the same cost once the phase is done (null where the phase cannot be priced).
    pub phases: Vec<PhaseCurve>,
}

/// One phase's cost of ownership against DAU.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PhaseCurve {
    /// 1-based phase.
    pub phase: u32,
    /// AWS + remaining self-hosted + ops labor + downtime cost − productivity gained, per month,
    /// one per `dau` point; null beyond the traffic where the phase cannot be priced.
    pub monthly_usd: Vec<Option<Money>>,
}

/// Where the DAU search of a phase stopped: the first DAU it could not price the phase at.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stop {
    /// 1-based phase.
    pub phase: u32,
    /// The DAU that could not be priced.
    pub dau: Decimal,
    /// The highest DAU that could, if any.
    pub searched_max: Option<Decimal>,
    /// The workload no size could be priced for, when that is why.
    pub workload: Option<crate::scenario::Workload>,
    /// Sizes that fit there but have no price in the region.
    pub unpriced: Vec<&'static str>,
    /// Why, in one line.
    pub reason: String,
}

/// How the curve's costs are built.
pub const CURVE_METHOD: &str = "monthly cost of ownership = infrastructure (AWS + what remains self-hosted) + ops labor + downtime cost - productivity gained; the all-self-hosted cost minus a phase's cost is that phase's net monthly benefit, so a phase's line crosses the self-hosted line at its DAU switch point";

impl SwitchCurve {
    /// Only the selected phase.
    pub fn filtered(mut self, selected: Option<u32>) -> Self {
        if let Some(p) = selected {
            self.phases.retain(|c| c.phase == p);
        }
        self
    }
}

const GRID: usize = 33;
const BISECTIONS: usize = 14;

/// Where a sequence of `(x, net)` stands against a threshold.
enum Side<T> {
    /// On one side throughout: above (at or above) it, or below.
    Always(bool),
    /// It changes side between `before` and `after`, the first time; `was_above` before.
    Changes { before: T, after: T, was_above: bool },
}

fn side<T: Copy>(points: &[(T, Decimal)], threshold: Decimal) -> Side<T> {
    let Some(&(mut before, first)) = points.first() else { return Side::Always(false) };
    let was_above = first >= threshold;
    for &(x, net) in points.iter().skip(1) {
        if (net >= threshold) != was_above {
            return Side::Changes { before, after: x, was_above };
        }
        before = x;
    }
    Side::Always(was_above)
}

/// How a crossing reads: its direction, or that there is none.
fn crossing<T>(value: Option<T>, was_above: bool) -> (Option<T>, Crossing) {
    (value, if was_above { Crossing::FallsBelow } else { Crossing::RisesAbove })
}

/// Switch points of every phase, the sentence that says how they were computed, the cost of
/// ownership against DAU they were searched on, and where the searches stopped early.
pub fn compute(
    engine: &Engine<'_>,
    estate: &Estate,
    biz: &Business<Decimal>,
) -> Result<(Vec<SwitchPoint>, String, SwitchCurve, Vec<Stop>)> {
    let s = engine.scenario;
    let dau0 = s.traffic.dau.0;
    let thresholds = [Decimal::ZERO, s.decision.migrate_now_above_usd.0];
    let (lo, hi) = (s.switch_points.dau_min.0, s.switch_points.dau_max.0);
    let np = engine.phases.len();
    let base = estate.baseline.total();
    let rem = estate.remaining_totals();
    // The net of phase i at a traffic factor, given its AWS total at that factor (the other
    // phases' AWS totals do not enter phase i's net, only its dual running, which is not in it).
    let net_at = |i: usize, aws_i: Decimal, factor: Decimal| {
        let aws: Vec<Decimal> = (0..np).map(|j| if j == i { aws_i } else { Decimal::ZERO }).collect();
        let rem_f: Vec<Decimal> = rem.iter().map(|r| r * factor).collect();
        let eco = engine.economics(biz, &aws, &rem_f, base * factor, factor);
        eco.get(i).map_or(Decimal::ZERO, |e| e.terms.net())
    };
    // The net of phase i at a DAU, repriced.
    let net_at_dau = |i: usize, dau: Decimal| -> Result<Decimal> {
        let factor = dau / dau0;
        Ok(net_at(i, engine.aws_total(i, factor)?, factor))
    };
    // All self-hosted at a traffic factor: infrastructure, ops labor and downtime (no productivity gain).
    let base_minutes = crate::roi::downtime_minutes(biz.base_availability, engine.hours);
    let self_cost = |factor: Decimal| {
        let dcost = if biz.downtime_scales { biz.downtime_cost * factor } else { biz.downtime_cost };
        base * factor + biz.ops_fte * biz.loaded + base_minutes * dcost
    };
    let grid: Vec<Decimal> = if dau0 > Decimal::ZERO {
        let ratio = (hi / lo).to_string().parse::<f64>().unwrap_or(1.0);
        let lo_f = lo.to_string().parse::<f64>().unwrap_or(1.0);
        (0..GRID)
            .map(|k| {
                let x = lo_f * ratio.powf(k as f64 / (GRID - 1) as f64);
                Decimal::from_f64_retain(x).unwrap_or(lo).round()
            })
            .collect()
    } else {
        Vec::new()
    };
    let own: Vec<Decimal> = grid.iter().map(|d| self_cost(d / dau0)).collect();
    // Team size: ops FTE keeps its share of the team; infrastructure does not change.
    let engineers = biz.engineers;
    let aws: Vec<Decimal> =
        engine.state(&Values::expected(), Decimal::ONE, false)?.iter().map(|p| p.priced.total()).collect();
    let teams: Vec<u32> = (s.switch_points.team_min..=s.switch_points.team_max).collect();
    let mut stops: Vec<Stop> = Vec::new();
    let mut out = Vec::new();
    let mut curves = Vec::new();
    for (i, p) in engine.phases.iter().enumerate() {
        // DAU: the grid up to where the phase cannot be priced (no priced size, or beyond
        // Fargate's largest task), which ends this phase's search there.
        let mut searched: Vec<(Decimal, Decimal)> = Vec::with_capacity(grid.len());
        for d in &grid {
            match net_at_dau(i, *d) {
                Ok(net) => searched.push((*d, net)),
                Err(e) => {
                    let reason = format!("{e:#}");
                    let size = e.downcast_ref::<crate::plan::mapping::NoSize>();
                    stops.push(Stop {
                        phase: p.phase,
                        dau: *d,
                        searched_max: searched.last().map(|(x, _)| *x),
                        workload: size.map(|n| n.workload),
                        unpriced: size.map(|n| n.unpriced.clone()).unwrap_or_default(),
                        reason: reason.lines().next().unwrap_or_default().to_string(),
                    });
                    break;
                }
            }
        }
        let mut dau = [(None, Crossing::NeverWithinRange); 2];
        for (slot, &threshold) in dau.iter_mut().zip(&thresholds) {
            *slot = match side(&searched, threshold) {
                Side::Always(true) => (None, Crossing::AlwaysAbove),
                Side::Always(false) => (None, Crossing::NeverWithinRange),
                Side::Changes { before, after, was_above } => {
                    let (mut a, mut b) = (before, after);
                    for _ in 0..BISECTIONS {
                        if b - a <= Decimal::ONE {
                            break;
                        }
                        let mid = ((a + b) / Decimal::TWO).round();
                        if (net_at_dau(i, mid)? >= threshold) == was_above {
                            a = mid;
                        } else {
                            b = mid;
                        }
                    }
                    crossing(Some(b), was_above)
                }
            };
        }
        if !grid.is_empty() {
            let monthly_usd = own.iter().enumerate().map(|(k, o)| searched.get(k).map(|(_, n)| Money(o - n))).collect();
            curves.push(PhaseCurve { phase: p.phase, monthly_usd });
        }
        let team_nets: Vec<(u32, Decimal)> = teams
            .iter()
            .map(|&t| {
                let mut b = biz.clone();
                b.engineers = Decimal::from(t);
                b.ops_fte = biz.ops_fte * Decimal::from(t) / engineers;
                let net = engine
                    .economics(&b, &aws, &rem, base, Decimal::ONE)
                    .get(i)
                    .map_or(Decimal::ZERO, |e| e.terms.net());
                (t, net)
            })
            .collect();
        let [team_zero, team_now] = thresholds.map(|threshold| match side(&team_nets, threshold) {
            Side::Always(true) => (None, Crossing::AlwaysAbove),
            Side::Always(false) => (None, Crossing::NeverWithinRange),
            Side::Changes { after, was_above, .. } => crossing(Some(after), was_above),
        });
        let [dau_zero, dau_now] = dau;
        out.push(SwitchPoint {
            phase: p.phase,
            dau_net_zero: dau_zero.0.map(Exact),
            dau_net_zero_status: dau_zero.1,
            dau_net_1000: dau_now.0.map(Exact),
            dau_net_1000_status: dau_now.1,
            dau_searched_max: searched.last().map(|(d, _)| Exact(*d)),
            team_net_zero: team_zero.0,
            team_net_zero_status: team_zero.1,
            team_net_1000: team_now.0,
            team_net_1000_status: team_now.1,
        });
    }
    let curve = SwitchCurve {
        method: CURVE_METHOD.to_string(),
        dau: grid.into_iter().map(Exact).collect(),
        self_hosted_monthly_usd: own.into_iter().map(Money).collect(),
        phases: curves,
    };
    let [_, now_above] = thresholds;
    let mut method = format!(
        "DAU: usage scaled linearly from the measured point (DAU {}): series, samples, log GB, spans, database size and load, Redis memory, container replicas and network GB are multiplied by DAU / {}; AWS is re-priced (tiers) and re-sized, the self-hosted cost is scaled linearly{}; searched from {} to {} DAU ({GRID} log-spaced points, then bisection to 1 DAU). Team size: ops FTE keeps its share of the team ({} of {}), infrastructure unchanged; searched from {} to {} engineers. The 'net_1000' points use the migrate-now threshold ({}).",
        group_thousands(dau0, 0),
        group_thousands(dau0, 0),
        if biz.downtime_scales { ", and so is the cost of a minute of downtime" } else { "" },
        group_thousands(lo, 0),
        group_thousands(hi, 0),
        group_thousands(biz.ops_fte, 2),
        group_thousands(engineers, 0),
        s.switch_points.team_min,
        s.switch_points.team_max,
        crate::units::usd(now_above),
    );
    for st in &stops {
        method.push_str(&format!(
            " Phase {}: the DAU search stopped below {} DAU, where the phase cannot be priced: {}.",
            st.phase,
            group_thousands(st.dau, 0),
            st.reason
        ));
    }
    Ok((out, method, curve, stops))
}
