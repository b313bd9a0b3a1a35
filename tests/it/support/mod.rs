//! Helpers shared by the integration tests. `browser` drives headless Chromium for the HTML report
//! tests. The rest serves the `measure` integration tests: finding the Debian binaries (skip outside CI,
//! fail loudly under `CI=true`), free ports, process guards that stop what they start, readiness
//! polling, and starters for Prometheus, VictoriaMetrics (with vmagent and vmauth), PostgreSQL +
//! postgres_exporter, Redis + redis_exporter, node_exporter and the fixture exporter.

#![allow(dead_code, missing_docs)]

pub mod browser;
pub mod exporter;
pub mod fake_aws;
pub mod fixture;
pub mod grafana;

use std::io::BufRead;
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// True under CI: a missing component must fail the test, never skip it.
pub fn ci() -> bool {
    std::env::var("CI").is_ok_and(|v| v == "true" || v == "1")
}

/// Finds `name` on PATH or in `extra` directories (globs are not expanded). Outside CI a missing
/// binary prints a skip reason and returns `None`; under `CI=true` it panics.
pub fn need(name: &str, extra: &[&str]) -> Option<PathBuf> {
    let path = std::env::var_os("PATH").unwrap_or_default();
    let mut dirs: Vec<PathBuf> = std::env::split_paths(&path).collect();
    dirs.extend(extra.iter().map(PathBuf::from));
    if let Some(found) = dirs.iter().map(|d| d.join(name)).find(|p| p.is_file()) {
        return Some(found);
    }
    missing(&format!("'{name}' is not installed (run scripts/test.sh as root to install the Debian packages)"))
}

/// Skips (outside CI) or fails (under CI) with a reason.
pub fn missing<T>(reason: &str) -> Option<T> {
    if ci() {
        panic!("CI=true and a test component is missing: {reason}");
    }
    eprintln!("SKIPPED: {reason}");
    None
}

/// The PostgreSQL server binaries directory (/usr/lib/postgresql/<version>/bin), newest first.
pub fn postgres_bin_dir() -> Option<PathBuf> {
    let mut dirs: Vec<PathBuf> = std::fs::read_dir("/usr/lib/postgresql")
        .ok()?
        .filter_map(|e| e.ok().map(|e| e.path().join("bin")))
        .filter(|p| p.join("initdb").is_file())
        .collect();
    dirs.sort();
    dirs.pop()
}

/// Ports handed out per test process: a block of this many, below the kernel's ephemeral range.
const PORTS_PER_PROCESS: u16 = 120;
/// The first port of the first block (blocks run up to 31,999, below Linux's 32,768).
const FIRST_PORT: u16 = 20_000;

/// A TCP port on 127.0.0.1 for a server a test starts, without the bind-and-drop race: ports come
/// from a block below the kernel's ephemeral range (32,768 and up, which `bind(0)` and outgoing
/// connections draw from, so no other socket is handed the port meanwhile), the block chosen by
/// this process's id (so parallel test runs use different blocks), and no port is handed out twice
/// in a run (the tests of the one test binary share the counter). Each is checked free by binding it.
pub fn free_port() -> u16 {
    use std::sync::atomic::{AtomicU16, Ordering};
    static NEXT: AtomicU16 = AtomicU16::new(0);
    let block = u16::try_from(std::process::id() % 100).unwrap_or(0);
    let base = FIRST_PORT + block * PORTS_PER_PROCESS;
    loop {
        let n = NEXT.fetch_add(1, Ordering::Relaxed);
        assert!(n < PORTS_PER_PROCESS, "this test run needs more than {PORTS_PER_PROCESS} ports");
        let port = base + n;
        if TcpListener::bind(("127.0.0.1", port)).is_ok() {
            return port;
        }
    }
}

/// A child process stopped on drop (the given signal, then SIGKILL after 5 s).
pub struct Guard {
    pub name: String,
    child: std::process::Child,
    signal: &'static str,
    pub log: PathBuf,
}

