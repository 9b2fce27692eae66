//! Rebuilds write only what changed: nothing when the input is the same,
//! the affected pages when one vendor changes.

use std::path::{Path, PathBuf};

use errdocs::build::{self, BuildPlan, BuildReport};

use crate::support::{copy_tree, manifest_dir};

/// Every file of the site with its bytes and modification time.
fn snapshot(site: &Path) -> std::collections::HashMap<PathBuf, (Vec<u8>, std::time::SystemTime)> {
    walkdir::WalkDir::new(site)
        .into_iter()
        .map(Result::unwrap)
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let modified = e.metadata().unwrap().modified().unwrap();
            (
                e.path().to_owned(),
                (std::fs::read(e.path()).unwrap(), modified),
            )
        })
        .collect()
}

fn build(input: &Path, output: &Path) -> BuildReport {
    let plan = BuildPlan::new(input.to_owned(), output.to_owned()).unwrap();
    build::build(&plan, &()).unwrap()
}

#[test]
fn rebuilds_write_only_changed_files() {
    let dir = tempfile::tempdir().unwrap();
    let (input, site) = (dir.path().join("input"), dir.path().join("site"));
    copy_tree(&manifest_dir().join("input"), &input);

    let cold = build(&input, &site);
    assert_eq!(cold.written, cold.files);

    let again = build(&input, &site);
    assert_eq!(again.written, 0, "no input change, no file written");

    // One API Switch message changes: the files whose bytes change are
    // rewritten, and no other file is touched.
    let before = snapshot(&site);
    let source = input.join("api-switch/error-codes.md");
    let text = std::fs::read_to_string(&source).unwrap();
    std::fs::write(
        &source,
        text.replace("// 修改云盘状态失败", "// 修改云盘的状态失败"),
    )
    .unwrap();
    let changed = build(&input, &site);
    let after = snapshot(&site);
    let mut rewritten = 0;
    for (path, (bytes, modified)) in &after {
        let (old_bytes, old_modified) = &before[path];
        if bytes == old_bytes {
            assert_eq!(
                modified,
                old_modified,
                "{} was rewritten with the same bytes",
                path.display()
            );
        } else {
            rewritten += 1;
        }
    }
    assert_eq!(changed.written, rewritten);
    assert!(
        (5..50).contains(&rewritten),
        "{rewritten} files rewritten for one message"
    );
    let page = std::fs::read_to_string(site.join("en/api-switch/10307.html")).unwrap();
    assert!(page.contains("修改云盘的状态失败"));

    // A page deleted by hand is written again.
    std::fs::remove_file(site.join("zh/polaris/400141.html")).unwrap();
    let repaired = build(&input, &site);
    assert!(repaired.written > 0);
    assert!(site.join("zh/polaris/400141.html").is_file());
}

/// The files of a site relative to it, with their bytes.
fn contents(site: &Path) -> std::collections::BTreeMap<PathBuf, Vec<u8>> {
    snapshot(site)
        .into_iter()
        .map(|(path, (bytes, _))| (path.strip_prefix(site).unwrap().to_owned(), bytes))
        .collect()
}

