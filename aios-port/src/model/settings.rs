//! Vendor settings that shape what else is loaded, plus settings kept but not modelled.

use serde::Serialize;

use crate::model::Scope;
use crate::read::tree::Extra;
use crate::source::{Origin, Spanned};
use crate::vendor::Vendor;

/// One vendor settings file (`.claude/settings.json`, `.codex/config.toml`, `.gemini/settings.json`).
#[derive(Debug, Clone, Serialize)]
pub struct VendorSettings {
    /// The vendor.
    pub vendor: Vendor,
    /// Where it is configured.
    pub scope: Scope,
    /// Workspace-relative path.
    pub path: String,
    /// Instruction file names: Gemini `context.fileName`; Codex `project_doc_fallback_filenames`.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub instruction_file_names: Vec<Spanned<String>>,
    /// Codex `project_doc_max_bytes`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub project_doc_max_bytes: Option<Spanned<u64>>,
    /// Model setting (Claude `model`, Codex `model`, Gemini `model.name`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub model: Option<Spanned<String>>,
    /// Top-level keys not modelled elsewhere, kept verbatim.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub other: Vec<Extra>,
    /// The whole file.
    pub origin: Origin,
}
