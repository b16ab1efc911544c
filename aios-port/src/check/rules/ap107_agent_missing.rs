//! AP107 `agent-missing`: A subagent defined for one vendor is missing for another vendor of the workspace.

use crate::check::{Category, LintContext, Rule, RuleMeta};
use crate::diagnostic::Severity;
use crate::workspace::Workspace;

/// A subagent defined for one vendor is missing for another vendor of the workspace.
pub struct AgentMissing;

static META: RuleMeta = RuleMeta {
    code: "AP107",
    name: "agent-missing",
    category: Category::Drift,
    severity: Severity::Warning,
    summary: "A subagent defined for one vendor is missing for another vendor of the workspace.",
    doc: DOC,
    from_loader: false,
};

impl Rule for AgentMissing {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, _ws: &Workspace, _cx: &mut LintContext<'_>) {}
}

const DOC: &str = r#"TODO"#;
