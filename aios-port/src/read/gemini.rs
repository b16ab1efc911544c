//! Gemini CLI: `.gemini/settings.json` (vendor settings, permissions, `mcpServers`, hooks),
//! the GEMINI.md / `context.fileName` instruction files, `.gemini/commands/**/*.toml`,
//! `.gemini/agents/*.md` subagents and the `.gemini/skills` / `.agents/skills` roots, plus the
//! same files under `~` with `--user`. [`server_map`], [`commands`] and [`agents`] are shared
//! with the extension reader (`gemini-extension.json` and its `commands/`, `agents/` dirs).
//!
//! The facts below were checked against the Gemini CLI 0.61.0 bundle (run, and read) and the
//! `google-gemini/gemini-cli` source; where they differ from the bundled docs, the binary wins.
//!
//! - Settings are parsed as `JSON.parse(stripJsonComments(text))`: comments are fine, but a
//!   trailing comma or a byte-order mark is a fatal load error (Gemini refuses to start), and so
//!   is a root that is not an object. Schema violations (zod) are printed as
//!   `Invalid configuration in <file>` on every start, yet the file is still used as written.
//! - The top level is `.passthrough()`: unknown keys, including dotted ones such as
//!   `"terminal.denyList"`, are silently ignored (Gemini nests settings as objects).
//! - `context.fileName` *adds* names to the default: `"AGENTS.md"` loads AGENTS.md and then
//!   GEMINI.md in every directory (`setGeminiMdFilename` keeps the current names).
//! - At start Gemini loads the context files of the workspace root (and its ancestors up to the
//!   git root); files in subdirectories are loaded just in time when a tool touches the
//!   directory. `<dir>/.gemini/GEMINI.md` is not a context location of a project.
//! - Subagents: `.gemini/agents/*.md` (regular files only, no `_` prefix, not recursive) with a
//!   strict zod frontmatter schema; any violation rejects the file.
//! - Commands: `**/*.toml` (prompt required); `.md` files there are not loaded.
//! - Hooks: only Gemini's 11 event names are used (others are skipped), and a handler without a
//!   `type` of `command` (or the internal `plugin`/`runtime`) is discarded.

use jsonc_parser::errors::ParseErrorKind;
use jsonc_parser::{CollectOptions, ParseOptions};

use crate::diagnostic::{Diagnostic, Severity, codes};
use crate::model::hooks::{Timeout, TimeoutUnit};
use crate::model::{
    Agent, Command, EnvValue, InstructionRole, McpServer, Permissions, Scope, Transport,
    VendorSettings,
};
use crate::read::tree::{Entry, Extra, Fields, Node, NodeKind, split_csv};
use crate::read::{LoadCx, hooks, join, normalize, parent, skills};
use crate::source::{FileId, Origin, Spanned};
use crate::vendor::{Vendor, VendorSet};

/// The vendor this module reads.
const V: Vendor = Vendor::Gemini;

/// The context file name Gemini always loads (`DEFAULT_CONTEXT_FILENAME`).
const DEFAULT_CONTEXT_FILE: &str = "GEMINI.md";

/// Reads the Gemini CLI files of the workspace (and of `~` with `--user`).
pub(crate) fn read(cx: &mut LoadCx) {
    let project = Scope::Project;
    let project_names = settings(cx, ".gemini/settings.json", &project);
    let user_names = if cx.home.is_some() {
        settings(cx, "~/.gemini/settings.json", &Scope::User)
    } else {
        None
    };
    // The workspace file overrides the user file; both add to the default name.
    let names = context_names(project_names.or(user_names));
    instructions(cx, &names);
    commands(cx, ".gemini/commands", &project);
    agents(cx, ".gemini/agents", &project);
    // Only the project root: Gemini reads `<project>/.gemini/skills` and
    // `<project>/.agents/skills` (Storage.getProjectSkillsDir / getProjectAgentSkillsDir);
    // `.gemini` dirs deeper in the tree belong to other projects started there.
    skills::read_root(cx, ".gemini/skills", VendorSet::only(V), &project);
    skills::read_root(cx, ".agents/skills", VendorSet::only(V), &project);
    if cx.home.is_some() {
        let user = Scope::User;
        for name in &names {
            let path = join("~/.gemini", name);
            if let Some((f, doc)) = cx.markdown(&path, false) {
                cx.push_instruction(V, &path, "~", InstructionRole::Main, f, doc);
            }
        }
        skills::read_root(cx, "~/.gemini/skills", VendorSet::only(V), &user);
        skills::read_root(cx, "~/.agents/skills", VendorSet::only(V), &user);
        commands(cx, "~/.gemini/commands", &user);
        agents(cx, "~/.gemini/agents", &user);
    }
}

// ---------------------------------------------------------------------------------------------
// Settings

/// Top-level settings keys of Gemini CLI 0.61 (`SETTINGS_SCHEMA`), plus `$schema`.
const TOP_LEVEL_KEYS: &[&str] = &[
    "$schema",
    "mcpServers",
    "policyPaths",
    "adminPolicyPaths",
    "general",
    "output",
    "ui",
    "ide",
    "privacy",
    "telemetry",
    "billing",
    "model",
    "modelConfigs",
    "agents",
    "context",
    "tools",
    "mcp",
    "useWriteTodos",
    "security",
    "advanced",
    "experimental",
    "extensions",
    "skills",
    "hooksConfig",
    "hooks",
    "contextManagement",
    "admin",
];

/// Top-level keys read into the model, with the sub-keys that are modelled (the rest of the
/// object stays in `other`). `mcpServers` is modelled whole; of `hooks`, everything but
/// [`HOOKS_CONFIG_FIELDS`] is read as hooks.
const MODELLED: &[(&str, &[&str])] = &[
    ("general", &["defaultApprovalMode"]),
    ("tools", &["allowed", "exclude"]),
    ("context", &["fileName"]),
    ("model", &["name"]),
];

/// Hook events Gemini CLI 0.61 runs (`HookEventName`); other names are skipped.
const HOOK_EVENTS: &[&str] = &[
    "BeforeTool",
    "AfterTool",
    "BeforeAgent",
    "Notification",
    "AfterAgent",
    "SessionStart",
    "SessionEnd",
    "PreCompress",
    "BeforeModel",
    "AfterModel",
    "BeforeToolSelection",
];

/// Keys inside `hooks` that Gemini skips as configuration, not events (`HOOKS_CONFIG_FIELDS`).
const HOOKS_CONFIG_FIELDS: &[&str] = &["enabled", "disabled", "notifications"];

/// Reads one settings file; returns `context.fileName` when it is set.
fn settings(cx: &mut LoadCx, path: &str, scope: &Scope) -> Option<Vec<Spanned<String>>> {
    let (file, root) = cx.json(path)?;
    json_quirks(cx, file.id, path);
    if root.entries().is_none() {
        report(
            cx,
            codes::SCHEMA_VIOLATION,
            Severity::Error,
            root.origin,
            format!(
                "`{path}` must contain a JSON object, found {}; Gemini CLI refuses to start (\"Settings file is not a valid JSON object\")",
                root.type_name()
            ),
            "wrap the settings in `{ ... }`",
        );
        return None;
    }
    let whole = Origin::new(file.id, 0..cx.text(file.id).len());
    unknown_top_level(cx, &root, path);

    let mut f = Fields::new(&root, format!("`{path}`"), &mut cx.diags);
    let general = f.table("general");
    let tools = f.table("tools");
    let context = f.table("context");
    drop(f);

    let model = model_name(cx, &root, path);
    let names = context.and_then(|c| file_names(cx, c));
    let other = root
        .entries()
        .unwrap_or(&[])
        .iter()
        .filter(|e| e.key.value != "mcpServers")
        .filter_map(reduced)
        .collect();
    cx.model.settings.push(VendorSettings {
        vendor: V,
        scope: scope.clone(),
        path: path.to_string(),
        instruction_file_names: names.clone().unwrap_or_default(),
        project_doc_max_bytes: None,
        model,
        other,
        origin: whole,
    });

    let default_mode = general.and_then(|g| approval_mode(cx, g));
    let (allow, deny) = match tools {
        Some(t) => {
            let mut f = Fields::new(t, "`tools`", &mut cx.diags);
            (
                f.str_list("allowed").unwrap_or_default(),
                f.str_list("exclude").unwrap_or_default(),
            )
        }
        None => (Vec::new(), Vec::new()),
    };
    if default_mode.is_some() || !allow.is_empty() || !deny.is_empty() {
        cx.model.permissions.push(Permissions {
            vendor: V,
            scope: scope.clone(),
            path: path.to_string(),
            default_mode,
            approval_policy: None,
            sandbox_mode: None,
            allow,
            ask: Vec::new(),
            deny,
            additional_directories: Vec::new(),
            origin: whole,
        });
    }

    if let Some(map) = root.get("mcpServers") {
        server_map(cx, map, scope);
    }
    if let Some(h) = root.get("hooks") {
        check_hooks(cx, h);
        hooks::read_events(cx, V, scope, h, HOOKS_CONFIG_FIELDS);
    }
    names
}

