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

/// A price whose source date is more than this many months before the book's snapshot date is stale.
pub const STALE_AFTER_MONTHS: u32 = 18;

/// How a price is known for its region.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PriceStatus {
    /// Read from a public source for this region: an AWS pricing page, an AWS Price List offer
    /// file, or a public file that transcribes one.
    Confirmed,
    /// Computed from a confirmed entry of the same region by the rule the entry states
    /// (`derived_from` and `rule`), checked when the book is loaded.
    Derived,
    /// No source read gives this value for this region (another region's rate, a size scaled from
    /// a neighbour); the entry's `note` says why. Every output that uses it says so.
    Unconfirmed,
}

impl PriceStatus {
    /// Every status, in the order outputs list them.
    pub const ALL: [PriceStatus; 3] = [PriceStatus::Confirmed, PriceStatus::Derived, PriceStatus::Unconfirmed];

    /// `confirmed`, `derived` or `unconfirmed`.
    pub fn as_str(self) -> &'static str {
        match self {
            PriceStatus::Confirmed => "confirmed",
            PriceStatus::Derived => "derived",
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
    /// The date the source reflects (`YYYY-MM-DD`): an offer file's publication date, the date a
    /// page or file was published or last changed, not the date it was read. A derived entry has
    /// the `as_of` of the entry it is derived from.
    pub as_of: String,
    /// `confirmed`, `derived` or `unconfirmed`.
    pub status: PriceStatus,
    /// For a `derived` entry: the id of the `confirmed` entry of the same region it is computed from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub derived_from: Option<String>,
    /// For a `derived` entry: `"<factor> x"` (e.g. `"2 x"`, `"0.8 x"`): each tier's price is the
    /// factor times the same tier of `derived_from`, exactly.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rule: Option<String>,
    /// Why an entry is unconfirmed or where its derivation rule is documented; required for both.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

impl PriceEntry {
    /// The price of the first tier (used to explain an item whose usage is unknown).
    pub fn first_price(&self) -> Decimal {
        self.tiers.first().map_or(Decimal::ZERO, |t| t.usd)
    }

    /// Whether the source date is before `cutoff` (see [`RegionBook::stale_before`]).
    pub fn is_stale(&self, cutoff: &str) -> bool {
        self.as_of.as_str() < cutoff
    }
}

/// Parses a derivation rule `"<factor> x"` into its factor.
pub fn rule_factor(rule: &str) -> Option<Decimal> {
    let factor = rule.trim().strip_suffix('x')?.trim();
    let factor: Decimal = factor.parse().ok()?;
    (factor > Decimal::ZERO).then_some(factor)
}

/// The tiers of `base` with every price multiplied by `factor`.
pub fn apply_rule(base: &PriceEntry, factor: Decimal) -> Vec<Tier> {
    base.tiers.iter().map(|t| Tier { begin: t.begin, end: t.end, usd: (t.usd * factor).normalize() }).collect()
}

/// Recomputes every `derived` entry from its base, for a snapshot whose confirmed entries changed
/// (`pricing refresh`): a derived entry whose base is missing or no longer confirmed becomes
/// `unconfirmed`, with a note saying why.
pub fn rederive(entries: &mut [PriceEntry]) {
    let bases: BTreeMap<String, PriceEntry> =
        entries.iter().filter(|e| e.status == PriceStatus::Confirmed).map(|e| (e.id.clone(), e.clone())).collect();
    for e in entries.iter_mut().filter(|e| e.status == PriceStatus::Derived) {
        let from = e.derived_from.clone().unwrap_or_default();
        match (bases.get(&from), e.rule.as_deref().and_then(rule_factor)) {
            (Some(base), Some(factor)) => {
                e.tiers = apply_rule(base, factor);
                e.as_of = base.as_of.clone();
            }
            _ => {
                e.status = PriceStatus::Unconfirmed;
                e.note = Some(format!(
                    "was derived ({}) from {from}, which this snapshot has no confirmed price for",
                    e.rule.as_deref().unwrap_or("no rule")
                ));
                e.derived_from = None;
                e.rule = None;
            }
        }
    }
}

/// Entry counts of one service of one region, by status, and how many are stale.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct StatusCounts {
    /// `confirmed` entries.
    pub confirmed: usize,
    /// `derived` entries.
    pub derived: usize,
    /// `unconfirmed` entries.
    pub unconfirmed: usize,
    /// Entries whose source date is older than the stale cutoff, whatever their status.
    pub stale: usize,
    /// All entries.
    pub total: usize,
}

impl StatusCounts {
    fn add(&mut self, e: &PriceEntry, cutoff: &str) {
        match e.status {
            PriceStatus::Confirmed => self.confirmed += 1,
            PriceStatus::Derived => self.derived += 1,
            PriceStatus::Unconfirmed => self.unconfirmed += 1,
        }
        self.stale += usize::from(e.is_stale(cutoff));
        self.total += 1;
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

impl RegionBook {
    /// The date before which a source is stale, as of `reference` (default: this snapshot's date):
    /// [`STALE_AFTER_MONTHS`] months earlier. Basing it on the snapshot, not on today, keeps every
    /// output of the same inputs byte-identical.
    pub fn stale_before(&self, reference: Option<&str>) -> String {
        months_before(reference.unwrap_or(&self.snapshot), STALE_AFTER_MONTHS).unwrap_or_default()
    }

    /// The entry with this id.
    pub fn entry(&self, id: &str) -> Option<&PriceEntry> {
        self.entries.iter().find(|e| e.id == id)
    }

    /// Counts per AWS service code (sorted), then for the whole region, stale as of `cutoff`.
    pub fn status_counts(&self, cutoff: &str) -> (Vec<(String, StatusCounts)>, StatusCounts) {
        let mut per: BTreeMap<String, StatusCounts> = BTreeMap::new();
        let mut all = StatusCounts::default();
        for e in &self.entries {
            per.entry(e.service_code.clone()).or_default().add(e, cutoff);
            all.add(e, cutoff);
        }
        (per.into_iter().collect(), all)
    }
}

/// `date` (`YYYY-MM-DD`) minus `months` calendar months, the day clamped to the month's length;
/// `None` when `date` is not a valid date.
pub fn months_before(date: &str, months: u32) -> Option<String> {
    let (y, m, d) = parse_date(date)?;
    let total = i64::from(y) * 12 + i64::from(m - 1) - i64::from(months);
    let (y2, m2) = (total.div_euclid(12), (total.rem_euclid(12) + 1) as u32);
    let y2 = u32::try_from(y2).ok()?;
    Some(format!("{y2:04}-{m2:02}-{:02}", d.min(days_in_month(y2, m2))))
}

fn days_in_month(y: u32, m: u32) -> u32 {
    match m {
        2 if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

fn parse_date(text: &str) -> Option<(u32, u32, u32)> {
    let b = text.as_bytes();
    if b.len() != 10 || b.get(4) != Some(&b'-') || b.get(7) != Some(&b'-') {
        return None;
    }
    let y: u32 = text.get(0..4)?.parse().ok()?;
    let m: u32 = text.get(5..7)?.parse().ok()?;
    let d: u32 = text.get(8..10)?.parse().ok()?;
    ((1..=12).contains(&m) && d >= 1 && d <= days_in_month(y, m)).then_some((y, m, d))
}

/// Whether `text` is a valid `YYYY-MM-DD` date.
pub fn is_date(text: &str) -> bool {
    text.bytes().all(|c| c.is_ascii_digit() || c == b'-') && parse_date(text).is_some()
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
            close: crate::suggest::close_matches_tail(region, self.region_codes()),
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
            item: String::new(),
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
        check_status(&at, e)?;
    }
    for e in book.entries.iter().filter(|e| e.status == PriceStatus::Derived) {
        check_derivation(&format!("price book '{file}', entry '{}'", e.id), book, e)?;
    }
    Ok(())
}

/// The fields each status requires: a note for `unconfirmed` and `derived`, `derived_from` and
/// `rule` for `derived` only.
fn check_status(at: &str, e: &PriceEntry) -> Result<()> {
    let derived = e.status == PriceStatus::Derived;
    if derived && (e.derived_from.is_none() || e.rule.is_none()) {
        bail!("{at}: a derived entry needs derived_from (the id it is computed from) and rule (e.g. \"2 x\")");
    }
    if !derived && (e.derived_from.is_some() || e.rule.is_some()) {
        bail!("{at}: only a derived entry has derived_from and rule, this one is {}", e.status.as_str());
    }
    if e.status != PriceStatus::Confirmed && e.note.as_deref().is_none_or(|n| n.trim().is_empty()) {
        let article = if e.status == PriceStatus::Unconfirmed { "an" } else { "a" };
        bail!("{at}: {article} {} entry needs a note saying why (or where its rule is documented)", e.status.as_str());
    }
    Ok(())
}

/// A derived entry's rule, recomputed from the entry it names, must give its stored prices exactly.
fn check_derivation(at: &str, book: &RegionBook, e: &PriceEntry) -> Result<()> {
    let from = e.derived_from.as_deref().unwrap_or_default();
    let rule = e.rule.as_deref().unwrap_or_default();
    let Some(base) = book.entry(from) else {
        bail!("{at}: derived_from '{from}' is not an entry of region {}", book.region);
    };
    if base.status != PriceStatus::Confirmed {
        bail!(
            "{at}: derived_from '{from}' is {}, but a price can only be derived from a confirmed one\nhint: mark this entry unconfirmed with a note instead",
            base.status.as_str()
        );
    }
    let Some(factor) = rule_factor(rule) else {
        bail!("{at}: rule '{rule}' is not '<factor> x' with a positive decimal factor, e.g. \"2 x\" or \"0.8 x\"");
    };
    if base.unit != e.unit {
        bail!("{at}: unit '{}' differs from the unit '{}' of {from}", e.unit, base.unit);
    }
    let expected = apply_rule(base, factor);
    let same = expected.len() == e.tiers.len()
        && expected.iter().zip(&e.tiers).all(|(x, t)| x.begin == t.begin && x.end == t.end && x.usd == t.usd);
    if !same {
        let shown = |tiers: &[Tier]| tiers.iter().map(|t| t.usd.normalize().to_string()).collect::<Vec<_>>().join("/");
        bail!(
            "{at}: rule '{rule}' of {from} ({}) gives {}, but the entry says {}\nhint: store the computed price, or mark the entry confirmed/unconfirmed with its own source",
            shown(&base.tiers),
            shown(&expected),
            shown(&e.tiers)
        );
    }
    if base.as_of != e.as_of {
        bail!("{at}: as_of {} differs from the as_of {} of {from}, which a derived price shares", e.as_of, base.as_of);
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

    /// A one-region book of `entries` (YAML list items), parsed and validated.
    fn region_with(entries: &str) -> Result<RegionBook> {
        let text =
            format!("schema_version: 1\nregion: test-1\nlocation: Test\nsnapshot: 2026-11-01\nentries:\n{entries}");
        parse_region(Path::new("t.yaml"), &text)
    }

    const SINGLE: &str = "  - {id: a.single, service_code: S, description: d, usage_type: U, unit: hour, \
                          tiers: [{begin: \"0\", usd: \"0.051\"}], source: s, as_of: 2026-10-01, status: confirmed}\n";

    fn derived(usd: &str, rule: &str, as_of: &str) -> String {
        format!(
            "{SINGLE}  - {{id: a.multi, service_code: S, description: d, usage_type: U2, unit: hour, \
             tiers: [{{begin: \"0\", usd: \"{usd}\"}}], source: s, as_of: {as_of}, status: derived, \
             derived_from: a.single, rule: \"{rule}\", note: doubled}}\n"
        )
    }

    #[test]
    fn a_derived_price_must_equal_its_rule_exactly() {
        assert!(region_with(&derived("0.102", "2 x", "2026-10-01")).is_ok());
        assert!(region_with(&derived("0.1020", "2 x", "2026-10-01")).is_ok(), "trailing zeros are the same price");
        assert!(region_with(&derived("0.0408", "0.8 x", "2026-10-01")).is_ok());
        let err = region_with(&derived("0.103", "2 x", "2026-10-01")).unwrap_err().to_string();
        assert!(err.contains("'a.multi'") && err.contains("gives 0.102") && err.contains("says 0.103"), "{err}");
        let err = region_with(&derived("0.102", "twice", "2026-10-01")).unwrap_err().to_string();
        assert!(err.contains("rule 'twice'"), "{err}");
        let err = region_with(&derived("0", "0 x", "2026-10-01")).unwrap_err().to_string();
        assert!(err.contains("positive"), "{err}");
        let err = region_with(&derived("0.102", "2 x", "2026-11-01")).unwrap_err().to_string();
        assert!(err.contains("as_of 2026-11-01 differs"), "{err}");
        let err = region_with(
            &derived("0.102", "2 x", "2026-10-01").replace("derived_from: a.single", "derived_from: a.nope"),
        )
        .unwrap_err()
        .to_string();
        assert!(err.contains("derived_from 'a.nope' is not an entry"), "{err}");
    }

    #[test]
    fn derived_needs_a_confirmed_base_a_rule_and_a_note() {
        let base_unconfirmed =
            derived("0.102", "2 x", "2026-10-01").replacen("status: confirmed", "status: unconfirmed, note: n", 1);
        let err = region_with(&base_unconfirmed).unwrap_err().to_string();
        assert!(err.contains("is unconfirmed") && err.contains("only be derived from a confirmed"), "{err}");
        let err =
            region_with(&derived("0.102", "2 x", "2026-10-01").replace(", rule: \"2 x\"", "")).unwrap_err().to_string();
        assert!(err.contains("needs derived_from") && err.contains("and rule"), "{err}");
        let err =
            region_with(&derived("0.102", "2 x", "2026-10-01").replace(", note: doubled", "")).unwrap_err().to_string();
        assert!(err.contains("a derived entry needs a note"), "{err}");
        let err = region_with(&SINGLE.replace("status: confirmed", "status: unconfirmed")).unwrap_err().to_string();
        assert!(err.contains("an unconfirmed entry needs a note"), "{err}");
        let err = region_with(&SINGLE.replace("status: confirmed", "status: confirmed, rule: \"2 x\""))
            .unwrap_err()
            .to_string();
        assert!(err.contains("only a derived entry has derived_from and rule"), "{err}");
    }

    #[test]
    fn rederive_follows_a_refreshed_base_or_drops_to_unconfirmed() {
        let mut book = region_with(&derived("0.102", "2 x", "2026-10-01")).unwrap();
        book.entries[0].tiers[0].usd = "0.06".parse().unwrap();
        book.entries[0].as_of = "2026-12-01".into();
        rederive(&mut book.entries);
        assert_eq!(
            (book.entries[1].tiers[0].usd.to_string().as_str(), book.entries[1].as_of.as_str()),
            ("0.12", "2026-12-01")
        );
        assert_eq!(book.entries[1].status, PriceStatus::Derived);
        book.entries.remove(0);
        rederive(&mut book.entries);
        assert_eq!(book.entries[0].status, PriceStatus::Unconfirmed);
        assert!(
            book.entries[0].derived_from.is_none() && book.entries[0].note.as_deref().unwrap().contains("a.single")
        );
    }

    #[test]
    fn staleness_is_18_months_before_the_snapshot() {
        assert_eq!(months_before("2026-11-01", 18).as_deref(), Some("2025-05-01"));
        assert_eq!(months_before("2026-08-31", 18).as_deref(), Some("2025-02-28"), "day clamped to the month");
        assert_eq!(months_before("2025-08-31", 18).as_deref(), Some("2024-02-29"), "leap year");
        assert_eq!(months_before("2026-01-15", 1).as_deref(), Some("2025-12-15"));
        assert_eq!(months_before("2026-13-01", 1), None);
        assert!(!is_date("2026-02-30") && !is_date("2026-1-01") && !is_date("+026-01-01") && is_date("2024-02-29"));
        let book = region_with(SINGLE).unwrap();
        assert_eq!(book.stale_before(None), "2025-05-01");
        assert_eq!(book.stale_before(Some("2028-04-02")), "2026-10-02");
        let e = &book.entries[0];
        assert!(!e.is_stale(&book.stale_before(None)));
        assert!(e.is_stale(&book.stale_before(Some("2028-04-02"))), "as_of 2026-10-01 is older than 2026-10-02");
        assert!(!e.is_stale(&book.stale_before(Some("2028-04-01"))), "exactly 18 months is not stale yet");
        let (per, all) = book.status_counts(&book.stale_before(Some("2030-01-01")));
        assert_eq!((per.len(), all.confirmed, all.stale, all.total), (1, 1, 1, 1));
    }

    #[test]
    fn every_bundled_source_is_public() {
        // A source a user can open: a URL, a public repository file at a commit, or (for a price
        // scaled from a neighbour) the entry of this file it is scaled from.
        let book = PriceBook::bundled().unwrap();
        let commit = |s: &str| s.split(|c: char| !c.is_ascii_hexdigit()).any(|w| w.len() >= 12);
        let forbidden =
            ["shared/", "research", "aws-prices", "price-audit", "IDX", "[X", "found by code search", "infrafit"];
        for region in book.regions.values() {
            for e in &region.entries {
                let s = &e.source;
                let public = s.contains("https://")
                    || commit(s)
                    || (e.status == PriceStatus::Unconfirmed
                        && s.starts_with("scaled from ")
                        && s.ends_with(" in this file"));
                assert!(public, "{} in {}: source is not a public document: {s}", e.id, region.region);
                for f in forbidden {
                    assert!(
                        !s.contains(f) && !e.note.as_deref().unwrap_or("").contains(f),
                        "{} in {} cites {f}",
                        e.id,
                        region.region
                    );
                }
                if let Some(rest) = s.strip_prefix("scaled from ") {
                    let id = rest.trim_end_matches(" in this file");
                    assert!(region.entry(id).is_some(), "{} in {} is scaled from unknown {id}", e.id, region.region);
                }
            }
        }
        for f in &book.free_tiers {
            assert!(f.source.contains("https://"), "free tier {} has no public source", f.id);
        }
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
