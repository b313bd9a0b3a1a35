//! `obs-cost scenarios check` and `obs-cost plan --compare-to` through the binary, on temporary
//! copies of `scenarios/` (and of `pricing-data/`): a passing suite exits 0; one changed
//! expectation, guardrail or price exits 1 naming the scenario, field, expected and actual (and the
//! moved price); an unknown `expect:` key or phase exits 2 with file:line:column; the Markdown is
//! well-formed tables and the JUnit XML parses with the right counts; `--update` writes goldens.

use std::path::{Path, PathBuf};
use std::process::Output;

use assert_cmd::Command;

fn obs_cost() -> Command {
    let mut cmd = Command::cargo_bin("obs-cost").unwrap();
    cmd.current_dir(env!("CARGO_MANIFEST_DIR")).env_remove("OBS_COST_PRICE_BOOK");
    cmd
}

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Copies the files of `from` (and, one level down, `expected/`) into `to`.
fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let p = e.unwrap().path();
        let dest = to.join(p.file_name().unwrap());
        if p.is_dir() {
            copy_dir(&p, &dest);
        } else {
            std::fs::copy(&p, &dest).unwrap();
        }
    }
}

/// A temporary copy of the bundled scenarios with their goldens (and `examples/`, which holds the
/// usage snapshot a bundled scenario reads through `../examples/`).
fn scenarios_copy() -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("scenarios");
    copy_dir(&root().join("scenarios"), &dir);
    copy_dir(&root().join("examples"), &tmp.path().join("examples"));
    (tmp, dir)
}

fn edit(path: &Path, from: &str, to: &str) {
    let text = std::fs::read_to_string(path).unwrap();
    assert_eq!(text.matches(from).count(), 1, "{from:?} must occur once in {}", path.display());
    std::fs::write(path, text.replace(from, to)).unwrap();
}

/// Sets the first tier's price of price-book entry `id` in a region file.
fn set_price(region_file: &Path, id: &str, usd: &str) {
    let text = std::fs::read_to_string(region_file).unwrap();
    let mut lines: Vec<String> = text.lines().map(String::from).collect();
    let start = lines.iter().position(|l| l.trim() == format!("- id: {id}")).unwrap();
    let tiers = (start..lines.len()).find(|&i| lines[i].contains("tiers:")).unwrap();
    let line = &lines[tiers];
    let at = line.find("usd: \"").unwrap() + 6;
    let end = at + line[at..].find('"').unwrap();
    lines[tiers] = format!("{}{usd}{}", &line[..at], &line[end..]);
    std::fs::write(region_file, lines.join("\n") + "\n").unwrap();
}

fn check(args: &[&str]) -> Output {
    let mut all = vec!["scenarios", "check"];
    all.extend(args);
    obs_cost().args(&all).output().unwrap()
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

fn assert_code(out: &Output, code: i32) {
    assert_eq!(out.status.code(), Some(code), "stdout:\n{}\nstderr:\n{}", text(&out.stdout), text(&out.stderr));
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

#[test]
fn the_bundled_suite_passes() {
    let (_tmp, dir) = scenarios_copy();
    let out = check(&[s(&dir)]);
    assert_code(&out, 0);
    let stdout = text(&out.stdout);
    assert!(stdout.contains("8 scenario(s): 8 passed, 0 failed, 0 error(s)"), "{stdout}");
    // The default directory is scenarios/, and the repository's own copy passes too.
    assert_code(&check(&[]), 0);
}

#[test]
fn a_changed_expectation_fails_naming_scenario_field_expected_and_actual() {
    let (_tmp, dir) = scenarios_copy();
    edit(&dir.join("startup-3p-5k.yaml"), "- {phase: 1, decision: stay,", "- {phase: 1, decision: migrate_now,");
    let out = check(&[s(&dir)]);
    assert_code(&out, 1);
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains("startup-3p-5k: expectation phases.1.decision: expected migrate_now, actual stay"),
        "{stderr}"
    );
    assert!(text(&out.stdout).contains("FAIL  startup-3p-5k"), "{}", text(&out.stdout));
    assert!(text(&out.stdout).contains("7 passed, 1 failed"), "{}", text(&out.stdout));
}

#[test]
fn a_broken_guardrail_fails_naming_it() {
    let (_tmp, dir) = scenarios_copy();
    edit(&dir.join("startup-3p-5k.yaml"), "max_aws_monthly_usd: 1770", "max_aws_monthly_usd: 1000");
    let out = check(&[s(&dir)]);
    assert_code(&out, 1);
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains(
            "startup-3p-5k: guardrail guardrails.max_aws_monthly_usd (phase 4): expected at most 1000, actual 1372.52"
        ),
        "{stderr}"
    );
    // Phases outside `guardrails.phases` are not held to it.
    assert!(!stderr.contains("(phase 1)"), "{stderr}");
}

