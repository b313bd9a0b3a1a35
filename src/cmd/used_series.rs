//! `obs-cost measure`'s used-series options: turns `--rule-files`, `--grafana-dashboards`,
//! `--grafana` and `--grafana-token-file` into `measure::used::UsedOptions` (the Grafana client
//! shares the connection options of the Prometheus servers: CA, timeout, retries).

use anyhow::{bail, Context, Result};

use crate::cli::used_series::UsedSeriesArgs;
use crate::measure::prometheus::{Client, ConnectOptions};
use crate::measure::used::{read_limited, UsedOptions};

/// Largest token file read.
const MAX_TOKEN_FILE_BYTES: u64 = 64 << 10;

/// The analysis' options, or `None` when no source was given.
pub fn options(args: &UsedSeriesArgs, connect: &ConnectOptions) -> Result<Option<UsedOptions>> {
    if !args.requested() {
        return Ok(None);
    }
    let grafana = match (&args.grafana, &args.grafana_token_file) {
        (Some(url), Some(path)) => {
            let token = read_limited(path, MAX_TOKEN_FILE_BYTES, "Grafana token file")
                .with_context(|| "hint: --grafana-token-file holds a Grafana service-account token")?;
            let token = token.trim().to_string();
            if token.is_empty() {
                bail!(
                    "the Grafana token file '{}' is empty; hint: put a service-account token (glsa_...) in it",
                    path.display()
                );
            }
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
