//! `obs-cost pricing show|refresh|diff`: list the price book, refresh a region of it from the AWS
//! Price List, compare two books.

use std::collections::BTreeSet;

use anyhow::{bail, Result};

use crate::cli::{PricingDiffArgs, PricingRefreshArgs, PricingShowArgs, RefreshSourceArg, StatusArg};
use crate::error::CheckFailed;
use crate::output;
use crate::pricing::book::is_date;
use crate::pricing::refresh::{self, bulk, RefreshOptions, Source};
use crate::pricing::{diff as book_diff, PriceBook, PriceEntry, PriceStatus, RegionBook};
use crate::report;
use crate::report::price_book::{PriceBookSummary, PriceBookView, RegionSummary, RegionView, ServiceCounts};

fn matches(entry: &PriceEntry, service: &str) -> bool {
    let s = service.to_ascii_lowercase();
    entry.service_code.eq_ignore_ascii_case(&s)
        || entry.id.to_ascii_lowercase() == s
        || entry.id.to_ascii_lowercase().starts_with(&format!("{s}."))
}

fn status_of(arg: StatusArg) -> PriceStatus {
    match arg {
        StatusArg::Confirmed => PriceStatus::Confirmed,
        StatusArg::Derived => PriceStatus::Derived,
        StatusArg::Unconfirmed => PriceStatus::Unconfirmed,
    }
}

/// The service names `--service` accepts for these regions: service codes and id prefixes.
fn service_names<'a>(regions: &[&'a RegionBook]) -> BTreeSet<&'a str> {
    let mut names = BTreeSet::new();
    for e in regions.iter().flat_map(|r| &r.entries) {
        names.insert(e.service_code.as_str());
        names.insert(e.id.split('.').next().unwrap_or(&e.id));
    }
    names
}

/// `obs-cost pricing show`.
pub fn show(args: &PricingShowArgs, book: &PriceBook) -> Result<()> {
    if let Some(d) = &args.as_of {
        if !is_date(d) {
            bail!("--as-of '{d}' is not a date\nhint: give it as YYYY-MM-DD, e.g. 2026-11-01");
        }
    }
    let regions: Vec<&RegionBook> = match &args.region {
        Some(r) => vec![book.region(r)?],
        None => book.regions.values().collect(),
    };
    if let Some(service) = &args.service {
        if !regions.iter().flat_map(|r| &r.entries).any(|e| matches(e, service)) {
            let names = service_names(&regions);
            bail!(
                "unknown service '{service}': no price-book entry matches it{}\nhint: use an AWS service code or a price-id prefix: {}",
                crate::suggest::close_matches_tail(service, names.iter().copied()),
                names.into_iter().collect::<Vec<_>>().join(", ")
            );
        }
    }
    let by_service = |e: &&PriceEntry| args.service.as_deref().is_none_or(|s| matches(e, s));
    if args.summary {
        let view = summary(book, &regions, args, &by_service);
        let text = report::price_book::summary_renderer(args.format.into(), &super::locale(&args.lang, None)?)?
            .render(&view)?;
        return output::emit(&text, None);
    }
    let mut view = PriceBookView {
        origin: &book.origin,
        free_tiers: Vec::new(),
        regions: regions
            .iter()
            .map(|r| {
                let cutoff = r.stale_before(args.as_of.as_deref());
                let entries: Vec<&PriceEntry> = r
                    .entries
                    .iter()
                    .filter(by_service)
                    .filter(|e| args.status.is_none_or(|s| e.status == status_of(s)))
                    .filter(|e| !args.stale || e.is_stale(&cutoff))
                    .collect();
                let stale = entries.iter().filter(|e| e.is_stale(&cutoff)).map(|e| e.id.as_str()).collect();
                RegionView {
                    region: &r.region,
                    location: &r.location,
                    snapshot: &r.snapshot,
                    usage_type_prefix: &r.usage_type_prefix,
                    stale_before: cutoff,
                    entries,
                    stale,
                }
            })
            .collect(),
    };
    // Only the free tiers of the entries shown.
    view.free_tiers = book
        .free_tiers
        .iter()
        .filter(|f| view.regions.iter().flat_map(|r| &r.entries).any(|e| f.applies_to.contains(&e.id)))
        .collect();
    let text = report::price_book::renderer(args.format.into(), &super::locale(&args.lang, None)?)?.render(&view)?;
    output::emit(&text, None)
}

/// `pricing show --summary`: entry counts per region and service, by status, and stale.
fn summary<'a>(
    book: &'a PriceBook,
    regions: &[&'a RegionBook],
    args: &PricingShowArgs,
    by_service: &dyn Fn(&&PriceEntry) -> bool,
) -> PriceBookSummary<'a> {
    let regions = regions
        .iter()
        .map(|r| {
            let cutoff = r.stale_before(args.as_of.as_deref());
            let shown = RegionBook { entries: r.entries.iter().filter(by_service).cloned().collect(), ..(*r).clone() };
            let (per, all) = shown.status_counts(&cutoff);
            RegionSummary {
                region: &r.region,
                location: &r.location,
                snapshot: &r.snapshot,
                stale_before: cutoff,
                services: per.into_iter().map(|(service, counts)| ServiceCounts { service, counts }).collect(),
                all,
            }
        })
        .collect();
    PriceBookSummary { origin: &book.origin, as_of_given: args.as_of.is_some(), regions }
}

