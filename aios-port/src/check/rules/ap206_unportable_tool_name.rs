//! AP206 `unportable-tool-name`: A tool or model name in a skill, subagent or permission rule does not exist for another vendor.

use crate::check::{Category, LintContext, Rule, RuleMeta};
use crate::diagnostic::Severity;
use crate::workspace::Workspace;

/// A tool or model name in a skill, subagent or permission rule does not exist for another vendor.
pub struct UnportableToolName;

static META: RuleMeta = RuleMeta {
    code: "AP206",
    name: "unportable-tool-name",
    category: Category::Portability,
    severity: Severity::Warning,
    summary: "A tool or model name in a skill, subagent or permission rule does not exist for another vendor.",
    doc: DOC,
    from_loader: false,
};

impl Rule for UnportableToolName {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, _ws: &Workspace, _cx: &mut LintContext<'_>) {}
}

const DOC: &str = r#"TODO"#;
