//! The answers of the Prometheus HTTP API (and VictoriaMetrics') as typed, bounded structures,
//! parsed as a stream: an answer is never held whole as a JSON tree, only the fields obs-cost
//! reads are kept, and every list has a cap, so that no answer (hostile or merely huge) can
//! exhaust memory. The byte limit of a body is applied by the HTTP client (`prometheus`).

use std::fmt;

use serde::de::{self, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;

/// The most series one query answer may hold (obs-cost's queries return one row per target,
/// host, database or container, so a legitimate answer is far smaller).
pub const MAX_SERIES: usize = 100_000;
pub use crate::input::MAX_JSON_NODES;
/// The most metric names kept from `/api/v1/label/__name__/values` (the rest are counted).
pub const MAX_NAMES: usize = 5_000;

/// The `{status, data, error, errorType, warnings}` envelope around every answer.
#[derive(Debug, Deserialize)]
pub struct Envelope<T> {
    /// `success` or `error`.
    #[serde(default)]
    pub status: Option<String>,
    /// The answer, when `status` is `success`.
    #[serde(default = "none")]
    pub data: Option<T>,
    /// The error message, when `status` is `error`.
    #[serde(default)]
    pub error: Option<String>,
    /// The error message of other JSON APIs read with the same client (Grafana's `message`).
    #[serde(default)]
    pub message: Option<String>,
}

fn none<T>() -> Option<T> {
    None
}

/// Series labels as sorted `(name, value)` pairs (smaller than a map for the one to ten labels a row has).
pub type Labels = Vec<(String, String)>;

fn labels<'de, D: Deserializer<'de>>(d: D) -> Result<Labels, D::Error> {
    struct V;
    impl<'de> Visitor<'de> for V {
        type Value = Labels;
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a map of label names to values")
        }
        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Labels, A::Error> {
            let mut out = Vec::new();
            while let Some((k, v)) = map.next_entry::<String, LabelValue>()? {
                out.push((k, v.0));
            }
            out.sort();
            Ok(out)
        }
    }
    d.deserialize_map(V)
}

/// The key under which serde_json (with `arbitrary_precision`) passes a number to `deserialize_any`.
const NUMBER_TOKEN: &str = "$serde_json::private::Number";

/// [`Labels`] as a type, for `next_value`.
struct LabelMap(Labels);

impl<'de> Deserialize<'de> for LabelMap {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        labels(d).map(LabelMap)
    }
}

/// A label value; a non-string value (never sent by Prometheus) reads as empty.
struct LabelValue(String);

impl<'de> Deserialize<'de> for LabelValue {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = LabelValue;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a label value")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<LabelValue, E> {
                Ok(LabelValue(v.to_string()))
            }
            fn visit_string<E: de::Error>(self, v: String) -> Result<LabelValue, E> {
                Ok(LabelValue(v))
            }
            fn visit_unit<E: de::Error>(self) -> Result<LabelValue, E> {
                Ok(LabelValue(String::new()))
            }
            fn visit_bool<E: de::Error>(self, _: bool) -> Result<LabelValue, E> {
                Ok(LabelValue(String::new()))
            }
            fn visit_i64<E: de::Error>(self, _: i64) -> Result<LabelValue, E> {
                Ok(LabelValue(String::new()))
            }
            fn visit_u64<E: de::Error>(self, _: u64) -> Result<LabelValue, E> {
                Ok(LabelValue(String::new()))
            }
            fn visit_f64<E: de::Error>(self, _: f64) -> Result<LabelValue, E> {
                Ok(LabelValue(String::new()))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<LabelValue, A::Error> {
                while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
                Ok(LabelValue(String::new()))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<LabelValue, A::Error> {
                while seq.next_element::<IgnoredAny>()?.is_some() {}
                Ok(LabelValue(String::new()))
            }
        }
        d.deserialize_any(V)
    }
}

/// One row of a vector result: labels and the `[time, "value"]` pair (absent for native histograms).
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Row {
    /// Series labels.
    #[serde(default, deserialize_with = "labels")]
    pub metric: Labels,
    /// `[unix seconds, "value"]`.
    #[serde(default)]
    pub value: Option<Point>,
}

/// A `[unix seconds, "value"]` pair; the value is kept as text, as the API sends it.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Point(pub IgnoredTime, pub String);

/// The time of a point, which obs-cost does not use (any JSON value is accepted and dropped).
#[derive(Debug, Clone, PartialEq)]
pub struct IgnoredTime;

impl<'de> Deserialize<'de> for IgnoredTime {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        IgnoredAny::deserialize(d).map(|_| IgnoredTime)
    }
}

/// The `result` of an instant query: rows of a vector, or one scalar `[time, "value"]`.
#[derive(Debug, Clone, PartialEq)]
pub enum QueryResult {
    /// `resultType: vector` (or `matrix`, whose rows have no `value`).
    Rows(Vec<Row>),
    /// `resultType: scalar` or `string`.
    Scalar(String),
}

