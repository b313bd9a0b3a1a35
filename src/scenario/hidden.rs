//! The scenario keys of the costs a migration pays besides the services themselves: the network
//! (Availability Zones, the cross-AZ share of data-store traffic, how agents reach AWS and the
//! bytes they send), the log archive, the container platform (ECS or EKS, images, deployments)
//! and the secrets. Owns their types, defaults' meaning (the values are in `defaults`) and their
//! validation; the mapping to AWS quantities is `plan::mapping`.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::{check_range, Estimate, Invalid, Scenario};

/// How agents in private subnets reach CloudWatch, X-Ray and AMP.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum AgentPath {
    /// Through the NAT gateway: every telemetry byte is NAT data processed.
    Nat,
    /// Through VPC interface endpoints: per endpoint-AZ-hour plus per GB.
    VpcEndpoints,
}

impl AgentPath {
    /// `nat` or `vpc_endpoints`.
    pub fn as_str(self) -> &'static str {
        match self {
            AgentPath::Nat => "nat",
            AgentPath::VpcEndpoints => "vpc_endpoints",
        }
    }
}

/// Where the application containers run once compute moves.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Platform {
    /// Amazon ECS on Fargate (the seed's choice).
    Ecs,
    /// Amazon EKS: a control plane per cluster, with Fargate or EC2 nodes.
    Eks,
}

/// What runs the pods of an EKS cluster.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum EksNodes {
    /// EKS on Fargate: one Fargate task per pod, with 0.25 GB more memory for the Kubernetes agents.
    Fargate,
    /// A managed node group of EC2 instances (`eks_node_type`), at least one per AZ.
    Ec2,
}

/// `mapping.network`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NetworkMapping {
    /// Availability Zones the stack spans (default: 2, the fewest an ALB allows): the
    /// internet-facing ALB holds a public IPv4 address in each, every interface endpoint a network
    /// interface in each, and EKS EC2 nodes at least one in each.
    pub availability_zones: Option<u32>,
    /// Percent of the app-to-database and app-to-cache traffic that crosses AZs (default: 50).
    pub cross_az_share_percent: Option<Estimate>,
    /// `nat` (default) or `vpc_endpoints`: how agents in private subnets reach CloudWatch, X-Ray and
    /// AMP. The plan prices both and says which is cheaper.
    pub agents_via: Option<AgentPath>,
    /// Bytes one X-Ray span takes on the wire (default: 500).
    pub span_bytes: Option<Estimate>,
    /// Bytes one CloudWatch datapoint takes in a PutMetricData request (default: 200).
    pub metric_datapoint_bytes: Option<Estimate>,
    /// Bytes one sample takes in an AMP remote-write request, compressed (default: 2).
    pub remote_write_sample_bytes: Option<Estimate>,
}

/// `mapping.logs`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LogsMapping {
    /// Age in days at which logs are exported from CloudWatch Logs to an S3 Standard archive;
    /// absent: no archive.
    pub archive_after_days: Option<Estimate>,
    /// Age in days at which archived logs are deleted from S3 (default: 365).
    pub archive_retention_days: Option<Estimate>,
}

/// `mapping.compute`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ComputeMapping {
    /// `ecs` (default) or `eks`.
    pub platform: Option<Platform>,
    /// With `eks`: `fargate` (default) or `ec2` nodes.
    pub eks_nodes: Option<EksNodes>,
    /// With `eks` and `ec2` nodes: the node instance type (default: m6i.large).
    pub eks_node_type: Option<String>,
    /// With `eks`: the cluster runs a Kubernetes version past standard support (default: false).
    pub eks_extended_support: Option<bool>,
    /// Size of one application image in ECR, GB (default: 0.3).
    pub image_gb: Option<Estimate>,
    /// Image versions kept per service (default: 10).
    pub image_versions_kept: Option<Estimate>,
    /// Deployments per month, each starting every task anew (default: 30).
    pub deployments_per_month: Option<Estimate>,
}

/// `mapping.secrets_manager`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SecretsMapping {
    /// Secrets besides one per database and one per cache (API keys, tokens) (default: 0).
    pub additional_secrets: Option<Estimate>,
}

/// Checks the keys of this module and `usage.database.postgres_major_version`.
pub(super) fn validate(s: &Scenario) -> Result<(), Invalid> {
    let m = &s.mapping;
    let zero = Decimal::ZERO;
    let positive = Decimal::new(1, 6);
    if let Some(azs) = m.network.availability_zones {
        if !(2..=6).contains(&azs) {
            return Err((
                "mapping.network.availability_zones".into(),
                format!("is {azs}; an internet-facing ALB spans at least 2 AZs, and no region has more than 6"),
            ));
        }
    }
    let n = &m.network;
    check_range(
        "mapping.network.cross_az_share_percent",
        &n.cross_az_share_percent,
        zero,
        Some(Decimal::ONE_HUNDRED),
        "a share",
    )?;
    for (key, e) in [
        ("mapping.network.span_bytes", &n.span_bytes),
        ("mapping.network.metric_datapoint_bytes", &n.metric_datapoint_bytes),
        ("mapping.network.remote_write_sample_bytes", &n.remote_write_sample_bytes),
        ("mapping.compute.image_versions_kept", &m.compute.image_versions_kept),
    ] {
        check_range(key, e, positive, None, "a positive number")?;
    }
    for (key, e) in [
        ("mapping.compute.image_gb", &m.compute.image_gb),
        ("mapping.compute.deployments_per_month", &m.compute.deployments_per_month),
        ("mapping.secrets_manager.additional_secrets", &m.secrets_manager.additional_secrets),
        ("mapping.logs.archive_after_days", &m.logs.archive_after_days),
    ] {
        check_range(key, e, zero, None, "a number")?;
    }
    let l = &m.logs;
    check_range("mapping.logs.archive_retention_days", &l.archive_retention_days, positive, None, "a number of days")?;
    if let (Some(after), retention) = (&l.archive_after_days, &l.archive_retention_days) {
        let keep = retention.map_or(super::defaults::LOG_ARCHIVE_RETENTION_DAYS.number(), |r| r.low());
        if after.high() >= keep {
            return Err((
                "mapping.logs.archive_after_days".into(),
                format!(
                    "is {after}, not below mapping.logs.archive_retention_days ({}): logs must reach the archive before they are deleted from it",
                    keep.normalize()
                ),
            ));
        }
    }
    if m.compute.platform != Some(Platform::Eks)
        && (m.compute.eks_nodes.is_some()
            || m.compute.eks_node_type.is_some()
            || m.compute.eks_extended_support.is_some())
    {
        return Err((
            "mapping.compute".into(),
            "sets eks_nodes, eks_node_type or eks_extended_support, which apply only with platform: eks".into(),
        ));
    }
    if let Some(v) = s.usage.database.as_ref().and_then(|d| d.postgres_major_version) {
        let whole = v.0.fract().is_zero();
        if !whole || v.0 < Decimal::from(6) || v.0 > Decimal::from(99) {
            return Err((
                "usage.database.postgres_major_version".into(),
                format!("is {}; give the PostgreSQL major version as a whole number, e.g. 16", v.0.normalize()),
            ));
        }
    }
    if let Some(date) = &m.rds.extended_support_as_of {
        if !crate::pricing::book::is_date(date) {
            let shown: String = date.chars().take(40).filter(|c| !c.is_control()).collect();
            return Err((
                "mapping.rds.extended_support_as_of".into(),
                format!("is '{shown}'; give a date as YYYY-MM-DD"),
            ));
        }
    }
    Ok(())
}
