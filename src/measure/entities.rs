//! The entities `obs-cost measure` lists one by one, from one server: PostgreSQL servers
//! (postgres_exporter), Redis servers (redis_exporter), hosts (node_exporter) and containers
//! (cAdvisor), each keyed by its `instance` and `job` (containers: `instance` and `name`) so that
//! `merge` can list an entity several servers scrape once. A PostgreSQL server's major version (its
//! constant `pg_static{short_version, version}`) decides whether RDS bills Extended Support; a Redis
//! server's bytes in and out are the app-to-cache traffic that crosses AZs on ElastiCache.

use std::collections::BTreeMap;

use super::collect::{group, label_at, Groups, RateMeta, Session};
use super::prometheus::QueryError;
use super::queries::{self as q, RateQuery};
use super::*;

/// Versions by `(instance, job)`: the major and the version text it was read from.
type Versions = BTreeMap<Vec<String>, (u32, String)>;

impl Session<'_> {
    /// Runs a grouped instant query; a failure is recorded and gives `Err(failed measurement template)`.
    fn grouped(&mut self, template: &str, keys: &[&str], unit: &str) -> Result<Result<Groups, Measured>, QueryError> {
        let query = self.text(template);
        match self.query(&query) {
            Ok(s) => Ok(Ok(group(&s, keys, &self.opts.dedup_labels))),
            Err(e) => {
                let m = self.failed(unit, &e, 0);
                self.fail(e)?;
                Ok(Err(m))
            }
        }
    }

    fn grouped_rate(
        &mut self,
        rq: &RateQuery,
        keys: &[&str],
    ) -> Result<Result<Option<(Groups, RateMeta)>, Measured>, QueryError> {
        match self.rate(rq) {
            Ok(r) => Ok(Ok(r.map(|(s, meta)| (group(&s, keys, &self.opts.dedup_labels), meta)))),
            Err(e) => {
                let m = self.failed(rq.unit, &e, self.opts.window_seconds);
                self.fail(e)?;
                Ok(Err(m))
            }
        }
    }

    /// Measured value of `key` in a grouped result: ok, failed, or absent.
    fn pick(&mut self, res: &Result<Groups, Measured>, key: &[String], unit: &str, template: &str) -> Option<Measured> {
        let query = self.text(template);
        match res {
            Ok(groups) => groups.get(key).copied().map(|v| self.ok(v, unit, &query, 0)),
            Err(failed) => Some(failed.clone()),
        }
    }

    fn pick_rate(
        &mut self,
        res: &Result<Option<(Groups, RateMeta)>, Measured>,
        key: &[String],
        unit: &str,
    ) -> Option<Measured> {
        match res {
            Ok(Some((groups, meta))) => groups.get(key).copied().map(|v| self.measured_rate(v, unit, meta)),
            Ok(None) => None,
            Err(failed) => Some(failed.clone()),
        }
    }

    /// The entities of one kind (`[instance, job]` groups of `template`), or why none: `None` when
    /// the exporter is absent, the failure recorded when the query failed.
    fn entities(
        &mut self,
        component: &'static str,
        template: &str,
        keys: &[&str],
    ) -> Result<Option<Groups>, QueryError> {
        let query = self.text(template);
        match self.query(&query) {
            Ok(s) => {
                let groups = group(&s, keys, &self.opts.dedup_labels);
                self.part.measured_any |= !groups.is_empty();
                Ok((!groups.is_empty()).then_some(groups))
            }
            Err(e) => {
                self.fail_component(component, e)?;
                Ok(None)
            }
        }
    }

    pub(super) fn database(&mut self) -> Result<(), QueryError> {
        let keys = ["instance", "job"];
        let Some(sizes) = self.entities("database", q::postgres::SIZE_GB, &keys)? else { return Ok(()) };
        let by_db = self.grouped(q::postgres::SIZE_BY_DATABASE_GB, &["instance", "job", "datname"], "GB")?;
        let tps = self.grouped_rate(&q::postgres::TPS, &keys)?;
        let conns = self.grouped(q::postgres::CONNECTIONS, &keys, "connections")?;
        let versions = self.postgres_versions()?;
        let size_query = self.text(q::postgres::SIZE_GB);
        for (key, size) in &sizes {
            let databases_gb = match &by_db {
                Ok(g) => g
                    .iter()
                    .filter(|(k, _)| k.get(..2) == Some(key.as_slice()))
                    .map(|(k, v)| (label_at(k, 2), round_sig(*v)))
                    .collect(),
                Err(_) => BTreeMap::new(),
            };
            let entry = DatabaseUsage {
                instance: label_at(key, 0),
                job: label_at(key, 1),
                size_gb: self.ok(*size, "GB", &size_query, 0),
                databases_gb,
                transactions_per_second: self.pick_rate(&tps, key, "transactions/s"),
                connections: self.pick(&conns, key, "connections", q::postgres::CONNECTIONS),
                postgres_major_version: self.pick_version(&versions, key),
            };
            self.part.database.push((key.clone(), entry));
        }
        Ok(())
    }

    pub(super) fn cache(&mut self) -> Result<(), QueryError> {
        let keys = ["instance", "job"];
        let Some(memory) = self.entities("cache", q::redis::MEMORY_GB, &keys)? else { return Ok(()) };
        let commands = self.grouped_rate(&q::redis::COMMANDS, &keys)?;
        let network = self.grouped_rate(&q::redis::NETWORK, &keys)?;
        let query = self.text(q::redis::MEMORY_GB);
        for (key, mem) in &memory {
            let entry = CacheUsage {
                instance: label_at(key, 0),
                job: label_at(key, 1),
                memory_used_gb: self.ok(*mem, "GB", &query, 0),
                commands_per_second: self.pick_rate(&commands, key, "commands/s"),
                network_gb_per_month: self.pick_rate(&network, key, "GB/month"),
            };
            self.part.cache.push((key.clone(), entry));
        }
        Ok(())
    }

    /// The PostgreSQL major version of every postgres_exporter target; a failed query is recorded
    /// and gives `Err(failed measurement template)`.
    fn postgres_versions(&mut self) -> Result<Result<Versions, Measured>, QueryError> {
        let query = self.text(q::postgres::VERSION);
        match self.query(&query) {
            Ok(samples) => {
                let mut out = Versions::new();
                for s in &samples {
                    let text =
                        if s.label("short_version").is_empty() { s.label("version") } else { s.label("short_version") };
                    if let Some(major) = major_of(text) {
                        let shown: String = text.chars().take(80).filter(|c| !c.is_control()).collect();
                        let key = vec![s.label("instance").to_string(), s.label("job").to_string()];
                        // Several versions under one target (a restart mid-window): the oldest counts.
                        let entry = out.entry(key).or_insert((major, shown.clone()));
                        if major < entry.0 {
                            *entry = (major, shown);
                        }
                    }
                }
                Ok(Ok(out))
            }
            Err(e) => {
                let m = self.failed("major version", &e, 0);
                self.fail(e)?;
                Ok(Err(m))
            }
        }
    }

    /// The measured major version of one target, or its failure; absent when not reported.
    fn pick_version(&mut self, res: &Result<Versions, Measured>, key: &[String]) -> Option<Measured> {
        let query = self.text(q::postgres::VERSION);
        match res {
            Ok(v) => v.get(key).cloned().map(|(major, text)| {
                self.ok(f64::from(major), "major version", &query, 0).with_note(&format!("PostgreSQL {text}"))
            }),
            Err(failed) => Some(failed.clone()),
        }
    }

    pub(super) fn hosts(&mut self) -> Result<(), QueryError> {
        let keys = ["instance", "job"];
        let Some(cpus) = self.entities("hosts", q::node::CPUS, &keys)? else { return Ok(()) };
        let memory = self.grouped(q::node::MEMORY_GB, &keys, "GB")?;
        let util = self.grouped_rate(&q::node::CPU_UTILISATION, &keys)?;
        let fs = self.grouped(q::node::FILESYSTEM_USED_GB, &keys, "GB")?;
        let cpus_query = self.text(q::node::CPUS);
        for (key, n) in &cpus {
            let memory_gb = self.pick(&memory, key, "GB", q::node::MEMORY_GB).unwrap_or_else(|| {
                let query = self.text(q::node::MEMORY_GB);
                Measured::failed("GB", query, 0, self.client.url(), "no node_memory_MemTotal_bytes".into())
            });
            let entry = HostUsage {
                instance: label_at(key, 0),
                job: label_at(key, 1),
                cpus: self.ok(*n, "cpus", &cpus_query, 0),
                memory_gb,
                cpu_utilisation: self.pick_rate(&util, key, "ratio").map(at_most_one),
                filesystem_used_gb: self.pick(&fs, key, "GB", q::node::FILESYSTEM_USED_GB),
            };
            self.part.hosts.push((key.clone(), entry));
        }
        Ok(())
    }

    pub(super) fn containers(&mut self) -> Result<(), QueryError> {
        let keys = ["instance", "name"];
        let query = self.text(q::cadvisor::MEMORY_GB);
        let memory = match self.query(&query) {
            Ok(s) => group(&s, &keys, &self.opts.dedup_labels),
            Err(e) => return self.fail_component("containers", e),
        };
        let cpu = self.grouped_rate(&q::cadvisor::CPU_CORES, &keys)?;
        let mut names: Vec<Vec<String>> = memory.keys().cloned().collect();
        if let Ok(Some((g, _))) = &cpu {
            names.extend(g.keys().cloned());
        }
        names.sort();
        names.dedup();
        self.part.measured_any |= !names.is_empty();
        let memory = Ok(memory);
        for key in names {
            let entry = ContainerUsage {
                instance: label_at(&key, 0),
                name: label_at(&key, 1),
                cpu_cores: self.pick_rate(&cpu, &key, "cores"),
                memory_gb: self.pick(&memory, &key, "GB", q::cadvisor::MEMORY_GB),
            };
            self.part.containers.push((key, entry));
        }
        Ok(())
    }
}

