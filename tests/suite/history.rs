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

/// Every Markdown link destination in `text`: `](dest)`.
fn markdown_links(text: &str) -> Vec<&str> {
    text.split("](")
        .skip(1)
        .filter_map(|rest| rest.split_once(')').map(|(dest, _)| dest))
        .collect()
}

#[test]
fn a_removed_a_reworded_and_a_new_code_show_on_the_pages_and_in_the_feed() {
    const BASE: &str = "https://errors.example.com/docs/";
    let dir = tempfile::tempdir().unwrap();
    copy_tree(&manifest_dir().join("input"), &dir.path().join("input"));
    let recorded = errdocs(dir.path(), &["release", "v1", "--date", "2026-01-01"]);
    assert!(recorded.status.success(), "{}", text(&recorded));
    // API Switch: 10002 removed (10003 named instead), 10003 reworded,
    // 19999 added.
    let file = dir.path().join("input/api-switch/error-codes.md");
    let source = std::fs::read_to_string(&file).unwrap();
    let edited = source
        .replace("//未找到相应主机\nSERVER_NOT_FOUND = 10002\n\n", "")
        .replace("//未找到相应条目\n", "//未找到相应的条目或记录\n")
        .replace(
            "//内部错误\n",
            "//新的错误\nNEW_THING = 19999\n\n//内部错误\n",
        );
    assert_ne!(edited, source);
    std::fs::write(&file, edited).unwrap();
    std::fs::write(
        dir.path().join("input/api-switch/replaced.toml"),
        "\"10002\" = \"10003\"\n",
    )
    .unwrap();
    let failed = errdocs(dir.path(), &["diff", "--fail-on-removed"]);
    assert_eq!(failed.status.code(), Some(1), "{}", text(&failed));

    let build = |out: &str| {
        let built = errdocs(dir.path(), &["build", "--base-url", BASE, "--output", out]);
        assert!(built.status.success(), "{}", text(&built));
        dir.path().join(out)
    };
    let site = build("site");
    let read = |path: &str| {
        std::fs::read_to_string(site.join(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
    };
    // The removed code keeps its URL in both languages, as a tombstone.
    let en = read("en/api-switch/10002.html");
    assert!(en.contains("Removed after v1 (unreleased)"), "{en}");
    assert!(en.contains("SERVER_NOT_FOUND") && en.contains("未找到相应主机"));
    assert!(
        en.contains("href=\"../../en/api-switch/10003.html\""),
        "{en}"
    );
    let zh = read("zh/api-switch/10002.html");
    assert!(zh.contains("已于 v1 之后移除（未发布）"), "{zh}");
    // Listed, marked, on the vendor page.
    let vendor = read("en/api-switch/index.html");
    assert!(vendor.contains("id=\"removed-codes\""));
    assert!(vendor.contains("href=\"../../en/api-switch/10002.html\""));
    // The reworded code shows its old text; the new one is unreleased.
    let changed = read("zh/api-switch/10003.html");
    assert!(changed.contains("<details>") && changed.contains("未找到相应条目<"));
    assert!(read("en/api-switch/19999.html").contains("Since unreleased"));
    assert!(read("en/api-switch/10001.html").contains("Since v1 (2026-01-01)"));
    // The changes page, linked from the home page and every footer.
    let changes = read("en/changes.html");
    for code in ["10002", "10003", "19999"] {
        assert!(
            changes.contains(&format!("href=\"../en/api-switch/{code}.html\"")),
            "{code}"
        );
    }
    assert!(read("en/index.html").contains("href=\"../en/changes.html\""));
    assert!(read("zh/polaris/400001.html").contains("href=\"../../zh/changes.html\""));
    // The search index flags the retired code.
    let index = read("search/index.js");
    assert!(index.contains(r#""10002","SERVER_NOT_FOUND","#), "{index}");
    assert!(index.contains(",1]"), "no retired row");

    // The feed: well-formed Atom, an entry per release and vendor.
    let feed = read("changes.atom");
    if let Some(mut python) = crate::support::tool("python3") {
        let script = r#"
import sys, xml.etree.ElementTree as ET
A = '{http://www.w3.org/2005/Atom}'
feed = ET.parse(sys.argv[1]).getroot()
assert feed.tag == A + 'feed', feed.tag
for field in ('id', 'title', 'updated'):
    assert feed.find(A + field) is not None, field
entries = feed.findall(A + 'entry')
assert len(entries) == 5, len(entries)
first = entries[0]
assert first.find(A + 'id').text.endswith('#unreleased-api-switch')
html = first.find(A + 'content').text
for code in ('10002', '10003', '19999'):
    assert 'api-switch/%s.html' % code in html, code
for entry in entries:
    for field in ('id', 'title', 'updated'):
        assert entry.find(A + field) is not None, field
"#;
        python.args(["-c", script]).arg(site.join("changes.atom"));
        let output = python.output().unwrap();
        assert!(output.status.success(), "{}", text(&output));
    }
    assert!(feed.contains("<updated>2026-01-01T00:00:00Z</updated>"));

    // llms.txt and the Markdown files: every link resolves.
    let llms = read("llms.txt");
    assert!(llms.starts_with("# ") && llms.contains("\n> "), "{llms}");
    let mut checked = 0;
    for link in markdown_links(&llms) {
        let path = link.strip_prefix(BASE).expect("absolute with a base URL");
        assert!(site.join(path).is_file(), "{link}");
        if path.ends_with(".md") {
            for link in markdown_links(&read(path)) {
                let target = link.strip_prefix(BASE).expect("absolute");
                assert!(site.join(target).is_file(), "{path}: {link}");
                checked += 1;
            }
        }
    }
    assert!(checked > 900, "{checked} links");
    let md = read("en/api-switch.md");
    assert!(md.contains("| 10001 | ILLEGAL\\_PARAMETER |"), "{md}");
    assert!(md.contains("api-switch/10002.html"));

    // The same input and releases build the same bytes.
    let again = build("again");
    let files = |root: &std::path::Path| -> Vec<(String, Vec<u8>)> {
        let mut files: Vec<_> = walkdir::WalkDir::new(root)
            .into_iter()
            .map(|e| e.unwrap())
            .filter(|e| e.file_type().is_file())
            .map(|e| {
                let rel = e.path().strip_prefix(root).unwrap();
                (rel.display().to_string(), std::fs::read(e.path()).unwrap())
            })
            .collect();
        files.sort();
        files
    };
    assert!(files(&site) == files(&again), "the rebuild differs");

    // With nothing removed since the last release, diff passes.
    let recorded = errdocs(dir.path(), &["release", "v2", "--date", "2026-02-01"]);
    assert!(recorded.status.success(), "{}", text(&recorded));
    let passed = errdocs(dir.path(), &["diff", "--fail-on-removed"]);
    assert!(passed.status.success(), "{}", text(&passed));
}
