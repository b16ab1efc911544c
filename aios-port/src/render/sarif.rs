//! SARIF 2.1.0 for code-scanning tools: the rule catalogue as `tool.driver.rules` (stable ids =
//! codes) and one result per finding with its regions. No source text is included.

use serde_json::{Value, json};

use crate::check::{Category, RULES};
use crate::diagnostic::{Diagnostic, Label, Severity};
use crate::source::SourceDb;

fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// The SARIF log for `diags`.
pub fn document(db: &SourceDb, diags: &[Diagnostic], tool_version: &str) -> Value {
    let rules: Vec<Value> = RULES
        .iter()
        .map(|r| {
            let m = r.meta();
            let mut tags = vec![m.category.name()];
            if m.category == Category::Security {
                tags.push("security");
            }
            tags.dedup();
            json!({
                "id": m.code,
                "name": m.name,
                "shortDescription": {"text": m.summary},
                "fullDescription": {"text": m.summary},
                "help": {"text": m.doc, "markdown": m.doc},
                "defaultConfiguration": {"level": level(m.severity)},
                "properties": {"tags": tags},
            })
        })
        .collect();
    let results: Vec<Value> = diags
        .iter()
        .map(|d| {
            let mut r = json!({
                "ruleId": d.code,
                "level": level(d.severity),
                "message": {"text": message(d)},
                "locations": [location(db, &d.primary, None)],
            });
            if let Some(i) = RULES.iter().position(|x| x.meta().code == d.code) {
                r["ruleIndex"] = json!(i);
            }
            if !d.secondary.is_empty() {
                r["relatedLocations"] = Value::Array(
                    d.secondary
                        .iter()
                        .enumerate()
                        .map(|(i, l)| location(db, l, Some(i)))
                        .collect(),
                );
            }
            r
        })
        .collect();
    json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "aios-port",
                "version": tool_version,
                "informationUri": "https://github.com/aios-port/aios-port",
                "rules": rules,
            }},
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    })
}

fn message(d: &Diagnostic) -> String {
    match &d.help {
        Some(h) => format!("{} ({h})", d.message),
        None => d.message.clone(),
    }
}

fn location(db: &SourceDb, l: &Label, id: Option<usize>) -> Value {
    let f = db.get(l.origin.file);
    let (line, col) = f.line_col(l.origin.start as usize);
    let (end_line, end_col) = f.line_col(l.origin.end as usize);
    let mut v = json!({
        "physicalLocation": {
            "artifactLocation": {"uri": f.path},
            "region": {"startLine": line, "startColumn": col, "endLine": end_line, "endColumn": end_col},
        }
    });
    if let Some(i) = id {
        v["id"] = json!(i);
        if !l.message.is_empty() {
            v["message"] = json!({"text": l.message});
        }
    }
    v
}
