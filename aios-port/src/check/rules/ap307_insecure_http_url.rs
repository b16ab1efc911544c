//! AP307 `insecure-http-url`: A remote MCP server is reached over plain `http://` on a non-loopback host.

use crate::check::{Category, LintContext, Rule, RuleMeta};
use crate::diagnostic::Severity;
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

impl Rule for InsecureHttpUrl {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, _ws: &Workspace, _cx: &mut LintContext<'_>) {}
}

const DOC: &str = r#"TODO"#;
