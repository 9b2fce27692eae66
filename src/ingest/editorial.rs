//! The documentation team's own files beside a vendor's sources:
//! `translations.<lang>.toml` (code → reviewed translation, for codes the
//! vendor documented in one language only: `"10307" = "…"` for the
//! message, or `"10307" = { message = "…", solution = "…", description =
//! "…" }`) and `notes.toml` (code → an editor's note in both languages).
//! They never change the vendor's words.

use std::collections::BTreeMap;
use std::path::Path;

use serde::Deserialize;

use super::text::{self, LineIndex};
use crate::diagnostic::{Diagnostic, Kind};
use crate::fs;
use crate::model::{
    Acknowledgement, Bilingual, Code, EditorNote, Lang, Message, Record, TextField, Translation,
};

/// One code's entry of a translations file: its message alone, or any of
/// its texts by field (`{ message = "…", solution = "…" }`). What is
/// neither is said, naming the key.
fn entry_fields(code: &str, entry: toml::Value) -> Result<Vec<(TextField, String)>, String> {
    match entry {
        toml::Value::String(text) => Ok(vec![(TextField::Message, text)]),
        toml::Value::Table(table) => {
            let mut fields = Vec::new();
            for (key, value) in table {
                let field = TextField::ALL.into_iter().find(|f| f.as_str() == key);
                match (field, value) {
                    (Some(field), toml::Value::String(text)) => fields.push((field, text)),
                    (Some(_), _) => {
                        return Err(format!("translation of `{code}`: `{key}` is not a text"));
                    }
                    (None, _) => {
                        return Err(format!(
                            "translation of `{code}`: `{key}` is not `message`, `description` or `solution`"
                        ));
                    }
                }
            }
            // In the order the record shows them, not the file's.
            fields.sort_by_key(|(field, _)| TextField::ALL.iter().position(|f| f == field));
            Ok(fields)
        }
        _ => Err(format!(
            "translation of `{code}` is neither a text nor a table of texts by field"
        )),
    }
}

/// The vendor's own texts of a field.
fn vendor_texts(record: &Record, field: TextField) -> &[Message] {
    match field {
        TextField::Message => &record.messages,
        TextField::Description => &record.descriptions,
        TextField::Solution => &record.solutions,
    }
}

/// `translations.en.toml`, `translations.zh.toml`.
pub fn translations_file(lang: Lang) -> String {
    format!("translations.{lang}.toml")
}

pub const NOTES_FILE: &str = "notes.toml";

/// Where `code` is among `records`, which are sorted by code.
pub(crate) fn position(records: &[Record], code: &str) -> Option<usize> {
    let code = Code::new(code);
    records.binary_search_by(|r| r.code.cmp(&code)).ok()
}

