//! Pricing cost components: looks each one up in the price book, applies the account-wide free
//! tiers and splits quantities across price tiers. The only place that multiplies money.

use std::collections::BTreeMap;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::model::CostComponent;
use crate::pricing::{LookupError, PriceBook, PriceEntry, PriceStatus};
use crate::units::{group_thousands, Exact, Money};

/// One priced line: a quantity in one price tier (or the free tier) times its unit price. This is
/// also the `line_items[]` entry of the estimate and plan JSON, field for field.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LineItem {
    /// What is billed, with the tier in brackets when the price is tiered.
    pub name: String,
    /// Monthly quantity in `unit`, exact; null when the usage is unknown.
    pub quantity: Option<Exact>,
    /// Unit of the quantity and of the unit price, e.g. `GB`, `metric-month`, `hour`.
    pub unit: String,
    /// USD per unit, exact (0 for the free-tier part; the first tier's price when usage is unknown).
    pub unit_price_usd: Exact,
    /// USD for the month (exact in memory, to the cent when written); null when the usage is unknown.
    pub monthly_usd: Option<Money>,
    /// The price-book entry's status: `confirmed`, `derived` or `unconfirmed`.
    pub price_status: PriceStatus,
    /// Whether the price's source date is older than the stale cutoff of the region's book (18
    /// months before its snapshot date): `pricing refresh` renews it. False in plans of builds
    /// before it.
    #[serde(default)]
    pub price_stale: bool,
    /// Whether this is the part of the quantity the free tier covers.
    pub free_tier: bool,
    /// Price-book id of the entry that priced it.
    pub price_id: String,
    /// AWS service code.
    pub service_code: String,
    /// AWS usage type (without the region prefix).
    pub usage_type: String,
    /// The date the price's source gave it for.
    pub price_as_of: String,
}

/// Where a price came from (the `unconfirmed_prices[]` entry of the plan JSON).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct PriceRef {
    /// Price-book id, e.g. `cloudwatch.metrics`.
    pub id: String,
    /// Region of the entry.
    pub region: String,
    /// AWS service code.
    pub service_code: String,
    /// AWS usage type (without the region prefix).
    pub usage_type: String,
    /// `confirmed` or `unconfirmed`.
    pub status: PriceStatus,
    /// The date the source gave the price for.
    pub as_of: String,
    /// The source (URL or document).
    pub source: String,
    /// Why an entry is unconfirmed, or how it is derived, when it is.
    pub note: Option<String>,
    /// Whether the source date is older than the stale cutoff of the region's book (18 months
    /// before its snapshot date). Not part of any file format: the book is the reference.
    #[serde(skip)]
    pub stale: bool,
    /// For a derived price, its rule and base, e.g. `2 x rds.postgres.db.t3.large.single_az`.
    #[serde(skip)]
    pub derived: Option<String>,
}

/// A price used that is not a plain confirmed, fresh price: derived, unconfirmed or stale (the
/// `price_flags.prices[]` entry of the estimate and plan JSON).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FlaggedPrice {
    /// Price-book id.
    pub id: String,
    /// `confirmed`, `derived` or `unconfirmed`.
    pub status: PriceStatus,
    /// Whether its source is older than the stale cutoff.
    pub stale: bool,
    /// The date its source gave it for.
    pub as_of: String,
    /// For a derived price, its rule and base, e.g. `2 x rds.postgres.db.t3.large.single_az`.
    pub rule: Option<String>,
    /// Why it is unconfirmed (or how it is derived), as the price book says.
    pub note: Option<String>,
    /// Where the price was read (URL or document).
    pub source: String,
}

/// The derived, unconfirmed and stale prices a document uses, counted and listed, with the command
/// that renews them (the `price_flags` of the estimate and plan JSON).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PriceFlags {
    /// Derived prices used.
    pub derived: usize,
    /// Unconfirmed prices used.
    pub unconfirmed: usize,
    /// Stale prices used (whatever their status).
    pub stale: usize,
    /// Each flagged price once, by id.
    pub prices: Vec<FlaggedPrice>,
    /// The command that re-reads them from AWS (empty when nothing is flagged).
    pub refresh: String,
}

