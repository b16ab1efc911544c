//! OpenAI Codex: `.codex/config.toml` (settings, permissions, `[mcp_servers.*]`, inline
//! `[hooks]`, `[agents.*]` roles), `.codex/hooks.json`, `.codex/agents/**/*.toml` role files,
//! the AGENTS.md chain (override, main, fallback names) and the Codex skill roots
//! (`.codex/skills`, `.agents/skills` in every directory); with `--user`, the same under `~`.
//!
//! Facts follow Codex 0.169 (REAL-CLIENTS.md §2.1), several re-verified against the real binary:
//! Codex *refuses to load* a config.toml with a server on the wrong transport or an invalid
//! enum value, *skips* a whole hooks.json that does not deserialize, and *ignores* an agent
//! role file with an unknown key, a missing `name` (when discovered) or missing
//! `developer_instructions`. Keys it silently ignores are kept in `extra` and left to `check`.

use std::path::PathBuf;

use crate::diagnostic::{Diagnostic, Severity, codes};
use crate::model::hooks::{HookHandlerType, Timeout, TimeoutUnit};
use crate::model::{
    Agent, EnvValue, InstructionRole, McpServer, Permissions, Scope, Transport, VendorSettings,
};
use crate::read::tree::{Entry, Extra, Fields, Node, NodeKind};
use crate::read::{LoadCx, hooks, join, normalize, parent, skills};
use crate::source::{Origin, Spanned};
use crate::vendor::{Vendor, VendorSet};

/// The vendor this module reads.
const V: Vendor = Vendor::Codex;

/// Reads the Codex files of the workspace (and of `~` with `--user`).
pub(crate) fn read(cx: &mut LoadCx) {
    let project = Scope::Project;
    let project_cfg = layer(cx, ".codex", &project);
    let user_cfg = if cx.home.is_some() {
        Some(layer(cx, "~/.codex", &Scope::User))
    } else {
        None
    };
    // The project layer's list replaces the user layer's.
    let fallbacks = project_cfg
        .fallbacks
        .or_else(|| user_cfg.and_then(|u| u.fallbacks))
        .unwrap_or_default();
    if cx.home.is_some() {
        global_instructions(cx);
    }
    instructions(cx, &fallbacks);
    skill_roots(cx);
}

/// What the rest of the reader needs to know about one config layer.
struct LayerInfo {
    /// `project_doc_fallback_filenames`, when set.
    fallbacks: Option<Vec<String>>,
}

/// Reads one config layer: `<dir>/config.toml`, `<dir>/hooks.json` and `<dir>/agents/`.
fn layer(cx: &mut LoadCx, dir: &str, scope: &Scope) -> LayerInfo {
    let config_path = join(dir, "config.toml");
    let cfg = config(cx, &config_path, dir, scope);
    let hooks_table = cfg.as_ref().and_then(|c| c.hooks_table);
    hooks_json(
        cx,
        &join(dir, "hooks.json"),
        &config_path,
        hooks_table,
        scope,
    );
    let declared = cfg
        .as_ref()
        .map(|c| c.declared_files.clone())
        .unwrap_or_default();
    let mut names = cfg
        .as_ref()
        .map(|c| c.role_names.clone())
        .unwrap_or_default();
    agents_dir(cx, &join(dir, "agents"), scope, &declared, &mut names);
    LayerInfo {
        fallbacks: cfg.and_then(|c| c.fallbacks),
    }
}

/// What reading a config.toml found that other parts of the layer depend on.
struct ConfigInfo {
    /// `project_doc_fallback_filenames` (bare names only), when set.
    fallbacks: Option<Vec<String>>,
    /// Where the `hooks` key is written, when the file has inline hooks.
    hooks_table: Option<Origin>,
    /// Role files named by `[agents.*] config_file` (not discovered again).
    declared_files: Vec<String>,
    /// Role names declared in the file, for duplicate detection.
    role_names: Vec<String>,
}

/// Top-level keys modelled elsewhere (everything else is kept in `other`).
const CONFIG_KEYS: &[&str] = &[
    "model",
    "project_doc_max_bytes",
    "project_doc_fallback_filenames",
    "approval_policy",
    "sandbox_mode",
    "mcp_servers",
    "hooks",
    "agents",
];

/// Reads one config.toml (`dir` is its layer directory, for relative `config_file` paths):
/// settings, permissions, servers, inline hooks and declared agent roles.
fn config(cx: &mut LoadCx, path: &str, dir: &str, scope: &Scope) -> Option<ConfigInfo> {
    let (file, root) = cx.toml(path)?;
    let whole = Origin::new(file.id, 0..cx.text(file.id).len());
    let mut f = Fields::new(&root, format!("`{path}`"), &mut cx.diags);
    let model = f.str("model");
    let max_bytes = root.get("project_doc_max_bytes");
    let fallbacks = f.str_list("project_doc_fallback_filenames");
    let approval = root.get("approval_policy");
    let sandbox = f.str("sandbox_mode");
    let mut other = f.extras(CONFIG_KEYS);
    drop(f);

    let project_doc_max_bytes = max_bytes.and_then(|n| {
        let v = n.as_f64().filter(|v| *v >= 0.0 && v.fract() == 0.0);
        if v.is_none() {
            refuse(
                cx,
                n.origin,
                format!(
                    "`project_doc_max_bytes` must be a non-negative integer, found {}",
                    describe(n)
                ),
                path,
                "write a byte count such as `32768` (0 turns project docs off)",
            );
        }
        // The value is a checked non-negative integer; `as` saturates beyond u64::MAX.
        v.map(|v| Spanned::new(v as u64, n.origin))
    });
    let fallback_names = fallbacks.clone().unwrap_or_default();
    for name in &fallback_names {
        if name.value.contains('/') || name.value.contains('\\') {
            cx.report(
                Diagnostic::new(
                    codes::SCHEMA_VIOLATION,
                    Severity::Warning,
                    name.origin,
                    format!(
                        "`project_doc_fallback_filenames` entry \"{}\" is not a bare file name; Codex ignores it",
                        name.value
                    ),
                )
                .with_label("a path, not a file name")
                .with_help("list file names only (e.g. \"CLAUDE.md\"); Codex looks for them in every directory of the chain"),
            );
        }
    }
    let approval_policy = approval.and_then(|a| approval_policy(cx, a, path));
    if let Some(s) = &sandbox
        && !SANDBOX_MODES.contains(&s.value.as_str())
    {
        refuse(
            cx,
            s.origin,
            format!(
                "unknown `sandbox_mode` \"{}\", expected one of {}",
                s.value,
                SANDBOX_MODES.join(", ")
            ),
            path,
            "use read-only, workspace-write or danger-full-access",
        );
    }

    let agents_node = root.get("agents");
    if let Some(a) = agents_node {
        other.extend(agent_scalars(cx, a, path));
    }
    // Hook trust state (`[hooks.state."<key>"]`, written by Codex) is not an event.
    if let Some(state) = root.get("hooks").and_then(|h| h.entry("state")) {
        other.push(Extra {
            key: "hooks.state".to_string(),
            value: state.value.to_json(),
            origin: state.key.origin,
        });
    }
    cx.model.settings.push(VendorSettings {
        vendor: V,
        scope: scope.clone(),
        path: path.to_string(),
        instruction_file_names: fallback_names.clone(),
        project_doc_max_bytes,
        model,
        other,
        origin: whole,
    });
    if approval_policy.is_some() || sandbox.is_some() {
        cx.model.permissions.push(Permissions {
            vendor: V,
            scope: scope.clone(),
            path: path.to_string(),
            default_mode: None,
            approval_policy,
            sandbox_mode: sandbox,
            allow: Vec::new(),
            ask: Vec::new(),
            deny: Vec::new(),
            additional_directories: Vec::new(),
            origin: whole,
        });
    }
    if let Some(servers) = root.get("mcp_servers") {
        server_map(cx, servers, scope, path);
    }
    // Only events count as inline hooks: a `[hooks.state]`-only table (trust records Codex
    // writes) does not make Codex warn about hooks.json (verified).
    let hooks_table = root
        .entry("hooks")
        .filter(|e| {
            e.value
                .entries()
                .is_some_and(|es| es.iter().any(|x| x.key.value != "state"))
        })
        .map(|e| e.key.origin);
    if let Some(h) = root.get("hooks") {
        let at = format!("`{path}`");
        codex_events(cx, h, scope, &at, true);
    }
    let mut declared_files = Vec::new();
    let mut role_names = Vec::new();
    if let Some(a) = agents_node {
        declared_roles(
            cx,
            a,
            path,
            dir,
            scope,
            &mut declared_files,
            &mut role_names,
        );
    }
    Some(ConfigInfo {
        fallbacks: fallbacks.map(|l| {
            l.into_iter()
                .map(|s| s.value)
                .filter(|n| !n.is_empty() && !n.contains('/') && !n.contains('\\'))
                .collect()
        }),
        hooks_table,
        declared_files,
        role_names,
    })
}

