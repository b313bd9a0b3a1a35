//! `obs-cost init`, `plan --usage` / `report --usage` without a scenario, and `obs-cost
//! completions`: the written scenario parses, plans, and holds exactly the planner's defaults;
//! `init` then `plan` is byte for byte `plan --usage` with the same flags; out-of-range values
//! and missing values without a terminal are refused before anything is written; the prompt is
//! driven through a real pseudo-terminal; bash, zsh and fish accept the completion scripts.

use crate::support;

use std::path::{Path, PathBuf};
use std::process::Command;

use support::obs_cost;

const FLAGS: [&str; 12] = [
    "--team",
    "4",
    "--ops-fte",
    "0.5",
    "--dau",
    "20000",
    "--region",
    "ap-northeast-2",
    "--downtime-cost-per-minute",
    "50",
    "--ops-burden",
    "burdensome",
];

/// A temporary directory holding `usage.yaml` (the bundled measured snapshot).
fn workdir() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let snapshot = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/usage-snapshot.yaml");
    std::fs::copy(snapshot, dir.path().join("usage.yaml")).unwrap();
    dir
}

fn run(dir: &Path, args: &[&str]) -> std::process::Output {
    obs_cost().current_dir(dir).args(args).output().unwrap()
}

#[track_caller]
fn ok(dir: &Path, args: &[&str]) -> (Vec<u8>, String) {
    let out = run(dir, args);
    let stderr = String::from_utf8_lossy(&out.stderr).to_string();
    assert!(out.status.success(), "{args:?} failed: {stderr}");
    (out.stdout, stderr)
}

#[track_caller]
fn refused(dir: &Path, args: &[&str]) -> String {
    let out = run(dir, args);
    let stderr = String::from_utf8_lossy(&out.stderr).to_string();
    assert_eq!(out.status.code(), Some(2), "{args:?} should exit 2: {stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    stderr
}

fn files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for e in walk(dir) {
        out.push(e.strip_prefix(dir).unwrap().to_path_buf());
    }
    out.sort();
    out
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            out.extend(walk(&p));
        } else {
            out.push(p);
        }
    }
    out
}

#[test]
fn init_then_plan_is_plan_usage_byte_for_byte() {
    let dir = workdir();
    let d = dir.path();
    let init: Vec<&str> = ["init", "--usage", "usage.yaml"].into_iter().chain(FLAGS).collect();
    let (_, stderr) = ok(d, &init);
    assert!(stderr.contains("wrote scenarios/my-stack.yaml"), "{stderr}");
    assert!(stderr.contains("next: obs-cost plan --scenario scenarios/my-stack.yaml"), "{stderr}");
    for format in ["table", "json", "markdown", "csv"] {
        let (from_file, _) = ok(d, &["plan", "--scenario", "scenarios/my-stack.yaml", "--format", format]);
        let plan: Vec<&str> = ["plan", "--usage", "usage.yaml", "--format", format].into_iter().chain(FLAGS).collect();
        let (direct, stderr) = ok(d, &plan);
        assert!(from_file == direct, "{format}: init + plan differs from plan --usage");
        assert!(stderr.contains("obs-cost: no --scenario: planning usage.yaml with these assumptions:"), "{stderr}");
        assert!(stderr.contains("team.engineers = 4 (given; --team)"), "{stderr}");
        assert!(stderr.contains("team.loaded_monthly_cost_usd = $5,000 (default: seed 000's ROI table"), "{stderr}");
        let command =
            "Write them down to edit them: obs-cost init --usage usage.yaml --region ap-northeast-2 --team 4 \
--ops-fte 0.5 --dau 20000 --downtime-cost-per-minute 50 --ops-burden burdensome -o scenarios/my-stack.yaml";
        assert!(stderr.contains(command), "{stderr}");
        if format == "json" {
            let v: serde_json::Value = serde_json::from_slice(&direct).expect("stdout stays parseable JSON");
            assert_eq!(v["inputs"]["engineers"], 4);
            assert_eq!(v["region"], "ap-northeast-2");
        }
    }
    // The HTML report too.
    ok(d, &["report", "--scenario", "scenarios/my-stack.yaml", "-o", "a.html"]);
    let report: Vec<&str> = ["report", "--usage", "usage.yaml", "-o", "b.html"].into_iter().chain(FLAGS).collect();
    ok(d, &report);
    assert!(std::fs::read(d.join("a.html")).unwrap() == std::fs::read(d.join("b.html")).unwrap());
}

