//! AP304 `remote-script-pipe`: A hook or command pipes a downloaded script into a shell.

use crate::check::{Category, LintContext, Rule, RuleMeta};
use crate::diagnostic::Severity;
use crate::workspace::Workspace;

/// A hook or command pipes a downloaded script into a shell.
pub struct RemoteScriptPipe;

static META: RuleMeta = RuleMeta {
    code: "AP304",
    name: "remote-script-pipe",
    category: Category::Security,
    severity: Severity::Error,
    summary: "A hook or command pipes a downloaded script into a shell.",
    doc: DOC,
    from_loader: false,
};

impl Rule for RemoteScriptPipe {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, _ws: &Workspace, _cx: &mut LintContext<'_>) {}
}

const DOC: &str = r#"TODO"#;
