//! The corpus of bad inputs: `tests/bad/<name>/input/` is built with the
//! `errdocs` binary, and what comes out must be what `tests/bad/<name>/expected/`
//! says. Either `expected/error.txt`, the whole stderr of a build that exits
//! 1 (a previous site is then left exactly as it was), or
//! `expected/diagnostics.txt`, the stderr of a build that exits 0, with the
//! site's files beside it (`api/codes.json`, compared pretty-printed). The
//! temporary directory is `<tmp>` in both. Every case must finish in time,
//! without a panic, and write nothing outside the output directory. All
//! mismatches are reported at once; `ERRDOCS_BLESS=1` rewrites the
//! expected files from what came out.
//!
//! Inputs whose bytes are the point (GB18030, BOM, CRLF, lone CR, invalid
//! UTF-8) are committed as they are (`tests/bad/.gitattributes`); symbolic
//! links are made by [`prepare`].

use std::path::{Path, PathBuf};
use std::process::{Command, ExitStatus, Stdio};
use std::time::{Duration, Instant};

use crate::support::{Expected, case_dirs, copy_tree, manifest_dir, pretty_if_json};

/// Far more than any case needs; a build that takes longer hangs.
const TIME_LIMIT: Duration = Duration::from_secs(60);

pub fn corpus_dir() -> PathBuf {
    manifest_dir().join("tests/bad")
}

/// Every case, by name, sorted.
pub fn case_names() -> Vec<String> {
    case_dirs(&corpus_dir())
}

/// One case built into a temporary directory: `<tmp>/input`, `<tmp>/site`.
pub struct Run {
    pub dir: tempfile::TempDir,
    pub status: ExitStatus,
    /// With the temporary directory's path replaced by `<tmp>`.
    pub stderr: String,
}

impl Run {
    pub fn site(&self) -> PathBuf {
        self.dir.path().join("site")
    }
}

/// What a case needs that git does not keep well: symbolic links, a FIFO,
/// and a folder named with a terminal escape sequence.
fn prepare(name: &str, input: &Path) {
    #[cfg(unix)]
    match name {
        "vendor-folder-escape-sequence" => std::fs::rename(
            input.join("escape"),
            input.join("\u{1b}[2J\u{1b}[31mescape"),
        )
        .unwrap(),
        "vendor-source-symlink" => {
            std::os::unix::fs::symlink("../outside.md", input.join("acme/codes.md")).unwrap()
        }
        "vendor-folder-symlink" => std::os::unix::fs::symlink("acme", input.join("acme2")).unwrap(),
        "source-is-a-fifo" => {
            let fifo = input.join("acme/codes.md");
            let made = Command::new("mkfifo").arg(&fifo).status().unwrap();
            assert!(made.success(), "mkfifo {}", fifo.display());
        }
        _ => {}
    }
    #[cfg(not(unix))]
    let _ = (name, input);
}

/// A previous errdocs site, for the cases that must leave it alone.
fn plant_previous_site(site: &Path) {
    std::fs::create_dir_all(site).unwrap();
    std::fs::write(site.join("index.html"), "previous site").unwrap();
    std::fs::write(site.join(".errdocs"), "errdocs site 0000000000000000\n").unwrap();
}

