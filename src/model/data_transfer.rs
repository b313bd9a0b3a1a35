//! AWS data transfer: out to the internet, tiered (10 TB / 40 TB / 100 TB), with the 100 GB
//! monthly free allowance; and between Availability Zones of the region, billed in each direction
//! (out of one AZ and into the other). <https://aws.amazon.com/ec2/pricing/on-demand/> (Data Transfer)

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::{q, CostComponent, ModelContext, ServiceModel};
use crate::pricing::PriceQuery;
use crate::units::Quantity;

/// `data_transfer_out_gb:` usage (a single top-level key in the usage file).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DataTransfer {
    /// GB per month sent from AWS to the internet.
    pub out_gb: Option<Quantity>,
}

impl ServiceModel for DataTransfer {
    const SERVICE: &'static str = "data_transfer";

    fn components(&self, _ctx: &ModelContext) -> Vec<CostComponent> {
        vec![CostComponent::maybe(
            "Data transfer out to the internet",
            q(self.out_gb),
            PriceQuery::new("data_transfer.out_internet", "AWSDataTransfer", "DataTransfer-Out-Bytes"),
        )]
    }
}

/// One `cross_az_transfer:` item: traffic between two sides (an application and its database,
/// say) that crosses an Availability Zone boundary.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct CrossAzTransfer {
    /// Which traffic, e.g. `app-database`, shown in the line items.
    pub name: String,
    /// GB per month that cross between AZs, both directions added up; each GB is billed twice,
    /// out of the AZ it leaves and into the AZ it enters. Absent means unknown.
    pub gb: Option<Quantity>,
}

impl ServiceModel for CrossAzTransfer {
    const SERVICE: &'static str = "data_transfer";

    fn components(&self, _ctx: &ModelContext) -> Vec<CostComponent> {
        vec![CostComponent::maybe(
            format!("Cross-AZ data transfer ({}, out and in)", self.name),
            q(self.gb).map(|gb| gb * Decimal::TWO),
            PriceQuery::new("data_transfer.cross_az", "AWSDataTransfer", "DataTransfer-Regional-Bytes"),
        )]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cost::price;
    use crate::model::testing::{d, estimate_with};
    use crate::model::AwsUsage;
    use crate::pricing::PriceBook;

    #[test]
    fn tiers_across_the_10_tb_boundary_with_and_without_the_free_tier() {
        let yaml = "data_transfer_out_gb: 12000";
        // List price: 10,240 GB × $0.09 + 1,760 GB × $0.085
        let off = estimate_with(yaml, "us-east-1", false);
        assert_eq!(off.total_monthly_usd, d("921.6") + d("149.6"));
        // Free tier: the first 100 GB are free and come off the first tier.
        let on = estimate_with(yaml, "us-east-1", true);
        assert_eq!(on.total_monthly_usd, d("912.6") + d("149.6"));
        let names: Vec<_> = on.services[0].line_items.iter().map(|l| l.name.as_str()).collect();
        assert_eq!(
            names,
            [
                "Data transfer out to the internet (free tier)",
                "Data transfer out to the internet (first 10,240)",
                "Data transfer out to the internet (10,240 to 51,200)"
            ]
        );
    }

    #[test]
    fn seoul_tiers_match_the_infracost_golden() {
        // infracost data_transfer_test, ap-northeast-2: 10,240 GB $1,290.24; 40,960 GB $4,997.12;
        // 102,400 GB $11,980.80; 3,400 GB $367.20.
        let c = estimate_with("data_transfer_out_gb: 157000", "ap-northeast-2", false);
        assert_eq!(c.total_monthly_usd, d("1290.24") + d("4997.12") + d("11980.8") + d("367.2"));
        // 50 GB is within the free 100 GB
        assert_eq!(estimate_with("data_transfer_out_gb: 50", "ap-northeast-2", true).total_monthly_usd, d("0"));
        // past 150 TB in us-east-1 no tier is sourced: an error, not a guess
        let usage: AwsUsage = serde_yaml::from_str("data_transfer_out_gb: 160000").unwrap();
        let book = PriceBook::bundled().unwrap();
        assert!(price(&book, "us-east-1", false, usage.components(&ModelContext::default())).is_err());
    }

    #[test]
    fn the_usage_file_contract_example_prices_in_us_east_1() {
        let yaml = r#"
rds: [{name: db, engine: postgres, instance_class: db.t3.large, multi_az: false, storage_type: gp2, storage_gb: 20, backup_storage_gb: 1000}]
elasticache: [{name: cache, engine: redis, node_type: cache.t3.medium, nodes: 2, backup_storage_gb: 100}]
fargate: [{name: api, architecture: x86_64, vcpu: 1, memory_gb: 2, tasks: 5, hours: 730, ephemeral_storage_gb: 20}]
load_balancers: [{name: web, type: application, processed_gb: 1000}]
nat_gateways: [{name: nat, count: 1, processed_gb: 100}]
ec2: [{name: compose, instance_type: t3.large, count: 3}]
ebs: [{name: data, volume_type: gp3, size_gb: 100, count: 3}]
data_transfer_out_gb: 50
"#;
        let c = estimate_with(yaml, "us-east-1", true);
        let services: Vec<_> = c.services.iter().map(|s| s.service.as_str()).collect();
        assert_eq!(
            services,
            ["rds", "elasticache", "fargate", "load_balancers", "nat_gateways", "ec2", "ebs", "data_transfer"]
        );
        assert_eq!(c.unknown_line_items, 0);
        let by = |s: &str| c.services.iter().find(|x| x.service == s).unwrap().monthly_usd.0;
        assert_eq!(by("rds"), d("203.15"));
        assert_eq!(by("elasticache"), d("107.78"));
        assert_eq!(by("fargate"), d("180.2005"));
        assert_eq!(by("load_balancers"), d("24.425"));
        assert_eq!(by("nat_gateways"), d("37.35"));
        assert_eq!(by("ec2"), d("182.208"));
        assert_eq!(by("ebs"), d("24"));
        assert_eq!(by("data_transfer"), d("0"));
    }

    #[test]
    fn cross_az_traffic_is_billed_out_and_in() {
        // infracost data_transfer_test: intra-region 2,000 GB = $20.00 ($0.01 per GB and direction),
        // i.e. 1,000 GB between an app and its database in different AZs, billed on both sides.
        let yaml = "cross_az_transfer: [{name: app-database, gb: 1000}]";
        let c = estimate_with(yaml, "us-east-1", true);
        assert_eq!(c.total_monthly_usd, d("20"));
        assert_eq!(c.services[0].line_items[0].quantity.unwrap().0, d("2000"));
        assert_eq!(c.services[0].line_items[0].name, "Cross-AZ data transfer (app-database, out and in)");
        // Seoul: the same $0.01, read for Seoul; it shares the data_transfer service with the
        // internet egress.
        let yaml = "data_transfer_out_gb: 50\ncross_az_transfer: [{name: app-cache, gb: 25}]";
        let c = estimate_with(yaml, "ap-northeast-2", true);
        assert_eq!(c.services.len(), 1);
        assert_eq!(c.total_monthly_usd, d("0.5"));
        assert!(c.unconfirmed_prices.is_empty());
        assert_eq!(estimate_with("cross_az_transfer: [{name: x}]", "us-east-1", true).unknown_line_items, 1);
    }
}
