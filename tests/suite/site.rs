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
fn a_translation_is_labelled_and_shown_beside_the_original() {
    // API Switch wrote Chinese only; the English page shows the reviewed
    // translation, says so, and quotes the vendor's Chinese beside it.
    let html = page("en/api-switch/10307.html");
    let quote = &select(&html, "blockquote.message.translated")[0];
    assert_eq!(attr(quote, "lang"), "en");
    assert_eq!(
        quote.text().collect::<String>(),
        "Failed to change the volume status"
    );
    let label = select(&html, ".translation-label")[0]
        .text()
        .collect::<String>();
    assert!(label.contains("not the vendor's own words"), "{label}");
    let original = &select(&html, "blockquote.also")[0];
    assert_eq!(attr(original, "lang"), "zh-CN");
    assert_eq!(original.text().collect::<String>(), "修改云盘状态失败");

    // Its own language needs no translation.
    let zh = page("zh/api-switch/10307.html");
    assert!(select(&zh, ".translated").is_empty());
}

#[test]
fn a_page_without_text_or_translation_shows_the_other_language_marked() {
    // The fixture's `Throttling` has English text only and no translation.
    let built = crate::support::build_site(
        &crate::support::manifest_dir().join("tests/cases/html-colspan/input"),
    );
    let text = std::fs::read_to_string(built.site().join("zh/acme/Throttling.html")).unwrap();
    let html = Html::parse_document(&text);
    let quote = &select(&html, "blockquote.message")[0];
    assert_eq!(attr(quote, "lang"), "en");
    assert!(attr(quote, "class").contains("fallback"));
    let note = select(&html, ".meaning .note")[0]
        .text()
        .collect::<String>();
    assert!(note.contains("厂商未提供此错误码的中文说明"), "{note}");
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

/// Every code page's related list, as `(page, related codes' entries)`.
fn related_entries(site: &Path, lang: &str) -> Vec<(PathBuf, Vec<String>)> {
    let entry = Selector::parse("section.related li").unwrap();
    walkdir::WalkDir::new(site.join(lang))
        .sort_by_file_name()
        .into_iter()
        .map(|e| e.unwrap().into_path())
        .filter(|p| p.extension().is_some_and(|e| e == "html"))
        .filter_map(|path| {
            let html = Html::parse_document(&std::fs::read_to_string(&path).unwrap());
            let entries: Vec<String> = html.select(&entry).map(|li| li.html()).collect();
            (!entries.is_empty()).then_some((path, entries))
        })
        .collect()
}

#[test]
fn a_related_code_reads_the_same_on_every_page_that_lists_it() {
    // Entries are rendered once per code and reused; this holds only
    // because every code page lives at the same depth.
    let site = seed_site().site();
    for lang in ["en", "zh"] {
        let pages = related_entries(&site, lang);
        assert!(pages.len() > 100, "{lang}: {} pages", pages.len());
        let mut seen: std::collections::HashMap<String, String> = Default::default();
        for (path, entries) in &pages {
            for entry in entries {
                let href = entry.split('"').nth(3).unwrap().to_owned();
                let target = path.parent().unwrap().join(&href);
                assert!(target.is_file(), "{}: {href}", path.display());
                // The link is the same string wherever the entry is shown.
                let reason = entry.split("class=\"detail\">").nth(1).unwrap_or_default();
                let key = format!("{href} {reason}");
                let first = seen.entry(key).or_insert_with(|| entry.clone());
                assert_eq!(first, entry, "{}", path.display());
            }
        }
    }
}

#[test]
fn a_theme_can_replace_the_related_entry() {
    let dir = tempfile::tempdir().unwrap();
    let theme = dir.path().join("theme");
    std::fs::create_dir_all(&theme).unwrap();
    std::fs::write(
        theme.join("related_item.html"),
        "<li class=\"mine\">{{ item.code }} ({{ item.why }}) {{ t.related }}</li>\n",
    )
    .unwrap();
    let mut plan = errdocs::build::BuildPlan::new(
        crate::support::manifest_dir().join("input"),
        dir.path().join("site"),
    )
    .unwrap();
    plan.templates = Some(theme);
    errdocs::build::build(&plan, &()).unwrap();
    let ours = related_entries(&dir.path().join("site"), "zh");
    let shipped = related_entries(&seed_site().site(), "zh");
    assert_eq!(ours.len(), shipped.len());
    for ((_, ours), (_, shipped)) in ours.iter().zip(&shipped) {
        assert_eq!(ours.len(), shipped.len());
        assert!(
            ours.iter()
                .all(|e| e.starts_with("<li class=\"mine\">") && e.ends_with("相关错误码</li>")),
            "{ours:?}"
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

/// UI strings of one language that must never appear on the other's pages:
/// every value of `templates/strings.toml` with a letter of the wrong script.
fn ui_strings(lang: &str) -> Vec<String> {
    let text =
        std::fs::read_to_string(crate::support::manifest_dir().join("templates/strings.toml"))
            .unwrap();
    let table: toml::Table = toml::from_str(&text).unwrap();
    table[lang]
        .as_table()
        .unwrap()
        .values()
        .map(|v| {
            v.as_str()
                .unwrap()
                .split('{')
                .next()
                .unwrap()
                .trim()
                .to_owned()
        })
        .filter(|s| s.chars().count() >= 6)
        .collect()
}

#[test]
fn no_ui_string_leaks_into_the_other_language() {
    let site = seed_site().site();
    // Names of languages are meant to appear on the switch to them.
    let allowed = ["English", "中文"];
    for (lang, other) in [("en", "zh"), ("zh", "en")] {
        let foreign: Vec<String> = ui_strings(other)
            .into_iter()
            .filter(|s| !allowed.contains(&s.as_str()))
            .collect();
        for entry in walkdir::WalkDir::new(site.join(lang)) {
            let entry = entry.unwrap();
            // The report quotes errdocs' own diagnostics, which are English
            // only, marked `lang="en"`; everything around them is localised.
            if entry.path().extension().is_none_or(|e| e != "html")
                || entry.path().ends_with("report.html")
            {
                continue;
            }
            let page = visible_text(&Html::parse_document(
                &std::fs::read_to_string(entry.path()).unwrap(),
            ));
            for string in &foreign {
                assert!(
                    !page.contains(string.as_str()),
                    "{} shows `{string}`",
                    entry.path().display()
                );
            }
        }
    }
}

/// What a reader sees or hears of a page: its text outside scripts and
/// styles, and the labels, placeholders and titles of its elements.
fn visible_text(html: &Html) -> String {
    let mut out = String::new();
    for node in html.root_element().descendants() {
        if let Some(text) = node.value().as_text() {
            let hidden = node
                .ancestors()
                .filter_map(scraper::ElementRef::wrap)
                .any(|a| matches!(a.value().name(), "script" | "style"));
            if !hidden {
                out.push_str(text);
                out.push('\n');
            }
        } else if let Some(element) = node.value().as_element() {
            for name in ["aria-label", "placeholder", "title", "alt"] {
                if let Some(value) = element.attr(name) {
                    out.push_str(value);
                    out.push('\n');
                }
            }
        }
    }
    out
}

#[test]
fn chinese_pages_have_no_english_chrome() {
    // Outside vendor data (marked with its own `lang`) and code, the chrome
    // of a Chinese page holds no run of three English words.
    let html = page("zh/polaris/400141.html");
    let english = english_runs(&html);
    assert!(english.is_empty(), "{english:?}");
}

/// Runs of three or more English words in text nodes whose nearest `lang`
/// is zh-CN, outside `code`, scripts and styles.
fn english_runs(html: &Html) -> Vec<String> {
    let mut found = Vec::new();
    for node in html.root_element().descendants() {
        let Some(text) = node.value().as_text() else {
            continue;
        };
        let ancestors: Vec<_> = node
            .ancestors()
            .filter_map(scraper::ElementRef::wrap)
            .collect();
        let in_code = ancestors
            .iter()
            .any(|a| matches!(a.value().name(), "code" | "script" | "style"));
        let lang = ancestors.iter().find_map(|a| a.value().attr("lang"));
        if in_code || lang != Some("zh-CN") {
            continue;
        }
        let mut run = 0;
        for word in text.split_whitespace() {
            let english =
                word.len() > 1 && word.chars().all(|c| c.is_ascii_alphabetic() || c == '\'');
            run = if english { run + 1 } else { 0 };
            if run == 3 {
                found.push(text.to_string());
                break;
            }
        }
    }
    found
}

/// What search engines and link previews show of a page: its title, meta
/// description and Open Graph texts.
fn metadata(html: &Html) -> Vec<String> {
    let mut texts: Vec<String> = html
        .select(&Selector::parse("title").unwrap())
        .map(|t| t.text().collect())
        .collect();
    let meta = Selector::parse(
        "meta[name=description], meta[property='og:title'], meta[property='og:description']",
    )
    .unwrap();
    texts.extend(
        html.select(&meta)
            .map(|m| m.value().attr("content").unwrap().to_owned()),
    );
    texts
}

#[test]
fn every_pages_metadata_is_in_its_own_language() {
    let site = seed_site().site();
    let mut checked = 0;
    for (lang, other_only) in [("en", "documented in Chinese only"), ("zh", "仅有英文说明")] {
        for entry in walkdir::WalkDir::new(site.join(lang)) {
            let entry = entry.unwrap();
            if entry.path().extension().is_none_or(|e| e != "html") {
                continue;
            }
            let html = Html::parse_document(&std::fs::read_to_string(entry.path()).unwrap());
            for text in metadata(&html) {
                let han = text.chars().any(errdocs::model::is_han);
                match lang {
                    "en" => assert!(!han, "{}: Chinese in {text:?}", entry.path().display()),
                    // A code page's description quotes the vendor's text
                    // (or the translation) after the colon: it is Chinese,
                    // or the description says there is none.
                    _ => {
                        let quoted = match text.split_once('：') {
                            Some((_, t)) if !t.is_empty() => t,
                            _ => text.as_str(),
                        };
                        assert!(
                            errdocs::model::Lang::detect(quoted) == errdocs::model::Lang::Zh
                                || text.ends_with(other_only),
                            "{}: not Chinese: {text:?}",
                            entry.path().display()
                        );
                    }
                }
                checked += 1;
            }
        }
    }
    assert!(checked > 5000, "{checked} texts checked");
}

#[test]
fn a_text_the_team_wrote_from_a_name_says_so() {
    // API Switch gives no text for 10608; its English is the team's,
    // written from the constant name, and there is no Chinese to point to.
    let site = seed_site().site();
    for (lang, says) in [
        ("en", "from the code's name VOLUME_NOT_FOUND"),
        ("zh", "根据错误码名称 VOLUME_NOT_FOUND"),
    ] {
        let page =
            std::fs::read_to_string(site.join(format!("{lang}/api-switch/10608.html"))).unwrap();
        let text = visible_text(&Html::parse_document(&page));
        assert!(text.contains(says), "{lang}: {text}");
        assert!(
            !text.contains("text below") && !text.contains("下方厂商"),
            "{lang}: {text}"
        );
    }
}

#[test]
fn a_column_no_code_fills_is_left_out_of_the_table() {
    let headers = |html: &Html| -> Vec<String> {
        select(html, "table.codes thead th")
            .iter()
            .map(|th| th.text().collect())
            .collect()
    };
    // Huawei CSE gives no symbolic names; Polaris names its codes.
    let cse = page("en/huawei-cse/index.html");
    let columns = headers(&cse);
    assert_eq!(columns, ["Code", "HTTP status", "Category", "Meaning"]);
    for row in select(&cse, "table.codes tbody tr") {
        assert_eq!(row.child_elements().count(), columns.len());
    }
    let polaris = headers(&page("en/polaris/index.html"));
    assert!(polaris.iter().any(|h| h == "Name"), "{polaris:?}");
}

#[test]
fn the_stored_theme_is_set_before_the_stylesheet_and_the_button_is_labelled() {
    for (path, system) in [
        ("en/polaris/400141.html", "Theme: system"),
        ("zh/polaris/index.html", "主题：跟随系统"),
    ] {
        let text = std::fs::read_to_string(seed_site().site().join(path)).unwrap();
        // No paint in the wrong theme: the script runs before the
        // stylesheet is even requested.
        let script = text
            .find("localStorage.getItem(\"errdocs-theme\")")
            .unwrap();
        assert!(script < text.find("style.css").unwrap(), "{path}");
        let html = Html::parse_document(&text);
        let button = &select(&html, "header.site button.theme-toggle[hidden]")[0];
        assert_eq!(button.text().collect::<String>(), system);
        for theme in ["system", "light", "dark"] {
            assert!(!attr(button, &format!("data-{theme}")).is_empty(), "{path}");
        }
    }
}

#[test]
fn each_copy_button_names_what_it_copies() {
    let html = page("en/polaris/400141.html");
    let buttons = select(&html, "button.copy[hidden]");
    assert_eq!(buttons.len(), 2);
    assert_eq!(attr(&buttons[0], "data-copy"), "400141");
    let target = attr(&buttons[1], "data-copy-target");
    let name = &select(&html, &format!("code#{target}"))[0];
    assert_eq!(name.text().collect::<String>(), "HeartbeatOnDisabledIns");
    for button in &buttons {
        assert!(!attr(button, "data-copied").is_empty());
        assert!(!attr(button, "data-done").is_empty());
    }
}

#[test]
fn each_code_table_has_a_filter_box_for_the_script_to_show() {
    for (path, label) in [
        ("en/polaris/index.html", "Filter this table"),
        ("zh/huawei-cse/index.html", "筛选本表"),
        ("en/status/400.html", "Filter this table"),
    ] {
        let html = page(path);
        let tables = select(&html, "div.table-wrap > table.codes");
        let filters = select(
            &html,
            "div.table-filter[hidden] > label > input[type=search]",
        );
        assert_eq!(filters.len(), tables.len(), "{path}");
        let tools = &select(&html, "div.table-filter")[0];
        assert!(tools.text().collect::<String>().contains(label), "{path}");
        let count = &select(&html, "div.table-filter .filter-count[role=status]")[0];
        assert!(attr(count, "data-shown").contains("{shown}"), "{path}");
    }
}
