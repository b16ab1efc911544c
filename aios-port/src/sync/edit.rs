//! In-place edits of target files: JSON through a concrete syntax tree (comments, order,
//! indentation and trailing commas kept), TOML through `toml_edit::DocumentMut`, Markdown as
//! whole text. Only the entries aios-port owns are touched; everything else survives byte
//! for byte. A leading BOM and CRLF line endings are kept.

use jsonc_parser::cst::{CstInputValue, CstObject, CstRootNode};
use serde_json::Value;
use toml_edit::{DocumentMut, Item, Table};

/// A target file being edited.
pub enum Editing {
    /// A JSON file.
    Json(CstRootNode),
    /// A TOML file.
    Toml(DocumentMut),
    /// A file replaced whole (Markdown this tool owns).
    Text(String),
}

/// One file of the plan: what it was and what is being made of it.
pub struct TargetFile {
    /// The text before (None: the file does not exist).
    pub before: Option<String>,
    /// The file started with a UTF-8 BOM.
    pub bom: bool,
    /// The file uses CRLF line endings.
    pub crlf: bool,
    /// The edit in progress.
    pub editing: Editing,
}

/// Whether every line ending of `text` is CRLF (a file with mixed endings is left as it is:
/// only new lines get LF).
fn all_crlf(text: &str) -> bool {
    text.contains("\r\n") && text.matches('\n').count() == text.matches("\r\n").count()
}

/// Converts a JSON value to CST input.
pub fn cst_value(v: &Value) -> CstInputValue {
    match v {
        Value::Null => CstInputValue::Null,
        Value::Bool(b) => CstInputValue::Bool(*b),
        Value::Number(n) => CstInputValue::Number(n.to_string()),
        Value::String(s) => CstInputValue::String(s.clone()),
        Value::Array(a) => CstInputValue::Array(a.iter().map(cst_value).collect()),
        Value::Object(m) => {
            CstInputValue::Object(m.iter().map(|(k, v)| (k.clone(), cst_value(v))).collect())
        }
    }
}

/// Converts a JSON value to a TOML value (objects become inline tables).
pub fn toml_value(v: &Value) -> Option<toml_edit::Value> {
    Some(match v {
        Value::Null => return None,
        Value::Bool(b) => (*b).into(),
        Value::Number(n) => match n.as_i64() {
            Some(i) => i.into(),
            None => n.as_f64()?.into(),
        },
        Value::String(s) => s.as_str().into(),
        Value::Array(a) => {
            let mut arr = toml_edit::Array::new();
            for x in a {
                arr.push(toml_value(x)?);
            }
            toml_edit::Value::Array(arr)
        }
        Value::Object(m) => {
            let mut t = toml_edit::InlineTable::new();
            for (k, x) in m {
                t.insert(k, toml_value(x)?);
            }
            toml_edit::Value::InlineTable(t)
        }
    })
}

impl TargetFile {
    /// A file to edit as JSON, from its current text (None: new file).
    pub fn json(before: Option<String>, bom: bool) -> Result<Self, String> {
        let text = before.clone().unwrap_or_else(|| "{}\n".to_string());
        let root = CstRootNode::parse(&text, &crate::read::json::jsonc_options())
            .map_err(|e| e.to_string())?;
        Ok(TargetFile {
            crlf: all_crlf(&text),
            before,
            bom,
            editing: Editing::Json(root),
        })
    }

    /// A file to edit as TOML.
    pub fn toml(before: Option<String>, bom: bool) -> Result<Self, String> {
        let text = before.clone().unwrap_or_default();
        let doc: DocumentMut = text
            .parse()
            .map_err(|e: toml_edit::TomlError| e.to_string())?;
        Ok(TargetFile {
            crlf: all_crlf(&text),
            before,
            bom,
            editing: Editing::Toml(doc),
        })
    }

    /// A file replaced whole.
    pub fn text(before: Option<String>, bom: bool) -> Self {
        TargetFile {
            crlf: before.as_deref().is_some_and(all_crlf),
            editing: Editing::Text(before.clone().unwrap_or_default()),
            before,
            bom,
        }
    }

