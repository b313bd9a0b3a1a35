//! Prometheus (and VictoriaMetrics) HTTP API answers, as `obs-cost measure` reads them: the
//! instant-query envelope and samples, the TSDB status, targets, rules, label values, build info
//! and the bounded JSON tree. The first byte picks the endpoint, the rest is the body.
#![no_main]

use libfuzzer_sys::fuzz_target;
use obs_cost::measure::api;

fn parse<T: serde::de::DeserializeOwned>(body: &[u8]) {
    let _ = serde_json::from_reader::<_, api::Envelope<T>>(body);
}

fuzz_target!(|data: &[u8]| {
    let Some((which, body)) = data.split_first() else { return };
    match which % 7 {
        0 => {
            let _ = obs_cost::measure::prometheus::parse_query_body(body);
        }
        1 => parse::<api::TsdbStatus>(body),
        2 => parse::<api::Targets>(body),
        3 => parse::<api::Rules>(body),
        4 => parse::<api::Capped>(body),
        5 => parse::<api::BuildInfo>(body),
        _ => parse::<api::BoundedJson>(body),
    }
});
