//! `obs-cost measure` against a real Prometheus 2.42 loaded with 31 days of history made by
//! `promtool tsdb create-blocks-from openmetrics` (tests/support/fixture.rs): every known truth
//! within 1%, extrapolation of a component younger than the window, the JSON contract,
//! determinism under `--at`, and the YAML snapshot read back by `load_snapshot`.

use crate::support;

use serde_json::Value;
use support::fixture::*;
use support::{assert_close, obs_cost, value};

fn measure_json(url: &str, extra: &[&str]) -> Value {
    let out = obs_cost()
        .args(["measure", "--prometheus", url, "--at", AT, "--format", "json", "--top", "5"])
        .arg("--grafana-dashboards")
        .arg(concat!(env!("CARGO_MANIFEST_DIR"), "/examples/compose/grafana/dashboards"))
        .args(extra)
        .output()
        .unwrap();
    assert!(out.status.success(), "measure failed: {}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn measures_thirty_days_of_history_within_one_percent() {
    let dir = tempfile::tempdir().unwrap();
    let Some(data) = support::backfill(dir.path()) else { return };
    let Some(prom) = support::Prometheus::start(EMPTY_CONFIG, &[], Some(&data)) else { return };
    let json = measure_json(&prom.url, &[]);
    check_truths(&json, 1.0);

    // The JSON contract: every measured quantity has value, unit, query, window_seconds, extrapolated.
    assert_eq!(json["schema_version"], 1);
    assert_eq!(json["kind"], "usage");
    assert_eq!(json["at"], AT);
    for pointer in [
        "/metrics/active_series",
        "/metrics/samples_per_second",
        "/metrics/alerting_rules",
        "/logs/ingested_gb_per_month",
        "/logs/lines_per_month",
        "/traces/spans_per_month",
        "/database/0/size_gb",
        "/cache/0/memory_used_gb",
        "/hosts/0/cpus",
        "/hosts/0/memory_gb",
    ] {
        let m = json.pointer(pointer).unwrap_or_else(|| panic!("missing {pointer}"));
        for key in ["value", "unit", "query", "window_seconds", "extrapolated"] {
            assert!(m.get(key).is_some(), "{pointer} has no {key}: {m}");
        }
    }
    assert_eq!(json["logs"]["ingested_gb_per_month"]["window_seconds"], 2_592_000);
    assert!(json["logs"]["ingested_gb_per_month"]["query"]
        .as_str()
        .unwrap()
        .contains("loki_distributor_bytes_received_total"));
    // Promtail's compressed bytes are never used.
    assert!(!json.to_string().contains("promtail_sent_bytes_total["), "compressed promtail bytes used");
    // Jobs with scrape intervals derived from the data (the targets API knows nothing of a backfill).
    let jobs = json["metrics"]["jobs"].as_array().unwrap();
    assert_eq!(jobs.len(), 5);
    let node = jobs.iter().find(|j| j["job"] == "node").unwrap();
    assert_eq!(node["series"], 1005.0);
    assert_eq!(node["scrape_interval_seconds"], 300.0);
    assert_eq!(value(&json, "/metrics/scrape_interval_seconds"), 300.0);
    // Top metric names by series, counted one name at a time.
    assert_eq!(json["metrics"]["top_metrics"][0]["name"], "node_cpu_seconds_total");
    assert_eq!(json["metrics"]["top_metrics"][0]["series"], 16.0);
    assert_eq!(json["metrics"]["top_metrics"].as_array().unwrap().len(), 5);
    // Nothing reported as 0 for the backfill: no rules were loaded, which is a measured 0.
    assert_eq!(value(&json, "/metrics/alerting_rules"), 0.0);
    assert!(json["not_measured"].as_array().unwrap().is_empty(), "{:#}", json["not_measured"]);
    // What the reference dashboards read of the backfill, at `--at` (no rules were loaded).
    let used: Vec<&str> =
        json["metrics"]["used_metric_names"].as_array().unwrap().iter().map(|v| v.as_str().unwrap()).collect();
    assert!(used.contains(&"node_cpu_seconds_total") && used.contains(&"pg_database_size_bytes"), "{used:?}");
    assert!(!used.contains(&"promtail_sent_bytes_total") && !used.contains(&"tempo_distributor_spans_received_total"));
    let used_series = value(&json, "/metrics/series_used_by_rules_and_dashboards");
    assert!(used_series > 0.0 && used_series < value(&json, "/metrics/active_series"), "{used_series}");

    // Deterministic under --at, and the YAML snapshot reads back.
    let again = measure_json(&prom.url, &[]);
    assert_eq!(json, again, "two runs at the same --at differ");
    let file = dir.path().join("usage.yaml");
    obs_cost()
        .args(["measure", "--prometheus", &prom.url, "--at", AT, "--top", "5", "-o"])
        .arg(&file)
        .assert()
        .success();
    let snapshot = obs_cost::measure::load_snapshot(&file).unwrap();
    assert_eq!(snapshot.logs.source.as_deref(), Some("loki"));
    assert_eq!(snapshot.database.len(), 1);

    // End to end: the snapshot feeds `obs-cost plan`, whose usage values equal the measured ones
    // and carry their query, window and extrapolation.
    let scenario =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/scenarios/measured-reference-stack.yaml"))
            .unwrap()
            .replace("../examples/usage-snapshot.yaml", &file.display().to_string());
    let scenario_path = dir.path().join("scenario.yaml");
    std::fs::write(&scenario_path, scenario).unwrap();
    let out = obs_cost().args(["plan", "--format", "json", "--scenario"]).arg(&scenario_path).output().unwrap();
    assert!(out.status.success(), "plan failed: {}", String::from_utf8_lossy(&out.stderr));
    let plan: Value = serde_json::from_slice(&out.stdout).unwrap();
    let values = plan["usage"]["values"].as_array().unwrap();
    for (key, pointer) in [
        ("usage.metrics.active_series", "/metrics/active_series"),
        ("usage.logs.ingested_gb_per_month", "/logs/ingested_gb_per_month"),
        ("usage.traces.spans_per_month", "/traces/spans_per_month"),
        ("usage.database.size_gb", "/database/0/size_gb"),
        ("usage.redis.memory_used_gb", "/cache/0/memory_used_gb"),
    ] {
        let v = values.iter().find(|v| v["key"] == key).unwrap_or_else(|| panic!("plan has no {key}"));
        assert_eq!(v["source"], "snapshot", "{key}");
        assert_close(key, v["expected"].as_f64().unwrap(), value(&json, pointer), 1e-9);
        assert_eq!(v["query"], json.pointer(pointer).unwrap()["query"], "{key}");
        assert_eq!(v["window_seconds"], json.pointer(pointer).unwrap()["window_seconds"], "{key}");
    }

    // The same fixture evaluated where there is no data: an empty result is an error, not zeros.
    let out = obs_cost()
        .args(["measure", "--prometheus", &prom.url, "--at", "2030-01-01T00:00:00Z", "-o"])
        .arg(dir.path().join("empty.yaml"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("empty result") && stderr.contains(&prom.url), "{stderr}");
    assert!(!dir.path().join("empty.yaml").exists());
}
