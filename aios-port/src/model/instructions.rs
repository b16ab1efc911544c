//! Instruction files (CLAUDE.md, AGENTS.md, GEMINI.md, rules) and the imports between them.

use serde::Serialize;

use crate::read::markdown::MarkdownDoc;
use crate::source::{FileId, Origin, Spanned};
use crate::vendor::Vendor;

/// One instruction file as one vendor loads it.
///
/// A file loaded by two vendors (an AGENTS.md symlinked to CLAUDE.md) appears once per vendor,
/// both entries pointing at the same [`FileId`]; the text is read and parsed once.
#[derive(Debug, Clone, Serialize)]
pub struct InstructionFile {
    /// The vendor that loads it.
    pub vendor: Vendor,
    /// Workspace-relative path as the vendor finds it (the link, for a symlink).
    pub path: String,
    /// Workspace-relative directory the file applies to (`""` for the root).
    pub dir: String,
    /// Why the vendor loads it.
    pub role: InstructionRole,
    /// The source file (shared between entries for the same real file).
    pub file: FileId,
    /// The path is a symlink to this workspace-relative file.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub symlink_to: Option<String>,
    /// Size in bytes.
    pub bytes: usize,
    /// Parsed structure.
    pub doc: MarkdownDoc,
}

/// Why a vendor loads an instruction file.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum InstructionRole {
    /// The main file of its directory (CLAUDE.md, AGENTS.md, GEMINI.md or a `context.fileName`).
    Main,
    /// Claude `.claude/CLAUDE.md`.
    DotDir,
    /// Claude `CLAUDE.local.md` (personal, usually git-ignored).
    Local,
    /// Codex `AGENTS.override.md`, which replaces AGENTS.md in its directory.
    Override,
    /// Codex `project_doc_fallback_filenames` entry, used where the directory has no AGENTS.md.
    Fallback,
    /// Claude `.claude/rules/**/*.md`; with `paths`, loaded only for matching files.
    Rule {
        /// Glob patterns from the `paths` frontmatter (empty: always loaded).
        paths: Vec<Spanned<String>>,
    },
    /// Pulled in by an `@import` from another instruction file.
    Imported {
        /// The importing file.
        by: String,
    },
}

/// An `@import` a vendor follows.
#[derive(Debug, Clone, Serialize)]
pub struct Import {
    /// The vendor that follows it.
    pub vendor: Vendor,
    /// The importing file.
    pub from: FileId,
    /// The path as written.
    pub raw: String,
    /// The resolved workspace-relative path (None when it points outside the workspace or home).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub target: Option<String>,
    /// The imported file, when it exists and was read.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub resolved: Option<FileId>,
    /// Import depth (1 for an import written in a top-level file).
    pub depth: u8,
    /// The `@path` text.
    pub origin: Origin,
}

/// A section of instruction text as a vendor loads it, normalised for comparison.
#[derive(Debug, Clone, PartialEq)]
pub struct LoadedSection {
    /// The heading text (`""` for text before the first heading).
    pub heading: String,
    /// The section text with whitespace collapsed and followed imports removed.
    pub text: String,
    /// Where the section is.
    pub origin: Origin,
}

/// Whether a file of this role counts as a directory's shared instructions (personal
/// `CLAUDE.local.md`, path-scoped rules and imported files are handled elsewhere).
fn shared_role(role: &InstructionRole) -> bool {
    match role {
        InstructionRole::Main
        | InstructionRole::DotDir
        | InstructionRole::Override
        | InstructionRole::Fallback => true,
        InstructionRole::Rule { paths } => paths.is_empty(),
        InstructionRole::Local | InstructionRole::Imported { .. } => false,
    }
}

impl crate::model::Model {
    /// Directories where `v` loads shared instruction files of the directory itself.
    pub fn instruction_dirs(&self, v: Vendor) -> Vec<&str> {
        let mut dirs: Vec<&str> = self
            .instructions
            .iter()
            .filter(|i| i.vendor == v && shared_role(&i.role))
            .map(|i| i.dir.as_str())
            .collect();
        dirs.sort();
        dirs.dedup();
        dirs
    }

    /// Directories where any of `vendors` loads shared instruction files, sorted.
    pub fn instruction_dirs_of(&self, vendors: crate::vendor::VendorSet) -> Vec<&str> {
        let mut dirs: Vec<&str> = vendors
            .iter()
            .flat_map(|v| self.instruction_dirs(v))
            .collect();
        dirs.sort();
        dirs.dedup();
        dirs
    }

