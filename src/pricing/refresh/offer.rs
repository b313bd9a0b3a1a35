//! The AWS Price List's product and terms model, shared by the Query API (`api`) and the bulk offer
//! files (`bulk`), and the one place that turns AWS rows into price-book tiers: which product a
//! price-book entry means (usage-type suffix, region, attributes), the traps of the price list
//! (Outposts rows, "$0 reserved instance applied" dimensions, the global dashboard product, region
//! prefixes, `Global-` free-tier products), tier ordering and unit conversion.
//! No I/O and no network here.

use std::collections::{BTreeMap, BTreeSet};
use std::str::FromStr;

use rust_decimal::Decimal;
use serde::Deserialize;

use crate::pricing::{FreeTier, PriceEntry, Tier};

/// The most attributes of a product, or price dimensions of a term, read: a row with more is not
/// an AWS row, and is refused rather than held in memory.
pub const MAX_ENTRIES: usize = 1_000;

/// A map of at most [`MAX_ENTRIES`] entries.
fn bounded_map<'de, D, V>(d: D) -> Result<BTreeMap<String, V>, D::Error>
where
    D: serde::Deserializer<'de>,
    V: Deserialize<'de>,
{
    struct Bounded<V>(std::marker::PhantomData<V>);
    impl<'de, V: Deserialize<'de>> serde::de::Visitor<'de> for Bounded<V> {
        type Value = BTreeMap<String, V>;
        fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            write!(f, "a map of at most {MAX_ENTRIES} entries")
        }
        fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
            let mut out = BTreeMap::new();
            while let Some((k, v)) = map.next_entry::<String, V>()? {
                if out.len() >= MAX_ENTRIES {
                    return Err(serde::de::Error::custom(format!("more than {MAX_ENTRIES} entries in one row")));
                }
                out.insert(k, v);
            }
            Ok(out)
        }
    }
    d.deserialize_map(Bounded(std::marker::PhantomData))
}

/// A product row (`products.<sku>` in an offer file, `product` in a GetProducts item).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Product {
    /// AWS stock-keeping unit.
    pub sku: String,
    /// `productFamily`, e.g. `Metric`, `Database Instance`.
    #[serde(default)]
    pub product_family: Option<String>,
    /// The product's attributes (`usagetype`, `regionCode`, `locationType`, ...), at most
    /// [`MAX_ENTRIES`] (AWS products have a few dozen).
    #[serde(default, deserialize_with = "bounded_map")]
    pub attributes: BTreeMap<String, String>,
}

impl Product {
    /// An attribute, with `productFamily` read from the product itself.
    pub fn attribute(&self, name: &str) -> Option<&str> {
        if name == "productFamily" {
            if let Some(f) = &self.product_family {
                return Some(f);
            }
        }
        self.attributes.get(name).map(String::as_str)
    }

    /// The `usagetype` attribute, or an empty string.
    pub fn usage_type(&self) -> &str {
        self.attribute("usagetype").unwrap_or_default()
    }
}

/// An OnDemand term of a product.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Term {
    /// `JRTCKXETXF` for OnDemand.
    #[serde(default)]
    pub offer_term_code: String,
    /// SKU the term prices.
    #[serde(default)]
    pub sku: String,
    /// When the term took effect (an ISO timestamp).
    #[serde(default)]
    pub effective_date: Option<String>,
    /// `<sku>.<term>.<rate>` → one price range, at most [`MAX_ENTRIES`] (AWS tiers are a handful).
    #[serde(default, deserialize_with = "bounded_map")]
    pub price_dimensions: BTreeMap<String, Dimension>,
}

