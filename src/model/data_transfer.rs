//! Data transfer out from AWS to the internet, tiered (10 TB / 40 TB / 100 TB), with the 100 GB
//! monthly free allowance. https://aws.amazon.com/ec2/pricing/on-demand/ (Data Transfer)

use super::{q, CostComponent, ModelContext, ServiceModel, UsageKey};
use crate::pricing::PriceQuery;
use crate::units::Quantity;

/// `data_transfer_out_gb:` usage (a single top-level key in the usage file).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DataTransfer {
    /// GB per month sent from AWS to the internet.
    pub out_gb: Option<Quantity>,
}

const SCHEMA: &[UsageKey] =
    &[UsageKey { key: "data_transfer_out_gb", unit: "GB per month", doc: "data sent from AWS to the internet" }];

impl ServiceModel for DataTransfer {
    const SERVICE: &'static str = "data_transfer";

    fn usage_schema() -> &'static [UsageKey] {
        SCHEMA
    }

    fn components(&self, _ctx: &ModelContext) -> Vec<CostComponent> {
        vec![CostComponent::maybe(
            "Data transfer out to the internet",
            q(self.out_gb),
            PriceQuery::new("data_transfer.out_internet", "AWSDataTransfer", "DataTransfer-Out-Bytes"),
        )]
    }
}
