//! `--source bulk`: the public per-region offer files
//! (`<base>/offers/v1.0/aws/<ServiceCode>/current/<region>/index.json`), fetched over reqwest
//! without credentials. A file can be hundreds of MB (EC2), so its size is checked first (HEAD
//! `Content-Length`, and again while reading), and it is parsed as a stream with serde visitors:
//! only the products that some price-book entry selects, and their OnDemand terms, are kept.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::io::{BufReader, Read};

use anyhow::{Context, Result};
use serde::de::{DeserializeSeed, Deserializer, IgnoredAny, MapAccess, Visitor};

#[cfg(test)]
use super::offer::MAX_ENTRIES;
use super::offer::{Candidate, Product, Provenance, Selector, Term};

/// Where the offer files are published.
pub const DEFAULT_BASE_URL: &str = "https://pricing.us-east-1.amazonaws.com";
/// Default largest offer file fetched, in MB (10^6 bytes): the per-region EC2 file is about 450 MB.
pub const DEFAULT_MAX_MB: u64 = 1024;

/// Where and how much to fetch.
#[derive(Debug, Clone)]
pub struct BulkOptions {
    /// Base URL, `https://pricing.us-east-1.amazonaws.com` unless overridden for tests or a mirror.
    pub base_url: String,
    /// Largest offer file to read, in bytes.
    pub max_bytes: u64,
}

/// The per-region offer file URL of a service.
pub fn offer_url(base: &str, service_code: &str, region: &str) -> String {
    format!("{}/offers/v1.0/aws/{service_code}/current/{region}/index.json", base.trim_end_matches('/'))
}

/// The header fields and the kept rows of an offer file.
#[derive(Debug, Default)]
pub struct OfferFile {
    /// `offerCode`, e.g. `AmazonCloudWatch`.
    pub offer_code: Option<String>,
    /// `version`.
    pub version: Option<String>,
    /// `publicationDate`.
    pub publication_date: Option<String>,
    /// Kept products by SKU.
    pub products: BTreeMap<String, Product>,
    /// OnDemand terms of kept SKUs.
    pub on_demand: BTreeMap<String, Vec<Term>>,
}

/// Parses an offer file from a reader, keeping the products `keep` accepts and their OnDemand terms.
pub fn parse_offer<R: Read>(reader: R, keep: &dyn Fn(&Product) -> bool) -> serde_json::Result<OfferFile> {
    let mut de = serde_json::Deserializer::from_reader(reader);
    let file = OfferSeed { keep }.deserialize(&mut de)?;
    de.end()?;
    Ok(file)
}

struct OfferSeed<'k> {
    keep: &'k dyn Fn(&Product) -> bool,
}

impl<'de> DeserializeSeed<'de> for OfferSeed<'_> {
    type Value = OfferFile;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<OfferFile, D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for OfferSeed<'_> {
    type Value = OfferFile;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an AWS offer file (an object with products and terms)")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<OfferFile, A::Error> {
        let mut file = OfferFile::default();
        let mut products_read = false;
        while let Some(key) = map.next_key::<String>()? {
            match key.as_str() {
                "offerCode" => file.offer_code = Some(map.next_value()?),
                "version" => file.version = Some(map.next_value()?),
                "publicationDate" => file.publication_date = Some(map.next_value()?),
                "products" => {
                    file.products = map.next_value_seed(ProductsSeed { keep: self.keep })?;
                    products_read = true;
                }
                "terms" => {
                    // AWS writes products before terms; if a file does not, every OnDemand term is
                    // kept and filtered afterwards (correct, only heavier).
                    let wanted: Option<BTreeSet<String>> =
                        products_read.then(|| file.products.keys().cloned().collect());
                    file.on_demand = map.next_value_seed(TermsSeed { wanted: wanted.as_ref() })?;
                }
                _ => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        file.on_demand.retain(|sku, _| file.products.contains_key(sku));
        Ok(file)
    }
}

struct ProductsSeed<'k> {
    keep: &'k dyn Fn(&Product) -> bool,
}

impl<'de> DeserializeSeed<'de> for ProductsSeed<'_> {
    type Value = BTreeMap<String, Product>;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for ProductsSeed<'_> {
    type Value = BTreeMap<String, Product>;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("the products object: SKU to product")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut kept = BTreeMap::new();
        while let Some(sku) = map.next_key::<String>()? {
            // One product at a time; it is dropped at once unless an entry selects it.
            let product: Product = map.next_value()?;
            if (self.keep)(&product) {
                kept.insert(sku, product);
            }
        }
        Ok(kept)
    }
}

