//! A price-book diff as terminal text: the changed prices as a table, added and removed entries,
//! regions on one side only, and the scenario decisions that flip.

use anyhow::Result;
use tabled::settings::Style;

use super::{regions_and_scenarios, row, summary, HEADER};
use crate::pricing::diff::BookDiff;
use crate::report::Render;

/// The price-book diff as aligned terminal text.
pub struct Table;

impl Render<BookDiff> for Table {
    fn render(&self, d: &BookDiff) -> Result<String> {
        Ok(render_table(d))
    }
}

fn render_table(d: &BookDiff) -> String {
    let mut out = format!("Price book diff: {} -> {}\n{}\n", d.old, d.new, summary(d));
    if !d.changed.is_empty() {
        let mut b = tabled::builder::Builder::default();
        b.push_record(HEADER);
        for c in &d.changed {
            b.push_record(row(c));
        }
        out.push_str(&format!("\nChanged:\n{}\n", b.build().with(Style::sharp())));
    }
    for (title, list) in [("Added", &d.added), ("Removed", &d.removed)] {
        if !list.is_empty() {
            out.push_str(&format!("\n{title}:\n"));
            for e in list {
                out.push_str(&format!("  {} {}: {}\n", e.region, e.id, e.tiers));
            }
        }
    }
    out.push_str(&regions_and_scenarios(d));
    out
}
