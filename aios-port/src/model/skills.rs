//! Skills: a directory with a `SKILL.md` (frontmatter + body).

use serde::Serialize;

use crate::model::Scope;
use crate::read::tree::Extra;
use crate::source::{Origin, Spanned};
use crate::vendor::VendorSet;

/// One skill directory.
#[derive(Debug, Clone, Serialize)]
pub struct Skill {
    /// The vendors that load it from where it is (`.claude/skills`: Claude;
    /// `.agents/skills`: Codex and Gemini; `.codex/skills`: Codex; `.gemini/skills`: Gemini).
    pub loaded_by: VendorSet,
    /// Where it is configured.
    pub scope: Scope,
    /// Workspace-relative path of `SKILL.md` as found (through a symlinked directory, if any).
    pub path: String,
    /// Other paths under which the same skill directory is visible (symlinks), with their loaders.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub also_at: Vec<String>,
    /// The skill directory is a symlink to this workspace-relative directory.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub symlink_to: Option<String>,
    /// `name` frontmatter.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<Spanned<String>>,
    /// `description` frontmatter.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<Spanned<String>>,
    /// `allowed-tools` (Claude permission-rule syntax).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub allowed_tools: Vec<Spanned<String>>,
    /// The Markdown body.
    pub body: Origin,
    /// Other frontmatter keys.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub extra: Vec<Extra>,
    /// The whole file.
    pub origin: Origin,
}

/// The vendors that read skills from a `<dot>/skills` root (`.claude`, `.agents`, `.codex`, `.gemini`).
pub fn root_readers(dot: &str) -> VendorSet {
    use crate::vendor::Vendor;
    match dot {
        ".claude" => VendorSet::only(Vendor::Claude),
        ".agents" => VendorSet::of(&[Vendor::Codex, Vendor::Gemini]),
        ".codex" => VendorSet::only(Vendor::Codex),
        ".gemini" => VendorSet::only(Vendor::Gemini),
        _ => VendorSet::EMPTY,
    }
}

impl Skill {
    /// Every path under which the skill is found.
    pub fn paths(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.path.as_str()).chain(self.also_at.iter().map(String::as_str))
    }
}
