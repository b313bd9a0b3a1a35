//! The costs a migration pays besides the services themselves, mapped with the workload that
//! brings them: SNS notifications with metrics (alarms), the S3 log archive with logs, RDS
//! Extended Support and cross-AZ traffic with the database and the cache, public IPv4 addresses,
//! ECR images and the EKS platform with compute; and, once per phase over everything already on
//! AWS ([`finish`]), Secrets Manager and how the agents reach AWS (the NAT gateway or VPC
//! interface endpoints). Every quantity comes with its sentence; no prices.

use anyhow::{bail, Result};
use rust_decimal::Decimal;

use super::{choice, fmt, qty, unknown_or, MapInput, Mapper, BYTES_PER_GB};
use crate::model::data_transfer::CrossAzTransfer;
use crate::model::ebs::EbsVolumes;
use crate::model::ec2::{Ec2InstanceType, Ec2Instances, EC2_INSTANCE_TYPES};
use crate::model::ecr::Ecr;
use crate::model::eks::EksCluster;
use crate::model::public_ipv4::PublicIpv4;
use crate::model::rds::{postgres_support, ExtendedSupport, PostgresSupport, POSTGRES_CALENDAR};
use crate::model::s3::S3Bucket;
use crate::model::secrets_manager::SecretsManager;
use crate::model::sns::Sns;
use crate::model::vpc_endpoint::VpcEndpoint;
use crate::model::AwsUsage;
use crate::scenario::defaults;
use crate::scenario::hidden::{AgentPath, EksNodes, Platform};
use crate::scenario::Workload;
use crate::units::{group_thousands, Quantity};

/// Alertmanager integrations SNS has no priced protocol for (SMS prices vary by country).
const UNPRICED_INTEGRATIONS: &[&str] = &["sms"];

/// SNS deliveries from Alertmanager's notifications by integration: `email` becomes SNS email,
/// SMS has no price, every other integration (webhook, Slack, PagerDuty, Opsgenie, ...) an HTTP/S
/// subscription. Unknown counts stay unknown.
pub(super) fn sns(c: &mut Mapper<'_, '_>, doc: &mut AwsUsage) -> Result<()> {
    let Some(alerting) = c.input.usage.alerting.clone() else {
        c.say(
            "usage.alerting.notifications_per_month not given -> SNS email and HTTP/S deliveries unknown (obs-cost measure reads them from Alertmanager's alertmanager_notifications_total)"
                .into(),
        );
        doc.sns = Some(Sns::default());
        return Ok(());
    };
    let (mut email, mut http) = (Decimal::ZERO, Decimal::ZERO);
    let (mut email_kinds, mut http_kinds) = (Vec::new(), Vec::new());
    for (kind, value) in &alerting.notifications_per_month {
        let path = format!("usage.alerting.notifications_per_month.{kind}");
        let v = c.usage(&path, Some(value), false).unwrap_or_default();
        if UNPRICED_INTEGRATIONS.contains(&kind.as_str()) {
            if v > Decimal::ZERO {
                bail!(
                    "{path} is {}: SNS text messages are priced per destination country and the price book has no SMS price for {}\nhint: send these alerts by email or HTTP/S, or leave the key out and price SMS yourself",
                    fmt(v),
                    c.region()
                );
            }
            continue;
        }
        let shown = format!("{kind} {}", fmt(v));
        if kind == "email" {
            email += v;
            email_kinds.push(shown);
        } else {
            http += v;
            http_kinds.push(shown);
        }
    }
    let list = |kinds: &[String]| if kinds.is_empty() { "none".to_string() } else { kinds.join(", ") };
    c.say(format!(
        "Alertmanager notifications a month: {} -> {} SNS email deliveries; {} -> {} SNS HTTP/S deliveries (chat and paging webhooks become HTTPS subscriptions); the first 1,000 emails and 100,000 HTTP/S deliveries a month are free",
        list(&email_kinds),
        fmt(email),
        list(&http_kinds),
        fmt(http)
    ));
    doc.sns = Some(Sns { email_notifications: Some(Quantity(email)), http_notifications: Some(Quantity(http)) });
    Ok(())
}

