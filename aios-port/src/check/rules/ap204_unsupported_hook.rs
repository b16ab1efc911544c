//! AP204 `unsupported-hook`: A hook uses an event, handler type or option another vendor of the workspace lacks.

use crate::check::{Category, LintContext, Rule, RuleMeta};
use crate::diagnostic::Severity;
use crate::workspace::Workspace;

/// A hook uses an event, handler type or option another vendor of the workspace lacks.
pub struct UnsupportedHook;

static META: RuleMeta = RuleMeta {
    code: "AP204",
    name: "unsupported-hook",
    category: Category::Portability,
    severity: Severity::Warning,
    summary: "A hook uses an event, handler type or option another vendor of the workspace lacks.",
    doc: DOC,
    from_loader: false,
};

impl Rule for UnsupportedHook {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, _ws: &Workspace, _cx: &mut LintContext<'_>) {}
}

const DOC: &str = r#"TODO"#;
