//! The plan document: the one canonical, versioned result of `obs-cost plan`, written as JSON
//! (`plan --format json`, the goldens in `scenarios/expected/`) and read back by `report --from`,
//! `plan --compare-to` and `scenarios check` through [`Plan::from_json`], the one validator. Every
//! output format is a view of this type. The `///` docs below are the JSON format's reference.
//! Money is [`Money`] (to the cent when written), other numbers [`Exact`]; both are exact in memory.
//!
//! Fields added after schema 1 first appeared (`usage`, `switch_curve`, `scenario.inputs`,
//! `decision_tree.thresholds`, `prices`, `price_book_regions`, `generated_by`, ...) read as empty
//! when absent, so plans saved by older builds still render. Types only: building is `build`.

use std::path::Path;

use anyhow::{Context, Result};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use thiserror::Error;

use super::actual::ActualComparison;
use super::measured::UsageSection;
use super::switch::{SwitchCurve, SwitchPoint};
use super::uncertainty::Uncertainty;
use super::used::{SeriesPricing, UsedSeries};
use crate::cost::{PriceFlags, PriceRef, ServiceCost};
use crate::model::AwsUsage;
use crate::pricing::Tier;
use crate::roi::tree::Outcome;
use crate::roi::{Decision, MonthFlow, RoiTerms};
use crate::scenario::hidden::AgentPath;
use crate::scenario::{MetricsTarget, OpsBurden, Workload};
use crate::units::{Exact, Money};

/// Version of the plan JSON this build writes and reads.
pub const PLAN_SCHEMA_VERSION: u32 = 1;

/// The plan: the one canonical result of `obs-cost plan`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
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
    pub hours_per_month: Exact,
    /// `bundled` or the price-book directory.
    pub price_book: String,
    /// Snapshot date of the region's prices.
    pub price_book_snapshot: String,
    /// The phase shown (`null`: all).
    pub selected_phase: Option<u32>,
    /// The inputs that drive the ROI, at expected values.
    pub inputs: Inputs,
    /// The self-hosted baseline.
    pub baseline: Baseline,
    /// Mapping explanations, per workload.
    #[serde(default)]
    pub mapping: Vec<MappingNote>,
    /// The metrics workload priced on both targets (CloudWatch vs AMP + AMG).
    #[serde(default)]
    pub metrics_targets: Vec<MetricsOption>,
    /// Phases (all, or the selected one).
    pub phases: Vec<PhasePlan>,
    /// The seed's decision tree.
    pub decision_tree: DecisionTree,
    /// Switch points per phase.
    #[serde(default)]
    pub switch_points: Vec<SwitchPoint>,
    /// How switch points were computed.
    #[serde(default)]
    pub switch_points_method: String,
    /// Monthly cost of ownership of self-hosted and of each phase against DAU (the switch-point
    /// chart); empty in plans of builds before it.
    #[serde(default)]
    pub switch_curve: SwitchCurve,
    /// The usage the plan used, with provenance, and the top metrics priced; empty in plans of
    /// builds before it.
    #[serde(default)]
    pub usage: UsageSection,
    /// What the rules and dashboards read: used against unused series, what the unused ones cost
    /// on CloudWatch and on AMP, the expressions not parsed; null in plans of builds before it
    /// (its `used_series` is null when the usage has no used-series count).
    #[serde(default)]
    pub used_series: Option<UsedSeries>,
    /// Uncertainty and sensitivity.
    pub uncertainty: Uncertainty,
    /// Every unconfirmed price used, once each.
    #[serde(default)]
    pub unconfirmed_prices: Vec<PriceRef>,
    /// The derived, unconfirmed and stale prices any costing of the plan uses (baseline, phases,
    /// what remains self-hosted): counts, each one, and the command that renews them; empty in
    /// plans of builds before it.
    #[serde(default)]
    pub price_flags: PriceFlags,
    /// Every price-book entry a line item of the plan uses (free-tier parts included), by id, with
    /// its tiers: what `plan --compare-to` and `scenarios check` compare to list the prices that moved.
    #[serde(default)]
    pub prices: Vec<UsedPrice>,
    /// Sizings that priced a class while a fitting one, no larger, had no price in the region (it
    /// could have been cheaper), and switch-point searches that stopped where nothing could be
    /// priced; empty in plans of builds before it.
    #[serde(default)]
    pub sizing_warnings: Vec<SizingWarning>,
    /// How the agents reach AWS once compute runs there, priced both ways (NAT gateway or VPC
    /// interface endpoints); absent when compute stays self-hosted or tasks run in public subnets.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub agent_transport: Option<AgentTransport>,
    /// Things a reader must know.
    #[serde(default)]
    pub notes: Vec<String>,
    /// The price book's regions and their snapshot dates.
    #[serde(default)]
    pub price_book_regions: Vec<RegionSnapshot>,
    /// The program that computed the plan, e.g. `obs-cost 0.1.0`.
    #[serde(default)]
    pub generated_by: String,
    /// Forecast vs actual per phase and service (`plan --actual`); absent without it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub actual_comparison: Option<ActualComparison>,
}

