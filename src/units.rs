//! Units and exact quantities: the month, money rounding, the non-negative decimal that every
//! usage file and price book number is read into, and the two number wire formats of the documents
//! obs-cost writes ([`Money`] to the cent, [`Exact`] as computed). Owns no prices and does no I/O.

use std::fmt;
use std::str::FromStr;

use rust_decimal::{Decimal, RoundingStrategy};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// Hours in a billing month, the AWS convention (365 × 24 / 12).
pub const HOURS_PER_MONTH: Decimal = Decimal::from_parts(730, 0, 0, false, 0);

/// Rounds money to the cent, half away from zero, the way a bill shows it.
pub fn round_cents(value: Decimal) -> Decimal {
    value.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero)
}

/// A non-negative, finite, exact quantity read from a YAML or JSON file.
///
/// It accepts integers (`70`), floats (`3.0e9`, `0.5`) and decimal strings (`"0.0001"`), and rejects
/// negative, infinite and NaN values with an error that the YAML parser locates by line and column.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default, Hash)]
pub struct Quantity(pub Decimal);

impl Quantity {
    /// The value as an exact decimal.
    pub fn get(self) -> Decimal {
        self.0
    }
}

impl From<Decimal> for Quantity {
    fn from(value: Decimal) -> Self {
        Quantity(value)
    }
}

impl fmt::Display for Quantity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.normalize().fmt(f)
    }
}

impl Serialize for Quantity {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        rust_decimal::serde::arbitrary_precision::serialize(&self.0.normalize(), serializer)
    }
}

const EXPECTED: &str = "a non-negative finite number";

/// Parses a decimal written as `123`, `0.5`, `3.0e9` or `3E9`.
pub fn parse_decimal(text: &str) -> Option<Decimal> {
    let text = text.trim();
    Decimal::from_str(text)
        .ok()
        .or_else(|| Decimal::from_scientific(text).ok())
        .or_else(|| Decimal::from_scientific(&text.replace('E', "e")).ok())
}

impl<'de> Deserialize<'de> for Quantity {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl<'v> serde::de::Visitor<'v> for Visitor {
            type Value = Quantity;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(EXPECTED)
            }
            fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<Quantity, E> {
                Ok(Quantity(Decimal::from(v)))
            }
            fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<Quantity, E> {
                if v < 0 {
                    return Err(E::invalid_value(serde::de::Unexpected::Signed(v), &EXPECTED));
                }
                Ok(Quantity(Decimal::from(v)))
            }
            fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<Quantity, E> {
                if !v.is_finite() || v < 0.0 {
                    return Err(E::invalid_value(serde::de::Unexpected::Float(v), &EXPECTED));
                }
                // `Display` of an f64 is its shortest round-trip form, so 0.1 stays 0.1.
                parse_decimal(&format!("{v}"))
                    .map(Quantity)
                    .ok_or_else(|| E::invalid_value(serde::de::Unexpected::Float(v), &"a number below 7.9e28"))
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Quantity, E> {
                match parse_decimal(v) {
                    Some(d) if !d.is_sign_negative() || d.is_zero() => Ok(Quantity(d)),
                    _ => Err(E::invalid_value(serde::de::Unexpected::Str(v), &EXPECTED)),
                }
            }
            // serde_json's arbitrary_precision numbers arrive as a one-entry map.
            fn visit_map<A: serde::de::MapAccess<'v>>(self, mut map: A) -> Result<Quantity, A::Error> {
                let key: Option<String> = map.next_key()?;
                match key.as_deref() {
                    Some("$serde_json::private::Number") => {
                        let text: String = map.next_value()?;
                        self.visit_str(&text)
                    }
                    _ => Err(serde::de::Error::invalid_type(serde::de::Unexpected::Map, &EXPECTED)),
                }
            }
        }
        deserializer.deserialize_any(Visitor)
    }
}

/// USD, exact in memory and written to the cent: a JSON number with two decimals (`1234.50`),
/// rounded half away from zero the way a bill shows it. Read back exactly as written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default, Hash)]
pub struct Money(pub Decimal);

/// Money to the cent with two decimals, as written: `1234.50`, `-0.01`.
fn to_cents(value: Decimal) -> Decimal {
    let mut c = round_cents(value);
    c.rescale(2);
    c
}

/// Money to the cent as text, the way documents write it: `1234.50`.
pub fn cents(value: Decimal) -> String {
    to_cents(value).to_string()
}

impl Serialize for Money {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        rust_decimal::serde::arbitrary_precision::serialize(&to_cents(self.0), serializer)
    }
}

impl<'de> Deserialize<'de> for Money {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        rust_decimal::serde::arbitrary_precision::deserialize(deserializer).map(Money)
    }
}

impl From<Decimal> for Money {
    fn from(value: Decimal) -> Self {
        Money(value)
    }
}

/// A number written exactly as computed, without trailing zeros (`14.7945`, `20000`): quantities,
/// unit prices, percentages, rates. Read back exactly as written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default, Hash)]
pub struct Exact(pub Decimal);

impl Serialize for Exact {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        rust_decimal::serde::arbitrary_precision::serialize(&self.0.normalize(), serializer)
    }
}

