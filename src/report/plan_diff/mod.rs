//! The plan diff document's renderers (`plan --compare-to`, and each differing golden of
//! `scenarios check`), one per format (`table`, `markdown`, `json`), and the cells the table and
//! Markdown share: one row per phase, per changed service, per moved price, and the heading.
//! Decisions and outcomes are the plans' own codes, as the JSON they compare holds them (in words
//! in other languages than English).

pub mod json;
pub mod markdown;
pub mod table;

use anyhow::Result;
use rust_decimal::Decimal;

use super::{unsupported, Format, Render};
use crate::i18n::Locale;
use crate::plan::diff::{Change, MovedPrice, PhaseDiff, PlanDiff, ServiceDiff};
use crate::report::wording::phase_name;
use crate::tr;
use crate::units::{unit_price, usd};

/// The renderer of a plan diff in a format and locale.
pub fn renderer(format: Format, locale: &Locale) -> Result<Box<dyn Render<PlanDiff>>> {
    Ok(match format {
        Format::Table => Box::new(table::Table { locale: locale.clone() }),
        Format::Json => Box::new(json::Json),
        Format::Markdown => Box::new(markdown::Markdown { level: 3, locale: locale.clone() }),
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
pub const PHASE_HEADER: [&str; 8] = [
    "col-phase",
    "col-aws-per-month",
    "col-delta-aws",
    "col-self-hosted-per-month",
    "col-delta-self-hosted",
    "col-net-benefit-per-month",
    "col-delta-net",
    "col-decision",
];

/// Header of the per-service rows.
pub const SERVICE_HEADER: [&str; 6] =
    ["col-phase", "col-side", "col-service", "col-old-per-month", "col-new-per-month", "col-delta"];

/// Header of the moved-price rows.
pub const PRICE_HEADER: [&str; 5] = ["col-price", "col-item", "col-old", "col-new", "col-change"];

fn money(v: Option<Decimal>) -> String {
    v.map_or_else(|| "—".to_string(), usd)
}

/// `+$1.90`, `-$3.00` or empty when equal.
pub fn delta(l: &Locale, c: &Change<Decimal>) -> String {
    match (c.old, c.new) {
        (Some(o), Some(n)) if o != n => {
            let d = n - o;
            if d.is_sign_negative() {
                usd(d)
            } else {
                format!("+{}", usd(d))
            }
        }
        (None, Some(_)) => l.t("diff-added"),
        (Some(_), None) => l.t("diff-removed"),
        _ => String::new(),
    }
}

/// `stay` or `stay → migrate_now`.
pub fn changed_text<T: Code + PartialEq>(l: &Locale, c: &Change<T>) -> String {
    let show = |v: &Option<T>| v.as_ref().map_or_else(|| "—".into(), |v| l.term(v.code()));
    if c.changed() {
        format!("{} → {}", show(&c.old), show(&c.new))
    } else {
        show(&c.new)
    }
}

/// One phase's row.
pub fn phase_row(l: &Locale, p: &PhaseDiff) -> [String; 8] {
    [
        format!("{} {}", p.phase, phase_name(l, &p.name)),
        money(p.aws_monthly_usd.new.or(p.aws_monthly_usd.old)),
        delta(l, &p.aws_monthly_usd),
        money(p.self_hosted_monthly_usd.new.or(p.self_hosted_monthly_usd.old)),
        delta(l, &p.self_hosted_monthly_usd),
        money(p.net_monthly_benefit_usd.new.or(p.net_monthly_benefit_usd.old)),
        delta(l, &p.net_monthly_benefit_usd),
        changed_text(l, &p.decision),
    ]
}

/// One changed service's row.
pub fn service_row(l: &Locale, p: &PhaseDiff, s: &ServiceDiff) -> [String; 6] {
    [
        p.phase.to_string(),
        l.term(&s.side.replace('_', "-")),
        if l.is_ko() { crate::report::wording::service_name(l, &s.service) } else { s.service.clone() },
        money(s.monthly_usd.old),
        money(s.monthly_usd.new),
        delta(l, &s.monthly_usd),
    ]
}

/// One moved price's row.
pub fn price_row(l: &Locale, m: &MovedPrice) -> [String; 5] {
    let per = |usd: Decimal| tr!(l, "diff-price-per", price = unit_price(usd), unit = l.unit(&m.unit));
    [
        m.price_id.clone(),
        l.item(&m.item),
        per(m.old_usd),
        per(m.new_usd),
        m.change_percent
            .map_or_else(|| "n/a".into(), |p| format!("{}{p}%", if p.is_sign_negative() { "" } else { "+" })),
    ]
}

/// `name: OLD (price book, snapshot) → NEW (...)`.
pub fn heading(l: &Locale, d: &PlanDiff) -> String {
    let side = |p: &crate::plan::diff::PlanLabel| {
        tr!(l, "diff-side", label = p.label, book = p.price_book, snapshot = p.price_book_snapshot)
    };
    format!("{}: {} → {}", d.new.scenario, side(&d.old), side(&d.new))
}

/// One sentence on what changed.
pub fn summary(l: &Locale, d: &PlanDiff) -> String {
    if d.is_empty() {
        return l.t("diff-none");
    }
    tr!(
        l,
        if d.decision_tree.changed() { "diff-summary-tree" } else { "diff-summary" },
        phases = d.changed_phases().count(),
        flips = d.flipped().count(),
        prices = d.moved_prices.len(),
        fields = d.fields.len()
    )
}
