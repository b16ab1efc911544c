//! AP301 `literal-secret`: A literal secret (API key, token, password) is written in a committed file.

use std::sync::OnceLock;

use regex::Regex;

use crate::check::prompts::prompt_files;
use crate::check::{Category, LintContext, Rule, RuleMeta};
use crate::diagnostic::{Diagnostic, Severity};
use crate::model::EnvValue;
use crate::render::redact_value;
use crate::source::{Origin, Spanned};
use crate::workspace::Workspace;

/// A literal secret (API key, token, password) is written in a committed file.
pub struct LiteralSecret;

static META: RuleMeta = RuleMeta {
    code: "AP301",
    name: "literal-secret",
    category: Category::Security,
    severity: Severity::Error,
    summary: "A literal secret (API key, token, password) is written in a committed file.",
    doc: DOC,
    from_loader: false,
};

/// Vendor token formats (gitleaks rule sources): kind, literal prefixes (a cheap prefilter: the
/// regex is only compiled and run on text containing one), and the ASCII-only pattern.
const PATTERNS: &[(&str, &[&str], &str)] = &[
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
fn pattern(i: usize) -> Option<&'static Regex> {
    static COMPILED: OnceLock<Vec<OnceLock<Option<Regex>>>> = OnceLock::new();
    let slots = COMPILED.get_or_init(|| PATTERNS.iter().map(|_| OnceLock::new()).collect());
    slots
        .get(i)?
        .get_or_init(|| Regex::new(PATTERNS[i].2).ok())
        .as_ref()
}