/// `approval_policy` values Codex 0.169 accepts as strings.
const APPROVAL_POLICIES: &[&str] = &["untrusted", "on-failure", "on-request", "never"];
/// `sandbox_mode` values.
const SANDBOX_MODES: &[&str] = &["read-only", "workspace-write", "danger-full-access"];

/// `approval_policy`: a string, or `{ granular = { ... } }` kept as compact JSON text.
fn approval_policy(cx: &mut LoadCx, a: &Node, path: &str) -> Option<Spanned<String>> {
    match &a.kind {
        NodeKind::Str(s) => {
            // Codex 0.169: "`approval_policy = \"untrusted\"` is no longer supported; remove this
            // setting" (a load error, verified with the pinned client).
            if s == "untrusted" {
                refuse(
                    cx,
                    a.origin,
                    "`approval_policy = \"untrusted\"` is no longer supported by Codex".to_string(),
                    path,
                    "use \"on-request\" with `sandbox_mode = \"read-only\"` for the closest behaviour",
                );
            } else if !APPROVAL_POLICIES.contains(&s.as_str()) {
                refuse(
                    cx,
                    a.origin,
                    format!(
                        "unknown `approval_policy` \"{s}\", expected one of {}, or a `granular` table",
                        APPROVAL_POLICIES.join(", ")
                    ),
                    path,
                    "use on-request or never (`on-failure` is deprecated)",
                );
            }
            Some(Spanned::new(s.clone(), a.origin))
        }
        NodeKind::Table(entries) => {
            if let Some(bad) = entries.iter().find(|e| e.key.value != "granular") {
                refuse(
                    cx,
                    bad.key.origin,
                    format!(
                        "unknown `approval_policy` variant `{}`; the only table form is `{{ granular = {{ ... }} }}`",
                        bad.key.value
                    ),
                    path,
                    "the older `reject` table became `granular` (with inverted booleans)",
                );
            }
            Some(Spanned::new(a.to_json().to_string(), a.origin))
        }
        _ => {
            refuse(
                cx,
                a.origin,
                format!(
                    "`approval_policy` must be a string or a table, found {}",
                    a.type_name()
                ),
                path,
                "write e.g. `approval_policy = \"on-request\"`",
            );
            None
        }
    }
}

/// Scalar keys Codex 0.169 accepts directly under `[agents]` (verified; every other key must
/// be a role table).
const AGENTS_SCALARS: &[&str] = &[
    "enabled",
    "max_threads",
    "max_concurrent_threads_per_session",
    "max_depth",
    "job_max_runtime_seconds",
    "interrupt_message",
];

/// The non-table keys of `[agents]`, as `agents.<key>` settings.
fn agent_scalars(cx: &mut LoadCx, agents: &Node, path: &str) -> Vec<Extra> {
    let Some(entries) = agents.entries() else {
        refuse(
            cx,
            agents.origin,
            format!("`agents` must be a table, found {}", agents.type_name()),
            path,
            "write `[agents.<name>]` tables (and `max_threads` / `max_depth`)",
        );
        return Vec::new();
    };
    let mut out = Vec::new();
    for e in entries {
        if e.value.entries().is_some() {
            continue;
        }
        if !AGENTS_SCALARS.contains(&e.key.value.as_str()) {
            refuse(
                cx,
                e.key.origin,
                format!(
                    "`agents.{}` is neither an agent role table nor a known `[agents]` setting (\"expected struct AgentRoleToml\")",
                    e.key.value
                ),
                path,
                &format!(
                    "the `[agents]` settings are {}; put role settings in an `[agents.<role>]` table",
                    AGENTS_SCALARS.join(", ")
                ),
            );
        }
        out.push(Extra {
            key: format!("agents.{}", e.key.value),
            value: e.value.to_json(),
            origin: e.key.origin,
        });
    }
    out
}

/// Reports that Codex refuses to load the file `path` because of the value at `origin`.
fn refuse(cx: &mut LoadCx, origin: Origin, what: String, path: &str, help: &str) {
    cx.report(
        Diagnostic::new(
            codes::SCHEMA_VIOLATION,
            Severity::Error,
            origin,
            format!("{what}; Codex refuses to load `{path}`"),
        )
        .with_help(help.to_string()),
    );
}

/// A short description of a node for messages.
fn describe(n: &Node) -> String {
    match &n.kind {
        NodeKind::Number(s) => s.clone(),
        _ => n.type_name().to_string(),
    }
}

// ---------------------------------------------------------------------------------------
// MCP servers

/// Server keys modelled on [`McpServer`] (every other key is kept in `extra`).
const SERVER_KEYS: &[&str] = &[
    "command",
    "args",
    "env",
    "env_vars",
    "cwd",
    "url",
    "bearer_token_env_var",
    "http_headers",
    "env_http_headers",
    "startup_timeout_sec",
    "tool_timeout_sec",
    "enabled",
    "required",
    "enabled_tools",
    "disabled_tools",
    "oauth",
];
/// Keys that make Codex reject a streamable HTTP server.
const STDIO_ONLY: &[&str] = &["args", "env", "env_vars", "cwd"];
/// Keys that make Codex reject a stdio server.
const HTTP_ONLY: &[&str] = &[
    "bearer_token_env_var",
    "http_headers",
    "env_http_headers",
    "http_headers_helper",
    "oauth",
    "oauth_resource",
    "auth",
];

/// Reads `[mcp_servers]` (or a Codex plugin's MCP file's server map): a table of server name
/// to server table. `path` names the file Codex would refuse to load on a bad entry.
pub(crate) fn server_map(cx: &mut LoadCx, map: &Node, scope: &Scope, path: &str) {
    let Some(entries) = map.entries() else {
        refuse(
            cx,
            map.origin,
            format!("`mcp_servers` must be a table, found {}", map.type_name()),
            path,
            "write each server as `[mcp_servers.<name>]`",
        );
        return;
    };
    for e in entries {
        if let Some(s) = server(cx, &e.key, &e.value, scope, path) {
            cx.model.mcp_servers.push(s);
        }
    }
}

