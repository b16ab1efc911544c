//! AP307 `insecure-http-url`: A remote MCP server is reached over plain `http://` on a non-loopback host.

use crate::check::{Category, LintContext, Rule, RuleMeta};
use crate::diagnostic::{Diagnostic, Severity};
use crate::workspace::Workspace;

/// A remote MCP server is reached over plain `http://` on a non-loopback host.
pub struct InsecureHttpUrl;

static META: RuleMeta = RuleMeta {
    code: "AP307",
    name: "insecure-http-url",
    category: Category::Security,
    severity: Severity::Warning,
    summary: "A remote MCP server is reached over plain `http://` on a non-loopback host.",
    doc: DOC,
    from_loader: false,
};

/// The host of an `http://` URL, when it is not loopback.
fn remote_http_host(url: &str) -> Option<&str> {
    let rest = url.strip_prefix("http://").or_else(|| {
        url.get(..7)
            .filter(|p| p.eq_ignore_ascii_case("http://"))
            .map(|_| &url[7..])
    })?;
    let authority = rest.split(['/', '?', '#']).next().unwrap_or("");
    let host_port = authority.rsplit('@').next().unwrap_or(authority);
    let host = if let Some(v6) = host_port.strip_prefix('[') {
        v6.split(']').next().unwrap_or("")
    } else {
        host_port.split(':').next().unwrap_or("")
    };
    let h = host.to_ascii_lowercase();
    let loopback = h == "localhost"
        || h.ends_with(".localhost")
        || h.starts_with("127.")
        || h == "::1"
        || h == "0.0.0.0"
        || h.starts_with("${")
        || h.starts_with('$');
    (!loopback && !h.is_empty()).then_some(host)
}

impl Rule for InsecureHttpUrl {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ws: &Workspace, cx: &mut LintContext<'_>) {
        for s in &ws.model.mcp_servers {
            let Some(u) = &s.url else { continue };
            if let Some(host) = remote_http_host(&u.value.raw) {
                cx.report(
                    Diagnostic::new(
                        META.code,
                        META.severity,
                        u.origin,
                        format!("MCP server `{}` talks to `{host}` over unencrypted HTTP", s.name.value),
                    )
                    .with_label("plain http:// to a remote host")
                    .with_note("tool calls, results and any Authorization header can be read and changed on the way")
                    .with_help("use https://"),
                );
            }
        }
    }
}

const DOC: &str = r#"## What it does
Flags remote MCP servers whose URL is plain `http://` to a host other than loopback
(`localhost`, `127.0.0.0/8`, `::1`).

## Why is this bad?
Tool calls, their results and credentials sent in headers travel unencrypted: anyone on the network
path can read them or inject tool results, which the model then trusts.

## Example
```json .mcp.json
{"mcpServers": {"docs": {"type": "http", "url": "http://mcp.example.com/mcp"}}}
```
Use instead:
```json .mcp.json
{"mcpServers": {"docs": {"type": "http", "url": "https://mcp.example.com/mcp"}}}
```

## How to fix
Use `https://`. For a server on the same machine, use `localhost`.

## References
- https://modelcontextprotocol.io/specification/2025-06-18/basic/security_best_practices
"#;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hosts() {
        assert_eq!(
            remote_http_host("http://mcp.example.com/mcp"),
            Some("mcp.example.com")
        );
        assert_eq!(
            remote_http_host("http://user@10.0.0.5:8080/x"),
            Some("10.0.0.5")
        );
        assert_eq!(remote_http_host("http://localhost:3000/mcp"), None);
        assert_eq!(remote_http_host("http://127.0.0.1:9/x"), None);
        assert_eq!(remote_http_host("http://[::1]:9/x"), None);
        assert_eq!(remote_http_host("https://mcp.example.com"), None);
    }
}
