//! The files that let search engines and browsers find the site:
//! `robots.txt`, `sitemap.xml` with every page's other language, and an
//! OpenSearch description per language so a browser can search codes from
//! its address bar.
//!
//! Sitemaps and OpenSearch need absolute URLs, so they are written only
//! when the build knows its [`BaseUrl`]; `robots.txt` is always written and
//! names the sitemap when there is one.

use std::fmt::Write as _;

use super::context::Ctx;
use super::paths::{self, BaseUrl};
use crate::model::Lang;

/// The most URLs one sitemap file may list (sitemaps.org).
pub(crate) const MAX_URLS: usize = 50_000;

/// A page as the sitemap lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct SitemapUrl {
    /// Relative to the site root.
    pub path: String,
    /// `(hreflang, path)` of the page in every language, itself included;
    /// empty for a page that is in both languages at once.
    pub alternates: Vec<(&'static str, String)>,
}

/// One file of the sitemap.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum SitemapFile {
    /// `sitemap.xml` listing every URL.
    Whole,
    /// `sitemap.xml` as an index of `parts` files, when one would be too long.
    Index { parts: usize },
    /// `sitemap-<n>.xml`, listing URLs `start..end`.
    Part { n: usize, start: usize, end: usize },
}

impl SitemapFile {
    pub(crate) fn path(self) -> String {
        match self {
            SitemapFile::Whole | SitemapFile::Index { .. } => paths::SITEMAP.to_owned(),
            SitemapFile::Part { n, .. } => paths::sitemap_part(n),
        }
    }
}

/// The sitemap files for `urls` URLs: one, or an index and its parts.
pub(crate) fn sitemap_files(urls: usize) -> impl Iterator<Item = SitemapFile> {
    split(urls, MAX_URLS)
}

fn split(urls: usize, max: usize) -> impl Iterator<Item = SitemapFile> {
    let parts = urls.div_ceil(max);
    let (head, parts) = if parts <= 1 {
        (SitemapFile::Whole, 0)
    } else {
        (SitemapFile::Index { parts }, parts)
    };
    std::iter::once(head).chain((1..=parts).map(move |n| SitemapFile::Part {
        n,
        start: (n - 1) * max,
        end: (n * max).min(urls),
    }))
}

const HEADER: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
const SITEMAP_NS: &str = "http://www.sitemaps.org/schemas/sitemap/0.9";

pub(crate) fn write_sitemap(
    base_url: &BaseUrl,
    urls: &[SitemapUrl],
    file: SitemapFile,
    out: &mut Vec<u8>,
) {
    let mut xml = String::with_capacity(256 * urls.len().min(MAX_URLS) + 256);
    xml.push_str(HEADER);
    let urls = match file {
        SitemapFile::Index { parts } => {
            let _ = writeln!(xml, "<sitemapindex xmlns=\"{SITEMAP_NS}\">");
            for n in 1..=parts {
                let loc = escape(&base_url.join(&paths::sitemap_part(n)));
                let _ = writeln!(xml, "<sitemap><loc>{loc}</loc></sitemap>");
            }
            xml.push_str("</sitemapindex>\n");
            out.extend_from_slice(xml.as_bytes());
            return;
        }
        SitemapFile::Whole => urls,
        SitemapFile::Part { start, end, .. } => &urls[start..end],
    };
    let _ = writeln!(
        xml,
        "<urlset xmlns=\"{SITEMAP_NS}\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">"
    );
    for url in urls {
        let _ = write!(xml, "<url><loc>{}</loc>", escape(&base_url.join(&url.path)));
        for (hreflang, path) in &url.alternates {
            let _ = write!(
                xml,
                "<xhtml:link rel=\"alternate\" hreflang=\"{hreflang}\" href=\"{}\"/>",
                escape(&base_url.join(path))
            );
        }
        xml.push_str("</url>\n");
    }
    xml.push_str("</urlset>\n");
    out.extend_from_slice(xml.as_bytes());
}

/// Every page may be crawled: the search pages and the 404 page say
/// `noindex` themselves, which a `Disallow` line would hide from crawlers.
pub(crate) fn write_robots(base_url: Option<&BaseUrl>, out: &mut Vec<u8>) {
    out.extend_from_slice(b"User-agent: *\nAllow: /\n");
    if let Some(base_url) = base_url {
        let _ = write!(
            ByteString(out),
            "\nSitemap: {}\n",
            base_url.join(paths::SITEMAP)
        );
    }
}