struct TermsSeed<'w> {
    wanted: Option<&'w BTreeSet<String>>,
}

impl<'de> DeserializeSeed<'de> for TermsSeed<'_> {
    type Value = BTreeMap<String, Vec<Term>>;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for TermsSeed<'_> {
    type Value = BTreeMap<String, Vec<Term>>;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("the terms object: term type to SKU to terms")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut out = BTreeMap::new();
        while let Some(kind) = map.next_key::<String>()? {
            if kind == "OnDemand" {
                out = map.next_value_seed(OnDemandSeed { wanted: self.wanted })?;
            } else {
                // Reserved (and any other term type) is skipped without being built.
                map.next_value::<IgnoredAny>()?;
            }
        }
        Ok(out)
    }
}

struct OnDemandSeed<'w> {
    wanted: Option<&'w BTreeSet<String>>,
}

impl<'de> DeserializeSeed<'de> for OnDemandSeed<'_> {
    type Value = BTreeMap<String, Vec<Term>>;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for OnDemandSeed<'_> {
    type Value = BTreeMap<String, Vec<Term>>;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("the OnDemand terms: SKU to {<sku>.<term>: term}")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut out = BTreeMap::new();
        while let Some(sku) = map.next_key::<String>()? {
            if self.wanted.is_none_or(|w| w.contains(&sku)) {
                let terms: BTreeMap<String, Term> = map.next_value()?;
                out.insert(sku, terms.into_values().collect());
            } else {
                map.next_value::<IgnoredAny>()?;
            }
        }
        Ok(out)
    }
}

/// A reader that fails once more than `limit` bytes have been read: the size check for servers
/// that send no `Content-Length`, or send a wrong one.
struct Limited<R> {
    inner: R,
    read: u64,
    limit: u64,
}

impl<R: Read> Read for Limited<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.read += n as u64;
        if self.read > self.limit {
            return Err(std::io::Error::other(format!(
                "the offer file is larger than the limit of {} bytes",
                self.limit
            )));
        }
        Ok(n)
    }
}

/// The longest string or number token read from an offer file (AWS's longest, descriptions, are
/// a few hundred bytes): a longer one is refused, so that one endless token cannot fill memory.
pub const MAX_TOKEN_BYTES: usize = 64 * 1024;

/// A reader that fails on a JSON string or number token longer than [`MAX_TOKEN_BYTES`]: the
/// parser would otherwise buffer a token of any size whole.
struct TokenGuard<R> {
    inner: R,
    in_string: bool,
    escaped: bool,
    run: usize,
}

impl<R> TokenGuard<R> {
    fn new(inner: R) -> Self {
        TokenGuard { inner, in_string: false, escaped: false, run: 0 }
    }
}

impl<R: Read> Read for TokenGuard<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        for &b in buf.get(..n).unwrap_or_default() {
            if self.in_string {
                match (self.escaped, b) {
                    (true, _) => self.escaped = false,
                    (false, b'\\') => self.escaped = true,
                    (false, b'"') => {
                        self.in_string = false;
                        self.run = 0;
                    }
                    _ => {}
                }
            } else if b == b'"' {
                self.in_string = true;
                self.run = 0;
            } else if b.is_ascii_whitespace() || b"{}[],:".contains(&b) {
                self.run = 0;
            }
            self.run += 1;
            if self.run > MAX_TOKEN_BYTES {
                return Err(std::io::Error::other(format!(
                    "a string or number is longer than {MAX_TOKEN_BYTES} bytes, which no AWS offer file has"
                )));
            }
        }
        Ok(n)
    }
}

/// What fetching one service's offer file gave each entry of that service.
pub type EntryFetch = std::result::Result<Vec<Candidate>, String>;

/// Outcome for a whole service: its candidates, or why the file could not be read.
enum ServiceFetch {
    Read(Vec<Candidate>),
    NoOfferFile(String),
    /// The offer file's host could not be reached at all (offline, DNS, proxy).
    Unreachable(String),
    Failed(String),
}

