//! Where dashboards come from: every `*.json` below a `--grafana-dashboards` directory (dashboards
//! of any schema and library-panel files), or Grafana's HTTP API (`--grafana URL` with a
//! service-account token): `GET /api/search?type=dash-db` page by page, `GET
//! /api/dashboards/uid/:uid`, and `GET /api/library-elements/:uid` for the library panels they
//! use. The token is sent as a bearer token and never printed. Reuses the measuring HTTP client.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use anyhow::{anyhow, Result};
use serde_json::Value;

use super::grafana::{self, Document, LibraryPanels};
use super::{read_limited, Unparsed};
use crate::measure::collect::Progress;
use crate::measure::prometheus::{Client, FaultKind, QueryError};

/// Largest dashboard file read.
pub const MAX_DASHBOARD_FILE_BYTES: u64 = 32 << 20;
/// Dashboards per search page asked of Grafana (its maximum is 5000).
const SEARCH_PAGE: usize = 1000;
/// Search pages read at most (a server that never stops paging is an error).
const MAX_SEARCH_PAGES: usize = 1000;

/// Dashboards read, with where each came from.
#[derive(Debug, Default)]
pub struct Dashboards {
    /// `(origin, dashboard JSON)`, in reading order.
    pub dashboards: Vec<(String, Value)>,
    /// Library panels by uid.
    pub library: LibraryPanels,
    /// Files that are neither dashboards nor library panels, and library panels Grafana could not give.
    pub unparsed: Vec<Unparsed>,
}

/// Reads every `*.json` below `dir` (sorted, symlinks not followed).
pub fn from_dir(dir: &Path, into: &mut Dashboards) -> Result<()> {
    if !dir.is_dir() {
        return Err(anyhow!(
            "--grafana-dashboards '{}' is not a directory; hint: give the directory Grafana provisions dashboards from",
            dir.display()
        ));
    }
    let mut files: Vec<PathBuf> = Vec::new();
    for entry in walkdir::WalkDir::new(dir).sort_by_file_name() {
        let entry = entry.map_err(|e| anyhow!("cannot read --grafana-dashboards '{}': {e}", dir.display()))?;
        if entry.file_type().is_file() && entry.path().extension().is_some_and(|e| e == "json") {
            files.push(entry.into_path());
        }
    }
    for file in files {
        let text = read_limited(&file, MAX_DASHBOARD_FILE_BYTES, "dashboard file")?;
        let doc: Value = crate::input::parse_json(&text).map_err(|e| {
            anyhow!(
                "invalid dashboard file {}:{}:{}: not JSON ({}); hint: export dashboards with Grafana's \"Export as JSON\"",
                file.display(),
                e.line(),
                e.column(),
                json_error_class(&e)
            )
        })?;
        let origin = file.display().to_string();
        add(doc, origin, into);
    }
    Ok(())
}

/// What kind of JSON error, without the text that failed (a file may hold secrets).
fn json_error_class(e: &serde_json::Error) -> &'static str {
    match e.classify() {
        serde_json::error::Category::Io => "read error",
        serde_json::error::Category::Syntax => "syntax error",
        serde_json::error::Category::Data => "unexpected value",
        serde_json::error::Category::Eof => "unexpected end of file",
    }
}

fn add(doc: Value, origin: String, into: &mut Dashboards) {
    match grafana::classify(&doc) {
        Document::Dashboard(d) => {
            grafana::embedded_library_panels(d, &mut into.library);
            let d = d.clone();
            into.dashboards.push((origin, d));
        }
        Document::LibraryPanel(uid, name, model) => {
            into.library.insert(uid, (name, model.clone()));
        }
        Document::Other => into.unparsed.push(Unparsed {
            source: origin,
            expr: String::new(),
            error: "not a Grafana dashboard or library panel (no panels, rows, templating, spec or model): skipped"
                .into(),
        }),
    }
}

