//! YAML (Markdown frontmatter) into a spanned [`Node`] tree.
//!
//! Strict parsing uses `yaml-rust2`. People write frontmatter that is not valid YAML
//! (`tools: *`, `paths: **/*.tsx`, unquoted `: ` inside descriptions), and the vendors read
//! it anyway with forgiving parsers, so on a syntax error we report it and fall back to
//! a line-based reading of top-level `key: value` pairs and `- item` lists.

use yaml_rust2::parser::{Event, MarkedEventReceiver, Parser};
use yaml_rust2::scanner::{Marker, TScalarStyle};

use crate::diagnostic::{Diagnostic, Severity, codes};
use crate::read::tree::{Entry, Node, NodeKind};
use crate::source::{FileId, Origin, Spanned};

/// Parses `text`, which starts at byte `base` of `file`.
///
/// Returns the tree (strict or lenient) and whether the strict parse succeeded.
pub fn parse(file: FileId, text: &str, base: usize, diags: &mut Vec<Diagnostic>) -> (Node, bool) {
    let mut b = Builder {
        file,
        text,
        base,
        char_to_byte: if text.is_ascii() {
            None
        } else {
            Some(text.char_indices().map(|(i, _)| i).collect())
        },
        stack: Vec::new(),
        root: None,
    };
    let mut parser = Parser::new_from_str(text);
    match parser.load(&mut b, false) {
        Ok(()) => {
            let root = b.root.unwrap_or_else(|| {
                Node::new(NodeKind::Null, Origin::new(file, base..base + text.len()))
            });
            (root, true)
        }
        Err(e) => {
            let at = b.byte(e.marker().index());
            diags.push(
                Diagnostic::new(
                    codes::INVALID_FRONTMATTER,
                    Severity::Warning,
                    Origin::new(file, base + at..base + at),
                    format!("frontmatter is not valid YAML: {}", e.info()),
                )
                .with_label(e.info().to_string())
                .with_note(
                    "vendors with strict YAML parsers (Gemini CLI, the Agent Skills validator) reject this file",
                )
                .with_help("quote values that contain `: `, start with `*` or `@`, or hold glob patterns"),
            );
            (lenient(file, text, base), false)
        }
    }
}

struct Builder<'t> {
    file: FileId,
    text: &'t str,
    base: usize,
    char_to_byte: Option<Vec<usize>>,
    stack: Vec<Frame>,
    root: Option<Node>,
}

enum Frame {
    Seq(Vec<Node>, usize),
    Map(Vec<Entry>, Option<Spanned<String>>, usize),
}

impl Builder<'_> {
    fn byte(&self, char_index: usize) -> usize {
        match &self.char_to_byte {
            None => char_index.min(self.text.len()),
            Some(map) => map.get(char_index).copied().unwrap_or(self.text.len()),
        }
    }

    fn origin(&self, start: usize, end: usize) -> Origin {
        Origin::new(self.file, self.base + start..self.base + end)
    }

    /// End of a scalar written at `start`: the value itself when it is spelled out there,
    /// else the end of the quoted string or of the line.
    fn scalar_end(&self, start: usize, value: &str, style: TScalarStyle) -> usize {
        let rest = &self.text[start..];
        let line_end = rest.find('\n').map_or(self.text.len(), |i| start + i);
        match style {
            TScalarStyle::Plain if rest.starts_with(value) => start + value.len(),
            TScalarStyle::SingleQuoted | TScalarStyle::DoubleQuoted => {
                let q = if matches!(style, TScalarStyle::SingleQuoted) {
                    '\''
                } else {
                    '"'
                };
                let mut escaped = false;
                for (i, c) in rest.char_indices().skip(1) {
                    if q == '"' && c == '\\' && !escaped {
                        escaped = true;
                        continue;
                    }
                    if c == q && !escaped {
                        return start + i + 1;
                    }
                    escaped = false;
                }
                line_end
            }
            _ => start + self.text[start..line_end].trim_end().len(),
        }
    }

    fn push(&mut self, node: Node) {
        match self.stack.last_mut() {
            None => self.root = Some(node),
            Some(Frame::Seq(items, _)) => items.push(node),
            Some(Frame::Map(entries, pending, _)) => match pending.take() {
                Some(key) => entries.push(Entry { key, value: node }),
                None => {
                    let k = match &node.kind {
                        NodeKind::Str(s) | NodeKind::Number(s) => s.clone(),
                        NodeKind::Bool(b) => b.to_string(),
                        NodeKind::Null => String::new(),
                        _ => "?".to_string(),
                    };
                    *pending = Some(Spanned::new(k, node.origin));
                }
            },
        }
    }

    fn close(&mut self, end_mark: usize) {
        let end = self.line_end_before(end_mark);
        match self.stack.pop() {
            Some(Frame::Seq(items, start)) => {
                let o = self.origin(start, end.max(start));
                self.push(Node::new(NodeKind::Array(items), o));
            }
            Some(Frame::Map(entries, _, start)) => {
                let o = self.origin(start, end.max(start));
                self.push(Node::new(NodeKind::Table(entries), o));
            }
            None => {}
        }
    }

    /// Trims trailing whitespace before a collection's end marker.
    fn line_end_before(&self, at: usize) -> usize {
        let at = at.min(self.text.len());
        self.text[..at].trim_end().len()
    }
}

