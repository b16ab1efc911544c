//! The human format: each finding with the source lines of every file involved, labels,
//! notes and help (codespan-reporting). Colour is the caller's choice.

use std::io::{self, Write};

use codespan_reporting::diagnostic::{
    Diagnostic as CsDiagnostic, Label as CsLabel, Severity as CsSeverity,
};
use codespan_reporting::files::SimpleFiles;
use codespan_reporting::term::{self, Config, Styles, StylesWriter, termcolor};

use crate::diagnostic::{Diagnostic, Severity};
use crate::render::redacted_texts;
use crate::source::SourceDb;

/// Writes `diags` with source snippets; secrets are masked.
pub fn write(
    out: &mut dyn Write,
    db: &SourceDb,
    diags: &[Diagnostic],
    color: bool,
) -> io::Result<()> {
    let mut files = SimpleFiles::new();
    for ((_, f), text) in db.iter().zip(redacted_texts(db, diags)) {
        files.add(f.path.clone(), text);
    }
    let config = Config::default();
    let styles = Styles::default();
    for d in diags {
        let cs = convert(d);
        let result = if color {
            let mut w = StylesWriter::new(termcolor::Ansi::new(&mut *out), &styles);
            term::emit_to_write_style(&mut w, &config, &files, &cs)
        } else {
            term::emit_to_io_write(&mut *out, &config, &files, &cs)
        };
        result.map_err(|e| match e {
            codespan_reporting::files::Error::Io(e) => e,
            other => io::Error::other(other.to_string()),
        })?;
    }
    Ok(())
}

fn convert(d: &Diagnostic) -> CsDiagnostic<usize> {
    let severity = match d.severity {
        Severity::Error => CsSeverity::Error,
        Severity::Warning => CsSeverity::Warning,
        Severity::Info => CsSeverity::Note,
    };
    let mut labels = vec![
        CsLabel::primary(d.primary.origin.file.0 as usize, d.primary.origin.range())
            .with_message(&d.primary.message),
    ];
    for l in &d.secondary {
        labels.push(
            CsLabel::secondary(l.origin.file.0 as usize, l.origin.range()).with_message(&l.message),
        );
    }
    let mut notes: Vec<String> = d.notes.iter().map(|n| format!("note: {n}")).collect();
    if let Some(h) = &d.help {
        notes.push(format!("help: {h}"));
    }
    CsDiagnostic::new(severity)
        .with_code(d.code)
        .with_message(&d.message)
        .with_labels(labels)
        .with_notes(notes)
}
