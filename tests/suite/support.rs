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

/// Expected files compared with what came out, every mismatch collected;
/// with `ERRDOCS_BLESS=1` the expected files are written from it instead.
/// The one way the suite's snapshot tests accept an intended change.
pub struct Expected {
    bless: bool,
    problems: Vec<String>,
}

impl Expected {
    pub fn new() -> Expected {
        Expected {
            bless: std::env::var_os("ERRDOCS_BLESS").is_some(),
            problems: Vec::new(),
        }
    }

    /// Whether expected files are being rewritten rather than compared.
    pub fn blessing(&self) -> bool {
        self.bless
    }

    /// Records a problem that no blessing fixes.
    pub fn problem(&mut self, problem: String) {
        self.problems.push(problem);
    }

    /// Compares `actual` with the file at `expected`, which `what` names
    /// in a message, or writes it there when blessing.
    pub fn compare(&mut self, what: &str, expected: &Path, actual: &str) {
        if self.bless {
            std::fs::create_dir_all(expected.parent().expect("a file in a directory")).unwrap();
            std::fs::write(expected, actual).unwrap();
            return;
        }
        let wanted = std::fs::read_to_string(expected).unwrap_or_default();
        if wanted != actual {
            self.problems.push(format!(
                "{what} differs (ERRDOCS_BLESS=1 accepts):\n--- expected\n{wanted}--- actual\n{actual}"
            ));
        }
    }

    /// Fails with every problem found, at once.
    pub fn finish(self, what: &str) {
        assert!(
            self.problems.is_empty(),
            "{} problem(s) in {what}:\n\n{}",
            self.problems.len(),
            self.problems.join("\n\n")
        );
    }
}

/// JSON is compared pretty-printed, so expected files read well in a diff.
pub fn pretty_if_json(path: &Path, text: String) -> String {
    if path.extension().is_some_and(|e| e == "json") {
        let value: Value = serde_json::from_str(&text).expect("valid JSON");
        serde_json::to_string_pretty(&value).unwrap() + "\n"
    } else {
        text
    }
}

/// The names of the directories in `dir`, sorted.
pub fn case_dirs(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap())
        .filter(|e| e.file_type().unwrap().is_dir())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}
