//! Scenario files (`scenarios/*.yaml`): the team, traffic, business, the self-hosted estate, the
//! usage, the mapping assumptions and the migration phases that `obs-cost plan` works from. Owns
//! the file format (the `///` docs below are its reference; `scenarios/example.yaml` shows every
//! key), loading with located errors, and validation of values that parse but make no sense.
//! Does no pricing and no arithmetic on money.

pub mod defaults;
pub mod estimate;
pub mod expect;
pub mod hidden;
mod inputs;
pub mod phases;
pub mod template;
pub mod usage;

use std::fmt;
use std::path::{Path, PathBuf};

use anyhow::Result;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

pub use estimate::{Estimate, Num};
pub use expect::Expect;
pub use inputs::inputs;
pub use usage::Usage;

use crate::units::Quantity;

/// The scenario format version this build reads.
pub const SCHEMA_VERSION: u32 = 1;

/// A scenario file.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scenario {
    /// Format version; this build reads 1.
    pub schema_version: u32,
    /// Short name, shown in every output.
    pub name: String,
    /// One or two sentences on what the scenario is.
    #[serde(default)]
    pub description: Option<String>,
    /// AWS region to price in, e.g. `ap-northeast-2`; it must be in the price book.
    pub region: String,
    /// Apply the account-wide free tiers (default true).
    #[serde(default)]
    pub free_tier: Option<bool>,
    /// Hours in a month for hourly prices (default 730).
    #[serde(default)]
    pub hours_per_month: Option<Quantity>,
    /// The self-hosted stack's usage: inline values, over an optional measured snapshot.
    #[serde(default)]
    pub usage: Usage,
    /// Who runs the stack.
    pub team: Team,
    /// The product's traffic.
    pub traffic: Traffic,
    /// What downtime and operations cost the business.
    pub business: Business,
    /// The current self-hosted estate, priced as the baseline.
    pub self_hosted: SelfHosted,
    /// How self-hosted usage becomes AWS quantities.
    #[serde(default)]
    pub mapping: Mapping,
    /// Overrides of the seed's five phases, by phase number, in increasing order.
    #[serde(default)]
    pub phases: Vec<PhaseSpec>,
    /// Months over which cash flow and NPV are computed (default 36).
    #[serde(default)]
    pub horizon_months: Option<u32>,
    /// Annual discount rate for the NPV, percent (default 8).
    #[serde(default)]
    pub annual_discount_rate_percent: Option<Estimate>,
    /// Thresholds of the ROI decision rule and of the decision tree.
    #[serde(default)]
    pub decision: DecisionRules,
    /// Ranges searched for switch points.
    #[serde(default)]
    pub switch_points: SwitchPointRanges,
    /// Settings of the uncertainty run.
    #[serde(default)]
    pub uncertainty: UncertaintySettings,
    /// What `obs-cost scenarios check` holds the plan against: decisions, ranges and guardrails
    /// (`obs-cost plan` ignores it).
    #[serde(default)]
    pub expect: Option<Expect>,
}

/// `team:`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Team {
    /// Engineers on the team (everyone, including those who run operations).
    pub engineers: u32,
    /// Full-time equivalents spent operating the self-hosted stack; at most `engineers`.
    pub ops_fte: Estimate,
    /// Loaded cost of one engineer per month, USD (salary, taxes, benefits, overhead).
    pub loaded_monthly_cost_usd: Estimate,
}

/// `traffic:`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Traffic {
    /// Daily active users when the usage was measured; switch points scale usage from here.
    pub dau: Num,
    /// Monthly traffic growth, percent (default 0); usage-driven costs grow with it over the horizon.
    #[serde(default)]
    pub monthly_growth_percent: Option<Estimate>,
}

/// How heavy operating the stack feels to the team (the decision tree's last question).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum OpsBurden {
    /// The team copes.
    Manageable,
    /// Operations crowd out product work.
    Burdensome,
}

impl OpsBurden {
    /// `manageable` or `burdensome`.
    pub fn as_str(self) -> &'static str {
        match self {
            OpsBurden::Manageable => "manageable",
            OpsBurden::Burdensome => "burdensome",
        }
    }
}

