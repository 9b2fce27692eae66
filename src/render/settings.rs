//! What the site says of itself: its title and texts, logo, footer, the
//! repository its input lives in, and whether maintainers' material is
//! shown. `crate::config` reads it from `errdocs.toml` and checks it; render
//! takes it as given.

use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};

use crate::model::{Bilingual, Lang};

/// Everything `errdocs.toml` changes about the site. The default is the
/// site errdocs builds without one.
#[derive(Debug, Clone, Default, Hash)]
pub struct SiteSettings {
    /// UI strings put in place of the theme's, per language, key first:
    /// the configured title and description, then `[strings]`.
    pub strings: Bilingual<Vec<(String, String)>>,
    /// The footer as sanitised HTML, in place of the theme's text.
    pub footer: Bilingual<Option<String>>,
    /// Shown beside the site's name in the masthead.
    pub logo: Option<Asset>,
    /// In place of the theme's `favicon.svg`.
    pub favicon: Option<Asset>,
    pub repository: Option<Repository>,
    /// The language `index.html` sends a reader to when the browser states
    /// no preference between the two.
    pub default_language: Option<Lang>,
    /// Maintainers' material on the pages: why a code is in its category,
    /// the notes `errdocs check` has on it, and the report.
    pub drafts: bool,
    /// The catalog's release label and date, shown in the footer; without
    /// them the footer names the catalog by a hash of its content.
    pub release: Option<String>,
    pub updated: Option<String>,
    /// How many rows a page of a list holds: a vendor's codes, a category,
    /// a status, the report. Longer lists are split into numbered pages.
    pub page_size: PageSize,
    /// The bound on a search shard's bytes (`[search] shard_bytes`); an
    /// index whose rows fit in it is one file.
    pub search_shard_bytes: Option<usize>,
    /// Up to how many codes `api/codes.json` is written (`[api]
    /// all_codes_max`); above it, the vendors' files alone.
    pub api_all_codes_max: Option<usize>,
}

/// The default bound on a search shard's bytes.
pub const SHARD_BYTES: usize = 32 * 1024;

/// Up to how many codes `api/codes.json` is written by default: some
/// 130 MB at 10⁵ codes is more than anyone should download in one piece,
/// and `api/<vendor>.json` holds the same entries.
pub const ALL_CODES_MAX: usize = 50_000;

impl SiteSettings {
    pub fn search_shard_bytes(&self) -> usize {
        self.search_shard_bytes.unwrap_or(SHARD_BYTES)
    }

    pub fn api_all_codes_max(&self) -> usize {
        self.api_all_codes_max.unwrap_or(ALL_CODES_MAX)
    }
}

/// The rows of one page of a list; never zero.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct PageSize(std::num::NonZeroUsize);

impl PageSize {
    /// On the 100,000-code benchmark workload a page of this many rows
    /// is under 200 KB of HTML (a row's text is cut at 160 characters),
    /// which a phone renders without a pause.
    pub const DEFAULT: usize = 500;

    pub fn new(rows: usize) -> Option<PageSize> {
        std::num::NonZeroUsize::new(rows).map(PageSize)
    }

    pub fn get(self) -> usize {
        self.0.get()
    }

    /// The number of pages a list of `len` rows takes (at least one).
    pub fn pages(self, len: usize) -> usize {
        len.div_ceil(self.get()).max(1)
    }

    /// The rows of page `page` (0-based) of `items`.
    pub fn slice<T>(self, items: &[T], page: usize) -> &[T] {
        let start = (page * self.get()).min(items.len());
        &items[start..(start + self.get()).min(items.len())]
    }
}

impl Default for PageSize {
    fn default() -> PageSize {
        PageSize::new(PageSize::DEFAULT).expect("not zero")
    }
}

/// A file copied into the site's root as it is.
#[derive(Debug, Clone, Hash)]
pub struct Asset {
    /// Its name in the site's root: `logo.svg`, `favicon.png`.
    pub name: String,
    pub bytes: Vec<u8>,
}

impl Asset {
    /// Its file name's extension, one of those `errdocs.toml` allows.
    pub fn extension(&self) -> &'static str {
        let ext = self.name.rsplit_once('.').map_or("", |(_, ext)| ext);
        IMAGES.iter().find(|&&e| e == ext).copied().unwrap_or("png")
    }

    /// The MIME type a `<link rel=icon>` names.
    pub fn mime(&self) -> &'static str {
        match self.name.rsplit_once('.').map(|(_, ext)| ext) {
            Some("svg") => "image/svg+xml",
            Some("png") => "image/png",
            Some("ico") => "image/x-icon",
            Some("webp") => "image/webp",
            Some("gif") => "image/gif",
            _ => "image/jpeg",
        }
    }
}

/// The image files a logo or favicon may be, by extension.
pub const IMAGES: [&str; 7] = ["svg", "png", "ico", "webp", "gif", "jpg", "jpeg"];

/// The hosts whose URL shapes errdocs knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Host {
    GitHub,
    GitLab,
    /// Gitea and Forgejo (Codeberg) share their URL shapes.
    Gitea,
    Bitbucket,
}

