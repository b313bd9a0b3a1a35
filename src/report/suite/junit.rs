//! The scenario suite's result as JUnit XML, for CI systems that display test reports (GitLab,
//! Jenkins, GitHub Actions through a reporter action): one `testsuite`, one `testcase` per
//! scenario, one `failure` element per difference and an `error` element for a scenario that
//! could not be checked. `failures` and `errors` on the testsuite count testcases.

use std::fmt::Write;

use anyhow::Result;

use crate::report::markup::xml as esc;
use crate::report::Render;
use crate::suite::SuiteResult;

/// The suite's result as JUnit XML.
pub struct Junit;

impl Render<SuiteResult> for Junit {
    fn render(&self, r: &SuiteResult) -> Result<String> {
        Ok(suite(r))
    }
}

fn suite(r: &SuiteResult) -> String {
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    let _ = writeln!(
        out,
        "<testsuite name=\"obs-cost scenarios\" tests=\"{}\" failures=\"{}\" errors=\"{}\" skipped=\"0\">",
        r.scenarios.len(),
        r.failed(),
        r.errors()
    );
    for s in &r.scenarios {
        let _ = write!(
            out,
            "  <testcase classname=\"obs-cost.scenarios\" name=\"{}\" file=\"{}\"",
            esc(&s.name),
            esc(&s.file)
        );
        if s.passed() {
            out.push_str("/>\n");
            continue;
        }
        out.push_str(">\n");
        if let Some(e) = &s.error {
            let first = e.lines().next().unwrap_or_default();
            let _ = writeln!(out, "    <error type=\"error\" message=\"{}\">{}</error>", esc(first), esc(e));
        }
        for f in &s.failures {
            let _ = writeln!(
                out,
                "    <failure type=\"{}\" message=\"{}\">{}: expected {}, actual {}</failure>",
                f.kind.as_str(),
                esc(&format!("{}: expected {}, actual {}", f.field, f.expected, f.actual)),
                esc(&f.field),
                esc(&f.expected),
                esc(&f.actual)
            );
        }
        out.push_str("  </testcase>\n");
    }
    out.push_str("</testsuite>\n");
    out
}