impl Guard {
    /// Spawns `cmd` with stdout/stderr to `log`.
    pub fn spawn(name: &str, mut cmd: Command, log: PathBuf, signal: &'static str) -> Guard {
        let out = std::fs::File::create(&log).expect("cannot create a log file");
        let err = out.try_clone().expect("cannot clone a log file handle");
        cmd.stdin(Stdio::null()).stdout(out).stderr(err);
        let child = cmd.spawn().unwrap_or_else(|e| panic!("cannot start {name}: {e}"));
        Guard { name: name.to_string(), child, signal, log }
    }

    /// Panics with the log if the process has exited.
    pub fn check_alive(&mut self) {
        if let Ok(Some(status)) = self.child.try_wait() {
            let log = std::fs::read_to_string(&self.log).unwrap_or_default();
            panic!("{} exited early ({status}); log:\n{log}", self.name);
        }
    }
}

impl Drop for Guard {
    fn drop(&mut self) {
        let pid = self.child.id().to_string();
        let _ = Command::new("kill").args([format!("-{}", self.signal), pid]).status();
        let deadline = Instant::now() + Duration::from_secs(5);
        while Instant::now() < deadline {
            if let Ok(Some(_)) = self.child.try_wait() {
                return;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Reads one HTTP/1.1 request head for the test servers: the request line and the header lines
/// (names lowercased, values trimmed, in order). `None` when the connection closes first.
pub fn read_request_head(reader: &mut impl BufRead) -> Option<(String, Vec<(String, String)>)> {
    let mut line = String::new();
    if reader.read_line(&mut line).unwrap_or(0) == 0 {
        return None;
    }
    let mut headers = Vec::new();
    loop {
        let mut h = String::new();
        if reader.read_line(&mut h).unwrap_or(0) == 0 {
            return None;
        }
        let h = h.trim_end();
        if h.is_empty() {
            break;
        }
        if let Some((k, v)) = h.split_once(':') {
            headers.push((k.trim().to_ascii_lowercase(), v.trim().to_string()));
        }
    }
    Some((line, headers))
}

/// The request body's length: the last `content-length` header, 0 when absent or unreadable.
pub fn content_length(headers: &[(String, String)]) -> usize {
    headers.iter().rev().find(|(k, _)| k == "content-length").and_then(|(_, v)| v.parse().ok()).unwrap_or(0)
}

/// GET `url`, returning status and body.
pub fn http_get(url: &str) -> Option<(u16, String)> {
    let client = reqwest::blocking::Client::builder().timeout(Duration::from_secs(5)).build().ok()?;
    let response = client.get(url).send().ok()?;
    let status = response.status().as_u16();
    Some((status, response.text().unwrap_or_default()))
}

/// Polls `url` until it answers 200 and `check(body)` holds, or panics after `timeout`.
pub fn wait_for(url: &str, timeout: Duration, guard: &mut Guard, check: impl Fn(&str) -> bool) -> String {
    let deadline = Instant::now() + timeout;
    loop {
        guard.check_alive();
        if let Some((200, body)) = http_get(url) {
            if check(&body) {
                return body;
            }
        }
        if Instant::now() > deadline {
            let log = std::fs::read_to_string(&guard.log).unwrap_or_default();
            panic!("{} did not become ready at {url} within {timeout:?}; log:\n{log}", guard.name);
        }
        std::thread::sleep(Duration::from_millis(100));
    }
}

/// Instant query against a running server (test-side truth; tests may run any query).
pub fn promql(base: &str, query: &str, time: Option<&str>) -> f64 {
    let client = reqwest::blocking::Client::builder().timeout(Duration::from_secs(30)).build().unwrap();
    let mut params = vec![("query", query.to_string())];
    if let Some(t) = time {
        params.push(("time", t.to_string()));
    }
    let body: serde_json::Value =
        client.get(format!("{base}/api/v1/query")).query(&params).send().unwrap().json().unwrap();
    let result = &body["data"]["result"];
    let value = if body["data"]["resultType"] == "scalar" { &result[1] } else { &result[0]["value"][1] };
    value.as_str().unwrap_or_else(|| panic!("no value for {query}: {body}")).parse().unwrap()
}

/// A Prometheus 2.x server on a free port.
pub struct Prometheus {
    pub url: String,
    pub guard: Guard,
    pub dir: tempfile::TempDir,
}

impl Prometheus {
    /// Starts Prometheus with `config` (the `{port}` placeholder is its own port) and `files`
    /// written next to it, on the TSDB in `data` (or a fresh one). `None` when not installed.
    pub fn start(config: &str, files: &[(&str, &str)], data: Option<&Path>) -> Option<Prometheus> {
        Self::start_with(config, files, data, &[])
    }

    /// [`Prometheus::start`] with extra flags (e.g. `--rules.alert.resend-delay=1s`).
    pub fn start_with(config: &str, files: &[(&str, &str)], data: Option<&Path>, extra: &[&str]) -> Option<Prometheus> {
        let bin = need("prometheus", &[])?;
        let dir = tempfile::tempdir().unwrap();
        let port = free_port();
        std::fs::write(dir.path().join("prometheus.yml"), config.replace("{port}", &port.to_string())).unwrap();
        for (name, text) in files {
            std::fs::write(dir.path().join(name), text).unwrap();
        }
        let data = data.map(Path::to_path_buf).unwrap_or_else(|| dir.path().join("data"));
        let mut cmd = Command::new(bin);
        cmd.current_dir(dir.path()).args([
            "--config.file=prometheus.yml".to_string(),
            format!("--storage.tsdb.path={}", data.display()),
            "--storage.tsdb.retention.time=3650d".to_string(),
            format!("--web.listen-address=127.0.0.1:{port}"),
        ]);
        cmd.args(extra);
        let mut guard = Guard::spawn("prometheus", cmd, dir.path().join("prometheus.log"), "TERM");
        let url = format!("http://127.0.0.1:{port}");
        wait_for(&format!("{url}/-/ready"), Duration::from_secs(60), &mut guard, |_| true);
        Some(Prometheus { url, guard, dir })
    }
}

/// Writes the 30-day fixture as OpenMetrics and turns it into TSDB blocks with promtool.
pub fn backfill(dir: &Path) -> Option<PathBuf> {
    let promtool = need("promtool", &[])?;
    let input = dir.join("fixture.om");
    std::fs::write(&input, fixture::openmetrics()).unwrap();
    let data = dir.join("tsdb");
    let out = Command::new(promtool)
        .args(["tsdb", "create-blocks-from", "--max-block-duration=744h", "openmetrics"])
        .arg(&input)
        .arg(&data)
        .output()
        .unwrap();
    assert!(out.status.success(), "promtool failed: {}", String::from_utf8_lossy(&out.stderr));
    Some(data)
}

/// A VictoriaMetrics single-node server on a free port.
pub struct Victoria {
    pub url: String,
    pub guard: Guard,
    pub dir: tempfile::TempDir,
}

impl Victoria {
    pub fn start() -> Option<Victoria> {
        Self::start_with(&[])
    }

    /// Starts it with extra flags (e.g. `-vmalert.proxyURL=...`).
    pub fn start_with(extra: &[String]) -> Option<Victoria> {
        let bin = need("victoria-metrics", &[])?;
        let dir = tempfile::tempdir().unwrap();
        let port = free_port();
        let mut cmd = Command::new(bin);
        cmd.args([
            format!("-storageDataPath={}", dir.path().join("data").display()),
            "-retentionPeriod=100y".to_string(),
            format!("-httpListenAddr=127.0.0.1:{port}"),
            "-search.disableCache".to_string(),
        ]);
        cmd.args(extra);
        let mut guard = Guard::spawn("victoria-metrics", cmd, dir.path().join("vm.log"), "TERM");
        let url = format!("http://127.0.0.1:{port}");
        wait_for(&format!("{url}/health"), Duration::from_secs(30), &mut guard, |_| true);
        Some(Victoria { url, guard, dir })
    }

    /// Imports Prometheus text with millisecond timestamps and flushes it to search.
    pub fn import(&self, text: &str) {
        let client = reqwest::blocking::Client::builder().timeout(Duration::from_secs(120)).build().unwrap();
        let r = client.post(format!("{}/api/v1/import/prometheus", self.url)).body(text.to_string()).send().unwrap();
        assert!(r.status().is_success(), "import failed: {}", r.text().unwrap_or_default());
        let r = client.get(format!("{}/internal/force_flush", self.url)).send().unwrap();
        assert!(r.status().is_success());
    }
}

/// vmagent (from the `victoria-metrics` package) scraping `scrape_config` (a Prometheus
/// `scrape_configs` file) and remote-writing to `remote_write`, with extra flags.
pub struct VmAgent {
    pub url: String,
    pub guard: Guard,
    pub dir: tempfile::TempDir,
}

impl VmAgent {
    pub fn start(scrape_config: &str, remote_write: &str, extra: &[&str]) -> Option<VmAgent> {
        let bin = need("vmagent", &[])?;
        let dir = tempfile::tempdir().unwrap();
        let port = free_port();
        let config = dir.path().join("scrape.yml");
        std::fs::write(&config, scrape_config).unwrap();
        let mut cmd = Command::new(bin);
        cmd.current_dir(dir.path()).args([
            format!("-promscrape.config={}", config.display()),
            format!("-remoteWrite.url={remote_write}"),
            format!("-remoteWrite.tmpDataPath={}", dir.path().join("buffer").display()),
            "-remoteWrite.flushInterval=1s".to_string(),
            format!("-httpListenAddr=127.0.0.1:{port}"),
        ]);
        cmd.args(extra);
        let mut guard = Guard::spawn("vmagent", cmd, dir.path().join("vmagent.log"), "TERM");
        let url = format!("http://127.0.0.1:{port}");
        wait_for(&format!("{url}/health"), Duration::from_secs(30), &mut guard, |_| true);
        Some(VmAgent { url, guard, dir })
    }
}

/// vmauth (from the `victoria-metrics` package) with an auth config (`{port}` is its own port).
pub struct VmAuth {
    pub url: String,
    pub guard: Guard,
    pub dir: tempfile::TempDir,
}

impl VmAuth {
    pub fn start(config: &str) -> Option<VmAuth> {
        let bin = need("vmauth", &[])?;
        let dir = tempfile::tempdir().unwrap();
        let port = free_port();
        let path = dir.path().join("auth.yml");
        std::fs::write(&path, config.replace("{port}", &port.to_string())).unwrap();
        let mut cmd = Command::new(bin);
        cmd.args([format!("-auth.config={}", path.display()), format!("-httpListenAddr=127.0.0.1:{port}")]);
        let mut guard = Guard::spawn("vmauth", cmd, dir.path().join("vmauth.log"), "TERM");
        let url = format!("http://127.0.0.1:{port}");
        wait_for(&format!("{url}/health"), Duration::from_secs(30), &mut guard, |_| true);
        Some(VmAuth { url, guard, dir })
    }
}

/// Polls an instant query until its first value reaches `at_least`, or panics after `timeout`.
pub fn wait_for_value(base: &str, query: &str, at_least: f64, timeout: Duration, headers: &[(&str, &str)]) {
    let client = reqwest::blocking::Client::builder().timeout(Duration::from_secs(5)).build().unwrap();
    let deadline = Instant::now() + timeout;
    loop {
        let mut req = client.get(format!("{base}/api/v1/query")).query(&[("query", query)]);
        for (k, v) in headers {
            req = req.header(*k, *v);
        }
        let value = req
            .send()
            .ok()
            .and_then(|r| r.json::<serde_json::Value>().ok())
            .and_then(|b| b["data"]["result"][0]["value"][1].as_str().and_then(|s| s.parse::<f64>().ok()));
        if value.is_some_and(|v| v >= at_least) {
            return;
        }
        assert!(
            Instant::now() < deadline,
            "{query} did not reach {at_least} at {base} within {timeout:?} (last: {value:?})"
        );
        std::thread::sleep(Duration::from_millis(250));
    }
}

/// Runs a command as the `postgres` user when we are root (PostgreSQL refuses to run as root).
fn as_postgres(cmd: &mut Command) {
    use std::os::unix::process::CommandExt;
    if let Some((uid, gid)) = postgres_ids() {
        cmd.uid(uid).gid(gid);
    }
}

fn postgres_ids() -> Option<(u32, u32)> {
    let me = Command::new("id").arg("-u").output().ok()?;
    if String::from_utf8_lossy(&me.stdout).trim() != "0" {
        return None;
    }
    let passwd = std::fs::read_to_string("/etc/passwd").ok()?;
    let line = passwd
        .lines()
        .find(|l| l.starts_with("postgres:"))
        .or_else(|| passwd.lines().find(|l| l.starts_with("nobody:")))?;
    let f: Vec<&str> = line.split(':').collect();
    Some((f[2].parse().ok()?, f[3].parse().ok()?))
}

/// PostgreSQL with postgres_exporter, in a temporary directory.
pub struct Postgres {
    pub port: u16,
    pub exporter: String,
    pub bin: PathBuf,
    exporter_guard: Option<Guard>,
    server: Option<Guard>,
    pub dir: tempfile::TempDir,
}

impl Postgres {
    pub fn start() -> Option<Postgres> {
        let bin = postgres_bin_dir().or_else(|| missing("PostgreSQL server binaries (/usr/lib/postgresql/*/bin)"))?;
        let exporter_bin = need("prometheus-postgres-exporter", &[])?;
        let dir = tempfile::tempdir().unwrap();
        if let Some((uid, gid)) = postgres_ids() {
            std::os::unix::fs::chown(dir.path(), Some(uid), Some(gid)).unwrap();
        }
        let data = dir.path().join("data");
        let mut init = Command::new(bin.join("initdb"));
        init.args(["--auth=trust", "--username=postgres", "--no-sync", "-D"]).arg(&data);
        as_postgres(&mut init);
        let out = init.output().unwrap();
        assert!(out.status.success(), "initdb failed: {}", String::from_utf8_lossy(&out.stderr));
        let port = free_port();
        let mut cmd = Command::new(bin.join("postgres"));
        cmd.arg("-D").arg(&data).args(["-p", &port.to_string(), "-h", "127.0.0.1", "-k"]).arg(dir.path());
        cmd.args(["-c", "fsync=off"]);
        as_postgres(&mut cmd);
        let log = dir.path().join("postgres.log");
        let mut server = Guard::spawn("postgres", cmd, log, "INT");
        let deadline = Instant::now() + Duration::from_secs(30);
        let pg = Postgres { port, exporter: String::new(), bin, exporter_guard: None, server: None, dir };
        loop {
            server.check_alive();
            if pg.psql("postgres", "SELECT 1").is_some() {
                break;
            }
            assert!(Instant::now() < deadline, "postgres did not start");
            std::thread::sleep(Duration::from_millis(100));
        }
        let mut pg = pg;
        pg.server = Some(server);
        let eport = free_port();
        let mut cmd = Command::new(exporter_bin);
        cmd.env("DATA_SOURCE_NAME", format!("postgresql://postgres@127.0.0.1:{port}/postgres?sslmode=disable"))
            .arg(format!("--web.listen-address=127.0.0.1:{eport}"));
        let mut guard = Guard::spawn("postgres_exporter", cmd, pg.dir.path().join("pg_exporter.log"), "TERM");
        pg.exporter = format!("127.0.0.1:{eport}");
        wait_for(&format!("http://{}/metrics", pg.exporter), Duration::from_secs(30), &mut guard, |b| {
            b.contains("pg_database_size_bytes")
        });
        pg.exporter_guard = Some(guard);
        Some(pg)
    }

    /// Runs SQL through psql and returns its trimmed, unaligned output.
    pub fn psql(&self, db: &str, sql: &str) -> Option<String> {
        let out = Command::new(self.bin.join("psql"))
            .args(["-h", "127.0.0.1", "-p", &self.port.to_string(), "-U", "postgres", "-d", db, "-At", "-c", sql])
            .output()
            .ok()?;
        out.status.success().then(|| String::from_utf8_lossy(&out.stdout).trim().to_string())
    }
}

impl Drop for Postgres {
    fn drop(&mut self) {
        self.exporter_guard.take();
        self.server.take();
    }
}

/// Redis with redis_exporter.
pub struct Redis {
    pub port: u16,
    pub exporter: String,
    exporter_guard: Option<Guard>,
    server: Option<Guard>,
    pub dir: tempfile::TempDir,
}

impl Redis {
    pub fn start() -> Option<Redis> {
        let server_bin = need("redis-server", &[])?;
        let exporter_bin = need("prometheus-redis-exporter", &[])?;
        let dir = tempfile::tempdir().unwrap();
        let port = free_port();
        let mut cmd = Command::new(server_bin);
        cmd.current_dir(dir.path()).args([
            "--port",
            &port.to_string(),
            "--bind",
            "127.0.0.1",
            "--save",
            "",
            "--appendonly",
            "no",
        ]);
        let server = Guard::spawn("redis-server", cmd, dir.path().join("redis.log"), "TERM");
        let eport = free_port();
        let mut cmd = Command::new(exporter_bin);
        cmd.args([format!("--redis.addr=redis://127.0.0.1:{port}"), format!("--web.listen-address=127.0.0.1:{eport}")]);
        let mut guard = Guard::spawn("redis_exporter", cmd, dir.path().join("redis_exporter.log"), "TERM");
        let exporter = format!("127.0.0.1:{eport}");
        wait_for(&format!("http://{exporter}/metrics"), Duration::from_secs(30), &mut guard, |b| {
            b.contains("redis_up 1")
        });
        Some(Redis { port, exporter, exporter_guard: Some(guard), server: Some(server), dir })
    }
}

impl Drop for Redis {
    fn drop(&mut self) {
        self.exporter_guard.take();
        self.server.take();
    }
}

/// node_exporter.
pub struct NodeExporter {
    pub address: String,
    pub guard: Guard,
    pub dir: tempfile::TempDir,
}

impl NodeExporter {
    pub fn start() -> Option<NodeExporter> {
        let bin = need("prometheus-node-exporter", &[])?;
        let dir = tempfile::tempdir().unwrap();
        let port = free_port();
        let mut cmd = Command::new(bin);
        cmd.arg(format!("--web.listen-address=127.0.0.1:{port}"));
        let mut guard = Guard::spawn("node_exporter", cmd, dir.path().join("node.log"), "TERM");
        let address = format!("127.0.0.1:{port}");
        wait_for(&format!("http://{address}/metrics"), Duration::from_secs(30), &mut guard, |b| {
            b.contains("node_cpu_seconds_total")
        });
        Some(NodeExporter { address, guard, dir })
    }
}

/// The bundled scenario files (`scenarios/*.yaml`), sorted by path.
pub fn scenarios() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios");
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "yaml"))
        .collect();
    v.sort();
    v
}

/// The obs-cost binary (`OBS_COST_BIN` overrides it, for a target directory shared by worktrees).
pub fn obs_cost() -> assert_cmd::Command {
    let mut cmd = match std::env::var_os("OBS_COST_BIN") {
        Some(bin) => assert_cmd::Command::new(bin),
        None => assert_cmd::Command::cargo_bin("obs-cost").unwrap(),
    };
    cmd.env_remove("OBS_COST_BASIC_AUTH_PASSWORD");
    cmd
}

/// Asserts `actual` is within `tolerance` (relative) of `expected`.
#[track_caller]
pub fn assert_close(what: &str, actual: f64, expected: f64, tolerance: f64) {
    let err = ((actual - expected) / expected).abs();
    assert!(
        err <= tolerance,
        "{what}: got {actual}, expected {expected} (±{:.1}%), off by {:.3}%",
        tolerance * 100.0,
        err * 100.0
    );
}

/// The `value` of a measured quantity at a JSON pointer.
#[track_caller]
pub fn value(json: &serde_json::Value, pointer: &str) -> f64 {
    json.pointer(pointer)
        .and_then(|m| m.get("value"))
        .and_then(serde_json::Value::as_f64)
        .unwrap_or_else(|| panic!("no value at {pointer} in {json:#}"))
}

/// Alertmanager on a free port, with `config` (YAML) as its configuration.
pub struct Alertmanager {
    pub address: String,
    pub guard: Guard,
    pub dir: tempfile::TempDir,
}

impl Alertmanager {
    pub fn start(config: &str) -> Option<Alertmanager> {
        let bin = need("prometheus-alertmanager", &[])?;
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("alertmanager.yml"), config).unwrap();
        let port = free_port();
        let mut cmd = Command::new(bin);
        // No cluster (an empty listen address): no gossip to wait for.
        cmd.current_dir(dir.path()).args([
            "--config.file=alertmanager.yml".to_string(),
            format!("--storage.path={}", dir.path().join("data").display()),
            format!("--web.listen-address=127.0.0.1:{port}"),
            "--cluster.listen-address=".to_string(),
        ]);
        let mut guard = Guard::spawn("alertmanager", cmd, dir.path().join("alertmanager.log"), "TERM");
        let address = format!("127.0.0.1:{port}");
        wait_for(&format!("http://{address}/-/ready"), Duration::from_secs(30), &mut guard, |_| true);
        Some(Alertmanager { address, guard, dir })
    }
}

