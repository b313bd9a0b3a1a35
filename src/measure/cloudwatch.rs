//! `measure --cloudwatch`: reads what the AWS services already moved actually use, from the
//! CloudWatch API (aws-sdk-cloudwatch, awsQuery wire protocol), into the snapshot's `actual`
//! section:
//! - CloudWatch Logs ingestion: `ListMetrics` AWS/Logs IncomingBytes enumerates the log groups
//!   (dimension `LogGroupName`, filtered by `--log-group-prefix`), `GetMetricData` sums them;
//! - custom metrics: `ListMetrics` over every namespace (paged), counting those outside `AWS/*`;
//! - API requests: AWS/Usage `CallCount` (Service=CloudWatch, Type=API, Class=None, one
//!   `Resource` per operation), summed;
//! - X-Ray traces: AWS/X-Ray `ApproximateTraceCount` of the `Default` group, when CloudWatch has
//!   it (the X-Ray API is not called: scanning traces is billed per trace);
//! - EC2 hosts (`--instance-id`): AWS/EC2 CPUUtilization (average) and NetworkIn/NetworkOut (sum).
//!
//! Sums over the window become per-month values (× 730 h ÷ window); a series whose first datapoint
//! comes more than one period after the window's start is scaled from the data present and marked
//! `extrapolated`. Client setup and error wording are shared with the price refresh (`crate::aws`);
//! this module does no pricing and prints no credential.

use std::collections::BTreeMap;

use anyhow::{bail, Result};
use aws_sdk_cloudwatch::error::{ProvideErrorMetadata, SdkError};
use aws_sdk_cloudwatch::primitives::DateTime;
use aws_sdk_cloudwatch::types::{Dimension, DimensionFilter, Metric, MetricDataQuery, MetricStat, StatusCode};
use aws_sdk_cloudwatch::Client;

use super::collect::format_at;
use super::{
    ActualInstance, ActualLogGroup, ActualUsage, ApiOperation, Measured, NamespaceMetrics, NotMeasured, BYTES_PER_GB,
    MONTH_SECONDS,
};
use crate::aws;

/// Metric data queries per GetMetricData call (the API's maximum).
const QUERIES_PER_CALL: usize = 500;
/// A safety stop for paged calls: 2,000 ListMetrics pages are a million metrics.
const MAX_PAGES: usize = 2000;
/// Operations billed per metric requested, not as API requests (CloudWatch pricing page).
const PER_METRIC_OPERATIONS: &[&str] = &["GetMetricData", "GetInsightRuleReport", "GetMetricWidgetImage"];
/// What still works without AWS, in every credential and network error.
const OFFLINE_HINT: &str =
    "measuring with --prometheus and planning with the bundled price book still work offline, without AWS credentials";
/// IAM actions `measure --cloudwatch` needs.
const IAM_ACTIONS: &str = "cloudwatch:ListMetrics and cloudwatch:GetMetricData";

/// A validated `measure --cloudwatch` request.
#[derive(Debug, Clone)]
pub struct CloudWatchOptions {
    /// AWS region to read.
    pub region: String,
    /// Only log groups whose name starts with one of these (empty: every log group).
    pub log_group_prefixes: Vec<String>,
    /// EC2 instances to read CPU and network of.
    pub instance_ids: Vec<String>,
    /// The window, in seconds (a multiple of 60).
    pub window_seconds: u64,
    /// End of the window, unix seconds.
    pub at: f64,
}

/// What reading CloudWatch gave.
#[derive(Debug, Clone)]
pub struct CloudWatchReading {
    /// The `actual` section.
    pub actual: ActualUsage,
    /// Quantities CloudWatch had no metric for (`actual.*` components).
    pub not_measured: Vec<NotMeasured>,
}

/// The datapoint period for a window: the largest of a day, an hour, 5 minutes and a minute that
/// divides it (CloudWatch keeps 1-minute data 15 days, 5-minute data 63 days, hourly data 455 days).
pub fn period_for(window_seconds: u64) -> u64 {
    let candidates: &[u64] = if window_seconds > 63 * 86_400 {
        &[86_400, 3600]
    } else if window_seconds > 15 * 86_400 {
        &[86_400, 3600, 300]
    } else {
        &[86_400, 3600, 300, 60]
    };
    candidates.iter().copied().find(|p| window_seconds % p == 0 && *p <= window_seconds).unwrap_or(3600)
}

