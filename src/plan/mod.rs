//! `obs-cost plan`'s result and how it is built: scenario + usage + price book → per-phase AWS and
//! self-hosted costs (cumulative: phase N holds everything moved in phases 1..N), one-time costs,
//! ROI, decision, decision tree, switch points and uncertainty. The [`Plan`] is the one canonical,
//! versioned result; every output format is a view of it. Prices are multiplied only in `cost`,
//! ROI arithmetic lives in `roi`; this module wires them and keeps every number explainable.

pub mod actual;
pub mod diff;
pub mod mapping;
pub mod measured;
pub mod phases;
pub mod sizing;
pub mod switch;
pub mod uncertainty;
pub mod values;

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::path::Path;

use anyhow::{bail, Context, Result};
use rust_decimal::Decimal;
use serde::{Serialize, Serializer};
use serde_json::Value;

use crate::cost::{self, Costing, PriceRef};
use crate::model::{self, AwsUsage, ModelContext, ServiceModel};
use crate::pricing::PriceBook;
use crate::roi::{self, tree, CashFlowInputs, Decision, MonthFlow, RoiTerms};
use crate::scenario::defaults;
use crate::scenario::{MetricsTarget, Scenario, SeriesSelection, Usage, Workload};
use mapping::{n, put, AwsDoc, Explanation, MapInput};
use phases::PhaseDef;
use values::Values;

/// Version of the plan JSON.
pub const PLAN_SCHEMA_VERSION: u32 = 1;

/// Default horizon, months (`scenario::defaults`).
pub const DEFAULT_HORIZON_MONTHS: u32 = defaults::HORIZON_MONTHS.count();

/// Serialises a costing's services the way `estimate --format json` does.
fn ser_services<S: Serializer>(c: &Costing, s: S) -> Result<S::Ok, S::Error> {
    s.collect_seq(crate::report::json::services(c))
}

fn ser_moves<S: Serializer>(m: &[Workload], s: S) -> Result<S::Ok, S::Error> {
    s.collect_seq(m.iter().map(|w| w.as_str()))
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
    pub measured: BTreeMap<String, crate::scenario::usage::Provenance>,
    /// Monthly price of sizing candidates, by name (their order does not depend on traffic).
    size_cache: RefCell<BTreeMap<String, Option<Decimal>>>,
}

/// The priced state of every phase for one set of values and one traffic scale.
#[derive(Debug, Clone)]
pub struct State {
    /// AWS usage document and costing per phase.
    pub aws: Vec<(AwsDoc, Costing)>,
    /// Mapping explanations per phase (what moved in it).
    pub explanations: Vec<Vec<Explanation>>,
}

/// The self-hosted side: the baseline and what remains in each phase.
#[derive(Debug, Clone)]
pub struct Estate {
    /// Usage document and costing of the whole estate.
    pub baseline: (AwsDoc, Costing),
    /// What remains after each phase.
    pub remaining: Vec<(AwsDoc, Costing)>,
}

/// The business values of one evaluation, resolved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Biz {
    /// Engineers.
    pub engineers: Decimal,
    /// Ops FTE.
    pub ops_fte: Decimal,
    /// Loaded monthly cost per engineer.
    pub loaded: Decimal,
    /// Downtime cost per minute.
    pub downtime_cost: Decimal,
    /// Whether it scales with traffic.
    pub downtime_scales: bool,
    /// Availability today, percent.
    pub base_availability: Decimal,
    /// Monthly growth, percent.
    pub growth: Decimal,
    /// Annual discount rate, percent.
    pub discount: Decimal,
    /// Per phase.
    pub phases: Vec<PhaseBiz>,
}

/// One phase's business values.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PhaseBiz {
    /// Engineer-weeks of this phase alone.
    pub weeks: Decimal,
    /// Dual-running weeks.
    pub dual_weeks: Decimal,
    /// Cumulative ops burden reduction, percent.
    pub reduction: Decimal,
    /// Availability once done, percent.
    pub availability: Decimal,
    /// Productivity gain, percent.
    pub productivity: Decimal,
}

