//! AP301 `literal-secret`: A literal secret (API key, token, password) is written in a committed file.

use crate::check::{Category, LintContext, Rule, RuleMeta};
use crate::diagnostic::Severity;
use crate::workspace::Workspace;

/// A literal secret (API key, token, password) is written in a committed file.
pub struct LiteralSecret;

static META: RuleMeta = RuleMeta {
    code: "AP301",
    name: "literal-secret",
    category: Category::Security,
    severity: Severity::Error,
    summary: "A literal secret (API key, token, password) is written in a committed file.",
    doc: DOC,
    from_loader: false,
};

impl Rule for LiteralSecret {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, _ws: &Workspace, _cx: &mut LintContext<'_>) {}
}

const DOC: &str = r#"TODO"#;
