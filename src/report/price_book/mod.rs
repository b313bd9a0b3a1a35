//! The price-book documents of `obs-cost pricing show` (the entries of the regions and services
//! asked for with the free tiers that apply to them, and `--summary`'s counts per status) and
//! their renderers, one file per format: `table`, `markdown`, `json`, `yaml` (the price-book file
//! format); and the cells the table and Markdown share.

pub mod json;
pub mod markdown;
pub mod table;
pub mod yaml;

use anyhow::Result;
use serde::Serialize;

use super::{unsupported, Format, Render};
use crate::i18n::Locale;
use crate::pricing::{FreeTier, PriceEntry, StatusCounts, STALE_AFTER_MONTHS};
use crate::tr;
use crate::units::{group_thousands, unit_price};

/// One region of the price book, as shown.
#[derive(Debug, Serialize)]
pub struct RegionView<'a> {
    /// AWS region code.
    pub region: &'a str,
    /// Its location name in the AWS Price List.
    pub location: &'a str,
    /// Snapshot date of its prices.
    pub snapshot: &'a str,
    /// The prefix AWS puts on its usage types (in the YAML price-book file only).
    #[serde(skip)]
    pub usage_type_prefix: &'a str,
    /// Entries whose `as_of` is before this date are stale.
    pub stale_before: String,
    /// The entries shown.
    pub entries: Vec<&'a PriceEntry>,
    /// Ids of the entries shown that are stale.
    pub stale: Vec<&'a str>,
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

/// One service's entry counts.
#[derive(Debug, Serialize)]
pub struct ServiceCounts {
    /// AWS service code.
    pub service: String,
    /// Its entries per status, and stale.
    #[serde(flatten)]
    pub counts: StatusCounts,
}

/// One region's entry counts.
#[derive(Debug, Serialize)]
pub struct RegionSummary<'a> {
    /// AWS region code.
    pub region: &'a str,
    /// Its location name in the AWS Price List.
    pub location: &'a str,
    /// Snapshot date of its prices.
    pub snapshot: &'a str,
    /// Entries whose `as_of` is before this date are stale.
    pub stale_before: String,
    /// Per service.
    pub services: Vec<ServiceCounts>,
    /// Every entry of the region shown.
    pub all: StatusCounts,
}

/// What `pricing show --summary` renders (its JSON and YAML are the list of regions).
#[derive(Debug)]
pub struct PriceBookSummary<'a> {
    /// `bundled` or the price-book directory.
    pub origin: &'a str,
    /// Whether staleness is judged as of a date given with `--as-of` (else each snapshot's).
    pub as_of_given: bool,
    /// The regions shown.
    pub regions: Vec<RegionSummary<'a>>,
}

const FORMATS: [Format; 4] = [Format::Table, Format::Json, Format::Yaml, Format::Markdown];

/// The renderer of the price book in a format.
pub fn renderer<'a>(format: Format, locale: &Locale) -> Result<Box<dyn Render<PriceBookView<'a>>>> {
    Ok(match format {
        Format::Table => Box::new(table::Table { locale: locale.clone() }),
        Format::Json => Box::new(json::Json),
        Format::Yaml => Box::new(yaml::Yaml),
        Format::Markdown => Box::new(markdown::Markdown { locale: locale.clone() }),
        other => return unsupported("the price book", other, &FORMATS),
    })
}

/// The renderer of the price-book summary in a format.
pub fn summary_renderer<'a>(format: Format, locale: &Locale) -> Result<Box<dyn Render<PriceBookSummary<'a>>>> {
    Ok(match format {
        Format::Table => Box::new(table::Table { locale: locale.clone() }),
        Format::Json => Box::new(json::Json),
        Format::Yaml => Box::new(yaml::Yaml),
        Format::Markdown => Box::new(markdown::Markdown { locale: locale.clone() }),
        other => return unsupported("the price-book summary", other, &FORMATS),
    })
}

/// Tiers as `0–10,000: $0.30; 10,000–250,000: $0.10; over 250,000: $0.05`.
pub fn describe_tiers(l: &Locale, entry: &PriceEntry) -> String {
    if let [only] = entry.tiers.as_slice() {
        if only.end.is_none() {
            return unit_price(only.usd);
        }
    }
    entry
        .tiers
        .iter()
        .map(|t| match t.end {
            Some(end) => format!("{}-{}: {}", group_thousands(t.begin, 6), group_thousands(end, 6), unit_price(t.usd)),
            None => tr!(l, "book-tier-over", begin = group_thousands(t.begin, 6), price = unit_price(t.usd)),
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// The header of the entry rows.
const ENTRY_HEADER: [&str; 7] =
    ["col-price-id", "col-service", "col-usage-type", "col-unit", "col-usd-per-unit", "col-status", "col-as-of"];

/// The cells of one entry row: id, service, usage type, unit, price, status, as of.
fn entry_cells(l: &Locale, r: &RegionView<'_>, e: &PriceEntry) -> [String; 7] {
    let mut status = l.term(e.status.as_str());
    if let (Some(from), Some(rule)) = (&e.derived_from, &e.rule) {
        status = format!("{status} ({rule} {from})");
    }
    if e.note.is_some() {
        status.push_str(" *");
    }
    let as_of =
        if r.stale.contains(&e.id.as_str()) { tr!(l, "book-stale-date", date = e.as_of) } else { e.as_of.clone() };
    [e.id.clone(), e.service_code.clone(), e.usage_type.clone(), l.unit(&e.unit), describe_tiers(l, e), status, as_of]
}

fn region_title(l: &Locale, region: &str, location: &str, snapshot: &str, stale_before: &str) -> String {
    tr!(l, "book-region-title", region = region, location = location, snapshot = snapshot, stale_before = stale_before)
}

/// The header of the summary rows.
const SUMMARY_HEADER: [&str; 6] =
    ["col-service", "col-confirmed", "col-derived", "col-unconfirmed", "col-stale", "col-total"];

/// The cells of one summary row.
fn count_cells(name: &str, c: &StatusCounts) -> [String; 6] {
    [
        name.to_string(),
        c.confirmed.to_string(),
        c.derived.to_string(),
        c.unconfirmed.to_string(),
        c.stale.to_string(),
        c.total.to_string(),
    ]
}

/// What "stale" means, under the summary.
fn legend(l: &Locale, s: &PriceBookSummary<'_>) -> String {
    tr!(l, if s.as_of_given { "book-legend-as-of" } else { "book-legend" }, months = STALE_AFTER_MONTHS)
}