/// What Gemini's `JSON.parse(stripJsonComments(text))` rejects although the JSONC reader
/// accepts it: a byte-order mark and trailing commas.
fn json_quirks(cx: &mut LoadCx, id: FileId, path: &str) {
    if cx.sources.get(id).bom {
        report(
            cx,
            codes::UNPARSEABLE_FILE,
            Severity::Error,
            Origin::file_start(id),
            format!(
                "`{path}` starts with a UTF-8 byte-order mark; Gemini CLI cannot parse it and refuses to start"
            ),
            "save the file as UTF-8 without BOM",
        );
    }
    // Gemini strips comments but rejects trailing commas.
    let options = ParseOptions {
        allow_trailing_commas: false,
        ..crate::read::json::jsonc_options()
    };
    let text = cx.text(id);
    if let Err(e) = jsonc_parser::parse_to_ast(text, &CollectOptions::default(), &options)
        && matches!(e.kind(), ParseErrorKind::TrailingCommasNotAllowed)
    {
        let r = e.range();
        cx.report(
            Diagnostic::new(
                codes::UNPARSEABLE_FILE,
                Severity::Error,
                Origin::new(id, r.start..r.end),
                format!(
                    "`{path}` has a trailing comma; Gemini CLI parses settings with `JSON.parse` (comments allowed, trailing commas not) and refuses to start"
                ),
            )
            .with_label("trailing comma")
            .with_help("delete the comma after the last item"),
        );
    }
}

/// Warns about top-level keys Gemini ignores: dotted keys and unknown keys.
fn unknown_top_level(cx: &mut LoadCx, root: &Node, path: &str) {
    for e in root.entries().unwrap_or(&[]) {
        let key = e.key.value.as_str();
        if TOP_LEVEL_KEYS.contains(&key) {
            continue;
        }
        let d = match key.split_once('.') {
            Some((head, rest)) if !head.is_empty() => {
                let help = if TOP_LEVEL_KEYS.contains(&head) {
                    format!("nest it: `\"{head}\": {{ \"{rest}\": ... }}`")
                } else {
                    format!(
                        "Gemini CLI has no `{head}` settings; remove the key or move it to the tool it is meant for"
                    )
                };
                Diagnostic::new(
                    codes::SCHEMA_VIOLATION,
                    Severity::Warning,
                    e.key.origin,
                    format!(
                        "`{key}` in `{path}` is a dotted key; Gemini CLI reads nested objects, not dotted keys, and silently ignores it"
                    ),
                )
                .with_label("ignored by Gemini CLI")
                .with_help(help)
            }
            _ => Diagnostic::new(
                codes::SCHEMA_VIOLATION,
                Severity::Warning,
                e.key.origin,
                format!("`{key}` in `{path}` is not a Gemini CLI setting; Gemini CLI silently ignores it"),
            )
            .with_label("unknown setting")
            .with_help("remove it, or check the key against Gemini CLI's settings reference"),
        };
        cx.report(d);
    }
}

/// `model.name` (a bare string `model` is the pre-0.x flat layout, which 0.61 ignores).
fn model_name(cx: &mut LoadCx, root: &Node, path: &str) -> Option<Spanned<String>> {
    let m = root.get("model")?;
    match &m.kind {
        NodeKind::Table(_) => Fields::new(m, "`model`", &mut cx.diags).str("name"),
        NodeKind::Str(s) => {
            report(
                cx,
                codes::SCHEMA_VIOLATION,
                Severity::Warning,
                m.origin,
                format!(
                    "`model` in `{path}` is a string; Gemini CLI reads the model from `model.name` and ignores \"{s}\""
                ),
                format!("write `\"model\": {{ \"name\": \"{s}\" }}`"),
            );
            None
        }
        NodeKind::Null => None,
        _ => {
            Fields::new(root, format!("`{path}`"), &mut cx.diags).wrong_type(
                "model",
                m,
                "an object",
            );
            None
        }
    }
}

/// `context.fileName`: a string or a list of strings.
fn file_names(cx: &mut LoadCx, context: &Node) -> Option<Vec<Spanned<String>>> {
    let v = context.get("fileName")?;
    let names = match &v.kind {
        NodeKind::Str(s) => vec![Spanned::new(s.clone(), v.origin)],
        NodeKind::Array(_) => Fields::new(context, "`context`", &mut cx.diags)
            .str_list("fileName")
            .unwrap_or_default(),
        NodeKind::Null => return None,
        _ => {
            Fields::new(context, "`context`", &mut cx.diags).wrong_type(
                "fileName",
                v,
                "a string or an array of strings",
            );
            return None;
        }
    };
    Some(names)
}

/// `general.defaultApprovalMode`, checked against what Gemini CLI 0.61 does with it.
fn approval_mode(cx: &mut LoadCx, general: &Node) -> Option<Spanned<String>> {
    let mode = Fields::new(general, "`general`", &mut cx.diags).str("defaultApprovalMode")?;
    match mode.value.as_str() {
        "default" | "auto_edit" | "plan" => {}
        "yolo" => report(
            cx,
            codes::SCHEMA_VIOLATION,
            Severity::Warning,
            mode.origin,
            "`general.defaultApprovalMode` \"yolo\" is not allowed in settings; Gemini CLI ignores it and starts in \"default\" mode",
            "YOLO can only be chosen on the command line (`--approval-mode yolo`); use \"default\", \"auto_edit\" or \"plan\" here",
        ),
        other => report(
            cx,
            codes::SCHEMA_VIOLATION,
            Severity::Error,
            mode.origin,
            format!(
                "`general.defaultApprovalMode` \"{other}\" is not an approval mode; Gemini CLI refuses to start (\"Invalid approval mode\")"
            ),
            "use \"default\", \"auto_edit\" or \"plan\"",
        ),
    }
    Some(mode)
}

/// The part of a top-level entry that the model does not hold, for `other`.
fn reduced(e: &Entry) -> Option<Extra> {
    let key = e.key.value.as_str();
    let modelled = MODELLED
        .iter()
        .find(|(k, _)| *k == key)
        .map(|(_, subs)| *subs);
    let kept = |sub: &str| match modelled {
        _ if key == "hooks" => HOOKS_CONFIG_FIELDS.contains(&sub),
        Some(subs) => !subs.contains(&sub),
        None => true,
    };
    let value = match (modelled.is_some() || key == "hooks", &e.value.kind) {
        (false, _) => e.value.to_json(),
        (true, NodeKind::Table(entries)) => {
            let rest: serde_json::Map<String, serde_json::Value> = entries
                .iter()
                .filter(|x| kept(&x.key.value))
                .map(|x| (x.key.value.clone(), x.value.to_json()))
                .collect();
            if rest.is_empty() {
                return None;
            }
            serde_json::Value::Object(rest)
        }
        // Not an object: nothing of it was modelled (a type finding was reported).
        (true, _) => e.value.to_json(),
    };
    Some(Extra {
        key: e.key.value.clone(),
        value,
        origin: e.key.origin,
    })
}

/// Claude event names and their Gemini equivalents (`gemini hooks migrate --from-claude`).
const CLAUDE_EVENTS: &[(&str, &str)] = &[
    ("PreToolUse", "BeforeTool"),
    ("PostToolUse", "AfterTool"),
    ("UserPromptSubmit", "BeforeAgent"),
    ("Stop", "AfterAgent"),
    ("SubagentStop", "AfterAgent"),
    ("PreCompact", "PreCompress"),
];

