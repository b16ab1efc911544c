//! Corpus tests (filled later).
