//! The engine against pricing examples AWS publishes and independent published calculations.
//! Each test names its source; where the source rounds differently or is wrong, the test says so.

use std::str::FromStr;

use obs_cost::cost::{self, Costing};
use obs_cost::model::{AwsUsage, ModelContext};
use obs_cost::pricing::PriceBook;
use rust_decimal::Decimal;

fn d(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

fn price(yaml: &str, free_tier: bool) -> Costing {
    let usage: AwsUsage = serde_yaml::from_str(yaml).unwrap();
    let hours = usage.hours_per_month.map_or(obs_cost::units::HOURS_PER_MONTH, |h| h.get());
    let ctx = ModelContext { hours_per_month: hours };
    let region = usage.region.clone().unwrap_or_else(|| "us-east-1".into());
    cost::price(&PriceBook::bundled().unwrap(), &region, free_tier, usage.components(&ctx)).unwrap()
}

fn service(c: &Costing, key: &str) -> Decimal {
    c.services.iter().find(|s| s.service == key).map(|s| s.monthly_usd.0).unwrap()
}

/// https://aws.amazon.com/xray/pricing/ "Example 1": 2,000 requests/hour at 10 % sampling over a
/// 31-day month = 148,800 traces recorded; 100 queries a day scanning 200 and retrieving 50 traces.
/// Published: recorded $0.24 (48,800 × $0.000005 after the free 100,000); retrieved + scanned
/// (775,000) within the free 1,000,000 = $0; X-Ray Insights on the 148,800 recorded traces at
/// $0.000001 = $0.15 (no free tier). Published total: "0,24 USD + 0,15 USD = 0,39 USD".
#[test]
fn aws_xray_example_1() {
    let c = price("xray: {traces_recorded: 148800, traces_retrieved: 155000, traces_scanned: 620000}", true);
    assert_eq!(c.total_monthly_usd, d("0.244"));
    assert_eq!(obs_cost::units::round_cents(c.total_monthly_usd), d("0.24"));
    let c = price(
        "xray: {traces_recorded: 148800, traces_retrieved: 155000, traces_scanned: 620000, insights_traces_processed: 148800}",
        true,
    );
    assert_eq!(c.total_monthly_usd, d("0.244") + d("0.1488"));
    assert_eq!(obs_cost::units::round_cents(c.total_monthly_usd), d("0.39"));
}

/// CloudWatch pricing page, EC2 detailed monitoring example: "7 metrics per instance * 10
/// instances = 70 metrics … 70 * $0.30 = $21" (the example ignores the free tier; with it, $18).
#[test]
fn aws_cloudwatch_detailed_monitoring_example() {
    assert_eq!(price("cloudwatch_metrics: {custom_metrics: 70}", false).total_monthly_usd, d("21"));
    assert_eq!(price("cloudwatch_metrics: {custom_metrics: 70}", true).total_monthly_usd, d("18"));
}

/// CloudWatch pricing page, Logs example: 1 GB/day of web access logs for a 30-day month,
/// compressed to 6 GB stored: "5 to 30GB: $0.50 * 25 = $12.50", "5GB to 6GB: $0.03 * 1 = $0.03",
/// total $12.53.
#[test]
fn aws_cloudwatch_logs_example() {
    let c = price("cloudwatch_logs: {ingested_gb: 30, stored_gb: 6, insights_scanned_gb: 0}", true);
    assert_eq!(c.total_monthly_usd, d("12.53"));
}

/// CloudWatch pricing page, vended logs example: 72 TB of VPC Flow Logs to CloudWatch Logs,
/// tiered 10/20/20/22 TB (1 TB = 1,024 GB) = $13,414.40, plus 30 TB stored × $0.03 = $921.60;
/// total $14,336.00, no free tier.
#[test]
fn aws_vended_logs_example() {
    let c = price(
        "cloudwatch_logs: {ingested_gb: 0, insights_scanned_gb: 0, vended_ingested_gb: 73728, stored_gb: 30720}",
        false,
    );
    assert_eq!(c.total_monthly_usd, d("14336.00"));
    let vended: Decimal = c.services[0]
        .line_items
        .iter()
        .filter(|l| l.name.starts_with("Vended"))
        .filter_map(|l| l.monthly_usd)
        .map(|m| m.0)
        .sum();
    assert_eq!(vended, d("13414.40"));
}

/// infracost `cloudwatch_log_group_test` golden (@95ba4f49): 1,000 GB ingested, 500 GB stored,
/// 250 GB scanned, no free tier: $500.00 + $15.00 + $1.25 = $516.25.
#[test]
fn infracost_log_group_golden() {
    let c = price("cloudwatch_logs: {ingested_gb: 1000, stored_gb: 500, insights_scanned_gb: 250}", false);
    assert_eq!(c.total_monthly_usd, d("516.25"));
}

/// infracost `cloudwatch_metric_alarm_test` golden: a standard alarm $0.10, a 10 s alarm $0.30,
/// a metric-math alarm over 2 metrics $0.20, an anomaly-detection alarm at 30 s = 3 high-resolution
/// alarm metrics $0.90: $1.50 in all.
#[test]
fn infracost_alarms_golden() {
    let c = price(
        "cloudwatch_alarms: {standard_alarm_metrics: 3, high_resolution_alarm_metrics: 4, composite_alarms: 0}",
        false,
    );
    assert_eq!(c.total_monthly_usd, d("1.50"));
}

/// infracost `cloudwatch_dashboard_test` golden: one dashboard, $3.00.
#[test]
fn infracost_dashboard_golden() {
    assert_eq!(price("cloudwatch_dashboards: {dashboards: 1}", false).total_monthly_usd, d("3.00"));
}

/// infracost `grafana_workspace_test` golden: 2 editors × $9 + 3 viewers × $5 = $33 per workspace.
#[test]
fn infracost_grafana_golden() {
    assert_eq!(price("managed_grafana: {editors: 2, viewers: 3}", false).total_monthly_usd, d("33"));
}

/// Site24x7's GetMetricData example: 172,800 metrics requested × $0.01 per 1,000 = $1.73 (no free tier
/// for GetMetricData, so the free-tier setting does not change it).
#[test]
fn get_metric_data_has_no_free_tier() {
    let c = price("cloudwatch_metrics: {custom_metrics: 0, api_requests: 0, get_metric_data_metrics: 172800}", true);
    assert_eq!(obs_cost::units::round_cents(service(&c, "cloudwatch_metrics")), d("1.73"));
}

/// Amazon Managed Service for Prometheus: the pricing page's rates (free 40M samples, then $0.90 /
/// $0.35 / $0.16 per 10M samples at 2B / 250B; storage $0.03 per GB-month after 10 GB; $0.10 per
/// billion query samples after 200B), applied to 300B samples, 500 GB and 1T query samples.
#[test]
fn amp_tiers_and_free_tier() {
    let c =
        price("managed_prometheus: {samples_ingested: 300e9, storage_gb: 500, query_samples_processed: 1e12}", true);
    let samples = (d("2000000000") - d("40000000")) * d("0.00000009")
        + d("250000000000") * d("0.000000035")
        + d("48000000000") * d("0.000000016");
    let expected = samples + d("490") * d("0.03") + d("800000000000") * d("0.0000000001");
    assert_eq!(c.total_monthly_usd, expected);
    assert_eq!(expected, d("176.4") + d("8750") + d("768") + d("14.7") + d("80"));
}

/// ELB pricing page, ALB example (us-east-1, a 720-hour month): 1 new connection/s lasting 2
/// minutes (120 active connections/min), 5 requests/s, 300 KB/s processed (1.08 GB/h), 60 rules
/// (5 × (60 − 10 free) = 250 billable rule evaluations/s). LCUs: 0.04, 0.04, 1.08, 0.25 → 1.08.
/// Published: 1.08 × $0.008 × 720 = $6.22 plus $0.0225 × 720 = $16.20, $22.42.
#[test]
fn aws_alb_lcu_example() {
    let yaml = "hours_per_month: 720\nload_balancers: [{name: web, type: application, processed_gb: 777.6, new_connections_per_second: 1, active_connections_per_minute: 120, rule_evaluations_per_second: 250}]";
    let c = price(yaml, false);
    assert_eq!(c.total_monthly_usd, d("16.20") + d("6.2208"));
    assert_eq!(obs_cost::units::round_cents(c.total_monthly_usd), d("22.42"));
}

/// AWS Solutions "Keycloak on AWS" cost table (aws-samples/keycloak-on-aws, docs/en/
/// implementation-guide/cost.md): 2 Fargate tasks of 1 vCPU, 2 GB and 20 GB ephemeral storage,
/// 730 h: $59.1008 + $12.9794 = $72.08; an ALB with 100 GB/month and 40 new connections/s
/// (1.6 LCU): $16.425 + 1.6 × $0.008 × 730 = $25.77.
#[test]
fn aws_solutions_keycloak_cost_table() {
    let c = price(
        "fargate: [{name: keycloak, architecture: x86_64, vcpu: 1, memory_gb: 2, tasks: 2, ephemeral_storage_gb: 20}]\nload_balancers: [{name: alb, type: application, processed_gb: 100, new_connections_per_second: 40}]",
        false,
    );
    assert_eq!(service(&c, "fargate"), d("72.0802"));
    assert_eq!(service(&c, "load_balancers"), d("25.769"));
    assert_eq!(obs_cost::units::round_cents(service(&c, "load_balancers")), d("25.77"));
}

/// infracost `db_instance_test` golden: PostgreSQL db.t3.large Single-AZ $105.85, 20 GB gp2 $2.30,
/// 1,000 GB backup $95.00: $203.15.
#[test]
fn infracost_rds_golden() {
    let c = price(
        "rds: [{name: db, engine: postgres, instance_class: db.t3.large, multi_az: false, storage_type: gp2, storage_gb: 20, backup_storage_gb: 1000}]",
        false,
    );
    assert_eq!(c.total_monthly_usd, d("203.15"));
}

/// infracost `nat_gateway_test` golden: $32.85 a month plus 100 GB × $0.045 = $37.35; a published
/// blog check with 500 GB: $55.35.
#[test]
fn nat_gateway_goldens() {
    assert_eq!(price("nat_gateways: [{name: nat, count: 1, processed_gb: 100}]", false).total_monthly_usd, d("37.35"));
    assert_eq!(price("nat_gateways: [{name: nat, count: 1, processed_gb: 500}]", false).total_monthly_usd, d("55.35"));
}

/// infracost `data_transfer_test` golden (us-east-1): 57,000 GB out to the internet priced as
/// 10,240 × $0.09 + 40,960 × $0.085 + 5,800 × $0.07 = $4,809.20 (the golden adds $40 of
/// intra-region transfer, which obs-cost does not model), with no free tier.
#[test]
fn infracost_data_transfer_golden() {
    assert_eq!(price("data_transfer_out_gb: 57000", false).total_monthly_usd, d("4809.20"));
    // The 100 GB monthly allowance comes off the first tier: 100 × $0.09 less.
    assert_eq!(price("data_transfer_out_gb: 57000", true).total_monthly_usd, d("4800.20"));
}
