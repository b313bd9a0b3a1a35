//! A plan diff as GitHub-flavoured Markdown, fit for a pull-request or merge-request comment: a
//! heading, one sentence, the phase table, changed services, moved prices, and the other fields in
//! a collapsed `<details>` block.

use anyhow::Result;

use super::{self as text, PHASE_HEADER, PRICE_HEADER, SERVICE_HEADER};
use crate::plan::diff::PlanDiff;
use crate::report::markup::{cell, row};
use crate::report::Render;

/// Other fields listed at most.
const MAX_FIELDS: usize = 30;

/// The plan diff as GitHub-flavoured Markdown, its headings at `level` (`###` for a whole comment).
pub struct Markdown {
    /// Heading level.
    pub level: usize,
}

impl Render<PlanDiff> for Markdown {
    fn render(&self, d: &PlanDiff) -> Result<String> {
        Ok(diff_at(d, self.level))
    }
}

/// A header row and its separator; columns `left..right` are right-aligned (numbers).
fn header(cells: &[&str], left: usize, right: usize) -> String {
    let sep: Vec<&str> = (0..cells.len()).map(|i| if (left..right).contains(&i) { "--:" } else { "---" }).collect();
    format!("| {} |\n|{}|\n", cells.join(" | "), sep.join("|"))
}

/// A plan diff as Markdown; `level` is the heading level (`###` for a whole comment).
pub fn diff_at(d: &PlanDiff, level: usize) -> String {
    let h = "#".repeat(level);
    let mut out = format!("{h} Plan diff: {}\n\n{}\n", cell(&text::heading(d)), cell(&text::summary(d)));
    for w in &d.warnings {
        out.push_str(&format!("\n> **Warning:** {}.\n", cell(w)));
    }
    if d.is_empty() {
        return out;
    }
    if d.decision_tree.changed() {
        out.push_str(&format!("\n**Decision tree:** {}\n", cell(&text::changed_text(&d.decision_tree))));
    }
    if d.baseline_monthly_usd.changed() {
        out.push_str(&format!("\n**Self-hosted baseline:** {}\n", cell(&text::delta(&d.baseline_monthly_usd))));
    }
    out.push('\n');
    out.push_str(&header(&PHASE_HEADER, 1, PHASE_HEADER.len() - 1));
    for p in &d.phases {
        let mut r = text::phase_row(p);
        if p.decision.changed() {
            r[7] = format!("**{}**", r[7]);
        }
        out.push_str(&row(&r));
    }
    if d.phases.iter().any(|p| !p.services.is_empty()) {
        out.push_str(&format!("\n{h}# Services\n\n"));
        out.push_str(&header(&SERVICE_HEADER, 3, SERVICE_HEADER.len()));
        for p in &d.phases {
            for s in &p.services {
                out.push_str(&row(&text::service_row(p, s)));
            }
        }
    }
    if !d.moved_prices.is_empty() {
        out.push_str(&format!("\n{h}# Moved prices\n\n"));
        out.push_str(&header(&PRICE_HEADER, 2, PRICE_HEADER.len()));
        for m in &d.moved_prices {
            let mut r = text::price_row(m);
            r[0] = format!("`{}`", r[0]);
            out.push_str(&row(&r));
        }
    }
    out.push_str(&format!("\n<details><summary>{} field(s) differ</summary>\n\n", d.fields.len()));
    for f in d.fields.iter().take(MAX_FIELDS) {
        out.push_str(&format!("- `{}`: {} → {}\n", f.path, cell(&f.old_short()), cell(&f.new_short())));
    }
    if d.fields.len() > MAX_FIELDS {
        out.push_str(&format!("- … and {} more\n", d.fields.len() - MAX_FIELDS));
    }
    out.push_str("\n</details>\n");
    out
}
