//! Ingest: read every vendor folder of the input directory and normalise its
//! sources, whatever their shape, into one [`Catalog`].

mod body;
mod code_list;
mod constants;
mod editorial;
#[cfg(any(test, feature = "fuzz"))]
#[doc(hidden)]
pub mod fuzz;
mod headers;
mod html_table;
mod markdown_table;
mod overrides;
mod source;
mod table;
mod text;
mod vendor;

use std::collections::{HashMap, HashSet};

use rayon::prelude::*;
use std::path::{Component, Path, PathBuf};

use crate::diagnostic::{Diagnostic, Kind};
use crate::fs;
use crate::model::{Catalog, Code, Lang, Message, Record, SourceRef, Vendor, VendorId};

use self::source::{Parsed, Row};
use self::vendor::{Format, SourceConfig, StatusRule, VendorConfig};

/// The catalog and everything worth telling about the input. The catalog is
/// only fit to render when no diagnostic is an error.
#[derive(Debug)]
pub struct Ingested {
    pub catalog: Catalog,
    pub diagnostics: Vec<Diagnostic>,
}

/// The name of the file that makes a folder of the input directory a vendor.
pub const VENDOR_FILE: &str = "vendor.toml";

/// Reads `input/<vendor>/vendor.toml` and the sources it lists, for every
/// vendor folder. Problems become diagnostics; ingest goes on past them.
pub fn ingest(input: &Path) -> Ingested {
    let mut diagnostics = Vec::new();
    let dirs = vendor_dirs(input, &mut diagnostics);
    // Vendors are independent: read them in parallel, report in order.
    let read: Vec<(Option<Vendor>, Vec<Diagnostic>)> = dirs
        .par_iter()
        .map(|dir| {
            let mut found = Vec::new();
            (ingest_vendor(input, dir, &mut found), found)
        })
        .collect();
    let mut vendors = Vec::new();
    for (vendor, found) in read {
        vendors.extend(vendor);
        diagnostics.extend(found);
    }
    vendors.sort_by(|a, b| a.id.cmp(&b.id));
    Ingested {
        catalog: Catalog { vendors },
        diagnostics,
    }
}

fn vendor_dirs(input: &Path, diagnostics: &mut Vec<Diagnostic>) -> Vec<PathBuf> {
    if !input.is_dir() {
        diagnostics.push(Diagnostic::error(
            Kind::Io,
            input,
            None,
            "input directory not found",
        ));
        return Vec::new();
    }
    let mut dirs = Vec::new();
    let walk = walkdir::WalkDir::new(input)
        .min_depth(1)
        .max_depth(1)
        .sort_by_file_name();
    for entry in walk {
        match entry {
            Ok(entry) if entry.file_type().is_dir() => {
                if entry.path().join(VENDOR_FILE).is_file() {
                    dirs.push(entry.into_path());
                } else {
                    diagnostics.push(Diagnostic::warning(
                        Kind::Config,
                        entry.path(),
                        None,
                        format!("folder has no `{VENDOR_FILE}`; skipped"),
                    ));
                }
            }
            Ok(_) => {}
            Err(err) => {
                let path = err.path().unwrap_or(input).to_owned();
                diagnostics.push(Diagnostic::error(Kind::Io, path, None, err.to_string()));
            }
        }
    }
    dirs
}

