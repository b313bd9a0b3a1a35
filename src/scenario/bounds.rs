//! The allowed range of every numeric key of a scenario file, in one table, and the check that
//! holds a file's values to it (each value of a `{low, expected, high}` range on its own). The
//! bounds keep every later computation finite: no division by zero, no overflow of an exact
//! decimal, no panic on any value that parses. Checks between keys stay in `scenario::validate`.

use rust_decimal::Decimal;
use serde_yaml::Value;

use super::{bad, Invalid};

/// The range one numeric key allows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Bound {
    /// The lowest value.
    pub min: i128,
    /// Whether `min` itself is refused (the value must be above it).
    pub above: bool,
    /// The highest value.
    pub max: i128,
    /// Whether only whole numbers make sense (counts of things).
    pub whole: bool,
    /// What the value is, for the message (`a number of series`).
    pub what: &'static str,
}

const fn range(min: i128, max: i128, what: &'static str) -> Bound {
    Bound { min, above: false, max, whole: false, what }
}

const fn above_zero(max: i128, what: &'static str) -> Bound {
    Bound { min: 0, above: true, max, whole: false, what }
}

const fn whole(min: i128, max: i128, what: &'static str) -> Bound {
    Bound { min, above: false, max, whole: true, what }
}

/// A trillion: the ceiling of usage counts, rates and sizes (far above any real stack, and low
/// enough that a month of it times any price stays an exact decimal).
const T: i128 = 1_000_000_000_000;
/// A million.
const M: i128 = 1_000_000;
/// A day in seconds: the longest interval.
const DAY_S: i128 = 86_400;
/// A century in days: the longest retention.
const CENTURY_D: i128 = 36_500;
/// The highest amount of money a threshold may name, USD.
const MONEY: i128 = 1_000_000_000_000;

