//! The planning engine: everything needed to price a scenario and the state its evaluations share.
//! It maps usage to typed AWS usage documents (`mapping`), prices them with the cost engine (`cost`,
//! the only place money is multiplied), and resolves the business values the ROI formulas (`roi`)
//! take. The plan (`build`), the switch points, the uncertainty run and `plan --actual` all
//! evaluate through it. No I/O and no formatting.

use std::cell::RefCell;
use std::collections::BTreeMap;

use anyhow::{Context, Result};
use rust_decimal::Decimal;

use super::document::MetricsOption;
use super::mapping::{self, Explanation, MapInput, SizePricer, Skipped, Telemetry};
use super::values::Values;
use crate::cost::{self, Costing};
use crate::model::{AwsUsage, ModelContext};
use crate::pricing::{LookupError, PriceBook};
use crate::roi::{self, Business, Economics, PhaseBusiness, PhaseInfra};
use crate::scenario::defaults;
use crate::scenario::phases::{self, PhaseDef};
use crate::scenario::usage::Provenance;
use crate::scenario::{MetricsTarget, Scenario, SeriesSelection, Usage, Workload};

/// A usage document and what it costs.
#[derive(Debug, Clone)]
pub struct Priced {
    /// The AWS usage document.
    pub usage: AwsUsage,
    /// Its costing.
    pub costing: Costing,
}

impl Priced {
    /// Its monthly total (known line items).
    pub fn total(&self) -> Decimal {
        self.costing.total_monthly_usd
    }
}

/// One phase's AWS side (cumulative: everything moved in phases 1..N) for one set of values and
/// one traffic scale.
#[derive(Debug, Clone)]
pub struct AwsPhase {
    /// The usage document and its costing.
    pub priced: Priced,
    /// The mapping sentences of the workloads this phase moves.
    pub explanations: Vec<Explanation>,
    /// Sizings of this phase's workloads that passed over fitting sizes for lack of a price.
    pub skipped: Vec<Skipped>,
    /// The agents' telemetry to AWS after this phase (once compute runs there).
    pub telemetry: Option<Telemetry>,
}

/// One phase's AWS usage document as mapped, before pricing.
#[derive(Debug, Clone)]
pub struct Mapped {
    /// The usage document (cumulative).
    pub usage: AwsUsage,
    /// The mapping sentences of the workloads this phase moves.
    pub explanations: Vec<Explanation>,
    /// Sizings of this phase's workloads that passed over fitting sizes for lack of a price.
    pub skipped: Vec<Skipped>,
    /// The agents' telemetry to AWS after this phase.
    pub telemetry: Option<Telemetry>,
}

/// The self-hosted side: the baseline and what remains after each phase, in phase order.
#[derive(Debug, Clone)]
pub struct Estate {
    /// The whole estate.
    pub baseline: Priced,
    /// What remains after each phase.
    pub remaining: Vec<Priced>,
}

impl Estate {
    /// The monthly totals of what remains after each phase.
    pub fn remaining_totals(&self) -> Vec<Decimal> {
        self.remaining.iter().map(Priced::total).collect()
    }
}

/// Everything needed to price a scenario, and the state shared by its evaluations.
pub struct Engine<'a> {
    /// The scenario.
    pub scenario: &'a Scenario,
    /// Its merged usage.
    pub usage: Usage,
    /// The price book.
    pub book: &'a PriceBook,
    /// Hours per month.
    pub hours: Decimal,
    /// Phases with defaults filled in.
    pub phases: Vec<PhaseDef>,
    /// Provenance of the usage values read from a measured snapshot, by key path; values given
    /// inline in the scenario win over these.
    pub measured: BTreeMap<String, Provenance>,
    /// Monthly price of sizing candidates, by name (their order does not depend on traffic).
    size_cache: RefCell<BTreeMap<String, Option<Decimal>>>,
}

impl<'a> Engine<'a> {
    /// An engine for a validated scenario and its merged usage.
    pub fn new(scenario: &'a Scenario, usage: Usage, book: &'a PriceBook) -> Result<Self> {
        book.region(&scenario.region)?;
        Ok(Engine {
            scenario,
            usage,
            book,
            hours: scenario.hours_per_month.map_or(defaults::HOURS.number(), |h| h.get()),
            phases: phases::resolve_specs(&scenario.phases),
            measured: BTreeMap::new(),
            size_cache: RefCell::new(BTreeMap::new()),
        })
    }

