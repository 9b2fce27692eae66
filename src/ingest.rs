//! Ingest: read every vendor folder of the input directory and normalise its
//! sources, whatever their shape, into one [`Catalog`].

mod data;
mod editorial;
mod encoding;
#[cfg(any(test, feature = "fuzz"))]
#[doc(hidden)]
pub mod fuzz;
mod headers;
mod inspect;
mod markup;
mod outline;
mod overrides;
mod parsed;
mod prose;
mod source;
mod tables;
mod text;
mod vendor;

use std::collections::{HashMap, HashSet};

use rayon::prelude::*;
use std::path::{Component, Path, PathBuf};

use crate::diagnostic::{Diagnostic, Kind};
use crate::fs;
use crate::history::RELEASES_DIR;
use crate::model::{
    Bilingual, Catalog, Code, Extra, Lang, Message, Record, SourceRef, Vendor, VendorId,
};

pub use self::inspect::{Inspection, inspect};
use self::parsed::{Parsed, Row};
use self::vendor::{Format, StatusRule, VendorConfig};

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
    // Where each vendor folder really is: a symbolic link may make one
    // folder two vendors.
    let mut resolved: HashMap<PathBuf, PathBuf> = HashMap::new();
    let walk = walkdir::WalkDir::new(input)
        .min_depth(1)
        .max_depth(1)
        .sort_by_file_name();
    for entry in walk {
        match entry {
            // A link to a folder is a vendor folder too.
            // The releases' folder is never a vendor (`crate::history`).
            Ok(entry) if entry.file_name() == RELEASES_DIR => {
                if entry.path().join(VENDOR_FILE).is_file() {
                    diagnostics.push(Diagnostic::error(
                        Kind::Config,
                        entry.path().join(VENDOR_FILE),
                        None,
                        format!(
                            "`{RELEASES_DIR}` is the folder of the recorded releases, \
                             not a vendor; give the vendor another id"
                        ),
                    ));
                }
            }
            Ok(entry) if entry.file_type().is_dir() || entry.path().is_dir() => {
                if entry.path().join(VENDOR_FILE).is_file() {
                    let real =
                        fs::canonicalize(entry.path()).unwrap_or_else(|_| entry.path().to_owned());
                    if let Some(first) = resolved.get(&real) {
                        diagnostics.push(Diagnostic::error(
                            Kind::Config,
                            entry.path().join(VENDOR_FILE),
                            None,
                            format!(
                                "`{}` is the same folder as `{}` (a symbolic link); \
                                 a vendor has one folder and one id",
                                entry.path().display(),
                                first.display()
                            ),
                        ));
                        continue;
                    }
                    resolved.insert(real, entry.path().to_owned());
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
    // A site of no codes is a mistake (a wrong `--input`, a folder not yet
    // set up); published by a CI job it would replace the real one.
    if dirs.is_empty() && !diagnostics.iter().any(Diagnostic::is_error) {
        diagnostics.push(Diagnostic::error(
            Kind::Config,
            input,
            None,
            format!(
                "no vendor: a vendor is a folder of the input with a `{VENDOR_FILE}` \
                 (`errdocs init` makes an example, `errdocs add` adds a vendor's file)"
            ),
        ));
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
                 (lowercase ASCII letters, digits and inner hyphens; not `con`, `nul`, `com1` \
                 or another name Windows reserves)"
            ),
        ));
        return None;
    };
    let (config, config_text) = read_config(&config_path, diagnostics)?;
    let config_line =
        |span: std::ops::Range<usize>| text::LineIndex::new(&config_text).line(span.start);

    let mut merger = Merger::default();
    for source in &config.sources {
        let file = source.file.get_ref();
        let inside = source_path(file).and_then(|file| contained(dir, &file));
        let path = match inside {
            Ok(path) => path,
            Err(why) => {
                diagnostics.push(Diagnostic::error(
                    Kind::Config,
                    &config_path,
                    Some(config_line(source.file.span())),
                    format!("source file `{file}` {why}"),
                ));
                continue;
            }
        };
        let (parsed, text) = match read_and_parse(&path, source.encoding, source.format) {
            Ok(read) => {
                diagnostics.extend(read.warnings);
                (read.parsed, read.text)
            }
            Err(unread) => {
                diagnostics.push(unread.with_context(&config_path));
                continue;
            }
        };
        if parsed.rows.is_empty() {
            let tried = match source.format {
                Some(format) => format!("no {} found", format.as_str()),
                None => "no table, code list, source catalog, JSON, YAML or CSV catalog found"
                    .to_owned(),
            };
            let tried = match tables_without_codes(&text) {
                (0, _) => tried,
                (tables, 0) => format!("{tried}: {tables} table(s) with a header but no rows"),
                (tables, _) => format!(
                    "{tried}: {tables} table(s), but no column is headed as an error code \
                     (`错误码`, `Error Code`, `Code`, …) or holds codes"
                ),
            };
            diagnostics.push(Diagnostic::error(Kind::NoCodes, &path, None, tried));
            continue;
        }
        let relative = relative_name(input, &path);
        merger.add(&parsed.rows, &relative, source.lang, &path, diagnostics);
    }

    let (mut records, groups) = merger.finish();
    if config.http_status == Some(StatusRule::CodePrefix) {
        for record in &mut records {
            let Some(prefix) = record.code.status_prefix() else {
                continue;
            };
            match record.http_statuses.first() {
                None => record.http_statuses.push(prefix),
                Some(_) if record.http_statuses.contains(&prefix) => {}
                Some(&given) => {
                    let source = &record.sources[0];
                    diagnostics.push(Diagnostic::warning(
                        Kind::Conflict,
                        input.join(&source.file),
                        Some(source.line),
                        format!(
                            "code `{}` is given HTTP status {given}, but its first digits say {prefix} \
                             (`http_status = \"code-prefix\"` in `vendor.toml`); keeping {given}",
                            record.code
                        ),
                    ));
                }
            }
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
        groups,
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
    let (notes, acknowledged) = editorial::read_notes(dir, &prefix, records, diagnostics);
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
    for (code, acknowledgement) in acknowledged {
        if let Some(at) = editorial::position(records, code.as_str()) {
            records[at].acknowledged.push(acknowledgement);
        }
    }
}

/// Why a source could not be read, before the `vendor.toml` naming it is
/// known to the message.
enum Unread {
    Io(PathBuf, String),
    Encoding(PathBuf, usize, String),
}

impl Unread {
    /// The error for a file given on the command line.
    fn inspected(self) -> Diagnostic {
        match self {
            Unread::Io(path, cause) => {
                Diagnostic::error(Kind::Io, path, None, format!("cannot read file: {cause}"))
            }
            Unread::Encoding(path, line, message) => {
                Diagnostic::error(Kind::Encoding, path, Some(line), message)
            }
        }
    }

    fn with_context(self, config: &Path) -> Diagnostic {
        match self {
            Unread::Io(path, cause) => {
                let hint = nearest_file(&path)
                    .map(|name| format!("; did you mean `{name}`?"))
                    .unwrap_or_default();
                Diagnostic::error(
                    Kind::Io,
                    path,
                    None,
                    format!(
                        "cannot read source listed in `{}`: {cause}{hint}",
                        config.display()
                    ),
                )
            }
            Unread::Encoding(path, line, message) => {
                Diagnostic::error(Kind::Encoding, path, Some(line), message)
            }
        }
    }
}

/// Larger than any error table: a source this big is a mistake, and would
/// take memory many times its size to parse.
const MAX_SOURCE_BYTES: u64 = 256 << 20;

/// A source's text, decoded as [`encoding::decode`] says. Only regular files
/// are read: a FIFO or device would block or never end.
/// For a source that does not exist, the file of its folder whose name is
/// nearest to it (`codes.md` for `code.md`), as clap suggests a
/// misspelled flag: by Jaro similarity, above 0.8.
fn nearest_file(path: &Path) -> Option<String> {
    if path.exists() {
        return None;
    }
    let wanted = path.file_name()?.to_string_lossy().into_owned();
    let folder = path.parent()?;
    walkdir::WalkDir::new(folder)
        .min_depth(1)
        .max_depth(1)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|entry| entry.file_type().is_file())
        .map(|entry| entry.file_name().to_string_lossy().into_owned())
        .filter(|name| name != VENDOR_FILE)
        .map(|name| (strsim::jaro(&wanted, &name), name))
        .filter(|(score, _)| *score > 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0).then_with(|| b.1.cmp(&a.1)))
        .map(|(_, name)| name)
}

