//! The price-book file format (`pricing-data/<region>.yaml`, `pricing-data/free-tiers.yaml`), its
//! validation and the lookup by region and price id. The field docs below are the format reference.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::{LookupError, PriceQuery};

/// The schema version this build reads and writes.
pub const SCHEMA_VERSION: u32 = 1;

/// Price-book files compiled into the binary, so that every offline command works from any
/// directory. `--price-book DIR` replaces them with the YAML files of a directory.
const BUNDLED: &[(&str, &str)] = &[
    ("free-tiers.yaml", include_str!("../../pricing-data/free-tiers.yaml")),
    ("us-east-1.yaml", include_str!("../../pricing-data/us-east-1.yaml")),
    ("ap-northeast-2.yaml", include_str!("../../pricing-data/ap-northeast-2.yaml")),
];

/// Whether a price has been checked against a source for its own region.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PriceStatus {
    /// Read from an AWS pricing page, the AWS Price List, or a published calculation of it, for this region.
    Confirmed,
    /// Sourced, but the source does not confirm it for this region or is secondary: every output that uses it says so.
    Unconfirmed,
}

impl PriceStatus {
    /// `confirmed` or `unconfirmed`.
    pub fn as_str(self) -> &'static str {
        match self {
            PriceStatus::Confirmed => "confirmed",
            PriceStatus::Unconfirmed => "unconfirmed",
        }
    }
}

/// One price range of an entry. Ranges are absolute: a tier from 10,000 to 250,000 applies to the
/// 10,001st to the 250,000th unit of the month, account-wide.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Tier {
    /// First unit of the range (AWS `beginRange`), in the entry's unit.
    #[serde(with = "rust_decimal::serde::str")]
    pub begin: Decimal,
    /// End of the range (AWS `endRange`); absent means no upper bound (`Inf`).
    #[serde(default, with = "rust_decimal::serde::str_option", skip_serializing_if = "Option::is_none")]
    pub end: Option<Decimal>,
    /// Price in USD per one unit, an exact decimal string.
    #[serde(with = "rust_decimal::serde::str")]
    pub usd: Decimal,
}

/// One priced item of one region.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PriceEntry {
    /// Stable id the cost models ask for, e.g. `cloudwatch.metrics`.
    pub id: String,
    /// AWS Price List service code, e.g. `AmazonCloudWatch`.
    pub service_code: String,
    /// Human description, as on the AWS pricing page.
    pub description: String,
    /// AWS usage type without its region prefix, e.g. `CW:MetricMonitorUsage`.
    pub usage_type: String,
    /// Further Price List attributes that identify the product (`productFamily`, `databaseEngine`, ...).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub attributes: BTreeMap<String, String>,
    /// The unit one `usd` buys, e.g. `metric-month`, `GB`, `hour`, `trace`.
    pub unit: String,
    /// Price tiers sorted by `begin`, the first starting at 0, each starting where the last ended.
    pub tiers: Vec<Tier>,
    /// Where the price was read: a URL or document.
    pub source: String,
    /// The date the source gave the price for (`YYYY-MM-DD`).
    pub as_of: String,
    /// `confirmed` or `unconfirmed`.
    pub status: PriceStatus,
    /// Why an entry is unconfirmed, or anything a reader must know.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

impl PriceEntry {
    /// The price of the first tier (used to explain an item whose usage is unknown).
    pub fn first_price(&self) -> Decimal {
        self.tiers.first().map_or(Decimal::ZERO, |t| t.usd)
    }
}

/// A region's price-book file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RegionBook {
    /// Format version of this file; this build reads version 1.
    pub schema_version: u32,
    /// AWS region code, e.g. `ap-northeast-2`.
    pub region: String,
    /// Region name as the Price List's `location` attribute spells it.
    pub location: String,
    /// The prefix AWS puts on this region's usage types (`APN2`, empty for most us-east-1 types).
    #[serde(default)]
    pub usage_type_prefix: String,
    /// Date of this snapshot (`YYYY-MM-DD`): the newest `as_of` it holds or its refresh date.
    pub snapshot: String,
    /// The priced items.
    pub entries: Vec<PriceEntry>,
}

/// An allowance AWS gives every account each month at no charge, shared by the price ids it lists.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FreeTier {
    /// Stable id, e.g. `cloudwatch_logs`.
    pub id: String,
    /// Human description, as on the AWS pricing page.
    pub description: String,
    /// Units free per month, account-wide.
    #[serde(with = "rust_decimal::serde::str")]
    pub quantity: Decimal,
    /// Unit of `quantity`; every price id in `applies_to` is priced in this unit.
    pub unit: String,
    /// Price ids that draw on the allowance, in the order they draw on it.
    pub applies_to: Vec<String>,
    /// Where the allowance is stated.
    pub source: String,
    /// Date the source was read (`YYYY-MM-DD`).
    pub as_of: String,
}

