//! The price book where obs-cost's users are: `estimate` in ap-northeast-2 (Seoul) matches the
//! published Seoul prices to the cent, every line worked by hand below from the public source the
//! book cites; `pricing show` filters by status and age, summarises the book, and names close
//! matches for a misspelled region or service; the README's counts are that summary.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use predicates::prelude::*;

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

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
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
        assert!(
            out.contains("derived prices (computed by a rule")
                && out.contains("rds.postgres.db.r6g.large.multi_az = 2 x rds.postgres.db.r6g.large.single_az"),
            "{format}: {out}"
        );
        assert!(
            out.contains("stale prices (source more than 18 months older than the price book's snapshot; refresh with `obs-cost pricing refresh --region ap-northeast-2`): rds.postgres.db.r6g.large.multi_az (as of 2021-08-03)"),
            "{format}: {out}"
        );
    }
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