/// The S3 Standard archive of logs exported at `archive_after_days`, kept until
/// `archive_retention_days`, when the scenario sets an archive.
pub(super) fn log_archive(c: &mut Mapper<'_, '_>, doc: &mut AwsUsage, ingested_gb: Option<Decimal>) {
    let m = &c.input.scenario.mapping;
    let Some(after) = c.usage("mapping.logs.archive_after_days", m.logs.archive_after_days.as_ref(), false) else {
        return;
    };
    let keep = c.assume(&defaults::LOG_ARCHIVE_RETENTION_DAYS, m.logs.archive_retention_days.as_ref());
    let ratio = c.assume(&defaults::LOG_COMPRESSION_RATIO, m.log_compression_ratio.as_ref());
    let days_per_month = c.input.hours / Decimal::from(24);
    let days = (keep - after).max(Decimal::ZERO);
    let stored = ingested_gb.map(|g| (g * ratio * days / days_per_month).round_dp(4));
    c.say(format!(
        "logs exported to S3 at {} days old and kept there until {} days: {} GB/month x {} compression x {} days / {} days per month -> {} GB in S3 Standard once the archive has filled (CloudWatch Logs keeps its own copy for mapping.log_retention_days)",
        fmt(after),
        fmt(keep),
        unknown_or(ingested_gb),
        fmt(ratio),
        fmt(days),
        group_thousands(days_per_month, 4),
        unknown_or(stored)
    ));
    doc.s3.push(S3Bucket { name: "log-archive".into(), storage_gb: qty(stored), put_requests: None });
}

/// Where the database's PostgreSQL major stands in the RDS support calendar on the plan's date:
/// the Extended Support period to bill, `Unknown` when the version is, none in standard support.
/// A version past Extended Support cannot move to RDS: an error naming the key.
pub(super) fn extended_support(c: &mut Mapper<'_, '_>) -> Result<Option<ExtendedSupport>> {
    let rds = &c.input.scenario.mapping.rds;
    let date = rds.extended_support_as_of.clone().unwrap_or_else(|| c.input.support_date.to_string());
    let known = POSTGRES_CALENDAR
        .first()
        .zip(POSTGRES_CALENDAR.last())
        .map_or(String::new(), |(a, b)| format!("{}-{}", a.0, b.0));
    let version = c.input.usage.database.as_ref().and_then(|d| d.postgres_major_version);
    let Some(major) = version.and_then(|v| rust_decimal::prelude::ToPrimitive::to_u32(&v.0.trunc())) else {
        c.say(
            "PostgreSQL major version unknown (usage.database.postgres_major_version; obs-cost measure reads it from postgres_exporter's pg_static) -> RDS Extended Support unknown"
                .into(),
        );
        return Ok(Some(ExtendedSupport::Unknown));
    };
    Ok(match postgres_support(major, &date) {
        PostgresSupport::Standard { ends } => {
            c.say(format!(
                "PostgreSQL {major} is in RDS standard support on {date} (until {ends}) -> no Extended Support charge"
            ));
            None
        }
        PostgresSupport::Extended { period, standard_ended, since } => {
            c.say(format!(
                "PostgreSQL {major} left RDS standard support on {standard_ended}; on {date} it is in RDS Extended Support, {} (since {since}) -> billed per vCPU-hour of the instance and of its standby (upgrade the major to avoid it)",
                period.label()
            ));
            Some(period)
        }
        PostgresSupport::Newer => {
            c.say(format!(
                "PostgreSQL {major} is newer than the RDS support calendar obs-cost knows ({known}) -> assumed in standard support, no Extended Support charge"
            ));
            None
        }
        PostgresSupport::NotOffered => bail!(
            "usage.database.postgres_major_version is {major}: on {date} RDS for PostgreSQL {major} is past the end of RDS Extended Support (or RDS never offered it), so the database cannot move to RDS at that version\nhint: plan the major-version upgrade before the migration and give the target version (the calendar obs-cost knows covers {known})"
        ),
    })
}