    /// Whether the account-wide free tiers apply.
    pub fn free_tier(&self) -> bool {
        self.scenario.free_tier.unwrap_or(defaults::FREE_TIER.flag())
    }

    /// Prices an AWS usage document with the cost engine, as one account.
    pub fn price(&self, usage: &AwsUsage) -> Result<Costing, LookupError> {
        let ctx = ModelContext { hours_per_month: self.hours };
        cost::price(self.book, &self.scenario.region, self.free_tier(), usage.components(&ctx))
    }

    /// Prices a usage document and keeps both.
    pub fn priced(&self, usage: AwsUsage) -> Result<Priced, LookupError> {
        let costing = self.price(&usage)?;
        Ok(Priced { usage, costing })
    }

    /// The monthly price of a sizing candidate `name` (a one-candidate document): `None` when the
    /// region has no price for it.
    fn size_price(&self, name: &str, usage: &AwsUsage) -> Result<Option<Decimal>> {
        if let Some(p) = self.size_cache.borrow().get(name) {
            return Ok(*p);
        }
        let p = match self.price(usage) {
            Ok(c) => Some(c.total_monthly_usd),
            Err(LookupError::NotFound { .. }) => None,
            Err(e) => return Err(e.into()),
        };
        self.size_cache.borrow_mut().insert(name.to_string(), p);
        Ok(p)
    }

    /// The phase (index) in which a workload moves.
    pub fn moved_in(&self, w: Workload) -> Option<usize> {
        self.phases.iter().position(|p| p.moves.contains(&w))
    }

    /// The price book's snapshot date of the scenario's region: the date support calendars are read on.
    fn support_date(&self) -> &str {
        self.book.regions.get(&self.scenario.region).map_or("", |r| r.snapshot.as_str())
    }