/// Name, description and file of the scenario.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScenarioInfo {
    /// Scenario name.
    pub name: String,
    /// Its description, if the scenario has one.
    #[serde(default)]
    pub description: Option<String>,
    /// The file it was read from.
    pub file: String,
    /// Every value of the scenario file, flattened, in the file's order (empty when the plan was
    /// built without the file's text).
    #[serde(default)]
    pub inputs: Vec<ScenarioInput>,
}

/// One value of the scenario file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScenarioInput {
    /// Key path, e.g. `team.ops_fte` or `self_hosted.hosts[app].count`.
    pub key: String,
    /// The value as written (a range as `{low: .., expected: .., high: ..}`).
    pub value: String,
}

/// The inputs that drive the ROI, as used (expected values).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Inputs {
    /// Engineers on the team.
    pub engineers: u32,
    /// Full-time equivalents operating the self-hosted stack.
    pub ops_fte: Exact,
    /// Loaded monthly cost of one engineer, USD.
    pub loaded_monthly_cost_usd: Money,
    /// Daily active users at the measured point.
    pub dau: Exact,
    /// Monthly traffic growth, percent.
    pub monthly_growth_percent: Exact,
    /// What a minute of downtime costs, USD.
    pub downtime_cost_per_minute_usd: Money,
    /// Whether the cost of a minute of downtime scales with traffic.
    pub downtime_cost_scales_with_traffic: bool,
    /// `manageable` or `burdensome`.
    pub ops_burden: OpsBurden,
    /// Months projected.
    pub horizon_months: u32,
    /// Annual discount rate, percent.
    pub annual_discount_rate_percent: Exact,
    /// `cloudwatch` or `managed_prometheus`.
    pub metrics_target: MetricsTarget,
    /// Net monthly benefit above which to migrate now, USD.
    pub migrate_now_above_usd: Money,
    /// Net monthly benefit from which to migrate gradually, USD; below it, stay.
    pub migrate_gradually_from_usd: Money,
}

/// The self-hosted baseline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Baseline {
    /// Infrastructure per month.
    pub self_hosted_monthly_usd: Money,
    /// Line items whose usage is unknown: when above 0, the infrastructure cost is a lower bound.
    pub unknown_line_items: usize,
    /// Availability, percent.
    pub availability_percent: Exact,
    /// Downtime minutes a month.
    pub downtime_minutes_per_month: Exact,
    /// Downtime cost a month.
    pub downtime_cost_usd: Money,
    /// Ops labor a month (ops FTE × loaded cost).
    pub ops_labor_usd: Money,
    /// The estate as an `estimate --aws-usage` document.
    pub usage: AwsUsage,
    /// Per-service costs with their line items.
    pub services: Vec<ServiceCost>,
}