/// What Gemini's hook registry drops beyond the shape [`hooks::read_events`] checks:
/// unknown event names and handlers without a usable `type`.
fn check_hooks(cx: &mut LoadCx, events: &Node) {
    for e in events.entries().unwrap_or(&[]) {
        let name = e.key.value.as_str();
        if HOOKS_CONFIG_FIELDS.contains(&name) {
            continue;
        }
        if !HOOK_EVENTS.contains(&name) {
            let help = match CLAUDE_EVENTS.iter().find(|(c, _)| *c == name) {
                Some((_, g)) => format!("this is a Claude Code event; Gemini CLI calls it `{g}`"),
                None => format!("use one of: {}", HOOK_EVENTS.join(", ")),
            };
            report(
                cx,
                codes::SCHEMA_VIOLATION,
                Severity::Error,
                e.key.origin,
                format!(
                    "Gemini CLI has no hook event `{name}`; it skips these hooks (\"Invalid hook event name\")"
                ),
                help,
            );
            continue;
        }
        let handlers = e
            .value
            .items()
            .unwrap_or(&[])
            .iter()
            .filter_map(|g| g.get("hooks").and_then(Node::items))
            .flatten();
        for h in handlers {
            if h.entries().is_none() {
                continue;
            }
            match h.get("type").map(|t| (t, t.as_str())) {
                None => report(
                    cx,
                    codes::SCHEMA_VIOLATION,
                    Severity::Error,
                    h.origin,
                    format!("`{name}` hook handler has no `type`; Gemini CLI discards it"),
                    "add `\"type\": \"command\"`",
                ),
                Some((_, Some("command" | "plugin" | "runtime"))) => {}
                Some((t, _)) => report(
                    cx,
                    codes::SCHEMA_VIOLATION,
                    Severity::Error,
                    t.origin,
                    format!(
                        "`{name}` hook handler has `type` {}; Gemini CLI runs only \"command\" handlers and discards it",
                        t.to_json()
                    ),
                    "use `\"type\": \"command\"` with a shell `command`",
                ),
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// MCP servers

/// `MCPServerConfig` keys with a model field.
const SERVER_KEYS: &[&str] = &[
    "command",
    "args",
    "env",
    "cwd",
    "url",
    "httpUrl",
    "headers",
    "tcp",
    "type",
    "timeout",
    "trust",
    "includeTools",
    "excludeTools",
    "oauth",
];

/// `MCPServerConfig` keys kept in `extra` (no model field, but valid).
const SERVER_OTHER_KEYS: &[&str] = &[
    "description",
    "extension",
    "authProviderType",
    "targetAudience",
    "targetServiceAccount",
];

/// Reads a Gemini `mcpServers` object (settings.json, gemini-extension.json).
pub(crate) fn server_map(cx: &mut LoadCx, map: &Node, scope: &Scope) {
    let Some(entries) = map.entries() else {
        report(
            cx,
            codes::SCHEMA_VIOLATION,
            Severity::Error,
            map.origin,
            format!("`mcpServers` must be an object, found {}", map.type_name()),
            "write `\"mcpServers\": { \"name\": { ... } }`",
        );
        return;
    };
    for e in entries {
        if let Some(s) = server(cx, &e.key, &e.value, scope) {
            cx.model.mcp_servers.push(s);
        }
    }
}

/// One `mcpServers` entry; None when it is not an object (reported).
fn server(
    cx: &mut LoadCx,
    name: &Spanned<String>,
    node: &Node,
    scope: &Scope,
) -> Option<McpServer> {
    if node.entries().is_none() {
        report(
            cx,
            codes::SCHEMA_VIOLATION,
            Severity::Error,
            node.origin,
            format!(
                "MCP server `{}` must be an object, found {}",
                name.value,
                node.type_name()
            ),
            "write the server as `{ \"command\": ..., \"args\": [...] }` or `{ \"url\": ..., \"type\": \"http\" }`",
        );
        return None;
    }
    let extension = matches!(scope, Scope::Plugin(_));
    let what = format!("MCP server `{}`", name.value);
    let mut f = Fields::new(node, what.clone(), &mut cx.diags);
    let ty = f.str("type");
    let command = f.str("command");
    let args = f.str_list("args").unwrap_or_default();
    let env = f.str_map("env").unwrap_or_default();
    let cwd = f.str("cwd");
    let url = f.str("url");
    let http_url = f.str("httpUrl");
    let tcp = f.str("tcp");
    let headers = f.str_map("headers").unwrap_or_default();
    let trust = f.bool("trust");
    let include_tools = f.str_list("includeTools");
    let exclude_tools = f.str_list("excludeTools");
    let oauth = f
        .table("oauth")
        .map(|o| Spanned::new(o.to_json(), o.origin));
    let mut extra = f.extras(SERVER_KEYS);
    drop(f);
    let timeout = server_timeout(cx, node, &what);
    if timeout.is_none() {
        // An unusable timeout is reported; keep what was written.
        keep_extra(&mut extra, node, "timeout");
    }

    // Keys Gemini does not know: the settings schema is strict (`additionalProperties: false`),
    // so Gemini prints "Invalid configuration ... Unrecognized key(s) in object" on every start,
    // but it still uses the entry as written and ignores the key. Extensions are not validated.
    if !extension {
        for x in extra
            .iter()
            .filter(|x| !SERVER_OTHER_KEYS.contains(&x.key.as_str()))
        {
            let d = Diagnostic::new(
                codes::SCHEMA_VIOLATION,
                Severity::Warning,
                x.origin,
                format!(
                    "{what} has unknown key `{}`: Gemini CLI reports the settings as invalid (\"Unrecognized key(s) in object: '{}'\") on every start and ignores the key",
                    x.key, x.key
                ),
            )
            .with_label("not a Gemini MCP server key")
            .with_help(unknown_server_key_help(&x.key));
            cx.report(d);
        }
    }
    let trust = match trust {
        Some(t) if extension => {
            // filterMcpConfig drops `trust` from extension servers.
            report(
                cx,
                codes::SCHEMA_VIOLATION,
                Severity::Warning,
                t.origin,
                format!("{what}: Gemini CLI drops `trust` from extension MCP servers"),
                "remove `trust`; users can trust the server in their own settings",
            );
            keep_extra(&mut extra, node, "trust");
            None
        }
        t => t,
    };

    let (transport, explicit, url) = transport(
        cx,
        name,
        node,
        &what,
        ty.as_ref(),
        &command,
        url,
        http_url,
        tcp,
        &mut extra,
    );
    if ty.is_some() && !explicit {
        // A `type` that did not choose the transport (reported) is kept as written.
        keep_extra(&mut extra, node, "type");
    }
    let val = |s: Spanned<String>| Spanned::new(EnvValue::parse(&s.value, V), s.origin);
    Some(McpServer {
        vendor: V,
        scope: scope.clone(),
        name: name.clone(),
        origin: node.origin,
        transport,
        transport_explicit: explicit,
        command: command.map(val),
        args: args.into_iter().map(val).collect(),
        env: env.into_iter().map(|(k, v)| (k, val(v))).collect(),
        env_vars: Vec::new(),
        cwd: cwd.map(val),
        url: url.map(val),
        headers: headers.into_iter().map(|(k, v)| (k, val(v))).collect(),
        bearer_token_env_var: None,
        env_http_headers: Vec::new(),
        startup_timeout: None,
        tool_timeout: timeout,
        enabled: None,
        required: None,
        include_tools,
        exclude_tools,
        trust,
        oauth,
        extra,
    })
}

/// Help for a key Gemini does not accept on a server, naming the Gemini spelling when the key
/// comes from another vendor.
fn unknown_server_key_help(key: &str) -> String {
    match key {
        "bearer_token_env_var" => {
            "Gemini has no bearer-token key; write `\"headers\": { \"Authorization\": \"Bearer $TOKEN\" }`".into()
        }
        "env_vars" => "list the variables in `env` instead: `\"env\": { \"NAME\": \"$NAME\" }`".into(),
        "http_headers" | "env_http_headers" => "use `headers` (values may reference `$VAR`)".into(),
        "enabled_tools" => "use `includeTools`".into(),
        "disabled_tools" => "use `excludeTools`".into(),
        "startup_timeout_sec" | "tool_timeout_sec" => "use `timeout` (milliseconds)".into(),
        "disabled" | "enabled" => {
            "Gemini has no per-server switch; use `mcp.excluded` / `mcp.allowed` in settings".into()
        }
        _ => "remove the key; Gemini MCP servers accept command, args, env, cwd, url, httpUrl, headers, tcp, type, timeout, trust, description, includeTools, excludeTools, oauth, authProviderType, targetAudience, targetServiceAccount".into(),
    }
}

/// Moves `key` of `node` into `extra` (a value read but not in effect).
fn keep_extra(extra: &mut Vec<Extra>, node: &Node, key: &str) {
    if let Some(e) = node.entry(key) {
        extra.push(Extra {
            key: key.to_string(),
            value: e.value.to_json(),
            origin: e.key.origin,
        });
    }
}

/// `timeout` in milliseconds; Gemini coerces numeric strings.
fn server_timeout(cx: &mut LoadCx, node: &Node, what: &str) -> Option<Timeout> {
    let v = node.get("timeout")?;
    let ms = match &v.kind {
        NodeKind::Number(_) => v.as_f64(),
        NodeKind::Str(s) => s.trim().parse::<f64>().ok(),
        NodeKind::Null => return None,
        _ => None,
    };
    match ms {
        Some(n) if n.is_finite() => Some(Timeout::new(n, TimeoutUnit::Millis, v.origin)),
        _ => {
            report(
                cx,
                codes::SCHEMA_VIOLATION,
                Severity::Error,
                v.origin,
                format!(
                    "`timeout` of {what} must be a number of milliseconds, found {}; Gemini CLI reports the settings as invalid and cannot use it",
                    v.to_json()
                ),
                "write the timeout in milliseconds, e.g. `\"timeout\": 30000`",
            );
            None
        }
    }
}

/// Picks the transport the way Gemini CLI 0.61 connects (`createTransport`):
/// `httpUrl` (streamable HTTP) > `url` (with `type` "http" or "sse"; without a type Gemini
/// tries streamable HTTP and falls back to SSE when that fails with anything but 401, so the
/// model records `Http`, not explicit) > `command` (stdio). `tcp` is in the schema but has no
/// transport: a server with only `tcp` never starts.
///
/// Returns the transport, whether `type` chose it, and the URL in effect. Keys that are
/// present but not used go to `extra`.
#[allow(clippy::too_many_arguments)]
fn transport(
    cx: &mut LoadCx,
    name: &Spanned<String>,
    node: &Node,
    what: &str,
    ty: Option<&Spanned<String>>,
    command: &Option<Spanned<String>>,
    url: Option<Spanned<String>>,
    http_url: Option<Spanned<String>>,
    tcp: Option<Spanned<String>>,
    extra: &mut Vec<Extra>,
) -> (Spanned<Transport>, bool, Option<Spanned<String>>) {
    let ty_value = ty.map(|t| t.value.as_str());
    if let Some(t) = ty
        && !matches!(t.value.as_str(), "stdio" | "sse" | "http")
    {
        report(
            cx,
            codes::SCHEMA_VIOLATION,
            Severity::Warning,
            t.origin,
            format!(
                "{what} has `type` \"{}\": Gemini CLI reports the settings as invalid (\"Invalid enum value. Expected 'stdio' | 'sse' | 'http'\") and connects by the other keys",
                t.value
            ),
            "use \"http\" (streamable HTTP), \"sse\" or \"stdio\"",
        );
    }
    let used_tcp = http_url.is_none() && url.is_none() && command.is_none();
    if tcp.is_some() && !used_tcp {
        keep_extra(extra, node, "tcp");
    }
    if let Some(h) = http_url {
        if url.is_some() {
            report(
                cx,
                codes::SCHEMA_VIOLATION,
                Severity::Warning,
                h.origin,
                format!(
                    "{what} has both `httpUrl` and `url`; Gemini CLI uses `httpUrl` and ignores `url`"
                ),
                "keep one: `\"url\": ..., \"type\": \"http\"` is the current spelling",
            );
            keep_extra(extra, node, "url");
        }
        return (Spanned::new(Transport::Http, h.origin), false, Some(h));
    }
    if let Some(u) = url {
        let origin = ty.map_or(u.origin, |t| t.origin);
        let (tr, explicit) = match ty_value {
            Some("http") => (Transport::Http, true),
            Some("sse") => (Transport::Sse, true),
            Some("stdio") => {
                report(
                    cx,
                    codes::SCHEMA_VIOLATION,
                    Severity::Warning,
                    origin,
                    format!(
                        "{what} has `type` \"stdio\" and a `url`; Gemini CLI connects to the URL with streamable HTTP"
                    ),
                    "set `type` to \"http\" or \"sse\", or replace `url` with `command`",
                );
                (Transport::Http, false)
            }
            _ => (Transport::Http, false),
        };
        return (Spanned::new(tr, origin), explicit, Some(u));
    }
    if let Some(c) = command {
        if let Some(t) = ty
            && matches!(t.value.as_str(), "http" | "sse")
        {
            report(
                cx,
                codes::SCHEMA_VIOLATION,
                Severity::Warning,
                t.origin,
                format!(
                    "{what} has `type` \"{}\" but no `url`; Gemini CLI runs `command` over stdio",
                    t.value
                ),
                "add the `url`, or set `type` to \"stdio\"",
            );
        }
        let explicit = ty_value == Some("stdio");
        let origin = if explicit {
            ty.map_or(c.origin, |t| t.origin)
        } else {
            c.origin
        };
        return (Spanned::new(Transport::Stdio, origin), explicit, None);
    }
    if let Some(t) = tcp {
        report(
            cx,
            codes::SCHEMA_VIOLATION,
            Severity::Error,
            t.origin,
            format!(
                "{what} has only `tcp`; Gemini CLI has no WebSocket transport and fails to start it (\"missing httpUrl (for Streamable HTTP), url (for SSE), and command (for stdio)\")"
            ),
            "connect with `url` (+ `type`) or `command` instead",
        );
        return (Spanned::new(Transport::Ws, t.origin), false, Some(t));
    }
    report(
        cx,
        codes::SCHEMA_VIOLATION,
        Severity::Error,
        node.origin,
        format!("{what} has no `command`, `url` or `httpUrl`; Gemini CLI cannot start it"),
        "add `\"command\"` (stdio) or `\"url\"` with `\"type\": \"http\"`",
    );
    (Spanned::new(Transport::Stdio, name.origin), false, None)
}

// ---------------------------------------------------------------------------------------------
// Instructions

/// The context file names in effect: the configured ones in order, then `GEMINI.md`, which
/// Gemini keeps whatever `context.fileName` says. Names are trimmed; empty ones are dropped.
fn context_names(configured: Option<Vec<Spanned<String>>>) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    for n in configured.unwrap_or_default() {
        let t = n.value.trim();
        let t = t.strip_prefix("./").unwrap_or(t);
        if !t.is_empty() && !names.iter().any(|x| x == t) {
            names.push(t.to_string());
        }
    }
    if !names.iter().any(|x| x == DEFAULT_CONTEXT_FILE) {
        names.push(DEFAULT_CONTEXT_FILE.to_string());
    }
    names
}

/// Gemini's context files: the root directory first, then every directory below that holds
/// one (loaded just in time), in path order; within a directory, in `names` order.
fn instructions(cx: &mut LoadCx, names: &[String]) {
    let mut dirs: Vec<String> = Vec::new();
    let mut dot_gemini: Vec<String> = Vec::new();
    for name in names {
        for p in cx.index.files.iter().filter(|p| {
            p.as_str() == name
                || p.strip_suffix(name.as_str())
                    .is_some_and(|h| h.ends_with('/'))
        }) {
            let dir = p[..p.len() - name.len()].trim_end_matches('/');
            if dir == ".gemini" || dir.ends_with("/.gemini") {
                dot_gemini.push(p.clone());
            } else if !dir.is_empty() {
                dirs.push(dir.to_string());
            }
        }
    }
    dirs.sort();
    dirs.dedup();
    dirs.insert(0, String::new());
    for dir in &dirs {
        for name in names {
            let path = join(dir, name);
            if let Some((f, doc)) = cx.markdown(&path, false) {
                cx.push_instruction(V, &path, dir, InstructionRole::Main, f, doc);
            }
        }
    }
    dot_gemini.sort();
    dot_gemini.dedup();
    for path in dot_gemini {
        dot_gemini_context(cx, &path);
    }
}

/// `<dir>/.gemini/GEMINI.md`: not read by Gemini CLI unless an instruction file imports it.
fn dot_gemini_context(cx: &mut LoadCx, path: &str) {
    let imported = cx
        .model
        .instructions
        .iter()
        .filter(|i| i.vendor == V)
        .any(|i| {
            let base = parent(&i.path);
            i.doc.import_refs.iter().any(|r| {
                let rel = r.path.strip_prefix('/').map_or(r.path.as_str(), |_| "");
                !rel.is_empty() && normalize(base, rel).as_deref() == Some(path)
            })
        });
    if imported {
        return;
    }
    let Some(f) = cx.read(path) else {
        return;
    };
    let dir = parent(parent(path));
    let target = join(dir, path.rsplit('/').next().unwrap_or(DEFAULT_CONTEXT_FILE));
    cx.report(
        Diagnostic::new(
            codes::SCHEMA_VIOLATION,
            Severity::Warning,
            Origin::file_start(f.id),
            format!(
                "`{path}` is not loaded by Gemini CLI: it reads context files from the project directories themselves (`{target}`), not from `.gemini/`"
            ),
        )
        .with_help(format!(
            "move it to `{target}`, or import it from there with `@./{}`",
            path.strip_prefix(&format!("{dir}/")).unwrap_or(path)
        )),
    );
}

// ---------------------------------------------------------------------------------------------
// Commands

/// Reads the TOML commands under `dir` (recursively); `git/commit.toml` is `/git:commit`.
/// Markdown files there are reported: Gemini does not load them.
pub(crate) fn commands(cx: &mut LoadCx, dir: &str, scope: &Scope) {
    for path in cx.files_below(dir) {
        if path.ends_with(".toml") {
            command(cx, dir, &path, scope);
        } else if path.ends_with(".md") {
            let Some(f) = cx.read(&path) else {
                continue;
            };
            cx.report(
                Diagnostic::new(
                    codes::SCHEMA_VIOLATION,
                    Severity::Warning,
                    Origin::file_start(f.id),
                    format!("`{path}` is not loaded: Gemini CLI custom commands are `.toml` files"),
                )
                .with_help("write it as TOML: `description = \"...\"` and `prompt = \"\"\"...\"\"\"` (use `{{args}}` for the arguments)"),
            );
        }
    }
}

/// The command name Gemini derives from a path relative to the commands directory: segments
/// joined with `:`, each with characters outside `[A-Za-z0-9_.-]` replaced by `_` and cut to
/// 47 characters plus `...` when longer than 50.
pub(crate) fn command_name(rel: &str) -> String {
    rel.split('/')
        .map(|seg| {
            let s: String = seg
                .chars()
                .map(|c| {
                    if c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.') {
                        c
                    } else {
                        '_'
                    }
                })
                .collect();
            if s.chars().count() > 50 {
                format!("{}...", s.chars().take(47).collect::<String>())
            } else {
                s
            }
        })
        .collect::<Vec<_>>()
        .join(":")
}

/// One TOML command file; `dir` is the commands directory the name is relative to.
fn command(cx: &mut LoadCx, dir: &str, path: &str, scope: &Scope) {
    let Some((f, root)) = cx.toml(path) else {
        return;
    };
    let whole = Origin::new(f.id, 0..cx.text(f.id).len());
    let prompt = match root.get("prompt") {
        Some(Node {
            kind: NodeKind::Str(s),
            origin,
        }) => Some(Spanned::new(s.clone(), *origin)),
        Some(v) => {
            report(
                cx,
                codes::SCHEMA_VIOLATION,
                Severity::Error,
                v.origin,
                format!(
                    "`prompt` of command `{path}` must be a string, found {}; Gemini CLI skips the file (\"The 'prompt' field must be a string.\")",
                    v.type_name()
                ),
                "write the prompt as a string, e.g. `prompt = \"\"\"...\"\"\"`",
            );
            None
        }
        None => {
            report(
                cx,
                codes::SCHEMA_VIOLATION,
                Severity::Error,
                whole,
                format!(
                    "command `{path}` has no `prompt`; Gemini CLI skips the file (\"The 'prompt' field is required.\")"
                ),
                "add `prompt = \"\"\"...\"\"\"`",
            );
            None
        }
    };
    let description = match root.get("description") {
        Some(Node {
            kind: NodeKind::Str(s),
            origin,
        }) => Some(Spanned::new(s.clone(), *origin)),
        Some(v) => {
            report(
                cx,
                codes::SCHEMA_VIOLATION,
                Severity::Error,
                v.origin,
                format!(
                    "`description` of command `{path}` must be a string, found {}; Gemini CLI skips the file",
                    v.type_name()
                ),
                "write the description as a string",
            );
            None
        }
        None => None,
    };
    // Unknown keys are stripped by Gemini's (non-strict) zod schema without a message.
    let extra = root.extras(&["prompt", "description"]);
    let rel = path
        .strip_prefix(dir)
        .unwrap_or(path)
        .trim_start_matches('/')
        .trim_end_matches(".toml");
    cx.model.commands.push(Command {
        vendor: V,
        scope: scope.clone(),
        path: path.to_string(),
        name: command_name(rel),
        description,
        prompt,
        extra,
        origin: whole,
    });
}

// ---------------------------------------------------------------------------------------------
// Subagents

/// Frontmatter keys of a local agent (`localAgentSchema`, strict).
const LOCAL_AGENT_KEYS: &[&str] = &[
    "kind",
    "name",
    "description",
    "display_name",
    "tools",
    "mcp_servers",
    "model",
    "temperature",
    "max_turns",
    "timeout_mins",
];

/// Frontmatter keys of a remote agent (`remoteAgentUrlSchema` / `remoteAgentJsonSchema`, strict).
const REMOTE_AGENT_KEYS: &[&str] = &[
    "kind",
    "name",
    "description",
    "display_name",
    "auth",
    "agent_card_url",
    "agent_card_json",
];

/// Frontmatter keys modelled on [`Agent`]; the others go to `extra`.
const AGENT_MODELLED: &[&str] = &["name", "description", "tools", "model"];

/// Built-in tool names of Gemini CLI 0.61 (`ALL_BUILTIN_TOOL_NAMES`) and the legacy alias
/// `search_file_content`.
const BUILTIN_TOOLS: &[&str] = &[
    "glob",
    "write_todos",
    "write_file",
    "google_web_search",
    "web_fetch",
    "replace",
    "run_shell_command",
    "grep_search",
    "read_many_files",
    "read_file",
    "list_directory",
    "activate_skill",
    "ask_user",
    "tracker_create_task",
    "tracker_update_task",
    "tracker_get_task",
    "tracker_list_tasks",
    "tracker_add_dependency",
    "tracker_visualize",
    "get_internal_docs",
    "enter_plan_mode",
    "exit_plan_mode",
    "update_topic",
    "complete_task",
    "invoke_agent",
    "read_mcp_resource",
    "list_mcp_resources",
    "search_file_content",
];

/// Claude Code tool names and the Gemini tool that does the same, for help texts.
const CLAUDE_TOOLS: &[(&str, &str)] = &[
    ("Read", "read_file"),
    ("Write", "write_file"),
    ("Edit", "replace"),
    ("MultiEdit", "replace"),
    ("Bash", "run_shell_command"),
    ("Grep", "grep_search"),
    ("Glob", "glob"),
    ("LS", "list_directory"),
    ("WebFetch", "web_fetch"),
    ("WebSearch", "google_web_search"),
    ("TodoWrite", "write_todos"),
];

/// Whether Gemini accepts `name` in an agent's `tools` (`isValidToolName` with wildcards).
fn valid_tool_name(name: &str) -> bool {
    if BUILTIN_TOOLS.contains(&name) || name.starts_with("discovered_tool_") || name == "*" {
        return true;
    }
    let Some(rest) = name.strip_prefix("mcp_") else {
        return false;
    };
    if rest == "*" {
        return true;
    }
    if rest.starts_with('_') {
        return false;
    }
    let Some((server, tool)) = rest.split_once('_') else {
        return false;
    };
    let slug = |s: &str| {
        !s.is_empty()
            && s.chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '.' | ':' | '-'))
    };
    if !slug(server) || tool.is_empty() {
        return false;
    }
    if tool == "*" {
        return true;
    }
    !tool.chars().all(|c| c == '_') && slug(tool)
}

