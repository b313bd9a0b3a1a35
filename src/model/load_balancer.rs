//! Elastic Load Balancing, Application Load Balancer: load balancer hours and load balancer capacity
//! unit (LCU) hours. <https://aws.amazon.com/elasticloadbalancing/pricing/>
//!
//! An LCU-hour is billed on the highest of four dimensions, each averaged over the hour (AWS pricing
//! page, quoted at <https://serverfault.com/questions/977293> and in Japanese at aws.darcy-it.com):
//! 1 LCU = 25 new connections per second, 3,000 active connections per minute, 1 GB processed per
//! hour (EC2/IP targets), or 1,000 rule evaluations per second, where "rule evaluations = request
//! rate × (number of rules processed − 10 free rules)".
//!
//! This model takes monthly averages, so it prices `max(dimension averages) × hours`: a lower bound
//! of AWS's per-hour maximum when traffic is uneven across the month.

use rust_decimal::Decimal;
use serde::{Deserialize, Deserializer, Serialize};

use super::{q, CostComponent, ModelContext, ServiceModel};
use crate::pricing::PriceQuery;
use crate::units::Quantity;

/// New connections per second that make one LCU.
pub const LCU_NEW_CONNECTIONS_PER_SECOND: Decimal = Decimal::from_parts(25, 0, 0, false, 0);
/// Active connections per minute that make one LCU.
pub const LCU_ACTIVE_CONNECTIONS_PER_MINUTE: Decimal = Decimal::from_parts(3000, 0, 0, false, 0);
/// GB processed per hour that make one LCU (EC2 and IP targets).
pub const LCU_PROCESSED_GB_PER_HOUR: Decimal = Decimal::ONE;
/// Billable rule evaluations per second that make one LCU.
pub const LCU_RULE_EVALUATIONS_PER_SECOND: Decimal = Decimal::from_parts(1000, 0, 0, false, 0);

/// Load balancer type: only `application` is priced.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub enum LoadBalancerType {
    /// Application Load Balancer.
    #[serde(rename = "application")]
    Application,
}

impl<'de> Deserialize<'de> for LoadBalancerType {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        match text.as_str() {
            "application" => Ok(LoadBalancerType::Application),
            "network" => Err(serde::de::Error::custom(
                "load balancer type 'network' is not priced yet: NLB capacity units are measured on flows, not \
                 requests; use type: application",
            )),
            other => {
                Err(serde::de::Error::custom(format!("unknown load balancer type '{other}', expected: application")))
            }
        }
    }
}

/// One `load_balancers:` item.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct LoadBalancer {
    /// Name of the load balancer in the usage file, shown in the line items.
    pub name: String,
    /// `application` (an Application Load Balancer).
    #[serde(rename = "type")]
    pub lb_type: LoadBalancerType,
    /// Hours the load balancer exists in the month (default: the month's hours).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hours: Option<Quantity>,
    /// GB processed per month (requests and responses, both directions).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub processed_gb: Option<Quantity>,
    /// Average new connections per second over the month.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub new_connections_per_second: Option<Quantity>,
    /// Average active connections per minute over the month.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub active_connections_per_minute: Option<Quantity>,
    /// Average billable rule evaluations per second over the month, as AWS defines them: request rate
    /// × (rules processed per request − 10 free rules); 0 when requests hit 10 rules or fewer.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rule_evaluations_per_second: Option<Quantity>,
}

impl LoadBalancer {
    /// Average LCUs per hour: the highest dimension. Unknown when `processed_gb` is unknown; the
    /// optional connection and rule dimensions count only when given.
    pub fn lcu_per_hour(&self, hours: Decimal) -> Option<Decimal> {
        let processed = q(self.processed_gb)?;
        let per_hour = if hours.is_zero() { Decimal::ZERO } else { processed / hours / LCU_PROCESSED_GB_PER_HOUR };
        let dims = [
            q(self.new_connections_per_second).map(|v| v / LCU_NEW_CONNECTIONS_PER_SECOND),
            q(self.active_connections_per_minute).map(|v| v / LCU_ACTIVE_CONNECTIONS_PER_MINUTE),
            q(self.rule_evaluations_per_second).map(|v| v / LCU_RULE_EVALUATIONS_PER_SECOND),
        ];
        Some(dims.into_iter().flatten().fold(per_hour, Decimal::max))
    }
}

