//! `obs-cost plan --actual` (and `report --actual`) on the bundled CloudMart scenario with a
//! hand-written actual snapshot (tests/fixtures/actual/cloudmart-actual.yaml): the forecast vs
//! actual percentages in every format, and bad input.

use assert_cmd::Command;
use serde_json::Value;

const SCENARIO: &str = "scenarios/cloudmart-dau-50k.yaml";
const ACTUAL: &str = "tests/fixtures/actual/cloudmart-actual.yaml";

fn obs_cost() -> Command {
    let mut cmd = Command::cargo_bin("obs-cost").unwrap();
    cmd.current_dir(env!("CARGO_MANIFEST_DIR")).env_remove("OBS_COST_PRICE_BOOK");
    cmd
}

fn plan(format: &str, extra: &[&str]) -> String {
    let out = obs_cost()
        .args(["plan", "--scenario", SCENARIO, "--actual", ACTUAL, "--format", format])
        .args(extra)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

fn num(v: &Value) -> f64 {
    v.as_f64().unwrap_or_else(|| panic!("not a number: {v}"))
}

#[test]
fn json_has_forecast_vs_actual_per_phase_and_service_with_the_error_in_percent() {
    let p: Value = serde_json::from_str(&plan("json", &[])).unwrap();
    let c = &p["actual_comparison"];
    assert_eq!(c["region"], "ap-northeast-2");
    let phases = c["phases"].as_array().unwrap();
    // CloudMart moves monitoring in phase 1 (CloudWatch metrics only), logs and traces in phase 2.
    assert_eq!(phases.len(), 5);
    let services = |i: usize| -> Vec<&str> {
        phases[i]["services"].as_array().unwrap().iter().map(|s| s["service"].as_str().unwrap()).collect()
    };
    assert_eq!(services(0), ["cloudwatch_metrics"]);
    assert_eq!(services(1), ["cloudwatch_logs", "cloudwatch_metrics", "xray"]);
    let phase2 = &phases[1];
    let svc = |name: &str| phase2["services"].as_array().unwrap().iter().find(|s| s["service"] == name).unwrap();
    let qty = |service: &str, key: &str| {
        svc(service)["quantities"].as_array().unwrap().iter().find(|q| q["key"] == key).unwrap().clone()
    };
    // Quantities: forecast, actual and (actual - forecast) / forecast x 100.
    let logs = qty("cloudwatch_logs", "ingested_gb");
    assert_eq!((num(&logs["forecast"]), num(&logs["actual"]), num(&logs["error_percent"])), (50.0, 60.0, 20.0));
    let custom = qty("cloudwatch_metrics", "custom_metrics");
    assert_eq!((num(&custom["forecast"]), num(&custom["actual"]), num(&custom["error_percent"])), (100.0, 80.0, -20.0));
    let api = qty("cloudwatch_metrics", "api_requests");
    assert_eq!((num(&api["forecast"]), num(&api["actual"]), num(&api["error_percent"])), (4380.0, 5000.0, 14.16));
    let traces = qty("xray", "traces_recorded");
    assert_eq!(
        (num(&traces["forecast"]), num(&traces["actual"]), num(&traces["error_percent"])),
        (2_746_600.0, 2_000_000.0, -27.18)
    );
    // Costs at the plan's prices, free tiers applied: logs 45 -> 55 billable GB at $0.76,
    // metrics 90 -> 70 billable at $0.30, traces 2.6466M -> 1.9M billable at $5 per million.
    let cost = |s: &str| (num(&svc(s)["forecast_monthly_usd"]), num(&svc(s)["actual_monthly_usd"]));
    assert_eq!(cost("cloudwatch_logs"), (35.76, 43.36));
    assert_eq!(num(&svc("cloudwatch_logs")["error_percent"]), 21.25);
    assert_eq!(cost("cloudwatch_metrics"), (27.6, 21.6));
    assert_eq!(num(&svc("cloudwatch_metrics")["error_percent"]), -21.74);
    assert_eq!(cost("xray"), (13.23, 9.5));
    assert_eq!(num(&svc("xray")["error_percent"]), -28.21);
    assert_eq!((num(&phase2["forecast_monthly_usd"]), num(&phase2["actual_monthly_usd"])), (76.59, 74.46));
    assert_eq!(num(&phase2["error_percent"]), -2.78);
    // The forecast side is the plan's own: the same quantities as the phase's AWS usage.
    assert_eq!(p["phases"][1]["aws_usage"]["cloudwatch_logs"]["ingested_gb"], 50);
}

#[test]
fn without_actual_the_plan_json_has_no_comparison_key() {
    let out = obs_cost().args(["plan", "--scenario", SCENARIO, "--format", "json"]).output().unwrap();
    let p: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(p.get("actual_comparison").is_none());
}

#[test]
fn table_markdown_csv_and_html_show_the_comparison() {
    let table = plan("table", &["--phase", "2"]);
    assert!(table.contains("Forecast vs actual"), "{table}");
    for needle in ["Logs ingested (Standard) (GB)", "+20%", "$43.36", "+21.25%", "-27.18%", "-2.78%"] {
        assert!(table.contains(needle), "missing {needle} in table");
    }
    let md = plan("markdown", &["--phase", "2"]);
    assert!(md.contains("#### Forecast vs actual"), "{md}");
    assert!(
        md.contains(
            "| 2 logs | cloudwatch_logs | Logs ingested (Standard) (GB) | 50 | 60 | +20% | $35.76 | $43.36 | +21.25% |"
        ),
        "{md}"
    );
    let csv = plan("csv", &["--phase", "2"]);
    let mut rows = csv::Reader::from_reader(csv.as_bytes());
    let header = rows.headers().unwrap().clone();
    let row = rows.records().next().unwrap().unwrap();
    let col = |name: &str| row.get(header.iter().position(|h| h == name).unwrap()).unwrap().to_string();
    assert_eq!(col("cloudwatch_logs.ingested_gb.forecast"), "50");
    assert_eq!(col("cloudwatch_logs.ingested_gb.actual"), "60");
    assert_eq!(col("cloudwatch_logs.ingested_gb.error_percent"), "20");
    assert_eq!(col("xray.traces_recorded.error_percent"), "-27.18");
    assert_eq!(col("compared_cost_error_percent"), "-2.78");
    assert_eq!(col("decision"), "migrate_now", "the usual columns come first, unchanged");

    let dir = tempfile::tempdir().unwrap();
    let html = dir.path().join("r.html");
    let out =
        obs_cost().args(["report", "--scenario", SCENARIO, "--actual", ACTUAL, "-o"]).arg(&html).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let text = std::fs::read_to_string(&html).unwrap();
    assert!(text.contains("<h3 id=\"actual\">Forecast vs actual</h3>"));
    assert!(text.contains("<td class=\"n\">+21.25%</td>") && text.contains("<td class=\"n\">-27.18%</td>"));
}

#[test]
fn a_snapshot_without_actual_or_a_missing_file_is_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let no_actual = dir.path().join("usage.yaml");
    let text = std::fs::read_to_string(ACTUAL).unwrap();
    std::fs::write(&no_actual, &text[..text.find("actual:").unwrap()]).unwrap();
    let out = obs_cost().args(["plan", "--scenario", SCENARIO, "--actual"]).arg(&no_actual).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("has no `actual` section") && err.contains("measure --cloudwatch --region ap-northeast-2"),
        "{err}"
    );
    let out = obs_cost().args(["plan", "--scenario", SCENARIO, "--actual", "nope.yaml"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("cannot read usage snapshot 'nope.yaml'"));
}
