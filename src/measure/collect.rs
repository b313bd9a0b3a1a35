//! Runs the query catalogue against each server and assembles the usage snapshot: history
//! detection and extrapolation, component detection, `not_measured` hints, `--allow-partial`, and
//! the merge of several `--prometheus` URLs. No HTTP details (see `prometheus`) and no PromQL
//! text (see `queries`) live here.

mod people;
mod stores;

use std::collections::{BTreeMap, HashMap};

use serde_json::Value;

use super::prometheus::{Client, FaultKind, QueryError, Sample};
use super::queries::{self as q, RateQuery, VolumeSource};
use super::*;

/// What to measure.
#[derive(Debug, Clone)]
pub struct MeasureOptions {
    /// Look-back window of rates and monthly volumes, seconds.
    pub window_seconds: u64,
    /// Evaluation time, unix seconds.
    pub at: f64,
    /// True when `at` is the wall clock (no `--at`): the TSDB status and targets APIs then describe
    /// the same moment as the queries.
    pub at_is_now: bool,
    /// Number of metric names in `top_metrics`.
    pub top: usize,
    /// Keep going when a query fails, marking the quantity failed.
    pub allow_partial: bool,
}

/// Reports progress: one call per request, with a short label.
pub type Progress<'a> = &'a mut dyn FnMut(&str);

/// Measures every server and merges the results into one snapshot.
pub fn measure(clients: &[Client], opts: &MeasureOptions, progress: Progress<'_>) -> Result<UsageSnapshot, QueryError> {
    let mut parts = Vec::new();
    for client in clients {
        let mut session = Session::new(client, opts, &mut *progress);
        let part = session.run()?;
        parts.push(part);
    }
    Ok(assemble(parts, opts))
}

/// How a rate was computed.
#[derive(Debug, Clone)]
struct RateMeta {
    query: String,
    extrapolated: bool,
    history: Option<u64>,
}

/// One server's results before merging.
#[derive(Debug, Default)]
struct Part {
    source: Option<Source>,
    active_series: Option<Measured>,
    samples_per_second: Option<Measured>,
    alerting_rules: Option<Measured>,
    recording_rules: Option<Measured>,
    rule_interval: Option<Measured>,
    rules_unavailable: bool,
    grafana_dashboards: Option<Measured>,
    grafana_editors: Option<Measured>,
    grafana_viewers: Option<Measured>,
    notifications: BTreeMap<String, Measured>,
    jobs: Vec<JobUsage>,
    top_metrics: Vec<MetricSeries>,
    top_metrics_query: Option<String>,
    logs: Vec<SourceVolume>,
    traces: Vec<SourceVolume>,
    database: Vec<DatabaseUsage>,
    cache: Vec<CacheUsage>,
    hosts: Vec<HostUsage>,
    containers: Vec<ContainerUsage>,
    failed: Vec<QueryError>,
    measured_any: bool,
}

struct Session<'a> {
    client: &'a Client,
    opts: &'a MeasureOptions,
    progress: &'a mut dyn FnMut(&str),
    history: HashMap<String, Option<u64>>,
    part: Part,
    tsdb_status: Option<Value>,
}

type Groups = BTreeMap<Vec<String>, f64>;

fn group(samples: &[Sample], keys: &[&str]) -> Groups {
    let mut out = Groups::new();
    for s in samples {
        let key: Vec<String> = keys.iter().map(|k| s.label(k).to_string()).collect();
        *out.entry(key).or_insert(0.0) += s.value;
    }
    out
}

fn sum(samples: &[Sample]) -> f64 {
    samples.iter().map(|s| s.value).sum()
}

impl<'a> Session<'a> {
    fn new(client: &'a Client, opts: &'a MeasureOptions, progress: &'a mut dyn FnMut(&str)) -> Self {
        Session { client, opts, progress, history: HashMap::new(), part: Part::default(), tsdb_status: None }
    }

    fn url(&self) -> String {
        self.client.url().to_string()
    }

    fn query(&mut self, promql: &str) -> Result<Vec<Sample>, QueryError> {
        (self.progress)(promql);
        self.client.query(promql, self.opts.at)
    }

