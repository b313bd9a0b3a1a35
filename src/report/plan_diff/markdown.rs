//! A plan diff as GitHub-flavoured Markdown, fit for a pull-request or merge-request comment: a
//! heading, one sentence, the phase table, changed services, moved prices, and the other fields in
//! a collapsed `<details>` block.

use anyhow::Result;

use super::{self as text, PHASE_HEADER, PRICE_HEADER, SERVICE_HEADER};
use crate::i18n::Locale;
use crate::plan::diff::PlanDiff;
use crate::report::markup::{cell, row};
use crate::report::Render;
use crate::tr;

/// Other fields listed at most.
const MAX_FIELDS: usize = 30;

/// The plan diff as GitHub-flavoured Markdown, its headings at `level` (`###` for a whole comment).
pub struct Markdown {
    /// Heading level.
    pub level: usize,
    /// The language.
    pub locale: Locale,
}

impl Render<PlanDiff> for Markdown {
    fn render(&self, d: &PlanDiff) -> Result<String> {
        Ok(diff_at(&self.locale, d, self.level))
    }
}

/// A header row of message ids and its separator; columns `left..right` are right-aligned
/// (numbers).
fn header(l: &Locale, ids: &[&str], left: usize, right: usize) -> String {
    let cells: Vec<String> = ids.iter().map(|id| l.t(id)).collect();
    let sep: Vec<&str> = (0..cells.len()).map(|i| if (left..right).contains(&i) { "--:" } else { "---" }).collect();
    format!("| {} |\n|{}|\n", cells.join(" | "), sep.join("|"))
}

/// A plan diff as Markdown; `level` is the heading level (`###` for a whole comment).
pub fn diff_at(l: &Locale, d: &PlanDiff, level: usize) -> String {
    let h = "#".repeat(level);
    let title = tr!(l, "diff-title", heading = cell(&text::heading(l, d)));
    let mut out = format!("{h} {title}\n\n{}\n", cell(&text::summary(l, d)));
    for w in &d.warnings {
        out.push_str(&format!("\n> {}\n", cell(&tr!(l, "diff-warning", warning = l.doc(w)))));
    }
    if d.is_empty() {
        return out;
    }
    if d.decision_tree.changed() {
        let change = cell(&text::changed_text(l, &d.decision_tree));
        out.push_str(&format!("\n{}\n", tr!(l, "md-diff-tree", change = change)));
    }
    if d.baseline_monthly_usd.changed() {
        let change = cell(&text::delta(l, &d.baseline_monthly_usd));
        out.push_str(&format!("\n{}\n", tr!(l, "md-diff-baseline", change = change)));
    }
    out.push('\n');
    out.push_str(&header(l, &PHASE_HEADER, 1, PHASE_HEADER.len() - 1));
    for p in &d.phases {
        let mut r = text::phase_row(l, p);
        if p.decision.changed() {
            r[7] = format!("**{}**", r[7]);
        }
        out.push_str(&row(&r));
    }
    if d.phases.iter().any(|p| !p.services.is_empty()) {
        out.push_str(&format!("\n{h}# {}\n\n", l.t("md-diff-services")));
        out.push_str(&header(l, &SERVICE_HEADER, 3, SERVICE_HEADER.len()));
        for p in &d.phases {
            for s in &p.services {
                out.push_str(&row(&text::service_row(l, p, s)));
            }
        }
    }
    if !d.moved_prices.is_empty() {
        out.push_str(&format!("\n{h}# {}\n\n", l.t("md-diff-moved-prices")));
        out.push_str(&header(l, &PRICE_HEADER, 2, PRICE_HEADER.len()));
        for m in &d.moved_prices {
            let mut r = text::price_row(l, m);
            r[0] = format!("`{}`", r[0]);
            out.push_str(&row(&r));
        }
    }
    let fields = tr!(l, "md-diff-fields", fields = d.fields.len());
    out.push_str(&format!("\n<details><summary>{fields}</summary>\n\n"));
    for f in d.fields.iter().take(MAX_FIELDS) {
        out.push_str(&format!("- `{}`: {} → {}\n", f.path, cell(&f.old_short()), cell(&f.new_short())));
    }
    if d.fields.len() > MAX_FIELDS {
        out.push_str(&format!("- {}\n", tr!(l, "md-diff-more-fields", more = d.fields.len() - MAX_FIELDS)));
    }
    out.push_str("\n</details>\n");
    out
}
