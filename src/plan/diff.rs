//! The difference between two plans, compared as plan JSON documents (`obs-cost plan --format
//! json`, the goldens in `scenarios/expected/`): per phase and per service the AWS and self-hosted
//! monthly costs, the net benefit, payback and decision; the decision tree; the unit prices that
//! moved (line items carry their price ids); and every other field that differs. Pure comparison:
//! reading files is the caller's, rendering is `report::plan_diff_*`.

use std::collections::BTreeMap;

use anyhow::{bail, Result};
use rust_decimal::Decimal;
use serde::Serialize;
use serde_json::Value;

use super::PLAN_SCHEMA_VERSION;

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
    pub phase: u64,
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
    pub payback_months: Change<Option<u64>>,
    /// Decision.
    pub decision: Change<String>,
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
    pub decision_tree: Change<String>,
    /// Unit prices that moved.
    pub moved_prices: Vec<MovedPrice>,
    /// Every leaf field that differs (including those above), by JSON pointer.
    pub fields: Vec<FieldChange>,
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

    /// Phases whose decision differs.
    pub fn flipped(&self) -> impl Iterator<Item = &PhaseDiff> {
        self.phases.iter().filter(|p| p.decision.changed())
    }
}

/// Checks that a JSON document is a plan this build can compare; `what` names it in errors.
pub fn check_plan_json(v: &Value, what: &str) -> Result<()> {
    match v.get("schema_version").and_then(Value::as_u64) {
        Some(n) if n == u64::from(PLAN_SCHEMA_VERSION) && v.get("phases").is_some_and(Value::is_array) => Ok(()),
        Some(n) if v.get("phases").is_some() => bail!(
            "{what} is a plan of schema_version {n}, but this build compares plans of schema_version {PLAN_SCHEMA_VERSION}\nhint: write it again with this build's `obs-cost plan --format json` (or `scenarios check --update`)"
        ),
        _ => bail!(
            "{what} is not a plan JSON document (no `schema_version` and `phases`)\nhint: give a file written by `obs-cost plan --format json`"
        ),
    }
}

fn dec(v: Option<&Value>) -> Option<Decimal> {
    match v? {
        Value::Number(n) => {
            n.to_string().parse::<Decimal>().ok().or_else(|| Decimal::from_scientific(&n.to_string()).ok())
        }
        Value::String(s) => s.parse().ok(),
        _ => None,
    }
}

fn text(v: Option<&Value>) -> Option<String> {
    v.and_then(Value::as_str).map(String::from)
}

fn label(label: &str, v: &Value) -> PlanLabel {
    PlanLabel {
        label: label.to_string(),
        scenario: text(v.pointer("/scenario/name")).unwrap_or_default(),
        price_book: text(v.get("price_book")).unwrap_or_default(),
        price_book_snapshot: text(v.get("price_book_snapshot")).unwrap_or_default(),
    }
}

fn by_phase(v: &Value) -> BTreeMap<u64, &Value> {
    v.get("phases")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(|p| Some((p.get("phase")?.as_u64()?, p)))
        .collect()
}

fn services(phase: Option<&Value>, key: &str) -> BTreeMap<String, Decimal> {
    phase
        .and_then(|p| p.get(key))
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(|s| Some((text(s.get("service"))?, dec(s.get("monthly_usd"))?)))
        .collect()
}

fn change<T: PartialEq>(old: Option<T>, new: Option<T>) -> Change<T> {
    Change { old, new }
}

fn phase_diff(n: u64, o: Option<&Value>, w: Option<&Value>) -> PhaseDiff {
    let get = |p: Option<&Value>, k: &str| dec(p.and_then(|p| p.get(k)));
    let payback = |p: Option<&Value>| p.map(|p| p.get("payback_months").and_then(Value::as_u64));
    let mut svc = Vec::new();
    for (side, key) in [("aws", "aws_services"), ("self_hosted", "self_hosted_services")] {
        let (a, b) = (services(o, key), services(w, key));
        let names: std::collections::BTreeSet<&String> = a.keys().chain(b.keys()).collect();
        for name in names {
            let c = change(a.get(name).copied(), b.get(name).copied());
            if c.changed() {
                svc.push(ServiceDiff { side, service: name.clone(), monthly_usd: c });
            }
        }
    }
    PhaseDiff {
        phase: n,
        name: text(w.or(o).and_then(|p| p.get("name"))).unwrap_or_default(),
        aws_monthly_usd: change(get(o, "aws_monthly_usd"), get(w, "aws_monthly_usd")),
        self_hosted_monthly_usd: change(get(o, "self_hosted_monthly_usd"), get(w, "self_hosted_monthly_usd")),
        one_time_cost_usd: change(get(o, "one_time_cost_usd"), get(w, "one_time_cost_usd")),
        net_monthly_benefit_usd: change(get(o, "net_monthly_benefit_usd"), get(w, "net_monthly_benefit_usd")),
        payback_months: change(payback(o), payback(w)),
        decision: change(text(o.and_then(|p| p.get("decision"))), text(w.and_then(|p| p.get("decision")))),
        services: svc,
    }
}

/// (price id, tier) → (unit, USD), from the plan's `prices` section.
fn book_prices(v: &Value) -> BTreeMap<(String, String), (String, Decimal)> {
    let mut out = BTreeMap::new();
    for p in v.get("prices").and_then(Value::as_array).into_iter().flatten() {
        let (Some(id), unit) = (text(p.get("id")), text(p.get("unit")).unwrap_or_default()) else { continue };
        let tiers = p.get("tiers").and_then(Value::as_array).cloned().unwrap_or_default();
        for t in &tiers {
            let (Some(begin), Some(usd)) = (dec(t.get("begin")), dec(t.get("usd"))) else { continue };
            let tier = if tiers.len() == 1 { "all".to_string() } else { format!("from {} {unit}", begin.normalize()) };
            out.insert((id.clone(), tier), (unit.clone(), usd));
        }
    }
    out
}

