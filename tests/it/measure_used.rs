//! The used-series analysis of `obs-cost measure` against real components: Prometheus 2.42 with
//! the reference stack's rule files loaded, scraping node_exporter, postgres_exporter and
//! redis_exporter; the reference stack's dashboards plus fixtures that exercise a library panel, a
//! v2 dashboard, variables of every kind, Loki panels, a negative name matcher and unparseable
//! expressions, served by a local server speaking Grafana's API (Grafana cannot run here) and read
//! from files; vmalert behind VictoriaMetrics for the rules API; and a real Alertmanager sending
//! webhook notifications. The used series must equal an independent count made by another route
//! (`/api/v1/series` per name).

use crate::support;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::atomic::Ordering;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use serde_json::Value;
use support::exporter::{fixture_exporter, Reply, Server};
use support::grafana::FakeGrafana;
use support::{obs_cost, value};

const TOKEN: &str = "glsa_obscostTestToken_5f1e2d3c";

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn compose_dashboards() -> PathBuf {
    root().join("examples/compose/grafana/dashboards")
}

fn fixture_dir(name: &str) -> PathBuf {
    root().join("tests/fixtures/used-series").join(name)
}

fn now() -> u64 {
    SystemTime::now().duration_since(UNIX_EPOCH).unwrap().as_secs()
}

fn get_json(url: &str, params: &[(&str, String)]) -> Value {
    let client = reqwest::blocking::Client::builder().timeout(Duration::from_secs(30)).build().unwrap();
    client.get(url).query(params).send().unwrap().json().unwrap()
}

/// Series of one name with a sample in the lookback window before `at`, by the series API.
fn series_by_api(base: &str, name: &str, at: u64) -> usize {
    let params =
        [("match[]", format!("{{__name__=\"{name}\"}}")), ("start", (at - 300).to_string()), ("end", at.to_string())];
    let body = get_json(&format!("{base}/api/v1/series"), &params);
    body["data"].as_array().unwrap_or_else(|| panic!("series API failed for {name}: {body}")).len()
}

fn names_on(base: &str, at: u64) -> Vec<String> {
    let params = [("start", (at - 900).to_string()), ("end", at.to_string())];
    let body = get_json(&format!("{base}/api/v1/label/__name__/values"), &params);
    body["data"].as_array().unwrap().iter().map(|v| v.as_str().unwrap().to_string()).collect()
}

fn strings(v: &Value) -> BTreeSet<String> {
    v.as_array().unwrap_or_else(|| panic!("not a list: {v}")).iter().map(|s| s.as_str().unwrap().to_string()).collect()
}

fn wait_until(what: &str, timeout: Duration, check: impl Fn() -> bool) {
    wait_until_or(what, timeout, String::new, check);
}

/// Polls `check` until it holds; on timeout, panics with `logs()`.
fn wait_until_or(what: &str, timeout: Duration, logs: impl Fn() -> String, check: impl Fn() -> bool) {
    let deadline = Instant::now() + timeout;
    while !check() {
        assert!(Instant::now() < deadline, "timed out waiting for {what}\n{}", logs());
        std::thread::sleep(Duration::from_millis(250));
    }
}

fn scrape_config(jobs: &[(&str, &str, &str)], rules: bool) -> String {
    let mut c = String::from("global:\n  scrape_interval: 1s\n  evaluation_interval: 1s\n");
    if rules {
        c.push_str("rule_files: [alert-rules.yml]\n");
    }
    c.push_str("scrape_configs:\n");
    for (name, target, path) in jobs {
        c.push_str(&format!(
            "  - job_name: {name}\n    metrics_path: {path}\n    static_configs: [{{targets: ['{target}']}}]\n"
        ));
    }
    c
}

