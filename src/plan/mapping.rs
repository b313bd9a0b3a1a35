//! Mapping self-hosted usage to AWS quantities, one workload at a time, explainably: every AWS
//! quantity comes with a sentence saying which usage and which assumption produced it. The output
//! is an `estimate --aws-usage` document (the `AwsUsage` file format), so any phase can be checked
//! with `obs-cost estimate`. Owns no prices: sizes that need one go through the caller's pricer.

use anyhow::{bail, Result};
use rust_decimal::Decimal;
use serde_json::{Map, Value};

use super::sizing::{self, Candidate};
use super::values::Values;
use crate::scenario::defaults::{self, KeyDefault};
use crate::scenario::{Estimate, MetricsTarget, Scenario, SeriesSelection, Usage, Workload};
use crate::units::group_thousands;

/// An AWS usage document being built (keys of `model::AwsUsage`).
pub type AwsDoc = Map<String, Value>;

/// Bytes in a GB as AWS bills storage and ingestion (2^30).
pub const BYTES_PER_GB: Decimal = Decimal::from_parts(1_073_741_824, 0, 0, false, 0);

/// An exact JSON number.
pub fn n(d: Decimal) -> Value {
    let text = d.normalize().to_string();
    serde_json::from_str(&text).unwrap_or(Value::Null)
}

/// Adds an object section, or entries to a list section, of an AWS usage document.
pub fn put(doc: &mut AwsDoc, key: &str, value: Value) {
    match (doc.get_mut(key), value) {
        (Some(Value::Array(list)), Value::Array(more)) => list.extend(more),
        (Some(Value::Object(obj)), Value::Object(more)) => obj.extend(more),
        (_, value) => {
            doc.insert(key.to_string(), value);
        }
    }
}

/// Prices a single-candidate document for sizing: `None` when the region has no price for it.
pub type SizePricer<'a> = dyn Fn(&AwsDoc) -> Option<Decimal> + 'a;

/// What the mapping reads.
pub struct MapInput<'a> {
    /// The scenario.
    pub scenario: &'a Scenario,
    /// The merged usage.
    pub usage: &'a Usage,
    /// How uncertain values resolve.
    pub values: &'a Values,
    /// Traffic scale relative to the measured point (1 = as measured).
    pub factor: Decimal,
    /// Hours in the month.
    pub hours: Decimal,
    /// Whether to write explanations (off inside searches).
    pub explain: bool,
    /// Prices sizing candidates.
    pub pricer: &'a SizePricer<'a>,
}

/// One line of explanation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Explanation {
    /// The workload it belongs to.
    pub workload: Workload,
    /// The sentence.
    pub text: String,
}

struct Ctx<'a, 'b> {
    i: &'b MapInput<'a>,
    w: Workload,
    out: &'b mut Vec<Explanation>,
}

impl Ctx<'_, '_> {
    fn say(&mut self, text: String) {
        if self.i.explain {
            self.out.push(Explanation { workload: self.w, text });
        }
    }

    /// A usage value, scaled with traffic when `scales`.
    fn usage(&self, path: &str, e: Option<&Estimate>, scales: bool) -> Option<Decimal> {
        let v = self.i.values.opt(path, e)?;
        Some(if scales { v * self.i.factor } else { v })
    }

    /// A mapping assumption, or its default (`scenario::defaults`).
    fn assume(&self, default: &KeyDefault, e: Option<&Estimate>) -> Decimal {
        self.i.values.or(default.key, e, default.number())
    }

    fn seconds(&self) -> Decimal {
        self.i.hours * Decimal::from(3600)
    }
}

fn fmt(v: Decimal) -> String {
    group_thousands(v, 2)
}

fn opt_n(v: Option<Decimal>) -> Value {
    v.map_or(Value::Null, n)
}

fn unknown_or(v: Option<Decimal>) -> String {
    v.map_or_else(|| "unknown".to_string(), fmt)
}

