//! Key terms: the glossary of concepts a text names (`key-terms.toml`), and
//! the reading of a text into them, English by words and Chinese by the
//! spellings that cover most of a run of Han characters.

use std::collections::{HashMap, HashSet};

use serde::Deserialize;

use crate::model::is_han;
use crate::xref::words::{Piece, Underscore, split};

/// The built-in glossary of key terms, `key-terms.toml`.
pub(super) const KEY_TERMS: &str = include_str!("../key-terms.toml");

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct KeyTermsFile {
    concept: Vec<ConceptEntry>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ConceptEntry {
    id: String,
    #[serde(default)]
    en: Vec<String>,
    #[serde(default)]
    zh: Vec<String>,
    #[serde(default)]
    generic: bool,
    #[serde(default)]
    field: bool,
    #[serde(default)]
    broader: Option<String>,
}

#[derive(Debug)]
pub(in crate::xref) struct Concept {
    pub(in crate::xref) id: String,
    /// The first Chinese spelling, whole (`主配置` of `主+配置`): how the
    /// concept is named on a Chinese page.
    pub(in crate::xref) zh: Option<String>,
    pub(in crate::xref) generic: bool,
    /// Whether it is a field of other things (an owner, a port, a
    /// version) rather than a thing of its own.
    pub(in crate::xref) field: bool,
    /// The concept this one is a kind of, by index.
    pub(in crate::xref) broader: Option<usize>,
}

/// An English spelling: one or more lowercase words.
#[derive(Debug)]
struct EnTerm {
    words: Vec<String>,
    concept: usize,
}

/// A Chinese spelling: `head` is matched and consumed, `then` must follow.
#[derive(Debug)]
struct ZhTerm {
    head: Vec<char>,
    then: Vec<char>,
    concept: usize,
}

/// The glossary, ready to reduce a text to the concepts it names.
#[derive(Debug)]
pub(in crate::xref) struct KeyTerms {
    pub(in crate::xref) concepts: Vec<Concept>,
    /// Most words first, so `rate limit` wins over `limit`.
    en: Vec<EnTerm>,
    /// Indices into `en` by each spelling's first word, ascending.
    en_by_first: HashMap<String, Vec<usize>>,
    /// By first character.
    zh: HashMap<char, Vec<ZhTerm>>,
}

impl KeyTerms {
    pub(in crate::xref) fn builtin() -> KeyTerms {
        // The file is compiled in and a test parses it; it is not input.
        KeyTerms::parse(KEY_TERMS).expect("built-in key-terms.toml is valid")
    }

    /// Reads a glossary, listing every problem in it.
    pub(super) fn parse(source: &str) -> Result<KeyTerms, String> {
        let file: KeyTermsFile = toml::from_str(source).map_err(|e| e.message().to_owned())?;
        let mut problems = Vec::new();
        let mut ids = HashSet::new();
        let mut spellings: HashMap<String, &str> = HashMap::new();
        let mut terms = KeyTerms {
            concepts: Vec::new(),
            en: Vec::new(),
            en_by_first: HashMap::new(),
            zh: HashMap::new(),
        };
        for (index, entry) in file.concept.iter().enumerate() {
            if entry.id.trim().is_empty() || !ids.insert(entry.id.as_str()) {
                problems.push(format!("concept id `{}` is empty or repeated", entry.id));
            }
            if entry.en.is_empty() && entry.zh.is_empty() {
                problems.push(format!("concept `{}` has no spelling", entry.id));
            }
            let mut claim = |spelling: &str, problems: &mut Vec<String>| {
                if let Some(other) = spellings.insert(spelling.to_owned(), &entry.id) {
                    problems.push(format!(
                        "`{spelling}` is a spelling of both `{other}` and `{}`",
                        entry.id
                    ));
                }
            };
            for spelling in &entry.en {
                let words: Vec<String> = spelling.split(' ').map(str::to_owned).collect();
                let valid = words.iter().all(|w| {
                    !w.is_empty()
                        && w.bytes()
                            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
                });
                if !valid {
                    problems.push(format!(
                        "english spelling `{spelling}` of `{}` must be lowercase ASCII words separated by single spaces",
                        entry.id
                    ));
                }
                claim(spelling, &mut problems);
                terms.en.push(EnTerm {
                    words,
                    concept: index,
                });
            }
            for spelling in &entry.zh {
                let (head, then) = spelling.split_once('+').unwrap_or((spelling, ""));
                let (head, then): (Vec<char>, Vec<char>) =
                    (head.chars().collect(), then.chars().collect());
                if head.is_empty() || !head.iter().chain(&then).all(|&c| is_han(c)) {
                    problems.push(format!(
                        "chinese spelling `{spelling}` of `{}` must be Han characters, optionally `head+following`",
                        entry.id
                    ));
                    continue;
                }
                if head.len() == 1 && then.is_empty() {
                    problems.push(format!(
                        "chinese spelling `{spelling}` of `{}` is a single character; say what must follow it (`{spelling}+…`)",
                        entry.id
                    ));
                }
                claim(spelling, &mut problems);
                terms.zh.entry(head[0]).or_default().push(ZhTerm {
                    head,
                    then,
                    concept: index,
                });
            }
            terms.concepts.push(Concept {
                id: entry.id.clone(),
                zh: entry.zh.first().map(|z| z.replace('+', "")),
                generic: entry.generic,
                field: entry.field,
                broader: None,
            });
        }
        for (index, entry) in file.concept.iter().enumerate() {
            let Some(broader) = &entry.broader else {
                continue;
            };
            match file.concept.iter().position(|c| &c.id == broader) {
                Some(b) if b != index => terms.concepts[index].broader = Some(b),
                _ => problems.push(format!(
                    "concept `{}` is a kind of `{broader}`, which is no other concept",
                    entry.id
                )),
            }
        }
        if !problems.is_empty() {
            return Err(problems.join("\n"));
        }
        terms
            .en
            .sort_by_key(|term| std::cmp::Reverse(term.words.len()));
        for (i, term) in terms.en.iter().enumerate() {
            let first = term.words.first().cloned().unwrap_or_default();
            terms.en_by_first.entry(first).or_default().push(i);
        }
        Ok(terms)
    }

    /// The concepts `texts` name, each once, in order of first mention.
    pub(in crate::xref) fn concepts<'t>(
        &self,
        texts: impl IntoIterator<Item = &'t str>,
    ) -> Vec<usize> {
        let mut found = Vec::new();
        for text in texts {
            for phrase in phrases(text) {
                match phrase {
                    Phrase::Words(words) => self.match_words(&words, &mut found),
                    Phrase::Han(chars) => self.match_han(&chars, &mut found),
                }
            }
        }
        let mut seen = HashSet::new();
        found.retain(|c| seen.insert(*c));
        found
    }

    /// Longest spelling first, left to right.
    fn match_words(&self, words: &[String], found: &mut Vec<usize>) {
        let mut i = 0;
        while i < words.len() {
            // The first spelling, in `en`'s order, that spells the words
            // here: only those starting with this word (or its singular,
            // for one-word spellings) can.
            let word = words[i].as_str();
            let singulars = [
                Some(word.to_owned()),
                word.strip_suffix('s').map(str::to_owned),
                word.strip_suffix("es").map(str::to_owned),
                word.strip_suffix("ies").map(|stem| format!("{stem}y")),
            ];
            let first = singulars
                .iter()
                .flatten()
                .filter_map(|key| self.en_by_first.get(key))
                .flatten()
                .copied()
                .filter(|&t| spells(&self.en[t].words, &words[i..]))
                .min();
            match first.map(|t| &self.en[t]) {
                Some(term) => {
                    found.push(term.concept);
                    i += term.words.len();
                }
                None => i += 1,
            }
        }
    }

    /// Chinese has no spaces: split the run into the spellings that cover
    /// the most characters (fewest pieces on a tie), so 服务端口 is
    /// 服务 + 端口 and 服务端未开启 is 服务端.
    fn match_han(&self, chars: &[char], found: &mut Vec<usize>) {
        // best[i] is the best split of chars[i..], built from the end.
        let mut best = vec![Split::default(); chars.len() + 1];
        for i in (0..chars.len()).rev() {
            let mut here = Split {
                take: None,
                ..best[i + 1]
            };
            for term in self.zh.get(&chars[i]).into_iter().flatten() {
                let rest = &chars[i..];
                let len = term.head.len();
                if !(rest.starts_with(&term.head) && rest[len..].starts_with(&term.then)) {
                    continue;
                }
                let candidate = Split {
                    covered: best[i + len].covered + len,
                    pieces: best[i + len].pieces + 1,
                    take: Some((len, term.concept)),
                };
                if candidate.better_than(&here) {
                    here = candidate;
                }
            }
            best[i] = here;
        }
        let mut i = 0;
        while i < chars.len() {
            match best[i].take {
                Some((len, concept)) => {
                    found.push(concept);
                    i += len;
                }
                None => i += 1,
            }
        }
    }
}

