//! `Workspace::load`: discovery and reading of every vendor's files into the model.

use std::fmt;
use std::path::{Path, PathBuf};

use crate::diagnostic::{Diagnostic, Severity};
use crate::model::Model;
use crate::read::discover::FileIndex;
use crate::read::{LoadCx, claude, codex, gemini, imports, plugins};
use crate::source::SourceDb;
use crate::vendor::{Vendor, VendorSet};

/// What to read.
#[derive(Debug, Clone, Default)]
pub struct LoadOptions {
    /// Also read user-scope configuration from `home` (`~/.claude.json`, `~/.codex/config.toml`, ...).
    pub user: bool,
    /// The home directory for user scope (the CLI passes `$HOME`).
    pub home: Option<PathBuf>,
}

/// A loaded workspace: the model, the files it came from, and what reading found.
#[derive(Debug, Clone)]
pub struct Workspace {
    /// Canonical root directory.
    pub root: PathBuf,
    /// Every file read.
    pub sources: SourceDb,
    /// The neutral model.
    pub model: Model,
    /// Findings from reading (unparseable files, schema violations, dangling imports, ...).
    pub diagnostics: Vec<Diagnostic>,
    /// Every file and directory discovery found (rules look paths up here instead of doing I/O).
    pub index: FileIndex,
}

/// aios-port could not load the workspace at all (as opposed to findings in its files).
#[derive(Debug)]
pub enum LoadError {
    /// The root does not exist or is not a directory.
    NotADirectory(PathBuf),
    /// The root cannot be resolved.
    Io(PathBuf, std::io::Error),
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LoadError::NotADirectory(p) => write!(f, "`{}` is not a directory", p.display()),
            LoadError::Io(p, e) => write!(f, "cannot open `{}`: {e}", p.display()),
        }
    }
}

impl std::error::Error for LoadError {}

impl Workspace {
    /// Discovers and reads every vendor's files under `root`.
    ///
    /// Broken files never make this fail: they become diagnostics and the rest is still read.
    pub fn load(root: impl AsRef<Path>, options: &LoadOptions) -> Result<Workspace, LoadError> {
        let root = root.as_ref();
        let canon =
            std::fs::canonicalize(root).map_err(|e| LoadError::Io(root.to_path_buf(), e))?;
        if !canon.is_dir() {
            return Err(LoadError::NotADirectory(root.to_path_buf()));
        }
        let index = FileIndex::walk(&canon);
        let mut cx = LoadCx::new(canon.clone(), options, index);
        // Settings first: they decide which instruction files exist (Gemini `context.fileName`,
        // Codex `project_doc_fallback_filenames`).
        claude::read(&mut cx);
        codex::read(&mut cx);
        gemini::read(&mut cx);
        plugins::read(&mut cx);
        imports::resolve(&mut cx);
        let LoadCx {
            sources,
            mut diags,
            model,
            index,
            ..
        } = cx;
        // Report order is by file path, then position, so output is stable across runs.
        diags.sort_by(|a, b| {
            let pa = &sources.get(a.primary.origin.file).path;
            let pb = &sources.get(b.primary.origin.file).path;
            (pa, a.primary.origin.start, a.code).cmp(&(pb, b.primary.origin.start, b.code))
        });
        Ok(Workspace {
            root: canon,
            sources,
            model,
            diagnostics: diags,
            index,
        })
    }

    /// Whether any diagnostic is an error.
    pub fn has_errors(&self) -> bool {
        self.diagnostics
            .iter()
            .any(|d| d.severity == Severity::Error)
    }

    /// The vendors with any configuration in the workspace.
    pub fn vendors_present(&self) -> VendorSet {
        let m = &self.model;
        let mut set = VendorSet::EMPTY;
        for i in &m.instructions {
            if !matches!(i.role, crate::model::InstructionRole::Imported { .. }) {
                set = set.with(i.vendor);
            }
        }
        for s in &m.mcp_servers {
            set = set.with(s.vendor);
        }
        for h in &m.hooks {
            set = set.with(h.vendor);
        }
        for a in &m.agents {
            set = set.with(a.vendor);
        }
        for c in &m.commands {
            set = set.with(c.vendor);
        }
        for s in &m.settings {
            set = set.with(s.vendor);
        }
        for p in &m.plugins {
            set = set.with(p.vendor);
        }
        // Skills in a vendor's own directory say the vendor is used; the shared `.agents/skills`
        // (read by Codex and Gemini) says nothing about which of them is.
        for s in &m.skills {
            let own = [
                (".claude/", Vendor::Claude),
                (".codex/", Vendor::Codex),
                (".gemini/", Vendor::Gemini),
            ];
            for (prefix, v) in own {
                if s.path.starts_with(prefix) || s.path.contains(&format!("/{prefix}")) {
                    set = set.with(v);
                }
            }
        }
        set
    }

    /// Counts of each artifact kind for one vendor (instruction files it loads, servers,
    /// hooks, skills it loads, agents, commands, plugin manifests it loads).
    pub fn counts(&self, v: Vendor) -> Counts {
        let m = &self.model;
        Counts {
            instructions: m.instructions.iter().filter(|i| i.vendor == v).count(),
            mcp_servers: m.mcp_servers.iter().filter(|s| s.vendor == v).count(),
            hooks: m.hooks.iter().filter(|h| h.vendor == v).count(),
            skills: m.skills.iter().filter(|s| s.loaded_by.contains(v)).count(),
            agents: m.agents.iter().filter(|a| a.vendor == v).count(),
            commands: m.commands.iter().filter(|c| c.vendor == v).count(),
            plugins: m.plugins.iter().filter(|p| p.loaded_by.contains(v)).count(),
            marketplaces: m
                .marketplaces
                .iter()
                .filter(|p| p.loaded_by.contains(v))
                .count(),
        }
    }
}

/// Per-vendor artifact counts, for summaries.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
pub struct Counts {
    /// Instruction files loaded (imports included).
    pub instructions: usize,
    /// MCP servers.
    pub mcp_servers: usize,
    /// Hook handlers.
    pub hooks: usize,
    /// Skills visible.
    pub skills: usize,
    /// Subagents.
    pub agents: usize,
    /// Commands.
    pub commands: usize,
    /// Plugin manifests loaded.
    pub plugins: usize,
    /// Marketplaces read.
    pub marketplaces: usize,
}