/// Maps one workload's usage into `doc`, explaining each quantity into `out`.
pub fn map_workload(w: Workload, i: &MapInput<'_>, doc: &mut AwsDoc, out: &mut Vec<Explanation>) -> Result<()> {
    let mut c = Ctx { i, w, out };
    match w {
        Workload::Metrics => metrics(&mut c, doc),
        Workload::Logs => logs(&mut c, doc),
        Workload::Traces => traces(&mut c, doc),
        Workload::Database => database(&mut c, doc)?,
        Workload::Cache => cache(&mut c, doc)?,
        Workload::Compute => compute(&mut c, doc)?,
    }
    Ok(())
}

fn metrics(c: &mut Ctx<'_, '_>, doc: &mut AwsDoc) {
    let s = c.i.scenario;
    let m = &s.mapping;
    let u = c.i.usage.metrics.clone().unwrap_or_default();
    let series = c.usage("usage.metrics.active_series", u.active_series.as_ref(), true);
    let alerting = c.usage("usage.metrics.alerting_rules", u.alerting_rules.as_ref(), false);
    let recording = c.usage("usage.metrics.recording_rules", u.recording_rules.as_ref(), false);
    let dashboards = c.usage("usage.metrics.dashboards", u.dashboards.as_ref(), false);
    let views = c.usage("usage.metrics.dashboard_views_per_month", u.dashboard_views_per_month.as_ref(), false);
    let seconds = c.seconds();
    match m.metrics_target {
        MetricsTarget::Cloudwatch => {
            let metrics = match m.cloudwatch_series {
                SeriesSelection::All => {
                    c.say(format!(
                        "{} active series -> {} CloudWatch custom metrics (one per series; mapping.cloudwatch_series: all)",
                        unknown_or(series),
                        unknown_or(series)
                    ));
                    series
                }
                SeriesSelection::Used => {
                    let used = c.usage(
                        "usage.metrics.series_used_by_rules_and_dashboards",
                        u.series_used_by_rules_and_dashboards.as_ref(),
                        true,
                    );
                    c.say(format!(
                        "{} of {} active series are read by rules or dashboards -> {} CloudWatch custom metrics (mapping.cloudwatch_series: used)",
                        unknown_or(used),
                        unknown_or(series),
                        unknown_or(used)
                    ));
                    used
                }
            };
            let interval =
                c.assume(&defaults::PUBLISH_INTERVAL_SECONDS, m.cloudwatch_publish_interval_seconds.as_ref());
            let per_put = c.assume(&defaults::DATAPOINTS_PER_PUT, m.datapoints_per_put_request.as_ref());
            let requests = metrics.map(|x| (x * seconds / interval / per_put).ceil());
            c.say(format!(
                "{} metrics x 1 datapoint per {}s x {} s/month / {} datapoints per PutMetricData -> {} API requests",
                unknown_or(metrics),
                fmt(interval),
                fmt(seconds),
                fmt(per_put),
                unknown_or(requests)
            ));
            let per_view = c.assume(&defaults::METRICS_PER_DASHBOARD_VIEW, m.metrics_per_dashboard_view.as_ref());
            let gmd = views.map(|v| v * per_view);
            c.say(format!(
                "{} dashboard views/month x {} metrics per view -> {} GetMetricData metrics",
                unknown_or(views),
                fmt(per_view),
                unknown_or(gmd)
            ));
            put(
                doc,
                "cloudwatch_metrics",
                serde_json::json!({"custom_metrics": opt_n(metrics), "api_requests": opt_n(requests), "get_metric_data_metrics": opt_n(gmd)}),
            );
            let per_rule = c.assume(&defaults::ALARM_METRICS_PER_RULE, m.alarm_metrics_per_alerting_rule.as_ref());
            let alarms = alerting.map(|a| a * per_rule);
            c.say(format!(
                "{} alerting rules x {} alarm metric(s) each -> {} standard-resolution CloudWatch alarm metrics (no high-resolution or composite alarms assumed)",
                unknown_or(alerting),
                fmt(per_rule),
                unknown_or(alarms)
            ));
            if let Some(r) = recording {
                c.say(format!(
                    "{} recording rules -> no CloudWatch charge of their own (they become metric math in alarms and dashboards)",
                    fmt(r)
                ));
            }
            put(
                doc,
                "cloudwatch_alarms",
                serde_json::json!({"standard_alarm_metrics": opt_n(alarms), "high_resolution_alarm_metrics": 0, "composite_alarms": 0}),
            );
            c.say(format!(
                "{} Grafana dashboards -> {} CloudWatch dashboards",
                unknown_or(dashboards),
                unknown_or(dashboards)
            ));
            put(doc, "cloudwatch_dashboards", serde_json::json!({"dashboards": opt_n(dashboards)}));
        }
        MetricsTarget::ManagedPrometheus => {
            let scrape = c.usage("usage.metrics.scrape_interval_seconds", u.scrape_interval_seconds.as_ref(), false);
            let sps = match c.usage("usage.metrics.samples_per_second", u.samples_per_second.as_ref(), true) {
                Some(sps) => {
                    c.say(format!("{} samples/s measured", fmt(sps)));
                    Some(sps)
                }
                None => {
                    let sps = match (series, scrape) {
                        (Some(x), Some(i)) if !i.is_zero() => Some(x / i),
                        _ => None,
                    };
                    c.say(format!(
                        "{} active series / {}s scrape interval -> {} samples/s",
                        unknown_or(series),
                        unknown_or(scrape),
                        unknown_or(sps)
                    ));
                    sps
                }
            };
            let samples = sps.map(|x| (x * seconds).round());
            c.say(format!(
                "{} samples/s x {} s/month -> {} AMP samples ingested",
                unknown_or(sps),
                fmt(seconds),
                unknown_or(samples)
            ));
            let days = c.assume(&defaults::METRICS_RETENTION_DAYS, m.metrics_retention_days.as_ref());
            let bps = c.assume(&defaults::AMP_BYTES_PER_SAMPLE, m.amp_bytes_per_sample.as_ref());
            let storage = sps.map(|x| (x * Decimal::from(86_400) * days * bps / BYTES_PER_GB).round_dp(4));
            c.say(format!(
                "{} samples/s x 86,400 s x {} days retained x {} bytes/sample -> {} GB stored in AMP",
                unknown_or(sps),
                fmt(days),
                fmt(bps),
                unknown_or(storage)
            ));
            let eval = c.usage(
                "usage.metrics.rule_evaluation_interval_seconds",
                u.rule_evaluation_interval_seconds.as_ref(),
                false,
            );
            let per_eval =
                c.assume(&defaults::AMP_SAMPLES_PER_RULE_EVALUATION, m.amp_query_samples_per_rule_evaluation.as_ref());
            let per_view =
                c.assume(&defaults::AMP_SAMPLES_PER_DASHBOARD_VIEW, m.amp_query_samples_per_dashboard_view.as_ref());
            let rules = match (alerting, recording) {
                (Some(a), Some(r)) => Some(a + r),
                (a, r) => a.or(r),
            };
            let rule_qsp = match (rules, eval) {
                (Some(r), Some(e)) if !e.is_zero() => Some(r * (seconds / e).floor() * per_eval),
                (Some(r), _) if r.is_zero() => Some(Decimal::ZERO),
                _ => None,
            };
            let qsp = match (rule_qsp, views) {
                (Some(r), Some(v)) => Some(r + v * per_view),
                _ => None,
            };
            c.say(format!(
                "{} rules x evaluations every {}s x {} samples + {} dashboard views x {} samples -> {} AMP query samples processed",
                unknown_or(rules),
                unknown_or(eval),
                fmt(per_eval),
                unknown_or(views),
                fmt(per_view),
                unknown_or(qsp)
            ));
            put(
                doc,
                "managed_prometheus",
                serde_json::json!({"samples_ingested": opt_n(samples), "storage_gb": opt_n(storage), "query_samples_processed": opt_n(qsp)}),
            );
            let editors = c.usage("usage.metrics.grafana_editors", u.grafana_editors.as_ref(), false);
            let viewers = c.usage("usage.metrics.grafana_viewers", u.grafana_viewers.as_ref(), false);
            c.say(format!(
                "{} Grafana editors and {} viewers -> Amazon Managed Grafana licences ({} dashboards move as they are)",
                unknown_or(editors),
                unknown_or(viewers),
                unknown_or(dashboards)
            ));
            put(doc, "managed_grafana", serde_json::json!({"editors": opt_n(editors), "viewers": opt_n(viewers)}));
        }
    }
}

