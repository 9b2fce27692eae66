//! The record of what the last build wrote: a fingerprint of its inputs and
//! a hash of every file, kept beside the output directory (not in it, so it
//! is never published).

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use super::RenderError;
use crate::fs;

const HEADER: &str = "errdocs-manifest 1";

#[derive(Debug, Default)]
pub(crate) struct Manifest {
    pub fingerprint: u64,
    /// Site-relative path → hash of the file's bytes.
    pub pages: HashMap<String, u64>,
}

impl Manifest {
    /// The manifest of the site in `output`, if there is one and every file
    /// it lists is still there (anything else means starting afresh).
    pub(crate) fn load(output: &Path) -> Option<Manifest> {
        if !output.is_dir() {
            return None;
        }
        let text = fs::read_to_string(&path_for(output)).ok()?;
        let manifest = parse(&text)?;
        let intact = manifest
            .pages
            .par_iter()
            .all(|(page, _)| output.join(page).is_file());
        intact.then_some(manifest)
    }

    pub(crate) fn hash(&self, page: &str) -> Option<u64> {
        self.pages.get(page).copied()
    }

    pub(crate) fn save(&self, output: &Path) -> Result<(), RenderError> {
        let mut pages: Vec<(&String, &u64)> = self.pages.iter().collect();
        pages.sort();
        let mut text = format!("{HEADER} {:016x}\n", self.fingerprint);
        for (page, hash) in pages {
            text.push_str(&format!("{hash:016x} {page}\n"));
        }
        let path = path_for(output);
        let temporary = path.with_extension("tmp");
        fs::write(&temporary, text)?;
        fs::rename(&temporary, &path)?;
        Ok(())
    }
}

/// `site` → `.site.errdocs-manifest`.
pub(crate) fn path_for(output: &Path) -> PathBuf {
    let name = output
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    output.with_file_name(format!(".{name}.errdocs-manifest"))
}

fn parse(text: &str) -> Option<Manifest> {
    let mut lines = text.lines();
    let fingerprint = lines.next()?.strip_prefix(HEADER)?.trim();
    let fingerprint = u64::from_str_radix(fingerprint, 16).ok()?;
    let mut pages = HashMap::new();
    for line in lines {
        let (hash, page) = line.split_once(' ')?;
        pages.insert(page.to_owned(), u64::from_str_radix(hash, 16).ok()?);
    }
    Some(Manifest { fingerprint, pages })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_through_text() {
        let dir = tempfile::tempdir().unwrap();
        let output = dir.path().join("site");
        std::fs::create_dir_all(output.join("en")).unwrap();
        std::fs::write(output.join("en/a b.html"), "x").unwrap();
        let manifest = Manifest {
            fingerprint: 42,
            pages: HashMap::from([("en/a b.html".to_owned(), 7)]),
        };
        manifest.save(&output).unwrap();
        let loaded = Manifest::load(&output).unwrap();
        assert_eq!(
            (loaded.fingerprint, loaded.hash("en/a b.html")),
            (42, Some(7))
        );
    }

    #[test]
    fn a_missing_file_voids_the_manifest() {
        let dir = tempfile::tempdir().unwrap();
        let output = dir.path().join("site");
        std::fs::create_dir_all(&output).unwrap();
        Manifest {
            fingerprint: 1,
            pages: HashMap::from([("gone.html".to_owned(), 7)]),
        }
        .save(&output)
        .unwrap();
        assert!(Manifest::load(&output).is_none());
    }

    #[test]
    fn garbage_is_no_manifest() {
        assert!(parse("something else\n").is_none());
        assert!(parse(&format!("{HEADER} 0000000000000001\nnot-hex page\n")).is_none());
    }
}
