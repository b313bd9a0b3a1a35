//! The self-hosted stack's usage as a scenario carries it: inline values (`usage:` in the scenario)
//! over a measured snapshot (`usage.snapshot` or `plan --usage`). Owns the usage keys, their merge
//! (inline wins) and the one entry point that turns a measured snapshot into these keys. Does no
//! pricing and no mapping to AWS (that is `plan::mapping`).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use anyhow::Result;
use serde::Deserialize;

use super::estimate::{Estimate, Num};
use crate::measure::{Measured, Status as MeasureStatus};

/// The `usage:` section. Every value is optional: a value that is neither measured nor given is
/// unknown, and the AWS items it drives are reported as "depends on usage", never as $0.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Usage {
    /// A usage snapshot written by `obs-cost measure`, relative to the scenario file; inline values
    /// below override the measured ones. `plan --usage FILE` overrides this path.
    pub snapshot: Option<PathBuf>,
    /// Prometheus, Alertmanager and Grafana usage.
    pub metrics: Option<MetricsUsage>,
    /// Loki (or Fluentd/ELK) usage.
    pub logs: Option<LogsUsage>,
    /// Jaeger usage.
    pub traces: Option<TracesUsage>,
    /// The PostgreSQL database.
    pub database: Option<DatabaseUsage>,
    /// The Redis instance.
    pub redis: Option<RedisUsage>,
    /// Application containers (what moves to Fargate), one entry per service.
    #[serde(default)]
    pub containers: Vec<ContainerUsage>,
    /// Traffic leaving the stack.
    pub network: Option<NetworkUsage>,
    /// Alertmanager notifications.
    pub alerting: Option<AlertingUsage>,
}

/// `usage.alerting`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AlertingUsage {
    /// Notifications sent per month by Alertmanager integration (`email: 300`, `webhook: 12000`,
    /// `slack: ...`; `sum by (integration) (increase(alertmanager_notifications_total[30d]))`).
    #[serde(default)]
    pub notifications_per_month: BTreeMap<String, Estimate>,
}

/// `usage.metrics`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MetricsUsage {
    /// Active series in the Prometheus head block (`prometheus_tsdb_head_series`).
    pub active_series: Option<Estimate>,
    /// Samples ingested per second (`rate(prometheus_tsdb_head_samples_appended_total[1h])`); when
    /// absent it is `active_series / scrape_interval_seconds`.
    pub samples_per_second: Option<Estimate>,
    /// Scrape interval in seconds (Prometheus `global.scrape_interval`).
    pub scrape_interval_seconds: Option<Estimate>,
    /// Alerting rules (`prometheus_rule_group_rules` of alerting groups).
    pub alerting_rules: Option<Estimate>,
    /// Recording rules.
    pub recording_rules: Option<Estimate>,
    /// Rule evaluation interval in seconds (`global.evaluation_interval`).
    pub rule_evaluation_interval_seconds: Option<Estimate>,
    /// Grafana dashboards in use.
    pub dashboards: Option<Estimate>,
    /// Dashboard views per month (each view queries every panel once).
    pub dashboard_views_per_month: Option<Estimate>,
    /// Series that alerting rules or dashboards actually read; needed when
    /// `mapping.cloudwatch_series` is `used`.
    pub series_used_by_rules_and_dashboards: Option<Estimate>,
    /// Grafana users who edit dashboards (Amazon Managed Grafana editor licences).
    pub grafana_editors: Option<Estimate>,
    /// Grafana users who only view (Amazon Managed Grafana viewer licences).
    pub grafana_viewers: Option<Estimate>,
    /// The metric names with the most series, largest first (what `obs-cost measure --top N`
    /// records); shown in the report with what each costs a month on CloudWatch and on AMP. They
    /// do not change any total: `active_series` counts every series.
    #[serde(default)]
    pub top_metrics: Vec<TopMetric>,
    /// Metric names rules and dashboards read (what `obs-cost measure --grafana...` records as
    /// `metrics.used_metric_names`), for the report; they change no total.
    #[serde(default)]
    pub used_metric_names: Vec<String>,
    /// The metric names with the most series that nothing reads, largest first.
    #[serde(default)]
    pub unused_top_metrics: Vec<TopMetric>,
    /// Expressions the used-series analysis could not fully resolve, with where they are.
    #[serde(default)]
    pub unparsed_expressions: Vec<crate::measure::UnparsedExpression>,
}

