//! The price book as JSON: the regions shown with their entries, and the free tiers.

use anyhow::Result;

use super::PriceBookView;
use crate::report::Render;

/// The price book as pretty JSON.
pub struct Json;

impl Render<PriceBookView<'_>> for Json {
    fn render(&self, view: &PriceBookView<'_>) -> Result<String> {
        Ok(serde_json::to_string_pretty(view)? + "\n")
    }
}
