//! `obs-cost measure` against VictoriaMetrics (its TSDB status API and rules endpoint differ from
//! Prometheus's) loaded with the same 30-day fixture, and several `--prometheus` URLs merged
//! (Prometheus + VictoriaMetrics holding the same data: counted once, or doubled with `--sum-servers`).

use crate::support;

use serde_json::Value;
use support::fixture::{self, AT};
use support::obs_cost;

fn measure(urls: &[&str], extra: &[&str]) -> Value {
    let mut cmd = obs_cost();
    cmd.args(["measure", "--at", AT, "--format", "json", "--top", "5", "--quiet"]).args(extra);
    for url in urls {
        cmd.args(["--prometheus", url]);
    }
    let out = cmd.output().unwrap();
    assert!(out.status.success(), "measure failed: {}", String::from_utf8_lossy(&out.stderr));
    assert!(out.stderr.is_empty(), "--quiet printed: {}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn measures_victoriametrics_and_merges_several_servers() {
    let Some(vm) = support::Victoria::start() else { return };
    vm.import(&fixture::prometheus_text_ms());
    let json = measure(&[&vm.url], &[]);
    assert_eq!(json["sources"][0]["flavour"], "victoriametrics", "{:#}", json["sources"]);
    fixture::check_truths(&json, 1.0);
    // VictoriaMetrics without vmalert has no rules API: not measured, with a hint; never 0.
    assert!(json["metrics"].get("alerting_rules").is_none(), "{:#}", json["metrics"]);
    let not = json["not_measured"].as_array().unwrap();
    assert!(
        not.iter()
            .any(|n| n["component"] == "metrics.alerting_rules" && n["hint"].as_str().unwrap().contains("vmalert")),
        "{not:#?}"
    );
    assert!(!json["metrics"]["top_metrics"].as_array().unwrap().is_empty());

    // Several servers: Prometheus with the backfilled blocks plus VictoriaMetrics holding the same
    // data. Every target is on both: counted once, and the snapshot says so.
    let dir = tempfile::tempdir().unwrap();
    let Some(data) = support::backfill(dir.path()) else { return };
    let Some(prom) = support::Prometheus::start("global:\n  scrape_interval: 15s\n", &[], Some(&data)) else { return };
    let merged = measure(&[&prom.url, &vm.url], &[]);
    fixture::check_truths(&merged, 1.0);
    assert_eq!(merged["sources"].as_array().unwrap().len(), 2);
    assert_eq!(merged["sources"][1]["duplicate_targets"], 5, "{:#}", merged["sources"]);
    assert_eq!(merged["deduplication"]["mode"], "by_target");
    assert_eq!(merged["deduplication"]["shared_targets"], 5, "{:#}", merged["deduplication"]);
    let source = merged["logs"]["ingested_gb_per_month"]["source_url"].as_str().unwrap();
    assert_eq!(source, prom.url, "the first server listed gives a shared target's values");
    assert_eq!(merged["database"].as_array().unwrap().len(), 1);
    assert_eq!(merged["metrics"]["jobs"].as_array().unwrap().len(), 5, "{:#}", merged["metrics"]["jobs"]);
    assert_eq!(merged["metrics"]["jobs"][0]["targets"], 1);

    // --sum-servers adds them deliberately: every volume doubles.
    let summed = measure(&[&prom.url, &vm.url], &["--sum-servers"]);
    fixture::check_truths(&summed, 2.0);
    assert_eq!(summed["deduplication"]["mode"], "sum_servers");
    let source = summed["logs"]["ingested_gb_per_month"]["source_url"].as_str().unwrap();
    assert!(source.contains(&prom.url) && source.contains(&vm.url), "{source}");
    assert_eq!(summed["database"].as_array().unwrap().len(), 2);
}
