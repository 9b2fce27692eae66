//! Where each page lives: file names for codes that any input may contain,
//! relative links between pages, and the absolute URLs that sitemaps,
//! canonical links and OpenSearch need.

use std::collections::HashSet;
use std::fmt::{self, Write};
use std::str::FromStr;
use std::sync::LazyLock;

use ahash::AHashMap;
use twox_hash::XxHash3_64;

use crate::model::{Category, Code, HttpStatus, Lang, VendorId};

/// What a code's file name depends on beyond the code itself: the codes of
/// the catalog that differ from another only in ASCII case (`abc`, `ABC`),
/// which would be one file on a file system that ignores case (macOS,
/// Windows, and hosts synced from them).
#[derive(Debug, Default)]
pub(crate) struct Names {
    case_twins: HashSet<String>,
}

impl Names {
    pub(crate) fn new<'a>(codes: impl IntoIterator<Item = &'a Code>) -> Names {
        let mut first: AHashMap<String, &str> = AHashMap::new();
        let mut case_twins = HashSet::new();
        for code in codes {
            let code = code.as_str();
            if !code.bytes().any(|b| b.is_ascii_alphabetic()) {
                // Nothing to fold: no twin (most codes are numbers).
                continue;
            }
            let folded = code.to_ascii_lowercase();
            match first.get(&folded) {
                Some(&other) if other != code => {
                    case_twins.insert(other.to_owned());
                    case_twins.insert(code.to_owned());
                }
                Some(_) => {}
                None => _ = first.insert(folded, code),
            }
        }
        Names { case_twins }
    }
}

/// Longest file-name segment kept whole; file systems allow 255 bytes, and
/// `.html` and a hash must fit beside it.
const MAX_SEGMENT: usize = 200;

/// Names Windows reserves for devices, with any extension (`CON.1.html` is
/// the console too).
const WINDOWS_DEVICES: [&str; 24] = [
    "con", "prn", "aux", "nul", "com0", "com1", "com2", "com3", "com4", "com5", "com6", "com7",
    "com8", "com9", "lpt0", "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9",
];

/// A code as one safe file-name segment, also usable verbatim in a URL.
///
/// ASCII letters, digits, `-`, `_` and inner `.` stay as they are; every
/// other byte becomes `~XX` (`~` is unreserved in URLs and never kept
/// literally, so the mapping is one-to-one). The first byte is escaped too
/// where the name would be another page's (`index` is the vendor's page,
/// `index-2` the second page of its list) or a Windows device (`CON`,
/// `nul.1`); so are the capitals of a code that
/// differs from another only in case (`ABC` → `~41~42~43`, beside `abc`).
/// A segment longer than [`MAX_SEGMENT`] bytes is cut and ends in `~~` and
/// a hash of the whole code, which no escaped code ends in.
pub(crate) fn code_segment(code: &Code, names: &Names) -> String {
    let raw = code.as_str();
    let stem = raw.split('.').next().unwrap_or_default();
    // (Device names are three or four letters long; most catalogs have no
    // case twins: both checks are cheap for the common code.)
    let escape_first = is_listing(raw)
        || (matches!(stem.len(), 3 | 4)
            && WINDOWS_DEVICES.iter().any(|d| stem.eq_ignore_ascii_case(d)));
    let escape_capitals = !names.case_twins.is_empty() && names.case_twins.contains(raw);
    let plain = || raw.bytes().enumerate().all(|(i, byte)| kept(i, byte));
    if !escape_first && !escape_capitals && raw.len() <= MAX_SEGMENT && plain() {
        // Most codes: nothing to escape (every page's links are made here).
        return raw.to_owned();
    }
    let mut out = String::with_capacity(raw.len());
    for (i, byte) in raw.bytes().enumerate() {
        let keep = kept(i, byte) && !(escape_capitals && byte.is_ascii_uppercase());
        if keep && !(i == 0 && escape_first) {
            out.push(char::from(byte));
        } else {
            let _ = write!(out, "~{byte:02X}");
        }
    }
    if out.len() > MAX_SEGMENT {
        shorten(&mut out, raw);
    }
    out
}

