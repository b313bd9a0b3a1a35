//! `obs-cost measure --cloudwatch` end to end with no AWS endpoint: a local HTTP server speaks the
//! CloudWatch awsQuery wire protocol of the pinned aws-sdk-cloudwatch (form-encoded POSTs with
//! `Action=...&Version=2010-08-01`, XML answers in the shapes the CloudWatch API reference
//! documents), selected with the standard `AWS_ENDPOINT_URL_CLOUDWATCH` override and static test
//! credentials from the environment. Covers paging (ListMetrics and GetMetricData NextToken),
//! throttling (retried), expired credentials, an empty account, a malformed answer, no
//! credentials, an unknown region and bad flags.

use crate::support;

use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use assert_cmd::Command;
use support::fake_aws::{FakeAws, Request, Response};

/// awsQuery answers are XML.
const XML: &str = "text/xml";
const NS: &str = "http://monitoring.amazonaws.com/doc/2010-08-01/";
/// The window's end (`--at`) and start (`--window 10d`).
const END: i64 = 1_706_745_600;
const DAY: i64 = 86_400;
const START: i64 = END - 10 * DAY;
const SECRET: &str = "obs-cost-test-secret-not-real";

/// A metric: namespace, name, dimensions.
type M = (&'static str, &'static str, Vec<(&'static str, &'static str)>);

fn metric_xml((ns, name, dims): &M) -> String {
    let dims: String =
        dims.iter().map(|(n, v)| format!("<member><Name>{n}</Name><Value>{v}</Value></member>")).collect();
    format!(
        "<member><Namespace>{ns}</Namespace><MetricName>{name}</MetricName><Dimensions>{dims}</Dimensions></member>"
    )
}

fn list_metrics_xml(metrics: &[M], next: Option<&str>) -> String {
    let members: String = metrics.iter().map(metric_xml).collect();
    let next = next.map(|t| format!("<NextToken>{t}</NextToken>")).unwrap_or_default();
    format!(
        "<ListMetricsResponse xmlns=\"{NS}\"><ListMetricsResult><Metrics>{members}</Metrics>{next}</ListMetricsResult>\
         <ResponseMetadata><RequestId>11111111-test</RequestId></ResponseMetadata></ListMetricsResponse>"
    )
}

fn iso(secs: i64) -> String {
    humantime::format_rfc3339_seconds(std::time::UNIX_EPOCH + std::time::Duration::from_secs(secs as u64)).to_string()
}

/// One MetricDataResults member.
fn result_xml(id: &str, points: &[(i64, f64)]) -> String {
    let ts: String = points.iter().map(|(t, _)| format!("<member>{}</member>", iso(*t))).collect();
    let vs: String = points.iter().map(|(_, v)| format!("<member>{v}</member>")).collect();
    format!(
        "<member><Id>{id}</Id><Label>{id}</Label><Timestamps>{ts}</Timestamps><Values>{vs}</Values><StatusCode>Complete</StatusCode></member>"
    )
}

fn get_metric_data_xml(results: &[String], next: Option<&str>) -> String {
    let next = next.map(|t| format!("<NextToken>{t}</NextToken>")).unwrap_or_default();
    format!(
        "<GetMetricDataResponse xmlns=\"{NS}\"><GetMetricDataResult><MetricDataResults>{}</MetricDataResults>{next}<Messages/></GetMetricDataResult>\
         <ResponseMetadata><RequestId>22222222-test</RequestId></ResponseMetadata></GetMetricDataResponse>",
        results.concat()
    )
}

fn error_xml(code: &str, message: &str) -> String {
    format!(
        "<ErrorResponse xmlns=\"{NS}\"><Error><Type>Sender</Type><Code>{code}</Code><Message>{message}</Message></Error><RequestId>33333333-test</RequestId></ErrorResponse>"
    )
}

/// `value` every day of the window, from `first` (a day's start) to the end.
fn daily(first: i64, value: f64) -> Vec<(i64, f64)> {
    (0..).map(|d| first + d * DAY).take_while(|t| *t < END).map(|t| (t, value)).collect()
}

/// One GetMetricData query of a request: its id, namespace, metric name, dimensions and statistic.
#[derive(Debug, Clone, PartialEq)]
struct Query {
    id: String,
    namespace: String,
    metric: String,
    dims: Vec<(String, String)>,
    stat: String,
    period: String,
}

