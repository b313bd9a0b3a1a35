//! The 31-day history fixture (2024-01-01 to 2024-02-01, one sample every 5 minutes) with known
//! rates and sizes, as OpenMetrics for `promtool tsdb create-blocks-from openmetrics` and as
//! Prometheus text with millisecond timestamps for VictoriaMetrics' import API. The `TRUTH_*`
//! constants are what `obs-cost measure --at AT` must report.

use std::fmt::Write;

use serde_json::Value;

use super::{assert_close, value};

/// Fixture start, 2024-01-01T00:00:00Z.
pub const T0: i64 = 1_704_067_200;
/// Fixture end and evaluation time, 2024-02-01T00:00:00Z.
pub const T1: i64 = 1_706_745_600;
/// `--at` for the fixture.
pub const AT: &str = "2024-02-01T00:00:00Z";
/// A Prometheus configuration with no scrape jobs: the head stays empty, the backfilled blocks are
/// all there is.
pub const EMPTY_CONFIG: &str = "global:\n  scrape_interval: 15s\n";
/// Sample spacing.
pub const STEP: i64 = 300;
const DAY: i64 = 86_400;
/// A month in the snapshot (730 h).
pub const MONTH: f64 = 2_628_000.0;

/// Loki uncompressed bytes: 1000 B/s (tenant fake) + 500 B/s (tenant other, reset at day 10).
pub const TRUTH_LOG_GB_PER_MONTH: f64 = 1500.0 * MONTH / 1e9;
/// Loki lines: 10/s.
pub const TRUTH_LOG_LINES_PER_MONTH: f64 = 10.0 * MONTH;
/// Jaeger spans: 1 + 2 + 3 per second.
pub const TRUTH_SPANS_PER_MONTH: f64 = 6.0 * MONTH;
/// Jaeger traces (root spans): 0.5/s.
pub const TRUTH_TRACES_PER_MONTH: f64 = 0.5 * MONTH;
/// OTel Collector spans (with and without `_total`): 4 + 1 per second.
pub const TRUTH_OTEL_SPANS_PER_MONTH: f64 = 5.0 * MONTH;
/// Tempo spans: 2/s, but only for the last 10 days (extrapolated).
pub const TRUTH_TEMPO_SPANS_PER_MONTH: f64 = 2.0 * MONTH;
/// Tempo history present.
pub const TEMPO_HISTORY_SECONDS: f64 = 10.0 * DAY as f64;
/// Series: (1000 + 500 + 300 + 200 + 400) scraped + 5 synthetic × 5 targets.
pub const TRUTH_ACTIVE_SERIES: f64 = 2425.0;
/// Samples per second: the series every 300 s.
pub const TRUTH_SAMPLES_PER_SECOND: f64 = 2425.0 / 300.0;
/// PostgreSQL: app 10 GB + postgres 8 MB (template1 excluded).
pub const TRUTH_DB_GB: f64 = 10.008;
/// PostgreSQL commits 50/s + rollbacks 1/s.
pub const TRUTH_TPS: f64 = 51.0;
/// Redis memory, GB.
pub const TRUTH_REDIS_GB: f64 = 2.5;
/// Redis commands per second.
pub const TRUTH_REDIS_CPS: f64 = 200.0;
/// Alertmanager notifications per second by integration (slack is configured and idle).
pub const TRUTH_NOTIFICATIONS: [(&str, f64); 3] = [("email", 0.002), ("slack", 0.0), ("webhook", 0.05)];
/// Grafana users: active admins + editors (editor licences), and viewers.
pub const TRUTH_GRAFANA_USERS: (f64, f64) = (4.0, 9.0);
/// Host CPUs, memory GB, utilisation, filesystem used GB (size 100 − free 45, as `df` counts it;
/// size − available would be 60).
pub const TRUTH_HOST: (f64, f64, f64, f64) = (4.0, 16.0, 0.3, 55.0);

/// One series: sample name, labels, first timestamp, value at seconds since that timestamp.
type SeriesDef = (String, String, i64, Box<dyn Fn(f64) -> f64>);

struct Family {
    name: &'static str,
    kind: &'static str,
    series: Vec<SeriesDef>,
}

