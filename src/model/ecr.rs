//! Amazon ECR private repositories: image storage per GB-month (the application images a
//! container platform pulls). <https://aws.amazon.com/ecr/pricing/>

use serde::{Deserialize, Serialize};

use super::{q, CostComponent, ModelContext, ServiceModel};
use crate::pricing::PriceQuery;
use crate::units::Quantity;

/// `ecr:` usage.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Ecr {
    /// GB-months of images stored (every version kept, shared layers once).
    pub storage_gb: Option<Quantity>,
}

impl ServiceModel for Ecr {
    const SERVICE: &'static str = "ecr";

    fn components(&self, _ctx: &ModelContext) -> Vec<CostComponent> {
        vec![CostComponent::maybe(
            "Image storage",
            q(self.storage_gb),
            PriceQuery::new("ecr.storage", "AmazonECR", "TimedStorage-ByteHrs"),
        )]
    }
}

#[cfg(test)]
mod tests {
    use crate::model::testing::{d, estimate};

    #[test]
    fn matches_the_infracost_golden_and_seoul() {
        // infracost ecr_repository_test: 1 GB = $0.10; Seoul reads the same $0.10.
        assert_eq!(estimate("ecr: {storage_gb: 1}", "us-east-1").total_monthly_usd, d("0.1"));
        assert_eq!(estimate("ecr: {storage_gb: 15}", "ap-northeast-2").total_monthly_usd, d("1.5"));
        assert_eq!(estimate("ecr: {}", "us-east-1").unknown_line_items, 1);
    }
}
