//! JSON output. Money is a number rounded to the cent; unit prices and quantities are exact.
//! The field docs below are the format reference; `region`, `free_tier`, `total_monthly_usd` and
//! `services[].{service, monthly_usd, line_items[].{name, quantity, unit, unit_price_usd,
//! monthly_usd, price_status}}` are a contract. `line_items[].price_stale` and `price_flags` say
//! which prices are derived, unconfirmed or stale.

use anyhow::Result;
use serde::Serialize;

use super::Estimate;
use crate::cost::{PriceFlags, PriceRef, ServiceCost};
use crate::report::Render;
use crate::units::{Exact, Money};

/// Version of the estimate JSON.
pub const ESTIMATE_SCHEMA_VERSION: u32 = 1;

/// An unconfirmed price used.
#[derive(Serialize)]
pub struct JsonUnconfirmed<'a> {
    /// Price-book id.
    pub id: &'a str,
    /// AWS service code.
    pub service_code: &'a str,
    /// AWS usage type.
    pub usage_type: &'a str,
    /// Date of the price.
    pub as_of: &'a str,
    /// Its source.
    pub source: &'a str,
    /// Why it is unconfirmed.
    pub note: Option<&'a str>,
}

impl<'a> From<&'a PriceRef> for JsonUnconfirmed<'a> {
    fn from(p: &'a PriceRef) -> Self {
        JsonUnconfirmed {
            id: &p.id,
            service_code: &p.service_code,
            usage_type: &p.usage_type,
            as_of: &p.as_of,
            source: &p.source,
            note: p.note.as_deref(),
        }
    }
}

/// The `estimate --format json` document.
#[derive(Serialize)]
pub struct JsonEstimate<'a> {
    /// Version of this document's shape.
    pub schema_version: u32,
    /// Region priced.
    pub region: &'a str,
    /// Whether free tiers were applied.
    pub free_tier: bool,
    /// Hours in the month for hourly prices.
    pub hours_per_month: Exact,
    /// Where the prices came from: `bundled` or a directory.
    pub price_book: &'a str,
    /// Snapshot date of the region's prices.
    pub price_book_snapshot: &'a str,
    /// Total USD per month, rounded to the cent (line items with unknown usage excluded).
    pub total_monthly_usd: Money,
    /// Count of line items with unknown usage.
    pub unknown_line_items: usize,
    /// Unconfirmed prices used.
    pub unconfirmed_prices: Vec<JsonUnconfirmed<'a>>,
    /// Derived, unconfirmed and stale prices used: counts, each one, and the command that renews them.
    pub price_flags: PriceFlags,
    /// Per-service costs with their line items.
    pub services: &'a [ServiceCost],
}

/// The estimate as versioned JSON.
pub struct Json;

impl Render<Estimate<'_>> for Json {
    fn render(&self, view: &Estimate<'_>) -> Result<String> {
        estimate(view)
    }
}

fn estimate(view: &Estimate<'_>) -> Result<String> {
    let c = view.costing;
    let doc = JsonEstimate {
        schema_version: ESTIMATE_SCHEMA_VERSION,
        region: &c.region,
        free_tier: c.free_tier,
        hours_per_month: Exact(view.hours_per_month),
        price_book: view.price_book,
        price_book_snapshot: view.price_book_snapshot,
        total_monthly_usd: Money(c.total_monthly_usd),
        unknown_line_items: c.unknown_line_items,
        unconfirmed_prices: c.unconfirmed_prices.iter().map(JsonUnconfirmed::from).collect(),
        price_flags: c.price_flags(),
        services: &c.services,
    };
    Ok(serde_json::to_string_pretty(&doc)? + "\n")
}
