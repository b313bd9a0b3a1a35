//! The `--help` of the subcommands that read outside input shows examples and the exit codes.

use crate::support;

#[test]
fn help_shows_examples_and_exit_codes() {
    for args in [&["measure"][..], &["pricing", "refresh"], &["estimate"]] {
        let out = support::obs_cost().args(args).arg("--help").output().unwrap();
        assert!(out.status.success(), "{args:?}");
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(text.contains("Examples:\n  obs-cost "), "{args:?} has no examples:\n{text}");
        assert!(text.contains("Exit codes: 0 "), "{args:?} has no exit codes:\n{text}");
        assert!(text.contains(" 2 "), "{args:?} does not explain exit code 2:\n{text}");
    }
}
