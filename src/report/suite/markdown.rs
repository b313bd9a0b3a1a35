//! The scenario suite's result as GitHub-flavoured Markdown, for a pull-request or merge-request
//! comment: the summary, one row per scenario, then each failing scenario's failures and plan diff.

use anyhow::Result;

use crate::report::markup::cell;
use crate::report::{plan_diff, Render};
use crate::suite::{GoldenStatus, SuiteResult};

/// The suite's result as GitHub-flavoured Markdown.
pub struct Markdown;

impl Render<SuiteResult> for Markdown {
    fn render(&self, r: &SuiteResult) -> Result<String> {
        Ok(suite(r))
    }
}

fn golden(s: GoldenStatus) -> &'static str {
    match s {
        GoldenStatus::Matches => "matches",
        GoldenStatus::Differs => "differs",
        GoldenStatus::Missing => "missing",
        GoldenStatus::Updated => "updated",
        GoldenStatus::NotChecked => "not checked",
    }
}

fn suite(r: &SuiteResult) -> String {
    let mut out = format!(
        "### obs-cost scenarios check\n\n**{}** (price book `{}`)\n\n| Scenario | Result | Golden | Failures |\n|---|---|---|--:|\n",
        cell(&r.summary()),
        cell(&r.price_book)
    );
    for s in &r.scenarios {
        let result = if s.error.is_some() {
            "error"
        } else if s.passed() {
            "passed"
        } else {
            "**failed**"
        };
        out.push_str(&format!(
            "| `{}` | {result} | {} | {} |\n",
            cell(&s.name),
            golden(s.golden_status),
            s.failures.len()
        ));
    }
    for s in r.scenarios.iter().filter(|s| !s.passed()) {
        out.push_str(&format!("\n#### `{}` ({})\n\n", cell(&s.name), cell(&s.file)));
        if let Some(e) = &s.error {
            out.push_str(&format!("Error: {}\n", cell(e)));
        }
        if !s.failures.is_empty() {
            out.push_str("| Check | Field | Expected | Actual |\n|---|---|---|---|\n");
            for f in &s.failures {
                out.push_str(&format!(
                    "| {} | `{}` | {} | {} |\n",
                    f.kind.as_str(),
                    cell(&f.field),
                    cell(&f.expected),
                    cell(&f.actual)
                ));
            }
        }
        if let Some(d) = &s.diff {
            out.push('\n');
            out.push_str(&plan_diff::markdown::diff_at(d, 5));
        }
    }
    if !r.skipped.is_empty() {
        out.push_str(&format!("\nSkipped (not scenario files): {}\n", cell(&r.skipped.join(", "))));
    }
    out
}
