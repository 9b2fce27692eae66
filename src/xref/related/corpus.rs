//! The scoring corpus: every code as a weighted feature set, an inverted
//! index over them, and the search for each code's most similar codes in
//! its scope: other vendors' codes of its category, or its vendor's.

use std::cmp::{Ordering, Reverse};
use std::collections::{BinaryHeap, HashMap};
use std::hash::{BuildHasherDefault, Hasher};
use std::ops::Range;

use rayon::prelude::*;

use super::tokens::{Features, Kind};
use super::{FIELD_WEIGHT, MIN_SIMILARITY, OBJECT_WEIGHT, SIBLING_FLOOR, key_terms, telling_stem};
use crate::model::{Catalog, Category};
use crate::xref::Assigned;

/// Every code of the catalog as a weighted token set, with an inverted
/// index over them, in one [`Scope`].
///
/// Codes are numbered by scope (category or vendor), then vendor, then
/// record: a scope's codes are one run of numbers, so the accumulators one
/// search touches are close together in memory, and a vendor's codes in a
/// category are a run within it.
///
/// A token is interned per scope: `service` in NOT_FOUND and `service` in
/// INTERNAL are two tokens, since codes are only compared within a scope.
/// So a token's document frequency is its frequency in the scope, and its
/// postings list holds only codes that can be related through it.
pub(super) struct Corpus {
    scope: Scope,
    /// Code `g`'s glossary objects are
    /// `objects[object_starts[g]..object_starts[g + 1]]`, ascending.
    object_starts: Vec<usize>,
    /// Each object with its weight in the scope.
    objects: Vec<(u16, f32)>,
    /// Each code's `sqrt(Σ weight)` over its objects.
    object_norm: Vec<f32>,
    /// Each token's kind.
    kind: Vec<Kind>,
    /// Each code's `(vendor, record)`.
    place: Vec<(u32, u32)>,
    /// The run of numbers of each code's vendor in its category.
    own: Vec<Range<u32>>,
    /// Code `g`'s token ids are `tokens[token_starts[g]..token_starts[g + 1]]`,
    /// ascending.
    token_starts: Vec<usize>,
    tokens: Vec<u32>,
    /// A token's idf squared: what it adds to the dot product of two codes
    /// that share it.
    weight: Vec<f32>,
    /// A token's bit in [`Corpus::common`], for the [`COMMON`] commonest
    /// tokens of each category; [`NO_BIT`] for the others.
    bit: Vec<u8>,
    /// Each code's vector length, `sqrt(Σ weight)` over its tokens.
    norm: Vec<f32>,
    /// Which of its category's commonest tokens each code has.
    common: Vec<u64>,
    /// Token `t`'s postings are `postings[offsets[t]..offsets[t + 1]]`: the
    /// codes that have it, ascending, so one vendor's codes are a run.
    offsets: Vec<usize>,
    postings: Vec<Posting>,
}

/// How many of a category's commonest tokens each code carries as a bit
/// set: the lists too long to read within [`SCAN_BUDGET`](super::SCAN_BUDGET) are these, and a
/// candidate's share of them is then a few bit operations.
const COMMON: usize = 64;
const NO_BIT: u8 = u8::MAX;

/// An empty slot in [`Corpus::similar`]'s answer.
pub(super) const NONE: u32 = u32::MAX;

/// What a feature shared by two codes adds to their dot product: its
/// inverse document frequency in the scope squared (smoothed,
/// `1 + ln((n + 1) / (df + 1))`), an object's times [`OBJECT_WEIGHT`]
/// squared, and nothing for a stem too common to tell codes apart
/// ([`STEM_SHARE`](super::STEM_SHARE): `Invalid` of half a vendor's names).
fn weight(df: u32, n: u32, kind: Kind) -> f32 {
    let idf = ((n as f32 + 1.0) / (df as f32 + 1.0)).ln() + 1.0;
    match kind {
        Kind::Word | Kind::Text => idf * idf,
        Kind::Object => (OBJECT_WEIGHT * idf).powi(2),
        Kind::Stem if telling_stem(df, n) => idf * idf,
        Kind::Stem => 0.0,
    }
}

