//! AP002 `unparseable-file`: A JSON or TOML vendor file has a syntax error.
//!
//! Reported while reading the workspace; this file holds the rule's metadata and documentation.

use crate::check::{Category, LintContext, Rule, RuleMeta};
use crate::diagnostic::Severity;
use crate::workspace::Workspace;

/// A JSON or TOML vendor file has a syntax error.
pub struct UnparseableFile;

static META: RuleMeta = RuleMeta {
    code: "AP002",
    name: "unparseable-file",
    category: Category::Validity,
    severity: Severity::Error,
    summary: "A JSON or TOML vendor file has a syntax error.",
    doc: DOC,
    from_loader: true,
};

impl Rule for UnparseableFile {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, _ws: &Workspace, _cx: &mut LintContext<'_>) {}
}

const DOC: &str = r#"## What it does
Reports a syntax error in a vendor's JSON or TOML file (`.mcp.json`, `.claude/settings.json`,
`.codex/config.toml`, `.gemini/settings.json`, plugin manifests), at the line and column where the
parser stopped. Comments and trailing commas in JSON are accepted.

## Why is this bad?
The vendor fails to load the whole file: every server, hook and permission in it is gone, and
some vendors only say so in a log.

## Example
```json .mcp.json
{"mcpServers": {"github": {"command": "npx" "args": []}}}
```
Use instead:
```json .mcp.json
{"mcpServers": {"github": {"command": "npx", "args": []}}}
```

## How to fix
Fix the syntax at the reported position.

## References
- https://code.claude.com/docs/en/mcp
- https://developers.openai.com/codex/config-reference
"#;
