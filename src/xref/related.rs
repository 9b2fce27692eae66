//! Related codes: the nearest codes of other vendors in the same category,
//! and same-vendor codes sharing a name stem. (Being written.)

use super::Assigned;
use crate::model::Catalog;

/// How many related codes a page shows at most.
pub const LIMIT: usize = 8;

/// A code related to another, by its indices in the catalog.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Related {
    pub vendor: usize,
    pub record: usize,
    pub why: Why,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Why {
    /// Another vendor's code of the same category with similar words.
    Similar,
    /// A code of the same vendor whose name shares this stem: `InvalidService`.
    NameStem(String),
}

/// `related[vendor][record]`: each code's related codes, best first.
pub fn related(
    catalog: &Catalog,
    _categories: &[Vec<Assigned>],
    _limit: usize,
) -> Vec<Vec<Vec<Related>>> {
    catalog
        .vendors
        .iter()
        .map(|v| vec![Vec::new(); v.records.len()])
        .collect()
}
