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

use std::cmp::{Ordering, Reverse};
use std::collections::{BinaryHeap, HashMap};
use std::hash::{BuildHasherDefault, Hasher};
use std::ops::Range;

use rayon::prelude::*;
use twox_hash::XxHash3_64;

use super::Assigned;
use crate::model::is_han;
use crate::model::{Catalog, Category, Record, Vendor};

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
    vendor.chain(record.translations.iter().map(|t| t.text.as_str()))
}

/// Every code of the catalog as a weighted token set, with an inverted
/// index over them.
///
/// Codes are numbered by category, then vendor, then record: a category's
/// codes are one run of numbers, so the accumulators one search touches are
/// close together in memory, and a vendor's codes in the category are a run
/// within it.
///
/// A token is interned per category: `service` in NOT_FOUND and `service` in
/// INTERNAL are two tokens, since codes are only compared within a category.
/// So a token's document frequency is its frequency in the category, and its
/// postings list holds only codes that can be related through it.
struct Corpus {
    /// Each code's `(vendor, record)`.
    place: Vec<(u32, u32)>,
    /// `number[vendor][record]`: the code's number.
    number: Vec<Vec<u32>>,
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
/// set: the lists too long to read within [`SCAN_BUDGET`] are these, and a
/// candidate's share of them is then a few bit operations.
const COMMON: usize = 64;
const NO_BIT: u8 = u8::MAX;

/// An empty slot in [`Corpus::similar`]'s answer.
const NONE: u32 = u32::MAX;

/// A code in a postings list, with its `1 / norm` at hand rather than a
/// cache miss away.
#[derive(Debug, Clone, Copy, Default)]
struct Posting {
    code: u32,
    inverse_norm: f32,
}

impl Corpus {
    fn new(catalog: &Catalog, categories: &[Vec<Assigned>]) -> Corpus {
        let mut codes = Vec::with_capacity(catalog.code_count());
        for (v, vendor) in catalog.vendors.iter().enumerate() {
            let assigned = categories.get(v).map_or(&[][..], Vec::as_slice);
            for (r, record) in vendor.records.iter().enumerate() {
                let category = assigned.get(r).map_or(Category::Unknown, |a| a.category);
                // The catalog cannot hold 2³² codes in memory, so indices fit.
                codes.push((category, v as u32, r as u32, record));
            }
        }
        codes.sort_by_key(|&(category, v, r, _)| (category, v, r));
        let place: Vec<(u32, u32)> = codes.iter().map(|&(_, v, r, _)| (v, r)).collect();
        let mut number: Vec<Vec<u32>> = catalog
            .vendors
            .iter()
            .map(|v| vec![0; v.records.len()])
            .collect();
        for (g, &(v, r)) in place.iter().enumerate() {
            number[v as usize][r as usize] = g as u32;
        }
        let mut own = Vec::with_capacity(codes.len());
        for run in codes.chunk_by(|a, b| (a.0, a.1) == (b.0, b.1)) {
            let start = own.len() as u32;
            own.extend(std::iter::repeat_n(
                start..start + run.len() as u32,
                run.len(),
            ));
        }

        let hashed: Vec<Vec<u64>> = codes
            .par_iter()
            .with_min_len(256)
            .map(|&(category, _, _, record)| token_hashes(record, category))
            .collect();

        // Interning is the one sequential pass over all tokens: dense ids
        // make the document frequencies and the postings plain arrays.
        let mut ids: HashMap<u64, u32, BuildHasherDefault<Prehashed>> = HashMap::default();
        let mut df: Vec<u32> = Vec::new();
        let mut category_of: Vec<Category> = Vec::new();
        let mut token_starts = Vec::with_capacity(codes.len() + 1);
        token_starts.push(0);
        let mut tokens = Vec::with_capacity(hashed.iter().map(Vec::len).sum());
        for (hashes, &(category, ..)) in hashed.iter().zip(&codes) {
            let start = tokens.len();
            for &hash in hashes {
                let next = df.len() as u32;
                let id = *ids.entry(hash).or_insert(next);
                if id == next {
                    df.push(0);
                    category_of.push(category);
                }
                df[id as usize] += 1;
                tokens.push(id);
            }
            tokens[start..].sort_unstable();
            token_starts.push(tokens.len());
        }
        drop((hashed, ids));

        let mut in_category = [0u32; Category::ALL.len()];
        for &(category, ..) in &codes {
            in_category[category as usize] += 1;
        }
        let weight: Vec<f32> = df
            .iter()
            .zip(&category_of)
            .map(|(&df, &category)| {
                let n = in_category[category as usize] as f32;
                let idf = ((n + 1.0) / (df as f32 + 1.0)).ln() + 1.0;
                idf * idf
            })
            .collect();

        let mut by_category: Vec<Vec<u32>> = vec![Vec::new(); Category::ALL.len()];
        for (t, &category) in category_of.iter().enumerate() {
            if df[t] > 1 {
                by_category[category as usize].push(t as u32);
            }
        }
        let mut bit = vec![NO_BIT; df.len()];
        for mut ts in by_category {
            ts.sort_unstable_by_key(|&t| (Reverse(df[t as usize]), t));
            for (b, &t) in ts.iter().take(COMMON).enumerate() {
                bit[t as usize] = b as u8;
            }
        }

        let code_tokens = |g: usize| &tokens[token_starts[g]..token_starts[g + 1]];
        let norm: Vec<f32> = (0..codes.len())
            .map(|g| {
                let w = code_tokens(g).iter().map(|&t| weight[t as usize]);
                w.sum::<f32>().sqrt()
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
            place,
            number,
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

    fn len(&self) -> usize {
        self.norm.len()
    }

    /// A code number as `(vendor, record)`.
    fn locate(&self, g: usize) -> (usize, usize) {
        let (v, r) = self.place[g];
        (v as usize, r as usize)
    }

    fn tokens(&self, g: usize) -> &[u32] {
        &self.tokens[self.token_starts[g]..self.token_starts[g + 1]]
    }

    fn postings(&self, t: u32) -> &[Posting] {
        &self.postings[self.offsets[t as usize]..self.offsets[t as usize + 1]]
    }

    /// Each code's most similar codes of other vendors, best first, by code
    /// number: code `g`'s are `similar[g * limit..][..limit]` up to the
    /// first [`NONE`].
    fn similar(&self, limit: usize, budget: usize) -> Vec<u32> {
        // A scratch per chunk rather than per code: its accumulator is as
        // long as the catalog. A few chunks per thread balance the load.
        let chunk = self
            .len()
            .div_ceil(4 * rayon::current_num_threads())
            .max(1024);
        let mut similar = vec![NONE; self.len() * limit];
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
                        *slot = best.code;
                    }
                }
            });
        similar
    }

