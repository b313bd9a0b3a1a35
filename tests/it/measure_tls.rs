//! `--ca-file` against a real Prometheus serving HTTPS (web config `tls_server_config`) with a
//! certificate signed by a throw-away CA made with the openssl CLI: trusted with `--ca-file`, a
//! one-line TLS error naming the URL without it.

use crate::support;

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

fn openssl(dir: &Path, args: &[&str]) {
    let out = Command::new("openssl").current_dir(dir).args(args).output().unwrap();
    assert!(out.status.success(), "openssl {args:?}: {}", String::from_utf8_lossy(&out.stderr));
}

#[test]
fn ca_file_makes_a_private_ca_trusted() {
    if support::need("openssl", &[]).is_none() {
        return;
    }
    let certs = tempfile::tempdir().unwrap();
    let d = certs.path();
    openssl(
        d,
        &[
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-days",
            "2",
            "-subj",
            "/CN=obs-cost test CA",
            "-keyout",
            "ca.key",
            "-out",
            "ca.pem",
        ],
    );
    openssl(
        d,
        &[
            "req",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-subj",
            "/CN=127.0.0.1",
            "-keyout",
            "server.key",
            "-out",
            "server.csr",
        ],
    );
    std::fs::write(d.join("ext.cnf"), "subjectAltName=IP:127.0.0.1\nbasicConstraints=CA:FALSE\n").unwrap();
    openssl(
        d,
        &[
            "x509",
            "-req",
            "-in",
            "server.csr",
            "-CA",
            "ca.pem",
            "-CAkey",
            "ca.key",
            "-CAcreateserial",
            "-days",
            "2",
            "-extfile",
            "ext.cnf",
            "-out",
            "server.pem",
        ],
    );
    let web = format!(
        "tls_server_config:\n  cert_file: {}\n  key_file: {}\n",
        d.join("server.pem").display(),
        d.join("server.key").display()
    );
    let config = format!(
        "global:\n  scrape_interval: 1s\nscrape_configs:\n  - job_name: prometheus\n    scheme: https\n    tls_config: {{ca_file: {}}}\n    static_configs: [{{targets: ['127.0.0.1:{{port}}']}}]\n",
        d.join("ca.pem").display()
    );
    let Some(bin) = support::need("prometheus", &[]) else { return };
    let dir = tempfile::tempdir().unwrap();
    let port = support::free_port();
    std::fs::write(dir.path().join("web.yml"), web).unwrap();
    std::fs::write(dir.path().join("prometheus.yml"), config.replace("{port}", &port.to_string())).unwrap();
    let mut cmd = Command::new(bin);
    cmd.current_dir(dir.path()).args([
        "--config.file=prometheus.yml".to_string(),
        "--web.config.file=web.yml".to_string(),
        format!("--storage.tsdb.path={}", dir.path().join("data").display()),
        format!("--web.listen-address=127.0.0.1:{port}"),
    ]);
    let mut guard = support::Guard::spawn("prometheus (https)", cmd, dir.path().join("log"), "TERM");
    let url = format!("https://127.0.0.1:{port}");
    let ca = d.join("ca.pem");
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        guard.check_alive();
        let out = support::obs_cost()
            .args(["measure", "--quiet", "--prometheus", &url, "--ca-file"])
            .arg(&ca)
            .output()
            .unwrap();
        if out.status.success() {
            let text = String::from_utf8_lossy(&out.stdout);
            assert!(text.contains("active_series:"), "{text}");
            break;
        }
        assert!(Instant::now() < deadline, "never succeeded: {}", String::from_utf8_lossy(&out.stderr));
        std::thread::sleep(Duration::from_millis(300));
    }
    let out = support::obs_cost().args(["measure", "--prometheus", &url, "--retries", "0"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("TLS error") && stderr.contains(&url) && stderr.contains("--ca-file"), "{stderr}");
    assert_eq!(stderr.trim_end().lines().count(), 2, "{stderr}");
    assert!(stderr.trim_end().lines().nth(1).is_some_and(|l| l.starts_with("hint: ")), "no hint line: {stderr}");
}
