//! Every fault `obs-cost measure` must survive, each produced by a local server: unreachable,
//! refused, slow past the timeout, 4xx/5xx, plain text, truncated and malformed JSON, 401/403, a
//! TLS error and an empty result. Each gives one line naming the URL (credentials redacted) and the
//! query, exit code 2 and no output file. Also: retries on 503, `--allow-partial`, bearer and
//! basic auth, and credentials never printed.

use crate::support;

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use support::exporter::{fake_prometheus, Reply, Server};
use support::obs_cost;

const SECRET: &str = "s3cret-pw";

/// Runs measure against `url` with a short timeout and asserts the fault contract; returns stderr.
fn assert_fault(url: &str, extra: &[&str], expect: &[&str]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let out_file = dir.path().join("usage.yaml");
    let mut cmd = obs_cost();
    cmd.args(["measure", "--prometheus", url, "-o"]).arg(&out_file).args(extra);
    for (flag, default) in [("--timeout", "1s"), ("--retries", "0")] {
        if !extra.contains(&flag) {
            cmd.args([flag, default]);
        }
    }
    let out = cmd.output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr).to_string();
    assert_eq!(out.status.code(), Some(2), "expected exit 2 for {url}, stderr: {stderr}");
    assert_eq!(stderr.trim_end().lines().count(), 2, "not an error line and a hint line: {stderr}");
    assert!(stderr.trim_end().lines().nth(1).is_some_and(|l| l.starts_with("hint: ")), "no hint line: {stderr}");
    assert!(stderr.starts_with("obs-cost: error: cannot measure from "), "{stderr}");
    assert!(stderr.contains("(query: "), "no query named: {stderr}");
    for e in expect {
        assert!(stderr.contains(e), "'{e}' not in: {stderr}");
    }
    assert!(!stderr.contains(SECRET), "secret leaked: {stderr}");
    assert!(!out_file.exists(), "a file was written despite the error");
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0, "temporary file left behind");
    stderr
}

#[test]
fn refused_and_unreachable() {
    let port = support::free_port();
    let url = format!("http://127.0.0.1:{port}");
    assert_fault(&url, &[], &[&url, "check the URL"]);
    assert_fault("http://obs-cost-test.invalid:9090", &[], &["obs-cost-test.invalid"]);
}

#[test]
fn slow_past_the_timeout_is_retried_then_fails() {
    let server = Server::start(|_| Reply::Delay(Duration::from_secs(3), Box::new(Reply::Close)));
    let started = Instant::now();
    let stderr = assert_fault(&server.url, &["--timeout", "300ms", "--retries", "1"], &["timeout", &server.url]);
    assert!(stderr.contains("--timeout"), "{stderr}");
    assert!(started.elapsed() < Duration::from_secs(3), "timeout not applied");
    assert_eq!(server.hits.load(Ordering::Relaxed), 2, "one retry expected");
}

#[test]
fn http_errors_and_plain_text() {
    let s500 = Server::start(|_| Reply::Send(500, "text/plain", "internal server error\n".into()));
    assert_fault(&s500.url, &[], &["HTTP 500", "internal server error"]);
    let s404 = Server::start(|_| Reply::Send(404, "text/plain", "404 page not found\n".into()));
    assert_fault(&s404.url, &[], &["HTTP 404", "page not found"]);
    let s400 = Server::start(|_| {
        Reply::Send(
            400,
            "application/json",
            r#"{"status":"error","errorType":"bad_data","error":"parse error"}"#.into(),
        )
    });
    // A 400 on the TSDB status is tolerated (an older server); the first query then fails.
    assert_fault(&s400.url, &[], &["HTTP 400", "parse error"]);
    let html = Server::start(|_| Reply::Send(200, "text/html", "<html><body>Please log in</body></html>".into()));
    assert_fault(&html.url, &[], &["malformed JSON", "<html>"]);
}

