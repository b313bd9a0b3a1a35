//! The price book as terminal tables: per region every entry with its unit, tiers, status and
//! date (notes under the table), then the free tiers; the summary as one table per region.

use anyhow::Result;
use tabled::settings::Style;

use super::{
    count_cells, entry_cells, legend, region_title, PriceBookSummary, PriceBookView, ENTRY_HEADER, SUMMARY_HEADER,
};
use crate::report::Render;
use crate::units::group_thousands;

/// The price book as aligned terminal tables.
pub struct Table;

impl Render<PriceBookView<'_>> for Table {
    fn render(&self, view: &PriceBookView<'_>) -> Result<String> {
        let mut out = format!("Price book: {}\n", view.origin);
        for r in &view.regions {
            out.push_str(&format!("\n{}\n", region_title(r)));
            let mut b = tabled::builder::Builder::default();
            b.push_record(ENTRY_HEADER);
            for e in &r.entries {
                b.push_record(entry_cells(r, e));
            }
            out.push_str(&b.build().with(Style::sharp()).to_string());
            out.push('\n');
            let notes: Vec<_> = r.entries.iter().filter_map(|e| e.note.as_ref().map(|n| (e, n))).collect();
            if !notes.is_empty() {
                out.push_str("* notes:\n");
                for (e, n) in notes {
                    out.push_str(&format!("  {}: {n}\n", e.id));
                }
            }
        }
        out.push_str("\nFree tiers (account-wide, per month; `--free-tier off` ignores them):\n");
        for f in &view.free_tiers {
            out.push_str(&format!(
                "  {} {} of {} ({})\n",
                group_thousands(f.quantity, 6),
                f.unit,
                f.description,
                f.applies_to.join(", ")
            ));
        }
        Ok(out)
    }
}

impl Render<PriceBookSummary<'_>> for Table {
    fn render(&self, s: &PriceBookSummary<'_>) -> Result<String> {
        let mut out = format!("Price book: {}, entries per status\n{}\n", s.origin, legend(s));
        for r in &s.regions {
            out.push_str(&format!(
                "\n{} ({}), snapshot {}, stale before {}\n",
                r.region, r.location, r.snapshot, r.stale_before
            ));
            let mut b = tabled::builder::Builder::default();
            b.push_record(SUMMARY_HEADER);
            for row in &r.services {
                b.push_record(count_cells(&row.service, &row.counts));
            }
            b.push_record(count_cells("all", &r.all));
            out.push_str(&b.build().with(Style::sharp()).to_string());
            out.push('\n');
        }
        Ok(out)
    }
}