/// Checks that the snapshot's used series equal the series API's count of its used names, and
/// each unused top metric's series too.
fn check_counts(json: &Value, base: &str, at: u64) {
    let metrics = &json["metrics"];
    let used = strings(&metrics["used_metric_names"]);
    let truth: usize = used.iter().map(|n| series_by_api(base, n, at)).sum();
    let measured = value(json, "/metrics/series_used_by_rules_and_dashboards");
    assert_eq!(measured, truth as f64, "used series: measured {measured}, the series API counts {truth}");
    let top = metrics["unused_top_metrics"].as_array().unwrap();
    assert!(!top.is_empty());
    for t in top {
        let name = t["name"].as_str().unwrap();
        assert!(!used.contains(name), "{name} is both used and unused");
        assert_eq!(t["series"].as_f64().unwrap(), series_by_api(base, name, at) as f64, "{name}");
    }
    let series = &metrics["series_used_by_rules_and_dashboards"];
    assert_eq!(series["unit"], "series");
    assert_eq!(series["window_seconds"], 0);
    assert!(series["query"].as_str().unwrap().contains("count by (__name__)"), "{series:#}");
    assert!(!series["query"].as_str().unwrap().contains(".+"));
}

#[test]
fn used_series_of_the_reference_rules_and_dashboards_match_the_prometheus_api() {
    let Some(node) = support::NodeExporter::start() else { return };
    let Some(pg) = support::Postgres::start() else { return };
    let Some(redis) = support::Redis::start() else { return };
    let rules = std::fs::read_to_string(root().join("examples/compose/alert-rules.yml")).unwrap();
    let cfg = scrape_config(
        &[
            ("node", &node.address, "/metrics"),
            ("postgres", &pg.exporter, "/metrics"),
            ("redis", &redis.exporter, "/metrics"),
        ],
        true,
    );
    let Some(prom) = support::Prometheus::start(&cfg, &[("alert-rules.yml", &rules)], None) else { return };
    wait_until("three targets scraped five times and the recording rules evaluated", Duration::from_secs(60), || {
        let q = "min(count_over_time(up[1m])) >= 5 and count(up == 1) == 3 and count(instance:node_cpu_utilisation:rate5m) > 0";
        has_result(&prom.url, q)
    });
    let grafana =
        FakeGrafana::start(&[&compose_dashboards(), &fixture_dir("dashboards")], &fixture_dir("library-panels"), TOKEN);
    let dir = tempfile::tempdir().unwrap();
    let token_file = dir.path().join("grafana-token");
    std::fs::write(&token_file, format!("{TOKEN}\n")).unwrap();
    let at = now() - 1;

    let out = obs_cost()
        .args(["measure", "--prometheus", &prom.url, "--at", &at.to_string(), "--top", "5", "--format", "json"])
        .args(["--grafana", &grafana.server.url, "--grafana-token-file"])
        .arg(&token_file)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout).to_string();
    let stderr = String::from_utf8_lossy(&out.stderr).to_string();
    assert!(out.status.success(), "{stderr}");
    assert!(!stdout.contains(TOKEN) && !stderr.contains(TOKEN), "the Grafana token leaked");
    let json: Value = serde_json::from_str(&stdout).unwrap();
    let used = strings(&json["metrics"]["used_metric_names"]);
    assert!(used.iter().zip(used.iter().skip(1)).all(|(a, b)| a < b), "used_metric_names is sorted");

    // Read by panels of every schema, variables, annotations, library panels and alerts.
    for name in [
        "node_cpu_seconds_total",           // panels, collapsed rows, alerts (through a recording rule)
        "node_uname_info",                  // only in variable queries: label_values(node_uname_info, job)
        "node_network_receive_drop_total",  // a collapsed row, with an ad hoc filter variable in braces
        "node_filesystem_free_bytes",       // custom and constant variables (topk($topk, ...))
        "node_hwmon_chip_names",            // the right side of group_left
        "pg_up",                            // a variable query and an alert
        "pg_stat_database_blks_read",       // query_result(...) variable and a panel
        "pg_settings_max_connections",      // an alert and a stat panel
        "pg_postmaster_start_time_seconds", // a Prometheus annotation
        "redis_connected_clients",          // pre-5.0 rows[] with [[instance]]
        "redis_slowlog_length",             // only in a library panel
        "redis_db_avg_ttl_seconds",         // only in a v2 dashboard
        "redis_instance_info",              // only in a v2 query variable
        "redis_start_time_seconds",         // only in a v2 annotation
        "instance:node_cpu_utilisation:rate5m", // a recording rule read by an alert
        "instance:node_memory_utilisation:ratio", // a recording rule read by a dashboard
        "node_memory_MemAvailable_bytes",   // ... and its inputs
        "node_network_receive_packets_total", // found by the fallback scanner in a broken query
        "ALERTS",
    ] {
        assert!(used.contains(name), "{name} should be used; used: {used:?}");
    }
    for name in [
        "node_schedstat_waiting_seconds_total",  // only in a negative __name__ matcher
        "instance:redis_command_seconds:rate5m", // a recording rule nothing reads
        "redis_commands_duration_seconds_total", // read only by that rule
        "job:scrape_samples_post_metric_relabeling:sum",
        "scrape_samples_post_metric_relabeling",
    ] {
        assert!(!used.contains(name), "{name} should not be used");
    }
    // A __name__ regex selects every matching name the server has.
    let bgwriter: Vec<String> = names_on(&prom.url, at)
        .into_iter()
        .filter(|n| n.starts_with("pg_stat_bgwriter_") && n.ends_with("_total"))
        .collect();
    assert!(!bgwriter.is_empty());
    assert!(bgwriter.iter().all(|n| used.contains(n)), "{bgwriter:?}");

    // Nothing is dropped silently; Loki, Jaeger and SQL queries are not PromQL and are skipped.
    let unparsed = json["metrics"]["unparsed_expressions"].as_array().unwrap();
    let find = |s: &str| unparsed.iter().find(|u| u["source"].as_str().unwrap().contains(s));
    let broken = find("Broken query").unwrap_or_else(|| panic!("{unparsed:#?}"));
    assert!(broken["error"].as_str().unwrap().contains("fallback scanner"), "{broken:#}");
    assert!(broken["source"].as_str().unwrap().contains("dashboard \"Capacity review\" (uid capacity-review)"));
    let variable_name = find("Chosen node metric").unwrap();
    assert!(variable_name["error"].as_str().unwrap().contains("only Grafana knows"), "{variable_name:#}");
    assert_eq!(variable_name["expr"], "sum(${metric}{job=\"node\"})");
    for skipped in ["Application errors", "PostgreSQL log", "Slow log", "Error logs", "Slow traces", "Redis slow log"] {
        assert!(find(skipped).is_none(), "{skipped} listed: {unparsed:#?}");
    }
    assert_eq!(unparsed.len(), 2, "{unparsed:#?}");

    check_counts(&json, &prom.url, at);
    let note = json["metrics"]["series_used_by_rules_and_dashboards"]["note"].as_str().unwrap();
    assert!(note.contains("in 6 dashboards") && note.contains("2 of 4 recording rules"), "{note}");

    // Grafana's API was paged and asked for the library panel; the token went only to Grafana.
    let requests = grafana.requests.lock().unwrap().clone();
    assert!(requests.iter().filter(|r| r.starts_with("/api/search")).count() >= 2, "{requests:?}");
    assert!(requests.iter().any(|r| r.starts_with("/api/library-elements/redis-slowlog")), "{requests:?}");

    // The same dashboards read from files (with the library panel's JSON) give the same names.
    let out = obs_cost()
        .args(["measure", "--quiet", "--prometheus", &prom.url, "--at", &at.to_string(), "--format", "json"])
        .arg("--grafana-dashboards")
        .arg(compose_dashboards())
        .arg("--grafana-dashboards")
        .arg(fixture_dir("dashboards"))
        .arg("--grafana-dashboards")
        .arg(fixture_dir("library-panels"))
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let from_files: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(strings(&from_files["metrics"]["used_metric_names"]), used);
    assert_eq!(
        from_files["metrics"]["series_used_by_rules_and_dashboards"]["value"],
        json["metrics"]["series_used_by_rules_and_dashboards"]["value"]
    );

    // The plan reads the snapshot: the measured used series become the usage key, with provenance.
    let snapshot = dir.path().join("usage.json");
    std::fs::write(&snapshot, &stdout).unwrap();
    let out = obs_cost()
        .args(["plan", "--scenario", "scenarios/measured-reference-stack.yaml", "--format", "json", "--usage"])
        .arg(&snapshot)
        .current_dir(root())
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let plan = String::from_utf8_lossy(&out.stdout);
    assert!(plan.contains("usage.metrics.series_used_by_rules_and_dashboards"), "plan does not show the used series");

    // A wrong token: exit 2, a hint, and the token is not printed.
    std::fs::write(&token_file, "glsa_wrongToken_0000").unwrap();
    let out = obs_cost()
        .args([
            "measure",
            "--quiet",
            "--prometheus",
            &prom.url,
            "--grafana",
            &grafana.server.url,
            "--grafana-token-file",
        ])
        .arg(&token_file)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("401") && stderr.contains("hint: check --grafana-token-file"), "{stderr}");
    assert!(!stderr.contains("glsa_wrongToken"), "{stderr}");
}