/// One phase's economics.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Economics {
    /// The ROI terms.
    pub terms: RoiTerms,
    /// Migration labor up to this phase.
    pub labor: Decimal,
    /// Dual running up to this phase.
    pub dual: Decimal,
    /// Downtime minutes a month in this phase.
    pub downtime_minutes: Decimal,
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

    fn free_tier(&self) -> bool {
        self.scenario.free_tier.unwrap_or(defaults::FREE_TIER.flag())
    }

    /// Prices an AWS usage document with the cost engine, as one account.
    pub fn price_doc(&self, doc: &AwsDoc) -> Result<Costing> {
        let usage: AwsUsage = serde_json::from_value(Value::Object(doc.clone()))
            .context("internal AWS usage document does not match the usage file format; this is a bug in obs-cost, please report it")?;
        check_models(&usage)?;
        let ctx = ModelContext { hours_per_month: self.hours };
        Ok(cost::price(self.book, &self.scenario.region, self.free_tier(), usage.components(&ctx))?)
    }

    fn size_price(&self, doc: &AwsDoc) -> Option<Decimal> {
        let key = doc
            .values()
            .filter_map(|v| v.as_array()?.first()?.as_object().cloned())
            .filter_map(|o| {
                o.get("instance_class").or_else(|| o.get("node_type")).and_then(|v| v.as_str().map(String::from))
            })
            .next()
            .unwrap_or_default();
        if let Some(p) = self.size_cache.borrow().get(&key) {
            return *p;
        }
        let p = self.price_doc(doc).ok().map(|c| c.total_monthly_usd);
        self.size_cache.borrow_mut().insert(key, p);
        p
    }

    /// The phase (index) in which a workload moves.
    pub fn moved_in(&self, w: Workload) -> Option<usize> {
        self.phases.iter().position(|p| p.moves.contains(&w))
    }

    /// AWS documents of every phase up to `last` (index), cumulatively, mapped at `factor`.
    pub fn aws_docs(
        &self,
        values: &Values,
        factor: Decimal,
        explain: bool,
        last: usize,
    ) -> Result<Vec<(AwsDoc, Vec<Explanation>)>> {
        let pricer = |doc: &AwsDoc| self.size_price(doc);
        let input = MapInput {
            scenario: self.scenario,
            usage: &self.usage,
            values,
            factor,
            hours: self.hours,
            explain,
            pricer: &pricer,
        };
        let compute_phase = self.moved_in(Workload::Compute);
        let mut out: Vec<(AwsDoc, Vec<Explanation>)> = Vec::new();
        let mut doc = AwsDoc::new();
        for (i, p) in self.phases.iter().enumerate().take(last + 1) {
            let mut ex = Vec::new();
            for w in &p.moves {
                mapping::map_workload(*w, &input, &mut doc, &mut ex)
                    .with_context(|| format!("cannot map the {w} workload of phase {}", p.phase))?;
            }
            if compute_phase == Some(i) {
                if let Some(gb) = mapping::data_transfer_out(&input) {
                    doc.insert("data_transfer_out_gb".into(), n(gb));
                }
            }
            out.push((doc.clone(), ex));
        }
        Ok(out)
    }

    /// Prices every phase's AWS side.
    pub fn state(&self, values: &Values, factor: Decimal, explain: bool) -> Result<State> {
        let docs = self.aws_docs(values, factor, explain, self.phases.len().saturating_sub(1))?;
        let mut aws = Vec::new();
        let mut explanations = Vec::new();
        for (i, (doc, ex)) in docs.into_iter().enumerate() {
            let c = self.price_doc(&doc).with_context(|| format!("cannot price phase {} on AWS", i + 1))?;
            aws.push((doc, c));
            explanations.push(ex);
        }
        Ok(State { aws, explanations })
    }

    /// The AWS monthly total of one phase (index) at a traffic scale, expected values.
    pub fn aws_total(&self, idx: usize, factor: Decimal) -> Result<Decimal> {
        let docs = self.aws_docs(&Values::expected(), factor, false, idx)?;
        let doc = &docs[idx].0;
        Ok(self.price_doc(doc)?.total_monthly_usd)
    }

    /// The self-hosted estate: the baseline and what remains after each phase.
    pub fn estate(&self, values: &Values) -> Result<Estate> {
        let s = &self.scenario.self_hosted;
        let compute_phase = self.moved_in(Workload::Compute);
        let pricer = |_: &AwsDoc| None;
        let input = MapInput {
            scenario: self.scenario,
            usage: &self.usage,
            values,
            factor: Decimal::ONE,
            hours: self.hours,
            explain: false,
            pricer: &pricer,
        };
        let dto = mapping::data_transfer_out(&input);
        let doc_after = |phase: u32, idx: Option<usize>| {
            let stays = |m: Option<u32>| m.is_none_or(|m| m > phase);
            let mut doc = AwsDoc::new();
            let hosts: Vec<Value> = s
                .hosts
                .iter()
                .filter(|h| stays(h.moves_in_phase))
                .map(|h| serde_json::json!({"name": h.name, "instance_type": h.instance_type, "count": n(h.count.get())}))
                .collect();
            if !hosts.is_empty() {
                put(&mut doc, "ec2", Value::Array(hosts));
            }
            let vols: Vec<Value> = s
                .volumes
                .iter()
                .chain(&s.backups)
                .filter(|v| stays(v.moves_in_phase))
                .map(|v| {
                    serde_json::json!({"name": v.name, "volume_type": v.volume_type, "size_gb": n(v.size_gb.get()),
                        "count": n(v.count.map_or(Decimal::ONE, |c| c.get()))})
                })
                .collect();
            if !vols.is_empty() {
                put(&mut doc, "ebs", Value::Array(vols));
            }
            let lbs: Vec<Value> = s
                .load_balancers
                .iter()
                .filter(|l| stays(l.moves_in_phase))
                .map(|l| {
                    let mut e = serde_json::json!({"name": l.name, "type": l.lb_type});
                    if let (Some(gb), Value::Object(o)) = (l.processed_gb, &mut e) {
                        o.insert("processed_gb".into(), n(gb.get()));
                    }
                    e
                })
                .collect();
            if !lbs.is_empty() {
                put(&mut doc, "load_balancers", Value::Array(lbs));
            }
            let compute_moved = matches!((idx, compute_phase), (Some(i), Some(c)) if i >= c);
            if let (Some(gb), false) = (dto, compute_moved) {
                doc.insert("data_transfer_out_gb".into(), n(gb));
            }
            doc
        };
        let base_doc = doc_after(0, None);
        let baseline = self.price_doc(&base_doc).context("cannot price the self-hosted baseline")?;
        let mut remaining = Vec::new();
        for (i, p) in self.phases.iter().enumerate() {
            let doc = doc_after(p.phase, Some(i));
            let c = self
                .price_doc(&doc)
                .with_context(|| format!("cannot price what remains self-hosted in phase {}", p.phase))?;
            remaining.push((doc, c));
        }
        Ok(Estate { baseline: (base_doc, baseline), remaining })
    }

    /// Business values resolved.
    pub fn biz(&self, v: &Values) -> Biz {
        let s = self.scenario;
        let base_availability = v.get("self_hosted.availability_percent", &s.self_hosted.availability_percent);
        let mut avail = base_availability;
        let phases = self
            .phases
            .iter()
            .map(|p| {
                let key = |k: &str| format!("phases.{}.{k}", p.phase);
                let weeks = v.get(&key("engineer_weeks"), &p.engineer_weeks);
                let dual_weeks = v.or(&key("dual_running_weeks"), p.dual_running_weeks.as_ref(), weeks);
                if let Some(a) = &p.availability_percent {
                    avail = v.get(&key("availability_percent"), a);
                }
                PhaseBiz {
                    weeks,
                    dual_weeks,
                    reduction: v.get(&key("ops_burden_reduction_percent"), &p.ops_burden_reduction_percent),
                    availability: avail,
                    productivity: v.get(&key("productivity_gain_percent"), &p.productivity_gain_percent),
                }
            })
            .collect();
        Biz {
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

    /// The economics of every phase from AWS totals, self-hosted totals and the baseline total.
    /// `dfactor` multiplies the downtime cost per minute (traffic scale, when it scales).
    pub fn economics(
        &self,
        biz: &Biz,
        aws: &[Decimal],
        remaining: &[Decimal],
        baseline: Decimal,
        dfactor: Decimal,
    ) -> Vec<Economics> {
        let base_min = roi::downtime_minutes(biz.base_availability, self.hours);
        let dcost = if biz.downtime_scales { biz.downtime_cost * dfactor } else { biz.downtime_cost };
        let mut labor = Decimal::ZERO;
        let mut dual = Decimal::ZERO;
        let mut prev_aws = Decimal::ZERO;
        let mut out = Vec::new();
        for (i, p) in biz.phases.iter().enumerate() {
            let minutes = roi::downtime_minutes(p.availability, self.hours);
            labor += roi::migration_labor(p.weeks, biz.loaded);
            dual += roi::dual_running(aws[i] - prev_aws, p.dual_weeks);
            prev_aws = aws[i];
            out.push(Economics {
                terms: RoiTerms {
                    infra_delta_usd: roi::infra_delta(aws[i], remaining[i], baseline),
                    ops_labor_saved_usd: roi::ops_labor_saved(biz.ops_fte, biz.loaded, p.reduction),
                    downtime_saved_usd: roi::downtime_saved(base_min, minutes, dcost),
                    productivity_gained_usd: roi::productivity_gained(
                        biz.engineers,
                        biz.ops_fte,
                        biz.loaded,
                        p.productivity,
                    ),
                },
                labor,
                dual,
                downtime_minutes: minutes,
            });
        }
        out
    }

    /// What the metrics workload alone costs a month on a metrics target (the other target priced
    /// too, so a plan can show both).
    pub fn metrics_cost(&self, target: MetricsTarget) -> Result<MetricsOption> {
        let c = self.metrics_costing(target, self.scenario.mapping.cloudwatch_series, &self.usage)?;
        Ok(MetricsOption {
            target: target.as_str(),
            chosen: target == self.scenario.mapping.metrics_target,
            monthly_usd: c.total_monthly_usd,
            unknown_line_items: c.unknown_line_items,
        })
    }

    /// The metrics workload of `usage` priced on a target with a series selection (expected values).
    pub fn metrics_costing(&self, target: MetricsTarget, series: SeriesSelection, usage: &Usage) -> Result<Costing> {
        let mut s = self.scenario.clone();
        s.mapping.metrics_target = target;
        s.mapping.cloudwatch_series = series;
        self.metrics_costing_for(&s, usage)
    }

    /// The metrics workload of `usage` priced with `scenario`'s mapping (expected values): for
    /// callers that price many usages with one mapping and prepare the scenario once.
    pub fn metrics_costing_for(&self, s: &Scenario, usage: &Usage) -> Result<Costing> {
        let values = Values::expected();
        let pricer = |doc: &AwsDoc| self.size_price(doc);
        let input = MapInput {
            scenario: s,
            usage,
            values: &values,
            factor: Decimal::ONE,
            hours: self.hours,
            explain: false,
            pricer: &pricer,
        };
        let mut doc = AwsDoc::new();
        mapping::map_workload(Workload::Metrics, &input, &mut doc, &mut Vec::new())?;
        self.price_doc(&doc)
    }

    /// Net monthly benefit of every phase for a set of values (full repricing).
    pub fn nets(&self, values: &Values, estate: &Estate) -> Result<(Vec<Economics>, Vec<Decimal>)> {
        let state = self.state(values, Decimal::ONE, false)?;
        let aws: Vec<Decimal> = state.aws.iter().map(|(_, c)| c.total_monthly_usd).collect();
        let rem: Vec<Decimal> = estate.remaining.iter().map(|(_, c)| c.total_monthly_usd).collect();
        let biz = self.biz(values);
        let eco = self.economics(&biz, &aws, &rem, estate.baseline.1.total_monthly_usd, Decimal::ONE);
        Ok((eco, aws))
    }
}

/// Fails when a section is given to a model this build does not have yet (a placeholder with no
/// usage keys), rather than pricing it as $0.
fn check_models(u: &AwsUsage) -> Result<()> {
    fn need<M: ServiceModel>(present: bool) -> Result<()> {
        if present && M::usage_schema().is_empty() {
            bail!(
                "the {} cost model is not in this build yet, so it cannot be priced (it would not be $0)",
                M::SERVICE
            );
        }
        Ok(())
    }
    need::<model::rds::RdsInstance>(!u.rds.is_empty())?;
    need::<model::elasticache::ElastiCacheCluster>(!u.elasticache.is_empty())?;
    need::<model::fargate::FargateService>(!u.fargate.is_empty())?;
    need::<model::load_balancer::LoadBalancer>(!u.load_balancers.is_empty())?;
    need::<model::nat_gateway::NatGateway>(!u.nat_gateways.is_empty())?;
    need::<model::ec2::Ec2Instances>(!u.ec2.is_empty())?;
    need::<model::ebs::EbsVolumes>(!u.ebs.is_empty())?;
    Ok(())
}

/// The metrics workload priced on one target.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MetricsOption {
    /// `cloudwatch` or `managed_prometheus`.
    pub target: &'static str,
    /// Whether the scenario's mapping chose it.
    pub chosen: bool,
    /// Monthly cost of the metrics workload alone (known line items).
    #[serde(with = "crate::report::json::money")]
    pub monthly_usd: Decimal,
    /// Line items whose usage is unknown.
    pub unknown_line_items: usize,
}