/// How much of its weight an object keeps in [`Corpus::agreement`]: all
/// of it, but a field of other things (an owner, a port, a version)
/// [`FIELD_WEIGHT`] squared. The owner and the port of one service are
/// one family; the ports of an instance and of a service are not, nor
/// are another vendor's "port format" and an instance's port.
fn field_share(object: u16) -> f32 {
    if key_terms().concepts[object as usize].field {
        FIELD_WEIGHT * FIELD_WEIGHT
    } else {
        1.0
    }
}

/// A code in a postings list, with its `1 / norm` at hand rather than a
/// cache miss away.
#[derive(Debug, Clone, Copy, Default)]
struct Posting {
    code: u32,
    inverse_norm: f32,
}

/// Which codes a corpus compares: a scope's codes are only ever compared
/// with each other, and its features' rarity is counted within it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Scope {
    /// Other vendors' codes of the same category: what tells two codes of
    /// a category apart is not what the category's codes all say.
    Category,
    /// The vendor's own codes, of any category: what is rare at one vendor
    /// is what its codes are about.
    Vendor,
}

impl Corpus {
    pub(super) fn new(
        catalog: &Catalog,
        categories: &[Vec<Assigned>],
        features: &[Vec<Features>],
        scope: Scope,
    ) -> Corpus {
        let mut codes = Vec::with_capacity(catalog.code_count());
        for (v, vendor) in catalog.vendors.iter().enumerate() {
            let assigned = categories.get(v).map_or(&[][..], Vec::as_slice);
            for (r, _) in vendor.records.iter().enumerate() {
                let category = assigned.get(r).map_or(Category::Unknown, |a| a.category);
                let key = match scope {
                    Scope::Category => category as u32,
                    Scope::Vendor => v as u32,
                };
                // The catalog cannot hold 2³² codes in memory, so indices fit.
                codes.push((key, v as u32, r as u32, &features[v][r]));
            }
        }
        codes.sort_by_key(|&(key, v, r, _)| (key, v, r));
        let place: Vec<(u32, u32)> = codes.iter().map(|&(_, v, r, _)| (v, r)).collect();
        let mut own = Vec::with_capacity(codes.len());
        match scope {
            Scope::Category => {
                for run in codes.chunk_by(|a, b| (a.0, a.1) == (b.0, b.1)) {
                    let start = own.len() as u32;
                    own.extend(std::iter::repeat_n(
                        start..start + run.len() as u32,
                        run.len(),
                    ));
                }
            }
            Scope::Vendor => own.extend((0..codes.len() as u32).map(|g| g..g + 1)),
        }
        let scopes = codes.last().map_or(0, |c| c.0 as usize + 1);
        let mut object_df: HashMap<(u32, u16), u32> = HashMap::default();
        let mut in_scope = vec![0u32; scopes];
        for &(key, .., f) in &codes {
            in_scope[key as usize] += 1;
            for &o in &f.objects {
                *object_df.entry((key, o)).or_insert(0) += 1;
            }
        }
        let mut object_starts = Vec::with_capacity(codes.len() + 1);
        object_starts.push(0);
        let mut objects = Vec::new();
        let mut object_norm = Vec::with_capacity(codes.len());
        for &(key, .., f) in &codes {
            let n = in_scope[key as usize];
            let weighed = f.objects.iter().map(|&o| {
                let w = weight(object_df[&(key, o)], n, Kind::Object);
                (o, w * field_share(o))
            });
            objects.extend(weighed);
            object_starts.push(objects.len());
            let own = &objects[object_starts[object_starts.len() - 2]..];
            object_norm.push(own.iter().map(|o| o.1).sum::<f32>().sqrt());
        }
        drop(object_df);

        // Interning is the one sequential pass over all tokens: dense ids
        // make the document frequencies and the postings plain arrays.
        let mut ids: HashMap<u64, u32, BuildHasherDefault<Prehashed>> = HashMap::default();
        let mut df: Vec<u32> = Vec::new();
        let mut scope_of: Vec<u32> = Vec::new();
        let mut token_starts = Vec::with_capacity(codes.len() + 1);
        token_starts.push(0);
        let mut tokens = Vec::with_capacity(codes.iter().map(|c| c.3.hashes.len()).sum());
        let mut kind_of: Vec<Kind> = Vec::new();
        for &(key, .., f) in &codes {
            let start = tokens.len();
            let salt = (u64::from(key) + 1).wrapping_mul(0x9E37_79B9_7F4A_7C15) & !3;
            for &hash in &f.hashes {
                let next = df.len() as u32;
                let id = *ids.entry(hash ^ salt).or_insert(next);
                if id == next {
                    df.push(0);
                    scope_of.push(key);
                    kind_of.push(Kind::of(hash));
                }
                df[id as usize] += 1;
                tokens.push(id);
            }
            tokens[start..].sort_unstable();
            token_starts.push(tokens.len());
        }
        drop(ids);

        let weight: Vec<f32> = (0..df.len())
            .map(|t| weight(df[t], in_scope[scope_of[t] as usize], kind_of[t]))
            .collect();

        let mut by_scope: Vec<Vec<u32>> = vec![Vec::new(); scopes];
        for (t, &key) in scope_of.iter().enumerate() {
            if df[t] > 1 && weight[t] > 0.0 {
                by_scope[key as usize].push(t as u32);
            }
        }
        let mut bit = vec![NO_BIT; df.len()];
        for mut ts in by_scope {
            ts.sort_unstable_by_key(|&t| (Reverse(df[t as usize]), t));
            for (b, &t) in ts.iter().take(COMMON).enumerate() {
                bit[t as usize] = b as u8;
            }
        }

        let code_tokens = |g: usize| &tokens[token_starts[g]..token_starts[g + 1]];
        let norm: Vec<f32> = (0..codes.len())
            .map(|g| {
                // A whole text is no more to say: it adds to the dot
                // product of two codes saying it, not to their lengths.
                let said = code_tokens(g)
                    .iter()
                    .filter(|&&t| kind_of[t as usize] != Kind::Text);
                said.map(|&t| weight[t as usize]).sum::<f32>().sqrt()
            })
            .collect();

        let mut offsets = Vec::with_capacity(df.len() + 1);
        offsets.push(0);
        for &df in &df {
            offsets.push(offsets[offsets.len() - 1] + df as usize);
        }
        let common = (0..codes.len())
            .map(|g| {
                let bits = code_tokens(g).iter().map(|&t| bit[t as usize]);
                bits.filter(|&b| b != NO_BIT).fold(0, |set, b| set | 1 << b)
            })
            .collect();
        let mut cursor = offsets[..df.len()].to_vec();
        let mut postings = vec![Posting::default(); offsets[df.len()]];
        for (g, &norm) in norm.iter().enumerate() {
            let posting = Posting {
                code: g as u32,
                inverse_norm: if norm > 0.0 { norm.recip() } else { 0.0 },
            };
            for &t in code_tokens(g) {
                postings[cursor[t as usize]] = posting;
                cursor[t as usize] += 1;
            }
        }

        Corpus {
            scope,
            object_starts,
            objects,
            object_norm,
            kind: kind_of,
            place,
            own,
            token_starts,
            tokens,
            weight,
            bit,
            norm,
            common,
            offsets,
            postings,
        }
    }

