//! Several servers scraping the same targets, with real components: an HA pair (two Prometheus
//! 2.42 with `replica` external labels scraping the same node_exporter, Redis exporter and fixture
//! exporter), and Prometheus beside vmagent → VictoriaMetrics (vmauth in front, bearer token and a
//! tenant header sent with `--header`, a `/prometheus` path prefix) scraping the same targets.
//! Shared targets count once; `--sum-servers` adds them; the snapshot says which. Also the scrape
//! interval of a young server (`--at`, no targets API) and of VictoriaMetrics (no targets at all).

use crate::support;

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use serde_json::Value;
use support::exporter::{fixture_exporter, LIVE_LOKI_BYTES};
use support::{assert_close, obs_cost, value};

const MONTH: f64 = 2_628_000.0;
const TOKEN: &str = "vm-s3cret-token-1234567890";

fn scrape_configs(targets: &[(&str, &str, &str)]) -> String {
    let mut c = String::from("scrape_configs:\n");
    for (job, target, path) in targets {
        c.push_str(&format!(
            "  - job_name: {job}\n    scrape_interval: 1s\n    metrics_path: {path}\n    static_configs: [{{targets: ['{target}']}}]\n"
        ));
    }
    c
}

fn measure(args: &[&str]) -> (Value, String) {
    let out = obs_cost().args(["measure", "--format", "json", "--retries", "0"]).args(args).output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr).to_string();
    assert!(out.status.success(), "measure {args:?} failed: {stderr}");
    (serde_json::from_slice(&out.stdout).unwrap(), stderr)
}

fn now() -> String {
    SystemTime::now().duration_since(UNIX_EPOCH).unwrap().as_secs().to_string()
}

/// The real exporters both servers scrape: node_exporter, Redis with redis_exporter, and the
/// fixture exporter's Loki self-metrics (at a known rate), as `scrape_configs`.
struct Exporters {
    _node: support::NodeExporter,
    _redis: support::Redis,
    _fixture: support::exporter::Server,
    scrape_configs: String,
}

fn exporters() -> Option<Exporters> {
    let node = support::NodeExporter::start()?;
    let redis = support::Redis::start()?;
    let fixture = fixture_exporter();
    let fx = fixture.url.trim_start_matches("http://").to_string();
    let targets =
        [("node", node.address.as_str(), "/metrics"), ("redis", &redis.exporter, "/metrics"), ("loki", &fx, "/loki")];
    let scrape_configs = scrape_configs(&targets);
    Some(Exporters { _node: node, _redis: redis, _fixture: fixture, scrape_configs })
}

/// Waits until every target of a server has been scraped a few times.
fn wait_scraped(url: &str, headers: &[(&str, &str)]) {
    let ready = "min(count_over_time(up[1m])) and count(up == 1) >= 3";
    support::wait_for_value(url, ready, 8.0, Duration::from_secs(60), headers);
}

#[test]
fn an_ha_pair_of_prometheus_servers_is_counted_once() {
    let Some(exporters) = exporters() else { return };
    let config = |replica: &str| {
        format!(
            "global:\n  scrape_interval: 1s\n  external_labels: {{replica: {replica}}}\n{}",
            exporters.scrape_configs
        )
    };
    let Some(a) = support::Prometheus::start(&config("a"), &[], None) else { return };
    let Some(b) = support::Prometheus::start(&config("b"), &[], None) else { return };
    for p in [&a, &b] {
        wait_scraped(&p.url, &[]);
    }

    let (single, _) = measure(&["--prometheus", &a.url]);
    let (pair, stderr) = measure(&["--prometheus", &a.url, "--prometheus", &b.url]);
    assert!(stderr.contains("3 target(s) shared by several servers counted once"), "{stderr}");
    let (summed, stderr) = measure(&["--prometheus", &a.url, "--prometheus", &b.url, "--sum-servers"]);
    assert!(stderr.contains("ADDED UP"), "{stderr}");

    // Counted once: the pair reports what one server does, and says so.
    let series = value(&single, "/metrics/active_series");
    assert_close("pair series", value(&pair, "/metrics/active_series"), series, 0.02);
    assert_close("summed series", value(&summed, "/metrics/active_series"), 2.0 * series, 0.02);
    let logs = LIVE_LOKI_BYTES * MONTH / 1e9;
    assert_close("pair log GB", value(&pair, "/logs/ingested_gb_per_month"), logs, 0.05);
    assert_close("summed log GB", value(&summed, "/logs/ingested_gb_per_month"), 2.0 * logs, 0.05);
    assert_eq!(pair["hosts"].as_array().unwrap().len(), 1, "{:#}", pair["hosts"]);
    assert_eq!(pair["cache"].as_array().unwrap().len(), 1);
    assert_eq!(summed["hosts"].as_array().unwrap().len(), 2);
    let dedup = &pair["deduplication"];
    assert_eq!(dedup["mode"], "by_target", "{dedup:#}");
    assert_eq!(dedup["shared_targets"], 3, "{dedup:#}");
    assert_eq!(dedup["targets"], 3, "{dedup:#}");
    assert!(dedup["copy_labels"].as_array().unwrap().iter().any(|l| l == "replica"));
    assert_eq!(pair["sources"][0]["duplicate_targets"], 0);
    assert_eq!(pair["sources"][1]["duplicate_targets"], 3);
    for job in pair["metrics"]["jobs"].as_array().unwrap() {
        assert_eq!(job["targets"], 1, "{job:#}");
        assert_eq!(job["source_url"], a.url.as_str(), "the first server listed gives the values: {job:#}");
    }
    assert_eq!(summed["deduplication"]["mode"], "sum_servers");

    // A young server measured at a fixed time (no targets API): the interval comes from the
    // spacing of its samples, not from an hour it does not have (it used to be 20x too long).
    let (young, _) = measure(&["--prometheus", &b.url, "--at", &now()]);
    for job in young["metrics"]["jobs"].as_array().unwrap() {
        assert_eq!(job["scrape_interval_seconds"], 1.0, "{job:#}");
    }
    // Less than a day of history, scaled to a month: a warning in the snapshot and on stderr.
    let out = obs_cost().args(["measure", "--prometheus", &a.url, "--format", "json"]).output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("obs-cost: warning: only ") && stderr.contains("less than a day, the minimum"), "{stderr}");
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    let warnings = json["warnings"].as_array().unwrap();
    assert!(warnings.iter().any(|w| w.as_str().unwrap().contains("logs.ingested_gb_per_month")), "{warnings:#?}");
}

