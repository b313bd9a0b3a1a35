//! `deserialize_with` helpers that refuse negative, NaN, infinite and huge numbers in a usage
//! snapshot, so that a damaged snapshot is a located error (file, line, column, key) rather than a
//! negative or overflowing cost.

use std::collections::BTreeMap;

use serde::de::{Deserialize, Deserializer, Error};

/// The largest measured quantity read back (a quadrillion: series, lines or bytes of any real
/// stack are far below it, and a month of it times any price stays an exact decimal).
pub const MAX: f64 = 1e15;

fn check<E: Error>(v: f64) -> Result<f64, E> {
    if v.is_finite() && (0.0..=MAX).contains(&v) {
        Ok(v)
    } else {
        let shown = if v.abs() >= 1e6 { format!("{v:e}") } else { format!("{v}") };
        Err(E::custom(format!(
            "a value is {shown}; a measured quantity is a finite number, never negative, at most {MAX:e}"
        )))
    }
}

pub fn number<'de, D: Deserializer<'de>>(d: D) -> Result<f64, D::Error> {
    check(f64::deserialize(d)?)
}

pub fn option<'de, D: Deserializer<'de>>(d: D) -> Result<Option<f64>, D::Error> {
    Option::<f64>::deserialize(d)?.map(check).transpose()
}

pub fn map<'de, D: Deserializer<'de>>(d: D) -> Result<BTreeMap<String, f64>, D::Error> {
    BTreeMap::<String, f64>::deserialize(d)?.into_iter().map(|(k, v)| Ok((k, check(v)?))).collect()
}
