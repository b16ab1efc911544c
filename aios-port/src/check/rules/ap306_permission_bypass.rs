//! AP306 `permission-bypass`: A setting turns off the vendor's permission prompts or sandbox.

use crate::check::{Category, LintContext, Rule, RuleMeta};
use crate::diagnostic::Severity;
use crate::workspace::Workspace;

/// A setting turns off the vendor's permission prompts or sandbox.
pub struct PermissionBypass;

static META: RuleMeta = RuleMeta {
    code: "AP306",
    name: "permission-bypass",
    category: Category::Security,
    severity: Severity::Warning,
    summary: "A setting turns off the vendor's permission prompts or sandbox.",
    doc: DOC,
    from_loader: false,
};

impl Rule for PermissionBypass {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, _ws: &Workspace, _cx: &mut LintContext<'_>) {}
}

const DOC: &str = r#"TODO"#;
