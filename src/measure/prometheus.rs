//! The HTTP client for Prometheus-compatible query APIs (Prometheus, VictoriaMetrics, ...): auth
//! (bearer token, basic auth, `user:pass@` in the URL), custom CA, timeout, retries with backoff on
//! 503/timeouts, the `{status, data, error}` envelope, and errors that name the URL and the query.
//! Credentials are stripped from the URL before any request, so no message, log line or snapshot
//! field can contain them. It knows no PromQL beyond running it.

use std::collections::BTreeMap;
use std::time::Duration;

use reqwest::blocking::{Client as HttpClient, Response};
use reqwest::{StatusCode, Url};
use serde_json::Value;

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
}

/// A failed request: one line naming the server (credentials redacted), the query and the cause.
#[derive(Debug, Clone, thiserror::Error)]
#[error("cannot measure from {url} (query: {query}): {reason}; {hint}", hint = self.hint())]
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
    fn hint(&self) -> &'static str {
        match self.kind {
            FaultKind::Connect => "check the URL and that the server is running and reachable",
            FaultKind::Timeout => "raise --timeout, or check that the server is not overloaded",
            FaultKind::Tls => "pass the server's CA certificate with --ca-file, or check the https:// URL",
            FaultKind::Auth => {
                "check --bearer-token-file, or --basic-auth-user with --basic-auth-password-file \
                 (or OBS_COST_BASIC_AUTH_PASSWORD)"
            }
            FaultKind::Http(_) => "check that the URL points at a Prometheus-compatible API",
            FaultKind::Malformed => {
                "the answer is not Prometheus API JSON; check that the URL is the Prometheus API, not a proxy or UI page"
            }
            FaultKind::Api => "the server rejected the query; check its version and limits",
            FaultKind::Empty => "check --at (it must fall inside the data's time range) and that Prometheus scrapes targets",
        }
    }
}

/// One sample of an instant-query result.
#[derive(Debug, Clone, PartialEq)]
pub struct Sample {
    /// Labels of the series (empty for a scalar).
    pub labels: BTreeMap<String, String>,
    /// The value; NaN and infinities are dropped before this is built.
    pub value: f64,
}

impl Sample {
    /// A label value, or `""`.
    pub fn label(&self, name: &str) -> &str {
        self.labels.get(name).map(String::as_str).unwrap_or("")
    }
}

/// A client for one Prometheus-compatible server.
#[derive(Debug)]
pub struct Client {
    http: HttpClient,
    base: String,
    display: String,
    bearer: Option<String>,
    basic: Option<(String, String)>,
    retries: u32,
}

/// Returns `url` with any `user:password@` replaced by `REDACTED@` (for text that mentions a URL).
pub fn redact_url(url: &str) -> String {
    match Url::parse(url) {
        Ok(mut parsed) => {
            let had_credentials = !parsed.username().is_empty() || parsed.password().is_some();
            let _ = parsed.set_password(None);
            let _ = parsed.set_username("");
            let text = parsed.as_str().trim_end_matches('/').to_string();
            if had_credentials {
                text.replacen("://", "://REDACTED@", 1)
            } else {
                text
            }
        }
        Err(_) => match url.rfind('@') {
            Some(at) => match url.find("://") {
                Some(scheme) if scheme < at => format!("{}://REDACTED@{}", &url[..scheme], &url[at + 1..]),
                _ => format!("REDACTED@{}", &url[at + 1..]),
            },
            None => url.to_string(),
        },
    }
}

