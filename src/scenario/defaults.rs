//! The defaults of a scenario, in one place: what `obs-cost plan` uses for every key a scenario
//! leaves out (the planner reads them here), the starting values `obs-cost init` and
//! `plan --usage` (without `--scenario`) use for the keys a scenario must give, and the ranges
//! those values must lie in. Each default says what it means and where it comes from, so that
//! `obs-cost init` can write it down. The phases' defaults are the seed's, in `phases`; the
//! decision, switch-point and uncertainty defaults are those sections' `Default` impls.

use rust_decimal::Decimal;

use super::OpsBurden;
use crate::units::{parse_decimal, HOURS_PER_MONTH};

/// Where the course's figures come from, as the notes name it.
pub const SEED: &str = "seed 000";

const fn dec(n: u32, scale: u32) -> Decimal {
    Decimal::from_parts(n, 0, 0, false, scale)
}

/// A default value as a scenario file writes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Value {
    /// A number.
    Number(Decimal),
    /// A whole number.
    Count(u32),
    /// `true` or `false`.
    Bool(bool),
    /// A keyword (`gp3`, `cloudwatch`).
    Word(&'static str),
}

impl std::fmt::Display for Value {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Value::Number(d) => write!(f, "{}", d.normalize()),
            Value::Count(n) => write!(f, "{n}"),
            Value::Bool(b) => write!(f, "{b}"),
            Value::Word(w) => f.write_str(w),
        }
    }
}

/// One default: the key path it is the default of, its value, what it means and its source.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KeyDefault {
    /// Dotted key path in a scenario file, e.g. `mapping.rds.storage_headroom`.
    pub key: &'static str,
    /// The value the planner uses when the key is absent.
    pub value: Value,
    /// What the key means, in a few words.
    pub about: &'static str,
    /// Where the value comes from.
    pub source: &'static str,
}

impl KeyDefault {
    /// The value as a decimal (numbers and counts; 0 otherwise).
    pub const fn number(&self) -> Decimal {
        match self.value {
            Value::Number(d) => d,
            Value::Count(n) => Decimal::from_parts(n, 0, 0, false, 0),
            _ => Decimal::ZERO,
        }
    }

    /// The value as a boolean (false unless it is one).
    pub const fn flag(&self) -> bool {
        matches!(self.value, Value::Bool(true))
    }

    /// The value as a keyword ("" unless it is one).
    pub const fn word(&self) -> &'static str {
        match self.value {
            Value::Word(w) => w,
            _ => "",
        }
    }

    /// The value as a whole number (0 unless it is one).
    pub const fn count(&self) -> u32 {
        match self.value {
            Value::Count(n) => n,
            _ => 0,
        }
    }
}

const fn d(key: &'static str, value: Value, about: &'static str, source: &'static str) -> KeyDefault {
    KeyDefault { key, value, about, source }
}

const OBS: &str = "obs-cost's assumption";

/// `free_tier`.
pub const FREE_TIER: KeyDefault =
    d("free_tier", Value::Bool(true), "apply the account-wide free tiers", "AWS Free Tier");
/// `hours_per_month`.
pub const HOURS: KeyDefault = d(
    "hours_per_month",
    Value::Number(HOURS_PER_MONTH),
    "hours in a month for hourly prices",
    "AWS pricing pages (730 h)",
);
/// `traffic.monthly_growth_percent`.
pub const MONTHLY_GROWTH_PERCENT: KeyDefault = d(
    "traffic.monthly_growth_percent",
    Value::Number(Decimal::ZERO),
    "monthly traffic growth; usage-driven costs grow with it",
    "no growth unless you say so",
);
/// `business.downtime_cost_scales_with_traffic`.
pub const DOWNTIME_SCALES: KeyDefault = d(
    "business.downtime_cost_scales_with_traffic",
    Value::Bool(true),
    "the cost of a minute of downtime grows with DAU",
    OBS,
);
/// `horizon_months`.
pub const HORIZON_MONTHS: KeyDefault =
    d("horizon_months", Value::Count(36), "months of cash flow and NPV", "obs-cost: a 3-year horizon");
/// `annual_discount_rate_percent`.
pub const DISCOUNT_RATE_PERCENT: KeyDefault = d(
    "annual_discount_rate_percent",
    Value::Number(dec(8, 0)),
    "annual discount rate of the NPV",
    "obs-cost: a common cost of capital",
);