fn read_source(
    path: &Path,
    declared: Option<encoding::Declared>,
) -> Result<encoding::Decoded, Unread> {
    if let Ok(metadata) = std::fs::metadata(path) {
        if !metadata.is_file() {
            return Err(Unread::Io(path.to_owned(), "not a regular file".to_owned()));
        }
        if metadata.len() > MAX_SOURCE_BYTES {
            return Err(Unread::Io(
                path.to_owned(),
                format!(
                    "{} MiB, more than the {} MiB a source may have",
                    metadata.len() >> 20,
                    MAX_SOURCE_BYTES >> 20
                ),
            ));
        }
    }
    let bytes = fs::read(path).map_err(|err| {
        let cause = err.cause();
        Unread::Io(path.to_owned(), cause)
    })?;
    encoding::decode(&bytes, declared)
        .map_err(|err| Unread::Encoding(path.to_owned(), err.line, err.message))
}

fn read_config(path: &Path, diagnostics: &mut Vec<Diagnostic>) -> Option<(VendorConfig, String)> {
    let text = match fs::read_to_string(path) {
        Ok(text) => text,
        Err(err) => {
            let cause = err.cause();
            diagnostics.push(Diagnostic::error(Kind::Io, path, None, cause));
            return None;
        }
    };
    match toml::from_str::<VendorConfig>(&text) {
        Ok(config) => Some((config, text)),
        Err(err) => {
            diagnostics.push(Diagnostic::toml(path, &text, &err));
            None
        }
    }
}

