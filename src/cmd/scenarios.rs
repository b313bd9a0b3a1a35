//! `obs-cost scenarios check`: find the scenarios, run the suite, render its result, and map it to
//! the exit code (1 when anything did not hold, 2 when a scenario could not be checked).

use anyhow::{anyhow, Result};

use crate::cli::ScenariosCheckArgs;
use crate::error::CheckFailed;
use crate::output;
use crate::pricing::PriceBook;
use crate::report;
use crate::suite;

/// Failures named per scenario in the error message at most (the output lists them all).
const MAX_NAMED: usize = 3;

/// `obs-cost scenarios check`.
pub fn check(args: &ScenariosCheckArgs, book: &PriceBook) -> Result<()> {
    let (files, skipped) = suite::discover(&args.paths)?;
    let result = suite::run(&files, skipped, book, args.update);
    output::emit(
        &report::suite::renderer(args.format.into(), &super::locale(&args.lang, None)?)?.render(&result)?,
        args.output.as_deref(),
    )?;
    if result.errors() > 0 {
        let errors: Vec<String> =
            result.scenarios.iter().filter_map(|s| s.error.as_ref().map(|e| format!("{}: {e}", s.file))).collect();
        return Err(anyhow!(
            "{} scenario(s) could not be checked (the others were):\n{}\nhint: fix each file named above; `obs-cost plan --scenario FILE` shows the same error",
            result.errors(),
            errors.join("\n")
        ));
    }
    if result.failed() > 0 {
        // Every failing scenario is named, with its first few failures (the output lists all).
        let mut msg = result.summary();
        for sc in result.scenarios.iter().filter(|sc| sc.error.is_none() && !sc.failures.is_empty()) {
            for f in sc.failures.iter().take(MAX_NAMED) {
                msg.push_str(&format!("\n{}: {f}", sc.name));
            }
            if sc.failures.len() > MAX_NAMED {
                msg.push_str(&format!("\n{}: ... and {} more", sc.name, sc.failures.len() - MAX_NAMED));
            }
        }
        msg.push_str("\nhint: if the change is intended, update the `expect:` block, or rewrite the goldens with `obs-cost scenarios check --update` and commit them");
        return Err(CheckFailed(msg).into());
    }
    Ok(())
}
