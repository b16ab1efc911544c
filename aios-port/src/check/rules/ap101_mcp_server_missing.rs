//! AP101 `mcp-server-missing`: An MCP server configured for one vendor is missing for another vendor of the workspace.

use crate::check::{Category, LintContext, Rule, RuleMeta};
use crate::diagnostic::Severity;
use crate::workspace::Workspace;

/// An MCP server configured for one vendor is missing for another vendor of the workspace.
pub struct McpServerMissing;

static META: RuleMeta = RuleMeta {
    code: "AP101",
    name: "mcp-server-missing",
    category: Category::Drift,
    severity: Severity::Warning,
    summary: "An MCP server configured for one vendor is missing for another vendor of the workspace.",
    doc: DOC,
    from_loader: false,
};

impl Rule for McpServerMissing {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, _ws: &Workspace, _cx: &mut LintContext<'_>) {}
}

const DOC: &str = r#"TODO"#;
