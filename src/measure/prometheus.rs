//! The HTTP client for Prometheus-compatible query APIs (Prometheus, VictoriaMetrics, ...): auth
//! (bearer token, basic auth, `user:pass@` in the URL), custom CA, timeout, retries with backoff on
//! 503/timeouts, extra headers (`--header`, e.g. a Mimir tenant), URL path prefixes and query
//! parameters, the `{status, data, error}` envelope read as a bounded stream (see `api`), and
//! errors that name the URL and the query. Credentials are stripped from the URL before any
//! request and redacted (with credential query parameters) from every message, log line and
//! snapshot field. It knows no PromQL beyond running it.

use std::io::Read;
use std::time::Duration;

use reqwest::blocking::{Client as HttpClient, Response};
use reqwest::{StatusCode, Url};
use serde::de::{DeserializeOwned, IgnoredAny};
use serde_json::Value;

use super::api;

/// How to connect to every `--prometheus` URL.
#[derive(Debug, Clone, Default)]
pub struct ConnectOptions {
    /// Per-request timeout.
    pub timeout: Duration,
    /// Retries after a timeout, a 502/503/504 or a 429, with exponential backoff from 250 ms.
    pub retries: u32,
    /// Sent as `Authorization: Bearer ...`.
    pub bearer_token: Option<String>,
    /// Sent as HTTP basic auth (user, password).
    pub basic_auth: Option<(String, String)>,
    /// Extra PEM root certificate(s) to trust.
    pub ca_pem: Option<Vec<u8>>,
    /// Extra headers sent with every request (`--header 'X-Scope-OrgID: tenant-1'`).
    pub headers: Vec<(String, String)>,
}

/// What kind of failure a query met; it selects the hint printed with the error.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FaultKind {
    /// DNS failure, connection refused or reset.
    Connect,
    /// No answer within `--timeout`.
    Timeout,
    /// TLS handshake or certificate problem.
    Tls,
    /// HTTP 401 or 403.
    Auth,
    /// Any other non-2xx status.
    Http(u16),
    /// A 2xx answer that is not a Prometheus JSON envelope.
    Malformed,
    /// The server answered `status: error` with a 2xx (or a JSON error with another status).
    Api,
    /// The query answered but with no data where data is required.
    Empty,
    /// The answer is larger than [`MAX_RESPONSE_BYTES`] (or endless).
    TooLarge,
}

/// A failed request: a line naming the server (credentials redacted), the query and the cause,
/// then a `hint:` line. [`QueryError::one_line`] is the form written into snapshots.
#[derive(Debug, Clone, thiserror::Error)]
#[error("cannot measure from {url} (query: {query}): {reason}\nhint: {hint}", hint = self.hint())]
pub struct QueryError {
    /// The server, credentials redacted.
    pub url: String,
    /// The PromQL query or `GET <path>`.
    pub query: String,
    /// What went wrong.
    pub reason: String,
    /// The class of failure.
    pub kind: FaultKind,
}

impl QueryError {
    /// The error on one line (`...: reason; hint`), for the snapshot's `error` fields.
    pub fn one_line(&self) -> String {
        format!("cannot measure from {} (query: {}): {}; {}", self.url, self.query, self.reason, self.hint())
    }

    /// What to do about it.
    pub fn hint(&self) -> &'static str {
        match self.kind {
            FaultKind::Connect => "check the URL and that the server is running and reachable",
            FaultKind::Timeout => "raise --timeout, or check that the server is not overloaded",
            FaultKind::Tls => "pass the server's CA certificate with --ca-file, or check the https:// URL",
            FaultKind::Auth => {
                "check --bearer-token-file, or --basic-auth-user with --basic-auth-password-file \
                 (or OBS_COST_BASIC_AUTH_PASSWORD), or the --header a gateway needs (e.g. X-Scope-OrgID)"
            }
            FaultKind::Http(500..=599) => {
                "the server failed to answer this query; check the server's logs and limits, or raise --timeout and --retries"
            }
            FaultKind::Http(_) => "check that the URL points at a Prometheus-compatible API (with its path prefix, if any)",
            FaultKind::Malformed => {
                "the answer is not Prometheus API JSON; check that the URL is the Prometheus API, not a proxy or UI page"
            }
            FaultKind::Api => "the server rejected the query; check its version and limits",
            FaultKind::Empty => "check --at (it must fall inside the data's time range) and that Prometheus scrapes targets",
            FaultKind::TooLarge => "check that the URL is a Prometheus-compatible API and not a file or stream",
        }
    }
}

