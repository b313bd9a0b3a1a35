//! Every subcommand's `--help` shows examples of itself and the exit codes.

use crate::support;

#[test]
fn help_shows_examples_and_exit_codes() {
    let commands: [&[&str]; 11] = [
        &["measure"],
        &["estimate"],
        &["plan"],
        &["report"],
        &["init"],
        &["completions"],
        &["scenarios", "check"],
        &["pricing", "show"],
        &["pricing", "refresh"],
        &["pricing", "diff"],
        &[],
    ];
    for args in commands {
        let out = support::obs_cost().args(args).arg("--help").output().unwrap();
        assert!(out.status.success(), "{args:?}");
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(text.contains("Exit codes: 0 "), "{args:?} has no exit codes:\n{text}");
        assert!(text.contains(" 2 "), "{args:?} does not explain exit code 2:\n{text}");
        if args.is_empty() {
            continue;
        }
        let example = format!("obs-cost {}", args.join(" "));
        let examples = text.split("Examples:").nth(1).unwrap_or_else(|| panic!("{args:?} has no examples:\n{text}"));
        assert!(examples.contains(&example), "{args:?}: no example of `{example}`:\n{text}");
    }
}
