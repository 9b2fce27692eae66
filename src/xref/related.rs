//! Related codes: for each code, the nearest codes of other vendors in the
//! same category, and the same vendor's codes that share a name stem.
//!
//! Similar codes are found the way a search engine finds documents, never by
//! comparing all pairs:
//!
//! 1. Every code becomes a set of tokens: the words of its symbolic name
//!    (`InvalidServiceToken` → invalid, service, token), the words of its
//!    English texts, and the character bigrams of its Chinese texts
//!    (`实例未找到` → 实例, 例未, 未找, 找到), the vendor's texts and the
//!    reviewed translations alike. Names and English texts share one
//!    vocabulary, so a name is a bridge to another vendor's English.
//! 2. A token weighs its inverse document frequency in the code's category
//!    (smoothed: `1 + ln((n + 1) / (df + 1))`): only codes of one category
//!    are ever compared, and what tells them apart is not what they all say.
//!    In NOT_FOUND, "not found" and 未找到 weigh little and "service" and 服务
//!    a lot, so "not found service" meets "Micro-service does not exist".
//!    Two codes are as similar as the cosine of their weighted token sets.
//! 3. A code's candidates are the other vendors' codes in the postings lists
//!    of its tokens, each accumulating its share of the cosine, rarest list
//!    first, while the lists fit in [`SCAN_BUDGET`] postings. The lists left
//!    are the category's commonest tokens: every code carries them as a bit
//!    set, and a candidate's share of them is a few bit operations.
//! 4. A bounded heap keeps the best `limit` at or above [`MIN_SIMILARITY`].
//!
//! For `N` codes of at most `T` tokens each, a code's search costs
//! `O(T log N + SCAN_BUDGET · log limit)`, whatever the words and however
//! large its category; building the index is `O(N · T)`. So the whole is
//! `O(N log N)` at worst, near linear: 100,000 codes in one category cost
//! little more per code than 100.
//!
//! Name stems need no search: each stem of at least two words (`VOL_SS` of
//! `VOL_SS_CREATE_FAILED`) is hashed, and sorting the (stem, code) pairs
//! groups the codes of each stem; `O(W log W)` for `W` words in all names.
//!
//! The search is `corpus`, the tokens it compares are `tokens`, and the
//! name stems are `stems`.

mod corpus;
mod stems;
mod tokens;

#[cfg(test)]
mod tests;

use rayon::prelude::*;

use self::corpus::{Corpus, NONE};
use self::stems::stem_siblings;
use super::Assigned;
use crate::model::{Catalog, Record, TextField};

/// How many related codes a page shows at most.
pub const LIMIT: usize = 8;

/// The least cosine similarity at which another vendor's code is related.
/// Below it two codes share little more than a common word: on the seeds,
/// 0.1 to 0.2 holds pairs like "Application name is empty" ~ "invalid
/// service name", through "name" and 名称 alone.
pub const MIN_SIMILARITY: f32 = 0.2;

/// Postings one code may read to find its candidates: the bound that keeps
/// the work per code constant however large the catalog grows. On a
/// synthetic 100,000-code catalog it finds 99% of what comparing every pair
/// finds; half of it, 92%.
pub const SCAN_BUDGET: usize = 2048;

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

/// `related[vendor][record]`: each code's related codes, at most `limit`.
/// `categories` is indexed like the catalog; a code it lacks counts as
/// UNKNOWN.
///
/// Other vendors' similar codes come first, most similar first; then the
/// vendor's own codes sharing a name stem, longest stem first and in code
/// order within a stem. When both kinds have more than enough, each gets
/// half the slots (the odd one to similar codes); when one has fewer, the
/// other takes the rest. Ties are broken by catalog order, so the same
/// catalog always gives the same lists, and a code is never its own
/// relative.
pub fn related(
    catalog: &Catalog,
    categories: &[Vec<Assigned>],
    limit: usize,
) -> Vec<Vec<Vec<Related>>> {
    // Stems run beside the index, whose interning is sequential.
    let ((corpus, similar), stems) = rayon::join(
        || {
            let corpus = Corpus::new(catalog, categories);
            let similar = corpus.similar(limit, SCAN_BUDGET);
            (corpus, similar)
        },
        || {
            let stems = catalog.vendors.par_iter();
            stems
                .map(|vendor| stem_siblings(vendor, limit))
                .collect::<Vec<_>>()
        },
    );
    stems
        .into_par_iter()
        .enumerate()
        .map(|(v, stems)| {
            stems
                .into_iter()
                .enumerate()
                .map(|(r, stems)| {
                    let g = corpus.number[v][r] as usize;
                    let similar = &similar[g * limit..][..limit];
                    let similar = similar.iter().take_while(|&&g| g != NONE);
                    // Each kind gets half the slots, and what the other leaves.
                    let similar_slots = limit.div_ceil(2).max(limit.saturating_sub(stems.len()));
                    let similar_count = similar.clone().take(similar_slots).count();
                    let stem_count = stems.len().min(limit - similar_count);
                    let mut related = Vec::with_capacity(similar_count + stem_count);
                    related.extend(similar.take(similar_count).map(|&g| {
                        let (vendor, record) = corpus.locate(g as usize);
                        Related {
                            vendor,
                            record,
                            why: Why::Similar,
                        }
                    }));
                    related.extend(stems.into_iter().take(stem_count).map(|(record, stem)| {
                        Related {
                            vendor: v,
                            record,
                            why: Why::NameStem(stem),
                        }
                    }));
                    related
                })
                .collect()
        })
        .collect()
}

/// The texts a code is matched on besides its name: the vendor's, then the
/// documentation team's translations, which are what bridges a vendor that
/// writes only Chinese to one that writes only English. Everything yielded
/// is tokenised alike, whatever its language; more sources go here.
fn texts(record: &Record) -> impl Iterator<Item = &str> {
    let vendor = record.messages.iter().map(|m| m.text.as_str());
    let translated = record
        .translations
        .iter()
        .filter(|t| t.field == TextField::Message);
    vendor.chain(translated.map(|t| t.text.as_str()))
}