impl PriceFlags {
    /// The flags of the prices `used` in `region` (each once).
    pub fn of<'a>(region: &str, used: impl IntoIterator<Item = &'a PriceRef>) -> PriceFlags {
        let mut by_id: BTreeMap<&str, &PriceRef> = BTreeMap::new();
        for p in used {
            by_id.entry(p.id.as_str()).or_insert(p);
        }
        let prices: Vec<FlaggedPrice> = by_id
            .into_values()
            .filter(|p| p.stale || p.status != PriceStatus::Confirmed)
            .map(|p| FlaggedPrice {
                id: p.id.clone(),
                status: p.status,
                stale: p.stale,
                as_of: p.as_of.clone(),
                rule: p.derived.clone(),
                note: p.note.clone(),
                source: p.source.clone(),
            })
            .collect();
        let count = |status: PriceStatus| prices.iter().filter(|p| p.status == status).count();
        PriceFlags {
            derived: count(PriceStatus::Derived),
            unconfirmed: count(PriceStatus::Unconfirmed),
            stale: prices.iter().filter(|p| p.stale).count(),
            refresh: if prices.is_empty() {
                String::new()
            } else {
                format!("obs-cost pricing refresh --region {region}")
            },
            prices,
        }
    }

    /// Whether no price is flagged.
    pub fn is_empty(&self) -> bool {
        self.prices.is_empty()
    }
}

/// The priced lines of one service (the `services[]` entry of the estimate and plan JSON).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ServiceCost {
    /// Usage-file key of the service, e.g. `cloudwatch_logs`, `rds`.
    pub service: String,
    /// Sum of the known line items (exact in memory, to the cent when written).
    pub monthly_usd: Money,
    /// The lines.
    pub line_items: Vec<LineItem>,
}

/// A priced set of services for one account, region and month.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Costing {
    /// Region priced.
    pub region: String,
    /// Whether the free tiers were applied.
    pub free_tier: bool,
    /// The services, in input order.
    pub services: Vec<ServiceCost>,
    /// Sum of every known line item, unrounded.
    pub total_monthly_usd: Decimal,
    /// Line items whose usage is unknown (excluded from the totals).
    pub unknown_line_items: usize,
    /// Every unconfirmed price used, once each, sorted by id.
    pub unconfirmed_prices: Vec<PriceRef>,
    /// Every price used, once each, sorted by id.
    pub prices: Vec<PriceRef>,
}

/// Free allowances left in a pricing run, shared across services (they are account-wide).
struct FreeTierState<'a> {
    /// price id → index of the pool it draws on.
    by_price: BTreeMap<&'a str, usize>,
    remaining: Vec<Decimal>,
}

impl Costing {
    /// The derived, unconfirmed and stale prices this costing uses.
    pub fn price_flags(&self) -> PriceFlags {
        PriceFlags::of(&self.region, &self.prices)
    }
}

impl<'a> FreeTierState<'a> {
    fn new(book: &'a PriceBook, enabled: bool) -> Self {
        let mut by_price = BTreeMap::new();
        let mut remaining = Vec::new();
        if enabled {
            for (i, ft) in book.free_tiers.iter().enumerate() {
                for id in &ft.applies_to {
                    by_price.insert(id.as_str(), i);
                }
                remaining.push(ft.quantity);
            }
        }
        FreeTierState { by_price, remaining }
    }

    /// Takes up to `quantity` from the pool of `price_id`; returns what was taken.
    fn take(&mut self, price_id: &str, quantity: Decimal) -> Decimal {
        match self.by_price.get(price_id) {
            Some(&pool) => {
                let Some(left) = self.remaining.get_mut(pool) else { return Decimal::ZERO };
                let taken = quantity.min(*left);
                *left -= taken;
                taken
            }
            None => Decimal::ZERO,
        }
    }
}

