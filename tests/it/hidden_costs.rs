//! The costs a migration pays besides the services (issue 15 item 4) and what the plan must not
//! hide (items 2 and 3), through the binary: a bundled scenario in each region shows them in the
//! plan (table, JSON) and the HTML report with the right amounts, worked by hand; the agents'
//! traffic is priced both ways; EKS replaces ECS; a sizing that skips a cheaper class for lack of a
//! price says so; SMS notifications and a PostgreSQL major past Extended Support are errors naming
//! their key, never $0.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn obs_cost() -> Command {
    let mut cmd = Command::cargo_bin("obs-cost").unwrap();
    cmd.current_dir(root()).env_remove("OBS_COST_PRICE_BOOK").env_remove("SOURCE_DATE_EPOCH");
    cmd
}

fn run(args: &[&str]) -> String {
    let o = obs_cost().args(args).output().unwrap();
    assert!(o.status.success(), "obs-cost {args:?}: {}", String::from_utf8_lossy(&o.stderr));
    String::from_utf8(o.stdout).unwrap()
}

fn plan(scenario: &str, extra: &[&str]) -> Value {
    let mut args = vec!["plan", "--scenario", scenario, "--format", "json"];
    args.extend(extra);
    serde_json::from_str(&run(&args)).unwrap()
}

fn report(scenario: &str, dir: &Path) -> String {
    let out = dir.join("r.html");
    run(&["report", "--scenario", scenario, "-o", out.to_str().unwrap()]);
    std::fs::read_to_string(out).unwrap()
}

/// `(line name, quantity, monthly USD)` of every AWS line of `phase`, as the JSON writes them.
fn lines(plan: &Value, phase: u64) -> Vec<(String, String, String)> {
    let ph = plan["phases"].as_array().unwrap().iter().find(|p| p["phase"] == phase).unwrap();
    ph["aws_services"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|s| s["line_items"].as_array().unwrap())
        .map(|l| (l["name"].as_str().unwrap().to_string(), l["quantity"].to_string(), l["monthly_usd"].to_string()))
        .collect()
}

fn has(plan: &Value, phase: u64, name: &str, quantity: &str, monthly: &str) {
    let all = lines(plan, phase);
    let l = all.iter().find(|l| l.0 == name).unwrap_or_else(|| panic!("phase {phase} has no line {name}: {all:?}"));
    assert_eq!((l.1.as_str(), l.2.as_str()), (quantity, monthly), "{name}");
}

/// A copy of a bundled scenario with `edits` applied (each must match).
fn edited(dir: &Path, scenario: &str, edits: &[(&str, &str)]) -> String {
    let mut text = std::fs::read_to_string(root().join(scenario)).unwrap();
    for (from, to) in edits {
        assert!(text.contains(from), "{scenario} has no {from:?}");
        text = text.replacen(from, to, 1);
    }
    let path = dir.join(Path::new(scenario).file_name().unwrap());
    std::fs::write(&path, text).unwrap();
    path.to_str().unwrap().to_string()
}

