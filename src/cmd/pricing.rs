//! `obs-cost pricing show`: list the price book, filtered by region and service.

use anyhow::{bail, Result};
use serde::Serialize;
use tabled::settings::Style;

use crate::cli::{PricingShowArgs, ShowFormatArg};
use crate::output;
use crate::pricing::{FreeTier, PriceBook, PriceEntry, RegionBook};
use crate::units::{group_thousands, unit_price};

#[derive(Serialize)]
struct ShowRegion<'a> {
    region: &'a str,
    location: &'a str,
    snapshot: &'a str,
    entries: Vec<&'a PriceEntry>,
}

#[derive(Serialize)]
struct Show<'a> {
    origin: &'a str,
    regions: Vec<ShowRegion<'a>>,
    free_tiers: Vec<&'a FreeTier>,
}

fn matches(entry: &PriceEntry, service: &str) -> bool {
    let s = service.to_ascii_lowercase();
    entry.service_code.eq_ignore_ascii_case(&s)
        || entry.id.to_ascii_lowercase() == s
        || entry.id.to_ascii_lowercase().starts_with(&format!("{s}."))
}

/// Tiers as `0–10,000: $0.30; 10,000–250,000: $0.10; over 250,000: $0.05`.
pub fn describe_tiers(entry: &PriceEntry) -> String {
    if entry.tiers.len() == 1 && entry.tiers[0].end.is_none() {
        return unit_price(entry.tiers[0].usd);
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

/// `obs-cost pricing show`.
pub fn show(args: &PricingShowArgs, book: &PriceBook) -> Result<()> {
    let regions: Vec<&RegionBook> = match &args.region {
        Some(r) => vec![book.region(r)?],
        None => book.regions.values().collect(),
    };
    let mut view = Show {
        origin: &book.origin,
        free_tiers: Vec::new(),
        regions: regions
            .iter()
            .map(|r| ShowRegion {
                region: &r.region,
                location: &r.location,
                snapshot: &r.snapshot,
                entries: r.entries.iter().filter(|e| args.service.as_deref().is_none_or(|s| matches(e, s))).collect(),
            })
            .collect(),
    };
    // Only the free tiers of the entries shown.
    view.free_tiers = book
        .free_tiers
        .iter()
        .filter(|f| view.regions.iter().flat_map(|r| &r.entries).any(|e| f.applies_to.contains(&e.id)))
        .collect();
    if view.regions.iter().all(|r| r.entries.is_empty()) {
        let services: std::collections::BTreeSet<_> =
            regions.iter().flat_map(|r| r.entries.iter().map(|e| e.service_code.as_str())).collect();
        bail!(
            "no price-book entry matches service '{}'\nhint: use an AWS service code ({}) or a price-id prefix such as cloudwatch_logs",
            args.service.as_deref().unwrap_or_default(),
            services.into_iter().collect::<Vec<_>>().join(", ")
        );
    }
    let text = match args.format {
        ShowFormatArg::Json => serde_json::to_string_pretty(&view)? + "\n",
        ShowFormatArg::Yaml => serde_yaml::to_string(&view)?,
        ShowFormatArg::Table => table(&view),
    };
    output::emit(&text, None)
}

fn table(view: &Show<'_>) -> String {
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
