//! Headless Chromium driven over the DevTools protocol: load a local file, record every network
//! request and every console or page error, and take a screenshot. Used by the HTML report tests.
//! Under `CI=true` a missing Chromium is a test failure, never a skip.

#![allow(dead_code)]

use std::io::{BufRead, BufReader};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use base64::Engine as _;
use serde_json::{json, Value};
use tungstenite::{stream::MaybeTlsStream, Message, WebSocket};

/// What a page load showed.
#[derive(Debug, Default)]
pub struct PageLoad {
    /// URLs the page requested (the page's own file URL included).
    pub requests: Vec<String>,
    /// Console errors, uncaught exceptions and browser log errors.
    pub errors: Vec<String>,
    /// The screenshot, PNG bytes.
    pub screenshot: Vec<u8>,
    /// `document.title`.
    pub title: String,
    /// The values of the expressions given to [`load_and_evaluate`], in order.
    pub values: Vec<Value>,
}

impl PageLoad {
    /// Requests to anything but the loaded file itself and inline `data:` URLs.
    pub fn network_requests(&self, file_url: &str) -> Vec<&String> {
        self.requests.iter().filter(|u| u.as_str() != file_url && !u.starts_with("data:")).collect()
    }
}

/// The Chromium binary, or `None` (a failure under CI=true).
pub fn chromium() -> Option<PathBuf> {
    for candidate in ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"] {
        if Path::new(candidate).exists() {
            return Some(PathBuf::from(candidate));
        }
    }
    super::missing("chromium is not installed (apt-get install chromium); the browser tests need it")
}

struct Browser {
    child: Child,
    _profile: tempfile::TempDir,
}

impl Drop for Browser {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn launch(binary: &Path, width: u32, height: u32) -> (Browser, u16) {
    let profile = tempfile::tempdir().unwrap();
    let mut child = Command::new(binary)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-extensions",
            "--disable-default-apps",
            "--hide-scrollbars",
            "--remote-debugging-port=0",
            "--remote-debugging-address=127.0.0.1",
        ])
        .arg(format!("--window-size={width},{height}"))
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .arg("about:blank")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start chromium");
    let stderr = child.stderr.take().unwrap();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stderr).lines().map_while(Result::ok) {
            if let Some(rest) = line.split("DevTools listening on ws://127.0.0.1:").nth(1) {
                let port: u16 = rest.split('/').next().unwrap().parse().unwrap();
                let _ = tx.send(port);
            }
        }
    });
    let port = rx.recv_timeout(Duration::from_secs(30)).expect("chromium did not open its DevTools port within 30 s");
    (Browser { child, _profile: profile }, port)
}

fn http_json(port: u16, method: &str, path: &str) -> Value {
    use std::io::{Read, Write};
    let stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
    stream.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
    let mut writer = stream.try_clone().unwrap();
    write!(writer, "{method} {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n\r\n").unwrap();
    // Chromium keeps the connection open: read the headers, then exactly Content-Length bytes.
    let mut reader = BufReader::new(stream);
    let mut length = 0usize;
    loop {
        let mut line = String::new();
        reader.read_line(&mut line).unwrap();
        if line.trim().is_empty() {
            break;
        }
        if let Some((name, value)) = line.split_once(':') {
            if name.eq_ignore_ascii_case("content-length") {
                length = value.trim().parse().unwrap();
            }
        }
    }
    let mut body = vec![0; length];
    reader.read_exact(&mut body).unwrap();
    serde_json::from_slice(&body).unwrap_or_else(|e| panic!("DevTools {path}: {e}"))
}

struct Session {
    ws: WebSocket<MaybeTlsStream<TcpStream>>,
    next_id: u64,
    events: Vec<Value>,
}

impl Session {
    fn call(&mut self, method: &str, params: Value) -> Value {
        self.next_id += 1;
        let id = self.next_id;
        self.ws.send(Message::text(json!({"id": id, "method": method, "params": params}).to_string())).unwrap();
        loop {
            let msg: Value = match self.ws.read().unwrap() {
                Message::Text(t) => serde_json::from_str(t.as_str()).unwrap(),
                _ => continue,
            };
            if msg["id"] == json!(id) {
                if let Some(err) = msg.get("error") {
                    panic!("DevTools {method} failed: {err}");
                }
                return msg["result"].clone();
            }
            self.events.push(msg);
        }
    }

