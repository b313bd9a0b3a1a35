//! Runs the query catalogue against one server and gathers its results per target (`job,
//! instance`, or the host, database or container): history detection and extrapolation, component
//! detection, scrape intervals, and `--allow-partial`. Copies of a target inside one server (series
//! that differ only in a dedup label) are counted once here; `merge` counts targets shared by
//! several servers once and assembles the snapshot. No HTTP details (see `prometheus`) and no
//! PromQL text (see `queries`) live here.

pub(super) mod people;

use std::collections::{BTreeMap, BTreeSet, HashMap};

use super::api;
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
    /// Labels that tell copies of one target apart (see [`q::DEFAULT_DEDUP_LABELS`]).
    pub dedup_labels: Vec<String>,
    /// Add servers up instead of counting the targets they share once (`--sum-servers`).
    pub sum_servers: bool,
}

/// Reports progress: one call per request, with a short label.
pub type Progress<'a> = &'a mut dyn FnMut(&str);

/// Measures every server and merges the results into one snapshot. Under `--allow-partial` a
/// server that gives nothing is recorded as failed and the others are kept; when nothing at all
/// could be measured, the first failure is the error.
pub fn measure(clients: &[Client], opts: &MeasureOptions, progress: Progress<'_>) -> Result<UsageSnapshot, QueryError> {
    let mut parts = Vec::new();
    let mut first_error = None;
    for client in clients {
        let mut session = Session::new(client, opts, &mut *progress);
        match session.run() {
            Ok(part) => parts.push(part),
            Err(e) if opts.allow_partial && clients.len() > 1 => {
                first_error.get_or_insert_with(|| e.clone());
                let mut part = std::mem::take(&mut session.part);
                part.failed.push(e);
                part.measured_any = false;
                parts.push(part);
            }
            Err(e) => return Err(e),
        }
    }
    if !parts.iter().any(|p| p.measured_any) {
        return Err(first_error.unwrap_or_else(|| QueryError {
            url: clients.iter().map(Client::url).collect::<Vec<_>>().join(", "),
            query: q::TARGET_SERIES.into(),
            reason: "no quantity could be measured".into(),
            kind: FaultKind::Empty,
        }));
    }
    Ok(super::merge::assemble(parts, opts))
}

/// How a rate was computed.
#[derive(Debug, Clone)]
pub(super) struct RateMeta {
    pub(super) query: String,
    pub(super) extrapolated: bool,
    pub(super) history: Option<u64>,
}

/// Values by key (`[job, instance]`, `[instance, job]`, ...) with a copy of each key counted once.
pub(super) type Groups = BTreeMap<Vec<String>, f64>;

/// One quantity of one server, per key, with its provenance.
#[derive(Debug, Clone)]
pub(super) enum Slot {
    /// Values per target; `template` holds the provenance (its `value` is unused).
    Keyed { values: Groups, template: Measured },
    /// A server-wide value that cannot be split by target (TSDB head series, say).
    Total(Measured),
    /// The query failed (`--allow-partial`).
    Failed(Measured),
}

/// The rules one server has loaded, each once.
#[derive(Debug, Clone, Default)]
pub(super) struct RuleSet {
    /// `(type, file, group, name, query)` of every rule.
    pub rules: BTreeSet<(String, String, String, String, String)>,
    /// Shortest group evaluation interval, seconds.
    pub interval: Option<f64>,
}

/// A log or trace component of one server: its name and its quantities.
pub(super) type Component = (String, BTreeMap<String, Slot>);

