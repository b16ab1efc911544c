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
