//! `errdocs inspect FILE`: what ingest sees in one file, without a vendor
//! folder and without building — the reader it chose and why, how it read
//! the file's columns or arguments, the records as the site would hold
//! them, what it passed over and the warnings.

use std::path::{Path, PathBuf};

use serde::Deserialize;
use serde::de::IntoDeserializer;

use super::encoding::Declared;
use super::vendor::Format;
use super::{Merger, read_and_parse};
use crate::diagnostic::{Diagnostic, Kind};
use crate::model::{Lang, Record};

/// What errdocs sees in one file.
#[derive(Debug)]
pub struct Inspection {
    pub path: PathBuf,
    /// The reader chosen (`markdown-table`, `source`, …), if any found a
    /// record.
    pub shape: Option<&'static str>,
    /// Why that reader.
    pub why: String,
    /// Every reader tried and how many records it found.
    pub tried: Vec<(&'static str, usize)>,
    /// How the reader read the file, by line.
    pub how: Vec<(usize, String)>,
    /// The records, merged as a build merges them.
    pub records: Vec<Record>,
    /// What the reader passed over on purpose, by line.
    pub skipped: Vec<(usize, String)>,
    /// What a build would warn about in this file.
    pub warnings: Vec<Diagnostic>,
}

impl Inspection {
    /// Whether the file holds a catalog errdocs can read.
    pub fn found(&self) -> bool {
        !self.records.is_empty()
    }
}

/// Reads `path` as a source of language `lang`, in `format` when given
/// (any `format` of `vendor.toml`) and else by its content. An unreadable
/// file, or an unknown format or encoding, is an error naming it.
pub fn inspect(
    path: &Path,
    lang: Lang,
    format: Option<&str>,
    encoding: Option<&str>,
) -> Result<Inspection, Diagnostic> {
    let format = format
        .map(|f| {
            Format::deserialize(f.into_deserializer()).map_err(|_: serde::de::value::Error| {
                let known: Vec<&str> = Format::ALL.iter().map(|f| f.as_str()).collect();
                Diagnostic::error(
                    Kind::Config,
                    path,
                    None,
                    format!("unknown format `{f}`: expected one of {}", known.join(", ")),
                )
            })
        })
        .transpose()?;
    let encoding = encoding
        .map(|e| {
            Declared::deserialize(e.into_deserializer()).map_err(|err: serde::de::value::Error| {
                Diagnostic::error(Kind::Config, path, None, err.to_string())
            })
        })
        .transpose()?;
    let read = read_and_parse(path, encoding, format).map_err(|unread| unread.inspected())?;
    let (parsed, choice, mut warnings) = (read.parsed, read.choice, read.warnings);
    let mut merger = Merger::default();
    let name = path.display().to_string();
    merger.add(&parsed.rows, &name, lang, path, &mut warnings);
    let (records, _) = merger.finish();
    Ok(Inspection {
        path: path.to_owned(),
        shape: choice
            .format
            .filter(|_| !records.is_empty())
            .map(Format::as_str),
        why: choice.why,
        tried: choice
            .tried
            .into_iter()
            .map(|(f, n)| (f.as_str(), n))
            .collect(),
        how: parsed.how,
        records,
        skipped: parsed.skipped,
        warnings,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn inspect_text(name: &str, text: &str, format: Option<&str>) -> Inspection {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(name);
        std::fs::write(&path, text).unwrap();
        inspect(&path, Lang::En, format, None).unwrap()
    }

    #[test]
    fn a_table_says_which_column_is_what() {
        let seen = inspect_text(
            "errors.md",
            "# Errors\n\n| Code | Message | Owner |\n|---|---|---|\n| 1001 | Bad input | core |\n",
            None,
        );
        assert_eq!(seen.shape, Some("markdown-table"));
        assert_eq!(seen.records.len(), 1);
        assert_eq!(seen.how.len(), 1);
        assert_eq!(seen.how[0].0, 3);
        let how = &seen.how[0].1;
        for part in [
            "`Code` → code",
            "`Message` → message",
            "`Owner` → extra field",
        ] {
            assert!(how.contains(part), "{how}");
        }
        assert!(seen.why.contains("markdown-table 1"), "{}", seen.why);
        assert!(
            seen.warnings
                .iter()
                .any(|w| w.kind == Kind::UnknownColumn && w.line == Some(3))
        );
    }

    #[test]
    fn source_code_says_what_it_read() {
        let seen = inspect_text(
            "Codes.java",
            "enum E {\n  A(1001, \"first\"),\n  B(1002, \"second\");\n  E(int code, String msg) {}\n}\n",
            None,
        );
        assert_eq!(seen.shape, Some("source"));
        assert_eq!(seen.records.len(), 2);
        let how: Vec<&str> = seen.how.iter().map(|(_, h)| h.as_str()).collect();
        assert!(how.iter().any(|h| h.contains("(code, msg)")), "{how:?}");
        assert!(
            how.iter().any(|h| h.contains("2 codes from enum entries")),
            "{how:?}"
        );
    }

    #[test]
    fn the_extension_breaks_a_tie() {
        // Lines that are a code list and a YAML map alike.
        let text = "E1001: Timed out\nE1002: Busy\n";
        let list = inspect_text("codes.txt", text, None);
        assert_eq!(list.shape, Some("code-list"));
        let yaml = inspect_text("codes.yaml", text, None);
        assert_eq!(yaml.shape, Some("yaml"));
        assert!(yaml.why.contains("extension suggests yaml"), "{}", yaml.why);
        assert_eq!(yaml.records.len(), 2);
    }

    #[test]
    fn a_file_without_a_catalog_says_so() {
        let seen = inspect_text("notes.md", "# Notes\n\nNothing to see.\n", None);
        assert!(!seen.found());
        assert_eq!(seen.shape, None);
        assert_eq!(seen.why, "no reader found a record");
        assert!(seen.tried.iter().all(|(_, n)| *n == 0));
    }

    #[test]
    fn a_table_without_codes_is_named_as_skipped() {
        let seen = inspect_text(
            "page.md",
            "| Version | Date |\n|---|---|\n| 1.0 | 2024 |\n\n| Code | Message |\n|---|---|\n| 1001 | Bad input |\n",
            None,
        );
        assert_eq!(seen.shape, Some("markdown-table"));
        assert!(
            seen.skipped
                .iter()
                .any(|(line, why)| *line == 1 && why.contains("`Version` | `Date`")),
            "{:?}",
            seen.skipped
        );
    }

    #[test]
    fn bad_arguments_and_files_are_errors_naming_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let missing = dir.path().join("missing.md");
        let err = inspect(&missing, Lang::En, None, None).unwrap_err();
        assert_eq!(err.kind, Kind::Io);
        assert_eq!(err.path, missing);
        let path = dir.path().join("a.md");
        std::fs::write(&path, "1001 x\n").unwrap();
        let err = inspect(&path, Lang::En, Some("yml"), None).unwrap_err();
        assert!(
            err.message.contains("unknown format `yml`"),
            "{}",
            err.message
        );
        let err = inspect(&path, Lang::En, None, Some("klingon")).unwrap_err();
        assert_eq!(err.kind, Kind::Config);
    }
}