/// One price dimension (one tier) of a term.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Dimension {
    /// `<sku>.<term>.<rate>`.
    #[serde(default)]
    pub rate_code: String,
    /// AWS's description, e.g. `$0.30 per metric-month for the first 10,000 metrics`.
    #[serde(default)]
    pub description: String,
    /// First unit of the range, a decimal string (absent: 0).
    #[serde(default)]
    pub begin_range: Option<String>,
    /// End of the range, a decimal string or `Inf` (absent: `Inf`).
    #[serde(default)]
    pub end_range: Option<String>,
    /// AWS unit, e.g. `Metrics`, `GB-Mo`, `Hrs`.
    #[serde(default)]
    pub unit: String,
    /// Currency → price per unit, a decimal string.
    #[serde(default)]
    pub price_per_unit: BTreeMap<String, String>,
}

/// Where a candidate row was read, for the refreshed entry's `source` and `as_of`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Provenance {
    /// The source without the SKU, e.g. `AWS Price List Query API GetProducts 2026-11-22` or an offer URL.
    pub source: String,
    /// Offer `version`, when known.
    pub version: Option<String>,
    /// Offer `publicationDate`, when known (an ISO timestamp).
    pub publication_date: Option<String>,
}

/// A product with its OnDemand terms, as read from either source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    /// The product row.
    pub product: Product,
    /// Its OnDemand terms (normally exactly one).
    pub terms: Vec<Term>,
    /// Where it was read.
    pub provenance: Provenance,
}

/// Usage types (suffixes) of products the price list publishes once for all regions
/// (`location = Any`, empty `regionCode`): a `regionCode` filter finds no SKU for them
/// (AWS Price List: the dashboard product has `location=Any` and an empty `regionCode`).
pub const GLOBAL_PRODUCTS: &[(&str, &str)] = &[("AmazonCloudWatch", "DashboardsUsageHour")];

/// Attributes that already pin an entry to a region by location name; such products (data
/// transfer) carry `fromRegionCode`/`toRegionCode` rather than `regionCode`.
const LOCATION_ATTRIBUTES: &[&str] = &["fromLocation", "location"];

/// What identifies one price-book entry's product in one region.
#[derive(Debug, Clone)]
pub struct Selector<'a> {
    /// The entry being refreshed.
    pub entry: &'a PriceEntry,
    /// The priced region code.
    pub region: &'a str,
}

impl<'a> Selector<'a> {
    /// The selector of an entry in a region.
    pub fn new(entry: &'a PriceEntry, region: &'a str) -> Self {
        Selector { entry, region }
    }

    /// Whether the entry is one of the [`GLOBAL_PRODUCTS`].
    pub fn is_global(&self) -> bool {
        GLOBAL_PRODUCTS.iter().any(|(code, ut)| *code == self.entry.service_code && *ut == self.entry.usage_type)
    }

    /// Whether the query should filter on `regionCode` (not for global products, nor for entries
    /// whose attributes already name the location).
    pub fn filters_region_code(&self) -> bool {
        !self.is_global() && !LOCATION_ATTRIBUTES.iter().any(|a| self.entry.attributes.contains_key(*a))
    }

    /// Whether a product row is this entry's product in this region, traps excluded.
    pub fn matches(&self, p: &Product) -> bool {
        self.matches_except_attributes(p) && self.entry.attributes.iter().all(|(k, v)| p.attribute(k) == Some(v))
    }

    /// Usage type, region and location type match (the attributes may not).
    fn matches_except_attributes(&self, p: &Product) -> bool {
        if !usage_type_matches(p.usage_type(), &self.entry.usage_type) {
            return false;
        }
        if self.is_global() {
            // The global product has no region; a regional copy would be another product.
            return p.attribute("regionCode").is_none_or(str::is_empty);
        }
        // Trap: Outposts, Local Zone and Wavelength rows carry the region's code and mimic its price.
        if p.attribute("locationType").is_some_and(|t| t != "AWS Region") {
            return false;
        }
        match p.attribute("regionCode").or_else(|| p.attribute("fromRegionCode")) {
            Some(code) => code == self.region,
            None => !self.filters_region_code(),
        }
    }
}

