//! Merges the per-server results of `collect` into one usage snapshot. A target that several
//! `--prometheus` servers scrape (an HA pair, a server and its VictoriaMetrics copy: same `job`
//! and `instance`, copy labels set aside) is counted once, with the values of the first server
//! listed that has it; rules loaded on several servers count once; hosts, databases, caches and
//! containers are listed once. `--sum-servers` adds the servers up instead. The snapshot's
//! `deduplication` section and each source's `targets`/`duplicate_targets` say what happened.
//! Also here: the `not_measured` hints and the short-history warnings.

use std::collections::{BTreeMap, BTreeSet};

use super::collect::{format_at, people, Component, MeasureOptions, Part, Slot};
use super::queries::{self as q, VolumeSource};
use super::*;

/// One quantity's slots from every server, in `--prometheus` order, merged into one value.
fn merge_slots(slots: &[&Slot], sum_servers: bool) -> Option<Measured> {
    if let Some(Slot::Failed(m)) = slots.iter().find(|s| matches!(s, Slot::Failed(_))) {
        return Some(m.clone());
    }
    let mut union: BTreeMap<&Vec<String>, f64> = BTreeMap::new();
    let mut totals = 0.0;
    let mut out: Option<Measured> = None;
    let mut urls: Vec<String> = Vec::new();
    let mut add_provenance = |m: &Measured, out: &mut Option<Measured>| {
        match out {
            None => *out = Some(m.clone()),
            Some(o) => {
                o.extrapolated |= m.extrapolated;
                o.history_seconds = match (o.history_seconds, m.history_seconds) {
                    (Some(a), Some(b)) => Some(a.min(b)),
                    (a, b) => a.or(b),
                };
            }
        }
        if !urls.contains(&m.source_url) {
            urls.push(m.source_url.clone());
        }
    };
    for slot in slots {
        match slot {
            Slot::Keyed { values, template } => {
                let mut contributed = false;
                for (k, v) in values {
                    match union.get_mut(k) {
                        Some(e) if sum_servers => {
                            *e += v;
                            contributed = true;
                        }
                        Some(_) => {}
                        None => {
                            union.insert(k, *v);
                            contributed = true;
                        }
                    }
                }
                if contributed {
                    add_provenance(template, &mut out);
                }
            }
            Slot::Total(m) => {
                totals += m.value.unwrap_or(0.0);
                add_provenance(m, &mut out);
            }
            Slot::Failed(_) => {}
        }
    }
    let mut m = out?;
    m.value = Some(round_sig(union.values().sum::<f64>() + totals));
    m.source_url = urls.join(", ");
    if m.note.is_none() && union.len() > 1 {
        m.note = Some("sum of the per-target values of this query".into());
    }
    Some(m)
}

/// Entities (hosts, databases, ...) of every server: each key once (the first server's), or all
/// of them with `--sum-servers`.
fn merge_entities<T>(lists: Vec<Vec<(Vec<String>, T)>>, sum_servers: bool) -> Vec<T> {
    let mut seen = BTreeSet::new();
    let mut out = Vec::new();
    for list in lists {
        for (key, item) in list {
            if sum_servers || seen.insert(key) {
                out.push(item);
            }
        }
    }
    out
}

/// Per-target series of every server: key → (series, index of the server that gave it).
fn target_series(parts: &[Part], sum_servers: bool) -> BTreeMap<Vec<String>, (f64, usize)> {
    let mut out: BTreeMap<Vec<String>, (f64, usize)> = BTreeMap::new();
    for (i, part) in parts.iter().enumerate() {
        if let Some(Slot::Keyed { values, .. }) = &part.series {
            for (k, v) in values {
                match out.get_mut(k) {
                    Some(e) if sum_servers => e.0 += v,
                    Some(_) => {}
                    None => {
                        out.insert(k.clone(), (*v, i));
                    }
                }
            }
        }
    }
    out
}