/// Fetches each service's offer file once and returns one result per selector (in order). The
/// outer error is fatal: the region is unknown to the price list (no service has a file for it).
pub fn fetch(region: &str, selectors: &[Selector<'_>], opts: &BulkOptions, retrieved: &str) -> Result<Vec<EntryFetch>> {
    let client = reqwest::blocking::Client::builder()
        .connect_timeout(std::time::Duration::from_secs(30))
        .timeout(None)
        .user_agent(concat!("obs-cost/", env!("CARGO_PKG_VERSION")))
        .build()
        .context("cannot build the HTTP client")?;
    let services: BTreeSet<&str> = selectors.iter().map(|s| s.entry.service_code.as_str()).collect();
    let mut by_service = BTreeMap::new();
    for code in services {
        let sels: Vec<&Selector<'_>> = selectors.iter().filter(|s| s.entry.service_code == code).collect();
        let url = offer_url(&opts.base_url, code, region);
        by_service.insert(code, fetch_service(&client, &url, &sels, opts.max_bytes, retrieved));
    }
    if let Some(ServiceFetch::Unreachable(first)) = by_service.values().next() {
        if by_service.values().all(|f| matches!(f, ServiceFetch::Unreachable(_))) {
            anyhow::bail!(
                "cannot reach the AWS Price List offer files at {} (e.g. {first}); nothing was written\nhint: check the network (or HTTPS_PROXY), or use --source api",
                crate::redact::redact_url(&opts.base_url)
            );
        }
    }
    if !by_service.is_empty() && by_service.values().all(|f| matches!(f, ServiceFetch::NoOfferFile(_))) {
        anyhow::bail!(
            "the AWS Price List has no offer file for region '{region}' (none of {} exists, e.g. {})\nhint: check the region code (e.g. us-east-1, ap-northeast-2)",
            by_service.keys().copied().collect::<Vec<_>>().join(", "),
            offer_url(&opts.base_url, by_service.keys().next().copied().unwrap_or_default(), region)
        );
    }
    Ok(selectors
        .iter()
        .map(|sel| match by_service.get(sel.entry.service_code.as_str()) {
            // Every selector's service was fetched above.
            None => Err(format!("entry '{}': its service {} was not fetched", sel.entry.id, sel.entry.service_code)),
            Some(ServiceFetch::Read(cands)) => Ok(cands.iter().filter(|c| sel.matches(&c.product)).cloned().collect()),
            Some(ServiceFetch::Unreachable(msg)) => Err(format!(
                "entry '{}' ({} usage type '*{}' in {region}): cannot reach {msg}\nhint: check the network, or use --source api",
                sel.entry.id, sel.entry.service_code, sel.entry.usage_type
            )),
            Some(ServiceFetch::NoOfferFile(msg) | ServiceFetch::Failed(msg)) => Err(format!(
                "entry '{}' ({} usage type '*{}' in {region}): {msg}",
                sel.entry.id, sel.entry.service_code, sel.entry.usage_type
            )),
        })
        .collect())
}

fn fetch_service(
    client: &reqwest::blocking::Client,
    url: &str,
    sels: &[&Selector<'_>],
    max_bytes: u64,
    retrieved: &str,
) -> ServiceFetch {
    let max_mb = max_bytes / 1_000_000;
    let shown = crate::redact::redact_url(url);
    match client.head(url).send() {
        Ok(r) if matches!(r.status().as_u16(), 403 | 404) => {
            // The offer bucket answers 403 as well as 404 for a file that does not exist.
            return ServiceFetch::NoOfferFile(format!("no offer file at {shown} (HTTP {})", r.status().as_u16()));
        }
        Ok(r) if !r.status().is_success() => {
            return ServiceFetch::Failed(format!("HEAD {shown} answered HTTP {}", r.status()));
        }
        Ok(r) => {
            let length =
                r.headers().get(reqwest::header::CONTENT_LENGTH).and_then(|v| v.to_str().ok()?.parse::<u64>().ok());
            if let Some(len) = length.filter(|len| *len > max_bytes) {
                return ServiceFetch::Failed(format!(
                    "the offer file {shown} is {} MB, over the limit of {max_mb} MB; not fetched\nhint: raise it with --max-offer-mb, or use --source api",
                    len / 1_000_000
                ));
            }
        }
        Err(err) => {
            return ServiceFetch::Unreachable(format!("{shown}: {}", crate::aws::error_chain(&err.without_url())))
        }
    }
    let response = match client.get(url).send().and_then(|r| r.error_for_status()) {
        Ok(r) => r,
        Err(err) => {
            return ServiceFetch::Failed(format!(
                "cannot fetch {shown}: {}",
                crate::aws::error_chain(&err.without_url())
            ))
        }
    };
    let reader =
        BufReader::with_capacity(256 * 1024, TokenGuard::new(Limited { inner: response, read: 0, limit: max_bytes }));
    let keep = |p: &Product| sels.iter().any(|s| s.matches(p));
    let file = match parse_offer(reader, &keep) {
        Ok(f) => f,
        Err(err) if err.is_io() => {
            return ServiceFetch::Failed(format!(
                "reading {shown} failed: {err}\nhint: raise --max-offer-mb if the file is larger than {max_mb} MB"
            ))
        }
        Err(err) => return ServiceFetch::Failed(format!("{shown} is not a valid AWS offer file: {err}")),
    };
    let provenance = Provenance {
        source: format!("AWS Price List bulk offer file {shown} (read {retrieved})"),
        version: file.version.clone(),
        publication_date: file.publication_date.clone(),
    };
    let mut on_demand = file.on_demand;
    ServiceFetch::Read(
        file.products
            .into_values()
            .map(|product| Candidate {
                terms: on_demand.remove(&product.sku).unwrap_or_default(),
                product,
                provenance: provenance.clone(),
            })
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A reader that hands out a few bytes per call, as a slow network would.
    struct Trickle<'a>(&'a [u8]);
    impl Read for Trickle<'_> {
        fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
            let n = self.0.len().min(7).min(buf.len());
            buf[..n].copy_from_slice(&self.0[..n]);
            self.0 = &self.0[n..];
            Ok(n)
        }
    }

    const FILE: &str = r#"{"formatVersion":"v1.0","disclaimer":"d","offerCode":"AmazonCloudWatch","version":"20261101",
      "publicationDate":"2026-11-01T00:00:00Z",
      "products":{"A":{"sku":"A","productFamily":"API Request","attributes":{"usagetype":"APN2-CW:Requests"}},
                  "B":{"sku":"B","productFamily":"Metric","attributes":{"usagetype":"APN2-CW:MetricMonitorUsage"}}},
      "terms":{"OnDemand":{"A":{"A.JRTCKXETXF":{"offerTermCode":"JRTCKXETXF","sku":"A","priceDimensions":{}}},
                           "B":{"B.JRTCKXETXF":{"offerTermCode":"JRTCKXETXF","sku":"B","priceDimensions":{}}}},
               "Reserved":{"A":{"A.X":{"whatever":[1,2,3]}}}}}"#;

    #[test]
    fn a_streamed_file_keeps_only_selected_products_and_their_terms() {
        let keep = |p: &Product| p.sku == "A";
        let f = parse_offer(Trickle(FILE.as_bytes()), &keep).unwrap();
        assert_eq!(f.products.keys().collect::<Vec<_>>(), ["A"]);
        assert_eq!(f.on_demand.keys().collect::<Vec<_>>(), ["A"]);
        assert_eq!(f.version.as_deref(), Some("20261101"));
    }

    #[test]
    fn a_truncated_file_is_an_error() {
        let keep = |_: &Product| true;
        let err = parse_offer(&FILE.as_bytes()[..FILE.len() - 20], &keep).unwrap_err();
        assert!(err.is_eof(), "{err}");
    }

    #[test]
    fn an_endless_token_is_refused() {
        let keep = |_: &Product| true;
        let mut file = String::from(r#"{"products":{"A":{"sku":"A","productFamily":""#);
        file.push_str(&"x".repeat(MAX_TOKEN_BYTES + 10));
        let err = parse_offer(TokenGuard::new(file.as_bytes()), &keep).unwrap_err();
        assert!(err.is_io() && err.to_string().contains("longer than 65536 bytes"), "{err}");
        // An escaped quote does not end a string; a normal file passes.
        let ok = FILE.replace("\"d\"", r#""d \" \\""#);
        parse_offer(TokenGuard::new(ok.as_bytes()), &keep).unwrap();
        let many: String = (0..MAX_ENTRIES + 1).map(|i| format!(r#""a{i}":"v","#)).collect();
        let huge = format!(r#"{{"products":{{"A":{{"sku":"A","attributes":{{{}"z":"v"}}}}}}}}"#, many);
        assert!(parse_offer(huge.as_bytes(), &keep).unwrap_err().to_string().contains("more than 1000 entries"));
    }

    #[test]
    fn the_size_limit_applies_while_reading() {
        let keep = |_: &Product| true;
        let err = parse_offer(Limited { inner: FILE.as_bytes(), read: 0, limit: 100 }, &keep).unwrap_err();
        assert!(err.is_io() && err.to_string().contains("larger than the limit"), "{err}");
    }
}
