//! Renderers, one output format per file. Renderers are pure: they turn a result into a string and
//! never write files (`output` does) nor call pricing or measure.

pub mod csv;
pub mod html;
pub mod json;
pub mod markdown;
pub mod plan_csv;
pub mod plan_diff_json;
pub mod plan_diff_markdown;
pub mod plan_diff_table;
pub mod plan_diff_text;
pub mod plan_json;
pub mod plan_markdown;
pub mod plan_table;
pub mod plan_text;
pub mod plan_view;
pub mod suite_json;
pub mod suite_junit;
pub mod suite_markdown;
pub mod suite_table;
pub mod svg;
pub mod table;

use anyhow::Result;
use rust_decimal::Decimal;

use crate::cli::FormatArg;
use crate::cost::{Costing, LineItem};
use crate::pricing::PriceBook;
use crate::units::{group_thousands, unit_price, usd};

/// Output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Aligned terminal table.
    Table,
    /// JSON.
    Json,
    /// GitHub-flavoured Markdown.
    Markdown,
    /// CSV.
    Csv,
}

impl From<FormatArg> for Format {
    fn from(value: FormatArg) -> Self {
        match value {
            FormatArg::Table => Format::Table,
            FormatArg::Json => Format::Json,
            FormatArg::Markdown => Format::Markdown,
            FormatArg::Csv => Format::Csv,
        }
    }
}

/// What `obs-cost estimate` renders.
pub struct EstimateView<'a> {
    /// The priced services.
    pub costing: &'a Costing,
    /// Hours in the month used for hourly prices.
    pub hours_per_month: Decimal,
    /// The price book used (for its origin and snapshot dates).
    pub book: &'a PriceBook,
}

impl EstimateView<'_> {
    /// The snapshot date of the priced region's book.
    pub fn snapshot(&self) -> &str {
        self.book.regions.get(&self.costing.region).map_or("", |r| r.snapshot.as_str())
    }
}

/// Renders an estimate in a format.
pub fn render_estimate(format: Format, view: &EstimateView<'_>) -> Result<String> {
    match format {
        Format::Table => Ok(table::estimate(view)),
        Format::Json => json::estimate(view),
        Format::Markdown => Ok(markdown::estimate(view)),
        Format::Csv => csv::estimate(view),
    }
}

/// Renders a plan in a format.
pub fn render_plan(format: Format, plan: &crate::plan::Plan) -> Result<String> {
    match format {
        Format::Table => Ok(plan_table::plan(plan)),
        Format::Json => plan_json::plan(plan),
        Format::Markdown => Ok(plan_markdown::plan(plan)),
        Format::Csv => plan_csv::plan(plan),
    }
}

/// Renders a plan diff (`plan --compare-to`) in a format; CSV is refused by the caller.
pub fn render_plan_diff(format: Format, d: &crate::plan::diff::PlanDiff) -> Result<String> {
    match format {
        Format::Table => Ok(plan_diff_table::diff(d)),
        Format::Json => plan_diff_json::diff(d),
        Format::Markdown => Ok(plan_diff_markdown::diff(d)),
        Format::Csv => anyhow::bail!("a plan diff has no CSV format; use table, markdown or json"),
    }
}

/// Formats of the scenario suite's result.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SuiteFormat {
    /// Text.
    Table,
    /// JSON.
    Json,
    /// Markdown, for a pull-request comment.
    Markdown,
    /// JUnit XML.
    Junit,
}

/// Renders the scenario suite's result in a format.
pub fn render_suite(format: SuiteFormat, r: &crate::suite::SuiteResult) -> Result<String> {
    match format {
        SuiteFormat::Table => Ok(suite_table::suite(r)),
        SuiteFormat::Json => suite_json::suite(r),
        SuiteFormat::Markdown => Ok(suite_markdown::suite(r)),
        SuiteFormat::Junit => Ok(suite_junit::suite(r)),
    }
}

/// The cells every human-readable format shows for a line item:
/// name, quantity, unit, unit price, monthly cost.
pub(crate) fn line_cells(l: &LineItem) -> [String; 5] {
    let unconfirmed = if l.price.status == crate::pricing::PriceStatus::Unconfirmed { " †" } else { "" };
    match (l.quantity, l.monthly_usd) {
        (Some(q), Some(m)) => [
            l.name.clone(),
            group_thousands(q, 4),
            l.unit.clone(),
            format!("{}{unconfirmed}", unit_price(l.unit_price_usd)),
            usd(m),
        ],
        _ => [
            l.name.clone(),
            "unknown".to_string(),
            l.unit.clone(),
            format!("{}{unconfirmed}", unit_price(l.unit_price_usd)),
            format!("depends on usage: {} per {}", unit_price(l.unit_price_usd), l.unit),
        ],
    }
}

/// Notes every human-readable format prints under the table: unknown usage, and the unconfirmed,
/// derived and stale prices used.
pub(crate) fn notes(c: &Costing) -> Vec<String> {
    let mut out = Vec::new();
    if c.unknown_line_items > 0 {
        out.push(format!(
            "{} line item(s) have unknown usage and are not in the total: give their quantities to price them.",
            c.unknown_line_items
        ));
    }
    for p in &c.unconfirmed_prices {
        out.push(format!(
            "† unconfirmed price {} ({} {}, {}, as of {}): {}",
            p.id,
            p.service_code,
            p.usage_type,
            p.region,
            p.as_of,
            p.note.as_deref().unwrap_or("not confirmed for this region")
        ));
    }
    // Derived and stale prices, once each, in id order, one line each kind.
    let mut derived: std::collections::BTreeMap<&str, String> = std::collections::BTreeMap::new();
    let mut stale: std::collections::BTreeMap<&str, &str> = std::collections::BTreeMap::new();
    for p in c.services.iter().flat_map(|s| &s.line_items).map(|l| &l.price) {
        if let Some(rule) = &p.derived {
            derived.insert(&p.id, format!("{} = {rule}", p.id));
        }
        if p.stale {
            stale.insert(&p.id, &p.as_of);
        }
    }
    if !derived.is_empty() {
        out.push(format!(
            "derived prices (computed by a rule from a price read for {}; `obs-cost pricing show --status derived` says where each rule is documented): {}",
            c.region,
            derived.into_values().collect::<Vec<_>>().join(", ")
        ));
    }
    if !stale.is_empty() {
        out.push(format!(
            "stale prices (source more than {} months older than the price book's snapshot; refresh with `obs-cost pricing refresh --region {}`): {}",
            crate::pricing::STALE_AFTER_MONTHS,
            c.region,
            stale.into_iter().map(|(id, as_of)| format!("{id} (as of {as_of})")).collect::<Vec<_>>().join(", ")
        ));
    }
    out
}
