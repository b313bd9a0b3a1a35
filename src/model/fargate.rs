//! PLACEHOLDER: being written (see issue 2).

use serde::Deserialize;

use super::{CostComponent, ModelContext, ServiceModel, UsageKey};

/// Placeholder usage.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
pub struct FargateService {}

impl ServiceModel for FargateService {
    const SERVICE: &'static str = "fargate";

    fn usage_schema() -> &'static [UsageKey] {
        &[]
    }

    fn components(&self, _ctx: &ModelContext) -> Vec<CostComponent> {
        Vec::new()
    }
}
