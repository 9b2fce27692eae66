//! Finding codes: the search index and the search box on every page, and
//! what the site tells search engines and browsers — `robots.txt`, the
//! sitemap, canonical and hreflang links, OpenSearch — with and without a
//! base URL.
//!
//! The search script itself is run under node, over the seed site's real
//! index, when node is installed; `.ci/run` sets `ERRDOCS_REQUIRE_TOOLS=1`
//! so that CI fails rather than skips without it (or without python3, which
//! checks the XML).

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

use errdocs::build::{self, BuildPlan};
use scraper::{Html, Selector};
use serde_json::{Value, json};

use crate::support::{Built, build_site, manifest_dir, seed_site, tool};

const BASE_URL: &str = "https://errors.example.com/docs/";

/// The seed site built for `BASE_URL`.
fn published_site() -> &'static Built {
    static SITE: OnceLock<Built> = OnceLock::new();
    SITE.get_or_init(|| {
        let dir = tempfile::tempdir().expect("tempdir");
        let plan = BuildPlan::new(manifest_dir().join("input"), dir.path().join("site"))
            .expect("plan")
            .with_base_url(Some(BASE_URL.parse().expect("base URL")));
        let report = build::build(&plan, &()).expect("build");
        Built { dir, report }
    })
}

fn read(site: &Path, path: &str) -> String {
    let file = site.join(path);
    std::fs::read_to_string(&file).unwrap_or_else(|e| panic!("{}: {e}", file.display()))
}

fn select<'a>(html: &'a Html, css: &str) -> Vec<scraper::ElementRef<'a>> {
    html.select(&Selector::parse(css).unwrap()).collect()
}

fn attr<'a>(element: &scraper::ElementRef<'a>, name: &str) -> &'a str {
    element.value().attr(name).unwrap_or_default()
}

fn html_pages(site: &Path) -> Vec<PathBuf> {
    walkdir::WalkDir::new(site)
        .into_iter()
        .map(Result::unwrap)
        .filter(|e| e.path().extension().is_some_and(|x| x == "html"))
        .map(|e| e.path().to_owned())
        .collect()
}

/// `search/index.js` without its `errdocsIndex(…);` wrapper.
fn index_json(site: &Path) -> (usize, Value) {
    let script = read(site, "search/index.js");
    let json = script
        .strip_prefix("errdocsIndex(")
        .and_then(|s| s.strip_suffix(");\n"))
        .expect("index wrapped in errdocsIndex(…);");
    (
        script.len(),
        serde_json::from_str(json).expect("index is JSON"),
    )
}

fn run(mut command: Command) -> String {
    let output = command.output().expect("run");
    assert!(
        output.status.success(),
        "{command:?} failed:\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap()
}

#[test]
fn search_index_has_one_compact_entry_per_code() {
    let built = seed_site();
    let (bytes, index) = index_json(&built.site());
    let vendors = index["vendors"].as_array().unwrap();
    assert_eq!(
        vendors[0],
        json!(["api-switch", "API Switch", "API Switch"])
    );
    assert_eq!(index["categories"].as_array().unwrap().len(), 17);
    let codes = index["codes"].as_array().unwrap();
    assert_eq!(codes.len(), built.report.codes, "one entry per code");

    let mut text_bytes = 0;
    for entry in codes {
        let entry = entry.as_array().unwrap();
        // vendor, code, name, en, zh, category: the URL segment only when it
        // is not the code itself, which no seed code needs.
        assert_eq!(entry.len(), 6, "{entry:?}");
        assert!((entry[0].as_u64().unwrap() as usize) < vendors.len());
        assert!(entry[5].as_u64().unwrap() < 17);
        text_bytes += entry[1..5]
            .iter()
            .map(|s| s.as_str().unwrap().len())
            .sum::<usize>();
    }
    let api_switch_10307 = codes.iter().find(|e| e[1] == "10307").unwrap();
    assert_eq!(
        api_switch_10307.as_array().unwrap()[..5],
        json!([
            0,
            "10307",
            "VOL_SET_STATUS_ERROR",
            "Failed to change the volume status",
            "修改云盘状态失败"
        ])
        .as_array()
        .unwrap()[..]
    );

    let per_code = bytes as f64 / codes.len() as f64;
    let overhead = (bytes - text_bytes) as f64 / codes.len() as f64;
    eprintln!(
        "search index: {bytes} bytes for {} codes, {per_code:.1} bytes per code \
         ({overhead:.1} beyond the codes' own strings)",
        codes.len()
    );
    // The texts are the index; what the format adds must stay small.
    assert!(overhead < 24.0, "{overhead:.1} bytes of overhead per code");
    assert!(per_code < 150.0, "{per_code:.1} bytes per code");
}

#[test]
fn segments_are_indexed_only_for_codes_that_are_not_file_names() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("input/acme");
    std::fs::create_dir_all(&input).unwrap();
    std::fs::write(
        input.join("vendor.toml"),
        "name = { en = \"Acme\", zh = \"Acme\" }\n\
         [[sources]]\nfile = \"codes.md\"\nlang = \"en\"\n",
    )
    .unwrap();
    std::fs::write(
        input.join("codes.md"),
        "| Code | Message |\n|---|---|\n| E1 | plain code |\n| A/B | slashed code |\n",
    )
    .unwrap();
    let built = crate::support::build_site(&dir.path().join("input"));
    let (_, index) = index_json(&built.site());
    let codes = index["codes"].as_array().unwrap();
    let by_code = |code: &str| codes.iter().find(|e| e[1] == code).unwrap().clone();
    assert_eq!(by_code("E1").as_array().unwrap().len(), 6);
    assert_eq!(by_code("A/B")[6], "A~2FB");
    assert!(built.site().join("en/acme/A~2FB.html").is_file());
}

