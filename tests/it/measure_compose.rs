//! The Docker Compose reference stack in examples/compose: `docker-compose config` accepts it (no
//! Docker engine needed), promtool accepts its prometheus.yml and rules, and Prometheus scrapes the
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