/// The scenario init writes with every default differs from one that leaves every optional key
/// out only in its text: the planner's defaults and the file's values are the same numbers.
#[test]
fn the_defaults_written_are_the_ones_the_planner_uses() {
    let dir = workdir();
    let d = dir.path();
    ok(d, &["init", "--usage", "usage.yaml", "--yes", "-o", "full.yaml"]);
    let text = std::fs::read_to_string(d.join("full.yaml")).unwrap();
    for key in ["mapping:", "  rds:", "    multi_az: true", "phases:", "decision:", "switch_points:", "uncertainty:"] {
        assert!(text.lines().any(|l| l.starts_with(key)), "{key} missing:\n{text}");
    }
    std::fs::write(
        d.join("minimal.yaml"),
        "schema_version: 1\nname: full\nregion: us-east-1\nusage: {snapshot: usage.yaml}\n\
team: {engineers: 6, ops_fte: 1, loaded_monthly_cost_usd: 5000}\ntraffic: {dau: 50000}\n\
business: {downtime_cost_per_minute_usd: 1000, ops_burden: manageable}\nself_hosted: {availability_percent: 99.9}\n",
    )
    .unwrap();
    let plan = |file: &str| {
        let (out, _) = ok(d, &["plan", "--scenario", file, "--format", "json"]);
        let mut v: serde_json::Value = serde_json::from_slice(&out).unwrap();
        v["scenario"] = serde_json::Value::Null;
        v
    };
    let (full, minimal) = (plan("full.yaml"), plan("minimal.yaml"));
    assert!(full == minimal, "the written defaults change the plan");
    for table in ["table", "csv"] {
        let a = ok(d, &["plan", "--scenario", "full.yaml", "--format", table]).0;
        let b = ok(d, &["plan", "--scenario", "minimal.yaml", "--format", table]).0;
        assert!(a == b, "{table} differs");
    }
}

