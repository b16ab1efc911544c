//! Permission settings: Claude allow/ask/deny and modes, Codex approval and sandbox, Gemini approval mode.

use serde::Serialize;

use crate::model::Scope;
use crate::source::{Origin, Spanned};
use crate::vendor::Vendor;

/// The permission settings of one vendor file.
#[derive(Debug, Clone, Serialize)]
pub struct Permissions {
    /// The vendor.
    pub vendor: Vendor,
    /// Where it is configured.
    pub scope: Scope,
    /// Workspace-relative path of the settings file.
    pub path: String,
    /// Claude `permissions.defaultMode`, Gemini `general.defaultApprovalMode`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub default_mode: Option<Spanned<String>>,
    /// Codex `approval_policy` (a string, or the granular table as JSON text).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub approval_policy: Option<Spanned<String>>,
    /// Codex `sandbox_mode`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sandbox_mode: Option<Spanned<String>>,
    /// Allow rules (Claude `permissions.allow`, Gemini `tools.allowed`).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub allow: Vec<Spanned<String>>,
    /// Ask rules (Claude `permissions.ask`).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub ask: Vec<Spanned<String>>,
    /// Deny rules (Claude `permissions.deny`, Gemini `tools.exclude`).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub deny: Vec<Spanned<String>>,
    /// Extra directories the agent may touch.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub additional_directories: Vec<Spanned<String>>,
    /// The permissions object (or the file, when the settings are top-level keys).
    pub origin: Origin,
}