/// One phase of the plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PhasePlan {
    /// 1-based phase number.
    pub phase: u32,
    /// Phase name.
    pub name: String,
    /// Workloads moved in this phase.
    pub moves: Vec<Workload>,
    /// Workloads on AWS once this phase is done (phases 1..N).
    pub on_aws: Vec<Workload>,
    /// AWS managed services per month (known line items only).
    pub aws_monthly_usd: Money,
    /// AWS line items whose usage is unknown: when above 0, `aws_monthly_usd` is a lower bound.
    pub aws_unknown_line_items: usize,
    /// What still runs self-hosted, per month.
    pub self_hosted_monthly_usd: Money,
    /// AWS + self-hosted.
    pub total_monthly_usd: Money,
    /// Engineer-weeks of this phase alone.
    pub engineer_weeks: Exact,
    /// Dual-running weeks of this phase alone.
    pub dual_running_weeks: Exact,
    /// Engineer-weeks of phases 1..N: the weeks `migration_labor_usd` prices (absent in plans
    /// saved before it was added).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub migration_engineer_weeks: Option<Exact>,
    /// Dual-running weeks of phases 1..N: the weeks `dual_running_usd` prices (absent in plans
    /// saved before it was added).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub migration_dual_running_weeks: Option<Exact>,
    /// Migration labor of phases 1..N.
    pub migration_labor_usd: Money,
    /// Dual-running cost of phases 1..N (AWS services paid while the old ones still run).
    pub dual_running_usd: Money,
    /// Migration labor + dual running, phases 1..N.
    pub one_time_cost_usd: Money,
    /// Ops burden reduction reached, percent.
    pub ops_burden_reduction_percent: Exact,
    /// Ops labor still spent a month.
    pub ops_labor_usd: Money,
    /// Availability, percent.
    pub availability_percent: Exact,
    /// Downtime minutes a month.
    pub downtime_minutes_per_month: Exact,
    /// Downtime cost a month.
    pub downtime_cost_usd: Money,
    /// Productivity gain, percent.
    pub productivity_gain_percent: Exact,
    /// The four ROI terms.
    pub roi: RoiTerms<Money>,
    /// − infra delta + ops labor saved + downtime saved + productivity gained.
    pub net_monthly_benefit_usd: Money,
    /// ceil(one-time cost ÷ net monthly benefit); null when the net is not positive (never).
    pub payback_months: Option<u32>,
    /// First month of the projection whose cumulative cash flow is ≥ 0 (with growth); null if none.
    pub payback_month_in_horizon: Option<u32>,
    /// NPV over the horizon (growth and discount applied).
    pub npv_usd: Money,
    /// `migrate_now`, `migrate_gradually` or `stay`.
    pub decision: Decision,
    /// True when unknown AWS usage makes the decision provisional (the AWS cost is a lower bound).
    pub provisional: bool,
    /// Where the phase's assumptions came from.
    pub assumptions_source: String,
    /// AWS per-service costs with line items.
    pub aws_services: Vec<ServiceCost>,
    /// Remaining self-hosted per-service costs.
    pub self_hosted_services: Vec<ServiceCost>,
    /// The AWS side as an `estimate --aws-usage` document.
    pub aws_usage: AwsUsage,
    /// With metrics on CloudWatch, the AWS total shipping every series and shipping only the used
    /// ones (the phase's totals use `chosen`); null when metrics are not on CloudWatch in this
    /// phase, and in plans of builds before it.
    #[serde(default)]
    pub cloudwatch_series: Option<SeriesPricing>,
    /// Month-by-month cash flow (month 0 = one-time cost).
    pub cash_flow: Vec<MonthFlow>,
}

/// A size the plan could not trust: a sizing that passed over fitting classes for lack of a price,
/// or a switch-point search that stopped where no size could be priced.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SizingWarning {
    /// The phases it concerns (a search stop ends the searches of the later phases too).
    pub phases: Vec<u32>,
    /// The workload sized.
    pub workload: Workload,
    /// The DAU it was sized at: the scenario's, or where the switch-point search stopped.
    pub dau: Exact,
    /// Classes that fit but have no price in the region (for a priced sizing, those no larger than
    /// the class priced, so one of them could have been cheaper).
    pub skipped: Vec<String>,
    /// The class priced instead; null when none could be (the search stopped there).
    pub priced: Option<String>,
    /// The warning in words.
    pub text: String,
}

