//! Markdown files: optional YAML frontmatter, sections and top-level blocks with byte spans,
//! and `@path` import references found outside code spans and fences.

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
use serde::Serialize;

use crate::diagnostic::Diagnostic;
use crate::read::tree::Node;
use crate::read::yaml;
use crate::source::{FileId, Origin, Spanned};

/// A parsed Markdown file.
#[derive(Debug, Clone, Serialize)]
pub struct MarkdownDoc {
    /// Frontmatter, when the file kind has it and it is present.
    #[serde(skip)]
    pub frontmatter: Option<Frontmatter>,
    /// The body after the frontmatter.
    pub body: Origin,
    /// Sections, split at headings; text before the first heading is a section without one.
    pub sections: Vec<Section>,
    /// `@path` references outside code (import candidates; each vendor decides whether it follows them).
    pub import_refs: Vec<ImportRef>,
}

/// YAML frontmatter between `---` lines.
#[derive(Debug, Clone)]
pub struct Frontmatter {
    /// The parsed tree (a table when the frontmatter is a mapping).
    pub node: Node,
    /// Whether strict YAML parsing succeeded (false: read leniently, a diagnostic was emitted).
    pub strict: bool,
    /// The whole block including the `---` lines.
    pub origin: Origin,
}

/// A heading and the blocks up to the next heading of any level.
#[derive(Debug, Clone, Serialize)]
pub struct Section {
    /// The heading text, if the section starts with one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub heading: Option<Spanned<String>>,
    /// Heading level 1-6 (0 for text before the first heading).
    pub level: u8,
    /// The whole section.
    pub origin: Origin,
    /// Top-level blocks in the section (the heading included).
    #[serde(skip)]
    pub blocks: Vec<Block>,
}

/// A top-level Markdown block.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Block {
    /// What kind of block.
    pub kind: BlockKind,
    /// Where.
    pub origin: Origin,
}

/// Kinds of top-level block.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum BlockKind {
    /// `# Heading`.
    Heading,
    /// Paragraph.
    Paragraph,
    /// Bullet or numbered list.
    List,
    /// Fenced or indented code.
    Code,
    /// `> quote`.
    Quote,
    /// Raw HTML (including comments).
    Html,
    /// Table.
    Table,
    /// `---` rule.
    Rule,
    /// Anything else.
    Other,
}

/// `@path` written in prose.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ImportRef {
    /// The path as written after `@` (`\ ` unescaped).
    pub path: String,
    /// The `@path` token.
    pub origin: Origin,
}

/// Splits off frontmatter (`---` on the first line up to the next `---` line) when `with_frontmatter`,
/// and parses the rest.
pub fn parse(
    file: FileId,
    text: &str,
    with_frontmatter: bool,
    diags: &mut Vec<Diagnostic>,
) -> MarkdownDoc {
    let (frontmatter, body_start) = if with_frontmatter {
        split_frontmatter(file, text, diags)
    } else {
        (None, 0)
    };
    let body = &text[body_start..];
    let (sections, import_refs) = structure(file, body, body_start);
    MarkdownDoc {
        frontmatter,
        body: Origin::new(file, body_start..text.len()),
        sections,
        import_refs,
    }
}

fn split_frontmatter(
    file: FileId,
    text: &str,
    diags: &mut Vec<Diagnostic>,
) -> (Option<Frontmatter>, usize) {
    let first_end = match text.find('\n') {
        Some(i) => i + 1,
        None => return (None, 0),
    };
    if text[..first_end].trim_end() != "---" {
        return (None, 0);
    }
    let mut offset = first_end;
    for line in text[first_end..].split_inclusive('\n') {
        if line.trim_end() == "---" {
            let yaml_text = &text[first_end..offset];
            let end = offset + line.len();
            let (node, strict) = yaml::parse(file, yaml_text, first_end, diags);
            return (
                Some(Frontmatter {
                    node,
                    strict,
                    origin: Origin::new(file, 0..end),
                }),
                end,
            );
        }
        offset += line.len();
    }
    (None, 0)
}

