//! Command-line types only (clap derive), and their mapping to the renderers' formats: no logic
//! here and nothing below `cmd/` sees them. Exit codes: 0 ok, 1 a check failed, 2 an error.

pub mod init;
pub mod measure;

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::report::Format;

pub mod plan;
pub mod report;
pub mod scenarios;
pub mod used_series;

pub use init::{CompletionsArgs, InitArgs, StarterArgs};
pub use plan::{PhaseArg, PlanArgs};
pub use report::ReportArgs;
pub use scenarios::{ScenariosCheckArgs, ScenariosCommand};

/// Measure a self-hosted observability stack and price it, phase by phase, on AWS managed services.
#[derive(Debug, Parser)]
#[command(
    name = "obs-cost",
    version,
    about,
    after_help = "Exit codes: 0 ok, 1 a check failed, 2 an error (bad input, I/O, network)."
)]
pub struct Cli {
    /// Read prices from this directory (free-tiers.yaml and REGION.yaml files) instead of the bundled price book.
    #[arg(long, global = true, value_name = "DIR", env = "OBS_COST_PRICE_BOOK")]
    pub price_book: Option<PathBuf>,
    /// The command to run.
    #[command(subcommand)]
    pub command: Command,
}

/// The commands.
#[derive(Debug, Subcommand)]
#[allow(clippy::large_enum_variant)] // parsed once per run; boxing would only add indirection
pub enum Command {
    /// Price a file of AWS quantities directly, the way the AWS Pricing Calculator does.
    Estimate(EstimateArgs),
    /// Plan a phased migration from a scenario: costs per phase, ROI, payback, decision, switch points.
    Plan(PlanArgs),
    /// Write the plan as one self-contained HTML report with charts (offline, no script).
    Report(ReportArgs),
    /// Inspect, refresh or compare the price book.
    #[command(subcommand)]
    Pricing(PricingCommand),
    /// Check scenarios in CI: expectations, guardrails and golden plans.
    #[command(subcommand)]
    Scenarios(ScenariosCommand),
    /// Measure a live stack's usage through Prometheus's HTTP API (and, with --cloudwatch, the AWS side's actual usage) and write a usage snapshot.
    Measure(measure::MeasureArgs),
    /// Write a scenario for a usage snapshot: every key, with the values given and the defaults, commented.
    Init(InitArgs),
    /// Print a shell completion script (bash, zsh, fish, powershell).
    Completions(CompletionsArgs),
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

/// `--lang`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LangArg {
    /// English.
    En,
    /// Korean (한국어).
    Ko,
}

/// The language of the human-readable output (`--lang`).
#[derive(Debug, Clone, Args)]
pub struct LangArgs {
    /// Language of the human-readable output (tables, Markdown, HTML); JSON, CSV and YAML do not
    /// change. Default: OBS_COST_LANG, else a `ko` locale in LC_ALL / LC_MESSAGES / LANG gives
    /// Korean, else English.
    #[arg(long, value_enum, value_name = "en|ko", env = "OBS_COST_LANG")]
    pub lang: Option<LangArg>,
}

/// `--currency KRW --fx-rate N [--fx-date D]`: won beside the dollar amounts.
#[derive(Debug, Clone, Args)]
pub struct CurrencyArgs {
    /// Also show amounts in this currency beside US dollars (the price book's currency): KRW.
    #[arg(long, value_enum, value_name = "KRW", requires = "fx_rate")]
    pub currency: Option<CurrencyArg>,
    /// Won per US dollar for --currency KRW, e.g. 1380.5 (an input: never fetched).
    #[arg(long, value_name = "N", requires = "currency")]
    pub fx_rate: Option<String>,
    /// The date the --fx-rate is for (YYYY-MM-DD), printed with it.
    #[arg(long, value_name = "DATE", requires = "fx_rate")]
    pub fx_date: Option<String>,
}

