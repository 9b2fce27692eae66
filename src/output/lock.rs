//! One build at a time per output: a file lock beside it.

use std::path::Path;

use super::{OutputError, sibling};
use crate::fs;

/// Held for a whole build: one build at a time writes an output, so that no
/// build swaps in another's half-staged site. The file, beside the output,
/// stays; the operating system releases the lock when the process ends,
/// also when it is killed.
#[derive(Debug)]
pub struct OutputLock {
    _file: std::fs::File,
}

/// `site` → `.site.errdocs-lock`, for messages.
pub(super) fn lock_name(target: &Path) -> String {
    sibling(target, "lock")
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

pub(super) fn lock(target: &Path) -> Result<OutputLock, OutputError> {
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
    // A lock can outlive its build by a moment: a process forked while
    // the build ran (a test runner's, a CI script's) holds a copy of it
    // until it execs. So a held lock is tried again for a second before
    // it means another build.
    let deadline = std::time::Instant::now() + GRACE;
    loop {
        match file.try_lock() {
            Ok(()) => return Ok(OutputLock { _file: file }),
            Err(std::fs::TryLockError::WouldBlock) if std::time::Instant::now() < deadline => {
                std::thread::sleep(std::time::Duration::from_millis(50));
            }
            Err(std::fs::TryLockError::WouldBlock) => {
                return Err(OutputError::Busy(target.to_owned()));
            }
            Err(std::fs::TryLockError::Error(source)) => {
                return Err(fs::FsError::new("lock", &path, source).into());
            }
        }
    }
}

/// How long a held lock is tried again before it means another build.
const GRACE: std::time::Duration = std::time::Duration::from_secs(1);
