//! The scenario suite's result as GitHub-flavoured Markdown, for a pull-request or merge-request
//! comment: the summary, one row per scenario, then each failing scenario's failures and plan diff.

use anyhow::Result;

use super::{kind, summary};
use crate::i18n::Locale;
use crate::report::markup::{cell, row};
use crate::report::plan::header;
use crate::report::{plan_diff, Render};
use crate::suite::{GoldenStatus, SuiteResult};
use crate::tr;

/// The suite's result as GitHub-flavoured Markdown.
pub struct Markdown {
    /// The language.
    pub locale: Locale,
}

impl Render<SuiteResult> for Markdown {
    fn render(&self, r: &SuiteResult) -> Result<String> {
        Ok(suite(&self.locale, r))
    }
}

fn golden(l: &Locale, s: GoldenStatus) -> String {
    l.t(match s {
        GoldenStatus::Matches => "suite-golden-matches",
        GoldenStatus::Differs => "suite-golden-differs",
        GoldenStatus::Missing => "suite-golden-missing",
        GoldenStatus::Updated => "suite-golden-updated",
        GoldenStatus::NotChecked => "suite-golden-not-checked",
    })
}

fn suite(l: &Locale, r: &SuiteResult) -> String {
    let mut out = format!(
        "### {}\n\n{}\n\n{}|---|---|---|--:|\n",
        l.t("md-suite-title"),
        tr!(l, "md-suite-summary", summary = cell(&summary(l, r)), book = cell(&r.price_book)),
        row(&header(l, ["col-scenario", "col-result", "col-golden", "col-failures"]))
    );
    for s in &r.scenarios {
        let result = l.t(if s.error.is_some() {
            "suite-result-error"
        } else if s.passed() {
            "suite-result-passed"
        } else {
            "suite-result-failed"
        });
        out.push_str(&format!(
            "| `{}` | {result} | {} | {} |\n",
            cell(&s.name),
            golden(l, s.golden_status),
            s.failures.len()
        ));
    }
    for s in r.scenarios.iter().filter(|s| !s.passed()) {
        out.push_str(&format!("\n#### `{}` ({})\n\n", cell(&s.name), cell(&s.file)));
        if let Some(e) = &s.error {
            out.push_str(&format!("{}\n", tr!(l, "md-suite-error", error = cell(e))));
        }
        if !s.failures.is_empty() {
            out.push_str(&row(&header(l, ["col-check", "col-field", "col-expected", "col-actual"])));
            out.push_str("|---|---|---|---|\n");
            for f in &s.failures {
                out.push_str(&format!(
                    "| {} | `{}` | {} | {} |\n",
                    kind(l, f),
                    cell(&f.field),
                    cell(&f.expected),
                    cell(&f.actual)
                ));
            }
        }
        if let Some(d) = &s.diff {
            out.push('\n');
            out.push_str(&plan_diff::markdown::diff_at(l, d, 5));
        }
    }
    if !r.skipped.is_empty() {
        out.push_str(&format!("\n{}\n", tr!(l, "suite-skipped", files = cell(&r.skipped.join(", ")))));
    }
    out
}
