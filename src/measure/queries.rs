//! The query catalogue: every PromQL expression and API call `obs-cost measure` runs, in one
//! reviewable place. Rules: no query may make the server scan
//! every series, so there is no `{__name__=~".+"}` and no `/api/v1/series`; totals come from the
//! per-target scrape self-metrics, the TSDB status API and one metric name at a time.
//!
//! Templates: `{w}` is replaced by the rate window (a Prometheus duration such as `30d`), `{ws}` by
//! the same window in seconds, `{c}` by the copy labels (`, replica, prometheus_replica, ...`: the
//! labels that tell copies of one target apart, see [`DEFAULT_DEDUP_LABELS`]). Every quantity is
//! grouped by its target (`job, instance`, or the host, database or container) and the copy labels,
//! so that copies of a target (an HA pair, a VictoriaMetrics copy) can be counted once. Rates are
//! scaled inside PromQL so that each `query` in the snapshot reproduces its per-target values when
//! pasted into Prometheus at the snapshot's `at`; the snapshot's value is their sum.

/// Look-back for gauges read "now" (sizes, memory, counts): tolerates an exporter that missed a few
/// scrapes, unlike the 5-minute staleness of a plain selector.
pub const GAUGE_LOOKBACK: &str = "10m";

/// Synthetic series Prometheus writes per target per scrape (`up`, `scrape_duration_seconds`,
/// `scrape_samples_scraped`, `scrape_samples_post_metric_relabeling`, `scrape_series_added`).
pub const SYNTHETIC_SERIES_PER_TARGET: u32 = 5;

/// Labels that tell copies of the same target apart, set aside when counting targets once: the
/// replica labels of Prometheus HA pairs (`replica`, `__replica__`, prometheus-operator's
/// `prometheus_replica`) and prometheus-operator's `prometheus` external label, which a
/// VictoriaMetrics or Thanos copy of a server's data carries. `--dedup-label` adds more.
pub const DEFAULT_DEDUP_LABELS: &[&str] = &["replica", "prometheus_replica", "__replica__", "prometheus"];

/// Series scraped now, per target: samples per scrape after relabelling plus the 5 synthetic series.
pub const TARGET_SERIES: &str = "sum by (job, instance{c}) (scrape_samples_post_metric_relabeling) + 5";
/// Fallback when nothing is scraped by this server (remote-write only): its head series.
pub const HEAD_SERIES: &str = "sum(prometheus_tsdb_head_series)";
/// Samples of `up` per job over `{w}` (an hour, or the history the server has): a first estimate
/// of the scrape interval, which picks the step of [`JOB_UP_SPACING`].
pub const JOB_UP_SAMPLES: &str = "max by (job) (count_over_time(up[{w}]))";
/// The spacing of `up` samples per job over `{w}`, exact whatever the alignment of the window:
/// (last − first sample time) ÷ the number of new samples seen, on a subquery grid of `{s}`
/// seconds (at most half the interval, so that every sample is seen). Used when `/api/v1/targets`
/// does not list the job (`--at` in the past, a server loaded by backfill or remote write).
pub const JOB_UP_SPACING: &str =
    "min by (job) ((max_over_time(timestamp(up)[{w}:{s}s]) - min_over_time(timestamp(up)[{w}:{s}s])) \
     / changes(timestamp(up)[{w}:{s}s]))";
/// VictoriaMetrics (MetricsQL): the mean spacing of `up` samples per job over the last hour.
pub const JOB_UP_SPACING_VICTORIA: &str = "min by (job) (scrape_interval(up[1h]))";
/// History selector for the per-target sample rate.
pub const SCRAPE_SELECTOR: &str = "scrape_samples_post_metric_relabeling";
/// Samples per second per target, averaged over the window (scraped samples plus synthetic series).
pub const TARGET_SAMPLES_PER_SECOND: &str =
    "sum by (job, instance{c}) (sum_over_time(scrape_samples_post_metric_relabeling[{w}]) \
     + 5 * count_over_time(up[{w}])) / {ws}";
