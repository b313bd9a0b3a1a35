//! The usage snapshot that `obs-cost measure` writes and the planner reads, and the measuring
//! pipeline behind it. This module owns the file format (`schema_version: 1`, `kind: usage`): every
//! serialised field below is documented with `///`, and those docs are the format reference. It
//! does no pricing; `collect` runs the queries of `queries` through the
//! HTTP client in `prometheus`; `cloudwatch` reads the `actual` section from the CloudWatch API.
//!
//! Conventions of the format:
//! - every measured quantity is a [`Measured`]: `{value, unit, query, window_seconds,
//!   extrapolated, ...}` with its provenance;
//! - `GB` means 10^9 bytes; a month is 730 hours (2,628,000 s), the AWS billing convention;
//! - a component that was not found is listed in `not_measured` with a hint; it is never 0;
//! - fields may be added within `schema_version: 1` (readers ignore unknown fields); renaming or
//!   removing one, or changing its meaning, bumps the version.

mod actual;
pub mod api;
pub mod cloudwatch;
pub mod collect;
mod entities;
mod merge;
pub mod prometheus;
pub mod queries;
pub mod used;

use std::collections::BTreeMap;
use std::path::Path;

use anyhow::{bail, Context, Result};
use serde::{Deserialize, Serialize};

pub use actual::{
    ActualInstance, ActualLogGroup, ActualLogs, ActualMetrics, ActualTraces, ActualUsage, ApiOperation,
    NamespaceMetrics,
};
pub use collect::{measure, MeasureOptions};

/// The snapshot format version this build writes and reads.
pub const SCHEMA_VERSION: u32 = 1;
/// The `kind` of a usage snapshot.
pub const KIND_USAGE: &str = "usage";
/// Seconds in a billing month (730 hours).
pub const MONTH_SECONDS: f64 = 2_628_000.0;
/// Bytes in a GB (SI, 10^9).
pub const BYTES_PER_GB: f64 = 1e9;
/// The least history a rate should be scaled to a month from: a day, which holds one daily cycle
/// of traffic. A quantity with less is still measured and scaled, with a warning in `warnings` and
/// on the terminal.
pub const MIN_HISTORY_SECONDS: u64 = 86_400;

pub use merge::short_history_warnings;

/// A measured usage snapshot of a self-hosted observability stack.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct UsageSnapshot {
    /// Format version; this build reads and writes `1`.
    pub schema_version: u32,
    /// Always `usage`.
    pub kind: String,
    /// The obs-cost version that wrote the file.
    pub generated_by: String,
    /// Evaluation time of every query, RFC 3339 UTC (`--at`, default: now).
    pub at: String,
    /// The look-back window of rates and monthly volumes, in seconds (`--window`, default 30 days).
    pub window_seconds: u64,
    /// Seconds in the month that `*_per_month` values are scaled to (730 hours).
    pub month_seconds: u64,
    /// The Prometheus-compatible servers that were queried, credentials redacted.
    pub sources: Vec<Source>,
    /// How several servers (or copies of a target inside one) were counted; present when more
    /// than one server was measured or a server holds copies of a target.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deduplication: Option<Deduplication>,
    /// Metrics volume: what drives CloudWatch metrics and Amazon Managed Prometheus bills.
    pub metrics: MetricsUsage,
    /// Log volume, from the first log pipeline found (Loki, Fluent Bit, Elasticsearch, Promtail).
    pub logs: LogsUsage,
    /// Trace volume, from the first tracing backend found (Jaeger, Tempo, OpenTelemetry Collector).
    pub traces: TracesUsage,
    /// One entry per PostgreSQL server (postgres_exporter target).
    pub database: Vec<DatabaseUsage>,
    /// One entry per Redis server (redis_exporter target).
    pub cache: Vec<CacheUsage>,
    /// One entry per host (node_exporter target).
    pub hosts: Vec<HostUsage>,
    /// One entry per container (cAdvisor), sorted by name.
    pub containers: Vec<ContainerUsage>,
    /// Alerting volume (Alertmanager), when Alertmanager's /metrics is scraped.
    #[serde(default)]
    pub alerting: AlertingUsage,
    /// Components that were looked for and not found: they are unknown, not zero.
    pub not_measured: Vec<NotMeasured>,
    /// Queries that failed (only with `--allow-partial`; without it a failure aborts the run).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub failed_queries: Vec<FailedQuery>,
    /// Caveats on the values, e.g. less history than [`MIN_HISTORY_SECONDS`] scaled to a month
    /// (also printed on stderr by `obs-cost measure`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<String>,
    /// The actual usage of the AWS services already moved, read from CloudWatch
    /// (`measure --cloudwatch`); absent when CloudWatch was not read. `plan --actual` compares it
    /// with the plan's forecast.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub actual: Option<ActualUsage>,
}