    /// The new text (without BOM; `apply` restores it), with the file's line endings.
    pub fn after(&self) -> String {
        let mut s = match &self.editing {
            Editing::Json(root) => root.to_string(),
            Editing::Toml(doc) => doc.to_string(),
            Editing::Text(t) => t.clone(),
        };
        if self.crlf {
            s = s.replace("\r\n", "\n").replace('\n', "\r\n");
        }
        if !s.is_empty()
            && !s.ends_with('\n')
            && self.before.as_deref().is_none_or(|b| b.ends_with('\n'))
        {
            s.push_str(if self.crlf { "\r\n" } else { "\n" });
        }
        s
    }

    /// The JSON object at `path` (created when missing), or None when a value on the way is
    /// not an object (then the caller reports it and edits nothing).
    fn json_object(root: &CstRootNode, path: &[&str]) -> Option<CstObject> {
        let mut obj = root.object_value_or_create()?;
        for seg in path {
            obj = obj.object_value_or_create(seg)?;
        }
        Some(obj)
    }

    /// Current value of `key` in the JSON object at `path`.
    pub fn json_get(&self, path: &[&str], key: &str) -> Option<Value> {
        let Editing::Json(root) = &self.editing else {
            return None;
        };
        let mut obj = root.object_value()?;
        for seg in path {
            obj = obj.object_value(seg)?;
        }
        let text = obj.get(key)?.value()?.to_string();
        let mut diags = Vec::new();
        crate::read::json::parse(crate::source::FileId(0), &text, &mut diags).map(|n| n.to_json())
    }

    /// Sets `key` in the JSON object at `path` to `v` (appended when new). False when the
    /// path runs through a non-object.
    pub fn json_set(&mut self, path: &[&str], key: &str, v: &Value) -> bool {
        let Editing::Json(root) = &self.editing else {
            return false;
        };
        let Some(obj) = Self::json_object(root, path) else {
            return false;
        };
        match obj.get(key) {
            Some(prop) => prop.set_value(cst_value(v)),
            None => {
                obj.append(key, cst_value(v));
            }
        }
        true
    }

    /// Removes `key` from the JSON object at `path`.
    pub fn json_remove(&mut self, path: &[&str], key: &str) {
        let Editing::Json(root) = &self.editing else {
            return;
        };
        let Some(mut obj) = root.object_value() else {
            return;
        };
        for seg in path {
            match obj.object_value(seg) {
                Some(o) => obj = o,
                None => return,
            }
        }
        if let Some(p) = obj.get(key) {
            p.remove();
        }
    }

    /// The TOML table at `path` as JSON (None when absent).
    pub fn toml_get(&self, path: &[&str]) -> Option<Value> {
        let Editing::Toml(doc) = &self.editing else {
            return None;
        };
        let mut item: &Item = doc.as_item();
        for seg in path {
            item = item.get(seg)?;
        }
        let text = match item {
            Item::Table(t) => {
                let mut d = DocumentMut::new();
                for (k, v) in t.iter() {
                    d.insert(k, v.clone());
                }
                d.to_string()
            }
            _ => return None,
        };
        let mut diags = Vec::new();
        crate::read::toml::parse(crate::source::FileId(0), &text, &mut diags).map(|n| n.to_json())
    }

    /// Makes the TOML table at `path` hold exactly the keys of `v` (an object), editing values
    /// in place so comments and formatting of unchanged keys survive. Parent tables are
    /// implicit (no empty `[mcp_servers]` header).
    pub fn toml_set(&mut self, path: &[&str], v: &Value) -> bool {
        let Editing::Toml(doc) = &mut self.editing else {
            return false;
        };
        let Some(obj) = v.as_object() else {
            return false;
        };
        let mut table: &mut Table = doc.as_table_mut();
        for (i, seg) in path.iter().enumerate() {
            let last = i + 1 == path.len();
            let entry = table.entry(seg).or_insert_with(|| {
                let mut t = Table::new();
                t.set_implicit(!last);
                Item::Table(t)
            });
            let Some(t) = entry.as_table_mut() else {
                return false;
            };
            table = t;
        }
        let existing: Vec<String> = table.iter().map(|(k, _)| k.to_string()).collect();
        for k in existing {
            if !obj.contains_key(&k) {
                table.remove(&k);
            }
        }
        for (k, x) in obj {
            let Some(new) = toml_value(x) else { continue };
            let same = table
                .get(k)
                .and_then(|i| i.as_value())
                .is_some_and(|cur| toml_json(cur) == Some(x.clone()));
            if !same {
                match table.get_mut(k).and_then(|i| i.as_value_mut()) {
                    Some(cur) => {
                        let decor = cur.decor().clone();
                        *cur = new;
                        *cur.decor_mut() = decor;
                    }
                    None => {
                        table.insert(k, Item::Value(new));
                    }
                }
            }
        }
        true
    }