/// Every numeric key of a scenario file and its range. Patterns name list entries `[]` and any
/// map key `*`; a `{low, expected, high}` range is held as a whole to its key's bound.
pub const TABLE: &[(&str, Bound)] = &[
    ("schema_version", whole(0, u32::MAX as i128, "the format version")),
    (
        "hours_per_month",
        Bound { min: 0, above: true, max: 744, whole: false, what: "hours in a month (31 days = 744)" },
    ),
    // usage:
    ("usage.metrics.active_series", range(0, T, "a number of series")),
    ("usage.metrics.samples_per_second", range(0, T, "an ingestion rate")),
    ("usage.metrics.scrape_interval_seconds", above_zero(DAY_S, "a scrape interval in seconds")),
    ("usage.metrics.alerting_rules", whole(0, M, "a number of rules")),
    ("usage.metrics.recording_rules", whole(0, M, "a number of rules")),
    ("usage.metrics.rule_evaluation_interval_seconds", above_zero(DAY_S, "an evaluation interval in seconds")),
    ("usage.metrics.dashboards", whole(0, M, "a number of dashboards")),
    ("usage.metrics.dashboard_views_per_month", range(0, T, "a number of views")),
    ("usage.metrics.series_used_by_rules_and_dashboards", range(0, T, "a number of series")),
    ("usage.metrics.grafana_editors", whole(0, M, "a number of users")),
    ("usage.metrics.grafana_viewers", whole(0, M, "a number of users")),
    ("usage.metrics.top_metrics[].series", range(0, T, "a number of series")),
    ("usage.metrics.unused_top_metrics[].series", range(0, T, "a number of series")),
    ("usage.logs.ingested_gb_per_month", range(0, T, "GB a month")),
    ("usage.logs.log_lines_per_month", range(0, 1000 * T, "a number of lines a month")),
    ("usage.logs.queried_gb_per_month", range(0, T, "GB a month")),
    ("usage.traces.spans_per_month", range(0, 1000 * T, "a number of spans a month")),
    ("usage.traces.traces_viewed_per_month", range(0, T, "a number of traces a month")),
    ("usage.traces.traces_searched_per_month", range(0, T, "a number of traces a month")),
    ("usage.database.size_gb", range(0, M, "a database size in GB")),
    ("usage.database.transactions_per_second", range(0, T, "a transaction rate")),
    ("usage.database.connections", range(0, T, "a number of connections")),
    ("usage.database.backup_storage_gb", range(0, T, "a size in GB")),
    ("usage.database.postgres_major_version", whole(6, 99, "a PostgreSQL major version (e.g. 16)")),
    ("usage.redis.memory_used_gb", range(0, M, "a memory size in GB")),
    ("usage.redis.commands_per_second", range(0, T, "a command rate")),
    ("usage.redis.backup_storage_gb", range(0, T, "a size in GB")),
    ("usage.containers[].cpu_cores", range(0, 10_000, "a number of cores")),
    ("usage.containers[].memory_gb", range(0, 100_000, "a memory size in GB")),
    ("usage.containers[].replicas", whole(0, M, "a number of replicas")),
    ("usage.network.data_transfer_out_gb_per_month", range(0, T, "GB a month")),
    ("usage.network.load_balancer_processed_gb_per_month", range(0, T, "GB a month")),
    ("usage.network.nat_processed_gb_per_month", range(0, T, "GB a month")),
    ("usage.network.app_to_database_gb_per_month", range(0, T, "GB a month")),
    ("usage.network.app_to_cache_gb_per_month", range(0, T, "GB a month")),
    ("usage.alerting.notifications_per_month.*", range(0, T, "a number of notifications a month")),
    // team:, traffic:, business:
    ("team.engineers", whole(1, M, "a team size")),
    ("team.ops_fte", range(0, M, "a number of full-time equivalents")),
    ("team.loaded_monthly_cost_usd", range(0, 10 * M, "a monthly cost")),
    ("traffic.dau", range(0, 10_000 * M, "a number of daily active users")),
    ("traffic.monthly_growth_percent", range(-50, 100, "monthly growth")),
    ("business.downtime_cost_per_minute_usd", range(0, 10 * M, "a cost")),
    // self_hosted:
    ("self_hosted.availability_percent", range(0, 100, "availability")),
    ("self_hosted.hosts[].count", whole(0, 100_000, "a number of hosts")),
    ("self_hosted.hosts[].moves_in_phase", whole(1, 5, "a phase")),
    ("self_hosted.volumes[].size_gb", range(0, M, "a volume size in GB")),
    ("self_hosted.volumes[].count", whole(0, 100_000, "a number of volumes")),
    ("self_hosted.volumes[].moves_in_phase", whole(1, 5, "a phase")),
    ("self_hosted.backups[].size_gb", range(0, M, "a size in GB")),
    ("self_hosted.backups[].count", whole(0, 100_000, "a number of backup stores")),
    ("self_hosted.backups[].moves_in_phase", whole(1, 5, "a phase")),
    ("self_hosted.load_balancers[].processed_gb", range(0, T, "GB a month")),
    ("self_hosted.load_balancers[].moves_in_phase", whole(1, 5, "a phase")),
    // mapping:
    ("mapping.cloudwatch_publish_interval_seconds", above_zero(DAY_S, "a publish interval in seconds")),
    ("mapping.datapoints_per_put_request", above_zero(M, "a batch size")),
    ("mapping.alarm_metrics_per_alerting_rule", range(0, 1000, "a number of metrics per rule")),
    ("mapping.metrics_per_dashboard_view", range(0, M, "a number of metrics per view")),
    ("mapping.amp_bytes_per_sample", range(0, 1000, "bytes per sample")),
    ("mapping.metrics_retention_days", range(0, CENTURY_D, "a retention in days")),
    ("mapping.amp_query_samples_per_rule_evaluation", range(0, T, "samples per evaluation")),
    ("mapping.amp_query_samples_per_dashboard_view", range(0, T, "samples per view")),
    ("mapping.log_bytes_per_line", above_zero(M, "bytes per line")),
    ("mapping.log_retention_days", range(0, CENTURY_D, "a retention in days")),
    ("mapping.log_compression_ratio", above_zero(1, "a ratio")),
    ("mapping.spans_per_trace", above_zero(M, "spans per trace")),
    ("mapping.jaeger_sampling_percent", above_zero(100, "a sampling rate")),
    ("mapping.xray_reservoir_per_second", range(0, M, "traces per second")),
    ("mapping.xray_sampling_percent", range(0, 100, "a sampling rate")),
    ("mapping.rds.storage_headroom", range(1, 100, "a headroom (provisioned / database size)")),
    ("mapping.rds.transactions_per_second_per_vcpu", above_zero(10 * M, "transactions per second per vCPU")),
    ("mapping.rds.memory_gb_per_data_gb", range(0, 100, "memory per GB of data")),
    ("mapping.rds.memory_mb_per_connection", range(0, M, "memory per connection in MB")),
    ("mapping.elasticache.replicas", whole(0, 5, "a number of replicas per primary (ElastiCache allows 5)")),
    ("mapping.elasticache.memory_headroom", range(1, 100, "a headroom (node memory / used memory)")),
    ("mapping.fargate.headroom", range(1, 100, "a headroom (task size / peak usage)")),
    ("mapping.fargate.nat_gateways", whole(0, 100, "a number of NAT gateways")),
    ("mapping.logs.archive_after_days", range(0, CENTURY_D, "an age in days")),
    ("mapping.logs.archive_retention_days", above_zero(CENTURY_D, "a retention in days")),
    ("mapping.network.availability_zones", whole(2, 6, "a number of Availability Zones")),
    ("mapping.network.cross_az_share_percent", range(0, 100, "a share")),
    ("mapping.network.span_bytes", above_zero(M, "bytes per span")),
    ("mapping.network.metric_datapoint_bytes", above_zero(M, "bytes per datapoint")),
    ("mapping.network.remote_write_sample_bytes", above_zero(M, "bytes per sample")),
    ("mapping.compute.image_gb", range(0, 10_000, "an image size in GB")),
    ("mapping.compute.image_versions_kept", above_zero(M, "a number of versions")),
    ("mapping.compute.deployments_per_month", range(0, M, "deployments a month")),
    ("mapping.secrets_manager.additional_secrets", range(0, M, "a number of secrets")),
    // phases:
    ("phases[].phase", whole(1, 5, "a phase number")),
    ("phases[].engineer_weeks", range(0, 10_000, "engineer-weeks")),
    ("phases[].dual_running_weeks", range(0, 10_000, "weeks")),
    ("phases[].ops_burden_reduction_percent", range(0, 100, "a reduction")),
    ("phases[].availability_percent", range(0, 100, "availability")),
    ("phases[].productivity_gain_percent", range(-100, 1000, "a productivity change")),
    // The horizon, the decision and the searches.
    ("horizon_months", whole(1, 240, "a horizon in months")),
    ("annual_discount_rate_percent", range(-50, 100, "a discount rate")),
    ("decision.migrate_now_above_usd", range(-MONEY, MONEY, "a monthly amount")),
    ("decision.migrate_gradually_from_usd", range(-MONEY, MONEY, "a monthly amount")),
    ("decision.tree.small_team_max", whole(0, M, "a team size")),
    ("decision.tree.mid_team_max", whole(0, M, "a team size")),
    ("decision.tree.low_dau_below", range(0, 10_000 * M, "a number of daily active users")),
    ("decision.tree.high_dau_from", range(0, 10_000 * M, "a number of daily active users")),
    ("switch_points.dau_min", above_zero(10_000 * M, "a number of daily active users")),
    ("switch_points.dau_max", above_zero(10_000 * M, "a number of daily active users")),
    ("switch_points.team_min", whole(1, M, "a team size")),
    ("switch_points.team_max", whole(1, M, "a team size")),
    ("uncertainty.samples", whole(0, M, "a number of samples")),
    ("uncertainty.seed", whole(0, u64::MAX as i128, "a seed")),
    // expect: (what `scenarios check` holds the plan to)
    ("expect.roi_best_phase", whole(1, 5, "a phase number")),
    ("expect.phases[].phase", whole(1, 5, "a phase number")),
    ("expect.phases[].*.min", range(-MONEY, MONEY, "a bound")),
    ("expect.phases[].*.max", range(-MONEY, MONEY, "a bound")),
    ("expect.guardrails.phases[]", whole(1, 5, "a phase number")),
    ("expect.guardrails.max_payback_months", whole(0, 10_000, "a number of months")),
    ("expect.guardrails.*", range(-MONEY, MONEY, "an amount")),
];

