//! AP005 `dangling-reference`: A reference points at nothing: an import target, a symlink target, a plugin component path or a marketplace source.
//!
//! Reported while reading the workspace; this file holds the rule's metadata and documentation.

use crate::check::{Category, LintContext, Rule, RuleMeta};
use crate::diagnostic::Severity;
use crate::workspace::Workspace;

/// A reference points at nothing: an import target, a symlink target, a plugin component path or a marketplace source.
pub struct DanglingReference;

static META: RuleMeta = RuleMeta {
    code: "AP005",
    name: "dangling-reference",
    category: Category::Validity,
    severity: Severity::Warning,
    summary: "A reference points at nothing: an import target, a symlink target, a plugin component path or a marketplace source.",
    doc: DOC,
    from_loader: true,
};

impl Rule for DanglingReference {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, _ws: &Workspace, _cx: &mut LintContext<'_>) {}
}

const DOC: &str = r#"## What it does
Reports references to files that do not exist: `@docs/x.md` imports, symlinks whose target is
missing, plugin manifest component paths, local marketplace sources and hook scripts.

## Why is this bad?
The vendor silently loads nothing in their place: an instruction, a plugin or a guard-rail the user
believes is active is not.

## Example
```markdown CLAUDE.md
Read @docs/missing.md first.
```
Use instead:
```markdown CLAUDE.md
Read @README.md first.
```
```markdown README.md
# Readme
```

## How to fix
Fix the path, add the file, or (for an `@word` that is not an import) escape it.

## References
- https://code.claude.com/docs/en/memory#claude-md-imports
"#;
