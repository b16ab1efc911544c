//! Subagents: Claude and Gemini Markdown with frontmatter, Codex TOML role files.

use serde::Serialize;

use crate::model::Scope;
use crate::read::tree::Extra;
use crate::source::{Origin, Spanned};
use crate::vendor::Vendor;

/// One subagent definition.
#[derive(Debug, Clone, Serialize)]
pub struct Agent {
    /// The vendor whose format it is written in.
    pub vendor: Vendor,
    /// Where it is configured.
    pub scope: Scope,
    /// Workspace-relative path of the file.
    pub path: String,
    /// `name` (Codex falls back to the file name).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<Spanned<String>>,
    /// `description`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<Spanned<String>>,
    /// Tool names (Claude `tools: A, B` or a list; Gemini a list). None: inherits all.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tools: Option<Vec<Spanned<String>>>,
    /// Model name or alias.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub model: Option<Spanned<String>>,
    /// The system prompt: Markdown body, or Codex `developer_instructions`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub instructions: Option<Spanned<String>>,
    /// Other keys, kept verbatim.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub extra: Vec<Extra>,
    /// The whole definition.
    pub origin: Origin,
}
