//! `obs-cost pricing refresh`: re-reads every price-book entry of a region from the AWS Price List
//! (`api`: the Query API with credentials; `bulk`: the public offer files) and writes a new dated
//! snapshot in the price-book format, `<DIR>/<region>.yaml` plus a copy of `free-tiers.yaml`, so
//! that `--price-book DIR` reads it. The book's entries are the list of what to refresh; an entry
//! that cannot be refreshed is kept from the old book unchanged and reported.
//! This module owns the orchestration and the snapshot; `offer` owns the AWS data model.

pub mod api;
pub mod bulk;
pub mod offer;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};

use crate::output;
use crate::pricing::book::{parse_region, SCHEMA_VERSION};
use crate::pricing::{PriceBook, PriceEntry, PriceStatus, RegionBook};
use offer::{usage_type_prefix, Selector};

/// Which AWS source to read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    /// The Price List Query API (GetProducts), with AWS credentials.
    Api,
    /// The public bulk offer files, no credentials.
    Bulk,
}

impl Source {
    /// `api` or `bulk`.
    pub fn as_str(self) -> &'static str {
        match self {
            Source::Api => "api",
            Source::Bulk => "bulk",
        }
    }
}

/// A validated refresh request.
#[derive(Debug, Clone)]
pub struct RefreshOptions {
    /// Region to refresh.
    pub region: String,
    /// Only entries of these services (service codes or price-id prefixes); empty means all.
    pub services: Vec<String>,
    /// Where to read prices.
    pub source: Source,
    /// Directory the snapshot is written to.
    pub out_dir: PathBuf,
    /// The snapshot date (`YYYY-MM-DD`), normally today (UTC).
    pub snapshot_date: String,
    /// Bulk-file location and size limit.
    pub bulk: bulk::BulkOptions,
}

/// An entry that was not refreshed, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotRefreshed {
    /// Price id.
    pub id: String,
    /// The error, naming entry, service code, region and usage type.
    pub reason: String,
}

/// What a refresh did.
#[derive(Debug, Clone)]
pub struct RefreshReport {
    /// The region file written.
    pub region_file: PathBuf,
    /// Ids refreshed from AWS.
    pub refreshed: Vec<String>,
    /// Entries kept unchanged from the old book (refresh failed).
    pub kept: Vec<NotRefreshed>,
    /// Entries left out (a region new to the book, whose template entry could not be refreshed).
    pub dropped: Vec<NotRefreshed>,
    /// Entries not selected by `--services`: kept unchanged (left out for a region new to the book).
    pub not_selected: usize,
}

/// Region code → (Price List `location`, usage-type prefix): the regions the refresh accepts.
/// Only us-east-1 and ap-northeast-2 (and the prefixes in aws-prices.md §7) are checked against
/// AWS data here; a snapshot records the `location` and prefix the returned products actually
/// carry, and the table's `location` is used only to rewrite `fromLocation`-style attributes of
/// the us-east-1 template for a region the book does not have yet.
pub const REGIONS: &[(&str, &str, &str)] = &[
    ("us-east-1", "US East (N. Virginia)", "USE1"),
    ("us-east-2", "US East (Ohio)", "USE2"),
    ("us-west-1", "US West (N. California)", "USW1"),
    ("us-west-2", "US West (Oregon)", "USW2"),
    ("ca-central-1", "Canada (Central)", "CAN1"),
    ("sa-east-1", "South America (Sao Paulo)", "SAE1"),
    ("eu-west-1", "EU (Ireland)", "EU"),
    ("eu-west-2", "EU (London)", "EUW2"),
    ("eu-west-3", "EU (Paris)", "EUW3"),
    ("eu-central-1", "EU (Frankfurt)", "EUC1"),
    ("eu-north-1", "EU (Stockholm)", "EUN1"),
    ("ap-northeast-1", "Asia Pacific (Tokyo)", "APN1"),
    ("ap-northeast-2", "Asia Pacific (Seoul)", "APN2"),
    ("ap-northeast-3", "Asia Pacific (Osaka)", "APN3"),
    ("ap-southeast-1", "Asia Pacific (Singapore)", "APS1"),
    ("ap-southeast-2", "Asia Pacific (Sydney)", "APS2"),
    ("ap-south-1", "Asia Pacific (Mumbai)", "APS3"),
];

/// The region whose entries serve as the list to refresh for a region the book does not have yet.
const TEMPLATE_REGION: &str = "us-east-1";

fn region_info(region: &str) -> Result<(&'static str, &'static str)> {
    REGIONS.iter().find(|(code, _, _)| *code == region).map(|(_, loc, prefix)| (*loc, *prefix)).ok_or_else(|| {
        anyhow::anyhow!(
            "region '{region}' is not a region the AWS Price List refresh knows\nhint: use one of {}",
            REGIONS.iter().map(|r| r.0).collect::<Vec<_>>().join(", ")
        )
    })
}

