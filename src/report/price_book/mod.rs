//! The price-book document (`obs-cost pricing show`: the entries of the regions and services asked
//! for, and the free tiers that apply to them) and its renderers, one per format: `table`, `json`,
//! `yaml` (the price-book file format).

pub mod json;
pub mod table;
pub mod yaml;

use anyhow::Result;
use serde::Serialize;

use super::{unsupported, Format, Render};
use crate::pricing::{FreeTier, PriceEntry};

/// One region of the price book, as shown.
#[derive(Debug, Serialize)]
pub struct RegionView<'a> {
    /// AWS region code.
    pub region: &'a str,
    /// Its location name in the AWS Price List.
    pub location: &'a str,
    /// Snapshot date of its prices.
    pub snapshot: &'a str,
    /// The entries shown.
    pub entries: Vec<&'a PriceEntry>,
}

/// What `pricing show` renders.
#[derive(Debug, Serialize)]
pub struct PriceBookView<'a> {
    /// `bundled` or the price-book directory.
    pub origin: &'a str,
    /// The regions shown.
    pub regions: Vec<RegionView<'a>>,
    /// The free tiers of the entries shown.
    pub free_tiers: Vec<&'a FreeTier>,
}

/// The renderer of the price book in a format.
pub fn renderer<'a>(format: Format) -> Result<Box<dyn Render<PriceBookView<'a>>>> {
    Ok(match format {
        Format::Table => Box::new(table::Table),
        Format::Json => Box::new(json::Json),
        Format::Yaml => Box::new(yaml::Yaml),
        other => return unsupported("the price book", other, &[Format::Table, Format::Json, Format::Yaml]),
    })
}
