//! Cross-reference: what the catalog's codes have in common across vendors —
//! the kind of failure each code is, which codes are related, and where the
//! sources contradict each other.
//!
//! A stage between ingest and render: it reads the [`Catalog`] and returns
//! an [`Xref`] beside it; render reads both, as one [`Checked`].

pub mod category;
pub mod check;
pub mod related;
mod words;

use rayon::prelude::*;

use crate::diagnostic::Diagnostic;
use crate::model::Catalog;
use crate::timings::Laps;

pub use self::category::{Assigned, Categorizer, CategoryInfo, Reason};
pub use self::related::{Related, Why};

/// Everything derived from the catalog, indexed like it:
/// `categories[vendor][record]`.
#[derive(Debug)]
pub struct Xref {
    pub categorizer: Categorizer,
    pub categories: Vec<Vec<Assigned>>,
    pub related: Vec<Vec<Vec<Related>>>,
}

/// Categorises every code and finds its related codes.
///
/// With `ERRDOCS_TIMINGS` set, prints how long each part took to stderr
/// ([`Laps`]): how the related stage's share of a build is measured.
pub fn cross_reference(catalog: &Catalog) -> Xref {
    let mut laps = Laps::start("xref");
    let categorizer = Categorizer::builtin();
    let categories: Vec<Vec<Assigned>> = catalog
        .vendors
        .par_iter()
        .map(|vendor| {
            vendor
                .records
                .iter()
                .map(|record| categorizer.assign(vendor, record))
                .collect()
        })
        .collect();
    laps.lap("categories");
    let related = related::related(catalog, &categories, related::LIMIT);
    laps.lap("related codes");
    Xref {
        categorizer,
        categories,
        related,
    }
}

/// A catalog read and cross-referenced, with everything worth telling
/// about it: what `errdocs check` reports and `errdocs build` renders.
#[derive(Debug)]
pub struct Checked {
    pub catalog: Catalog,
    pub xref: Xref,
    /// Ingest's diagnostics, then the consistency report's.
    pub diagnostics: Vec<Diagnostic>,
}

/// The consistency report over a catalog: see [`check::check`].
pub fn check(catalog: &Catalog, input: &std::path::Path, all: bool) -> Vec<Diagnostic> {
    check::check(catalog, input, all)
}
