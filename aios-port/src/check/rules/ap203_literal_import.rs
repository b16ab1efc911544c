//! AP203 `literal-import`: An instruction file has `@path` imports, but a vendor that loads it reads them as literal text.

use crate::check::{Category, LintContext, Rule, RuleMeta};
use crate::diagnostic::Severity;
use crate::workspace::Workspace;

/// An instruction file has `@path` imports, but a vendor that loads it reads them as literal text.
pub struct LiteralImport;

static META: RuleMeta = RuleMeta {
    code: "AP203",
    name: "literal-import",
    category: Category::Portability,
    severity: Severity::Warning,
    summary: "An instruction file has `@path` imports, but a vendor that loads it reads them as literal text.",
    doc: DOC,
    from_loader: false,
};

impl Rule for LiteralImport {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, _ws: &Workspace, _cx: &mut LintContext<'_>) {}
}

const DOC: &str = r#"TODO"#;