fn queries(req: &Request) -> Vec<Query> {
    let form = req.form();
    let get = |k: String| form.iter().find(|(n, _)| *n == k).map(|(_, v)| v.clone()).unwrap_or_default();
    (1..)
        .map(|n| format!("MetricDataQueries.member.{n}."))
        .take_while(|p| form.iter().any(|(k, _)| k.starts_with(p.as_str())))
        .map(|p| Query {
            id: get(format!("{p}Id")),
            namespace: get(format!("{p}MetricStat.Metric.Namespace")),
            metric: get(format!("{p}MetricStat.Metric.MetricName")),
            dims: (1..)
                .map(|d| format!("{p}MetricStat.Metric.Dimensions.member.{d}."))
                .take_while(|dp| form.iter().any(|(k, _)| k.starts_with(dp.as_str())))
                .map(|dp| (get(format!("{dp}Name")), get(format!("{dp}Value"))))
                .collect(),
            stat: get(format!("{p}MetricStat.Stat")),
            period: get(format!("{p}MetricStat.Period")),
        })
        .collect()
}

/// The datapoints of the fake account.
fn series(q: &Query) -> Vec<(i64, f64)> {
    let dim = q.dims.first().map(|d| d.1.as_str()).unwrap_or_default();
    match (q.namespace.as_str(), q.metric.as_str(), dim) {
        ("AWS/Logs", "IncomingBytes", "/app/api") => daily(START, 10e9),
        ("AWS/Logs", "IncomingBytes", "/app/worker") => daily(START, 1e9),
        // Created two days before the end: scaled from two days, marked extrapolated.
        ("AWS/Logs", "IncomingBytes", "/app/new") => daily(END - 2 * DAY, 5e9),
        ("AWS/Usage", "CallCount", _) => {
            let op = q.dims.iter().find(|d| d.0 == "Resource").map(|d| d.1.as_str()).unwrap_or_default();
            match op {
                "PutMetricData" => daily(START, 1000.0),
                "ListMetrics" => daily(START, 10.0),
                "GetMetricData" => daily(START, 50.0),
                _ => vec![],
            }
        }
        ("AWS/X-Ray", "ApproximateTraceCount", "Default") => daily(START, 1000.0),
        ("AWS/EC2", "CPUUtilization", _) => vec![(START, 20.0), (START + DAY, 40.0)],
        ("AWS/EC2", "NetworkIn", _) => daily(START, 1e9),
        ("AWS/EC2", "NetworkOut", _) => daily(START, 2e9),
        _ => vec![],
    }
}

fn logs_metrics() -> Vec<M> {
    vec![
        ("AWS/Logs", "IncomingBytes", vec![("LogGroupName", "/app/api")]),
        ("AWS/Logs", "IncomingBytes", vec![("LogGroupName", "/app/worker")]),
        ("AWS/Logs", "IncomingBytes", vec![("LogGroupName", "/app/new")]),
        ("AWS/Logs", "IncomingBytes", vec![("LogGroupName", "/other/batch")]),
        // The account-wide total has no dimension: never counted with the groups.
        ("AWS/Logs", "IncomingBytes", vec![]),
    ]
}

