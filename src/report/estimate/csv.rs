//! CSV, one line item per row, for spreadsheets. Quantities and prices are exact; money unrounded.

use anyhow::Result;

use super::Estimate;
use crate::report::Render;

/// The estimate as CSV, one line item per row.
pub struct Csv;

impl Render<Estimate<'_>> for Csv {
    fn render(&self, view: &Estimate<'_>) -> Result<String> {
        estimate(view)
    }
}

fn estimate(view: &Estimate<'_>) -> Result<String> {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record([
        "region",
        "service",
        "name",
        "quantity",
        "unit",
        "unit_price_usd",
        "monthly_usd",
        "free_tier",
        "price_status",
        "price_stale",
        "price_id",
        "usage_type",
        "as_of",
    ])?;
    let c = view.costing;
    for s in &c.services {
        for l in &s.line_items {
            w.write_record([
                c.region.clone(),
                s.service.clone(),
                l.name.clone(),
                l.quantity.map(|q| q.0.normalize().to_string()).unwrap_or_else(|| "unknown".into()),
                l.unit.clone(),
                l.unit_price_usd.0.normalize().to_string(),
                l.monthly_usd.map(|m| m.0.normalize().to_string()).unwrap_or_else(|| "unknown".into()),
                l.free_tier.to_string(),
                l.price_status.as_str().to_string(),
                l.price_stale.to_string(),
                l.price_id.clone(),
                l.usage_type.clone(),
                l.price_as_of.clone(),
            ])?;
        }
    }
    Ok(String::from_utf8(w.into_inner()?)?)
}