/// The agents' traffic to CloudWatch, X-Ray and AMP, priced through the NAT gateway and through VPC
/// interface endpoints.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AgentTransport {
    /// The phase it is priced for: the last one, with everything it moves on AWS.
    pub phase: u32,
    /// `nat` or `vpc_endpoints`: the path the plan prices (`mapping.network.agents_via`).
    pub via: AgentPath,
    /// GB per month the agents send; null when some of it is unknown.
    pub telemetry_gb: Option<Exact>,
    /// The interface endpoints they would need, one per AWS service.
    pub endpoints: Vec<String>,
    /// Availability Zones each endpoint would have an interface in.
    pub availability_zones: u32,
    /// What the telemetry costs a month as NAT data processed; null when unknown.
    pub nat_monthly_usd: Option<Money>,
    /// What it costs a month through the endpoints (hours and data processed); null when unknown.
    pub vpc_endpoints_monthly_usd: Option<Money>,
    /// The cheaper path; null when unknown.
    pub cheaper: Option<AgentPath>,
    /// One sentence saying which is cheaper and by how much.
    pub text: String,
}

/// One workload's mapping explanations.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MappingNote {
    /// Phase it moves in.
    pub phase: u32,
    /// The workload.
    pub workload: Workload,
    /// One sentence per AWS quantity.
    pub explanations: Vec<String>,
}

/// The metrics workload priced on one target.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MetricsOption {
    /// `cloudwatch` or `managed_prometheus`.
    pub target: MetricsTarget,
    /// Whether the scenario's mapping chose it.
    pub chosen: bool,
    /// Monthly cost of the metrics workload alone (known line items).
    pub monthly_usd: Money,
    /// Line items whose usage is unknown.
    pub unknown_line_items: usize,
}

/// The decision tree's result, compared with the ROI.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DecisionTree {
    /// `keep_compose`, `consider_aws`, `migrate_to_aws` or `gradual_migration`.
    pub outcome: Outcome,
    /// Each question and the branch taken.
    pub path: Vec<String>,
    /// The phase with the highest net monthly benefit.
    pub roi_best_phase: u32,
    /// Its ROI decision.
    pub roi_decision: Decision,
    /// Whether the tree and the ROI agree.
    pub agrees_with_roi: bool,
    /// One sentence on the comparison.
    pub note: String,
    /// The tree's thresholds, to draw it (the seed's defaults in plans of builds before it).
    #[serde(default)]
    pub thresholds: TreeThresholds,
}

/// The decision tree's thresholds as used.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct TreeThresholds {
    /// Teams of at most this many engineers keep Compose.
    pub small_team_max: u32,
    /// Teams of more than this many engineers consider AWS.
    pub mid_team_max: u32,
    /// Mid-size teams below this DAU keep Compose.
    pub low_dau_below: Exact,
    /// Mid-size teams from this DAU migrate to AWS.
    pub high_dau_from: Exact,
}

impl Default for TreeThresholds {
    /// The seed's thresholds: 3 and 10 engineers, 10,000 and 100,000 DAU.
    fn default() -> Self {
        TreeThresholds {
            small_team_max: 3,
            mid_team_max: 10,
            low_dau_below: Exact(10_000.into()),
            high_dau_from: Exact(100_000.into()),
        }
    }
}

/// A region of the price book and its snapshot date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RegionSnapshot {
    /// AWS region code.
    pub region: String,
    /// Its location name in the AWS Price List.
    pub location: String,
    /// Snapshot date of its prices (each entry also carries its own as-of date).
    pub snapshot: String,
}

/// A price-book entry the plan uses.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UsedPrice {
    /// Price-book id.
    pub id: String,
    /// The unit one `usd` buys.
    pub unit: String,
    /// Tiers, as in the price book (exact decimal strings).
    pub tiers: Vec<Tier>,
    /// The date the source gave the price for.
    pub as_of: String,
}

