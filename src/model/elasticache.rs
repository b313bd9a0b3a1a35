//! Amazon ElastiCache node-based clusters (Redis OSS or Valkey): node hours per node type and engine,
//! and backup storage. <https://aws.amazon.com/elasticache/pricing/>

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::ec2::InstanceSpec;
use super::{q, CostComponent, ModelContext, ServiceModel};
use crate::pricing::PriceQuery;
use crate::units::Quantity;

const fn spec(name: &'static str, vcpu: u32, memory_gib: f64) -> InstanceSpec {
    InstanceSpec { name, vcpu, memory_gib }
}

/// ElastiCache node types obs-cost knows; `memory_gib` is the memory AWS lists as usable for data.
/// The burstable cache.t3/cache.t4g classes stop at medium.
pub const ELASTICACHE_NODE_TYPES: &[InstanceSpec] = &[
    spec("cache.t3.micro", 2, 0.5),
    spec("cache.t3.small", 2, 1.37),
    spec("cache.t3.medium", 2, 3.09),
    spec("cache.t4g.micro", 2, 0.5),
    spec("cache.t4g.small", 2, 1.37),
    spec("cache.t4g.medium", 2, 3.09),
    spec("cache.m6g.large", 2, 6.38),
    spec("cache.m6g.xlarge", 4, 12.93),
    spec("cache.m6g.2xlarge", 8, 26.04),
    spec("cache.m6g.4xlarge", 16, 52.26),
    spec("cache.m7g.large", 2, 6.38),
    spec("cache.m7g.xlarge", 4, 12.93),
    spec("cache.m7g.2xlarge", 8, 26.04),
    spec("cache.m7g.4xlarge", 16, 52.26),
    spec("cache.r6g.large", 2, 13.07),
    spec("cache.r6g.xlarge", 4, 26.32),
    spec("cache.r6g.2xlarge", 8, 52.82),
    spec("cache.r6g.4xlarge", 16, 105.81),
    spec("cache.r7g.large", 2, 13.07),
    spec("cache.r7g.xlarge", 4, 26.32),
    spec("cache.r7g.2xlarge", 8, 52.82),
    spec("cache.r7g.4xlarge", 16, 105.81),
];

crate::model::ec2::catalog_newtype!(
    /// A node type from [`ELASTICACHE_NODE_TYPES`]; anything else is rejected when the file is read.
    CacheNodeType,
    ELASTICACHE_NODE_TYPES,
    "ElastiCache node type",
    "cache.t3.medium"
);

/// The cache engine.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum CacheEngine {
    /// Redis OSS.
    Redis,
    /// Valkey (0.8 × the Redis OSS node price where AWS offers both).
    Valkey,
}

impl CacheEngine {
    fn id(self) -> &'static str {
        match self {
            CacheEngine::Redis => "redis",
            CacheEngine::Valkey => "valkey",
        }
    }

    fn label(self) -> &'static str {
        match self {
            CacheEngine::Redis => "Redis OSS",
            CacheEngine::Valkey => "Valkey",
        }
    }
}

/// One `elasticache:` item: a node-based cluster (or replication group) of identical nodes.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct ElastiCacheCluster {
    /// Name of the cluster in the usage file, shown in the line items.
    pub name: String,
    /// Engine: `redis` (Redis OSS) or `valkey`.
    pub engine: CacheEngine,
    /// Node type, e.g. `cache.t3.medium`.
    pub node_type: CacheNodeType,
    /// Number of nodes, primaries and replicas together (default 1).
    pub nodes: Option<Quantity>,
    /// Backup (snapshot) storage billed beyond the free one, GB-months. Absent: no line.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub backup_storage_gb: Option<Quantity>,
    /// Running hours of each node in the month (default: the month's hours).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hours: Option<Quantity>,
}

impl ServiceModel for ElastiCacheCluster {
    const SERVICE: &'static str = "elasticache";

