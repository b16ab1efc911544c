//! MCP servers in each vendor's spelling (FORMATS.md §2): secrets stay references
//! (`Bearer ${T}` ↔ `bearer_token_env_var`, `K=${K}` ↔ `env_vars`, single-variable headers ↔
//! `env_http_headers`), timeouts convert between seconds and milliseconds, tool lists map.
//! Nothing is ever read from the process environment.

use serde_json::{Map, Value, json};

use crate::model::mcp::show_parts as braced;
use crate::model::{EnvValue, McpServer, Part, Transport};
use crate::source::{Origin, Spanned};
use crate::vendor::Vendor;
use crate::write::Loss;

fn is_literal(v: &EnvValue) -> bool {
    !v.has_vars()
}

/// Milliseconds as a number of seconds (integer when whole).
fn secs(ms: u64) -> Value {
    if ms.is_multiple_of(1000) {
        json!(ms / 1000)
    } else {
        json!(ms as f64 / 1000.0)
    }
}

struct Cx<'a> {
    s: &'a McpServer,
    target: Vendor,
    losses: &'a mut Vec<Loss>,
    skip: bool,
}

impl Cx<'_> {
    fn lose(&mut self, origin: Origin, what: String, why: &str, help: &str) {
        self.losses
            .push(Loss::field(self.target, origin, what, why, help));
    }

    fn skip(&mut self, origin: Origin, what: String, why: &str, help: &str) {
        self.losses
            .push(Loss::field(self.target, origin, what, why, help).skip());
        self.skip = true;
    }

    fn name(&self) -> &str {
        &self.s.name.value
    }
}

/// The server as `target` writes it (the value of its entry), or None when it cannot be
/// written faithfully; losses explain both dropped fields and skipped servers.
pub fn server_for(s: &McpServer, target: Vendor, losses: &mut Vec<Loss>) -> Option<Value> {
    // A literal secret is never copied into more files (nor shown by `sync --diff`); the same
    // detection as the `literal-secret` rule.
    if let Some((kind, shown)) = crate::secrets::server_secrets(s).first() {
        losses.push(
            Loss::field(
                target,
                s.name.origin,
                format!("MCP server `{}`", s.name.value),
                format!("it holds a literal {kind} ({shown}); aios-port never copies secrets into more files"),
                "reference an environment variable instead (see `aios-port explain literal-secret`), then sync again",
            )
            .refuse(),
        );
        return None;
    }
    let mut cx = Cx {
        s,
        target,
        losses,
        skip: false,
    };
    let out = match target {
        Vendor::Claude => claude(&mut cx),
        Vendor::Codex => codex(&mut cx),
        Vendor::Gemini => gemini(&mut cx),
    };
    if cx.skip {
        None
    } else {
        Some(Value::Object(out))
    }
}

/// Fields no target keeps: reported once per server.
fn common_losses(cx: &mut Cx<'_>) {
    let s = cx.s;
    for e in &s.extra {
        cx.lose(
            e.origin,
            format!("`{}` of MCP server `{}`", e.key, cx.name()),
            "the target has no equivalent setting",
            "set it by hand in the target file if it matters",
        );
    }
    if let Some(o) = &s.oauth {
        cx.lose(
            o.origin,
            format!("OAuth settings of MCP server `{}`", cx.name()),
            "OAuth client settings differ per vendor and are not converted",
            "log in with the target vendor's own command (`codex mcp login`, `/mcp` in Claude Code or Gemini CLI)",
        );
    }
}