    fn get(&mut self, path: &str, params: &[(&str, String)], label: &str) -> Result<Value, QueryError> {
        (self.progress)(label);
        self.client.get(path, params, label)
    }

    /// Records a failure under `--allow-partial`, or aborts the run.
    fn fail(&mut self, err: QueryError) -> Result<(), QueryError> {
        if self.opts.allow_partial {
            self.part.failed.push(err);
            Ok(())
        } else {
            Err(err)
        }
    }

    fn ok(&mut self, value: f64, unit: &str, query: &str, window: u64) -> Measured {
        self.part.measured_any = true;
        Measured::ok(value, unit, query.to_string(), window, self.client.url())
    }

    fn measured_rate(&mut self, value: f64, unit: &str, meta: &RateMeta) -> Measured {
        let mut m = self.ok(value, unit, &meta.query, self.opts.window_seconds);
        m.extrapolated = meta.extrapolated;
        m.history_seconds = meta.history;
        m
    }

    fn failed(&self, unit: &str, err: &QueryError, window: u64) -> Measured {
        Measured::failed(unit, err.query.clone(), window, self.client.url(), err.to_string())
    }

    fn run(&mut self) -> Result<Part, QueryError> {
        self.probe()?;
        self.metrics()?;
        self.grafana_users()?;
        self.notifications()?;
        self.rules()?;
        self.top_metrics()?;
        for source in q::LOG_SOURCES {
            if let Some(volume) = self.volume(source)? {
                self.part.logs.push(volume);
            }
        }
        for source in q::TRACE_SOURCES {
            if let Some(volume) = self.volume(source)? {
                self.part.traces.push(volume);
            }
        }
        self.database()?;
        self.cache()?;
        self.hosts()?;
        self.containers()?;
        if !self.part.measured_any {
            let first = self.part.failed.first().cloned().unwrap_or_else(|| QueryError {
                url: self.url(),
                query: q::ACTIVE_SERIES.into(),
                reason: "no quantity could be measured".into(),
                kind: FaultKind::Empty,
            });
            return Err(first);
        }
        Ok(std::mem::take(&mut self.part))
    }

    /// Reads the TSDB status: it checks the server answers like a Prometheus API (transport, TLS,
    /// auth and malformed answers abort even under `--allow-partial`) and tells Prometheus from
    /// VictoriaMetrics. A 4xx/5xx only means the server has no such endpoint.
    fn probe(&mut self) -> Result<(), QueryError> {
        let mut params = vec![("limit", self.opts.top.clamp(1, 10_000).to_string())];
        params.push(("topN", self.opts.top.max(1).to_string()));
        if !self.opts.at_is_now {
            params.push(("date", date_of(self.opts.at)));
        }
        let status = match self.get("/api/v1/status/tsdb", &params, q::API_TSDB_STATUS) {
            Ok(v) => Some(v),
            Err(e) if matches!(e.kind, FaultKind::Http(_) | FaultKind::Api) => None,
            Err(e) => return Err(e),
        };
        let flavour = match &status {
            Some(v) if v.get("totalSeries").is_some() => "victoriametrics",
            _ => "prometheus",
        };
        let version = self
            .get("/api/v1/status/buildinfo", &[], "GET /api/v1/status/buildinfo")
            .ok()
            .and_then(|v| v.get("version").and_then(Value::as_str).map(str::to_string));
        self.part.source = Some(Source { url: self.url(), flavour: flavour.into(), version });
        self.tsdb_status = status;
        Ok(())
    }

    fn is_victoria(&self) -> bool {
        self.part.source.as_ref().is_some_and(|s| s.flavour == "victoriametrics")
    }

    /// Seconds of data of `selector` before `at`, or `None` when it covers the whole window.
    fn history_of(&mut self, selector: &str) -> Result<Option<u64>, QueryError> {
        if let Some(known) = self.history.get(selector) {
            return Ok(*known);
        }
        let window = self.opts.window_seconds;
        let mut range = window;
        let result = loop {
            let step = range.div_ceil(1000).max(1);
            let probe = q::first_sample_time(selector, &q::prom_duration(range), step);
            let samples = self.query(&probe)?;
            if let Some(first) = samples.iter().map(|s| s.value).reduce(f64::min) {
                let history = (self.opts.at - first).max(0.0);
                break if history + 2.0 * step as f64 >= window as f64 { None } else { Some(history.ceil() as u64) };
            }
            if step == 1 {
                break None;
            }
            // The data is younger than one grid step: look again, closer to `at`, on a finer grid.
            range = (step * 3).min(range);
        };
        self.history.insert(selector.to_string(), result);
        Ok(result)
    }

