//! The difference between two plans as they are written (`obs-cost plan --format json`, the goldens
//! in `scenarios/expected/`; see [`Plan::as_written`]): per phase and per service the AWS and
//! self-hosted monthly costs, the net benefit, payback and decision; the decision tree; the unit
//! prices that moved (line items carry their price ids); and every other field of the JSON that
//! differs. Pure comparison: reading files is the caller's, rendering is `report::plan_diff`.

use std::collections::{BTreeMap, BTreeSet};

use anyhow::{Context, Result};
use rust_decimal::Decimal;
use serde::Serialize;
use serde_json::Value;

use super::document::{PhasePlan, Plan};
use crate::cost::ServiceCost;
use crate::roi::tree::Outcome;
use crate::roi::Decision;
use crate::units::change_percent;

/// Fields that name where and by what a plan was made, not what it says: never a difference (the
/// snapshot date of the scenario's region, `price_book_snapshot`, is compared).
const IGNORED: [&str; 4] = ["/scenario/file", "/price_book", "/price_book_regions", "/generated_by"];

/// An old and a new value of one field.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Change<T> {
    /// In the old plan (`None`: absent there).
    pub old: Option<T>,
    /// In the new plan (`None`: absent there).
    pub new: Option<T>,
}

impl<T: PartialEq> Change<T> {
    /// Whether the two differ.
    pub fn changed(&self) -> bool {
        self.old != self.new
    }
}

/// One phase compared.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PhaseDiff {
    /// Phase number.
    pub phase: u32,
    /// Its name (in the new plan, else the old).
    pub name: String,
    /// AWS managed services per month.
    pub aws_monthly_usd: Change<Decimal>,
    /// What still runs self-hosted per month.
    pub self_hosted_monthly_usd: Change<Decimal>,
    /// One-time cost.
    pub one_time_cost_usd: Change<Decimal>,
    /// Net monthly benefit.
    pub net_monthly_benefit_usd: Change<Decimal>,
    /// Payback, months (`None` inside: never).
    pub payback_months: Change<Option<u32>>,
    /// Decision.
    pub decision: Change<Decision>,
    /// Services whose monthly cost differs.
    pub services: Vec<ServiceDiff>,
}

impl PhaseDiff {
    /// Whether anything in the phase differs.
    pub fn changed(&self) -> bool {
        self.aws_monthly_usd.changed()
            || self.self_hosted_monthly_usd.changed()
            || self.one_time_cost_usd.changed()
            || self.net_monthly_benefit_usd.changed()
            || self.payback_months.changed()
            || self.decision.changed()
            || !self.services.is_empty()
    }
}

/// One service of one phase whose monthly cost differs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ServiceDiff {
    /// `aws` or `self_hosted`.
    pub side: &'static str,
    /// Usage-file key of the service, e.g. `rds`.
    pub service: String,
    /// Monthly cost (`None`: the service is absent on that side).
    pub monthly_usd: Change<Decimal>,
}

/// A unit price that differs between the two plans' line items.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MovedPrice {
    /// Price-book id.
    pub price_id: String,
    /// The tier that moved (`from 10000 GB`; `all` for a one-tier price), or the line item it
    /// prices when the plans carry no `prices` section.
    pub item: String,
    /// Unit of the price.
    pub unit: String,
    /// Old USD per unit.
    pub old_usd: Decimal,
    /// New USD per unit.
    pub new_usd: Decimal,
    /// `(new - old) / old × 100`, 2 decimals; `None` when old is 0.
    pub change_percent: Option<Decimal>,
}

/// Any other field that differs, by JSON pointer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FieldChange {
    /// JSON pointer, e.g. `/phases/2/npv_usd`.
    pub path: String,
    /// Old value as JSON text (`None`: absent).
    pub old: Option<String>,
    /// New value as JSON text (`None`: absent).
    pub new: Option<String>,
}

/// Where a plan came from, for the diff's heading.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PlanLabel {
    /// What the caller calls it (`golden scenarios/expected/x.json`, a file name, `current`).
    pub label: String,
    /// Scenario name.
    pub scenario: String,
    /// Price book (`bundled` or a directory).
    pub price_book: String,
    /// Snapshot date of the region's prices.
    pub price_book_snapshot: String,
}

/// Two plans compared.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PlanDiff {
    /// The old plan.
    pub old: PlanLabel,
    /// The new plan.
    pub new: PlanLabel,
    /// Self-hosted baseline per month.
    pub baseline_monthly_usd: Change<Decimal>,
    /// Every phase in either plan, by number.
    pub phases: Vec<PhaseDiff>,
    /// The decision tree's outcome.
    pub decision_tree: Change<Outcome>,
    /// Unit prices that moved.
    pub moved_prices: Vec<MovedPrice>,
    /// Every leaf field that differs (including those above), by JSON pointer.
    pub fields: Vec<FieldChange>,
    /// What the comparison could not hold like with like: plans of different scenarios, or a
    /// single-phase plan against one of other phases (then only the phases both hold are compared).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<String>,
}

