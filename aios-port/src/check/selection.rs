//! Which rules run: `--select` / `--ignore` by code, code prefix, name or category.

use std::fmt;

use crate::check::{RULES, RuleMeta};

/// The rules enabled for a run. Empty `select` means every rule.
#[derive(Debug, Clone, Default)]
pub struct RuleSelection {
    select: Vec<String>,
    ignore: Vec<String>,
}

/// A selector that names no rule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SelectionError {
    /// The selector as given.
    pub selector: String,
}

impl fmt::Display for SelectionError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "`{}` matches no rule; use a code (AP101), a code prefix (AP1), a rule name (mcp-server-missing) or a category (validity, drift, portability, security); `aios-port rules` lists them",
            self.selector
        )
    }
}

impl std::error::Error for SelectionError {}

fn matches(selector: &str, meta: &RuleMeta) -> bool {
    let s = selector.trim();
    s.eq_ignore_ascii_case("all")
        || s.eq_ignore_ascii_case(meta.name)
        || s.eq_ignore_ascii_case(meta.category.name())
        || meta
            .code
            .get(..s.len())
            .is_some_and(|p| p.eq_ignore_ascii_case(s))
}

impl RuleSelection {
    /// A selection from `select` and `ignore` selectors. Each selector must match a rule.
    pub fn new<S: AsRef<str>>(select: &[S], ignore: &[S]) -> Result<Self, SelectionError> {
        let norm = |v: &[S]| -> Result<Vec<String>, SelectionError> {
            v.iter()
                .map(|s| s.as_ref().trim().to_string())
                .filter(|s| !s.is_empty())
                .map(|s| {
                    if RULES.iter().any(|r| matches(&s, r.meta())) {
                        Ok(s)
                    } else {
                        Err(SelectionError { selector: s })
                    }
                })
                .collect()
        };
        Ok(RuleSelection {
            select: norm(select)?,
            ignore: norm(ignore)?,
        })
    }

    /// Every rule.
    pub fn all() -> Self {
        RuleSelection::default()
    }

    /// Whether the rule runs.
    pub fn enabled(&self, meta: &RuleMeta) -> bool {
        (self.select.is_empty() || self.select.iter().any(|s| matches(s, meta)))
            && !self.ignore.iter().any(|s| matches(s, meta))
    }
}
