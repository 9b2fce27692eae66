//! The consistency report: where a vendor's sources contradict or fall
//! short of each other — a code in one language only, one text under two
//! codes, a code with no text, a text in the wrong language, and an English
//! and a Chinese text that likely mean different things.
//!
//! Every finding is a warning at the source line it is about, so a docs
//! repository can run `errdocs check` in CI and fix the input line by line.
//!
//! The glossary the disagreement check compares texts by is `key_terms`.

pub(super) mod key_terms;

#[cfg(test)]
mod tests;

use std::collections::HashMap;
use std::collections::hash_map::Entry;
use std::path::Path;

use rayon::prelude::*;

use self::key_terms::KeyTerms;
use crate::diagnostic::{Diagnostic, Kind, Severity};
use crate::model::{Bilingual, Catalog, Lang, Message, Record, SourceRef, TextField, Vendor};

/// Warnings about the catalog read from `input`, each at a source line.
/// With `all`, also the gaps a reviewed translation fills, which are left
/// out by default: the team has already done what they ask. A finding the
/// team acknowledged (`[acknowledged]` in `notes.toml`) is a note that
/// says who accepted it and why; an acknowledgement that matches no
/// finding is a warning, so none outlives its reason.
///
/// The order is stable: by vendor, then by file and line; findings on one
/// line in the order empty text, one language, wrong language,
/// disagreement, same text.
pub fn check(catalog: &Catalog, input: &Path, all: bool) -> Vec<Diagnostic> {
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
                code: None,
                all,
            };
            for record in &vendor.records {
                report.code = Some(record);
                empty_text(record, &mut report);
                long_text(record, &mut report);
                one_language(record, TextField::Message, &mut report);
                one_language(record, TextField::Solution, &mut report);
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
    let mut used: std::collections::HashSet<(usize, &str, usize)> = Default::default();
    let mut diagnostics: Vec<Diagnostic> = found
        .into_iter()
        .map(|f| {
            let acknowledged = f.record.and_then(|record| {
                record
                    .acknowledged
                    .iter()
                    .find(|a| a.kind == f.kind.as_str())
            });
            let (severity, message) = match acknowledged {
                Some(a) if f.severity == Severity::Warning => {
                    used.insert((f.vendor, a.file.as_str(), a.line));
                    (
                        Severity::Note,
                        format!("{}; acknowledged by {}: {}", f.message, a.by, a.why),
                    )
                }
                _ => (f.severity, f.message),
            };
            Diagnostic::new(
                severity,
                f.kind,
                input.join(&f.source.file),
                Some(f.source.line),
                message,
            )
        })
        .collect();
    for (v, vendor) in catalog.vendors.iter().enumerate() {
        for record in &vendor.records {
            for a in &record.acknowledged {
                if !used.contains(&(v, a.file.as_str(), a.line)) {
                    diagnostics.push(Diagnostic::warning(
                        Kind::Translation,
                        input.join(&a.file),
                        Some(a.line),
                        format!(
                            "code `{}`: no `{}` finding to acknowledge; remove the acknowledgement",
                            record.code, a.kind
                        ),
                    ));
                }
            }
        }
    }
    diagnostics
}

/// A finding before it becomes a [`Diagnostic`]: the vendor's index keeps
/// the output in catalog order.
struct Found<'a> {
    vendor: usize,
    severity: Severity,
    source: &'a SourceRef,
    kind: Kind,
    message: String,
    /// The record the finding is about.
    record: Option<&'a Record>,
}

struct Report<'a, 'f> {
    vendor: usize,
    found: &'f mut Vec<Found<'a>>,
    /// The record the findings pushed now are about.
    code: Option<&'a Record>,
    /// Whether gaps a reviewed translation fills are reported too.
    all: bool,
}

impl<'a> Report<'a, '_> {
    fn warn(&mut self, source: &'a SourceRef, kind: Kind, message: String) {
        self.push(Severity::Warning, source, kind, message);
    }

    /// A gap the team's translations already fill: reported with `all`
    /// only.
    fn note(&mut self, source: &'a SourceRef, kind: Kind, message: String) {
        if self.all {
            self.push(Severity::Note, source, kind, message);
        }
    }

    fn push(&mut self, severity: Severity, source: &'a SourceRef, kind: Kind, message: String) {
        self.found.push(Found {
            vendor: self.vendor,
            severity,
            source,
            kind,
            message,
            record: self.code,
        });
    }
}

/// The vendor's non-blank texts in `lang`.
fn texts(record: &Record, lang: Lang) -> impl Iterator<Item = &Message> {
    field_texts(record, TextField::Message, lang)
}

/// The vendor's non-blank texts of a field in `lang`.
fn field_texts(record: &Record, field: TextField, lang: Lang) -> impl Iterator<Item = &Message> {
    let texts = match field {
        TextField::Message => &record.messages,
        TextField::Description => &record.descriptions,
        TextField::Solution => &record.solutions,
    };
    texts
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

/// The most characters a message has before it is taken for a mistake:
/// the longest real message in the corpus is under a thousand.
pub const LONG_MESSAGE: usize = 2_000;

/// A message so long it is likely a whole document read as one cell.
/// The page shows it whole; its metadata, only its start.
fn long_text<'a>(record: &'a Record, report: &mut Report<'a, '_>) {
    for message in &record.messages {
        let chars = message.text.chars().count();
        if chars <= LONG_MESSAGE {
            continue;
        }
        let Some(source) = record.sources.get(message.source) else {
            continue;
        };
        report.warn(
            source,
            Kind::LongText,
            format!(
                "code `{}`: its {} text is {chars} characters long (more than {LONG_MESSAGE}); \
                 page metadata shows only its start; is a table read wrong?",
                record.code, message.lang
            ),
        );
    }
}

/// Text in one language only from the vendor. A gap in the vendor's
/// documentation either way; a warning while no reviewed translation fills
/// it, a note once one does.
fn one_language<'a>(record: &'a Record, field: TextField, report: &mut Report<'a, '_>) {
    let [en, zh] = Lang::ALL.map(|lang| field_texts(record, field, lang).next());
    let (present, message) = match (en, zh) {
        (Some(message), None) => (Lang::En, message),
        (None, Some(message)) => (Lang::Zh, message),
        _ => return,
    };
    let missing = present.other();
    let source = &record.sources[message.source];
    let said = match field {
        TextField::Message => format!("code `{}` has {} text only", record.code, language(present)),
        other => format!(
            "code `{}` has a {} in {} only",
            record.code,
            other.as_str(),
            language(present)
        ),
    };
    match record.translation_of(field, missing) {
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
            report.code = Some(record);
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
