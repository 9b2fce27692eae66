//! The output directory: changed files are written into a staging directory
//! beside it and moved in only once every page has rendered, so a failed
//! build leaves the previous site untouched.

use std::collections::HashSet;
use std::path::{Component, Path, PathBuf};

use super::RenderError;
use super::manifest::Manifest;
use crate::fs;

pub(crate) struct Staging {
    dir: PathBuf,
    target: PathBuf,
}

impl Staging {
    /// Starts an empty staging directory next to `target`.
    pub(crate) fn new(target: &Path) -> Result<Staging, RenderError> {
        let dir = sibling(target, "tmp");
        if dir.exists() {
            fs::remove_dir_all(&dir)?;
        }
        fs::create_dir_all(&dir)?;
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

    /// Moves the staged files into the target and records `manifest`. When
    /// every file changed (or there was no previous build) the staging
    /// directory replaces the target whole; otherwise each changed file is
    /// moved in and the files the site no longer has are removed.
    pub(crate) fn commit(
        self,
        previous: Option<&Manifest>,
        manifest: &Manifest,
        written: usize,
    ) -> Result<(), RenderError> {
        match previous {
            Some(previous) if written < manifest.pages.len() => {
                self.move_changed(previous, manifest)?
            }
            _ => self.swap()?,
        }
        manifest.save(&self.target)
    }

    fn swap(&self) -> Result<(), RenderError> {
        let old = sibling(&self.target, "old");
        if old.exists() {
            fs::remove_dir_all(&old)?;
        }
        let had_previous = self.target.exists();
        if had_previous {
            fs::rename(&self.target, &old)?;
        }
        if let Err(err) = fs::rename(&self.dir, &self.target) {
            if had_previous {
                // Put the previous site back rather than leave none.
                let _ = fs::rename(&old, &self.target);
            }
            return Err(err.into());
        }
        if had_previous {
            fs::remove_dir_all(&old)?;
        }
        Ok(())
    }

    fn move_changed(&self, previous: &Manifest, manifest: &Manifest) -> Result<(), RenderError> {
        let mut made = HashSet::new();
        for (page, hash) in &manifest.pages {
            if previous.hash(page) == Some(*hash) {
                continue;
            }
            let to = self.target.join(page);
            if let Some(parent) = to.parent()
                && made.insert(parent.to_owned())
            {
                fs::create_dir_all(parent)?;
            }
            fs::rename(&self.dir.join(page), &to)?;
        }
        let mut emptied = HashSet::new();
        for page in previous
            .pages
            .keys()
            .filter(|p| !manifest.pages.contains_key(*p))
        {
            let path = self.target.join(page);
            fs::remove_file(&path)?;
            emptied.extend(path.parent().map(Path::to_owned));
        }
        for dir in emptied {
            // Succeeds only when nothing else is left in it, as wanted.
            let _ = std::fs::remove_dir(dir);
        }
        Ok(())
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        if self.dir.exists() {
            let _ = fs::remove_dir_all(&self.dir);
        }
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
/// moving files in is a rename.
fn sibling(target: &Path, what: &str) -> PathBuf {
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    target.with_file_name(format!(".{name}.errdocs-{what}"))
}