fn jobs(parts: &[Part], opts: &MeasureOptions) -> Vec<JobUsage> {
    let series = target_series(parts, opts.sum_servers);
    let sps_slots: Vec<&Slot> = parts.iter().filter_map(|p| p.samples_per_second.as_ref()).collect();
    // Samples per second per target, merged the same way (first server, or summed).
    let mut sps: BTreeMap<&Vec<String>, f64> = BTreeMap::new();
    for slot in &sps_slots {
        if let Slot::Keyed { values, .. } = slot {
            for (k, v) in values {
                match sps.get_mut(k) {
                    Some(e) if opts.sum_servers => *e += v,
                    Some(_) => {}
                    None => {
                        sps.insert(k, *v);
                    }
                }
            }
        }
    }
    /// Targets, series, samples per second and the servers that gave them, of one job.
    #[derive(Default)]
    struct Job {
        targets: u64,
        series: f64,
        sps: Option<f64>,
        servers: BTreeSet<usize>,
    }
    let mut by_job: BTreeMap<&str, Job> = BTreeMap::new();
    for (key, (n, part)) in &series {
        let e = by_job.entry(key.first().map_or("", String::as_str)).or_default();
        e.targets += 1;
        e.series += n;
        if let Some(v) = sps.get(key) {
            e.sps = Some(e.sps.unwrap_or(0.0) + v);
        }
        e.servers.insert(*part);
    }
    by_job
        .into_iter()
        .map(|(job, Job { targets, series, sps, servers })| {
            let interval = servers.iter().filter_map(|i| parts.get(*i)).find_map(|p| p.intervals.get(job).copied());
            let urls: Vec<String> =
                servers.iter().filter_map(|i| parts.get(*i)?.source.as_ref().map(|s| s.url.clone())).collect();
            JobUsage {
                job: job.to_string(),
                targets,
                series: round_sig(series),
                scrape_interval_seconds: interval,
                samples_per_second: sps.map(round_sig),
                source_url: urls.join(", "),
            }
        })
        .collect()
}

/// The rules of every server: each distinct rule once, or every server's added up with `--sum-servers`.
fn rules(parts: &[Part], opts: &MeasureOptions) -> (Option<Measured>, Option<Measured>, Option<Measured>) {
    let mut failed = None;
    let mut union = BTreeSet::new();
    let (mut alerting, mut recording, mut interval, mut urls) = (0u64, 0u64, None::<f64>, Vec::new());
    let mut servers = 0;
    for part in parts {
        let url = part.source.as_ref().map(|s| s.url.clone()).unwrap_or_default();
        match &part.rules {
            Some(Err(m)) => failed = failed.or_else(|| Some(m.clone())),
            Some(Ok(set)) => {
                servers += 1;
                urls.push(url);
                interval = match (interval, set.interval) {
                    (Some(a), Some(b)) => Some(a.min(b)),
                    (a, b) => a.or(b),
                };
                for r in &set.rules {
                    if opts.sum_servers || union.insert(r.clone()) {
                        match r.0.as_str() {
                            "alerting" => alerting += 1,
                            "recording" => recording += 1,
                            _ => {}
                        }
                    }
                }
            }
            None => {}
        }
    }
    if let Some(f) = failed {
        return (Some(f), None, None);
    }
    if servers == 0 {
        return (None, None, None);
    }
    let mut note = "rules loaded when measured (the rules API has no history)".to_string();
    if servers > 1 && !opts.sum_servers {
        note.push_str("; a rule loaded on several servers (same file, group, name and query) counts once");
    }
    let url = urls.join(", ");
    let m = |v: u64| Measured::ok(v as f64, "rules", q::API_RULES.into(), 0, &url).with_note(&note);
    let i =
        interval.map(|i| Measured::ok(i, "seconds", q::API_RULES.into(), 0, &url).with_note("shortest group interval"));
    (Some(m(alerting)), Some(m(recording)), i)
}

/// The volume components (logs or traces) of every server, merged per component and quantity.
fn volumes(parts: &[Part], pick: fn(&Part) -> &Vec<Component>, order: &[VolumeSource], sum: bool) -> Vec<SourceVolume> {
    let mut out = Vec::new();
    for source in order {
        let mut slots: BTreeMap<&str, Vec<&Slot>> = BTreeMap::new();
        for part in parts {
            for (name, values) in pick(part) {
                if name == source.name {
                    for (k, slot) in values {
                        slots.entry(k.as_str()).or_default().push(slot);
                    }
                }
            }
        }
        if slots.is_empty() && !parts.iter().any(|p| pick(p).iter().any(|(n, _)| n == source.name)) {
            continue;
        }
        let values = slots.into_iter().filter_map(|(k, s)| Some((k.to_string(), merge_slots(&s, sum)?))).collect();
        out.push(SourceVolume { source: source.name.to_string(), values });
    }
    out
}

/// The top metric names: with targets counted once, the largest count any server reports for a
/// name (servers that share targets hold the same series); else the counts added up.
fn top_metrics(parts: &[Part], take_max: bool, n: usize) -> Vec<MetricSeries> {
    let mut top: BTreeMap<&str, f64> = BTreeMap::new();
    for part in parts {
        for m in &part.top_metrics {
            let e = top.entry(m.name.as_str()).or_insert(0.0);
            *e = if take_max { e.max(m.series) } else { *e + m.series };
        }
    }
    let mut top: Vec<MetricSeries> = top
        .into_iter()
        .map(|(name, series)| MetricSeries { name: name.to_string(), series: round_sig(series) })
        .collect();
    top.sort_by(|a, b| b.series.total_cmp(&a.series).then_with(|| a.name.cmp(&b.name)));
    top.truncate(n);
    top
}

