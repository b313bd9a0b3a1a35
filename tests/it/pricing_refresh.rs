//! `obs-cost pricing refresh` and `pricing diff`, end to end, with no AWS endpoint: a local HTTP
//! server speaks the Price List Query API's awsJson1.1 wire protocol (selected with the standard
//! `AWS_ENDPOINT_URL_PRICING` override and static test credentials from the environment) and
//! serves trimmed bulk offer files (selected with `OBS_COST_PRICING_BULK_URL`). Response bodies
//! are in tests/fixtures/pricing/, in the shapes AWS documents.

use crate::support;

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use assert_cmd::Command;
use support::fake_aws::{FakeAws, Request, Response};

/// The Price List's content type (awsJson1.1).
const AWS_JSON: &str = "application/x-amz-json-1.1";

/// The GetProducts view of a request.
trait GetProducts {
    /// The `Value` of the GetProducts filter on `field`, with its type.
    fn filter(&self, field: &str) -> Option<(String, String)>;
}

impl GetProducts for Request {
    fn filter(&self, field: &str) -> Option<(String, String)> {
        let body = self.json();
        body["Filters"].as_array()?.iter().find(|f| f["Field"] == field).map(|f| {
            (f["Type"].as_str().unwrap_or_default().to_string(), f["Value"].as_str().unwrap_or_default().to_string())
        })
    }
}

const FIXTURES: &str = "tests/fixtures/pricing";
const BOOK: &str = "tests/fixtures/pricing/book";

fn fixture(name: &str) -> String {
    std::fs::read_to_string(Path::new(FIXTURES).join(name)).unwrap_or_else(|e| panic!("fixture {name}: {e}"))
}

/// The GetProducts page the fixtures hold for a request: by usage-type suffix and NextToken.
fn api_page(req: &Request) -> Response {
    let Some((_, usage)) = req.filter("usagetype") else { return Response::ok(fixture("api/empty.json")) };
    let page = if req.json()["NextToken"].is_string() { ".page2" } else { "" };
    let name = format!("api/{}{page}.json", usage.replace(':', "_"));
    match std::fs::read_to_string(Path::new(FIXTURES).join(&name)) {
        Ok(body) => Response::ok(body),
        Err(_) => Response::ok(fixture("api/empty.json")),
    }
}

/// The binary with a clean environment: no AWS configuration of the machine leaks in.
fn obs_cost(home: &Path) -> Command {
    let mut cmd = Command::cargo_bin("obs-cost").unwrap();
    cmd.env_clear().env("HOME", home).env("PATH", std::env::var("PATH").unwrap_or_default());
    cmd
}

/// The binary pointed at the fake Price List API with static test credentials.
fn api_cmd(home: &Path, server: &FakeAws) -> Command {
    let mut cmd = obs_cost(home);
    cmd.env("AWS_ACCESS_KEY_ID", "AKIDOBSCOSTTEST")
        .env("AWS_SECRET_ACCESS_KEY", "obs-cost-test-secret-not-real")
        .env("AWS_ENDPOINT_URL_PRICING", &server.url)
        .env("AWS_EC2_METADATA_DISABLED", "true")
        .env("AWS_MAX_ATTEMPTS", "3");
    cmd
}

fn refresh_args(out: &Path, source: &str) -> Vec<String> {
    [
        "--price-book",
        BOOK,
        "pricing",
        "refresh",
        "--region",
        "ap-northeast-2",
        "--source",
        source,
        "--snapshot-date",
        "2026-11-22",
        "-o",
    ]
    .iter()
    .map(|s| s.to_string())
    .chain([out.display().to_string()])
    .collect()
}

fn read_snapshot(dir: &Path) -> serde_json::Value {
    let text = std::fs::read_to_string(dir.join("ap-northeast-2.yaml")).unwrap();
    let yaml: serde_yaml::Value = serde_yaml::from_str(&text).unwrap();
    serde_json::to_value(yaml).unwrap()
}

fn entry<'a>(book: &'a serde_json::Value, id: &str) -> &'a serde_json::Value {
    book["entries"].as_array().unwrap().iter().find(|e| e["id"] == id).unwrap_or_else(|| panic!("no entry {id}"))
}

fn tiers(e: &serde_json::Value) -> Vec<(String, String, String)> {
    e["tiers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| {
            let s = |k: &str| t[k].as_str().unwrap_or("Inf").to_string();
            (s("begin"), s("end"), s("usd"))
        })
        .collect()
}

