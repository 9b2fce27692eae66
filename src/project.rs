//! A project's files, made and extended from the command line: `errdocs
//! init` writes a new project, `errdocs add` puts a vendor's file into
//! the input. Neither overwrites a file, and each says what it did.

mod add;
mod init;

use std::path::PathBuf;

pub use self::add::{Added, Listing, add};
pub use self::init::{Ci, init};

/// What became of one file a command would write.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    Created(PathBuf),
    /// There already; left as it was.
    Kept(PathBuf),
}
