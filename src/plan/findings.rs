//! What the plan must not hide: sizings that passed over fitting classes for lack of a price and
//! switch-point searches that stopped where nothing could be priced ([`sizing_warnings`]), and the
//! agents' traffic to AWS priced both ways, through the NAT gateway and through VPC interface
//! endpoints ([`agent_transport`], priced with the cost engine).

use anyhow::Result;
use rust_decimal::Decimal;

use super::document::{AgentTransport, SizingWarning};
use super::engine::{AwsPhase, Engine};
use super::switch::Stop;
use crate::model::nat_gateway::NatGateway;
use crate::model::vpc_endpoint::VpcEndpoint;
use crate::model::AwsUsage;
use crate::scenario::hidden::AgentPath;
use crate::units::{group_thousands, usd, Exact, Money, Quantity};

/// `a`, `a and b`, `a, b and c`.
fn and_list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// The warnings of the plan's own sizings (at the scenario's DAU), then one per distinct stop of
/// the switch-point searches (the phases it ended listed together).
pub fn sizing_warnings(engine: &Engine<'_>, state: &[AwsPhase], stops: &[Stop]) -> Vec<SizingWarning> {
    let region = &engine.scenario.region;
    let dau = engine.scenario.traffic.dau.0;
    let mut out = Vec::new();
    for (p, aws) in engine.phases.iter().zip(state) {
        for s in &aws.skipped {
            let skipped: Vec<String> = s.skipped.iter().map(|n| n.to_string()).collect();
            let verb = if skipped.len() == 1 { "fits, has" } else { "fit, have" };
            out.push(SizingWarning {
                phases: vec![p.phase],
                workload: s.workload,
                dau: Exact(dau),
                text: format!(
                    "phase {} {}: {} is priced while {}, which {verb} no price in {region}: the {} could cost less; add the price (obs-cost pricing refresh --region {region}) or pin the size in the scenario's mapping",
                    p.phase,
                    s.workload,
                    s.priced,
                    and_list(&skipped),
                    s.workload
                ),
                skipped,
                priced: Some(s.priced.to_string()),
            });
        }
    }
    let mut grouped: Vec<(&Stop, Vec<u32>)> = Vec::new();
    for st in stops {
        match grouped.iter_mut().find(|(g, _)| g.dau == st.dau && g.reason == st.reason) {
            Some((_, phases)) => phases.push(st.phase),
            None => grouped.push((st, vec![st.phase])),
        }
    }
    for (st, phases) in grouped {
        let Some(workload) = st.workload else { continue };
        let names: Vec<String> = phases.iter().map(u32::to_string).collect();
        let upto = st.searched_max.map_or_else(|| "no DAU".to_string(), |d| format!("{} DAU", group_thousands(d, 0)));
        out.push(SizingWarning {
            text: format!(
                "the switch-point search of phase {} stopped at {} DAU, where no {workload} size can be priced: {}; its DAU switch points hold up to {upto} only",
                and_list(&names),
                group_thousands(st.dau, 0),
                st.reason
            ),
            phases,
            workload,
            dau: Exact(st.dau),
            skipped: st.unpriced.iter().map(|n| n.to_string()).collect(),
            priced: None,
        });
    }
    out
}

/// The agents' traffic of the last phase with compute on AWS (behind a NAT gateway), priced as NAT
/// data processed and through VPC interface endpoints, with the sentence saying which is cheaper.
pub fn agent_transport(engine: &Engine<'_>, state: &[AwsPhase]) -> Result<Option<AgentTransport>> {
    let Some((phase, t)) =
        engine.phases.iter().zip(state).rev().find_map(|(p, a)| a.telemetry.as_ref().map(|t| (p.phase, t)))
    else {
        return Ok(None);
    };
    let gb = t.gb.map(Quantity);
    let cost = |usage: AwsUsage| -> Result<Option<Decimal>> {
        let c = engine.price(&usage)?;
        Ok((c.unknown_line_items == 0).then_some(c.total_monthly_usd))
    };
    let nat = cost(AwsUsage {
        nat_gateways: vec![NatGateway {
            name: "telemetry".into(),
            count: Some(Quantity(Decimal::ZERO)),
            hours: None,
            processed_gb: gb,
        }],
        ..AwsUsage::default()
    })?;
    let n = t.endpoints.len();
    let endpoints = cost(AwsUsage {
        vpc_endpoints: vec![VpcEndpoint {
            name: "telemetry".into(),
            endpoints: Some(Quantity(Decimal::from(n))),
            availability_zones: Some(Quantity(Decimal::from(t.availability_zones))),
            hours: None,
            processed_gb: gb,
        }],
        ..AwsUsage::default()
    })?;
    let cheaper = match (nat, endpoints) {
        (Some(a), Some(b)) if a <= b => Some(AgentPath::Nat),
        (Some(_), Some(_)) => Some(AgentPath::VpcEndpoints),
        _ => None,
    };
    let shown = |v: Option<Decimal>| v.map_or_else(|| "unknown".to_string(), usd);
    let verdict = match (cheaper, nat, endpoints) {
        (Some(AgentPath::Nat), Some(a), Some(b)) => format!("the NAT gateway is cheaper by {}", usd(b - a)),
        (Some(AgentPath::VpcEndpoints), Some(a), Some(b)) => format!("the endpoints are cheaper by {}", usd(a - b)),
        _ => "which is cheaper depends on the unknown volume".into(),
    };
    let plan_way = match t.via {
        AgentPath::Nat => "the NAT gateway",
        AgentPath::VpcEndpoints => "the endpoints",
    };
    let text = format!(
        "Agents' traffic to AWS (phase {phase}): {} GB/month to {} costs {}/month through the NAT gateway and {}/month through {n} VPC interface endpoint(s) in {} AZs: {verdict}; the plan sends it through {plan_way} (mapping.network.agents_via: {}).",
        t.gb.map_or_else(|| "unknown".to_string(), |g| group_thousands(g, 2)),
        t.endpoints.join(", "),
        shown(nat),
        shown(endpoints),
        t.availability_zones,
        t.via.as_str()
    );
    Ok(Some(AgentTransport {
        phase,
        via: t.via,
        telemetry_gb: t.gb.map(Exact),
        endpoints: t.endpoints.iter().map(|e| e.to_string()).collect(),
        availability_zones: t.availability_zones,
        nat_monthly_usd: nat.map(Money),
        vpc_endpoints_monthly_usd: endpoints.map(Money),
        cheaper,
        text,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_read_as_sentences() {
        let s = |v: &[&str]| and_list(&v.iter().map(|x| x.to_string()).collect::<Vec<_>>());
        assert_eq!(s(&[]), "");
        assert_eq!(s(&["a"]), "a");
        assert_eq!(s(&["a", "b", "c"]), "a, b and c");
    }
}
