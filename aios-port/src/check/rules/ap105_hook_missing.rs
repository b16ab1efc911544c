//! AP105 `hook-missing`: A hook configured for one vendor has no equivalent for another vendor of the workspace.

use crate::check::{Category, LintContext, Rule, RuleMeta};
use crate::diagnostic::Severity;
use crate::workspace::Workspace;

/// A hook configured for one vendor has no equivalent for another vendor of the workspace.
pub struct HookMissing;

static META: RuleMeta = RuleMeta {
    code: "AP105",
    name: "hook-missing",
    category: Category::Drift,
    severity: Severity::Warning,
    summary: "A hook configured for one vendor has no equivalent for another vendor of the workspace.",
    doc: DOC,
    from_loader: false,
};

impl Rule for HookMissing {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, _ws: &Workspace, _cx: &mut LintContext<'_>) {}
}

const DOC: &str = r#"TODO"#;
