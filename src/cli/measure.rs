//! Clap types of `obs-cost measure` only; validation and defaults live in `cmd::measure`.

use std::path::PathBuf;

use clap::{Args, ValueEnum};

/// Snapshot file formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SnapshotFormatArg {
    /// YAML (the default).
    Yaml,
    /// JSON.
    Json,
}

/// `obs-cost measure`.
#[derive(Debug, Args)]
#[command(
    group(clap::ArgGroup::new("sources").required(true).multiple(true).args(["prometheus", "cloudwatch"])),
    after_help = concat!(
        "Examples:\n",
        "  obs-cost measure --prometheus http://localhost:9090 -o usage.yaml\n",
        "  obs-cost measure --prometheus http://prom-a:9090 --prometheus http://prom-b:9090 -o usage.yaml\n",
        "  obs-cost measure --prometheus http://vmauth:8427/select/0/prometheus \\\n",
        "      --header 'X-Scope-OrgID: team-a' -o usage.yaml\n",
        "  obs-cost measure --prometheus http://localhost:9090 --grafana-dashboards dashboards/ \\\n",
        "      --rule-files 'rules/*.yml' -o usage.yaml   # and the series rules and dashboards read\n",
        "  obs-cost measure --cloudwatch --region ap-northeast-2 --log-group-prefix /app/ -o actual.yaml\n",
        "\n",
        "Servers that scrape the same targets (same job and instance, the labels replica,\n",
        "prometheus_replica, __replica__, prometheus and every --dedup-label set aside) are counted\n",
        "once: an HA pair, or a server and its VictoriaMetrics copy. --sum-servers adds them instead.\n",
        "The snapshot's `deduplication` section says what was counted once.\n",
        "Credentials never reach the snapshot, logs or errors: `user:pass@` in a URL is used as basic\n",
        "auth; credential query parameters (?token=) and header values (Authorization) are redacted.\n",
        "--cloudwatch reads the actual usage of the AWS services already moved (IAM actions\n",
        "cloudwatch:ListMetrics, cloudwatch:GetMetricData); compare it with `obs-cost plan --actual`.\n",
        "\n",
        "Exit codes: 0 ok (also with --allow-partial when some quantities failed: failed_queries);\n",
        "  2 an error (unreachable server, failed query, an answer over 64 MiB, bad input, or nothing\n",
        "  measured at all, even with --allow-partial); nothing is written on exit 2."
    )
)]
pub struct MeasureArgs {
    /// Prometheus-compatible API base URL (Prometheus, VictoriaMetrics, Mimir, ...), with any path
    /// prefix (`/select/0/prometheus`); repeat to measure several servers (targets they share are counted once).
    #[arg(long = "prometheus", value_name = "URL")]
    pub prometheus: Vec<String>,
    /// Extra HTTP header sent to every server, `'Name: value'` (repeatable), e.g. a Mimir/Cortex
    /// tenant `X-Scope-OrgID: team-a`; values of credential headers are never printed.
    #[arg(long = "header", value_name = "NAME: VALUE")]
    pub header: Vec<String>,
    /// A label that tells copies of the same target apart (an HA replica label), set aside when
    /// deduplicating; adds to replica, prometheus_replica, __replica__ and prometheus (repeatable).
    #[arg(long = "dedup-label", value_name = "NAME")]
    pub dedup_label: Vec<String>,
    /// Add up several --prometheus servers even where they scrape the same targets (servers that
    /// reuse job and instance names for different targets); by default shared targets count once.
    #[arg(long)]
    pub sum_servers: bool,
    /// Also read the actual usage of the AWS services already moved from CloudWatch (needs --region
    /// and AWS credentials); alone, it writes a snapshot with only the `actual` section.
    #[arg(long, requires = "region")]
    pub cloudwatch: bool,
    /// AWS region to read CloudWatch in, e.g. ap-northeast-2.
    #[arg(long, value_name = "REGION", requires = "cloudwatch")]
    pub region: Option<String>,
    /// Only CloudWatch Logs log groups whose name starts with this (repeat or comma-separate; default: all).
    #[arg(long, value_name = "PREFIX", value_delimiter = ',', requires = "cloudwatch")]
    pub log_group_prefix: Vec<String>,
    /// EC2 instance running a Compose host: read its CPUUtilization and NetworkIn/NetworkOut (repeat or comma-separate).
    #[arg(long, value_name = "ID", value_delimiter = ',', requires = "cloudwatch")]
    pub instance_id: Vec<String>,
    /// Look-back window of rates and monthly volumes (humantime: 30d, 7d, 12h).
    #[arg(long, value_name = "DURATION", default_value = "30d")]
    pub window: String,
    /// Evaluation time: RFC 3339 (2024-02-01T00:00:00Z) or unix seconds; default now. Fixes the output.
    #[arg(long, value_name = "TIME")]
    pub at: Option<String>,
    /// Number of metric names to list by series count.
    #[arg(long, value_name = "N", default_value_t = 10)]
    pub top: usize,
    /// Write the snapshot to this file (atomically) instead of stdout.
    #[arg(short = 'o', long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Snapshot format.
    #[arg(long, value_enum, default_value_t = SnapshotFormatArg::Yaml)]
    pub format: SnapshotFormatArg,
    /// File holding a bearer token sent to every server.
    #[arg(long, value_name = "FILE")]
    pub bearer_token_file: Option<PathBuf>,
    /// Basic-auth user; the password comes from --basic-auth-password-file or OBS_COST_BASIC_AUTH_PASSWORD.
    #[arg(long, value_name = "USER")]
    pub basic_auth_user: Option<String>,
    /// File holding the basic-auth password.
    #[arg(long, value_name = "FILE", requires = "basic_auth_user")]
    pub basic_auth_password_file: Option<PathBuf>,
    /// Basic-auth password (read from the environment only, never from the command line).
    #[arg(long = "basic-auth-password-env", hide = true, env = "OBS_COST_BASIC_AUTH_PASSWORD", hide_env_values = true)]
    pub basic_auth_password_env: Option<String>,
    /// PEM file of CA certificate(s) to trust for https:// servers.
    #[arg(long, value_name = "FILE")]
    pub ca_file: Option<PathBuf>,
    /// Timeout of each request (humantime: 30s, 2m).
    #[arg(long, value_name = "DURATION", default_value = "30s")]
    pub timeout: String,
    /// Retries after a timeout or an HTTP 429/502/503/504, with exponential backoff.
    #[arg(long, value_name = "N", default_value_t = 2)]
    pub retries: u32,
    /// Write the snapshot even if some queries fail, marking those quantities `failed`.
    #[arg(long)]
    pub allow_partial: bool,
    /// No progress bar and no summary on stderr.
    #[arg(short, long)]
    pub quiet: bool,
    /// The used-series analysis' sources.
    #[command(flatten)]
    pub used: Box<super::used_series::UsedSeriesArgs>,
}