/// The first hits of `search.js` for each query, over the seed index, as
/// `vendor/code` with the hit's Chinese text, and how many codes match.
fn search(queries: &[&str]) -> Option<Value> {
    search_in(&seed_site().site(), queries)
}

/// The same over the index of the site at `site`, whole or in shards.
fn search_in(site: &Path, queries: &[&str]) -> Option<Value> {
    let mut found = search_sharded(site, queries)?;
    for result in found
        .as_object_mut()
        .expect("results by query")
        .values_mut()
    {
        let result = result.as_object_mut().expect("a result");
        result.remove("shards");
        result.remove("bytes");
    }
    Some(found)
}

fn first(results: &Value, query: &str) -> String {
    results[query]["hits"][0]["id"]
        .as_str()
        .unwrap_or_else(|| panic!("nothing found for {query}"))
        .to_owned()
}

#[test]
fn search_puts_the_right_code_first() {
    let queries = [
        "10307",
        "配额",
        "InvalidUserToken",
        "invaliduser",
        "VOL_NAME_CONFLICT",
        "vol name conflict",
        "quota",
        "4001",
        "SVCSTG.CSE.4001000",
        "4001000",
    ];
    let Some(results) = search(&queries) else {
        return;
    };
    assert_eq!(first(&results, "10307"), "api-switch/10307");
    assert_eq!(first(&results, "InvalidUserToken"), "polaris/400102");
    assert_eq!(first(&results, "invaliduser"), "polaris/400101");
    assert_eq!(first(&results, "VOL_NAME_CONFLICT"), "api-switch/10310");
    assert_eq!(first(&results, "vol name conflict"), "api-switch/10310");
    assert_eq!(
        first(&results, "SVCSTG.CSE.4001000"),
        "huawei-cse/SVCSTG.CSE.4001000"
    );
    assert_eq!(first(&results, "4001000"), "huawei-cse/SVCSTG.CSE.4001000");

    // A Chinese word is a substring, no segmentation: every quota error
    // written in Chinese, the shortest text (配额不足) first.
    let quota_zh = &results["配额"];
    assert_eq!(first(&results, "配额"), "huawei-cse/400100");
    assert!(quota_zh["total"].as_u64().unwrap() >= 4, "{quota_zh}");
    for hit in quota_zh["hits"].as_array().unwrap() {
        assert!(hit["zh"].as_str().unwrap().contains("配额"), "{hit}");
    }

    // An English word: every hit is about quotas, by name or by text.
    let quota = &results["quota"];
    assert!(quota["total"].as_u64().unwrap() >= 20, "{quota}");
    for hit in quota["hits"].as_array().unwrap() {
        let all = format!("{} {} {}", hit["name"], hit["en"], hit["zh"]).to_lowercase();
        assert!(all.contains("quota"), "{hit}");
    }

    // A prefix: codes starting with it, shortest first.
    let prefix = &results["4001"]["hits"];
    assert_eq!(prefix[0]["id"], "huawei-cse/400100");
    for hit in prefix.as_array().unwrap() {
        let code = hit["id"].as_str().unwrap().split('/').nth(1).unwrap();
        assert!(code.starts_with("4001"), "{hit}");
    }
}

