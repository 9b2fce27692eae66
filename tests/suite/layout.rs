//! The stages run one way. Every path a library module names through
//! `crate::`, `super::` or `self::` is resolved to the module it reaches,
//! and the edge between two stages (or between two parts of `render`) must
//! be one that [`STAGES`] or [`RENDER`] allows. Arrows point down; a new
//! module has to be placed in a table before the test passes (the modules
//! `lib.rs` and `render.rs` declare are the tables' rows).
//!
//! Tests (`tests.rs` files, and the `#[cfg(test)] mod tests` at the end of
//! a file) are left out: a test may read the seeds through `ingest`.

use std::collections::BTreeSet;
use std::path::Path;

use crate::support::manifest_dir;

/// The library's top-level modules, the face first and the model last, and
/// the modules each may use.
const STAGES: &[(&str, &[&str])] = &[
    ("serve", &["build", "config", "diagnostic", "model", "fs"]),
    (
        "explain",
        &["build", "render", "xref", "diagnostic", "model", "fs"],
    ),
    (
        "build",
        &[
            "config",
            "ingest",
            "history",
            "xref",
            "render",
            "output",
            "diagnostic",
            "model",
            "fs",
            "timings",
        ],
    ),
    (
        "project",
        &["config", "ingest", "diagnostic", "model", "fs"],
    ),
    ("config", &["render", "diagnostic", "model", "fs"]),
    (
        "render",
        &[
            "xref",
            "history",
            "output",
            "diagnostic",
            "model",
            "fs",
            "timings",
        ],
    ),
    ("xref", &["diagnostic", "model", "fs", "timings"]),
    ("ingest", &["history", "diagnostic", "model", "fs"]),
    ("history", &["diagnostic", "model", "fs"]),
    ("output", &["fs"]),
    ("diagnostic", &["model"]),
    ("model", &[]),
    ("fs", &[]),
    ("timings", &[]),
];

/// The parts of `render`, in the same order: what lists and renders the
/// site's files first, what all of them share last.
const RENDER: &[(&str, &[&str])] = &[
    (
        "job",
        &[
            "feed",
            "llms",
            "pages",
            "api",
            "search",
            "discovery",
            "context",
            "index",
            "masthead",
            "paths",
            "settings",
            "theme",
            "view",
            "error",
        ],
    ),
    // The changes feed and the Markdown catalog fill in the pages' strings.
    ("feed", &["pages", "context", "index", "paths", "error"]),
    ("llms", &["pages", "context", "paths", "error"]),
    (
        "pages",
        &[
            "context", "index", "paths", "settings", "theme", "view", "error",
        ],
    ),
    ("api", &["context", "index", "paths", "error"]),
    ("search", &["context", "index", "paths", "error"]),
    ("discovery", &["context", "paths", "error"]),
    (
        "context",
        &["index", "masthead", "paths", "settings", "theme", "error"],
    ),
    ("masthead", &["settings", "theme", "view", "error"]),
    ("index", &["paths", "error"]),
    ("theme", &["settings", "error"]),
    ("settings", &[]),
    ("view", &["error"]),
    ("paths", &[]),
    ("error", &[]),
];