/// The free-tier file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FreeTierBook {
    /// Format version of this file; this build reads version 1.
    pub schema_version: u32,
    /// The allowances.
    pub free_tiers: Vec<FreeTier>,
}

/// All regions' prices and the free tiers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PriceBook {
    /// Region code → its book.
    pub regions: BTreeMap<String, RegionBook>,
    /// Account-wide free allowances.
    pub free_tiers: Vec<FreeTier>,
    /// Where the book was read from: `bundled` or a directory.
    pub origin: String,
}

impl PriceBook {
    /// The price book compiled into the binary.
    pub fn bundled() -> Result<PriceBook> {
        let files =
            BUNDLED.iter().map(|(name, text)| (PathBuf::from(format!("pricing-data/{name}")), (*text).to_string()));
        Self::from_files(files.collect(), "bundled".to_string())
    }

    /// Reads every `*.yaml` file of a directory: `free-tiers.yaml` and one file per region.
    pub fn from_dir(dir: &Path) -> Result<PriceBook> {
        let mut files = Vec::new();
        let listing =
            std::fs::read_dir(dir).with_context(|| format!("cannot read price book directory '{}'", dir.display()))?;
        for item in listing {
            let path = item.with_context(|| format!("cannot list '{}'", dir.display()))?.path();
            if path.extension().and_then(|e| e.to_str()) == Some("yaml") {
                let text = crate::input::read_text(&path, crate::input::PRICE_BOOK)?;
                files.push((path, text));
            }
        }
        files.sort();
        Self::from_files(files, dir.display().to_string())
    }

    /// Loads the bundled book, or the one in `dir` when given.
    pub fn load(dir: Option<&Path>) -> Result<PriceBook> {
        match dir {
            Some(dir) => Self::from_dir(dir),
            None => Self::bundled(),
        }
    }

    /// The free-tier file of this book, in its file format.
    pub fn free_tier_book(&self) -> FreeTierBook {
        FreeTierBook { schema_version: SCHEMA_VERSION, free_tiers: self.free_tiers.clone() }
    }

    fn from_files(files: Vec<(PathBuf, String)>, origin: String) -> Result<PriceBook> {
        let mut regions = BTreeMap::new();
        let mut free_tiers = None;
        for (path, text) in files {
            if path.file_name().and_then(|n| n.to_str()) == Some("free-tiers.yaml") {
                let book: FreeTierBook = crate::input::parse_yaml(&text, &path, "price book file")?;
                check_schema(&path, book.schema_version)?;
                free_tiers = Some(book.free_tiers);
            } else {
                let book = parse_region(&path, &text)?;
                if regions.insert(book.region.clone(), book).is_some() {
                    bail!("price book '{}' repeats a region already read from another file", path.display());
                }
            }
        }
        let Some(free_tiers) = free_tiers else {
            bail!("price book '{origin}' has no free-tiers.yaml\nhint: copy pricing-data/free-tiers.yaml next to the region files");
        };
        if regions.is_empty() {
            bail!("price book '{origin}' has no region files (<region>.yaml)");
        }
        Ok(PriceBook { regions, free_tiers, origin })
    }

    /// Region codes the book has.
    pub fn region_codes(&self) -> Vec<&str> {
        self.regions.keys().map(String::as_str).collect()
    }

    /// The book of one region.
    pub fn region(&self, region: &str) -> Result<&RegionBook, LookupError> {
        self.regions.get(region).ok_or_else(|| LookupError::UnknownRegion {
            region: region.to_string(),
            available: self.region_codes().join(", "),
        })
    }

    /// The entry a model's query asks for.
    pub fn lookup(&self, region: &str, query: &PriceQuery) -> Result<&PriceEntry, LookupError> {
        let book = self.region(region)?;
        book.entries.iter().find(|e| e.id == query.id).ok_or_else(|| LookupError::NotFound {
            service_code: query.service_code.to_string(),
            region: region.to_string(),
            usage_type: query.usage_type.clone(),
            id: query.id.clone(),
        })
    }
}

/// Parses and validates one region file (`path` is only used in messages).
pub fn parse_region(path: &Path, text: &str) -> Result<RegionBook> {
    let book: RegionBook = crate::input::parse_yaml(text, path, "price book file")?;
    check_schema(path, book.schema_version)?;
    validate_region(path, &book)?;
    Ok(book)
}