/// Reads one `[mcp_servers.<name>]` table; the transport is inferred from `command` / `url`.
fn server(
    cx: &mut LoadCx,
    name: &Spanned<String>,
    node: &Node,
    scope: &Scope,
    path: &str,
) -> Option<McpServer> {
    if node.entries().is_none() {
        refuse(
            cx,
            node.origin,
            format!(
                "MCP server `{}` must be a table, found {}",
                name.value,
                node.type_name()
            ),
            path,
            "write the server as `[mcp_servers.<name>]` with `command = ...` or `url = ...`",
        );
        return None;
    }
    let what = format!("MCP server `{}`", name.value);
    let mut f = Fields::new(node, what.clone(), &mut cx.diags);
    let command = f.str("command");
    let args = f.str_list("args").unwrap_or_default();
    let cwd = f.str("cwd");
    let url = f.str("url");
    let bearer = f.str("bearer_token_env_var");
    let startup_sec = f.number("startup_timeout_sec");
    let startup_ms = if startup_sec.is_none() {
        f.number("startup_timeout_ms")
    } else {
        None
    };
    let tool_timeout = f.number("tool_timeout_sec");
    let enabled = f.bool("enabled");
    let required = f.bool("required");
    let include_tools = f.str_list("enabled_tools");
    let exclude_tools = f.str_list("disabled_tools");
    let oauth = f
        .table("oauth")
        .map(|o| Spanned::new(o.to_json(), o.origin));
    let mut known: Vec<&str> = SERVER_KEYS.to_vec();
    if startup_ms.is_some() {
        known.push("startup_timeout_ms");
    }
    let mut extra = f.extras(&known);
    drop(f);
    let env = strict_str_map(cx, node, "env", &what);
    let headers = strict_str_map(cx, node, "http_headers", &what);
    let env_http_headers = strict_str_map(cx, node, "env_http_headers", &what);
    let env_vars = env_vars(cx, node, &what, &mut extra);

    let key_origin = |k: &str| node.entry(k).map(|e| e.key.origin);
    let transport = match (key_origin("command"), key_origin("url")) {
        (Some(c), Some(u)) => {
            cx.report(
                Diagnostic::new(
                    codes::SCHEMA_VIOLATION,
                    Severity::Error,
                    u,
                    format!(
                        "{what} has both `command` and `url`; Codex refuses to load `{path}` (\"url is not supported for stdio\")"
                    ),
                )
                .with_label("`url` on a stdio server")
                .with_secondary(c, "`command` makes it a stdio server")
                .with_help("keep `command` for a local server or `url` for a streamable HTTP one, not both"),
            );
            Spanned::new(Transport::Stdio, c)
        }
        (Some(c), None) => Spanned::new(Transport::Stdio, c),
        (None, Some(u)) => Spanned::new(Transport::Http, u),
        (None, None) => {
            cx.report(
                Diagnostic::new(
                    codes::SCHEMA_VIOLATION,
                    Severity::Error,
                    name.origin,
                    format!(
                        "{what} has neither `command` nor `url`; Codex refuses to load `{path}` (\"invalid transport\")"
                    ),
                )
                .with_help("add `command = \"...\"` for a local server or `url = \"https://...\"` for a streamable HTTP one (Codex has no `type` key)"),
            );
            Spanned::new(Transport::Unknown("none".to_string()), name.origin)
        }
    };
    let (wrong, transport_name) = match transport.value {
        Transport::Stdio => (HTTP_ONLY, "stdio"),
        Transport::Http => (STDIO_ONLY, "streamable_http"),
        _ => (&[][..], ""),
    };
    for e in node.entries().unwrap_or(&[]) {
        let k = e.key.value.as_str();
        if wrong.contains(&k) {
            let help = if transport.value == Transport::Stdio {
                format!("remove `{k}`: it only applies to servers with a `url`")
            } else {
                format!("remove `{k}`: it only applies to servers started with `command`")
            };
            cx.report(
                Diagnostic::new(
                    codes::SCHEMA_VIOLATION,
                    Severity::Error,
                    e.key.origin,
                    format!(
                        "{what}: {k} is not supported for {transport_name}; Codex refuses to load `{path}`"
                    ),
                )
                .with_label(format!("not a {transport_name} key"))
                .with_help(help),
            );
        }
        if k == "bearer_token" {
            cx.report(
                Diagnostic::new(
                    codes::SCHEMA_VIOLATION,
                    Severity::Error,
                    e.key.origin,
                    format!(
                        "{what} has an inline `bearer_token`; Codex rejects it and refuses to load `{path}`"
                    ),
                )
                .with_label("a token written into the file")
                .with_help("put the token in an environment variable and set `bearer_token_env_var = \"<VAR>\"`; rotate the token if this file was ever committed"),
            );
        }
    }

    let lit = |s: Spanned<String>| Spanned::new(EnvValue::parse(&s.value, V), s.origin);
    let startup_timeout = startup_sec
        .map(|t| Timeout::new(t.value, TimeoutUnit::Seconds, t.origin))
        .or_else(|| startup_ms.map(|t| Timeout::new(t.value, TimeoutUnit::Millis, t.origin)));
    Some(McpServer {
        vendor: V,
        scope: scope.clone(),
        name: name.clone(),
        origin: node.origin,
        transport,
        transport_explicit: false,
        command: command.map(lit),
        args: args.into_iter().map(lit).collect(),
        env: env.into_iter().map(|(k, v)| (k, lit(v))).collect(),
        env_vars,
        cwd: cwd.map(lit),
        url: url.map(lit),
        headers: headers.into_iter().map(|(k, v)| (k, lit(v))).collect(),
        bearer_token_env_var: bearer,
        env_http_headers,
        startup_timeout,
        tool_timeout: tool_timeout.map(|t| Timeout::new(t.value, TimeoutUnit::Seconds, t.origin)),
        enabled,
        required,
        include_tools,
        exclude_tools,
        trust: None,
        oauth,
        extra,
    })
}

/// A table of strings where Codex accepts nothing else (numbers are a load error).
fn strict_str_map(
    cx: &mut LoadCx,
    node: &Node,
    key: &str,
    what: &str,
) -> Vec<(Spanned<String>, Spanned<String>)> {
    let Some(v) = node.get(key) else {
        return Vec::new();
    };
    let mut f = Fields::new(node, what.to_string(), &mut cx.diags);
    let Some(entries) = v.entries() else {
        f.wrong_type(key, v, "a table of strings");
        return Vec::new();
    };
    let mut out = Vec::new();
    for e in entries {
        match e.value.as_str() {
            Some(s) => out.push((e.key.clone(), Spanned::new(s.to_string(), e.value.origin))),
            None => f.wrong_type(&format!("{key}.{}", e.key.value), &e.value, "a string"),
        }
    }
    out
}

/// `env_vars`: names, or `{ name, source = "local" | "remote" }` tables. A non-local source
/// is kept in `extra` (key `env_vars`, the whole table) since the model has no field for it.
fn env_vars(
    cx: &mut LoadCx,
    node: &Node,
    what: &str,
    extra: &mut Vec<Extra>,
) -> Vec<Spanned<String>> {
    let Some(v) = node.get("env_vars") else {
        return Vec::new();
    };
    let Some(items) = v.items() else {
        Fields::new(node, what.to_string(), &mut cx.diags).wrong_type(
            "env_vars",
            v,
            "an array of names",
        );
        return Vec::new();
    };
    let mut out = Vec::new();
    for it in items {
        match &it.kind {
            NodeKind::Str(s) => out.push(Spanned::new(s.clone(), it.origin)),
            NodeKind::Table(entries) => {
                let name = it
                    .get("name")
                    .and_then(|n| n.as_str().map(|s| (s, n.origin)));
                let source = it.get("source");
                let unknown = entries
                    .iter()
                    .find(|e| e.key.value != "name" && e.key.value != "source");
                let bad_source = source.filter(|s| !matches!(s.as_str(), Some("local" | "remote")));
                let problem = if let Some(s) = bad_source {
                    Some((
                        s.origin,
                        format!(
                            "unsupported `env_vars` source {}; expected `local` or `remote`",
                            s.to_json()
                        ),
                    ))
                } else if name.is_none() || unknown.is_some() {
                    Some((
                        unknown.map_or(it.origin, |e| e.key.origin),
                        "an `env_vars` entry must be a name or `{ name = \"VAR\", source = \"local\" | \"remote\" }`".to_string(),
                    ))
                } else {
                    None
                };
                if let Some((origin, msg)) = problem {
                    cx.report(
                        Diagnostic::new(
                            codes::SCHEMA_VIOLATION,
                            Severity::Error,
                            origin,
                            format!("{what}: {msg}; Codex refuses to load the config"),
                        )
                        .with_help("write the variable name as a string, e.g. `env_vars = [\"GITHUB_TOKEN\"]`"),
                    );
                }
                if let Some((n, o)) = name {
                    out.push(Spanned::new(n.to_string(), o));
                }
                if source.and_then(Node::as_str).is_some_and(|s| s != "local") {
                    extra.push(Extra {
                        key: "env_vars".to_string(),
                        value: it.to_json(),
                        origin: it.origin,
                    });
                }
            }
            _ => Fields::new(node, what.to_string(), &mut cx.diags).wrong_type(
                "env_vars",
                it,
                "a name or a `{ name, source }` table",
            ),
        }
    }
    out
}

// ---------------------------------------------------------------------------------------
// Hooks

/// Handler types Codex 0.169 parses (others fail the whole file).
const HANDLER_TYPES: &[&str] = &["command", "mcp_tool", "prompt", "agent"];