fn claude(cx: &mut Cx<'_>) -> Map<String, Value> {
    let s = cx.s;
    let mut m = Map::new();
    common_losses(cx);
    match &s.transport.value {
        Transport::Stdio => {}
        Transport::Http => {
            m.insert("type".into(), json!("http"));
        }
        Transport::Sse => {
            m.insert("type".into(), json!("sse"));
        }
        Transport::Ws => {
            m.insert("type".into(), json!("ws"));
        }
        Transport::Unknown(t) => {
            let what = format!("MCP server `{}` with transport `{t}`", cx.name());
            cx.skip(
                s.transport.origin,
                what,
                "the transport is unknown",
                "fix the source entry",
            );
        }
    }
    stdio_braced(s, &mut m);
    if let Some(c) = &s.cwd {
        let what = format!("`cwd` of MCP server `{}`", cx.name());
        cx.skip(c.origin, what, "Claude Code has no working directory per server: relative paths would resolve elsewhere", "wrap the command (`sh -c 'cd DIR && exec …'`) in the source, or drop `cwd`");
    }
    if let Some(u) = &s.url {
        m.insert("url".into(), json!(braced(&u.value.parts)));
    }
    let headers = headers_braced(s);
    if !headers.is_empty() {
        m.insert("headers".into(), Value::Object(headers));
    }
    if let Some(t) = &s.tool_timeout {
        m.insert("timeout".into(), json!(t.ms));
    }
    if let Some(t) = &s.startup_timeout {
        cx.lose(
            t.origin,
            format!("startup timeout of MCP server `{}`", cx.name()),
            "Claude Code has only the global `MCP_TIMEOUT` environment variable",
            "set `MCP_TIMEOUT` (milliseconds) in the environment",
        );
    }
    disabled_and_tools(
        cx,
        "Claude Code has no per-server enable flag or tool filter",
        "disable it with `/mcp`, or deny its tools with `permissions.deny: [\"mcp__<server>__<tool>\"]`",
    );
    m
}

fn disabled_and_tools(cx: &mut Cx<'_>, why: &str, help: &str) {
    let s = cx.s;
    if let Some(e) = &s.enabled
        && !e.value
    {
        let what = format!("disabled MCP server `{}`", cx.name());
        cx.skip(e.origin, what, why, help);
    }
    for (list, label) in [
        (&s.include_tools, "tool allow-list"),
        (&s.exclude_tools, "tool deny-list"),
    ] {
        if let Some(l) = list
            && let Some(first) = l.first()
            && cx.target == Vendor::Claude
        {
            let what = format!("{label} of MCP server `{}`", cx.name());
            cx.lose(first.origin, what, why, help);
        }
    }
    if let Some(r) = &s.required
        && r.value
        && cx.target != Vendor::Codex
    {
        let what = format!("`required` of MCP server `{}`", cx.name());
        cx.lose(
            r.origin,
            what,
            "only Codex can refuse to start when a server fails",
            "none: the target starts without the server",
        );
    }
}

/// `command`, `args` and `env` in `${VAR}` syntax (Claude and Gemini read the same), with
/// Codex's `env_vars` written back as `K = ${K}`.
fn stdio_braced(s: &McpServer, m: &mut Map<String, Value>) {
    if let Some(c) = &s.command {
        m.insert("command".into(), json!(braced(&c.value.parts)));
    }
    if !s.args.is_empty() {
        m.insert(
            "args".into(),
            json!(
                s.args
                    .iter()
                    .map(|a| braced(&a.value.parts))
                    .collect::<Vec<_>>()
            ),
        );
    }
    let mut env = Map::new();
    for (k, v) in &s.env {
        env.insert(k.value.clone(), json!(braced(&v.value.parts)));
    }
    for k in &s.env_vars {
        env.entry(k.value.clone())
            .or_insert_with(|| json!(format!("${{{}}}", k.value)));
    }
    if !env.is_empty() {
        m.insert("env".into(), Value::Object(env));
    }
}

/// Headers in `${VAR}` syntax, with Codex's bearer and env headers folded back in.
fn headers_braced(s: &McpServer) -> Map<String, Value> {
    let mut h = Map::new();
    for (k, v) in &s.headers {
        h.insert(k.value.clone(), json!(braced(&v.value.parts)));
    }
    if let Some(t) = &s.bearer_token_env_var {
        h.insert(
            "Authorization".into(),
            json!(format!("Bearer ${{{}}}", t.value)),
        );
    }
    for (k, v) in &s.env_http_headers {
        h.insert(k.value.clone(), json!(format!("${{{}}}", v.value)));
    }
    h
}