#[test]
fn seoul_flagship_shows_the_hidden_costs_in_the_plan_and_the_report() {
    let p = plan("scenarios/cloudmart-dau-50k.yaml", &[]);
    // Phase 3 (data): cross-AZ traffic, billed out and in: 300 GB x 50% x 2 and 1,000 GB x 50% x 2
    // at $0.01; one secret per data store at $0.40; PostgreSQL 16 is in standard support.
    has(&p, 3, "Cross-AZ data transfer (app-database, out and in)", "300", "3.00");
    has(&p, 3, "Cross-AZ data transfer (app-cache, out and in)", "1000", "10.00");
    has(&p, 3, "Secrets", "2", "0.80");
    assert!(lines(&p, 3).iter().all(|l| !l.0.starts_with("DB Extended Support")));
    // Phase 4 (compute, tasks in public subnets): 2 ALB addresses + 3 task addresses x 730 h x
    // $0.005; 1 image x 0.3 GB x 10 versions x $0.10; 3 tasks x 2 secrets x 30 deployments.
    has(&p, 4, "Public IPv4 addresses (alb)", "1460", "7.30");
    has(&p, 4, "Public IPv4 addresses (tasks)", "2190", "10.95");
    has(&p, 4, "Image storage", "3", "0.30");
    has(&p, 4, "Secrets Manager API requests", "180", "0.00");
    // Phase 1 (metrics): 300 emails and 1,200 webhook deliveries, all within the free tiers.
    has(&p, 1, "Email notifications (free tier)", "300", "0.00");
    has(&p, 1, "HTTP/S notifications (free tier)", "1200", "0.00");
    // Tasks in public subnets: no NAT gateway, so no agent traffic to price.
    assert!(p.get("agent_transport").is_none(), "{}", p["agent_transport"]);
    // Flags: counts and the fix; the switch-point search's stop is a warning naming DAU and cause.
    let f = &p["price_flags"];
    assert_eq!((f["derived"].as_u64(), f["unconfirmed"].as_u64(), f["stale"].as_u64()), (Some(1), Some(10), Some(5)));
    assert_eq!(f["refresh"], "obs-cost pricing refresh --region ap-northeast-2");
    let w = &p["sizing_warnings"][0];
    assert_eq!(
        (w["workload"].as_str(), w["dau"].as_u64(), w["priced"].is_null()),
        (Some("database"), Some(1_154_782), true)
    );
    assert_eq!(w["phases"], serde_json::json!([3, 4, 5]));
    // The table says it all too, beside the lines and under the summary.
    let table = run(&["plan", "--scenario", "scenarios/cloudmart-dau-50k.yaml"]);
    assert!(table.contains("│ public_ipv4           │ Public IPv4 addresses (alb)"), "{table}");
    assert!(table.contains("$0.406 (derived)") && table.contains("$0.00 (unconfirmed, stale)"), "{table}");
    assert!(table.contains("Warning: the switch-point search of phase 3, 4 and 5 stopped at 1,154,782 DAU"), "{table}");
    assert!(table.contains("Prices: 1 derived, 10 unconfirmed and 5 stale"), "{table}");
    // And the report: the lines with their amounts, the warnings in the summary.
    let dir = tempfile::tempdir().unwrap();
    let html = report("scenarios/cloudmart-dau-50k.yaml", dir.path());
    for needle in [
        "<th scope=\"row\">Public IPv4 addresses (tasks)</th><td class=\"n\">2,190</td><td>hour</td><td class=\"n\">$0.005</td><td class=\"n\">$10.95</td>",
        "<th scope=\"row\">Cross-AZ data transfer (app-cache, out and in)</th><td class=\"n\">1,000</td><td>GB</td><td class=\"n\">$0.01</td><td class=\"n\">$10.00</td>",
        "<th scope=\"row\">Secrets</th><td class=\"n\">2</td>",
        "$0.406 (derived)",
        "class=\"callout warning\">Warning: the switch-point search of phase 3, 4 and 5 stopped at 1,154,782 DAU",
        "class=\"callout warning\">Prices: 1 derived, 10 unconfirmed and 5 stale",
        "<h3>Derived, unconfirmed and stale prices used</h3>",
    ] {
        assert!(html.contains(needle), "report lacks {needle}");
    }
}