/// Fallback samples per second when nothing is scraped: what the TSDB appended (includes rule outputs).
pub const HEAD_SAMPLES_SELECTOR: &str = "prometheus_tsdb_head_samples_appended_total";
/// See [`HEAD_SAMPLES_SELECTOR`].
pub const HEAD_SAMPLES_PER_SECOND: &str = "sum(rate(prometheus_tsdb_head_samples_appended_total[{w}]))";
/// Grafana dashboards per Grafana target, when Grafana's own /metrics is scraped.
pub const GRAFANA_DASHBOARDS: &str = "max by (job, instance{c}) (last_over_time(grafana_stat_totals_dashboard[10m]))";

/// Grafana users needing an editor licence (active admins + active editors), when Grafana's
/// /metrics is scraped; the largest over Grafana instances, which share one database.
pub const GRAFANA_EDITORS: &str = "max(last_over_time(grafana_stat_totals_active_admins[10m])) \
     + max(last_over_time(grafana_stat_totals_active_editors[10m]))";
/// Grafana users needing a viewer licence (active viewers).
pub const GRAFANA_VIEWERS: &str = "max(last_over_time(grafana_stat_totals_active_viewers[10m]))";

/// Alertmanager.
pub mod alertmanager {
    use super::RateQuery;
    /// Notifications sent per month, by integration (`email`, `webhook`, `slack`, ...).
    pub const NOTIFICATIONS: RateQuery = RateQuery {
        name: "notifications_per_month",
        selector: "alertmanager_notifications_total",
        template: "sum by (job, instance, integration{c}) (rate(alertmanager_notifications_total[{w}])) * 2628000",
        unit: "notifications/month",
        note: None,
    };
}

/// API calls (recorded as the `query` of the values they give).
pub const API_RULES: &str = "GET /api/v1/rules";
/// See [`API_RULES`].
pub const API_TSDB_STATUS: &str = "GET /api/v1/status/tsdb";
/// See [`API_RULES`].
pub const API_TARGETS: &str = "GET /api/v1/targets";
/// See [`API_RULES`].
pub const API_NAMES: &str = "GET /api/v1/label/__name__/values";

/// Series of one metric name (the per-name loop that replaces `count by (__name__)` over everything).
pub fn series_of_metric(name: &str) -> String {
    format!("count({{__name__=\"{}\"}})", name.replace('\\', "\\\\").replace('"', "\\\""))
}

/// History probe: the earliest sample timestamp of `selector` inside the window, on a subquery
/// grid of `step` seconds. One series out, cost = series of `selector` × steps.
pub fn first_sample_time(selector: &str, range: &str, step_seconds: u64) -> String {
    format!("min(min_over_time(timestamp({selector})[{range}:{step_seconds}s]))")
}

/// A quantity computed as a rate over the window (a counter), scaled inside the query.
#[derive(Debug, Clone, Copy)]
pub struct RateQuery {
    /// Field name in the snapshot (`ingested_gb_per_month`, `spans_per_month`, ...).
    pub name: &'static str,
    /// Selector whose history decides the window (the counter itself).
    pub selector: &'static str,
    /// PromQL template with `{w}`/`{ws}`.
    pub template: &'static str,
    /// Unit of the result.
    pub unit: &'static str,
    /// Caveat written next to the value.
    pub note: Option<&'static str>,
}

impl RateQuery {
    /// The query for a rate window of `window_seconds`.
    pub fn render(&self, window_seconds: u64) -> String {
        render(self.template, window_seconds)
    }
}

/// Replaces `{w}` and `{ws}` in a template.
pub fn render(template: &str, window_seconds: u64) -> String {
    template.replace("{ws}", &window_seconds.to_string()).replace("{w}", &prom_duration(window_seconds))
}

/// The `{c}` text for a list of copy labels: `, replica, prometheus_replica` (empty for none).
pub fn copy_labels(labels: &[String]) -> String {
    labels.iter().map(|l| format!(", {l}")).collect()
}

/// Replaces `{c}` (the copy labels) in a template.
pub fn with_copies(template: &str, copies: &str) -> String {
    template.replace("{c}", copies)
}

/// A log or trace component and the quantities it gives.
#[derive(Debug, Clone, Copy)]
pub struct VolumeSource {
    /// Component name used in `by_source` and `source`.
    pub name: &'static str,
    /// Quantities, the first one decides whether the component is present.
    pub quantities: &'static [RateQuery],
}

