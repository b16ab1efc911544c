//! AP011 `codex-instructions-too-large`: The AGENTS.md chain Codex loads exceeds `project_doc_max_bytes` (32 KiB by default) and is cut.
//!
//! Codex reads one instruction file per directory from the project root down to the working
//! directory and stops after `project_doc_max_bytes` bytes in total (files that are only
//! whitespace are skipped and cost nothing). The rule walks the chain of every directory that
//! has a Codex instruction file and reports each place where the budget runs out.
//!
//! Deduplication: chains that share a prefix share its cut. The finding is reported once, at
//! the file where the cut falls (at the shallowest directory whose chain overflows); the
//! deeper directories below it, whose files Codex then never reads, are listed on that finding
//! as secondary labels instead of getting findings of their own. Different cut files (two
//! sibling subtrees that each overflow) are separate findings.

use std::collections::BTreeMap;

use crate::check::{Category, LintContext, Rule, RuleMeta};
use crate::diagnostic::{Diagnostic, Severity};
use crate::facts;
use crate::model::{InstructionFile, Scope};
use crate::source::{Origin, SourceDb, Spanned};
use crate::vendor::Vendor;
use crate::workspace::Workspace;

/// The AGENTS.md chain Codex loads exceeds `project_doc_max_bytes` (32 KiB by default) and is cut.
pub struct CodexInstructionsTooLarge;

/// The rule's metadata.
static META: RuleMeta = RuleMeta {
    code: "AP011",
    name: "codex-instructions-too-large",
    category: Category::Validity,
    severity: Severity::Warning,
    summary: "The AGENTS.md chain Codex loads exceeds `project_doc_max_bytes` (32 KiB by default) and is cut.",
    doc: DOC,
    from_loader: false,
};

/// `dir` and its ancestors, root (`""`) first.
fn ancestors(dir: &str) -> Vec<&str> {
    let mut out = vec![""];
    if dir.is_empty() {
        return out;
    }
    for (i, c) in dir.char_indices() {
        if c == '/' {
            out.push(&dir[..i]);
        }
    }
    out.push(dir);
    out
}

/// Where a byte budget runs out over files of the given sizes (`None` size: a blank file,
/// which Codex skips): the index of the file that is cut and how many of its bytes are read.
fn cut(sizes: &[Option<u64>], limit: u64) -> Option<(usize, u64)> {
    let mut remaining = limit;
    for (i, size) in sizes.iter().enumerate() {
        let Some(size) = *size else { continue };
        if size > remaining {
            return Some((i, remaining));
        }
        remaining -= size;
    }
    None
}

/// The byte size Codex sees (the BOM counts), or None for a file that is only whitespace.
fn size(db: &SourceDb, f: &InstructionFile) -> Option<u64> {
    let src = db.get(f.file);
    if src.text.trim().is_empty() {
        return None;
    }
    let bom = if src.bom { 3 } else { 0 };
    Some(src.text.len() as u64 + bom)
}

/// Where a directory is, for messages.
fn where_(dir: &str) -> String {
    if dir.is_empty() {
        "the workspace root".to_string()
    } else {
        format!("`{dir}/`")
    }
}

/// `n` with thousands separators.
fn num(n: u64) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// One place where the budget runs out.
struct Cut<'a> {
    /// The chain of the cut file's own directory; the cut file is last.
    chain: Vec<&'a InstructionFile>,
    /// Bytes of the cut file that Codex reads.
    read: u64,
    /// Files deeper down that Codex then never reads, by path.
    dropped: BTreeMap<String, (&'a InstructionFile, String)>,
}

