//! Vendor text is data: the bad-input corpus (script tags, event handlers,
//! `javascript:` links, raw HTML, formulas, `</script>` and U+2028 in
//! cells, names and codes) is rendered, and nothing of it may come out as
//! markup, script, a URL scheme or an attribute, in any page, the JSON, the
//! CSV or the search index.

use std::collections::BTreeSet;
use std::path::Path;

use scraper::Html;

use crate::corpus::{Run, case_names, run_case};
use crate::support::manifest_dir;

/// Every element name the templates write; anything else in a page came
/// from an input.
fn template_vocabulary() -> BTreeSet<String> {
    // `wbr` is written by the templates' `wbr` filter (src/render/theme.rs).
    let mut names = BTreeSet::from(["html", "head", "body", "wbr"].map(String::from));
    for entry in std::fs::read_dir(manifest_dir().join("templates")).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "html") {
            let text = std::fs::read_to_string(&path).unwrap();
            for tag in text.split('<').skip(1) {
                let name: String = tag
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric())
                    .collect();
                if name.starts_with(|c: char| c.is_ascii_alphabetic()) {
                    names.insert(name.to_ascii_lowercase());
                }
            }
        }
    }
    names
}

/// A URL as a browser sees its scheme: without the whitespace and control
/// characters it strips, lowercased.
fn scheme_of(url: &str) -> String {
    url.chars()
        .filter(|c| !c.is_whitespace() && !c.is_control())
        .collect::<String>()
        .to_ascii_lowercase()
}

const BAD_SCHEMES: [&str; 3] = ["javascript:", "data:", "vbscript:"];
const URL_ATTRIBUTES: [&str; 8] = [
    "href",
    "src",
    "action",
    "formaction",
    "xlink:href",
    "poster",
    "background",
    "srcset",
];

/// The one inline script the templates write (`base.html`'s, which sets
/// the reader's theme before the first paint), exactly as written there.
fn theme_script() -> &'static str {
    static SCRIPT: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    SCRIPT.get_or_init(|| {
        let base = std::fs::read_to_string(manifest_dir().join("templates/base.html")).unwrap();
        let start = base.find("<script>").expect("base.html's theme script") + "<script>".len();
        let end = start + base[start..].find("</script>").unwrap();
        base[start..end].to_owned()
    })
}

fn check_page(path: &Path, vocabulary: &BTreeSet<String>, problems: &mut Vec<String>) {
    let text = std::fs::read_to_string(path).unwrap();
    let page = Html::parse_document(&text);
    let at = path.display();
    for node in page.tree.nodes() {
        let Some(element) = node.value().as_element() else {
            continue;
        };
        let name = element.name();
        if !vocabulary.contains(name) {
            problems.push(format!("{at}: <{name}> is not the templates'"));
        }
        if name == "script" {
            let text: String = node
                .children()
                .filter_map(|child| child.value().as_text().map(|t| t.to_string()))
                .collect();
            let own = match element.attr("src") {
                Some(src) => src.ends_with("search.js") && node.children().next().is_none(),
                None => text == theme_script(),
            };
            if !own {
                problems.push(format!("{at}: a script that is not search.js"));
            }
        }
        for (attribute, value) in element.attrs() {
            if attribute.to_ascii_lowercase().starts_with("on") {
                problems.push(format!("{at}: <{name} {attribute}>"));
            }
            let url = if URL_ATTRIBUTES.contains(&attribute) {
                Some(value)
            } else if name == "meta" && element.attr("http-equiv").is_some() {
                value.split_once("url=").map(|(_, url)| url)
            } else {
                None
            };
            if let Some(url) = url
                && BAD_SCHEMES.iter().any(|s| scheme_of(url).starts_with(s))
            {
                problems.push(format!("{at}: <{name} {attribute}=\"{value}\">"));
            }
        }
    }
}