    pub(super) fn len(&self) -> usize {
        self.norm.len()
    }

    /// A code number as `(vendor, record)`.
    pub(super) fn locate(&self, g: usize) -> (usize, usize) {
        let (v, r) = self.place[g];
        (v as usize, r as usize)
    }

    fn tokens(&self, g: usize) -> &[u32] {
        &self.tokens[self.token_starts[g]..self.token_starts[g + 1]]
    }

    fn postings(&self, t: u32) -> &[Posting] {
        &self.postings[self.offsets[t as usize]..self.offsets[t as usize + 1]]
    }

    /// Each code's most similar codes in its scope, best first, by code
    /// number: code `g`'s are `similar[g * limit..][..limit]` up to the
    /// first whose code is [`NONE`].
    pub(super) fn similar(&self, limit: usize, budget: usize) -> Vec<Scored> {
        // A scratch per chunk rather than per code: its accumulator is as
        // long as the catalog. A few chunks per thread balance the load.
        let chunk = self
            .len()
            .div_ceil(4 * rayon::current_num_threads())
            .max(1024);
        let none = Scored {
            code: NONE,
            score: 0.0,
        };
        let mut similar = vec![none; self.len() * limit];
        if limit == 0 {
            return similar;
        }
        similar
            .par_chunks_mut(chunk * limit)
            .enumerate()
            .for_each(|(c, out)| {
                let mut scratch = Scratch::new(self.len());
                for (i, out) in out.chunks_mut(limit).enumerate() {
                    let best = self.similar_to(c * chunk + i, limit, budget, &mut scratch);
                    for (slot, best) in out.iter_mut().zip(best) {
                        *slot = *best;
                    }
                }
            });
        similar
    }