/// vmalert evaluating `rules` against VictoriaMetrics at `datasource` (writing recording rules back
/// to it), on a free port.
pub struct Vmalert {
    pub url: String,
    pub guard: Guard,
    pub dir: tempfile::TempDir,
}

impl Vmalert {
    pub fn start(rules: &str, datasource: &str, notifier: &str, port: u16) -> Option<Vmalert> {
        let bin = need("vmalert", &[])?;
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("rules.yml"), rules).unwrap();
        let mut cmd = Command::new(bin);
        cmd.current_dir(dir.path()).args([
            "-rule=rules.yml".to_string(),
            format!("-datasource.url={datasource}"),
            format!("-remoteWrite.url={datasource}"),
            format!("-notifier.url={notifier}"),
            "-evaluationInterval=2s".to_string(),
            format!("-httpListenAddr=127.0.0.1:{port}"),
        ]);
        let mut guard = Guard::spawn("vmalert", cmd, dir.path().join("vmalert.log"), "TERM");
        let url = format!("http://127.0.0.1:{port}");
        wait_for(&format!("{url}/api/v1/rules"), Duration::from_secs(30), &mut guard, |b| b.contains("groups"));
        Some(Vmalert { url, guard, dir })
    }
}

/// Alerting and recording rules of the reference stack without Docker (`rules.yml`).
pub const REFERENCE_RULES: &str = r#"groups:
  - name: demo
    interval: 5s
    rules:
      - alert: TargetDown
        expr: up == 0
      - alert: PostgresDown
        expr: pg_up == 0
      - record: job:scrape_samples_post_metric_relabeling:sum
        expr: sum by (job) (scrape_samples_post_metric_relabeling)
