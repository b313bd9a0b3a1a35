//! The integration tests, one binary: every module below drives the `obs-cost` binary (or the
//! library) against real components started on 127.0.0.1 (`support`), and the support code is
//! compiled once. Under `CI=true` a test whose component is missing fails; see CONTRIBUTING.md.

mod support;

mod browser_harness;
mod cli_estimate;
mod cli_help;
mod cost_properties;
mod hidden_costs;
mod init_cli;
mod input_limits;
mod layout;
mod measure_cloudwatch;
mod measure_compose;
mod measure_dedup;
mod measure_faults;
mod measure_history;
mod measure_host;
mod measure_limits;
mod measure_live;
mod measure_tls;
mod measure_used;
mod measure_victoria;
mod output_targets;
mod plan_actual;
mod plan_cli;
mod plan_consistency;
mod pricing_refresh;
mod published_examples;
mod readme_walkthrough;
mod report_browser;
mod report_cli;
mod report_ko;
mod scenario_bounds;
mod scenarios_check;
mod used_series_plan;
