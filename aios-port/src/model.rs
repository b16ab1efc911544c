//! The neutral model: every artifact of every vendor, with its origin.
//!
//! Items carry the [`Vendor`] whose native format they are written in, and where it matters
//! the set of vendors that load them (a skill in `.agents/skills` is loaded by Codex and Gemini).

pub mod agents;
pub mod commands;
pub mod hooks;
pub mod instructions;
pub mod mcp;
pub mod permissions;
pub mod plugins;
pub mod settings;
pub mod skills;

use serde::Serialize;

pub use agents::Agent;
pub use commands::Command;
pub use hooks::{Hook, HookHandlerType, Timeout, TimeoutUnit};
pub use instructions::{Import, InstructionFile, InstructionRole};
pub use mcp::{EnvValue, McpServer, Part, Transport, VarSyntax};
pub use permissions::Permissions;
pub use plugins::{Marketplace, MarketplaceEntry, Plugin, PluginSource};
pub use settings::VendorSettings;
pub use skills::Skill;

/// Where an item is configured.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "kind", content = "root")]
pub enum Scope {
    /// The workspace itself.
    Project,
    /// The user's home configuration (read only with `--user`).
    User,
    /// Inside a plugin or extension; the value is the plugin root, workspace-relative.
    Plugin(String),
}

/// Everything read from one workspace.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Model {
    /// Instruction files, per vendor that loads them, in that vendor's load order.
    pub instructions: Vec<InstructionFile>,
    /// `@imports` between instruction files, for the vendors that follow them.
    pub imports: Vec<Import>,
    /// MCP servers.
    pub mcp_servers: Vec<McpServer>,
    /// Hook handlers (one per handler, with its event and matcher).
    pub hooks: Vec<Hook>,
    /// Skills.
    pub skills: Vec<Skill>,
    /// Subagents.
    pub agents: Vec<Agent>,
    /// Slash commands.
    pub commands: Vec<Command>,
    /// Plugin and extension manifests.
    pub plugins: Vec<Plugin>,
    /// Plugin marketplaces.
    pub marketplaces: Vec<Marketplace>,
    /// Permission settings.
    pub permissions: Vec<Permissions>,
    /// Vendor settings that shape loading (instruction file names, caps) and settings kept unmodelled.
    pub settings: Vec<VendorSettings>,
}
