//! A plan diff as JSON: the whole [`PlanDiff`] (money as exact decimal strings).

use anyhow::Result;

use crate::plan::diff::PlanDiff;

/// A plan diff as pretty JSON.
pub fn diff(d: &PlanDiff) -> Result<String> {
    Ok(serde_json::to_string_pretty(d)? + "\n")
}
