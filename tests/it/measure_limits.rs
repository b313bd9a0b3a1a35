//! Hostile and partial answers from a Prometheus-compatible server, each from a local server
//! speaking the API's wire format: an endless body and an announced huge one (refused under the
//! 64 MiB limit, quickly), an answer with too many series, `--allow-partial` labelling a failed
//! component with its real reason and hint (not as "absent"), and exiting 2 when nothing at all was
//! measured; `--header` (a Mimir tenant) and a cluster path prefix sent on every request, with
//! `?token=` query parameters kept for the server and redacted everywhere obs-cost prints.

use crate::support;

use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use serde_json::Value;
use support::exporter::{fake_prometheus, Reply, Server};
use support::obs_cost;

const SECRET: &str = "t0ken-s3cret-value";

/// A request as the gateway saw it: target and tenant header.
type Seen = (String, Option<String>);

fn run(args: &[&str]) -> (Option<i32>, String, String) {
    let out = obs_cost().args(["measure", "--retries", "0", "--timeout", "20s"]).args(args).output().unwrap();
    (out.status.code(), String::from_utf8_lossy(&out.stdout).into(), String::from_utf8_lossy(&out.stderr).into())
}

/// The value of a query parameter of a request target, decoded.
fn param(target: &str, name: &str) -> String {
    let query = target.split_once('?').map_or("", |(_, q)| q);
    reqwest::Url::parse(&format!("http://x/?{query}"))
        .unwrap()
        .query_pairs()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.into_owned())
        .unwrap_or_default()
}

#[test]
fn a_counter_younger_than_one_probe_step_is_scaled_from_its_real_history() {
    // Loki's counter began 30 s before `at`, scraped every second; `at` falls 1 s after a point
    // of the first probe's 2,592 s grid, so that grid sees only the newest sample. The history must
    // come out as 30 s (not 1 s, over which no rate exists), and the month scaled from it.
    const AT: u64 = 656_000 * 2592 + 1;
    const START: u64 = AT - 30;
    let vector = |v: f64| {
        format!(
            r#"{{"status":"success","data":{{"resultType":"vector","result":[{{"metric":{{"job":"loki","instance":"l:1"}},"value":[1,"{v}"]}}]}}}}"#
        )
    };
    let empty = r#"{"status":"success","data":{"resultType":"vector","result":[]}}"#.to_string();
    let server = Server::start(move |req| {
        let q = param(&req.target, "query");
        if !q.contains("loki_distributor_bytes_received_total") {
            return fake_prometheus(req);
        }
        let body =
            if let Some(grid) = q.strip_prefix("min(min_over_time(timestamp(loki_distributor_bytes_received_total)[") {
                // min over the grid points of (AT - range, AT]: the first point at or after START.
                let (range, step) = grid.trim_end_matches("s]))").split_once(':').unwrap();
                let seconds = |d: &str| -> u64 {
                    let (n, unit) = d.split_at(d.len() - 1);
                    n.parse::<u64>().unwrap()
                        * match unit {
                            "d" => 86_400,
                            "h" => 3_600,
                            "m" => 60,
                            _ => 1,
                        }
                };
                let (range, step) = (seconds(range), step.parse::<u64>().unwrap());
                let first = START.div_ceil(step) * step;
                if first <= AT && first + range > AT {
                    vector(first as f64)
                } else {
                    empty.clone()
                }
            } else {
                // A rate over the window: none over less than 2 s, a wrong tiny one over the 30 days.
                let window = q.split("[").nth(1).and_then(|w| w.split(']').next()).unwrap_or("");
                match window {
                    "30d" => vector(0.00001),
                    "1s" | "2s" => empty.clone(),
                    _ => vector(2.628),
                }
            };
        Reply::Send(200, "application/json", body)
    });
    let (code, stdout, stderr) = run(&["--prometheus", &server.url, "--at", &AT.to_string(), "--format", "json"]);
    assert_eq!(code, Some(0), "{stderr}");
    let json: Value = serde_json::from_str(&stdout).unwrap();
    let gb = &json["logs"]["ingested_gb_per_month"];
    assert_eq!(gb["value"], 2.628, "{gb:#}");
    assert_eq!(gb["history_seconds"], 30, "{gb:#}");
    assert_eq!(gb["extrapolated"], true, "{gb:#}");
}

