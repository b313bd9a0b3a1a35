//! The scenario suite's result as terminal text: one line per scenario, its failures under it,
//! the plan diff of each scenario whose golden differs, and the summary last.

use anyhow::Result;

use super::{failure, summary};
use crate::i18n::Locale;
use crate::report::{plan_diff, Render};
use crate::suite::{GoldenStatus, SuiteResult};
use crate::tr;

/// The suite's result as terminal text.
pub struct Table {
    /// The language.
    pub locale: Locale,
}

impl Render<SuiteResult> for Table {
    fn render(&self, r: &SuiteResult) -> Result<String> {
        Ok(suite(&self.locale, r))
    }
}

fn suite(l: &Locale, r: &SuiteResult) -> String {
    let mut out = tr!(l, "suite-title", book = r.price_book);
    out.push('\n');
    for s in &r.scenarios {
        // The tags stay PASS / FAIL / ERROR in every language: scripts grep for them.
        let tag = match &s.error {
            Some(_) => "ERROR",
            None if s.passed() => "PASS ",
            None => "FAIL ",
        };
        let line = if s.golden_status == GoldenStatus::Updated && s.error.is_none() {
            tr!(l, "suite-line-updated", tag = tag, name = s.name, file = s.file)
        } else {
            tr!(l, "suite-line", tag = tag, name = s.name, file = s.file)
        };
        out.push_str(&line);
        out.push('\n');
        if let Some(e) = &s.error {
            for line in e.lines() {
                out.push_str(&format!("      {line}\n"));
            }
        }
        for f in &s.failures {
            out.push_str(&format!("      {}\n", failure(l, f)));
        }
        if !s.has_expectations && s.error.is_none() {
            out.push_str(&format!("      {}\n", l.t("suite-no-expect")));
        }
    }
    for s in &r.scenarios {
        if let Some(d) = &s.diff {
            out.push('\n');
            out.push_str(&plan_diff::table::diff(l, d));
        }
    }
    if !r.skipped.is_empty() {
        out.push_str(&format!("\n{}\n", tr!(l, "suite-skipped", files = r.skipped.join(", "))));
    }
    out.push_str(&format!("\n{}\n", summary(l, r)));
    out
}
