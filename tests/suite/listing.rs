//! Long lists over numbered pages: a vendor's codes, with their groups,
//! cut at the configured page size; every page linked, every group found.

use std::fs;
use std::path::Path;

use errdocs::build::{self, BuildPlan};
use scraper::{Html, Selector};

fn read(site: &Path, page: &str) -> Html {
    let text = fs::read_to_string(site.join(page)).unwrap_or_else(|e| panic!("{page}: {e}"));
    Html::parse_document(&text)
}

fn hrefs(html: &Html, css: &str) -> Vec<String> {
    let selector = Selector::parse(css).unwrap();
    html.select(&selector)
        .map(|e| e.value().attr("href").unwrap_or_default().to_owned())
        .collect()
}

fn texts(html: &Html, css: &str) -> Vec<String> {
    let selector = Selector::parse(css).unwrap();
    html.select(&selector)
        .map(|e| e.text().collect::<String>().trim().to_owned())
        .collect()
}

/// Twelve codes in three groups of 5, 3 and 4, and pages of 4 rows; the
/// last code is named like the list's second page.
fn grouped_site(dir: &Path) -> std::path::PathBuf {
    let input = dir.join("input");
    fs::create_dir_all(input.join("acme")).unwrap();
    fs::write(dir.join("errdocs.toml"), "page_size = 4\n").unwrap();
    fs::write(
        input.join("acme/vendor.toml"),
        "name = { en = \"Acme\", zh = \"Acme\" }\n\n[[sources]]\nfile = \"errors.md\"\nlang = \"en\"\n",
    )
    .unwrap();
    let mut md = String::from("# Acme error codes\n");
    let groups = [("Auth", 5), ("Disk", 3), ("Network", 4)];
    let mut n = 0;
    for (group, count) in groups {
        md.push_str(&format!(
            "\n## {group}\n\n| Error code | Error message |\n|---|---|\n"
        ));
        for _ in 0..count {
            n += 1;
            let code = if n == 12 {
                "index-2".to_owned()
            } else {
                format!("E{n:03}")
            };
            md.push_str(&format!("| {code} | {group} failure number {n}. |\n"));
        }
    }
    fs::write(input.join("acme/errors.md"), md).unwrap();
    let site = dir.join("site");
    let plan = BuildPlan::new(input, site.clone()).unwrap();
    build::build(&plan, &()).unwrap();
    site
}

#[test]
fn a_long_vendor_list_is_split_into_pages_that_keep_its_groups() {
    let dir = tempfile::tempdir().unwrap();
    let site = grouped_site(dir.path());
    for lang in ["en", "zh"] {
        for page in ["index.html", "index-2.html", "index-3.html"] {
            assert!(
                site.join(lang).join("acme").join(page).is_file(),
                "{lang}/{page}"
            );
        }
        assert!(!site.join(lang).join("acme/index-4.html").exists());
    }
    // The code named like a page has a file of its own.
    assert!(site.join("en/acme/~69ndex-2.html").is_file());
    let codes = |page: &str| texts(&read(&site, page), "table.codes td.code a");
    assert_eq!(
        codes("en/acme/index.html"),
        ["E001", "E002", "E003", "E004"]
    );
    assert_eq!(
        codes("en/acme/index-2.html"),
        ["E005", "E006", "E007", "E008"]
    );
    assert_eq!(
        codes("en/acme/index-3.html"),
        ["E009", "E010", "E011", "index-2"]
    );

    // Page 2 goes on with Auth, marked, and starts Disk.
    let second = read(&site, "en/acme/index-2.html");
    let headings = texts(&second, "section.group h2");
    assert_eq!(headings, ["Auth continued", "Disk"]);
    assert_eq!(texts(&second, "caption"), ["1 code", "3 codes"]);

    // Every page lists every group at the page it starts on, with its
    // whole count, and each anchor is on its page.
    for page in ["index.html", "index-2.html", "index-3.html"] {
        let html = read(&site, &format!("en/acme/{page}"));
        let groups = hrefs(&html, "nav.groups a");
        assert_eq!(
            groups,
            [
                "../../en/acme/index.html#group-en-1",
                "../../en/acme/index-2.html#group-en-2",
                "../../en/acme/index-3.html#group-en-3"
            ],
            "{page}"
        );
        assert_eq!(texts(&html, "nav.groups .count"), ["5", "3", "4"]);
        let jumps = texts(&html, "nav.pages li a");
        assert_eq!(
            jumps,
            ["E001 – E004", "E005 – E008", "E009 – index-2"],
            "{page}"
        );
    }
    for (page, anchor) in [("index.html", "group-en-1"), ("index-2.html", "group-en-2")] {
        let html = read(&site, &format!("en/acme/{page}"));
        let selector = Selector::parse(&format!("#{anchor}")).unwrap();
        assert!(html.select(&selector).next().is_some(), "{page}#{anchor}");
    }

    // A code page links its group's section on the page that lists it.
    let code = read(&site, "en/acme/E005.html");
    let crumbs = hrefs(&code, ".crumbs a");
    assert!(
        crumbs
            .iter()
            .any(|h| h.ends_with("acme/index-2.html#group-en-1")),
        "{crumbs:?}"
    );
    // Counts elsewhere stay whole.
    let home = fs::read_to_string(site.join("en/index.html")).unwrap();
    assert!(home.contains("12 codes"), "the home page counts every code");
}

#[test]
fn a_page_size_of_zero_is_an_error_at_its_line() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("errdocs.toml"),
        "drafts = false\npage_size = 0\n",
    )
    .unwrap();
    let path = dir.path().join("errdocs.toml");
    let Err(errors) = errdocs::config::load(dir.path(), Some(&path)) else {
        panic!("a page size of 0 is accepted");
    };
    let shown = format!("{}", errors[0]);
    assert!(shown.contains("errdocs.toml:2"), "{shown}");
    assert!(shown.contains("page_size"), "{shown}");
}
