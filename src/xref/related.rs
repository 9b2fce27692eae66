//! Related codes: for each code, the codes a reader who landed on it would
//! want to see, at its own vendor and at others, each with its reason.
//!
//! One scoring model, in two scopes. Every code becomes a set of features
//! (`tokens`): the words of its symbolic name (`InvalidServiceToken` →
//! invalid, service, token) and of its English texts, the character
//! bigrams of its Chinese texts (`实例未找到` → 实例, 例未, 未找, 找到), the
//! vendor's texts and the reviewed translations alike; the concepts of the
//! key-term glossary (`key-terms.toml`) it names, in either language, which
//! are what it is *about* (`secret key` for "Create secret key error" and
//! 删除密钥失败 alike); its name stems (`vol_ss` of `VOL_SS_CREATE_FAILED`);
//! and each whole text. A pair's score is the cosine of their features,
//! each weighing its rarity in the scope squared (smoothed idf; an object
//! [`OBJECT_WEIGHT`] times more, but a field of other things, an owner or
//! a port, no more than a word; a stem of a fifth of the scope's codes
//! nothing, an identical text added to the dot product without lengthening
//! either code), times how far they are about the same objects
//! (`Corpus::agreement`, a field counting [`FIELD_WEIGHT`] of the things
//! it belongs to), so a pair follows its object, not its verb or a field.
//!
//! The scopes are where two codes can meet (`corpus::Scope`): other
//! vendors' codes of the same category, rarity counted in the category,
//! and the vendor's own codes of any category, rarity counted in the
//! vendor. The pairs each code finds in either scope are offered to both of
//! its codes; a page lists its best [`LIMIT`] of them at or above
//! [`MIN_SIMILARITY`], half the places kept for each scope while it has
//! candidates (scores of two scopes do not compare), and a reason for
//! each ([`Why`]).
//!
//! Similar codes are found the way a search engine finds documents, never by
//! comparing all pairs: a code's candidates are the codes in the postings
//! lists of its features, each accumulating its share of the cosine, rarest
//! list first, while the lists fit in [`SCAN_BUDGET`] postings. The lists
//! left are the scope's commonest features: every code carries them as a bit
//! set, and a candidate's share of them is a few bit operations. A bounded
//! heap keeps the best `limit`.
//!
//! For `N` codes of at most `T` features each, a code's search costs
//! `O(T log N + SCAN_BUDGET · log limit)`, whatever the words and however
//! large its scope; building an index is `O(N · T)`, and merging the pairs
//! of both scopes is a sort of `O(N · limit)` of them. So the whole is
//! `O(N log N)` at worst, near linear.
//!
//! The search is `corpus`, the features it compares are `tokens`.

mod corpus;
mod tokens;

#[cfg(test)]
mod tests;

use std::collections::HashMap;
use std::sync::OnceLock;

use rayon::prelude::*;

use self::corpus::{Corpus, NONE, Scope, Scored};
use self::tokens::{Features, Kind, features, stem_hash, stems};
use super::Assigned;
use super::check::key_terms::KeyTerms;
use crate::model::{Catalog, Record, TextField, Vendor};

/// How many related codes a page shows at most.
pub const LIMIT: usize = 8;

/// The least cosine similarity at which two codes are related. Below it
/// two codes share little more than a common word: on the seeds, 0.1 to
/// 0.2 holds pairs like "Application name is empty" ~ "invalid service
/// name", through "name" and 名称 alone.
pub const MIN_SIMILARITY: f32 = 0.12;

/// How much more than a word of the same rarity an object of the
/// glossary weighs: what a code is about says more than what went wrong
/// with it (the verb, "delete", "not found").
pub const OBJECT_WEIGHT: f32 = 2.0;

/// How much an object that is a field of other things (`field` in the
/// glossary: an owner, a port, a version) weighs against the things it
/// belongs to, in how far two codes are about the same things.
pub const FIELD_WEIGHT: f32 = 0.5;

/// How much of their similarity two codes of one vendor keep when they
/// name different objects: see `Corpus::agreement`.
pub const SIBLING_FLOOR: f32 = 0.4;

/// The share of a vendor's codes at which a name stem stops telling its
/// codes apart: `Invalid_Service` may be a family, `Not_Found` of a fifth
/// of the names is a way of naming.
pub const STEM_SHARE: f32 = 0.2;

/// Postings one code may read to find its candidates: the bound that keeps
/// the work per code constant however large the catalog grows. On a
/// synthetic 100,000-code catalog it finds 99% of what comparing every pair
/// finds; half of it, 92%.
pub const SCAN_BUDGET: usize = 2048;