/// Whether a code's file would be one of its vendor's list pages:
/// `index`, `index-2`, … in any case.
fn is_listing(raw: &str) -> bool {
    let Some(head) = raw.get(..5) else {
        return false;
    };
    head.eq_ignore_ascii_case("index")
        && match raw[5..].strip_prefix('-') {
            None => raw.len() == 5,
            Some(n) => !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()),
        }
}

/// Whether the byte at `i` of a code stays as it is in its segment (when
/// its capitals need no escaping).
fn kept(i: usize, byte: u8) -> bool {
    byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'_') || (byte == b'.' && i > 0)
}

/// Cuts an over-long segment between two escapes or characters and appends
/// `~~` and the code's hash, so different codes keep different names.
fn shorten(segment: &mut String, raw: &str) {
    let mut cut = MAX_SEGMENT - 18;
    // Never inside a `~XX`.
    if let Some(tilde) = segment[cut - 2..cut].find('~') {
        cut = cut - 2 + tilde;
    }
    segment.truncate(cut);
    let _ = write!(segment, "~~{:016x}", XxHash3_64::oneshot(raw.as_bytes()));
}

/// Site-root-relative path of a code page: `en/polaris/400001.html`.
pub(crate) fn code_page(lang: Lang, vendor: &VendorId, code: &Code, names: &Names) -> String {
    [
        lang.tag(),
        "/",
        vendor.as_str(),
        "/",
        &code_segment(code, names),
        ".html",
    ]
    .concat()
}

/// Site-root-relative path of a vendor page: `en/polaris/index.html`.
pub(crate) fn vendor_page(lang: Lang, vendor: &VendorId) -> String {
    [lang.tag(), "/", vendor.as_str(), "/index.html"].concat()
}

/// Site-root-relative path of a language's home page: `en/index.html`.
pub(crate) fn home_page(lang: Lang) -> String {
    [lang.tag(), "/index.html"].concat()
}

/// The vendor-free permalink of a code string: `en/codes/400001.html`.
pub(crate) fn permalink(lang: Lang, code: &Code, names: &Names) -> String {
    [
        lang.tag(),
        "/",
        CODES,
        "/",
        &code_segment(code, names),
        ".html",
    ]
    .concat()
}

pub(crate) fn categories_page(lang: Lang) -> String {
    format!("{lang}/{CATEGORIES}/index.html")
}

/// `en/categories/invalid-argument.html`.
pub(crate) fn category_page(lang: Lang, category: Category) -> String {
    [
        lang.tag(),
        "/",
        CATEGORIES,
        "/",
        category_slug(category),
        ".html",
    ]
    .concat()
}

/// `invalid-argument` for `INVALID_ARGUMENT`.
fn category_slug(category: Category) -> &'static str {
    static SLUGS: LazyLock<[String; 17]> =
        LazyLock::new(|| Category::ALL.map(|c| c.as_str().to_ascii_lowercase().replace('_', "-")));
    let i = Category::ALL.iter().position(|&c| c == category);
    i.map_or("", |i| SLUGS[i].as_str())
}

pub(crate) fn statuses_page(lang: Lang) -> String {
    format!("{lang}/{STATUS}/index.html")
}

/// `en/status/404.html`.
pub(crate) fn status_page(lang: Lang, status: HttpStatus) -> String {
    [lang.tag(), "/", STATUS, "/", &status.to_string(), ".html"].concat()
}

/// The maintainers' report: `en/report.html`.
pub(crate) fn report_page(lang: Lang) -> String {
    format!("{lang}/report.html")
}

/// A language's search page, which runs the search in its `?q=`:
/// `en/search.html`.
pub(crate) fn search_page(lang: Lang) -> String {
    format!("{lang}/search.html")
}

/// What changed from release to release: `en/changes.html`.
pub(crate) fn changes_page(lang: Lang) -> String {
    format!("{lang}/changes.html")
}