/// Name, description and file of the scenario.
#[derive(Debug, Clone, Serialize)]
pub struct ScenarioInfo {
    /// Name.
    pub name: String,
    /// Description.
    pub description: Option<String>,
    /// File it was read from.
    pub file: String,
    /// Every value of the scenario file, flattened, in the file's order (empty when the plan was
    /// built without the file's text).
    pub inputs: Vec<ScenarioInput>,
}

/// One value of the scenario file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ScenarioInput {
    /// Key path, e.g. `team.ops_fte` or `self_hosted.hosts[app].count`.
    pub key: String,
    /// The value as written (a range as `{low: .., expected: .., high: ..}`).
    pub value: String,
}

/// The inputs that drive the ROI, as used (expected values).
#[derive(Debug, Clone, Serialize)]
pub struct Inputs {
    /// Engineers.
    pub engineers: u32,
    /// Ops FTE.
    #[serde(with = "crate::report::json::num")]
    pub ops_fte: Decimal,
    /// Loaded monthly cost per engineer.
    #[serde(with = "crate::report::json::money")]
    pub loaded_monthly_cost_usd: Decimal,
    /// DAU at the measured point.
    #[serde(with = "crate::report::json::num")]
    pub dau: Decimal,
    /// Monthly growth, percent.
    #[serde(with = "crate::report::json::num")]
    pub monthly_growth_percent: Decimal,
    /// Downtime cost per minute.
    #[serde(with = "crate::report::json::money")]
    pub downtime_cost_per_minute_usd: Decimal,
    /// Whether it scales with traffic.
    pub downtime_cost_scales_with_traffic: bool,
    /// `manageable` or `burdensome`.
    pub ops_burden: &'static str,
    /// Horizon, months.
    pub horizon_months: u32,
    /// Annual discount rate, percent.
    #[serde(with = "crate::report::json::num")]
    pub annual_discount_rate_percent: Decimal,
    /// `cloudwatch` or `managed_prometheus`.
    pub metrics_target: &'static str,
    /// Decision thresholds, USD per month.
    #[serde(with = "crate::report::json::money")]
    pub migrate_now_above_usd: Decimal,
    /// Decision thresholds, USD per month.
    #[serde(with = "crate::report::json::money")]
    pub migrate_gradually_from_usd: Decimal,
}