fn ingest_vendor(input: &Path, dir: &Path, diagnostics: &mut Vec<Diagnostic>) -> Option<Vendor> {
    let config_path = dir.join(VENDOR_FILE);
    let folder = dir.file_name().unwrap_or_default().to_string_lossy();
    let Some(id) = VendorId::new(&folder) else {
        diagnostics.push(Diagnostic::error(
            Kind::Config,
            dir,
            None,
            format!(
                "vendor folder `{folder}` is not a valid vendor id \
                 (lowercase ASCII letters, digits and inner hyphens)"
            ),
        ));
        return None;
    };
    let config = read_config(&config_path, diagnostics)?;

    let mut merger = Merger::default();
    for source in &config.sources {
        let Some(file) = source_path(&source.file) else {
            diagnostics.push(Diagnostic::error(
                Kind::Config,
                &config_path,
                None,
                format!(
                    "source file `{}` must be a relative path inside the vendor folder",
                    source.file
                ),
            ));
            continue;
        };
        let path = dir.join(&file);
        let text = match fs::read_to_string(&path) {
            Ok(text) => text,
            Err(err) => {
                let cause = std::error::Error::source(&err)
                    .map(ToString::to_string)
                    .unwrap_or_default();
                diagnostics.push(Diagnostic::error(
                    Kind::Io,
                    &path,
                    None,
                    format!(
                        "cannot read source listed in `{}`: {cause}",
                        config_path.display()
                    ),
                ));
                continue;
            }
        };
        let parsed = parse_source(source, &text);
        for note in &parsed.notes {
            diagnostics.push(Diagnostic::warning(
                note.kind,
                &path,
                Some(note.line),
                note.message.clone(),
            ));
        }
        if parsed.rows.is_empty() {
            let tried = match source.format {
                Some(format) => format!("no {} found", format.as_str()),
                None => "no table, code list or constant list found".to_owned(),
            };
            diagnostics.push(Diagnostic::error(Kind::NoCodes, &path, None, tried));
            continue;
        }
        let relative = relative_name(input, &path);
        merger.add(&parsed.rows, &relative, source.lang, &path, diagnostics);
    }

    let mut records = merger.finish();
    if config.http_status == Some(StatusRule::CodePrefix) {
        for record in records.iter_mut().filter(|r| r.http_status.is_none()) {
            record.http_status = record.code.status_prefix();
        }
    }
    // Sorted before the documentation team's files are matched to codes.
    records.sort_by(|a, b| a.code.cmp(&b.code));
    attach_editorial(input, dir, &mut records, diagnostics);
    let overrides_file = relative_name(input, &dir.join(overrides::FILE));
    let overrides = overrides::read(dir, &overrides_file, &records, diagnostics);
    Some(Vendor {
        id,
        name: config.name,
        homepage: config.homepage,
        records,
        overrides,
    })
}

/// The documentation team's translations and notes, onto their records.
fn attach_editorial(
    input: &Path,
    dir: &Path,
    records: &mut [Record],
    diagnostics: &mut Vec<Diagnostic>,
) {
    let prefix = format!("{}/", relative_name(input, dir));
    let translations = editorial::read_translations(dir, &prefix, records, diagnostics);
    let notes = editorial::read_notes(dir, &prefix, records, diagnostics);
    // Both were checked against the records, so every code is found.
    for translation in translations {
        if let Some(at) = editorial::position(records, translation.code.as_str()) {
            records[at].translations.push(translation);
        }
    }
    for note in notes {
        if let Some(at) = editorial::position(records, note.code.as_str()) {
            records[at].note = Some(note);
        }
    }
}

fn read_config(path: &Path, diagnostics: &mut Vec<Diagnostic>) -> Option<VendorConfig> {
    let text = match fs::read_to_string(path) {
        Ok(text) => text,
        Err(err) => {
            let cause = std::error::Error::source(&err)
                .map(ToString::to_string)
                .unwrap_or_default();
            diagnostics.push(Diagnostic::error(Kind::Io, path, None, cause));
            return None;
        }
    };
    match toml::from_str::<VendorConfig>(&text) {
        Ok(config) => Some(config),
        Err(err) => {
            diagnostics.push(toml_error(path, &text, &err));
            None
        }
    }
}

/// A TOML file that does not parse, or says what it may not, as an error at
/// the line the parser points to.
fn toml_error(path: &Path, text: &str, err: &toml::de::Error) -> Diagnostic {
    let line = err
        .span()
        .map(|span| text::LineIndex::new(text).line(span.start));
    Diagnostic::error(Kind::Config, path, line, err.message().to_owned())
}

/// A source's `file` as a path that cannot leave the vendor folder.
fn source_path(file: &str) -> Option<PathBuf> {
    let path = Path::new(file);
    let inside = !file.is_empty() && path.components().all(|c| matches!(c, Component::Normal(_)));
    inside.then(|| path.to_owned())
}

