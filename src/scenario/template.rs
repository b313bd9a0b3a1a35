//! The scenario file `obs-cost init` writes (and `plan --usage` plans without writing it): every
//! key, with the values given and, for every other key, the default the planner uses (from
//! `defaults`, `phases` and the sections' `Default` impls), each commented with what it means and
//! where its value comes from. Pure text: no I/O.

use std::fmt::Write as _;

use super::defaults::{self, Ask, KeyDefault, Starter};
use super::{DecisionRules, SwitchPointRanges, UncertaintySettings, SCHEMA_VERSION};
use crate::scenario::phases::{self, PhaseDef};
use crate::units::group_thousands;

/// What `init` knows of the usage snapshot the scenario points at.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SnapshotInfo {
    /// The path as written in the scenario (relative to the scenario's directory, or absolute).
    pub path: String,
    /// The usage keys it measured (`usage.metrics.active_series`, ...).
    pub measured: Vec<String>,
    /// Hosts node_exporter saw: CPUs and memory (GB), when measured.
    pub hosts: Vec<(Option<String>, Option<String>)>,
}

/// Everything the file is written from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Template<'a> {
    /// The values a scenario must give.
    pub values: &'a Starter,
    /// Which of them were given (by flag or at the prompt); the others are defaults.
    pub given: &'a [Ask],
    /// The snapshot the scenario points at, if any.
    pub snapshot: Option<&'a SnapshotInfo>,
    /// The price book's region codes.
    pub regions: &'a [&'a str],
    /// The `obs-cost init` command line that writes this file.
    pub command: &'a str,
    /// Where the file is (to be) written, for the "plan it" line.
    pub path: &'a str,
}

/// Usage keys a scenario can give, by section, with what each is (for the commented-out lines
/// of what was not measured). `scenario::template` tests that each parses.
const USAGE_KEYS: [(&str, &[(&str, &str)]); 7] = [
    (
        "metrics",
        &[
            ("active_series", "prometheus_tsdb_head_series"),
            ("samples_per_second", "ingestion rate"),
            ("scrape_interval_seconds", "global.scrape_interval"),
            ("alerting_rules", "alerting rules (become CloudWatch alarms)"),
            ("recording_rules", "recording rules"),
            ("rule_evaluation_interval_seconds", "rule evaluation interval"),
            ("dashboards", "Grafana dashboards"),
            ("dashboard_views_per_month", "dashboard views a month (Prometheus cannot see them)"),
            ("series_used_by_rules_and_dashboards", "needed with mapping.cloudwatch_series: used"),
            ("grafana_editors", "Managed Grafana editor licences"),
            ("grafana_viewers", "Managed Grafana viewer licences"),
        ],
    ),
    (
        "logs",
        &[
            ("ingested_gb_per_month", "uncompressed GB a month"),
            ("log_lines_per_month", "used with mapping.log_bytes_per_line when GB is absent"),
            ("queried_gb_per_month", "GB scanned by log queries (Logs Insights)"),
        ],
    ),
    (
        "traces",
        &[
            ("spans_per_month", "Jaeger spans saved"),
            ("traces_viewed_per_month", "X-Ray traces retrieved"),
            ("traces_searched_per_month", "X-Ray traces scanned"),
        ],
    ),
    (
        "database",
        &[
            ("size_gb", "pg_database_size_bytes"),
            ("transactions_per_second", "peak commits per second"),
            ("connections", "peak client connections"),
            ("backup_storage_gb", "RDS backup storage"),
            ("postgres_major_version", "pg_static's short_version; past standard support: Extended Support"),
        ],
    ),
    (
        "redis",
        &[
            ("memory_used_gb", "redis_memory_used_bytes at peak"),
            ("commands_per_second", "peak commands per second"),
            ("backup_storage_gb", "ElastiCache backup storage"),
        ],
    ),
    (
        "network",
        &[
            ("data_transfer_out_gb_per_month", "GB a month out to the internet"),
            ("load_balancer_processed_gb_per_month", "GB a month through the load balancer"),
            ("nat_processed_gb_per_month", "GB a month through a NAT gateway, once compute moves"),
            ("app_to_database_gb_per_month", "app <-> PostgreSQL GB a month (a share crosses AZs)"),
            ("app_to_cache_gb_per_month", "app <-> Redis GB a month (a share crosses AZs)"),
        ],
    ),
    ("alerting", &[("notifications_per_month", "by Alertmanager integration: SNS email, HTTP/S")]),
];

/// Comments start in this column.
const COMMENT_COLUMN: usize = 44;

/// Lines of YAML with aligned comments.
struct Out(String);

