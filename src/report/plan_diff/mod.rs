//! The plan diff document's renderers (`plan --compare-to`, and each differing golden of
//! `scenarios check`), one per format (`table`, `markdown`, `json`), and the cells the table and
//! Markdown share: one row per phase, per changed service, per moved price, and the heading.
//! Decisions and outcomes are the plans' own codes, as the JSON they compare holds them.

pub mod json;
pub mod markdown;
pub mod table;

use anyhow::Result;
use rust_decimal::Decimal;

use super::{unsupported, Format, Render};
use crate::plan::diff::{Change, MovedPrice, PhaseDiff, PlanDiff, ServiceDiff};
use crate::units::{unit_price, usd};

/// The renderer of a plan diff in a format.
pub fn renderer(format: Format) -> Result<Box<dyn Render<PlanDiff>>> {
    Ok(match format {
        Format::Table => Box::new(table::Table),
        Format::Json => Box::new(json::Json),
        Format::Markdown => Box::new(markdown::Markdown { level: 3 }),
        other => return unsupported("a plan diff", other, &[Format::Table, Format::Markdown, Format::Json]),
    })
}

/// A value that has a JSON code (a decision, a tree outcome).
pub trait Code {
    /// The code.
    fn code(&self) -> &str;
}

impl Code for String {
    fn code(&self) -> &str {
        self
    }
}

impl Code for crate::roi::Decision {
    fn code(&self) -> &str {
        self.as_str()
    }
}

impl Code for crate::roi::tree::Outcome {
    fn code(&self) -> &str {
        self.as_str()
    }
}

/// Header of the per-phase rows.
pub const PHASE_HEADER: [&str; 8] =
    ["Phase", "AWS/month", "Δ AWS", "Self-hosted/month", "Δ self-hosted", "Net benefit/month", "Δ net", "Decision"];
/// Header of the per-service rows.
pub const SERVICE_HEADER: [&str; 6] = ["Phase", "Side", "Service", "Old/month", "New/month", "Δ"];
/// Header of the moved-price rows.
pub const PRICE_HEADER: [&str; 5] = ["Price", "Item", "Old", "New", "Change"];

fn money(v: Option<Decimal>) -> String {
    v.map_or_else(|| "—".to_string(), usd)
}

/// `+$1.90`, `-$3.00` or empty when equal.
pub fn delta(c: &Change<Decimal>) -> String {
    match (c.old, c.new) {
        (Some(o), Some(n)) if o != n => {
            let d = n - o;
            if d.is_sign_negative() {
                usd(d)
            } else {
                format!("+{}", usd(d))
            }
        }
        (None, Some(_)) => "added".into(),
        (Some(_), None) => "removed".into(),
        _ => String::new(),
    }
}

/// `stay` or `stay → migrate_now`.
pub fn changed_text<T: Code + PartialEq>(c: &Change<T>) -> String {
    let show = |v: &Option<T>| v.as_ref().map_or_else(|| "—".into(), |v| v.code().to_string());
    if c.changed() {
        format!("{} → {}", show(&c.old), show(&c.new))
    } else {
        show(&c.new)
    }
}

/// One phase's row.
pub fn phase_row(p: &PhaseDiff) -> [String; 8] {
    [
        format!("{} {}", p.phase, p.name),
        money(p.aws_monthly_usd.new.or(p.aws_monthly_usd.old)),
        delta(&p.aws_monthly_usd),
        money(p.self_hosted_monthly_usd.new.or(p.self_hosted_monthly_usd.old)),
        delta(&p.self_hosted_monthly_usd),
        money(p.net_monthly_benefit_usd.new.or(p.net_monthly_benefit_usd.old)),
        delta(&p.net_monthly_benefit_usd),
        changed_text(&p.decision),
    ]
}

/// One changed service's row.
pub fn service_row(p: &PhaseDiff, s: &ServiceDiff) -> [String; 6] {
    [
        p.phase.to_string(),
        s.side.replace('_', "-"),
        s.service.clone(),
        money(s.monthly_usd.old),
        money(s.monthly_usd.new),
        delta(&s.monthly_usd),
    ]
}

/// One moved price's row.
pub fn price_row(m: &MovedPrice) -> [String; 5] {
    [
        m.price_id.clone(),
        m.item.clone(),
        format!("{} per {}", unit_price(m.old_usd), m.unit),
        format!("{} per {}", unit_price(m.new_usd), m.unit),
        m.change_percent
            .map_or_else(|| "n/a".into(), |p| format!("{}{p}%", if p.is_sign_negative() { "" } else { "+" })),
    ]
}

/// `name: OLD (price book, snapshot) → NEW (...)`.
pub fn heading(d: &PlanDiff) -> String {
    let side = |l: &crate::plan::diff::PlanLabel| {
        format!("{} (price book {}, snapshot {})", l.label, l.price_book, l.price_book_snapshot)
    };
    format!("{}: {} → {}", d.new.scenario, side(&d.old), side(&d.new))
}

/// One sentence on what changed.
pub fn summary(d: &PlanDiff) -> String {
    if d.is_empty() {
        return "No differences.".into();
    }
    let flips = d.flipped().count();
    format!(
        "{} phase(s) changed, {} decision(s) flipped, {} price(s) moved, {} field(s) differ in all{}.",
        d.changed_phases().count(),
        flips,
        d.moved_prices.len(),
        d.fields.len(),
        if d.decision_tree.changed() { "; the decision tree's outcome changed" } else { "" }
    )
}