/// Whether an entry belongs to one of the `--services` values (service code, or price-id prefix).
pub fn selects(entry: &PriceEntry, service: &str) -> bool {
    let s = service.to_ascii_lowercase();
    let id = entry.id.to_ascii_lowercase();
    entry.service_code.eq_ignore_ascii_case(&s) || id == s || id.starts_with(&format!("{s}."))
}

/// Runs a refresh against `book` (the bundled book or `--price-book`) and writes the snapshot.
pub fn refresh(opts: &RefreshOptions, book: &PriceBook) -> Result<RefreshReport> {
    let region = opts.region.as_str();
    let (location, table_prefix) = region_info(region)?;
    // The old book of the region, or a template whose location attributes name this region.
    let (old, is_new) = match book.regions.get(region) {
        Some(r) => (r.clone(), false),
        None => {
            let template = book.region(TEMPLATE_REGION)?;
            let mut r = template.clone();
            r.region = region.to_string();
            r.location = location.to_string();
            r.usage_type_prefix = table_prefix.to_string();
            for e in &mut r.entries {
                for v in e.attributes.values_mut() {
                    if *v == template.location {
                        *v = location.to_string();
                    }
                }
            }
            (r, true)
        }
    };
    let chosen: Vec<(usize, &PriceEntry)> = old
        .entries
        .iter()
        .enumerate()
        .filter(|(_, e)| opts.services.is_empty() || opts.services.iter().any(|s| selects(e, s)))
        .collect();
    if chosen.is_empty() {
        let codes: std::collections::BTreeSet<&str> = old.entries.iter().map(|e| e.service_code.as_str()).collect();
        bail!(
            "--services {} selects no entry of the {region} price book\nhint: use service codes ({}) or price-id prefixes such as cloudwatch_logs",
            opts.services.join(","),
            codes.into_iter().collect::<Vec<_>>().join(", ")
        );
    }
    let selectors: Vec<Selector<'_>> = chosen.iter().map(|&(_, e)| Selector::new(e, region)).collect();
    let fetched = match opts.source {
        Source::Api => api::fetch(region, &selectors, &opts.snapshot_date)?,
        Source::Bulk => bulk::fetch(region, &selectors, &opts.bulk, &opts.snapshot_date)?,
    };
    if fetched.iter().all(|f| matches!(f, Ok(c) if c.is_empty())) {
        bail!(
            "the AWS Price List has no products in region '{region}' for any of the {} entries asked for\nhint: check the region code; a region AWS does not price (or a typo) finds nothing",
            selectors.len()
        );
    }

    let mut report = RefreshReport {
        region_file: opts.out_dir.join(format!("{region}.yaml")),
        refreshed: Vec::new(),
        kept: Vec::new(),
        dropped: Vec::new(),
        not_selected: old.entries.len() - chosen.len(),
    };
    let mut replaced: BTreeMap<usize, Option<PriceEntry>> = BTreeMap::new();
    let mut prefixes: BTreeMap<String, usize> = BTreeMap::new();
    let mut locations: BTreeMap<String, usize> = BTreeMap::new();
    for ((&(i, e), sel), fetch) in chosen.iter().zip(&selectors).zip(fetched) {
        let outcome = fetch.and_then(|cands| offer::select(sel, &cands, &book.free_tiers, &opts.snapshot_date));
        match outcome {
            Ok(r) => {
                if let Some(p) = usage_type_prefix(&r.aws_usage_type, &e.usage_type) {
                    *prefixes.entry(p.to_string()).or_default() += 1;
                }
                if let Some(l) = &r.location {
                    *locations.entry(l.clone()).or_default() += 1;
                }
                let mut n = e.clone();
                n.tiers = r.tiers;
                n.source = r.source;
                n.as_of = r.as_of;
                n.status = PriceStatus::Confirmed;
                n.derived_from = None;
                n.rule = None;
                n.note = None;
                replaced.insert(i, Some(n));
                report.refreshed.push(e.id.clone());
            }
            Err(reason) if is_new => {
                replaced.insert(i, None);
                report.dropped.push(NotRefreshed { id: e.id.clone(), reason });
            }
            Err(reason) => report.kept.push(NotRefreshed { id: e.id.clone(), reason }),
        }
    }
    if report.refreshed.is_empty() && !report.kept.is_empty() {
        // Nothing came from AWS: a snapshot would only be the old book under a new date.
        let mut distinct: Vec<&str> = Vec::new();
        for n in &report.kept {
            let why = n.reason.split_once("): ").map_or(n.reason.as_str(), |(_, why)| why);
            if !distinct.contains(&why) {
                distinct.push(why);
            }
        }
        bail!(
            "none of the {} entries could be refreshed from the AWS Price List, so nothing was written:\n{}\nhint: fix what is named above and run again; the price book in use is unchanged",
            report.kept.len(),
            distinct.iter().map(|w| format!("  - {}", w.replace('\n', "\n    "))).collect::<Vec<_>>().join("\n")
        );
    }
    let mut entries: Vec<PriceEntry> = old
        .entries
        .iter()
        .enumerate()
        .filter_map(|(i, e)| match replaced.remove(&i) {
            Some(new) => new,
            // A new region holds only what was refreshed for it, never the template's prices.
            None if is_new => None,
            None => Some(e.clone()),
        })
        .collect();
    // A derived price follows its refreshed base, so that the snapshot's rules still hold.
    crate::pricing::book::rederive(&mut entries);
    if entries.is_empty() {
        bail!(
            "no entry of region '{region}' could be refreshed, so there is no snapshot to write:\n{}\nhint: fix what is named above and run again, or pick a region the book has",
            reasons(&report.dropped)
        );
    }
    // The prefix AWS actually used most for this region, else the one the book or table had.
    let usage_type_prefix =
        prefixes.into_iter().max_by_key(|(_, n)| *n).map(|(p, _)| p).unwrap_or(old.usage_type_prefix.clone());
    // Likewise the region name as the Price List spells it.
    let location = locations.into_iter().max_by_key(|(_, n)| *n).map(|(l, _)| l).unwrap_or(old.location.clone());
    let new_book = RegionBook {
        schema_version: SCHEMA_VERSION,
        region: region.to_string(),
        location,
        usage_type_prefix,
        snapshot: opts.snapshot_date.clone(),
        entries,
    };
    write_snapshot(opts, book, &new_book, &report)?;
    Ok(report)
}

