//! `obs-cost report` through the binary (issue 5): every bundled scenario renders with every
//! section, the numbers equal the plan JSON's, output is byte-identical and reproducible,
//! `--from plan.json` gives the same HTML as `--scenario`, hostile names are escaped, and a bad
//! `--from` file exits 2 with an explanation.

use crate::support;

use std::path::{Path, PathBuf};
use std::str::FromStr;

use assert_cmd::Command;
use obs_cost::units::{group_thousands, usd};
use predicates::prelude::*;
use rust_decimal::Decimal;
use serde_json::Value;
use support::scenarios;

const SECTIONS: [&str; 9] = [
    "summary",
    "usage",
    "used-series",
    "phases",
    "roi",
    "switch-points",
    "decision-tree",
    "sensitivity",
    "assumptions",
];
const CLOUDMART: &str = "scenarios/cloudmart-dau-50k.yaml";

fn obs_cost() -> Command {
    let mut cmd = Command::cargo_bin("obs-cost").unwrap();
    cmd.current_dir(env!("CARGO_MANIFEST_DIR")).env_remove("OBS_COST_PRICE_BOOK").env_remove("SOURCE_DATE_EPOCH");
    cmd
}

fn report(args: &[&str], out: &Path) -> String {
    let mut all = vec!["report"];
    all.extend(args);
    let o = obs_cost().args(&all).arg("-o").arg(out).output().unwrap();
    assert!(o.status.success(), "obs-cost {all:?} failed: {}", String::from_utf8_lossy(&o.stderr));
    std::fs::read_to_string(out).unwrap()
}

fn plan_json(scenario: &str) -> (String, Value) {
    let o = obs_cost().args(["plan", "--scenario", scenario, "--format", "json"]).output().unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let text = String::from_utf8(o.stdout).unwrap();
    let v = serde_json::from_str(&text).unwrap();
    (text, v)
}

fn dec(v: &Value) -> Decimal {
    Decimal::from_str(&v.to_string()).unwrap_or_else(|e| panic!("{v}: {e}"))
}

fn money(v: &Value) -> String {
    usd(dec(v))
}

/// The structure every report must have.
fn check_structure(html: &str, name: &str) {
    assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"), "{}", &html[..80]);
    assert_eq!(html.matches("<h1").count(), 1, "one h1");
    for id in SECTIONS {
        assert!(html.contains(&format!("<section id=\"{id}\"")), "section {id} missing");
    }
    assert!(html.contains(&format!("<title>obs-cost report: {name}</title>")), "title");
    // Self-contained: no script, no external resource, no remote URL in an attribute.
    assert!(!html.to_ascii_lowercase().contains("<script"), "a script");
    for needle in [" src=", "href=\"http", "href=\"//", "url(", "@import", "<link", "<img", "<iframe"] {
        assert!(!html.contains(needle), "found {needle}");
    }
    // Accessible tables and charts.
    assert!(html.matches("<caption>").count() >= 8);
    assert!(html.contains("<th scope=\"col\">") && html.contains("<th scope=\"row\""));
    assert_eq!(html.matches("<svg").count(), html.matches("<title id=\"chart-").count(), "every chart has a title");
    // Switch points: cost of ownership and net benefit against DAU.
    assert!(
        html.contains("<title id=\"chart-switch-title\">") && html.contains("<title id=\"chart-switch-net-title\">")
    );
    assert!(html.contains("@media print"));
}

