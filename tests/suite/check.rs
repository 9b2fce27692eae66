//! `errdocs check` from the command line, on the seeds.

use std::path::Path;
use std::process::{Command, Output};

use crate::support::{copy_tree, manifest_dir};

fn check(input: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_errdocs"))
        .arg("check")
        .arg("--input")
        .arg(input)
        .args(args)
        .output()
        .unwrap()
}

#[test]
fn check_prints_findings_with_file_and_line_and_acknowledgements() {
    let output = check(Path::new("input"), &[]);
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert_eq!(output.status.code(), Some(0));
    for expected in [
        "input/polaris/error-codes.zh.md:104: note[disagreement]: code `400309`",
        "input/polaris/error-codes.zh.md:149: note[disagreement]: code `403002`",
        "; acknowledged by docs team: the tables come from different Polaris versions",
    ] {
        assert!(stdout.contains(expected), "missing {expected}");
    }
    // The gaps the team's translations fill are listed with --all only.
    let filled = "input/polaris/error-codes.zh.md:48: note[one-language]: code `400143` has Chinese text only";
    assert!(!stdout.contains(filled));
    let all = String::from_utf8(check(Path::new("input"), &["--all"]).stdout).unwrap();
    assert!(all.contains(filled));
}

#[test]
fn the_seeds_pass_deny_warnings_and_a_new_contradiction_fails_it() {
    let output = check(&manifest_dir().join("input"), &["--deny-warnings"]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(0), "{stderr}");
    assert!(
        stderr.contains("0 errors, 0 warnings, 20 notes"),
        "{stderr}"
    );

    // A new code with another code's text is a finding nobody accepted.
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("input");
    copy_tree(&manifest_dir().join("input"), &input);
    let file = input.join("api-switch/error-codes.md");
    let text = std::fs::read_to_string(&file).unwrap();
    let row = "VOL_SET_STATUS_ERROR = 10307\n";
    assert!(text.contains(row));
    let copy = "\n// 修改云盘状态失败\nVOL_SET_STATUS_AGAIN = 10999\n";
    std::fs::write(&file, text.replace(row, &format!("{row}{copy}"))).unwrap();
    let output = check(&input, &["--deny-warnings"]);
    assert_eq!(output.status.code(), Some(1));
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        stdout.contains("warning[same-text]: code `10999` has the same Chinese text as `10307`"),
        "{stdout}"
    );
}
