//! Amazon CloudWatch dashboards, a global product priced per dashboard-month.
//! <https://aws.amazon.com/cloudwatch/pricing/>

use serde::{Deserialize, Serialize};

use super::{q, CostComponent, ModelContext, ServiceModel};
use crate::pricing::PriceQuery;
use crate::units::Quantity;

/// `cloudwatch_dashboards:` usage.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct CloudwatchDashboards {
    /// Custom dashboards, dashboard-months (automatic dashboards are free and not counted).
    pub dashboards: Option<Quantity>,
}

impl ServiceModel for CloudwatchDashboards {
    const SERVICE: &'static str = "cloudwatch_dashboards";

    fn components(&self, _ctx: &ModelContext) -> Vec<CostComponent> {
        vec![CostComponent::maybe(
            "Dashboards",
            q(self.dashboards),
            PriceQuery::new("cloudwatch.dashboards", "AmazonCloudWatch", "DashboardsUsageHour"),
        )]
    }
}
