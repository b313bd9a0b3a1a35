//! `obs-cost plan` through the binary: every bundled scenario plans offline in every format, the
//! JSON contract, byte-identical reruns, `--phase`, and bad input (exit 2 with file:line:column or
//! an explanation).

use crate::support;

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;
use support::scenarios;

fn obs_cost() -> Command {
    let mut cmd = Command::cargo_bin("obs-cost").unwrap();
    cmd.current_dir(env!("CARGO_MANIFEST_DIR")).env_remove("OBS_COST_PRICE_BOOK");
    cmd
}

fn stdout_of(args: &[&str]) -> String {
    let out = obs_cost().args(args).output().unwrap();
    assert!(out.status.success(), "obs-cost {args:?} failed: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

fn json(path: &str, extra: &[&str]) -> Value {
    let mut args = vec!["plan", "--scenario", path, "--format", "json"];
    args.extend(extra);
    serde_json::from_str(&stdout_of(&args)).unwrap()
}

const CLOUDMART: &str = "scenarios/cloudmart-dau-50k.yaml";

#[test]
fn at_least_six_bundled_scenarios_plus_the_example() {
    let names: Vec<String> =
        scenarios().iter().map(|p| p.file_name().unwrap().to_string_lossy().into_owned()).collect();
    assert!(names.len() >= 7, "{names:?}");
    assert!(names.contains(&"example.yaml".to_string()));
    assert!(names.contains(&"cloudmart-dau-50k.yaml".to_string()));
}

#[test]
fn every_scenario_plans_in_every_format() {
    for s in scenarios() {
        let s = s.to_str().unwrap();
        for format in ["table", "markdown", "csv", "json"] {
            let out = stdout_of(&["plan", "--scenario", s, "--format", format]);
            assert!(!out.is_empty(), "{s} {format}");
        }
    }
}

#[test]
fn json_contract() {
    let v = json(CLOUDMART, &[]);
    assert_eq!(v["schema_version"], 1);
    assert_eq!(v["region"], "ap-northeast-2");
    let phases = v["phases"].as_array().unwrap();
    assert_eq!(phases.len(), 5);
    for (i, p) in phases.iter().enumerate() {
        assert_eq!(p["phase"], i as u64 + 1);
        assert!(p["name"].is_string());
        for k in ["aws_monthly_usd", "self_hosted_monthly_usd", "one_time_cost_usd", "net_monthly_benefit_usd"] {
            assert!(p[k].is_number(), "{k}: {}", p[k]);
        }
        assert!(p["payback_months"].is_u64() || p["payback_months"].is_null());
        assert!(["migrate_now", "migrate_gradually", "stay"].contains(&p["decision"].as_str().unwrap()));
        for k in ["infra_delta_usd", "ops_labor_saved_usd", "downtime_saved_usd", "productivity_gained_usd"] {
            assert!(p["roi"][k].is_number(), "roi.{k}");
        }
        assert!(p["aws_services"].is_array());
        assert!(p["cash_flow"].as_array().unwrap().len() == 37);
    }
    let outcome = v["decision_tree"]["outcome"].as_str().unwrap();
    assert!(["keep_compose", "consider_aws", "migrate_to_aws", "gradual_migration"].contains(&outcome));
    assert!(!v["decision_tree"]["path"].as_array().unwrap().is_empty());
    let sp = v["switch_points"].as_array().unwrap();
    assert_eq!(sp.len(), 5);
    for p in sp {
        assert!(p["phase"].is_u64());
        assert!(p["dau_net_zero"].is_number() || p["dau_net_zero"].is_null());
        assert!(p["dau_net_1000"].is_number() || p["dau_net_1000"].is_null());
    }
    assert!(!v["unconfirmed_prices"].as_array().unwrap().is_empty(), "Seoul uses unconfirmed prices");
    assert!(!v["mapping"].as_array().unwrap().is_empty());
    assert_eq!(v["uncertainty"]["samples"], 10000);
    assert!(!v["uncertainty"]["tornado"].as_array().unwrap().is_empty());
}

#[test]
fn money_is_rounded_to_the_cent() {
    let text = stdout_of(&["plan", "--scenario", CLOUDMART, "--format", "json"]);
    let v: Value = serde_json::from_str(&text).unwrap();
    let net = v["phases"][0]["net_monthly_benefit_usd"].to_string();
    assert_eq!(net.split('.').nth(1).map(str::len), Some(2), "{net}");
}

#[test]
fn same_inputs_give_byte_identical_output() {
    for s in scenarios() {
        let s = s.to_str().unwrap();
        let a = stdout_of(&["plan", "--scenario", s, "--format", "json"]);
        let b = stdout_of(&["plan", "--scenario", s, "--format", "json"]);
        assert_eq!(a, b, "{s}");
    }
}

#[test]
fn one_phase_only() {
    let v = json(CLOUDMART, &["--phase", "3"]);
    let phases = v["phases"].as_array().unwrap();
    assert_eq!(phases.len(), 1);
    assert_eq!(phases[0]["phase"], 3);
    assert_eq!(v["switch_points"].as_array().unwrap().len(), 1);
    obs_cost()
        .args(["plan", "--scenario", CLOUDMART, "--phase", "9"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--phase 9 is not a phase"));
    obs_cost().args(["plan", "--scenario", CLOUDMART, "--phase", "zero"]).assert().code(2);
}

#[test]
fn the_one_million_series_case_prices_amp_far_below_cloudwatch() {
    let v = json("scenarios/high-cardinality-1m-series.yaml", &[]);
    let t = v["metrics_targets"].as_array().unwrap();
    let cw = t.iter().find(|x| x["target"] == "cloudwatch").unwrap()["monthly_usd"].as_f64().unwrap();
    let amp = t.iter().find(|x| x["target"] == "managed_prometheus").unwrap()["monthly_usd"].as_f64().unwrap();
    assert!(cw > 10.0 * amp, "cloudwatch {cw} vs amp {amp}");
}

#[test]
fn writes_atomically_with_dash_o() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("plan.json");
    obs_cost()
        .args(["plan", "--scenario", CLOUDMART, "--format", "json", "-o", out.to_str().unwrap()])
        .assert()
        .success()
        .stdout("");
    let v: Value = serde_json::from_str(&std::fs::read_to_string(out).unwrap()).unwrap();
    assert_eq!(v["scenario"]["name"], "cloudmart-dau-50k");
}

fn bad(dir: &Path, name: &str, edit: impl Fn(String) -> String) -> PathBuf {
    let base =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios/startup-3p-5k.yaml")).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, edit(base)).unwrap();
    path
}

fn fails_with(path: &Path, needle: &str) {
    obs_cost()
        .args(["plan", "--scenario", path.to_str().unwrap()])
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::contains(needle));
}

#[test]
fn unknown_keys_and_wrong_types_name_file_line_and_column() {
    let dir = tempfile::tempdir().unwrap();
    let p = bad(dir.path(), "unknown.yaml", |s| s.replace("  engineers: 3\n", "  engineers: 3\n  enginers: 4\n"));
    let loc = format!("invalid scenario {}:", p.display());
    fails_with(&p, &loc);
    fails_with(&p, "team: unknown field `enginers`");
    let p = bad(dir.path(), "type.yaml", |s| s.replace("  engineers: 3\n", "  engineers: three\n"));
    obs_cost()
        .args(["plan", "--scenario", p.to_str().unwrap()])
        .assert()
        .code(2)
        .stderr(predicate::str::is_match(r"type\.yaml:\d+:\d+: team\.engineers: invalid type").unwrap());
}

#[test]
fn inconsistent_values_are_explained() {
    let dir = tempfile::tempdir().unwrap();
    let p = bad(dir.path(), "ops.yaml", |s| s.replace("{low: 0.2, expected: 0.3, high: 0.5}", "5"));
    fails_with(&p, "team.ops_fte: is 5 but the team has 3 engineers");
    // Checks between keys are located at the key named too.
    obs_cost()
        .args(["plan", "--scenario", p.to_str().unwrap()])
        .assert()
        .code(2)
        .stderr(predicate::str::is_match(r"invalid scenario .*ops\.yaml:\d+:\d+: team\.ops_fte: ").unwrap());
    let p = bad(dir.path(), "dau.yaml", |s| s.replace("dau: 5000", "dau: -5000"));
    fails_with(&p, "dau.yaml:");
    fails_with(&p, "traffic.dau: is -5000; a number of daily active users must be from 0 to 10000000000");
    let p = bad(dir.path(), "order.yaml", |s| {
        s + "phases:\n  - {phase: 3, engineer_weeks: 2}\n  - {phase: 2, engineer_weeks: 2}\n"
    });
    fails_with(&p, "phases[1].phase: is 2 after phase 3: list phases once each, in increasing order");
    let p = bad(dir.path(), "version.yaml", |s| s.replace("schema_version: 1", "schema_version: 2"));
    fails_with(&p, "schema_version: is 2, but this build reads scenarios of schema_version 1");
    let p = bad(dir.path(), "range.yaml", |s| {
        s.replace("{low: 5, expected: 20, high: 60}", "{low: 50, expected: 20, high: 60}")
    });
    fails_with(&p, "a range needs low <= expected <= high");
    let p = bad(dir.path(), "twice.yaml", |s| s + "phases:\n  - {phase: 2, moves: [logs, metrics]}\n");
    fails_with(&p, "workload 'metrics' moves in phase 1 and again in phase 2");
}

#[test]
fn usage_snapshots_check_their_version_and_feed_the_plan_with_provenance() {
    let dir = tempfile::tempdir().unwrap();
    let snap = dir.path().join("usage.yaml");
    std::fs::write(&snap, "schema_version: 9\nkind: usage\n").unwrap();
    obs_cost()
        .args(["plan", "--scenario", CLOUDMART, "--usage", snap.to_str().unwrap()])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("schema_version 9 is not supported (this obs-cost reads 1)"))
        .stderr(predicate::str::contains("usage.yaml"));
    // The bundled measured scenario: measured values carry their query, window and extrapolation;
    // values given inline win.
    let out = obs_cost()
        .args(["plan", "--scenario", "scenarios/measured-reference-stack.yaml", "--format", "json"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let plan: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let values = plan["usage"]["values"].as_array().unwrap();
    let get = |key: &str| values.iter().find(|v| v["key"] == key).unwrap_or_else(|| panic!("no {key}"));
    let series = get("usage.metrics.active_series");
    assert_eq!(series["source"], "snapshot");
    assert_eq!(series["expected"], 2235);
    assert_eq!(series["query"], "sum(scrape_samples_post_metric_relabeling) + 5 * count(up)");
    assert_eq!(series["extrapolated"], false);
    let sps = get("usage.metrics.samples_per_second");
    assert_eq!(sps["extrapolated"], true);
    assert_eq!(sps["window_seconds"], 3600);
    let used = get("usage.metrics.series_used_by_rules_and_dashboards");
    assert_eq!((&used["source"], &used["expected"]), (&"snapshot".into(), &265.into()), "{used:#}");
    assert!(used["query"].as_str().unwrap().starts_with("count by (__name__)"), "{used:#}");
    let editors = get("usage.metrics.grafana_editors");
    assert_eq!(editors["source"], "scenario");
    assert!(editors["query"].is_null());
    assert_eq!(plan["usage"]["top_metrics"].as_array().unwrap().len(), 5);
    // An inline value overrides the measured one.
    let scenario = std::fs::read_to_string("scenarios/measured-reference-stack.yaml")
        .unwrap()
        .replace("  metrics:\n", "  metrics:\n    active_series: 5000\n")
        .replace(
            "../examples/usage-snapshot.yaml",
            &std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("examples/usage-snapshot.yaml")
                .display()
                .to_string(),
        );
    let path = dir.path().join("inline.yaml");
    std::fs::write(&path, scenario).unwrap();
    let out = obs_cost().args(["plan", "--format", "json", "--scenario"]).arg(&path).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let plan: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let v = plan["usage"]["values"]
        .as_array()
        .unwrap()
        .iter()
        .find(|v| v["key"] == "usage.metrics.active_series")
        .cloned()
        .unwrap();
    assert_eq!(v["source"], "scenario");
    assert_eq!(v["expected"], 5000);
}

#[test]
fn a_missing_price_names_service_region_and_usage_type() {
    let dir = tempfile::tempdir().unwrap();
    let p = bad(dir.path(), "price.yaml", |s| {
        s.replace("region: us-east-1", "region: ap-northeast-2")
            .replace("instance_type: t3.medium", "instance_type: m6i.xlarge")
    });
    // Every catalog type has a Seoul price in the bundled book: take one out of a copy of it.
    let book = dir.path().join("book");
    std::fs::create_dir(&book).unwrap();
    for name in ["free-tiers.yaml", "us-east-1.yaml", "ap-northeast-2.yaml"] {
        let text =
            std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("pricing-data").join(name)).unwrap();
        let text = match text.find("  - id: ec2.m6i.xlarge.linux") {
            Some(start) if name == "ap-northeast-2.yaml" => {
                let end = start + text[start..].find("  - id: ec2.m6i.2xlarge.linux").unwrap();
                format!("{}{}", &text[..start], &text[end..])
            }
            _ => text,
        };
        std::fs::write(book.join(name), text).unwrap();
    }
    obs_cost()
        .arg("--price-book")
        .arg(&book)
        .args(["plan", "--scenario", p.to_str().unwrap()])
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::contains("ap-northeast-2").and(predicate::str::contains("m6i.xlarge")));
}

#[test]
fn the_plan_json_of_every_bundled_scenario_is_its_golden_byte_for_byte() {
    // One set of goldens: scenarios/expected/NAME.json, written by `scenarios check --update`
    // (which names the scenario file without its directory, as a plan made next to it does).
    // Planned from inside scenarios/, every byte must match: money to the cent, key order, and
    // the same output on every run.
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios");
    for s in scenarios() {
        let name = s.file_name().unwrap().to_str().unwrap();
        let out = obs_cost().current_dir(&dir).args(["plan", "--scenario", name, "--format", "json"]).output().unwrap();
        assert!(out.status.success(), "{name}: {}", String::from_utf8_lossy(&out.stderr));
        let golden = dir.join("expected").join(name.replace(".yaml", ".json"));
        let want = std::fs::read_to_string(&golden).unwrap();
        assert!(
            String::from_utf8_lossy(&out.stdout) == want,
            "{name}: the plan differs from {}; if the change is intended, rewrite the goldens with `obs-cost scenarios check --update` and review the diff",
            golden.display()
        );
    }
}
