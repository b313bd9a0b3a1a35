//! Return on investment, written once over a number type ([`Number`]): exact decimals for the
//! plan, `f64` for the Monte Carlo samples (`montecarlo`), the same formulas in the same order for
//! both. Infra delta, ops labor saved, downtime saved, productivity, net monthly benefit, one-time
//! costs, the seed's decision rule, payback, cash flow and NPV over a horizon with growth. No I/O,
//! no prices, no formatting. The formulas are the seed's (seed 000, "전환 ROI 계산") with its
//! arithmetic done right.

pub mod montecarlo;
pub mod tree;

use std::ops::{Add, AddAssign, Div, Mul, MulAssign, Neg, Sub};

use rust_decimal::{Decimal, MathematicalOps};
use serde::{Deserialize, Serialize};

use crate::units::Money;

/// The arithmetic the ROI formulas need: implemented by `Decimal` (the plan) and `f64` (the
/// uncertainty run's samples).
pub trait Number:
    Copy
    + PartialOrd
    + Add<Output = Self>
    + Sub<Output = Self>
    + Mul<Output = Self>
    + Div<Output = Self>
    + Neg<Output = Self>
    + AddAssign
    + MulAssign
{
    /// 0.
    const ZERO: Self;
    /// 1.
    const ONE: Self;
    /// A whole number.
    fn int(value: i32) -> Self;
    /// The larger of the two.
    fn max_of(self, other: Self) -> Self;
    /// `self` to the power `exp`.
    fn pow(self, exp: Self) -> Self;
    /// A running growth factor, settled after each month: decimals keep 16 places (exact enough
    /// over 240 months and fast), floats are left as they are.
    fn settle(self) -> Self;
}

impl Number for Decimal {
    const ZERO: Self = Decimal::ZERO;
    const ONE: Self = Decimal::ONE;
    fn int(value: i32) -> Self {
        Decimal::from(value)
    }
    fn max_of(self, other: Self) -> Self {
        self.max(other)
    }
    fn pow(self, exp: Self) -> Self {
        self.powd(exp)
    }
    fn settle(self) -> Self {
        self.round_dp(16)
    }
}

impl Number for f64 {
    const ZERO: Self = 0.0;
    const ONE: Self = 1.0;
    fn int(value: i32) -> Self {
        f64::from(value)
    }
    fn max_of(self, other: Self) -> Self {
        self.max(other)
    }
    fn pow(self, exp: Self) -> Self {
        self.powf(exp)
    }
    fn settle(self) -> Self {
        self
    }
}

fn hundred<N: Number>() -> N {
    N::int(100)
}

/// Weeks in a month (52 / 12), to turn engineer-weeks into months of loaded cost.
pub fn weeks_per_month<N: Number>() -> N {
    N::int(52) / N::int(12)
}

/// Minutes of downtime a month at an availability in percent: (100 − a) / 100 × hours × 60.
pub fn downtime_minutes<N: Number>(availability_percent: N, hours_per_month: N) -> N {
    (hundred::<N>() - availability_percent) / hundred() * hours_per_month * N::int(60)
}

/// Infra delta: what the phase's infrastructure costs a month more than the baseline
/// (AWS + remaining self-hosted − baseline self-hosted). Positive is a cost increase.
pub fn infra_delta<N: Number>(aws: N, self_hosted_remaining: N, baseline: N) -> N {
    aws + self_hosted_remaining - baseline
}

/// Ops labor saved a month: ops FTE × loaded monthly cost × reduction (percent).
pub fn ops_labor_saved<N: Number>(ops_fte: N, loaded_monthly: N, reduction_percent: N) -> N {
    ops_fte * loaded_monthly * reduction_percent / hundred()
}

/// Downtime cost saved a month: minutes saved × cost per minute.
pub fn downtime_saved<N: Number>(baseline_minutes: N, phase_minutes: N, cost_per_minute: N) -> N {
    (baseline_minutes - phase_minutes) * cost_per_minute
}

/// Productivity gained a month: engineers not doing operations × loaded cost × gain (percent).
pub fn productivity_gained<N: Number>(engineers: N, ops_fte: N, loaded_monthly: N, gain_percent: N) -> N {
    (engineers - ops_fte).max_of(N::ZERO) * loaded_monthly * gain_percent / hundred()
}

/// Net monthly benefit: − infra delta + ops labor saved + downtime saved + productivity gained.
pub fn net_monthly_benefit<N: Number>(infra_delta: N, labor: N, downtime: N, productivity: N) -> N {
    -infra_delta + labor + downtime + productivity
}