    fn components(&self, ctx: &ModelContext) -> Vec<CostComponent> {
        let ec = "AmazonElastiCache";
        let node = self.node_type.as_str();
        let nodes = q(self.nodes).unwrap_or(Decimal::ONE);
        let hours = q(self.hours).unwrap_or(ctx.hours_per_month);
        let mut out = vec![CostComponent::new(
            format!("Cache nodes ({}: {node}, {})", self.name, self.engine.label()),
            nodes * hours,
            PriceQuery::new(format!("elasticache.{}.{node}", self.engine.id()), ec, format!("NodeUsage:{node}")),
        )];
        if let Some(gb) = q(self.backup_storage_gb) {
            out.push(CostComponent::new(
                format!("Cache backup storage ({})", self.name),
                gb,
                PriceQuery::new("elasticache.backup", ec, "BackupUsage"),
            ));
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::testing::{d, try_estimate};

    use crate::model::AwsUsage;
    use crate::pricing::PriceBook;

    #[test]
    fn two_redis_nodes_and_backup() {
        let yaml =
            "elasticache: [{name: cache, engine: redis, node_type: cache.t3.medium, nodes: 2, backup_storage_gb: 100}]";
        let c = try_estimate(yaml, "us-east-1").unwrap();
        // 2 × 730 h × $0.068 + 100 GB × $0.085 (infracost: 10,000 GB = $850)
        assert_eq!(c.total_monthly_usd, d("99.28") + d("8.5"));
        let names: Vec<_> = c.services[0].line_items.iter().map(|l| l.name.as_str()).collect();
        assert_eq!(names, ["Cache nodes (cache: cache.t3.medium, Redis OSS)", "Cache backup storage (cache)"]);
    }

    #[test]
    fn valkey_is_cheaper_and_seoul_differs() {
        let yaml = "elasticache: [{name: c, engine: valkey, node_type: cache.t4g.micro}]";
        assert_eq!(try_estimate(yaml, "us-east-1").unwrap().total_monthly_usd, d("9.344")); // 730 × $0.0128
        assert_eq!(try_estimate(yaml, "ap-northeast-2").unwrap().total_monthly_usd, d("14.016")); // 730 × $0.0192
        let yaml = "elasticache: [{name: c, engine: redis, node_type: cache.m6g.large, nodes: 3}]";
        assert_eq!(try_estimate(yaml, "us-east-1").unwrap().total_monthly_usd, d("326.31")); // 2,190 × $0.149
        assert_eq!(try_estimate(yaml, "ap-northeast-2").unwrap().total_monthly_usd, d("396.39")); // 2,190 × $0.181
                                                                                                  // No source gives Seoul a cache.m7g price: a missing-price error, never a copy.
        let yaml = "elasticache: [{name: c, engine: redis, node_type: cache.m7g.large}]";
        let err = try_estimate(yaml, "ap-northeast-2").unwrap_err().to_string();
        assert!(err.contains("AmazonElastiCache") && err.contains("NodeUsage:cache.m7g.large"), "{err}");
    }

    #[test]
    fn unknown_node_type_and_engine_are_rejected_with_their_location() {
        let err =
            serde_yaml::from_str::<AwsUsage>("elasticache:\n  - {name: c, engine: redis, node_type: cache.t3.large}\n")
                .unwrap_err()
                .to_string();
        assert!(err.contains("unknown ElastiCache node type 'cache.t3.large'"), "{err}");
        assert!(err.contains("cache.t3.medium") && err.contains("line 2"), "{err}");
        let err =
            serde_yaml::from_str::<AwsUsage>("elasticache: [{name: c, engine: memcached, node_type: cache.t3.micro}]")
                .unwrap_err()
                .to_string();
        assert!(err.contains("memcached") && err.contains("valkey"), "{err}");
    }

    #[test]
    fn catalog_covers_every_priced_node_type() {
        let book = PriceBook::bundled().unwrap();
        for region in book.region_codes() {
            for e in &book.region(region).unwrap().entries {
                let node = e.id.strip_prefix("elasticache.redis.").or_else(|| e.id.strip_prefix("elasticache.valkey."));
                if let Some(node) = node {
                    assert!(ELASTICACHE_NODE_TYPES.iter().any(|s| s.name == node), "{} in {region}", e.id);
                }
            }
        }
        assert!(ELASTICACHE_NODE_TYPES.iter().all(|s| !s.name.starts_with("cache.t") || !s.name.contains("large")));
    }
}