    /// Code `g`'s most similar codes of other vendors with their cosine,
    /// best first, reading at most `budget` postings.
    fn similar_to<'s>(
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
            let list = self.postings(t);
            let before = list.partition_point(|p| p.code < own.start);
            let after = list.partition_point(|p| p.code < own.end);
            let w = self.weight[t as usize];
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
            let score = dot * scale;
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

    /// The cosine of two codes' weighted token sets.
    #[cfg(test)]
    fn cosine(&self, a: usize, b: usize) -> f32 {
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
struct Scored {
    code: u32,
    score: f32,
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
struct Scratch {
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
    fn new(codes: usize) -> Scratch {
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

/// A code's distinct tokens, each as a 64-bit hash of its normal form
/// seeded with its category. (Two of a catalog's few hundred thousand
/// tokens colliding is a one in 10⁸ chance, and would merge two words.)
fn token_hashes(record: &Record, category: Category) -> Vec<u64> {
    let mut hashes = Vec::new();
    let mut word = String::new();
    let seed = category as u64;
    for text in record.name.as_deref().into_iter().chain(texts(record)) {
        tokenize(text, &mut word, &mut |token| {
            hashes.push(XxHash3_64::oneshot_with_seed(seed, token.as_bytes()));
        });
    }
    hashes.sort_unstable();
    hashes.dedup();
    hashes
}

/// Calls `emit` with each token of `text`: runs of Han characters as their
/// character bigrams (a lone character as itself), runs of ASCII letters
/// and digits as their words ([`for_each_word`]), each [`normalized`].
/// Everything else separates.
fn tokenize(text: &str, word: &mut String, emit: &mut impl FnMut(&str)) {
    // The current Han run: its first character's offset, its last one's,
    // and whether it has more than one.
    let mut han: Option<(usize, usize, bool)> = None;
    let mut ascii: Option<usize> = None;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let end = chars.peek().map_or(text.len(), |&(j, _)| j);
        if is_han(c) {
            if let Some(start) = ascii.take() {
                ascii_tokens(&text[start..i], word, emit);
            }
            han = Some(match han {
                Some((start, prev, _)) => {
                    emit(&text[prev..end]);
                    (start, i, true)
                }
                None => (i, i, false),
            });
            continue;
        }
        if let Some((start, _, false)) = han.take() {
            emit(&text[start..i]);
        }
        if c.is_ascii_alphanumeric() {
            ascii.get_or_insert(i);
        } else if let Some(start) = ascii.take() {
            ascii_tokens(&text[start..i], word, emit);
        }
    }
    if let Some((start, _, false)) = han {
        emit(&text[start..]);
    }
    if let Some(start) = ascii {
        ascii_tokens(&text[start..], word, emit);
    }
}

fn ascii_tokens(run: &str, word: &mut String, emit: &mut impl FnMut(&str)) {
    for_each_word(run, |range| {
        if let Some(token) = normalized(&run[range], word) {
            emit(token);
        }
    });
}

/// The words [`for_each_word`] finds.
#[cfg(test)]
fn words(text: &str) -> Vec<Range<usize>> {
    let mut words = Vec::new();
    for_each_word(text, |word| words.push(word));
    words
}

/// Calls `f` with each word of a name or a run of ASCII, as a byte range:
/// split at anything but ASCII letters and digits, and at CamelCase humps,
/// an acronym staying whole (`InvalidRequestID` → Invalid, Request, ID;
/// `CMDBName` → CMDB, Name; `HTTP2Error` → HTTP2, Error).
fn for_each_word(text: &str, mut f: impl FnMut(Range<usize>)) {
    let b = text.as_bytes();
    let mut start = None;
    for i in 0..b.len() {
        if !b[i].is_ascii_alphanumeric() {
            if let Some(s) = start.take() {
                f(s..i);
            }
            continue;
        }
        let Some(s) = start else {
            start = Some(i);
            continue;
        };
        let hump = b[i].is_ascii_uppercase()
            && (b[i - 1].is_ascii_lowercase()
                || b[i - 1].is_ascii_digit()
                || (b[i - 1].is_ascii_uppercase()
                    && b.get(i + 1).is_some_and(u8::is_ascii_lowercase)));
        if hump {
            f(s..i);
            start = Some(i);
        }
    }
    if let Some(s) = start {
        f(s..b.len());
    }
}

/// A word's normal form, written into `buf`: lowercase, a plural `s` off
/// (`owners` → owner, but `status`, `access`, `alias` stay). `None` for
/// what says nothing of a code: single letters, bare numbers, stop words.
/// "not" and "no" are no stop words: they make "not found" what it is.
fn normalized<'b>(word: &str, buf: &'b mut String) -> Option<&'b str> {
    if word.len() < 2 || word.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    buf.clear();
    buf.extend(word.chars().map(|c| c.to_ascii_lowercase()));
    let stop = matches!(
        buf.as_str(),
        "an" | "the"
            | "is"
            | "are"
            | "was"
            | "were"
            | "be"
            | "been"
            | "of"
            | "to"
            | "in"
            | "on"
            | "at"
            | "by"
            | "for"
            | "with"
            | "from"
            | "and"
            | "or"
            | "as"
            | "it"
            | "its"
            | "this"
            | "that"
            | "has"
            | "have"
            | "had"
            | "do"
            | "does"
            | "did"
            | "can"
            | "will"
            | "should"
            | "may"
            | "please"
            | "your"
            | "you"
    );
    if stop {
        return None;
    }
    if buf.len() > 3
        && buf.ends_with('s')
        && !["ss", "us", "is", "as"].iter().any(|e| buf.ends_with(e))
    {
        buf.pop();
    }
    Some(buf.as_str())
}

/// For each of a vendor's codes, its siblings by name: the vendor's codes
/// whose names share a stem of at least two words with its own, longest
/// stem first; within a stem, the codes nearest in code order, listed in
/// code order. At most `limit`.
fn stem_siblings(vendor: &Vendor, limit: usize) -> Vec<Vec<(usize, String)>> {
    // A name's stems are the prefixes of its lowercase words joined by `_`,
    // so `InvalidService` and `INVALID_SERVICE` are one stem, known by the
    // hash of that key. Sorting every (stem, record) pair makes each stem's
    // records a run of `members`, ascending.
    let mut key = String::new();
    let mut members: Vec<(u64, u32)> = Vec::new();
    let mut stems: Vec<Vec<(usize, Range<usize>)>> = vendor
        .records
        .iter()
        .enumerate()
        .map(|(r, record)| {
            let mut stems = Vec::new();
            let Some(name) = record.name.as_deref() else {
                return stems;
            };
            key.clear();
            for_each_word(name, |w| {
                if !key.is_empty() {
                    key.push('_');
                    // A stem from the second word on; its run comes below.
                    key.extend(name[w.clone()].chars().map(|c| c.to_ascii_lowercase()));
                    members.push((XxHash3_64::oneshot(key.as_bytes()), r as u32));
                    stems.push((w.end, 0..0));
                } else {
                    key.extend(name[w].chars().map(|c| c.to_ascii_lowercase()));
                }
            });
            stems
        })
        .collect();
    // Which pair is whose: records in order, each stem in order.
    let mut owner: Vec<(u32, u32)> = Vec::with_capacity(members.len());
    for (r, s) in stems.iter().enumerate() {
        owner.extend((0..s.len() as u32).map(|i| (r as u32, i)));
    }
    let mut order: Vec<u32> = (0..members.len() as u32).collect();
    order.sort_unstable_by_key(|&i| members[i as usize]);
    let sorted: Vec<u32> = order.iter().map(|&i| members[i as usize].1).collect();
    let mut start = 0;
    while start < order.len() {
        let stem = members[order[start] as usize].0;
        let end = start + order[start..].partition_point(|&i| members[i as usize].0 == stem);
        for &i in &order[start..end] {
            let (r, s) = owner[i as usize];
            stems[r as usize][s as usize].1 = start..end;
        }
        start = end;
    }

    let mut picked = Vec::new();
    stems
        .iter()
        .enumerate()
        .map(|(r, stems)| {
            let mut siblings: Vec<(usize, String)> = Vec::new();
            for (end, run) in stems.iter().rev() {
                let group = &sorted[run.clone()];
                if siblings.len() == limit {
                    break;
                }
                if group.len() < 2 {
                    continue;
                }
                // The group holds `r`, in ascending order: widen a window
                // around it, the nearer side first, the earlier on a tie.
                let chosen = siblings.len();
                let r = r as u32;
                let at = group.binary_search(&r).unwrap_or_else(|at| at);
                let (mut left, mut right) = (at, at + 1);
                picked.clear();
                while chosen + picked.len() < limit && (left > 0 || right < group.len()) {
                    let take_left = left > 0
                        && (right >= group.len() || r - group[left - 1] <= group[right] - r);
                    let other = if take_left {
                        left -= 1;
                        group[left]
                    } else {
                        right += 1;
                        group[right - 1]
                    };
                    if !siblings[..chosen].iter().any(|&(s, _)| s == other as usize) {
                        picked.push(other as usize);
                    }
                }
                picked.sort_unstable();
                let stem = &vendor.records[r as usize]
                    .name
                    .as_deref()
                    .unwrap_or_default()[..*end];
                siblings.extend(picked.iter().map(|&o| (o, stem.to_owned())));
            }
            siblings
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;
    use crate::model::{Code, Lang, Message};
    use crate::xref::category::Reason;

    fn record(code: &str, name: Option<&str>, texts: &[&str]) -> Record {
        let mut record = Record::new(Code::new(code));
        record.name = name.map(str::to_owned);
        record.messages = texts
            .iter()
            .map(|t| Message {
                lang: Lang::detect(t),
                text: (*t).to_owned(),
                source: 0,
            })
            .collect();
        record
    }

    fn vendor(id: &str, records: Vec<Record>) -> Vendor {
        Vendor::for_test(id, records)
    }

    fn assigned(category: Category) -> Assigned {
        Assigned {
            category,
            reason: Reason::Default,
        }
    }

    /// A stand-in for the categoriser being written: a few keywords.
    fn stand_in_categories(catalog: &Catalog) -> Vec<Vec<Assigned>> {
        catalog
            .vendors
            .iter()
            .map(|v| {
                v.records
                    .iter()
                    .map(|r| {
                        let text = r
                            .name
                            .iter()
                            .map(String::as_str)
                            .chain(texts(r))
                            .collect::<Vec<_>>()
                            .join(" ")
                            .to_lowercase();
                        let has = |words: &[&str]| words.iter().any(|w| text.contains(w));
                        let category = if has(&[
                            "not found",
                            "notfound",
                            "not_found",
                            "未找到",
                            "不存在",
                            "not exist",
                        ]) {
                            Category::NotFound
                        } else if has(&[
                            "already exist",
                            "existed",
                            "已存在",
                            "duplicat",
                            "conflict",
                        ]) {
                            Category::AlreadyExists
                        } else if has(&["invalid", "非法", "不合法", "illegal", "param"]) {
                            Category::InvalidArgument
                        } else {
                            Category::Unknown
                        };
                        assigned(category)
                    })
                    .collect()
            })
            .collect()
    }

    fn seeds() -> Catalog {
        let input = Path::new(env!("CARGO_MANIFEST_DIR")).join("input");
        crate::ingest::ingest(&input).catalog
    }

    fn find(catalog: &Catalog, vendor: &str, code: &str) -> (usize, usize) {
        let v = catalog
            .vendors
            .iter()
            .position(|v| v.id.as_str() == vendor)
            .unwrap();
        let r = catalog.vendors[v]
            .records
            .iter()
            .position(|r| r.code.as_str() == code)
            .unwrap_or_else(|| panic!("{vendor} has no code {code}"));
        (v, r)
    }

    /// `polaris/400301 NotFoundService ["not found service", "服务未找到"]`
    fn describe(catalog: &Catalog, v: usize, r: usize) -> String {
        let vendor = &catalog.vendors[v];
        let record = &vendor.records[r];
        let texts: Vec<&str> = texts(record).collect();
        let name = record.name.as_deref().unwrap_or("-");
        format!("{}/{} {name} {texts:?}", vendor.id, record.code)
    }

    fn tokens_of(text: &str) -> Vec<String> {
        let mut out = Vec::new();
        tokenize(text, &mut String::new(), &mut |t| out.push(t.to_owned()));
        out
    }

    fn word_list(name: &str) -> Vec<&str> {
        words(name).into_iter().map(|r| &name[r]).collect()
    }

    fn similar_of(related: &[Related]) -> Vec<(usize, usize)> {
        related
            .iter()
            .filter(|r| r.why == Why::Similar)
            .map(|r| (r.vendor, r.record))
            .collect()
    }

    fn stems_of(related: &[Related]) -> Vec<(usize, &str)> {
        related
            .iter()
            .filter_map(|r| match &r.why {
                Why::NameStem(stem) => Some((r.record, stem.as_str())),
                Why::Similar => None,
            })
            .collect()
    }

    #[test]
    fn names_split_at_humps_and_underscores() {
        assert_eq!(
            word_list("InvalidServiceToken"),
            ["Invalid", "Service", "Token"]
        );
        assert_eq!(
            word_list("VOL_SS_NAME_IS_NULL"),
            ["VOL", "SS", "NAME", "IS", "NULL"]
        );
        assert_eq!(word_list("InvalidRequestID"), ["Invalid", "Request", "ID"]);
        assert_eq!(
            word_list("CMDBNotFindHost"),
            ["CMDB", "Not", "Find", "Host"]
        );
        assert_eq!(word_list("HTTP2Error"), ["HTTP2", "Error"]);
        assert_eq!(word_list("__a--b__"), ["a", "b"]);
    }

    #[test]
    fn chinese_text_becomes_character_bigrams() {
        assert_eq!(tokens_of("实例未找到"), ["实例", "例未", "未找", "找到"]);
        assert_eq!(tokens_of("用户token非法"), ["用户", "token", "非法"]);
        assert_eq!(tokens_of("空"), ["空"]);
        assert_eq!(
            tokens_of("扩/缩容参数不合法"),
            ["扩", "缩容", "容参", "参数", "数不", "不合", "合法"]
        );
    }

    #[test]
    fn english_words_lose_case_plurals_and_stop_words() {
        assert_eq!(
            tokens_of("Micro-service does not exist"),
            ["micro", "service", "not", "exist"]
        );
        assert_eq!(tokens_of("Invalid parameter(s)"), ["invalid", "parameter"]);
        assert_eq!(
            tokens_of("not found the host cmdb"),
            ["not", "found", "host", "cmdb"]
        );
        assert_eq!(tokens_of("status of 4 owners in 2024"), ["status", "owner"]);
        assert_eq!(
            tokens_of("InvalidServiceOwners"),
            ["invalid", "service", "owner"]
        );
    }

    /// Two vendors with a missing-service code each, one in English only,
    /// one in Chinese only with a name; and distractors.
    fn tiny() -> (Catalog, Vec<Vec<Assigned>>) {
        let catalog = Catalog {
            vendors: vec![
                vendor(
                    "alpha",
                    vec![
                        record("1", None, &["Service not found"]),
                        record("2", None, &["Service already exists"]),
                        record("3", None, &["Service not found in namespace"]),
                    ],
                ),
                vendor(
                    "beta",
                    vec![
                        record("10", Some("SERVICE_NOT_FOUND"), &["服务未找到"]),
                        record("11", Some("SERVICE_EXISTS"), &["服务已存在"]),
                        record(
                            "12",
                            Some("SERVICE_NOT_FOUND_IN_GROUP"),
                            &["分组中未找到服务"],
                        ),
                    ],
                ),
                vendor("gamma", vec![record("7", None, &["Service not found"])]),
            ],
        };
        let categories = vec![
            vec![
                assigned(Category::NotFound),
                assigned(Category::AlreadyExists),
                assigned(Category::NotFound),
            ],
            vec![
                assigned(Category::NotFound),
                assigned(Category::AlreadyExists),
                assigned(Category::NotFound),
            ],
            // The same words as alpha's first code, another category.
            vec![assigned(Category::Internal)],
        ];
        (catalog, categories)
    }

    #[test]
    fn similar_codes_are_other_vendors_codes_of_the_same_category() {
        let (catalog, categories) = tiny();
        let related = related(&catalog, &categories, LIMIT);
        // Through the name: alpha's English meets beta's SERVICE_NOT_FOUND.
        assert_eq!(similar_of(&related[0][0]), [(1, 0), (1, 2)]);
        assert_eq!(similar_of(&related[1][0]), [(0, 0), (0, 2)]);
        assert_eq!(similar_of(&related[0][1]), [(1, 1)]);
        // Gamma's identical text is INTERNAL: no relative.
        assert!(related[2][0].is_empty());
        for (v, codes) in related.iter().enumerate() {
            for (r, related) in codes.iter().enumerate() {
                for other in related.iter().filter(|o| o.why == Why::Similar) {
                    assert_ne!(other.vendor, v);
                    assert_eq!(
                        categories[v][r].category,
                        categories[other.vendor][other.record].category
                    );
                }
            }
        }
    }

    #[test]
    fn name_stems_relate_a_vendors_own_codes() {
        let (catalog, categories) = tiny();
        let related = related(&catalog, &categories, LIMIT);
        // SERVICE_NOT_FOUND is itself the stem of SERVICE_NOT_FOUND_IN_GROUP.
        assert_eq!(stems_of(&related[1][0]), [(2, "SERVICE_NOT_FOUND")]);
        assert_eq!(stems_of(&related[1][2]), [(0, "SERVICE_NOT_FOUND")]);
        // One word in common is no stem.
        assert!(stems_of(&related[1][1]).is_empty());
        assert!(stems_of(&related[0][0]).is_empty());
    }

    #[test]
    fn longest_stem_comes_first_and_keeps_the_names_style() {
        let names = [
            "VOL_SS_CREATE_FAILED",
            "VOL_SS_UPDATE_FAILED",
            "VOL_EXT_FAILED",
            "VOL_EXT_FAILED_EXTENDER",
            "VOL_EXT_BAD_SIZE",
            "InvalidServiceName",
            "InvalidServiceToken",
            "InvalidNamespaceName",
            "Invalid",
        ];
        let records = names
            .iter()
            .enumerate()
            .map(|(i, n)| record(&i.to_string(), Some(n), &[]))
            .collect();
        let siblings = stem_siblings(&vendor("v", records), LIMIT);
        let of = |r: usize| -> Vec<(usize, &str)> {
            siblings[r].iter().map(|(o, s)| (*o, s.as_str())).collect()
        };
        assert_eq!(of(0), [(1, "VOL_SS")]);
        assert_eq!(of(3), [(2, "VOL_EXT_FAILED"), (4, "VOL_EXT")]);
        assert_eq!(of(2), [(3, "VOL_EXT_FAILED"), (4, "VOL_EXT")]);
        assert_eq!(of(5), [(6, "InvalidService")]);
        // One shared word is no stem.
        assert!(of(7).is_empty());
        assert!(of(8).is_empty());
    }

    #[test]
    fn stem_siblings_are_the_nearest_codes_when_a_stem_is_large() {
        let records = (0..40)
            .map(|i| record(&i.to_string(), Some(&format!("APP_PORT_{i}_ERROR")), &[]))
            .collect();
        let siblings = stem_siblings(&vendor("v", records), 4);
        let near: Vec<usize> = siblings[20].iter().map(|(o, _)| *o).collect();
        assert_eq!(near, [18, 19, 21, 22]);
        let first: Vec<usize> = siblings[0].iter().map(|(o, _)| *o).collect();
        assert_eq!(first, [1, 2, 3, 4]);
    }

    #[test]
    fn codes_missing_from_categories_count_as_unknown() {
        let (mut catalog, _) = tiny();
        catalog.vendors[2].records.push(record("8", None, &["？"]));
        let related = related(&catalog, &[], LIMIT);
        // All UNKNOWN now: gamma's copy of alpha's text is related to it.
        assert!(similar_of(&related[2][0]).contains(&(0, 0)));
        // A code without words is related to nothing.
        assert!(related[2][1].is_empty());
    }

    #[test]
    fn lists_hold_at_most_limit_similar_codes_first() {
        let catalog = seeds();
        let categories = stand_in_categories(&catalog);
        for limit in [0, 1, 3, LIMIT] {
            let related = related(&catalog, &categories, limit);
            for (v, codes) in related.iter().enumerate() {
                assert_eq!(codes.len(), catalog.vendors[v].records.len());
                for (r, related) in codes.iter().enumerate() {
                    assert!(related.len() <= limit);
                    assert!(
                        !related.iter().any(|o| (o.vendor, o.record) == (v, r)),
                        "{v}/{r} is its own relative"
                    );
                    let kinds: Vec<bool> = related.iter().map(|o| o.why == Why::Similar).collect();
                    assert!(kinds.is_sorted_by(|a, b| a >= b), "{kinds:?}");
                }
            }
        }
    }

    #[test]
    fn lists_do_not_depend_on_the_thread_count() {
        let (catalog, categories) = synthetic(6, 400, false);
        let many = related(&catalog, &categories, LIMIT);
        let one = rayon::ThreadPoolBuilder::new()
            .num_threads(1)
            .build()
            .unwrap()
            .install(|| related(&catalog, &categories, LIMIT));
        assert_eq!(many, one);
    }

    #[test]
    fn search_finds_what_comparing_every_pair_finds_on_the_seeds() {
        let catalog = seeds();
        let categories = stand_in_categories(&catalog);
        let corpus = Corpus::new(&catalog, &categories);
        assert_eq!(recall(&corpus, &categories, SCAN_BUDGET, 1), 1.0);
    }

    #[test]
    fn a_zero_budget_finds_nothing() {
        let catalog = seeds();
        let categories = stand_in_categories(&catalog);
        let corpus = Corpus::new(&catalog, &categories);
        let mut scratch = Scratch::new(corpus.len());
        assert!((0..corpus.len()).all(|g| corpus.similar_to(g, LIMIT, 0, &mut scratch).is_empty()));
    }

    #[test]
    fn seed_missing_service_codes_relate_across_vendors_and_languages() {
        let catalog = seeds();
        let categories = stand_in_categories(&catalog);
        let polaris = find(&catalog, "polaris", "400301");
        let cse = find(&catalog, "huawei-cse", "400012");
        assert_eq!(
            categories[polaris.0][polaris.1].category,
            Category::NotFound
        );
        assert_eq!(categories[cse.0][cse.1].category, Category::NotFound);
        let related = related(&catalog, &categories, LIMIT);
        assert!(similar_of(&related[polaris.0][polaris.1]).contains(&cse));
        assert!(similar_of(&related[cse.0][cse.1]).contains(&polaris));
    }

    #[test]
    fn seed_stem_families_are_siblings() {
        let catalog = seeds();
        let categories = stand_in_categories(&catalog);
        let related = related(&catalog, &categories, LIMIT);
        let (v, name) = find(&catalog, "polaris", "400120");
        let owners = find(&catalog, "polaris", "400121").1;
        assert!(stems_of(&related[v][name]).contains(&(owners, "InvalidService")));
        let (v, create) = find(&catalog, "api-switch", "10331");
        let update = find(&catalog, "api-switch", "10332").1;
        assert!(stems_of(&related[v][create]).contains(&(update, "VOL_SS")));
    }

    /// What a page shows for a few seed codes, with each relative's cosine
    /// (0 across categories): under the stand-in categories, then under
    /// the built-in categoriser.
    #[test]
    #[ignore = "prints samples: cargo test --lib related -- --ignored --nocapture"]
    fn print_seed_samples() {
        let catalog = seeds();
        let built_in = crate::xref::cross_reference(&catalog).categories;
        for (label, categories) in [
            ("stand-in", stand_in_categories(&catalog)),
            ("built-in", built_in),
        ] {
            println!("{label} categories:");
            let related = related(&catalog, &categories, LIMIT);
            let corpus = Corpus::new(&catalog, &categories);
            let samples = [
                ("polaris", "400301"),
                ("huawei-cse", "400012"),
                ("polaris", "400120"),
                ("api-switch", "10331"),
            ];
            for (v, r) in samples.map(|(v, c)| find(&catalog, v, c)) {
                let category = categories[v][r].category;
                println!("{} [{category}]", describe(&catalog, v, r));
                for rel in &related[v][r] {
                    let cosine = corpus.cosine(
                        corpus.number[v][r] as usize,
                        corpus.number[rel.vendor][rel.record] as usize,
                    );
                    let why = match &rel.why {
                        Why::Similar => "similar".to_owned(),
                        Why::NameStem(stem) => format!("stem {stem}"),
                    };
                    let other = describe(&catalog, rel.vendor, rel.record);
                    println!("    {cosine:.2} {other} ({why})");
                }
            }
        }
    }

    /// SplitMix64: a deterministic stream for the synthetic catalog.
    struct Rng(u64);

    impl Rng {
        fn next(&mut self) -> u64 {
            self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
            let mut z = self.0;
            z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
            z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
            z ^ (z >> 31)
        }

        fn below(&mut self, n: usize) -> usize {
            (self.next() % n as u64) as usize
        }

        fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
            &items[self.below(items.len())]
        }

        /// Skewed towards the front: a few items common, most rare.
        fn zipf<'a, T>(&mut self, items: &'a [T]) -> &'a T {
            let a = self.below(items.len());
            let b = self.below(a + 1);
            &items[b]
        }
    }

    const RESOURCES: &[(&str, &str)] = &[
        ("service", "服务"),
        ("instance", "实例"),
        ("namespace", "命名空间"),
        ("volume", "云硬盘"),
        ("snapshot", "快照"),
        ("token", "令牌"),
        ("user", "用户"),
        ("application", "应用"),
        ("route", "路由"),
        ("config", "配置"),
        ("quota", "配额"),
        ("cluster", "集群"),
        ("node", "节点"),
        ("pod", "容器组"),
        ("port", "端口"),
        ("image", "镜像"),
        ("bucket", "存储桶"),
        ("key", "密钥"),
        ("policy", "策略"),
        ("role", "角色"),
        ("group", "分组"),
        ("tag", "标签"),
        ("rule", "规则"),
        ("listener", "监听器"),
        ("certificate", "证书"),
        ("database", "数据库"),
        ("account", "账号"),
        ("project", "项目"),
        ("region", "地域"),
        ("zone", "可用区"),
        ("subnet", "子网"),
        ("vpc", "私有网络"),
        ("gateway", "网关"),
        ("domain", "域名"),
        ("record", "记录"),
        ("alarm", "告警"),
        ("metric", "指标"),
        ("log", "日志"),
        ("task", "任务"),
        ("job", "作业"),
        ("queue", "队列"),
        ("topic", "主题"),
        ("message", "消息"),
        ("secret", "凭据"),
        ("template", "模板"),
        ("stack", "资源栈"),
        ("function", "函数"),
        ("trigger", "触发器"),
        ("alias", "别名"),
        ("version", "版本"),
        ("deployment", "部署"),
        ("container", "容器"),
        ("repository", "仓库"),
        ("loadbalancer", "负载均衡"),
        ("backend", "后端"),
        ("host", "主机"),
        ("disk", "磁盘"),
        ("network", "网络"),
        ("interface", "网卡"),
        ("address", "地址"),
    ];

    const ATTRIBUTES: &[(&str, &str)] = &[
        ("name", "名称"),
        ("id", "标识"),
        ("owner", "拥有人"),
        ("metadata", "元数据"),
        ("size", "大小"),
        ("status", "状态"),
        ("version", "版本号"),
        ("format", "格式"),
        ("length", "长度"),
        ("type", "类型"),
        ("description", "描述"),
        ("count", "数量"),
        ("path", "路径"),
        ("protocol", "协议"),
        ("weight", "权重"),
        ("priority", "优先级"),
        ("label", "标记"),
        ("spec", "规格"),
        ("password", "密码"),
        ("endpoint", "接入点"),
        ("timeout", "超时时间"),
        ("region", "所属地域"),
        ("department", "所属部门"),
        ("business", "所属业务"),
        ("comment", "备注"),
    ];

    const ACTIONS: &[(&str, &str)] = &[
        ("create", "创建"),
        ("delete", "删除"),
        ("update", "更新"),
        ("get", "获取"),
        ("list", "列出"),
        ("attach", "挂载"),
        ("detach", "卸载"),
        ("start", "启动"),
        ("stop", "停止"),
        ("scale", "扩容"),
        ("restart", "重启"),
        ("bind", "绑定"),
        ("unbind", "解绑"),
        ("export", "导出"),
        ("import", "导入"),
        ("query", "查询"),
    ];

    /// A way to say a category: English, Chinese, name words.
    type Phrase = (&'static str, &'static str, &'static str);

    const PHRASES: &[(Category, &[Phrase])] = &[
        (
            Category::NotFound,
            &[
                ("not found", "未找到", "NotFound"),
                ("does not exist", "不存在", "NotExist"),
                ("no such", "没有该", "NoSuch"),
            ],
        ),
        (
            Category::AlreadyExists,
            &[
                ("already exists", "已存在", "AlreadyExists"),
                ("duplicated", "重复", "Duplicated"),
                ("conflict", "冲突", "Conflict"),
            ],
        ),
        (
            Category::InvalidArgument,
            &[
                ("invalid", "非法", "Invalid"),
                ("format invalid", "格式不合法", "BadFormat"),
                ("is empty", "为空", "Empty"),
                ("too long", "过长", "TooLong"),
            ],
        ),
        (
            Category::PermissionDenied,
            &[
                ("access denied", "无权访问", "AccessDenied"),
                ("forbidden", "禁止操作", "Forbidden"),
                ("not allowed", "不允许", "NotAllowed"),
            ],
        ),
        (
            Category::ResourceExhausted,
            &[
                ("quota exceeded", "配额不足", "QuotaExceeded"),
                ("over the limit", "超过上限", "OverLimit"),
                ("rate limited", "请求过于频繁", "RateLimited"),
            ],
        ),
        (
            Category::FailedPrecondition,
            &[
                ("in wrong state", "状态不正确", "BadState"),
                ("is in use", "正在使用中", "InUse"),
                ("not ready", "未就绪", "NotReady"),
            ],
        ),
        (
            Category::Internal,
            &[
                ("internal error", "内部错误", "InternalError"),
                ("failed", "失败", "Failed"),
                ("exception", "异常", "Exception"),
            ],
        ),
        (
            Category::Unavailable,
            &[
                ("service unavailable", "服务不可用", "Unavailable"),
                ("busy, retry later", "系统繁忙", "Busy"),
            ],
        ),
        (
            Category::DeadlineExceeded,
            &[
                ("timed out", "超时", "Timeout"),
                ("deadline exceeded", "处理超时", "DeadlineExceeded"),
            ],
        ),
        (
            Category::Unauthenticated,
            &[
                ("token expired", "令牌过期", "TokenExpired"),
                ("signature mismatch", "签名不匹配", "BadSignature"),
            ],
        ),
    ];

    const FILLERS: &[(&str, &str)] = &[
        ("please check the request", "请检查请求"),
        ("for the current account", "当前账号"),
        ("in this region", "在该地域"),
        ("contact support", "请联系技术支持"),
        ("", ""),
        ("", ""),
        ("", ""),
        ("", ""),
    ];

    /// `InvalidService` or `invalid_service`, upper-cased for SNAKE.
    fn camel(words: &[&str]) -> String {
        words
            .iter()
            .flat_map(|w| w.split(' '))
            .map(|w| {
                let mut c = w.chars();
                c.next().map_or(String::new(), |f| {
                    f.to_ascii_uppercase().to_string() + c.as_str()
                })
            })
            .collect()
    }

    fn snake(words: &[&str]) -> String {
        words
            .iter()
            .flat_map(|w| {
                self::words(w)
                    .into_iter()
                    .map(move |r| w[r].to_ascii_uppercase())
            })
            .collect::<Vec<_>>()
            .join("_")
    }

    /// `vendors` vendors of `per_vendor` codes each: families of codes over one
    /// module and resource, named in the vendor's style (CamelCase, SNAKE or
    /// none), in English, Chinese or both, with vendor-specific rare words.
    /// `one_category` puts every code in UNKNOWN: the worst case.
    fn synthetic(
        vendors: usize,
        per_vendor: usize,
        one_category: bool,
    ) -> (Catalog, Vec<Vec<Assigned>>) {
        let mut rng = Rng(0x5EED);
        let syllables = [
            "ka", "zo", "ri", "mex", "tul", "po", "van", "qi", "lor", "sen", "dra", "bu",
        ];
        let rare: Vec<String> = (0..4000)
            .map(|_| (0..3).map(|_| *rng.pick(&syllables)).collect())
            .collect();
        let mut catalog = Catalog::default();
        let mut categories = Vec::new();
        for v in 0..vendors {
            let modules: Vec<&str> = (0..12).map(|_| rng.pick(&rare).as_str()).collect();
            let mut records = Vec::new();
            let mut assigned_v = Vec::new();
            while records.len() < per_vendor {
                let module = *rng.pick(&modules);
                let resource = *rng.zipf(RESOURCES);
                let family = 3 + rng.below(12);
                for _ in 0..family.min(per_vendor - records.len()) {
                    let &(category, phrases) = rng.zipf(PHRASES);
                    let &(p_en, p_zh, p_name) = rng.pick(phrases);
                    let attribute = *rng.zipf(ATTRIBUTES);
                    let action = *rng.pick(ACTIONS);
                    let filler = *rng.pick(FILLERS);
                    let extra = rng.zipf(&rare).as_str();
                    let use_attr = rng.below(2) == 0;
                    let use_action = category == Category::Internal || rng.below(4) == 0;
                    let mut en = vec![];
                    let mut zh = String::new();
                    let mut name = vec![];
                    if use_action {
                        en.push(action.0);
                        zh.push_str(action.1);
                        name.push(action.0);
                    }
                    en.push(resource.0);
                    zh.push_str(resource.1);
                    name.push(resource.0);
                    if use_attr {
                        en.push(attribute.0);
                        zh.push_str(attribute.1);
                        name.push(attribute.0);
                    }
                    en.push(p_en);
                    zh.push_str(p_zh);
                    if !filler.0.is_empty() {
                        en.push(filler.0);
                        zh.push('，');
                        zh.push_str(filler.1);
                    }
                    if rng.below(5) == 0 {
                        en.push(extra);
                        zh.push_str(extra);
                    }
                    let name = match v % 4 {
                        0 => Some(camel(&[&[p_name][..], &name].concat())),
                        1 => Some(snake(&[&[module][..], &name, &[p_name]].concat())),
                        2 => None,
                        _ => Some(camel(&[&[module, p_name][..], &name].concat())),
                    };
                    let en = en.join(" ");
                    let texts: Vec<&str> = match v % 3 {
                        0 => vec![&en, &zh],
                        1 => vec![&en],
                        _ => vec![&zh],
                    };
                    let code = format!("{}{:06}", 100 + v, records.len());
                    records.push(record(&code, name.as_deref(), &texts));
                    assigned_v.push(assigned(if one_category {
                        Category::Unknown
                    } else {
                        category
                    }));
                }
            }
            catalog
                .vendors
                .push(vendor(&format!("vendor-{v:02}"), records));
            categories.push(assigned_v);
        }
        (catalog, categories)
    }

    /// This process's CPU time so far, user and system: on a shared
    /// machine, wall time says more about the neighbours.
    fn cpu_time() -> std::time::Duration {
        let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
        let after_name = stat.rsplit(')').next().unwrap_or_default();
        let fields: Vec<&str> = after_name.split_whitespace().collect();
        let ticks: u64 = fields
            .get(11..13)
            .map_or(0, |f| f.iter().filter_map(|t| t.parse::<u64>().ok()).sum());
        // USER_HZ is 100 on every Linux this runs on.
        std::time::Duration::from_millis(ticks * 10)
    }

    /// The least wall and CPU time `f` takes over a few runs: the machine
    /// is shared, and the least is the nearest to what the code costs.
    fn least_time<T>(mut f: impl FnMut() -> T) -> (std::time::Duration, std::time::Duration, T) {
        let (mut wall, mut cpu) = (std::time::Duration::MAX, std::time::Duration::MAX);
        let mut out = None;
        for _ in 0..5 {
            drop(out.take());
            let (start, cpu_start) = (std::time::Instant::now(), cpu_time());
            out = Some(f());
            wall = wall.min(start.elapsed());
            cpu = cpu.min(cpu_time() - cpu_start);
        }
        (wall, cpu, out.unwrap())
    }

    fn time_related(label: &str, catalog: &Catalog, categories: &[Vec<Assigned>]) {
        let (wall, cpu, related) = least_time(|| related(catalog, categories, LIMIT));
        let (index_wall, _, corpus) = least_time(|| Corpus::new(catalog, categories));
        let (similar_wall, ..) = least_time(|| corpus.similar(LIMIT, SCAN_BUDGET));
        let (stems_wall, ..) = least_time(|| {
            let stems = catalog.vendors.par_iter().map(|v| stem_siblings(v, LIMIT));
            stems.collect::<Vec<_>>()
        });
        let counted = |f: fn(&Why) -> bool| {
            related
                .iter()
                .flatten()
                .flatten()
                .filter(|r| f(&r.why))
                .count()
        };
        let similar = counted(|w| *w == Why::Similar);
        let stems = counted(|w| matches!(w, Why::NameStem(_)));
        let with_similar = related
            .iter()
            .flatten()
            .filter(|r| r.iter().any(|r| r.why == Why::Similar))
            .count();
        println!(
            "{label}: {} codes on {} threads: related() {wall:.0?} wall, {cpu:.0?} CPU \
             (index {index_wall:.0?}, similar {similar_wall:.0?}, stems {stems_wall:.0?}); \
             {similar} similar and {stems} stem links; {with_similar} codes have a similar one",
            catalog.code_count(),
            rayon::current_num_threads(),
        );
    }

    /// How many of the exact best `LIMIT` similar codes (by comparing with
    /// every code) the search finds with `budget`, over a sample of codes.
    /// A code tied with the exact `LIMIT`th counts as found: the synthetic
    /// catalog has many codes of identical words.
    fn recall(corpus: &Corpus, categories: &[Vec<Assigned>], budget: usize, step: usize) -> f64 {
        let category: Vec<Category> = (0..corpus.len())
            .map(|g| {
                let (v, r) = corpus.locate(g);
                categories[v][r].category
            })
            .collect();
        let mut scratch = Scratch::new(corpus.len());
        let (mut found, mut wanted) = (0, 0);
        for g in (0..corpus.len()).step_by(step) {
            let (v, _) = corpus.locate(g);
            let mut exact: Vec<Scored> = (0..corpus.len())
                .filter(|&o| category[o] == category[g] && corpus.locate(o).0 != v)
                .map(|o| Scored {
                    code: o as u32,
                    score: corpus.cosine(g, o),
                })
                .filter(|s| s.score >= MIN_SIMILARITY)
                .collect();
            exact.sort_unstable_by(|a, b| b.cmp(a));
            exact.truncate(LIMIT);
            let got = corpus.similar_to(g, LIMIT, budget, &mut scratch);
            let Some(last) = exact.last() else { continue };
            wanted += exact.len();
            found += got
                .iter()
                .filter(|o| corpus.cosine(g, o.code as usize) >= last.score - 1e-6)
                .count();
        }
        found as f64 / wanted.max(1) as f64
    }

    #[test]
    #[ignore = "a benchmark: cargo test --release --lib related -- --ignored --nocapture"]
    fn related_scales_to_100k_codes() {
        let (catalog, categories) = synthetic(40, 2500, true);
        time_related("one category (worst case)", &catalog, &categories);
        let (catalog, categories) = synthetic(40, 2500, false);
        time_related("ten categories", &catalog, &categories);
        println!("sample synthetic codes:");
        for v in 0..4 {
            let record = &catalog.vendors[v].records[0];
            let texts: Vec<&str> = texts(record).collect();
            println!("    {} {:?} {texts:?}", record.code, record.name);
        }
    }

    #[test]
    #[ignore = "a benchmark: cargo test --release --lib related -- --ignored --nocapture"]
    fn recall_grows_with_the_scan_budget() {
        let (catalog, categories) = synthetic(40, 2500, false);
        let corpus = Corpus::new(&catalog, &categories);
        for budget in [256, 512, 1024, 2048, 4096] {
            let (_, cpu, _) = least_time(|| corpus.similar(LIMIT, budget));
            let recall = recall(&corpus, &categories, budget, corpus.len() / 300);
            println!("budget {budget}: similar {cpu:.0?} CPU, recall {recall:.3}");
        }
    }
}
