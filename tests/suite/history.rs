//! Releases: `errdocs release` records the catalog once and never again
//! under the same label; `errdocs diff` tells what changed since; a build
//! reads `input/releases/` as releases, never as a vendor.

use std::path::Path;
use std::process::{Command, Output};

use crate::support::{copy_tree, manifest_dir};

fn errdocs(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_errdocs"))
        .current_dir(dir)
        .args(args)
        .output()
        .expect("errdocs runs")
}

fn text(output: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    )
}

#[test]
fn a_release_is_recorded_once_and_diff_fails_only_on_removed_codes() {
    let dir = tempfile::tempdir().unwrap();
    copy_tree(&manifest_dir().join("input"), &dir.path().join("input"));
    let recorded = errdocs(dir.path(), &["release", "v1", "--date", "2026-01-01"]);
    assert!(recorded.status.success(), "{}", text(&recorded));
    let file = dir.path().join("input/releases/v1.jsonl");
    let release = std::fs::read_to_string(&file).unwrap();
    let mut lines = release.lines();
    assert_eq!(
        lines.next(),
        Some(r#"{"errdocs_release":1,"label":"v1","date":"2026-01-01"}"#)
    );
    assert!(lines.all(|l| l.starts_with(r#"{"vendor":""#)), "{release}");
    // Never overwritten.
    let again = errdocs(dir.path(), &["release", "v1", "--date", "2026-02-01"]);
    assert!(!again.status.success());
    assert!(
        text(&again).contains("already recorded"),
        "{}",
        text(&again)
    );
    assert_eq!(std::fs::read_to_string(&file).unwrap(), release);
    // A bad date changes nothing.
    let bad = errdocs(dir.path(), &["release", "v2", "--date", "2026-02-30"]);
    assert!(!bad.status.success(), "{}", text(&bad));
    assert!(!dir.path().join("input/releases/v2.jsonl").exists());

    // Nothing changed: exit 0 even with --fail-on-removed; and the build
    // takes `releases/` for no vendor.
    let same = errdocs(dir.path(), &["diff", "--fail-on-removed"]);
    assert!(same.status.success(), "{}", text(&same));
    assert!(
        text(&same).contains("0 added, 0 removed, 0 changed"),
        "{}",
        text(&same)
    );
    let built = errdocs(dir.path(), &["build"]);
    assert!(built.status.success(), "{}", text(&built));
    assert!(!text(&built).contains("releases"), "{}", text(&built));

    // A vendor gone: its codes are removed.
    std::fs::remove_dir_all(dir.path().join("input/api-switch")).unwrap();
    let diff = errdocs(dir.path(), &["diff"]);
    assert!(diff.status.success(), "{}", text(&diff));
    assert!(
        text(&diff).contains("api-switch: 0 added, "),
        "{}",
        text(&diff)
    );
    let failed = errdocs(dir.path(), &["diff", "v1", "--fail-on-removed"]);
    assert_eq!(failed.status.code(), Some(1), "{}", text(&failed));
    let unknown = errdocs(dir.path(), &["diff", "v9"]);
    assert!(
        text(&unknown).contains("no release `v9`"),
        "{}",
        text(&unknown)
    );
}

#[test]
fn a_malformed_release_is_an_error_at_its_line() {
    let dir = tempfile::tempdir().unwrap();
    copy_tree(&manifest_dir().join("input"), &dir.path().join("input"));
    let releases = dir.path().join("input/releases");
    std::fs::create_dir_all(&releases).unwrap();
    std::fs::write(
        releases.join("v1.jsonl"),
        "{\"errdocs_release\":1,\"label\":\"v1\",\"date\":\"2026-01-01\"}\n{\"vendor\":\"polaris\"\n",
    )
    .unwrap();
    let built = errdocs(dir.path(), &["build"]);
    assert_eq!(built.status.code(), Some(1), "{}", text(&built));
    assert!(text(&built).contains("v1.jsonl:2:"), "{}", text(&built));
}
