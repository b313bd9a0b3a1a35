//! Cost models, one file per AWS service: each declares its usage keys (unit in the name) and turns
//! usage into cost components that say *what* is billed and *how much*, never *at what price*.
//! Models are pure: no I/O, no prices, no formatting (style rules R1 and R2).
//!
//! [`AwsUsage`] is the `estimate --aws-usage` file: one section per model, keyed as below. Its key
//! names are a contract that checks outside this repository rely on.

pub mod cloudwatch_alarms;
pub mod cloudwatch_dashboards;
pub mod cloudwatch_logs;
pub mod cloudwatch_metrics;
pub mod data_transfer;
pub mod ebs;
pub mod ec2;
pub mod ecr;
pub mod eks;
pub mod elasticache;
pub mod fargate;
pub mod load_balancer;
pub mod managed_grafana;
pub mod managed_prometheus;
pub mod nat_gateway;
pub mod public_ipv4;
pub mod rds;
pub mod s3;
pub mod secrets_manager;
pub mod sns;
pub mod vpc_endpoint;
pub mod xray;

#[cfg(test)]
pub(crate) mod testing;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::pricing::PriceQuery;
use crate::units::{Quantity, HOURS_PER_MONTH};

/// One billable quantity of one service, and the price it needs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CostComponent {
    /// What is billed, capitalised, variable parts in one pair of brackets: `Custom metrics`,
    /// `DB instance (db.t3.large, Multi-AZ)`.
    pub name: String,
    /// Monthly quantity in the price entry's unit; `None` when the usage is unknown.
    pub quantity: Option<Decimal>,
    /// The price to look up.
    pub price: PriceQuery,
}

impl CostComponent {
    /// A component with a known quantity.
    pub fn new(name: impl Into<String>, quantity: Decimal, price: PriceQuery) -> Self {
        CostComponent { name: name.into(), quantity: Some(quantity), price }
    }

    /// A component whose quantity may be unknown.
    pub fn maybe(name: impl Into<String>, quantity: Option<Decimal>, price: PriceQuery) -> Self {
        CostComponent { name: name.into(), quantity, price }
    }
}

/// What every model may know besides its own usage.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ModelContext {
    /// Hours in the billing month (730 unless the usage file says otherwise).
    pub hours_per_month: Decimal,
}

impl Default for ModelContext {
    fn default() -> Self {
        ModelContext { hours_per_month: HOURS_PER_MONTH }
    }
}

/// One AWS service's cost model.
pub trait ServiceModel {
    /// The usage file key of this service, e.g. `cloudwatch_logs`; also the `service` of its output.
    const SERVICE: &'static str;
    /// Its billable components.
    fn components(&self, ctx: &ModelContext) -> Vec<CostComponent>;
}

/// Reads an optional quantity as an optional decimal.
pub(crate) fn q(value: Option<Quantity>) -> Option<Decimal> {
    value.map(Quantity::get)
}