/// The self-hosted baseline.
#[derive(Debug, Clone, Serialize)]
pub struct Baseline {
    /// Infrastructure per month.
    #[serde(with = "crate::report::json::money")]
    pub self_hosted_monthly_usd: Decimal,
    /// Line items whose usage is unknown.
    pub unknown_line_items: usize,
    /// Availability, percent.
    #[serde(with = "crate::report::json::num")]
    pub availability_percent: Decimal,
    /// Downtime minutes a month.
    #[serde(with = "crate::report::json::num")]
    pub downtime_minutes_per_month: Decimal,
    /// Downtime cost a month.
    #[serde(with = "crate::report::json::money")]
    pub downtime_cost_usd: Decimal,
    /// Ops labor a month (ops FTE × loaded cost).
    #[serde(with = "crate::report::json::money")]
    pub ops_labor_usd: Decimal,
    /// The estate as an `estimate --aws-usage` document.
    pub usage: AwsDoc,
    /// Per-service costs.
    #[serde(serialize_with = "ser_services")]
    pub services: Costing,
}

/// One phase of the plan.
#[derive(Debug, Clone, Serialize)]
pub struct PhasePlan {
    /// 1-based.
    pub phase: u32,
    /// Name.
    pub name: String,
    /// Workloads moved in this phase.
    #[serde(serialize_with = "ser_moves")]
    pub moves: Vec<Workload>,
    /// Workloads on AWS once this phase is done (phases 1..N).
    #[serde(serialize_with = "ser_moves")]
    pub on_aws: Vec<Workload>,
    /// AWS managed services per month (known line items only).
    #[serde(with = "crate::report::json::money")]
    pub aws_monthly_usd: Decimal,
    /// AWS line items whose usage is unknown: when above 0, `aws_monthly_usd` is a lower bound.
    pub aws_unknown_line_items: usize,
    /// What still runs self-hosted, per month.
    #[serde(with = "crate::report::json::money")]
    pub self_hosted_monthly_usd: Decimal,
    /// AWS + self-hosted.
    #[serde(with = "crate::report::json::money")]
    pub total_monthly_usd: Decimal,
    /// Engineer-weeks of this phase alone.
    #[serde(with = "crate::report::json::num")]
    pub engineer_weeks: Decimal,
    /// Dual-running weeks of this phase alone.
    #[serde(with = "crate::report::json::num")]
    pub dual_running_weeks: Decimal,
    /// Migration labor of phases 1..N.
    #[serde(with = "crate::report::json::money")]
    pub migration_labor_usd: Decimal,
    /// Dual-running cost of phases 1..N (AWS services paid while the old ones still run).
    #[serde(with = "crate::report::json::money")]
    pub dual_running_usd: Decimal,
    /// Migration labor + dual running, phases 1..N.
    #[serde(with = "crate::report::json::money")]
    pub one_time_cost_usd: Decimal,
    /// Ops burden reduction reached, percent.
    #[serde(with = "crate::report::json::num")]
    pub ops_burden_reduction_percent: Decimal,
    /// Ops labor still spent a month.
    #[serde(with = "crate::report::json::money")]
    pub ops_labor_usd: Decimal,
    /// Availability, percent.
    #[serde(with = "crate::report::json::num")]
    pub availability_percent: Decimal,
    /// Downtime minutes a month.
    #[serde(with = "crate::report::json::num")]
    pub downtime_minutes_per_month: Decimal,
    /// Downtime cost a month.
    #[serde(with = "crate::report::json::money")]
    pub downtime_cost_usd: Decimal,
    /// Productivity gain, percent.
    #[serde(with = "crate::report::json::num")]
    pub productivity_gain_percent: Decimal,
    /// The four ROI terms.
    pub roi: RoiTerms,
    /// − infra delta + ops labor saved + downtime saved + productivity gained.
    #[serde(with = "crate::report::json::money")]
    pub net_monthly_benefit_usd: Decimal,
    /// ceil(one-time cost ÷ net monthly benefit); null when the net is not positive (never).
    pub payback_months: Option<u32>,
    /// First month of the projection whose cumulative cash flow is ≥ 0 (with growth); null if none.
    pub payback_month_in_horizon: Option<u32>,
    /// NPV over the horizon (growth and discount applied).
    #[serde(with = "crate::report::json::money")]
    pub npv_usd: Decimal,
    /// `migrate_now`, `migrate_gradually` or `stay`.
    pub decision: Decision,
    /// True when unknown AWS usage makes the decision provisional (the AWS cost is a lower bound).
    pub provisional: bool,
    /// Where the phase's assumptions came from.
    pub assumptions_source: &'static str,
    /// AWS per-service costs with line items.
    #[serde(serialize_with = "ser_services")]
    pub aws_services: Costing,
    /// Remaining self-hosted per-service costs.
    #[serde(serialize_with = "ser_services")]
    pub self_hosted_services: Costing,
    /// The AWS side as an `estimate --aws-usage` document.
    pub aws_usage: AwsDoc,
    /// Month-by-month cash flow (month 0 = one-time cost).
    pub cash_flow: Vec<MonthFlow>,
}

