//! The `expect:` block of a scenario file: what `obs-cost scenarios check` holds the scenario's
//! plan against. Expectations (decisions, the decision-tree outcome, ranges) describe what the
//! plan says today, so that a change is noticed; guardrails are budgets the plan must never break.
//! Owns the format and its validation (an unknown key or phase is an error with file, line and
//! column, never a pass); holding a plan against it is `suite::check`.

use std::fmt;

use serde::{Deserialize, Deserializer};

use super::Num;

/// Phases are the seed's five (`phases:` only overrides them), numbered 1 to 5.
pub const PHASE_COUNT: u32 = 5;

/// A phase number from 1 to 5, checked while parsing so that an unknown phase is reported at its
/// line and column.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PhaseNo(pub u32);

impl<'de> Deserialize<'de> for PhaseNo {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let n = i64::deserialize(deserializer)?;
        match u32::try_from(n) {
            Ok(p) if (1..=PHASE_COUNT).contains(&p) => Ok(PhaseNo(p)),
            _ => Err(serde::de::Error::custom(format!(
                "phase {n} is not a phase of the plan: phases are numbered 1 to {PHASE_COUNT}"
            ))),
        }
    }
}

impl fmt::Display for PhaseNo {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

/// `expect:`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Expect {
    /// The decision tree's outcome: `keep_compose`, `consider_aws`, `migrate_to_aws` or
    /// `gradual_migration`.
    #[serde(default)]
    pub decision_tree: Option<TreeOutcomeName>,
    /// The phase with the highest net monthly benefit (the one the tree is compared with).
    #[serde(default)]
    pub roi_best_phase: Option<PhaseNo>,
    /// Whether the decision tree and the ROI agree.
    #[serde(default)]
    pub tree_agrees_with_roi: Option<bool>,
    /// Expectations per phase, each phase at most once.
    #[serde(default)]
    pub phases: Vec<PhaseExpect>,
    /// Budgets every phase (or the phases listed in `guardrails.phases`) must keep.
    #[serde(default)]
    pub guardrails: Guardrails,
}

/// One entry of `expect.phases`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PhaseExpect {
    /// Phase number, 1 to 5.
    pub phase: PhaseNo,
    /// `migrate_now`, `migrate_gradually` or `stay`.
    #[serde(default)]
    pub decision: Option<DecisionName>,
    /// AWS managed services per month, USD.
    #[serde(default)]
    pub aws_monthly_usd: Option<Range>,
    /// What still runs self-hosted per month, USD.
    #[serde(default)]
    pub self_hosted_monthly_usd: Option<Range>,
    /// Net monthly benefit, USD.
    #[serde(default)]
    pub net_monthly_benefit_usd: Option<Range>,
    /// One-time cost (migration labor + dual running) of phases 1..N, USD.
    #[serde(default)]
    pub one_time_cost_usd: Option<Range>,
    /// Payback, months; a phase that never pays back is outside every range.
    #[serde(default)]
    pub payback_months: Option<Range>,
    /// NPV over the horizon, USD.
    #[serde(default)]
    pub npv_usd: Option<Range>,
}

/// A closed range `{min: X, max: Y}`; either bound may be left out, not both.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(try_from = "RawRange")]
pub struct Range {
    /// Lowest value that holds.
    pub min: Option<Num>,
    /// Highest value that holds.
    pub max: Option<Num>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRange {
    #[serde(default)]
    min: Option<Num>,
    #[serde(default)]
    max: Option<Num>,
}

impl TryFrom<RawRange> for Range {
    type Error = String;
    fn try_from(r: RawRange) -> Result<Self, String> {
        match (r.min, r.max) {
            (None, None) => Err("a range needs `min`, `max` or both, e.g. {min: 100, max: 200}".into()),
            (Some(lo), Some(hi)) if lo.0 > hi.0 => {
                Err(format!("min {} is above max {}: swap them", lo.0.normalize(), hi.0.normalize()))
            }
            (min, max) => Ok(Range { min, max }),
        }
    }
}

impl Range {
    /// Whether `v` is in the range.
    pub fn holds(&self, v: rust_decimal::Decimal) -> bool {
        self.min.is_none_or(|m| v >= m.0) && self.max.is_none_or(|m| v <= m.0)
    }
}

impl fmt::Display for Range {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.min, self.max) {
            (Some(lo), Some(hi)) => write!(f, "{} to {}", lo.0.normalize(), hi.0.normalize()),
            (Some(lo), None) => write!(f, "at least {}", lo.0.normalize()),
            (None, Some(hi)) => write!(f, "at most {}", hi.0.normalize()),
            (None, None) => f.write_str("any"),
        }
    }
}

