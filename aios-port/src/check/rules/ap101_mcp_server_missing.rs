//! AP101 `mcp-server-missing`: An MCP server configured for one vendor is missing for another vendor of the workspace.

use crate::check::{Category, LintContext, Rule, RuleMeta};
use crate::diagnostic::{Diagnostic, Severity};
use crate::model::{McpServer, Scope};
use crate::vendor::Vendor;
use crate::workspace::Workspace;

/// An MCP server configured for one vendor is missing for another vendor of the workspace.
pub struct McpServerMissing;

static META: RuleMeta = RuleMeta {
    code: "AP101",
    name: "mcp-server-missing",
    category: Category::Drift,
    severity: Severity::Warning,
    summary: "An MCP server configured for one vendor is missing for another vendor of the workspace.",
    doc: DOC,
    from_loader: false,
};

/// The project MCP file of each vendor, for messages.
pub(crate) fn mcp_file(v: Vendor) -> &'static str {
    match v {
        Vendor::Claude => ".mcp.json",
        Vendor::Codex => ".codex/config.toml",
        Vendor::Gemini => ".gemini/settings.json",
    }
}

/// Project-scope servers of `v`.
pub(crate) fn project_servers(ws: &Workspace, v: Vendor) -> impl Iterator<Item = &McpServer> {
    ws.model
        .mcp_servers
        .iter()
        .filter(move |s| s.vendor == v && s.scope == Scope::Project)
}

impl Rule for McpServerMissing {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ws: &Workspace, cx: &mut LintContext<'_>) {
        let vendors: Vec<Vendor> = cx.vendors().iter().collect();
        let mut names: Vec<&str> = Vec::new();
        for v in &vendors {
            for s in project_servers(ws, *v) {
                if !names.contains(&s.name.value.as_str()) {
                    names.push(&s.name.value);
                }
            }
        }
        for name in names {
            let having: Vec<&McpServer> = vendors
                .iter()
                .filter_map(|v| project_servers(ws, *v).find(|s| s.name.value == name))
                .collect();
            let missing: Vec<Vendor> = vendors
                .iter()
                .copied()
                .filter(|v| !having.iter().any(|s| s.vendor == *v))
                .collect();
            let Some(first) = having.first() else {
                continue;
            };
            if missing.is_empty() {
                continue;
            }
            let missing_names: Vec<&str> = missing.iter().map(|v| v.display_name()).collect();
            let mut d = Diagnostic::new(
                META.code,
                META.severity,
                first.name.origin,
                format!(
                    "MCP server `{name}` is configured for {} but missing for {}",
                    having
                        .iter()
                        .map(|s| s.vendor.display_name())
                        .collect::<Vec<_>>()
                        .join(" and "),
                    missing_names.join(" and ")
                ),
            )
            .with_label(format!("configured for {}", first.vendor.display_name()));
            for s in &having[1..] {
                d = d.with_secondary(
                    s.name.origin,
                    format!("configured for {}", s.vendor.display_name()),
                );
            }
            let targets: Vec<&str> = missing.iter().map(|v| v.id()).collect();
            d = d
                .with_note(format!(
                    "in {} the agent has no `{name}` tools",
                    missing_names.join(" and ")
                ))
                .with_help(format!(
                    "run `aios-port sync --to {}`, or add it to {}",
                    targets.join(","),
                    missing
                        .iter()
                        .map(|v| format!("`{}`", mcp_file(*v)))
                        .collect::<Vec<_>>()
                        .join(" and ")
                ));
            cx.report(d);
        }
    }
}

const DOC: &str = r#"## What it does
Compares the project MCP servers of the vendors the workspace works with (those configured in it,
or `primary` and `targets` in `aios-port.toml`) and reports a server that one vendor has and
another lacks. Servers are matched by name.

## Why is this bad?
When the workspace switches vendor, the agent silently loses the server's tools: a task that
worked in Claude Code fails in Codex for a reason nobody sees in the diff.

## Example
```json .mcp.json
{"mcpServers": {"github": {"command": "github-mcp-server"}, "docs": {"command": "docs-mcp"}}}
```
```toml .codex/config.toml
[mcp_servers.github]
command = "github-mcp-server"
```
Use instead:
```json .mcp.json
{"mcpServers": {"github": {"command": "github-mcp-server"}}}
```
```toml .codex/config.toml
[mcp_servers.github]
command = "github-mcp-server"
```

## How to fix
Run `aios-port sync --to <vendor>` to write the missing entry, or add it by hand. If the server is
meant for one vendor only, limit the workspace's vendors with `targets` in `aios-port.toml`.

## References
- https://code.claude.com/docs/en/mcp
- https://developers.openai.com/codex/mcp
- https://geminicli.com/docs/tools/mcp-server
"#;