/// One-time migration labor: engineer-weeks × loaded monthly cost ÷ (52/12).
pub fn migration_labor<N: Number>(engineer_weeks: N, loaded_monthly: N) -> N {
    engineer_weeks * loaded_monthly / weeks_per_month()
}

/// Dual-running cost: the AWS services a phase adds, paid while the old ones still run.
pub fn dual_running<N: Number>(aws_added_monthly: N, weeks: N) -> N {
    aws_added_monthly.max_of(N::ZERO) * weeks / weeks_per_month()
}

/// The four ROI terms of a phase, USD per month (the plan JSON's `phases[].roi`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct RoiTerms<N> {
    /// Infrastructure cost increase over the baseline (positive = AWS costs more).
    pub infra_delta_usd: N,
    /// Ops labor saved.
    pub ops_labor_saved_usd: N,
    /// Downtime cost saved.
    pub downtime_saved_usd: N,
    /// Productivity gained.
    pub productivity_gained_usd: N,
}

impl<N: Number> RoiTerms<N> {
    /// Net monthly benefit: − infra delta + ops labor saved + downtime saved + productivity.
    pub fn net(&self) -> N {
        net_monthly_benefit(
            self.infra_delta_usd,
            self.ops_labor_saved_usd,
            self.downtime_saved_usd,
            self.productivity_gained_usd,
        )
    }
}

impl RoiTerms<Decimal> {
    /// The terms as they are written: money.
    pub fn money(self) -> RoiTerms<Money> {
        RoiTerms {
            infra_delta_usd: Money(self.infra_delta_usd),
            ops_labor_saved_usd: Money(self.ops_labor_saved_usd),
            downtime_saved_usd: Money(self.downtime_saved_usd),
            productivity_gained_usd: Money(self.productivity_gained_usd),
        }
    }
}

/// The business values of one evaluation, every phase's resolved (availability carried forward
/// from the previous phase, dual running defaulted to the engineer-weeks).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Business<N> {
    /// Engineers on the team.
    pub engineers: N,
    /// Of them, full-time equivalents operating the self-hosted stack.
    pub ops_fte: N,
    /// Loaded monthly cost of one engineer, USD.
    pub loaded: N,
    /// Downtime cost per minute, USD.
    pub downtime_cost: N,
    /// Whether the downtime cost scales with traffic.
    pub downtime_scales: bool,
    /// Availability today, percent.
    pub base_availability: N,
    /// Monthly traffic growth, percent.
    pub growth: N,
    /// Annual discount rate, percent.
    pub discount: N,
    /// Per phase, in order.
    pub phases: Vec<PhaseBusiness<N>>,
}

/// One phase's business values.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PhaseBusiness<N> {
    /// Engineer-weeks of this phase alone.
    pub weeks: N,
    /// Dual-running weeks of this phase alone.
    pub dual_weeks: N,
    /// Cumulative ops burden reduction once done, percent.
    pub reduction: N,
    /// Availability once done, percent.
    pub availability: N,
    /// Productivity gain of the engineers not doing operations, percent.
    pub productivity: N,
}

/// What a phase's infrastructure does to the month: its infra delta, and the AWS cost it adds over
/// the previous phase (what dual running pays for).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PhaseInfra<N> {
    /// AWS + remaining self-hosted − baseline, USD per month.
    pub infra_delta: N,
    /// This phase's AWS cost minus the previous phase's, USD per month.
    pub aws_added: N,
}

/// One phase's economics.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Economics<N> {
    /// The ROI terms.
    pub terms: RoiTerms<N>,
    /// Migration labor of phases 1..N.
    pub labor: N,
    /// Dual running of phases 1..N.
    pub dual: N,
    /// Downtime minutes a month in this phase.
    pub downtime_minutes: N,
}

impl<N: Number> Economics<N> {
    /// Migration labor + dual running of phases 1..N, paid at month 0.
    pub fn one_time(&self) -> N {
        self.labor + self.dual
    }
}