/// A query that failed under `--allow-partial`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FailedQuery {
    /// The server, credentials redacted.
    pub source_url: String,
    /// The PromQL query or API call.
    pub query: String,
    /// The one-line error.
    pub error: String,
}

/// One queried server.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Source {
    /// Base URL (with any path prefix), `user:password@` replaced by `REDACTED@` and credential
    /// query parameters (`token`, `access_token`, ...) by `REDACTED`.
    pub url: String,
    /// Server flavour detected: `prometheus` or `victoriametrics`.
    pub flavour: String,
    /// Version reported by `/api/v1/status/buildinfo`, when it answered.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version: Option<String>,
    /// Extra headers sent (`--header`), as `Name: value` with credential values `REDACTED`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub headers: Vec<String>,
    /// Scrape targets (`job`, `instance`) found on this server.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub targets: Option<u64>,
    /// Of those, targets a server listed earlier also has: counted once, from that server (or
    /// added again with `--sum-servers`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub duplicate_targets: Option<u64>,
}

/// How targets shared by several servers were counted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Deduplication {
    /// `by_target`: a target (same `job` and `instance`, copy labels set aside) scraped by several
    /// servers counts once, with the values of the first `--prometheus` server that has it;
    /// `sum_servers`: every server is added up (`--sum-servers`).
    pub mode: String,
    /// Labels that tell copies of one target apart and are set aside (`replica`,
    /// `prometheus_replica`, `__replica__`, `prometheus`, and every `--dedup-label`).
    pub copy_labels: Vec<String>,
    /// Distinct scrape targets over all servers.
    pub targets: u64,
    /// Targets found on more than one server.
    pub shared_targets: u64,
    /// Targets stored more than once inside one server (series differing only in a copy label),
    /// always counted once.
    #[serde(default)]
    pub copies_within_servers: u64,
    /// What that means for the values, in words.
    pub note: String,
}

/// Whether a quantity was measured.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// The query answered and `value` holds the result.
    Ok,
    /// The query failed (only written under `--allow-partial`); `value` is null and `error` says why.
    Failed,
}

/// One measured quantity with its provenance.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Measured {
    /// The value in `unit`, never negative; null when `status` is `failed`.
    #[serde(deserialize_with = "non_negative::option")]
    pub value: Option<f64>,
    /// Unit of `value`, e.g. `series`, `GB/month`, `samples/s`.
    pub unit: String,
    /// The PromQL query (or `GET <api path>`) that produced the value.
    pub query: String,
    /// Window the value covers, in seconds (0 for an instant value such as a size or a count).
    pub window_seconds: u64,
    /// True when the data covered less than `window_seconds` and the value was scaled from the
    /// `history_seconds` actually present.
    pub extrapolated: bool,
    /// Seconds of data found inside the window, when shorter than the window.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub history_seconds: Option<u64>,
    /// The server(s) that answered, credentials redacted; several are joined with `, ` when
    /// results from several `--prometheus` URLs were merged.
    pub source_url: String,
    /// `ok`, or `failed` (only with `--allow-partial`).
    pub status: Status,
    /// Why the query failed, when `status` is `failed`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
    /// A caveat on how to read the value (e.g. "stored size, not raw bytes").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

impl Measured {
    /// A successful measurement.
    pub fn ok(value: f64, unit: &str, query: String, window_seconds: u64, source_url: &str) -> Self {
        Measured {
            value: Some(round_sig(value)),
            unit: unit.to_string(),
            query,
            window_seconds,
            extrapolated: false,
            history_seconds: None,
            source_url: source_url.to_string(),
            status: Status::Ok,
            error: None,
            note: None,
        }
    }

    /// A failed measurement (kept only under `--allow-partial`).
    pub fn failed(unit: &str, query: String, window_seconds: u64, source_url: &str, error: String) -> Self {
        Measured {
            value: None,
            unit: unit.to_string(),
            query,
            window_seconds,
            extrapolated: false,
            history_seconds: None,
            source_url: source_url.to_string(),
            status: Status::Failed,
            error: Some(error),
            note: None,
        }
    }

