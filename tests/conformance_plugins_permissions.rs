//! Conformance of synced plugins permissions with the real vendor CLIs (see conformance.rs for how these
//! tests run). Filled in by the plugins permissions writer.

mod support;