/// Each rebuild stages into the site before last (the spare the commit
/// kept): whatever the edits, it makes the site a cold build makes, leaves
/// the files it does not change as they were, and never writes through a
/// file the published site shares with the spare.
#[test]
fn a_series_of_rebuilds_makes_what_cold_builds_make() {
    let dir = tempfile::tempdir().unwrap();
    let (input, site) = (dir.path().join("input"), dir.path().join("site"));
    copy_tree(&manifest_dir().join("input"), &input);
    let source = input.join("api-switch/error-codes.md");
    let original = std::fs::read_to_string(&source).unwrap();
    let huawei = dir.path().join("huawei-cse");
    copy_tree(&input.join("huawei-cse"), &huawei);
    type Step = fn(&Path, &Path, &str, &Path);
    let steps: [(&str, Step); 6] = [
        ("one message", |_, source, text, _| {
            std::fs::write(
                source,
                text.replace("// 修改云盘状态失败", "// 修改云盘的状态失败"),
            )
            .unwrap();
        }),
        ("another message", |_, source, text, _| {
            std::fs::write(
                source,
                text.replace("// 正在为您扩容云硬盘", "// 正在扩容云硬盘"),
            )
            .unwrap();
        }),
        ("a vendor removed", |input, _, _, _| {
            std::fs::remove_dir_all(input.join("huawei-cse")).unwrap();
        }),
        ("the vendor back", |input, _, _, huawei| {
            copy_tree(huawei, &input.join("huawei-cse"));
        }),
        ("the first message back", |_, source, text, _| {
            std::fs::write(source, text).unwrap();
        }),
        ("nothing", |_, _, _, _| {}),
    ];
    build(&input, &site);
    for (n, (what, step)) in steps.into_iter().enumerate() {
        step(&input, &source, &original, &huawei);
        let before = snapshot(&site);
        let report = build(&input, &site);
        let after = snapshot(&site);
        let reference = dir.path().join(format!("reference-{n}"));
        build(&input, &reference);
        assert!(
            contents(&site) == contents(&reference),
            "after {what}: not the site a cold build makes"
        );
        let mut rewritten = 0;
        for (path, (bytes, modified)) in &after {
            match before.get(path) {
                Some((old, old_modified)) if old == bytes => {
                    assert_eq!(
                        modified,
                        old_modified,
                        "after {what}: {} rewritten",
                        path.display()
                    )
                }
                _ => rewritten += 1,
            }
        }
        // The marker is among the rewritten files.
        assert_eq!(report.written, rewritten, "after {what}");
        // The published site became the spare, byte for byte.
        let spare = dir.path().join(".site.errdocs-spare");
        if rewritten > 0 {
            let kept: std::collections::HashMap<PathBuf, Vec<u8>> = snapshot(&spare)
                .into_iter()
                .map(|(path, (bytes, _))| (site.join(path.strip_prefix(&spare).unwrap()), bytes))
                .collect();
            for (path, (bytes, _)) in &before {
                if !path.ends_with(".errdocs") {
                    assert!(
                        kept.get(path) == Some(bytes),
                        "after {what}: {} changed under the published site",
                        path.display()
                    );
                }
            }
        }
    }
}

#[test]
fn a_removed_vendor_leaves_no_pages_behind() {
    let dir = tempfile::tempdir().unwrap();
    let (input, site) = (dir.path().join("input"), dir.path().join("site"));
    copy_tree(&manifest_dir().join("input"), &input);
    build(&input, &site);
    std::fs::remove_dir_all(input.join("huawei-cse")).unwrap();
    let report = build(&input, &site);
    assert_eq!(report.vendors, 3);
    assert!(!site.join("en/huawei-cse").exists());
    assert!(site.join("en/polaris/400001.html").is_file());
}