/// `business:`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Business {
    /// What one minute of downtime costs, USD (lost revenue, support, penalties).
    pub downtime_cost_per_minute_usd: Estimate,
    /// Whether the cost of a minute of downtime grows with traffic (default true): it then scales
    /// with DAU in switch points and with growth over the horizon.
    #[serde(default)]
    pub downtime_cost_scales_with_traffic: Option<bool>,
    /// `manageable` or `burdensome`.
    pub ops_burden: OpsBurden,
}

/// A workload that moves to AWS in some phase.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Workload {
    /// Prometheus, Alertmanager, Grafana → CloudWatch metrics, alarms, dashboards (or AMP + AMG).
    Metrics,
    /// Loki/Promtail → CloudWatch Logs.
    Logs,
    /// Jaeger → X-Ray.
    Traces,
    /// PostgreSQL → RDS.
    Database,
    /// Redis → ElastiCache.
    Cache,
    /// Compose services → ECS Fargate + ALB (+ NAT gateway).
    Compute,
}

impl Workload {
    /// Every workload, in the seed's order.
    pub const ALL: [Workload; 6] =
        [Workload::Metrics, Workload::Logs, Workload::Traces, Workload::Database, Workload::Cache, Workload::Compute];

    /// The key used in scenario files.
    pub fn as_str(self) -> &'static str {
        match self {
            Workload::Metrics => "metrics",
            Workload::Logs => "logs",
            Workload::Traces => "traces",
            Workload::Database => "database",
            Workload::Cache => "cache",
            Workload::Compute => "compute",
        }
    }
}

impl fmt::Display for Workload {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// `self_hosted:`: what runs today. Everything here is priced with the same EC2, EBS and ELB
/// models as the AWS side, as the baseline; an item leaves the estate with the phase given in
/// `moves_in_phase` (absent: it stays until the end).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SelfHosted {
    /// Availability today, percent (e.g. 99.9 = 43.8 minutes of downtime a month).
    pub availability_percent: Estimate,
    /// Hosts by instance type.
    #[serde(default)]
    pub hosts: Vec<HostGroup>,
    /// EBS volumes attached to the hosts.
    #[serde(default)]
    pub volumes: Vec<VolumeGroup>,
    /// Backup storage, priced as EBS volumes of its type (default `sc1`... see `volume_type`).
    #[serde(default)]
    pub backups: Vec<VolumeGroup>,
    /// Load balancers in front of the hosts.
    #[serde(default)]
    pub load_balancers: Vec<LoadBalancerSpec>,
}

/// A group of identical hosts.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HostGroup {
    /// Name, e.g. `app`.
    pub name: String,
    /// EC2 instance type, e.g. `t3.large`.
    pub instance_type: String,
    /// How many.
    pub count: Quantity,
    /// The phase that retires these hosts (absent: they stay).
    #[serde(default)]
    pub moves_in_phase: Option<u32>,
}

/// A group of identical volumes (or backup stores).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VolumeGroup {
    /// Name, e.g. `data`.
    pub name: String,
    /// EBS volume type, e.g. `gp3`.
    pub volume_type: String,
    /// Size of one volume, GB.
    pub size_gb: Quantity,
    /// How many (default 1).
    #[serde(default)]
    pub count: Option<Quantity>,
    /// The phase that retires them (absent: they stay).
    #[serde(default)]
    pub moves_in_phase: Option<u32>,
}

/// A load balancer of the estate.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LoadBalancerSpec {
    /// Name, e.g. `web`.
    pub name: String,
    /// `application` (the only type the price book has today).
    #[serde(rename = "type")]
    pub lb_type: String,
    /// GB processed per month; absent means unknown.
    #[serde(default)]
    pub processed_gb: Option<Quantity>,
    /// The phase that retires it (absent: it stays).
    #[serde(default)]
    pub moves_in_phase: Option<u32>,
}

/// Where metrics go.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum MetricsTarget {
    /// CloudWatch custom metrics, alarms and dashboards (the seeds' choice).
    #[default]
    Cloudwatch,
    /// Amazon Managed Service for Prometheus + Amazon Managed Grafana.
    ManagedPrometheus,
}

