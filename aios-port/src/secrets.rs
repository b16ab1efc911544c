//! Secret detection: vendor token formats (gitleaks rule sources), generic credentials (a
//! secret-looking key with a random-looking literal value), placeholders and references.
//! Used by the `literal-secret` rule, by `sync` (secrets are never copied into more files) and
//! by the renderers (tokens are masked in every output, whatever rules run).

use std::sync::OnceLock;

use regex::Regex;

use crate::render::redact_value;

/// Vendor token formats (gitleaks rule sources): kind, literal prefixes (a cheap prefilter: the
/// regex is only compiled and run on text containing one), and the ASCII-only pattern.
pub(crate) const PATTERNS: &[(&str, &[&str], &str)] = &[
    (
        "Anthropic API key",
        &["sk-ant-api03-"],
        r"sk-ant-api03-[A-Za-z0-9_\-]{93}AA",
    ),
    (
        "Anthropic admin key",
        &["sk-ant-admin01-"],
        r"sk-ant-admin01-[A-Za-z0-9_\-]{93}AA",
    ),
    (
        "Anthropic OAuth token",
        &["sk-ant-oat01-", "sk-ant-ort01-"],
        r"sk-ant-o(?:at|rt)01-[A-Za-z0-9_\-]{40,}",
    ),
    (
        "OpenAI API key",
        &["T3BlbkFJ"],
        r"sk-(?:proj|svcacct|admin)-[A-Za-z0-9_\-]{20,}T3BlbkFJ[A-Za-z0-9_\-]{20,}",
    ),
    (
        "OpenAI API key",
        &["T3BlbkFJ"],
        r"(?-u:\b)sk-[A-Za-z0-9]{20}T3BlbkFJ[A-Za-z0-9]{20}(?-u:\b)",
    ),
    (
        "GitHub token",
        &["ghp_", "gho_", "ghu_", "ghs_", "ghr_"],
        r"(?-u:\b)gh[pousr]_[0-9A-Za-z]{36}(?-u:\b)",
    ),
    (
        "GitHub fine-grained token",
        &["github_pat_"],
        r"(?-u:\b)github_pat_[A-Za-z0-9_]{82}(?-u:\b)",
    ),
    (
        "AWS access key id",
        &["A3T", "AKIA", "ASIA", "ABIA", "ACCA"],
        r"(?-u:\b)(?:A3T[A-Z0-9]|AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16}(?-u:\b)",
    ),
    (
        "Slack token",
        &["xox"],
        r"(?-u:\b)xox[bpaeors]-[0-9A-Za-z\-]{10,}",
    ),
    (
        "Google API key",
        &["AIza"],
        r"(?-u:\b)AIza[A-Za-z0-9_\-]{35}(?-u:\b)",
    ),
    (
        "Hugging Face token",
        &["hf_"],
        r"(?-u:\b)hf_[A-Za-z]{34}(?-u:\b)",
    ),
];

/// The compiled pattern `i`, compiled on first use.
pub(crate) fn pattern(i: usize) -> Option<&'static Regex> {
    static COMPILED: OnceLock<Vec<OnceLock<Option<Regex>>>> = OnceLock::new();
    let slots = COMPILED.get_or_init(|| PATTERNS.iter().map(|_| OnceLock::new()).collect());
    slots
        .get(i)?
        .get_or_init(|| Regex::new(PATTERNS[i].2).ok())
        .as_ref()
}

/// Vendor token matches in `text`: (kind, range).
pub fn token_matches(text: &str) -> Vec<(&'static str, std::ops::Range<usize>)> {
    let mut out = Vec::new();
    for (i, (kind, prefixes, _)) in PATTERNS.iter().enumerate() {
        if !prefixes.iter().any(|p| text.contains(p)) {
            continue;
        }
        if let Some(re) = pattern(i) {
            out.extend(re.find_iter(text).map(|m| (*kind, m.range())));
        }
    }
    out
}

fn secret_key() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    R.get_or_init(|| {
        // A constant, tested pattern: compiling it cannot fail.
        Regex::new(r"(?i-u)(api[_-]?key|apikey|token|secret|passw(or)?d|authorization|bearer|cookie|private[_-]?key|credential)")
            .expect("constant regex")
    })
}

/// Placeholders people write instead of secrets.
pub fn is_placeholder(v: &str) -> bool {
    let l = v.to_ascii_lowercase();
    let core: String = v.chars().filter(|c| c.is_ascii_alphanumeric()).collect();
    let distinct = {
        let mut cs: Vec<char> = core.to_ascii_lowercase().chars().collect();
        cs.sort();
        cs.dedup();
        cs.len()
    };
    l.contains("xxxx")
        || l.contains("your")
        || l.contains("example")
        || l.contains("placeholder")
        || l.contains("changeme")
        || l.contains("redacted")
        || l.contains("dummy")
        || l.contains("<")
        || l.contains("****")
        || l.ends_with("_here")
        || distinct <= 3
}

fn is_reference(v: &str) -> bool {
    // ${VAR}, ${VAR:-d}, $VAR, {env:VAR}, ${env:VAR}, %VAR%
    let t = v.trim();
    t.starts_with('$')
        || (t.starts_with("{env:") && t.ends_with('}'))
        || (t.starts_with('%') && t.ends_with('%'))
}

fn entropy(s: &str) -> f64 {
    let mut counts = std::collections::HashMap::new();
    let n = s.chars().count() as f64;
    for c in s.chars() {
        *counts.entry(c).or_insert(0usize) += 1;
    }
    counts
        .values()
        .map(|&k| {
            let p = k as f64 / n;
            -p * p.log2()
        })
        .sum()
}