/// App-to-`what` traffic across AZs once the data store is on AWS: the measured or given volume
/// (scaled with traffic) times the assumed cross-AZ share.
pub(super) fn cross_az(c: &mut Mapper<'_, '_>, doc: &mut AwsUsage, name: &str, key: &str, what: &str, note: &str) {
    let net = c.input.usage.network.clone().unwrap_or_default();
    let given = match key {
        "app_to_database_gb_per_month" => net.app_to_database_gb_per_month,
        _ => net.app_to_cache_gb_per_month,
    };
    let path = format!("usage.network.{key}");
    let gb = c.usage(&path, given.as_ref(), true);
    let share =
        c.assume(&defaults::CROSS_AZ_SHARE_PERCENT, c.input.scenario.mapping.network.cross_az_share_percent.as_ref());
    let crossing = gb.map(|g| (g * share / Decimal::ONE_HUNDRED).round_dp(4));
    let given_note = if gb.is_none() { format!(" (give {path})") } else { String::new() };
    c.say(format!(
        "{} GB/month between the application and the {what}{given_note} x {}% crossing AZs (mapping.network.cross_az_share_percent) -> {} GB billed out of one AZ and into the other{note}",
        unknown_or(gb),
        fmt(share),
        unknown_or(crossing)
    ));
    doc.cross_az_transfer.push(CrossAzTransfer { name: name.into(), gb: qty(crossing) });
}

/// The AZs of the stack (`mapping.network.availability_zones`).
fn availability_zones(i: &MapInput<'_>) -> u32 {
    i.scenario.mapping.network.availability_zones.unwrap_or(defaults::AVAILABILITY_ZONES.count())
}

/// The NAT gateways of the stack once compute moves.
fn nat_gateways(i: &MapInput<'_>) -> u32 {
    i.scenario.mapping.fargate.nat_gateways.unwrap_or(defaults::FARGATE_NAT_GATEWAYS.count())
}

/// The application tasks (pods) running: the sum of the containers' replicas, `None` when one is
/// unknown.
fn tasks(c: &Mapper<'_, '_>) -> Option<Decimal> {
    let mut total = Decimal::ZERO;
    for (idx, ct) in c.input.usage.containers.iter().enumerate() {
        let r = c.usage(&format!("usage.containers[{idx}].replicas"), ct.replicas.as_ref(), true)?;
        total += r.ceil().max(Decimal::ONE);
    }
    Some(total)
}

/// What compute brings besides its tasks: public IPv4 addresses (one per NAT gateway, one per AZ
/// of the internet-facing ALB, one per task when tasks run in public subnets) and ECR images.
pub(super) fn compute_extras(c: &mut Mapper<'_, '_>, doc: &mut AwsUsage) {
    let nats = nat_gateways(c.input);
    let azs = availability_zones(c.input);
    let mut groups = Vec::new();
    if nats > 0 {
        groups.push(("nat", Some(Decimal::from(nats)), format!("{nats} for the NAT gateway(s)")));
    }
    groups.push(("alb", Some(Decimal::from(azs)), format!("{azs} for the internet-facing ALB (one per AZ)")));
    if nats == 0 {
        let t = tasks(c);
        groups.push(("tasks", t, format!("{} for the tasks in public subnets (one each)", unknown_or(t))));
    }
    c.say(format!(
        "public IPv4 addresses: {} -> billed per address-hour",
        groups.iter().map(|g| g.2.as_str()).collect::<Vec<_>>().join(", ")
    ));
    for (name, addresses, _) in groups {
        doc.public_ipv4.push(PublicIpv4 { name: name.into(), addresses: qty(addresses), hours: None });
    }
    let services = Decimal::from(c.input.usage.containers.len());
    if services.is_zero() {
        return;
    }
    let cm = &c.input.scenario.mapping.compute;
    let image = c.assume(&defaults::IMAGE_GB, cm.image_gb.as_ref());
    let kept = c.assume(&defaults::IMAGE_VERSIONS_KEPT, cm.image_versions_kept.as_ref());
    let gb = (services * image * kept).round_dp(4);
    c.say(format!(
        "{} service image(s) x {} GB x {} versions kept -> {} GB in ECR",
        fmt(services),
        fmt(image),
        fmt(kept),
        fmt(gb)
    ));
    doc.ecr = Some(Ecr { storage_gb: Some(Quantity(gb)) });
}