#[test]
fn solutions_descriptions_and_groups_are_searched_too() {
    let case = manifest_dir().join("tests/cases/solutions-groups-statuses/input");
    let built = build_site(&case);
    let queries = ["another zone", "其他可用区", "认证模块", "lifetime"];
    let Some(results) = search_in(&built.site(), &queries) else {
        return;
    };
    // Words found only in a solution, a description or a heading.
    assert_eq!(
        first(&results, "another zone"),
        "acme/ResourceInsufficient.Zone"
    );
    assert_eq!(
        first(&results, "其他可用区"),
        "acme/ResourceInsufficient.Zone"
    );
    assert_eq!(results["认证模块"]["total"], 2);
    assert_eq!(first(&results, "lifetime"), "acme/AuthFailure.TokenExpired");
}

#[test]
fn a_pasted_log_line_finds_the_codes_it_holds() {
    let lines = [
        r#"{"Code": 10307, "Message": "修改云盘状态失败"}"#,
        r#"{"Code":10307}"#,
        r#"HTTP 400 {errCode:"400001", errMsg:"Invalid parameter(s)"}"#,
        "2024-05-01T10:00:00Z ERROR upload failed: SVCSTG.CSE.4001000.",
        "level=error error_code=400102 msg=\"token rejected\" took=10307ms",
    ];
    let Some(results) = search(&lines) else {
        return;
    };
    assert_eq!(first(&results, lines[0]), "api-switch/10307");
    assert_eq!(first(&results, lines[1]), "api-switch/10307");
    // Both vendors that use 400001, before anything else in the line.
    let ids: Vec<&str> = results[lines[2]]["hits"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids[..2], ["huawei-cse/400001", "polaris/400001"]);
    assert_eq!(first(&results, lines[3]), "huawei-cse/SVCSTG.CSE.4001000");
    // The value of the code key outranks a number that merely looks like one.
    assert_eq!(first(&results, lines[4]), "polaris/400102");
}

#[test]
fn code_like_tokens_are_extracted_from_log_lines() {
    let Some(mut node) = tool("node") else {
        return;
    };
    let script = seed_site().site().join("search.js");
    node.arg("-e")
        .arg(
            "const s = require(process.argv[1]);\
             console.log(JSON.stringify(JSON.parse(process.argv[2]).map(s.extractCodes)));",
        )
        .arg(script)
        .arg(
            json!([
                r#"{"Code": 10307, "Message": "x"}"#,
                r#"errCode:"400001", errMsg:"Invalid parameter(s)""#,
                "error_code=4030148; ErrorCode: 'SVCSTG.CSE.4001000'",
                "failed with SVCSTG.CSE.4001000.",
            ])
            .to_string(),
        );
    let extracted: Value = serde_json::from_str(&run(node)).unwrap();
    assert_eq!(extracted[0]["keyed"], json!(["10307"]));
    assert_eq!(extracted[1]["keyed"], json!(["400001"]));
    assert_eq!(
        extracted[2]["keyed"],
        json!(["4030148", "SVCSTG.CSE.4001000"])
    );
    assert_eq!(
        extracted[3]["tokens"],
        json!(["failed", "with", "SVCSTG.CSE.4001000"])
    );
}

#[test]
fn every_page_has_the_search_box() {
    let site = seed_site().site();
    let pages = html_pages(&site);
    assert!(pages.len() > 1_000);
    let mut redirects = 0;
    for page in pages {
        let html = Html::parse_document(&std::fs::read_to_string(&page).unwrap());
        // A permalink that only leads on is a bare redirect, as a static
        // host's would be; the reader never stays on it.
        if !select(&html, "meta[http-equiv=refresh]").is_empty() {
            redirects += 1;
            continue;
        }
        let input = select(&html, "form.search[role=search] input#search-input");
        assert_eq!(input.len(), 1, "{}", page.display());
        let input = &input[0];
        assert_eq!(attr(input, "role"), "combobox", "{}", page.display());
        assert_eq!(attr(input, "aria-controls"), "search-results");
        assert_eq!(attr(input, "aria-expanded"), "false");
        assert_eq!(attr(input, "name"), "q");
        assert_eq!(select(&html, "#search-results[role=listbox]").len(), 1);
        let form = &select(&html, "form.search")[0];
        let root = attr(form, "data-root");
        assert!(attr(form, "action").starts_with(root));
        assert!(attr(form, "action").ends_with("/search.html"));
        let script = select(&html, "script[src][defer]");
        assert_eq!(attr(&script[0], "src"), format!("{root}search.js"));
    }
    // Each language has one per code only one vendor uses (most of them).
    assert!(
        redirects > 600 && redirects % 2 == 0,
        "{redirects} redirects"
    );
}