fn counter(rate: f64) -> Box<dyn Fn(f64) -> f64> {
    Box::new(move |s| rate * s)
}

fn gauge(v: f64) -> Box<dyn Fn(f64) -> f64> {
    Box::new(move |_| v)
}

fn families() -> Vec<Family> {
    let l = |job: &str, inst: &str, extra: &str| {
        if extra.is_empty() {
            format!("job=\"{job}\",instance=\"{inst}\"")
        } else {
            format!("job=\"{job}\",instance=\"{inst}\",{extra}")
        }
    };
    let mut f = Vec::new();
    let mut add =
        |name: &'static str, kind: &'static str, series: Vec<SeriesDef>| f.push(Family { name, kind, series });
    let total = |n: &str| format!("{n}_total");
    // Loki.
    let reset = 10 * DAY;
    add(
        "loki_distributor_bytes_received",
        "counter",
        vec![
            (total("loki_distributor_bytes_received"), l("loki", "loki:3100", "tenant=\"fake\""), T0, counter(1000.0)),
            (
                total("loki_distributor_bytes_received"),
                l("loki", "loki:3100", "tenant=\"other\""),
                T0,
                Box::new(move |s| if s < reset as f64 { 500.0 * s } else { 500.0 * (s - reset as f64) }),
            ),
        ],
    );
    add(
        "loki_distributor_lines_received",
        "counter",
        vec![(total("loki_distributor_lines_received"), l("loki", "loki:3100", "tenant=\"fake\""), T0, counter(10.0))],
    );
    add(
        "loki_ingester_chunk_stored_bytes",
        "counter",
        vec![(
            total("loki_ingester_chunk_stored_bytes"),
            l("loki", "loki:3100", "tenant=\"fake\""),
            T0,
            counter(150.0),
        )],
    );
    // Promtail: compressed bytes (must not be used), entries, and the read-offset gauge named _total.
    add(
        "promtail_sent_bytes",
        "counter",
        vec![(total("promtail_sent_bytes"), l("promtail", "promtail:9080", "host=\"loki:3100\""), T0, counter(300.0))],
    );
    add(
        "promtail_sent_entries",
        "counter",
        vec![(total("promtail_sent_entries"), l("promtail", "promtail:9080", "host=\"loki:3100\""), T0, counter(10.0))],
    );
    let week = 7.0 * DAY as f64;
    add(
        "promtail_read_bytes_total",
        "gauge",
        vec![(
            "promtail_read_bytes_total".into(),
            l("promtail", "promtail:9080", "path=\"/var/log/app.log\""),
            T0,
            Box::new(move |s| 1000.0 * (s % week)),
        )],
    );
    // Fluent Bit.
    add(
        "fluentbit_input_bytes",
        "counter",
        vec![(
            total("fluentbit_input_bytes"),
            l("fluent-bit", "fluent-bit:2020", "name=\"tail.0\""),
            T0,
            counter(800.0),
        )],
    );
    add(
        "fluentbit_input_records",
        "counter",
        vec![(
            total("fluentbit_input_records"),
            l("fluent-bit", "fluent-bit:2020", "name=\"tail.0\""),
            T0,
            counter(8.0),
        )],
    );
    // Jaeger v1.
    add(
        "jaeger_collector_spans_received",
        "counter",
        (1..=3)
            .map(|i| {
                (
                    total("jaeger_collector_spans_received"),
                    l("jaeger", "jaeger:14269", &format!("svc=\"svc{i}\",format=\"proto\",transport=\"grpc\"")),
                    T0,
                    counter(i as f64),
                )
            })
            .collect(),
    );
    add(
        "jaeger_collector_traces_received",
        "counter",
        vec![(
            total("jaeger_collector_traces_received"),
            l("jaeger", "jaeger:14269", "svc=\"svc1\""),
            T0,
            counter(0.5),
        )],
    );
    // OTel Collector: one without _total (older collectors), one with.
    add(
        "otelcol_receiver_accepted_spans",
        "unknown",
        vec![(
            "otelcol_receiver_accepted_spans".into(),
            l("otel", "otel-a:8888", "receiver=\"otlp\""),
            T0,
            counter(4.0),
        )],
    );
    add(
        "otelcol_receiver_accepted_spans",
        "counter",
        vec![(
            total("otelcol_receiver_accepted_spans"),
            l("otel", "otel-b:8888", "receiver=\"otlp\""),
            T0,
            counter(1.0),
        )],
    );
    // Tempo, only the last 10 days.
    add(
        "tempo_distributor_spans_received",
        "counter",
        vec![(
            total("tempo_distributor_spans_received"),
            l("tempo", "tempo:3200", "tenant=\"single-tenant\""),
            T1 - 10 * DAY,
            counter(2.0),
        )],
    );
    // Grafana.
    add(
        "grafana_stat_totals_dashboard",
        "gauge",
        vec![("grafana_stat_totals_dashboard".into(), l("grafana", "grafana:3000", ""), T0, gauge(12.0))],
    );
    for (name, n) in [
        ("grafana_stat_totals_active_admins", 1.0),
        ("grafana_stat_totals_active_editors", 3.0),
        ("grafana_stat_totals_active_viewers", 9.0),
    ] {
        add(name, "gauge", vec![(name.to_string(), l("grafana", "grafana:3000", ""), T0, gauge(n))]);
    }
    // Alertmanager.
    add(
        "alertmanager_notifications",
        "counter",
        TRUTH_NOTIFICATIONS
            .iter()
            .map(|(integration, rate)| {
                (
                    total("alertmanager_notifications"),
                    l("alertmanager", "alertmanager:9093", &format!("integration=\"{integration}\"")),
                    T0,
                    counter(*rate),
                )
            })
            .collect(),
    );
    // PostgreSQL.
    add(
        "pg_database_size_bytes",
        "gauge",
        vec![
            ("pg_database_size_bytes".into(), l("postgres", "pg:9187", "datname=\"app\""), T0, gauge(10e9)),
            ("pg_database_size_bytes".into(), l("postgres", "pg:9187", "datname=\"postgres\""), T0, gauge(8e6)),
            ("pg_database_size_bytes".into(), l("postgres", "pg:9187", "datname=\"template1\""), T0, gauge(7e6)),
        ],
    );
    add(
        "pg_stat_database_xact_commit",
        "unknown",
        vec![("pg_stat_database_xact_commit".into(), l("postgres", "pg:9187", "datname=\"app\""), T0, counter(50.0))],
    );
    add(
        "pg_stat_database_xact_rollback",
        "unknown",
        vec![("pg_stat_database_xact_rollback".into(), l("postgres", "pg:9187", "datname=\"app\""), T0, counter(1.0))],
    );
    add(
        "pg_stat_database_numbackends",
        "gauge",
        vec![
            ("pg_stat_database_numbackends".into(), l("postgres", "pg:9187", "datname=\"app\""), T0, gauge(5.0)),
            ("pg_stat_database_numbackends".into(), l("postgres", "pg:9187", "datname=\"postgres\""), T0, gauge(2.0)),
        ],
    );
    // Redis.
    add(
        "redis_memory_used_bytes",
        "gauge",
        vec![("redis_memory_used_bytes".into(), l("redis", "redis:9121", ""), T0, gauge(2.5e9))],
    );
    add(
        "redis_commands_processed",
        "counter",
        vec![(total("redis_commands_processed"), l("redis", "redis:9121", ""), T0, counter(200.0))],
    );
    // node_exporter: 4 CPUs at 70% idle, 20% user, 10% system.
    let mut cpu = Vec::new();
    for c in 0..4 {
        for (mode, rate) in [("idle", 0.7), ("user", 0.2), ("system", 0.1), ("iowait", 0.0)] {
            cpu.push((
                total("node_cpu_seconds"),
                l("node", "host1:9100", &format!("cpu=\"{c}\",mode=\"{mode}\"")),
                T0,
                counter(rate),
            ));
        }
    }
    add("node_cpu_seconds", "counter", cpu);
    add(
        "node_memory_MemTotal_bytes",
        "gauge",
        vec![("node_memory_MemTotal_bytes".into(), l("node", "host1:9100", ""), T0, gauge(16e9))],
    );
    // One disk mounted twice (counted once) and a tmpfs (left out). Free (f_bfree) includes the
    // blocks reserved for root, which "available" (f_bavail) excludes: `df` counts used = size −
    // free, so the reserved 5 GB are not "used".
    let mounts = [("/", "/dev/sda1", "ext4"), ("/var/lib/docker", "/dev/sda1", "ext4"), ("/run", "tmpfs", "tmpfs")];
    for (name, disk, tmpfs) in [
        ("node_filesystem_size_bytes", 100e9, 1e9),
        ("node_filesystem_avail_bytes", 40e9, 0.5e9),
        ("node_filesystem_free_bytes", 45e9, 0.5e9),
    ] {
        let series = mounts
            .iter()
            .map(|(mount, dev, fstype)| {
                let labels = format!("device=\"{dev}\",fstype=\"{fstype}\",mountpoint=\"{mount}\"");
                let v = if *fstype == "tmpfs" { tmpfs } else { disk };
                (name.to_string(), l("node", "host1:9100", &labels), T0, gauge(v))
            })
            .collect();
        add(name, "gauge", series);
    }
    // cAdvisor: two containers and the root cgroup (excluded).
    let c = |name: &str, image: &str| format!("id=\"/docker/{name}\",name=\"{name}\",image=\"{image}\",cpu=\"total\"");
    add(
        "container_cpu_usage_seconds",
        "counter",
        vec![
            (total("container_cpu_usage_seconds"), l("cadvisor", "host1:8080", &c("app", "demo:1")), T0, counter(0.5)),
            (
                total("container_cpu_usage_seconds"),
                l("cadvisor", "host1:8080", &c("db", "postgres:15")),
                T0,
                counter(0.25),
            ),
            (
                total("container_cpu_usage_seconds"),
                l("cadvisor", "host1:8080", "id=\"/\",name=\"\",image=\"\",cpu=\"total\""),
                T0,
                counter(2.0),
            ),
        ],
    );
    add(
        "container_memory_working_set_bytes",
        "gauge",
        vec![
            (
                "container_memory_working_set_bytes".into(),
                l("cadvisor", "host1:8080", &c("app", "demo:1")),
                T0,
                gauge(300e6),
            ),
            (
                "container_memory_working_set_bytes".into(),
                l("cadvisor", "host1:8080", &c("db", "postgres:15")),
                T0,
                gauge(500e6),
            ),
        ],
    );
    // Scrape self-metrics: 5 jobs, one target each, every 300 s.
    let jobs = [
        ("node", "host1:9100", 1000.0),
        ("loki", "loki:3100", 500.0),
        ("postgres", "pg:9187", 300.0),
        ("redis", "redis:9121", 200.0),
        ("jaeger", "jaeger:14269", 400.0),
    ];
    add("up", "gauge", jobs.iter().map(|(j, i, _)| ("up".to_string(), l(j, i, ""), T0, gauge(1.0))).collect());
    add(
        "scrape_samples_post_metric_relabeling",
        "gauge",
        jobs.iter()
            .map(|(j, i, n)| ("scrape_samples_post_metric_relabeling".to_string(), l(j, i, ""), T0, gauge(*n)))
            .collect(),
    );
    f
}

