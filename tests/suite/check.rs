//! `errdocs check` from the command line, on the seeds.

use std::process::Command;

#[test]
fn check_prints_findings_with_file_and_line_and_denies_warnings_on_request() {
    let run = |deny: bool| {
        let mut command = Command::new(env!("CARGO_BIN_EXE_errdocs"));
        command
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .args(["check", "--input", "input"]);
        if deny {
            command.arg("--deny-warnings");
        }
        command.output().unwrap()
    };
    let output = run(false);
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert_eq!(output.status.code(), Some(0));
    for expected in [
        "input/polaris/error-codes.zh.md:104: warning[disagreement]: code `400309`",
        "input/polaris/error-codes.zh.md:105: warning[disagreement]: code `400310`",
        "input/polaris/error-codes.zh.md:148: warning[disagreement]: code `403001`",
        "input/polaris/error-codes.zh.md:149: warning[disagreement]: code `403002`",
        "input/polaris/error-codes.zh.md:48: note[one-language]: code `400143` has Chinese text only",
    ] {
        assert!(stdout.contains(expected), "missing {expected}");
    }
    let denied = run(true);
    assert_eq!(denied.status.code(), Some(1));
    assert!(
        String::from_utf8(denied.stderr)
            .unwrap()
            .contains("0 errors, 20 warnings")
    );
}
