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
    /// Report drift, unportable constructs, invalid files and security problems.
    ///
    /// Exit status: 0 when no finding reaches the fail level, 1 when one does (a malformed
    /// vendor file always does), 2 when aios-port itself cannot run.
    Check(CheckArgs),
    /// Write the primary vendor's configuration for the other vendors.
    ///
    /// Exit status: 0 when in sync or written; 1 when files would change (--check, --diff),
    /// or when conflicts or losses stop the sync; 2 when aios-port itself cannot run.
    Sync(SyncArgs),
    /// List the rule catalogue.
    Rules,
    /// Print one rule's documentation.
    Explain(ExplainArgs),
}

/// `aios-port check`.
#[derive(Debug, Args)]
pub struct CheckArgs {
    /// The workspace root.
    #[arg(default_value = ".")]
    pub path: PathBuf,
    /// Output format.
    #[arg(long, value_enum, default_value_t = CheckFormat::Human)]
    pub format: CheckFormat,
    /// Run only these rules: codes (AP101), prefixes (AP1), names or categories; comma-separated.
    #[arg(long, value_delimiter = ',')]
    pub select: Vec<String>,
    /// Skip these rules (same selectors as --select).
    #[arg(long, value_delimiter = ',')]
    pub ignore: Vec<String>,
    /// Lowest severity that makes the exit status 1 (default: warning, or `check.fail-on`).
    #[arg(long, value_enum)]
    pub fail_on: Option<FailOn>,
    /// Exit 0 even when there are findings (aios-port's own failures still exit 2).
    #[arg(long)]
    pub exit_zero: bool,
    /// When to colour human output.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
    /// Also read user-scope configuration.
    #[arg(long)]
    pub user: bool,
}

/// Output formats of `check`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CheckFormat {
    /// Source snippets with labels in every file involved, why and how to fix.
    Human,
    /// One line per finding: `path:line:col: severity[CODE] message`.
    Concise,
    /// A versioned JSON document (`schema_version` 1).
    Json,
    /// SARIF 2.1.0, for code scanning.
    Sarif,
    /// GitHub Actions workflow annotations.
    Github,
}

/// Fail levels.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FailOn {
    /// Only errors fail.
    Error,
    /// Warnings and errors fail.
    Warning,
}

/// Colour choice.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    /// Colour when stdout is a terminal and `NO_COLOR` is unset or empty.
    Auto,
    /// Always colour.
    Always,
    /// Never colour.
    Never,
}

/// `aios-port explain`.
#[derive(Debug, Args)]
pub struct ExplainArgs {
    /// A rule code (AP101) or name (mcp-server-missing).
    pub rule: String,
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

/// `aios-port sync`.
#[derive(Debug, Args)]
pub struct SyncArgs {
    /// The workspace root.
    #[arg(default_value = ".")]
    pub path: PathBuf,
    /// The source of truth: claude, codex or gemini (default: `primary` in aios-port.toml, else
    /// the vendor with the most configuration, announced).
    #[arg(long)]
    pub from: Option<String>,
    /// Target vendors, comma-separated (default: `targets` in aios-port.toml, else all others).
    #[arg(long, value_delimiter = ',')]
    pub to: Vec<String>,
    /// Write nothing; exit 1 when anything would change.
    #[arg(long, conflicts_with_all = ["diff", "dry_run"])]
    pub check: bool,
    /// Write nothing; print the unified diff on stdout; exit 1 when anything would change.
    #[arg(long, conflicts_with = "dry_run")]
    pub diff: bool,
    /// Write nothing; print the plan.
    #[arg(long)]
    pub dry_run: bool,
    /// Write even though some constructs cannot be expressed for a target (listed).
    #[arg(long)]
    pub allow_lossy: bool,
    /// Overwrite entries edited by hand and files aios-port did not write.
    #[arg(long)]
    pub force: bool,
}
