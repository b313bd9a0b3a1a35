//! The scenario suite's result as terminal text: one line per scenario, its failures under it,
//! the plan diff of each scenario whose golden differs, and the summary last.

use anyhow::Result;

use crate::report::{plan_diff, Render};
use crate::suite::{GoldenStatus, SuiteResult};

/// The suite's result as terminal text.
pub struct Table;

impl Render<SuiteResult> for Table {
    fn render(&self, r: &SuiteResult) -> Result<String> {
        Ok(suite(r))
    }
}

fn suite(r: &SuiteResult) -> String {
    let mut out = format!("Scenario check (price book {})\n", r.price_book);
    for s in &r.scenarios {
        let (tag, golden) = match (&s.error, s.golden_status) {
            (Some(_), _) => ("ERROR", ""),
            (None, GoldenStatus::Updated) => (if s.passed() { "PASS " } else { "FAIL " }, ", golden updated"),
            (None, _) => (if s.passed() { "PASS " } else { "FAIL " }, ""),
        };
        out.push_str(&format!("{tag} {} ({}{golden})\n", s.name, s.file));
        if let Some(e) = &s.error {
            for line in e.lines() {
                out.push_str(&format!("      {line}\n"));
            }
        }
        for f in &s.failures {
            out.push_str(&format!("      {f}\n"));
        }
        if !s.has_expectations && s.error.is_none() {
            out.push_str("      note: no `expect:` block; only the golden is checked\n");
        }
    }
    for s in &r.scenarios {
        if let Some(d) = &s.diff {
            out.push('\n');
            out.push_str(&plan_diff::table::diff(d));
        }
    }
    if !r.skipped.is_empty() {
        out.push_str(&format!("\nSkipped (not scenario files): {}\n", r.skipped.join(", ")));
    }
    out.push_str(&format!("\n{}\n", r.summary()));
    out
}
