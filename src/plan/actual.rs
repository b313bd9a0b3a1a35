//! `plan --actual`: the plan's forecast against what CloudWatch says the moved services actually
//! use (the `actual` section `measure --cloudwatch` writes), per phase and service: CloudWatch
//! Logs ingested GB, custom metrics, API requests and X-Ray traces, each with its error in percent,
//! and the monthly cost at the plan's prices of the actual quantities.
//!
//! The actual cost is the phase's own AWS usage document with the measured quantities put in place
//! of the forecast ones, priced by the same engine (same price book, region and free tiers); every
//! other line item keeps its forecast quantity, so the cost difference is the measured quantities'
//! alone. A service is compared in a phase only when the plan has it on AWS in that phase. The
//! error is `(actual − forecast) ÷ forecast × 100`: positive when reality is above the forecast.

use anyhow::{Context, Result};
use rust_decimal::prelude::FromPrimitive;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::document::Plan;
use super::engine::Engine;
use crate::cost::ServiceCost;
use crate::measure::{ActualUsage, Measured, Status};
use crate::model::AwsUsage;
use crate::units::{change_percent, Exact, Money, Quantity};

/// The quantities compared: AWS usage section and key, line-item name, unit, and how to read the
/// actual value from the snapshot.
const COMPARED: &[Compared] = &[
    Compared {
        service: "cloudwatch_logs",
        key: "ingested_gb",
        name: "Logs ingested (Standard)",
        unit: "GB",
        actual: |a| a.logs.ingested_gb_per_month.as_ref(),
        snapshot_key: "actual.logs.ingested_gb_per_month",
        forecast: |u| u.cloudwatch_logs.as_ref().map(|s| s.ingested_gb),
        set: |u, v| {
            if let Some(s) = u.cloudwatch_logs.as_mut() {
                s.ingested_gb = Some(v);
            }
        },
    },
    Compared {
        service: "cloudwatch_metrics",
        key: "custom_metrics",
        name: "Custom metrics",
        unit: "metric-month",
        actual: |a| a.metrics.custom_metrics.as_ref(),
        snapshot_key: "actual.metrics.custom_metrics",
        forecast: |u| u.cloudwatch_metrics.as_ref().map(|s| s.custom_metrics),
        set: |u, v| {
            if let Some(s) = u.cloudwatch_metrics.as_mut() {
                s.custom_metrics = Some(v);
            }
        },
    },
    Compared {
        service: "cloudwatch_metrics",
        key: "api_requests",
        name: "API requests",
        unit: "request",
        actual: |a| a.metrics.api_requests_per_month.as_ref(),
        snapshot_key: "actual.metrics.api_requests_per_month",
        forecast: |u| u.cloudwatch_metrics.as_ref().map(|s| s.api_requests),
        set: |u, v| {
            if let Some(s) = u.cloudwatch_metrics.as_mut() {
                s.api_requests = Some(v);
            }
        },
    },
    Compared {
        service: "xray",
        key: "traces_recorded",
        name: "Traces recorded",
        unit: "trace",
        actual: |a| a.traces.traces_per_month.as_ref(),
        snapshot_key: "actual.traces.traces_per_month",
        forecast: |u| u.xray.as_ref().map(|s| s.traces_recorded),
        set: |u, v| {
            if let Some(s) = u.xray.as_mut() {
                s.traces_recorded = Some(v);
            }
        },
    },
];

struct Compared {
    service: &'static str,
    key: &'static str,
    name: &'static str,
    unit: &'static str,
    actual: fn(&ActualUsage) -> Option<&Measured>,
    snapshot_key: &'static str,
    /// The forecast quantity: `None` when the section is not on AWS, `Some(None)` when unknown.
    forecast: fn(&AwsUsage) -> Option<Option<Quantity>>,
    /// Puts a measured quantity in place of the forecast one (the section is on AWS).
    set: fn(&mut AwsUsage, Quantity),
}

