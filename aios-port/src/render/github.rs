//! GitHub Actions workflow annotations: `::error file=...,line=...::message`.

use std::io::{self, Write};

use crate::diagnostic::{Diagnostic, Severity};
use crate::source::SourceDb;

/// Writes one annotation per finding.
pub fn write(out: &mut dyn Write, db: &SourceDb, diags: &[Diagnostic]) -> io::Result<()> {
    for d in diags {
        let f = db.get(d.primary.origin.file);
        let (line, col) = f.line_col(d.primary.origin.start as usize);
        let (end_line, end_col) = f.line_col(d.primary.origin.end as usize);
        let kind = match d.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "notice",
        };
        // Columns only make sense on one line (GitHub ignores them otherwise).
        let cols = if line == end_line {
            format!(",col={col},endColumn={end_col}")
        } else {
            String::new()
        };
        let mut message = d.message.clone();
        if let Some(h) = &d.help {
            message.push_str("\nhelp: ");
            message.push_str(h);
        }
        writeln!(
            out,
            "::{kind} title={},file={},line={line},endLine={end_line}{cols}::{}",
            property(&format!("aios-port ({})", d.code)),
            property(&f.path),
            data(&message)
        )?;
    }
    Ok(())
}

fn data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

fn property(s: &str) -> String {
    data(s).replace(':', "%3A").replace(',', "%2C")
}
