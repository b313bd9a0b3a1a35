//! Holding one plan against its scenario's `expect:` block (expectations and guardrails), and
//! turning a golden's [`PlanDiff`] into failures. Pure: no files, no formatting beyond the
//! expected/actual texts each failure carries.

use rust_decimal::Decimal;

use super::{Failure, FailureKind};
use crate::plan::diff::{Change, PlanDiff};
use crate::plan::{PhasePlan, Plan};
use crate::scenario::expect::{Expect, PhaseNo, Range};
use crate::units::{cents, months_or_never, round_cents};

/// How many generic field differences of a golden are listed when nothing more specific differs.
const MAX_FIELDS_LISTED: usize = 5;

fn money(v: Decimal) -> String {
    cents(v)
}

fn fail(
    kind: FailureKind,
    field: impl Into<String>,
    expected: impl Into<String>,
    actual: impl Into<String>,
) -> Failure {
    Failure { kind, field: field.into(), expected: expected.into(), actual: actual.into() }
}

fn payback(p: &PhasePlan) -> String {
    months_or_never(p.payback_months)
}

/// Every expectation and guardrail of `e` that `plan` does not hold.
pub fn expectations(plan: &Plan, e: &Expect) -> Vec<Failure> {
    use FailureKind::{Expectation, Guardrail};
    let mut out = Vec::new();
    let t = &plan.decision_tree;
    if let Some(want) = e.decision_tree {
        if want.as_str() != t.outcome.as_str() {
            out.push(fail(Expectation, "decision_tree", want.as_str(), t.outcome.as_str()));
        }
    }
    if let Some(want) = e.roi_best_phase {
        if want.0 != t.roi_best_phase {
            out.push(fail(Expectation, "roi_best_phase", want.to_string(), t.roi_best_phase.to_string()));
        }
    }
    if let Some(want) = e.tree_agrees_with_roi {
        if want != t.agrees_with_roi {
            out.push(fail(Expectation, "tree_agrees_with_roi", want.to_string(), t.agrees_with_roi.to_string()));
        }
    }
    let phase = |n: PhaseNo| plan.phases.iter().find(|p| p.phase == n.0);
    for pe in &e.phases {
        let key = |k: &str| format!("phases.{}.{k}", pe.phase);
        let Some(p) = phase(pe.phase) else {
            out.push(fail(Expectation, key("phase"), "in the plan", "not in the plan"));
            continue;
        };
        if let Some(want) = pe.decision {
            if want.as_str() != p.decision.as_str() {
                out.push(fail(Expectation, key("decision"), want.as_str(), p.decision.as_str()));
            }
        }
        let ranges: [(&str, Option<Range>, Decimal); 5] = [
            ("aws_monthly_usd", pe.aws_monthly_usd, p.aws_monthly_usd.0),
            ("self_hosted_monthly_usd", pe.self_hosted_monthly_usd, p.self_hosted_monthly_usd.0),
            ("net_monthly_benefit_usd", pe.net_monthly_benefit_usd, p.net_monthly_benefit_usd.0),
            ("one_time_cost_usd", pe.one_time_cost_usd, p.one_time_cost_usd.0),
            ("npv_usd", pe.npv_usd, p.npv_usd.0),
        ];
        for (name, range, actual) in ranges {
            if let Some(r) = range {
                if !r.holds(round_cents(actual)) {
                    out.push(fail(Expectation, key(name), r.to_string(), money(actual)));
                }
            }
        }
        if let Some(r) = pe.payback_months {
            if !p.payback_months.is_some_and(|m| r.holds(Decimal::from(m))) {
                out.push(fail(Expectation, key("payback_months"), r.to_string(), payback(p)));
            }
        }
    }
    let g = &e.guardrails;
    let in_scope = |p: &&PhasePlan| g.phases.as_ref().is_none_or(|list| list.iter().any(|n| n.0 == p.phase));
    for p in plan.phases.iter().filter(in_scope) {
        let key = |k: &str| format!("guardrails.{k} (phase {})", p.phase);
        let maxes = [
            ("max_aws_monthly_usd", g.max_aws_monthly_usd, p.aws_monthly_usd.0),
            ("max_total_monthly_usd", g.max_total_monthly_usd, p.total_monthly_usd.0),
            ("max_one_time_cost_usd", g.max_one_time_cost_usd, p.one_time_cost_usd.0),
        ];
        for (name, limit, actual) in maxes {
            if let Some(l) = limit {
                if round_cents(actual) > l.0 {
                    out.push(fail(Guardrail, key(name), format!("at most {}", l.0.normalize()), money(actual)));
                }
            }
        }
        let mins = [
            ("min_net_monthly_benefit_usd", g.min_net_monthly_benefit_usd, p.net_monthly_benefit_usd.0),
            ("min_npv_usd", g.min_npv_usd, p.npv_usd.0),
        ];
        for (name, limit, actual) in mins {
            if let Some(l) = limit {
                if round_cents(actual) < l.0 {
                    out.push(fail(Guardrail, key(name), format!("at least {}", l.0.normalize()), money(actual)));
                }
            }
        }
        if let Some(max) = g.max_payback_months {
            if p.payback_months.is_none_or(|m| m > max) {
                out.push(fail(Guardrail, key("max_payback_months"), format!("at most {max}"), payback(p)));
            }
        }
        if g.allow_provisional == Some(false) && p.provisional {
            out.push(fail(
                Guardrail,
                key("allow_provisional"),
                "an AWS cost with every usage known",
                format!("{} line item(s) with unknown usage", p.aws_unknown_line_items),
            ));
        }
    }
    if g.allow_unconfirmed_prices == Some(false) && !plan.unconfirmed_prices.is_empty() {
        let ids: Vec<&str> = plan.unconfirmed_prices.iter().map(|p| p.id.as_str()).collect();
        out.push(fail(
            Guardrail,
            "guardrails.allow_unconfirmed_prices",
            "confirmed prices only",
            format!("unconfirmed: {}", ids.join(", ")),
        ));
    }
    out
}

