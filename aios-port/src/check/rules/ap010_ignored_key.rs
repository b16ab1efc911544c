//! AP010 `ignored-key`: A key the vendor silently ignores, so the setting it expresses has no effect.
//!
//! Covers what the pinned clients are known to drop without an error (REAL-CLIENTS.md §2 and
//! the openai/codex source): unknown `[mcp_servers.X]` keys and unknown or project-denied
//! top-level keys in Codex's config.toml, the Claude spellings (`headers`, `headersHelper`,
//! `timeout`) in a Claude plugin's `.mcp.json` that Codex loads, hook events Claude Code or
//! Codex never fires, and MCP servers in Claude's `settings.json`. Keys a vendor rejects with
//! an error are the readers' business (AP003), not this rule's.

use std::collections::HashSet;

use crate::check::rules::ap201_unsupported_transport::{plugin_anchor, targets, via_phrase};
use crate::check::{Category, LintContext, Rule, RuleMeta};
use crate::diagnostic::{Diagnostic, Severity};
use crate::facts;
use crate::model::{McpServer, Part, Scope, Transport};
use crate::source::Origin;
use crate::vendor::Vendor;
use crate::workspace::Workspace;

/// A key the vendor silently ignores, so the setting it expresses has no effect.
pub struct IgnoredKey;

/// The rule's metadata.
static META: RuleMeta = RuleMeta {
    code: "AP010",
    name: "ignored-key",
    category: Category::Validity,
    severity: Severity::Warning,
    summary: "A key the vendor silently ignores, so the setting it expresses has no effect.",
    doc: DOC,
    from_loader: false,
};