/// Turns a failed Grafana request into an error with a Grafana hint (never the token).
pub fn grafana_error(e: QueryError) -> anyhow::Error {
    let hint = match e.kind {
        FaultKind::Auth => {
            "check --grafana-token-file (a Grafana service-account token, glsa_..., with the Viewer role reads every \
             dashboard) or the user:password@ in --grafana"
        }
        FaultKind::Http(404) => "check that --grafana is Grafana's base URL (the one that serves /api/search)",
        FaultKind::Malformed => "the answer is not Grafana API JSON; check that --grafana is Grafana's base URL",
        _ => "check the URL and that Grafana is running and reachable; raise --timeout if it is slow",
    };
    anyhow!("cannot read dashboards from Grafana at {} ({}): {}; hint: {hint}", e.url, e.query, e.reason)
}

/// Bytes a uid keeps in a URL path segment: letters, digits and RFC 3986's other unreserved ones.
const UNRESERVED: &percent_encoding::AsciiSet =
    &percent_encoding::NON_ALPHANUMERIC.remove(b'-').remove(b'_').remove(b'.').remove(b'~');

/// Percent-encodes a uid for a URL path segment.
fn segment(uid: &str) -> String {
    percent_encoding::utf8_percent_encode(uid, UNRESERVED).to_string()
}

/// Reads every dashboard Grafana lets the token see, and the library panels they use.
pub fn from_api(client: &Client, into: &mut Dashboards, progress: Progress<'_>) -> Result<()> {
    let mut uids: Vec<String> = Vec::new();
    let mut seen = BTreeSet::new();
    for page in 1..=MAX_SEARCH_PAGES + 1 {
        if page > MAX_SEARCH_PAGES {
            return Err(anyhow!(
                "Grafana at {} returned more than {MAX_SEARCH_PAGES} search pages; hint: check that --grafana is Grafana",
                client.url()
            ));
        }
        let label = format!("GET /api/search?type=dash-db&page={page}");
        progress(&label);
        let params = [("type", "dash-db".to_string()), ("limit", SEARCH_PAGE.to_string()), ("page", page.to_string())];
        let hits = client.get_json("/api/search", &params, &label).map_err(grafana_error)?;
        let Some(hits) = hits.as_array() else {
            return Err(grafana_error(QueryError {
                url: client.url().to_string(),
                query: label,
                reason: "the answer is not a list of dashboards".into(),
                kind: FaultKind::Malformed,
            }));
        };
        let before = uids.len();
        for h in hits {
            let uid = h.get("uid").and_then(Value::as_str).unwrap_or("");
            let kind = h.get("type").and_then(Value::as_str).unwrap_or("dash-db");
            if kind == "dash-db" && !uid.is_empty() && seen.insert(uid.to_string()) {
                uids.push(uid.to_string());
            }
        }
        // An empty page is the last (Grafana may cap the page below `limit`); a page of only known
        // uids means the server ignores `page`.
        if hits.is_empty() || uids.len() == before {
            break;
        }
    }
    let origin = client.url().to_string();
    let mut wanted = BTreeSet::new();
    for uid in &uids {
        let label = format!("GET /api/dashboards/uid/{uid}");
        progress(&label);
        let doc =
            client.get_json(&format!("/api/dashboards/uid/{}", segment(uid)), &[], &label).map_err(grafana_error)?;
        let Some(d) = doc.get("dashboard").filter(|d| d.is_object()) else {
            return Err(grafana_error(QueryError {
                url: origin.clone(),
                query: label,
                reason: "the answer has no `dashboard` object".into(),
                kind: FaultKind::Malformed,
            }));
        };
        wanted.extend(grafana::library_panel_uids(d));
        add(doc, origin.clone(), into);
    }
    for uid in wanted {
        if into.library.contains_key(&uid) {
            continue;
        }
        let label = format!("GET /api/library-elements/{uid}");
        progress(&label);
        match client.get_json(&format!("/api/library-elements/{}", segment(&uid)), &[], &label) {
            Ok(doc) => match grafana::classify(&doc) {
                Document::LibraryPanel(uid, name, model) => {
                    into.library.insert(uid, (name, model.clone()));
                }
                _ => {
                    return Err(grafana_error(QueryError {
                        url: origin.clone(),
                        query: label,
                        reason: "the answer has no `result.model`".into(),
                        kind: FaultKind::Malformed,
                    }))
                }
            },
            // A deleted or hidden library panel: the dashboards that use it list it as unresolved.
            Err(e) if matches!(e.kind, FaultKind::Http(404) | FaultKind::Api) => {}
            Err(e) => return Err(grafana_error(e)),
        }
    }
    Ok(())
}
