//! Catalogs published as prose: lists of `CODE message` lines
//! (`lines.rs`), and pages with a heading per code (`headings.rs`).

pub(crate) mod headings;
pub(crate) mod lines;
