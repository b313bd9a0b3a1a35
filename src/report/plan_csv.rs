//! The plan as CSV, one row per phase with its costs, ROI terms and decision, for spreadsheets.
//! Money is exact (unrounded); line items are in the JSON and `estimate --format csv`.

use anyhow::Result;

use crate::plan::Plan;

fn d(v: rust_decimal::Decimal) -> String {
    v.normalize().to_string()
}

/// A plan as CSV.
pub fn plan(p: &Plan) -> Result<String> {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record([
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
    ])?;
    for ph in &p.phases {
        let sp = p.switch_points.iter().find(|s| s.phase == ph.phase);
        w.write_record([
            p.scenario.name.clone(),
            p.region.clone(),
            ph.phase.to_string(),
            ph.name.clone(),
            d(ph.aws_monthly_usd),
            ph.aws_unknown_line_items.to_string(),
            d(ph.self_hosted_monthly_usd),
            d(p.baseline.self_hosted_monthly_usd),
            d(ph.one_time_cost_usd),
            d(ph.roi.infra_delta_usd),
            d(ph.roi.ops_labor_saved_usd),
            d(ph.roi.downtime_saved_usd),
            d(ph.roi.productivity_gained_usd),
            d(ph.net_monthly_benefit_usd),
            ph.payback_months.map_or_else(|| "never".into(), |m| m.to_string()),
            d(ph.npv_usd),
            ph.decision.as_str().into(),
            sp.and_then(|s| s.dau_net_zero).map_or_else(String::new, d),
            sp.and_then(|s| s.dau_net_1000).map_or_else(String::new, d),
        ])?;
    }
    Ok(String::from_utf8(w.into_inner()?)?)
}
