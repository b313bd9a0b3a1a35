//! The uncertainty run: a seeded, deterministic Monte Carlo over the scenario's `{low, expected,
//! high}` values, each drawn from a triangular distribution. The only place where money is f64:
//! samples are computed in f64 for speed, through the same ROI functions as the plan
//! ([`super::economics`], [`super::npv`], [`super::decide`]), and every reported figure is converted
//! back to a decimal rounded to the cent.
//!
//! Business values (team, costs, availability, phases' effects, growth, discount rate) enter the
//! ROI formulas exactly. Infrastructure costs enter through a per-assumption interpolation between
//! the prices computed exactly at each assumption's low, expected and high values (an additive
//! model: interactions between two uncertain usage values through price tiers are ignored).

use rust_decimal::prelude::FromPrimitive;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::{Business, CashFlowInputs, Decision, PhaseBusiness, PhaseInfra};
use crate::units::{Exact, Money};

/// SplitMix64: a small, fast, seedable generator; the same seed gives the same samples everywhere.
#[derive(Debug, Clone)]
pub struct SplitMix64(u64);

impl SplitMix64 {
    /// A generator from a seed.
    pub fn new(seed: u64) -> Self {
        SplitMix64(seed)
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A uniform number in [0, 1).
    pub fn next_f64(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }
}

/// Inverse CDF of the triangular distribution (low `a`, mode `c`, high `b`) at `u` in [0, 1).
pub fn triangular(a: f64, c: f64, b: f64, u: f64) -> f64 {
    if b <= a {
        return c;
    }
    let fc = (c - a) / (b - a);
    if u < fc {
        a + (u * (b - a) * (c - a)).sqrt()
    } else {
        b - ((1.0 - u) * (b - a) * (b - c)).sqrt()
    }
}

/// An uncertain value.
#[derive(Debug, Clone, PartialEq)]
pub struct Knob {
    /// Key path in the scenario.
    pub key: String,
    /// Low end.
    pub low: f64,
    /// Most likely value.
    pub expected: f64,
    /// High end.
    pub high: f64,
}

/// A business value a knob sets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    /// `team.ops_fte`.
    OpsFte,
    /// `team.loaded_monthly_cost_usd`.
    Loaded,
    /// `business.downtime_cost_per_minute_usd`.
    DowntimeCost,
    /// `self_hosted.availability_percent`.
    BaseAvailability,
    /// `traffic.monthly_growth_percent`.
    Growth,
    /// `annual_discount_rate_percent`.
    Discount,
    /// A phase's engineer-weeks (index into `phases`).
    Weeks(usize),
    /// A phase's dual-running weeks.
    DualWeeks(usize),
    /// A phase's ops burden reduction.
    Reduction(usize),
    /// A phase's availability.
    Availability(usize),
    /// A phase's productivity gain.
    Productivity(usize),
}

/// One phase's inputs to the sampler, at expected values.
#[derive(Debug, Clone, PartialEq)]
pub struct PhaseInputs {
    /// Engineer-weeks of this phase alone.
    pub weeks: f64,
    /// Dual-running weeks (`None`: equal to `weeks`).
    pub dual_weeks: Option<f64>,
    /// Cumulative ops burden reduction, percent.
    pub reduction: f64,
    /// Availability, percent (`None`: the previous phase's).
    pub availability: Option<f64>,
    /// Productivity gain, percent.
    pub productivity: f64,
    /// Expected infra delta of the phase (cumulative state), USD/month.
    pub infra_delta: f64,
    /// Expected AWS cost this phase adds over the previous one, USD/month.
    pub aws_added: f64,
    /// Per knob: infra delta minus expected at the knob's low and high values.
    pub infra_at: Vec<(f64, f64)>,
    /// Per knob: AWS added minus expected at the knob's low and high values.
    pub added_at: Vec<(f64, f64)>,
}

/// Everything the sampler needs, at expected values.
#[derive(Debug, Clone, PartialEq)]
pub struct Model {
    /// Engineers.
    pub engineers: f64,
    /// Ops FTE.
    pub ops_fte: f64,
    /// Loaded monthly cost per engineer.
    pub loaded: f64,
    /// Downtime cost per minute.
    pub downtime_cost: f64,
    /// Whether the downtime term grows with traffic.
    pub downtime_scales: bool,
    /// Availability today, percent.
    pub base_availability: f64,
    /// Monthly growth, percent.
    pub growth: f64,
    /// Annual discount rate, percent.
    pub discount: f64,
    /// Horizon in months.
    pub horizon: u32,
    /// Hours in a month.
    pub hours: f64,
    /// "Migrate now" threshold.
    pub now_above: f64,
    /// "Migrate gradually" threshold.
    pub gradually_from: f64,
    /// Phases in order.
    pub phases: Vec<PhaseInputs>,
    /// The uncertain values.
    pub knobs: Vec<Knob>,
    /// Which knobs set a business value.
    pub bindings: Vec<(usize, Field)>,
}

/// Low (P10), median (P50), high (P90) and mean of a sampled figure, USD.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Spread {
    /// 10th percentile.
    pub p10: Money,
    /// Median.
    pub p50: Money,
    /// 90th percentile.
    pub p90: Money,
    /// Mean.
    pub mean: Money,
}

