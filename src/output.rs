//! The output directory, replaced as a whole and atomically.
//!
//! A build writes the complete new site into a staging directory beside the
//! output (`site` → `.site.errdocs-tmp`, on the same filesystem): changed
//! files are written, unchanged ones hard-linked from the previous site, so
//! they keep their inode and modification time. One
//! `renameat2(RENAME_EXCHANGE)` then swaps the two directories (two renames
//! where the platform or filesystem cannot), and the previous site, now in
//! the staging directory, is removed. A build killed at any moment leaves the
//! previous site or the new one, never a mix; what it leaves beside the
//! output is cleaned up by the next build ([`prepare`]).
//!
//! The previous site is not removed after the swap: it is kept beside the
//! output as the spare (`.site.errdocs-spare`, with the manifest that
//! describes it), and the next build stages into it, so a rebuild touches
//! only the files of its last two changes instead of linking every file
//! and removing the old tree ([`Staging`]).
//!
//! Every directory errdocs replaces or removes holds the marker file
//! `.errdocs`. A non-empty directory without it is refused unless forced,
//! so a mistyped `--output` never deletes anyone's files.
//!
//! Beside the output, [`Manifest`] records what the last build wrote, so the
//! next writes only what changed. This module knows files, not sites: render
//! hands it paths and bytes.

mod lock;
mod manifest;
mod staging;

use std::path::{Component, Path, PathBuf};

use rayon::prelude::*;

pub use self::lock::OutputLock;
pub use self::manifest::Manifest;
pub(crate) use self::staging::Staging;
use crate::fs::{self, FsError};

/// The file that marks a directory as errdocs' own: a site it built, or a
/// staging directory. It holds one line, `errdocs site <digest>` (the
/// digest of the site's files, see [`manifest::Text::digest`]) or
/// `errdocs staging`.
const MARKER: &str = ".errdocs";

const MARKER_PREFIX: &str = "errdocs ";

#[derive(Debug, thiserror::Error)]
pub enum OutputError {
    #[error(transparent)]
    Fs(#[from] FsError),
    #[error("refusing to write `{0}`: not a plain path inside the output directory")]
    UnsafePath(String),
    #[error(
        "refusing to replace `{}`: it is not empty and was not made by errdocs (it has no `{}` file); \
         remove it, choose another `--output`, or pass `--force` to replace it",
        .0.display(), MARKER
    )]
    NotOurs(PathBuf),
    #[error(
        "refusing to remove `{}`, where errdocs stages a build: it was not made by errdocs \
         (it has no `{}` file); move it away",
        .0.display(), MARKER
    )]
    NotOursToRemove(PathBuf),
    #[error(
        "output `{}` is a symbolic link; errdocs replaces the output directory as a whole, \
         so give the directory itself",
        .0.display()
    )]
    SymlinkOutput(PathBuf),
    #[error(
        "another errdocs build is writing `{}` (it holds `{}`); wait for it to finish",
        .0.display(), lock::lock_name(.0)
    )]
    Busy(PathBuf),
}

/// Makes `target` ready to be replaced by a build, which must hold the lock
/// returned until done: takes the lock, puts back a previous site that a
/// killed build left moved aside, removes the staging directories killed
/// builds left behind, and refuses a target that is not errdocs' own
/// (unless `force`) or is a symbolic link.
pub fn prepare(target: &Path, force: bool) -> Result<OutputLock, OutputError> {
    let lock = lock::lock(target)?;
    let (staging, old) = (sibling(target, "tmp"), sibling(target, "old"));
    // Killed between the two renames of the fallback swap: no site, only
    // the previous one moved aside.
    if fs::metadata_if_any(target)?.is_none() && is_ours(&old) {
        fs::rename(&old, target)?;
    }
    remove_ours(&staging)?;
    remove_ours(&old)?;
    let manifest = manifest::temporary_for(target);
    if fs::metadata_if_any(&manifest)?.is_some_and(|m| m.is_file()) {
        fs::remove_file(&manifest)?;
    }
    match fs::metadata_if_any(target)? {
        None => Ok(lock),
        Some(found) if found.file_type().is_symlink() => {
            Err(OutputError::SymlinkOutput(target.to_owned()))
        }
        Some(_)
            if force
                || is_ours(target)
                || is_empty_dir(target)
                || Manifest::describes_unmarked(target) =>
        {
            Ok(lock)
        }
        Some(_) => Err(OutputError::NotOurs(target.to_owned())),
    }
}

/// The digest recorded in the marker of the site at `target`.
fn site_digest(target: &Path) -> Option<u64> {
    let text = fs::read_to_string(&target.join(MARKER)).ok()?;
    let digest = text.strip_prefix(MARKER_PREFIX)?.strip_prefix("site ")?;
    u64::from_str_radix(digest.trim_end(), 16).ok()
}

/// Whether `dir` is a directory holding errdocs' marker.
fn is_ours(dir: &Path) -> bool {
    fs::read_to_string(&dir.join(MARKER)).is_ok_and(|text| text.starts_with(MARKER_PREFIX))
}

fn is_empty_dir(dir: &Path) -> bool {
    std::fs::read_dir(dir).is_ok_and(|mut entries| entries.next().is_none())
}