/// One `usage.metrics.top_metrics` entry: a metric name and its series.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TopMetric {
    /// Metric name (`__name__`).
    pub name: String,
    /// Series with that name (`count by (__name__)({__name__=~".+"})`).
    pub series: Num,
}

/// `usage.logs`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LogsUsage {
    /// GB of log data ingested per month, uncompressed (Loki `loki_distributor_bytes_received_total`).
    pub ingested_gb_per_month: Option<Estimate>,
    /// Log lines per month (`loki_distributor_lines_received_total`); used with
    /// `mapping.log_bytes_per_line` when `ingested_gb_per_month` is absent.
    pub log_lines_per_month: Option<Estimate>,
    /// GB scanned per month by log queries (becomes Logs Insights data scanned).
    pub queried_gb_per_month: Option<Estimate>,
}

/// `usage.traces`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TracesUsage {
    /// Spans stored per month by Jaeger (`jaeger_collector_spans_saved_by_svc_total`).
    pub spans_per_month: Option<Estimate>,
    /// Traces opened per month in the Jaeger UI (becomes X-Ray traces retrieved).
    pub traces_viewed_per_month: Option<Estimate>,
    /// Traces scanned per month by searches and the service map (becomes X-Ray traces scanned).
    pub traces_searched_per_month: Option<Estimate>,
}

/// `usage.database`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DatabaseUsage {
    /// Database size on disk in GB (`pg_database_size_bytes`).
    pub size_gb: Option<Estimate>,
    /// Peak transactions per second (`rate(pg_stat_database_xact_commit[5m])`, busiest hour).
    pub transactions_per_second: Option<Estimate>,
    /// Peak client connections (`pg_stat_activity_count`).
    pub connections: Option<Estimate>,
    /// GB of backups kept (becomes RDS backup storage; RDS gives the provisioned size free).
    pub backup_storage_gb: Option<Estimate>,
    /// PostgreSQL major version (postgres_exporter's `pg_static{short_version}`); past RDS standard
    /// support it brings RDS Extended Support charges.
    pub postgres_major_version: Option<Num>,
}

/// `usage.redis`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RedisUsage {
    /// Peak memory used in GB (`redis_memory_used_bytes`).
    pub memory_used_gb: Option<Estimate>,
    /// Peak commands per second (`rate(redis_commands_processed_total[5m])`).
    pub commands_per_second: Option<Estimate>,
    /// GB of RDB snapshots kept (becomes ElastiCache backup storage).
    pub backup_storage_gb: Option<Estimate>,
}

/// One `usage.containers` entry: an application service.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ContainerUsage {
    /// Service name, e.g. `api`.
    pub name: String,
    /// CPU cores one replica uses at peak (cAdvisor `rate(container_cpu_usage_seconds_total[5m])`).
    pub cpu_cores: Option<Estimate>,
    /// Memory one replica uses at peak, GB (`container_memory_working_set_bytes`).
    pub memory_gb: Option<Estimate>,
    /// Replicas running.
    pub replicas: Option<Estimate>,
}

/// `usage.network`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NetworkUsage {
    /// GB per month sent to the internet (the same on either side of the migration).
    pub data_transfer_out_gb_per_month: Option<Estimate>,
    /// GB per month through the load balancer (becomes ALB processed bytes).
    pub load_balancer_processed_gb_per_month: Option<Estimate>,
    /// GB per month the application sends to the internet from private subnets (becomes NAT
    /// gateway data processed once compute moves to Fargate).
    pub nat_processed_gb_per_month: Option<Estimate>,
    /// GB per month between the application and PostgreSQL, both directions (a share of it crosses
    /// AZs once the database is on RDS).
    pub app_to_database_gb_per_month: Option<Estimate>,
    /// GB per month between the application and Redis, both directions (redis_exporter's
    /// `redis_net_input_bytes_total + redis_net_output_bytes_total`).
    pub app_to_cache_gb_per_month: Option<Estimate>,
}

