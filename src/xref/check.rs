//! The consistency report: where a vendor's sources contradict or fall
//! short of each other — a code in one language only, one text under two
//! codes, a code with no text, a text in the wrong language, and an English
//! and a Chinese text that likely mean different things.
//!
//! Every finding is a warning at the source line it is about, so a docs
//! repository can run `errdocs check` in CI and fix the input line by line.

use std::collections::hash_map::Entry;
use std::collections::{HashMap, HashSet};
use std::path::Path;

use rayon::prelude::*;
use serde::Deserialize;

use crate::diagnostic::{Diagnostic, Kind, Severity};
use crate::model::{Bilingual, Catalog, Lang, Message, Record, SourceRef, Vendor};

/// Warnings about the catalog read from `input`, each at a source line.
///
/// The order is stable: by vendor, then by file and line; findings on one
/// line in the order empty text, one language, wrong language,
/// disagreement, same text.
pub fn check(catalog: &Catalog, input: &Path) -> Vec<Diagnostic> {
    let terms = KeyTerms::builtin();
    // Vendors are checked in parallel; the findings come back in catalog order.
    let mut found: Vec<Found> = catalog
        .vendors
        .par_iter()
        .enumerate()
        .flat_map_iter(|(index, vendor)| {
            let mut found = Vec::new();
            let mut report = Report {
                vendor: index,
                found: &mut found,
            };
            for record in &vendor.records {
                empty_text(record, &mut report);
                one_language(record, &mut report);
                wrong_language(record, &mut report);
                disagreement(record, &terms, &mut report);
            }
            same_text(vendor, &mut report);
            found
        })
        .collect();
    found.par_sort_by(|a, b| {
        (a.vendor, &a.source.file, a.source.line).cmp(&(b.vendor, &b.source.file, b.source.line))
    });
    found
        .into_iter()
        .map(|f| {
            Diagnostic::new(
                f.severity,
                f.kind,
                input.join(&f.source.file),
                Some(f.source.line),
                f.message,
            )
        })
        .collect()
}

/// A finding before it becomes a [`Diagnostic`]: the vendor's index keeps
/// the output in catalog order.
struct Found<'a> {
    vendor: usize,
    severity: Severity,
    source: &'a SourceRef,
    kind: Kind,
    message: String,
}

struct Report<'a, 'f> {
    vendor: usize,
    found: &'f mut Vec<Found<'a>>,
}

impl<'a> Report<'a, '_> {
    fn warn(&mut self, source: &'a SourceRef, kind: Kind, message: String) {
        self.push(Severity::Warning, source, kind, message);
    }

    fn note(&mut self, source: &'a SourceRef, kind: Kind, message: String) {
        self.push(Severity::Note, source, kind, message);
    }

    fn push(&mut self, severity: Severity, source: &'a SourceRef, kind: Kind, message: String) {
        self.found.push(Found {
            vendor: self.vendor,
            severity,
            source,
            kind,
            message,
        });
    }
}

/// The vendor's non-blank texts in `lang`.
fn texts(record: &Record, lang: Lang) -> impl Iterator<Item = &Message> {
    record
        .messages
        .iter()
        .filter(move |m| m.lang == lang && !m.text.trim().is_empty())
}

fn language(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "English",
        Lang::Zh => "Chinese",
    }
}

/// No text from the vendor in any language: a warning, or a note once
/// reviewed translations give the code text in both.
fn empty_text<'a>(record: &'a Record, report: &mut Report<'a, '_>) {
    if !record.messages.is_empty() {
        return;
    }
    let Some(source) = record.sources.first() else {
        return;
    };
    let said = format!("code `{}` has no text in any language", record.code);
    if Lang::ALL
        .iter()
        .all(|lang| record.translation(*lang).is_some())
    {
        report.note(
            source,
            Kind::EmptyText,
            format!("{said}; both are translated"),
        );
    } else {
        report.warn(source, Kind::EmptyText, said);
    }
}

