//! errdocs turns vendors' error-code tables into a static, bilingual,
//! cross-referenced documentation site.
//!
//! Three stages, one direction: [`ingest`] reads `input/` into a
//! [`model::Catalog`], [`render`] writes the site from it.

pub mod diagnostic;
pub mod fs;
pub mod ingest;
pub mod model;
