//! The Korean outputs (`--lang ko`, issue 13): the plan of the flagship scenario as table and
//! Markdown goldens; the Korean HTML report of every bundled scenario without English headings,
//! column heads or captions (product and service names aside); every sentence the bundled plans
//! carry recognised by the catalog (so none stays English); the language chosen by `--lang`,
//! `OBS_COST_LANG` and the locale variables; machine formats unchanged; won beside dollars.

use std::path::Path;

use assert_cmd::Command;

fn obs_cost() -> Command {
    let mut cmd = Command::cargo_bin("obs-cost").unwrap();
    cmd.current_dir(env!("CARGO_MANIFEST_DIR"))
        .env_remove("OBS_COST_PRICE_BOOK")
        .env_remove("OBS_COST_LANG")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANG");
    cmd
}

fn stdout(cmd: &mut Command) -> String {
    let out = cmd.output().unwrap();
    assert!(out.status.success(), "failed: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

const FLAGSHIP: &str = "scenarios/cloudmart-dau-50k.yaml";

#[test]
fn the_flagship_plan_in_korean_matches_its_goldens() {
    for format in ["table", "markdown"] {
        let out = stdout(obs_cost().args(["plan", "--scenario", FLAGSHIP, "--lang", "ko", "--format", format]));
        insta::assert_snapshot!(format!("plan_cloudmart_ko_{format}"), out);
    }
}

fn has_hangul(s: &str) -> bool {
    s.chars().any(|c| ('\u{AC00}'..='\u{D7A3}').contains(&c))
}

/// Words that stay as they are in Korean: product, service and unit names, abbreviations.
const ALLOWED: &[&str] = &[
    "Amazon",
    "AWS",
    "CloudWatch",
    "Logs",
    "Insights",
    "X-Ray",
    "Managed",
    "Prometheus",
    "Grafana",
    "RDS",
    "ElastiCache",
    "ECS",
    "Fargate",
    "EC2",
    "EBS",
    "NAT",
    "SNS",
    "Secrets",
    "Manager",
    "ECR",
    "EKS",
    "S3",
    "IPv4",
    "VPC",
    "PostgreSQL",
    "Kubernetes",
    "DAU",
    "NPV",
    "ROI",
    "USD",
    "P10",
    "P90",
    "API",
    "GetMetricData",
    "obs-cost",
    "Docker",
    "Compose",
];

/// The text of every `<tag ...>text</tag>` of `html` but row headers (`scope="row"`: data such as
/// keys and line items), markup stripped.
fn texts(html: &str, tag: &str) -> Vec<String> {
    let re = regex::Regex::new(&format!(r"(?s)<{tag}(\s[^>]*)?>(.*?)</{tag}>")).unwrap();
    let strip = regex::Regex::new(r"<[^>]*>").unwrap();
    re.captures_iter(html)
        .filter(|c| !c.get(1).is_some_and(|a| a.as_str().contains(r#"scope="row""#)))
        .map(|c| strip.replace_all(&c[2], "").replace("&amp;", "&").trim().to_string())
        .filter(|t| !t.is_empty())
        .collect()
}

/// Latin words of `text` that are neither allowed names nor data the scenario chose.
fn english_left(text: &str, data: &[String]) -> Vec<String> {
    let mut rest = text.to_string();
    for d in data {
        rest = rest.replace(d.as_str(), " ");
    }
    rest.split(|c: char| !(c.is_ascii_alphanumeric() || c == '-'))
        .filter(|w| w.chars().filter(char::is_ascii_alphabetic).count() > 1)
        .filter(|w| !ALLOWED.contains(w))
        .map(str::to_string)
        .collect()
}

#[test]
fn the_korean_report_of_every_scenario_has_no_english_heading_column_or_caption() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = tempfile::tempdir().unwrap();
    let mut checked = 0;
    for entry in std::fs::read_dir(root.join("scenarios")).unwrap().flatten() {
        let path = entry.path();
        if path.extension().is_none_or(|x| x != "yaml") {
            continue;
        }
        let name = path.file_stem().unwrap().to_string_lossy().to_string();
        let out = dir.path().join(format!("{name}.html"));
        obs_cost().args(["report", "--lang", "ko", "--scenario"]).arg(&path).arg("-o").arg(&out).assert().success();
        let html = std::fs::read_to_string(&out).unwrap();
        assert!(html.contains(r#"<html lang="ko">"#) && html.contains("word-break: keep-all"), "{name}");
        // The scenario's own name, file and phase names are data; so are instance and node types.
        let plan: serde_json::Value =
            serde_json::from_str(&stdout(obs_cost().args(["plan", "--format", "json", "--scenario"]).arg(&path)))
                .unwrap();
        let data =
            vec![plan["scenario"]["name"].as_str().unwrap().to_string(), plan["region"].as_str().unwrap().to_string()];
        let mut bad = Vec::new();
        for tag in ["title", "h1", "h2", "h3", "th", "caption", "figcaption"] {
            for t in texts(&html, tag) {
                let left = english_left(&t, &data);
                if !left.is_empty() && !has_hangul(&t) {
                    bad.push(format!("<{tag}> {t} ({left:?})"));
                }
            }
        }
        assert!(bad.is_empty(), "{name}: English left in the Korean report:\n{}", bad.join("\n"));
        checked += 1;
    }
    assert!(checked >= 8, "{checked} scenarios checked");
}

/// The sentences of a plan document (JSON) the Korean output shows that no catalog pattern
/// recognises, and its line items whose name stays English.
fn untranslated(plan: &serde_json::Value) -> std::collections::BTreeSet<String> {
    let mut missing = std::collections::BTreeSet::new();
    let mut sentences: Vec<String> = Vec::new();
    let strings = |v: &serde_json::Value| -> Vec<String> {
        v.as_array().map(|a| a.iter().filter_map(|s| s.as_str().map(str::to_string)).collect()).unwrap_or_default()
    };
    sentences.extend(strings(&plan["notes"]));
    sentences.extend(strings(&plan["decision_tree"]["path"]));
    for key in [
        &plan["decision_tree"]["note"],
        &plan["switch_points_method"],
        &plan["uncertainty"]["method"],
        &plan["usage"]["source"],
        &plan["usage"]["top_metrics_method"],
        &plan["switch_curve"]["method"],
        &plan["agent_transport"]["text"],
        &plan["used_series"]["method"],
        &plan["used_series"]["note"],
    ] {
        sentences.extend(key.as_str().map(str::to_string));
    }
    sentences.extend(strings(&plan["used_series"]["notes"]));
    for w in plan["sizing_warnings"].as_array().into_iter().flatten() {
        sentences.extend(w["text"].as_str().map(str::to_string));
    }
    for m in plan["mapping"].as_array().unwrap() {
        sentences.extend(strings(&m["explanations"]));
    }
    let services = plan["phases"].as_array().unwrap().iter().flat_map(|p| {
        p["aws_services"].as_array().unwrap().iter().chain(p["self_hosted_services"].as_array().unwrap())
    });
    for s in services.chain(plan["baseline"]["services"].as_array().unwrap()) {
        for l in s["line_items"].as_array().unwrap() {
            let item = obs_cost::i18n::recognise::item(obs_cost::i18n::Lang::Ko, l["name"].as_str().unwrap());
            if item == l["name"].as_str().unwrap() {
                missing.insert(format!("item: {}", l["name"]));
            }
            sentences.push(l["unit"].as_str().unwrap().to_string());
        }
    }
    for s in sentences {
        if s.is_empty() || s == "GB" {
            continue;
        }
        if obs_cost::i18n::recognise::translate(obs_cost::i18n::Lang::Ko, &s).is_none() {
            missing.insert(s);
        }
    }
    missing
}

#[test]
fn every_sentence_of_the_bundled_plans_is_translated() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut missing = std::collections::BTreeSet::new();
    for entry in std::fs::read_dir(root.join("scenarios/expected")).unwrap().flatten() {
        let plan: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(entry.path()).unwrap()).unwrap();
        missing.extend(untranslated(&plan));
    }
    assert!(missing.is_empty(), "sentences of the bundled plans without a doc-* message:\n{missing:#?}");
}

#[test]
fn every_sentence_of_the_costs_a_migration_pays_is_translated() {
    // The branches the bundled scenarios do not take: the agents through VPC endpoints, EKS on EC2
    // nodes with extended support and on Fargate, a PostgreSQL major in Extended Support, newer
    // than the calendar or unknown, no Alertmanager counts, no cross-AZ volume.
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = tempfile::tempdir().unwrap();
    let variants: &[(&str, &[(&str, &str)])] = &[
        (
            "scenarios/example.yaml",
            &[
                ("agents_via: nat  ", "agents_via: vpc_endpoints"),
                ("platform: ecs  ", "platform: eks"),
                ("# eks_nodes: fargate ", "eks_nodes: ec2"),
                ("# eks_extended_support: false ", "eks_extended_support: true"),
            ],
        ),
        (
            "scenarios/example.yaml",
            &[("platform: ecs  ", "platform: eks"), ("postgres_major_version: 13", "postgres_major_version: 12")],
        ),
        ("scenarios/cloudmart-dau-50k.yaml", &[("postgres_major_version: 16", "postgres_major_version: 99")]),
        (
            "scenarios/cloudmart-dau-50k.yaml",
            &[
                ("    postgres_major_version: 16", ""),
                ("    notifications_per_month: {email: 300, webhook: 1200}", "    notifications_per_month: {}"),
                ("    app_to_cache_gb_per_month: 1000", ""),
            ],
        ),
    ];
    let mut missing = std::collections::BTreeSet::new();
    for (i, (scenario, edits)) in variants.iter().enumerate() {
        let mut text = std::fs::read_to_string(root.join(scenario)).unwrap();
        for (from, to) in edits.iter() {
            assert!(text.contains(from), "{scenario} has no {from:?}");
            text = text.replacen(from, to, 1);
        }
        let path = dir.path().join(format!("variant-{i}.yaml"));
        std::fs::write(&path, text).unwrap();
        let plan: serde_json::Value =
            serde_json::from_str(&stdout(obs_cost().args(["plan", "--format", "json", "--scenario"]).arg(&path)))
                .unwrap();
        missing.extend(untranslated(&plan));
    }
    assert!(missing.is_empty(), "sentences of the variants without a doc-* message:\n{missing:#?}");
}

#[test]
fn the_language_comes_from_the_flag_then_obs_cost_lang_then_the_locale() {
    let heading = |cmd: &mut Command| stdout(cmd).lines().next().unwrap_or_default().to_string();
    let plan = ["plan", "--scenario", "scenarios/example.yaml", "--phase", "1"];
    assert!(heading(obs_cost().args(plan)).starts_with("Migration plan:"));
    assert!(heading(obs_cost().args(plan).env("LANG", "ko_KR.UTF-8")).starts_with("마이그레이션 계획:"));
    assert!(heading(obs_cost().args(plan).env("LC_ALL", "ko_KR.UTF-8").env("LANG", "en_US.UTF-8"))
        .starts_with("마이그레이션"));
    assert!(heading(obs_cost().args(plan).env("LC_ALL", "C").env("LANG", "ko_KR.UTF-8")).starts_with("Migration plan:"));
    assert!(heading(obs_cost().args(plan).env("OBS_COST_LANG", "ko").env("LANG", "en_US.UTF-8"))
        .starts_with("마이그레이션"));
    assert!(heading(obs_cost().args(plan).env("OBS_COST_LANG", "en").env("LANG", "ko_KR.UTF-8"))
        .starts_with("Migration plan:"));
    // --lang wins over both.
    assert!(
        heading(obs_cost().args(plan).args(["--lang", "en"]).env("OBS_COST_LANG", "ko")).starts_with("Migration plan:")
    );
    assert!(heading(obs_cost().args(plan).args(["--lang", "ko"]).env("LANG", "C")).starts_with("마이그레이션"));
    // A language obs-cost does not write is a clear error (exit 2).
    let out = obs_cost().args(plan).args(["--lang", "fr"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("possible values: en, ko"));
}

#[test]
fn machine_formats_do_not_change_with_the_language() {
    for format in ["json", "csv"] {
        let en = stdout(obs_cost().args(["plan", "--scenario", FLAGSHIP, "--format", format]));
        let ko = stdout(obs_cost().args(["plan", "--scenario", FLAGSHIP, "--format", format, "--lang", "ko"]));
        assert_eq!(en, ko, "plan --format {format}");
    }
    let en = stdout(obs_cost().args(["pricing", "show", "--format", "json"]));
    let ko = stdout(obs_cost().args(["pricing", "show", "--format", "json", "--lang", "ko"]));
    assert_eq!(en, ko);
}

#[test]
fn every_command_speaks_korean_and_the_same_input_gives_the_same_bytes() {
    let cases: [&[&str]; 8] = [
        &["plan", "--scenario", FLAGSHIP, "--compare-to", "scenarios/expected/team15-300k.json"],
        &[
            "plan",
            "--scenario",
            FLAGSHIP,
            "--compare-to",
            "scenarios/expected/team15-300k.json",
            "--format",
            "markdown",
        ],
        &["estimate", "--aws-usage", "examples/aws-usage.yaml"],
        &["estimate", "--aws-usage", "examples/aws-usage.yaml", "--format", "markdown"],
        &["scenarios", "check", "scenarios"],
        &["scenarios", "check", "scenarios", "--format", "markdown"],
        &["pricing", "show", "--region", "ap-northeast-2", "--service", "cloudwatch_logs"],
        &["pricing", "show", "--summary", "--format", "markdown"],
    ];
    for args in cases {
        let a = stdout(obs_cost().args(args).args(["--lang", "ko"]));
        let b = stdout(obs_cost().args(args).args(["--lang", "ko"]));
        assert_eq!(a, b, "{args:?}");
        let first = a.lines().find(|l| !l.trim().is_empty()).unwrap_or_default();
        assert!(
            has_hangul(&a) && (has_hangul(first) || first.starts_with('|') || first.starts_with('┌')),
            "{args:?}:\n{a}"
        );
    }
}

#[test]
fn a_single_phase_comparison_warns_in_korean_phase_lists_included() {
    let args = [
        "plan",
        "--scenario",
        "scenarios/example.yaml",
        "--phase",
        "3",
        "--compare-to",
        "scenarios/expected/example.json",
    ];
    let out = stdout(obs_cost().args(args).args(["--lang", "ko"]));
    assert!(
        out.contains(
            "경고: 3단계만 비교했습니다: scenarios/expected/example.json에는 1~5단계, current에는 3단계가 있습니다"
        ),
        "{out}"
    );
    assert!(!out.contains("phases 1-5") && !out.contains("phase 3"), "{out}");
}

#[test]
fn won_stand_beside_dollars_with_the_rate_and_its_date_stated() {
    let args = ["estimate", "--aws-usage", "examples/aws-usage.yaml", "--currency", "KRW", "--fx-rate", "1380.5"];
    let out = stdout(obs_cost().args(args).args(["--fx-date", "2026-07-01", "--lang", "ko"]));
    assert!(out.contains(" (₩"), "{out}");
    assert!(out.contains("2026-07-01 기준 $1 = ₩1,380.5"), "{out}");
    let out = stdout(obs_cost().args(args));
    assert!(out.contains("Amounts in ₩ at $1 = ₩1,380.5 (the rate given with --fx-rate"), "{out}");
    for bad in ["0", "-1", "NaN", "1e400", "999999999"] {
        let out = obs_cost().args(&args[..5]).arg(format!("--fx-rate={bad}")).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{bad}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains("--fx-rate") && err.contains("hint:"), "{bad}: {err}");
    }
    // The rate needs its currency and the currency its rate.
    let out =
        obs_cost().args(["estimate", "--aws-usage", "examples/aws-usage.yaml", "--fx-rate", "1380"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
}