/// (price id, item name) → (unit, unit price), from every line item anywhere in the plan.
fn unit_prices(v: &Value, out: &mut BTreeMap<(String, String), (String, Decimal)>) {
    match v {
        Value::Object(o) => {
            if let (Some(id), Some(name), Some(price)) =
                (text(o.get("price_id")), text(o.get("name")), dec(o.get("unit_price_usd")))
            {
                out.entry((id, name)).or_insert((text(o.get("unit")).unwrap_or_default(), price));
            }
            o.values().for_each(|x| unit_prices(x, out));
        }
        Value::Array(a) => a.iter().for_each(|x| unit_prices(x, out)),
        _ => {}
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

fn percent(old: Decimal, new: Decimal) -> Option<Decimal> {
    (!old.is_zero()).then(|| {
        let mut p = ((new - old) / old * Decimal::from(100)).round_dp(2);
        p.rescale(2);
        p
    })
}

/// Compares two plan JSON documents (both checked with [`check_plan_json`]).
pub fn diff(old_label: &str, old: &Value, new_label: &str, new: &Value) -> PlanDiff {
    let (op, np) = (by_phase(old), by_phase(new));
    let numbers: std::collections::BTreeSet<u64> = op.keys().chain(np.keys()).copied().collect();
    let phases = numbers.into_iter().map(|n| phase_diff(n, op.get(&n).copied(), np.get(&n).copied())).collect();
    // Prices from the `prices` sections; line items' unit prices for ids neither section has
    // (a free-tier line item is priced at 0, so only the sections see every moved price).
    let (mut a, mut b) = (book_prices(old), book_prices(new));
    let known: std::collections::BTreeSet<String> = a.keys().chain(b.keys()).map(|k| k.0.clone()).collect();
    let (mut la, mut lb) = (BTreeMap::new(), BTreeMap::new());
    unit_prices(old, &mut la);
    unit_prices(new, &mut lb);
    a.extend(la.into_iter().filter(|(k, _)| !known.contains(&k.0)));
    b.extend(lb.into_iter().filter(|(k, _)| !known.contains(&k.0)));
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
                change_percent: percent(*o, *n),
            })
        })
        .collect();
    let mut fields = Vec::new();
    leaves("", Some(old), Some(new), &mut fields);
    PlanDiff {
        old: label(old_label, old),
        new: label(new_label, new),
        baseline_monthly_usd: change(
            dec(old.pointer("/baseline/self_hosted_monthly_usd")),
            dec(new.pointer("/baseline/self_hosted_monthly_usd")),
        ),
        phases,
        decision_tree: change(text(old.pointer("/decision_tree/outcome")), text(new.pointer("/decision_tree/outcome"))),
        moved_prices,
        fields,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn plan(aws: &str, price: &str, decision: &str) -> Value {
        let aws: Value = serde_json::from_str(aws).unwrap();
        let price: Value = serde_json::from_str(price).unwrap();
        json!({
            "schema_version": 1, "scenario": {"name": "s", "file": "a.yaml"}, "price_book": "bundled",
            "price_book_snapshot": "2026-11-01", "baseline": {"self_hosted_monthly_usd": 100.00},
            "decision_tree": {"outcome": "keep_compose"},
            "phases": [{"phase": 1, "name": "monitoring", "aws_monthly_usd": aws, "self_hosted_monthly_usd": 50.00,
                "one_time_cost_usd": 10.00, "net_monthly_benefit_usd": 5.00, "payback_months": 2, "decision": decision,
                "aws_services": [{"service": "cloudwatch_logs", "monthly_usd": aws, "line_items": [
                    {"name": "Data ingested", "unit": "GB", "unit_price_usd": price, "price_id": "cloudwatch_logs.ingest"}]}],
                "self_hosted_services": []}]
        })
    }

    #[test]
    fn a_price_change_shows_the_phase_the_service_and_the_moved_price() {
        let old = plan("10.00", "0.50", "stay");
        let new = plan("11.00", "0.55", "migrate_now");
        check_plan_json(&old, "old").unwrap();
        let d = diff("golden", &old, "current", &new);
        assert!(!d.is_empty());
        let p = &d.phases[0];
        assert_eq!(p.aws_monthly_usd, change(Some(Decimal::from(10)), Some(Decimal::from(11))));
        assert_eq!(p.decision, change(Some("stay".to_string()), Some("migrate_now".to_string())));
        assert_eq!(p.services.len(), 1);
        assert_eq!(d.moved_prices.len(), 1);
        assert_eq!(d.moved_prices[0].price_id, "cloudwatch_logs.ingest");
        assert_eq!(d.moved_prices[0].change_percent, Some(Decimal::new(1000, 2)));
        assert_eq!(d.flipped().count(), 1);
    }

    #[test]
    fn where_the_plan_was_made_is_not_a_difference_and_equal_numbers_are_equal() {
        let old = plan("10.00", "0.50", "stay");
        let mut new = plan("10.0", "0.500", "stay");
        new["scenario"]["file"] = json!("elsewhere/a.yaml");
        new["price_book"] = json!("/tmp/book");
        let d = diff("golden", &old, "current", &new);
        assert!(d.is_empty(), "{:?}", d.fields);
        assert!(check_plan_json(&json!({"a": 1}), "x.json").is_err());
    }
}