/// A source's `file` as a relative path that names no parent directory.
fn source_path(file: &str) -> Result<PathBuf, &'static str> {
    let path = Path::new(file);
    let inside = !file.is_empty() && path.components().all(|c| matches!(c, Component::Normal(_)));
    if inside {
        Ok(path.to_owned())
    } else {
        Err("must be a relative path inside the vendor folder")
    }
}

/// `dir/file`, when it is inside `dir` also once symbolic links are followed.
/// A file that does not exist is left for reading to report.
fn contained(dir: &Path, file: &Path) -> Result<PathBuf, &'static str> {
    let path = dir.join(file);
    match (fs::canonicalize(dir), fs::canonicalize(&path)) {
        (Ok(dir), Ok(resolved)) if !resolved.starts_with(&dir) => {
            Err("leads outside the vendor folder through a symbolic link")
        }
        _ => Ok(path),
    }
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

/// The tables, and their rows, of a source in which no codes were found:
/// tables whose header could not be mapped, or empty ones, worth saying so.
fn tables_without_codes(text: &str) -> (usize, usize) {
    let mut grids = tables::markdown::grids(text);
    grids.extend(tables::html::grids(text));
    (grids.len(), grids.iter().map(|g| g.rows.len()).sum())
}

/// Runs the source's declared parser, or every parser when none is declared,
/// keeping the one that finds the most rows. Undeclared, Markdown and HTML
/// tables are one family: a Markdown page may paste HTML tables between
/// its pipe tables, and both are read.
/// Which reader a source was read with, and why: what `errdocs inspect`
/// tells.
#[derive(Debug, Clone)]
pub(crate) struct Choice {
    pub format: Option<Format>,
    pub why: String,
    /// Every reader tried, with the records it found.
    pub tried: Vec<(Format, usize)>,
}

/// The reader a file's extension suggests: on a tie between readers it
/// wins, but a file is read by what it holds (`errors.txt` can be a
/// table).
fn hinted(path: &Path) -> Option<Format> {
    let extension = path.extension()?.to_str()?.to_ascii_lowercase();
    Some(match extension.as_str() {
        "yaml" | "yml" => Format::Yaml,
        "csv" | "tsv" => Format::Csv,
        "json" => Format::Json,
        "html" | "htm" => Format::HtmlTable,
        "java" | "kt" | "kts" | "go" | "py" | "ts" | "js" | "mjs" | "rs" | "swift" | "cs"
        | "php" | "rb" | "proto" | "h" | "hpp" | "c" | "cc" | "cpp" | "m" | "scala" | "dart"
        | "lua" | "properties" => Format::Source,
        _ => return None,
    })
}

/// One source as a build reads it: decoded, read by the reader its
/// `format` or its content calls for, with the warnings of both.
struct SourceRead {
    text: String,
    parsed: Parsed,
    choice: Choice,
    warnings: Vec<Diagnostic>,
}

