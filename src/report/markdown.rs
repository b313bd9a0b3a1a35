//! GitHub-flavoured Markdown, to paste into a pull request or an issue.

use super::{line_cells, notes, EstimateView};
use crate::units::usd;

/// Escapes text for a Markdown table cell.
pub fn cell(text: &str) -> String {
    text.replace('\\', "\\\\").replace('|', "\\|").replace('<', "&lt;").replace('>', "&gt;").replace('\n', " ")
}

/// An estimate as Markdown.
pub fn estimate(view: &EstimateView<'_>) -> String {
    let c = view.costing;
    let mut out = format!(
        "### AWS monthly estimate: {} **{}**\n\nRegion `{}`, {} hours per month, free tier {}, price book `{}` (snapshot {}).\n\n",
        cell(&c.region),
        usd(c.total_monthly_usd),
        cell(&c.region),
        view.hours_per_month.normalize(),
        if c.free_tier { "on" } else { "off" },
        cell(&view.book.origin),
        view.snapshot()
    );
    out.push_str("| Service | Item | Quantity | Unit | Unit price | Monthly |\n");
    out.push_str("|---|---|--:|---|--:|--:|\n");
    for s in &c.services {
        for (i, l) in s.line_items.iter().enumerate() {
            let cells = line_cells(l).map(|t| cell(&t));
            let service = if i == 0 { format!("`{}`", cell(&s.service)) } else { String::new() };
            out.push_str(&format!(
                "| {service} | {} | {} | {} | {} | {} |\n",
                cells[0], cells[1], cells[2], cells[3], cells[4]
            ));
        }
        out.push_str(&format!("| | *{} subtotal* | | | | *{}* |\n", cell(&s.service), usd(s.monthly_usd)));
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