/// The `estimate --aws-usage` file, and the typed AWS usage document the planner builds for each
/// phase and for the self-hosted estate (`aws_usage` and `baseline.usage` in the plan JSON): AWS
/// quantities for one account and one month. Models price it directly ([`AwsUsage::components`]).
///
/// When written, absent sections and empty lists are left out, and sections come in the order the
/// default phases add them (metrics, logs and traces, data, compute; the estate's EC2, EBS and load
/// balancers), so a plan's usage reads as it grew. The order of pricing is [`AwsUsage::components`]'s.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct AwsUsage {
    /// AWS region code; `--region` overrides it; default `us-east-1`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
    /// Apply the account-wide free tiers (default true); `--free-tier` overrides it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub free_tier: Option<bool>,
    /// Hours in the month for hourly prices (default 730).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hours_per_month: Option<Quantity>,
    /// CloudWatch metrics and API requests.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cloudwatch_metrics: Option<cloudwatch_metrics::CloudwatchMetrics>,
    /// CloudWatch alarms.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cloudwatch_alarms: Option<cloudwatch_alarms::CloudwatchAlarms>,
    /// CloudWatch dashboards.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cloudwatch_dashboards: Option<cloudwatch_dashboards::CloudwatchDashboards>,
    /// Amazon Managed Service for Prometheus.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub managed_prometheus: Option<managed_prometheus::ManagedPrometheus>,
    /// Amazon Managed Grafana.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub managed_grafana: Option<managed_grafana::ManagedGrafana>,
    /// Amazon SNS notification deliveries (alarm notifications).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sns: Option<sns::Sns>,
    /// CloudWatch Logs.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cloudwatch_logs: Option<cloudwatch_logs::CloudwatchLogs>,
    /// S3 Standard buckets (a log archive).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub s3: Vec<s3::S3Bucket>,
    /// AWS X-Ray.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub xray: Option<xray::Xray>,
    /// RDS for PostgreSQL instances.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rds: Vec<rds::RdsInstance>,
    /// ElastiCache (Redis OSS / Valkey) clusters.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub elasticache: Vec<elasticache::ElastiCacheCluster>,
    /// AWS Secrets Manager secrets and API requests.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub secrets_manager: Option<secrets_manager::SecretsManager>,
    /// Traffic crossing Availability Zones, GB per month (app to database, app to cache).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub cross_az_transfer: Vec<data_transfer::CrossAzTransfer>,
    /// ECS (or EKS) Fargate services.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub fargate: Vec<fargate::FargateService>,
    /// EKS control planes.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub eks: Vec<eks::EksCluster>,
    /// ECR image storage.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ecr: Option<ecr::Ecr>,
    /// EC2 instances (the self-hosted baseline).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub ec2: Vec<ec2::Ec2Instances>,
    /// EBS volumes (the self-hosted baseline).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub ebs: Vec<ebs::EbsVolumes>,
    /// Elastic Load Balancing load balancers.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub load_balancers: Vec<load_balancer::LoadBalancer>,
    /// NAT gateways.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub nat_gateways: Vec<nat_gateway::NatGateway>,
    /// Public IPv4 addresses in use.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub public_ipv4: Vec<public_ipv4::PublicIpv4>,
    /// VPC interface endpoints.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub vpc_endpoints: Vec<vpc_endpoint::VpcEndpoint>,
    /// Data transfer out to the internet, GB per month.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub data_transfer_out_gb: Option<Quantity>,
}

impl AwsUsage {
    /// Every service's components, in file order, grouped by service key. Sections absent from the
    /// file are absent here; lists contribute one component group per service key.
    pub fn components(&self, ctx: &ModelContext) -> Vec<(&'static str, Vec<CostComponent>)> {
        fn one<M: ServiceModel>(m: &Option<M>, ctx: &ModelContext, out: &mut Vec<(&'static str, Vec<CostComponent>)>) {
            if let Some(m) = m {
                out.push((M::SERVICE, m.components(ctx)));
            }
        }
        fn many<M: ServiceModel>(ms: &[M], ctx: &ModelContext, out: &mut Vec<(&'static str, Vec<CostComponent>)>) {
            if !ms.is_empty() {
                out.push((M::SERVICE, ms.iter().flat_map(|m| m.components(ctx)).collect()));
            }
        }
        let mut out = Vec::new();
        one(&self.cloudwatch_metrics, ctx, &mut out);
        one(&self.cloudwatch_alarms, ctx, &mut out);
        one(&self.cloudwatch_dashboards, ctx, &mut out);
        one(&self.cloudwatch_logs, ctx, &mut out);
        one(&self.xray, ctx, &mut out);
        one(&self.managed_prometheus, ctx, &mut out);
        one(&self.managed_grafana, ctx, &mut out);
        one(&self.sns, ctx, &mut out);
        many(&self.s3, ctx, &mut out);
        many(&self.rds, ctx, &mut out);
        many(&self.elasticache, ctx, &mut out);
        one(&self.secrets_manager, ctx, &mut out);
        many(&self.fargate, ctx, &mut out);
        many(&self.eks, ctx, &mut out);
        one(&self.ecr, ctx, &mut out);
        many(&self.load_balancers, ctx, &mut out);
        many(&self.nat_gateways, ctx, &mut out);
        many(&self.public_ipv4, ctx, &mut out);
        many(&self.vpc_endpoints, ctx, &mut out);
        many(&self.ec2, ctx, &mut out);
        many(&self.ebs, ctx, &mut out);
        if let Some(gb) = self.data_transfer_out_gb {
            out.push((
                data_transfer::DataTransfer::SERVICE,
                data_transfer::DataTransfer { out_gb: Some(gb) }.components(ctx),
            ));
        }
        many(&self.cross_az_transfer, ctx, &mut out);
        out
    }
}