/// A vendor's codes as Markdown, for tools and language models:
/// `en/polaris.md`, beside the vendor's folder.
pub(crate) fn vendor_markdown(lang: Lang, vendor: &VendorId) -> String {
    [lang.tag(), "/", vendor.as_str(), ".md"].concat()
}

/// A language's OpenSearch description: `en/opensearch.xml`.
pub(crate) fn opensearch(lang: Lang) -> String {
    format!("{lang}/opensearch.xml")
}

/// A code's entry of `api/codes.json` on its own: `api/polaris/400001.json`.
pub(crate) fn code_json(vendor: &VendorId, code: &Code, names: &Names) -> String {
    [
        "api/",
        vendor.as_str(),
        "/",
        &code_segment(code, names),
        ".json",
    ]
    .concat()
}

/// A vendor's codes as a spreadsheet: `api/polaris.csv`.
pub(crate) fn vendor_csv(vendor: &VendorId) -> String {
    format!("api/{vendor}.csv")
}

/// The search index, a script the search box loads on first use.
pub(crate) const SEARCH_INDEX: &str = "search/index.js";
pub(crate) const CODES_JSON: &str = "api/codes.json";
pub(crate) const API_INDEX: &str = "api/index.json";

/// One vendor's entries of `codes.json`: `api/<vendor>.json`.
pub(crate) fn vendor_json(vendor: &VendorId) -> String {
    format!("api/{vendor}.json")
}
pub(crate) const SEARCH_SCRIPT: &str = "search.js";
pub(crate) const STYLESHEET: &str = "style.css";
pub(crate) const FAVICON: &str = "favicon.svg";
pub(crate) const NOT_FOUND: &str = "404.html";
pub(crate) const ROBOTS: &str = "robots.txt";
pub(crate) const SITEMAP: &str = "sitemap.xml";
/// The Atom feed of the changes page, written only with a base URL.
pub(crate) const CHANGES_FEED: &str = "changes.atom";
/// The llmstxt.org index of the per-vendor Markdown files.
pub(crate) const LLMS_TXT: &str = "llms.txt";

/// Part `n` (from 1) of a sitemap too long for one file: `sitemap-1.xml`.
pub(crate) fn sitemap_part(n: usize) -> String {
    format!("sitemap-{n}.xml")
}

pub(crate) const CODES: &str = "codes";
pub(crate) const CATEGORIES: &str = "categories";
pub(crate) const STATUS: &str = "status";

/// Page `page` (0-based) of a list split over several files: the first
/// keeps the list's own path, the next are `…-2.html`, `…-3.html`.
pub(crate) fn paged(path: String, page: usize) -> String {
    match page {
        0 => path,
        _ => format!("{}-{}.html", path.trim_end_matches(".html"), page + 1),
    }
}

/// `path`, relative to the site root, as linked from a page at `root`
/// (see [`root_of`]). Links are made for every page by the hundred; this
/// sizes the string once, which `format!` does not.
pub(crate) fn from_root(root: &str, path: &str) -> String {
    [root, path].concat()
}

/// The shortest relative link from the page at `from` to the file at
/// `to`, both relative to the site root: `400002.html` between two codes
/// of a vendor, `../categories/internal.html` from a vendor's list.
pub(crate) fn link(from: &str, to: &str) -> String {
    let dir = from.rsplit_once('/').map_or("", |(dir, _)| dir);
    let mut rest = to;
    let mut up = 0;
    for (i, part) in dir.split('/').filter(|p| !p.is_empty()).enumerate() {
        match rest.strip_prefix(part).and_then(|r| r.strip_prefix('/')) {
            Some(r) => rest = r,
            _ => {
                up = dir.split('/').count() - i;
                break;
            }
        }
    }
    let mut out = String::with_capacity(3 * up + rest.len());
    for _ in 0..up {
        out.push_str("../");
    }
    out.push_str(rest);
    out
}

/// The prefix that leads from a page back to the site root: `../../` for
/// `en/polaris/400001.html`.
pub(crate) fn root_of(page: &str) -> String {
    "../".repeat(page.matches('/').count())
}