    #[allow(clippy::too_many_arguments)]
    fn input<'b>(
        &'b self,
        s: &'b Scenario,
        usage: &'b Usage,
        values: &'b Values,
        factor: Decimal,
        explain: bool,
        pricer: &'b SizePricer<'b>,
        skipped: &'b RefCell<Vec<Skipped>>,
    ) -> MapInput<'b> {
        let support_date = self.support_date();
        MapInput { scenario: s, usage, values, factor, hours: self.hours, explain, pricer, support_date, skipped }
    }

    /// AWS usage documents of every phase up to `last` (index), cumulatively, mapped at `factor`,
    /// with the sentences of the workloads each phase moves (the hidden costs that change with a
    /// phase, such as secrets or the agents' traffic, under that phase's first workload).
    pub fn aws_usages(&self, values: &Values, factor: Decimal, explain: bool, last: usize) -> Result<Vec<Mapped>> {
        self.aws_usages_of(self.scenario, values, factor, explain, last)
    }

    /// [`Engine::aws_usages`] of `s`, a variant of the scenario (another mapping choice).
    fn aws_usages_of(
        &self,
        s: &Scenario,
        values: &Values,
        factor: Decimal,
        explain: bool,
        last: usize,
    ) -> Result<Vec<Mapped>> {
        let pricer = |name: &str, usage: &AwsUsage| self.size_price(name, usage);
        let skipped = RefCell::new(Vec::new());
        let input = self.input(s, &self.usage, values, factor, explain, &pricer, &skipped);
        let compute_phase = self.moved_in(Workload::Compute);
        let mut out = Vec::new();
        let mut doc = AwsUsage::default();
        let mut said: Vec<String> = Vec::new();
        for (i, p) in self.phases.iter().enumerate().take(last + 1) {
            let mut ex = Vec::new();
            for w in &p.moves {
                mapping::map_workload(*w, &input, &mut doc, &mut ex)
                    .with_context(|| format!("cannot map the {w} workload of phase {}", p.phase))?;
            }
            if compute_phase == Some(i) {
                if let Some(gb) = mapping::data_transfer_out(&input) {
                    doc.data_transfer_out_gb = Some(crate::units::Quantity(gb));
                }
            }
            let finished = mapping::finish(&input, &mut doc)
                .with_context(|| format!("cannot map the costs every migration pays in phase {}", p.phase))?;
            if let Some(first) = p.moves.first() {
                for text in finished.sentences.iter().filter(|t| !said.contains(t)) {
                    ex.push(Explanation { workload: *first, text: text.clone() });
                }
            }
            said = finished.sentences;
            out.push(Mapped {
                usage: doc.clone(),
                explanations: ex,
                skipped: std::mem::take(&mut *skipped.borrow_mut()),
                telemetry: finished.telemetry,
            });
        }
        Ok(out)
    }

    /// Prices every phase's AWS side.
    pub fn state(&self, values: &Values, factor: Decimal, explain: bool) -> Result<Vec<AwsPhase>> {
        let docs = self.aws_usages(values, factor, explain, self.phases.len().saturating_sub(1))?;
        docs.into_iter()
            .zip(&self.phases)
            .map(|(m, p)| {
                let priced = self.priced(m.usage).with_context(|| format!("cannot price phase {} on AWS", p.phase))?;
                Ok(AwsPhase { priced, explanations: m.explanations, skipped: m.skipped, telemetry: m.telemetry })
            })
            .collect()
    }

    /// Every phase's AWS side (expected values, as measured) with the metrics that go to CloudWatch
    /// chosen by `series` instead of `mapping.cloudwatch_series`: the plan prices both choices.
    pub fn state_with_series(&self, series: SeriesSelection) -> Result<Vec<Priced>> {
        let mut s = self.scenario.clone();
        s.mapping.cloudwatch_series = series;
        let last = self.phases.len().saturating_sub(1);
        let docs = self.aws_usages_of(&s, &Values::expected(), Decimal::ONE, false, last)?;
        docs.into_iter()
            .zip(&self.phases)
            .map(|(m, p)| {
                self.priced(m.usage).with_context(|| {
                    format!("cannot price phase {} on AWS with mapping.cloudwatch_series: {}", p.phase, series.as_str())
                })
            })
            .collect()
    }

    /// The AWS monthly total of one phase (index) at a traffic scale, expected values.
    pub fn aws_total(&self, idx: usize, factor: Decimal) -> Result<Decimal> {
        let docs = self.aws_usages(&Values::expected(), factor, false, idx)?;
        let Some(m) = docs.last() else { return Ok(Decimal::ZERO) };
        Ok(self.price(&m.usage)?.total_monthly_usd)
    }

    /// The self-hosted estate: the baseline and what remains after each phase.
    pub fn estate(&self, values: &Values) -> Result<Estate> {
        let s = self.scenario;
        let compute_phase = self.moved_in(Workload::Compute);
        let pricer = |_: &str, _: &AwsUsage| Ok(None);
        let skipped = RefCell::new(Vec::new());
        let input = self.input(s, &self.usage, values, Decimal::ONE, false, &pricer, &skipped);
        let dto = mapping::data_transfer_out(&input);
        let baseline = self.priced(mapping::estate(s, 0, dto)?).context("cannot price the self-hosted baseline")?;
        let mut remaining = Vec::new();
        for (i, p) in self.phases.iter().enumerate() {
            let compute_moved = compute_phase.is_some_and(|c| i >= c);
            let doc = mapping::estate(s, p.phase, if compute_moved { None } else { dto })?;
            let priced = self
                .priced(doc)
                .with_context(|| format!("cannot price what remains self-hosted in phase {}", p.phase))?;
            remaining.push(priced);
        }
        Ok(Estate { baseline, remaining })
    }

    /// Business values resolved: availability carried forward from phase to phase, dual running
    /// defaulting to the engineer-weeks.
    pub fn business(&self, v: &Values) -> Business<Decimal> {
        let s = self.scenario;
        let base_availability = v.get("self_hosted.availability_percent", &s.self_hosted.availability_percent);
        let mut availability = base_availability;
        let phases = self
            .phases
            .iter()
            .map(|p| {
                let key = |k: &str| format!("phases.{}.{k}", p.phase);
                let weeks = v.get(&key("engineer_weeks"), &p.engineer_weeks);
                let dual_weeks = v.or(&key("dual_running_weeks"), p.dual_running_weeks.as_ref(), weeks);
                if let Some(a) = &p.availability_percent {
                    availability = v.get(&key("availability_percent"), a);
                }
                PhaseBusiness {
                    weeks,
                    dual_weeks,
                    reduction: v.get(&key("ops_burden_reduction_percent"), &p.ops_burden_reduction_percent),
                    availability,
                    productivity: v.get(&key("productivity_gain_percent"), &p.productivity_gain_percent),
                }
            })
            .collect();
        Business {
            engineers: Decimal::from(s.team.engineers),
            ops_fte: v.get("team.ops_fte", &s.team.ops_fte),
            loaded: v.get("team.loaded_monthly_cost_usd", &s.team.loaded_monthly_cost_usd),
            downtime_cost: v.get("business.downtime_cost_per_minute_usd", &s.business.downtime_cost_per_minute_usd),
            downtime_scales: s.business.downtime_cost_scales_with_traffic.unwrap_or(defaults::DOWNTIME_SCALES.flag()),
            base_availability,
            growth: v.or(
                defaults::MONTHLY_GROWTH_PERCENT.key,
                s.traffic.monthly_growth_percent.as_ref(),
                defaults::MONTHLY_GROWTH_PERCENT.number(),
            ),
            discount: v.or(
                defaults::DISCOUNT_RATE_PERCENT.key,
                s.annual_discount_rate_percent.as_ref(),
                defaults::DISCOUNT_RATE_PERCENT.number(),
            ),
            phases,
        }
    }

    /// The economics of every phase from its AWS total and what remains self-hosted (both in phase
    /// order) and the baseline total. `downtime_factor` multiplies the downtime cost per minute
    /// (traffic scale, when it scales).
    pub fn economics(
        &self,
        b: &Business<Decimal>,
        aws: &[Decimal],
        remaining: &[Decimal],
        baseline: Decimal,
        downtime_factor: Decimal,
    ) -> Vec<Economics<Decimal>> {
        let previous = std::iter::once(Decimal::ZERO).chain(aws.iter().copied());
        let infra = aws
            .iter()
            .zip(remaining)
            .zip(previous)
            .map(|((&a, &r), prev)| PhaseInfra { infra_delta: roi::infra_delta(a, r, baseline), aws_added: a - prev });
        roi::economics(b, self.hours, infra, downtime_factor)
    }

    /// What the metrics workload alone costs a month on a metrics target (the other target priced
    /// too, so a plan can show both).
    pub fn metrics_cost(&self, target: MetricsTarget) -> Result<MetricsOption> {
        let c = self.metrics_costing(target, self.scenario.mapping.cloudwatch_series, &self.usage)?;
        Ok(MetricsOption {
            target,
            chosen: target == self.scenario.mapping.metrics_target,
            monthly_usd: c.total_monthly_usd.into(),
            unknown_line_items: c.unknown_line_items,
        })
    }

    /// The metrics workload of `usage` priced on a target with a series selection (expected values).
    pub fn metrics_costing(&self, target: MetricsTarget, series: SeriesSelection, usage: &Usage) -> Result<Costing> {
        Ok(self.metrics_priced(target, series, usage)?.costing)
    }

    /// [`Engine::metrics_costing`] with the usage document it priced.
    pub fn metrics_priced(&self, target: MetricsTarget, series: SeriesSelection, usage: &Usage) -> Result<Priced> {
        let mut s = self.scenario.clone();
        s.mapping.metrics_target = target;
        s.mapping.cloudwatch_series = series;
        self.metrics_priced_for(&s, usage)
    }

    /// The metrics workload of `usage` priced with `s`'s mapping (expected values): for callers
    /// that price many usages with one mapping and prepare the scenario once.
    pub fn metrics_costing_for(&self, s: &Scenario, usage: &Usage) -> Result<Costing> {
        Ok(self.metrics_priced_for(s, usage)?.costing)
    }

    /// [`Engine::metrics_costing_for`] with the usage document it priced.
    fn metrics_priced_for(&self, s: &Scenario, usage: &Usage) -> Result<Priced> {
        let values = Values::expected();
        let pricer = |name: &str, usage: &AwsUsage| self.size_price(name, usage);
        let skipped = RefCell::new(Vec::new());
        let input = self.input(s, usage, &values, Decimal::ONE, false, &pricer, &skipped);
        let mut doc = AwsUsage::default();
        mapping::map_workload(Workload::Metrics, &input, &mut doc, &mut Vec::new())?;
        Ok(self.priced(doc)?)
    }

    /// Every phase's economics and AWS total for a set of values (full repricing), against `estate`.
    pub fn nets(&self, values: &Values, estate: &Estate) -> Result<(Vec<Economics<Decimal>>, Vec<Decimal>)> {
        let aws: Vec<Decimal> = self.state(values, Decimal::ONE, false)?.iter().map(|p| p.priced.total()).collect();
        let b = self.business(values);
        let eco = self.economics(&b, &aws, &estate.remaining_totals(), estate.baseline.total(), Decimal::ONE);
        Ok((eco, aws))
    }
}
