//! String literals in the formats the writers emit: TOML basic and multi-line strings, YAML
//! scalars. Every encoder reads back as exactly the string it was given.

/// `s` as a TOML basic string (`"..."`).
pub(crate) fn toml_basic(s: &str) -> String {
    quoted(s, |c| (c as u32) < 0x20 || c == '\u{7f}')
}

/// `s` in double quotes: `"`, `\`, line breaks and tabs escaped with a backslash, and the other
/// characters `escape` selects as `\uXXXX`. The syntax TOML basic strings and YAML
/// double-quoted scalars share.
fn quoted(s: &str, escape: impl Fn(char) -> bool) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if escape(c) => unicode_escape(&mut out, c),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// `s` as a TOML multi-line basic string: `"""` and a line break (not part of the value), then
/// `s`, then `"""`. Valid TOML 0.5 (Gemini CLI's parser) and 1.0.
pub(crate) fn toml_multiline(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    out.push_str("\"\"\"\n");
    let mut chars = s.chars().peekable();
    let mut quotes = 0;
    while let Some(c) = chars.next() {
        if c == '"' {
            // Never three unescaped quotes in a row, nor one just before the closing quotes.
            if quotes == 2 || chars.peek().is_none() {
                out.push_str("\\\"");
                quotes = 0;
            } else {
                out.push('"');
                quotes += 1;
            }
            continue;
        }
        quotes = 0;
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' | '\t' => out.push(c),
            '\r' => out.push_str("\\r"),
            c if (c as u32) < 0x20 || c == '\u{7f}' => unicode_escape(&mut out, c),
            c => out.push(c),
        }
    }
    out.push_str("\"\"\"");
    out
}

/// `s` as a YAML scalar: plain when that is certainly read back as the same string, else
/// double-quoted.
pub(crate) fn yaml_scalar(s: &str) -> String {
    const WORDS: &[&str] = &[
        "true", "false", "yes", "no", "on", "off", "y", "n", "null", "~",
    ];
    let plain = s.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
        && !s.ends_with(' ')
        && s.chars().all(|c| {
            c.is_ascii_alphanumeric()
                || matches!(
                    c,
                    ' ' | '.' | ',' | '-' | '_' | '(' | ')' | '/' | '+' | '=' | '?' | '!' | ';'
                )
        })
        && !s.contains("  ")
        && !WORDS.contains(&s.to_ascii_lowercase().as_str());
    if plain {
        return s.to_string();
    }
    // Characters YAML does not allow unescaped (C0, DEL, C1, BOM, non-characters).
    quoted(s, |c| {
        (c as u32) < 0x20
            || (0x7f..=0x9f).contains(&(c as u32))
            || matches!(c, '\u{feff}' | '\u{fffe}' | '\u{ffff}')
    })
}

/// `\uXXXX`, which TOML basic strings and YAML double-quoted scalars both accept.
fn unicode_escape(out: &mut String, c: char) {
    out.push_str(&format!("\\u{:04X}", c as u32));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::FileId;

    #[test]
    fn yaml_scalars_read_back_as_written() {
        for s in [
            "plain words",
            "Read, Grep, Glob",
            "a: b",
            "yes",
            "No",
            "~",
            "2 things",
            "- starts like a list",
            "# not a comment",
            "it's \"quoted\" \\ and\nmulti-line\ttabbed",
            "ends with space ",
            "double  space",
            "del \u{7f} and c1 \u{85} and bom \u{feff}",
            "*alias",
            "[flow]",
            "naïve café",
            "",
        ] {
            let yaml = format!("k: {}\n", yaml_scalar(s));
            let mut diags = Vec::new();
            let (node, strict) = crate::read::yaml::parse(FileId(0), &yaml, 0, &mut diags);
            assert!(strict, "{yaml}: {diags:?}");
            assert_eq!(node.get("k").and_then(|v| v.as_str()), Some(s), "{yaml}");
        }
        assert_eq!(yaml_scalar("Read, Grep, Glob"), "Read, Grep, Glob");
        assert_eq!(yaml_scalar("a: b"), "\"a: b\"");
        assert_eq!(yaml_scalar("yes"), "\"yes\"");
    }

    #[test]
    fn toml_strings_read_back_as_written() {
        for s in [
            "plain",
            "\"quoted\" and \\backslash\\",
            "three \"\"\" quotes, four \"\"\"\" and five \"\"\"\"\"",
            "ends with a quote\"",
            "ends with two\"\"",
            "\"",
            "C:\\Users\\dev and \\d+\\.\\d+",
            "tab\tcontrol \u{1} bell \u{7} del \u{7f} crlf\r\nend",
            "multi\nline\n",
            "",
        ] {
            let text = format!("a = {}\nb = {}\n", toml_basic(s), toml_multiline(s));
            let doc: toml_edit::DocumentMut =
                text.parse().unwrap_or_else(|e| panic!("{text}: {e}"));
            assert_eq!(doc["a"].as_str(), Some(s), "{text}");
            assert_eq!(doc["b"].as_str(), Some(s), "{text}");
        }
    }
}
