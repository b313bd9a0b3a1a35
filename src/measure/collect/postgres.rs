//! The measuring session's PostgreSQL versions: the major version each postgres_exporter target
//! reports through its constant `pg_static{short_version, version}` metric, which decides whether
//! RDS bills Extended Support for the database.

use super::*;

/// Versions by `(instance, job)`: the major and the version text it was read from.
pub(super) type Versions = BTreeMap<Vec<String>, (u32, String)>;

impl Session<'_> {
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
