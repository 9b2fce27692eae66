//! errdocs turns vendors' error-code tables into a static, bilingual,
//! cross-referenced documentation site.
//!
//! Three stages, one direction: [`ingest`] reads `input/` into a
//! [`model::Catalog`], [`render`] writes the site from it; [`build`] runs
//! both and [`cli`] is what the user types; [`serve`] builds and serves
//! the site while its input is edited.

pub mod build;
pub mod diagnostic;
pub mod fs;
pub mod ingest;
pub mod model;
pub mod output;
pub mod render;
pub mod serve;
pub mod xref;
