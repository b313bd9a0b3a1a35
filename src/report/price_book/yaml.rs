//! The price book as YAML, in the price-book file format (`pricing-data/*.yaml`); the summary as
//! the list of regions with their counts.

use anyhow::Result;

use super::{PriceBookSummary, PriceBookView};
use crate::report::Render;

/// The price book as YAML.
pub struct Yaml;

impl Render<PriceBookView<'_>> for Yaml {
    fn render(&self, view: &PriceBookView<'_>) -> Result<String> {
        Ok(serde_yaml::to_string(view)?)
    }
}

impl Render<PriceBookSummary<'_>> for Yaml {
    fn render(&self, s: &PriceBookSummary<'_>) -> Result<String> {
        Ok(serde_yaml::to_string(&s.regions)?)
    }
}