/// The economics of every phase (cumulative: phase N's one-time cost is phases 1..N's), one per
/// `infra` item, paired with `b.phases` in order. `downtime_factor` multiplies the downtime cost
/// per minute when it scales with traffic (a traffic scale; 1 as measured).
pub fn economics<N: Number>(
    b: &Business<N>,
    hours_per_month: N,
    infra: impl IntoIterator<Item = PhaseInfra<N>>,
    downtime_factor: N,
) -> Vec<Economics<N>> {
    let base_minutes = downtime_minutes(b.base_availability, hours_per_month);
    let cost_per_minute = if b.downtime_scales { b.downtime_cost * downtime_factor } else { b.downtime_cost };
    let mut labor = N::ZERO;
    let mut dual = N::ZERO;
    b.phases
        .iter()
        .zip(infra)
        .map(|(p, i)| {
            let minutes = downtime_minutes(p.availability, hours_per_month);
            labor += migration_labor(p.weeks, b.loaded);
            dual += dual_running(i.aws_added, p.dual_weeks);
            Economics {
                terms: RoiTerms {
                    infra_delta_usd: i.infra_delta,
                    ops_labor_saved_usd: ops_labor_saved(b.ops_fte, b.loaded, p.reduction),
                    downtime_saved_usd: downtime_saved(base_minutes, minutes, cost_per_minute),
                    productivity_gained_usd: productivity_gained(b.engineers, b.ops_fte, b.loaded, p.productivity),
                },
                labor,
                dual,
                downtime_minutes: minutes,
            }
        })
        .collect()
}

/// The seed's decision.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Decision {
    /// Net above the "now" threshold ($1,000 by default).
    MigrateNow,
    /// Net from the "gradually" threshold ($0) up to the "now" threshold.
    MigrateGradually,
    /// Net below the "gradually" threshold.
    Stay,
}

impl Decision {
    /// The JSON name.
    pub fn as_str(self) -> &'static str {
        match self {
            Decision::MigrateNow => "migrate_now",
            Decision::MigrateGradually => "migrate_gradually",
            Decision::Stay => "stay",
        }
    }
}

/// The seed's rule: net > `now_above` → migrate now; `gradually_from` ≤ net ≤ `now_above` →
/// migrate gradually; below → stay.
pub fn decide<N: Number>(net: N, now_above: N, gradually_from: N) -> Decision {
    if net > now_above {
        Decision::MigrateNow
    } else if net >= gradually_from {
        Decision::MigrateGradually
    } else {
        Decision::Stay
    }
}

/// Simple payback: whole months until the net benefit repays the one-time cost
/// (ceil(one-time ÷ net)); `None` when the net benefit is not positive (never).
pub fn payback_months(one_time: Decimal, net: Decimal) -> Option<u32> {
    if one_time <= Decimal::ZERO {
        return Some(0);
    }
    if net <= Decimal::ZERO {
        return None;
    }
    let months = (one_time / net).ceil();
    u32::try_from(months.mantissa() / 10i128.pow(months.scale())).ok()
}

/// Inputs of a cash-flow projection.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CashFlowInputs<N> {
    /// Paid at month 0.
    pub one_time: N,
    /// The phase's terms at month 1 (today's traffic).
    pub terms: RoiTerms<N>,
    /// Monthly traffic growth, percent: the infra delta (and the downtime term when it scales)
    /// grow by it every month.
    pub monthly_growth_percent: N,
    /// Whether the downtime term grows with traffic.
    pub downtime_scales: bool,
    /// Annual discount rate, percent.
    pub annual_discount_percent: N,
    /// Months projected.
    pub horizon_months: u32,
}

/// One month of a projection (the plan JSON's `phases[].cash_flow[]`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct MonthFlow {
    /// Month, 0 = the migration itself.
    pub month: u32,
    /// Net cash flow of the month.
    pub net_usd: Money,
    /// Running total.
    pub cumulative_usd: Money,
    /// Running total of discounted flows.
    pub discounted_cumulative_usd: Money,
}

/// The monthly discount factor 1 / (1 + annual)^(1/12).
pub fn monthly_discount<N: Number>(annual_percent: N) -> N {
    let base = N::ONE + annual_percent / hundred();
    if base <= N::ZERO {
        return N::ONE;
    }
    let monthly = base.pow(N::ONE / N::int(12));
    N::ONE / monthly
}

/// One month of a projection, unrounded: (month, net, cumulative, discounted cumulative).
type Month<N> = (u32, N, N, N);

