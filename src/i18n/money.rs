//! Money as the human-readable formats write it: US dollars to the cent (the price book's
//! currency, `$1,234.50` in both languages, as the AWS console and the course notes write it), and,
//! with `--currency KRW --fx-rate N`, won beside it (`$1,234.50 (₩1,703,610)`): no decimals,
//! rounded to the nearest won, half away from zero. The rate is an input, never fetched.

use anyhow::{bail, Result};
use rust_decimal::{Decimal, RoundingStrategy};

use super::Locale;
use crate::units::{group_thousands, usd};

/// The largest rate accepted, in won per US dollar (the rate has been below 2,000 since 1998).
pub const MAX_RATE: Decimal = Decimal::from_parts(100_000, 0, 0, false, 0);

/// An exchange rate from US dollars to won, as given on the command line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fx {
    /// Won per US dollar.
    pub rate: Decimal,
    /// The date the rate is for (`YYYY-MM-DD`), if given.
    pub date: Option<String>,
}

impl Fx {
    /// Checks a rate given as text (`--fx-rate`) and its date (`--fx-date`): the rate a positive
    /// decimal up to [`MAX_RATE`], the date `YYYY-MM-DD`. Errors name the flag and the fix.
    pub fn parse(rate: &str, date: Option<&str>) -> Result<Fx> {
        let text = rate.trim();
        let value: Decimal = match text.parse::<Decimal>() {
            Ok(v) => v,
            Err(_) => {
                bail!("--fx-rate '{text}' is not a decimal number\nhint: give won per US dollar, e.g. --fx-rate 1380.5")
            }
        };
        if value <= Decimal::ZERO {
            bail!("--fx-rate {text} is not positive\nhint: give won per US dollar, e.g. --fx-rate 1380.5");
        }
        if value > MAX_RATE {
            bail!(
                "--fx-rate {text} is more than {} won per US dollar\nhint: give won per US dollar, e.g. --fx-rate 1380.5",
                group_thousands(MAX_RATE, 0)
            );
        }
        let date = match date {
            None => None,
            Some(d) if is_date(d) => Some(d.to_string()),
            Some(d) => bail!(
                "--fx-date '{}' is not a date\nhint: give the day the rate is for as YYYY-MM-DD, e.g. --fx-date 2026-07-01",
                d.chars().take(40).collect::<String>()
            ),
        };
        Ok(Fx { rate: value.normalize(), date })
    }

    /// A dollar amount in won, rounded to the nearest won (half away from zero).
    pub fn won(&self, usd: Decimal) -> Decimal {
        (usd * self.rate).round_dp_with_strategy(0, RoundingStrategy::MidpointAwayFromZero)
    }

    /// The sentence the outputs print under the figures: rate, date and rounding.
    pub fn note(&self, loc: &Locale) -> String {
        let rate = group_thousands(self.rate, 6);
        match &self.date {
            Some(date) => crate::tr!(loc, "fx-note-dated", rate = rate, date = date),
            None => crate::tr!(loc, "fx-note", rate = rate),
        }
    }
}

/// `YYYY-MM-DD` with a month 01-12 and a day 01-31.
fn is_date(text: &str) -> bool {
    let b = text.as_bytes();
    let digits = |r: std::ops::Range<usize>| b.get(r.clone()).is_some_and(|s| s.iter().all(u8::is_ascii_digit));
    if b.len() != 10
        || b.get(4) != Some(&b'-')
        || b.get(7) != Some(&b'-')
        || !digits(0..4)
        || !digits(5..7)
        || !digits(8..10)
    {
        return false;
    }
    let month: u32 = text[5..7].parse().unwrap_or(0);
    let day: u32 = text[8..10].parse().unwrap_or(0);
    (1..=12).contains(&month) && (1..=31).contains(&day)
}

/// Won as written: `₩1,703,610`, `-₩2,000`.
pub fn krw(won: Decimal) -> String {
    let text = group_thousands(won.abs(), 0);
    if won.is_sign_negative() && !won.is_zero() {
        format!("-₩{text}")
    } else {
        format!("₩{text}")
    }
}

/// Dollars to the cent, with won beside them when `fx` is given.
pub fn amount(value: Decimal, fx: Option<&Fx>) -> String {
    match fx {
        None => usd(value),
        Some(fx) => format!("{} ({})", usd(value), krw(fx.won(value))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn won_are_whole_and_rounded_half_away_from_zero() {
        let fx = Fx::parse("1380.5", Some("2026-07-01")).unwrap();
        assert_eq!(amount(Decimal::new(123_450, 2), Some(&fx)), "$1,234.50 (₩1,704,227)");
        assert_eq!(amount(Decimal::new(-1, 0), Some(&fx)), "-$1.00 (-₩1,381)");
        assert_eq!(amount(Decimal::ZERO, Some(&fx)), "$0.00 (₩0)");
        assert_eq!(amount(Decimal::new(1, 2), None), "$0.01");
    }

    #[test]
    fn bad_rates_and_dates_are_errors_naming_the_flag() {
        for bad in ["0", "-3", "NaN", "inf", "1e9", "100001", "abc", ""] {
            let err = Fx::parse(bad, None).unwrap_err().to_string();
            assert!(err.starts_with("--fx-rate") && err.contains("hint:"), "{bad}: {err}");
        }
        for bad in ["2026-13-01", "2026/07/01", "yesterday", "2026-07-1"] {
            let err = Fx::parse("1380", Some(bad)).unwrap_err().to_string();
            assert!(err.starts_with("--fx-date") && err.contains("hint:"), "{bad}: {err}");
        }
        assert_eq!(Fx::parse(" 1380.50 ", None).unwrap().rate, Decimal::new(13805, 1));
    }
}
