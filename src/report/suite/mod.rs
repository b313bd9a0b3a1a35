//! The scenario suite's result (`scenarios check`) and its renderers, one per format: `table`,
//! `json`, `markdown` (a pull-request comment) and `junit` (CI test reports).

pub mod json;
pub mod junit;
pub mod markdown;
pub mod table;

use anyhow::Result;

use super::{unsupported, Format, Render};
use crate::suite::SuiteResult;

/// The renderer of the suite's result in a format.
pub fn renderer(format: Format) -> Result<Box<dyn Render<SuiteResult>>> {
    Ok(match format {
        Format::Table => Box::new(table::Table),
        Format::Json => Box::new(json::Json),
        Format::Markdown => Box::new(markdown::Markdown),
        Format::Junit => Box::new(junit::Junit),
        other => {
            return unsupported(
                "the scenario suite's result",
                other,
                &[Format::Table, Format::Json, Format::Markdown, Format::Junit],
            )
        }
    })
}
