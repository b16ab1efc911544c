//! AP206 `unportable-tool-name`: A tool or model name in a skill, subagent or permission rule does not exist for another vendor.

use crate::check::rules::ap205_guard_fails_open::list;
use crate::check::{Category, LintContext, Rule, RuleMeta};
use crate::diagnostic::{Diagnostic, Severity};
use crate::facts;
use crate::model::{Agent, Permissions, Scope, Skill};
use crate::source::{Origin, Spanned};
use crate::vendor::{Vendor, VendorSet};
use crate::workspace::Workspace;

/// A tool or model name in a skill, subagent or permission rule does not exist for another vendor.
pub struct UnportableToolName;

static META: RuleMeta = RuleMeta {
    code: "AP206",
    name: "unportable-tool-name",
    category: Category::Portability,
    severity: Severity::Warning,
    summary: "A tool or model name in a skill, subagent or permission rule does not exist for another vendor.",
    doc: DOC,
    from_loader: false,
};

/// The tool name of a rule or list entry: `Bash(git *)` → `Bash`, `Agent(a, b)` → `Agent`.
pub(crate) fn base_name(entry: &str) -> &str {
    entry.split('(').next().unwrap_or(entry).trim()
}

/// Whether a tool list entry means every tool, or an MCP tool (they map between vendors:
/// Gemini spells `mcp__server__tool` as `mcp_server_tool`).
fn portable_by_shape(name: &str) -> bool {
    name.is_empty() || name.contains('*') || name.starts_with("mcp__") || name.starts_with("mcp_")
}

/// Why vendor `v` has no tool for Claude tool `claude`, when a plain "has no such tool" would
/// mislead.
fn why_missing(v: Vendor, claude: &str) -> Option<&'static str> {
    match (v, claude) {
        (Vendor::Gemini, "Agent" | "Task") => {
            Some("Gemini CLI calls each subagent as a tool of its own name")
        }
        (Vendor::Codex, "WebFetch") => Some("its model fetches pages with shell commands instead"),
        (_, "NotebookEdit") => Some("notebooks are edited as plain files there"),
        _ => None,
    }
}

/// An origin covering `items` when they are in one file (else the first).
fn span(items: &[&Spanned<String>]) -> Option<Origin> {
    let first = items.first()?;
    let last = items.last()?;
    Some(
        if first.origin.file == last.origin.file && last.origin.end >= first.origin.start {
            Origin {
                file: first.origin.file,
                start: first.origin.start,
                end: last.origin.end,
            }
        } else {
            first.origin
        },
    )
}

/// The vendors of `vendors` other than `v`.
fn others(vendors: VendorSet, v: Vendor) -> Vec<Vendor> {
    vendors.iter().filter(|o| *o != v).collect()
}

