//! `obs-cost completions SHELL`: the shell completion script of the whole command line
//! (clap_complete), on stdout.

use anyhow::Result;
use clap::CommandFactory;

use crate::cli::{Cli, CompletionsArgs};

/// `obs-cost completions`.
pub fn run(args: &CompletionsArgs) -> Result<()> {
    let mut script = Vec::new();
    clap_complete::generate(args.shell, &mut Cli::command(), "obs-cost", &mut script);
    let mut text = String::from_utf8(script)?;
    if args.shell == clap_complete::Shell::Bash {
        // clap_complete's bash script spells the states of a hyphenated binary's subcommands two
        // ways (`obs__cost__subcmd__init` where it tracks them, `obs__subcmd__cost__subcmd__init`
        // in the case arms), so no subcommand's flags would complete:
        // https://github.com/clap-rs/clap/issues/6421. Spell the arms the way the loop does.
        text = text.replace("obs__subcmd__cost__", "obs__cost__");
    }
    crate::output::emit(&text, None)
}
