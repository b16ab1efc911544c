//! Plugin and extension manifests, and marketplaces.

use serde::Serialize;

use crate::read::tree::Extra;
use crate::source::{Origin, Spanned};
use crate::vendor::{Vendor, VendorSet};

/// One plugin manifest (`.claude-plugin/plugin.json`, `.codex-plugin/plugin.json`,
/// `gemini-extension.json`).
#[derive(Debug, Clone, Serialize)]
pub struct Plugin {
    /// The vendor whose manifest format it is.
    pub vendor: Vendor,
    /// Vendors that load this manifest (Codex also reads `.claude-plugin/plugin.json`
    /// when a plugin has no `.codex-plugin/plugin.json`).
    pub loaded_by: VendorSet,
    /// Plugin root directory, workspace-relative (`""` for the workspace root).
    pub root: String,
    /// Manifest path.
    pub path: String,
    /// `name`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<Spanned<String>>,
    /// `version`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub version: Option<Spanned<String>>,
    /// `description`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<Spanned<String>>,
    /// Component paths declared in the manifest (skills, commands, agents, hooks, mcpServers,
    /// ...): the key and each path as written.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub component_paths: Vec<(String, Spanned<String>)>,
    /// Other keys, kept verbatim.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub extra: Vec<Extra>,
    /// The whole manifest.
    pub origin: Origin,
}

/// One marketplace file.
#[derive(Debug, Clone, Serialize)]
pub struct Marketplace {
    /// The vendor whose format it is.
    pub vendor: Vendor,
    /// Vendors that read it (Codex also reads Claude's).
    pub loaded_by: VendorSet,
    /// Workspace-relative path.
    pub path: String,
    /// `name`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<Spanned<String>>,
    /// Entries.
    pub plugins: Vec<MarketplaceEntry>,
    /// Other top-level keys.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub extra: Vec<Extra>,
    /// The whole file.
    pub origin: Origin,
}

/// One plugin entry of a marketplace.
#[derive(Debug, Clone, Serialize)]
pub struct MarketplaceEntry {
    /// `name`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<Spanned<String>>,
    /// `source`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<Spanned<PluginSource>>,
    /// For a local source: the workspace-relative directory it resolves to.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub local_dir: Option<String>,
    /// Other keys.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub extra: Vec<Extra>,
    /// The whole entry.
    pub origin: Origin,
}

/// Where a marketplace entry's plugin comes from.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum PluginSource {
    /// A path relative to the marketplace root (`"./plugins/x"` or `{source: "local", path}`).
    Local {
        /// The path as written.
        path: String,
    },
    /// Any other source object (`github`, `url`, `git-subdir`, `npm`, ...), kept as written.
    Remote {
        /// The `source` kind.
        source: String,
        /// The object.
        value: serde_json::Value,
    },
}