impl Rule for CodexInstructionsTooLarge {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ws: &Workspace, cx: &mut LintContext<'_>) {
        let m = &ws.model;
        let db = &ws.sources;
        let setting: Option<&Spanned<u64>> = [Scope::Project, Scope::User].iter().find_map(|sc| {
            m.settings
                .iter()
                .filter(|s| s.vendor == Vendor::Codex && &s.scope == sc)
                .find_map(|s| s.project_doc_max_bytes.as_ref())
        });
        let limit = setting.map_or(facts::CODEX_PROJECT_DOC_MAX_BYTES, |s| s.value);
        if limit == 0 {
            // 0 turns project docs off on purpose.
            return;
        }
        let mut cuts: BTreeMap<String, Cut<'_>> = BTreeMap::new();
        for dir in m.instruction_dirs(Vendor::Codex) {
            if dir == "~" || dir.starts_with("~/") {
                continue;
            }
            let chain: Vec<&InstructionFile> = ancestors(dir)
                .into_iter()
                .filter_map(|a| m.dir_instructions(Vendor::Codex, a).into_iter().next())
                .collect();
            let sizes: Vec<Option<u64>> = chain.iter().map(|f| size(db, f)).collect();
            let Some((i, read)) = cut(&sizes, limit) else {
                continue;
            };
            let at = chain[i];
            let entry = cuts.entry(at.dir.clone()).or_insert_with(|| Cut {
                chain: chain[..=i].to_vec(),
                read,
                dropped: BTreeMap::new(),
            });
            for f in &chain[i + 1..] {
                entry
                    .dropped
                    .entry(f.path.clone())
                    .or_insert_with(|| (*f, dir.to_string()));
            }
        }
        for (dir, c) in cuts {
            let Some(last) = c.chain.last() else { continue };
            let src = db.get(last.file);
            let total: u64 = c.chain.iter().filter_map(|f| size(db, f)).sum();
            let own = size(db, last).unwrap_or(0);
            let lost = own.saturating_sub(c.read);
            let bom = if src.bom { 3 } else { 0 };
            let mut off = usize::try_from(c.read.saturating_sub(bom))
                .unwrap_or(usize::MAX)
                .min(src.text.len());
            while off > 0 && !src.text.is_char_boundary(off) {
                off -= 1;
            }
            // Point at the first character Codex does not read (nothing at a line end).
            let next = src.text[off..]
                .chars()
                .next()
                .filter(|c| *c != '\n' && *c != '\r')
                .map_or(0, char::len_utf8);
            let line = src.line_col(off).0;
            let origin = Origin::new(last.file, off..off + next);
            let limit_text = format!("`project_doc_max_bytes` ({})", num(limit));
            let (message, label) = if c.read == 0 {
                (
                    format!(
                        "Codex loads none of `{}`: the AGENTS.md chain before it already fills {limit_text}",
                        last.path
                    ),
                    format!("none of its {} bytes reach the model", num(own)),
                )
            } else {
                (
                    format!(
                        "Codex cuts `{}` at line {line}: the AGENTS.md chain it loads in {} is {} bytes, over {limit_text}",
                        last.path,
                        where_(&dir),
                        num(total)
                    ),
                    format!(
                        "Codex stops reading here; the last {} bytes of this file are lost",
                        num(lost)
                    ),
                )
            };
            let mut d =
                Diagnostic::new(META.code, META.severity, origin, message).with_label(label);
            for f in &c.chain[..c.chain.len() - 1] {
                if let Some(sz) = size(db, f) {
                    d = d.with_secondary(
                        Origin::file_start(f.file),
                        format!("{} bytes, loaded first", num(sz)),
                    );
                }
            }
            let mut deeper = 0u64;
            for (f, end) in c.dropped.values() {
                let sz = size(db, f).unwrap_or(0);
                deeper += sz;
                d = d.with_secondary(
                    Origin::file_start(f.file),
                    format!(
                        "never loaded when working in {} ({} bytes)",
                        where_(end),
                        num(sz)
                    ),
                );
            }
            match setting {
                Some(s) => d = d.with_secondary(s.origin, "the limit"),
                None => {
                    d = d.with_note(format!(
                        "`project_doc_max_bytes` is not set, so Codex uses its default of {} bytes",
                        num(limit)
                    ));
                }
            }
            d = d.with_note("Codex concatenates one instruction file per directory, from the project root down to the working directory, and reads at most `project_doc_max_bytes` bytes of them in total; the rest never reaches the model, with no error");
            if !c.dropped.is_empty() {
                d = d.with_note(format!(
                    "in the directories below, Codex also never reads {} more bytes of nested instruction files",
                    num(deeper)
                ));
            }
            let raise = if setting.is_some() {
                "raise `project_doc_max_bytes`"
            } else {
                "raise `project_doc_max_bytes` in `.codex/config.toml`"
            };
            d = d.with_help(format!(
                "shorten the files of this chain (move details into skills or documents the agent opens when needed), or {raise}"
            ));
            cx.report(d);
        }
    }
}