/// `polaris/error-codes.zh.md`: relative to the input directory, `/`-separated.
fn relative_name(input: &Path, path: &Path) -> String {
    let relative = path.strip_prefix(input).unwrap_or(path);
    relative
        .components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

/// Runs the source's declared parser, or every parser when none is declared,
/// keeping the one that finds the most rows.
fn parse_source(source: &SourceConfig, text: &str) -> Parsed {
    match source.format {
        Some(format) => parse_as(format, text),
        None => {
            let mut best = Parsed::default();
            for format in Format::ALL {
                let parsed = parse_as(format, text);
                if parsed.rows.len() > best.rows.len() {
                    best = parsed;
                }
            }
            best
        }
    }
}

fn parse_as(format: Format, text: &str) -> Parsed {
    match format {
        Format::MarkdownTable => markdown_table::parse(text),
        Format::HtmlTable => html_table::parse(text),
        Format::CodeList => code_list::parse(text),
        Format::Constants => constants::parse(text),
    }
}

/// Folds rows from a vendor's sources into one record per code. Every
/// lookup is by hash: a hostile source can list one code a million times.
#[derive(Default)]
struct Merger {
    records: Vec<Record>,
    by_code: HashMap<Code, usize>,
    /// The files added so far, by name; keys below use their position.
    files: HashMap<String, usize>,
    /// Per record, every (language, text) it holds, each kept once.
    texts: Vec<HashSet<(Lang, String)>>,
    /// The line where a file first lists a record's code, by (record, file).
    first_line: HashMap<(usize, usize), usize>,
    /// The texts a record first got from one line, by (record, file, line).
    line_texts: HashMap<(usize, usize, usize), HashSet<String>>,
}

impl Merger {
    fn add(
        &mut self,
        rows: &[Row],
        file: &str,
        lang: Lang,
        path: &Path,
        diagnostics: &mut Vec<Diagnostic>,
    ) {
        let next_file = self.files.len();
        let file_id = *self.files.entry(file.to_owned()).or_insert(next_file);
        for row in rows {
            let code = Code::new(row.code.clone());
            let index = *self.by_code.entry(code.clone()).or_insert_with(|| {
                self.records.push(Record::new(code));
                self.texts.push(HashSet::new());
                self.records.len() - 1
            });
            let record = &mut self.records[index];
            let warn = |diagnostics: &mut Vec<Diagnostic>, kind, message: String| {
                diagnostics.push(Diagnostic::warning(kind, path, Some(row.line), message));
            };

            if let Some(&line) = self.first_line.get(&(index, file_id)) {
                let earlier = self.line_texts.get(&(index, file_id, line));
                let same = earlier.map_or(0, HashSet::len) == row.texts.len()
                    && row
                        .texts
                        .iter()
                        .all(|t| earlier.is_some_and(|e| e.contains(t)));
                let message = if same {
                    format!(
                        "code `{}` is listed again (first at line {line}) with the same text",
                        row.code
                    )
                } else {
                    format!(
                        "code `{}` is listed again (first at line {line}) with a different text; both are kept",
                        row.code
                    )
                };
                warn(diagnostics, Kind::DuplicateCode, message);
            } else {
                self.first_line.insert((index, file_id), row.line);
            }

            match (&record.name, &row.name) {
                (None, Some(name)) => record.name = Some(name.clone()),
                (Some(kept), Some(name)) if kept != name => warn(
                    diagnostics,
                    Kind::Conflict,
                    format!(
                        "code `{}` is named `{name}` here but `{kept}` elsewhere; keeping `{kept}`",
                        row.code
                    ),
                ),
                _ => {}
            }
            match (record.http_status, row.http_status) {
                (None, Some(status)) => record.http_status = Some(status),
                (Some(kept), Some(status)) if kept != status => warn(
                    diagnostics,
                    Kind::Conflict,
                    format!(
                        "code `{}` has HTTP status {status} here but {kept} elsewhere; keeping {kept}",
                        row.code
                    ),
                ),
                _ => {}
            }

            let source = record.sources.len();
            record.sources.push(SourceRef {
                file: file.to_owned(),
                line: row.line,
                lang,
            });
            for text in &row.texts {
                let lang = Lang::detect(text);
                if self.texts[index].insert((lang, text.clone())) {
                    record.messages.push(Message {
                        lang,
                        text: text.clone(),
                        source,
                    });
                    self.line_texts
                        .entry((index, file_id, row.line))
                        .or_default()
                        .insert(text.clone());
                }
            }
        }
    }

    fn finish(self) -> Vec<Record> {
        self.records
    }
}