fn codex(cx: &mut Cx<'_>) -> Map<String, Value> {
    let s = cx.s;
    let mut m = Map::new();
    common_losses(cx);
    match &s.transport.value {
        Transport::Stdio | Transport::Http => {}
        other => {
            let what = format!("MCP server `{}` ({:?} transport)", cx.name(), other);
            cx.skip(
                s.transport.origin,
                what.to_lowercase().replace("mcp", "MCP"),
                "Codex speaks only stdio and streamable HTTP",
                "serve it over streamable HTTP, or bridge it with a pinned stdio proxy",
            );
            return m;
        }
    }
    let literal = |cx: &mut Cx<'_>, v: &Spanned<EnvValue>, field: &str| -> Option<String> {
        if is_literal(&v.value) {
            Some(v.value.raw.clone())
        } else {
            let what = format!(
                "`{field}` of MCP server `{}` (`{}`)",
                cx.name(),
                v.value.raw
            );
            cx.skip(v.origin, what, "Codex does not expand variables in config.toml", "pass the value through `env_vars` and read it in the server, or write the literal value");
            None
        }
    };
    if let Some(c) = &s.command
        && let Some(v) = literal(cx, c, "command")
    {
        m.insert("command".into(), json!(v));
    }
    let mut args = Vec::new();
    for a in &s.args {
        if let Some(v) = literal(cx, a, "args") {
            args.push(v);
        }
    }
    if !args.is_empty() {
        m.insert("args".into(), json!(args));
    }
    let mut env = Map::new();
    let mut env_vars: Vec<String> = Vec::new();
    for (k, v) in &s.env {
        if is_literal(&v.value) {
            env.insert(k.value.clone(), json!(v.value.raw));
        } else if v.value.sole_var() == Some(k.value.as_str()) {
            env_vars.push(k.value.clone());
        } else {
            let what = format!(
                "env `{}` of MCP server `{}` (`{}`)",
                k.value,
                cx.name(),
                v.value.raw
            );
            cx.skip(v.origin, what, "Codex passes environment variables through only under their own name, without defaults", "rename the variable so the server reads `$NAME` itself, then it maps to `env_vars`");
        }
    }
    for k in &s.env_vars {
        if !env_vars.contains(&k.value) {
            env_vars.push(k.value.clone());
        }
    }
    if !env.is_empty() {
        m.insert("env".into(), Value::Object(env));
    }
    if !env_vars.is_empty() {
        m.insert("env_vars".into(), json!(env_vars));
    }
    if let Some(c) = &s.cwd
        && let Some(v) = literal(cx, c, "cwd")
    {
        m.insert("cwd".into(), json!(v));
    }
    if let Some(u) = &s.url
        && let Some(v) = literal(cx, u, "url")
    {
        m.insert("url".into(), json!(v));
    }
    let mut http_headers = Map::new();
    let mut env_headers = Map::new();
    let mut bearer = s.bearer_token_env_var.as_ref().map(|b| b.value.clone());
    for (k, v) in &s.headers {
        let parts = &v.value.parts;
        let bearer_var = match parts.as_slice() {
            [
                Part::Literal(p),
                Part::Var {
                    name,
                    default: None,
                    ..
                },
            ] if p == "Bearer " => Some(name.clone()),
            _ => None,
        };
        if is_literal(&v.value) {
            http_headers.insert(k.value.clone(), json!(v.value.raw));
        } else if k.value.eq_ignore_ascii_case("authorization") && bearer_var.is_some() {
            bearer = bearer_var;
        } else if let Some(var) = v.value.sole_var() {
            env_headers.insert(k.value.clone(), json!(var));
        } else {
            let what = format!(
                "header `{}` of MCP server `{}` (`{}`)",
                k.value,
                cx.name(),
                v.value.raw
            );
            cx.skip(v.origin, what, "Codex reads a header either literally, as `Bearer <env var>`, or whole from one env var", "make the header exactly `${VAR}` (or `Bearer ${VAR}` for Authorization)");
        }
    }
    for (k, v) in &s.env_http_headers {
        env_headers.insert(k.value.clone(), json!(v.value));
    }
    if let Some(b) = bearer {
        m.insert("bearer_token_env_var".into(), json!(b));
    }
    if !http_headers.is_empty() {
        m.insert("http_headers".into(), Value::Object(http_headers));
    }
    if !env_headers.is_empty() {
        m.insert("env_http_headers".into(), Value::Object(env_headers));
    }
    if let Some(t) = &s.startup_timeout {
        m.insert("startup_timeout_sec".into(), secs(t.ms));
    }
    if let Some(t) = &s.tool_timeout {
        m.insert("tool_timeout_sec".into(), secs(t.ms));
    }
    if let Some(e) = &s.enabled
        && !e.value
    {
        m.insert("enabled".into(), json!(false));
    }
    if let Some(r) = &s.required
        && r.value
    {
        m.insert("required".into(), json!(true));
    }
    if let Some(l) = &s.include_tools {
        m.insert(
            "enabled_tools".into(),
            json!(l.iter().map(|t| t.value.clone()).collect::<Vec<_>>()),
        );
    }
    if let Some(l) = &s.exclude_tools {
        m.insert(
            "disabled_tools".into(),
            json!(l.iter().map(|t| t.value.clone()).collect::<Vec<_>>()),
        );
    }
    trust_loss(cx);
    m
}

