//! MCP servers, their transports, and values that may reference environment variables.

use serde::Serialize;

use crate::model::Scope;
use crate::model::hooks::Timeout;
use crate::read::tree::Extra;
use crate::source::{Origin, Spanned};
use crate::vendor::Vendor;

/// One MCP server entry.
#[derive(Debug, Clone, Serialize)]
pub struct McpServer {
    /// The vendor whose file declares it.
    pub vendor: Vendor,
    /// Where it is configured.
    pub scope: Scope,
    /// Server name (the key).
    pub name: Spanned<String>,
    /// The whole entry.
    pub origin: Origin,
    /// Transport, explicit or inferred.
    pub transport: Spanned<Transport>,
    /// Whether the transport was written explicitly (`type`) or inferred from `command`/`url`.
    pub transport_explicit: bool,
    /// Executable (stdio).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub command: Option<Spanned<EnvValue>>,
    /// Arguments (stdio).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub args: Vec<Spanned<EnvValue>>,
    /// Environment (stdio): name and value.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub env: Vec<(Spanned<String>, Spanned<EnvValue>)>,
    /// Codex `env_vars`: names passed through from the parent environment.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub env_vars: Vec<Spanned<String>>,
    /// Working directory (stdio).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cwd: Option<Spanned<EnvValue>>,
    /// URL (remote transports).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<Spanned<EnvValue>>,
    /// Static or interpolated HTTP headers.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub headers: Vec<(Spanned<String>, Spanned<EnvValue>)>,
    /// Codex `bearer_token_env_var`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub bearer_token_env_var: Option<Spanned<String>>,
    /// Codex `env_http_headers`: header name and the env var holding its value.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub env_http_headers: Vec<(Spanned<String>, Spanned<String>)>,
    /// Startup timeout.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub startup_timeout: Option<Timeout>,
    /// Per-tool-call timeout.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tool_timeout: Option<Timeout>,
    /// Explicit enabled flag (Codex `enabled`, Claude/Gemini `disabled` inverted).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub enabled: Option<Spanned<bool>>,
    /// Codex `required`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub required: Option<Spanned<bool>>,
    /// Tool allow-list (Codex `enabled_tools`, Gemini `includeTools`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub include_tools: Option<Vec<Spanned<String>>>,
    /// Tool deny-list (Codex `disabled_tools`, Gemini `excludeTools`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub exclude_tools: Option<Vec<Spanned<String>>>,
    /// Gemini `trust` (skip all confirmations).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub trust: Option<Spanned<bool>>,
    /// OAuth settings, kept as written.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub oauth: Option<Spanned<serde_json::Value>>,
    /// Keys not modelled above, kept verbatim (vendor-only or unknown).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub extra: Vec<Extra>,
}

/// MCP transports.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Transport {
    /// A local process speaking over stdin/stdout.
    Stdio,
    /// Streamable HTTP.
    Http,
    /// Server-sent events (deprecated in MCP).
    Sse,
    /// WebSocket.
    Ws,
    /// A `type` the reader does not know, as written.
    Unknown(String),
}

/// A string value split into literal text and environment-variable references,
/// according to the interpolation syntax of the vendor that reads it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EnvValue {
    /// The value as written.
    pub raw: String,
    /// Literal and variable parts, in order.
    #[serde(skip_serializing_if = "is_single_literal")]
    pub parts: Vec<Part>,
}

fn is_single_literal(parts: &[Part]) -> bool {
    matches!(parts, [] | [Part::Literal(_)])
}

/// A piece of an [`EnvValue`].
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Part {
    /// Literal text.
    Literal(String),
    /// A variable reference.
    Var {
        /// The variable name.
        name: String,
        /// The default (`${VAR:-default}`).
        #[serde(skip_serializing_if = "Option::is_none")]
        default: Option<String>,
        /// How it was written.
        syntax: VarSyntax,
    },
}

/// How a variable reference is spelled.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum VarSyntax {
    /// `${VAR}`.
    Braced,
    /// `${VAR:-default}`.
    BracedDefault,
    /// `$VAR`.
    Bare,
}

impl EnvValue {
    /// A value with no interpolation (Codex reads every value literally).
    pub fn literal(raw: impl Into<String>) -> Self {
        let raw = raw.into();
        EnvValue {
            parts: vec![Part::Literal(raw.clone())],
            raw,
        }
    }