/// Prices groups of components `(service, components)` in one region, as one account.
pub fn price(
    book: &PriceBook,
    region: &str,
    free_tier: bool,
    groups: Vec<(&str, Vec<CostComponent>)>,
) -> Result<Costing, LookupError> {
    let cutoff = book.region(region)?.stale_before(None);
    let mut free = FreeTierState::new(book, free_tier);
    // Tier position per price id: tiers are account-wide, so a second component of the same price
    // continues where the first one ended.
    let mut used: BTreeMap<String, Decimal> = BTreeMap::new();
    let mut unconfirmed = BTreeMap::new();
    let mut prices = BTreeMap::new();
    let mut unknown_line_items = 0;
    let mut services: Vec<ServiceCost> = Vec::new();
    for (service, components) in groups {
        let mut lines = Vec::new();
        for c in components {
            let entry = book.lookup(region, &c.price).map_err(|e| match e {
                LookupError::NotFound { service_code, region, usage_type, id, .. } => LookupError::NotFound {
                    service_code,
                    region,
                    usage_type,
                    id,
                    item: format!(", for {service}: {}", c.name),
                },
                other => other,
            })?;
            let price = price_ref(region, entry, &cutoff);
            let stale = price.stale;
            if entry.status == PriceStatus::Unconfirmed {
                unconfirmed.insert(entry.id.clone(), price.clone());
            }
            prices.entry(entry.id.clone()).or_insert(price);
            match c.quantity {
                None => {
                    unknown_line_items += 1;
                    lines.push(line_item(entry, stale, c.name, None, entry.first_price(), false));
                }
                Some(quantity) => {
                    let start = used.get(&entry.id).copied().unwrap_or_default();
                    used.insert(entry.id.clone(), start + quantity);
                    let free_part = free.take(&entry.id, quantity);
                    lines.extend(split(&c.name, start, quantity, free_part, (entry, stale), region)?);
                }
            }
        }
        let monthly_usd: Decimal = lines.iter().filter_map(|l| l.monthly_usd).map(|m| m.0).sum();
        match services.iter_mut().find(|s| s.service == service) {
            Some(existing) => {
                existing.monthly_usd.0 += monthly_usd;
                existing.line_items.extend(lines);
            }
            None => services.push(ServiceCost {
                service: service.to_string(),
                monthly_usd: Money(monthly_usd),
                line_items: lines,
            }),
        }
    }
    let total_monthly_usd = services.iter().map(|s| s.monthly_usd.0).sum();
    Ok(Costing {
        region: region.to_string(),
        free_tier,
        services,
        total_monthly_usd,
        unknown_line_items,
        unconfirmed_prices: unconfirmed.into_values().collect(),
        prices: prices.into_values().collect(),
    })
}

fn price_ref(region: &str, e: &PriceEntry, stale_cutoff: &str) -> PriceRef {
    PriceRef {
        stale: e.is_stale(stale_cutoff),
        derived: e.rule.as_ref().zip(e.derived_from.as_ref()).map(|(rule, from)| format!("{rule} {from}")),
        id: e.id.clone(),
        region: region.to_string(),
        service_code: e.service_code.clone(),
        usage_type: e.usage_type.clone(),
        status: e.status,
        as_of: e.as_of.clone(),
        source: e.source.clone(),
        note: e.note.clone(),
    }
}

/// A line of `entry` (`stale`: its source is past the cutoff): `quantity` (`None`: unknown) at
/// `unit_price`.
fn line_item(
    entry: &PriceEntry,
    stale: bool,
    name: String,
    quantity: Option<Decimal>,
    unit_price: Decimal,
    free: bool,
) -> LineItem {
    LineItem {
        name,
        quantity: quantity.map(Exact),
        unit: entry.unit.clone(),
        unit_price_usd: Exact(unit_price),
        monthly_usd: quantity.map(|q| Money(q * unit_price)),
        price_status: entry.status,
        price_stale: stale,
        free_tier: free,
        price_id: entry.id.clone(),
        service_code: entry.service_code.clone(),
        usage_type: entry.usage_type.clone(),
        price_as_of: entry.as_of.clone(),
    }
}

