//! AP104 `instruction-coverage`: A directory has instructions for one vendor but none for another vendor of the workspace.

use crate::check::{Category, LintContext, Rule, RuleMeta};
use crate::diagnostic::Severity;
use crate::workspace::Workspace;

/// A directory has instructions for one vendor but none for another vendor of the workspace.
pub struct InstructionCoverage;

static META: RuleMeta = RuleMeta {
    code: "AP104",
    name: "instruction-coverage",
    category: Category::Drift,
    severity: Severity::Warning,
    summary: "A directory has instructions for one vendor but none for another vendor of the workspace.",
    doc: DOC,
    from_loader: false,
};

impl Rule for InstructionCoverage {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, _ws: &Workspace, _cx: &mut LintContext<'_>) {}
}

const DOC: &str = r#"TODO"#;