/// Log pipelines, most trustworthy first; the first one found gives `logs.*`.
pub const LOG_SOURCES: &[VolumeSource] = &[
    VolumeSource {
        name: "loki",
        quantities: &[
            RateQuery {
                name: "ingested_gb_per_month",
                selector: "loki_distributor_bytes_received_total",
                template: "sum by (job, instance{c}) (rate(loki_distributor_bytes_received_total{is_internal_stream!=\"true\"}[{w}])) * 2628000 / 1e9",
                unit: "GB/month",
                note: Some("uncompressed line bytes received by the Loki distributors"),
            },
            RateQuery {
                name: "lines_per_month",
                selector: "loki_distributor_lines_received_total",
                template: "sum by (job, instance{c}) (rate(loki_distributor_lines_received_total{is_internal_stream!=\"true\"}[{w}])) * 2628000",
                unit: "lines/month",
                note: None,
            },
            RateQuery {
                name: "stored_gb_per_month",
                selector: "loki_ingester_chunk_stored_bytes_total",
                template: "sum by (job, instance{c}) (rate(loki_ingester_chunk_stored_bytes_total[{w}])) * 2628000 / 1e9",
                unit: "GB/month",
                note: Some("compressed chunk bytes flushed, counted once per replica"),
            },
        ],
    },
    VolumeSource {
        name: "fluent-bit",
        quantities: &[
            RateQuery {
                name: "ingested_gb_per_month",
                selector: "fluentbit_input_bytes_total",
                template: "sum by (job, instance{c}) (rate(fluentbit_input_bytes_total[{w}])) * 2628000 / 1e9",
                unit: "GB/month",
                note: Some("msgpack record bytes read by Fluent Bit inputs (raw line plus field names)"),
            },
            RateQuery {
                name: "lines_per_month",
                selector: "fluentbit_input_records_total",
                template: "sum by (job, instance{c}) (rate(fluentbit_input_records_total[{w}])) * 2628000",
                unit: "lines/month",
                note: None,
            },
        ],
    },
    VolumeSource {
        name: "elasticsearch",
        quantities: &[
            RateQuery {
                name: "lines_per_month",
                selector: "elasticsearch_indices_indexing_index_total",
                template: "sum by (job, instance{c}) (rate(elasticsearch_indices_indexing_index_total[{w}])) * 2628000",
                unit: "lines/month",
                note: Some("documents indexed, replicas included: divide by (1 + replicas)"),
            },
            RateQuery {
                name: "ingested_gb_per_month",
                selector: "elasticsearch_indices_indexing_index_total",
                template: "sum by (job, instance{c}) (rate(elasticsearch_indices_indexing_index_total[{w}])) * 2628000 \
                           * scalar(sum(elasticsearch_indices_store_size_bytes_primary) / sum(elasticsearch_indices_docs_primary)) / 1e9",
                unit: "GB/month",
                note: Some("documents indexed × stored (compressed, indexed) bytes per primary document: not raw bytes"),
            },
        ],
    },
    VolumeSource {
        name: "promtail",
        quantities: &[
            RateQuery {
                name: "lines_per_month",
                selector: "promtail_sent_entries_total",
                template: "sum by (job, instance{c}) (rate(promtail_sent_entries_total[{w}])) * 2628000",
                unit: "lines/month",
                note: None,
            },
            RateQuery {
                name: "ingested_gb_per_month",
                selector: "promtail_read_bytes_total",
                template: "sum by (job, instance{c}) (rate(promtail_read_bytes_total[{w}])) * 2628000 / 1e9",
                unit: "GB/month",
                note: Some(
                    "promtail_read_bytes_total is a file-offset gauge (resets on rotation are treated as counter resets); \
                     promtail_sent_bytes_total is compressed and is not used",
                ),
            },
        ],
    },
];

