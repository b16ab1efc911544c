//! Sync of skills: placeholder, filled in by the skills writer.

use crate::sync::plan::Planner;
use crate::vendor::Vendor;

/// Plans the skills of `primary` for `target`.
pub(crate) fn plan(_p: &mut Planner<'_>, _primary: Vendor, _target: Vendor) {}