fn structure(file: FileId, body: &str, base: usize) -> (Vec<Section>, Vec<ImportRef>) {
    let mut sections: Vec<Section> = Vec::new();
    let mut imports = Vec::new();
    let mut depth = 0usize;
    let mut code_depth = 0usize;
    let mut heading: Option<(u8, usize, String)> = None;
    let mut run: Option<(usize, usize)> = None;
    let opts = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_TASKLISTS;
    let o = |r: std::ops::Range<usize>| Origin::new(file, base + r.start..base + r.end);
    for (ev, range) in Parser::new_ext(body, opts).into_offset_iter() {
        if !matches!(ev, Event::Text(_))
            && let Some((s, e)) = run
            && range.start >= e
        {
            find_imports(file, &body[s..e], base + s, &mut imports);
            run = None;
        }
        match ev {
            Event::Start(tag) => {
                if depth == 0 {
                    let kind = block_kind(&tag);
                    if let Tag::Heading { level, .. } = &tag {
                        heading = Some((*level as u8, range.start, String::new()));
                        let s = Section {
                            heading: None,
                            level: *level as u8,
                            origin: o(range.clone()),
                            blocks: Vec::new(),
                        };
                        sections.push(s);
                    } else if sections.is_empty() {
                        sections.push(Section {
                            heading: None,
                            level: 0,
                            origin: o(range.start..range.start),
                            blocks: Vec::new(),
                        });
                    }
                    if let Some(s) = sections.last_mut() {
                        s.blocks.push(Block {
                            kind,
                            origin: o(range.clone()),
                        });
                        s.origin.end = o(range.clone()).end;
                    }
                }
                if matches!(tag, Tag::CodeBlock(_) | Tag::HtmlBlock) {
                    code_depth += 1;
                }
                depth += 1;
            }
            Event::End(tag) => {
                depth = depth.saturating_sub(1);
                if matches!(tag, TagEnd::CodeBlock | TagEnd::HtmlBlock) {
                    code_depth = code_depth.saturating_sub(1);
                }
                if let (TagEnd::Heading(_), Some((_, start, text))) = (tag, heading.take())
                    && let Some(s) = sections.last_mut()
                {
                    s.heading = Some(Spanned::new(text.trim().to_string(), o(start..range.end)));
                }
            }
            Event::Text(t) => {
                if let Some((_, _, h)) = heading.as_mut() {
                    h.push_str(&t);
                }
                if code_depth == 0 {
                    // pulldown-cmark splits text at `_` and `*` (emphasis candidates):
                    // scan contiguous text as one run so `@_shared.md` stays one reference.
                    match run.as_mut() {
                        Some(r) if r.1 == range.start => r.1 = range.end,
                        _ => {
                            if let Some((s, e)) = run.take() {
                                find_imports(file, &body[s..e], base + s, &mut imports);
                            }
                            run = Some((range.start, range.end));
                        }
                    }
                }
            }
            Event::Code(t) => {
                if let Some((_, _, h)) = heading.as_mut() {
                    h.push_str(&t);
                }
            }
            Event::Rule | Event::Html(_) if depth == 0 => {
                if sections.is_empty() {
                    sections.push(Section {
                        heading: None,
                        level: 0,
                        origin: o(range.start..range.start),
                        blocks: Vec::new(),
                    });
                }
                if let Some(s) = sections.last_mut() {
                    let kind = if matches!(ev, Event::Rule) {
                        BlockKind::Rule
                    } else {
                        BlockKind::Html
                    };
                    s.blocks.push(Block {
                        kind,
                        origin: o(range.clone()),
                    });
                    s.origin.end = o(range).end;
                }
            }
            _ => {}
        }
    }
    if let Some((s, e)) = run.take() {
        find_imports(file, &body[s..e], base + s, &mut imports);
    }
    imports.sort_by_key(|i| i.origin.start);
    imports.dedup();
    (sections, imports)
}

