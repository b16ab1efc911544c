//! JSON (and JSONC: comments and trailing commas) into a spanned [`Node`] tree.

use jsonc_parser::ast::{ObjectPropName, Value};
use jsonc_parser::{CollectOptions, ParseOptions};

use crate::diagnostic::{Diagnostic, Severity, codes};
use crate::read::tree::{Entry, Node, NodeKind};
use crate::source::{FileId, Origin, Spanned};

/// JSON as the vendors write it: strict JSON plus comments and trailing commas (JSONC).
pub fn jsonc_options() -> ParseOptions {
    ParseOptions {
        allow_comments: true,
        allow_loose_object_property_names: false,
        allow_trailing_commas: true,
        allow_missing_commas: false,
        allow_single_quoted_strings: false,
        allow_hexadecimal_numbers: false,
        allow_unary_plus_numbers: false,
        allow_bare_decimal_point_numbers: false,
        allow_non_finite_numbers: false,
        allow_extended_string_escapes: false,
    }
}

/// Parses JSON text. Syntax errors come back as a diagnostic with the error's position;
/// duplicate keys are reported as warnings (the last one wins, as in the vendors' parsers).
pub fn parse(file: FileId, text: &str, diags: &mut Vec<Diagnostic>) -> Option<Node> {
    match jsonc_parser::parse_to_ast(text, &CollectOptions::default(), &jsonc_options()) {
        Ok(result) => match result.value {
            Some(v) => Some(convert(file, v, diags)),
            None => {
                diags.push(
                    Diagnostic::new(
                        codes::UNPARSEABLE_FILE,
                        Severity::Error,
                        Origin::file_start(file),
                        "file is empty; expected a JSON object",
                    )
                    .with_help("write `{}` or delete the file"),
                );
                None
            }
        },
        Err(e) => {
            let r = e.range();
            diags.push(
                Diagnostic::new(
                    codes::UNPARSEABLE_FILE,
                    Severity::Error,
                    Origin::new(file, r.start..r.end),
                    format!("invalid JSON: {}", e.kind()),
                )
                .with_label(e.kind().to_string())
                .with_help("fix the JSON syntax; the vendor cannot load this file either"),
            );
            None
        }
    }
}

fn convert(file: FileId, v: Value<'_>, diags: &mut Vec<Diagnostic>) -> Node {
    match v {
        Value::StringLit(s) => Node::new(
            NodeKind::Str(s.value.into_owned()),
            Origin::new(file, s.range.start..s.range.end),
        ),
        Value::NumberLit(n) => Node::new(
            NodeKind::Number(n.value.to_string()),
            Origin::new(file, n.range.start..n.range.end),
        ),
        Value::BooleanLit(b) => Node::new(
            NodeKind::Bool(b.value),
            Origin::new(file, b.range.start..b.range.end),
        ),
        Value::NullKeyword(n) => Node::new(
            NodeKind::Null,
            Origin::new(file, n.range.start..n.range.end),
        ),
        Value::Array(a) => Node::new(
            NodeKind::Array(
                a.elements
                    .into_iter()
                    .map(|e| convert(file, e, diags))
                    .collect(),
            ),
            Origin::new(file, a.range.start..a.range.end),
        ),
        Value::Object(o) => {
            let origin = Origin::new(file, o.range.start..o.range.end);
            let mut entries: Vec<Entry> = Vec::with_capacity(o.properties.len());
            for p in o.properties {
                let (name, range) = match p.name {
                    ObjectPropName::String(s) => (s.value.into_owned(), s.range),
                    ObjectPropName::Word(w) => (w.value.to_string(), w.range),
                };
                let key_origin = Origin::new(file, range.start..range.end);
                if let Some(first) = entries.iter().find(|e| e.key.value == name) {
                    diags.push(
                        Diagnostic::new(
                            codes::DUPLICATE_KEY,
                            Severity::Warning,
                            key_origin,
                            format!("key `{name}` appears twice; only this one takes effect"),
                        )
                        .with_label("this value wins")
                        .with_secondary(first.key.origin, "this value is ignored")
                        .with_help("delete one of the two entries"),
                    );
                }
                entries.push(Entry {
                    key: Spanned::new(name, key_origin),
                    value: convert(file, p.value, diags),
                });
            }
            Node::new(NodeKind::Table(entries), origin)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_point_at_values() {
        let text = r#"{ "a": [1, "x"], "b": {"c": true} }"#;
        let mut d = Vec::new();
        let n = parse(FileId(0), text, &mut d).expect("parses");
        let a = n.get("a").expect("a");
        assert_eq!(&text[a.origin.range()], r#"[1, "x"]"#);
        let c = n.get("b").and_then(|b| b.get("c")).expect("c");
        assert_eq!(&text[c.origin.range()], "true");
        assert!(d.is_empty());
    }

    #[test]
    fn deep_nesting_is_an_error_not_a_crash() {
        let text = "[".repeat(10_000) + &"]".repeat(10_000);
        let mut d = Vec::new();
        assert!(parse(FileId(0), &text, &mut d).is_none());
        assert_eq!(d[0].code, codes::UNPARSEABLE_FILE);
    }

    #[test]
    fn duplicate_keys_warn() {
        let mut d = Vec::new();
        let n = parse(FileId(0), r#"{"a": 1, "a": 2}"#, &mut d).expect("parses");
        assert_eq!(n.get("a").and_then(Node::as_f64), Some(2.0));
        assert_eq!(d[0].code, codes::DUPLICATE_KEY);
    }
}
