//! Command-line types only (clap derive): no logic here and nothing below `cmd/` sees them.
//! Exit codes: 0 ok, 1 a check failed, 2 an error.

pub mod measure;

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// Measure a self-hosted observability stack and price it, phase by phase, on AWS managed services.
#[derive(Debug, Parser)]
#[command(
    name = "obs-cost",
    version,
    about,
    after_help = "Exit codes: 0 ok, 1 a check failed, 2 an error (bad input, I/O, network)."
)]
pub struct Cli {
    /// Read prices from this directory (free-tiers.yaml and <region>.yaml files) instead of the bundled price book.
    #[arg(long, global = true, value_name = "DIR", env = "OBS_COST_PRICE_BOOK")]
    pub price_book: Option<PathBuf>,
    /// The command to run.
    #[command(subcommand)]
    pub command: Command,
}

/// The commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Price a file of AWS quantities directly, the way the AWS Pricing Calculator does.
    Estimate(EstimateArgs),
    /// Inspect the price book.
    #[command(subcommand)]
    Pricing(PricingCommand),
    /// Measure a live stack's usage through Prometheus's HTTP API and write a usage snapshot.
    Measure(measure::MeasureArgs),
}

/// Output formats for cost results.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FormatArg {
    /// Aligned terminal table.
    Table,
    /// Machine-readable JSON (money rounded to the cent, unit prices exact).
    Json,
    /// GitHub-flavoured Markdown, for pull requests.
    Markdown,
    /// Comma-separated values, one line item per row.
    Csv,
}

/// `on` or `off`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OnOff {
    /// Enabled.
    On,
    /// Disabled.
    Off,
}

/// `obs-cost estimate`.
#[derive(Debug, Args)]
pub struct EstimateArgs {
    /// YAML file of AWS quantities (see examples/aws-usage.yaml).
    #[arg(long, value_name = "FILE")]
    pub aws_usage: PathBuf,
    /// AWS region to price in (overrides the file's `region`; default us-east-1).
    #[arg(long, value_name = "REGION")]
    pub region: Option<String>,
    /// Apply the account-wide free tiers (overrides the file's `free_tier`; default on).
    #[arg(long, value_name = "on|off")]
    pub free_tier: Option<OnOff>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = FormatArg::Table)]
    pub format: FormatArg,
    /// Write to this file (atomically) instead of stdout.
    #[arg(short = 'o', long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

/// `obs-cost pricing ...`.
#[derive(Debug, Subcommand)]
pub enum PricingCommand {
    /// List the price book's entries and free tiers.
    Show(PricingShowArgs),
}

/// Formats for `pricing show`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ShowFormatArg {
    /// Aligned terminal table.
    Table,
    /// JSON.
    Json,
    /// YAML, in the price-book file format.
    Yaml,
}

/// `obs-cost pricing show`.
#[derive(Debug, Args)]
pub struct PricingShowArgs {
    /// Only this region.
    #[arg(long, value_name = "REGION")]
    pub region: Option<String>,
    /// Only this service: an AWS service code (AmazonRDS) or a price-id prefix (cloudwatch_logs, rds).
    #[arg(long, value_name = "SERVICE")]
    pub service: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ShowFormatArg::Table)]
    pub format: ShowFormatArg,
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn verify_cli() {
        Cli::command().debug_assert();
    }
}