/// Removes `dir` if it is errdocs' own or empty, and refuses otherwise. The
/// marker goes last, so a removal cut short can be finished by the next.
fn remove_ours(dir: &Path) -> Result<(), OutputError> {
    let Some(found) = fs::metadata_if_any(dir)? else {
        return Ok(());
    };
    if found.is_dir() && is_empty_dir(dir) {
        return Ok(fs::remove_dir(dir)?);
    }
    if !found.is_dir() || !is_ours(dir) {
        return Err(OutputError::NotOursToRemove(dir.to_owned()));
    }
    let marker = dir.join(MARKER);
    fs::read_dir(dir)?
        .into_par_iter()
        .filter(|entry| *entry != marker)
        .try_for_each(|entry| remove_all(&entry))?;
    fs::remove_file(&marker)?;
    Ok(fs::remove_dir(dir)?)
}

/// Removes whatever is at `path`, a directory with all it holds.
fn remove_all(path: &Path) -> Result<(), OutputError> {
    match fs::metadata_if_any(path)? {
        Some(found) if found.is_dir() => Ok(fs::remove_dir_all(path)?),
        Some(_) => Ok(fs::remove_file(path)?),
        None => Ok(()),
    }
}

/// `page` as a relative path, if it is one of plain names only, so nothing
/// lands outside the site.
fn checked(page: &str) -> Result<&Path, OutputError> {
    let relative = Path::new(page);
    if page.is_empty()
        || !relative
            .components()
            .all(|c| matches!(c, Component::Normal(_)))
    {
        return Err(OutputError::UnsafePath(page.to_owned()));
    }
    Ok(relative)
}

/// `site` → `.site.errdocs-tmp`, hidden beside it on the same filesystem so
/// moving it in is a rename.
fn sibling(target: &Path, what: &str) -> PathBuf {
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    target.with_file_name(format!(".{name}.errdocs-{what}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write(path: &Path, text: &str) {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }

    #[test]
    fn a_directory_of_someone_elses_is_refused_unless_forced() {
        let dir = tempfile::tempdir().unwrap();
        let site = dir.path().join("site");
        write(&site.join("notes.txt"), "mine");
        let err = prepare(&site, false).unwrap_err();
        let held = prepare(&site, true).unwrap();
        let busy = prepare(&site, true).unwrap_err();
        assert!(matches!(busy, OutputError::Busy(_)), "{busy}");
        drop(held);
        assert!(matches!(err, OutputError::NotOurs(_)), "{err}");
        prepare(&site, true).unwrap();
        std::fs::remove_file(site.join("notes.txt")).unwrap();
        prepare(&site, false).unwrap();
    }

    #[test]
    fn a_site_built_before_markers_is_recognised_by_its_manifest() {
        let dir = tempfile::tempdir().unwrap();
        let site = dir.path().join("site");
        write(&site.join("index.html"), "old");
        assert!(prepare(&site, false).is_err());
        write(
            &manifest::path_for(&site),
            "errdocs-manifest 1 0000000000000001\n0000000000000002 index.html\n",
        );
        drop(prepare(&site, false).unwrap());
        std::fs::remove_file(site.join("index.html")).unwrap();
        write(&site.join("other.html"), "not listed");
        assert!(prepare(&site, false).is_err());
    }

    #[test]
    fn a_stray_staging_directory_is_removed_only_when_ours() {
        let dir = tempfile::tempdir().unwrap();
        let site = dir.path().join("site");
        let stray = sibling(&site, "tmp");
        write(&stray.join("en/a/1.html"), "half");
        write(&stray.join(MARKER), "errdocs staging\n");
        let manifest = manifest::temporary_for(&site);
        write(&manifest, "errdocs-manifest 1 half");
        prepare(&site, false).unwrap();
        assert!(!stray.exists());
        assert!(!manifest.exists());

        write(&stray.join("precious.txt"), "not ours");
        let err = prepare(&site, true).unwrap_err();
        assert!(matches!(err, OutputError::NotOursToRemove(_)), "{err}");
        assert!(stray.join("precious.txt").is_file());
    }

    #[test]
    fn a_site_moved_aside_by_a_killed_swap_is_put_back() {
        let dir = tempfile::tempdir().unwrap();
        let site = dir.path().join("site");
        let old = sibling(&site, "old");
        write(&old.join("index.html"), "previous");
        write(&old.join(MARKER), "errdocs site 0000000000000001\n");
        prepare(&site, false).unwrap();
        assert_eq!(
            std::fs::read_to_string(site.join("index.html")).unwrap(),
            "previous"
        );
        assert_eq!(site_digest(&site), Some(1));
        assert!(!old.exists());
    }

    #[test]
    fn a_committed_site_replaces_the_previous_one_whole() {
        let dir = tempfile::tempdir().unwrap();
        let site = dir.path().join("site");
        write(&site.join("stale.html"), "old");
        write(&site.join("same.html"), "same");
        write(&site.join(MARKER), "errdocs site 0000000000000001\n");
        prepare(&site, false).unwrap();
        let staging = Staging::new(&site).unwrap();
        staging.write("new.html", b"new").unwrap();
        assert_eq!(staging.link_unchanged(["same.html"]).unwrap(), 0);
        let manifest = Manifest::default();
        staging.commit(&manifest, false).unwrap();
        let mut names: Vec<String> = std::fs::read_dir(&site)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        assert_eq!(names, [MARKER, "new.html", "same.html"]);
        assert_eq!(site_digest(&site), Some(manifest.digest()));
        assert!(!sibling(&site, "tmp").exists());
    }
}