/// Tracing components, backends first; the first one found gives `traces.*`.
pub const TRACE_SOURCES: &[VolumeSource] = &[
    VolumeSource {
        name: "jaeger",
        quantities: &[
            RateQuery {
                name: "spans_per_month",
                selector: "jaeger_collector_spans_received_total",
                template: "sum by (job, instance{c}) (rate(jaeger_collector_spans_received_total[{w}])) * 2628000",
                unit: "spans/month",
                note: None,
            },
            RateQuery {
                name: "traces_per_month",
                selector: "jaeger_collector_traces_received_total",
                template: "sum by (job, instance{c}) (rate(jaeger_collector_traces_received_total[{w}])) * 2628000",
                unit: "traces/month",
                note: Some("root spans received"),
            },
        ],
    },
    VolumeSource {
        name: "tempo",
        quantities: &[RateQuery {
            name: "spans_per_month",
            selector: "tempo_distributor_spans_received_total",
            template: "sum by (job, instance{c}) (rate(tempo_distributor_spans_received_total[{w}])) * 2628000",
            unit: "spans/month",
            note: None,
        }],
    },
    VolumeSource {
        name: "otel-collector",
        quantities: &[RateQuery {
            name: "spans_per_month",
            selector: "(otelcol_receiver_accepted_spans or otelcol_receiver_accepted_spans_total)",
            template: "sum by (job, instance{c}) (rate(otelcol_receiver_accepted_spans[{w}]) or rate(otelcol_receiver_accepted_spans_total[{w}])) * 2628000",
            unit: "spans/month",
            note: Some("spans accepted by OpenTelemetry Collector / Jaeger v2 receivers"),
        }],
    },
];

/// PostgreSQL (postgres_exporter), grouped by `instance, job`.
pub mod postgres {
    use super::RateQuery;
    /// Size of non-template databases, GB.
    pub const SIZE_GB: &str =
        "sum by (instance, job{c}) (last_over_time(pg_database_size_bytes{datname!~\"template.*\"}[10m])) / 1e9";
    /// Size per database, GB.
    pub const SIZE_BY_DATABASE_GB: &str =
        "sum by (instance, job, datname{c}) (last_over_time(pg_database_size_bytes{datname!~\"template.*\"}[10m])) / 1e9";
    /// Connections now.
    pub const CONNECTIONS: &str = "sum by (instance, job{c}) (last_over_time(pg_stat_database_numbackends[10m]))";
    /// The server's version (postgres_exporter's constant `pg_static`, labels `short_version`, e.g.
    /// `16.2.0`, and `version`, the full `SELECT version()` text).
    pub const VERSION: &str = "max by (instance, job, short_version, version{c}) (last_over_time(pg_static[10m]))";
    /// Transactions per second.
    pub const TPS: RateQuery = RateQuery {
        name: "transactions_per_second",
        selector: "pg_stat_database_xact_commit",
        template: "sum by (instance, job{c}) (rate(pg_stat_database_xact_commit[{w}])) \
             + sum by (instance, job{c}) (rate(pg_stat_database_xact_rollback[{w}]))",
        unit: "transactions/s",
        note: None,
    };
}

/// Redis (redis_exporter), grouped by `instance, job`.
pub mod redis {
    use super::RateQuery;
    /// Memory used now, GB.
    pub const MEMORY_GB: &str = "max by (instance, job{c}) (last_over_time(redis_memory_used_bytes[10m])) / 1e9";
    /// Commands per second.
    pub const COMMANDS: RateQuery = RateQuery {
        name: "commands_per_second",
        selector: "redis_commands_processed_total",
        template: "sum by (instance, job{c}) (rate(redis_commands_processed_total[{w}]))",
        unit: "commands/s",
        note: None,
    };
    /// Bytes in and out of the server (clients, replicas), GB a month: the app-to-cache traffic
    /// that crosses AZs once Redis is on ElastiCache.
    pub const NETWORK: RateQuery = RateQuery {
        name: "network_gb_per_month",
        selector: "redis_net_input_bytes_total",
        template: "(sum by (instance, job{c}) (rate(redis_net_input_bytes_total[{w}])) \
                   + sum by (instance, job{c}) (rate(redis_net_output_bytes_total[{w}]))) * 2628000 / 1e9",
        unit: "GB/month",
        note: Some("bytes read and written by Redis, both directions (replication included)"),
    };
}

