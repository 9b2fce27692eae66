//! The rule table compiled: name patterns with the byte pairs they need,
//! HTTP status patterns, and English and Chinese words ready to look up.

use crate::model::{Category, HttpStatus};
use crate::xref::words::{Piece, Underscore, split};

#[derive(Debug)]
pub(super) struct Rule {
    pub(super) id: String,
    pub(super) category: Category,
    pub(super) names: Vec<Glob>,
    pub(super) status: Vec<StatusPattern>,
    /// `None`: any status or none.
    pub(super) when_status: Option<Vec<StatusCondition>>,
}

impl Rule {
    pub(super) fn applies_to(&self, status: Option<HttpStatus>) -> bool {
        let Some(conditions) = &self.when_status else {
            return true;
        };
        conditions.iter().any(|c| match (c, status) {
            (StatusCondition::Absent, None) => true,
            (StatusCondition::Is(p), Some(s)) => p.matches(s),
            _ => false,
        })
    }
}

/// A name pattern: literal parts between `*`s, lowercased.
#[derive(Debug)]
pub(super) struct Glob {
    pub(super) source: String,
    parts: Vec<String>,
    /// The byte pairs the parts contain: a name lacking one cannot match.
    needs: Pairs,
}

impl Glob {
    pub(super) fn new(source: &str) -> Glob {
        let lower = source.to_lowercase();
        let mut needs = Pairs::default();
        for part in lower.split('*') {
            needs.add(part);
        }
        Glob {
            source: source.to_owned(),
            parts: lower.split('*').map(str::to_owned).collect(),
            needs,
        }
    }

    /// Whether the lowercased `name`, whose byte pairs are `pairs`, matches.
    pub(super) fn matches_fast(&self, name: &str, pairs: &Pairs) -> bool {
        pairs.covers(&self.needs) && self.matches(name)
    }

    /// Whether the lowercased `name` matches. The first part is a prefix,
    /// the last a suffix (either empty when the pattern starts or ends with
    /// `*`), the ones between must appear in order.
    pub(super) fn matches(&self, name: &str) -> bool {
        let (first, rest) = self.parts.split_first().expect("split yields a part");
        let Some(mut tail) = name.strip_prefix(first.as_str()) else {
            return false;
        };
        let Some((last, middle)) = rest.split_last() else {
            return tail.is_empty();
        };
        for part in middle {
            match tail.find(part.as_str()) {
                Some(at) => tail = &tail[at + part.len()..],
                None => return false,
            }
        }
        tail.ends_with(last.as_str())
    }
}

/// Which pairs of adjacent bytes occur in a text, hashed into 256 bits: a
/// rough set that can only err towards "present". Checking it first spares
/// scanning a name for most of the table's patterns.
#[derive(Debug, Default, Clone, Copy)]
pub(super) struct Pairs([u64; 4]);

impl Pairs {
    pub(super) fn of(text: &str) -> Pairs {
        let mut pairs = Pairs::default();
        pairs.add(text);
        pairs
    }

    fn add(&mut self, text: &str) {
        for w in text.as_bytes().windows(2) {
            let bit = usize::from(w[0].wrapping_mul(31) ^ w[1]);
            self.0[bit / 64] |= 1 << (bit % 64);
        }
    }

    fn covers(&self, other: &Pairs) -> bool {
        self.0.iter().zip(&other.0).all(|(a, b)| a & b == *b)
    }
}

/// `404`, or a class `5xx`.
#[derive(Debug)]
pub(super) struct StatusPattern {
    pub(super) source: String,
    exact: Option<u16>,
    class: u16,
}

impl StatusPattern {
    pub(super) fn parse(source: &str) -> Option<StatusPattern> {
        let bytes = source.as_bytes();
        let class = match bytes.first()? {
            b @ b'1'..=b'5' => u16::from(b - b'0'),
            _ => return None,
        };
        if bytes.len() != 3 {
            return None;
        }
        let exact = if &bytes[1..] == b"xx" {
            None
        } else if bytes[1..].iter().all(u8::is_ascii_digit) {
            Some(source.parse().ok()?)
        } else {
            return None;
        };
        Some(StatusPattern {
            source: source.to_owned(),
            exact,
            class,
        })
    }

    pub(super) fn matches(&self, status: HttpStatus) -> bool {
        match self.exact {
            Some(exact) => status.get() == exact,
            None => status.get() / 100 == self.class,
        }
    }
}

#[derive(Debug)]
pub(super) enum StatusCondition {
    /// `none`: the code has no HTTP status.
    Absent,
    Is(StatusPattern),
}

#[derive(Debug)]
pub(super) struct EnglishWord {
    pub(super) rule: usize,
    /// The tokens after the first.
    pub(super) rest: Vec<String>,
    pub(super) source: String,
}

impl EnglishWord {
    /// Whether `after`, the tokens after a match of the first one, starts
    /// with the rest of the phrase.
    pub(super) fn follows(&self, after: &[&str]) -> bool {
        after.len() >= self.rest.len() && self.rest.iter().zip(after).all(|(a, b)| a == b)
    }
}

#[derive(Debug)]
pub(super) struct ChineseWord {
    pub(super) rule: usize,
    /// Lowercased, to compare with lowercased text (`TOKEN不合法`).
    pub(super) text: String,
    pub(super) source: String,
}

/// The words of a lowercased English text, as the table's English words
/// are matched: `_` joins, so `depends_on` stays one word, as in the
/// identifier it is. A phrase spans whatever is between its words.
pub(super) fn tokens(text: &str) -> impl Iterator<Item = &str> {
    let words = split(text, Underscore::Joins).filter_map(Piece::word);
    words.map(|range| &text[range])
}