/// Months 1..=horizon of a projection: month m earns the net benefit with the infra delta (and,
/// when it scales, the downtime term) multiplied by (1 + growth)^(m − 1), discounted by
/// (1 + annual rate)^(m / 12); month 0 (not yielded) pays the one-time cost.
fn months<N: Number>(i: &CashFlowInputs<N>) -> impl Iterator<Item = Month<N>> + '_ {
    let growth = N::ONE + i.monthly_growth_percent / hundred();
    let disc = monthly_discount(i.annual_discount_percent);
    let (mut cumulative, mut discounted) = (-i.one_time, -i.one_time);
    let (mut g, mut d) = (N::ONE, N::ONE);
    (1..=i.horizon_months).map(move |month| {
        d *= disc;
        let t = &i.terms;
        let downtime = if i.downtime_scales { t.downtime_saved_usd * g } else { t.downtime_saved_usd };
        let net =
            net_monthly_benefit(t.infra_delta_usd * g, t.ops_labor_saved_usd, downtime, t.productivity_gained_usd);
        cumulative += net;
        discounted += net * d;
        g = (g * growth).settle();
        (month, net, cumulative, discounted)
    })
}

/// Month-by-month cash flow: month 0 pays the one-time cost, then every month of the projection; figures are kept to
/// 10 decimals.
pub fn cash_flow(i: &CashFlowInputs<Decimal>) -> Vec<MonthFlow> {
    let start = Money(-i.one_time);
    let mut out = Vec::with_capacity(i.horizon_months as usize + 1);
    out.push(MonthFlow { month: 0, net_usd: start, cumulative_usd: start, discounted_cumulative_usd: start });
    out.extend(months(i).map(|(month, net, cumulative, discounted)| MonthFlow {
        month,
        net_usd: Money(net.round_dp(10)),
        cumulative_usd: Money(cumulative.round_dp(10)),
        discounted_cumulative_usd: Money(discounted.round_dp(10)),
    }));
    out
}

/// Net present value over the horizon: the last discounted cumulative flow of the projection.
pub fn npv<N: Number>(i: &CashFlowInputs<N>) -> N {
    months(i).last().map_or(-i.one_time, |(_, _, _, discounted)| discounted)
}

