//! AP302 `hidden-unicode`: Invisible or direction-changing Unicode in an instruction, skill, agent or command file.

use crate::check::{Category, LintContext, Rule, RuleMeta};
use crate::diagnostic::Severity;
use crate::workspace::Workspace;

/// Invisible or direction-changing Unicode in an instruction, skill, agent or command file.
pub struct HiddenUnicode;

static META: RuleMeta = RuleMeta {
    code: "AP302",
    name: "hidden-unicode",
    category: Category::Security,
    severity: Severity::Error,
    summary: "Invisible or direction-changing Unicode in an instruction, skill, agent or command file.",
    doc: DOC,
    from_loader: false,
};

impl Rule for HiddenUnicode {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, _ws: &Workspace, _cx: &mut LintContext<'_>) {}
}

const DOC: &str = r#"TODO"#;
