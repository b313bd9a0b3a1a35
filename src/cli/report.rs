//! `obs-cost report` arguments (clap derive types only).

use std::path::PathBuf;

use clap::{ArgGroup, Args};

use super::init::StarterArgs;
use super::{CurrencyArgs, LangArgs};

/// `obs-cost report`.
#[derive(Debug, Args)]
#[command(
    group(ArgGroup::new("input").required(true).args(["scenario", "from", "usage"]).multiple(true)),
    after_help = "Writes one self-contained HTML file (inline CSS and SVG charts, no script, no network request).\n\
Set SOURCE_DATE_EPOCH to print a generation time; without it the report carries none, so identical inputs give identical bytes.\n\
Without --scenario, --usage FILE is reported with the scenario `obs-cost init --usage FILE` would write (as `plan --usage`).\n\
Exit codes: 0 ok, 2 an error (bad scenario or plan file, a value out of range, missing price, I/O).\n\
Examples: obs-cost report --scenario scenarios/cloudmart-dau-50k.yaml -o reports/cloudmart.html\n          \
obs-cost report --usage usage.yaml --team 4 -o reports/my-stack.html"
)]
pub struct ReportArgs {
    /// Scenario file to plan and report (see scenarios/example.yaml for every key).
    #[arg(long, value_name = "FILE", conflicts_with = "from")]
    pub scenario: Option<PathBuf>,
    /// Usage snapshot written by `obs-cost measure`; overrides the scenario's `usage.snapshot`;
    /// without --scenario, reported with the defaults (as `plan --usage`).
    #[arg(long, value_name = "FILE", conflicts_with = "from")]
    pub usage: Option<PathBuf>,
    /// The scenario values, without --scenario (as `obs-cost init` takes them).
    #[command(flatten)]
    pub values: StarterArgs,
    /// Usage snapshot with an `actual` section (`obs-cost measure --cloudwatch`): add forecast vs actual.
    #[arg(long, value_name = "FILE", conflicts_with = "from")]
    pub actual: Option<PathBuf>,
    /// Re-render a saved plan: the JSON of `obs-cost plan --format json`.
    #[arg(long, value_name = "PLAN.json")]
    pub from: Option<PathBuf>,
    /// The HTML file to write (atomically; its directory is created if needed).
    #[arg(short = 'o', long, value_name = "FILE")]
    pub output: PathBuf,
    /// Open the report in the default browser once written.
    #[arg(long)]
    pub open: bool,
    /// Language of the human-readable output.
    #[command(flatten)]
    pub lang: LangArgs,
    /// Won beside dollars.
    #[command(flatten)]
    pub currency: CurrencyArgs,
}
