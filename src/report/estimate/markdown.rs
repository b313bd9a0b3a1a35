//! GitHub-flavoured Markdown, to paste into a pull request or an issue.

use anyhow::Result;

use super::{notes, Estimate};
use crate::report::markup::{cell, row_of};
use crate::report::{line_cells, Render};
use crate::units::usd;

/// The estimate as GitHub-flavoured Markdown.
pub struct Markdown;

impl Render<Estimate<'_>> for Markdown {
    fn render(&self, view: &Estimate<'_>) -> Result<String> {
        Ok(estimate(view))
    }
}

fn estimate(view: &Estimate<'_>) -> String {
    let c = view.costing;
    let mut out = format!(
        "### AWS monthly estimate: {} **{}**\n\nRegion `{}`, {} hours per month, free tier {}, price book `{}` (snapshot {}).\n\n",
        cell(&c.region),
        usd(c.total_monthly_usd),
        cell(&c.region),
        view.hours_per_month.normalize(),
        if c.free_tier { "on" } else { "off" },
        cell(view.price_book),
        view.price_book_snapshot
    );
    out.push_str("| Service | Item | Quantity | Unit | Unit price | Monthly |\n");
    out.push_str("|---|---|--:|---|--:|--:|\n");
    for s in &c.services {
        for (i, l) in s.line_items.iter().enumerate() {
            let service = if i == 0 { format!("`{}`", cell(&s.service)) } else { String::new() };
            let cells: Vec<String> = std::iter::once(service).chain(line_cells(l).map(|t| cell(&t))).collect();
            out.push_str(&row_of(&cells));
        }
        out.push_str(&format!("| | *{} subtotal* | | | | *{}* |\n", cell(&s.service), usd(s.monthly_usd.0)));
    }
    out.push_str(&format!("| **Total** | | | | | **{}** |\n", usd(c.total_monthly_usd)));
    let notes = notes(c);
    if !notes.is_empty() {
        out.push('\n');
        for n in notes {
            out.push_str(&format!("- {}\n", cell(&n)));
        }
    }
    out
}
