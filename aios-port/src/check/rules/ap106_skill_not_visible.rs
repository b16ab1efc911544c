//! AP106 `skill-not-visible`: A skill is only where one vendor looks; another vendor of the workspace does not see it.

use crate::check::{Category, LintContext, Rule, RuleMeta};
use crate::diagnostic::Severity;
use crate::workspace::Workspace;

/// A skill is only where one vendor looks; another vendor of the workspace does not see it.
pub struct SkillNotVisible;

static META: RuleMeta = RuleMeta {
    code: "AP106",
    name: "skill-not-visible",
    category: Category::Drift,
    severity: Severity::Warning,
    summary: "A skill is only where one vendor looks; another vendor of the workspace does not see it.",
    doc: DOC,
    from_loader: false,
};

impl Rule for SkillNotVisible {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, _ws: &Workspace, _cx: &mut LintContext<'_>) {}
}

const DOC: &str = r#"TODO"#;
