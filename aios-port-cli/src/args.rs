//! Command-line arguments.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// Keep an AI agent workspace switchable between Claude Code, Codex and Gemini CLI.
#[derive(Debug, Parser)]
#[command(name = "aios-port", version, about, propagate_version = true)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// Subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Read every vendor's files and print the neutral model.
    ///
    /// Exit status: 0 when every file could be read, 1 when a file is malformed
    /// (an error-level finding), 2 when aios-port itself cannot run.
    Scan(ScanArgs),
}

/// `aios-port scan`.
#[derive(Debug, Args)]
pub struct ScanArgs {
    /// The workspace root.
    #[arg(default_value = ".")]
    pub path: PathBuf,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ScanFormat::Human)]
    pub format: ScanFormat,
    /// Also read user-scope configuration (~/.claude.json, ~/.codex/config.toml, ~/.gemini/...).
    #[arg(long)]
    pub user: bool,
}

/// Output formats of `scan`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ScanFormat {
    /// A per-vendor summary and the findings, for people.
    Human,
    /// The whole model as a stable JSON document (`schema_version` 1).
    Json,
}
