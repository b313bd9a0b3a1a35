//! The words every human-readable format shares, written once: decisions and the decision tree's
//! outcome, payback, signed percentages, a cost that is only a lower bound, switch points, and the
//! display names of services. Machine formats (JSON, CSV) write the plan's own codes instead.

use rust_decimal::Decimal;

use crate::cost::PriceRef;
use crate::i18n::Locale;
use crate::plan::switch::Crossing;
use crate::plan::PhasePlan;
use crate::roi::tree::Outcome;
use crate::roi::Decision;
use crate::tr;
use crate::units::group_thousands;

/// The ROI rule's decision in words: `migrate now`, `migrate gradually`, `stay self-hosted`.
pub fn decision(l: &Locale, d: Decision) -> String {
    l.t(match d {
        Decision::MigrateNow => "decision-migrate-now",
        Decision::MigrateGradually => "decision-migrate-gradually",
        Decision::Stay => "decision-stay",
    })
}

/// A phase's decision in words, marked `(provisional)` when unknown usage makes it so.
pub fn phase_decision(l: &Locale, p: &PhasePlan) -> String {
    if p.provisional {
        tr!(l, "decision-provisional", decision = decision(l, p.decision))
    } else {
        decision(l, p.decision)
    }
}

/// The decision tree's outcome in words.
pub fn outcome(l: &Locale, o: Outcome) -> String {
    l.t(match o {
        Outcome::KeepCompose => "outcome-keep-compose",
        Outcome::ConsiderAws => "outcome-consider-aws",
        Outcome::MigrateToAws => "outcome-migrate-to-aws",
        Outcome::GradualMigration => "outcome-gradual-migration",
    })
}

/// Payback as data: whole months, or `never` (the CSV; the scenario suite says it the same way).
pub use crate::units::months_or_never as payback_months;

/// Payback in a table cell: `4 mo` or `never`.
pub fn payback_cell(l: &Locale, months: Option<u32>) -> String {
    months.map_or_else(|| l.t("payback-never"), |m| tr!(l, "payback-cell", months = m))
}

/// Payback with the month the growing cash flow breaks even, when that differs: `4 months`,
/// `4 months (month 5 with growth)`, `never`.
pub fn payback_text(l: &Locale, months: Option<u32>, in_horizon: Option<u32>) -> String {
    match (months, in_horizon) {
        (Some(m), Some(h)) if m == h => tr!(l, "payback-months", months = m),
        (Some(m), Some(h)) => tr!(l, "payback-months-growth", months = m, month = h),
        (Some(m), None) => tr!(l, "payback-months-not-in-horizon", months = m),
        (None, Some(h)) => tr!(l, "payback-growth-only", month = h),
        (None, None) => l.t("payback-never"),
    }
}

/// A signed percentage, two decimals at most: `+12.5%`, `-3%`, `0%`.
pub fn percent(v: Decimal) -> String {
    if v > Decimal::ZERO {
        format!("+{}%", group_thousands(v, 2))
    } else {
        format!("{}%", group_thousands(v, 2))
    }
}

/// A monthly cost, marked as a lower bound when some of its line items have unknown usage:
/// `$12.00` or `≥ $12.00 (2 unknown)`.
pub fn lower_bound(l: &Locale, usd_value: Decimal, unknown_line_items: usize) -> String {
    if unknown_line_items > 0 {
        tr!(l, "lower-bound", amount = l.money(usd_value), unknown = unknown_line_items)
    } else {
        l.money(usd_value)
    }
}

/// A switch point: the value with its direction (`from 12,000`, `below 40`), or why there is none.
pub fn crossing(l: &Locale, value: Option<String>, status: Crossing) -> String {
    match (value, status) {
        (Some(v), Crossing::RisesAbove) => tr!(l, "crossing-from", value = v),
        (Some(v), Crossing::FallsBelow) => tr!(l, "crossing-below", value = v),
        (_, Crossing::AlwaysAbove) => l.t("crossing-whole-range"),
        _ => l.t("crossing-never"),
    }
}

/// Why a price is unconfirmed: the price book's note (its own words, as the source gives them),
/// or the standard reason.
pub fn unconfirmed_reason(l: &Locale, p: &PriceRef) -> String {
    p.note.clone().unwrap_or_else(|| l.t("unconfirmed-default-reason"))
}

/// The note under a table for an unconfirmed price it uses (marked †).
pub fn unconfirmed_note(l: &Locale, p: &PriceRef) -> String {
    tr!(
        l,
        "unconfirmed-note",
        id = p.id,
        service_code = p.service_code,
        usage_type = p.usage_type,
        region = p.region,
        as_of = p.as_of,
        reason = unconfirmed_reason(l, p)
    )
}

/// The display name of a service key of the cost engine (`cloudwatch_logs` → `CloudWatch Logs`).
pub fn service_name(l: &Locale, key: &str) -> String {
    let id = match key {
        "cloudwatch_metrics" => "service-cloudwatch-metrics",
        "cloudwatch_alarms" => "service-cloudwatch-alarms",
        "cloudwatch_dashboards" => "service-cloudwatch-dashboards",
        "cloudwatch_logs" => "service-cloudwatch-logs",
        "xray" => "service-xray",
        "managed_prometheus" => "service-managed-prometheus",
        "managed_grafana" => "service-managed-grafana",
        "rds" => "service-rds",
        "elasticache" => "service-elasticache",
        "fargate" => "service-fargate",
        "load_balancers" => "service-load-balancers",
        "nat_gateways" => "service-nat-gateways",
        "data_transfer" => "service-data-transfer",
        "ec2" => "service-ec2",
        "ebs" => "service-ebs",
        other => return other.to_string(),
    };
    l.t(id)
}

/// A phase's name: the seed's five (`monitoring`, `logs`, ...) in the language, a scenario's own
/// as written.
pub fn phase_name(l: &Locale, name: &str) -> String {
    l.term(name)
}

/// A workload's name (`metrics`, `database`) in the language.
pub fn workload(l: &Locale, w: crate::scenario::Workload) -> String {
    l.term(w.as_str())
}

/// A list of workloads, comma-separated.
pub fn workloads(l: &Locale, ws: &[crate::scenario::Workload]) -> String {
    ws.iter().map(|w| workload(l, *w)).collect::<Vec<_>>().join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn payback_reads_the_same_everywhere() {
        let l = &Locale::english();
        assert_eq!(payback_months(Some(4)), "4");
        assert_eq!(payback_cell(l, Some(4)), "4 mo");
        assert_eq!(payback_text(l, Some(1), Some(1)), "1 month");
        assert_eq!(payback_text(l, Some(4), Some(5)), "4 months (month 5 with growth)");
        for words in [payback_months(None), payback_cell(l, None), payback_text(l, None, None)] {
            assert_eq!(words, "never");
        }
        let ko = &Locale::new(crate::i18n::Lang::Ko);
        assert_eq!(payback_cell(ko, Some(4)), "4개월");
        assert_eq!(payback_text(ko, Some(4), Some(5)), "4개월 (성장 반영 시 5개월 차)");
    }

    #[test]
    fn percentages_and_lower_bounds() {
        assert_eq!(percent(Decimal::new(125, 1)), "+12.5%");
        assert_eq!(percent(Decimal::new(-3, 0)), "-3%");
        assert_eq!(percent(Decimal::ZERO), "0%");
        let l = &Locale::english();
        assert_eq!(lower_bound(l, Decimal::from(12), 0), "$12.00");
        assert_eq!(lower_bound(l, Decimal::from(12), 2), "≥ $12.00 (2 unknown)");
    }
}
