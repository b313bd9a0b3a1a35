//! Building the plan: a scenario file becomes an engine ([`with_engine`], the one place), and the
//! engine's evaluations become the [`Plan`] document ([`build`]): per phase the AWS and self-hosted
//! costs, one-time costs, ROI, cash flow and decision; the decision tree against the ROI; switch
//! points, uncertainty, the usage section, the prices used and the notes.

use std::collections::BTreeMap;
use std::path::Path;

use anyhow::{Context, Result};
use rust_decimal::Decimal;

use super::document::{
    Baseline, DecisionTree, Inputs, MappingNote, PhasePlan, Plan, RegionSnapshot, ScenarioInfo, ScenarioInput,
    TreeThresholds, UsedPrice, PLAN_SCHEMA_VERSION,
};
use super::engine::{AwsPhase, Engine};
use super::values::Values;
use super::{findings, measured, switch, uncertainty, used};
use crate::cost::{Costing, PriceFlags, PriceRef};
use crate::pricing::PriceBook;
use crate::roi::{self, tree, CashFlowInputs, Decision};
use crate::scenario::{MetricsTarget, Scenario, Workload};
use crate::units::{usd, Exact, Money};

/// Default horizon, months (`scenario::defaults`).
pub const DEFAULT_HORIZON_MONTHS: u32 = crate::scenario::defaults::HORIZON_MONTHS.count();

/// Loads a scenario file and its usage (the scenario's `usage.snapshot`, relative to the file, or
/// `usage` when given; inline values win over measured ones), and runs `f` on an engine for them,
/// with the scenario's inputs for the plan. The one place a scenario file becomes an engine.
pub fn with_engine<T>(
    path: &Path,
    usage: Option<&Path>,
    book: &PriceBook,
    f: impl FnOnce(&Engine<'_>, Vec<ScenarioInput>) -> Result<T>,
) -> Result<(T, Scenario)> {
    with_loaded(crate::scenario::load(path)?, usage, book, f)
}

/// [`with_engine`] for a scenario already loaded (from a file, or from the text `obs-cost init`
/// would write); its `usage.snapshot` is relative to `loaded.path`.
pub fn with_loaded<T>(
    loaded: crate::scenario::LoadedScenario,
    usage: Option<&Path>,
    book: &PriceBook,
    f: impl FnOnce(&Engine<'_>, Vec<ScenarioInput>) -> Result<T>,
) -> Result<(T, Scenario)> {
    let path = loaded.path.as_path();
    let s = loaded.scenario.clone();
    let snapshot = usage
        .map(Path::to_path_buf)
        .or_else(|| s.usage.snapshot.as_ref().map(|p| path.parent().map_or_else(|| p.clone(), |dir| dir.join(p))));
    let measured = match snapshot {
        Some(p) => crate::scenario::usage::from_snapshot(&p)?,
        None => crate::scenario::usage::MeasuredUsage::default(),
    };
    let merged = s.usage.over(&measured.usage);
    let mut engine = Engine::new(&s, merged, book)?;
    engine.measured = measured.provenance;
    let inputs =
        loaded.inputs.iter().map(|(key, value)| ScenarioInput { key: key.clone(), value: value.clone() }).collect();
    let out = f(&engine, inputs)?;
    Ok((out, s))
}

/// Loads a scenario file and its usage and builds its plan of every phase (see [`with_engine`]).
/// The plan names the scenario file as `shown_as`.
pub fn from_file(path: &Path, usage: Option<&Path>, book: &PriceBook, shown_as: &Path) -> Result<(Plan, Scenario)> {
    with_engine(path, usage, book, |engine, inputs| {
        let mut plan = build(engine, shown_as, None)?;
        plan.scenario.inputs = inputs;
        Ok(plan)
    })
}

/// Every costing of the plan, once each: the baseline, each phase's AWS side, what remains.
fn costings<'a>(
    baseline: &'a Costing,
    aws: &'a [AwsPhase],
    remaining: &'a [super::engine::Priced],
) -> impl Iterator<Item = &'a Costing> {
    std::iter::once(baseline).chain(aws.iter().map(|p| &p.priced.costing)).chain(remaining.iter().map(|p| &p.costing))
}

