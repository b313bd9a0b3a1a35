//! What the rules and dashboards read, in the plan and the report (issue 12 item 5), through the
//! binary: every phase with metrics on CloudWatch priced shipping every series and the used ones
//! (the phase's totals use the scenario's choice), the unused metrics' shares adding up to the
//! difference on CloudWatch and on AMP, hand-worked figures across CloudWatch's tiers, every format
//! showing the choice and its alternative, the report's section (or how to measure when the plan
//! has no used series), and hostile expressions rendered as text.

use crate::support;

use std::path::{Path, PathBuf};
use std::str::FromStr;

use rust_decimal::Decimal;
use serde_json::Value;
use support::scenarios;

const MEASURED: &str = "scenarios/measured-reference-stack.yaml";

fn run(args: &[&str]) -> String {
    let out = support::obs_cost()
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env_remove("OBS_COST_PRICE_BOOK")
        .env_remove("SOURCE_DATE_EPOCH")
        .args(args)
        .output()
        .unwrap();
    assert!(out.status.success(), "obs-cost {args:?} failed: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

fn plan(scenario: &str) -> Value {
    serde_json::from_str(&run(&["plan", "--scenario", scenario, "--format", "json"])).unwrap()
}

fn report(scenario: &str, dir: &Path) -> String {
    let out = dir.join("r.html");
    run(&["report", "--scenario", scenario, "-o", out.to_str().unwrap()]);
    std::fs::read_to_string(out).unwrap()
}

/// A money or count field as a decimal (`None` when null).
fn dec(v: &Value) -> Option<Decimal> {
    (!v.is_null()).then(|| Decimal::from_str(&v.to_string()).unwrap_or_else(|e| panic!("{v}: {e}")))
}

fn d(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

/// The 1M-series scenario with metrics on CloudWatch, 40,000 used series and two large unused
/// metrics: the unused band spans three of CloudWatch's tiers.
fn tiered_scenario(dir: &Path, cloudwatch_series: &str) -> PathBuf {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(root.join("scenarios/high-cardinality-1m-series.yaml")).unwrap();
    let text = text
        .replacen(
            "    top_metrics:",
            "    series_used_by_rules_and_dashboards: 40000\n    unused_top_metrics:\n      - {name: http_request_duration_seconds_bucket, series: 420000}\n      - {name: grpc_server_handling_seconds_bucket, series: 180000}\n    top_metrics:",
            1,
        )
        .replacen("  metrics_target: managed_prometheus", &format!("  metrics_target: cloudwatch\n  cloudwatch_series: {cloudwatch_series}"), 1);
    assert!(
        text.contains("unused_top_metrics") && text.contains("cloudwatch_series"),
        "the fixture edit did not apply"
    );
    let path = dir.join(format!("tiered-{cloudwatch_series}.yaml"));
    std::fs::write(&path, text).unwrap();
    path
}

/// The shares of the unused metrics and the rest add up to the unused cost on each target, which
/// is ship all − ship used; every phase with metrics on CloudWatch shows the same difference, and
/// its totals are the chosen side.
fn check_adds_up(name: &str, p: &Value) -> bool {
    let u = &p["used_series"];
    assert!(u.is_object(), "{name}: no used_series section");
    let cw_moves = p["inputs"]["metrics_target"] == "cloudwatch";
    for ph in p["phases"].as_array().unwrap() {
        let s = &ph["cloudwatch_series"];
        if !cw_moves || !ph["on_aws"].as_array().unwrap().iter().any(|w| w == "metrics") {
            assert!(s.is_null(), "{name} phase {}: metrics are not on CloudWatch, yet {s}", ph["phase"]);
            continue;
        }
        assert_eq!(s["chosen"], u["cloudwatch_series"], "{name}");
        let chosen =
            if s["chosen"] == "all" { &s["ship_all_aws_monthly_usd"] } else { &s["ship_used_aws_monthly_usd"] };
        if let Some(c) = dec(chosen) {
            assert_eq!(
                Some(c),
                dec(&ph["aws_monthly_usd"]),
                "{name} phase {}: the total is the chosen side",
                ph["phase"]
            );
        }
        match (dec(&s["ship_all_aws_monthly_usd"]), dec(&s["ship_used_aws_monthly_usd"])) {
            (Some(a), Some(b)) => {
                assert_eq!(dec(&s["difference_monthly_usd"]), Some(a - b), "{name}");
                let diff = dec(&s["difference_monthly_usd"]).unwrap();
                let unused = dec(&u["cloudwatch_unused_monthly_usd"]);
                if ph["on_aws"].as_array().unwrap().iter().any(|w| w == "compute") {
                    // From the phase that moves compute the agents send the datapoints to AWS
                    // through the NAT gateway or VPC endpoints: the unused series' bytes (at most
                    // 43,800 datapoints of 200 B a month each, at most $0.045/GB) come on top.
                    let unused = unused.unwrap();
                    let series = dec(&u["unused_series"]).unwrap();
                    let most = (series * d("43800") * d("200") / d("1000000000") * d("0.045")).round_dp(2) + d("0.01");
                    assert!(diff >= unused && diff - unused <= most, "{name}: {diff} vs {unused} + at most {most}");
                } else {
                    assert_eq!(Some(diff), unused, "{name}");
                }
            }
            _ => assert!(s["difference_monthly_usd"].is_null(), "{name}: a difference of an unknown"),
        }
    }
    if u["used_series"].is_null() {
        for k in ["cloudwatch_unused_monthly_usd", "managed_prometheus_unused_monthly_usd", "other_unused"] {
            assert!(u[k].is_null(), "{name}: {k} without used series");
        }
        return false;
    }
    let (all, used) = (dec(&u["cloudwatch_ship_all_monthly_usd"]), dec(&u["cloudwatch_ship_used_monthly_usd"]));
    let cw = dec(&u["cloudwatch_unused_monthly_usd"]).unwrap();
    assert_eq!(all.unwrap() - used.unwrap(), cw, "{name}: unused = ship all − ship used");
    let amp = dec(&u["managed_prometheus_unused_monthly_usd"]).unwrap();
    let rest = &u["other_unused"];
    let (mut cw_sum, mut amp_sum) =
        (dec(&rest["cloudwatch_monthly_usd"]).unwrap(), dec(&rest["managed_prometheus_monthly_usd"]).unwrap());
    let mut series = dec(&rest["series"]).unwrap();
    for t in u["unused_top_metrics"].as_array().unwrap() {
        cw_sum += dec(&t["cloudwatch_monthly_usd"]).unwrap();
        amp_sum += dec(&t["managed_prometheus_monthly_usd"]).unwrap();
        series += dec(&t["series"]).unwrap();
    }
    assert_eq!(cw_sum, cw, "{name}: the CloudWatch shares add up to ship all − ship used");
    assert_eq!(amp_sum, amp, "{name}: the AMP shares add up to the unused samples' cost");
    assert_eq!(Some(series), dec(&u["unused_series"]), "{name}: the rows cover every unused series");
    true
}

#[test]
fn the_unused_metric_costs_add_up_to_the_difference_between_ship_all_and_ship_used() {
    let mut priced = Vec::new();
    for path in scenarios() {
        let rel = format!("scenarios/{}", path.file_name().unwrap().to_string_lossy());
        if check_adds_up(&rel, &plan(&rel)) {
            priced.push(rel);
        }
    }
    assert!(priced.contains(&MEASURED.to_string()) && priced.len() >= 4, "{priced:?}");
    let dir = tempfile::tempdir().unwrap();
    for choice in ["all", "used"] {
        let s = tiered_scenario(dir.path(), choice);
        assert!(check_adds_up(choice, &plan(s.to_str().unwrap())));
    }
}

#[test]
fn across_tiers_the_unused_band_is_priced_at_its_average_price() {
    let dir = tempfile::tempdir().unwrap();
    let p = plan(tiered_scenario(dir.path(), "all").to_str().unwrap());
    let u = &p["used_series"];
    // By hand, us-east-1, free tier on. Custom metrics: 10 free, then $0.30 to 10,000, $0.10 to
    // 250,000, $0.05 to 1M; PutMetricData requests: metrics x 43.8 a month (1 datapoint a minute,
    // 1,000 a request), 1M free, then $0.01 per 1,000.
    //   every series: 9,990 x 0.30 + 240,000 x 0.10 + 750,000 x 0.05 = 64,497 + (43.8M - 1M) x 0.00001 = 428
    //   used series:  9,990 x 0.30 +  30,000 x 0.10                  =  5,997 + (1.752M - 1M) x 0.00001 = 7.52
    //   difference: 64,925 - 6,004.52 = 58,920.48 over 960,000 unused series ($0.0614 each: the
    //   marginal price at the top, $0.050438, would say 48,420.48; the average over every series,
    //   $0.064925, would say 62,328).
    assert_eq!(dec(&u["cloudwatch_unused_monthly_usd"]), Some(d("58920.48")));
    let top = u["unused_top_metrics"].as_array().unwrap();
    assert_eq!(dec(&top[0]["cloudwatch_monthly_usd"]), Some(d("25777.71")), "58,920.48 x 420,000 / 960,000");
    assert_eq!(
        dec(&top[1]["cloudwatch_monthly_usd"]),
        Some(d("11047.59")),
        "58,920.48 x 600,000 / 960,000 - 25,777.71"
    );
    assert_eq!(dec(&u["other_unused"]["cloudwatch_monthly_usd"]), Some(d("22095.18")));
    assert_eq!(dec(&u["other_unused"]["series"]), Some(d("360000")));
    let phase1 = &p["phases"][0]["cloudwatch_series"];
    assert_eq!(dec(&phase1["difference_monthly_usd"]), Some(d("58920.48")));
    assert_eq!((&phase1["all_series"], &phase1["used_series"]), (&Value::from(1_000_000), &Value::from(40_000)));
    // Shipping only the used series: the same two prices, the total now the used side.
    let used = plan(tiered_scenario(dir.path(), "used").to_str().unwrap());
    let s = &used["phases"][0]["cloudwatch_series"];
    assert_eq!(s["chosen"], "used");
    assert_eq!(s["ship_all_aws_monthly_usd"], phase1["ship_all_aws_monthly_usd"]);
    assert_eq!(used["phases"][0]["aws_monthly_usd"], s["ship_used_aws_monthly_usd"]);
}

#[test]
fn every_format_shows_the_choice_and_its_alternative() {
    let table = run(&["plan", "--scenario", MEASURED]);
    assert!(table.contains("What your rules and dashboards read: 265 of 2,235 active series (11.9%) from 81 metric name(s); 1,970 series nobody reads."), "{table}");
    assert!(table.contains("every series $679.60, only the used series $88.60: the unused series cost $591.00 a month. This plan ships every series (mapping.cloudwatch_series: all)."), "{table}");
    assert!(table.contains("Amazon Managed Prometheus ingests and stores every sample, whatever reads it: the unused series are $91.73 of its $133.47 a month"), "{table}");
    assert!(
        table.contains("│ 1 monitoring │           $679.60 │           $88.60 │    $591.00 │     every series │"),
        "{table}"
    );
    assert!(table.contains("│ total unused ") && table.contains("Expressions not parsed: none."), "{table}");
    let md = run(&["plan", "--scenario", MEASURED, "--format", "markdown"]);
    assert!(md.contains("#### What your rules and dashboards read\n\n- 265 of 2,235 active series"), "{md}");
    assert!(md.contains("| 1 monitoring | $679.60 | $88.60 | $591.00 | every series |"), "{md}");
    assert!(md.contains("| other unused series | 1,706 | $511.80 | $79.44 |"), "{md}");
    let csv = run(&["plan", "--scenario", MEASURED, "--format", "csv"]);
    let mut lines = csv.lines();
    let header: Vec<&str> = lines.next().unwrap().split(',').collect();
    let at = |k: &str| header.iter().position(|h| *h == k).unwrap_or_else(|| panic!("no {k} column: {header:?}"));
    let first: Vec<&str> = lines.next().unwrap().split(',').collect();
    assert_eq!(first[at("cloudwatch_series")], "all");
    assert_eq!(first[at("ship_all_series_aws_monthly_usd")], first[at("aws_monthly_usd")]);
    assert_eq!(d(first[at("ship_all_minus_used_usd")]), d("591"));
    // An AMP scenario: no series choice on any phase, and the mapping says AMP bills every sample.
    let amp = run(&["plan", "--scenario", "scenarios/high-cardinality-1m-series.yaml", "--format", "csv"]);
    assert!(amp.lines().skip(1).all(|l| l.contains(",,,,")), "{amp}");
    let amp = plan("scenarios/high-cardinality-1m-series.yaml");
    let said = amp["mapping"].to_string();
    assert!(said.contains("AMP bills every sample ingested, whatever rules and dashboards read"), "{said}");
}

#[test]
fn the_report_section_shows_the_measured_stack_and_says_how_to_measure_without_it() {
    let dir = tempfile::tempdir().unwrap();
    let p = plan(MEASURED);
    let html = report(MEASURED, dir.path());
    let section =
        &html[html.find("<section id=\"used-series\"").unwrap()..html.find("<section id=\"phases\"").unwrap()];
    assert!(section.contains("3. What your rules and dashboards read</h2>"));
    assert!(section.contains("<title id=\"chart-used-title\">") && section.contains("Used: 265 (11.9%)"), "{section}");
    for (label, value) in [
        ("Series read by rules and dashboards", "265"),
        ("Series nobody reads", "1,970"),
        ("Unused series on CloudWatch", "$591.00"),
        ("Unused series on Managed Prometheus", "$91.73"),
    ] {
        assert!(
            section.contains(&format!("<span class=\"label\">{label}</span><span class=\"value\">{value}</span>")),
            "{label}: {section}"
        );
    }
    let u = &p["used_series"];
    for t in u["unused_top_metrics"].as_array().unwrap() {
        assert!(section.contains(&format!("<th scope=\"row\" class=\"code\">{}</th>", t["name"].as_str().unwrap())));
    }
    assert!(section.contains("<th scope=\"row\">total unused</th><td class=\"n\">1,970</td><td class=\"n\">$591.00</td><td class=\"n\">$91.73</td>"), "{section}");
    // Provenance: query, window, what was read; the names behind the count; the method.
    assert!(
        section.contains("count by (__name__) ({__name__=~&quot;&lt;name&gt;|&lt;name&gt;|...&quot;})")
            || section.contains("count by (__name__) ({__name__=~&#34;"),
        "{section}"
    );
    assert!(
        section.contains("<td class=\"code query\">instant</td>") && section.contains("88 dashboard queries"),
        "{section}"
    );
    assert!(
        section.contains("<summary>The 81 metric name(s) rules and dashboards read</summary>")
            && section.contains("node_cpu_seconds_total")
    );
    assert!(
        section.contains("the average price of that band")
            && section.contains("None: every rule and dashboard expression read was parsed.")
    );
    // No used series: how to get them, never $0.
    let html = report("scenarios/startup-3p-5k.yaml", dir.path());
    let section =
        &html[html.find("<section id=\"used-series\"").unwrap()..html.find("<section id=\"phases\"").unwrap()];
    assert!(section.contains("obs-cost measure --prometheus URL --grafana-dashboards DIR --rule-files"), "{section}");
    assert!(!section.contains("$0.00") && !section.contains("class=\"card\""), "{section}");
    assert!(section.contains("<td class=\"n\">unknown</td>"), "the used side of each phase is unknown: {section}");
}

#[test]
fn unparsed_expressions_are_listed_with_their_source_and_render_as_text() {
    let dir = tempfile::tempdir().unwrap();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(root.join("scenarios/cloudmart-dau-50k.yaml")).unwrap().replacen(
        "  metrics:\n",
        "  metrics:\n    unparsed_expressions:\n      - {source: \"dashboard \\\"<b>ops</b>\\\" (uid x), panel \\\"p\\\" (id 2), query A\", expr: \"sum(rate(x[$w])) <script>alert(5)</script>\", error: \"unexpected character: '$'\"}\n    unused_top_metrics: [{name: \"<img src=x onerror=alert(6)>\", series: 10}]\n",
        1,
    );
    assert!(text.contains("alert(5)"), "the fixture edit did not apply");
    let scenario = dir.path().join("hostile.yaml");
    std::fs::write(&scenario, text).unwrap();
    let s = scenario.to_str().unwrap();
    let html = report(s, dir.path());
    assert!(
        !html.to_ascii_lowercase().contains("<script") && !html.contains("<img") && !html.contains("<b>ops"),
        "unescaped"
    );
    assert!(
        html.contains("&lt;script&gt;alert(5)&lt;/script&gt;") || html.contains("&#60;script&#62;alert(5)"),
        "the expression is shown"
    );
    assert!(html.contains("unexpected character"), "its error is shown");
    // In the terminal: the source and error too, without the control characters.
    let table = run(&["plan", "--scenario", s]);
    assert!(
        table.contains("Expressions not parsed: 1 (their metric names may be missing from the used series):"),
        "{table}"
    );
    assert!(
        table.contains(
            "panel \"p\" (id 2), query A: `sum(rate(x[$w])) <script>alert(5)</script>`: unexpected character: '$'"
        ),
        "{table}"
    );
    // An escape sequence in a scenario's expression is refused with its location, like any
    // control character in an input file (a snapshot from `measure` writes it as `\u{1b}`).
    let escaped = std::fs::read_to_string(&scenario).unwrap().replacen("</script>", "</script>\\e[31m", 1);
    let bad = dir.path().join("escape.yaml");
    std::fs::write(&bad, escaped).unwrap();
    let out = support::obs_cost().args(["plan", "--scenario", bad.to_str().unwrap()]).output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains("usage.metrics.unparsed_expressions[0].expr") && !err.contains('\u{1b}'), "{err}");
}

#[test]
fn more_used_than_active_series_is_said_and_not_priced_as_unused() {
    let dir = tempfile::tempdir().unwrap();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(root.join("scenarios/cloudmart-dau-50k.yaml")).unwrap().replacen(
        "series_used_by_rules_and_dashboards: 100",
        "series_used_by_rules_and_dashboards: 50000",
        1,
    );
    assert!(text.contains("50000"), "the fixture edit did not apply");
    let scenario = dir.path().join("inconsistent.yaml");
    std::fs::write(&scenario, text).unwrap();
    let p = plan(scenario.to_str().unwrap());
    let u = &p["used_series"];
    assert_eq!(u["unused_series"], 0);
    assert!(
        u["cloudwatch_unused_monthly_usd"].is_null() && u["managed_prometheus_unused_monthly_usd"].is_null(),
        "{u}"
    );
    assert!(u["notes"][0].as_str().unwrap().contains("more than the active series (12,000)"), "{u}");
    // The phases still price both choices: here shipping "the used series" costs more.
    let s = &p["phases"][0]["cloudwatch_series"];
    assert!(dec(&s["difference_monthly_usd"]).unwrap() < Decimal::ZERO, "{s}");
    let table = run(&["plan", "--scenario", scenario.to_str().unwrap()]);
    assert!(table.contains("Note: the used series (50,000) are more than the active series (12,000)"), "{table}");
}

#[test]
fn a_used_count_without_names_does_not_claim_zero_names() {
    // cloudmart gives `series_used_by_rules_and_dashboards` without the names that make it up.
    let table = run(&["plan", "--scenario", "scenarios/cloudmart-dau-50k.yaml"]);
    assert!(
        table.contains(
            "What your rules and dashboards read: 100 of 12,000 active series (0.8%); 11,900 series nobody reads."
        ),
        "{table}"
    );
    let dir = tempfile::tempdir().unwrap();
    let html = report("scenarios/cloudmart-dau-50k.yaml", dir.path());
    assert!(
        !html.contains("0 metric name(s)") && html.contains("metric names not listed"),
        "the report claims 0 names"
    );
    // With names (the measured stack) the count of names is said.
    let measured = run(&["plan", "--scenario", MEASURED]);
    assert!(measured.contains(" metric name(s); ") && !measured.contains("from 0 metric name(s)"), "{measured}");
}