/// Reads the `actual` section from CloudWatch. `progress` is called once per API call.
pub fn measure(opts: &CloudWatchOptions, progress: &mut dyn FnMut(&str)) -> Result<CloudWatchReading> {
    aws::check_region(&opts.region)?;
    aws::runtime()?.block_on(measure_async(opts, progress))
}

/// One series to sum or average, and how to describe it.
struct Series {
    metric: Metric,
    stat: &'static str,
}

/// The CloudWatch client and the context of every call.
struct Reader<'a> {
    client: Client,
    endpoint: String,
    start: i64,
    end: i64,
    period: u64,
    progress: &'a mut dyn FnMut(&str),
}

async fn measure_async(opts: &CloudWatchOptions, progress: &mut dyn FnMut(&str)) -> Result<CloudWatchReading> {
    let shared = aws::load_config(&opts.region).await;
    aws::check_credentials(&shared, "CloudWatch API", OFFLINE_HINT).await?;
    let endpoint = aws::endpoint("CLOUDWATCH", format!("https://monitoring.{}.amazonaws.com", opts.region));
    let end = opts.at.floor() as i64;
    let start = end - opts.window_seconds as i64;
    let period = period_for(opts.window_seconds);
    let client =
        Client::from_conf(aws_sdk_cloudwatch::config::Builder::from(&shared).interceptor(aws::BodyLimit).build());
    let mut r = Reader { client, endpoint, start, end, period, progress };
    let mut actual = ActualUsage {
        region: opts.region.clone(),
        endpoint: r.endpoint.clone(),
        start: format_at(start as f64),
        end: format_at(end as f64),
        period_seconds: period,
        ..ActualUsage::default()
    };
    let mut not_measured = Vec::new();
    let mut missing =
        |component: &str, hint: String| not_measured.push(NotMeasured { component: component.into(), hint });

    // CloudWatch Logs ingestion per log group.
    let groups: Vec<Metric> = r
        .list_metrics(Some("AWS/Logs"), Some("IncomingBytes"), &[])
        .await?
        .into_iter()
        .filter(|m| {
            let dims = m.dimensions();
            let [dim] = dims else { return false };
            dim.name() == Some("LogGroupName")
                && (opts.log_group_prefixes.is_empty()
                    || opts.log_group_prefixes.iter().any(|p| dim.value().unwrap_or_default().starts_with(p.as_str())))
        })
        .collect();
    actual.logs.log_group_prefixes = opts.log_group_prefixes.clone();
    if groups.is_empty() {
        let which = if opts.log_group_prefixes.is_empty() {
            String::new()
        } else {
            format!(" starting with {}", opts.log_group_prefixes.join(" or "))
        };
        missing(
            "actual.logs",
            format!(
                "CloudWatch has no AWS/Logs IncomingBytes metric for a log group{which} in {}: no log group received data in the last two weeks (check --region and --log-group-prefix)",
                opts.region
            ),
        );
    } else {
        let series: Vec<Series> = groups.into_iter().map(|metric| Series { metric, stat: "Sum" }).collect();
        let points = r.get_metric_data(&series).await?;
        let mut total: Option<Measured> = None;
        for (s, pts) in series.iter().zip(points) {
            let name = s.metric.dimensions().first().and_then(|d| d.value()).unwrap_or_default().to_string();
            let m = r.per_month(&pts, &describe(&s.metric, s.stat), "GB/month", 1.0 / BYTES_PER_GB);
            match &mut total {
                Some(t) => {
                    t.value = Some(super::round_sig(t.value.unwrap_or(0.0) + m.value.unwrap_or(0.0)));
                    t.extrapolated |= m.extrapolated;
                }
                None => total = Some(m.clone()),
            }
            actual.logs.log_groups.push(ActualLogGroup { name, ingested_gb_per_month: m });
        }
        actual.logs.log_groups.sort_by(|a, b| a.name.cmp(&b.name));
        if let Some(mut t) = total {
            let n = actual.logs.log_groups.len();
            t.query = format!(
                "GetMetricData AWS/Logs IncomingBytes Sum, period {period}s, over the {n} log group(s) ListMetrics AWS/Logs IncomingBytes returned{}",
                if opts.log_group_prefixes.is_empty() {
                    String::new()
                } else {
                    format!(" with LogGroupName starting with {}", opts.log_group_prefixes.join(" or "))
                }
            );
            t.history_seconds = None;
            actual.logs.ingested_gb_per_month = Some(t);
        }
    }

    // Custom metrics: every namespace, counting those outside AWS/*.
    let all = r.list_metrics(None, None, &[]).await?;
    let mut by_ns: BTreeMap<String, u64> = BTreeMap::new();
    for m in &all {
        let ns = m.namespace().unwrap_or_default();
        if !ns.starts_with("AWS/") {
            *by_ns.entry(ns.to_string()).or_default() += 1;
        }
    }
    let custom: u64 = by_ns.values().sum();
    actual.metrics.custom_metrics = Some(
        Measured::ok(
            custom as f64,
            "metrics",
            "ListMetrics (every namespace, paged): metrics outside the AWS/* namespaces".into(),
            0,
            &r.endpoint,
        )
        .with_note("metrics that received data in the last two weeks; CloudWatch bills each by the hour it reports"),
    );
    actual.metrics.namespaces =
        by_ns.into_iter().map(|(namespace, metrics)| NamespaceMetrics { namespace, metrics }).collect();

    // API requests: AWS/Usage CallCount per CloudWatch operation.
    let usage_dims = [("Service", "CloudWatch"), ("Type", "API"), ("Class", "None")];
    let ops: Vec<Metric> = r
        .list_metrics(Some("AWS/Usage"), Some("CallCount"), &usage_dims)
        .await?
        .into_iter()
        .filter(|m| dim(m, "Resource").is_some())
        .collect();
    if ops.is_empty() {
        missing(
            "actual.metrics.api_requests_per_month",
            format!("CloudWatch has no AWS/Usage CallCount metric for Service=CloudWatch, Type=API in {}: no CloudWatch API call in the last two weeks, or the wrong --region", opts.region),
        );
    } else {
        let series: Vec<Series> = ops.into_iter().map(|metric| Series { metric, stat: "Sum" }).collect();
        let points = r.get_metric_data(&series).await?;
        let mut billed = 0.0;
        let mut extrapolated = false;
        for (s, pts) in series.iter().zip(points) {
            let operation = dim(&s.metric, "Resource").unwrap_or_default().to_string();
            let m = r.per_month(&pts, &describe(&s.metric, s.stat), "requests/month", 1.0);
            let billed_as_request = !PER_METRIC_OPERATIONS.contains(&operation.as_str());
            if billed_as_request {
                billed += m.value.unwrap_or(0.0);
                extrapolated |= m.extrapolated;
            }
            actual.metrics.api_operations.push(ApiOperation { operation, billed_as_request, requests_per_month: m });
        }
        actual.metrics.api_operations.sort_by(|a, b| a.operation.cmp(&b.operation));
        let mut total = Measured::ok(
            billed,
            "requests/month",
            format!(
                "GetMetricData AWS/Usage CallCount {{Service=CloudWatch, Type=API, Class=None}} Sum, period {period}s, over every Resource except {}",
                PER_METRIC_OPERATIONS.join(", ")
            ),
            opts.window_seconds,
            &r.endpoint,
        )
        .with_note("includes the ListMetrics and GetMetricData calls of obs-cost measure itself");
        total.extrapolated = extrapolated;
        actual.metrics.api_requests_per_month = Some(total);
    }

    // X-Ray traces, when CloudWatch has a trace count.
    let xray: Vec<Metric> = r
        .list_metrics(Some("AWS/X-Ray"), Some("ApproximateTraceCount"), &[("GroupName", "Default")])
        .await?
        .into_iter()
        .filter(|m| m.dimensions().len() == 1)
        .collect();
    match xray.into_iter().next() {
        Some(metric) => {
            let s = [Series { metric, stat: "Sum" }];
            let pts = r.get_metric_data(&s).await?.pop().unwrap_or_default();
            actual.traces.traces_per_month = Some(r.per_month(&pts, &describe(&s[0].metric, "Sum"), "traces/month", 1.0));
        }
        None => missing(
            "actual.traces",
            format!("CloudWatch has no AWS/X-Ray ApproximateTraceCount metric for the Default group in {}; obs-cost does not call the X-Ray API (GetTraceSummaries is billed per trace scanned): read traces recorded from the bill", opts.region),
        ),
    }

    // EC2 hosts.
    for id in &opts.instance_ids {
        let metric = |name: &str| {
            Metric::builder()
                .namespace("AWS/EC2")
                .metric_name(name)
                .dimensions(Dimension::builder().name("InstanceId").value(id).build())
                .build()
        };
        let series = [
            Series { metric: metric("CPUUtilization"), stat: "Average" },
            Series { metric: metric("NetworkIn"), stat: "Sum" },
            Series { metric: metric("NetworkOut"), stat: "Sum" },
        ];
        let mut points = r.get_metric_data(&series).await?.into_iter();
        let (cpu, net_in, net_out) =
            (points.next().unwrap_or_default(), points.next().unwrap_or_default(), points.next().unwrap_or_default());
        let inst = ActualInstance {
            instance_id: id.clone(),
            cpu_utilisation: r.average(&cpu, &describe(&series[0].metric, "Average"), 0.01),
            network_in_gb_per_month: (!net_in.is_empty())
                .then(|| r.per_month(&net_in, &describe(&series[1].metric, "Sum"), "GB/month", 1.0 / BYTES_PER_GB)),
            network_out_gb_per_month: (!net_out.is_empty())
                .then(|| r.per_month(&net_out, &describe(&series[2].metric, "Sum"), "GB/month", 1.0 / BYTES_PER_GB)),
        };
        if inst.cpu_utilisation.is_none() && inst.network_in_gb_per_month.is_none() {
            missing(
                &format!("actual.instances.{id}"),
                format!("CloudWatch has no AWS/EC2 data for instance {id} in {} over the window: check the instance id and --region", opts.region),
            );
        }
        actual.instances.push(inst);
    }
    Ok(CloudWatchReading { actual, not_measured })
}