#[test]
fn stages_only_use_the_stages_below_them() {
    let src = manifest_dir().join("src");
    let mut wrong = BTreeSet::new();
    let mut unplaced = BTreeSet::new();
    for (from, to) in edges(&src) {
        let (table, within_render, from_unit, to_unit) = match (from.as_slice(), to.as_slice()) {
            // The binary's own modules (`main`, `cli`) and the crate root
            // may use anything.
            ([first, ..], _) if matches!(first.as_str(), "main" | "cli" | "lib") => continue,
            ([a, x, ..], [b, y, ..]) if a == "render" && b == "render" => (RENDER, true, x, y),
            // A part of render naming render.rs itself (`use crate::render;`,
            // `use super::*;`) reaches up into the facade.
            ([a, x, ..], [b]) if a == "render" && b == "render" => (RENDER, true, x, b),
            ([a, ..], [b, ..]) => (STAGES, false, a, b),
            _ => continue,
        };
        if from_unit == to_unit && !(within_render && to.len() == 1) {
            continue;
        }
        match allowed(table, from_unit) {
            None => {
                unplaced.insert(from_unit.clone());
            }
            // The crate root holds only modules, and a part of render
            // names the part that defines what it uses, never render.rs;
            // so a name that is not a module of the table is wrong too.
            Some(uses) if uses.contains(&to_unit.as_str()) => {}
            Some(_) => {
                wrong.insert(format!("{} -> {}", from.join("::"), to.join("::")));
            }
        }
    }
    assert!(
        unplaced.is_empty(),
        "modules in no table of tests/suite/layout.rs: {unplaced:?}"
    );
    assert!(
        wrong.is_empty(),
        "arrows that point back up (see tests/suite/layout.rs):\n{}",
        wrong.into_iter().collect::<Vec<_>>().join("\n")
    );
}

#[test]
fn every_module_is_placed_in_a_table() {
    let src = manifest_dir().join("src");
    for (file, table) in [("lib.rs", STAGES), ("render.rs", RENDER)] {
        let text = std::fs::read_to_string(src.join(file)).unwrap();
        let declared: BTreeSet<&str> = text
            .lines()
            .filter_map(|line| {
                let line = line.strip_prefix("pub ").unwrap_or(line);
                line.strip_prefix("mod ")?.strip_suffix(';')
            })
            .collect();
        let placed: BTreeSet<&str> = table.iter().map(|(name, _)| *name).collect();
        assert_eq!(
            declared, placed,
            "the modules of src/{file} and the table of tests/suite/layout.rs"
        );
    }
}

#[test]
fn an_arrow_back_up_is_found() {
    let uses = |text: &str| paths_named(text, &["render".to_owned(), "api".to_owned()]);
    assert_eq!(
        uses("use super::pages::Ctx;\nuse crate::build::{Checked, self};"),
        [
            vec!["render", "pages"],
            vec!["build", "Checked"],
            vec!["build"]
        ]
    );
    assert_eq!(
        uses("use crate::{\n    model::Lang,\n    xref::{Related, Why},\n};"),
        [
            vec!["model", "Lang"],
            vec!["xref", "Related"],
            vec!["xref", "Why"]
        ]
    );
    // Comments, strings of docs and tests are not uses.
    assert!(uses("// crate::build\n#[cfg(test)]\nmod tests {\n use crate::build;\n}").is_empty());
    // A glob names the module it empties; a part of render naming the
    // facade is caught however it is spelled.
    let from_pages = |text: &str| paths_named(text, &["render".to_owned(), "pages".to_owned()]);
    assert_eq!(from_pages("use super::*;"), [vec!["render"]]);
    assert_eq!(from_pages("use crate::render::{self};"), [vec!["render"]]);
    // A test module in a file of its own hides nothing after it.
    assert_eq!(
        uses("#[cfg(test)]\nmod tests;\n\nuse crate::build;"),
        [vec!["build"]]
    );
    assert!(allowed(STAGES, "xref").is_some_and(|uses| !uses.contains(&"render")));
}

