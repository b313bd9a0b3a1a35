//! Clap types of `obs-cost measure`'s used-series analysis (flattened into `measure`).

use std::path::PathBuf;

use clap::Args;

/// Where the expressions that read series are: rules and Grafana dashboards.
#[derive(Debug, Args, Default)]
pub struct UsedSeriesArgs {
    /// Prometheus rule files to read (a glob, e.g. 'rules/*.yml'; repeatable), for servers whose
    /// /api/v1/rules does not list them; each server's rules API is always read.
    #[arg(long = "rule-files", value_name = "GLOB", requires = "prometheus", help_heading = "Used series")]
    pub rule_files: Vec<String>,
    /// Grafana dashboard JSON files: every *.json below DIR (dashboards of any schema and library
    /// panels; repeatable).
    #[arg(long = "grafana-dashboards", value_name = "DIR", requires = "prometheus", help_heading = "Used series")]
    pub grafana_dashboards: Vec<PathBuf>,
    /// Grafana base URL: read every dashboard (and the library panels they use) through its HTTP
    /// API; `user:password@` in it is used as basic auth.
    #[arg(long, value_name = "URL", requires = "prometheus", help_heading = "Used series")]
    pub grafana: Option<String>,
    /// File holding a Grafana service-account token (Viewer role is enough), sent as a bearer
    /// token; never printed.
    #[arg(long, value_name = "FILE", requires = "grafana", help_heading = "Used series")]
    pub grafana_token_file: Option<PathBuf>,
}

impl UsedSeriesArgs {
    /// True when any source of expressions was given, i.e. the analysis runs.
    pub fn requested(&self) -> bool {
        !self.rule_files.is_empty() || !self.grafana_dashboards.is_empty() || self.grafana.is_some()
    }
}
