//! The plan as GitHub-flavoured Markdown: summary, what the rules and dashboards read, decision
//! tree, switch points, uncertainty, tornado, each phase's AWS line items, mapping explanations
//! and notes.

use anyhow::Result;

use super::{self as plan_text, used, SUMMARY_HEADER};
use crate::plan::Plan;
use crate::report::markup::{cell, row};
use crate::report::{line_cells, Render};
use crate::units::usd;

/// The plan as GitHub-flavoured Markdown.
pub struct Markdown;

impl Render<Plan> for Markdown {
    fn render(&self, p: &Plan) -> Result<String> {
        Ok(plan(p))
    }
}

/// A plan as Markdown.
fn plan(p: &Plan) -> String {
    let mut out = format!("### Migration plan: {}\n\n", cell(&p.scenario.name));
    for line in plan_text::heading(p).iter().skip(1) {
        out.push_str(&format!("{}\n\n", cell(line)));
    }
    out.push_str(&row(&SUMMARY_HEADER.map(String::from)));
    out.push_str(&format!("|---|---|{}\n", "--:|".repeat(SUMMARY_HEADER.len() - 3) + "---|"));
    for ph in &p.phases {
        out.push_str(&row(&plan_text::summary_row(ph)));
    }
    let lines: Vec<String> = plan_text::summary_lines(p).into_iter().chain(plan_text::agents_line(p)).collect();
    if !lines.is_empty() {
        out.push('\n');
        for l in lines {
            out.push_str(&format!("- {}\n", cell(&l)));
        }
    }
    out.push_str(&used::text(p, &USED_TEXT));
    if let Some(c) = &p.actual_comparison {
        out.push_str("\n#### Forecast vs actual\n\n");
        out.push_str(&row(&plan_text::ACTUAL_HEADER.map(String::from)));
        out.push_str("|---|---|---|--:|--:|--:|--:|--:|--:|\n");
        for r in plan_text::actual_rows(c, &plan_text::ACTUAL_TEXT) {
            out.push_str(&row(&r));
        }
        out.push('\n');
        for l in plan_text::actual_lines(c) {
            out.push_str(&format!("- {}\n", cell(&l)));
        }
    }
    out.push_str("\n#### Decision tree\n\n");
    for l in plan_text::tree_lines(p) {
        out.push_str(&format!("- {}\n", cell(l.trim())));
    }
    out.push_str("\n#### Switch points\n\n| Phase | DAU net $0 | DAU net threshold | DAU searched up to | Team net $0 | Team net threshold |\n|---|--:|--:|--:|--:|--:|\n");
    for sp in &p.switch_points {
        out.push_str(&row(&plan_text::switch_point_row(sp)));
    }
    out.push_str(&format!("\n{}\n", cell(&p.switch_points_method)));
    out.push_str("\n#### Uncertainty\n\n| Phase | Net low (P10) | Net expected | Net high (P90) | NPV low | NPV expected | NPV high |\n|---|--:|--:|--:|--:|--:|--:|\n");
    for ph in &p.uncertainty.phases {
        out.push_str(&row(&plan_text::uncertainty_row(ph)));
    }
    out.push_str(&format!("\n{}\n", cell(&p.uncertainty.method)));
    let (last, rows) = plan_text::tornado(p);
    if !rows.is_empty() {
        out.push_str(&format!("\n#### Tornado, phase {last}\n\n| Assumption | Low | High | Net at low | Net at high | Swing |\n|---|--:|--:|--:|--:|--:|\n"));
        for r in rows {
            let mut cells = plan_text::tornado_row(r);
            cells[0] = format!("`{}`", r.key);
            out.push_str(&row(&cells));
        }
    }
    for ph in &p.phases {
        out.push_str(&format!(
            "\n#### Phase {} {}: AWS {}, self-hosted {}, one-time {}\n\n| Service | Item | Quantity | Unit | Unit price | Monthly |\n|---|---|--:|---|--:|--:|\n",
            ph.phase,
            cell(&ph.name),
            plan_text::aws_cell(ph),
            usd(ph.self_hosted_monthly_usd.0),
            usd(ph.one_time_cost_usd.0)
        ));
        for s in &ph.aws_services {
            for (i, l) in s.line_items.iter().enumerate() {
                let [name, qty, unit, price, monthly] = line_cells(l);
                out.push_str(&row(&[
                    if i == 0 { format!("`{}`", s.service) } else { String::new() },
                    name,
                    qty,
                    unit,
                    price,
                    monthly,
                ]));
            }
        }
    }
    out.push_str("\n#### How usage maps to AWS\n\n");
    for m in &p.mapping {
        for e in &m.explanations {
            out.push_str(&format!("- phase {} `{}`: {}\n", m.phase, m.workload, cell(e)));
        }
    }
    let notes = plan_text::notes(p);
    if !notes.is_empty() {
        out.push_str("\n#### Notes\n\n");
        for n in notes {
            out.push_str(&format!("- {}\n", cell(&n)));
        }
    }
    out
}

/// How Markdown writes the used-series block (its heading says the title, so lines drop it).
const USED_TEXT: used::TextStyle = used::TextStyle {
    start: "\n#### What your rules and dashboards read\n\n",
    line: |l| {
        let l = l.strip_prefix(used::TITLE).and_then(|l| l.strip_prefix(": ")).unwrap_or(l);
        format!("- {}\n", cell(l))
    },
    table: |header, rows| {
        let mut out = format!(
            "\n{}|---|{}\n",
            row(&header.iter().map(|h| h.to_string()).collect::<Vec<_>>()),
            "--:|".repeat(header.len().saturating_sub(1))
        );
        for r in rows {
            out.push_str(&row(&r));
        }
        out + "\n"
    },
};