fn check_schema(path: &Path, version: u32) -> Result<()> {
    if version != SCHEMA_VERSION {
        bail!(
            "price book file '{}' has schema_version {version}, this obs-cost reads {SCHEMA_VERSION}\nhint: use the obs-cost release that wrote it, or refresh the price book",
            path.display()
        );
    }
    Ok(())
}

fn is_date(text: &str) -> bool {
    let b = text.as_bytes();
    b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter().enumerate().all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit())
}

fn validate_region(path: &Path, book: &RegionBook) -> Result<()> {
    let file = path.display();
    if !is_date(&book.snapshot) {
        bail!("price book '{file}': snapshot '{}' is not a YYYY-MM-DD date", book.snapshot);
    }
    let mut seen = std::collections::BTreeSet::new();
    for e in &book.entries {
        let at = format!("price book '{file}', entry '{}'", e.id);
        if !seen.insert(e.id.as_str()) {
            bail!("{at}: the id is repeated");
        }
        if e.source.trim().is_empty() {
            bail!("{at}: has no source; a price without a source is left out of the book");
        }
        if !is_date(&e.as_of) {
            bail!("{at}: as_of '{}' is not a YYYY-MM-DD date", e.as_of);
        }
        if e.tiers.is_empty() {
            bail!("{at}: has no tiers");
        }
        let mut expected_begin = Decimal::ZERO;
        for (i, t) in e.tiers.iter().enumerate() {
            if t.begin != expected_begin {
                bail!("{at}: tier {} begins at {} but the previous tier ends at {expected_begin}", i + 1, t.begin);
            }
            if t.usd.is_sign_negative() {
                bail!("{at}: tier {} has a negative price", i + 1);
            }
            match t.end {
                Some(end) if end <= t.begin => {
                    bail!("{at}: tier {} ends at {end}, not after its begin {}", i + 1, t.begin)
                }
                Some(end) => expected_begin = end,
                None if i + 1 != e.tiers.len() => bail!("{at}: only the last tier may be unbounded"),
                None => {}
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundled_book_loads_and_every_entry_has_a_source() {
        let book = PriceBook::bundled().unwrap();
        assert!(book.regions.contains_key("us-east-1"));
        assert!(book.regions.contains_key("ap-northeast-2"));
        for region in book.regions.values() {
            for e in &region.entries {
                assert!(!e.source.is_empty(), "{} in {} has no source", e.id, region.region);
                if e.status == PriceStatus::Unconfirmed {
                    assert!(e.note.is_some(), "unconfirmed {} in {} must say why", e.id, region.region);
                }
            }
        }
    }

    #[test]
    fn free_tiers_point_at_existing_price_ids() {
        let book = PriceBook::bundled().unwrap();
        let us = book.region("us-east-1").unwrap();
        for ft in &book.free_tiers {
            for id in &ft.applies_to {
                let entry = us.entries.iter().find(|e| &e.id == id);
                let entry = entry.unwrap_or_else(|| panic!("free tier {} names unknown price id {id}", ft.id));
                assert!(entry.unit.starts_with(&ft.unit), "free tier {} and price {id} differ in unit", ft.id);
            }
        }
    }

    #[test]
    fn unknown_region_and_missing_price_are_errors() {
        let book = PriceBook::bundled().unwrap();
        let q = PriceQuery::new("rds.postgres.db.nope.single_az", "AmazonRDS", "InstanceUsage:db.nope");
        let err = book.lookup("us-east-1", &q).unwrap_err().to_string();
        assert!(
            err.contains("AmazonRDS") && err.contains("InstanceUsage:db.nope") && err.contains("us-east-1"),
            "{err}"
        );
        let err = book.lookup("mars-north-1", &q).unwrap_err().to_string();
        assert!(err.contains("mars-north-1") && err.contains("us-east-1"), "{err}");
    }

    #[test]
    fn tiers_must_be_contiguous() {
        let text = r#"
schema_version: 1
region: test-1
location: Test
snapshot: 2026-11-01
entries:
  - id: x
    service_code: S
    description: d
    usage_type: U
    unit: GB
    tiers: [{begin: "0", end: "10", usd: "1"}, {begin: "11", usd: "0.5"}]
    source: s
    as_of: 2026-11-01
    status: confirmed
"#;
        let book: RegionBook = serde_yaml::from_str(text).unwrap();
        let err = validate_region(Path::new("t.yaml"), &book).unwrap_err().to_string();
        assert!(err.contains("tier 2 begins at 11"), "{err}");
    }
}
