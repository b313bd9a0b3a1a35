//! `obs-cost plan`'s result and how it is built: scenario + usage + price book → per-phase AWS and
//! self-hosted costs (cumulative: phase N holds everything moved in phases 1..N), one-time costs,
//! ROI, decision, decision tree, switch points and uncertainty. The [`Plan`] (`document`) is the
//! one canonical, versioned result; every output format is a view of it. The `engine` prices typed
//! AWS usage documents (`mapping`) through `cost`, the only place money is multiplied; ROI
//! arithmetic lives in `roi`; `build` wires them and keeps every number explainable.

pub mod actual;
pub mod build;
pub mod diff;
pub mod document;
pub mod engine;
pub mod findings;
pub mod mapping;
pub mod measured;
pub mod sizing;
pub mod switch;
pub mod uncertainty;
pub mod used;
pub mod values;

pub use build::{build, from_file, with_loaded};
pub use document::{PhasePlan, Plan};
