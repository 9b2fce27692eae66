//! Entry points for fuzzing the readers of `input/`: the `fuzz/` crate's
//! `cargo fuzz` targets call them, and so does a test that replays every
//! input the fuzzer once crashed on (`tests/fuzz-regressions/<target>/`).
//!
//! Each takes raw bytes, as a file on disk would hold them, runs one reader
//! the way [`super::ingest`] does, and panics only when the reader panics or
//! its result breaks a promise the rest of errdocs relies on (lines inside
//! the text, codes never empty). Compiled for tests and with the `fuzz`
//! feature only; not part of the supported API.

use std::path::Path;

use super::text::{self, LineIndex};
use super::vendor::VendorConfig;
use super::{Merger, data, editorial, prose, source, tables};
use crate::ingest::parsed::Parsed;
use crate::model::{Bilingual, Category, Code, Lang};

/// A fuzz target: one reader run over one input.
pub type Target = fn(&[u8]);

/// Every target by the name of its `fuzz/fuzz_targets/<name>.rs` and of its
/// folder of regression inputs.
pub const TARGETS: [(&str, Target); 11] = [
    ("markdown_table", markdown_table),
    ("html_table", html_table),
    ("code_list", code_list),
    ("headings", headings),
    ("constants", constants),
    ("json", json),
    ("yaml", yaml),
    ("csv", csv),
    ("detect", detect),
    ("vendor_toml", vendor_toml),
    ("editorial", editorial),
];

/// Sources are read with `read_to_string`, so a file that is not UTF-8
/// never reaches a reader.
fn utf8(data: &[u8]) -> Option<&str> {
    std::str::from_utf8(data).ok()
}

pub fn markdown_table(data: &[u8]) {
    if let Some(src) = utf8(data) {
        check_parsed(src, &tables::markdown::parse(src));
    }
}

pub fn html_table(data: &[u8]) {
    if let Some(src) = utf8(data) {
        check_parsed(src, &tables::html::parse(src));
    }
}

pub fn code_list(data: &[u8]) {
    if let Some(src) = utf8(data) {
        check_parsed(src, &prose::lines::parse(src));
    }
}

pub fn headings(data: &[u8]) {
    if let Some(src) = utf8(data) {
        check_parsed(src, &prose::headings::parse(src));
    }
}

pub fn yaml(data: &[u8]) {
    if let Some(src) = utf8(data) {
        check_parsed(src, &data::yaml::parse(src));
    }
}

/// Every source-code reader: the constants, and the tokens, items and
/// catalogs they are joined with.
pub fn constants(data: &[u8]) {
    if let Some(src) = utf8(data) {
        check_parsed(src, &source::parse(src));
    }
}

pub fn json(data: &[u8]) {
    if let Some(src) = utf8(data) {
        check_parsed(src, &data::json::parse(src));
    }
}

pub fn csv(data: &[u8]) {
    if let Some(src) = utf8(data) {
        check_parsed(src, &data::csv::parse(src));
    }
}

/// A source without a declared format: every reader runs and the best one's
/// rows are merged into records, which are then sorted and looked up by
/// code as the documentation team's files are.
pub fn detect(data: &[u8]) {
    let Some(src) = utf8(data) else { return };
    let (parsed, _) = super::parse_source(None, None, src);
    check_parsed(src, &parsed);

    let mut merger = Merger::default();
    let mut diagnostics = Vec::new();
    let path = Path::new("fuzz.md");
    merger.add(&parsed.rows, "fuzz.md", Lang::En, path, &mut diagnostics);
    let (mut records, _) = merger.finish();
    records.sort_by(|a, b| a.code.cmp(&b.code));
    for record in &records {
        let found = editorial::position(&records, record.code.as_str());
        assert!(found.is_some(), "code `{}` not found again", record.code);
        for message in &record.messages {
            assert!(message.source < record.sources.len());
        }
        let _ = record.code.status_prefix();
    }
}

/// `vendor.toml`: parsed, or turned into a diagnostic at a line of the file;
/// every source path checked for staying inside the vendor folder.
pub fn vendor_toml(data: &[u8]) {
    let Some(text) = utf8(data) else { return };
    match toml::from_str::<VendorConfig>(text) {
        Ok(config) => {
            for source in &config.sources {
                if let Ok(path) = super::source_path(source.file.get_ref()) {
                    assert!(path.is_relative(), "{path:?}");
                }
            }
        }
        Err(err) => check_toml_error(text, &err),
    }
}