/// One sample of an instant-query result.
#[derive(Debug, Clone, PartialEq)]
pub struct Sample {
    /// Labels of the series, sorted by name (empty for a scalar).
    pub labels: api::Labels,
    /// The value; NaN and infinities are dropped before this is built.
    pub value: f64,
}

impl Sample {
    /// A label value, or `""`.
    pub fn label(&self, name: &str) -> &str {
        self.labels.iter().find(|(k, _)| k == name).map_or("", |(_, v)| v.as_str())
    }
}

/// The largest response body read from a server: a longer (or endless) answer is an error.
pub const MAX_RESPONSE_BYTES: u64 = 64 * 1024 * 1024;

/// How much of an answer is kept to quote in an error (the first line of it).
const ERROR_EXCERPT_BYTES: usize = 4096;

/// A client for one Prometheus-compatible server.
#[derive(Debug)]
pub struct Client {
    http: HttpClient,
    base: String,
    /// Query parameters of the given URL (`?extra_label=...`, `?token=...`), sent with every request.
    base_query: Vec<(String, String)>,
    display: String,
    bearer: Option<String>,
    basic: Option<(String, String)>,
    retries: u32,
}

pub use crate::redact::redact_url;

impl Client {
    /// Builds a client for `url`. Credentials in the URL become basic auth (unless basic auth is
    /// given explicitly) and are removed from every request URL and message. The URL may carry a
    /// path prefix (`http://vmselect:8481/select/0/prometheus`, a proxy's `/prometheus`) and query
    /// parameters, sent with every request and redacted in messages when they are credentials.
    pub fn new(url: &str, options: &ConnectOptions) -> Result<Self, QueryError> {
        let display = redact_url(url);
        let fail = |reason: String| QueryError {
            url: display.clone(),
            query: "(connecting)".into(),
            reason,
            kind: FaultKind::Connect,
        };
        let mut parsed = Url::parse(url).map_err(|e| fail(format!("invalid URL: {e}")))?;
        if parsed.scheme() != "http" && parsed.scheme() != "https" {
            return Err(fail(format!("unsupported scheme '{}', use http:// or https://", parsed.scheme())));
        }
        let mut basic = options.basic_auth.clone();
        if !parsed.username().is_empty() || parsed.password().is_some() {
            if basic.is_none() {
                let user = percent_decode(parsed.username());
                let pass = percent_decode(parsed.password().unwrap_or(""));
                basic = Some((user, pass));
            }
            let _ = parsed.set_password(None);
            let _ = parsed.set_username("");
        }
        let base_query: Vec<(String, String)> =
            parsed.query_pairs().map(|(k, v)| (k.into_owned(), v.into_owned())).collect();
        parsed.set_query(None);
        parsed.set_fragment(None);
        let mut base = parsed.as_str().trim_end_matches('/').to_string();
        // A URL given with the API path (`.../api/v1`) means the server above it.
        if let Some(stripped) = base.strip_suffix("/api/v1") {
            base = stripped.to_string();
        }
        let mut headers = reqwest::header::HeaderMap::new();
        for (name, value) in &options.headers {
            let header = reqwest::header::HeaderName::from_bytes(name.as_bytes()).map_err(|_| {
                fail(format!("--header name '{}' is not a valid HTTP header name", crate::redact::escape_control(name)))
            })?;
            let mut value = reqwest::header::HeaderValue::from_str(value)
                .map_err(|_| fail(format!("--header '{header}' has a value that is not valid in an HTTP header")))?;
            value.set_sensitive(true);
            headers.append(header, value);
        }
        let mut builder = HttpClient::builder()
            .timeout(options.timeout)
            .connect_timeout(options.timeout)
            .default_headers(headers)
            .user_agent(concat!("obs-cost/", env!("CARGO_PKG_VERSION")));
        if let Some(pem) = &options.ca_pem {
            let certs = reqwest::Certificate::from_pem_bundle(pem)
                .map_err(|e| fail(format!("cannot read the --ca-file certificate: {}", e.without_url())))?;
            if certs.is_empty() {
                return Err(fail("the --ca-file holds no PEM certificate".into()));
            }
            for cert in certs {
                builder = builder.add_root_certificate(cert);
            }
        }
        let http = builder.build().map_err(|e| fail(format!("cannot build the HTTP client: {}", e.without_url())))?;
        Ok(Client {
            http,
            base,
            base_query,
            display,
            bearer: options.bearer_token.clone(),
            basic,
            retries: options.retries,
        })
    }

