//! Bad input exits 1 with a message naming the file, and leaves the
//! previous site exactly as it was; an output errdocs did not make is
//! replaced only with `--force`. (Bad inputs of every other kind are the
//! corpus in `tests/bad/`, run by `corpus.rs`.)

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
    std::fs::write(site.join(".errdocs"), "errdocs site 0000000000000000\n").unwrap();
    // The build's lock beside the output stays, empty.
    let mut before = entries(dir.path());
    before.insert(0, ".site.errdocs-lock".to_owned());

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
    let dir = one_vendor();
    let site = dir.path().join("site");
    std::fs::create_dir_all(&site).unwrap();
    std::fs::write(site.join("stale.html"), "old").unwrap();
    std::fs::write(site.join(".errdocs"), "errdocs site 0000000000000000\n").unwrap();
    let output = build_in(dir.path(), &[]);
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(stdout.starts_with("built 1 vendor, 1 code, "), "{stdout}");
    assert!(!site.join("stale.html").exists());
    assert!(site.join("en/acme/1001.html").is_file());
    assert_eq!(
        entries(dir.path()),
        [
            ".site.errdocs-lock",
            ".site.errdocs-manifest",
            "input",
            "site"
        ]
    );
}

/// A directory whose `input/` holds one vendor with one code.
fn one_vendor() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("input/acme");
    std::fs::create_dir_all(&input).unwrap();
    std::fs::write(input.join("vendor.toml"), VENDOR).unwrap();
    std::fs::write(input.join("codes.md"), TABLE).unwrap();
    dir
}

/// Runs `errdocs build` in `dir` with `args` after the defaults.
fn build_in(dir: &Path, args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_errdocs"))
        .current_dir(dir)
        .arg("build")
        .args(args)
        .output()
        .unwrap()
}

#[test]
fn an_output_errdocs_did_not_make_is_replaced_only_with_force() {
    let dir = one_vendor();
    let site = dir.path().join("site");
    std::fs::create_dir_all(&site).unwrap();
    std::fs::write(site.join("thesis.tex"), "years of work").unwrap();

    let refused = build_in(dir.path(), &[]);
    let stderr = String::from_utf8(refused.stderr).unwrap();
    assert_eq!(refused.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("refusing to replace `site`") && stderr.contains("--force"),
        "{stderr}"
    );
    assert_eq!(entries(&site), ["thesis.tex"]);
    assert_eq!(entries(dir.path()), [".site.errdocs-lock", "input", "site"]);

    let forced = build_in(dir.path(), &["--force"]);
    assert!(
        forced.status.success(),
        "{}",
        String::from_utf8_lossy(&forced.stderr)
    );
    assert!(!site.join("thesis.tex").exists());
    assert!(site.join(".errdocs").is_file());
    // From now on the output is errdocs' own, and needs no --force.
    std::fs::write(
        dir.path().join("input/acme/codes.md"),
        TABLE.replace("1001", "1002"),
    )
    .unwrap();
    let again = build_in(dir.path(), &[]);
    assert!(again.status.success());
    assert!(site.join("en/acme/1002.html").is_file());
}

#[test]
fn an_empty_output_directory_is_used() {
    let dir = one_vendor();
    std::fs::create_dir_all(dir.path().join("site")).unwrap();
    let output = build_in(dir.path(), &[]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(dir.path().join("site/en/acme/1001.html").is_file());
}

#[cfg(unix)]
#[test]
fn a_symbolic_link_as_output_is_refused() {
    let dir = one_vendor();
    std::fs::create_dir_all(dir.path().join("elsewhere")).unwrap();
    std::os::unix::fs::symlink("elsewhere", dir.path().join("site")).unwrap();
    let output = build_in(dir.path(), &[]);
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("is a symbolic link"), "{stderr}");
}

/// While one build writes an output, another is refused rather than swap in
/// a site the first is still staging.
#[cfg(unix)]
#[test]
fn a_second_build_of_one_output_at_once_is_refused() {
    let dir = one_vendor();
    // Holding the lock as a running build does.
    let lock = std::fs::File::create(dir.path().join(".site.errdocs-lock")).unwrap();
    lock.lock().unwrap();
    let output = build_in(dir.path(), &[]);
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("another errdocs build is writing `site`"),
        "{stderr}"
    );
    assert!(!dir.path().join("site").exists());
    drop(lock);
    assert!(build_in(dir.path(), &[]).status.success());
}