/// The share of a list's places kept for each side, the vendor's own
/// codes and other vendors', while that side has candidates: see
/// `shared_places`.
pub const OTHERS_SHARE: f32 = 0.5;

/// A code related to another, by its indices in the catalog.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Related {
    pub vendor: usize,
    pub record: usize,
    pub why: Why,
}

/// Why a code is related, as a page tells it: the strongest of what the
/// two codes share.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Why {
    /// Another vendor's code of the same category with similar words, in
    /// either language.
    Similar,
    /// A code of the same vendor with the very same text.
    SameText,
    /// A code of the same vendor whose name shares this stem: `InvalidService`.
    NameStem(String),
    /// A code of the same vendor about the same thing, a concept of the
    /// glossary, named in English and Chinese.
    SameObject { en: &'static str, zh: &'static str },
    /// A code of the same vendor in the same section of its reference.
    SameGroup,
    /// A code of the same vendor with similar words.
    SimilarText,
}

/// The key-term glossary, read once: the objects codes are about.
fn key_terms() -> &'static KeyTerms {
    static TERMS: OnceLock<KeyTerms> = OnceLock::new();
    TERMS.get_or_init(KeyTerms::builtin)
}

/// A candidate pair, from `from`'s side, by flat catalog index.
#[derive(Debug, Clone, Copy)]
struct Edge {
    from: u32,
    to: u32,
    score: f32,
}

/// `related[vendor][record]`: each code's related codes, at most `limit`.
/// `categories` is indexed like the catalog; a code it lacks counts as
/// UNKNOWN.
///
/// One score per pair, the cosine of their weighted features in the
/// scope they meet in: other vendors' codes of the same category, or the
/// vendor's own codes. Each code's best `limit` in each scope are found by
/// [`Corpus::similar`], and each pair is offered to both its codes, so a
/// list names the codes whose lists name it wherever the cap allows. A
/// list is the best `limit` of what it is offered, the best first, ties
/// in catalog order: the same catalog always gives the same lists, and a
/// code is never its own relative.
pub fn related(
    catalog: &Catalog,
    categories: &[Vec<Assigned>],
    limit: usize,
) -> Vec<Vec<Vec<Related>>> {
    let features = all_features(catalog);
    let search = |scope| {
        let corpus = Corpus::new(catalog, categories, &features, scope);
        let similar = corpus.similar(limit, SCAN_BUDGET);
        (corpus, similar)
    };
    let (across, within) = rayon::join(|| search(Scope::Category), || search(Scope::Vendor));

    let mut start = Vec::with_capacity(catalog.vendors.len() + 1);
    start.push(0u32);
    for vendor in &catalog.vendors {
        start.push(start[start.len() - 1] + vendor.records.len() as u32);
    }
    let flat = |(v, r): (usize, usize)| start[v] + r as u32;
    let mut edges: Vec<Edge> = Vec::new();
    for (corpus, similar) in [&across, &within] {
        for (g, best) in similar.chunks(limit.max(1)).enumerate().take(corpus.len()) {
            let from = flat(corpus.locate(g));
            for &Scored { code, score } in best.iter().take_while(|s| s.code != NONE) {
                let to = flat(corpus.locate(code as usize));
                edges.push(Edge { from, to, score });
                edges.push(Edge {
                    from: to,
                    to: from,
                    score,
                });
            }
        }
    }
    drop((across, within));
    edges.par_sort_unstable_by(|a, b| {
        (a.from.cmp(&b.from))
            .then(b.score.total_cmp(&a.score))
            .then(a.to.cmp(&b.to))
    });
    edges.dedup_by_key(|e| (e.from, e.to));

    let stem_counts: Vec<HashMap<u64, u32>> = features
        .par_iter()
        .map(|codes| {
            let mut counts = HashMap::new();
            let stems = codes.iter().flat_map(|f| f.hashes.iter());
            for &h in stems.filter(|&&h| Kind::of(h) == Kind::Stem) {
                *counts.entry(h).or_insert(0) += 1;
            }
            counts
        })
        .collect();
    let locate = |i: u32| {
        let v = start.partition_point(|&s| s <= i) - 1;
        (v, (i - start[v]) as usize)
    };
    let mut related: Vec<Vec<Vec<Related>>> = catalog
        .vendors
        .iter()
        .map(|v| vec![Vec::new(); v.records.len()])
        .collect();
    related.par_iter_mut().enumerate().for_each(|(v, lists)| {
        let vendor = &catalog.vendors[v];
        let (lo, hi) = (start[v], start[v + 1]);
        let a = edges.partition_point(|e| e.from < lo);
        let b = edges.partition_point(|e| e.from < hi);
        for run in edges[a..b].chunk_by(|x, y| x.from == y.from) {
            let r = (run[0].from - lo) as usize;
            lists[r] = shared_places(run, limit, |e| (lo..hi).contains(&e.to))
                .map(|e| {
                    let (ov, or) = locate(e.to);
                    let why = if ov == v {
                        why_siblings(vendor, &features[v], &stem_counts[v], r, or)
                    } else {
                        Why::Similar
                    };
                    Related {
                        vendor: ov,
                        record: or,
                        why,
                    }
                })
                .collect();
        }
    });
    related
}