/// `mapping.metrics_target`.
pub const METRICS_TARGET: KeyDefault = d(
    "mapping.metrics_target",
    Value::Word("cloudwatch"),
    "cloudwatch | managed_prometheus; the plan prices both",
    "seed 000 moves metrics to CloudWatch",
);
/// `mapping.cloudwatch_series`.
pub const CLOUDWATCH_SERIES: KeyDefault = d(
    "mapping.cloudwatch_series",
    Value::Word("all"),
    "all | used: which series become CloudWatch custom metrics",
    "one custom metric per series",
);
/// `mapping.cloudwatch_publish_interval_seconds`.
pub const PUBLISH_INTERVAL_SECONDS: KeyDefault = d(
    "mapping.cloudwatch_publish_interval_seconds",
    Value::Number(dec(60, 0)),
    "seconds between two datapoints the agent publishes",
    "CloudWatch agent's default interval",
);
/// `mapping.datapoints_per_put_request`.
pub const DATAPOINTS_PER_PUT: KeyDefault = d(
    "mapping.datapoints_per_put_request",
    Value::Number(dec(1000, 0)),
    "datapoints per PutMetricData request",
    "the PutMetricData maximum",
);
/// `mapping.alarm_metrics_per_alerting_rule`.
pub const ALARM_METRICS_PER_RULE: KeyDefault = d(
    "mapping.alarm_metrics_per_alerting_rule",
    Value::Number(dec(1, 0)),
    "CloudWatch alarm metrics per alerting rule",
    OBS,
);
/// `mapping.metrics_per_dashboard_view`.
pub const METRICS_PER_DASHBOARD_VIEW: KeyDefault = d(
    "mapping.metrics_per_dashboard_view",
    Value::Number(dec(20, 0)),
    "metrics one dashboard view requests (GetMetricData)",
    OBS,
);
/// `mapping.amp_bytes_per_sample`.
pub const AMP_BYTES_PER_SAMPLE: KeyDefault =
    d("mapping.amp_bytes_per_sample", Value::Number(dec(15, 1)), "bytes AMP stores per sample", OBS);
/// `mapping.metrics_retention_days`.
pub const METRICS_RETENTION_DAYS: KeyDefault = d(
    "mapping.metrics_retention_days",
    Value::Number(dec(30, 0)),
    "days of metrics kept in AMP (storage accumulates up to this)",
    OBS,
);
/// `mapping.amp_query_samples_per_rule_evaluation`.
pub const AMP_SAMPLES_PER_RULE_EVALUATION: KeyDefault = d(
    "mapping.amp_query_samples_per_rule_evaluation",
    Value::Number(dec(1000, 0)),
    "samples one rule evaluation processes in AMP",
    OBS,
);
/// `mapping.amp_query_samples_per_dashboard_view`.
pub const AMP_SAMPLES_PER_DASHBOARD_VIEW: KeyDefault = d(
    "mapping.amp_query_samples_per_dashboard_view",
    Value::Number(dec(100_000, 0)),
    "samples one dashboard view processes in AMP",
    OBS,
);
/// `mapping.log_bytes_per_line`.
pub const LOG_BYTES_PER_LINE: KeyDefault =
    d("mapping.log_bytes_per_line", Value::Number(dec(200, 0)), "bytes per log line, when only lines are known", OBS);
/// `mapping.log_retention_days`.
pub const LOG_RETENTION_DAYS: KeyDefault = d(
    "mapping.log_retention_days",
    Value::Number(dec(30, 0)),
    "days CloudWatch Logs keeps logs (storage accumulates up to this)",
    OBS,
);
/// `mapping.log_compression_ratio`.
pub const LOG_COMPRESSION_RATIO: KeyDefault = d(
    "mapping.log_compression_ratio",
    Value::Number(dec(15, 2)),
    "archived size over ingested size in CloudWatch Logs",
    "AWS's CloudWatch Logs pricing example",
);
/// `mapping.spans_per_trace`.
pub const SPANS_PER_TRACE: KeyDefault =
    d("mapping.spans_per_trace", Value::Number(dec(10, 0)), "spans per trace, when traces are not counted", OBS);
