//! `--source api`: the AWS Price List Query API (`GetProducts`) through aws-sdk-pricing, with the
//! standard AWS credential chain (aws-config). One query per price-book entry: service code,
//! `regionCode` (not for global products), the usage type (`CONTAINS`, then an ends-with test in
//! `offer`), and the entry's attributes (`TERM_MATCH`), paged with `NextToken`.
//!
//! The SDK client is set up by `crate::aws` (runtime, credential chain, up-front credential check,
//! fatal-error wording), shared with `measure --cloudwatch`. Credentials are never printed.

use anyhow::{anyhow, bail, Result};
use aws_sdk_pricing::error::{ProvideErrorMetadata, SdkError};
use aws_sdk_pricing::types::{Filter, FilterType};
use aws_sdk_pricing::Client;
use serde::Deserialize;
use std::collections::BTreeMap;

use crate::aws;

use super::offer::{Candidate, Product, Provenance, Selector, Term};

/// Products per GetProducts page (the API's maximum).
const PAGE_SIZE: i32 = 100;
/// A safety stop: a selection that needs more pages than this is far too broad.
const MAX_PAGES: usize = 50;

/// The Price List Query API endpoint region for a priced region: the API is served from
/// us-east-1, eu-central-1 and ap-south-1 only, and any of them answers for every region
/// (aws-prices.md §7). The nearest one is used; `AWS_ENDPOINT_URL_PRICING` overrides the URL.
pub fn endpoint_region(priced_region: &str) -> &'static str {
    let area = priced_region.split('-').next().unwrap_or_default();
    match area {
        "eu" | "me" | "af" | "il" => "eu-central-1",
        "ap" => "ap-south-1",
        _ => "us-east-1",
    }
}

