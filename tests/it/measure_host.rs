//! A host's filesystem "used" as `df` reports it: the real node_exporter on this machine, scraped
//! by a real Prometheus, against `df` run at the same moment. `df`'s Used is size − free; size −
//! available would also count the blocks reserved for root (on a large ext4 disk, tens of GB).

use crate::support;

use std::collections::BTreeMap;
use std::process::Command;
use std::time::Duration;

use serde_json::Value;
use support::{assert_close, obs_cost, value};

/// What `df` says is used, per device once, on the filesystems node_exporter reports and obs-cost
/// counts (the same fstype exclusions as `measure::queries::node::FILESYSTEM_USED_GB`, and
/// node_exporter's default excluded mount points).
fn df_used_bytes() -> f64 {
    let out = Command::new("df").args(["-B1", "--output=source,fstype,used,target"]).output().unwrap();
    assert!(out.status.success());
    let skip_types = ["tmpfs", "overlay", "squashfs", "nsfs", "ramfs", "rootfs", "devtmpfs", "fuse.lxcfs"];
    let skip_mounts = ["/dev", "/proc", "/sys", "/run/credentials", "/var/lib/docker/", "/var/lib/containers/storage/"];
    let mut by_device: BTreeMap<String, f64> = BTreeMap::new();
    for line in String::from_utf8_lossy(&out.stdout).lines().skip(1) {
        let f: Vec<&str> = line.split_whitespace().collect();
        let [source, fstype, used, target] = f[..] else { continue };
        if skip_types.contains(&fstype)
            || skip_mounts.iter().any(|m| target == m.trim_end_matches('/') || target.starts_with(m))
        {
            continue;
        }
        let used: f64 = used.parse().unwrap();
        let e = by_device.entry(source.to_string()).or_insert(0.0);
        *e = e.max(used);
    }
    by_device.values().sum()
}

#[test]
fn filesystem_used_is_what_df_reports() {
    let Some(node) = support::NodeExporter::start() else { return };
    let config = format!(
        "global:\n  scrape_interval: 1s\nscrape_configs:\n  - job_name: node\n    static_configs: [{{targets: ['{}']}}]\n",
        node.address
    );
    let Some(prom) = support::Prometheus::start(&config, &[], None) else { return };
    support::wait_for_value(
        &prom.url,
        "min(count_over_time(node_filesystem_free_bytes[1m]))",
        3.0,
        Duration::from_secs(60),
        &[],
    );
    let out = obs_cost().args(["measure", "--prometheus", &prom.url, "--format", "json", "--quiet"]).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let truth = df_used_bytes() / 1e9;
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    let host = &json["hosts"][0];
    assert!(host.is_object(), "no host measured: {json:#}");
    let used = value(host, "/filesystem_used_gb");
    assert!(truth > 0.0, "df shows no real filesystem");
    // Disks change while the test runs (other builds write): 1% (or 0.5 GB on a small disk).
    let tolerance = (0.5 / truth).max(0.01);
    assert_close("filesystem used vs df", used, truth, tolerance);
    assert!(host["filesystem_used_gb"]["query"].as_str().unwrap().contains("node_filesystem_free_bytes"));
}