#[test]
fn search_pages_run_the_query_and_are_not_indexed() {
    let site = seed_site().site();
    for lang in ["en", "zh"] {
        let html = Html::parse_document(&read(&site, &format!("{lang}/search.html")));
        assert_eq!(select(&html, "#search-page #search-page-results").len(), 1);
        assert_eq!(
            attr(&select(&html, "meta[name=robots]")[0], "content"),
            "noindex"
        );
        assert_eq!(
            attr(&select(&html, "form.search")[0], "action"),
            format!("../{lang}/search.html")
        );
    }
}

#[test]
fn the_404_page_is_bilingual_and_offers_search() {
    let html = Html::parse_document(&read(&seed_site().site(), "404.html"));
    let title = select(&html, "title")[0].text().collect::<String>();
    assert_eq!(title, "Page not found · 页面不存在 · Error code reference");
    let forms: Vec<&str> = select(&html, "main form")
        .iter()
        .map(|f| attr(f, "action"))
        .collect();
    assert_eq!(forms, ["en/search.html", "zh/search.html"]);
    assert_eq!(select(&html, "section[lang=zh-CN]").len(), 1);
    assert_eq!(select(&html, "#search-page[data-from-path]").len(), 1);

    // Served at any depth, its links must not depend on where it is.
    let published = Html::parse_document(&read(&published_site().site(), "404.html"));
    for link in select(&published, "[href], [src], form[action]") {
        let url = attr(&link, "href").to_owned() + attr(&link, "src") + attr(&link, "action");
        assert!(
            url.starts_with(BASE_URL) || url.starts_with('#'),
            "relative {url} in 404.html"
        );
    }
}

#[test]
fn without_a_base_url_nothing_is_absolute() {
    let site = seed_site().site();
    assert!(!site.join("sitemap.xml").exists());
    assert!(!site.join("en/opensearch.xml").exists());
    assert_eq!(read(&site, "robots.txt"), "User-agent: *\nAllow: /\n");
    for page in html_pages(&site) {
        let html = Html::parse_document(&std::fs::read_to_string(&page).unwrap());
        for css in [
            "link[rel=canonical]",
            "link[rel=alternate][hreflang]",
            "link[rel=search]",
        ] {
            assert!(select(&html, css).is_empty(), "{css} in {}", page.display());
        }
    }
}

#[test]
fn with_a_base_url_pages_name_their_canonical_and_other_language() {
    let site = published_site().site();
    let html = Html::parse_document(&read(&site, "en/polaris/400141.html"));
    assert_eq!(
        attr(&select(&html, "link[rel=canonical]")[0], "href"),
        "https://errors.example.com/docs/en/polaris/400141.html"
    );
    let alternates: Vec<(&str, &str)> = select(&html, "link[rel=alternate][hreflang]")
        .iter()
        .map(|l| (attr(l, "hreflang"), attr(l, "href")))
        .collect();
    assert_eq!(
        alternates,
        [
            (
                "en",
                "https://errors.example.com/docs/en/polaris/400141.html"
            ),
            (
                "zh-CN",
                "https://errors.example.com/docs/zh/polaris/400141.html"
            ),
            (
                "x-default",
                "https://errors.example.com/docs/en/polaris/400141.html"
            ),
        ]
    );
    let search = &select(&html, "link[rel=search]")[0];
    assert_eq!(
        attr(search, "type"),
        "application/opensearchdescription+xml"
    );
    assert_eq!(attr(search, "href"), "../../en/opensearch.xml");

    // A permalink that only leads on credits the page it leads to.
    let permalink = Html::parse_document(&read(&site, "zh/codes/10307.html"));
    assert_eq!(
        attr(&select(&permalink, "link[rel=canonical]")[0], "href"),
        "https://errors.example.com/docs/zh/api-switch/10307.html"
    );
    // Every other link stays relative.
    assert!(attr(&select(&html, "link[rel=stylesheet]")[0], "href").starts_with("../../"));
}

/// Checks that `file` is well-formed XML with python3's expat.
fn assert_well_formed_xml(file: &Path) {
    if let Some(mut python) = tool("python3") {
        python
            .args([
                "-c",
                "import sys, xml.dom.minidom; xml.dom.minidom.parse(sys.argv[1])",
            ])
            .arg(file);
        run(python);
    }
}

