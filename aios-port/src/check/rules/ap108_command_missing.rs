//! AP108 `command-missing`: A slash command defined for one vendor is missing for another vendor of the workspace.
//!
//! Owns what counts as "the same command" for each vendor: a command of the same name for
//! Claude Code and Gemini CLI, a Claude Code skill of that name (Claude runs skills as slash
//! commands), and for Codex, which has no project commands, a skill it loads of that name.

use crate::check::{Category, LintContext, Rule, RuleMeta};
use crate::diagnostic::{Diagnostic, Severity};
use crate::model::{Command, Scope, Skill};
use crate::source::Origin;
use crate::vendor::Vendor;
use crate::workspace::Workspace;

/// A slash command defined for one vendor is missing for another vendor of the workspace.
pub struct CommandMissing;

static META: RuleMeta = RuleMeta {
    code: "AP108",
    name: "command-missing",
    category: Category::Drift,
    severity: Severity::Warning,
    summary: "A slash command defined for one vendor is missing for another vendor of the workspace.",
    doc: DOC,
    from_loader: false,
};

/// The skill name a command is ported to: lowercase, `:` and `_` as `-` (skill names are
/// `[a-z0-9-]`; Gemini CLI itself turns `:` in skill names into `-`).
pub(crate) fn skill_key(command: &str) -> String {
    command
        .trim()
        .to_lowercase()
        .chars()
        .map(|c| if c == ':' || c == '_' { '-' } else { c })
        .collect()
}

/// The names a skill answers to: its `name` frontmatter and its directory name.
fn skill_names(s: &Skill) -> Vec<&str> {
    let mut out = Vec::new();
    if let Some(n) = &s.name {
        out.push(n.value.as_str());
    }
    let mut parts = s.path.rsplit('/');
    if let (Some(_file), Some(dir)) = (parts.next(), parts.next()) {
        out.push(dir);
    }
    out
}

/// Whether a user can type `/name` for the skill in Claude Code (`user-invocable: false` hides it).
fn user_invocable(s: &Skill) -> bool {
    !s.extra
        .iter()
        .any(|e| e.key == "user-invocable" && e.value == serde_json::Value::Bool(false))
}

/// What stands for command `name` in vendor `v`: its own command, or a skill.
enum Counterpart<'a> {
    /// A command of the vendor.
    Command(&'a Command),
    /// A skill the vendor loads (Claude Code: invocable as `/name`; Codex: the port of a command).
    Skill(&'a Skill),
}

/// The counterpart of command `name` in vendor `v`, if any.
fn counterpart<'a>(
    ws: &'a Workspace,
    commands: &[&'a Command],
    v: Vendor,
    name: &str,
) -> Option<Counterpart<'a>> {
    if let Some(c) = commands.iter().find(|c| c.vendor == v && c.name == name) {
        return Some(Counterpart::Command(c));
    }
    let key = skill_key(name);
    let skill = |extra: fn(&Skill) -> bool| {
        ws.model.skills.iter().find(|s| {
            s.scope == Scope::Project
                && s.loaded_by.contains(v)
                && extra(s)
                && skill_names(s)
                    .iter()
                    .any(|n| *n == name || skill_key(n) == key)
        })
    };
    match v {
        Vendor::Claude => skill(user_invocable).map(Counterpart::Skill),
        Vendor::Codex => skill(|_| true).map(Counterpart::Skill),
        // Gemini CLI skills are activated by the model, not typed as slash commands.
        Vendor::Gemini => None,
    }
}

/// Where a vendor's project command of this name would be defined, for messages.
fn command_file(v: Vendor, name: &str) -> String {
    let rel = name.replace(':', "/");
    match v {
        Vendor::Claude => format!("`.claude/commands/{rel}.md`"),
        Vendor::Codex => format!("a skill `.agents/skills/{}/SKILL.md`", skill_key(name)),
        Vendor::Gemini => format!("`.gemini/commands/{rel}.toml`"),
    }
}

impl Rule for CommandMissing {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ws: &Workspace, cx: &mut LintContext<'_>) {
        let vendors: Vec<Vendor> = cx.vendors().iter().collect();
        let commands: Vec<&Command> = ws
            .model
            .commands
            .iter()
            .filter(|c| c.scope == Scope::Project && vendors.contains(&c.vendor))
            .collect();
        let mut names: Vec<&str> = Vec::new();
        for c in &commands {
            if !names.contains(&c.name.as_str()) {
                names.push(&c.name);
            }
        }
        for name in names {
            let mut found: Vec<(Vendor, Counterpart<'_>)> = Vec::new();
            let mut missing: Vec<Vendor> = Vec::new();
            for v in &vendors {
                match counterpart(ws, &commands, *v, name) {
                    Some(c) => found.push((*v, c)),
                    None => missing.push(*v),
                }
            }
            if missing.is_empty() {
                continue;
            }
            let defined: Vec<&Command> = found
                .iter()
                .filter_map(|(_, c)| match c {
                    Counterpart::Command(c) => Some(*c),
                    Counterpart::Skill(_) => None,
                })
                .collect();
            let Some(first) = defined.first() else {
                continue;
            };
            cx.report(finding(name, first, &found, &missing));
        }
    }
}