/// The absolute URL the site is published at, always ending in `/`:
/// `https://errors.example.com/docs/`. Only what a standard insists on is
/// made absolute with it (sitemaps, canonical and hreflang links,
/// OpenSearch); every link between pages stays relative.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct BaseUrl(String);

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum BaseUrlError {
    #[error("`{0}` is not an http:// or https:// URL")]
    Scheme(String),
    #[error("`{0}` has no host")]
    NoHost(String),
    #[error("`{0}` has a query or fragment; give the directory the site is published in")]
    Query(String),
    #[error("`{0}` contains a space, quote or angle bracket; percent-encode it")]
    Unsafe(String),
}

impl BaseUrl {
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The absolute URL of a site-root-relative path.
    pub(crate) fn join(&self, path: &str) -> String {
        format!("{}{path}", self.0)
    }
}

/// Checks what a sitemap or canonical link needs and nothing more: an
/// http(s) scheme, a host, no query or fragment, nothing that would need
/// escaping in XML or HTML. (The `url` crate would parse more, at the cost
/// of an IDNA stack for one command-line option.)
impl FromStr for BaseUrl {
    type Err = BaseUrlError;

    fn from_str(url: &str) -> Result<BaseUrl, BaseUrlError> {
        let rest = ["https://", "http://"]
            .iter()
            .find_map(|scheme| {
                url.get(..scheme.len())
                    .filter(|s| s.eq_ignore_ascii_case(scheme))
                    .map(|_| &url[scheme.len()..])
            })
            .ok_or_else(|| BaseUrlError::Scheme(url.to_owned()))?;
        if url.chars().any(|c| {
            c.is_whitespace() || c.is_control() || matches!(c, '"' | '\'' | '<' | '>' | '\\')
        }) {
            return Err(BaseUrlError::Unsafe(url.to_owned()));
        }
        if url.contains(['?', '#']) {
            return Err(BaseUrlError::Query(url.to_owned()));
        }
        let host = rest.split('/').next().unwrap_or_default();
        if host.is_empty() || host.starts_with(':') || host.ends_with('@') {
            return Err(BaseUrlError::NoHost(url.to_owned()));
        }
        let mut url = url.to_owned();
        if !url.ends_with('/') {
            url.push('/');
        }
        Ok(BaseUrl(url))
    }
}

