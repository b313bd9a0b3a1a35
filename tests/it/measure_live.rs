//! `obs-cost measure` against the reference stack without Docker: a real Prometheus 2.42 scraping
//! itself, node_exporter, PostgreSQL + postgres_exporter, Redis + redis_exporter and the fixture
//! exporter (Loki, Promtail, Jaeger, OTel Collector, Tempo, Grafana self-metrics at known rates),
//! with alerting and recording rules. History is seconds long, so every rate is extrapolated from
//! the history present. Truths: database size (from PostgreSQL itself), series (counted by the
//! test with the expensive query obs-cost must not run), CPUs and memory (from /proc), and rates.

use crate::support;

use std::time::{Duration, Instant};

use serde_json::Value;
use support::exporter::{fixture_exporter, LIVE_JAEGER_SPANS, LIVE_LOKI_BYTES, LIVE_LOKI_LINES};
use support::{assert_close, obs_cost, promql, reference_config as config, value, REFERENCE_RULES as RULES};

fn proc_value(file: &str, key: &str) -> f64 {
    let text = std::fs::read_to_string(file).unwrap();
    let line = text.lines().find(|l| l.starts_with(key)).unwrap();
    line.split_whitespace().nth(1).unwrap().parse().unwrap()
}

#[test]
fn measures_the_reference_stack_without_docker() {
    let Some(node) = support::NodeExporter::start() else { return };
    let Some(pg) = support::Postgres::start() else { return };
    let Some(redis) = support::Redis::start() else { return };
    pg.psql("postgres", "CREATE DATABASE app").unwrap();
    pg.psql("app", "CREATE TABLE t AS SELECT g AS id, md5(g::text) AS v FROM generate_series(1, 100000) g").unwrap();
    let fixture = fixture_exporter();
    let fixture_addr = fixture.url.trim_start_matches("http://").to_string();
    let cfg = config(&node.address, &pg.exporter, &redis.exporter, &fixture_addr);
    let Some(prom) = support::Prometheus::start(&cfg, &[("rules.yml", RULES)], None) else { return };

    // Wait for at least 12 scrapes of every target (polling, no fixed sleep).
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        let body = support::http_get(&format!(
            "{}/api/v1/query?query=min(count_over_time(up%5B1m%5D))%20and%20count(up%3D%3D1)%3E%3D11",
            prom.url
        ));
        if let Some((200, b)) = body {
            let v: Value = serde_json::from_str(&b).unwrap();
            if v["data"]["result"][0]["value"][1]
                .as_str()
                .and_then(|s| s.parse::<f64>().ok())
                .is_some_and(|n| n >= 12.0)
            {
                break;
            }
        }
        assert!(
            Instant::now() < deadline,
            "targets not scraped in time:\n{}",
            std::fs::read_to_string(&prom.guard.log).unwrap_or_default()
        );
        std::thread::sleep(Duration::from_millis(250));
    }

    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("usage.json");
    // Prometheus scrapes itself, and its first answers to measure's API calls create new series
    // (http handler labels and their histogram buckets). Warm them up once and let a scrape pass,
    // so that the series count does not move between the measurement and the test's own count.
    obs_cost().args(["measure", "--prometheus", &prom.url, "--format", "json", "--quiet"]).output().unwrap();
    std::thread::sleep(Duration::from_secs(3));
    let started = Instant::now();
    let out =
        obs_cost().args(["measure", "--prometheus", &prom.url, "--format", "json", "-o"]).arg(&file).output().unwrap();
    let elapsed = started.elapsed();
    let stderr = String::from_utf8_lossy(&out.stderr).to_string();
    assert!(out.status.success(), "{stderr}");
    assert!(stderr.contains("obs-cost: measured metrics"), "summary missing: {stderr}");
    assert!(!stderr.contains('\u{1b}'), "progress bar drawn on a non-terminal stderr");
    let json: Value = serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();

    // Series: the test counts them the expensive way; obs-cost must agree within 1%.
    let truth_series = promql(&prom.url, "count({__name__=~\".+\",__name__!~\"ALERTS.*|job:.*\"})", None);
    assert_close("active series", value(&json, "/metrics/active_series"), truth_series, 0.01);
    let sps = value(&json, "/metrics/samples_per_second");
    assert_close("samples/s (1 s scrapes)", sps, truth_series, 0.15);

    // PostgreSQL size, from PostgreSQL itself.
    let truth_db: f64 = pg
        .psql("postgres", "SELECT sum(pg_database_size(datname)) FROM pg_database WHERE datname NOT LIKE 'template%'")
        .unwrap()
        .parse()
        .unwrap();
    let db = &json["database"][0];
    assert_close("database size", value(db, "/size_gb"), truth_db / 1e9, 0.01);
    assert!(db["databases_gb"]["app"].as_f64().unwrap() > 0.005, "{db:#}");
    assert!(value(db, "/transactions_per_second") > 0.0);
    assert!(value(db, "/connections") >= 1.0);
    // The major version, from PostgreSQL itself (server_version_num is major x 10000 + minor).
    let version_num: f64 = pg.psql("postgres", "SHOW server_version_num").unwrap().parse().unwrap();
    assert_eq!(value(db, "/postgres_major_version"), (version_num / 10000.0).floor(), "{db:#}");
    let note = db["postgres_major_version"]["note"].as_str().unwrap();
    assert!(note.starts_with("PostgreSQL "), "{note}");

    let cache = &json["cache"][0];
    assert!(value(cache, "/memory_used_gb") > 0.0);
    assert!(value(cache, "/commands_per_second") > 0.0);
    // The exporter's INFO calls alone move bytes in and out of Redis.
    assert!(value(cache, "/network_gb_per_month") > 0.0, "{cache:#}");

    // Host: CPUs and memory from /proc.
    let cpus = std::fs::read_to_string("/proc/stat")
        .unwrap()
        .lines()
        .filter(|l| l.starts_with("cpu") && !l.starts_with("cpu "))
        .count();
    let host = &json["hosts"][0];
    assert_eq!(value(host, "/cpus"), cpus as f64);
    assert_close("memory", value(host, "/memory_gb"), proc_value("/proc/meminfo", "MemTotal:") * 1024.0 / 1e9, 0.01);
    let util = value(host, "/cpu_utilisation");
    assert!((0.0..=1.0).contains(&util), "{util}");

    // Logs and traces from the fixture exporter's known rates (seconds of history: extrapolated).
    let month = 2_628_000.0;
    assert_eq!(json["logs"]["source"], "loki");
    assert_close("log GB", value(&json, "/logs/ingested_gb_per_month"), LIVE_LOKI_BYTES * month / 1e9, 0.05);
    assert_close("log lines", value(&json, "/logs/lines_per_month"), LIVE_LOKI_LINES * month, 0.05);
    let gb = &json["logs"]["ingested_gb_per_month"];
    assert_eq!(gb["extrapolated"], true, "{gb:#}");
    assert!(gb["history_seconds"].as_u64().unwrap() < 120, "{gb:#}");
    assert_eq!(gb["window_seconds"], 2_592_000);
    assert_eq!(json["traces"]["source"], "jaeger");
    assert_close("spans", value(&json, "/traces/spans_per_month"), LIVE_JAEGER_SPANS * month, 0.05);
    let by = |source: &str| {
        json["traces"]["by_source"].as_array().unwrap().iter().find(|v| v["source"] == source).cloned().unwrap()
    };
    assert_close(
        "otel spans (with and without _total)",
        value(&by("otel-collector"), "/values/spans_per_month"),
        5.0 * month,
        0.05,
    );
    assert_close("tempo spans", value(&by("tempo"), "/values/spans_per_month"), 2.0 * month, 0.05);
    let promtail = json["logs"]["by_source"].as_array().unwrap().iter().find(|v| v["source"] == "promtail").unwrap();
    assert_close("promtail lines", value(promtail, "/values/lines_per_month"), LIVE_LOKI_LINES * month, 0.05);
    assert_eq!(value(&json, "/metrics/grafana_dashboards"), 7.0);

    // Rules and jobs.
    assert_eq!(value(&json, "/metrics/alerting_rules"), 2.0);
    assert_eq!(value(&json, "/metrics/recording_rules"), 1.0);
    assert_eq!(value(&json, "/metrics/rule_evaluation_interval_seconds"), 5.0);
    let jobs = json["metrics"]["jobs"].as_array().unwrap();
    assert_eq!(jobs.len(), 11, "{jobs:#?}");
    assert!(jobs.iter().all(|j| j["scrape_interval_seconds"] == 1.0), "{jobs:#?}");
    assert_eq!(value(&json, "/metrics/scrape_interval_seconds"), 1.0);
    assert_eq!(json["metrics"]["top_metrics"].as_array().unwrap().len(), 10);
    assert!(json["metrics"]["top_metrics_query"].as_str().unwrap().contains("status/tsdb"));

    // No cAdvisor in this stack: not measured, with a hint, never 0.
    let not = json["not_measured"].as_array().unwrap();
    assert!(not.iter().any(|n| n["component"] == "containers" && n["hint"].as_str().unwrap().contains("cAdvisor")));
    assert_eq!(json["containers"].as_array().unwrap().len(), 0);
    eprintln!("measure took {elapsed:?} against the live stack");
}