/// Whether an AWS usage type is `suffix`, bare or behind one region prefix (`APN2-`, `USE1-`,
/// `EU-`). The test is ends-with at a `-` boundary, never equality with a prefixed string: AWS
/// prefixes us-east-1 usage types for some services only. `Global-…` usage types are the free-tier
/// buckets and never match, nor does `NLCUUsage` match `LCUUsage`.
pub fn usage_type_matches(actual: &str, suffix: &str) -> bool {
    let Some(prefix) = actual.strip_suffix(suffix) else { return false };
    if prefix.is_empty() {
        return true;
    }
    let Some(region_prefix) = prefix.strip_suffix('-') else { return false };
    region_prefix != "Global"
        && !region_prefix.is_empty()
        && region_prefix.bytes().all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
}

/// The region prefix of a matched usage type (`APN2` for `APN2-CW:Requests`), if any.
pub fn usage_type_prefix<'s>(actual: &'s str, suffix: &str) -> Option<&'s str> {
    actual.strip_suffix(suffix)?.strip_suffix('-')
}

/// An entry's refreshed prices.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refreshed {
    /// Tiers in the book's unit, sorted, contiguous.
    pub tiers: Vec<Tier>,
    /// The refreshed entry's `source`.
    pub source: String,
    /// The refreshed entry's `as_of` (`YYYY-MM-DD`).
    pub as_of: String,
    /// The full AWS usage type matched, e.g. `APN2-CW:Requests`.
    pub aws_usage_type: String,
    /// The product's `location` (`Asia Pacific (Seoul)`), unless it is a global product.
    pub location: Option<String>,
}

/// Picks the one product of `candidates` that is the entry's, and turns its OnDemand term into
/// tiers. `retrieved` is the refresh date (`YYYY-MM-DD`), used when the source gives no date.
/// Errors name the entry, service code, region and usage type, and say how to fix the selection.
pub fn select(
    sel: &Selector<'_>,
    candidates: &[Candidate],
    free_tiers: &[FreeTier],
    retrieved: &str,
) -> Result<Refreshed, String> {
    let e = sel.entry;
    let what = format!(
        "entry '{}' ({} usage type '*{}' in {}{})",
        e.id,
        e.service_code,
        e.usage_type,
        sel.region,
        describe_attributes(e)
    );
    let near: Vec<&Candidate> = candidates.iter().filter(|c| sel.matches_except_attributes(&c.product)).collect();
    let mut matched: Vec<&Candidate> = near.iter().copied().filter(|c| sel.matches(&c.product)).collect();
    // The same SKU can arrive twice (a repeated page); it is one product.
    let mut seen = BTreeSet::new();
    matched.retain(|c| seen.insert(c.product.sku.clone()));
    let c = match matched.as_slice() {
        [one] => *one,
        [] if near.is_empty() => {
            return Err(format!(
                "{what}: the AWS Price List has no product for it\nhint: check the usage type and region (a service not offered in {} has no product), or correct the entry",
                sel.region
            ))
        }
        [] => {
            let seen: Vec<String> = near.iter().take(5).map(|c| describe_product(&c.product, e)).collect();
            return Err(format!(
                "{what}: {} product(s) have this usage type but none has the entry's attributes: {}\nhint: correct the entry's attributes",
                near.len(),
                seen.join("; ")
            ));
        }
        several => {
            let differing = differing_attributes(several.iter().map(|c| &c.product));
            return Err(format!(
                "{what}: {} products match, it must be exactly one (SKUs {}); they differ in {}\nhint: add one of these attributes to the entry so that it selects one product",
                several.len(),
                several.iter().map(|c| c.product.sku.as_str()).collect::<Vec<_>>().join(", "),
                if differing.is_empty() { "nothing but the SKU".to_string() } else { differing.join(", ") }
            ));
        }
    };
    let sku = &c.product.sku;
    let term = match c.terms.as_slice() {
        [one] => one,
        [] => return Err(format!("{what}: product {sku} has no OnDemand price")),
        several => return Err(format!("{what}: product {sku} has {} OnDemand terms, expected one", several.len())),
    };
    let mut tiers = tiers_from_dimensions(&what, sku, term, &e.unit)?;
    fold_free_tier(&e.id, &mut tiers, free_tiers);
    let date = c
        .provenance
        .publication_date
        .as_deref()
        .or(term.effective_date.as_deref())
        .and_then(date_part)
        .unwrap_or(retrieved)
        .to_string();
    let mut source = format!("{}; sku {sku}, usagetype {}", c.provenance.source, c.product.usage_type());
    if let Some(v) = &c.provenance.version {
        source.push_str(&format!(", offer version {v}"));
    }
    if let Some(p) = &c.provenance.publication_date {
        source.push_str(&format!(", published {p}"));
    }
    let location = c.product.attribute("location").filter(|l| !l.is_empty() && *l != "Any").map(str::to_string);
    Ok(Refreshed { tiers, source, as_of: date, aws_usage_type: c.product.usage_type().to_string(), location })
}