/// Splits `quantity` units, starting at the account-wide position `start`, into a free-tier line
/// (the first `free_part` units) and one line per price tier the rest falls in.
fn split(
    name: &str,
    start: Decimal,
    quantity: Decimal,
    free_part: Decimal,
    (entry, stale): (&PriceEntry, bool),
    region: &str,
) -> Result<Vec<LineItem>, LookupError> {
    let line = |name: String, qty: Decimal, unit_price: Decimal, free: bool| {
        line_item(entry, stale, name, Some(qty), unit_price, free)
    };
    let mut out = Vec::new();
    if free_part > Decimal::ZERO {
        out.push(line(with_detail(name, "free tier"), free_part, Decimal::ZERO, true));
    }
    let from = start + free_part;
    let to = start + quantity;
    if let Some(last_end) = entry.tiers.last().and_then(|t| t.end) {
        if to > last_end {
            return Err(LookupError::TierNotFound(Box::new(crate::pricing::TierGap {
                service_code: entry.service_code.clone(),
                region: region.to_string(),
                usage_type: entry.usage_type.clone(),
                last_end: group_thousands(last_end, 6),
                quantity: group_thousands(to, 6),
                unit: entry.unit.clone(),
            })));
        }
    }
    let tiered = entry.tiers.len() > 1;
    for tier in &entry.tiers {
        let lo = from.max(tier.begin);
        let hi = tier.end.map_or(to, |end| to.min(end));
        if hi > lo {
            let label = if tiered { with_detail(name, &tier_label(tier.begin, tier.end)) } else { name.to_string() };
            out.push(line(label, hi - lo, tier.usd, false));
        }
    }
    // Zero usage: one line at the tier it would start in, so the price is still shown (the book
    // refuses an entry without tiers).
    let start = entry.tiers.iter().find(|t| t.end.is_none_or(|end| from < end)).or(entry.tiers.first());
    if let (true, Some(tier)) = (out.is_empty(), start) {
        let label = if tiered { with_detail(name, &tier_label(tier.begin, tier.end)) } else { name.to_string() };
        out.push(line(label, Decimal::ZERO, tier.usd, false));
    }
    Ok(out)
}

/// Adds a detail inside the name's one pair of brackets: `DB (x)` + `y` → `DB (x, y)`.
fn with_detail(name: &str, detail: &str) -> String {
    match name.strip_suffix(')') {
        Some(stem) if stem.contains('(') => format!("{stem}, {detail})"),
        _ => format!("{name} ({detail})"),
    }
}

/// `first 10K`, `10K to 250K`, `over 1M`.
fn tier_label(begin: Decimal, end: Option<Decimal>) -> String {
    match (begin.is_zero(), end) {
        (true, Some(end)) => format!("first {}", compact(end)),
        (false, Some(end)) => format!("{} to {}", compact(begin), compact(end)),
        (_, None) => format!("over {}", compact(begin)),
    }
}

