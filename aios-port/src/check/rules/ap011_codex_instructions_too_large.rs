//! AP011 `codex-instructions-too-large`: The AGENTS.md chain Codex loads exceeds `project_doc_max_bytes` (32 KiB by default) and is cut.

use crate::check::{Category, LintContext, Rule, RuleMeta};
use crate::diagnostic::Severity;
use crate::workspace::Workspace;

/// The AGENTS.md chain Codex loads exceeds `project_doc_max_bytes` (32 KiB by default) and is cut.
pub struct CodexInstructionsTooLarge;

static META: RuleMeta = RuleMeta {
    code: "AP011",
    name: "codex-instructions-too-large",
    category: Category::Validity,
    severity: Severity::Warning,
    summary: "The AGENTS.md chain Codex loads exceeds `project_doc_max_bytes` (32 KiB by default) and is cut.",
    doc: DOC,
    from_loader: false,
};

impl Rule for CodexInstructionsTooLarge {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, _ws: &Workspace, _cx: &mut LintContext<'_>) {}
}

const DOC: &str = r#"TODO"#;