impl FieldChange {
    /// The old value for display: at most 80 characters.
    pub fn old_short(&self) -> String {
        short(self.old.as_deref())
    }
    /// The new value for display: at most 80 characters.
    pub fn new_short(&self) -> String {
        short(self.new.as_deref())
    }
}

/// A JSON value's text cut to 80 characters (`absent` when missing), for messages and tables.
fn short(v: Option<&str>) -> String {
    const MAX: usize = 80;
    match v {
        None => "absent".into(),
        Some(t) if t.chars().count() > MAX => format!("{}…", t.chars().take(MAX).collect::<String>()),
        Some(t) => t.to_string(),
    }
}

impl PlanDiff {
    /// True when the plans say the same thing.
    pub fn is_empty(&self) -> bool {
        self.fields.is_empty()
    }

    /// Phases with a difference.
    pub fn changed_phases(&self) -> impl Iterator<Item = &PhaseDiff> {
        self.phases.iter().filter(|p| p.changed())
    }

    /// Phases whose decision differs (a phase one plan does not hold has no decision to flip).
    pub fn flipped(&self) -> impl Iterator<Item = &PhaseDiff> {
        self.phases.iter().filter(|p| p.decision.old.is_some() && p.decision.new.is_some() && p.decision.changed())
    }
}

fn label(label: &str, p: &Plan) -> PlanLabel {
    PlanLabel {
        label: label.to_string(),
        scenario: p.scenario.name.clone(),
        price_book: p.price_book.clone(),
        price_book_snapshot: p.price_book_snapshot.clone(),
    }
}

fn services(services: Option<&[ServiceCost]>) -> BTreeMap<&str, Decimal> {
    services.into_iter().flatten().map(|s| (s.service.as_str(), s.monthly_usd.0)).collect()
}

fn change<T: PartialEq>(old: Option<T>, new: Option<T>) -> Change<T> {
    Change { old, new }
}

/// One side's services of a phase.
type ServicesOf = fn(&PhasePlan) -> &[ServiceCost];