    /// Code `g`'s most similar codes of other vendors with their cosine,
    /// best first, reading at most `budget` postings.
    pub(super) fn similar_to<'s>(
        &self,
        g: usize,
        limit: usize,
        mut budget: usize,
        scratch: &'s mut Scratch,
    ) -> &'s [Scored] {
        scratch.best.clear();
        if limit == 0 || self.norm[g] == 0.0 {
            return &scratch.best;
        }
        let own = self.own[g].clone();

        // Every code sharing a token with `g` gets the token's weight, rarest
        // list first, while the lists fit in the budget. The lists past it
        // are the category's commonest tokens: their weight is added from
        // the bit sets below. (One without a bit, in a category with more
        // than COMMON long lists, weighs little and is left out.)
        let lists = &mut scratch.lists;
        lists.clear();
        lists.extend(self.tokens(g).iter().map(|&t| (self.postings(t).len(), t)));
        lists.sort_unstable();
        let mut unread = 0u64;
        let mut most_unread = 0.0;
        for (i, &(len, t)) in lists.iter().enumerate() {
            if len > budget {
                for &(_, t) in &lists[i..] {
                    let b = self.bit[t as usize];
                    if b != NO_BIT {
                        unread |= 1 << b;
                        scratch.bit_weight[b as usize] = self.weight[t as usize];
                        most_unread += self.weight[t as usize];
                    }
                }
                break;
            }
            budget -= len;
            let w = self.weight[t as usize];
            if w == 0.0 {
                continue;
            }
            let list = self.postings(t);
            let before = list.partition_point(|p| p.code < own.start);
            let after = list.partition_point(|p| p.code < own.end);
            for part in [&list[..before], &list[after..]] {
                accumulate(part, w, &mut scratch.acc, &mut scratch.touched);
            }
        }

        // The best `limit` in a bounded heap, worst on top. A candidate
        // that could not beat the worst even with every unread token is
        // passed over before its bits are looked up.
        let inverse_norm = self.norm[g].recip();
        let mut bar = MIN_SIMILARITY;
        let heap = &mut scratch.heap;
        heap.clear();
        for &code in &scratch.touched {
            let acc = std::mem::take(&mut scratch.acc[code as usize]);
            let scale = inverse_norm * acc.inverse_norm;
            if (acc.dot + most_unread) * scale < bar {
                continue;
            }
            let mut dot = acc.dot;
            let mut shared = unread & self.common[code as usize];
            while shared != 0 {
                dot += scratch.bit_weight[shared.trailing_zeros() as usize];
                shared &= shared - 1;
            }
            if dot * scale < bar {
                continue;
            }
            let score = dot * scale * self.agreement(g, code as usize);
            if score < bar {
                continue;
            }
            let candidate = Reverse(Scored { code, score });
            if heap.len() < limit {
                heap.push(candidate);
            } else if let Some(mut worst) = heap.peek_mut()
                && candidate < *worst
            {
                *worst = candidate;
            }
            if heap.len() == limit
                && let Some(Reverse(worst)) = heap.peek()
            {
                bar = worst.score;
            }
        }
        scratch.touched.clear();
        scratch.best.extend(heap.drain().map(|Reverse(s)| s));
        scratch.best.sort_unstable_by(|a, b| b.cmp(a));
        &scratch.best
    }

    /// How far two codes are about the same things, from 0 to 1, what
    /// their cosine is multiplied by: from the cosine of the glossary
    /// objects they name ("Delete IP" and "Failed to delete the
    /// application" name none in common; "Cloud volume snapshot name" and
    /// "Cloud volume name" share the common volume but not the rarer
    /// snapshot). Across vendors it is that cosine squared: another
    /// vendor's code is worth showing if it is the same failure of the
    /// same thing. At one vendor, codes about different things may still
    /// be one family ("parse routing rule failed", "parse rate limit rule
    /// failed"), so it is at least [`SIBLING_FLOOR`]. Two codes that name
    /// no object agree; a code that names none (a generic "Invalid
    /// parameter") agrees with one that names some only if they say the
    /// very same thing somewhere.
    pub(super) fn agreement(&self, a: usize, b: usize) -> f32 {
        let (x, y) = (self.objects_of(a), self.objects_of(b));
        match (x.is_empty(), y.is_empty()) {
            (true, true) => 1.0,
            (false, false) => {
                let shared = x.iter().filter(|o| y.iter().any(|p| p.0 == o.0));
                let dot: f32 = shared.map(|o| o.1).sum();
                let cosine = dot / (self.object_norm[a] * self.object_norm[b]);
                match self.scope {
                    Scope::Vendor => SIBLING_FLOOR + (1.0 - SIBLING_FLOOR) * cosine,
                    Scope::Category => cosine * cosine,
                }
            }
            _ => f32::from(u8::from(
                self.shared(a, b)
                    .any(|t| self.kind[t as usize] == Kind::Text),
            )),
        }
    }

    /// The tokens two codes share.
    fn shared(&self, a: usize, b: usize) -> impl Iterator<Item = u32> + '_ {
        let (x, y) = (self.tokens(a), self.tokens(b));
        x.iter().copied().filter(|t| y.binary_search(t).is_ok())
    }

    pub(super) fn objects_of(&self, g: usize) -> &[(u16, f32)] {
        &self.objects[self.object_starts[g]..self.object_starts[g + 1]]
    }

    /// The cosine of two codes' weighted token sets.
    #[cfg(test)]
    pub(super) fn cosine(&self, a: usize, b: usize) -> f32 {
        let (x, y) = (self.tokens(a), self.tokens(b));
        let (mut i, mut j, mut dot) = (0, 0, 0.0);
        while i < x.len() && j < y.len() {
            if x[i] == y[j] {
                dot += self.weight[x[i] as usize];
            }
            let (s, t) = (x[i], y[j]);
            i += usize::from(s <= t);
            j += usize::from(t <= s);
        }
        dot / (self.norm[a] * self.norm[b])
    }
}