/// `mapping.jaeger_sampling_percent`.
pub const JAEGER_SAMPLING_PERCENT: KeyDefault = d(
    "mapping.jaeger_sampling_percent",
    Value::Number(dec(100, 0)),
    "percent of requests Jaeger keeps today",
    "Jaeger keeps every trace it receives",
);
/// `mapping.xray_reservoir_per_second`.
pub const XRAY_RESERVOIR_PER_SECOND: KeyDefault = d(
    "mapping.xray_reservoir_per_second",
    Value::Number(dec(1, 0)),
    "X-Ray traces recorded per second before the rate applies",
    "X-Ray's default sampling rule",
);
/// `mapping.xray_sampling_percent`.
pub const XRAY_SAMPLING_PERCENT: KeyDefault = d(
    "mapping.xray_sampling_percent",
    Value::Number(dec(5, 0)),
    "X-Ray sampling rate beyond the reservoir",
    "X-Ray's default sampling rule",
);
/// `mapping.rds.multi_az`.
pub const RDS_MULTI_AZ: KeyDefault =
    d("mapping.rds.multi_az", Value::Bool(true), "Multi-AZ deployment", "seed 004 prices RDS Multi-AZ");
/// `mapping.rds.storage_type`.
pub const RDS_STORAGE_TYPE: KeyDefault =
    d("mapping.rds.storage_type", Value::Word("gp3"), "gp3 | gp2", "RDS's default storage type");
/// `mapping.rds.storage_headroom`.
pub const RDS_STORAGE_HEADROOM: KeyDefault = d(
    "mapping.rds.storage_headroom",
    Value::Number(dec(15, 1)),
    "provisioned storage over database size, at least 20 GB",
    OBS,
);
/// `mapping.rds.transactions_per_second_per_vcpu`.
pub const RDS_TPS_PER_VCPU: KeyDefault = d(
    "mapping.rds.transactions_per_second_per_vcpu",
    Value::Number(dec(500, 0)),
    "peak transactions per second one vCPU serves",
    OBS,
);
/// `mapping.rds.memory_gb_per_data_gb`.
pub const RDS_MEMORY_PER_DATA_GB: KeyDefault = d(
    "mapping.rds.memory_gb_per_data_gb",
    Value::Number(dec(25, 2)),
    "memory per GB of data, so the working set fits",
    OBS,
);
/// `mapping.rds.memory_mb_per_connection`.
pub const RDS_MEMORY_MB_PER_CONNECTION: KeyDefault = d(
    "mapping.rds.memory_mb_per_connection",
    Value::Number(dec(10, 0)),
    "memory per connection, MB",
    "PostgreSQL's usual per-backend memory",
);
/// `mapping.elasticache.engine`.
pub const ELASTICACHE_ENGINE: KeyDefault =
    d("mapping.elasticache.engine", Value::Word("redis"), "redis | valkey", "the stack runs Redis");
/// `mapping.elasticache.replicas`.
pub const ELASTICACHE_REPLICAS: KeyDefault =
    d("mapping.elasticache.replicas", Value::Count(1), "replicas per primary", "seed 004 runs Redis with a replica");
/// `mapping.elasticache.memory_headroom`.
pub const ELASTICACHE_MEMORY_HEADROOM: KeyDefault =
    d("mapping.elasticache.memory_headroom", Value::Number(dec(13, 1)), "node memory over Redis memory used", OBS);
/// `mapping.fargate.architecture`.
pub const FARGATE_ARCHITECTURE: KeyDefault =
    d("mapping.fargate.architecture", Value::Word("x86_64"), "x86_64 | arm64", "what Compose hosts run today");
/// `mapping.fargate.headroom`.
pub const FARGATE_HEADROOM: KeyDefault = d(
    "mapping.fargate.headroom",
    Value::Number(dec(13, 1)),
    "task size over peak container usage, rounded up to a valid size",
    OBS,
);
/// `mapping.fargate.load_balancer_type`.
pub const FARGATE_LOAD_BALANCER: KeyDefault = d(
    "mapping.fargate.load_balancer_type",
    Value::Word("application"),
    "load balancer in front of the tasks",
    "seed 004's ALB",
);
/// `mapping.fargate.nat_gateways`.
pub const FARGATE_NAT_GATEWAYS: KeyDefault = d(
    "mapping.fargate.nat_gateways",
    Value::Count(1),
    "NAT gateways; 0 when tasks run in public subnets",
    "tasks in private subnets",
);