#[test]
fn a_theme_directory_replaces_files_by_name_and_an_edit_to_it_rerenders() {
    let dir = tempfile::tempdir().unwrap();
    let (input, site) = (dir.path().join("input"), dir.path().join("site"));
    copy_tree(&manifest_dir().join("input"), &input);
    let theme = dir.path().join("templates");
    std::fs::create_dir_all(&theme).unwrap();
    let shipped = std::fs::read_to_string(manifest_dir().join("templates/code.html")).unwrap();
    let marked = |mark: &str| {
        shipped.replace(
            "<article class=\"code-page\">",
            &format!("<article class=\"code-page\" data-mark=\"{mark}\">"),
        )
    };
    std::fs::write(theme.join("code.html"), marked("first")).unwrap();
    std::fs::write(theme.join("README.md"), "not a theme file").unwrap();
    let build_themed = || {
        let plan = BuildPlan::new(input.clone(), site.clone())
            .unwrap()
            .with_templates(Some(theme.clone()));
        build::build(&plan, &()).unwrap()
    };

    let cold = build_themed();
    let page = || std::fs::read_to_string(site.join("en/polaris/400141.html")).unwrap();
    assert!(page().contains(r#"data-mark="first""#));
    // Files the directory does not hold are the shipped ones.
    let vendor = std::fs::read_to_string(site.join("en/polaris/index.html")).unwrap();
    assert!(!vendor.contains("data-mark"));
    assert_eq!(
        build_themed().written,
        0,
        "an unchanged theme writes nothing"
    );

    // An edit to the theme is a change: the code pages are written again,
    // and the site's marker, which digests every file; nothing else.
    std::fs::write(theme.join("code.html"), marked("second")).unwrap();
    let edited = build_themed();
    assert!(page().contains(r#"data-mark="second""#));
    let code_pages = 2 * cold.codes;
    assert_eq!(edited.written, code_pages + 1, "of {} files", cold.files);

    // Without the directory, the shipped theme again.
    build(&input, &site);
    assert!(!page().contains("data-mark"));
}

#[test]
fn a_broken_template_in_the_theme_directory_fails_the_build_and_keeps_the_site() {
    let dir = tempfile::tempdir().unwrap();
    let (input, site) = (dir.path().join("input"), dir.path().join("site"));
    copy_tree(&manifest_dir().join("input"), &input);
    build(&input, &site);
    let theme = dir.path().join("templates");
    std::fs::create_dir_all(&theme).unwrap();
    std::fs::write(
        theme.join("code.html"),
        "{% extends \"base.html\" %}{% block main %}{{ oops",
    )
    .unwrap();
    let plan = BuildPlan::new(input.clone(), site.clone())
        .unwrap()
        .with_templates(Some(theme));
    let err = build::build(&plan, &()).unwrap_err();
    let chain = anyhow::Error::from(err)
        .chain()
        .map(|e| e.to_string())
        .collect::<Vec<_>>()
        .join(": ");
    assert!(chain.contains("code.html"), "{chain}");
    assert!(site.join("en/polaris/400141.html").is_file());
}

/// Inode and modification time of every file, and the inode of the site
/// directory itself.
#[cfg(unix)]
fn identities(site: &Path) -> Vec<(PathBuf, u64, std::time::SystemTime)> {
    use std::os::unix::fs::MetadataExt;
    walkdir::WalkDir::new(site)
        .sort_by_file_name()
        .into_iter()
        .map(Result::unwrap)
        .map(|e| {
            let metadata = e.metadata().unwrap();
            (e.into_path(), metadata.ino(), metadata.modified().unwrap())
        })
        .collect()
}

/// A build whose fingerprint changed (a new binary, say) but whose output
/// did not swaps nothing in and touches no file: the same inodes, the same
/// modification times, the site directory itself included.
#[cfg(unix)]
#[test]
fn a_rebuild_with_the_same_output_touches_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let (input, site) = (dir.path().join("input"), dir.path().join("site"));
    copy_tree(
        &manifest_dir().join("input/polaris"),
        &input.join("polaris"),
    );
    build(&input, &site);
    let before = identities(&site);
    // Another fingerprint in the manifest: the build renders every page.
    let manifest = dir.path().join(".site.errdocs-manifest");
    let text = std::fs::read_to_string(&manifest).unwrap();
    let (header, rest) = text.split_once('\n').unwrap();
    let (name, _) = header.rsplit_once(' ').unwrap();
    std::fs::write(&manifest, format!("{name} 0123456789abcdef\n{rest}")).unwrap();
    let report = build(&input, &site);
    assert_eq!(report.written, 0);
    assert!(identities(&site) == before, "the site was touched");
    assert!(
        !std::fs::read_to_string(&manifest)
            .unwrap()
            .contains("0123456789abcdef")
    );
}
