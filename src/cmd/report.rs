//! `obs-cost report`: a plan (built from a scenario, or read from `--from plan.json`) rendered as
//! one self-contained HTML file. Both paths go through the plan JSON, so they give the same bytes.

use std::path::Path;

use anyhow::{Context, Result};

use crate::cli::{PhaseArg, ReportArgs};
use crate::output;
use crate::pricing::PriceBook;
use crate::report::{html, plan_json, plan_view};

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

/// Reads a saved plan.
fn read_plan(path: &Path) -> Result<plan_view::PlanView> {
    let text = crate::input::read_text(path, crate::input::PLAN_JSON)?;
    // A bounded read first: the renderer's own parse would build any JSON tree, however large.
    let (what, hint) =
        (format!("'{}'", path.display()), "write one with `obs-cost plan --scenario FILE --format json -o plan.json`");
    let tree = crate::input::parse_json(&text).map_err(|e| crate::input::json_error(&e, &what, hint))?;
    crate::input::reject_json_control_characters(&tree, &what, hint)?;
    plan_view::parse(&text).map_err(|why| {
        anyhow::anyhow!(
            "'{}' is not a plan obs-cost can render: {}\nhint: write one with `obs-cost plan --scenario FILE --format json -o plan.json`",
            path.display(),
            crate::redact::scrub_parse_error(&why)
        )
    })
}

/// Renders the report of a plan JSON document.
pub fn render_json(json: &str, generated: Option<&str>) -> Result<String> {
    let view = plan_view::parse(json).map_err(|why| {
        anyhow::anyhow!("the plan does not read back as a plan ({why}); this is a bug in obs-cost, please report it")
    })?;
    html::render(&view, generated)
}

/// `obs-cost report`.
pub fn run(args: &ReportArgs, book: impl FnOnce() -> Result<PriceBook>) -> Result<()> {
    let generated = generated_at()?;
    let html = match &args.from {
        Some(from) => {
            super::init::refuse_with_scenario(&args.values)?;
            html::render(&read_plan(from)?, generated.as_deref())?
        }
        None => {
            let plan = super::plan::build_any(
                args.scenario.as_deref(),
                &args.values,
                args.usage.as_deref(),
                args.actual.as_deref(),
                PhaseArg::All,
                &book()?,
            )?;
            render_json(&plan_json::plan(&plan)?, generated.as_deref())?
        }
    };
    output::write_atomic(&args.output, html.as_bytes())?;
    eprintln!("wrote {} ({} bytes)", args.output.display(), html.len());
    if args.open {
        opener::open(&args.output)
            .with_context(|| format!("wrote '{}' but cannot open it in a browser", args.output.display()))?;
    }
    Ok(())
}