/// The fixture as OpenMetrics text (timestamps in seconds, `# EOF` at the end).
pub fn openmetrics() -> String {
    let mut out = String::with_capacity(40 << 20);
    for fam in families() {
        let _ = writeln!(out, "# TYPE {} {}", fam.name, fam.kind);
        for (name, labels, start, f) in &fam.series {
            let mut t = *start;
            while t <= T1 {
                let _ = writeln!(out, "{name}{{{labels}}} {} {t}", f((t - start) as f64));
                t += STEP;
            }
        }
    }
    out.push_str("# EOF\n");
    out
}

/// The fixture as Prometheus text with millisecond timestamps (VictoriaMetrics import).
pub fn prometheus_text_ms() -> String {
    let mut out = String::with_capacity(40 << 20);
    for fam in families() {
        for (name, labels, start, f) in &fam.series {
            let mut t = *start;
            while t <= T1 {
                let _ = writeln!(out, "{name}{{{labels}}} {} {}", f((t - start) as f64), t * 1000);
                t += STEP;
            }
        }
    }
    out
}

/// Checks every fixture truth in a snapshot; `factor` is 2 when the fixture was measured twice.
pub fn check_truths(json: &Value, factor: f64) {
    let tol = 0.01;
    assert_close("active series", value(json, "/metrics/active_series"), factor * TRUTH_ACTIVE_SERIES, tol);
    assert_close("samples/s", value(json, "/metrics/samples_per_second"), factor * TRUTH_SAMPLES_PER_SECOND, tol);
    assert_close(
        "samples/month",
        value(json, "/metrics/samples_per_month"),
        factor * TRUTH_SAMPLES_PER_SECOND * MONTH,
        tol,
    );
    assert_close("log GB", value(json, "/logs/ingested_gb_per_month"), factor * TRUTH_LOG_GB_PER_MONTH, tol);
    assert_close("log lines", value(json, "/logs/lines_per_month"), factor * TRUTH_LOG_LINES_PER_MONTH, tol);
    assert_eq!(json["logs"]["source"], "loki");
    assert_close("spans", value(json, "/traces/spans_per_month"), factor * TRUTH_SPANS_PER_MONTH, tol);
    assert_close("traces", value(json, "/traces/traces_per_month"), factor * TRUTH_TRACES_PER_MONTH, tol);
    assert_eq!(json["traces"]["source"], "jaeger");
    let by =
        |list: &Value, source: &str| list.as_array().unwrap().iter().find(|v| v["source"] == source).cloned().unwrap();
    let otel = by(&json["traces"]["by_source"], "otel-collector");
    assert_close("otel spans", value(&otel, "/values/spans_per_month"), factor * TRUTH_OTEL_SPANS_PER_MONTH, tol);
    let tempo = by(&json["traces"]["by_source"], "tempo");
    assert_close("tempo spans", value(&tempo, "/values/spans_per_month"), factor * TRUTH_TEMPO_SPANS_PER_MONTH, tol);
    assert_eq!(tempo["values"]["spans_per_month"]["extrapolated"], true, "{tempo:#}");
    let history = tempo["values"]["spans_per_month"]["history_seconds"].as_f64().unwrap();
    assert_close("tempo history", history, TEMPO_HISTORY_SECONDS, 0.01);
    assert_eq!(json["traces"]["spans_per_month"]["extrapolated"], false);
    let db = &json["database"][0];
    assert_close("db size", value(db, "/size_gb"), TRUTH_DB_GB, tol);
    assert_close("tps", value(db, "/transactions_per_second"), TRUTH_TPS, tol);
    assert_eq!(value(db, "/connections"), 7.0);
    let cache = &json["cache"][0];
    assert_close("redis GB", value(cache, "/memory_used_gb"), TRUTH_REDIS_GB, tol);
    assert_close("redis cps", value(cache, "/commands_per_second"), TRUTH_REDIS_CPS, tol);
    let host = &json["hosts"][0];
    assert_eq!(value(host, "/cpus"), TRUTH_HOST.0);
    assert_close("host memory", value(host, "/memory_gb"), TRUTH_HOST.1, tol);
    assert_close("host cpu", value(host, "/cpu_utilisation"), TRUTH_HOST.2, tol);
    assert_close("host fs", value(host, "/filesystem_used_gb"), TRUTH_HOST.3, tol);
    let containers = json["containers"].as_array().unwrap();
    assert_eq!(containers.len(), 2 * factor as usize, "{containers:#?}");
    assert_close("app cpu", value(&containers[0], "/cpu_cores"), 0.5, tol);
    assert_close("app memory", value(&containers[0], "/memory_gb"), 0.3, tol);
    assert_eq!(value(json, "/metrics/grafana_dashboards"), 12.0 * factor);
    assert_eq!(value(json, "/metrics/grafana_editors"), TRUTH_GRAFANA_USERS.0 * factor);
    assert_eq!(value(json, "/metrics/grafana_viewers"), TRUTH_GRAFANA_USERS.1 * factor);
    let notifications = &json["alerting"]["notifications_per_month"];
    for (integration, rate) in TRUTH_NOTIFICATIONS {
        let measured = value(notifications, &format!("/{integration}"));
        if rate == 0.0 {
            assert_eq!(measured, 0.0, "{integration}");
        } else {
            assert_close(integration, measured, factor * rate * MONTH, tol);
        }
    }
}
