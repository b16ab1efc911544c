//! AP103 `instructions-differ`: Two vendors load different instruction text for the same directory.

use crate::check::{Category, LintContext, Rule, RuleMeta};
use crate::diagnostic::{Diagnostic, Severity};
use crate::model::instructions::LoadedSection;
use crate::vendor::Vendor;
use crate::workspace::Workspace;

/// Two vendors load different instruction text for the same directory.
pub struct InstructionsDiffer;

static META: RuleMeta = RuleMeta {
    code: "AP103",
    name: "instructions-differ",
    category: Category::Drift,
    severity: Severity::Warning,
    summary: "Two vendors load different instruction text for the same directory.",
    doc: DOC,
    from_loader: false,
};

/// Most section labels shown per finding.
const MAX_LABELS: usize = 8;

/// Sections of `a` with no identical section in `b` (multiset difference, order ignored).
fn unmatched<'s>(a: &'s [LoadedSection], b: &[LoadedSection]) -> Vec<&'s LoadedSection> {
    let mut used = vec![false; b.len()];
    let mut out = Vec::new();
    for s in a {
        match b
            .iter()
            .enumerate()
            .position(|(i, t)| !used[i] && t.heading == s.heading && t.text == s.text)
        {
            Some(i) => used[i] = true,
            None => out.push(s),
        }
    }
    out
}

fn title(s: &LoadedSection) -> String {
    if s.heading.is_empty() {
        "text before the first heading".to_string()
    } else {
        format!("section `{}`", s.heading)
    }
}

impl Rule for InstructionsDiffer {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ws: &Workspace, cx: &mut LintContext<'_>) {
        let m = &ws.model;
        let vendors: Vec<Vendor> = cx.vendors().iter().collect();
        for dir in m.instruction_dirs_of(cx.vendors()) {
            let loaded: Vec<(Vendor, Vec<LoadedSection>)> = vendors
                .iter()
                .map(|v| (*v, m.loaded_sections(&ws.sources, *v, dir)))
                .filter(|(v, s)| !s.is_empty() && !m.dir_instructions(*v, dir).is_empty())
                .collect();
            for (i, (a, sa)) in loaded.iter().enumerate() {
                for (b, sb) in &loaded[i + 1..] {
                    let only_a = unmatched(sa, sb);
                    let only_b = unmatched(sb, sa);
                    if only_a.is_empty() && only_b.is_empty() {
                        continue;
                    }
                    let changed: Vec<&str> = only_a
                        .iter()
                        .filter(|s| only_b.iter().any(|t| t.heading == s.heading))
                        .map(|s| s.heading.as_str())
                        .collect();
                    let where_ = if dir.is_empty() {
                        "the workspace root".to_string()
                    } else {
                        format!("`{dir}/`")
                    };
                    let primary = only_a.first().or(only_b.first()).map(|s| s.origin);
                    let Some(primary) = primary else { continue };
                    let mut d = Diagnostic::new(
                        META.code,
                        META.severity,
                        primary,
                        format!(
                            "{} and {} load different instructions in {where_}: {} section(s) differ, {} only for {}, {} only for {}",
                            a.display_name(),
                            b.display_name(),
                            changed.len(),
                            only_a.len() - changed.len(),
                            a.display_name(),
                            only_b.len()
                                - only_b
                                    .iter()
                                    .filter(|s| changed.contains(&s.heading.as_str()))
                                    .count(),
                            b.display_name(),
                        ),
                    );
                    let mut n = 0;
                    for s in &only_a {
                        let what = if changed.contains(&s.heading.as_str()) {
                            "differs"
                        } else {
                            "missing"
                        };
                        let label = format!("{} for {}", title(s), a.display_name());
                        if n == 0 {
                            d = d.with_label(format!("{label} ({what} for {})", b.display_name()));
                        } else if n < MAX_LABELS {
                            d = d.with_secondary(
                                s.origin,
                                format!("{label} ({what} for {})", b.display_name()),
                            );
                        }
                        n += 1;
                    }
                    for s in &only_b {
                        let what = if changed.contains(&s.heading.as_str()) {
                            "differs"
                        } else {
                            "missing"
                        };
                        if n == 0 {
                            d = d.with_label(format!(
                                "{} for {} ({what} for {})",
                                title(s),
                                b.display_name(),
                                a.display_name()
                            ));
                        } else if n < MAX_LABELS {
                            d = d.with_secondary(
                                s.origin,
                                format!(
                                    "{} for {} ({what} for {})",
                                    title(s),
                                    b.display_name(),
                                    a.display_name()
                                ),
                            );
                        }
                        n += 1;
                    }
                    if n > MAX_LABELS {
                        d = d.with_note(format!("{} more sections differ", n - MAX_LABELS));
                    }
                    d = d
                        .with_note(format!(
                            "the agent follows different rules in {} than in {}",
                            a.display_name(),
                            b.display_name()
                        ))
                        .with_help("keep one file as the source (CLAUDE.md holding `@AGENTS.md`, or a symlink) or run `aios-port sync`");
                    cx.report(d);
                }
            }
        }
    }
}

const DOC: &str = r#"## What it does
For every directory with instructions, computes what each vendor actually loads from that
directory (CLAUDE.md and `.claude/CLAUDE.md` with their `@imports` inlined for Claude Code; the one
AGENTS.md Codex picks; GEMINI.md with imports for Gemini CLI; symlinks resolved) and compares the
vendors section by section, ignoring whitespace and section order. Personal `CLAUDE.local.md` and
path-scoped rules are not compared.

## Why is this bad?
The agent follows different rules depending on the vendor: a convention fixed in CLAUDE.md last week
is still wrong in AGENTS.md, and the Codex session repeats the old mistake.

## Example
```markdown CLAUDE.md
# Testing
Run `make test` before every commit.
```
```markdown AGENTS.md
# Testing
Run `npm test` before every commit.
```
Use instead:
```markdown CLAUDE.md
@AGENTS.md
```
```markdown AGENTS.md
# Testing
Run `make test` before every commit.
```

## How to fix
Keep one source: AGENTS.md for Codex and Gemini (`context.fileName`), and a CLAUDE.md that imports
it (`@AGENTS.md`) or is a symlink to it. `aios-port sync` writes that for you.

## References
- https://code.claude.com/docs/en/memory#agents-md
- https://developers.openai.com/codex/guides/agents-md
- https://geminicli.com/docs/cli/gemini-md
"#;