fn agent_tools(cx: &mut LintContext<'_>, a: &Agent, others: &[Vendor]) {
    let name = a
        .name
        .as_ref()
        .map_or(a.path.as_str(), |n| n.value.as_str());
    let listed: Vec<&Spanned<String>> = a
        .tools
        .iter()
        .flatten()
        .filter(|t| !t.value.trim().is_empty())
        .collect();
    // `*` (or no list) inherits every tool: nothing is restricted.
    let restricts = !listed.is_empty() && !listed.iter().any(|t| t.value.trim() == "*");
    let disallowed = a
        .extra
        .iter()
        .find(|e| e.key == "disallowedTools" || e.key == "disallowed-tools");
    let mut notes: Vec<String> = Vec::new();
    let mut labels: Vec<(Origin, String)> = Vec::new();
    let mut bs: Vec<String> = Vec::new();
    let list_at = span(&listed);
    for b in others {
        let bn = b.display_name();
        if *b == Vendor::Codex {
            // Codex agent roles have no tool list at all.
            if restricts {
                let names: Vec<String> = listed.iter().map(|t| format!("`{}`", t.value)).collect();
                let read_only = listed.iter().all(|t| {
                    crate::facts::CLAUDE_READ_ONLY_TOOLS.contains(&base_name(&t.value))
                        || t.value.starts_with("mcp__")
                });
                notes.push(format!(
                    "Codex agents have no tool list: the restriction to {} is lost and the agent can use every tool{}",
                    list(&names),
                    if read_only {
                        "; `sandbox_mode = \"read-only\"` in the Codex role file is the nearest equivalent"
                    } else {
                        ""
                    }
                ));
                if let Some(o) = list_at {
                    labels.push((o, "no tool list in Codex".into()));
                }
                bs.push(bn.to_string());
            }
            continue;
        }
        // Tool names the other vendor does not have (Claude ↔ Gemini).
        let missing: Vec<&&Spanned<String>> = listed
            .iter()
            .filter(|t| {
                let n = base_name(&t.value);
                if portable_by_shape(n) {
                    return false;
                }
                match (a.vendor, b) {
                    (Vendor::Claude, _) => facts::tool_for(*b, n).is_none(),
                    (Vendor::Gemini, Vendor::Claude) => {
                        facts::claude_tool(Vendor::Gemini, n).is_none()
                    }
                    _ => false,
                }
            })
            .collect();
        if !missing.is_empty() {
            let names: Vec<String> = missing.iter().map(|t| format!("`{}`", t.value)).collect();
            let whys: Vec<String> = missing
                .iter()
                .filter_map(|t| {
                    why_missing(*b, base_name(&t.value))
                        .map(|w| format!("`{}`: {w}", base_name(&t.value)))
                })
                .collect();
            notes.push(format!(
                "{bn} has no tool for {}: the {bn} version of this agent cannot list {}, so it cannot do that work there{}",
                list(&names),
                if missing.len() == 1 { "it" } else { "them" },
                if whys.is_empty() { String::new() } else { format!(" ({})", whys.join("; ")) }
            ));
            for t in &missing {
                labels.push((t.origin, format!("no such tool in {bn}")));
            }
            bs.push(bn.to_string());
        }
    }
    // Neither Codex nor Gemini agents can deny tools.
    let deniers: Vec<String> = others
        .iter()
        .filter(|b| **b != Vendor::Claude)
        .map(|b| b.display_name().to_string())
        .collect();
    if let Some(d) = disallowed
        && a.vendor == Vendor::Claude
        && !deniers.is_empty()
    {
        notes.push(format!(
            "{} agents cannot deny tools: `{}` is lost there",
            list(&deniers),
            d.key
        ));
        labels.push((d.origin, format!("lost in {}", list(&deniers))));
        for n in deniers {
            if !bs.contains(&n) {
                bs.push(n);
            }
        }
    }
    let Some((first_at, first_label)) = labels.first().cloned() else {
        return;
    };
    let mut d = Diagnostic::new(
        META.code,
        META.severity,
        first_at,
        format!(
            "the tools of {} agent `{name}` do not port to {}",
            a.vendor.display_name(),
            list(&bs)
        ),
    )
    .with_label(first_label);
    let mut seen = vec![first_at];
    for (o, l) in &labels[1..] {
        if !seen.contains(o) {
            seen.push(*o);
            d = d.with_secondary(*o, l.clone());
        }
    }
    for n in notes {
        d = d.with_note(n);
    }
    let mut help: Vec<&str> = Vec::new();
    if bs.iter().any(|b| b != Vendor::Codex.display_name()) {
        help.push("use tools every vendor of the workspace has, or write each vendor's agent with its own tool names");
    }
    if bs.iter().any(|b| b == Vendor::Codex.display_name()) {
        help.push("restrict the Codex agent with `sandbox_mode` in its role file");
    }
    d = d.with_help(help.join("; "));
    cx.report(d);
}

fn agent_model(cx: &mut LintContext<'_>, a: &Agent, others: &[Vendor]) {
    let Some(m) = &a.model else { return };
    let Some(family) = facts::model_family(&m.value) else {
        return;
    };
    let bs: Vec<Vendor> = others.iter().copied().filter(|b| *b != family).collect();
    if bs.is_empty() {
        return;
    }
    let name = a
        .name
        .as_ref()
        .map_or(a.path.as_str(), |n| n.value.as_str());
    let names: Vec<String> = bs.iter().map(|b| b.display_name().to_string()).collect();
    cx.report(
        Diagnostic::new(
            META.code,
            META.severity,
            m.origin,
            format!(
                "{} agent `{name}` uses the {} model `{}`, which {} cannot use",
                a.vendor.display_name(),
                family.display_name(),
                m.value,
                list(&names)
            ),
        )
        .with_label(format!("a {} model", family.display_name()))
        .with_note(format!(
            "model names are not portable: `{}` means nothing to {}, whose agents need a model of their own family (or none, for the vendor's default)",
            m.value,
            list(&names)
        ))
        .with_help(
            "choose a model of each vendor's own family in that vendor's agent file, or remove `model` to use each vendor's default",
        ),
    );
}