/// Reads a Codex hooks event map (`[hooks]` of config.toml when `in_config`, else the `hooks`
/// object of hooks.json) and applies the Codex-only rules on top of the shared reader.
fn codex_events(cx: &mut LoadCx, events: &Node, scope: &Scope, at: &str, in_config: bool) {
    let consequence = if in_config {
        format!("Codex refuses to load {at}")
    } else {
        format!("Codex skips all of {at}")
    };
    let events = without_bare_groups(cx, events);
    let start = cx.model.hooks.len();
    hooks::read_events(cx, V, scope, &events, &["state"]);
    let mut found = Vec::new();
    for h in &cx.model.hooks[start..] {
        match &h.handler_type.value {
            HookHandlerType::Unknown(t) if !HANDLER_TYPES.contains(&t.as_str()) => found.push(
                Diagnostic::new(
                    codes::SCHEMA_VIOLATION,
                    Severity::Error,
                    h.handler_type.origin,
                    format!(
                        "`{}` hook handler has type \"{t}\", which Codex does not know; {consequence}",
                        h.event.value
                    ),
                )
                .with_label("expected command, mcp_tool, prompt or agent")
                .with_help("Codex runs only `command` (and `mcp_tool`) handlers; rewrite it as a command"),
            ),
            HookHandlerType::Http => found.push(
                Diagnostic::new(
                    codes::SCHEMA_VIOLATION,
                    Severity::Error,
                    h.handler_type.origin,
                    format!(
                        "`{}` hook handler has type \"http\", which Codex does not support; {consequence}",
                        h.event.value
                    ),
                )
                .with_label("expected command, mcp_tool, prompt or agent")
                .with_help("call the URL from a `command` handler (e.g. `curl`) instead"),
            ),
            HookHandlerType::Prompt | HookHandlerType::Agent => {
                let t = if h.handler_type.value == HookHandlerType::Prompt {
                    "prompt"
                } else {
                    "agent"
                };
                found.push(
                    Diagnostic::new(
                        codes::SCHEMA_VIOLATION,
                        Severity::Warning,
                        h.handler_type.origin,
                        format!(
                            "Codex skips this `{}` hook: {t} hooks are not supported yet",
                            h.event.value
                        ),
                    )
                    .with_help("use a `command` handler for Codex"),
                );
            }
            _ => {}
        }
        if let Some(t) = &h.timeout
            && (t.raw < 0.0 || t.raw.fract() != 0.0)
        {
            found.push(
                Diagnostic::new(
                    codes::SCHEMA_VIOLATION,
                    Severity::Error,
                    t.origin,
                    format!(
                        "hook `timeout` must be a whole number of seconds, found {}; {consequence}",
                        t.raw
                    ),
                )
                .with_help("write the timeout as an integer number of seconds"),
            );
        }
    }
    for d in found {
        cx.report(d);
    }
}

/// A copy of the event map without matcher groups that lack a `hooks` list: Codex loads such
/// an entry as an empty group (a handler written directly in the event list never runs),
/// which is a warning, not the load error the shared reader reports for other vendors.
fn without_bare_groups(cx: &mut LoadCx, events: &Node) -> Node {
    let NodeKind::Table(entries) = &events.kind else {
        return events.clone();
    };
    let mut kept = Vec::with_capacity(entries.len());
    for e in entries {
        let NodeKind::Array(groups) = &e.value.kind else {
            kept.push(e.clone());
            continue;
        };
        let mut gs = Vec::with_capacity(groups.len());
        for g in groups {
            if g.entries().is_some() && g.get("hooks").is_none() {
                cx.report(
                    Diagnostic::new(
                        codes::SCHEMA_VIOLATION,
                        Severity::Warning,
                        g.origin,
                        format!(
                            "`{}` entry has no `hooks` list; Codex loads it as an empty matcher group and runs nothing",
                            e.key.value
                        ),
                    )
                    .with_label("expected `{\"matcher\": ..., \"hooks\": [ ... ]}`")
                    .with_help("move the handler into `\"hooks\": [ ... ]` inside this object"),
                );
            } else {
                gs.push(g.clone());
            }
        }
        kept.push(Entry {
            key: e.key.clone(),
            value: Node::new(NodeKind::Array(gs), e.value.origin),
        });
    }
    Node::new(NodeKind::Table(kept), events.origin)
}

/// Reads `<layer>/hooks.json` (`{"description"?, "hooks": {...}}`, strict top level).
fn hooks_json(
    cx: &mut LoadCx,
    path: &str,
    config_path: &str,
    hooks_table: Option<Origin>,
    scope: &Scope,
) {
    let Some((file, root)) = cx.json(path) else {
        return;
    };
    let Some(entries) = root.entries() else {
        cx.report(
            Diagnostic::new(
                codes::SCHEMA_VIOLATION,
                Severity::Error,
                root.origin,
                format!(
                    "`{path}` must contain a JSON object, found {}; Codex skips the file",
                    root.type_name()
                ),
            )
            .with_help("write `{ \"hooks\": { \"PreToolUse\": [ ... ] } }`"),
        );
        return;
    };
    let mut skipped = false;
    for e in entries {
        if e.key.value != "description" && e.key.value != "hooks" {
            skipped = true;
            cx.report(
                Diagnostic::new(
                    codes::SCHEMA_VIOLATION,
                    Severity::Error,
                    e.key.origin,
                    format!(
                        "unknown top-level key `{}` in `{path}`; Codex skips the whole file (\"unknown field, expected `description` or `hooks`\")",
                        e.key.value
                    ),
                )
                .with_label("not `description` or `hooks`")
                .with_help("move the event under `\"hooks\": { ... }` or remove the key"),
            );
        }
    }
    let errors_before = count_errors(cx);
    // A non-string description is reported here and, like every error below, skips the file.
    let _ = Fields::new(&root, format!("`{path}`"), &mut cx.diags).str("description");
    if let Some(h) = root.get("hooks") {
        let at = format!("`{path}`");
        codex_events(cx, h, scope, &at, false);
    }
    skipped |= count_errors(cx) > errors_before;
    if let Some(table) = hooks_table
        && !skipped
    {
        cx.report(
            Diagnostic::new(
                codes::SCHEMA_VIOLATION,
                Severity::Warning,
                Origin::file_start(file.id),
                format!(
                    "hooks are configured both in `{path}` and in `[hooks]` of `{config_path}`; Codex loads both and warns"
                ),
            )
            .with_secondary(table, "inline hooks here")
            .with_help("keep the hooks in one place (hooks.json or `[hooks]`) so they are not run twice or edited in one place only"),
        );
    }
}

/// How many error-level findings have been reported so far.
fn count_errors(cx: &LoadCx) -> usize {
    cx.diags
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .count()
}

// ---------------------------------------------------------------------------------------
// Agent roles

/// Role-file keys modelled on [`Agent`].
const ROLE_KEYS: &[&str] = &["name", "description", "model", "developer_instructions"];

/// Keys that are certainly not Codex config keys (verified against Codex 0.169: each makes it
/// ignore the role file with "unknown field"). Mostly Claude and Gemini subagent spellings.
const NOT_CONFIG_KEYS: &[(&str, &str)] = &[
    ("prompt", "put the prompt in `developer_instructions`"),
    (
        "system_prompt",
        "put the prompt in `developer_instructions`",
    ),
    (
        "initialPrompt",
        "put the prompt in `developer_instructions`",
    ),
    ("color", "remove it: Codex roles have no color"),
    ("max_turns", "remove it: Codex roles have no turn limit"),
    ("maxTurns", "remove it: Codex roles have no turn limit"),
    ("turn_limit", "remove it: Codex roles have no turn limit"),
    ("timeout_mins", "remove it: Codex roles have no timeout"),
    ("temperature", "remove it: Codex has no temperature setting"),
    (
        "mcpServers",
        "declare servers as `[mcp_servers.<name>]` tables",
    ),
    (
        "disallowedTools",
        "use `[mcp_servers.<name>] disabled_tools` or `sandbox_mode`",
    ),
    (
        "allowed-tools",
        "use `sandbox_mode` or per-server `enabled_tools`",
    ),
    (
        "allowed_tools",
        "use `sandbox_mode` or per-server `enabled_tools`",
    ),
    ("permissionMode", "use `sandbox_mode` / `approval_policy`"),
    ("effort", "use `model_reasoning_effort`"),
    (
        "isolation",
        "remove it: Codex roles have no isolation setting",
    ),
    ("memory", "remove it: Codex roles have no memory setting"),
    (
        "background",
        "remove it: Codex roles have no background setting",
    ),
    ("kind", "remove it: Codex roles are always local"),
    ("commands", "remove it: not a Codex config key"),
    ("context", "remove it: not a Codex config key"),
    ("subagents", "remove it: not a Codex config key"),
    (
        "persistent_instructions",
        "put the text in `developer_instructions`",
    ),
];

