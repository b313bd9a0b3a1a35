//! Uncertainty and sensitivity: every `{low, expected, high}` value of the scenario becomes an
//! assumption; the tornado re-prices the whole plan with each one at its low and its high end
//! (others expected), and the Monte Carlo run (`roi::montecarlo`) samples all of them together.

use anyhow::Result;
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;
use serde::Serialize;

use super::values::Values;
use super::{Engine, Estate, PhasePlan};
use crate::roi::montecarlo::{self, Field, Knob, Model, PhaseSpread};

/// An uncertain value of the scenario.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Assumption {
    /// Key path.
    pub key: String,
    /// Low end.
    #[serde(with = "crate::report::json::num")]
    pub low: Decimal,
    /// Expected value.
    #[serde(with = "crate::report::json::num")]
    pub expected: Decimal,
    /// High end.
    #[serde(with = "crate::report::json::num")]
    pub high: Decimal,
}

/// Low / expected / high of a figure, USD.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Range3 {
    /// 10th percentile of the samples.
    #[serde(with = "crate::report::json::money")]
    pub low: Decimal,
    /// Every value at its expected value.
    #[serde(with = "crate::report::json::money")]
    pub expected: Decimal,
    /// 90th percentile of the samples.
    #[serde(with = "crate::report::json::money")]
    pub high: Decimal,
}

/// One phase's ranges.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PhaseUncertainty {
    /// 1-based phase.
    pub phase: u32,
    /// Net monthly benefit.
    pub net_monthly_benefit_usd: Range3,
    /// NPV over the horizon.
    pub npv_usd: Range3,
    /// The sampled distribution.
    pub samples: Option<PhaseSpread>,
}

/// One tornado bar.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TornadoRow {
    /// 1-based phase.
    pub phase: u32,
    /// The assumption.
    pub key: String,
    /// Its low end.
    #[serde(with = "crate::report::json::num")]
    pub low: Decimal,
    /// Its high end.
    #[serde(with = "crate::report::json::num")]
    pub high: Decimal,
    /// Net monthly benefit with it at its low end.
    #[serde(with = "crate::report::json::money")]
    pub net_at_low_usd: Decimal,
    /// Net monthly benefit with it at its high end.
    #[serde(with = "crate::report::json::money")]
    pub net_at_high_usd: Decimal,
    /// |high − low|.
    #[serde(with = "crate::report::json::money")]
    pub swing_usd: Decimal,
}

/// The uncertainty section of the plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Uncertainty {
    /// Monte Carlo samples drawn (0: run off or nothing uncertain).
    pub samples: u32,
    /// Seed.
    pub seed: u64,
    /// How it was computed.
    pub method: String,
    /// The uncertain values.
    pub assumptions: Vec<Assumption>,
    /// Per phase.
    pub phases: Vec<PhaseUncertainty>,
    /// Tornado rows, per phase, largest swing first.
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
    let biz = engine.biz(&collect);
    let assumptions: Vec<Assumption> = collect
        .uncertain()
        .into_iter()
        .map(|(key, e)| Assumption { key, low: e.low(), expected: e.expected(), high: e.high() })
        .collect();
    let np = eco.len();
    let added = |aws: &[Decimal], i: usize| aws[i] - if i == 0 { Decimal::ZERO } else { aws[i - 1] };
    let mut tornado = Vec::new();
    let mut infra_at = vec![Vec::new(); np];
    let mut added_at = vec![Vec::new(); np];
    for a in &assumptions {
        let (lo_eco, lo_aws) = engine.nets(&Values::with(&a.key, a.low), estate)?;
        let (hi_eco, hi_aws) = engine.nets(&Values::with(&a.key, a.high), estate)?;
        for i in 0..np {
            let (nl, nh) = (lo_eco[i].terms.net(), hi_eco[i].terms.net());
            tornado.push(TornadoRow {
                phase: engine.phases[i].phase,
                key: a.key.clone(),
                low: a.low,
                high: a.high,
                net_at_low_usd: nl,
                net_at_high_usd: nh,
                swing_usd: (nh - nl).abs(),
            });
            let e = eco[i].terms.infra_delta_usd;
            infra_at[i].push((f(lo_eco[i].terms.infra_delta_usd - e), f(hi_eco[i].terms.infra_delta_usd - e)));
            let ea = added(&aws, i);
            added_at[i].push((f(added(&lo_aws, i) - ea), f(added(&hi_aws, i) - ea)));
        }
    }
    tornado.sort_by(|a, b| a.phase.cmp(&b.phase).then(b.swing_usd.cmp(&a.swing_usd)).then(a.key.cmp(&b.key)));
    let knobs: Vec<Knob> = assumptions
        .iter()
        .map(|a| Knob { key: a.key.clone(), low: f(a.low), expected: f(a.expected), high: f(a.high) })
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
        horizon: s.horizon_months.unwrap_or(super::DEFAULT_HORIZON_MONTHS),
        hours: f(engine.hours),
        now_above: f(s.decision.migrate_now_above_usd.0),
        gradually_from: f(s.decision.migrate_gradually_from_usd.0),
        phases: engine
            .phases
            .iter()
            .enumerate()
            .map(|(i, p)| montecarlo::PhaseBiz {
                weeks: f(biz.phases[i].weeks),
                dual_weeks: p.dual_running_weeks.map(|_| f(biz.phases[i].dual_weeks)),
                reduction: f(biz.phases[i].reduction),
                availability: p.availability_percent.map(|_| f(biz.phases[i].availability)),
                productivity: f(biz.phases[i].productivity),
                infra_delta: f(eco[i].terms.infra_delta_usd),
                aws_added: f(added(&aws, i)),
                infra_at: infra_at[i].clone(),
                added_at: added_at[i].clone(),
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
