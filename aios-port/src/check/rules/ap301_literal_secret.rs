//! AP301 `literal-secret`: A literal secret (API key, token, password) is written in a committed file.

use crate::check::prompts::prompt_files;
use crate::check::{Category, LintContext, Rule, RuleMeta};
use crate::diagnostic::{Diagnostic, Severity};
use crate::model::EnvValue;
use crate::render::redact_value;
use crate::secrets::{find_secrets, is_placeholder, token_matches};
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

/// Byte range of `needle` (found at `at` in the decoded value) in the file, when the value's
/// source text is the value itself (no escapes); else the whole value.
fn locate(ws: &Workspace, origin: Origin, value: &str, at: std::ops::Range<usize>) -> Origin {
    let src = ws.sources.get(origin.file).slice(&origin);
    let quoted = matches!(src.as_bytes().first(), Some(b'"' | b'\''));
    let (inner_start, inner) = match src.get(1..src.len().saturating_sub(1)) {
        Some(inner) if quoted && src.len() >= 2 => (origin.start as usize + 1, inner),
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
fn check_value(
    cx: &mut LintContext<'_>,
    ws: &Workspace,
    key: &str,
    value: &Spanned<String>,
    place: &str,
) {
    let v = &value.value;
    for (kind, range) in find_secrets(key, v) {
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
                            // `other` spans only the `env` key: find the value after it, so
                            // that the value itself is what gets masked.
                            let text = &ws.sources.get(e.origin.file).text;
                            let from = e.origin.start as usize;
                            let at = text
                                .get(from..)
                                .and_then(|t| t.find(v))
                                .map_or(e.origin, |i| {
                                    Origin::new(e.origin.file, from + i..from + i + v.len())
                                });
                            check_value(
                                cx,
                                ws,
                                k,
                                &Spanned::new(v.to_string(), at),
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