/// One workload's mapping explanations.
#[derive(Debug, Clone, Serialize)]
pub struct MappingNote {
    /// Phase it moves in.
    pub phase: u32,
    /// Workload.
    pub workload: &'static str,
    /// One sentence per AWS quantity.
    pub explanations: Vec<String>,
}

/// The decision tree's result, compared with the ROI.
#[derive(Debug, Clone, Serialize)]
pub struct DecisionTree {
    /// `keep_compose`, `consider_aws`, `migrate_to_aws` or `gradual_migration`.
    pub outcome: &'static str,
    /// Each question and the branch taken.
    pub path: Vec<String>,
    /// The phase with the highest net monthly benefit, and its ROI decision.
    pub roi_best_phase: u32,
    /// Its decision.
    pub roi_decision: Decision,
    /// Whether the tree and the ROI agree.
    pub agrees_with_roi: bool,
    /// One sentence on the comparison.
    pub note: String,
    /// The tree's thresholds, to draw it.
    pub thresholds: TreeThresholdsOut,
}

/// The decision tree's thresholds as used.
#[derive(Debug, Clone, Serialize)]
pub struct TreeThresholdsOut {
    /// Teams of at most this many engineers keep Compose.
    pub small_team_max: u32,
    /// Teams of more than this many engineers consider AWS.
    pub mid_team_max: u32,
    /// Mid-size teams below this DAU keep Compose.
    #[serde(with = "crate::report::json::num")]
    pub low_dau_below: Decimal,
    /// Mid-size teams from this DAU migrate to AWS.
    #[serde(with = "crate::report::json::num")]
    pub high_dau_from: Decimal,
}

