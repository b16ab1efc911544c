//! AP201 `unsupported-transport`: An MCP server uses a transport another vendor of the workspace lacks (SSE or WebSocket for Codex).
//!
//! This module also owns [`targets`]: the vendors an MCP server has to work for besides the
//! vendor whose format it is written in. AP202 (interpolation) and AP010 (keys Codex ignores
//! in a Claude plugin's `.mcp.json`) use it too.

use crate::check::{Category, LintContext, Rule, RuleMeta};
use crate::diagnostic::{Diagnostic, Severity};
use crate::model::{McpServer, Plugin, Scope, Transport};
use crate::read::{join, normalize};
use crate::source::Origin;
use crate::vendor::{Vendor, VendorSet};
use crate::workspace::Workspace;

/// An MCP server uses a transport another vendor of the workspace lacks (SSE or WebSocket for Codex).
pub struct UnsupportedTransport;

/// The rule's metadata.
static META: RuleMeta = RuleMeta {
    code: "AP201",
    name: "unsupported-transport",
    category: Category::Portability,
    severity: Severity::Warning,
    summary: "An MCP server uses a transport another vendor of the workspace lacks (SSE or WebSocket for Codex).",
    doc: DOC,
    from_loader: false,
};

/// A vendor an MCP server must work for although it is written in another vendor's format.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Target<'a> {
    /// The vendor.
    pub vendor: Vendor,
    /// The plugin through which that vendor loads the server's file as it is; None for a
    /// project server that the workspace has to port to the vendor (by `sync` or by hand).
    pub via: Option<&'a Plugin>,
}

/// The vendors server `s` must also work for.
///
/// * A project server: every vendor of the workspace (`vendors`) other than its own that has
///   no project server of the same name yet (once a vendor has its own entry, differences are
///   drift, reported by AP102, not portability).
/// * A plugin server: every other vendor that loads the plugin and, through it, this file
///   (Codex loads a Claude plugin that has no `.codex-plugin/plugin.json`, and a Codex manifest
///   beside a Claude one reads the shared `.mcp.json`). These vendors read the file as it is,
///   so they count whatever vendors the workspace itself is configured for.
/// * A user server: none (it belongs to one vendor's home configuration).
pub(crate) fn targets<'a>(ws: &'a Workspace, vendors: VendorSet, s: &McpServer) -> Vec<Target<'a>> {
    match &s.scope {
        Scope::Project => vendors
            .iter()
            .filter(|v| *v != s.vendor)
            .filter(|v| {
                !ws.model.mcp_servers.iter().any(|o| {
                    o.vendor == *v && o.scope == Scope::Project && o.name.value == s.name.value
                })
            })
            .map(|vendor| Target { vendor, via: None })
            .collect(),
        Scope::Plugin(root) => {
            let file = ws.sources.get(s.origin.file).path.as_str();
            let mut out: Vec<Target<'a>> = Vec::new();
            for p in ws.model.plugins.iter().filter(|p| &p.root == root) {
                for v in p.loaded_by.iter() {
                    if v != s.vendor
                        && !out.iter().any(|t| t.vendor == v)
                        && plugin_loads_file(p, v, file)
                    {
                        out.push(Target {
                            vendor: v,
                            via: Some(p),
                        });
                    }
                }
            }
            out.sort_by_key(|t| t.vendor);
            out
        }
        Scope::User => Vec::new(),
    }
}

/// Whether vendor `v`, loading plugin manifest `p`, reads MCP servers from workspace file
/// `file`: servers inline in the manifest, a declared `mcpServers` path, or the default
/// `.mcp.json` (which Claude reads in addition to declared files and Codex only when the
/// manifest declares none).
fn plugin_loads_file(p: &Plugin, v: Vendor, file: &str) -> bool {
    if file == p.path {
        return true;
    }
    let declared: Vec<String> = p
        .component_paths
        .iter()
        .filter(|(k, _)| k == "mcpServers")
        .filter_map(|(_, path)| normalize(&p.root, &path.value))
        .collect();
    if declared.iter().any(|d| d == file) {
        return true;
    }
    file == join(&p.root, ".mcp.json") && (v == Vendor::Claude || declared.is_empty())
}

/// Where to point at plugin `p` in a secondary label: its name, else the top of its file.
pub(crate) fn plugin_anchor(p: &Plugin) -> Origin {
    p.name
        .as_ref()
        .map_or(Origin::file_start(p.origin.file), |n| n.origin)
}