/// Whether `name` is a valid agent name (`^[a-z0-9-_]+$`).
fn valid_agent_name(name: &str) -> bool {
    !name.is_empty()
        && name
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_')
}

/// Reads the Gemini subagents `dir/*.md` (regular files whose name does not start with `_`).
pub(crate) fn agents(cx: &mut LoadCx, dir: &str, scope: &Scope) {
    let files: Vec<String> = if dir.starts_with("~/") {
        cx.list_dir(dir)
            .into_iter()
            .map(|n| join(dir, &n))
            .collect()
    } else {
        cx.index
            .files_under(dir)
            .filter(|p| parent(p) == dir)
            .map(str::to_string)
            .collect()
    };
    for path in files {
        let file_name = path.rsplit('/').next().unwrap_or("");
        if !file_name.ends_with(".md") || file_name.starts_with('_') || cx.is_dir(&path) {
            continue;
        }
        agent(cx, &path, scope);
    }
}

/// One zod-style issue: what Gemini says, and where.
struct Issue {
    /// Where.
    origin: Origin,
    /// Gemini's wording of the problem (`tools: Expected array, received string`).
    text: String,
    /// What to do.
    help: String,
}

/// One subagent file: read into the model, and every reason Gemini would reject it reported.
fn agent(cx: &mut LoadCx, path: &str, scope: &Scope) {
    let Some((f, doc)) = cx.markdown(path, true) else {
        return;
    };
    let whole = Origin::new(f.id, 0..cx.text(f.id).len());
    if f.symlink.is_some() {
        // loadAgentsFromDirectory keeps `dirent.isFile()` entries only.
        report(
            cx,
            codes::SCHEMA_VIOLATION,
            Severity::Warning,
            whole,
            format!(
                "`{path}` is a symlink; Gemini CLI loads only regular files from an agents directory and ignores it"
            ),
            "copy the file instead of linking it",
        );
        return;
    }
    let body = Spanned::new(cx.text(f.id)[doc.body.range()].trim().to_string(), doc.body);
    let mut issues: Vec<Issue> = Vec::new();
    let bom = cx.sources.get(f.id).bom;
    let mut out: Vec<Agent> = Vec::new();
    match &doc.frontmatter {
        _ if bom => issues.push(Issue {
            origin: Origin::file_start(f.id),
            text: "Missing mandatory YAML frontmatter (the file starts with a byte-order mark)"
                .into(),
            help: "save the file as UTF-8 without BOM".into(),
        }),
        None => issues.push(Issue {
            origin: Origin::file_start(f.id),
            text: "Missing mandatory YAML frontmatter".into(),
            help:
                "start the file with `---`, `name: <slug>`, `description: <when to use it>`, `---`"
                    .into(),
        }),
        Some(fm) if !fm.strict => issues.push(Issue {
            origin: fm.origin,
            text: "YAML frontmatter parsing failed".into(),
            help:
                "fix the YAML (quote values that contain `: ` or start with `*`, `@`, `[` or `{`)"
                    .into(),
        }),
        Some(_) => {}
    }
    let checked = issues.is_empty();
    match doc.frontmatter.as_ref().map(|fm| &fm.node) {
        Some(
            node @ Node {
                kind: NodeKind::Table(_),
                ..
            },
        ) => {
            if checked {
                validate_agent(node, None, &mut issues);
            }
            out.push(agent_from(node, path, scope, whole, Some(body)));
        }
        Some(Node {
            kind: NodeKind::Array(items),
            ..
        }) => {
            // A list of remote agents (`remoteAgentsListSchema`).
            for item in items {
                if checked {
                    validate_agent(item, Some("remote"), &mut issues);
                }
                if item.entries().is_some() {
                    out.push(agent_from(item, path, scope, item.origin, None));
                }
            }
        }
        Some(other) => {
            if checked {
                issues.push(Issue {
                    origin: other.origin,
                    text: format!("Expected object, received {}", other.type_name()),
                    help: "write the frontmatter as `key: value` lines".into(),
                });
            }
            out.push(empty_agent(path, scope, whole, Some(body)));
        }
        None => out.push(empty_agent(path, scope, whole, Some(body))),
    }
    for i in issues {
        cx.report(
            Diagnostic::new(
                codes::SCHEMA_VIOLATION,
                Severity::Error,
                i.origin,
                format!("Gemini CLI rejects subagent `{path}`: {}", i.text),
            )
            .with_label(i.text)
            .with_help(i.help),
        );
    }
    cx.model.agents.extend(out);
}