fn compact(value: Decimal) -> String {
    for (factor, suffix) in [(1_000_000_000_000i64, "T"), (1_000_000_000, "B"), (1_000_000, "M"), (1_000, "K")] {
        let f = Decimal::from(factor);
        if value >= f && (value % f).is_zero() {
            return format!("{}{suffix}", value / f);
        }
    }
    group_thousands(value, 6)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::testing::{d, estimate_with};
    use crate::model::{AwsUsage, ModelContext};

    fn lines(c: &Costing) -> Vec<(String, String, String)> {
        c.services
            .iter()
            .flat_map(|s| &s.line_items)
            .map(|l| {
                (
                    l.name.clone(),
                    l.quantity.map(|q| q.0.normalize().to_string()).unwrap_or_default(),
                    l.monthly_usd.map(|m| m.0.normalize().to_string()).unwrap_or_default(),
                )
            })
            .collect()
    }

    #[test]
    fn custom_metrics_free_tier_on_and_off() {
        let on = estimate_with("cloudwatch_metrics: {custom_metrics: 70}", "us-east-1", true);
        assert_eq!(on.total_monthly_usd, d("18.00"));
        let off = estimate_with("cloudwatch_metrics: {custom_metrics: 70}", "us-east-1", false);
        assert_eq!(off.total_monthly_usd, d("21.00"));
    }

    #[test]
    fn custom_metric_tiers_split_across_every_boundary() {
        let c = estimate_with("cloudwatch_metrics: {custom_metrics: 1200000}", "us-east-1", false);
        // 10,000 × 0.30 + 240,000 × 0.10 + 750,000 × 0.05 + 200,000 × 0.02
        assert_eq!(c.total_monthly_usd, d("3000") + d("24000") + d("37500") + d("4000"));
        let names: Vec<_> = lines(&c).into_iter().map(|l| l.0).take(4).collect();
        assert_eq!(
            names,
            [
                "Custom metrics (first 10K)",
                "Custom metrics (10K to 250K)",
                "Custom metrics (250K to 1M)",
                "Custom metrics (over 1M)"
            ]
        );
    }

    #[test]
    fn logs_free_tier_applies_to_each_dimension() {
        // AWS's CloudWatch Logs pricing example: 1 GB/day for 30 days, compressed to 6 GB stored:
        // "5 to 30GB: $0.50 * 25 = $12.50" + "5GB to 6GB: $0.03 * 1 = $0.03" = $12.53.
        let c = estimate_with(
            "cloudwatch_logs: {ingested_gb: 30, stored_gb: 6, insights_scanned_gb: 0}",
            "us-east-1",
            true,
        );
        assert_eq!(c.total_monthly_usd, d("12.53"));
        // Standard and Infrequent Access ingestion share one 5 GB allowance.
        let yaml =
            "cloudwatch_logs: {ingested_gb: 3, ingested_infrequent_access_gb: 4, stored_gb: 0, insights_scanned_gb: 7}";
        let c = estimate_with(yaml, "us-east-1", true);
        assert_eq!(c.total_monthly_usd, d("2") * d("0.25") + d("2") * d("0.005"));
    }

    #[test]
    fn xray_retrieved_and_scanned_share_one_allowance() {
        let yaml = "xray: {traces_recorded: 148800, traces_retrieved: 155000, traces_scanned: 920000}";
        let c = estimate_with(yaml, "us-east-1", true);
        // (148,800 − 100,000) × $0.000005 + (1,075,000 − 1,000,000) × $0.0000005
        assert_eq!(c.total_monthly_usd, d("0.244") + d("0.0375"));
        let off = estimate_with(yaml, "us-east-1", false);
        assert_eq!(off.total_monthly_usd, d("0.744") + d("0.5375"));
    }

    #[test]
    fn amp_free_samples_come_off_the_first_tier() {
        let c = estimate_with("managed_prometheus: {samples_ingested: 3.0e9}", "us-east-1", true);
        // (2B − 40M) × 0.90/10M + 1B × 0.35/10M
        assert_eq!(c.total_monthly_usd, d("176.4") + d("35"));
    }

    #[test]
    fn unknown_usage_is_not_zero() {
        let c = estimate_with("cloudwatch_metrics: {custom_metrics: 20}", "us-east-1", false);
        assert_eq!(c.unknown_line_items, 2);
        let api = &c.services[0].line_items[1];
        assert_eq!(api.quantity, None);
        assert_eq!(api.monthly_usd, None);
        assert_eq!(api.unit_price_usd, Exact(d("0.00001")));
    }

    #[test]
    fn unconfirmed_prices_are_collected() {
        let c = estimate_with("xray: {traces_recorded: 1}", "ap-northeast-2", true);
        assert_eq!(c.unconfirmed_prices.len(), 2);
        let c = estimate_with("cloudwatch_logs: {ingested_gb: 1, stored_gb: 1}", "ap-northeast-2", true);
        assert!(c.unconfirmed_prices.iter().all(|p| p.id == "cloudwatch_logs.insights_scanned"), "{c:?}");
    }

    #[test]
    fn past_the_last_sourced_tier_is_an_error() {
        let usage: AwsUsage = serde_yaml::from_str("cloudwatch_logs: {vended_ingested_gb: 20000}").unwrap();
        let book = PriceBook::bundled().unwrap();
        let err = price(&book, "ap-northeast-2", true, usage.components(&ModelContext::default())).unwrap_err();
        assert!(matches!(err, LookupError::TierNotFound(_)), "{err}");
        assert!(err.to_string().contains("VendedLog-Bytes"));
    }

    #[test]
    fn tier_labels() {
        assert_eq!(tier_label(d("0"), Some(d("10000"))), "first 10K");
        assert_eq!(tier_label(d("252000000000"), None), "over 252B");
        assert_eq!(tier_label(d("0"), Some(d("10240"))), "first 10,240");
        assert_eq!(with_detail("DB instance (db.t3.large)", "free tier"), "DB instance (db.t3.large, free tier)");
    }
}