impl Client {
    /// Builds a client for `url`. Credentials in the URL become basic auth (unless basic auth is
    /// given explicitly) and are removed from every request URL and message.
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
        parsed.set_query(None);
        parsed.set_fragment(None);
        let base = parsed.as_str().trim_end_matches('/').to_string();
        let mut builder = HttpClient::builder()
            .timeout(options.timeout)
            .connect_timeout(options.timeout)
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
        Ok(Client { http, base, display, bearer: options.bearer_token.clone(), basic, retries: options.retries })
    }

    /// The server URL with credentials redacted.
    pub fn url(&self) -> &str {
        &self.display
    }

    fn error(&self, query: &str, reason: String, kind: FaultKind) -> QueryError {
        QueryError { url: self.display.clone(), query: query.to_string(), reason, kind }
    }

    /// GETs an API path and returns the envelope's `data`. `label` names the request in errors.
    pub fn get(&self, path: &str, params: &[(&str, String)], label: &str) -> Result<Value, QueryError> {
        let value = self.get_json(path, params, label)?;
        self.envelope(label, value)
    }

    /// GETs a path of an HTTP JSON API without the Prometheus envelope (Grafana's API), with the
    /// same auth, TLS, retries and errors.
    pub fn get_json(&self, path: &str, params: &[(&str, String)], label: &str) -> Result<Value, QueryError> {
        let url = Url::parse_with_params(&format!("{}{}", self.base, path), params)
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
            let outcome = request.send().map_err(|e| self.transport_error(label, &e)).and_then(|r| self.read(label, r));
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

    fn read(&self, label: &str, response: Response) -> Result<Value, QueryError> {
        let status = response.status();
        let body = response.bytes().map_err(|e| self.transport_error(label, &e))?;
        let parsed: Result<Value, _> = serde_json::from_slice(&body);
        if !status.is_success() {
            let detail = match &parsed {
                Ok(v) => v.get("error").or_else(|| v.get("message")).and_then(Value::as_str).map(str::to_string),
                Err(_) => None,
            }
            .unwrap_or_else(|| first_line(&String::from_utf8_lossy(&body)));
            let kind = match status {
                StatusCode::UNAUTHORIZED | StatusCode::FORBIDDEN => FaultKind::Auth,
                _ if parsed.is_ok() && status.is_client_error() => FaultKind::Api,
                s => FaultKind::Http(s.as_u16()),
            };
            let reason = if detail.is_empty() { format!("HTTP {status}") } else { format!("HTTP {status}: {detail}") };
            return Err(self.error(label, reason, kind));
        }
        let value = parsed.map_err(|e| {
            let snippet = first_line(&String::from_utf8_lossy(&body));
            let reason = if body.is_empty() {
                "empty response body".to_string()
            } else {
                format!("malformed JSON ({e}) in a response starting with '{snippet}'")
            };
            self.error(label, reason, FaultKind::Malformed)
        })?;
        Ok(value)
    }

    /// The `data` of a Prometheus `{status, data, error}` envelope.
    fn envelope(&self, label: &str, value: Value) -> Result<Value, QueryError> {
        match value.get("status").and_then(Value::as_str) {
            Some("success") => Ok(value.get("data").cloned().unwrap_or(Value::Null)),
            Some("error") => {
                let detail = value.get("error").and_then(Value::as_str).unwrap_or("unknown error");
                Err(self.error(label, format!("server error: {}", first_line(detail)), FaultKind::Api))
            }
            _ => Err(self.error(label, "JSON without a Prometheus API `status` field".into(), FaultKind::Malformed)),
        }
    }

    /// Runs an instant query at `at` (unix seconds) and returns its samples (vector or scalar).
    pub fn query(&self, promql: &str, at: f64) -> Result<Vec<Sample>, QueryError> {
        let data = self.get("/api/v1/query", &[("query", promql.to_string()), ("time", format_time(at))], promql)?;
        parse_instant(&data).map_err(|reason| self.error(promql, reason, FaultKind::Malformed))
    }
}

