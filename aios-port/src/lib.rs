//! aios-port reads every coding-agent vendor's workspace files (Claude Code, Codex, Gemini CLI)
//! into one neutral model, with the origin of every value, so that drift and unportable
//! constructs can be reported and equivalent configuration written for each vendor.
//!
//! ```
//! use aios_port::{LoadOptions, Vendor, Workspace};
//!
//! let dir = tempfile::tempdir().unwrap();
//! std::fs::write(dir.path().join("CLAUDE.md"), "# Rules\n@AGENTS.md\n").unwrap();
//! std::fs::write(dir.path().join("AGENTS.md"), "Use tabs.\n").unwrap();
//! std::fs::write(
//!     dir.path().join(".mcp.json"),
//!     r#"{"mcpServers": {"docs": {"command": "npx", "args": ["docs-mcp@1.2.0"]}}}"#,
//! ).unwrap();
//!
//! let ws = Workspace::load(dir.path(), &LoadOptions::default()).unwrap();
//! assert!(ws.diagnostics.is_empty());
//! assert_eq!(ws.model.mcp_servers[0].name.value, "docs");
//! assert_eq!(ws.counts(Vendor::Claude).instructions, 2); // CLAUDE.md + the imported AGENTS.md
//! assert_eq!(ws.counts(Vendor::Codex).instructions, 1);  // AGENTS.md
//! ```
//!
//! The library never prints and never exits; the `aios-port` binary renders what it returns.

pub mod check;
pub mod config;
pub mod diagnostic;
pub mod facts;
pub mod model;
pub mod read;
pub mod render;
pub mod scan;
pub mod secrets;
pub mod source;
pub mod sync;
pub mod vendor;
pub mod workspace;
pub mod write;

pub use diagnostic::{Diagnostic, Label, Severity};
pub use model::Model;
pub use source::{FileId, Origin, SourceDb, SourceFile, Spanned};
pub use vendor::{Vendor, VendorSet};
pub use workspace::{Counts, LoadError, LoadOptions, Workspace};
