//! The staging directory a build writes into, and the atomic swap that puts
//! it in place of the output.

use std::io;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use super::manifest::Manifest;
use super::{
    MARKER, MARKER_PREFIX, OutputError, checked, is_ours, remove_all, remove_ours, sibling,
};
use crate::fs;

pub(crate) struct Staging {
    dir: PathBuf,
    target: PathBuf,
}

impl Staging {
    /// Starts an empty staging directory next to `target`, marked as ours
    /// before anything else is written into it. Call [`super::prepare`] first.
    pub(crate) fn new(target: &Path) -> Result<Staging, OutputError> {
        let dir = sibling(target, "tmp");
        remove_ours(&dir)?;
        fs::create_dir_all(&dir)?;
        fs::write(&dir.join(MARKER), format!("{MARKER_PREFIX}staging\n"))?;
        Ok(Staging {
            dir,
            target: target.to_owned(),
        })
    }

    pub(crate) fn make_dir(&self, dir: &str) -> Result<(), OutputError> {
        Ok(fs::create_dir_all(&self.dir.join(checked(dir)?))?)
    }

    /// Writes `bytes` at `page`, a `/`-separated path relative to the site
    /// root whose directory [`Staging::make_dir`] made. Only plain names are
    /// accepted, so nothing lands outside the site.
    pub(crate) fn write(&self, page: &str, bytes: &[u8]) -> Result<(), OutputError> {
        Ok(fs::write(&self.dir.join(checked(page)?), bytes)?)
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

    /// Swaps the staged site in for the target, records `manifest` beside
    /// it, and removes the previous site (also when it is not errdocs' own,
    /// if `force`).
    pub(crate) fn commit(self, manifest: &Manifest, force: bool) -> Result<(), OutputError> {
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