/// Where a measured usage value came from: what the plan's usage section shows for it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Provenance {
    /// The PromQL query (or API call) that measured it; several joined with ` + `.
    pub query: String,
    /// Seconds of data the measurement covers (0 for an instant value).
    pub window_seconds: u64,
    /// Whether the value was scaled from a shorter history than the window.
    pub extrapolated: bool,
    /// The measurement's note (what was read, how it was derived), when it is one measurement.
    pub note: Option<String>,
}

/// Usage read from a snapshot, with the provenance of every value, keyed like [`Usage::entries`].
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MeasuredUsage {
    /// The measured values as usage keys.
    pub usage: Usage,
    /// Provenance per key path (`usage.metrics.active_series`).
    pub provenance: std::collections::BTreeMap<String, Provenance>,
}

/// A measured quantity's value as an exact estimate, or `None` when it failed or is absent.
fn measured_value(m: Option<&Measured>) -> Option<Estimate> {
    let v = m.filter(|m| m.status == MeasureStatus::Ok)?.value?;
    // `Display` of an f64 is its shortest round-trip form; measure already rounds to 9 digits.
    let d = crate::units::parse_decimal(&format!("{v}"))?;
    Some(Estimate::exact(d))
}

/// Sums the values of measurements (e.g. several databases), `None` when any is unknown.
fn measured_sum<'a>(items: impl Iterator<Item = &'a Measured>) -> (Option<Estimate>, Vec<&'a Measured>) {
    let items: Vec<&Measured> = items.collect();
    if items.is_empty() {
        return (None, items);
    }
    let mut total = rust_decimal::Decimal::ZERO;
    for m in &items {
        match measured_value(Some(m)) {
            Some(e) => total += e.expected(),
            None => return (None, items),
        }
    }
    (Some(Estimate::exact(total)), items)
}

fn provenance_of(items: &[&Measured]) -> Provenance {
    let mut queries: Vec<&str> = items.iter().map(|m| m.query.as_str()).collect();
    queries.dedup();
    Provenance {
        query: queries.join(" + "),
        window_seconds: items.iter().map(|m| m.window_seconds).max().unwrap_or(0),
        extrapolated: items.iter().any(|m| m.extrapolated),
        note: match items {
            [one] => one.note.clone(),
            _ => None,
        },
    }
}

