//! Bad input exits 1 with a message naming the file, and leaves the
//! previous site exactly as it was.

use std::path::Path;
use std::process::Command;

const TABLE: &str = "| 错误码 | 描述 |\n|---|---|\n| 1001 | 参数非法 |\n";

/// Runs `errdocs build` over an input made of `files` with an old site in
/// place; returns stderr after checking the exit code and the old site.
fn build_fails(files: &[(&str, &str)]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("input");
    for (path, contents) in files {
        let path = input.join(path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, contents).unwrap();
    }
    let site = dir.path().join("site");
    std::fs::create_dir_all(&site).unwrap();
    std::fs::write(site.join("index.html"), "old site").unwrap();
    let before = entries(dir.path());

    let output = Command::new(env!("CARGO_BIN_EXE_errdocs"))
        .args(["build", "--input"])
        .arg(&input)
        .arg("--output")
        .arg(&site)
        .output()
        .unwrap();
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert_eq!(output.status.code(), Some(1), "stderr: {stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert_eq!(
        std::fs::read_to_string(site.join("index.html")).unwrap(),
        "old site"
    );
    assert_eq!(
        entries(dir.path()),
        before,
        "no staging directory left behind"
    );
    stderr
}

fn entries(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

const VENDOR: &str =
    "name = { en = \"Acme\", zh = \"极致\" }\n[[sources]]\nfile = \"codes.md\"\nlang = \"zh\"\n";

#[test]
fn missing_source_file_is_named() {
    let stderr = build_fails(&[("acme/vendor.toml", VENDOR)]);
    assert!(stderr.contains("acme/codes.md: error[io]"), "{stderr}");
}

#[test]
fn unknown_key_in_vendor_toml_is_named_with_its_line() {
    let toml = format!("{VENDOR}colour = \"red\"\n");
    let stderr = build_fails(&[("acme/vendor.toml", &toml), ("acme/codes.md", TABLE)]);
    assert!(
        stderr.contains("acme/vendor.toml:5: error[config]"),
        "{stderr}"
    );
    assert!(stderr.contains("colour"), "{stderr}");
}

#[test]
fn source_without_codes_is_named() {
    let stderr = build_fails(&[
        ("acme/vendor.toml", VENDOR),
        ("acme/codes.md", "# Codes\n\nComing soon.\n"),
    ]);
    assert!(
        stderr.contains("acme/codes.md: error[no-codes]"),
        "{stderr}"
    );
}

#[test]
fn source_outside_the_vendor_folder_is_refused() {
    let toml = VENDOR.replace("codes.md", "../../secret.md");
    let stderr = build_fails(&[("acme/vendor.toml", &toml)]);
    assert!(
        stderr.contains("acme/vendor.toml: error[config]"),
        "{stderr}"
    );
}

#[test]
fn invalid_vendor_folder_name_is_named() {
    let stderr = build_fails(&[
        ("Acme Corp/vendor.toml", VENDOR),
        ("Acme Corp/codes.md", TABLE),
    ]);
    assert!(stderr.contains("Acme Corp: error[config]"), "{stderr}");
}

#[test]
fn missing_input_directory_is_named() {
    let stderr = build_fails(&[]);
    assert!(stderr.contains("input"), "{stderr}");
}

#[test]
fn output_that_would_swallow_the_input_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("input");
    std::fs::create_dir_all(&input).unwrap();
    let output = Command::new(env!("CARGO_BIN_EXE_errdocs"))
        .current_dir(dir.path())
        .args(["build", "--input", "input", "--output", "."])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert!(input.is_dir());
}

#[test]
fn a_good_build_replaces_the_old_site() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("input/acme");
    std::fs::create_dir_all(&input).unwrap();
    std::fs::write(input.join("vendor.toml"), VENDOR).unwrap();
    std::fs::write(input.join("codes.md"), TABLE).unwrap();
    let site = dir.path().join("site");
    std::fs::create_dir_all(&site).unwrap();
    std::fs::write(site.join("stale.html"), "old").unwrap();
    let output = Command::new(env!("CARGO_BIN_EXE_errdocs"))
        .current_dir(dir.path())
        .args(["build"])
        .output()
        .unwrap();
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(stdout.starts_with("built 1 vendors, 1 codes, "), "{stdout}");
    assert!(!site.join("stale.html").exists());
    assert!(site.join("en/acme/1001.html").is_file());
    assert_eq!(
        entries(dir.path()),
        [".site.errdocs-manifest", "input", "site"]
    );
}
