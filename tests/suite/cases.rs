//! Fixture cases: `tests/cases/<name>/input/` is built and every file under
//! `tests/cases/<name>/expected/` must come out byte for byte. Set
//! `ERRDOCS_BLESS=1` to rewrite the expected files from the current output.
//! `expected/diagnostics.txt`, when present, holds the build's warnings, one
//! per line, with paths relative to the case's `input/`.

use std::path::Path;

use crate::support::{build_site, manifest_dir};

fn check_case(name: &str) {
    let case = manifest_dir().join("tests/cases").join(name);
    let built = build_site(&case.join("input"));
    let expected_dir = case.join("expected");
    let bless = std::env::var_os("ERRDOCS_BLESS").is_some();
    let mut compared = 0;
    for entry in walkdir::WalkDir::new(&expected_dir) {
        let entry = entry.unwrap();
        if !entry.file_type().is_file() {
            continue;
        }
        let relative = entry.path().strip_prefix(&expected_dir).unwrap();
        let actual = if relative == Path::new("diagnostics.txt") {
            diagnostics(&built, &case.join("input"))
        } else {
            let produced = built.site().join(relative);
            let text = std::fs::read_to_string(&produced).unwrap_or_else(|_| {
                panic!(
                    "case {name}: expected file {} was not produced",
                    relative.display()
                )
            });
            pretty_if_json(relative, text)
        };
        if bless {
            std::fs::write(entry.path(), &actual).unwrap();
        } else {
            let expected = std::fs::read_to_string(entry.path()).unwrap();
            assert!(
                expected == actual,
                "case {name}: {} differs from expected (rerun with ERRDOCS_BLESS=1 to accept):\n{actual}",
                relative.display()
            );
        }
        compared += 1;
    }
    assert!(compared > 0, "case {name} has no expected files");
}

/// JSON is compared pretty-printed, so expected files read well in a diff.
fn pretty_if_json(path: &Path, text: String) -> String {
    if path.extension().is_some_and(|e| e == "json") {
        let value: serde_json::Value = serde_json::from_str(&text).expect("valid JSON");
        serde_json::to_string_pretty(&value).unwrap() + "\n"
    } else {
        text
    }
}

fn diagnostics(built: &crate::support::Built, input: &Path) -> String {
    let prefix = format!("{}/", input.display());
    built
        .report
        .diagnostics
        .iter()
        .map(|d| format!("{}\n", d.to_string().replacen(&prefix, "", 1)))
        .collect()
}

#[test]
fn every_case_directory_has_a_test() {
    let mut names: Vec<String> = std::fs::read_dir(manifest_dir().join("tests/cases"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, CASES, "add a #[test] for each new case");
    assert!(Path::new(&manifest_dir().join("tests/cases")).is_dir());
}

const CASES: &[&str] = &[
    "code-list-tabs-and-bullets",
    "constants-go-and-java",
    "html-colspan",
    "markdown-reordered-headers",
];

#[test]
fn code_list_tabs_and_bullets() {
    check_case("code-list-tabs-and-bullets");
}

#[test]
fn constants_go_and_java() {
    check_case("constants-go-and-java");
}

#[test]
fn html_colspan() {
    check_case("html-colspan");
}

#[test]
fn markdown_reordered_headers() {
    check_case("markdown-reordered-headers");
}
