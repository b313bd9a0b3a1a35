//! Uncertainty and sensitivity: every `{low, expected, high}` value of the scenario becomes an
//! assumption; the tornado re-prices the whole plan with each one at its low and its high end
//! (others expected), and the Monte Carlo run (`roi::montecarlo`) samples all of them together.

use anyhow::Result;
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::document::PhasePlan;
use super::engine::{Engine, Estate};
use super::values::Values;
use crate::roi::montecarlo::{self, Field, Knob, Model, PhaseSpread};
use crate::units::{Exact, Money};

/// An uncertain value of the scenario.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Assumption {
    /// Key path in the scenario.
    pub key: String,
    /// Low end.
    pub low: Exact,
    /// Expected value.
    pub expected: Exact,
    /// High end.
    pub high: Exact,
}

/// Low / expected / high of a figure, USD.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Range3 {
    /// 10th percentile of the samples.
    pub low: Money,
    /// Every value at its expected value.
    pub expected: Money,
    /// 90th percentile of the samples.
    pub high: Money,
}

/// One phase's ranges.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PhaseUncertainty {
    /// 1-based phase.
    pub phase: u32,
    /// Net monthly benefit.
    pub net_monthly_benefit_usd: Range3,
    /// NPV over the horizon.
    pub npv_usd: Range3,
    /// The sampled distribution (null when nothing was sampled).
    #[serde(default)]
    pub samples: Option<PhaseSpread>,
}

/// One tornado bar.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TornadoRow {
    /// 1-based phase.
    pub phase: u32,
    /// The assumption's key path.
    pub key: String,
    /// Its low end.
    pub low: Exact,
    /// Its high end.
    pub high: Exact,
    /// Net monthly benefit with it at its low end.
    pub net_at_low_usd: Money,
    /// Net monthly benefit with it at its high end.
    pub net_at_high_usd: Money,
    /// |high − low|.
    pub swing_usd: Money,
}

/// The uncertainty section of the plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Uncertainty {
    /// Monte Carlo samples drawn (0: run off or nothing uncertain).
    pub samples: u32,
    /// The generator's seed.
    #[serde(default)]
    pub seed: u64,
    /// How it was computed.
    pub method: String,
    /// The uncertain values.
    #[serde(default)]
    pub assumptions: Vec<Assumption>,
    /// Per phase.
    pub phases: Vec<PhaseUncertainty>,
    /// Tornado rows, per phase, largest swing first.
    #[serde(default)]
    pub tornado: Vec<TornadoRow>,
}

impl Uncertainty {
    /// Only the selected phase.
    pub fn filtered(mut self, selected: Option<u32>) -> Self {
        if let Some(p) = selected {
            self.phases.retain(|x| x.phase == p);
            self.tornado.retain(|x| x.phase == p);
        }
        self
    }
}

fn f(d: Decimal) -> f64 {
    d.to_f64().unwrap_or(0.0)
}

fn binding(key: &str) -> Option<Field> {
    Some(match key {
        "team.ops_fte" => Field::OpsFte,
        "team.loaded_monthly_cost_usd" => Field::Loaded,
        "business.downtime_cost_per_minute_usd" => Field::DowntimeCost,
        "self_hosted.availability_percent" => Field::BaseAvailability,
        "traffic.monthly_growth_percent" => Field::Growth,
        "annual_discount_rate_percent" => Field::Discount,
        _ => {
            let rest = key.strip_prefix("phases.")?;
            let (n, k) = rest.split_once('.')?;
            let i = n.parse::<usize>().ok()?.checked_sub(1)?;
            match k {
                "engineer_weeks" => Field::Weeks(i),
                "dual_running_weeks" => Field::DualWeeks(i),
                "ops_burden_reduction_percent" => Field::Reduction(i),
                "availability_percent" => Field::Availability(i),
                "productivity_gain_percent" => Field::Productivity(i),
                _ => return None,
            }
        }
    })
}

