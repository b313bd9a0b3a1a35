//! The plan as JSON: the canonical, versioned document (`schema_version`). Money is a number
//! rounded to the cent; quantities and unit prices are exact. Field docs live on `plan::Plan`.
//! `phases[].{phase, name, aws_monthly_usd, self_hosted_monthly_usd, one_time_cost_usd,
//! net_monthly_benefit_usd, payback_months, decision, roi.{infra_delta_usd, ops_labor_saved_usd,
//! downtime_saved_usd, productivity_gained_usd}}`, `decision_tree.{outcome, path}` and
//! `switch_points[].{phase, dau_net_zero, dau_net_1000}` are a contract.

use anyhow::Result;

use crate::plan::Plan;
use crate::report::Render;

/// The plan as its canonical JSON ([`Plan::to_json`]).
pub struct Json;

impl Render<Plan> for Json {
    fn render(&self, p: &Plan) -> Result<String> {
        p.to_json()
    }
}
