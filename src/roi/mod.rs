//! Return on investment, as pure functions over exact decimals: infra delta, ops labor saved,
//! downtime saved, productivity, net monthly benefit, the seed's decision rule, payback, cash flow
//! and NPV over a horizon with growth. No I/O, no prices, no formatting. The formulas are the
//! seed's (seed 000, "전환 ROI 계산") with its arithmetic done right.

pub mod montecarlo;
pub mod tree;

use rust_decimal::{Decimal, MathematicalOps};
use serde::Serialize;

/// Weeks in a month (52 / 12), to turn engineer-weeks into months of loaded cost.
pub fn weeks_per_month() -> Decimal {
    Decimal::from(52) / Decimal::from(12)
}

/// Minutes of downtime a month at an availability in percent: (100 − a) / 100 × hours × 60.
pub fn downtime_minutes(availability_percent: Decimal, hours_per_month: Decimal) -> Decimal {
    (Decimal::ONE_HUNDRED - availability_percent) / Decimal::ONE_HUNDRED * hours_per_month * Decimal::from(60)
}

/// Infra delta: what the phase's infrastructure costs a month more than the baseline
/// (AWS + remaining self-hosted − baseline self-hosted). Positive is a cost increase.
pub fn infra_delta(aws: Decimal, self_hosted_remaining: Decimal, baseline: Decimal) -> Decimal {
    aws + self_hosted_remaining - baseline
}

/// Ops labor saved a month: ops FTE × loaded monthly cost × reduction (percent).
pub fn ops_labor_saved(ops_fte: Decimal, loaded_monthly: Decimal, reduction_percent: Decimal) -> Decimal {
    ops_fte * loaded_monthly * reduction_percent / Decimal::ONE_HUNDRED
}

/// Downtime cost saved a month: minutes saved × cost per minute.
pub fn downtime_saved(baseline_minutes: Decimal, phase_minutes: Decimal, cost_per_minute: Decimal) -> Decimal {
    (baseline_minutes - phase_minutes) * cost_per_minute
}

/// Productivity gained a month: engineers not doing operations × loaded cost × gain (percent).
pub fn productivity_gained(
    engineers: Decimal,
    ops_fte: Decimal,
    loaded_monthly: Decimal,
    gain_percent: Decimal,
) -> Decimal {
    (engineers - ops_fte).max(Decimal::ZERO) * loaded_monthly * gain_percent / Decimal::ONE_HUNDRED
}

/// The four ROI terms of a phase, USD per month.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct RoiTerms {
    /// Infrastructure cost increase over the baseline (positive = AWS costs more).
    #[serde(with = "crate::report::json::money")]
    pub infra_delta_usd: Decimal,
    /// Ops labor saved.
    #[serde(with = "crate::report::json::money")]
    pub ops_labor_saved_usd: Decimal,
    /// Downtime cost saved.
    #[serde(with = "crate::report::json::money")]
    pub downtime_saved_usd: Decimal,
    /// Productivity gained.
    #[serde(with = "crate::report::json::money")]
    pub productivity_gained_usd: Decimal,
}

impl RoiTerms {
    /// Net monthly benefit: − infra delta + ops labor saved + downtime saved + productivity.
    pub fn net(&self) -> Decimal {
        net_monthly_benefit(
            self.infra_delta_usd,
            self.ops_labor_saved_usd,
            self.downtime_saved_usd,
            self.productivity_gained_usd,
        )
    }
}

/// Net monthly benefit: − infra delta + ops labor saved + downtime saved + productivity gained.
pub fn net_monthly_benefit(infra_delta: Decimal, labor: Decimal, downtime: Decimal, productivity: Decimal) -> Decimal {
    -infra_delta + labor + downtime + productivity
}

/// The seed's decision.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
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
pub fn decide(net: Decimal, now_above: Decimal, gradually_from: Decimal) -> Decision {
    if net > now_above {
        Decision::MigrateNow
    } else if net >= gradually_from {
        Decision::MigrateGradually
    } else {
        Decision::Stay
    }
}

/// One-time migration labor: engineer-weeks × loaded monthly cost ÷ (52/12).
pub fn migration_labor(engineer_weeks: Decimal, loaded_monthly: Decimal) -> Decimal {
    engineer_weeks * loaded_monthly / weeks_per_month()
}