/// A label for the plugin manifest through which `t.vendor` loads a server.
pub(crate) fn via_phrase(t: &Target<'_>) -> String {
    match t.via {
        Some(p) if p.vendor == Vendor::Claude && t.vendor == Vendor::Codex => {
            "Codex loads this plugin too (it has no `.codex-plugin/plugin.json`)".to_string()
        }
        Some(p) if p.vendor == t.vendor => format!(
            "{} loads the plugin's `.mcp.json` through this manifest",
            t.vendor.display_name()
        ),
        Some(_) => format!("{} loads this plugin too", t.vendor.display_name()),
        None => format!("{} has no entry of its own for it", t.vendor.display_name()),
    }
}

/// Whether `v` can connect with transport `t`, and if not, why.
fn lacks(v: Vendor, t: &Transport) -> Option<&'static str> {
    match (v, t) {
        (Vendor::Codex, Transport::Sse) => Some(
            "Codex has only stdio and streamable HTTP servers: it connects to a `url` with streamable HTTP, which an SSE-only server does not answer",
        ),
        (Vendor::Codex, Transport::Ws) => Some(
            "Codex has only stdio and streamable HTTP servers; it cannot connect over WebSocket",
        ),
        (Vendor::Gemini, Transport::Ws) => Some(
            "Gemini CLI has no WebSocket transport: its `tcp` key is undocumented, and Gemini CLI 0.61 cannot start a server that has only `tcp`",
        ),
        _ => None,
    }
}

/// The transport's name for messages.
fn transport_name(t: &Transport) -> &'static str {
    match t {
        Transport::Sse => "SSE",
        Transport::Ws => "WebSocket",
        Transport::Http => "streamable HTTP",
        Transport::Stdio => "stdio",
        Transport::Unknown(_) => "an unknown transport",
    }
}

impl Rule for UnsupportedTransport {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ws: &Workspace, cx: &mut LintContext<'_>) {
        let vendors = cx.vendors();
        for s in &ws.model.mcp_servers {
            let t = &s.transport.value;
            if !matches!(t, Transport::Sse | Transport::Ws) {
                continue;
            }
            let lacking: Vec<(Target<'_>, &str)> = targets(ws, vendors, s)
                .into_iter()
                .filter_map(|tg| lacks(tg.vendor, t).map(|why| (tg, why)))
                .collect();
            let Some((first, _)) = lacking.first() else {
                continue;
            };
            let names: Vec<&str> = lacking
                .iter()
                .map(|(tg, _)| tg.vendor.display_name())
                .collect();
            let name = transport_name(t);
            let mut d = Diagnostic::new(
                META.code,
                META.severity,
                s.transport.origin,
                format!(
                    "MCP server `{}` uses {name}, which {} cannot connect to",
                    s.name.value,
                    names.join(" and ")
                ),
            )
            .with_label(format!("{name} transport"));
            for (tg, why) in &lacking {
                d = d.with_note(*why);
                if let Some(p) = tg.via {
                    d = d.with_secondary(plugin_anchor(p), via_phrase(tg));
                }
            }
            if first.via.is_some() && first.vendor == Vendor::Codex {
                d = d.with_note("a plugin's `.mcp.json` is read as it is: Codex drops `type` and uses the `url`");
            }
            let help = match t {
                Transport::Sse => {
                    "if the server also serves streamable HTTP (often at `/mcp`), switch to `\"type\": \"http\"` and that URL; otherwise give Codex a stdio bridge to the SSE endpoint (e.g. a pinned `mcp-remote`)"
                }
                _ => {
                    "connect to a streamable HTTP or stdio endpoint of the server instead, or run a stdio bridge for the vendors that lack WebSocket"
                }
            };
            cx.report(d.with_help(help));
        }
    }
}