/// The container platform (`mapping.compute.platform`).
pub(super) fn platform(i: &MapInput<'_>) -> Platform {
    i.scenario.mapping.compute.platform.unwrap_or(Platform::Ecs)
}

/// Memory each pod needs besides its container on the platform, GB (EKS on Fargate's agents).
pub(super) fn pod_overhead_gb(i: &MapInput<'_>) -> Decimal {
    let c = &i.scenario.mapping.compute;
    match (platform(i), c.eks_nodes.unwrap_or(EksNodes::Fargate)) {
        (Platform::Eks, EksNodes::Fargate) => defaults::EKS_FARGATE_POD_OVERHEAD_GB,
        _ => Decimal::ZERO,
    }
}

/// With `platform: eks`, the control plane, and with EC2 nodes the node group (sized on the pods'
/// Fargate sizes, at least one node per AZ) in place of the Fargate tasks.
pub(super) fn eks(c: &mut Mapper<'_, '_>, doc: &mut AwsUsage) -> Result<()> {
    if platform(c.input) != Platform::Eks {
        return Ok(());
    }
    let cm = c.input.scenario.mapping.compute.clone();
    let extended = cm.eks_extended_support.unwrap_or(false);
    c.say(format!(
        "EKS (mapping.compute.platform: eks): 1 cluster control plane{} instead of ECS",
        if extended { ", on a Kubernetes version in extended support (surcharge per cluster-hour)" } else { "" }
    ));
    doc.eks.push(EksCluster { name: "main".into(), clusters: None, hours: None, extended_support: extended });
    if cm.eks_nodes.unwrap_or(EksNodes::Fargate) == EksNodes::Fargate {
        c.say(format!(
            "EKS on Fargate: one Fargate task per pod, each with {} GB more memory for the Kubernetes agents (kubelet, kube-proxy)",
            fmt(defaults::EKS_FARGATE_POD_OVERHEAD_GB)
        ));
        return Ok(());
    }
    let node_type = cm.eks_node_type.unwrap_or_else(|| defaults::EKS_NODE_TYPE.word().into());
    let instance_type: Ec2InstanceType = choice("mapping.compute.eks_node_type", &node_type)?;
    let spec = EC2_INSTANCE_TYPES.iter().find(|s| s.name == instance_type.as_str());
    let (node_vcpu, node_gb) = spec.map_or((Decimal::ONE, Decimal::ONE), |s| {
        (Decimal::from(s.vcpu), rust_decimal::prelude::FromPrimitive::from_f64(s.memory_gib).unwrap_or(Decimal::ONE))
    });
    let pods = std::mem::take(&mut doc.fargate);
    let (mut vcpu, mut gb) = (Decimal::ZERO, Decimal::ZERO);
    for p in &pods {
        let Some(n) = p.tasks else {
            bail!(
                "usage.containers ({}) has no replicas: the EKS EC2 node group cannot be sized\nhint: give usage.containers[].replicas",
                p.name
            );
        };
        vcpu += p.vcpu.get() * n.get();
        gb += p.memory_gb.get() * n.get();
    }
    let azs = Decimal::from(availability_zones(c.input));
    let nodes = (vcpu / node_vcpu).ceil().max((gb / node_gb).ceil()).max(azs);
    c.say(format!(
        "EKS EC2 nodes: pods need {} vCPU and {} GB -> {} x {node_type} ({} vCPU, {} GB each, at least one per AZ), each with a {} GB gp3 root volume",
        fmt(vcpu),
        fmt(gb),
        fmt(nodes),
        fmt(node_vcpu),
        fmt(node_gb),
        fmt(defaults::EKS_NODE_ROOT_GB)
    ));
    doc.ec2.push(Ec2Instances { name: "eks-nodes".into(), instance_type, count: Some(Quantity(nodes)), hours: None });
    doc.ebs.push(EbsVolumes {
        name: "eks-node-root".into(),
        volume_type: choice("eks node volume", "gp3")?,
        size_gb: Quantity(defaults::EKS_NODE_ROOT_GB),
        count: Some(Quantity(nodes)),
        iops: None,
        throughput_mbps: None,
    });
    Ok(())
}