fn read_and_parse(
    path: &Path,
    encoding: Option<encoding::Declared>,
    format: Option<Format>,
) -> Result<SourceRead, Unread> {
    let decoded = read_source(path, encoding)?;
    let (parsed, choice) = parse_source(format, hinted(path), &decoded.text);
    let mut warnings = Vec::new();
    if let Some(line) = decoded.replaced {
        warnings.push(Diagnostic::warning(
            Kind::Encoding,
            path,
            Some(line),
            "control characters or noncharacters, which no page may hold, \
             are shown as U+FFFD (the first is here)",
        ));
    }
    for note in &parsed.notes {
        warnings.push(Diagnostic::warning(
            note.kind,
            path,
            Some(note.line),
            note.message.clone(),
        ));
    }
    Ok(SourceRead {
        text: decoded.text,
        parsed,
        choice,
        warnings,
    })
}

fn parse_source(format: Option<Format>, hint: Option<Format>, text: &str) -> (Parsed, Choice) {
    if let Some(format) = format {
        let parsed = parse_as(format, text);
        let choice = Choice {
            format: Some(format),
            why: format!("`format = \"{}\"` was given", format.as_str()),
            tried: vec![(format, parsed.rows.len())],
        };
        return (parsed, choice);
    }
    // A file that is a JSON catalog is read as one.
    let json = data::json::parse(text);
    if !json.rows.is_empty() {
        let choice = Choice {
            format: Some(Format::Json),
            why: "the file is JSON and holds a catalog".to_owned(),
            tried: vec![(Format::Json, json.rows.len())],
        };
        return (json, choice);
    }
    let mut tried = Vec::new();
    let mut tables: Option<Parsed> = None;
    for format in [Format::MarkdownTable, Format::HtmlTable] {
        let parsed = parse_as(format, text);
        tried.push((format, parsed.rows.len()));
        if parsed.rows.is_empty() {
            continue;
        }
        tables = Some(match tables {
            None => parsed,
            Some(all) => merge_tables(all, parsed),
        });
    }
    let tables = tables.unwrap_or_default();
    // On a tie the earlier wins: tables, then CSV, source code, lists,
    // YAML (a Markdown list can be YAML too).
    let mut best = (tables, None);
    if !best.0.rows.is_empty() {
        best.1 = tried.iter().find(|(_, n)| *n > 0).map(|(f, _)| *f);
    }
    for format in [
        Format::Csv,
        Format::Source,
        Format::CodeList,
        Format::Headings,
        Format::Yaml,
    ] {
        let parsed = parse_as(format, text);
        tried.push((format, parsed.rows.len()));
        let tie_won = parsed.rows.len() == best.0.rows.len() && hint == Some(format);
        if parsed.rows.len() > best.0.rows.len() || (tie_won && !parsed.rows.is_empty()) {
            best = (parsed, Some(format));
        }
    }
    tried.push((Format::Json, 0));
    let (parsed, format) = best;
    let why = match format {
        None => "no reader found a record".to_owned(),
        Some(_) => {
            let counts: Vec<String> = tried
                .iter()
                .filter(|(_, n)| *n > 0)
                .map(|(f, n)| format!("{} {n}", f.as_str()))
                .collect();
            let hint = match hint {
                Some(hint) if format == Some(hint) => {
                    format!("; the file's extension suggests {}", hint.as_str())
                }
                _ => String::new(),
            };
            format!("it found the most records ({}){hint}", counts.join(", "))
        }
    };
    (parsed, Choice { format, why, tried })
}

/// A page's Markdown and HTML tables, read together.
fn merge_tables(mut all: Parsed, parsed: Parsed) -> Parsed {
    all.rows.extend(parsed.rows);
    all.rows.sort_by_key(|row| row.line);
    all.how.extend(parsed.how);
    all.skipped.extend(parsed.skipped);
    // A header both readers found unknown is told once.
    let told: HashSet<String> = all
        .notes
        .iter()
        .filter(|n| n.kind == Kind::UnknownColumn)
        .map(|n| n.message.clone())
        .collect();
    all.notes.extend(
        parsed
            .notes
            .into_iter()
            .filter(|n| n.kind != Kind::UnknownColumn || !told.contains(&n.message)),
    );
    all
}

fn parse_as(format: Format, text: &str) -> Parsed {
    match format {
        Format::MarkdownTable => tables::markdown::parse(text),
        Format::HtmlTable => tables::html::parse(text),
        Format::CodeList => prose::lines::parse(text),
        Format::Headings => prose::headings::parse(text),
        Format::Source => source::parse(text),
        Format::Json => data::json::parse(text),
        Format::Yaml => data::yaml::parse(text),
        Format::Csv => data::csv::parse(text),
    }
}

