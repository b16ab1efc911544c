//! AP004 `invalid-frontmatter`: Markdown frontmatter is not valid YAML; it is read leniently, line by line.
//!
//! Reported while reading the workspace; this file holds the rule's metadata and documentation.

use crate::check::{Category, LintContext, Rule, RuleMeta};
use crate::diagnostic::Severity;
use crate::workspace::Workspace;

/// Markdown frontmatter is not valid YAML; it is read leniently, line by line.
pub struct InvalidFrontmatter;

static META: RuleMeta = RuleMeta {
    code: "AP004",
    name: "invalid-frontmatter",
    category: Category::Validity,
    severity: Severity::Warning,
    summary: "Markdown frontmatter is not valid YAML; it is read leniently, line by line.",
    doc: DOC,
    from_loader: true,
};

impl Rule for InvalidFrontmatter {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, _ws: &Workspace, _cx: &mut LintContext<'_>) {}
}

const DOC: &str = r#"## What it does
Reports YAML frontmatter (skills, subagents, commands, rules) that a strict YAML parser rejects:
`tools: *` (an alias), `paths: **/*.tsx`, or a description with an unquoted `: `. aios-port then
reads top-level `key: value` lines, as the forgiving vendors do.

## Why is this bad?
Strict readers (Gemini CLI's subagent loader, the Agent Skills validator, Codex's skill loader) reject
the file, so the skill or agent exists for one vendor and not for another.

## Example
```markdown .claude/agents/reviewer.md
---
name: reviewer
description: Use when: a diff is ready
tools: *
---
Review the diff.
```
Use instead:
```markdown .claude/agents/reviewer.md
---
name: reviewer
description: "Use when: a diff is ready"
---
Review the diff.
```

## How to fix
Quote values that contain `: `, start with `*`, `&`, `!`, `@` or `%`, or are glob patterns.

## References
- https://yaml.org/spec/1.2.2/
- https://agentskills.io/specification
"#;