/// Text in one language only from the vendor. A gap in the vendor's
/// documentation either way; a warning while no reviewed translation fills
/// it, a note once one does.
fn one_language<'a>(record: &'a Record, report: &mut Report<'a, '_>) {
    let [en, zh] = Lang::ALL.map(|lang| texts(record, lang).next());
    let (present, message) = match (en, zh) {
        (Some(message), None) => (Lang::En, message),
        (None, Some(message)) => (Lang::Zh, message),
        _ => return,
    };
    let missing = present.other();
    let source = &record.sources[message.source];
    let said = format!("code `{}` has {} text only", record.code, language(present));
    match record.translation(missing) {
        Some(t) => report.note(
            source,
            Kind::OneLanguage,
            format!(
                "{said}; {} is translated in `{}:{}`",
                language(missing),
                t.file,
                t.line
            ),
        ),
        None => report.warn(
            source,
            Kind::OneLanguage,
            format!("{said}; {} is missing", language(missing)),
        ),
    }
}

/// A text in another language than its file declares — unless the same row
/// also has a text in the declared language: a Chinese table with an
/// English column (Huawei's response bodies) is bilingual on purpose.
fn wrong_language<'a>(record: &'a Record, report: &mut Report<'a, '_>) {
    for message in record.messages.iter().filter(|m| !m.text.trim().is_empty()) {
        let source = &record.sources[message.source];
        let row_has_declared = record
            .messages
            .iter()
            .any(|m| m.source == message.source && m.lang == source.lang);
        if message.lang != source.lang && !row_has_declared {
            report.warn(
                source,
                Kind::WrongLanguage,
                format!(
                    "code `{}` has {} text in a file declared {}: \"{}\"",
                    record.code,
                    language(message.lang),
                    language(source.lang),
                    message.text
                ),
            );
        }
    }
}

/// An English and a Chinese text that each name a key term the other lacks:
/// `not found tag config` against `主配置未找到`.
fn disagreement<'a>(record: &'a Record, terms: &KeyTerms, report: &mut Report<'a, '_>) {
    let en: Vec<&Message> = texts(record, Lang::En).collect();
    let zh: Vec<&Message> = texts(record, Lang::Zh).collect();
    let (Some(first_en), Some(first_zh)) = (en.first(), zh.first()) else {
        return;
    };
    let en_concepts = terms.concepts(en.iter().map(|m| m.text.as_str()));
    let zh_concepts = terms.concepts(zh.iter().map(|m| m.text.as_str()));
    let only = |mine: &[usize], theirs: &[usize]| -> Vec<&str> {
        mine.iter()
            .filter(|c| !theirs.contains(c) && !terms.concepts[**c].generic)
            .map(|&c| terms.concepts[c].id.as_str())
            .collect()
    };
    let en_only = only(&en_concepts, &zh_concepts);
    let zh_only = only(&zh_concepts, &en_concepts);
    if en_only.is_empty() || zh_only.is_empty() {
        return;
    }
    let quote = |messages: &[&Message]| {
        messages
            .iter()
            .map(|m| format!("\"{}\"", m.text))
            .collect::<Vec<_>>()
            .join(" / ")
    };
    let en_source = &record.sources[first_en.source];
    report.warn(
        &record.sources[first_zh.source],
        Kind::Disagreement,
        format!(
            "code `{}`: English and Chinese texts likely disagree: English {} (`{}:{}`) speaks of {}, Chinese {} of {}",
            record.code,
            quote(&en),
            en_source.file,
            en_source.line,
            en_only.join(", "),
            quote(&zh),
            zh_only.join(", "),
        ),
    );
}

