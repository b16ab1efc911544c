//! AP305 `plugin-path-escapes`: A plugin component path leaves the plugin directory.

use crate::check::{Category, LintContext, Rule, RuleMeta};
use crate::diagnostic::Severity;
use crate::workspace::Workspace;

/// A plugin component path leaves the plugin directory.
pub struct PluginPathEscapes;

static META: RuleMeta = RuleMeta {
    code: "AP305",
    name: "plugin-path-escapes",
    category: Category::Security,
    severity: Severity::Error,
    summary: "A plugin component path leaves the plugin directory.",
    doc: DOC,
    from_loader: false,
};

impl Rule for PluginPathEscapes {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, _ws: &Workspace, _cx: &mut LintContext<'_>) {}
}

const DOC: &str = r#"TODO"#;
