//! AP303 `unpinned-mcp-package`: An MCP server runs a package from a registry without an exact version.

use crate::check::{Category, LintContext, Rule, RuleMeta};
use crate::diagnostic::Severity;
use crate::workspace::Workspace;

/// An MCP server runs a package from a registry without an exact version.
pub struct UnpinnedMcpPackage;

static META: RuleMeta = RuleMeta {
    code: "AP303",
    name: "unpinned-mcp-package",
    category: Category::Security,
    severity: Severity::Warning,
    summary: "An MCP server runs a package from a registry without an exact version.",
    doc: DOC,
    from_loader: false,
};

impl Rule for UnpinnedMcpPackage {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, _ws: &Workspace, _cx: &mut LintContext<'_>) {}
}

const DOC: &str = r#"TODO"#;