/// Config keys that must be tables in a role file; Claude/Gemini write `tools`/`skills` as lists.
const TABLE_KEYS: &[&str] = &["tools", "skills"];

/// One role file, read.
struct RoleFile {
    /// `name` (non-blank).
    name: Option<Spanned<String>>,
    /// `description`.
    description: Option<Spanned<String>>,
    /// `model`.
    model: Option<Spanned<String>>,
    /// `developer_instructions`.
    instructions: Option<Spanned<String>>,
    /// Every other key (config.toml keys the role overrides, `nickname_candidates`, ...).
    extra: Vec<Extra>,
    /// The whole file.
    origin: Origin,
    /// Codex would ignore the role for a reason already reported.
    rejected: bool,
}

/// Reads a role file. `discovered`: found under `agents/` rather than named by a
/// `config_file` (then `name` and `developer_instructions` are required).
fn role_file(cx: &mut LoadCx, path: &str, discovered: bool) -> Option<RoleFile> {
    let (file, root) = cx.toml(path)?;
    let whole = Origin::new(file.id, 0..cx.text(file.id).len());
    let what = format!("agent role `{path}`");
    let errors_before = count_errors(cx);
    let mut f = Fields::new(&root, what.clone(), &mut cx.diags);
    let name = f.str("name");
    let description = f.str("description");
    let model = f.str("model");
    let instructions = f.str("developer_instructions");
    let nicknames = f.str_list("nickname_candidates");
    let extra = f.extras(ROLE_KEYS);
    drop(f);
    let ignored = |cx: &mut LoadCx, origin: Origin, msg: String, label: &str, help: &str| {
        cx.report(
            Diagnostic::new(
                codes::SCHEMA_VIOLATION,
                Severity::Error,
                origin,
                format!("Codex ignores this agent role: {msg}"),
            )
            .with_label(label.to_string())
            .with_help(help.to_string()),
        );
    };
    for e in root.entries().unwrap_or(&[]) {
        let k = e.key.value.as_str();
        if let Some((_, help)) = NOT_CONFIG_KEYS.iter().find(|(n, _)| *n == k) {
            ignored(
                cx,
                e.key.origin,
                format!("unknown field `{k}` in `{path}`"),
                "not a Codex config key",
                help,
            );
        } else if TABLE_KEYS.contains(&k) && e.value.entries().is_none() {
            ignored(
                cx,
                e.value.origin,
                format!(
                    "`{k}` in `{path}` is the Codex `[{k}]` config table, found {}",
                    e.value.type_name()
                ),
                "a Claude/Gemini-style list",
                "Codex roles have no tool list; restrict the role with `sandbox_mode = \"read-only\"` or per-server `enabled_tools`",
            );
        }
    }
    if discovered && name.as_ref().is_none_or(|n| n.value.trim().is_empty()) {
        ignored(
            cx,
            name.as_ref().map_or(whole, |n| n.origin),
            format!("`{path}` must define a non-empty `name`"),
            "no role name",
            "add `name = \"<role>\"` (a file under agents/ does not take its name from the file name)",
        );
    }
    match &instructions {
        Some(i) if i.value.trim().is_empty() => ignored(
            cx,
            i.origin,
            format!("`developer_instructions` in `{path}` cannot be blank"),
            "blank",
            "write the role's system prompt in `developer_instructions`",
        ),
        None if discovered => ignored(
            cx,
            whole,
            format!("`{path}` must define `developer_instructions`"),
            "no `developer_instructions`",
            "add `developer_instructions = \"\"\"...\"\"\"` with the role's system prompt (Claude's Markdown body)",
        ),
        _ => {}
    }
    if let Some(d) = &description
        && d.value.trim().is_empty()
    {
        ignored(
            cx,
            d.origin,
            format!("`description` in `{path}` cannot be blank"),
            "blank",
            "describe when the role should be used",
        );
    }
    if let Some(n) = &nicknames {
        nickname_problems(
            cx,
            n,
            path,
            root.entry("nickname_candidates").map(|e| e.key.origin),
        );
    }
    Some(RoleFile {
        name: name.filter(|n| !n.value.trim().is_empty()),
        description,
        model,
        instructions,
        extra,
        origin: whole,
        rejected: count_errors(cx) > errors_before,
    })
}

/// Reports `nickname_candidates` Codex rejects (empty, blank, duplicate, bad characters).
fn nickname_problems(cx: &mut LoadCx, names: &[Spanned<String>], path: &str, key: Option<Origin>) {
    let mut problem: Option<(Origin, &str)> = None;
    if names.is_empty() {
        problem = key.map(|k| (k, "must contain at least one name"));
    }
    let mut seen: Vec<&str> = Vec::new();
    for n in names {
        let t = n.value.trim();
        if problem.is_some() {
            break;
        }
        if t.is_empty() {
            problem = Some((n.origin, "cannot contain blank names"));
        } else if seen.contains(&t) {
            problem = Some((n.origin, "cannot contain duplicates"));
        } else if !t
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, ' ' | '-' | '_'))
        {
            problem = Some((
                n.origin,
                "may only contain ASCII letters, digits, spaces, hyphens, and underscores",
            ));
        }
        seen.push(t);
    }
    if let Some((origin, msg)) = problem {
        cx.report(
            Diagnostic::new(
                codes::SCHEMA_VIOLATION,
                Severity::Error,
                origin,
                format!("Codex ignores this agent role: `nickname_candidates` in `{path}` {msg}"),
            )
            .with_help("list distinct plain names such as [\"Atlas\", \"Scout\"]"),
        );
    }
}

/// Reports a role Codex ignores because neither its table nor its file has a description.
fn missing_description(cx: &mut LoadCx, role: &str, origin: Origin) {
    cx.report(
        Diagnostic::new(
            codes::SCHEMA_VIOLATION,
            Severity::Error,
            origin,
            format!("Codex ignores agent role `{role}`: it must define a description"),
        )
        .with_help("add `description = \"<when to use this role>\"`"),
    );
}

/// Reports a role name declared twice in one layer (Codex keeps the first).
fn duplicate_role(cx: &mut LoadCx, role: &str, origin: Origin) {
    cx.report(
        Diagnostic::new(
            codes::SCHEMA_VIOLATION,
            Severity::Error,
            origin,
            format!(
                "duplicate agent role name `{role}` in the same config layer; Codex ignores this one"
            ),
        )
        .with_help("give each role a distinct `name`"),
    );
}

