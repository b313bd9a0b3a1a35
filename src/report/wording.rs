//! The words every human-readable format shares, written once: decisions and the decision tree's
//! outcome, payback, signed percentages, a cost that is only a lower bound, switch points, and the
//! display names of services. Machine formats (JSON, CSV) write the plan's own codes instead.

use rust_decimal::Decimal;

use crate::cost::{FlaggedPrice, PriceFlags};
use crate::i18n::Locale;
use crate::plan::switch::Crossing;
use crate::plan::PhasePlan;
use crate::pricing::PriceStatus;
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

/// What is said beside a unit price that is not a plain confirmed, fresh one: ` (derived)`,
/// ` (unconfirmed)`, ` (stale)`, ` (derived, stale)`; nothing for a confirmed, fresh price.
pub fn price_mark(l: &Locale, status: PriceStatus, stale: bool) -> String {
    let kind = match status {
        PriceStatus::Confirmed => None,
        PriceStatus::Derived => Some("flag-derived"),
        PriceStatus::Unconfirmed => Some("flag-unconfirmed"),
    };
    match (kind, stale) {
        (None, false) => String::new(),
        (None, true) => format!(" {}", l.t("mark-stale")),
        (Some(k), false) => format!(" {}", tr!(l, "mark-flag", flag = l.t(k))),
        (Some(k), true) => format!(" {}", tr!(l, "mark-flag-stale", flag = l.t(k))),
    }
}

/// The summary of the flagged prices a document uses: how many of each kind, and the fix; `None`
/// when every price is confirmed and fresh.
pub fn price_flags_summary(l: &Locale, f: &PriceFlags) -> Option<String> {
    if f.is_empty() {
        return None;
    }
    let region = f.refresh.rsplit(' ').next().unwrap_or_default();
    Some(tr!(
        l,
        "price-flags-summary",
        derived = f.derived,
        unconfirmed = f.unconfirmed,
        stale = f.stale,
        months = crate::pricing::STALE_AFTER_MONTHS,
        refresh = f.refresh,
        region = region
    ))
}

/// One flagged price in the notes: `derived price a = 2 x b (as of 2021-08-03, stale)`,
/// `unconfirmed price c (as of 2026-11-01): why`, `stale price d (as of 2024-07-01)`.
pub fn flagged_price(l: &Locale, p: &FlaggedPrice) -> String {
    let rule = p.rule.as_ref().map(|r| format!(" = {r}")).unwrap_or_default();
    let (id, why) = match (p.status, p.stale) {
        (PriceStatus::Confirmed, _) => ("flagged-stale", String::new()),
        (PriceStatus::Derived, false) => ("flagged-derived", String::new()),
        (PriceStatus::Derived, true) => ("flagged-derived-stale", String::new()),
        (PriceStatus::Unconfirmed, stale) => (
            if stale { "flagged-unconfirmed-stale" } else { "flagged-unconfirmed" },
            p.note.clone().unwrap_or_else(|| l.t("unconfirmed-default-reason")),
        ),
    };
    tr!(l, id, id = p.id, rule = rule, as_of = p.as_of, why = why)
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
        "public_ipv4" => "service-public-ipv4",
        "vpc_endpoints" => "service-vpc-endpoints",
        "sns" => "service-sns",
        "secrets_manager" => "service-secrets-manager",
        "s3" => "service-s3",
        "ecr" => "service-ecr",
        "eks" => "service-eks",
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
    fn price_flags_read_the_same_everywhere() {
        let l = &Locale::english();
        assert_eq!(price_mark(l, PriceStatus::Confirmed, false), "");
        assert_eq!(price_mark(l, PriceStatus::Derived, true), " (derived, stale)");
        assert_eq!(price_mark(l, PriceStatus::Confirmed, true), " (stale)");
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
            flagged_price(l, &p(PriceStatus::Derived, true, Some("2 x y"), Some("doc"))),
            "derived price x = 2 x y (as of 2021-08-03, stale)"
        );
        assert_eq!(
            flagged_price(l, &p(PriceStatus::Unconfirmed, false, None, Some("us-east-1 rate"))),
            "unconfirmed price x (as of 2021-08-03): us-east-1 rate"
        );
        assert_eq!(flagged_price(l, &p(PriceStatus::Confirmed, true, None, None)), "stale price x (as of 2021-08-03)");
        assert_eq!(price_flags_summary(l, &PriceFlags::default()), None);
        let f = PriceFlags {
            derived: 1,
            unconfirmed: 0,
            stale: 1,
            prices: vec![p(PriceStatus::Derived, true, Some("2 x y"), None)],
            refresh: "obs-cost pricing refresh --region ap-northeast-2".into(),
        };
        let s = price_flags_summary(l, &f).unwrap();
        assert!(s.starts_with("Prices: 1 derived, 0 unconfirmed and 1 stale"), "{s}");
        assert!(s.contains("`obs-cost pricing refresh --region ap-northeast-2` re-reads them"), "{s}");
        assert!(s.contains("pricing show --region ap-northeast-2 --status"), "{s}");
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
