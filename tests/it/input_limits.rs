//! Hostile input files: `/dev/zero` (or any file over its documented limit) as every kind of
//! input is refused at once, not read to exhaustion; a token file given as `usage.snapshot` never
//! appears in an error, the Markdown PR comment or the JUnit report; ANSI escapes in a scenario's
//! strings are a located error and never reach the terminal; a binary `.yaml` among the scenarios
//! is reported as that scenario's error while the others are still checked; a negative size in a
//! snapshot is an error with file, line and column.

use crate::support;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use support::obs_cost;

const ROOT: &str = env!("CARGO_MANIFEST_DIR");
const TOKEN: &str = "ghp_16C7e42F292c6912E7710c838347Ae178B4a";

fn root(p: &str) -> String {
    format!("{ROOT}/{p}")
}

fn fails_with(args: &[&str], expect: &[&str]) -> String {
    let started = Instant::now();
    let out = obs_cost().args(args).output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr).to_string();
    assert_eq!(out.status.code(), Some(2), "{args:?}: {stderr}");
    for e in expect {
        assert!(stderr.contains(e), "{args:?}: '{e}' not in {stderr}");
    }
    assert!(stderr.contains("hint: "), "{args:?}: no hint line: {stderr}");
    assert!(started.elapsed() < Duration::from_secs(20), "{args:?} took {:?}", started.elapsed());
    stderr
}

/// A scenario (the bundled startup one) whose `usage.snapshot` is `snapshot`.
fn scenario_with_snapshot(dir: &Path, snapshot: &str) -> PathBuf {
    let text = std::fs::read_to_string(root("scenarios/startup-3p-5k.yaml")).unwrap();
    let text = text.replacen("usage:\n", &format!("usage:\n  snapshot: {snapshot}\n"), 1);
    assert!(text.contains("snapshot: "), "the bundled scenario has no usage section");
    let path = dir.join("scenario.yaml");
    std::fs::write(&path, text).unwrap();
    path
}

#[test]
fn dev_zero_is_refused_as_every_kind_of_input() {
    let zero = "/dev/zero";
    let scenario = root("scenarios/startup-3p-5k.yaml");
    fails_with(&["plan", "--scenario", zero], &["scenario '/dev/zero' is larger than 1 MiB"]);
    fails_with(
        &["plan", "--scenario", &scenario, "--usage", zero],
        &["usage snapshot '/dev/zero' is larger than 2 MiB"],
    );
    fails_with(
        &["plan", "--scenario", &scenario, "--compare-to", zero],
        &["plan JSON '/dev/zero' is larger than 8 MiB"],
    );
    fails_with(&["report", "--from", zero, "-o", "/dev/null"], &["plan JSON '/dev/zero' is larger"]);
    fails_with(&["estimate", "--aws-usage", zero], &["usage file '/dev/zero' is larger than 1 MiB"]);
    fails_with(
        &["measure", "--prometheus", "http://127.0.0.1:9", "--bearer-token-file", zero],
        &["larger than 64 KiB"],
    );
    fails_with(&["measure", "--prometheus", "http://127.0.0.1:9", "--ca-file", zero], &["larger than 1 MiB"]);
    let dir = tempfile::tempdir().unwrap();
    let in_scenario = scenario_with_snapshot(dir.path(), zero);
    fails_with(&["plan", "--scenario", in_scenario.to_str().unwrap()], &["usage snapshot '/dev/zero' is larger"]);
    // A price-book directory holding an endless file.
    let book = dir.path().join("book");
    std::fs::create_dir(&book).unwrap();
    std::fs::copy(root("pricing-data/free-tiers.yaml"), book.join("free-tiers.yaml")).unwrap();
    std::os::unix::fs::symlink(zero, book.join("us-east-1.yaml")).unwrap();
    fails_with(&["--price-book", book.to_str().unwrap(), "pricing", "show"], &["price-book file", "larger than 2 MiB"]);
}

#[test]
fn a_token_file_given_as_a_snapshot_never_leaks() {
    let dir = tempfile::tempdir().unwrap();
    let token = dir.path().join("token.txt");
    std::fs::write(&token, format!("{TOKEN}\n")).unwrap();
    let scenario = scenario_with_snapshot(dir.path(), "token.txt");
    let stderr = fails_with(&["plan", "--scenario", scenario.to_str().unwrap()], &["token.txt"]);
    assert!(!stderr.contains("16C7e42F"), "{stderr}");
    for format in ["markdown", "junit", "json", "table"] {
        let out = obs_cost().args(["scenarios", "check", "--format", format]).arg(&scenario).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{format}");
        let all = format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
        assert!(all.contains("token.txt"), "{format}: the error does not name the file: {all}");
        assert!(!all.contains("16C7e42F"), "{format}: the token leaked: {all}");
    }
    // Given as --usage, or with another shape (a password, a key: value line), it stays hidden too.
    for secret in ["hunter2-pw", "password: hunter2-pw", "[hunter2-pw]"] {
        std::fs::write(&token, secret).unwrap();
        let stderr = fails_with(
            &["plan", "--scenario", &root("scenarios/startup-3p-5k.yaml"), "--usage", token.to_str().unwrap()],
            &["token.txt"],
        );
        assert!(!stderr.contains("hunter2"), "{secret}: {stderr}");
    }
}

