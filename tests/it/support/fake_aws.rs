//! A fake AWS endpoint for the SDK tests: a minimal HTTP/1.1 server on loopback (keep-alive,
//! Content-Length bodies) that records every request and answers with a handler, in the wire
//! protocol of the service under test (awsJson for the Price List, awsQuery for CloudWatch).
//! Selected with the standard `AWS_ENDPOINT_URL_<SERVICE>` override.

use std::collections::BTreeMap;
use std::io::{BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::{Arc, Mutex};

/// One request the fake server received.
#[derive(Debug, Clone)]
pub struct Request {
    pub method: String,
    pub path: String,
    pub headers: BTreeMap<String, String>,
    pub body: String,
}

impl Request {
    /// The body as JSON (awsJson protocols), or null.
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.body).unwrap_or(serde_json::Value::Null)
    }

    /// The body as `application/x-www-form-urlencoded` parameters (the awsQuery protocol), in order.
    pub fn form(&self) -> Vec<(String, String)> {
        self.body
            .split('&')
            .filter(|p| !p.is_empty())
            .map(|p| {
                let (k, v) = p.split_once('=').unwrap_or((p, ""));
                (url_decode(k), url_decode(v))
            })
            .collect()
    }

    /// One form parameter.
    pub fn param(&self, name: &str) -> Option<String> {
        self.form().into_iter().find(|(k, _)| k == name).map(|(_, v)| v)
    }
}

/// Percent-decoding of a form value (`+` is a space).
pub fn url_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = (bytes[i] == b'%')
            .then(|| bytes.get(i + 1..i + 3))
            .flatten()
            .and_then(|h| std::str::from_utf8(h).ok())
            .and_then(|h| u8::from_str_radix(h, 16).ok());
        match (bytes[i], hex) {
            (_, Some(b)) => {
                out.push(b);
                i += 3;
            }
            (b'+', None) => {
                out.push(b' ');
                i += 1;
            }
            (b, None) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// An HTTP answer.
pub struct Response {
    /// HTTP status.
    pub status: u16,
    /// Body.
    pub body: Vec<u8>,
    /// Content-Length to announce on HEAD instead of the body's.
    pub head_length: Option<u64>,
}

impl Response {
    pub fn ok(body: impl Into<Vec<u8>>) -> Self {
        Response { status: 200, body: body.into(), head_length: None }
    }
    pub fn status(status: u16, body: impl Into<Vec<u8>>) -> Self {
        Response { status, body: body.into(), head_length: None }
    }
}

pub type Handler = dyn Fn(&Request, usize) -> Response + Send + Sync;

/// A minimal HTTP/1.1 server on loopback (keep-alive, Content-Length bodies), recording requests.
pub struct FakeAws {
    /// `http://127.0.0.1:PORT`.
    pub url: String,
    requests: Arc<Mutex<Vec<Request>>>,
}

impl FakeAws {
    /// Starts a server answering POSTs with `post_content_type` (the protocol's) and other
    /// requests with `application/json`.
    pub fn start(
        post_content_type: &'static str,
        handler: impl Fn(&Request, usize) -> Response + Send + Sync + 'static,
    ) -> FakeAws {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let url = format!("http://{}", listener.local_addr().unwrap());
        let requests = Arc::new(Mutex::new(Vec::new()));
        let handler: Arc<Handler> = Arc::new(handler);
        let recorded = requests.clone();
        std::thread::spawn(move || {
            for stream in listener.incoming() {
                let Ok(stream) = stream else { continue };
                let (handler, recorded) = (handler.clone(), recorded.clone());
                std::thread::spawn(move || serve(stream, post_content_type, &*handler, &recorded));
            }
        });
        FakeAws { url, requests }
    }

    /// Every request received so far.
    pub fn requests(&self) -> Vec<Request> {
        self.requests.lock().unwrap().clone()
    }
}

fn serve(stream: TcpStream, post_content_type: &str, handler: &Handler, recorded: &Mutex<Vec<Request>>) {
    let mut reader = BufReader::new(stream.try_clone().unwrap());
    let mut writer = stream;
    loop {
        let Some((line, head)) = super::read_request_head(&mut reader) else { return };
        let mut parts = line.split_whitespace();
        let (method, path) =
            (parts.next().unwrap_or_default().to_string(), parts.next().unwrap_or_default().to_string());
        let len = super::content_length(&head);
        let headers: BTreeMap<String, String> = head.into_iter().collect();
        let mut body = vec![0; len];
        if reader.read_exact(&mut body).is_err() {
            return;
        }
        let req = Request { method, path, headers, body: String::from_utf8_lossy(&body).into_owned() };
        let n = {
            let mut all = recorded.lock().unwrap();
            all.push(req.clone());
            all.len()
        };
        let resp = handler(&req, n);
        let length = if req.method == "HEAD" {
            resp.head_length.unwrap_or(resp.body.len() as u64)
        } else {
            resp.body.len() as u64
        };
        let content_type = if req.method == "POST" { post_content_type } else { "application/json" };
        let head = format!(
            "HTTP/1.1 {} X\r\nContent-Type: {content_type}\r\nContent-Length: {length}\r\nx-amzn-RequestId: 00000000-test\r\n\r\n",
            resp.status
        );
        if writer.write_all(head.as_bytes()).is_err() {
            return;
        }
        if req.method != "HEAD" && writer.write_all(&resp.body).is_err() {
            return;
        }
        let _ = writer.flush();
    }
}
