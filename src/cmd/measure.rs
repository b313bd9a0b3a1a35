//! `obs-cost measure`: turns the command line into connection and measuring options, runs the
//! measurement with a progress bar on a terminal, and writes the snapshot atomically. All PromQL
//! lives in `measure::queries`, all HTTP in `measure::prometheus`; `--cloudwatch` adds the `actual`
//! section through `measure::cloudwatch`.

use std::io::IsTerminal;
use std::path::Path;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use anyhow::{anyhow, bail, Context, Result};

use crate::cli::measure::{MeasureArgs, SnapshotFormatArg};
use crate::measure::cloudwatch::CloudWatchOptions;
use crate::measure::prometheus::{Client, ConnectOptions};
use crate::measure::{self, MeasureOptions, UsageSnapshot};
use crate::output;

/// Runs `obs-cost measure`.
pub fn run(args: &MeasureArgs) -> Result<()> {
    let connect = connect_options(args)?;
    let window = humantime::parse_duration(&args.window)
        .map_err(|e| anyhow!("invalid --window '{}': {e}\nhint: use e.g. 30d, 7d or 12h", args.window))?;
    if window.as_secs() < 60 {
        bail!("--window '{}' is too short\nhint: use at least 1m (e.g. 30d)", args.window);
    }
    let (at, at_is_now) = match &args.at {
        Some(text) => (parse_at(text)?, false),
        None => {
            let now = SystemTime::now().duration_since(UNIX_EPOCH).context("the system clock is before 1970")?;
            (now.as_secs() as f64, true)
        }
    };
    let opts = MeasureOptions {
        window_seconds: window.as_secs(),
        at,
        at_is_now,
        top: args.top,
        allow_partial: args.allow_partial,
        dedup_labels: dedup_labels(&args.dedup_label)?,
        sum_servers: args.sum_servers,
    };
    let cloudwatch = cloudwatch_options(args, opts.window_seconds, at)?;
    let used = super::used_series::options(&args.used, &connect)?;
    let clients = args.prometheus.iter().map(|url| Client::new(url, &connect)).collect::<Result<Vec<_>, _>>()?;

    let started = Instant::now();
    let bar = (!args.quiet && std::io::stderr().is_terminal()).then(|| {
        let bar = indicatif::ProgressBar::new_spinner();
        bar.set_style(
            indicatif::ProgressStyle::with_template("{spinner} {pos} queries {elapsed} {wide_msg}")
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_spinner()),
        );
        bar.enable_steady_tick(Duration::from_millis(120));
        bar
    });
    let mut progress = |label: &str| {
        if let Some(bar) = &bar {
            bar.inc(1);
            bar.set_message(label.chars().take(100).collect::<String>());
        }
    };
    let result = measure_all(&clients, &opts, cloudwatch.as_ref(), used.as_ref(), &mut progress);
    if let Some(bar) = &bar {
        bar.finish_and_clear();
    }
    let mut snapshot = result?;
    let shown_headers: Vec<String> =
        connect.headers.iter().map(|(k, v)| format!("{k}: {}", crate::redact::redact_header_value(k, v))).collect();
    for source in &mut snapshot.sources {
        source.headers.clone_from(&shown_headers);
    }
    let text = match args.format {
        SnapshotFormatArg::Yaml => snapshot.to_yaml()?,
        SnapshotFormatArg::Json => snapshot.to_json()?,
    };
    output::emit(&text, args.output.as_deref())?;
    for warning in &snapshot.warnings {
        eprintln!("obs-cost: warning: {warning}");
    }
    if !args.quiet {
        eprint!("{}", super::measure_summary::summary(&snapshot, started.elapsed(), args.output.as_deref()));
    }
    Ok(())
}

/// The copy labels: the defaults and every `--dedup-label`, each a valid label name, once.
fn dedup_labels(extra: &[String]) -> Result<Vec<String>> {
    let mut out: Vec<String> = measure::queries::DEFAULT_DEDUP_LABELS.iter().map(|s| s.to_string()).collect();
    for label in extra {
        let valid = label.chars().next().is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
            && label.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
        if !valid || label == "job" || label == "instance" {
            bail!(
                "--dedup-label '{}' is not a label that tells copies apart\nhint: give a label name such as replica or cluster_replica (letters, digits, _; not job or instance)",
                crate::redact::escape_control(label)
            );
        }
        if !out.contains(label) {
            out.push(label.clone());
        }
    }
    Ok(out)
}