/// An OpenSearch 1.1 description whose template is the language's search
/// page, which runs the search in its `?q=`.
pub(crate) fn write_opensearch(ctx: &Ctx, lang: Lang, out: &mut Vec<u8>) {
    let base_url = ctx
        .base_url
        .expect("OpenSearch is planned only with a base URL");
    let search = escape(&base_url.join(&paths::search_page(lang)));
    let _ = write!(
        ByteString(out),
        "{HEADER}<OpenSearchDescription xmlns=\"http://a9.com/-/spec/opensearch/1.1/\" \
         xmlns:moz=\"http://www.mozilla.org/2006/browser/search/\">\n\
         <ShortName>{name}</ShortName>\n\
         <Description>{description}</Description>\n\
         <InputEncoding>UTF-8</InputEncoding>\n\
         <Language>{language}</Language>\n\
         <Image width=\"16\" height=\"16\" type=\"image/svg+xml\">{icon}</Image>\n\
         <Url type=\"text/html\" method=\"get\" template=\"{search}?q={{searchTerms}}\"/>\n\
         <Url type=\"application/opensearchdescription+xml\" rel=\"self\" template=\"{this}\"/>\n\
         <moz:SearchForm>{search}</moz:SearchForm>\n\
         </OpenSearchDescription>\n",
        name = escape(ctx.t(lang, "opensearch_name")),
        description = escape(ctx.t(lang, "opensearch_description")),
        language = super::context::html_lang(lang),
        icon = escape(&base_url.join(paths::FAVICON)),
        this = escape(&base_url.join(&paths::opensearch(lang))),
    );
}

/// Text as XML character data or an attribute value.
fn escape(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        match c {
            '&' => escaped.push_str("&amp;"),
            '<' => escaped.push_str("&lt;"),
            '>' => escaped.push_str("&gt;"),
            '"' => escaped.push_str("&quot;"),
            '\'' => escaped.push_str("&apos;"),
            c => escaped.push(c),
        }
    }
    escaped
}

/// `write!` into a byte buffer.
struct ByteString<'a>(&'a mut Vec<u8>);

impl std::fmt::Write for ByteString<'_> {
    fn write_str(&mut self, s: &str) -> std::fmt::Result {
        self.0.extend_from_slice(s.as_bytes());
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn url(path: &str) -> SitemapUrl {
        SitemapUrl {
            path: path.to_owned(),
            alternates: vec![
                ("en", format!("en/{path}")),
                ("zh-CN", format!("zh/{path}")),
            ],
        }
    }

    #[test]
    fn a_short_sitemap_is_one_file() {
        assert_eq!(split(3, 5).collect::<Vec<_>>(), [SitemapFile::Whole]);
        assert_eq!(split(0, 5).collect::<Vec<_>>(), [SitemapFile::Whole]);
        assert_eq!(split(5, 5).collect::<Vec<_>>(), [SitemapFile::Whole]);
    }

    #[test]
    fn a_long_sitemap_becomes_an_index_of_parts() {
        assert_eq!(
            split(11, 5).collect::<Vec<_>>(),
            [
                SitemapFile::Index { parts: 3 },
                SitemapFile::Part {
                    n: 1,
                    start: 0,
                    end: 5
                },
                SitemapFile::Part {
                    n: 2,
                    start: 5,
                    end: 10
                },
                SitemapFile::Part {
                    n: 3,
                    start: 10,
                    end: 11
                },
            ]
        );
        let base: BaseUrl = "https://e.example/docs/".parse().unwrap();
        let urls: Vec<SitemapUrl> = (0..11).map(|i| url(&format!("{i}.html"))).collect();
        let mut index = Vec::new();
        write_sitemap(&base, &urls, SitemapFile::Index { parts: 3 }, &mut index);
        let index = String::from_utf8(index).unwrap();
        assert!(index.contains("<loc>https://e.example/docs/sitemap-3.xml</loc>"));
        assert_eq!(index.matches("<sitemap>").count(), 3);
        let mut last = Vec::new();
        let part = SitemapFile::Part {
            n: 3,
            start: 10,
            end: 11,
        };
        write_sitemap(&base, &urls, part, &mut last);
        let last = String::from_utf8(last).unwrap();
        assert_eq!(last.matches("<url>").count(), 1);
        assert!(last.contains("<loc>https://e.example/docs/10.html</loc>"));
    }

    #[test]
    fn sitemap_urls_carry_both_languages_escaped() {
        let base: BaseUrl = "https://e.example/a&b/".parse().unwrap();
        let mut xml = Vec::new();
        write_sitemap(&base, &[url("x.html")], SitemapFile::Whole, &mut xml);
        let xml = String::from_utf8(xml).unwrap();
        assert!(xml.contains(
            "<url><loc>https://e.example/a&amp;b/x.html</loc>\
             <xhtml:link rel=\"alternate\" hreflang=\"en\" href=\"https://e.example/a&amp;b/en/x.html\"/>\
             <xhtml:link rel=\"alternate\" hreflang=\"zh-CN\" href=\"https://e.example/a&amp;b/zh/x.html\"/></url>"
        ));
    }

    #[test]
    fn robots_names_the_sitemap_only_when_there_is_one() {
        let mut bare = Vec::new();
        write_robots(None, &mut bare);
        assert_eq!(bare, b"User-agent: *\nAllow: /\n");
        let base: BaseUrl = "https://e.example/docs/".parse().unwrap();
        let mut with = Vec::new();
        write_robots(Some(&base), &mut with);
        assert!(
            String::from_utf8(with)
                .unwrap()
                .ends_with("\nSitemap: https://e.example/docs/sitemap.xml\n")
        );
    }
}
