//! AP103 `instructions-differ`: Two vendors load different instruction text for the same directory.

use crate::check::{Category, LintContext, Rule, RuleMeta};
use crate::diagnostic::Severity;
use crate::workspace::Workspace;

/// Two vendors load different instruction text for the same directory.
pub struct InstructionsDiffer;

static META: RuleMeta = RuleMeta {
    code: "AP103",
    name: "instructions-differ",
    category: Category::Drift,
    severity: Severity::Warning,
    summary: "Two vendors load different instruction text for the same directory.",
    doc: DOC,
    from_loader: false,
};

impl Rule for InstructionsDiffer {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, _ws: &Workspace, _cx: &mut LintContext<'_>) {}
}

const DOC: &str = r#"TODO"#;