/// True when an instant query at `base` returns a sample.
fn has_result(base: &str, query: &str) -> bool {
    let url = reqwest::Url::parse_with_params(&format!("{base}/api/v1/query"), &[("query", query)]).unwrap();
    support::http_get(url.as_str()).is_some_and(|(s, b)| s == 200 && b.contains("\"value\""))
}

#[test]
fn vmalert_rules_behind_victoriametrics_count_as_readers() {
    let vmalert_port = support::free_port();
    let Some(vm) = support::Victoria::start_with(&[
        format!("-vmalert.proxyURL=http://127.0.0.1:{vmalert_port}"),
        "-search.latencyOffset=1s".to_string(),
    ]) else {
        return;
    };
    let notifier = Server::start(|_| Reply::Send(200, "application/json", "{}".into()));
    let rules = std::fs::read_to_string(root().join("examples/compose/alert-rules.yml")).unwrap();
    let Some(_vmalert) = support::Vmalert::start(&rules, &vm.url, &notifier.url, vmalert_port) else { return };

    // Ten minutes of a small stack, one sample every 10 s, ending now.
    let end = now() * 1000;
    let mut text = String::new();
    for step in 0..60u64 {
        let t = end - (59 - step) * 10_000;
        let secs = step as f64 * 10.0;
        for cpu in 0..2 {
            for (mode, rate) in [("idle", 0.8), ("user", 0.2)] {
                text.push_str(&format!(
                    "node_cpu_seconds_total{{job=\"node\",instance=\"h:9100\",cpu=\"{cpu}\",mode=\"{mode}\"}} {} {t}\n",
                    rate * secs
                ));
            }
        }
        for (name, job) in [("pg_up", "postgres"), ("redis_memory_used_bytes", "redis"), ("node_load1", "node")] {
            text.push_str(&format!("{name}{{job=\"{job}\",instance=\"{job}:1\"}} 1 {t}\n"));
        }
        for (job, series) in [("node", 5), ("postgres", 1), ("redis", 1)] {
            text.push_str(&format!("up{{job=\"{job}\",instance=\"{job}:1\"}} 1 {t}\n"));
            text.push_str(&format!(
                "scrape_samples_post_metric_relabeling{{job=\"{job}\",instance=\"{job}:1\"}} {series} {t}\n"
            ));
        }
    }
    vm.import(&text);
    wait_until("vmalert's rules through VictoriaMetrics", Duration::from_secs(30), || {
        support::http_get(&format!("{}/api/v1/rules", vm.url))
            .is_some_and(|(s, b)| s == 200 && b.contains("HostCpuBusy"))
    });
    let dashboards = tempfile::tempdir().unwrap();
    std::fs::write(
        dashboards.path().join("load.json"),
        r#"{"title": "Load", "uid": "load", "panels": [{"id": 1, "title": "Load", "targets": [{"refId": "A", "expr": "node_load1"}]}]}"#,
    )
    .unwrap();
    let at = now() - 2;
    let out = obs_cost()
        .args(["measure", "--quiet", "--prometheus", &vm.url, "--at", &at.to_string(), "--format", "json"])
        .arg("--grafana-dashboards")
        .arg(dashboards.path())
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["sources"][0]["flavour"], "victoriametrics");
    let used = strings(&json["metrics"]["used_metric_names"]);
    // From vmalert's alerting rules (and the recording rule an alert reads), and the dashboard.
    for name in [
        "pg_up",
        "redis_memory_used_bytes",
        "instance:node_cpu_utilisation:rate5m",
        "node_cpu_seconds_total",
        "node_load1",
        "up",
    ] {
        assert!(used.contains(name), "{name} not used: {used:?}");
    }
    assert!(!used.contains("redis_commands_duration_seconds_total"));
    let note = json["metrics"]["series_used_by_rules_and_dashboards"]["note"].as_str().unwrap();
    assert!(note.contains("7 alerting rules") && note.contains("in 1 dashboards"), "{note}");
    let measured = value(&json, "/metrics/series_used_by_rules_and_dashboards");
    let truth: usize = used.iter().map(|n| series_by_api(&vm.url, n, at)).sum();
    assert_eq!(measured, truth as f64);
    assert!(measured >= 4.0 + 3.0 * 2.0, "{measured}");
}