/// The telemetry the agents send to AWS once compute runs there, and how.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Telemetry {
    /// GB per month sent to CloudWatch, X-Ray and AMP; `None` when some part is unknown.
    pub gb: Option<Decimal>,
    /// The AWS services' interface endpoints it would need (`logs`, `monitoring`, `aps-workspaces`, `xray`).
    pub endpoints: Vec<&'static str>,
    /// Availability Zones each endpoint would have an interface in.
    pub availability_zones: u32,
    /// How the plan sends it.
    pub via: AgentPath,
}

/// What [`finish`] found for a phase: its sentences and the agents' telemetry (none before compute
/// moves, or when the tasks run in public subnets).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Finished {
    /// One sentence per quantity set.
    pub sentences: Vec<String>,
    /// The agents' traffic to AWS.
    pub telemetry: Option<Telemetry>,
}

/// Secrets Manager and the agents' path to AWS, over everything on AWS after a phase (`doc`), set
/// anew each phase: one secret per database and cache (plus, once compute moves, the app's
/// `additional_secrets`), read by every
/// task at each deployment once compute has moved; the NAT gateway's data processed (the app's
/// egress plus, through the NAT, the telemetry), or VPC interface endpoints for the telemetry.
pub fn finish(i: &MapInput<'_>, doc: &mut AwsUsage) -> Result<Finished> {
    let mut out = Vec::new();
    let mut c = Mapper { input: i, workload: Workload::Compute, out: &mut out };
    let m = &i.scenario.mapping;
    let compute_on_aws = !doc.fargate.is_empty() || !doc.eks.is_empty() || !doc.load_balancers.is_empty();
    let stores = Decimal::from(doc.rds.len() + doc.elasticache.len());
    // The other secrets are the application's (API keys, tokens): they move with compute.
    let extra = if compute_on_aws {
        c.assume(&defaults::ADDITIONAL_SECRETS, m.secrets_manager.additional_secrets.as_ref())
    } else {
        Decimal::ZERO
    };
    let secrets = stores + extra;
    doc.secrets_manager = None;
    if secrets > Decimal::ZERO {
        let (requests, how) = if compute_on_aws {
            let deployments = c.assume(&defaults::DEPLOYMENTS_PER_MONTH, m.compute.deployments_per_month.as_ref());
            let t = tasks(&c);
            (
                t.map(|t| t * secrets * deployments),
                format!("{} tasks read each at every one of {} deployments a month", unknown_or(t), fmt(deployments)),
            )
        } else {
            (
                Some(Decimal::ZERO),
                "no API requests until compute moves (the self-hosted app keeps its configuration)".into(),
            )
        };
        c.say(format!(
            "{} secret(s) in Secrets Manager ({} database/cache credential(s) + {} more, mapping.secrets_manager.additional_secrets); {how} -> {} API requests",
            fmt(secrets),
            fmt(stores),
            fmt(extra),
            unknown_or(requests)
        ));
        doc.secrets_manager = Some(SecretsManager { secrets: Some(Quantity(secrets)), api_requests: qty(requests) });
    }
    let telemetry = if compute_on_aws { agents(&mut c, doc) } else { None };
    Ok(Finished { sentences: out.into_iter().map(|e| e.text).collect(), telemetry })
}

