//! `obs-cost report`: a plan (built from a scenario, or read from `--from plan.json`) rendered as
//! one self-contained HTML file. The report renders the plan as written, so both give the same
//! bytes.

use anyhow::{Context, Result};

use crate::cli::{PhaseArg, ReportArgs};
use crate::output;
use crate::plan::Plan;
use crate::pricing::PriceBook;
use crate::report::plan::Html;
use crate::report::Render;

/// The generation time to print: `SOURCE_DATE_EPOCH` (seconds since 1970, UTC) when set, else
/// none, so that a report is reproducible byte for byte.
fn generated_at() -> Result<Option<String>> {
    let Ok(text) = std::env::var("SOURCE_DATE_EPOCH") else { return Ok(None) };
    let secs: u64 = text
        .trim()
        .parse()
        .with_context(|| format!("SOURCE_DATE_EPOCH '{text}' is not a number of seconds since 1970-01-01 UTC"))?;
    let at = std::time::UNIX_EPOCH + std::time::Duration::from_secs(secs);
    let stamp = humantime::format_rfc3339_seconds(at).to_string();
    Ok(Some(stamp.replace('T', " ").replace('Z', " UTC")))
}

/// `obs-cost report`.
pub fn run(args: &ReportArgs, book: impl FnOnce() -> Result<PriceBook>) -> Result<()> {
    let html = Html { generated: generated_at()?, locale: super::locale(&args.lang, Some(&args.currency))? };
    let plan = match &args.from {
        Some(from) => {
            super::init::refuse_with_scenario(&args.values)?;
            Plan::read(from, "plan")?
        }
        None => super::plan::build(
            args.scenario.as_deref(),
            &args.values,
            args.usage.as_deref(),
            args.actual.as_deref(),
            PhaseArg::All,
            &book()?,
        )?,
    };
    let text = html.render(&plan)?;
    output::write_atomic(&args.output, text.as_bytes())?;
    eprintln!("wrote {} ({} bytes)", args.output.display(), text.len());
    if args.open {
        opener::open(&args.output)
            .with_context(|| format!("wrote '{}' but cannot open it in a browser", args.output.display()))?;
    }
    Ok(())
}
