//! Fixture cases: every `tests/cases/<name>/input/` is built and every file
//! under `tests/cases/<name>/expected/` must come out byte for byte; a new
//! case is a new directory, nothing else. Set `ERRDOCS_BLESS=1` to rewrite
//! the expected files from the current output.
//! `expected/diagnostics.txt`, when present, holds the build's warnings, one
//! per line, with paths relative to the case's `input/`.

use std::path::Path;

use crate::support::{Built, Expected, build_site, case_dirs, manifest_dir, pretty_if_json};

#[test]
fn every_case_gives_its_expected_files() {
    let cases = manifest_dir().join("tests/cases");
    let names = case_dirs(&cases);
    assert!(names.len() >= 4, "the cases are missing: {names:?}");
    let mut expected = Expected::new();
    for name in &names {
        check_case(name, &cases.join(name), &mut expected);
    }
    expected.finish("the fixture cases");
}

fn check_case(name: &str, case: &Path, expected: &mut Expected) {
    let built = build_site(&case.join("input"));
    let expected_dir = case.join("expected");
    let mut compared = 0;
    for entry in walkdir::WalkDir::new(&expected_dir).sort_by_file_name() {
        let entry = entry.unwrap();
        if !entry.file_type().is_file() {
            continue;
        }
        let relative = entry.path().strip_prefix(&expected_dir).unwrap();
        compared += 1;
        let actual = if relative == Path::new("diagnostics.txt") {
            diagnostics(&built, &case.join("input"))
        } else {
            match std::fs::read_to_string(built.site().join(relative)) {
                Ok(text) => pretty_if_json(relative, text),
                Err(_) => {
                    expected.problem(format!(
                        "case {name}: expected file {} was not produced",
                        relative.display()
                    ));
                    continue;
                }
            }
        };
        let what = format!("case {name}: {}", relative.display());
        expected.compare(&what, entry.path(), &actual);
    }
    if compared == 0 {
        expected.problem(format!("case {name} has no expected files"));
    }
}

fn diagnostics(built: &Built, input: &Path) -> String {
    let prefix = format!("{}/", input.display());
    built
        .report
        .diagnostics
        .iter()
        .map(|d| format!("{}\n", d.to_string().replacen(&prefix, "", 1)))
        .collect()
}
