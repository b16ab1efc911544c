//! `LintContext`: what a rule reports into.

use crate::diagnostic::Diagnostic;
use crate::vendor::VendorSet;
use crate::workspace::Workspace;

/// Collects the findings of the rules of one `check` run.
pub struct LintContext<'a> {
    ws: &'a Workspace,
    vendors: VendorSet,
    diagnostics: Vec<Diagnostic>,
}

impl<'a> LintContext<'a> {
    /// A context over `ws`.
    pub fn new(ws: &'a Workspace, vendors: VendorSet) -> Self {
        LintContext {
            ws,
            vendors,
            diagnostics: Vec::new(),
        }
    }

    /// The vendors the workspace must work with (drift and portability are judged against them).
    pub fn vendors(&self) -> VendorSet {
        self.vendors
    }

    /// The workspace being checked.
    pub fn workspace(&self) -> &'a Workspace {
        self.ws
    }

    /// Reports a finding.
    pub fn report(&mut self, d: Diagnostic) {
        self.diagnostics.push(d);
    }

    /// The findings reported so far.
    pub fn into_diagnostics(self) -> Vec<Diagnostic> {
        self.diagnostics
    }
}