fn describe_attributes(e: &PriceEntry) -> String {
    if e.attributes.is_empty() {
        return String::new();
    }
    let attrs: Vec<String> = e.attributes.iter().map(|(k, v)| format!("{k}={v}")).collect();
    format!(", {}", attrs.join(", "))
}

fn describe_product(p: &Product, e: &PriceEntry) -> String {
    let attrs: Vec<String> =
        e.attributes.keys().map(|k| format!("{k}={}", p.attribute(k).unwrap_or("(absent)"))).collect();
    format!("{} [{}]", p.sku, attrs.join(", "))
}

/// Attribute names whose values differ between the products.
fn differing_attributes<'p>(products: impl Iterator<Item = &'p Product> + Clone) -> Vec<String> {
    let mut names = BTreeSet::new();
    for p in products.clone() {
        names.extend(p.attributes.keys().cloned());
    }
    names
        .into_iter()
        .filter(|n| {
            let values: BTreeSet<Option<&str>> = products.clone().map(|p| p.attribute(n)).collect();
            values.len() > 1
        })
        .map(|n| {
            let values: BTreeSet<&str> = products.clone().filter_map(|p| p.attribute(&n)).collect();
            format!("{n} ({})", values.into_iter().collect::<Vec<_>>().join(" | "))
        })
        .collect()
}

/// `2026-10-28` of `2026-10-28T22:41:42Z`.
fn date_part(ts: &str) -> Option<&str> {
    let d = ts.get(..10)?;
    let b = d.as_bytes();
    (b.get(4) == Some(&b'-')
        && b.get(7) == Some(&b'-')
        && d.bytes().enumerate().all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit()))
    .then_some(d)
}

/// Whether a dimension is a "$0 reserved instance applied" row: on-demand terms of EC2 and
/// ElastiCache carry a $0 dimension for hours covered by a reservation (aws-prices.md §11.3).
fn is_reservation_applied(d: &Dimension, usd: Decimal) -> bool {
    let text = d.description.to_ascii_lowercase();
    usd.is_zero() && (text.contains("reserved instance") || text.contains("reservation"))
}

/// Parses an AWS range bound: a decimal string, `Inf` (None) or absent.
fn parse_bound(what: &str, sku: &str, value: Option<&str>, default_inf: bool) -> Result<Option<Decimal>, String> {
    match value {
        None if default_inf => Ok(None),
        None => Ok(Some(Decimal::ZERO)),
        Some(v) if v.eq_ignore_ascii_case("inf") => Ok(None),
        Some(v) => Decimal::from_str_exact(v.trim())
            .map(|d| Some(d.normalize()))
            .map_err(|err| format!("{what}: product {sku} has a malformed range bound '{v}': {err}")),
    }
}