    /// Runs a rate query over the window, scaled down to the history actually present.
    /// `Ok(None)` when the counter is absent.
    fn rate(&mut self, rq: &RateQuery) -> Result<Option<(Vec<Sample>, RateMeta)>, QueryError> {
        let window = self.opts.window_seconds;
        let query = rq.render(window);
        let samples = self.query(&query)?;
        if samples.is_empty() {
            return Ok(None);
        }
        match self.history_of(rq.selector)? {
            None => Ok(Some((samples, RateMeta { query, extrapolated: false, history: None }))),
            Some(history) => {
                let short = rq.render(history.max(1));
                let rescaled = self.query(&short)?;
                if rescaled.is_empty() {
                    // Too few samples in the short window for a rate: keep the full-window value.
                    return Ok(Some((samples, RateMeta { query, extrapolated: false, history: Some(history) })));
                }
                Ok(Some((rescaled, RateMeta { query: short, extrapolated: true, history: Some(history) })))
            }
        }
    }

    fn metrics(&mut self) -> Result<(), QueryError> {
        // Active series.
        let active = match self.active_series() {
            Ok(m) => Some(m),
            Err(e) => {
                let m = self.failed("series", &e, 0);
                self.fail(e)?;
                Some(m)
            }
        };
        self.part.active_series = active;

        // Jobs: targets, series, scrape interval, samples per second.
        let jobs = self.jobs();
        match jobs {
            Ok(()) => {}
            Err(e) => {
                self.part.samples_per_second = Some(self.failed("samples/s", &e, self.opts.window_seconds));
                self.fail(e)?;
            }
        }

        match self.query(q::GRAFANA_DASHBOARDS) {
            Ok(s) if !s.is_empty() => {
                let m = self.ok(sum(&s), "dashboards", q::GRAFANA_DASHBOARDS, 0);
                self.part.grafana_dashboards = Some(m);
            }
            Ok(_) => {}
            Err(e) => {
                self.part.grafana_dashboards = Some(self.failed("dashboards", &e, 0));
                self.fail(e)?;
            }
        }
        Ok(())
    }

    fn active_series(&mut self) -> Result<Measured, QueryError> {
        let scraped = self.query(q::ACTIVE_SERIES)?;
        if !scraped.is_empty() && sum(&scraped) > 0.0 {
            return Ok(self.ok(sum(&scraped), "series", q::ACTIVE_SERIES, 0));
        }
        let head = self.query(q::HEAD_SERIES)?;
        if !head.is_empty() && sum(&head) > 0.0 {
            let m = self.ok(sum(&head), "series", q::HEAD_SERIES, 0);
            return Ok(m.with_note("TSDB head series (nothing is scraped by this server); includes recent churn"));
        }
        if self.opts.at_is_now {
            let total = self.tsdb_status.as_ref().and_then(|v| {
                v.pointer("/headStats/numSeries").or_else(|| v.get("totalSeries")).and_then(Value::as_f64)
            });
            if let Some(total) = total.filter(|t| *t > 0.0) {
                return Ok(self.ok(total, "series", q::API_TSDB_STATUS, 0));
            }
        }
        Err(QueryError {
            url: self.url(),
            query: q::ACTIVE_SERIES.into(),
            reason: format!("empty result: no scraped series at {}", format_at(self.opts.at)),
            kind: FaultKind::Empty,
        })
    }