    /// Splits `raw` by the interpolation syntax `vendor` applies to MCP values:
    /// Claude `${VAR}` and `${VAR:-default}`; Gemini also `$VAR`; Codex none.
    pub fn parse(raw: &str, vendor: Vendor) -> Self {
        if vendor == Vendor::Codex {
            return EnvValue::literal(raw);
        }
        let bare = vendor == Vendor::Gemini;
        let mut parts = Vec::new();
        let mut lit = String::new();
        let b = raw.as_bytes();
        let mut i = 0;
        while i < b.len() {
            if b[i] == b'$'
                && let Some((part, len)) = parse_var(&raw[i..], bare)
            {
                if !lit.is_empty() {
                    parts.push(Part::Literal(std::mem::take(&mut lit)));
                }
                parts.push(part);
                i += len;
                continue;
            }
            let ch = raw[i..].chars().next().unwrap_or('$');
            lit.push(ch);
            i += ch.len_utf8();
        }
        if !lit.is_empty() {
            parts.push(Part::Literal(lit));
        }
        EnvValue {
            raw: raw.to_string(),
            parts,
        }
    }

    /// The variable, when the whole value is exactly one reference without default.
    pub fn sole_var(&self) -> Option<&str> {
        match self.parts.as_slice() {
            [
                Part::Var {
                    name,
                    default: None,
                    ..
                },
            ] => Some(name),
            _ => None,
        }
    }

    /// Whether any part is a variable reference.
    pub fn has_vars(&self) -> bool {
        self.parts.iter().any(|p| matches!(p, Part::Var { .. }))
    }
}

fn is_name_start(c: u8) -> bool {
    c.is_ascii_alphabetic() || c == b'_'
}

fn is_name(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'_'
}