impl Out {
    /// `line`, then `# comment` in the comment column.
    fn line(&mut self, line: &str, comment: &str) {
        if comment.is_empty() {
            let _ = writeln!(self.0, "{line}");
        } else {
            let pad = COMMENT_COLUMN.saturating_sub(line.chars().count()).max(1);
            let _ = writeln!(self.0, "{line}{:pad$}# {comment}", "");
        }
    }

    /// A whole-line comment at `indent`.
    fn note(&mut self, indent: usize, text: &str) {
        let _ = writeln!(self.0, "{:indent$}# {text}", "");
    }

    fn default(&mut self, indent: usize, d: &KeyDefault) {
        let key = d.key.rsplit('.').next().unwrap_or(d.key);
        self.line(&format!("{:indent$}{key}: {}", "", d.value), &format!("{} [{}]", d.about, d.source));
    }
}

/// A YAML scalar for a text value: plain when YAML reads it back as that string, quoted otherwise.
fn text(value: &str) -> String {
    let plain = !value.is_empty()
        && value.chars().all(|c| c.is_ascii_alphanumeric() || "._/-".contains(c))
        && !value.starts_with('-')
        && serde_yaml::from_str::<serde_yaml::Value>(value).ok() == Some(serde_yaml::Value::String(value.into()));
    if plain {
        value.to_string()
    } else {
        serde_json::to_string(value).unwrap_or_else(|_| "\"\"".into())
    }
}

