//! Amazon CloudWatch metrics: custom metrics (tiered 10k / 250k / 1M), API requests and
//! GetMetricData metrics. <https://aws.amazon.com/cloudwatch/pricing/>

use serde::{Deserialize, Serialize};

use super::{q, CostComponent, ModelContext, ServiceModel};
use crate::pricing::PriceQuery;
use crate::units::Quantity;

/// `cloudwatch_metrics:` usage.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct CloudwatchMetrics {
    /// Custom (and detailed-monitoring) metrics, metric-months: one per metric name and dimension
    /// set sending data all month (one Prometheus series maps to one metric).
    pub custom_metrics: Option<Quantity>,
    /// API requests per month other than GetMetricData/GetInsightRuleReport/GetMetricWidgetImage.
    pub api_requests: Option<Quantity>,
    /// Metrics requested through GetMetricData per month (billed per metric, no free tier).
    pub get_metric_data_metrics: Option<Quantity>,
}

impl ServiceModel for CloudwatchMetrics {
    const SERVICE: &'static str = "cloudwatch_metrics";

    fn components(&self, _ctx: &ModelContext) -> Vec<CostComponent> {
        vec![
            CostComponent::maybe(
                "Custom metrics",
                q(self.custom_metrics),
                PriceQuery::new("cloudwatch.metrics", "AmazonCloudWatch", "CW:MetricMonitorUsage"),
            ),
            CostComponent::maybe(
                "API requests",
                q(self.api_requests),
                PriceQuery::new("cloudwatch.api_requests", "AmazonCloudWatch", "CW:Requests"),
            ),
            CostComponent::maybe(
                "GetMetricData metrics requested",
                q(self.get_metric_data_metrics),
                PriceQuery::new("cloudwatch.get_metric_data", "AmazonCloudWatch", "CW:GMD-Metrics"),
            ),
        ]
    }
}