/// Parses a reference at the start of `s` (which starts with `$`); returns the part and its length.
fn parse_var(s: &str, bare: bool) -> Option<(Part, usize)> {
    let b = s.as_bytes();
    if b.get(1) == Some(&b'{') {
        let close = s.find('}')?;
        let inner = &s[2..close];
        let (name, default) = match inner.split_once(":-") {
            Some((n, d)) => (n, Some(d.to_string())),
            None => (inner, None),
        };
        let nb = name.as_bytes();
        if nb.is_empty() || !is_name_start(nb[0]) || !nb.iter().all(|c| is_name(*c)) {
            return None;
        }
        // Gemini extension placeholders are substituted by the loader, not read from the
        // environment: they stay literal text.
        if bare && matches!(name, "extensionPath" | "workspacePath" | "/") {
            return None;
        }
        let syntax = if default.is_some() {
            VarSyntax::BracedDefault
        } else {
            VarSyntax::Braced
        };
        return Some((
            Part::Var {
                name: name.to_string(),
                default,
                syntax,
            },
            close + 1,
        ));
    }
    if bare && b.get(1).is_some_and(|c| is_name_start(*c)) {
        let len = 1 + b[1..].iter().take_while(|c| is_name(**c)).count();
        return Some((
            Part::Var {
                name: s[1..len].to_string(),
                default: None,
                syntax: VarSyntax::Bare,
            },
            len,
        ));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn claude_syntax() {
        let v = EnvValue::parse("Bearer ${TOKEN}", Vendor::Claude);
        assert_eq!(
            v.parts,
            vec![
                Part::Literal("Bearer ".into()),
                Part::Var {
                    name: "TOKEN".into(),
                    default: None,
                    syntax: VarSyntax::Braced
                }
            ]
        );
        let d = EnvValue::parse("${KEY:-}", Vendor::Claude);
        assert!(matches!(&d.parts[..], [Part::Var { default: Some(x), .. }] if x.is_empty()));
        // Claude does not expand bare $VAR.
        assert!(!EnvValue::parse("$HOME/x", Vendor::Claude).has_vars());
        assert_eq!(
            EnvValue::parse("${T}", Vendor::Claude).sole_var(),
            Some("T")
        );
    }

    #[test]
    fn gemini_bare_and_codex_literal() {
        assert_eq!(
            EnvValue::parse("$TOKEN", Vendor::Gemini).sole_var(),
            Some("TOKEN")
        );
        assert!(!EnvValue::parse("${TOKEN}", Vendor::Codex).has_vars());
        // An unterminated or invalid reference stays literal.
        assert!(!EnvValue::parse("${", Vendor::Claude).has_vars());
        assert!(!EnvValue::parse("${1X}", Vendor::Claude).has_vars());
        // Extension placeholders are not environment variables.
        assert!(!EnvValue::parse("${extensionPath}${/}run.js", Vendor::Gemini).has_vars());
    }
}

/// A server's meaning, independent of vendor spelling: what it runs or calls, with which
/// environment and headers, where each piece came from.
///
/// Codex `env_vars = ["K"]` becomes env `K = ${K}`; `bearer_token_env_var = "T"` becomes
/// header `authorization = Bearer ${T}`; `env_http_headers = {H = "V"}` becomes header
/// `h = ${V}`. Header names are compared case-insensitively.
#[derive(Debug, Clone, PartialEq)]
pub struct CanonicalServer {
    /// Transport.
    pub transport: Spanned<Transport>,
    /// Command (stdio).
    pub command: Option<Spanned<Vec<Part>>>,
    /// Arguments (stdio).
    pub args: Vec<Spanned<Vec<Part>>>,
    /// Environment, sorted by name.
    pub env: std::collections::BTreeMap<String, Spanned<Vec<Part>>>,
    /// Working directory.
    pub cwd: Option<Spanned<Vec<Part>>>,
    /// URL (remote).
    pub url: Option<Spanned<Vec<Part>>>,
    /// Headers by lowercase name.
    pub headers: std::collections::BTreeMap<String, Spanned<Vec<Part>>>,
    /// Per-call timeout in ms, when set.
    pub tool_timeout_ms: Option<Spanned<u64>>,
    /// Startup timeout in ms, when set.
    pub startup_timeout_ms: Option<Spanned<u64>>,
    /// False when explicitly disabled.
    pub enabled: Spanned<bool>,
    /// Tool allow-list.
    pub include_tools: Option<Spanned<Vec<String>>>,
    /// Tool deny-list.
    pub exclude_tools: Option<Spanned<Vec<String>>>,
}

fn parts(v: &Spanned<EnvValue>) -> Spanned<Vec<Part>> {
    Spanned::new(v.value.parts.clone(), v.origin)
}

fn names(v: &[Spanned<String>], fallback: Origin) -> Spanned<Vec<String>> {
    let mut n: Vec<String> = v.iter().map(|s| s.value.clone()).collect();
    n.sort();
    Spanned::new(n, v.first().map_or(fallback, |s| s.origin))
}

/// Renders parts in neutral `${VAR}` syntax, for messages.
pub fn show_parts(parts: &[Part]) -> String {
    parts
        .iter()
        .map(|p| match p {
            Part::Literal(s) => s.clone(),
            Part::Var {
                name,
                default: None,
                ..
            } => format!("${{{name}}}"),
            Part::Var {
                name,
                default: Some(d),
                ..
            } => format!("${{{name}:-{d}}}"),
        })
        .collect()
}

impl McpServer {
    /// The server's meaning in vendor-neutral form.
    pub fn canonical(&self) -> CanonicalServer {
        let var = |name: &str| {
            vec![Part::Var {
                name: name.to_string(),
                default: None,
                syntax: VarSyntax::Braced,
            }]
        };
        let mut env = std::collections::BTreeMap::new();
        for (k, v) in &self.env {
            env.insert(k.value.clone(), parts(v));
        }
        for k in &self.env_vars {
            env.entry(k.value.clone())
                .or_insert_with(|| Spanned::new(var(&k.value), k.origin));
        }
        let mut headers = std::collections::BTreeMap::new();
        for (k, v) in &self.headers {
            headers.insert(k.value.to_ascii_lowercase(), parts(v));
        }
        if let Some(t) = &self.bearer_token_env_var {
            let mut p = vec![Part::Literal("Bearer ".into())];
            p.extend(var(&t.value));
            headers.insert("authorization".into(), Spanned::new(p, t.origin));
        }
        for (h, v) in &self.env_http_headers {
            headers.insert(
                h.value.to_ascii_lowercase(),
                Spanned::new(var(&v.value), v.origin),
            );
        }
        let ms = |t: &Option<crate::model::hooks::Timeout>| {
            t.as_ref().map(|t| Spanned::new(t.ms, t.origin))
        };
        CanonicalServer {
            transport: self.transport.clone(),
            command: self.command.as_ref().map(parts),
            args: self.args.iter().map(parts).collect(),
            env,
            cwd: self.cwd.as_ref().map(parts),
            url: self.url.as_ref().map(parts),
            headers,
            tool_timeout_ms: ms(&self.tool_timeout),
            startup_timeout_ms: ms(&self.startup_timeout),
            enabled: self
                .enabled
                .clone()
                .unwrap_or_else(|| Spanned::new(true, self.name.origin)),
            include_tools: self
                .include_tools
                .as_ref()
                .map(|v| names(v, self.name.origin)),
            exclude_tools: self
                .exclude_tools
                .as_ref()
                .map(|v| names(v, self.name.origin)),
        }
    }
}

/// One way two servers differ: the field, each side's value as text, and where.
#[derive(Debug, Clone, PartialEq)]
pub struct FieldDiff {
    /// Field name (`command`, `args`, `env.TOKEN`, `headers.authorization`, ...).
    pub field: String,
    /// This side's value (None: not set).
    pub ours: Option<String>,
    /// Where this side sets it.
    pub ours_at: Option<Origin>,
    /// The other side's value.
    pub theirs: Option<String>,
    /// Where the other side sets it.
    pub theirs_at: Option<Origin>,
}

impl CanonicalServer {
    /// The fields whose meaning differs. Timeouts are compared only when both sides set them
    /// (each vendor has its own default).
    pub fn diff(&self, other: &CanonicalServer) -> Vec<FieldDiff> {
        let mut out = Vec::new();
        let mut cmp = |field: String, a: Option<(String, Origin)>, b: Option<(String, Origin)>| {
            if a.as_ref().map(|x| &x.0) != b.as_ref().map(|x| &x.0) {
                out.push(FieldDiff {
                    field,
                    ours_at: a.as_ref().map(|x| x.1),
                    ours: a.map(|x| x.0),
                    theirs_at: b.as_ref().map(|x| x.1),
                    theirs: b.map(|x| x.0),
                });
            }
        };
        let sp =
            |v: &Option<Spanned<Vec<Part>>>| v.as_ref().map(|s| (show_parts(&s.value), s.origin));
        let tr = |t: &Spanned<Transport>| Some((format!("{:?}", t.value).to_lowercase(), t.origin));
        cmp(
            "transport".into(),
            tr(&self.transport),
            tr(&other.transport),
        );
        cmp("command".into(), sp(&self.command), sp(&other.command));
        let args = |v: &[Spanned<Vec<Part>>]| -> Option<(String, Origin)> {
            let first = v.first()?;
            let text = v
                .iter()
                .map(|a| show_parts(&a.value))
                .collect::<Vec<_>>()
                .join(" ");
            let end = v.last().map_or(first.origin.end, |l| l.origin.end);
            Some((
                text,
                Origin {
                    end,
                    ..first.origin
                },
            ))
        };
        cmp("args".into(), args(&self.args), args(&other.args));
        let keys: std::collections::BTreeSet<&String> =
            self.env.keys().chain(other.env.keys()).collect();
        for k in keys {
            cmp(
                format!("env.{k}"),
                self.env.get(k).map(|v| (show_parts(&v.value), v.origin)),
                other.env.get(k).map(|v| (show_parts(&v.value), v.origin)),
            );
        }
        cmp("cwd".into(), sp(&self.cwd), sp(&other.cwd));
        cmp("url".into(), sp(&self.url), sp(&other.url));
        let keys: std::collections::BTreeSet<&String> =
            self.headers.keys().chain(other.headers.keys()).collect();
        for k in keys {
            cmp(
                format!("headers.{k}"),
                self.headers
                    .get(k)
                    .map(|v| (show_parts(&v.value), v.origin)),
                other
                    .headers
                    .get(k)
                    .map(|v| (show_parts(&v.value), v.origin)),
            );
        }
        let num =
            |v: &Option<Spanned<u64>>| v.as_ref().map(|s| (format!("{} ms", s.value), s.origin));
        if self.tool_timeout_ms.is_some() && other.tool_timeout_ms.is_some() {
            cmp(
                "tool timeout".into(),
                num(&self.tool_timeout_ms),
                num(&other.tool_timeout_ms),
            );
        }
        if self.startup_timeout_ms.is_some() && other.startup_timeout_ms.is_some() {
            cmp(
                "startup timeout".into(),
                num(&self.startup_timeout_ms),
                num(&other.startup_timeout_ms),
            );
        }
        if self.enabled.value != other.enabled.value {
            cmp(
                "enabled".into(),
                Some((self.enabled.value.to_string(), self.enabled.origin)),
                Some((other.enabled.value.to_string(), other.enabled.origin)),
            );
        }
        let list =
            |v: &Option<Spanned<Vec<String>>>| v.as_ref().map(|s| (s.value.join(", "), s.origin));
        cmp(
            "include tools".into(),
            list(&self.include_tools),
            list(&other.include_tools),
        );
        cmp(
            "exclude tools".into(),
            list(&self.exclude_tools),
            list(&other.exclude_tools),
        );
        out
    }
}