/// How a run of Han characters from some position on is split.
#[derive(Debug, Clone, Copy, Default)]
struct Split {
    /// Characters inside a spelling.
    covered: usize,
    /// Spellings used.
    pieces: usize,
    /// The spelling taken at this position: its length and concept.
    take: Option<(usize, usize)>,
}

impl Split {
    /// More characters covered, then fewer (so longer) spellings.
    fn better_than(&self, other: &Split) -> bool {
        (self.covered, std::cmp::Reverse(self.pieces))
            > (other.covered, std::cmp::Reverse(other.pieces))
    }
}

/// Whether `words` starts with `term`, allowing a plural on the last word.
fn spells(term: &[String], words: &[String]) -> bool {
    let Some((last, init)) = term.split_last() else {
        return false;
    };
    if words.len() < term.len() || init.iter().zip(words).any(|(t, w)| t != w) {
        return false;
    }
    let word = words[term.len() - 1].as_str();
    word == last
        || word
            .strip_prefix(last.as_str())
            .is_some_and(|s| s == "s" || s == "es")
        || last
            .strip_suffix('y')
            .is_some_and(|stem| word.strip_prefix(stem) == Some("ies"))
}

/// A stretch of text matched as a whole: ASCII words or Han characters,
/// as [`split`] finds them, going on across spaces, hyphens and
/// underscores (`rate-limit`, 服务 端口) and ended by anything else.
#[derive(Debug, PartialEq)]
enum Phrase {
    Words(Vec<String>),
    Han(Vec<char>),
}

