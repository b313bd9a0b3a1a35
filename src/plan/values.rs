//! Resolving a scenario's possibly-uncertain values to numbers: all at their expected value, or
//! some at their low or high end (tornado), or at sampled values (uncertainty run). Every lookup
//! names the value by its key path, and the uncertain ones are recorded so that the tornado and
//! the sampler know which assumptions exist.

use std::cell::RefCell;
use std::collections::BTreeMap;

use rust_decimal::Decimal;

use crate::scenario::Estimate;

/// How to resolve uncertain values.
#[derive(Debug, Clone, Default)]
pub struct Values {
    /// Values that replace the expected one, by key path.
    pub overrides: BTreeMap<String, Decimal>,
    /// Uncertain values met so far, by key path.
    seen: RefCell<BTreeMap<String, Estimate>>,
}

impl Values {
    /// Every value at its expected value.
    pub fn expected() -> Self {
        Values::default()
    }

    /// Expected values except `path`, set to `value`.
    pub fn with(path: &str, value: Decimal) -> Self {
        let mut v = Values::default();
        v.overrides.insert(path.to_string(), value);
        v
    }

    /// The value of `path`.
    pub fn get(&self, path: &str, e: &Estimate) -> Decimal {
        if !e.is_uncertain() {
            return e.expected();
        }
        if !self.seen.borrow().contains_key(path) {
            self.seen.borrow_mut().insert(path.to_string(), *e);
        }
        self.overrides.get(path).copied().unwrap_or_else(|| e.expected())
    }

    /// The value of an optional key, `None` when absent.
    pub fn opt(&self, path: &str, e: Option<&Estimate>) -> Option<Decimal> {
        e.map(|e| self.get(path, e))
    }

    /// The value of an optional key with a default.
    pub fn or(&self, path: &str, e: Option<&Estimate>, default: Decimal) -> Decimal {
        self.opt(path, e).unwrap_or(default)
    }

    /// The uncertain values met, sorted by key path.
    pub fn uncertain(&self) -> Vec<(String, Estimate)> {
        self.seen.borrow().iter().map(|(k, v)| (k.clone(), *v)).collect()
    }
}