impl Template<'_> {
    /// Where a required value came from, as its comment's tail.
    fn origin(&self, ask: Ask) -> String {
        if self.given.contains(&ask) {
            format!("[given, {}]", ask.flag())
        } else {
            format!("[default, {}: {}]", ask.flag(), ask.source())
        }
    }

    /// The scenario file.
    pub fn render(&self) -> String {
        let v = self.values;
        let mut o = Out(String::new());
        for line in [
            "A scenario written by `obs-cost init`, to plan with `obs-cost plan --scenario FILE`:".to_string(),
            format!("  {}", self.command),
            "Every key is here with the value obs-cost plans with: what was given to init says".into(),
            "[given], every other value is obs-cost's default with its source in brackets (seed 000".into(),
            "is the course's migration guide: phases, ROI table, decision tree; seed 004 its CloudMart".into(),
            "example). A commented-out key is absent, and its comment says what that means. Numbers".into(),
            "marked (uncertain) may be a range {low: L, expected: E, high: H}; scenarios/example.yaml".into(),
            "documents every key.".into(),
        ] {
            o.note(0, &line);
        }
        o.line(&format!("schema_version: {SCHEMA_VERSION}"), "format version");
        o.line(&format!("name: {}", text(&v.name)), "shown in every output");
        o.line(
            &format!("region: {}", text(&v.region)),
            &format!("price book: {} {}", self.regions.join(", "), self.origin(Ask::Region)),
        );
        o.default(0, &defaults::FREE_TIER);
        o.default(0, &defaults::HOURS);
        o.0.push('\n');
        self.usage(&mut o);
        o.0.push('\n');
        o.line("team:", "");
        o.line(&format!("  engineers: {}", v.engineers), &format!("everyone on the team {}", self.origin(Ask::Team)));
        o.line(
            &format!("  ops_fte: {}", v.ops_fte.normalize()),
            &format!("FTE operating the stack, at most engineers {}", self.origin(Ask::OpsFte)),
        );
        o.line(
            &format!("  loaded_monthly_cost_usd: {}", v.loaded_monthly_cost_usd.normalize()),
            &format!("per engineer per month, loaded {}", self.origin(Ask::LoadedCost)),
        );
        o.line("traffic:", "");
        o.line(&format!("  dau: {}", v.dau.normalize()), &format!("daily active users {}", self.origin(Ask::Dau)));
        o.default(2, &defaults::MONTHLY_GROWTH_PERCENT);
        o.line("business:", "");
        o.line(
            &format!("  downtime_cost_per_minute_usd: {}", v.downtime_cost_per_minute_usd.normalize()),
            &format!("USD {}", self.origin(Ask::DowntimeCost)),
        );
        o.default(2, &defaults::DOWNTIME_SCALES);
        o.line(
            &format!("  ops_burden: {}", v.ops_burden.as_str()),
            &format!("manageable | burdensome {}", self.origin(Ask::OpsBurden)),
        );
        o.0.push('\n');
        self.estate(&mut o);
        o.0.push('\n');
        o.line("mapping:", "how usage becomes AWS quantities (numbers may be uncertain)");
        let mut section = "";
        for d in &defaults::MAPPING {
            let parts: Vec<&str> = d.key.split('.').collect();
            let sub = if let [_, sub, _] = parts.as_slice() { *sub } else { "" };
            if sub != section {
                section = sub;
                o.line(&format!("  {sub}:"), "");
                match sub {
                    "rds" => {
                        o.line(
                            "    # instance_class: db.t4g.medium",
                            "pin a class; absent: the cheapest priced class that fits",
                        );
                        o.line(
                            "    # extended_support_as_of: 2027-06-01",
                            "date for the RDS support calendar; absent: the price book's snapshot",
                        );
                    }
                    "elasticache" => o.line(
                        "    # node_type: cache.t4g.micro",
                        "pin a node type; absent: the cheapest priced type that fits",
                    ),
                    "logs" => o.line(
                        "    # archive_after_days: 30",
                        "export logs to an S3 archive at this age; absent: no archive",
                    ),
                    "compute" => {
                        for d in [&defaults::EKS_NODES, &defaults::EKS_NODE_TYPE] {
                            let key = d.key.rsplit('.').next().unwrap_or_default();
                            o.line(&format!("    # {key}: {}", d.value), &format!("{} [{}]", d.about, d.source));
                        }
                        o.line(
                            "    # eks_extended_support: false",
                            "Kubernetes version past standard support, with platform: eks",
                        );
                    }
                    _ => {}
                }
            }
            o.default(if sub.is_empty() { 2 } else { 4 }, d);
        }
        o.0.push('\n');
        self.phases(&mut o);
        o.0.push('\n');
        o.default(0, &defaults::HORIZON_MONTHS);
        o.default(0, &defaults::DISCOUNT_RATE_PERCENT);
        o.0.push('\n');
        decision(&mut o);
        o.0.push('\n');
        o.line("# Plan it:", "");
        o.note(0, &format!("  obs-cost plan --scenario {}", self.path));
        o.0
    }

    fn usage(&self, o: &mut Out) {
        o.line("usage:", "the stack's usage; unknown values stay unknown, never $0");
        let measured: &[String] = self.snapshot.map_or(&[], |s| &s.measured);
        match self.snapshot {
            Some(s) => {
                o.line(
                    &format!("  snapshot: {}", text(&s.path)),
                    "written by `obs-cost measure`, relative to this file",
                );
                let names: Vec<&str> = measured.iter().map(|k| k.strip_prefix("usage.").unwrap_or(k)).collect();
                if names.is_empty() {
                    o.note(2, "Measured there: nothing.");
                } else {
                    o.note(2, &format!("Measured there ({}):", names.len()));
                }
                for chunk in names.chunks(3) {
                    o.note(2, &format!("  {}", chunk.join(", ")));
                }
                o.note(2, "A value written below wins over the measured one.");
            }
            None => o.line("  # snapshot: usage.yaml", "none given: write one with `obs-cost measure -o usage.yaml`"),
        }
        o.note(2, "Not measured, unknown until you give it (uncomment and fill in what you know):");
        for (section, keys) in USAGE_KEYS {
            let missing: Vec<&(&str, &str)> = keys
                .iter()
                .filter(|(k, _)| !measured.iter().any(|m| m.starts_with(&format!("usage.{section}.{k}"))))
                .collect();
            if missing.is_empty() {
                continue;
            }
            o.note(2, &format!("{section}:"));
            for (key, about) in missing {
                let example = match (section, *key) {
                    ("alerting", _) => "{email: 0}",
                    (_, "postgres_major_version") => "16",
                    _ => "0",
                };
                o.line(&format!("  #   {key}: {example}"), about);
            }
        }
        if !measured.iter().any(|m| m.starts_with("usage.containers.")) {
            o.note(2, "containers:                             application services (become Fargate tasks)");
            o.line("  #   - {name: app, cpu_cores: 1, memory_gb: 2, replicas: 2}", "peak of one replica");
        }
    }

    fn estate(&self, o: &mut Out) {
        let v = self.values;
        o.line("self_hosted:", "today's estate, priced as the baseline with the EC2/EBS/ELB models");
        o.line(
            &format!("  availability_percent: {}", v.availability_percent.normalize()),
            &format!("today's {}", self.origin(Ask::Availability)),
        );
        o.line("  hosts: []", "none listed: the baseline has no infrastructure cost");
        let hosts = self.snapshot.map_or(&[][..], |s| &s.hosts[..]);
        if !hosts.is_empty() {
            let seen: Vec<String> = hosts
                .iter()
                .map(|(cpus, mem)| {
                    format!(
                        "{} CPUs, {} GB memory",
                        cpus.as_deref().unwrap_or("unknown"),
                        mem.as_deref().unwrap_or("unknown")
                    )
                })
                .collect();
            o.note(2, &format!("node_exporter saw {} host(s): {}. List them, e.g.:", hosts.len(), seen.join("; ")));
        } else {
            o.note(2, "List the hosts the stack runs on, e.g.:");
        }
        o.line(
            "  #   - {name: compose, instance_type: t3.large, count: 1, moves_in_phase: 4}",
            "retired when compute moves",
        );
        o.line("  volumes: []", "EBS volumes, e.g. {name: data, volume_type: gp3, size_gb: 100}");
        o.line("  backups: []", "backup storage, priced as EBS volumes of its type");
        o.line("  load_balancers: []", "e.g. {name: web, type: application, processed_gb: 400}");
    }

    fn phases(&self, o: &mut Out) {
        o.line("phases:", "the seed's five phases, written out (edit any value)");
        for p in phases::defaults() {
            phase(o, &p);
        }
    }
}