fn trust_loss(cx: &mut Cx<'_>) {
    if let Some(t) = &cx.s.trust
        && t.value
    {
        let what = format!("`trust` of MCP server `{}`", cx.name());
        cx.lose(
            t.origin,
            what,
            "only Gemini CLI can skip confirmations for a whole server (and doing so is a risk)",
            "allow the tools the project needs with the target's permission rules",
        );
    }
}

fn gemini(cx: &mut Cx<'_>) -> Map<String, Value> {
    let s = cx.s;
    let mut m = Map::new();
    common_losses(cx);
    match &s.transport.value {
        Transport::Stdio => {}
        Transport::Http => {
            m.insert("type".into(), json!("http"));
        }
        Transport::Sse => {
            m.insert("type".into(), json!("sse"));
        }
        other => {
            let what = format!("MCP server `{}` ({other:?} transport)", cx.name());
            cx.skip(
                s.transport.origin,
                what,
                "Gemini CLI has stdio, SSE and streamable HTTP only",
                "serve it over streamable HTTP",
            );
            return m;
        }
    }
    stdio_braced(s, &mut m);
    if let Some(c) = &s.cwd {
        m.insert("cwd".into(), json!(braced(&c.value.parts)));
    }
    if let Some(u) = &s.url {
        m.insert("url".into(), json!(braced(&u.value.parts)));
    }
    let headers = headers_braced(s);
    if !headers.is_empty() {
        m.insert("headers".into(), Value::Object(headers));
    }
    if let Some(t) = &s.tool_timeout {
        m.insert("timeout".into(), json!(t.ms));
    }
    if let Some(t) = &s.startup_timeout {
        cx.lose(
            t.origin,
            format!("startup timeout of MCP server `{}`", cx.name()),
            "Gemini CLI has one timeout per server (per call)",
            "none",
        );
    }
    if let Some(l) = &s.include_tools {
        m.insert(
            "includeTools".into(),
            json!(l.iter().map(|t| t.value.clone()).collect::<Vec<_>>()),
        );
    }
    if let Some(l) = &s.exclude_tools {
        m.insert(
            "excludeTools".into(),
            json!(l.iter().map(|t| t.value.clone()).collect::<Vec<_>>()),
        );
    }
    disabled_and_tools(
        cx,
        "Gemini CLI disables servers by name in `mcp.excluded`",
        "add the name to `mcp.excluded` in .gemini/settings.json",
    );
    m
}