#[test]
fn a_moved_price_fails_and_is_named() {
    let (tmp, dir) = scenarios_copy();
    let book = tmp.path().join("prices");
    copy_dir(&root().join("pricing-data"), &book);
    set_price(&book.join("us-east-1.yaml"), "fargate.x86_64.vcpu", "0.05");
    let out = obs_cost().args(["--price-book", s(&book), "scenarios", "check", s(&dir)]).output().unwrap();
    assert_code(&out, 1);
    let stdout = text(&out.stdout);
    let stderr = text(&out.stderr);
    // The us-east-1 scenarios that run Fargate fail; ap-northeast-2's CloudMart does not.
    assert!(stdout.contains("PASS  cloudmart-dau-50k"), "{stdout}");
    assert!(stdout.contains("FAIL  startup-3p-5k"), "{stdout}");
    assert!(
        stderr.contains(
            "startup-3p-5k: golden price fargate.x86_64.vcpu (all): expected 0.04048 per vCPU-hour, actual 0.05 per vCPU-hour"
        ),
        "{stderr}"
    );
    assert!(stdout.contains("golden phases.4.aws_monthly_usd: expected 1372.52, actual 1386.42"), "{stdout}");
    assert!(
        stderr.contains("startup-3p-5k: golden phases.4.aws_monthly_usd: expected 1372.52, actual 1386.42"),
        "{stderr}"
    );
    assert!(stderr.contains("startup-3p-5k: ... and "), "{stderr}");
    assert!(
        stdout.contains("golden phases.4.aws_services.fargate.monthly_usd: expected 72.08, actual 85.98"),
        "{stdout}"
    );
    assert!(stdout.contains("Moved prices:") && stdout.contains("+23.52%"), "{stdout}");
}

#[test]
fn an_unknown_expect_field_or_phase_is_an_error_with_its_location() {
    let (_tmp, dir) = scenarios_copy();
    let file = dir.join("startup-3p-5k.yaml");
    let original = std::fs::read_to_string(&file).unwrap();
    edit(&file, "    min_net_monthly_benefit_usd: 0\n", "    min_net_monthly_benefit_usd: 0\n    max_aws_usd: 5\n");
    let line = std::fs::read_to_string(&file).unwrap().lines().position(|l| l.contains("max_aws_usd")).unwrap() + 1;
    let out = check(&[s(&dir)]);
    assert_code(&out, 2);
    let stderr = text(&out.stderr);
    assert!(stderr.contains(&format!("startup-3p-5k.yaml:{line}:5: ")), "{stderr}");
    assert!(stderr.contains("unknown field `max_aws_usd`"), "{stderr}");

    std::fs::write(&file, &original).unwrap();
    edit(&file, "- {phase: 5, decision: migrate_now,", "- {phase: 9, decision: migrate_now,");
    let line = std::fs::read_to_string(&file).unwrap().lines().position(|l| l.contains("phase: 9")).unwrap() + 1;
    let out = check(&[s(&file)]);
    assert_code(&out, 2);
    let stderr = text(&out.stderr);
    assert!(stderr.contains(&format!("startup-3p-5k.yaml:{line}:")), "{stderr}");
    assert!(stderr.contains("phase 9 is not a phase of the plan: phases are numbered 1 to 5"), "{stderr}");

    std::fs::write(&file, &original).unwrap();
    edit(&file, "  roi_best_phase: 5\n", "  roi_best_phase: 5\n  decision: stay\n");
    assert_code(&check(&[s(&file)]), 2);
}