impl<'de> Deserialize<'de> for QueryResult {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        /// A result element: a row (object), the time (number) or the value (string) of a scalar.
        enum Elem {
            Row(Box<Row>),
            Number,
            Text(String),
        }
        impl<'de> Deserialize<'de> for Elem {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                struct V;
                impl<'de> Visitor<'de> for V {
                    type Value = Elem;
                    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                        f.write_str("a series object, or the time and value of a scalar")
                    }
                    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Elem, A::Error> {
                        let mut row = Row { metric: Vec::new(), value: None };
                        while let Some(key) = map.next_key::<String>()? {
                            match key.as_str() {
                                // serde_json (arbitrary_precision) hands a number over as this map.
                                NUMBER_TOKEN => {
                                    map.next_value::<IgnoredAny>()?;
                                    return Ok(Elem::Number);
                                }
                                "metric" => row.metric = map.next_value::<LabelMap>()?.0,
                                "value" => row.value = map.next_value()?,
                                _ => {
                                    map.next_value::<IgnoredAny>()?;
                                }
                            }
                        }
                        Ok(Elem::Row(Box::new(row)))
                    }
                    fn visit_f64<E: de::Error>(self, _: f64) -> Result<Elem, E> {
                        Ok(Elem::Number)
                    }
                    fn visit_i64<E: de::Error>(self, _: i64) -> Result<Elem, E> {
                        Ok(Elem::Number)
                    }
                    fn visit_u64<E: de::Error>(self, _: u64) -> Result<Elem, E> {
                        Ok(Elem::Number)
                    }
                    fn visit_str<E: de::Error>(self, v: &str) -> Result<Elem, E> {
                        Ok(Elem::Text(v.to_string()))
                    }
                    fn visit_string<E: de::Error>(self, v: String) -> Result<Elem, E> {
                        Ok(Elem::Text(v))
                    }
                }
                d.deserialize_any(V)
            }
        }
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = QueryResult;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a list of series, or a scalar [time, value]")
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<QueryResult, A::Error> {
                let mut rows = Vec::new();
                let mut scalar = None;
                while let Some(elem) = seq.next_element::<Elem>()? {
                    match elem {
                        Elem::Row(r) => {
                            if rows.len() >= MAX_SERIES {
                                return Err(de::Error::custom(format!(
                                    "the answer has more than {MAX_SERIES} series, more than obs-cost reads"
                                )));
                            }
                            rows.push(*r);
                        }
                        Elem::Number => {}
                        Elem::Text(t) => scalar = Some(t),
                    }
                }
                Ok(match scalar {
                    Some(t) if rows.is_empty() => QueryResult::Scalar(t),
                    _ => QueryResult::Rows(rows),
                })
            }
        }
        d.deserialize_seq(V)
    }
}

/// The `data` of `/api/v1/query`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct QueryData {
    /// `vector`, `scalar`, `matrix` or `string`.
    #[serde(rename = "resultType")]
    pub result_type: String,
    /// The series, or the scalar.
    pub result: QueryResult,
}

/// The `data` of `/api/v1/status/tsdb` (Prometheus' head statistics, or VictoriaMetrics' day).
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
pub struct TsdbStatus {
    /// Prometheus: the head block's statistics.
    #[serde(default, rename = "headStats")]
    pub head_stats: Option<HeadStats>,
    /// VictoriaMetrics: series of the day (its presence tells VictoriaMetrics from Prometheus).
    #[serde(default, rename = "totalSeries")]
    pub total_series: Option<f64>,
    /// Top metric names by series.
    #[serde(default, rename = "seriesCountByMetricName")]
    pub series_count_by_metric_name: Option<Vec<NameCount>>,
}

/// Prometheus' `headStats`.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
pub struct HeadStats {
    /// Series in the head block.
    #[serde(default, rename = "numSeries")]
    pub num_series: Option<f64>,
}

/// One `{name, value}` entry of the TSDB status lists.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct NameCount {
    /// Metric name.
    pub name: String,
    /// Series.
    pub value: f64,
}

/// The `data` of `/api/v1/targets`.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
pub struct Targets {
    /// Active targets.
    #[serde(default, rename = "activeTargets")]
    pub active_targets: Vec<Target>,
}

/// One active target: only what obs-cost reads (job and scrape interval).
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
pub struct Target {
    /// Target labels (`job`, `instance`, ...).
    #[serde(default, deserialize_with = "labels")]
    pub labels: Labels,
    /// The scrape pool (the job name before relabelling).
    #[serde(default, rename = "scrapePool")]
    pub scrape_pool: Option<String>,
    /// Prometheus 2.x: the scrape interval (`15s`).
    #[serde(default, rename = "scrapeInterval")]
    pub scrape_interval: Option<String>,
    /// Discovered labels, of which only `__scrape_interval__` is kept (VictoriaMetrics and vmagent
    /// report the interval only there).
    #[serde(default, rename = "discoveredLabels")]
    pub discovered_labels: Option<Discovered>,
}

/// The one discovered label obs-cost reads.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
pub struct Discovered {
    /// `__scrape_interval__`.
    #[serde(default, rename = "__scrape_interval__")]
    pub scrape_interval: Option<String>,
}

