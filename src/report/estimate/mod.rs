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
use crate::i18n::Locale;
use crate::tr;

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

/// The renderer of an estimate in a format and locale.
pub fn renderer<'a>(format: Format, locale: &Locale) -> Result<Box<dyn Render<Estimate<'a>>>> {
    Ok(match format {
        Format::Table => Box::new(table::Table { locale: locale.clone() }),
        Format::Json => Box::new(json::Json),
        Format::Markdown => Box::new(markdown::Markdown { locale: locale.clone() }),
        Format::Csv => Box::new(csv::Csv),
        other => {
            return unsupported("an estimate", other, &[Format::Table, Format::Json, Format::Markdown, Format::Csv])
        }
    })
}

/// Header of the line-item table, message ids.
pub(crate) const HEADER: [&str; 6] =
    ["col-service", "col-item", "col-quantity", "col-unit", "col-unit-price", "col-monthly"];

/// Notes every human-readable format prints under the table: unknown usage, then the derived,
/// unconfirmed and stale prices used (how many, the fix, and each one), then how won were computed.
pub(crate) fn notes(l: &Locale, c: &Costing) -> Vec<String> {
    let mut out = Vec::new();
    if c.unknown_line_items > 0 {
        out.push(tr!(l, "estimate-unknown-note", unknown = c.unknown_line_items));
    }
    let flags = c.price_flags();
    out.extend(price_flags_summary(l, &flags));
    out.extend(flags.prices.iter().map(|f| flagged_price(l, f)));
    out.extend(l.fx_note());
    out
}