/// The search index is one call with one JSON value, which holds no raw
/// U+2028/U+2029 and no `</`.
fn check_search_index(site: &Path, problems: &mut Vec<String>) {
    let text = std::fs::read_to_string(site.join("search/index.js")).unwrap();
    let json = text
        .strip_prefix("errdocsIndex(")
        .and_then(|t| t.strip_suffix(");\n"));
    match json {
        Some(json) if serde_json::from_str::<serde_json::Value>(json).is_ok() => {}
        _ => problems.push(format!(
            "{}: search/index.js is not one call",
            site.display()
        )),
    }
    if text.contains(['\u{2028}', '\u{2029}']) || text.contains("</") {
        problems.push(format!(
            "{}: search/index.js can be broken out of",
            site.display()
        ));
    }
}

/// No CSV cell a spreadsheet would run as a formula.
fn check_csv(path: &Path, problems: &mut Vec<String>) {
    let text = std::fs::read_to_string(path).unwrap();
    for cell in csv_cells(text.trim_start_matches('\u{feff}')) {
        if cell.starts_with(['=', '+', '-', '@']) {
            problems.push(format!("{}: formula cell `{cell}`", path.display()));
        }
    }
}

/// The cells of an RFC 4180 text, unquoted.
fn csv_cells(text: &str) -> Vec<String> {
    let mut cells = vec![String::new()];
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        let cell = cells.last_mut().unwrap();
        match c {
            '"' if quoted && chars.peek() == Some(&'"') => {
                chars.next();
                cell.push('"');
            }
            '"' => quoted = !quoted,
            ',' | '\n' if !quoted => cells.push(String::new()),
            '\r' if !quoted => {}
            c => cell.push(c),
        }
    }
    cells
}

fn check_site(run: &Run, vocabulary: &BTreeSet<String>, problems: &mut Vec<String>) -> usize {
    let mut pages = 0;
    for entry in walkdir::WalkDir::new(run.site()) {
        let entry = entry.unwrap();
        let path = entry.path();
        match path.extension().and_then(|e| e.to_str()) {
            Some("html") => {
                check_page(path, vocabulary, problems);
                pages += 1;
            }
            Some("csv") => check_csv(path, problems),
            Some("json") => {
                let text = std::fs::read_to_string(path).unwrap();
                if serde_json::from_str::<serde_json::Value>(&text).is_err() {
                    problems.push(format!("{}: not JSON", path.display()));
                }
            }
            _ => {}
        }
    }
    check_search_index(&run.site(), problems);
    pages
}

#[test]
fn no_input_becomes_markup_script_or_a_url_scheme() {
    let vocabulary = template_vocabulary();
    assert!(vocabulary.contains("main") && !vocabulary.contains("object"));
    let mut problems = Vec::new();
    let mut pages = 0;
    let mut hostile = 0;
    for name in case_names() {
        let run = run_case(&name, false).unwrap_or_else(|hang| panic!("{hang}"));
        if !run.status.success() {
            continue;
        }
        hostile += usize::from(name.starts_with("hostile-") || name == "unsafe-codes");
        pages += check_site(&run, &vocabulary, &mut problems);
    }
    assert!(
        hostile >= 4 && pages > 100,
        "{hostile} hostile cases, {pages} pages"
    );
    assert!(
        problems.is_empty(),
        "{} injection(s):\n{}",
        problems.len(),
        problems.join("\n")
    );
}

/// The scan above finds what it looks for: a page with an injected script,
/// handler and link is caught.
#[test]
fn the_scan_catches_injected_markup() {
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("page.html");
    std::fs::write(
        &page,
        "<main><script>alert(1)</script><img src=x onerror=alert(2)>\
         <a href=\" JaVa\tScript:alert(3)\">x</a><object data=x></object></main>",
    )
    .unwrap();
    let mut problems = Vec::new();
    check_page(&page, &template_vocabulary(), &mut problems);
    assert_eq!(problems.len(), 4, "{problems:#?}");
}
