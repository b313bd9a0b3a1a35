//! The price book as terminal tables: per region every entry with its unit, tiers, status and
//! date (notes under the table), then the free tiers; the summary as one table per region.

use anyhow::Result;
use tabled::settings::Style;

use super::{
    count_cells, entry_cells, legend, region_title, PriceBookSummary, PriceBookView, ENTRY_HEADER, SUMMARY_HEADER,
};
use crate::i18n::Locale;
use crate::report::plan::header;
use crate::report::Render;
use crate::tr;
use crate::units::group_thousands;

/// The price book as aligned terminal tables.
pub struct Table {
    /// The language.
    pub locale: Locale,
}

impl Render<PriceBookView<'_>> for Table {
    fn render(&self, view: &PriceBookView<'_>) -> Result<String> {
        let l = &self.locale;
        let mut out = tr!(l, "book-title", origin = view.origin);
        out.push('\n');
        for r in &view.regions {
            out.push_str(&format!("\n{}\n", region_title(l, r.region, r.location, r.snapshot, &r.stale_before)));
            let mut b = tabled::builder::Builder::default();
            b.push_record(header(l, ENTRY_HEADER));
            for e in &r.entries {
                b.push_record(entry_cells(l, r, e));
            }
            out.push_str(&b.build().with(Style::sharp()).to_string());
            out.push('\n');
            let notes: Vec<_> = r.entries.iter().filter_map(|e| e.note.as_ref().map(|n| (e, n))).collect();
            if !notes.is_empty() {
                out.push_str(&format!("{}\n", l.t("book-notes")));
                for (e, n) in notes {
                    out.push_str(&format!("  {}: {n}\n", e.id));
                }
            }
        }
        out.push_str(&format!("\n{}\n", l.t("book-free-tiers")));
        for f in &view.free_tiers {
            let line = tr!(
                l,
                "book-free-tier",
                quantity = group_thousands(f.quantity, 6),
                unit = l.unit(&f.unit),
                description = f.description,
                applies_to = f.applies_to.join(", ")
            );
            out.push_str(&format!("  {line}\n"));
        }
        Ok(out)
    }
}

impl Render<PriceBookSummary<'_>> for Table {
    fn render(&self, s: &PriceBookSummary<'_>) -> Result<String> {
        let l = &self.locale;
        let mut out = format!("{}\n{}\n", tr!(l, "book-summary-title", origin = s.origin), legend(l, s));
        for r in &s.regions {
            out.push_str(&format!("\n{}\n", region_title(l, r.region, r.location, r.snapshot, &r.stale_before)));
            let mut b = tabled::builder::Builder::default();
            b.push_record(header(l, SUMMARY_HEADER));
            for row in &r.services {
                b.push_record(count_cells(&row.service, &row.counts));
            }
            b.push_record(count_cells(&l.t("book-all"), &r.all));
            out.push_str(&b.build().with(Style::sharp()).to_string());
            out.push('\n');
        }
        Ok(out)
    }
}
