//! TOML into a spanned [`Node`] tree, through `toml_edit`'s span-keeping parser.

use toml_edit::{Document, Item, Table, Value};

use crate::diagnostic::{Diagnostic, Severity, codes};
use crate::read::tree::{Entry, Node, NodeKind};
use crate::source::{FileId, Origin, Spanned};

/// Parses TOML text. A syntax error comes back as a diagnostic at its position.
pub fn parse(file: FileId, text: &str, diags: &mut Vec<Diagnostic>) -> Option<Node> {
    match Document::parse(text) {
        Ok(doc) => {
            let whole = Origin::new(file, 0..text.len());
            Some(table(file, doc.as_table(), whole))
        }
        Err(e) => {
            let span = e.span().unwrap_or(0..0);
            let msg = e.message().trim().to_string();
            diags.push(
                Diagnostic::new(
                    codes::UNPARSEABLE_FILE,
                    Severity::Error,
                    Origin::new(file, span),
                    format!("invalid TOML: {msg}"),
                )
                .with_label(msg)
                .with_help("fix the TOML syntax; the vendor cannot load this file either"),
            );
            None
        }
    }
}

fn table(file: FileId, t: &Table, fallback: Origin) -> Node {
    let origin = t.span().map(|s| Origin::new(file, s)).unwrap_or(fallback);
    let mut entries = Vec::new();
    for (k, item) in t.iter() {
        let key_origin = t
            .key(k)
            .and_then(|key| key.span())
            .map(|s| Origin::new(file, s))
            .unwrap_or(origin);
        let value = match item_node(file, item, key_origin) {
            Some(v) => v,
            None => continue,
        };
        entries.push(Entry {
            key: Spanned::new(k.to_string(), key_origin),
            value,
        });
    }
    Node::new(NodeKind::Table(entries), origin)
}

fn item_node(file: FileId, item: &Item, fallback: Origin) -> Option<Node> {
    Some(match item {
        Item::None => return None,
        Item::Value(v) => value(file, v, fallback),
        Item::Table(t) => table(file, t, fallback),
        Item::ArrayOfTables(a) => {
            let origin = a.span().map(|s| Origin::new(file, s)).unwrap_or(fallback);
            Node::new(
                NodeKind::Array(a.iter().map(|t| table(file, t, origin)).collect()),
                origin,
            )
        }
    })
}

fn value(file: FileId, v: &Value, fallback: Origin) -> Node {
    let origin = v.span().map(|s| Origin::new(file, s)).unwrap_or(fallback);
    let kind = match v {
        Value::String(s) => NodeKind::Str(s.value().clone()),
        Value::Integer(i) => NodeKind::Number(i.value().to_string()),
        Value::Float(f) => NodeKind::Number(f.value().to_string()),
        Value::Boolean(b) => NodeKind::Bool(*b.value()),
        Value::Datetime(d) => NodeKind::Str(d.value().to_string()),
        Value::Array(a) => NodeKind::Array(a.iter().map(|x| value(file, x, origin)).collect()),
        Value::InlineTable(t) => {
            let mut entries = Vec::new();
            for (k, x) in t.iter() {
                let key_origin = t
                    .key(k)
                    .and_then(|key| key.span())
                    .map(|s| Origin::new(file, s))
                    .unwrap_or(origin);
                entries.push(Entry {
                    key: Spanned::new(k.to_string(), key_origin),
                    value: value(file, x, key_origin),
                });
            }
            NodeKind::Table(entries)
        }
    };
    Node::new(kind, origin)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_and_nested_tables() {
        let text = "# c\n[mcp_servers.docs]\ncommand = \"npx\" # x\nargs = [\"-y\",\n  \"pkg\",]\n";
        let mut d = Vec::new();
        let n = parse(FileId(0), text, &mut d).expect("parses");
        let docs = n
            .get("mcp_servers")
            .and_then(|m| m.get("docs"))
            .expect("docs");
        let cmd = docs.get("command").expect("command");
        assert_eq!(&text[cmd.origin.range()], "\"npx\"");
        assert_eq!(
            docs.get("args").and_then(Node::items).map(<[Node]>::len),
            Some(2)
        );
        let key = &docs.entry("command").expect("entry").key;
        assert_eq!(&text[key.origin.range()], "command");
    }

    #[test]
    fn syntax_error_has_position() {
        let mut d = Vec::new();
        assert!(parse(FileId(0), "a = \n", &mut d).is_none());
        assert_eq!(d[0].code, codes::UNPARSEABLE_FILE);
    }

    #[test]
    fn deep_nesting_is_an_error_not_a_crash() {
        let text = format!("a = {}{}", "[".repeat(10_000), "]".repeat(10_000));
        let mut d = Vec::new();
        assert!(parse(FileId(0), &text, &mut d).is_none());
    }
}
