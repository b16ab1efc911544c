//! AP108 `command-missing`: A slash command defined for one vendor is missing for another vendor of the workspace.

use crate::check::{Category, LintContext, Rule, RuleMeta};
use crate::diagnostic::Severity;
use crate::workspace::Workspace;

/// A slash command defined for one vendor is missing for another vendor of the workspace.
pub struct CommandMissing;

static META: RuleMeta = RuleMeta {
    code: "AP108",
    name: "command-missing",
    category: Category::Drift,
    severity: Severity::Warning,
    summary: "A slash command defined for one vendor is missing for another vendor of the workspace.",
    doc: DOC,
    from_loader: false,
};

impl Rule for CommandMissing {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, _ws: &Workspace, _cx: &mut LintContext<'_>) {}
}

const DOC: &str = r#"TODO"#;
