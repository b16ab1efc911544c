//! AP009 `symlink-placeholder`: A git symlink is checked out as a plain file holding the link text.
//!
//! Reported while reading the workspace; this file holds the rule's metadata and documentation.

use crate::check::{Category, LintContext, Rule, RuleMeta};
use crate::diagnostic::Severity;
use crate::workspace::Workspace;

/// A git symlink is checked out as a plain file holding the link text.
pub struct SymlinkPlaceholder;

static META: RuleMeta = RuleMeta {
    code: "AP009",
    name: "symlink-placeholder",
    category: Category::Validity,
    severity: Severity::Warning,
    summary: "A git symlink is checked out as a plain file holding the link text.",
    doc: DOC,
    from_loader: true,
};

impl Rule for SymlinkPlaceholder {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, _ws: &Workspace, _cx: &mut LintContext<'_>) {}
}

const DOC: &str = r#"## What it does
Reports a small file whose whole content is a relative path to another workspace file or directory:
what git writes for a symlink when the checkout has no symlink support (`core.symlinks=false`,
Windows without Developer Mode). aios-port models it as the link git records.

## Why is this bad?
The vendor reads the file as it is: an `AGENTS.md` "symlinked" to `CLAUDE.md` gives Codex the
instructions `CLAUDE.md` (nine characters), not the file's content.

## Example
```text AGENTS.md no-newline
CLAUDE.md
```
```markdown CLAUDE.md
# Rules
```
Use instead: a real symlink.
```symlink AGENTS.md
CLAUDE.md
```
```markdown CLAUDE.md
# Rules
```

## How to fix
Enable symlinks (`git config core.symlinks true`; Developer Mode on Windows) and check the file out again.

## References
- https://git-scm.com/docs/git-config#Documentation/git-config.txt-coresymlinks
"#;
