//! AP205 `guard-fails-open`: A blocking hook would fail open on another vendor: the tool call it guards would run unchecked.

use crate::check::{Category, LintContext, Rule, RuleMeta};
use crate::diagnostic::Severity;
use crate::workspace::Workspace;

/// A blocking hook would fail open on another vendor: the tool call it guards would run unchecked.
pub struct GuardFailsOpen;

static META: RuleMeta = RuleMeta {
    code: "AP205",
    name: "guard-fails-open",
    category: Category::Portability,
    severity: Severity::Error,
    summary: "A blocking hook would fail open on another vendor: the tool call it guards would run unchecked.",
    doc: DOC,
    from_loader: false,
};

impl Rule for GuardFailsOpen {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, _ws: &Workspace, _cx: &mut LintContext<'_>) {}
}

const DOC: &str = r#"TODO"#;
