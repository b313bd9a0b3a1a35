//! `obs-cost plan`: load the scenario (or, with `--usage` alone, the one `obs-cost init` would
//! write) and its usage, build the plan, render it, or, with `--compare-to OLD.json`, render its
//! difference from an older plan.

use std::path::Path;

use anyhow::{bail, Result};

use crate::cli::{FormatArg, PhaseArg, PlanArgs, StarterArgs};
use crate::measure;
use crate::output;
use crate::plan::{self, diff as plan_diff, Plan};
use crate::pricing::PriceBook;
use crate::report;

/// Builds the plan of a scenario file, or, without one, of the scenario `obs-cost init` would
/// write for the usage snapshot and these values (`cmd::init::starter_scenario`); the snapshot
/// `usage` overrides the scenario's own. The one way every command builds a plan.
pub fn build(
    scenario: Option<&Path>,
    values: &StarterArgs,
    usage: Option<&Path>,
    actual: Option<&Path>,
    phase: PhaseArg,
    book: &PriceBook,
) -> Result<Plan> {
    let loaded = match (scenario, usage) {
        (Some(path), _) => {
            super::init::refuse_with_scenario(values)?;
            crate::scenario::load(path)?
        }
        (None, Some(usage)) => super::init::starter_scenario(values, usage, book)?,
        (None, None) => bail!("give --scenario FILE, or --usage FILE to plan a snapshot with the defaults"),
    };
    build_loaded(loaded, usage, actual, phase, book)
}

/// Builds the plan of a loaded scenario for the phases asked for, and compares it with the
/// `actual` section of the snapshot `actual` when one is given.
fn build_loaded(
    loaded: crate::scenario::LoadedScenario,
    usage: Option<&Path>,
    actual: Option<&Path>,
    phase: PhaseArg,
    book: &PriceBook,
) -> Result<Plan> {
    let selected = match phase {
        PhaseArg::All => None,
        PhaseArg::One(n) => Some(n),
    };
    let scenario_path = loaded.path.clone();
    let (plan, _) = plan::with_loaded(loaded, usage, book, |engine, inputs| {
        if let Some(p) = selected {
            if p == 0 || p as usize > engine.phases.len() {
                bail!("--phase {p} is not a phase of this scenario (1 to {})", engine.phases.len());
            }
        }
        let mut plan = plan::build(engine, &scenario_path, selected)?;
        plan.scenario.inputs = inputs;
        if let Some(path) = actual {
            let snapshot = measure::load_snapshot(path)?;
            let Some(actual) = &snapshot.actual else {
                bail!(
                    "usage snapshot '{}' has no `actual` section\nhint: write one with `obs-cost measure --cloudwatch --region {} -o FILE`",
                    path.display(),
                    plan.region
                );
            };
            plan.actual_comparison = Some(plan::actual::compare(engine, &plan, actual, &path.display().to_string())?);
        }
        Ok(plan)
    })?;
    Ok(plan)
}

/// `obs-cost plan`.
pub fn run(args: &PlanArgs, book: &PriceBook) -> Result<()> {
    let build = || {
        build(args.scenario.as_deref(), &args.values, args.usage.as_deref(), args.actual.as_deref(), args.phase, book)
    };
    let Some(old_path) = &args.compare_to else {
        let locale = super::locale(&args.lang, Some(&args.currency))?;
        let text = report::plan::renderer(args.format.into(), &locale)?.render(&build()?)?;
        return output::emit(&text, args.output.as_deref());
    };
    if args.format == FormatArg::Csv {
        bail!("--compare-to renders a diff as table, markdown or json, not csv\nhint: drop --format csv or pick another format");
    }
    let old = Plan::read(old_path, "the plan to compare to")?;
    let new = build()?.as_written()?;
    let d = plan_diff::diff(&old_path.display().to_string(), &old, "current", &new)?;
    let text = report::plan_diff::renderer(args.format.into(), &super::locale(&args.lang, Some(&args.currency))?)?
        .render(&d)?;
    output::emit(&text, args.output.as_deref())
}