    /// Removes the TOML table at `path`.
    pub fn toml_remove(&mut self, path: &[&str]) {
        let Editing::Toml(doc) = &mut self.editing else {
            return;
        };
        let Some((last, parents)) = path.split_last() else {
            return;
        };
        let mut table: &mut Table = doc.as_table_mut();
        for seg in parents {
            match table.get_mut(seg).and_then(|i| i.as_table_mut()) {
                Some(t) => table = t,
                None => return,
            }
        }
        table.remove(last);
    }

    /// Replaces the whole text.
    pub fn set_text(&mut self, text: String) {
        self.editing = Editing::Text(text);
    }
}

/// A TOML value as JSON, for comparison.
pub(crate) fn toml_json(v: &toml_edit::Value) -> Option<Value> {
    let text = format!("x = {}", v.to_string().trim());
    let mut diags = Vec::new();
    crate::read::toml::parse(crate::source::FileId(0), &text, &mut diags)
        .and_then(|n| n.get("x").map(|x| x.to_json()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn json_edit_keeps_comments_and_other_entries() {
        let before = "{\n  // my servers\n  \"mcpServers\": {\n    \"mine\": {\"command\": \"x\"} // keep\n  },\n  \"other\": 1,\n}\n";
        let mut f = TargetFile::json(Some(before.into()), false).expect("parses");
        assert!(f.json_set(
            &["mcpServers"],
            "github",
            &json!({"command": "npx", "args": ["-y"]})
        ));
        let after = f.after();
        assert!(after.starts_with("{\n  // my servers\n  \"mcpServers\": {\n    \"mine\": {\"command\": \"x\"}, // keep\n"), "{after}");
        assert!(after.contains("\"github\": {"), "{after}");
        assert!(after.contains("\"other\": 1,"), "{after}");
        assert_eq!(
            f.json_get(&["mcpServers"], "github"),
            Some(json!({"command": "npx", "args": ["-y"]}))
        );
    }

    #[test]
    fn toml_edit_keeps_comments_and_edits_in_place() {
        let before = "# top\nmodel = \"o3\"  # keep me\n\n[mcp_servers.docs]\ncommand = \"docs\" # why\nargs = [\"a\"]\n";
        let mut f = TargetFile::toml(Some(before.into()), false).expect("parses");
        assert!(f.toml_set(
            &["mcp_servers", "docs"],
            &json!({"command": "docs", "args": ["b"]})
        ));
        assert!(f.toml_set(
            &["mcp_servers", "github"],
            &json!({"command": "npx", "env_vars": ["T"]})
        ));
        let after = f.after();
        assert!(after.starts_with("# top\nmodel = \"o3\"  # keep me\n\n[mcp_servers.docs]\ncommand = \"docs\" # why\nargs = [\"b\"]\n"), "{after}");
        assert!(
            after.contains("[mcp_servers.github]\ncommand = \"npx\"\nenv_vars = [\"T\"]\n"),
            "{after}"
        );
        assert!(!after.contains("[mcp_servers]\n"), "{after}");
        assert_eq!(
            f.toml_get(&["mcp_servers", "github"]),
            Some(json!({"command": "npx", "env_vars": ["T"]}))
        );
    }

    #[test]
    fn crlf_is_kept() {
        let mut f =
            TargetFile::json(Some("{\r\n  \"a\": 1\r\n}\r\n".into()), false).expect("parses");
        f.json_set(&[], "b", &json!(2));
        assert!(
            !f.after().replace("\r\n", "").contains('\n'),
            "{:?}",
            f.after()
        );
    }
}
