//! AP201 `unsupported-transport`: An MCP server uses a transport another vendor of the workspace lacks (SSE or WebSocket for Codex).

use crate::check::{Category, LintContext, Rule, RuleMeta};
use crate::diagnostic::Severity;
use crate::workspace::Workspace;

/// An MCP server uses a transport another vendor of the workspace lacks (SSE or WebSocket for Codex).
pub struct UnsupportedTransport;

static META: RuleMeta = RuleMeta {
    code: "AP201",
    name: "unsupported-transport",
    category: Category::Portability,
    severity: Severity::Warning,
    summary: "An MCP server uses a transport another vendor of the workspace lacks (SSE or WebSocket for Codex).",
    doc: DOC,
    from_loader: false,
};

impl Rule for UnsupportedTransport {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, _ws: &Workspace, _cx: &mut LintContext<'_>) {}
}

const DOC: &str = r#"TODO"#;
