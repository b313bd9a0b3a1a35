//! A plan diff as terminal tables: every phase with its deltas, the services that changed, the
//! prices that moved, and the first other fields that differ.

use anyhow::Result;
use tabled::builder::Builder;

use super::{self as text, PHASE_HEADER, PRICE_HEADER, SERVICE_HEADER};
use crate::i18n::Locale;
use crate::plan::diff::PlanDiff;
use crate::report::plan::header;
use crate::report::{table, Render};
use crate::tr;

/// Other fields listed at most.
const MAX_FIELDS: usize = 10;

/// The plan diff as aligned terminal tables.
pub struct Table {
    /// The language.
    pub locale: Locale,
}

impl Render<PlanDiff> for Table {
    fn render(&self, d: &PlanDiff) -> Result<String> {
        Ok(diff(&self.locale, d))
    }
}

/// A plan diff as aligned tables.
pub fn diff(l: &Locale, d: &PlanDiff) -> String {
    let mut out = format!("{}\n{}\n", tr!(l, "diff-title", heading = text::heading(l, d)), text::summary(l, d));
    for w in &d.warnings {
        out.push_str(&tr!(l, "diff-warning", warning = l.doc(w)));
        out.push('\n');
    }
    if d.is_empty() {
        return out;
    }
    if d.decision_tree.changed() {
        out.push_str(&format!("{}\n", tr!(l, "diff-tree", change = text::changed_text(l, &d.decision_tree))));
    }
    if d.baseline_monthly_usd.changed() {
        out.push_str(&format!("{}\n", tr!(l, "diff-baseline", change = text::delta(l, &d.baseline_monthly_usd))));
    }
    let mut b = Builder::default();
    b.push_record(header(l, PHASE_HEADER));
    for p in &d.phases {
        b.push_record(text::phase_row(l, p));
    }
    out.push_str(&format!("\n{}\n", table(b, 1)));
    if d.phases.iter().any(|p| !p.services.is_empty()) {
        let mut b = Builder::default();
        b.push_record(header(l, SERVICE_HEADER));
        for p in &d.phases {
            for s in &p.services {
                b.push_record(text::service_row(l, p, s));
            }
        }
        out.push_str(&format!("\n{}\n{}\n", l.t("diff-services"), table(b, 3)));
    }
    if !d.moved_prices.is_empty() {
        let mut b = Builder::default();
        b.push_record(header(l, PRICE_HEADER));
        for m in &d.moved_prices {
            b.push_record(text::price_row(l, m));
        }
        out.push_str(&format!("\n{}\n{}\n", l.t("diff-moved-prices"), table(b, 2)));
    }
    out.push_str(&format!("\n{}\n", tr!(l, "diff-fields", fields = d.fields.len())));
    for f in d.fields.iter().take(MAX_FIELDS) {
        out.push_str(&format!("  {}: {} -> {}\n", f.path, f.old_short(), f.new_short()));
    }
    if d.fields.len() > MAX_FIELDS {
        out.push_str(&format!("  {}\n", tr!(l, "diff-more-fields", more = d.fields.len() - MAX_FIELDS)));
    }
    out
}
