//! The plan as GitHub-flavoured Markdown: summary, what the rules and dashboards read, decision
//! tree, switch points, uncertainty, tornado, each phase's AWS line items, mapping explanations
//! and notes.

use anyhow::Result;

use super::{self as plan_text, header, phase_name, used, SUMMARY_HEADER};
use crate::i18n::Locale;
use crate::plan::Plan;
use crate::report::markup::{cell, row};
use crate::report::wording::service_name;
use crate::report::{line_cells, Render};
use crate::tr;

/// The plan as GitHub-flavoured Markdown.
pub struct Markdown {
    /// The language and currency.
    pub locale: Locale,
}

impl Render<Plan> for Markdown {
    fn render(&self, p: &Plan) -> Result<String> {
        Ok(plan(&self.locale, p))
    }
}

/// A Markdown table's header row and its alignment row (`---` left, `--:` right).
fn head<const N: usize>(l: &Locale, ids: [&str; N], align: &str) -> String {
    format!("{}{align}\n", row(&header(l, ids)))
}

/// A plan as Markdown.
fn plan(l: &Locale, p: &Plan) -> String {
    let mut out = format!("### {}\n\n", cell(&tr!(l, "md-plan-title", name = p.scenario.name)));
    for line in plan_text::heading(l, p).iter().skip(1) {
        out.push_str(&format!("{}\n\n", cell(line)));
    }
    out.push_str(&row(&header(l, SUMMARY_HEADER)));
    out.push_str(&format!("|---|---|{}\n", "--:|".repeat(SUMMARY_HEADER.len() - 3) + "---|"));
    for ph in &p.phases {
        out.push_str(&row(&plan_text::summary_row(l, ph)));
    }
    let lines: Vec<String> = plan_text::summary_lines(l, p).into_iter().chain(plan_text::agents_line(l, p)).collect();
    if !lines.is_empty() {
        out.push('\n');
        for line in lines {
            out.push_str(&format!("- {}\n", cell(&line)));
        }
    }
    out.push_str(&used::text(l, p, &USED_TEXT));
    if let Some(c) = &p.actual_comparison {
        out.push_str(&format!("\n#### {}\n\n", l.t("r-h-actual")));
        out.push_str(&head(l, plan_text::ACTUAL_HEADER, "|---|---|---|--:|--:|--:|--:|--:|--:|"));
        for r in plan_text::actual_rows(l, c, &plan_text::actual_text(l)) {
            out.push_str(&row(&r));
        }
        out.push('\n');
        for line in plan_text::actual_lines(l, c) {
            out.push_str(&format!("- {}\n", cell(&line)));
        }
    }
    out.push_str(&format!("\n#### {}\n\n", l.t("md-tree")));
    for line in plan_text::tree_lines(l, p) {
        out.push_str(&format!("- {}\n", cell(line.trim())));
    }
    out.push_str(&format!("\n#### {}\n\n", l.t("md-switch")));
    out.push_str(&head(l, plan_text::SWITCH_HEADER, "|---|--:|--:|--:|--:|--:|"));
    for sp in &p.switch_points {
        out.push_str(&row(&plan_text::switch_point_row(l, sp)));
    }
    out.push_str(&format!("\n{}\n", cell(&l.doc(&p.switch_points_method))));
    out.push_str(&format!("\n#### {}\n\n", l.t("md-uncertainty")));
    out.push_str(&head(
        l,
        [
            "col-phase",
            "col-net-low-p10",
            "col-net-expected",
            "col-net-high-p90",
            "col-npv-low",
            "col-npv-expected",
            "col-npv-high",
        ],
        "|---|--:|--:|--:|--:|--:|--:|",
    ));
    for ph in &p.uncertainty.phases {
        out.push_str(&row(&plan_text::uncertainty_row(l, ph)));
    }
    out.push_str(&format!("\n{}\n", cell(&l.doc(&p.uncertainty.method))));
    let (last, rows) = plan_text::tornado(p);
    if !rows.is_empty() {
        out.push_str(&format!("\n#### {}\n\n", tr!(l, "md-tornado", phase = last)));
        out.push_str(&head(l, plan_text::TORNADO_HEADER, "|---|--:|--:|--:|--:|--:|"));
        for r in rows {
            let mut cells = plan_text::tornado_row(l, r);
            cells[0] = format!("`{}`", r.key);
            out.push_str(&row(&cells));
        }
    }
    for ph in &p.phases {
        out.push_str(&format!(
            "\n#### {}\n\n",
            tr!(
                l,
                "md-phase",
                phase = ph.phase,
                name = cell(&phase_name(l, &ph.name)),
                aws = plan_text::aws_cell(l, ph),
                self_hosted = l.money(ph.self_hosted_monthly_usd.0),
                one_time = l.money(ph.one_time_cost_usd.0)
            )
        ));
        out.push_str(&head(
            l,
            ["col-service", "col-item", "col-quantity", "col-unit", "col-unit-price", "col-monthly"],
            "|---|---|--:|---|--:|--:|",
        ));
        for s in &ph.aws_services {
            for (i, item) in s.line_items.iter().enumerate() {
                let [name, qty, unit, price, monthly] = line_cells(l, item);
                let service = if !l.is_ko() { format!("`{}`", s.service) } else { service_name(l, &s.service) };
                out.push_str(&row(&[if i == 0 { service } else { String::new() }, name, qty, unit, price, monthly]));
            }
        }
    }
    out.push_str(&format!("\n#### {}\n\n", l.t("plan-mapping-title")));
    for m in &p.mapping {
        for e in &m.explanations {
            let label = tr!(l, "md-mapping-label", phase = m.phase, workload = l.term(m.workload.as_str()));
            out.push_str(&format!("- {label}: {}\n", cell(&l.doc(e))));
        }
    }
    let notes = plan_text::notes(l, p);
    if !notes.is_empty() {
        out.push_str(&format!("\n#### {}\n\n", l.t("r-h-notes")));
        for n in notes {
            out.push_str(&format!("- {}\n", cell(&n)));
        }
    }
    out
}

/// How Markdown writes the used-series block (its heading says the title, so lines drop it).
const USED_TEXT: used::TextStyle = used::TextStyle {
    start: |title| format!("\n#### {title}\n\n"),
    line: |title, l| {
        let l = l.strip_prefix(title).and_then(|l| l.strip_prefix(": ")).unwrap_or(l);
        format!("- {}\n", cell(l))
    },
    table: |header, rows| {
        let mut out = format!("\n{}|---|{}\n", row(header), "--:|".repeat(header.len().saturating_sub(1)));
        for r in rows {
            out.push_str(&row(&r));
        }
        out + "\n"
    },
};