fn block_kind(tag: &Tag<'_>) -> BlockKind {
    match tag {
        Tag::Heading { .. } => BlockKind::Heading,
        Tag::Paragraph => BlockKind::Paragraph,
        Tag::List(_) => BlockKind::List,
        Tag::CodeBlock(_) => BlockKind::Code,
        Tag::BlockQuote(_) => BlockKind::Quote,
        Tag::HtmlBlock => BlockKind::Html,
        Tag::Table(_) => BlockKind::Table,
        _ => BlockKind::Other,
    }
}

/// Finds `@path` tokens in a text run: `@` at the start or after whitespace, followed by
/// a non-space path (`\ ` escapes a space). Trailing sentence punctuation is not part of the path.
///
/// `raw` must be the source bytes of the run (text events from pulldown-cmark are source slices
/// except where entities or escapes were decoded; a run that differs from its source is skipped
/// by the caller's offset arithmetic being checked here).
fn find_imports(file: FileId, raw: &str, base: usize, out: &mut Vec<ImportRef>) {
    let bytes = raw.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'@' && (i == 0 || bytes[i - 1].is_ascii_whitespace()) {
            let start = i;
            let mut j = i + 1;
            while j < bytes.len() {
                if bytes[j] == b'\\' && bytes.get(j + 1) == Some(&b' ') {
                    j += 2;
                } else if bytes[j].is_ascii_whitespace() {
                    break;
                } else {
                    j += 1;
                }
            }
            // The span is the source text itself (always on character boundaries: the bytes
            // stopped at are ASCII); the path is that text with `\ ` unescaped.
            let token = raw
                .get(start + 1..j)
                .unwrap_or("")
                .trim_end_matches(['.', ',', ';', ':', ')', '!', '?', '"', '\'']);
            if !token.is_empty() {
                let end = start + 1 + token.len();
                out.push(ImportRef {
                    path: token.replace("\\ ", " "),
                    origin: Origin::new(file, base + start..base + end),
                });
            }
            i = j.max(i + 1);
        } else {
            i += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn imports(text: &str) -> Vec<String> {
        let mut d = Vec::new();
        parse(FileId(0), text, false, &mut d)
            .import_refs
            .into_iter()
            .map(|r| r.path)
            .collect()
    }

    #[test]
    fn imports_outside_code_only() {
        assert_eq!(imports("@a\\ éé.md é"), vec!["a éé.md"]);
        let text = "See @AGENTS.md and @docs/x.md.\n\n```py\n@pytest.fixture\n```\n\n`@inline` mail a@b.c @_shared.md\n";
        assert_eq!(imports(text), vec!["AGENTS.md", "docs/x.md", "_shared.md"]);
    }

    #[test]
    fn sections_split_at_headings() {
        let mut d = Vec::new();
        let doc = parse(
            FileId(0),
            "intro\n\n# A\ntext\n\n## B\n- x\n",
            false,
            &mut d,
        );
        let heads: Vec<_> = doc
            .sections
            .iter()
            .map(|s| s.heading.as_ref().map(|h| h.value.clone()))
            .collect();
        assert_eq!(heads, vec![None, Some("A".into()), Some("B".into())]);
        assert_eq!(doc.sections[2].blocks[1].kind, BlockKind::List);
    }

    #[test]
    fn frontmatter_only_when_asked_and_hr_heading_is_not_yaml() {
        let mut d = Vec::new();
        let text = "---\n# Title\n---\nbody\n";
        assert!(parse(FileId(0), text, false, &mut d).frontmatter.is_none());
        let doc = parse(FileId(0), "---\nname: x\n---\nbody\n", true, &mut d);
        let fm = doc.frontmatter.expect("frontmatter");
        assert_eq!(fm.node.get("name").and_then(Node::as_str), Some("x"));
        assert_eq!(doc.body.start, 16);
    }
}