/// Reads a usage snapshot written by `obs-cost measure` into usage keys, with provenance.
///
/// Several databases or Redis instances are summed into the one `database` and `redis` the
/// scenario models; containers are grouped by name (replicas = instances of that name, CPU and
/// memory = the largest replica). A quantity that failed or was not measured stays unknown.
pub fn from_snapshot(path: &Path) -> Result<MeasuredUsage> {
    let snapshot = crate::measure::load_snapshot(path)?;
    let mut provenance = std::collections::BTreeMap::new();
    let mut one = |key: &str, m: Option<&Measured>| -> Option<Estimate> {
        let value = measured_value(m)?;
        provenance.insert(format!("usage.{key}"), provenance_of(&[m?]));
        Some(value)
    };
    let sm = &snapshot.metrics;
    let metrics = MetricsUsage {
        active_series: one("metrics.active_series", sm.active_series.as_ref()),
        samples_per_second: one("metrics.samples_per_second", sm.samples_per_second.as_ref()),
        scrape_interval_seconds: one("metrics.scrape_interval_seconds", sm.scrape_interval_seconds.as_ref()),
        alerting_rules: one("metrics.alerting_rules", sm.alerting_rules.as_ref()),
        recording_rules: one("metrics.recording_rules", sm.recording_rules.as_ref()),
        rule_evaluation_interval_seconds: one(
            "metrics.rule_evaluation_interval_seconds",
            sm.rule_evaluation_interval_seconds.as_ref(),
        ),
        dashboards: one("metrics.dashboards", sm.grafana_dashboards.as_ref()),
        series_used_by_rules_and_dashboards: one(
            "metrics.series_used_by_rules_and_dashboards",
            sm.series_used_by_rules_and_dashboards.as_ref(),
        ),
        grafana_editors: one("metrics.grafana_editors", sm.grafana_editors.as_ref()),
        grafana_viewers: one("metrics.grafana_viewers", sm.grafana_viewers.as_ref()),
        top_metrics: top_metrics(&sm.top_metrics),
        used_metric_names: sm.used_metric_names.clone().unwrap_or_default(),
        unused_top_metrics: top_metrics(sm.unused_top_metrics.as_deref().unwrap_or_default()),
        unparsed_expressions: sm.unparsed_expressions.clone().unwrap_or_default(),
        ..MetricsUsage::default()
    };
    let mut notifications = BTreeMap::new();
    for (kind, m) in &snapshot.alerting.notifications_per_month {
        if let Some(v) = one(&format!("alerting.notifications_per_month.{kind}"), Some(m)) {
            notifications.insert(kind.clone(), v);
        }
    }
    let alerting = (!notifications.is_empty()).then_some(AlertingUsage { notifications_per_month: notifications });
    let logs = LogsUsage {
        ingested_gb_per_month: one("logs.ingested_gb_per_month", snapshot.logs.ingested_gb_per_month.as_ref()),
        log_lines_per_month: one("logs.log_lines_per_month", snapshot.logs.lines_per_month.as_ref()),
        ..LogsUsage::default()
    };
    let traces = TracesUsage {
        spans_per_month: one("traces.spans_per_month", snapshot.traces.spans_per_month.as_ref()),
        ..TracesUsage::default()
    };
    let mut summed = |key: &str, (value, items): (Option<Estimate>, Vec<&Measured>)| -> Option<Estimate> {
        if value.is_some() {
            provenance.insert(format!("usage.{key}"), provenance_of(&items));
        }
        value
    };
    let database = (!snapshot.database.is_empty()).then(|| DatabaseUsage {
        size_gb: summed("database.size_gb", measured_sum(snapshot.database.iter().map(|d| &d.size_gb))),
        transactions_per_second: summed(
            "database.transactions_per_second",
            measured_sum(snapshot.database.iter().filter_map(|d| d.transactions_per_second.as_ref())),
        ),
        connections: summed(
            "database.connections",
            measured_sum(snapshot.database.iter().filter_map(|d| d.connections.as_ref())),
        ),
        backup_storage_gb: None,
        postgres_major_version: None,
    });
    let redis = (!snapshot.cache.is_empty()).then(|| RedisUsage {
        memory_used_gb: summed("redis.memory_used_gb", measured_sum(snapshot.cache.iter().map(|c| &c.memory_used_gb))),
        commands_per_second: summed(
            "redis.commands_per_second",
            measured_sum(snapshot.cache.iter().filter_map(|c| c.commands_per_second.as_ref())),
        ),
        backup_storage_gb: None,
    });
    let cache_gb = summed(
        "network.app_to_cache_gb_per_month",
        measured_sum(snapshot.cache.iter().filter_map(|c| c.network_gb_per_month.as_ref())),
    );
    let network = cache_gb.map(|gb| NetworkUsage { app_to_cache_gb_per_month: Some(gb), ..NetworkUsage::default() });
    // Several databases: the oldest major decides (it is the one that may be past standard support).
    let versions: Vec<&Measured> = snapshot.database.iter().filter_map(|d| d.postgres_major_version.as_ref()).collect();
    let oldest = versions.iter().map(|m| measured_value(Some(m)).map(|e| e.expected())).collect::<Option<Vec<_>>>();
    let mut database = database;
    if let (Some(db), Some(major)) = (database.as_mut(), oldest.and_then(|v| v.into_iter().min())) {
        db.postgres_major_version = Some(Num(major));
        provenance.insert("usage.database.postgres_major_version".into(), provenance_of(&versions));
    }
    let mut containers: Vec<ContainerUsage> = Vec::new();
    let mut names: Vec<&str> = snapshot.containers.iter().map(|c| c.name.as_str()).collect();
    names.sort_unstable();
    names.dedup();
    for name in names {
        let group: Vec<_> = snapshot.containers.iter().filter(|c| c.name == name).collect();
        let mut largest = |pick: fn(&crate::measure::ContainerUsage) -> Option<&Measured>, key: &str| {
            let items: Vec<&Measured> = group.iter().filter_map(|c| pick(c)).collect();
            let values: Option<Vec<Estimate>> = items.iter().map(|m| measured_value(Some(m))).collect();
            let max = values?.into_iter().map(|e| e.expected()).max()?;
            provenance.insert(format!("usage.containers.{name}.{key}"), provenance_of(&items));
            Some(Estimate::exact(max))
        };
        let cpu_cores = largest(|c| c.cpu_cores.as_ref(), "cpu_cores");
        let memory_gb = largest(|c| c.memory_gb.as_ref(), "memory_gb");
        let replicas = Some(Estimate::int(i64::try_from(group.len()).unwrap_or(i64::MAX)));
        containers.push(ContainerUsage { name: name.to_string(), cpu_cores, memory_gb, replicas });
    }
    let usage = Usage {
        snapshot: Some(path.to_path_buf()),
        metrics: Some(metrics),
        logs: Some(logs),
        traces: Some(traces),
        database,
        redis,
        containers,
        network,
        alerting,
    };
    Ok(MeasuredUsage { usage, provenance })
}

