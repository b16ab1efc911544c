//! AP107 `agent-missing`: A subagent defined for one vendor is missing for another vendor of the workspace.
//!
//! Owns the matching of project subagents across vendors: by name (the file stem for an agent
//! without one), with case and `-`/`_` ignored, since each vendor restricts names differently.

use crate::check::{Category, LintContext, Rule, RuleMeta};
use crate::diagnostic::{Diagnostic, Severity};
use crate::model::{Agent, Scope};
use crate::source::Origin;
use crate::vendor::Vendor;
use crate::workspace::Workspace;

/// A subagent defined for one vendor is missing for another vendor of the workspace.
pub struct AgentMissing;

static META: RuleMeta = RuleMeta {
    code: "AP107",
    name: "agent-missing",
    category: Category::Drift,
    severity: Severity::Warning,
    summary: "A subagent defined for one vendor is missing for another vendor of the workspace.",
    doc: DOC,
    from_loader: false,
};

/// The name an agent is invoked by: its `name`, else its file stem.
pub(crate) fn agent_name(a: &Agent) -> &str {
    match &a.name {
        Some(n) if !n.value.trim().is_empty() => n.value.trim(),
        _ => {
            let file = a.path.rsplit('/').next().unwrap_or(&a.path);
            file.rsplit_once('.').map_or(file, |(stem, _)| stem)
        }
    }
}

/// The form names are compared in: lowercase, `_` as `-` (Claude Code allows only lowercase
/// and hyphens, Gemini CLI also underscores, Codex role names are free-form, so converting an
/// agent may have to rename `docs_researcher` to `docs-researcher`).
pub(crate) fn match_key(name: &str) -> String {
    name.trim().to_lowercase().replace('_', "-")
}

/// Where a vendor's project subagent of this name would be defined, for messages.
fn agent_file(v: Vendor, name: &str) -> String {
    match v {
        Vendor::Claude => format!(".claude/agents/{}.md", match_key(name)),
        Vendor::Codex => format!(".codex/agents/{name}.toml"),
        Vendor::Gemini => format!(".gemini/agents/{name}.md"),
    }
}

/// Where the finding points: the name, else the start of the definition.
fn at(a: &Agent) -> Origin {
    a.name.as_ref().map_or(a.origin, |n| n.origin)
}

impl Rule for AgentMissing {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ws: &Workspace, cx: &mut LintContext<'_>) {
        let vendors: Vec<Vendor> = cx.vendors().iter().collect();
        let agents: Vec<&Agent> = ws
            .model
            .agents
            .iter()
            .filter(|a| a.scope == Scope::Project && vendors.contains(&a.vendor))
            .collect();
        let mut keys: Vec<String> = Vec::new();
        for a in &agents {
            let key = match_key(agent_name(a));
            if !keys.contains(&key) {
                keys.push(key);
            }
        }
        for key in keys {
            // One definition per vendor (the first, in load order).
            let having: Vec<&Agent> = vendors
                .iter()
                .filter_map(|v| {
                    agents
                        .iter()
                        .copied()
                        .find(|a| a.vendor == *v && match_key(agent_name(a)) == key)
                })
                .collect();
            let missing: Vec<Vendor> = vendors
                .iter()
                .copied()
                .filter(|v| !having.iter().any(|a| a.vendor == *v))
                .collect();
            let Some(first) = having.first() else {
                continue;
            };
            if missing.is_empty() {
                continue;
            }
            let name = agent_name(first);
            let having_names: Vec<&str> = having.iter().map(|a| a.vendor.display_name()).collect();
            let missing_names: Vec<&str> = missing.iter().map(|v| v.display_name()).collect();
            let mut d = Diagnostic::new(
                META.code,
                META.severity,
                at(first),
                format!(
                    "subagent `{name}` is defined for {} but missing for {}",
                    having_names.join(" and "),
                    missing_names.join(" and ")
                ),
            )
            .with_label(format!("defined for {}", first.vendor.display_name()));
            for a in &having[1..] {
                let label = if agent_name(a) == name {
                    format!("defined for {}", a.vendor.display_name())
                } else {
                    format!(
                        "defined for {} as `{}`",
                        a.vendor.display_name(),
                        agent_name(a)
                    )
                };
                d = d.with_secondary(at(a), label);
            }
            let ids: Vec<&str> = missing.iter().map(|v| v.id()).collect();
            let files: Vec<String> = missing
                .iter()
                .map(|v| format!("`{}`", agent_file(*v, name)))
                .collect();
            d = d
                .with_note(format!(
                    "in {} the agent cannot delegate to `{name}`; work that relies on it runs without it",
                    missing_names.join(" and ")
                ))
                .with_help(format!(
                    "run `aios-port sync --to {}`, or add {}",
                    ids.join(","),
                    files.join(" and ")
                ));
            cx.report(d);
        }
    }
}

