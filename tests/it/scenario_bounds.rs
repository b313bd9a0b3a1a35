//! Every numeric key of `scenarios/example.yaml` (which shows every key) set in turn to 0, -1,
//! .nan, .inf and 1e300: `obs-cost plan` either plans or refuses the value with exit 2, the file's
//! line and column and a hint, never a panic (exit 101); non-finite and huge values are always
//! refused. Also: every key's table bound, at its maximum, all at once, still plans (no overflow).

use crate::support::obs_cost;

use serde_yaml::Value;

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

/// Every path to a number in the document, as steps (key or index).
fn numeric_paths(v: &Value, path: &mut Vec<Value>, out: &mut Vec<Vec<Value>>) {
    match v {
        Value::Mapping(m) => {
            for (k, x) in m {
                path.push(k.clone());
                numeric_paths(x, path, out);
                path.pop();
            }
        }
        Value::Sequence(items) => {
            for (i, x) in items.iter().enumerate() {
                path.push(Value::from(i as u64));
                numeric_paths(x, path, out);
                path.pop();
            }
        }
        Value::Number(_) => out.push(path.clone()),
        _ => {}
    }
}

fn set(doc: &mut Value, path: &[Value], value: Value) {
    let mut node = doc;
    for step in path {
        node = match step {
            Value::Number(n) if node.is_sequence() => &mut node[n.as_u64().unwrap() as usize],
            key => &mut node[key.clone()],
        };
    }
    *node = value;
}

fn shown(path: &[Value]) -> String {
    path.iter()
        .map(|s| match s {
            Value::String(k) => k.clone(),
            other => serde_yaml::to_string(other).unwrap().trim().to_string(),
        })
        .collect::<Vec<_>>()
        .join(".")
}

fn base() -> Value {
    let text = std::fs::read_to_string(format!("{ROOT}/scenarios/example.yaml")).unwrap();
    let mut doc: Value = serde_yaml::from_str(&text).unwrap();
    // The Monte Carlo run is not what is tested here; without it each plan takes a fraction.
    doc["uncertainty"]["samples"] = Value::from(0);
    doc
}

/// Runs `plan` on `doc`; returns the exit code and stderr.
fn plan(dir: &std::path::Path, doc: &Value) -> (Option<i32>, String) {
    let file = dir.join("s.yaml");
    std::fs::write(&file, serde_yaml::to_string(doc).unwrap()).unwrap();
    let out = obs_cost()
        .args(["plan", "--scenario", file.to_str().unwrap(), "--format", "json", "-o"])
        .arg(dir.join("plan.json"))
        .output()
        .unwrap();
    (out.status.code(), String::from_utf8_lossy(&out.stderr).into_owned())
}

#[test]
fn every_numeric_key_with_zero_negative_nan_infinite_or_huge_values_is_planned_or_a_located_error() {
    let dir = tempfile::tempdir().unwrap();
    let doc = base();
    let mut paths = Vec::new();
    numeric_paths(&doc, &mut Vec::new(), &mut paths);
    assert!(paths.len() > 100, "example.yaml shows every key: found only {} numbers", paths.len());
    let values: [(&str, Value); 5] = [
        ("0", Value::from(0)),
        ("-1", Value::from(-1)),
        (".nan", Value::from(f64::NAN)),
        (".inf", Value::from(f64::INFINITY)),
        ("1e300", Value::from(1e300)),
    ];
    let mut failures = Vec::new();
    for path in &paths {
        for (name, value) in &values {
            let mut d = doc.clone();
            set(&mut d, path, value.clone());
            let (code, stderr) = plan(dir.path(), &d);
            let key = shown(path);
            let located = stderr.lines().next().is_some_and(|l| {
                l.split("s.yaml:").nth(1).is_some_and(|rest| {
                    let mut it = rest.split(':');
                    it.next().is_some_and(|n| n.parse::<u32>().is_ok())
                        && it.next().is_some_and(|n| n.parse::<u32>().is_ok())
                })
            });
            let must_refuse = matches!(*name, ".nan" | ".inf" | "1e300");
            let ok = match code {
                Some(0) => !must_refuse,
                Some(2) => located && stderr.contains("hint: "),
                _ => false,
            };
            if !ok {
                failures.push(format!("{key} = {name}: exit {code:?}: {}", stderr.lines().next().unwrap_or("")));
            }
        }
    }
    assert!(failures.is_empty(), "{} of {} cases failed:\n{}", failures.len(), paths.len() * 5, failures.join("\n"));
}