fn stderr(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn stdout(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn api_refresh_pages_retries_throttling_handles_the_traps_and_writes_a_loadable_snapshot() {
    // The first ElastiCache query is throttled once: the SDK must retry it.
    let throttled = Arc::new(AtomicBool::new(false));
    let once = throttled.clone();
    let server = FakeAws::start(AWS_JSON, move |req, _| {
        let elasticache = req.filter("usagetype").is_some_and(|(_, v)| v == "NodeUsage:cache.t4g.micro");
        if elasticache && !once.swap(true, Ordering::SeqCst) {
            return Response::status(400, fixture("api/throttling.json"));
        }
        api_page(req)
    });
    let home = tempfile::tempdir().unwrap();
    let out_dir = home.path().join("snap");
    let out = api_cmd(home.path(), &server).args(refresh_args(&out_dir, "api")).output().unwrap();
    assert!(out.status.success(), "stdout:\n{}\nstderr:\n{}", stdout(&out), stderr(&out));
    assert!(stdout(&out).contains("7 entries refreshed"), "{}", stdout(&out));

    // The wire protocol: awsJson1.1 POST /, the GetProducts target, SigV4 for the pricing service
    // in the Price List endpoint region nearest Seoul (ap-south-1), never the priced region.
    let reqs = server.requests();
    for r in &reqs {
        assert_eq!((r.method.as_str(), r.path.as_str()), ("POST", "/"));
        assert_eq!(r.headers.get("x-amz-target").map(String::as_str), Some("AWSPriceListService.GetProducts"));
        assert_eq!(r.headers.get("content-type").map(String::as_str), Some("application/x-amz-json-1.1"));
        let auth = r.headers.get("authorization").cloned().unwrap_or_default();
        assert!(auth.contains("/ap-south-1/pricing/aws4_request"), "{auth}");
        assert_eq!(r.json()["FormatVersion"], "aws_v1");
        // The usage type is matched by suffix, never as the full prefixed string.
        let (kind, value) = r.filter("usagetype").unwrap();
        assert!(kind == "CONTAINS" && !value.starts_with("APN2-"), "{kind} {value}");
    }
    let by_usage =
        |u: &str| reqs.iter().filter(|r| r.filter("usagetype").is_some_and(|(_, v)| v == u)).collect::<Vec<_>>();
    // Paging: RDS took two pages, the second with the first page's NextToken.
    let rds = by_usage("InstanceUsage:db.t4g.micro");
    assert_eq!(rds.len(), 2);
    assert_eq!(rds[1].json()["NextToken"], "eyJwYWdlIjoyfQ==");
    // Throttling: the ElastiCache query was sent again after the 400.
    assert_eq!(by_usage("NodeUsage:cache.t4g.micro").len(), 2);
    // The global dashboard product is queried without a regionCode filter; the others with it.
    assert!(by_usage("DashboardsUsageHour")[0].filter("regionCode").is_none());
    assert_eq!(
        by_usage("CW:Requests")[0].filter("regionCode"),
        Some(("TERM_MATCH".to_string(), "ap-northeast-2".to_string()))
    );
    assert_eq!(
        by_usage("CW:MetricMonitorUsage")[0].filter("group"),
        Some(("TERM_MATCH".to_string(), "Metric".to_string()))
    );
    // Credentials are never printed.
    assert!(!stdout(&out).contains("obs-cost-test-secret") && !stderr(&out).contains("obs-cost-test-secret"));

    let book = read_snapshot(&out_dir);
    assert_eq!(book["snapshot"], "2026-11-22");
    assert_eq!(book["usage_type_prefix"], "APN2");
    let requests = entry(&book, "cloudwatch.api_requests");
    assert_eq!(tiers(requests), [("0".into(), "Inf".into(), "0.000012".into())]);
    assert_eq!(requests["status"], "confirmed");
    assert_eq!(requests["as_of"], "2026-11-14");
    assert!(requests.get("note").is_none(), "a refreshed entry's old note is obsolete");
    let source = requests["source"].as_str().unwrap();
    assert!(
        source.contains("AWS Price List Query API GetProducts") && source.contains("sku 7Q6S5ZJ8J8MF3WAV"),
        "{source}"
    );
    // Tiers sorted by numeric beginRange, although the JSON had them in reverse.
    let metrics: Vec<_> = tiers(entry(&book, "cloudwatch.metrics")).into_iter().map(|t| t.0).collect();
    assert_eq!(metrics, ["0", "10000", "250000", "1000000"]);
    // Outposts row ignored (0.025 on Outposts, 0.026 in the region).
    assert_eq!(tiers(entry(&book, "rds.postgres.db.t4g.micro.single_az"))[0].2, "0.026");
    // The $0 reserved-instance-applied dimension ignored.
    assert_eq!(
        tiers(entry(&book, "elasticache.valkey.cache.t4g.micro")),
        [("0".into(), "Inf".into(), "0.0192".into())]
    );
    // The AMP $0 first tier is the free tier of free-tiers.yaml: folded, not counted twice.
    assert_eq!(
        tiers(entry(&book, "managed_prometheus.samples")),
        [
            ("0".into(), "2000000000".into(), "0.0000001".into()),
            ("2000000000".into(), "252000000000".into(), "0.00000004".into()),
            ("252000000000".into(), "Inf".into(), "0.000000018".into()),
        ]
    );
    // The Global-XRay-TracesStored free-tier product is not the regional price.
    assert_eq!(tiers(entry(&book, "xray.traces_recorded"))[0].2, "0.000005");
    assert_eq!(tiers(entry(&book, "cloudwatch.dashboards"))[0].2, "3");

    // The snapshot directory is a complete price book.
    let show = obs_cost(home.path())
        .args(["--price-book", out_dir.to_str().unwrap(), "pricing", "show", "--format", "json"])
        .output()
        .unwrap();
    assert!(show.status.success(), "{}", stderr(&show));

    // And the diff names what changed.
    let diff = obs_cost(home.path())
        .args(["pricing", "diff", BOOK, out_dir.to_str().unwrap(), "--format", "json"])
        .output()
        .unwrap();
    assert!(diff.status.success(), "{}", stderr(&diff));
    let d: serde_json::Value = serde_json::from_slice(&diff.stdout).unwrap();
    let change = d["changed"].as_array().unwrap().iter().find(|c| c["id"] == "cloudwatch.api_requests").unwrap();
    assert_eq!((change["old_usd"].as_str(), change["new_usd"].as_str()), (Some("0.00001"), Some("0.000012")));
    assert_eq!((change["change_usd"].as_str(), change["change_percent"].as_str()), (Some("0.000002"), Some("20.00")));
    let restructured = d["changed"].as_array().unwrap().iter().find(|c| c["id"] == "cloudwatch.metrics").unwrap();
    assert!(restructured["new_tiers"].as_str().unwrap().contains("over 1000000"), "{restructured}");
    let md = obs_cost(home.path())
        .args(["pricing", "diff", BOOK, out_dir.to_str().unwrap(), "--format", "markdown"])
        .output()
        .unwrap();
    assert!(stdout(&md).contains("| ap-northeast-2 cloudwatch.api_requests | from 0 request |"), "{}", stdout(&md));
}

#[test]
fn api_expired_credentials_are_one_clear_error_and_nothing_is_written() {
    let server = FakeAws::start(AWS_JSON, |_, _| Response::status(400, fixture("api/expired-token.json")));
    let home = tempfile::tempdir().unwrap();
    let out_dir = home.path().join("snap");
    let out = api_cmd(home.path(), &server).args(refresh_args(&out_dir, "api")).output().unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(err.contains("the AWS credentials have expired (ExpiredTokenException)"), "{err}");
    assert!(err.contains("still works offline"), "{err}");
    assert_eq!(server.requests().len(), 1, "an expired token is not retried per entry");
    assert!(!out_dir.exists());
}

#[test]
fn api_empty_results_for_every_entry_are_an_unknown_region_error() {
    let server = FakeAws::start(AWS_JSON, |_, _| Response::ok(fixture("api/empty.json")));
    let home = tempfile::tempdir().unwrap();
    let out_dir = home.path().join("snap");
    let out = api_cmd(home.path(), &server).args(refresh_args(&out_dir, "api")).output().unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains("no products in region 'ap-northeast-2'"), "{}", stderr(&out));
    assert!(!out_dir.exists());
}

#[test]
fn api_an_empty_or_malformed_entry_is_kept_from_the_old_book_and_reported() {
    let server = FakeAws::start(AWS_JSON, |req, _| match req.filter("usagetype").map(|f| f.1).as_deref() {
        Some("CW:Requests") => Response::ok(fixture("api/malformed-price.json")),
        Some("XRay-TracesStored") => Response::ok(fixture("api/empty.json")),
        _ => api_page(req),
    });
    let home = tempfile::tempdir().unwrap();
    let out_dir = home.path().join("snap");
    let out = api_cmd(home.path(), &server).args(refresh_args(&out_dir, "api")).output().unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(err.contains("2 of 7 entries could not be refreshed"), "{err}");
    assert!(
        err.contains("entry 'cloudwatch.api_requests' (AmazonCloudWatch usage type '*CW:Requests' in ap-northeast-2")
            && err.contains("malformed price '0.0000I20000'"),
        "{err}"
    );
    assert!(err.contains("entry 'xray.traces_recorded' (AWSXRay usage type '*XRay-TracesStored' in ap-northeast-2): the AWS Price List has no product"), "{err}");
    let book = read_snapshot(&out_dir);
    let kept = entry(&book, "cloudwatch.api_requests");
    assert_eq!((kept["status"].as_str(), kept["source"].as_str()), (Some("unconfirmed"), Some("test fixture (stale)")));
    assert_eq!(entry(&book, "rds.postgres.db.t4g.micro.single_az")["status"], "confirmed");
}

#[test]
fn no_credentials_says_which_sources_were_tried_and_that_offline_still_works() {
    let home = tempfile::tempdir().unwrap();
    let out_dir = home.path().join("snap");
    // No AWS variable at all, an empty HOME: the default chain finds nothing.
    let out = obs_cost(home.path())
        .args(refresh_args(&out_dir, "api"))
        .timeout(std::time::Duration::from_secs(120))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    let err = stderr(&out);
    for needle in [
        "no AWS credentials found",
        "environment variables (AWS_ACCESS_KEY_ID",
        "~/.aws/credentials",
        "EC2 instance metadata",
        "the bundled price book still works offline",
        "--source bulk",
    ] {
        assert!(err.contains(needle), "missing {needle:?} in:\n{err}");
    }
    assert!(!out_dir.exists());
}

#[test]
fn a_region_the_price_list_does_not_know_is_named() {
    let home = tempfile::tempdir().unwrap();
    for source in ["api", "bulk"] {
        let out = obs_cost(home.path())
            .args(["pricing", "refresh", "--region", "mars-north-1", "--source", source])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
        assert!(stderr(&out).contains("region 'mars-north-1' is not a region"), "{}", stderr(&out));
    }
}

/// Serves the bulk fixtures at their offer-file paths for ap-northeast-2.
fn bulk_server(overrides: impl Fn(&Request) -> Option<Response> + Send + Sync + 'static) -> FakeAws {
    FakeAws::start(AWS_JSON, move |req, _| {
        if let Some(r) = overrides(req) {
            return r;
        }
        let parts: Vec<&str> = req.path.trim_start_matches('/').split('/').collect();
        match parts.as_slice() {
            ["offers", "v1.0", "aws", code, "current", region, "index.json"] => {
                match std::fs::read(Path::new(FIXTURES).join(format!("bulk/{code}.{region}.json"))) {
                    Ok(body) => Response::ok(body),
                    // The offer bucket answers 403 for a file that does not exist.
                    Err(_) => Response::status(403, "<Error><Code>AccessDenied</Code></Error>"),
                }
            }
            _ => Response::status(404, "not found"),
        }
    })
}

fn bulk_cmd(home: &Path, server: &FakeAws) -> Command {
    let mut cmd = obs_cost(home);
    cmd.env("OBS_COST_PRICING_BULK_URL", &server.url);
    cmd
}

#[test]
fn bulk_refresh_streams_the_offer_files_checks_their_size_and_handles_the_traps() {
    let server = bulk_server(|_| None);
    let home = tempfile::tempdir().unwrap();
    let out_dir = home.path().join("snap");
    let out = bulk_cmd(home.path(), &server).args(refresh_args(&out_dir, "bulk")).output().unwrap();
    assert!(out.status.success(), "stdout:\n{}\nstderr:\n{}", stdout(&out), stderr(&out));
    let reqs = server.requests();
    // One HEAD (size check) then one GET per service, never per entry.
    let heads = reqs.iter().filter(|r| r.method == "HEAD").count();
    let gets: Vec<&str> = reqs.iter().filter(|r| r.method == "GET").map(|r| r.path.as_str()).collect();
    assert_eq!((heads, gets.len()), (5, 5), "{gets:?}");
    assert!(gets.contains(&"/offers/v1.0/aws/AmazonRDS/current/ap-northeast-2/index.json"), "{gets:?}");
    let book = read_snapshot(&out_dir);
    assert_eq!(tiers(entry(&book, "rds.postgres.db.t4g.micro.single_az"))[0].2, "0.026");
    assert_eq!(tiers(entry(&book, "elasticache.valkey.cache.t4g.micro"))[0].2, "0.0192");
    assert_eq!(tiers(entry(&book, "xray.traces_recorded"))[0].2, "0.000005");
    assert_eq!(tiers(entry(&book, "cloudwatch.metrics")).len(), 4);
    let source = entry(&book, "cloudwatch.api_requests")["source"].as_str().unwrap().to_string();
    assert!(
        source.contains("bulk offer file")
            && source.contains("/AmazonCloudWatch/current/ap-northeast-2/index.json")
            && source.contains("offer version 20261114183341"),
        "{source}"
    );
    assert_eq!(entry(&book, "cloudwatch.api_requests")["as_of"], "2026-11-14");
}

#[test]
fn bulk_refuses_an_offer_file_over_the_size_limit_without_downloading_it() {
    // The RDS file announces 5 GB: over --max-offer-mb, so it is never fetched.
    let server = bulk_server(|req| {
        (req.method == "HEAD" && req.path.contains("/AmazonRDS/")).then(|| Response {
            status: 200,
            body: Vec::new(),
            head_length: Some(5_000_000_000),
        })
    });
    let home = tempfile::tempdir().unwrap();
    let out_dir = home.path().join("snap");
    let out = bulk_cmd(home.path(), &server).args(refresh_args(&out_dir, "bulk")).output().unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(err.contains("is 5000 MB, over the limit of 1024 MB") && err.contains("--max-offer-mb"), "{err}");
    assert!(!server.requests().iter().any(|r| r.method == "GET" && r.path.contains("/AmazonRDS/")));
    // The refused entry is kept from the old book; the others were refreshed.
    let book = read_snapshot(&out_dir);
    assert_eq!(entry(&book, "rds.postgres.db.t4g.micro.single_az")["source"], "test fixture");
    assert_eq!(entry(&book, "cloudwatch.api_requests")["status"], "confirmed");
}

#[test]
fn bulk_a_malformed_offer_file_is_reported_and_its_entries_kept() {
    let server = bulk_server(|req| {
        (req.path.contains("/AmazonCloudWatch/") && req.method == "GET")
            .then(|| Response::ok(fixture("bulk/malformed.json")))
    });
    let home = tempfile::tempdir().unwrap();
    let out_dir = home.path().join("snap");
    let out = bulk_cmd(home.path(), &server).args(refresh_args(&out_dir, "bulk")).output().unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(
        err.contains("3 of 7 entries could not be refreshed") && err.contains("is not a valid AWS offer file"),
        "{err}"
    );
    assert_eq!(read_snapshot(&out_dir)["entries"][0]["source"], "test fixture (stale)");
}

#[test]
fn bulk_a_region_without_offer_files_is_an_error_naming_it() {
    let server = bulk_server(|req| (req.path.contains("/ap-northeast-2/")).then(|| Response::status(404, "")));
    let home = tempfile::tempdir().unwrap();
    let out_dir = home.path().join("snap");
    let out = bulk_cmd(home.path(), &server).args(refresh_args(&out_dir, "bulk")).output().unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains("no offer file for region 'ap-northeast-2'"), "{}", stderr(&out));
    assert!(!out_dir.exists());
}

