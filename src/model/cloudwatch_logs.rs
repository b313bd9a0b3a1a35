//! Amazon CloudWatch Logs: Standard and Infrequent Access ingestion, archive storage, Logs Insights
//! data scanned, and vended logs with their volume tiers. <https://aws.amazon.com/cloudwatch/pricing/>

use serde::{Deserialize, Serialize};

use super::{q, CostComponent, ModelContext, ServiceModel};
use crate::pricing::PriceQuery;
use crate::units::Quantity;

/// `cloudwatch_logs:` usage.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct CloudwatchLogs {
    /// GB of custom logs ingested per month into the Standard log class (uncompressed bytes).
    pub ingested_gb: Option<Quantity>,
    /// GB of custom logs ingested per month into the Infrequent Access log class.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ingested_infrequent_access_gb: Option<Quantity>,
    /// GB-months of archived logs stored (compressed bytes, averaged over the month).
    pub stored_gb: Option<Quantity>,
    /// GB scanned per month by Logs Insights queries.
    pub insights_scanned_gb: Option<Quantity>,
    /// GB of vended logs (VPC Flow Logs, ALB, ...) delivered per month to the Standard class.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub vended_ingested_gb: Option<Quantity>,
    /// GB of vended logs delivered per month to the Infrequent Access class.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub vended_ingested_infrequent_access_gb: Option<Quantity>,
}

impl ServiceModel for CloudwatchLogs {
    const SERVICE: &'static str = "cloudwatch_logs";

    fn components(&self, _ctx: &ModelContext) -> Vec<CostComponent> {
        let cw = "AmazonCloudWatch";
        let mut out = vec![
            CostComponent::maybe(
                "Logs ingested (Standard)",
                q(self.ingested_gb),
                PriceQuery::new("cloudwatch_logs.ingestion.standard", cw, "DataProcessing-Bytes"),
            ),
            CostComponent::maybe(
                "Logs stored",
                q(self.stored_gb),
                PriceQuery::new("cloudwatch_logs.storage", cw, "TimedStorage-ByteHrs"),
            ),
            CostComponent::maybe(
                "Logs Insights data scanned",
                q(self.insights_scanned_gb),
                PriceQuery::new("cloudwatch_logs.insights_scanned", cw, "DataScanned-Bytes"),
            ),
        ];
        // Optional classes appear only when given: most stacks use neither.
        if let Some(gb) = q(self.ingested_infrequent_access_gb) {
            out.insert(
                1,
                CostComponent::new(
                    "Logs ingested (Infrequent Access)",
                    gb,
                    PriceQuery::new("cloudwatch_logs.ingestion.infrequent_access", cw, "DataProcessingIA-Bytes"),
                ),
            );
        }
        if let Some(gb) = q(self.vended_ingested_gb) {
            out.push(CostComponent::new(
                "Vended logs delivered (Standard)",
                gb,
                PriceQuery::new("cloudwatch_logs.vended.standard", cw, "VendedLog-Bytes"),
            ));
        }
        if let Some(gb) = q(self.vended_ingested_infrequent_access_gb) {
            out.push(CostComponent::new(
                "Vended logs delivered (Infrequent Access)",
                gb,
                PriceQuery::new("cloudwatch_logs.vended.infrequent_access", cw, "VendedLogIA-Bytes"),
            ));
        }
        out
    }
}
