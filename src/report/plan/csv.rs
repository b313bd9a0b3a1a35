//! The plan as CSV, one row per phase with its costs, ROI terms and decision, for spreadsheets.
//! Money is exact (unrounded); line items are in the JSON and `estimate --format csv`. Each row
//! counts the phase's AWS line items priced with a derived, unconfirmed or stale price.
//! With metrics on CloudWatch, `cloudwatch_series` says which series the phase's totals ship (`all` or
//! `used`), beside the AWS total shipping every series, shipping the used ones, and the
//! difference (empty when unknown or when metrics are not on CloudWatch).
//! With `plan --actual`, each row gains forecast/actual/error columns for the compared quantities
//! and costs (appended after the usual columns, so readers by column name are unaffected).

use anyhow::Result;

use crate::plan::Plan;
use crate::pricing::PriceStatus;
use crate::report::wording::payback_months;
use crate::report::Render;
use crate::units::{Exact, Money};

/// The plan as CSV, one row per phase.
pub struct Csv;

impl Render<Plan> for Csv {
    fn render(&self, p: &Plan) -> Result<String> {
        plan(p)
    }
}

/// A number exactly as computed (money unrounded).
fn d(v: rust_decimal::Decimal) -> String {
    v.normalize().to_string()
}

/// The quantities `plan --actual` compares, as `(service, key)` column prefixes.
const ACTUAL_KEYS: [(&str, &str); 4] = [
    ("cloudwatch_logs", "ingested_gb"),
    ("cloudwatch_metrics", "custom_metrics"),
    ("cloudwatch_metrics", "api_requests"),
    ("xray", "traces_recorded"),
];

/// A plan as CSV.
fn plan(p: &Plan) -> Result<String> {
    let mut w = csv::Writer::from_writer(Vec::new());
    let mut header: Vec<String> = [
        "scenario",
        "region",
        "phase",
        "name",
        "aws_monthly_usd",
        "aws_unknown_line_items",
        "self_hosted_monthly_usd",
        "baseline_monthly_usd",
        "one_time_cost_usd",
        "infra_delta_usd",
        "ops_labor_saved_usd",
        "downtime_saved_usd",
        "productivity_gained_usd",
        "net_monthly_benefit_usd",
        "payback_months",
        "npv_usd",
        "decision",
        "dau_net_zero",
        "dau_net_1000",
        "derived_price_lines",
        "unconfirmed_price_lines",
        "stale_price_lines",
        "cloudwatch_series",
        "ship_all_series_aws_monthly_usd",
        "ship_used_series_aws_monthly_usd",
        "ship_all_minus_used_usd",
    ]
    .map(String::from)
    .to_vec();
    if p.actual_comparison.is_some() {
        for (service, key) in ACTUAL_KEYS {
            for part in ["forecast", "actual", "error_percent"] {
                header.push(format!("{service}.{key}.{part}"));
            }
        }
        header.extend(
            ["compared_forecast_monthly_usd", "compared_actual_monthly_usd", "compared_cost_error_percent"]
                .map(String::from),
        );
    }
    w.write_record(&header)?;
    let opt = |v: Option<Exact>| v.map_or_else(String::new, |v| d(v.0));
    let money = |v: Option<Money>| v.map_or_else(String::new, |v| d(v.0));
    for ph in &p.phases {
        let sp = p.switch_points.iter().find(|s| s.phase == ph.phase);
        let mut record: Vec<String> = vec![
            p.scenario.name.clone(),
            p.region.clone(),
            ph.phase.to_string(),
            ph.name.clone(),
            d(ph.aws_monthly_usd.0),
            ph.aws_unknown_line_items.to_string(),
            d(ph.self_hosted_monthly_usd.0),
            d(p.baseline.self_hosted_monthly_usd.0),
            d(ph.one_time_cost_usd.0),
            d(ph.roi.infra_delta_usd.0),
            d(ph.roi.ops_labor_saved_usd.0),
            d(ph.roi.downtime_saved_usd.0),
            d(ph.roi.productivity_gained_usd.0),
            d(ph.net_monthly_benefit_usd.0),
            payback_months(ph.payback_months),
            d(ph.npv_usd.0),
            ph.decision.as_str().into(),
            opt(sp.and_then(|s| s.dau_net_zero)),
            opt(sp.and_then(|s| s.dau_net_1000)),
        ];
        let lines = || ph.aws_services.iter().flat_map(|s| &s.line_items);
        let status = |st: PriceStatus| lines().filter(|l| l.price_status == st).count().to_string();
        record.push(status(PriceStatus::Derived));
        record.push(status(PriceStatus::Unconfirmed));
        record.push(lines().filter(|l| l.price_stale).count().to_string());
        let series = ph.cloudwatch_series.as_ref();
        record.push(series.map_or_else(String::new, |s| s.chosen.as_str().to_string()));
        record.push(money(series.and_then(|s| s.ship_all_aws_monthly_usd)));
        record.push(money(series.and_then(|s| s.ship_used_aws_monthly_usd)));
        record.push(money(series.and_then(|s| s.difference_monthly_usd)));
        if let Some(c) = &p.actual_comparison {
            let cmp = c.phases.iter().find(|x| x.phase == ph.phase);
            for (service, key) in ACTUAL_KEYS {
                let q = cmp
                    .and_then(|x| x.services.iter().find(|s| s.service == service))
                    .and_then(|s| s.quantities.iter().find(|q| q.key == key));
                record.push(opt(q.and_then(|q| q.forecast)));
                record.push(opt(q.and_then(|q| q.actual)));
                record.push(opt(q.and_then(|q| q.error_percent)));
            }
            record.push(money(cmp.map(|x| x.forecast_monthly_usd)));
            record.push(money(cmp.map(|x| x.actual_monthly_usd)));
            record.push(opt(cmp.and_then(|x| x.error_percent)));
        }
        w.write_record(&record)?;
    }
    Ok(String::from_utf8(w.into_inner()?)?)
}
