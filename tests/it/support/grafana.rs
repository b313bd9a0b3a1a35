//! A local HTTP server speaking the part of Grafana's HTTP API that `obs-cost measure --grafana`
//! reads (Grafana itself cannot run here): `GET /api/search` (paged with `limit` and `page`, hits
//! shaped like Grafana's, at most 4 per page), `GET /api/dashboards/uid/:uid` (`{dashboard, meta}`) and
//! `GET /api/library-elements/:uid` (`{result}`), behind `Authorization: Bearer TOKEN` (401 with
//! Grafana's `{"message": ...}` otherwise). It serves real dashboard JSON from directories.

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::{Arc, Mutex};

use serde_json::{json, Value};

use super::exporter::{Reply, Server};

/// The fake Grafana and the paths it was asked for.
pub struct FakeGrafana {
    pub server: Server,
    pub requests: Arc<Mutex<Vec<String>>>,
}

fn read_json_files(dir: &Path) -> Vec<Value> {
    let mut paths: Vec<_> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).collect();
    paths.sort();
    paths
        .into_iter()
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .map(|p| serde_json::from_str(&std::fs::read_to_string(&p).unwrap()).unwrap())
        .collect()
}

fn query_param<'a>(target: &'a str, key: &str) -> Option<&'a str> {
    target.split_once('?')?.1.split('&').find_map(|kv| kv.strip_prefix(key)?.strip_prefix('='))
}

impl FakeGrafana {
    /// Serves every dashboard in `dashboard_dirs` (classic or resource JSON) and every library
    /// panel (`{result: {uid, model}}`) in `library_dir`, to requests bearing `token`.
    pub fn start(dashboard_dirs: &[&Path], library_dir: &Path, token: &str) -> FakeGrafana {
        let mut dashboards: BTreeMap<String, Value> = BTreeMap::new();
        for dir in dashboard_dirs {
            for d in read_json_files(dir) {
                let uid = d["uid"].as_str().or_else(|| d["metadata"]["name"].as_str()).unwrap().to_string();
                dashboards.insert(uid, d);
            }
        }
        let library: BTreeMap<String, Value> = read_json_files(library_dir)
            .into_iter()
            .map(|l| (l["result"]["uid"].as_str().unwrap().to_string(), l))
            .collect();
        let requests = Arc::new(Mutex::new(Vec::new()));
        let log = requests.clone();
        let expected = format!("Bearer {token}");
        let server = Server::start(move |req| {
            log.lock().unwrap().push(req.target.clone());
            let json_reply = |status: u16, v: Value| Reply::Send(status, "application/json", v.to_string());
            if req.header("authorization") != Some(expected.as_str()) {
                return json_reply(401, json!({"message": "Unauthorized", "traceID": ""}));
            }
            let path = req.path();
            if path == "/api/search" {
                // Pages of at most 4 hits, whatever `limit` asks, so that paging is exercised.
                let limit: usize =
                    query_param(&req.target, "limit").and_then(|v| v.parse().ok()).unwrap_or(1000).min(4);
                let page: usize = query_param(&req.target, "page").and_then(|v| v.parse().ok()).unwrap_or(1);
                let hits: Vec<Value> = dashboards
                    .iter()
                    .enumerate()
                    .map(|(i, (uid, d))| {
                        let title = d["title"].as_str().or_else(|| d["spec"]["title"].as_str()).unwrap_or("");
                        json!({"id": i + 1, "uid": uid, "title": title, "uri": format!("db/{uid}"),
                               "url": format!("/d/{uid}/{uid}"), "slug": "", "type": "dash-db", "tags": [],
                               "isStarred": false, "folderUid": "ref", "folderTitle": "Reference stack", "sortMeta": 0})
                    })
                    .skip((page.max(1) - 1) * limit)
                    .take(limit)
                    .collect();
                return json_reply(200, Value::Array(hits));
            }
            if let Some(uid) = path.strip_prefix("/api/dashboards/uid/") {
                return match dashboards.get(uid) {
                    Some(d) => json_reply(
                        200,
                        json!({"meta": {"type": "db", "slug": uid, "provisioned": true,
                        "folderTitle": "Reference stack", "folderUid": "ref"}, "dashboard": d}),
                    ),
                    None => json_reply(404, json!({"message": "Dashboard not found"})),
                };
            }
            if let Some(uid) = path.strip_prefix("/api/library-elements/") {
                return match library.get(uid) {
                    Some(l) => json_reply(200, l.clone()),
                    None => json_reply(404, json!({"message": "library element could not be found"})),
                };
            }
            json_reply(404, json!({"message": "Not found"}))
        });
        FakeGrafana { server, requests }
    }
}
