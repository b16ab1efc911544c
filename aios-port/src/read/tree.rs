//! A spanned value tree shared by the JSON, TOML and YAML readers.
//!
//! Vendor readers walk a [`Node`] whatever the file format, so field extraction and
//! schema diagnostics are written once.

use serde::Serialize;

use crate::diagnostic::{Diagnostic, Severity, codes};
use crate::source::{Origin, Spanned};

/// A value with its origin.
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    /// The value.
    pub kind: NodeKind,
    /// Where it is.
    pub origin: Origin,
}

/// The shape of a [`Node`].
#[derive(Debug, Clone, PartialEq)]
pub enum NodeKind {
    /// `null`, an empty YAML value, or a YAML alias.
    Null,
    /// A boolean.
    Bool(bool),
    /// An integer or float, as written.
    Number(String),
    /// A string (also TOML datetimes, as written).
    Str(String),
    /// An array / sequence.
    Array(Vec<Node>),
    /// An object / table / mapping, in file order.
    Table(Vec<Entry>),
}

/// One key of a table.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    /// The key and where it is written.
    pub key: Spanned<String>,
    /// The value.
    pub value: Node,
}

/// A key the reader does not model, kept verbatim.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Extra {
    /// The key.
    pub key: String,
    /// The value, as JSON.
    pub value: serde_json::Value,
    /// Where the key is written.
    pub origin: Origin,
}

impl Node {
    /// A node of the given kind.
    pub fn new(kind: NodeKind, origin: Origin) -> Self {
        Node { kind, origin }
    }

    /// The name of the node's type, for messages (`string`, `object`, ...).
    pub fn type_name(&self) -> &'static str {
        match self.kind {
            NodeKind::Null => "null",
            NodeKind::Bool(_) => "boolean",
            NodeKind::Number(_) => "number",
            NodeKind::Str(_) => "string",
            NodeKind::Array(_) => "array",
            NodeKind::Table(_) => "object",
        }
    }

    /// The entries, if this is a table.
    pub fn entries(&self) -> Option<&[Entry]> {
        match &self.kind {
            NodeKind::Table(e) => Some(e),
            _ => None,
        }
    }

    /// The items, if this is an array.
    pub fn items(&self) -> Option<&[Node]> {
        match &self.kind {
            NodeKind::Array(a) => Some(a),
            _ => None,
        }
    }

    /// The string, if this is a string.
    pub fn as_str(&self) -> Option<&str> {
        match &self.kind {
            NodeKind::Str(s) => Some(s),
            _ => None,
        }
    }

    /// The boolean, if this is a boolean.
    pub fn as_bool(&self) -> Option<bool> {
        match self.kind {
            NodeKind::Bool(b) => Some(b),
            _ => None,
        }
    }

    /// The number, if this is a number that fits an `f64`.
    pub fn as_f64(&self) -> Option<f64> {
        match &self.kind {
            NodeKind::Number(n) => n.replace('_', "").parse().ok(),
            _ => None,
        }
    }

    /// The entry for `key` (the last one, as JSON parsers keep the last duplicate).
    pub fn entry(&self, key: &str) -> Option<&Entry> {
        self.entries()?.iter().rev().find(|e| e.key.value == key)
    }

    /// The value for `key`.
    pub fn get(&self, key: &str) -> Option<&Node> {
        self.entry(key).map(|e| &e.value)
    }

    /// The value as JSON (numbers kept as written where JSON allows).
    pub fn to_json(&self) -> serde_json::Value {
        use serde_json::Value;
        match &self.kind {
            NodeKind::Null => Value::Null,
            NodeKind::Bool(b) => Value::Bool(*b),
            NodeKind::Number(n) => n
                .replace('_', "")
                .parse::<serde_json::Number>()
                .map(Value::Number)
                .unwrap_or_else(|_| Value::String(n.clone())),
            NodeKind::Str(s) => Value::String(s.clone()),
            NodeKind::Array(a) => Value::Array(a.iter().map(Node::to_json).collect()),
            NodeKind::Table(es) => Value::Object(
                es.iter()
                    .map(|e| (e.key.value.clone(), e.value.to_json()))
                    .collect(),
            ),
        }
    }

    /// The entries whose keys are not in `known`, kept as [`Extra`]s.
    pub fn extras(&self, known: &[&str]) -> Vec<Extra> {
        self.entries()
            .unwrap_or(&[])
            .iter()
            .filter(|e| !known.contains(&e.key.value.as_str()))
            .map(|e| Extra {
                key: e.key.value.clone(),
                value: e.value.to_json(),
                origin: e.key.origin,
            })
            .collect()
    }
}

/// Typed field access that reports a schema violation when a present value has the wrong type.
///
/// `what` names the containing object in messages (e.g. "MCP server `github`").
pub struct Fields<'a, 'd> {
    node: &'a Node,
    what: String,
    diags: &'d mut Vec<Diagnostic>,
}

impl<'a, 'd> Fields<'a, 'd> {
    /// Field access on `node`, reporting into `diags`.
    pub fn new(node: &'a Node, what: impl Into<String>, diags: &'d mut Vec<Diagnostic>) -> Self {
        Fields {
            node,
            what: what.into(),
            diags,
        }
    }