/// Turns a term's dimensions into book tiers: drops the reservation-applied rows, parses every
/// price exactly, sorts by numeric `beginRange` (never the JSON order), checks that the ranges
/// are contiguous from 0, and converts the AWS unit into the book's unit.
pub fn tiers_from_dimensions(what: &str, sku: &str, term: &Term, book_unit: &str) -> Result<Vec<Tier>, String> {
    let mut rows = Vec::new();
    let mut units = BTreeSet::new();
    for d in term.price_dimensions.values() {
        let Some(raw) = d.price_per_unit.get("USD") else {
            return Err(format!("{what}: product {sku} rate {} has no USD price", d.rate_code));
        };
        let usd = Decimal::from_str_exact(raw.trim()).map_err(|err| {
            format!(
                "{what}: product {sku} rate {} has a malformed price '{raw}' ({err})\nhint: the price list answer is damaged; retry, or use the other --source",
                d.rate_code
            )
        })?;
        if usd.is_sign_negative() {
            return Err(format!("{what}: product {sku} rate {} has a negative price '{raw}'", d.rate_code));
        }
        if is_reservation_applied(d, usd) {
            continue;
        }
        let begin = parse_bound(what, sku, d.begin_range.as_deref(), false)?.unwrap_or_default();
        let end = parse_bound(what, sku, d.end_range.as_deref(), true)?;
        units.insert(d.unit.clone());
        rows.push(Tier { begin, end, usd: usd.normalize() });
    }
    let unit = match units.len() {
        1 => units.pop_first().unwrap_or_default(),
        0 => return Err(format!("{what}: product {sku} has no price dimension besides reservation-applied rows")),
        _ => {
            return Err(format!(
                "{what}: product {sku} mixes units {} in one term",
                units.into_iter().collect::<Vec<_>>().join(", ")
            ))
        }
    };
    rows.sort_by_key(|t| t.begin);
    let mut expected = Decimal::ZERO;
    for (i, t) in rows.iter().enumerate() {
        if t.begin != expected {
            return Err(format!(
                "{what}: product {sku} has price ranges that are not contiguous from 0 (a range begins at {} where {expected} was expected)",
                t.begin
            ));
        }
        match t.end {
            Some(end) if end > t.begin => expected = end,
            Some(end) => {
                return Err(format!("{what}: product {sku} has a range {}-{end} that ends before it begins", t.begin))
            }
            None if i + 1 == rows.len() => {}
            None => return Err(format!("{what}: product {sku} has an unbounded range that is not the last")),
        }
    }
    let factor = unit_factor(&unit, book_unit).ok_or_else(|| {
        format!(
            "{what}: the AWS unit '{unit}' has no known conversion to the book's unit '{book_unit}'\nhint: check the unit on the AWS pricing page and add the pair to UNIT_CONVERSIONS in src/pricing/refresh/offer.rs"
        )
    })?;
    Ok(rows
        .into_iter()
        .map(|t| Tier {
            begin: (t.begin * factor).normalize(),
            end: t.end.map(|e| (e * factor).normalize()),
            usd: (t.usd / factor).normalize(),
        })
        .collect())
}

/// AWS unit (compared case-insensitively) → the book unit it is the same as. One AWS unit buys one
/// book unit for every pair listed here; a count prefix (`1M`, `10M`, `1B`, ...) scales it, see
/// [`unit_factor`]. A pair that is not listed is an error, never a guess.
pub const UNIT_CONVERSIONS: &[(&str, &str)] = &[
    ("Metrics", "metric-month"),
    ("Metrics", "metric"),
    ("Requests", "request"),
    ("Alarms", "alarm-metric-month"),
    ("Alarms", "alarm-month"),
    ("Dashboards", "dashboard-month"),
    ("GB", "GB"),
    ("GB-Mo", "GB-month"),
    ("GB-Month", "GB-month"),
    ("GB-Hours", "GB-hour"),
    ("Hrs", "hour"),
    ("Hours", "hour"),
    ("vCPU-Hours", "vCPU-hour"),
    ("LCU-Hrs", "LCU-hour"),
    ("IOPS-Mo", "IOPS-month"),
    ("MBps-Mo", "MBps-month"),
    ("MiBps-Mo", "MBps-month"),
    ("traces", "trace"),
    ("Samples", "sample"),
    ("Users", "user-month"),
];