/// The vendor's translations in every language, checked against its records.
pub(crate) fn read_translations(
    dir: &Path,
    prefix: &str,
    records: &[Record],
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<Translation> {
    let mut translations = Vec::new();
    for lang in Lang::ALL {
        let name = translations_file(lang);
        let path = dir.join(&name);
        let Some(entries) = read_table::<toml::Value>(&path, diagnostics) else {
            continue;
        };
        let mut fields = Vec::new();
        for (code, entry, line) in entries {
            match entry_fields(&code, entry) {
                Ok(found) => fields.extend(
                    found
                        .into_iter()
                        .map(|(field, text)| (code.clone(), field, text, line)),
                ),
                Err(why) => diagnostics.push(Diagnostic::warning(
                    Kind::Translation,
                    &path,
                    Some(line),
                    format!("{why}; ignored"),
                )),
            }
        }
        for (code, field, text, line) in fields {
            let text = text::clean(&text);
            let warn = |diagnostics: &mut Vec<Diagnostic>, message: String| {
                diagnostics.push(Diagnostic::warning(
                    Kind::Translation,
                    &path,
                    Some(line),
                    message,
                ));
            };
            let Some(record) = position(records, &code).map(|i| &records[i]) else {
                warn(
                    diagnostics,
                    format!("code `{code}` is not one of this vendor's codes; translation unused"),
                );
                continue;
            };
            // A message's translation is said as before; another field's
            // names the field.
            let of = match field {
                TextField::Message => String::new(),
                other => format!(" {}", other.as_str()),
            };
            if vendor_texts(record, field).iter().any(|m| m.lang == lang) {
                warn(
                    diagnostics,
                    format!(
                        "code `{code}` now has the vendor's own {}{of} text; translation unused",
                        language(lang)
                    ),
                );
                continue;
            }
            if field != TextField::Message && vendor_texts(record, field).is_empty() {
                warn(
                    diagnostics,
                    format!(
                        "code `{code}` has no{of} from the vendor to translate; translation unused"
                    ),
                );
                continue;
            }
            if text.is_empty() || Lang::detect(&text) != lang {
                warn(
                    diagnostics,
                    format!(
                        "translation of `{code}`{of} is not {} text: \"{text}\"",
                        language(lang)
                    ),
                );
                continue;
            }
            translations.push(Translation {
                code: Code::new(code),
                field,
                lang,
                text,
                file: format!("{prefix}{name}"),
                line,
            });
        }
    }
    translations
}

/// The key of `notes.toml` under which findings are acknowledged, not a
/// code.
const ACKNOWLEDGED: &str = "acknowledged";

/// The vendor's editor's notes, and the findings its team acknowledged,
/// checked against its records. `notes.toml` holds `"CODE" = { en, zh }`
/// notes, then an `[acknowledged]` table:
///
/// ```toml
/// [acknowledged]
/// "4000299" = { kind = "same-text", by = "docs team", why = "NetEase gives both codes one text" }
/// ```
pub(crate) fn read_notes(
    dir: &Path,
    prefix: &str,
    records: &[Record],
    diagnostics: &mut Vec<Diagnostic>,
) -> (Vec<EditorNote>, Vec<(Code, Acknowledgement)>) {
    let path = dir.join(NOTES_FILE);
    let file = format!("{prefix}{NOTES_FILE}");
    let Some(entries) = read_table::<toml::Value>(&path, diagnostics) else {
        return (Vec::new(), Vec::new());
    };
    let unknown = |diagnostics: &mut Vec<Diagnostic>, code: &str, line, what: &str| {
        diagnostics.push(Diagnostic::warning(
            Kind::Translation,
            &path,
            Some(line),
            format!("code `{code}` is not one of this vendor's codes; {what} unused"),
        ));
    };
    let mut notes = Vec::new();
    let mut acknowledged = Vec::new();
    for (code, value, line) in entries {
        if code == ACKNOWLEDGED {
            acknowledged = read_acknowledged(&path, &file, records, diagnostics);
            continue;
        }
        let text = match Bilingual::<String>::deserialize(value) {
            Ok(text) => text,
            Err(err) => {
                diagnostics.push(Diagnostic::error(
                    Kind::Config,
                    &path,
                    Some(line),
                    format!(
                        "note on `{code}`: {}",
                        crate::diagnostic::toml_message(err.message())
                    ),
                ));
                continue;
            }
        };
        if position(records, &code).is_none() {
            unknown(diagnostics, &code, line, "note");
            continue;
        }
        notes.push(EditorNote {
            code: Code::new(code),
            text,
            file: file.clone(),
            line,
        });
    }
    (notes, acknowledged)
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct AckEntry {
    /// One kind of finding, or several.
    kind: Kinds,
    by: String,
    why: String,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum Kinds {
    One(String),
    Many(Vec<String>),
}

/// The `[acknowledged]` table of `notes.toml` at `path`, which was read
/// and parses.
fn read_acknowledged(
    path: &Path,
    file: &str,
    records: &[Record],
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<(Code, Acknowledgement)> {
    #[derive(Deserialize)]
    struct File {
        acknowledged: BTreeMap<String, toml::Spanned<AckEntry>>,
    }
    let Ok(text) = fs::read_to_string(path) else {
        return Vec::new();
    };
    let table = match toml::from_str::<File>(&text) {
        Ok(table) => table,
        Err(err) => {
            diagnostics.push(Diagnostic::toml(path, &text, &err));
            return Vec::new();
        }
    };
    let lines = LineIndex::new(&text);
    let known: Vec<&str> = Kind::ALL.iter().map(|k| k.as_str()).collect();
    let mut acknowledged = Vec::new();
    for (code, entry) in table.acknowledged {
        let line = lines.line(entry.span().start);
        let entry = entry.into_inner();
        if position(records, &code).is_none() {
            diagnostics.push(Diagnostic::warning(
                Kind::Translation,
                path,
                Some(line),
                format!("code `{code}` is not one of this vendor's codes; acknowledgement unused"),
            ));
            continue;
        }
        let kinds = match entry.kind {
            Kinds::One(kind) => vec![kind],
            Kinds::Many(kinds) => kinds,
        };
        for kind in kinds {
            if !known.contains(&kind.as_str()) {
                let near = crate::diagnostic::nearest(&kind, known.iter().copied())
                    .map(|k| format!("; did you mean `{k}`?"))
                    .unwrap_or_default();
                diagnostics.push(Diagnostic::error(
                    Kind::Config,
                    path,
                    Some(line),
                    format!("acknowledgement of `{code}`: `{kind}` is not a kind of finding{near}"),
                ));
                continue;
            }
            acknowledged.push((
                Code::new(code.clone()),
                Acknowledgement {
                    kind,
                    by: entry.by.clone(),
                    why: entry.why.clone(),
                    file: file.to_owned(),
                    line,
                },
            ));
        }
    }
    acknowledged
}

fn language(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "English",
        Lang::Zh => "Chinese",
    }
}

/// A TOML file of `"code" = value` lines, each with its line, in file order;
/// `None` when the file does not exist or cannot be read (then said).
pub(crate) fn read_table<T: for<'de> Deserialize<'de>>(
    path: &Path,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<Vec<(String, T, usize)>> {
    if !path.is_file() {
        return None;
    }
    let text = match fs::read_to_string(path) {
        Ok(text) => text,
        Err(err) => {
            diagnostics.push(Diagnostic::error(Kind::Io, path, None, err.to_string()));
            return None;
        }
    };
    match parse_table(&text) {
        Ok(entries) => Some(entries),
        Err(err) => {
            diagnostics.push(Diagnostic::toml(path, &text, &err));
            None
        }
    }
}

/// The `"code" = value` entries of one such file's text, each with its
/// 1-based line, in file order.
pub(crate) fn parse_table<T: for<'de> Deserialize<'de>>(
    text: &str,
) -> Result<Vec<(String, T, usize)>, toml::de::Error> {
    let lines = LineIndex::new(text);
    let table = toml::from_str::<BTreeMap<String, toml::Spanned<T>>>(text)?;
    let mut entries: Vec<_> = table
        .into_iter()
        .map(|(code, value)| {
            let line = lines.line(value.span().start);
            (code, value.into_inner(), line)
        })
        .collect();
    entries.sort_by_key(|(_, _, line)| *line);
    Ok(entries)
}
