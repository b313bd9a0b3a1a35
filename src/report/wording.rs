//! The words every human-readable format shares, written once: decisions and the decision tree's
//! outcome, payback, signed percentages, a cost that is only a lower bound, switch points, and the
//! display names of services. Machine formats (JSON, CSV) write the plan's own codes instead.

use rust_decimal::Decimal;

use crate::cost::{FlaggedPrice, PriceFlags};
use crate::plan::switch::Crossing;
use crate::plan::PhasePlan;
use crate::pricing::PriceStatus;
use crate::roi::tree::Outcome;
use crate::roi::Decision;
use crate::units::{group_thousands, usd};

/// The ROI rule's decision in words: `migrate now`, `migrate gradually`, `stay self-hosted`.
pub fn decision(d: Decision) -> &'static str {
    match d {
        Decision::MigrateNow => "migrate now",
        Decision::MigrateGradually => "migrate gradually",
        Decision::Stay => "stay self-hosted",
    }
}

/// A phase's decision in words, marked `(provisional)` when unknown usage makes it so.
pub fn phase_decision(p: &PhasePlan) -> String {
    format!("{}{}", decision(p.decision), if p.provisional { " (provisional)" } else { "" })
}

/// The decision tree's outcome in words.
pub fn outcome(o: Outcome) -> &'static str {
    match o {
        Outcome::KeepCompose => "keep Compose (stay self-hosted)",
        Outcome::ConsiderAws => "consider AWS",
        Outcome::MigrateToAws => "migrate to AWS",
        Outcome::GradualMigration => "gradual migration",
    }
}

/// Payback as data: whole months, or `never` (the CSV; the scenario suite says it the same way).
pub use crate::units::months_or_never as payback_months;

/// Payback in a table cell: `4 mo` or `never`.
pub fn payback_cell(months: Option<u32>) -> String {
    months.map_or_else(|| "never".to_string(), |m| format!("{m} mo"))
}

