//! A price-book diff as GitHub-flavoured Markdown.

use anyhow::Result;

use super::{regions_and_scenarios, row, summary, HEADER};
use crate::pricing::diff::BookDiff;
use crate::report::{markup, Render};

/// The price-book diff as GitHub-flavoured Markdown.
pub struct Markdown;

impl Render<BookDiff> for Markdown {
    fn render(&self, d: &BookDiff) -> Result<String> {
        Ok(render_markdown(d))
    }
}

fn render_markdown(d: &BookDiff) -> String {
    let mut out = format!("## Price book diff\n\n`{}` → `{}`: {}.\n", d.old, d.new, summary(d));
    if !d.changed.is_empty() {
        out.push_str(&format!("\n| {} |\n|---|---|---:|---:|---:|---:|\n", HEADER.join(" | ")));
        for c in &d.changed {
            out.push_str(&markup::row(&row(c)));
        }
    }
    for (title, list) in [("Added", &d.added), ("Removed", &d.removed)] {
        if !list.is_empty() {
            out.push_str(&format!("\n### {title}\n\n"));
            for e in list {
                out.push_str(&format!("- `{}` `{}`: {}\n", e.region, e.id, e.tiers));
            }
        }
    }
    out.push_str(&regions_and_scenarios(d));
    out
}