/// The fake account's answer to one request.
fn account(req: &Request) -> Response {
    let action = req.param("Action").unwrap_or_default();
    let ns = req.param("Namespace");
    let next = req.param("NextToken");
    match action.as_str() {
        "ListMetrics" => match ns.as_deref() {
            Some("AWS/Logs") => Response::ok(list_metrics_xml(&logs_metrics(), None)),
            Some("AWS/Usage") => Response::ok(list_metrics_xml(
                &["PutMetricData", "ListMetrics", "GetMetricData"].map(|op| {
                    (
                        "AWS/Usage",
                        "CallCount",
                        vec![("Service", "CloudWatch"), ("Type", "API"), ("Resource", op), ("Class", "None")],
                    )
                }),
                None,
            )),
            Some("AWS/X-Ray") => Response::ok(list_metrics_xml(
                &[("AWS/X-Ray", "ApproximateTraceCount", vec![("GroupName", "Default")])],
                None,
            )),
            Some(_) => Response::ok(list_metrics_xml(&[], None)),
            // Every namespace, in two pages.
            None => match next.as_deref() {
                None => Response::ok(list_metrics_xml(
                    &[
                        ("AWS/EC2", "CPUUtilization", vec![("InstanceId", "i-0123456789abcdef0")]),
                        ("CloudMart", "orders_total", vec![("service", "api")]),
                        ("CloudMart", "orders_total", vec![("service", "worker")]),
                        ("CWAgent", "mem_used_percent", vec![("host", "a")]),
                    ],
                    Some("cGFnZTI="),
                )),
                Some("cGFnZTI=") => Response::ok(list_metrics_xml(
                    &[
                        ("CloudMart", "latency_seconds", vec![]),
                        ("CWAgent", "disk_used_percent", vec![("host", "a")]),
                        ("AWS/Logs", "IncomingBytes", vec![("LogGroupName", "/app/api")]),
                    ],
                    None,
                )),
                Some(other) => Response::status(400, error_xml("InvalidParameterValue", &format!("bad token {other}"))),
            },
        },
        "GetMetricData" => {
            let qs = queries(req);
            let results: Vec<String> = qs.iter().map(|q| result_xml(&q.id, &series(q))).collect();
            // Several queries: the first one's result comes on a first page, the rest after NextToken.
            match (next.as_deref(), results.len()) {
                (None, n) if n > 1 => Response::ok(get_metric_data_xml(&results[..1], Some("Z21kMg=="))),
                (Some("Z21kMg=="), _) => Response::ok(get_metric_data_xml(&results[1..], None)),
                _ => Response::ok(get_metric_data_xml(&results, None)),
            }
        }
        other => Response::status(400, error_xml("InvalidAction", &format!("unknown action {other}"))),
    }
}

/// The binary with a clean environment: no AWS configuration of the machine leaks in.
fn obs_cost(home: &Path) -> Command {
    let mut cmd = Command::cargo_bin("obs-cost").unwrap();
    cmd.env_clear()
        .env("HOME", home)
        .env("PATH", std::env::var("PATH").unwrap_or_default())
        .env("AWS_EC2_METADATA_DISABLED", "true")
        .timeout(std::time::Duration::from_secs(120));
    cmd
}

/// The binary pointed at the fake CloudWatch with static test credentials.
fn cw_cmd(home: &Path, server: &FakeAws) -> Command {
    let mut cmd = obs_cost(home);
    cmd.env("AWS_ACCESS_KEY_ID", "AKIDOBSCOSTTEST")
        .env("AWS_SECRET_ACCESS_KEY", SECRET)
        .env("AWS_ENDPOINT_URL_CLOUDWATCH", &server.url)
        .env("AWS_MAX_ATTEMPTS", "3");
    cmd
}

const ARGS: &[&str] =
    &["measure", "--cloudwatch", "--region", "ap-northeast-2", "--window", "10d", "--at", "2024-02-01T00:00:00Z", "-q"];