    /// The node being read.
    pub fn node(&self) -> &'a Node {
        self.node
    }

    /// Reports a wrong type for `key`.
    pub fn wrong_type(&mut self, key: &str, value: &Node, expected: &str) {
        self.diags.push(
            Diagnostic::new(
                codes::SCHEMA_VIOLATION,
                Severity::Error,
                value.origin,
                format!(
                    "`{key}` of {} must be {expected}, found {}",
                    self.what,
                    value.type_name()
                ),
            )
            .with_label(format!("expected {expected}"))
            .with_help(format!("write `{key}` as {expected}")),
        );
    }

    /// A string field.
    pub fn str(&mut self, key: &str) -> Option<Spanned<String>> {
        let v = self.node.get(key)?;
        match &v.kind {
            NodeKind::Str(s) => Some(Spanned::new(s.clone(), v.origin)),
            NodeKind::Null => None,
            _ => {
                self.wrong_type(key, v, "a string");
                None
            }
        }
    }

    /// A boolean field.
    pub fn bool(&mut self, key: &str) -> Option<Spanned<bool>> {
        let v = self.node.get(key)?;
        match v.kind {
            NodeKind::Bool(b) => Some(Spanned::new(b, v.origin)),
            NodeKind::Null => None,
            _ => {
                self.wrong_type(key, v, "a boolean");
                None
            }
        }
    }

    /// A numeric field.
    pub fn number(&mut self, key: &str) -> Option<Spanned<f64>> {
        let v = self.node.get(key)?;
        match v.as_f64() {
            Some(n) => Some(Spanned::new(n, v.origin)),
            None if v.kind == NodeKind::Null => None,
            None => {
                self.wrong_type(key, v, "a number");
                None
            }
        }
    }

    /// An array of strings (non-string items are reported and skipped).
    pub fn str_list(&mut self, key: &str) -> Option<Vec<Spanned<String>>> {
        let v = self.node.get(key)?;
        match &v.kind {
            NodeKind::Array(items) => {
                let mut out = Vec::new();
                for it in items {
                    match &it.kind {
                        NodeKind::Str(s) => out.push(Spanned::new(s.clone(), it.origin)),
                        _ => self.wrong_type(key, it, "an array of strings"),
                    }
                }
                Some(out)
            }
            NodeKind::Null => None,
            _ => {
                self.wrong_type(key, v, "an array of strings");
                None
            }
        }
    }

    /// A table of string values (non-string values are reported and skipped).
    pub fn str_map(&mut self, key: &str) -> Option<Vec<(Spanned<String>, Spanned<String>)>> {
        let v = self.node.get(key)?;
        match &v.kind {
            NodeKind::Table(entries) => {
                let mut out = Vec::new();
                for e in entries {
                    match &e.value.kind {
                        NodeKind::Str(s) => {
                            out.push((e.key.clone(), Spanned::new(s.clone(), e.value.origin)))
                        }
                        NodeKind::Number(n) => {
                            out.push((e.key.clone(), Spanned::new(n.clone(), e.value.origin)))
                        }
                        NodeKind::Bool(b) => {
                            out.push((e.key.clone(), Spanned::new(b.to_string(), e.value.origin)))
                        }
                        _ => self.wrong_type(&e.key.value, &e.value, "a string"),
                    }
                }
                Some(out)
            }
            NodeKind::Null => None,
            _ => {
                self.wrong_type(key, v, "an object of strings");
                None
            }
        }
    }

    /// A table field.
    pub fn table(&mut self, key: &str) -> Option<&'a Node> {
        let v = self.node.get(key)?;
        match v.kind {
            NodeKind::Table(_) => Some(v),
            NodeKind::Null => None,
            _ => {
                self.wrong_type(key, v, "an object");
                None
            }
        }
    }

    /// The keys not in `known`.
    pub fn extras(&self, known: &[&str]) -> Vec<Extra> {
        self.node.extras(known)
    }
}

impl Fields<'_, '_> {
    /// A list written either as an array of strings or as one comma-separated string
    /// (Claude's `tools: Read, Grep`). Items are trimmed; empty items dropped.
    pub fn list_or_csv(&mut self, key: &str) -> Option<Vec<Spanned<String>>> {
        let v = self.node.get(key)?;
        match &v.kind {
            NodeKind::Str(s) => Some(split_csv(s, v.origin, ',')),
            NodeKind::Array(_) => self.str_list(key),
            NodeKind::Null => None,
            _ => {
                self.wrong_type(key, v, "a list or a comma-separated string");
                None
            }
        }
    }
}

/// Splits `s` on `sep` outside parentheses (`Read, Agent(a, b)` is two items), trimming
/// items; each item gets a span inside `origin` when the origin covers exactly the unquoted
/// text, else the whole origin.
pub fn split_csv(s: &str, origin: Origin, sep: char) -> Vec<Spanned<String>> {
    let exact = (origin.end - origin.start) as usize == s.len();
    let mut pieces: Vec<(usize, &str)> = Vec::new();
    let (mut depth, mut start) = (0i32, 0usize);
    for (i, c) in s.char_indices() {
        match c {
            '(' => depth += 1,
            ')' => depth = (depth - 1).max(0),
            c if c == sep && depth == 0 => {
                pieces.push((start, &s[start..i]));
                start = i + c.len_utf8();
            }
            _ => {}
        }
    }
    pieces.push((start, &s[start..]));
    let mut out = Vec::new();
    for (offset, piece) in pieces {
        let lead = piece.len() - piece.trim_start().len();
        let item = piece.trim();
        if item.is_empty() {
            continue;
        }
        let o = if exact {
            let st = origin.start as usize + offset + lead;
            Origin::new(origin.file, st..st + item.len())
        } else {
            origin
        };
        out.push(Spanned::new(item.to_string(), o));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::FileId;

    #[test]
    fn csv_split_respects_parentheses_and_spans() {
        let s = "Read, Agent(a, b), Bash(git *)";
        let items = split_csv(s, Origin::new(FileId(0), 10..10 + s.len()), ',');
        let names: Vec<&str> = items.iter().map(|i| i.value.as_str()).collect();
        assert_eq!(names, ["Read", "Agent(a, b)", "Bash(git *)"]);
        assert_eq!(items[1].origin.range(), 16..27);
    }
}
