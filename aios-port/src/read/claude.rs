//! Claude Code: CLAUDE.md files and rules, `.mcp.json`, `.claude/settings*.json` (hooks,
//! permissions), skills, subagents and commands.

use crate::diagnostic::{Diagnostic, Severity, codes};
use crate::model::hooks::{Timeout, TimeoutUnit};
use crate::model::{
    Agent, Command, EnvValue, InstructionRole, McpServer, Permissions, Scope, Transport,
    VendorSettings,
};
use crate::read::tree::{Fields, Node};
use crate::read::{LoadCx, hooks, join, parent, skills};
use crate::source::{Origin, Spanned};
use crate::vendor::{Vendor, VendorSet};

const V: Vendor = Vendor::Claude;

/// Reads the Claude Code files of the workspace (and of `~` with `--user`).
pub(crate) fn read(cx: &mut LoadCx) {
    let project = Scope::Project;
    for path in [".claude/settings.json", ".claude/settings.local.json"] {
        settings(cx, path, &project);
    }
    mcp_file(cx, ".mcp.json", &project);
    instructions(cx);
    skills::read_root(cx, ".claude/skills", VendorSet::only(V), &project);
    let nested: Vec<String> = cx
        .index
        .dirs_ending(".claude/skills")
        .filter(|d| *d != ".claude/skills")
        .map(str::to_string)
        .collect();
    for d in nested {
        skills::read_root(cx, &d, VendorSet::only(V), &project);
    }
    agents(cx, ".claude/agents", &project);
    commands(cx, ".claude/commands", &project);
    if cx.home.is_some() {
        let user = Scope::User;
        settings(cx, "~/.claude/settings.json", &user);
        user_mcp(cx);
        if let Some((f, doc)) = cx.markdown("~/.claude/CLAUDE.md", false) {
            cx.push_instruction(V, "~/.claude/CLAUDE.md", "~", InstructionRole::Main, f, doc);
        }
        skills::read_root(cx, "~/.claude/skills", VendorSet::only(V), &user);
        agents(cx, "~/.claude/agents", &user);
        commands(cx, "~/.claude/commands", &user);
    }
}

/// Settings keys modelled elsewhere (everything else is kept in `other`).
const SETTINGS_KEYS: &[&str] = &["hooks", "permissions", "model"];

fn settings(cx: &mut LoadCx, path: &str, scope: &Scope) {
    let Some((file, root)) = cx.json(path) else {
        return;
    };
    if root.entries().is_none() {
        not_an_object(cx, &root, path);
        return;
    }
    let whole = Origin::new(file.id, 0..cx.text(file.id).len());
    let mut f = Fields::new(&root, format!("`{path}`"), &mut cx.diags);
    let model = f.str("model");
    let other = f.extras(SETTINGS_KEYS);
    let perms = f.table("permissions");
    drop(f);
    cx.model.settings.push(VendorSettings {
        vendor: V,
        scope: scope.clone(),
        path: path.to_string(),
        instruction_file_names: Vec::new(),
        project_doc_max_bytes: None,
        model,
        other,
        origin: whole,
    });
    if let Some(p) = perms {
        let mut f = Fields::new(p, "`permissions`", &mut cx.diags);
        let record = Permissions {
            vendor: V,
            scope: scope.clone(),
            path: path.to_string(),
            default_mode: f.str("defaultMode"),
            approval_policy: None,
            sandbox_mode: None,
            allow: f.str_list("allow").unwrap_or_default(),
            ask: f.str_list("ask").unwrap_or_default(),
            deny: f.str_list("deny").unwrap_or_default(),
            additional_directories: f.str_list("additionalDirectories").unwrap_or_default(),
            origin: p.origin,
        };
        cx.model.permissions.push(record);
    }
    if let Some(h) = root.get("hooks") {
        hooks::read_events(cx, V, scope, h, &[]);
    }
}

fn not_an_object(cx: &mut LoadCx, root: &Node, path: &str) {
    cx.report(
        Diagnostic::new(
            codes::SCHEMA_VIOLATION,
            Severity::Error,
            root.origin,
            format!(
                "`{path}` must contain a JSON object, found {}",
                root.type_name()
            ),
        )
        .with_help("wrap the content in `{ ... }`"),
    );
}

/// Reads an `.mcp.json`-style file: `{"mcpServers": {...}}` or a bare server map.
pub(crate) fn mcp_file(cx: &mut LoadCx, path: &str, scope: &Scope) {
    let Some((_, root)) = cx.json(path) else {
        return;
    };
    if root.entries().is_none() {
        not_an_object(cx, &root, path);
        return;
    }
    match root.get("mcpServers") {
        Some(map) => server_map(cx, map, scope),
        None => {
            // The bare shape: every value is a server object.
            let bare = root
                .entries()
                .is_some_and(|es| es.iter().all(|e| is_server_like(&e.value)));
            if bare {
                server_map(cx, &root, scope);
            } else if !root.entries().is_some_and(<[_]>::is_empty) {
                cx.report(
                    Diagnostic::new(
                        codes::SCHEMA_VIOLATION,
                        Severity::Error,
                        root.origin,
                        format!("`{path}` has no `mcpServers` object"),
                    )
                    .with_help("put the servers under `\"mcpServers\": { ... }`"),
                );
            }
        }
    }
}

