//! Choosing AWS sizes from measured load: the cheapest RDS class or ElastiCache node type that
//! fits and has a price in the region, and the smallest valid Fargate task size. Pure: candidates
//! are priced through a closure the caller gives, which goes through the cost engine.

use rust_decimal::prelude::FromPrimitive;
use rust_decimal::Decimal;

use crate::model::ec2::InstanceSpec;
use crate::model::elasticache::ELASTICACHE_NODE_TYPES;
use crate::model::rds::RDS_INSTANCE_CLASSES;

/// A size on offer: its name and capacity.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    /// Class or type name, e.g. `db.t4g.medium`.
    pub name: &'static str,
    /// vCPUs.
    pub vcpu: Decimal,
    /// Memory, GiB.
    pub memory_gb: Decimal,
}

fn catalog(specs: &[InstanceSpec]) -> Vec<Candidate> {
    specs
        .iter()
        .map(|s| Candidate {
            name: s.name,
            vcpu: Decimal::from(s.vcpu),
            memory_gb: Decimal::from_f64(s.memory_gib).unwrap_or_default().round_dp(2),
        })
        .collect()
}

/// RDS for PostgreSQL instance classes (the RDS model's public catalog).
pub fn rds_classes() -> Vec<Candidate> {
    catalog(RDS_INSTANCE_CLASSES)
}

/// ElastiCache node types (the ElastiCache model's public catalog).
pub fn elasticache_nodes() -> Vec<Candidate> {
    catalog(ELASTICACHE_NODE_TYPES)
}

/// The cheapest candidate with at least `vcpu` and `memory_gb` whose monthly price `price` can
/// give (candidates without a price in the region, `Ok(None)`, are skipped and listed; an error
/// pricing one is returned).
pub fn cheapest_fitting(
    catalog: &[Candidate],
    vcpu: Decimal,
    memory_gb: Decimal,
    mut price: impl FnMut(&Candidate) -> anyhow::Result<Option<Decimal>>,
) -> anyhow::Result<Sizing> {
    let mut best: Option<(Candidate, Decimal)> = None;
    let mut unpriced = Vec::new();
    for cand in catalog.iter().filter(|c| c.vcpu >= vcpu && c.memory_gb >= memory_gb) {
        match price(cand)? {
            Some(p) => {
                if best.as_ref().is_none_or(|(_, b)| p < *b) {
                    best = Some((cand.clone(), p));
                }
            }
            None => unpriced.push(cand.name),
        }
    }
    let skipped_smaller = match &best {
        Some((chosen, _)) => catalog
            .iter()
            .filter(|c| unpriced.contains(&c.name) && c.vcpu <= chosen.vcpu && c.memory_gb <= chosen.memory_gb)
            .map(|c| c.name)
            .collect(),
        None => Vec::new(),
    };
    Ok(Sizing { chosen: best.map(|(c, _)| c), unpriced, skipped_smaller })
}

/// The outcome of a sizing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sizing {
    /// The cheapest fitting, priced candidate, if any.
    pub chosen: Option<Candidate>,
    /// Fitting candidates skipped for lack of a price in the region.
    pub unpriced: Vec<&'static str>,
    /// Those of them no larger than the chosen one in vCPU and memory: one of them could have been
    /// cheaper, so the sizing warns.
    pub skipped_smaller: Vec<&'static str>,
}

/// Fargate's valid task sizes: for each vCPU, the memory range and step in GB.
const FARGATE: &[(i64, i64, i64, i64)] = &[
    // (vCPU in quarters, min GB ×2, max GB ×2, step GB ×2): halves allow 0.5 GB.
    (1, 1, 4, 1),
    (2, 2, 8, 2),
    (4, 4, 16, 2),
    (8, 8, 32, 2),
    (16, 16, 60, 2),
    (32, 32, 120, 8),
    (64, 64, 240, 16),
];

/// The smallest valid Fargate task size (vCPU, GB) with at least `vcpu` and `memory_gb`, or `None`
/// when the need exceeds the largest size (16 vCPU, 120 GB).
pub fn fargate_task(vcpu: Decimal, memory_gb: Decimal) -> Option<(Decimal, Decimal)> {
    for &(quarters, min2, max2, step2) in FARGATE {
        let cpu = Decimal::new(quarters * 25, 2);
        if cpu < vcpu {
            continue;
        }
        let mut m2 = min2;
        // 0.25 vCPU offers 0.5, 1 and 2 GB only.
        while m2 <= max2 {
            let mem = Decimal::new(m2 * 5, 1);
            if mem >= memory_gb {
                return Some((cpu.normalize(), mem.normalize()));
            }
            m2 = if quarters == 1 { m2 * 2 } else { m2 + step2 };
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    #[test]
    fn fargate_sizes_round_up_to_valid_combinations() {
        assert_eq!(fargate_task(d("0.1"), d("0.3")), Some((d("0.25"), d("0.5"))));
        assert_eq!(fargate_task(d("0.2"), d("1.5")), Some((d("0.25"), d("2"))));
        assert_eq!(fargate_task(d("0.3"), d("1.5")), Some((d("0.5"), d("2"))));
        assert_eq!(fargate_task(d("1.3"), d("2.6")), Some((d("2"), d("4"))));
        assert_eq!(fargate_task(d("2"), d("4")), Some((d("2"), d("4"))));
        assert_eq!(fargate_task(d("8"), d("17")), Some((d("8"), d("20"))));
        assert_eq!(fargate_task(d("9"), d("40")), Some((d("16"), d("40"))));
        assert_eq!(fargate_task(d("17"), d("1")), None);
    }

    #[test]
    fn cheapest_priced_fit_wins_and_unpriced_are_listed() {
        let cat = rds_classes();
        let s = cheapest_fitting(&cat, d("2"), d("6"), |c| {
            Ok(match c.name {
                "db.t3.large" => None,
                "db.r7g.large" => Some(d("400")),
                "db.m7g.large" => Some(d("170")),
                _ => None,
            })
        })
        .unwrap();
        assert_eq!(s.chosen.as_ref().unwrap().name, "db.m7g.large");
        assert!(s.unpriced.contains(&"db.t3.large"));
        // db.t3.large (2 vCPU, 8 GB) is no larger than db.m7g.large and has no price: it could have
        // been cheaper. The larger unpriced classes could not.
        assert!(s.skipped_smaller.contains(&"db.t3.large") && s.skipped_smaller.contains(&"db.m6g.large"));
        assert!(!s.skipped_smaller.contains(&"db.r6g.large") && !s.skipped_smaller.contains(&"db.m6g.xlarge"));
    }
}