/// Payback with the month the growing cash flow breaks even, when that differs: `4 months`,
/// `4 months (month 5 with growth)`, `never`.
pub fn payback_text(months: Option<u32>, in_horizon: Option<u32>) -> String {
    match (months, in_horizon) {
        (Some(1), Some(1)) => "1 month".into(),
        (Some(m), Some(h)) if m == h => format!("{m} months"),
        (Some(m), Some(h)) => format!("{m} months (month {h} with growth)"),
        (Some(m), None) => format!("{m} months (not within the horizon with growth)"),
        (None, Some(h)) => format!("month {h} (with growth)"),
        (None, None) => "never".into(),
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
pub fn lower_bound(usd_value: Decimal, unknown_line_items: usize) -> String {
    if unknown_line_items > 0 {
        format!("≥ {} ({unknown_line_items} unknown)", usd(usd_value))
    } else {
        usd(usd_value)
    }
}

/// A switch point: the value with its direction (`from 12,000`, `below 40`), or why there is none.
pub fn crossing(value: Option<String>, status: Crossing) -> String {
    match (value, status) {
        (Some(v), Crossing::RisesAbove) => format!("from {v}"),
        (Some(v), Crossing::FallsBelow) => format!("below {v}"),
        (_, Crossing::AlwaysAbove) => "whole range".into(),
        _ => "never within range".into(),
    }
}

/// What is said beside a unit price that is not a plain confirmed, fresh one: ` (derived)`,
/// ` (unconfirmed)`, ` (stale)`, ` (derived, stale)`; nothing for a confirmed, fresh price.
pub fn price_mark(status: PriceStatus, stale: bool) -> String {
    let mut flags = Vec::new();
    if status != PriceStatus::Confirmed {
        flags.push(status.as_str());
    }
    if stale {
        flags.push("stale");
    }
    if flags.is_empty() {
        String::new()
    } else {
        format!(" ({})", flags.join(", "))
    }
}

/// The summary of the flagged prices a document uses: how many of each kind, and the fix; `None`
/// when every price is confirmed and fresh.
pub fn price_flags_summary(f: &PriceFlags) -> Option<String> {
    if f.is_empty() {
        return None;
    }
    let region = f.refresh.rsplit(' ').next().unwrap_or_default();
    Some(format!(
        "Prices: {} derived, {} unconfirmed and {} stale (source more than {} months older than the price book's snapshot) are used, marked beside their lines and listed below; `{}` re-reads them from AWS, `obs-cost pricing show --region {region} --status unconfirmed` shows where each came from.",
        f.derived,
        f.unconfirmed,
        f.stale,
        crate::pricing::STALE_AFTER_MONTHS,
        f.refresh
    ))
}

/// One flagged price in the notes: `derived price a = 2 x b (as of 2021-08-03, stale)`,
/// `unconfirmed price c (as of 2026-11-01): why`, `stale price d (as of 2024-07-01)`.
pub fn flagged_price(p: &FlaggedPrice) -> String {
    let kind = if p.status == PriceStatus::Confirmed { "stale" } else { p.status.as_str() };
    let rule = p.rule.as_ref().map(|r| format!(" = {r}")).unwrap_or_default();
    let stale = if p.stale && p.status != PriceStatus::Confirmed { ", stale" } else { "" };
    let why = match (&p.note, p.status) {
        (Some(note), PriceStatus::Unconfirmed) => format!(": {note}"),
        (None, PriceStatus::Unconfirmed) => ": not confirmed for this region".to_string(),
        _ => String::new(),
    };
    format!("{kind} price {}{rule} (as of {}{stale}){why}", p.id, p.as_of)
}

/// The display name of a service key of the cost engine (`cloudwatch_logs` → `CloudWatch Logs`).
pub fn service_name(key: &str) -> &str {
    match key {
        "cloudwatch_metrics" => "CloudWatch metrics",
        "cloudwatch_alarms" => "CloudWatch alarms",
        "cloudwatch_dashboards" => "CloudWatch dashboards",
        "cloudwatch_logs" => "CloudWatch Logs",
        "xray" => "X-Ray",
        "managed_prometheus" => "Managed Prometheus",
        "managed_grafana" => "Managed Grafana",
        "rds" => "RDS",
        "elasticache" => "ElastiCache",
        "fargate" => "ECS Fargate",
        "load_balancers" => "Load balancers",
        "nat_gateways" => "NAT gateways",
        "public_ipv4" => "Public IPv4 addresses",
        "vpc_endpoints" => "VPC endpoints",
        "sns" => "SNS",
        "secrets_manager" => "Secrets Manager",
        "s3" => "S3",
        "ecr" => "ECR",
        "eks" => "EKS",
        "data_transfer" => "Data transfer",
        "ec2" => "EC2",
        "ebs" => "EBS",
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn payback_reads_the_same_everywhere() {
        assert_eq!(payback_months(Some(4)), "4");
        assert_eq!(payback_cell(Some(4)), "4 mo");
        assert_eq!(payback_text(Some(4), Some(5)), "4 months (month 5 with growth)");
        for words in [payback_months(None), payback_cell(None), payback_text(None, None)] {
            assert_eq!(words, "never");
        }
    }

    #[test]
    fn price_flags_read_the_same_everywhere() {
        assert_eq!(price_mark(PriceStatus::Confirmed, false), "");
        assert_eq!(price_mark(PriceStatus::Derived, true), " (derived, stale)");
        assert_eq!(price_mark(PriceStatus::Confirmed, true), " (stale)");
        let p = |status, stale, rule: Option<&str>, note: Option<&str>| FlaggedPrice {
            id: "x".into(),
            status,
            stale,
            as_of: "2021-08-03".into(),
            rule: rule.map(String::from),
            note: note.map(String::from),
            source: "s".into(),
        };
        assert_eq!(
            flagged_price(&p(PriceStatus::Derived, true, Some("2 x y"), Some("doc"))),
            "derived price x = 2 x y (as of 2021-08-03, stale)"
        );
        assert_eq!(
            flagged_price(&p(PriceStatus::Unconfirmed, false, None, Some("us-east-1 rate"))),
            "unconfirmed price x (as of 2021-08-03): us-east-1 rate"
        );
        assert_eq!(flagged_price(&p(PriceStatus::Confirmed, true, None, None)), "stale price x (as of 2021-08-03)");
        assert_eq!(price_flags_summary(&PriceFlags::default()), None);
        let f = PriceFlags {
            derived: 1,
            unconfirmed: 0,
            stale: 1,
            prices: vec![p(PriceStatus::Derived, true, Some("2 x y"), None)],
            refresh: "obs-cost pricing refresh --region ap-northeast-2".into(),
        };
        let s = price_flags_summary(&f).unwrap();
        assert!(s.starts_with("Prices: 1 derived, 0 unconfirmed and 1 stale"), "{s}");
        assert!(s.contains("`obs-cost pricing refresh --region ap-northeast-2` re-reads them"), "{s}");
        assert!(s.contains("pricing show --region ap-northeast-2 --status"), "{s}");
    }

    #[test]
    fn percentages_and_lower_bounds() {
        assert_eq!(percent(Decimal::new(125, 1)), "+12.5%");
        assert_eq!(percent(Decimal::new(-3, 0)), "-3%");
        assert_eq!(percent(Decimal::ZERO), "0%");
        assert_eq!(lower_bound(Decimal::from(12), 0), "$12.00");
        assert_eq!(lower_bound(Decimal::from(12), 2), "≥ $12.00 (2 unknown)");
    }
}
