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

use crate::cli::{Cli, Command, CurrencyArg, CurrencyArgs, LangArg, LangArgs, PricingCommand, ScenariosCommand};
use crate::i18n::{Fx, Lang, Locale};
use crate::pricing::PriceBook;

/// The language of `--lang` (clap reads `OBS_COST_LANG` for it), else of the locale variables.
pub fn lang(args: &LangArgs) -> Lang {
    match args.lang {
        Some(LangArg::En) => Lang::En,
        Some(LangArg::Ko) => Lang::Ko,
        None => Lang::from_env_vars(|k| std::env::var(k).ok()),
    }
}

/// The locale of the human-readable output: `--lang`, and won beside dollars with `--currency KRW`.
pub fn locale(lang_args: &LangArgs, currency: Option<&CurrencyArgs>) -> Result<Locale> {
    let fx = match currency {
        Some(CurrencyArgs { currency: Some(CurrencyArg::Krw), fx_rate: Some(rate), fx_date }) => {
            Some(Fx::parse(rate, fx_date.as_deref())?)
        }
        _ => None,
    };
    Ok(Locale { lang: lang(lang_args), fx })
}

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
