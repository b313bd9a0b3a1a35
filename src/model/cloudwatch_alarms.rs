//! Amazon CloudWatch alarms: standard- and high-resolution alarm metrics, composite alarms.
//! <https://aws.amazon.com/cloudwatch/pricing/> (an anomaly-detection alarm counts as 3 alarm metrics,
//! a metric-math alarm as one per metric in its expression: count them into the keys below).

use serde::{Deserialize, Serialize};

use super::{q, CostComponent, ModelContext, ServiceModel};
use crate::pricing::PriceQuery;
use crate::units::Quantity;

/// `cloudwatch_alarms:` usage.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct CloudwatchAlarms {
    /// Alarm metrics of standard-resolution (60 s) alarms, alarm-metric-months.
    pub standard_alarm_metrics: Option<Quantity>,
    /// Alarm metrics of high-resolution (10 s / 30 s) alarms, alarm-metric-months.
    pub high_resolution_alarm_metrics: Option<Quantity>,
    /// Composite alarms, alarm-months.
    pub composite_alarms: Option<Quantity>,
}

impl ServiceModel for CloudwatchAlarms {
    const SERVICE: &'static str = "cloudwatch_alarms";

    fn components(&self, _ctx: &ModelContext) -> Vec<CostComponent> {
        vec![
            CostComponent::maybe(
                "Standard-resolution alarm metrics",
                q(self.standard_alarm_metrics),
                PriceQuery::new("cloudwatch.alarms.standard", "AmazonCloudWatch", "CW:AlarmMonitorUsage"),
            ),
            CostComponent::maybe(
                "High-resolution alarm metrics",
                q(self.high_resolution_alarm_metrics),
                PriceQuery::new("cloudwatch.alarms.high_resolution", "AmazonCloudWatch", "CW:HighResAlarmMonitorUsage"),
            ),
            CostComponent::maybe(
                "Composite alarms",
                q(self.composite_alarms),
                PriceQuery::new("cloudwatch.alarms.composite", "AmazonCloudWatch", "CW:CompositeAlarmMonitorUsage"),
            ),
        ]
    }
}