fn skill_allowed_tools(cx: &mut LintContext<'_>, s: &Skill, vendors: VendorSet) {
    if s.allowed_tools.is_empty() {
        return;
    }
    let bs: Vec<Vendor> = [Vendor::Codex, Vendor::Gemini]
        .into_iter()
        .filter(|b| vendors.contains(*b))
        .filter(|b| s.scope == Scope::Project || s.loaded_by.contains(*b))
        .collect();
    if bs.is_empty() {
        return;
    }
    let items: Vec<&Spanned<String>> = s.allowed_tools.iter().collect();
    let Some(at) = span(&items) else { return };
    // Without a `name`, vendors name the skill after its directory.
    let dir = s.path.rsplit('/').nth(1).unwrap_or(s.path.as_str());
    let name = s.name.as_ref().map_or(dir, |n| n.value.as_str());
    let names: Vec<String> = bs.iter().map(|b| b.display_name().to_string()).collect();
    cx.report(
        Diagnostic::new(
            META.code,
            META.severity,
            at,
            format!("skill `{name}` sets `allowed-tools`, which {} ignore{}", list(&names), if bs.len() == 1 { "s" } else { "" }),
        )
        .with_label("read by Claude Code only")
        .with_note(format!(
            "Claude Code lets the skill use these tools without asking; in {} they follow the usual approval policy",
            list(&names)
        ))
        .with_help(format!(
            "grant the same tools in {} with that vendor's own approval settings (Codex rules, Gemini policies) if the skill needs them",
            list(&names)
        )),
    );
}

fn permission_rules(cx: &mut LintContext<'_>, p: &Permissions, others: &[Vendor]) {
    let rules: Vec<(&str, &Spanned<String>)> = p
        .allow
        .iter()
        .map(|r| ("allow", r))
        .chain(p.ask.iter().map(|r| ("ask", r)))
        .chain(p.deny.iter().map(|r| ("deny", r)))
        .collect();
    // One finding per tool, with a label on each rule naming it.
    let mut tools: Vec<&str> = Vec::new();
    for (_, r) in &rules {
        let t = base_name(&r.value);
        if !tools.contains(&t) {
            tools.push(t);
        }
    }
    for t in tools {
        if portable_by_shape(t) {
            continue;
        }
        let bs: Vec<Vendor> = others
            .iter()
            .copied()
            .filter(|b| facts::model_tool(*b, t) == Some(None))
            .collect();
        if bs.is_empty() {
            continue;
        }
        let of: Vec<&(&str, &Spanned<String>)> = rules
            .iter()
            .filter(|(_, r)| base_name(&r.value) == t)
            .collect();
        let Some((kind, first)) = of.first() else {
            continue;
        };
        let names: Vec<String> = bs.iter().map(|b| b.display_name().to_string()).collect();
        let mut d = Diagnostic::new(
            META.code,
            META.severity,
            first.origin,
            format!(
                "permission rule{} for `{t}` name{} a tool {} {} not have",
                if of.len() == 1 { "" } else { "s" },
                if of.len() == 1 { "s" } else { "" },
                list(&names),
                if names.len() == 1 { "does" } else { "do" }
            ),
        )
        .with_label(format!("`{kind}` rule"));
        for (k, r) in &of[1..] {
            d = d.with_secondary(r.origin, format!("`{k}` rule"));
        }
        // One note per explanation, naming every vendor it applies to.
        let mut whys: Vec<(Option<&str>, Vec<String>)> = Vec::new();
        for b in &bs {
            let why = why_missing(*b, t);
            match whys.iter_mut().find(|(w, _)| *w == why) {
                Some((_, vs)) => vs.push(b.display_name().to_string()),
                None => whys.push((why, vec![b.display_name().to_string()])),
            }
        }
        for (why, vs) in &whys {
            d = d.with_note(format!(
                "{} {} no `{t}` tool{}: there is nothing to allow or deny, so {} no equivalent there",
                list(vs),
                if vs.len() == 1 { "has" } else { "have" },
                why.map(|w| format!(" ({w})")).unwrap_or_default(),
                if of.len() == 1 {
                    "this rule has"
                } else {
                    "these rules have"
                }
            ));
        }
        if of.iter().any(|(k, _)| *k == "deny") {
            d = d.with_note(format!(
                "a `deny` rule on `{t}` therefore protects nothing in {}",
                list(&names)
            ));
        }
        d = d.with_help(format!(
            "keep {} for Claude Code and enforce the intent another way in {}; if the workspace does not need {}, remove {} from `targets` in `aios-port.toml`",
            if of.len() == 1 { "this rule" } else { "these rules" },
            list(&names),
            if names.len() == 1 { "that vendor" } else { "those vendors" },
            if names.len() == 1 { "it" } else { "them" },
        ));
        cx.report(d);
    }
}

impl Rule for UnportableToolName {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ws: &Workspace, cx: &mut LintContext<'_>) {
        let vendors = cx.vendors();
        for a in &ws.model.agents {
            if a.scope != Scope::Project || !vendors.contains(a.vendor) {
                continue;
            }
            let others = others(vendors, a.vendor);
            agent_tools(cx, a, &others);
            agent_model(cx, a, &others);
        }
        for s in &ws.model.skills {
            skill_allowed_tools(cx, s, vendors);
        }
        for p in &ws.model.permissions {
            if p.vendor == Vendor::Claude
                && p.scope == Scope::Project
                && vendors.contains(Vendor::Claude)
            {
                permission_rules(cx, p, &others(vendors, Vendor::Claude));
            }
        }
    }
}