fn top_metrics(list: &[crate::measure::MetricSeries]) -> Vec<TopMetric> {
    list.iter()
        .filter_map(|t| {
            let series = crate::units::parse_decimal(&format!("{}", t.series))?;
            Some(TopMetric { name: t.name.clone(), series: Num(series) })
        })
        .collect()
}

/// The inline list when it has entries, else the measured one.
fn over_list<T: Clone>(inline: &[T], measured: &[T]) -> Vec<T> {
    if inline.is_empty() { measured } else { inline }.to_vec()
}

fn over<T: Clone>(inline: &Option<T>, measured: &Option<T>) -> Option<T> {
    inline.clone().or_else(|| measured.clone())
}

impl Usage {
    /// Every value given, as `(key path, value)`, in the file's order (`usage.metrics.active_series`,
    /// `usage.containers.api.replicas`, ...).
    pub fn entries(&self) -> Vec<(String, Estimate)> {
        let mut out = Vec::new();
        let mut add = |key: String, v: &Option<Estimate>| {
            if let Some(v) = v {
                out.push((key, *v));
            }
        };
        if let Some(m) = &self.metrics {
            for (k, v) in [
                ("active_series", &m.active_series),
                ("samples_per_second", &m.samples_per_second),
                ("scrape_interval_seconds", &m.scrape_interval_seconds),
                ("alerting_rules", &m.alerting_rules),
                ("recording_rules", &m.recording_rules),
                ("rule_evaluation_interval_seconds", &m.rule_evaluation_interval_seconds),
                ("dashboards", &m.dashboards),
                ("dashboard_views_per_month", &m.dashboard_views_per_month),
                ("series_used_by_rules_and_dashboards", &m.series_used_by_rules_and_dashboards),
                ("grafana_editors", &m.grafana_editors),
                ("grafana_viewers", &m.grafana_viewers),
            ] {
                add(format!("usage.metrics.{k}"), v);
            }
        }
        if let Some(l) = &self.logs {
            for (k, v) in [
                ("ingested_gb_per_month", &l.ingested_gb_per_month),
                ("log_lines_per_month", &l.log_lines_per_month),
                ("queried_gb_per_month", &l.queried_gb_per_month),
            ] {
                add(format!("usage.logs.{k}"), v);
            }
        }
        if let Some(t) = &self.traces {
            for (k, v) in [
                ("spans_per_month", &t.spans_per_month),
                ("traces_viewed_per_month", &t.traces_viewed_per_month),
                ("traces_searched_per_month", &t.traces_searched_per_month),
            ] {
                add(format!("usage.traces.{k}"), v);
            }
        }
        if let Some(d) = &self.database {
            for (k, v) in [
                ("size_gb", &d.size_gb),
                ("transactions_per_second", &d.transactions_per_second),
                ("connections", &d.connections),
                ("backup_storage_gb", &d.backup_storage_gb),
                ("postgres_major_version", &d.postgres_major_version.map(|n| Estimate::exact(n.0))),
            ] {
                add(format!("usage.database.{k}"), v);
            }
        }
        if let Some(r) = &self.redis {
            for (k, v) in [
                ("memory_used_gb", &r.memory_used_gb),
                ("commands_per_second", &r.commands_per_second),
                ("backup_storage_gb", &r.backup_storage_gb),
            ] {
                add(format!("usage.redis.{k}"), v);
            }
        }
        for c in &self.containers {
            for (k, v) in [("cpu_cores", &c.cpu_cores), ("memory_gb", &c.memory_gb), ("replicas", &c.replicas)] {
                add(format!("usage.containers.{}.{k}", c.name), v);
            }
        }
        if let Some(n) = &self.network {
            for (k, v) in [
                ("data_transfer_out_gb_per_month", &n.data_transfer_out_gb_per_month),
                ("load_balancer_processed_gb_per_month", &n.load_balancer_processed_gb_per_month),
                ("nat_processed_gb_per_month", &n.nat_processed_gb_per_month),
                ("app_to_database_gb_per_month", &n.app_to_database_gb_per_month),
                ("app_to_cache_gb_per_month", &n.app_to_cache_gb_per_month),
            ] {
                add(format!("usage.network.{k}"), v);
            }
        }
        if let Some(a) = &self.alerting {
            for (kind, v) in &a.notifications_per_month {
                add(format!("usage.alerting.notifications_per_month.{kind}"), &Some(*v));
            }
        }
        out
    }

