//! `obs-cost scenarios check`: the scenario suite. Finds scenario files, plans each one, holds the
//! plan against the scenario's `expect:` block and against its golden plan
//! (`<dir>/expected/<stem>.json`, the plan JSON, written by `--update`), and collects the results.
//! Also answers `pricing diff`'s question of which bundled scenarios' decisions flip between two
//! price books. Renders nothing (`report::suite` does) and prints nothing; goldens are the plan's
//! own JSON ([`Plan::to_json`]).

pub mod check;

use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};
use serde::Serialize;

use crate::output;
use crate::plan::diff::{self as plan_diff, PlanDiff};
use crate::plan::Plan;
use crate::pricing::diff::FlippedDecision;
use crate::pricing::PriceBook;

/// The directory of goldens next to the scenarios.
pub const GOLDEN_DIR: &str = "expected";

/// What kind of check failed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FailureKind {
    /// An `expect:` decision, outcome or range.
    Expectation,
    /// An `expect.guardrails` budget.
    Guardrail,
    /// The plan differs from its golden (or has none).
    Golden,
}

impl FailureKind {
    /// `expectation`, `guardrail` or `golden`.
    pub fn as_str(self) -> &'static str {
        match self {
            FailureKind::Expectation => "expectation",
            FailureKind::Guardrail => "guardrail",
            FailureKind::Golden => "golden",
        }
    }
}

/// One thing that did not hold.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Failure {
    /// What kind of check.
    pub kind: FailureKind,
    /// The field, e.g. `phases.2.decision` or `guardrails.max_aws_monthly_usd (phase 5)`.
    pub field: String,
    /// What was expected.
    pub expected: String,
    /// What the plan says.
    pub actual: String,
}

impl std::fmt::Display for Failure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} {}: expected {}, actual {}", self.kind.as_str(), self.field, self.expected, self.actual)
    }
}

/// What happened to a scenario's golden.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum GoldenStatus {
    /// The plan matches it.
    Matches,
    /// The plan differs from it.
    Differs,
    /// There is none.
    Missing,
    /// `--update` wrote it (it was missing or differed).
    Updated,
    /// Not compared: the scenario could not be planned.
    NotChecked,
}

/// One scenario's result.
#[derive(Debug, Clone, Serialize)]
pub struct ScenarioResult {
    /// Scenario name (the file stem when it could not be read).
    pub name: String,
    /// Scenario file.
    pub file: String,
    /// Golden file.
    pub golden: String,
    /// What happened to the golden.
    pub golden_status: GoldenStatus,
    /// Whether the scenario has an `expect:` block.
    pub has_expectations: bool,
    /// Everything that did not hold (empty: passed).
    pub failures: Vec<Failure>,
    /// The plan compared with its golden, when one was read and differs.
    pub diff: Option<PlanDiff>,
    /// Why the scenario could not be checked (exit 2).
    pub error: Option<String>,
}

impl ScenarioResult {
    /// Passed: no error and no failure.
    pub fn passed(&self) -> bool {
        self.error.is_none() && self.failures.is_empty()
    }
}

/// The whole suite's result.
#[derive(Debug, Clone, Serialize)]
pub struct SuiteResult {
    /// Price book used.
    pub price_book: String,
    /// Whether goldens were rewritten.
    pub update: bool,
    /// Per scenario, in file order.
    pub scenarios: Vec<ScenarioResult>,
    /// Files of the directories given that are not scenarios (no `schema_version` and `team`).
    pub skipped: Vec<String>,
}

impl SuiteResult {
    /// Scenarios that passed.
    pub fn passed(&self) -> usize {
        self.scenarios.iter().filter(|s| s.passed()).count()
    }
    /// Scenarios with failures (and no error).
    pub fn failed(&self) -> usize {
        self.scenarios.iter().filter(|s| s.error.is_none() && !s.failures.is_empty()).count()
    }
    /// Scenarios that could not be checked.
    pub fn errors(&self) -> usize {
        self.scenarios.iter().filter(|s| s.error.is_some()).count()
    }
    /// One line: `7 scenarios: 6 passed, 1 failed, 0 errors`.
    pub fn summary(&self) -> String {
        format!(
            "{} scenario(s): {} passed, {} failed, {} error(s){}",
            self.scenarios.len(),
            self.passed(),
            self.failed(),
            self.errors(),
            if self.update { "; goldens updated" } else { "" }
        )
    }
}

/// Whether a YAML file looks like a scenario: a mapping with `schema_version` and `team`. A file
/// that cannot be read or parsed (binary, too large, broken YAML) counts as one, so that its error
/// is reported as that scenario's and the other scenarios are still checked.
fn is_scenario(path: &Path) -> Result<bool> {
    let Ok(text) = crate::input::read_text(path, crate::input::SCENARIO) else { return Ok(true) };
    if crate::input::check_yaml_depth(&text, path, "scenario").is_err() {
        return Ok(true);
    }
    Ok(serde_yaml::from_str::<serde_yaml::Value>(&text)
        .map_or(true, |v| v.get("schema_version").is_some() && v.get("team").is_some()))
}

