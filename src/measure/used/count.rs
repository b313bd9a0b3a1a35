//! Series per metric name, counted with cheap batched instant queries: `count by (__name__)
//! ({__name__=~"a|b|c"})` over a bounded batch of literal names (Prometheus turns such an
//! alternation into a set lookup), never `__name__=~".+"`. A batch that fails (too many samples,
//! a timeout) is split in halves down to one name before giving up.

use std::collections::BTreeMap;

use crate::measure::collect::Progress;
use crate::measure::prometheus::{Client, FaultKind, QueryError};

/// Names per batch at most.
pub const BATCH_NAMES: usize = 100;
/// Bytes of regular expression per batch at most (keeps the GET URL short).
pub const BATCH_BYTES: usize = 3_000;

/// The query template recorded as the provenance of the counts.
pub const TEMPLATE: &str = "count by (__name__) ({__name__=~\"<name>|<name>|...\"})";

/// A name as a regular expression literal inside a PromQL double-quoted string.
fn literal(name: &str) -> String {
    regex::escape(name).replace('\\', "\\\\").replace('"', "\\\"")
}

/// The batch query for `names`.
pub fn batch_query(names: &[&str]) -> String {
    let alternation: Vec<String> = names.iter().map(|n| literal(n)).collect();
    format!("count by (__name__) ({{__name__=~\"{}\"}})", alternation.join("|"))
}

/// Splits names into batches of at most [`BATCH_NAMES`] names and [`BATCH_BYTES`] bytes.
pub fn batches<'a>(names: &[&'a str]) -> Vec<Vec<&'a str>> {
    let mut out: Vec<Vec<&str>> = Vec::new();
    let mut bytes = 0;
    for &n in names {
        let len = literal(n).len() + 1;
        match out.last_mut() {
            Some(b) if b.len() < BATCH_NAMES && bytes + len <= BATCH_BYTES => {
                b.push(n);
                bytes += len;
            }
            _ => {
                out.push(vec![n]);
                bytes = len;
            }
        }
    }
    out
}

fn retry_smaller(e: &QueryError) -> bool {
    matches!(e.kind, FaultKind::Api | FaultKind::Timeout | FaultKind::Http(422 | 500..=599))
}

/// Counts the series of each name at `at` on one server. Names without series are absent.
pub fn count(
    client: &Client,
    names: &[&str],
    at: f64,
    progress: Progress<'_>,
) -> Result<BTreeMap<String, f64>, QueryError> {
    let mut out = BTreeMap::new();
    let mut queue: Vec<Vec<&str>> = batches(names);
    queue.reverse();
    while let Some(batch) = queue.pop() {
        let query = batch_query(&batch);
        progress(&query);
        match client.query(&query, at) {
            Ok(samples) => {
                for s in samples {
                    *out.entry(s.label("__name__").to_string()).or_insert(0.0) += s.value;
                }
            }
            Err(e) if batch.len() > 1 && retry_smaller(&e) => {
                let (a, b) = batch.split_at(batch.len() / 2);
                queue.push(b.to_vec());
                queue.push(a.to_vec());
            }
            Err(e) => return Err(e),
        }
    }
    out.remove("");
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn batches_are_bounded_and_queries_escaped() {
        let names: Vec<String> = (0..250).map(|i| format!("metric_{i:03}")).collect();
        let refs: Vec<&str> = names.iter().map(String::as_str).collect();
        let b = batches(&refs);
        assert_eq!(b.iter().map(Vec::len).collect::<Vec<_>>(), [100, 100, 50]);
        let long: Vec<String> = (0..10).map(|i| format!("{}{i}", "x".repeat(700))).collect();
        let refs: Vec<&str> = long.iter().map(String::as_str).collect();
        assert!(batches(&refs).iter().all(|b| b.len() <= 4));
        assert_eq!(batch_query(&["a", "b:c"]), "count by (__name__) ({__name__=~\"a|b:c\"})");
        assert_eq!(batch_query(&["a.b\"c"]), "count by (__name__) ({__name__=~\"a\\\\.b\\\"c\"})");
        assert!(!batch_query(&["a"]).contains(".+"));
    }
}