/// `expect.guardrails`: one-sided budgets. Each applies to every phase, or to `phases` when given.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Guardrails {
    /// The phases the guardrails apply to (default: every phase).
    #[serde(default)]
    pub phases: Option<Vec<PhaseNo>>,
    /// Highest AWS bill a month, USD.
    #[serde(default)]
    pub max_aws_monthly_usd: Option<Num>,
    /// Highest AWS + self-hosted bill a month, USD.
    #[serde(default)]
    pub max_total_monthly_usd: Option<Num>,
    /// Lowest net monthly benefit, USD.
    #[serde(default)]
    pub min_net_monthly_benefit_usd: Option<Num>,
    /// Longest payback, months; a phase that never pays back breaks it.
    #[serde(default)]
    pub max_payback_months: Option<u32>,
    /// Highest one-time cost, USD.
    #[serde(default)]
    pub max_one_time_cost_usd: Option<Num>,
    /// Lowest NPV over the horizon, USD.
    #[serde(default)]
    pub min_npv_usd: Option<Num>,
    /// Whether phases may use unconfirmed prices (default: true); false makes any unconfirmed price a failure.
    #[serde(default)]
    pub allow_unconfirmed_prices: Option<bool>,
    /// Whether a phase's AWS cost may be a lower bound because some usage is unknown (default: true).
    #[serde(default)]
    pub allow_provisional: Option<bool>,
}

macro_rules! names {
    ($(#[$m:meta])* $name:ident { $($(#[$vm:meta])* $variant:ident = $s:literal),+ $(,)? }) => {
        $(#[$m])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
        pub enum $name {
            $($(#[$vm])* #[serde(rename = $s)] $variant),+
        }
        impl $name {
            /// The name used in scenario files and in the plan JSON.
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $s),+ }
            }
        }
    };
}

names!(
    /// A decision, as the plan JSON spells it.
    DecisionName {
        /// Net above the "now" threshold.
        MigrateNow = "migrate_now",
        /// Net between the thresholds.
        MigrateGradually = "migrate_gradually",
        /// Net below the "gradually" threshold.
        Stay = "stay",
    }
);

names!(
    /// A decision-tree outcome, as the plan JSON spells it.
    TreeOutcomeName {
        /// Small team or low DAU.
        KeepCompose = "keep_compose",
        /// Large team.
        ConsiderAws = "consider_aws",
        /// High DAU.
        MigrateToAws = "migrate_to_aws",
        /// Middle DAU with a burdensome stack.
        GradualMigration = "gradual_migration",
    }
);

/// Checks what parses but contradicts itself: a phase listed twice.
pub(super) fn validate(e: &Expect) -> Result<(), (String, String)> {
    let mut seen = Vec::new();
    for (i, p) in e.phases.iter().enumerate() {
        if seen.contains(&p.phase) {
            return Err((
                format!("expect.phases[{i}].phase"),
                format!("phase {} is listed twice: give each phase's expectations once", p.phase),
            ));
        }
        seen.push(p.phase);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    fn parse(text: &str) -> anyhow::Result<Expect> {
        crate::input::parse_yaml(text, Path::new("s.yaml"), "scenario")
    }

    #[test]
    fn unknown_phase_and_field_are_located() {
        let err = parse("phases:\n  - phase: 7\n").unwrap_err().to_string();
        assert!(err.starts_with("invalid scenario s.yaml:2:"), "{err}");
        assert!(err.contains("phase 7 is not a phase"), "{err}");
        let err = parse("phases:\n  - phase: 1\n    aws_usd: {max: 3}\n").unwrap_err().to_string();
        assert!(err.starts_with("invalid scenario s.yaml:3:5"), "{err}");
        assert!(err.contains("unknown field `aws_usd`"), "{err}");
        let err = parse("guardrails:\n  max_aws_usd: 3\n").unwrap_err().to_string();
        assert!(err.contains("s.yaml:2:3") && err.contains("max_aws_usd"), "{err}");
    }

    #[test]
    fn ranges_need_a_bound_in_order() {
        assert!(parse("phases:\n  - {phase: 1, aws_monthly_usd: {}}\n").is_err());
        let err = parse("phases:\n  - {phase: 1, aws_monthly_usd: {min: 5, max: 1}}\n").unwrap_err().to_string();
        assert!(err.contains("min 5 is above max 1"), "{err}");
        let e = parse("phases:\n  - {phase: 2, decision: stay, payback_months: {max: 12}}\n").unwrap();
        let r = e.phases[0].payback_months.unwrap();
        assert!(r.holds(12.into()) && !r.holds(13.into()));
        assert_eq!(r.to_string(), "at most 12");
    }

    #[test]
    fn the_expect_block_is_not_an_input_of_the_plan() {
        let inputs = crate::scenario::inputs("name: a\nexpect:\n  decision_tree: keep_compose\n");
        assert_eq!(inputs, vec![("name".to_string(), "a".to_string())]);
    }
}
