//! AP202 `unsupported-interpolation`: A value uses variable interpolation another vendor of the workspace cannot express.
//!
//! Judged per string value of an MCP server, against the vendors the server must also work
//! for ([`targets`]): Codex has no interpolation at all (only whole variables passed by name),
//! Gemini CLI lacks the variables only Claude Code sets, and nobody expands VS Code's
//! `${env:X}`-style variables. Codex's own values that contain `${...}` are reported too:
//! Codex passes them to the server as written.

use crate::check::rules::ap201_unsupported_transport::{
    Target, plugin_anchor, targets, via_phrase,
};
use crate::check::{Category, LintContext, Rule, RuleMeta};
use crate::diagnostic::{Diagnostic, Severity};
use crate::model::{EnvValue, McpServer, Part, VarSyntax};
use crate::source::Spanned;
use crate::vendor::Vendor;
use crate::workspace::Workspace;

/// A value uses variable interpolation another vendor of the workspace cannot express.
pub struct UnsupportedInterpolation;

/// The rule's metadata.
static META: RuleMeta = RuleMeta {
    code: "AP202",
    name: "unsupported-interpolation",
    category: Category::Portability,
    severity: Severity::Warning,
    summary: "A value uses variable interpolation another vendor of the workspace cannot express.",
    doc: DOC,
    from_loader: false,
};

/// Where a value sits in a server entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Field {
    /// `command`.
    Command,
    /// One of `args`.
    Args,
    /// An `env` value.
    Env,
    /// `cwd`.
    Cwd,
    /// `url`.
    Url,
    /// A header value (`headers`, Codex `http_headers`).
    Header,
}

/// One string value of a server entry.
struct Value<'a> {
    field: Field,
    /// The env variable or header name.
    key: Option<&'a str>,
    value: &'a Spanned<EnvValue>,
}

impl Value<'_> {
    /// How messages name the place.
    fn place(&self) -> String {
        match (self.field, self.key) {
            (Field::Env, Some(k)) => format!("env `{k}`"),
            (Field::Header, Some(k)) => format!("header `{k}`"),
            (Field::Command, _) => "`command`".into(),
            (Field::Args, _) => "`args`".into(),
            (Field::Cwd, _) => "`cwd`".into(),
            (Field::Url, _) => "`url`".into(),
            (Field::Env, None) => "`env`".into(),
            (Field::Header, None) => "`headers`".into(),
        }
    }
}

/// Every string value of `s`, in file order of fields.
fn values(s: &McpServer) -> Vec<Value<'_>> {
    let mut out = Vec::new();
    let one = |field, value| Value {
        field,
        key: None,
        value,
    };
    if let Some(c) = &s.command {
        out.push(one(Field::Command, c));
    }
    out.extend(s.args.iter().map(|a| one(Field::Args, a)));
    for (k, v) in &s.env {
        out.push(Value {
            field: Field::Env,
            key: Some(&k.value),
            value: v,
        });
    }
    if let Some(c) = &s.cwd {
        out.push(one(Field::Cwd, c));
    }
    if let Some(u) = &s.url {
        out.push(one(Field::Url, u));
    }
    for (k, v) in &s.headers {
        out.push(Value {
            field: Field::Header,
            key: Some(&k.value),
            value: v,
        });
    }
    out
}

/// The variable references of `v`: name and default.
fn vars(v: &EnvValue) -> impl Iterator<Item = (&str, Option<&str>)> {
    v.parts.iter().filter_map(|p| match p {
        Part::Var { name, default, .. } => Some((name.as_str(), default.as_deref())),
        Part::Literal(_) => None,
    })
}

/// A reference for messages; a non-empty default is not shown (it may be a secret).
fn show_var(name: &str, default: Option<&str>) -> String {
    match default {
        None => format!("${{{name}}}"),
        Some("") => format!("${{{name}:-}}"),
        Some(_) => format!("${{{name}:-…}}"),
    }
}