/// `mapping.logs.archive_retention_days` (the archive exists only with `archive_after_days`).
pub const LOG_ARCHIVE_RETENTION_DAYS: KeyDefault = d(
    "mapping.logs.archive_retention_days",
    Value::Number(dec(365, 0)),
    "age at which archived logs leave S3 (with archive_after_days)",
    "a year of logs kept",
);
/// `mapping.network.availability_zones`.
pub const AVAILABILITY_ZONES: KeyDefault = d(
    "mapping.network.availability_zones",
    Value::Count(2),
    "AZs: one ALB public IPv4 address and one endpoint interface in each",
    "the fewest an ALB allows",
);
/// `mapping.network.cross_az_share_percent`.
pub const CROSS_AZ_SHARE_PERCENT: KeyDefault = d(
    "mapping.network.cross_az_share_percent",
    Value::Number(dec(50, 0)),
    "share of app-to-database and app-to-cache traffic crossing AZs",
    "tasks spread over 2 AZs, the primary in one of them",
);
/// `mapping.network.agents_via`.
pub const AGENTS_VIA: KeyDefault = d(
    "mapping.network.agents_via",
    Value::Word("nat"),
    "nat | vpc_endpoints: how agents reach CloudWatch, X-Ray, AMP; the plan prices both",
    "tasks in private subnets behind the NAT gateway",
);
/// `mapping.network.span_bytes`.
pub const SPAN_BYTES: KeyDefault =
    d("mapping.network.span_bytes", Value::Number(dec(500, 0)), "bytes one X-Ray span takes on the wire", OBS);
/// `mapping.network.metric_datapoint_bytes`.
pub const METRIC_DATAPOINT_BYTES: KeyDefault = d(
    "mapping.network.metric_datapoint_bytes",
    Value::Number(dec(200, 0)),
    "bytes one datapoint takes in PutMetricData",
    OBS,
);
/// `mapping.network.remote_write_sample_bytes`.
pub const REMOTE_WRITE_SAMPLE_BYTES: KeyDefault = d(
    "mapping.network.remote_write_sample_bytes",
    Value::Number(dec(2, 0)),
    "bytes one sample takes in AMP remote write, compressed",
    OBS,
);
/// `mapping.compute.platform`.
pub const COMPUTE_PLATFORM: KeyDefault =
    d("mapping.compute.platform", Value::Word("ecs"), "ecs | eks", "seed 004 runs the services on ECS Fargate");
/// `mapping.compute.image_gb`.
pub const IMAGE_GB: KeyDefault =
    d("mapping.compute.image_gb", Value::Number(dec(3, 1)), "size of one application image in ECR, GB", OBS);
/// `mapping.compute.image_versions_kept`.
pub const IMAGE_VERSIONS_KEPT: KeyDefault = d(
    "mapping.compute.image_versions_kept",
    Value::Number(dec(10, 0)),
    "image versions kept per service (an ECR lifecycle policy)",
    OBS,
);
/// `mapping.compute.deployments_per_month`.
pub const DEPLOYMENTS_PER_MONTH: KeyDefault = d(
    "mapping.compute.deployments_per_month",
    Value::Number(dec(30, 0)),
    "deployments a month; each task reads its secrets at start",
    "one deployment a day",
);
/// `mapping.secrets_manager.additional_secrets`.
pub const ADDITIONAL_SECRETS: KeyDefault = d(
    "mapping.secrets_manager.additional_secrets",
    Value::Number(dec(0, 0)),
    "secrets besides one per database and one per cache",
    OBS,
);
/// `mapping.compute.eks_nodes` (with `platform: eks`).
pub const EKS_NODES: KeyDefault =
    d("mapping.compute.eks_nodes", Value::Word("fargate"), "fargate | ec2 nodes, with platform: eks", OBS);
/// `mapping.compute.eks_node_type` (with `platform: eks` and `eks_nodes: ec2`).
pub const EKS_NODE_TYPE: KeyDefault =
    d("mapping.compute.eks_node_type", Value::Word("m6i.large"), "EC2 node type, with eks_nodes: ec2", OBS);
/// Memory EKS on Fargate adds to every pod for the Kubernetes agents, GB (256 MB).
pub const EKS_FARGATE_POD_OVERHEAD_GB: Decimal = dec(25, 2);
/// Root volume of an EKS EC2 node, GB of gp3 (the EKS AMI's default).
pub const EKS_NODE_ROOT_GB: Decimal = dec(20, 0);

