//! The price book as JSON: the regions shown with their entries and the free tiers; the summary
//! as the list of regions with their counts.

use anyhow::Result;

use super::{PriceBookSummary, PriceBookView};
use crate::report::Render;

/// The price book as pretty JSON.
pub struct Json;

impl Render<PriceBookView<'_>> for Json {
    fn render(&self, view: &PriceBookView<'_>) -> Result<String> {
        Ok(serde_json::to_string_pretty(view)? + "\n")
    }
}

impl Render<PriceBookSummary<'_>> for Json {
    fn render(&self, s: &PriceBookSummary<'_>) -> Result<String> {
        Ok(serde_json::to_string_pretty(&s.regions)? + "\n")
    }
}
