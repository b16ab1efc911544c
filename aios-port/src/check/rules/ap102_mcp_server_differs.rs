//! AP102 `mcp-server-differs`: An MCP server of the same name means something different for two vendors.

use crate::check::rules::ap101_mcp_server_missing::project_servers;
use crate::check::{Category, LintContext, Rule, RuleMeta};
use crate::diagnostic::{Diagnostic, Severity};
use crate::model::mcp::FieldDiff;
use crate::vendor::Vendor;
use crate::workspace::Workspace;

/// An MCP server of the same name means something different for two vendors.
pub struct McpServerDiffers;

static META: RuleMeta = RuleMeta {
    code: "AP102",
    name: "mcp-server-differs",
    category: Category::Drift,
    severity: Severity::Warning,
    summary: "An MCP server of the same name means something different for two vendors.",
    doc: DOC,
    from_loader: false,
};

/// Whether a field's values may be printed (env, header and argument values can be secrets).
fn printable(field: &str) -> bool {
    !(field.starts_with("env.") || field.starts_with("headers.") || field == "args")
}

fn describe(d: &FieldDiff, a: Vendor, b: Vendor) -> String {
    let show = |v: &Option<String>| match v {
        None => "not set".to_string(),
        // A value holding a secret is never printed, whatever the field.
        Some(x) if printable(&d.field) && crate::secrets::find_secrets("", x).is_empty() => {
            format!("`{}`", strip_query(x))
        }
        Some(_) => "set".to_string(),
    };
    if printable(&d.field) || d.ours.is_none() || d.theirs.is_none() {
        format!(
            "{}: {} for {}, {} for {}",
            d.field,
            show(&d.ours),
            a.display_name(),
            show(&d.theirs),
            b.display_name()
        )
    } else {
        format!("{}: the values differ", d.field)
    }
}

/// A URL without its query string and `user:password@` (which can hold keys).
fn strip_query(s: &str) -> String {
    let Some((scheme, rest)) = s.split_once("://") else {
        return s.to_string();
    };
    let rest = rest.split(['?', '#']).next().unwrap_or(rest);
    let (host, path) = rest.split_once('/').map_or((rest, ""), |(h, p)| (h, p));
    let host = host.rsplit('@').next().unwrap_or(host);
    if path.is_empty() && !rest.contains('/') {
        format!("{scheme}://{host}")
    } else {
        format!("{scheme}://{host}/{path}")
    }
}

impl Rule for McpServerDiffers {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ws: &Workspace, cx: &mut LintContext<'_>) {
        let vendors: Vec<Vendor> = cx.vendors().iter().collect();
        for (i, a) in vendors.iter().enumerate() {
            for b in &vendors[i + 1..] {
                for sa in project_servers(ws, *a) {
                    let Some(sb) = project_servers(ws, *b).find(|s| s.name.value == sa.name.value)
                    else {
                        continue;
                    };
                    let diffs = sa.canonical().diff(&sb.canonical());
                    let Some(first) = diffs.first() else { continue };
                    let fields: Vec<&str> = diffs.iter().map(|d| d.field.as_str()).collect();
                    let mut d = Diagnostic::new(
                        META.code,
                        META.severity,
                        first.ours_at.unwrap_or(sa.name.origin),
                        format!(
                            "MCP server `{}` differs between {} and {}: {}",
                            sa.name.value,
                            a.display_name(),
                            b.display_name(),
                            fields.join(", ")
                        ),
                    )
                    .with_label(format!(
                        "{} {}",
                        a.display_name(),
                        first.field
                    ));
                    let mut labelled = 0;
                    for f in &diffs {
                        if let Some(at) = f.theirs_at
                            && labelled < 6
                        {
                            d = d.with_secondary(at, format!("{} {}", b.display_name(), f.field));
                            labelled += 1;
                        }
                    }
                    if first.theirs_at.is_none() {
                        d = d.with_secondary(
                            sb.name.origin,
                            format!("{}'s entry", b.display_name()),
                        );
                    }
                    for f in &diffs {
                        d = d.with_note(describe(f, *a, *b));
                    }
                    d = d.with_help(format!(
                        "make one vendor the source of truth and run `aios-port sync --from {} --to {}`",
                        a.id(),
                        b.id()
                    ));
                    cx.report(d);
                }
            }
        }
    }
}

const DOC: &str = r#"## What it does
Compares MCP servers of the same name across vendors by meaning, not spelling: Claude
`"Authorization": "Bearer ${T}"` equals Codex `bearer_token_env_var = "T"`, `env {"K": "${K}"}`
equals `env_vars = ["K"]`, a single-variable header equals `env_http_headers`, and timeouts are
compared in milliseconds. It reports the fields whose meaning differs, with a label in each file.
Values of `env`, headers and arguments are never printed (they may be secrets).

## Why is this bad?
The same tool behaves differently depending on the vendor: another binary, another account,
another endpoint. Failures after switching vendor look random.

## Example
```json .mcp.json
{"mcpServers": {"github": {"command": "npx", "args": ["-y", "@modelcontextprotocol/server-github@2025.4.8"]}}}
```
```toml .codex/config.toml
[mcp_servers.github]
command = "docker"
args = ["run", "-i", "ghcr.io/github/github-mcp-server"]
```
Use instead:
```json .mcp.json
{"mcpServers": {"api": {"type": "http", "url": "https://api.example.com/mcp",
  "headers": {"Authorization": "Bearer ${API_TOKEN}"}}}}
```
```toml .codex/config.toml
[mcp_servers.api]
url = "https://api.example.com/mcp"
bearer_token_env_var = "API_TOKEN"
```

## How to fix
Decide which configuration is right and run `aios-port sync` from that vendor.

## References
- https://code.claude.com/docs/en/mcp
- https://developers.openai.com/codex/config-reference
"#;