/// `--currency`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CurrencyArg {
    /// South Korean won (₩, no decimals).
    #[value(name = "KRW", alias = "krw")]
    Krw,
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
#[command(after_help = concat!(
    "Examples:\n",
    "  obs-cost estimate --aws-usage examples/aws-usage.yaml\n",
    "  obs-cost estimate --aws-usage usage.yaml --region ap-northeast-2 --format json -o estimate.json\n",
    "\n",
    "-o writes atomically; a device, FIFO or symlink is written through, a read-only file refused.\n",
    "Exit codes: 0 ok, 2 an error (bad or oversized usage file, missing price, I/O); nothing is\n",
    "  written on error."
))]
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
    /// Language of the human-readable output.
    #[command(flatten)]
    pub lang: LangArgs,
    /// Won beside dollars.
    #[command(flatten)]
    pub currency: CurrencyArgs,
}

/// `obs-cost pricing ...`.
#[derive(Debug, Subcommand)]
pub enum PricingCommand {
    /// List the price book's entries and free tiers.
    Show(PricingShowArgs),
    /// Re-read the price book's entries of a region from the AWS Price List and write a new snapshot.
    Refresh(PricingRefreshArgs),
    /// Compare two price books: changed prices (absolute and %), added and removed entries.
    Diff(PricingDiffArgs),
}

/// Where `pricing refresh` reads prices.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum RefreshSourceArg {
    /// AWS Price List Query API (GetProducts); needs AWS credentials (pricing:GetProducts).
    Api,
    /// Public per-region bulk offer files; no credentials, larger downloads.
    Bulk,
}

/// `obs-cost pricing refresh`.
#[derive(Debug, Args)]
#[command(after_help = concat!(
    "Examples:\n",
    "  obs-cost pricing refresh --region ap-northeast-2          # Query API, AWS credentials\n",
    "  obs-cost pricing refresh --region us-east-1 --source bulk -o price-book/next\n",
    "\n",
    "Exit codes: 0 every entry refreshed; 1 the snapshot was written but some entries were kept\n",
    "  from the old book (listed); 2 an error, nothing written (no credentials, offline, no entry\n",
    "  could be refreshed, an answer over its size limit)."
))]
pub struct PricingRefreshArgs {
    /// AWS region to refresh, e.g. ap-northeast-2.
    #[arg(long, value_name = "REGION")]
    pub region: String,
    /// Only these services: AWS service codes (AmazonRDS) or price-id prefixes (cloudwatch_logs), comma-separated.
    #[arg(long, value_name = "SERVICE,...", value_delimiter = ',')]
    pub services: Vec<String>,
    /// Where to read prices.
    #[arg(long, value_enum, default_value_t = RefreshSourceArg::Api)]
    pub source: RefreshSourceArg,
    /// Directory to write REGION.yaml and free-tiers.yaml to (default price-book/DATE).
    #[arg(short = 'o', long, value_name = "DIR")]
    pub output: Option<PathBuf>,
    /// Largest bulk offer file to download, in MB (checked with HEAD first, and while reading).
    #[arg(long, value_name = "MB", default_value_t = 1024)]
    pub max_offer_mb: u64,
    /// Base URL of the bulk offer files (tests, mirrors).
    #[arg(long, hide = true, value_name = "URL", env = "OBS_COST_PRICING_BULK_URL")]
    pub bulk_url: Option<String>,
    /// Snapshot date instead of today (UTC), YYYY-MM-DD (reproducible tests).
    #[arg(long, hide = true, value_name = "DATE")]
    pub snapshot_date: Option<String>,
}

/// Formats for `pricing diff`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DiffFormatArg {
    /// Aligned terminal table.
    Table,
    /// JSON.
    Json,
    /// GitHub-flavoured Markdown.
    Markdown,
}