/// One GetProducts `PriceList` element (a JSON document sent as a string).
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct PriceListItem {
    product: Product,
    #[serde(default)]
    terms: ItemTerms,
    #[serde(default)]
    version: Option<String>,
    #[serde(default)]
    publication_date: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
struct ItemTerms {
    /// `<sku>.<offerTermCode>` → term. `Reserved` is not read.
    #[serde(rename = "OnDemand", default)]
    on_demand: BTreeMap<String, Term>,
}

/// Parses one `PriceList` string (a product document with its terms), as GetProducts returns it;
/// also the entry point of the Price List fuzz target.
pub fn parse_item(raw: &str, retrieved: &str, endpoint: &str) -> Result<Candidate, String> {
    let item: PriceListItem = serde_json::from_str(raw)
        .map_err(|err| format!("a PriceList element is not a valid product document: {err}"))?;
    Ok(Candidate {
        product: item.product,
        terms: item.terms.on_demand.into_values().collect(),
        provenance: Provenance {
            source: format!("AWS Price List Query API GetProducts ({endpoint}) {retrieved}"),
            version: item.version,
            publication_date: item.publication_date,
        },
    })
}

/// What fetching one entry gave: its candidate products, or why the entry cannot be refreshed.
pub type EntryFetch = std::result::Result<Vec<Candidate>, String>;

/// Queries the Price List for every selector. Returns one result per selector (in order); the
/// outer error is fatal (credentials, network, throttling that outlasted the retries).
pub fn fetch(region: &str, selectors: &[Selector<'_>], retrieved: &str) -> Result<Vec<EntryFetch>> {
    aws::runtime()?.block_on(fetch_async(region, selectors, retrieved))
}

async fn fetch_async(region: &str, selectors: &[Selector<'_>], retrieved: &str) -> Result<Vec<EntryFetch>> {
    let endpoint_region = endpoint_region(region);
    let shared = aws::load_config(endpoint_region).await;
    aws::check_credentials(&shared, "AWS Price List Query API", OFFLINE_HINT).await?;
    let client = Client::from_conf(aws_sdk_pricing::config::Builder::from(&shared).interceptor(aws::BodyLimit).build());
    let endpoint = aws::endpoint("PRICING", format!("api.pricing.{endpoint_region}.amazonaws.com"));
    let mut out = Vec::with_capacity(selectors.len());
    for sel in selectors {
        out.push(fetch_entry(&client, sel, retrieved, &endpoint).await?);
    }
    Ok(out)
}

/// The offline fallback every credential error mentions.
const OFFLINE_HINT: &str = "the bundled price book still works offline (obs-cost estimate, obs-cost pricing show), and `--source bulk` needs no credentials";

fn filter(kind: FilterType, field: &str, value: &str) -> Result<Filter> {
    Filter::builder()
        .r#type(kind)
        .field(field)
        .value(value)
        .build()
        .map_err(|err| anyhow!("cannot build a GetProducts filter {field}={value}: {err}"))
}

/// The GetProducts filters of one entry.
fn filters(sel: &Selector<'_>) -> Result<Vec<Filter>> {
    let e = sel.entry;
    let mut out = Vec::new();
    if sel.filters_region_code() {
        out.push(filter(FilterType::TermMatch, "regionCode", sel.region)?);
    }
    // Never the full prefixed usage type: AWS prefixes it differently per region and service.
    out.push(filter(FilterType::from("CONTAINS"), "usagetype", &e.usage_type)?);
    for (k, v) in &e.attributes {
        out.push(filter(FilterType::TermMatch, k, v)?);
    }
    Ok(out)
}

async fn fetch_entry(client: &Client, sel: &Selector<'_>, retrieved: &str, endpoint: &str) -> Result<EntryFetch> {
    let e = sel.entry;
    let mut candidates = Vec::new();
    let mut token: Option<String> = None;
    for _ in 0..MAX_PAGES {
        let answer = client
            .get_products()
            .service_code(&e.service_code)
            .format_version("aws_v1")
            .set_filters(Some(filters(sel)?))
            .max_results(PAGE_SIZE)
            .set_next_token(token.take())
            .send()
            .await;
        let page = match answer {
            Ok(page) => page,
            Err(err) => return classify(err, sel, endpoint),
        };
        for raw in page.price_list() {
            match parse_item(raw, retrieved, endpoint) {
                Ok(c) => candidates.push(c),
                Err(msg) => {
                    return Ok(Err(format!(
                        "entry '{}' ({} usage type '*{}' in {}): {msg}",
                        e.id, e.service_code, e.usage_type, sel.region
                    )))
                }
            }
        }
        match page.next_token() {
            Some(t) if !t.is_empty() => token = Some(t.to_string()),
            _ => return Ok(Ok(candidates)),
        }
    }
    Ok(Err(format!(
        "entry '{}' ({} usage type '*{}' in {}): more than {} pages of products; the selection is too broad\nhint: add attributes to the entry",
        e.id,
        e.service_code,
        e.usage_type,
        sel.region,
        MAX_PAGES * PAGE_SIZE as usize
    )))
}

/// Sorts a GetProducts failure into fatal (credentials, throttling, network) or this entry only.
fn classify<E, R>(err: SdkError<E, R>, sel: &Selector<'_>, endpoint: &str) -> Result<EntryFetch>
where
    E: ProvideErrorMetadata + std::error::Error + 'static,
    R: std::fmt::Debug + 'static,
{
    let e = sel.entry;
    let ctx = aws::CallContext {
        api: "AWS Price List Query API",
        endpoint,
        iam_actions: "pricing:GetProducts",
        offline_hint: OFFLINE_HINT,
        throttle_hint: "wait a minute and run again, raise AWS_MAX_ATTEMPTS, or use --source bulk",
    };
    if let Some(fatal) = aws::fatal_error(&err, &ctx) {
        return Err(fatal);
    }
    let detail = aws::error_chain(&err);
    match err.code().unwrap_or_default() {
        "InvalidParameterException" | "NotFoundException" => Ok(Err(format!(
            "entry '{}' ({} usage type '*{}' in {}): the Price List rejected the query: {detail}\nhint: check the entry's service code and attribute names",
            e.id, e.service_code, e.usage_type, sel.region
        ))),
        _ => match err {
            SdkError::ResponseError(_) => bail!(
                "cannot reach the AWS Price List Query API at {endpoint}: {detail}\nhint: check the network, or use --source bulk; {OFFLINE_HINT}"
            ),
            _ => bail!(
                "the AWS Price List Query API at {endpoint} failed: {detail}\nhint: run again, or use --source bulk; {OFFLINE_HINT}"
            ),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_endpoint_region_is_one_of_the_three_pricing_endpoints() {
        assert_eq!(endpoint_region("ap-northeast-2"), "ap-south-1");
        assert_eq!(endpoint_region("eu-west-1"), "eu-central-1");
        assert_eq!(endpoint_region("us-east-1"), "us-east-1");
        assert_eq!(endpoint_region("sa-east-1"), "us-east-1");
        assert_eq!(endpoint_region("ca-central-1"), "us-east-1");
    }

    #[test]
    fn a_price_list_string_parses_into_a_candidate() {
        let raw = r#"{"product":{"productFamily":"Metric","sku":"S1","attributes":{"usagetype":"APN2-CW:Requests","regionCode":"ap-northeast-2"}},
            "serviceCode":"AmazonCloudWatch","terms":{"OnDemand":{"S1.JRTCKXETXF":{"offerTermCode":"JRTCKXETXF","sku":"S1",
            "effectiveDate":"2026-10-01T00:00:00Z","termAttributes":{},"priceDimensions":{"S1.JRTCKXETXF.6YS6EN2CT7":{"rateCode":"S1.JRTCKXETXF.6YS6EN2CT7",
            "description":"$0.01 per 1,000 requests","beginRange":"0","endRange":"Inf","unit":"Requests","pricePerUnit":{"USD":"0.0000100000"},"appliesTo":[]}}}},
            "Reserved":{}},"version":"20261101000000","publicationDate":"2026-11-01T00:00:00Z"}"#;
        let c = parse_item(raw, "2026-11-22", "x").unwrap();
        assert_eq!(c.product.sku, "S1");
        assert_eq!(c.terms.len(), 1);
        assert_eq!(c.provenance.publication_date.as_deref(), Some("2026-11-01T00:00:00Z"));
        assert!(parse_item("{not json", "d", "x").unwrap_err().contains("not a valid product document"));
    }
}
