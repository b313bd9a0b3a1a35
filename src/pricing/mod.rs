//! The price book: AWS on-demand list prices with their source, date and status, loaded from
//! `pricing-data/` (bundled into the binary, or read from a directory), and looked up by price id.
//! Owns no quantities and does no arithmetic on money (that is `cost`).

pub mod book;
pub mod diff;
pub mod refresh;

pub use book::{FreeTier, PriceBook, PriceEntry, PriceStatus, RegionBook, StatusCounts, Tier, STALE_AFTER_MONTHS};

use thiserror::Error;

/// What a cost model asks the price book for: data, never a price (style rule R2).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct PriceQuery {
    /// Stable price id in the book, e.g. `cloudwatch.metrics` or `rds.postgres.db.t3.large.multi_az`.
    pub id: String,
    /// AWS Price List service code, e.g. `AmazonCloudWatch`.
    pub service_code: &'static str,
    /// The AWS usage type without its region prefix, e.g. `CW:MetricMonitorUsage`.
    pub usage_type: String,
}

impl PriceQuery {
    /// Builds a query.
    pub fn new(id: impl Into<String>, service_code: &'static str, usage_type: impl Into<String>) -> Self {
        PriceQuery { id: id.into(), service_code, usage_type: usage_type.into() }
    }
}

/// Why a price could not be found.
#[derive(Debug, Error, PartialEq, Eq)]
pub enum LookupError {
    /// The region has no price book at all.
    #[error("unknown region '{region}': the price book has no prices for it{close}\nhint: pass one of the regions the book has ({available}) with --region, or add pricing-data/{region}.yaml")]
    UnknownRegion {
        /// The region asked for.
        region: String,
        /// Regions the book has, comma-separated.
        available: String,
        /// `; close matches: ...` when some region is spelled nearly the same, else empty.
        close: String,
    },
    /// The region is known but this price is not in it.
    #[error("missing price: {service_code} usage type '{usage_type}' in {region} (price id '{id}') is not in the price book{item}\nhint: add it to pricing-data/{region}.yaml with its source, or price this item in a region that has it")]
    NotFound {
        /// AWS service code.
        service_code: String,
        /// Region asked for.
        region: String,
        /// Usage type asked for.
        usage_type: String,
        /// Price id asked for.
        id: String,
        /// `, for <usage section>: <line>` when the usage item that asked is known, else empty.
        item: String,
    },
    /// The quantity runs past the last tier the book has a source for.
    #[error("missing price tier: {} usage type '{}' in {} has sourced tiers only up to {} {unit}, but {} {unit} were asked for\nhint: add the higher tiers to pricing-data/{}.yaml with their source", .0.service_code, .0.usage_type, .0.region, .0.last_end, .0.quantity, .0.region, unit = .0.unit)]
    TierNotFound(Box<TierGap>),
}

/// Where a quantity ran past the sourced tiers.
#[derive(Debug, PartialEq, Eq)]
pub struct TierGap {
    /// AWS service code.
    pub service_code: String,
    /// Region asked for.
    pub region: String,
    /// Usage type asked for.
    pub usage_type: String,
    /// Where the last sourced tier ends.
    pub last_end: String,
    /// The quantity asked for.
    pub quantity: String,
    /// The unit of both.
    pub unit: String,
}
