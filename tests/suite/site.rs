//! The rendered seed site, read back with scraper as a browser would.

use std::path::{Path, PathBuf};

use scraper::{Html, Selector};

use crate::support::seed_site;

fn page(path: &str) -> Html {
    let file = seed_site().site().join(path);
    let text = std::fs::read_to_string(&file).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
    Html::parse_document(&text)
}

fn select<'a>(html: &'a Html, css: &str) -> Vec<scraper::ElementRef<'a>> {
    html.select(&Selector::parse(css).unwrap()).collect()
}

fn attr<'a>(element: &scraper::ElementRef<'a>, name: &str) -> &'a str {
    element.value().attr(name).unwrap_or_default()
}

/// Every `href`/`src` of a page that is not external, resolved against the
/// page's own location.
fn local_links(site: &Path, page: &Path, html: &Html) -> Vec<PathBuf> {
    let base = page.parent().unwrap();
    select(html, "[href], [src]")
        .iter()
        .filter_map(|e| e.value().attr("href").or_else(|| e.value().attr("src")))
        .filter(|link| !link.contains("://") && !link.starts_with("mailto:"))
        .map(|link| link.split('#').next().unwrap())
        .filter(|link| !link.is_empty())
        .map(|link| {
            assert!(
                !link.starts_with('/'),
                "absolute link {link} in {}",
                page.display()
            );
            let mut resolved = base.to_owned();
            for part in link.split('/') {
                match part {
                    ".." => assert!(
                        resolved.pop() && resolved.starts_with(site),
                        "{link} leaves the site"
                    ),
                    "." | "" => {}
                    part => resolved.push(part),
                }
            }
            resolved
        })
        .collect()
}

#[test]
fn code_page_has_lang_and_links_its_other_language() {
    let html = page("en/polaris/400141.html");
    assert_eq!(attr(&select(&html, "html")[0], "lang"), "en");
    // hreflang `<link>`s must be absolute, so they wait for a base URL
    // (tests/suite/search.rs); the visible switch says the same.
    assert!(select(&html, r#"link[rel="alternate"]"#).is_empty());
    let switch = &select(&html, "a.switch")[0];
    assert_eq!(
        (attr(switch, "hreflang"), attr(switch, "href")),
        ("zh-CN", "../../zh/polaris/400141.html")
    );
    let zh = page("zh/polaris/400141.html");
    assert_eq!(attr(&select(&zh, "html")[0], "lang"), "zh-CN");
    assert_eq!(
        select(&zh, "blockquote.message")[0]
            .text()
            .collect::<String>(),
        "在已被禁用的实例上进行心跳"
    );
}

#[test]
fn a_page_without_text_in_its_language_shows_the_other_marked() {
    // API Switch wrote Chinese only: the English page quotes it, marked.
    let html = page("en/api-switch/10307.html");
    let quote = &select(&html, "blockquote.message")[0];
    assert_eq!(attr(quote, "lang"), "zh-CN");
    assert!(attr(quote, "class").contains("fallback"));
    assert_eq!(quote.text().collect::<String>(), "修改云盘状态失败");
    let note = select(&html, ".meaning .note")[0]
        .text()
        .collect::<String>();
    assert!(
        note.contains("did not document this code in English"),
        "{note}"
    );

    // Its own language needs no marking.
    let zh = page("zh/api-switch/10307.html");
    assert!(select(&zh, ".fallback").is_empty());
}

#[test]
fn code_page_links_to_vendor_neighbours_and_other_language() {
    let html = page("en/polaris/400141.html");
    let hrefs: Vec<&str> = select(&html, "a[href]")
        .iter()
        .map(|a| attr(a, "href"))
        .collect();
    for expected in [
        "index.html",
        "400140.html",
        "400142.html",
        "../../zh/polaris/400141.html",
    ] {
        assert!(
            hrefs.contains(&expected),
            "missing link {expected} in {hrefs:?}"
        );
    }
}

#[test]
fn every_local_link_of_every_page_resolves() {
    let site = seed_site().site();
    let mut checked = 0;
    for entry in walkdir::WalkDir::new(&site) {
        let entry = entry.unwrap();
        if entry.path().extension().is_some_and(|e| e == "html") {
            let html = Html::parse_document(&std::fs::read_to_string(entry.path()).unwrap());
            for target in local_links(&site, entry.path(), &html) {
                assert!(
                    target.is_file(),
                    "{} links to missing {}",
                    entry.path().display(),
                    target.display()
                );
                checked += 1;
            }
        }
    }
    assert!(checked > 10_000, "only {checked} links checked");
}

#[test]
fn landing_page_offers_both_languages_without_redirect() {
    let html = page("index.html");
    let hrefs: Vec<&str> = select(&html, "main a[href]")
        .iter()
        .map(|a| attr(a, "href"))
        .collect();
    assert_eq!(hrefs, ["en/index.html", "zh/index.html"]);
    assert!(select(&html, r#"meta[http-equiv="refresh"]"#).is_empty());
}

#[test]
fn vendor_text_is_escaped() {
    // CSE's bodies hold quotes and braces; nothing of them may become markup.
    let html = page("en/huawei-cse/SVCSTG.CSE.500500.html");
    let text = select(&html, "blockquote.message")[0]
        .text()
        .collect::<String>();
    assert!(text.starts_with("Failed to decode"), "{text}");
}

#[test]
fn each_code_has_its_codes_json_entry_at_a_stable_path() {
    let built = seed_site();
    let codes = built.codes_json();
    let mut files = 0;
    for entry in codes["codes"].as_array().unwrap() {
        let vendor = entry["vendor"].as_str().unwrap();
        let code = entry["code"].as_str().unwrap();
        let file = built.site().join(format!("api/{vendor}/{code}.json"));
        let text =
            std::fs::read_to_string(&file).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        let own: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(&own, entry, "{vendor}/{code}");
        files += 1;
    }
    assert_eq!(files, built.report.codes);
    let html = page("en/polaris/400141.html");
    assert!(
        select(&html, "a[href]")
            .iter()
            .any(|a| attr(a, "href") == "../../api/polaris/400141.json")
    );
}

#[test]
fn each_vendor_page_offers_its_codes_as_csv_for_excel() {
    let built = seed_site();
    let bytes = std::fs::read(built.site().join("api/huawei-cse.csv")).unwrap();
    let text = std::str::from_utf8(&bytes).unwrap();
    // A byte order mark, so that Excel reads UTF-8; CRLF rows (RFC 4180).
    let text = text.strip_prefix('\u{feff}').expect("UTF-8 BOM");
    let rows: Vec<&str> = text.split_terminator("\r\n").collect();
    assert_eq!(
        rows[0],
        "vendor,code,name,http_status,category,message_en,message_zh"
    );
    assert_eq!(rows.len(), 1 + 17, "a header and one row per code");
    // A response body with commas and quotes is one quoted field.
    let body = rows
        .iter()
        .find(|r| r.starts_with("huawei-cse,SVCSTG.CSE.500500,"))
        .unwrap();
    assert!(body.contains(",\"Failed to decode"), "{body}");
    // No name, HTTP 400, a category, then the texts in both languages.
    assert!(
        rows.iter().any(|r| r.starts_with("huawei-cse,400100,,400,")
            && r.ends_with(",Not enough quota,配额不足")),
        "{rows:?}"
    );

    let html = page("en/huawei-cse/index.html");
    assert!(
        select(&html, "a[href][download]")
            .iter()
            .any(|a| attr(a, "href") == "../../api/huawei-cse.csv")
    );
}
