//! Amazon CloudWatch dashboards, a global product priced per dashboard-month.
//! <https://aws.amazon.com/cloudwatch/pricing/>

use serde::Deserialize;

use super::{q, CostComponent, ModelContext, ServiceModel, UsageKey};
use crate::pricing::PriceQuery;
use crate::units::Quantity;

/// `cloudwatch_dashboards:` usage.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CloudwatchDashboards {
    /// Custom dashboards, dashboard-months (automatic dashboards are free and not counted).
    pub dashboards: Option<Quantity>,
}

const SCHEMA: &[UsageKey] = &[UsageKey { key: "dashboards", unit: "dashboard-months", doc: "custom dashboards" }];

impl ServiceModel for CloudwatchDashboards {
    const SERVICE: &'static str = "cloudwatch_dashboards";

    fn usage_schema() -> &'static [UsageKey] {
        SCHEMA
    }

    fn components(&self, _ctx: &ModelContext) -> Vec<CostComponent> {
        vec![CostComponent::maybe(
            "Dashboards",
            q(self.dashboards),
            PriceQuery::new("cloudwatch.dashboards", "AmazonCloudWatch", "DashboardsUsageHour"),
        )]
    }
}