/// Every `mapping:` default, in the file's order.
pub const MAPPING: [KeyDefault; 42] = [
    METRICS_TARGET,
    CLOUDWATCH_SERIES,
    PUBLISH_INTERVAL_SECONDS,
    DATAPOINTS_PER_PUT,
    ALARM_METRICS_PER_RULE,
    METRICS_PER_DASHBOARD_VIEW,
    AMP_BYTES_PER_SAMPLE,
    METRICS_RETENTION_DAYS,
    AMP_SAMPLES_PER_RULE_EVALUATION,
    AMP_SAMPLES_PER_DASHBOARD_VIEW,
    LOG_BYTES_PER_LINE,
    LOG_RETENTION_DAYS,
    LOG_COMPRESSION_RATIO,
    SPANS_PER_TRACE,
    JAEGER_SAMPLING_PERCENT,
    XRAY_RESERVOIR_PER_SECOND,
    XRAY_SAMPLING_PERCENT,
    RDS_MULTI_AZ,
    RDS_STORAGE_TYPE,
    RDS_STORAGE_HEADROOM,
    RDS_TPS_PER_VCPU,
    RDS_MEMORY_PER_DATA_GB,
    RDS_MEMORY_MB_PER_CONNECTION,
    ELASTICACHE_ENGINE,
    ELASTICACHE_REPLICAS,
    ELASTICACHE_MEMORY_HEADROOM,
    FARGATE_ARCHITECTURE,
    FARGATE_HEADROOM,
    FARGATE_LOAD_BALANCER,
    FARGATE_NAT_GATEWAYS,
    LOG_ARCHIVE_RETENTION_DAYS,
    AVAILABILITY_ZONES,
    CROSS_AZ_SHARE_PERCENT,
    AGENTS_VIA,
    SPAN_BYTES,
    METRIC_DATAPOINT_BYTES,
    REMOTE_WRITE_SAMPLE_BYTES,
    COMPUTE_PLATFORM,
    IMAGE_GB,
    IMAGE_VERSIONS_KEPT,
    DEPLOYMENTS_PER_MONTH,
    ADDITIONAL_SECRETS,
];

/// The values a scenario must give, as `obs-cost init` starts them (and `plan --usage` plans with
/// them when there is no scenario): each flag's value, else this default.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Starter {
    /// `name`.
    pub name: String,
    /// `region`.
    pub region: String,
    /// `team.engineers`.
    pub engineers: u32,
    /// `team.ops_fte`.
    pub ops_fte: Decimal,
    /// `team.loaded_monthly_cost_usd`.
    pub loaded_monthly_cost_usd: Decimal,
    /// `traffic.dau`.
    pub dau: Decimal,
    /// `business.downtime_cost_per_minute_usd`.
    pub downtime_cost_per_minute_usd: Decimal,
    /// `business.ops_burden`.
    pub ops_burden: OpsBurden,
    /// `self_hosted.availability_percent`.
    pub availability_percent: Decimal,
}

/// The name of a scenario `init` writes when none is given.
pub const NAME: &str = "my-stack";
/// The region priced when none is given.
pub const REGION: &str = "us-east-1";

impl Default for Starter {
    fn default() -> Self {
        Starter {
            name: NAME.into(),
            region: REGION.into(),
            engineers: 6,
            ops_fte: Decimal::ONE,
            loaded_monthly_cost_usd: Decimal::from(5000),
            dau: Decimal::from(50_000),
            downtime_cost_per_minute_usd: Decimal::from(1000),
            ops_burden: OpsBurden::Manageable,
            availability_percent: dec(999, 1),
        }
    }
}

/// One value `init` asks for: its flag, its question, the allowed range and the default's source.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ask {
    /// `--region`.
    Region,
    /// `--team`.
    Team,
    /// `--ops-fte`.
    OpsFte,
    /// `--dau`.
    Dau,
    /// `--downtime-cost-per-minute`.
    DowntimeCost,
    /// `--ops-burden`.
    OpsBurden,
    /// `--loaded-monthly-cost`.
    LoadedCost,
    /// `--availability`.
    Availability,
}

impl Ask {
    /// The values `init` asks for when their flag is missing, in the order it asks. The loaded
    /// cost and availability have the seed's defaults and are not asked (their flags set them).
    pub const ASKED: [Ask; 6] = [Ask::Region, Ask::Team, Ask::OpsFte, Ask::Dau, Ask::DowntimeCost, Ask::OpsBurden];