/// An agent entry for a file whose frontmatter is missing or not a mapping.
fn empty_agent(path: &str, scope: &Scope, origin: Origin, body: Option<Spanned<String>>) -> Agent {
    Agent {
        vendor: V,
        scope: scope.clone(),
        path: path.to_string(),
        name: None,
        description: None,
        tools: None,
        model: None,
        instructions: body,
        extra: Vec::new(),
        origin,
    }
}

/// The agent described by a frontmatter mapping (`body` is the system prompt of a local agent).
fn agent_from(
    node: &Node,
    path: &str,
    scope: &Scope,
    origin: Origin,
    body: Option<Spanned<String>>,
) -> Agent {
    let s = |k: &str| {
        node.get(k)
            .and_then(|v| v.as_str().map(|s| Spanned::new(s.to_string(), v.origin)))
    };
    let tools = node.get("tools").and_then(|v| match &v.kind {
        NodeKind::Array(items) => Some(
            items
                .iter()
                .filter_map(|it| it.as_str().map(|s| Spanned::new(s.to_string(), it.origin)))
                .collect(),
        ),
        // Invalid for Gemini (reported), kept as the list it was meant to be.
        NodeKind::Str(t) => Some(split_csv(t, v.origin, ',')),
        _ => None,
    });
    let remote = node.get("kind").and_then(Node::as_str) == Some("remote")
        || node.get("agent_card_url").is_some()
        || node.get("agent_card_json").is_some();
    Agent {
        vendor: V,
        scope: scope.clone(),
        path: path.to_string(),
        name: s("name"),
        description: s("description"),
        tools,
        model: s("model"),
        // A remote agent's body is not used.
        instructions: if remote { None } else { body },
        extra: node.extras(AGENT_MODELLED),
        origin,
    }
}

