//! What a code is compared on: its name and texts as tokens, English
//! words in their normal form and Chinese as character bigrams.

use std::ops::Range;

use twox_hash::XxHash3_64;

use super::texts;
use crate::model::is_han;
use crate::model::{Category, Record};

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

/// Calls `emit` with each token of `text`: runs of Han characters as their
/// character bigrams (a lone character as itself), runs of ASCII letters
/// and digits as their words ([`for_each_word`]), each [`normalized`].
/// Everything else separates.
pub(super) fn tokenize(text: &str, word: &mut String, emit: &mut impl FnMut(&str)) {
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
pub(super) fn words(text: &str) -> Vec<Range<usize>> {
    let mut words = Vec::new();
    for_each_word(text, |word| words.push(word));
    words
}

/// Calls `f` with each word of a name or a run of ASCII, as a byte range:
/// split at anything but ASCII letters and digits, and at CamelCase humps,
/// an acronym staying whole (`InvalidRequestID` → Invalid, Request, ID;
/// `CMDBName` → CMDB, Name; `HTTP2Error` → HTTP2, Error).
pub(super) fn for_each_word(text: &str, mut f: impl FnMut(Range<usize>)) {
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