fn phase(o: &mut Out, p: &PhaseDef) {
    let moves: Vec<&str> = p.moves.iter().map(|w| w.as_str()).collect();
    o.line(&format!("  - phase: {}", p.phase), &format!("[{}]", p.source));
    o.line(&format!("    name: {}", text(&p.name)), "");
    o.line(&format!("    moves: [{}]", moves.join(", ")), "metrics | logs | traces | database | cache | compute");
    o.line(&format!("    engineer_weeks: {}", p.engineer_weeks), "of migration work (uncertain)");
    o.line(
        &format!("    # dual_running_weeks: {}", p.engineer_weeks.expected().normalize()),
        "absent: = engineer_weeks",
    );
    o.line(
        &format!("    ops_burden_reduction_percent: {}", p.ops_burden_reduction_percent),
        "cumulative, of ops_fte (uncertain)",
    );
    match &p.availability_percent {
        Some(a) => o.line(&format!("    availability_percent: {a}"), "once done (uncertain)"),
        None => o.line("    # availability_percent: 99.9", "absent: the previous phase's (today's at first)"),
    }
    o.line(
        &format!("    productivity_gain_percent: {}", p.productivity_gain_percent),
        "of the non-ops engineers' cost (uncertain)",
    );
}

fn decision(o: &mut Out) {
    let d = DecisionRules::default();
    let t = &d.tree;
    let seed = defaults::SEED;
    o.line("decision:", "");
    o.line(
        &format!("  migrate_now_above_usd: {}", d.migrate_now_above_usd.0.normalize()),
        &format!("net monthly benefit above this: migrate now [{seed}]"),
    );
    o.line(
        &format!("  migrate_gradually_from_usd: {}", d.migrate_gradually_from_usd.0.normalize()),
        &format!("from this: migrate gradually; below: stay [{seed}]"),
    );
    o.line("  tree:", &format!("the decision tree [{seed}]"));
    o.line(&format!("    small_team_max: {}", t.small_team_max), "up to this team size: keep Compose");
    o.line(&format!("    mid_team_max: {}", t.mid_team_max), "above this: consider AWS; in between DAU decides");
    o.line(&format!("    low_dau_below: {}", t.low_dau_below.0.normalize()), "below: keep Compose");
    o.line(
        &format!("    high_dau_from: {}", t.high_dau_from.0.normalize()),
        "from: migrate; in between the ops burden decides",
    );
    let r = SwitchPointRanges::default();
    o.line("switch_points:", "ranges searched for the DAU and team switch points [obs-cost]");
    o.line(&format!("  dau_min: {}", r.dau_min.0.normalize()), "");
    o.line(&format!("  dau_max: {}", r.dau_max.0.normalize()), "");
    o.line(&format!("  team_min: {}", r.team_min), "");
    o.line(&format!("  team_max: {}", r.team_max), "");
    let u = UncertaintySettings::default();
    o.line("uncertainty:", "");
    o.line(&format!("  samples: {}", u.samples), "Monte Carlo samples; 0 turns the run off [obs-cost]");
    o.line(&format!("  seed: {}", u.seed), "of the deterministic generator [obs-cost]");
}

