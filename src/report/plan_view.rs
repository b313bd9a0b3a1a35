//! The plan as the HTML report reads it: a deserialisable view of the plan JSON
//! (`obs-cost plan --format json`), so that `report --from plan.json` and `report --scenario` go
//! through the same document and give the same HTML. Only the fields the report shows are read;
//! unknown fields are ignored, and fields added to the plan after schema 1 first appeared default
//! to empty, so older saved plans still render. Parsing only: no formatting, no arithmetic on money.

use rust_decimal::Decimal;
use serde::{Deserialize, Deserializer};

/// An exact decimal from a JSON number (money or quantity) as the plan writes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default)]
pub struct D(pub Decimal);

impl<'de> Deserialize<'de> for D {
    fn deserialize<De: Deserializer<'de>>(deserializer: De) -> Result<Self, De::Error> {
        rust_decimal::serde::arbitrary_precision::deserialize(deserializer).map(D)
    }
}

/// The plan document.
#[derive(Debug, Clone, Deserialize)]
pub struct PlanView {
    /// Version of the plan JSON; this build reads 1.
    pub schema_version: u32,
    /// The scenario.
    pub scenario: ScenarioView,
    /// Region priced.
    pub region: String,
    /// Whether free tiers were applied.
    pub free_tier: bool,
    /// Hours per month.
    pub hours_per_month: D,
    /// `bundled` or the price-book directory.
    pub price_book: String,
    /// Snapshot date of the region's prices.
    pub price_book_snapshot: String,
    /// The phase shown (`null`: all).
    pub selected_phase: Option<u32>,
    /// Inputs that drive the ROI.
    pub inputs: InputsView,
    /// The self-hosted baseline.
    pub baseline: BaselineView,
    /// Mapping explanations.
    #[serde(default)]
    pub mapping: Vec<MappingView>,
    /// The metrics workload on both targets.
    #[serde(default)]
    pub metrics_targets: Vec<MetricsTargetView>,
    /// Phases.
    pub phases: Vec<PhaseView>,
    /// The decision tree.
    pub decision_tree: TreeView,
    /// Switch points per phase.
    #[serde(default)]
    pub switch_points: Vec<SwitchPointView>,
    /// How switch points were computed.
    #[serde(default)]
    pub switch_points_method: String,
    /// Cost of ownership against DAU.
    #[serde(default)]
    pub switch_curve: Option<CurveView>,
    /// Usage with provenance and top metrics.
    #[serde(default)]
    pub usage: Option<UsageView>,
    /// Forecast vs actual (`plan --actual`), when the plan has it.
    #[serde(default)]
    pub actual_comparison: Option<ActualComparisonView>,
    /// Uncertainty and sensitivity.
    pub uncertainty: UncertaintyView,
    /// Unconfirmed prices used.
    #[serde(default)]
    pub unconfirmed_prices: Vec<UnconfirmedView>,
    /// Notes.
    #[serde(default)]
    pub notes: Vec<String>,
    /// The price book's regions.
    #[serde(default)]
    pub price_book_regions: Vec<RegionView>,
    /// The program that computed the plan.
    #[serde(default)]
    pub generated_by: String,
}

/// `scenario`.
#[derive(Debug, Clone, Deserialize)]
pub struct ScenarioView {
    /// Name.
    pub name: String,
    /// Description.
    #[serde(default)]
    pub description: Option<String>,
    /// File.
    pub file: String,
    /// Every value of the file.
    #[serde(default)]
    pub inputs: Vec<KeyValue>,
}

/// A scenario value.
#[derive(Debug, Clone, Deserialize)]
pub struct KeyValue {
    /// Key path.
    pub key: String,
    /// Value as written.
    pub value: String,
}

/// `inputs`.
#[derive(Debug, Clone, Deserialize)]
pub struct InputsView {
    /// Engineers.
    pub engineers: u32,
    /// Ops FTE.
    pub ops_fte: D,
    /// Loaded monthly cost per engineer.
    pub loaded_monthly_cost_usd: D,
    /// DAU.
    pub dau: D,
    /// Monthly growth, percent.
    pub monthly_growth_percent: D,
    /// Downtime cost per minute.
    pub downtime_cost_per_minute_usd: D,
    /// Whether it scales with traffic.
    pub downtime_cost_scales_with_traffic: bool,
    /// `manageable` or `burdensome`.
    pub ops_burden: String,
    /// Horizon, months.
    pub horizon_months: u32,
    /// Annual discount rate, percent.
    pub annual_discount_rate_percent: D,
    /// `cloudwatch` or `managed_prometheus`.
    pub metrics_target: String,
    /// Migrate-now threshold.
    pub migrate_now_above_usd: D,
    /// Migrate-gradually threshold.
    pub migrate_gradually_from_usd: D,
}