/// `obs-cost pricing refresh`.
pub fn refresh(args: &PricingRefreshArgs, book: &PriceBook) -> Result<()> {
    let snapshot_date = match &args.snapshot_date {
        Some(d) => d.clone(),
        None => refresh::today_utc(),
    };
    if args.max_offer_mb == 0 {
        bail!("--max-offer-mb must be at least 1");
    }
    let opts = RefreshOptions {
        region: args.region.clone(),
        services: args.services.iter().map(|s| s.trim().to_string()).filter(|s| !s.is_empty()).collect(),
        source: match args.source {
            RefreshSourceArg::Api => Source::Api,
            RefreshSourceArg::Bulk => Source::Bulk,
        },
        out_dir: args.output.clone().unwrap_or_else(|| refresh::default_out_dir(&snapshot_date)),
        bulk: bulk::BulkOptions {
            base_url: args.bulk_url.clone().unwrap_or_else(|| bulk::DEFAULT_BASE_URL.to_string()),
            max_bytes: args.max_offer_mb.saturating_mul(1_000_000),
        },
        snapshot_date,
    };
    let report = refresh::refresh(&opts, book)?;
    let mut text = format!(
        "wrote {} ({} entries refreshed from the AWS Price List via --source {}",
        report.region_file.display(),
        report.refreshed.len(),
        opts.source.as_str()
    );
    if report.not_selected > 0 {
        text.push_str(&format!(", {} not selected by --services", report.not_selected));
    }
    text.push_str(&format!(
        ")\ncompare with: obs-cost pricing diff {} {}\nuse with: obs-cost --price-book {} ...\n",
        book.origin,
        report.region_file.display(),
        opts.out_dir.display()
    ));
    if !report.dropped.is_empty() {
        text.push_str(&format!(
            "{} entries could not be priced for this region and are left out:\n{}\n",
            report.dropped.len(),
            refresh::reasons(&report.dropped)
        ));
    }
    output::emit(&text, None)?;
    if !report.kept.is_empty() {
        return Err(CheckFailed(format!(
            "{} of {} entries could not be refreshed and were kept unchanged from the {} price book:\n{}",
            report.kept.len(),
            report.kept.len() + report.refreshed.len(),
            book.origin,
            refresh::reasons(&report.kept)
        ))
        .into());
    }
    Ok(())
}

/// `obs-cost pricing diff`.
pub fn diff(args: &PricingDiffArgs) -> Result<()> {
    let old = book_diff::load_regions(&args.old)?;
    let new = book_diff::load_regions(&args.new)?;
    let mut d = book_diff::diff(&args.old.display().to_string(), &old, &args.new.display().to_string(), &new);
    flips(args, old, new, &mut d)?;
    let text = report::price_diff::renderer(args.format.into())?.render(&d)?;
    output::emit(&text, args.output.as_deref())
}

/// A whole price book for one side of a diff: a directory is read with its free tiers; `bundled`
/// is the bundled book; a single region file gets the bundled free tiers.
fn side_book(path: &std::path::Path, regions: book_diff::Regions) -> Result<PriceBook> {
    if path.is_dir() {
        return PriceBook::from_dir(path);
    }
    let bundled = PriceBook::bundled()?;
    if path.as_os_str() == "bundled" && !path.exists() {
        return Ok(bundled);
    }
    Ok(PriceBook { regions, free_tiers: bundled.free_tiers, origin: path.display().to_string() })
}

/// Plans the scenarios with both books and records the decisions that flip.
fn flips(
    args: &PricingDiffArgs,
    old: book_diff::Regions,
    new: book_diff::Regions,
    d: &mut book_diff::BookDiff,
) -> Result<()> {
    let dir = match &args.scenarios {
        Some(p) if p.as_os_str() == "none" => {
            d.scenarios_note = Some("--scenarios none".into());
            return Ok(());
        }
        Some(p) => p.clone(),
        None if std::path::Path::new("scenarios").is_dir() => "scenarios".into(),
        None => {
            d.scenarios_note = Some("no scenarios/ directory here; give --scenarios DIR".into());
            return Ok(());
        }
    };
    let (files, _) = crate::suite::discover(std::slice::from_ref(&dir))?;
    let old_book = side_book(&args.old, old)?;
    let new_book = side_book(&args.new, new)?;
    let (list, left_out) = crate::suite::decisions_that_flip(&files, &old_book, &new_book)?;
    let mut note = format!("{} scenario(s) of {} planned with both books", files.len() - left_out.len(), dir.display());
    if !left_out.is_empty() {
        note.push_str(&format!("; left out: {}", left_out.join(", ")));
    }
    d.scenarios_note = Some(note);
    d.scenario_decisions = Some(list);
    Ok(())
}