/// One line per value for `plan --usage` without a scenario: what it assumed and where from.
pub fn assumptions(values: &Starter, given: &[Ask]) -> Vec<String> {
    let mut out = Vec::new();
    for ask in Ask::ALL {
        let value = match ask {
            Ask::Dau => group_thousands(values.dau, 0),
            Ask::DowntimeCost | Ask::LoadedCost => format!("${}", group_thousands(ask_value(values, ask), 2)),
            Ask::Availability => format!("{}%", ask.shown(values)),
            _ => ask.shown(values),
        };
        let origin = if given.contains(&ask) { "given".to_string() } else { format!("default: {}", ask.source()) };
        out.push(format!("{} = {value} ({origin}; {})", ask.key(), ask.flag()));
    }
    let phases: Vec<String> = phases::defaults()
        .iter()
        .map(|p| {
            format!(
                "{} {} ({} engineer-weeks, ops burden -{}%)",
                p.phase,
                p.name,
                p.engineer_weeks.expected().normalize(),
                p.ops_burden_reduction_percent
            )
        })
        .collect();
    out.push(format!("phases = the seed's five: {} [{}]", phases.join(", "), defaults::SEED));
    out.push(
        "self_hosted = no hosts, volumes or load balancers listed: the baseline has no infrastructure cost".into(),
    );
    let others: Vec<String> = [
        &defaults::FREE_TIER,
        &defaults::HOURS,
        &defaults::METRICS_TARGET,
        &defaults::HORIZON_MONTHS,
        &defaults::DISCOUNT_RATE_PERCENT,
    ]
    .iter()
    .map(|d| format!("{} {}", d.key, d.value))
    .collect();
    out.push(format!("every other key = obs-cost's default ({}, ...)", others.join(", ")));
    out
}

fn ask_value(values: &Starter, ask: Ask) -> rust_decimal::Decimal {
    match ask {
        Ask::DowntimeCost => values.downtime_cost_per_minute_usd,
        _ => values.loaded_monthly_cost_usd,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    fn template<'a>(values: &'a Starter, snapshot: Option<&'a SnapshotInfo>) -> Template<'a> {
        Template {
            values,
            given: &[Ask::Team],
            snapshot,
            regions: &["ap-northeast-2", "us-east-1"],
            command: "obs-cost init --team 6",
            path: "scenarios/my-stack.yaml",
        }
    }

    #[test]
    fn the_file_parses_as_a_scenario_with_every_default() {
        let values = Starter::default();
        let text = template(&values, None).render();
        let s = crate::scenario::parse(&text, Path::new("t.yaml")).unwrap();
        assert_eq!(s.team.engineers, 6);
        assert_eq!(s.decision, DecisionRules::default());
        assert_eq!(s.mapping.metrics_target, crate::scenario::MetricsTarget::default());
        assert_eq!(
            crate::scenario::phases::resolve_specs(&s.phases),
            phases::defaults(),
            "phases keep the seed's source"
        );
        assert!(
            text.contains("  engineers: 6                              # everyone on the team [given, --team]"),
            "{text}"
        );
        assert!(text.contains("[default, --ops-fte: seed 000's ROI table, one person operating the stack]"));
    }

    #[test]
    fn every_commented_out_usage_key_parses_when_uncommented() {
        let values = Starter::default();
        let info = SnapshotInfo { path: "../my usage: #1.yaml".into(), ..SnapshotInfo::default() };
        let text = template(&values, Some(&info)).render();
        let mut yaml: Vec<String> = Vec::new();
        let mut in_usage = false;
        for line in text.lines() {
            in_usage = (in_usage || line.starts_with("usage:")) && !line.starts_with("team:");
            if !in_usage {
                yaml.push(line.to_string());
                continue;
            }
            let line = &line.replace("  #   ", "    ");
            let t = line.trim_start();
            let section = USAGE_KEYS.iter().any(|(s, _)| t == format!("# {s}:")) || t.starts_with("# containers:");
            if section {
                yaml.push(format!("  {}:", t.trim_start_matches("# ").split(':').next().unwrap_or_default()));
            } else {
                yaml.push(line.to_string());
            }
        }
        let yaml = yaml.join("\n");
        let s = crate::scenario::parse(&yaml, Path::new("t.yaml")).unwrap_or_else(|e| panic!("{e:#}\n{yaml}"));
        assert_eq!(s.usage.snapshot.as_deref(), Some(Path::new("../my usage: #1.yaml")));
        let m = s.usage.metrics.unwrap();
        assert!(m.dashboard_views_per_month.is_some() && m.grafana_viewers.is_some());
        assert_eq!(s.usage.containers.len(), 1);
        assert!(s.usage.network.unwrap().nat_processed_gb_per_month.is_some());
        assert_eq!(s.usage.alerting.unwrap().notifications_per_month.len(), 1);
    }

    #[test]
    fn names_that_yaml_would_misread_are_quoted() {
        assert_eq!(text("my-stack"), "my-stack");
        assert_eq!(text("true"), "\"true\"");
        assert_eq!(text("1e3"), "\"1e3\"");
        assert_eq!(text("a: b"), "\"a: b\"");
        assert_eq!(text("-x"), "\"-x\"");
    }
}
