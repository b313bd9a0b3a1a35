//! Properties of the cost engine, over generated usage (proptest): more usage never costs less;
//! the free tier on never costs more than off; where every tier of a price has the same rate, the
//! tiers add up to quantity x rate; the same scenario gives the same plan JSON, byte for byte.

use std::path::Path;

use obs_cost::cost::price;
use obs_cost::model::{AwsUsage, ModelContext};
use obs_cost::pricing::PriceBook;
use proptest::prelude::*;
use rust_decimal::Decimal;
use serde_yaml::Value;

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

/// The example usage file as a YAML tree (every service, every key).
fn example() -> Value {
    serde_yaml::from_str(&std::fs::read_to_string(format!("{ROOT}/examples/aws-usage.yaml")).unwrap()).unwrap()
}

/// Sets every numeric leaf but the month's hours to the next of `values` (cycled).
fn fill(v: &mut Value, values: &[u32], next: &mut usize) {
    match v {
        Value::Mapping(m) => {
            for (k, x) in m.iter_mut() {
                if !matches!(k.as_str(), Some("hours_per_month" | "hours")) {
                    fill(x, values, next);
                }
            }
        }
        Value::Sequence(items) => items.iter_mut().for_each(|x| fill(x, values, next)),
        Value::Number(_) => {
            *v = Value::from(values[*next % values.len()]);
            *next += 1;
        }
        _ => {}
    }
}

/// The example with its quantities set to `values` (whole numbers, cycled over the leaves; kept
/// below 51,200, where the price book's sourced S3 tiers end).
fn usage_with(values: &[u32]) -> AwsUsage {
    let mut doc = example();
    fill(&mut doc, values, &mut 0);
    serde_yaml::from_value(doc).unwrap()
}

fn total(book: &PriceBook, usage: &AwsUsage, free_tier: bool) -> Decimal {
    let ctx = ModelContext { hours_per_month: Decimal::from(730) };
    price(book, "us-east-1", free_tier, usage.components(&ctx)).unwrap().total_monthly_usd
}

fn book() -> PriceBook {
    PriceBook::bundled().unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn more_usage_never_costs_less(values in prop::collection::vec(0u32..40_000, 8..40), at in 0usize..40, more in 1u32..10_000) {
        let book = book();
        let mut bigger = values.clone();
        let i = at % bigger.len();
        bigger[i] = bigger[i].saturating_add(more);
        for free in [true, false] {
            let (a, b) = (total(&book, &usage_with(&values), free), total(&book, &usage_with(&bigger), free));
            prop_assert!(b >= a, "free tier {free}: {b} < {a} after raising quantity {i}");
        }
    }

    #[test]
    fn the_free_tier_on_never_costs_more_than_off(values in prop::collection::vec(0u32..40_000, 8..40)) {
        let (book, usage) = (book(), usage_with(&values));
        let (on, off) = (total(&book, &usage, true), total(&book, &usage, false));
        prop_assert!(on <= off, "on {on} > off {off}");
    }

    #[test]
    fn flat_tiers_add_up_to_quantity_times_rate(metrics in 0u64..50_000_000, rate_cents in 1u32..1000) {
        // CloudWatch custom metrics have four tiers; give them all the same rate.
        let mut book = book();
        let rate = Decimal::new(i64::from(rate_cents), 2);
        let entry = book.regions.get_mut("us-east-1").unwrap().entries.iter_mut().find(|e| e.id == "cloudwatch.metrics").unwrap();
        prop_assert!(entry.tiers.len() > 1);
        for t in &mut entry.tiers {
            t.usd = rate;
        }
        let usage: AwsUsage = serde_yaml::from_str(&format!("cloudwatch_metrics: {{custom_metrics: {metrics}}}")).unwrap();
        let ctx = ModelContext { hours_per_month: Decimal::from(730) };
        let c = price(&book, "us-east-1", false, usage.components(&ctx)).unwrap();
        let lines: Decimal = c.services[0].line_items.iter().filter(|l| l.price_id == "cloudwatch.metrics").filter_map(|l| l.monthly_usd).map(|m| m.0).sum();
        prop_assert_eq!(lines, Decimal::from(metrics) * rate);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 6, ..ProptestConfig::default() })]

    #[test]
    fn the_same_scenario_gives_the_same_plan_json(team in 4u32..40, dau in 1_000u32..2_000_000, growth in 0u32..5, seed in 0u64..1000) {
        let text = std::fs::read_to_string(format!("{ROOT}/scenarios/example.yaml")).unwrap()
            .replace("  engineers: 6 ", &format!("  engineers: {team} "))
            .replace("  dau: 40000 ", &format!("  dau: {dau} "))
            .replace("  monthly_growth_percent: 2 ", &format!("  monthly_growth_percent: {growth} "))
            .replace("  samples: 10000 ", "  samples: 300 ")
            .replace("  seed: 1 ", &format!("  seed: {seed} "));
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.yaml");
        std::fs::write(&path, text).unwrap();
        let book = book();
        let once = || obs_cost::plan::from_file(&path, None, &book, Path::new("s.yaml")).unwrap().0.to_json().unwrap();
        let (a, b) = (once(), once());
        prop_assert!(a == b, "two plans of the same scenario differ");
    }
}
