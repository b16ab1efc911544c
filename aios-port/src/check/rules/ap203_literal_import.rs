//! AP203 `literal-import`: An instruction file has `@path` imports, but a vendor that loads it reads them as literal text.
//!
//! Owns the question "which `@path` references in a file does a loading vendor leave as text,
//! although another vendor would import them": every reference for Codex (no imports at all),
//! and for Gemini CLI the references its import processor does not take (those not starting
//! with `.`, `/` or a letter). Only references to files that exist count.

use crate::check::{Category, LintContext, Rule, RuleMeta};
use crate::diagnostic::{Diagnostic, Severity};
use crate::model::InstructionFile;
use crate::read::markdown::ImportRef;
use crate::read::{normalize, parent};
use crate::source::Origin;
use crate::vendor::Vendor;
use crate::workspace::Workspace;

/// An instruction file has `@path` imports, but a vendor that loads it reads them as literal text.
pub struct LiteralImport;

static META: RuleMeta = RuleMeta {
    code: "AP203",
    name: "literal-import",
    category: Category::Portability,
    severity: Severity::Warning,
    summary: "An instruction file has `@path` imports, but a vendor that loads it reads them as literal text.",
    doc: DOC,
    from_loader: false,
};

/// Whether `vendor` imports `@p`. Claude Code takes every reference; Codex none; Gemini CLI
/// (`findImports` in gemini-cli `packages/core/src/utils/memoryImportProcessor.ts`) only a
/// path starting with `.`, `/` or an ASCII letter, so `@_shared.md`, `@2024-plan.md` or
/// `@~/notes.md` stay text. (`read/imports.rs` is stricter for Gemini: it also skips
/// letter-initial paths without an extension, such as `@docs/guide`, which Gemini CLI does
/// import; this rule follows the client.)
pub(crate) fn follows(vendor: Vendor, p: &str) -> bool {
    match vendor {
        Vendor::Claude => true,
        Vendor::Gemini => {
            p.starts_with(['.', '/']) || p.starts_with(|c: char| c.is_ascii_alphabetic())
        }
        Vendor::Codex => false,
    }
}

/// The workspace-relative target of `@raw` written in a file found at `path` (relative to the
/// file's directory, as `read/imports.rs` resolves it); None for home and outside paths.
pub(crate) fn target_of(ws: &Workspace, path: &str, raw: &str) -> Option<String> {
    if raw.starts_with('~') || path.starts_with("~/") {
        return None;
    }
    if raw.starts_with('/') {
        let rel = std::path::Path::new(raw).strip_prefix(&ws.root).ok()?;
        return Some(rel.to_string_lossy().replace('\\', "/"));
    }
    normalize(parent(path), raw).filter(|t| !t.is_empty())
}

/// Whether the file `target` exists, as far as the workspace read it: another vendor resolved
/// this very reference, or the file was read or is a known artifact path.
fn exists(ws: &Workspace, from: &InstructionFile, r: &ImportRef, target: &str) -> bool {
    let m = &ws.model;
    m.imports
        .iter()
        .any(|i| i.from == from.file && i.origin == r.origin && i.resolved.is_some())
        || ws.sources.find(target).is_some()
        || m.instructions.iter().any(|i| i.path == target)
        || m.skills
            .iter()
            .any(|s| s.path == target || s.also_at.iter().any(|p| p == target))
        || m.agents.iter().any(|a| a.path == target)
        || m.commands.iter().any(|c| c.path == target)
        || m.plugins.iter().any(|p| p.path == target)
}

/// A reference `vendor` reads literally, with its target.
struct Literal<'a> {
    /// The `@path` token.
    r: &'a ImportRef,
    /// The workspace-relative file it names.
    target: String,
}

impl Rule for LiteralImport {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ws: &Workspace, cx: &mut LintContext<'_>) {
        let vendors = cx.vendors();
        for v in [Vendor::Codex, Vendor::Gemini] {
            if !vendors.contains(v) {
                continue;
            }
            let mut done = Vec::new();
            for f in ws.model.instructions.iter().filter(|i| i.vendor == v) {
                if done.contains(&f.file) {
                    continue;
                }
                done.push(f.file);
                let literal: Vec<Literal<'_>> = f
                    .doc
                    .import_refs
                    .iter()
                    .filter(|r| !follows(v, &r.path))
                    .filter_map(|r| {
                        let target = target_of(ws, &f.path, &r.path)?;
                        exists(ws, f, r, &target).then_some(Literal { r, target })
                    })
                    .collect();
                if let Some(d) = finding(ws, v, f, &literal) {
                    cx.report(d);
                }
            }
        }
    }
}

