//! The price-book diff document (`pricing diff OLD NEW`) and its renderers, one per format:
//! `table`, `markdown`, `json`; and the cells and closing lines the table and Markdown share.

pub mod json;
pub mod markdown;
pub mod table;

use anyhow::Result;
use rust_decimal::Decimal;

use super::{unsupported, Format, Render};
use crate::pricing::diff::{BookDiff, PriceChange};
use crate::units::unit_price;

/// The renderer of a price-book diff in a format.
pub fn renderer(format: Format) -> Result<Box<dyn Render<BookDiff>>> {
    Ok(match format {
        Format::Table => Box::new(table::Table),
        Format::Json => Box::new(json::Json),
        Format::Markdown => Box::new(markdown::Markdown),
        other => return unsupported("a price-book diff", other, &[Format::Table, Format::Json, Format::Markdown]),
    })
}

fn signed(v: Decimal) -> String {
    if v.is_sign_negative() {
        format!("-{}", unit_price(-v))
    } else {
        format!("+{}", unit_price(v))
    }
}

pub(crate) fn row(c: &PriceChange) -> [String; 6] {
    match (c.old_usd, c.new_usd) {
        (Some(o), Some(n)) => [
            format!("{} {}", c.region, c.id),
            c.tier_begin.map_or_else(String::new, |b| format!("from {b} {}", c.unit)),
            unit_price(o),
            unit_price(n),
            c.change_usd.map(signed).unwrap_or_default(),
            c.change_percent
                .map_or_else(|| "n/a".to_string(), |p| format!("{}{p}%", if p.is_sign_positive() { "+" } else { "" })),
        ],
        _ => [
            format!("{} {}", c.region, c.id),
            "tiers or unit changed".to_string(),
            c.old_tiers.clone().unwrap_or_default(),
            c.new_tiers.clone().unwrap_or_default(),
            String::new(),
            String::new(),
        ],
    }
}

pub(crate) const HEADER: [&str; 6] = ["Price", "Tier", "Old USD", "New USD", "Change", "%"];

pub(crate) fn summary(d: &BookDiff) -> String {
    format!(
        "{} price(s) changed, {} entries added, {} removed, {} unchanged",
        d.changed.len(),
        d.added.len(),
        d.removed.len(),
        d.unchanged
    )
}

/// The tail the table and the Markdown share: regions found on one side only, then the scenario
/// decisions that flip.
pub(crate) fn regions_and_scenarios(d: &BookDiff) -> String {
    let mut out = String::new();
    for (title, list) in [("Regions only in OLD", &d.regions_removed), ("Regions only in NEW", &d.regions_added)] {
        if !list.is_empty() {
            out.push_str(&format!("\n{title}: {}\n", list.join(", ")));
        }
    }
    out.push('\n');
    out.push_str(&scenario_text(d));
    out
}

fn scenario_text(d: &BookDiff) -> String {
    let note = d.scenarios_note.as_ref().map_or_else(String::new, |n| format!("  ({n})\n"));
    let text = match &d.scenario_decisions {
        None => "Scenario decisions that flip: not evaluated.\n".to_string(),
        Some(list) if list.is_empty() => "Scenario decisions that flip: none.\n".to_string(),
        Some(list) => {
            let mut s = "Scenario decisions that flip:\n".to_string();
            for f in list {
                s.push_str(&format!("  {} {}: {} -> {}\n", f.scenario, f.what, f.old, f.new));
            }
            s
        }
    };
    text + &note
}
