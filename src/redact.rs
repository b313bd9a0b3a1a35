//! Keeping secrets and hostile bytes out of everything obs-cost prints: URLs with their
//! credentials (`user:pass@`, `?token=`, `access_token=` and similar query parameters) redacted,
//! HTTP header values that look like credentials, parse errors that would quote a file's contents
//! (a token file given where a snapshot was expected), and terminal control characters (ANSI
//! escapes) in names that came from a file or a server.

use reqwest::Url;

/// What replaces a secret in printed text.
pub const REDACTED: &str = "REDACTED";

/// Name fragments of query parameters and headers whose values are credentials.
const SENSITIVE_NAME_PARTS: &[&str] =
    &["token", "secret", "password", "passwd", "pwd", "auth", "key", "sig", "credential", "session", "jwt", "cookie"];

/// Whether a query-parameter or header name carries a credential (`token`, `access_token`,
/// `api_key`, `X-Amz-Signature`, `Authorization`, `Cookie`, ...). Case-insensitive.
pub fn is_sensitive_name(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    SENSITIVE_NAME_PARTS.iter().any(|part| lower.contains(part))
}

/// Returns `url` with any `user:password@` replaced by `REDACTED@` and the values of credential
/// query parameters (`?token=`, `access_token=`, `api_key=`, ...) replaced by `REDACTED`, without
/// a trailing slash. Text that is not a URL has anything before an `@` redacted.
pub fn redact_url(url: &str) -> String {
    match Url::parse(url) {
        Ok(mut parsed) => {
            let had_credentials = !parsed.username().is_empty() || parsed.password().is_some();
            let _ = parsed.set_password(None);
            let _ = parsed.set_username("");
            if parsed.query().is_some() {
                let pairs: Vec<(String, String)> = parsed
                    .query_pairs()
                    .map(|(k, v)| {
                        let v = if is_sensitive_name(&k) { REDACTED.to_string() } else { v.into_owned() };
                        (k.into_owned(), v)
                    })
                    .collect();
                parsed.query_pairs_mut().clear().extend_pairs(pairs);
            }
            let text = parsed.as_str().trim_end_matches('/').to_string();
            if had_credentials {
                text.replacen("://", "://REDACTED@", 1)
            } else {
                text
            }
        }
        Err(_) => match url.rfind('@') {
            Some(at) => match url.find("://") {
                Some(scheme) if scheme < at => format!("{}://REDACTED@{}", &url[..scheme], &url[at + 1..]),
                _ => format!("REDACTED@{}", &url[at + 1..]),
            },
            None => url.to_string(),
        },
    }
}

/// A header value as it may be printed: `REDACTED` for credential headers (`Authorization`,
/// `X-Api-Key`, `Cookie`, ...) and for values that look like a token; the value otherwise
/// (`X-Scope-OrgID: tenant-1`).
pub fn redact_header_value(name: &str, value: &str) -> String {
    if is_sensitive_name(name) || looks_secret(value) {
        REDACTED.to_string()
    } else {
        escape_control(value)
    }
}

/// Whether a string looks like a credential: a known token prefix, or a long run (16+) of
/// letters and digits mixed, with no spaces.
pub fn looks_secret(s: &str) -> bool {
    let t = s.trim();
    const PREFIXES: &[&str] =
        &["ghp_", "gho_", "ghs_", "github_pat_", "glpat-", "xox", "AKIA", "ASIA", "eyJ", "sk-", "Bearer ", "Basic "];
    if PREFIXES.iter().any(|p| t.starts_with(p)) {
        return true;
    }
    let long = t.chars().count() >= 16 && !t.contains(char::is_whitespace);
    let digits = t.chars().any(|c| c.is_ascii_digit());
    let letters = t.chars().any(|c| c.is_ascii_alphabetic());
    long && digits && letters
}

/// The longest quoted fragment of a file a parse error may show.
const MAX_QUOTED: usize = 40;