/// Builds the plan of every phase, or of the `selected` one (a phase number of the scenario; the
/// caller checks it).
pub fn build(engine: &Engine<'_>, scenario_path: &Path, selected: Option<u32>) -> Result<Plan> {
    let s = engine.scenario;
    let values = Values::expected();
    let estate = engine.estate(&values)?;
    let state = engine.state(&values, Decimal::ONE, true)?;
    let biz = engine.business(&values);
    let aws: Vec<Decimal> = state.iter().map(|p| p.priced.total()).collect();
    let base_total = estate.baseline.total();
    let eco = engine.economics(&biz, &aws, &estate.remaining_totals(), base_total, Decimal::ONE);
    let horizon = s.horizon_months.unwrap_or(DEFAULT_HORIZON_MONTHS);
    let now_above = s.decision.migrate_now_above_usd.0;
    let grad_from = s.decision.migrate_gradually_from_usd.0;
    let base_minutes = roi::downtime_minutes(biz.base_availability, engine.hours);
    let mut phases = Vec::new();
    let mut on_aws = Vec::new();
    let mut notes = Vec::new();
    let series = used::phases(engine)?;
    let per_phase = engine.phases.iter().zip(&eco).zip(&state).zip(&estate.remaining).zip(&biz.phases).zip(series);
    for (((((p, e), aws_side), rem), pb), cloudwatch_series) in per_phase {
        on_aws.extend(p.moves.iter().copied());
        let net = e.terms.net();
        let one_time = e.one_time();
        let flows = roi::cash_flow(&CashFlowInputs {
            one_time,
            terms: e.terms,
            monthly_growth_percent: biz.growth,
            downtime_scales: biz.downtime_scales,
            annual_discount_percent: biz.discount,
            horizon_months: horizon,
        });
        let npv = flows.last().map_or(-one_time, |f| f.discounted_cumulative_usd.0);
        let aws_c = &aws_side.priced.costing;
        let provisional = aws_c.unknown_line_items > 0;
        if provisional {
            notes.push(format!(
                "phase {}: {} AWS line item(s) have unknown usage, so its AWS cost is a lower bound and its decision is provisional",
                p.phase, aws_c.unknown_line_items
            ));
        }
        phases.push(PhasePlan {
            phase: p.phase,
            name: p.name.clone(),
            moves: p.moves.clone(),
            on_aws: on_aws.clone(),
            aws_monthly_usd: Money(aws_c.total_monthly_usd),
            aws_unknown_line_items: aws_c.unknown_line_items,
            self_hosted_monthly_usd: Money(rem.total()),
            total_monthly_usd: Money(aws_c.total_monthly_usd + rem.total()),
            engineer_weeks: Exact(pb.weeks),
            dual_running_weeks: Exact(pb.dual_weeks),
            migration_labor_usd: Money(e.labor),
            dual_running_usd: Money(e.dual),
            one_time_cost_usd: Money(one_time),
            ops_burden_reduction_percent: Exact(pb.reduction),
            ops_labor_usd: Money(biz.ops_fte * biz.loaded - e.terms.ops_labor_saved_usd),
            availability_percent: Exact(pb.availability),
            downtime_minutes_per_month: Exact(e.downtime_minutes),
            downtime_cost_usd: Money(e.downtime_minutes * biz.downtime_cost),
            productivity_gain_percent: Exact(pb.productivity),
            roi: e.terms.money(),
            net_monthly_benefit_usd: Money(net),
            payback_months: roi::payback_months(one_time, net),
            payback_month_in_horizon: roi::payback_month_in(&flows),
            npv_usd: Money(npv),
            decision: roi::decide(net, now_above, grad_from),
            provisional,
            assumptions_source: p.source.to_string(),
            aws_services: aws_c.services.clone(),
            self_hosted_services: rem.costing.services.clone(),
            aws_usage: aws_side.priced.usage.clone(),
            cloudwatch_series,
            cash_flow: flows,
        });
    }
    if estate.baseline.costing.unknown_line_items > 0 {
        notes.push(format!(
            "the self-hosted baseline has {} line item(s) with unknown usage: its cost is a lower bound",
            estate.baseline.costing.unknown_line_items
        ));
    }
    let decision_tree = decision_tree(s, &phases);
    let (switch_points, switch_points_method, switch_curve, stops) = switch::compute(engine, &estate, &biz)?;
    let sizing_warnings = findings::sizing_warnings(engine, &state, &stops);
    let agent_transport = findings::agent_transport(engine, &state)?;
    let usage = measured::compute(engine)?;
    let used_series = used::section(engine)?;
    let uncertainty = uncertainty::compute(engine, &estate, &phases)?;
    // Unconfirmed prices across every costing, once each.
    let mut unconfirmed: BTreeMap<String, PriceRef> = BTreeMap::new();
    for c in costings(&estate.baseline.costing, &state, &estate.remaining) {
        for p in &c.unconfirmed_prices {
            unconfirmed.entry(p.id.clone()).or_insert_with(|| p.clone());
        }
    }
    let price_flags = PriceFlags::of(
        &s.region,
        costings(&estate.baseline.costing, &state, &estate.remaining).flat_map(|c| c.prices.iter()),
    );
    let region_book = engine.book.regions.get(&s.region);
    let mut used: BTreeMap<String, UsedPrice> = BTreeMap::new();
    for c in costings(&estate.baseline.costing, &state, &estate.remaining) {
        for l in c.services.iter().flat_map(|s| &s.line_items) {
            if used.contains_key(&l.price_id) {
                continue;
            }
            if let Some(e) = region_book.and_then(|b| b.entries.iter().find(|e| e.id == l.price_id)) {
                used.insert(
                    e.id.clone(),
                    UsedPrice {
                        id: e.id.clone(),
                        unit: e.unit.clone(),
                        tiers: e.tiers.clone(),
                        as_of: e.as_of.clone(),
                    },
                );
            }
        }
    }
    notes.push(format!(
        "phases are cumulative: phase N holds everything moved in phases 1..N; its one-time cost is phases 1..N's labor ({}/engineer-week = loaded monthly cost x 12/52) plus dual running, paid at month 0",
        usd(roi::migration_labor(Decimal::ONE, biz.loaded))
    ));
    notes.push("over the horizon, traffic growth multiplies the infra delta (and the downtime term when it scales with traffic); labor and productivity stay flat".into());
    let mapping_notes = engine
        .phases
        .iter()
        .zip(&state)
        .flat_map(|(p, aws_side)| {
            p.moves.iter().map(move |w| MappingNote {
                phase: p.phase,
                workload: *w,
                explanations: aws_side
                    .explanations
                    .iter()
                    .filter(|e| e.workload == *w)
                    .map(|e| e.text.clone())
                    .collect(),
            })
        })
        .collect();
    let metrics_targets = if engine.moved_in(Workload::Metrics).is_some() {
        let mut v = Vec::new();
        for t in [MetricsTarget::Cloudwatch, MetricsTarget::ManagedPrometheus] {
            v.push(
                engine
                    .metrics_cost(t)
                    .with_context(|| format!("cannot price the metrics workload on {}", t.as_str()))?,
            );
        }
        v
    } else {
        Vec::new()
    };
    let snapshot = region_book.map(|r| r.snapshot.clone()).unwrap_or_default();
    let shown = |p: u32| selected.is_none_or(|s| s == p);
    Ok(Plan {
        schema_version: PLAN_SCHEMA_VERSION,
        scenario: ScenarioInfo {
            name: s.name.clone(),
            description: s.description.clone(),
            file: scenario_path.display().to_string(),
            inputs: Vec::new(),
        },
        region: s.region.clone(),
        free_tier: engine.free_tier(),
        hours_per_month: Exact(engine.hours),
        price_book: engine.book.origin.clone(),
        price_book_snapshot: snapshot,
        selected_phase: selected,
        inputs: Inputs {
            engineers: s.team.engineers,
            ops_fte: Exact(biz.ops_fte),
            loaded_monthly_cost_usd: Money(biz.loaded),
            dau: Exact(s.traffic.dau.0),
            monthly_growth_percent: Exact(biz.growth),
            downtime_cost_per_minute_usd: Money(biz.downtime_cost),
            downtime_cost_scales_with_traffic: biz.downtime_scales,
            ops_burden: s.business.ops_burden,
            horizon_months: horizon,
            annual_discount_rate_percent: Exact(biz.discount),
            metrics_target: s.mapping.metrics_target,
            migrate_now_above_usd: Money(now_above),
            migrate_gradually_from_usd: Money(grad_from),
        },
        baseline: Baseline {
            self_hosted_monthly_usd: Money(base_total),
            unknown_line_items: estate.baseline.costing.unknown_line_items,
            availability_percent: Exact(biz.base_availability),
            downtime_minutes_per_month: Exact(base_minutes),
            downtime_cost_usd: Money(base_minutes * biz.downtime_cost),
            ops_labor_usd: Money(biz.ops_fte * biz.loaded),
            usage: estate.baseline.usage.clone(),
            services: estate.baseline.costing.services.clone(),
        },
        mapping: mapping_notes,
        metrics_targets,
        phases: phases.into_iter().filter(|p| shown(p.phase)).collect(),
        decision_tree,
        switch_points: switch_points.into_iter().filter(|p| shown(p.phase)).collect(),
        switch_points_method,
        switch_curve: switch_curve.filtered(selected),
        usage,
        used_series: Some(used_series),
        uncertainty: uncertainty.filtered(selected),
        unconfirmed_prices: unconfirmed.into_values().collect(),
        price_flags,
        prices: used.into_values().collect(),
        sizing_warnings: sizing_warnings
            .into_iter()
            .filter(|w| selected.is_none_or(|s| w.phases.iter().any(|p| *p <= s)))
            .collect(),
        agent_transport,
        notes,
        price_book_regions: engine
            .book
            .regions
            .values()
            .map(|r| RegionSnapshot {
                region: r.region.clone(),
                location: r.location.clone(),
                snapshot: r.snapshot.clone(),
            })
            .collect(),
        generated_by: format!("obs-cost {}", env!("CARGO_PKG_VERSION")),
        actual_comparison: None,
    })
}