/// The first month whose cumulative cash flow is at least 0, if any within the projection.
pub fn payback_month_in(flows: &[MonthFlow]) -> Option<u32> {
    flows.iter().find(|f| f.cumulative_usd.0 >= Decimal::ZERO).map(|f| f.month)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    #[test]
    fn the_seed_roi_table_done_right() {
        // Seed 000: infra +$600, ops 1 FTE × $5,000 → 0.2 FTE (80% less), 43 → 22 min at $1,000/min,
        // productivity +$2,000. The seed prints $350 for downtime and $1,050 net.
        let terms = RoiTerms {
            infra_delta_usd: d("600"),
            ops_labor_saved_usd: ops_labor_saved(d("1"), d("5000"), d("80")),
            downtime_saved_usd: downtime_saved(d("43"), d("22"), d("1000")),
            productivity_gained_usd: d("2000"),
        };
        assert_eq!(terms.ops_labor_saved_usd, d("4000"));
        assert_eq!(terms.downtime_saved_usd, d("21000"));
        assert_eq!(terms.net(), d("26400"));
        // With the seed's own $350 downtime line the sum is 5,750, not the 1,050 it prints.
        assert_eq!(net_monthly_benefit(d("600"), d("4000"), d("350"), d("2000")), d("5750"));
    }

    #[test]
    fn downtime_minutes_from_availability() {
        assert_eq!(downtime_minutes(d("99.9"), d("730")), d("43.8"));
        assert_eq!(downtime_minutes(d("99.95"), d("730")), d("21.9"));
        assert!((downtime_minutes(99.9, 730.0) - 43.8).abs() < 1e-9);
    }

    #[test]
    fn decision_rule_thresholds() {
        let (now, grad) = (d("1000"), d("0"));
        assert_eq!(decide(d("1000.01"), now, grad), Decision::MigrateNow);
        assert_eq!(decide(d("1000"), now, grad), Decision::MigrateGradually);
        assert_eq!(decide(d("0"), now, grad), Decision::MigrateGradually);
        assert_eq!(decide(d("-0.01"), now, grad), Decision::Stay);
        assert_eq!(decide(-0.01, 1000.0, 0.0), Decision::Stay);
    }

    #[test]
    fn payback_is_ceil_of_one_time_over_net() {
        assert_eq!(payback_months(d("10000"), d("3000")), Some(4));
        assert_eq!(payback_months(d("9000"), d("3000")), Some(3));
        assert_eq!(payback_months(d("9000"), d("0")), None);
        assert_eq!(payback_months(d("9000"), d("-5")), None);
        assert_eq!(payback_months(d("0"), d("-5")), Some(0));
    }

    #[test]
    fn migration_labor_in_loaded_months() {
        // 13 engineer-weeks = 3 months at $10,000.
        assert_eq!(migration_labor(d("13"), d("10000")).round_dp(6), d("30000"));
        assert_eq!(dual_running(d("520"), d("13")).round_dp(6), d("1560"));
    }

    #[test]
    fn economics_accumulate_one_time_costs_over_the_phases() {
        let phase = |weeks: &str, reduction: &str| PhaseBusiness {
            weeks: d(weeks),
            dual_weeks: d(weeks),
            reduction: d(reduction),
            availability: d("99.9"),
            productivity: d("0"),
        };
        let b = Business {
            engineers: d("5"),
            ops_fte: d("1"),
            loaded: d("5200"),
            downtime_cost: d("10"),
            downtime_scales: true,
            base_availability: d("99.9"),
            growth: d("0"),
            discount: d("0"),
            phases: vec![phase("1", "20"), phase("2", "40")],
        };
        let infra = [
            PhaseInfra { infra_delta: d("100"), aws_added: d("120") },
            PhaseInfra { infra_delta: d("50"), aws_added: d("-20") },
        ];
        let e = economics(&b, d("730"), infra, Decimal::ONE);
        // 1 week of $5,200 a month is $1,200; dual running pays 1 week of $120 a month, then nothing.
        assert_eq!(e[0].one_time().round_dp(6), d("1227.692308"));
        assert_eq!(e[1].labor.round_dp(6), d("3600"));
        assert_eq!(e[1].dual, e[0].dual);
        assert_eq!(e[1].terms.net(), d("-50") + d("2080"));
    }

    #[test]
    fn cash_flow_without_growth_or_discount() {
        let terms = RoiTerms {
            infra_delta_usd: d("100"),
            ops_labor_saved_usd: d("600"),
            downtime_saved_usd: d("0"),
            productivity_gained_usd: d("0"),
        };
        let inputs = CashFlowInputs {
            one_time: d("1200"),
            terms,
            monthly_growth_percent: d("0"),
            downtime_scales: true,
            annual_discount_percent: d("0"),
            horizon_months: 4,
        };
        let flows = cash_flow(&inputs);
        let cum: Vec<_> = flows.iter().map(|f| f.cumulative_usd.0).collect();
        assert_eq!(cum, [d("-1200"), d("-700"), d("-200"), d("300"), d("800")]);
        assert_eq!(flows[4].discounted_cumulative_usd.0, d("800"));
        assert_eq!(npv(&inputs), d("800"));
        assert_eq!(payback_month_in(&flows), Some(3));
    }

    #[test]
    fn growth_raises_the_infra_delta_and_discounting_lowers_value() {
        let terms = RoiTerms { infra_delta_usd: d("100"), ..RoiTerms::default() };
        let flows = cash_flow(&CashFlowInputs {
            one_time: d("0"),
            terms,
            monthly_growth_percent: d("10"),
            downtime_scales: false,
            annual_discount_percent: d("0"),
            horizon_months: 3,
        });
        assert_eq!(flows[3].cumulative_usd.0, d("-331"));
        // 12.6825% a year is 1% a month: the first month is worth 100 / 1.01.
        let disc = monthly_discount(d("12.682503013196972"));
        assert!((Decimal::ONE / disc - d("1.01")).abs() < d("0.0000001"), "{disc}");
    }

    #[test]
    fn decimals_and_floats_agree() {
        let terms = RoiTerms {
            infra_delta_usd: d("250"),
            ops_labor_saved_usd: d("1500"),
            downtime_saved_usd: d("300"),
            productivity_gained_usd: d("40"),
        };
        let exact = CashFlowInputs {
            one_time: d("9000"),
            terms,
            monthly_growth_percent: d("3"),
            downtime_scales: true,
            annual_discount_percent: d("8"),
            horizon_months: 36,
        };
        let float = CashFlowInputs {
            one_time: 9000.0,
            terms: RoiTerms {
                infra_delta_usd: 250.0,
                ops_labor_saved_usd: 1500.0,
                downtime_saved_usd: 300.0,
                productivity_gained_usd: 40.0,
            },
            monthly_growth_percent: 3.0,
            downtime_scales: true,
            annual_discount_percent: 8.0,
            horizon_months: 36,
        };
        let a: f64 = npv(&exact).to_string().parse().unwrap();
        assert!((a - npv(&float)).abs() < 1e-6, "{a} vs {}", npv(&float));
    }
}
