//! One file per subcommand: thin glue that loads inputs, calls the domain and hands the result to
//! a renderer. The only layer that sees clap types.

pub mod completions;
pub mod estimate;
pub mod init;
pub mod measure;
pub mod measure_summary;
pub mod plan;
pub mod pricing;
pub mod report;
pub mod scenarios;
pub mod used_series;

use anyhow::Result;

use crate::cli::{Cli, Command, PricingCommand, ScenariosCommand};
use crate::pricing::PriceBook;

/// Runs a parsed command line.
pub fn run(cli: Cli) -> Result<()> {
    let book = || PriceBook::load(cli.price_book.as_deref());
    match &cli.command {
        Command::Estimate(args) => estimate::run(args, &book()?),
        Command::Plan(args) => plan::run(args, &book()?),
        Command::Report(args) => report::run(args, book),
        Command::Pricing(PricingCommand::Show(args)) => pricing::show(args, &book()?),
        Command::Pricing(PricingCommand::Refresh(args)) => pricing::refresh(args, &book()?),
        Command::Pricing(PricingCommand::Diff(args)) => pricing::diff(args),
        Command::Scenarios(ScenariosCommand::Check(args)) => scenarios::check(args, &book()?),
        Command::Measure(args) => measure::run(args),
        Command::Init(args) => init::run(args, &book()?),
        Command::Completions(args) => completions::run(args),
    }
}
