//! Exit codes and the one place errors are printed. Exit codes are an API: 0 ok, 1 a check failed
//! (an expectation, guardrail or golden did not hold), 2 an error (bad input, I/O, network).

use std::process::ExitCode;

/// Success.
pub const EXIT_OK: u8 = 0;
/// The run worked but a check failed.
pub const EXIT_CHECK_FAILED: u8 = 1;
/// Bad input, I/O or network error; also clap's usage-error code.
pub const EXIT_ERROR: u8 = 2;

/// Returned by commands whose run worked but whose checks did not hold: exits 1.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct CheckFailed(pub String);

/// Prints an error chain once on stderr and returns its exit code. A closed stdout (`| head`)
/// is not an error and exits 0 quietly. Control characters a message may carry from a server or
/// a file (ANSI escapes) are printed escaped, never raw.
pub fn report(err: &anyhow::Error) -> ExitCode {
    for cause in err.chain() {
        if let Some(io) = cause.downcast_ref::<std::io::Error>() {
            if io.kind() == std::io::ErrorKind::BrokenPipe {
                return ExitCode::from(EXIT_OK);
            }
        }
    }
    if let Some(check) = err.downcast_ref::<CheckFailed>() {
        eprintln!("obs-cost: check failed: {}", crate::redact::escape_control(&check.to_string()));
        return ExitCode::from(EXIT_CHECK_FAILED);
    }
    eprintln!("obs-cost: error: {}", crate::redact::escape_control(&format!("{err:#}")));
    ExitCode::from(EXIT_ERROR)
}