const DOC: &str = r#"## What it does
Compares the project subagents of the vendors the workspace works with (Claude Code
`.claude/agents/*.md`, Codex `.codex/agents/*.toml` and `[agents.<name>]` in
`.codex/config.toml`, Gemini CLI `.gemini/agents/*.md`) and reports a subagent one vendor has and
another lacks. Agents are matched by name (the file stem when there is no `name`), ignoring case
and treating `_` and `-` alike, since Claude Code allows only hyphens.

## Why is this bad?
Instructions and skills often tell the agent to delegate ("have the `reviewer` check the diff").
In the vendor without that subagent, the delegation fails or the work runs without the
specialised prompt and tool limits.

## Example
```markdown .claude/agents/reviewer.md
---
name: reviewer
description: Reviews a diff for bugs and missing tests.
---
You review diffs. Report bugs first.
```
```markdown AGENTS.md
# Repo
```
Use instead:
```markdown .claude/agents/reviewer.md
---
name: reviewer
description: Reviews a diff for bugs and missing tests.
---
You review diffs. Report bugs first.
```
```toml .codex/agents/reviewer.toml
name = "reviewer"
description = "Reviews a diff for bugs and missing tests."
developer_instructions = "You review diffs. Report bugs first."
```
```markdown AGENTS.md
# Repo
```

## How to fix
Run `aios-port sync --to <vendor>` to write the missing definition, or add it by hand. If the
subagent is meant for one vendor only, limit the workspace's vendors with `targets` in
`aios-port.toml`.

## References
- https://code.claude.com/docs/en/sub-agents
- https://developers.openai.com/codex/subagents
- https://geminicli.com/docs/core/subagents
"#;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::rules::ap106_skill_not_visible::testing::findings;

    #[test]
    fn matched_by_normalised_name_or_stem() {
        let found = findings(
            &[
                ("CLAUDE.md", "# r\n"),
                ("AGENTS.md", "# r\n"),
                (
                    ".claude/agents/docs-researcher.md",
                    "---\nname: docs-researcher\ndescription: d\n---\nb\n",
                ),
                (
                    ".codex/config.toml",
                    "[agents.docs_researcher]\ndescription = \"d\"\n",
                ),
                // No `name`: matched by the file stem.
                (".claude/agents/helper.md", "b\n"),
                (
                    ".codex/agents/helper.toml",
                    "description = \"d\"\ndeveloper_instructions = \"b\"\n",
                ),
                (
                    ".claude/agents/solo.md",
                    "---\nname: solo\ndescription: d\n---\nb\n",
                ),
            ],
            &[],
            "AP107",
            None,
        );
        let messages: Vec<&str> = found.iter().map(|d| d.message.as_str()).collect();
        assert_eq!(
            messages,
            ["subagent `solo` is defined for Claude Code but missing for Codex"]
        );
    }

    #[test]
    fn only_the_workspace_vendors_count() {
        let found = findings(
            &[
                (
                    ".claude/agents/solo.md",
                    "---\nname: solo\ndescription: d\n---\nb\n",
                ),
                ("AGENTS.md", "# r\n"),
            ],
            &[],
            "AP107",
            Some(crate::vendor::VendorSet::only(Vendor::Claude)),
        );
        assert!(found.is_empty(), "{found:?}");
    }

    #[test]
    fn keys() {
        assert_eq!(match_key("docs_researcher"), match_key("docs-researcher"));
        assert_eq!(match_key(" Reviewer "), "reviewer");
        assert_ne!(match_key("reviewer"), match_key("code-reviewer"));
    }
}