/// The sampled outcome of one phase (the plan JSON's `uncertainty.phases[].samples`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PhaseSpread {
    /// 1-based phase.
    pub phase: u32,
    /// Net monthly benefit.
    pub net_monthly_benefit_usd: Spread,
    /// NPV over the horizon.
    pub npv_usd: Spread,
    /// Share of samples with a positive net monthly benefit.
    pub probability_net_positive: Exact,
    /// Share of samples whose decision is `migrate_now`.
    pub probability_migrate_now: Exact,
    /// Share of samples whose decision is `migrate_gradually`.
    pub probability_migrate_gradually: Exact,
    /// Share of samples whose decision is `stay`.
    pub probability_stay: Exact,
}

fn dec(v: f64) -> Money {
    Money(Decimal::from_f64(v).map_or(Decimal::ZERO, crate::units::round_cents))
}

fn share(count: usize, n: usize) -> Exact {
    Exact((Decimal::from(count as u64) / Decimal::from(n as u64)).round_dp(4))
}

/// P10, P50, P90 and mean of `values` (sorted here); all 0 when there are none.
fn spread(values: &mut [f64]) -> Spread {
    values.sort_by(f64::total_cmp);
    let n = values.len();
    let at = |q: f64| values.get((n.saturating_sub(1) as f64 * q).round() as usize).copied().unwrap_or(0.0);
    let mean = if n == 0 { 0.0 } else { values.iter().sum::<f64>() / n as f64 };
    Spread { p10: dec(at(0.1)), p50: dec(at(0.5)), p90: dec(at(0.9)), mean: dec(mean) }
}

fn surrogate(x: f64, k: &Knob, (at_low, at_high): (f64, f64)) -> f64 {
    if x < k.expected && k.expected > k.low {
        at_low * (k.expected - x) / (k.expected - k.low)
    } else if x > k.expected && k.high > k.expected {
        at_high * (x - k.expected) / (k.high - k.expected)
    } else {
        0.0
    }
}

/// A phase's (weeks, dual weeks, reduction, availability, productivity) in one sample, before
/// availability is carried forward and dual running defaulted.
type PhaseValues = (f64, Option<f64>, f64, Option<f64>, f64);

/// Net benefit and NPV of every phase for one set of knob values: the sampled business values
/// (availability carried forward, dual running defaulting to the engineer-weeks, as in the plan)
/// and the interpolated infrastructure costs go through the plan's ROI functions.
pub fn evaluate(m: &Model, x: &[f64], out: &mut [(f64, f64)]) {
    let mut b = Business {
        engineers: m.engineers,
        ops_fte: m.ops_fte,
        loaded: m.loaded,
        downtime_cost: m.downtime_cost,
        downtime_scales: m.downtime_scales,
        base_availability: m.base_availability,
        growth: m.growth,
        discount: m.discount,
        phases: Vec::with_capacity(m.phases.len()),
    };
    let mut declared: Vec<PhaseValues> =
        m.phases.iter().map(|p| (p.weeks, p.dual_weeks, p.reduction, p.availability, p.productivity)).collect();
    for &(k, field) in &m.bindings {
        let Some(&v) = x.get(k) else { continue };
        match field {
            Field::OpsFte => b.ops_fte = v,
            Field::Loaded => b.loaded = v,
            Field::DowntimeCost => b.downtime_cost = v,
            Field::BaseAvailability => b.base_availability = v,
            Field::Growth => b.growth = v,
            Field::Discount => b.discount = v,
            Field::Weeks(p) => set(&mut declared, p, |d| d.0 = v),
            Field::DualWeeks(p) => set(&mut declared, p, |d| d.1 = Some(v)),
            Field::Reduction(p) => set(&mut declared, p, |d| d.2 = v),
            Field::Availability(p) => set(&mut declared, p, |d| d.3 = Some(v)),
            Field::Productivity(p) => set(&mut declared, p, |d| d.4 = v),
        }
    }
    let mut availability = b.base_availability;
    for &(weeks, dual, reduction, av, productivity) in &declared {
        if let Some(a) = av {
            availability = a;
        }
        b.phases.push(PhaseBusiness {
            weeks,
            dual_weeks: dual.unwrap_or(weeks),
            reduction,
            availability,
            productivity,
        });
    }
    let infra = m.phases.iter().map(|p| {
        let mut i = PhaseInfra { infra_delta: p.infra_delta, aws_added: p.aws_added };
        for ((knob, &xk), (at_infra, at_added)) in m.knobs.iter().zip(x).zip(p.infra_at.iter().zip(&p.added_at)) {
            i.infra_delta += surrogate(xk, knob, *at_infra);
            i.aws_added += surrogate(xk, knob, *at_added);
        }
        i
    });
    let economics = super::economics(&b, m.hours, infra, 1.0);
    for (slot, e) in out.iter_mut().zip(&economics) {
        let npv = super::npv(&CashFlowInputs {
            one_time: e.one_time(),
            terms: e.terms,
            monthly_growth_percent: b.growth,
            downtime_scales: b.downtime_scales,
            annual_discount_percent: b.discount,
            horizon_months: m.horizon,
        });
        *slot = (e.terms.net(), npv);
    }
}

