//! Amazon Managed Grafana: editor/administrator and viewer licences per active user per workspace.
//! <https://aws.amazon.com/grafana/pricing/>

use serde::{Deserialize, Serialize};

use super::{q, CostComponent, ModelContext, ServiceModel};
use crate::pricing::PriceQuery;
use crate::units::Quantity;

/// `managed_grafana:` usage.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct ManagedGrafana {
    /// Active editor or administrator users per month (service accounts and API keys count).
    pub editors: Option<Quantity>,
    /// Active viewer users per month.
    pub viewers: Option<Quantity>,
}

impl ServiceModel for ManagedGrafana {
    const SERVICE: &'static str = "managed_grafana";

    fn components(&self, _ctx: &ModelContext) -> Vec<CostComponent> {
        vec![
            CostComponent::maybe(
                "Editor licences",
                q(self.editors),
                PriceQuery::new("managed_grafana.editor", "AmazonGrafana", "Grafana:EditorUser"),
            ),
            CostComponent::maybe(
                "Viewer licences",
                q(self.viewers),
                PriceQuery::new("managed_grafana.viewer", "AmazonGrafana", "Grafana:ViewerUser"),
            ),
        ]
    }
}