impl MetricsTarget {
    /// The key.
    pub fn as_str(self) -> &'static str {
        match self {
            MetricsTarget::Cloudwatch => "cloudwatch",
            MetricsTarget::ManagedPrometheus => "managed_prometheus",
        }
    }
}

/// Which Prometheus series become CloudWatch custom metrics.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SeriesSelection {
    /// Every active series.
    #[default]
    All,
    /// Only `usage.metrics.series_used_by_rules_and_dashboards`.
    Used,
}

impl SeriesSelection {
    /// The key.
    pub fn as_str(self) -> &'static str {
        match self {
            SeriesSelection::All => "all",
            SeriesSelection::Used => "used",
        }
    }
}

/// `mapping:`: the assumptions that turn self-hosted usage into AWS quantities. Every numeric key
/// may be a range. Defaults are in brackets.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Mapping {
    /// `cloudwatch` (the default) or `managed_prometheus`.
    #[serde(default)]
    pub metrics_target: MetricsTarget,
    /// `all` (the default) or `used`: which series become CloudWatch custom metrics.
    #[serde(default)]
    pub cloudwatch_series: SeriesSelection,
    /// Seconds between two datapoints the CloudWatch agent publishes per metric (default: 60).
    pub cloudwatch_publish_interval_seconds: Option<Estimate>,
    /// Datapoints per PutMetricData request (default: 1000, the API maximum).
    pub datapoints_per_put_request: Option<Estimate>,
    /// CloudWatch alarm metrics per alerting rule (default: 1).
    pub alarm_metrics_per_alerting_rule: Option<Estimate>,
    /// Metrics a dashboard view requests through GetMetricData (default: 20).
    pub metrics_per_dashboard_view: Option<Estimate>,
    /// Bytes AMP stores per sample (default: 1.5).
    pub amp_bytes_per_sample: Option<Estimate>,
    /// Days of metrics kept in AMP (storage accumulates up to this) (default: 30).
    pub metrics_retention_days: Option<Estimate>,
    /// Samples one rule evaluation processes in AMP (default: 1000).
    pub amp_query_samples_per_rule_evaluation: Option<Estimate>,
    /// Samples one dashboard view processes in AMP (default: 100000).
    pub amp_query_samples_per_dashboard_view: Option<Estimate>,
    /// Bytes per log line, when only lines are known (default: 200).
    pub log_bytes_per_line: Option<Estimate>,
    /// Days CloudWatch Logs keeps logs (storage accumulates up to this) (default: 30).
    pub log_retention_days: Option<Estimate>,
    /// Archived size over ingested size in CloudWatch Logs [0.15, AWS's own figure].
    pub log_compression_ratio: Option<Estimate>,
    /// Spans per trace (default: 10).
    pub spans_per_trace: Option<Estimate>,
    /// Percent of requests Jaeger keeps today (default: 100): requests = traces ÷ this.
    pub jaeger_sampling_percent: Option<Estimate>,
    /// X-Ray sampling reservoir, traces per second recorded before the rate applies (default: 1).
    pub xray_reservoir_per_second: Option<Estimate>,
    /// X-Ray sampling rate beyond the reservoir, percent (default: 5).
    pub xray_sampling_percent: Option<Estimate>,
    /// RDS choices.
    #[serde(default)]
    pub rds: RdsMapping,
    /// ElastiCache choices.
    #[serde(default)]
    pub elasticache: ElastiCacheMapping,
    /// Fargate, ALB and NAT choices.
    #[serde(default)]
    pub fargate: FargateMapping,
    /// The log archive in S3.
    #[serde(default)]
    pub logs: hidden::LogsMapping,
    /// Availability Zones, cross-AZ traffic and how agents reach AWS.
    #[serde(default)]
    pub network: hidden::NetworkMapping,
    /// The container platform (ECS or EKS), images and deployments.
    #[serde(default)]
    pub compute: hidden::ComputeMapping,
    /// Secrets Manager secrets.
    #[serde(default)]
    pub secrets_manager: hidden::SecretsMapping,
}

