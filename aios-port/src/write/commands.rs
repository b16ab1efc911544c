//! Sync of commands: placeholder, filled in by the commands writer.

use crate::sync::plan::Planner;
use crate::vendor::Vendor;

/// Plans the commands of `primary` for `target`.
pub(crate) fn plan(_p: &mut Planner<'_>, _primary: Vendor, _target: Vendor) {}
