//! Writers: the neutral model rendered as each vendor's entries. A writer returns the value
//! to put in the target file and the losses (what the target cannot express); files are
//! edited by [`crate::sync`].

pub(crate) mod agents;
pub(crate) mod commands;
pub(crate) mod encode;
pub mod hooks;
pub mod mcp;
pub(crate) mod permissions;
pub(crate) mod plugins;
pub(crate) mod skills;

use serde::Serialize;

use crate::source::Origin;
use crate::vendor::Vendor;

/// Something a target vendor cannot express.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Loss {
    /// The target vendor.
    pub target: Vendor,
    /// Where the construct is in the source.
    pub origin: Origin,
    /// What is lost.
    pub what: String,
    /// Why.
    pub why: String,
    /// What to do.
    pub help: String,
    /// The whole item is not written (otherwise one field is dropped).
    pub skipped: bool,
    /// A guard-rail would fail open: never written, even with `--allow-lossy`.
    pub refused: bool,
}

impl Loss {
    /// A loss of one field or detail; the item is still written.
    pub fn field(
        target: Vendor,
        origin: Origin,
        what: impl Into<String>,
        why: impl Into<String>,
        help: impl Into<String>,
    ) -> Self {
        Loss {
            target,
            origin,
            what: what.into(),
            why: why.into(),
            help: help.into(),
            skipped: false,
            refused: false,
        }
    }

    /// The item cannot be written for the target.
    #[must_use]
    pub fn skip(mut self) -> Self {
        self.skipped = true;
        self
    }

    /// A guard-rail that would fail open: refused always.
    #[must_use]
    pub fn refuse(mut self) -> Self {
        self.skipped = true;
        self.refused = true;
        self
    }
}
