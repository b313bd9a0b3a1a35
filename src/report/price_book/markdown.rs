//! The price book as GitHub-flavoured Markdown: per region a table of entries and their notes; the
//! summary as one table per region.

use anyhow::Result;

use super::{
    count_cells, entry_cells, legend, region_title, PriceBookSummary, PriceBookView, ENTRY_HEADER, SUMMARY_HEADER,
};
use crate::report::markup::row;
use crate::report::Render;

/// The price book as GitHub-flavoured Markdown.
pub struct Markdown;

impl Render<PriceBookView<'_>> for Markdown {
    fn render(&self, view: &PriceBookView<'_>) -> Result<String> {
        let mut out = format!("# Price book: {}\n", view.origin);
        for r in &view.regions {
            out.push_str(&format!("\n## {}\n\n", region_title(r)));
            out.push_str(&row(&ENTRY_HEADER.map(String::from)));
            out.push_str("|---|---|---|---|---:|---|---|\n");
            for e in &r.entries {
                out.push_str(&row(&entry_cells(r, e)));
            }
            let notes: Vec<_> = r.entries.iter().filter_map(|e| e.note.as_ref().map(|n| (e, n))).collect();
            if !notes.is_empty() {
                out.push_str("\nNotes (*):\n\n");
                for (e, n) in notes {
                    out.push_str(&format!("- `{}`: {n}\n", e.id));
                }
            }
        }
        Ok(out)
    }
}

impl Render<PriceBookSummary<'_>> for Markdown {
    fn render(&self, s: &PriceBookSummary<'_>) -> Result<String> {
        let mut out = format!("{}\n", legend(s));
        for r in &s.regions {
            out.push_str(&format!(
                "\n### {} ({}), snapshot {}\n\nStale before {}.\n\n",
                r.region, r.location, r.snapshot, r.stale_before
            ));
            out.push_str(&row(&SUMMARY_HEADER.map(String::from)));
            out.push_str("|---|---:|---:|---:|---:|---:|\n");
            for c in &r.services {
                out.push_str(&row(&count_cells(&c.service, &c.counts)));
            }
            out.push_str(&row(&count_cells("**all**", &r.all)));
        }
        Ok(out)
    }
}