/// Vendor token matches in `text`: (kind, range).
fn token_matches(text: &str) -> Vec<(&'static str, std::ops::Range<usize>)> {
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
fn is_placeholder(v: &str) -> bool {
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
fn generic_secret(key: &str, value: &str) -> bool {
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
        && entropy(v) >= 3.0
}

/// Byte range of `needle` (found at `at` in the decoded value) in the file, when the value's
/// source text is the value itself (no escapes); else the whole value.
fn locate(ws: &Workspace, origin: Origin, value: &str, at: std::ops::Range<usize>) -> Origin {
    let src = ws.sources.get(origin.file).slice(&origin);
    let (inner_start, inner) = match src.as_bytes().first() {
        Some(b'"' | b'\'') if src.len() >= 2 => (origin.start as usize + 1, &src[1..src.len() - 1]),
        _ => (origin.start as usize, src),
    };
    if inner == value {
        Origin::new(origin.file, inner_start + at.start..inner_start + at.end)
    } else {
        Origin::new(origin.file, inner_start..inner_start + inner.len())
    }
}

fn report(cx: &mut LintContext<'_>, at: Origin, kind: &str, secret: &str, place: &str) {
    cx.report(
        Diagnostic::new(
            META.code,
            META.severity,
            at,
            format!("literal {kind} in {place}: {}", redact_value(secret)),
        )
        .with_label("secret written in the file")
        .with_redaction(at)
        .with_note("committed secrets leak through history, forks and every vendor file sync would copy them into")
        .with_help("reference an environment variable instead (`${NAME}` in Claude and Gemini files, `env_vars`/`bearer_token_env_var` in Codex) and rotate this secret"),
    );
}

/// Checks one string value found under `key` in `place`.
/// The secret in value `v` of key `key`, if any: its kind and byte range in `v`.
fn find_secret(key: &str, v: &str) -> Option<(&'static str, std::ops::Range<usize>)> {
    token_matches(v)
        .into_iter()
        .find(|(_, r)| !is_placeholder(&v[r.clone()]))
        .or_else(|| generic_secret(key, v).then_some(("credential", 0..v.len())))
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
        .filter_map(|(k, v)| find_secret(k, v).map(|(kind, r)| (kind, redact_value(&v[r]))))
        .collect()
}

/// The literal secrets in a hook command, as for [`server_secrets`].
pub(crate) fn text_secrets(text: &str) -> Vec<(&'static str, String)> {
    find_secret("", text)
        .map(|(kind, r)| (kind, redact_value(&text[r])))
        .into_iter()
        .collect()
}

fn check_value(
    cx: &mut LintContext<'_>,
    ws: &Workspace,
    key: &str,
    value: &Spanned<String>,
    place: &str,
) {
    let v = &value.value;
    if let Some((kind, range)) = find_secret(key, v) {
        let at = locate(ws, value.origin, v, range.clone());
        report(cx, at, kind, &v[range], place);
    }
}

fn raw(v: &Spanned<EnvValue>) -> Spanned<String> {
    Spanned::new(v.value.raw.clone(), v.origin)
}

impl Rule for LiteralSecret {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ws: &Workspace, cx: &mut LintContext<'_>) {
        for s in &ws.model.mcp_servers {
            let name = &s.name.value;
            for (k, v) in &s.env {
                check_value(
                    cx,
                    ws,
                    &k.value,
                    &raw(v),
                    &format!("env `{}` of MCP server `{name}`", k.value),
                );
            }
            for (k, v) in &s.headers {
                check_value(
                    cx,
                    ws,
                    &k.value,
                    &raw(v),
                    &format!("header `{}` of MCP server `{name}`", k.value),
                );
            }
            for a in &s.args {
                check_value(
                    cx,
                    ws,
                    "",
                    &raw(a),
                    &format!("an argument of MCP server `{name}`"),
                );
            }
            if let Some(u) = &s.url {
                check_value(
                    cx,
                    ws,
                    "",
                    &raw(u),
                    &format!("the URL of MCP server `{name}`"),
                );
            }
            for e in &s.extra {
                if let Some(v) = e.value.as_str() {
                    check_value(
                        cx,
                        ws,
                        &e.key,
                        &Spanned::new(v.to_string(), e.origin),
                        &format!("`{}` of MCP server `{name}`", e.key),
                    );
                }
            }
        }
        for h in &ws.model.hooks {
            if let Some(c) = &h.command {
                check_value(
                    cx,
                    ws,
                    "",
                    c,
                    &format!("a `{}` hook command", h.event.value),
                );
            }
        }
        for st in &ws.model.settings {
            for e in st.other.iter().filter(|e| e.key == "env") {
                if let Some(map) = e.value.as_object() {
                    for (k, v) in map {
                        if let Some(v) = v.as_str() {
                            // Only the key is spanned in `other`; point at it.
                            check_value(
                                cx,
                                ws,
                                k,
                                &Spanned::new(v.to_string(), e.origin),
                                &format!("`env.{k}` of `{}`", st.path),
                            );
                        }
                    }
                }
            }
        }
        for (file, what) in prompt_files(ws) {
            let text = &ws.sources.get(file).text;
            for (kind, range) in token_matches(text) {
                if !is_placeholder(&text[range.clone()]) {
                    report(
                        cx,
                        Origin::new(file, range.clone()),
                        kind,
                        &text[range],
                        &format!("{what} file"),
                    );
                }
            }
        }
    }
}

const DOC: &str = r#"## What it does
Finds secrets written as literal values: in MCP server `env`, headers, arguments and URLs, in hook
commands, in settings `env`, and (vendor token formats only) in instruction, skill, subagent and
command files. It knows the token formats of Anthropic, OpenAI, GitHub, AWS, Slack, Google and
Hugging Face, and flags any other value of a secret-looking key (`*_TOKEN`, `API_KEY`, `password`,
`Authorization: Bearer ...`) that is random-looking and not a placeholder or a reference.

Every output format shows the secret shortened (`ghp_…6789`); source snippets mask it.

## Why is this bad?
The file is committed: the secret is in every clone, fork and CI log, and `sync` would copy it into
every other vendor's files. Vendors all support references to the environment instead.

## Example
```json .mcp.json
{"mcpServers": {"github": {"command": "github-mcp-server",
  "env": {"GITHUB_PERSONAL_ACCESS_TOKEN": "ghp_R2d2C3poQ9x8W7v6U5t4S3r2Q1p0OnMlKjIh"}}}}
```
Use instead:
```json .mcp.json
{"mcpServers": {"github": {"command": "github-mcp-server",
  "env": {"GITHUB_PERSONAL_ACCESS_TOKEN": "${GITHUB_TOKEN}"}}}}
```

## How to fix
Move the value to the environment and reference it: `"${NAME}"` in `.mcp.json` and Gemini
settings, `env_vars = ["NAME"]` or `bearer_token_env_var = "NAME"` in Codex. Then rotate the
secret: it is in the history.

## References
- https://github.com/gitleaks/gitleaks/tree/master/cmd/generate/config/rules
- https://code.claude.com/docs/en/mcp#environment-variable-expansion-in-mcp-json
- https://developers.openai.com/codex/mcp
"#;

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
