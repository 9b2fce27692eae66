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
    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn kind(&self) -> io::ErrorKind {
        self.source.kind()
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