/// Parses `--header 'Name: value'`.
fn parse_header(text: &str) -> Result<(String, String)> {
    let Some((name, value)) = text.split_once(':') else {
        bail!(
            "a --header is not 'Name: value' (its text is not shown: it may hold a credential)\nhint: e.g. --header 'X-Scope-OrgID: team-a'"
        );
    };
    let (name, value) = (name.trim(), value.trim());
    if name.is_empty() || !name.bytes().all(|b| b.is_ascii_alphanumeric() || b"-_".contains(&b)) {
        bail!(
            "--header name '{}' is not a valid HTTP header name\nhint: e.g. --header 'X-Scope-OrgID: team-a'",
            crate::redact::escape_control(name)
        );
    }
    if value.chars().any(|c| c.is_control()) {
        bail!("--header '{name}' has a control character in its value\nhint: give the value as plain text");
    }
    Ok((name.to_string(), value.to_string()))
}

/// Runs the Prometheus measurement (when URLs were given) and the CloudWatch one (when asked),
/// into one snapshot.
fn measure_all(
    clients: &[Client],
    opts: &MeasureOptions,
    cloudwatch: Option<&CloudWatchOptions>,
    used: Option<&measure::used::UsedOptions>,
    progress: &mut dyn FnMut(&str),
) -> Result<UsageSnapshot> {
    let sources = used.map(|u| measure::used::load(u, &mut *progress)).transpose()?;
    let mut snapshot =
        if clients.is_empty() { empty_snapshot(opts) } else { measure::measure(clients, opts, &mut *progress)? };
    match sources {
        Some(s) => measure::used::apply(&mut snapshot, measure::used::analyse(clients, s, opts, &mut *progress)?),
        None if !clients.is_empty() => snapshot.not_measured.push(measure::used::not_requested()),
        None => {}
    }
    if let Some(cw) = cloudwatch {
        let reading = measure::cloudwatch::measure(cw, progress)?;
        snapshot.not_measured.extend(reading.not_measured);
        snapshot.actual = Some(reading.actual);
    }
    Ok(snapshot)
}

/// A snapshot with no Prometheus data, for `measure --cloudwatch` alone: its self-hosted sections
/// are empty (not measured, not zero) and `actual` is filled in afterwards.
fn empty_snapshot(opts: &MeasureOptions) -> UsageSnapshot {
    UsageSnapshot {
        schema_version: measure::SCHEMA_VERSION,
        kind: measure::KIND_USAGE.into(),
        generated_by: concat!("obs-cost ", env!("CARGO_PKG_VERSION")).into(),
        at: measure::collect::format_at(opts.at),
        window_seconds: opts.window_seconds,
        month_seconds: measure::MONTH_SECONDS as u64,
        sources: Vec::new(),
        deduplication: None,
        metrics: measure::MetricsUsage::default(),
        logs: measure::LogsUsage::default(),
        traces: measure::TracesUsage::default(),
        database: Vec::new(),
        cache: Vec::new(),
        hosts: Vec::new(),
        containers: Vec::new(),
        alerting: measure::AlertingUsage::default(),
        not_measured: Vec::new(),
        failed_queries: Vec::new(),
        warnings: Vec::new(),
        actual: None,
    }
}

/// The CloudWatch request, validated, when `--cloudwatch` was given.
fn cloudwatch_options(args: &MeasureArgs, window_seconds: u64, at: f64) -> Result<Option<CloudWatchOptions>> {
    if !args.cloudwatch {
        return Ok(None);
    }
    let Some(region) = args.region.clone() else {
        bail!("--cloudwatch needs --region REGION\nhint: give the region the moved services run in, e.g. --region ap-northeast-2");
    };
    crate::aws::check_region(&region)?;
    if window_seconds % 60 != 0 {
        bail!(
            "--window '{}' is not a whole number of minutes, which CloudWatch periods need\nhint: use e.g. 30d, 7d or 12h",
            args.window
        );
    }
    for id in &args.instance_id {
        if !id.starts_with("i-") || id.len() < 10 || !id[2..].chars().all(|c| c.is_ascii_hexdigit()) {
            bail!(
                "--instance-id '{}' is not an EC2 instance id\nhint: i- and 8 or 17 hex digits, e.g. i-0123456789abcdef0",
                crate::redact::escape_control(id)
            );
        }
    }
    if args.log_group_prefix.iter().any(String::is_empty) {
        bail!(
            "a --log-group-prefix is empty\nhint: give the start of a log group name, e.g. --log-group-prefix /ecs/app"
        );
    }
    Ok(Some(CloudWatchOptions {
        region,
        log_group_prefixes: args.log_group_prefix.clone(),
        instance_ids: args.instance_id.clone(),
        window_seconds,
        at,
    }))
}