#[test]
fn ansi_escapes_in_a_scenario_are_a_located_error() {
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(root("scenarios/startup-3p-5k.yaml")).unwrap();
    let (name_line, _) = text.lines().enumerate().find(|(_, l)| l.starts_with("name:")).unwrap();
    let evil: Vec<String> = text
        .lines()
        .enumerate()
        .map(|(i, l)| if i == name_line { "name: \"evil\\e[2J\\e]0;pwned\\a\"".to_string() } else { l.to_string() })
        .collect();
    let path = dir.path().join("evil.yaml");
    std::fs::write(&path, evil.join("\n")).unwrap();
    let out = obs_cost().args(["plan", "--scenario"]).arg(&path).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("evil.yaml: name: contains the control character \\u{1b}"), "{stderr}");
    assert!(!stderr.contains('\u{1b}') && !out.stdout.contains(&0x1b), "an escape reached the terminal: {stderr}");
    let out = obs_cost().args(["scenarios", "check"]).arg(&path).output().unwrap();
    assert!(!out.stdout.contains(&0x1b) && !out.stderr.contains(&0x1b), "an escape reached the terminal");
}

#[test]
fn ansi_escapes_in_a_plan_json_are_a_located_error() {
    let dir = tempfile::tempdir().unwrap();
    let scenario = root("scenarios/startup-3p-5k.yaml");
    let out = obs_cost().args(["plan", "--format", "json", "--scenario", &scenario]).output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap().replacen("\"name\": \"", "\"name\": \"\\u001b[2J", 1);
    let plan = dir.path().join("plan.json");
    std::fs::write(&plan, text).unwrap();
    for args in [
        vec!["plan", "--scenario", &scenario, "--compare-to", plan.to_str().unwrap()],
        vec!["report", "--from", plan.to_str().unwrap(), "-o", "/dev/null"],
    ] {
        let stderr = fails_with(&args, &["has the control character \\u{1b} in scenario.name"]);
        assert!(!stderr.contains('\u{1b}'), "{stderr}");
    }
}

#[test]
fn one_binary_yaml_does_not_stop_the_scenarios_check() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(root("scenarios/startup-3p-5k.yaml"), dir.path().join("startup-3p-5k.yaml")).unwrap();
    std::fs::write(dir.path().join("broken.yaml"), [0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, b'J', b'F', b'I', b'F'])
        .unwrap();
    let out = obs_cost().args(["scenarios", "check", "--format", "json"]).arg(dir.path()).output().unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", String::from_utf8_lossy(&out.stderr));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let scenarios = json["scenarios"].as_array().unwrap();
    assert_eq!(scenarios.len(), 2, "{json:#}");
    let broken = scenarios.iter().find(|s| s["file"].as_str().unwrap().ends_with("broken.yaml")).unwrap();
    assert!(broken["error"].as_str().unwrap().contains("is not UTF-8 text"), "{broken:#}");
    let other = scenarios.iter().find(|s| s["file"].as_str().unwrap().ends_with("startup-3p-5k.yaml")).unwrap();
    assert!(other["error"].is_null(), "the good scenario was not checked: {other:#}");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("broken.yaml") && stderr.contains("hint: "), "{stderr}");
}

#[test]
fn a_negative_size_in_a_snapshot_is_a_located_error() {
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(root("examples/usage-snapshot.yaml")).unwrap();
    let (at, line) = text.lines().enumerate().find(|(_, l)| l.trim_start().starts_with("value: ")).unwrap();
    let indent = &line[..line.len() - line.trim_start().len()];
    let broken: Vec<String> = text
        .lines()
        .enumerate()
        .map(|(i, l)| if i == at { format!("{indent}value: -4000") } else { l.to_string() })
        .collect();
    let path = dir.path().join("usage.yaml");
    std::fs::write(&path, broken.join("\n")).unwrap();
    let stderr = fails_with(
        &["plan", "--scenario", &root("scenarios/startup-3p-5k.yaml"), "--usage", path.to_str().unwrap()],
        &[&format!("usage.yaml:{}:", at + 1), "never negative"],
    );
    assert!(!stderr.contains("this is a bug"), "{stderr}");
}
