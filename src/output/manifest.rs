//! The record of what the last build wrote: a fingerprint of its inputs and
//! a hash of every file, kept beside the output directory (not in it, so it
//! is never published). The site's marker holds the digest of those hashes,
//! so a manifest that does not describe the site beside it (a build killed
//! between swapping the site in and saving the manifest) is not trusted.

use std::fmt::Write;
use std::path::{Path, PathBuf};

use ahash::AHashMap;
use rayon::prelude::*;
use twox_hash::XxHash3_64;

use super::{OutputError, site_digest};
use crate::fs;

const HEADER: &str = "errdocs-manifest 1";

#[derive(Debug, Default)]
pub struct Manifest {
    pub fingerprint: u64,
    /// Site-relative path → hash of the file's bytes.
    pub pages: AHashMap<String, u64>,
}

impl Manifest {
    /// The manifest of the site in `output`, if there is one and every file
    /// it lists is still there (anything else means starting afresh).
    pub(crate) fn load(output: &Path) -> Option<Manifest> {
        let manifest = Manifest::load_marked(output, &path_for(output))?;
        let intact = manifest
            .pages
            .par_iter()
            .all(|(page, _)| output.join(page).is_file());
        intact.then_some(manifest)
    }

    /// The manifest at `path` of the tree in `dir`, if the digest in the
    /// tree's marker is the digest of its lines; its files are not looked
    /// at, so only for a tree nobody but errdocs touches.
    pub(crate) fn load_marked(dir: &Path, path: &Path) -> Option<Manifest> {
        if !dir.is_dir() {
            return None;
        }
        let text = fs::read_to_string(path).ok()?;
        // The lines as read are the lines as written: their digest needs no
        // sorting and formatting again.
        let (_, lines) = text.split_once('\n')?;
        if site_digest(dir) != Some(digest_of_lines(lines)) {
            return None;
        }
        parse(&text)
    }

    /// Whether `output` is a site built before sites had a marker: the
    /// manifest beside it lists files, and every one of them is there.
    pub(crate) fn describes_unmarked(output: &Path) -> bool {
        let Ok(text) = fs::read_to_string(&path_for(output)) else {
            return false;
        };
        parse(&text).is_some_and(|manifest| {
            !manifest.pages.is_empty()
                && manifest
                    .pages
                    .par_iter()
                    .all(|(page, _)| output.join(page).is_file())
        })
    }

    pub(crate) fn hash(&self, page: &str) -> Option<u64> {
        self.pages.get(page).copied()
    }

    /// One hash for every file's path and hash: the same site, the same
    /// digest, whatever the fingerprint of the build that wrote it.
    #[cfg(test)]
    pub(crate) fn digest(&self) -> u64 {
        self.text().digest()
    }

    /// The manifest as saved, made once for both the digest and the file.
    pub(crate) fn text(&self) -> Text {
        let mut pages: Vec<(&str, u64)> = self
            .pages
            .iter()
            .map(|(page, hash)| (page.as_str(), *hash))
            .collect();
        // Paths are distinct, so an unstable sort is as good as a stable one.
        pages.par_sort_unstable_by(|a, b| a.0.cmp(b.0));
        let header = format!("{HEADER} {:016x}\n", self.fingerprint);
        let size = pages.iter().map(|(p, _)| p.len() + 18).sum::<usize>();
        let mut text = String::with_capacity(header.len() + size);
        text.push_str(&header);
        for (page, hash) in pages {
            let _ = writeln!(text, "{hash:016x} {page}");
        }
        Text {
            text,
            lines: header.len(),
        }
    }

    pub(crate) fn save(&self, output: &Path) -> Result<(), OutputError> {
        self.text().save(output)
    }
}

/// A manifest's text: the header, then `<hash> <path>` for every file,
/// sorted by path.
pub(crate) struct Text {
    text: String,
    /// Where the lines start, after the header.
    lines: usize,
}

impl Text {
    /// The digest of the lines, which do not depend on the fingerprint.
    pub(crate) fn digest(&self) -> u64 {
        digest_of_lines(&self.text[self.lines..])
    }

    pub(crate) fn save(&self, output: &Path) -> Result<(), OutputError> {
        let path = path_for(output);
        let temporary = temporary_for(output);
        fs::write(&temporary, &self.text)?;
        fs::rename(&temporary, &path)?;
        Ok(())
    }

    /// Writes the manifest at `path`; one cut short is not trusted, as its
    /// digest is not the marker's.
    pub(crate) fn save_at(&self, path: &Path) -> Result<(), OutputError> {
        Ok(fs::write(path, &self.text)?)
    }
}

/// `site` → `.site.errdocs-manifest`.
pub(crate) fn path_for(output: &Path) -> PathBuf {
    beside(output, "manifest")
}

/// `site` → `.site.errdocs-spare-manifest`: the manifest of the site
/// before the current one, kept beside it for the next build to start from
/// (see [`super::Staging`]).
pub(crate) fn spare_path_for(output: &Path) -> PathBuf {
    beside(output, "spare-manifest")
}

/// `site` → `.site.errdocs-<what>`.
fn beside(output: &Path, what: &str) -> PathBuf {
    let name = output
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    output.with_file_name(format!(".{name}.errdocs-{what}"))
}

/// `site` → `.site.errdocs-manifest.tmp`, written and then renamed over the
/// manifest; a build killed in between leaves it for the next to remove.
pub(crate) fn temporary_for(output: &Path) -> PathBuf {
    let mut name = path_for(output).into_os_string();
    name.push(".tmp");
    PathBuf::from(name)
}

fn digest_of_lines(lines: &str) -> u64 {
    XxHash3_64::oneshot(lines.as_bytes())
}

fn parse(text: &str) -> Option<Manifest> {
    let mut lines = text.lines();
    let fingerprint = lines.next()?.strip_prefix(HEADER)?.trim();
    let fingerprint = u64::from_str_radix(fingerprint, 16).ok()?;
    let mut pages = AHashMap::with_capacity(text.len() / 48);
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
            pages: AHashMap::from([("en/a b.html".to_owned(), 7)]),
        };
        manifest.save(&output).unwrap();
        assert!(Manifest::load(&output).is_none(), "no marker, no trust");
        let marker = format!("errdocs site {:016x}\n", manifest.digest());
        std::fs::write(output.join(crate::output::MARKER), marker).unwrap();
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
        let manifest = Manifest {
            fingerprint: 1,
            pages: AHashMap::from([("gone.html".to_owned(), 7)]),
        };
        manifest.save(&output).unwrap();
        let marker = format!("errdocs site {:016x}\n", manifest.digest());
        std::fs::write(output.join(crate::output::MARKER), marker).unwrap();
        assert!(Manifest::load(&output).is_none());
        std::fs::write(output.join("gone.html"), "back").unwrap();
        assert!(Manifest::load(&output).is_some());
    }

    #[test]
    fn garbage_is_no_manifest() {
        assert!(parse("something else\n").is_none());
        assert!(parse(&format!("{HEADER} 0000000000000001\nnot-hex page\n")).is_none());
    }
}