/// A share of CPU time is at most 1: rates extrapolated from a short, busy history can come out a
/// little above it (1.001), which is noise, not usage.
fn at_most_one(mut m: Measured) -> Measured {
    if let Some(v) = m.value.filter(|v| *v > 1.0) {
        m.value = Some(1.0);
        m.note = Some(format!("measured {v}, above 1 by rate noise over a short history; counted as 1"));
    }
    m
}

/// The major version in `16.2.0`, `9.6.24`, `PostgreSQL 16.2 (Debian 16.2-1) on x86_64...`: the
/// first run of digits (9.x majors come out as 9, which RDS no longer offers).
fn major_of(text: &str) -> Option<u32> {
    let start = text.find(|c: char| c.is_ascii_digit())?;
    let digits: String = text[start..].chars().take_while(char::is_ascii_digit).collect();
    digits.parse().ok().filter(|m| *m > 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_busy_share_above_one_is_counted_as_one() {
        let m = at_most_one(Measured::ok(1.00107143, "ratio", "q".into(), 0, "http://p"));
        assert_eq!(m.value, Some(1.0));
        assert!(m.note.unwrap().contains("1.00107143"));
        assert_eq!(at_most_one(Measured::ok(0.3, "ratio", "q".into(), 0, "http://p")).value, Some(0.3));
    }

    #[test]
    fn majors_from_short_and_long_versions() {
        assert_eq!(major_of("16.2.0"), Some(16));
        assert_eq!(major_of("PostgreSQL 13.14 (Debian 13.14-0+deb11u1) on x86_64-pc-linux-gnu"), Some(13));
        assert_eq!(major_of("9.6.24"), Some(9));
        assert_eq!(major_of(""), None);
        assert_eq!(major_of("PostgreSQL devel"), None);
        assert_eq!(major_of("99999999999999999999"), None);
    }
}