/// The plan: the one canonical result of `obs-cost plan`.
#[derive(Debug, Clone, Serialize)]
pub struct Plan {
    /// Version of this document.
    pub schema_version: u32,
    /// The scenario.
    pub scenario: ScenarioInfo,
    /// Region priced.
    pub region: String,
    /// Whether free tiers were applied.
    pub free_tier: bool,
    /// Hours per month.
    #[serde(with = "crate::report::json::num")]
    pub hours_per_month: Decimal,
    /// `bundled` or the price-book directory.
    pub price_book: String,
    /// Snapshot date of the region's prices.
    pub price_book_snapshot: String,
    /// The phase shown (`null`: all).
    pub selected_phase: Option<u32>,
    /// Inputs, at expected values.
    pub inputs: Inputs,
    /// The self-hosted baseline.
    pub baseline: Baseline,
    /// Mapping explanations, per workload.
    pub mapping: Vec<MappingNote>,
    /// The metrics workload priced on both targets (CloudWatch vs AMP + AMG).
    pub metrics_targets: Vec<MetricsOption>,
    /// Phases (all, or the selected one).
    pub phases: Vec<PhasePlan>,
    /// The seed's decision tree.
    pub decision_tree: DecisionTree,
    /// Switch points per phase.
    pub switch_points: Vec<switch::SwitchPoint>,
    /// How switch points were computed.
    pub switch_points_method: String,
    /// Monthly cost of ownership of self-hosted and of each phase against DAU (the switch-point chart).
    pub switch_curve: switch::SwitchCurve,
    /// The usage the plan used, with provenance, and the top metrics priced.
    pub usage: measured::UsageSection,
    /// Uncertainty and sensitivity.
    pub uncertainty: uncertainty::Uncertainty,
    /// Every unconfirmed price used, once each.
    pub unconfirmed_prices: Vec<PriceRef>,
    /// Every price-book entry a line item of the plan uses (free-tier parts included), by id, with
    /// its tiers: what `plan --compare-to` and `scenarios check` compare to list the prices that moved.
    pub prices: Vec<UsedPrice>,
    /// Things a reader must know.
    pub notes: Vec<String>,
    /// The price book's regions and their snapshot dates.
    pub price_book_regions: Vec<RegionSnapshot>,
    /// The program that computed the plan, e.g. `obs-cost 0.1.0`.
    pub generated_by: String,
    /// Forecast vs actual per phase and service (`plan --actual`); absent without it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub actual_comparison: Option<actual::ActualComparison>,
}