/// One text under two codes of a vendor, in one language. Reported on every
/// code after the first, in file and line order, naming the first.
fn same_text<'a>(vendor: &'a Vendor, report: &mut Report<'a, '_>) {
    let keys: Vec<Vec<String>> = vendor
        .records
        .iter()
        .map(|r| r.messages.iter().map(|m| normalise(&m.text)).collect())
        .collect();
    let place = |(r, m): (usize, usize)| {
        let source = &vendor.records[r].sources[vendor.records[r].messages[m].source];
        (&source.file, source.line, r)
    };

    let mut first: Bilingual<HashMap<&str, (usize, usize)>> = Bilingual::default();
    for (r, record) in vendor.records.iter().enumerate() {
        for (m, message) in record.messages.iter().enumerate() {
            let key = keys[r][m].as_str();
            if key.is_empty() {
                continue;
            }
            match first.get_mut(message.lang).entry(key) {
                Entry::Vacant(entry) => {
                    entry.insert((r, m));
                }
                Entry::Occupied(mut entry) => {
                    if place((r, m)) < place(*entry.get()) {
                        entry.insert((r, m));
                    }
                }
            }
        }
    }

    for (r, record) in vendor.records.iter().enumerate() {
        for (m, message) in record.messages.iter().enumerate() {
            let key = keys[r][m].as_str();
            if key.is_empty() {
                continue;
            }
            let (fr, fm) = first.get(message.lang)[key];
            // Same code, or this code already reported for this text.
            let seen_here = record.messages[..m]
                .iter()
                .zip(&keys[r])
                .any(|(o, k)| o.lang == message.lang && k == key);
            if fr == r || seen_here {
                continue;
            }
            let (earlier, earlier_message) =
                (&vendor.records[fr], &vendor.records[fr].messages[fm]);
            let earlier_source = &earlier.sources[earlier_message.source];
            let source = &record.sources[message.source];
            let place = if earlier_source.file == source.file {
                format!("line {}", earlier_source.line)
            } else {
                format!("`{}:{}`", earlier_source.file, earlier_source.line)
            };
            let mut text = format!(
                "code `{}` has the same {} text as `{}` ({place}): \"{}\"",
                record.code,
                language(message.lang),
                earlier.code,
                message.text
            );
            if earlier_message.text != message.text {
                text.push_str(&format!(" (there \"{}\")", earlier_message.text));
            }
            report.warn(source, Kind::SameText, text);
        }
    }
}

/// A text as compared for [`same_text`]: case, runs of whitespace and
/// trailing punctuation do not make two texts different.
fn normalise(text: &str) -> String {
    let words = text.split_whitespace().collect::<Vec<_>>().join(" ");
    words
        .trim_end_matches(|c: char| c.is_whitespace() || ".,;:!?。，；：！？、…".contains(c))
        .to_lowercase()
}

/// The built-in glossary of key terms, `key-terms.toml`.
const KEY_TERMS: &str = include_str!("key-terms.toml");

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
}

#[derive(Debug)]
struct Concept {
    id: String,
    generic: bool,
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
struct KeyTerms {
    concepts: Vec<Concept>,
    /// Most words first, so `rate limit` wins over `limit`.
    en: Vec<EnTerm>,
    /// Indices into `en` by each spelling's first word, ascending.
    en_by_first: HashMap<String, Vec<usize>>,
    /// By first character.
    zh: HashMap<char, Vec<ZhTerm>>,
}

impl KeyTerms {
    fn builtin() -> KeyTerms {
        // The file is compiled in and a test parses it; it is not input.
        KeyTerms::parse(KEY_TERMS).expect("built-in key-terms.toml is valid")
    }

