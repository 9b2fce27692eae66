//! errdocs turns vendors' error-code tables into a static, bilingual,
//! cross-referenced documentation site.
//!
//! The stages run one way: [`ingest`] reads `input/` into a
//! [`model::Catalog`]; [`xref`] derives categories, related codes and the
//! consistency report from it ([`xref::Checked`]); [`render`] turns that
//! into the site's files, which [`output`] swaps in as a whole; [`history`]
//! reads the recorded releases and tells what changed between them. [`build`]
//! runs them in order and [`serve`] builds and serves the site while its
//! input is edited; [`explain`] prints the codes a pasted line names, found
//! by the site's own search script; [`timings`] times the stages; the command line is the binary's. No module uses one
//! above it (`tests/suite/layout.rs` lists the edges allowed).

pub mod build;
pub mod config;
pub mod diagnostic;
pub mod explain;
pub mod fs;
pub mod history;
pub mod ingest;
pub mod model;
pub mod output;
pub mod project;
pub mod render;
pub mod serve;
pub mod timings;
pub mod xref;