/// A secret file (token, password): at most 64 KiB, trimmed, an error naming the file when empty.
pub(super) fn read_secret(path: &Path, what: &'static str) -> Result<String> {
    let text = crate::input::read_text(path, crate::input::Limit { what, ..crate::input::SECRET })?;
    let secret = text.trim().to_string();
    if secret.is_empty() {
        bail!("the {what} '{}' is empty\nhint: write the secret into the file, on one line", path.display());
    }
    Ok(secret)
}

fn connect_options(args: &MeasureArgs) -> Result<ConnectOptions> {
    let timeout = humantime::parse_duration(&args.timeout)
        .map_err(|e| anyhow!("invalid --timeout '{}': {e}\nhint: use e.g. 30s or 2m", args.timeout))?;
    if timeout.is_zero() {
        bail!("--timeout must be more than 0\nhint: use e.g. --timeout 30s");
    }
    let bearer_token = args.bearer_token_file.as_deref().map(|p| read_secret(p, "bearer token file")).transpose()?;
    let basic_auth = match &args.basic_auth_user {
        None => None,
        Some(user) => {
            let password = match (&args.basic_auth_password_file, &args.basic_auth_password_env) {
                (Some(path), _) => read_secret(path, "basic-auth password file")?,
                (None, Some(env)) => env.clone(),
                (None, None) => bail!(
                    "--basic-auth-user needs a password\nhint: pass --basic-auth-password-file FILE \
                     or set OBS_COST_BASIC_AUTH_PASSWORD"
                ),
            };
            Some((user.clone(), password))
        }
    };
    if bearer_token.is_some() && basic_auth.is_some() {
        bail!(
            "--bearer-token-file and --basic-auth-user cannot be used together\nhint: pick the one your server expects"
        );
    }
    let ca_pem = args.ca_file.as_deref().map(|p| crate::input::read_bytes(p, crate::input::CA_FILE)).transpose()?;
    let headers = args.header.iter().map(|h| parse_header(h)).collect::<Result<Vec<_>>>()?;
    Ok(ConnectOptions { timeout, retries: args.retries, bearer_token, basic_auth, ca_pem, headers })
}

/// Parses `--at`: RFC 3339 or unix seconds.
fn parse_at(text: &str) -> Result<f64> {
    if let Ok(secs) = text.trim().parse::<f64>() {
        if secs.is_finite() && secs >= 0.0 {
            if secs > 1e11 {
                bail!(
                    "--at '{text}' looks like milliseconds\nhint: pass unix seconds or RFC 3339 (2024-02-01T00:00:00Z)"
                );
            }
            return Ok(secs);
        }
    }
    let time = humantime::parse_rfc3339_weak(text.trim()).map_err(|e| {
        anyhow!("invalid --at '{text}': {e}\nhint: use RFC 3339 (2024-02-01T00:00:00Z) or unix seconds")
    })?;
    let secs = time.duration_since(UNIX_EPOCH).map_err(|_| {
        anyhow!("--at '{text}' is before 1970\nhint: use RFC 3339 (2024-02-01T00:00:00Z) or unix seconds")
    })?;
    Ok(secs.as_secs_f64())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_and_dedup_labels_are_checked() {
        assert_eq!(parse_header("X-Scope-OrgID: team-a").unwrap(), ("X-Scope-OrgID".into(), "team-a".into()));
        assert_eq!(parse_header("Authorization: Bearer a:b").unwrap().1, "Bearer a:b");
        let err = parse_header("no colon ghp_16C7e42F292c6912E7710c838347Ae178B4a").unwrap_err().to_string();
        assert!(err.contains("hint:") && !err.contains("16C7e42F"), "{err}");
        assert!(parse_header("Bad Name: x").is_err());
        let labels = dedup_labels(&["cluster_replica".into(), "replica".into()]).unwrap();
        assert_eq!(labels.last().map(String::as_str), Some("cluster_replica"));
        assert_eq!(labels.iter().filter(|l| *l == "replica").count(), 1);
        assert!(dedup_labels(&["job".into()]).is_err());
        assert!(dedup_labels(&["a-b".into()]).is_err());
    }

    #[test]
    fn parses_at_in_both_forms() {
        assert_eq!(parse_at("1706745600").unwrap(), 1_706_745_600.0);
        assert_eq!(parse_at("2024-02-01T00:00:00Z").unwrap(), 1_706_745_600.0);
        assert!(parse_at("1706745600000").unwrap_err().to_string().contains("milliseconds"));
        assert!(parse_at("yesterday").is_err());
    }
}
