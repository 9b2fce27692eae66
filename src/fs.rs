//! Every filesystem call the library makes, each error carrying its path.

use std::io;
use std::path::{Path, PathBuf};

#[derive(Debug, thiserror::Error)]
#[error("cannot {action} `{path}`")]
pub struct FsError {
    action: &'static str,
    path: PathBuf,
    #[source]
    source: io::Error,
}

impl FsError {
    pub fn new(action: &'static str, path: &Path, source: io::Error) -> FsError {
        FsError {
            action,
            path: path.to_owned(),
            source,
        }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn kind(&self) -> io::ErrorKind {
        self.source.kind()
    }

    /// What the system said, for a message that names the path itself.
    pub fn cause(&self) -> String {
        self.source.to_string()
    }
}

fn wrap<T>(action: &'static str, path: &Path, result: io::Result<T>) -> Result<T, FsError> {
    result.map_err(|source| FsError {
        action,
        path: path.to_owned(),
        source,
    })
}

pub fn read_to_string(path: &Path) -> Result<String, FsError> {
    wrap("read", path, std::fs::read_to_string(path))
}

pub fn write(path: &Path, contents: impl AsRef<[u8]>) -> Result<(), FsError> {
    wrap("write", path, std::fs::write(path, contents))
}

/// Writes a file that must not exist yet: one that does is never replaced.
pub fn write_new(path: &Path, contents: &[u8]) -> Result<(), FsError> {
    use std::io::Write;
    let file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path);
    wrap("create", path, file.and_then(|mut f| f.write_all(contents)))
}

pub fn create_dir_all(path: &Path) -> Result<(), FsError> {
    wrap("create directory", path, std::fs::create_dir_all(path))
}

pub fn remove_dir_all(path: &Path) -> Result<(), FsError> {
    wrap("remove", path, std::fs::remove_dir_all(path))
}

pub fn rename(from: &Path, to: &Path) -> Result<(), FsError> {
    wrap("move", from, std::fs::rename(from, to))
}

pub fn canonicalize(path: &Path) -> Result<PathBuf, FsError> {
    wrap("resolve", path, std::fs::canonicalize(path))
}

pub fn remove_file(path: &Path) -> Result<(), FsError> {
    wrap("remove", path, std::fs::remove_file(path))
}

pub fn read(path: &Path) -> Result<Vec<u8>, FsError> {
    wrap("read", path, std::fs::read(path))
}

pub fn hard_link(from: &Path, to: &Path) -> Result<(), FsError> {
    wrap("link", to, std::fs::hard_link(from, to))
}

pub fn remove_dir(path: &Path) -> Result<(), FsError> {
    wrap("remove", path, std::fs::remove_dir(path))
}

/// The entries of a directory, each as a path.
pub fn read_dir(path: &Path) -> Result<Vec<PathBuf>, FsError> {
    let entries = wrap("list", path, std::fs::read_dir(path))?;
    entries
        .map(|entry| wrap("list", path, entry.map(|e| e.path())))
        .collect()
}

/// What is at `path`, not following a symbolic link; `None` when nothing is.
pub fn metadata_if_any(path: &Path) -> Result<Option<std::fs::Metadata>, FsError> {
    match std::fs::symlink_metadata(path) {
        Ok(metadata) => Ok(Some(metadata)),
        Err(err) if err.kind() == io::ErrorKind::NotFound => Ok(None),
        Err(err) => wrap("inspect", path, Err(err)),
    }
}
