//! Grafana dashboard JSON (`measure --grafana-dashboards DIR`, the Grafana API's answers): the
//! bounded JSON parse, the classification (dashboard of any schema, library panel, other), the
//! library panels it embeds or references, its Prometheus queries and the metric names each
//! reads. Nothing may panic; errors are fine.
#![no_main]

use libfuzzer_sys::fuzz_target;
use obs_cost::measure::used::grafana::{self, Document, LibraryPanels};
use obs_cost::measure::used::promql;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let Ok(doc) = obs_cost::input::parse_json(text) else { return };
    let mut library = LibraryPanels::new();
    match grafana::classify(&doc) {
        Document::Dashboard(d) => {
            grafana::embedded_library_panels(d, &mut library);
            let _ = grafana::library_panel_uids(d);
            let (queries, _unparsed) = grafana::queries(d, "fuzz.json", &library);
            for q in &queries {
                let _ = promql::reads(&q.expr, &q.vars);
                let _ = promql::variable_query(&q.expr);
            }
        }
        Document::LibraryPanel(uid, name, model) => {
            library.insert(uid, (name, model.clone()));
        }
        Document::Other => {}
    }
});