/// Why a parser's code cannot be a code, whatever the parser: every code
/// gets pages and a place in file names and URLs.
fn unusable_code(code: &str) -> Option<String> {
    if code.trim().is_empty() {
        Some("row has no code; skipped".to_owned())
    } else if code.chars().any(|c| c.is_whitespace() || c.is_control()) {
        Some(format!(
            "code `{}` holds a space or control character; row skipped",
            code.escape_debug()
        ))
    } else {
        None
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
    /// The file a record's statuses came from.
    status_file: HashMap<usize, usize>,
    /// Per (record, field), the values it holds: a language or a header,
    /// and a text.
    seen: HashSet<(usize, Field, String, String)>,
    /// Every group path in the order first seen, in each language.
    groups: Bilingual<Vec<Vec<String>>>,
    group_seen: HashSet<(Lang, Vec<String>)>,
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
            if let Some(why) = unusable_code(&row.code) {
                diagnostics.push(Diagnostic::warning(Kind::BadRow, path, Some(row.line), why));
                continue;
            }
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
                // One row per status is how some tables give a code
                // several: the same text with a status not seen yet.
                let another_status = same
                    && !row.http_statuses.is_empty()
                    && row
                        .http_statuses
                        .iter()
                        .all(|s| !record.http_statuses.contains(s));
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
                if !another_status {
                    warn(diagnostics, Kind::DuplicateCode, message);
                }
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
            // Statuses add up within a file; another file that gives other
            // ones contradicts it.
            let from_this_file = self.status_file.get(&index).is_none_or(|&f| f == file_id);
            match (
                record.http_statuses.first().copied(),
                row.http_statuses.first(),
            ) {
                (_, None) => {}
                (None, Some(_)) => {
                    record.http_statuses.extend(&row.http_statuses);
                    self.status_file.insert(index, file_id);
                }
                (Some(_), Some(_)) if from_this_file => {
                    for status in &row.http_statuses {
                        if !record.http_statuses.contains(status) {
                            record.http_statuses.push(*status);
                        }
                    }
                }
                (Some(kept), Some(_)) => {
                    // (A record has a few statuses at most: at most the
                    // five hundred there are.)
                    let other = row
                        .http_statuses
                        .iter()
                        .find(|s| !record.http_statuses.contains(s));
                    if let Some(status) = other {
                        warn(
                            diagnostics,
                            Kind::Conflict,
                            format!(
                                "code `{}` has HTTP status {status} here but {kept} elsewhere; keeping {kept}",
                                row.code
                            ),
                        );
                    }
                }
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
                        html: markup_of(row, text),
                    });
                    self.line_texts
                        .entry((index, file_id, row.line))
                        .or_default()
                        .insert(text.clone());
                }
            }
            let seen = &mut self.seen;
            let mut add = |field: Field, texts: &mut Vec<Message>, new: &[String]| {
                for text in new {
                    let lang = Lang::detect(text);
                    if seen.insert((index, field, lang.tag().to_owned(), text.clone())) {
                        texts.push(Message {
                            lang,
                            text: text.clone(),
                            source,
                            html: markup_of(row, text),
                        });
                    }
                }
            };
            add(
                Field::Description,
                &mut record.descriptions,
                &row.descriptions,
            );
            add(Field::Solution, &mut record.solutions, &row.solutions);
            if !row.group.is_empty() {
                let lang = Lang::detect(&row.group.concat());
                if self.group_seen.insert((lang, row.group.clone())) {
                    self.groups.get_mut(lang).push(row.group.clone());
                }
                let group = record.group.get_mut(lang);
                if group.is_empty() {
                    group.clone_from(&row.group);
                }
            }
            for (header, text) in &row.extra {
                if self
                    .seen
                    .insert((index, Field::Extra, header.clone(), text.clone()))
                {
                    record.extra.push(Extra {
                        header: header.clone(),
                        text: text.clone(),
                        lang: Lang::detect(text),
                        source,
                    });
                }
            }
        }
    }

    fn finish(self) -> (Vec<Record>, Bilingual<Vec<Vec<String>>>) {
        (self.records, self.groups)
    }
}

/// The inline markup a row gives `text`, if any.
fn markup_of(row: &Row, text: &str) -> Option<String> {
    row.markup.get(text).cloned()
}

/// A field of a record whose values are kept once each.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Field {
    Description,
    Solution,
    Extra,
}
