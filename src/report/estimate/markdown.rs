//! GitHub-flavoured Markdown, to paste into a pull request or an issue.

use anyhow::Result;

use super::{notes, Estimate};
use crate::i18n::Locale;
use crate::report::markup::{cell, row_of};
use crate::report::plan::header;
use crate::report::wording::service_name;
use crate::report::{line_cells, Render};
use crate::tr;

/// The estimate as GitHub-flavoured Markdown.
pub struct Markdown {
    /// The language and currency.
    pub locale: Locale,
}

impl Render<Estimate<'_>> for Markdown {
    fn render(&self, view: &Estimate<'_>) -> Result<String> {
        Ok(estimate(&self.locale, view))
    }
}

fn estimate(l: &Locale, view: &Estimate<'_>) -> String {
    let c = view.costing;
    let mut out = format!(
        "### {}\n\n{}\n\n",
        tr!(l, "md-estimate-title", region = cell(&c.region), total = l.money(c.total_monthly_usd)),
        tr!(
            l,
            "md-estimate-context",
            region = cell(&c.region),
            hours = view.hours_per_month.normalize(),
            free_tier = l.t(if c.free_tier { "on" } else { "off" }),
            book = cell(view.price_book),
            snapshot = view.price_book_snapshot
        )
    );
    out.push_str(&row_of(&header(l, super::HEADER).map(|h| cell(&h))));
    out.push_str("|---|---|--:|---|--:|--:|\n");
    for s in &c.services {
        let service = if l.is_ko() { cell(&service_name(l, &s.service)) } else { format!("`{}`", cell(&s.service)) };
        for (i, item) in s.line_items.iter().enumerate() {
            let first = if i == 0 { service.clone() } else { String::new() };
            let cells: Vec<String> = std::iter::once(first).chain(line_cells(l, item).map(|t| cell(&t))).collect();
            out.push_str(&row_of(&cells));
        }
        let subtotal = tr!(l, "estimate-subtotal", service = cell(if l.is_ko() { &service } else { &s.service }));
        out.push_str(&format!("| | *{subtotal}* | | | | *{}* |\n", l.money(s.monthly_usd.0)));
    }
    out.push_str(&format!("| **{}** | | | | | **{}** |\n", l.t("col-total"), l.money(c.total_monthly_usd)));
    let notes = notes(l, c);
    if !notes.is_empty() {
        out.push('\n');
        for n in notes {
            out.push_str(&format!("- {}\n", cell(&n)));
        }
    }
    out
}