/// `baseline`.
#[derive(Debug, Clone, Deserialize)]
pub struct BaselineView {
    /// Infrastructure per month.
    pub self_hosted_monthly_usd: D,
    /// Line items with unknown usage.
    pub unknown_line_items: usize,
    /// Availability, percent.
    pub availability_percent: D,
    /// Downtime minutes a month.
    pub downtime_minutes_per_month: D,
    /// Downtime cost a month.
    pub downtime_cost_usd: D,
    /// Ops labor a month.
    pub ops_labor_usd: D,
    /// Per-service costs.
    pub services: Vec<ServiceView>,
}

/// One service's cost.
#[derive(Debug, Clone, Deserialize)]
pub struct ServiceView {
    /// Usage-file key of the service.
    pub service: String,
    /// USD per month.
    pub monthly_usd: D,
    /// Line items.
    pub line_items: Vec<LineItemView>,
}

/// A priced line item.
#[derive(Debug, Clone, Deserialize)]
pub struct LineItemView {
    /// What is billed.
    pub name: String,
    /// Monthly quantity (null: unknown).
    pub quantity: Option<D>,
    /// Unit.
    pub unit: String,
    /// USD per unit.
    pub unit_price_usd: D,
    /// USD per month (null: usage unknown).
    pub monthly_usd: Option<D>,
    /// `confirmed` or `unconfirmed`.
    pub price_status: String,
}

/// `mapping[]`.
#[derive(Debug, Clone, Deserialize)]
pub struct MappingView {
    /// Phase.
    pub phase: u32,
    /// Workload.
    pub workload: String,
    /// Sentences.
    pub explanations: Vec<String>,
}

/// `metrics_targets[]`.
#[derive(Debug, Clone, Deserialize)]
pub struct MetricsTargetView {
    /// Target.
    pub target: String,
    /// Chosen by the scenario.
    pub chosen: bool,
    /// Monthly cost.
    pub monthly_usd: D,
    /// Unknown line items.
    pub unknown_line_items: usize,
}

/// `phases[].roi`.
#[derive(Debug, Clone, Copy, Deserialize)]
pub struct RoiView {
    /// Infrastructure cost increase.
    pub infra_delta_usd: D,
    /// Ops labor saved.
    pub ops_labor_saved_usd: D,
    /// Downtime cost saved.
    pub downtime_saved_usd: D,
    /// Productivity gained.
    pub productivity_gained_usd: D,
}

/// `phases[].cash_flow[]`.
#[derive(Debug, Clone, Copy, Deserialize)]
pub struct MonthView {
    /// Month.
    pub month: u32,
    /// Running total.
    pub cumulative_usd: D,
}

/// `phases[]`.
#[derive(Debug, Clone, Deserialize)]
pub struct PhaseView {
    /// 1-based.
    pub phase: u32,
    /// Name.
    pub name: String,
    /// Workloads moved in it.
    pub moves: Vec<String>,
    /// AWS per month.
    pub aws_monthly_usd: D,
    /// AWS line items with unknown usage.
    pub aws_unknown_line_items: usize,
    /// Remaining self-hosted per month.
    pub self_hosted_monthly_usd: D,
    /// AWS + self-hosted.
    pub total_monthly_usd: D,
    /// Engineer-weeks of this phase.
    pub engineer_weeks: D,
    /// One-time cost, phases 1..N.
    pub one_time_cost_usd: D,
    /// Availability, percent.
    pub availability_percent: D,
    /// ROI terms.
    pub roi: RoiView,
    /// Net monthly benefit.
    pub net_monthly_benefit_usd: D,
    /// Payback months (null: never).
    pub payback_months: Option<u32>,
    /// Break-even month in the horizon (null: none).
    pub payback_month_in_horizon: Option<u32>,
    /// NPV.
    pub npv_usd: D,
    /// Decision.
    pub decision: String,
    /// Provisional decision.
    pub provisional: bool,
    /// AWS services.
    pub aws_services: Vec<ServiceView>,
    /// Remaining self-hosted services.
    pub self_hosted_services: Vec<ServiceView>,
    /// Cash flow.
    pub cash_flow: Vec<MonthView>,
}

