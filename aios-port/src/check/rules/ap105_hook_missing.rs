//! AP105 `hook-missing`: A hook configured for one vendor has no equivalent for another vendor of the workspace.

use crate::check::{Category, LintContext, Rule, RuleMeta};
use crate::diagnostic::{Diagnostic, Severity};
use crate::facts;
use crate::model::{Hook, Scope};
use crate::vendor::Vendor;
use crate::workspace::Workspace;

/// A hook configured for one vendor has no equivalent for another vendor of the workspace.
pub struct HookMissing;

static META: RuleMeta = RuleMeta {
    code: "AP105",
    name: "hook-missing",
    category: Category::Drift,
    severity: Severity::Warning,
    summary: "A hook configured for one vendor has no equivalent for another vendor of the workspace.",
    doc: DOC,
    from_loader: false,
};

/// The command with each vendor's project-directory variable written the same way.
pub(crate) fn normalize_command(c: &str) -> String {
    let mut s = c.trim().to_string();
    for var in ["CLAUDE_PROJECT_DIR", "GEMINI_PROJECT_DIR"] {
        s = s
            .replace(&format!("${{{var}}}"), "$PROJECT_DIR")
            .replace(&format!("${var}"), "$PROJECT_DIR");
    }
    s.replace("$(git rev-parse --show-toplevel)", "$PROJECT_DIR")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Whether `h` of another vendor is the same hook for vendor `v`: same lifecycle point and
/// the same command.
fn same(h: &Hook, other: &Hook) -> bool {
    let ne = facts::neutral_event(h.vendor, &h.event.value);
    ne.is_some()
        && ne == facts::neutral_event(other.vendor, &other.event.value)
        && match (&h.command, &other.command) {
            (Some(a), Some(b)) => normalize_command(&a.value) == normalize_command(&b.value),
            (None, None) => h.handler_type.value == other.handler_type.value,
            _ => false,
        }
}

impl Rule for HookMissing {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ws: &Workspace, cx: &mut LintContext<'_>) {
        let vendors: Vec<Vendor> = cx.vendors().iter().collect();
        let project: Vec<&Hook> = ws
            .model
            .hooks
            .iter()
            .filter(|h| h.scope == Scope::Project && vendors.contains(&h.vendor))
            .collect();
        for h in &project {
            let Some(neutral) = facts::neutral_event(h.vendor, &h.event.value) else {
                continue;
            };
            // Vendors that could express this hook but do not have it (the others are
            // reported as unsupported-hook).
            let missing: Vec<Vendor> = vendors
                .iter()
                .copied()
                .filter(|v| *v != h.vendor)
                .filter(|v| facts::event_for(*v, neutral).is_some())
                .filter(|v| facts::runs_handler_type(*v, h.handler_type.value.as_str()))
                .filter(|v| !project.iter().any(|o| o.vendor == *v && same(h, o)))
                .collect();
            if missing.is_empty() {
                continue;
            }
            let what = h.command.as_ref().map_or_else(
                || h.handler_type.value.as_str().to_string(),
                |c| format!("`{}`", c.value),
            );
            let names: Vec<String> = missing
                .iter()
                .map(|v| {
                    format!(
                        "{} (`{}`)",
                        v.display_name(),
                        facts::event_for(*v, neutral).unwrap_or(neutral)
                    )
                })
                .collect();
            cx.report(
                Diagnostic::new(
                    META.code,
                    META.severity,
                    h.command.as_ref().map_or(h.origin, |c| c.origin),
                    format!(
                        "{} `{}` hook {what} has no equivalent for {}",
                        h.vendor.display_name(),
                        h.event.value,
                        names.join(" or ")
                    ),
                )
                .with_label(format!("runs only in {}", h.vendor.display_name()))
                .with_note(
                    "a check or guard that runs in one vendor silently does not run in the other",
                )
                .with_help(format!(
                    "run `aios-port sync --to {}` to write the equivalent hook",
                    missing.iter().map(|v| v.id()).collect::<Vec<_>>().join(",")
                )),
            );
        }
    }
}

const DOC: &str = r#"## What it does
Compares the project hooks of the vendors of the workspace by lifecycle point and command: a
Claude `PreToolUse` hook matches a Codex `PreToolUse` or a Gemini `BeforeTool` hook running the same
command (project-directory variables such as `$CLAUDE_PROJECT_DIR` and `$GEMINI_PROJECT_DIR` are
treated as equal). It reports a hook that another vendor could run but does not have. Hooks a vendor
cannot express at all are reported by `unsupported-hook` (AP204).

## Why is this bad?
Hooks are guard-rails and automation: a formatter, a secret scanner, a command blocker. After a
switch of vendor they silently stop running.

## Example
```json .claude/settings.json
{"hooks": {"PostToolUse": [{"matcher": "Edit|Write", "hooks": [{"type": "command", "command": "make fmt"}]}]}}
```
```toml .codex/config.toml
model = "gpt-5"
```
Use instead:
```json .claude/settings.json
{"hooks": {"PostToolUse": [{"matcher": "Edit|Write", "hooks": [{"type": "command", "command": "make fmt"}]}]}}
```
```json .codex/hooks.json
{"hooks": {"PostToolUse": [{"matcher": "apply_patch", "hooks": [{"type": "command", "command": "make fmt"}]}]}}
```

## How to fix
Run `aios-port sync --to <vendor>` to write the hook for the other vendor, with events, matchers and
timeouts converted, or add it by hand.

## References
- https://code.claude.com/docs/en/hooks
- https://developers.openai.com/codex/hooks
- https://geminicli.com/docs/hooks
"#;
