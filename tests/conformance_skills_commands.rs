//! Conformance of synced skills commands with the real vendor CLIs (see conformance.rs for how these
//! tests run). Filled in by the skills commands writer.

mod support;