"#;

/// The Prometheus configuration of the reference stack without Docker, scraping every second:
/// itself, node_exporter, postgres_exporter, redis_exporter and the fixture exporter's components.
pub fn reference_config(node: &str, pg: &str, redis: &str, fixture: &str) -> String {
    let mut c = String::from(
        "global:\n  scrape_interval: 1s\n  evaluation_interval: 1s\nrule_files: [rules.yml]\nscrape_configs:\n",
    );
    let mut job = |name: &str, target: &str, path: &str| {
        c.push_str(&format!(
            "  - job_name: {name}\n    metrics_path: {path}\n    static_configs: [{{targets: ['{target}']}}]\n"
        ));
    };
    job("prometheus", "127.0.0.1:{port}", "/metrics");
    job("node", node, "/metrics");
    job("postgres", pg, "/metrics");
    job("redis", redis, "/metrics");
    for component in ["loki", "promtail", "jaeger", "otel", "otel-total", "tempo", "grafana"] {
        job(component, fixture, &format!("/{component}"));
    }
    c
}

/// The font family `family` as fontconfig knows it (`fc-list`), or `None` (a failure under
/// CI=true): the Korean report's browser test needs a Hangul font (Debian `fonts-noto-cjk`).
pub fn need_font(family: &str) -> Option<String> {
    let out = std::process::Command::new("fc-list").arg(format!(":family={family}")).arg("family").output();
    match out {
        Ok(o) if !String::from_utf8_lossy(&o.stdout).trim().is_empty() => Some(family.to_string()),
        _ => missing(&format!(
            "the font '{family}' is not installed (apt-get install fonts-noto-cjk; scripts/test.sh installs it)"
        )),
    }
}
