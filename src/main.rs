//! The `obs-cost` binary: parse the command line, run it, print the error chain once, exit.

use std::process::ExitCode;

fn main() -> ExitCode {
    obs_cost::main_with_exit_code()
}
