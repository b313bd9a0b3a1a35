//! `obs-cost completions SHELL`: the shell completion script of the whole command line
//! (clap_complete), on stdout.

use anyhow::Result;
use clap::CommandFactory;

use crate::cli::{Cli, CompletionsArgs};

/// `obs-cost completions`.
pub fn run(args: &CompletionsArgs) -> Result<()> {
    let mut script = Vec::new();
    clap_complete::generate(args.shell, &mut Cli::command(), "obs-cost", &mut script);
    let text = String::from_utf8(script)?;
    crate::output::emit(&text, None)
}
