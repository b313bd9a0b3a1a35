//! The estimate document (`obs-cost estimate`: one priced usage file) and its renderers, one per
//! format: `table`, `json`, `markdown`, `csv`.

pub mod csv;
pub mod json;
pub mod markdown;
pub mod table;

use anyhow::Result;
use rust_decimal::Decimal;

use super::wording::{flagged_price, price_flags_summary};
use super::{unsupported, Format, Render};
use crate::cost::Costing;

/// What `obs-cost estimate` renders.
pub struct Estimate<'a> {
    /// The priced services.
    pub costing: &'a Costing,
    /// Hours in the month used for hourly prices.
    pub hours_per_month: Decimal,
    /// Where the prices came from: `bundled` or a directory.
    pub price_book: &'a str,
    /// Snapshot date of the priced region's prices.
    pub price_book_snapshot: &'a str,
}

/// The renderer of an estimate in a format.
pub fn renderer<'a>(format: Format) -> Result<Box<dyn Render<Estimate<'a>>>> {
    Ok(match format {
        Format::Table => Box::new(table::Table),
        Format::Json => Box::new(json::Json),
        Format::Markdown => Box::new(markdown::Markdown),
        Format::Csv => Box::new(csv::Csv),
        other => {
            return unsupported("an estimate", other, &[Format::Table, Format::Json, Format::Markdown, Format::Csv])
        }
    })
}

/// Notes every human-readable format prints under the table: unknown usage, then the derived,
/// unconfirmed and stale prices used (how many, the fix, and each one).
pub(crate) fn notes(c: &Costing) -> Vec<String> {
    let mut out = Vec::new();
    if c.unknown_line_items > 0 {
        out.push(format!(
            "{} line item(s) have unknown usage and are not in the total: give their quantities to price them.",
            c.unknown_line_items
        ));
    }
    let flags = c.price_flags();
    out.extend(price_flags_summary(&flags));
    out.extend(flags.prices.iter().map(flagged_price));
    out
}