#[test]
fn us_east_1_example_shows_the_hidden_costs_and_which_way_the_agents_should_go() {
    let p = plan("scenarios/example.yaml", &[]);
    // PostgreSQL 13 left RDS standard support on 2026-02-28: db.r6g.large Multi-AZ pays Extended
    // Support on 2 vCPU x 2 instances x 730 h x $0.10 (infracost golden: 1,460 vCPU-h = $146).
    has(&p, 3, "DB Extended Support (db: years 1-2, 2 vCPU x 2 instance(s))", "2920", "292.00");
    // Logs archived at 30 days, kept to 365: 100 GB x 0.15 x 335 / 30.4167 days = 165.2055 GB x $0.023.
    has(&p, 2, "S3 Standard storage (log-archive)", "165.2055", "3.80");
    // The NAT gateway's address and two ALB addresses; the NAT carries the app's 50 GB and the
    // agents' 276.1904 GB (logs 100 + 20,000 metrics x 43,800 datapoints x 200 B + X-Ray), at $0.045.
    has(&p, 4, "Public IPv4 addresses (nat)", "730", "3.65");
    has(&p, 4, "Public IPv4 addresses (alb)", "1460", "7.30");
    has(&p, 4, "NAT gateway data processed (nat)", "326.1904", "14.68");
    has(&p, 4, "Secrets", "4", "1.60");
    has(&p, 4, "Secrets Manager API requests", "360", "0.00");
    has(&p, 1, "HTTP/S notifications (free tier)", "12000", "0.00");
    let a = &p["agent_transport"];
    // NAT: 276.1904 GB x $0.045 = $12.43; endpoints: 3 x 2 AZs x 730 h x $0.01 + 276.1904 GB x $0.01.
    assert_eq!((a["nat_monthly_usd"].as_f64(), a["vpc_endpoints_monthly_usd"].as_f64()), (Some(12.43), Some(46.56)));
    assert_eq!((a["cheaper"].as_str(), a["via"].as_str()), (Some("nat"), Some("nat")));
    assert_eq!(a["endpoints"], serde_json::json!(["logs", "monitoring", "xray"]));
    // us-east-1 has no db.r7g price: the sizing says what it skipped and what it priced instead.
    let w = &p["sizing_warnings"][0];
    assert_eq!((w["skipped"][0].as_str(), w["priced"].as_str()), (Some("db.r7g.large"), Some("db.r6g.large")));
    let table = run(&["plan", "--scenario", "scenarios/example.yaml"]);
    assert!(table.contains("Agents' traffic to AWS (phase 5): 276.19 GB/month to logs, monitoring, xray costs $12.43/month through the NAT gateway and $46.56/month through 3 VPC interface endpoint(s) in 2 AZs: the NAT gateway is cheaper by $34.13"), "{table}");
    assert!(table.contains("Warning: phase 3 database: db.r6g.large is priced while db.r7g.large, which fits, has no price in us-east-1"), "{table}");
    let md = run(&["plan", "--scenario", "scenarios/example.yaml", "--format", "markdown"]);
    assert!(md.contains("- Agents' traffic to AWS (phase 5)") && md.contains("- Warning: phase 3 database"), "{md}");
    let csv = run(&["plan", "--scenario", "scenarios/example.yaml", "--format", "csv"]);
    assert!(
        csv.lines().next().unwrap().contains(",derived_price_lines,unconfirmed_price_lines,stale_price_lines,"),
        "{csv}"
    );
    let dir = tempfile::tempdir().unwrap();
    let html = report("scenarios/example.yaml", dir.path());
    for needle in [
        "<strong>How the agents reach AWS.</strong> Agents&#39;",
        "the NAT gateway is cheaper by $34.13",
        "<th scope=\"row\">DB Extended Support (db: years 1-2, 2 vCPU x 2 instance(s))</th><td class=\"n\">2,920</td><td>vCPU-hour</td><td class=\"n\">$0.10</td><td class=\"n\">$292.00</td>",
        "<th scope=\"row\">S3 Standard storage (log-archive)</th><td class=\"n\">165.2055</td>",
        "Warning: phase 3 database: db.r6g.large is priced while db.r7g.large",
    ] {
        assert!(html.contains(needle), "report lacks {needle}");
    }
}

#[test]
fn endpoints_instead_of_the_nat_and_eks_instead_of_ecs() {
    let dir = tempfile::tempdir().unwrap();
    let s = edited(
        dir.path(),
        "scenarios/example.yaml",
        &[
            ("agents_via: nat  ", "agents_via: vpc_endpoints"),
            ("platform: ecs  ", "platform: eks"),
            ("# eks_nodes: fargate ", "eks_nodes: ec2"),
            ("# eks_extended_support: false ", "eks_extended_support: true"),
        ],
    );
    let p = plan(&s, &[]);
    // The telemetry goes through 3 endpoints in 2 AZs; the NAT keeps the app's 50 GB.
    has(&p, 4, "VPC endpoint hours (telemetry: 3 endpoint(s) x 2 AZ(s))", "4380", "43.80");
    has(&p, 4, "VPC endpoint data processed (telemetry, first 1M)", "276.1904", "2.76");
    has(&p, 4, "NAT gateway data processed (nat)", "50", "2.25");
    assert_eq!(
        (p["agent_transport"]["via"].as_str(), p["agent_transport"]["cheaper"].as_str()),
        (Some("vpc_endpoints"), Some("nat"))
    );
    // EKS: the control plane with the extended-support surcharge, and EC2 nodes in place of Fargate:
    // 3 pods of 2 vCPU / 4 GB (1 core, 2 GB x 1.3, rounded up to a Fargate size) need 6 vCPU and
    // 12 GB -> 3 x m6i.large (2 vCPU, 8 GB) x 730 h x $0.096, each with 20 GB of gp3 at $0.08.
    has(&p, 4, "EKS cluster hours (main)", "730", "73.00");
    has(&p, 4, "EKS extended support (main)", "730", "365.00");
    has(&p, 4, "EC2 instance (eks-nodes: m6i.large, Linux)", "2190", "210.24");
    has(&p, 4, "EBS storage (eks-node-root: gp3)", "60", "4.80");
    assert!(lines(&p, 4).iter().all(|l| !l.0.starts_with("Fargate")), "{:?}", lines(&p, 4));
}

