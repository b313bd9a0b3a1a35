//! The plan as terminal tables (tabled): summary per phase, what the rules and dashboards read
//! (every series against the used ones per phase, the largest unused metrics), each phase's AWS
//! line items, decision tree, switch points, uncertainty and tornado, mapping explanations, notes.

use anyhow::Result;
use tabled::builder::Builder;

use super::{self as plan_text, header, phase_name, used, SUMMARY_HEADER};
use crate::i18n::Locale;
use crate::plan::Plan;
use crate::report::wording::{service_name, workloads};
use crate::report::{line_cells, table, Render};
use crate::tr;
use crate::units::group_thousands;

/// The plan as aligned terminal tables.
pub struct Table {
    /// The language and currency.
    pub locale: Locale,
}

impl Render<Plan> for Table {
    fn render(&self, p: &Plan) -> Result<String> {
        Ok(plan(&self.locale, p))
    }
}

/// A plan as aligned tables.
fn plan(l: &Locale, p: &Plan) -> String {
    let mut out = plan_text::heading(l, p).join("\n");
    out.push_str("\n\n");
    let mut b = Builder::default();
    b.push_record(header(l, SUMMARY_HEADER));
    for ph in &p.phases {
        b.push_record(plan_text::summary_row(l, ph));
    }
    out.push_str(&table(b, 2));
    out.push('\n');
    for line in plan_text::summary_lines(l, p).into_iter().chain(plan_text::agents_line(l, p)) {
        out.push_str(&line);
        out.push('\n');
    }
    out.push_str(&used::text(l, p, &USED_TEXT));
    for ph in &p.phases {
        out.push('\n');
        let (weeks, dual_weeks) = plan_text::weeks_priced(p, ph);
        out.push_str(&tr!(
            l,
            "plan-phase-items",
            phase = ph.phase,
            name = phase_name(l, &ph.name),
            on_aws = workloads(l, &ph.on_aws),
            one_time = l.money(ph.one_time_cost_usd.0),
            labor = l.money(ph.migration_labor_usd.0),
            weeks = group_thousands(weeks, 2),
            dual = l.money(ph.dual_running_usd.0),
            dual_weeks = group_thousands(dual_weeks, 2)
        ));
        out.push('\n');
        let mut b = Builder::default();
        b.push_record(header(l, ITEMS_HEADER));
        for s in &ph.aws_services {
            for (i, item) in s.line_items.iter().enumerate() {
                let [name, qty, unit, price, monthly] = line_cells(l, item);
                b.push_record([
                    if i == 0 { service_key(l, &s.service) } else { String::new() },
                    name,
                    qty,
                    unit,
                    price,
                    monthly,
                ]);
            }
        }
        b.push_record([
            l.t("plan-aws-total"),
            String::new(),
            String::new(),
            String::new(),
            String::new(),
            plan_text::aws_cell(l, ph),
        ]);
        for s in &ph.self_hosted_services {
            b.push_record([
                tr!(l, "plan-self-hosted-service", service = service_key(l, &s.service)),
                String::new(),
                String::new(),
                String::new(),
                String::new(),
                l.money(s.monthly_usd.0),
            ]);
        }
        out.push_str(&table(b, 4));
        out.push('\n');
    }
    if let Some(c) = &p.actual_comparison {
        out.push_str(&format!("\n{}\n", l.t("plan-actual-title")));
        let mut b = Builder::default();
        b.push_record(header(l, plan_text::ACTUAL_HEADER));
        for r in plan_text::actual_rows(l, c, &plan_text::actual_text(l)) {
            b.push_record(r);
        }
        out.push_str(&table(b, 3));
        out.push('\n');
        out.push_str(&plan_text::actual_lines(l, c).join("\n"));
        out.push('\n');
    }
    out.push('\n');
    out.push_str(&plan_text::tree_lines(l, p).join("\n"));
    out.push_str(&format!("\n\n{}\n", l.t("plan-switch-title")));
    let mut b = Builder::default();
    b.push_record(header(l, plan_text::SWITCH_HEADER));
    for sp in &p.switch_points {
        b.push_record(plan_text::switch_point_row(l, sp));
    }
    out.push_str(&table(b, 1));
    out.push('\n');
    out.push_str(&l.doc(&p.switch_points_method));
    out.push_str(&format!("\n\n{}\n", l.t("plan-uncertainty-title")));
    let u = &p.uncertainty;
    let mut b = Builder::default();
    b.push_record(header(
        l,
        [
            "col-phase",
            "col-net-low",
            "col-net-expected",
            "col-net-high",
            "col-npv-low",
            "col-npv-expected",
            "col-npv-high",
            "col-p-net-positive",
        ],
    ));
    for ph in &u.phases {
        let p_positive = ph.samples.as_ref().map_or("-".into(), |s| {
            format!("{}%", group_thousands(s.probability_net_positive.0 * rust_decimal::Decimal::ONE_HUNDRED, 1))
        });
        b.push_record(plan_text::uncertainty_row(l, ph).into_iter().chain([p_positive]));
    }
    out.push_str(&table(b, 1));
    out.push('\n');
    out.push_str(&l.doc(&u.method));
    out.push('\n');
    let (last, rows) = plan_text::tornado(p);
    if !rows.is_empty() {
        out.push_str(&format!("\n{}\n", tr!(l, "plan-tornado-title", phase = last)));
        let mut b = Builder::default();
        b.push_record(header(l, plan_text::TORNADO_HEADER));
        for r in rows {
            b.push_record(plan_text::tornado_row(l, r));
        }
        out.push_str(&table(b, 1));
        out.push('\n');
    }
    out.push_str(&format!("\n{}\n", l.t("plan-mapping-title")));
    for m in &p.mapping {
        for e in &m.explanations {
            let label = tr!(l, "plan-mapping-label", phase = m.phase, workload = l.term(m.workload.as_str()));
            out.push_str(&format!("  [{label}] {}\n", l.doc(e)));
        }
    }
    let notes = plan_text::notes(l, p);
    if !notes.is_empty() {
        out.push('\n');
        for n in notes {
            out.push_str(&n);
            out.push('\n');
        }
    }
    out
}

/// Header of a phase's line items, message ids.
const ITEMS_HEADER: [&str; 6] =
    ["col-service", "col-item", "col-quantity", "col-unit", "col-unit-price", "col-monthly"];

/// A service in the terminal table: its key in English (as the usage file names it), its display
/// name in other languages.
fn service_key(l: &Locale, key: &str) -> String {
    if l.is_ko() {
        service_name(l, key)
    } else {
        key.to_string()
    }
}

/// How the terminal writes the used-series block.
const USED_TEXT: used::TextStyle = used::TextStyle {
    start: |_| "\n".to_string(),
    line: |_, l| format!("{l}\n"),
    table: |header, rows| {
        let mut b = Builder::default();
        b.push_record(header.iter().cloned());
        for r in rows {
            b.push_record(r);
        }
        table(b, 1) + "\n"
    },
};