const DOC: &str = r#"## What it does
Checks the tool and model names of project subagents, skills and permission rules against the
other vendors of the workspace (those configured in it, or `primary` and `targets` in
`aios-port.toml`):

- a subagent's `tools` naming tools another vendor lacks (Claude `NotebookEdit`, `Agent(...)`,
  `KillShell`... have no Gemini tool); a Claude or Gemini tool list (or `disallowedTools`)
  when Codex is a vendor, since Codex agents have no tool list at all (reported once per agent);
- a subagent `model` of one vendor's family (`opus`, `sonnet`, `gpt-5`, `gemini-2.5-pro`)
  when another vendor is in the workspace;
- a skill's `allowed-tools`, which only Claude Code reads;
- Claude permission rules whose tool another vendor does not have (`WebFetch(domain:...)` for
  Codex, `NotebookEdit` for Codex and Gemini).

MCP tools (`mcp__server__tool`) map between vendors and are never reported.

## Why is this bad?
After a switch of vendor the agent silently has other tools or another model than the one the
prompt was written for, and restrictions written as tool lists or rules no longer apply.

## Example
```markdown .claude/agents/reviewer.md
---
name: reviewer
description: Reviews diffs
tools: Read, Grep, NotebookEdit
model: sonnet
---
Review the diff.
```
```markdown .gemini/agents/helper.md
---
name: helper
description: Helps
---
Help.
```
Use instead:
```markdown .claude/agents/reviewer.md
---
name: reviewer
description: Reviews diffs
tools: Read, Grep
---
Review the diff.
```
```markdown .gemini/agents/helper.md
---
name: helper
description: Helps
---
Help.
```

## How to fix
Use tools every vendor has, write each vendor's agent with that vendor's model names, and keep
Claude-only restrictions in Claude's files while enforcing them another way elsewhere (Codex
`sandbox_mode`, Gemini policies).

## References
- https://code.claude.com/docs/en/sub-agents
- https://developers.openai.com/codex/subagents
- https://geminicli.com/docs/core/subagents
- https://code.claude.com/docs/en/permissions
"#;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base_names_and_shapes() {
        assert_eq!(base_name("Bash(git *)"), "Bash");
        assert_eq!(base_name(" Agent(a, b) "), "Agent");
        assert_eq!(base_name("WebFetch(domain:x.com)"), "WebFetch");
        assert!(portable_by_shape("mcp__github__create_issue"));
        assert!(portable_by_shape("mcp_*"));
        assert!(!portable_by_shape("NotebookEdit"));
    }
}

#[cfg(test)]
mod agent_tests {
    use crate::check::rules::ap205_guard_fails_open::tests::run;
    use crate::vendor::Vendor;

    const ALL: &[Vendor] = &[Vendor::Claude, Vendor::Codex, Vendor::Gemini];

    fn agent(tools: &str, model: &str) -> String {
        format!("---\nname: a\ndescription: d\ntools: {tools}\nmodel: {model}\n---\nDo it.\n")
    }

    #[test]
    fn star_mcp_and_inherit_are_portable() {
        let a = agent("\"*\"", "inherit");
        assert!(run("AP206", &[(".claude/agents/a.md", &a)], ALL).is_empty());
        let a = agent("Read, mcp__github__get_issue", "inherit");
        assert!(
            run(
                "AP206",
                &[(".claude/agents/a.md", &a)],
                &[Vendor::Claude, Vendor::Gemini]
            )
            .is_empty()
        );
    }

    #[test]
    fn unknown_claude_tools_have_no_gemini_equivalent() {
        let a = agent("Read, KillShell, TaskCreate", "inherit");
        let d = run(
            "AP206",
            &[(".claude/agents/a.md", &a)],
            &[Vendor::Claude, Vendor::Gemini],
        );
        assert_eq!(d.len(), 1, "{d:#?}");
        assert!(
            d[0].notes[0].contains("`KillShell`:") || d[0].notes[0].contains("for `KillShell`"),
            "{d:#?}"
        );
        assert!(!d[0].notes[0].contains("TaskCreate"), "{d:#?}");
    }

    #[test]
    fn codex_loses_the_tool_list_once_per_agent() {
        let a = agent("Read, Grep, NotebookEdit", "sonnet");
        let d = run(
            "AP206",
            &[(".claude/agents/a.md", &a)],
            &[Vendor::Claude, Vendor::Codex],
        );
        assert_eq!(d.len(), 2, "{d:#?}");
        assert!(
            d.iter()
                .filter(|d| d.message.contains("do not port to Codex"))
                .count()
                == 1
        );
        assert!(d.iter().any(|d| d.message.contains("model `sonnet`")));
    }
}