/// `mapping.rds`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RdsMapping {
    /// Pin the instance class (e.g. `db.t4g.medium`); absent: the cheapest priced class that fits.
    pub instance_class: Option<String>,
    /// Multi-AZ deployment (default: true).
    pub multi_az: Option<bool>,
    /// `gp3` (the default) or `gp2`.
    pub storage_type: Option<String>,
    /// Provisioned storage over database size (default: 1.5), at least 20 GB.
    pub storage_headroom: Option<Estimate>,
    /// Peak transactions per second one vCPU serves (default: 500).
    pub transactions_per_second_per_vcpu: Option<Estimate>,
    /// Memory per GB of data, GB, so the working set fits (default: 0.25).
    pub memory_gb_per_data_gb: Option<Estimate>,
    /// Memory per connection, MB (default: 10).
    pub memory_mb_per_connection: Option<Estimate>,
    /// The date (`YYYY-MM-DD`) at which to look the PostgreSQL major up in the RDS support
    /// calendar, for Extended Support (default: the price book's snapshot date).
    pub extended_support_as_of: Option<String>,
}

/// `mapping.elasticache`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ElastiCacheMapping {
    /// Pin the node type (e.g. `cache.t4g.micro`); absent: the cheapest priced type that fits.
    pub node_type: Option<String>,
    /// `redis` (the default) or `valkey`.
    pub engine: Option<String>,
    /// Replicas per primary (default: 1).
    pub replicas: Option<u32>,
    /// Node memory over Redis memory used (default: 1.3).
    pub memory_headroom: Option<Estimate>,
}

/// `mapping.fargate`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FargateMapping {
    /// `x86_64` (the default) or `arm64`.
    pub architecture: Option<String>,
    /// Task size over peak container usage (default: 1.3), rounded up to a valid Fargate size.
    pub headroom: Option<Estimate>,
    /// Load balancer type (default: application).
    pub load_balancer_type: Option<String>,
    /// NAT gateways (default: 1); 0 when tasks run in public subnets.
    pub nat_gateways: Option<u32>,
}

/// One entry of `phases:`: overrides of a default phase, by number. Keys left out keep the
/// seed's default for that phase.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PhaseSpec {
    /// Phase number, 1 to 5, strictly increasing down the list.
    pub phase: u32,
    /// Phase name.
    pub name: Option<String>,
    /// Workloads moving in this phase: `metrics`, `logs`, `traces`, `database`, `cache`, `compute`.
    pub moves: Option<Vec<Workload>>,
    /// Engineer-weeks of migration work.
    pub engineer_weeks: Option<Estimate>,
    /// Calendar weeks during which old and new run side by side [= engineer_weeks].
    pub dual_running_weeks: Option<Estimate>,
    /// Ops burden reduction reached once this phase is done, percent of `team.ops_fte`
    /// (cumulative, not per phase).
    pub ops_burden_reduction_percent: Option<Estimate>,
    /// Availability once this phase is done, percent [the previous phase's].
    pub availability_percent: Option<Estimate>,
    /// Productivity gain of the engineers not doing operations, percent of their loaded cost,
    /// once this phase is done (default: 0).
    pub productivity_gain_percent: Option<Estimate>,
}

/// `decision:`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct DecisionRules {
    /// Net monthly benefit above which to migrate now, USD (default: 1000).
    pub migrate_now_above_usd: Num,
    /// Net monthly benefit from which to migrate gradually, USD (default: 0); below it, stay.
    pub migrate_gradually_from_usd: Num,
    /// The decision tree's thresholds.
    pub tree: TreeThresholds,
}

impl Default for DecisionRules {
    fn default() -> Self {
        DecisionRules {
            migrate_now_above_usd: Num(Decimal::from(1000)),
            migrate_gradually_from_usd: Num(Decimal::ZERO),
            tree: TreeThresholds::default(),
        }
    }
}

