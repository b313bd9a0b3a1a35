//! Test helpers shared by the model and cost unit tests: exact decimals and pricing a YAML usage
//! snippet with the bundled price book.

use std::str::FromStr;

use rust_decimal::Decimal;

use super::{AwsUsage, ModelContext};
use crate::cost::{price, Costing};
use crate::pricing::{LookupError, PriceBook};

/// An exact decimal from text.
pub(crate) fn d(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

/// Prices a YAML usage snippet in `region`, free tier on or off.
pub(crate) fn try_estimate_with(yaml: &str, region: &str, free_tier: bool) -> Result<Costing, LookupError> {
    let usage: AwsUsage = serde_yaml::from_str(yaml).unwrap();
    price(&PriceBook::bundled().unwrap(), region, free_tier, usage.components(&ModelContext::default()))
}

/// Prices a YAML usage snippet in `region` with the free tier on.
pub(crate) fn try_estimate(yaml: &str, region: &str) -> Result<Costing, LookupError> {
    try_estimate_with(yaml, region, true)
}

/// Prices a YAML usage snippet in `region` with the free tier on; panics on a lookup error.
pub(crate) fn estimate(yaml: &str, region: &str) -> Costing {
    try_estimate(yaml, region).unwrap()
}

/// Prices a YAML usage snippet in `region`, free tier on or off; panics on a lookup error.
pub(crate) fn estimate_with(yaml: &str, region: &str, free_tier: bool) -> Costing {
    try_estimate_with(yaml, region, free_tier).unwrap()
}