impl ServiceModel for LoadBalancer {
    const SERVICE: &'static str = "load_balancers";

    fn components(&self, ctx: &ModelContext) -> Vec<CostComponent> {
        let elb = "AWSELB";
        let hours = q(self.hours).unwrap_or(ctx.hours_per_month);
        let name = &self.name;
        vec![
            CostComponent::new(
                format!("Load balancer hours ({name}: application)"),
                hours,
                PriceQuery::new("elb.application.hours", elb, "LoadBalancerUsage"),
            ),
            CostComponent::maybe(
                format!("Load balancer capacity units ({name}: application)"),
                self.lcu_per_hour(hours).map(|lcu| lcu * hours),
                PriceQuery::new("elb.application.lcu", elb, "LCUUsage"),
            ),
        ]
    }
}

#[cfg(test)]
mod tests {

    use crate::model::testing::{d, estimate};

    use crate::model::AwsUsage;

    #[test]
    fn processed_bytes_alone() {
        // 730 h × $0.0225 = $16.425 (infracost: $16.42); 1,000 GB over 730 h = 1,000 LCU-hours × $0.008 = $8
        let c = estimate("load_balancers: [{name: web, type: application, processed_gb: 1000}]", "us-east-1");
        let l = &c.services[0].line_items;
        assert_eq!(l[0].monthly_usd.map(|m| m.0), Some(d("16.425")));
        assert_eq!(l[1].name, "Load balancer capacity units (web: application)");
        assert_eq!(l[1].quantity.map(|q| q.0), Some(d("1000")));
        assert_eq!(l[1].monthly_usd.map(|m| m.0), Some(d("8")));
        assert_eq!(
            estimate("load_balancers: [{name: web, type: application, processed_gb: 1000}]", "ap-northeast-2")
                .total_monthly_usd,
            d("24.425")
        );
    }

    #[test]
    fn lcu_is_the_highest_dimension() {
        // processed 1.37 GB/h, new 50/s → 2, active 3,000/min → 1, rules 1,500/s → 1.5: new connections win
        let yaml =
            "load_balancers: [{name: web, type: application, processed_gb: 1000, new_connections_per_second: 50, \
                    active_connections_per_minute: 3000, rule_evaluations_per_second: 1500}]";
        let c = estimate(yaml, "us-east-1");
        assert_eq!(c.services[0].line_items[1].quantity.map(|q| q.0), Some(d("1460"))); // 2 LCU × 730 h
        assert_eq!(c.services[0].line_items[1].monthly_usd.map(|m| m.0), Some(d("11.68")));
        // active connections win
        let yaml =
            "load_balancers: [{name: web, type: application, processed_gb: 0, active_connections_per_minute: 9000}]";
        assert_eq!(estimate(yaml, "us-east-1").services[0].line_items[1].quantity.map(|q| q.0), Some(d("2190")));
        // rule evaluations win
        let yaml = "load_balancers: [{name: web, type: application, hours: 100, processed_gb: 100, \
                    rule_evaluations_per_second: 4000}]";
        assert_eq!(estimate(yaml, "us-east-1").services[0].line_items[1].quantity.map(|q| q.0), Some(d("400")));
    }

    #[test]
    fn unknown_processing_is_unknown_and_network_is_rejected() {
        let c = estimate("load_balancers: [{name: web, type: application}]", "us-east-1");
        assert_eq!(c.unknown_line_items, 1);
        let err = serde_yaml::from_str::<AwsUsage>("load_balancers:\n  - {name: n, type: network}\n")
            .unwrap_err()
            .to_string();
        assert!(err.contains("'network' is not priced") && err.contains("line 2"), "{err}");
        let err =
            serde_yaml::from_str::<AwsUsage>("load_balancers: [{name: n, type: classic}]").unwrap_err().to_string();
        assert!(err.contains("unknown load balancer type 'classic'"), "{err}");
    }
}