/// The finding for command `name`, first defined by `first`, missing for `missing`.
fn finding(
    name: &str,
    first: &Command,
    found: &[(Vendor, Counterpart<'_>)],
    missing: &[Vendor],
) -> Diagnostic {
    let having: Vec<&str> = found
        .iter()
        .filter(|(_, c)| matches!(c, Counterpart::Command(_)))
        .map(|(v, _)| v.display_name())
        .collect();
    let missing_names: Vec<&str> = missing.iter().map(|v| v.display_name()).collect();
    let mut d = Diagnostic::new(
        META.code,
        META.severity,
        Origin::file_start(first.origin.file),
        format!(
            "command `/{name}` is defined for {} but missing for {}",
            having.join(" and "),
            missing_names.join(" and ")
        ),
    )
    .with_label(format!("`/{name}` for {}", first.vendor.display_name()));
    for (v, c) in found {
        match c {
            Counterpart::Command(c) if std::ptr::eq(*c, first) => {}
            Counterpart::Command(c) => {
                d = d.with_secondary(
                    Origin::file_start(c.origin.file),
                    format!("`/{name}` for {}", v.display_name()),
                );
            }
            Counterpart::Skill(s) => {
                d = d.with_secondary(
                    s.name
                        .as_ref()
                        .map_or(Origin::file_start(s.origin.file), |n| n.origin),
                    format!("skill standing in for `/{name}` in {}", v.display_name()),
                );
            }
        }
    }
    let ids: Vec<&str> = missing.iter().map(|v| v.id()).collect();
    let files: Vec<String> = missing.iter().map(|v| command_file(*v, name)).collect();
    d = d.with_note(format!(
        "in {} typing `/{name}` does nothing, and the prompt it holds is not available",
        missing_names.join(" and ")
    ));
    if missing.contains(&Vendor::Codex) {
        d = d.with_note(format!(
            "Codex has no project slash commands; a skill named `{}` that Codex loads (in `.agents/skills`) stands in for the command",
            skill_key(name)
        ));
    }
    d.with_help(format!(
        "run `aios-port sync --to {}`, or add {}",
        ids.join(","),
        files.join(" and ")
    ))
}

const DOC: &str = r#"## What it does
Compares the project slash commands of the vendors the workspace works with and reports a
command one vendor has and another lacks. Claude Code `.claude/commands/a/b.md` and Gemini CLI
`.gemini/commands/a/b.toml` are both `/a:b`. A Claude Code skill of the same name counts as the
command for Claude Code (Claude runs skills as slash commands). Codex has no project commands:
a skill loaded by Codex with the command's name (`:` and `_` written as `-`) stands in for it,
which is how commands are ported to Codex.

## Why is this bad?
Commands are the team's shortcuts for routine work (`/release`, `/review`). After a switch of
vendor, `/release` does nothing and the steps it encoded are lost or retyped from memory.

## Example
```markdown .claude/commands/release.md
---
description: Cut a release
---
Bump the version in Cargo.toml, tag it and push the tag.
```
```markdown GEMINI.md
# Repo
```
Use instead:
```markdown .claude/commands/release.md
---
description: Cut a release
---
Bump the version in Cargo.toml, tag it and push the tag.
```
```toml .gemini/commands/release.toml
description = "Cut a release"
prompt = "Bump the version in Cargo.toml, tag it and push the tag."
```
```markdown GEMINI.md
# Repo
```

## How to fix
Run `aios-port sync --to <vendor>`, or add the command by hand: a TOML command for Gemini CLI
(`{{args}}` for `$ARGUMENTS`), a skill in `.agents/skills/<name>/SKILL.md` for Codex.

## References
- https://code.claude.com/docs/en/slash-commands
- https://geminicli.com/docs/cli/custom-commands
- https://developers.openai.com/codex/skills
"#;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::rules::ap106_skill_not_visible::testing::findings;

    #[test]
    fn skills_stand_in_for_claude_and_codex() {
        let skill =
            |n: &str, extra: &str| format!("---\nname: {n}\ndescription: d\n{extra}---\nb\n");
        let found = findings(
            &[
                ("CLAUDE.md", "# r\n"),
                ("AGENTS.md", "# r\n"),
                ("GEMINI.md", "# r\n"),
                (".gemini/commands/git/commit.toml", "prompt = \"Commit.\"\n"),
                (".claude/commands/git/commit.md", "Commit.\n"),
                (
                    ".agents/skills/git-commit/SKILL.md",
                    &skill("git-commit", ""),
                ),
                // A Claude skill counts as `/review` for Claude unless it is hidden from `/`.
                (".gemini/commands/review.toml", "prompt = \"Review.\"\n"),
                (".claude/skills/review/SKILL.md", &skill("review", "")),
                (".agents/skills/review/SKILL.md", &skill("review", "")),
                (".gemini/commands/plan.toml", "prompt = \"Plan.\"\n"),
                (
                    ".claude/skills/plan/SKILL.md",
                    &skill("plan", "user-invocable: false\n"),
                ),
                (".agents/skills/plan/SKILL.md", &skill("plan", "")),
            ],
            &[],
            "AP108",
            None,
        );
        let messages: Vec<&str> = found.iter().map(|d| d.message.as_str()).collect();
        assert_eq!(
            messages,
            ["command `/plan` is defined for Gemini CLI but missing for Claude Code"]
        );
    }

    #[test]
    fn keys() {
        assert_eq!(skill_key("git:commit"), "git-commit");
        assert_eq!(skill_key("ci_commit"), "ci-commit");
        assert_eq!(skill_key("Review"), "review");
    }
}