    fn jobs(&mut self) -> Result<(), QueryError> {
        let targets = group(&self.query(q::JOB_TARGETS)?, &["job"]);
        if targets.is_empty() {
            // Nothing scraped: fall back to what the TSDB appended.
            let rq = RateQuery {
                name: "samples_per_second",
                selector: q::HEAD_SAMPLES_SELECTOR,
                template: q::HEAD_SAMPLES_PER_SECOND,
                unit: "samples/s",
                note: None,
            };
            if let Some((samples, meta)) = self.rate(&rq)? {
                let m = self.measured_rate(sum(&samples), "samples/s", &meta);
                self.part.samples_per_second = Some(m.with_note("samples appended to the TSDB, rule outputs included"));
            }
            return Ok(());
        }
        let series = group(&self.query(q::JOB_SERIES)?, &["job"]);
        let intervals = self.scrape_intervals(&targets)?;
        let rq = RateQuery {
            name: "samples_per_second",
            selector: q::SCRAPE_SELECTOR,
            template: q::JOB_SAMPLES_PER_SECOND,
            unit: "samples/s",
            note: None,
        };
        let rates = self.rate(&rq)?;
        let per_job = rates.as_ref().map(|(s, _)| group(s, &["job"])).unwrap_or_default();
        for (key, count) in &targets {
            let job = key[0].clone();
            self.part.jobs.push(JobUsage {
                targets: *count as u64,
                series: round_sig(series.get(key).copied().unwrap_or(0.0)),
                scrape_interval_seconds: intervals.get(&job).copied(),
                samples_per_second: per_job.get(key).map(|v| round_sig(*v)),
                source_url: self.url(),
                job,
            });
        }
        if let Some((samples, meta)) = rates {
            let m = self.measured_rate(sum(&samples), "samples/s", &meta);
            self.part.samples_per_second = Some(m.with_note("sum of the per-job values of this query"));
        }
        Ok(())
    }

    fn scrape_intervals(&mut self, targets: &Groups) -> Result<BTreeMap<String, f64>, QueryError> {
        let mut out = BTreeMap::new();
        if self.opts.at_is_now {
            if let Ok(v) = self.get("/api/v1/targets", &[("state", "active".into())], q::API_TARGETS) {
                for t in v.get("activeTargets").and_then(Value::as_array).into_iter().flatten() {
                    let job = t.pointer("/labels/job").or_else(|| t.get("scrapePool")).and_then(Value::as_str);
                    let interval = t
                        .get("scrapeInterval")
                        .and_then(Value::as_str)
                        .and_then(|s| humantime::parse_duration(s).ok())
                        .map(|d| d.as_secs_f64());
                    if let (Some(job), Some(interval)) = (job, interval) {
                        let slot = out.entry(job.to_string()).or_insert(interval);
                        *slot = f64::min(*slot, interval);
                    }
                }
            }
        }
        if targets.keys().any(|k| !out.contains_key(&k[0])) {
            let counts = group(&self.query(q::JOB_UP_SAMPLES_PER_HOUR)?, &["job"]);
            for (key, count) in counts {
                if count > 1.0 && !out.contains_key(&key[0]) {
                    out.insert(key[0].clone(), round_sig((3600.0 / (count - 1.0) * 10.0).round() / 10.0));
                }
            }
        }
        Ok(out)
    }

    fn rules(&mut self) -> Result<(), QueryError> {
        let data = match self.get("/api/v1/rules", &[], q::API_RULES) {
            Ok(v) => v,
            Err(e) if matches!(e.kind, FaultKind::Http(400..=499) | FaultKind::Api | FaultKind::Http(501)) => {
                self.part.rules_unavailable = true;
                return Ok(());
            }
            Err(e) => {
                self.part.alerting_rules = Some(self.failed("rules", &e, 0));
                return self.fail(e);
            }
        };
        let groups = data.get("groups").and_then(Value::as_array).map_or(0, Vec::len);
        if groups == 0 && self.is_victoria() {
            // VictoriaMetrics answers an empty stub unless -vmalert.proxyURL points at vmalert.
            self.part.rules_unavailable = true;
            return Ok(());
        }
        let (mut alerting, mut recording, mut interval) = (0u64, 0u64, None::<f64>);
        for g in data.get("groups").and_then(Value::as_array).into_iter().flatten() {
            let rules = g.get("rules").and_then(Value::as_array).map(Vec::as_slice).unwrap_or_default();
            for r in rules {
                match r.get("type").and_then(Value::as_str) {
                    Some("alerting") => alerting += 1,
                    Some("recording") => recording += 1,
                    _ => {}
                }
            }
            if let Some(i) = g.get("interval").and_then(Value::as_f64).filter(|_| !rules.is_empty()) {
                interval = Some(interval.map_or(i, |cur: f64| cur.min(i)));
            }
        }
        let note = "rules loaded when measured (the rules API has no history)";
        self.part.alerting_rules = Some(self.ok(alerting as f64, "rules", q::API_RULES, 0).with_note(note));
        self.part.recording_rules = Some(self.ok(recording as f64, "rules", q::API_RULES, 0).with_note(note));
        if let Some(i) = interval {
            self.part.rule_interval = Some(self.ok(i, "seconds", q::API_RULES, 0).with_note("shortest group interval"));
        }
        Ok(())
    }

