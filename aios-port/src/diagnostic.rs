//! Findings: what is wrong, where (labels into one or more files), why, and what to do.
//!
//! The type is renderer-agnostic; the CLI chooses how to print it.

use serde::Serialize;

use crate::source::Origin;

/// How serious a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Worth knowing; never fails a run.
    Info,
    /// Probably wrong or not portable.
    Warning,
    /// Broken: a vendor will reject or misread the file.
    Error,
}

/// A place in a file with a short message.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Label {
    /// Where.
    pub origin: Origin,
    /// What is there (may be empty).
    pub message: String,
}

/// One finding.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Diagnostic {
    /// Stable rule code, e.g. `AP001`.
    pub code: &'static str,
    /// Severity.
    pub severity: Severity,
    /// What is wrong, in one sentence.
    pub message: String,
    /// The main place.
    pub primary: Label,
    /// Other places involved (in the same or other files).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub secondary: Vec<Label>,
    /// Why it matters.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
    /// What to do.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub help: Option<String>,
    /// Spans holding a secret: every renderer masks them when it shows source text.
    #[serde(skip)]
    pub redactions: Vec<Origin>,
}

impl Diagnostic {
    /// A finding with a primary location.
    pub fn new(
        code: &'static str,
        severity: Severity,
        origin: Origin,
        message: impl Into<String>,
    ) -> Self {
        Diagnostic {
            code,
            severity,
            message: message.into(),
            primary: Label {
                origin,
                message: String::new(),
            },
            secondary: Vec::new(),
            notes: Vec::new(),
            help: None,
            redactions: Vec::new(),
        }
    }

    /// Sets the label text of the primary location.
    #[must_use]
    pub fn with_label(mut self, message: impl Into<String>) -> Self {
        self.primary.message = message.into();
        self
    }

    /// Adds a secondary location.
    #[must_use]
    pub fn with_secondary(mut self, origin: Origin, message: impl Into<String>) -> Self {
        self.secondary.push(Label {
            origin,
            message: message.into(),
        });
        self
    }

    /// Adds a note (why it matters).
    #[must_use]
    pub fn with_note(mut self, note: impl Into<String>) -> Self {
        self.notes.push(note.into());
        self
    }

    /// Marks a span as secret: renderers never show its text.
    #[must_use]
    pub fn with_redaction(mut self, origin: Origin) -> Self {
        self.redactions.push(origin);
        self
    }

    /// Sets the help text (what to do).
    #[must_use]
    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }
}

/// Codes of the findings that reading a workspace can produce.
///
/// They are the validity part of the rule catalogue; `check` reports them alongside its rules.
pub mod codes {
    /// A file could not be read (I/O error, not UTF-8, too large, not a regular file).
    pub const UNREADABLE_FILE: &str = "AP001";
    /// A JSON, TOML or YAML file does not parse.
    pub const UNPARSEABLE_FILE: &str = "AP002";
    /// A value has the wrong type or shape for the vendor's schema.
    pub const SCHEMA_VIOLATION: &str = "AP003";
    /// Markdown frontmatter is not valid YAML (read leniently).
    pub const INVALID_FRONTMATTER: &str = "AP004";
    /// A reference points at nothing (import target, plugin path, symlink target).
    pub const DANGLING_REFERENCE: &str = "AP005";
    /// Instruction imports form a cycle or go deeper than the vendor follows.
    pub const IMPORT_CYCLE: &str = "AP006";
    /// A symbolic link leaves the workspace; it is not followed.
    pub const SYMLINK_ESCAPES: &str = "AP007";
    /// The same key appears twice in one object; vendors keep only one of them.
    pub const DUPLICATE_KEY: &str = "AP008";
    /// A git symlink checked out as a plain file holding the link text.
    pub const SYMLINK_PLACEHOLDER: &str = "AP009";
}
