//! The price book as terminal tables: per region every entry with its unit, tiers, status and
//! date (notes under the table), then the free tiers.

use anyhow::Result;
use tabled::settings::Style;

use super::PriceBookView;
use crate::pricing::PriceEntry;
use crate::report::Render;
use crate::units::{group_thousands, unit_price};

/// The price book as aligned terminal tables.
pub struct Table;

impl Render<PriceBookView<'_>> for Table {
    fn render(&self, view: &PriceBookView<'_>) -> Result<String> {
        Ok(table(view))
    }
}

/// Tiers as `0–10,000: $0.30; 10,000–250,000: $0.10; over 250,000: $0.05`.
pub fn describe_tiers(entry: &PriceEntry) -> String {
    if let [only] = entry.tiers.as_slice() {
        if only.end.is_none() {
            return unit_price(only.usd);
        }
    }
    entry
        .tiers
        .iter()
        .map(|t| match t.end {
            Some(end) => format!("{}-{}: {}", group_thousands(t.begin, 6), group_thousands(end, 6), unit_price(t.usd)),
            None => format!("over {}: {}", group_thousands(t.begin, 6), unit_price(t.usd)),
        })
        .collect::<Vec<_>>()
        .join("; ")
}

fn table(view: &PriceBookView<'_>) -> String {
    let mut out = format!("Price book: {}\n", view.origin);
    for r in &view.regions {
        out.push_str(&format!("\n{} ({}), snapshot {}\n", r.region, r.location, r.snapshot));
        let mut b = tabled::builder::Builder::default();
        b.push_record(["Price id", "Service", "Usage type", "Unit", "USD per unit", "Status", "As of"]);
        for e in &r.entries {
            let status =
                if e.note.is_some() { format!("{} *", e.status.as_str()) } else { e.status.as_str().to_string() };
            b.push_record([
                e.id.clone(),
                e.service_code.clone(),
                e.usage_type.clone(),
                e.unit.clone(),
                describe_tiers(e),
                status,
                e.as_of.clone(),
            ]);
        }
        out.push_str(&b.build().with(Style::sharp()).to_string());
        out.push('\n');
        let notes: Vec<_> = r.entries.iter().filter_map(|e| e.note.as_ref().map(|n| (e, n))).collect();
        if !notes.is_empty() {
            out.push_str("* notes:\n");
            for (e, n) in notes {
                out.push_str(&format!("  {}: {n}\n", e.id));
            }
        }
    }
    out.push_str("\nFree tiers (account-wide, per month; `--free-tier off` ignores them):\n");
    for f in &view.free_tiers {
        out.push_str(&format!(
            "  {} {} of {} ({})\n",
            group_thousands(f.quantity, 6),
            f.unit,
            f.description,
            f.applies_to.join(", ")
        ));
    }
    out
}
