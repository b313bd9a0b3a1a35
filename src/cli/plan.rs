//! `obs-cost plan` arguments (clap derive types only).

use std::path::PathBuf;
use std::str::FromStr;

use clap::{ArgGroup, Args};

use super::init::StarterArgs;
use super::{CurrencyArgs, FormatArg, LangArgs};

/// Which phases to show: one (1-based) or all.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PhaseArg {
    /// Every phase.
    All,
    /// One phase.
    One(u32),
}

impl FromStr for PhaseArg {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        if s.eq_ignore_ascii_case("all") {
            return Ok(PhaseArg::All);
        }
        match s.parse::<u32>() {
            Ok(n) if n >= 1 => Ok(PhaseArg::One(n)),
            _ => Err(format!("'{s}' is not a phase: give a phase number from 1, or `all`")),
        }
    }
}

/// `obs-cost plan`.
#[derive(Debug, Args)]
#[command(
    group(ArgGroup::new("input").required(true).multiple(true).args(["scenario", "usage"])),
    after_help = "Without --scenario, --usage FILE is planned with the scenario `obs-cost init --usage FILE` would write (the same flags, the same defaults): the assumptions and that init command are printed on stderr first, so the plan on stdout is byte for byte the plan of that scenario, and JSON stays parseable.\n\
Exit codes: 0 ok, 2 an error (bad scenario, a value out of range, missing price, I/O).\n\
Examples: obs-cost plan --scenario scenarios/cloudmart-dau-50k.yaml --phase all\n          \
obs-cost plan --usage usage.yaml --team 4 --dau 20000\n\
Compare with an older plan: obs-cost plan --scenario s.yaml --compare-to old-plan.json --format markdown"
)]
pub struct PlanArgs {
    /// Scenario file (see scenarios/example.yaml for every key); without it, --usage is planned with the defaults.
    #[arg(long, value_name = "FILE")]
    pub scenario: Option<PathBuf>,
    /// Usage snapshot written by `obs-cost measure`; overrides the scenario's `usage.snapshot`
    /// (inline `usage:` values still win over measured ones).
    #[arg(long, value_name = "FILE")]
    pub usage: Option<PathBuf>,
    /// The scenario values, without --scenario (as `obs-cost init` takes them).
    #[command(flatten)]
    pub values: StarterArgs,
    /// Usage snapshot with an `actual` section (`obs-cost measure --cloudwatch`): compare the
    /// forecast with it per phase and service, with the error in percent.
    #[arg(long, value_name = "FILE")]
    pub actual: Option<PathBuf>,
    /// Phase to show: a number from 1, or `all`.
    #[arg(long, value_name = "N|all", default_value = "all")]
    pub phase: PhaseArg,
    /// Output format.
    #[arg(long, value_enum, default_value_t = FormatArg::Table)]
    pub format: FormatArg,
    /// Show how the plan differs from this older plan JSON (`plan --format json`, or a golden in
    /// scenarios/expected/) by phase and service, with the prices that moved, instead of the plan.
    #[arg(long, value_name = "OLD.json")]
    pub compare_to: Option<PathBuf>,
    /// Write to this file (atomically) instead of stdout.
    #[arg(short = 'o', long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Language of the human-readable output.
    #[command(flatten)]
    pub lang: LangArgs,
    /// Won beside dollars.
    #[command(flatten)]
    pub currency: CurrencyArgs,
}
