//! Sync of permissions: placeholder, filled in by the permissions writer.

use crate::sync::plan::Planner;
use crate::vendor::Vendor;

/// Plans the permissions of `primary` for `target`.
pub(crate) fn plan(_p: &mut Planner<'_>, _primary: Vendor, _target: Vendor) {}
