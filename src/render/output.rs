//! The output directory: pages are written into a staging directory beside
//! it and swapped in at the end, so a failed build leaves the previous site
//! untouched.

use std::collections::HashSet;
use std::path::{Component, Path, PathBuf};

use super::RenderError;
use crate::fs;

pub(crate) struct Staging {
    dir: PathBuf,
    target: PathBuf,
    made_dirs: HashSet<PathBuf>,
    committed: bool,
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
            made_dirs: HashSet::new(),
            committed: false,
        })
    }

    /// Writes `bytes` at `page`, a `/`-separated path relative to the site
    /// root. Only plain names are accepted, so nothing lands outside it.
    pub(crate) fn write(&mut self, page: &str, bytes: &[u8]) -> Result<(), RenderError> {
        let relative = Path::new(page);
        if page.is_empty()
            || !relative
                .components()
                .all(|c| matches!(c, Component::Normal(_)))
        {
            return Err(RenderError::UnsafePath(page.to_owned()));
        }
        let path = self.dir.join(relative);
        if let Some(parent) = path.parent()
            && !self.made_dirs.contains(parent)
        {
            fs::create_dir_all(parent)?;
            self.made_dirs.insert(parent.to_owned());
        }
        Ok(fs::write(&path, bytes)?)
    }

    /// Replaces the target with the staged site.
    pub(crate) fn commit(mut self) -> Result<(), RenderError> {
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
        self.committed = true;
        if had_previous {
            fs::remove_dir_all(&old)?;
        }
        Ok(())
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.committed {
            let _ = fs::remove_dir_all(&self.dir);
        }
    }
}

/// `site` → `.site.errdocs-tmp`, hidden beside it on the same filesystem so
/// the final rename is cheap.
fn sibling(target: &Path, what: &str) -> PathBuf {
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "site".into());
    target.with_file_name(format!(".{name}.errdocs-{what}"))
}