#[test]
fn truncated_and_malformed_json() {
    let truncated = Server::start(|_| Reply::Truncated(r#"{"status":"success","data":{"resultType":"vec"#.into()));
    assert_fault(&truncated.url, &[], &[&truncated.url]);
    let malformed = Server::start(|_| Reply::Send(200, "application/json", r#"{"status":"success","data":"#.into()));
    assert_fault(&malformed.url, &[], &["malformed JSON"]);
    let not_prom = Server::start(|_| Reply::Send(200, "application/json", r#"{"hello":"world"}"#.into()));
    assert_fault(&not_prom.url, &[], &["status"]);
}

#[test]
fn unauthorized_forbidden_and_credentials_redacted() {
    let s401 = Server::start(|_| Reply::Send(401, "text/plain", "Unauthorized\n".into()));
    let port = s401.url.rsplit(':').next().unwrap().to_string();
    let with_creds = format!("http://alice:{SECRET}@127.0.0.1:{port}");
    let stderr = assert_fault(&with_creds, &[], &["HTTP 401", "REDACTED@127.0.0.1", "--bearer-token-file"]);
    assert!(!stderr.contains("alice"), "{stderr}");
    let s403 = Server::start(|_| Reply::Send(403, "text/plain", "Forbidden\n".into()));
    assert_fault(&s403.url, &[], &["HTTP 403"]);
}

#[test]
fn tls_error_names_the_url() {
    let plain = Server::start(|_| Reply::Send(200, "text/plain", "not tls".into()));
    let https = plain.url.replace("http://", "https://");
    assert_fault(&https, &[], &["TLS", &https, "--ca-file"]);
}

#[test]
fn empty_result_is_an_error_not_zero() {
    let empty = Server::start(|req| {
        let body = match req.path() {
            "/api/v1/query" => r#"{"status":"success","data":{"resultType":"vector","result":[]}}"#,
            "/api/v1/rules" => r#"{"status":"success","data":{"groups":[]}}"#,
            _ => r#"{"status":"success","data":{}}"#,
        };
        Reply::Send(200, "application/json", body.into())
    });
    assert_fault(&empty.url, &["--at", "2024-02-01T00:00:00Z"], &["empty result", "--at"]);
}

#[test]
fn retries_on_503_then_succeeds() {
    let count = Arc::new(AtomicUsize::new(0));
    let c = count.clone();
    let server = Server::start(move |req| {
        if c.fetch_add(1, Ordering::Relaxed) < 2 {
            Reply::Send(503, "text/plain", "Service Unavailable".into())
        } else {
            fake_prometheus(req)
        }
    });
    obs_cost().args(["measure", "--quiet", "--prometheus", &server.url, "--retries", "2"]).assert().success();
}

#[test]
fn allow_partial_marks_failed_quantities() {
    let server = Server::start(|req| {
        if req.target.contains("loki_distributor") {
            Reply::Send(500, "text/plain", "boom".into())
        } else {
            fake_prometheus(req)
        }
    });
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("usage.json");
    // Without --allow-partial: exit 2 naming the failed query, no file.
    let out =
        obs_cost().args(["measure", "--prometheus", &server.url, "--retries", "0", "-o"]).arg(&file).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("loki_distributor_bytes_received_total"));
    assert!(!file.exists());
    // With it: the snapshot is written, the quantity is marked failed, the summary says so.
    let out = obs_cost()
        .args(["measure", "--prometheus", &server.url, "--retries", "0", "--allow-partial", "--format", "json", "-o"])
        .arg(&file)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stderr).contains("FAILED"));
    let json: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
    let gb = &json["logs"]["ingested_gb_per_month"];
    assert_eq!(gb["status"], "failed", "{gb:#}");
    assert!(gb["value"].is_null());
    assert!(gb["error"].as_str().unwrap().contains("HTTP 500"));
    assert!(!json["failed_queries"].as_array().unwrap().is_empty());
    assert_eq!(json["metrics"]["active_series"]["status"], "ok");
}

#[test]
fn bearer_and_basic_auth_are_sent_and_never_printed() {
    let expect_basic = "Basic YWxpY2U6czNjcmV0LXB3"; // alice:s3cret-pw
    let basic = Server::start(move |req| {
        if req.header("authorization") == Some(expect_basic) {
            fake_prometheus(req)
        } else {
            Reply::Send(401, "text/plain", "Unauthorized".into())
        }
    });
    let dir = tempfile::tempdir().unwrap();
    let pw = dir.path().join("pw");
    std::fs::write(&pw, format!("{SECRET}\n")).unwrap();
    let check = |out: std::process::Output, file: &std::path::Path| {
        let stderr = String::from_utf8_lossy(&out.stderr).to_string();
        assert!(out.status.success(), "{stderr}");
        let text = std::fs::read_to_string(file).unwrap();
        assert!(!text.contains(SECRET) && !stderr.contains(SECRET), "secret leaked");
        assert!(!text.contains("alice:"), "user leaked");
        text
    };
    let file = dir.path().join("a.yaml");
    let out = obs_cost()
        .args(["measure", "--prometheus", &basic.url, "--basic-auth-user", "alice", "--basic-auth-password-file"])
        .arg(&pw)
        .arg("-o")
        .arg(&file)
        .output()
        .unwrap();
    check(out, &file);
    let out = obs_cost()
        .env("OBS_COST_BASIC_AUTH_PASSWORD", SECRET)
        .args(["measure", "--prometheus", &basic.url, "--basic-auth-user", "alice", "-o"])
        .arg(&file)
        .output()
        .unwrap();
    check(out, &file);
    let port = basic.url.rsplit(':').next().unwrap();
    let out = obs_cost()
        .args(["measure", "--prometheus", &format!("http://alice:{SECRET}@127.0.0.1:{port}"), "-o"])
        .arg(&file)
        .output()
        .unwrap();
    let text = check(out, &file);
    assert!(text.contains("REDACTED@127.0.0.1"), "{text}");

    let bearer = Server::start(|req| {
        if req.header("authorization") == Some("Bearer tok-123") {
            fake_prometheus(req)
        } else {
            Reply::Send(403, "text/plain", "Forbidden".into())
        }
    });
    let token = dir.path().join("token");
    std::fs::write(&token, "tok-123\n").unwrap();
    obs_cost()
        .args(["measure", "--quiet", "--prometheus", &bearer.url, "--bearer-token-file"])
        .arg(&token)
        .assert()
        .success();
    // A missing password is a usage error naming both ways to give it.
    let out = obs_cost().args(["measure", "--prometheus", &bearer.url, "--basic-auth-user", "alice"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("OBS_COST_BASIC_AUTH_PASSWORD"));
}
