//! Shared helpers: building a site into a temporary directory and reading
//! what came out.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

use errdocs::build::{self, BuildPlan, BuildReport};
use serde_json::Value;

pub fn manifest_dir() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// A built site in a temporary directory, removed when dropped.
pub struct Built {
    pub dir: tempfile::TempDir,
    pub report: BuildReport,
}

impl Built {
    pub fn site(&self) -> PathBuf {
        self.dir.path().join("site")
    }

    pub fn codes_json(&self) -> Value {
        let text = std::fs::read_to_string(self.site().join("api/codes.json")).expect("codes.json");
        serde_json::from_str(&text).expect("valid JSON")
    }
}

pub fn build_site(input: &Path) -> Built {
    let dir = tempfile::tempdir().expect("tempdir");
    let plan = BuildPlan::new(input.to_owned(), dir.path().join("site")).expect("plan");
    let report = build::build(&plan, &())
        .unwrap_or_else(|err| panic!("build of {} failed: {err:?}", input.display()));
    Built { dir, report }
}

/// The seed site, built once for the whole suite.
pub fn seed_site() -> &'static Built {
    static SITE: OnceLock<Built> = OnceLock::new();
    SITE.get_or_init(|| build_site(&manifest_dir().join("input")))
}

/// The entry of `codes.json` for one vendor's code.
pub fn code<'a>(codes: &'a Value, vendor: &str, code: &str) -> &'a Value {
    codes["codes"]
        .as_array()
        .expect("codes array")
        .iter()
        .find(|c| c["vendor"] == vendor && c["code"] == code)
        .unwrap_or_else(|| panic!("no code {vendor}/{code}"))
}

/// Copies the tree at `from` to `to`, directories first.
pub fn copy_tree(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.unwrap();
        let target = to.join(entry.path().strip_prefix(from).unwrap());
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target).unwrap();
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// Runs a tool the CI machine has; elsewhere a missing tool skips the
/// check, loudly, unless `ERRDOCS_REQUIRE_TOOLS` is set.
pub fn tool(program: &str) -> Option<Command> {
    let found = Command::new(program)
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !found {
        assert!(
            std::env::var_os("ERRDOCS_REQUIRE_TOOLS").is_none(),
            "`{program}` is required (ERRDOCS_REQUIRE_TOOLS is set) but not found"
        );
        eprintln!("skipped: `{program}` is not installed");
    }
    found.then(|| Command::new(program))
}