    /// Reads a glossary, listing every problem in it.
    fn parse(source: &str) -> Result<KeyTerms, String> {
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
                generic: entry.generic,
            });
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
    fn concepts<'t>(&self, texts: impl IntoIterator<Item = &'t str>) -> Vec<usize> {
        let mut found = Vec::new();
        for text in texts {
            for piece in pieces(text) {
                match piece {
                    Piece::Words(words) => self.match_words(&words, &mut found),
                    Piece::Han(chars) => self.match_han(&chars, &mut found),
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

/// A stretch of text matched as a whole: ASCII words (split at spaces,
/// hyphens and camelCase humps) or a run of Han characters.
#[derive(Debug, PartialEq)]
enum Piece {
    Words(Vec<String>),
    Han(Vec<char>),
}

fn pieces(text: &str) -> Vec<Piece> {
    let mut pieces = Vec::new();
    let mut words: Vec<String> = Vec::new();
    let mut word = String::new();
    let mut han = Vec::new();
    let mut previous = ' ';
    let end_word = |word: &mut String, words: &mut Vec<String>| {
        if !word.is_empty() {
            words.push(std::mem::take(word));
        }
    };
    let end_words = |words: &mut Vec<String>, pieces: &mut Vec<Piece>| {
        if !words.is_empty() {
            pieces.push(Piece::Words(std::mem::take(words)));
        }
    };
    let end_han = |han: &mut Vec<char>, pieces: &mut Vec<Piece>| {
        if !han.is_empty() {
            pieces.push(Piece::Han(std::mem::take(han)));
        }
    };
    for c in text.chars() {
        if c.is_ascii_alphanumeric() {
            end_han(&mut han, &mut pieces);
            if c.is_ascii_uppercase() && previous.is_ascii_lowercase() {
                end_word(&mut word, &mut words);
            }
            word.push(c.to_ascii_lowercase());
        } else if is_han(c) {
            end_word(&mut word, &mut words);
            end_words(&mut words, &mut pieces);
            han.push(c);
        } else if c == ' ' || c == '-' || c == '_' {
            end_word(&mut word, &mut words);
        } else {
            end_word(&mut word, &mut words);
            end_words(&mut words, &mut pieces);
            end_han(&mut han, &mut pieces);
        }
        previous = c;
    }
    end_word(&mut word, &mut words);
    end_words(&mut words, &mut pieces);
    end_han(&mut han, &mut pieces);
    pieces
}

fn is_han(c: char) -> bool {
    Lang::detect(c.encode_utf8(&mut [0; 4])) == Lang::Zh
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use super::*;
    use crate::model::{Code, VendorId};

    fn seeds_input() -> PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR")).join("input")
    }

    fn check_seeds() -> Vec<Diagnostic> {
        let input = seeds_input();
        let ingested = crate::ingest::ingest(&input);
        check(&ingested.catalog, &input)
    }

    /// The code a diagnostic is about: the first one in backticks.
    fn code_of(diagnostic: &Diagnostic) -> &str {
        diagnostic.message.split('`').nth(1).unwrap_or_default()
    }

    fn of_kind(diagnostics: &[Diagnostic], kind: Kind) -> Vec<&Diagnostic> {
        diagnostics.iter().filter(|d| d.kind == kind).collect()
    }

    /// `(vendor, file name, line, code)` of each diagnostic.
    fn places(diagnostics: &[&Diagnostic]) -> Vec<(String, String, usize, String)> {
        let input = seeds_input();
        diagnostics
            .iter()
            .map(|d| {
                let relative = d.path.strip_prefix(&input).unwrap();
                let mut parts = relative.iter().map(|p| p.to_string_lossy().into_owned());
                let vendor = parts.next().unwrap();
                let file = parts.collect::<Vec<_>>().join("/");
                (vendor, file, d.line.unwrap(), code_of(d).to_owned())
            })
            .collect()
    }

    fn record(code: &str, rows: &[(&str, usize, Lang, &[&str])]) -> Record {
        let mut record = Record::new(Code::new(code));
        for &(file, line, lang, texts) in rows {
            let source = record.sources.len();
            record.sources.push(SourceRef {
                file: file.to_owned(),
                line,
                lang,
            });
            for text in texts {
                record.messages.push(Message {
                    lang: Lang::detect(text),
                    text: (*text).to_owned(),
                    source,
                });
            }
        }
        record
    }

    fn catalog(vendors: Vec<(&str, Vec<Record>)>) -> Catalog {
        Catalog {
            vendors: vendors
                .into_iter()
                .map(|(id, records)| Vendor {
                    id: VendorId::new(id).unwrap(),
                    name: Bilingual::default(),
                    homepage: None,
                    records,
                    overrides: Vec::new(),
                })
                .collect(),
        }
    }

    fn names(terms: &KeyTerms, text: &str) -> Vec<String> {
        terms
            .concepts([text])
            .into_iter()
            .map(|c| terms.concepts[c].id.clone())
            .collect()
    }

    const EN: &str = "v/errors.en.md";
    const ZH: &str = "v/errors.zh.md";

    #[test]
    fn builtin_key_terms_parse_into_a_small_glossary() {
        let terms = KeyTerms::parse(KEY_TERMS).unwrap();
        assert!(
            (40..=90).contains(&terms.concepts.len()),
            "{}",
            terms.concepts.len()
        );
    }

    #[test]
    fn key_terms_refuse_a_bare_han_character_and_a_shared_spelling() {
        let source = r#"
            [[concept]]
            id = "master"
            zh = ["主"]

            [[concept]]
            id = "host"
            en = ["host"]

            [[concept]]
            id = "server"
            en = ["host"]
        "#;
        let problems = KeyTerms::parse(source).unwrap_err();
        assert!(
            problems.contains("`主` of `master` is a single character"),
            "{problems}"
        );
        assert!(
            problems.contains("`host` is a spelling of both `host` and `server`"),
            "{problems}"
        );
    }

    #[test]
    fn chinese_is_split_into_the_spellings_that_cover_most_of_it() {
        let terms = KeyTerms::builtin();
        assert_eq!(names(&terms, "服务端口非法"), ["service", "port"]);
        assert_eq!(
            names(&terms, "服务端未开启健康检查"),
            ["server", "health check"]
        );
        assert_eq!(names(&terms, "服务发现数据无变化"), ["discovery", "data"]);
    }

    #[test]
    fn a_single_han_character_matches_only_before_its_compound() {
        let terms = KeyTerms::builtin();
        assert_eq!(names(&terms, "主配置未找到"), ["master", "config"]);
        assert_eq!(names(&terms, "无法找到主机的cmdb"), ["host", "cmdb"]);
        assert!(names(&terms, "自主选择").is_empty());
    }

    #[test]
    fn english_spellings_match_plurals_phrases_camel_case_and_words_in_chinese() {
        let terms = KeyTerms::builtin();
        assert_eq!(
            names(&terms, "some rate limits existed in service"),
            ["limit", "service"]
        );
        assert_eq!(
            names(&terms, "some circuit breakers existed"),
            ["circuit breaker"]
        );
        assert_eq!(names(&terms, "Duplicate serverName"), ["server", "name"]);
        assert_eq!(names(&terms, "invalid service CMDB"), ["service", "cmdb"]);
        assert_eq!(names(&terms, "用户token非法"), ["user", "token"]);
        assert_eq!(
            names(&terms, "some aliases existed in service"),
            ["alias", "service"]
        );
    }

    #[test]
    fn seeds_report_the_polaris_tables_disagreeing() {
        let diagnostics = check_seeds();
        let found = places(&of_kind(&diagnostics, Kind::Disagreement));
        let zh = |line: usize, code: &str| {
            (
                "polaris".to_owned(),
                "error-codes.zh.md".to_owned(),
                line,
                code.to_owned(),
            )
        };
        // 400133: the English table says service alias, the Chinese one
        // instance alias (实例别名) — a real mismatch too.
        assert_eq!(
            found,
            [
                zh(38, "400133"),
                zh(104, "400309"),
                zh(105, "400310"),
                zh(148, "403001"),
                zh(149, "403002"),
            ]
        );
        let swap = of_kind(&diagnostics, Kind::Disagreement)
            .into_iter()
            .find(|d| code_of(d) == "400309")
            .unwrap();
        assert_eq!(
            swap.message,
            "code `400309`: English and Chinese texts likely disagree: \
             English \"not found tag config\" (`polaris/error-codes.en.md:88`) speaks of tag, \
             Chinese \"主配置未找到\" of master"
        );
    }

    #[test]
    fn a_faithful_pair_is_not_a_disagreement() {
        let diagnostics = check_seeds();
        let flagged: Vec<&str> = of_kind(&diagnostics, Kind::Disagreement)
            .into_iter()
            .map(code_of)
            .collect();
        // heartbeat on disabled instance / 在已被禁用的实例上进行心跳
        assert!(!flagged.contains(&"400141"));

        let catalog = catalog(vec![(
            "v",
            vec![record(
                "400141",
                &[
                    (EN, 3, Lang::En, &["heartbeat on disabled instance"]),
                    (ZH, 7, Lang::Zh, &["在已被禁用的实例上进行心跳"]),
                ],
            )],
        )]);
        assert!(check(&catalog, Path::new("input")).is_empty());
    }

    #[test]
    fn a_generic_word_alone_does_not_make_a_disagreement() {
        // The English says config, the Chinese says rule (规则): vendors
        // add and drop "rule", so only one side differs in substance.
        let catalog = catalog(vec![(
            "v",
            vec![record(
                "400503",
                &[
                    (
                        EN,
                        3,
                        Lang::En,
                        &["not allow service alias creating routing config"],
                    ),
                    (ZH, 7, Lang::Zh, &["服务别名不允许创建路由规则"]),
                ],
            )],
        )]);
        assert!(check(&catalog, Path::new("input")).is_empty());
    }

    #[test]
    fn seeds_report_codes_in_one_language_per_vendor() {
        let diagnostics = check_seeds();
        let one_language = of_kind(&diagnostics, Kind::OneLanguage);
        let mut per_vendor: HashMap<String, usize> = HashMap::new();
        for (vendor, ..) in places(&one_language) {
            *per_vendor.entry(vendor).or_default() += 1;
        }
        let expected = [
            ("api-switch", 102),
            ("netease-cloudcomb", 203),
            ("polaris", 41),
        ];
        assert_eq!(
            per_vendor,
            expected
                .map(|(v, n)| (v.to_owned(), n))
                .into_iter()
                .collect()
        );
    }

    #[test]
    fn seeds_report_the_41_polaris_codes_only_in_the_chinese_table() {
        let diagnostics = check_seeds();
        let polaris: Vec<&Diagnostic> = of_kind(&diagnostics, Kind::OneLanguage)
            .into_iter()
            .filter(|d| d.path.starts_with(seeds_input().join("polaris")))
            .collect();
        assert_eq!(polaris.len(), 41);
        let zh_file = seeds_input().join("polaris/error-codes.zh.md");
        assert!(
            polaris
                .iter()
                .all(|d| d.path == zh_file && d.line.is_some())
        );
        let chinese_only = polaris
            .iter()
            .filter(|d| {
                d.message
                    .contains("has Chinese text only; English is translated in")
            })
            .count();
        assert_eq!(chinese_only, 40);
        assert!(
            polaris.iter().all(|d| d.severity == Severity::Note),
            "all translated"
        );
        // The one English line in the Chinese table.
        let english = polaris.iter().find(|d| code_of(d) == "400509").unwrap();
        assert_eq!(english.line, Some(130));
        assert!(
            english
                .message
                .contains("has English text only; Chinese is translated in")
        );
        let first = polaris.iter().find(|d| code_of(d) == "400143").unwrap();
        assert_eq!(
            first.to_string(),
            format!(
                "{}:48: note[one-language]: code `400143` has Chinese text only; \
                 English is translated in `polaris/translations.en.toml:4`",
                zh_file.display()
            )
        );
    }

    #[test]
    fn translated_codes_are_not_reported_as_one_language() {
        let mut catalog = catalog(vec![(
            "v",
            vec![
                record("1", &[(ZH, 3, Lang::Zh, &["未找到心跳类型"])]),
                record("2", &[(ZH, 4, Lang::Zh, &["用户已存在"])]),
            ],
        )]);
        assert_eq!(check(&catalog, Path::new("input")).len(), 2);
        let translation = |code: &str, lang, text: &str| crate::model::Translation {
            code: Code::new(code),
            lang,
            text: text.to_owned(),
            file: "v/translations.toml".to_owned(),
            line: 1,
        };
        let records = &mut catalog.vendors[0].records;
        records[0]
            .translations
            .push(translation("1", Lang::En, "not found heartbeat type"));
        // A translation into the language already there changes nothing.
        records[1]
            .translations
            .push(translation("2", Lang::Zh, "用户已存在"));
        let diagnostics = check(&catalog, Path::new("input"));
        let warned: Vec<&str> = diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Warning)
            .map(code_of)
            .collect();
        assert_eq!(warned, ["2"]);
        assert!(diagnostics[0].to_string().ends_with(
            "note[one-language]: code `1` has Chinese text only; English is translated in `v/translations.toml:1`"
        ));
    }

    #[test]
    fn seeds_report_the_english_line_in_the_polaris_chinese_table_as_wrong_language() {
        let diagnostics = check_seeds();
        // Huawei's rows carry an English response body beside the Chinese
        // description on purpose; they are not reported.
        let wrong = of_kind(&diagnostics, Kind::WrongLanguage);
        assert_eq!(
            places(&wrong),
            [(
                "polaris".into(),
                "error-codes.zh.md".into(),
                130,
                "400509".into()
            )]
        );
        assert_eq!(
            wrong[0].message,
            "code `400509` has English text in a file declared Chinese: \
             \"not allow modify main account default strategy\""
        );
    }

    #[test]
    fn seeds_report_the_api_switch_constant_without_a_comment_as_empty() {
        let diagnostics = check_seeds();
        let empty = of_kind(&diagnostics, Kind::EmptyText);
        assert_eq!(
            places(&empty),
            [(
                "api-switch".into(),
                "error-codes.md".into(),
                272,
                "10608".into()
            )]
        );
    }

    #[test]
    fn seeds_report_one_text_under_two_codes_of_a_vendor() {
        let diagnostics = check_seeds();
        let found: Vec<(String, usize, String, String)> = of_kind(&diagnostics, Kind::SameText)
            .into_iter()
            .map(|d| {
                let earlier = d.message.split('`').nth(3).unwrap().to_owned();
                let vendor = d.path.strip_prefix(seeds_input()).unwrap();
                let vendor = vendor.iter().next().unwrap().to_string_lossy().into_owned();
                (vendor, d.line.unwrap(), code_of(d).to_owned(), earlier)
            })
            .collect();
        let expected = [
            ("api-switch", 82, "10302", "10001"),             // 参数不合法
            ("api-switch", 196, "10340", "10323"),            // 应用处于非运行状态或…
            ("api-switch", 225, "10350", "10313"),            // 获取云硬盘列表异常
            ("netease-cloudcomb", 46, "4000213", "4000113"),  // Param invalid.
            ("netease-cloudcomb", 47, "4000299", "4000199"), // System busy, please try again later.
            ("netease-cloudcomb", 49, "4000302", "4000112"), // Missing param(.)
            ("netease-cloudcomb", 50, "4000401", "4000001"), // Invalid parameters(.)
            ("netease-cloudcomb", 51, "4000402", "4000002"), // Missing parameters(.)
            ("netease-cloudcomb", 74, "4000511", "4000111"), // fail.
            ("netease-cloudcomb", 135, "4030301", "4030201"), // Balance insufficient(.)
            ("netease-cloudcomb", 157, "4040301", "4040001"), // No such user(.)
            ("netease-cloudcomb", 163, "4040412", "4040302"), // No such IP
            ("netease-cloudcomb", 185, "4090122", "4090001"), // Duplicate container name.
            ("netease-cloudcomb", 212, "5000400", "5000300"), // Server error / Server Error
        ];
        let expected: Vec<(String, usize, String, String)> = expected
            .iter()
            .map(|&(v, l, c, e)| (v.to_owned(), l, c.to_owned(), e.to_owned()))
            .collect();
        assert_eq!(found, expected);
    }

    #[test]
    fn same_text_ignores_case_spacing_and_trailing_punctuation_and_names_the_first() {
        let catalog = catalog(vec![
            (
                "a",
                vec![
                    record("1", &[(EN, 5, Lang::En, &["Param invalid."])]),
                    record("2", &[(EN, 3, Lang::En, &["param  INVALID"])]),
                    record("3", &[(EN, 9, Lang::En, &["Param invalid"])]),
                    record("4", &[(EN, 10, Lang::En, &["Params invalid"])]),
                ],
            ),
            // Another vendor may say the same.
            (
                "b",
                vec![record("1", &[(EN, 1, Lang::En, &["Param invalid."])])],
            ),
        ]);
        let diagnostics = check(&catalog, Path::new("input"));
        let same: Vec<String> = of_kind(&diagnostics, Kind::SameText)
            .into_iter()
            .map(ToString::to_string)
            .collect();
        assert_eq!(
            same,
            [
                "input/v/errors.en.md:5: warning[same-text]: code `1` has the same English text \
                 as `2` (line 3): \"Param invalid.\" (there \"param  INVALID\")",
                "input/v/errors.en.md:9: warning[same-text]: code `3` has the same English text \
                 as `2` (line 3): \"Param invalid\" (there \"param  INVALID\")",
            ]
        );
    }

    #[test]
    fn same_text_twice_under_one_code_is_left_to_ingest() {
        // A code listed twice in one file is ingest's `duplicate-code`.
        let catalog = catalog(vec![(
            "v",
            vec![record(
                "1",
                &[
                    (EN, 3, Lang::En, &["Missing param."]),
                    (EN, 8, Lang::En, &["missing param"]),
                ],
            )],
        )]);
        assert!(of_kind(&check(&catalog, Path::new("input")), Kind::SameText).is_empty());
    }

    #[test]
    fn diagnostics_point_into_the_input_directory_by_vendor_then_file_and_line() {
        let catalog = catalog(vec![
            (
                "a",
                vec![
                    record("1", &[("a/z.md", 9, Lang::Zh, &["未找到"])]),
                    record("2", &[("a/b.md", 20, Lang::En, &["not found"])]),
                    record("3", &[("a/b.md", 4, Lang::En, &[])]),
                ],
            ),
            (
                "b",
                vec![record("1", &[("b/a.md", 1, Lang::Zh, &["未找到"])])],
            ),
        ]);
        let input = Path::new("docs/input");
        let places: Vec<(PathBuf, Option<usize>, Kind)> = check(&catalog, input)
            .into_iter()
            .map(|d| (d.path, d.line, d.kind))
            .collect();
        assert_eq!(
            places,
            [
                (input.join("a/b.md"), Some(4), Kind::EmptyText),
                (input.join("a/b.md"), Some(20), Kind::OneLanguage),
                (input.join("a/z.md"), Some(9), Kind::OneLanguage),
                (input.join("b/a.md"), Some(1), Kind::OneLanguage),
            ]
        );
    }

    #[test]
    fn a_bilingual_row_in_a_chinese_file_is_not_wrong_language() {
        let catalog = catalog(vec![(
            "v",
            vec![
                record(
                    "1",
                    &[(ZH, 3, Lang::Zh, &["Invalid parameter(s)", "请求参数错误"])],
                ),
                record(
                    "2",
                    &[(
                        ZH,
                        4,
                        Lang::Zh,
                        &["not allow modify main account default strategy"],
                    )],
                ),
            ],
        )]);
        let diagnostics = check(&catalog, Path::new("input"));
        let wrong: Vec<&str> = of_kind(&diagnostics, Kind::WrongLanguage)
            .into_iter()
            .map(code_of)
            .collect();
        assert_eq!(wrong, ["2"]);
    }
}
