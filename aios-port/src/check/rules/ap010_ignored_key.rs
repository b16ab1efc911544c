//! AP010 `ignored-key`: A key the vendor silently ignores, so the setting it expresses has no effect.

use crate::check::{Category, LintContext, Rule, RuleMeta};
use crate::diagnostic::Severity;
use crate::workspace::Workspace;

/// A key the vendor silently ignores, so the setting it expresses has no effect.
pub struct IgnoredKey;

static META: RuleMeta = RuleMeta {
    code: "AP010",
    name: "ignored-key",
    category: Category::Validity,
    severity: Severity::Warning,
    summary: "A key the vendor silently ignores, so the setting it expresses has no effect.",
    doc: DOC,
    from_loader: false,
};

impl Rule for IgnoredKey {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, _ws: &Workspace, _cx: &mut LintContext<'_>) {}
}

const DOC: &str = r#"TODO"#;