/// The bound of a key pattern (`usage.containers[].replicas`), if it has one.
pub fn bound(pattern: &str) -> Option<Bound> {
    TABLE.iter().find(|(p, _)| matches(p, pattern)).map(|(_, b)| *b)
}

/// Whether a table pattern matches a key pattern: `*` stands for any one map key.
fn matches(table: &str, pattern: &str) -> bool {
    let (t, p): (Vec<&str>, Vec<&str>) = (table.split('.').collect(), pattern.split('.').collect());
    t.len() == p.len() && t.iter().zip(&p).all(|(a, b)| a == b || *a == "*")
}

impl Bound {
    /// Whether `v` is allowed.
    pub fn allows(&self, v: Decimal) -> bool {
        let (min, max) = (Decimal::from_i128_with_scale(self.min, 0), Decimal::from_i128_with_scale(self.max, 0));
        let low_ok = if self.above { v > min } else { v >= min };
        low_ok && v <= max && (!self.whole || v.fract().is_zero())
    }

    /// The allowed range in words: `from 0 to 100`, `above 0 and at most 86400`.
    pub fn describe(&self) -> String {
        let range = if self.above {
            format!("above {} and at most {}", self.min, self.max)
        } else {
            format!("from {} to {}", self.min, self.max)
        };
        if self.whole {
            format!("a whole number {range}")
        } else {
            range
        }
    }
}

