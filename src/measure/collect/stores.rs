//! The measuring session's data stores: each PostgreSQL server (postgres_exporter: size,
//! transactions, connections, and the major version its constant `pg_static{short_version,
//! version}` metric reports, which decides whether RDS bills Extended Support) and each Redis
//! server (redis_exporter: memory, commands, and the bytes in and out that cross AZs once it is on
//! ElastiCache).

use super::*;

/// Versions by `(instance, job)`: the major and the version text it was read from.
pub(super) type Versions = BTreeMap<Vec<String>, (u32, String)>;

impl Session<'_> {
    pub(super) fn database(&mut self) -> Result<(), QueryError> {
        let keys = ["instance", "job"];
        let Ok(sizes) = self.grouped(q::postgres::SIZE_GB, &keys, "GB")? else { return Ok(()) };
        if sizes.is_empty() {
            return Ok(());
        }
        let by_db = self.grouped(q::postgres::SIZE_BY_DATABASE_GB, &["instance", "job", "datname"], "GB")?;
        let tps = self.grouped_rate(&q::postgres::TPS, &keys)?;
        let conns = self.grouped(q::postgres::CONNECTIONS, &keys, "connections")?;
        let versions = self.postgres_versions()?;
        for (key, size) in &sizes {
            let databases_gb = match &by_db {
                Ok(g) => {
                    g.iter().filter(|(k, _)| k[..2] == key[..]).map(|(k, v)| (k[2].clone(), round_sig(*v))).collect()
                }
                Err(_) => BTreeMap::new(),
            };
            let entry = DatabaseUsage {
                instance: key[0].clone(),
                job: key[1].clone(),
                size_gb: self.ok(*size, "GB", q::postgres::SIZE_GB, 0),
                databases_gb,
                transactions_per_second: self.pick_rate(&tps, key, "transactions/s"),
                connections: self.pick(&conns, key, "connections", q::postgres::CONNECTIONS),
                postgres_major_version: self.pick_version(&versions, key),
            };
            self.part.database.push(entry);
        }
        Ok(())
    }

    pub(super) fn cache(&mut self) -> Result<(), QueryError> {
        let keys = ["instance", "job"];
        let Ok(memory) = self.grouped(q::redis::MEMORY_GB, &keys, "GB")? else { return Ok(()) };
        if memory.is_empty() {
            return Ok(());
        }
        let commands = self.grouped_rate(&q::redis::COMMANDS, &keys)?;
        let network = self.grouped_rate(&q::redis::NETWORK, &keys)?;
        for (key, mem) in &memory {
            let entry = CacheUsage {
                instance: key[0].clone(),
                job: key[1].clone(),
                memory_used_gb: self.ok(*mem, "GB", q::redis::MEMORY_GB, 0),
                commands_per_second: self.pick_rate(&commands, key, "commands/s"),
                network_gb_per_month: self.pick_rate(&network, key, "GB/month"),
            };
            self.part.cache.push(entry);
        }
        Ok(())
    }

    /// The PostgreSQL major version of every postgres_exporter target; a failed query is recorded
    /// and gives `Err(failed measurement template)`.
    pub(super) fn postgres_versions(&mut self) -> Result<Result<Versions, Measured>, QueryError> {
        match self.query(q::postgres::VERSION) {
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
    pub(super) fn pick_version(&mut self, res: &Result<Versions, Measured>, key: &[String]) -> Option<Measured> {
        match res {
            Ok(v) => v.get(key).cloned().map(|(major, text)| {
                self.ok(f64::from(major), "major version", q::postgres::VERSION, 0)
                    .with_note(&format!("PostgreSQL {text}"))
            }),
            Err(failed) => Some(failed.clone()),
        }
    }
}

/// The major version in `16.2.0`, `9.6.24`, `PostgreSQL 16.2 (Debian 16.2-1) on x86_64...`: the
/// first run of digits (9.x majors come out as 9, which RDS no longer offers).
pub(super) fn major_of(text: &str) -> Option<u32> {
    let start = text.find(|c: char| c.is_ascii_digit())?;
    let digits: String = text[start..].chars().take_while(char::is_ascii_digit).collect();
    digits.parse().ok().filter(|m| *m > 0)
}

#[cfg(test)]
mod tests {
    use super::major_of;

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