/// Tornado, low/expected/high and the Monte Carlo run.
pub fn compute(engine: &Engine<'_>, estate: &Estate, phases: &[PhasePlan]) -> Result<Uncertainty> {
    let s = engine.scenario;
    let collect = Values::expected();
    let (eco, aws) = engine.nets(&collect, estate)?;
    let biz = engine.business(&collect);
    let assumptions: Vec<Assumption> = collect
        .uncertain()
        .into_iter()
        .map(|(key, e)| Assumption { key, low: Exact(e.low()), expected: Exact(e.expected()), high: Exact(e.high()) })
        .collect();
    let np = eco.len();
    // What each phase adds on AWS over the previous one.
    let added = |aws: &[Decimal]| -> Vec<Decimal> {
        std::iter::once(Decimal::ZERO).chain(aws.iter().copied()).zip(aws).map(|(prev, a)| a - prev).collect()
    };
    let aws_added = added(&aws);
    let mut tornado = Vec::new();
    let mut infra_at = vec![Vec::new(); np];
    let mut added_at = vec![Vec::new(); np];
    for a in &assumptions {
        let (lo_eco, lo_aws) = engine.nets(&Values::with(&a.key, a.low.0), estate)?;
        let (hi_eco, hi_aws) = engine.nets(&Values::with(&a.key, a.high.0), estate)?;
        let (lo_added, hi_added) = (added(&lo_aws), added(&hi_aws));
        let per_phase = engine.phases.iter().zip(&eco).zip(lo_eco.iter().zip(&hi_eco));
        let per_phase = per_phase.zip(aws_added.iter().zip(lo_added.iter().zip(&hi_added)));
        let slots = infra_at.iter_mut().zip(added_at.iter_mut());
        for ((((p, e), (lo, hi)), (ea, (la, ha))), (infra_slot, added_slot)) in per_phase.zip(slots) {
            let (nl, nh) = (lo.terms.net(), hi.terms.net());
            tornado.push(TornadoRow {
                phase: p.phase,
                key: a.key.clone(),
                low: a.low,
                high: a.high,
                net_at_low_usd: Money(nl),
                net_at_high_usd: Money(nh),
                swing_usd: Money((nh - nl).abs()),
            });
            let expected = e.terms.infra_delta_usd;
            infra_slot.push((f(lo.terms.infra_delta_usd - expected), f(hi.terms.infra_delta_usd - expected)));
            added_slot.push((f(*la - *ea), f(*ha - *ea)));
        }
    }
    tornado.sort_by(|a, b| a.phase.cmp(&b.phase).then(b.swing_usd.cmp(&a.swing_usd)).then(a.key.cmp(&b.key)));
    let knobs: Vec<Knob> = assumptions
        .iter()
        .map(|a| Knob { key: a.key.clone(), low: f(a.low.0), expected: f(a.expected.0), high: f(a.high.0) })
        .collect();
    let model = Model {
        engineers: f(biz.engineers),
        ops_fte: f(biz.ops_fte),
        loaded: f(biz.loaded),
        downtime_cost: f(biz.downtime_cost),
        downtime_scales: biz.downtime_scales,
        base_availability: f(biz.base_availability),
        growth: f(biz.growth),
        discount: f(biz.discount),
        horizon: s.horizon_months.unwrap_or(super::build::DEFAULT_HORIZON_MONTHS),
        hours: f(engine.hours),
        now_above: f(s.decision.migrate_now_above_usd.0),
        gradually_from: f(s.decision.migrate_gradually_from_usd.0),
        phases: engine
            .phases
            .iter()
            .zip(&biz.phases)
            .zip(eco.iter().zip(&aws_added))
            .zip(infra_at.into_iter().zip(added_at))
            .map(|(((p, b), (e, added)), (infra_at, added_at))| montecarlo::PhaseInputs {
                weeks: f(b.weeks),
                dual_weeks: p.dual_running_weeks.map(|_| f(b.dual_weeks)),
                reduction: f(b.reduction),
                availability: p.availability_percent.map(|_| f(b.availability)),
                productivity: f(b.productivity),
                infra_delta: f(e.terms.infra_delta_usd),
                aws_added: f(*added),
                infra_at,
                added_at,
            })
            .collect(),
        bindings: assumptions.iter().enumerate().filter_map(|(k, a)| binding(&a.key).map(|b| (k, b))).collect(),
        knobs,
    };
    let samples = if assumptions.is_empty() { 0 } else { s.uncertainty.samples };
    let spreads = montecarlo::run(&model, samples, s.uncertainty.seed);
    let phases_out = phases
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let sp = spreads.get(i).cloned();
            let (nl, nh) = sp.as_ref().map_or((p.net_monthly_benefit_usd, p.net_monthly_benefit_usd), |x| {
                (x.net_monthly_benefit_usd.p10, x.net_monthly_benefit_usd.p90)
            });
            let (vl, vh) = sp.as_ref().map_or((p.npv_usd, p.npv_usd), |x| (x.npv_usd.p10, x.npv_usd.p90));
            PhaseUncertainty {
                phase: p.phase,
                net_monthly_benefit_usd: Range3 { low: nl, expected: p.net_monthly_benefit_usd, high: nh },
                npv_usd: Range3 { low: vl, expected: p.npv_usd, high: vh },
                samples: sp,
            }
        })
        .collect();
    let method = if samples == 0 {
        "no value of the scenario is given as {low, expected, high} (or uncertainty.samples is 0): low = expected = high".to_string()
    } else {
        format!(
            "{samples} samples, seed {}, each uncertain value drawn from a triangular distribution (low, expected, high); business values enter the ROI exactly, infrastructure costs by interpolating, per assumption, between the plan re-priced at its low, expected and high values (additive: interactions between two uncertain usage values through price tiers are ignored); low and high are the 10th and 90th percentiles. The tornado re-prices the whole plan with one assumption at a time at its low and high end.",
            s.uncertainty.seed
        )
    };
    Ok(Uncertainty { samples, seed: s.uncertainty.seed, method, assumptions, phases: phases_out, tornado })
}
