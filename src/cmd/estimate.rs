//! `obs-cost estimate`: price a file of AWS quantities (no Prometheus, no scenario).

use std::path::Path;

use anyhow::{bail, Context, Result};
use rust_decimal::Decimal;

use crate::cli::{EstimateArgs, OnOff};
use crate::cost::{self, Costing};
use crate::model::{AwsUsage, ModelContext};
use crate::output;
use crate::pricing::PriceBook;
use crate::report;
use crate::report::estimate::Estimate;
use crate::units::HOURS_PER_MONTH;

/// Region priced when neither the file nor `--region` names one.
pub const DEFAULT_REGION: &str = "us-east-1";

/// Reads and validates an AWS usage file.
pub fn load_usage(path: &Path) -> Result<AwsUsage> {
    let text = crate::input::read_text(path, crate::input::AWS_USAGE)?;
    let usage: AwsUsage = crate::input::parse_yaml(&text, path, "usage file")?;
    let hours = usage.hours_per_month.map_or(HOURS_PER_MONTH, |h| h.get());
    let bad_hours = (hours.is_zero() || hours > Decimal::from(744))
        .then(|| ("hours_per_month".to_string(), format!("is {hours}; it must be above 0 and at most 744 (31 days)")));
    if let Some((key, message)) = bad_hours.or_else(|| usage.implausible(hours)) {
        let at = crate::scenario::locate::locate(&text, &key)
            .map_or_else(String::new, |(line, column)| format!(":{line}:{column}"));
        let key = if key.is_empty() { String::new() } else { format!(" {key}") };
        bail!(
            "invalid usage file {}{at}:{key} {message}\nhint: see examples/aws-usage.yaml, which shows every key",
            path.display()
        );
    }
    Ok(usage)
}

/// Prices a usage file as the arguments say.
pub fn estimate(args: &EstimateArgs, book: &PriceBook) -> Result<(Costing, Decimal)> {
    let usage = load_usage(&args.aws_usage)?;
    let region = args.region.clone().or_else(|| usage.region.clone()).unwrap_or_else(|| DEFAULT_REGION.to_string());
    let free_tier = match args.free_tier {
        Some(OnOff::On) => true,
        Some(OnOff::Off) => false,
        None => usage.free_tier.unwrap_or(true),
    };
    let hours_per_month = usage.hours_per_month.map_or(HOURS_PER_MONTH, |h| h.get());
    let ctx = ModelContext { hours_per_month };
    let costing = cost::price(book, &region, free_tier, usage.components(&ctx))
        .with_context(|| format!("cannot price '{}'", args.aws_usage.display()))?;
    Ok((costing, hours_per_month))
}

/// `obs-cost estimate`.
pub fn run(args: &EstimateArgs, book: &PriceBook) -> Result<()> {
    let (costing, hours_per_month) = estimate(args, book)?;
    let view = Estimate {
        costing: &costing,
        hours_per_month,
        price_book: &book.origin,
        price_book_snapshot: book.regions.get(&costing.region).map_or("", |r| r.snapshot.as_str()),
    };
    let locale = super::locale(&args.lang, Some(&args.currency))?;
    let text = report::estimate::renderer(args.format.into(), &locale)?.render(&view)?;
    output::emit(&text, args.output.as_deref())
}
