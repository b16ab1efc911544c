//! Slash commands: Claude Markdown and Gemini TOML.

use serde::Serialize;

use crate::model::Scope;
use crate::read::tree::Extra;
use crate::source::{Origin, Spanned};
use crate::vendor::Vendor;

/// One slash command.
#[derive(Debug, Clone, Serialize)]
pub struct Command {
    /// The vendor whose format it is written in.
    pub vendor: Vendor,
    /// Where it is configured.
    pub scope: Scope,
    /// Workspace-relative path of the file.
    pub path: String,
    /// Invocation name without the slash (`git:commit` for Gemini `git/commit.toml`).
    pub name: String,
    /// `description`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<Spanned<String>>,
    /// The prompt: Markdown body (Claude) or `prompt` (Gemini).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub prompt: Option<Spanned<String>>,
    /// Other keys, kept verbatim (`argument-hint`, `allowed-tools`, `model`, ...).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub extra: Vec<Extra>,
    /// The whole file.
    pub origin: Origin,
}