/// Forecast vs actual for a whole plan (`actual_comparison` in the plan JSON).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActualComparison {
    /// The usage snapshot the actual values come from.
    pub file: String,
    /// Region CloudWatch was read in.
    pub region: String,
    /// Start of the window read, RFC 3339 UTC.
    pub start: String,
    /// End of the window read, RFC 3339 UTC.
    pub end: String,
    /// How `error_percent` is computed.
    pub error_definition: String,
    /// Phases in which at least one compared service is on AWS.
    pub phases: Vec<PhaseComparison>,
    /// Caveats: region mismatch, quantities not measured, phases with nothing to compare.
    pub notes: Vec<String>,
}

/// One phase.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PhaseComparison {
    /// 1-based phase.
    pub phase: u32,
    /// Its name.
    pub name: String,
    /// The compared services, in the plan's order.
    pub services: Vec<ServiceComparison>,
    /// Forecast monthly cost of the compared services.
    pub forecast_monthly_usd: Money,
    /// Monthly cost of the compared services with the actual quantities, at the plan's prices.
    pub actual_monthly_usd: Money,
    /// Error of the cost, percent; null when the forecast cost is 0.
    pub error_percent: Option<Exact>,
}

/// One service of a phase.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ServiceComparison {
    /// Service key, e.g. `cloudwatch_logs`.
    pub service: String,
    /// The compared quantities.
    pub quantities: Vec<QuantityComparison>,
    /// The service's forecast monthly cost (all its line items).
    pub forecast_monthly_usd: Money,
    /// The service's monthly cost with the actual quantities (other line items as forecast).
    pub actual_monthly_usd: Money,
    /// Error of the cost, percent; null when the forecast cost is 0.
    pub error_percent: Option<Exact>,
}

/// One quantity.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuantityComparison {
    /// AWS usage key, e.g. `ingested_gb`.
    pub key: String,
    /// The line item it drives, e.g. `Logs ingested (Standard)`.
    pub name: String,
    /// Unit of `forecast` and `actual`, per month.
    pub unit: String,
    /// The plan's monthly quantity; null when the plan's usage is unknown.
    pub forecast: Option<Exact>,
    /// The measured monthly quantity; null when CloudWatch had no metric for it.
    pub actual: Option<Exact>,
    /// `(actual − forecast) ÷ forecast × 100`, two decimals; null when either is unknown or the
    /// forecast is 0.
    pub error_percent: Option<Exact>,
    /// Where the actual value came from (the snapshot's `query`).
    pub actual_query: Option<String>,
    /// True when the actual value was scaled from less data than the window.
    #[serde(default)]
    pub actual_extrapolated: bool,
}

fn measured_value(m: &Measured) -> Option<Decimal> {
    match (m.status, m.value) {
        (Status::Ok, Some(v)) => Decimal::from_f64(v).map(|d| d.round_dp(6).normalize()),
        _ => None,
    }
}

/// The monthly cost of `service` among `services` (0 when it has none).
fn service_cost(services: &[ServiceCost], service: &str) -> Decimal {
    services.iter().find(|s| s.service == service).map_or(Decimal::ZERO, |s| s.monthly_usd.0)
}