/// Hosts (node_exporter), grouped by `instance, job`.
pub mod node {
    use super::RateQuery;
    /// Logical CPUs.
    pub const CPUS: &str = "count by (instance, job{c}) (last_over_time(node_cpu_seconds_total{mode=\"idle\"}[10m]))";
    /// Physical memory, GB.
    pub const MEMORY_GB: &str = "max by (instance, job{c}) (last_over_time(node_memory_MemTotal_bytes[10m])) / 1e9";
    /// Filesystem used, GB, as `df` counts it (size − free; "available" also excludes the blocks
    /// reserved for root, which are not used): real filesystems, each device once.
    pub const FILESYSTEM_USED_GB: &str = "sum by (instance, job{c}) (max by (instance, job, device{c}) (\
         last_over_time(node_filesystem_size_bytes{fstype!~\"tmpfs|overlay|squashfs|nsfs|ramfs|rootfs|devtmpfs|fuse.lxcfs\"}[10m]) \
         - last_over_time(node_filesystem_free_bytes{fstype!~\"tmpfs|overlay|squashfs|nsfs|ramfs|rootfs|devtmpfs|fuse.lxcfs\"}[10m]))) / 1e9";
    /// Average busy share of the CPUs.
    pub const CPU_UTILISATION: RateQuery = RateQuery {
        name: "cpu_utilisation",
        selector: "node_cpu_seconds_total{mode=\"idle\"}",
        template: "sum by (instance, job{c}) (rate(node_cpu_seconds_total{mode!~\"idle|iowait|steal\"}[{w}])) \
                   / count by (instance, job{c}) (last_over_time(node_cpu_seconds_total{mode=\"idle\"}[10m]))",
        unit: "ratio",
        note: None,
    };
}

/// Containers (cAdvisor), grouped by `instance, name`.
pub mod cadvisor {
    use super::RateQuery;
    /// Working-set memory now, GB.
    pub const MEMORY_GB: &str =
        "max by (instance, name{c}) (last_over_time(container_memory_working_set_bytes{image!=\"\",name!=\"\"}[10m])) / 1e9";
    /// Average cores used.
    pub const CPU_CORES: RateQuery = RateQuery {
        name: "cpu_cores",
        selector: "container_cpu_usage_seconds_total{image!=\"\",name!=\"\"}",
        template: "sum by (instance, name{c}) (rate(container_cpu_usage_seconds_total{image!=\"\",name!=\"\"}[{w}]))",
        unit: "cores",
        note: None,
    };
}

/// Formats seconds as the shortest exact Prometheus duration (`30d`, `36h`, `90s`).
pub fn prom_duration(seconds: u64) -> String {
    let seconds = seconds.max(1);
    for (unit, size) in [("d", 86_400), ("h", 3_600), ("m", 60)] {
        if seconds % size == 0 {
            return format!("{}{unit}", seconds / size);
        }
    }
    format!("{seconds}s")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_are_exact_and_short() {
        assert_eq!(prom_duration(2_592_000), "30d");
        assert_eq!(prom_duration(3_600), "1h");
        assert_eq!(prom_duration(5_400), "90m");
        assert_eq!(prom_duration(61), "61s");
    }

    #[test]
    fn templates_render_windows() {
        assert_eq!(render("rate(x[{w}]) / {ws}", 86_400), "rate(x[1d]) / 86400");
    }

    #[test]
    fn no_query_scans_every_series() {
        let mut all: Vec<String> = vec![
            TARGET_SERIES.into(),
            HEAD_SERIES.into(),
            JOB_UP_SAMPLES.into(),
            JOB_UP_SPACING.into(),
            JOB_UP_SPACING_VICTORIA.into(),
            TARGET_SAMPLES_PER_SECOND.into(),
            HEAD_SAMPLES_PER_SECOND.into(),
            GRAFANA_DASHBOARDS.into(),
            GRAFANA_EDITORS.into(),
            GRAFANA_VIEWERS.into(),
            alertmanager::NOTIFICATIONS.template.into(),
            postgres::SIZE_GB.into(),
            postgres::CONNECTIONS.into(),
            postgres::VERSION.into(),
            redis::MEMORY_GB.into(),
            node::CPUS.into(),
            node::FILESYSTEM_USED_GB.into(),
            cadvisor::MEMORY_GB.into(),
        ];
        for source in LOG_SOURCES.iter().chain(TRACE_SOURCES) {
            all.extend(source.quantities.iter().map(|q| q.template.to_string()));
        }
        for q in all {
            assert!(!q.contains(".+") && !q.contains(".*\"}") || q.contains("template.*"), "{q}");
            assert!(!q.contains("__name__=~\".*"), "{q}");
        }
    }
}
