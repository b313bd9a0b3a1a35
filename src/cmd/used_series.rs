//! `obs-cost measure`'s used-series options: turns `--rule-files`, `--grafana-dashboards`,
//! `--grafana` and `--grafana-token-file` into `measure::used::UsedOptions` (the Grafana client
//! shares the connection options of the Prometheus servers: CA, timeout, retries).

use anyhow::Result;

use crate::cli::used_series::UsedSeriesArgs;
use crate::measure::prometheus::{Client, ConnectOptions};
use crate::measure::used::UsedOptions;

/// The analysis' options, or `None` when no source was given.
pub fn options(args: &UsedSeriesArgs, connect: &ConnectOptions) -> Result<Option<UsedOptions>> {
    if !args.requested() {
        return Ok(None);
    }
    let grafana = match (&args.grafana, &args.grafana_token_file) {
        (Some(url), Some(path)) => {
            // The same reader as the other secret files: 64 KiB at most, trimmed, never empty.
            let token = super::measure::read_secret(path, "Grafana token file")?;
            let options = ConnectOptions { bearer_token: Some(token), basic_auth: None, ..connect.clone() };
            Some(Client::new(url, &options)?)
        }
        _ => None,
    };
    Ok(Some(UsedOptions {
        rule_files: args.rule_files.clone(),
        dashboard_dirs: args.grafana_dashboards.clone(),
        grafana,
    }))
}
