//! AP305 `plugin-path-escapes`: A plugin component path leaves the plugin directory.

use crate::check::{Category, LintContext, Rule, RuleMeta};
use crate::diagnostic::{Diagnostic, Severity};
use crate::model::PluginSource;
use crate::workspace::Workspace;

/// A plugin component path leaves the plugin directory.
pub struct PluginPathEscapes;

static META: RuleMeta = RuleMeta {
    code: "AP305",
    name: "plugin-path-escapes",
    category: Category::Security,
    severity: Severity::Error,
    summary: "A plugin component path leaves the plugin directory.",
    doc: DOC,
    from_loader: false,
};

/// Why `path` escapes its root, if it does.
pub(crate) fn escape_reason(path: &str) -> Option<&'static str> {
    let p = path.trim();
    let lower = p.to_ascii_lowercase();
    if p.starts_with('/') || p.starts_with('\\') {
        return Some("is absolute");
    }
    if p.len() >= 2 && p.as_bytes()[1] == b':' && p.as_bytes()[0].is_ascii_alphabetic() {
        return Some("is a Windows drive path");
    }
    if lower.contains("%2e") || lower.contains("%2f") || lower.contains("%5c") {
        return Some("hides `.` or `/` in percent-encoding");
    }
    let mut depth: i32 = 0;
    for seg in p.split(['/', '\\']) {
        match seg {
            "" | "." => {}
            ".." => {
                depth -= 1;
                if depth < 0 {
                    return Some("climbs out with `..`");
                }
            }
            _ => depth += 1,
        }
    }
    None
}

impl Rule for PluginPathEscapes {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ws: &Workspace, cx: &mut LintContext<'_>) {
        for p in &ws.model.plugins {
            for (key, path) in &p.component_paths {
                if let Some(why) = escape_reason(&path.value) {
                    cx.report(
                        Diagnostic::new(
                            META.code,
                            META.severity,
                            path.origin,
                            format!("`{key}` path `{}` {why}: it points outside the plugin", path.value),
                        )
                        .with_label("outside the plugin root")
                        .with_note("installed plugins are copied into the vendor's cache: an outside path breaks after install, or reaches files of the user's machine")
                        .with_help("keep components inside the plugin and write paths as `./dir/file`"),
                    );
                }
            }
        }
        for m in &ws.model.marketplaces {
            for e in &m.plugins {
                let Some(src) = &e.source else { continue };
                if let PluginSource::Local { path } = &src.value
                    && let Some(why) = escape_reason(path)
                {
                    cx.report(
                        Diagnostic::new(
                            META.code,
                            META.severity,
                            src.origin,
                            format!("marketplace source `{path}` {why}: it points outside the marketplace"),
                        )
                        .with_help("move the plugin under the marketplace root, or use a git source"),
                    );
                }
            }
        }
    }
}

const DOC: &str = r#"## What it does
Flags plugin manifest component paths (`skills`, `commands`, `agents`, `hooks`, `mcpServers`, ...)
and local marketplace sources that leave their root: absolute paths, Windows drive and UNC paths,
`..` that climbs above the root, and percent-encoded dots or slashes.

## Why is this bad?
Vendors copy an installed plugin into their cache: a component outside the plugin is missing after
install, or resolves to whatever sits at that path on the user's machine.

## Example
```json .claude-plugin/plugin.json
{"name": "demo", "version": "1.0.0", "commands": ["../shared/commands/deploy.md"]}
```
Use instead:
```json .claude-plugin/plugin.json
{"name": "demo", "version": "1.0.0", "commands": ["./commands/deploy.md"]}
```
```markdown commands/deploy.md
Deploy.
```

## How to fix
Move the component into the plugin directory and refer to it as `./path`. Use
`${CLAUDE_PLUGIN_ROOT}` in commands that need the plugin's own files.

## References
- https://code.claude.com/docs/en/plugins-reference#plugin-directory-structure
- https://developers.openai.com/codex/plugins/build
"#;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes() {
        for p in [
            "../shared",
            "/etc/passwd",
            "./a/../../b",
            "C:\\Windows",
            "\\\\server\\share",
            "%2e%2e/x",
        ] {
            assert!(escape_reason(p).is_some(), "{p}");
        }
        for p in ["./skills/", "./a/../b", "commands", "./hooks/hooks.json"] {
            assert!(escape_reason(p).is_none(), "{p}");
        }
    }
}