/// One server's results before merging.
#[derive(Debug, Default)]
pub(super) struct Part {
    pub source: Option<Source>,
    /// Series per target (`[job, instance]`), or the head series when nothing is scraped.
    pub series: Option<Slot>,
    pub samples_per_second: Option<Slot>,
    /// Scrape interval per job, seconds.
    pub intervals: BTreeMap<String, f64>,
    pub rules: Option<Result<RuleSet, Measured>>,
    pub rules_unavailable: bool,
    pub grafana_dashboards: Option<Slot>,
    /// Grafana licence users (server-wide values: the largest over the Grafana instances).
    pub grafana_editors: Option<Measured>,
    pub grafana_viewers: Option<Measured>,
    /// Alertmanager notifications per month by integration, per Alertmanager target.
    pub notifications: BTreeMap<String, Slot>,
    pub top_metrics: Vec<MetricSeries>,
    pub top_metrics_query: Option<String>,
    /// Log and trace components: name → quantity → slot.
    pub logs: Vec<Component>,
    pub traces: Vec<Component>,
    /// Entities keyed by `[instance, job]` (containers: `[instance, name]`).
    pub database: Vec<(Vec<String>, DatabaseUsage)>,
    pub cache: Vec<(Vec<String>, CacheUsage)>,
    pub hosts: Vec<(Vec<String>, HostUsage)>,
    pub containers: Vec<(Vec<String>, ContainerUsage)>,
    /// Components whose query failed, with the error (`--allow-partial`).
    pub failed_components: Vec<(&'static str, QueryError)>,
    pub failed: Vec<QueryError>,
    pub measured_any: bool,
    /// Targets stored more than once in this server (series that differ only in a copy label).
    pub copy_targets: u64,
}

pub(super) struct Session<'a> {
    pub(super) client: &'a Client,
    pub(super) opts: &'a MeasureOptions,
    progress: &'a mut dyn FnMut(&str),
    history: HashMap<String, Option<u64>>,
    pub(super) part: Part,
    tsdb_status: Option<api::TsdbStatus>,
    copies: String,
}

/// Groups samples by `keys`; samples of one key that differ in a copy label are copies of one
/// target: each copy is summed, and the largest copy counts.
pub(super) fn group(samples: &[Sample], keys: &[&str], copy_labels: &[String]) -> Groups {
    let mut copies: BTreeMap<Vec<String>, BTreeMap<Vec<String>, f64>> = BTreeMap::new();
    for s in samples {
        let key: Vec<String> = keys.iter().map(|k| crate::redact::escape_control(s.label(k))).collect();
        let copy: Vec<String> = copy_labels.iter().map(|k| s.label(k).to_string()).collect();
        *copies.entry(key).or_default().entry(copy).or_insert(0.0) += s.value;
    }
    copies.into_iter().map(|(k, c)| (k, c.into_values().fold(f64::MIN, f64::max))).collect()
}

/// The `i`th label value of a group key (keys have one value per grouping label; empty if not).
pub(super) fn label_at(key: &[String], i: usize) -> String {
    key.get(i).cloned().unwrap_or_default()
}

/// Keys of `samples` that appear in more than one copy (differing only in a copy label).
fn copies_of(samples: &[Sample], keys: &[&str], copy_labels: &[String]) -> u64 {
    let mut copies: BTreeMap<Vec<&str>, BTreeSet<Vec<&str>>> = BTreeMap::new();
    for s in samples {
        let key = keys.iter().map(|k| s.label(k)).collect();
        copies.entry(key).or_default().insert(copy_labels.iter().map(|k| s.label(k)).collect());
    }
    copies.values().filter(|c| c.len() > 1).count() as u64
}

fn sum(samples: &[Sample]) -> f64 {
    samples.iter().map(|s| s.value).sum()
}

impl<'a> Session<'a> {
    fn new(client: &'a Client, opts: &'a MeasureOptions, progress: &'a mut dyn FnMut(&str)) -> Self {
        let copies = q::copy_labels(&opts.dedup_labels);
        Session { client, opts, progress, history: HashMap::new(), part: Part::default(), tsdb_status: None, copies }
    }

    fn url(&self) -> String {
        self.client.url().to_string()
    }

    /// The query text of a template: copy labels filled in.
    pub(super) fn text(&self, template: &str) -> String {
        q::with_copies(template, &self.copies)
    }

    pub(super) fn query(&mut self, promql: &str) -> Result<Vec<Sample>, QueryError> {
        (self.progress)(promql);
        self.client.query(promql, self.opts.at)
    }

    fn get_as<T: serde::de::DeserializeOwned>(
        &mut self,
        path: &str,
        params: &[(&str, String)],
        label: &str,
    ) -> Result<T, QueryError> {
        (self.progress)(label);
        self.client.get_as(path, params, label)
    }

