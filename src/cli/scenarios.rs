//! `obs-cost scenarios ...` arguments (clap derive types only).

use std::path::PathBuf;

use clap::{Args, Subcommand, ValueEnum};

use super::LangArgs;
use crate::report::Format;

/// `obs-cost scenarios ...`.
#[derive(Debug, Subcommand)]
pub enum ScenariosCommand {
    /// Plan every scenario and hold it against its `expect:` block and its golden plan.
    Check(ScenariosCheckArgs),
}

/// Formats of `scenarios check`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SuiteFormatArg {
    /// One line per scenario, failures and plan diffs under it, summary last.
    Table,
    /// JSON: every result, failure and plan diff.
    Json,
    /// GitHub-flavoured Markdown, for a pull-request or merge-request comment.
    Markdown,
    /// JUnit XML: one testsuite, one testcase per scenario, one failure per difference.
    Junit,
}

/// `obs-cost scenarios check`.
#[derive(Debug, Args)]
#[command(after_help = "Directories are read one level deep: their *.yaml/*.yml files that have \
`schema_version` and `team` are scenarios (others are listed as skipped; `expected/` and *.md are never read). \
The golden of DIR/NAME.yaml is DIR/expected/NAME.json.\n\
Exit codes: 0 every scenario holds, 1 an expectation, guardrail or golden differs (each named with \
expected and actual), 2 an error (a scenario or golden that cannot be read or planned, an unknown `expect:` key or phase).\n\
Examples:\n  obs-cost scenarios check scenarios/ --format markdown -o scenarios-check.md\n  \
obs-cost scenarios check scenarios/ --update   # rewrite the goldens, then review git diff")]
pub struct ScenariosCheckArgs {
    /// Scenario files or directories of them.
    #[arg(value_name = "DIR|FILE", default_value = "scenarios")]
    pub paths: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = SuiteFormatArg::Table)]
    pub format: SuiteFormatArg,
    /// (Re)write each scenario's golden plan from the current plan, atomically; expectations and
    /// guardrails are still checked.
    #[arg(long)]
    pub update: bool,
    /// Write to this file (atomically) instead of stdout; the exit code is the same.
    #[arg(short = 'o', long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Language of the human-readable output.
    #[command(flatten)]
    pub lang: LangArgs,
}

impl From<SuiteFormatArg> for Format {
    fn from(value: SuiteFormatArg) -> Self {
        match value {
            SuiteFormatArg::Table => Format::Table,
            SuiteFormatArg::Json => Format::Json,
            SuiteFormatArg::Markdown => Format::Markdown,
            SuiteFormatArg::Junit => Format::Junit,
        }
    }
}
