//! The layout rules CONTRIBUTING.md states, checked on the sources: imports run one way (the
//! stages below `report` never import `report`, `cli` or `cmd`, and `report` never imports
//! `cli`), every module starts with a `//!` line saying what it owns, no file is over 800 lines,
//! and panicking code is denied outside tests.

use std::path::{Path, PathBuf};

fn sources(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The non-test code of a source file: what comes before its `#[cfg(test)]` module.
fn code(path: &Path) -> String {
    let text = std::fs::read_to_string(path).unwrap();
    text.split("#[cfg(test)]").next().unwrap_or_default().to_string()
}

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

#[test]
fn imports_run_one_way() {
    let rules: [(&str, &[&str]); 8] = [
        ("measure", &["report", "cli", "cmd", "plan", "roi", "suite"]),
        ("model", &["report", "cli", "cmd", "plan", "roi", "suite"]),
        ("pricing", &["report", "cli", "cmd", "plan", "roi", "suite"]),
        ("cost.rs", &["report", "cli", "cmd", "plan", "roi", "suite"]),
        ("plan", &["report", "cli", "cmd", "suite"]),
        ("roi", &["report", "cli", "cmd", "suite"]),
        ("suite", &["report", "cli", "cmd"]),
        ("report", &["cli", "cmd"]),
    ];
    let mut broken = Vec::new();
    for (stage, forbidden) in rules {
        let root = src().join(stage);
        let mut files = Vec::new();
        if root.is_dir() {
            sources(&root, &mut files);
        } else {
            files.push(root);
        }
        for f in files {
            let code = code(&f);
            for module in forbidden {
                if code.contains(&format!("crate::{module}::")) || code.contains(&format!("crate::{module};")) {
                    broken.push(format!("{} imports crate::{module}", f.display()));
                }
            }
        }
    }
    assert!(broken.is_empty(), "imports against the direction of data:\n{}", broken.join("\n"));
}

#[test]
fn every_module_says_what_it_owns() {
    let mut files = Vec::new();
    sources(&src(), &mut files);
    let missing: Vec<String> = files
        .iter()
        .filter(|f| !std::fs::read_to_string(f).unwrap().starts_with("//!"))
        .map(|f| f.display().to_string())
        .collect();
    assert!(missing.is_empty(), "modules without a `//!` line: {missing:?}");
}

#[test]
fn no_source_file_is_over_800_lines() {
    let mut files = Vec::new();
    sources(&src(), &mut files);
    let long: Vec<String> = files
        .iter()
        .map(|f| (f, std::fs::read_to_string(f).unwrap().lines().count()))
        .filter(|(_, n)| *n > 800)
        .map(|(f, n)| format!("{} ({n} lines)", f.display()))
        .collect();
    assert!(long.is_empty(), "split these by what they own: {long:?}");
}

/// Outside tests, code that could panic on a value does not compile (src/lib.rs denies it): the
/// attribute is there and names each lint.
#[test]
fn panicking_code_is_denied_outside_tests() {
    let lib = std::fs::read_to_string(src().join("lib.rs")).unwrap();
    for lint in ["clippy::unwrap_used", "clippy::expect_used", "clippy::indexing_slicing", "clippy::panic"] {
        assert!(lib.contains(lint), "src/lib.rs does not deny {lint}");
    }
    assert!(lib.contains("#![cfg_attr(not(test), deny("), "the lints are denied outside tests only");
}
