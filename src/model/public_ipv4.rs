//! Public IPv4 addresses in use (Amazon VPC), billed per address-hour since 2024-02-01: every NAT
//! gateway, every Availability Zone of an internet-facing load balancer and every task in a public
//! subnet holds one. <https://aws.amazon.com/vpc/pricing/> (Public IPv4 address)

use serde::{Deserialize, Serialize};

use super::{q, CostComponent, ModelContext, ServiceModel};
use crate::pricing::PriceQuery;
use crate::units::Quantity;

/// One `public_ipv4:` item: a group of public IPv4 addresses held by the same kind of resource.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct PublicIpv4 {
    /// What holds the addresses (`nat`, `alb`, `tasks`...), shown in the line items.
    pub name: String,
    /// Addresses in use; absent means unknown.
    pub addresses: Option<Quantity>,
    /// Hours each address is held in the month (default: the month's hours).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hours: Option<Quantity>,
}

impl ServiceModel for PublicIpv4 {
    const SERVICE: &'static str = "public_ipv4";

    fn components(&self, ctx: &ModelContext) -> Vec<CostComponent> {
        let hours = q(self.hours).unwrap_or(ctx.hours_per_month);
        vec![CostComponent::maybe(
            format!("Public IPv4 addresses ({})", self.name),
            q(self.addresses).map(|a| a * hours),
            PriceQuery::new("vpc.public_ipv4", "AmazonVPC", "PublicIPv4:InUseAddress"),
        )]
    }
}

#[cfg(test)]
mod tests {
    use crate::model::testing::{d, estimate};

    #[test]
    fn matches_the_infracost_golden_in_both_regions() {
        // infracost eip_test: one address, 730 h = $3.65 ($0.005 per address-hour).
        let yaml = "public_ipv4: [{name: nat, addresses: 1}]";
        assert_eq!(estimate(yaml, "us-east-1").total_monthly_usd, d("3.65"));
        // Seoul has the same rate: a NAT gateway and a two-AZ load balancer, 3 x 730 x $0.005.
        let yaml = "public_ipv4: [{name: nat, addresses: 1}, {name: alb, addresses: 2}]";
        let c = estimate(yaml, "ap-northeast-2");
        assert_eq!(c.total_monthly_usd, d("10.95"));
        let names: Vec<_> = c.services[0].line_items.iter().map(|l| l.name.as_str()).collect();
        assert_eq!(names, ["Public IPv4 addresses (nat)", "Public IPv4 addresses (alb)"]);
        assert_eq!(c.services[0].service, "public_ipv4");
    }

    #[test]
    fn unknown_addresses_are_unknown_and_partial_hours_count() {
        let c = estimate("public_ipv4: [{name: tasks}]", "us-east-1");
        assert_eq!(c.unknown_line_items, 1);
        // 4 addresses held 100 h each: 400 address-hours x $0.005
        assert_eq!(
            estimate("public_ipv4: [{name: tasks, addresses: 4, hours: 100}]", "us-east-1").total_monthly_usd,
            d("2")
        );
    }
}