    /// The same measurement with a note.
    pub fn with_note(mut self, note: &str) -> Self {
        self.note = Some(note.to_string());
        self
    }

    /// Adds another source's measurement of the same quantity (several `--prometheus` URLs).
    pub fn merge_sum(&mut self, other: &Measured) {
        self.value = match (self.value, other.value) {
            (Some(a), Some(b)) => Some(round_sig(a + b)),
            _ => None,
        };
        if other.status == Status::Failed {
            self.status = Status::Failed;
            self.error = self.error.take().or_else(|| other.error.clone());
        }
        self.extrapolated |= other.extrapolated;
        self.history_seconds = match (self.history_seconds, other.history_seconds) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
        if !self.source_url.split(", ").any(|u| u == other.source_url) {
            self.source_url = format!("{}, {}", self.source_url, other.source_url);
        }
    }
}

/// Rounds to 9 significant digits so that float noise (2.6279999999999997) does not reach the file.
pub fn round_sig(value: f64) -> f64 {
    if value == 0.0 || !value.is_finite() {
        return value;
    }
    let digits = 9 - value.abs().log10().ceil() as i32;
    let factor = 10f64.powi(digits);
    if !factor.is_finite() || factor == 0.0 {
        return value;
    }
    (value * factor).round() / factor
}

/// Metrics volume.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct MetricsUsage {
    /// Series scraped at `at` (samples per scrape after relabelling, plus the 5 synthetic series
    /// Prometheus adds per target); falls back to the TSDB head series count.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub active_series: Option<Measured>,
    /// Samples ingested per second, averaged over the window.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub samples_per_second: Option<Measured>,
    /// Samples ingested per month (`samples_per_second` × month), what Amazon Managed Prometheus bills.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub samples_per_month: Option<Measured>,
    /// Scrape interval in seconds, the mean of `jobs[].scrape_interval_seconds` weighted by each
    /// job's series (what turns series into samples when a job's own rate is not used).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scrape_interval_seconds: Option<Measured>,
    /// Alerting rules loaded (`/api/v1/rules`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub alerting_rules: Option<Measured>,
    /// Recording rules loaded (`/api/v1/rules`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recording_rules: Option<Measured>,
    /// Shortest rule-group evaluation interval, in seconds (drives managed query cost).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rule_evaluation_interval_seconds: Option<Measured>,
    /// Grafana dashboards (`grafana_stat_totals_dashboard`), when Grafana is scraped.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub grafana_dashboards: Option<Measured>,
    /// Series and scrape interval per scrape job, sorted by job.
    #[serde(default)]
    pub jobs: Vec<JobUsage>,
    /// The `--top` metric names with the most series, largest first.
    #[serde(default)]
    pub top_metrics: Vec<MetricSeries>,
    /// How `top_metrics` was computed (the query or API call).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub top_metrics_query: Option<String>,
    /// Grafana users who need an Amazon Managed Grafana editor licence: active admins plus active
    /// editors (`grafana_stat_totals_active_admins` + `grafana_stat_totals_active_editors`, users
    /// seen in the last 30 days, service accounts excluded), when Grafana's /metrics is scraped.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub grafana_editors: Option<Measured>,
    /// Grafana users who need a viewer licence (`grafana_stat_totals_active_viewers`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub grafana_viewers: Option<Measured>,
    /// Metric names that alerting rules, Grafana dashboards (panels, variables, annotations) and
    /// the recording rules those read select, sorted; present when the used-series analysis ran
    /// (`--grafana`, `--grafana-dashboards` or `--rule-files`). Includes names without series.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub used_metric_names: Option<Vec<String>>,
    /// Series of `used_metric_names` at `at`, counted per name in batches
    /// (`count by (__name__) ({__name__=~"a|b|..."})`); what CloudWatch bills when only the used
    /// series are shipped (`mapping.cloudwatch_series: used`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub series_used_by_rules_and_dashboards: Option<Measured>,
    /// The `--top` metric names no rule or dashboard reads, by series, largest first.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unused_top_metrics: Option<Vec<MetricSeries>>,
    /// Expressions the analysis could not fully resolve to metric names, with where they are and
    /// why; names a fallback scanner still found are counted (the error says which).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unparsed_expressions: Option<Vec<UnparsedExpression>>,
}

