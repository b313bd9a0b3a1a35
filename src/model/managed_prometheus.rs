//! Amazon Managed Service for Prometheus: samples ingested (tiered 2B / 250B), metrics storage and
//! query samples processed. <https://aws.amazon.com/prometheus/pricing/>

use serde::{Deserialize, Serialize};

use super::{q, CostComponent, ModelContext, ServiceModel};
use crate::pricing::PriceQuery;
use crate::units::Quantity;

/// `managed_prometheus:` usage.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct ManagedPrometheus {
    /// Samples ingested per month (active series × samples per series per month).
    pub samples_ingested: Option<Quantity>,
    /// GB-months of metrics stored (1 GB = 2^30 bytes).
    pub storage_gb: Option<Quantity>,
    /// Query samples processed per month (rules, dashboards and API queries).
    pub query_samples_processed: Option<Quantity>,
}

impl ServiceModel for ManagedPrometheus {
    const SERVICE: &'static str = "managed_prometheus";

    fn components(&self, _ctx: &ModelContext) -> Vec<CostComponent> {
        let amp = "AmazonPrometheus";
        vec![
            CostComponent::maybe(
                "Samples ingested",
                q(self.samples_ingested),
                PriceQuery::new("managed_prometheus.samples", amp, "AMP:MetricSampleCount"),
            ),
            CostComponent::maybe(
                "Metrics stored",
                q(self.storage_gb),
                PriceQuery::new("managed_prometheus.storage", amp, "AMP:MetricStorageByteHrs"),
            ),
            CostComponent::maybe(
                "Query samples processed",
                q(self.query_samples_processed),
                PriceQuery::new("managed_prometheus.query_samples", amp, "AMP:QuerySamplesProcessed"),
            ),
        ]
    }
}
