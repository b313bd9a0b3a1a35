//! The Docker Compose reference stack in examples/compose: `docker-compose config` accepts it (no
//! Docker engine needed), promtool accepts its prometheus.yml and rules, Grafana provisions its
//! dashboards (with the provisioned datasources), and Prometheus scrapes the
//! self-metrics of every component `obs-cost measure` reads.

use crate::support;

use std::path::Path;
use std::process::Command;

fn compose_dir() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/examples/compose"))
}

#[test]
fn docker_compose_config_accepts_the_reference_stack() {
    let Some(bin) = support::need("docker-compose", &[]) else { return };
    let out =
        Command::new(bin).current_dir(compose_dir()).args(["-f", "docker-compose.yml", "config"]).output().unwrap();
    assert!(out.status.success(), "docker-compose config failed: {}", String::from_utf8_lossy(&out.stderr));
    let config = String::from_utf8_lossy(&out.stdout);
    for service in [
        "prometheus",
        "grafana",
        "loki",
        "promtail",
        "jaeger",
        "alertmanager",
        "node-exporter",
        "cadvisor",
        "postgres",
        "postgres-exporter",
        "redis",
        "redis-exporter",
        "demo-app",
    ] {
        assert!(config.contains(&format!("  {service}:\n")), "service {service} missing from:\n{config}");
    }
}

#[test]
fn prometheus_config_is_valid_and_scrapes_every_component() {
    let Some(promtool) = support::need("promtool", &[]) else { return };
    let out =
        Command::new(promtool).current_dir(compose_dir()).args(["check", "config", "prometheus.yml"]).output().unwrap();
    assert!(
        out.status.success(),
        "promtool: {}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    let config = std::fs::read_to_string(compose_dir().join("prometheus.yml")).unwrap();
    for target in [
        "localhost:9090",
        "alertmanager:9093",
        "grafana:3000",
        "loki:3100",
        "promtail:9080",
        "jaeger:14269",
        "node-exporter:9100",
        "cadvisor:8080",
        "postgres-exporter:9187",
        "redis-exporter:9121",
        "demo-app:8083",
    ] {
        assert!(config.contains(target), "prometheus.yml does not scrape {target}");
    }
}

#[test]
fn the_rules_and_provisioned_dashboards_are_valid() {
    let Some(promtool) = support::need("promtool", &[]) else { return };
    let out =
        Command::new(promtool).current_dir(compose_dir()).args(["check", "rules", "alert-rules.yml"]).output().unwrap();
    assert!(out.status.success(), "promtool: {}", String::from_utf8_lossy(&out.stdout));
    // Grafana provisions the dashboards directory that docker-compose.yml mounts.
    let compose = std::fs::read_to_string(compose_dir().join("docker-compose.yml")).unwrap();
    assert!(compose.contains("./grafana/dashboards:/var/lib/grafana/dashboards:ro"), "{compose}");
    assert!(compose.contains("./grafana/dashboards.yml:/etc/grafana/provisioning/dashboards/dashboards.yml:ro"));
    let provider: serde_yaml::Value =
        serde_yaml::from_str(&std::fs::read_to_string(compose_dir().join("grafana/dashboards.yml")).unwrap()).unwrap();
    assert_eq!(provider["providers"][0]["options"]["path"], "/var/lib/grafana/dashboards");
    let datasources = std::fs::read_to_string(compose_dir().join("grafana/datasources.yml")).unwrap();
    let mut uids = Vec::new();
    for entry in std::fs::read_dir(compose_dir().join("grafana/dashboards")).unwrap() {
        let path = entry.unwrap().path();
        let d: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        uids.push(d["uid"].as_str().unwrap().to_string());
        assert!(d["title"].as_str().is_some_and(|t| !t.is_empty()), "{path:?}");
        // Datasource uids the dashboards name are the provisioned ones (or variables).
        for uid in d.to_string().split("\"uid\":\"").skip(1).filter_map(|s| s.split('"').next()) {
            assert!(
                uid.starts_with("${")
                    || uid.starts_with("-- ")
                    || datasources.contains(&format!("uid: {uid}"))
                    || uids.contains(&uid.to_string()),
                "{path:?} names datasource uid {uid}, not in grafana/datasources.yml"
            );
        }
    }
    uids.sort();
    assert_eq!(uids, ["node-exporter", "postgres-database", "redis-exporter", "stack-overview"]);
}
