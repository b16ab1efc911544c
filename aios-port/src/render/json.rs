//! The JSON format of `check`: a documented, versioned document.
//!
//! ```json
//! {
//!   "schema_version": 1,
//!   "summary": {"errors": 1, "warnings": 0, "infos": 0},
//!   "diagnostics": [{
//!     "code": "AP101", "name": "mcp-server-missing", "category": "drift", "severity": "warning",
//!     "message": "...", "path": ".mcp.json", "line": 3, "column": 5, "end_line": 3, "end_column": 13,
//!     "labels": [{"path": "...", "line": 1, "column": 1, "end_line": 1, "end_column": 1, "message": "...", "primary": true}],
//!     "notes": ["..."], "help": "..."
//!   }]
//! }
//! ```
//!
//! Paths are workspace-relative with `/`; lines and columns are 1-based (columns count
//! characters). No source text is included, so secrets never reach this output.

use serde_json::{Value, json};

use crate::check::lookup;
use crate::diagnostic::{Diagnostic, Label, Severity};
use crate::source::SourceDb;

/// Version of the document; bumped on any incompatible change.
pub const SCHEMA_VERSION: u32 = 1;

/// The document for `diags`.
pub fn document(db: &SourceDb, diags: &[Diagnostic]) -> Value {
    let count = |s: Severity| diags.iter().filter(|d| d.severity == s).count();
    json!({
        "schema_version": SCHEMA_VERSION,
        "summary": {
            "errors": count(Severity::Error),
            "warnings": count(Severity::Warning),
            "infos": count(Severity::Info),
        },
        "diagnostics": diags.iter().map(|d| diagnostic(db, d)).collect::<Vec<_>>(),
    })
}

fn location(db: &SourceDb, l: &Label) -> (String, usize, usize, usize, usize) {
    let f = db.get(l.origin.file);
    let (line, col) = f.line_col(l.origin.start as usize);
    let (el, ec) = f.line_col(l.origin.end as usize);
    (f.path.clone(), line, col, el, ec)
}

fn diagnostic(db: &SourceDb, d: &Diagnostic) -> Value {
    let meta = lookup(d.code);
    let (path, line, column, end_line, end_column) = location(db, &d.primary);
    let mut labels = vec![label(db, &d.primary, true)];
    labels.extend(d.secondary.iter().map(|l| label(db, l, false)));
    let mut v = json!({
        "code": d.code,
        "name": meta.map(|m| m.name),
        "category": meta.map(|m| m.category),
        "severity": d.severity,
        "message": d.message,
        "path": path,
        "line": line,
        "column": column,
        "end_line": end_line,
        "end_column": end_column,
        "labels": labels,
        "notes": d.notes,
    });
    if let Some(h) = &d.help {
        v["help"] = Value::String(h.clone());
    }
    v
}

fn label(db: &SourceDb, l: &Label, primary: bool) -> Value {
    let (path, line, column, end_line, end_column) = location(db, l);
    json!({
        "path": path, "line": line, "column": column, "end_line": end_line, "end_column": end_column,
        "message": l.message, "primary": primary,
    })
}
