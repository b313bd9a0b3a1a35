//! The scenario suite's result as JUnit XML, for CI systems that display test reports (GitLab,
//! Jenkins, GitHub Actions through a reporter action): one `testsuite`, one `testcase` per
//! scenario, one `failure` element per difference and an `error` element for a scenario that
//! could not be checked. `failures` and `errors` on the testsuite count testcases.

use std::fmt::Write;

use crate::suite::SuiteResult;

/// Escapes text for XML content and attribute values.
fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\n' => out.push_str("&#10;"),
            c if (c as u32) < 0x20 && c != '\t' => {}
            c => out.push(c),
        }
    }
    out
}

/// A suite result as JUnit XML.
pub fn suite(r: &SuiteResult) -> String {
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