/// Where the input lives in a repository, for "Edit source" and "Report a
/// problem" links.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Repository {
    pub host: Host,
    /// The repository's web address, without a trailing slash.
    pub url: String,
    pub branch: String,
    /// The input directory's path in the repository, without a leading or
    /// trailing slash; empty when the input is the repository's root.
    pub input_path: String,
}

/// What a path segment or query value may keep unescaped: RFC 3986's
/// unreserved characters.
const COMPONENT: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');

/// Path segments, each escaped, joined by `/`; empty ones left out.
fn segments<'a>(parts: impl Iterator<Item = &'a str>) -> String {
    parts
        .filter(|s| !s.is_empty())
        .map(|s| utf8_percent_encode(s, COMPONENT).to_string())
        .collect::<Vec<_>>()
        .join("/")
}

impl Repository {
    /// The web page that shows `file` (a path under the input directory,
    /// `polaris/error-codes.zh.md`) at `line`. Rendered formats (Markdown,
    /// AsciiDoc…) are asked for as source, or the line anchor would point
    /// nowhere.
    pub fn edit_url(&self, file: &str, line: usize) -> String {
        let path = segments(self.input_path.split('/').chain(file.split('/')));
        // A branch's slashes stay: every host reads `release/2.x` whole.
        let branch = segments(self.branch.split('/'));
        let rendered = matches!(
            file.rsplit_once('.').map(|(_, ext)| ext.to_ascii_lowercase()),
            Some(ext) if ["md", "markdown", "mdx", "rst", "adoc", "org", "html", "htm"].contains(&ext.as_str())
        );
        let url = &self.url;
        match self.host {
            Host::GitHub | Host::GitLab => {
                let blob = if self.host == Host::GitLab {
                    "-/blob"
                } else {
                    "blob"
                };
                let plain = if rendered { "?plain=1" } else { "" };
                format!("{url}/{blob}/{branch}/{path}{plain}#L{line}")
            }
            Host::Gitea => {
                let plain = if rendered { "?display=source" } else { "" };
                format!("{url}/src/branch/{branch}/{path}{plain}#L{line}")
            }
            Host::Bitbucket => format!("{url}/src/{branch}/{path}#lines-{line}"),
        }
    }

    /// The host's form for a new issue, with its title and body filled in
    /// where the host takes them from the URL.
    pub fn issue_url(&self, title: &str, body: &str) -> String {
        let title = utf8_percent_encode(title, COMPONENT);
        let body = utf8_percent_encode(body, COMPONENT);
        let url = &self.url;
        match self.host {
            Host::GitHub | Host::Gitea => format!("{url}/issues/new?title={title}&body={body}"),
            Host::GitLab => {
                format!("{url}/-/issues/new?issue%5Btitle%5D={title}&issue%5Bdescription%5D={body}")
            }
            Host::Bitbucket => format!("{url}/issues/new?title={title}&content={body}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn repo(host: Host, url: &str) -> Repository {
        Repository {
            host,
            url: url.to_owned(),
            branch: "main".to_owned(),
            input_path: "input".to_owned(),
        }
    }

    #[test]
    fn edit_links_take_each_hosts_shape() {
        let file = "polaris/error-codes.zh.md";
        assert_eq!(
            repo(Host::GitHub, "https://github.com/acme/docs").edit_url(file, 149),
            "https://github.com/acme/docs/blob/main/input/polaris/error-codes.zh.md?plain=1#L149"
        );
        assert_eq!(
            repo(Host::GitLab, "https://gitlab.com/acme/docs").edit_url("a/b.json", 3),
            "https://gitlab.com/acme/docs/-/blob/main/input/a/b.json#L3"
        );
        assert_eq!(
            repo(Host::Gitea, "https://codeberg.org/acme/docs").edit_url(file, 2),
            "https://codeberg.org/acme/docs/src/branch/main/input/polaris/error-codes.zh.md?display=source#L2"
        );
        assert_eq!(
            repo(Host::Bitbucket, "https://bitbucket.org/acme/docs").edit_url(file, 2),
            "https://bitbucket.org/acme/docs/src/main/input/polaris/error-codes.zh.md#lines-2"
        );
    }

    #[test]
    fn edit_links_escape_each_segment_and_skip_an_empty_input_path() {
        let mut repo = repo(Host::GitHub, "https://github.com/acme/docs");
        repo.input_path = String::new();
        repo.branch = "release/2.x".to_owned();
        assert_eq!(
            repo.edit_url("acme/错误 码.csv", 7),
            "https://github.com/acme/docs/blob/release/2.x/acme/%E9%94%99%E8%AF%AF%20%E7%A0%81.csv#L7"
        );
    }

    #[test]
    fn issue_links_are_prefilled() {
        assert_eq!(
            repo(Host::GitHub, "https://github.com/acme/docs")
                .issue_url("400141: wrong", "See a&b"),
            "https://github.com/acme/docs/issues/new?title=400141%3A%20wrong&body=See%20a%26b"
        );
        assert_eq!(
            repo(Host::GitLab, "https://gitlab.example.com/g/docs").issue_url("t", "b"),
            "https://gitlab.example.com/g/docs/-/issues/new?issue%5Btitle%5D=t&issue%5Bdescription%5D=b"
        );
    }
}