/// `decision_tree`.
#[derive(Debug, Clone, Deserialize)]
pub struct TreeView {
    /// Outcome.
    pub outcome: String,
    /// Path.
    pub path: Vec<String>,
    /// ROI's best phase.
    pub roi_best_phase: u32,
    /// Its decision.
    pub roi_decision: String,
    /// Agreement.
    pub agrees_with_roi: bool,
    /// Sentence.
    pub note: String,
    /// Thresholds (absent in plans written before the report existed).
    #[serde(default)]
    pub thresholds: Option<ThresholdsView>,
}

/// `decision_tree.thresholds`.
#[derive(Debug, Clone, Copy, Deserialize)]
pub struct ThresholdsView {
    /// Small team max.
    pub small_team_max: u32,
    /// Mid team max.
    pub mid_team_max: u32,
    /// Low DAU bound.
    pub low_dau_below: D,
    /// High DAU bound.
    pub high_dau_from: D,
}

/// `actual_comparison` (`plan --actual`).
#[derive(Debug, Clone, Deserialize)]
pub struct ActualComparisonView {
    /// The usage snapshot read.
    pub file: String,
    /// Region CloudWatch was read in.
    pub region: String,
    /// Window start.
    pub start: String,
    /// Window end.
    pub end: String,
    /// How the error is computed.
    pub error_definition: String,
    /// Phases compared.
    #[serde(default)]
    pub phases: Vec<ActualPhaseView>,
    /// Caveats.
    #[serde(default)]
    pub notes: Vec<String>,
}

/// `actual_comparison.phases[]`.
#[derive(Debug, Clone, Deserialize)]
pub struct ActualPhaseView {
    /// Phase.
    pub phase: u32,
    /// Name.
    pub name: String,
    /// Services compared.
    pub services: Vec<ActualServiceView>,
    /// Forecast cost of the compared services.
    pub forecast_monthly_usd: D,
    /// Actual cost.
    pub actual_monthly_usd: D,
    /// Error, percent.
    pub error_percent: Option<D>,
}

/// `actual_comparison.phases[].services[]`.
#[derive(Debug, Clone, Deserialize)]
pub struct ActualServiceView {
    /// Service key.
    pub service: String,
    /// Quantities compared.
    pub quantities: Vec<ActualQuantityView>,
    /// Forecast cost.
    pub forecast_monthly_usd: D,
    /// Actual cost.
    pub actual_monthly_usd: D,
    /// Error, percent.
    pub error_percent: Option<D>,
}

/// `actual_comparison.phases[].services[].quantities[]`.
#[derive(Debug, Clone, Deserialize)]
pub struct ActualQuantityView {
    /// Line-item name.
    pub name: String,
    /// Unit.
    pub unit: String,
    /// Forecast per month.
    pub forecast: Option<D>,
    /// Actual per month.
    pub actual: Option<D>,
    /// Error, percent.
    pub error_percent: Option<D>,
    /// Scaled from less data than the window.
    #[serde(default)]
    pub actual_extrapolated: bool,
}

/// `switch_points[]`.
#[derive(Debug, Clone, Deserialize)]
pub struct SwitchPointView {
    /// Phase.
    pub phase: u32,
    /// DAU at net $0.
    pub dau_net_zero: Option<D>,
    /// How.
    pub dau_net_zero_status: String,
    /// DAU at the migrate-now threshold.
    pub dau_net_1000: Option<D>,
    /// How.
    pub dau_net_1000_status: String,
    /// Team at net $0.
    pub team_net_zero: Option<u32>,
    /// How.
    pub team_net_zero_status: String,
    /// Team at the threshold.
    pub team_net_1000: Option<u32>,
    /// How.
    pub team_net_1000_status: String,
}

/// `switch_curve`.
#[derive(Debug, Clone, Deserialize)]
pub struct CurveView {
    /// What the costs hold.
    pub method: String,
    /// DAU points.
    pub dau: Vec<D>,
    /// All self-hosted.
    pub self_hosted_monthly_usd: Vec<D>,
    /// Per phase.
    pub phases: Vec<PhaseCurveView>,
}

/// `switch_curve.phases[]`.
#[derive(Debug, Clone, Deserialize)]
pub struct PhaseCurveView {
    /// Phase.
    pub phase: u32,
    /// Cost per DAU point.
    pub monthly_usd: Vec<Option<D>>,
}

/// `usage`.
#[derive(Debug, Clone, Deserialize)]
pub struct UsageView {
    /// Where the usage came from.
    pub source: String,
    /// Values.
    pub values: Vec<UsageValueView>,
    /// Top metrics.
    #[serde(default)]
    pub top_metrics: Vec<TopMetricView>,
    /// How they were priced.
    #[serde(default)]
    pub top_metrics_method: String,
}