/// All references of `v` as written (`$VAR` stays bare), for messages.
fn show_vars(v: &EnvValue) -> String {
    v.parts
        .iter()
        .filter_map(|p| match p {
            Part::Var {
                name,
                syntax: VarSyntax::Bare,
                ..
            } => Some(format!("`${name}`")),
            Part::Var { name, default, .. } => {
                Some(format!("`{}`", show_var(name, default.as_deref())))
            }
            Part::Literal(_) => None,
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// Why Codex cannot express a value written with interpolation.
#[derive(Debug, Clone, PartialEq, Eq)]
enum CodexGap {
    /// `${VAR:-default}`.
    Default(String),
    /// An env entry set from a variable of another name.
    Rename(String),
    /// Text and variables mixed, or several variables.
    Composite,
    /// A variable inside `command`, `args`, `url` or `cwd`.
    Inside,
    /// An env entry `K=${K}` in a file Codex reads as it is (a plugin's `.mcp.json`): fine
    /// to port, but Codex loading the file sets `K` to the text `${K}`.
    Literal,
}

/// Whether `v` is `Bearer ${VAR}` (what `bearer_token_env_var` sends).
fn bearer_form(v: &EnvValue) -> bool {
    matches!(
        v.parts.as_slice(),
        [Part::Literal(l), Part::Var { default: None, .. }] if l == "Bearer "
    )
}

/// What Codex cannot express about a value of another vendor's server. `as_is`: Codex reads
/// the file itself (a plugin's `.mcp.json`), so nothing is mapped to `env_vars` on the way.
fn codex_gap(field: Field, key: Option<&str>, v: &EnvValue, as_is: bool) -> Option<CodexGap> {
    if !v.has_vars() {
        return None;
    }
    let default = vars(v)
        .find(|(_, d)| d.is_some())
        .map(|(n, _)| n.to_string());
    match field {
        Field::Env => {
            if key.is_some() && v.sole_var() == key {
                as_is.then_some(CodexGap::Literal)
            } else if let Some(n) = default {
                Some(CodexGap::Default(n))
            } else if let Some(n) = v.sole_var() {
                Some(CodexGap::Rename(n.to_string()))
            } else {
                Some(CodexGap::Composite)
            }
        }
        // Codex ignores `headers` in a plugin's `.mcp.json` altogether (AP010 says so); what
        // is judged here is whether Codex could send the header at all.
        Field::Header => {
            let auth = key.is_some_and(|k| k.eq_ignore_ascii_case("authorization"));
            if v.sole_var().is_some() || (auth && bearer_form(v)) {
                None
            } else if let Some(n) = default {
                Some(CodexGap::Default(n))
            } else {
                Some(CodexGap::Composite)
            }
        }
        Field::Command | Field::Args | Field::Cwd | Field::Url => Some(CodexGap::Inside),
    }
}

/// VS Code / Cursor variables that no vendor here expands, found in `raw`.
fn vscode_var(raw: &str) -> Option<&str> {
    const PREFIXES: &[&str] = &[
        "${env:",
        "${input:",
        "${config:",
        "${command:",
        "${workspaceFolder}",
        "${workspaceFolderBasename}",
        "${userHome}",
    ];
    let start = PREFIXES.iter().filter_map(|p| raw.find(p)).min()?;
    let end = raw[start..].find('}').map_or(raw.len(), |e| start + e + 1);
    Some(&raw[start..end])
}

/// Variables only Claude Code sets for MCP servers.
const CLAUDE_ONLY_VARS: &[&str] = &[
    "CLAUDE_PLUGIN_ROOT",
    "CLAUDE_PLUGIN_DATA",
    "CLAUDE_PROJECT_DIR",
];

/// The first Claude-only variable of `v`, if any.
fn claude_only_var(v: &EnvValue) -> Option<(&str, Option<&str>)> {
    vars(v).find(|(n, _)| CLAUDE_ONLY_VARS.contains(n))
}

/// How a plugin gives Codex a definition of its own.
const OWN_DEFINITION: &str =
    "a `.codex-plugin/plugin.json` whose `mcpServers` names a file written for Codex";

/// Help for a Codex gap; `plugin` when Codex reads the file as it is (no sync step).
fn codex_help(s: &McpServer, val: &Value<'_>, gap: &CodexGap, plugin: bool) -> String {
    let key = val.key.unwrap_or("NAME");
    let v = &val.value.value;
    let first = vars(v).next().map_or("VAR", |(n, _)| n);
    if plugin {
        return match (gap, val.field) {
            (CodexGap::Inside, _) => inside_help(s, val, true),
            (CodexGap::Rename(n), _) => format!(
                "Codex cannot rename variables: let the server read `{n}` itself or start it through a wrapper script, and give Codex its own definition ({OWN_DEFINITION})"
            ),
            (CodexGap::Composite, Field::Header) => format!(
                "Codex sends a header only from one whole variable (`env_http_headers`) or as `Bearer` plus a variable (`bearer_token_env_var`); give Codex its own definition ({OWN_DEFINITION})"
            ),
            (_, Field::Header) => format!(
                "add `\"env_http_headers\": {{\"{key}\": \"{first}\"}}` to the entry (Claude Code ignores keys it does not know); Codex sends the header when `{first}` is set"
            ),
            (CodexGap::Composite, _) => format!(
                "build the value in a wrapper script that starts the server, and give Codex its own definition ({OWN_DEFINITION})"
            ),
            _ => format!(
                "give Codex its own definition ({OWN_DEFINITION}) that passes the variable with `\"env_vars\": [\"{first}\"]`"
            ),
        };
    }
    let sync = "; then `aios-port sync --to codex` maps it";
    match gap {
        CodexGap::Default(n) => format!(
            "drop the default (write `${{{n}}}`) and make sure `{n}` is set wherever the agent runs{sync}"
        ),
        CodexGap::Rename(n) => format!(
            "use the same name on both sides (`\"{key}\": \"${{{key}}}\"`){sync}; or start the server through a wrapper script that sets `{key}` from `{n}`"
        ),
        CodexGap::Composite if val.field == Field::Header => format!(
            "send a whole variable (`\"{key}\": \"${{VAR}}\"` becomes Codex `env_http_headers`) or `Bearer ${{VAR}}` in `Authorization` (Codex `bearer_token_env_var`){sync}"
        ),
        CodexGap::Composite => "build the value in a wrapper script that starts the server, or let the server read the variables itself (an entry `\"VAR\": \"${VAR}\"` becomes Codex `env_vars`)".to_string(),
        CodexGap::Inside => inside_help(s, val, false),
        CodexGap::Literal => format!("give Codex its own definition ({OWN_DEFINITION})"),
    }
}

/// Help for a variable inside `command`, `args`, `url` or `cwd`; `plugin` as in [`codex_help`].
fn inside_help(s: &McpServer, val: &Value<'_>, plugin: bool) -> String {
    let v = &val.value.value;
    let own = if plugin {
        format!("; or give Codex its own definition ({OWN_DEFINITION})")
    } else {
        String::new()
    };
    if let Some((n, _)) = claude_only_var(v) {
        return if plugin {
            format!(
                "`${{{n}}}` is a Claude Code variable; give Codex its own definition ({OWN_DEFINITION}) with a relative `cwd`, which Codex resolves against the plugin root"
            )
        } else {
            format!(
                "`${{{n}}}` is a Claude Code variable; give the Codex entry a `cwd` and use relative paths"
            )
        };
    }
    let docker = s.command.as_ref().is_some_and(|c| {
        let bin = c.value.raw.rsplit('/').next().unwrap_or(&c.value.raw);
        matches!(bin, "docker" | "podman")
    });
    if docker
        && val.field == Field::Args
        && let Some((name, rest)) = v.raw.split_once('=')
        && rest == format!("${{{name}}}")
    {
        let pass = if plugin {
            format!(
                "add `\"env_vars\": [\"{name}\"]` to the entry (Claude Code ignores keys it does not know) so Codex passes `{name}` to it"
            )
        } else {
            format!(
                "add `\"env\": {{\"{name}\": \"${{{name}}}\"}}` so that `aios-port sync --to codex` writes `env_vars = [\"{name}\"]`"
            )
        };
        return format!(
            "write `{name}` without `=…` (`-e {name}` makes the container take `{name}` from its environment) and {pass}"
        );
    }
    let how = match val.field {
        Field::Url => "write the URL out; pass credentials in a header instead (`Authorization: Bearer ${VAR}` becomes Codex `bearer_token_env_var`)".to_string(),
        Field::Args if !plugin => "pass the value through the environment instead (an entry `\"VAR\": \"${VAR}\"` in `env` becomes Codex `env_vars`; then run `aios-port sync --to codex`) and let the server read it, or start the server through a wrapper script that builds the arguments".to_string(),
        Field::Args => "let the server read the value from its environment (Codex passes it with `env_vars`), or start the server through a wrapper script that builds the arguments".to_string(),
        _ => "write the path out, or start the server through a wrapper script".to_string(),
    };
    format!("{how}{own}")
}

/// Help for a Codex value with `${...}` text.
fn codex_native_help(val: &Value<'_>, v: &EnvValue) -> String {
    let key = val.key.unwrap_or("NAME");
    match (val.field, v.sole_var()) {
        (Field::Env, Some(n)) if Some(n) == val.key => {
            format!("remove it from `env` and add `env_vars = [\"{n}\"]`: Codex passes the variable through from its environment")
        }
        (Field::Header, Some(n)) => {
            format!("use `env_http_headers = {{ \"{key}\" = \"{n}\" }}`: Codex reads the header value from `{n}`")
        }
        (Field::Header, _)
            if key.eq_ignore_ascii_case("authorization") && bearer_form(v) =>
        {
            let n = vars(v).next().map_or("VAR", |(n, _)| n);
            format!("use `bearer_token_env_var = \"{n}\"`: Codex sends `Bearer` and the value of `{n}`")
        }
        _ => "write the literal value, or pass whole variables by name (`env_vars`, `bearer_token_env_var`, `env_http_headers`) and let a wrapper script build anything else".to_string(),
    }
}

impl UnsupportedInterpolation {
    /// Findings for one value of server `s`, which vendors `tgts` must also run.
    fn value(&self, s: &McpServer, val: &Value<'_>, tgts: &[Target<'_>], cx: &mut LintContext<'_>) {
        let v = &val.value.value;
        let origin = val.value.origin;
        let place = val.place();
        let name = &s.name.value;

        if let Some(vs) = vscode_var(&v.raw) {
            let mut who = vec![s.vendor];
            who.extend(tgts.iter().map(|t| t.vendor));
            who.sort();
            who.dedup();
            let names: Vec<&str> = who.iter().map(|w| w.display_name()).collect();
            let verb = if names.len() == 1 { "passes" } else { "pass" };
            let help = match vs.strip_prefix("${env:").and_then(|r| r.strip_suffix('}')) {
                Some(n) => format!("write `${{{n}}}`, which Claude Code and Gemini CLI expand"),
                None => {
                    "write the value out (a relative path for files in the workspace)".to_string()
                }
            };
            let mut d = Diagnostic::new(
                META.code,
                META.severity,
                origin,
                format!(
                    "MCP server `{name}` uses VS Code's `{vs}` in {place}, which {} {verb} as written",
                    names.join(" and ")
                ),
            )
            .with_label("VS Code variable syntax")
            .with_note("`${env:X}`, `${input:X}`, `${workspaceFolder}` and `${userHome}` are expanded by VS Code and Cursor only")
            .with_help(help);
            for t in tgts {
                if let Some(p) = t.via {
                    d = d.with_secondary(plugin_anchor(p), via_phrase(t));
                }
            }
            cx.report(d);
            return;
        }

        if s.vendor == Vendor::Codex {
            let as_claude = EnvValue::parse(&v.raw, Vendor::Claude);
            if as_claude.has_vars() {
                cx.report(
                    Diagnostic::new(
                        META.code,
                        META.severity,
                        origin,
                        format!(
                            "Codex does not expand {} in {place} of MCP server `{name}`: the server gets the text as written",
                            show_vars(&as_claude)
                        ),
                    )
                    .with_label("passed literally")
                    .with_note("Codex has no variable interpolation in config.toml; it passes variables only by name")
                    .with_help(codex_native_help(val, &as_claude)),
                );
            }
            return;
        }

        for t in tgts {
            match t.vendor {
                Vendor::Codex => {
                    let Some(gap) = codex_gap(val.field, val.key, v, t.via.is_some()) else {
                        continue;
                    };
                    let (message, label) = match &gap {
                        CodexGap::Default(n) => {
                            let d = vars(v).find(|(x, _)| x == n).and_then(|(_, d)| d);
                            (
                                format!(
                                    "MCP server `{name}` gives `{}` a default in {place}, which Codex cannot express",
                                    show_var(n, d)
                                ),
                                "Codex has no `:-` defaults",
                            )
                        }
                        CodexGap::Rename(n) => (
                            format!(
                                "MCP server `{name}` sets {place} from another variable, `${{{n}}}`, which Codex cannot express"
                            ),
                            "Codex passes a variable only under its own name",
                        ),
                        CodexGap::Composite => (
                            format!(
                                "MCP server `{name}` builds {place} from text and {}, which Codex cannot express",
                                show_vars(v)
                            ),
                            "Codex can only pass a whole variable",
                        ),
                        CodexGap::Inside => (
                            format!(
                                "MCP server `{name}` has {} inside {place}, which Codex cannot express",
                                show_vars(v)
                            ),
                            "Codex does not expand variables",
                        ),
                        CodexGap::Literal => (
                            format!(
                                "Codex sets {place} of MCP server `{name}` to the text {} when it loads this plugin",
                                show_vars(v)
                            ),
                            "Codex does not expand variables",
                        ),
                    };
                    let mut d = Diagnostic::new(META.code, META.severity, origin, message)
                        .with_label(label)
                        .with_note("Codex has no interpolation: it takes every value literally and passes variables only by name (`env_vars`, `bearer_token_env_var`, `env_http_headers`)");
                    if let Some(p) = t.via {
                        d = d
                            .with_secondary(plugin_anchor(p), via_phrase(t))
                            .with_note("Codex reads the plugin's `.mcp.json` as it is written: the server receives the literal text");
                    }
                    cx.report(d.with_help(codex_help(s, val, &gap, t.via.is_some())));
                }
                Vendor::Gemini if s.vendor == Vendor::Claude => {
                    let Some((n, None)) = claude_only_var(v) else {
                        continue;
                    };
                    let mut d = Diagnostic::new(
                        META.code,
                        META.severity,
                        origin,
                        format!(
                            "MCP server `{name}` uses `${{{n}}}` in {place}, which Gemini CLI does not set"
                        ),
                    )
                    .with_label("a Claude Code variable")
                    .with_note("Gemini CLI expands `${VAR}` from its environment and leaves an unset variable as written")
                    .with_help(format!(
                        "give it a default both understand (`${{{n}:-.}}`), or write the path out{}",
                        if t.via.is_none() { "; then run `aios-port sync --to gemini`" } else { "" }
                    ));
                    if let Some(p) = t.via {
                        d = d.with_secondary(plugin_anchor(p), via_phrase(t));
                    }
                    cx.report(d);
                }
                _ => {}
            }
        }
    }
}

impl Rule for UnsupportedInterpolation {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ws: &Workspace, cx: &mut LintContext<'_>) {
        let vendors = cx.vendors();
        for s in &ws.model.mcp_servers {
            let tgts = targets(ws, vendors, s);
            for val in values(s) {
                self.value(s, &val, &tgts, cx);
            }
        }
    }
}

/// The rule's documentation (`aios-port explain`).
const DOC: &str = r#"## What it does
Checks every string value of an MCP server (`command`, `args`, `env`, `cwd`, `url`, headers)
against the vendors that must also run the server: for a project server, the other vendors of
the workspace that have no entry of that name yet; for a plugin server, the other vendors that
load the plugin (Codex loads a Claude plugin without `.codex-plugin/plugin.json`, and its
`.mcp.json` as it is). It reports:

- for Codex, which has no interpolation and passes variables only by name (`env_vars`,
  `bearer_token_env_var`, `env_http_headers`): a `${VAR:-default}`; an env entry set from a
  variable of another name (`K=${OTHER}`) or from text and variables; a variable inside
  `command`, `args`, `url` or `cwd`; a header that is neither exactly `${VAR}` nor
  `Authorization: Bearer ${VAR}`;
- in Codex's own config, a value containing `${VAR}`: Codex passes it as written;
- for Gemini CLI, `${CLAUDE_PROJECT_DIR}` and the other variables only Claude Code sets;
- for everyone, VS Code variables (`${env:X}`, `${input:X}`, `${workspaceFolder}`,
  `${userHome}`), which none of the three expands.

Bare `$VAR` in a Claude value is not reported: Claude does not expand it, and `sync` rewrites
it. Values are never printed; only the variable references are (without defaults).

## Why is this bad?
The other vendor starts the server with the literal text `${GITHUB_TOKEN:-}` or
`${CLAUDE_PLUGIN_ROOT}/server.js`: authentication fails, or the server does not start, and
nothing says why.

## Example
```json .mcp.json
{"mcpServers": {"api": {"command": "api-mcp", "args": ["--token", "${API_TOKEN}"],
  "env": {"API_URL": "${API_URL:-https://api.example.com}"}}}}
```
```toml .codex/config.toml
model = "gpt-5-codex"
```
Use instead:
```json .mcp.json
{"mcpServers": {"api": {"command": "api-mcp", "env": {"API_TOKEN": "${API_TOKEN}", "API_URL": "${API_URL}"}}}}
```
```toml .codex/config.toml
model = "gpt-5-codex"
```

## How to fix
Pass whole variables by their own name (`"K": "${K}"` becomes Codex `env_vars = ["K"]`,
`Authorization: Bearer ${T}` becomes `bearer_token_env_var = "T"`, a header `${V}` becomes
`env_http_headers`) and let the server read them; then run `aios-port sync --to codex`. Anything
else needs a wrapper script that builds the value, or a separate entry for Codex (for a plugin,
a `.codex-plugin/plugin.json` whose `mcpServers` names a Codex-format file).

## References
- https://developers.openai.com/codex/config-reference
- https://code.claude.com/docs/en/mcp#environment-variable-expansion-in-mcp-json
- https://geminicli.com/docs/tools/mcp-server
"#;

#[cfg(test)]
mod tests {
    use super::*;

    fn claude(raw: &str) -> EnvValue {
        EnvValue::parse(raw, Vendor::Claude)
    }

    #[test]
    fn codex_gaps() {
        let env = |k: &str, raw: &str| codex_gap(Field::Env, Some(k), &claude(raw), false);
        assert_eq!(env("TOKEN", "${TOKEN}"), None);
        assert_eq!(env("TOKEN", "literal"), None);
        assert_eq!(
            env("TOKEN", "${GH_TOKEN}"),
            Some(CodexGap::Rename("GH_TOKEN".into()))
        );
        assert_eq!(
            env("TOKEN", "${TOKEN:-x}"),
            Some(CodexGap::Default("TOKEN".into()))
        );
        assert_eq!(env("URL", "https://${HOST}/x"), Some(CodexGap::Composite));
        // A plugin's file is read by Codex as it is: even a same-name entry stays literal.
        assert_eq!(
            codex_gap(Field::Env, Some("TOKEN"), &claude("${TOKEN}"), true),
            Some(CodexGap::Literal)
        );
        // Claude does not expand bare `$VAR`: nothing to port.
        assert_eq!(env("HOME_DIR", "$HOME"), None);

        let header = |k: &str, raw: &str| codex_gap(Field::Header, Some(k), &claude(raw), false);
        assert_eq!(header("Authorization", "Bearer ${T}"), None);
        assert_eq!(header("authorization", "Bearer ${T}"), None);
        assert_eq!(header("X-Key", "${K}"), None);
        assert_eq!(header("X-Key", "Bearer ${K}"), Some(CodexGap::Composite));
        assert_eq!(
            header("Authorization", "Token ${T}"),
            Some(CodexGap::Composite)
        );
        assert_eq!(
            header("Authorization", "${KEY:-}"),
            Some(CodexGap::Default("KEY".into()))
        );

        let arg = |raw: &str| codex_gap(Field::Args, None, &claude(raw), false);
        assert_eq!(arg("--port=3000"), None);
        assert_eq!(
            arg("${CLAUDE_PLUGIN_ROOT}/server.js"),
            Some(CodexGap::Inside)
        );
        assert_eq!(
            codex_gap(Field::Url, None, &claude("https://${HOST}/mcp"), false),
            Some(CodexGap::Inside)
        );
    }

    #[test]
    fn vscode_variables() {
        assert_eq!(
            vscode_var("Bearer ${env:GITHUB_TOKEN}"),
            Some("${env:GITHUB_TOKEN}")
        );
        assert_eq!(
            vscode_var("${workspaceFolder}/data"),
            Some("${workspaceFolder}")
        );
        assert_eq!(vscode_var("${input:key"), Some("${input:key"));
        assert_eq!(vscode_var("${GITHUB_TOKEN}"), None);
        assert_eq!(show_var("K", Some("secret")), "${K:-…}");
        assert_eq!(show_var("K", Some("")), "${K:-}");
        let gemini = EnvValue::parse("$HOME/${DIR:-x}", Vendor::Gemini);
        assert_eq!(show_vars(&gemini), "`$HOME`, `${DIR:-…}`");
    }
}
