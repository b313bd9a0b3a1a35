//! Terminal tables (tabled): one row per line item, a subtotal per service, the total, then notes.

use anyhow::Result;
use tabled::builder::Builder;
use tabled::settings::object::Columns;
use tabled::settings::{Alignment, Style};

use super::{notes, Estimate};
use crate::i18n::Locale;
use crate::report::plan::header;
use crate::report::wording::service_name;
use crate::report::{line_cells, Render};
use crate::tr;

/// The estimate as an aligned terminal table.
pub struct Table {
    /// The language and currency.
    pub locale: Locale,
}

impl Render<Estimate<'_>> for Table {
    fn render(&self, view: &Estimate<'_>) -> Result<String> {
        Ok(estimate(&self.locale, view))
    }
}

fn estimate(l: &Locale, view: &Estimate<'_>) -> String {
    let c = view.costing;
    let mut b = Builder::default();
    b.push_record(header(l, super::HEADER));
    for s in &c.services {
        let service = if l.is_ko() { service_name(l, &s.service) } else { s.service.clone() };
        for (i, item) in s.line_items.iter().enumerate() {
            let [name, qty, unit, price, monthly] = line_cells(l, item);
            b.push_record([if i == 0 { service.clone() } else { String::new() }, name, qty, unit, price, monthly]);
        }
        b.push_record([
            String::new(),
            tr!(l, "estimate-subtotal", service = service),
            String::new(),
            String::new(),
            String::new(),
            l.money(s.monthly_usd.0),
        ]);
    }
    b.push_record([
        l.t("col-total"),
        String::new(),
        String::new(),
        String::new(),
        String::new(),
        l.money(c.total_monthly_usd),
    ]);
    let mut table = b.build();
    table
        .with(Style::sharp())
        .modify(Columns::new(2..3), Alignment::right())
        .modify(Columns::new(4..), Alignment::right());
    let mut out = tr!(
        l,
        "estimate-heading",
        region = c.region,
        hours = view.hours_per_month.normalize(),
        free_tier = l.t(if c.free_tier { "on" } else { "off" }),
        book = view.price_book,
        snapshot = view.price_book_snapshot
    );
    out.push('\n');
    out.push_str(&table.to_string());
    out.push('\n');
    for n in notes(l, c) {
        out.push_str(&n);
        out.push('\n');
    }
    out
}