/// `usage.values[]`.
#[derive(Debug, Clone, Deserialize)]
pub struct UsageValueView {
    /// Key path.
    pub key: String,
    /// Low.
    pub low: D,
    /// Expected.
    pub expected: D,
    /// High.
    pub high: D,
    /// `scenario` or `snapshot`.
    pub source: String,
    /// Query.
    #[serde(default)]
    pub query: Option<String>,
    /// Window, seconds.
    #[serde(default)]
    pub window_seconds: Option<u64>,
    /// Extrapolated.
    #[serde(default)]
    pub extrapolated: Option<bool>,
}

/// `usage.top_metrics[]`.
#[derive(Debug, Clone, Deserialize)]
pub struct TopMetricView {
    /// Metric name.
    pub name: String,
    /// Series.
    pub series: D,
    /// On CloudWatch.
    pub cloudwatch_monthly_usd: Option<D>,
    /// On AMP.
    pub managed_prometheus_monthly_usd: Option<D>,
}

/// `uncertainty`.
#[derive(Debug, Clone, Deserialize)]
pub struct UncertaintyView {
    /// Samples drawn.
    pub samples: u32,
    /// How.
    pub method: String,
    /// Uncertain values.
    #[serde(default)]
    pub assumptions: Vec<AssumptionView>,
    /// Per phase.
    pub phases: Vec<PhaseRangeView>,
    /// Tornado rows.
    #[serde(default)]
    pub tornado: Vec<TornadoView>,
}

/// `uncertainty.assumptions[]`.
#[derive(Debug, Clone, Deserialize)]
pub struct AssumptionView {
    /// Key.
    pub key: String,
    /// Low.
    pub low: D,
    /// Expected.
    pub expected: D,
    /// High.
    pub high: D,
}

/// Low / expected / high.
#[derive(Debug, Clone, Copy, Deserialize)]
pub struct Range3View {
    /// P10.
    pub low: D,
    /// Expected.
    pub expected: D,
    /// P90.
    pub high: D,
}

/// `uncertainty.phases[]`.
#[derive(Debug, Clone, Deserialize)]
pub struct PhaseRangeView {
    /// Phase.
    pub phase: u32,
    /// Net monthly benefit.
    pub net_monthly_benefit_usd: Range3View,
    /// NPV.
    pub npv_usd: Range3View,
}

/// `uncertainty.tornado[]`.
#[derive(Debug, Clone, Deserialize)]
pub struct TornadoView {
    /// Phase.
    pub phase: u32,
    /// Assumption.
    pub key: String,
    /// Low end.
    pub low: D,
    /// High end.
    pub high: D,
    /// Net at low.
    pub net_at_low_usd: D,
    /// Net at high.
    pub net_at_high_usd: D,
    /// Swing.
    pub swing_usd: D,
}

/// `unconfirmed_prices[]`.
#[derive(Debug, Clone, Deserialize)]
pub struct UnconfirmedView {
    /// Price id.
    pub id: String,
    /// Region.
    pub region: String,
    /// Service code.
    pub service_code: String,
    /// Usage type.
    pub usage_type: String,
    /// As of.
    pub as_of: String,
    /// Source.
    pub source: String,
    /// Why unconfirmed.
    #[serde(default)]
    pub note: Option<String>,
}

/// `price_book_regions[]`.
#[derive(Debug, Clone, Deserialize)]
pub struct RegionView {
    /// Region.
    pub region: String,
    /// Location.
    pub location: String,
    /// Snapshot date.
    pub snapshot: String,
}

/// The plan schema version this build reads.
pub const READS_SCHEMA_VERSION: u32 = 1;

/// Parses plan JSON; the error says which field is wrong.
pub fn parse(json: &str) -> Result<PlanView, String> {
    let probe: serde_json::Value = serde_json::from_str(json).map_err(|e| format!("not valid JSON: {e}"))?;
    match probe.get("schema_version").and_then(serde_json::Value::as_u64) {
        Some(v) if v == u64::from(READS_SCHEMA_VERSION) => {}
        Some(v) => {
            return Err(format!(
                "it has schema_version {v}; this build reads plans of schema_version {READS_SCHEMA_VERSION}"
            ))
        }
        None => {
            return Err("it has no schema_version: it is not a plan written by `obs-cost plan --format json`".into())
        }
    }
    serde_json::from_value(probe).map_err(|e| format!("it does not have the shape of a plan: {e}"))
}
