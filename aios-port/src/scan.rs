//! The `scan` report: the model as a stable JSON document, and a per-vendor summary.

use serde::Serialize;
use serde_json::{Map, Value};

use crate::source::{FILE_MARKER, FileId, ORIGIN_MARKER, SourceDb};
use crate::vendor::Vendor;
use crate::workspace::{Counts, Workspace};

/// Version of the JSON document produced by [`to_json`]. Bumped on any incompatible change.
pub const SCHEMA_VERSION: u32 = 1;

#[derive(Serialize)]
struct VendorSummary {
    vendor: Vendor,
    counts: Counts,
}

/// The whole model as JSON: `schema_version`, `root` (always `"."`), `vendors` (those present,
/// with counts), `files` (every file read), `model` (every artifact), `diagnostics`.
///
/// Every origin is `{"path", "line", "column", "end_line", "end_column"}` with a
/// workspace-relative `/`-separated path.
pub fn to_json(ws: &Workspace) -> Value {
    let vendors: Vec<VendorSummary> = ws
        .vendors_present()
        .iter()
        .map(|v| VendorSummary {
            vendor: v,
            counts: ws.counts(v),
        })
        .collect();
    let files: Vec<Value> = ws
        .sources
        .iter()
        .map(|(_, f)| {
            let mut m = Map::new();
            m.insert("path".into(), Value::String(f.path.clone()));
            m.insert("bytes".into(), Value::from(f.text.len()));
            m.insert("lines".into(), Value::from(f.line_count()));
            if f.bom {
                m.insert("bom".into(), Value::Bool(true));
            }
            if f.crlf {
                m.insert("crlf".into(), Value::Bool(true));
            }
            Value::Object(m)
        })
        .collect();
    let mut doc = serde_json::json!({
        "schema_version": SCHEMA_VERSION,
        "root": ".",
        "vendors": vendors,
        "files": files,
        "model": ws.model,
        "diagnostics": ws.diagnostics,
    });
    resolve_origins(&mut doc, &ws.sources);
    doc
}

/// Replaces origin and file markers with readable locations, and masks vendor tokens.
fn resolve_origins(v: &mut Value, db: &SourceDb) {
    match v {
        Value::Object(m) => {
            if m.len() == 1
                && let Some(id) = m.get(FILE_MARKER).and_then(Value::as_u64)
                && (id as usize) < db.len()
            {
                *v = Value::String(db.get(FileId(id as u32)).path.clone());
                return;
            }
            if let Some(Value::Array(a)) = m.get(ORIGIN_MARKER)
                && m.len() == 1
                && a.len() == 3
            {
                let n = |i: usize| a[i].as_u64().unwrap_or(0) as usize;
                let (file, start, end) = (n(0), n(1), n(2));
                if file < db.len() {
                    let f = db.get(FileId(file as u32));
                    let (l, c) = f.line_col(start);
                    let (el, ec) = f.line_col(end);
                    *v = serde_json::json!({
                        "path": f.path, "line": l, "column": c, "end_line": el, "end_column": ec,
                    });
                }
                return;
            }
            // A key/value pair as the model serializes it (`{"key", "value"}`).
            if let (Some(Value::String(k)), Some(_)) = (m.get("key").cloned(), m.get("value")) {
                m.entry("value").and_modify(|x| mask_credential(&k, x));
            }
            for (k, x) in m.iter_mut() {
                mask_credential(k, x);
                resolve_origins(x, db);
            }
        }
        Value::Array(a) => {
            // A map entry as the model serializes it (`[key, value]`).
            if let [Value::String(k), x] = a.as_mut_slice() {
                mask_credential(k, x);
            }
            a.iter_mut().for_each(|x| resolve_origins(x, db));
        }
        // The model keeps values as written; vendor tokens are never printed in full.
        Value::String(s) => {
            if let Some(r) = crate::secrets::redact_tokens(s) {
                *s = r;
            }
        }
        _ => {}
    }
}

/// Masks a generic credential (a secret-looking key with a random-looking literal, as
/// [`crate::secrets::generic_secret`] decides) held under `key`, wherever its text recurs in `v`.
fn mask_credential(key: &str, v: &mut Value) {
    let raw = match v {
        Value::String(s) => s.clone(),
        Value::Object(m) => match m.get("raw") {
            Some(Value::String(s)) => s.clone(),
            _ => return,
        },
        _ => return,
    };
    if raw.is_empty() || !crate::secrets::generic_secret(key, &raw) {
        return;
    }
    let masked = crate::render::redact_value(&raw);
    replace_text(v, &raw, &masked);
}

/// Replaces `from` with `to` in every string of `v`.
fn replace_text(v: &mut Value, from: &str, to: &str) {
    match v {
        Value::String(s) if s.contains(from) => *s = s.replace(from, to),
        Value::Object(m) => m.values_mut().for_each(|x| replace_text(x, from, to)),
        Value::Array(a) => a.iter_mut().for_each(|x| replace_text(x, from, to)),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use crate::read::testing::{load, write};

    /// A user's own `file`/`from` numbers stay numbers; the model's file ids become paths.
    #[test]
    fn user_numbers_are_not_taken_for_file_ids() {
        let t = tempfile::tempdir().expect("tempdir");
        let r = t.path();
        write(r, "CLAUDE.md", "@a.md\n");
        write(r, "a.md", "x\n");
        write(
            r,
            ".mcp.json",
            r#"{"mcpServers": {"s": {"command": "x", "meta": {"file": 0, "from": 1}}}}"#,
        );
        let doc = super::to_json(&load(r)).to_string();
        assert!(doc.contains(r#""file":0"#), "{doc}");
        assert!(doc.contains(r#""from":1"#), "{doc}");
        assert!(doc.contains(r#""resolved":"a.md""#), "{doc}");
        assert!(!doc.contains("$file"), "{doc}");
    }

    /// Generic credentials (no vendor prefix) are masked in every shape the model uses.
    #[test]
    fn generic_credentials_are_masked() {
        let t = tempfile::tempdir().expect("tempdir");
        let r = t.path();
        let secret = "Zq8vR2mK9xLp4TnW7bYc";
        write(
            r,
            ".mcp.json",
            &format!(
                r#"{{"mcpServers": {{"s": {{"command": "x", "env": {{"DB_PASSWORD": "{secret}"}},
                    "api_key": "{secret}", "meta": {{"client_secret": "{secret}"}}}}}}}}"#
            ),
        );
        let doc = super::to_json(&load(r)).to_string();
        assert!(!doc.contains(secret), "{doc}");
        assert!(doc.contains("Zq8v…"), "{doc}");
    }
}