/// One line per reason, indented.
pub fn reasons(items: &[NotRefreshed]) -> String {
    items.iter().map(|n| format!("  - {}", n.reason.replace('\n', "\n    "))).collect::<Vec<_>>().join("\n")
}

fn write_snapshot(
    opts: &RefreshOptions,
    book: &PriceBook,
    new_book: &RegionBook,
    report: &RefreshReport,
) -> Result<()> {
    let body = serde_yaml::to_string(new_book).context("cannot serialize the refreshed price book")?;
    let header = format!(
        "# AWS on-demand list prices, {} ({}). Format: see pricing-data/README.md.\n\
         # Written by `obs-cost pricing refresh --region {} --source {}` on {}: {} entries refreshed from AWS,\n\
         # {} kept unchanged from the {} price book (see each entry's source and as_of).\n",
        new_book.location,
        new_book.region,
        new_book.region,
        opts.source.as_str(),
        opts.snapshot_date,
        report.refreshed.len(),
        new_book.entries.len() - report.refreshed.len(),
        book.origin
    );
    let text = header + &body;
    // Never write a file the loader would refuse.
    parse_region(&report.region_file, &text)
        .context("the refreshed price book does not validate; this is a bug in obs-cost, please report it")?;
    output::write_atomic(&report.region_file, text.as_bytes())?;
    let free = serde_yaml::to_string(&book.free_tier_book()).context("cannot serialize the free tiers")?;
    let free_path = opts.out_dir.join("free-tiers.yaml");
    let free_text = format!(
        "# Account-wide monthly free allowances, copied from the {} price book by `obs-cost pricing refresh`\n# (the Price List carries no free tiers), so that `--price-book {}` works.\n{free}",
        book.origin,
        opts.out_dir.display()
    );
    output::write_atomic(&free_path, free_text.as_bytes())?;
    Ok(())
}

/// Today's date in UTC, `YYYY-MM-DD`.
pub fn today_utc() -> String {
    let secs = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs());
    civil_date((secs / 86_400) as i64)
}

/// Days since 1970-01-01 → `YYYY-MM-DD` (Howard Hinnant's civil-from-days).
fn civil_date(days: i64) -> String {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!("{y:04}-{m:02}-{d:02}")
}

/// The default output directory for a snapshot date.
pub fn default_out_dir(date: &str) -> PathBuf {
    Path::new("price-book").join(date)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn civil_dates() {
        assert_eq!(civil_date(0), "1970-01-01");
        assert_eq!(civil_date(20_454), "2026-01-01");
        assert_eq!(civil_date(11_016), "2000-02-29");
        assert_eq!(today_utc().len(), 10);
    }

    #[test]
    fn unknown_regions_are_named() {
        let err = region_info("mars-north-1").unwrap_err().to_string();
        assert!(err.contains("'mars-north-1'") && err.contains("ap-northeast-2"), "{err}");
    }
}
