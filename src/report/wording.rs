//! The words every human-readable format shares, written once: decisions and the decision tree's
//! outcome, payback, signed percentages, a cost that is only a lower bound, switch points, and the
//! display names of services. Machine formats (JSON, CSV) write the plan's own codes instead.

use rust_decimal::Decimal;

use crate::cost::PriceRef;
use crate::plan::switch::Crossing;
use crate::plan::PhasePlan;
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

/// The note under a table for an unconfirmed price it uses (marked †).
pub fn unconfirmed_note(p: &PriceRef) -> String {
    format!(
        "† unconfirmed price {} ({} {}, {}, as of {}): {}",
        p.id,
        p.service_code,
        p.usage_type,
        p.region,
        p.as_of,
        p.note.as_deref().unwrap_or("not confirmed for this region")
    )
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
    fn percentages_and_lower_bounds() {
        assert_eq!(percent(Decimal::new(125, 1)), "+12.5%");
        assert_eq!(percent(Decimal::new(-3, 0)), "-3%");
        assert_eq!(percent(Decimal::ZERO), "0%");
        assert_eq!(lower_bound(Decimal::from(12), 0), "$12.00");
        assert_eq!(lower_bound(Decimal::from(12), 2), "≥ $12.00 (2 unknown)");
    }
}