    fn top_metrics(&mut self) -> Result<(), QueryError> {
        let n = self.opts.top;
        if n == 0 {
            return Ok(());
        }
        // The TSDB status describes the head (now) on Prometheus, the day of `at` on VictoriaMetrics.
        let from_status: Vec<MetricSeries> = self
            .tsdb_status
            .as_ref()
            .and_then(|v| v.get("seriesCountByMetricName"))
            .and_then(Value::as_array)
            .map(|rows| {
                rows.iter()
                    .filter_map(|r| {
                        Some(MetricSeries {
                            name: r.get("name")?.as_str()?.to_string(),
                            series: r.get("value")?.as_f64()?,
                        })
                    })
                    .collect()
            })
            .unwrap_or_default();
        let status_usable = self.opts.at_is_now || self.is_victoria();
        if status_usable && !from_status.is_empty() && (from_status.len() >= n || from_status.len() < 10) {
            self.part.top_metrics = from_status.into_iter().take(n).collect();
            self.part.top_metrics_query = Some(format!("{}?limit={n}", q::API_TSDB_STATUS));
            return Ok(());
        }
        // Per metric name, one cheap count each (Prometheus 2.42 caps the status API at 10).
        let start = self.opts.at - 900.0;
        let params =
            [("start", super::prometheus::format_time(start)), ("end", super::prometheus::format_time(self.opts.at))];
        let names = match self.get("/api/v1/label/__name__/values", &params, q::API_NAMES) {
            Ok(v) => v,
            Err(e) => return self.fail(e),
        };
        let names: Vec<String> =
            names.as_array().into_iter().flatten().filter_map(|v| v.as_str().map(str::to_string)).collect();
        const MAX_NAMES: usize = 5_000;
        if names.len() > MAX_NAMES {
            if status_usable && !from_status.is_empty() {
                self.part.top_metrics = from_status.into_iter().take(n).collect();
                self.part.top_metrics_query = Some(format!("{}?limit={n}", q::API_TSDB_STATUS));
            }
            return Ok(());
        }
        let mut counts = Vec::with_capacity(names.len());
        for name in names {
            let query = q::series_of_metric(&name);
            match self.query(&query) {
                Ok(s) => {
                    let c = sum(&s);
                    if c > 0.0 {
                        counts.push(MetricSeries { name, series: c });
                    }
                }
                Err(e) => self.fail(e)?,
            }
        }
        counts.sort_by(|a, b| b.series.total_cmp(&a.series).then_with(|| a.name.cmp(&b.name)));
        counts.truncate(n);
        self.part.top_metrics = counts;
        self.part.top_metrics_query = Some(format!(
            "{} (names seen in the 15 minutes before `at`), then count({{__name__=\"<name>\"}}) per name",
            q::API_NAMES
        ));
        Ok(())
    }

    fn volume(&mut self, source: &VolumeSource) -> Result<Option<SourceVolume>, QueryError> {
        let mut values = BTreeMap::new();
        for (i, rq) in source.quantities.iter().enumerate() {
            match self.rate(rq) {
                Ok(Some((samples, meta))) => {
                    let mut m = self.measured_rate(sum(&samples), rq.unit, &meta);
                    if let Some(note) = rq.note {
                        m = m.with_note(note);
                    }
                    values.insert(rq.name.to_string(), m);
                }
                Ok(None) if i == 0 => return Ok(None),
                Ok(None) => {}
                Err(e) => {
                    values.insert(rq.name.to_string(), self.failed(rq.unit, &e, self.opts.window_seconds));
                    self.fail(e)?;
                }
            }
        }
        Ok(Some(SourceVolume { source: source.name.to_string(), values }))
    }

