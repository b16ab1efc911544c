//! AP007 `symlink-escapes`: A symlink leaves the workspace; aios-port does not follow it.
//!
//! Reported while reading the workspace; this file holds the rule's metadata and documentation.

use crate::check::{Category, LintContext, Rule, RuleMeta};
use crate::diagnostic::Severity;
use crate::workspace::Workspace;

/// A symlink leaves the workspace; aios-port does not follow it.
pub struct SymlinkEscapes;

static META: RuleMeta = RuleMeta {
    code: "AP007",
    name: "symlink-escapes",
    category: Category::Validity,
    severity: Severity::Warning,
    summary: "A symlink leaves the workspace; aios-port does not follow it.",
    doc: DOC,
    from_loader: true,
};

impl Rule for SymlinkEscapes {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, _ws: &Workspace, _cx: &mut LintContext<'_>) {}
}

const DOC: &str = r#"## What it does
Reports a vendor file, or a directory on its path, that is a symbolic link to somewhere outside the
workspace. aios-port never reads or writes through such a link.

## Why is this bad?
The vendors do follow it, so what they load depends on a file outside the repository that a
reviewer never sees, and that differs between machines.

## Example
`CLAUDE.md` as a symlink to a file outside the repository:
```symlink CLAUDE.md
/etc/hostname
```
Use instead: a regular file.
```markdown CLAUDE.md
# Rules
```

## How to fix
Copy the file into the workspace, or link to a file inside it.

## References
- https://cwe.mitre.org/data/definitions/59.html
"#;