fn is_range(m: &serde_yaml::Mapping) -> bool {
    !m.is_empty() && m.keys().all(|k| matches!(k.as_str(), Some("low" | "expected" | "high")))
}

fn number(v: &Value) -> Option<Decimal> {
    match v {
        Value::Number(n) => crate::units::parse_decimal(&n.to_string()),
        Value::String(s) => crate::units::parse_decimal(s),
        _ => None,
    }
}

/// Holds every numeric value of a parsed scenario document to [`TABLE`]; the error names the key
/// (list entries by index, `phases[0].engineer_weeks.low`), the value and the range.
pub fn check(doc: &Value) -> Result<(), Invalid> {
    walk(doc, "", "", None)
}

fn walk(node: &Value, key: &str, pattern: &str, range_of: Option<&str>) -> Result<(), Invalid> {
    let join = |prefix: &str, k: &str| if prefix.is_empty() { k.to_string() } else { format!("{prefix}.{k}") };
    match node {
        Value::Mapping(m) => {
            let inner = is_range(m) && range_of.is_none();
            for (k, v) in m {
                let Some(k) = k.as_str() else { continue };
                if inner {
                    walk(v, &join(key, k), pattern, Some(pattern))?;
                } else {
                    walk(v, &join(key, k), &join(pattern, k), None)?;
                }
            }
            Ok(())
        }
        Value::Sequence(items) => {
            for (i, v) in items.iter().enumerate() {
                walk(v, &format!("{key}[{i}]"), &format!("{pattern}[]"), None)?;
            }
            Ok(())
        }
        Value::Tagged(t) => walk(&t.value, key, pattern, range_of),
        leaf => {
            let pattern = range_of.unwrap_or(pattern);
            let (Some(b), Some(v)) = (bound(pattern), number(leaf)) else { return Ok(()) };
            if b.allows(v) {
                Ok(())
            } else {
                Err(bad(
                    key,
                    format!(
                        "is {}; {} must be {}\nhint: give a value in that range (scenarios/example.yaml documents every key)",
                        v.normalize(),
                        b.what,
                        b.describe()
                    ),
                ))
            }
        }
    }
}
