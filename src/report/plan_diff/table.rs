//! A plan diff as terminal tables: every phase with its deltas, the services that changed, the
//! prices that moved, and the first other fields that differ.

use anyhow::Result;
use tabled::builder::Builder;

use super::{self as text, PHASE_HEADER, PRICE_HEADER, SERVICE_HEADER};
use crate::plan::diff::PlanDiff;
use crate::report::{table, Render};

/// Other fields listed at most.
const MAX_FIELDS: usize = 10;

/// The plan diff as aligned terminal tables.
pub struct Table;

impl Render<PlanDiff> for Table {
    fn render(&self, d: &PlanDiff) -> Result<String> {
        Ok(diff(d))
    }
}

/// A plan diff as aligned tables.
pub fn diff(d: &PlanDiff) -> String {
    let mut out = format!("Plan diff: {}\n{}\n", text::heading(d), text::summary(d));
    for w in &d.warnings {
        out.push_str(&format!("Warning: {w}.\n"));
    }
    if d.is_empty() {
        return out;
    }
    if d.decision_tree.changed() {
        out.push_str(&format!("Decision tree: {}\n", text::changed_text(&d.decision_tree)));
    }
    if d.baseline_monthly_usd.changed() {
        out.push_str(&format!("Self-hosted baseline: {}\n", text::delta(&d.baseline_monthly_usd)));
    }
    let mut b = Builder::default();
    b.push_record(PHASE_HEADER);
    for p in &d.phases {
        b.push_record(text::phase_row(p));
    }
    out.push_str(&format!("\n{}\n", table(b, 1)));
    if d.phases.iter().any(|p| !p.services.is_empty()) {
        let mut b = Builder::default();
        b.push_record(SERVICE_HEADER);
        for p in &d.phases {
            for s in &p.services {
                b.push_record(text::service_row(p, s));
            }
        }
        out.push_str(&format!("\nServices:\n{}\n", table(b, 3)));
    }
    if !d.moved_prices.is_empty() {
        let mut b = Builder::default();
        b.push_record(PRICE_HEADER);
        for m in &d.moved_prices {
            b.push_record(text::price_row(m));
        }
        out.push_str(&format!("\nMoved prices:\n{}\n", table(b, 2)));
    }
    out.push_str(&format!("\nFields that differ ({}):\n", d.fields.len()));
    for f in d.fields.iter().take(MAX_FIELDS) {
        out.push_str(&format!("  {}: {} -> {}\n", f.path, f.old_short(), f.new_short()));
    }
    if d.fields.len() > MAX_FIELDS {
        out.push_str(&format!("  ... and {} more (--format json lists them all)\n", d.fields.len() - MAX_FIELDS));
    }
    out
}
