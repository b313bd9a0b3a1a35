//! A tiny HTTP/1.1 server on a thread (std::net only), for two uses: the fixture exporter that
//! serves Loki/Promtail/Jaeger/OTel/Tempo/Grafana self-metrics growing at known rates, and mock
//! Prometheus servers that produce each fault (slow, 5xx, plain text, truncated JSON, 401, an
//! endless body, ...).

use std::io::{BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// A request as the handler sees it.
pub struct Request {
    /// Path and query string.
    pub target: String,
    /// Header lines, lowercased names.
    pub headers: Vec<(String, String)>,
}

impl Request {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str())
    }
    pub fn path(&self) -> &str {
        self.target.split('?').next().unwrap_or("")
    }
}

/// What the server does with a request.
pub enum Reply {
    /// Status, content type, body.
    Send(u16, &'static str, String),
    /// Wait, then reply.
    Delay(Duration, Box<Reply>),
    /// Send a Content-Length larger than the body and close: a truncated answer.
    Truncated(String),
    /// Close the connection without answering.
    Close,
    /// A 200 with no Content-Length whose body starts with the text and never ends (until the
    /// client hangs up): an endless answer.
    Endless(String),
}

/// A running server, stopped on drop.
pub struct Server {
    pub url: String,
    pub hits: Arc<AtomicUsize>,
    stop: Arc<AtomicBool>,
}

impl Server {
    pub fn start(handler: impl Fn(&Request) -> Reply + Send + Sync + 'static) -> Server {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        listener.set_nonblocking(true).unwrap();
        let url = format!("http://{}", listener.local_addr().unwrap());
        let stop = Arc::new(AtomicBool::new(false));
        let hits = Arc::new(AtomicUsize::new(0));
        let handler = Arc::new(handler);
        let (stop2, hits2) = (stop.clone(), hits.clone());
        std::thread::spawn(move || {
            while !stop2.load(Ordering::Relaxed) {
                match listener.accept() {
                    Ok((stream, _)) => {
                        hits2.fetch_add(1, Ordering::Relaxed);
                        let handler = handler.clone();
                        std::thread::spawn(move || serve(stream, &*handler));
                    }
                    Err(_) => std::thread::sleep(Duration::from_millis(5)),
                }
            }
        });
        Server { url, hits, stop }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
    }
}

fn serve(stream: TcpStream, handler: &dyn Fn(&Request) -> Reply) {
    let _ = stream.set_nonblocking(false);
    let _ = stream.set_read_timeout(Some(Duration::from_secs(10)));
    let mut reader = BufReader::new(match stream.try_clone() {
        Ok(s) => s,
        Err(_) => return,
    });
    let mut stream = stream;
    loop {
        let Some((line, headers)) = super::read_request_head(&mut reader) else { return };
        let target = line.split_whitespace().nth(1).unwrap_or("/").to_string();
        let length = super::content_length(&headers);
        let mut body = vec![0; length];
        let _ = reader.read_exact(&mut body);
        let req = Request { target, headers };
        let mut reply = handler(&req);
        loop {
            match reply {
                Reply::Delay(d, next) => {
                    std::thread::sleep(d);
                    reply = *next;
                }
                Reply::Send(status, ctype, body) => {
                    let head = format!(
                        "HTTP/1.1 {status} X\r\nContent-Type: {ctype}\r\nContent-Length: {}\r\n\r\n",
                        body.len()
                    );
                    if stream.write_all(head.as_bytes()).and_then(|_| stream.write_all(body.as_bytes())).is_err() {
                        return;
                    }
                    break;
                }
                Reply::Truncated(body) => {
                    let head = format!(
                        "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n",
                        body.len() * 2
                    );
                    let _ = stream.write_all(head.as_bytes());
                    let _ = stream.write_all(body.as_bytes());
                    let _ = stream.flush();
                    return;
                }
                Reply::Close => return,
                Reply::Endless(start) => {
                    let head = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\n\r\n";
                    if stream.write_all(head.as_bytes()).and_then(|_| stream.write_all(start.as_bytes())).is_err() {
                        return;
                    }
                    let chunk = vec![b' '; 64 * 1024];
                    while stream.write_all(&chunk).is_ok() {}
                    return;
                }
            }
        }
    }
}

/// A minimal Prometheus API, under any path prefix: every query answers one series of one target
/// (`job="x"`, `instance="i:1"`) with value 1; the TSDB status, rules and targets answer small
/// valid documents; any other path answers an empty list.
pub fn fake_prometheus(req: &Request) -> Reply {
    let json = |body: &str| Reply::Send(200, "application/json", body.to_string());
    match req.path().rsplit("/api/v1").next().unwrap_or("") {
        "/query" => json(
            r#"{"status":"success","data":{"resultType":"vector","result":[{"metric":{"job":"x","instance":"i:1"},"value":[1,"1"]}]}}"#,
        ),
        "/status/tsdb" => json(
            r#"{"status":"success","data":{"headStats":{"numSeries":1},"seriesCountByMetricName":[{"name":"up","value":1}]}}"#,
        ),
        "/rules" => json(r#"{"status":"success","data":{"groups":[]}}"#),
        "/targets" => json(r#"{"status":"success","data":{"activeTargets":[]}}"#),
        _ => json(r#"{"status":"success","data":[]}"#),
    }
}

/// Self-metrics of Loki, Promtail, Jaeger v1, the OTel Collector (Jaeger v2), Tempo and Grafana,
/// each growing at a known rate from the server's start: served at `/<component>`.
pub fn fixture_exporter() -> Server {
    let t0 = Instant::now();
    Server::start(move |req| {
        let s = t0.elapsed().as_secs_f64() + 1000.0;
        let c =
            |name: &str, labels: &str, rate: f64| format!("# TYPE {name} counter\n{name}{{{labels}}} {}\n", rate * s);
        let body = match req.path() {
            "/loki" => c("loki_distributor_bytes_received_total", "tenant=\"fake\"", LIVE_LOKI_BYTES)
                + &c("loki_distributor_lines_received_total", "tenant=\"fake\"", LIVE_LOKI_LINES),
            "/promtail" => c("promtail_sent_bytes_total", "host=\"loki:3100\"", 300.0)
                + &c("promtail_sent_entries_total", "host=\"loki:3100\"", LIVE_LOKI_LINES)
                + &format!("# TYPE promtail_read_bytes_total gauge\npromtail_read_bytes_total{{path=\"/var/log/a\"}} {}\n", LIVE_LOKI_BYTES * s),
            "/jaeger" => c("jaeger_collector_spans_received_total", "svc=\"a\"", 1.0)
                + &c("jaeger_collector_spans_received_total", "svc=\"b\"", 2.0).replace("# TYPE jaeger_collector_spans_received_total counter\n", "")
                + &c("jaeger_collector_traces_received_total", "svc=\"a\"", 0.5),
            "/otel" => format!("# TYPE otelcol_receiver_accepted_spans counter\notelcol_receiver_accepted_spans{{receiver=\"otlp\"}} {}\n", 4.0 * s),
            "/otel-total" => c("otelcol_receiver_accepted_spans_total", "receiver=\"otlp\"", 1.0),
            "/tempo" => c("tempo_distributor_spans_received_total", "tenant=\"single-tenant\"", 2.0),
            "/grafana" => GRAFANA_METRICS.to_string(),
            _ => return Reply::Send(404, "text/plain", "404 page not found\n".into()),
        };
        Reply::Send(200, "text/plain; version=0.0.4", body)
    })
}

/// Grafana's self-metrics in the live fixture: 7 dashboards; 1 admin, 2 editors and 5 viewers
/// active (3 editor licences, 5 viewer licences).
pub const GRAFANA_METRICS: &str = "# TYPE grafana_stat_totals_dashboard gauge\ngrafana_stat_totals_dashboard 7\n\
# TYPE grafana_stat_totals_active_admins gauge\ngrafana_stat_totals_active_admins 1\n\
# TYPE grafana_stat_totals_active_editors gauge\ngrafana_stat_totals_active_editors 2\n\
# TYPE grafana_stat_totals_active_viewers gauge\ngrafana_stat_totals_active_viewers 5\n";

/// Live fixture rates.
pub const LIVE_LOKI_BYTES: f64 = 1000.0;
/// Live fixture rates.
pub const LIVE_LOKI_LINES: f64 = 10.0;
/// Jaeger spans per second in the live fixture (svc a + b).
pub const LIVE_JAEGER_SPANS: f64 = 3.0;