/// The rule's documentation (`aios-port explain`).
const DOC: &str = r#"## What it does
Flags an MCP server whose transport another vendor that has to run it cannot use: SSE or
WebSocket for Codex (which has only stdio and streamable HTTP), WebSocket for Gemini CLI (its
`tcp` key is undocumented and does not start a server). The vendors judged are, for a project
server, the other vendors of the workspace that have no entry of that name yet; for a plugin
server, the other vendors that load the plugin (Codex loads a Claude plugin that has no
`.codex-plugin/plugin.json`, and with it the plugin's `.mcp.json`). A server is never judged
against its own vendor.

## Why is this bad?
The server works for one vendor and silently fails to connect for the other: Codex treats
every `url` as streamable HTTP, so an SSE endpoint answers with errors and the agent has none
of the server's tools after a switch.

## Example
```json .mcp.json
{"mcpServers": {"docs": {"type": "sse", "url": "https://docs.example.com/sse"}}}
```
```toml .codex/config.toml
model = "gpt-5-codex"
```
Use instead:
```json .mcp.json
{"mcpServers": {"docs": {"type": "http", "url": "https://docs.example.com/mcp"}}}
```
```toml .codex/config.toml
model = "gpt-5-codex"
```

## How to fix
Use the server's streamable HTTP endpoint if it has one (`"type": "http"`, often at `/mcp`);
then `aios-port sync --to codex` can port it. Otherwise give Codex its own entry that runs a
stdio bridge to the SSE endpoint (for example a pinned `mcp-remote`); once Codex has an entry of
that name, this rule leaves the server alone.

## References
- https://developers.openai.com/codex/mcp
- https://code.claude.com/docs/en/mcp
- https://geminicli.com/docs/tools/mcp-server
"#;

#[cfg(test)]
mod tests {
    use crate::read::testing::write;
    use std::path::Path;

    use crate::check::{CheckOptions, RuleSelection, check};
    use crate::vendor::Vendor;
    use crate::workspace::{LoadOptions, Workspace};

    fn run(root: &Path) -> Vec<String> {
        let ws = Workspace::load(root, &LoadOptions::default()).expect("loads");
        let options = CheckOptions {
            selection: RuleSelection::new(&["AP201"], &[] as &[&str]).expect("selects"),
            vendors: None,
        };
        check(&ws, &options)
            .diagnostics
            .into_iter()
            .filter(|d| d.code == "AP201")
            .map(|d| d.message)
            .collect()
    }

    #[test]
    fn plugin_targets_follow_the_manifests() {
        let t = tempfile::tempdir().expect("tempdir");
        let r = t.path();
        // A Claude plugin without a Codex manifest: Codex loads it and its `.mcp.json`.
        write(r, "p/.claude-plugin/plugin.json", r#"{"name": "p"}"#);
        write(
            r,
            "p/.mcp.json",
            r#"{"docs": {"type": "sse", "url": "https://docs.example.com/sse"}}"#,
        );
        // With a Codex manifest that declares its own file, Codex does not read `.mcp.json`.
        write(r, "q/.claude-plugin/plugin.json", r#"{"name": "q"}"#);
        write(
            r,
            "q/.codex-plugin/plugin.json",
            r#"{"name": "q", "mcpServers": "./codex.mcp.json"}"#,
        );
        write(
            r,
            "q/.mcp.json",
            r#"{"docs": {"type": "sse", "url": "https://docs.example.com/sse"}}"#,
        );
        write(
            r,
            "q/codex.mcp.json",
            r#"{"docs": {"command": "npx", "args": ["mcp-remote@0.1.29", "https://docs.example.com/sse"]}}"#,
        );
        let ws = Workspace::load(r, &LoadOptions::default()).expect("loads");
        let by_root = |root: &str| {
            let s = ws
                .model
                .mcp_servers
                .iter()
                .find(|s| {
                    s.vendor == Vendor::Claude
                        && s.scope == crate::model::Scope::Plugin(root.into())
                })
                .expect("server");
            super::targets(&ws, ws.vendors_present(), s)
                .iter()
                .map(|t| t.vendor)
                .collect::<Vec<_>>()
        };
        assert_eq!(by_root("p"), [Vendor::Codex]);
        assert!(by_root("q").is_empty());
        let found = run(r);
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].contains("SSE, which Codex cannot connect to"));
    }

    #[test]
    fn project_servers_skip_vendors_with_their_own_entry() {
        let t = tempfile::tempdir().expect("tempdir");
        let r = t.path();
        write(
            r,
            ".mcp.json",
            r#"{"mcpServers": {"live": {"type": "ws", "url": "wss://live.example.com/mcp"},
                "docs": {"type": "sse", "url": "https://docs.example.com/sse"}}}"#,
        );
        write(
            r,
            ".codex/config.toml",
            "[mcp_servers.docs]\ncommand = \"npx\"\nargs = [\"mcp-remote@0.1.29\", \"https://docs.example.com/sse\"]\n",
        );
        write(r, "GEMINI.md", "# Gemini\n");
        let found = run(r);
        assert_eq!(
            found,
            ["MCP server `live` uses WebSocket, which Codex and Gemini CLI cannot connect to"]
        );
    }
}