    /// Runs a grouped instant query; a failure is recorded and gives `Err(failed measurement template)`.
    fn grouped(&mut self, query: &str, keys: &[&str], unit: &str) -> Result<Result<Groups, Measured>, QueryError> {
        match self.query(query) {
            Ok(s) => Ok(Ok(group(&s, keys))),
            Err(e) => {
                let m = self.failed(unit, &e, 0);
                self.fail(e)?;
                Ok(Err(m))
            }
        }
    }

    fn grouped_rate(
        &mut self,
        rq: &RateQuery,
        keys: &[&str],
    ) -> Result<Result<Option<(Groups, RateMeta)>, Measured>, QueryError> {
        match self.rate(rq) {
            Ok(r) => Ok(Ok(r.map(|(s, meta)| (group(&s, keys), meta)))),
            Err(e) => {
                let m = self.failed(rq.unit, &e, self.opts.window_seconds);
                self.fail(e)?;
                Ok(Err(m))
            }
        }
    }

    /// Measured value of `key` in a grouped result: ok, failed, or absent.
    fn pick(&mut self, res: &Result<Groups, Measured>, key: &[String], unit: &str, query: &str) -> Option<Measured> {
        match res {
            Ok(groups) => groups.get(key).copied().map(|v| self.ok(v, unit, query, 0)),
            Err(failed) => Some(failed.clone()),
        }
    }

    fn pick_rate(
        &mut self,
        res: &Result<Option<(Groups, RateMeta)>, Measured>,
        key: &[String],
        unit: &str,
    ) -> Option<Measured> {
        match res {
            Ok(Some((groups, meta))) => groups.get(key).copied().map(|v| self.measured_rate(v, unit, meta)),
            Ok(None) => None,
            Err(failed) => Some(failed.clone()),
        }
    }

    fn hosts(&mut self) -> Result<(), QueryError> {
        let keys = ["instance", "job"];
        let Ok(cpus) = self.grouped(q::node::CPUS, &keys, "cpus")? else { return Ok(()) };
        if cpus.is_empty() {
            return Ok(());
        }
        let memory = self.grouped(q::node::MEMORY_GB, &keys, "GB")?;
        let util = self.grouped_rate(&q::node::CPU_UTILISATION, &keys)?;
        let fs = self.grouped(q::node::FILESYSTEM_USED_GB, &keys, "GB")?;
        for (key, n) in &cpus {
            let memory_gb = self.pick(&memory, key, "GB", q::node::MEMORY_GB).unwrap_or_else(|| {
                Measured::failed(
                    "GB",
                    q::node::MEMORY_GB.into(),
                    0,
                    self.client.url(),
                    "no node_memory_MemTotal_bytes".into(),
                )
            });
            let entry = HostUsage {
                instance: key[0].clone(),
                job: key[1].clone(),
                cpus: self.ok(*n, "cpus", q::node::CPUS, 0),
                memory_gb,
                cpu_utilisation: self.pick_rate(&util, key, "ratio"),
                filesystem_used_gb: self.pick(&fs, key, "GB", q::node::FILESYSTEM_USED_GB),
            };
            self.part.hosts.push(entry);
        }
        Ok(())
    }

    fn containers(&mut self) -> Result<(), QueryError> {
        let keys = ["instance", "name"];
        let Ok(memory) = self.grouped(q::cadvisor::MEMORY_GB, &keys, "GB")? else { return Ok(()) };
        let cpu = self.grouped_rate(&q::cadvisor::CPU_CORES, &keys)?;
        let mut names: Vec<Vec<String>> = memory.keys().cloned().collect();
        if let Ok(Some((g, _))) = &cpu {
            names.extend(g.keys().cloned());
        }
        names.sort();
        names.dedup();
        for key in names {
            let entry = ContainerUsage {
                instance: key[0].clone(),
                name: key[1].clone(),
                cpu_cores: self.pick_rate(&cpu, &key, "cores"),
                memory_gb: self.pick(&Ok(memory.clone()), &key, "GB", q::cadvisor::MEMORY_GB),
            };
            self.part.containers.push(entry);
        }
        Ok(())
    }
}

