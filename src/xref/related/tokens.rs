//! What a code is compared on: its name and texts as tokens, English
//! words in their normal form and Chinese as character bigrams.

use twox_hash::XxHash3_64;

use super::texts;
use crate::model::{Category, Record};
use crate::xref::words::{Piece, Underscore, split};

/// A code's distinct tokens, each as a 64-bit hash of its normal form
/// seeded with its category. (Two of a catalog's few hundred thousand
/// tokens colliding is a one in 10⁸ chance, and would merge two words.)
pub(super) fn token_hashes(record: &Record, category: Category) -> Vec<u64> {
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
