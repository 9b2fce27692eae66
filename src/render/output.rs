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
//! Every directory errdocs replaces or removes holds the marker file
//! [`MARKER`]. A non-empty directory without it is refused unless forced,
//! so a mistyped `--output` never deletes anyone's files.

use std::io;
use std::path::{Component, Path, PathBuf};

use rayon::prelude::*;

use super::RenderError;
use super::manifest::{self, Manifest};
use crate::fs;

/// The file that marks a directory as errdocs' own: a site it built, or a
/// staging directory. It holds one line, `errdocs site <digest>` (the
/// digest of the site's files, see [`Manifest::digest`]) or `errdocs staging`.
pub(crate) const MARKER: &str = ".errdocs";

const MARKER_PREFIX: &str = "errdocs ";

/// Held for a whole build: one build at a time writes an output, so that no
/// build swaps in another's half-staged site. The file, beside the output,
/// stays; the operating system releases the lock when the process ends,
/// also when it is killed.
#[derive(Debug)]
pub struct OutputLock {
    _file: std::fs::File,
}

/// Makes `target` ready to be replaced: takes its lock, puts back a previous
/// site that a killed build left moved aside, removes the staging
/// directories killed builds left behind, and refuses a target that is not
/// errdocs' own (unless `force`) or is a symbolic link.
pub(crate) fn prepare(target: &Path, force: bool) -> Result<OutputLock, RenderError> {
    let lock = lock(target)?;
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
            Err(RenderError::SymlinkOutput(target.to_owned()))
        }
        Some(_)
            if force
                || is_ours(target)
                || is_empty_dir(target)
                || Manifest::describes_unmarked(target) =>
        {
            Ok(lock)
        }
        Some(_) => Err(RenderError::NotOurs(target.to_owned())),
    }
}

/// `site` → `.site.errdocs-lock`, for messages.
pub(crate) fn lock_name(target: &Path) -> String {
    sibling(target, "lock")
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

fn lock(target: &Path) -> Result<OutputLock, RenderError> {
    let path = sibling(target, "lock");
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        fs::create_dir_all(parent)?;
    }
    let file = std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&path)
        .map_err(|source| fs::FsError::new("open", &path, source))?;
    match file.try_lock() {
        Ok(()) => Ok(OutputLock { _file: file }),
        Err(std::fs::TryLockError::WouldBlock) => Err(RenderError::Busy(target.to_owned())),
        Err(std::fs::TryLockError::Error(source)) => {
            Err(fs::FsError::new("lock", &path, source).into())
        }
    }
}

/// The digest recorded in the marker of the site at `target`.
pub(crate) fn site_digest(target: &Path) -> Option<u64> {
    let text = fs::read_to_string(&target.join(MARKER)).ok()?;
    let digest = text.strip_prefix(MARKER_PREFIX)?.strip_prefix("site ")?;
    u64::from_str_radix(digest.trim_end(), 16).ok()
}

pub(crate) struct Staging {
    dir: PathBuf,
    target: PathBuf,
}

impl Staging {
    /// Starts an empty staging directory next to `target`, marked as ours
    /// before anything else is written into it. Call [`prepare`] first.
    pub(crate) fn new(target: &Path) -> Result<Staging, RenderError> {
        let dir = sibling(target, "tmp");
        remove_ours(&dir)?;
        fs::create_dir_all(&dir)?;
        fs::write(&dir.join(MARKER), format!("{MARKER_PREFIX}staging\n"))?;
        Ok(Staging {
            dir,
            target: target.to_owned(),
        })
    }

    pub(crate) fn make_dir(&self, dir: &str) -> Result<(), RenderError> {
        Ok(fs::create_dir_all(&self.dir.join(checked(dir)?))?)
    }

    /// Writes `bytes` at `page`, a `/`-separated path relative to the site
    /// root whose directory [`Staging::make_dir`] made. Only plain names are
    /// accepted, so nothing lands outside the site.
    pub(crate) fn write(&self, page: &str, bytes: &[u8]) -> Result<(), RenderError> {
        Ok(fs::write(&self.dir.join(checked(page)?), bytes)?)
    }