/// `decision.tree`: the seed's tree (team size, then DAU, then ops burden).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct TreeThresholds {
    /// Teams up to this size keep Compose (default: 3).
    pub small_team_max: u32,
    /// Teams above this size consider AWS (default: 10); in between, DAU decides.
    pub mid_team_max: u32,
    /// DAU below this keeps Compose (default: 10000).
    pub low_dau_below: Num,
    /// DAU from this migrates (default: 100000); in between, the ops burden decides.
    pub high_dau_from: Num,
}

impl Default for TreeThresholds {
    fn default() -> Self {
        TreeThresholds {
            small_team_max: 3,
            mid_team_max: 10,
            low_dau_below: Num(Decimal::from(10_000)),
            high_dau_from: Num(Decimal::from(100_000)),
        }
    }
}

/// `switch_points:`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct SwitchPointRanges {
    /// Lowest DAU searched (default: 100).
    pub dau_min: Num,
    /// Highest DAU searched (default: 10000000).
    pub dau_max: Num,
    /// Smallest team searched (default: 1).
    pub team_min: u32,
    /// Largest team searched (default: 200).
    pub team_max: u32,
}

impl Default for SwitchPointRanges {
    fn default() -> Self {
        SwitchPointRanges {
            dau_min: Num(Decimal::from(100)),
            dau_max: Num(Decimal::from(10_000_000)),
            team_min: 1,
            team_max: 200,
        }
    }
}

/// `uncertainty:`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct UncertaintySettings {
    /// Monte Carlo samples (default: 10000); 0 turns the run off.
    pub samples: u32,
    /// Seed of the deterministic generator (default: 1).
    pub seed: u64,
}

impl Default for UncertaintySettings {
    fn default() -> Self {
        UncertaintySettings { samples: 10_000, seed: 1 }
    }
}

/// A scenario that parses but is inconsistent.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
#[error("invalid scenario '{file}': {key}: {message}")]
pub struct ScenarioError {
    /// The file.
    pub file: String,
    /// Dotted key path, e.g. `team.ops_fte`.
    pub key: String,
    /// What is wrong and how to fix it.
    pub message: String,
}

/// A loaded scenario and where it came from.
#[derive(Debug, Clone)]
pub struct LoadedScenario {
    /// The scenario.
    pub scenario: Scenario,
    /// Its file.
    pub path: PathBuf,
    /// Every value of the file, flattened (see [`inputs`]).
    pub inputs: Vec<(String, String)>,
}

/// Reads, parses (errors carry file, line and column) and validates a scenario file.
pub fn load(path: &Path) -> Result<LoadedScenario> {
    let text = crate::input::read_text(path, crate::input::SCENARIO)?;
    load_text(&text, path)
}

/// Parses and validates scenario text as if read from `path` (which need not exist).
pub fn load_text(text: &str, path: &Path) -> Result<LoadedScenario> {
    Ok(LoadedScenario { scenario: parse(text, path)?, path: path.to_path_buf(), inputs: inputs(text) })
}

/// Parses and validates scenario text; `path` names it in errors.
pub fn parse(text: &str, path: &Path) -> Result<Scenario> {
    crate::input::check_yaml_depth(text, path, "scenario")?;
    // The version is checked first, so that a file of another version gets that explanation
    // rather than an unknown-key error.
    if let Ok(v) = serde_yaml::from_str::<serde_yaml::Value>(text) {
        if let Some(n) = v.get("schema_version").and_then(serde_yaml::Value::as_u64) {
            if n != u64::from(SCHEMA_VERSION) {
                return Err(ScenarioError {
                    file: path.display().to_string(),
                    key: "schema_version".into(),
                    message: format!(
                        "is {n}, but this build reads scenarios of schema_version {SCHEMA_VERSION}\nhint: see scenarios/example.yaml for the current format"
                    ),
                }
                .into());
            }
        }
    }
    let scenario: Scenario = crate::input::parse_yaml(text, path, "scenario")?;
    validate(&scenario).map_err(|(key, message)| ScenarioError { file: path.display().to_string(), key, message })?;
    Ok(scenario)
}

type Invalid = (String, String);

fn bad(key: impl Into<String>, message: impl Into<String>) -> Invalid {
    (key.into(), message.into())
}

