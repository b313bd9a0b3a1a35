//! `obs-cost plan`: load the scenario and its usage, build the plan, render it.

use std::path::Path;

use anyhow::Result;

use crate::cli::{PhaseArg, PlanArgs};
use crate::output;
use crate::plan::{self, Engine, Plan};
use crate::pricing::PriceBook;
use crate::report;
use crate::scenario::{self, usage, Usage};

/// Loads the scenario and the usage, and builds the plan.
pub fn build(args: &PlanArgs, book: &PriceBook) -> Result<Plan> {
    build_from(&args.scenario, args.usage.as_deref(), args.phase, book)
}

/// Builds the plan of a scenario file, with an optional usage snapshot overriding its own.
pub fn build_from(scenario_path: &Path, usage_path: Option<&Path>, phase: PhaseArg, book: &PriceBook) -> Result<Plan> {
    let loaded = scenario::load(scenario_path)?;
    let s = &loaded.scenario;
    let snapshot = usage_path.map(Path::to_path_buf).or_else(|| {
        s.usage.snapshot.as_ref().map(|p| scenario_path.parent().map_or_else(|| p.clone(), |dir| dir.join(p)))
    });
    let measured = match snapshot {
        Some(path) => usage::from_snapshot(&path)?,
        None => Usage::default(),
    };
    let merged = s.usage.over(&measured);
    let engine = Engine::new(s, merged, book)?;
    let selected = match phase {
        PhaseArg::All => None,
        PhaseArg::One(n) => Some(n),
    };
    let mut plan = plan::build(&engine, scenario_path, selected)?;
    plan.scenario.inputs = loaded
        .inputs
        .iter()
        .map(|(key, value)| plan::ScenarioInput { key: key.clone(), value: value.clone() })
        .collect();
    Ok(plan)
}

/// `obs-cost plan`.
pub fn run(args: &PlanArgs, book: &PriceBook) -> Result<()> {
    let plan = build(args, book)?;
    let text = report::render_plan(args.format.into(), &plan)?;
    output::emit(&text, args.output.as_deref())
}