#[test]
fn out_of_range_and_missing_values_are_refused_before_anything_is_written() {
    let dir = workdir();
    let d = dir.path();
    let cases: [(&[&str], &str); 10] = [
        (&["--team", "-3"], "--team '-3' is out of range: give a whole number from 1 to 100000"),
        (&["--team=0"], "--team '0' is out of range"),
        (&["--dau", "0"], "--dau '0' is out of range: give a whole number from 1 to 10000000000"),
        (&["--dau", "1e99"], "--dau '1e99' is out of range"),
        (
            &["--region", "us-east1"],
            "--region 'us-east1' is not in the price book: give one of the price book's regions: ap-northeast-2, us-east-1; close matches: us-east-1",
        ),
        (&["--team", "2", "--ops-fte", "3"], "--ops-fte '3' is out of range: give a number from 0 to 2 (the team's size)"),
        (&["--ops-fte", "NaN"], "--ops-fte 'NaN' is out of range"),
        (&["--downtime-cost-per-minute", "-1"], "give a number of USD from 0 to 10000000"),
        (&["--ops-burden", "awful"], "give manageable or burdensome"),
        (&["--name", "../x"], "is not a scenario name"),
    ];
    for (flags, message) in cases {
        let args: Vec<&str> =
            ["init", "--usage", "usage.yaml", "--yes"].into_iter().chain(flags.iter().copied()).collect();
        let stderr = refused(d, &args);
        assert!(stderr.contains(message), "{flags:?}: {stderr}");
        // plan --usage refuses the same values the same way.
        let args: Vec<&str> = ["plan", "--usage", "usage.yaml"].into_iter().chain(flags.iter().copied()).collect();
        assert!(refused(d, &args).contains(message), "plan {flags:?}");
    }
    // Scenario values next to a scenario file would be ignored: refused, naming them.
    ok(d, &["init", "--usage", "usage.yaml", "--yes"]);
    let stderr = refused(d, &["plan", "--scenario", "scenarios/my-stack.yaml", "--dau", "5", "--name", "x"]);
    assert!(stderr.contains("--dau, --name only apply to --usage FILE without a scenario"), "{stderr}");
    let stderr = refused(d, &["report", "--scenario", "scenarios/my-stack.yaml", "--team", "5", "-o", "r.html"]);
    assert!(stderr.contains("--team only apply"), "{stderr}");
    std::fs::remove_dir_all(d.join("scenarios")).unwrap();
    // No terminal and no --yes: the missing values are named, with the defaults to take.
    let stderr = refused(d, &["init", "--usage", "usage.yaml", "--team", "4"]);
    assert!(
        stderr.contains("missing --region, --ops-fte, --dau, --downtime-cost-per-minute, --ops-burden (not a terminal"),
        "{stderr}"
    );
    assert!(
        stderr.contains("hint: give them, or --yes to take the defaults: --region us-east-1 --ops-fte 1"),
        "{stderr}"
    );
    // A snapshot that does not read is an error before anything is written.
    std::fs::write(d.join("broken.yaml"), "schema_version: [").unwrap();
    let stderr = refused(d, &["init", "--usage", "broken.yaml", "--yes"]);
    assert!(stderr.contains("broken.yaml"), "{stderr}");
    refused(d, &["init", "--usage", "missing.yaml", "--yes"]);
    assert_eq!(files(d), [PathBuf::from("broken.yaml"), PathBuf::from("usage.yaml")], "something was written");
}

#[test]
fn an_existing_scenario_is_kept_unless_forced() {
    let dir = workdir();
    let d = dir.path();
    std::fs::create_dir(d.join("scenarios")).unwrap();
    std::fs::write(d.join("scenarios/my-stack.yaml"), "mine\n").unwrap();
    let stderr = refused(d, &["init", "--usage", "usage.yaml", "--yes"]);
    assert!(stderr.contains("'scenarios/my-stack.yaml' exists; obs-cost init does not overwrite it"), "{stderr}");
    assert!(stderr.contains("hint: give --force"), "{stderr}");
    assert_eq!(std::fs::read_to_string(d.join("scenarios/my-stack.yaml")).unwrap(), "mine\n");
    ok(d, &["init", "--usage", "usage.yaml", "--yes", "--force"]);
    let text = std::fs::read_to_string(d.join("scenarios/my-stack.yaml")).unwrap();
    assert!(text.contains("  snapshot: ../usage.yaml"), "{text}");
    assert_eq!(files(&d.join("scenarios")), [PathBuf::from("my-stack.yaml")], "a temporary file was left");
    // -o names the scenario after the file; without --usage the snapshot line is a comment.
    ok(d, &["init", "--yes", "-o", "shop.yaml"]);
    let text = std::fs::read_to_string(d.join("shop.yaml")).unwrap();
    assert!(text.contains("\nname: shop ") && text.contains("  # snapshot: usage.yaml"), "{text}");
}

