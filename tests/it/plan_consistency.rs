//! A plan says one thing everywhere: the one-time cost shows the weeks it prices; a single-phase
//! plan (`plan --phase N`) and its report speak of that phase only; `plan --compare-to` compares
//! like with like and warns when it cannot (another scenario, other phases).

use crate::support::obs_cost;

use serde_json::Value;

const EXAMPLE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/scenarios/example.yaml");
const GOLDEN: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/scenarios/expected/example.json");

fn run(args: &[&str]) -> String {
    let out = obs_cost().args(args).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

fn money(text: &str) -> f64 {
    text.trim_start_matches('$').replace(',', "").parse().unwrap()
}

#[test]
fn the_one_time_line_shows_the_weeks_its_labor_prices() {
    let plan: Value = serde_json::from_str(&std::fs::read_to_string(GOLDEN).unwrap()).unwrap();
    let weekly = plan["inputs"]["loaded_monthly_cost_usd"].as_f64().unwrap() * 12.0 / 52.0;
    let text = run(&["plan", "--scenario", EXAMPLE]);
    let mut cumulative = 0.0;
    for ph in plan["phases"].as_array().unwrap() {
        let n = ph["phase"].as_u64().unwrap();
        cumulative += ph["engineer_weeks"].as_f64().unwrap();
        assert_eq!(ph["migration_engineer_weeks"].as_f64(), Some(cumulative), "phase {n}");
        let line = text.lines().find(|l| l.starts_with(&format!("Phase {n} "))).unwrap();
        let labor = line.split("labor ").nth(1).unwrap().split(' ').next().unwrap();
        let weeks: f64 = line.split(" engineer-weeks").next().unwrap().rsplit(' ').next().unwrap().parse().unwrap();
        // The weeks shown are the ones priced: labor = weeks x the weekly rate.
        assert_eq!(weeks, cumulative, "{line}");
        assert!((money(labor) - weeks * weekly).abs() < 0.01, "{line}: {labor} is not {weeks} x {weekly}");
    }
    // Phase 4 of the example: 1.5 + 2.5 + 5 + 7 weeks, not phase 4's 7 alone.
    assert!(text.contains("labor $33,230.77 (phases 1-4: 16 engineer-weeks)"), "{text}");
    // A single-phase plan knows the weeks of the phases before it.
    let one = run(&["plan", "--scenario", EXAMPLE, "--phase", "4"]);
    assert!(one.contains("labor $33,230.77 (phases 1-4: 16 engineer-weeks)"), "{one}");
}

#[test]
fn a_single_phase_plan_and_its_report_speak_of_that_phase_only() {
    let dir = tempfile::tempdir().unwrap();
    let json = dir.path().join("p3.json");
    run(&["plan", "--scenario", EXAMPLE, "--phase", "3", "--format", "json", "-o", json.to_str().unwrap()]);
    let plan: Value = serde_json::from_str(&std::fs::read_to_string(&json).unwrap()).unwrap();
    let tree = &plan["decision_tree"];
    assert_eq!(tree["roi_best_phase"], 3, "{tree}");
    assert_eq!(tree["roi_decision"], plan["phases"][0]["decision"], "{tree}");
    assert!(tree["note"].as_str().unwrap().contains("the ROI of phase 3, the one phase this plan holds"), "{tree}");
    assert!(plan["agent_transport"].is_null(), "compute moves in phase 4: {}", plan["agent_transport"]);
    assert!(plan["mapping"].as_array().unwrap().iter().all(|m| m["phase"].as_u64().unwrap() <= 3));
    let html = dir.path().join("p3.html");
    run(&["report", "--from", json.to_str().unwrap(), "-o", html.to_str().unwrap()]);
    let page = std::fs::read_to_string(&html).unwrap();
    for other in ["phase 5", "best phase", "best: phase", "Start with phase"] {
        assert!(!page.contains(other), "the report of phase 3 speaks of '{other}'");
    }
    assert!(page.contains("ROI rule for phase 3 data, the one phase this plan holds: stay self-hosted"), "headline");
    assert!(page.contains("This plan holds phase 3 (data) only: stay self-hosted"), "next step");
    // The table and Markdown say the same.
    for format in ["table", "markdown"] {
        let text = run(&["plan", "--scenario", EXAMPLE, "--phase", "3", "--format", format]);
        assert!(!text.contains("best phase 5") && !text.contains("phase 5"), "{format}: {text}");
    }
}

#[test]
fn compare_to_with_phase_compares_like_with_like_and_warns_across_scenarios() {
    // The golden holds phases 1-5; the current plan phase 3 only: no decision flips, no changes.
    let text = run(&["plan", "--scenario", EXAMPLE, "--phase", "3", "--compare-to", GOLDEN]);
    assert!(text.contains("No differences."), "{text}");
    assert!(
        text.contains("Warning: compared phase 3 only:") && text.contains("holds phases 1-5, current phase 3"),
        "{text}"
    );
    let json: Value = serde_json::from_str(&run(&[
        "plan",
        "--scenario",
        EXAMPLE,
        "--phase",
        "3",
        "--compare-to",
        GOLDEN,
        "--format",
        "json",
    ]))
    .unwrap();
    assert_eq!(json["phases"].as_array().unwrap().len(), 1, "{json}");
    assert_eq!(json["fields"].as_array().unwrap().len(), 0, "{json}");
    // Two single-phase plans of different phases: nothing in common, said so, and no flip.
    let dir = tempfile::tempdir().unwrap();
    let p2 = dir.path().join("p2.json");
    run(&["plan", "--scenario", EXAMPLE, "--phase", "2", "--format", "json", "-o", p2.to_str().unwrap()]);
    let text = run(&["plan", "--scenario", EXAMPLE, "--phase", "3", "--compare-to", p2.to_str().unwrap()]);
    assert!(text.contains("0 decision(s) flipped"), "{text}");
    assert!(text.contains("the plans hold different phases"), "{text}");
    // Another scenario's plan: a warning first.
    let startup = concat!(env!("CARGO_MANIFEST_DIR"), "/scenarios/startup-3p-5k.yaml");
    for format in ["table", "markdown"] {
        let text = run(&["plan", "--scenario", startup, "--compare-to", GOLDEN, "--format", format]);
        assert!(text.contains("the plans are of different scenarios ('example'"), "{format}: {text}");
    }
    let json: Value =
        serde_json::from_str(&run(&["plan", "--scenario", startup, "--compare-to", GOLDEN, "--format", "json"]))
            .unwrap();
    assert!(json["warnings"][0].as_str().unwrap().contains("different scenarios"), "{json}");
}

#[test]
fn csv_money_is_to_the_cent_as_the_json_writes_it_and_unit_prices_stay_exact() {
    let csv = run(&["plan", "--scenario", EXAMPLE, "--format", "csv"]);
    let plan: Value = serde_json::from_str(&std::fs::read_to_string(GOLDEN).unwrap()).unwrap();
    let mut lines = csv.lines();
    let header: Vec<&str> = lines.next().unwrap().split(',').collect();
    let col = |name: &str| header.iter().position(|h| *h == name).unwrap();
    for (row, ph) in lines.zip(plan["phases"].as_array().unwrap()) {
        let cells: Vec<&str> = row.split(',').collect();
        for name in ["aws_monthly_usd", "one_time_cost_usd", "net_monthly_benefit_usd", "npv_usd", "infra_delta_usd"] {
            let cell = cells[col(name)];
            assert_eq!(cell.split('.').nth(1).map(str::len), Some(2), "{name} = {cell}: not to the cent");
            let json = ph[name.replace("infra_delta_usd", "roi").as_str()].clone();
            if name != "infra_delta_usd" {
                assert_eq!(cell.parse::<f64>().unwrap(), json.as_f64().unwrap(), "{name}");
            }
        }
    }
    let est = run(&[
        "estimate",
        "--aws-usage",
        concat!(env!("CARGO_MANIFEST_DIR"), "/examples/aws-usage.yaml"),
        "--format",
        "csv",
    ]);
    let mut lines = est.lines();
    let header: Vec<&str> = lines.next().unwrap().split(',').collect();
    let (price, monthly) = (
        header.iter().position(|h| *h == "unit_price_usd").unwrap(),
        header.iter().position(|h| *h == "monthly_usd").unwrap(),
    );
    let rows: Vec<Vec<&str>> =
        lines.map(|l| l.split(',').collect()).filter(|c: &Vec<&str>| c.len() == header.len()).collect();
    assert!(rows.iter().all(|c| c[monthly] == "unknown" || c[monthly].split('.').nth(1).map(str::len) == Some(2)));
    // A unit price below a cent is written exactly.
    assert!(rows.iter().any(|c| c[price] == "0.00001"), "{est}");
}