/// An expression the used-series analysis could not fully resolve.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct UnparsedExpression {
    /// Where it is: `rule group "G" (FILE), alert A`, or `dashboard "T" (uid U) in ORIGIN, panel
    /// "P" (id N), query A` (also `variable V`, `annotation "N"`, `library panel "L"`).
    pub source: String,
    /// The expression as written (at most 2,000 characters); empty when the problem is a missing
    /// library panel or a file that is not a dashboard.
    pub expr: String,
    /// The parser's error or the reason, on one line.
    pub error: String,
}

/// Alerting volume.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct AlertingUsage {
    /// Notifications sent per month by Alertmanager integration (`email`, `webhook`, `slack`,
    /// `pagerduty`, `sns`, ...: the `integration` label of `alertmanager_notifications_total`),
    /// sorted by integration; integrations Alertmanager reports with no notification are 0. Under
    /// `--allow-partial` a failed query is the one entry `all`, marked failed.
    #[serde(default)]
    pub notifications_per_month: BTreeMap<String, Measured>,
}

/// One scrape job.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct JobUsage {
    /// The `job` label.
    pub job: String,
    /// Scrape targets of the job (`count by (job)(up)`).
    pub targets: u64,
    /// Series per scrape, summed over the job's targets.
    #[serde(deserialize_with = "non_negative::number")]
    pub series: f64,
    /// Scrape interval in seconds (from `/api/v1/targets`, else from the sample spacing of `up`).
    #[serde(default, skip_serializing_if = "Option::is_none", deserialize_with = "non_negative::option")]
    pub scrape_interval_seconds: Option<f64>,
    /// Samples per second ingested from the job, averaged over the window.
    #[serde(default, skip_serializing_if = "Option::is_none", deserialize_with = "non_negative::option")]
    pub samples_per_second: Option<f64>,
    /// The server(s) that answered, joined with `, ` when the job's targets came from several.
    pub source_url: String,
}

/// Series count of one metric name.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MetricSeries {
    /// Metric name.
    pub name: String,
    /// Series with that name.
    #[serde(deserialize_with = "non_negative::number")]
    pub series: f64,
}

/// Log volume.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct LogsUsage {
    /// The pipeline the top-level values come from: `loki`, `fluent-bit`, `elasticsearch` or `promtail`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// Uncompressed log bytes ingested per month, in GB (what CloudWatch Logs bills).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ingested_gb_per_month: Option<Measured>,
    /// Log lines (events) per month.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lines_per_month: Option<Measured>,
    /// Compressed bytes stored per month, in GB (Loki chunks flushed), when measurable.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stored_gb_per_month: Option<Measured>,
    /// Every log pipeline found, including the one used above.
    #[serde(default)]
    pub by_source: Vec<SourceVolume>,
}

/// Trace volume.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct TracesUsage {
    /// The backend the top-level values come from: `jaeger`, `tempo` or `otel-collector`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// Spans received per month.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub spans_per_month: Option<Measured>,
    /// Traces per month (Jaeger counts root spans), what X-Ray bills; absent when not measurable.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub traces_per_month: Option<Measured>,
    /// Every tracing component found, including the one used above.
    #[serde(default)]
    pub by_source: Vec<SourceVolume>,
}

/// The volume one log or trace component reports.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SourceVolume {
    /// Component name (`loki`, `promtail`, `jaeger`, `otel-collector`, ...).
    pub source: String,
    /// Quantities measured from it, by name (`ingested_gb_per_month`, `spans_per_month`, ...).
    pub values: BTreeMap<String, Measured>,
}

/// One PostgreSQL server.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DatabaseUsage {
    /// `instance` label of the postgres_exporter target.
    pub instance: String,
    /// `job` label.
    pub job: String,
    /// Size of all databases except templates, in GB.
    pub size_gb: Measured,
    /// Size per database name, in GB.
    #[serde(default, deserialize_with = "non_negative::map")]
    pub databases_gb: BTreeMap<String, f64>,
    /// Transactions (commits + rollbacks) per second, averaged over the window.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub transactions_per_second: Option<Measured>,
    /// Client connections (backends) at `at`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub connections: Option<Measured>,
    /// PostgreSQL major version (`pg_static`'s `short_version`, else its `version`), the full
    /// version in `note`: past RDS standard support it brings Extended Support charges.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub postgres_major_version: Option<Measured>,
}

/// One Redis server.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CacheUsage {
    /// `instance` label of the redis_exporter target.
    pub instance: String,
    /// `job` label.
    pub job: String,
    /// Memory used at `at`, in GB.
    pub memory_used_gb: Measured,
    /// Commands processed per second, averaged over the window.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub commands_per_second: Option<Measured>,
    /// GB a month in and out of the server (`redis_net_input_bytes_total` +
    /// `redis_net_output_bytes_total`): the app-to-cache traffic.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub network_gb_per_month: Option<Measured>,
}