/// zod's name for a value's type.
fn zod_type(n: &Node) -> &'static str {
    n.type_name()
}

/// Checks agent frontmatter the way Gemini's strict zod schemas do; `force` fixes the kind.
fn validate_agent(node: &Node, force: Option<&str>, issues: &mut Vec<Issue>) {
    let Some(entries) = node.entries() else {
        issues.push(Issue {
            origin: node.origin,
            text: format!("Expected object, received {}", zod_type(node)),
            help: "write each remote agent as a mapping".into(),
        });
        return;
    };
    let kind_node = node.get("kind");
    let kind = match kind_node.map(|k| (k, k.as_str())) {
        Some((_, Some(k @ ("local" | "remote")))) => k,
        Some((k, _)) => {
            issues.push(Issue {
                origin: k.origin,
                text: format!(
                    "kind: Invalid literal value, expected \"local\" or \"remote\" (found {})",
                    k.to_json()
                ),
                help: "use `kind: local` (the default) or `kind: remote`".into(),
            });
            return;
        }
        None => force.unwrap_or(
            if node.get("agent_card_url").is_some() || node.get("agent_card_json").is_some() {
                "remote"
            } else {
                "local"
            },
        ),
    };
    if force == Some("remote") && kind != "remote" {
        issues.push(Issue {
            origin: node.origin,
            text: "a list of agents may only hold remote agents".into(),
            help: "put a local agent in its own file".into(),
        });
        return;
    }
    let allowed = if kind == "remote" {
        REMOTE_AGENT_KEYS
    } else {
        LOCAL_AGENT_KEYS
    };
    for e in entries {
        if !allowed.contains(&e.key.value.as_str()) {
            let help = if kind == "local" && REMOTE_AGENT_KEYS.contains(&e.key.value.as_str()) {
                "this key belongs to remote agents (`kind: remote`)".to_string()
            } else if kind == "remote" && LOCAL_AGENT_KEYS.contains(&e.key.value.as_str()) {
                "this key belongs to local agents; remote agents take only name, description, display_name, auth and agent_card_url / agent_card_json".to_string()
            } else {
                format!(
                    "remove `{}`; Gemini subagents accept only: {}",
                    e.key.value,
                    allowed.join(", ")
                )
            };
            issues.push(Issue {
                origin: e.key.origin,
                text: format!("Unrecognized key(s) in object: '{}'", e.key.value),
                help,
            });
        }
    }
    let expect = |issues: &mut Vec<Issue>, key: &str, v: &Node, expected: &str, help: &str| {
        issues.push(Issue {
            origin: v.origin,
            text: format!("{key}: Expected {expected}, received {}", zod_type(v)),
            help: help.to_string(),
        });
    };
    match node.get("name") {
        None => issues.push(Issue {
            origin: node.origin,
            text: "name: Required".into(),
            help: "add `name: <slug>` (lowercase letters, digits, `-`, `_`)".into(),
        }),
        Some(v) => match v.as_str() {
            Some(n) if valid_agent_name(n) => {}
            Some(_) => issues.push(Issue {
                origin: v.origin,
                text: "name: Name must be a valid slug".into(),
                help: "use only lowercase letters, digits, `-` and `_` (^[a-z0-9-_]+$)".into(),
            }),
            None => expect(issues, "name", v, "string", "write the name as a slug"),
        },
    }
    match node.get("description") {
        None if kind == "local" => issues.push(Issue {
            origin: node.origin,
            text: "description: Required".into(),
            help: "add `description: <when to use this agent>`".into(),
        }),
        None => {}
        Some(v) => match v.as_str() {
            Some("") if kind == "local" => issues.push(Issue {
                origin: v.origin,
                text: "description: String must contain at least 1 character(s)".into(),
                help: "describe when to use this agent".into(),
            }),
            Some(_) => {}
            None => expect(
                issues,
                "description",
                v,
                "string",
                "write the description as text",
            ),
        },
    }
    if let Some(v) = node.get("display_name")
        && v.as_str().is_none()
    {
        expect(
            issues,
            "display_name",
            v,
            "string",
            "write the display name as text",
        );
    }
    if kind == "remote" {
        validate_remote(node, issues);
        return;
    }
    if let Some(v) = node.get("tools") {
        match &v.kind {
            NodeKind::Array(items) => {
                for (i, it) in items.iter().enumerate() {
                    match it.as_str() {
                        Some(t) if valid_tool_name(t) => {}
                        Some(t) => {
                            let help = match CLAUDE_TOOLS.iter().find(|(c, _)| *c == t) {
                                Some((_, g)) => format!("`{t}` is a Claude Code tool; the Gemini tool is `{g}`"),
                                None => "use Gemini tool names (`read_file`, `run_shell_command`, ...), `*`, or `mcp_<server>_<tool>`".into(),
                            };
                            issues.push(Issue {
                                origin: it.origin,
                                text: format!("tools.{i}: Invalid tool name"),
                                help,
                            });
                        }
                        None => expect(
                            issues,
                            &format!("tools.{i}"),
                            it,
                            "string",
                            "write each tool as a name",
                        ),
                    }
                }
            }
            _ => expect(
                issues,
                "tools",
                v,
                "array",
                "write `tools` as a YAML list: `tools: [read_file, grep_search]` or one `- name` per line",
            ),
        }
    }
    for key in ["model"] {
        if let Some(v) = node.get(key)
            && v.as_str().is_none()
        {
            expect(issues, key, v, "string", "write the model name as text");
        }
    }
    if let Some(v) = node.get("temperature")
        && v.as_f64().is_none()
    {
        expect(
            issues,
            "temperature",
            v,
            "number",
            "write a number such as 0.2",
        );
    }
    for key in ["max_turns", "timeout_mins"] {
        if let Some(v) = node.get(key) {
            match v.as_f64() {
                Some(n) if n.fract() == 0.0 && n > 0.0 => {}
                Some(n) => issues.push(Issue {
                    origin: v.origin,
                    text: if n.fract() != 0.0 {
                        format!("{key}: Expected integer, received float")
                    } else {
                        format!("{key}: Number must be greater than 0")
                    },
                    help: "write a whole number greater than 0".into(),
                }),
                None => expect(
                    issues,
                    key,
                    v,
                    "number",
                    "write a whole number greater than 0",
                ),
            }
        }
    }
    if let Some(v) = node.get("mcp_servers") {
        match v.entries() {
            Some(servers) => {
                for s in servers.iter().filter(|s| s.value.entries().is_none()) {
                    expect(
                        issues,
                        &format!("mcp_servers.{}", s.key.value),
                        &s.value,
                        "object",
                        "write each server as a mapping (`command`, `args`, `url`, `type`, ...)",
                    );
                }
            }
            None => expect(
                issues,
                "mcp_servers",
                v,
                "object",
                "write `mcp_servers` as a mapping of server names",
            ),
        }
    }
}

