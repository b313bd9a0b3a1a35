//! `obs-cost plan`: load the scenario and its usage, build the plan, render it.

use anyhow::Result;

use crate::cli::{PhaseArg, PlanArgs};
use crate::output;
use crate::plan::{self, Engine, Plan};
use crate::pricing::PriceBook;
use crate::report;
use crate::scenario::{self, usage, Usage};

/// Loads the scenario and the usage, and builds the plan.
pub fn build(args: &PlanArgs, book: &PriceBook) -> Result<Plan> {
    let loaded = scenario::load(&args.scenario)?;
    let s = &loaded.scenario;
    let snapshot = args.usage.clone().or_else(|| {
        s.usage.snapshot.as_ref().map(|p| args.scenario.parent().map_or_else(|| p.clone(), |dir| dir.join(p)))
    });
    let measured = match snapshot {
        Some(path) => usage::from_snapshot(&path)?,
        None => Usage::default(),
    };
    let merged = s.usage.over(&measured);
    let engine = Engine::new(s, merged, book)?;
    let selected = match args.phase {
        PhaseArg::All => None,
        PhaseArg::One(n) => Some(n),
    };
    plan::build(&engine, &args.scenario, selected)
}

/// `obs-cost plan`.
pub fn run(args: &PlanArgs, book: &PriceBook) -> Result<()> {
    let plan = build(args, book)?;
    let text = report::render_plan(args.format.into(), &plan)?;
    output::emit(&text, args.output.as_deref())
}