/// One host.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct HostUsage {
    /// `instance` label of the node_exporter target.
    pub instance: String,
    /// `job` label.
    pub job: String,
    /// Logical CPUs.
    pub cpus: Measured,
    /// Physical memory, in GB.
    pub memory_gb: Measured,
    /// Average share of CPU time busy (not idle, iowait or steal) over the window, 0 to 1.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cpu_utilisation: Option<Measured>,
    /// Filesystem space used at `at` (real filesystems, each device once), in GB.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub filesystem_used_gb: Option<Measured>,
}

/// One container seen by cAdvisor.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ContainerUsage {
    /// Container name (cAdvisor `name` label).
    pub name: String,
    /// `instance` label of the cAdvisor target (the host).
    pub instance: String,
    /// Average CPU cores used over the window.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cpu_cores: Option<Measured>,
    /// Working-set memory at `at`, in GB.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub memory_gb: Option<Measured>,
}

/// A component that was not found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NotMeasured {
    /// What is missing, as a path in this file (`logs`, `traces`, `database`, `metrics.alerting_rules`).
    pub component: String,
    /// Which exporter or scrape job would provide it.
    pub hint: String,
}

impl UsageSnapshot {
    /// Serialises the snapshot as YAML.
    pub fn to_yaml(&self) -> Result<String> {
        serde_yaml::to_string(self).context("cannot serialise the usage snapshot as YAML (this is a bug in obs-cost)")
    }

    /// Serialises the snapshot as pretty JSON with a trailing newline.
    pub fn to_json(&self) -> Result<String> {
        let mut text = serde_json::to_string_pretty(self)
            .context("cannot serialise the usage snapshot as JSON (this is a bug in obs-cost)")?;
        text.push('\n');
        Ok(text)
    }
}

/// Reads a usage snapshot (YAML or JSON; JSON is YAML), at most [`crate::input::SNAPSHOT`] bytes,
/// and checks its `schema_version`, `kind` and values. Errors name the file, line and column and
/// never quote the file (a token file given by mistake must not leak).
pub fn load_snapshot(path: &Path) -> Result<UsageSnapshot> {
    let text = crate::input::read_text(path, crate::input::SNAPSHOT)?;
    parse_snapshot_at(&text, path)
}

/// Parses a usage snapshot from text, checking `schema_version` before the rest.
pub fn parse_snapshot(text: &str) -> Result<UsageSnapshot> {
    parse_snapshot_at(text, Path::new("(snapshot)"))
}

fn parse_snapshot_at(text: &str, path: &Path) -> Result<UsageSnapshot> {
    #[derive(Deserialize)]
    struct Header {
        schema_version: Option<u32>,
        kind: Option<String>,
    }
    let what = "usage snapshot";
    crate::input::check_yaml_depth(text, path, what)?;
    let header: Header = serde_yaml::from_str(text).map_err(|e| match e.location() {
        // A string, a list, a number: not a snapshot at all (never quoted: it may be a token file).
        Some(loc) if e.to_string().starts_with("invalid type") => anyhow::anyhow!(
            "invalid usage snapshot {}:{}:{}: not a YAML or JSON mapping with `schema_version` and `kind`\nhint: {}",
            path.display(),
            loc.line(),
            loc.column(),
            crate::input::format_hint(what)
        ),
        _ => crate::input::yaml_error(&e, path, what),
    })?;
    match header.schema_version {
        Some(SCHEMA_VERSION) => {}
        Some(other) => bail!(
            "invalid usage snapshot '{}': schema_version {other} is not supported (this obs-cost reads {SCHEMA_VERSION})\nhint: re-run `obs-cost measure` with this version",
            path.display()
        ),
        None => bail!(
            "invalid usage snapshot '{}': missing `schema_version`\nhint: give a file written by `obs-cost measure`",
            path.display()
        ),
    }
    if header.kind.as_deref() != Some(KIND_USAGE) {
        bail!(
            "invalid usage snapshot '{}': `kind` must be `{KIND_USAGE}`\nhint: give a file written by `obs-cost measure`",
            path.display()
        );
    }
    crate::input::parse_yaml(text, path, what)
}

/// `deserialize_with` helpers that refuse negative, NaN and infinite numbers, so that a damaged
/// snapshot is a located error (file, line, column, key) rather than a negative cost.
mod non_negative {
    use std::collections::BTreeMap;

