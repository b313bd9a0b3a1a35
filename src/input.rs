//! Reading YAML input files (usage files, scenarios) into typed values, with errors that name the
//! file, the key, and the line and column, and say what is allowed.

use std::path::Path;

use anyhow::{anyhow, Context, Result};
use serde::de::DeserializeOwned;

/// Reads and parses a YAML file; `what` names the kind of file in errors ("usage file").
pub fn read_yaml<T: DeserializeOwned>(path: &Path, what: &str) -> Result<T> {
    let text = std::fs::read_to_string(path).with_context(|| format!("cannot read {what} '{}'", path.display()))?;
    parse_yaml(&text, path, what)
}

/// Parses YAML text read from `path`.
pub fn parse_yaml<T: DeserializeOwned>(text: &str, path: &Path, what: &str) -> Result<T> {
    serde_yaml::from_str(text).map_err(|err| {
        let message = err.to_string();
        match err.location() {
            Some(loc) => {
                // serde_yaml appends " at line L column C"; show it first, compiler-style.
                let suffix = format!(" at line {} column {}", loc.line(), loc.column());
                let message = message.strip_suffix(&suffix).unwrap_or(&message);
                anyhow!("invalid {what} {}:{}:{}: {message}", path.display(), loc.line(), loc.column())
            }
            None => anyhow!("invalid {what} {}: {message}", path.display()),
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::AwsUsage;

    #[test]
    fn errors_name_file_key_line_and_column() {
        let err = parse_yaml::<AwsUsage>("cloudwatch_logs:\n  ingested_gb: -5\n", Path::new("u.yaml"), "usage file")
            .unwrap_err()
            .to_string();
        assert_eq!(
            err,
            "invalid usage file u.yaml:2:16: cloudwatch_logs.ingested_gb: invalid value: integer `-5`, expected a non-negative finite number"
        );
    }
}