/// `[agents.<name>]` tables: one [`Agent`] each (path: the config file), completed by the role
/// file its `config_file` names.
fn declared_roles(
    cx: &mut LoadCx,
    agents: &Node,
    path: &str,
    dir: &str,
    scope: &Scope,
    declared_files: &mut Vec<String>,
    role_names: &mut Vec<String>,
) {
    for e in agents.entries().unwrap_or(&[]) {
        if e.value.entries().is_none() {
            continue;
        }
        let key = &e.key;
        let t = &e.value;
        let what = format!("agent role `agents.{}`", key.value);
        let mut f = Fields::new(t, what, &mut cx.diags);
        let description = f.str("description");
        let config_file = f.str("config_file");
        let nicknames = f.str_list("nickname_candidates");
        let mut extra = f.extras(&["description"]);
        drop(f);
        if let Some(n) = &nicknames {
            nickname_problems(
                cx,
                n,
                path,
                t.entry("nickname_candidates").map(|e| e.key.origin),
            );
        }
        if let Some(d) = &description
            && d.value.trim().is_empty()
        {
            cx.report(
                Diagnostic::new(
                    codes::SCHEMA_VIOLATION,
                    Severity::Error,
                    d.origin,
                    format!(
                        "Codex ignores agent role `{}`: `description` cannot be blank",
                        key.value
                    ),
                )
                .with_help("describe when the role should be used"),
            );
        }
        let mut file = None;
        if let Some(cf) = &config_file {
            match role_file_path(cx, dir, &cf.value) {
                Some(rel) if cx.is_file(&rel) => {
                    declared_files.push(rel.clone());
                    file = role_file(cx, &rel, false);
                }
                Some(rel) => cx.report(
                    Diagnostic::new(
                        codes::DANGLING_REFERENCE,
                        Severity::Error,
                        cf.origin,
                        format!(
                            "`agents.{}.config_file` points to `{rel}`, which does not exist; Codex ignores the role",
                            key.value
                        ),
                    )
                    .with_label("no such file")
                    .with_help(format!(
                        "create the role file or fix the path (relative to the directory of `{path}`)"
                    )),
                ),
                // Outside the workspace (or home): not read, kept in `extra` as written.
                None => {}
            }
        }
        let (name, desc, model, instructions, rejected) = match file {
            Some(rf) => {
                extra.extend(rf.extra);
                (
                    rf.name.unwrap_or_else(|| key.clone()),
                    rf.description.or(description),
                    rf.model,
                    rf.instructions,
                    rf.rejected,
                )
            }
            None => (key.clone(), description, None, None, false),
        };
        if desc.is_none() && !rejected {
            missing_description(cx, &name.value, key.origin);
        }
        if role_names.contains(&name.value) {
            duplicate_role(cx, &name.value, key.origin);
        } else {
            role_names.push(name.value.clone());
        }
        cx.model.agents.push(Agent {
            vendor: V,
            scope: scope.clone(),
            path: path.to_string(),
            name: Some(name),
            description: desc,
            tools: None,
            model,
            instructions,
            extra,
            origin: t.origin,
        });
    }
}

/// The display path of a `config_file` written in the config of layer `dir` (`.codex` or
/// `~/.codex`). None when it lies outside the workspace / home.
fn role_file_path(cx: &LoadCx, dir: &str, written: &str) -> Option<String> {
    let written = written.replace('\\', "/");
    if let Some(rest) = written.strip_prefix("~/") {
        return cx.home.as_ref().map(|_| format!("~/{rest}"));
    }
    if written.starts_with('/') {
        let abs = PathBuf::from(&written);
        if let Ok(rel) = abs.strip_prefix(&cx.root) {
            return Some(rel.to_string_lossy().replace('\\', "/"));
        }
        let home = cx.home.as_ref()?;
        return abs
            .strip_prefix(home)
            .ok()
            .map(|rel| format!("~/{}", rel.to_string_lossy().replace('\\', "/")));
    }
    match dir.strip_prefix("~/") {
        Some(d) => normalize(d, &written).map(|p| format!("~/{p}")),
        None => normalize(dir, &written),
    }
}

/// Role files under `dir` (recursively): `agents/**/*.toml`, minus the declared ones.
fn agents_dir(
    cx: &mut LoadCx,
    dir: &str,
    scope: &Scope,
    declared: &[String],
    role_names: &mut Vec<String>,
) {
    for path in cx
        .files_below(dir)
        .into_iter()
        .filter(|p| p.ends_with(".toml"))
    {
        if declared.contains(&path) {
            continue;
        }
        let Some(rf) = role_file(cx, &path, true) else {
            continue;
        };
        if let Some(n) = &rf.name
            && !rf.rejected
        {
            if rf.description.is_none() {
                missing_description(cx, &n.value, rf.origin);
            }
            if role_names.contains(&n.value) {
                duplicate_role(cx, &n.value, n.origin);
            } else {
                role_names.push(n.value.clone());
            }
        }
        cx.model.agents.push(Agent {
            vendor: V,
            scope: scope.clone(),
            path,
            name: rf.name,
            description: rf.description,
            tools: None,
            model: rf.model,
            instructions: rf.instructions,
            extra: rf.extra,
            origin: rf.origin,
        });
    }
}

// ---------------------------------------------------------------------------------------
// Instructions and skills

/// Whether something Codex would pick up is at `rel`: a file, or a symlink (even dangling:
/// Codex selects it and then reads nothing; [`LoadCx::read`] reports the dangling link).
fn entry_exists(cx: &LoadCx, rel: &str) -> bool {
    let path = match rel.strip_prefix("~/") {
        Some(r) => match &cx.home {
            Some(h) => h.join(r),
            None => return false,
        },
        None => cx.root.join(rel),
    };
    std::fs::symlink_metadata(path)
        .is_ok_and(|m| m.file_type().is_file() || m.file_type().is_symlink())
}

/// The AGENTS.md chain: per directory (root first, then nested ones in path order) the first
/// of AGENTS.override.md, AGENTS.md and the fallback names that exists.
fn instructions(cx: &mut LoadCx, fallbacks: &[String]) {
    let mut names: Vec<&str> = vec!["AGENTS.override.md", "AGENTS.md"];
    for n in fallbacks {
        if !n.is_empty() && !names.contains(&n.as_str()) {
            names.push(n);
        }
    }
    let mut dirs: Vec<String> = names
        .iter()
        .flat_map(|n| cx.index.named(n).map(|p| parent(p).to_string()))
        .filter(|d| !d.is_empty())
        .collect();
    dirs.sort();
    dirs.dedup();
    dirs.insert(0, String::new());
    for dir in dirs {
        for (i, name) in names.iter().enumerate() {
            let path = join(&dir, name);
            if !entry_exists(cx, &path) {
                continue;
            }
            if dir == ".codex" || dir.ends_with("/.codex") {
                inside_config_dir(cx, &path);
                break;
            }
            let role = match i {
                0 => InstructionRole::Override,
                1 => InstructionRole::Main,
                _ => InstructionRole::Fallback,
            };
            if let Some((f, doc)) = cx.markdown(&path, false) {
                cx.push_instruction(V, &path, &dir, role, f, doc);
            }
            break;
        }
    }
}

/// An instruction file inside a `.codex/` directory: Codex would read it only when started
/// from inside `.codex/` itself, so it is reported rather than modelled as loaded.
fn inside_config_dir(cx: &mut LoadCx, path: &str) {
    let Some(f) = cx.read(path) else {
        return;
    };
    cx.report(
        Diagnostic::new(
            codes::SCHEMA_VIOLATION,
            Severity::Warning,
            Origin::file_start(f.id),
            format!(
                "`{path}` is not loaded by Codex: it reads AGENTS.md from the directories between the project root and the working directory, not from `.codex/`"
            ),
        )
        .with_help("move the text into the root AGENTS.md (or a subdirectory's AGENTS.md); personal rules for every project go in `~/.codex/AGENTS.md`"),
    );
}

/// `~/.codex/AGENTS.override.md`, else `~/.codex/AGENTS.md` (the first that is not empty).
fn global_instructions(cx: &mut LoadCx) {
    for (path, role) in [
        ("~/.codex/AGENTS.override.md", InstructionRole::Override),
        ("~/.codex/AGENTS.md", InstructionRole::Main),
    ] {
        if let Some((f, doc)) = cx.markdown(path, false) {
            if cx.text(f.id).trim().is_empty() {
                continue;
            }
            cx.push_instruction(V, path, "~", role, f, doc);
            return;
        }
    }
}

/// Codex skill roots: `.codex/skills`, `.agents/skills` in every directory (also a root
/// `.agents/skills` that is a symlinked directory); with `--user`, `~/.codex/skills` and
/// `~/.agents/skills`.
fn skill_roots(cx: &mut LoadCx) {
    let only = VendorSet::only(V);
    let project = Scope::Project;
    skills::read_root(cx, ".codex/skills", only, &project);
    let mut roots: Vec<String> = cx
        .index
        .dirs_ending(".agents/skills")
        .map(str::to_string)
        .collect();
    if !roots.iter().any(|r| r == ".agents/skills") && cx.is_dir(".agents/skills") {
        roots.insert(0, ".agents/skills".to_string());
    }
    for r in roots {
        skills::read_root(cx, &r, only, &project);
    }
    if cx.home.is_some() {
        let user = Scope::User;
        skills::read_root(cx, "~/.codex/skills", only, &user);
        skills::read_root(cx, "~/.agents/skills", only, &user);
    }
}

