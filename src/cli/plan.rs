//! `obs-cost plan` arguments (clap derive types only).

use std::path::PathBuf;
use std::str::FromStr;

use clap::Args;

use super::FormatArg;

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
    after_help = "Exit codes: 0 ok, 2 an error (bad scenario, missing price, I/O).\nExample: obs-cost plan --scenario scenarios/cloudmart-dau-50k.yaml --phase all\nCompare with an older plan: obs-cost plan --scenario s.yaml --compare-to old-plan.json --format markdown"
)]
pub struct PlanArgs {
    /// Scenario file (see scenarios/example.yaml for every key).
    #[arg(long, value_name = "FILE")]
    pub scenario: PathBuf,
    /// Usage snapshot written by `obs-cost measure`; overrides the scenario's `usage.snapshot`
    /// (inline `usage:` values still win over measured ones).
    #[arg(long, value_name = "FILE")]
    pub usage: Option<PathBuf>,
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
}
