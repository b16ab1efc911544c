//! Renderers: turn the model and diagnostics into text. They write to any `io::Write`;
//! the caller chooses the stream and whether to use colour (the library never prints and
//! never looks at the terminal).

pub mod concise;
pub mod github;
pub mod human;
pub mod json;
pub mod sarif;
pub mod summary;

use crate::diagnostic::Diagnostic;
use crate::source::SourceDb;

/// The text of every file with every redacted span masked, indexed by file id.
///
/// Secrets keep their first and last four characters when longer than 12 characters;
/// shorter ones are masked whole. Masking keeps byte offsets valid.
pub fn redacted_texts(db: &SourceDb, diags: &[Diagnostic]) -> Vec<String> {
    let mut texts: Vec<String> = db.iter().map(|(_, f)| f.text.clone()).collect();
    // Vendor tokens are masked in every file whatever rules ran (a file that does not parse
    // has no model for `literal-secret` to look at).
    for t in &mut texts {
        let mut ranges: Vec<_> = crate::secrets::token_matches(t)
            .into_iter()
            .filter(|(_, r)| !crate::secrets::is_placeholder(&t[r.clone()]))
            .map(|(_, r)| r)
            .collect();
        ranges.sort_by_key(|r| r.start);
        for r in ranges {
            *t = mask(t, r);
        }
    }
    for d in diags {
        for r in &d.redactions {
            if let Some(t) = texts.get_mut(r.file.0 as usize) {
                *t = mask(t, r.range());
            }
        }
    }
    texts
}

/// `text` with the characters of `range` replaced by `*` (same byte length).
fn mask(text: &str, range: std::ops::Range<usize>) -> String {
    // Widen to character boundaries: a range that does not fit is masked more, never less.
    let mut range = range.start.min(text.len())..range.end.min(text.len());
    while !text.is_char_boundary(range.start) {
        range.start -= 1;
    }
    while !text.is_char_boundary(range.end) {
        range.end += 1;
    }
    let Some(secret) = text.get(range.clone()) else {
        return text.to_string();
    };
    let n = secret.chars().count();
    let keep = if n > 12 { 4 } else { 0 };
    let mut masked = String::with_capacity(secret.len());
    for (i, c) in secret.chars().enumerate() {
        if i < keep || i + keep >= n {
            masked.push(c);
        } else {
            masked.extend(std::iter::repeat_n('*', c.len_utf8()));
        }
    }
    format!("{}{}{}", &text[..range.start], masked, &text[range.end..])
}

/// A secret value shortened for messages: `sk-a…WXYZ`.
pub fn redact_value(secret: &str) -> String {
    let chars: Vec<char> = secret.chars().collect();
    if chars.len() <= 12 {
        return "*".repeat(chars.len().min(8));
    }
    let head: String = chars[..4].iter().collect();
    let tail: String = chars[chars.len() - 4..].iter().collect();
    format!("{head}…{tail}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn masks_keep_offsets() {
        let t = "key = \"ghp_abcdefghijklmnopqrstuvwxyz0123456789\"\n";
        let m = mask(t, 7..47);
        assert_eq!(m.len(), t.len());
        assert!(m.contains("ghp_****"));
        assert!(m.contains("6789\""));
        assert!(!m.contains("abcdef"));
        assert_eq!(
            redact_value("ghp_abcdefghijklmnopqrstuvwxyz0123456789"),
            "ghp_…6789"
        );
    }
}
