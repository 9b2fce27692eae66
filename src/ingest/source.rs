//! Catalogs published as source code: constants (`constants.rs`).

pub(crate) mod constants;