/// Why a text is not a plan this build can read.
#[derive(Debug, Error, PartialEq, Eq)]
pub enum PlanReadError {
    /// Not JSON at all.
    #[error("is not valid JSON: {0}")]
    NotJson(String),
    /// JSON, but no `schema_version`.
    #[error("is not a plan JSON document: it has no schema_version")]
    NoVersion,
    /// A plan of another schema version.
    #[error("has schema_version {0}, but this build reads plans of schema_version {PLAN_SCHEMA_VERSION}")]
    Version(u64),
    /// The right version, the wrong fields.
    #[error("does not have the shape of a plan: {0}")]
    Shape(String),
    /// A key or string with a terminal control character (an ANSI escape), which would reach a terminal.
    #[error("has the control character {1} in {0}, which obs-cost refuses so that it cannot reach a terminal")]
    Control(String, String),
}

impl Plan {
    /// The plan as a plan of phase `n` alone would show it: that phase's rows, switch points,
    /// curve, uncertainty, and the mapping notes and sizing warnings of phases 1..n.
    pub fn only_phase(mut self, n: u32) -> Plan {
        self.phases.retain(|p| p.phase == n);
        self.switch_points.retain(|p| p.phase == n);
        self.switch_curve = self.switch_curve.filtered(Some(n));
        self.uncertainty = self.uncertainty.filtered(Some(n));
        self.mapping.retain(|m| m.phase <= n);
        self.sizing_warnings.retain(|w| w.phases.iter().any(|p| *p <= n));
        self
    }

    /// The engineer-weeks and dual-running weeks the one-time cost of `ph` prices (phases 1..N):
    /// its own fields, or, in a plan saved before them, the sum over phases 1..N when the plan
    /// holds them all; `None` when it does not (a single-phase plan of an older build).
    pub fn weeks_priced(&self, ph: &PhasePlan) -> Option<(Decimal, Decimal)> {
        if let (Some(w), Some(d)) = (ph.migration_engineer_weeks, ph.migration_dual_running_weeks) {
            return Some((w.0, d.0));
        }
        let upto: Vec<&PhasePlan> = self.phases.iter().filter(|p| p.phase <= ph.phase).collect();
        (upto.len() == ph.phase as usize).then(|| {
            upto.iter()
                .fold((Decimal::ZERO, Decimal::ZERO), |(w, d), p| (w + p.engineer_weeks.0, d + p.dual_running_weeks.0))
        })
    }

    /// The plan as pretty JSON, the canonical form (what goldens hold).
    pub fn to_json(&self) -> Result<String> {
        Ok(serde_json::to_string_pretty(self).context("cannot write the plan as JSON")? + "\n")
    }

    /// Reads plan JSON: the schema version first, then the shape, so that the error says which.
    /// The JSON is read as a bounded tree (`input::parse_json`), and parser messages never quote
    /// the file's strings.
    pub fn from_json(text: &str) -> Result<Plan, PlanReadError> {
        let scrub = |e: serde_json::Error| crate::redact::scrub_parse_error(&e.to_string());
        let value = crate::input::parse_json(text).map_err(|e| PlanReadError::NotJson(scrub(e)))?;
        if let Some((key, c)) = crate::input::json_control_character(&value) {
            return Err(PlanReadError::Control(key, c.escape_unicode().to_string()));
        }
        match value.get("schema_version").and_then(serde_json::Value::as_u64) {
            None => return Err(PlanReadError::NoVersion),
            Some(v) if v == u64::from(PLAN_SCHEMA_VERSION) => {}
            Some(v) => return Err(PlanReadError::Version(v)),
        }
        serde_json::from_value(value).map_err(|e| PlanReadError::Shape(scrub(e)))
    }

    /// The plan as it reads back from its JSON: money to the cent, as `report --from`, a golden
    /// and a saved plan hold it. Views and comparisons that must agree with a saved plan use this.
    pub fn as_written(&self) -> Result<Plan> {
        Plan::from_json(&self.to_json()?).map_err(|e| {
            anyhow::anyhow!("the plan does not read back: it {e}; this is a bug in obs-cost, please report it")
        })
    }

