//! VPC interface endpoints (AWS PrivateLink): per endpoint per Availability Zone per hour, and per
//! GB processed, tiered (first 1 PB, next 4 PB, over 5 PB). What agents use instead of a NAT
//! gateway to reach CloudWatch, X-Ray or AMP from private subnets.
//! <https://aws.amazon.com/privatelink/pricing/>

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::{q, CostComponent, ModelContext, ServiceModel};
use crate::pricing::PriceQuery;
use crate::units::{group_thousands, Quantity};

/// One `vpc_endpoints:` item: interface endpoints of one or more AWS services, each in the same AZs.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct VpcEndpoint {
    /// Name of the group (e.g. `telemetry`), shown in the line items.
    pub name: String,
    /// Interface endpoints, one per AWS service reached (`logs`, `monitoring`, `xray`...) (default 1).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub endpoints: Option<Quantity>,
    /// Availability Zones each endpoint has a network interface in (default 1).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub availability_zones: Option<Quantity>,
    /// Hours each endpoint exists in the month (default: the month's hours).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hours: Option<Quantity>,
    /// GB per month processed by all endpoints of the group together; absent means unknown.
    pub processed_gb: Option<Quantity>,
}

impl ServiceModel for VpcEndpoint {
    const SERVICE: &'static str = "vpc_endpoints";

    fn components(&self, ctx: &ModelContext) -> Vec<CostComponent> {
        let endpoints = q(self.endpoints).unwrap_or(Decimal::ONE);
        let azs = q(self.availability_zones).unwrap_or(Decimal::ONE);
        let hours = q(self.hours).unwrap_or(ctx.hours_per_month);
        vec![
            CostComponent::new(
                format!(
                    "VPC endpoint hours ({}: {} endpoint(s) x {} AZ(s))",
                    self.name,
                    group_thousands(endpoints, 2),
                    group_thousands(azs, 2)
                ),
                endpoints * azs * hours,
                PriceQuery::new("vpc_endpoint.interface.hours", "AmazonVPC", "VpcEndpoint-Hours"),
            ),
            CostComponent::maybe(
                format!("VPC endpoint data processed ({})", self.name),
                q(self.processed_gb),
                PriceQuery::new("vpc_endpoint.interface.processed", "AmazonVPC", "VpcEndpoint-Bytes"),
            ),
        ]
    }
}

#[cfg(test)]
mod tests {
    use crate::model::testing::{d, estimate};

    #[test]
    fn matches_the_infracost_golden() {
        // infracost vpc_endpoint_test: an interface endpoint in one AZ, 730 h = $7.30; data processed
        // 1,000,000 GB = $10,000, next 4,000,000 GB = $24,000, 2,000,000 GB over 5 PB = $8,000.
        let c = estimate("vpc_endpoints: [{name: e, processed_gb: 7000000}]", "us-east-1");
        assert_eq!(c.total_monthly_usd, d("7.3") + d("10000") + d("24000") + d("8000"));
        let names: Vec<_> = c.services[0].line_items.iter().map(|l| l.name.as_str()).collect();
        assert_eq!(
            names,
            [
                "VPC endpoint hours (e: 1 endpoint(s) x 1 AZ(s))",
                "VPC endpoint data processed (e, first 1M)",
                "VPC endpoint data processed (e, 1M to 5M)",
                "VPC endpoint data processed (e, over 5M)"
            ]
        );
    }

    #[test]
    fn endpoints_times_azs_times_hours() {
        // logs, monitoring and xray endpoints in 2 AZs: 3 x 2 x 730 h x $0.01 + 60 GB x $0.01
        let yaml = "vpc_endpoints: [{name: telemetry, endpoints: 3, availability_zones: 2, processed_gb: 60}]";
        assert_eq!(estimate(yaml, "us-east-1").total_monthly_usd, d("43.8") + d("0.6"));
        // Seoul: us-east-1 rates, flagged unconfirmed
        let c = estimate(yaml, "ap-northeast-2");
        assert_eq!(c.unconfirmed_prices.len(), 2);
        assert_eq!(estimate("vpc_endpoints: [{name: e}]", "us-east-1").unknown_line_items, 1);
    }
}
