//! The staging directory a build writes into, and the atomic swap that puts
//! it in place of the output.
//!
//! The swap leaves the previous site in the staging directory's place.
//! Instead of removing it, the commit keeps it beside the output as the
//! spare (`.site.errdocs-spare`, its manifest beside it), and the next
//! build stages into the spare: it holds the site before last, so only the
//! files that changed in the last two builds need writing or linking, not
//! every file of the site, and nothing needs removing after the swap.

use std::io;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use ahash::AHashSet;

use super::manifest::{self, Manifest};
use super::{
    MARKER, MARKER_PREFIX, OutputError, checked, is_ours, remove_all, remove_ours, sibling,
};
use crate::fs;

pub(crate) struct Staging {
    dir: PathBuf,
    target: PathBuf,
    /// What the directory held when staging began: the spare site and its
    /// manifest; `None` when it began empty.
    base: Option<Manifest>,
}

impl Staging {
    /// Starts the staging directory next to `target`, marked as ours (and
    /// as staging, so a killed build's is removed) before anything is
    /// written into it: the spare site the last commit kept, when its
    /// manifest can be trusted, or else an empty directory. Call
    /// [`super::prepare`] first.
    pub(crate) fn new(target: &Path) -> Result<Staging, OutputError> {
        let dir = sibling(target, "tmp");
        remove_ours(&dir)?;
        let spare = sibling(target, "spare");
        let spare_manifest = manifest::spare_path_for(target);
        let base = Manifest::load_marked(&spare, &spare_manifest);
        match base {
            Some(_) => fs::rename(&spare, &dir)?,
            None => {
                remove_ours(&spare)?;
                fs::create_dir_all(&dir)?;
            }
        }
        if fs::metadata_if_any(&spare_manifest)?.is_some() {
            fs::remove_file(&spare_manifest)?;
        }
        fs::write(&dir.join(MARKER), format!("{MARKER_PREFIX}staging\n"))?;
        Ok(Staging {
            dir,
            target: target.to_owned(),
            base,
        })
    }

    /// Whether the staging directory began with the spare site in it.
    pub(crate) fn reused(&self) -> bool {
        self.base.is_some()
    }

    /// Whether the directory already holds `page` with bytes of `hash`.
    pub(crate) fn holds(&self, page: &str, hash: u64) -> bool {
        self.base.as_ref().and_then(|b| b.hash(page)) == Some(hash)
    }

    /// Removes what the spare site has and the new one will not: each file
    /// not in `pages`, and each directory not in `dirs` with all it holds.
    pub(crate) fn remove_stale(
        &self,
        pages: &[String],
        dirs: &[String],
    ) -> Result<(), OutputError> {
        let Some(base) = &self.base else {
            return Ok(());
        };
        let pages: AHashSet<&str> = pages.iter().map(String::as_str).collect();
        let dirs: AHashSet<&str> = dirs.iter().map(String::as_str).collect();
        // A stale directory goes whole; the stale files in kept directories
        // one by one.
        let mut stale_dirs = AHashSet::new();
        let mut stale_files = Vec::new();
        for page in base.pages.keys().filter(|p| !pages.contains(p.as_str())) {
            let mut dir = page.as_str();
            let mut outermost_stale = None;
            while let Some((parent, _)) = dir.rsplit_once('/') {
                if !dirs.contains(parent) {
                    outermost_stale = Some(parent);
                }
                dir = parent;
            }
            match outermost_stale {
                Some(dir) => {
                    stale_dirs.insert(dir);
                }
                None => stale_files.push(page.as_str()),
            }
        }
        stale_files
            .into_par_iter()
            .try_for_each(|page| remove_all(&self.dir.join(checked(page)?)))?;
        for dir in stale_dirs {
            remove_all(&self.dir.join(checked(dir)?))?;
        }
        Ok(())
    }

    pub(crate) fn make_dir(&self, dir: &str) -> Result<(), OutputError> {
        Ok(fs::create_dir_all(&self.dir.join(checked(dir)?))?)
    }

