//! Watching the input and the theme directory for changes: the system's
//! file events (inotify, FSEvents, ReadDirectoryChanges) through `notify`.
//! Only events that can change what a build reads count: a build opens
//! and reads every input file, and must not set off the next one.
//!
//! An editor's save is a burst of events (a write, a rename, a metadata
//! change); the builder waits for a quiet moment and builds once
//! ([`super::Server::run`]).

use std::path::{Path, PathBuf};

use notify::{Event, EventKind, RecommendedWatcher, RecursiveMode, Watcher};

use super::ServeError;

/// Watches `paths` recursively and calls `on_change` for every event that
/// can change the site (`Err` with a message when the system reports
/// trouble; a rebuild is then the safe answer too). Watching stops when the
/// returned watcher is dropped.
pub(crate) fn watch(
    paths: &[PathBuf],
    on_change: impl Fn(Result<(), String>) + Send + 'static,
) -> Result<RecommendedWatcher, ServeError> {
    let first = paths.first().cloned().unwrap_or_default();
    let mut watcher =
        notify::recommended_watcher(move |result: notify::Result<Event>| match result {
            Ok(event) if matters(&event) => on_change(Ok(())),
            Ok(_) => {}
            Err(err) => on_change(Err(err.to_string())),
        })
        .map_err(|source| ServeError::Watch {
            path: first,
            source,
        })?;
    for path in paths {
        watcher
            .watch(path, RecursiveMode::Recursive)
            .map_err(|source| ServeError::Watch {
                path: path.clone(),
                source,
            })?;
    }
    Ok(watcher)
}

/// Whether an event can affect the site: reading a file cannot, nor can
/// editors' swap, backup and temporary files.
fn matters(event: &Event) -> bool {
    !matches!(event.kind, EventKind::Access(_))
        && (event.paths.is_empty() || event.paths.iter().any(|p| !is_scratch(p)))
}

fn is_scratch(path: &Path) -> bool {
    let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
        return false;
    };
    name.starts_with(".#")
        || name.ends_with('~')
        || [".swp", ".swx", ".swo", ".tmp", ".bak"]
            .iter()
            .any(|ext| name.ends_with(ext))
        // Vim probes whether it may write a directory with a file named so.
        || name == "4913"
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reading_a_file_is_not_a_change() {
        use notify::event::{AccessKind, AccessMode, CreateKind, ModifyKind};
        let event = |kind, path: &str| Event::new(kind).add_path(PathBuf::from(path));
        let source = "input/acme/codes.md";
        assert!(!matters(&event(
            EventKind::Access(AccessKind::Open(AccessMode::Any)),
            source
        )));
        assert!(!matters(&event(
            EventKind::Access(AccessKind::Close(AccessMode::Read)),
            source
        )));
        assert!(matters(&event(EventKind::Modify(ModifyKind::Any), source)));
        assert!(matters(&event(EventKind::Create(CreateKind::File), source)));
        assert!(!matters(&event(
            EventKind::Modify(ModifyKind::Any),
            "input/acme/.codes.md.swp"
        )));
    }

    #[test]
    fn editors_scratch_files_are_not_changes() {
        for scratch in [
            "input/acme/.codes.md.swp",
            "input/acme/codes.md~",
            "input/acme/.#codes.md",
            "input/acme/4913",
        ] {
            assert!(is_scratch(Path::new(scratch)), "{scratch}");
        }
        for real in [
            "input/acme/codes.md",
            "input/acme/vendor.toml",
            "templates/code.html",
        ] {
            assert!(!is_scratch(Path::new(real)), "{real}");
        }
    }
}