fn phase_diff(n: u32, o: Option<&PhasePlan>, w: Option<&PhasePlan>) -> PhaseDiff {
    let money = |f: fn(&PhasePlan) -> Decimal| change(o.map(f), w.map(f));
    let mut svc = Vec::new();
    let sides: [(&'static str, ServicesOf); 2] =
        [("aws", |p| &p.aws_services), ("self_hosted", |p| &p.self_hosted_services)];
    for (side, of) in sides {
        let (a, b) = (services(o.map(of)), services(w.map(of)));
        let names: BTreeSet<&str> = a.keys().chain(b.keys()).copied().collect();
        for name in names {
            let c = change(a.get(name).copied(), b.get(name).copied());
            if c.changed() {
                svc.push(ServiceDiff { side, service: name.to_string(), monthly_usd: c });
            }
        }
    }
    PhaseDiff {
        phase: n,
        name: w.or(o).map(|p| p.name.clone()).unwrap_or_default(),
        aws_monthly_usd: money(|p| p.aws_monthly_usd.0),
        self_hosted_monthly_usd: money(|p| p.self_hosted_monthly_usd.0),
        one_time_cost_usd: money(|p| p.one_time_cost_usd.0),
        net_monthly_benefit_usd: money(|p| p.net_monthly_benefit_usd.0),
        payback_months: change(o.map(|p| p.payback_months), w.map(|p| p.payback_months)),
        decision: change(o.map(|p| p.decision), w.map(|p| p.decision)),
        services: svc,
    }
}

/// (price id, tier) → (unit, USD), from the plan's `prices` section.
fn book_prices(p: &Plan) -> BTreeMap<(String, String), (String, Decimal)> {
    let mut out = BTreeMap::new();
    for used in &p.prices {
        for t in &used.tiers {
            let tier = if used.tiers.len() == 1 {
                "all".to_string()
            } else {
                format!("from {} {}", t.begin.normalize(), used.unit)
            };
            out.insert((used.id.clone(), tier), (used.unit.clone(), t.usd));
        }
    }
    out
}

/// (price id, item name) → (unit, unit price), from every line item of the plan, in the order the
/// JSON lists them (the baseline, then each phase's AWS and self-hosted services); the first wins.
fn unit_prices(p: &Plan) -> BTreeMap<(String, String), (String, Decimal)> {
    let mut out = BTreeMap::new();
    let phases = p.phases.iter().flat_map(|ph| ph.aws_services.iter().chain(&ph.self_hosted_services));
    for l in p.baseline.services.iter().chain(phases).flat_map(|s| &s.line_items) {
        out.entry((l.price_id.clone(), l.name.clone())).or_insert((l.unit.clone(), l.unit_price_usd.0));
    }
    out
}

fn dec(v: Option<&Value>) -> Option<Decimal> {
    match v? {
        Value::Number(n) => {
            n.to_string().parse::<Decimal>().ok().or_else(|| Decimal::from_scientific(&n.to_string()).ok())
        }
        _ => None,
    }
}

fn leaves(path: &str, old: Option<&Value>, new: Option<&Value>, out: &mut Vec<FieldChange>) {
    if IGNORED.contains(&path) {
        return;
    }
    match (old, new) {
        (Some(Value::Object(a)), Some(Value::Object(b))) => {
            for (k, x) in a {
                leaves(&format!("{path}/{}", escape(k)), Some(x), b.get(k), out);
            }
            for (k, y) in b.iter().filter(|(k, _)| !a.contains_key(*k)) {
                leaves(&format!("{path}/{}", escape(k)), None, Some(y), out);
            }
        }
        (Some(Value::Array(a)), Some(Value::Array(b))) => {
            for i in 0..a.len().max(b.len()) {
                leaves(&format!("{path}/{i}"), a.get(i), b.get(i), out);
            }
        }
        (a, b) => {
            let same = match (a, b) {
                (Some(Value::Number(_)), Some(Value::Number(_))) => dec(a) == dec(b),
                _ => a == b,
            };
            if !same {
                out.push(FieldChange {
                    path: path.to_string(),
                    old: a.map(Value::to_string),
                    new: b.map(Value::to_string),
                });
            }
        }
    }
}

fn escape(k: &str) -> String {
    k.replace('~', "~0").replace('/', "~1")
}

/// Compares two plans; `old_label` and `new_label` name them in the heading. Both should be as
/// written ([`Plan::as_written`] or read from a file), so that money compares to the cent.
pub fn diff(old_label: &str, old: &Plan, new_label: &str, new: &Plan) -> Result<PlanDiff> {
    let (old, new, mut warnings) = like_with_like(old_label, old, new_label, new);
    if old.scenario.name != new.scenario.name {
        warnings.insert(
            0,
            format!(
                "the plans are of different scenarios ('{}' in {old_label}, '{}' in {new_label}): any difference may come from the scenario, not from prices or obs-cost",
                old.scenario.name, new.scenario.name
            ),
        );
    }
    let (old, new) = (&old, &new);
    let (op, np): (BTreeMap<u32, &PhasePlan>, BTreeMap<u32, &PhasePlan>) =
        (old.phases.iter().map(|p| (p.phase, p)).collect(), new.phases.iter().map(|p| (p.phase, p)).collect());
    let numbers: BTreeSet<u32> = op.keys().chain(np.keys()).copied().collect();
    let phases = numbers.into_iter().map(|n| phase_diff(n, op.get(&n).copied(), np.get(&n).copied())).collect();
    // Prices from the `prices` sections; line items' unit prices for ids neither section has
    // (a free-tier line item is priced at 0, so only the sections see every moved price).
    let (mut a, mut b) = (book_prices(old), book_prices(new));
    let known: BTreeSet<String> = a.keys().chain(b.keys()).map(|k| k.0.clone()).collect();
    a.extend(unit_prices(old).into_iter().filter(|(k, _)| !known.contains(&k.0)));
    b.extend(unit_prices(new).into_iter().filter(|(k, _)| !known.contains(&k.0)));
    let moved_prices = a
        .iter()
        .filter_map(|(k, (_, o))| {
            let (unit, n) = b.get(k)?;
            (o != n).then(|| MovedPrice {
                price_id: k.0.clone(),
                item: k.1.clone(),
                unit: unit.clone(),
                old_usd: o.normalize(),
                new_usd: n.normalize(),
                change_percent: change_percent(*o, *n),
            })
        })
        .collect();
    let json = |p: &Plan| serde_json::to_value(p).context("cannot compare the plans as JSON");
    let mut fields = Vec::new();
    leaves("", Some(&json(old)?), Some(&json(new)?), &mut fields);
    Ok(PlanDiff {
        old: label(old_label, old),
        new: label(new_label, new),
        baseline_monthly_usd: change(
            Some(old.baseline.self_hosted_monthly_usd.0),
            Some(new.baseline.self_hosted_monthly_usd.0),
        ),
        phases,
        decision_tree: change(Some(old.decision_tree.outcome), Some(new.decision_tree.outcome)),
        moved_prices,
        fields,
        warnings,
    })
}

/// Phase numbers as words: `phase 3`, `phases 1-5`, `phases 1, 3`.
fn phase_list(phases: &[u32]) -> String {
    match phases {
        [one] => format!("phase {one}"),
        [first, .., last] if phases.windows(2).all(|w| matches!(w, [a, b] if *b == a + 1)) => {
            format!("phases {first}-{last}")
        }
        _ => format!("phases {}", phases.iter().map(u32::to_string).collect::<Vec<_>>().join(", ")),
    }
}

/// The two plans cut to what both can say: when either holds a single phase (`plan --phase`),
/// both are cut to that phase ([`Plan::only_phase`]) when the other holds it, with a warning
/// naming what was compared; a phase one plan lacks is otherwise listed as absent there.
fn like_with_like(old_label: &str, old: &Plan, new_label: &str, new: &Plan) -> (Plan, Plan, Vec<String>) {
    let numbers = |p: &Plan| p.phases.iter().map(|x| x.phase).collect::<Vec<u32>>();
    let (on, nn) = (numbers(old), numbers(new));
    if on == nn {
        return (old.clone(), new.clone(), Vec::new());
    }
    let single = new.selected_phase.or(old.selected_phase);
    match single {
        Some(n) if on.contains(&n) && nn.contains(&n) => {
            let (mut o, mut w) = (old.clone().only_phase(n), new.clone().only_phase(n));
            // What depends on which phases a plan holds (the ROI's best phase, the agents' path of
            // the last phase) is taken from the single-phase plan on both sides.
            let single = if new.selected_phase.is_some() { &w } else { &o };
            let (tree, agents) = (single.decision_tree.clone(), single.agent_transport.clone());
            for p in [&mut o, &mut w] {
                p.selected_phase = Some(n);
                p.decision_tree.roi_best_phase = tree.roi_best_phase;
                p.decision_tree.roi_decision = tree.roi_decision;
                p.decision_tree.agrees_with_roi = p.decision_tree.outcome.agrees_with(tree.roi_decision);
                p.decision_tree.note.clone_from(&tree.note);
                p.agent_transport.clone_from(&agents);
            }
            let warning = format!(
                "compared phase {n} only: {old_label} holds {}, {new_label} {} (the ROI's best phase and the agents' path, which depend on the phases a plan holds, are not compared)",
                phase_list(&on),
                phase_list(&nn)
            );
            (o, w, vec![warning])
        }
        _ => (
            old.clone(),
            new.clone(),
            vec![format!(
                "the plans hold different phases ({old_label}: {}, {new_label}: {}): a phase one plan lacks is shown as absent there, not as a change of decision",
                phase_list(&on),
                phase_list(&nn)
            )],
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::units::{Exact, Money};

    /// The example scenario's plan as written, with phase 1's AWS cost, a price and a decision set.
    fn plan(aws: &str, price: &str, decision: Decision) -> Plan {
        let golden =
            std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/scenarios/expected/example.json")).unwrap();
        let mut p = Plan::from_json(&golden).unwrap();
        let ph = &mut p.phases[0];
        ph.aws_monthly_usd = Money(aws.parse().unwrap());
        ph.aws_services[0].monthly_usd = Money(aws.parse().unwrap());
        ph.aws_services[0].line_items[0].unit_price_usd = Exact(price.parse().unwrap());
        ph.decision = decision;
        p.prices.retain(|u| u.id != ph.aws_services[0].line_items[0].price_id);
        p
    }

    #[test]
    fn a_price_change_shows_the_phase_the_service_and_the_moved_price() {
        let old = plan("10.00", "0.50", Decision::Stay);
        let new = plan("11.00", "0.55", Decision::MigrateNow);
        let d = diff("golden", &old, "current", &new).unwrap();
        assert!(!d.is_empty());
        let p = &d.phases[0];
        assert_eq!(p.aws_monthly_usd, change(Some(Decimal::from(10)), Some(Decimal::from(11))));
        assert_eq!(p.decision, change(Some(Decision::Stay), Some(Decision::MigrateNow)));
        assert_eq!(p.services.len(), 1);
        assert_eq!(d.moved_prices.len(), 1);
        assert_eq!(d.moved_prices[0].change_percent, Some(Decimal::new(1000, 2)));
        assert_eq!(d.flipped().count(), 1);
    }

    #[test]
    fn where_the_plan_was_made_is_not_a_difference_and_equal_numbers_are_equal() {
        let old = plan("10.00", "0.50", Decision::Stay);
        let mut new = plan("10.0", "0.500", Decision::Stay);
        new.scenario.file = "elsewhere/a.yaml".into();
        new.price_book = "/tmp/book".into();
        let d = diff("golden", &old, "current", &new).unwrap();
        assert!(d.is_empty(), "{:?}", d.fields);
    }
}