/// The best `limit` of a code's candidates, best first, with
/// [`OTHERS_SHARE`] of the places kept for each side, the vendor's own
/// codes and other vendors', as long as that side has candidates to fill
/// them. The two sides' scores are cosines in two different scopes and do
/// not compare: a vendor's family of near-identical codes ("Param
/// invalid", "Params invalid", "Invalid parameters") outscores any other
/// vendor's code, and would crowd out the other vendors' "Invalid
/// parameter" a reader who landed on the wrong vendor wants most. A list
/// that leaves out a candidate is full, so a pair is still listed both
/// ways where the cap allows.
fn shared_places(
    run: &[Edge],
    limit: usize,
    own: impl Fn(&Edge) -> bool,
) -> impl Iterator<Item = &Edge> {
    let keep = (limit as f32 * OTHERS_SHARE) as usize;
    let owns = run.iter().filter(|e| own(e)).count();
    let cap = |other: usize| limit - keep.min(other).min(limit);
    let (own_cap, others_cap) = (cap(run.len() - owns), cap(owns));
    let (mut owned, mut others) = (0, 0);
    run.iter()
        .filter(move |e| {
            let (taken, cap) = if own(e) {
                (&mut owned, own_cap)
            } else {
                (&mut others, others_cap)
            };
            *taken += 1;
            *taken <= cap
        })
        .take(limit)
}

/// Every code's features, indexed like the catalog.
fn all_features(catalog: &Catalog) -> Vec<Vec<Features>> {
    let terms = key_terms();
    catalog
        .vendors
        .par_iter()
        .map(|v| v.records.iter().map(|r| features(r, terms)).collect())
        .collect()
}

/// Whether a name stem shared by `count` of a scope's `n` codes tells
/// them apart: fewer than [`STEM_SHARE`] of them, or just two.
fn telling_stem(count: u32, n: u32) -> bool {
    count <= 2 || (count as f32) < STEM_SHARE * n as f32
}

/// Why two codes of one vendor are related: the very same text, else a
/// name stem that tells codes apart, else an object both name, else one
/// section of the reference, else their words.
fn why_siblings(
    vendor: &Vendor,
    features: &[Features],
    stem_counts: &HashMap<u64, u32>,
    a: usize,
    b: usize,
) -> Why {
    let (fa, fb) = (&features[a], &features[b]);
    let shared = |kind: Kind| {
        fa.hashes
            .iter()
            .any(|&h| Kind::of(h) == kind && fb.hashes.binary_search(&h).is_ok())
    };
    if shared(Kind::Text) {
        return Why::SameText;
    }
    let n = vendor.records.len() as u32;
    if let (Some(name), Some(_)) = (&vendor.records[a].name, &vendor.records[b].name) {
        let stem = stems(name).into_iter().rev().find(|(_, key)| {
            let h = stem_hash(key);
            fb.hashes.binary_search(&h).is_ok()
                && telling_stem(stem_counts.get(&h).copied().unwrap_or(0), n)
        });
        if let Some((end, _)) = stem {
            return Why::NameStem(name[..end].to_owned());
        }
    }
    if let Some(&o) = fa
        .objects
        .iter()
        .find(|o| fb.objects.binary_search(o).is_ok())
    {
        let concept = &key_terms().concepts[o as usize];
        return Why::SameObject {
            en: &concept.id,
            zh: concept.zh.as_deref().unwrap_or(&concept.id),
        };
    }
    let group = |r: usize| &vendor.records[r].group;
    let (ga, gb) = (group(a), group(b));
    if (!ga.en.is_empty() || !ga.zh.is_empty()) && ga == gb {
        return Why::SameGroup;
    }
    Why::SimilarText
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
