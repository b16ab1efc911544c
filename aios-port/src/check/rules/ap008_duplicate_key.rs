//! AP008 `duplicate-key`: The same key appears twice in one JSON object; only the last one takes effect.
//!
//! Reported while reading the workspace; this file holds the rule's metadata and documentation.

use crate::check::{Category, LintContext, Rule, RuleMeta};
use crate::diagnostic::Severity;
use crate::workspace::Workspace;

/// The same key appears twice in one JSON object; only the last one takes effect.
pub struct DuplicateKey;

static META: RuleMeta = RuleMeta {
    code: "AP008",
    name: "duplicate-key",
    category: Category::Validity,
    severity: Severity::Warning,
    summary: "The same key appears twice in one JSON object; only the last one takes effect.",
    doc: DOC,
    from_loader: true,
};

impl Rule for DuplicateKey {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, _ws: &Workspace, _cx: &mut LintContext<'_>) {}
}

const DOC: &str = r#"## What it does
Reports a key written twice in one JSON object (for example two `"mcpServers"` objects).

## Why is this bad?
JSON parsers keep the last value and drop the first without a word: servers or settings in the
first object are silently gone.

## Example
```json .mcp.json
{"mcpServers": {"a": {"command": "a"}}, "mcpServers": {"b": {"command": "b"}}}
```
Use instead:
```json .mcp.json
{"mcpServers": {"a": {"command": "a"}, "b": {"command": "b"}}}
```

## How to fix
Merge the two objects or delete one.

## References
- https://www.rfc-editor.org/rfc/rfc8259#section-4
"#;