#[test]
fn the_issue_cases_are_located_errors_with_their_range() {
    let dir = tempfile::tempdir().unwrap();
    for (path, value, expect) in [
        ("mapping.rds.transactions_per_second_per_vcpu", Value::from(0), "must be above 0 and at most 10000000"),
        ("usage.metrics.active_series", Value::from(-4000), "is -4000; a number of series must be from 0 to"),
        ("usage.metrics.scrape_interval_seconds", Value::from(0), "must be above 0"),
        ("mapping.fargate.headroom", Value::from(0), "must be from 1 to 100"),
        ("mapping.rds.storage_headroom", Value::from(0), "must be from 1 to 100"),
        ("hours_per_month", Value::from(800), "at most 744"),
        ("self_hosted.hosts.0.count", Value::from(1.5), "a whole number"),
        ("usage.containers.0.replicas", Value::from(2.5), "a whole number"),
        ("usage.metrics.active_series", Value::from(1e25), "from 0 to 1000000000000"),
    ] {
        let mut d = base();
        let steps: Vec<Value> =
            path.split('.').map(|s| s.parse::<u64>().map_or_else(|_| Value::from(s), Value::from)).collect();
        set(&mut d, &steps, value);
        let (code, stderr) = plan(dir.path(), &d);
        assert_eq!(code, Some(2), "{path}: {stderr}");
        assert!(stderr.contains(expect), "{path}: '{expect}' not in {stderr}");
        assert!(stderr.contains("s.yaml:") && stderr.contains("hint: "), "{path}: {stderr}");
    }
}

#[test]
fn growth_that_compounds_past_a_million_over_the_horizon_is_refused_not_an_overflow() {
    let dir = tempfile::tempdir().unwrap();
    let mut d = base();
    d["traffic"]["monthly_growth_percent"] = Value::from(100);
    d["horizon_months"] = Value::from(240);
    let (code, stderr) = plan(dir.path(), &d);
    assert_eq!(code, Some(2), "{stderr}");
    assert!(stderr.contains("traffic.monthly_growth_percent") && stderr.contains("a million times"), "{stderr}");
}

#[test]
fn every_usage_key_at_its_ceiling_still_plans_or_is_a_located_error() {
    use obs_cost::scenario::bounds::bound;
    let dir = tempfile::tempdir().unwrap();
    let mut d = base();
    let mut paths = Vec::new();
    numeric_paths(&d["usage"].clone(), &mut vec![Value::from("usage")], &mut paths);
    for path in &paths {
        let pattern = path
            .iter()
            .filter(|s| !matches!(s.as_str(), Some("low" | "expected" | "high")))
            .map(|s| match s {
                Value::String(k) => format!(".{k}"),
                _ => "[]".to_string(),
            })
            .collect::<String>();
        let b = bound(&pattern[1..]).unwrap_or_else(|| panic!("{pattern} has no bound"));
        set(&mut d, path, Value::from(b.max as f64));
    }
    // Data transfer out beyond the price book's sourced tiers is a refusal of its own (below).
    d["usage"]["network"]["data_transfer_out_gb_per_month"] = Value::from(1000);
    let (code, stderr) = plan(dir.path(), &d);
    assert!(matches!(code, Some(0 | 2)) && stderr.contains("hint: ") || code == Some(0), "exit {code:?}: {stderr}");
    assert_ne!(code, Some(101), "{stderr}");
    eprintln!("usage at its ceiling: exit {code:?}: {}", stderr.lines().next().unwrap_or(""));
}