#[test]
fn the_sitemap_lists_every_page_with_its_hreflang_pair() {
    let built = published_site();
    let site = built.site();
    assert_well_formed_xml(&site.join("sitemap.xml"));
    let xml = read(&site, "sitemap.xml");
    assert!(xml.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset "));
    assert!(xml.contains("xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\""));
    assert!(xml.contains("xmlns:xhtml=\"http://www.w3.org/1999/xhtml\""));

    let urls: Vec<&str> = xml.split("<url>").skip(1).collect();
    let mut listed = std::collections::HashSet::new();
    for url in &urls {
        let loc = between(url, "<loc>", "</loc>");
        let path = loc.strip_prefix(BASE_URL).expect("absolute loc");
        assert!(site.join(path).is_file(), "{loc} is not a file");
        assert!(listed.insert(path), "{loc} listed twice");
        let alternates: Vec<(&str, &str)> = url
            .split("<xhtml:link ")
            .skip(1)
            .map(|l| (between(l, "hreflang=\"", "\""), between(l, "href=\"", "\"")))
            .collect();
        if path == "index.html" {
            assert!(alternates.is_empty());
            continue;
        }
        // Both languages, the page itself among them.
        assert_eq!(alternates.len(), 2, "{url}");
        assert_eq!(alternates[0].0, "en");
        assert_eq!(alternates[1].0, "zh-CN");
        assert!(alternates.iter().any(|(_, href)| *href == loc), "{url}");
    }
    // Every page but the search pages, the 404 page and redirecting
    // permalinks; each language of a pair lists the other.
    assert!(listed.contains("en/polaris/400141.html"));
    assert!(listed.contains("zh/polaris/400141.html"));
    assert!(
        listed.contains("en/codes/400001.html"),
        "shared by two vendors"
    );
    assert!(!listed.contains("en/codes/10307.html"), "only redirects");
    assert!(!listed.contains("en/search.html"));
    assert!(!listed.contains("404.html"));
    let code_pages = 2 * built.report.codes;
    assert!(urls.len() > code_pages && urls.len() < built.report.pages);

    assert_eq!(
        read(&site, "robots.txt"),
        "User-agent: *\nAllow: /\n\nSitemap: https://errors.example.com/docs/sitemap.xml\n"
    );
}

fn between<'a>(text: &'a str, start: &str, end: &str) -> &'a str {
    let from = text
        .find(start)
        .unwrap_or_else(|| panic!("no {start} in {text}"))
        + start.len();
    let to = text[from..].find(end).unwrap() + from;
    &text[from..to]
}

#[test]
fn opensearch_descriptions_search_each_language() {
    let site = published_site().site();
    for (lang, name) in [("en", "Error codes"), ("zh", "错误码")] {
        let file = site.join(format!("{lang}/opensearch.xml"));
        assert_well_formed_xml(&file);
        let xml = std::fs::read_to_string(&file).unwrap();
        assert!(xml.contains("xmlns=\"http://a9.com/-/spec/opensearch/1.1/\""));
        assert!(xml.contains(&format!("<ShortName>{name}</ShortName>")));
        assert!(xml.contains(&format!(
            "template=\"https://errors.example.com/docs/{lang}/search.html?q={{searchTerms}}\""
        )));
    }
}

#[test]
fn retired_codes_are_found_only_when_asked_for() {
    let Some(mut node) = tool("node") else {
        return;
    };
    let script = seed_site().site().join("search.js");
    // One current code and one retired one (the trailing flag).
    let data = json!({
        "vendors": [["acme", "Acme", "Acme"]],
        "categories": ["UNKNOWN"],
        "codes": [
            [0, "100", "NotFound", "not found", "", 0],
            [0, "101", "NotFoundAnymore", "not found either", "", 0, "", "", 1],
        ],
    });
    node.arg("-e")
        .arg(
            "const s = require(process.argv[1]);\
             const i = new s.Index(JSON.parse(process.argv[2]));\
             const ids = (r) => r.hits.map((h) => i.codes[h][1]);\
             console.log(JSON.stringify([ids(i.search('not found', 5)),\
               ids(i.search('not found', 5, true)), i.hit(1, 'en', '').removed,\
               i.codesIn('code 101')]));",
        )
        .arg(script)
        .arg(data.to_string());
    let out: Value = serde_json::from_str(&run(node)).unwrap();
    assert_eq!(out, json!([["100"], ["100", "101"], true, []]));
}