/// Every table of a Markdown text: a header row, a separator row, and rows of the same width.
fn assert_markdown_tables(md: &str) -> usize {
    let cells = |l: &str| l.replace("\\|", "").matches('|').count() - 1;
    let lines: Vec<&str> = md.lines().collect();
    let mut tables = 0;
    let mut i = 0;
    while i < lines.len() {
        if lines[i].starts_with('|') {
            let width = cells(lines[i]);
            let sep = lines.get(i + 1).copied().unwrap_or_default();
            assert!(
                sep.starts_with('|')
                    && sep.trim_matches('|').split('|').all(|c| {
                        let c = c.trim();
                        !c.is_empty() && c.trim_matches(':').chars().all(|ch| ch == '-')
                    }),
                "table without a header separator at line {}: {sep:?}\n{md}",
                i + 2
            );
            assert_eq!(cells(sep), width, "separator width at line {}", i + 2);
            i += 2;
            while i < lines.len() && lines[i].starts_with('|') {
                assert_eq!(cells(lines[i]), width, "row width at line {}: {}", i + 1, lines[i]);
                i += 1;
            }
            tables += 1;
        } else {
            i += 1;
        }
    }
    tables
}

#[test]
fn markdown_output_is_well_formed_tables() {
    let (_tmp, dir) = scenarios_copy();
    let out = check(&[s(&dir), "--format", "markdown"]);
    assert_code(&out, 0);
    let md = text(&out.stdout);
    assert!(md.starts_with("### obs-cost scenarios check"), "{md}");
    assert_eq!(assert_markdown_tables(&md), 1);

    edit(&dir.join("startup-3p-5k.yaml"), "- {phase: 1, decision: stay,", "- {phase: 1, decision: migrate_now,");
    edit(&dir.join("team15-300k.yaml"), "max_aws_monthly_usd: 6900", "max_aws_monthly_usd: 100");
    let out = check(&[s(&dir), "--format", "markdown"]);
    assert_code(&out, 1);
    let md = text(&out.stdout);
    assert!(md.contains("| expectation | `phases.1.decision` | migrate_now | stay |"), "{md}");
    assert!(md.contains("| **failed** |"), "{md}");
    assert_eq!(assert_markdown_tables(&md), 3, "{md}");
}

#[test]
fn junit_output_parses_with_one_testcase_per_scenario_and_one_failure_per_difference() {
    let (_tmp, dir) = scenarios_copy();
    edit(&dir.join("startup-3p-5k.yaml"), "- {phase: 1, decision: stay,", "- {phase: 1, decision: migrate_now,");
    edit(&dir.join("startup-3p-5k.yaml"), "max_aws_monthly_usd: 1770", "max_aws_monthly_usd: 1000");
    let out = check(&[s(&dir), "--format", "junit"]);
    assert_code(&out, 1);
    let xml = text(&out.stdout);
    let doc = roxmltree::Document::parse(&xml).unwrap_or_else(|e| panic!("{e}\n{xml}"));
    let suite = doc.root_element();
    assert_eq!(suite.tag_name().name(), "testsuite");
    assert_eq!(suite.attribute("tests"), Some("8"));
    assert_eq!(suite.attribute("failures"), Some("1"));
    assert_eq!(suite.attribute("errors"), Some("0"));
    let cases: Vec<_> = suite.children().filter(|n| n.has_tag_name("testcase")).collect();
    assert_eq!(cases.len(), 8);
    let failing: Vec<_> = cases.iter().filter(|c| c.children().any(|n| n.has_tag_name("failure"))).collect();
    assert_eq!(failing.len(), 1);
    assert_eq!(failing[0].attribute("name"), Some("startup-3p-5k"));
    let failures: Vec<_> = failing[0].children().filter(|n| n.has_tag_name("failure")).collect();
    // Phase 1's decision, and the AWS guardrail in phases 4 and 5.
    assert_eq!(failures.len(), 3, "{xml}");
    assert_eq!(failures[0].attribute("type"), Some("expectation"));
    assert_eq!(failures[0].attribute("message"), Some("phases.1.decision: expected migrate_now, actual stay"));
    assert!(failures[1..].iter().all(|f| f.attribute("type") == Some("guardrail")));
}