#[test]
fn services_limit_the_refresh_and_a_new_region_gets_only_refreshed_prices() {
    // eu-west-1 is not in the bundled book: its us-east-1 entries are the list to refresh, and
    // the new region file holds only what AWS priced for eu-west-1.
    let server = bulk_server(|req| {
        let parts: Vec<&str> = req.path.split('/').collect();
        (parts.get(6) == Some(&"eu-west-1")).then(|| {
            let code = parts[4];
            match std::fs::read_to_string(Path::new(FIXTURES).join(format!("bulk/{code}.ap-northeast-2.json"))) {
                Ok(t) => Response::ok(
                    t.replace("ap-northeast-2", "eu-west-1")
                        .replace("APN2-", "EU-")
                        .replace("Asia Pacific (Seoul)", "EU (Ireland)"),
                ),
                Err(_) => Response::status(403, ""),
            }
        })
    });
    let home = tempfile::tempdir().unwrap();
    let out_dir = home.path().join("snap");
    let out = bulk_cmd(home.path(), &server)
        .args(["pricing", "refresh", "--region", "eu-west-1", "--source", "bulk", "--services", "AmazonCloudWatch"])
        .args(["--snapshot-date", "2026-11-22", "-o", out_dir.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}\n{}", stdout(&out), stderr(&out));
    let text = std::fs::read_to_string(out_dir.join("eu-west-1.yaml")).unwrap();
    let book: serde_yaml::Value = serde_yaml::from_str(&text).unwrap();
    let ids: Vec<&str> = book["entries"].as_sequence().unwrap().iter().map(|e| e["id"].as_str().unwrap()).collect();
    // Only CloudWatch entries AWS priced; nothing copied from the us-east-1 template.
    assert_eq!(ids, ["cloudwatch.metrics", "cloudwatch.api_requests", "cloudwatch.dashboards"]);
    assert_eq!(book["usage_type_prefix"], "EU");
    assert_eq!(book["location"], "EU (Ireland)", "the location the products carry");
    assert!(stdout(&out).contains("could not be priced for this region and are left out"), "{}", stdout(&out));
    assert!(PathBuf::from(&out_dir).join("free-tiers.yaml").exists());
}

#[test]
fn services_that_select_nothing_are_an_error_listing_the_service_codes() {
    let home = tempfile::tempdir().unwrap();
    let out = obs_cost(home.path())
        .args(["--price-book", BOOK, "pricing", "refresh", "--region", "ap-northeast-2", "--services", "AmazonS3"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("--services AmazonS3 selects no entry") && stderr(&out).contains("AWSXRay"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn bulk_offline_is_one_error_before_anything_is_written() {
    // Nothing listens on this port: every offer file is unreachable, as without a network.
    let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let home = tempfile::tempdir().unwrap();
    let out_dir = home.path().join("snap");
    let out = obs_cost(home.path())
        .env("OBS_COST_PRICING_BULK_URL", format!("http://127.0.0.1:{port}/?token=s3cret-mirror-token"))
        .args(refresh_args(&out_dir, "bulk"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    let err = stderr(&out);
    assert_eq!(err.matches("cannot reach").count(), 1, "one error, not one per entry: {err}");
    assert!(err.contains("nothing was written") && err.contains("hint: "), "{err}");
    assert!(!err.contains("s3cret-mirror-token"), "a token in the mirror URL leaked: {err}");
    assert!(!out_dir.exists(), "something was written");
}

#[test]
fn bulk_when_no_entry_can_be_refreshed_nothing_is_written() {
    // Every offer file answers, but none is a valid offer file.
    let server = bulk_server(|req| (req.method == "GET").then(|| Response::ok("{\"products\": 7}")));
    let home = tempfile::tempdir().unwrap();
    let out_dir = home.path().join("snap");
    let out = bulk_cmd(home.path(), &server).args(refresh_args(&out_dir, "bulk")).output().unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(err.contains("none of the 7 entries could be refreshed") && err.contains("nothing was written"), "{err}");
    assert!(err.matches("is not a valid AWS offer file").count() <= 5, "one line per offer file at most: {err}");
    assert!(!out_dir.exists());
}

#[test]
fn api_an_answer_over_the_size_limit_is_refused() {
    // A GetProducts page of 33 MiB (a real one is well under 1 MiB).
    let server = FakeAws::start(AWS_JSON, |_, _| Response::ok(vec![b' '; 33 * 1024 * 1024]));
    let home = tempfile::tempdir().unwrap();
    let out_dir = home.path().join("snap");
    let out = api_cmd(home.path(), &server).args(refresh_args(&out_dir, "api")).output().unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(err.contains("larger than the 32 MiB obs-cost reads") && err.contains("hint: "), "{err}");
    assert!(!out_dir.exists());
}