fn allowed<'a>(table: &'a [(&str, &'a [&str])], unit: &str) -> Option<&'a [&'a str]> {
    table
        .iter()
        .find(|(name, _)| *name == unit)
        .map(|(_, uses)| *uses)
}

/// Every (module, module it names) of the library under `src`; a glob
/// (`use super::*`) names the module it empties.
fn edges(src: &Path) -> Vec<(Vec<String>, Vec<String>)> {
    let mut edges = Vec::new();
    for entry in walkdir::WalkDir::new(src).sort_by_file_name() {
        let entry = entry.unwrap();
        let path = entry.path();
        if path.extension().is_none_or(|e| e != "rs") || path.ends_with("tests.rs") {
            continue;
        }
        let relative = path.strip_prefix(src).unwrap().with_extension("");
        let module: Vec<String> = relative
            .components()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect();
        let text = std::fs::read_to_string(path).unwrap();
        for to in paths_named(&text, &module) {
            edges.push((module.clone(), to));
        }
    }
    edges
}

/// The modules that the code of `module` names, as paths from the crate
/// root, cut after the part of a stage they reach (`super::pages::Ctx` from
/// `render::api` is `render::pages`, `crate::xref::Checked` is
/// `xref::Checked`).
fn paths_named(text: &str, module: &[String]) -> Vec<Vec<String>> {
    let code: String = text
        .split("#[cfg(test)]\nmod tests {")
        .next()
        .unwrap_or_default()
        .lines()
        .filter(|line| !line.trim_start().starts_with("//"))
        .collect::<Vec<_>>()
        .join("\n");
    let mut found = Vec::new();
    let bytes = code.as_bytes();
    let mut at = 0;
    while at < code.len() {
        let rest = &code[at..];
        let starts_word = at == 0 || !is_ident(bytes[at - 1]) && bytes[at - 1] != b':';
        let prefix = ["crate::", "super::", "self::"]
            .into_iter()
            .find(|p| rest.starts_with(p));
        let Some(prefix) = prefix.filter(|_| starts_word) else {
            at += rest.chars().next().map_or(1, char::len_utf8);
            continue;
        };
        let mut base: Vec<String> = match prefix {
            "crate::" => Vec::new(),
            _ => module.to_vec(),
        };
        let mut rest = rest;
        if prefix != "crate::" {
            while let Some(after) = rest.strip_prefix("super::") {
                base.pop();
                rest = after;
            }
            rest = rest.strip_prefix("self::").unwrap_or(rest);
        } else {
            rest = &rest[prefix.len()..];
        }
        // From the crate root, two segments: a stage and its part
        // (`crate::render::paths`); below a module, its part.
        let depth = if base.is_empty() { 2 } else { 1 };
        for path in segments(rest, depth) {
            found.push(base.iter().cloned().chain(path).collect());
        }
        at = code.len() - rest.len();
    }
    found
}

/// The first `depth` segments of a path, or of each path of a `{…}` group
/// (`model::{Lang, Vendor}` at depth 2 is `model::Lang`, `model::Vendor`).
fn segments(rest: &str, depth: usize) -> Vec<Vec<String>> {
    if depth == 0 {
        return vec![Vec::new()];
    }
    if let Some(group) = rest.strip_prefix('{') {
        return group_items(group)
            .into_iter()
            .flat_map(|item| segments(item.trim(), depth))
            // `self` in a group is the module the group is in.
            .map(
                |path| match path.first().is_some_and(|first| first == "self") {
                    true => path[1..].to_vec(),
                    false => path,
                },
            )
            .collect();
    }
    if rest.starts_with('*') {
        return vec![Vec::new()];
    }
    let Some(first) = ident(rest) else {
        return Vec::new();
    };
    let deeper = match rest[first.len()..].strip_prefix("::") {
        Some(after) => segments(after, depth - 1),
        None => Vec::new(),
    };
    match deeper.is_empty() {
        true => vec![vec![first]],
        false => deeper
            .into_iter()
            .map(|tail| std::iter::once(first.clone()).chain(tail).collect())
            .collect(),
    }
}

/// The items of a `{…}` group whose opening brace is just before `group`.
fn group_items(group: &str) -> Vec<&str> {
    let mut depth = 0;
    let mut items = Vec::new();
    let mut start = 0;
    for (i, c) in group.char_indices() {
        match c {
            '{' => depth += 1,
            '}' if depth == 0 => {
                items.push(&group[start..i]);
                break;
            }
            '}' => depth -= 1,
            ',' if depth == 0 => {
                items.push(&group[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    items
}

fn ident(text: &str) -> Option<String> {
    let end = text
        .bytes()
        .position(|b| !is_ident(b))
        .unwrap_or(text.len());
    (end > 0).then(|| text[..end].to_owned())
}

fn is_ident(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}
