//! The self-hosted stack's usage as a scenario carries it: inline values (`usage:` in the scenario)
//! over a measured snapshot (`usage.snapshot` or `plan --usage`). Owns the usage keys, their merge
//! (inline wins) and the one entry point that turns a measured snapshot into these keys. Does no
//! pricing and no mapping to AWS (that is `plan::mapping`).

use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};
use serde::Deserialize;

use super::estimate::{Estimate, Num};

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
}

/// Reads a usage snapshot written by `obs-cost measure` into usage keys.
///
/// The snapshot's `schema_version` is checked here; the conversion of its measured values is
/// wired to the `measure` types when that command lands.
pub fn from_snapshot(path: &Path) -> Result<Usage> {
    let text = std::fs::read_to_string(path).with_context(|| format!("cannot read usage file '{}'", path.display()))?;
    let value: serde_yaml::Value =
        serde_yaml::from_str(&text).with_context(|| format!("invalid usage file '{}'", path.display()))?;
    match value.get("schema_version").and_then(serde_yaml::Value::as_u64) {
        Some(1) => {}
        Some(v) => bail!(
            "usage file '{}' has schema_version {v}; this build reads usage snapshots of schema_version 1\nhint: re-run `obs-cost measure` with this version of obs-cost",
            path.display()
        ),
        None => bail!("usage file '{}' has no schema_version: it is not a usage snapshot written by `obs-cost measure`", path.display()),
    }
    bail!(
        "snapshot usage files need obs-cost measure support: '{}' cannot be read by this build yet\nhint: give the usage inline in the scenario's `usage:` section",
        path.display()
    )
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
            ] {
                add(format!("usage.network.{k}"), v);
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
                top_metrics: if i.top_metrics.is_empty() { m.top_metrics.clone() } else { i.top_metrics.clone() },
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
            }),
            (i, m) => over(i, m),
        };
        Usage {
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
        std::fs::write(&p, "schema_version: 7\n").unwrap();
        let e = from_snapshot(&p).unwrap_err().to_string();
        assert!(e.contains("schema_version 7"), "{e}");
        std::fs::write(&p, "schema_version: 1\n").unwrap();
        let e = from_snapshot(&p).unwrap_err().to_string();
        assert!(e.contains("snapshot usage files need obs-cost measure support"), "{e}");
    }
}
