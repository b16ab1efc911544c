//! One line per diagnostic: `path:line:col: severity[CODE] message`, then `help:` when there is one.

use std::io::{self, Write};

use crate::diagnostic::{Diagnostic, Severity};
use crate::source::SourceDb;

/// Writes `diags` in the concise format.
pub fn write(out: &mut dyn Write, db: &SourceDb, diags: &[Diagnostic]) -> io::Result<()> {
    for d in diags {
        let (path, line, col) = db.locate(&d.primary.origin);
        let sev = match d.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        };
        writeln!(out, "{path}:{line}:{col}: {sev}[{}] {}", d.code, d.message)?;
        for l in &d.secondary {
            let (p, l2, c2) = db.locate(&l.origin);
            writeln!(out, "  {p}:{l2}:{c2}: {}", l.message)?;
        }
        if let Some(h) = &d.help {
            writeln!(out, "  help: {h}")?;
        }
    }
    Ok(())
}