fn logs(c: &mut Ctx<'_, '_>, doc: &mut AwsDoc) {
    let m = &c.i.scenario.mapping;
    let u = c.i.usage.logs.clone().unwrap_or_default();
    let gb = match c.usage("usage.logs.ingested_gb_per_month", u.ingested_gb_per_month.as_ref(), true) {
        Some(gb) => {
            c.say(format!(
                "{} GB/month of logs ingested -> {} GB CloudWatch Logs ingestion (Standard class)",
                fmt(gb),
                fmt(gb)
            ));
            Some(gb)
        }
        None => {
            let lines = c.usage("usage.logs.log_lines_per_month", u.log_lines_per_month.as_ref(), true);
            let bpl = c.assume(&defaults::LOG_BYTES_PER_LINE, m.log_bytes_per_line.as_ref());
            let gb = lines.map(|l| (l * bpl / BYTES_PER_GB).round_dp(4));
            c.say(format!(
                "{} log lines/month x {} bytes/line -> {} GB CloudWatch Logs ingestion (Standard class)",
                unknown_or(lines),
                fmt(bpl),
                unknown_or(gb)
            ));
            gb
        }
    };
    let days = c.assume(&defaults::LOG_RETENTION_DAYS, m.log_retention_days.as_ref());
    let ratio = c.assume(&defaults::LOG_COMPRESSION_RATIO, m.log_compression_ratio.as_ref());
    let days_per_month = c.i.hours / Decimal::from(24);
    let stored = gb.map(|g| (g * ratio * days / days_per_month).round_dp(4));
    c.say(format!(
        "{} GB/month x {} compression x {} days retained / {} days per month -> {} GB stored once retention has filled (it accumulates up to that)",
        unknown_or(gb),
        fmt(ratio),
        fmt(days),
        group_thousands(days_per_month, 4),
        unknown_or(stored)
    ));
    let scanned = c.usage("usage.logs.queried_gb_per_month", u.queried_gb_per_month.as_ref(), true);
    c.say(format!("{} GB/month scanned by log queries -> Logs Insights data scanned", unknown_or(scanned)));
    put(
        doc,
        "cloudwatch_logs",
        serde_json::json!({"ingested_gb": opt_n(gb), "stored_gb": opt_n(stored), "insights_scanned_gb": opt_n(scanned)}),
    );
}