fn stderr(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn yaml(text: &[u8]) -> serde_json::Value {
    let v: serde_yaml::Value = serde_yaml::from_slice(text).unwrap();
    serde_json::to_value(v).unwrap()
}

fn close(v: &serde_json::Value, want: f64) {
    let got = v.as_f64().unwrap_or_else(|| panic!("not a number: {v}"));
    assert!((got - want).abs() <= want.abs() * 1e-6, "got {got}, want {want}");
}

/// Per month from a 10-day sum.
fn monthly(sum_over_window: f64) -> f64 {
    sum_over_window * 2_628_000.0 / (10.0 * 86_400.0)
}

#[test]
fn reads_logs_metrics_api_calls_traces_and_hosts_pages_and_retries_throttling() {
    // The second ListMetrics page of every namespace is throttled once: the SDK must retry it.
    let throttled = Arc::new(AtomicBool::new(false));
    let once = throttled.clone();
    let server = FakeAws::start(XML, move |req, _| {
        let page2 = req.param("Action").as_deref() == Some("ListMetrics")
            && req.param("Namespace").is_none()
            && req.param("NextToken").is_some();
        if page2 && !once.swap(true, Ordering::SeqCst) {
            return Response::status(400, error_xml("Throttling", "Rate exceeded"));
        }
        account(req)
    });
    let home = tempfile::tempdir().unwrap();
    let out_file = home.path().join("actual.yaml");
    let out = cw_cmd(home.path(), &server)
        .args(ARGS)
        .args(["--log-group-prefix", "/app/", "--instance-id", "i-0123456789abcdef0", "-o"])
        .arg(&out_file)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));

    // The wire protocol: awsQuery POST / form-encoded, version 2010-08-01, SigV4 for "monitoring"
    // in the region asked for.
    let reqs = server.requests();
    for r in &reqs {
        assert_eq!((r.method.as_str(), r.path.as_str()), ("POST", "/"));
        assert!(r.headers["content-type"].starts_with("application/x-www-form-urlencoded"), "{:?}", r.headers);
        assert_eq!(r.param("Version").as_deref(), Some("2010-08-01"));
        let auth = &r.headers["authorization"];
        assert!(auth.contains("/ap-northeast-2/monitoring/aws4_request"), "{auth}");
        assert!(!r.body.contains(SECRET));
    }
    // Paging: ListMetrics of every namespace sent its NextToken; throttled page retried.
    let all: Vec<&Request> = reqs
        .iter()
        .filter(|r| r.param("Action").as_deref() == Some("ListMetrics") && r.param("Namespace").is_none())
        .collect();
    assert_eq!(all.len(), 3, "page 1, page 2 throttled, page 2 again");
    assert_eq!(all[2].param("NextToken").as_deref(), Some("cGFnZTI="));
    // AWS/Usage is filtered on the documented dimensions.
    let usage = reqs.iter().find(|r| r.param("Namespace").as_deref() == Some("AWS/Usage")).unwrap();
    let form = usage.form();
    for (n, v) in [("Service", "CloudWatch"), ("Type", "API"), ("Class", "None")] {
        assert!(
            form.windows(2).any(|w| w[0].1 == n && w[1].1 == v && w[0].0.ends_with(".Name")),
            "{n}={v} missing from {form:?}"
        );
    }
    // GetMetricData: daily sums over the window, and its NextToken followed.
    let gmd: Vec<&Request> = reqs.iter().filter(|r| r.param("Action").as_deref() == Some("GetMetricData")).collect();
    assert!(gmd.iter().any(|r| r.param("NextToken").as_deref() == Some("Z21kMg==")));
    let first = &gmd[0];
    assert_eq!(first.param("StartTime").as_deref(), Some(iso(START).as_str()));
    assert_eq!(first.param("EndTime").as_deref(), Some(iso(END).as_str()));
    let qs = queries(first);
    assert!(qs.iter().all(|q| q.period == "86400" && q.stat == "Sum" && q.metric == "IncomingBytes"), "{qs:?}");
    // Only the prefixed log groups were read.
    assert_eq!(qs.len(), 3, "{qs:?}");

    let text = std::fs::read(&out_file).unwrap();
    assert!(!String::from_utf8_lossy(&text).contains(SECRET));
    assert!(!stderr(&out).contains(SECRET));
    let snap = yaml(&text);
    assert_eq!(snap["schema_version"], 1);
    assert_eq!(snap["kind"], "usage");
    assert_eq!(snap["sources"], serde_json::json!([]));
    let a = &snap["actual"];
    assert_eq!(a["region"], "ap-northeast-2");
    assert_eq!(a["endpoint"], server.url.as_str());
    assert_eq!(a["period_seconds"], 86_400);
    assert_eq!((a["start"].as_str(), a["end"].as_str()), (Some("2024-01-22T00:00:00Z"), Some("2024-02-01T00:00:00Z")));

    // Logs: 100 GB + 10 GB over 10 days, and /app/new's 10 GB over its 2 days.
    let groups = a["logs"]["log_groups"].as_array().unwrap();
    let names: Vec<&str> = groups.iter().map(|g| g["name"].as_str().unwrap()).collect();
    assert_eq!(names, ["/app/api", "/app/new", "/app/worker"]);
    close(&groups[0]["ingested_gb_per_month"]["value"], monthly(100.0));
    let new = &groups[1]["ingested_gb_per_month"];
    close(&new["value"], 10.0 * 2_628_000.0 / (2.0 * 86_400.0));
    assert_eq!((new["extrapolated"].as_bool(), new["history_seconds"].as_u64()), (Some(true), Some(2 * 86_400)));
    assert_eq!(
        groups[0]["ingested_gb_per_month"]["query"],
        "GetMetricData AWS/Logs IncomingBytes {LogGroupName=/app/api} Sum, period 86400s"
    );
    assert_eq!(groups[0]["ingested_gb_per_month"]["window_seconds"], 864_000);
    assert_eq!(groups[0]["ingested_gb_per_month"]["unit"], "GB/month");
    let total = &a["logs"]["ingested_gb_per_month"];
    close(&total["value"], monthly(110.0) + 10.0 * 2_628_000.0 / (2.0 * 86_400.0));
    assert_eq!(total["extrapolated"], true);
    assert!(total["query"].as_str().unwrap().contains("starting with /app/"), "{total}");
    assert_eq!(a["logs"]["log_group_prefixes"], serde_json::json!(["/app/"]));

    // Custom metrics: both pages, AWS/* excluded.
    close(&a["metrics"]["custom_metrics"]["value"], 5.0);
    assert_eq!(
        a["metrics"]["namespaces"],
        serde_json::json!([{"namespace": "CWAgent", "metrics": 2}, {"namespace": "CloudMart", "metrics": 3}])
    );
    // API requests: PutMetricData + ListMetrics; GetMetricData is billed per metric, not counted.
    close(&a["metrics"]["api_requests_per_month"]["value"], monthly(10_100.0));
    let ops = a["metrics"]["api_operations"].as_array().unwrap();
    let gmd_op = ops.iter().find(|o| o["operation"] == "GetMetricData").unwrap();
    assert_eq!(gmd_op["billed_as_request"], false);
    close(&gmd_op["requests_per_month"]["value"], monthly(500.0));
    // X-Ray and the EC2 host.
    close(&a["traces"]["traces_per_month"]["value"], monthly(10_000.0));
    let host = &a["instances"][0];
    assert_eq!(host["instance_id"], "i-0123456789abcdef0");
    close(&host["cpu_utilisation"]["value"], 0.3);
    close(&host["network_in_gb_per_month"]["value"], monthly(10.0));
    close(&host["network_out_gb_per_month"]["value"], monthly(20.0));
    // Nothing from CloudWatch is missing; the Prometheus sections are empty, not zero.
    let missing = snap["not_measured"].as_array().unwrap();
    assert!(missing.iter().all(|m| !m["component"].as_str().unwrap().starts_with("actual")), "{missing:?}");

    // The snapshot reads back as a usage snapshot (plan --usage / --actual).
    obs_cost::measure::load_snapshot(&out_file).unwrap();
}