/// The remote-agent part of [`validate_agent`]: exactly one of `agent_card_url` (a URL) and
/// `agent_card_json` (JSON text).
fn validate_remote(node: &Node, issues: &mut Vec<Issue>) {
    let url = node.get("agent_card_url");
    let json = node.get("agent_card_json");
    match (url, json) {
        (None, None) => issues.push(Issue {
            origin: node.origin,
            text: "agent_card_url: Required".into(),
            help: "add `agent_card_url: https://...` or `agent_card_json`".into(),
        }),
        (Some(_), Some(j)) => issues.push(Issue {
            origin: j.origin,
            text: "agent_card_json: Expected undefined, received string".into(),
            help: "give either `agent_card_url` or `agent_card_json`, not both".into(),
        }),
        (Some(u), None) => {
            if !u.as_str().is_some_and(|s| s.contains("://")) {
                issues.push(Issue {
                    origin: u.origin,
                    text: "agent_card_url: Invalid url".into(),
                    help: "write an absolute URL such as `https://host/.well-known/agent.json`"
                        .into(),
                });
            }
        }
        (None, Some(j)) => {
            if j.as_str()
                .is_none_or(|s| serde_json::from_str::<serde_json::Value>(s).is_err())
            {
                issues.push(Issue {
                    origin: j.origin,
                    text: "agent_card_json: agent_card_json must be valid JSON".into(),
                    help: "write the agent card as a JSON string".into(),
                });
            }
        }
    }
    if let Some(a) = node.get("auth")
        && a.entries().is_none()
    {
        issues.push(Issue {
            origin: a.origin,
            text: format!("auth: Expected object, received {}", zod_type(a)),
            help: "write `auth` as a mapping with a `type`".into(),
        });
    }
}

// ---------------------------------------------------------------------------------------------

/// Reports a finding with a help text.
fn report(
    cx: &mut LoadCx,
    code: &'static str,
    severity: Severity,
    origin: Origin,
    message: impl Into<String>,
    help: impl Into<String>,
) {
    cx.report(Diagnostic::new(code, severity, origin, message).with_help(help));
}

#[cfg(test)]
mod tests {
    use crate::read::testing::{load, write};
    use std::fs;

    use super::{command_name, valid_agent_name, valid_tool_name};
    use crate::diagnostic::{Diagnostic, Severity, codes};
    use crate::model::{Scope, Transport};
    use crate::read::LoadCx;
    use crate::read::discover::FileIndex;
    use crate::vendor::Vendor;
    use crate::workspace::{LoadOptions, Workspace};