fn traces(c: &mut Ctx<'_, '_>, doc: &mut AwsDoc) {
    let m = &c.i.scenario.mapping;
    let u = c.i.usage.traces.clone().unwrap_or_default();
    let spans = c.usage("usage.traces.spans_per_month", u.spans_per_month.as_ref(), true);
    let per_trace = c.assume(&defaults::SPANS_PER_TRACE, m.spans_per_trace.as_ref());
    let jaeger = c.assume(&defaults::JAEGER_SAMPLING_PERCENT, m.jaeger_sampling_percent.as_ref());
    let reservoir = c.assume(&defaults::XRAY_RESERVOIR_PER_SECOND, m.xray_reservoir_per_second.as_ref());
    let rate = c.assume(&defaults::XRAY_SAMPLING_PERCENT, m.xray_sampling_percent.as_ref());
    let hundred = Decimal::from(100);
    let requests = spans.map(|s| (s / per_trace * hundred / jaeger).round());
    let reserved_cap = reservoir * c.seconds();
    let recorded = requests.map(|r| {
        let first = r.min(reserved_cap);
        (first + (r - first) * rate / hundred).round()
    });
    c.say(format!(
        "{} spans/month / {} spans per trace / {}% kept by Jaeger -> {} traced requests; X-Ray sampling {} per second + {}% of the rest -> {} traces recorded",
        unknown_or(spans),
        fmt(per_trace),
        fmt(jaeger),
        unknown_or(requests),
        fmt(reservoir),
        fmt(rate),
        unknown_or(recorded)
    ));
    let viewed = c.usage("usage.traces.traces_viewed_per_month", u.traces_viewed_per_month.as_ref(), false);
    let searched = c.usage("usage.traces.traces_searched_per_month", u.traces_searched_per_month.as_ref(), false);
    c.say(format!(
        "{} traces viewed and {} scanned by searches per month -> X-Ray traces retrieved and scanned",
        unknown_or(viewed),
        unknown_or(searched)
    ));
    put(
        doc,
        "xray",
        serde_json::json!({"traces_recorded": opt_n(recorded), "traces_retrieved": opt_n(viewed), "traces_scanned": opt_n(searched)}),
    );
}