fn opt_money(v: Option<Decimal>) -> String {
    v.map_or_else(|| "absent".to_string(), money)
}

fn opt_text(v: Option<&str>) -> String {
    v.map_or_else(|| "absent".to_string(), str::to_string)
}

fn money_change(out: &mut Vec<Failure>, field: String, c: &Change<Decimal>) {
    if c.changed() {
        out.push(fail(FailureKind::Golden, field, opt_money(c.old), opt_money(c.new)));
    }
}

/// The differences from a golden plan, as failures: the decision tree, the prices that moved,
/// per-phase decisions and money, per-service money and, when nothing more specific differs, the first fields that do.
pub fn golden(d: &PlanDiff) -> Vec<Failure> {
    use FailureKind::Golden;
    let mut out = Vec::new();
    if d.decision_tree.changed() {
        out.push(fail(
            Golden,
            "decision_tree",
            opt_text(d.decision_tree.old.map(|o| o.as_str())),
            opt_text(d.decision_tree.new.map(|o| o.as_str())),
        ));
    }
    // The moved prices first: they explain the differences that follow.
    for m in &d.moved_prices {
        out.push(fail(
            Golden,
            format!("price {} ({})", m.price_id, m.item),
            format!("{} per {}", m.old_usd, m.unit),
            format!("{} per {}", m.new_usd, m.unit),
        ));
    }
    money_change(&mut out, "baseline.self_hosted_monthly_usd".into(), &d.baseline_monthly_usd);
    for p in d.changed_phases() {
        let key = |k: &str| format!("phases.{}.{k}", p.phase);
        if p.decision.changed() {
            out.push(fail(
                Golden,
                key("decision"),
                opt_text(p.decision.old.map(|d| d.as_str())),
                opt_text(p.decision.new.map(|d| d.as_str())),
            ));
        }
        money_change(&mut out, key("aws_monthly_usd"), &p.aws_monthly_usd);
        money_change(&mut out, key("self_hosted_monthly_usd"), &p.self_hosted_monthly_usd);
        money_change(&mut out, key("one_time_cost_usd"), &p.one_time_cost_usd);
        money_change(&mut out, key("net_monthly_benefit_usd"), &p.net_monthly_benefit_usd);
        if p.payback_months.changed() {
            let show = |v: Option<Option<u32>>| v.map_or_else(|| "absent".to_string(), months_or_never);
            out.push(fail(Golden, key("payback_months"), show(p.payback_months.old), show(p.payback_months.new)));
        }
        for s in &p.services {
            money_change(&mut out, key(&format!("{}_services.{}.monthly_usd", s.side, s.service)), &s.monthly_usd);
        }
    }
    if out.is_empty() {
        for f in d.fields.iter().take(MAX_FIELDS_LISTED) {
            out.push(fail(Golden, f.path.clone(), f.old_short(), f.new_short()));
        }
        if d.fields.len() > MAX_FIELDS_LISTED {
            out.push(fail(
                Golden,
                format!("{} more field(s)", d.fields.len() - MAX_FIELDS_LISTED),
                "as in the golden",
                "different (see --format json)",
            ));
        }
    }
    out
}