#[test]
fn update_writes_missing_goldens_and_non_scenario_files_are_skipped() {
    let (_tmp, dir) = scenarios_copy();
    std::fs::remove_dir_all(dir.join("expected")).unwrap();
    std::fs::write(dir.join("notes.yaml"), "just: notes\n").unwrap();
    let out = check(&[s(&dir)]);
    assert_code(&out, 1);
    assert!(text(&out.stderr).contains("run with") || text(&out.stderr).contains("--update"), "{}", text(&out.stderr));
    let out = check(&[s(&dir), "--update"]);
    assert_code(&out, 0);
    assert!(dir.join("expected/startup-3p-5k.json").is_file());
    assert!(!dir.join("expected/notes.json").exists());
    let out = check(&[s(&dir), "--format", "json"]);
    assert_code(&out, 0);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["passed"], 8);
    assert!(v["skipped"].as_array().unwrap().iter().any(|f| f.as_str().unwrap().ends_with("notes.yaml")));
    // The goldens written in the copy are the committed ones: they do not depend on the directory.
    for name in ["startup-3p-5k", "cloudmart-dau-50k"] {
        let a = std::fs::read_to_string(dir.join(format!("expected/{name}.json"))).unwrap();
        let b = std::fs::read_to_string(root().join(format!("scenarios/expected/{name}.json"))).unwrap();
        assert!(a == b, "{name}: golden differs from the committed one");
    }
}

#[test]
fn plan_compare_to_shows_phases_services_and_moved_prices() {
    let (tmp, dir) = scenarios_copy();
    let scenario = dir.join("startup-3p-5k.yaml");
    let golden = dir.join("expected/startup-3p-5k.json");
    let out = obs_cost().args(["plan", "--scenario", s(&scenario), "--compare-to", s(&golden)]).output().unwrap();
    assert_code(&out, 0);
    assert!(text(&out.stdout).contains("No differences."), "{}", text(&out.stdout));

    let book = tmp.path().join("prices");
    copy_dir(&root().join("pricing-data"), &book);
    set_price(&book.join("us-east-1.yaml"), "fargate.x86_64.vcpu", "0.05");
    let run = |format: &str| {
        obs_cost()
            .args(["--price-book", s(&book), "plan", "--scenario", s(&scenario), "--compare-to", s(&golden)])
            .args(["--format", format])
            .output()
            .unwrap()
    };
    let out = run("table");
    assert_code(&out, 0);
    let t = text(&out.stdout);
    assert!(t.contains("4 compute") && t.contains("fargate") && t.contains("fargate.x86_64.vcpu"), "{t}");
    let out = run("markdown");
    assert_code(&out, 0);
    let md = text(&out.stdout);
    assert!(md.starts_with("### Plan diff: startup-3p-5k"), "{md}");
    assert!(
        md.contains("| `fargate.x86_64.vcpu` | all | $0.04048 per vCPU-hour | $0.05 per vCPU-hour | +23.52% |"),
        "{md}"
    );
    assert!(assert_markdown_tables(&md) >= 3, "{md}");
    let out = run("json");
    assert_code(&out, 0);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["moved_prices"][0]["price_id"], "fargate.x86_64.vcpu");
    assert!(v["phases"][3]["aws_monthly_usd"]["old"] != v["phases"][3]["aws_monthly_usd"]["new"]);

    // Not a plan: exit 2 with a hint.
    let not_plan = tmp.path().join("x.json");
    std::fs::write(&not_plan, "{\"a\": 1}").unwrap();
    let out = obs_cost().args(["plan", "--scenario", s(&scenario), "--compare-to", s(&not_plan)]).output().unwrap();
    assert_code(&out, 2);
    assert!(text(&out.stderr).contains("is not a plan JSON document"), "{}", text(&out.stderr));
}