#[test]
fn every_bundled_scenario_renders_every_section_with_the_plan_numbers() {
    let dir = tempfile::tempdir().unwrap();
    for path in scenarios() {
        let rel = format!("scenarios/{}", path.file_name().unwrap().to_string_lossy());
        let (_, plan) = plan_json(&rel);
        let name = plan["scenario"]["name"].as_str().unwrap();
        let html = report(&["--scenario", &rel], &dir.path().join("r.html"));
        check_structure(&html, name);
        for ph in plan["phases"].as_array().unwrap() {
            for key in ["net_monthly_benefit_usd", "one_time_cost_usd", "npv_usd", "total_monthly_usd"] {
                let want = money(&ph[key]);
                assert!(html.contains(&format!(">{want}<")), "{rel}: phase {} {key} {want} not in a cell", ph["phase"]);
            }
            for key in ["infra_delta_usd", "ops_labor_saved_usd", "downtime_saved_usd", "productivity_gained_usd"] {
                let want = money(&ph["roi"][key]);
                assert!(html.contains(&format!(">{want}<")), "{rel}: phase {} roi.{key} {want}", ph["phase"]);
            }
        }
        assert!(html.contains(&format!(">{}<", money(&plan["baseline"]["self_hosted_monthly_usd"]))));
        // The summary's band is the best phase's P10..P90.
        let best = plan["decision_tree"]["roi_best_phase"].as_u64().unwrap();
        let band = plan["uncertainty"]["phases"].as_array().unwrap().iter().find(|u| u["phase"] == best).unwrap();
        let range = &band["net_monthly_benefit_usd"];
        assert!(
            html.contains(&format!("P10 to P90: {} to {}", money(&range["low"]), money(&range["high"]))),
            "{rel}: band"
        );
        for sp in plan["switch_points"].as_array().unwrap() {
            if let Some(d) = sp["dau_net_zero"].as_number() {
                let want = group_thousands(Decimal::from_str(&d.to_string()).unwrap(), 0);
                assert!(html.contains(&want), "{rel}: switch point {want}");
            }
        }
        if plan["decision_tree"]["agrees_with_roi"] == Value::Bool(false) {
            assert!(html.contains("The ROI rule and the decision tree disagree."), "{rel}");
        }
        for u in plan["unconfirmed_prices"].as_array().unwrap() {
            assert!(html.contains(u["id"].as_str().unwrap()), "{rel}: unconfirmed {}", u["id"]);
        }
        // Usage provenance, and the top metrics or how to get them.
        assert!(html.contains("given in the scenario"), "{rel}");
        let top = plan["usage"]["top_metrics"].as_array().unwrap();
        if top.is_empty() {
            assert!(html.contains("obs-cost measure --top N"), "{rel}");
        }
        for t in top {
            assert!(html.contains(t["name"].as_str().unwrap()));
            assert!(html.contains(&format!(">{}<", money(&t["cloudwatch_monthly_usd"]))), "{rel}: {t}");
            assert!(html.contains(&format!(">{}<", money(&t["managed_prometheus_monthly_usd"]))), "{rel}: {t}");
        }
        // What the rules and dashboards read: the plan's figures, or how to measure them.
        let used = &plan["used_series"];
        if used["used_series"].is_null() {
            assert!(html.contains("obs-cost measure --prometheus URL --grafana-dashboards DIR"), "{rel}");
        } else {
            let unused = &used["cloudwatch_unused_monthly_usd"];
            assert!(html.contains(&format!("<span class=\"value\">{}</span>", money(unused))), "{rel}: {unused}");
        }
        assert!(html.contains(plan["generated_by"].as_str().unwrap()));
        assert!(html.len() < 1_000_000, "{rel}: {} bytes", html.len());
    }
}

#[test]
fn same_inputs_give_the_same_bytes_and_the_date_comes_from_source_date_epoch() {
    let dir = tempfile::tempdir().unwrap();
    let a = report(&["--scenario", CLOUDMART], &dir.path().join("a.html"));
    let b = report(&["--scenario", CLOUDMART], &dir.path().join("b.html"));
    assert_eq!(a, b);
    assert!(!a.contains("Generated "), "no wall-clock time without SOURCE_DATE_EPOCH");
    let out = dir.path().join("c.html");
    obs_cost()
        .env("SOURCE_DATE_EPOCH", "1700000000")
        .args(["report", "--scenario", CLOUDMART, "-o"])
        .arg(&out)
        .assert()
        .success();
    let c = std::fs::read_to_string(&out).unwrap();
    assert!(c.contains("Generated 2023-11-14 22:13:20 UTC."), "{}", &c[..2000]);
    obs_cost()
        .env("SOURCE_DATE_EPOCH", "yesterday")
        .args(["report", "--scenario", CLOUDMART, "-o"])
        .arg(&out)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("SOURCE_DATE_EPOCH 'yesterday' is not a number"));
}

#[test]
fn from_a_saved_plan_gives_the_same_html_as_from_the_scenario() {
    let dir = tempfile::tempdir().unwrap();
    for scenario in [CLOUDMART, "scenarios/high-cardinality-1m-series.yaml"] {
        let (text, _) = plan_json(scenario);
        let saved = dir.path().join("plan.json");
        std::fs::write(&saved, text).unwrap();
        let direct = report(&["--scenario", scenario], &dir.path().join("direct.html"));
        let from = report(&["--from", saved.to_str().unwrap()], &dir.path().join("from.html"));
        assert!(direct == from, "{scenario}: --from differs from --scenario");
    }
}

