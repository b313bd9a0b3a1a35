//! The snapshot's `actual` section: what CloudWatch says the AWS side used over the window
//! (`measure --cloudwatch`), part of the usage snapshot format documented in the parent module.

use serde::{Deserialize, Serialize};

use super::Measured;

/// What CloudWatch says the AWS side actually used over the window (`measure --cloudwatch`). Every
/// value is a [`Measured`] whose `query` names the API call, namespace, metric, dimensions and
/// statistic, and whose `source_url` is the CloudWatch endpoint. A quantity CloudWatch had no
/// metric for is absent here and listed in the snapshot's `not_measured` (`actual.*`), never 0.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ActualUsage {
    /// AWS region read.
    pub region: String,
    /// The CloudWatch endpoint called (`https://monitoring.<region>.amazonaws.com`, or the
    /// `AWS_ENDPOINT_URL_CLOUDWATCH` override).
    pub endpoint: String,
    /// Start of the window read, RFC 3339 UTC (`at` − `window_seconds`).
    pub start: String,
    /// End of the window read, RFC 3339 UTC (the snapshot's `at`).
    pub end: String,
    /// Period of the datapoints summed, in seconds (a day for windows of whole days).
    pub period_seconds: u64,
    /// CloudWatch Logs ingestion (AWS/Logs IncomingBytes).
    #[serde(default)]
    pub logs: ActualLogs,
    /// CloudWatch custom metrics and API requests.
    #[serde(default)]
    pub metrics: ActualMetrics,
    /// X-Ray traces, when CloudWatch has a trace-count metric.
    #[serde(default)]
    pub traces: ActualTraces,
    /// EC2 instances named with `--instance-id` (Compose hosts running on EC2).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub instances: Vec<ActualInstance>,
}

/// CloudWatch Logs ingestion.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ActualLogs {
    /// GB (10^9 bytes, uncompressed) ingested per month over every log group read: what
    /// CloudWatch Logs bills as "Logs ingested" (the plan's `cloudwatch_logs.ingested_gb`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ingested_gb_per_month: Option<Measured>,
    /// The `--log-group-prefix` values that selected the log groups (empty: every log group).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub log_group_prefixes: Vec<String>,
    /// Per log group, sorted by name.
    #[serde(default)]
    pub log_groups: Vec<ActualLogGroup>,
}

/// One log group's ingestion.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ActualLogGroup {
    /// Log group name (the `LogGroupName` dimension).
    pub name: String,
    /// GB ingested per month.
    pub ingested_gb_per_month: Measured,
}

/// CloudWatch custom metrics and API requests.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ActualMetrics {
    /// Custom metrics (namespace + name + dimension set) outside the `AWS/*` namespaces that
    /// ListMetrics returns, i.e. that received data in the last two weeks: what CloudWatch bills
    /// as metric-months when they report all month (the plan's `cloudwatch_metrics.custom_metrics`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_metrics: Option<Measured>,
    /// Custom metrics per namespace, sorted by namespace.
    #[serde(default)]
    pub namespaces: Vec<NamespaceMetrics>,
    /// CloudWatch API requests per month billed as "API requests" (every operation of AWS/Usage
    /// CallCount except GetMetricData, GetInsightRuleReport and GetMetricWidgetImage, which are
    /// billed per metric): the plan's `cloudwatch_metrics.api_requests`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub api_requests_per_month: Option<Measured>,
    /// Requests per month per CloudWatch API operation (AWS/Usage `Resource` dimension), sorted.
    #[serde(default)]
    pub api_operations: Vec<ApiOperation>,
}

/// Custom metrics of one namespace.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NamespaceMetrics {
    /// The namespace.
    pub namespace: String,
    /// Metrics (name + dimension set) in it.
    pub metrics: u64,
}

/// Calls of one CloudWatch API operation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ApiOperation {
    /// Operation name, e.g. `PutMetricData`.
    pub operation: String,
    /// Whether it is billed as an API request (false for the per-metric GetMetricData family).
    pub billed_as_request: bool,
    /// Requests per month.
    pub requests_per_month: Measured,
}

/// X-Ray traces.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ActualTraces {
    /// Traces per month (the plan's `xray.traces_recorded`), from the AWS/X-Ray
    /// `ApproximateTraceCount` metric of the `Default` group when CloudWatch has it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub traces_per_month: Option<Measured>,
}

/// One EC2 instance.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ActualInstance {
    /// EC2 instance id.
    pub instance_id: String,
    /// Average CPU utilisation over the window, 0 to 1 (AWS/EC2 CPUUtilization ÷ 100).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cpu_utilisation: Option<Measured>,
    /// GB received per month on all network interfaces (AWS/EC2 NetworkIn).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub network_in_gb_per_month: Option<Measured>,
    /// GB sent per month on all network interfaces (AWS/EC2 NetworkOut).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub network_out_gb_per_month: Option<Measured>,
}
