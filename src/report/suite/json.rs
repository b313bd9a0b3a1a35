//! The scenario suite's result as JSON: the whole [`SuiteResult`] plus `schema_version` and the
//! counts.

use anyhow::Result;
use serde::Serialize;

use crate::report::Render;
use crate::suite::SuiteResult;

/// Version of the suite JSON.
pub const SUITE_SCHEMA_VERSION: u32 = 1;

#[derive(Serialize)]
struct Doc<'a> {
    schema_version: u32,
    passed: usize,
    failed: usize,
    errors: usize,
    #[serde(flatten)]
    result: &'a SuiteResult,
}

/// The suite's result as versioned JSON.
pub struct Json;

impl Render<SuiteResult> for Json {
    fn render(&self, r: &SuiteResult) -> Result<String> {
        suite(r)
    }
}

fn suite(r: &SuiteResult) -> Result<String> {
    let doc = Doc {
        schema_version: SUITE_SCHEMA_VERSION,
        passed: r.passed(),
        failed: r.failed(),
        errors: r.errors(),
        result: r,
    };
    Ok(serde_json::to_string_pretty(&doc)? + "\n")
}