/// The documentation team's files (translations, notes, categories): one
/// text read as each of them.
pub fn editorial(data: &[u8]) {
    let Some(src) = utf8(data) else { return };
    let last_line = line_count(src);
    match editorial::parse_table::<String>(src) {
        Ok(entries) => {
            for (code, value, line) in entries {
                assert!((1..=last_line).contains(&line), "line {line}");
                let cleaned = text::clean(&value);
                let _ = Lang::detect(&cleaned);
                let _ = Code::new(code).status_prefix();
            }
        }
        Err(err) => check_toml_error(src, &err),
    }
    if let Err(err) = editorial::parse_table::<Bilingual<String>>(src) {
        check_toml_error(src, &err);
    }
    if let Err(err) = editorial::parse_table::<Category>(src) {
        check_toml_error(src, &err);
    }
}

/// What ingest makes of a TOML error: a diagnostic at a line of the file.
fn check_toml_error(text: &str, err: &toml::de::Error) {
    let diagnostic = crate::diagnostic::Diagnostic::toml(Path::new("fuzz.toml"), text, err);
    if let Some(line) = diagnostic.line {
        assert!((1..=line_count(text)).contains(&line), "line {line}");
    }
}

/// What every reader promises of its rows and notes.
fn check_parsed(src: &str, parsed: &Parsed) {
    let last_line = line_count(src);
    for row in &parsed.rows {
        assert!(
            (1..=last_line).contains(&row.line),
            "row at line {} of {last_line}",
            row.line
        );
        assert!(!row.code.is_empty(), "empty code at line {}", row.line);
        assert_eq!(row.code.trim(), row.code, "untrimmed code");
        for text in &row.texts {
            assert!(!text.is_empty(), "empty text at line {}", row.line);
        }
    }
    for note in &parsed.notes {
        assert!(
            (1..=last_line).contains(&note.line),
            "note at line {} of {last_line}",
            note.line
        );
    }
    // What `errdocs inspect` shows points into the text too.
    for (line, _) in parsed.how.iter().chain(&parsed.skipped) {
        assert!(
            (1..=last_line).contains(line),
            "explanation at line {line} of {last_line}"
        );
    }
}

/// The number of the text's last line, as [`LineIndex`] counts.
fn line_count(src: &str) -> usize {
    LineIndex::new(src).line(src.len())
}

#[cfg(test)]
mod tests {
    use std::panic::{AssertUnwindSafe, catch_unwind};
    use std::path::PathBuf;
    use std::time::{Duration, Instant};

    use super::*;

    fn regressions() -> PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz-regressions")
    }

    /// As long as `fuzz/run` lets one input take: the readers are linear,
    /// and these inputs are small, so even an unoptimised build stays far
    /// below it unless a reader turns super-linear again.
    const TIME_LIMIT: Duration = Duration::from_secs(5);

    /// Every input a fuzz target once failed on, by a panic or by taking too
    /// long, still runs clean and in time through the same entry point.
    #[test]
    fn fuzz_regression_inputs_run_clean() {
        let mut failed = Vec::new();
        let mut ran = 0;
        for (name, target) in TARGETS {
            let Ok(entries) = std::fs::read_dir(regressions().join(name)) else {
                continue;
            };
            for entry in entries {
                let path = entry.expect("readable folder").path();
                let data = std::fs::read(&path).expect("readable input");
                ran += 1;
                let start = Instant::now();
                if catch_unwind(AssertUnwindSafe(|| target(&data))).is_err() {
                    failed.push(format!("{}: panicked", path.display()));
                } else if start.elapsed() > TIME_LIMIT {
                    failed.push(format!("{}: took {:?}", path.display(), start.elapsed()));
                }
            }
        }
        assert!(ran > 0, "no regression inputs found");
        assert!(failed.is_empty(), "failed on: {failed:#?}");
    }

    /// One code listed on every line, each time with another text: every
    /// row was compared with every text kept before it, 20 s unoptimised.
    #[test]
    fn one_code_listed_forty_thousand_times_merges_in_linear_time() {
        let src: String = (0..40_000).map(|i| format!("4001 text {i}\n")).collect();
        let start = Instant::now();
        detect(src.as_bytes());
        assert!(start.elapsed() < TIME_LIMIT, "{:?}", start.elapsed());
    }

    #[test]
    fn every_regression_folder_names_a_target() {
        for entry in std::fs::read_dir(regressions()).expect("regressions folder") {
            let name = entry.expect("readable folder").file_name();
            let name = name.to_string_lossy();
            assert!(
                TARGETS.iter().any(|(target, _)| *target == name),
                "`{name}` is no fuzz target"
            );
        }
    }

    #[test]
    fn seeds_run_clean_through_every_target() {
        let input = Path::new(env!("CARGO_MANIFEST_DIR")).join("input");
        for vendor in std::fs::read_dir(input).expect("input folder") {
            let vendor = vendor.expect("readable folder").path();
            if !vendor.is_dir() {
                continue;
            }
            for file in std::fs::read_dir(vendor).expect("vendor folder") {
                let data = std::fs::read(file.expect("readable").path()).expect("readable");
                for (_, target) in TARGETS {
                    target(&data);
                }
            }
        }
    }
}
