//! Unified diffs of planned changes (`a/` and `b/` headers, three lines of context).

use similar::TextDiff;

use crate::sync::plan::FileChange;

/// The unified diff of one change.
pub fn unified(c: &FileChange) -> String {
    let before = c.before.as_deref().unwrap_or("");
    let after = match &c.symlink {
        Some(t) => format!("(symlink to {t})\n"),
        None => c.after.clone(),
    };
    let old = if c.before.is_some() {
        format!("a/{}", c.path)
    } else {
        "/dev/null".to_string()
    };
    TextDiff::from_lines(before, &after)
        .unified_diff()
        .context_radius(3)
        .header(&old, &format!("b/{}", c.path))
        .to_string()
}