/// `obs-cost pricing diff`.
#[derive(Debug, Args)]
#[command(after_help = "Examples:\n  \
obs-cost pricing diff bundled price-book/next --scenarios scenarios/   # and the decisions that flip\n  \
obs-cost pricing diff pricing-data/us-east-1.yaml price-book/next/us-east-1.yaml --format markdown -o price-diff.md\n\n\
Exit codes: 0 the diff was written (whether or not prices changed); 2 an error (a book or region file \
that does not read, a scenario that cannot be planned).")]
pub struct PricingDiffArgs {
    /// The old price book: a directory, a region file, or `bundled`.
    #[arg(value_name = "OLD")]
    pub old: PathBuf,
    /// The new price book: a directory, a region file, or `bundled`.
    #[arg(value_name = "NEW")]
    pub new: PathBuf,
    /// Plan the scenarios of this directory with both books and list the decisions that flip
    /// (default `scenarios` when it exists; `none` to skip).
    #[arg(long, value_name = "DIR")]
    pub scenarios: Option<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = DiffFormatArg::Table)]
    pub format: DiffFormatArg,
    /// Write to this file (atomically) instead of stdout.
    #[arg(short = 'o', long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

/// Formats for `pricing show`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ShowFormatArg {
    /// Aligned terminal table.
    Table,
    /// JSON.
    Json,
    /// YAML: one region's price-book file (save it as DIR/REGION.yaml beside free-tiers.yaml and
    /// read it with --price-book DIR); needs --region when the book has several regions
    Yaml,
    /// GitHub-flavoured Markdown.
    Markdown,
}

/// A price-book entry status, for `pricing show --status`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum StatusArg {
    /// Read from a public source for the region.
    Confirmed,
    /// Computed from a confirmed entry by the rule the entry states.
    Derived,
    /// No source read gives it for the region (see its note).
    Unconfirmed,
}

/// `obs-cost pricing show`.
#[derive(Debug, Args)]
#[command(after_help = "An entry is stale when its source date (as_of) is more than 18 months before the \
region's snapshot date, or before --as-of DATE when given.\n\n\
Examples:\n  \
obs-cost pricing show --region ap-northeast-2 --status unconfirmed\n  \
obs-cost pricing show --summary\n  \
obs-cost pricing show --region us-east-1 --format yaml > book/us-east-1.yaml   # a loadable region file\n\n\
Exit codes: 0 ok; 2 an error (an unknown region or service, a price book that does not read, \
--format yaml over several regions).")]
pub struct PricingShowArgs {
    /// Only this region.
    #[arg(long, value_name = "REGION")]
    pub region: Option<String>,
    /// Only this service: an AWS service code (AmazonRDS) or a price-id prefix (cloudwatch_logs, rds).
    #[arg(long, value_name = "SERVICE")]
    pub service: Option<String>,
    /// Only entries with this status.
    #[arg(long, value_enum)]
    pub status: Option<StatusArg>,
    /// Only stale entries (source date more than 18 months before the reference date).
    #[arg(long)]
    pub stale: bool,
    /// Judge staleness as of this date (YYYY-MM-DD) instead of each region's snapshot date.
    #[arg(long, value_name = "DATE")]
    pub as_of: Option<String>,
    /// Print how many entries each region and service has per status, and how many are stale.
    #[arg(long, conflicts_with_all = ["status", "stale"])]
    pub summary: bool,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ShowFormatArg::Table)]
    pub format: ShowFormatArg,
    /// Language of the human-readable output.
    #[command(flatten)]
    pub lang: LangArgs,
}

impl From<FormatArg> for Format {
    fn from(value: FormatArg) -> Self {
        match value {
            FormatArg::Table => Format::Table,
            FormatArg::Json => Format::Json,
            FormatArg::Markdown => Format::Markdown,
            FormatArg::Csv => Format::Csv,
        }
    }
}

impl From<DiffFormatArg> for Format {
    fn from(value: DiffFormatArg) -> Self {
        match value {
            DiffFormatArg::Table => Format::Table,
            DiffFormatArg::Json => Format::Json,
            DiffFormatArg::Markdown => Format::Markdown,
        }
    }
}

impl From<ShowFormatArg> for Format {
    fn from(value: ShowFormatArg) -> Self {
        match value {
            ShowFormatArg::Table => Format::Table,
            ShowFormatArg::Json => Format::Json,
            ShowFormatArg::Yaml => Format::Yaml,
            ShowFormatArg::Markdown => Format::Markdown,
        }
    }
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
