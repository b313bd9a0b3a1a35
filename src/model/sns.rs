//! Amazon SNS notification deliveries: email and HTTP/S, each with its monthly free allowance
//! (1,000 emails, 100,000 HTTP/S deliveries; `pricing-data/free-tiers.yaml`). What alarm
//! notifications cost once Alertmanager's receivers become SNS subscriptions.
//! <https://aws.amazon.com/sns/pricing/>

use serde::{Deserialize, Serialize};

use super::{q, CostComponent, ModelContext, ServiceModel};
use crate::pricing::PriceQuery;
use crate::units::Quantity;

/// `sns:` usage: notifications delivered per month, by protocol.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Sns {
    /// Deliveries to email addresses per month.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub email_notifications: Option<Quantity>,
    /// Deliveries to HTTP/S endpoints per month (chat webhooks, paging services).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub http_notifications: Option<Quantity>,
}

impl ServiceModel for Sns {
    const SERVICE: &'static str = "sns";

    fn components(&self, _ctx: &ModelContext) -> Vec<CostComponent> {
        let sns = "AmazonSNS";
        vec![
            CostComponent::maybe(
                "Email notifications",
                q(self.email_notifications),
                PriceQuery::new("sns.notifications.email", sns, "DeliveryAttempts-SMTP"),
            ),
            CostComponent::maybe(
                "HTTP/S notifications",
                q(self.http_notifications),
                PriceQuery::new("sns.notifications.http", sns, "DeliveryAttempts-HTTP"),
            ),
        ]
    }
}

#[cfg(test)]
mod tests {
    use crate::model::testing::{d, estimate_with};

    #[test]
    fn matches_the_infracost_golden_after_the_free_tier() {
        // infracost sns_topic_test: email 2.99 x 100k = $5.98 and HTTP/S 100k = $0.06, i.e. 300,000
        // emails less the 1,000 free and 200,000 HTTP/S deliveries less the 100,000 free.
        let yaml = "sns: {email_notifications: 300000, http_notifications: 200000}";
        assert_eq!(estimate_with(yaml, "us-east-1", true).total_monthly_usd, d("5.98") + d("0.06"));
        // List price: 300,000 x $0.00002 + 200,000 x $0.0000006
        assert_eq!(estimate_with(yaml, "us-east-1", false).total_monthly_usd, d("6") + d("0.12"));
        // A few hundred alarm emails a month are free.
        assert_eq!(estimate_with("sns: {email_notifications: 300}", "ap-northeast-2", true).total_monthly_usd, d("0"));
        assert_eq!(estimate_with("sns: {}", "us-east-1", true).unknown_line_items, 2);
    }
}