/// Adds `w` to the accumulator of every code in `list`, noting the codes
/// met for the first time. Without a branch on whether a code is new: that
/// is a coin toss the processor would mispredict.
fn accumulate(list: &[Posting], w: f32, acc: &mut [Accumulator], touched: &mut Vec<u32>) {
    let mut n = touched.len();
    touched.resize(n + list.len(), 0);
    for posting in list {
        let acc = &mut acc[posting.code as usize];
        touched[n] = posting.code;
        n += usize::from(acc.dot == 0.0);
        acc.inverse_norm = posting.inverse_norm;
        acc.dot += w;
    }
    touched.truncate(n);
}

/// A candidate and its cosine. Ordered best last: higher score, then on a
/// tie the lower code number, so equal scores never make the output depend
/// on the thread schedule.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Scored {
    pub(super) code: u32,
    pub(super) score: f32,
}

impl Eq for Scored {}

impl Ord for Scored {
    fn cmp(&self, other: &Self) -> Ordering {
        self.score
            .total_cmp(&other.score)
            .then(other.code.cmp(&self.code))
    }
}

impl PartialOrd for Scored {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

/// One worker's reusable buffers.
pub(super) struct Scratch {
    /// One accumulator per code, `dot` zero but for the `touched` ones.
    acc: Vec<Accumulator>,
    touched: Vec<u32>,
    lists: Vec<(usize, u32)>,
    /// The weights of the unread tokens' bits.
    bit_weight: [f32; COMMON],
    /// The best candidates so far, worst on top.
    heap: BinaryHeap<Reverse<Scored>>,
    best: Vec<Scored>,
}

/// A candidate's dot product so far, and its `1 / norm`.
#[derive(Debug, Clone, Copy, Default)]
struct Accumulator {
    dot: f32,
    inverse_norm: f32,
}

impl Scratch {
    pub(super) fn new(codes: usize) -> Scratch {
        Scratch {
            acc: vec![Accumulator::default(); codes],
            touched: Vec::new(),
            lists: Vec::new(),
            bit_weight: [0.0; COMMON],
            heap: BinaryHeap::new(),
            best: Vec::new(),
        }
    }
}

/// The keys are already xxh3 hashes: hashing them again is wasted work.
#[derive(Default)]
struct Prehashed(u64);

impl Hasher for Prehashed {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8) | u64::from(b);
        }
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}