#[test]
fn creates_the_output_directory() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("reports/nested/cloudmart.html");
    obs_cost()
        .args(["report", "--scenario", CLOUDMART, "-o"])
        .arg(&out)
        .assert()
        .success()
        .stderr(predicate::str::contains("wrote"));
    assert!(out.exists());
}

#[test]
fn a_bad_from_file_exits_2_with_a_clear_message() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("r.html");
    let cases = [
        ("missing.json", None, "cannot read plan"),
        ("garbage.json", Some("{not json"), "not valid JSON"),
        ("other.json", Some("{\"region\": \"us-east-1\"}"), "has no schema_version"),
        ("future.json", Some("{\"schema_version\": 9}"), "schema_version 9"),
        (
            "estimate.json",
            Some("{\"schema_version\": 1, \"region\": \"us-east-1\"}"),
            "does not have the shape of a plan",
        ),
    ];
    for (name, content, needle) in cases {
        let path = dir.path().join(name);
        if let Some(c) = content {
            std::fs::write(&path, c).unwrap();
        }
        obs_cost()
            .args(["report", "--from"])
            .arg(&path)
            .arg("-o")
            .arg(&out)
            .assert()
            .code(2)
            .stderr(predicate::str::contains(needle))
            .stderr(predicate::str::starts_with("obs-cost: error:"));
        assert!(!out.exists(), "nothing is written on error");
    }
    obs_cost().args(["report", "-o"]).arg(&out).assert().code(2).stderr(predicate::str::contains("--scenario"));
    obs_cost()
        .args(["report", "--scenario", CLOUDMART, "--from", "x.json", "-o"])
        .arg(&out)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("cannot be used with"));
}

/// A scenario whose name and a metric name are HTML.
pub fn hostile_scenario(dir: &Path) -> PathBuf {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(root.join(CLOUDMART)).unwrap();
    let text = text.replacen("name: cloudmart-dau-50k", "name: \"<script>alert(1)</script>\"", 1).replacen(
        "  metrics:\n",
        "  metrics:\n    top_metrics: [{name: \"<script>alert(2)</script>\", series: 5000}, {name: \"a&b\\\"<img src=x onerror=alert(3)>\", series: 10}]\n",
        1,
    );
    assert!(text.contains("<script>alert(1)") && text.contains("alert(2)"), "the fixture edit did not apply");
    let path = dir.join("hostile.yaml");
    std::fs::write(&path, text).unwrap();
    path
}

#[test]
fn hostile_scenario_and_metric_names_render_as_text() {
    let dir = tempfile::tempdir().unwrap();
    let scenario = hostile_scenario(dir.path());
    let html = report(&["--scenario", scenario.to_str().unwrap()], &dir.path().join("r.html"));
    assert!(!html.to_ascii_lowercase().contains("<script"), "unescaped script");
    assert!(!html.contains("<img"), "unescaped img");
    // Shown as text: present once the entities are decoded (whichever entities the escaper uses).
    let text = unescape(&html);
    assert!(text.contains("<title>obs-cost report: <script>alert(1)</script></title>"), "title");
    assert!(text.contains("Migration report: <script>alert(1)</script></h1>"), "heading");
    assert!(text.contains(">a&b\"<img src=x onerror=alert(3)></th>"), "metric name in the top-metrics table");
    assert!(text.contains("><script>alert(2)</script></th>"), "metric name in the top-metrics table");
}

/// Decodes the character references an HTML escaper writes.
fn unescape(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let end = rest.find(';').filter(|&e| e <= 10);
        let decoded = end.and_then(|e| match &rest[1..e] {
            "lt" => Some('<'),
            "gt" => Some('>'),
            "amp" => Some('&'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            n if n.starts_with("#x") => u32::from_str_radix(&n[2..], 16).ok().and_then(char::from_u32),
            n if n.starts_with('#') => n[1..].parse().ok().and_then(char::from_u32),
            _ => None,
        });
        match (decoded, end) {
            (Some(c), Some(e)) => {
                out.push(c);
                rest = &rest[e + 1..];
            }
            _ => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}