#[test]
fn an_unknown_pinned_class_or_type_is_a_located_input_error() {
    let dir = tempfile::tempdir().unwrap();
    for (path, value, expect) in [
        (&["mapping", "rds", "instance_class"][..], "db.foo.bar", "unknown RDS instance class 'db.foo.bar'"),
        (&["mapping", "elasticache", "node_type"][..], "cache.foo", "unknown ElastiCache node type 'cache.foo'"),
    ] {
        let mut d = base();
        let steps: Vec<Value> = path.iter().map(|s| Value::from(*s)).collect();
        set(&mut d, &steps, Value::from(value));
        let (code, stderr) = plan(dir.path(), &d);
        assert_eq!(code, Some(2), "{path:?}: {stderr}");
        let key = path.join(".");
        assert!(stderr.contains(&format!(": {key}: is '{value}'")) && stderr.contains(expect), "{stderr}");
        let line = stderr.split("s.yaml:").nth(1).and_then(|r| r.split(':').next()).unwrap_or("");
        assert!(line.parse::<u32>().is_ok(), "no line in {stderr}");
        assert!(stderr.contains("hint: ") && !stderr.contains("this is a bug"), "{stderr}");
    }
    let mut d = base();
    d["self_hosted"]["hosts"][0]["instance_type"] = Value::from("t9.huge");
    let (code, stderr) = plan(dir.path(), &d);
    assert_eq!(code, Some(2), "{stderr}");
    assert!(stderr.contains("self_hosted.hosts[app].instance_type: is 't9.huge'"), "{stderr}");
    assert!(stderr.contains("s.yaml:"), "{stderr}");
}

#[test]
fn an_estimate_file_with_impossible_hours_fractional_instances_or_no_service_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    for (text, expect) in [
        ("", "names no AWS service, so there is nothing to price"),
        ("region: us-east-1\nfree_tier: false\n", "names no AWS service"),
        (
            "ec2: [{name: a, instance_type: t3.large, count: 1.5}]\n",
            "u.yaml:1:49: ec2[0].count is 1.5; give a whole number",
        ),
        (
            "fargate: [{name: api, architecture: x86_64, vcpu: 1, memory_gb: 2, tasks: 5, hours: 800}]\n",
            "fargate[0].hours is 800, more than the 730 hours of the month",
        ),
        (
            "hours_per_month: 672\nnat_gateways: [{name: n, count: 1, hours: 700}]\n",
            "u.yaml:2:43: nat_gateways[0].hours is 700, more than the 672 hours",
        ),
        (
            "hours_per_month: 800\nec2: [{name: a, instance_type: t3.large, count: 1}]\n",
            "u.yaml:1:18: hours_per_month is 800",
        ),
    ] {
        let f = dir.path().join("u.yaml");
        std::fs::write(&f, text).unwrap();
        let out = obs_cost().args(["estimate", "--aws-usage", f.to_str().unwrap()]).output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{text}: {stderr}");
        assert!(stderr.contains(expect) && stderr.contains("hint: "), "{text}: '{expect}' not in {stderr}");
        assert!(out.stdout.is_empty(), "{text}");
    }
}

#[test]
fn a_plan_on_a_snapshot_with_less_than_a_day_of_history_says_its_values_are_extrapolated() {
    let startup = format!("{ROOT}/scenarios/startup-3p-5k.yaml");
    let snapshot = format!("{ROOT}/examples/usage-snapshot.yaml");
    let out = obs_cost().args(["plan", "--scenario", &startup, "--usage", &snapshot]).output().unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0));
    assert!(
        text.contains("values measured on less than a day of history (as little as 1m 31s; a day is the minimum for a monthly figure) are extrapolated to a month"),
        "{text}"
    );
    // Values given inline win and are not extrapolated; a day of history is enough.
    let dir = tempfile::tempdir().unwrap();
    let long = std::fs::read_to_string(&snapshot).unwrap().replace("history_seconds: ", "history_seconds: 8640");
    let f = dir.path().join("usage.yaml");
    std::fs::write(&f, long).unwrap();
    let out = obs_cost().args(["plan", "--scenario", &startup, "--usage", f.to_str().unwrap()]).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(!String::from_utf8_lossy(&out.stdout).contains("less than a day of history"));
}