/// The value of a dimension.
fn dim<'m>(m: &'m Metric, name: &str) -> Option<&'m str> {
    m.dimensions().iter().find(|d| d.name() == Some(name)).and_then(|d| d.value())
}

/// `GetMetricData <namespace> <metric> {<dims>} <stat>`, the provenance of one value.
fn describe(m: &Metric, stat: &str) -> String {
    let dims: Vec<String> = m
        .dimensions()
        .iter()
        .map(|d| format!("{}={}", d.name().unwrap_or_default(), d.value().unwrap_or_default()))
        .collect();
    format!(
        "GetMetricData {} {} {{{}}} {stat}",
        m.namespace().unwrap_or_default(),
        m.metric_name().unwrap_or_default(),
        dims.join(", ")
    )
}

impl Reader<'_> {
    fn context(&self) -> aws::CallContext<'_> {
        aws::CallContext {
            api: "CloudWatch API",
            endpoint: &self.endpoint,
            iam_actions: IAM_ACTIONS,
            offline_hint: OFFLINE_HINT,
            throttle_hint: "wait a minute and run again, or raise AWS_MAX_ATTEMPTS (the SDK retries with backoff)",
        }
    }

    /// The error of a failed call, named after the operation.
    fn failure<E, R>(&self, operation: &str, err: SdkError<E, R>) -> anyhow::Error
    where
        E: ProvideErrorMetadata + std::error::Error + 'static,
        R: std::fmt::Debug + 'static,
    {
        if let Some(fatal) = aws::fatal_error(&err, &self.context()) {
            return fatal;
        }
        let detail = aws::error_chain(&err);
        // A 200 the SDK cannot parse is a service error without an error code.
        let unreadable = matches!(err, SdkError::ServiceError(_)) && err.code().is_none();
        match err {
            _ if unreadable => anyhow::anyhow!(
                "the CloudWatch API at {} sent a {operation} response obs-cost cannot read: {detail}\nhint: check that AWS_ENDPOINT_URL_CLOUDWATCH (if set) points at CloudWatch",
                self.endpoint
            ),
            SdkError::ResponseError(_) => anyhow::anyhow!(
                "the CloudWatch API at {} sent a {operation} response obs-cost cannot read: {detail}\nhint: check that AWS_ENDPOINT_URL_CLOUDWATCH (if set) points at CloudWatch",
                self.endpoint
            ),
            _ => anyhow::anyhow!(
                "CloudWatch {operation} at {} failed: {detail}\nhint: run again; measuring with --prometheus alone works without AWS",
                self.endpoint
            ),
        }
    }

    /// Every metric ListMetrics returns for a namespace, metric name and dimension filter, paged.
    async fn list_metrics(
        &mut self,
        namespace: Option<&str>,
        metric_name: Option<&str>,
        dims: &[(&str, &str)],
    ) -> Result<Vec<Metric>> {
        let filters: Vec<DimensionFilter> =
            dims.iter().map(|(n, v)| DimensionFilter::builder().name(*n).value(*v).build()).collect();
        let label =
            format!("ListMetrics {} {}", namespace.unwrap_or("(every namespace)"), metric_name.unwrap_or_default());
        let mut out = Vec::new();
        let mut token: Option<String> = None;
        for _ in 0..MAX_PAGES {
            (self.progress)(&label);
            let page = self
                .client
                .list_metrics()
                .set_namespace(namespace.map(String::from))
                .set_metric_name(metric_name.map(String::from))
                .set_dimensions((!filters.is_empty()).then(|| filters.clone()))
                .set_next_token(token.take())
                .send()
                .await
                .map_err(|e| self.failure("ListMetrics", e))?;
            out.extend(page.metrics().iter().cloned());
            match page.next_token() {
                Some(t) if !t.is_empty() => token = Some(t.to_string()),
                _ => return Ok(out),
            }
        }
        bail!(
            "{label}: more than {MAX_PAGES} pages of metrics at {}; obs-cost stops there\nhint: use --log-group-prefix, or a narrower region",
            self.endpoint
        )
    }

    /// The datapoints `(timestamp, value)` of every series, in order, with GetMetricData (500
    /// queries per call, paged with NextToken).
    async fn get_metric_data(&mut self, series: &[Series]) -> Result<Vec<Vec<(i64, f64)>>> {
        let mut out: Vec<Vec<(i64, f64)>> = vec![Vec::new(); series.len()];
        for (chunk_no, chunk) in series.chunks(QUERIES_PER_CALL).enumerate() {
            let base = chunk_no * QUERIES_PER_CALL;
            let queries: Vec<MetricDataQuery> = chunk
                .iter()
                .enumerate()
                .map(|(i, s)| {
                    MetricDataQuery::builder()
                        .id(format!("q{}", base + i))
                        .metric_stat(
                            MetricStat::builder()
                                .metric(s.metric.clone())
                                .period(self.period as i32)
                                .stat(s.stat)
                                .build(),
                        )
                        .return_data(true)
                        .build()
                })
                .collect();
            let mut token: Option<String> = None;
            let mut pages = 0;
            loop {
                pages += 1;
                if pages > MAX_PAGES {
                    bail!(
                        "GetMetricData at {}: more than {MAX_PAGES} pages; obs-cost stops there\nhint: use --log-group-prefix or fewer --instance-id to read less",
                        self.endpoint
                    );
                }
                (self.progress)("GetMetricData");
                let page = self
                    .client
                    .get_metric_data()
                    .set_metric_data_queries(Some(queries.clone()))
                    .start_time(DateTime::from_secs(self.start))
                    .end_time(DateTime::from_secs(self.end))
                    .set_next_token(token.take())
                    .send()
                    .await
                    .map_err(|e| self.failure("GetMetricData", e))?;
                for result in page.metric_data_results() {
                    let id = result.id().unwrap_or_default();
                    let idx = id.strip_prefix('q').and_then(|n| n.parse::<usize>().ok());
                    let (Some(asked), Some(points)) =
                        (idx.and_then(|i| series.get(i)), idx.and_then(|i| out.get_mut(i)))
                    else {
                        bail!(
                            "the CloudWatch API at {} answered GetMetricData with an unknown query id '{}'; this is not a CloudWatch answer\nhint: check that AWS_ENDPOINT_URL_CLOUDWATCH (if set) points at CloudWatch",
                            self.endpoint,
                            crate::redact::escape_control(id)
                        );
                    };
                    if let Some(StatusCode::Forbidden | StatusCode::InternalError) = result.status_code() {
                        let why: Vec<&str> = result.messages().iter().filter_map(|m| m.value()).collect();
                        bail!(
                            "CloudWatch could not return {}: status {} ({})\nhint: the identity needs {IAM_ACTIONS}",
                            describe(&asked.metric, asked.stat),
                            result.status_code().map_or("", |s| s.as_str()),
                            why.join("; ")
                        );
                    }
                    if result.timestamps().len() != result.values().len() {
                        bail!(
                            "the CloudWatch API at {} answered GetMetricData for {} with {} timestamps but {} values; the response is malformed\nhint: check that AWS_ENDPOINT_URL_CLOUDWATCH (if set) points at CloudWatch",
                            self.endpoint,
                            describe(&asked.metric, asked.stat),
                            result.timestamps().len(),
                            result.values().len()
                        );
                    }
                    points.extend(result.timestamps().iter().map(DateTime::secs).zip(result.values().iter().copied()));
                }
                match page.next_token() {
                    Some(t) if !t.is_empty() => token = Some(t.to_string()),
                    _ => break,
                }
            }
        }
        Ok(out)
    }

    /// A per-month value from summed datapoints: `sum × scale × month ÷ covered`, where covered is
    /// the window, or the time from the first datapoint when it comes more than a period late.
    fn per_month(&self, points: &[(i64, f64)], query: &str, unit: &str, scale: f64) -> Measured {
        let window = (self.end - self.start) as u64;
        let sum: f64 = points.iter().map(|p| p.1).sum();
        let first = points.iter().map(|p| p.0).min();
        let late = first.filter(|f| *f > self.start + self.period as i64);
        let covered = late.map_or(window, |f| (self.end - f).max(self.period as i64) as u64);
        let value = sum * scale * MONTH_SECONDS / covered as f64;
        let mut m = Measured::ok(value, unit, format!("{query}, period {}s", self.period), window, &self.endpoint);
        if late.is_some() {
            m.extrapolated = true;
            m.history_seconds = Some(covered);
        }
        m
    }

    /// The mean of averaged datapoints times `scale`, or `None` without datapoints.
    fn average(&self, points: &[(i64, f64)], query: &str, scale: f64) -> Option<Measured> {
        if points.is_empty() {
            return None;
        }
        let mean = points.iter().map(|p| p.1).sum::<f64>() / points.len() as f64;
        Some(Measured::ok(
            mean * scale,
            "ratio",
            format!("{query}, period {}s", self.period),
            (self.end - self.start) as u64,
            &self.endpoint,
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn periods_divide_the_window_and_respect_retention() {
        assert_eq!(period_for(30 * 86_400), 86_400);
        assert_eq!(period_for(12 * 3600), 3600);
        assert_eq!(period_for(600), 300);
        assert_eq!(period_for(120), 60);
        // 20 days and 1 minute: 1-minute data is gone after 15 days, so hourly.
        assert_eq!(period_for(20 * 86_400 + 60), 3600);
    }

    #[test]
    fn describes_a_metric_by_namespace_name_dimensions_and_statistic() {
        let m = Metric::builder()
            .namespace("AWS/Logs")
            .metric_name("IncomingBytes")
            .dimensions(Dimension::builder().name("LogGroupName").value("app").build())
            .build();
        assert_eq!(describe(&m, "Sum"), "GetMetricData AWS/Logs IncomingBytes {LogGroupName=app} Sum");
    }
}
