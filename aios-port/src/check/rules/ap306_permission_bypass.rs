//! AP306 `permission-bypass`: A setting turns off the vendor's permission prompts or sandbox.

use crate::check::{Category, LintContext, Rule, RuleMeta};
use crate::diagnostic::{Diagnostic, Severity};
use crate::model::Scope;
use crate::source::Origin;
use crate::vendor::Vendor;
use crate::workspace::Workspace;

/// A setting turns off the vendor's permission prompts or sandbox.
pub struct PermissionBypass;

static META: RuleMeta = RuleMeta {
    code: "AP306",
    name: "permission-bypass",
    category: Category::Security,
    severity: Severity::Warning,
    summary: "A setting turns off the vendor's permission prompts or sandbox.",
    doc: DOC,
    from_loader: false,
};

fn report(cx: &mut LintContext<'_>, at: Origin, what: String, help: &str) {
    cx.report(
        Diagnostic::new(META.code, META.severity, at, what)
            .with_label("no confirmation before the agent acts")
            .with_note("a committed bypass applies to everyone who opens the repository, including for prompts injected by files or tools")
            .with_help(help.to_string()),
    );
}

/// Claude allow rules that allow every shell command.
fn allows_any_shell(rule: &str) -> bool {
    matches!(rule.trim(), "Bash" | "Bash(*)" | "Bash(:*)" | "Bash(**)")
}

impl Rule for PermissionBypass {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ws: &Workspace, cx: &mut LintContext<'_>) {
        for p in ws
            .model
            .permissions
            .iter()
            .filter(|p| p.scope != Scope::User)
        {
            if let Some(m) = &p.default_mode {
                let bypass = match p.vendor {
                    Vendor::Claude => m.value == "bypassPermissions",
                    Vendor::Gemini => m.value == "yolo",
                    Vendor::Codex => false,
                };
                if bypass {
                    report(
                        cx,
                        m.origin,
                        format!("`{}` sets the default mode to `{}`", p.path, m.value),
                        "use `acceptEdits` (Claude) or `auto_edit` (Gemini) and allow specific commands",
                    );
                }
            }
            if let Some(s) = &p.sandbox_mode
                && s.value == "danger-full-access"
            {
                report(
                    cx,
                    s.origin,
                    format!(
                        "`{}` turns the Codex sandbox off (`danger-full-access`)",
                        p.path
                    ),
                    "use `sandbox_mode = \"workspace-write\"`",
                );
            }
            for a in &p.allow {
                if p.vendor == Vendor::Claude && allows_any_shell(&a.value) {
                    report(
                        cx,
                        a.origin,
                        format!("`{}` allows every shell command (`{}`)", p.path, a.value),
                        "allow the commands the project needs, e.g. `Bash(npm test)`",
                    );
                }
            }
        }
        for s in &ws.model.mcp_servers {
            if let Some(t) = &s.trust
                && t.value
            {
                report(
                    cx,
                    t.origin,
                    format!(
                        "MCP server `{}` is trusted: Gemini CLI runs its tools without confirmation",
                        s.name.value
                    ),
                    "remove `trust: true`; allow individual tools with a policy instead",
                );
            }
        }
        for a in &ws.model.agents {
            for e in &a.extra {
                let v = e.value.as_str().unwrap_or("");
                if (e.key == "permissionMode" && v == "bypassPermissions")
                    || (e.key == "sandbox_mode" && v == "danger-full-access")
                {
                    report(
                        cx,
                        e.origin,
                        format!("subagent `{}` sets `{}: {v}`", a.path, e.key),
                        "drop the setting; the subagent inherits the session's permissions",
                    );
                }
            }
        }
    }
}

const DOC: &str = r#"## What it does
Flags committed settings that switch off confirmation or sandboxing: Claude
`defaultMode: "bypassPermissions"` and allow rules for every shell command (`Bash`, `Bash(*)`),
subagents with `permissionMode: bypassPermissions`, Codex `sandbox_mode = "danger-full-access"`,
Gemini `defaultApprovalMode: "yolo"` and MCP servers with `trust: true`. User-scope settings are
the user's own choice and are not flagged.

## Why is this bad?
A project setting applies to everyone who opens the repository. Prompt injection from a file, a web
page or an MCP tool result then runs commands and edits files with no human in the loop.

## Example
```json .claude/settings.json
{"permissions": {"defaultMode": "bypassPermissions"}}
```
Use instead:
```json .claude/settings.json
{"permissions": {"defaultMode": "acceptEdits", "allow": ["Bash(npm test)"]}}
```

## How to fix
Use the narrower modes (`acceptEdits`, `workspace-write`, `auto_edit`) and allow the specific
commands and tools the project needs.

## References
- https://code.claude.com/docs/en/permissions
- https://developers.openai.com/codex/agent-approvals-security
- https://geminicli.com/docs/tools/mcp-server
"#;
