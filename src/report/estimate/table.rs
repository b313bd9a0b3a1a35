//! Terminal tables (tabled): one row per line item, a subtotal per service, the total, then notes.

use anyhow::Result;
use tabled::builder::Builder;
use tabled::settings::object::Columns;
use tabled::settings::{Alignment, Style};

use super::{notes, Estimate};
use crate::report::{line_cells, Render};
use crate::units::usd;

/// The estimate as an aligned terminal table.
pub struct Table;

impl Render<Estimate<'_>> for Table {
    fn render(&self, view: &Estimate<'_>) -> Result<String> {
        Ok(estimate(view))
    }
}

fn estimate(view: &Estimate<'_>) -> String {
    let c = view.costing;
    let mut b = Builder::default();
    b.push_record(["Service", "Item", "Quantity", "Unit", "Unit price", "Monthly"]);
    for s in &c.services {
        for (i, l) in s.line_items.iter().enumerate() {
            let [name, qty, unit, price, monthly] = line_cells(l);
            let service = if i == 0 { s.service.clone() } else { String::new() };
            b.push_record([service, name, qty, unit, price, monthly]);
        }
        b.push_record([
            String::new(),
            format!("{} subtotal", s.service),
            String::new(),
            String::new(),
            String::new(),
            usd(s.monthly_usd.0),
        ]);
    }
    b.push_record([
        "Total".to_string(),
        String::new(),
        String::new(),
        String::new(),
        String::new(),
        usd(c.total_monthly_usd),
    ]);
    let mut table = b.build();
    table
        .with(Style::sharp())
        .modify(Columns::new(2..3), Alignment::right())
        .modify(Columns::new(4..), Alignment::right());
    let mut out = format!(
        "AWS monthly estimate: {} ({} hours per month), free tier {}, price book {} snapshot {}\n",
        c.region,
        view.hours_per_month.normalize(),
        if c.free_tier { "on" } else { "off" },
        view.price_book,
        view.price_book_snapshot
    );
    out.push_str(&table.to_string());
    out.push('\n');
    for n in notes(c) {
        out.push_str(&n);
        out.push('\n');
    }
    out
}