impl Target {
    /// A target label, or `""`.
    pub fn label(&self, name: &str) -> &str {
        self.labels.iter().find(|(k, _)| k == name).map_or("", |(_, v)| v.as_str())
    }
}

/// The `data` of `/api/v1/rules`.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
pub struct Rules {
    /// Rule groups.
    #[serde(default)]
    pub groups: Vec<RuleGroup>,
}

/// One rule group.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
pub struct RuleGroup {
    /// Group name.
    #[serde(default)]
    pub name: String,
    /// The rule file.
    #[serde(default)]
    pub file: String,
    /// Evaluation interval, seconds.
    #[serde(default)]
    pub interval: Option<f64>,
    /// The group's rules.
    #[serde(default)]
    pub rules: Vec<Rule>,
}

/// One rule (its alerts are skipped, not kept).
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
pub struct Rule {
    /// Rule name (alert name or recorded series).
    #[serde(default)]
    pub name: String,
    /// The PromQL expression.
    #[serde(default)]
    pub query: String,
    /// `alerting` or `recording`.
    #[serde(default, rename = "type")]
    pub kind: String,
}

/// The `data` of `/api/v1/status/buildinfo`.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
pub struct BuildInfo {
    /// Version, e.g. `2.42.0+ds`.
    #[serde(default)]
    pub version: Option<String>,
}

/// A list of which the first [`MAX_NAMES`] items are kept and the rest only counted.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Capped {
    /// The items kept.
    pub items: Vec<String>,
    /// How many the answer had.
    pub total: usize,
}

impl<'de> Deserialize<'de> for Capped {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Capped;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a list of names")
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Capped, A::Error> {
                let mut out = Capped::default();
                while out.items.len() < MAX_NAMES {
                    match seq.next_element::<LabelValue>()? {
                        Some(v) => {
                            out.total += 1;
                            out.items.push(v.0);
                        }
                        None => return Ok(out),
                    }
                }
                while seq.next_element::<IgnoredAny>()?.is_some() {
                    out.total += 1;
                }
                Ok(out)
            }
        }
        d.deserialize_seq(V)
    }
}

pub use crate::input::BoundedJson;

#[cfg(test)]
mod tests {
    use super::*;

    fn parse<T: for<'de> Deserialize<'de>>(text: &str) -> Result<T, serde_json::Error> {
        serde_json::from_str(text)
    }

    #[test]
    fn vectors_scalars_and_envelopes() {
        let v: Envelope<QueryData> = parse(
            r#"{"status":"success","data":{"resultType":"vector","result":[{"metric":{"job":"a","x":"1"},"value":[1.5,"2.5"]}]}}"#,
        )
        .unwrap();
        let data = v.data.unwrap();
        let QueryResult::Rows(rows) = data.result else { panic!() };
        assert_eq!(rows[0].metric, vec![("job".into(), "a".into()), ("x".into(), "1".into())]);
        assert_eq!(rows[0].value.as_ref().unwrap().1, "2.5");
        let s: QueryData = parse(r#"{"resultType":"scalar","result":[1,"7"]}"#).unwrap();
        assert_eq!(s.result, QueryResult::Scalar("7".into()));
        let e: Envelope<QueryData> = parse(r#"{"status":"error","errorType":"bad_data","error":"x"}"#).unwrap();
        assert!(e.data.is_none() && e.error.as_deref() == Some("x"));
    }

    #[test]
    fn hostile_answers_are_bounded() {
        // A flat list of numbers is not a list of series: no row is kept.
        let big = format!(r#"{{"resultType":"vector","result":[{}1]}}"#, "1,".repeat(200_000));
        let v: QueryData = parse(&big).unwrap();
        assert_eq!(v.result, QueryResult::Rows(vec![]));
        let many = format!(r#"{{"resultType":"vector","result":[{}{{}}]}}"#, "{},".repeat(MAX_SERIES + 1));
        let err = parse::<QueryData>(&many).unwrap_err().to_string();
        assert!(err.contains("more than 100000 series"), "{err}");
        let names: Capped = parse(&format!("[{}\"z\"]", "\"a\",".repeat(MAX_NAMES + 10))).unwrap();
        assert_eq!((names.items.len(), names.total), (MAX_NAMES, MAX_NAMES + 11));
        let err = parse::<BoundedJson>(&format!("[{}1]", "1,".repeat(MAX_JSON_NODES))).unwrap_err().to_string();
        assert!(err.contains("JSON values"), "{err}");
    }

    #[test]
    fn targets_keep_only_what_is_read() {
        let t: Targets = parse(
            r#"{"activeTargets":[{"discoveredLabels":{"__address__":"a","__scrape_interval__":"30s"},"labels":{"job":"j","instance":"i"},"scrapePool":"j","health":"up"}]}"#,
        )
        .unwrap();
        let t = &t.active_targets[0];
        assert_eq!(t.label("job"), "j");
        assert_eq!(t.discovered_labels.as_ref().unwrap().scrape_interval.as_deref(), Some("30s"));
        assert_eq!(t.scrape_interval, None);
    }
}
