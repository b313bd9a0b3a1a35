//! `-o` writes through what it names instead of replacing it: a device (`/dev/null` stays a
//! device even as root), a FIFO (read by another process), a symlink (the link stays, its target is
//! written), `/dev/stdout` (the output arrives on stdout); a read-only file is refused with a clear
//! error and kept; a regular file is still replaced atomically, keeping its mode. The same writer
//! serves every command's `-o` (estimate, plan, measure, scenarios check, report).

use crate::support;

use std::io::Read;
use std::os::unix::fs::{FileTypeExt, PermissionsExt};
use std::path::Path;
use std::process::Command;

use support::obs_cost;

fn usage() -> String {
    concat!(env!("CARGO_MANIFEST_DIR"), "/examples/aws-usage.yaml").to_string()
}

fn estimate_to(target: &Path) -> std::process::Output {
    obs_cost().args(["estimate", "--format", "json", "--aws-usage", &usage(), "-o"]).arg(target).output().unwrap()
}

#[test]
fn dev_null_stays_a_device() {
    let out = estimate_to(Path::new("/dev/null"));
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(std::fs::metadata("/dev/null").unwrap().file_type().is_char_device(), "/dev/null was replaced");
    // The report and the plan writers are the same one.
    let scenario = concat!(env!("CARGO_MANIFEST_DIR"), "/scenarios/startup-3p-5k.yaml");
    let out = obs_cost().args(["report", "--scenario", scenario, "-o", "/dev/null"]).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let out = obs_cost().args(["plan", "--scenario", scenario, "-o", "/dev/null"]).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(std::fs::metadata("/dev/null").unwrap().file_type().is_char_device(), "/dev/null was replaced");
}

#[test]
fn a_fifo_is_written_through() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("pipe");
    assert!(Command::new("mkfifo").arg(&fifo).status().unwrap().success());
    let reader_path = fifo.clone();
    let reader = std::thread::spawn(move || {
        let mut text = String::new();
        std::fs::File::open(&reader_path).unwrap().read_to_string(&mut text).unwrap();
        text
    });
    let out = estimate_to(&fifo);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let text = reader.join().unwrap();
    assert!(text.contains("\"total_monthly_usd\""), "{text}");
    assert!(std::fs::metadata(&fifo).unwrap().file_type().is_fifo(), "the FIFO was replaced");
}

#[test]
fn a_symlink_stays_a_link_and_its_target_gets_the_output() {
    let dir = tempfile::tempdir().unwrap();
    let real = dir.path().join("real.json");
    std::fs::write(&real, "old").unwrap();
    let link = dir.path().join("link.json");
    std::os::unix::fs::symlink(&real, &link).unwrap();
    let out = estimate_to(&link);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(std::fs::symlink_metadata(&link).unwrap().file_type().is_symlink(), "the link was replaced");
    assert!(std::fs::read_to_string(&real).unwrap().contains("total_monthly_usd"));
}

#[test]
fn dev_stdout_writes_to_stdout() {
    let out = estimate_to(Path::new("/dev/stdout"));
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stdout).contains("total_monthly_usd"));
    let out = estimate_to(Path::new("-"));
    assert!(String::from_utf8_lossy(&out.stdout).contains("total_monthly_usd"));
}

#[test]
fn a_read_only_file_is_refused_and_kept() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("ro.json");
    std::fs::write(&file, "keep me").unwrap();
    std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o444)).unwrap();
    let out = estimate_to(&file);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("read-only") && stderr.contains("hint: "), "{stderr}");
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "keep me");
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1, "a temporary file was left");
}

#[test]
fn a_regular_file_is_replaced_atomically_keeping_its_mode() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("out.json");
    std::fs::write(&file, "old").unwrap();
    std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o640)).unwrap();
    let out = estimate_to(&file);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(std::fs::read_to_string(&file).unwrap().contains("total_monthly_usd"));
    assert_eq!(std::fs::metadata(&file).unwrap().permissions().mode() & 0o777, 0o640);
    // A failed run leaves the old file untouched.
    let out = obs_cost().args(["estimate", "--aws-usage", "/nonexistent.yaml", "-o"]).arg(&file).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(std::fs::read_to_string(&file).unwrap().contains("total_monthly_usd"));
}