/// The finding for the references `literal` that `v` reads as text in `f`.
fn finding(
    ws: &Workspace,
    v: Vendor,
    f: &InstructionFile,
    literal: &[Literal<'_>],
) -> Option<Diagnostic> {
    let vendor = v.display_name();
    let file = match &f.symlink_to {
        Some(t) => format!("`{}` (a symlink to `{t}`)", f.path),
        None => format!("`{}`", f.path),
    };
    let message = match literal {
        [one] => format!(
            "{vendor} reads `@{}` in {file} as plain text and never loads `{}`",
            one.r.path, one.target
        ),
        many => format!(
            "{vendor} reads {} `@` imports in {file} as plain text and never loads the files they name",
            many.len()
        ),
    };
    let label = |l: &Literal<'_>| format!("{vendor} sees this text, not `{}`", l.target);
    let (first, rest) = literal.split_first()?;
    let mut d =
        Diagnostic::new(META.code, META.severity, first.r.origin, message).with_label(label(first));
    for l in rest {
        d = d.with_secondary(l.r.origin, label(l));
    }
    let mut shown = vec![f.file];
    for l in literal {
        if let Some(id) = ws.sources.find(&l.target)
            && !shown.contains(&id)
        {
            shown.push(id);
            d = d.with_secondary(
                Origin::file_start(id),
                format!("this text never reaches {vendor}"),
            );
        }
    }
    // Who does import these references, and from the same file?
    let importers: Vec<&str> = Vendor::ALL
        .into_iter()
        .filter(|o| *o != v)
        .filter(|o| {
            ws.model
                .instructions
                .iter()
                .any(|i| i.vendor == *o && i.file == f.file)
        })
        .filter(|o| literal.iter().all(|l| follows(*o, &l.r.path)))
        .map(Vendor::display_name)
        .collect();
    let why = match v {
        Vendor::Codex => "Codex has no `@import`: the model receives the `@path` text itself".to_string(),
        _ => "Gemini CLI imports only an `@path` that starts with `.`, `/` or a letter; other `@` text stays as written".to_string(),
    };
    d = d.with_note(if importers.is_empty() {
        why
    } else {
        format!(
            "{why}, while {}, loading the same file, imports the text",
            importers.join(" and ")
        )
    });
    let help = match v {
        Vendor::Codex => match &f.symlink_to {
            Some(t) => format!(
                "make `{}` a real file with the imported text inlined (`aios-port sync --to codex` does this), or move the text into `{}` and let `{t}` import it",
                f.path, f.path
            ),
            None => format!(
                "inline the imported text into `{}` (`aios-port sync --to codex` does this)",
                f.path
            ),
        },
        _ => {
            let written: Vec<String> = literal
                .iter()
                .map(|l| format!("`@./{}`", l.r.path))
                .collect();
            format!(
                "write {} so that Gemini CLI imports {} too",
                written.join(", "),
                if literal.len() == 1 { "it" } else { "them" }
            )
        }
    };
    Some(d.with_help(help))
}

const DOC: &str = r#"## What it does
Reports `@path` references to existing files in an instruction file that a loading vendor reads
as plain text: every reference in a file Codex loads (Codex has no imports), and in a file
Gemini CLI loads the references its import processor skips (those not starting with `.`, `/` or
a letter, such as `@_shared.md`), which Claude Code imports. The typical case is an AGENTS.md
symlinked to a CLAUDE.md that imports other files.

## Why is this bad?
Claude Code replaces `@docs/testing.md` with the file's text. Codex sends the line
`@docs/testing.md` to the model as written, so the instructions in the imported file never
reach it, while the file looks complete to anyone reading it.

## Example
```markdown CLAUDE.md
# Project
Follow @docs/testing.md before every commit.
```
```symlink AGENTS.md
CLAUDE.md
```
```markdown docs/testing.md
# Testing
Run `cargo test --workspace`.
```
Use instead:
```markdown AGENTS.md
# Project
Follow the testing rules before every commit.

# Testing
Run `cargo test --workspace`.
```
```markdown CLAUDE.md
@AGENTS.md
```

## How to fix
Put the text itself in the file the vendor reads: `aios-port sync --to codex` writes AGENTS.md
with the imports inlined. Or turn the relation around: keep the text in AGENTS.md and let
CLAUDE.md import it (`@AGENTS.md`). For Gemini CLI, write the reference as `@./path`.

## References
- https://developers.openai.com/codex/guides/agents-md
- https://code.claude.com/docs/en/memory#import-additional-files
- https://geminicli.com/docs/reference/memport
"#;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::rules::ap106_skill_not_visible::testing::findings;

    #[cfg(unix)]
    #[test]
    fn symlinked_agents_md_and_nested_files() {
        let found = findings(
            &[
                (
                    "CLAUDE.md",
                    "# r\n\nSee @docs/a.md and @missing.md.\n\n`@docs/a.md` in code.\n",
                ),
                ("docs/a.md", "# A\n"),
                ("pkg/CLAUDE.md", "Use @../docs/a.md here.\n"),
            ],
            &[("AGENTS.md", "CLAUDE.md"), ("pkg/AGENTS.md", "CLAUDE.md")],
            "AP203",
            None,
        );
        let messages: Vec<&str> = found.iter().map(|d| d.message.as_str()).collect();
        assert_eq!(
            messages,
            [
                "Codex reads `@docs/a.md` in `AGENTS.md` (a symlink to `CLAUDE.md`) as plain text and never loads `docs/a.md`",
                "Codex reads `@../docs/a.md` in `pkg/AGENTS.md` (a symlink to `pkg/CLAUDE.md`) as plain text and never loads `docs/a.md`",
            ]
        );
    }

    #[test]
    fn nothing_without_codex_or_a_target() {
        let files = [("AGENTS.md", "Mail @oncall or see @nowhere.md.\n")];
        assert!(findings(&files, &[], "AP203", None).is_empty());
        let files = [("CLAUDE.md", "@docs/a.md\n"), ("docs/a.md", "A\n")];
        assert!(findings(&files, &[], "AP203", None).is_empty());
    }

    #[test]
    fn follow_rules() {
        for p in ["AGENTS.md", "docs/x.md", "Makefile"] {
            assert!(follows(Vendor::Claude, p), "{p}");
            assert!(!follows(Vendor::Codex, p), "{p}");
        }
        for p in [
            "./Makefile",
            "../x.md",
            "/abs/x.md",
            "docs/x.md",
            "docs/guide",
            "Makefile",
        ] {
            assert!(follows(Vendor::Gemini, p), "{p}");
        }
        for p in ["_shared.md", "2024-plan.md", "~/notes.md", "été.md"] {
            assert!(!follows(Vendor::Gemini, p), "{p}");
        }
    }
}