#[test]
fn prometheus_and_its_victoriametrics_copy_through_vmagent_and_vmauth_are_counted_once() {
    let Some(exporters) = exporters() else { return };
    let Some(vm) = support::Victoria::start_with(&["-search.latencyOffset=1s".to_string()]) else { return };
    let write = format!("{}/api/v1/write", vm.url);
    // vmagent labels what it writes, as an HA replica would; the label is a copy label.
    let Some(_agent) =
        support::VmAgent::start(&exporters.scrape_configs, &write, &["-remoteWrite.label=replica=vmagent"])
    else {
        return;
    };
    let auth = format!("users:\n  - bearer_token: \"{TOKEN}\"\n    url_prefix: \"{}\"\n", vm.url);
    let Some(vmauth) = support::VmAuth::start(&auth) else { return };
    let prom_config = format!("global:\n  scrape_interval: 1s\n{}", exporters.scrape_configs);
    let Some(prom) = support::Prometheus::start(&prom_config, &[], None) else { return };
    wait_scraped(&prom.url, &[]);
    let bearer = format!("Bearer {TOKEN}");
    let via_auth = format!("{}/prometheus", vmauth.url);
    wait_scraped(&via_auth, &[("Authorization", &bearer)]);

    let auth_header = format!("Authorization: {bearer}");
    let headers = ["--header", &auth_header, "--header", "X-Scope-OrgID: team-a"];
    let (copy, stderr) = measure(&[&["--prometheus", &via_auth][..], &headers].concat());
    assert!(!stderr.contains(TOKEN), "the token leaked: {stderr}");
    let text = copy.to_string();
    assert!(!text.contains(TOKEN), "the token leaked into the snapshot");
    assert_eq!(copy["sources"][0]["flavour"], "victoriametrics");
    let shown: Vec<&str> =
        copy["sources"][0]["headers"].as_array().unwrap().iter().map(|h| h.as_str().unwrap()).collect();
    assert_eq!(shown, ["Authorization: REDACTED", "X-Scope-OrgID: team-a"]);
    // VictoriaMetrics knows no targets: the interval comes from the spacing of `up` (MetricsQL).
    for job in copy["metrics"]["jobs"].as_array().unwrap() {
        assert_eq!(job["scrape_interval_seconds"], 1.0, "{job:#}");
    }
    assert_eq!(copy["hosts"].as_array().unwrap().len(), 1);

    let (alone, _) = measure(&["--prometheus", &prom.url]);
    let (both, _) = measure(&[&["--prometheus", &prom.url, "--prometheus", &via_auth][..], &headers].concat());
    assert_eq!(both["deduplication"]["shared_targets"], 3, "{:#}", both["deduplication"]);
    assert_eq!(both["sources"][1]["duplicate_targets"], 3, "{:#}", both["sources"]);
    assert_close("series", value(&both, "/metrics/active_series"), value(&alone, "/metrics/active_series"), 0.02);
    let logs = LIVE_LOKI_BYTES * MONTH / 1e9;
    assert_close("log GB", value(&both, "/logs/ingested_gb_per_month"), logs, 0.05);
    assert_eq!(both["hosts"].as_array().unwrap().len(), 1);
    assert_eq!(both["cache"].as_array().unwrap().len(), 1);
    let (summed, _) =
        measure(&[&["--prometheus", &prom.url, "--prometheus", &via_auth, "--sum-servers"][..], &headers].concat());
    assert_close("summed log GB", value(&summed, "/logs/ingested_gb_per_month"), 2.0 * logs, 0.05);
    assert_eq!(summed["hosts"].as_array().unwrap().len(), 2);

    // Without the token vmauth refuses: one line, exit 2, the hint, nothing written.
    let out = obs_cost().args(["measure", "--prometheus", &via_auth, "--retries", "0"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("HTTP 401") && stderr.contains("--bearer-token-file"), "{stderr}");
}
