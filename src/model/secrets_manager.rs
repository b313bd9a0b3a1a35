//! AWS Secrets Manager: secrets stored per month and API requests (what tasks and the database's
//! managed credentials cost once passwords leave the Compose file).
//! <https://aws.amazon.com/secrets-manager/pricing/>

use serde::{Deserialize, Serialize};

use super::{q, CostComponent, ModelContext, ServiceModel};
use crate::pricing::PriceQuery;
use crate::units::Quantity;

/// `secrets_manager:` usage.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct SecretsManager {
    /// Secrets stored all month.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub secrets: Option<Quantity>,
    /// API requests per month (GetSecretValue, ...).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub api_requests: Option<Quantity>,
}

impl ServiceModel for SecretsManager {
    const SERVICE: &'static str = "secrets_manager";

    fn components(&self, _ctx: &ModelContext) -> Vec<CostComponent> {
        let code = "AWSSecretsManager";
        vec![
            CostComponent::maybe(
                "Secrets",
                q(self.secrets),
                PriceQuery::new("secrets_manager.secrets", code, "AWSSecretsManager-Secrets"),
            ),
            CostComponent::maybe(
                "Secrets Manager API requests",
                q(self.api_requests),
                PriceQuery::new("secrets_manager.api_requests", code, "AWSSecretsManager-APIRequest"),
            ),
        ]
    }
}

#[cfg(test)]
mod tests {
    use crate::model::testing::{d, estimate};

    #[test]
    fn matches_the_infracost_golden() {
        // infracost secretsmanager_secret_test: 1 secret = $0.40; 10 x 10k API requests = $0.50.
        let yaml = "secrets_manager: {secrets: 1, api_requests: 100000}";
        assert_eq!(estimate(yaml, "us-east-1").total_monthly_usd, d("0.9"));
        // Seoul: the secret rate is read for Seoul, the request rate is us-east-1's (unconfirmed).
        let c = estimate("secrets_manager: {secrets: 2, api_requests: 2160}", "ap-northeast-2");
        assert_eq!(c.total_monthly_usd, d("0.8") + d("0.0108"));
        let ids: Vec<_> = c.unconfirmed_prices.iter().map(|p| p.id.as_str()).collect();
        assert_eq!(ids, ["secrets_manager.api_requests"]);
    }
}
