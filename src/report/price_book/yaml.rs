//! The price book as YAML: one region's price-book file (`pricing-data/<region>.yaml`'s format,
//! loadable with `--price-book`); the summary as the list of regions with their counts.

use anyhow::{bail, Result};
use serde::Serialize;

use super::{PriceBookSummary, PriceBookView};
use crate::pricing::PriceEntry;
use crate::report::Render;

/// The price book as YAML.
pub struct Yaml;

/// A region's price-book file, as [`crate::pricing::RegionBook`] reads it.
#[derive(Serialize)]
struct RegionFile<'a> {
    /// Format version.
    schema_version: u32,
    /// AWS region code.
    region: &'a str,
    /// Its location name in the AWS Price List.
    location: &'a str,
    /// The prefix AWS puts on its usage types.
    usage_type_prefix: &'a str,
    /// Snapshot date.
    snapshot: &'a str,
    /// The entries shown.
    entries: &'a [&'a PriceEntry],
}

impl Render<PriceBookView<'_>> for Yaml {
    fn render(&self, view: &PriceBookView<'_>) -> Result<String> {
        let [r] = view.regions.as_slice() else {
            let names: Vec<&str> = view.regions.iter().map(|r| r.region).collect();
            bail!(
                "--format yaml writes one region's price-book file, and the book has {} regions ({})\nhint: add --region, e.g. --region {}",
                names.len(),
                names.join(", "),
                names.first().copied().unwrap_or("us-east-1")
            );
        };
        let file = RegionFile {
            schema_version: crate::pricing::book::SCHEMA_VERSION,
            region: r.region,
            location: r.location,
            usage_type_prefix: r.usage_type_prefix,
            snapshot: r.snapshot,
            entries: &r.entries,
        };
        Ok(format!(
            "# obs-cost price-book file for {} (from {}): save it as DIR/{}.yaml beside a free-tiers.yaml and read it with --price-book DIR\n{}",
            r.region,
            view.origin,
            r.region,
            serde_yaml::to_string(&file)?
        ))
    }
}

impl Render<PriceBookSummary<'_>> for Yaml {
    fn render(&self, s: &PriceBookSummary<'_>) -> Result<String> {
        Ok(serde_yaml::to_string(&s.regions)?)
    }
}
