//! AP102 `mcp-server-differs`: An MCP server of the same name means something different for two vendors.

use crate::check::{Category, LintContext, Rule, RuleMeta};
use crate::diagnostic::Severity;
use crate::workspace::Workspace;

/// An MCP server of the same name means something different for two vendors.
pub struct McpServerDiffers;

static META: RuleMeta = RuleMeta {
    code: "AP102",
    name: "mcp-server-differs",
    category: Category::Drift,
    severity: Severity::Warning,
    summary: "An MCP server of the same name means something different for two vendors.",
    doc: DOC,
    from_loader: false,
};

impl Rule for McpServerDiffers {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, _ws: &Workspace, _cx: &mut LintContext<'_>) {}
}

const DOC: &str = r#"TODO"#;
