//! A price-book diff as JSON: the whole [`BookDiff`] (prices as exact decimal strings).

use anyhow::Result;

use crate::pricing::diff::BookDiff;
use crate::report::Render;

/// The price-book diff as pretty JSON.
pub struct Json;

impl Render<BookDiff> for Json {
    fn render(&self, d: &BookDiff) -> Result<String> {
        Ok(serde_json::to_string_pretty(d)? + "\n")
    }
}
