//! What a code is compared on: its name and texts as tokens, English
//! words in their normal form and Chinese as character bigrams, and the
//! features above the words: the objects it names, its name stems and its
//! whole text.

use twox_hash::XxHash3_64;

use super::texts;
use crate::model::Record;
use crate::xref::check::key_terms::KeyTerms;
use crate::xref::words::{Piece, Underscore, split};

/// What a feature is, kept in the two low bits of its hash: the kinds
/// weigh differently (see `Corpus`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    /// A word or a Chinese bigram, or a generic concept (`parameter`,
    /// 参数): what the text says, in one language.
    Word = 0,
    /// A concept of the key-term glossary that is an object (`service`,
    /// 服务, `secret key`, 密钥): what the code is about, in either
    /// language.
    Object = 1,
    /// A name stem of two or more words (`vol_ss` of `VOL_SS_CREATE_FAILED`).
    Stem = 2,
    /// The whole text, lowercase: two codes saying the very same thing.
    Text = 3,
}

impl Kind {
    pub(super) fn of(hash: u64) -> Kind {
        match hash & 3 {
            0 => Kind::Word,
            1 => Kind::Object,
            2 => Kind::Stem,
            _ => Kind::Text,
        }
    }
}

/// A code's features: distinct 64-bit hashes, each with its [`Kind`] in
/// its low bits, and the glossary objects it names. (Two of a catalog's
/// few hundred thousand features colliding is a one in 10⁸ chance, and
/// would merge two words.)
#[derive(Debug, Default)]
pub(super) struct Features {
    pub(super) hashes: Vec<u64>,
    /// The key-term concepts that are objects, ascending.
    pub(super) objects: Vec<u16>,
}

fn hashed(kind: Kind, bytes: &[u8]) -> u64 {
    (XxHash3_64::oneshot_with_seed(kind as u64, bytes) & !3) | kind as u64
}

pub(super) fn features(record: &Record, terms: &KeyTerms) -> Features {
    let mut hashes = Vec::new();
    let mut word = String::new();
    for text in record.name.as_deref().into_iter().chain(texts(record)) {
        tokenize(text, &mut word, &mut |token| {
            hashes.push(hashed(Kind::Word, token.as_bytes()));
        });
    }
    for text in texts(record) {
        let whole = text.trim().trim_end_matches(['.', '。', '!', '！']);
        if !whole.is_empty() {
            hashes.push(hashed(Kind::Text, whole.to_lowercase().as_bytes()));
        }
    }
    if let Some(name) = record.name.as_deref() {
        for (_, stem) in stems(name) {
            hashes.push(stem_hash(&stem));
        }
    }
    let named = record.name.as_deref().into_iter().chain(texts(record));
    let mut objects = Vec::new();
    for c in terms.concepts(named) {
        let concept = &terms.concepts[c];
        if concept.generic {
            hashes.push(hashed(Kind::Word, format!("#{}", concept.id).as_bytes()));
        } else {
            // A microservice is a service too.
            let broader = concept.broader.map(|b| (b, &terms.concepts[b]));
            let kinds = std::iter::once((c, concept)).chain(broader);
            for (c, concept) in kinds.filter(|(_, k)| !k.generic) {
                // A field is a word of what went wrong with a thing, not
                // the thing: it weighs no more than its words.
                let kind = if concept.field {
                    Kind::Word
                } else {
                    Kind::Object
                };
                hashes.push(hashed(kind, concept.id.as_bytes()));
                objects.push(c as u16);
            }
        }
    }
    hashes.sort_unstable();
    hashes.dedup();
    objects.sort_unstable();
    objects.dedup();
    Features { hashes, objects }
}

pub(super) fn stem_hash(stem: &str) -> u64 {
    hashed(Kind::Stem, stem.as_bytes())
}

/// The stems of a symbolic name, shortest first, each as where it ends in
/// the name and its key: the prefixes of two or more of its lowercase
/// words joined by `_`, so `InvalidService` and `INVALID_SERVICE` are one
/// stem. A whole name of two or more words is a
/// stem too: `SERVICE_NOT_FOUND` is the stem of `SERVICE_NOT_FOUND_IN_GROUP`.
pub(super) fn stems(name: &str) -> Vec<(usize, String)> {
    let words: Vec<_> = split(name, Underscore::Splits)
        .filter_map(Piece::word)
        .collect();
    let mut key = String::new();
    let mut stems = Vec::new();
    for (i, w) in words.iter().enumerate() {
        if i > 0 {
            key.push('_');
        }
        key.extend(name[w.clone()].chars().map(|c| c.to_ascii_lowercase()));
        if i >= 1 {
            stems.push((w.end, key.clone()));
        }
    }
    stems
}

/// Calls `emit` with each token of `text`: its words ([`split`] at
/// underscores and CamelCase humps), each [`normalized`], and its runs of
/// Han characters as their character bigrams (a lone character as itself).
/// A bigram never spans anything between two runs, a space included.
pub(super) fn tokenize(text: &str, word: &mut String, emit: &mut impl FnMut(&str)) {
    for piece in split(text, Underscore::Splits) {
        match piece {
            Piece::Word(range) => {
                if let Some(token) = normalized(&text[range], word) {
                    emit(token);
                }
            }
            Piece::Han(range) => bigrams(&text[range], emit),
            Piece::Break => {}
        }
    }
}

/// Calls `emit` with each pair of adjacent characters of `run`, or with
/// `run` itself if it is one character.
fn bigrams(run: &str, emit: &mut impl FnMut(&str)) {
    let mut chars = run.char_indices().skip(1).peekable();
    if chars.peek().is_none() {
        emit(run);
        return;
    }
    let mut start = 0;
    for (at, c) in chars {
        emit(&run[start..at + c.len_utf8()]);
        start = at;
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
