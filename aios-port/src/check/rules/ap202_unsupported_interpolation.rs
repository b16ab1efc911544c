//! AP202 `unsupported-interpolation`: A value uses variable interpolation another vendor of the workspace cannot express.

use crate::check::{Category, LintContext, Rule, RuleMeta};
use crate::diagnostic::Severity;
use crate::workspace::Workspace;

/// A value uses variable interpolation another vendor of the workspace cannot express.
pub struct UnsupportedInterpolation;

static META: RuleMeta = RuleMeta {
    code: "AP202",
    name: "unsupported-interpolation",
    category: Category::Portability,
    severity: Severity::Warning,
    summary: "A value uses variable interpolation another vendor of the workspace cannot express.",
    doc: DOC,
    from_loader: false,
};

impl Rule for UnsupportedInterpolation {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, _ws: &Workspace, _cx: &mut LintContext<'_>) {}
}

const DOC: &str = r#"TODO"#;