    /// Inline values (`self`) over measured ones: every key given inline wins, keys absent inline
    /// keep the measured value. Containers are matched by name.
    pub fn over(&self, measured: &Usage) -> Usage {
        let metrics = match (&self.metrics, &measured.metrics) {
            (Some(i), Some(m)) => Some(MetricsUsage {
                active_series: over(&i.active_series, &m.active_series),
                samples_per_second: over(&i.samples_per_second, &m.samples_per_second),
                scrape_interval_seconds: over(&i.scrape_interval_seconds, &m.scrape_interval_seconds),
                alerting_rules: over(&i.alerting_rules, &m.alerting_rules),
                recording_rules: over(&i.recording_rules, &m.recording_rules),
                rule_evaluation_interval_seconds: over(
                    &i.rule_evaluation_interval_seconds,
                    &m.rule_evaluation_interval_seconds,
                ),
                dashboards: over(&i.dashboards, &m.dashboards),
                dashboard_views_per_month: over(&i.dashboard_views_per_month, &m.dashboard_views_per_month),
                series_used_by_rules_and_dashboards: over(
                    &i.series_used_by_rules_and_dashboards,
                    &m.series_used_by_rules_and_dashboards,
                ),
                grafana_editors: over(&i.grafana_editors, &m.grafana_editors),
                grafana_viewers: over(&i.grafana_viewers, &m.grafana_viewers),
                top_metrics: over_list(&i.top_metrics, &m.top_metrics),
                used_metric_names: over_list(&i.used_metric_names, &m.used_metric_names),
                unused_top_metrics: over_list(&i.unused_top_metrics, &m.unused_top_metrics),
                unparsed_expressions: over_list(&i.unparsed_expressions, &m.unparsed_expressions),
            }),
            (i, m) => over(i, m),
        };
        let logs = match (&self.logs, &measured.logs) {
            (Some(i), Some(m)) => Some(LogsUsage {
                ingested_gb_per_month: over(&i.ingested_gb_per_month, &m.ingested_gb_per_month),
                log_lines_per_month: over(&i.log_lines_per_month, &m.log_lines_per_month),
                queried_gb_per_month: over(&i.queried_gb_per_month, &m.queried_gb_per_month),
            }),
            (i, m) => over(i, m),
        };
        let traces = match (&self.traces, &measured.traces) {
            (Some(i), Some(m)) => Some(TracesUsage {
                spans_per_month: over(&i.spans_per_month, &m.spans_per_month),
                traces_viewed_per_month: over(&i.traces_viewed_per_month, &m.traces_viewed_per_month),
                traces_searched_per_month: over(&i.traces_searched_per_month, &m.traces_searched_per_month),
            }),
            (i, m) => over(i, m),
        };
        let database = match (&self.database, &measured.database) {
            (Some(i), Some(m)) => Some(DatabaseUsage {
                size_gb: over(&i.size_gb, &m.size_gb),
                transactions_per_second: over(&i.transactions_per_second, &m.transactions_per_second),
                connections: over(&i.connections, &m.connections),
                backup_storage_gb: over(&i.backup_storage_gb, &m.backup_storage_gb),
                postgres_major_version: over(&i.postgres_major_version, &m.postgres_major_version),
            }),
            (i, m) => over(i, m),
        };
        let redis = match (&self.redis, &measured.redis) {
            (Some(i), Some(m)) => Some(RedisUsage {
                memory_used_gb: over(&i.memory_used_gb, &m.memory_used_gb),
                commands_per_second: over(&i.commands_per_second, &m.commands_per_second),
                backup_storage_gb: over(&i.backup_storage_gb, &m.backup_storage_gb),
            }),
            (i, m) => over(i, m),
        };
        let mut containers = measured.containers.clone();
        for c in &self.containers {
            match containers.iter_mut().find(|m| m.name == c.name) {
                Some(m) => {
                    *m = ContainerUsage {
                        name: c.name.clone(),
                        cpu_cores: over(&c.cpu_cores, &m.cpu_cores),
                        memory_gb: over(&c.memory_gb, &m.memory_gb),
                        replicas: over(&c.replicas, &m.replicas),
                    }
                }
                None => containers.push(c.clone()),
            }
        }
        let network = match (&self.network, &measured.network) {
            (Some(i), Some(m)) => Some(NetworkUsage {
                data_transfer_out_gb_per_month: over(
                    &i.data_transfer_out_gb_per_month,
                    &m.data_transfer_out_gb_per_month,
                ),
                load_balancer_processed_gb_per_month: over(
                    &i.load_balancer_processed_gb_per_month,
                    &m.load_balancer_processed_gb_per_month,
                ),
                nat_processed_gb_per_month: over(&i.nat_processed_gb_per_month, &m.nat_processed_gb_per_month),
                app_to_database_gb_per_month: over(&i.app_to_database_gb_per_month, &m.app_to_database_gb_per_month),
                app_to_cache_gb_per_month: over(&i.app_to_cache_gb_per_month, &m.app_to_cache_gb_per_month),
            }),
            (i, m) => over(i, m),
        };
        let alerting = match (&self.alerting, &measured.alerting) {
            (Some(i), Some(m)) => {
                let mut n = m.notifications_per_month.clone();
                n.extend(i.notifications_per_month.iter().map(|(k, v)| (k.clone(), *v)));
                Some(AlertingUsage { notifications_per_month: n })
            }
            (i, m) => over(i, m),
        };
        Usage {
            alerting,
            snapshot: self.snapshot.clone().or_else(|| measured.snapshot.clone()),
            metrics,
            logs,
            traces,
            database,
            redis,
            containers,
            network,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inline_values_override_measured_ones() {
        let measured: Usage = serde_yaml::from_str(
            "metrics: {active_series: 1000, alerting_rules: 10}\ncontainers: [{name: api, cpu_cores: 1, replicas: 2}]",
        )
        .unwrap();
        let inline: Usage =
            serde_yaml::from_str("metrics: {active_series: 2000}\ncontainers: [{name: api, replicas: 4}]").unwrap();
        let u = inline.over(&measured);
        let m = u.metrics.unwrap();
        assert_eq!(m.active_series, Some(Estimate::int(2000)));
        assert_eq!(m.alerting_rules, Some(Estimate::int(10)));
        assert_eq!(u.containers[0].replicas, Some(Estimate::int(4)));
        assert_eq!(u.containers[0].cpu_cores, Some(Estimate::int(1)));
    }

    #[test]
    fn snapshots_of_another_schema_version_are_rejected() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("u.yaml");
        std::fs::write(&p, "schema_version: 7\nkind: usage\n").unwrap();
        let e = format!("{:#}", from_snapshot(&p).unwrap_err());
        assert!(e.contains("schema_version 7") && e.contains("u.yaml"), "{e}");
        std::fs::write(&p, "metrics: {}\n").unwrap();
        let e = format!("{:#}", from_snapshot(&p).unwrap_err());
        assert!(e.contains("missing `schema_version`"), "{e}");
    }

    #[test]
    fn a_measured_snapshot_becomes_usage_keys_with_provenance() {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/usage-snapshot.yaml");
        let m = from_snapshot(&path).unwrap();
        let metrics = m.usage.metrics.as_ref().unwrap();
        assert_eq!(metrics.active_series, Some(Estimate::int(2235)));
        assert_eq!(metrics.alerting_rules, Some(Estimate::int(7)));
        assert_eq!(metrics.top_metrics.len(), 5);
        // The used-series analysis: the measured value with its provenance, the lists as they are.
        assert_eq!(metrics.series_used_by_rules_and_dashboards, Some(Estimate::int(265)));
        let p = &m.provenance["usage.metrics.series_used_by_rules_and_dashboards"];
        assert!(p.query.starts_with("count by (__name__)") && p.window_seconds == 0, "{p:?}");
        assert!(metrics.used_metric_names.contains(&"node_cpu_seconds_total".to_string()));
        assert_eq!(metrics.unused_top_metrics.len(), 5);
        assert!(metrics.unparsed_expressions.is_empty());
        assert_eq!(metrics.grafana_editors, Some(Estimate::int(3)));
        assert_eq!(metrics.grafana_viewers, Some(Estimate::int(5)));
        let alerting = m.usage.alerting.as_ref().unwrap();
        assert_eq!(alerting.notifications_per_month["webhook"], Estimate::int(0));
        assert!(m.provenance.contains_key("usage.alerting.notifications_per_month.email"));
        let p = &m.provenance["usage.metrics.active_series"];
        assert_eq!(p.query, "sum(scrape_samples_post_metric_relabeling) + 5 * count(up)");
        assert!(!p.extrapolated);
        let p = &m.provenance["usage.metrics.samples_per_second"];
        assert!(p.extrapolated && p.window_seconds == 3600, "{p:?}");
        // Measured database and Redis become the scenario's one database and one Redis.
        assert!(m.usage.database.as_ref().unwrap().size_gb.is_some());
        assert!(m.usage.redis.as_ref().unwrap().memory_used_gb.is_some());
        // cAdvisor was not running: containers stay unknown, never 0.
        assert!(m.usage.containers.is_empty());
        // Every provenance key is a key of the usage.
        let keys: Vec<String> = m.usage.entries().into_iter().map(|(k, _)| k).collect();
        for k in m.provenance.keys() {
            assert!(keys.contains(k), "{k} not in {keys:?}");
        }
    }
}