#[cfg(test)]
mod tests {
    use crate::read::testing::{load, write};

    use crate::diagnostic::{Diagnostic, Severity};
    use crate::model::{InstructionRole, Scope, Transport};
    use crate::vendor::Vendor;
    use crate::workspace::{LoadOptions, Workspace};

    fn errors(ws: &Workspace) -> Vec<&Diagnostic> {
        ws.diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .collect()
    }

    fn has(ws: &Workspace, sev: Severity, needle: &str) -> bool {
        ws.diagnostics
            .iter()
            .any(|d| d.severity == sev && d.message.contains(needle))
    }

    /// A symlink loop under the home directory ends the walk (Codex role files and Claude
    /// subagents share the walker) and every real file is read once.
    #[cfg(unix)]
    #[test]
    fn user_agent_dirs_with_symlink_loops_end() {
        let t = tempfile::tempdir().expect("tempdir");
        let (r, home) = (t.path().join("ws"), t.path().join("home"));
        std::fs::create_dir_all(&r).expect("mkdir");
        write(
            &home,
            ".codex/agents/a/reviewer.toml",
            "name = \"reviewer\"\ndescription = \"d\"\ndeveloper_instructions = \"x\"\n",
        );
        write(
            &home,
            ".claude/agents/a/helper.md",
            "---\nname: helper\ndescription: d\n---\nx\n",
        );
        for dir in [".codex/agents/a", ".claude/agents/a"] {
            std::os::unix::fs::symlink("..", home.join(dir).join("up")).expect("symlink");
        }
        let opts = LoadOptions {
            user: true,
            home: Some(home),
        };
        let ws = Workspace::load(&r, &opts).expect("loads");
        let mut names: Vec<(Vendor, &str)> = ws
            .model
            .agents
            .iter()
            .filter_map(|a| Some((a.vendor, a.name.as_ref()?.value.as_str())))
            .collect();
        names.sort();
        assert_eq!(
            names,
            [(Vendor::Claude, "helper"), (Vendor::Codex, "reviewer")]
        );
    }

    #[test]
    fn servers_infer_transport_and_reject_wrong_keys() {
        let t = tempfile::tempdir().expect("tempdir");
        let r = t.path();
        write(
            r,
            ".codex/config.toml",
            r#"
[mcp_servers.local]
command = "npx"
args = ["-y", "pkg"]
env = { TOKEN = "${TOKEN}" }
env_vars = ["A", { name = "B", source = "remote" }, { name = "C", source = "local" }]
startup_timeout_ms = 1500
type = "stdio"

[mcp_servers.remote]
url = "https://x.example/mcp"
bearer_token_env_var = "TOK"
env_http_headers = { "X-Key" = "KEY" }
args = ["nope"]

[mcp_servers.both]
command = "a"
url = "https://b"

[mcp_servers.none]
enabled = false
"#,
        );
        let ws = load(r);
        let s = &ws.model.mcp_servers;
        assert_eq!(s.len(), 4);
        assert_eq!(s[0].transport.value, Transport::Stdio);
        assert!(!s[0].transport_explicit);
        // Codex never interpolates: `${TOKEN}` stays literal.
        assert!(!s[0].env[0].1.value.has_vars());
        let names: Vec<&str> = s[0].env_vars.iter().map(|v| v.value.as_str()).collect();
        assert_eq!(names, ["A", "B", "C"]);
        assert!(s[0].extra.iter().any(|e| e.key == "env_vars"));
        assert!(s[0].extra.iter().any(|e| e.key == "type"));
        assert_eq!(s[0].startup_timeout.as_ref().map(|t| t.ms), Some(1500));
        assert_eq!(s[1].transport.value, Transport::Http);
        assert_eq!(
            s[1].bearer_token_env_var.as_ref().map(|b| b.value.as_str()),
            Some("TOK")
        );
        assert_eq!(s[2].transport.value, Transport::Stdio);
        assert!(matches!(s[3].transport.value, Transport::Unknown(_)));
        assert!(has(
            &ws,
            Severity::Error,
            "args is not supported for streamable_http"
        ));
        assert!(has(&ws, Severity::Error, "has both `command` and `url`"));
        assert!(has(&ws, Severity::Error, "neither `command` nor `url`"));
        // `type` is silently ignored by Codex: no diagnostic at read time.
        assert!(!ws.diagnostics.iter().any(|d| d.message.contains("`type`")));
        assert_eq!(errors(&ws).len(), 3);
    }

