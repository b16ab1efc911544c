//! Sync of plugins: placeholder, filled in by the plugins writer.

use crate::sync::plan::Planner;
use crate::vendor::Vendor;

/// Plans the plugins of `primary` for `target`.
pub(crate) fn plan(_p: &mut Planner<'_>, _primary: Vendor, _target: Vendor) {}