/// Assembles the snapshot from every server's part.
pub(super) fn assemble(mut parts: Vec<Part>, opts: &MeasureOptions) -> UsageSnapshot {
    let sum = opts.sum_servers;
    // Targets per server and those an earlier server already has.
    let mut seen: BTreeSet<Vec<String>> = BTreeSet::new();
    let mut shared: BTreeSet<Vec<String>> = BTreeSet::new();
    for part in &mut parts {
        let keys: Vec<Vec<String>> = match &part.series {
            Some(Slot::Keyed { values, .. }) => values.keys().cloned().collect(),
            _ => continue,
        };
        let duplicates = keys.iter().filter(|k| seen.contains(*k)).count();
        for k in keys.iter().filter(|k| seen.contains(*k)) {
            shared.insert(k.clone());
        }
        if let Some(source) = &mut part.source {
            source.targets = Some(keys.len() as u64);
            source.duplicate_targets = Some(duplicates as u64);
        }
        seen.extend(keys);
    }
    let slots = |f: fn(&Part) -> Option<&Slot>| -> Vec<&Slot> { parts.iter().filter_map(f).collect() };
    let mut metrics = MetricsUsage {
        active_series: merge_slots(&slots(|p| p.series.as_ref()), sum),
        samples_per_second: merge_slots(&slots(|p| p.samples_per_second.as_ref()), sum),
        grafana_dashboards: merge_slots(&slots(|p| p.grafana_dashboards.as_ref()), sum),
        grafana_editors: people::merge_users(parts.iter().filter_map(|p| p.grafana_editors.as_ref()).collect(), sum),
        grafana_viewers: people::merge_users(parts.iter().filter_map(|p| p.grafana_viewers.as_ref()).collect(), sum),
        jobs: jobs(&parts, opts),
        top_metrics: top_metrics(&parts, !sum && !shared.is_empty(), opts.top),
        top_metrics_query: parts.iter().find_map(|p| p.top_metrics_query.clone()),
        ..MetricsUsage::default()
    };
    if let Some(m) = &mut metrics.active_series {
        if m.query.starts_with("sum by (job, instance") {
            m.note = Some("sum over the scrape targets, each counted once".into());
        }
    }
    (metrics.alerting_rules, metrics.recording_rules, metrics.rule_evaluation_interval_seconds) = rules(&parts, opts);
    if let Some(sps) = &metrics.samples_per_second {
        let mut spm = sps.clone();
        spm.value = sps.value.map(|v| round_sig(v * MONTH_SECONDS));
        spm.unit = "samples/month".into();
        spm.note = Some("samples_per_second × 2,628,000 s".into());
        metrics.samples_per_month = Some(spm);
    }
    let (weighted, weight) = metrics
        .jobs
        .iter()
        .filter_map(|j| j.scrape_interval_seconds.map(|i| (i * j.series, j.series)))
        .fold((0.0, 0.0), |(a, b), (x, y)| (a + x, b + y));
    if weight > 0.0 {
        let mut urls: Vec<&str> = metrics.jobs.iter().flat_map(|j| j.source_url.split(", ")).collect();
        urls.sort_unstable();
        urls.dedup();
        metrics.scrape_interval_seconds = Some(
            Measured::ok(
                weighted / weight,
                "seconds",
                format!("series-weighted mean of metrics.jobs[].scrape_interval_seconds ({})", q::API_TARGETS),
                0,
                &urls.join(", "),
            )
            .with_note(
                "per job from the targets API (scrapeInterval or __scrape_interval__), or from the spacing of the \
                 `up` samples over the history the server has when it does not list the job",
            ),
        );
    }

    let mut integrations: BTreeMap<&str, Vec<&Slot>> = BTreeMap::new();
    for part in &parts {
        for (k, slot) in &part.notifications {
            integrations.entry(k.as_str()).or_default().push(slot);
        }
    }
    let alerting = AlertingUsage {
        notifications_per_month: integrations
            .into_iter()
            .filter_map(|(k, s)| Some((k.to_string(), merge_slots(&s, sum)?)))
            .collect(),
    };
    let logs_by = volumes(&parts, |p| &p.logs, q::LOG_SOURCES, sum);
    let traces_by = volumes(&parts, |p| &p.traces, q::TRACE_SOURCES, sum);
    let mut logs = LogsUsage { by_source: logs_by, ..LogsUsage::default() };
    if let Some(first) = logs.by_source.first() {
        logs.source = Some(first.source.clone());
        logs.ingested_gb_per_month = first.values.get("ingested_gb_per_month").cloned();
        logs.lines_per_month = first.values.get("lines_per_month").cloned();
        logs.stored_gb_per_month = first.values.get("stored_gb_per_month").cloned();
    }
    let mut traces = TracesUsage { by_source: traces_by, ..TracesUsage::default() };
    if let Some(first) = traces.by_source.first() {
        traces.source = Some(first.source.clone());
        traces.spans_per_month = first.values.get("spans_per_month").cloned();
        traces.traces_per_month = first.values.get("traces_per_month").cloned();
    }

    let failed_components: Vec<(&'static str, String)> =
        parts.iter().flat_map(|p| p.failed_components.iter().map(|(c, e)| (*c, e.one_line()))).collect();
    let failed_queries: Vec<FailedQuery> = parts
        .iter()
        .flat_map(|p| &p.failed)
        .map(|e| FailedQuery { source_url: e.url.clone(), query: e.query.clone(), error: e.one_line() })
        .collect();
    let rules_unavailable = parts.iter().any(|p| p.rules_unavailable);
    let copy_count: u64 = parts.iter().map(|p| p.copy_targets).sum();
    let mut sources: Vec<Source> = Vec::new();
    let (mut database, mut cache, mut hosts, mut containers) = (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    for part in parts {
        sources.extend(part.source);
        database.push(part.database);
        cache.push(part.cache);
        hosts.push(part.hosts);
        containers.push(part.containers);
    }
    let mut database = merge_entities(database, sum);
    let mut cache = merge_entities(cache, sum);
    let mut hosts = merge_entities(hosts, sum);
    let mut containers = merge_entities(containers, sum);
    metrics.jobs.sort_by(|a, b| (&a.job, &a.source_url).cmp(&(&b.job, &b.source_url)));
    database.sort_by(|a, b| (&a.instance, &a.job).cmp(&(&b.instance, &b.job)));
    cache.sort_by(|a, b| (&a.instance, &a.job).cmp(&(&b.instance, &b.job)));
    hosts.sort_by(|a, b| (&a.instance, &a.job).cmp(&(&b.instance, &b.job)));
    containers.sort_by(|a, b| (&a.name, &a.instance).cmp(&(&b.name, &b.instance)));

    let deduplication = (sources.len() > 1 || copy_count > 0).then(|| Deduplication {
        mode: if sum { "sum_servers" } else { "by_target" }.into(),
        copy_labels: opts.dedup_labels.clone(),
        targets: seen.len() as u64,
        shared_targets: shared.len() as u64,
        copies_within_servers: copy_count,
        note: if sum {
            format!("--sum-servers: the {} servers are added up, {} shared target(s) included", sources.len(), shared.len())
        } else if shared.is_empty() {
            "no target is scraped by more than one server".into()
        } else {
            format!(
                "{} target(s) scraped by more than one server are counted once, with the values of the first server listed that has them",
                shared.len()
            )
        },
    });
    let mut snapshot = UsageSnapshot {
        schema_version: SCHEMA_VERSION,
        kind: KIND_USAGE.into(),
        generated_by: concat!("obs-cost ", env!("CARGO_PKG_VERSION")).into(),
        at: format_at(opts.at),
        window_seconds: opts.window_seconds,
        month_seconds: MONTH_SECONDS as u64,
        sources,
        deduplication,
        metrics,
        logs,
        traces,
        database,
        cache,
        hosts,
        containers,
        alerting,
        not_measured: Vec::new(),
        failed_queries,
        warnings: Vec::new(),
        actual: None,
    };
    snapshot.not_measured = not_measured(&snapshot, rules_unavailable, &failed_components);
    snapshot.warnings = short_history_warnings(&snapshot);
    snapshot
}

fn not_measured(s: &UsageSnapshot, rules_unavailable: bool, failed: &[(&'static str, String)]) -> Vec<NotMeasured> {
    let mut out = Vec::new();
    let mut missing = |component: &str, absent_hint: &str| {
        let hint = match failed.iter().find(|(c, _)| *c == component) {
            Some((_, error)) => format!("its query failed (see failed_queries): {error}"),
            None => absent_hint.to_string(),
        };
        out.push(NotMeasured { component: component.into(), hint });
    };
    let m = &s.metrics;
    if m.samples_per_second.is_none() {
        missing(
            "metrics.samples_per_second",
            "no scrape_samples_post_metric_relabeling or prometheus_tsdb_head_samples_appended_total: \
             let Prometheus scrape its targets (and itself, job \"prometheus\")",
        );
    }
    if m.alerting_rules.is_none() && (rules_unavailable || failed.iter().any(|(c, _)| *c == "metrics.alerting_rules")) {
        missing(
            "metrics.alerting_rules",
            "the server has no /api/v1/rules (VictoriaMetrics: rules live in vmalert, expose them with -vmalert.proxyURL)",
        );
    }
    if m.top_metrics.is_empty() && failed.iter().any(|(c, _)| *c == "metrics.top_metrics") {
        missing("metrics.top_metrics", "");
    }
    if m.grafana_dashboards.is_none() {
        missing(
            "metrics.grafana_dashboards",
            "Grafana's /metrics (port 3000) is not scraped, or [metrics] disable_total_stats is set",
        );
    }
    people::not_measured(m, &s.alerting, &mut missing);
    if s.logs.source.is_none() {
        missing(
            "logs",
            "no Loki (loki_distributor_bytes_received_total, port 3100), Fluent Bit (fluentbit_input_bytes_total, \
             port 2020), Elasticsearch exporter (elasticsearch_indices_*, port 9114) or Promtail (promtail_*, port 9080) \
             metrics: add a scrape job for the log pipeline's /metrics",
        );
    } else if s.logs.ingested_gb_per_month.is_none() {
        missing("logs.ingested_gb_per_month", "the log pipeline found exposes no uncompressed byte counter");
    }
    if s.traces.source.is_none() {
        missing(
            "traces",
            "no Jaeger (jaeger_collector_spans_received_total, admin port 14269), Tempo \
             (tempo_distributor_spans_received_total, port 3200) or OpenTelemetry Collector / Jaeger v2 \
             (otelcol_receiver_accepted_spans, port 8888) metrics: add a scrape job for the collector's /metrics",
        );
    } else if s.traces.traces_per_month.is_none() {
        missing(
            "traces.traces_per_month",
            "only Jaeger v1 counts traces (jaeger_collector_traces_received_total); otherwise assume spans per trace",
        );
    }
    if s.database.is_empty() {
        missing(
            "database",
            "no postgres_exporter metrics (pg_database_size_bytes): run postgres_exporter (port 9187) and scrape it",
        );
    }
    if s.cache.is_empty() {
        missing(
            "cache",
            "no redis_exporter metrics (redis_memory_used_bytes): run redis_exporter (port 9121) and scrape it",
        );
    }
    if s.hosts.is_empty() {
        missing("hosts", "no node_exporter metrics (node_cpu_seconds_total): run node_exporter (port 9100) on each host and scrape it");
    }
    if s.containers.is_empty() {
        missing(
            "containers",
            "no cAdvisor metrics (container_cpu_usage_seconds_total): run cAdvisor (port 8080) and scrape it",
        );
    }
    out
}

/// One warning per history length below [`MIN_HISTORY_SECONDS`], naming the quantities scaled
/// from it to a month.
pub fn short_history_warnings(snapshot: &UsageSnapshot) -> Vec<String> {
    fn walk(path: &str, v: &serde_json::Value, out: &mut BTreeMap<u64, Vec<String>>) {
        match v {
            serde_json::Value::Object(map) => {
                if let Some(h) = map.get("history_seconds").and_then(serde_json::Value::as_u64) {
                    if h < MIN_HISTORY_SECONDS && map.get("status").and_then(serde_json::Value::as_str) == Some("ok") {
                        out.entry(h).or_default().push(path.to_string());
                        return;
                    }
                }
                for (k, item) in map {
                    let p = if path.is_empty() { k.clone() } else { format!("{path}.{k}") };
                    walk(&p, item, out);
                }
            }
            serde_json::Value::Array(items) => {
                for (i, item) in items.iter().enumerate() {
                    walk(&format!("{path}[{i}]"), item, out);
                }
            }
            _ => {}
        }
    }
    let mut found = BTreeMap::new();
    if let Ok(v) = serde_json::to_value(snapshot) {
        walk("", &v, &mut found);
    }
    found
        .into_iter()
        .map(|(history, paths)| {
            let shown: Vec<&str> = paths.iter().take(4).map(String::as_str).collect();
            let more = if paths.len() > 4 { format!(" and {} more", paths.len() - 4) } else { String::new() };
            format!(
                "only {} of history (less than a day, the minimum for a monthly figure) for {}{more}: scaled to a \
                 month, these values may be far off; measure again once the server holds a day of data",
                humantime::format_duration(std::time::Duration::from_secs(history)),
                shown.join(", ")
            )
        })
        .collect()
}
