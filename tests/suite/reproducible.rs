//! Two builds of the same input are byte-identical, wherever they run:
//! no timestamp, no hash-map order, no absolute path in any output.

use std::collections::BTreeMap;
use std::path::Path;
use std::process::Command;

use crate::corpus::corpus_dir;
use crate::support::copy_tree;
use crate::support::manifest_dir;

/// The seeds, and corpus cases whose codes and texts are the odd ones.
fn input(into: &Path) {
    copy_tree(&manifest_dir().join("input"), into);
    for (case, vendor) in [
        ("unsafe-codes", "unsafe"),
        ("hostile-markdown-cells", "hostile"),
        ("codes-differing-in-case", "cased"),
    ] {
        copy_tree(
            &corpus_dir().join(case).join("input/acme"),
            &into.join(vendor),
        );
    }
}

/// Every file of a tree by relative path, with its bytes.
fn tree(root: &Path) -> BTreeMap<String, Vec<u8>> {
    walkdir::WalkDir::new(root)
        .into_iter()
        .map(Result::unwrap)
        .filter(|e| !e.file_type().is_dir())
        .map(|e| {
            let relative = e.path().strip_prefix(root).unwrap();
            (
                relative.to_string_lossy().into_owned(),
                std::fs::read(e.path()).unwrap(),
            )
        })
        .collect()
}

fn build(input: &Path, output: &Path, threads: &str) {
    let run = Command::new(env!("CARGO_BIN_EXE_errdocs"))
        .args(["build", "--base-url", "https://errors.example.com/docs/"])
        .arg("--input")
        .arg(input)
        .arg("--output")
        .arg(output)
        .env("RAYON_NUM_THREADS", threads)
        .output()
        .unwrap();
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
}

#[test]
fn two_builds_in_different_places_are_byte_identical() {
    let (a, b) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let (input_a, input_b) = (a.path().join("input"), b.path().join("deeper/sources"));
    input(&input_a);
    input(&input_b);
    let (site_a, site_b) = (a.path().join("site"), b.path().join("public"));
    build(&input_a, &site_a, "1");
    // A second apart, so that a timestamp anywhere would differ.
    std::thread::sleep(std::time::Duration::from_millis(1100));
    build(&input_b, &site_b, "4");

    let (tree_a, tree_b) = (tree(&site_a), tree(&site_b));
    assert!(tree_a.len() > 1000, "{} files", tree_a.len());
    let names_a: Vec<&String> = tree_a.keys().collect();
    let names_b: Vec<&String> = tree_b.keys().collect();
    assert_eq!(names_a, names_b, "the same files");
    let differing: Vec<&String> = tree_a
        .iter()
        .filter(|(path, bytes)| tree_b[*path] != **bytes)
        .map(|(path, _)| path)
        .collect();
    assert!(differing.is_empty(), "differ: {differing:?}");

    let places = [a.path(), b.path(), manifest_dir()].map(|p| p.display().to_string());
    for (path, bytes) in &tree_a {
        let text = String::from_utf8_lossy(bytes);
        for place in &places {
            assert!(!text.contains(place.as_str()), "{path} holds `{place}`");
        }
    }
}
