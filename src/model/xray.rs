//! AWS X-Ray: traces recorded, retrieved and scanned (retrieved and scanned share one price and one
//! free allowance). <https://aws.amazon.com/xray/pricing/>

use serde::{Deserialize, Serialize};

use super::{q, CostComponent, ModelContext, ServiceModel};
use crate::pricing::PriceQuery;
use crate::units::Quantity;

/// `xray:` usage.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Xray {
    /// Traces recorded per month (after sampling).
    pub traces_recorded: Option<Quantity>,
    /// Traces retrieved per month (BatchGetTraces, trace views).
    pub traces_retrieved: Option<Quantity>,
    /// Traces scanned per month (GetTraceSummaries, service map and analytics queries).
    pub traces_scanned: Option<Quantity>,
    /// Traces processed per month by X-Ray Insights (anomaly detection; no free tier). Optional:
    /// only priced when given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub insights_traces_processed: Option<Quantity>,
}

impl ServiceModel for Xray {
    const SERVICE: &'static str = "xray";

    fn components(&self, _ctx: &ModelContext) -> Vec<CostComponent> {
        let accessed = || PriceQuery::new("xray.traces_accessed", "AWSXRay", "XRay-TracesAccessed");
        let mut out = vec![
            CostComponent::maybe(
                "Traces recorded",
                q(self.traces_recorded),
                PriceQuery::new("xray.traces_recorded", "AWSXRay", "XRay-TracesStored"),
            ),
            CostComponent::maybe("Traces retrieved", q(self.traces_retrieved), accessed()),
            CostComponent::maybe("Traces scanned", q(self.traces_scanned), accessed()),
        ];
        if let Some(traces) = q(self.insights_traces_processed) {
            out.push(CostComponent::new(
                "Insights traces processed",
                traces,
                PriceQuery::new("xray.insights", "AWSXRay", "XRay-Insights-TracesProcessed"),
            ));
        }
        out
    }
}