/// Rewrites a parser's error message (serde_yaml, serde_json) so that it cannot carry a file's
/// contents: a string value the parser quotes (`invalid type: string "…"`) is dropped; other
/// quoted fragments (unknown keys and variants) are kept only when short, free of control
/// characters and not token-like; everything else stays (line, column, what was expected).
pub fn scrub_parse_error(message: &str) -> String {
    let mut out = String::with_capacity(message.len());
    let mut rest = message;
    while let Some(start) = rest.find(['"', '`']) {
        let quote = rest[start..].chars().next().unwrap_or('"');
        let Some(len) = rest[start + 1..].find(quote) else { break };
        let (before, inner) = (&rest[..start], &rest[start + 1..start + 1 + len]);
        rest = &rest[start + 1 + len + 1..];
        if let Some(head) = before.strip_suffix("string ") {
            out.push_str(head);
            out.push_str("a string");
            continue;
        }
        out.push_str(before);
        let keep = inner.chars().count() <= MAX_QUOTED && !inner.chars().any(char::is_control) && !looks_secret(inner);
        out.push(quote);
        if keep {
            out.push_str(inner);
        } else {
            out.push_str(&format!("<{} characters, not shown>", inner.chars().count()));
        }
        out.push(quote);
    }
    out.push_str(rest);
    let out = escape_control(&out);
    // A parser may quote a long line in its own words: keep errors to a sensible length.
    if out.chars().count() > 600 {
        let mut short: String = out.chars().take(600).collect();
        short.push('…');
        short
    } else {
        out
    }
}

/// The first terminal control character in `s` (C0 or C1, DEL; newline and tab excepted).
pub fn find_control(s: &str) -> Option<char> {
    s.chars().find(|c| c.is_control() && *c != '\n' && *c != '\t')
}

/// `s` with every control character (ANSI escapes included) written as `\u{1b}`, so that a name
/// from a server or a file cannot move the cursor, recolour or retitle the user's terminal.
pub fn escape_control(s: &str) -> String {
    if find_control(s).is_none() {
        return s.to_string();
    }
    s.chars()
        .map(|c| if c.is_control() && c != '\n' && c != '\t' { c.escape_unicode().to_string() } else { c.to_string() })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_lose_passwords_and_token_parameters() {
        assert_eq!(redact_url("http://alice:s3cret@prom:9090/"), "http://REDACTED@prom:9090");
        assert_eq!(redact_url("https://prom.example/api/"), "https://prom.example/api");
        assert_eq!(redact_url("not a url alice:s3cret@host"), "REDACTED@host");
        assert_eq!(
            redact_url("https://vm/select/0/prometheus?token=abc&extra_label=env%3Dprod&access_token=x&X-Amz-Signature=y"),
            "https://vm/select/0/prometheus?token=REDACTED&extra_label=env%3Dprod&access_token=REDACTED&X-Amz-Signature=REDACTED"
        );
    }

    #[test]
    fn header_values_are_redacted_when_they_are_credentials() {
        assert_eq!(redact_header_value("X-Scope-OrgID", "tenant-1"), "tenant-1");
        assert_eq!(redact_header_value("Authorization", "anything"), "REDACTED");
        assert_eq!(redact_header_value("X-Custom", "ghp_16C7e42F292c6912E7710c838347Ae178B4a"), "REDACTED");
    }

    #[test]
    fn parse_errors_do_not_quote_string_values_or_tokens() {
        let m = "invalid type: string \"ghp_16C7e42F292c6912E7710c838347Ae178B4a\", expected struct Header";
        assert_eq!(scrub_parse_error(m), "invalid type: a string, expected struct Header");
        let m = "unknown field `activ_series`, expected one of `active_series`, `samples_per_second`";
        assert_eq!(scrub_parse_error(m), m);
        let m = "unknown field `AKIAIOSFODNN7EXAMPLE`, expected `a`";
        assert_eq!(scrub_parse_error(m), "unknown field `<20 characters, not shown>`, expected `a`");
        assert_eq!(scrub_parse_error("bad \u{1b}[31m"), "bad \\u{1b}[31m");
    }

    #[test]
    fn control_characters_are_found_and_escaped() {
        assert_eq!(find_control("ok\tfine\n"), None);
        assert_eq!(find_control("red \u{1b}[31m"), Some('\u{1b}'));
        assert_eq!(escape_control("a\u{1b}[2Jb\u{9b}"), "a\\u{1b}[2Jb\\u{9b}");
    }
}