fn check_range(key: &str, e: &Option<Estimate>, lo: Decimal, hi: Option<Decimal>, what: &str) -> Result<(), Invalid> {
    if let Some(e) = e {
        check_one(key, e, lo, hi, what)?;
    }
    Ok(())
}

fn check_one(key: &str, e: &Estimate, lo: Decimal, hi: Option<Decimal>, what: &str) -> Result<(), Invalid> {
    for v in [e.low(), e.expected(), e.high()] {
        if v < lo || hi.is_some_and(|h| v > h) {
            let range = match hi {
                Some(h) => format!("from {} to {}", lo.normalize(), h.normalize()),
                None => format!("at least {}", lo.normalize()),
            };
            return Err(bad(key, format!("is {e}; {what} must be {range}")));
        }
    }
    Ok(())
}

/// Checks values that parse but contradict each other or reality.
fn validate(s: &Scenario) -> Result<(), Invalid> {
    let zero = Decimal::ZERO;
    let hundred = Some(Decimal::from(100));
    if s.name.trim().is_empty() {
        return Err(bad("name", "is empty; give the scenario a short name"));
    }
    if let Some(h) = s.hours_per_month {
        if h.get().is_zero() || h.get() > Decimal::from(744) {
            return Err(bad("hours_per_month", format!("is {h}; it must be above 0 and at most 744 (31 days)")));
        }
    }
    // Team.
    if s.team.engineers == 0 {
        return Err(bad("team.engineers", "is 0; a team has at least one engineer"));
    }
    check_one("team.ops_fte", &s.team.ops_fte, zero, None, "a number of full-time equivalents")?;
    if s.team.ops_fte.high() > Decimal::from(s.team.engineers) {
        return Err(bad(
            "team.ops_fte",
            format!(
                "is {} but the team has {} engineers: operations cannot take more people than the team has",
                s.team.ops_fte, s.team.engineers
            ),
        ));
    }
    check_one("team.loaded_monthly_cost_usd", &s.team.loaded_monthly_cost_usd, zero, None, "a cost")?;
    // Traffic and business.
    if s.traffic.dau.0 < zero {
        return Err(bad(
            "traffic.dau",
            format!("is {}; daily active users cannot be negative", s.traffic.dau.0.normalize()),
        ));
    }
    check_range(
        "traffic.monthly_growth_percent",
        &s.traffic.monthly_growth_percent,
        Decimal::from(-50),
        hundred,
        "monthly growth",
    )?;
    check_one("business.downtime_cost_per_minute_usd", &s.business.downtime_cost_per_minute_usd, zero, None, "a cost")?;
    check_one("self_hosted.availability_percent", &s.self_hosted.availability_percent, zero, hundred, "availability")?;
    // Phases.
    let mut last = 0;
    let mut moved: Vec<(Workload, u32)> = Vec::new();
    for (i, p) in s.phases.iter().enumerate() {
        let key = format!("phases[{i}]");
        if p.phase == 0 || p.phase > 5 {
            return Err(bad(format!("{key}.phase"), format!("is {}; phases are numbered 1 to 5", p.phase)));
        }
        if p.phase <= last {
            return Err(bad(
                format!("{key}.phase"),
                format!("is {} after phase {last}: list phases once each, in increasing order", p.phase),
            ));
        }
        last = p.phase;
        check_range(&format!("{key}.engineer_weeks"), &p.engineer_weeks, zero, None, "engineer-weeks")?;
        check_range(&format!("{key}.dual_running_weeks"), &p.dual_running_weeks, zero, None, "weeks")?;
        check_range(
            &format!("{key}.ops_burden_reduction_percent"),
            &p.ops_burden_reduction_percent,
            zero,
            hundred,
            "a reduction",
        )?;
        check_range(&format!("{key}.availability_percent"), &p.availability_percent, zero, hundred, "availability")?;
        check_range(
            &format!("{key}.productivity_gain_percent"),
            &p.productivity_gain_percent,
            Decimal::from(-100),
            Some(Decimal::from(1000)),
            "a productivity change",
        )?;
    }
    for p in phases::resolve_specs(&s.phases) {
        for w in &p.moves {
            if let Some((_, first)) = moved.iter().find(|(m, _)| m == w) {
                return Err(bad(
                    "phases",
                    format!(
                        "workload '{w}' moves in phase {first} and again in phase {}: move each workload once",
                        p.phase
                    ),
                ));
            }
            moved.push((*w, p.phase));
        }
    }
    // The estate.
    let items = s
        .self_hosted
        .hosts
        .iter()
        .map(|h| ("hosts", &h.name, h.moves_in_phase))
        .chain(s.self_hosted.volumes.iter().map(|v| ("volumes", &v.name, v.moves_in_phase)))
        .chain(s.self_hosted.backups.iter().map(|v| ("backups", &v.name, v.moves_in_phase)))
        .chain(s.self_hosted.load_balancers.iter().map(|l| ("load_balancers", &l.name, l.moves_in_phase)));
    for (list, name, phase) in items {
        if let Some(p) = phase {
            if p == 0 || p > 5 {
                return Err(bad(
                    format!("self_hosted.{list}.{name}.moves_in_phase"),
                    format!("is {p}; phases are numbered 1 to 5"),
                ));
            }
        }
    }
    // Mapping.
    let m = &s.mapping;
    let positive = Decimal::new(1, 6);
    for (key, e) in [
        ("mapping.cloudwatch_publish_interval_seconds", &m.cloudwatch_publish_interval_seconds),
        ("mapping.datapoints_per_put_request", &m.datapoints_per_put_request),
        ("mapping.spans_per_trace", &m.spans_per_trace),
        ("mapping.log_bytes_per_line", &m.log_bytes_per_line),
    ] {
        check_range(key, e, positive, None, "a positive number")?;
    }
    check_range("mapping.jaeger_sampling_percent", &m.jaeger_sampling_percent, positive, hundred, "a sampling rate")?;
    check_range("mapping.xray_sampling_percent", &m.xray_sampling_percent, zero, hundred, "a sampling rate")?;
    check_range("mapping.log_compression_ratio", &m.log_compression_ratio, positive, Some(Decimal::ONE), "a ratio")?;
    if m.cloudwatch_series == SeriesSelection::Used
        && s.usage.metrics.as_ref().and_then(|u| u.series_used_by_rules_and_dashboards.as_ref()).is_none()
        && s.usage.snapshot.is_none()
    {
        return Err(bad(
            "mapping.cloudwatch_series",
            "is `used` but usage.metrics.series_used_by_rules_and_dashboards is not given",
        ));
    }
    if s.horizon_months == Some(0) || s.horizon_months.is_some_and(|h| h > 240) {
        return Err(bad("horizon_months", "must be from 1 to 240"));
    }
    check_range(
        "annual_discount_rate_percent",
        &s.annual_discount_rate_percent,
        Decimal::from(-50),
        hundred,
        "a discount rate",
    )?;
    let d = &s.decision;
    if d.migrate_now_above_usd.0 < d.migrate_gradually_from_usd.0 {
        return Err(bad(
            "decision.migrate_now_above_usd",
            "is below decision.migrate_gradually_from_usd: the 'migrate now' threshold must be the higher one",
        ));
    }
    if d.tree.small_team_max >= d.tree.mid_team_max {
        return Err(bad("decision.tree.small_team_max", "must be below decision.tree.mid_team_max"));
    }
    if d.tree.low_dau_below.0 > d.tree.high_dau_from.0 {
        return Err(bad("decision.tree.low_dau_below", "must not be above decision.tree.high_dau_from"));
    }
    let r = &s.switch_points;
    if r.dau_min.0 <= zero || r.dau_max.0 <= r.dau_min.0 {
        return Err(bad("switch_points", "needs 0 < dau_min < dau_max"));
    }
    if r.team_min == 0 || r.team_max <= r.team_min {
        return Err(bad("switch_points", "needs 0 < team_min < team_max"));
    }
    if s.uncertainty.samples > 1_000_000 {
        return Err(bad("uncertainty.samples", "must be at most 1000000"));
    }
    hidden::validate(s)?;
    if let Some(e) = &s.expect {
        expect::validate(e)?;
    }
    Ok(())
}