#[test]
fn a_cheaper_class_without_a_price_is_a_warning_naming_it() {
    // Without a db.t4g.large Multi-AZ price, the flagship's database moves to the next class that
    // fits, and the plan says which class it skipped and which it priced instead.
    let dir = tempfile::tempdir().unwrap();
    let book = dir.path().join("prices");
    std::fs::create_dir(&book).unwrap();
    for f in ["free-tiers.yaml", "us-east-1.yaml", "ap-northeast-2.yaml"] {
        std::fs::copy(root().join("pricing-data").join(f), book.join(f)).unwrap();
    }
    let seoul = std::fs::read_to_string(book.join("ap-northeast-2.yaml")).unwrap();
    let start = seoul.find("  - id: rds.postgres.db.t4g.large.multi_az\n").unwrap();
    let end = start + 1 + seoul[start + 1..].find("  - id: ").unwrap();
    std::fs::write(book.join("ap-northeast-2.yaml"), format!("{}{}", &seoul[..start], &seoul[end..])).unwrap();
    let out = obs_cost()
        .args([
            "--price-book",
            book.to_str().unwrap(),
            "plan",
            "--scenario",
            "scenarios/cloudmart-dau-50k.yaml",
            "--format",
            "json",
        ])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let p: Value = serde_json::from_slice(&out.stdout).unwrap();
    let w = p["sizing_warnings"].as_array().unwrap().iter().find(|w| !w["priced"].is_null()).unwrap();
    assert_eq!(w["skipped"], serde_json::json!(["db.t4g.large"]), "{w}");
    assert_eq!(w["priced"], "db.m6g.large", "{w}");
    assert!(
        w["text"]
            .as_str()
            .unwrap()
            .contains("db.m6g.large is priced while db.t4g.large, which fits, has no price in ap-northeast-2"),
        "{w}"
    );
}

#[test]
fn a_cost_the_region_cannot_price_is_an_error_naming_the_key() {
    let dir = tempfile::tempdir().unwrap();
    let s = edited(
        dir.path(),
        "scenarios/cloudmart-dau-50k.yaml",
        &[("{email: 300, webhook: 1200}", "{email: 300, sms: 40}")],
    );
    obs_cost()
        .args(["plan", "--scenario", &s])
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::contains(
            "usage.alerting.notifications_per_month.sms is 40: SNS text messages are priced per destination country and the price book has no SMS price for ap-northeast-2\nhint:",
        ));
    // A zero count of an integration nobody uses is no cost at all.
    let s = edited(
        dir.path(),
        "scenarios/cloudmart-dau-50k.yaml",
        &[("{email: 300, webhook: 1200}", "{email: 300, sms: 0}")],
    );
    run(&["plan", "--scenario", &s]);
    let s = edited(
        dir.path(),
        "scenarios/cloudmart-dau-50k.yaml",
        &[("postgres_major_version: 16", "postgres_major_version: 10")],
    );
    obs_cost().args(["plan", "--scenario", &s]).assert().code(2).stderr(predicate::str::contains(
        "usage.database.postgres_major_version is 10: on 2026-11-01 RDS for PostgreSQL 10 is past the end of RDS Extended Support",
    ));
    let s = edited(
        dir.path(),
        "scenarios/cloudmart-dau-50k.yaml",
        &[("postgres_major_version: 16", "postgres_major_version: 13.5")],
    );
    obs_cost().args(["plan", "--scenario", &s]).assert().code(2).stderr(predicate::str::contains(
        "usage.database.postgres_major_version: is 13.5; give the PostgreSQL major version as a whole number",
    ));
    // In an estimate, a usage item the region has no price for is named with its price and usage type.
    let f = dir.path().join("u.yaml");
    std::fs::write(&f, "region: ap-northeast-2\nelasticache: [{name: c, engine: redis, node_type: cache.t3.micro, backup_storage_gb: 5}]\n").unwrap();
    obs_cost().args(["estimate", "--aws-usage", f.to_str().unwrap()]).assert().code(2).stdout("").stderr(
        predicate::str::contains(
            "missing price: AmazonElastiCache usage type 'BackupUsage' in ap-northeast-2 (price id 'elasticache.backup') is not in the price book, for elasticache: Cache backup storage (c)\nhint:",
        ),
    );
}

#[test]
fn an_unknown_postgres_major_is_unknown_never_zero() {
    let dir = tempfile::tempdir().unwrap();
    let s = edited(dir.path(), "scenarios/cloudmart-dau-50k.yaml", &[("    postgres_major_version: 16", "")]);
    let p = plan(&s, &[]);
    has(&p, 3, "DB Extended Support (db: PostgreSQL major version unknown, 2 vCPU x 2 instance(s))", "null", "null");
    let ph3 = &p["phases"][2];
    assert_eq!(ph3["provisional"], true);
}