/// Compares every phase of `plan` with the actual usage.
pub fn compare(engine: &Engine<'_>, plan: &Plan, actual: &ActualUsage, file: &str) -> Result<ActualComparison> {
    let mut notes = Vec::new();
    if actual.region != plan.region {
        notes.push(format!(
            "the actual usage was read in {} but the plan prices {}: the quantities are compared as they are",
            actual.region, plan.region
        ));
    }
    for c in COMPARED {
        if (c.actual)(actual).and_then(measured_value).is_none() {
            notes.push(format!(
                "{} ({}.{}) was not measured: see the snapshot's not_measured",
                c.snapshot_key, c.service, c.key
            ));
        }
    }
    let mut phases = Vec::new();
    for ph in &plan.phases {
        let forecast_doc = &ph.aws_usage;
        let present: Vec<&Compared> = COMPARED.iter().filter(|c| (c.forecast)(forecast_doc).is_some()).collect();
        if present.is_empty() {
            notes.push(format!(
                "phase {} {}: none of CloudWatch Logs, CloudWatch metrics or X-Ray is on AWS yet, nothing to compare",
                ph.phase, ph.name
            ));
            continue;
        }
        let mut actual_doc = forecast_doc.clone();
        for c in &present {
            if let Some(v) = (c.actual)(actual).and_then(measured_value) {
                (c.set)(&mut actual_doc, Quantity(v));
            }
        }
        let actual_cost = engine
            .price(&actual_doc)
            .with_context(|| format!("cannot price phase {} with the actual quantities", ph.phase))?;
        let mut services: Vec<ServiceComparison> = Vec::new();
        for c in &present {
            let a = (c.actual)(actual);
            let forecast = (c.forecast)(forecast_doc).flatten().map(Quantity::get);
            let actual_v = a.and_then(measured_value);
            let q = QuantityComparison {
                key: c.key.to_string(),
                name: c.name.to_string(),
                unit: c.unit.to_string(),
                forecast: forecast.map(Exact),
                actual: actual_v.map(Exact),
                error_percent: forecast.zip(actual_v).and_then(|(f, a)| change_percent(f, a)).map(Exact),
                actual_query: a.map(|m| m.query.clone()),
                actual_extrapolated: a.is_some_and(|m| m.extrapolated),
            };
            match services.iter_mut().find(|s| s.service == c.service) {
                Some(s) => s.quantities.push(q),
                None => {
                    let f = service_cost(&ph.aws_services, c.service);
                    let a = service_cost(&actual_cost.services, c.service);
                    services.push(ServiceComparison {
                        service: c.service.to_string(),
                        quantities: vec![q],
                        forecast_monthly_usd: Money(f),
                        actual_monthly_usd: Money(a),
                        error_percent: change_percent(f, a).map(Exact),
                    });
                }
            }
        }
        let forecast_total: Decimal = services.iter().map(|s| s.forecast_monthly_usd.0).sum();
        let actual_total: Decimal = services.iter().map(|s| s.actual_monthly_usd.0).sum();
        phases.push(PhaseComparison {
            phase: ph.phase,
            name: ph.name.clone(),
            services,
            forecast_monthly_usd: Money(forecast_total),
            actual_monthly_usd: Money(actual_total),
            error_percent: change_percent(forecast_total, actual_total).map(Exact),
        });
    }
    Ok(ActualComparison {
        file: file.to_string(),
        region: actual.region.clone(),
        start: actual.start.clone(),
        end: actual.end.clone(),
        error_definition: "(actual - forecast) / forecast x 100: positive when the actual usage is above the forecast"
            .into(),
        phases,
        notes,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_error_is_relative_to_the_forecast() {
        assert_eq!(change_percent(Decimal::from(100), Decimal::from(125)), Some(Decimal::new(2500, 2)));
        assert_eq!(change_percent(Decimal::from(300), Decimal::from(200)), Some(Decimal::new(-3333, 2)));
        assert_eq!(change_percent(Decimal::ZERO, Decimal::from(5)), None);
    }

    #[test]
    fn every_compared_quantity_reads_and_writes_its_own_section() {
        let mut u: AwsUsage = serde_yaml::from_str(
            "cloudwatch_logs: {ingested_gb: 1}\ncloudwatch_metrics: {custom_metrics: 2, api_requests: 3}\nxray: {traces_recorded: 4}",
        )
        .unwrap();
        for (i, c) in COMPARED.iter().enumerate() {
            assert_eq!((c.forecast)(&u), Some(Some(Quantity(Decimal::from(i as u32 + 1)))), "{}", c.key);
            (c.set)(&mut u, Quantity(Decimal::from(10)));
            assert_eq!((c.forecast)(&u), Some(Some(Quantity(Decimal::from(10)))), "{}", c.key);
        }
        assert_eq!((COMPARED[0].forecast)(&AwsUsage::default()), None);
    }
}
