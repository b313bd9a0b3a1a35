//! Scenario numbers that may be uncertain: a plain number, or `{low, expected, high}`. Owns the
//! parsing of such values (signed, exact decimals) and nothing else: checking that a value makes
//! sense for its key is `scenario::validate`'s job.

use std::fmt;

use rust_decimal::Decimal;
use serde::{Deserialize, Deserializer};

use crate::units::parse_decimal;

/// An exact, possibly negative decimal read from YAML (`3`, `-2.5`, `1e6`, `"0.0001"`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default)]
pub struct Num(pub Decimal);

const EXPECTED_NUM: &str = "a finite number";

struct NumVisitor;

impl<'v> serde::de::Visitor<'v> for NumVisitor {
    type Value = Num;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(EXPECTED_NUM)
    }
    fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<Num, E> {
        Ok(Num(Decimal::from(v)))
    }
    fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<Num, E> {
        Ok(Num(Decimal::from(v)))
    }
    fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<Num, E> {
        if !v.is_finite() {
            return Err(E::invalid_value(serde::de::Unexpected::Float(v), &EXPECTED_NUM));
        }
        parse_decimal(&format!("{v}"))
            .map(Num)
            .ok_or_else(|| E::invalid_value(serde::de::Unexpected::Float(v), &"a number below 7.9e28"))
    }
    fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Num, E> {
        parse_decimal(v).map(Num).ok_or_else(|| E::invalid_value(serde::de::Unexpected::Str(v), &EXPECTED_NUM))
    }
}

impl<'de> Deserialize<'de> for Num {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(NumVisitor)
    }
}

/// A value known exactly, or a range with its most likely value (a triangular distribution in
/// the uncertainty run).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Estimate {
    /// One value.
    Exact(Decimal),
    /// `{low, expected, high}`, with `low <= expected <= high`.
    Range {
        /// Lowest plausible value.
        low: Decimal,
        /// Most likely value: what every deterministic figure uses.
        expected: Decimal,
        /// Highest plausible value.
        high: Decimal,
    },
}

impl Estimate {
    /// An exact value from an integer.
    pub fn int(v: i64) -> Self {
        Estimate::Exact(Decimal::from(v))
    }

    /// An exact value.
    pub fn exact(v: Decimal) -> Self {
        Estimate::Exact(v)
    }

    /// The expected value.
    pub fn expected(&self) -> Decimal {
        match *self {
            Estimate::Exact(v) => v,
            Estimate::Range { expected, .. } => expected,
        }
    }

    /// The lowest value (the value itself when exact).
    pub fn low(&self) -> Decimal {
        match *self {
            Estimate::Exact(v) => v,
            Estimate::Range { low, .. } => low,
        }
    }

    /// The highest value (the value itself when exact).
    pub fn high(&self) -> Decimal {
        match *self {
            Estimate::Exact(v) => v,
            Estimate::Range { high, .. } => high,
        }
    }

    /// Whether a range with some width was given.
    pub fn is_uncertain(&self) -> bool {
        matches!(self, Estimate::Range { low, high, .. } if low != high)
    }
}

impl fmt::Display for Estimate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Estimate::Exact(v) => write!(f, "{}", v.normalize()),
            Estimate::Range { low, expected, high } => {
                write!(
                    f,
                    "{{low: {}, expected: {}, high: {}}}",
                    low.normalize(),
                    expected.normalize(),
                    high.normalize()
                )
            }
        }
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RangeFields {
    low: Num,
    expected: Num,
    high: Num,
}

impl<'de> Deserialize<'de> for Estimate {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct V;
        impl<'v> serde::de::Visitor<'v> for V {
            type Value = Estimate;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a number or {low, expected, high}")
            }
            fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<Estimate, E> {
                NumVisitor.visit_u64(v).map(|n| Estimate::Exact(n.0))
            }
            fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<Estimate, E> {
                NumVisitor.visit_i64(v).map(|n| Estimate::Exact(n.0))
            }
            fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<Estimate, E> {
                NumVisitor.visit_f64(v).map(|n| Estimate::Exact(n.0))
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Estimate, E> {
                NumVisitor.visit_str(v).map(|n| Estimate::Exact(n.0))
            }
            fn visit_map<A: serde::de::MapAccess<'v>>(self, map: A) -> Result<Estimate, A::Error> {
                let r = RangeFields::deserialize(serde::de::value::MapAccessDeserializer::new(map))?;
                if !(r.low.0 <= r.expected.0 && r.expected.0 <= r.high.0) {
                    return Err(serde::de::Error::custom(format!(
                        "a range needs low <= expected <= high, got low {}, expected {}, high {}",
                        r.low.0.normalize(),
                        r.expected.0.normalize(),
                        r.high.0.normalize()
                    )));
                }
                Ok(Estimate::Range { low: r.low.0, expected: r.expected.0, high: r.high.0 })
            }
        }
        deserializer.deserialize_any(V)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exact_and_ranges_parse() {
        let e: Estimate = serde_yaml::from_str("1.5").unwrap();
        assert_eq!(e, Estimate::Exact(Decimal::new(15, 1)));
        let e: Estimate = serde_yaml::from_str("{low: 1, expected: 2, high: 4}").unwrap();
        assert_eq!(e.low(), Decimal::from(1));
        assert_eq!(e.expected(), Decimal::from(2));
        assert!(e.is_uncertain());
        let e: Estimate = serde_yaml::from_str("-3").unwrap();
        assert_eq!(e.expected(), Decimal::from(-3));
    }

    #[test]
    fn bad_ranges_are_rejected() {
        assert!(serde_yaml::from_str::<Estimate>("{low: 3, expected: 2, high: 4}").is_err());
        assert!(serde_yaml::from_str::<Estimate>("{low: 1, expected: 2}").is_err());
        assert!(serde_yaml::from_str::<Estimate>("{low: 1, expected: 2, high: 3, mode: 2}").is_err());
        assert!(serde_yaml::from_str::<Estimate>("abc").is_err());
    }
}
