//! AP003 `schema-violation`: A value has the wrong type or shape for the vendor's schema, so the vendor rejects or skips it.
//!
//! Reported while reading the workspace; this file holds the rule's metadata and documentation.

use crate::check::{Category, LintContext, Rule, RuleMeta};
use crate::diagnostic::Severity;
use crate::workspace::Workspace;

/// A value has the wrong type or shape for the vendor's schema, so the vendor rejects or skips it.
pub struct SchemaViolation;

static META: RuleMeta = RuleMeta {
    code: "AP003",
    name: "schema-violation",
    category: Category::Validity,
    severity: Severity::Error,
    summary: "A value has the wrong type or shape for the vendor's schema, so the vendor rejects or skips it.",
    doc: DOC,
    from_loader: true,
};

impl Rule for SchemaViolation {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, _ws: &Workspace, _cx: &mut LintContext<'_>) {}
}

const DOC: &str = r#"## What it does
Reports values the vendor's own loader rejects: a wrong type (`"args": "x"`), a Claude remote server
with `url` but no `type`, a Codex server with both `command` and `url`, a hook entry without its
`hooks` wrapper, a subagent missing a required field, a strict Gemini frontmatter key it does not know.

## Why is this bad?
The vendor skips the entry, or refuses the whole file, often without telling the user.

## Example
```json .mcp.json
{"mcpServers": {"docs": {"url": "https://mcp.example.com/mcp"}}}
```
Use instead:
```json .mcp.json
{"mcpServers": {"docs": {"type": "http", "url": "https://mcp.example.com/mcp"}}}
```

## How to fix
Follow the message: it names the key, the expected shape and what the vendor does.

## References
- https://code.claude.com/docs/en/mcp
- https://developers.openai.com/codex/config-reference
- https://geminicli.com/docs/reference/configuration
"#;