    /// Records a failure under `--allow-partial`, or aborts the run.
    pub(super) fn fail(&mut self, err: QueryError) -> Result<(), QueryError> {
        if self.opts.allow_partial {
            self.part.failed.push(err);
            Ok(())
        } else {
            Err(err)
        }
    }

    /// Records that a component's query failed, so that it is not reported as absent.
    pub(super) fn fail_component(&mut self, component: &'static str, err: QueryError) -> Result<(), QueryError> {
        self.part.failed_components.push((component, err.clone()));
        self.fail(err)
    }

    pub(super) fn ok(&mut self, value: f64, unit: &str, query: &str, window: u64) -> Measured {
        Measured::ok(value, unit, query.to_string(), window, self.client.url())
    }

    pub(super) fn template(&self, unit: &str, query: &str, window: u64) -> Measured {
        Measured::ok(0.0, unit, query.to_string(), window, self.client.url())
    }

    pub(super) fn rate_template(&self, unit: &str, meta: &RateMeta) -> Measured {
        let mut m = self.template(unit, &meta.query, self.opts.window_seconds);
        m.extrapolated = meta.extrapolated;
        m.history_seconds = meta.history;
        m
    }

    pub(super) fn measured_rate(&mut self, value: f64, unit: &str, meta: &RateMeta) -> Measured {
        let mut m = self.ok(value, unit, &meta.query, self.opts.window_seconds);
        m.extrapolated = meta.extrapolated;
        m.history_seconds = meta.history;
        m
    }

    pub(super) fn failed(&self, unit: &str, err: &QueryError, window: u64) -> Measured {
        Measured::failed(unit, err.query.clone(), window, self.client.url(), err.one_line())
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
                query: self.text(q::TARGET_SERIES),
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
        let status = match self.get_as::<api::TsdbStatus>("/api/v1/status/tsdb", &params, q::API_TSDB_STATUS) {
            Ok(v) => Some(v),
            Err(e) if matches!(e.kind, FaultKind::Http(_) | FaultKind::Api) => None,
            Err(e) => return Err(e),
        };
        let flavour = match &status {
            Some(v) if v.total_series.is_some() => "victoriametrics",
            _ => "prometheus",
        };
        let version = self
            .get_as::<api::BuildInfo>("/api/v1/status/buildinfo", &[], "GET /api/v1/status/buildinfo")
            .ok()
            .and_then(|v| v.version.map(|v| crate::redact::escape_control(&v)));
        self.part.source = Some(Source {
            url: self.url(),
            flavour: flavour.into(),
            version,
            headers: Vec::new(),
            targets: None,
            duplicate_targets: None,
        });
        self.tsdb_status = status;
        Ok(())
    }

    fn is_victoria(&self) -> bool {
        self.part.source.as_ref().is_some_and(|s| s.flavour == "victoriametrics")
    }