    /// Fills in the pages the previous site already has with the same bytes,
    /// as hard links to its files; a copy with the same modification time
    /// where the filesystem has no hard links. Returns how many were copied.
    pub(crate) fn link_unchanged<'a>(
        &self,
        pages: impl IntoParallelIterator<Item = &'a str>,
    ) -> Result<usize, RenderError> {
        let copied = pages
            .into_par_iter()
            .map(|page| -> Result<usize, RenderError> {
                let relative = checked(page)?;
                let (from, to) = (self.target.join(relative), self.dir.join(relative));
                if std::fs::hard_link(&from, &to).is_ok() {
                    return Ok(0);
                }
                copy_keeping_mtime(&from, &to)?;
                Ok(1)
            })
            .try_reduce(|| 0, |a, b| Ok(a + b))?;
        Ok(copied)
    }

    /// Swaps the staged site in for the target, records `manifest` beside
    /// it, and removes the previous site (also when it is not errdocs' own,
    /// if `force`).
    pub(crate) fn commit(self, manifest: &Manifest, force: bool) -> Result<(), RenderError> {
        let text = manifest.text();
        let marker = format!("{MARKER_PREFIX}site {:016x}\n", text.digest());
        fs::write(&self.dir.join(MARKER), marker)?;
        let previous = if fs::metadata_if_any(&self.target)?.is_none() {
            fs::rename(&self.dir, &self.target)?;
            None
        } else if exchange(&self.dir, &self.target)
            .map_err(|source| fs::FsError::new("swap", &self.dir, source))?
        {
            Some(self.dir.clone())
        } else {
            Some(self.swap_by_renames()?)
        };
        text.save(&self.target)?;
        match previous {
            Some(previous) if force && !is_ours(&previous) => remove_all(&previous),
            Some(previous) => remove_ours(&previous),
            None => Ok(()),
        }
    }

    /// The swap where an atomic exchange is not to be had: the target is
    /// moved aside, the staging directory moved in. A build killed between
    /// the two leaves no target; [`prepare`] puts the previous one back.
    fn swap_by_renames(&self) -> Result<PathBuf, RenderError> {
        let old = sibling(&self.target, "old");
        remove_ours(&old)?;
        fs::rename(&self.target, &old)?;
        if let Err(err) = fs::rename(&self.dir, &self.target) {
            // Put the previous site back rather than leave none.
            let _ = fs::rename(&old, &self.target);
            return Err(err.into());
        }
        Ok(old)
    }
}

impl Drop for Staging {
    /// A build that failed removes what it staged; after a commit the
    /// staging directory is already gone.
    fn drop(&mut self) {
        let _ = remove_ours(&self.dir);
    }
}

/// Exchanges two directory entries in one step; `false` where the platform
/// or filesystem cannot.
#[cfg(target_os = "linux")]
fn exchange(a: &Path, b: &Path) -> io::Result<bool> {
    use rustix::fs::{CWD, RenameFlags, renameat_with};
    use rustix::io::Errno;
    match renameat_with(CWD, a, CWD, b, RenameFlags::EXCHANGE) {
        Ok(()) => Ok(true),
        Err(Errno::INVAL | Errno::NOSYS | Errno::NOTSUP) => Ok(false),
        Err(err) => Err(err.into()),
    }
}

#[cfg(not(target_os = "linux"))]
fn exchange(_: &Path, _: &Path) -> io::Result<bool> {
    Ok(false)
}

fn copy_keeping_mtime(from: &Path, to: &Path) -> Result<(), RenderError> {
    let copy = || -> io::Result<()> {
        std::fs::copy(from, to)?;
        let modified = std::fs::metadata(from)?.modified()?;
        std::fs::File::options()
            .write(true)
            .open(to)?
            .set_modified(modified)
    };
    copy().map_err(|source| fs::FsError::new("copy", from, source).into())
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
fn remove_ours(dir: &Path) -> Result<(), RenderError> {
    let Some(found) = fs::metadata_if_any(dir)? else {
        return Ok(());
    };
    if found.is_dir() && is_empty_dir(dir) {
        return Ok(fs::remove_dir(dir)?);
    }
    if !found.is_dir() || !is_ours(dir) {
        return Err(RenderError::NotOursToRemove(dir.to_owned()));
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
fn remove_all(path: &Path) -> Result<(), RenderError> {
    match fs::metadata_if_any(path)? {
        Some(found) if found.is_dir() => Ok(fs::remove_dir_all(path)?),
        Some(_) => Ok(fs::remove_file(path)?),
        None => Ok(()),
    }
}

fn checked(page: &str) -> Result<&Path, RenderError> {
    let relative = Path::new(page);
    if page.is_empty()
        || !relative
            .components()
            .all(|c| matches!(c, Component::Normal(_)))
    {
        return Err(RenderError::UnsafePath(page.to_owned()));
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
        assert!(matches!(busy, RenderError::Busy(_)), "{busy}");
        drop(held);
        assert!(matches!(err, RenderError::NotOurs(_)), "{err}");
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
        assert!(matches!(err, RenderError::NotOursToRemove(_)), "{err}");
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
