//! Reading a usage snapshot back (`plan --usage`, `usage.snapshot`, `init --usage`): the size
//! limit, `schema_version` and `kind` first, then the values, every error located and never
//! quoting the file.

use std::path::Path;

use anyhow::{bail, Result};
use serde::Deserialize;

use super::{UsageSnapshot, KIND_USAGE, SCHEMA_VERSION};

/// Reads a usage snapshot (YAML or JSON; JSON is YAML), at most [`crate::input::SNAPSHOT`] bytes,
/// and checks its `schema_version`, `kind` and values. Errors name the file, line and column and
/// never quote the file (a token file given by mistake must not leak).
pub fn load_snapshot(path: &Path) -> Result<UsageSnapshot> {
    let text = crate::input::read_text(path, crate::input::SNAPSHOT)?;
    parse_snapshot_at(&text, path)
}

/// Parses a usage snapshot from text, checking `schema_version` before the rest.
pub fn parse_snapshot(text: &str) -> Result<UsageSnapshot> {
    parse_snapshot_at(text, Path::new("(snapshot)"))
}

pub(super) fn parse_snapshot_at(text: &str, path: &Path) -> Result<UsageSnapshot> {
    #[derive(Deserialize)]
    struct Header {
        schema_version: Option<u32>,
        kind: Option<String>,
    }
    let what = "usage snapshot";
    crate::input::check_yaml_depth(text, path, what)?;
    let header: Header = serde_yaml::from_str(text).map_err(|e| match e.location() {
        // A string, a list, a number: not a snapshot at all (never quoted: it may be a token file).
        Some(loc) if e.to_string().starts_with("invalid type") => anyhow::anyhow!(
            "invalid usage snapshot {}:{}:{}: not a YAML or JSON mapping with `schema_version` and `kind`\nhint: {}",
            path.display(),
            loc.line(),
            loc.column(),
            crate::input::format_hint(what)
        ),
        _ => crate::input::yaml_error(&e, path, what),
    })?;
    match header.schema_version {
        Some(SCHEMA_VERSION) => {}
        Some(other) => bail!(
            "invalid usage snapshot '{}': schema_version {other} is not supported (this obs-cost reads {SCHEMA_VERSION})\nhint: re-run `obs-cost measure` with this version",
            path.display()
        ),
        None => bail!(
            "invalid usage snapshot '{}': missing `schema_version`\nhint: give a file written by `obs-cost measure`",
            path.display()
        ),
    }
    if header.kind.as_deref() != Some(KIND_USAGE) {
        bail!(
            "invalid usage snapshot '{}': `kind` must be `{KIND_USAGE}`\nhint: give a file written by `obs-cost measure`",
            path.display()
        );
    }
    crate::input::parse_yaml(text, path, what)
}