    /// Every value, in the order of the flags.
    pub const ALL: [Ask; 8] = [
        Ask::Region,
        Ask::Team,
        Ask::OpsFte,
        Ask::Dau,
        Ask::DowntimeCost,
        Ask::OpsBurden,
        Ask::LoadedCost,
        Ask::Availability,
    ];

    /// The command-line flag.
    pub fn flag(self) -> &'static str {
        match self {
            Ask::Region => "--region",
            Ask::Team => "--team",
            Ask::OpsFte => "--ops-fte",
            Ask::Dau => "--dau",
            Ask::DowntimeCost => "--downtime-cost-per-minute",
            Ask::OpsBurden => "--ops-burden",
            Ask::LoadedCost => "--loaded-monthly-cost",
            Ask::Availability => "--availability",
        }
    }

    /// The scenario key it fills.
    pub fn key(self) -> &'static str {
        match self {
            Ask::Region => "region",
            Ask::Team => "team.engineers",
            Ask::OpsFte => "team.ops_fte",
            Ask::Dau => "traffic.dau",
            Ask::DowntimeCost => "business.downtime_cost_per_minute_usd",
            Ask::OpsBurden => "business.ops_burden",
            Ask::LoadedCost => "team.loaded_monthly_cost_usd",
            Ask::Availability => "self_hosted.availability_percent",
        }
    }

    /// The question, as asked at the prompt.
    pub fn question(self) -> &'static str {
        match self {
            Ask::Region => "AWS region to price in",
            Ask::Team => "Engineers on the team (everyone)",
            Ask::OpsFte => "Full-time equivalents operating the stack",
            Ask::Dau => "Daily active users today",
            Ask::DowntimeCost => "Cost of one minute of downtime, USD",
            Ask::OpsBurden => "Operating the stack is (manageable|burdensome)",
            Ask::LoadedCost => "Loaded monthly cost of one engineer, USD",
            Ask::Availability => "Availability today, percent",
        }
    }

    /// Where the default comes from.
    pub fn source(self) -> &'static str {
        match self {
            Ask::Region => "AWS's default region",
            Ask::Team => "seed 004's CloudMart, a 4-10 team",
            Ask::OpsFte => "seed 000's ROI table, one person operating the stack",
            Ask::Dau => "seed 004's CloudMart",
            Ask::DowntimeCost => "seed 000's ROI table",
            Ask::OpsBurden => "not burdensome unless you say so",
            Ask::LoadedCost => "seed 000's ROI table",
            Ask::Availability => "seed 000, 43 minutes of downtime a month",
        }
    }

    /// The allowed range, in words, for errors and the prompt. `engineers` bounds the ops FTE.
    pub fn range(self, engineers: u32, regions: &[&str]) -> String {
        match self {
            Ask::Region => format!("one of the price book's regions: {}", regions.join(", ")),
            Ask::Team => format!("a whole number from 1 to {MAX_ENGINEERS}"),
            Ask::OpsFte => format!("a number from 0 to {engineers} (the team's size)"),
            Ask::Dau => format!("a whole number from 1 to {MAX_DAU}"),
            Ask::DowntimeCost => format!("a number of USD from 0 to {MAX_DOWNTIME_COST}"),
            Ask::OpsBurden => "manageable or burdensome".into(),
            Ask::LoadedCost => format!("a number of USD from 0 to {MAX_LOADED_COST}"),
            Ask::Availability => "a percentage from 0 to 100".into(),
        }
    }

    /// The current value, as written.
    pub fn shown(self, s: &Starter) -> String {
        match self {
            Ask::Region => s.region.clone(),
            Ask::Team => s.engineers.to_string(),
            Ask::OpsFte => s.ops_fte.normalize().to_string(),
            Ask::Dau => s.dau.normalize().to_string(),
            Ask::DowntimeCost => s.downtime_cost_per_minute_usd.normalize().to_string(),
            Ask::OpsBurden => s.ops_burden.as_str().into(),
            Ask::LoadedCost => s.loaded_monthly_cost_usd.normalize().to_string(),
            Ask::Availability => s.availability_percent.normalize().to_string(),
        }
    }

    /// Parses `text` for this value into `s`, or says what is allowed. `regions` are the price
    /// book's region codes.
    pub fn set(self, s: &mut Starter, text: &str, regions: &[&str]) -> Result<(), String> {
        let text = text.trim();
        let shown: String = text.chars().take(40).filter(|c| !c.is_control()).collect();
        let bad = || format!("{} '{shown}' is out of range: give {}", self.flag(), self.range(s.engineers, regions));
        let number = |max: Decimal| -> Result<Decimal, String> {
            match parse_decimal(text) {
                Some(v) if v >= Decimal::ZERO && v <= max => Ok(v.normalize()),
                _ => Err(bad()),
            }
        };
        match self {
            Ask::Region => {
                if regions.contains(&text) {
                    s.region = text.to_string();
                } else {
                    let close = crate::suggest::close_matches_tail(text, regions.iter().copied());
                    return Err(format!(
                        "{} '{shown}' is not in the price book: give {}{close}",
                        self.flag(),
                        self.range(s.engineers, regions)
                    ));
                }
            }
            Ask::Team => match text.parse::<u32>() {
                Ok(n) if (1..=MAX_ENGINEERS).contains(&n) => s.engineers = n,
                _ => return Err(bad()),
            },
            Ask::OpsFte => s.ops_fte = number(Decimal::from(s.engineers))?,
            Ask::Dau => match text.parse::<u64>() {
                Ok(n) if (1..=MAX_DAU).contains(&n) => s.dau = Decimal::from(n),
                _ => return Err(bad()),
            },
            Ask::DowntimeCost => s.downtime_cost_per_minute_usd = number(Decimal::from(MAX_DOWNTIME_COST))?,
            Ask::OpsBurden => {
                s.ops_burden = match text.to_ascii_lowercase().as_str() {
                    "manageable" => OpsBurden::Manageable,
                    "burdensome" => OpsBurden::Burdensome,
                    _ => return Err(bad()),
                }
            }
            Ask::LoadedCost => s.loaded_monthly_cost_usd = number(Decimal::from(MAX_LOADED_COST))?,
            Ask::Availability => s.availability_percent = number(Decimal::from(100))?,
        }
        Ok(())
    }
}