    /// The server URL with credentials redacted.
    pub fn url(&self) -> &str {
        &self.display
    }

    fn error(&self, query: &str, reason: String, kind: FaultKind) -> QueryError {
        QueryError { url: self.display.clone(), query: query.to_string(), reason, kind }
    }

    /// GETs an API path and returns the envelope's `data` as a JSON tree (bounded in size; see
    /// [`api::BoundedJson`]). `label` names the request in errors.
    pub fn get(&self, path: &str, params: &[(&str, String)], label: &str) -> Result<Value, QueryError> {
        self.get_as::<api::BoundedJson>(path, params, label).map(|v| v.0)
    }

    /// GETs a path of an HTTP JSON API without the Prometheus envelope (Grafana's API), with the
    /// same auth, TLS, retries, size limits and errors; the answer is a bounded JSON tree.
    pub fn get_json(&self, path: &str, params: &[(&str, String)], label: &str) -> Result<Value, QueryError> {
        self.fetch(path, params, label, |client, label, response| {
            client.read_body::<api::BoundedJson>(label, response).map(|v| v.0)
        })
    }

    /// GETs an API path and parses the envelope's `data` as `T`, streaming, from at most
    /// [`MAX_RESPONSE_BYTES`] of body. A `success` answer without `data` is read as JSON `null`.
    pub fn get_as<T: DeserializeOwned>(
        &self,
        path: &str,
        params: &[(&str, String)],
        label: &str,
    ) -> Result<T, QueryError> {
        self.fetch(path, params, label, |client, label, response| client.read(label, response))
    }

    /// Sends the GET (base query parameters, auth, retries) and hands the response to `read`.
    fn fetch<T>(
        &self,
        path: &str,
        params: &[(&str, String)],
        label: &str,
        read: impl Fn(&Self, &str, Response) -> Result<T, QueryError>,
    ) -> Result<T, QueryError> {
        let mut all: Vec<(&str, String)> = self.base_query.iter().map(|(k, v)| (k.as_str(), v.clone())).collect();
        all.extend(params.iter().cloned());
        let url = Url::parse_with_params(&format!("{}{}", self.base, path), &all)
            .map_err(|e| self.error(label, format!("invalid request URL: {e}"), FaultKind::Connect))?;
        trace(&url);
        let mut attempt = 0;
        loop {
            let mut request = self.http.get(url.clone());
            if let Some(token) = &self.bearer {
                request = request.bearer_auth(token);
            }
            if let Some((user, pass)) = &self.basic {
                request = request.basic_auth(user, Some(pass));
            }
            let outcome =
                request.send().map_err(|e| self.transport_error(label, &e)).and_then(|r| read(self, label, r));
            match outcome {
                Err(err) if attempt < self.retries && retryable(&err) => {
                    std::thread::sleep(Duration::from_millis(250 << attempt.min(6)));
                    attempt += 1;
                }
                other => return other,
            }
        }
    }

    fn transport_error(&self, label: &str, err: &reqwest::Error) -> QueryError {
        let chain = error_chain(err);
        let lower = chain.to_lowercase();
        let kind = if err.is_timeout() || lower.contains("timed out") {
            FaultKind::Timeout
        } else if lower.contains("certificate")
            || lower.contains("tls")
            || lower.contains("handshake")
            || lower.contains("invalidcontenttype")
            || lower.contains("corrupt message")
        {
            FaultKind::Tls
        } else if err.is_body() || err.is_decode() {
            FaultKind::Malformed
        } else {
            FaultKind::Connect
        };
        let reason = match kind {
            FaultKind::Timeout => format!("no answer within the timeout ({chain})"),
            FaultKind::Tls => format!("TLS error ({chain})"),
            _ => chain,
        };
        self.error(label, reason, kind)
    }