impl MarkedEventReceiver for Builder<'_> {
    fn on_event(&mut self, ev: Event, mark: Marker) {
        let at = self.byte(mark.index());
        match ev {
            Event::Scalar(value, style, _, _) => {
                let end = self.scalar_end(at, &value, style);
                let kind = match style {
                    TScalarStyle::Plain => plain_kind(value),
                    _ => NodeKind::Str(value),
                };
                let o = self.origin(at, end);
                self.push(Node::new(kind, o));
            }
            Event::Alias(_) => {
                let o = self.origin(at, at + 1);
                self.push(Node::new(NodeKind::Null, o));
            }
            Event::SequenceStart(..) => self.stack.push(Frame::Seq(Vec::new(), at)),
            Event::MappingStart(..) => self.stack.push(Frame::Map(Vec::new(), None, at)),
            Event::SequenceEnd | Event::MappingEnd => self.close(at),
            _ => {}
        }
    }
}

fn plain_kind(value: String) -> NodeKind {
    match value.as_str() {
        "" | "~" | "null" | "Null" | "NULL" => NodeKind::Null,
        "true" | "True" | "TRUE" => NodeKind::Bool(true),
        "false" | "False" | "FALSE" => NodeKind::Bool(false),
        v if looks_numeric(v) => NodeKind::Number(value),
        _ => NodeKind::Str(value),
    }
}

fn looks_numeric(v: &str) -> bool {
    let v = v.strip_prefix(['-', '+']).unwrap_or(v);
    !v.is_empty()
        && v.chars().next().is_some_and(|c| c.is_ascii_digit())
        && v.parse::<f64>().is_ok()
}

/// Line-based reading of invalid YAML: top-level `key: value`, indented `- item` lists,
/// and indented continuation lines folded into the value.
fn lenient(file: FileId, text: &str, base: usize) -> Node {
    let mut entries: Vec<Entry> = Vec::new();
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let start = offset;
        offset += line.len();
        let content = line.trim_end_matches(['\n', '\r']);
        if content.trim().is_empty() || content.trim_start().starts_with('#') {
            continue;
        }
        let indented = content.starts_with([' ', '\t']);
        if !indented {
            if let Some((k, v)) = content.split_once(':') {
                let key = k.trim();
                let vstart = start + k.len() + 1 + (v.len() - v.trim_start().len());
                let raw = v.trim();
                let node = if raw.is_empty() {
                    Node::new(
                        NodeKind::Null,
                        Origin::new(file, base + vstart..base + vstart),
                    )
                } else {
                    Node::new(
                        NodeKind::Str(unquote(raw).to_string()),
                        Origin::new(file, base + vstart..base + vstart + raw.len()),
                    )
                };
                entries.push(Entry {
                    key: Spanned::new(
                        key.to_string(),
                        Origin::new(file, base + start..base + start + key.len()),
                    ),
                    value: node,
                });
            }
            continue;
        }
        let Some(last) = entries.last_mut() else {
            continue;
        };
        let trimmed = content.trim();
        let item_start = start + (content.len() - content.trim_start().len());
        let end = base + start + content.len();
        if let Some(item) =
            trimmed
                .strip_prefix("- ")
                .or(if trimmed == "-" { Some("") } else { None })
        {
            let io = Origin::new(file, base + item_start + 2..end);
            let item_node = Node::new(NodeKind::Str(unquote(item.trim()).to_string()), io);
            match &mut last.value.kind {
                NodeKind::Array(items) => items.push(item_node),
                NodeKind::Null => {
                    last.value = Node::new(NodeKind::Array(vec![item_node]), io);
                }
                _ => {}
            }
            last.value.origin.end = last.value.origin.end.max(io.end);
        } else if let NodeKind::Str(s) | NodeKind::Number(s) = &mut last.value.kind {
            s.push(' ');
            s.push_str(trimmed);
            last.value.origin.end = u32::try_from(end).unwrap_or(u32::MAX);
        } else if last.value.kind == NodeKind::Null {
            last.value = Node::new(
                NodeKind::Str(trimmed.to_string()),
                Origin::new(file, base + item_start..end),
            );
        }
    }
    Node::new(
        NodeKind::Table(entries),
        Origin::new(file, base..base + text.len()),
    )
}

fn unquote(s: &str) -> &str {
    let b = s.as_bytes();
    if b.len() >= 2 && (b[0] == b'"' || b[0] == b'\'') && b[b.len() - 1] == b[0] {
        &s[1..s.len() - 1]
    } else {
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strict_mapping_with_spans() {
        let text = "name: résumé\ntools:\n  - Read\n  - Grep\nn: 3\n";
        let mut d = Vec::new();
        let (n, strict) = parse(FileId(0), text, 10, &mut d);
        assert!(strict);
        let name = n.get("name").expect("name");
        assert_eq!(name.as_str(), Some("résumé"));
        assert_eq!(name.origin.range(), 16..24);
        let tools = n.get("tools").and_then(Node::items).expect("tools");
        assert_eq!(tools[1].as_str(), Some("Grep"));
        assert_eq!(n.get("n").and_then(Node::as_f64), Some(3.0));
    }

    #[test]
    fn invalid_yaml_falls_back_to_lines() {
        let text = "name: guardian\ntools: *\npaths: **/*.tsx, src/**\ndescription: Use when: x\n";
        let mut d = Vec::new();
        let (n, strict) = parse(FileId(0), text, 0, &mut d);
        assert!(!strict);
        assert_eq!(d[0].code, codes::INVALID_FRONTMATTER);
        assert_eq!(n.get("tools").and_then(Node::as_str), Some("*"));
        assert_eq!(
            n.get("paths").and_then(Node::as_str),
            Some("**/*.tsx, src/**")
        );
        assert_eq!(
            n.get("description").and_then(Node::as_str),
            Some("Use when: x")
        );
        let p = n.get("paths").expect("paths");
        assert_eq!(&text[p.origin.range()], "**/*.tsx, src/**");
    }
}