impl fmt::Display for BaseUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn links_climb_only_out_of_the_directories_not_shared() {
        use super::link;
        assert_eq!(
            link("en/polaris/index.html", "en/polaris/400001.html"),
            "400001.html"
        );
        assert_eq!(
            link("en/polaris/index-2.html", "en/categories/internal.html"),
            "../categories/internal.html"
        );
        assert_eq!(
            link("en/status/400.html", "zh/polaris/1.html"),
            "../../zh/polaris/1.html"
        );
        assert_eq!(link("en/index.html", "en/polaris/1.html"), "polaris/1.html");
        assert_eq!(link("index.html", "en/polaris/1.html"), "en/polaris/1.html");
        // A directory whose name begins another's is not shared.
        assert_eq!(link("en/ab/index.html", "en/abc/1.html"), "../abc/1.html");
    }

    use super::*;

    #[test]
    fn base_urls_end_in_a_slash_and_refuse_what_cannot_be_one() {
        let base: BaseUrl = "https://errors.example.com/docs".parse().unwrap();
        assert_eq!(base.as_str(), "https://errors.example.com/docs/");
        assert_eq!(
            base.join("en/index.html"),
            "https://errors.example.com/docs/en/index.html"
        );
        let root: BaseUrl = "http://localhost:8000/".parse().unwrap();
        assert_eq!(root.as_str(), "http://localhost:8000/");
        for bad in [
            "errors.example.com/docs/",
            "ftp://example.com/",
            "https:///docs/",
            "https://example.com/?lang=en",
            "https://example.com/a b/",
            "https://example.com/<x>/",
        ] {
            assert!(bad.parse::<BaseUrl>().is_err(), "{bad}");
        }
    }

    fn segment(code: &str) -> String {
        code_segment(&Code::new(code), &Names::default())
    }

    #[test]
    fn ordinary_codes_are_kept() {
        assert_eq!(segment("400001"), "400001");
        assert_eq!(segment("SVCSTG.CSE.4001000"), "SVCSTG.CSE.4001000");
        assert_eq!(segment("0042"), "0042");
    }

    #[test]
    fn unsafe_codes_are_encoded_and_cannot_escape() {
        assert_eq!(segment("../etc/passwd"), "~2E.~2Fetc~2Fpasswd");
        assert_eq!(segment(".."), "~2E.");
        assert_eq!(segment("a b~c"), "a~20b~7Ec");
        assert_eq!(segment("错"), "~E9~94~99");
        assert_eq!(segment("index"), "~69ndex");
        assert_eq!(segment("INDEX-2"), "~49NDEX-2");
        assert_eq!(segment("index-12"), "~69ndex-12");
        assert_eq!(segment("index-"), "index-");
        assert_eq!(segment("index-2a"), "index-2a");
        assert_eq!(segment("INDEX"), "~49NDEX");
        assert_eq!(segment("indexes"), "indexes");
        assert_eq!(segment("a/b"), "a~2Fb");
        assert_eq!(segment("."), "~2E");
        assert_eq!(segment(""), "");
    }

    #[test]
    fn windows_device_names_are_escaped_with_any_extension() {
        assert_eq!(segment("CON"), "~43ON");
        assert_eq!(segment("nul"), "~6Eul");
        assert_eq!(segment("COM1.5"), "~43OM1.5");
        assert_eq!(segment("CONSOLE"), "CONSOLE");
        assert_eq!(segment("LPT10"), "LPT10");
    }

    #[test]
    fn long_codes_are_cut_with_a_hash_and_stay_distinct() {
        let long = "E".repeat(300);
        let other = format!("{}F", "E".repeat(299));
        let (a, b) = (segment(&long), segment(&other));
        assert!(a.len() <= MAX_SEGMENT && b.len() <= MAX_SEGMENT, "{a}");
        assert_ne!(a, b);
        assert!(a.starts_with("EEEE") && a.contains("~~"), "{a}");
        // Escapes are never cut in half.
        let han = segment(&"错".repeat(100));
        let (kept, _) = han.split_once("~~").unwrap();
        assert!(kept.len() % 9 == 0, "{han}");
    }

    #[test]
    fn codes_that_differ_only_in_case_get_names_that_do_too() {
        let codes = ["abc", "ABC", "Abc", "xyz", "E1"].map(Code::new);
        let names = Names::new(&codes);
        let segments: Vec<String> = codes.iter().map(|c| code_segment(c, &names)).collect();
        assert_eq!(segments, ["abc", "~41~42~43", "~41bc", "xyz", "E1"]);
        let folded: HashSet<String> = segments.iter().map(|s| s.to_ascii_lowercase()).collect();
        assert_eq!(folded.len(), codes.len());
    }

    #[test]
    fn later_pages_of_a_list_are_numbered() {
        assert_eq!(paged("en/status/400.html".into(), 0), "en/status/400.html");
        assert_eq!(
            paged("en/status/400.html".into(), 1),
            "en/status/400-2.html"
        );
    }

    #[test]
    fn roots_climb_to_the_site() {
        assert_eq!(root_of("index.html"), "");
        assert_eq!(root_of("en/index.html"), "../");
        assert_eq!(root_of("en/polaris/400001.html"), "../../");
    }

    #[test]
    fn section_pages_have_readable_names() {
        assert_eq!(
            category_page(Lang::Zh, Category::InvalidArgument),
            "zh/categories/invalid-argument.html"
        );
        assert_eq!(
            status_page(Lang::En, HttpStatus::new(404).unwrap()),
            "en/status/404.html"
        );
        assert_eq!(
            permalink(
                Lang::En,
                &Code::new("SVCSTG.CSE.4001000"),
                &Names::default()
            ),
            "en/codes/SVCSTG.CSE.4001000.html"
        );
    }
}