fn is_server_like(n: &Node) -> bool {
    n.get("command").is_some() || n.get("url").is_some() || n.get("type").is_some()
}

/// Reads a map of server name to server object written in Claude's format.
pub(crate) fn server_map(cx: &mut LoadCx, map: &Node, scope: &Scope) {
    let Some(entries) = map.entries() else {
        cx.report(
            Diagnostic::new(
                codes::SCHEMA_VIOLATION,
                Severity::Error,
                map.origin,
                format!("`mcpServers` must be an object, found {}", map.type_name()),
            )
            .with_help("write `\"mcpServers\": { \"name\": { ... } }`"),
        );
        return;
    };
    for e in entries {
        if let Some(s) = server(cx, &e.key, &e.value, scope) {
            cx.model.mcp_servers.push(s);
        }
    }
}

const SERVER_KEYS: &[&str] = &[
    "type", "command", "args", "env", "url", "headers", "timeout", "oauth",
];

fn server(
    cx: &mut LoadCx,
    name: &Spanned<String>,
    node: &Node,
    scope: &Scope,
) -> Option<McpServer> {
    if node.entries().is_none() {
        cx.report(
            Diagnostic::new(
                codes::SCHEMA_VIOLATION,
                Severity::Error,
                node.origin,
                format!(
                    "MCP server `{}` must be an object, found {}",
                    name.value,
                    node.type_name()
                ),
            )
            .with_help("write the server as `{ \"command\": ..., \"args\": [...] }`"),
        );
        return None;
    }
    let what = format!("MCP server `{}`", name.value);
    let mut f = Fields::new(node, what.clone(), &mut cx.diags);
    let ty = f.str("type");
    let command = f.str("command");
    let args = f.str_list("args").unwrap_or_default();
    let env = f.str_map("env").unwrap_or_default();
    let url = f.str("url");
    let headers = f.str_map("headers").unwrap_or_default();
    let timeout = f.number("timeout");
    let oauth = f
        .table("oauth")
        .map(|o| Spanned::new(o.to_json(), o.origin));
    let extra = f.extras(SERVER_KEYS);
    let (transport, explicit) = match &ty {
        Some(t) => {
            let tr = match t.value.as_str() {
                "stdio" => Transport::Stdio,
                "http" | "streamable-http" => Transport::Http,
                "sse" => Transport::Sse,
                "ws" => Transport::Ws,
                other => {
                    cx.report(
                        Diagnostic::new(
                            codes::SCHEMA_VIOLATION,
                            Severity::Error,
                            t.origin,
                            format!("{what} has unknown `type` \"{other}\"; Claude Code skips it"),
                        )
                        .with_help("use one of: stdio, http, sse, ws"),
                    );
                    Transport::Unknown(other.to_string())
                }
            };
            (Spanned::new(tr, t.origin), true)
        }
        None => {
            if let Some(u) = &url {
                cx.report(
                    Diagnostic::new(
                        codes::SCHEMA_VIOLATION,
                        Severity::Error,
                        u.origin,
                        format!("{what} has a `url` but no `type`; Claude Code rejects it"),
                    )
                    .with_label("remote server without a transport type")
                    .with_help("add `\"type\": \"http\"` (or \"sse\")"),
                );
                (Spanned::new(Transport::Http, u.origin), false)
            } else {
                (Spanned::new(Transport::Stdio, name.origin), false)
            }
        }
    };
    if transport.value == Transport::Stdio && command.is_none() {
        cx.report(
            Diagnostic::new(
                codes::SCHEMA_VIOLATION,
                Severity::Error,
                node.origin,
                format!("{what} has no `command`; Claude Code skips it"),
            )
            .with_help("add `\"command\"`, or `\"type\": \"http\"` with a `\"url\"`"),
        );
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
        cwd: None,
        url: url.map(val),
        headers: headers.into_iter().map(|(k, v)| (k, val(v))).collect(),
        bearer_token_env_var: None,
        env_http_headers: Vec::new(),
        startup_timeout: None,
        tool_timeout: timeout.map(|t| Timeout::new(t.value, TimeoutUnit::Millis, t.origin)),
        enabled: None,
        required: None,
        include_tools: None,
        exclude_tools: None,
        trust: None,
        oauth,
        extra,
    })
}

fn user_mcp(cx: &mut LoadCx) {
    let Some((_, root)) = cx.json("~/.claude.json") else {
        return;
    };
    if let Some(map) = root.get("mcpServers") {
        server_map(cx, map, &Scope::User);
    }
}

