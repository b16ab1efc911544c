//! AP001 `unreadable-file`: A file a vendor would load cannot be read: not UTF-8, UTF-16, over 8 MiB, a directory or not a regular file.
//!
//! Reported while reading the workspace; this file holds the rule's metadata and documentation.

use crate::check::{Category, LintContext, Rule, RuleMeta};
use crate::diagnostic::Severity;
use crate::workspace::Workspace;

/// A file a vendor would load cannot be read: not UTF-8, UTF-16, over 8 MiB, a directory or not a regular file.
pub struct UnreadableFile;

static META: RuleMeta = RuleMeta {
    code: "AP001",
    name: "unreadable-file",
    category: Category::Validity,
    severity: Severity::Error,
    summary: "A file a vendor would load cannot be read: not UTF-8, UTF-16, over 8 MiB, a directory or not a regular file.",
    doc: DOC,
    from_loader: true,
};

impl Rule for UnreadableFile {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, _ws: &Workspace, _cx: &mut LintContext<'_>) {}
}

const DOC: &str = r#"## What it does
Reports a vendor file that cannot be read as UTF-8 text: invalid UTF-8 (the first bad byte is
shown), a UTF-16 file (PowerShell's `>` writes them), a file over 8 MiB, a directory or a FIFO
where a file is expected.

## Why is this bad?
The vendor cannot read it either: Claude Code, Codex and Gemini CLI expect UTF-8. The settings,
servers or instructions in it are silently missing from every session.

## Example
```text CLAUDE.md escapes
Caf\xc3\x28 is not UTF-8
```

## How to fix
Save the file as UTF-8. Split files over 8 MiB; replace a directory with the file.

## References
- https://code.claude.com/docs/en/memory
"#;