    fn find<'a>(ws: &'a Workspace, sev: Severity, needle: &str) -> Option<&'a Diagnostic> {
        ws.diagnostics
            .iter()
            .find(|d| d.severity == sev && d.message.contains(needle))
    }

    fn errors(ws: &Workspace) -> Vec<&str> {
        ws.diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .map(|d| d.message.as_str())
            .collect()
    }

    #[test]
    fn tool_and_agent_names() {
        for ok in [
            "read_file",
            "search_file_content",
            "*",
            "mcp_*",
            "mcp_github_*",
            "mcp_github_get_issue",
            "discovered_tool_x",
        ] {
            assert!(valid_tool_name(ok), "{ok}");
        }
        for bad in [
            "Read",
            "Bash",
            "mcp__github__x",
            "mcp_github",
            "mcp_github___",
            "ls",
        ] {
            assert!(!valid_tool_name(bad), "{bad}");
        }
        assert!(valid_agent_name("code-reviewer_2"));
        assert!(!valid_agent_name("Code Reviewer"));
        assert!(!valid_agent_name(""));
    }

    #[test]
    fn command_names_follow_gemini() {
        assert_eq!(command_name("git/commit"), "git:commit");
        assert_eq!(command_name("a b/c:d"), "a_b:c_d");
        let long = "x".repeat(60);
        assert_eq!(command_name(&long), format!("{}...", "x".repeat(47)));
    }

    #[test]
    fn settings_bom_root_and_modes() {
        let t = tempfile::tempdir().expect("tempdir");
        let r = t.path();
        fs::create_dir_all(r.join(".gemini")).expect("mkdir");
        fs::write(
            r.join(".gemini/settings.json"),
            b"\xEF\xBB\xBF{\"general\": {\"defaultApprovalMode\": \"acceptEdits\"}, \"context\": {\"fileName\": 5}}",
        )
        .expect("write");
        let ws = load(r);
        let bom = find(&ws, Severity::Error, "byte-order mark").expect("bom");
        assert_eq!(bom.code, codes::UNPARSEABLE_FILE);
        assert!(
            find(
                &ws,
                Severity::Error,
                "\"acceptEdits\" is not an approval mode"
            )
            .is_some()
        );
        assert!(find(&ws, Severity::Error, "`fileName` of `context`").is_some());

        write(r, ".gemini/settings.json", "[1, 2]");
        let ws = load(r);
        assert!(find(&ws, Severity::Error, "must contain a JSON object").is_some());
        assert!(ws.model.settings.is_empty());
    }

    #[test]
    fn trailing_comma_in_array_is_fatal_for_gemini() {
        let t = tempfile::tempdir().expect("tempdir");
        let r = t.path();
        let text = "{\n  /* ok */ \"tools\": {\"exclude\": [\"web_fetch\",]}\n}\n";
        write(r, ".gemini/settings.json", text);
        let ws = load(r);
        let d = find(&ws, Severity::Error, "trailing comma").expect("reported");
        let at = d.primary.origin.range();
        assert_eq!(&text[at], ",");
        // Still read for the model.
        assert_eq!(ws.model.permissions[0].deny[0].value, "web_fetch");
    }

    #[test]
    fn hooks_config_fields_unknown_events_and_types() {
        let t = tempfile::tempdir().expect("tempdir");
        let r = t.path();
        write(
            r,
            ".gemini/settings.json",
            r#"{"hooks": {
                "enabled": true,
                "Stop": [{"hooks": [{"type": "command", "command": "a"}]}],
                "BeforeAgent": [{"hooks": [{"type": "prompt", "prompt": "x"}]}],
                "SessionEnd": [{"hooks": [{"type": "command", "command": "b", "timeout": 1500}]}]
            }}"#,
        );
        let ws = load(r);
        let e = errors(&ws);
        assert!(
            e.iter().any(|m| m.contains("no hook event `Stop`")),
            "{e:?}"
        );
        assert!(
            e.iter().any(|m| m.contains("runs only \"command\"")),
            "{e:?}"
        );
        assert_eq!(e.len(), 2, "{e:?}");
        let end = ws
            .model
            .hooks
            .iter()
            .find(|h| h.event.value == "SessionEnd")
            .expect("SessionEnd");
        assert_eq!(end.timeout.as_ref().map(|t| t.ms), Some(1500));
        let other = &ws.model.settings[0].other;
        assert_eq!(other.len(), 1);
        assert_eq!(other[0].key, "hooks");
        assert_eq!(other[0].value, serde_json::json!({"enabled": true}));
    }

    #[test]
    fn user_scope() {
        let t = tempfile::tempdir().expect("tempdir");
        let (r, home) = (t.path().join("ws"), t.path().join("home"));
        write(&r, "CONTEXT.md", "# project context\n");
        write(&r, "GEMINI.md", "# gemini\n");
        write(
            &home,
            ".gemini/settings.json",
            r#"{"context": {"fileName": "CONTEXT.md"}, "mcpServers": {"u": {"command": "x"}}}"#,
        );
        write(&home, ".gemini/CONTEXT.md", "# user context\n");
        write(
            &home,
            ".gemini/commands/team/sync.toml",
            "prompt = \"sync\"\n",
        );
        write(
            &home,
            ".gemini/agents/helper.md",
            "---\nname: helper\ndescription: Helps.\n---\nHelp.\n",
        );
        write(
            &home,
            ".agents/skills/notes/SKILL.md",
            "---\nname: notes\ndescription: Notes.\n---\n",
        );
        let opts = LoadOptions {
            user: true,
            home: Some(home.clone()),
        };
        let ws = Workspace::load(&r, &opts).expect("loads");
        let paths: Vec<&str> = ws
            .model
            .instructions
            .iter()
            .filter(|i| i.vendor == Vendor::Gemini)
            .map(|i| i.path.as_str())
            .collect();
        // The user's `context.fileName` applies to the project too, GEMINI.md stays.
        assert_eq!(paths, ["CONTEXT.md", "GEMINI.md", "~/.gemini/CONTEXT.md"]);
        assert_eq!(ws.model.mcp_servers[0].scope, Scope::User);
        let cmd = &ws.model.commands[0];
        assert_eq!((cmd.name.as_str(), &cmd.scope), ("team:sync", &Scope::User));
        assert_eq!(ws.model.agents[0].scope, Scope::User);
        assert!(ws.model.skills.iter().any(|s| s.scope == Scope::User));
        assert!(errors(&ws).is_empty(), "{:?}", errors(&ws));

        // Without --user nothing of home is read.
        let ws = load(&r);
        assert!(ws.model.mcp_servers.is_empty());
        assert_eq!(ws.model.instructions.len(), 1);
    }

    #[test]
    fn remote_and_odd_agents() {
        let t = tempfile::tempdir().expect("tempdir");
        let r = t.path();
        write(
            r,
            ".gemini/agents/remote.md",
            "---\nkind: remote\nname: remote\nagent_card_url: https://agents.example.com/card.json\n---\nignored body\n",
        );
        write(
            r,
            ".gemini/agents/list.md",
            "---\n- name: one\n  agent_card_url: https://a.example.com/card\n- name: two\n  tools: [read_file]\n---\n",
        );
        write(r, ".gemini/agents/plain.md", "No frontmatter at all.\n");
        write(
            r,
            ".gemini/agents/odd.md",
            "---\nkind: worker\nname: odd\ndescription: x\n---\n",
        );
        write(
            r,
            ".gemini/agents/fine.md",
            "---\nname: fine\ndescription: ok\ntools: [read_file, mcp_github_*]\nmax_turns: 2.5\n---\nBody.\n",
        );
        write(r, ".gemini/agents/nested/deep.md", "---\nname: deep\n---\n");
        write(r, ".gemini/agents/notes.txt", "not an agent");
        let ws = load(r);
        let e = errors(&ws);
        let remote = ws
            .model
            .agents
            .iter()
            .find(|a| a.path.ends_with("remote.md"))
            .expect("remote");
        assert!(remote.instructions.is_none());
        assert!(!e.iter().any(|m| m.contains("remote.md")), "{e:?}");
        assert!(
            e.iter()
                .any(|m| m.contains("list.md")
                    && m.contains("Unrecognized key(s) in object: 'tools'")),
            "{e:?}"
        );
        assert!(
            e.iter()
                .any(|m| m.contains("list.md") && m.contains("agent_card_url: Required")),
            "{e:?}"
        );
        assert_eq!(
            ws.model
                .agents
                .iter()
                .filter(|a| a.path.ends_with("list.md"))
                .count(),
            2
        );
        assert!(e.iter().any(|m| m.contains("plain.md") && m.contains("Missing mandatory YAML frontmatter")));
        assert!(
            e.iter()
                .any(|m| m.contains("odd.md") && m.contains("kind: Invalid literal value"))
        );
        assert!(
            e.iter()
                .any(|m| m.contains("fine.md") && m.contains("max_turns: Expected integer"))
        );
        assert!(
            !ws.model
                .agents
                .iter()
                .any(|a| a.path.contains("nested") || a.path.ends_with(".txt"))
        );
    }

    #[cfg(unix)]
    #[test]
    fn symlinked_agent_is_not_loaded() {
        let t = tempfile::tempdir().expect("tempdir");
        let r = t.path();
        write(
            r,
            ".claude/agents/a.md",
            "---\nname: a\ndescription: A.\n---\nBody\n",
        );
        fs::create_dir_all(r.join(".gemini/agents")).expect("mkdir");
        std::os::unix::fs::symlink("../../.claude/agents/a.md", r.join(".gemini/agents/a.md"))
            .expect("symlink");
        let ws = load(r);
        assert!(find(&ws, Severity::Warning, "is a symlink").is_some());
        assert!(!ws.model.agents.iter().any(|a| a.vendor == Vendor::Gemini));
    }

    #[cfg(unix)]
    #[test]
    fn user_command_symlink_loop_ends() {
        let t = tempfile::tempdir().expect("tempdir");
        let (r, home) = (t.path().join("ws"), t.path().join("home"));
        fs::create_dir_all(&r).expect("mkdir");
        write(&home, ".gemini/commands/a/x.toml", "prompt = \"x\"\n");
        std::os::unix::fs::symlink("..", home.join(".gemini/commands/a/up")).expect("symlink");
        let opts = LoadOptions {
            user: true,
            home: Some(home),
        };
        let ws = Workspace::load(&r, &opts).expect("loads");
        let names: Vec<&str> = ws.model.commands.iter().map(|c| c.name.as_str()).collect();
        assert_eq!(names, ["a:x"]);
    }

    #[cfg(unix)]
    #[test]
    fn same_file_under_two_names_is_loaded_once() {
        let t = tempfile::tempdir().expect("tempdir");
        let r = t.path();
        write(
            r,
            ".gemini/settings.json",
            r#"{"context": {"fileName": ["AGENTS.md", "GEMINI.md"]}}"#,
        );
        write(r, "AGENTS.md", "# shared\n");
        std::os::unix::fs::symlink("AGENTS.md", r.join("GEMINI.md")).expect("symlink");
        let ws = load(r);
        let paths: Vec<&str> = ws
            .model
            .instructions
            .iter()
            .filter(|i| i.vendor == Vendor::Gemini)
            .map(|i| i.path.as_str())
            .collect();
        assert_eq!(paths, ["AGENTS.md"]);
    }

    #[test]
    fn imported_dot_gemini_context_is_not_reported() {
        let t = tempfile::tempdir().expect("tempdir");
        let r = t.path();
        write(r, "GEMINI.md", "@./.gemini/GEMINI.md\n");
        write(r, ".gemini/GEMINI.md", "# layer\n");
        let ws = load(r);
        assert!(find(&ws, Severity::Warning, "not loaded by Gemini").is_none());
        assert!(
            ws.model
                .instructions
                .iter()
                .any(|i| i.path == ".gemini/GEMINI.md")
        );
    }

    #[test]
    fn extension_servers_drop_trust_and_keep_unknown_keys_quietly() {
        let t = tempfile::tempdir().expect("tempdir");
        write(
            t.path(),
            "gemini-extension.json",
            r#"{"mcpServers": {"s": {"command": "node", "trust": true, "bogus": 1}}}"#,
        );
        let root = fs::canonicalize(t.path()).expect("canonical");
        let mut cx = LoadCx::new(
            root.clone(),
            &LoadOptions::default(),
            FileIndex::walk(&root),
        );
        let (_, node) = cx.json("gemini-extension.json").expect("parses");
        let map = node.get("mcpServers").expect("map").clone();
        super::server_map(&mut cx, &map, &Scope::Plugin(String::new()));
        let s = &cx.model.mcp_servers[0];
        assert_eq!(s.transport.value, Transport::Stdio);
        assert!(s.trust.is_none());
        let keys: Vec<&str> = s.extra.iter().map(|x| x.key.as_str()).collect();
        assert_eq!(keys, ["bogus", "trust"]);
        assert_eq!(cx.diags.len(), 1, "{:?}", cx.diags);
        assert!(cx.diags[0].message.contains("drops `trust`"));
    }
}