/// Claude's instruction files, in load order: root files, rules, then nested directories.
fn instructions(cx: &mut LoadCx) {
    let mut dirs: Vec<String> = vec![String::new()];
    let mut nested: Vec<String> = cx
        .index
        .named("CLAUDE.md")
        .chain(cx.index.named("CLAUDE.local.md"))
        .map(|p| {
            let d = parent(p);
            d.strip_suffix("/.claude")
                .or(if d == ".claude" { Some("") } else { None })
                .unwrap_or(d)
                .to_string()
        })
        .filter(|d| !d.is_empty())
        .collect();
    nested.sort();
    nested.dedup();
    dirs.extend(nested);
    for dir in dirs {
        for (name, role) in [
            ("CLAUDE.md", InstructionRole::Main),
            (".claude/CLAUDE.md", InstructionRole::DotDir),
        ] {
            let path = join(&dir, name);
            if let Some((f, doc)) = cx.markdown(&path, false) {
                cx.push_instruction(V, &path, &dir, role, f, doc);
            }
        }
        if dir.is_empty() {
            rules(cx);
        }
        let path = join(&dir, "CLAUDE.local.md");
        if let Some((f, doc)) = cx.markdown(&path, false) {
            cx.push_instruction(V, &path, &dir, InstructionRole::Local, f, doc);
        }
    }
}

fn rules(cx: &mut LoadCx) {
    let files: Vec<String> = cx
        .index
        .files_under(".claude/rules")
        .filter(|p| p.ends_with(".md"))
        .map(str::to_string)
        .collect();
    for path in files {
        let Some((f, doc)) = cx.markdown(&path, true) else {
            continue;
        };
        let paths = match &doc.frontmatter {
            Some(fm) => Fields::new(&fm.node, format!("rule `{path}`"), &mut cx.diags)
                .list_or_csv("paths")
                .unwrap_or_default(),
            None => Vec::new(),
        };
        cx.push_instruction(V, &path, "", InstructionRole::Rule { paths }, f, doc);
    }
}

/// Frontmatter keys modelled on [`Agent`].
const AGENT_KEYS: &[&str] = &["name", "description", "tools", "model"];

/// Reads Markdown subagents under `dir` (recursively), in Claude's format.
pub(crate) fn agents(cx: &mut LoadCx, dir: &str, scope: &Scope) {
    for path in markdown_files(cx, dir) {
        let Some((f, doc)) = cx.markdown(&path, true) else {
            continue;
        };
        let text_len = cx.text(f.id).len();
        let whole = Origin::new(f.id, 0..text_len);
        let body = Spanned::new(cx.text(f.id)[doc.body.range()].trim().to_string(), doc.body);
        let (name, description, tools, model, extra) = match &doc.frontmatter {
            Some(fm) => {
                let mut fl = Fields::new(&fm.node, format!("subagent `{path}`"), &mut cx.diags);
                (
                    fl.str("name"),
                    fl.str("description"),
                    fl.list_or_csv("tools"),
                    fl.str("model"),
                    fl.extras(AGENT_KEYS),
                )
            }
            None => (None, None, None, None, Vec::new()),
        };
        if name.is_none() || description.is_none() {
            cx.report(
                Diagnostic::new(
                    codes::SCHEMA_VIOLATION,
                    Severity::Warning,
                    doc.frontmatter.as_ref().map_or(whole, |fm| fm.origin),
                    format!("subagent `{path}` needs `name` and `description` frontmatter; Claude Code does not load it without them"),
                )
                .with_help("start the file with `---`, `name: <kebab-name>`, `description: <when to use it>`, `---`"),
            );
        }
        cx.model.agents.push(Agent {
            vendor: V,
            scope: scope.clone(),
            path,
            name,
            description,
            tools,
            model,
            instructions: Some(body),
            extra,
            origin: whole,
        });
    }
}

/// Reads Markdown commands under `dir` (recursively); `a/b.md` is `/a:b`.
pub(crate) fn commands(cx: &mut LoadCx, dir: &str, scope: &Scope) {
    for path in markdown_files(cx, dir) {
        let Some((f, doc)) = cx.markdown(&path, true) else {
            continue;
        };
        let whole = Origin::new(f.id, 0..cx.text(f.id).len());
        let prompt = Spanned::new(cx.text(f.id)[doc.body.range()].to_string(), doc.body);
        let (description, extra) = match &doc.frontmatter {
            Some(fm) => {
                let mut fl = Fields::new(&fm.node, format!("command `{path}`"), &mut cx.diags);
                (fl.str("description"), fl.extras(&["description"]))
            }
            None => (None, Vec::new()),
        };
        let rel = path
            .strip_prefix(dir)
            .unwrap_or(&path)
            .trim_start_matches('/')
            .trim_end_matches(".md");
        cx.model.commands.push(Command {
            vendor: V,
            scope: scope.clone(),
            name: rel.replace('/', ":"),
            path,
            description,
            prompt: Some(prompt),
            extra,
            origin: whole,
        });
    }
}

/// `*.md` files under `dir`, recursively, sorted.
fn markdown_files(cx: &LoadCx, dir: &str) -> Vec<String> {
    let mut files = cx.files_below(dir);
    files.retain(|p| p.ends_with(".md"));
    files
}