/// The end of a sizing explanation: the fitting sizes passed over for lack of a price, if any.
fn skipped_note(unpriced: &[&str]) -> String {
    if unpriced.is_empty() {
        String::new()
    } else {
        format!(" (skipped for lack of a price: {})", unpriced.join(", "))
    }
}

fn unpriced_list(unpriced: &[&str]) -> String {
    if unpriced.is_empty() {
        "no size in the catalog is that large".into()
    } else {
        format!("sizes that fit but have no price: {}", unpriced.join(", "))
    }
}

fn single(key: &str, entry: Value) -> AwsDoc {
    let mut d = AwsDoc::new();
    d.insert(key.to_string(), Value::Array(vec![entry]));
    d
}

fn database(c: &mut Ctx<'_, '_>, doc: &mut AwsDoc) -> Result<()> {
    let m = &c.i.scenario.mapping.rds;
    let u = c.i.usage.database.clone().unwrap_or_default();
    let size = c.usage("usage.database.size_gb", u.size_gb.as_ref(), true);
    let tps = c.usage("usage.database.transactions_per_second", u.transactions_per_second.as_ref(), true);
    let conns = c.usage("usage.database.connections", u.connections.as_ref(), true);
    let backup = c.usage("usage.database.backup_storage_gb", u.backup_storage_gb.as_ref(), true);
    let multi_az = m.multi_az.unwrap_or(defaults::RDS_MULTI_AZ.flag());
    let storage_type = m.storage_type.clone().unwrap_or_else(|| defaults::RDS_STORAGE_TYPE.word().into());
    let headroom = c.assume(&defaults::RDS_STORAGE_HEADROOM, m.storage_headroom.as_ref());
    let storage = size.map(|s| (s * headroom).ceil().max(Decimal::from(20)));
    let tps_per_vcpu = c.assume(&defaults::RDS_TPS_PER_VCPU, m.transactions_per_second_per_vcpu.as_ref());
    let mem_per_gb = c.assume(&defaults::RDS_MEMORY_PER_DATA_GB, m.memory_gb_per_data_gb.as_ref());
    let mb_per_conn = c.assume(&defaults::RDS_MEMORY_MB_PER_CONNECTION, m.memory_mb_per_connection.as_ref());
    let need_vcpu = tps.map_or(Decimal::ONE, |t| (t / tps_per_vcpu).max(Decimal::ONE));
    let need_mem =
        size.unwrap_or_default() * mem_per_gb + conns.unwrap_or_default() * mb_per_conn / Decimal::from(1024);
    let base = |class: &str| {
        let mut e = serde_json::json!({
            "name": "db", "engine": "postgres", "instance_class": class, "multi_az": multi_az,
            "storage_type": storage_type, "storage_gb": opt_n(storage),
        });
        if let (Some(b), Value::Object(o)) = (backup, &mut e) {
            o.insert("backup_storage_gb".into(), n(b));
        }
        e
    };
    let class = match &m.instance_class {
        Some(class) => {
            c.say(format!("RDS instance class {class} pinned by mapping.rds.instance_class"));
            class.clone()
        }
        None => {
            let catalog = sizing::rds_classes();
            let sized = sizing::cheapest_fitting(&catalog, need_vcpu, need_mem, |cand: &Candidate| {
                (c.i.pricer)(&single("rds", base(cand.name)))
            });
            let Some(chosen) = sized.chosen else {
                bail!(
                    "no RDS for PostgreSQL class with at least {} vCPU and {} GB memory has a price in {} ({})\nhint: pin one with mapping.rds.instance_class or add its price to the price book",
                    fmt(need_vcpu),
                    fmt(need_mem),
                    c.i.scenario.region,
                    unpriced_list(&sized.unpriced)
                );
            };
            c.say(format!(
                "database {} GB, {} transactions/s, {} connections -> needs {} vCPU ({} tps per vCPU) and {} GB memory -> {} ({} vCPU, {} GB), the cheapest fitting class with a price in {}{}",
                unknown_or(size),
                unknown_or(tps),
                unknown_or(conns),
                fmt(need_vcpu),
                fmt(tps_per_vcpu),
                fmt(need_mem),
                chosen.name,
                fmt(chosen.vcpu),
                fmt(chosen.memory_gb),
                c.i.scenario.region,
                skipped_note(&sized.unpriced)
            ));
            chosen.name.to_string()
        }
    };
    c.say(format!(
        "RDS {class} {}, {} storage {} GB ({} GB x {} headroom, at least 20), backup storage {} GB",
        if multi_az { "Multi-AZ" } else { "Single-AZ" },
        storage_type,
        unknown_or(storage),
        unknown_or(size),
        fmt(headroom),
        unknown_or(backup)
    ));
    put(doc, "rds", Value::Array(vec![base(&class)]));
    Ok(())
}

