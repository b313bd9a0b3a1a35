//! The price book as YAML, in the price-book file format (`pricing-data/*.yaml`).

use anyhow::Result;

use super::PriceBookView;
use crate::report::Render;

/// The price book as YAML.
pub struct Yaml;

impl Render<PriceBookView<'_>> for Yaml {
    fn render(&self, view: &PriceBookView<'_>) -> Result<String> {
        Ok(serde_yaml::to_string(view)?)
    }
}