/// The rule's documentation (`aios-port explain`).
const DOC: &str = r#"## What it does
Adds up the instruction files Codex loads for each directory: one file per directory
(`AGENTS.override.md`, else `AGENTS.md`, else a `project_doc_fallback_filenames` name) from the
project root down to that directory, and reports where the total passes
`project_doc_max_bytes` (32 KiB unless `.codex/config.toml` or `~/.codex/config.toml` sets it).
The finding points at the file and line where Codex stops reading and says how many bytes are
lost. Each cut is reported once, at the shallowest directory whose chain overflows; the
directories below it, whose files Codex then never reads, are listed on the same finding.
Whitespace-only files cost nothing; `project_doc_max_bytes = 0` (project docs off) is not
reported.

## Why is this bad?
Codex silently truncates the text mid-sentence. Whatever is past the limit (usually the most
specific instructions, those of the subdirectory you work in) never reaches the model, and
nothing warns: the agent just ignores rules that are plainly in the file.

## Example
```toml .codex/config.toml
project_doc_max_bytes = 64
```
```markdown AGENTS.md
# Project rules

- Run the full test suite before every commit.
- Never edit generated files under `gen/`.
```
Use instead:
```toml .codex/config.toml
project_doc_max_bytes = 4096
```
```markdown AGENTS.md
# Project rules

- Run the full test suite before every commit.
- Never edit generated files under `gen/`.
```

## How to fix
Keep the chain short: move long reference material into skills or documents the agent reads
when needed, and keep nested AGENTS.md files to what is specific to their directory. If the
text really must be loaded every time, raise `project_doc_max_bytes` in `.codex/config.toml`
(other vendors have no such cap, so their copies are loaded whole).

## References
- https://developers.openai.com/codex/guides/agents-md
- https://developers.openai.com/codex/config-reference
"#;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ancestors_root_first() {
        assert_eq!(ancestors(""), [""]);
        assert_eq!(ancestors("a"), ["", "a"]);
        assert_eq!(ancestors("a/b/c"), ["", "a", "a/b", "a/b/c"]);
    }

    #[test]
    fn budget() {
        assert_eq!(cut(&[Some(10), Some(10)], 20), None);
        assert_eq!(cut(&[Some(10), Some(11)], 20), Some((1, 10)));
        assert_eq!(cut(&[Some(30)], 20), Some((0, 20)));
        // Exactly full before the third file: it is read not at all.
        assert_eq!(cut(&[Some(10), Some(10), Some(5)], 20), Some((2, 0)));
        // Blank files cost nothing.
        assert_eq!(cut(&[None, Some(20)], 20), None);
        assert_eq!(num(32768), "32,768");
        assert_eq!(num(999), "999");
    }

    fn write(root: &std::path::Path, rel: &str, text: &str) {
        let p = root.join(rel);
        std::fs::create_dir_all(p.parent().expect("parent")).expect("mkdir");
        std::fs::write(p, text).expect("write");
    }

    #[test]
    fn reports_once_per_cut_with_deeper_files() {
        use crate::check::{CheckOptions, RuleSelection, check};
        use crate::workspace::{LoadOptions, Workspace};
        let t = tempfile::tempdir().expect("tempdir");
        let r = t.path();
        write(r, ".codex/config.toml", "project_doc_max_bytes = 100\n");
        write(r, "AGENTS.md", &"root line\n".repeat(6));
        write(r, "a/AGENTS.md", &"a line\n".repeat(10));
        write(r, "a/b/AGENTS.md", "deeper\n");
        write(r, "a/b/c/AGENTS.md", "deepest\n");
        write(r, "d/AGENTS.md", "short\n");
        let ws = Workspace::load(r, &LoadOptions::default()).expect("loads");
        let options = CheckOptions {
            selection: RuleSelection::new(&["AP011"], &[] as &[&str]).expect("selects"),
            vendors: None,
        };
        let found: Vec<_> = check(&ws, &options)
            .diagnostics
            .into_iter()
            .filter(|d| d.code == "AP011")
            .collect();
        assert_eq!(found.len(), 1, "{found:#?}");
        let d = &found[0];
        // 60 bytes of root, then 40 of a/AGENTS.md's 70: the cut falls on line 6 of it.
        assert_eq!(
            d.message,
            "Codex cuts `a/AGENTS.md` at line 6: the AGENTS.md chain it loads in `a/` is 130 bytes, over `project_doc_max_bytes` (100)"
        );
        let labels: Vec<&str> = d.secondary.iter().map(|l| l.message.as_str()).collect();
        assert_eq!(
            labels,
            [
                "60 bytes, loaded first",
                "never loaded when working in `a/b/` (7 bytes)",
                "never loaded when working in `a/b/c/` (8 bytes)",
                "the limit"
            ]
        );
    }
}
