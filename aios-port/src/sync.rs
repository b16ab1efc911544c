//! `sync`: write the primary vendor's configuration for every other vendor.
//!
//! The whole change set is planned in memory first ([`plan`]); [`apply`] then writes each
//! changed file atomically. Losses (what a target cannot express) and conflicts (hand edits
//! since the last sync, files aios-port does not own) are part of the plan.

pub mod apply;
pub mod diff;
pub mod edit;
pub mod lock;
pub mod plan;

pub use apply::{ApplyError, apply};
pub use plan::{Conflict, FileChange, Strategy, SyncError, SyncOptions, SyncPlan, plan};
