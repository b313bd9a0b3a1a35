//! `estimate --aws-usage` files: parsing and validation of any text, then the usage turned into
//! priced components with the bundled price book, as `obs-cost estimate` does.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use obs_cost::model::{AwsUsage, ModelContext};
use obs_cost::pricing::PriceBook;

fn book() -> &'static PriceBook {
    static BOOK: OnceLock<PriceBook> = OnceLock::new();
    BOOK.get_or_init(|| PriceBook::bundled().expect("the bundled price book loads"))
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let Ok(usage) = obs_cost::input::parse_yaml::<AwsUsage>(text, std::path::Path::new("fuzz.yaml"), "usage file")
    else {
        return;
    };
    let hours = usage.hours_per_month.map_or(obs_cost::units::HOURS_PER_MONTH, |h| h.get());
    if hours.is_zero() || hours > 744.into() {
        return;
    }
    let region = usage.region.clone().unwrap_or_else(|| "us-east-1".into());
    let ctx = ModelContext { hours_per_month: hours };
    let _ = obs_cost::cost::price(book(), &region, usage.free_tier.unwrap_or(true), usage.components(&ctx));
});