/// The scenario files of `paths` (directories: their `*.yaml`/`*.yml` files, not recursively, so
/// `expected/` and Markdown notes are never read; files: taken as given) and the files skipped.
pub fn discover(paths: &[PathBuf]) -> Result<(Vec<PathBuf>, Vec<String>)> {
    let mut files = Vec::new();
    let mut skipped = Vec::new();
    for path in paths {
        if path.is_dir() {
            let mut found = Vec::new();
            let listing =
                std::fs::read_dir(path).with_context(|| format!("cannot read directory '{}'", path.display()))?;
            for item in listing {
                let p = item.with_context(|| format!("cannot list '{}'", path.display()))?.path();
                if p.is_file() && p.extension().is_some_and(|e| e == "yaml" || e == "yml") {
                    found.push(p);
                }
            }
            found.sort();
            let before = files.len();
            for p in found {
                if is_scenario(&p)? {
                    files.push(p);
                } else {
                    skipped.push(p.display().to_string());
                }
            }
            if files.len() == before {
                bail!(
                    "'{}' has no scenario files (YAML files with `schema_version` and `team`)\nhint: see scenarios/example.yaml",
                    path.display()
                );
            }
        } else if path.is_file() {
            files.push(path.clone());
        } else {
            bail!("'{}' does not exist\nhint: give scenario files or directories of them", path.display());
        }
    }
    Ok((files, skipped))
}

/// The golden of a scenario file: `<dir>/expected/<stem>.json`.
pub fn golden_path(scenario: &Path) -> PathBuf {
    let stem = scenario.file_stem().map_or_else(|| "scenario".into(), |s| s.to_string_lossy().into_owned());
    scenario.parent().unwrap_or_else(|| Path::new("")).join(GOLDEN_DIR).join(format!("{stem}.json"))
}

/// Runs the suite over scenario files.
pub fn run(files: &[PathBuf], skipped: Vec<String>, book: &PriceBook, update: bool) -> SuiteResult {
    let scenarios = files.iter().map(|f| run_one(f, book, update)).collect();
    SuiteResult { price_book: book.origin.clone(), update, scenarios, skipped }
}

fn run_one(file: &Path, book: &PriceBook, update: bool) -> ScenarioResult {
    let golden = golden_path(file);
    let mut r = ScenarioResult {
        name: file.file_stem().map_or_else(String::new, |s| s.to_string_lossy().into_owned()),
        file: file.display().to_string(),
        golden: golden.display().to_string(),
        golden_status: GoldenStatus::NotChecked,
        has_expectations: false,
        failures: Vec::new(),
        diff: None,
        error: None,
    };
    if let Err(err) = check_one(file, &golden, book, update, &mut r) {
        r.error = Some(format!("{err:#}"));
    }
    r
}

fn check_one(file: &Path, golden: &Path, book: &PriceBook, update: bool, r: &mut ScenarioResult) -> Result<()> {
    // The plan names its file without a directory, so goldens do not depend on where the suite ran.
    let shown = Path::new(file.file_name().unwrap_or(file.as_os_str()));
    let (plan, scenario) = crate::plan::from_file(file, None, book, shown)?;
    r.name.clone_from(&plan.scenario.name);
    if let Some(e) = &scenario.expect {
        r.has_expectations = true;
        r.failures.extend(check::expectations(&plan, e));
    }
    let text = plan.to_json()?;
    let current = plan.as_written()?;
    let old = if golden.exists() { Some(Plan::read(golden, "golden")?) } else { None };
    let d = old.as_ref().map(|old| plan_diff::diff(&r.golden, old, "current", &current)).transpose()?;
    let differs = d.as_ref().is_none_or(|d| !d.is_empty());
    if update {
        if differs {
            output::write_atomic(golden, text.as_bytes())?;
            r.golden_status = GoldenStatus::Updated;
        } else {
            r.golden_status = GoldenStatus::Matches;
        }
    } else if let Some(d) = &d {
        if d.is_empty() {
            r.golden_status = GoldenStatus::Matches;
        } else {
            r.golden_status = GoldenStatus::Differs;
            r.failures.extend(check::golden(d));
        }
    } else {
        r.golden_status = GoldenStatus::Missing;
        r.failures.push(Failure {
            kind: FailureKind::Golden,
            field: r.golden.clone(),
            expected: "a golden plan".into(),
            actual: "none (write it with `obs-cost scenarios check --update` and commit it)".into(),
        });
    }
    r.diff = d.filter(|d| !d.is_empty());
    Ok(())
}

/// Plans every scenario of `files` with both books and lists the phases whose decision differs.
/// Scenarios whose region is missing from either book, or that either book cannot price, are
/// left out (listed in the second value, with the reason).
pub fn decisions_that_flip(
    files: &[PathBuf],
    old: &PriceBook,
    new: &PriceBook,
) -> Result<(Vec<FlippedDecision>, Vec<String>)> {
    let mut flips = Vec::new();
    let mut left_out = Vec::new();
    for f in files {
        let s = crate::scenario::load(f)?.scenario;
        if !old.regions.contains_key(&s.region) || !new.regions.contains_key(&s.region) {
            left_out.push(format!("{} ({} is not in both books)", f.display(), s.region));
            continue;
        }
        let plan_with = |book: &PriceBook| -> Result<Plan> {
            let (plan, _) = crate::plan::from_file(f, None, book, f)?;
            plan.as_written()
        };
        // A book that cannot price a scenario (a partial snapshot) leaves it out, with the reason:
        // the price diff itself still holds.
        let a = plan_with(old).context("cannot plan it with the old prices");
        let b = plan_with(new).context("cannot plan it with the new prices");
        let (a, b) = match (a, b) {
            (Ok(a), Ok(b)) => (a, b),
            (Err(e), _) | (_, Err(e)) => {
                let first = format!("{e:#}");
                left_out.push(format!("{} ({})", f.display(), first.lines().next().unwrap_or_default()));
                continue;
            }
        };
        let d = plan_diff::diff("old", &a, "new", &b)?;
        let code = |d: Option<crate::roi::Decision>| d.map(|d| d.as_str().to_string()).unwrap_or_default();
        for p in d.flipped() {
            flips.push(FlippedDecision {
                scenario: f.display().to_string(),
                what: format!("phase {} ({})", p.phase, p.name),
                old: code(p.decision.old),
                new: code(p.decision.new),
            });
        }
    }
    Ok((flips, left_out))
}
