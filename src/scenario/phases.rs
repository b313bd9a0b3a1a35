//! The seed's five migration phases (seed 000) as defaults, and their overriding by a scenario's
//! `phases:` entries. Owns no arithmetic: the effects here are assumptions that `roi` prices.

use rust_decimal::Decimal;

use super::{Estimate, PhaseSpec, Workload};

/// A phase with every assumption filled in (defaults or the scenario's overrides).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PhaseDef {
    /// 1-based phase number.
    pub phase: u32,
    /// Name.
    pub name: String,
    /// Workloads that move in this phase.
    pub moves: Vec<Workload>,
    /// Engineer-weeks of migration work.
    pub engineer_weeks: Estimate,
    /// Calendar weeks of dual running; `None` means equal to `engineer_weeks`.
    pub dual_running_weeks: Option<Estimate>,
    /// Cumulative ops burden reduction once done, percent.
    pub ops_burden_reduction_percent: Estimate,
    /// Availability once done, percent; `None` keeps the previous phase's (or today's).
    pub availability_percent: Option<Estimate>,
    /// Productivity gain of non-ops engineers once done, percent.
    pub productivity_gain_percent: Estimate,
    /// Where the defaults came from, for the notes.
    pub source: &'static str,
}

fn range(low: i64, expected: Decimal, high: i64) -> Estimate {
    Estimate::Range { low: Decimal::from(low), expected, high: Decimal::from(high) }
}

/// The seed's phases. Durations are its ranges with the midpoint as expected value; ops burden
/// reductions are its figures (20 %, 40 %, 80 %) with obs-cost's interpolations for phases 2 and 4,
/// where the seed gives none; availability 99.95 % from phase 4 as the seed claims. Productivity is
/// 0 unless a scenario sets it.
pub fn defaults() -> Vec<PhaseDef> {
    let d = |n: i64| Decimal::from(n);
    let half = |n: i64| Decimal::new(n * 10 + 5, 1);
    vec![
        PhaseDef {
            phase: 1,
            name: "monitoring".into(),
            moves: vec![Workload::Metrics],
            engineer_weeks: range(1, half(1), 2),
            dual_running_weeks: None,
            ops_burden_reduction_percent: Estimate::int(20),
            availability_percent: None,
            productivity_gain_percent: Estimate::int(0),
            source: "seed 000 phase 1: 1-2 weeks, ops burden -20%",
        },
        PhaseDef {
            phase: 2,
            name: "logs".into(),
            moves: vec![Workload::Logs, Workload::Traces],
            engineer_weeks: range(2, half(2), 3),
            dual_running_weeks: None,
            ops_burden_reduction_percent: Estimate::int(30),
            availability_percent: None,
            productivity_gain_percent: Estimate::int(0),
            source: "seed 000 phase 2: 2-3 weeks; its 'log analysis time -50%' is not an ops-burden figure, obs-cost assumes a cumulative 30%",
        },
        PhaseDef {
            phase: 3,
            name: "data".into(),
            moves: vec![Workload::Database, Workload::Cache],
            engineer_weeks: range(4, d(5), 6),
            dual_running_weeks: None,
            ops_burden_reduction_percent: Estimate::int(40),
            availability_percent: None,
            productivity_gain_percent: Estimate::int(0),
            source: "seed 000 phase 3: 4-6 weeks, ops burden -40%",
        },
        PhaseDef {
            phase: 4,
            name: "compute".into(),
            moves: vec![Workload::Compute],
            engineer_weeks: range(6, d(7), 8),
            dual_running_weeks: None,
            ops_burden_reduction_percent: Estimate::int(60),
            availability_percent: Some(Estimate::Exact(Decimal::new(9995, 2))),
            productivity_gain_percent: Estimate::int(0),
            source: "seed 000 phase 4: 6-8 weeks, availability 99.9% -> 99.95%; obs-cost assumes a cumulative ops burden reduction of 60%",
        },
        PhaseDef {
            phase: 5,
            name: "full".into(),
            moves: vec![],
            engineer_weeks: range(8, d(10), 12),
            dual_running_weeks: None,
            ops_burden_reduction_percent: Estimate::int(80),
            availability_percent: None,
            productivity_gain_percent: Estimate::int(0),
            source: "seed 000 phase 5: 8-12 weeks, ops burden -80%",
        },
    ]
}

/// The defaults with a scenario's overrides applied (phase numbers are validated beforehand).
pub fn resolve_specs(specs: &[PhaseSpec]) -> Vec<PhaseDef> {
    let mut phases = defaults();
    let seed = defaults();
    for s in specs {
        let Some(p) = phases.iter_mut().find(|p| p.phase == s.phase) else { continue };
        if let Some(n) = &s.name {
            p.name = n.clone();
        }
        if let Some(m) = &s.moves {
            p.moves = m.clone();
        }
        if let Some(e) = s.engineer_weeks {
            p.engineer_weeks = e;
        }
        if let Some(e) = s.dual_running_weeks {
            p.dual_running_weeks = Some(e);
        }
        if let Some(e) = s.ops_burden_reduction_percent {
            p.ops_burden_reduction_percent = e;
        }
        if let Some(e) = s.availability_percent {
            p.availability_percent = Some(e);
        }
        if let Some(e) = s.productivity_gain_percent {
            p.productivity_gain_percent = e;
        }
        // A phase written out with the seed's own values (as `obs-cost init` writes them) still
        // has the seed as its source.
        if seed.iter().all(|d| d != &*p) {
            p.source = "scenario override of the seed's defaults";
        }
    }
    phases
}