fn cache(c: &mut Ctx<'_, '_>, doc: &mut AwsDoc) -> Result<()> {
    let m = &c.i.scenario.mapping.elasticache;
    let u = c.i.usage.redis.clone().unwrap_or_default();
    let mem = c.usage("usage.redis.memory_used_gb", u.memory_used_gb.as_ref(), true);
    let backup = c.usage("usage.redis.backup_storage_gb", u.backup_storage_gb.as_ref(), true);
    let engine = m.engine.clone().unwrap_or_else(|| defaults::ELASTICACHE_ENGINE.word().into());
    let nodes = Decimal::from(1 + m.replicas.unwrap_or(defaults::ELASTICACHE_REPLICAS.count()));
    let headroom = c.assume(&defaults::ELASTICACHE_MEMORY_HEADROOM, m.memory_headroom.as_ref());
    let need = mem.unwrap_or_default() * headroom;
    let base = |node: &str| {
        let mut e = serde_json::json!({"name": "cache", "engine": engine, "node_type": node, "nodes": n(nodes)});
        if let (Some(b), Value::Object(o)) = (backup, &mut e) {
            o.insert("backup_storage_gb".into(), n(b));
        }
        e
    };
    let node = match &m.node_type {
        Some(t) => {
            c.say(format!("ElastiCache node type {t} pinned by mapping.elasticache.node_type"));
            t.clone()
        }
        None => {
            let catalog = sizing::elasticache_nodes();
            let sized = sizing::cheapest_fitting(&catalog, Decimal::ZERO, need, |cand: &Candidate| {
                (c.i.pricer)(&single("elasticache", base(cand.name)))
            });
            let Some(chosen) = sized.chosen else {
                bail!(
                    "no ElastiCache {engine} node type with at least {} GB memory has a price in {} ({})\nhint: pin one with mapping.elasticache.node_type or add its price to the price book",
                    fmt(need),
                    c.i.scenario.region,
                    unpriced_list(&sized.unpriced)
                );
            };
            c.say(format!(
                "Redis {} GB used x {} headroom -> {} GB -> {} ({} GB), the cheapest fitting node type with a price in {}{}",
                unknown_or(mem),
                fmt(headroom),
                fmt(need),
                chosen.name,
                fmt(chosen.memory_gb),
                c.i.scenario.region,
                skipped_note(&sized.unpriced)
            ));
            chosen.name.to_string()
        }
    };
    c.say(format!(
        "ElastiCache {engine} {node} x {} nodes (1 primary + {} replica(s))",
        fmt(nodes),
        fmt(nodes - Decimal::ONE)
    ));
    put(doc, "elasticache", Value::Array(vec![base(&node)]));
    Ok(())
}

