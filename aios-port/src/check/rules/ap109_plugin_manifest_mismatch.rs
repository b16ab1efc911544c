//! AP109 `plugin-manifest-mismatch`: Two vendors' manifests of one plugin disagree on name, version or description.

use crate::check::{Category, LintContext, Rule, RuleMeta};
use crate::diagnostic::Severity;
use crate::workspace::Workspace;

/// Two vendors' manifests of one plugin disagree on name, version or description.
pub struct PluginManifestMismatch;

static META: RuleMeta = RuleMeta {
    code: "AP109",
    name: "plugin-manifest-mismatch",
    category: Category::Drift,
    severity: Severity::Warning,
    summary: "Two vendors' manifests of one plugin disagree on name, version or description.",
    doc: DOC,
    from_loader: false,
};

impl Rule for PluginManifestMismatch {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, _ws: &Workspace, _cx: &mut LintContext<'_>) {}
}

const DOC: &str = r#"TODO"#;
