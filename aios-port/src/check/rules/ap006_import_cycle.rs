//! AP006 `import-cycle`: Instruction imports form a cycle or go deeper than the vendor follows.
//!
//! Reported while reading the workspace; this file holds the rule's metadata and documentation.

use crate::check::{Category, LintContext, Rule, RuleMeta};
use crate::diagnostic::Severity;
use crate::workspace::Workspace;

/// Instruction imports form a cycle or go deeper than the vendor follows.
pub struct ImportCycle;

static META: RuleMeta = RuleMeta {
    code: "AP006",
    name: "import-cycle",
    category: Category::Validity,
    severity: Severity::Warning,
    summary: "Instruction imports form a cycle or go deeper than the vendor follows.",
    doc: DOC,
    from_loader: true,
};

impl Rule for ImportCycle {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, _ws: &Workspace, _cx: &mut LintContext<'_>) {}
}

const DOC: &str = r#"## What it does
Reports `@imports` that lead back to a file already importing them, and imports deeper than the
vendor follows (Claude Code: 4 hops; Gemini CLI: 5 levels).

## Why is this bad?
The vendor stops following: the deepest instructions are missing for that vendor, and a cycle
means the text is not what either file suggests.

## Example
```markdown CLAUDE.md
@a.md
```
```markdown a.md
@CLAUDE.md
```
Use instead:
```markdown CLAUDE.md
@a.md
```
```markdown a.md
# A
```

## How to fix
Remove one import of the cycle; inline the deepest file into its importer.

## References
- https://code.claude.com/docs/en/memory#claude-md-imports
- https://geminicli.com/docs/reference/memport
"#;