fn compute(c: &mut Ctx<'_, '_>, doc: &mut AwsDoc) -> Result<()> {
    let s = c.i.scenario;
    let m = &s.mapping.fargate;
    let arch = m.architecture.clone().unwrap_or_else(|| defaults::FARGATE_ARCHITECTURE.word().into());
    let headroom = c.assume(&defaults::FARGATE_HEADROOM, m.headroom.as_ref());
    let mut services = Vec::new();
    if c.i.usage.containers.is_empty() {
        c.say("no containers in usage.containers -> no Fargate tasks (compute usage unknown)".into());
    }
    for (idx, ct) in c.i.usage.containers.clone().iter().enumerate() {
        let path = |k: &str| format!("usage.containers[{idx}].{k}");
        let cpu = c.usage(&path("cpu_cores"), ct.cpu_cores.as_ref(), false);
        let mem = c.usage(&path("memory_gb"), ct.memory_gb.as_ref(), false);
        let replicas = c.usage(&path("replicas"), ct.replicas.as_ref(), true).map(|r| r.ceil().max(Decimal::ONE));
        let (Some(cpu), Some(mem)) = (cpu, mem) else {
            bail!("usage.containers[{idx}] ({}) needs cpu_cores and memory_gb to size its Fargate task", ct.name);
        };
        let Some((vcpu, gb)) = sizing::fargate_task(cpu * headroom, mem * headroom) else {
            bail!(
                "usage.containers[{idx}] ({}) needs {} vCPU and {} GB with headroom, more than the largest Fargate task (16 vCPU, 120 GB)",
                ct.name,
                fmt(cpu * headroom),
                fmt(mem * headroom)
            );
        };
        c.say(format!(
            "container {}: {} cores and {} GB peak x {} headroom -> Fargate task {} vCPU / {} GB ({arch}) x {} tasks, {} hours",
            ct.name,
            fmt(cpu),
            fmt(mem),
            fmt(headroom),
            fmt(vcpu),
            fmt(gb),
            unknown_or(replicas),
            fmt(c.i.hours)
        ));
        services.push(serde_json::json!({
            "name": ct.name, "architecture": arch, "vcpu": n(vcpu), "memory_gb": n(gb),
            "tasks": opt_n(replicas), "hours": n(c.i.hours), "ephemeral_storage_gb": 20,
        }));
    }
    put(doc, "fargate", Value::Array(services));
    let net = c.i.usage.network.clone().unwrap_or_default();
    let lb_gb = c.usage(
        "usage.network.load_balancer_processed_gb_per_month",
        net.load_balancer_processed_gb_per_month.as_ref(),
        true,
    );
    let lb_type = m.load_balancer_type.clone().unwrap_or_else(|| defaults::FARGATE_LOAD_BALANCER.word().into());
    c.say(format!("1 {lb_type} load balancer processing {} GB/month in front of the tasks", unknown_or(lb_gb)));
    let mut lb = serde_json::json!({"name": "web", "type": lb_type});
    if let (Some(gb), Value::Object(o)) = (lb_gb, &mut lb) {
        o.insert("processed_gb".into(), n(gb));
    }
    put(doc, "load_balancers", Value::Array(vec![lb]));
    let nats = m.nat_gateways.unwrap_or(defaults::FARGATE_NAT_GATEWAYS.count());
    if nats > 0 {
        let nat_gb = c.usage("usage.network.nat_processed_gb_per_month", net.nat_processed_gb_per_month.as_ref(), true);
        c.say(format!(
            "{nats} NAT gateway(s) for tasks in private subnets, processing {} GB/month",
            unknown_or(nat_gb)
        ));
        let mut nat = serde_json::json!({"name": "nat", "count": nats});
        if let (Some(gb), Value::Object(o)) = (nat_gb, &mut nat) {
            o.insert("processed_gb".into(), n(gb));
        }
        put(doc, "nat_gateways", Value::Array(vec![nat]));
    }
    Ok(())
}

/// The data-transfer-out quantity (the same on either side of the migration).
pub fn data_transfer_out(i: &MapInput<'_>) -> Option<Decimal> {
    let net = i.usage.network.as_ref()?;
    let v =
        i.values.opt("usage.network.data_transfer_out_gb_per_month", net.data_transfer_out_gb_per_month.as_ref())?;
    Some(v * i.factor)
}
