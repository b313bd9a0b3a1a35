//! `obs-cost plan`: load the scenario and its usage, build the plan, render it, or, with
//! `--compare-to OLD.json`, render its difference from an older plan.

use std::path::Path;

use anyhow::{bail, Result};

use crate::cli::{FormatArg, PhaseArg, PlanArgs};
use crate::measure;
use crate::output;
use crate::plan::{self, diff as plan_diff, Plan};
use crate::pricing::PriceBook;
use crate::report;

/// Loads the scenario and the usage, and builds the plan.
pub fn build(args: &PlanArgs, book: &PriceBook) -> Result<Plan> {
    build_any(args.scenario.as_deref(), &args.values, args.usage.as_deref(), args.actual.as_deref(), args.phase, book)
}

/// Builds the plan of a scenario file, or, without one, of the scenario `obs-cost init` would
/// write for the usage snapshot and these values (`cmd::init::starter_scenario`).
pub fn build_any(
    scenario: Option<&Path>,
    values: &crate::cli::StarterArgs,
    usage: Option<&Path>,
    actual: Option<&Path>,
    phase: PhaseArg,
    book: &PriceBook,
) -> Result<Plan> {
    match (scenario, usage) {
        (Some(path), _) => {
            super::init::refuse_with_scenario(values)?;
            build_loaded(crate::scenario::load(path)?, usage, actual, phase, book)
        }
        (None, Some(usage)) => {
            build_loaded(super::init::starter_scenario(values, usage, book)?, Some(usage), actual, phase, book)
        }
        (None, None) => bail!("give --scenario FILE, or --usage FILE to plan a snapshot with the defaults"),
    }
}

/// Builds the plan of a scenario file, with an optional usage snapshot overriding its own.
pub fn build_from(scenario_path: &Path, usage_path: Option<&Path>, phase: PhaseArg, book: &PriceBook) -> Result<Plan> {
    build_with_actual(scenario_path, usage_path, None, phase, book)
}

/// Builds the plan, and compares it with the `actual` section of a usage snapshot when one is given.
pub fn build_with_actual(
    scenario_path: &Path,
    usage_path: Option<&Path>,
    actual_path: Option<&Path>,
    phase: PhaseArg,
    book: &PriceBook,
) -> Result<Plan> {
    build_loaded(crate::scenario::load(scenario_path)?, usage_path, actual_path, phase, book)
}

/// [`build_with_actual`] for a scenario already loaded.
fn build_loaded(
    loaded: crate::scenario::LoadedScenario,
    usage_path: Option<&Path>,
    actual_path: Option<&Path>,
    phase: PhaseArg,
    book: &PriceBook,
) -> Result<Plan> {
    let selected = match phase {
        PhaseArg::All => None,
        PhaseArg::One(n) => Some(n),
    };
    let scenario_path = loaded.path.clone();
    let (plan, _) = plan::with_loaded(loaded, usage_path, book, |engine, inputs| {
        let mut plan = plan::build(engine, &scenario_path, selected)?;
        plan.scenario.inputs = inputs;
        if let Some(path) = actual_path {
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
    let Some(old_path) = &args.compare_to else {
        let plan = build(args, book)?;
        let text = report::render_plan(args.format.into(), &plan)?;
        return output::emit(&text, args.output.as_deref());
    };
    if args.format == FormatArg::Csv {
        bail!("--compare-to renders a diff as table, markdown or json, not csv\nhint: drop --format csv or pick another format");
    }
    let text = crate::input::read_text(old_path, crate::input::PLAN_JSON)?;
    let what = format!("'{}'", old_path.display());
    let hint = "give a file written by `obs-cost plan --format json`";
    let old: serde_json::Value =
        crate::input::parse_json(&text).map_err(|e| crate::input::json_error(&e, &what, hint))?;
    crate::input::reject_json_control_characters(&old, &what, hint)?;
    plan_diff::check_plan_json(&old, &what)?;
    let plan = build(args, book)?;
    let new = serde_json::to_value(&plan)?;
    let d = plan_diff::diff(&old_path.display().to_string(), &old, "current", &new);
    let text = report::render_plan_diff(args.format.into(), &d)?;
    output::emit(&text, args.output.as_deref())
}