    /// The shared instruction files `v` loads from directory `dir` itself (ancestors excluded),
    /// in load order.
    pub fn dir_instructions(&self, v: Vendor, dir: &str) -> Vec<&InstructionFile> {
        self.instructions
            .iter()
            .filter(|i| i.vendor == v && i.dir == dir && shared_role(&i.role))
            .collect()
    }

    /// The sections `v` loads from directory `dir` itself, with followed imports inlined after
    /// the section that imports them.
    pub fn loaded_sections(
        &self,
        db: &crate::source::SourceDb,
        v: Vendor,
        dir: &str,
    ) -> Vec<LoadedSection> {
        let mut out = Vec::new();
        let mut seen = Vec::new();
        for f in self.dir_instructions(v, dir) {
            self.push_sections(db, v, f.file, &f.doc, &mut seen, &mut out);
        }
        out
    }

    fn push_sections(
        &self,
        db: &crate::source::SourceDb,
        v: Vendor,
        file: FileId,
        doc: &MarkdownDoc,
        seen: &mut Vec<FileId>,
        out: &mut Vec<LoadedSection>,
    ) {
        if seen.contains(&file) {
            return;
        }
        seen.push(file);
        let text = &db.get(file).text;
        let followed: Vec<&Import> = self
            .imports
            .iter()
            .filter(|i| i.vendor == v && i.from == file && i.resolved.is_some())
            .collect();
        for s in &doc.sections {
            let inside: Vec<&&Import> = followed
                .iter()
                .filter(|i| i.origin.start >= s.origin.start && i.origin.end <= s.origin.end)
                .collect();
            let body = strip_imports(
                text,
                s.origin.start as usize,
                s.origin.end as usize,
                inside.iter().map(|i| i.origin),
            );
            let norm = body.split_whitespace().collect::<Vec<_>>().join(" ");
            let mut section = LoadedSection {
                heading: s
                    .heading
                    .as_ref()
                    .map(|h| h.value.clone())
                    .unwrap_or_default(),
                text: norm,
                origin: s.origin,
            };
            // Imported text joins the end of the section: text before its first heading
            // belongs to this section, its headed sections follow.
            let mut imported = Vec::new();
            for imp in &inside {
                let Some(target) = imp.resolved else { continue };
                if let Some(f) = self
                    .instructions
                    .iter()
                    .find(|f| f.vendor == v && f.file == target)
                {
                    self.push_sections(db, v, target, &f.doc, seen, &mut imported);
                }
            }
            let mut rest = imported.into_iter().peekable();
            while let Some(first) = rest.next_if(|x| x.heading.is_empty()) {
                if !section.text.is_empty() {
                    section.text.push(' ');
                }
                section.text.push_str(&first.text);
            }
            if !section.text.is_empty() {
                out.push(section);
            }
            out.extend(rest);
        }
    }
}

/// Whether the import at `origin` stands alone on its line (only imports and spaces there):
/// such a line disappears when the import is inlined; an import inside prose keeps its path text.
pub fn import_only_line(text: &str, origin: Origin) -> bool {
    let start = text[..origin.start as usize]
        .rfind('\n')
        .map_or(0, |i| i + 1);
    let end = text[origin.end as usize..]
        .find('\n')
        .map_or(text.len(), |i| origin.end as usize + i);
    text[start..end]
        .split_whitespace()
        .all(|w| w.starts_with('@'))
}

/// `text[start..end]` with followed imports removed: a line of imports only disappears, an
/// import inside prose becomes its path without the `@`.
pub fn strip_imports(
    text: &str,
    start: usize,
    end: usize,
    imports: impl Iterator<Item = Origin>,
) -> String {
    let mut out = String::new();
    let mut at = start;
    let mut imports: Vec<Origin> = imports.collect();
    imports.sort_by_key(|o| o.start);
    for o in imports {
        let (s, e) = (o.start as usize, o.end as usize);
        if s < at || e > end {
            continue;
        }
        out.push_str(&text[at..s]);
        if !import_only_line(text, o) {
            out.push_str(&text[s + 1..e]);
        }
        at = e;
    }
    out.push_str(&text[at..end]);
    out
}