/// The largest team `init` accepts.
pub const MAX_ENGINEERS: u32 = 100_000;
/// The largest DAU `init` accepts.
pub const MAX_DAU: u64 = 10_000_000_000;
/// The largest cost of a minute of downtime `init` accepts, USD.
pub const MAX_DOWNTIME_COST: u32 = 10_000_000;
/// The largest loaded monthly cost of an engineer `init` accepts, USD.
pub const MAX_LOADED_COST: u32 = 1_000_000;

#[cfg(test)]
mod tests {
    use super::*;

    const REGIONS: [&str; 2] = ["ap-northeast-2", "us-east-1"];

    #[test]
    fn values_out_of_range_are_refused_with_the_range() {
        let mut s = Starter::default();
        let err = Ask::Team.set(&mut s, "-3", &REGIONS).unwrap_err();
        assert_eq!(err, "--team '-3' is out of range: give a whole number from 1 to 100000");
        assert!(Ask::Dau.set(&mut s, "0", &REGIONS).unwrap_err().contains("from 1 to 10000000000"));
        assert!(Ask::OpsFte.set(&mut s, "NaN", &REGIONS).is_err());
        assert!(Ask::OpsFte.set(&mut s, "7", &REGIONS).unwrap_err().contains("from 0 to 6 (the team's size)"));
        let err = Ask::Region.set(&mut s, "us-east1", &REGIONS).unwrap_err();
        assert!(err.contains("ap-northeast-2, us-east-1; close matches: us-east-1"), "{err}");
        assert!(Ask::OpsBurden.set(&mut s, "meh", &REGIONS).is_err());
        assert!(Ask::Availability.set(&mut s, "100.5", &REGIONS).is_err());
        assert_eq!(s, Starter::default(), "a refused value changes nothing");
        Ask::Team.set(&mut s, " 12 ", &REGIONS).unwrap();
        Ask::OpsFte.set(&mut s, "1.50", &REGIONS).unwrap();
        Ask::OpsBurden.set(&mut s, "Burdensome", &REGIONS).unwrap();
        assert_eq!((s.engineers, s.ops_fte.to_string(), s.ops_burden), (12, "1.5".into(), OpsBurden::Burdensome));
    }

    #[test]
    fn mapping_defaults_are_unique_keys_of_the_mapping_section() {
        let mut keys: Vec<&str> = MAPPING.iter().map(|d| d.key).collect();
        assert!(keys.iter().all(|k| k.starts_with("mapping.")));
        keys.sort_unstable();
        keys.dedup();
        assert_eq!(keys.len(), MAPPING.len());
    }
}
