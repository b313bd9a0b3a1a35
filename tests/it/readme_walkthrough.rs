//! README.md's walkthrough "From your Compose stack to a decision", run as written against the
//! reference stack without Docker (a real Prometheus 2.42 scraping node_exporter, PostgreSQL +
//! postgres_exporter, Redis + redis_exporter and the fixture exporter's Loki, Promtail, Jaeger,
//! OTel Collector, Tempo and Grafana self-metrics, as `scripts/measure-stack.sh` starts them): every
//! `$ obs-cost ...` line of its `console` blocks is run in one directory, and every line shown under
//! it must appear in what the command printed (stderr, then stdout), in order; `…` in a line stands
//! for text that changes from run to run (timings, byte counts), a line `…` for lines left out.
//! `$ cat FILE` blocks show excerpts of a file a command wrote. So the README cannot drift.

use crate::support;

use std::path::Path;
use std::time::{Duration, Instant};

use support::exporter::fixture_exporter;
use support::obs_cost;

/// The walkthrough's own Prometheus URL, replaced by the test's.
const README_URL: &str = "http://localhost:9090";

/// One `$ command` of the walkthrough and the lines shown under it.
#[derive(Debug)]
struct Step {
    command: String,
    shown: Vec<String>,
}

/// The `console` blocks of the walkthrough section.
fn steps(readme: &str) -> Vec<Step> {
    let start = readme.find("## From your Compose stack to a decision").expect("README has the walkthrough section");
    let section = &readme[start..];
    let end = section[3..].find("\n## ").map_or(section.len(), |i| i + 3);
    let mut out: Vec<Step> = Vec::new();
    let mut in_block = false;
    for line in section[..end].lines() {
        if line.starts_with("```") {
            in_block = line == "```console";
            continue;
        }
        if !in_block {
            continue;
        }
        if let Some(cmd) = line.strip_prefix("$ ") {
            out.push(Step { command: cmd.to_string(), shown: Vec::new() });
        } else if let Some(step) = out.last_mut() {
            step.shown.push(line.to_string());
        }
    }
    out
}

/// Whether `line` matches `shown`, where each `…` stands for any text.
fn matches(shown: &str, line: &str) -> bool {
    let parts: Vec<&str> = shown.split('…').collect();
    let (first, last) = (parts[0], parts[parts.len() - 1]);
    if parts.len() == 1 {
        return line == shown;
    }
    if !line.starts_with(first) || !line.ends_with(last) || line.len() < first.len() + last.len() {
        return false;
    }
    let mut rest = &line[first.len()..line.len() - last.len()];
    for part in &parts[1..parts.len() - 1] {
        match rest.find(part) {
            Some(i) => rest = &rest[i + part.len()..],
            None => return false,
        }
    }
    true
}

#[track_caller]
fn check_shown(step: &Step, printed: &str) {
    let lines: Vec<&str> = printed.lines().collect();
    let mut at = 0;
    for shown in step.shown.iter().filter(|s| s.as_str() != "…") {
        match lines[at..].iter().position(|l| matches(shown, l)) {
            Some(i) => at += i + 1,
            None => panic!(
                "README walkthrough drifted: `$ {}` no longer prints\n  {shown}\n(in order after the lines before it); it printed:\n{printed}",
                step.command
            ),
        }
    }
}

fn run(step: &Step, dir: &Path, prometheus: &str) -> String {
    let words: Vec<String> = step.command.split_whitespace().map(|w| w.replace(README_URL, prometheus)).collect();
    match words.first().map(String::as_str) {
        Some("obs-cost") => {
            let out = obs_cost().current_dir(dir).args(&words[1..]).output().unwrap();
            let stderr = String::from_utf8_lossy(&out.stderr);
            assert!(out.status.success(), "`$ {}` failed: {stderr}", step.command);
            format!("{stderr}{}", String::from_utf8_lossy(&out.stdout))
        }
        Some("cat") if words.len() == 2 => std::fs::read_to_string(dir.join(&words[1])).unwrap(),
        _ => panic!("the walkthrough runs obs-cost and cat FILE only, not `{}`", step.command),
    }
}

#[test]
fn the_readme_walkthrough_runs_against_the_reference_stack() {
    let readme = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md")).unwrap();
    let steps = steps(&readme);
    let commands: Vec<&str> = steps.iter().map(|s| s.command.split(' ').nth(1).unwrap_or_default()).collect();
    for needed in ["measure", "init", "plan", "report"] {
        assert!(commands.contains(&needed), "the walkthrough has no `obs-cost {needed}`: {commands:?}");
    }
    assert!(readme.contains("docker compose -f examples/compose/docker-compose.yml up -d"));
    assert!(readme.contains("scripts/measure-stack.sh"));

    let Some(node) = support::NodeExporter::start() else { return };
    let Some(pg) = support::Postgres::start() else { return };
    let Some(redis) = support::Redis::start() else { return };
    pg.psql("postgres", "CREATE DATABASE app").unwrap();
    let fixture = fixture_exporter();
    let fixture_addr = fixture.url.trim_start_matches("http://").to_string();
    let config = support::reference_config(&node.address, &pg.exporter, &redis.exporter, &fixture_addr);
    let Some(prom) = support::Prometheus::start(&config, &[("rules.yml", support::REFERENCE_RULES)], None) else {
        return;
    };
    // A few scrapes of every target, so that rates have history (polling, no fixed sleep).
    let deadline = Instant::now() + Duration::from_secs(60);
    let query =
        format!("{}/api/v1/query?query=min(count_over_time(up%5B1m%5D))%20and%20count(up%3D%3D1)%3E%3D10", prom.url);
    loop {
        let scrapes = support::http_get(&query)
            .and_then(|(_, body)| serde_json::from_str::<serde_json::Value>(&body).ok())
            .and_then(|v| v["data"]["result"][0]["value"][1].as_str().and_then(|s| s.parse::<f64>().ok()));
        if scrapes.is_some_and(|n| n >= 5.0) {
            break;
        }
        assert!(Instant::now() < deadline, "targets not scraped in time");
        std::thread::sleep(Duration::from_millis(250));
    }

    let dir = tempfile::tempdir().unwrap();
    for step in &steps {
        let printed = run(step, dir.path(), &prom.url);
        check_shown(step, &printed);
    }
}

#[test]
fn excerpt_lines_match_with_ellipses() {
    assert!(matches("wrote r.html (… bytes)", "wrote r.html (1234 bytes)"));
    assert!(matches("a … c … e", "a b c d e"));
    assert!(!matches("a … c", "a b d"));
    assert!(!matches("abc…bcd", "abcd"));
    assert!(matches("exact", "exact") && !matches("exact", "exact!"));
}