/// The prompt, through a real pseudo-terminal: bad answers are re-asked with the allowed range,
/// Enter takes the default shown, and the answers end up in the file.
#[test]
fn init_asks_missing_values_on_a_terminal() {
    let dir = workdir();
    let d = dir.path();
    let bin =
        std::env::var_os("OBS_COST_BIN").map(PathBuf::from).unwrap_or_else(|| assert_cmd::cargo::cargo_bin("obs-cost"));
    let mut cmd = Command::new(bin);
    cmd.current_dir(d).args(["init", "--usage", "usage.yaml", "--ops-burden", "burdensome"]);
    let mut p = rexpect::session::spawn_command(cmd, Some(20_000)).unwrap();
    p.exp_string("AWS region to price in (one of the price book's regions: ap-northeast-2, us-east-1) [us-east-1]: ")
        .unwrap();
    p.send_line("ap-northeast2").unwrap();
    p.exp_string("--region 'ap-northeast2' is not in the price book").unwrap();
    p.exp_string("close matches: ap-northeast-2").unwrap();
    p.exp_string("AWS region to price in").unwrap();
    p.send_line("ap-northeast-2").unwrap();
    p.exp_string("Engineers on the team (everyone) (a whole number from 1 to 100000) [6]: ").unwrap();
    p.send_line("-2").unwrap();
    p.exp_string("--team '-2' is out of range: give a whole number from 1 to 100000").unwrap();
    p.exp_string("Engineers on the team").unwrap();
    p.send_line("3").unwrap();
    p.exp_string("Full-time equivalents operating the stack (a number from 0 to 3 (the team's size)) [1]: ").unwrap();
    p.send_line("").unwrap();
    p.exp_string("Daily active users today (a whole number from 1 to 10000000000) [50000]: ").unwrap();
    p.send_line("0").unwrap();
    p.exp_string("--dau '0' is out of range").unwrap();
    p.send_line("8000").unwrap();
    p.exp_string("Cost of one minute of downtime, USD").unwrap();
    p.send_line("30").unwrap();
    p.exp_string("wrote scenarios/my-stack.yaml").unwrap();
    p.exp_eof().unwrap();
    let text = std::fs::read_to_string(d.join("scenarios/my-stack.yaml")).unwrap();
    for line in [
        "region: ap-northeast-2 ",
        "  engineers: 3 ",
        "  ops_fte: 1 ",
        "  dau: 8000 ",
        "  downtime_cost_per_minute_usd: 30 ",
        "  ops_burden: burdensome ",
    ] {
        assert!(text.contains(line), "{line:?} missing:\n{text}");
    }
    assert!(text.contains("[default, --ops-fte: seed 000's ROI table"), "Enter keeps the default and says so");
    assert!(
        text.contains("#   obs-cost init --usage usage.yaml --region ap-northeast-2 --team 3 --dau 8000"),
        "{text}"
    );
    ok(d, &["plan", "--scenario", "scenarios/my-stack.yaml"]);
}

#[test]
fn completion_scripts_are_accepted_by_their_shells() {
    let dir = tempfile::tempdir().unwrap();
    for (shell, check) in [("bash", "bash"), ("zsh", "zsh"), ("fish", "fish")] {
        let (script, _) = ok(dir.path(), &["completions", shell]);
        let text = String::from_utf8(script).unwrap();
        assert!(text.contains("init") && text.contains("--usage") && text.contains("completions"), "{shell}");
        let Some(bin) = support::need(check, &[]) else { continue };
        let file = dir.path().join(format!("obs-cost.{shell}"));
        std::fs::write(&file, &text).unwrap();
        let out = Command::new(bin).arg("-n").arg(&file).output().unwrap();
        assert!(out.status.success(), "{shell} -n: {}", String::from_utf8_lossy(&out.stderr));
    }
    // bash completes the subcommands and init's flags.
    let Some(bash) = support::need("bash", &[]) else { return };
    let script = dir.path().join("obs-cost.bash");
    let probe = format!(
        "source '{}'; COMP_WORDS=(obs-cost init --te); COMP_CWORD=2; COMP_LINE='obs-cost init --te'; COMP_POINT=18; _obs__cost obs-cost --te init; printf '%s\\n' \"${{COMPREPLY[@]}}\"",
        script.display()
    );
    let out = Command::new(bash).args(["-c", &probe]).output().unwrap();
    assert!(String::from_utf8_lossy(&out.stdout).lines().any(|l| l == "--team"), "{out:?}");
    let (ps, _) = ok(dir.path(), &["completions", "powershell"]);
    assert!(String::from_utf8_lossy(&ps).contains("Register-ArgumentCompleter"));
    let stderr = refused(dir.path(), &["completions", "tcsh"]);
    assert!(stderr.contains("possible values"), "{stderr}");
}