    /// Writes `bytes` at `page`, a `/`-separated path relative to the site
    /// root whose directory [`Staging::make_dir`] made. Only plain names are
    /// accepted, so nothing lands outside the site. A file the spare site
    /// has there is replaced, not written through: it may be a hard link to
    /// the published site's.
    pub(crate) fn write(&self, page: &str, bytes: &[u8]) -> Result<(), OutputError> {
        let path = self.dir.join(checked(page)?);
        self.clear(&path, page)?;
        Ok(fs::write(&path, bytes)?)
    }

    /// Puts the published site's file at `page` in the staging directory,
    /// as a hard link, in place of what the spare site has there; writes
    /// `bytes`, its contents, where it cannot be linked.
    pub(crate) fn relink(&self, page: &str, bytes: &[u8]) -> Result<(), OutputError> {
        let relative = checked(page)?;
        let to = self.dir.join(relative);
        self.clear(&to, page)?;
        if std::fs::hard_link(self.target.join(relative), &to).is_err() {
            fs::write(&to, bytes)?;
        }
        Ok(())
    }

    /// Removes the spare site's file at `path`, if it has one.
    fn clear(&self, path: &Path, page: &str) -> Result<(), OutputError> {
        if self.base.as_ref().is_some_and(|b| b.hash(page).is_some()) {
            match std::fs::remove_file(path) {
                Err(err) if err.kind() != io::ErrorKind::NotFound => {
                    return Err(fs::FsError::new("remove", path, err).into());
                }
                _ => {}
            }
        }
        Ok(())
    }

    /// Fills in the pages the previous site already has with the same bytes,
    /// as hard links to its files; a copy with the same modification time
    /// where the filesystem has no hard links. Returns how many were copied.
    pub(crate) fn link_unchanged<'a>(
        &self,
        pages: impl IntoParallelIterator<Item = &'a str>,
    ) -> Result<usize, OutputError> {
        let copied = pages
            .into_par_iter()
            .map(|page| -> Result<usize, OutputError> {
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

    /// Keeps the staged site, the same as the published one file for file,
    /// as the spare again, described by `manifest`.
    pub(crate) fn keep_as_spare(self, manifest: &Manifest) -> Result<(), OutputError> {
        let text = manifest.text();
        fs::write(&self.dir.join(MARKER), site_marker(&text))?;
        text.save_at(&manifest::spare_path_for(&self.target))?;
        Ok(fs::rename(&self.dir, &sibling(&self.target, "spare"))?)
    }

    /// Swaps the staged site in for the target and records `manifest`
    /// beside it. The previous site is kept as the spare, with the manifest
    /// that described it, for the next build to stage into; one that is
    /// not errdocs' own is removed (when `force` let it be replaced).
    pub(crate) fn commit(self, manifest: &Manifest, force: bool) -> Result<(), OutputError> {
        let text = manifest.text();
        fs::write(&self.dir.join(MARKER), site_marker(&text))?;
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
        match previous {
            Some(previous) if force && !is_ours(&previous) => {
                text.save(&self.target)?;
                remove_all(&previous)
            }
            Some(previous) => {
                // The manifest beside the output still describes the
                // previous site: it goes with it. Without one, the
                // previous site is of no use as a spare.
                let spare = sibling(&self.target, "spare");
                remove_ours(&spare)?;
                let described = manifest::path_for(&self.target);
                let kept = fs::metadata_if_any(&described)?.is_some();
                if kept {
                    fs::rename(&described, &manifest::spare_path_for(&self.target))?;
                }
                text.save(&self.target)?;
                match kept {
                    true => Ok(fs::rename(&previous, &spare)?),
                    false => remove_ours(&previous),
                }
            }
            None => text.save(&self.target),
        }
    }

    /// The swap where an atomic exchange is not to be had: the target is
    /// moved aside, the staging directory moved in. A build killed between
    /// the two leaves no target; [`super::prepare`] puts the previous one back.
    fn swap_by_renames(&self) -> Result<PathBuf, OutputError> {
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

/// The marker of a site whose files `text` lists.
fn site_marker(text: &manifest::Text) -> String {
    format!("{MARKER_PREFIX}site {:016x}\n", text.digest())
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

fn copy_keeping_mtime(from: &Path, to: &Path) -> Result<(), OutputError> {
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