/// The date (UTC, `YYYY-MM-DD`) of unix seconds, for VictoriaMetrics' `date` parameter.
fn date_of(at: f64) -> String {
    format_at(at)[..10].to_string()
}

/// Unix seconds as RFC 3339 UTC.
pub fn format_at(at: f64) -> String {
    let secs = at.max(0.0) as u64;
    humantime::format_rfc3339_seconds(std::time::UNIX_EPOCH + std::time::Duration::from_secs(secs)).to_string()
}

fn merge_opt(into: &mut Option<Measured>, other: Option<Measured>) {
    match (into.as_mut(), other) {
        (Some(a), Some(b)) => a.merge_sum(&b),
        (None, Some(b)) => *into = Some(b),
        _ => {}
    }
}

fn merge_volumes(into: &mut Vec<SourceVolume>, other: Vec<SourceVolume>) {
    for vol in other {
        match into.iter_mut().find(|v| v.source == vol.source) {
            Some(existing) => {
                for (k, m) in vol.values {
                    match existing.values.get_mut(&k) {
                        Some(e) => e.merge_sum(&m),
                        None => {
                            existing.values.insert(k, m);
                        }
                    }
                }
            }
            None => into.push(vol),
        }
    }
}

fn assemble(parts: Vec<Part>, opts: &MeasureOptions) -> UsageSnapshot {
    let mut metrics = MetricsUsage::default();
    let mut sources = Vec::new();
    let (mut logs_by, mut traces_by) = (Vec::new(), Vec::new());
    let (mut database, mut cache, mut hosts, mut containers) = (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    let mut failed_queries = Vec::new();
    let mut top: BTreeMap<String, f64> = BTreeMap::new();
    let mut top_query = None;
    let mut rules_unavailable = false;
    let mut alerting = AlertingUsage::default();
    for part in parts {
        sources.extend(part.source);
        merge_opt(&mut metrics.active_series, part.active_series);
        merge_opt(&mut metrics.samples_per_second, part.samples_per_second);
        merge_opt(&mut metrics.alerting_rules, part.alerting_rules);
        merge_opt(&mut metrics.recording_rules, part.recording_rules);
        merge_opt(&mut metrics.grafana_dashboards, part.grafana_dashboards);
        merge_opt(&mut metrics.grafana_editors, part.grafana_editors);
        merge_opt(&mut metrics.grafana_viewers, part.grafana_viewers);
        people::merge_notifications(&mut alerting.notifications_per_month, part.notifications);
        match (&mut metrics.rule_evaluation_interval_seconds, part.rule_interval) {
            (Some(a), Some(b)) if b.value < a.value => *a = b,
            (slot @ None, Some(b)) => *slot = Some(b),
            _ => {}
        }
        rules_unavailable |= part.rules_unavailable;
        metrics.jobs.extend(part.jobs);
        for m in part.top_metrics {
            *top.entry(m.name).or_insert(0.0) += m.series;
        }
        top_query = top_query.or(part.top_metrics_query);
        merge_volumes(&mut logs_by, part.logs);
        merge_volumes(&mut traces_by, part.traces);
        database.extend(part.database);
        cache.extend(part.cache);
        hosts.extend(part.hosts);
        containers.extend(part.containers);
        failed_queries.extend(part.failed.into_iter().map(|e| FailedQuery {
            source_url: e.url.clone(),
            query: e.query.clone(),
            error: e.to_string(),
        }));
    }
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
        let mut urls: Vec<&str> = metrics.jobs.iter().map(|j| j.source_url.as_str()).collect();
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
                "per job from the targets API, or from the sample spacing of `up` when it does not list the job",
            ),
        );
    }
    let mut top: Vec<MetricSeries> = top.into_iter().map(|(name, series)| MetricSeries { name, series }).collect();
    top.sort_by(|a, b| b.series.total_cmp(&a.series).then_with(|| a.name.cmp(&b.name)));
    top.truncate(opts.top);
    metrics.top_metrics = top;
    metrics.top_metrics_query = top_query;
    metrics.jobs.sort_by(|a, b| (&a.job, &a.source_url).cmp(&(&b.job, &b.source_url)));
    database.sort_by(|a, b| (&a.instance, &a.job).cmp(&(&b.instance, &b.job)));
    cache.sort_by(|a, b| (&a.instance, &a.job).cmp(&(&b.instance, &b.job)));
    hosts.sort_by(|a, b| (&a.instance, &a.job).cmp(&(&b.instance, &b.job)));
    containers.sort_by(|a, b| (&a.name, &a.instance).cmp(&(&b.name, &b.instance)));

    let order = |list: &[VolumeSource], v: &SourceVolume| list.iter().position(|s| s.name == v.source);
    logs_by.sort_by_key(|v| order(q::LOG_SOURCES, v));
    traces_by.sort_by_key(|v| order(q::TRACE_SOURCES, v));
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

    let mut not_measured = Vec::new();
    let mut missing =
        |component: &str, hint: &str| not_measured.push(NotMeasured { component: component.into(), hint: hint.into() });
    if metrics.samples_per_second.is_none() {
        missing(
            "metrics.samples_per_second",
            "no scrape_samples_post_metric_relabeling or prometheus_tsdb_head_samples_appended_total: \
             let Prometheus scrape its targets (and itself, job \"prometheus\")",
        );
    }
    if metrics.alerting_rules.is_none() && rules_unavailable {
        missing(
            "metrics.alerting_rules",
            "the server has no /api/v1/rules (VictoriaMetrics: rules live in vmalert, expose them with -vmalert.proxyURL)",
        );
    }
    if metrics.grafana_dashboards.is_none() {
        missing(
            "metrics.grafana_dashboards",
            "Grafana's /metrics (port 3000) is not scraped, or [metrics] disable_total_stats is set",
        );
    }
    people::not_measured(&metrics, &alerting, &mut missing);
    if logs.source.is_none() {
        missing(
            "logs",
            "no Loki (loki_distributor_bytes_received_total, port 3100), Fluent Bit (fluentbit_input_bytes_total, \
             port 2020), Elasticsearch exporter (elasticsearch_indices_*, port 9114) or Promtail (promtail_*, port 9080) \
             metrics: add a scrape job for the log pipeline's /metrics",
        );
    } else if logs.ingested_gb_per_month.is_none() {
        missing("logs.ingested_gb_per_month", "the log pipeline found exposes no uncompressed byte counter");
    }
    if traces.source.is_none() {
        missing(
            "traces",
            "no Jaeger (jaeger_collector_spans_received_total, admin port 14269), Tempo \
             (tempo_distributor_spans_received_total, port 3200) or OpenTelemetry Collector / Jaeger v2 \
             (otelcol_receiver_accepted_spans, port 8888) metrics: add a scrape job for the collector's /metrics",
        );
    } else if traces.traces_per_month.is_none() {
        missing(
            "traces.traces_per_month",
            "only Jaeger v1 counts traces (jaeger_collector_traces_received_total); otherwise assume spans per trace",
        );
    }
    if database.is_empty() {
        missing(
            "database",
            "no postgres_exporter metrics (pg_database_size_bytes): run postgres_exporter (port 9187) and scrape it",
        );
    }
    if cache.is_empty() {
        missing(
            "cache",
            "no redis_exporter metrics (redis_memory_used_bytes): run redis_exporter (port 9121) and scrape it",
        );
    }
    if hosts.is_empty() {
        missing("hosts", "no node_exporter metrics (node_cpu_seconds_total): run node_exporter (port 9100) on each host and scrape it");
    }
    if containers.is_empty() {
        missing(
            "containers",
            "no cAdvisor metrics (container_cpu_usage_seconds_total): run cAdvisor (port 8080) and scrape it",
        );
    }

    UsageSnapshot {
        schema_version: SCHEMA_VERSION,
        kind: KIND_USAGE.into(),
        generated_by: concat!("obs-cost ", env!("CARGO_PKG_VERSION")).into(),
        at: format_at(opts.at),
        window_seconds: opts.window_seconds,
        month_seconds: MONTH_SECONDS as u64,
        sources,
        metrics,
        logs,
        traces,
        database,
        cache,
        hosts,
        containers,
        alerting,
        not_measured,
        failed_queries,
        actual: None,
    }
}