    #[test]
    fn settings_permissions_and_agents_scalars() {
        let t = tempfile::tempdir().expect("tempdir");
        let r = t.path();
        write(
            r,
            ".codex/config.toml",
            "model = \"m\"\napproval_policy = { granular = { rules = true } }\nsandbox_mode = \"read-only\"\nproject_doc_max_bytes = 100\nnotify = [\"x\"]\n[agents]\nmax_threads = 2\nbogus = 1\n",
        );
        let ws = load(r);
        let st = &ws.model.settings[0];
        assert_eq!(st.vendor, Vendor::Codex);
        assert_eq!(
            st.project_doc_max_bytes.as_ref().map(|b| b.value),
            Some(100)
        );
        let keys: Vec<&str> = st.other.iter().map(|e| e.key.as_str()).collect();
        assert_eq!(keys, ["notify", "agents.max_threads", "agents.bogus"]);
        let p = &ws.model.permissions[0];
        assert_eq!(
            p.approval_policy.as_ref().map(|a| a.value.as_str()),
            Some(r#"{"granular":{"rules":true}}"#)
        );
        assert!(has(&ws, Severity::Error, "`agents.bogus` is neither"));
        assert_eq!(errors(&ws).len(), 1);
    }

    #[test]
    fn agent_roles_declared_and_discovered() {
        let t = tempfile::tempdir().expect("tempdir");
        let r = t.path();
        write(
            r,
            ".codex/config.toml",
            "[agents.explorer]\ndescription = \"e\"\nconfig_file = \"agents/explorer.toml\"\n",
        );
        // Declared: neither `name` nor `developer_instructions` is required.
        write(
            r,
            ".codex/agents/explorer.toml",
            "model = \"m\"\nsandbox_mode = \"read-only\"",
        );
        write(
            r,
            ".codex/agents/nested/ok.toml",
            "name = \"ok\"\ndescription = \"d\"\ndeveloper_instructions = \"do it\"\ninstructions = \"legacy config key\"\n",
        );
        write(
            r,
            ".codex/agents/noname.toml",
            "description = \"d\"\ndeveloper_instructions = \"x\"\n",
        );
        write(
            r,
            ".codex/agents/claude.toml",
            "name = \"claude\"\ndescription = \"d\"\nprompt = \"p\"\ntools = [\"Read\"]\n",
        );
        let ws = load(r);
        let a = &ws.model.agents;
        assert_eq!(a.len(), 4, "explorer.toml is not read twice");
        assert_eq!(a[0].path, ".codex/config.toml");
        assert_eq!(
            a[0].name.as_ref().map(|n| n.value.as_str()),
            Some("explorer")
        );
        assert_eq!(a[0].model.as_ref().map(|m| m.value.as_str()), Some("m"));
        assert!(a[0].extra.iter().any(|e| e.key == "sandbox_mode"));
        let ok = a.iter().find(|x| x.path.ends_with("ok.toml")).expect("ok");
        assert_eq!(
            ok.instructions.as_ref().map(|i| i.value.as_str()),
            Some("do it")
        );
        assert!(has(&ws, Severity::Error, "must define a non-empty `name`"));
        assert!(has(
            &ws,
            Severity::Error,
            "must define `developer_instructions`"
        ));
        assert!(has(&ws, Severity::Error, "unknown field `prompt`"));
        assert!(has(
            &ws,
            Severity::Error,
            "`tools` in `.codex/agents/claude.toml`"
        ));
        // `instructions` is a real (legacy) config key: accepted by Codex 0.169.
        assert!(
            !ws.diagnostics
                .iter()
                .any(|d| d.message.contains("`instructions`"))
        );
        assert_eq!(errors(&ws).len(), 4);
    }

    #[test]
    fn hooks_json_and_inline_hooks() {
        let t = tempfile::tempdir().expect("tempdir");
        let r = t.path();
        write(
            r,
            ".codex/config.toml",
            "[[hooks.Stop]]\n[[hooks.Stop.hooks]]\ntype = \"command\"\ncommand = \"a\"\ntimeout = 5\n[hooks.state.\"k\"]\nenabled = true\n",
        );
        write(
            r,
            ".codex/hooks.json",
            r#"{"description": "d", "hooks": {"PreToolUse": [
                {"matcher": "Bash", "hooks": [{"type": "command", "command": "b", "timeoutSec": 3}]},
                {"type": "command", "command": "bare"}
            ], "UserPromptSubmit": [{"hooks": [{"type": "prompt", "prompt": "p"}]}]}}"#,
        );
        let ws = load(r);
        let h = &ws.model.hooks;
        assert_eq!(h.len(), 3);
        assert_eq!(h[0].timeout.as_ref().map(|t| t.ms), Some(5000));
        assert_eq!(h[1].timeout.as_ref().map(|t| t.ms), Some(3000));
        assert!(has(&ws, Severity::Warning, "Codex loads both"));
        assert!(has(&ws, Severity::Warning, "no `hooks` list"));
        assert!(has(
            &ws,
            Severity::Warning,
            "prompt hooks are not supported yet"
        ));
        assert!(errors(&ws).is_empty(), "{:?}", errors(&ws));

        write(r, ".codex/hooks.json", r#"{"version": 1, "hooks": {}}"#);
        let ws = load(r);
        assert!(has(&ws, Severity::Error, "unknown top-level key `version`"));
        assert!(!has(&ws, Severity::Warning, "Codex loads both"));

        // Trust records alone are not inline hooks.
        write(
            r,
            ".codex/config.toml",
            "[hooks.state.\"k\"]\nenabled = true\n",
        );
        write(r, ".codex/hooks.json", r#"{"hooks": {}}"#);
        let ws = load(r);
        assert!(ws.diagnostics.is_empty(), "{:?}", ws.diagnostics);
    }

    #[test]
    fn instruction_chain_override_fallback_and_symlink() {
        let t = tempfile::tempdir().expect("tempdir");
        let r = t.path();
        write(
            r,
            ".codex/config.toml",
            "project_doc_fallback_filenames = [\"CLAUDE.md\"]\n",
        );
        write(r, "AGENTS.md", "# root\n");
        write(r, "a/AGENTS.md", "# a\n");
        write(r, "a/AGENTS.override.md", "");
        write(r, "b/CLAUDE.md", "# b\n");
        write(r, "c/CLAUDE.md", "# c\n");
        write(r, ".codex/AGENTS.md", "# not loaded\n");
        std::os::unix::fs::symlink("CLAUDE.md", r.join("c/AGENTS.md")).expect("symlink");
        let ws = load(r);
        let codex: Vec<_> = ws
            .model
            .instructions
            .iter()
            .filter(|i| i.vendor == Vendor::Codex)
            .collect();
        let got: Vec<(&str, &InstructionRole)> =
            codex.iter().map(|i| (i.path.as_str(), &i.role)).collect();
        assert_eq!(
            got,
            [
                ("AGENTS.md", &InstructionRole::Main),
                ("a/AGENTS.override.md", &InstructionRole::Override),
                ("b/CLAUDE.md", &InstructionRole::Fallback),
                ("c/AGENTS.md", &InstructionRole::Main),
            ]
        );
        assert_eq!(codex[3].symlink_to.as_deref(), Some("c/CLAUDE.md"));
        assert!(has(
            &ws,
            Severity::Warning,
            "`.codex/AGENTS.md` is not loaded by Codex"
        ));
    }

    #[test]
    fn skills_roots_including_nested_agents_dirs() {
        let t = tempfile::tempdir().expect("tempdir");
        let r = t.path();
        let skill = |n: &str| format!("---\nname: {n}\ndescription: d\n---\nbody\n");
        write(r, ".codex/skills/a/SKILL.md", &skill("a"));
        write(r, ".agents/skills/b/SKILL.md", &skill("b"));
        write(r, "pkg/.agents/skills/c/SKILL.md", &skill("c"));
        write(r, ".claude/skills/d/SKILL.md", &skill("d"));
        let ws = load(r);
        let mut codex: Vec<&str> = ws
            .model
            .skills
            .iter()
            .filter(|s| s.loaded_by.contains(Vendor::Codex))
            .map(|s| s.path.as_str())
            .collect();
        codex.sort_unstable();
        assert_eq!(
            codex,
            [
                ".agents/skills/b/SKILL.md",
                ".codex/skills/a/SKILL.md",
                "pkg/.agents/skills/c/SKILL.md"
            ]
        );
    }

    #[test]
    fn user_scope() {
        let t = tempfile::tempdir().expect("tempdir");
        let home = tempfile::tempdir().expect("home");
        let h = home.path();
        write(t.path(), "AGENTS.md", "# project\n");
        write(
            h,
            ".codex/config.toml",
            "project_doc_fallback_filenames = [\"CLAUDE.md\"]\n[mcp_servers.u]\ncommand = \"u\"\n[agents.helper]\ndescription = \"h\"\nconfig_file = \"agents/helper.toml\"\n",
        );
        write(
            h,
            ".codex/agents/helper.toml",
            "developer_instructions = \"help\"\n",
        );
        write(h, ".codex/AGENTS.override.md", "  \n");
        write(h, ".codex/AGENTS.md", "# global\n");
        write(
            h,
            ".agents/skills/s/SKILL.md",
            "---\nname: s\ndescription: d\n---\n",
        );
        write(t.path(), "x/CLAUDE.md", "# fallback from the user layer\n");
        let opts = LoadOptions {
            user: true,
            home: Some(h.to_path_buf()),
        };
        let ws = Workspace::load(t.path(), &opts).expect("loads");
        let s = &ws.model.mcp_servers[0];
        assert_eq!(s.scope, Scope::User);
        assert_eq!(
            ws.model.agents[0]
                .instructions
                .as_ref()
                .map(|i| i.value.as_str()),
            Some("help")
        );
        let paths: Vec<&str> = ws
            .model
            .instructions
            .iter()
            .filter(|i| i.vendor == Vendor::Codex)
            .map(|i| i.path.as_str())
            .collect();
        assert_eq!(paths, ["~/.codex/AGENTS.md", "AGENTS.md", "x/CLAUDE.md"]);
        assert!(ws.model.skills.iter().any(|s| s.scope == Scope::User));
        assert!(errors(&ws).is_empty(), "{:?}", errors(&ws));
    }

    #[test]
    fn odd_shapes_do_not_panic() {
        for (path, text) in [
            (
                ".codex/config.toml",
                "mcp_servers = 3\nagents = []\nhooks = \"x\"\napproval_policy = 1\n",
            ),
            (
                ".codex/config.toml",
                "[mcp_servers.a]\ncommand = 1\nenv_vars = [1, {}, {name = 2}]\nenv = [\"x\"]\n",
            ),
            (
                ".codex/config.toml",
                "[agents.x]\nconfig_file = \"../../../../etc/passwd\"\n[agents.y]\nconfig_file = \"/abs/elsewhere.toml\"\nnickname_candidates = []\n",
            ),
            (
                ".codex/config.toml",
                "project_doc_max_bytes = -5\nproject_doc_fallback_filenames = [\"\", \"a/b\", 3]\n",
            ),
            (".codex/hooks.json", "[]"),
            (
                ".codex/hooks.json",
                "{\"hooks\": {\"E\": [1, {\"hooks\": 2}, {\"hooks\": [{\"type\": \"command\", \"command\": \"c\", \"timeout\": 1.5}]}]}}",
            ),
            (
                ".codex/agents/x.toml",
                "name = 1\ndeveloper_instructions = \"  \"\nnickname_candidates = [\"a\", \"a\", \"b!\"]\n",
            ),
        ] {
            let t = tempfile::tempdir().expect("tempdir");
            write(t.path(), path, text);
            let ws = load(t.path());
            assert!(ws.has_errors(), "{path}: {text}");
        }
    }
}
