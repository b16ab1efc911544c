//! `check`: run the rule catalogue over a loaded workspace.
//!
//! Rules never do I/O: they read the [`Workspace`] (model, sources, file index) and report
//! through a [`LintContext`]. Findings from reading (unparseable files, schema violations, ...)
//! belong to rules of the validity category too; they are filtered by the same selection.

pub mod context;
pub mod prompts;
pub mod registry;
pub mod rules;
pub mod selection;

use serde::Serialize;

pub use context::LintContext;
pub use registry::{RULES, lookup};
pub use selection::{RuleSelection, SelectionError};

use crate::diagnostic::{Diagnostic, Severity};
use crate::vendor::VendorSet;
use crate::workspace::Workspace;

/// The group a rule belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Category {
    /// A vendor will reject, skip or misread a file (AP0xx).
    Validity,
    /// The vendors present are configured differently (AP1xx).
    Drift,
    /// A construct another vendor cannot express (AP2xx).
    Portability,
    /// A risk to the user: secrets, hidden text, unpinned code, bypassed guard-rails (AP3xx).
    Security,
}

impl Category {
    /// Lowercase name, as accepted by `--select`.
    pub fn name(self) -> &'static str {
        match self {
            Category::Validity => "validity",
            Category::Drift => "drift",
            Category::Portability => "portability",
            Category::Security => "security",
        }
    }
}

/// Static facts about a rule.
#[derive(Debug, Serialize)]
pub struct RuleMeta {
    /// Stable code (`AP101`); never reused once retired.
    pub code: &'static str,
    /// Kebab-case name naming the flagged pattern (`mcp-server-missing`).
    pub name: &'static str,
    /// Category.
    pub category: Category,
    /// Default severity.
    pub severity: Severity,
    /// One-line summary.
    pub summary: &'static str,
    /// Full documentation: What it does / Why is this bad? / Example / How to fix / References.
    #[serde(skip)]
    pub doc: &'static str,
    /// Whether the findings come from reading the workspace rather than from `check`.
    pub from_loader: bool,
}

/// A rule: metadata and a check over the workspace.
pub trait Rule: Sync {
    /// The rule's metadata.
    fn meta(&self) -> &'static RuleMeta;
    /// Reports findings. Rules whose findings come from the loader do nothing here.
    fn check(&self, ws: &Workspace, cx: &mut LintContext<'_>);
}

/// The result of `check`.
#[derive(Debug, Clone, Default, Serialize)]
pub struct CheckReport {
    /// Findings, sorted by file, position and code.
    pub diagnostics: Vec<Diagnostic>,
}

impl CheckReport {
    /// Number of findings at `severity`.
    pub fn count(&self, severity: Severity) -> usize {
        self.diagnostics
            .iter()
            .filter(|d| d.severity == severity)
            .count()
    }

    /// The most severe finding, if any.
    pub fn max_severity(&self) -> Option<Severity> {
        self.diagnostics.iter().map(|d| d.severity).max()
    }
}

/// What `check` runs and compares.
#[derive(Debug, Clone, Default)]
pub struct CheckOptions {
    /// The rules to run.
    pub selection: RuleSelection,
    /// The vendors drift and portability are judged against (`targets` plus `primary` in
    /// `aios-port.toml`); None: the vendors with configuration in the workspace.
    pub vendors: Option<VendorSet>,
}

/// Runs the selected rules over `ws`, including the selected findings of the loader.
pub fn check(ws: &Workspace, options: &CheckOptions) -> CheckReport {
    let selection = &options.selection;
    let vendors = options.vendors.unwrap_or_else(|| ws.vendors_present());
    let mut cx = LintContext::new(ws, vendors);
    for rule in RULES {
        let meta = rule.meta();
        if selection.enabled(meta) && !meta.from_loader {
            rule.check(ws, &mut cx);
        }
    }
    let mut diagnostics: Vec<Diagnostic> = ws
        .diagnostics
        .iter()
        .filter(|d| lookup(d.code).is_none_or(|m| selection.enabled(m)))
        .cloned()
        .collect();
    diagnostics.extend(cx.into_diagnostics());
    diagnostics.sort_by(|a, b| {
        let pa = &ws.sources.get(a.primary.origin.file).path;
        let pb = &ws.sources.get(b.primary.origin.file).path;
        (pa, a.primary.origin.start, a.code, &a.message).cmp(&(
            pb,
            b.primary.origin.start,
            b.code,
            &b.message,
        ))
    });
    diagnostics.dedup();
    CheckReport { diagnostics }
}
