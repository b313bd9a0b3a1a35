//! `obs-cost pricing diff OLD NEW`: which prices changed between two price books (directories of
//! region files, single region files, or `bundled`), by how much (absolute and percent), and which
//! entries were added or removed. Pure comparison (reading files is `load_regions`; rendering is
//! `report::price_diff`).

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use anyhow::{bail, Context, Result};
use rust_decimal::Decimal;
use serde::Serialize;

use crate::pricing::book::parse_region;
use crate::pricing::{PriceBook, PriceEntry, RegionBook};
use crate::units::{change_percent, unit_price};

/// Region code → region book, as read from one side of a diff.
pub type Regions = BTreeMap<String, RegionBook>;

/// Reads one side: `bundled`, a directory (every `<region>.yaml`; `free-tiers.yaml` is not
/// compared), or one region file.
pub fn load_regions(path: &Path) -> Result<Regions> {
    if path.as_os_str() == "bundled" && !path.exists() {
        return Ok(PriceBook::bundled()?.regions);
    }
    let mut out = Regions::new();
    let mut files = Vec::new();
    if path.is_dir() {
        let listing = std::fs::read_dir(path).with_context(|| format!("cannot read directory '{}'", path.display()))?;
        for item in listing {
            let p = item.with_context(|| format!("cannot list '{}'", path.display()))?.path();
            let name = p.file_name().and_then(|n| n.to_str()).unwrap_or_default();
            if name.ends_with(".yaml") && name != "free-tiers.yaml" {
                files.push(p);
            }
        }
        files.sort();
        if files.is_empty() {
            bail!("'{}' has no region files (<region>.yaml) to compare", path.display());
        }
    } else if path.is_file() {
        files.push(path.to_path_buf());
    } else {
        bail!(
            "'{}' does not exist\nhint: give two price-book directories or region files, or `bundled`",
            path.display()
        );
    }
    for f in files {
        let text = crate::input::read_text(&f, crate::input::PRICE_BOOK)?;
        let book = parse_region(&f, &text)?;
        if out.insert(book.region.clone(), book).is_some() {
            bail!("'{}' repeats a region already read from another file", f.display());
        }
    }
    Ok(out)
}

/// One price that differs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PriceChange {
    /// Region code.
    pub region: String,
    /// Price id.
    pub id: String,
    /// The entry's unit (in NEW).
    pub unit: String,
    /// Start of the tier, in `unit`; `None` when the tiers were restructured (see `old_tiers`).
    #[serde(with = "rust_decimal::serde::str_option")]
    pub tier_begin: Option<Decimal>,
    /// Old price per unit (USD), or `None` when the tiers were restructured.
    #[serde(with = "rust_decimal::serde::str_option")]
    pub old_usd: Option<Decimal>,
    /// New price per unit (USD).
    #[serde(with = "rust_decimal::serde::str_option")]
    pub new_usd: Option<Decimal>,
    /// `new - old`.
    #[serde(with = "rust_decimal::serde::str_option")]
    pub change_usd: Option<Decimal>,
    /// `(new - old) / old × 100`, rounded to 2 decimals; `None` when old is 0 or unknown.
    #[serde(with = "rust_decimal::serde::str_option")]
    pub change_percent: Option<Decimal>,
    /// Old tiers as text, when the ranges or unit changed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub old_tiers: Option<String>,
    /// New tiers as text, when the ranges or unit changed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub new_tiers: Option<String>,
    /// Old and new `as_of`.
    pub as_of: [String; 2],
    /// Old and new `status`.
    pub status: [String; 2],
}

/// An entry in one book only.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EntryRef {
    /// Region code.
    pub region: String,
    /// Price id.
    pub id: String,
    /// Its tiers as text.
    pub tiers: String,
}

/// The comparison of two price books.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BookDiff {
    /// What OLD was.
    pub old: String,
    /// What NEW was.
    pub new: String,
    /// Prices that differ, by region and id.
    pub changed: Vec<PriceChange>,
    /// Entries only in NEW.
    pub added: Vec<EntryRef>,
    /// Entries only in OLD.
    pub removed: Vec<EntryRef>,
    /// Entries in both with the same tiers and unit.
    pub unchanged: usize,
    /// Regions only in OLD.
    pub regions_removed: Vec<String>,
    /// Regions only in NEW.
    pub regions_added: Vec<String>,
    /// Scenarios whose decisions flip with the new prices (filled in by `cmd::pricing`, which plans
    /// them with both books); `None` when not evaluated (see `scenarios_note`).
    pub scenario_decisions: Option<Vec<FlippedDecision>>,
    /// Why scenarios were not evaluated, or which were left out.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub scenarios_note: Option<String>,
}

/// A scenario whose choice (move or keep a service, in some phase) changes with the new prices.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FlippedDecision {
    /// Scenario file.
    pub scenario: String,
    /// Phase and service.
    pub what: String,
    /// Decision with the old prices.
    pub old: String,
    /// Decision with the new prices.
    pub new: String,
}

fn tiers_text(e: &PriceEntry) -> String {
    let tiers: Vec<String> = e
        .tiers
        .iter()
        .map(|t| match t.end {
            Some(end) => format!("{}-{}: {}", t.begin, end, unit_price(t.usd)),
            None if t.begin.is_zero() => unit_price(t.usd),
            None => format!("over {}: {}", t.begin, unit_price(t.usd)),
        })
        .collect();
    format!("{} per {}", tiers.join("; "), e.unit)
}

