//! AP303 `unpinned-mcp-package`: An MCP server runs a package from a registry without an exact version.

use crate::check::{Category, LintContext, Rule, RuleMeta};
use crate::diagnostic::{Diagnostic, Severity};
use crate::model::{EnvValue, Transport};
use crate::source::Spanned;
use crate::workspace::Workspace;

/// An MCP server runs a package from a registry without an exact version.
pub struct UnpinnedMcpPackage;

static META: RuleMeta = RuleMeta {
    code: "AP303",
    name: "unpinned-mcp-package",
    category: Category::Security,
    severity: Severity::Warning,
    summary: "An MCP server runs a package from a registry without an exact version.",
    doc: DOC,
    from_loader: false,
};

/// The registry a launcher installs from, and the index of the first package argument.
fn launcher(command: &str, args: &[Spanned<EnvValue>]) -> Option<(Registry, usize)> {
    let bin = command.rsplit(['/', '\\']).next().unwrap_or(command);
    let bin = bin
        .strip_suffix(".cmd")
        .or(bin.strip_suffix(".exe"))
        .unwrap_or(bin);
    let first = |from: usize| -> Option<usize> {
        let mut i = from;
        while i < args.len() {
            let a = args[i].value.raw.as_str();
            if matches!(a, "-p" | "--package" | "--from" | "--with") {
                return Some(i + 1);
            }
            if a.starts_with("--package=") || a.starts_with("--from=") {
                return Some(i);
            }
            if !a.starts_with('-') {
                return Some(i);
            }
            i += 1;
        }
        None
    };
    match bin {
        "npx" | "bunx" => first(0).map(|i| (Registry::Npm, i)),
        "pnpm" | "yarn" | "bun"
            if args
                .first()
                .is_some_and(|a| matches!(a.value.raw.as_str(), "dlx" | "x")) =>
        {
            first(1).map(|i| (Registry::Npm, i))
        }
        "uvx" => first(0).map(|i| (Registry::PyPi, i)),
        "uv" if args.first().is_some_and(|a| a.value.raw == "tool")
            && args.get(1).is_some_and(|a| a.value.raw == "run") =>
        {
            first(2).map(|i| (Registry::PyPi, i))
        }
        "pipx" if args.first().is_some_and(|a| a.value.raw == "run") => {
            first(1).map(|i| (Registry::PyPi, i))
        }
        _ => None,
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Registry {
    Npm,
    PyPi,
}

/// Whether `spec` names an exact version (or is not a registry package at all).
fn pinned(spec: &str, reg: Registry) -> bool {
    let spec = spec
        .strip_prefix("--package=")
        .or_else(|| spec.strip_prefix("--from="))
        .unwrap_or(spec);
    if spec.starts_with(['.', '/', '~'])
        || spec.contains("://")
        || spec.starts_with("git+")
        || spec.starts_with("file:")
    {
        return true;
    }
    let exact = |v: &str| {
        !v.is_empty()
            && v.chars().next().is_some_and(|c| c.is_ascii_digit())
            && v.chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '+'))
    };
    match reg {
        Registry::Npm => {
            // `@scope/pkg@1.2.3` or `pkg@1.2.3`; the first `@` of a scoped name is not a version.
            let body = spec.strip_prefix('@').unwrap_or(spec);
            match body.split_once('@') {
                Some((_, v)) => exact(v),
                None => false,
            }
        }
        Registry::PyPi => {
            if let Some((_, v)) = spec.split_once("==") {
                exact(v)
            } else if let Some((_, v)) = spec.split_once('@') {
                exact(v)
            } else {
                false
            }
        }
    }
}

impl Rule for UnpinnedMcpPackage {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ws: &Workspace, cx: &mut LintContext<'_>) {
        for s in &ws.model.mcp_servers {
            if s.transport.value != Transport::Stdio {
                continue;
            }
            let Some(cmd) = &s.command else { continue };
            let Some((reg, i)) = launcher(&cmd.value.raw, &s.args) else {
                continue;
            };
            let Some(spec) = s.args.get(i) else { continue };
            if pinned(&spec.value.raw, reg) {
                continue;
            }
            let how = match reg {
                Registry::Npm => "`name@1.2.3`",
                Registry::PyPi => "`name==1.2.3`",
            };
            cx.report(
                Diagnostic::new(
                    META.code,
                    META.severity,
                    spec.origin,
                    format!(
                        "MCP server `{}` runs `{}` without an exact version",
                        s.name.value, spec.value.raw
                    ),
                )
                .with_label("resolved to whatever the registry serves at start-up")
                .with_note("a new release of the package runs with the agent's access on the next start (the postmark-mcp compromise shipped as a patch release)")
                .with_help(format!("pin an exact version: {how}")),
            );
        }
    }
}

const DOC: &str = r#"## What it does
Flags stdio MCP servers started through a package runner (`npx`, `bunx`, `pnpm dlx`, `yarn dlx`,
`uvx`, `uv tool run`, `pipx run`) whose package has no exact version: a bare name, a bare
`@scope/name`, a tag (`@latest`) or a range (`@^1`). Local paths and git URLs are not flagged.

## Why is this bad?
Every agent start installs whatever the registry serves at that moment and runs it with the
agent's access to files, shell and tokens. A compromised release (postmark-mcp 1.0.16) reaches
every user on their next start, with no review.

## Example
```json .mcp.json
{"mcpServers": {"github": {"command": "npx", "args": ["-y", "@modelcontextprotocol/server-github"]}}}
```
Use instead:
```json .mcp.json
{"mcpServers": {"github": {"command": "npx", "args": ["-y", "@modelcontextprotocol/server-github@2025.4.8"]}}}
```

## How to fix
Pin the exact version (`name@1.2.3` for npm, `name==1.2.3` for PyPI) and update it deliberately.

## References
- https://vulkro.com/docs/rules/mcp-001-unpinned-npx
- https://docs.npmjs.com/cli/commands/npx
"#;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pins() {
        assert!(!pinned(
            "@modelcontextprotocol/server-github",
            Registry::Npm
        ));
        assert!(!pinned("pkg@latest", Registry::Npm));
        assert!(!pinned("pkg@^1.2.0", Registry::Npm));
        assert!(pinned("@scope/pkg@1.2.3", Registry::Npm));
        assert!(pinned("pkg@2025.4.8", Registry::Npm));
        assert!(pinned("./local/server.js", Registry::Npm));
        assert!(!pinned("mcp-server-fetch", Registry::PyPi));
        assert!(pinned("mcp-server-fetch==0.6.2", Registry::PyPi));
        assert!(pinned("--from=git+https://github.com/x/y", Registry::PyPi));
    }
}