impl<'de> Deserialize<'de> for Exact {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        rust_decimal::serde::arbitrary_precision::deserialize(deserializer).map(Exact)
    }
}

impl From<Decimal> for Exact {
    fn from(value: Decimal) -> Self {
        Exact(value)
    }
}

/// `(new − old) ÷ old × 100`, rounded to two decimals and written with two; `None` when `old` is 0.
pub fn change_percent(old: Decimal, new: Decimal) -> Option<Decimal> {
    (!old.is_zero()).then(|| {
        let mut p = ((new - old) / old * Decimal::ONE_HUNDRED).round_dp(2);
        p.rescale(2);
        p
    })
}

/// A whole number of months as data, or `never`: how payback reads in the CSV and in the scenario
/// suite's expected and actual values.
pub fn months_or_never(months: Option<u32>) -> String {
    months.map_or_else(|| "never".to_string(), |m| m.to_string())
}

/// Formats a decimal with thousands separators and at most `max_dp` decimals, trimming zeros.
pub fn group_thousands(value: Decimal, max_dp: u32) -> String {
    let rounded = value.round_dp_with_strategy(max_dp, RoundingStrategy::MidpointAwayFromZero).normalize();
    let text = rounded.abs().to_string();
    let (int, frac) = match text.split_once('.') {
        Some((i, f)) => (i.to_string(), Some(f.to_string())),
        None => (text, None),
    };
    let mut grouped = String::new();
    for (i, ch) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(ch);
    }
    let sign = if rounded.is_sign_negative() && !rounded.is_zero() { "-" } else { "" };
    match frac {
        Some(f) => format!("{sign}{grouped}.{f}"),
        None => format!("{sign}{grouped}"),
    }
}

/// Formats money as `$1,234.56` (always two decimals).
pub fn usd(value: Decimal) -> String {
    let cents = round_cents(value);
    let mut text = group_thousands(cents.abs(), 2);
    match text.split_once('.') {
        Some((_, f)) if f.len() == 1 => text.push('0'),
        None => text.push_str(".00"),
        _ => {}
    }
    if cents.is_sign_negative() && !cents.is_zero() {
        format!("-${text}")
    } else {
        format!("${text}")
    }
}

/// Formats a unit price exactly, without rounding: `$0.000005`.
pub fn unit_price(value: Decimal) -> String {
    let mut v = value.normalize();
    if v.scale() < 2 {
        v.rescale(2);
    }
    format!("${v}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros_free::dec;

    mod rust_decimal_macros_free {
        macro_rules! dec {
            ($s:literal) => {
                rust_decimal::Decimal::from_str_exact(stringify!($s)).unwrap()
            };
        }
        pub(crate) use dec;
    }

    #[test]
    fn hours_per_month_is_730() {
        assert_eq!(HOURS_PER_MONTH, Decimal::from(730));
    }

    #[test]
    fn quantities_parse_exactly_and_reject_bad_values() {
        let q: Quantity = serde_yaml::from_str("3.0e9").unwrap();
        assert_eq!(q.get(), Decimal::from(3_000_000_000u64));
        let q: Quantity = serde_yaml::from_str("0.1").unwrap();
        assert_eq!(q.get(), dec!(0.1));
        let q: Quantity = serde_yaml::from_str("\"0.0001\"").unwrap();
        assert_eq!(q.get(), dec!(0.0001));
        assert!(serde_yaml::from_str::<Quantity>("-1").is_err());
        assert!(serde_yaml::from_str::<Quantity>(".inf").is_err());
        assert!(serde_yaml::from_str::<Quantity>(".nan").is_err());
        assert!(serde_yaml::from_str::<Quantity>("abc").is_err());
        let q: Quantity = serde_json::from_str("1e3").unwrap();
        assert_eq!(q.get(), Decimal::from(1000));
    }

    #[test]
    fn money_is_written_to_the_cent_and_exact_numbers_as_computed() {
        let json = serde_json::to_string(&(Money(dec!(1234.505)), Money(dec!(-0.004)), Exact(dec!(14.79450)))).unwrap();
        assert_eq!(json, "[1234.51,0.00,14.7945]");
        let back: (Money, Exact) = serde_json::from_str("[38.10, 2.5e3]").unwrap();
        assert_eq!(back, (Money(dec!(38.10)), Exact(dec!(2500))));
        assert_eq!(change_percent(dec!(0.50), dec!(0.55)), Some(dec!(10.00)));
        assert_eq!(change_percent(Decimal::ZERO, dec!(1)), None);
    }

    #[test]
    fn money_formats_with_separators() {
        assert_eq!(usd(dec!(1234567.891)), "$1,234,567.89");
        assert_eq!(usd(dec!(0.005)), "$0.01");
        assert_eq!(usd(dec!(-600)), "-$600.00");
        assert_eq!(usd(Decimal::ZERO), "$0.00");
        assert_eq!(group_thousands(dec!(3000000000), 2), "3,000,000,000");
        assert_eq!(unit_price(dec!(0.0000050000)), "$0.000005");
        assert_eq!(unit_price(dec!(0.3)), "$0.30");
        assert_eq!(unit_price(dec!(3)), "$3.00");
    }
}
