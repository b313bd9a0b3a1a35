//! PLACEHOLDER: being written (see issue 2).

use serde::Deserialize;

use super::{CostComponent, ModelContext, ServiceModel, UsageKey};

/// Placeholder usage.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
pub struct ElastiCacheCluster {}

impl ServiceModel for ElastiCacheCluster {
    const SERVICE: &'static str = "elasticache";

    fn usage_schema() -> &'static [UsageKey] {
        &[]
    }

    fn components(&self, _ctx: &ModelContext) -> Vec<CostComponent> {
        Vec::new()
    }
}