#[test]
fn grafana_licence_users_and_alertmanager_notifications_per_integration() {
    // The webhook receiver counts the notifications it gets (requests, not connections).
    let received = std::sync::Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let counter = received.clone();
    let hook = Server::start(move |req| {
        if req.path() == "/hook" {
            counter.fetch_add(1, Ordering::Relaxed);
        }
        Reply::Send(200, "text/plain", "ok".into())
    });
    let am_config = format!(
        "route:\n  receiver: team\n  group_by: [alertname]\n  group_wait: 0s\n  group_interval: 1s\n  repeat_interval: 1s\n\
         receivers:\n  - name: team\n    webhook_configs:\n      - url: {}/hook\n        send_resolved: false\n",
        hook.url
    );
    let Some(am) = support::Alertmanager::start(&am_config) else { return };
    let fixture = fixture_exporter();
    let fixture_addr = fixture.url.trim_start_matches("http://").to_string();
    let mut cfg =
        scrape_config(&[("alertmanager", &am.address, "/metrics"), ("grafana", &fixture_addr, "/grafana")], true);
    cfg.push_str(&format!("alerting:\n  alertmanagers:\n    - static_configs: [{{targets: ['{}']}}]\n", am.address));
    let rules = "groups:\n  - name: always\n    rules:\n      - alert: AlwaysFiring\n        expr: vector(1)\n";
    // Alerts fire at once and are sent again every second (the first ones go before Prometheus
    // has discovered Alertmanager).
    let resend = ["--rules.alert.resend-delay=1s"];
    let Some(prom) = support::Prometheus::start_with(&cfg, &[("alert-rules.yml", rules)], None, &resend) else {
        return;
    };
    let started = Instant::now();
    let logs = || {
        let read = |p: &Path| std::fs::read_to_string(p).unwrap_or_default();
        format!("alertmanager:\n{}\nprometheus:\n{}", read(&am.guard.log), read(&prom.guard.log))
    };
    wait_until_or("webhook notifications seen by Prometheus", Duration::from_secs(40), logs, || {
        received.load(Ordering::Relaxed) >= 4
            && has_result(&prom.url, "increase(alertmanager_notifications_total{integration=\"webhook\"}[1m]) > 1")
    });
    let out = obs_cost()
        .args(["measure", "--quiet", "--prometheus", &prom.url, "--window", "1h", "--format", "json"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();

    let notifications = &json["alerting"]["notifications_per_month"];
    let webhook = &notifications["webhook"];
    assert_eq!(webhook["unit"], "notifications/month");
    assert_eq!(webhook["extrapolated"], true, "{webhook:#}");
    assert!(webhook["query"].as_str().unwrap().contains("alertmanager_notifications_total"));
    // The webhook server's own count of what it received, per second since the first scrapes.
    let per_second = received.load(Ordering::Relaxed) as f64 / started.elapsed().as_secs_f64();
    let measured = value(notifications, "/webhook") / 2_628_000.0;
    assert!(
        measured > per_second * 0.3 && measured < per_second * 3.0,
        "measured {measured}/s, the webhook got {per_second}/s"
    );
    assert_eq!(value(notifications, "/email"), 0.0, "Alertmanager reports idle integrations as 0");

    // Grafana licences from its self-metrics: admins + editors, and viewers.
    assert_eq!(value(&json, "/metrics/grafana_editors"), 3.0);
    assert_eq!(value(&json, "/metrics/grafana_viewers"), 5.0);
    // No dashboard or rule source given: the used series are not measured, and say how to.
    let not = json["not_measured"].as_array().unwrap();
    assert!(not.iter().any(|n| n["component"] == "metrics.series_used_by_rules_and_dashboards"
        && n["hint"].as_str().unwrap().contains("--grafana-dashboards")));
    assert!(json["metrics"].get("used_metric_names").is_none());
}

/// Runs `measure` against a server that is never reached (the sources are read first).
fn measure_fails(args: &[&str]) -> String {
    let mut cmd = obs_cost();
    cmd.args(["measure", "--quiet", "--prometheus", "http://127.0.0.1:9"]).args(args);
    let out = cmd.output().unwrap();
    assert_eq!(out.status.code(), Some(2), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
    assert!(out.stdout.is_empty());
    String::from_utf8_lossy(&out.stderr).to_string()
}

#[test]
fn bad_dashboard_rule_and_token_files_are_located_errors_read_before_any_server() {
    let dir = tempfile::tempdir().unwrap();
    let boards = dir.path().join("boards");
    std::fs::create_dir(&boards).unwrap();
    std::fs::write(boards.join("a-good.json"), r#"{"title": "ok", "panels": []}"#).unwrap();
    std::fs::write(boards.join("broken.json"), "{\"title\": \"s3cr3t-title\",\n \"panels\": [").unwrap();
    let b = boards.to_str().unwrap();
    let err = measure_fails(&["--grafana-dashboards", b]);
    assert!(err.contains("broken.json:2:") && err.contains("hint:"), "{err}");
    assert!(!err.contains("s3cr3t") && !err.contains("127.0.0.1:9"), "{err}");

    let err = measure_fails(&["--grafana-dashboards", dir.path().join("none").to_str().unwrap()]);
    assert!(err.contains("is not a directory"), "{err}");
    let pattern = format!("{}/*.yml", dir.path().display());
    let err = measure_fails(&["--rule-files", &pattern]);
    assert!(err.contains("matches no file") && err.contains("hint:"), "{err}");
    std::fs::write(dir.path().join("r.yml"), "groups: {not: a list}\n").unwrap();
    let err = measure_fails(&["--rule-files", &pattern]);
    assert!(err.contains("r.yml") && err.contains("no `groups:` list"), "{err}");

    let token = dir.path().join("token");
    std::fs::write(&token, "\n").unwrap();
    let err = measure_fails(&["--grafana", "http://127.0.0.1:9", "--grafana-token-file", token.to_str().unwrap()]);
    assert!(err.contains("is empty"), "{err}");
    // The sources need a server to count on.
    let out = obs_cost().args(["measure", "--grafana-dashboards", b]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--prometheus"));
}
