//! NAT gateways: gateway hours and GB processed (both in the AmazonEC2 offer).
//! <https://aws.amazon.com/vpc/pricing/>

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::{q, CostComponent, ModelContext, ServiceModel};
use crate::pricing::PriceQuery;
use crate::units::Quantity;

/// One `nat_gateways:` item: a group of NAT gateways (often one per AZ).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct NatGateway {
    /// Name of the group in the usage file, shown in the line items.
    pub name: String,
    /// Number of NAT gateways (default 1).
    pub count: Option<Quantity>,
    /// Hours each gateway exists in the month (default: the month's hours).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hours: Option<Quantity>,
    /// GB processed per month by all gateways of the group together.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub processed_gb: Option<Quantity>,
}

impl ServiceModel for NatGateway {
    const SERVICE: &'static str = "nat_gateways";

    fn components(&self, ctx: &ModelContext) -> Vec<CostComponent> {
        let count = q(self.count).unwrap_or(Decimal::ONE);
        let hours = q(self.hours).unwrap_or(ctx.hours_per_month);
        vec![
            CostComponent::new(
                format!("NAT gateway hours ({})", self.name),
                count * hours,
                PriceQuery::new("nat_gateway.hours", "AmazonEC2", "NatGateway-Hours"),
            ),
            CostComponent::maybe(
                format!("NAT gateway data processed ({})", self.name),
                q(self.processed_gb),
                PriceQuery::new("nat_gateway.processed", "AmazonEC2", "NatGateway-Bytes"),
            ),
        ]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::testing::estimate;

    use crate::model::AwsUsage;

    use std::str::FromStr;

    fn total(yaml: &str, region: &str) -> Decimal {
        estimate(yaml, region).total_monthly_usd
    }

    #[test]
    fn matches_the_infracost_golden_and_seoul() {
        // infracost nat_gateway_test: 730 h = $32.85, 100 GB = $4.50
        let yaml = "nat_gateways: [{name: nat, count: 1, processed_gb: 100}]";
        assert_eq!(total(yaml, "us-east-1"), Decimal::from_str("37.35").unwrap());
        // 730 × $0.059 + 100 × $0.059
        assert_eq!(total(yaml, "ap-northeast-2"), Decimal::from_str("48.97").unwrap());
        // three gateways, one per AZ
        let yaml = "nat_gateways: [{name: nat, count: 3, processed_gb: 0}]";
        assert_eq!(total(yaml, "us-east-1"), Decimal::from_str("98.55").unwrap());
    }

    #[test]
    fn names_and_unknown_processing() {
        let usage: AwsUsage = serde_yaml::from_str("nat_gateways: [{name: nat}]").unwrap();
        let groups = usage.components(&ModelContext::default());
        assert_eq!(groups[0].0, "nat_gateways");
        assert_eq!(groups[0].1[0].name, "NAT gateway hours (nat)");
        assert_eq!(groups[0].1[1].quantity, None);
        assert!(serde_yaml::from_str::<AwsUsage>("nat_gateways: [{name: nat, gb: 1}]").is_err());
    }
}
