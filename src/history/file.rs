//! The release file: `input/releases/<label>.jsonl`, JSON Lines that diff
//! well in git. The first line says what the file is; every other line is
//! one code, sorted by vendor id and then by code in natural order, its
//! fields always in the same order and empty ones left out:
//!
//! ```text
//! {"errdocs_release":1,"label":"v1","date":"2026-01-01"}
//! {"vendor":"polaris","code":"400001","status":400,"message":{"en":"…","zh":"…"}}
//! ```

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::{Entry, History, Release, Texts, release_order};
use crate::diagnostic::{Diagnostic, Kind};
use crate::fs;
use crate::model::{Code, VendorId};

/// The folder of the input that holds the releases: a reserved name, never
/// a vendor.
pub const RELEASES_DIR: &str = "releases";

/// The version of the file format, on its first line.
const VERSION: u32 = 1;

/// What is wrong with a label or date given to `errdocs release`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ReleaseError {
    #[error(
        "release label `{0}` is not a plain name (letters, digits, `.`, `-`, `_`, at most 64, not starting with `.` or `-`)"
    )]
    Label(String),
    #[error("release date `{0}` is not a date as YYYY-MM-DD")]
    Date(String),
}

/// Checks a release's label: it is a file name and part of URLs.
pub fn check_label(label: &str) -> Result<(), ReleaseError> {
    let plain = !label.is_empty()
        && label.len() <= 64
        && !label.starts_with(['.', '-'])
        && label
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-' | b'_'));
    plain
        .then_some(())
        .ok_or_else(|| ReleaseError::Label(label.to_owned()))
}

/// Checks a date is `YYYY-MM-DD` and a day of the calendar.
pub fn check_date(date: &str) -> Result<(), ReleaseError> {
    let bad = || ReleaseError::Date(date.to_owned());
    let b = date.as_bytes();
    let shape = b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
    if !shape {
        return Err(bad());
    }
    let num = |r: std::ops::Range<usize>| date[r].parse::<u32>().unwrap_or(0);
    let (year, month, day) = (num(0..4), num(5..7), num(8..10));
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return Err(bad()),
    };
    (1..=days).contains(&day).then_some(()).ok_or_else(bad)
}