    /// Reads a Prometheus `{status, data, error}` answer and returns its `data` as `T`.
    fn read<T: DeserializeOwned>(&self, label: &str, response: Response) -> Result<T, QueryError> {
        let envelope: api::Envelope<T> = self.read_body(label, response)?;
        match envelope.status.as_deref() {
            Some("success") => match envelope.data {
                Some(data) => Ok(data),
                None => serde_json::from_str("null").map_err(|e| {
                    self.error(label, format!("a `success` answer without `data` ({e})"), FaultKind::Malformed)
                }),
            },
            Some("error") => {
                let detail = envelope.error.as_deref().unwrap_or("unknown error");
                Err(self.error(label, format!("server error: {}", first_line(detail)), FaultKind::Api))
            }
            _ => Err(self.error(label, "JSON without a Prometheus API `status` field".into(), FaultKind::Malformed)),
        }
    }

    /// Reads a JSON answer as `T`, streaming from at most [`MAX_RESPONSE_BYTES`]; a non-2xx answer
    /// is an error with the start of its body (its `error` or `message` field when JSON).
    fn read_body<T: DeserializeOwned>(&self, label: &str, response: Response) -> Result<T, QueryError> {
        let status = response.status();
        if let Some(len) = response.content_length().filter(|len| *len > MAX_RESPONSE_BYTES) {
            return Err(self.too_large(label, Some(len)));
        }
        let mut body = BodyReader { inner: response, read: 0, excerpt: Vec::new() };
        if !status.is_success() {
            // Only the start of an error answer is read: enough for its message.
            let mut head = Vec::new();
            let _ = (&mut body).take(ERROR_EXCERPT_BYTES as u64).read_to_end(&mut head);
            let parsed: Option<api::Envelope<IgnoredAny>> = serde_json::from_slice(&head).ok();
            let detail = parsed
                .as_ref()
                .and_then(|v| v.error.as_deref().or(v.message.as_deref()))
                .map(first_line)
                .unwrap_or_else(|| first_line(&String::from_utf8_lossy(&head)));
            let kind = match status {
                StatusCode::UNAUTHORIZED | StatusCode::FORBIDDEN => FaultKind::Auth,
                _ if parsed.is_some() && status.is_client_error() => FaultKind::Api,
                s => FaultKind::Http(s.as_u16()),
            };
            let reason = if detail.is_empty() { format!("HTTP {status}") } else { format!("HTTP {status}: {detail}") };
            return Err(self.error(label, reason, kind));
        }
        let parsed: Result<T, _> = serde_json::from_reader(std::io::BufReader::new(&mut body));
        match parsed {
            Ok(v) => Ok(v),
            Err(_) if body.read > MAX_RESPONSE_BYTES => Err(self.too_large(label, None)),
            Err(e) if e.is_io() => {
                let reason = format!("cannot read the response body ({})", error_chain(&e));
                Err(self.error(label, reason, FaultKind::Malformed))
            }
            Err(e) => {
                let reason = if body.read == 0 {
                    "empty response body".to_string()
                } else {
                    let snippet = first_line(&String::from_utf8_lossy(&body.excerpt));
                    format!("malformed JSON ({e}) in a response starting with '{snippet}'")
                };
                Err(self.error(label, reason, FaultKind::Malformed))
            }
        }
    }

    fn too_large(&self, label: &str, length: Option<u64>) -> QueryError {
        let size = length.map_or_else(|| "larger".to_string(), |l| format!("{l} bytes, larger"));
        let limit = crate::input::human_bytes(MAX_RESPONSE_BYTES);
        let reason =
            format!("the answer is {size} than the {limit} obs-cost reads from a server; nothing of it was used");
        self.error(label, reason, FaultKind::TooLarge)
    }

