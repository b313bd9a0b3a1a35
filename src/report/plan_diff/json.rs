//! A plan diff as JSON: the whole [`PlanDiff`] (money as exact decimal strings).

use anyhow::Result;

use crate::plan::diff::PlanDiff;
use crate::report::Render;

/// The plan diff as pretty JSON.
pub struct Json;

impl Render<PlanDiff> for Json {
    fn render(&self, d: &PlanDiff) -> Result<String> {
        Ok(serde_json::to_string_pretty(d)? + "\n")
    }
}
