//! The scenario suite's result (`scenarios check`) and its renderers, one per format: `table`,
//! `json`, `markdown` (a pull-request comment) and `junit` (CI test reports).

pub mod json;
pub mod junit;
pub mod markdown;
pub mod table;

use anyhow::Result;

use super::{unsupported, Format, Render};
use crate::i18n::Locale;
use crate::suite::{Failure, SuiteResult};
use crate::tr;

/// The renderer of the suite's result in a format.
pub fn renderer(format: Format, locale: &Locale) -> Result<Box<dyn Render<SuiteResult>>> {
    Ok(match format {
        Format::Table => Box::new(table::Table { locale: locale.clone() }),
        Format::Json => Box::new(json::Json),
        Format::Markdown => Box::new(markdown::Markdown { locale: locale.clone() }),
        Format::Junit => Box::new(junit::Junit),
        other => {
            return unsupported(
                "the scenario suite's result",
                other,
                &[Format::Table, Format::Json, Format::Markdown, Format::Junit],
            )
        }
    })
}

/// The suite's summary line: `8 scenario(s): 8 passed, 0 failed, 0 error(s)`.
pub(crate) fn summary(l: &Locale, r: &SuiteResult) -> String {
    tr!(
        l,
        if r.update { "suite-summary-updated" } else { "suite-summary" },
        scenarios = r.scenarios.len(),
        passed = r.passed(),
        failed = r.failed(),
        errors = r.errors()
    )
}

/// A failure's kind in words.
pub(crate) fn kind(l: &Locale, f: &Failure) -> String {
    l.t(match f.kind {
        crate::suite::FailureKind::Expectation => "suite-kind-expectation",
        crate::suite::FailureKind::Guardrail => "suite-kind-guardrail",
        crate::suite::FailureKind::Golden => "suite-kind-golden",
    })
}

/// A failure on one line: `expectation phases.2.decision: expected stay, actual migrate_now`.
pub(crate) fn failure(l: &Locale, f: &Failure) -> String {
    tr!(l, "suite-failure", kind = kind(l, f), field = f.field, expected = f.expected, actual = f.actual)
}