    /// Reads events until `done` says so or the deadline passes.
    fn pump_until(&mut self, deadline: Instant, done: impl Fn(&[Value]) -> bool) {
        if let MaybeTlsStream::Plain(s) = self.ws.get_mut() {
            s.set_read_timeout(Some(Duration::from_millis(200))).unwrap();
        }
        while Instant::now() < deadline && !done(&self.events) {
            match self.ws.read() {
                Ok(Message::Text(t)) => self.events.push(serde_json::from_str(t.as_str()).unwrap()),
                Ok(_) => {}
                Err(tungstenite::Error::Io(e))
                    if matches!(e.kind(), std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut) => {}
                Err(e) => panic!("DevTools connection: {e}"),
            }
        }
        if let MaybeTlsStream::Plain(s) = self.ws.get_mut() {
            s.set_read_timeout(None).unwrap();
        }
    }
}

/// Loads `file` in headless Chromium at the given viewport and reports what happened.
pub fn load(binary: &Path, file: &Path, width: u32, height: u32) -> PageLoad {
    load_and_evaluate(binary, file, width, height, &[])
}

/// [`load`], then evaluates each JavaScript expression in the page (by value, in order) after the
/// screenshot: what the page shows, as the browser laid it out.
pub fn load_and_evaluate(binary: &Path, file: &Path, width: u32, height: u32, expressions: &[&str]) -> PageLoad {
    let (_browser, port) = launch(binary, width, height);
    let target = http_json(port, "PUT", "/json/new?about:blank");
    let ws_url = target["webSocketDebuggerUrl"].as_str().expect("page websocket URL").to_string();
    let (ws, _) = tungstenite::connect(ws_url.as_str()).expect("connect to the page");
    let mut s = Session { ws, next_id: 0, events: Vec::new() };
    for domain in ["Page.enable", "Network.enable", "Runtime.enable", "Log.enable"] {
        s.call(domain, json!({}));
    }
    let url = format!("file://{}", file.canonicalize().unwrap().display());
    s.call("Page.navigate", json!({"url": url}));
    let deadline = Instant::now() + Duration::from_secs(30);
    s.pump_until(deadline, |events| events.iter().any(|e| e["method"] == "Page.loadEventFired"));
    // A short grace period for anything the page would do after load.
    s.pump_until(Instant::now() + Duration::from_millis(500), |_| false);
    let shot = s.call("Page.captureScreenshot", json!({"format": "png", "captureBeyondViewport": false}));
    let screenshot = base64::engine::general_purpose::STANDARD.decode(shot["data"].as_str().unwrap()).unwrap();
    let title = s.call("Runtime.evaluate", json!({"expression": "document.title", "returnByValue": true}))["result"]
        ["value"]
        .as_str()
        .unwrap_or_default()
        .to_string();
    let values = expressions
        .iter()
        .map(|e| s.call("Runtime.evaluate", json!({"expression": e, "returnByValue": true}))["result"]["value"].clone())
        .collect();
    let mut load = PageLoad { screenshot, title, values, ..PageLoad::default() };
    for e in &s.events {
        match e["method"].as_str() {
            Some("Network.requestWillBeSent") => {
                load.requests.push(e["params"]["request"]["url"].as_str().unwrap_or_default().to_string())
            }
            Some("Runtime.exceptionThrown") => load.errors.push(e["params"]["exceptionDetails"].to_string()),
            Some("Runtime.consoleAPICalled") if e["params"]["type"] == "error" => {
                load.errors.push(e["params"]["args"].to_string())
            }
            Some("Log.entryAdded") if e["params"]["entry"]["level"] == "error" => {
                load.errors.push(e["params"]["entry"].to_string())
            }
            _ => {}
        }
    }
    assert!(
        s.events.iter().any(|e| e["method"] == "Page.loadEventFired"),
        "the page did not finish loading within 30 s"
    );
    let _ = s.call("Browser.close", json!({}));
    load
}

/// Decodes a PNG and returns (width, height, number of distinct colours, share of non-white pixels).
pub fn png_stats(png_bytes: &[u8]) -> (u32, u32, usize, f64) {
    let decoder = png::Decoder::new(std::io::Cursor::new(png_bytes));
    let mut reader = decoder.read_info().unwrap();
    let mut buf = vec![0; reader.output_buffer_size()];
    let info = reader.next_frame(&mut buf).unwrap();
    let channels = info.color_type.samples();
    let pixels = &buf[..info.buffer_size()];
    let mut colours = std::collections::HashSet::new();
    let mut non_white = 0usize;
    let mut total = 0usize;
    for px in pixels.chunks(channels) {
        let rgb = (px[0], px.get(1).copied().unwrap_or(px[0]), px.get(2).copied().unwrap_or(px[0]));
        if colours.len() < 100_000 {
            colours.insert(rgb);
        }
        if rgb != (255, 255, 255) {
            non_white += 1;
        }
        total += 1;
    }
    (info.width, info.height, colours.len(), non_white as f64 / total.max(1) as f64)
}
