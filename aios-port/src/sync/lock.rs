//! `aios-port.lock`: what aios-port wrote, so that hand edits are detected.
//!
//! One entry per file (Markdown it generated, a symlink) or per entry inside a co-owned file
//! (`.codex/config.toml#mcp_servers.github`), with the SHA-256 of the entry as written.
//! The file is aios-port's own; it is rewritten whole, sorted, so it is stable in diffs.

use std::collections::BTreeMap;

use sha2::{Digest, Sha256};

/// File name of the lock, at the workspace root.
pub const FILE_NAME: &str = "aios-port.lock";

/// The recorded hashes, by key (`path` or `path#entry`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Lock {
    /// The primary vendor of the last sync: later syncs keep it unless told otherwise
    /// (after a sync every vendor has the same configuration, so detection would guess).
    pub primary: Option<crate::vendor::Vendor>,
    /// Key to lowercase hex SHA-256.
    pub entries: BTreeMap<String, String>,
    /// The lock file's text as read (None: there was no lock file), so that `apply` checks
    /// the file against its real bytes.
    pub source: Option<String>,
}

/// The lock key of an entry inside a file (`None`: the whole file).
pub fn key(path: &str, entry: Option<&str>) -> String {
    match entry {
        Some(e) => format!("{path}#{e}"),
        None => path.to_string(),
    }
}

/// Lowercase hex SHA-256 of `bytes`.
pub fn hash(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Hash of a JSON value in canonical form (keys sorted), so formatting and key order in the
/// file do not count as edits.
pub fn hash_value(v: &serde_json::Value) -> String {
    hash(canonical(v).as_bytes())
}

fn canonical(v: &serde_json::Value) -> String {
    use serde_json::Value;
    match v {
        Value::Object(m) => {
            let mut keys: Vec<&String> = m.keys().collect();
            keys.sort();
            let inner: Vec<String> = keys
                .iter()
                .map(|k| format!("{}:{}", Value::String((*k).clone()), canonical(&m[*k])))
                .collect();
            format!("{{{}}}", inner.join(","))
        }
        Value::Array(a) => format!(
            "[{}]",
            a.iter().map(canonical).collect::<Vec<_>>().join(",")
        ),
        // Line endings are a checkout detail (git autocrlf), not an edit.
        Value::String(s) => Value::String(s.replace("\r\n", "\n")).to_string(),
        // Numbers compare by value: `30` and `30.0` are the same timeout.
        Value::Number(n) => n.as_f64().map_or_else(|| n.to_string(), |f| format!("{f}")),
        other => other.to_string(),
    }
}

impl Lock {
    /// Parses the lock text. Unknown keys are ignored; a malformed lock is an error (the CLI
    /// stops rather than treat every owned entry as foreign).
    pub fn parse(text: &str) -> Result<Lock, String> {
        let doc: toml_edit::DocumentMut = text
            .parse()
            .map_err(|e: toml_edit::TomlError| e.to_string())?;
        let primary = doc
            .get("primary")
            .and_then(|p| p.as_str())
            .and_then(crate::vendor::Vendor::parse);
        let mut entries = BTreeMap::new();
        if let Some(t) = doc.get("entries").and_then(|i| i.as_table()) {
            for (k, v) in t.iter() {
                if let Some(h) = v.as_str() {
                    entries.insert(k.to_string(), h.to_string());
                }
            }
        }
        Ok(Lock {
            primary,
            entries,
            source: Some(text.to_string()),
        })
    }

    /// The lock text.
    pub fn render(&self) -> String {
        let mut out = String::from(
            "# Written by `aios-port sync`: the hash of every file and entry it wrote, so that hand\n# edits are noticed. Commit it; do not edit it.\nversion = 1\n",
        );
        if let Some(p) = self.primary {
            out.push_str(&format!("primary = \"{}\"\n", p.id()));
        }
        out.push_str("\n[entries]\n");
        for (k, h) in &self.entries {
            out.push_str(&format!("{} = \"{h}\"\n", toml_edit::Key::new(k.as_str())));
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_and_canonical_hash() {
        let mut l = Lock {
            primary: Some(crate::vendor::Vendor::Codex),
            ..Lock::default()
        };
        l.entries.insert(
            key(".codex/config.toml", Some("mcp_servers.github")),
            hash(b"x"),
        );
        l.entries.insert(key("AGENTS.md", None), hash(b"y"));
        let parsed = Lock::parse(&l.render()).expect("parses");
        assert_eq!((parsed.primary, &parsed.entries), (l.primary, &l.entries));
        let a = serde_json::json!({"command": "npx", "args": ["a"], "t": 30});
        let b = serde_json::json!({"t": 30.0, "args": ["a"], "command": "npx"});
        assert_eq!(hash_value(&a), hash_value(&b));
    }
}