/// The seed site with its search index cut into shards of 2,000 bytes, as
/// a site of 10⁵ codes is cut into shards of 32 KiB.
fn sharded_site() -> &'static Built {
    static SITE: OnceLock<Built> = OnceLock::new();
    SITE.get_or_init(|| {
        let dir = tempfile::tempdir().expect("tempdir");
        let config = dir.path().join("errdocs.toml");
        std::fs::write(&config, "[search]\nshard_bytes = 2000\n").unwrap();
        let plan = BuildPlan::new(manifest_dir().join("input"), dir.path().join("site"))
            .expect("plan")
            .with_config(Some(config));
        let report = build::build(&plan, &()).expect("build");
        Built { dir, report }
    })
}

/// For each query, the shards `search.js` asks for (loaded as the page
/// loads them), their bytes, and its first hits over what they hold.
fn search_sharded(site: &Path, queries: &[&str]) -> Option<Value> {
    let mut node = tool("node")?;
    let harness = r#"
        const [script, site, queries] = process.argv.slice(1);
        const search = require(script);
        const fs = require('fs');
        const out = {};
        for (const q of JSON.parse(queries)) {
          let index;
          global.errdocsIndex = (d) => { index = new search.Index(d); };
          global.errdocsShard = (name, d) => index.addShard(name, d);
          const manifest = site + '/search/index.js';
          let bytes = fs.statSync(manifest).size;
          eval(fs.readFileSync(manifest, 'utf8'));
          const names = index.needs(q);
          for (const name of names) {
            const file = site + '/search/' + name[0] + '-' + name.slice(1) + '.js';
            bytes += fs.statSync(file).size;
            eval(fs.readFileSync(file, 'utf8'));
          }
          const r = index.search(q, 5);
          out[q] = { shards: names, bytes, total: r.total, hits: r.hits.map((i) => {
            const e = index.codes[i];
            return { id: index.vendors[e[0]][0] + '/' + e[1], name: e[2], en: e[3], zh: e[4] };
          }) };
        }
        console.log(JSON.stringify(out));
    "#;
    node.arg("-e")
        .arg(harness)
        .arg(site.join("search.js"))
        .arg(site)
        .arg(serde_json::to_string(queries).unwrap());
    Some(serde_json::from_str(&run(node)).expect("harness output"))
}

#[test]
fn a_sharded_index_finds_what_the_whole_index_finds_from_the_shards_it_routes_to() {
    let site = sharded_site().site();
    let shards = std::fs::read_dir(site.join("search")).unwrap().count();
    assert!(shards > 20, "{shards} files in search/");
    let manifest = read(&site, "search/index.js");
    assert!(
        manifest.len() < 12_000,
        "{} bytes of manifest",
        manifest.len()
    );
    let queries = [
        "10307",
        "配额",
        "InvalidUserToken",
        "VOL_NAME_CONFLICT",
        "vol name conflict",
        "quota",
        "4001",
        "SVCSTG.CSE.4001000",
        "4001000",
        r#"{"Code":10307}"#,
    ];
    let (Some(sharded), Some(whole)) = (search_sharded(&site, &queries), search(&queries)) else {
        return;
    };
    for query in queries {
        let bytes = sharded[query]["bytes"].as_u64().unwrap();
        eprintln!("{query}: {} ({bytes} bytes)", sharded[query]["shards"]);
        assert_eq!(first(&sharded, query), first(&whole, query), "{query}");
        // The manifest and a few shards, never the whole index: a shard
        // per word and per code-like token at most, each of 2,000 bytes or one
        // term's rows, whichever is more.
        let shards = sharded[query]["shards"].as_array().unwrap().len();
        assert!(shards <= 8, "{query}: {shards} shards");
        assert!(
            bytes < (manifest.len() + shards * 3_200) as u64,
            "{query}: {bytes} bytes"
        );
    }
    // The term shards count a word's codes beyond the rows they carry.
    assert!(sharded["quota"]["total"].as_u64().unwrap() >= 20);
}

#[test]
fn a_sharded_site_is_explained_from_its_shards() {
    let site = sharded_site().site();
    let lookup = errdocs::explain::Lookup::load(&errdocs::explain::Source::Site(site)).unwrap();
    let found = lookup.find("SVCSTG.CSE.4001000", None).unwrap();
    assert_eq!(found[0].code, "SVCSTG.CSE.4001000");
    assert_eq!(lookup.find("10307", None).unwrap()[0].vendor, "api-switch");
}