#[test]
fn an_empty_account_lists_what_was_not_measured_and_counts_zero_custom_metrics() {
    let server = FakeAws::start(XML, |req, _| match req.param("Action").as_deref() {
        Some("ListMetrics") => Response::ok(list_metrics_xml(&[], None)),
        _ => Response::ok(get_metric_data_xml(&[], None)),
    });
    let home = tempfile::tempdir().unwrap();
    let out = cw_cmd(home.path(), &server).args(ARGS).output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let snap = yaml(&out.stdout);
    let a = &snap["actual"];
    assert!(a["logs"]["ingested_gb_per_month"].is_null());
    close(&a["metrics"]["custom_metrics"]["value"], 0.0);
    let missing: Vec<&str> =
        snap["not_measured"].as_array().unwrap().iter().map(|m| m["component"].as_str().unwrap()).collect();
    assert_eq!(missing, ["actual.logs", "actual.metrics.api_requests_per_month", "actual.traces"]);
    let hints = serde_json::to_string(&snap["not_measured"]).unwrap();
    assert!(hints.contains("does not call the X-Ray API"), "{hints}");
    // No GetMetricData call is made for nothing.
    assert!(server.requests().iter().all(|r| r.param("Action").as_deref() == Some("ListMetrics")));
}

#[test]
fn expired_credentials_are_one_clear_error() {
    let server = FakeAws::start(XML, |_, _| {
        Response::status(403, error_xml("ExpiredToken", "The security token included in the request is expired"))
    });
    let home = tempfile::tempdir().unwrap();
    let out_file = home.path().join("actual.yaml");
    let out = cw_cmd(home.path(), &server).args(ARGS).arg("-o").arg(&out_file).output().unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(err.contains("the AWS credentials have expired (ExpiredToken) calling the CloudWatch API"), "{err}");
    assert!(err.contains("still work offline"), "{err}");
    assert!(!err.contains(SECRET));
    assert_eq!(server.requests().len(), 1, "an expired token is not retried");
    assert!(!out_file.exists());
}

