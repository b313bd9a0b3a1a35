//! Renderers, organised by document: `estimate`, `plan`, `plan_diff`, `suite`, `price_book` and
//! `price_diff`, one file per output format inside each, every one behind the one small [`Render`]
//! trait (in the manner of hyperfine's `export/`). Renderers are pure: they turn a document into a
//! string and never write files (`output` does) nor call pricing or measure. Wording shared by the
//! formats lives once in `wording`, escaping once in `markup`, charts in `svg`.

pub(crate) mod estimate;
pub(crate) mod markup;
pub(crate) mod plan;
pub(crate) mod plan_diff;
pub(crate) mod price_book;
pub(crate) mod price_diff;
pub(crate) mod suite;
pub mod svg;
pub(crate) mod wording;

// The plan's renderers and the diff's, for callers outside the crate (the fuzz targets).
pub use plan::{renderer as plan_renderer, Html as PlanHtml};
pub use plan_diff::renderer as plan_diff_renderer;

use anyhow::{bail, Result};

use crate::cost::LineItem;
use crate::i18n::Locale;
use crate::units::{group_thousands, unit_price};

/// One output format of one document.
pub trait Render<D: ?Sized> {
    /// The document in this format.
    fn render(&self, doc: &D) -> Result<String>;
}

/// The output formats; each document has some of them (its `renderer` says which).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Aligned terminal tables.
    Table,
    /// JSON.
    Json,
    /// GitHub-flavoured Markdown.
    Markdown,
    /// Comma-separated values.
    Csv,
    /// JUnit XML.
    Junit,
    /// YAML.
    Yaml,
}

impl Format {
    /// The format's name on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Table => "table",
            Format::Json => "json",
            Format::Markdown => "markdown",
            Format::Csv => "csv",
            Format::Junit => "junit",
            Format::Yaml => "yaml",
        }
    }
}

/// The error for a format a document does not have.
fn unsupported<D: ?Sized>(document: &str, format: Format, formats: &[Format]) -> Result<Box<dyn Render<D>>> {
    let names: Vec<&str> = formats.iter().map(|f| f.as_str()).collect();
    bail!("{document} has no {} format; use {}", format.as_str(), names.join(", "))
}

/// The cells every human-readable format shows for a line item: name, quantity, unit, unit price
/// (marked when the price is derived, unconfirmed or stale), monthly cost ("depends on usage" when
/// unknown).
pub(crate) fn line_cells(loc: &Locale, l: &LineItem) -> [String; 5] {
    let unconfirmed = wording::price_mark(loc, l.price_status, l.price_stale);
    let price = unit_price(l.unit_price_usd.0);
    let unit = loc.unit(&l.unit);
    match (l.quantity, l.monthly_usd) {
        (Some(q), Some(m)) => {
            [loc.item(&l.name), group_thousands(q.0, 4), unit, format!("{price}{unconfirmed}"), loc.money(m.0)]
        }
        _ => [
            loc.item(&l.name),
            loc.t("unknown"),
            unit.clone(),
            format!("{price}{unconfirmed}"),
            crate::tr!(loc, "depends-on-usage", price = price, unit = unit),
        ],
    }
}

/// A terminal table in the style every table renderer uses (sharp borders), the columns from
/// `right_from` on aligned right (numbers).
pub(crate) fn table(b: tabled::builder::Builder, right_from: usize) -> String {
    use tabled::settings::object::Columns;
    use tabled::settings::{Alignment, Style};
    let mut t = b.build();
    t.with(Style::sharp()).modify(Columns::new(right_from..), Alignment::right());
    t.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_format_a_document_does_not_have_is_an_error_naming_the_ones_it_has() {
        let l = &Locale::english();
        let err = plan_diff::renderer(Format::Csv, l).err().unwrap().to_string();
        assert_eq!(err, "a plan diff has no csv format; use table, markdown, json");
        assert!(suite::renderer(Format::Junit, l).is_ok() && plan::renderer(Format::Junit, l).is_err());
    }
}
