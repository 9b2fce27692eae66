//! A build killed at any point (SIGKILL) leaves the previous site exactly as
//! it was, or, once the swap is done, the complete new one; never a mix.
//! The next build succeeds and leaves nothing of the killed one behind.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::time::{Duration, Instant};

use crate::corpus::entries;
use crate::support::copy_tree;
use crate::support::manifest_dir;

/// Codes of the big vendor: enough that a debug build runs for seconds.
const CODES: usize = 1000;

/// A vendor with `codes` codes in both languages.
fn write_vendor(input: &Path, id: &str, codes: usize, variant: &str) {
    let dir = input.join(id);
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("vendor.toml"),
        "name = { en = \"Big\", zh = \"大\" }\n\
         [[sources]]\nfile = \"en.md\"\nlang = \"en\"\n\
         [[sources]]\nfile = \"zh.md\"\nlang = \"zh\"\n",
    )
    .unwrap();
    let mut en = String::from("| Code | Name | Message |\n|---|---|---|\n");
    let mut zh = String::from("| 错误码 | 描述 |\n|---|---|\n");
    for i in 0..codes {
        let code = 400_000 + i;
        en.push_str(&format!(
            "| {code} | Failure{i} | The request failed at step {i} {variant} |\n"
        ));
        zh.push_str(&format!("| {code} | 请求在第 {i} 步失败 {variant} |\n"));
    }
    std::fs::write(dir.join("en.md"), en).unwrap();
    std::fs::write(dir.join("zh.md"), zh).unwrap();
}

/// Every file of the site with its bytes, the marker included.
fn site_files(site: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    walkdir::WalkDir::new(site)
        .into_iter()
        .map(Result::unwrap)
        .filter(|e| !e.file_type().is_dir())
        .map(|e| {
            let relative = e.path().strip_prefix(site).unwrap().to_owned();
            (relative, std::fs::read(e.path()).unwrap())
        })
        .collect()
}

/// The site's files and the manifest beside it.
fn snapshot(site: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut files = site_files(site);
    let manifest = site.with_file_name(".site.errdocs-manifest");
    files.insert(
        PathBuf::from("../manifest"),
        std::fs::read(manifest).unwrap(),
    );
    files
}

fn start(input: &Path, site: &Path) -> Child {
    Command::new(env!("CARGO_BIN_EXE_errdocs"))
        .arg("build")
        .arg("--input")
        .arg(input)
        .arg("--output")
        .arg(site)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap()
}

/// Builds to the end; how long it took.
fn build(input: &Path, site: &Path) -> Duration {
    let started = Instant::now();
    let status = start(input, site).wait().unwrap();
    assert!(status.success());
    started.elapsed()
}

/// When to kill a build: after a delay, or once its staging directory holds
/// some pages (mid-render).
#[derive(Debug, Clone, Copy)]
enum At {
    After(Duration),
    Staged(usize),
    /// Once this unchanged page is linked into the staging directory: after
    /// rendering, before the swap.
    Linked(&'static str),
}

/// Starts a build and kills it at `at`; how it exited if it ended first
/// (a failed build ends early too).
fn kill_build(input: &Path, site: &Path, at: At) -> Result<(), ExitStatus> {
    let staging = site.with_file_name(".site.errdocs-tmp");
    let staged = staging.join("en/big");
    let mut child = start(input, site);
    let started = Instant::now();
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            return Err(status);
        }
        let due = match at {
            At::After(delay) => started.elapsed() >= delay,
            At::Staged(pages) => entries(&staged).len() >= pages,
            At::Linked(page) => staging.join(page).exists(),
        };
        if due {
            break;
        }
        std::thread::sleep(Duration::from_millis(5));
    }
    // `Child::kill` is SIGKILL on Unix: nothing of the build runs after it.
    child.kill().unwrap();
    child.wait().unwrap();
    Ok(())
}

#[test]
fn a_killed_build_leaves_the_previous_site_and_the_next_cleans_up() {
    let dir = tempfile::tempdir().unwrap();
    let (small, big, site) = (
        dir.path().join("small"),
        dir.path().join("big"),
        dir.path().join("site"),
    );
    copy_tree(&manifest_dir().join("input"), &small);
    copy_tree(&manifest_dir().join("input"), &big);
    write_vendor(&big, "big", CODES, "a");

    build(&small, &site);
    let previous = snapshot(&site);
    let points = [
        At::After(Duration::from_millis(50)),
        At::After(Duration::from_millis(200)),
        At::Staged(1),
        At::Staged(CODES / 2),
        At::Staged(CODES - 50),
    ];
    for at in points {
        let killed = kill_build(&big, &site, at);
        assert!(
            killed.is_ok(),
            "the build ended before {at:?} ({killed:?}); make the input bigger"
        );
        assert!(
            snapshot(&site) == previous,
            "killed at {at:?}: the previous site changed"
        );
    }
    // The next build, even one with nothing to write, removes what the
    // killed builds left.
    build(&small, &site);
    assert!(snapshot(&site) == previous);
    assert_eq!(
        entries(dir.path()),
        [
            ".site.errdocs-lock",
            ".site.errdocs-manifest",
            "big",
            "site",
            "small"
        ]
    );

    // A rebuild of the big site after its messages changed: killed while it
    // renders, hard-links, swaps or removes the old site, it leaves the old
    // site or the new one, whole. (The manifest beside is saved after the
    // swap; one that does not match the site is not trusted.)
    let took = build(&big, &site);
    let old = site_files(&site);
    let changed = dir.path().join("changed");
    copy_tree(&big, &changed);
    write_vendor(&changed, "big", CODES, "b");
    let reference = dir.path().join("reference/site");
    build(&changed, &reference);
    let new = site_files(&reference);
    let mut killed = 0;
    // The later kills fall after rendering, where the old site is linked,
    // swapped and removed.
    let late = [50, 70, 80, 90, 95, 100].map(|percent| At::After(took * percent / 100));
    let points = [At::Staged(CODES / 2), At::Linked("en/polaris/400141.html")];
    for at in points.into_iter().chain(late) {
        if let Err(status) = kill_build(&changed, &site, at) {
            eprintln!("not killed at {at:?} (it ended: {status}); a full build took {took:?}");
            continue;
        }
        killed += 1;
        let now = site_files(&site);
        assert!(now == old || now == new, "killed at {at:?}: a mixed site");
    }
    // Kills at a time may come too late on a fast machine; the first two
    // wait for what they kill at.
    assert!(killed >= 2, "only {killed} builds were killed");
    build(&changed, &site);
    assert!(site_files(&site) == new);
    assert!(!dir.path().join(".site.errdocs-tmp").exists());
    assert!(!dir.path().join(".site.errdocs-old").exists());
}