#[test]
fn a_malformed_answer_is_a_clear_error_naming_the_call() {
    // Not XML at all, and a datapoint value that is not a number.
    let not_xml = FakeAws::start(XML, |_, _| Response::ok("{\"Metrics\": []}"));
    let bad_value = FakeAws::start(XML, |req, _| {
        match req.param("Action").as_deref() {
        Some("GetMetricData") => Response::ok(get_metric_data_xml(
            &["<member><Id>q0</Id><Timestamps><member>2024-01-22T00:00:00Z</member></Timestamps><Values><member>1O.5</member></Values><StatusCode>Complete</StatusCode></member>".into()],
            None,
        )),
        _ => account(req),
    }
    });
    let home = tempfile::tempdir().unwrap();
    for (server, call) in [(&not_xml, "ListMetrics"), (&bad_value, "GetMetricData")] {
        let out = cw_cmd(home.path(), server).args(ARGS).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
        let err = stderr(&out);
        assert!(err.contains(&format!("sent a {call} response obs-cost cannot read")), "{err}");
    }
}

#[test]
fn a_get_metric_data_answer_with_mismatched_timestamps_and_values_is_refused() {
    let server = FakeAws::start(XML, |req, _| {
        match req.param("Action").as_deref() {
        Some("GetMetricData") => Response::ok(get_metric_data_xml(
            &["<member><Id>q0</Id><Timestamps><member>2024-01-22T00:00:00Z</member></Timestamps><Values/><StatusCode>Complete</StatusCode></member>".into()],
            None,
        )),
        _ => account(req),
    }
    });
    let home = tempfile::tempdir().unwrap();
    let out = cw_cmd(home.path(), &server).args(ARGS).output().unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains("1 timestamps but 0 values; the response is malformed"), "{}", stderr(&out));
}

#[test]
fn no_credentials_say_which_sources_were_tried_and_what_works_offline() {
    let home = tempfile::tempdir().unwrap();
    let out = obs_cost(home.path()).args(ARGS).output().unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    let err = stderr(&out);
    for needle in [
        "no AWS credentials found for the CloudWatch API",
        "environment variables (AWS_ACCESS_KEY_ID",
        "~/.aws/credentials",
        "EC2 instance metadata",
        "measuring with --prometheus and planning with the bundled price book still work offline",
    ] {
        assert!(err.contains(needle), "missing {needle:?} in:\n{err}");
    }
}

#[test]
fn an_unknown_region_and_bad_flags_are_named() {
    let home = tempfile::tempdir().unwrap();
    let run = |args: &[&str]| obs_cost(home.path()).args(args).output().unwrap();
    let out = run(&["measure", "--cloudwatch", "--region", "mars-north-1"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("region 'mars-north-1' is not an AWS region"), "{}", stderr(&out));
    let out = run(&["measure", "--cloudwatch", "--region", "us-east-1", "--instance-id", "web-1"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("--instance-id 'web-1' is not an EC2 instance id"), "{}", stderr(&out));
    // --cloudwatch needs --region; --region needs --cloudwatch; one source is required.
    for args in [
        &["measure", "--cloudwatch"][..],
        &["measure", "--prometheus", "http://127.0.0.1:1", "--region", "us-east-1"][..],
        &["measure"][..],
    ] {
        let out = run(args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
    }
}

#[test]
fn prometheus_and_cloudwatch_in_one_snapshot() {
    // A real Prometheus with the 30-day fixture, and the fake CloudWatch of an empty account: one
    // run writes the self-hosted usage and the `actual` section side by side.
    let dir = tempfile::tempdir().unwrap();
    let Some(data) = support::backfill(dir.path()) else { return };
    let Some(prom) = support::Prometheus::start(support::fixture::EMPTY_CONFIG, &[], Some(&data)) else { return };
    let server = FakeAws::start(XML, |req, _| match req.param("Action").as_deref() {
        Some("ListMetrics") => Response::ok(list_metrics_xml(&[], None)),
        _ => Response::ok(get_metric_data_xml(&[], None)),
    });
    let home = tempfile::tempdir().unwrap();
    let out =
        cw_cmd(home.path(), &server).args(ARGS).args(["--prometheus", &prom.url, "--format", "json"]).output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let snap: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(snap["metrics"]["active_series"]["value"].as_f64().unwrap() > 0.0, "{snap:#}");
    assert!(snap["logs"]["ingested_gb_per_month"]["value"].as_f64().unwrap() > 0.0);
    close(&snap["actual"]["metrics"]["custom_metrics"]["value"], 0.0);
    assert!(!out.stdout.windows(SECRET.len()).any(|w| w == SECRET.as_bytes()), "the secret leaked");
}