/// Appends each request URL (never credentials: they are not part of it) to the file named by
/// `OBS_COST_TRACE`, so that `scripts/measure-1m-series.sh` can replay the same requests with curl.
fn trace(url: &Url) {
    if let Some(path) = std::env::var_os("OBS_COST_TRACE") {
        use std::io::Write;
        if let Ok(mut file) = std::fs::OpenOptions::new().create(true).append(true).open(path) {
            let _ = writeln!(file, "{}", url.as_str());
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

fn parse_value(v: &Value) -> Result<Option<f64>, String> {
    let pair = v.as_array().filter(|a| a.len() == 2).ok_or("a sample is not a [time, value] pair")?;
    let text = pair[1].as_str().ok_or("a sample value is not a string")?;
    let value: f64 = text.parse().map_err(|_| format!("a sample value '{text}' is not a number"))?;
    Ok(value.is_finite().then_some(value))
}

/// Parses the `data` of an instant query.
pub fn parse_instant(data: &Value) -> Result<Vec<Sample>, String> {
    let kind = data.get("resultType").and_then(Value::as_str).ok_or("no `resultType` in the answer")?;
    let result = data.get("result").ok_or("no `result` in the answer")?;
    match kind {
        "scalar" => {
            Ok(parse_value(result)?.map(|value| Sample { labels: BTreeMap::new(), value }).into_iter().collect())
        }
        "vector" => {
            let rows = result.as_array().ok_or("`result` is not a list")?;
            let mut out = Vec::with_capacity(rows.len());
            for row in rows {
                let labels = row
                    .get("metric")
                    .and_then(Value::as_object)
                    .map(|m| m.iter().map(|(k, v)| (k.clone(), v.as_str().unwrap_or("").to_string())).collect())
                    .unwrap_or_default();
                let Some(value) = row.get("value") else { continue };
                if let Some(value) = parse_value(value)? {
                    out.push(Sample { labels, value });
                }
            }
            Ok(out)
        }
        other => Err(format!("unexpected resultType '{other}' for an instant query")),
    }
}

fn first_line(text: &str) -> String {
    let line = text.trim().lines().next().unwrap_or("").trim();
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
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            if let Ok(b) = u8::from_str_radix(&text[i + 1..i + 3], 16) {
                out.push(b);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn redacts_credentials_in_urls() {
        assert_eq!(redact_url("http://alice:s3cret@prom:9090/"), "http://REDACTED@prom:9090");
        assert_eq!(redact_url("https://prom.example/api/"), "https://prom.example/api");
        assert_eq!(redact_url("not a url alice:s3cret@host"), "REDACTED@host");
    }

    #[test]
    fn credentials_in_the_url_become_basic_auth_and_leave_the_url() {
        let opts = ConnectOptions { timeout: Duration::from_secs(1), ..Default::default() };
        let client = Client::new("http://alice:p%40ss@127.0.0.1:9/prom/", &opts).unwrap();
        assert_eq!(client.url(), "http://REDACTED@127.0.0.1:9/prom");
        assert_eq!(client.base, "http://127.0.0.1:9/prom");
        assert_eq!(client.basic, Some(("alice".into(), "p@ss".into())));
    }

    #[test]
    fn parses_vectors_and_scalars_and_drops_nan() {
        let data = json!({"resultType":"vector","result":[
            {"metric":{"job":"a"},"value":[1,"2.5"]},
            {"metric":{"job":"b"},"value":[1,"NaN"]}]});
        let samples = parse_instant(&data).unwrap();
        assert_eq!(samples.len(), 1);
        assert_eq!(samples[0].label("job"), "a");
        assert_eq!(samples[0].value, 2.5);
        let scalar = parse_instant(&json!({"resultType":"scalar","result":[1,"7"]})).unwrap();
        assert_eq!(scalar[0].value, 7.0);
        assert!(parse_instant(&json!({"resultType":"vector"})).is_err());
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
        assert!(!text.contains('\n'));
        assert!(text.starts_with("cannot measure from http://p:9090 (query: up): HTTP 401"), "{text}");
        assert!(text.contains("--bearer-token-file"));
    }
}
