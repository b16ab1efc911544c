//! AP104 `instruction-coverage`: A directory has instructions for one vendor but none for another vendor of the workspace.

use crate::check::{Category, LintContext, Rule, RuleMeta};
use crate::diagnostic::{Diagnostic, Severity};
use crate::vendor::Vendor;
use crate::workspace::Workspace;

/// A directory has instructions for one vendor but none for another vendor of the workspace.
pub struct InstructionCoverage;

static META: RuleMeta = RuleMeta {
    code: "AP104",
    name: "instruction-coverage",
    category: Category::Drift,
    severity: Severity::Warning,
    summary: "A directory has instructions for one vendor but none for another vendor of the workspace.",
    doc: DOC,
    from_loader: false,
};

/// The file name a vendor reads instructions from, for messages.
fn file_name(v: Vendor) -> &'static str {
    match v {
        Vendor::Claude => "CLAUDE.md",
        Vendor::Codex => "AGENTS.md",
        Vendor::Gemini => "GEMINI.md",
    }
}

impl Rule for InstructionCoverage {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ws: &Workspace, cx: &mut LintContext<'_>) {
        let m = &ws.model;
        let vendors: Vec<Vendor> = cx.vendors().iter().collect();
        for dir in m.instruction_dirs_of(cx.vendors()) {
            let having: Vec<Vendor> = vendors
                .iter()
                .copied()
                .filter(|v| !m.dir_instructions(*v, dir).is_empty())
                .collect();
            let missing: Vec<Vendor> = vendors
                .iter()
                .copied()
                .filter(|v| !having.contains(v))
                .collect();
            let Some(first) = having.first() else {
                continue;
            };
            if missing.is_empty() {
                continue;
            }
            let files = m.dir_instructions(*first, dir);
            let Some(file) = files.first() else { continue };
            let where_ = if dir.is_empty() {
                "the workspace root".to_string()
            } else {
                format!("`{dir}/`")
            };
            let missing_names: Vec<String> = missing
                .iter()
                .map(|v| format!("{} ({})", v.display_name(), file_name(*v)))
                .collect();
            let origin = crate::source::Origin::file_start(file.file);
            cx.report(
                Diagnostic::new(
                    META.code,
                    META.severity,
                    origin,
                    format!(
                        "{where_} has instructions for {} (`{}`) but none for {}",
                        first.display_name(),
                        file.path,
                        missing_names.join(" or ")
                    ),
                )
                .with_label(format!(
                    "only {} loads this",
                    having
                        .iter()
                        .map(|v| v.display_name())
                        .collect::<Vec<_>>()
                        .join(" and ")
                ))
                .with_note(format!(
                    "working in {where_}, {} gets none of these instructions",
                    missing
                        .iter()
                        .map(|v| v.display_name())
                        .collect::<Vec<_>>()
                        .join(" and ")
                ))
                .with_help(format!(
                    "run `aios-port sync --to {}`, or add {} in {where_} importing or linking `{}`",
                    missing.iter().map(|v| v.id()).collect::<Vec<_>>().join(","),
                    missing
                        .iter()
                        .map(|v| format!("`{}`", file_name(*v)))
                        .collect::<Vec<_>>()
                        .join(" and "),
                    file.path.rsplit('/').next().unwrap_or(&file.path)
                )),
            );
        }
    }
}

const DOC: &str = r#"## What it does
Reports a directory where one vendor of the workspace loads instruction files and another loads
none: a package with AGENTS.md but no CLAUDE.md, or the reverse. A symlink or a file importing the
other counts as instructions.

## Why is this bad?
Nested instruction files hold the rules of that part of the code. The vendor without them works
there blind, and nothing in a review shows it.

## Example
```markdown AGENTS.md
# Repo
@ root rules
```
```markdown CLAUDE.md
@AGENTS.md
```
```markdown pkg/AGENTS.md
# Package rules
Use the package's own test runner.
```
Use instead:
```markdown AGENTS.md
# Repo
```
```markdown CLAUDE.md
@AGENTS.md
```
```markdown pkg/AGENTS.md
# Package rules
```
```markdown pkg/CLAUDE.md
@AGENTS.md
```

## How to fix
Add the missing vendor's file in that directory, importing (`@AGENTS.md`) or symlinking the other;
`aios-port sync` writes it for you.

## References
- https://code.claude.com/docs/en/memory
- https://developers.openai.com/codex/guides/agents-md
"#;