pub fn run_case(name: &str, with_previous_site: bool) -> Result<Run, String> {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("input");
    copy_tree(&corpus_dir().join(name).join("input"), &input);
    prepare(name, &input);
    let site = dir.path().join("site");
    if with_previous_site {
        plant_previous_site(&site);
    }
    let started = Instant::now();
    let mut child = Command::new(env!("CARGO_BIN_EXE_errdocs"))
        .arg("build")
        .arg("--input")
        .arg(&input)
        .arg("--output")
        .arg(&site)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let stderr = child.stderr.take().unwrap();
    let reader = std::thread::spawn(move || std::io::read_to_string(stderr).unwrap_or_default());
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if started.elapsed() > TIME_LIMIT {
            let _ = child.kill();
            let _ = child.wait();
            return Err(format!("{name}: still running after {TIME_LIMIT:?}"));
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let stderr = reader.join().unwrap();
    let stderr = stderr.replace(&dir.path().display().to_string(), "<tmp>");
    Ok(Run {
        dir,
        status,
        stderr,
    })
}

/// Every mismatch between a case's run and its expected files, told to
/// `expected`. A failed build is expected to give `error.txt`, a good one
/// `diagnostics.txt` and whatever site files `expected/` holds (when
/// blessing, `api/codes.json`).
fn check_case(name: &str, expected: &mut Expected) {
    let dir = corpus_dir().join(name).join("expected");
    // A case expected to fail gets a previous site, which it must leave.
    let planted = dir.join("error.txt").is_file();
    let run = match run_case(name, planted) {
        Ok(run) => run,
        Err(hang) => return expected.problem(hang),
    };
    if run.stderr.contains("panicked") {
        expected.problem(format!("{name}: panicked:\n{}", run.stderr));
    }
    for problem in stray_files(name, &run) {
        expected.problem(problem);
    }
    // The files a good build is compared on: those `expected/` holds, or
    // when blessing afresh, `codes.json`.
    let mut site_files = Vec::new();
    let fails = match expected.blessing() {
        true => {
            let _ = std::fs::remove_dir_all(&dir);
            site_files.push(PathBuf::from("api/codes.json"));
            !run.status.success()
        }
        false => {
            for entry in walkdir::WalkDir::new(&dir).sort_by_file_name() {
                let entry = entry.unwrap();
                let relative = entry.path().strip_prefix(&dir).unwrap();
                if entry.file_type().is_file() && relative != Path::new("diagnostics.txt") {
                    site_files.push(relative.to_owned());
                }
            }
            planted
        }
    };
    if fails {
        if run.status.code() != Some(1) {
            expected.problem(format!("{name}: expected exit 1, got {}", run.status));
        }
        expected.compare(
            &format!("{name}: error.txt"),
            &dir.join("error.txt"),
            &run.stderr,
        );
        let previous = std::fs::read_to_string(run.site().join("index.html")).unwrap_or_default();
        if planted && (previous != "previous site" || entries(&run.site()).len() != 2) {
            expected.problem(format!("{name}: the previous site was changed"));
        }
        return;
    }
    if !run.status.success() {
        return expected.problem(format!(
            "{name}: expected success, got {}:\n{}",
            run.status, run.stderr
        ));
    }
    expected.compare(
        &format!("{name}: diagnostics.txt"),
        &dir.join("diagnostics.txt"),
        &run.stderr,
    );
    for relative in site_files {
        let what = format!("{name}: {}", relative.display());
        match std::fs::read_to_string(run.site().join(&relative)) {
            Ok(text) => {
                let actual = pretty_if_json(&relative, text);
                expected.compare(&what, &dir.join(&relative), &actual);
            }
            Err(_) => expected.problem(format!("{what} was not produced")),
        }
    }
}

/// Anything the build left outside `input/` and the site but the manifest
/// and the lock, and anything in the site that is not a plain file or
/// directory.
fn stray_files(name: &str, run: &Run) -> Vec<String> {
    let mut problems = Vec::new();
    for entry in entries(run.dir.path()) {
        if !matches!(
            entry.as_str(),
            "input" | "site" | ".site.errdocs-manifest" | ".site.errdocs-lock"
        ) {
            problems.push(format!("{name}: `{entry}` left beside the site"));
        }
    }
    if run.site().is_dir() {
        for entry in walkdir::WalkDir::new(run.site()) {
            let entry = entry.unwrap();
            let kind = entry.file_type();
            if !(kind.is_file() || kind.is_dir()) {
                problems.push(format!(
                    "{name}: {} is not a plain file",
                    entry.path().display()
                ));
            }
        }
    }
    problems
}

pub fn entries(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .map(|d| {
            d.map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
}

#[test]
fn every_bad_input_has_its_expected_outcome() {
    let names = case_names();
    assert!(names.len() >= 30, "the corpus is missing: {names:?}");
    let mut expected = Expected::new();
    for name in &names {
        if !expected.blessing() && !corpus_dir().join(name).join("expected").is_dir() {
            expected.problem(format!("{name}: no expected/ (ERRDOCS_BLESS=1 writes it)"));
            continue;
        }
        check_case(name, &mut expected);
    }
    expected.finish("the bad-input corpus");
}
