//! The consistency report: where a vendor's sources contradict or fall
//! short of each other. (Being written.)

use std::path::Path;

use crate::diagnostic::Diagnostic;
use crate::model::Catalog;

/// Warnings about the catalog read from `input`, each at a source line.
pub fn check(_catalog: &Catalog, _input: &Path) -> Vec<Diagnostic> {
    Vec::new()
}
