//! The plan as terminal tables (tabled): summary per phase, what the rules and dashboards read
//! (every series against the used ones per phase, the largest unused metrics), each phase's AWS
//! line items, decision tree, switch points, uncertainty and tornado, mapping explanations, notes.

use anyhow::Result;
use tabled::builder::Builder;

use super::{self as plan_text, used, SUMMARY_HEADER};
use crate::plan::Plan;
use crate::report::{line_cells, table, Render};
use crate::units::{group_thousands, usd};

/// The plan as aligned terminal tables.
pub struct Table;

impl Render<Plan> for Table {
    fn render(&self, p: &Plan) -> Result<String> {
        Ok(plan(p))
    }
}

/// A plan as aligned tables.
fn plan(p: &Plan) -> String {
    let mut out = plan_text::heading(p).join("\n");
    out.push_str("\n\n");
    let mut b = Builder::default();
    b.push_record(SUMMARY_HEADER);
    for ph in &p.phases {
        b.push_record(plan_text::summary_row(ph));
    }
    out.push_str(&table(b, 2));
    out.push('\n');
    for l in plan_text::summary_lines(p).into_iter().chain(plan_text::agents_line(p)) {
        out.push_str(&l);
        out.push('\n');
    }
    out.push_str(&used::text(p, &USED_TEXT));
    for ph in &p.phases {
        out.push_str(&format!(
            "\nPhase {} {}: AWS line items (cumulative: {}); one-time {} = {}\n",
            ph.phase,
            ph.name,
            ph.on_aws.iter().map(|w| w.as_str()).collect::<Vec<_>>().join(", "),
            usd(ph.one_time_cost_usd.0),
            plan_text::one_time_parts(p, ph)
        ));
        let mut b = Builder::default();
        b.push_record(["Service", "Item", "Quantity", "Unit", "Unit price", "Monthly"]);
        for s in &ph.aws_services {
            for (i, l) in s.line_items.iter().enumerate() {
                let [name, qty, unit, price, monthly] = line_cells(l);
                b.push_record([
                    if i == 0 { s.service.clone() } else { String::new() },
                    name,
                    qty,
                    unit,
                    price,
                    monthly,
                ]);
            }
        }
        b.push_record([
            "AWS total".into(),
            String::new(),
            String::new(),
            String::new(),
            String::new(),
            plan_text::aws_cell(ph),
        ]);
        for s in &ph.self_hosted_services {
            b.push_record([
                format!("self-hosted {}", s.service),
                String::new(),
                String::new(),
                String::new(),
                String::new(),
                usd(s.monthly_usd.0),
            ]);
        }
        out.push_str(&table(b, 4));
        out.push('\n');
    }
    if let Some(c) = &p.actual_comparison {
        out.push_str("\nForecast vs actual (plan --actual)\n");
        let mut b = Builder::default();
        b.push_record(plan_text::ACTUAL_HEADER);
        for r in plan_text::actual_rows(c, &plan_text::ACTUAL_TEXT) {
            b.push_record(r);
        }
        out.push_str(&table(b, 3));
        out.push('\n');
        out.push_str(&plan_text::actual_lines(c).join("\n"));
        out.push('\n');
    }
    out.push('\n');
    out.push_str(&plan_text::tree_lines(p).join("\n"));
    out.push_str("\n\nSwitch points (net monthly benefit crossing $0 and the migrate-now threshold)\n");
    let mut b = Builder::default();
    b.push_record([
        "Phase",
        "DAU net $0",
        "DAU net threshold",
        "DAU searched up to",
        "Team net $0",
        "Team net threshold",
    ]);
    for sp in &p.switch_points {
        b.push_record(plan_text::switch_point_row(sp));
    }
    out.push_str(&table(b, 1));
    out.push('\n');
    out.push_str(&p.switch_points_method);
    out.push_str("\n\nUncertainty: net monthly benefit low (P10) / expected / high (P90)\n");
    let u = &p.uncertainty;
    let mut b = Builder::default();
    b.push_record([
        "Phase",
        "Net low",
        "Net expected",
        "Net high",
        "NPV low",
        "NPV expected",
        "NPV high",
        "P(net > 0)",
    ]);
    for ph in &u.phases {
        let p_positive = ph.samples.as_ref().map_or("-".into(), |s| {
            format!("{}%", group_thousands(s.probability_net_positive.0 * rust_decimal::Decimal::ONE_HUNDRED, 1))
        });
        b.push_record(plan_text::uncertainty_row(ph).into_iter().chain([p_positive]));
    }
    out.push_str(&table(b, 1));
    out.push('\n');
    out.push_str(&u.method);
    out.push('\n');
    let (last, rows) = plan_text::tornado(p);
    if !rows.is_empty() {
        out.push_str(&format!("\nTornado, phase {last}: what moves the net monthly benefit most\n"));
        let mut b = Builder::default();
        b.push_record(["Assumption", "Low", "High", "Net at low", "Net at high", "Swing"]);
        for r in rows {
            b.push_record(plan_text::tornado_row(r));
        }
        out.push_str(&table(b, 1));
        out.push('\n');
    }
    out.push_str("\nHow usage maps to AWS\n");
    for m in &p.mapping {
        for e in &m.explanations {
            out.push_str(&format!("  [phase {} {}] {e}\n", m.phase, m.workload));
        }
    }
    let notes = plan_text::notes(p);
    if !notes.is_empty() {
        out.push('\n');
        for n in notes {
            out.push_str(&n);
            out.push('\n');
        }
    }
    out
}

/// How the terminal writes the used-series block.
const USED_TEXT: used::TextStyle = used::TextStyle {
    start: "\n",
    line: |l| format!("{l}\n"),
    table: |header, rows| {
        let mut b = Builder::default();
        b.push_record(header.iter().copied());
        for r in rows {
            b.push_record(r);
        }
        table(b, 1) + "\n"
    },
};