    /// Reads a saved plan from `path`; `what` names it in errors (`plan`, `golden`, ...).
    pub fn read(path: &Path, what: &str) -> Result<Plan> {
        let text = crate::input::read_text(path, crate::input::PLAN_JSON)
            .with_context(|| format!("cannot read {what} '{}'", path.display()))?;
        Plan::from_json(&text).map_err(|e| {
            let hint = match e {
                PlanReadError::Version(_) => {
                    "write it again with this build's `obs-cost plan --format json` (or `scenarios check --update`)"
                }
                _ => "give a file written by `obs-cost plan --scenario FILE --format json -o plan.json`",
            };
            anyhow::anyhow!("{what} '{}' {e}\nhint: {hint}", path.display())
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_validator_says_what_is_wrong() {
        assert!(matches!(Plan::from_json("{not json"), Err(PlanReadError::NotJson(_))));
        assert_eq!(Plan::from_json("{\"a\": 1}"), Err(PlanReadError::NoVersion));
        assert_eq!(Plan::from_json("{\"schema_version\": 9}"), Err(PlanReadError::Version(9)));
        let shape = Plan::from_json("{\"schema_version\": 1, \"region\": \"us-east-1\"}").unwrap_err();
        assert!(shape.to_string().starts_with("does not have the shape of a plan"), "{shape}");
    }

    fn golden() -> serde_json::Value {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/scenarios/expected/example.json");
        serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
    }

    #[test]
    fn a_plan_reads_back_as_it_was_written() {
        let text =
            std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/scenarios/expected/example.json")).unwrap();
        assert_eq!(Plan::from_json(&text).unwrap().to_json().unwrap(), text);
    }

    #[test]
    fn a_plan_saved_before_the_later_fields_still_reads() {
        let mut v = golden();
        let o = v.as_object_mut().unwrap();
        for key in [
            "usage",
            "switch_curve",
            "prices",
            "price_book_regions",
            "generated_by",
            "mapping",
            "notes",
            "price_flags",
            "sizing_warnings",
            "agent_transport",
            "used_series",
        ] {
            o.remove(key);
        }
        for ph in o["phases"].as_array_mut().unwrap() {
            ph.as_object_mut().unwrap().remove("cloudwatch_series");
            for s in ph["aws_services"].as_array_mut().unwrap() {
                for l in s["line_items"].as_array_mut().unwrap() {
                    l.as_object_mut().unwrap().remove("price_stale");
                }
            }
        }
        o["scenario"].as_object_mut().unwrap().remove("inputs");
        o["decision_tree"].as_object_mut().unwrap().remove("thresholds");
        for sp in o["switch_points"].as_array_mut().unwrap() {
            sp.as_object_mut().unwrap().remove("dau_searched_max");
        }
        let p = Plan::from_json(&v.to_string()).unwrap();
        assert!(p.usage.source.is_empty() && p.switch_curve.dau.is_empty() && p.scenario.inputs.is_empty());
        assert_eq!(p.decision_tree.thresholds, TreeThresholds::default());
        assert!(p.switch_points.iter().all(|s| s.dau_searched_max.is_none()));
        assert!(p.price_flags.is_empty() && p.sizing_warnings.is_empty() && p.agent_transport.is_none());
        assert!(p.used_series.is_none() && p.phases.iter().all(|ph| ph.cloudwatch_series.is_none()));
        // And the report still renders it, saying what the old plan lacks.
        use crate::report::Render;
        let html = crate::report::plan::Html { generated: None, locale: Default::default() }.render(&p).unwrap();
        assert!(html.contains("not recorded in this plan") && html.contains("no cost-against-DAU series"), "{html}");
        assert!(html.contains("<section id=\"used-series\"") && html.contains("saved by an older build"), "{html}");
        let table = crate::report::plan::renderer(crate::report::Format::Table, &crate::i18n::Locale::english())
            .unwrap()
            .render(&p)
            .unwrap();
        assert!(table.contains("What your rules and dashboards read: not recorded in this plan"), "{table}");
    }
}