/// Changes one phase's sampled values, when the phase exists.
fn set<T>(phases: &mut [T], i: usize, f: impl FnOnce(&mut T)) {
    if let Some(p) = phases.get_mut(i) {
        f(p);
    }
}

/// Runs `samples` samples with `seed`.
pub fn run(m: &Model, samples: u32, seed: u64) -> Vec<PhaseSpread> {
    let n = samples as usize;
    if n == 0 || m.phases.is_empty() {
        return Vec::new();
    }
    let mut rng = SplitMix64::new(seed);
    // Per phase: every sample's (net, NPV).
    let mut sampled: Vec<(Vec<f64>, Vec<f64>)> =
        m.phases.iter().map(|_| (Vec::with_capacity(n), Vec::with_capacity(n))).collect();
    let mut x = vec![0.0; m.knobs.len()];
    let mut out = vec![(0.0, 0.0); m.phases.len()];
    for _ in 0..n {
        for (xk, knob) in x.iter_mut().zip(&m.knobs) {
            *xk = triangular(knob.low, knob.expected, knob.high, rng.next_f64());
        }
        evaluate(m, &x, &mut out);
        for ((nets, npvs), &(net, npv)) in sampled.iter_mut().zip(&out) {
            nets.push(net);
            npvs.push(npv);
        }
    }
    sampled
        .into_iter()
        .zip(1u32..)
        .map(|((mut nets, mut npvs), phase)| {
            let decided =
                |d: Decision| nets.iter().filter(|&&v| super::decide(v, m.now_above, m.gradually_from) == d).count();
            let (now, grad) = (decided(Decision::MigrateNow), decided(Decision::MigrateGradually));
            let positive = nets.iter().filter(|&&v| v > 0.0).count();
            PhaseSpread {
                phase,
                net_monthly_benefit_usd: spread(&mut nets),
                npv_usd: spread(&mut npvs),
                probability_net_positive: share(positive, n),
                probability_migrate_now: share(now, n),
                probability_migrate_gradually: share(grad, n),
                probability_stay: share(n - now - grad, n),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generator_is_deterministic_and_uniform_enough() {
        let mut a = SplitMix64::new(7);
        let mut b = SplitMix64::new(7);
        let xs: Vec<f64> = (0..10_000).map(|_| a.next_f64()).collect();
        assert!(xs.iter().zip((0..10_000).map(|_| b.next_f64())).all(|(x, y)| *x == y));
        let mean = xs.iter().sum::<f64>() / xs.len() as f64;
        assert!((mean - 0.5).abs() < 0.01, "{mean}");
    }

    #[test]
    fn triangular_inverse_cdf() {
        assert_eq!(triangular(0.0, 5.0, 10.0, 0.5), 5.0);
        assert_eq!(triangular(0.0, 5.0, 10.0, 0.0), 0.0);
        assert!((triangular(0.0, 0.0, 10.0, 0.75) - 5.0).abs() < 1e-12);
        assert_eq!(triangular(3.0, 3.0, 3.0, 0.9), 3.0);
    }

    fn model() -> Model {
        Model {
            engineers: 5.0,
            ops_fte: 1.0,
            loaded: 5000.0,
            downtime_cost: 0.0,
            downtime_scales: true,
            base_availability: 99.9,
            growth: 0.0,
            discount: 0.0,
            horizon: 12,
            hours: 730.0,
            now_above: 1000.0,
            gradually_from: 0.0,
            phases: vec![PhaseInputs {
                weeks: 0.0,
                dual_weeks: None,
                reduction: 50.0,
                availability: None,
                productivity: 0.0,
                infra_delta: 500.0,
                aws_added: 0.0,
                infra_at: vec![(-100.0, 300.0)],
                added_at: vec![(0.0, 0.0)],
            }],
            knobs: vec![Knob { key: "usage.x".into(), low: 0.0, expected: 1.0, high: 2.0 }],
            bindings: vec![],
        }
    }

    #[test]
    fn the_expected_point_reproduces_the_exact_figures() {
        let m = model();
        let mut out = vec![(0.0, 0.0)];
        evaluate(&m, &[1.0], &mut out);
        assert_eq!(out[0].0, 2000.0);
        assert_eq!(out[0].1, 24000.0);
        evaluate(&m, &[2.0], &mut out);
        assert_eq!(out[0].0, 1700.0);
        evaluate(&m, &[0.5], &mut out);
        assert_eq!(out[0].0, 2050.0);
    }

    #[test]
    fn same_seed_same_spread() {
        let m = model();
        let a = run(&m, 2000, 42);
        let b = run(&m, 2000, 42);
        assert_eq!(a, b);
        let s = &a[0].net_monthly_benefit_usd;
        assert!(s.p10 <= s.p50 && s.p50 <= s.p90, "{s:?}");
        assert_eq!(a[0].probability_net_positive, Exact(Decimal::ONE));
    }
}
