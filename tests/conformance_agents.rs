//! Conformance of synced agents with the real vendor CLIs (see conformance.rs for how these
//! tests run). Filled in by the agents writer.

mod support;
