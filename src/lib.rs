//! obs-cost: measure a self-hosted observability stack through Prometheus and price it, phase by
//! phase, on AWS managed services. `run` is the whole program; `main.rs` only maps its result to an
//! exit code. Data flows one way: measure → usage → model → pricing → cost → plan → roi → report.

// No input may crash obs-cost: outside tests, code that could panic on a value (an unwrap, an
// expect, an index or a slice out of range, an explicit panic) does not compile. Where an index is
// proven in range, a local `allow` says why.
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::panic))]

pub mod aws;
mod cli;
mod cmd;
pub mod cost;
pub mod error;
pub mod i18n;
pub mod input;
pub mod measure;
pub mod model;
pub mod output;
pub mod plan;
pub mod pricing;
pub mod redact;
pub mod report;
mod roi;
pub mod scenario;
pub mod suggest;
mod suite;
pub mod units;

use std::process::ExitCode;

use clap::Parser;

pub use error::{CheckFailed, EXIT_CHECK_FAILED, EXIT_ERROR, EXIT_OK};

/// Runs one command line and returns the process exit code, printing any error once on stderr.
pub fn main_with_exit_code() -> ExitCode {
    let cli = cli::Cli::parse();
    match cmd::run(cli) {
        Ok(()) => ExitCode::from(EXIT_OK),
        Err(err) => error::report(&err),
    }
}