    /// Seconds of data of `selector` before `at`, or `None` when it covers the whole window. The
    /// probe sees samples only at the points of its grid, so when the data is younger than a few
    /// grid steps it looks again over just that span, on a finer grid, until the answer is within
    /// a tenth of itself (or to the second).
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
            match samples.iter().map(|s| s.value).reduce(f64::min) {
                Some(first) => {
                    let history = (self.opts.at - first).max(0.0);
                    if history + 2.0 * step as f64 >= window as f64 {
                        break None;
                    }
                    if step == 1 || history >= 10.0 * step as f64 {
                        break Some(history.ceil() as u64);
                    }
                    // Seen only at the last grid point or two: look over that span, finer.
                    range = (history.ceil() as u64 + 2 * step).min(range);
                }
                None if step == 1 => break None,
                // The data is younger than one grid step: look again, closer to `at`, on a finer grid.
                None => range = (step * 3).min(range),
            }
        };
        self.history.insert(selector.to_string(), result);
        Ok(result)
    }

    /// Runs a rate query over the window, scaled down to the history actually present.
    /// `Ok(None)` when the counter is absent.
    pub(super) fn rate(&mut self, rq: &RateQuery) -> Result<Option<(Vec<Sample>, RateMeta)>, QueryError> {
        let window = self.opts.window_seconds;
        let query = self.text(&rq.render(window));
        let samples = self.query(&query)?;
        if samples.is_empty() {
            return Ok(None);
        }
        match self.history_of(rq.selector)? {
            None => Ok(Some((samples, RateMeta { query, extrapolated: false, history: None }))),
            Some(history) => {
                let short = self.text(&rq.render(history.max(1)));
                let rescaled = self.query(&short)?;
                if rescaled.is_empty() {
                    // Too few samples in the short window for a rate: keep the full-window value.
                    return Ok(Some((samples, RateMeta { query, extrapolated: false, history: Some(history) })));
                }
                Ok(Some((rescaled, RateMeta { query: short, extrapolated: true, history: Some(history) })))
            }
        }
    }

    pub(super) fn keyed(&self, samples: &[Sample], keys: &[&str], template: Measured) -> Slot {
        Slot::Keyed { values: group(samples, keys, &self.opts.dedup_labels), template }
    }

    fn metrics(&mut self) -> Result<(), QueryError> {
        self.part.series = Some(match self.active_series() {
            Ok(slot) => slot,
            Err(e) => {
                let m = self.failed("series", &e, 0);
                self.fail(e)?;
                Slot::Failed(m)
            }
        });
        if let Err(e) = self.jobs() {
            self.part.samples_per_second = Some(Slot::Failed(self.failed("samples/s", &e, self.opts.window_seconds)));
            self.fail(e)?;
        }
        let query = self.text(q::GRAFANA_DASHBOARDS);
        match self.query(&query) {
            Ok(s) if !s.is_empty() => {
                let t = self.template("dashboards", &query, 0);
                self.part.grafana_dashboards = Some(self.keyed(&s, &["job", "instance"], t));
            }
            Ok(_) => {}
            Err(e) => {
                self.part.grafana_dashboards = Some(Slot::Failed(self.failed("dashboards", &e, 0)));
                self.fail(e)?;
            }
        }
        Ok(())
    }

    fn active_series(&mut self) -> Result<Slot, QueryError> {
        let query = self.text(q::TARGET_SERIES);
        let scraped = self.query(&query)?;
        if !scraped.is_empty() && sum(&scraped) > 0.0 {
            self.part.measured_any = true;
            self.part.copy_targets = copies_of(&scraped, &["job", "instance"], &self.opts.dedup_labels);
            let t = self.template("series", &query, 0);
            return Ok(self.keyed(&scraped, &["job", "instance"], t));
        }
        let head = self.query(q::HEAD_SERIES)?;
        if !head.is_empty() && sum(&head) > 0.0 {
            self.part.measured_any = true;
            let m = self.ok(sum(&head), "series", q::HEAD_SERIES, 0);
            let note = "TSDB head series (nothing is scraped by this server); includes recent churn";
            return Ok(Slot::Total(m.with_note(note)));
        }
        if self.opts.at_is_now {
            let total = self
                .tsdb_status
                .as_ref()
                .and_then(|v| v.head_stats.as_ref().and_then(|h| h.num_series).or(v.total_series));
            if let Some(total) = total.filter(|t| *t > 0.0) {
                self.part.measured_any = true;
                return Ok(Slot::Total(self.ok(total, "series", q::API_TSDB_STATUS, 0)));
            }
        }
        Err(QueryError {
            url: self.url(),
            query,
            reason: format!("empty result: no scraped series at {}", format_at(self.opts.at)),
            kind: FaultKind::Empty,
        })
    }

    fn jobs(&mut self) -> Result<(), QueryError> {
        let scraped = matches!(self.part.series, Some(Slot::Keyed { .. }));
        if !scraped {
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
                let note = "samples appended to the TSDB, rule outputs included";
                self.part.samples_per_second = Some(Slot::Total(m.with_note(note)));
            }
            return Ok(());
        }
        let jobs: BTreeSet<String> = match &self.part.series {
            Some(Slot::Keyed { values, .. }) => values.keys().map(|k| label_at(k, 0)).collect(),
            _ => BTreeSet::new(),
        };
        self.part.intervals = self.scrape_intervals(&jobs)?;
        let rq = RateQuery {
            name: "samples_per_second",
            selector: q::SCRAPE_SELECTOR,
            template: q::TARGET_SAMPLES_PER_SECOND,
            unit: "samples/s",
            note: None,
        };
        if let Some((samples, meta)) = self.rate(&rq)? {
            let t = self.rate_template("samples/s", &meta);
            self.part.samples_per_second = Some(self.keyed(&samples, &["job", "instance"], t));
        }
        Ok(())
    }

    /// Scrape interval per job: from the targets API when `at` is now (`scrapeInterval`, or the
    /// `__scrape_interval__` discovered label VictoriaMetrics and vmagent report), else from the
    /// spacing of the `up` samples over the history the server has (an hour at most).
    fn scrape_intervals(&mut self, jobs: &BTreeSet<String>) -> Result<BTreeMap<String, f64>, QueryError> {
        let mut out = BTreeMap::new();
        if self.opts.at_is_now {
            let params = [("state", "active".to_string())];
            if let Ok(targets) = self.get_as::<api::Targets>("/api/v1/targets", &params, q::API_TARGETS) {
                for t in &targets.active_targets {
                    let job = match t.label("job") {
                        "" => t.scrape_pool.clone().unwrap_or_default(),
                        job => job.to_string(),
                    };
                    let interval = t
                        .scrape_interval
                        .as_deref()
                        .or(t.discovered_labels.as_ref().and_then(|d| d.scrape_interval.as_deref()))
                        .and_then(|s| humantime::parse_duration(s).ok())
                        .map(|d| d.as_secs_f64())
                        .filter(|i| *i > 0.0);
                    if let Some(interval) = interval.filter(|_| !job.is_empty()) {
                        let slot = out.entry(crate::redact::escape_control(&job)).or_insert(interval);
                        *slot = f64::min(*slot, interval);
                    }
                }
            }
        }
        if jobs.iter().all(|j| out.contains_key(j)) {
            return Ok(out);
        }
        let spacing = if self.is_victoria() {
            self.query(q::JOB_UP_SPACING_VICTORIA)?
        } else {
            // An hour of `up`, or the history there is when the server is younger: then every
            // second is looked at (the window is short); else the step is half the interval the
            // sample count suggests, so that no sample is skipped.
            let young = self.history_of("up")?.filter(|h| *h < 3_600);
            let window = young.map_or(3_600, |h| h + 60);
            let step = match young {
                Some(_) => Some(1),
                None => {
                    let counts = self.query(&q::render(q::JOB_UP_SAMPLES, window))?;
                    let rough = counts.iter().filter(|s| s.value > 1.0).map(|s| 3_600.0 / s.value).reduce(f64::min);
                    rough.map(|r| ((r / 2.0).floor() as u64).max(1))
                }
            };
            match step {
                None => Vec::new(),
                Some(step) => self.query(&q::render(q::JOB_UP_SPACING, window).replace("{s}", &step.to_string()))?,
            }
        };
        for s in spacing {
            let job = crate::redact::escape_control(s.label("job"));
            if s.value > 0.0 && jobs.contains(&job) && !out.contains_key(&job) {
                out.insert(job, round_sig((s.value * 10.0).round() / 10.0));
            }
        }
        Ok(out)
    }

    fn rules(&mut self) -> Result<(), QueryError> {
        let data: api::Rules = match self.get_as("/api/v1/rules", &[], q::API_RULES) {
            Ok(v) => v,
            Err(e) if matches!(e.kind, FaultKind::Http(400..=499) | FaultKind::Api | FaultKind::Http(501)) => {
                self.part.rules_unavailable = true;
                return Ok(());
            }
            Err(e) => {
                self.part.rules = Some(Err(self.failed("rules", &e, 0)));
                return self.fail_component("metrics.alerting_rules", e);
            }
        };
        if data.groups.is_empty() && self.is_victoria() {
            // VictoriaMetrics answers an empty stub unless -vmalert.proxyURL points at vmalert.
            self.part.rules_unavailable = true;
            return Ok(());
        }
        let mut set = RuleSet::default();
        for g in data.groups {
            if let Some(i) = g.interval.filter(|i| *i > 0.0 && !g.rules.is_empty()) {
                set.interval = Some(set.interval.map_or(i, |cur: f64| cur.min(i)));
            }
            for r in g.rules {
                set.rules.insert((r.kind, g.file.clone(), g.name.clone(), r.name, r.query));
            }
        }
        self.part.rules = Some(Ok(set));
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
            .and_then(|v| v.series_count_by_metric_name.as_ref())
            .map(|rows| {
                rows.iter()
                    .filter(|r| r.value.is_finite() && r.value >= 0.0)
                    .map(|r| MetricSeries { name: crate::redact::escape_control(&r.name), series: r.value })
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
        let names: api::Capped = match self.get_as("/api/v1/label/__name__/values", &params, q::API_NAMES) {
            Ok(v) => v,
            Err(e) => return self.fail_component("metrics.top_metrics", e),
        };
        if names.total > api::MAX_NAMES {
            if status_usable && !from_status.is_empty() {
                self.part.top_metrics = from_status.into_iter().take(n).collect();
                self.part.top_metrics_query = Some(format!("{}?limit={n}", q::API_TSDB_STATUS));
            }
            return Ok(());
        }
        let mut counts = Vec::with_capacity(names.items.len());
        for name in names.items {
            let query = q::series_of_metric(&name);
            match self.query(&query) {
                Ok(s) => {
                    let c = sum(&s);
                    if c > 0.0 {
                        counts.push(MetricSeries { name: crate::redact::escape_control(&name), series: c });
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

    fn volume(&mut self, source: &VolumeSource) -> Result<Option<Component>, QueryError> {
        let mut values = BTreeMap::new();
        for (i, rq) in source.quantities.iter().enumerate() {
            match self.rate(rq) {
                Ok(Some((samples, meta))) => {
                    self.part.measured_any = true;
                    let mut t = self.rate_template(rq.unit, &meta);
                    t.note = rq.note.map(str::to_string);
                    values.insert(rq.name.to_string(), self.keyed(&samples, &["job", "instance"], t));
                }
                Ok(None) if i == 0 => return Ok(None),
                Ok(None) => {}
                Err(e) => {
                    values
                        .insert(rq.name.to_string(), Slot::Failed(self.failed(rq.unit, &e, self.opts.window_seconds)));
                    self.fail(e)?;
                }
            }
        }
        Ok(Some((source.name.to_string(), values)))
    }
}

/// The date (UTC, `YYYY-MM-DD`) of unix seconds, for VictoriaMetrics' `date` parameter.
fn date_of(at: f64) -> String {
    format_at(at).chars().take(10).collect()
}

/// Unix seconds as RFC 3339 UTC.
pub fn format_at(at: f64) -> String {
    let secs = at.max(0.0) as u64;
    humantime::format_rfc3339_seconds(std::time::UNIX_EPOCH + std::time::Duration::from_secs(secs)).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample(labels: &[(&str, &str)], value: f64) -> Sample {
        let mut labels: Vec<(String, String)> = labels.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
        labels.sort();
        Sample { labels, value }
    }

    #[test]
    fn copies_of_a_target_count_once_and_other_labels_add_up() {
        let copies = vec!["replica".to_string()];
        let samples = [
            sample(&[("job", "n"), ("instance", "a"), ("replica", "1")], 10.0),
            sample(&[("job", "n"), ("instance", "a"), ("replica", "2")], 12.0),
            sample(&[("job", "n"), ("instance", "b")], 3.0),
        ];
        let g = group(&samples, &["job", "instance"], &copies);
        assert_eq!(g[&vec!["n".to_string(), "a".to_string()]], 12.0);
        assert_eq!(g[&vec!["n".to_string(), "b".to_string()]], 3.0);
        // Without copy labels, the same rows add up.
        let g = group(&samples, &["job", "instance"], &[]);
        assert_eq!(g[&vec!["n".to_string(), "a".to_string()]], 22.0);
    }
}