/// Dual-running cost: the AWS services a phase adds, paid while the old ones still run.
pub fn dual_running(aws_added_monthly: Decimal, weeks: Decimal) -> Decimal {
    aws_added_monthly.max(Decimal::ZERO) * weeks / weeks_per_month()
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
pub struct CashFlowInputs {
    /// Paid at month 0.
    pub one_time: Decimal,
    /// The phase's terms at month 1 (today's traffic).
    pub terms: RoiTerms,
    /// Monthly traffic growth, percent: the infra delta (and the downtime term when it scales)
    /// grow by it every month.
    pub monthly_growth_percent: Decimal,
    /// Whether the downtime term grows with traffic.
    pub downtime_scales: bool,
    /// Annual discount rate, percent.
    pub annual_discount_percent: Decimal,
    /// Months projected.
    pub horizon_months: u32,
}

/// One month of a projection.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct MonthFlow {
    /// Month, 0 = the migration itself.
    pub month: u32,
    /// Net cash flow of the month.
    #[serde(with = "crate::report::json::money")]
    pub net_usd: Decimal,
    /// Running total.
    #[serde(with = "crate::report::json::money")]
    pub cumulative_usd: Decimal,
    /// Running total of discounted flows.
    #[serde(with = "crate::report::json::money")]
    pub discounted_cumulative_usd: Decimal,
}

/// The monthly discount factor 1 / (1 + annual)^(1/12).
pub fn monthly_discount(annual_percent: Decimal) -> Decimal {
    let base = Decimal::ONE + annual_percent / Decimal::ONE_HUNDRED;
    if base <= Decimal::ZERO {
        return Decimal::ONE;
    }
    let monthly = base.powd(Decimal::ONE / Decimal::from(12));
    Decimal::ONE / monthly
}

/// Month-by-month cash flow: month 0 pays the one-time cost, month m ≥ 1 earns the net benefit
/// with the infra delta (and, when it scales, the downtime term) multiplied by
/// (1 + growth)^(m − 1). Flows are discounted by (1 + annual rate)^(m / 12).
pub fn cash_flow(i: &CashFlowInputs) -> Vec<MonthFlow> {
    let growth = Decimal::ONE + i.monthly_growth_percent / Decimal::ONE_HUNDRED;
    let disc = monthly_discount(i.annual_discount_percent);
    let mut out = Vec::with_capacity(i.horizon_months as usize + 1);
    let mut cumulative = -i.one_time;
    let mut discounted = -i.one_time;
    out.push(MonthFlow {
        month: 0,
        net_usd: -i.one_time,
        cumulative_usd: cumulative,
        discounted_cumulative_usd: discounted,
    });
    let mut g = Decimal::ONE;
    let mut d = Decimal::ONE;
    for month in 1..=i.horizon_months {
        d *= disc;
        let t = &i.terms;
        let downtime = if i.downtime_scales { t.downtime_saved_usd * g } else { t.downtime_saved_usd };
        let net =
            net_monthly_benefit(t.infra_delta_usd * g, t.ops_labor_saved_usd, downtime, t.productivity_gained_usd);
        cumulative += net;
        discounted += net * d;
        out.push(MonthFlow {
            month,
            net_usd: net.round_dp(10),
            cumulative_usd: cumulative.round_dp(10),
            discounted_cumulative_usd: discounted.round_dp(10),
        });
        g = (g * growth).round_dp(16);
    }
    out
}

/// The first month whose cumulative cash flow is at least 0, if any within the projection.
pub fn payback_month_in(flows: &[MonthFlow]) -> Option<u32> {
    flows.iter().find(|f| f.cumulative_usd >= Decimal::ZERO).map(|f| f.month)
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
    }

    #[test]
    fn decision_rule_thresholds() {
        let (now, grad) = (d("1000"), d("0"));
        assert_eq!(decide(d("1000.01"), now, grad), Decision::MigrateNow);
        assert_eq!(decide(d("1000"), now, grad), Decision::MigrateGradually);
        assert_eq!(decide(d("0"), now, grad), Decision::MigrateGradually);
        assert_eq!(decide(d("-0.01"), now, grad), Decision::Stay);
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
    fn cash_flow_without_growth_or_discount() {
        let terms = RoiTerms {
            infra_delta_usd: d("100"),
            ops_labor_saved_usd: d("600"),
            downtime_saved_usd: d("0"),
            productivity_gained_usd: d("0"),
        };
        let flows = cash_flow(&CashFlowInputs {
            one_time: d("1200"),
            terms,
            monthly_growth_percent: d("0"),
            downtime_scales: true,
            annual_discount_percent: d("0"),
            horizon_months: 4,
        });
        let cum: Vec<_> = flows.iter().map(|f| f.cumulative_usd).collect();
        assert_eq!(cum, [d("-1200"), d("-700"), d("-200"), d("300"), d("800")]);
        assert_eq!(flows[4].discounted_cumulative_usd, d("800"));
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
        assert_eq!(flows[3].cumulative_usd, d("-331"));
        // 12.6825% a year is 1% a month: the first month is worth 100 / 1.01.
        let disc = monthly_discount(d("12.682503013196972"));
        assert!((Decimal::ONE / disc - d("1.01")).abs() < d("0.0000001"), "{disc}");
    }
}
