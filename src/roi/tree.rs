//! The seed's "when to switch" decision tree (seed 000): team size, then DAU, then ops burden,
//! with configurable thresholds, and its comparison with the ROI decision. Pure.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::Decision;
use crate::scenario::{OpsBurden, TreeThresholds};
use crate::units::group_thousands;

/// Where the tree ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    /// Stay on Docker Compose.
    KeepCompose,
    /// Consider AWS (large team).
    ConsiderAws,
    /// Migrate to AWS (high traffic).
    MigrateToAws,
    /// Migrate gradually (mid traffic, burdensome operations).
    GradualMigration,
}

impl Outcome {
    /// The JSON name.
    pub fn as_str(self) -> &'static str {
        match self {
            Outcome::KeepCompose => "keep_compose",
            Outcome::ConsiderAws => "consider_aws",
            Outcome::MigrateToAws => "migrate_to_aws",
            Outcome::GradualMigration => "gradual_migration",
        }
    }

    /// Whether an ROI decision agrees with this outcome.
    pub fn agrees_with(self, d: Decision) -> bool {
        match self {
            Outcome::KeepCompose => d == Decision::Stay,
            Outcome::ConsiderAws => d != Decision::Stay,
            Outcome::MigrateToAws => d == Decision::MigrateNow,
            Outcome::GradualMigration => d == Decision::MigrateGradually,
        }
    }
}

/// The path taken and the outcome.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TreeResult {
    /// `keep_compose`, `consider_aws`, `migrate_to_aws` or `gradual_migration`.
    pub outcome: Outcome,
    /// Each question asked and the branch taken.
    pub path: Vec<String>,
}

/// Walks the tree.
pub fn walk(engineers: u32, dau: Decimal, burden: OpsBurden, t: &TreeThresholds) -> TreeResult {
    let mut path = Vec::new();
    if engineers <= t.small_team_max {
        path.push(format!("team size {engineers}: at most {} engineers -> keep Compose", t.small_team_max));
        return TreeResult { outcome: Outcome::KeepCompose, path };
    }
    if engineers > t.mid_team_max {
        path.push(format!("team size {engineers}: more than {} engineers -> consider AWS", t.mid_team_max));
        return TreeResult { outcome: Outcome::ConsiderAws, path };
    }
    path.push(format!(
        "team size {engineers}: {} to {} engineers -> look at traffic",
        t.small_team_max + 1,
        t.mid_team_max
    ));
    let (low, high) = (t.low_dau_below.0, t.high_dau_from.0);
    let dau_s = group_thousands(dau, 0);
    if dau < low {
        path.push(format!("DAU {dau_s}: below {} -> keep Compose", group_thousands(low, 0)));
        return TreeResult { outcome: Outcome::KeepCompose, path };
    }
    if dau >= high {
        path.push(format!("DAU {dau_s}: {} or more -> migrate to AWS", group_thousands(high, 0)));
        return TreeResult { outcome: Outcome::MigrateToAws, path };
    }
    path.push(format!(
        "DAU {dau_s}: from {} to below {} -> look at the ops burden",
        group_thousands(low, 0),
        group_thousands(high, 0)
    ));
    match burden {
        OpsBurden::Manageable => {
            path.push("ops burden manageable -> keep Compose".into());
            TreeResult { outcome: Outcome::KeepCompose, path }
        }
        OpsBurden::Burdensome => {
            path.push("ops burden burdensome -> gradual migration".into());
            TreeResult { outcome: Outcome::GradualMigration, path }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t() -> TreeThresholds {
        TreeThresholds::default()
    }

    #[test]
    fn every_leaf_of_the_seed_tree() {
        let d = Decimal::from;
        assert_eq!(walk(3, d(1_000_000), OpsBurden::Burdensome, &t()).outcome, Outcome::KeepCompose);
        assert_eq!(walk(11, d(100), OpsBurden::Manageable, &t()).outcome, Outcome::ConsiderAws);
        assert_eq!(walk(10, d(9_999), OpsBurden::Burdensome, &t()).outcome, Outcome::KeepCompose);
        assert_eq!(walk(4, d(100_000), OpsBurden::Manageable, &t()).outcome, Outcome::MigrateToAws);
        assert_eq!(walk(6, d(50_000), OpsBurden::Manageable, &t()).outcome, Outcome::KeepCompose);
        let r = walk(6, d(50_000), OpsBurden::Burdensome, &t());
        assert_eq!(r.outcome, Outcome::GradualMigration);
        assert_eq!(r.path.len(), 3);
        assert!(r.path[1].contains("50,000"), "{:?}", r.path);
    }

    #[test]
    fn agreement_with_roi() {
        assert!(Outcome::KeepCompose.agrees_with(Decision::Stay));
        assert!(!Outcome::KeepCompose.agrees_with(Decision::MigrateNow));
        assert!(Outcome::ConsiderAws.agrees_with(Decision::MigrateGradually));
        assert!(!Outcome::GradualMigration.agrees_with(Decision::MigrateNow));
    }
}