/// The telemetry GB of what is on AWS, and the path it takes (sets the NAT gateway's data processed
/// and the VPC endpoints).
fn agents(c: &mut Mapper<'_, '_>, doc: &mut AwsUsage) -> Option<Telemetry> {
    let m = &c.input.scenario.mapping;
    let app_gb = {
        let net = c.input.usage.network.clone().unwrap_or_default();
        c.usage("usage.network.nat_processed_gb_per_month", net.nat_processed_gb_per_month.as_ref(), true)
    };
    let q = |v: Option<Quantity>| v.map(Quantity::get);
    let mut parts: Vec<(&'static str, Option<Decimal>)> = Vec::new();
    let gb = |bytes: Decimal| (bytes / BYTES_PER_GB).round_dp(4);
    if let Some(l) = &doc.cloudwatch_logs {
        parts.push(("logs", q(l.ingested_gb)));
    }
    if let Some(cw) = &doc.cloudwatch_metrics {
        let interval = c.assume(&defaults::PUBLISH_INTERVAL_SECONDS, m.cloudwatch_publish_interval_seconds.as_ref());
        let bytes = c.assume(&defaults::METRIC_DATAPOINT_BYTES, m.network.metric_datapoint_bytes.as_ref());
        let seconds = c.seconds();
        parts.push(("monitoring", q(cw.custom_metrics).map(|n| gb(n * seconds / interval * bytes))));
    }
    if let Some(amp) = &doc.managed_prometheus {
        let bytes = c.assume(&defaults::REMOTE_WRITE_SAMPLE_BYTES, m.network.remote_write_sample_bytes.as_ref());
        parts.push(("aps-workspaces", q(amp.samples_ingested).map(|s| gb(s * bytes))));
    }
    if let Some(x) = &doc.xray {
        let spans = c.assume(&defaults::SPANS_PER_TRACE, m.spans_per_trace.as_ref());
        let bytes = c.assume(&defaults::SPAN_BYTES, m.network.span_bytes.as_ref());
        parts.push(("xray", q(x.traces_recorded).map(|t| gb(t * spans * bytes))));
    }
    doc.vpc_endpoints.clear();
    let set_nat = |doc: &mut AwsUsage, v: Option<Decimal>| {
        if let Some(n) = doc.nat_gateways.first_mut() {
            n.processed_gb = qty(v);
        }
    };
    if nat_gateways(c.input) == 0 || parts.is_empty() {
        if !parts.is_empty() {
            c.say("tasks in public subnets (mapping.fargate.nat_gateways: 0): agents reach CloudWatch, X-Ray and AMP through the internet gateway, at no charge".into());
        }
        set_nat(doc, app_gb);
        return None;
    }
    let total = parts.iter().try_fold(Decimal::ZERO, |acc, (_, v)| v.map(|v| acc + v));
    let shown: Vec<String> = parts.iter().map(|(name, v)| format!("{name} {}", unknown_or(*v))).collect();
    let endpoints: Vec<&'static str> = parts.iter().map(|(name, _)| *name).collect();
    let azs = availability_zones(c.input);
    let via = m.network.agents_via.unwrap_or(AgentPath::Nat);
    let sent = format!("agents send {} GB/month to AWS ({} GB)", unknown_or(total), shown.join(", "));
    match via {
        AgentPath::Nat => {
            let nat = match (app_gb, total) {
                (Some(a), Some(t)) => Some(a + t),
                _ => None,
            };
            c.say(format!(
                "{sent} through the NAT gateway (mapping.network.agents_via: nat) -> NAT data processed {} GB app egress + {} GB telemetry = {} GB",
                unknown_or(app_gb),
                unknown_or(total),
                unknown_or(nat)
            ));
            set_nat(doc, nat);
        }
        AgentPath::VpcEndpoints => {
            c.say(format!(
                "{sent} through VPC interface endpoints (mapping.network.agents_via: vpc_endpoints): {} endpoint(s) ({}) x {azs} AZs, the telemetry GB processed by them; the NAT gateway keeps the app's {} GB",
                endpoints.len(),
                endpoints.join(", "),
                unknown_or(app_gb)
            ));
            set_nat(doc, app_gb);
            doc.vpc_endpoints.push(VpcEndpoint {
                name: "telemetry".into(),
                endpoints: Some(Quantity(Decimal::from(endpoints.len()))),
                availability_zones: Some(Quantity(Decimal::from(azs))),
                hours: None,
                processed_gb: qty(total),
            });
        }
    }
    Some(Telemetry { gb: total, endpoints, availability_zones: azs, via })
}
