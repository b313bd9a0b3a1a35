//! The price book as GitHub-flavoured Markdown: per region a table of entries and their notes; the
//! summary as one table per region.

use anyhow::Result;

use super::{
    count_cells, entry_cells, legend, region_title, PriceBookSummary, PriceBookView, ENTRY_HEADER, SUMMARY_HEADER,
};
use crate::i18n::Locale;
use crate::report::markup::row;
use crate::report::plan::header;
use crate::report::Render;
use crate::tr;

/// The price book as GitHub-flavoured Markdown.
pub struct Markdown {
    /// The language.
    pub locale: Locale,
}

impl Render<PriceBookView<'_>> for Markdown {
    fn render(&self, view: &PriceBookView<'_>) -> Result<String> {
        let l = &self.locale;
        let mut out = format!("# {}\n", tr!(l, "book-title", origin = view.origin));
        for r in &view.regions {
            out.push_str(&format!("\n## {}\n\n", region_title(l, r.region, r.location, r.snapshot, &r.stale_before)));
            out.push_str(&row(&header(l, ENTRY_HEADER)));
            out.push_str("|---|---|---|---|---:|---|---|\n");
            for e in &r.entries {
                out.push_str(&row(&entry_cells(l, r, e)));
            }
            let notes: Vec<_> = r.entries.iter().filter_map(|e| e.note.as_ref().map(|n| (e, n))).collect();
            if !notes.is_empty() {
                out.push_str(&format!("\n{}\n\n", l.t("md-book-notes")));
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
        let l = &self.locale;
        let mut out = format!("{}\n", legend(l, s));
        for r in &s.regions {
            out.push_str(&format!(
                "\n### {}\n\n{}\n\n",
                tr!(l, "md-book-region", region = r.region, location = r.location, snapshot = r.snapshot),
                tr!(l, "md-book-stale-before", date = r.stale_before)
            ));
            out.push_str(&row(&header(l, SUMMARY_HEADER)));
            out.push_str("|---|---:|---:|---:|---:|---:|\n");
            for c in &r.services {
                out.push_str(&row(&count_cells(&c.service, &c.counts)));
            }
            out.push_str(&row(&count_cells(&format!("**{}**", l.t("book-all")), &r.all)));
        }
        Ok(out)
    }
}
