//! `obs-cost init` and `obs-cost completions` arguments, and the scenario values that `init`,
//! `plan --usage` and `report --usage` share (clap derive types only; ranges are checked in `cmd`).

use std::path::PathBuf;

use clap::Args;

/// The values a scenario must give. Each is checked against its range before anything is written
/// (`scenario::defaults`); a missing one is asked on a terminal (`init`), or takes its default.
#[derive(Debug, Clone, Default, Args)]
pub struct StarterArgs {
    /// AWS region to price in; it must be in the price book [default us-east-1].
    #[arg(long, value_name = "REGION", allow_hyphen_values = true)]
    pub region: Option<String>,
    /// Engineers on the team, everyone included: 1 to 100000 [default 6].
    #[arg(long, value_name = "N", allow_hyphen_values = true)]
    pub team: Option<String>,
    /// Full-time equivalents operating the stack: 0 to the team's size [default 1].
    #[arg(long, value_name = "F", allow_hyphen_values = true)]
    pub ops_fte: Option<String>,
    /// Daily active users today: 1 to 10000000000 [default 50000].
    #[arg(long, value_name = "N", allow_hyphen_values = true)]
    pub dau: Option<String>,
    /// What one minute of downtime costs, USD: 0 to 10000000 [default 1000].
    #[arg(long, value_name = "USD", allow_hyphen_values = true)]
    pub downtime_cost_per_minute: Option<String>,
    /// How operating the stack feels: manageable or burdensome [default manageable].
    #[arg(long, value_name = "manageable|burdensome", allow_hyphen_values = true)]
    pub ops_burden: Option<String>,
    /// Loaded monthly cost of one engineer, USD: 0 to 1000000 [default 5000]; not asked.
    #[arg(long, value_name = "USD", allow_hyphen_values = true)]
    pub loaded_monthly_cost: Option<String>,
    /// Availability today, percent: 0 to 100 [default 99.9]; not asked.
    #[arg(long, value_name = "PERCENT", allow_hyphen_values = true)]
    pub availability: Option<String>,
    /// Scenario name: letters, digits, `.`, `_` and `-` [default: the -o file's name, else my-stack].
    #[arg(long, value_name = "NAME", allow_hyphen_values = true)]
    pub name: Option<String>,
}

/// `obs-cost init`.
#[derive(Debug, Args)]
#[command(after_help = "Writes a scenario with every key: the values given, and for every other key the default \
`obs-cost plan` uses, each commented with what it means and where it comes from. On a terminal, a missing \
value among --region, --team, --ops-fte, --dau, --downtime-cost-per-minute and --ops-burden is asked (the default \
shown; Enter takes it); without a terminal a missing value is an error, unless --yes takes the defaults. \
Nothing is written when a value is out of range.\n\
Exit codes: 0 written, 2 an error (a value out of range, a missing value without a terminal, an existing file \
without --force, an unreadable snapshot, I/O).\n\
Examples: obs-cost init --usage usage.yaml\n          \
obs-cost init --usage usage.yaml --team 4 --ops-fte 0.5 --dau 20000 --region ap-northeast-2 \
--downtime-cost-per-minute 50 --ops-burden burdensome -o scenarios/shop.yaml\n          \
obs-cost init --usage usage.yaml --yes --force")]
pub struct InitArgs {
    /// Usage snapshot written by `obs-cost measure`; the scenario points at it.
    #[arg(long, value_name = "FILE")]
    pub usage: Option<PathBuf>,
    /// The scenario's values.
    #[command(flatten)]
    pub values: StarterArgs,
    /// The scenario file to write (atomically; its directory is created) [default scenarios/NAME.yaml].
    #[arg(short = 'o', long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Take the default of every value not given instead of asking.
    #[arg(short = 'y', long)]
    pub yes: bool,
    /// Overwrite the file if it exists.
    #[arg(long)]
    pub force: bool,
}

/// `obs-cost completions`.
#[derive(Debug, Args)]
#[command(after_help = "Prints the completion script on stdout.\n\
Examples: obs-cost completions bash > ~/.local/share/bash-completion/completions/obs-cost\n          \
obs-cost completions zsh > ~/.zfunc/_obs-cost\n          \
obs-cost completions fish > ~/.config/fish/completions/obs-cost.fish\n          \
obs-cost completions powershell >> $PROFILE\n\
Exit codes: 0 ok, 2 an unknown shell.")]
pub struct CompletionsArgs {
    /// The shell.
    #[arg(value_enum, value_name = "SHELL")]
    pub shell: clap_complete::Shell,
}