fn phrases(text: &str) -> Vec<Phrase> {
    let mut phrases = Vec::new();
    let mut words: Vec<String> = Vec::new();
    let mut han = Vec::new();
    let end_words = |words: &mut Vec<String>, phrases: &mut Vec<Phrase>| {
        if !words.is_empty() {
            phrases.push(Phrase::Words(std::mem::take(words)));
        }
    };
    let end_han = |han: &mut Vec<char>, phrases: &mut Vec<Phrase>| {
        if !han.is_empty() {
            phrases.push(Phrase::Han(std::mem::take(han)));
        }
    };
    for piece in split(text, Underscore::Splits) {
        match piece {
            Piece::Word(range) => {
                end_han(&mut han, &mut phrases);
                words.push(text[range].to_ascii_lowercase());
            }
            // `split` ends a Han run at a space; a phrase goes on across
            // it, as across one between words: 服务 端口 reads as 服务端口.
            Piece::Han(range) => {
                end_words(&mut words, &mut phrases);
                han.extend(text[range].chars());
            }
            Piece::Break => {
                end_words(&mut words, &mut phrases);
                end_han(&mut han, &mut phrases);
            }
        }
    }
    end_words(&mut words, &mut phrases);
    end_han(&mut han, &mut phrases);
    phrases
}