/// Compares two books.
pub fn diff(old_label: &str, old: &Regions, new_label: &str, new: &Regions) -> BookDiff {
    let mut d = BookDiff {
        old: old_label.to_string(),
        new: new_label.to_string(),
        changed: Vec::new(),
        added: Vec::new(),
        removed: Vec::new(),
        unchanged: 0,
        regions_removed: old.keys().filter(|r| !new.contains_key(*r)).cloned().collect(),
        regions_added: new.keys().filter(|r| !old.contains_key(*r)).cloned().collect(),
        scenario_decisions: None,
        scenarios_note: None,
    };
    for (region, ob) in old {
        let Some(nb) = new.get(region) else { continue };
        let old_ids: BTreeMap<&str, &PriceEntry> = ob.entries.iter().map(|e| (e.id.as_str(), e)).collect();
        let new_ids: BTreeMap<&str, &PriceEntry> = nb.entries.iter().map(|e| (e.id.as_str(), e)).collect();
        let all: BTreeSet<&str> = old_ids.keys().chain(new_ids.keys()).copied().collect();
        for id in all {
            match (old_ids.get(id), new_ids.get(id)) {
                (Some(o), Some(n)) => compare(region, o, n, &mut d),
                (Some(o), None) => {
                    d.removed.push(EntryRef { region: region.clone(), id: id.into(), tiers: tiers_text(o) })
                }
                (None, Some(n)) => {
                    d.added.push(EntryRef { region: region.clone(), id: id.into(), tiers: tiers_text(n) })
                }
                (None, None) => {}
            }
        }
    }
    d
}

fn compare(region: &str, o: &PriceEntry, n: &PriceEntry, d: &mut BookDiff) {
    let base = PriceChange {
        region: region.to_string(),
        id: n.id.clone(),
        unit: n.unit.clone(),
        tier_begin: None,
        old_usd: None,
        new_usd: None,
        change_usd: None,
        change_percent: None,
        old_tiers: None,
        new_tiers: None,
        as_of: [o.as_of.clone(), n.as_of.clone()],
        status: [o.status.as_str().to_string(), n.status.as_str().to_string()],
    };
    let same_shape = o.unit == n.unit
        && o.tiers.len() == n.tiers.len()
        && o.tiers.iter().zip(&n.tiers).all(|(a, b)| a.begin == b.begin && a.end == b.end);
    if !same_shape {
        d.changed.push(PriceChange { old_tiers: Some(tiers_text(o)), new_tiers: Some(tiers_text(n)), ..base });
        return;
    }
    let mut any = false;
    for (a, b) in o.tiers.iter().zip(&n.tiers) {
        if a.usd != b.usd {
            any = true;
            d.changed.push(PriceChange {
                tier_begin: Some(a.begin),
                old_usd: Some(a.usd),
                new_usd: Some(b.usd),
                change_usd: Some((b.usd - a.usd).normalize()),
                change_percent: change_percent(a.usd, b.usd),
                ..base.clone()
            });
        }
    }
    if !any {
        d.unchanged += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn book(text: &str) -> Regions {
        let b = parse_region(Path::new("t.yaml"), text).unwrap();
        [(b.region.clone(), b)].into()
    }

    const OLD: &str = r#"
schema_version: 1
region: test-1
location: Test
snapshot: 2026-11-01
entries:
  - {id: a, service_code: S, description: d, usage_type: U, unit: GB, tiers: [{begin: "0", usd: "0.50"}], source: s, as_of: 2026-11-01, status: unconfirmed, note: n}
  - {id: b, service_code: S, description: d, usage_type: V, unit: GB, tiers: [{begin: "0", usd: "1"}], source: s, as_of: 2026-11-01, status: confirmed}
  - {id: gone, service_code: S, description: d, usage_type: W, unit: GB, tiers: [{begin: "0", usd: "1"}], source: s, as_of: 2026-11-01, status: confirmed}
"#;
    const NEW: &str = r#"
schema_version: 1
region: test-1
location: Test
snapshot: 2026-11-22
entries:
  - {id: a, service_code: S, description: d, usage_type: U, unit: GB, tiers: [{begin: "0", usd: "0.55"}], source: s, as_of: 2026-11-20, status: confirmed}
  - {id: b, service_code: S, description: d, usage_type: V, unit: GB, tiers: [{begin: "0", usd: "1.000"}], source: s, as_of: 2026-11-20, status: confirmed}
  - {id: new, service_code: S, description: d, usage_type: X, unit: GB, tiers: [{begin: "0", end: "10", usd: "1"}, {begin: "10", usd: "0.5"}], source: s, as_of: 2026-11-20, status: confirmed}
"#;

    #[test]
    fn changes_are_absolute_and_percent_and_equal_decimals_are_unchanged() {
        let d = diff("old", &book(OLD), "new", &book(NEW));
        assert_eq!(d.changed.len(), 1);
        let c = &d.changed[0];
        assert_eq!(
            (c.id.as_str(), c.change_usd, c.change_percent),
            ("a", Some(Decimal::new(5, 2)), Some(Decimal::from(10)))
        );
        assert_eq!(d.unchanged, 1);
        assert_eq!(d.added[0].id, "new");
        assert_eq!(d.removed[0].id, "gone");
        let json: serde_json::Value = serde_json::to_value(&d).unwrap();
        assert_eq!(json["changed"][0]["change_percent"], "10.00");
        assert!(json["scenario_decisions"].is_null());
    }
}
