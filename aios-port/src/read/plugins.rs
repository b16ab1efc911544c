//! Placeholder: filled in by the plugins reader.

use crate::read::LoadCx;

/// Reads the plugins files of the workspace.
pub(crate) fn read(_cx: &mut LoadCx) {}