/// A generic credential: a secret-looking key with a literal, random-looking value.
pub fn generic_secret(key: &str, value: &str) -> bool {
    let v = value.trim();
    let v = v
        .strip_prefix("Bearer ")
        .or_else(|| v.strip_prefix("bearer "))
        .or_else(|| v.strip_prefix("Basic "))
        .unwrap_or(v);
    secret_key().is_match(key)
        && v.len() >= 12
        && !v.contains(char::is_whitespace)
        && !is_reference(v)
        && !is_placeholder(v)
        && !v.contains("://")
        && !v.starts_with(['/', '.', '~'])
        && !v.chars().all(|c| c.is_ascii_digit())
        && !is_env_name(v)
        && entropy(v) >= 3.0
}

/// The name of an environment variable (`LINEAR_API_KEY`): what `env_vars` and
/// `bearer_token_env_var` hold, never a secret itself.
fn is_env_name(v: &str) -> bool {
    v.starts_with(|c: char| c.is_ascii_uppercase())
        && v.contains('_')
        && v.chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_')
}

/// The secrets in value `v` of key `key`: every vendor token that is not a placeholder, else
/// the whole value when it is a generic credential. Each with its kind and byte range in `v`.
pub fn find_secrets(key: &str, v: &str) -> Vec<(&'static str, std::ops::Range<usize>)> {
    let tokens: Vec<_> = token_matches(v)
        .into_iter()
        .filter(|(_, r)| !is_placeholder(&v[r.clone()]))
        .collect();
    if tokens.is_empty() && generic_secret(key, v) {
        return vec![("credential", 0..v.len())];
    }
    tokens
}

/// `text` with every vendor token shortened (`ghp_…6789`); None when there is none.
pub fn redact_tokens(text: &str) -> Option<String> {
    let found: Vec<_> = token_matches(text)
        .into_iter()
        .filter(|(_, r)| !is_placeholder(&text[r.clone()]))
        .collect();
    if found.is_empty() {
        return None;
    }
    let mut out = String::new();
    let mut at = 0;
    let mut ranges: Vec<_> = found.into_iter().map(|(_, r)| r).collect();
    ranges.sort_by_key(|r| r.start);
    for r in ranges {
        if r.start < at {
            continue;
        }
        out.push_str(&text[at..r.start]);
        out.push_str(&redact_value(&text[r.clone()]));
        at = r.end;
    }
    out.push_str(&text[at..]);
    Some(out)
}

/// The literal secrets of an MCP server (env, headers, args, URL, unmodelled keys) as
/// `(kind, redacted value)`: `sync` never copies such a server into more files.
pub(crate) fn server_secrets(s: &crate::model::McpServer) -> Vec<(&'static str, String)> {
    let mut values: Vec<(&str, &str)> = Vec::new();
    values.extend(
        s.env
            .iter()
            .map(|(k, v)| (k.value.as_str(), v.value.raw.as_str())),
    );
    values.extend(
        s.headers
            .iter()
            .map(|(k, v)| (k.value.as_str(), v.value.raw.as_str())),
    );
    values.extend(s.args.iter().map(|a| ("", a.value.raw.as_str())));
    values.extend(s.url.iter().map(|u| ("", u.value.raw.as_str())));
    values.extend(
        s.extra
            .iter()
            .filter_map(|e| e.value.as_str().map(|v| (e.key.as_str(), v))),
    );
    values
        .into_iter()
        .flat_map(|(k, v)| {
            find_secrets(k, v)
                .into_iter()
                .map(move |(kind, r)| (kind, redact_value(&v[r])))
        })
        .collect()
}

/// The literal secrets in a hook command, as for [`server_secrets`].
pub(crate) fn text_secrets(text: &str) -> Vec<(&'static str, String)> {
    find_secrets("", text)
        .into_iter()
        .map(|(kind, r)| (kind, redact_value(&text[r])))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_false_positives_are_not_secrets() {
        for (k, v) in [
            ("GITHUB_TOKEN", "${GITHUB_TOKEN}"),
            ("API_KEY", "$API_KEY"),
            ("API_KEY", "YOUR_API_KEY_HERE"),
            ("TOKEN", "<your-token>"),
            ("MAX_TOKENS", "409600000000"),
            ("TOKEN_FILE", "/run/secrets/github_token"),
            ("AUTH_URL", "https://auth.example.com/token"),
            ("PASSWORD", "xxxxxxxxxxxxxxxx"),
            ("SECRET", "changeme-changeme"),
            ("Authorization", "Bearer ${TOKEN}"),
            ("bearer_token_env_var", "LINEAR_API_KEY"),
            ("env_vars", "GH_ENTERPRISE_TOKEN"),
        ] {
            assert!(!generic_secret(k, v), "{k}={v}");
        }
        assert!(generic_secret(
            "Authorization",
            "Bearer 9f8a7b6c5d4e3f2a1b0c"
        ));
        assert!(generic_secret("DB_PASSWORD", "hunter2-Kx9!pQz7"));
        assert_eq!(
            token_matches("id AKIAIOSFODNN7EXAMPLE x")[0].0,
            "AWS access key id"
        );
        assert!(token_matches("token ghp_short").is_empty());
        for i in 0..PATTERNS.len() {
            assert!(pattern(i).is_some(), "pattern {i} compiles");
        }
        assert!(is_placeholder("AKIAIOSFODNN7EXAMPLE"));
        assert!(is_placeholder("ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"));
    }
}