    use serde::de::{Deserialize, Deserializer, Error};

    fn check<E: Error>(v: f64) -> Result<f64, E> {
        if v.is_finite() && v >= 0.0 {
            Ok(v)
        } else {
            Err(E::custom(format!("a value is {v}; a measured quantity is a finite number, never negative")))
        }
    }

    pub fn number<'de, D: Deserializer<'de>>(d: D) -> Result<f64, D::Error> {
        check(f64::deserialize(d)?)
    }

    pub fn option<'de, D: Deserializer<'de>>(d: D) -> Result<Option<f64>, D::Error> {
        Option::<f64>::deserialize(d)?.map(check).transpose()
    }

    pub fn map<'de, D: Deserializer<'de>>(d: D) -> Result<BTreeMap<String, f64>, D::Error> {
        BTreeMap::<String, f64>::deserialize(d)?.into_iter().map(|(k, v)| Ok((k, check(v)?))).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> UsageSnapshot {
        UsageSnapshot {
            schema_version: SCHEMA_VERSION,
            kind: KIND_USAGE.into(),
            generated_by: "obs-cost test".into(),
            at: "2024-02-01T00:00:00Z".into(),
            window_seconds: 2_592_000,
            month_seconds: 2_628_000,
            sources: vec![Source {
                url: "http://p:9090".into(),
                flavour: "prometheus".into(),
                version: None,
                headers: vec![],
                targets: None,
                duplicate_targets: None,
            }],
            deduplication: None,
            metrics: MetricsUsage {
                active_series: Some(Measured::ok(1234.0, "series", "q".into(), 0, "http://p:9090")),
                ..MetricsUsage::default()
            },
            logs: LogsUsage::default(),
            traces: TracesUsage::default(),
            database: vec![],
            cache: vec![],
            hosts: vec![],
            containers: vec![],
            alerting: AlertingUsage::default(),
            not_measured: vec![NotMeasured { component: "logs".into(), hint: "scrape Loki".into() }],
            failed_queries: vec![],
            warnings: vec![],
            actual: None,
        }
    }

    #[test]
    fn round_trips_through_yaml_and_json() {
        let snap = sample();
        assert_eq!(parse_snapshot(&snap.to_yaml().unwrap()).unwrap(), snap);
        assert_eq!(parse_snapshot(&snap.to_json().unwrap()).unwrap(), snap);
    }

    #[test]
    fn rejects_other_schema_versions() {
        let text = sample().to_yaml().unwrap().replace("schema_version: 1", "schema_version: 2");
        let err = parse_snapshot(&text).unwrap_err().to_string();
        assert!(err.contains("schema_version 2 is not supported"), "{err}");
        let err = parse_snapshot("kind: usage\n").unwrap_err().to_string();
        assert!(err.contains("missing `schema_version`"), "{err}");
    }

    #[test]
    fn negative_values_are_located_errors() {
        let text = sample().to_yaml().unwrap().replace("value: 1234.0", "value: -4000.0");
        assert!(text.contains("-4000"), "{text}");
        let err = format!("{:#}", parse_snapshot_at(&text, Path::new("u.yaml")).unwrap_err());
        assert!(
            err.contains("u.yaml:12:") && err.contains("metrics.active_series") && err.contains("never negative"),
            "{err}"
        );
    }

    #[test]
    fn a_token_is_not_echoed() {
        let token = "ghp_16C7e42F292c6912E7710c838347Ae178B4a";
        let err = format!("{:#}", parse_snapshot(token).unwrap_err());
        assert!(!err.contains("16C7e42F"), "{err}");
    }

    #[test]
    fn rounds_float_noise() {
        assert_eq!(round_sig(2.6279999999999997), 2.628);
        assert_eq!(round_sig(0.0), 0.0);
        assert_eq!(round_sig(1234567890123.0), 1234567890000.0);
    }

    #[test]
    fn merging_sums_values_and_keeps_provenance() {
        let mut a = Measured::ok(1.0, "GB/month", "q".into(), 10, "http://a");
        let mut b = Measured::ok(2.0, "GB/month", "q".into(), 10, "http://b");
        b.extrapolated = true;
        b.history_seconds = Some(5);
        a.merge_sum(&b);
        assert_eq!(a.value, Some(3.0));
        assert!(a.extrapolated);
        assert_eq!(a.history_seconds, Some(5));
        assert_eq!(a.source_url, "http://a, http://b");
    }
}