    /// Runs an instant query at `at` (unix seconds) and returns its samples (vector or scalar).
    pub fn query(&self, promql: &str, at: f64) -> Result<Vec<Sample>, QueryError> {
        let params = [("query", promql.to_string()), ("time", format_time(at))];
        let data: api::QueryData = self.get_as("/api/v1/query", &params, promql)?;
        samples(data).map_err(|reason| self.error(promql, reason, FaultKind::Malformed))
    }
}

/// A response body counted as it is read: it fails past [`MAX_RESPONSE_BYTES`] and keeps its
/// first bytes for an error message.
struct BodyReader<R> {
    inner: R,
    read: u64,
    excerpt: Vec<u8>,
}

impl<R: Read> Read for BodyReader<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        if self.excerpt.len() < ERROR_EXCERPT_BYTES {
            let room = ERROR_EXCERPT_BYTES - self.excerpt.len();
            self.excerpt.extend_from_slice(buf.get(..n.min(room)).unwrap_or_default());
        }
        self.read += n as u64;
        if self.read > MAX_RESPONSE_BYTES {
            return Err(std::io::Error::other("the answer is larger than the limit"));
        }
        Ok(n)
    }
}

/// Appends each request URL (credential query parameters redacted; user and password are never
/// part of it) to the file named by `OBS_COST_TRACE`, so that `scripts/measure-1m-series.sh` can
/// replay the same requests with curl.
fn trace(url: &Url) {
    if let Some(path) = std::env::var_os("OBS_COST_TRACE") {
        use std::io::Write;
        if let Ok(mut file) = std::fs::OpenOptions::new().create(true).append(true).open(path) {
            let _ = writeln!(file, "{}", redact_url(url.as_str()));
        }
    }
}

fn retryable(err: &QueryError) -> bool {
    matches!(err.kind, FaultKind::Timeout | FaultKind::Http(502 | 503 | 504 | 429))
}

/// Formats unix seconds for the `time` parameter, without float noise.
pub fn format_time(at: f64) -> String {
    if at.fract() == 0.0 {
        format!("{}", at as i64)
    } else {
        format!("{at:.3}")
    }
}

fn parse_value(text: &str) -> Result<Option<f64>, String> {
    let value: f64 = text.parse().map_err(|_| {
        format!("a sample value '{}' is not a number", crate::redact::escape_control(&first_line(text)))
    })?;
    Ok(value.is_finite().then_some(value))
}

/// The samples of an instant query's `data` (vector or scalar); NaN and infinities are dropped.
pub fn samples(data: api::QueryData) -> Result<Vec<Sample>, String> {
    match (data.result_type.as_str(), data.result) {
        ("scalar", api::QueryResult::Scalar(text)) => {
            Ok(parse_value(&text)?.map(|value| Sample { labels: Vec::new(), value }).into_iter().collect())
        }
        ("vector", api::QueryResult::Rows(rows)) => {
            let mut out = Vec::with_capacity(rows.len());
            for row in rows {
                let Some(point) = row.value else { continue };
                if let Some(value) = parse_value(&point.1)? {
                    out.push(Sample { labels: row.metric, value });
                }
            }
            Ok(out)
        }
        ("scalar" | "vector", _) => Err("the result does not match its resultType".into()),
        (other, _) => Err(format!(
            "unexpected resultType '{}' for an instant query",
            crate::redact::escape_control(&first_line(other))
        )),
    }
}

/// Parses the body of an instant-query answer (the envelope and its `data`), as the client does:
/// the entry point for tests and the fuzz target.
pub fn parse_query_body(body: &[u8]) -> Result<Vec<Sample>, String> {
    let envelope: api::Envelope<api::QueryData> = serde_json::from_slice(body).map_err(|e| e.to_string())?;
    match envelope.data {
        Some(data) => samples(data),
        None => Err("no data".into()),
    }
}

/// The first line of a server's text, at most 160 characters, control characters escaped (it is
/// printed, and written into snapshots).
fn first_line(text: &str) -> String {
    let escaped = crate::redact::escape_control(text);
    let line = escaped.trim().lines().next().unwrap_or("").trim();
    let mut out: String = line.chars().take(160).collect();
    if line.chars().count() > 160 {
        out.push('…');
    }
    out
}

