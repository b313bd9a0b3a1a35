//! Close matches for a misspelled name (a region, a service, an instance class), by edit distance,
//! for the "did you mean" part of an error.

/// The candidates closest to `name` (case-insensitive Levenshtein distance), best first, at most
/// three: those within a third of the name's length (at least 2 edits), or else those that start
/// with the name or contain it.
pub fn close_matches<'a>(name: &str, candidates: impl IntoIterator<Item = &'a str>) -> Vec<&'a str> {
    let wanted = name.to_ascii_lowercase();
    let limit = (wanted.chars().count() / 3).max(2);
    let mut scored: Vec<(usize, &'a str)> = Vec::new();
    let mut partial: Vec<&'a str> = Vec::new();
    for c in candidates {
        let lower = c.to_ascii_lowercase();
        let d = strsim::levenshtein(&wanted, &lower);
        if d <= limit {
            scored.push((d, c));
        } else if !wanted.is_empty() && (lower.starts_with(&wanted) || lower.contains(&wanted)) {
            partial.push(c);
        }
    }
    scored.sort();
    scored.dedup();
    let mut out: Vec<&'a str> = scored.into_iter().map(|(_, c)| c).collect();
    if out.is_empty() {
        partial.sort_unstable();
        partial.dedup();
        out = partial;
    }
    out.truncate(3);
    out
}

/// `; close matches: a, b` when there are any, else nothing: the tail of a one-line error.
pub fn close_matches_tail<'a>(name: &str, candidates: impl IntoIterator<Item = &'a str>) -> String {
    let found = close_matches(name, candidates);
    if found.is_empty() {
        String::new()
    } else {
        format!("; close matches: {}", found.join(", "))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_typos_and_prefixes() {
        let regions = ["us-east-1", "ap-northeast-2"];
        assert_eq!(close_matches("ap-northeast2", regions), ["ap-northeast-2"]);
        assert_eq!(close_matches("US-EAST-1", regions), ["us-east-1"]);
        assert!(close_matches("mars-north-1", regions).is_empty());
        let classes = ["db.t3.large", "db.t3.xlarge", "db.t4g.large", "db.m6g.large"];
        assert_eq!(close_matches("db.t3.larg", classes)[0], "db.t3.large");
        assert_eq!(close_matches("rds", ["AmazonRDS", "AmazonEC2"]), ["AmazonRDS"]);
        assert_eq!(close_matches_tail("zzzzzz", classes), "");
        assert_eq!(close_matches_tail("db.t3.huge", classes), "; close matches: db.t3.large");
    }
}
