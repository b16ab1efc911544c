//! Sync of agents: placeholder, filled in by the agents writer.

use crate::sync::plan::Planner;
use crate::vendor::Vendor;

/// Plans the agents of `primary` for `target`.
pub(crate) fn plan(_p: &mut Planner<'_>, _primary: Vendor, _target: Vendor) {}
