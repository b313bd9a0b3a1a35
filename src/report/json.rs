//! JSON output. Money is a number rounded to the cent; unit prices and quantities are exact.
//! The field docs below are the format reference; `region`, `free_tier`, `total_monthly_usd` and
//! `services[].{service, monthly_usd, line_items[].{name, quantity, unit, unit_price_usd,
//! monthly_usd, price_status}}` are a contract.

use anyhow::Result;
use rust_decimal::Decimal;
use serde::Serialize;

use super::EstimateView;
use crate::cost::{Costing, LineItem, PriceRef};
use crate::units::round_cents;

/// Version of the estimate JSON.
pub const ESTIMATE_SCHEMA_VERSION: u32 = 1;

/// Serialises a decimal as an exact JSON number.
pub(crate) mod num {
    use rust_decimal::Decimal;
    use serde::Serializer;

    /// Exact number.
    pub(crate) fn serialize<S: Serializer>(v: &Decimal, s: S) -> Result<S::Ok, S::Error> {
        rust_decimal::serde::arbitrary_precision::serialize(&v.normalize(), s)
    }

    /// Exact number or null.
    pub(crate) mod opt {
        use super::*;
        /// Exact number or null.
        pub(crate) fn serialize<S: Serializer>(v: &Option<Decimal>, s: S) -> Result<S::Ok, S::Error> {
            match v {
                Some(v) => super::serialize(v, s),
                None => s.serialize_none(),
            }
        }
    }
}

/// Money rounded to the cent, as a JSON number with two decimals.
pub(crate) mod money {
    use rust_decimal::Decimal;
    use serde::Serializer;

    /// Money.
    pub(crate) fn serialize<S: Serializer>(v: &Decimal, s: S) -> Result<S::Ok, S::Error> {
        let mut r = crate::units::round_cents(*v);
        r.rescale(2);
        rust_decimal::serde::arbitrary_precision::serialize(&r, s)
    }

    /// Money or null.
    pub(crate) mod opt {
        use super::*;
        /// Money or null.
        pub(crate) fn serialize<S: Serializer>(v: &Option<Decimal>, s: S) -> Result<S::Ok, S::Error> {
            match v {
                Some(v) => super::serialize(v, s),
                None => s.serialize_none(),
            }
        }
    }
}

/// A priced line item.
#[derive(Serialize)]
pub struct JsonLineItem<'a> {
    /// What is billed, with its tier in brackets.
    pub name: &'a str,
    /// Monthly quantity in `unit`, exact; null when unknown.
    #[serde(with = "num::opt")]
    pub quantity: Option<Decimal>,
    /// Unit of quantity and unit price.
    pub unit: &'a str,
    /// USD per unit, exact.
    #[serde(with = "num")]
    pub unit_price_usd: Decimal,
    /// USD per month, rounded to the cent; null when the usage is unknown.
    #[serde(with = "money::opt")]
    pub monthly_usd: Option<Decimal>,
    /// `confirmed` or `unconfirmed`.
    pub price_status: &'static str,
    /// True for the part the free tier covers.
    pub free_tier: bool,
    /// Price-book id.
    pub price_id: &'a str,
    /// AWS service code.
    pub service_code: &'a str,
    /// AWS usage type (without region prefix).
    pub usage_type: &'a str,
    /// Date of the price.
    pub price_as_of: &'a str,
}

impl<'a> From<&'a LineItem> for JsonLineItem<'a> {
    fn from(l: &'a LineItem) -> Self {
        JsonLineItem {
            name: &l.name,
            quantity: l.quantity,
            unit: &l.unit,
            unit_price_usd: l.unit_price_usd,
            monthly_usd: l.monthly_usd,
            price_status: l.price.status.as_str(),
            free_tier: l.free_tier,
            price_id: &l.price.id,
            service_code: &l.price.service_code,
            usage_type: &l.price.usage_type,
            price_as_of: &l.price.as_of,
        }
    }
}

/// One service's cost.
#[derive(Serialize)]
pub struct JsonService<'a> {
    /// Usage-file key of the service.
    pub service: &'a str,
    /// USD per month, rounded to the cent (sum of the unrounded line items).
    #[serde(with = "money")]
    pub monthly_usd: Decimal,
    /// Its line items.
    pub line_items: Vec<JsonLineItem<'a>>,
}

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
    #[serde(with = "num")]
    pub hours_per_month: Decimal,
    /// Where the prices came from: `bundled` or a directory.
    pub price_book: &'a str,
    /// Snapshot date of the region's prices.
    pub price_book_snapshot: &'a str,
    /// Total USD per month, rounded to the cent (line items with unknown usage excluded).
    #[serde(with = "money")]
    pub total_monthly_usd: Decimal,
    /// Count of line items with unknown usage.
    pub unknown_line_items: usize,
    /// Unconfirmed prices used.
    pub unconfirmed_prices: Vec<JsonUnconfirmed<'a>>,
    /// Per-service costs.
    pub services: Vec<JsonService<'a>>,
}

/// Builds the JSON view of a costing.
pub fn services(c: &Costing) -> Vec<JsonService<'_>> {
    c.services
        .iter()
        .map(|s| JsonService {
            service: &s.service,
            monthly_usd: round_cents(s.monthly_usd),
            line_items: s.line_items.iter().map(JsonLineItem::from).collect(),
        })
        .collect()
}

/// An estimate as pretty JSON.
pub fn estimate(view: &EstimateView<'_>) -> Result<String> {
    let c = view.costing;
    let doc = JsonEstimate {
        schema_version: ESTIMATE_SCHEMA_VERSION,
        region: &c.region,
        free_tier: c.free_tier,
        hours_per_month: view.hours_per_month,
        price_book: &view.book.origin,
        price_book_snapshot: view.snapshot(),
        total_monthly_usd: c.total_monthly_usd,
        unknown_line_items: c.unknown_line_items,
        unconfirmed_prices: c.unconfirmed_prices.iter().map(JsonUnconfirmed::from).collect(),
        services: services(c),
    };
    Ok(serde_json::to_string_pretty(&doc)? + "\n")
}
