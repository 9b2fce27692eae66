//! Words: how all of xref splits a name or a text into words — related
//! codes' tokens and name stems, the rule table's English words, and the
//! key terms of the consistency report.
//!
//! One splitter, so that where a word ends is one rule for every part of
//! xref: `InvalidRequestID` is three words to related codes and to the
//! key terms. (The rule table lowercases a text before splitting it, so it
//! sees one word there, as it always has.) What each part then does with
//! the words (bigrams, phrases, stems) is its own business.

use std::ops::Range;

use crate::model::is_han;

/// What [`split`] finds in a text, in order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Piece {
    /// A word of ASCII letters and digits, as written (not lowercased):
    /// its byte range in the text.
    Word(Range<usize>),
    /// A run of Han characters, which has no spaces to split at: its byte
    /// range in the text.
    Han(Range<usize>),
    /// Anything but an ASCII letter or digit, a Han character, a space, a
    /// hyphen or an underscore: punctuation, a full-width comma, `é`. It
    /// ends a phrase, where a space only ends a word. Once for a run of
    /// such characters.
    Break,
}

impl Piece {
    /// The word's byte range, if this is a word.
    pub(super) fn word(self) -> Option<Range<usize>> {
        match self {
            Piece::Word(range) => Some(range),
            Piece::Han(_) | Piece::Break => None,
        }
    }
}

/// Whether `_` separates words or belongs to one: the one way xref's
/// readers of words differ.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Underscore {
    /// `VOL_SS_NAME` is three words: a symbolic name's words are joined by
    /// underscores, and related codes and key terms read texts like names.
    Splits,
    /// `depends_on` is one word, as in the identifier it is. The rule table
    /// matches English words in texts, and a text that names the field
    /// `depends_on` ("存在错误的depends_on服务") does not say "depends on",
    /// a rule word of FAILED_PRECONDITION: split there, api-switch's codes
    /// 10613 and 10614 would move there from INVALID_ARGUMENT.
    Joins,
}

/// The words, Han runs and phrase breaks of `text`.
///
/// Words are the runs of ASCII letters and digits (and `_` if it
/// [`Joins`](Underscore::Joins)), split at CamelCase humps with an acronym
/// kept whole: `InvalidRequestID` → Invalid, Request, ID; `CMDBName` →
/// CMDB, Name; `HTTP2Error` → HTTP2, Error. A Han run ends at anything
/// that is not a Han character, a space included.
pub(super) fn split(text: &str, underscore: Underscore) -> Split<'_> {
    Split {
        text,
        at: 0,
        run_end: 0,
        underscore,
    }
}

/// The iterator [`split`] returns.
#[derive(Debug, Clone)]
pub(super) struct Split<'t> {
    text: &'t str,
    /// Where the next piece starts, or the next character to look at.
    at: usize,
    /// The end of the run of word characters `at` is in; `at` or less
    /// outside one.
    run_end: usize,
    underscore: Underscore,
}

impl Split<'_> {
    fn is_word_byte(&self, b: u8) -> bool {
        b.is_ascii_alphanumeric() || (b == b'_' && self.underscore == Underscore::Joins)
    }

    /// The next word of the current run: up to its next hump or its end.
    fn word(&mut self) -> Piece {
        let start = self.at;
        let end = (start + 1..self.run_end).find(|&i| self.hump(i));
        self.at = end.unwrap_or(self.run_end);
        Piece::Word(start..self.at)
    }

    /// Whether a word of the current run ends before byte `i`.
    fn hump(&self, i: usize) -> bool {
        let b = self.text.as_bytes();
        b[i].is_ascii_uppercase()
            && (b[i - 1].is_ascii_lowercase()
                || b[i - 1].is_ascii_digit()
                || (b[i - 1].is_ascii_uppercase()
                    && i + 1 < self.run_end
                    && b[i + 1].is_ascii_lowercase()))
    }
}

impl Iterator for Split<'_> {
    type Item = Piece;

    fn next(&mut self) -> Option<Piece> {
        if self.at < self.run_end {
            return Some(self.word());
        }
        let mut broken = false;
        while let Some(c) = self.text[self.at..].chars().next() {
            let word = c.is_ascii() && self.is_word_byte(c as u8);
            if broken && (word || is_han(c)) {
                // The break first; this character starts the piece after it.
                return Some(Piece::Break);
            }
            let start = self.at;
            if word {
                let rest = self.text.as_bytes()[start..].iter();
                self.run_end = start + rest.take_while(|&&b| self.is_word_byte(b)).count();
                return Some(self.word());
            }
            if is_han(c) {
                let end = self.text[start..].char_indices().find(|&(_, c)| !is_han(c));
                self.at = end.map_or(self.text.len(), |(len, _)| start + len);
                return Some(Piece::Han(start..self.at));
            }
            self.at += c.len_utf8();
            broken |= !matches!(c, ' ' | '-' | '_');
        }
        broken.then_some(Piece::Break)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each piece as its text, a break as `|`.
    fn pieces(text: &str, underscore: Underscore) -> Vec<&str> {
        split(text, underscore)
            .map(|piece| match piece {
                Piece::Word(range) | Piece::Han(range) => &text[range],
                Piece::Break => "|",
            })
            .collect()
    }

    #[test]
    fn words_split_at_humps_keeping_acronyms_whole() {
        let words = |text| pieces(text, Underscore::Splits);
        assert_eq!(words("InvalidRequestID"), ["Invalid", "Request", "ID"]);
        assert_eq!(words("CMDBNotFindHost"), ["CMDB", "Not", "Find", "Host"]);
        assert_eq!(words("HTTP2Error"), ["HTTP2", "Error"]);
        assert_eq!(
            words("HTTPError serverName"),
            ["HTTP", "Error", "server", "Name"]
        );
        assert_eq!(words("abc2Def"), ["abc2", "Def"]);
        assert_eq!(words("ABC"), ["ABC"]);
    }

    #[test]
    fn spaces_hyphens_and_underscores_end_a_word_other_characters_a_phrase() {
        assert_eq!(
            pieces("Micro-service does_not exist.", Underscore::Splits),
            ["Micro", "service", "does", "not", "exist", "|"]
        );
        assert_eq!(
            pieces("not found, tag é config", Underscore::Splits),
            ["not", "found", "|", "tag", "|", "config"]
        );
        assert_eq!(pieces("__a--b__", Underscore::Splits), ["a", "b"]);
        assert_eq!(pieces("", Underscore::Splits), [""; 0]);
    }

    #[test]
    fn han_runs_end_at_anything_else() {
        assert_eq!(
            pieces("用户token非法", Underscore::Splits),
            ["用户", "token", "非法"]
        );
        assert_eq!(
            pieces("服务 端口，主配置", Underscore::Splits),
            ["服务", "端口", "|", "主配置"]
        );
    }

    #[test]
    fn an_underscore_joins_an_identifier_when_asked_to() {
        assert_eq!(
            pieces("存在错误的depends_on服务", Underscore::Joins),
            ["存在错误的", "depends_on", "服务"]
        );
        assert_eq!(
            pieces("存在错误的depends_on服务", Underscore::Splits),
            ["存在错误的", "depends", "on", "服务"]
        );
    }
}