#[test]
fn an_endless_body_is_refused_at_the_limit() {
    let server =
        Server::start(|_| Reply::Endless(r#"{"status":"success","data":{"resultType":"vector","result":["#.into()));
    let started = Instant::now();
    let (code, _, stderr) = run(&["--prometheus", &server.url]);
    assert_eq!(code, Some(2), "{stderr}");
    assert!(stderr.contains("larger than the 64 MiB obs-cost reads from a server"), "{stderr}");
    assert!(stderr.contains("hint: ") || stderr.contains("; check"), "{stderr}");
    assert_eq!(stderr.trim_end().lines().count(), 2, "{stderr}");
    assert!(stderr.trim_end().lines().nth(1).is_some_and(|l| l.starts_with("hint: ")), "no hint line: {stderr}");
    assert!(started.elapsed() < Duration::from_secs(20), "took {:?}", started.elapsed());
}

#[test]
fn a_server_message_with_ansi_escapes_is_printed_escaped() {
    let server = Server::start(|_| Reply::Send(500, "text/plain", "\u{1b}[2J\u{1b}]0;pwned\u{7}boom".into()));
    let (code, _, stderr) = run(&["--prometheus", &server.url]);
    assert_eq!(code, Some(2), "{stderr}");
    assert!(!stderr.contains('\u{1b}') && !stderr.contains('\u{7}'), "a raw escape reached stderr: {stderr:?}");
    assert!(stderr.contains("\\u{1b}[2J"), "{stderr}");
}

#[test]
fn too_many_series_in_one_answer_are_refused() {
    let mut rows = String::from(r#"{"status":"success","data":{"resultType":"vector","result":["#);
    for i in 0..100_001 {
        rows.push_str(&format!(r#"{{"metric":{{"job":"j{i}"}},"value":[1,"1"]}},"#));
    }
    rows.pop();
    rows.push_str("]}}");
    let server = Server::start(move |req| match req.path() {
        "/api/v1/query" => Reply::Send(200, "application/json", rows.clone()),
        _ => fake_prometheus(req),
    });
    let (code, _, stderr) = run(&["--prometheus", &server.url]);
    assert_eq!(code, Some(2), "{stderr}");
    assert!(stderr.contains("more than 100000 series"), "{stderr}");
}

#[test]
fn allow_partial_names_the_real_reason_and_exits_2_when_nothing_was_measured() {
    // PostgreSQL's size query fails: with --allow-partial the database is "its query failed", not
    // "no postgres_exporter": the hint must not send the user to install what is there.
    let server = Server::start(|req| {
        if req.target.contains("pg_database_size_bytes") {
            Reply::Send(500, "text/plain", "query processing would load too many samples".into())
        } else {
            fake_prometheus(req)
        }
    });
    let (code, stdout, stderr) = run(&["--prometheus", &server.url, "--allow-partial", "--format", "json"]);
    assert_eq!(code, Some(0), "{stderr}");
    let json: Value = serde_json::from_str(&stdout).unwrap();
    let db = json["not_measured"].as_array().unwrap().iter().find(|n| n["component"] == "database").cloned().unwrap();
    let hint = db["hint"].as_str().unwrap();
    assert!(
        hint.contains("its query failed") && hint.contains("HTTP 500") && !hint.contains("run postgres_exporter"),
        "{hint}"
    );
    assert!(hint.contains("check the server's logs"), "{hint}");
    assert!(json["failed_queries"][0]["query"].as_str().unwrap().contains("pg_database_size_bytes"));

    // Everything fails but the rules API: nothing was measured, so exit 2 even with --allow-partial.
    let rules_only = Server::start(|req| match req.path() {
        "/api/v1/rules" => fake_prometheus(req),
        _ => Reply::Send(500, "text/plain", "boom".into()),
    });
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("usage.yaml");
    let (code, _, stderr) = run(&["--prometheus", &rules_only.url, "--allow-partial", "-o", file.to_str().unwrap()]);
    assert_eq!(code, Some(2), "{stderr}");
    assert!(stderr.contains("HTTP 500"), "{stderr}");
    assert!(!file.exists(), "a snapshot of nothing was written");

    // Two servers, one of them down: the other is measured, the dead one is listed as failed.
    let port = support::free_port();
    let dead = format!("http://127.0.0.1:{port}");
    let (code, stdout, stderr) =
        run(&["--prometheus", &server.url, "--prometheus", &dead, "--allow-partial", "--format", "json"]);
    assert_eq!(code, Some(0), "{stderr}");
    let json: Value = serde_json::from_str(&stdout).unwrap();
    assert!(json["failed_queries"].as_array().unwrap().iter().any(|f| f["source_url"] == dead.as_str()), "{stdout}");
    assert_eq!(json["metrics"]["active_series"]["status"], "ok");
}

#[test]
fn headers_path_prefixes_and_token_parameters_reach_the_server_and_never_the_output() {
    // A Mimir-like gateway: every request must carry the tenant and sit under the cluster prefix.
    let seen: Arc<Mutex<Vec<Seen>>> = Arc::default();
    let log = seen.clone();
    let server = Server::start(move |req| {
        log.lock().unwrap().push((req.target.clone(), req.header("x-scope-orgid").map(str::to_string)));
        if req.header("x-scope-orgid") != Some("team-a") {
            return Reply::Send(401, "text/plain", "no org id\n".into());
        }
        if !req.path().starts_with("/select/0/prometheus/api/v1/") || !req.target.contains(&format!("token={SECRET}")) {
            return Reply::Send(404, "text/plain", "404 page not found\n".into());
        }
        fake_prometheus(req)
    });
    let url = format!("{}/select/0/prometheus?token={SECRET}", server.url);
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("usage.json");
    let (code, _, stderr) = run(&[
        "--prometheus",
        &url,
        "--header",
        "X-Scope-OrgID: team-a",
        "--header",
        &format!("X-Api-Key: {SECRET}"),
        "--format",
        "json",
        "-o",
        file.to_str().unwrap(),
    ]);
    assert_eq!(code, Some(0), "{stderr}");
    let requests = seen.lock().unwrap().clone();
    assert!(requests.len() > 10, "{requests:?}");
    for (target, tenant) in &requests {
        assert!(target.starts_with("/select/0/prometheus/api/v1/"), "{target}");
        assert_eq!(tenant.as_deref(), Some("team-a"), "{target}");
    }
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(!text.contains(SECRET) && !stderr.contains(SECRET), "a secret leaked:\n{text}\n{stderr}");
    let json: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(json["sources"][0]["url"], format!("{}/select/0/prometheus?token=REDACTED", server.url));
    let headers: Vec<&str> =
        json["sources"][0]["headers"].as_array().unwrap().iter().map(|h| h.as_str().unwrap()).collect();
    assert_eq!(headers, ["X-Scope-OrgID: team-a", "X-Api-Key: REDACTED"]);

    // Without the tenant: the error names the URL (token redacted), and the secret is not in it.
    let (code, _, stderr) = run(&["--prometheus", &url]);
    assert_eq!(code, Some(2), "{stderr}");
    assert!(stderr.contains("HTTP 401") && stderr.contains("token=REDACTED") && !stderr.contains(SECRET), "{stderr}");
}