fn error_chain(err: &(dyn std::error::Error + 'static)) -> String {
    let mut parts: Vec<String> = Vec::new();
    let mut current: Option<&(dyn std::error::Error + 'static)> = Some(err);
    while let Some(e) = current {
        let text = match e.downcast_ref::<reqwest::Error>() {
            Some(r) => {
                let mut owned = String::new();
                if r.is_timeout() {
                    owned.push_str("timed out");
                } else if r.is_connect() {
                    owned.push_str("connection failed");
                } else if r.is_request() {
                    owned.push_str("request failed");
                } else if r.is_body() || r.is_decode() {
                    owned.push_str("cannot read the response body");
                } else {
                    owned.push_str("HTTP error");
                }
                owned
            }
            None => e.to_string(),
        };
        if !text.is_empty() && !parts.iter().any(|p| p.contains(&text)) {
            parts.push(text);
        }
        current = e.source();
    }
    first_line(&parts.join(": "))
}

fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while let Some(&c) = bytes.get(i) {
        // Two hex digits after `%` (read as bytes: a multi-byte character there is not a digit).
        let hex = bytes.get(i + 1..i + 3).and_then(|h| std::str::from_utf8(h).ok());
        if let Some(b) = hex.filter(|_| c == b'%').and_then(|h| u8::from_str_radix(h, 16).ok()) {
            out.push(b);
            i += 3;
            continue;
        }
        out.push(c);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn credentials_in_the_url_become_basic_auth_and_leave_the_url() {
        let opts = ConnectOptions { timeout: Duration::from_secs(1), ..Default::default() };
        let client = Client::new("http://alice:p%40ss@127.0.0.1:9/prom/", &opts).unwrap();
        assert_eq!(client.url(), "http://REDACTED@127.0.0.1:9/prom");
        assert_eq!(client.base, "http://127.0.0.1:9/prom");
        assert_eq!(client.basic, Some(("alice".into(), "p@ss".into())));
    }

    #[test]
    fn query_parameters_are_kept_and_redacted_and_api_suffixes_dropped() {
        let opts = ConnectOptions { timeout: Duration::from_secs(1), ..Default::default() };
        let client =
            Client::new("http://127.0.0.1:9/select/0/prometheus/api/v1?token=t0k&extra_label=a%3Db", &opts).unwrap();
        assert_eq!(client.base, "http://127.0.0.1:9/select/0/prometheus");
        assert_eq!(client.base_query, vec![("token".into(), "t0k".into()), ("extra_label".into(), "a=b".into())]);
        assert!(!client.url().contains("t0k"), "{}", client.url());
    }

    #[test]
    fn parses_vectors_and_scalars_and_drops_nan() {
        let body = br#"{"status":"success","data":{"resultType":"vector","result":[
            {"metric":{"job":"a"},"value":[1,"2.5"]},
            {"metric":{"job":"b"},"value":[1,"NaN"]}]}}"#;
        let samples = parse_query_body(body).unwrap();
        assert_eq!(samples.len(), 1);
        assert_eq!(samples[0].label("job"), "a");
        assert_eq!(samples[0].value, 2.5);
        let scalar =
            parse_query_body(br#"{"status":"success","data":{"resultType":"scalar","result":[1,"7"]}}"#).unwrap();
        assert_eq!(scalar[0].value, 7.0);
        assert!(parse_query_body(br#"{"status":"success","data":{"resultType":"vector"}}"#).is_err());
        assert!(parse_query_body(br#"{"status":"success","data":{"resultType":"scalar","result":[{}]}}"#).is_err());
    }

    #[test]
    fn error_is_one_line_with_url_query_and_hint() {
        let err = QueryError {
            url: "http://p:9090".into(),
            query: "up".into(),
            reason: "HTTP 401 Unauthorized".into(),
            kind: FaultKind::Auth,
        };
        let text = err.to_string();
        assert_eq!(text.lines().count(), 2, "{text}");
        assert!(text.starts_with("cannot measure from http://p:9090 (query: up): HTTP 401"), "{text}");
        assert!(text.lines().nth(1).unwrap().starts_with("hint: check --bearer-token-file"), "{text}");
        assert!(!err.one_line().contains('\n'));
    }
}