/// The decision tree walked for the scenario, against the ROI's best phase (highest net monthly
/// benefit; the earlier phase on a tie).
fn decision_tree(s: &Scenario, phases: &[PhasePlan]) -> DecisionTree {
    let t = tree::walk(s.team.engineers, s.traffic.dau.0, s.business.ops_burden, &s.decision.tree);
    let best = phases
        .iter()
        .max_by(|a, b| a.net_monthly_benefit_usd.cmp(&b.net_monthly_benefit_usd).then(b.phase.cmp(&a.phase)))
        .map_or((0, Decision::Stay), |p| (p.phase, p.decision));
    let agrees = t.outcome.agrees_with(best.1);
    let note = if agrees {
        format!("the tree ({}) and the ROI (best phase {}: {}) agree", t.outcome.as_str(), best.0, best.1.as_str())
    } else {
        format!(
            "the tree says {} but the ROI says {} (best phase {}): the tree looks at team size, DAU and ops burden only, the ROI at this scenario's measured costs and savings",
            t.outcome.as_str(),
            best.1.as_str(),
            best.0
        )
    };
    DecisionTree {
        outcome: t.outcome,
        path: t.path,
        roi_best_phase: best.0,
        roi_decision: best.1,
        agrees_with_roi: agrees,
        note,
        thresholds: TreeThresholds {
            small_team_max: s.decision.tree.small_team_max,
            mid_team_max: s.decision.tree.mid_team_max,
            low_dau_below: Exact(s.decision.tree.low_dau_below.0),
            high_dau_from: Exact(s.decision.tree.high_dau_from.0),
        },
    }
}