/// `snake_case` of a camelCase key (`bearerTokenEnvVar` → `bearer_token_env_var`).
fn snake(key: &str) -> String {
    let mut out = String::with_capacity(key.len() + 4);
    for c in key.chars() {
        if c.is_ascii_uppercase() {
            out.push('_');
            out.push(c.to_ascii_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}

/// What to write instead of an unknown key of a Codex MCP server (`value` as written).
fn codex_mcp_spelling(key: &str, s: &McpServer, value: &serde_json::Value) -> String {
    let remote = s.transport.value == Transport::Http;
    match key {
        "type" | "transport" => {
            let sse = if value.as_str() == Some("sse") {
                " (Codex has no SSE: an SSE-only server does not connect)"
            } else {
                ""
            };
            format!("remove it: Codex starts `command` over stdio and connects to `url` with streamable HTTP{sse}")
        }
        "headers" if !remote => {
            "remove it: headers only apply to servers with a `url`".to_string()
        }
        "headers" => "use `http_headers` for fixed values, `env_http_headers = { \"Header\" = \"VAR\" }` for values from the environment, or `bearer_token_env_var = \"VAR\"` for `Authorization: Bearer`".to_string(),
        "timeout" => "use `tool_timeout_sec` (seconds; `timeout` in Claude Code and Gemini CLI is milliseconds) or `startup_timeout_sec`".to_string(),
        "trust" => "use `default_tools_approval_mode = \"approve\"` to run the server's tools without asking".to_string(),
        "description" | "displayName" | "display_name" => "remove it, or keep the text as a TOML comment".to_string(),
        "includeTools" | "include_tools" => "use `enabled_tools`".to_string(),
        "excludeTools" | "exclude_tools" => "use `disabled_tools`".to_string(),
        "httpUrl" | "http_url" | "serverUrl" | "server_url" => "use `url`".to_string(),
        "disabled" => "use `enabled = false`".to_string(),
        "autoApprove" | "auto_approve" | "alwaysAllow" | "always_allow" => {
            "use `default_tools_approval_mode = \"approve\"`, or `tools.<name>.approval_mode = \"approve\"` per tool".to_string()
        }
        "headersHelper" | "headers_helper" => "use `http_headers_helper`".to_string(),
        "envFile" | "env_file" => "Codex has no env file: list the variables to pass in `env_vars`".to_string(),
        "startup_timeout" | "startupTimeout" => "use `startup_timeout_sec`".to_string(),
        "tool_timeout" | "toolTimeout" => "use `tool_timeout_sec`".to_string(),
        _ => {
            let s = snake(key);
            if s != key && facts::CODEX_MCP_KEYS.contains(&s.as_str()) {
                format!("write it in snake_case: `{s}`")
            } else {
                "remove it (`codex doctor` lists the keys Codex ignores)".to_string()
            }
        }
    }
}

/// What to write instead of an unknown top-level key of Codex's config.toml.
fn codex_top_spelling(key: &str) -> String {
    match key {
        "mcpServers" | "mcp" | "servers" => {
            "write servers as `[mcp_servers.<name>]` tables".to_string()
        }
        "persistent_instructions" | "system_prompt" | "custom_instructions" | "user_instructions" => {
            "use `developer_instructions` (text added to every session), or put the text in AGENTS.md".to_string()
        }
        "experimental_instructions_file" | "instructions_file" => {
            "use `model_instructions_file` (it replaces the built-in instructions), or put the text in AGENTS.md".to_string()
        }
        "prompts" | "custom_prompts" | "commands" => {
            "Codex has no custom prompts in config.toml: write skills (`.agents/skills/<name>/SKILL.md`)".to_string()
        }
        "subagents" => "declare agent roles as `[agents.<name>]`".to_string(),
        "context" => "Codex reads AGENTS.md; list other file names in `project_doc_fallback_filenames`".to_string(),
        "preferred_auth_method" => "use `forced_login_method`".to_string(),
        _ => {
            let s = snake(key);
            if s != key && known_top(&s) {
                format!("write it in snake_case: `{s}`")
            } else {
                "remove it (`codex doctor` lists the keys Codex ignores)".to_string()
            }
        }
    }
}

/// Whether Codex knows top-level config key `key`.
fn known_top(key: &str) -> bool {
    facts::CODEX_TOP_LEVEL_KEYS.contains(&key)
        || facts::CODEX_TOP_LEVEL_KEYS_SOURCE.contains(&key)
        || facts::CODEX_PROJECT_DENYLIST.contains(&key)
}

/// A hint for an event name vendor `v` does not fire.
fn event_hint(v: Vendor, name: &str) -> String {
    let known = facts::hook_events(v);
    if let Some(k) = known.iter().find(|k| k.eq_ignore_ascii_case(name)) {
        return format!("event names are case-sensitive: write `{k}`");
    }
    if let Some(n) = facts::neutral_event(Vendor::Gemini, name)
        && known.contains(&n)
    {
        return format!(
            "`{name}` is Gemini CLI's name; {} calls it `{n}`",
            v.display_name()
        );
    }
    if v == Vendor::Codex && facts::CLAUDE_HOOK_EVENTS.contains(&name) {
        return format!(
            "`{name}` is a Claude Code event that Codex does not have; Codex fires {}",
            known.join(", ")
        );
    }
    format!("{} fires {}", v.display_name(), known.join(", "))
}

/// The origin of the `"headers"` key of a JSON server entry: the last `"headers"` between the
/// start of the entry and its first header name (else that header name).
fn headers_key(ws: &Workspace, s: &McpServer) -> Option<Origin> {
    let first = s.headers.first()?.0.origin;
    let text = &ws.sources.get(first.file).text;
    let from = s.origin.start as usize;
    let to = first.start as usize;
    let at = text
        .get(from..to)
        .and_then(|t| t.rfind("\"headers\""))
        .map(|i| from + i);
    Some(at.map_or(first, |i| {
        Origin::new(first.file, i..i + "\"headers\"".len())
    }))
}

/// Codex keys that carry the headers of `s` (values are never printed).
fn codex_headers(s: &McpServer) -> String {
    let mut out = Vec::new();
    let mut from_env = Vec::new();
    let mut fixed = Vec::new();
    for (k, v) in &s.headers {
        match v.value.parts.as_slice() {
            [Part::Var { name, .. }] => from_env.push(format!("\"{}\": \"{name}\"", k.value)),
            [
                Part::Literal(l),
                Part::Var {
                    name,
                    default: None,
                    ..
                },
            ] if l == "Bearer " && k.value.eq_ignore_ascii_case("authorization") => {
                out.push(format!("\"bearer_token_env_var\": \"{name}\""));
            }
            // Not expressible in Codex: AP202 reports it.
            _ if v.value.has_vars() => {}
            _ => fixed.push(format!("\"{}\": …", k.value)),
        }
    }
    if !from_env.is_empty() {
        out.push(format!("\"env_http_headers\": {{{}}}", from_env.join(", ")));
    }
    if !fixed.is_empty() {
        out.push(format!("\"http_headers\": {{{}}}", fixed.join(", ")));
    }
    out.join(", ")
}

impl IgnoredKey {
    /// Unknown keys of Codex's own MCP servers.
    fn codex_server(&self, s: &McpServer, cx: &mut LintContext<'_>) {
        let plugin = matches!(s.scope, Scope::Plugin(_));
        for e in &s.extra {
            let k = e.key.as_str();
            if facts::CODEX_MCP_KEYS.contains(&k)
                || facts::CODEX_MCP_KEYS_SOURCE.contains(&k)
                // A load error, reported by the reader.
                || k == "bearer_token"
                // Codex takes `type` out of a plugin's `.mcp.json` itself (with a warning
                // when it is not stdio or http).
                || (plugin && k == "type")
            {
                continue;
            }
            cx.report(
                Diagnostic::new(
                    META.code,
                    META.severity,
                    e.origin,
                    format!("Codex ignores `{k}` in MCP server `{}`", s.name.value),
                )
                .with_label("not a Codex MCP server key")
                .with_note("Codex accepts the entry and silently drops keys it does not know (only `codex doctor` and `--strict-config` mention them)")
                .with_help(codex_mcp_spelling(k, s, &e.value)),
            );
        }
    }

    /// Claude spellings Codex ignores in a Claude plugin's server it loads.
    fn codex_loaded_claude_server(&self, ws: &Workspace, s: &McpServer, cx: &mut LintContext<'_>) {
        let tgts = targets(ws, cx.vendors(), s);
        let Some(t) = tgts
            .iter()
            .find(|t| t.vendor == Vendor::Codex && t.via.is_some())
        else {
            return;
        };
        // The Codex spellings beside the Claude ones: the entry already serves both vendors.
        let has = |k: &str| s.extra.iter().any(|e| e.key == k);
        let mut found: Vec<(Origin, &str, String)> = Vec::new();
        if let Some(at) = headers_key(ws, s).filter(|_| {
            !["http_headers", "env_http_headers", "bearer_token_env_var"]
                .iter()
                .any(|k| has(k))
        }) {
            let keys = codex_headers(s);
            let help = if keys.is_empty() {
                "give Codex its own definition: a `.codex-plugin/plugin.json` whose `mcpServers` names a file written for Codex".to_string()
            } else {
                format!(
                    "add `{keys}` to the same entry (Claude Code ignores keys it does not know), or give Codex its own definition in a `.codex-plugin/plugin.json`"
                )
            };
            found.push((at, "headers", help));
        }
        if let Some(e) = s
            .extra
            .iter()
            .find(|e| e.key == "headersHelper")
            .filter(|_| !has("http_headers_helper"))
        {
            found.push((e.origin, "headersHelper", "add `\"http_headers_helper\"` with the same command to the entry (Claude Code ignores keys it does not know)".to_string()));
        }
        if let Some(tt) = s.tool_timeout.as_ref().filter(|_| !has("tool_timeout_sec")) {
            found.push((
                tt.origin,
                "timeout",
                format!(
                    "add `\"tool_timeout_sec\": {}` to the entry (Codex counts seconds; Claude Code ignores keys it does not know)",
                    (tt.ms as f64 / 1000.0)
                ),
            ));
        }
        for (at, key, help) in found {
            let Some(p) = t.via else { continue };
            cx.report(
                Diagnostic::new(
                    META.code,
                    META.severity,
                    at,
                    format!(
                        "Codex ignores `{key}` of MCP server `{}` when it loads this plugin",
                        s.name.value
                    ),
                )
                .with_label(format!("Claude Code's spelling; Codex drops `{key}`"))
                .with_secondary(plugin_anchor(p), via_phrase(t))
                .with_note("Codex reads a plugin's `.mcp.json` with its own keys: it drops `type` and silently ignores the keys it does not know")
                .with_help(help),
            );
        }
    }

    /// Top-level keys of Codex config files.
    fn codex_config(&self, ws: &Workspace, cx: &mut LintContext<'_>) {
        for st in ws
            .model
            .settings
            .iter()
            .filter(|s| s.vendor == Vendor::Codex)
        {
            for e in &st.other {
                let k = e.key.as_str();
                // `agents.<scalar>` and `hooks.state` are sub-keys the reader keeps.
                if let Some((top, _)) = k.split_once('.')
                    && matches!(top, "agents" | "hooks")
                {
                    continue;
                }
                if st.scope == Scope::Project && facts::CODEX_PROJECT_DENYLIST.contains(&k) {
                    cx.report(
                        Diagnostic::new(
                            META.code,
                            META.severity,
                            e.origin,
                            format!(
                                "Codex removes `{k}` from project config; it only works in ~/.codex/config.toml"
                            ),
                        )
                        .with_label(format!("ignored in `{}`", st.path))
                        .with_note("Codex warns \"Ignored unsupported project-local config keys\" at start-up and runs without the setting")
                        .with_help(format!("move `{k}` to ~/.codex/config.toml: a project cannot set it")),
                    );
                } else if !known_top(k) {
                    cx.report(
                        Diagnostic::new(
                            META.code,
                            META.severity,
                            e.origin,
                            format!("Codex ignores unknown key `{k}` in `{}`", st.path),
                        )
                        .with_label("not a Codex setting")
                        .with_note("Codex loads the file and silently drops top-level keys it does not know (only `codex doctor` and `--strict-config` mention them)")
                        .with_help(codex_top_spelling(k)),
                    );
                }
            }
        }
    }

    /// Hook events Claude Code or Codex never fires.
    fn hook_events(&self, ws: &Workspace, cx: &mut LintContext<'_>) {
        let mut seen: HashSet<Origin> = HashSet::new();
        for h in &ws.model.hooks {
            let v = h.vendor;
            if v == Vendor::Gemini || facts::hook_events(v).contains(&h.event.value.as_str()) {
                continue;
            }
            if !seen.insert(h.event.origin) {
                continue;
            }
            let name = &h.event.value;
            let (message, note) = match v {
                Vendor::Claude => (
                    format!("Claude Code ignores hook event `{name}`, so these hooks never run"),
                    "Claude Code warns that the event \"was ignored\" and loads the other hooks",
                ),
                _ => (
                    format!("Codex never fires hook event `{name}`, so these hooks never run"),
                    "Codex accepts unknown event names without a word",
                ),
            };
            cx.report(
                Diagnostic::new(META.code, META.severity, h.event.origin, message)
                    .with_label(format!("not a {} hook event", v.display_name()))
                    .with_note(note)
                    .with_help(event_hint(v, name)),
            );
        }
    }

    /// Keys of Claude's settings.json that Claude reads from another file.
    fn claude_settings(&self, ws: &Workspace, cx: &mut LintContext<'_>) {
        for st in ws
            .model
            .settings
            .iter()
            .filter(|s| s.vendor == Vendor::Claude)
        {
            let Some(e) = st.other.iter().find(|e| e.key == "mcpServers") else {
                continue;
            };
            let names: Vec<String> = e
                .value
                .as_object()
                .map(|o| o.keys().map(|k| format!("`{k}`")).collect())
                .unwrap_or_default();
            let (file, label) = match st.scope {
                Scope::User => ("~/.claude.json", "user servers belong in ~/.claude.json"),
                _ => (".mcp.json", "project servers belong in `.mcp.json`"),
            };
            let what = match names.split_last() {
                None => "these servers".to_string(),
                Some((last, [])) => last.clone(),
                Some((last, rest)) => format!("{} and {last}", rest.join(", ")),
            };
            cx.report(
                Diagnostic::new(
                    META.code,
                    META.severity,
                    e.origin,
                    format!(
                        "Claude Code does not read MCP servers from `{}`, so it never starts {what}",
                        st.path
                    ),
                )
                .with_label(label)
                .with_note("settings.json only enables or disables servers (`enabledMcpjsonServers`, `enableAllProjectMcpServers`); the servers themselves are read from `.mcp.json` and ~/.claude.json")
                .with_help(format!("move the `mcpServers` object to `{file}`")),
            );
        }
    }
}

impl Rule for IgnoredKey {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ws: &Workspace, cx: &mut LintContext<'_>) {
        for s in &ws.model.mcp_servers {
            match s.vendor {
                Vendor::Codex => self.codex_server(s, cx),
                Vendor::Claude if matches!(s.scope, Scope::Plugin(_)) => {
                    self.codex_loaded_claude_server(ws, s, cx);
                }
                _ => {}
            }
        }
        self.codex_config(ws, cx);
        self.hook_events(ws, cx);
        self.claude_settings(ws, cx);
    }
}

/// The rule's documentation (`aios-port explain`).
const DOC: &str = r#"## What it does
Reports settings a vendor accepts without an error and then ignores:

- Codex `[mcp_servers.X]` keys it does not know: the Claude and Gemini spellings `type`,
  `headers`, `timeout`, `trust`, `description`, `includeTools`, ... (the help names the Codex key:
  `http_headers` / `env_http_headers` / `bearer_token_env_var`, `tool_timeout_sec`,
  `enabled_tools`, ...);
- in a Claude plugin's `.mcp.json` that Codex loads (the plugin has no
  `.codex-plugin/plugin.json`): `headers`, `headersHelper` and `timeout`, which Codex drops;
- top-level keys of `.codex/config.toml` that Codex removes from project config (`notify`,
  `profiles`, `model_provider`, ...: they only work in ~/.codex/config.toml) or does not know
  at all;
- hook events Claude Code ignores ("was ignored") or Codex accepts and never fires
  (`Notification`, `PreCommit`, ...);
- `mcpServers` in Claude's `settings.json`, which Claude Code never reads servers from.

Only keys the pinned clients are known to drop are reported; keys a newer Codex reads are not.
Keys a vendor rejects with an error are reported when the file is read (AP003).

## Why is this bad?
The file looks configured, but the setting has no effect: an MCP server without its
`Authorization` header, a notifier that never runs, a guard-rail hook on an event that never
fires. Nothing warns at run time.

## Example
```toml .codex/config.toml
notify = ["notify-send", "Codex"]

[mcp_servers.api]
url = "https://api.example.com/mcp"
headers = { Authorization = "Bearer token-from-env" }
timeout = 30000
```
Use instead:
```toml .codex/config.toml
[mcp_servers.api]
url = "https://api.example.com/mcp"
bearer_token_env_var = "API_TOKEN"
tool_timeout_sec = 30
```

## How to fix
Use the vendor's own key (the help of each finding names it), move user-only settings to
~/.codex/config.toml, and rename hook events to ones the vendor fires. `aios-port sync` writes
the right spelling for every vendor.

## References
- https://developers.openai.com/codex/config-reference
- https://developers.openai.com/codex/mcp
- https://code.claude.com/docs/en/hooks
- https://code.claude.com/docs/en/mcp
"#;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spellings() {
        assert_eq!(snake("bearerTokenEnvVar"), "bearer_token_env_var");
        assert_eq!(
            codex_top_spelling("projectDocMaxBytes"),
            "write it in snake_case: `project_doc_max_bytes`"
        );
        assert!(codex_top_spelling("mcpServers").contains("[mcp_servers.<name>]"));
        assert!(known_top("notify"));
        assert!(known_top("model_supports_reasoning_summaries"));
        assert!(!known_top("persistent_instructions"));
    }

    #[test]
    fn codex_spelling_of_claude_headers() {
        let t = tempfile::tempdir().expect("tempdir");
        std::fs::write(
            t.path().join(".mcp.json"),
            r#"{"mcpServers": {"api": {"type": "http", "url": "https://x.example/mcp",
                "headers": {"Authorization": "Bearer ${T}", "X-Key": "${K}", "X-Team": "t",
                            "X-Mixed": "a-${B}"}}}}"#,
        )
        .expect("write");
        let ws = crate::workspace::Workspace::load(t.path(), &Default::default()).expect("loads");
        let s = &ws.model.mcp_servers[0];
        assert_eq!(
            codex_headers(s),
            r#""bearer_token_env_var": "T", "env_http_headers": {"X-Key": "K"}, "http_headers": {"X-Team": …}"#
        );
        let at = headers_key(&ws, s).expect("headers");
        assert_eq!(ws.sources.get(at.file).slice(&at), "\"headers\"");
    }

    #[test]
    fn event_hints() {
        assert_eq!(
            event_hint(Vendor::Claude, "subagentStop"),
            "event names are case-sensitive: write `SubagentStop`"
        );
        assert_eq!(
            event_hint(Vendor::Codex, "BeforeTool"),
            "`BeforeTool` is Gemini CLI's name; Codex calls it `PreToolUse`"
        );
        assert!(
            event_hint(Vendor::Codex, "Notification")
                .starts_with("`Notification` is a Claude Code event")
        );
        assert!(event_hint(Vendor::Codex, "PreCommit").starts_with("Codex fires PreToolUse"));
    }
}
