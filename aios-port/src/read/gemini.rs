//! Placeholder: filled in by the gemini reader.

use crate::read::LoadCx;

/// Reads the gemini files of the workspace.
pub(crate) fn read(_cx: &mut LoadCx) {}