/// A region of the price book and its snapshot date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RegionSnapshot {
    /// AWS region code.
    pub region: String,
    /// Its location name in the AWS Price List.
    pub location: String,
    /// Snapshot date of its prices (each entry also carries its own as-of date).
    pub snapshot: String,
}

/// A price-book entry the plan uses.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct UsedPrice {
    /// Price-book id.
    pub id: String,
    /// The unit one `usd` buys.
    pub unit: String,
    /// Tiers, as in the price book (exact decimal strings).
    pub tiers: Vec<crate::pricing::book::Tier>,
    /// The date the source gave the price for.
    pub as_of: String,
}

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

/// Loads a scenario file and its usage and builds its plan (see [`with_engine`]). The plan names
/// the scenario file as `shown_as`.
pub fn from_file(
    path: &Path,
    usage: Option<&Path>,
    book: &PriceBook,
    selected: Option<u32>,
    shown_as: &Path,
) -> Result<(Plan, Scenario)> {
    with_engine(path, usage, book, |engine, inputs| {
        let mut plan = build(engine, shown_as, selected)?;
        plan.scenario.inputs = inputs;
        Ok(plan)
    })
}

/// Builds the plan.
pub fn build(engine: &Engine<'_>, scenario_path: &Path, selected: Option<u32>) -> Result<Plan> {
    let s = engine.scenario;
    if let Some(p) = selected {
        if p == 0 || p as usize > engine.phases.len() {
            bail!("--phase {p} is not a phase of this scenario (1 to {})", engine.phases.len());
        }
    }
    let values = Values::expected();
    let estate = engine.estate(&values)?;
    let state = engine.state(&values, Decimal::ONE, true)?;
    let biz = engine.biz(&values);
    let aws: Vec<Decimal> = state.aws.iter().map(|(_, c)| c.total_monthly_usd).collect();
    let rem: Vec<Decimal> = estate.remaining.iter().map(|(_, c)| c.total_monthly_usd).collect();
    let base_total = estate.baseline.1.total_monthly_usd;
    let eco = engine.economics(&biz, &aws, &rem, base_total, Decimal::ONE);
    let horizon = s.horizon_months.unwrap_or(DEFAULT_HORIZON_MONTHS);
    let now_above = s.decision.migrate_now_above_usd.0;
    let grad_from = s.decision.migrate_gradually_from_usd.0;
    let base_minutes = roi::downtime_minutes(biz.base_availability, engine.hours);
    let mut phases = Vec::new();
    let mut on_aws = Vec::new();
    let mut notes = Vec::new();
    for (i, p) in engine.phases.iter().enumerate() {
        on_aws.extend(p.moves.iter().copied());
        let e = &eco[i];
        let net = e.terms.net();
        let one_time = e.labor + e.dual;
        let flows = roi::cash_flow(&CashFlowInputs {
            one_time,
            terms: e.terms,
            monthly_growth_percent: biz.growth,
            downtime_scales: biz.downtime_scales,
            annual_discount_percent: biz.discount,
            horizon_months: horizon,
        });
        let npv = flows.last().map_or(-one_time, |f| f.discounted_cumulative_usd);
        let (aws_doc, aws_c) = &state.aws[i];
        let (_, rem_c) = &estate.remaining[i];
        let provisional = aws_c.unknown_line_items > 0;
        if provisional {
            notes.push(format!(
                "phase {}: {} AWS line item(s) have unknown usage, so its AWS cost is a lower bound and its decision is provisional",
                p.phase, aws_c.unknown_line_items
            ));
        }
        let pb = &biz.phases[i];
        phases.push(PhasePlan {
            phase: p.phase,
            name: p.name.clone(),
            moves: p.moves.clone(),
            on_aws: on_aws.clone(),
            aws_monthly_usd: aws_c.total_monthly_usd,
            aws_unknown_line_items: aws_c.unknown_line_items,
            self_hosted_monthly_usd: rem_c.total_monthly_usd,
            total_monthly_usd: aws_c.total_monthly_usd + rem_c.total_monthly_usd,
            engineer_weeks: pb.weeks,
            dual_running_weeks: pb.dual_weeks,
            migration_labor_usd: e.labor,
            dual_running_usd: e.dual,
            one_time_cost_usd: one_time,
            ops_burden_reduction_percent: pb.reduction,
            ops_labor_usd: biz.ops_fte * biz.loaded - e.terms.ops_labor_saved_usd,
            availability_percent: pb.availability,
            downtime_minutes_per_month: e.downtime_minutes,
            downtime_cost_usd: e.downtime_minutes * biz.downtime_cost,
            productivity_gain_percent: pb.productivity,
            roi: e.terms,
            net_monthly_benefit_usd: net,
            payback_months: roi::payback_months(one_time, net),
            payback_month_in_horizon: roi::payback_month_in(&flows),
            npv_usd: npv,
            decision: roi::decide(net, now_above, grad_from),
            provisional,
            assumptions_source: p.source,
            aws_services: aws_c.clone(),
            self_hosted_services: rem_c.clone(),
            aws_usage: aws_doc.clone(),
            cash_flow: flows,
        });
    }
    if estate.baseline.1.unknown_line_items > 0 {
        notes.push(format!(
            "the self-hosted baseline has {} line item(s) with unknown usage: its cost is a lower bound",
            estate.baseline.1.unknown_line_items
        ));
    }
    // Decision tree against the ROI's best phase.
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
    let decision_tree = DecisionTree {
        outcome: t.outcome.as_str(),
        path: t.path,
        roi_best_phase: best.0,
        roi_decision: best.1,
        agrees_with_roi: agrees,
        note,
        thresholds: TreeThresholdsOut {
            small_team_max: s.decision.tree.small_team_max,
            mid_team_max: s.decision.tree.mid_team_max,
            low_dau_below: s.decision.tree.low_dau_below.0,
            high_dau_from: s.decision.tree.high_dau_from.0,
        },
    };
    let (switch_points, switch_points_method, switch_curve) = switch::compute(engine, &estate, &biz)?;
    let usage = measured::compute(engine)?;
    let uncertainty = uncertainty::compute(engine, &estate, &phases)?;
    // Unconfirmed prices across every costing, once each.
    let mut unconfirmed: BTreeMap<String, PriceRef> = BTreeMap::new();
    for c in std::iter::once(&estate.baseline.1)
        .chain(state.aws.iter().map(|(_, c)| c))
        .chain(estate.remaining.iter().map(|(_, c)| c))
    {
        for p in &c.unconfirmed_prices {
            unconfirmed.entry(p.id.clone()).or_insert_with(|| p.clone());
        }
    }
    let region_book = engine.book.regions.get(&s.region);
    let mut used: BTreeMap<String, UsedPrice> = BTreeMap::new();
    for c in std::iter::once(&estate.baseline.1)
        .chain(state.aws.iter().map(|(_, c)| c))
        .chain(estate.remaining.iter().map(|(_, c)| c))
    {
        for l in c.services.iter().flat_map(|s| &s.line_items) {
            if used.contains_key(&l.price.id) {
                continue;
            }
            if let Some(e) = region_book.and_then(|b| b.entries.iter().find(|e| e.id == l.price.id)) {
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
        crate::units::usd(roi::migration_labor(Decimal::ONE, biz.loaded))
    ));
    notes.push("over the horizon, traffic growth multiplies the infra delta (and the downtime term when it scales with traffic); labor and productivity stay flat".into());
    let mapping_notes = engine
        .phases
        .iter()
        .zip(&state.explanations)
        .flat_map(|(p, ex)| {
            p.moves.iter().map(move |w| MappingNote {
                phase: p.phase,
                workload: w.as_str(),
                explanations: ex.iter().filter(|e| e.workload == *w).map(|e| e.text.clone()).collect(),
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
    let snapshot = engine.book.regions.get(&s.region).map(|r| r.snapshot.clone()).unwrap_or_default();
    let selected_filter = |p: u32| selected.is_none_or(|s| s == p);
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
        hours_per_month: engine.hours,
        price_book: engine.book.origin.clone(),
        price_book_snapshot: snapshot,
        selected_phase: selected,
        inputs: Inputs {
            engineers: s.team.engineers,
            ops_fte: biz.ops_fte,
            loaded_monthly_cost_usd: biz.loaded,
            dau: s.traffic.dau.0,
            monthly_growth_percent: biz.growth,
            downtime_cost_per_minute_usd: biz.downtime_cost,
            downtime_cost_scales_with_traffic: biz.downtime_scales,
            ops_burden: s.business.ops_burden.as_str(),
            horizon_months: horizon,
            annual_discount_rate_percent: biz.discount,
            metrics_target: s.mapping.metrics_target.as_str(),
            migrate_now_above_usd: now_above,
            migrate_gradually_from_usd: grad_from,
        },
        baseline: Baseline {
            self_hosted_monthly_usd: base_total,
            unknown_line_items: estate.baseline.1.unknown_line_items,
            availability_percent: biz.base_availability,
            downtime_minutes_per_month: base_minutes,
            downtime_cost_usd: base_minutes * biz.downtime_cost,
            ops_labor_usd: biz.ops_fte * biz.loaded,
            usage: estate.baseline.0.clone(),
            services: estate.baseline.1.clone(),
        },
        mapping: mapping_notes,
        metrics_targets,
        phases: phases.into_iter().filter(|p| selected_filter(p.phase)).collect(),
        decision_tree,
        switch_points: switch_points.into_iter().filter(|p| selected_filter(p.phase)).collect(),
        switch_points_method,
        switch_curve: switch_curve.filtered(selected),
        usage,
        uncertainty: uncertainty.filtered(selected),
        unconfirmed_prices: unconfirmed.into_values().collect(),
        prices: used.into_values().collect(),
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
