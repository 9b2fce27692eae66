//! Catalogs published as prose: lists of `CODE message` lines (`lines.rs`).

pub(crate) mod lines;