/// How many book units one AWS unit is: 1 for a listed pair, and 10^n for a count prefix such
/// as `10M Samples` (M = 10^6, B = 10^9, K = 10^3), so that `price per book unit = AWS price /
/// factor` and `book range = AWS range × factor`. None when the pair is unknown.
pub fn unit_factor(aws_unit: &str, book_unit: &str) -> Option<Decimal> {
    let (count, base) = match aws_unit.split_once(' ') {
        Some((count, base)) => (parse_count(count)?, base),
        None => (Decimal::ONE, aws_unit),
    };
    UNIT_CONVERSIONS.iter().any(|(aws, book)| aws.eq_ignore_ascii_case(base) && *book == book_unit).then_some(count)
}

fn parse_count(text: &str) -> Option<Decimal> {
    let (digits, scale) = match text.chars().last()? {
        'K' => (&text[..text.len() - 1], Decimal::from(1_000u32)),
        'M' => (&text[..text.len() - 1], Decimal::from(1_000_000u32)),
        'B' => (&text[..text.len() - 1], Decimal::from(1_000_000_000u32)),
        _ => (text, Decimal::ONE),
    };
    let n = Decimal::from_str(digits).ok()?;
    (n > Decimal::ZERO).then_some(n * scale)
}

/// AWS publishes some free tiers as a $0 first tier (AMP: the first 40M samples). The book keeps
/// free tiers in free-tiers.yaml instead, so when a free tier of exactly that size applies to the
/// entry, the $0 tier is folded into the next one (which then starts at 0): the monthly cost is
/// the same and the allowance is not counted twice. Otherwise the $0 tier stays as AWS gives it.
fn fold_free_tier(id: &str, tiers: &mut Vec<Tier>, free_tiers: &[FreeTier]) {
    let (Some(first), true) = (tiers.first(), tiers.len() >= 2) else { return };
    let Some(end) = first.end.filter(|_| first.usd.is_zero()) else { return };
    if free_tiers.iter().any(|f| f.applies_to.iter().any(|a| a == id) && f.quantity == end) {
        tiers.remove(0);
        if let Some(next) = tiers.first_mut() {
            next.begin = Decimal::ZERO;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pricing::PriceStatus;

    fn entry(id: &str, code: &str, ut: &str, attrs: &[(&str, &str)], unit: &str) -> PriceEntry {
        PriceEntry {
            id: id.into(),
            service_code: code.into(),
            description: "d".into(),
            usage_type: ut.into(),
            attributes: attrs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect(),
            unit: unit.into(),
            tiers: vec![],
            source: "s".into(),
            as_of: "2026-01-01".into(),
            status: PriceStatus::Unconfirmed,
            derived_from: None,
            rule: None,
            note: None,
        }
    }

    fn product(sku: &str, family: &str, attrs: &[(&str, &str)]) -> Product {
        Product {
            sku: sku.into(),
            product_family: Some(family.into()),
            attributes: attrs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect(),
        }
    }

    fn dim(begin: &str, end: &str, usd: &str, unit: &str, desc: &str) -> Dimension {
        Dimension {
            rate_code: format!("R.{begin}"),
            description: desc.into(),
            begin_range: Some(begin.into()),
            end_range: Some(end.into()),
            unit: unit.into(),
            price_per_unit: [("USD".to_string(), usd.to_string())].into(),
        }
    }

    fn candidate(p: Product, dims: Vec<Dimension>) -> Candidate {
        let term = Term {
            offer_term_code: "JRTCKXETXF".into(),
            sku: p.sku.clone(),
            effective_date: Some("2026-10-01T00:00:00Z".into()),
            price_dimensions: dims.into_iter().enumerate().map(|(i, d)| (format!("k{i}"), d)).collect(),
        };
        Candidate {
            product: p,
            terms: vec![term],
            provenance: Provenance {
                source: "test".into(),
                version: Some("20261101".into()),
                publication_date: Some("2026-11-01T12:00:00Z".into()),
            },
        }
    }

    #[test]
    fn usage_type_suffix_matches_at_a_prefix_boundary_only() {
        assert!(usage_type_matches("APN2-CW:Requests", "CW:Requests"));
        assert!(usage_type_matches("CW:Requests", "CW:Requests"));
        assert!(usage_type_matches("EU-AMP:MetricSampleCount", "AMP:MetricSampleCount"));
        assert!(!usage_type_matches("Global-XRay-TracesStored", "XRay-TracesStored"));
        assert!(!usage_type_matches("APN2-NLCUUsage", "LCUUsage"));
        assert!(!usage_type_matches("HostBoxUsage:t3.micro", "BoxUsage:t3.micro"));
        assert!(!usage_type_matches("APN2-DataProcessingIA-Bytes", "DataProcessing-Bytes"));
        assert!(!usage_type_matches("USE1-EUC1-AWS-Out-Bytes", "AWS-Out-Bytes"));
        assert_eq!(usage_type_prefix("APN2-CW:Requests", "CW:Requests"), Some("APN2"));
    }

    #[test]
    fn outposts_rows_and_other_regions_are_not_the_product() {
        let e = entry("rds.x", "AmazonRDS", "InstanceUsage:db.t3.micro", &[("databaseEngine", "PostgreSQL")], "hour");
        let sel = Selector::new(&e, "ap-northeast-2");
        let base = [
            ("usagetype", "APN2-InstanceUsage:db.t3.micro"),
            ("regionCode", "ap-northeast-2"),
            ("databaseEngine", "PostgreSQL"),
        ];
        let region = product("A", "Database Instance", &[&base[..], &[("locationType", "AWS Region")]].concat());
        let outposts = product("B", "Database Instance", &[&base[..], &[("locationType", "AWS Outposts")]].concat());
        let mut elsewhere = region.clone();
        elsewhere.attributes.insert("regionCode".into(), "us-east-1".into());
        assert!(sel.matches(&region));
        assert!(!sel.matches(&outposts));
        assert!(!sel.matches(&elsewhere));
    }

    #[test]
    fn the_dashboard_product_is_global() {
        let e = entry("cloudwatch.dashboards", "AmazonCloudWatch", "DashboardsUsageHour", &[], "dashboard-month");
        let sel = Selector::new(&e, "ap-northeast-2");
        assert!(sel.is_global() && !sel.filters_region_code());
        assert!(sel.matches(&product("D", "Dashboard", &[("usagetype", "DashboardsUsageHour"), ("location", "Any")])));
    }

    #[test]
    fn tiers_are_sorted_numerically_and_reservation_rows_dropped() {
        let e = entry("cloudwatch.metrics", "AmazonCloudWatch", "CW:MetricMonitorUsage", &[], "metric-month");
        let sel = Selector::new(&e, "us-east-1");
        let p = product("M", "Metric", &[("usagetype", "USE1-CW:MetricMonitorUsage"), ("regionCode", "us-east-1")]);
        let c = candidate(
            p,
            vec![
                dim("1000000", "Inf", "0.0200000000", "Metrics", ""),
                dim("250000", "1000000", "0.0500000000", "Metrics", ""),
                dim("10000", "250000", "0.1000000000", "Metrics", ""),
                dim("0", "10000", "0.3000000000", "Metrics", ""),
                dim("0", "Inf", "0.0000000000", "Metrics", "$0.00 per Reserved Instance applied"),
            ],
        );
        let r = select(&sel, &[c], &[], "2026-11-22").unwrap();
        let got: Vec<String> = r.tiers.iter().map(|t| format!("{}-{:?}:{}", t.begin, t.end, t.usd)).collect();
        assert_eq!(
            got,
            ["0-Some(10000):0.3", "10000-Some(250000):0.1", "250000-Some(1000000):0.05", "1000000-None:0.02"]
        );
        assert_eq!(r.as_of, "2026-11-01");
        assert!(r.source.contains("sku M") && r.source.contains("USE1-CW:MetricMonitorUsage"), "{}", r.source);
    }

    #[test]
    fn zero_or_several_products_name_the_entry() {
        let e = entry("ec2.t3.micro.linux", "AmazonEC2", "BoxUsage:t3.micro", &[("operatingSystem", "Linux")], "hour");
        let sel = Selector::new(&e, "us-east-1");
        let err = select(&sel, &[], &[], "2026-11-22").unwrap_err();
        assert!(err.contains("ec2.t3.micro.linux") && err.contains("AmazonEC2") && err.contains("us-east-1"), "{err}");
        assert!(err.contains("BoxUsage:t3.micro"), "{err}");
        let a = product(
            "A",
            "Compute Instance",
            &[
                ("usagetype", "BoxUsage:t3.micro"),
                ("regionCode", "us-east-1"),
                ("operatingSystem", "Linux"),
                ("tenancy", "Shared"),
            ],
        );
        let mut b = a.clone();
        b.sku = "B".into();
        b.attributes.insert("tenancy".into(), "Dedicated".into());
        let d = vec![dim("0", "Inf", "0.0104", "Hrs", "")];
        let err = select(&sel, &[candidate(a, d.clone()), candidate(b, d)], &[], "2026-11-22").unwrap_err();
        assert!(err.contains("2 products match") && err.contains("tenancy (Dedicated | Shared)"), "{err}");
    }

    #[test]
    fn malformed_price_and_unknown_unit_are_errors() {
        let e = entry("x", "AWSXRay", "XRay-TracesStored", &[], "trace");
        let sel = Selector::new(&e, "us-east-1");
        let p = product("X", "Traces", &[("usagetype", "USE1-XRay-TracesStored"), ("regionCode", "us-east-1")]);
        let err = select(&sel, &[candidate(p.clone(), vec![dim("0", "Inf", "0.000005x", "traces", "")])], &[], "d")
            .unwrap_err();
        assert!(err.contains("malformed price '0.000005x'"), "{err}");
        let err = select(&sel, &[candidate(p, vec![dim("0", "Inf", "5", "Parsecs", "")])], &[], "d").unwrap_err();
        assert!(err.contains("'Parsecs'") && err.contains("UNIT_CONVERSIONS"), "{err}");
    }

    #[test]
    fn scaled_units_convert_exactly_and_the_amp_free_tier_folds() {
        assert_eq!(unit_factor("10M Samples", "sample"), Some(Decimal::from(10_000_000u32)));
        assert_eq!(unit_factor("Samples", "sample"), Some(Decimal::ONE));
        assert_eq!(unit_factor("Samples", "GB"), None);
        let e = entry("managed_prometheus.samples", "AmazonPrometheus", "AMP:MetricSampleCount", &[], "sample");
        let sel = Selector::new(&e, "us-east-1");
        let p = product("S", "Metric", &[("usagetype", "USE1-AMP:MetricSampleCount"), ("regionCode", "us-east-1")]);
        let dims = vec![
            dim("0", "4", "0", "10M Samples", "free"),
            dim("4", "200", "0.90", "10M Samples", ""),
            dim("200", "25200", "0.35", "10M Samples", ""),
            dim("25200", "Inf", "0.16", "10M Samples", ""),
        ];
        let free = FreeTier {
            id: "amp".into(),
            description: "d".into(),
            quantity: Decimal::from(40_000_000u32),
            unit: "sample".into(),
            applies_to: vec!["managed_prometheus.samples".into()],
            source: "s".into(),
            as_of: "2026-01-01".into(),
        };
        let r = select(&sel, &[candidate(p, dims)], &[free], "d").unwrap();
        let got: Vec<String> = r.tiers.iter().map(|t| format!("{}-{:?}:{}", t.begin, t.end, t.usd)).collect();
        assert_eq!(
            got,
            [
                "0-Some(2000000000):0.00000009",
                "2000000000-Some(252000000000):0.000000035",
                "252000000000-None:0.000000016"
            ]
        );
    }
}
