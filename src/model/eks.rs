//! Amazon EKS control planes: per cluster-hour, with a surcharge per cluster-hour while the
//! cluster runs a Kubernetes version in extended support. Its nodes are priced by the Fargate or
//! EC2 models. <https://aws.amazon.com/eks/pricing/>

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::{q, CostComponent, ModelContext, ServiceModel};
use crate::pricing::PriceQuery;
use crate::units::Quantity;

/// One `eks:` item: a group of EKS clusters.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct EksCluster {
    /// Name of the group in the usage file, shown in the line items.
    pub name: String,
    /// Clusters (default 1).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub clusters: Option<Quantity>,
    /// Hours each cluster exists in the month (default: the month's hours).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hours: Option<Quantity>,
    /// Whether the clusters run a Kubernetes version past standard support (default false).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub extended_support: bool,
}

impl ServiceModel for EksCluster {
    const SERVICE: &'static str = "eks";

    fn components(&self, ctx: &ModelContext) -> Vec<CostComponent> {
        let hours = q(self.clusters).unwrap_or(Decimal::ONE) * q(self.hours).unwrap_or(ctx.hours_per_month);
        let mut out = vec![CostComponent::new(
            format!("EKS cluster hours ({})", self.name),
            hours,
            PriceQuery::new("eks.cluster", "AmazonEKS", "AmazonEKS-Hours:perCluster"),
        )];
        if self.extended_support {
            out.push(CostComponent::new(
                format!("EKS extended support ({})", self.name),
                hours,
                PriceQuery::new("eks.cluster_extended_support", "AmazonEKS", "AmazonEKS-Hours:extendedSupport"),
            ));
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use crate::model::testing::{d, estimate};

    #[test]
    fn matches_the_infracost_golden() {
        // infracost eks_cluster_test: EKS cluster 730 h = $73.00; in extended support $438.00.
        assert_eq!(estimate("eks: [{name: main}]", "us-east-1").total_monthly_usd, d("73"));
        let c = estimate("eks: [{name: old, extended_support: true}]", "us-east-1");
        assert_eq!(c.total_monthly_usd, d("438"));
        assert_eq!(c.services[0].line_items.len(), 2);
        // Seoul: the same rates, unconfirmed for the region.
        let c = estimate("eks: [{name: main, clusters: 2}]", "ap-northeast-2");
        assert_eq!((c.total_monthly_usd, c.unconfirmed_prices.len()), (d("146"), 1));
    }
}
