//! Renderers: turn the model and diagnostics into text. They write to any `io::Write`;
//! the caller chooses the stream (the library never prints).

pub mod concise;
pub mod summary;