/// Where the release `label` of the input at `input` is kept.
pub fn release_path(input: &Path, label: &str) -> PathBuf {
    input.join(RELEASES_DIR).join(format!("{label}.jsonl"))
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Header {
    errdocs_release: u32,
    label: String,
    date: String,
}

/// A release file's text for `entries` (in [`Entry::cmp_key`] order).
pub fn format_release(label: &str, date: &str, entries: &[Entry]) -> String {
    let header = Header {
        errdocs_release: VERSION,
        label: label.to_owned(),
        date: date.to_owned(),
    };
    let mut out = serde_json::to_string(&header).expect("a header is JSON");
    out.push('\n');
    for entry in entries {
        out.push_str(&serde_json::to_string(entry).expect("an entry is JSON"));
        out.push('\n');
    }
    out
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawEntry {
    vendor: String,
    code: String,
    name: Option<String>,
    status: Option<u16>,
    #[serde(default)]
    message: RawTexts,
    #[serde(default)]
    description: RawTexts,
    #[serde(default)]
    solution: RawTexts,
}

#[derive(Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTexts {
    en: Option<String>,
    zh: Option<String>,
}

impl From<RawTexts> for Texts {
    fn from(raw: RawTexts) -> Texts {
        Texts {
            en: raw.en,
            zh: raw.zh,
        }
    }
}

/// Reads every release under `input/releases/` and each vendor's
/// `replaced.toml`. A file that cannot be read is an error at its line;
/// the releases that can be read are kept.
pub fn read(input: &Path) -> (History, Vec<Diagnostic>) {
    let mut diagnostics = Vec::new();
    let mut history = History::default();
    let dir = input.join(RELEASES_DIR);
    if dir.is_dir() {
        let walk = walkdir::WalkDir::new(&dir)
            .min_depth(1)
            .max_depth(1)
            .sort_by_file_name();
        for entry in walk {
            let entry = match entry {
                Ok(entry) => entry,
                Err(err) => {
                    let path = err.path().unwrap_or(&dir).to_owned();
                    diagnostics.push(Diagnostic::error(Kind::Io, path, None, err.to_string()));
                    continue;
                }
            };
            let path = entry.path();
            let name = entry.file_name().to_string_lossy();
            match name.strip_suffix(".jsonl") {
                Some(stem) if entry.file_type().is_file() => {
                    let relative = format!("{RELEASES_DIR}/{name}");
                    if let Some(release) = read_release(path, stem, relative, &mut diagnostics) {
                        history.releases.push(release);
                    }
                }
                _ if name.starts_with('.') => {}
                _ => diagnostics.push(Diagnostic::warning(
                    Kind::Config,
                    path,
                    None,
                    "not a release (`<label>.jsonl`); skipped",
                )),
            }
        }
    }
    history.releases.sort_by(release_order);
    read_replacements(input, &mut history, &mut diagnostics);
    (history, diagnostics)
}

fn read_release(
    path: &Path,
    stem: &str,
    file: String,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<Release> {
    let text = match fs::read_to_string(path) {
        Ok(text) => text,
        Err(err) => {
            diagnostics.push(Diagnostic::error(Kind::Io, path, None, err.to_string()));
            return None;
        }
    };
    let error =
        |line: usize, message: String| Diagnostic::error(Kind::Config, path, Some(line), message);
    let mut lines = text.lines().enumerate().map(|(i, l)| (i + 1, l));
    let Some((_, first)) = lines.next() else {
        diagnostics.push(error(
            1,
            "empty release file: its first line names the release".into(),
        ));
        return None;
    };
    let header: Header = match serde_json::from_str(first) {
        Ok(header) => header,
        Err(err) => {
            diagnostics.push(error(
                1,
                format!(
                    "not a release header ({{\"errdocs_release\":1,\"label\":…,\"date\":…}}): {err}"
                ),
            ));
            return None;
        }
    };
    let mut problems = Vec::new();
    if header.errdocs_release != VERSION {
        problems.push(format!(
            "release format {} is not one this errdocs reads ({VERSION})",
            header.errdocs_release
        ));
    }
    if header.label != stem {
        problems.push(format!(
            "label `{}` is not the file's name (`{stem}.jsonl`)",
            header.label
        ));
    }
    if let Err(err) = check_label(&header.label).and(check_date(&header.date)) {
        problems.push(err.to_string());
    }
    if !problems.is_empty() {
        diagnostics.extend(problems.into_iter().map(|p| error(1, p)));
        return None;
    }
    let mut entries = Vec::new();
    let mut lines_of = ahash::AHashMap::new();
    let mut bad = false;
    for (line, text) in lines {
        if text.trim().is_empty() {
            continue;
        }
        let raw: RawEntry = match serde_json::from_str(text) {
            Ok(raw) => raw,
            Err(err) => {
                diagnostics.push(error(line, format!("not a release record: {err}")));
                bad = true;
                continue;
            }
        };
        let Some(vendor) = VendorId::new(&raw.vendor) else {
            diagnostics.push(error(line, format!("`{}` is not a vendor id", raw.vendor)));
            bad = true;
            continue;
        };
        if let Some(status) = raw.status.filter(|s| !(100..=599).contains(s)) {
            diagnostics.push(error(
                line,
                format!("status {status} is not an HTTP status"),
            ));
            bad = true;
            continue;
        }
        let key = (vendor.clone(), raw.code.clone());
        if let Some(first) = lines_of.insert(key, line) {
            diagnostics.push(error(
                line,
                format!(
                    "code `{}` of `{vendor}` is recorded twice (first at line {first})",
                    raw.code
                ),
            ));
            bad = true;
            continue;
        }
        entries.push(Entry {
            vendor,
            code: Code::new(raw.code),
            name: raw.name,
            status: raw.status,
            message: raw.message.into(),
            description: raw.description.into(),
            solution: raw.solution.into(),
        });
    }
    if bad {
        return None;
    }
    entries.sort_by(Entry::cmp_key);
    Some(Release {
        label: header.label,
        date: header.date,
        file,
        entries,
    })
}

/// The file in a vendor's folder naming replacements: `"OLD" = "NEW"`.
const REPLACED_FILE: &str = "replaced.toml";

fn read_replacements(input: &Path, history: &mut History, diagnostics: &mut Vec<Diagnostic>) {
    let Ok(dirs) = std::fs::read_dir(input) else {
        return;
    };
    let mut dirs: Vec<PathBuf> = dirs.filter_map(|d| Some(d.ok()?.path())).collect();
    dirs.sort();
    for dir in dirs {
        let path = dir.join(REPLACED_FILE);
        let Some(vendor) = dir
            .file_name()
            .and_then(|n| VendorId::new(&n.to_string_lossy()))
        else {
            continue;
        };
        if !path.is_file() {
            continue;
        }
        let text = match fs::read_to_string(&path) {
            Ok(text) => text,
            Err(err) => {
                diagnostics.push(Diagnostic::error(Kind::Io, &path, None, err.to_string()));
                continue;
            }
        };
        let table: toml::Table = match toml::from_str(&text) {
            Ok(table) => table,
            Err(err) => {
                let line = err
                    .span()
                    .map(|s| text[..s.start].matches('\n').count() + 1);
                diagnostics.push(Diagnostic::error(
                    Kind::Config,
                    &path,
                    line,
                    err.message().to_owned(),
                ));
                continue;
            }
        };
        for (old, new) in table {
            match new.as_str() {
                Some(new) => {
                    history
                        .replaced
                        .insert((vendor.clone(), Code::new(old)), Code::new(new));
                }
                None => diagnostics.push(Diagnostic::error(
                    Kind::Config,
                    &path,
                    None,
                    format!("`{old}` must name the code that replaces it, as a string"),
                )),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_and_dates_are_checked() {
        assert!(check_label("v1.2-rc_1").is_ok());
        for bad in ["", ".x", "-x", "a/b", "a b", "版本"] {
            assert!(check_label(bad).is_err(), "{bad}");
        }
        assert!(check_date("2024-02-29").is_ok());
        for bad in [
            "2023-02-29",
            "2026-13-01",
            "2026-1-01",
            "20260101",
            "2026-04-31",
        ] {
            assert!(check_date(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn a_bad_line_is_an_error_at_its_line() {
        let dir = tempfile::tempdir().unwrap();
        let releases = dir.path().join(RELEASES_DIR);
        std::fs::create_dir_all(&releases).unwrap();
        std::fs::write(
            releases.join("v1.jsonl"),
            "{\"errdocs_release\":1,\"label\":\"v1\",\"date\":\"2026-01-01\"}\n\
             {\"vendor\":\"acme\",\"code\":\"1\"}\n\
             {\"vendor\":\"acme\",\"code\":\"2\",\"mesage\":{}}\n",
        )
        .unwrap();
        let (history, diagnostics) = read(dir.path());
        assert!(history.releases.is_empty());
        assert_eq!(diagnostics.len(), 1, "{diagnostics:?}");
        assert_eq!(diagnostics[0].line, Some(3));
        assert!(diagnostics[0].message.contains("mesage"), "{diagnostics:?}");
    }

    #[test]
    fn a_written_release_reads_back_the_same() {
        let entries = vec![Entry {
            vendor: VendorId::new("acme").unwrap(),
            code: Code::new("E1"),
            name: Some("QUOTA".into()),
            status: Some(429),
            message: Texts {
                en: Some("Quota \"exceeded\"".into()),
                zh: Some("配额超限".into()),
            },
            description: Texts::default(),
            solution: Texts::default(),
        }];
        let dir = tempfile::tempdir().unwrap();
        let path = release_path(dir.path(), "v1");
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, format_release("v1", "2026-01-01", &entries)).unwrap();
        let (history, diagnostics) = read(dir.path());
        assert!(diagnostics.is_empty(), "{diagnostics:?}");
        assert_eq!(history.releases[0].entries, entries);
        assert_eq!(history.releases[0].file, "releases/v1.jsonl");
    }
}
